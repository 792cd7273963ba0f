//! The archive commands end to end: ingest, search (the `--json` contract, filters,
//! `--by-episode`), stats, episode, export, remove, reindex, and the busy error.

mod common;

use std::path::{Path, PathBuf};

use common::{earshot, json_lines, ok};

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

#[test]
fn ingest_then_search_follows_the_contract() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    let report = json_lines(&earshot(
        &["ingest", examples().to_str().unwrap(), "--quiet", "--json"],
        d,
    ));
    assert_eq!(report[0]["added"], 4, "{}", report[0]);
    assert_eq!(report[0]["rejected"].as_array().unwrap().len(), 0);

    let hits = json_lines(&earshot(&["search", "Witkoff", "--json"], d));
    assert!(!hits.is_empty());
    let h = &hits[0];
    for key in [
        "episode",
        "source",
        "title",
        "show",
        "published",
        "start_ms",
        "speaker",
        "score",
        "snippet",
        "text",
    ] {
        assert!(h.get(key).is_some(), "missing {key} in {h}");
    }
    assert_eq!(h["show"], "The Meridian Brief");
    assert_eq!(h["published"], "2026-03-14");
    assert!(
        h["snippet"].as_str().unwrap().contains("<b>Wittkov</b>"),
        "{h}"
    );
    assert!(h["text"]
        .as_str()
        .unwrap()
        .contains("Wittkov left a day early"));
    assert_eq!(h["start_ms"], 0);

    // Human output: show, title, date and timestamp on every hit.
    let out = ok(&earshot(&["search", "Ushakov"], d));
    assert!(
        out.contains("The Meridian Brief  Ceasefire talks stall in Riyadh  2026-03-14  00:00:41"),
        "{out}"
    );

    // Filters and grouping.
    let none = json_lines(&earshot(
        &["search", "Witkoff", "--json", "--before", "2025-01-01"],
        d,
    ));
    assert!(none.is_empty());
    let grouped = json_lines(&earshot(
        &["search", "the", "--json", "--by-episode", "-n", "2"],
        d,
    ));
    assert_eq!(grouped.len(), 2);
    assert!(grouped[0]["hits"].as_array().unwrap().len() <= 3);
    let phrase = json_lines(&earshot(&["search", "\"grain corridor\"", "--json"], d));
    assert!(phrase
        .iter()
        .all(|h| h["text"].as_str().unwrap().to_lowercase().contains("grain")));

    // Exclusions are query words, not options.
    let excluded = json_lines(&earshot(&["search", "Witkoff -Riyadh", "--json"], d));
    assert!(excluded
        .iter()
        .all(|h| !h["text"].as_str().unwrap().contains("Riyadh")));
    // A bad query is a clear error, not a crash.
    let o = earshot(&["search", "--", "-only", "-exclusions"], d);
    assert!(!o.status.success());
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("query"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn stats_episode_export_remove_and_reindex() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    ok(&earshot(
        &["ingest", examples().to_str().unwrap(), "--quiet"],
        d,
    ));
    let stats = json_lines(&earshot(&["stats", "--json", "--check"], d));
    assert_eq!(stats[0]["episodes"], 4);
    assert_eq!(stats[0]["consistent"], true);
    assert!(stats[0]["index_bytes"].as_u64().unwrap() > 0);

    let id = json_lines(&earshot(&["search", "Riyadh", "--json"], d))[0]["episode"]
        .as_i64()
        .unwrap();
    let ep = json_lines(&earshot(&["episode", &id.to_string(), "--json"], d));
    assert!(ep[0]["segments"].as_array().unwrap().len() > 3);
    let text = ok(&earshot(&["episode", &id.to_string()], d));
    assert!(text.contains("[00:00:41]"), "{text}");

    let csv = ok(&earshot(&["export", "--format", "csv"], d));
    assert!(csv.starts_with("episode,show,title,published,start_ms"));
    assert!(csv.lines().count() > 10);
    let out = tempfile::tempdir().unwrap();
    ok(&earshot(
        &[
            "export",
            "--format",
            "vtt",
            "--out",
            out.path().to_str().unwrap(),
        ],
        d,
    ));
    let vtts: Vec<_> = std::fs::read_dir(out.path()).unwrap().collect();
    assert_eq!(vtts.len(), 4);
    let jsonl = json_lines(&earshot(&["export"], d));
    assert_eq!(jsonl.len(), 4);

    ok(&earshot(&["remove", &id.to_string()], d));
    assert!(json_lines(&earshot(&["search", "Riyadh", "--json"], d))
        .iter()
        .all(|h| h["episode"] != id));
    ok(&earshot(&["reindex", "--quiet"], d));
    let stats = json_lines(&earshot(&["stats", "--json", "--check"], d));
    assert_eq!(stats[0]["episodes"], 3);
    assert_eq!(stats[0]["consistent"], true);
}

#[test]
fn missing_archive_and_unknown_episode_are_clear_errors() {
    let data = tempfile::tempdir().unwrap();
    let o = earshot(&["search", "anything"], &data.path().join("none"));
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no archive in"));
    ok(&earshot(
        &["ingest", examples().to_str().unwrap(), "--quiet"],
        data.path(),
    ));
    let o = earshot(&["episode", "999"], data.path());
    assert_eq!(o.status.code(), Some(1));
}
