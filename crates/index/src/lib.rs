//! The full-text search index of earshot: one document per [`Passage`], searched with a small
//! query language that forgives speech recognition's garbled names.
//!
//! The catalog is the truth; this index is derived from it and can always be rebuilt. Each
//! commit records a caller's number (the catalog version it reflects), read back with
//! [`SearchIndex::committed_payload`], so that a stale index can be noticed and brought up to
//! date.
//!
//! A query word matches its exact term, its fuzzy variants present in the index (one edit, two
//! when either word has eight letters or more), words that sound the same (Double Metaphone),
//! and the variants a [`TermExpander`] knows; exact matches rank first. See [`parse_query`]
//! for the language.

#![warn(missing_docs)]

mod conjunction;
mod error;
pub mod expand;
mod phrase;
mod plan;
mod proximity;
mod pruned;
#[cfg(test)]
mod pruned_tests;
pub mod query;
mod schema;
mod search;
pub mod snippet;
pub mod tokenize;
mod walk;
mod writer;

use chrono::NaiveDate;
use serde::Serialize;

pub use earshot_model::Passage;
pub use error::{Error, Result};
pub use expand::{NoExpansion, TermExpander};
pub use query::{parse_query, Clause, Query, QueryError};
pub use search::{SearchIndex, BOILERPLATE_FACTOR, MAX_LIMIT, MAX_OFFSET};
pub use writer::{IndexWriter, HEAP_BYTES, THREADS};

/// What the index keeps of an episode with each of its passages.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EpisodeMeta {
    /// The catalog's id of the episode.
    pub id: i64,
    /// The show's name as the catalog has it.
    pub show: String,
    /// The episode's title.
    pub title: String,
    /// The day the episode was published, when known.
    pub published: Option<NaiveDate>,
    /// Where the transcript came from (the path as the user gave it).
    pub source: String,
}

/// Which hits a search returns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchOptions {
    /// Hits to return, at most (capped at [`MAX_LIMIT`]); 0 returns none.
    pub limit: usize,
    /// Hits to skip first, for paging (capped at [`MAX_OFFSET`]).
    pub offset: usize,
    /// Only these shows (any of them, case-insensitive); empty for all.
    pub shows: Vec<String>,
    /// Only episodes published on or after this day (undated ones are left out).
    pub after: Option<NaiveDate>,
    /// Only episodes published on or before this day (undated ones are left out).
    pub before: Option<NaiveDate>,
    /// Only passages of this speaker (case-insensitive).
    pub speaker: Option<String>,
    /// Only these episodes.
    pub episodes: Option<Vec<i64>>,
    /// Only passages that mention one of these entities (catalog ids).
    pub entities: Option<Vec<i64>>,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            limit: 20,
            offset: 0,
            shows: Vec::new(),
            after: None,
            before: None,
            speaker: None,
            episodes: None,
            entities: None,
        }
    }
}

/// One passage found, with its episode's details and a snippet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// The catalog's id of the episode.
    pub episode: i64,
    /// The passage's position in its episode.
    pub passage: u32,
    /// The segment the passage begins in.
    pub segment: u32,
    /// Where the passage begins, in milliseconds from the start of the episode.
    pub start_ms: u64,
    /// Where the passage ends, in milliseconds from the start of the episode.
    pub end_ms: u64,
    /// The speaker's label as the transcript gives it.
    pub speaker: Option<String>,
    /// A sponsor read or sign-off: ranked down.
    pub boilerplate: bool,
    /// The episode's show.
    pub show: String,
    /// The episode's title.
    pub title: String,
    /// The day the episode was published, when known.
    pub published: Option<NaiveDate>,
    /// Where the episode's transcript came from.
    pub source: String,
    /// Relevance; higher is better. Only comparable within one search.
    pub score: f32,
    /// HTML: the best part of the passage, escaped, matches in `<b>…</b>`, "…" where cut.
    pub snippet: String,
    /// The whole passage, as indexed (not escaped).
    pub text: String,
}
