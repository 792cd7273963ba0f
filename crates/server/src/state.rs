//! The server's shared state: the archive's folder, a pool of read-only handles, the write
//! token and the logged-in sessions.

use std::collections::HashMap;
use std::sync::Mutex;

use earshot_archive::{Access, Archive, EntityExpander};

use crate::{AppError, Config};

/// How many read-only archive handles are kept open for reuse.
const POOL_SIZE: usize = 8;

/// What every handler shares.
pub struct AppState {
    config: Config,
    readers: Mutex<Vec<Archive>>,
    /// Session id → its CSRF token, for browsers that logged in with the token.
    sessions: Mutex<HashMap<String, String>>,
}

impl AppState {
    /// Opens the archive once to check that it is there and readable.
    pub fn open(config: Config) -> anyhow::Result<AppState> {
        let first = reader(&config)?;
        Ok(AppState {
            config,
            readers: Mutex::new(vec![first]),
            sessions: Mutex::new(HashMap::new()),
        })
    }

    /// Whether the server accepts writes at all.
    pub fn writable(&self) -> bool {
        self.config.token.is_some()
    }

    pub(crate) fn token(&self) -> Option<&str> {
        self.config.token.as_deref()
    }

    /// Runs `f` on a read-only archive handle, off the async threads.
    pub async fn read<T, F>(self: &std::sync::Arc<Self>, f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&Archive) -> Result<T, AppError> + Send + 'static,
    {
        let state = self.clone();
        tokio::task::spawn_blocking(move || {
            let handle = state.readers.lock().map_err(poisoned)?.pop();
            let archive = match handle {
                Some(a) => a,
                None => reader(&state.config)?,
            };
            let out = f(&archive);
            let mut pool = state.readers.lock().map_err(poisoned)?;
            if pool.len() < POOL_SIZE {
                pool.push(archive);
            }
            out
        })
        .await
        .map_err(|e| AppError::Internal(format!("a read failed: {e}")))?
    }

    /// Runs `f` on the archive opened for writing (one writer at a time, across processes).
    pub async fn write<T, F>(self: &std::sync::Arc<Self>, f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Archive) -> Result<T, AppError> + Send + 'static,
    {
        let state = self.clone();
        tokio::task::spawn_blocking(move || {
            let mut archive = Archive::open(&state.config.data, Access::Write)?;
            f(&mut archive)
        })
        .await
        .map_err(|e| AppError::Internal(format!("a write failed: {e}")))?
    }

    /// Starts a session for a browser that gave the token; returns (session id, CSRF token).
    pub(crate) fn new_session(&self) -> Result<(String, String), AppError> {
        let id = random_token()?;
        let csrf = random_token()?;
        self.sessions
            .lock()
            .map_err(poisoned)?
            .insert(id.clone(), csrf.clone());
        Ok((id, csrf))
    }

    /// The CSRF token of a live session.
    pub(crate) fn session_csrf(&self, id: &str) -> Option<String> {
        self.sessions.lock().ok()?.get(id).cloned()
    }

    pub(crate) fn end_session(&self, id: &str) {
        if let Ok(mut s) = self.sessions.lock() {
            s.remove(id);
        }
    }
}

/// A read-only handle whose searches also find the spellings linked to an entity.
fn reader(config: &Config) -> Result<Archive, AppError> {
    let mut archive = Archive::open(&config.data, Access::Read)?;
    let expander = EntityExpander::load(&archive)?;
    archive.set_expander(Box::new(expander));
    Ok(archive)
}

fn poisoned<T>(_: T) -> AppError {
    AppError::Internal("a lock was poisoned by an earlier failure".into())
}

/// 32 random bytes from the operating system, hex-encoded.
pub(crate) fn random_token() -> Result<String, AppError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)
        .map_err(|e| AppError::Internal(format!("no randomness from the system: {e}")))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}
