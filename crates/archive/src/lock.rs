//! The archive's lock file, held by its one writer. The operating system releases it when a
//! process dies, so a killed ingest never leaves the archive locked.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;

use crate::{ArchiveError, Result};

/// A held lock on an archive.
pub struct ArchiveLock {
    _file: Option<File>,
    exclusive: bool,
}

fn open(dir: &Path) -> Result<File> {
    let path = dir.join("lock");
    OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| ArchiveError::io(&path, e))
}

fn map(dir: &Path, e: TryLockError) -> ArchiveError {
    match e {
        TryLockError::WouldBlock => ArchiveError::Busy(dir.to_path_buf()),
        TryLockError::Error(e) => ArchiveError::io(&dir.join("lock"), e),
    }
}

impl ArchiveLock {
    /// Takes the lock for writing, or fails at once with [`ArchiveError::Busy`].
    pub fn exclusive(dir: &Path) -> Result<Self> {
        let file = open(dir)?;
        file.try_lock().map_err(|e| map(dir, e))?;
        Ok(ArchiveLock {
            _file: Some(file),
            exclusive: true,
        })
    }

    /// No lock: what a reader holds.
    pub fn none() -> Self {
        ArchiveLock {
            _file: None,
            exclusive: false,
        }
    }

    /// True when held for writing.
    pub fn is_exclusive(&self) -> bool {
        self.exclusive
    }
}
