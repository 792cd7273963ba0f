//! Searching an archive: passages, or episodes with their best passages.

use earshot_index::{parse_query, Hit, SearchOptions};
use earshot_model::NaiveDate;

use crate::{Archive, ArchiveError, Result};

/// A search as the user asked it.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    pub query: String,
    pub limit: usize,
    pub shows: Vec<String>,
    pub after: Option<NaiveDate>,
    pub before: Option<NaiveDate>,
    pub speaker: Option<String>,
}

/// An episode's hits, best first, for `--by-episode`.
#[derive(Debug, Clone)]
pub struct EpisodeHits {
    pub episode: i64,
    pub hits: Vec<Hit>,
}

/// How many passages an episode shows at most when hits are grouped.
const HITS_PER_EPISODE: usize = 3;

impl Archive {
    /// The best passages for a query.
    pub fn search(&self, req: &SearchRequest) -> Result<Vec<Hit>> {
        self.search_passages(req, req.limit)
    }

    /// The best episodes for a query, each with its best passages.
    pub fn search_by_episode(&self, req: &SearchRequest) -> Result<Vec<EpisodeHits>> {
        // Enough passages to fill the episodes asked for, within a bound.
        let hits = self.search_passages(req, (req.limit * 20).clamp(100, 2_000))?;
        let mut groups: Vec<EpisodeHits> = Vec::new();
        for hit in hits {
            match groups.iter().position(|g| g.episode == hit.episode) {
                Some(i) if groups[i].hits.len() < HITS_PER_EPISODE => groups[i].hits.push(hit),
                Some(_) => {}
                None if groups.len() < req.limit => groups.push(EpisodeHits {
                    episode: hit.episode,
                    hits: vec![hit],
                }),
                None => {}
            }
        }
        Ok(groups)
    }

    fn search_passages(&self, req: &SearchRequest, limit: usize) -> Result<Vec<Hit>> {
        let query =
            parse_query(&req.query).map_err(|e| ArchiveError::Other(format!("query: {e}")))?;
        let opts = SearchOptions {
            limit,
            offset: 0,
            shows: req.shows.clone(),
            after: req.after,
            before: req.before,
            speaker: req.speaker.clone(),
            episodes: None,
        };
        Ok(self
            .index
            .search_with(&query, &opts, self.expander.as_ref())?)
    }
}
