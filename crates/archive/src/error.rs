use std::path::{Path, PathBuf};

use thiserror::Error;

/// Why an archive operation failed.
#[derive(Debug, Error)]
pub enum ArchiveError {
    #[error("archive {} is busy: another earshot process is writing to it (try again when it is done)", .0.display())]
    Busy(PathBuf),
    #[error("no archive in {} (create one with `earshot ingest`)", .0.display())]
    NoArchive(PathBuf),
    /// The search index was made by an earlier earshot; a writer rebuilds it on opening.
    #[error("the search index in {} was made by another version of earshot: `earshot reindex` rebuilds it from the catalog", .0.display())]
    OutdatedIndex(PathBuf),
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Store(#[from] earshot_store::StoreError),
    #[error("index: {0}")]
    Index(#[from] earshot_index::Error),
    /// A record the caller named by id does not exist (a forecast).
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Other(String),
}

impl ArchiveError {
    pub(crate) fn io(path: &Path, source: std::io::Error) -> Self {
        ArchiveError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}
