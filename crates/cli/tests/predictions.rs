//! The forecast ledger end to end: `extract --json` predictions, `earshot predictions` with
//! its filters, resolving, scoring, and outcomes that survive re-ingest and reindex.

mod common;

use std::path::{Path, PathBuf};

use common::{earshot_with, json_lines, ok};

/// The two fixture episodes of "Night Desk" with forecasts (written for these tests).
const FILES: [&str; 2] = ["forecasts-2026-03-02.txt", "forecasts-2026-03-16.txt"];

/// The ledger is read as of this day.
const TODAY: (&str, &str) = ("EARSHOT_TODAY", "2026-04-15");

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/speaker-stamp")
        .join(name)
}

fn run(args: &[&str], data: &Path) -> std::process::Output {
    earshot_with(args, data, &[TODAY])
}

/// An archive of copies of both fixtures (so that a test may change one), and the copies.
fn archive() -> (tempfile::TempDir, tempfile::TempDir) {
    let src = tempfile::tempdir().unwrap();
    for f in FILES {
        std::fs::copy(fixture(f), src.path().join(f)).unwrap();
    }
    let data = tempfile::tempdir().unwrap();
    let dir = src.path().to_str().unwrap();
    ok(&run(&["ingest", dir, "--show", "Night Desk"], data.path()));
    (src, data)
}

fn list(args: &[&str], data: &Path) -> Vec<serde_json::Value> {
    let mut all = vec!["predictions", "--json"];
    all.extend_from_slice(args);
    json_lines(&run(&all, data))
}

fn texts(list: &[serde_json::Value]) -> Vec<String> {
    list.iter()
        .map(|p| p["text"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn extract_json_lists_forecasts_per_the_contract() {
    let data = tempfile::tempdir().unwrap();
    let path = fixture(FILES[0]);
    let out = json_lines(&run(
        &["extract", "--json", path.to_str().unwrap()],
        data.path(),
    ));
    let preds = out[0]["predictions"].as_array().unwrap();
    assert_eq!(preds.len(), 4, "{preds:#?}");
    let first = &preds[0];
    for key in [
        "text",
        "segment",
        "start_ms",
        "speaker",
        "horizon",
        "due",
        "conditional",
        "confidence",
        "entities",
    ] {
        assert!(first.get(key).is_some(), "missing {key}");
    }
    assert_eq!(
        first["text"],
        "I think Putin will accept the maritime truce within the next few weeks."
    );
    assert_eq!(first["speaker"], "Tom Okafor");
    assert_eq!(first["horizon"], "within the next few weeks");
    assert_eq!(first["due"], "2026-03-30");
    assert_eq!(first["confidence"], "medium");
    assert_eq!(first["conditional"], false);
    assert_eq!(first["entities"], serde_json::json!(["Vladimir Putin"]));
    assert_eq!(first["start_ms"], 19_000);
    let conditional = &preds[1];
    assert_eq!(conditional["conditional"], true);
    assert_eq!(conditional["condition"], "If the insurers come back");
    // The claim's span, in characters of its segment's text.
    let span = conditional["claim_span"].as_array().unwrap();
    let (a, b) = (
        span[0].as_u64().unwrap() as usize,
        span[1].as_u64().unwrap() as usize,
    );
    let segment = out[0]["predictions"][1]["segment"].as_u64().unwrap();
    let parsed = json_lines(&run(
        &["parse", "--json", path.to_str().unwrap()],
        data.path(),
    ));
    let text: Vec<char> = parsed[0]["segments"][segment as usize]["text"]
        .as_str()
        .unwrap()
        .chars()
        .collect();
    assert_eq!(
        text[a..b].iter().collect::<String>(),
        "exports through Odesa will climb by the summer"
    );
    assert_eq!(preds[2]["confidence"], "high");
    assert_eq!(preds[3]["confidence"], "low");
    // The question, the Kremlin's own line, the show's logistics: not forecasts.
    let all = texts(preds).join(" ");
    for trap in [
        "will Putin agree",
        "Kremlin says",
        "reading list",
        "right back",
        "always do",
    ] {
        assert!(!all.contains(trap), "{trap} taken as a forecast");
    }
}

#[test]
fn the_ledger_lists_filters_and_marks_what_is_due() {
    let (_src, data) = archive();
    let data = data.path();
    let all = list(&[], data);
    assert_eq!(all.len(), 7, "{:#?}", texts(&all));
    // The soonest due first; open-ended ones last.
    assert_eq!(all[0]["due"], "2026-03-30");
    assert_eq!(all[0]["status"], "due");
    assert!(all.last().unwrap()["due"].is_null());
    assert_eq!(all[0]["show"], "Night Desk");
    assert_eq!(all[0]["published"], "2026-03-02");

    let due = list(&["--status", "overdue"], data);
    assert_eq!(texts(&due), texts(&all[..1]));
    assert_eq!(list(&["--status", "open"], data).len(), 6);
    assert_eq!(list(&["--status", "resolved"], data).len(), 0);
    assert_eq!(list(&["--speaker", "tom okafor"], data).len(), 7);
    assert_eq!(list(&["--speaker", "Maria Lind"], data).len(), 0);
    assert_eq!(list(&["--show", "night desk"], data).len(), 7);
    assert_eq!(list(&["--entity", "Putin"], data).len(), 2);
    let before = list(&["--due-before", "2026-07-01"], data);
    assert_eq!(
        before
            .iter()
            .map(|p| p["due"].as_str().unwrap())
            .collect::<Vec<_>>(),
        ["2026-03-30", "2026-05-15", "2026-06-21"]
    );

    // Human output: a header, aligned rows, the count of overdue ones.
    let human = ok(&run(&["predictions"], data));
    assert!(human.starts_with("   id  due"), "{human}");
    assert!(human.contains("7 forecasts, 1 overdue"), "{human}");

    // Bad input is named.
    let bad = run(&["predictions", "--due-before", "soon"], data);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("not a date"));
    let missing = run(
        &["predictions", "resolve", "9999", "--outcome", "correct"],
        data,
    );
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no forecast has id 9999"));
}

#[test]
fn outcomes_are_scored_and_survive_reingest_and_reindex() {
    let (src, data) = archive();
    let data = data.path();
    let first = &list(&[], data)[0];
    let id = first["id"].as_i64().unwrap().to_string();
    let said = ok(&run(
        &[
            "predictions",
            "resolve",
            &id,
            "--outcome",
            "correct",
            "--note",
            "accepted on 28 March",
            "--evidence",
            "https://example.org/truce",
        ],
        data,
    ));
    assert!(said.contains("resolved correct"), "{said}");
    let shown = json_lines(&run(&["predictions", "show", &id, "--json"], data));
    assert_eq!(shown[0]["outcome"], "correct");
    assert_eq!(shown[0]["evidence"], "https://example.org/truce");
    assert_eq!(shown[0]["status"], "resolved");

    let score = json_lines(&run(&["predictions", "score", "--json"], data));
    let overall = &score[0]["overall"];
    assert_eq!(overall["forecasts"], 7);
    assert_eq!(overall["correct"], 1);
    assert_eq!(overall["accuracy"], 1.0);
    // A medium forecast stands for 70%: (1 - 0.7)² = 0.09.
    assert!((overall["brier"].as_f64().unwrap() - 0.09).abs() < 1e-9);
    let medium = &score[0]["calibration"][1];
    assert_eq!(medium["confidence"], "medium");
    assert_eq!(medium["scored"], 1);
    let by_entity = json_lines(&run(
        &["predictions", "score", "--by", "entity", "--json"],
        data,
    ));
    let groups = by_entity[0]["groups"].as_array().unwrap();
    assert!(groups
        .iter()
        .any(|g| g["group"] == "Vladimir Putin" && g["correct"] == 1));
    let human = ok(&run(&["predictions", "score", "--by", "speaker"], data));
    assert!(
        human.contains("Tom Okafor") && human.contains("calibration"),
        "{human}"
    );

    // The episode changes (a line added) and is ingested again; then both reindexes.
    let path = src.path().join(FILES[0]);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("Welcome back", "Hello and welcome back"),
    )
    .unwrap();
    ok(&run(
        &[
            "ingest",
            src.path().to_str().unwrap(),
            "--show",
            "Night Desk",
        ],
        data,
    ));
    ok(&run(&["reindex"], data));
    ok(&run(&["reindex", "--entities"], data));
    let resolved = list(&["--status", "resolved"], data);
    assert_eq!(resolved.len(), 1);
    assert_eq!(resolved[0]["id"].as_i64().unwrap().to_string(), id);
    assert_eq!(resolved[0]["note"], "accepted on 28 March");

    // Reopened, it is due again.
    ok(&run(&["predictions", "reopen", &id], data));
    assert_eq!(list(&["--status", "due"], data).len(), 1);
}
