//! The SQLite catalog through the `Catalog` trait: writes, reads, the change log, removal.

use earshot_model::{Segment, Timing};
use earshot_store::{Catalog, EpisodeWrite, SourceRecord, SqliteCatalog, Target, WriteOutcome};

fn write(path: &str, target: Target, text: &str) -> EpisodeWrite {
    EpisodeWrite {
        target,
        source: SourceRecord {
            path: path.into(),
            episode: 0,
            format: "plain".into(),
            content_hash: format!("hash of {text}"),
            warnings: serde_json::json!([]),
        },
        show: "Night Desk".into(),
        title: Some("Harbour strikes".into()),
        published: Some("2025-11-02".into()),
        duration_s: Some(600),
        language: None,
        audio_url: None,
        segments: vec![
            Segment::timed(0, Some(4_000), text),
            Segment::timed(4_000, Some(9_000), "Second one."),
        ],
        sentences: vec![(0, 0, 10, Some(0)), (1, 0, 11, None)],
        fingerprint: Some(vec![1, 2, 3]),
        mentions: Vec::new(),
        predictions: Vec::new(),
        words: 5,
    }
}

#[test]
fn writes_read_back_whole() {
    let mut c = SqliteCatalog::open_in_memory().unwrap();
    let (id, outcome) = c.write(&write("a.txt", Target::New, "First one.")).unwrap();
    assert_eq!(outcome, WriteOutcome::Added);
    let ep = c.episode(id).unwrap().unwrap();
    assert_eq!(
        (
            ep.show.as_str(),
            ep.title.as_deref(),
            ep.published.as_deref()
        ),
        ("Night Desk", Some("Harbour strikes"), Some("2025-11-02"))
    );
    assert_eq!(ep.segments, 2);
    let segs = c.segments(id).unwrap();
    assert_eq!(segs[1].start_ms, Some(4_000));
    assert_eq!(segs[1].timing, Timing::Exact);
    assert_eq!(
        c.sentences(id).unwrap(),
        vec![(0, 0, 10, Some(0)), (1, 0, 11, None)]
    );
    assert_eq!(c.fingerprints().unwrap(), vec![(id, vec![1, 2, 3])]);
    // Show and title are matched whatever their case and punctuation.
    assert_eq!(
        c.find_episode("night  desk", "Harbour strikes!", Some("2025-11-02"))
            .unwrap(),
        Some(id)
    );
    assert_eq!(
        c.find_episode("Night Desk", "Harbour strikes", Some("2025-11-03"))
            .unwrap(),
        None
    );
}

#[test]
fn sources_merge_update_and_remove_with_a_logged_change_each() {
    let mut c = SqliteCatalog::open_in_memory().unwrap();
    let (id, _) = c.write(&write("a.txt", Target::New, "First one.")).unwrap();
    let merged = c
        .write(&write(
            "b.srt",
            Target::Existing {
                episode: id,
                replace: false,
            },
            "Other text.",
        ))
        .unwrap();
    assert_eq!(merged, (id, WriteOutcome::Merged));
    assert_eq!(c.sources(id).unwrap().len(), 2);
    let same = c
        .write(&write(
            "b.srt",
            Target::Existing {
                episode: id,
                replace: false,
            },
            "Other text.",
        ))
        .unwrap();
    assert_eq!(same.1, WriteOutcome::Unchanged);
    let updated = c
        .write(&write(
            "a.txt",
            Target::Existing {
                episode: id,
                replace: true,
            },
            "Edited.",
        ))
        .unwrap();
    assert_eq!(updated.1, WriteOutcome::Updated);
    assert_eq!(c.segments(id).unwrap()[0].text, "Edited.");
    assert_eq!(
        c.changes_since(0).unwrap().len(),
        3,
        "added, merged, updated; unchanged logs nothing"
    );

    let r = c.remove_source("a.txt").unwrap().unwrap();
    assert_eq!(
        r.new_primary.as_deref(),
        Some("b.srt"),
        "the primary went: the other source must be read again"
    );
    let r = c.remove_source("b.srt").unwrap().unwrap();
    assert!(r.episode_removed);
    assert!(c.episode(id).unwrap().is_none());
    assert!(c.sentences(id).unwrap().is_empty());
    assert_eq!(
        c.stats().unwrap().shows,
        0,
        "an empty show goes with its last episode"
    );
    let last = c.last_change().unwrap();
    c.prune_changes(last).unwrap();
    assert!(c.changes_since(0).unwrap().is_empty());
    assert_eq!(
        c.last_change().unwrap(),
        last,
        "the high-water mark survives pruning"
    );
}
