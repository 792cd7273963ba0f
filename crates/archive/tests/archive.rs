//! The archive end to end on small hand-written transcripts: ingest, re-ingest, duplicates,
//! search with recognition errors, removal, the lock, and recovery of a lagging index.

use std::path::{Path, PathBuf};

use earshot_archive::{Access, Archive, ArchiveError, IngestOptions, SearchRequest};

const STAMPED: &str = "The Meridian Brief - Envoys in Riyadh\n\nEpisode Date: March 14, 2026\n\nEnvoys in Riyadh ...\n\nTranscript\nDiscussion (0)\nStarting point is 00:00:00 Good evening. Steve Witkoff flew to Riyadh this morning to meet the Saudi side.\nStarting point is 00:01:10 Whitkoff has done this before, and Uschukov was there for the Russians.\nStarting point is 00:02:30 Meanwhile in Kyiv, Zolenski told parliament that the grain corridor stays open.\nStarting point is 00:03:45 Use the code BRIEF for ten percent off at the Meridian shop. Take care.\n";

const SAME_EPISODE_PLAIN: &str = "Title: Envoys in Riyadh\nShow: The Meridian Brief\nDate: 2026-03-14\n\nGood evening. Steve Witkoff flew to Riyadh this morning to meet the Saudi side. Whitkoff has done this before, and Uschukov was there for the Russians.\n";

const OTHER: &str = "Title: Harbour strikes in Odesa\nShow: Night Desk\nDate: 2025-11-02\n\nThe port of Odesa was struck again overnight. Wittkov said nothing about it in his statement, which surprised the reporters waiting outside.\n\nThe grain ships are waiting at anchor, and the insurers are nervous about every crossing.\n";

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn open(dir: &Path) -> Archive {
    Archive::open(dir, Access::Write).unwrap()
}

/// Ingesting a folder with default options, as every test here does.
trait IngestAll {
    fn ingest_all(&mut self, dir: &Path) -> earshot_archive::IngestReport;
}

impl IngestAll for Archive {
    fn ingest_all(&mut self, dir: &Path) -> earshot_archive::IngestReport {
        self.ingest(&[dir.to_path_buf()], &IngestOptions::default(), &mut |_| {})
            .unwrap()
    }
}

fn search(a: &Archive, q: &str) -> Vec<earshot_index::Hit> {
    a.search(&SearchRequest {
        query: q.into(),
        limit: 20,
        ..SearchRequest::default()
    })
    .unwrap()
}

#[test]
fn ingest_search_reingest_and_remove() {
    let input = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    write(input.path(), "riyadh.txt", STAMPED);
    write(input.path(), "odesa.txt", OTHER);
    write(input.path(), "empty.txt", "");
    let mut a = open(data.path());
    let r = a.ingest_all(input.path());
    assert_eq!((r.added, r.rejected.len()), (2, 1), "{r:?}");
    assert!(r.rejected[0]
        .to_string()
        .contains("empty.txt: the file is empty"));
    assert!(a.is_consistent().unwrap());

    // A garbled spelling finds every variant, and the exact one ranks first.
    let hits = search(&a, "Witkoff");
    assert_eq!(hits.len(), 3, "{hits:?}");
    assert!(
        hits[0].snippet.contains("<b>Witkoff</b>"),
        "{}",
        hits[0].snippet
    );
    assert_eq!(hits[0].start_ms, 0);
    assert!(
        hits[1].snippet.contains("<b>Whitkoff</b>"),
        "{}",
        hits[1].snippet
    );
    assert_eq!(hits[1].start_ms, 70_000);
    assert!(
        hits[2].snippet.contains("<b>Wittkov</b>"),
        "{}",
        hits[2].snippet
    );
    let riyadh = &hits[0];
    assert_eq!(riyadh.show, "The Meridian Brief");
    assert_eq!(riyadh.start_ms, 0);
    assert_eq!(search(&a, "Ushakov")[0].start_ms, 70_000);
    assert_eq!(search(&a, "Zelensky")[0].start_ms, 150_000);

    // Re-ingesting changes nothing.
    let r = a.ingest_all(input.path());
    assert_eq!((r.added, r.updated, r.merged), (0, 0, 0), "{r:?}");
    assert_eq!(r.unchanged, 2);

    // An edited file updates its episode.
    write(
        input.path(),
        "odesa.txt",
        &OTHER.replace("nervous", "anxious"),
    );
    let r = a.ingest_all(input.path());
    assert_eq!(r.updated, 1, "{r:?}");
    assert!(!search(&a, "anxious").is_empty());
    assert!(search(&a, "nervous").is_empty());

    let odesa = search(&a, "insurers")[0].episode;
    assert!(a.remove_episode(odesa).unwrap());
    assert!(search(&a, "insurers").is_empty());
    assert!(a.is_consistent().unwrap());
    assert_eq!(a.catalog().stats().unwrap().episodes, 1);
}

#[test]
fn the_same_episode_from_two_sources_is_one_episode() {
    let input = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let plain = write(input.path(), "a-plain.txt", SAME_EPISODE_PLAIN);
    let stamped = write(input.path(), "b-stamped.txt", STAMPED);
    let mut a = open(data.path());
    let r = a
        .ingest(
            &[plain.clone(), stamped.clone()],
            &IngestOptions::default(),
            &mut |_| {},
        )
        .unwrap();
    assert_eq!((r.added, r.merged), (1, 1), "{r:?}");
    let id = a.catalog().episode_ids().unwrap()[0];
    let sources = a.catalog().sources(id).unwrap();
    assert_eq!(sources.len(), 2);
    // The exactly timed source's text wins.
    let ep = a.catalog().episode(id).unwrap().unwrap();
    assert_eq!(ep.primary_source, stamped.display().to_string());
    assert!(a.is_consistent().unwrap());

    // Removing the primary source brings the other's text back.
    let removed = a
        .remove_source(&stamped.display().to_string())
        .unwrap()
        .unwrap();
    assert!(!removed.episode_removed);
    let ep = a.catalog().episode(id).unwrap().unwrap();
    assert_eq!(ep.primary_source, plain.display().to_string());
    assert!(
        search(&a, "Zelensky").is_empty(),
        "the stamped source's text is gone"
    );
    assert!(a.is_consistent().unwrap());
}

#[test]
fn filters_narrow_the_hits() {
    let input = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    write(input.path(), "riyadh.txt", STAMPED);
    write(input.path(), "odesa.txt", OTHER);
    let mut a = open(data.path());
    a.ingest_all(input.path());
    let req = |shows: Vec<String>, after| SearchRequest {
        query: "Witkoff".into(),
        limit: 20,
        shows,
        after,
        ..SearchRequest::default()
    };
    let night = a.search(&req(vec!["night desk".into()], None)).unwrap();
    assert!(!night.is_empty() && night.iter().all(|h| h.show == "Night Desk"));
    let recent = a
        .search(&req(
            vec![],
            earshot_model::NaiveDate::from_ymd_opt(2026, 1, 1),
        ))
        .unwrap();
    assert!(!recent.is_empty() && recent.iter().all(|h| h.show == "The Meridian Brief"));
    // The sponsor read is boilerplate: it ranks below content that matches as well.
    let code = search(&a, "Riyadh");
    assert!(!code[0].boilerplate);
}

#[test]
fn a_second_writer_is_told_the_archive_is_busy_and_readers_go_on() {
    let input = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    write(input.path(), "riyadh.txt", STAMPED);
    let mut writer = open(data.path());
    writer.ingest_all(input.path());
    match Archive::open(data.path(), Access::Write) {
        Err(ArchiveError::Busy(_)) => {}
        other => panic!("expected busy, got {:?}", other.err()),
    }
    // A reader opens while the writer holds the archive, and sees what it committed.
    let reader = Archive::open(data.path(), Access::Read).unwrap();
    assert!(!search(&reader, "Riyadh").is_empty());
    // The writer goes on writing while the reader reads.
    write(input.path(), "odesa.txt", OTHER);
    assert_eq!(writer.ingest_all(input.path()).added, 1);
    let later = Archive::open(data.path(), Access::Read).unwrap();
    assert!(!search(&later, "insurers").is_empty());
}

#[test]
fn reading_a_missing_archive_is_a_clear_error() {
    let data = tempfile::tempdir().unwrap();
    let err = Archive::open(&data.path().join("nowhere"), Access::Read)
        .err()
        .unwrap();
    assert!(err.to_string().contains("no archive in"), "{err}");
}

#[test]
fn reindex_rebuilds_an_index_that_was_lost() {
    let input = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    write(input.path(), "riyadh.txt", STAMPED);
    {
        let mut a = open(data.path());
        a.ingest_all(input.path());
    }
    std::fs::remove_dir_all(data.path().join("index")).unwrap();
    // Opening finds an empty index behind a full catalog and rebuilds it.
    let mut a = open(data.path());
    assert!(a.is_consistent().unwrap());
    assert!(!search(&a, "Riyadh").is_empty());
    assert_eq!(a.reindex(&mut |_, _| {}).unwrap(), 1);
    assert!(a.is_consistent().unwrap());
}

#[test]
fn an_index_of_an_older_layout_is_rebuilt_by_a_writer() {
    let input = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    write(input.path(), "riyadh.txt", STAMPED);
    open(data.path()).ingest_all(input.path());
    // An index from before the `pairs` field: its meta.json lacks the field.
    let meta_path = data.path().join("index").join("meta.json");
    let mut meta: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&meta_path).unwrap()).unwrap();
    meta["schema"]
        .as_array_mut()
        .unwrap()
        .retain(|f| f["name"] != "pairs");
    std::fs::write(&meta_path, meta.to_string()).unwrap();

    let err = Archive::open(data.path(), Access::Read).err().unwrap();
    assert!(matches!(err, ArchiveError::OutdatedIndex(_)), "{err}");
    assert!(err.to_string().contains("earshot reindex"), "{err}");

    let a = open(data.path());
    assert!(a.is_consistent().unwrap());
    let hits = search(&a, "\"grain corridor\"");
    assert_eq!(hits.len(), 1, "{hits:#?}");
    drop(a);
    assert!(Archive::open(data.path(), Access::Read).is_ok());
}

#[test]
fn near_identical_text_under_another_title_is_the_same_episode() {
    let input = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let ep = earshot_synth::episode(5, 0);
    let other = earshot_synth::episode(5, 1);
    write(
        input.path(),
        "a.srt",
        &earshot_synth::render(&ep, "srt").unwrap(),
    );
    // Another site's copy: a different layout, and a title of its own.
    let mut copy = ep.clone();
    copy.title = Some("A different headline for the same show".into());
    write(
        input.path(),
        "b.txt",
        &earshot_synth::render(&copy, "podscripts").unwrap(),
    );
    write(
        input.path(),
        "c.vtt",
        &earshot_synth::render(&other, "vtt").unwrap(),
    );
    let mut a = open(data.path());
    let r = a.ingest_all(input.path());
    assert_eq!((r.added, r.merged), (2, 1), "{r:?}");
    assert!(a.is_consistent().unwrap());
}

#[test]
fn readers_share_an_archive() {
    let input = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    write(input.path(), "riyadh.txt", STAMPED);
    open(data.path()).ingest_all(input.path());
    let first = Archive::open(data.path(), Access::Read).unwrap();
    let second = Archive::open(data.path(), Access::Read).unwrap();
    assert!(!search(&first, "Riyadh").is_empty());
    assert!(!search(&second, "Riyadh").is_empty());
    // Readers never keep a writer out.
    assert!(Archive::open(data.path(), Access::Write).is_ok());
}

#[test]
fn a_shared_title_without_show_or_date_does_not_merge() {
    let input = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    write(input.path(), "a.txt", "Title: Weekly roundup\n\nThe first show talked about the harbour and the ships for a long while.\n");
    write(input.path(), "b.txt", "Title: Weekly roundup\n\nA different programme discussed the election in the north and its candidates.\n");
    let mut a = open(data.path());
    let r = a.ingest_all(input.path());
    assert_eq!((r.added, r.merged), (2, 0), "{r:?}");
}

/// Stands in for the entities stage: knows one garbled spelling of one name.
struct KnownVariants;

impl earshot_index::TermExpander for KnownVariants {
    fn variants(&self, term: &str) -> Vec<String> {
        if term == "witkoff" {
            vec!["witgolf".to_owned()]
        } else {
            Vec::new()
        }
    }
}

#[test]
fn an_expander_adds_spellings_that_fuzzy_matching_cannot_reach() {
    let input = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    write(
        input.path(),
        "a.txt",
        "Title: Notes\n\nThe envoy Witgolf arrived late to the meeting in the capital.\n",
    );
    let mut a = open(data.path());
    a.ingest_all(input.path());
    assert!(search(&a, "Witkoff").is_empty());
    a.set_expander(Box::new(KnownVariants));
    let hits = search(&a, "Witkoff");
    assert_eq!(hits.len(), 1);
    assert!(
        hits[0].snippet.contains("<b>Witgolf</b>"),
        "{}",
        hits[0].snippet
    );
}
