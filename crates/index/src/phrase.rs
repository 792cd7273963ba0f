//! A phrase of word pairs that skips the passages that cannot make the top hits.
//!
//! tantivy's phrase scorer reads the positions of every passage holding all of a phrase's
//! terms and scores each: a phrase of common words ("the end of the") costs as many position
//! reads as it has matches, though a page shows ten. [`PairPhrase`] scores exactly as
//! tantivy's [`PhraseQuery`] does, but when the search only wants the best hits it first bounds
//! each passage's score from its rarest term alone. The phrase occurs in a passage at most as
//! often as that term does, and BM25 grows with the count, so a passage whose bound does not
//! beat the current cut is passed over without reading a single position.

use tantivy::postings::Postings;
use tantivy::query::{Bm25Weight, EnableScoring, PhraseQuery, Query, Weight};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, Score, SegmentReader, Term, TERMINATED};

use crate::pruned::{self, BestHits, PrunedWeight};
use crate::walk::{Aligned, Walk};

/// Terms standing one after another in a field (each one position after the last), scored
/// like tantivy's [`PhraseQuery`] of the same terms.
#[derive(Clone, Debug)]
pub(crate) struct PairPhrase {
    terms: Vec<Term>,
    inner: PhraseQuery,
}

impl PairPhrase {
    /// The phrase of `terms` (at least two, all of one field indexed with positions).
    pub fn new(terms: Vec<Term>) -> Self {
        PairPhrase {
            inner: PhraseQuery::new(terms.clone()),
            terms,
        }
    }
}

impl Query for PairPhrase {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let best = match enable_scoring {
            // As tantivy's phrase weighs it: the idf of every term, summed.
            EnableScoring::Enabled {
                statistics_provider,
                ..
            } => Some(BestPhrases {
                terms: self.terms.clone(),
                similarity: Bm25Weight::for_terms(statistics_provider, &self.terms)?,
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

/// The search for a phrase's best hits.
struct BestPhrases {
    terms: Vec<Term>,
    similarity: Bm25Weight,
}

impl BestHits for BestPhrases {
    fn for_each_pruning(
        &self,
        threshold: Score,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(DocId, Score) -> Score,
    ) -> tantivy::Result<()> {
        let similarity = &self.similarity;
        let Some(field) = self.terms.first().map(Term::field) else {
            return Ok(());
        };
        let Some(mut walk) = Walk::open(
            reader,
            &self.terms,
            IndexRecordOption::WithFreqsAndPositions,
        )?
        else {
            // A term this segment lacks: the phrase is not in it.
            return Ok(());
        };
        let fieldnorms = pruned::fieldnorms(reader, field)?;
        let mut starts = Starts::default();
        let mut threshold = threshold;
        let mut doc = walk.driver().doc();
        while doc != TERMINATED {
            let norm = fieldnorms.fieldnorm_id(doc);
            // The phrase occurs here at most as often as its rarest term does.
            if similarity.score(norm, walk.driver().term_freq()) <= threshold {
                doc = walk.driver().advance();
                continue;
            }
            match walk.align(doc) {
                Aligned::All => {
                    let count = starts.count(&mut walk);
                    if count > 0 {
                        let score = similarity.score(norm, count);
                        if score > threshold {
                            threshold = callback(doc, score);
                        }
                    }
                    doc = walk.driver().advance();
                }
                Aligned::NotBefore(next) => doc = walk.driver().seek(next),
            }
        }
        Ok(())
    }
}

/// Where a phrase starts in a passage, by each of its terms' positions.
#[derive(Default)]
struct Starts {
    positions: Vec<u32>,
    starts: Vec<u32>,
}

impl Starts {
    /// How often the terms of `walk` (aligned on one passage) stand there in a row.
    fn count(&mut self, walk: &mut Walk) -> u32 {
        // Where the phrase would start, by each term's positions: kept only where all agree.
        self.starts.clear();
        for (offset, p) in walk.postings.iter_mut().enumerate() {
            let offset = offset as u32;
            p.positions(&mut self.positions);
            let starts = self
                .positions
                .iter()
                .filter_map(|&pos| pos.checked_sub(offset));
            if offset == 0 {
                self.starts.extend(starts);
            } else {
                let mut starts = starts.peekable();
                self.starts.retain(|s| {
                    while starts.next_if(|x| x < s).is_some() {}
                    starts.peek() == Some(s)
                });
            }
            if self.starts.is_empty() {
                return 0;
            }
        }
        self.starts.len() as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::TopDocs;
    use tantivy::schema::{Schema, TextFieldIndexing, TextOptions};
    use tantivy::{doc, Index};

    /// An index of `texts` (one document each) with a positional text field.
    fn index(texts: &[String]) -> (Index, tantivy::schema::Field) {
        let mut b = Schema::builder();
        let options = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("default")
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        );
        let field = b.add_text_field("text", options);
        let index = Index::create_in_ram(b.build());
        let mut w = index.writer_with_num_threads(1, 15_000_000).unwrap();
        for t in texts {
            w.add_document(doc!(field => t.as_str())).unwrap();
        }
        w.commit().unwrap();
        (index, field)
    }

    fn terms(field: tantivy::schema::Field, words: &str) -> Vec<Term> {
        words
            .split(' ')
            .map(|w| Term::from_field_text(field, w))
            .collect()
    }

    /// Varied texts: the phrase once, twice, broken up, reversed, in short and long passages.
    fn texts() -> Vec<String> {
        (0..600)
            .map(|i| {
                let filler = "word ".repeat(i % 37);
                match i % 6 {
                    0 => format!("at the end of the day {filler}"),
                    1 => format!("{filler} the end of the road and the end of the line"),
                    2 => format!("the end {filler} of the year"),
                    3 => format!("of the end the {filler}"),
                    4 => format!("end of the end of the end {filler}"),
                    _ => format!("nothing here {filler}"),
                }
            })
            .collect()
    }

    #[test]
    fn best_hits_and_scores_equal_tantivys_phrase() {
        let (index, field) = index(&texts());
        let searcher = index.reader().unwrap().searcher();
        for words in ["the end of the", "end of the end", "of the", "end of"] {
            for limit in [1, 10, 500] {
                let ours = PairPhrase::new(terms(field, words));
                let theirs = PhraseQuery::new(terms(field, words));
                let top = TopDocs::with_limit(limit);
                let a = searcher.search(&ours, &top).unwrap();
                let b = searcher.search(&theirs, &top).unwrap();
                assert_eq!(a, b, "{words:?}, {limit} hits");
                assert!(!a.is_empty());
                assert_eq!(
                    searcher.search(&ours, &tantivy::collector::Count).unwrap(),
                    searcher
                        .search(&theirs, &tantivy::collector::Count)
                        .unwrap()
                );
            }
        }
    }

    #[test]
    fn counts_overlapping_occurrences() {
        let (index, field) = index(&["end of the end of the end".to_string()]);
        let searcher = index.reader().unwrap().searcher();
        let ours = PairPhrase::new(terms(field, "end of the end"));
        let theirs = PhraseQuery::new(terms(field, "end of the end"));
        let top = TopDocs::with_limit(1);
        assert_eq!(
            searcher.search(&ours, &top).unwrap(),
            searcher.search(&theirs, &top).unwrap()
        );
    }

    #[test]
    fn a_missing_term_finds_nothing() {
        let (index, field) = index(&texts());
        let searcher = index.reader().unwrap().searcher();
        let ours = PairPhrase::new(terms(field, "the end of nowhere"));
        assert!(searcher
            .search(&ours, &TopDocs::with_limit(10))
            .unwrap()
            .is_empty());
    }
}
