//! The forecast ledger: the forecasts found in each episode, the entities they name, and the
//! outcomes users record. Outcomes are kept by the forecast's stable key (its show, date and
//! sentence), not by its row, so they outlive re-ingesting, re-extracting and reindexing; a
//! forecast keeps its id while its episode is rewritten with the same sentence.

use rusqlite::{params, params_from_iter, OptionalExtension, Transaction};
use serde::Serialize;

use crate::types::*;
use crate::{Result, SqliteCatalog, StoreError};

/// A forecast to store with its episode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PredictionWrite {
    /// The sentence's words, normalised: with the show and the episode's date (added by the
    /// catalog) the key outcomes are kept by, stable across re-ingest.
    pub key: String,
    /// The segment's position in the episode.
    pub segment: u32,
    /// Character offsets of the sentence in the segment's text.
    pub start: u32,
    pub end: u32,
    pub start_ms: Option<u64>,
    pub speaker: Option<String>,
    /// The whole sentence, its core claim and its condition.
    pub text: String,
    pub claim: String,
    pub condition: Option<String>,
    /// The horizon phrase and the due date it implies (`YYYY-MM-DD`).
    pub horizon: Option<String>,
    pub due: Option<String>,
    /// `high`, `medium` or `low`.
    pub confidence: String,
}

/// What happened to a forecast.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Correct,
    Incorrect,
    Partly,
    /// The question went away (the event was cancelled, the claim cannot be judged).
    Void,
}

impl Outcome {
    /// Every outcome, in the order they are listed.
    pub const ALL: [Outcome; 4] = [
        Outcome::Correct,
        Outcome::Partly,
        Outcome::Incorrect,
        Outcome::Void,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Correct => "correct",
            Outcome::Incorrect => "incorrect",
            Outcome::Partly => "partly",
            Outcome::Void => "void",
        }
    }

    pub fn parse(s: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.as_str() == s)
    }
}

/// Where a forecast stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Unresolved, and its due date (if any) has not passed.
    Open,
    /// Unresolved, and its due date has passed: overdue for a verdict.
    Due,
    /// An outcome is recorded.
    Resolved,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Due => "due",
            Status::Resolved => "resolved",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        match s {
            "open" => Some(Status::Open),
            "due" | "overdue" => Some(Status::Due),
            "resolved" => Some(Status::Resolved),
            _ => None,
        }
    }
}

/// Which forecasts to list. `today` (`YYYY-MM-DD`) decides what is due.
#[derive(Debug, Clone, Default)]
pub struct PredictionFilter {
    pub status: Option<Status>,
    /// Due strictly before this date.
    pub due_before: Option<String>,
    /// Speaker, case-insensitive.
    pub speaker: Option<String>,
    /// Show name, case-insensitive.
    pub show: Option<String>,
    /// Forecasts naming this entity (or one merged into it).
    pub entity: Option<i64>,
    /// One episode's forecasts.
    pub episode: Option<EpisodeId>,
    pub today: String,
    pub limit: Option<usize>,
}

/// A forecast as listed, with its episode, entities and outcome.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PredictionRecord {
    pub id: i64,
    pub key: String,
    pub episode: EpisodeId,
    pub show: String,
    pub title: Option<String>,
    pub published: Option<String>,
    pub segment: u32,
    /// Character offsets of the sentence in its segment.
    pub start: u32,
    pub end: u32,
    pub start_ms: Option<u64>,
    pub speaker: Option<String>,
    pub text: String,
    pub claim: String,
    pub conditional: bool,
    pub condition: Option<String>,
    pub horizon: Option<String>,
    pub due: Option<String>,
    pub confidence: String,
    /// The entities it names: (id, name), ids after merges.
    pub entities: Vec<(i64, String)>,
    pub status: Status,
    pub outcome: Option<Outcome>,
    pub note: Option<String>,
    pub evidence: Option<String>,
    pub resolved_at: Option<String>,
}

/// An outcome to record.
#[derive(Debug, Clone)]
pub struct Resolution {
    pub outcome: Outcome,
    pub note: Option<String>,
    pub evidence: Option<String>,
    /// When, `YYYY-MM-DD`.
    pub resolved_at: String,
}

/// Writes an episode's forecasts: rows whose key is unchanged keep their id, others go, new
/// ones come. `entities` gives, per forecast, the ids of the entities it names.
pub(crate) fn put_predictions(
    tx: &Transaction,
    episode: EpisodeId,
    predictions: &[PredictionWrite],
    entities: &[Vec<i64>],
) -> Result<()> {
    // The key: the show, the episode's date (or title), the sentence's words.
    let prefix: String = tx
        .prepare_cached(
            "SELECT s.key || '|' || COALESCE(e.published, e.title_key) || '|'
             FROM episodes e JOIN shows s ON s.id = e.show_id WHERE e.id = ?1",
        )?
        .query_row([episode], |r| r.get(0))?;
    let mut keep = Vec::with_capacity(predictions.len());
    for (p, ids) in predictions.iter().zip(entities) {
        let key = format!("{prefix}{}", p.key);
        let existing: Option<i64> = tx
            .prepare_cached(
                "SELECT id FROM predictions WHERE episode_id = ?1 AND key = ?2 AND id NOT IN
                 (SELECT value FROM json_each(?3))",
            )?
            .query_row(
                params![
                    episode,
                    key,
                    serde_json::to_string(&keep).unwrap_or_default()
                ],
                |r| r.get(0),
            )
            .optional()?;
        let due_ms = p.start_ms.map(|v| v as i64);
        let id = match existing {
            Some(id) => {
                tx.prepare_cached(
                    "UPDATE predictions SET segment = ?2, start = ?3, end = ?4, start_ms = ?5,
                     speaker = ?6, text = ?7, claim = ?8, condition = ?9, horizon = ?10,
                     due = ?11, confidence = ?12 WHERE id = ?1",
                )?
                .execute(params![
                    id,
                    p.segment,
                    p.start,
                    p.end,
                    due_ms,
                    p.speaker,
                    p.text,
                    p.claim,
                    p.condition,
                    p.horizon,
                    p.due,
                    p.confidence
                ])?;
                tx.prepare_cached("DELETE FROM prediction_entities WHERE prediction_id = ?1")?
                    .execute([id])?;
                id
            }
            None => {
                tx.prepare_cached(
                    "INSERT INTO predictions(episode_id, key, segment, start, end, start_ms,
                     speaker, text, claim, condition, horizon, due, confidence)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                )?
                .execute(params![
                    episode,
                    key,
                    p.segment,
                    p.start,
                    p.end,
                    due_ms,
                    p.speaker,
                    p.text,
                    p.claim,
                    p.condition,
                    p.horizon,
                    p.due,
                    p.confidence
                ])?;
                tx.last_insert_rowid()
            }
        };
        for entity in ids {
            tx.prepare_cached(
                "INSERT OR IGNORE INTO prediction_entities(prediction_id, entity_id) VALUES (?1, ?2)",
            )?
            .execute([id, *entity])?;
        }
        keep.push(id);
    }
    tx.prepare_cached(
        "DELETE FROM predictions WHERE episode_id = ?1 AND id NOT IN (SELECT value FROM json_each(?2))",
    )?
    .execute(params![episode, serde_json::to_string(&keep).unwrap_or_default()])?;
    Ok(())
}

/// The forecast ledger of a catalog.
pub trait LedgerStore {
    /// Forecasts matching the filter: the soonest due first, those without a due date last.
    fn predictions(&self, filter: &PredictionFilter) -> Result<Vec<PredictionRecord>>;

    /// One forecast.
    fn prediction(&self, id: i64, today: &str) -> Result<Option<PredictionRecord>>;

    /// Records (or replaces) the outcome of a forecast. False if there is no such forecast.
    fn resolve_prediction(&mut self, id: i64, resolution: &Resolution) -> Result<bool>;

    /// Forgets the outcome of a forecast. False if it had none.
    fn reopen_prediction(&mut self, id: i64) -> Result<bool>;

    /// How many forecasts stand where, `today` being `YYYY-MM-DD`: counted in the store,
    /// without reading them.
    fn prediction_counts(&self, today: &str) -> Result<PredictionCounts>;
}

/// The ledger's size by status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct PredictionCounts {
    pub open: u64,
    pub due: u64,
    pub resolved: u64,
}

const SELECT: &str = "SELECT p.id, p.key, p.episode_id, s.name, e.title, e.published, p.segment,
    p.start, p.end, p.start_ms, p.speaker, p.text, p.claim, p.condition, p.horizon, p.due,
    p.confidence, o.outcome, o.note, o.evidence, o.resolved_at
    FROM predictions p
    JOIN episodes e ON e.id = p.episode_id
    JOIN shows s ON s.id = e.show_id
    LEFT JOIN outcomes o ON o.key = p.key";

fn status_of(outcome: Option<Outcome>, due: Option<&str>, today: &str) -> Status {
    match (outcome, due) {
        (Some(_), _) => Status::Resolved,
        (None, Some(d)) if d < today => Status::Due,
        _ => Status::Open,
    }
}

fn record(r: &rusqlite::Row, today: &str) -> rusqlite::Result<PredictionRecord> {
    let outcome: Option<String> = r.get(17)?;
    let outcome = outcome.as_deref().and_then(Outcome::parse);
    let due: Option<String> = r.get(15)?;
    let condition: Option<String> = r.get(13)?;
    Ok(PredictionRecord {
        id: r.get(0)?,
        key: r.get(1)?,
        episode: r.get(2)?,
        show: r.get(3)?,
        title: r.get(4)?,
        published: r.get(5)?,
        segment: r.get(6)?,
        start: r.get(7)?,
        end: r.get(8)?,
        start_ms: r.get::<_, Option<i64>>(9)?.map(|v| v as u64),
        speaker: r.get(10)?,
        text: r.get(11)?,
        claim: r.get(12)?,
        conditional: condition.is_some(),
        condition,
        horizon: r.get(14)?,
        status: status_of(outcome, due.as_deref(), today),
        due,
        confidence: r.get(16)?,
        entities: Vec::new(),
        outcome,
        note: r.get(18)?,
        evidence: r.get(19)?,
        resolved_at: r.get(20)?,
    })
}

impl SqliteCatalog {
    fn prediction_entities(&self, id: i64) -> Result<Vec<(i64, String)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT COALESCE(m.id, x.id), COALESCE(m.name, x.name)
             FROM prediction_entities pe
             JOIN entities x ON x.id = pe.entity_id
             LEFT JOIN entities m ON m.id = x.merged_into
             WHERE pe.prediction_id = ?1 ORDER BY 2",
        )?;
        let rows = stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let mut out: Vec<(i64, String)> = rows.collect::<rusqlite::Result<_>>()?;
        out.dedup();
        Ok(out)
    }
}

impl LedgerStore for SqliteCatalog {
    fn predictions(&self, f: &PredictionFilter) -> Result<Vec<PredictionRecord>> {
        let mut sql = format!("{SELECT} WHERE 1 = 1");
        let mut args: Vec<Box<dyn rusqlite::ToSql>> = Vec::new();
        // Appends a clause whose `?` is bound to `v`.
        fn arg(
            sql: &mut String,
            args: &mut Vec<Box<dyn rusqlite::ToSql>>,
            clause: &str,
            v: Box<dyn rusqlite::ToSql>,
        ) {
            args.push(v);
            sql.push_str(&clause.replace('?', &format!("?{}", args.len())));
        }
        match f.status {
            Some(Status::Resolved) => sql.push_str(" AND o.outcome IS NOT NULL"),
            Some(Status::Due) => arg(
                &mut sql,
                &mut args,
                " AND o.outcome IS NULL AND p.due IS NOT NULL AND p.due < ?",
                Box::new(f.today.clone()),
            ),
            Some(Status::Open) => arg(
                &mut sql,
                &mut args,
                " AND o.outcome IS NULL AND (p.due IS NULL OR p.due >= ?)",
                Box::new(f.today.clone()),
            ),
            None => {}
        }
        if let Some(d) = &f.due_before {
            arg(
                &mut sql,
                &mut args,
                " AND p.due IS NOT NULL AND p.due < ?",
                Box::new(d.clone()),
            );
        }
        if let Some(s) = &f.speaker {
            arg(
                &mut sql,
                &mut args,
                " AND p.speaker = ? COLLATE NOCASE",
                Box::new(s.clone()),
            );
        }
        if let Some(s) = &f.show {
            arg(
                &mut sql,
                &mut args,
                " AND s.name = ? COLLATE NOCASE",
                Box::new(s.clone()),
            );
        }
        if let Some(e) = f.entity {
            // Entities merged into the one asked for count as it.
            args.push(Box::new(e));
            let n = args.len();
            sql.push_str(&format!(
                " AND p.id IN (SELECT pe.prediction_id FROM prediction_entities pe
                  JOIN entities x ON x.id = pe.entity_id WHERE x.id = ?{n} OR x.merged_into = ?{n})"
            ));
        }
        if let Some(ep) = f.episode {
            arg(&mut sql, &mut args, " AND p.episode_id = ?", Box::new(ep));
        }
        sql.push_str(" ORDER BY p.due IS NULL, p.due, e.published, p.id");
        if let Some(n) = f.limit {
            sql.push_str(&format!(" LIMIT {n}"));
        }
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(args.iter()), |r| record(r, &f.today))?;
        let mut out: Vec<PredictionRecord> = rows.collect::<rusqlite::Result<_>>()?;
        for p in &mut out {
            p.entities = self.prediction_entities(p.id)?;
        }
        Ok(out)
    }

    fn prediction(&self, id: i64, today: &str) -> Result<Option<PredictionRecord>> {
        let found = self
            .conn
            .prepare_cached(&format!("{SELECT} WHERE p.id = ?1"))?
            .query_row([id], |r| record(r, today))
            .optional()?;
        match found {
            Some(mut p) => {
                p.entities = self.prediction_entities(p.id)?;
                Ok(Some(p))
            }
            None => Ok(None),
        }
    }

    fn resolve_prediction(&mut self, id: i64, r: &Resolution) -> Result<bool> {
        let tx = self.conn.transaction()?;
        let found: Option<(String, String)> = tx
            .query_row(
                "SELECT key, text FROM predictions WHERE id = ?1",
                [id],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?;
        let Some((key, text)) = found else {
            return Ok(false);
        };
        tx.execute(
            "INSERT INTO outcomes(key, outcome, note, evidence, resolved_at, text)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT(key) DO UPDATE SET outcome = ?2, note = ?3, evidence = ?4,
             resolved_at = ?5, text = ?6",
            params![
                key,
                r.outcome.as_str(),
                r.note,
                r.evidence,
                r.resolved_at,
                text
            ],
        )?;
        tx.commit()?;
        Ok(true)
    }

    fn prediction_counts(&self, today: &str) -> Result<PredictionCounts> {
        let (total, due, resolved): (i64, Option<i64>, Option<i64>) = self
            .conn
            .prepare_cached(
                "SELECT COUNT(*),
                        SUM(o.outcome IS NULL AND p.due IS NOT NULL AND p.due < ?1),
                        SUM(o.outcome IS NOT NULL)
                 FROM predictions p LEFT JOIN outcomes o ON o.key = p.key",
            )?
            .query_row([today], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        let (due, resolved) = (due.unwrap_or(0) as u64, resolved.unwrap_or(0) as u64);
        Ok(PredictionCounts {
            open: (total as u64).saturating_sub(due + resolved),
            due,
            resolved,
        })
    }

    fn reopen_prediction(&mut self, id: i64) -> Result<bool> {
        let n = self.conn.execute(
            "DELETE FROM outcomes WHERE key = (SELECT key FROM predictions WHERE id = ?1)",
            [id],
        )?;
        if n > 1 {
            return Err(StoreError::Corrupt("outcomes share a key".into()));
        }
        Ok(n == 1)
    }
}
