//! Words that must all be in a passage (within filters), searched so that passages which
//! cannot make the top hits are passed over.
//!
//! tantivy scores a conjunction ("every one of these terms") by stepping through every passage
//! that holds all the terms: two common words ("after here") cost as many look-ups as they
//! have passages in common, though a page shows ten. [`AllTerms`] scores exactly as tantivy's
//! [`BooleanQuery`] of the same `Must` terms does, but when the search only wants the best hits
//! it first bounds a candidate's score from its rarest term's score plus the most the other
//! terms could add in a passage of that length, and looks no further into a passage whose bound
//! does not beat the current cut. Filters (a show, a span of dates) are only asked about the
//! passages that pass.

use std::ops::Bound;
use tantivy::postings::BlockSegmentPostings;
use tantivy::query::{
    Bm25Weight, BooleanQuery, ConstScoreQuery, EnableScoring, Occur, Query, QueryClone, TermQuery,
    Weight,
};

use tantivy::query::RangeQuery;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term, TERMINATED};

use crate::pruned::{self, BestHits, PrunedWeight};

/// The days (as days since the common era, in a fast `i64` field) a passage must be from,
/// both ends included.
#[derive(Clone, Debug)]
pub(crate) struct DaySpan {
    pub field: Field,
    pub first: i64,
    pub last: i64,
}

impl DaySpan {
    /// The span as a query.
    pub fn query(&self) -> RangeQuery {
        let end = |day: i64, open: bool| {
            if open {
                Bound::Unbounded
            } else {
                Bound::Included(Term::from_field_i64(self.field, day))
            }
        };
        RangeQuery::new(
            end(self.first, self.first == i64::MIN),
            end(self.last, self.last == i64::MAX),
        )
    }

    fn holds(&self, day: i64) -> bool {
        (self.first..=self.last).contains(&day)
    }
}

/// Terms of one field that must all be in a passage, and filters it must pass, scored like
/// tantivy's [`BooleanQuery`] of their [`TermQuery`]s (with frequencies) followed by the
/// filters scoring 0, all `Must`.
#[derive(Clone, Debug)]
pub(crate) struct AllTerms {
    terms: Vec<Term>,
    filters: Vec<ConstScoreQuery>,
    days: Option<DaySpan>,
    inner: BooleanQuery,
}

impl AllTerms {
    /// All of `terms` (at least one, all of one field indexed with frequencies), within
    /// `filters` and `days`.
    pub fn new(terms: Vec<Term>, filters: Vec<Box<dyn Query>>, days: Option<DaySpan>) -> Self {
        let filters: Vec<ConstScoreQuery> = filters
            .into_iter()
            .map(|f| ConstScoreQuery::new(f, 0.0))
            .collect();
        // The span is checked in the fast field, passage by passage; tantivy's range query,
        // which reads the field ahead in batches, is for every other use.
        let span = days.iter().map(|d| -> Box<dyn Query> {
            Box::new(ConstScoreQuery::new(Box::new(d.query()), 0.0))
        });
        let clauses = terms
            .iter()
            .map(|t| -> Box<dyn Query> {
                Box::new(TermQuery::new(t.clone(), IndexRecordOption::WithFreqs))
            })
            .chain(filters.iter().map(|f| f.box_clone()))
            .chain(span)
            .map(|q| (Occur::Must, q))
            .collect();
        AllTerms {
            inner: BooleanQuery::new(clauses),
            terms,
            filters,
            days,
        }
    }
}

impl Query for AllTerms {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let best = match enable_scoring {
            // As tantivy's term query weighs each term.
            EnableScoring::Enabled {
                statistics_provider,
                ..
            } => Some(BestMatches {
                similarities: self
                    .terms
                    .iter()
                    .map(|t| Bm25Weight::for_terms(statistics_provider, std::slice::from_ref(t)))
                    .collect::<tantivy::Result<Vec<_>>>()?,
                terms: self.terms.clone(),
                filters: self
                    .filters
                    .iter()
                    .map(|f| f.weight(enable_scoring))
                    .collect::<tantivy::Result<_>>()?,
                days: self.days.clone(),
            }),
            EnableScoring::Disabled { .. } => None,
        };
        Ok(Box::new(PrunedWeight {
            inner: self.inner.weight(enable_scoring)?,
            best,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.inner.query_terms(visitor);
    }
}

/// The search for the best passages holding every term.
struct BestMatches {
    terms: Vec<Term>,
    /// Each term's BM25 weight, in the order of `terms`.
    similarities: Vec<Bm25Weight>,
    filters: Vec<Box<dyn Weight>>,
    days: Option<DaySpan>,
}

impl BestHits for BestMatches {
    fn for_each_pruning(
        &self,
        threshold: Score,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(DocId, Score) -> Score,
    ) -> tantivy::Result<()> {
        let similarities = &self.similarities;
        let Some(field) = self.terms.first().map(Term::field) else {
            return Ok(());
        };
        let inverted = reader.inverted_index(field)?;
        let mut blocks = Vec::with_capacity(self.terms.len());
        for term in &self.terms {
            match inverted.read_block_postings(term, IndexRecordOption::WithFreqs)? {
                Some(b) => blocks.push(b),
                // A term this segment lacks: no passage here holds them all.
                None => return Ok(()),
            }
        }
        let mut filters = self
            .filters
            .iter()
            .map(|f| f.scorer(reader, 1.0))
            .collect::<tantivy::Result<Vec<_>>>()?;
        // tantivy adds the scores of the commonest clauses last (terms first, then filters, by
        // how many passages they hold): so do we, to the last bit. A filter adds 0.
        let sizes: Vec<u32> = blocks
            .iter()
            .map(BlockSegmentPostings::doc_freq)
            .chain(filters.iter().map(|f| f.size_hint()))
            .collect();
        let mut order: Vec<usize> = (0..sizes.len()).collect();
        order.sort_by_key(|&i| sizes[i]);
        let Some(driver_term) = order.iter().copied().find(|&i| i < blocks.len()) else {
            return Ok(());
        };
        let Some(driver) =
            inverted.read_block_postings(&self.terms[driver_term], IndexRecordOption::WithFreqs)?
        else {
            return Ok(());
        };
        let mut driver = Driver {
            postings: driver,
            at: 0,
        };
        let mut others: Vec<Other> = blocks
            .into_iter()
            .enumerate()
            .filter(|(i, _)| *i != driver_term)
            .map(|(term, postings)| Other {
                term,
                postings,
                started: false,
                at: 0,
            })
            .collect();
        let fieldnorms = pruned::fieldnorms(reader, field)?;
        let days = match &self.days {
            Some(span) => {
                let name = reader.schema().get_field_name(span.field);
                Some((span, reader.fast_fields().i64(name)?))
            }
            None => None,
        };
        let mut freqs = vec![0u32; self.terms.len()];
        let score_of = |i: usize, norm: u8, freqs: &[u32]| match similarities.get(i) {
            Some(s) => s.score(norm, freqs[i]),
            None => 0.0,
        };
        // The most the other terms can add anywhere: what a whole block of the rarest term's
        // passages is skipped by.
        let rest: Score = others
            .iter()
            .map(|o| similarities[o.term].max_score())
            .sum();
        let mut threshold = threshold;
        let mut doc = driver.doc();
        'candidates: while doc != TERMINATED {
            let best = driver
                .postings
                .block_max_score(&fieldnorms, &similarities[driver_term]);
            if (best + rest) * SAFETY <= threshold {
                doc = driver.next_block();
                continue;
            }
            let norm = fieldnorms.fieldnorm_id(doc);
            freqs[driver_term] = driver.term_freq();
            // The best the other terms score anywhere in the blocks of their passages that
            // take in this one.
            let mut bound = similarities[driver_term].score(norm, freqs[driver_term]);
            for o in &mut others {
                if !o.reach(doc) {
                    break 'candidates;
                }
                bound += o
                    .postings
                    .block_max_score(&fieldnorms, &similarities[o.term]);
            }
            if bound * SAFETY <= threshold {
                doc = driver.advance();
                continue;
            }
            let mut next = doc;
            for o in &mut others {
                match o.freq_at(doc) {
                    Ok(tf) => freqs[o.term] = tf,
                    Err(further) => next = next.max(further),
                }
            }
            if next == doc {
                for f in &mut filters {
                    let at = if f.doc() < doc { f.seek(doc) } else { f.doc() };
                    next = next.max(at);
                }
            }
            if next > doc {
                doc = driver.seek(next);
                continue;
            }
            // Last, since tantivy's range query (in every other use) has as many passages as
            // the segment and so comes last in its sum too, adding 0.
            if let Some((span, column)) = &days {
                if !column.first(doc).is_some_and(|day| span.holds(day)) {
                    doc = driver.advance();
                    continue;
                }
            }
            let score = sum_in_order(&order, |i| score_of(i, norm, &freqs));
            if score > threshold {
                threshold = callback(doc, score);
            }
            doc = driver.advance();
        }
        Ok(())
    }
}

/// A bound is raised by this factor before it is compared, so that summing in another order
/// never makes it smaller than the score it bounds.
const SAFETY: Score = 1.0 + 1e-5;

/// The rarest term, read a block of passages at a time, whose passages are the candidates.
struct Driver {
    postings: BlockSegmentPostings,
    /// The candidate's place in the loaded block.
    at: usize,
}

impl Driver {
    /// The candidate passage, or [`TERMINATED`] past the last.
    fn doc(&self) -> DocId {
        self.postings
            .docs()
            .get(self.at)
            .copied()
            .unwrap_or(TERMINATED)
    }

    fn term_freq(&self) -> u32 {
        self.postings.freq(self.at)
    }

    fn advance(&mut self) -> DocId {
        self.at += 1;
        if self.at >= self.postings.block_len() {
            return self.next_block();
        }
        self.doc()
    }

    /// Skips what is left of the loaded block.
    fn next_block(&mut self) -> DocId {
        if self.postings.block_len() > 0 {
            self.postings.advance();
        }
        self.at = 0;
        self.doc()
    }

    /// The first candidate at or past `target`.
    fn seek(&mut self, target: DocId) -> DocId {
        if self
            .postings
            .docs()
            .last()
            .is_some_and(|&last| last < target)
        {
            self.postings.seek(target);
            self.at = 0;
        }
        let mut doc = self.doc();
        while doc < target {
            doc = self.advance();
        }
        doc
    }
}

/// A term other than the rarest, read a block of passages at a time.
struct Other {
    /// Its index among the query's terms.
    term: usize,
    postings: BlockSegmentPostings,
    /// Whether a block is loaded.
    started: bool,
    /// Where in the loaded block the search for the next passage starts.
    at: usize,
}

impl Other {
    /// Loads the block that holds `doc` if the term is there; false when no passage from
    /// `doc` on holds the term.
    fn reach(&mut self, doc: DocId) -> bool {
        if !self.started || self.postings.docs().last().is_none_or(|&last| last < doc) {
            self.postings.seek(doc);
            self.started = true;
            self.at = 0;
        }
        self.postings.docs().last().is_some_and(|&last| last >= doc)
    }

    /// The term's frequency in `doc` (a passage of the loaded block's span), or the next
    /// passage that holds the term.
    fn freq_at(&mut self, doc: DocId) -> Result<u32, DocId> {
        let docs = self.postings.docs();
        while docs[self.at] < doc {
            self.at += 1;
        }
        if docs[self.at] == doc {
            Ok(self.postings.freqs()[self.at])
        } else {
            Err(docs[self.at])
        }
    }
}

/// Sums the scores of the terms in `order` as tantivy's intersection does: the first two, then
/// the rest summed on their own.
fn sum_in_order(order: &[usize], mut score: impl FnMut(usize) -> Score) -> Score {
    match order {
        [first, second, rest @ ..] => {
            score(*first) + score(*second) + rest.iter().map(|&i| score(i)).sum::<Score>()
        }
        [only] => score(*only),
        [] => 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::{Count, TopDocs};
    use tantivy::schema::{Field, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED, STRING};
    use tantivy::{doc, Index};

    struct Fixture {
        index: Index,
        text: Field,
        day: Field,
        show: Field,
    }

    /// Passages of `texts`, each with a day and a show, committed in `batches` segments.
    fn fixture(texts: &[String], batches: usize) -> Fixture {
        let mut b = Schema::builder();
        let options = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("default")
                .set_index_option(IndexRecordOption::WithFreqs),
        );
        let text = b.add_text_field("text", options);
        let day = b.add_i64_field("day", INDEXED | FAST);
        let show = b.add_text_field("show", STRING);
        let index = Index::create_in_ram(b.build());
        let mut w = index.writer_with_num_threads(1, 15_000_000).unwrap();
        w.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
        for (n, chunk) in texts.chunks(texts.len().div_ceil(batches)).enumerate() {
            for (i, t) in chunk.iter().enumerate() {
                let i = (n * 10_000 + i) as i64;
                let which = if i % 7 == 0 { "rare" } else { "common" };
                w.add_document(doc!(text => t.as_str(), day => i % 365, show => which))
                    .unwrap();
            }
            w.commit().unwrap();
        }
        Fixture {
            index,
            text,
            day,
            show,
        }
    }

    fn terms(field: Field, words: &str) -> Vec<Term> {
        words
            .split(' ')
            .map(|w| Term::from_field_text(field, w))
            .collect()
    }

    /// Texts where the words come alone, together, repeated, in short and long passages.
    fn texts() -> Vec<String> {
        (0..900)
            .map(|i| {
                let filler = "word ".repeat((i * 7) % 41);
                let mut t = String::new();
                for (n, w) in ["after", "here", "signal", "later"].iter().enumerate() {
                    for _ in 0..(i / (n + 2)) % 4 {
                        t.push_str(w);
                        t.push(' ');
                    }
                }
                t + &filler
            })
            .collect()
    }

    /// Filter queries and a span of days.
    type Filters = (Vec<Box<dyn Query>>, Option<DaySpan>);

    /// The filter sets tried: none, spans of days (closed and open), a show, both.
    fn filter_sets(f: &Fixture) -> Vec<Filters> {
        let days = |first, last| {
            Some(DaySpan {
                field: f.day,
                first,
                last,
            })
        };
        let show = || -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(f.show, "rare"),
                IndexRecordOption::Basic,
            ))
        };
        vec![
            (vec![], None),
            (vec![], days(30, 200)),
            (vec![], days(i64::MIN, 100)),
            (vec![], days(300, i64::MAX)),
            (vec![show()], None),
            (vec![show()], days(30, 200)),
        ]
    }

    #[test]
    fn best_hits_and_scores_equal_tantivys_conjunction() {
        for batches in [1, 3] {
            let f = fixture(&texts(), batches);
            let searcher = f.index.reader().unwrap().searcher();
            let words = [
                "after",
                "after here",
                "here after",
                "after here signal",
                "signal later after here",
            ];
            for words in words {
                for (filters, days) in filter_sets(&f) {
                    if words == "after" && filters.is_empty() && days.is_none() {
                        continue;
                    }
                    let theirs = BooleanQuery::new(
                        terms(f.text, words)
                            .into_iter()
                            .map(|t| -> Box<dyn Query> {
                                Box::new(TermQuery::new(t, IndexRecordOption::WithFreqs))
                            })
                            .chain(
                                filters
                                    .iter()
                                    .map(|q| q.box_clone())
                                    .chain(
                                        days.iter()
                                            .map(|d| -> Box<dyn Query> { Box::new(d.query()) }),
                                    )
                                    .map(|q| -> Box<dyn Query> {
                                        Box::new(ConstScoreQuery::new(q, 0.0))
                                    }),
                            )
                            .map(|q| (Occur::Must, q))
                            .collect(),
                    );
                    let described = format!("{words:?} within {} filters, {days:?}", filters.len());
                    let ours = AllTerms::new(terms(f.text, words), filters, days);
                    for limit in [1, 10, 64, 1000] {
                        let top = TopDocs::with_limit(limit);
                        let a = searcher.search(&ours, &top).unwrap();
                        let b = searcher.search(&theirs, &top).unwrap();
                        assert_eq!(a, b, "{described}, {limit} hits, {batches} segments");
                        assert!(!a.is_empty(), "{described}");
                    }
                    assert_eq!(
                        searcher.search(&ours, &Count).unwrap(),
                        searcher.search(&theirs, &Count).unwrap()
                    );
                }
            }
        }
    }

    #[test]
    fn a_missing_term_finds_nothing() {
        let f = fixture(&texts(), 1);
        let searcher = f.index.reader().unwrap().searcher();
        let ours = AllTerms::new(terms(f.text, "after nowhere"), Vec::new(), None);
        assert!(searcher
            .search(&ours, &TopDocs::with_limit(10))
            .unwrap()
            .is_empty());
    }
}
