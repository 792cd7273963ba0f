//! An earshot archive on disk: the catalog (the truth) and the search index derived from it,
//! kept consistent across crashes, behind a lock so that two processes never write at once.
//!
//! ```text
//! DIR/catalog.sqlite   shows, episodes, sources, segments, sentences, change log
//! DIR/index/           tantivy: one document per passage
//! DIR/lock             held exclusively by a writer, shared by readers
//! ```

mod dedup;
mod entities;
mod error;
pub mod forecasts;
mod ingest;
pub mod json;
pub mod ledger;
mod lock;
mod recover;
mod search;

use std::path::{Path, PathBuf};

use earshot_index::SearchIndex;
use earshot_store::{Catalog, SqliteCatalog};

pub use entities::{entity_ref, EntityDetail, EntityExpander, GAZETTEER_FILE};
pub use error::ArchiveError;
pub use ingest::{IngestEvent, IngestOptions, IngestReport};
pub use search::{EpisodeHits, SearchRequest};

/// Result of archive operations.
pub type Result<T, E = ArchiveError> = std::result::Result<T, E>;

/// How an archive is opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Reading only (search, stats, export): any number of readers, alongside a writer; they
    /// see what the writer last committed.
    Read,
    /// Writing (ingest, remove, reindex): one writer at a time; a second is told the archive
    /// is busy.
    Write,
}

/// An open archive.
pub struct Archive {
    dir: PathBuf,
    catalog: Box<dyn Catalog>,
    /// Shared by the handles [`Archive::another_reader`] makes.
    index: std::sync::Arc<SearchIndex>,
    /// Extra spellings for query words (the entities stage plugs in known garbled variants).
    expander: Box<dyn earshot_index::TermExpander>,
    _lock: lock::ArchiveLock,
}

/// Opens the search index in `dir`. One made by another version of earshot (another layout of
/// fields) is derived data: a writer deletes it and starts an empty one, which the catalog then
/// fills again; a reader is told to let a writer do that.
fn open_index(dir: &Path, access: Access) -> Result<SearchIndex> {
    match SearchIndex::open_or_create(dir) {
        Err(earshot_index::Error::Incompatible { .. }) if access == Access::Write => {
            std::fs::remove_dir_all(dir).map_err(|e| ArchiveError::io(dir, e))?;
            Ok(SearchIndex::open_or_create(dir)?)
        }
        Err(earshot_index::Error::Incompatible { .. }) => {
            Err(ArchiveError::OutdatedIndex(dir.to_path_buf()))
        }
        other => Ok(other?),
    }
}

impl Archive {
    /// Opens (creating when writing) the archive in `dir`, bringing the index up to date with
    /// the catalog if an earlier process died between the two.
    pub fn open(dir: &Path, access: Access) -> Result<Self> {
        if access == Access::Read && !dir.join("catalog.sqlite").exists() {
            return Err(ArchiveError::NoArchive(dir.to_path_buf()));
        }
        std::fs::create_dir_all(dir).map_err(|e| ArchiveError::io(dir, e))?;
        // Only writers lock: SQLite in WAL mode and tantivy both let readers see the last
        // committed state while a writer works, so a search never waits for an ingest.
        let lock = match access {
            Access::Write => lock::ArchiveLock::exclusive(dir)?,
            Access::Read => lock::ArchiveLock::none(),
        };
        let catalog = SqliteCatalog::open(&dir.join("catalog.sqlite"))?;
        let index = std::sync::Arc::new(open_index(&dir.join("index"), access)?);
        let mut archive = Archive {
            dir: dir.to_path_buf(),
            catalog: Box::new(catalog),
            index,
            expander: Box::new(earshot_index::NoExpansion),
            _lock: lock,
        };
        if access == Access::Write {
            recover::catch_up(&mut archive)?;
            // An archive from before entities: extract them once, now.
            if archive.catalog.entities_pending()? {
                archive.reextract(None, &mut |_, _| {})?;
                archive.catalog.clear_entities_pending()?;
            }
        } else if recover::is_behind(&archive)? {
            // An index behind its catalog is either a writer at work, whose next commit catches
            // it up, or a writer that died: only then is there no lock to take, and the reader
            // recovers the archive itself, as the writer would have.
            if let Ok(lock) = lock::ArchiveLock::exclusive(dir) {
                archive._lock = lock;
                archive.index.reload()?;
                recover::catch_up(&mut archive)?;
                archive._lock = lock::ArchiveLock::none();
            }
        }
        Ok(archive)
    }

    /// Another read-only handle on this archive: its own catalog connection, but this
    /// handle's search index, so that a server keeping many handles maps and caches the index
    /// once. Searches need the caller's expander again ([`Archive::set_expander`]).
    pub fn another_reader(&self) -> Result<Archive> {
        Ok(Archive {
            dir: self.dir.clone(),
            catalog: Box::new(SqliteCatalog::open(&self.dir.join("catalog.sqlite"))?),
            index: self.index.clone(),
            expander: Box::new(earshot_index::NoExpansion),
            _lock: lock::ArchiveLock::none(),
        })
    }

    /// The archive's folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The catalog.
    pub fn catalog(&self) -> &dyn Catalog {
        self.catalog.as_ref()
    }

    /// The search index.
    pub fn index(&self) -> &SearchIndex {
        &self.index
    }

    /// Sets what expands query words into their other spellings: the seam where the entities
    /// stage makes "Witkoff" also match every garbled variant it has linked to Steve Witkoff.
    pub fn set_expander(&mut self, expander: Box<dyn earshot_index::TermExpander>) {
        self.expander = expander;
    }

    /// Rebuilds the search index from the catalog.
    pub fn reindex(&mut self, progress: &mut dyn FnMut(u64, u64)) -> Result<u64> {
        self.require_write()?;
        recover::rebuild(self, progress)
    }

    /// Removes an episode. False when there is none with this id.
    pub fn remove_episode(&mut self, id: i64) -> Result<bool> {
        self.require_write()?;
        let removed = self.catalog.remove_episode(id)?;
        recover::catch_up(self)?;
        Ok(removed)
    }

    /// Removes one source (a path as ingested, `feed.xml#N` for a feed item). When it held the
    /// episode's text and another source remains, that source's file is read again.
    pub fn remove_source(&mut self, path: &str) -> Result<Option<earshot_store::RemovedSource>> {
        self.require_write()?;
        let removed = self.catalog.remove_source(path)?;
        if let Some(next) = removed.as_ref().and_then(|r| r.new_primary.clone()) {
            let file = next
                .split_once('#')
                .map_or(next.as_str(), |(f, _)| f)
                .to_owned();
            let opts = IngestOptions::default();
            self.ingest(&[PathBuf::from(file)], &opts, &mut |_| {})?;
        }
        recover::catch_up(self)?;
        Ok(removed)
    }

    /// True when another process is writing to the archive (a reader asks; a writer is the
    /// one writing).
    pub fn writer_active(&self) -> bool {
        !self._lock.is_exclusive()
            && matches!(
                lock::ArchiveLock::exclusive(&self.dir),
                Err(ArchiveError::Busy(_))
            )
    }

    /// True when the index holds exactly the catalog's episodes and passages (for tests and
    /// `earshot stats --check`).
    pub fn is_consistent(&self) -> Result<bool> {
        recover::is_consistent(self)
    }

    fn require_write(&self) -> Result<()> {
        if self._lock.is_exclusive() {
            Ok(())
        } else {
            Err(ArchiveError::Busy(self.dir.clone()))
        }
    }
}

/// The default archive folder: `EARSHOT_DATA` is read by the CLI; this is the platform's data
/// directory for earshot, else `./earshot-data`.
pub fn default_dir() -> PathBuf {
    let base = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
        .or_else(|| std::env::var_os("APPDATA").map(PathBuf::from));
    match base {
        Some(b) => b.join("earshot"),
        None => PathBuf::from("earshot-data"),
    }
}
