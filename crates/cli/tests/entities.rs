//! Entities end to end: the `extract --json` contract, mentions stored at ingest, browsing,
//! the `entity:` search filter and name expansion, and curation that survives re-ingest and
//! reindex.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::{earshot, json_lines, ok};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/podscripts")
}

/// The two fixture episodes about envoys (written for these tests).
const EPISODES: [&str; 2] = ["envoys-2026-03-02.txt", "envoys-2026-03-09.txt"];

fn episode_paths() -> Vec<String> {
    EPISODES
        .iter()
        .map(|f| fixtures().join(f).to_str().unwrap().to_string())
        .collect()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_str(ok(o).trim()).unwrap()
}

/// An archive holding both fixture episodes.
fn archive() -> tempfile::TempDir {
    let data = tempfile::tempdir().unwrap();
    let paths = episode_paths();
    let mut args = vec!["ingest", "--quiet"];
    args.extend(paths.iter().map(String::as_str));
    ok(&earshot(&args, data.path()));
    data
}

fn surfaces(entity: &serde_json::Value) -> Vec<String> {
    entity["surfaces"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["surface"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn extract_json_follows_the_contract() {
    let path = fixtures().join("envoys-2026-03-02.txt");
    let data = tempfile::tempdir().unwrap();
    let out = json_lines(&earshot(
        &["extract", path.to_str().unwrap(), "--json"],
        data.path(),
    ));
    assert_eq!(out.len(), 1);
    let t = &out[0];
    assert_eq!(t["source"], path.to_str().unwrap());
    assert_eq!(t["title"], "Envoys shuttle between capitals");
    assert_eq!(t["published"], "2026-03-02");
    assert!(t["predictions"].is_array());
    let entities = t["entities"].as_array().unwrap();
    let witkoff = entities
        .iter()
        .find(|e| e["name"] == "Steve Witkoff")
        .expect("Witkoff found");
    assert_eq!(witkoff["kind"], "person");
    assert_eq!(witkoff["mentions"], 3);
    let s: Vec<&str> = witkoff["surfaces"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    for garble in ["Whitkoff", "Wittkov", "Steve Witkoff"] {
        assert!(s.contains(&garble), "{s:?}");
    }
    // Offsets are characters into the segment's text, and times come from the segment.
    let parsed = json_lines(&earshot(
        &["parse", path.to_str().unwrap(), "--json"],
        data.path(),
    ));
    let segments = parsed[0]["segments"].as_array().unwrap();
    for span in witkoff["spans"].as_array().unwrap() {
        let seg = &segments[span["segment"].as_u64().unwrap() as usize];
        let text: Vec<char> = seg["text"].as_str().unwrap().chars().collect();
        let (a, b) = (
            span["start"].as_u64().unwrap() as usize,
            span["end"].as_u64().unwrap() as usize,
        );
        let surface: String = text[a..b].iter().collect();
        assert_eq!(surface, span["surface"].as_str().unwrap());
        assert_eq!(span["start_ms"], seg["start_ms"]);
    }
    let ushakov = entities
        .iter()
        .find(|e| e["name"] == "Yuri Ushakov")
        .unwrap();
    assert!(ushakov["surfaces"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s == "Uschukov"));
    let nato = entities.iter().find(|e| e["name"] == "NATO").unwrap();
    assert_eq!(nato["kind"], "organization");
    let russians = entities.iter().find(|e| e["name"] == "Russians").unwrap();
    assert_eq!(russians["kind"], "group");
    // "The Russians" as an actor is the group, linked to the country.
    assert!(russians["links"]
        .as_array()
        .unwrap()
        .iter()
        .any(|l| l["relation"] == "demonym-of" && l["target"] == "Russia"));
    // A person the gazetteer lacks is still found.
    assert!(entities
        .iter()
        .any(|e| e["name"] == "Marcus Hale" && e["kind"] == "person"));
}

#[test]
fn extract_reports_unreadable_files_and_goes_on() {
    let data = tempfile::tempdir().unwrap();
    let missing = data.path().join("missing.txt");
    let paths = episode_paths();
    let o = earshot(
        &[
            "extract",
            missing.to_str().unwrap(),
            &paths[0],
            &paths[1],
            "--json",
        ],
        data.path(),
    );
    assert!(o.status.success());
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains("missing.txt"));
}

#[test]
fn ingest_stores_mentions_and_entity_lists_every_spelling() {
    let data = archive();
    let d = data.path();
    let e = json(&earshot(&["entity", "Steve Witkoff", "--json"], d));
    assert_eq!(e["kind"], "person");
    assert_eq!(e["episodes"], 2);
    assert_eq!(e["first_seen"], "2026-03-02");
    assert_eq!(e["last_seen"], "2026-03-09");
    let s = surfaces(&e);
    for garble in ["Whitkoff", "Wittkov", "Witgolf"] {
        assert!(s.contains(&garble.to_string()), "{s:?}");
    }
    assert_eq!(e["months"].as_array().unwrap().len(), 1);
    assert!(e["companions"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["name"] == "Riyadh"));
    let passages = e["passages"].as_array().unwrap();
    assert_eq!(passages.len() as u64, e["mentions"].as_u64().unwrap());
    assert!(passages.iter().all(|p| p["text"]
        .as_str()
        .unwrap()
        .contains(p["surface"].as_str().unwrap())));

    // A garbled spelling finds the entity too.
    let by_garble = json(&earshot(&["entity", "Whitkoff", "--json"], d));
    assert_eq!(by_garble["name"], "Steve Witkoff");

    // The two spellings of a name the gazetteer lacks are one entity across episodes.
    let hale = json(&earshot(&["entity", "Marcus Hale", "--json"], d));
    assert_eq!(hale["episodes"], 2, "{hale}");
    assert!(surfaces(&hale).contains(&"Markus Hale".to_string()));

    let people = json_lines(&earshot(&["entities", "--kind", "person", "--json"], d));
    assert!(people.iter().all(|p| p["kind"] == "person"));
    assert_eq!(people[0]["name"], "Steve Witkoff");
    let since = json_lines(&earshot(
        &["entities", "--since", "2026-03-05", "--json"],
        d,
    ));
    assert!(since
        .iter()
        .all(|p| p["last"].as_str() >= Some("2026-03-05")));
    let top = json_lines(&earshot(&["entities", "--top", "2", "--json"], d));
    assert_eq!(top.len(), 2);
    let table = ok(&earshot(&["entities"], d));
    assert!(table.lines().next().unwrap().contains("mentions"));

    let unknown = earshot(&["entity", "Nobody Atall"], d);
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("Nobody Atall"));
}

#[test]
fn search_filters_by_entity_and_expands_names_to_their_garbles() {
    let data = archive();
    let d = data.path();
    let hits = json_lines(&earshot(
        &["search", "entity:\"Steve Witkoff\"", "--json", "-n", "50"],
        d,
    ));
    assert_eq!(hits.len(), 4, "{hits:?}");
    let with_words = json_lines(&earshot(
        &["search", "Riyadh entity:\"Steve Witkoff\"", "--json"],
        d,
    ));
    assert_eq!(with_words.len(), 2);
    // "Witkoff" finds the passage that only says "Witgolf" (a garble linked to him).
    let hits = json_lines(&earshot(&["search", "Witkoff", "--json", "-n", "50"], d));
    assert!(
        hits.iter()
            .any(|h| h["text"].as_str().unwrap().contains("Witgolf")),
        "{hits:?}"
    );
    let bad = earshot(&["search", "entity:\"No Such Person\""], d);
    assert!(!bad.status.success());
}

#[test]
fn curation_applies_everywhere_and_survives_reingest_and_reindex() {
    // Copies of the fixtures, so that one can be changed and ingested again.
    let src = tempfile::tempdir().unwrap();
    for f in EPISODES {
        std::fs::copy(fixtures().join(f), src.path().join(f)).unwrap();
    }
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    ok(&earshot(
        &["ingest", src.path().to_str().unwrap(), "--quiet"],
        d,
    ));

    // A misheard name the recogniser could not know: tie it to the right entity.
    ok(&earshot(
        &["entity", "alias", "add", "Mark Rutte", "Root"],
        d,
    ));
    let rutte = json(&earshot(&["entity", "Mark Rutte", "--json"], d));
    assert!(surfaces(&rutte).contains(&"Root".to_string()), "{rutte}");

    // Merge a wrongly separate entity, split it off again under a new name, rename, re-kind.
    ok(&earshot(
        &["entity", "merge", "Marcus Hale", "Hollis Grant"],
        d,
    ));
    let merged = json(&earshot(&["entity", "Marcus Hale", "--json"], d));
    assert!(surfaces(&merged).contains(&"Hollis Grant".to_string()));
    let hits = json_lines(&earshot(
        &["search", "entity:\"Marcus Hale\"", "--json", "-n", "50"],
        d,
    ));
    assert!(hits
        .iter()
        .any(|h| h["text"].as_str().unwrap().contains("Hollis Grant")));
    ok(&earshot(
        &[
            "entity",
            "split",
            "Marcus Hale",
            "--surface",
            "Hollis Grant",
            "--name",
            "Hollis Grant",
        ],
        d,
    ));
    let grant = json(&earshot(&["entity", "Hollis Grant", "--json"], d));
    assert_eq!(grant["mentions"], 2);
    ok(&earshot(
        &["entity", "rename", "Hollis Grant", "Hollis J. Grant"],
        d,
    ));
    ok(&earshot(
        &["entity", "kind", "Hollis J. Grant", "organization"],
        d,
    ));
    ok(&earshot(
        &["entity", "merge", "Steve Witkoff", "Yuri Ushakov"],
        d,
    ));

    // Change one file and ingest again, then rebuild the index: the curation holds.
    let path = src.path().join("envoys-2026-03-02.txt");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("That is all for tonight.", "Root again. Goodnight.");
    std::fs::write(&path, text).unwrap();
    ok(&earshot(
        &["ingest", src.path().to_str().unwrap(), "--quiet"],
        d,
    ));
    ok(&earshot(&["reindex", "--quiet"], d));
    ok(&earshot(&["reindex", "--entities", "--quiet"], d));
    let rutte = json(&earshot(&["entity", "Mark Rutte", "--json"], d));
    let roots = rutte["surfaces"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["surface"] == "Root")
        .cloned();
    assert_eq!(roots.map(|s| s["count"].clone()), Some(2.into()), "{rutte}");
    let grant = json(&earshot(&["entity", "Hollis J. Grant", "--json"], d));
    assert_eq!(grant["kind"], "organization");
    assert_eq!(grant["mentions"], 2);
    let witkoff = json(&earshot(&["entity", "Steve Witkoff", "--json"], d));
    assert!(
        surfaces(&witkoff).contains(&"Uschukov".to_string()),
        "{witkoff}"
    );
    let hits = json_lines(&earshot(
        &["search", "entity:\"Steve Witkoff\"", "--json", "-n", "50"],
        d,
    ));
    assert!(hits
        .iter()
        .any(|h| h["text"].as_str().unwrap().contains("Uschukov")));

    let busy_free = earshot(&["entity", "merge", "Steve Witkoff", "Steve Witkoff"], d);
    assert!(!busy_free.status.success());
}
