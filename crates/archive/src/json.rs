//! The JSON shapes of archive records, shared by every surface (the CLI's `--json`, the
//! server's API), so a hit or a forecast reads the same wherever it comes from.

use earshot_index::Hit;
use earshot_model::Segment;
use earshot_store::{EntityRecord, EpisodeRecord, Outcome, PredictionRecord, SourceRecord};
use serde_json::{json, Value};

use crate::EntityDetail;

/// A search hit.
pub fn hit(hit: &Hit) -> Value {
    json!({
        "episode": hit.episode, "source": hit.source, "title": hit.title, "show": hit.show,
        "published": hit.published, "start_ms": hit.start_ms, "speaker": hit.speaker,
        "score": hit.score, "snippet": hit.snippet, "text": hit.text,
    })
}

/// An episode with its sources and segments.
pub fn episode(ep: &EpisodeRecord, sources: &[SourceRecord], segments: &[Segment]) -> Value {
    json!({
        "episode": ep.id, "show": ep.show, "title": ep.title, "published": ep.published,
        "duration_s": ep.duration_s, "language": ep.language, "audio_url": ep.audio_url,
        "words": ep.words, "source": ep.primary_source,
        "sources": sources.iter().map(|s| json!({"path": s.path, "format": s.format, "warnings": s.warnings})).collect::<Vec<_>>(),
        "segments": segments,
    })
}

/// An entity as listed.
pub fn entity(e: &EntityRecord) -> Value {
    json!({
        "id": e.id, "name": e.name, "kind": e.kind, "wikidata": e.wikidata,
        "mentions": e.mentions, "episodes": e.episodes, "first_seen": e.first,
        "last_seen": e.last,
    })
}

/// An entity with its links, spellings, months, companions and passages.
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

/// A forecast: the `extract --json` prediction keys plus the ledger's.
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
