//! The embedded catalog: one SQLite file in WAL mode.

use std::path::Path;

use earshot_model::{Segment, Timing};
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::schema;
use crate::{
    CatalogStats, Change, EpisodeId, EpisodeRecord, EpisodeWrite, FileRecord, RemovedSource,
    Result, Sentence, SourceRecord, StoreError, Target, WriteOutcome,
};

/// The SQLite catalog.
pub struct SqliteCatalog {
    pub(crate) conn: Connection,
    /// Entity keys already resolved to ids: ingest meets the same entities in episode after
    /// episode. Cleared by curation, which may move a key.
    pub(crate) entity_ids: std::collections::HashMap<String, i64>,
    /// (spelling, entity) pairs known to be in `entity_surfaces`. Cleared by curation. A
    /// failed write may leave pairs here that were rolled back: the only cost is a spelling
    /// not found by `entity NAME` until that episode is written again.
    pub(crate) entity_spellings: std::collections::HashSet<(String, i64)>,
}

/// Normalised show key: case and spacing do not make two shows.
pub fn show_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Normalised title key: case, punctuation and spacing do not make two episodes.
pub fn title_key(title: &str) -> String {
    title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

fn timing_str(t: Timing) -> &'static str {
    match t {
        Timing::Exact => "exact",
        Timing::Estimated => "estimated",
        Timing::None => "none",
    }
}

fn timing_of(s: &str) -> Timing {
    match s {
        "exact" => Timing::Exact,
        "estimated" => Timing::Estimated,
        _ => Timing::None,
    }
}

impl SqliteCatalog {
    /// Opens (creating if needed) the catalog at `path`.
    pub fn open(path: &Path) -> Result<Self> {
        let conn = Connection::open(path).map_err(|e| StoreError::Open {
            path: path.display().to_string(),
            message: e.to_string(),
        })?;
        Self::init(conn)
    }

    /// An in-memory catalog, for tests.
    pub fn open_in_memory() -> Result<Self> {
        Self::init(Connection::open_in_memory()?)
    }

    fn init(conn: Connection) -> Result<Self> {
        // WAL with NORMAL sync survives a killed process with every committed write intact.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // A bigger page cache (16 MiB) and rarer checkpoints: ingest writes hundreds of
        // mention rows an episode, into indexes that are not in insertion order.
        conn.pragma_update(None, "cache_size", -16_384)?;
        conn.pragma_update(None, "wal_autocheckpoint", 16_384)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.execute_batch(schema::CREATE)?;
        schema::add_missing_columns(&conn)?;
        let version: Option<String> = conn
            .query_row("SELECT value FROM meta WHERE key = 'schema'", [], |r| {
                r.get(0)
            })
            .optional()?;
        match version.and_then(|v| v.parse::<i64>().ok()) {
            None => {
                conn.execute(
                    "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema', ?1)",
                    [schema::VERSION.to_string()],
                )?;
            }
            Some(v) if v > schema::VERSION => {
                return Err(StoreError::Corrupt(format!(
                    "this archive was written by a newer earshot (schema {v}); upgrade earshot"
                )))
            }
            Some(v) if v < schema::VERSION => {
                // Older schemas lack entities (1) or forecasts (2): the episodes need extracting, which the
                // next writer does (see `EntityStore::entities_pending`).
                conn.execute(
                    "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema', ?1)",
                    [schema::VERSION.to_string()],
                )?;
                conn.execute(
                    "INSERT OR REPLACE INTO meta(key, value) SELECT 'entities_pending', '1'
                     WHERE EXISTS (SELECT 1 FROM episodes)",
                    [],
                )?;
            }
            Some(_) => {}
        }
        Ok(SqliteCatalog {
            conn,
            entity_ids: std::collections::HashMap::new(),
            entity_spellings: std::collections::HashSet::new(),
        })
    }

    fn show_id(tx: &Transaction, name: &str) -> Result<i64> {
        let key = show_key(name);
        tx.prepare_cached(
            "INSERT INTO shows(name, key) VALUES (?1, ?2) ON CONFLICT(key) DO NOTHING",
        )?
        .execute(params![name, key])?;
        Ok(tx
            .prepare_cached("SELECT id FROM shows WHERE key = ?1")?
            .query_row([key], |r| r.get(0))?)
    }

    fn put_content(
        tx: &Transaction,
        id: EpisodeId,
        w: &EpisodeWrite,
        known: &std::collections::HashMap<String, i64>,
        spelt: &mut std::collections::HashSet<(String, i64)>,
    ) -> Result<Vec<(String, i64)>> {
        tx.prepare_cached("DELETE FROM segments WHERE episode_id = ?1")?
            .execute([id])?;
        tx.prepare_cached("DELETE FROM sentences WHERE episode_id = ?1")?
            .execute([id])?;
        let mut seg = tx.prepare_cached(
            "INSERT INTO segments(episode_id, ord, start_ms, end_ms, speaker, timing, boilerplate, text)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        for (ord, s) in w.segments.iter().enumerate() {
            seg.execute(params![
                id,
                ord as i64,
                s.start_ms.map(|v| v as i64),
                s.end_ms.map(|v| v as i64),
                s.speaker,
                timing_str(s.timing),
                s.boilerplate,
                s.text
            ])?;
        }
        tx.prepare_cached("INSERT INTO sentences(episode_id, data) VALUES (?1, ?2)")?
            .execute(params![id, pack_sentences(&w.sentences)])?;
        crate::entities::put_extraction(tx, id, &w.mentions, &w.predictions, known, spelt)
    }

    fn put_source(tx: &Transaction, id: EpisodeId, s: &SourceRecord) -> Result<()> {
        tx.prepare_cached(
            "INSERT INTO sources(path, episode_id, format, content_hash, warnings) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT(path) DO UPDATE SET episode_id = ?2, format = ?3, content_hash = ?4, warnings = ?5",
        )?
        .execute(params![s.path, id, s.format, s.content_hash, s.warnings.to_string()])?;
        Ok(())
    }

    fn log_change(tx: &Transaction, id: EpisodeId) -> Result<()> {
        tx.prepare_cached("INSERT INTO changes(episode_id) VALUES (?1)")?
            .execute([id])?;
        Ok(())
    }

    fn delete_episode(tx: &Transaction, id: EpisodeId) -> Result<bool> {
        let show: Option<i64> = tx
            .query_row("SELECT show_id FROM episodes WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?;
        let Some(show) = show else { return Ok(false) };
        tx.execute("DELETE FROM episodes WHERE id = ?1", [id])?;
        tx.execute(
            "DELETE FROM shows WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM episodes WHERE show_id = ?1)",
            [show],
        )?;
        Self::log_change(tx, id)?;
        Ok(true)
    }

    fn episode_row(r: &rusqlite::Row) -> rusqlite::Result<EpisodeRecord> {
        Ok(EpisodeRecord {
            id: r.get(0)?,
            show: r.get(1)?,
            title: r.get(2)?,
            published: r.get(3)?,
            duration_s: r.get::<_, Option<i64>>(4)?.map(|v| v as u64),
            language: r.get(5)?,
            audio_url: r.get(6)?,
            words: r.get::<_, i64>(7)? as u64,
            segments: r.get::<_, i64>(8)? as u64,
            primary_source: r.get(9)?,
        })
    }
}

/// No start time, in a packed sentence.
const NO_TIME: u64 = u64::MAX;

/// Sentences packed 24 bytes each (segment, start, end as u32; start_ms as u64; little-endian):
/// one row an episode instead of hundreds keeps ingest's single writer fast.
fn pack_sentences(sentences: &[Sentence]) -> Vec<u8> {
    let mut out = Vec::with_capacity(sentences.len() * 24);
    for &(segment, start, end, ms) in sentences {
        for v in [segment, start, end] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&ms.unwrap_or(NO_TIME).to_le_bytes());
        out.extend_from_slice(&[0; 4]);
    }
    out
}

fn unpack_sentences(data: &[u8]) -> Vec<Sentence> {
    let u32_at = |c: &[u8], i: usize| u32::from_le_bytes([c[i], c[i + 1], c[i + 2], c[i + 3]]);
    data.chunks_exact(24)
        .map(|c| {
            let ms = u64::from_le_bytes(c[12..20].try_into().expect("8 bytes"));
            (
                u32_at(c, 0),
                u32_at(c, 4),
                u32_at(c, 8),
                (ms != NO_TIME).then_some(ms),
            )
        })
        .collect()
}

const EPISODE_SELECT: &str =
    "SELECT e.id, s.name, e.title, e.published, e.duration_s, e.language, e.audio_url, e.words,
        (SELECT COUNT(*) FROM segments g WHERE g.episode_id = e.id), e.primary_source
 FROM episodes e JOIN shows s ON s.id = e.show_id";

impl crate::Catalog for SqliteCatalog {
    fn file(&self, path: &str) -> Result<Option<FileRecord>> {
        Ok(self
            .conn
            .prepare_cached("SELECT path, hash, size FROM files WHERE path = ?1")?
            .query_row([path], |r| {
                Ok(FileRecord {
                    path: r.get(0)?,
                    hash: r.get(1)?,
                    size: r.get::<_, i64>(2)? as u64,
                })
            })
            .optional()?)
    }

    fn put_file(&mut self, f: &FileRecord) -> Result<()> {
        self.conn
            .prepare_cached("INSERT OR REPLACE INTO files(path, hash, size) VALUES (?1, ?2, ?3)")?
            .execute(params![f.path, f.hash, f.size as i64])?;
        Ok(())
    }

    fn source(&self, path: &str) -> Result<Option<SourceRecord>> {
        Ok(self
            .conn
            .prepare_cached("SELECT path, episode_id, format, content_hash, warnings FROM sources WHERE path = ?1")?
            .query_row([path], |r| {
                let warnings: String = r.get(4)?;
                Ok(SourceRecord {
                    path: r.get(0)?,
                    episode: r.get(1)?,
                    format: r.get(2)?,
                    content_hash: r.get(3)?,
                    warnings: serde_json::from_str(&warnings).unwrap_or_default(),
                })
            })
            .optional()?)
    }

    fn find_episode(
        &self,
        show: &str,
        title: &str,
        published: Option<&str>,
    ) -> Result<Option<EpisodeId>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT e.id FROM episodes e JOIN shows s ON s.id = e.show_id
                 WHERE s.key = ?1 AND e.title_key = ?2 AND e.published IS ?3 LIMIT 1",
            )?
            .query_row(params![show_key(show), title_key(title), published], |r| {
                r.get(0)
            })
            .optional()?)
    }

    fn fingerprints(&self) -> Result<Vec<(EpisodeId, Vec<u8>)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, fingerprint FROM episodes WHERE fingerprint IS NOT NULL")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn write(&mut self, w: &EpisodeWrite) -> Result<(EpisodeId, WriteOutcome)> {
        let tx = self.conn.transaction()?;
        let mut resolved = Vec::new();
        let show = Self::show_id(&tx, &w.show)?;
        let (id, outcome) = match w.target {
            Target::New => {
                tx.prepare_cached(
                    "INSERT INTO episodes(show_id, title, title_key, published, duration_s, language, audio_url, words, fingerprint, primary_source)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                )?
                .execute(params![
                    show,
                    w.title,
                    title_key(w.title.as_deref().unwrap_or("")),
                    w.published,
                    w.duration_s.map(|v| v as i64),
                    w.language,
                    w.audio_url,
                    w.words as i64,
                    w.fingerprint,
                    w.source.path
                ])?;
                let id = tx.last_insert_rowid();
                resolved =
                    Self::put_content(&tx, id, w, &self.entity_ids, &mut self.entity_spellings)?;
                (id, WriteOutcome::Added)
            }
            Target::Existing { episode, replace } => {
                let known: Option<String> = tx
                    .query_row(
                        "SELECT content_hash FROM sources WHERE path = ?1",
                        [&w.source.path],
                        |r| r.get(0),
                    )
                    .optional()?;
                if known.as_deref() == Some(w.source.content_hash.as_str()) {
                    return Ok((episode, WriteOutcome::Unchanged));
                }
                if replace {
                    tx.prepare_cached(
                        "UPDATE episodes SET show_id = ?2, title = COALESCE(?3, title), title_key = ?4,
                           published = COALESCE(?5, published), duration_s = COALESCE(?6, duration_s),
                           language = COALESCE(?7, language), audio_url = COALESCE(?8, audio_url),
                           words = ?9, fingerprint = ?10, primary_source = ?11 WHERE id = ?1",
                    )?
                    .execute(params![
                        episode,
                        show,
                        w.title,
                        title_key(w.title.as_deref().unwrap_or("")),
                        w.published,
                        w.duration_s.map(|v| v as i64),
                        w.language,
                        w.audio_url,
                        w.words as i64,
                        w.fingerprint,
                        w.source.path
                    ])?;
                    resolved = Self::put_content(
                        &tx,
                        episode,
                        w,
                        &self.entity_ids,
                        &mut self.entity_spellings,
                    )?;
                }
                (
                    episode,
                    if known.is_some() {
                        WriteOutcome::Updated
                    } else {
                        WriteOutcome::Merged
                    },
                )
            }
        };
        Self::put_source(&tx, id, &w.source)?;
        Self::log_change(&tx, id)?;
        tx.commit()?;
        self.entity_ids.extend(resolved);
        Ok((id, outcome))
    }

    fn remove_episode(&mut self, id: EpisodeId) -> Result<bool> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "DELETE FROM files WHERE path IN (SELECT CASE WHEN instr(path, '#') > 0 THEN substr(path, 1, instr(path, '#') - 1) ELSE path END FROM sources WHERE episode_id = ?1)",
            [id],
        )?;
        let removed = Self::delete_episode(&tx, id)?;
        tx.commit()?;
        Ok(removed)
    }

    fn remove_source(&mut self, path: &str) -> Result<Option<RemovedSource>> {
        let tx = self.conn.transaction()?;
        let row: Option<(EpisodeId, String)> = tx
            .query_row(
                "SELECT s.episode_id, e.primary_source FROM sources s JOIN episodes e ON e.id = s.episode_id WHERE s.path = ?1",
                [path],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((episode, primary)) = row else {
            return Ok(None);
        };
        tx.execute("DELETE FROM sources WHERE path = ?1", [path])?;
        let file = path.split_once('#').map_or(path, |(f, _)| f);
        tx.execute("DELETE FROM files WHERE path = ?1", [file])?;
        let next: Option<String> = tx
            .query_row(
                "SELECT path FROM sources WHERE episode_id = ?1 ORDER BY path LIMIT 1",
                [episode],
                |r| r.get(0),
            )
            .optional()?;
        let result = match next {
            None => {
                Self::delete_episode(&tx, episode)?;
                RemovedSource {
                    episode,
                    episode_removed: true,
                    new_primary: None,
                }
            }
            Some(next) if primary == path => {
                tx.execute(
                    "UPDATE episodes SET primary_source = ?2 WHERE id = ?1",
                    params![episode, next],
                )?;
                // Forget the new primary's content hash so that reading it again rewrites the text.
                tx.execute(
                    "UPDATE sources SET content_hash = '' WHERE path = ?1",
                    [&next],
                )?;
                let next_file = next
                    .split_once('#')
                    .map_or(next.as_str(), |(f, _)| f)
                    .to_owned();
                tx.execute("DELETE FROM files WHERE path = ?1", [next_file])?;
                RemovedSource {
                    episode,
                    episode_removed: false,
                    new_primary: Some(next),
                }
            }
            Some(_) => RemovedSource {
                episode,
                episode_removed: false,
                new_primary: None,
            },
        };
        tx.commit()?;
        Ok(Some(result))
    }

    fn episode(&self, id: EpisodeId) -> Result<Option<EpisodeRecord>> {
        Ok(self
            .conn
            .prepare_cached(&format!("{EPISODE_SELECT} WHERE e.id = ?1"))?
            .query_row([id], Self::episode_row)
            .optional()?)
    }

    fn episodes(&self, show: Option<&str>) -> Result<Vec<EpisodeRecord>> {
        let order = "ORDER BY e.published IS NULL, e.published DESC, e.id DESC";
        let rows = match show {
            Some(s) => {
                let mut stmt = self
                    .conn
                    .prepare(&format!("{EPISODE_SELECT} WHERE s.key = ?1 {order}"))?;
                let rows = stmt.query_map([show_key(s)], Self::episode_row)?;
                rows.collect::<rusqlite::Result<Vec<_>>>()?
            }
            None => {
                let mut stmt = self.conn.prepare(&format!("{EPISODE_SELECT} {order}"))?;
                let rows = stmt.query_map([], Self::episode_row)?;
                rows.collect::<rusqlite::Result<Vec<_>>>()?
            }
        };
        Ok(rows)
    }

    fn segments(&self, id: EpisodeId) -> Result<Vec<Segment>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT start_ms, end_ms, speaker, timing, boilerplate, text FROM segments WHERE episode_id = ?1 ORDER BY ord",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok(Segment {
                start_ms: r.get::<_, Option<i64>>(0)?.map(|v| v as u64),
                end_ms: r.get::<_, Option<i64>>(1)?.map(|v| v as u64),
                speaker: r.get(2)?,
                timing: timing_of(&r.get::<_, String>(3)?),
                boilerplate: r.get(4)?,
                text: r.get(5)?,
                line: None,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn sentences(&self, id: EpisodeId) -> Result<Vec<Sentence>> {
        let data: Option<Vec<u8>> = self
            .conn
            .prepare_cached("SELECT data FROM sentences WHERE episode_id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?;
        Ok(data.map(|d| unpack_sentences(&d)).unwrap_or_default())
    }

    fn sources(&self, id: EpisodeId) -> Result<Vec<SourceRecord>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT path, episode_id, format, content_hash, warnings FROM sources WHERE episode_id = ?1 ORDER BY path",
        )?;
        let rows = stmt.query_map([id], |r| {
            let warnings: String = r.get(4)?;
            Ok(SourceRecord {
                path: r.get(0)?,
                episode: r.get(1)?,
                format: r.get(2)?,
                content_hash: r.get(3)?,
                warnings: serde_json::from_str(&warnings).unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn stats(&self) -> Result<CatalogStats> {
        let c = &self.conn;
        let count = |sql: &str| -> Result<u64> {
            Ok(c.query_row(sql, [], |r| r.get::<_, Option<i64>>(0))?
                .unwrap_or(0) as u64)
        };
        let (first, last) = c.query_row(
            "SELECT MIN(published), MAX(published) FROM episodes",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(CatalogStats {
            shows: count("SELECT COUNT(*) FROM shows")?,
            episodes: count("SELECT COUNT(*) FROM episodes")?,
            sources: count("SELECT COUNT(*) FROM sources")?,
            segments: count("SELECT COUNT(*) FROM segments")?,
            words: count("SELECT SUM(words) FROM episodes")?,
            seconds: count("SELECT SUM(duration_s) FROM episodes")?,
            first,
            last,
            bytes: count(
                "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()",
            )?,
        })
    }

    fn changes_since(&self, seq: u64) -> Result<Vec<Change>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT seq, episode_id FROM changes WHERE seq > ?1 ORDER BY seq")?;
        let rows = stmt.query_map([seq as i64], |r| {
            Ok(Change {
                seq: r.get::<_, i64>(0)? as u64,
                episode: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn last_change(&self) -> Result<u64> {
        // AUTOINCREMENT keeps the high-water mark in sqlite_sequence even after pruning.
        let seq: Option<i64> = self
            .conn
            .query_row(
                "SELECT seq FROM sqlite_sequence WHERE name = 'changes'",
                [],
                |r| r.get(0),
            )
            .optional()?;
        Ok(seq.unwrap_or(0) as u64)
    }

    fn prune_changes(&mut self, seq: u64) -> Result<()> {
        self.conn
            .execute("DELETE FROM changes WHERE seq <= ?1", [seq as i64])?;
        Ok(())
    }

    fn episode_ids(&self) -> Result<Vec<EpisodeId>> {
        let mut stmt = self.conn.prepare("SELECT id FROM episodes ORDER BY id")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
