//! The records the catalog reads and writes.

use earshot_model::Segment;
use serde::Serialize;
use serde_json::Value;

/// A sentence: (segment index, byte start and end in the segment's text, start_ms).
pub type Sentence = (u32, u32, u32, Option<u64>);

/// An episode's id in the catalog.
pub type EpisodeId = i64;

/// A file as last ingested: skipping unchanged files makes re-ingest cheap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRecord {
    pub path: String,
    /// BLAKE3 of the file's bytes, hex.
    pub hash: String,
    pub size: u64,
}

/// One transcript of one file.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceRecord {
    /// The path as given (a feed item's carries `#N`).
    pub path: String,
    pub episode: EpisodeId,
    pub format: String,
    /// BLAKE3 of the parsed transcript, hex: equal means nothing changed.
    pub content_hash: String,
    /// The parser's warnings, as JSON.
    pub warnings: Value,
}

/// An episode's metadata and counts.
#[derive(Debug, Clone, PartialEq)]
pub struct EpisodeRecord {
    pub id: EpisodeId,
    pub show: String,
    pub title: Option<String>,
    /// `YYYY-MM-DD`.
    pub published: Option<String>,
    pub duration_s: Option<u64>,
    pub language: Option<String>,
    pub audio_url: Option<String>,
    pub words: u64,
    pub segments: u64,
    /// The source whose text the episode shows.
    pub primary_source: String,
}

/// A transcript to write, with where it came from and where it goes.
#[derive(Debug, Clone)]
pub struct EpisodeWrite {
    pub target: Target,
    pub source: SourceRecord,
    pub show: String,
    pub title: Option<String>,
    pub published: Option<String>,
    pub duration_s: Option<u64>,
    pub language: Option<String>,
    pub audio_url: Option<String>,
    pub segments: Vec<Segment>,
    /// The transcript's sentences.
    pub sentences: Vec<Sentence>,
    /// A signature of the text for near-duplicate detection (opaque to the catalog).
    pub fingerprint: Option<Vec<u8>>,
    pub words: u64,
    /// The entity mentions found in the segments.
    pub mentions: Vec<MentionWrite>,
    /// The forecasts found in the segments.
    pub predictions: Vec<crate::PredictionWrite>,
}

/// The entity a mention is linked to, as extraction names it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EntityRef {
    /// Stable key: `g:<canonical>` for a gazetteer entry, `n:<normalised name>` for a name the
    /// gazetteer lacks.
    pub key: String,
    /// The name to show.
    pub name: String,
    /// `person`, `organization`, `place`, `group`, `work` or `event`.
    pub kind: String,
    /// The Wikidata item, when known.
    pub wikidata: Option<String>,
}

/// One mention to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MentionWrite {
    /// The segment's position in the episode.
    pub segment: u32,
    /// Character offsets in the segment's text.
    pub start: u32,
    pub end: u32,
    /// Milliseconds from the start of the episode, when known.
    pub start_ms: Option<u64>,
    /// The text as the transcript has it.
    pub surface: String,
    /// The surface normalised (case, accents, a leading "the"): what curation matches.
    pub surface_key: String,
    /// The entity extraction linked it to.
    pub entity: EntityRef,
    /// `high`, `medium` or `low`.
    pub confidence: String,
}

/// An entity with its counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityRecord {
    pub id: i64,
    pub key: String,
    pub name: String,
    pub kind: String,
    pub wikidata: Option<String>,
    /// Mentions (in the episodes the filter kept).
    pub mentions: u64,
    /// Episodes that mention it.
    pub episodes: u64,
    /// Publication date of the first and last episode mentioning it.
    pub first: Option<String>,
    pub last: Option<String>,
}

/// Which entities to list.
#[derive(Debug, Clone, Default)]
pub struct EntityFilter {
    pub kind: Option<String>,
    /// Only mentions in episodes of this show (case-insensitive).
    pub show: Option<String>,
    /// Only mentions in episodes published on or after this date (`YYYY-MM-DD`).
    pub since: Option<String>,
    /// At most this many, most mentioned first; 0 for all.
    pub limit: usize,
}

/// One stored mention with where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MentionRecord {
    pub episode: EpisodeId,
    pub show: String,
    pub title: Option<String>,
    pub published: Option<String>,
    pub segment: u32,
    pub start: u32,
    pub end: u32,
    pub start_ms: Option<u64>,
    pub surface: String,
    pub confidence: String,
    /// The whole segment's text.
    pub text: String,
}

/// Where a write goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A new episode.
    New,
    /// A source of an existing episode; `replace` makes its text the episode's.
    Existing { episode: EpisodeId, replace: bool },
}

/// What a write did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteOutcome {
    Added,
    Updated,
    /// A second source of an episode already in the archive.
    Merged,
    Unchanged,
}

/// A logged change to an episode, for the index to replay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    pub seq: u64,
    pub episode: EpisodeId,
}

/// Totals over the archive.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CatalogStats {
    pub shows: u64,
    pub episodes: u64,
    pub sources: u64,
    pub segments: u64,
    pub words: u64,
    pub seconds: u64,
    pub first: Option<String>,
    pub last: Option<String>,
    pub bytes: u64,
}

/// What removing a source did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemovedSource {
    pub episode: EpisodeId,
    /// The episode had no other source and is gone.
    pub episode_removed: bool,
    /// The removed source was the episode's text; this source is now primary, and its file
    /// must be read again to replace the text.
    pub new_primary: Option<String>,
}
