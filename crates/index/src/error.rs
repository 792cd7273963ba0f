//! The errors the index reports.

use thiserror::Error;

/// What can go wrong opening, writing or searching the index.
#[derive(Debug, Error)]
pub enum Error {
    /// An error from the search engine (tantivy), including I/O on the index's files.
    #[error("search index: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    /// The index folder could not be opened.
    #[error("search index folder: {0}")]
    Directory(#[from] tantivy::directory::error::OpenDirectoryError),
    /// An I/O error outside tantivy (creating the folder).
    #[error("search index: {0}")]
    Io(#[from] std::io::Error),
    /// The folder holds an index this version cannot use (another layout of fields). The index
    /// is derived from the catalog: delete the folder and rebuild it.
    #[error("search index at {path} was made by another version of earshot ({detail}); delete it and rebuild the index")]
    Incompatible {
        /// The index folder.
        path: String,
        /// What did not match.
        detail: String,
    },
    /// The last commit's payload is not a number this crate wrote.
    #[error("search index: commit payload {0:?} is not a number")]
    Payload(String),
}

/// Result with the index's [`enum@Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
