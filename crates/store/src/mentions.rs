//! An episode's mentions, packed into one row: ingest writes hundreds of mentions an episode,
//! and one row instead of hundreds keeps the single writer fast (as for sentences). What
//! browsing needs by entity is kept beside them, in `episode_entities` (how often each episode
//! mentions each entity) and `entity_surfaces` (every spelling of each entity).

use std::collections::{BTreeMap, HashMap, HashSet};

use rusqlite::{params, Connection, OptionalExtension};

use crate::types::EpisodeId;
use crate::Result;

/// One stored mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct MentionRow {
    pub segment: u32,
    /// Character offsets in the segment's text.
    pub start: u32,
    pub end: u32,
    pub start_ms: Option<u64>,
    pub entity: i64,
    pub confidence: Confidence,
    pub surface: String,
    pub surface_key: String,
}

/// A mention's confidence, one byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Confidence {
    Low = 0,
    Medium = 1,
    High = 2,
}

impl Confidence {
    pub fn parse(s: &str) -> Confidence {
        match s {
            "high" => Confidence::High,
            "medium" => Confidence::Medium,
            _ => Confidence::Low,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::High => "high",
            Confidence::Medium => "medium",
            Confidence::Low => "low",
        }
    }

    fn from_byte(b: u8) -> Confidence {
        match b {
            2 => Confidence::High,
            1 => Confidence::Medium,
            _ => Confidence::Low,
        }
    }
}

/// No start time, packed.
const NO_TIME: u64 = u64::MAX;

/// Mentions packed little-endian: segment, start, end (u32), start_ms (u64), entity (i64),
/// confidence (u8), then the surface and its key, each a u16 length and UTF-8 bytes.
pub(crate) fn encode(rows: &[MentionRow]) -> Vec<u8> {
    let mut out = Vec::with_capacity(rows.len() * 48);
    for r in rows {
        for v in [r.segment, r.start, r.end] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&r.start_ms.unwrap_or(NO_TIME).to_le_bytes());
        out.extend_from_slice(&r.entity.to_le_bytes());
        out.push(r.confidence as u8);
        for s in [&r.surface, &r.surface_key] {
            let bytes = &s.as_bytes()[..floor_boundary(s, u16::MAX as usize)];
            out.extend_from_slice(&(bytes.len() as u16).to_le_bytes());
            out.extend_from_slice(bytes);
        }
    }
    out
}

/// The mentions of a packed row; a damaged tail is dropped, never read past.
pub(crate) fn decode(data: &[u8]) -> Vec<MentionRow> {
    let mut rows = Vec::new();
    let mut at = 0usize;
    let take = |at: &mut usize, n: usize| -> Option<&[u8]> {
        let s = data.get(*at..*at + n)?;
        *at += n;
        Some(s)
    };
    while let Some(fixed) = take(&mut at, 12 + 8 + 8 + 1) {
        let u32_at = |i: usize| u32::from_le_bytes(fixed[i..i + 4].try_into().expect("4 bytes"));
        let ms = u64::from_le_bytes(fixed[12..20].try_into().expect("8 bytes"));
        let entity = i64::from_le_bytes(fixed[20..28].try_into().expect("8 bytes"));
        let confidence = Confidence::from_byte(fixed[28]);
        let (segment, start, end) = (u32_at(0), u32_at(4), u32_at(8));
        let mut text = || -> Option<String> {
            let len = u16::from_le_bytes(take(&mut at, 2)?.try_into().ok()?) as usize;
            Some(String::from_utf8_lossy(take(&mut at, len)?).into_owned())
        };
        let (Some(surface), Some(surface_key)) = (text(), text()) else {
            break;
        };
        rows.push(MentionRow {
            segment,
            start,
            end,
            start_ms: (ms != NO_TIME).then_some(ms),
            entity,
            confidence,
            surface,
            surface_key,
        });
    }
    rows
}

fn floor_boundary(s: &str, max: usize) -> usize {
    let mut i = s.len().min(max);
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// An episode's mentions.
pub(crate) fn load(conn: &Connection, episode: EpisodeId) -> Result<Vec<MentionRow>> {
    let data: Option<Vec<u8>> = conn
        .prepare_cached("SELECT data FROM mentions WHERE episode_id = ?1")?
        .query_row([episode], |r| r.get(0))
        .optional()?;
    Ok(data.map(|d| decode(&d)).unwrap_or_default())
}

/// Replaces an episode's mentions, and what is kept beside them by entity. Spellings in
/// `spelt` are known to be recorded already (ingest meets the same ones again and again); the
/// new ones are added to it.
pub(crate) fn store(
    conn: &Connection,
    episode: EpisodeId,
    rows: &[MentionRow],
    spelt: &mut HashSet<(String, i64)>,
) -> Result<()> {
    // A delete and a plain insert: INSERT OR REPLACE would make SQLite keep a statement
    // journal for the foreign keys, at every episode of an ingest.
    conn.prepare_cached("DELETE FROM mentions WHERE episode_id = ?1")?
        .execute([episode])?;
    conn.prepare_cached("INSERT INTO mentions(episode_id, data) VALUES (?1, ?2)")?
        .execute(params![episode, encode(rows)])?;
    conn.prepare_cached("DELETE FROM episode_entities WHERE episode_id = ?1")?
        .execute([episode])?;
    let mut counts: HashMap<i64, i64> = HashMap::new();
    let mut surfaces: HashMap<i64, BTreeMap<&str, u64>> = HashMap::new();
    let mut spellings: Vec<(&str, i64)> = Vec::new();
    for r in rows {
        *counts.entry(r.entity).or_default() += 1;
        *surfaces
            .entry(r.entity)
            .or_default()
            .entry(r.surface.as_str())
            .or_default() += 1;
        let pair = (r.surface_key.clone(), r.entity);
        if !spelt.contains(&pair) {
            spellings.push((r.surface_key.as_str(), r.entity));
            spelt.insert(pair);
        }
    }
    // A row a statement: a statement of many rows makes SQLite keep a statement journal.
    let mut summary = conn.prepare_cached(
        "INSERT INTO episode_entities(episode_id, entity_id, mentions, surfaces)
         VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (entity, n) in counts {
        let spelt = serde_json::to_string(&surfaces.remove(&entity).unwrap_or_default())
            .map_err(|e| crate::StoreError::Corrupt(format!("cannot encode spellings: {e}")))?;
        summary.execute(params![episode, entity, n, spelt])?;
    }
    let mut spelling = conn.prepare_cached(
        "INSERT OR IGNORE INTO entity_surfaces(surface_key, entity_id) VALUES (?1, ?2)",
    )?;
    for (key, entity) in spellings {
        spelling.execute(params![key, entity])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(i: u32, surface: &str) -> MentionRow {
        MentionRow {
            segment: i,
            start: i * 2,
            end: i * 2 + 5,
            start_ms: i.is_multiple_of(2).then_some(u64::from(i) * 1000),
            entity: -(i as i64) + 7,
            confidence: Confidence::Medium,
            surface: surface.to_string(),
            surface_key: surface.to_lowercase(),
        }
    }

    #[test]
    fn rows_round_trip_and_a_damaged_tail_is_dropped() {
        let rows = vec![row(0, "Whitkoff"), row(1, "Péter Szijjártó"), row(2, "")];
        let packed = encode(&rows);
        assert_eq!(decode(&packed), rows);
        for cut in 0..packed.len() {
            let partial = decode(&packed[..cut]);
            assert!(partial.len() < rows.len());
            assert_eq!(partial[..], rows[..partial.len()]);
        }
    }
}
