//! The forecast ledger through the catalog: forecasts written with their episode, their
//! subjects, filters, outcomes that outlive re-ingest and removal.

use earshot_model::Segment;
use earshot_store::{
    Catalog, EntityRef, EpisodeWrite, LedgerStore, MentionWrite, Outcome, PredictionFilter,
    PredictionWrite, Resolution, SourceRecord, SqliteCatalog, Status, Target,
};

const TEXT: &str = "Putin will not sign before June. Nothing else.";

fn forecast(text: &str, due: Option<&str>, speaker: &str) -> PredictionWrite {
    PredictionWrite {
        key: text.to_lowercase(),
        segment: 0,
        start: 0,
        end: text.chars().count() as u32,
        start_ms: Some(1_000),
        speaker: Some(speaker.into()),
        text: text.into(),
        claim: text.trim_end_matches('.').into(),
        condition: None,
        horizon: due.map(|_| "before June".into()),
        due: due.map(Into::into),
        confidence: "medium".into(),
    }
}

fn episode(path: &str, target: Target, predictions: Vec<PredictionWrite>) -> EpisodeWrite {
    EpisodeWrite {
        target,
        source: SourceRecord {
            path: path.into(),
            episode: 0,
            format: "plain".into(),
            content_hash: format!("hash of {path} {}", predictions.len()),
            warnings: serde_json::json!([]),
        },
        show: "Night Desk".into(),
        title: Some("Harbour strikes".into()),
        published: Some("2026-02-08".into()),
        duration_s: None,
        language: None,
        audio_url: None,
        segments: vec![Segment::timed(0, Some(9_000), TEXT)],
        sentences: vec![(0, 0, 32, Some(0))],
        fingerprint: None,
        mentions: vec![MentionWrite {
            segment: 0,
            start: 0,
            end: 5,
            start_ms: Some(0),
            surface: "Putin".into(),
            surface_key: "putin".into(),
            entity: EntityRef {
                key: "g:Vladimir Putin".into(),
                name: "Vladimir Putin".into(),
                kind: "person".into(),
                wikidata: None,
            },
            confidence: "high".into(),
        }],
        predictions,
        words: 8,
    }
}

fn all(c: &SqliteCatalog, today: &str) -> Vec<earshot_store::PredictionRecord> {
    c.predictions(&PredictionFilter {
        today: today.into(),
        ..Default::default()
    })
    .unwrap()
}

fn resolution(outcome: Outcome) -> Resolution {
    Resolution {
        outcome,
        note: Some("signed in May".into()),
        evidence: Some("https://example.org/report".into()),
        resolved_at: "2026-06-02".into(),
    }
}

#[test]
fn forecasts_are_stored_with_their_subjects_and_status() {
    let mut c = SqliteCatalog::open_in_memory().unwrap();
    let f = forecast(
        "Putin will not sign before June.",
        Some("2026-06-01"),
        "DANA",
    );
    c.write(&episode("a.txt", Target::New, vec![f])).unwrap();
    let before = all(&c, "2026-03-01");
    assert_eq!(before.len(), 1);
    let p = &before[0];
    assert_eq!(
        p.entities.iter().map(|e| e.1.as_str()).collect::<Vec<_>>(),
        ["Vladimir Putin"]
    );
    assert_eq!(p.status, Status::Open);
    assert_eq!(p.show, "Night Desk");
    assert!(p.key.starts_with("night desk|2026-02-08|") || p.key.contains("2026-02-08"));
    assert_eq!(all(&c, "2026-07-01")[0].status, Status::Due);
    let due = |today: &str, status| {
        c.predictions(&PredictionFilter {
            status: Some(status),
            today: today.into(),
            ..Default::default()
        })
        .unwrap()
        .len()
    };
    assert_eq!(due("2026-07-01", Status::Due), 1);
    assert_eq!(due("2026-07-01", Status::Open), 0);
    assert_eq!(due("2026-03-01", Status::Open), 1);
    let counts = |today: &str| {
        let n = c.prediction_counts(today).unwrap();
        (n.open, n.due, n.resolved)
    };
    assert_eq!(counts("2026-03-01"), (1, 0, 0));
    assert_eq!(counts("2026-07-01"), (0, 1, 0));
}

#[test]
fn filters_by_speaker_show_entity_and_due_date() {
    let mut c = SqliteCatalog::open_in_memory().unwrap();
    let f = forecast(
        "Putin will not sign before June.",
        Some("2026-06-01"),
        "DANA",
    );
    c.write(&episode("a.txt", Target::New, vec![f])).unwrap();
    let entity = all(&c, "2026-03-01")[0].entities[0].0;
    let count = |f: PredictionFilter| c.predictions(&f).unwrap().len();
    let base = || PredictionFilter {
        today: "2026-03-01".into(),
        ..Default::default()
    };
    let cases: [(PredictionFilter, usize); 8] = [
        (
            PredictionFilter {
                speaker: Some("dana".into()),
                ..base()
            },
            1,
        ),
        (
            PredictionFilter {
                speaker: Some("MARCUS".into()),
                ..base()
            },
            0,
        ),
        (
            PredictionFilter {
                show: Some("night desk".into()),
                ..base()
            },
            1,
        ),
        (
            PredictionFilter {
                show: Some("Other".into()),
                ..base()
            },
            0,
        ),
        (
            PredictionFilter {
                entity: Some(entity),
                ..base()
            },
            1,
        ),
        (
            PredictionFilter {
                entity: Some(entity + 100),
                ..base()
            },
            0,
        ),
        (
            PredictionFilter {
                due_before: Some("2026-06-02".into()),
                ..base()
            },
            1,
        ),
        (
            PredictionFilter {
                due_before: Some("2026-06-01".into()),
                ..base()
            },
            0,
        ),
    ];
    for (filter, expected) in cases {
        let described = format!("{filter:?}");
        assert_eq!(count(filter), expected, "{described}");
    }
}

#[test]
fn outcomes_outlive_rewrites_and_removal() {
    let mut c = SqliteCatalog::open_in_memory().unwrap();
    let f = forecast(
        "Putin will not sign before June.",
        Some("2026-06-01"),
        "DANA",
    );
    let (ep, _) = c
        .write(&episode("a.txt", Target::New, vec![f.clone()]))
        .unwrap();
    let id = all(&c, "2026-03-01")[0].id;
    assert!(c
        .resolve_prediction(id, &resolution(Outcome::Incorrect))
        .unwrap());
    assert!(!c
        .resolve_prediction(id + 99, &resolution(Outcome::Correct))
        .unwrap());

    // Rewritten with the same sentence plus another: same id, outcome kept.
    let other = forecast("Kyiv will hold the city.", None, "MARCUS");
    let replace = Target::Existing {
        episode: ep,
        replace: true,
    };
    c.write(&episode("a.txt", replace, vec![other, f.clone()]))
        .unwrap();
    let listed = all(&c, "2026-07-01");
    assert_eq!(listed.len(), 2);
    let kept = listed
        .iter()
        .find(|p| p.id == id)
        .expect("same id after a rewrite");
    assert_eq!(kept.outcome, Some(Outcome::Incorrect));
    assert_eq!(kept.status, Status::Resolved);
    assert_eq!(kept.note.as_deref(), Some("signed in May"));

    // Removed and ingested again: a new row, the same outcome.
    assert!(c.remove_episode(ep).unwrap());
    assert!(all(&c, "2026-07-01").is_empty());
    c.write(&episode("a.txt", Target::New, vec![f])).unwrap();
    let back = all(&c, "2026-07-01");
    assert_eq!(back[0].outcome, Some(Outcome::Incorrect));

    assert!(c.reopen_prediction(back[0].id).unwrap());
    assert_eq!(
        c.prediction(back[0].id, "2026-07-01")
            .unwrap()
            .unwrap()
            .status,
        Status::Due
    );
}
