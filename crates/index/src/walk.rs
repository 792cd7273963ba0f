//! Walking the postings of several terms together, candidates taken from the rarest (for the
//! pruned phrase of [`crate::phrase`]).

use tantivy::postings::SegmentPostings;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, SegmentReader, Term};

/// The postings of some terms, walked together behind the one with the fewest passages.
pub(crate) struct Walk {
    /// In the order the terms were given.
    pub postings: Vec<SegmentPostings>,
    /// Index of the term with the fewest passages, whose passages are the candidates.
    driver: usize,
}

/// Where the terms stand at a candidate passage.
pub(crate) enum Aligned {
    /// Every term is in the passage.
    All,
    /// Some term is missing: no passage before this one holds them all.
    NotBefore(DocId),
}

impl Walk {
    /// The postings of `terms` in `reader`'s segment, or `None` when one of them is not in it
    /// (no passage there holds them all).
    pub fn open(
        reader: &SegmentReader,
        terms: &[Term],
        option: IndexRecordOption,
    ) -> tantivy::Result<Option<Self>> {
        let mut postings = Vec::with_capacity(terms.len());
        for term in terms {
            match reader
                .inverted_index(term.field())?
                .read_postings(term, option)?
            {
                Some(p) => postings.push(p),
                None => return Ok(None),
            }
        }
        let driver = (0..postings.len())
            .min_by_key(|&i| postings[i].doc_freq())
            .unwrap_or(0);
        Ok(Some(Walk { postings, driver }))
    }

    /// The postings of the term whose passages are the candidates.
    pub fn driver(&mut self) -> &mut SegmentPostings {
        &mut self.postings[self.driver]
    }

    /// Moves every term to `doc` or to the first passage past it that holds it.
    pub fn align(&mut self, doc: DocId) -> Aligned {
        let mut furthest = doc;
        for p in &mut self.postings {
            let at = if p.doc() < doc { p.seek(doc) } else { p.doc() };
            furthest = furthest.max(at);
        }
        if furthest == doc {
            Aligned::All
        } else {
            Aligned::NotBefore(furthest)
        }
    }
}
