//! The JSON shapes of archive records, shared by every surface (the CLI's `--json`, the
//! server's API), so a hit or a forecast reads the same wherever it comes from.
//!
//! Each shape is a struct built `From` its record. Their fields are declared in alphabetical
//! order: these shapes were serde_json maps, which order their keys so, and scripts have read
//! those bytes since (a test checks that each one serialises exactly as its map would). Every
//! key is always written, `null` when the value is unknown. With the `openapi` feature they
//! derive utoipa's `ToSchema`, for the server's OpenAPI document; the doc comments on the
//! fields are the schema's descriptions.

mod entity;
#[cfg(feature = "openapi")]
mod schema;

use earshot_model::NaiveDate;
use earshot_store::{EpisodeRecord, Outcome, PredictionRecord, SourceRecord};
use serde::Serialize;
use serde_json::Value;

pub use entity::{Companion, Entity, EntityDetail, Link, Month, Passage, Surface};

/// A search hit: one passage of an episode.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Hit {
    /// The catalog's id of the episode.
    pub episode: i64,
    /// The day the episode was published (`YYYY-MM-DD`), when known.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub published: Option<NaiveDate>,
    /// Relevance; higher is better. Only comparable within one search.
    pub score: f64,
    /// The episode's show.
    pub show: String,
    /// HTML: the best part of the passage, escaped, matches in `<b>…</b>`, "…" where cut.
    pub snippet: String,
    /// Where the episode's transcript came from.
    pub source: String,
    /// The speaker's label as the transcript gives it.
    pub speaker: Option<String>,
    /// Where the passage begins, in milliseconds from the start of the episode.
    pub start_ms: u64,
    /// The whole passage the hit stands in, as indexed (not escaped).
    pub text: String,
    /// The episode's title.
    pub title: String,
}

impl From<&earshot_index::Hit> for Hit {
    fn from(h: &earshot_index::Hit) -> Self {
        Hit {
            episode: h.episode,
            published: h.published,
            // As a serde_json map held it: widened to f64 (12.4f32 is 12.399999618530273).
            score: f64::from(h.score),
            show: h.show.clone(),
            snippet: h.snippet.clone(),
            source: h.source.clone(),
            speaker: h.speaker.clone(),
            start_ms: h.start_ms,
            text: h.text.clone(),
            title: h.title.clone(),
        }
    }
}

/// An episode with its sources and segments.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Episode {
    /// The episode's audio, as its source links it.
    pub audio_url: Option<String>,
    /// The episode's length in seconds, when known.
    pub duration_s: Option<u64>,
    /// The catalog's id of the episode.
    pub episode: i64,
    /// The transcript's language, when stated.
    pub language: Option<String>,
    /// The day it was published (`YYYY-MM-DD`), when known.
    pub published: Option<String>,
    /// The text, in order, from the source the episode shows.
    pub segments: Vec<Segment>,
    /// The show.
    pub show: String,
    /// The source whose text the episode shows.
    pub source: String,
    /// Every transcript of the episode that was ingested.
    pub sources: Vec<Source>,
    /// The episode's title, when known.
    pub title: Option<String>,
    /// Words in the text.
    pub words: u64,
}

impl Episode {
    /// The episode `ep`, with its sources and the segments of its text.
    pub fn new(
        ep: &EpisodeRecord,
        sources: &[SourceRecord],
        segments: &[earshot_model::Segment],
    ) -> Self {
        Episode {
            audio_url: ep.audio_url.clone(),
            duration_s: ep.duration_s,
            episode: ep.id,
            language: ep.language.clone(),
            published: ep.published.clone(),
            segments: segments.iter().map(Segment::from).collect(),
            show: ep.show.clone(),
            source: ep.primary_source.clone(),
            sources: sources.iter().map(Source::from).collect(),
            title: ep.title.clone(),
            words: ep.words,
        }
    }
}

/// One transcript of an episode.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Source {
    /// The layout that read it (`podscripts`, `webvtt`, ...).
    pub format: String,
    /// The path as given to ingest (a feed item's carries `#N`).
    pub path: String,
    /// What the parser met and handled in it.
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<earshot_model::Warning>))]
    pub warnings: Value,
}

impl From<&SourceRecord> for Source {
    fn from(s: &SourceRecord) -> Self {
        Source {
            format: s.format.clone(),
            path: s.path.clone(),
            warnings: s.warnings.clone(),
        }
    }
}

/// One stretch of speech of an episode (the keys of `earshot parse --json`'s segments).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Segment {
    /// Sponsor read, sign-off or other show logistics: kept, but flagged.
    pub boilerplate: bool,
    /// Where it ends, in milliseconds from the start of the episode.
    pub end_ms: Option<u64>,
    /// The 1-based line of the source where it begins, when the layout is line-based.
    pub line: Option<u32>,
    /// The speaker's label as the source gives it.
    pub speaker: Option<String>,
    /// Where it begins, in milliseconds from the start of the episode.
    pub start_ms: Option<u64>,
    /// What was said.
    pub text: String,
    /// Where the times come from: the source (`exact`), computed (`estimated`), or `none`.
    pub timing: earshot_model::Timing,
}

impl From<&earshot_model::Segment> for Segment {
    fn from(s: &earshot_model::Segment) -> Self {
        Segment {
            boilerplate: s.boilerplate,
            end_ms: s.end_ms,
            line: s.line,
            speaker: s.speaker.clone(),
            start_ms: s.start_ms,
            text: s.text.clone(),
            timing: s.timing,
        }
    }
}

/// A forecast: the `extract --json` prediction keys plus the ledger's.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Prediction {
    /// The core claim: the clause that says what will happen, without the condition and the
    /// speaker's lead-in ("I think").
    pub claim: String,
    /// The condition's clause ("if the talks fail"), when it is conditional.
    pub condition: Option<String>,
    /// Whether it holds only if something else happens.
    pub conditional: bool,
    /// The confidence the speaker states: `high`, `medium` or `low`.
    pub confidence: String,
    /// The day it is due (`YYYY-MM-DD`), from the horizon and the episode's date.
    pub due: Option<String>,
    /// The names of the entities it names.
    pub entities: Vec<String>,
    /// The catalog's id of the episode.
    pub episode: i64,
    /// A link to what settled it.
    pub evidence: Option<String>,
    /// The phrase that says when ("within the next few weeks").
    pub horizon: Option<String>,
    /// The forecast's id in the ledger.
    pub id: i64,
    /// A note on the outcome.
    pub note: Option<String>,
    /// The recorded outcome; `null` while unresolved.
    #[cfg_attr(feature = "openapi", schema(schema_with = schema::outcome))]
    pub outcome: Option<&'static str>,
    /// The day the episode was published (`YYYY-MM-DD`), when known.
    pub published: Option<String>,
    /// The day the outcome was recorded (`YYYY-MM-DD`).
    pub resolved_at: Option<String>,
    /// The segment of the episode it was said in.
    pub segment: u32,
    /// The episode's show.
    pub show: String,
    /// The speaker's label as the transcript gives it.
    pub speaker: Option<String>,
    /// Where it was said, in milliseconds from the start of the episode.
    pub start_ms: Option<u64>,
    /// `open`, `due` (unresolved and its due day has passed) or `resolved`.
    #[cfg_attr(feature = "openapi", schema(schema_with = schema::status))]
    pub status: &'static str,
    /// The whole sentence.
    pub text: String,
    /// The episode's title, when known.
    pub title: Option<String>,
}

impl From<&PredictionRecord> for Prediction {
    fn from(p: &PredictionRecord) -> Self {
        Prediction {
            claim: p.claim.clone(),
            condition: p.condition.clone(),
            conditional: p.conditional,
            confidence: p.confidence.clone(),
            due: p.due.clone(),
            entities: p.entities.iter().map(|e| e.1.clone()).collect(),
            episode: p.episode,
            evidence: p.evidence.clone(),
            horizon: p.horizon.clone(),
            id: p.id,
            note: p.note.clone(),
            outcome: p.outcome.map(Outcome::as_str),
            published: p.published.clone(),
            resolved_at: p.resolved_at.clone(),
            segment: p.segment,
            show: p.show.clone(),
            speaker: p.speaker.clone(),
            start_ms: p.start_ms,
            status: p.status.as_str(),
            text: p.text.clone(),
            title: p.title.clone(),
        }
    }
}

#[cfg(test)]
mod tests;
