//! Searching an archive: passages, or episodes with their best passages.

use earshot_index::{parse_query, Hit, Query, SearchOptions};
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
        let (text, names) = take_entity_filters(&req.query);
        let entities = match names.as_slice() {
            [] => None,
            [name] => Some(vec![self.entity_named(name)?.id]),
            _ => {
                return Err(ArchiveError::Other(
                    "query: one entity:\"…\" filter at a time".into(),
                ))
            }
        };
        let query = if text.trim().is_empty() && entities.is_some() {
            Query {
                clauses: Vec::new(),
            }
        } else {
            parse_query(&text).map_err(|e| ArchiveError::Other(format!("query: {e}")))?
        };
        let opts = SearchOptions {
            limit,
            offset: 0,
            shows: req.shows.clone(),
            after: req.after,
            before: req.before,
            speaker: req.speaker.clone(),
            episodes: None,
            entities,
        };
        Ok(self
            .index
            .search_with(&query, &opts, self.expander.as_ref())?)
    }
}

/// Takes the `entity:"Full Name"` (or `entity:Name`) filters out of a query: the rest of the
/// query, and the names.
pub fn take_entity_filters(query: &str) -> (String, Vec<String>) {
    let mut rest = String::with_capacity(query.len());
    let mut names = Vec::new();
    let mut s = query;
    while let Some(at) = find_filter(s) {
        rest.push_str(&s[..at]);
        let after = &s[at + "entity:".len()..];
        let (name, tail) = match after.strip_prefix('"') {
            Some(quoted) => match quoted.find('"') {
                Some(end) => (&quoted[..end], &quoted[end + 1..]),
                None => (quoted, ""),
            },
            None => {
                let end = after.find(char::is_whitespace).unwrap_or(after.len());
                (&after[..end], &after[end..])
            }
        };
        if !name.trim().is_empty() {
            names.push(name.trim().to_string());
        }
        s = tail;
    }
    rest.push_str(s);
    (rest, names)
}

/// Where an `entity:` filter starts: at the start or after white space, any case.
fn find_filter(s: &str) -> Option<usize> {
    let lower = s.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find("entity:") {
        let at = from + i;
        if at == 0 || lower[..at].ends_with(char::is_whitespace) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::take_entity_filters;

    #[test]
    fn entity_filters_come_out_of_the_query() {
        let (rest, names) = take_entity_filters(r#"talks entity:"Steve Witkoff" moscow"#);
        assert_eq!(names, ["Steve Witkoff"]);
        assert_eq!(
            rest.split_whitespace().collect::<Vec<_>>(),
            ["talks", "moscow"]
        );
        let (rest, names) = take_entity_filters("Entity:Putin");
        assert_eq!(
            (rest.as_str(), names.as_slice()),
            ("", &["Putin".to_string()][..])
        );
        let (rest, names) = take_entity_filters("identity:x entity:\"unclosed");
        assert_eq!(names, ["unclosed"]);
        assert!(rest.contains("identity:x"));
    }
}
