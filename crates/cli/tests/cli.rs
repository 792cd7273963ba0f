//! The `earshot` binary, end to end: the `parse --json` contract, the summary, and bad input.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn earshot(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_earshot"))
        .args(args)
        .env_remove("EARSHOT_DATA")
        .output()
        .unwrap()
}

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures")
        .join(rel)
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn parse_json_follows_the_contract() {
    let path = fixture("podscripts/stamped.txt");
    let o = earshot(&["parse", path.to_str().unwrap(), "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let lines: Vec<&str> = std::str::from_utf8(&o.stdout).unwrap().lines().collect();
    assert_eq!(lines.len(), 1);
    let v: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(v["source"], path.to_str().unwrap());
    assert_eq!(v["format"], "podscripts");
    assert_eq!(v["show"], "The Meridian Brief");
    assert_eq!(v["title"], "Ceasefire talks stall in Riyadh");
    assert_eq!(v["published"], "2026-03-14");
    assert_eq!(v["duration_s"], 252);
    assert!(v["language"].is_null());
    let seg = &v["segments"][1];
    assert_eq!(seg["start_ms"], 41_000);
    assert_eq!(seg["end_ms"], 97_000);
    assert!(seg["speaker"].is_null());
    assert_eq!(seg["timing"], "exact");
    assert_eq!(seg["boilerplate"], false);
    assert!(seg["text"]
        .as_str()
        .unwrap()
        .starts_with("That's right, Tom."));
}

#[test]
fn summary_is_readable_and_directories_are_walked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("nested")).unwrap();
    std::fs::copy(
        fixture("archive-fm/branded.txt"),
        dir.path().join("nested/branded.txt"),
    )
    .unwrap();
    std::fs::copy(
        fixture("archive-fm/unbranded.txt"),
        dir.path().join("unbranded.txt"),
    )
    .unwrap();
    std::fs::write(dir.path().join("episode.mp3"), b"ID3 not a transcript").unwrap();
    let o = earshot(&["parse", dir.path().to_str().unwrap()]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.contains("layout      archive-fm (confidence"), "{out}");
    assert!(out.contains("published   2025-01-12"), "{out}");
    assert!(out.contains("duration    01:05:00"), "{out}");
    assert!(
        out.contains("2 transcripts from 2 files, 0 not parsed"),
        "{out}"
    );
}

#[test]
fn formats_lists_every_layout() {
    let o = earshot(&["formats"]);
    let out = stdout(&o);
    for id in [
        "podscripts",
        "archive-fm",
        "srt",
        "vtt",
        "rss",
        "plain",
        "captions",
        "whisper-json",
    ] {
        assert!(
            out.lines().any(|l| l.starts_with(id)),
            "{id} missing from\n{out}"
        );
    }
}

#[test]
fn bad_files_are_named_and_do_not_stop_the_batch() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a-empty.txt"), "").unwrap();
    std::fs::write(
        dir.path().join("b-binary.bin"),
        b"\x00\x01\x02\x03\x04garbage\x00\x00\xff",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("c-latin1.txt"),
        b"Title: Caf\xe9 politics\n\nWe met at the caf\xe9 in Lyon and talked for an hour.\n",
    )
    .unwrap();
    std::fs::copy(
        fixture("not-transcripts/show-notes.txt"),
        dir.path().join("d-notes.txt"),
    )
    .unwrap();
    std::fs::write(dir.path().join("e-truncated.json"), "{\"version\": \"1.0.0\", \"segments\": [{\"speaker\": \"A\", \"startTime\": 0.0, \"endTime\"").unwrap();
    let o = earshot(&["parse", dir.path().to_str().unwrap(), "--json"]);
    let err = stderr(&o);
    assert!(
        o.status.success(),
        "one file parsed, so the batch succeeds: {err}"
    );
    assert!(err.contains("a-empty.txt: the file is empty"), "{err}");
    assert!(err.contains("b-binary.bin: this is a binary file"), "{err}");
    assert!(err.contains("d-notes.txt: not a transcript"), "{err}");
    assert!(err.contains("e-truncated.json"), "{err}");
    let out = stdout(&o);
    let v: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(v["title"], "Café politics");
    assert_eq!(v["warnings"][0]["kind"], "encoding");
    assert_eq!(v["warnings"][0]["line"], 1);
}

#[test]
fn nothing_parsed_is_a_failure() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "   \n").unwrap();
    let o = earshot(&["parse", empty.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let o = earshot(&["parse", dir.path().join("missing.txt").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("missing.txt: no such file"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn huge_files_are_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let huge = dir.path().join("huge.txt");
    // A sparse file: its length is over the limit, and nothing is written to disk.
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(3 * 1024 * 1024 * 1024)
        .unwrap();
    let o = earshot(&["parse", huge.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("over the limit"), "{}", stderr(&o));
}

#[test]
fn unknown_format_is_a_usage_error() {
    let o = earshot(&["parse", "x.txt", "--format", "nope"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no layout is called \"nope\""));
}
