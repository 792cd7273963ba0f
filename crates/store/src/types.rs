//! The records the catalog reads and writes.

use earshot_model::Segment;
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
