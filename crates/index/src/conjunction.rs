//! Words that must all be in a passage, searched so that passages which cannot make the top
//! hits are passed over.
//!
//! tantivy scores a conjunction ("every one of these terms") by stepping through every passage
//! that holds all the terms: two common words ("after here") cost as many look-ups as they
//! have passages in common, though a page shows ten. [`AllTerms`] scores exactly as tantivy's
//! [`BooleanQuery`] of the same `Must` terms does, but when the search only wants the best hits
//! it first bounds a candidate's score from its rarest term's score plus the most the other
//! terms could add in a passage of that length, and looks no further into a passage whose bound
//! does not beat the current cut.

use tantivy::fieldnorm::FieldNormReader;
use tantivy::postings::{BlockSegmentPostings, Postings};
use tantivy::query::{
    Bm25Weight, BooleanQuery, EnableScoring, Explanation, Occur, Query, Scorer, TermQuery, Weight,
};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, Score, SegmentReader, Term, TERMINATED};

/// Terms of one field that must all be in a passage, scored like tantivy's [`BooleanQuery`]
/// of their [`TermQuery`]s (with frequencies), all `Must`.
#[derive(Clone, Debug)]
pub(crate) struct AllTerms {
    terms: Vec<Term>,
    inner: BooleanQuery,
}

impl AllTerms {
    /// All of `terms` (at least two, of one field indexed with frequencies).
    pub fn new(terms: Vec<Term>) -> Self {
        let clauses = terms
            .iter()
            .map(|t| -> (Occur, Box<dyn Query>) {
                let q = TermQuery::new(t.clone(), IndexRecordOption::WithFreqs);
                (Occur::Must, Box::new(q))
            })
            .collect();
        AllTerms {
            inner: BooleanQuery::new(clauses),
            terms,
        }
    }
}

impl Query for AllTerms {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let similarities = match enable_scoring {
            // As tantivy's term query weighs each term.
            EnableScoring::Enabled {
                statistics_provider,
                ..
            } => Some(
                self.terms
                    .iter()
                    .map(|t| Bm25Weight::for_terms(statistics_provider, std::slice::from_ref(t)))
                    .collect::<tantivy::Result<Vec<_>>>()?,
            ),
            EnableScoring::Disabled { .. } => None,
        };
        Ok(Box::new(AllTermsWeight {
            inner: self.inner.weight(enable_scoring)?,
            terms: self.terms.clone(),
            similarities,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.inner.query_terms(visitor);
    }
}

struct AllTermsWeight {
    /// tantivy's conjunction: every use but the search for the best hits.
    inner: Box<dyn Weight>,
    terms: Vec<Term>,
    /// Each term's BM25 weight, in the order of `terms`.
    similarities: Option<Vec<Bm25Weight>>,
}

impl Weight for AllTermsWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        self.inner.scorer(reader, boost)
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        self.inner.explain(reader, doc)
    }

    fn count(&self, reader: &SegmentReader) -> tantivy::Result<u32> {
        self.inner.count(reader)
    }

    fn for_each_pruning(
        &self,
        threshold: Score,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(DocId, Score) -> Score,
    ) -> tantivy::Result<()> {
        let (Some(similarities), Some(field)) =
            (&self.similarities, self.terms.first().map(Term::field))
        else {
            return self.inner.for_each_pruning(threshold, reader, callback);
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
        // tantivy adds the scores of the commonest terms last: so do we, to the last bit.
        let mut order: Vec<usize> = (0..blocks.len()).collect();
        order.sort_by_key(|&i| blocks[i].doc_freq());
        let driver_term = order[0];
        let Some(mut driver) =
            inverted.read_postings(&self.terms[driver_term], IndexRecordOption::WithFreqs)?
        else {
            return Ok(());
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
        let fieldnorms = match reader.fieldnorms_readers().get_field(field)? {
            Some(norms) => norms,
            None => FieldNormReader::constant(reader.max_doc(), 1),
        };
        let mut freqs = vec![0u32; self.terms.len()];
        let mut threshold = threshold;
        let mut doc = driver.doc();
        'candidates: while doc != TERMINATED {
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
            if next > doc {
                doc = driver.seek(next);
                continue;
            }
            let score = sum_in_order(&order, |i| similarities[i].score(norm, freqs[i]));
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
    use tantivy::schema::{Schema, TextFieldIndexing, TextOptions};
    use tantivy::{doc, Index};

    /// An index of `texts`, one document each, committed in `batches` segments.
    fn index(texts: &[String], batches: usize) -> (Index, tantivy::schema::Field) {
        let mut b = Schema::builder();
        let options = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("default")
                .set_index_option(IndexRecordOption::WithFreqs),
        );
        let field = b.add_text_field("text", options);
        let index = Index::create_in_ram(b.build());
        let mut w = index.writer_with_num_threads(1, 15_000_000).unwrap();
        w.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
        for chunk in texts.chunks(texts.len().div_ceil(batches)) {
            for t in chunk {
                w.add_document(doc!(field => t.as_str())).unwrap();
            }
            w.commit().unwrap();
        }
        (index, field)
    }

    fn terms(field: tantivy::schema::Field, words: &str) -> Vec<Term> {
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

    #[test]
    fn best_hits_and_scores_equal_tantivys_conjunction() {
        for batches in [1, 3] {
            let (index, field) = index(&texts(), batches);
            let searcher = index.reader().unwrap().searcher();
            for words in [
                "after here",
                "here after",
                "after here signal",
                "signal later after here",
            ] {
                let theirs = BooleanQuery::new(
                    terms(field, words)
                        .into_iter()
                        .map(|t| -> (Occur, Box<dyn Query>) {
                            (
                                Occur::Must,
                                Box::new(TermQuery::new(t, IndexRecordOption::WithFreqs)),
                            )
                        })
                        .collect(),
                );
                let ours = AllTerms::new(terms(field, words));
                for limit in [1, 10, 64, 1000] {
                    let top = TopDocs::with_limit(limit);
                    let a = searcher.search(&ours, &top).unwrap();
                    let b = searcher.search(&theirs, &top).unwrap();
                    assert_eq!(a, b, "{words:?}, {limit} hits, {batches} segments");
                    assert!(!a.is_empty());
                }
                assert_eq!(
                    searcher.search(&ours, &Count).unwrap(),
                    searcher.search(&theirs, &Count).unwrap()
                );
            }
        }
    }

    #[test]
    fn a_missing_term_finds_nothing() {
        let (index, field) = index(&texts(), 1);
        let searcher = index.reader().unwrap().searcher();
        let ours = AllTerms::new(terms(field, "after nowhere"));
        assert!(searcher
            .search(&ours, &TopDocs::with_limit(10))
            .unwrap()
            .is_empty());
    }
}
