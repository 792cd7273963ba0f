//! Property tests: on any small corpus, the pruned phrase and conjunction find the same best
//! hits, with the same scores, as tantivy's own phrase and conjunction.

use proptest::prelude::*;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, ConstScoreQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED,
};
use tantivy::{doc, Index, Term};

use crate::conjunction::{AllTerms, DaySpan};
use crate::phrase::PairPhrase;

const WORDS: [&str; 5] = ["a", "b", "c", "d", "e"];

/// An index of `docs` (word numbers, a day each), committed in two segments.
fn index(docs: &[(Vec<usize>, i64)]) -> (Index, Field, Field) {
    let mut b = Schema::builder();
    let options = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("default")
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let text = b.add_text_field("text", options);
    let day = b.add_i64_field("day", INDEXED | FAST);
    let index = Index::create_in_ram(b.build());
    let mut w = index.writer_with_num_threads(1, 15_000_000).unwrap();
    w.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
    for (n, (words, d)) in docs.iter().enumerate() {
        let words: Vec<&str> = words.iter().map(|&i| WORDS[i]).collect();
        w.add_document(doc!(text => words.join(" "), day => *d))
            .unwrap();
        if n == docs.len() / 2 {
            w.commit().unwrap();
        }
    }
    w.commit().unwrap();
    (index, text, day)
}

fn terms(field: Field, words: &[usize]) -> Vec<Term> {
    words
        .iter()
        .map(|&i| Term::from_field_text(field, WORDS[i]))
        .collect()
}

fn corpus() -> impl Strategy<Value = Vec<(Vec<usize>, i64)>> {
    prop::collection::vec(
        (prop::collection::vec(0..WORDS.len(), 0..30), 0i64..10),
        1..200,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(60))]

    #[test]
    fn the_pruned_phrase_finds_what_tantivys_finds(
        docs in corpus(),
        words in prop::collection::vec(0..WORDS.len(), 2..5),
        limit in 1usize..40,
    ) {
        let (index, text, _) = index(&docs);
        let searcher = index.reader().unwrap().searcher();
        let top = TopDocs::with_limit(limit);
        let ours = searcher.search(&PairPhrase::new(terms(text, &words)), &top).unwrap();
        let theirs = searcher.search(&PhraseQuery::new(terms(text, &words)), &top).unwrap();
        prop_assert_eq!(ours, theirs);
    }

    #[test]
    fn the_pruned_conjunction_finds_what_tantivys_finds(
        docs in corpus(),
        words in prop::collection::vec(0..WORDS.len(), 1..4),
        span in prop::option::of((0i64..10, 0i64..10)),
        limit in 1usize..40,
    ) {
        let (index, text, day) = index(&docs);
        let searcher = index.reader().unwrap().searcher();
        let days = span.map(|(first, last)| DaySpan { field: day, first, last });
        let clauses = terms(text, &words)
            .into_iter()
            .map(|t| -> Box<dyn Query> { Box::new(TermQuery::new(t, IndexRecordOption::WithFreqs)) })
            .chain(days.iter().map(|d| -> Box<dyn Query> {
                Box::new(ConstScoreQuery::new(Box::new(d.query()), 0.0))
            }))
            .map(|q| (Occur::Must, q))
            .collect();
        let top = TopDocs::with_limit(limit);
        let ours = searcher.search(&AllTerms::new(terms(text, &words), Vec::new(), days), &top).unwrap();
        let theirs = searcher.search(&BooleanQuery::new(clauses), &top).unwrap();
        prop_assert_eq!(ours, theirs);
    }
}
