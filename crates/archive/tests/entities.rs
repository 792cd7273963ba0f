//! Entities in the archive: mentions written with each episode, entity lookups, curation,
//! and an archive from before entities extracted by the next writer.

use std::path::Path;

use earshot_archive::{Access, Archive, IngestOptions};
use earshot_store::EntityFilter;

const ENVOYS: &str = "Title: Envoys in Riyadh\nShow: The Meridian Brief\nDate: 2026-03-14\n\nGood evening. Steve Witkoff flew to Riyadh this morning to meet the Saudi side. Whitkoff has done this before, and Uschukov was there for the Russians. Our analyst Marcus Hale thinks nothing will come of it.\n";

const HARBOUR: &str = "Title: Harbour strikes in Odesa\nShow: Night Desk\nDate: 2025-11-02\n\nThe port of Odesa was struck again overnight. Wittkov said nothing about it, and Markus Hale told us the insurers are nervous about every crossing.\n";

fn archive_with_both(dir: &Path) -> Archive {
    let src = dir.join("src");
    std::fs::create_dir_all(&src).unwrap();
    std::fs::write(src.join("envoys.txt"), ENVOYS).unwrap();
    std::fs::write(src.join("harbour.txt"), HARBOUR).unwrap();
    let mut a = Archive::open(&dir.join("data"), Access::Write).unwrap();
    a.ingest(&[src], &IngestOptions::default(), &mut |_| {})
        .unwrap();
    a
}

#[test]
fn mentions_are_stored_and_names_cluster_across_episodes() {
    let dir = tempfile::tempdir().unwrap();
    let a = archive_with_both(dir.path());
    let witkoff = a.entity_detail("Steve Witkoff", 0).unwrap();
    assert_eq!(witkoff.entity.episodes, 2);
    let spellings: Vec<&str> = witkoff.surfaces.iter().map(|(s, _)| s.as_str()).collect();
    for s in ["Steve Witkoff", "Whitkoff", "Wittkov"] {
        assert!(spellings.contains(&s), "{spellings:?}");
    }
    assert_eq!(witkoff.months.len(), 2);
    // "Markus Hale" in the second episode joins "Marcus Hale" of the first.
    let hale = a.entity_detail("Markus Hale", 0).unwrap();
    assert_eq!(hale.entity.episodes, 2);
    let places = a
        .entities(&EntityFilter {
            kind: Some("place".into()),
            ..EntityFilter::default()
        })
        .unwrap();
    assert!(places.iter().any(|e| e.name == "Riyadh") && places.iter().all(|e| e.kind == "place"));
    let night_desk = a
        .entities(&EntityFilter {
            show: Some("night desk".into()),
            ..EntityFilter::default()
        })
        .unwrap();
    assert!(!night_desk.iter().any(|e| e.name == "Riyadh"));
    // The unfiltered list (totals read from the index) agrees with the filtered query's
    // answer when the filter leaves everything in.
    let fast = a.entities(&EntityFilter::default()).unwrap();
    let joined = a
        .entities(&EntityFilter {
            since: Some("1900-01-01".into()),
            ..EntityFilter::default()
        })
        .unwrap();
    assert!(fast.len() > 3);
    assert_eq!(fast, joined);
}

#[test]
fn spelling_counts_are_the_same_from_archives_written_before_they_were_kept() {
    let dir = tempfile::tempdir().unwrap();
    let a = archive_with_both(dir.path());
    let kept = a.entity_detail("Steve Witkoff", 0).unwrap().surfaces;
    assert_eq!(kept.iter().map(|(_, n)| n).sum::<u64>(), 3, "{kept:?}");
    drop(a);
    // An archive from before: no spellings beside the counts, and no column for them.
    let catalog = dir.path().join("data").join("catalog.sqlite");
    let conn = rusqlite::Connection::open(&catalog).unwrap();
    conn.execute_batch("ALTER TABLE episode_entities DROP COLUMN surfaces")
        .unwrap();
    drop(conn);
    let a = Archive::open(&dir.path().join("data"), Access::Read).unwrap();
    assert_eq!(a.entity_detail("Steve Witkoff", 0).unwrap().surfaces, kept);
}

#[test]
fn curation_moves_mentions_and_is_refused_when_it_makes_no_sense() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = archive_with_both(dir.path());
    let merged = a.merge_entities("Steve Witkoff", "Yuri Ushakov").unwrap();
    assert!(a
        .entity_detail("Steve Witkoff", 0)
        .unwrap()
        .surfaces
        .iter()
        .any(|(s, _)| s == "Uschukov"));
    assert_eq!(merged.name, "Steve Witkoff");
    assert!(a.merge_entities("Steve Witkoff", "Steve Witkoff").is_err());
    assert!(a.split_entity("Steve Witkoff", "Nonexistent", "X").is_err());
    let split = a
        .split_entity("Steve Witkoff", "Uschukov", "Yuri Ushakov")
        .unwrap();
    assert_eq!(split.mentions, 1);
    assert!(a.entity_named("No Such Entity").is_err());
}

#[test]
fn an_archive_from_before_entities_is_extracted_by_the_next_writer() {
    let dir = tempfile::tempdir().unwrap();
    drop(archive_with_both(dir.path()));
    let db = dir.path().join("data/catalog.sqlite");
    {
        let c = rusqlite::Connection::open(&db).unwrap();
        c.execute_batch(
            "DELETE FROM mentions; DELETE FROM episode_entities; DELETE FROM entity_surfaces;
             DELETE FROM entities; UPDATE meta SET value = '1' WHERE key = 'schema';",
        )
        .unwrap();
    }
    let a = Archive::open(&dir.path().join("data"), Access::Write).unwrap();
    assert_eq!(
        a.entity_detail("Steve Witkoff", 0).unwrap().entity.episodes,
        2
    );
}

#[test]
fn several_spellings_tied_to_one_entity_are_all_learned() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    std::fs::create_dir_all(&src).unwrap();
    std::fs::write(
        src.join("nato.txt"),
        "Title: The alliance\nShow: Night Desk\nDate: 2026-01-05\n\nThe NATO chief, Root, spoke first. Later Rutter spoke again about the alliance and its budget.\n",
    )
    .unwrap();
    let mut a = Archive::open(&dir.path().join("data"), Access::Write).unwrap();
    a.ingest(&[src], &IngestOptions::default(), &mut |_| {})
        .unwrap();
    a.add_entity_alias("Mark Rutte", "Root").unwrap();
    a.add_entity_alias("Mark Rutte", "Rutter").unwrap();
    a.reextract(None, &mut |_, _| {}).unwrap();
    let rutte = a.entity_detail("Mark Rutte", 0).unwrap();
    let spellings: Vec<&str> = rutte.surfaces.iter().map(|(s, _)| s.as_str()).collect();
    assert!(
        spellings.contains(&"Root") && spellings.contains(&"Rutter"),
        "{spellings:?}"
    );
}

#[test]
fn an_archive_from_before_forecasts_gets_its_ledger_from_the_next_writer() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    std::fs::create_dir_all(&src).unwrap();
    std::fs::write(
        src.join("truce.txt"),
        "Title: The truce\nShow: Night Desk\nDate: 2026-01-05\n\nI think Putin will accept the truce within the next few weeks. We'll be right back.\n",
    )
    .unwrap();
    let data = dir.path().join("data");
    let mut a = Archive::open(&data, Access::Write).unwrap();
    a.ingest(&[src], &IngestOptions::default(), &mut |_| {})
        .unwrap();
    drop(a);
    {
        let c = rusqlite::Connection::open(data.join("catalog.sqlite")).unwrap();
        c.execute_batch(
            "DELETE FROM predictions; UPDATE meta SET value = '2' WHERE key = 'schema';",
        )
        .unwrap();
    }
    let a = Archive::open(&data, Access::Write).unwrap();
    let ledger = a
        .predictions(earshot_store::PredictionFilter::default(), None)
        .unwrap();
    assert_eq!(ledger.len(), 1);
    assert_eq!(ledger[0].due.as_deref(), Some("2026-02-02"));
    assert_eq!(ledger[0].entities[0].1, "Vladimir Putin");
}
