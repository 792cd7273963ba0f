//! The proximity bonus of a multi-word query: passages where the words stand close together,
//! in the order typed, score extra. It is a rescoring of the best passages (as Elasticsearch's
//! `rescore` does), not a clause of the query: a clause would read the positions of every
//! passage holding all the words, where this reads them for a window of the best few.

use tantivy::postings::{Postings, SegmentPostings};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, DocSet, Score, Searcher, Term};

use crate::error::Result;

/// The words may stand this many positions further apart in all than side by side.
pub const PROXIMITY_SLOP: u32 = 4;
/// Weight of the bonus against the words' own scores.
pub const PROXIMITY_BOOST: f32 = 1.0;
/// The best this many passages (at least) are rescored.
pub const WINDOW: usize = 64;
/// BM25's term-frequency saturation, applied to the count of close occurrences.
const K1: f32 = 1.2;

/// The words a query wants close together, and what their closeness is worth.
pub(crate) struct Proximity {
    terms: Vec<Term>,
    /// The sum of the words' inverse document frequencies, as a phrase query weighs them.
    weight: f32,
}

impl Proximity {
    /// The bonus for `terms` (in the order typed) with the inverse document frequency `idf`;
    /// `None` for fewer than two words.
    pub fn new(terms: Vec<Term>, idf: impl Fn(&Term) -> Result<f32>) -> Result<Option<Self>> {
        if terms.len() < 2 {
            return Ok(None);
        }
        let mut weight = 0.0;
        for t in &terms {
            weight += idf(t)?;
        }
        Ok(Some(Proximity { terms, weight }))
    }

    /// Adds the bonus to each scored passage in `hits`.
    pub fn rescore(&self, searcher: &Searcher, hits: &mut [(Score, DocAddress)]) -> Result<()> {
        let mut order: Vec<usize> = (0..hits.len()).collect();
        order.sort_by_key(|&i| hits[i].1);
        let mut postings: Vec<Option<SegmentPostings>> = Vec::new();
        let mut segment = None;
        let mut positions: Vec<Vec<u32>> = vec![Vec::new(); self.terms.len()];
        for i in order {
            let addr = hits[i].1;
            if segment != Some(addr.segment_ord) {
                segment = Some(addr.segment_ord);
                postings = self.postings(searcher, addr.segment_ord)?;
            }
            let mut all_present = true;
            for (p, out) in postings.iter_mut().zip(positions.iter_mut()) {
                out.clear();
                // Passages come in increasing order, so a postings list past this one lacks it.
                let found = p
                    .as_mut()
                    .is_some_and(|p| p.doc() <= addr.doc_id && p.seek(addr.doc_id) == addr.doc_id);
                match p {
                    Some(p) if found => p.positions(out),
                    _ => all_present = false,
                }
            }
            if all_present {
                let close = close_occurrences(&positions, PROXIMITY_SLOP) as f32;
                if close > 0.0 {
                    hits[i].0 += PROXIMITY_BOOST * self.weight * (K1 + 1.0) * close / (close + K1);
                }
            }
        }
        Ok(())
    }

    fn postings(&self, searcher: &Searcher, segment: u32) -> Result<Vec<Option<SegmentPostings>>> {
        let reader = searcher.segment_reader(segment);
        self.terms
            .iter()
            .map(|t| {
                let inverted = reader.inverted_index(t.field())?;
                Ok(inverted.read_postings(t, IndexRecordOption::WithFreqsAndPositions)?)
            })
            .collect()
    }
}

/// How many occurrences of the first word start a run of the others, each after the one
/// before, spanning at most `slop` positions more than side by side. `positions` holds each
/// word's positions in increasing order.
pub fn close_occurrences(positions: &[Vec<u32>], slop: u32) -> u32 {
    let Some((first, rest)) = positions.split_first() else {
        return 0;
    };
    let words = positions.len() as u32;
    let mut count = 0;
    'start: for &start in first {
        let mut at = start;
        for next in rest {
            // The earliest occurrence after the last word ends the run soonest.
            match next.iter().find(|&&p| p > at) {
                Some(&p) => at = p,
                None => break 'start,
            }
        }
        if at - start <= words - 1 + slop {
            count += 1;
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_runs_in_order_are_counted() {
        // "ferry harbour" side by side twice, then far apart.
        let p = vec![vec![1, 10, 40], vec![2, 11, 60]];
        assert_eq!(close_occurrences(&p, 4), 2);
        assert_eq!(close_occurrences(&p, 0), 2);
        // Out of order does not count.
        assert_eq!(close_occurrences(&[vec![5], vec![3]], 4), 0);
        // Three words within the slop, and just past it.
        assert_eq!(close_occurrences(&[vec![0], vec![3], vec![6]], 4), 1);
        assert_eq!(close_occurrences(&[vec![0], vec![3], vec![7]], 4), 0);
        assert_eq!(close_occurrences(&[], 4), 0);
        assert_eq!(close_occurrences(&[vec![], vec![1]], 4), 0);
    }
}
