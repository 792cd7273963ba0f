//! The catalog's entities: mentions stored with each episode, entities made on first mention,
//! lists and details for browsing, and the curation a user applies (merge, split, rename,
//! kind, alias), each applied to every episode at once and logged as a change of the episodes
//! it touched so that the search index follows.

use std::collections::HashMap;

use rusqlite::types::FromSql;
use rusqlite::{params, OptionalExtension, Transaction};

use crate::mentions::{self, Confidence, MentionRow};
use crate::types::*;
use crate::{Result, SqliteCatalog, StoreError};

/// Entity keys resolved by a write, with their ids: for the caller to remember.
type Resolved = Vec<(String, i64)>;

/// Merges are followed at most this many steps (a longer chain means a loop: refused).
const MAX_HOPS: usize = 32;

/// The entity an id ends at after merges.
pub(crate) fn final_entity(tx: &rusqlite::Connection, mut id: i64) -> Result<i64> {
    for _ in 0..MAX_HOPS {
        let next: Option<i64> = tx
            .prepare_cached("SELECT merged_into FROM entities WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?
            .flatten();
        match next {
            Some(n) => id = n,
            None => return Ok(id),
        }
    }
    Err(StoreError::Corrupt(format!(
        "entity {id}: merges form a loop"
    )))
}

/// Writes an episode's mentions (replacing any), resolving each to its entity: a surface a
/// user tied to an entity first, then the extraction's key, made on first use. `known` holds
/// keys resolved by earlier writes; the keys this write resolved are returned, for the caller
/// to remember once the transaction commits, with the entity of each mention in order.
pub(crate) fn put_mentions(
    tx: &Transaction,
    episode: EpisodeId,
    mentions: &[MentionWrite],
    known: &HashMap<String, i64>,
    spelt: &mut std::collections::HashSet<(String, i64)>,
) -> Result<(Resolved, Vec<i64>)> {
    let mut ids: HashMap<&str, i64> = HashMap::new();
    // Curated surfaces are few or none: looked up only when there are any, once a surface.
    let any_curated: bool = tx
        .prepare_cached("SELECT EXISTS(SELECT 1 FROM entity_aliases)")?
        .query_row([], |r| r.get(0))?;
    let mut curated_of: HashMap<&str, Option<i64>> = HashMap::new();
    let mut rows = Vec::with_capacity(mentions.len());
    for m in mentions {
        let curated = match curated_of.get(m.surface_key.as_str()) {
            Some(c) => *c,
            None if !any_curated => None,
            None => {
                let c: Option<i64> = tx
                    .prepare_cached("SELECT entity_id FROM entity_aliases WHERE surface_key = ?1")?
                    .query_row([&m.surface_key], |r| r.get(0))
                    .optional()?;
                curated_of.insert(&m.surface_key, c);
                c
            }
        };
        let entity = match curated {
            Some(id) => final_entity(tx, id)?,
            None => match ids
                .get(m.entity.key.as_str())
                .or_else(|| known.get(&m.entity.key))
            {
                Some(&id) => id,
                None => {
                    let id = entity_for(tx, &m.entity)?;
                    ids.insert(&m.entity.key, id);
                    id
                }
            },
        };
        rows.push(MentionRow {
            segment: m.segment,
            start: m.start,
            end: m.end,
            start_ms: m.start_ms,
            entity,
            confidence: Confidence::parse(&m.confidence),
            surface: m.surface.clone(),
            surface_key: m.surface_key.clone(),
        });
    }
    let linked = rows.iter().map(|r| r.entity).collect();
    mentions::store(tx, episode, &rows, spelt)?;
    let resolved = ids
        .into_iter()
        .filter(|(k, _)| !known.contains_key(*k))
        .map(|(k, id)| (k.to_string(), id))
        .collect();
    Ok((resolved, linked))
}

/// Writes an episode's mentions and forecasts, tying each forecast to the entities mentioned
/// in its sentence. Returns the entity keys this write resolved.
pub(crate) fn put_extraction(
    tx: &Transaction,
    episode: EpisodeId,
    mentions: &[MentionWrite],
    predictions: &[crate::PredictionWrite],
    known: &HashMap<String, i64>,
    spelt: &mut std::collections::HashSet<(String, i64)>,
) -> Result<Vec<(String, i64)>> {
    let (resolved, linked) = put_mentions(tx, episode, mentions, known, spelt)?;
    let subjects: Vec<Vec<i64>> = predictions
        .iter()
        .map(|p| {
            let mut ids: Vec<i64> = mentions
                .iter()
                .zip(&linked)
                .filter(|(m, _)| m.segment == p.segment && m.start < p.end && p.start < m.end)
                .map(|(_, id)| *id)
                .collect();
            ids.sort_unstable();
            ids.dedup();
            ids
        })
        .collect();
    crate::predictions::put_predictions(tx, episode, predictions, &subjects)?;
    Ok(resolved)
}

/// Moves, in the given episodes, the mentions that `pick` selects to entity `to`.
fn relink(
    tx: &Transaction,
    episodes: &[EpisodeId],
    to: i64,
    pick: impl Fn(&MentionRow) -> bool,
) -> Result<()> {
    let mut spelt = std::collections::HashSet::new();
    for &e in episodes {
        let mut rows = mentions::load(tx, e)?;
        for r in rows.iter_mut().filter(|r| pick(r)) {
            r.entity = to;
        }
        mentions::store(tx, e, &rows, &mut spelt)?;
    }
    Ok(())
}

/// The entity for an extraction's key, made if new; merges followed.
fn entity_for(tx: &Transaction, e: &EntityRef) -> Result<i64> {
    let known: Option<i64> = tx
        .prepare_cached("SELECT id FROM entities WHERE key = ?1")?
        .query_row([&e.key], |r| r.get(0))
        .optional()?;
    let id = match known {
        Some(id) => id,
        None => {
            tx.prepare_cached(
                "INSERT INTO entities(key, name, kind, wikidata) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![e.key, e.name, e.kind, e.wikidata])?;
            tx.last_insert_rowid()
        }
    };
    final_entity(tx, id)
}

const RECORD_COLUMNS: &str = "e.id, e.key, e.name, e.kind, e.wikidata, COALESCE(SUM(ee.mentions), 0), COUNT(ee.episode_id), MIN(ep.published), MAX(ep.published)";

/// The episodes that mention entity `?1`.
const EPISODES_OF_ENTITY: &str = "SELECT episode_id FROM episode_entities WHERE entity_id = ?1";

fn record(r: &rusqlite::Row) -> rusqlite::Result<EntityRecord> {
    Ok(EntityRecord {
        id: r.get(0)?,
        key: r.get(1)?,
        name: r.get(2)?,
        kind: r.get(3)?,
        wikidata: r.get(4)?,
        mentions: r.get::<_, i64>(5)? as u64,
        episodes: r.get::<_, i64>(6)? as u64,
        first: r.get(7)?,
        last: r.get(8)?,
    })
}

/// The entities part of a catalog: what extraction stored, browsing, and curation.
pub trait EntityStore {
    /// True when episodes were stored before entities were extracted at ingest (an archive
    /// from an older earshot): a writer should extract them.
    fn entities_pending(&self) -> Result<bool>;
    /// Records that every episode's entities are extracted.
    fn clear_entities_pending(&mut self) -> Result<()>;
    /// The id of the entity with this key, made if new (merges followed).
    fn ensure_entity(&mut self, entity: &EntityRef) -> Result<i64>;
    /// Entities with their counts, most mentioned first.
    fn entity_list(&self, f: &EntityFilter) -> Result<Vec<EntityRecord>>;

    /// The entities a name designates: by name (case-insensitive), else by a surface of
    /// their mentions or a curated alias. Most mentioned first.
    fn find_entities(&self, name: &str, surface_key: &str) -> Result<Vec<EntityRecord>>;

    /// One entity by id.
    fn entity(&self, id: i64) -> Result<Option<EntityRecord>>;

    /// Every surface of an entity's mentions with its count, most frequent first.
    fn entity_surfaces(&self, id: i64) -> Result<Vec<(String, u64)>>;

    /// Mentions per month (`YYYY-MM` of the episode's date; undated episodes under `null`).
    fn entity_months(&self, id: i64) -> Result<Vec<(Option<String>, u64)>>;

    /// The entities most often mentioned in the same episodes, with the number of shared
    /// episodes.
    fn entity_companions(&self, id: i64, limit: usize) -> Result<Vec<(EntityRecord, u64)>>;

    /// An entity's mentions, newest episode first, in order within an episode.
    fn entity_mentions(&self, id: i64, limit: usize) -> Result<Vec<MentionRecord>>;

    /// An episode's mentions as (segment, surface, entity id), in order: for indexing.
    fn episode_mentions(&self, episode: EpisodeId) -> Result<Vec<(u32, String, i64)>>;

    /// Every (entity, normalised spelling) pair with its entity's name: for the search
    /// expander.
    fn entity_surface_pairs(&self) -> Result<Vec<(i64, String, String)>>;

    /// The names the archive knows that the gazetteer lacks (`n:` keys not merged away),
    /// with kind: for clustering new spellings across the archive.
    fn new_entity_keys(&self) -> Result<Vec<(String, String, String)>>;

    /// Surfaces users tied to entities: (surface as typed, kind, entity name). Extraction
    /// learns them as names.
    fn curated_aliases(&self) -> Result<Vec<(String, String, String)>>;

    /// Merges `from` into `into`: its mentions, aliases and keys go to `into`. Returns the
    /// episodes touched.
    fn merge_entities(&mut self, into: i64, from: i64) -> Result<Vec<EpisodeId>>;

    /// Moves the mentions of `from` whose surface key is `surface_key` to a new entity named
    /// `name` (of the same kind), and ties that surface to it. Returns the new id and the
    /// episodes touched.
    fn split_entity(
        &mut self,
        from: i64,
        surface_key: &str,
        surface: &str,
        name: &str,
    ) -> Result<(i64, Vec<EpisodeId>)>;

    /// Renames an entity.
    fn rename_entity(&mut self, id: i64, name: &str) -> Result<Vec<EpisodeId>>;

    /// Sets an entity's kind.
    fn set_entity_kind(&mut self, id: i64, kind: &str) -> Result<Vec<EpisodeId>>;

    /// Ties a surface to an entity: mentions with that surface move to it now, and
    /// extraction links it there from now on. Returns the episodes touched.
    fn add_entity_alias(
        &mut self,
        id: i64,
        surface_key: &str,
        surface: &str,
    ) -> Result<Vec<EpisodeId>>;

    /// The episodes whose segments contain `needle` (case-insensitive): where a new alias
    /// may add mentions.
    fn episodes_containing(&self, needle: &str) -> Result<Vec<EpisodeId>>;

    /// Replaces one episode's mentions and forecasts (after extraction learned something), logging the
    /// change.
    fn replace_extraction(
        &mut self,
        episode: EpisodeId,
        mentions: &[MentionWrite],
        predictions: &[crate::PredictionWrite],
    ) -> Result<()>;
}

impl EntityStore for SqliteCatalog {
    fn entities_pending(&self) -> Result<bool> {
        Ok(self
            .conn
            .query_row(
                "SELECT 1 FROM meta WHERE key = 'entities_pending'",
                [],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }

    fn clear_entities_pending(&mut self) -> Result<()> {
        self.conn
            .execute("DELETE FROM meta WHERE key = 'entities_pending'", [])?;
        Ok(())
    }

    fn ensure_entity(&mut self, entity: &EntityRef) -> Result<i64> {
        let tx = self.conn.transaction()?;
        let id = entity_for(&tx, entity)?;
        tx.commit()?;
        Ok(id)
    }

    /// Entities with their counts, most mentioned first.
    fn entity_list(&self, f: &EntityFilter) -> Result<Vec<EntityRecord>> {
        let limit = if f.limit == 0 { -1 } else { f.limit as i64 };
        if f.show.is_none() && f.since.is_none() {
            // Totals from the index alone, then only the listed entities' records: joining
            // every mention count to its episode costs seconds on a large archive.
            let mut stmt = self.conn.prepare_cached(
                "SELECT t.entity_id FROM (SELECT entity_id, SUM(mentions) AS total
                     FROM episode_entities GROUP BY entity_id) t
                 JOIN entities e ON e.id = t.entity_id WHERE (?1 IS NULL OR e.kind = ?1)
                 ORDER BY t.total DESC, e.name LIMIT ?2",
            )?;
            let ids: Vec<i64> = stmt
                .query_map(params![f.kind, limit], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let mut out = Vec::with_capacity(ids.len());
            for id in ids {
                out.extend(self.entity(id)?);
            }
            return Ok(out);
        }
        let sql = format!(
            "SELECT {RECORD_COLUMNS} FROM episode_entities ee JOIN entities e ON e.id = ee.entity_id
             JOIN episodes ep ON ep.id = ee.episode_id JOIN shows s ON s.id = ep.show_id
             WHERE (?1 IS NULL OR e.kind = ?1) AND (?2 IS NULL OR s.key = ?2)
               AND (?3 IS NULL OR ep.published >= ?3)
             GROUP BY e.id ORDER BY SUM(ee.mentions) DESC, e.name LIMIT ?4"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(
            params![
                f.kind,
                f.show.as_deref().map(crate::sqlite::show_key),
                f.since,
                limit
            ],
            record,
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The entities a name designates: by name (case-insensitive), else by a surface of
    /// their mentions or a curated alias. Most mentioned first.
    fn find_entities(&self, name: &str, surface_key: &str) -> Result<Vec<EntityRecord>> {
        let sql = format!(
            "SELECT {RECORD_COLUMNS} FROM entities e LEFT JOIN episode_entities ee ON ee.entity_id = e.id
             LEFT JOIN episodes ep ON ep.id = ee.episode_id
             WHERE e.merged_into IS NULL AND e.id IN (
                 SELECT id FROM entities WHERE name = ?1 COLLATE NOCASE
                 UNION SELECT entity_id FROM entity_surfaces WHERE surface_key = ?2
                 UNION SELECT entity_id FROM entity_aliases WHERE surface_key = ?2)
             GROUP BY e.id ORDER BY (e.name = ?1 COLLATE NOCASE) DESC, SUM(ee.mentions) DESC"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params![name, surface_key], record)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One entity by id.
    fn entity(&self, id: i64) -> Result<Option<EntityRecord>> {
        let sql = format!(
            "SELECT {RECORD_COLUMNS} FROM entities e LEFT JOIN episode_entities ee ON ee.entity_id = e.id
             LEFT JOIN episodes ep ON ep.id = ee.episode_id WHERE e.id = ?1 GROUP BY e.id"
        );
        Ok(self.conn.query_row(&sql, [id], record).optional()?)
    }

    /// Every surface of an entity's mentions with its count, most frequent first.
    fn entity_surfaces(&self, id: i64) -> Result<Vec<(String, u64)>> {
        let mut counts: HashMap<String, u64> = HashMap::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT episode_id, surfaces FROM episode_entities WHERE entity_id = ?1",
        )?;
        let rows: Vec<(i64, Option<String>)> = stmt
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (episode, surfaces) in rows {
            let kept = surfaces.and_then(|s| serde_json::from_str::<HashMap<String, u64>>(&s).ok());
            match kept {
                Some(spelt) => {
                    for (surface, n) in spelt {
                        *counts.entry(surface).or_default() += n;
                    }
                }
                // Written before the column was: read the episode's mentions.
                None => {
                    for r in mentions::load(&self.conn, episode)? {
                        if r.entity == id {
                            *counts.entry(r.surface).or_default() += 1;
                        }
                    }
                }
            }
        }
        let mut out: Vec<(String, u64)> = counts.into_iter().collect();
        out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        Ok(out)
    }

    fn entity_months(&self, id: i64) -> Result<Vec<(Option<String>, u64)>> {
        let mut stmt = self.conn.prepare(
            "SELECT substr(ep.published, 1, 7) AS month, SUM(ee.mentions) FROM episode_entities ee
             JOIN episodes ep ON ep.id = ee.episode_id WHERE ee.entity_id = ?1
             GROUP BY month ORDER BY month",
        )?;
        let rows = stmt.query_map([id], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as u64)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The entities most often mentioned in the same episodes, with the number of shared
    /// episodes.
    fn entity_companions(&self, id: i64, limit: usize) -> Result<Vec<(EntityRecord, u64)>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT o.entity_id, COUNT(*) AS shared FROM episode_entities o
                 WHERE o.episode_id IN ({EPISODES_OF_ENTITY}) AND o.entity_id != ?1
                 GROUP BY o.entity_id ORDER BY shared DESC, SUM(o.mentions) DESC LIMIT ?2"
        ))?;
        let pairs: Vec<(i64, i64)> = stmt
            .query_map(params![id, limit as i64], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut out = Vec::with_capacity(pairs.len());
        for (other, shared) in pairs {
            if let Some(rec) = self.entity(other)? {
                out.push((rec, shared as u64));
            }
        }
        Ok(out)
    }

    /// An entity's mentions, newest episode first, in order within an episode.
    fn entity_mentions(&self, id: i64, limit: usize) -> Result<Vec<MentionRecord>> {
        let mut stmt = self.conn.prepare(
            "SELECT ee.episode_id, s.name, ep.title, ep.published FROM episode_entities ee
             JOIN episodes ep ON ep.id = ee.episode_id JOIN shows s ON s.id = ep.show_id
             WHERE ee.entity_id = ?1 ORDER BY ep.published DESC, ee.episode_id",
        )?;
        let episodes: Vec<(i64, String, Option<String>, Option<String>)> = stmt
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut out = Vec::new();
        let mut text = self
            .conn
            .prepare_cached("SELECT text FROM segments WHERE episode_id = ?1 AND ord = ?2")?;
        'episodes: for (episode, show, title, published) in episodes {
            for r in mentions::load(&self.conn, episode)? {
                if r.entity != id {
                    continue;
                }
                if limit > 0 && out.len() >= limit {
                    break 'episodes;
                }
                let segment_text: String = text
                    .query_row(params![episode, r.segment], |row| row.get(0))
                    .optional()?
                    .unwrap_or_default();
                out.push(MentionRecord {
                    episode,
                    show: show.clone(),
                    title: title.clone(),
                    published: published.clone(),
                    segment: r.segment,
                    start: r.start,
                    end: r.end,
                    start_ms: r.start_ms,
                    surface: r.surface,
                    confidence: r.confidence.as_str().to_string(),
                    text: segment_text,
                });
            }
        }
        Ok(out)
    }

    fn episode_mentions(&self, episode: EpisodeId) -> Result<Vec<(u32, String, i64)>> {
        Ok(mentions::load(&self.conn, episode)?
            .into_iter()
            .map(|r| (r.segment, r.surface, r.entity))
            .collect())
    }

    fn entity_surface_pairs(&self) -> Result<Vec<(i64, String, String)>> {
        triples(
            &self.conn,
            "SELECT s.entity_id, e.name, s.surface_key FROM entity_surfaces s
             JOIN entities e ON e.id = s.entity_id WHERE e.merged_into IS NULL",
        )
    }

    /// The names the archive knows that the gazetteer lacks (`n:` keys not merged away),
    /// with kind: for clustering new spellings across the archive.
    fn new_entity_keys(&self) -> Result<Vec<(String, String, String)>> {
        triples(
            &self.conn,
            "SELECT key, name, kind FROM entities WHERE key LIKE 'n:%' AND merged_into IS NULL",
        )
    }

    /// Surfaces users tied to entities: (surface as typed, kind, entity name). Extraction
    /// learns them as names.
    fn curated_aliases(&self) -> Result<Vec<(String, String, String)>> {
        triples(
            &self.conn,
            "SELECT a.surface, e.kind, e.name FROM entity_aliases a JOIN entities e ON e.id = a.entity_id",
        )
    }

    /// Merges `from` into `into`: its mentions, aliases and keys go to `into`. Returns the
    /// episodes touched.
    fn merge_entities(&mut self, into: i64, from: i64) -> Result<Vec<EpisodeId>> {
        // Keys may resolve elsewhere now.
        self.entity_ids.clear();
        self.entity_spellings.clear();
        if into == from {
            return Err(StoreError::Corrupt(
                "cannot merge an entity into itself".into(),
            ));
        }
        let tx = self.conn.transaction()?;
        let episodes = episodes_of(&tx, from)?;
        relink(&tx, &episodes, into, |r| r.entity == from)?;
        tx.execute(
            "UPDATE entity_aliases SET entity_id = ?1 WHERE entity_id = ?2",
            params![into, from],
        )?;
        tx.execute(
            "UPDATE entities SET merged_into = ?1 WHERE id = ?2 OR merged_into = ?2",
            params![into, from],
        )?;
        tx.execute("DELETE FROM entity_surfaces WHERE entity_id = ?1", [from])?;
        finish(
            tx,
            "merge",
            &serde_json::json!({"into": into, "from": from}),
            &episodes,
        )?;
        Ok(episodes)
    }

    /// Moves the mentions of `from` whose surface key is `surface_key` to a new entity named
    /// `name` (of the same kind), and ties that surface to it. Returns the new id and the
    /// episodes touched.
    fn split_entity(
        &mut self,
        from: i64,
        surface_key: &str,
        surface: &str,
        name: &str,
    ) -> Result<(i64, Vec<EpisodeId>)> {
        self.entity_ids.clear();
        self.entity_spellings.clear();
        let tx = self.conn.transaction()?;
        let kind: String =
            tx.query_row("SELECT kind FROM entities WHERE id = ?1", [from], |r| {
                r.get(0)
            })?;
        let key = format!("u:{}", name.to_lowercase());
        let existing: Option<i64> = tx
            .query_row("SELECT id FROM entities WHERE key = ?1", [&key], |r| {
                r.get(0)
            })
            .optional()?;
        let id = match existing {
            Some(id) => id,
            None => {
                tx.execute(
                    "INSERT INTO entities(key, name, kind, curated) VALUES (?1, ?2, ?3, 1)",
                    params![key, name, kind],
                )?;
                tx.last_insert_rowid()
            }
        };
        let episodes = episodes_of(&tx, from)?;
        relink(&tx, &episodes, id, |r| {
            r.entity == from && r.surface_key == surface_key
        })?;
        tx.execute(
            "DELETE FROM entity_surfaces WHERE entity_id = ?1 AND surface_key = ?2",
            params![from, surface_key],
        )?;
        tx.execute(
            "INSERT OR REPLACE INTO entity_aliases(surface_key, entity_id, surface) VALUES (?1, ?2, ?3)",
            params![surface_key, id, surface],
        )?;
        finish(
            tx,
            "split",
            &serde_json::json!({"from": from, "surface": surface, "into": id}),
            &episodes,
        )?;
        Ok((id, episodes))
    }

    /// Renames an entity.
    fn rename_entity(&mut self, id: i64, name: &str) -> Result<Vec<EpisodeId>> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE entities SET name = ?1, curated = 1 WHERE id = ?2",
            params![name, id],
        )?;
        finish(
            tx,
            "rename",
            &serde_json::json!({"id": id, "name": name}),
            &[],
        )?;
        Ok(Vec::new())
    }

    /// Sets an entity's kind.
    fn set_entity_kind(&mut self, id: i64, kind: &str) -> Result<Vec<EpisodeId>> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE entities SET kind = ?1, curated = 1 WHERE id = ?2",
            params![kind, id],
        )?;
        finish(
            tx,
            "kind",
            &serde_json::json!({"id": id, "kind": kind}),
            &[],
        )?;
        Ok(Vec::new())
    }

    /// Ties a surface to an entity: mentions with that surface move to it now, and
    /// extraction links it there from now on. Returns the episodes touched.
    fn add_entity_alias(
        &mut self,
        id: i64,
        surface_key: &str,
        surface: &str,
    ) -> Result<Vec<EpisodeId>> {
        self.entity_ids.clear();
        self.entity_spellings.clear();
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT OR REPLACE INTO entity_aliases(surface_key, entity_id, surface) VALUES (?1, ?2, ?3)",
            params![surface_key, id, surface],
        )?;
        // The episodes of the entities this spelling names now.
        let others: Vec<i64> = {
            let mut stmt = tx.prepare(
                "SELECT entity_id FROM entity_surfaces WHERE surface_key = ?1 AND entity_id != ?2",
            )?;
            let rows = stmt.query_map(params![surface_key, id], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let mut episodes: Vec<EpisodeId> = Vec::new();
        for other in &others {
            for e in episodes_of(&tx, *other)? {
                if !episodes.contains(&e) {
                    episodes.push(e);
                }
            }
        }
        relink(&tx, &episodes, id, |r| r.surface_key == surface_key)?;
        tx.execute(
            "DELETE FROM entity_surfaces WHERE surface_key = ?1 AND entity_id != ?2",
            params![surface_key, id],
        )?;
        finish(
            tx,
            "alias",
            &serde_json::json!({"id": id, "surface": surface}),
            &episodes,
        )?;
        Ok(episodes)
    }

    /// The episodes whose segments contain `needle` (case-insensitive): where a new alias
    /// may add mentions.
    fn episodes_containing(&self, needle: &str) -> Result<Vec<EpisodeId>> {
        let mut stmt = self.conn.prepare(
            "SELECT DISTINCT episode_id FROM segments WHERE instr(lower(text), lower(?1)) > 0",
        )?;
        let rows = stmt.query_map([needle], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Replaces one episode's mentions and forecasts (after extraction learned something), logging the
    /// change.
    fn replace_extraction(
        &mut self,
        episode: EpisodeId,
        mentions: &[MentionWrite],
        predictions: &[crate::PredictionWrite],
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        let resolved = put_extraction(
            &tx,
            episode,
            mentions,
            predictions,
            &self.entity_ids,
            &mut self.entity_spellings,
        )?;
        tx.prepare_cached("INSERT INTO changes(episode_id) VALUES (?1)")?
            .execute([episode])?;
        tx.commit()?;
        self.entity_ids.extend(resolved);
        Ok(())
    }
}

/// The rows of a query without parameters that selects three columns.
fn triples<A: FromSql, B: FromSql, C: FromSql>(
    conn: &rusqlite::Connection,
    sql: &str,
) -> Result<Vec<(A, B, C)>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The episodes that mention an entity.
fn episodes_of(conn: &rusqlite::Connection, entity: i64) -> Result<Vec<EpisodeId>> {
    let mut stmt = conn.prepare_cached(EPISODES_OF_ENTITY)?;
    let rows = stmt.query_map([entity], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Logs the curation and a change for every episode touched, and commits.
fn finish(
    tx: Transaction,
    op: &str,
    args: &serde_json::Value,
    episodes: &[EpisodeId],
) -> Result<()> {
    tx.execute(
        "INSERT INTO curations(op, args) VALUES (?1, ?2)",
        params![op, args.to_string()],
    )?;
    for e in episodes {
        tx.prepare_cached("INSERT INTO changes(episode_id) VALUES (?1)")?
            .execute([e])?;
    }
    tx.commit()?;
    Ok(())
}
