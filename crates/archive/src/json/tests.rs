//! The shapes write the bytes they wrote as serde_json maps: same keys, same order, same
//! numbers, same nulls. `before` keeps those map builders as they were.

use earshot_model::{NaiveDate, Timing, Warning, WarningKind};
use earshot_store::{
    EntityRecord, EpisodeRecord, MentionRecord, Outcome, PredictionRecord, SourceRecord, Status,
};
use serde::Serialize;

use super::*;

/// The builders the shapes replaced, unchanged.
mod before {
    use earshot_index::Hit;
    use earshot_model::Segment;
    use earshot_store::{EntityRecord, EpisodeRecord, Outcome, PredictionRecord, SourceRecord};
    use serde_json::{json, Value};

    use crate::EntityDetail;

    pub fn hit(hit: &Hit) -> Value {
        json!({
            "episode": hit.episode, "source": hit.source, "title": hit.title, "show": hit.show,
            "published": hit.published, "start_ms": hit.start_ms, "speaker": hit.speaker,
            "score": hit.score, "snippet": hit.snippet, "text": hit.text,
        })
    }

    pub fn episode(ep: &EpisodeRecord, sources: &[SourceRecord], segments: &[Segment]) -> Value {
        json!({
            "episode": ep.id, "show": ep.show, "title": ep.title, "published": ep.published,
            "duration_s": ep.duration_s, "language": ep.language, "audio_url": ep.audio_url,
            "words": ep.words, "source": ep.primary_source,
            "sources": sources.iter().map(|s| json!({"path": s.path, "format": s.format, "warnings": s.warnings})).collect::<Vec<_>>(),
            "segments": segments,
        })
    }

    pub fn entity(e: &EntityRecord) -> Value {
        json!({
            "id": e.id, "name": e.name, "kind": e.kind, "wikidata": e.wikidata,
            "mentions": e.mentions, "episodes": e.episodes, "first_seen": e.first,
            "last_seen": e.last,
        })
    }

    pub fn entity_detail(d: &EntityDetail) -> Value {
        let mut v = entity(&d.entity);
        v["links"] = d
            .links
            .iter()
            .map(|(r, t)| json!({"relation": r, "target": t}))
            .collect();
        v["surfaces"] = d
            .surfaces
            .iter()
            .map(|(s, n)| json!({"surface": s, "count": n}))
            .collect();
        v["months"] = d
            .months
            .iter()
            .map(|(m, n)| json!({"month": m, "mentions": n}))
            .collect();
        v["companions"] = d
            .companions
            .iter()
            .map(|(e, n)| {
                let mut c = entity(e);
                c["shared_episodes"] = (*n).into();
                c
            })
            .collect();
        v["passages"] = d
            .mentions
            .iter()
            .map(|m| {
                json!({
                    "episode": m.episode, "show": m.show, "title": m.title, "published": m.published,
                    "segment": m.segment, "start": m.start, "end": m.end, "start_ms": m.start_ms,
                    "surface": m.surface, "confidence": m.confidence, "text": m.text,
                })
            })
            .collect();
        v
    }

    pub fn prediction(p: &PredictionRecord) -> Value {
        json!({
            "id": p.id,
            "episode": p.episode,
            "show": p.show,
            "title": p.title,
            "published": p.published,
            "text": p.text,
            "claim": p.claim,
            "segment": p.segment,
            "start_ms": p.start_ms,
            "speaker": p.speaker,
            "horizon": p.horizon,
            "due": p.due,
            "conditional": p.conditional,
            "condition": p.condition,
            "confidence": p.confidence,
            "entities": p.entities.iter().map(|e| &e.1).collect::<Vec<_>>(),
            "status": p.status.as_str(),
            "outcome": p.outcome.map(Outcome::as_str),
            "note": p.note,
            "evidence": p.evidence,
            "resolved_at": p.resolved_at,
        })
    }
}

/// The shape's bytes equal the old map's, and a map of the shape reads the same.
fn same(shape: &impl Serialize, old: serde_json::Value) {
    let new = serde_json::to_string(shape).unwrap();
    assert_eq!(new, old.to_string());
    assert_eq!(new, serde_json::to_value(shape).unwrap().to_string());
}

fn hit(score: f32, published: Option<NaiveDate>, speaker: Option<&str>) -> earshot_index::Hit {
    earshot_index::Hit {
        episode: 3,
        passage: 7,
        segment: 2,
        start_ms: 512_000,
        end_ms: 530_000,
        speaker: speaker.map(str::to_string),
        boilerplate: false,
        show: "Night Desk".into(),
        title: "On the \"Black Sea\" – ünïcode".into(),
        published,
        source: "in/night-desk.txt".into(),
        score,
        snippet: "… <b>Witkoff</b> said …".into(),
        text: "Witkoff said <it>\nthen</it>".into(),
    }
}

#[test]
fn hits_write_the_same_bytes() {
    let day = NaiveDate::from_ymd_opt(2025, 4, 4);
    for h in [
        hit(12.4, day, Some("Maria Lind")),
        hit(0.1, None, None),
        hit(3.0, day, None),
        hit(f32::NAN, None, Some("")),
        hit(f32::MAX, day, None),
    ] {
        same(&Hit::from(&h), before::hit(&h));
    }
}

#[test]
fn episodes_write_the_same_bytes() {
    let mut ep = EpisodeRecord {
        id: 9,
        show: "Night Desk".into(),
        title: Some("Night Desk on the Black Sea".into()),
        published: Some("2026-03-02".into()),
        duration_s: Some(1826),
        language: Some("en".into()),
        audio_url: Some("https://example.org/a.mp3".into()),
        words: 4321,
        segments: 3,
        primary_source: "in/night-desk.txt".into(),
    };
    let warnings = vec![Warning::new(WarningKind::Timestamp, Some(4), "backwards")];
    let sources = vec![
        SourceRecord {
            path: "in/night-desk.txt".into(),
            episode: 9,
            format: "speaker-stamps".into(),
            content_hash: "abc".into(),
            warnings: serde_json::to_value(&warnings).unwrap(),
        },
        SourceRecord {
            path: "feed.xml#2".into(),
            episode: 9,
            format: "podcasting20-json".into(),
            content_hash: "def".into(),
            warnings: serde_json::json!([]),
        },
    ];
    let segments = vec![
        earshot_model::Segment::timed(0, Some(90_000), "Welcome back.")
            .with_speaker(Some("Maria Lind".into()))
            .at_line(5),
        earshot_model::Segment {
            boilerplate: true,
            timing: Timing::Estimated,
            ..earshot_model::Segment::text("Use the code DESK.")
        },
    ];
    same(
        &Episode::new(&ep, &sources, &segments),
        before::episode(&ep, &sources, &segments),
    );
    ep.title = None;
    ep.published = None;
    ep.duration_s = None;
    ep.language = None;
    ep.audio_url = None;
    same(&Episode::new(&ep, &[], &[]), before::episode(&ep, &[], &[]));
}

fn entity(id: i64, wikidata: Option<&str>, dated: bool) -> EntityRecord {
    EntityRecord {
        id,
        key: format!("g:{id}"),
        name: "Vladimir Putin".into(),
        kind: "person".into(),
        wikidata: wikidata.map(str::to_string),
        mentions: 12,
        episodes: 4,
        first: dated.then(|| "2025-01-02".into()),
        last: dated.then(|| "2026-03-02".into()),
    }
}

#[test]
fn entities_write_the_same_bytes() {
    for e in [entity(1, Some("Q7747"), true), entity(2, None, false)] {
        same(&Entity::from(&e), before::entity(&e));
    }
    let mention = |title: Option<&str>, start_ms: Option<u64>| MentionRecord {
        episode: 9,
        show: "Night Desk".into(),
        title: title.map(str::to_string),
        published: title.map(|_| "2026-03-02".into()),
        segment: 1,
        start: 14,
        end: 19,
        start_ms,
        surface: "Putin".into(),
        confidence: "high".into(),
        text: "I think Putin will accept".into(),
    };
    let detail = crate::EntityDetail {
        entity: entity(1, Some("Q7747"), true),
        surfaces: vec![("Putin".into(), 10), ("Poutine".into(), 2)],
        months: vec![(None, 1), (Some("2026-03".into()), 11)],
        companions: vec![
            (entity(5, None, false), 3),
            (entity(6, Some("Q1"), true), 1),
        ],
        mentions: vec![mention(Some("Night"), Some(90_000)), mention(None, None)],
        links: vec![("role".into(), "President of Russia".into())],
    };
    same(&EntityDetail::from(&detail), before::entity_detail(&detail));
    let bare = crate::EntityDetail {
        entity: entity(2, None, false),
        surfaces: vec![],
        months: vec![],
        companions: vec![],
        mentions: vec![],
        links: vec![],
    };
    same(&EntityDetail::from(&bare), before::entity_detail(&bare));
}

#[test]
fn predictions_write_the_same_bytes() {
    let open = PredictionRecord {
        id: 4,
        key: "k".into(),
        episode: 9,
        show: "Night Desk".into(),
        title: None,
        published: None,
        segment: 1,
        start: 0,
        end: 70,
        start_ms: None,
        speaker: None,
        text: "Putin will accept the truce.".into(),
        claim: "Putin will accept the truce".into(),
        conditional: false,
        condition: None,
        horizon: None,
        due: None,
        confidence: "medium".into(),
        entities: vec![],
        status: Status::Open,
        outcome: None,
        note: None,
        evidence: None,
        resolved_at: None,
    };
    let resolved = PredictionRecord {
        title: Some("Night Desk on the Black Sea".into()),
        published: Some("2026-03-02".into()),
        start_ms: Some(90_000),
        speaker: Some("Tom Okafor".into()),
        conditional: true,
        condition: Some("if the talks hold".into()),
        horizon: Some("within the next few weeks".into()),
        due: Some("2026-03-30".into()),
        entities: vec![(1, "Vladimir Putin".into()), (7, "NATO".into())],
        status: Status::Resolved,
        outcome: Some(Outcome::Partly),
        note: Some("in part".into()),
        evidence: Some("https://example.org/x".into()),
        resolved_at: Some("2026-04-01".into()),
        ..open.clone()
    };
    for p in [open, resolved] {
        same(&Prediction::from(&p), before::prediction(&p));
    }
}
