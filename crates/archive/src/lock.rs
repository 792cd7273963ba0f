//! The archive's lock file: one writer, or any number of readers, never both. The operating
//! system releases it when a process dies, so a killed ingest never leaves the archive locked.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;
use std::time::{Duration, Instant};

use crate::{ArchiveError, Result};

/// A held lock on an archive.
pub struct ArchiveLock {
    _file: Option<File>,
    exclusive: bool,
}

/// How long a reader waits for a lock that another process holds only for a moment.
const PATIENCE: Duration = Duration::from_secs(3);

/// Tries to take a lock until it is had or [`PATIENCE`] runs out.
pub fn retry(mut take: impl FnMut() -> Result<ArchiveLock>) -> Result<ArchiveLock> {
    let started = Instant::now();
    loop {
        match take() {
            Err(ArchiveError::Busy(_)) if started.elapsed() < PATIENCE => {
                std::thread::sleep(Duration::from_millis(25));
            }
            other => return other,
        }
    }
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

    /// Takes the lock for reading, or fails at once when a writer holds it.
    pub fn shared(dir: &Path) -> Result<Self> {
        let file = open(dir)?;
        file.try_lock_shared().map_err(|e| map(dir, e))?;
        Ok(ArchiveLock {
            _file: Some(file),
            exclusive: false,
        })
    }

    /// No lock (a placeholder while one lock is traded for another).
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

    /// Trades a write lock for a read lock.
    pub fn downgrade(self, dir: &Path) -> Result<Self> {
        drop(self);
        Self::shared(dir)
    }
}
