//! The server's shared state: the archive's folder, a pool of read-only handles, the write
//! token and the logged-in sessions.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use std::time::{Duration, Instant};

use earshot_archive::{Access, Archive, EntityExpander};
use earshot_store::{EntityFilter, EntityRecord};
use tokio::sync::Semaphore;

use crate::{AppError, Config};

/// An entity list: when it was read, in which generation, and the list.
type CachedList = (Instant, u64, Arc<Vec<EntityRecord>>);

/// What every handler shares.
pub struct AppState {
    config: Config,
    /// Open read-only handles, reused: opening one costs milliseconds. Each is tagged with
    /// the generation it was opened in.
    readers: Mutex<Vec<(u64, Archive)>>,
    /// Bumped by every write that changes what readers see (an upload): older handles are
    /// dropped instead of reused.
    generation: AtomicU64,
    /// At most this many reads run at once (and so at most this many handles exist); the
    /// rest wait their turn instead of opening more handles than the cores can use.
    permits: Semaphore,
    /// The handle new readers are made from (sharing its search index); not used for reads.
    base: Mutex<Archive>,
    /// The spellings of entities, loaded once and shared by every handle (until an upload
    /// brings new ones).
    expander: Mutex<Arc<EntityExpander>>,
    /// Writes from this server take turns (another process's write makes them fail as busy).
    writer: tokio::sync::Mutex<()>,
    /// Entity lists by filter, with when and in which generation they were read: counting
    /// mentions across a large archive takes seconds, and the lists change only with writes.
    entity_lists: Mutex<HashMap<String, CachedList>>,
    /// Session id → its CSRF token, for browsers that logged in with the token.
    sessions: Mutex<HashMap<String, String>>,
}

/// Reads in flight per core. More than one keeps the cores busy while a search waits for index
/// pages to be read in; past that, a slow search shares its core with more of the quick ones and
/// every request gets slower. Measured with `earshot-bench serve`'s mix at 64 connections on 2
/// cores, three rounds alternating (2026-12-04): 2 per core gave 2,240–2,420 searches/s with a
/// p99 of 46–53 ms, 3 per core 2,530–2,630/s and 43–47 ms, 4 per core 2,420–2,610/s and
/// 46–50 ms.
const READS_PER_CORE: usize = 3;

impl AppState {
    /// Opens the archive once to check that it is there and readable.
    pub fn open(config: Config) -> anyhow::Result<AppState> {
        let base = Archive::open(&config.data, Access::Read)?;
        let expander = Arc::new(EntityExpander::load(&base)?);
        let mut first = base.another_reader()?;
        first.set_expander(Box::new(Shared(expander.clone())));
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Ok(AppState {
            config,
            readers: Mutex::new(vec![(0, first)]),
            generation: AtomicU64::new(0),
            permits: Semaphore::new((cores * READS_PER_CORE).clamp(2, 64)),
            base: Mutex::new(base),
            expander: Mutex::new(expander),
            writer: tokio::sync::Mutex::new(()),
            entity_lists: Mutex::new(HashMap::new()),
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
        let permit = self
            .permits
            .acquire()
            .await
            .map_err(|_| AppError::Internal("the server is shutting down".into()))?;
        let out = tokio::task::spawn_blocking(move || {
            let now = state.generation.load(Ordering::Acquire);
            let handle = state.readers.lock().map_err(poisoned)?.pop();
            let (born, archive) = match handle {
                Some((born, a)) if born == now => (born, a),
                _ => (now, state.reader()?),
            };
            let out = f(&archive);
            if born == state.generation.load(Ordering::Acquire) {
                state
                    .readers
                    .lock()
                    .map_err(poisoned)?
                    .push((born, archive));
            }
            out
        })
        .await
        .map_err(|e| AppError::Internal(format!("a read failed: {e}")))?;
        drop(permit);
        out
    }

    /// The entities a filter lists, from a cache kept for a minute (another process's ingest
    /// shows within that) and dropped at this server's writes.
    pub async fn entity_list(
        self: &Arc<Self>,
        filter: EntityFilter,
    ) -> Result<Arc<Vec<EntityRecord>>, AppError> {
        const FRESH: Duration = Duration::from_secs(60);
        let key = format!("{filter:?}");
        let now = self.generation.load(Ordering::Acquire);
        if let Some((at, born, list)) = self.entity_lists.lock().map_err(poisoned)?.get(&key) {
            if *born == now && at.elapsed() < FRESH {
                return Ok(list.clone());
            }
        }
        let list = Arc::new(self.read(move |a| Ok(a.entities(&filter)?)).await?);
        let mut cache = self.entity_lists.lock().map_err(poisoned)?;
        if cache.len() > 256 {
            cache.clear();
        }
        cache.insert(key, (Instant::now(), now, list.clone()));
        Ok(list)
    }

    /// A new read-only handle sharing the entity spellings.
    fn reader(&self) -> Result<Archive, AppError> {
        let mut archive = self.base.lock().map_err(poisoned)?.another_reader()?;
        let expander = self.expander.lock().map_err(poisoned)?.clone();
        archive.set_expander(Box::new(Shared(expander)));
        Ok(archive)
    }

    /// After a write that adds episodes: fresh spellings from `archive`, and readers opened
    /// from now on (so they see the new index).
    pub(crate) fn refresh(&self, archive: &Archive) -> Result<(), AppError> {
        let expander = Arc::new(EntityExpander::load(archive)?);
        *self.expander.lock().map_err(poisoned)? = expander;
        // The index's reader reloads only when told: now it sees the write's commit.
        self.base.lock().map_err(poisoned)?.index().reload()?;
        self.generation.fetch_add(1, Ordering::AcqRel);
        self.readers.lock().map_err(poisoned)?.clear();
        Ok(())
    }

    /// Where uploaded transcripts are kept (inside the archive's folder, so that re-ingesting
    /// them finds them).
    pub(crate) fn uploads_dir(&self) -> std::path::PathBuf {
        self.config.data.join("uploads")
    }

    /// Runs `f` on the archive opened for writing (one writer at a time, across processes).
    pub async fn write<T, F>(self: &std::sync::Arc<Self>, f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&AppState, &mut Archive) -> Result<T, AppError> + Send + 'static,
    {
        let state = self.clone();
        let turn = self.writer.lock().await;
        let out = tokio::task::spawn_blocking(move || {
            let mut archive = Archive::open(&state.config.data, Access::Write)?;
            f(&state, &mut archive)
        })
        .await
        .map_err(|e| AppError::Internal(format!("a write failed: {e}")))?;
        drop(turn);
        out
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

/// The entity spellings, shared: a search for a name also finds its garbled spellings.
struct Shared(Arc<EntityExpander>);

impl earshot_index::TermExpander for Shared {
    fn variants(&self, term: &str) -> Vec<String> {
        self.0.variants(term)
    }
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
