//! The archive's lock file: one writer, or any number of readers, never both. The operating
//! system releases it when a process dies, so a killed ingest never leaves the archive locked.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;

use crate::{ArchiveError, Result};

/// A held lock on an archive.
pub struct ArchiveLock {
    _file: File,
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
            _file: file,
            exclusive: true,
        })
    }

    /// Takes the lock for reading, or fails at once when a writer holds it.
    pub fn shared(dir: &Path) -> Result<Self> {
        let file = open(dir)?;
        file.try_lock_shared().map_err(|e| map(dir, e))?;
        Ok(ArchiveLock {
            _file: file,
            exclusive: false,
        })
    }

    /// True when held for writing.
    pub fn is_exclusive(&self) -> bool {
        self.exclusive
    }

    /// Trades a write lock for a read lock.
    pub fn downgrade(self, dir: &Path) -> Result<Self> {
        drop(self);
        Self::shared(dir)
    }
}
