//! earshot's catalog: the truth of an archive. Shows, episodes, the sources each episode was
//! read from, its segments and sentences, and a change log that the search index (derived,
//! rebuildable) replays to catch up after a crash.
//!
//! The stages above talk to the [`Catalog`] trait only; [`SqliteCatalog`] is the embedded
//! default. A PostgreSQL backend for team servers implements the same trait.

mod entities;
mod mentions;
mod predictions;
mod schema;
mod sqlite;
mod types;

pub use entities::EntityStore;
pub use predictions::{
    LedgerStore, Outcome, PredictionCounts, PredictionFilter, PredictionRecord, PredictionWrite,
    Resolution, Status,
};
pub use sqlite::SqliteCatalog;
pub use types::*;

use thiserror::Error;

/// A catalog failure.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("catalog: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("catalog {path}: {message}")]
    Open { path: String, message: String },
    #[error("catalog: {0}")]
    Corrupt(String),
}

/// The result type of catalog operations.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// What every catalog backend provides. All writes are atomic: after a crash the catalog holds
/// each write whole or not at all.
pub trait Catalog: EntityStore + LedgerStore + Send {
    /// The file last ingested from `path`, if any.
    fn file(&self, path: &str) -> Result<Option<FileRecord>>;
    /// Remembers a whole file as ingested (after all its transcripts were written).
    fn put_file(&mut self, file: &FileRecord) -> Result<()>;
    /// The source (one transcript of one file) known by this path, if any.
    fn source(&self, path: &str) -> Result<Option<SourceRecord>>;
    /// The episode with this show, title and date, if any.
    fn find_episode(
        &self,
        show: &str,
        title: &str,
        published: Option<&str>,
    ) -> Result<Option<EpisodeId>>;
    /// Every episode's text fingerprint, for near-duplicate detection.
    fn fingerprints(&self) -> Result<Vec<(EpisodeId, Vec<u8>)>>;
    /// Writes one transcript atomically: as a new episode, or as a source of an existing one
    /// (replacing its content when `replace` is set). Logs the change.
    fn write(&mut self, write: &EpisodeWrite) -> Result<(EpisodeId, WriteOutcome)>;
    /// Removes an episode with its sources, segments and sentences. False if there was none.
    fn remove_episode(&mut self, id: EpisodeId) -> Result<bool>;
    /// Removes one source; the episode goes too when it was its last source.
    fn remove_source(&mut self, path: &str) -> Result<Option<RemovedSource>>;
    /// One episode's record.
    fn episode(&self, id: EpisodeId) -> Result<Option<EpisodeRecord>>;
    /// Episodes, newest first, optionally of one show.
    fn episodes(&self, show: Option<&str>) -> Result<Vec<EpisodeRecord>>;
    /// One episode's segments, in order.
    fn segments(&self, id: EpisodeId) -> Result<Vec<earshot_model::Segment>>;
    /// One episode's sentences, in order.
    fn sentences(&self, id: EpisodeId) -> Result<Vec<Sentence>>;
    /// One episode's sources.
    fn sources(&self, id: EpisodeId) -> Result<Vec<SourceRecord>>;
    /// Counts for `earshot stats`.
    fn stats(&self) -> Result<CatalogStats>;
    /// Changes logged after `seq`, in order.
    fn changes_since(&self, seq: u64) -> Result<Vec<Change>>;
    /// The newest change's sequence number (0 when none).
    fn last_change(&self) -> Result<u64>;
    /// Forgets changes up to `seq` (the index has them).
    fn prune_changes(&mut self, seq: u64) -> Result<()>;
    /// Every episode id, ascending.
    fn episode_ids(&self) -> Result<Vec<EpisodeId>>;
}
