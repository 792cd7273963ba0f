//! Opening the index and searching it.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use tantivy::collector::TopDocs;
use tantivy::directory::MmapDirectory;
use tantivy::schema::Value;
use tantivy::{DocAddress, DocId, Index, IndexReader, ReloadPolicy, Score, SegmentReader};
use tantivy::{Searcher, TantivyDocument};

use crate::error::{Error, Result};
use crate::expand::{NoExpansion, TermExpander};
use crate::plan::{self, Tier};
use crate::proximity::{self, Proximity};
use crate::query::Query;
use crate::schema::Fields;
use crate::snippet;
use crate::tokenize;
use crate::writer::{self, IndexWriter};
use crate::{Hit, SearchOptions};

/// A boilerplate passage's score is multiplied by this.
pub const BOILERPLATE_FACTOR: f32 = 0.3;
/// At most this many hits per search.
pub const MAX_LIMIT: usize = 1000;
/// Paging stops this deep.
pub const MAX_OFFSET: usize = 10_000;

/// The search index: a folder of tantivy files (or memory, for tests). Cheap to search from
/// many threads at once; searches see the state of the last commit.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    dir: Option<PathBuf>,
}

impl SearchIndex {
    /// Opens the index in `dir`, creating the folder and an empty index if there is none.
    /// An index made with another layout of fields is refused with [`Error::Incompatible`].
    pub fn open_or_create(dir: &Path) -> Result<Self> {
        std::fs::create_dir_all(dir)?;
        let (schema, fields) = Fields::build();
        let directory = MmapDirectory::open(dir)?;
        let exists = Index::exists(&directory).map_err(tantivy::TantivyError::from)?;
        let index = if exists {
            let index = Index::open(directory)?;
            if index.schema() != schema {
                return Err(Error::Incompatible {
                    path: dir.display().to_string(),
                    detail: "its fields differ".into(),
                });
            }
            index
        } else {
            Index::create(directory, schema, Default::default())?
        };
        Self::with_index(index, fields, Some(dir.to_path_buf()))
    }

    /// An empty index in memory.
    pub fn open_in_ram() -> Result<Self> {
        let (schema, fields) = Fields::build();
        Self::with_index(Index::create_in_ram(schema), fields, None)
    }

    fn with_index(index: Index, fields: Fields, dir: Option<PathBuf>) -> Result<Self> {
        tokenize::register(index.tokenizers());
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(SearchIndex {
            index,
            reader,
            fields,
            dir,
        })
    }

    /// A writer ([`crate::THREADS`] threads, [`crate::HEAP_BYTES`] of memory). Fails while
    /// another writer is open on this index, in this process or another.
    pub fn writer(&self) -> Result<IndexWriter> {
        let inner = self
            .index
            .writer_with_num_threads(writer::THREADS, writer::HEAP_BYTES)?;
        Ok(IndexWriter::new(inner, self.reader.clone(), self.fields))
    }

    /// Sees changes committed by another process's writer (this process's writers reload by
    /// themselves).
    pub fn reload(&self) -> Result<()> {
        self.reader.reload()?;
        Ok(())
    }

    /// The payload given to the last commit, or `None` if nothing was ever committed.
    pub fn committed_payload(&self) -> Result<Option<u64>> {
        let Some(payload) = self.index.load_metas()?.payload else {
            return Ok(None);
        };
        payload
            .trim()
            .parse()
            .map(Some)
            .map_err(|_| Error::Payload(payload))
    }

    /// Passages in the index (as of the last reload).
    pub fn num_passages(&self) -> Result<u64> {
        Ok(self.reader.searcher().num_docs())
    }

    /// The distinct episodes with passages in the index, in increasing order.
    pub fn episode_ids(&self) -> Result<Vec<i64>> {
        let mut ids = BTreeSet::new();
        for segment in self.reader.searcher().segment_readers() {
            let column = segment.fast_fields().i64("episode")?;
            let alive = segment.alive_bitset();
            for doc in 0..segment.max_doc() {
                if alive.is_none_or(|a| a.is_alive(doc)) {
                    ids.extend(column.first(doc));
                }
            }
        }
        Ok(ids.into_iter().collect())
    }

    /// Bytes the index takes on disk (for an index in memory: its estimated size).
    pub fn size_on_disk(&self) -> u64 {
        match &self.dir {
            Some(dir) => std::fs::read_dir(dir)
                .map(|entries| {
                    entries
                        .filter_map(|e| e.ok()?.metadata().ok())
                        .filter(|m| m.is_file())
                        .map(|m| m.len())
                        .sum()
                })
                .unwrap_or(0),
            None => self
                .reader
                .searcher()
                .space_usage()
                .map_or(0, |u| u.total().get_bytes()),
        }
    }

    /// Searches with no expander: see [`SearchIndex::search_with`].
    pub fn search(&self, query: &Query, opts: &SearchOptions) -> Result<Vec<Hit>> {
        self.search_with(query, opts, &NoExpansion)
    }

    /// The best passages for `query` within the filters of `opts`, best first, each with its
    /// snippet. `expander` adds known variants of the query's words.
    pub fn search_with(
        &self,
        query: &Query,
        opts: &SearchOptions,
        expander: &dyn TermExpander,
    ) -> Result<Vec<Hit>> {
        let limit = opts.limit.min(MAX_LIMIT);
        if limit == 0
            || opts.episodes.as_ref().is_some_and(Vec::is_empty)
            || opts.entities.as_ref().is_some_and(Vec::is_empty)
        {
            return Ok(Vec::new());
        }
        let searcher = self.reader.searcher();
        let offset = opts.offset.min(MAX_OFFSET);
        let plan_tier = |tier| plan::plan(&searcher, &self.fields, query, opts, expander, tier);
        let exact = plan_tier(Tier::Exact)?;
        let total = tantivy::query::Bm25StatisticsProvider::total_num_docs(&searcher)?;
        let near = Proximity::new(exact.near, |t| Ok(plan::idf(searcher.doc_freq(t)?, total)))?;
        let ranked = Ranked {
            searcher: &searcher,
            near: near.as_ref(),
        };
        // Every exact match up to the page's end: the page itself when there are enough.
        let exact_top = ranked.top(&*exact.query, offset + limit, 0)?;
        let mut highlight = exact.highlight;
        let mut typo_tier = None;
        if exact_top.len() < offset + limit {
            // The words as typed ran out before the page did: passages that need a typo follow.
            let typos = plan_tier(Tier::Typos)?;
            if typos.highlight != highlight {
                highlight = typos.highlight;
                typo_tier = Some(typos.query);
            }
        }
        let top = match typo_tier {
            Some(typos) => ranked.typos_after_exact(exact_top, &*typos, limit, offset)?,
            None => exact_top.into_iter().skip(offset).collect(),
        };
        let mut analyzer = tokenize::text_analyzer();
        top.into_iter()
            .map(|(score, addr)| {
                let mut hit = self.hit(&searcher, addr, score)?;
                hit.snippet = snippet::snippet(&mut analyzer, &hit.text, &highlight);
                Ok(hit)
            })
            .collect()
    }

    fn hit(&self, searcher: &Searcher, addr: DocAddress, score: Score) -> Result<Hit> {
        let doc: TantivyDocument = searcher.doc(addr)?;
        let f = &self.fields;
        let text = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_str().map(str::to_owned))
        };
        let num = |field| doc.get_first(field).and_then(|v| v.as_u64()).unwrap_or(0);
        let small = |field| u32::try_from(num(field)).unwrap_or(u32::MAX);
        Ok(Hit {
            episode: doc
                .get_first(f.episode)
                .and_then(|v| v.as_i64())
                .unwrap_or(0),
            passage: small(f.passage),
            segment: small(f.segment),
            start_ms: num(f.start_ms),
            end_ms: num(f.end_ms),
            speaker: text(f.speaker),
            boilerplate: doc
                .get_first(f.boilerplate)
                .and_then(|v| v.as_bool())
                .unwrap_or(false),
            show: text(f.show).unwrap_or_default(),
            title: text(f.title).unwrap_or_default(),
            published: doc
                .get_first(f.published)
                .and_then(|v| v.as_i64())
                .and_then(|d| i32::try_from(d).ok())
                .and_then(NaiveDate::from_num_days_from_ce_opt),
            source: text(f.source).unwrap_or_default(),
            score,
            snippet: String::new(),
            text: text(f.text).unwrap_or_default(),
        })
    }
}

/// Extra hits fetched by plain score, so that boilerplate ranked down can be made up for.
const MARGIN: usize = 16;

/// Ranks a search's matches: by score, boilerplate ranked down, the proximity bonus added.
struct Ranked<'a> {
    searcher: &'a Searcher,
    near: Option<&'a Proximity>,
}

impl Ranked<'_> {
    /// The page at `offset` of `first`, every exact match (best first, fewer than `offset +
    /// limit` of them), followed by every other match of `typos` (a superset of the exact
    /// query's), best first.
    fn typos_after_exact(
        &self,
        first: Vec<(Score, DocAddress)>,
        typos: &dyn tantivy::query::Query,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<(Score, DocAddress)>> {
        let seen: HashSet<DocAddress> = first.iter().map(|(_, addr)| *addr).collect();
        // At most `first.len()` of the typo tier's best `offset + limit` are exact matches, so
        // what is left still reaches past the page's end.
        let rest: Vec<(Score, DocAddress)> = self
            .top(typos, offset + limit, 0)?
            .into_iter()
            .filter(|(_, addr)| !seen.contains(addr))
            .collect();
        // Scores keep to the order: the typo tier is scaled to sit just below the last exact match.
        let scale = match (first.last(), rest.first()) {
            (Some((floor, _)), Some((top, _))) if *top > 0.0 => (0.99 * floor / top).min(1.0),
            _ => 1.0,
        };
        let rest = rest.into_iter().map(|(score, addr)| (score * scale, addr));
        Ok(first
            .into_iter()
            .chain(rest)
            .skip(offset)
            .take(limit)
            .collect())
    }

    /// The `limit` best passages after `offset`, boilerplate's scores multiplied by
    /// [`BOILERPLATE_FACTOR`].
    ///
    /// First the best `offset + limit + MARGIN` by plain score, which tantivy finds fastest
    /// (skipping whole blocks of passages that cannot make the cut); re-ranked, they are the true
    /// answer when enough of them keep a score at least the lowest plain score among them, since no
    /// passage left out can score more than that. Otherwise every match is scored with the factor.
    fn top(
        &self,
        query: &dyn tantivy::query::Query,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<(Score, DocAddress)>> {
        let searcher = self.searcher;
        let want = offset + limit;
        let window = match self.near {
            Some(_) => (want + MARGIN).max(proximity::WINDOW),
            None => want + MARGIN,
        };
        let mut fetched = searcher.search(query, &TopDocs::with_limit(window))?;
        let floor = fetched.last().map_or(0.0, |(s, _)| *s);
        let complete = fetched.len() < window;
        if let Some(near) = self.near {
            near.rescore(searcher, &mut fetched)?;
        }
        let mut columns: Vec<Option<tantivy::columnar::Column<bool>>> = Vec::new();
        for segment in searcher.segment_readers() {
            columns.push(segment.fast_fields().bool("boilerplate").ok());
        }
        let mut tweaked: Vec<(Score, DocAddress)> = fetched
            .into_iter()
            .map(|(score, addr)| {
                let col = columns
                    .get(addr.segment_ord as usize)
                    .and_then(Option::as_ref);
                let boilerplate = col.is_some_and(|c| c.first(addr.doc_id) == Some(true));
                let score = if boilerplate {
                    score * BOILERPLATE_FACTOR
                } else {
                    score
                };
                (score, addr)
            })
            .collect();
        let safe = tweaked.iter().filter(|(s, _)| *s >= floor).count();
        if !complete && safe < want {
            let collector = TopDocs::with_limit(limit).and_offset(offset).tweak_score(
                |segment: &SegmentReader| {
                    let boilerplate = segment.fast_fields().bool("boilerplate").ok();
                    move |doc: DocId, score: Score| match &boilerplate {
                        Some(col) if col.first(doc) == Some(true) => score * BOILERPLATE_FACTOR,
                        _ => score,
                    }
                },
            );
            return Ok(searcher.search(query, &collector)?);
        }
        // Best first; equal scores in index order, as tantivy orders them.
        tweaked.sort_by(|a, b| {
            b.0.total_cmp(&a.0)
                .then(a.1.segment_ord.cmp(&b.1.segment_ord))
                .then(a.1.doc_id.cmp(&b.1.doc_id))
        });
        Ok(tweaked.into_iter().skip(offset).take(limit).collect())
    }
}
