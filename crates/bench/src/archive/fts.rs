//! The SQLite FTS5 baseline: one row per passage of every episode, read from the archive's
//! catalog and cut into passages as earshot cuts them; ranked by `bm25`. FTS5 matches tokens
//! exactly (case and diacritics folded): no fuzzy or phonetic matching of names.

use std::path::Path;
use std::time::{Duration, Instant};

use earshot_archive::Archive;
use rusqlite::{params, Connection};

use super::queries::Query;

/// What building the table took.
pub struct Built {
    pub elapsed: Duration,
    pub episodes: u64,
    pub passages: u64,
    /// The database file's size.
    pub bytes: u64,
}

/// Writes `path` afresh: a `passages` FTS5 table with the passage text indexed and the show,
/// day (`YYYY-MM-DD`), episode and start time stored alongside, unindexed.
pub fn build(archive: &Archive, path: &Path) -> anyhow::Result<Built> {
    let t = Instant::now();
    let _ = std::fs::remove_file(path);
    let mut conn = Connection::open(path)?;
    // A benchmark table, rebuilt on every run: no journal needed.
    conn.execute_batch(
        "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
         CREATE VIRTUAL TABLE passages USING fts5(
             text, show UNINDEXED, published UNINDEXED, episode UNINDEXED, start_ms UNINDEXED,
             tokenize = 'unicode61 remove_diacritics 2');",
    )?;
    let catalog = archive.catalog();
    let episodes = catalog.episodes(None)?;
    let mut passages = 0u64;
    let tx = conn.transaction()?;
    {
        let mut insert = tx.prepare(
            "INSERT INTO passages (text, show, published, episode, start_ms)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for ep in &episodes {
            let segments = catalog.segments(ep.id)?;
            for p in earshot_text::passages::passages(&segments) {
                insert.execute(params![
                    p.text,
                    ep.show,
                    ep.published,
                    ep.id,
                    p.start_ms as i64
                ])?;
                passages += 1;
            }
        }
    }
    tx.commit()?;
    conn.execute_batch("INSERT INTO passages(passages) VALUES ('optimize');")?;
    drop(conn);
    Ok(Built {
        elapsed: t.elapsed(),
        episodes: episodes.len() as u64,
        passages,
        bytes: std::fs::metadata(path)?.len(),
    })
}

/// The FTS5 `MATCH` expression of a query: every word quoted (so nothing in it is read as
/// syntax) and ANDed, the phrase quoted whole; names as typed.
pub fn match_expr(q: &Query) -> String {
    let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let mut parts: Vec<String> = q.words.iter().map(|w| quote(w)).collect();
    parts.extend(q.phrase.iter().map(|p| quote(p)));
    parts.join(" ")
}

/// An open FTS5 table to search.
pub struct Fts {
    conn: Connection,
}

/// Best first, at most ten, filters as `WHERE` clauses on the unindexed columns.
const SEARCH: &str = "SELECT episode, start_ms FROM passages
     WHERE passages MATCH ?1
       AND (?2 IS NULL OR show = ?2)
       AND (?3 IS NULL OR published >= ?3)
       AND (?4 IS NULL OR published <= ?4)
     ORDER BY bm25(passages) LIMIT 10";

impl Fts {
    pub fn open(path: &Path) -> anyhow::Result<Self> {
        let conn = Connection::open(path)?;
        Ok(Fts { conn })
    }

    /// The number of passages found (at most ten).
    pub fn search(&self, q: &Query) -> rusqlite::Result<usize> {
        let mut stmt = self.conn.prepare_cached(SEARCH)?;
        let day = |d: Option<earshot_model::NaiveDate>| d.map(|d| d.to_string());
        let rows = stmt.query_map(
            params![match_expr(q), q.show, day(q.after), day(q.before)],
            |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)),
        )?;
        let mut n = 0;
        for row in rows {
            std::hint::black_box(row?);
            n += 1;
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::super::queries::Kind;
    use super::*;
    use earshot_model::NaiveDate;

    fn query(words: &[&str], phrase: Option<&str>) -> Query {
        Query {
            kind: Kind::Word,
            words: words.iter().map(|w| w.to_string()).collect(),
            phrase: phrase.map(str::to_owned),
            show: None,
            after: None,
            before: None,
            rg_term: String::new(),
        }
    }

    #[test]
    fn translates_words_phrases_and_names() {
        assert_eq!(match_expr(&query(&["ceasefire"], None)), "\"ceasefire\"");
        assert_eq!(
            match_expr(&query(&["grain", "corridor"], None)),
            "\"grain\" \"corridor\""
        );
        assert_eq!(
            match_expr(&query(&[], Some("the frozen assets"))),
            "\"the frozen assets\""
        );
        assert_eq!(
            match_expr(&query(&["von", "der", "Layen"], None)),
            "\"von\" \"der\" \"Layen\""
        );
        // Syntax in a word is only text.
        assert_eq!(
            match_expr(&query(&["a\"b", "OR", "NEAR"], None)),
            "\"a\"\"b\" \"OR\" \"NEAR\""
        );
    }

    #[test]
    fn searches_with_filters() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE VIRTUAL TABLE passages USING fts5(
                 text, show UNINDEXED, published UNINDEXED, episode UNINDEXED, start_ms UNINDEXED,
                 tokenize = 'unicode61 remove_diacritics 2');
             INSERT INTO passages VALUES ('Talks on the grain corridor resumed.', 'Night Desk', '2024-03-01', 1, 0);
             INSERT INTO passages VALUES ('The grain deal and the corridor.', 'Border Lines', '2025-06-01', 2, 0);
             INSERT INTO passages VALUES ('Witkoff flew to Riyadh.', 'Night Desk', '2024-03-02', 3, 0);",
        )
        .unwrap();
        let fts = Fts { conn };
        let mut q = query(&["GRAIN", "corridor"], None);
        assert_eq!(fts.search(&q).unwrap(), 2);
        q.show = Some("Night Desk".into());
        assert_eq!(fts.search(&q).unwrap(), 1);
        q.show = None;
        q.after = NaiveDate::from_ymd_opt(2025, 1, 1);
        assert_eq!(fts.search(&q).unwrap(), 1);
        q.before = NaiveDate::from_ymd_opt(2025, 5, 31);
        assert_eq!(fts.search(&q).unwrap(), 0);
        assert_eq!(fts.search(&query(&[], Some("grain corridor"))).unwrap(), 1);
        // No fuzzy matching: a garbled name finds nothing.
        assert_eq!(fts.search(&query(&["Whitkoff"], None)).unwrap(), 0);
        assert_eq!(fts.search(&query(&["witkoff"], None)).unwrap(), 1);
    }
}
