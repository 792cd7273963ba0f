//! Turns a parsed [`Query`] and [`SearchOptions`] into a tantivy query, and gathers what the
//! snippets must mark. Each loose word becomes a group "the word is present": its exact term,
//! its fuzzy variants in the index, the expander's variants and its sound-alikes, each boosted
//! so that an exact match ranks above the others.
//!
//! A query is planned in two [`Tier`]s: first the words as typed and their known spellings
//! (the expander's), then with typos (fuzzy variants and sound-alikes) too. Passages that match
//! as typed rank before those that need a typo, as in Meilisearch's "typo" ranking rule; the
//! search only plans and runs the second tier when the first does not fill the page.

use tantivy::query::{
    Bm25StatisticsProvider, BooleanQuery, BoostQuery, ConstScoreQuery, Occur, Query as TQuery,
    TermQuery, TermSetQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Searcher, Term};

use chrono::Datelike;

use crate::conjunction::{AllTerms, DaySpan};
use crate::error::Result;
use crate::expand::{self, TermExpander};
use crate::phrase::PairPhrase;
use crate::query::{Clause, Query};
use crate::schema::Fields;
use crate::snippet::Highlight;
use crate::tokenize;
use crate::SearchOptions;

/// Boost of fuzzy variants.
pub const FUZZY_BOOST: f32 = 0.6;
/// Boost of the expander's variants.
pub const EXPANDED_BOOST: f32 = 0.8;
/// Boost of phonetic (sound-alike) matches.
pub const PHONETIC_BOOST: f32 = 0.4;
/// Expander variants used per word or phrase, at most.
const MAX_EXPANDED: usize = 16;
/// Variants (fuzzy or phonetic) in more than 1/COMMON of the passages are left out.
const COMMON: u64 = 20;
/// ...unless the index is small, when anything under this many passages is kept.
const COMMON_FLOOR: u64 = 1000;

/// Which variants of a loose word a plan lets in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tier {
    /// The word as typed and the expander's known spellings of it.
    Exact,
    /// Those, fuzzy variants and sound-alikes.
    Typos,
}

/// A tantivy query with what its hits' snippets mark.
pub(crate) struct Plan {
    pub query: Box<dyn TQuery>,
    pub highlight: Highlight,
    /// The words whose closeness earns a bonus, in the order typed.
    pub near: Vec<Term>,
}

struct Planner<'a> {
    searcher: &'a Searcher,
    fields: &'a Fields,
    expander: &'a dyn TermExpander,
    total: u64,
    max_doc_freq: u64,
    tier: Tier,
    highlight: Highlight,
}

/// Builds the query for `query` with the filters of `opts`.
pub(crate) fn plan(
    searcher: &Searcher,
    fields: &Fields,
    query: &Query,
    opts: &SearchOptions,
    expander: &dyn TermExpander,
    tier: Tier,
) -> Result<Plan> {
    let total = searcher.total_num_docs()?;
    let mut p = Planner {
        searcher,
        fields,
        expander,
        total,
        max_doc_freq: (total / COMMON).max(COMMON_FLOOR),
        tier,
        highlight: Highlight::default(),
    };
    let mut clauses: Vec<(Occur, Box<dyn TQuery>)> = Vec::new();
    for c in query.required() {
        let q = if c.is_loose_word() {
            p.loose_word(&c.words[0])?
        } else {
            p.exact(c)?
        };
        clauses.push((Occur::Must, q));
    }
    for c in query.excluded() {
        clauses.push((Occur::MustNot, p.exact_only(&c.words)));
    }
    // Proximity: the required single words, in the order typed, near each other; a bonus the
    // search adds to its best passages (see [`crate::proximity`]).
    let near: Vec<Term> = query
        .required()
        .filter(|c| c.words.len() == 1)
        .map(|c| p.text_term(&c.words[0]))
        .collect();
    let (mut filters, days) = filters(fields, opts);
    // A lone required clause is searched as itself, so that a word's group of terms can be
    // scored with block-max WAND (which skips passages that cannot make the top hits).
    let query: Box<dyn TQuery> = if clauses.len() == 1
        && clauses[0].0 == Occur::Must
        && filters.is_empty()
        && days.is_none()
    {
        clauses.pop().expect("one clause").1
    } else if let Some(terms) = bare_terms(&clauses) {
        // Words that must all be there, each as typed: skips what cannot make the page.
        Box::new(AllTerms::new(terms, filters, days))
    } else {
        filters.extend(days.map(|d| -> Box<dyn TQuery> { Box::new(d.query()) }));
        clauses.extend(filters.into_iter().map(|f| {
            let f: Box<dyn TQuery> = Box::new(ConstScoreQuery::new(f, 0.0));
            (Occur::Must, f)
        }));
        Box::new(BooleanQuery::new(clauses))
    };
    Ok(Plan {
        query,
        highlight: p.highlight,
        near,
    })
}

/// The terms of `clauses` when each is a required, unboosted term of one same field.
fn bare_terms(clauses: &[(Occur, Box<dyn TQuery>)]) -> Option<Vec<Term>> {
    let terms = clauses
        .iter()
        .map(|(occur, q)| match (occur, q.downcast_ref::<TermQuery>()) {
            (Occur::Must, Some(t)) => Some(t.term().clone()),
            _ => None,
        })
        .collect::<Option<Vec<Term>>>()?;
    let field = terms.first()?.field();
    terms.iter().all(|t| t.field() == field).then_some(terms)
}

/// BM25's inverse document frequency, as tantivy computes it.
pub(crate) fn idf(doc_freq: u64, total: u64) -> f32 {
    let doc_freq = doc_freq.min(total) as f32;
    (1.0 + (total as f32 - doc_freq + 0.5) / (doc_freq + 0.5)).ln()
}

/// True when `words` stand in a row somewhere in `tokens`.
fn holds_run(tokens: &[String], words: &[String]) -> bool {
    !words.is_empty() && tokens.windows(words.len()).any(|w| w == words)
}

/// A lone clause as itself (a bare term query can be scored with block-max WAND), several as
/// "any of them".
fn one_or_any(mut group: Vec<(Occur, Box<dyn TQuery>)>) -> Box<dyn TQuery> {
    if group.len() == 1 {
        group.pop().expect("one clause").1
    } else {
        Box::new(BooleanQuery::new(group))
    }
}

fn term_query(term: Term, boost: f32) -> Box<dyn TQuery> {
    let q = Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs));
    if boost == 1.0 {
        q
    } else {
        Box::new(BoostQuery::new(q, boost))
    }
}

impl Planner<'_> {
    fn text_term(&self, word: &str) -> Term {
        Term::from_field_text(self.fields.text, word)
    }

    /// A variant's boost, lowered when the variant is commoner than the word so it can never
    /// outscore the word itself; a rarer variant keeps its own weight times `boost`.
    fn scaled(&self, boost: f32, word_idf: f32, variant: &Term) -> Result<Option<f32>> {
        let df = self.searcher.doc_freq(variant)?;
        if df == 0 || df > self.max_doc_freq {
            return Ok(None);
        }
        Ok(Some(boost * (word_idf / idf(df, self.total)).min(1.0)))
    }

    fn loose_word(&mut self, word: &str) -> Result<Box<dyn TQuery>> {
        let exact = self.text_term(word);
        let word_idf = idf(self.searcher.doc_freq(&exact)?, self.total);
        self.highlight.terms.insert(word.to_owned());
        let mut group: Vec<(Occur, Box<dyn TQuery>)> =
            vec![(Occur::Should, term_query(exact, 1.0))];
        group.extend(self.expanded(word, &[word], word_idf)?);
        if self.tier == Tier::Exact {
            return Ok(one_or_any(group));
        }
        for v in expand::fuzzy_variants(self.searcher, self.fields.text, word, self.max_doc_freq)? {
            let boost = FUZZY_BOOST * (word_idf / idf(v.doc_freq, self.total)).min(1.0);
            group.push((Occur::Should, term_query(self.text_term(&v.term), boost)));
            self.highlight.terms.insert(v.term);
        }
        if expand::is_fuzzy_candidate(word) {
            if let Some((primary, alternate)) = tokenize::codes(word) {
                for code in std::iter::once(primary).chain(alternate) {
                    let term = Term::from_field_text(self.fields.phonetic, &code);
                    if let Some(boost) = self.scaled(PHONETIC_BOOST, word_idf, &term)? {
                        group.push((Occur::Should, term_query(term, boost)));
                        self.highlight.codes.insert(code);
                    }
                }
            }
        }
        Ok(one_or_any(group))
    }

    /// The expander's variants of `key` (a word, or a phrase's words joined by a space), other
    /// than `words` themselves, as Should clauses.
    fn expanded(
        &mut self,
        key: &str,
        words: &[&str],
        word_idf: f32,
    ) -> Result<Vec<(Occur, Box<dyn TQuery>)>> {
        let mut analyzer = tokenize::text_analyzer();
        let mut variants: Vec<Vec<String>> = Vec::new();
        for variant in self.expander.variants(key) {
            let tokens: Vec<String> = tokenize::words(&mut analyzer, &variant)
                .into_iter()
                .map(|w| w.norm)
                .take(crate::query::MAX_PHRASE_WORDS)
                .collect();
            if !tokens.is_empty() && !variants.contains(&tokens) {
                variants.push(tokens);
            }
        }
        // Single words first: a phrase holding a word already searched ("ursula von der leyen"
        // once "leyen" is in, or "recep tayyip erdogan" for "erdogan" itself) finds nothing
        // that word does not, and would only cost a phrase search.
        variants.sort_by_key(Vec::len);
        let mut searched: Vec<Vec<String>> = vec![words.iter().map(|w| w.to_string()).collect()];
        let mut out = Vec::new();
        for tokens in variants {
            if out.len() == MAX_EXPANDED {
                break;
            }
            if searched.iter().any(|s| holds_run(&tokens, s)) {
                // Not searched, but still marked in snippets, as the passage says it.
                self.highlight.terms.extend(tokens);
                continue;
            }
            let q: Box<dyn TQuery> = if let [one] = tokens.as_slice() {
                let term = self.text_term(one);
                match self.scaled(EXPANDED_BOOST, word_idf, &term)? {
                    Some(boost) => term_query(term, boost),
                    None => continue,
                }
            } else {
                Box::new(BoostQuery::new(
                    phrase_query(self.fields, &tokens),
                    EXPANDED_BOOST,
                ))
            };
            self.highlight.terms.extend(tokens.iter().cloned());
            searched.push(tokens);
            out.push((Occur::Should, q));
        }
        Ok(out)
    }

    /// A quoted phrase (or a typed word punctuation split): exactly, or as the expander's
    /// variants of it.
    fn exact(&mut self, c: &Clause) -> Result<Box<dyn TQuery>> {
        self.highlight.terms.extend(c.words.iter().cloned());
        let q = self.exact_only(&c.words);
        let key = c.words.join(" ");
        let words: Vec<&str> = c.words.iter().map(String::as_str).collect();
        // The expander's phrase variants are scored like the phrase (no idf scaling).
        let variants = self.expanded(&key, &words, f32::INFINITY)?;
        if variants.is_empty() {
            return Ok(q);
        }
        let mut group = vec![(Occur::Should, q)];
        group.extend(variants);
        Ok(Box::new(BooleanQuery::new(group)))
    }

    fn exact_only(&self, words: &[String]) -> Box<dyn TQuery> {
        phrase_query(self.fields, words)
    }
}

/// The passages holding `words` side by side (a lone word: holding it). Two words are one term
/// of the `pairs` field; more are a phrase of pairs, whose postings are far shorter than those
/// of their commonest words ("the end of the" is `the end`, `end of`, `of the` in a row).
fn phrase_query(fields: &Fields, words: &[String]) -> Box<dyn TQuery> {
    match words {
        [] => Box::new(tantivy::query::EmptyQuery),
        [one] => term_query(Term::from_field_text(fields.text, one), 1.0),
        [a, b] => term_query(
            Term::from_field_text(fields.pairs, &tokenize::pair(a, b)),
            1.0,
        ),
        _ => {
            let pairs = words
                .windows(2)
                .map(|w| Term::from_field_text(fields.pairs, &tokenize::pair(&w[0], &w[1])))
                .collect();
            Box::new(PairPhrase::new(pairs))
        }
    }
}

/// The filters of `opts`: queries every hit must match, and the span of days hits are from.
fn filters(f: &Fields, opts: &SearchOptions) -> (Vec<Box<dyn TQuery>>, Option<DaySpan>) {
    let mut out: Vec<Box<dyn TQuery>> = Vec::new();
    let key_query = |field: Field, value: &str| -> Box<dyn TQuery> {
        Box::new(TermQuery::new(
            Term::from_field_text(field, &tokenize::key(value)),
            IndexRecordOption::Basic,
        ))
    };
    if !opts.shows.is_empty() {
        let shows = opts
            .shows
            .iter()
            .map(|s| (Occur::Should, key_query(f.show, s)))
            .collect();
        out.push(Box::new(BooleanQuery::new(shows)));
    }
    if let Some(speaker) = &opts.speaker {
        out.push(key_query(f.speaker, speaker));
    }
    let day = |d: chrono::NaiveDate| i64::from(d.num_days_from_ce());
    let days = (opts.after.is_some() || opts.before.is_some()).then(|| DaySpan {
        field: f.published,
        first: opts.after.map_or(i64::MIN, day),
        last: opts.before.map_or(i64::MAX, day),
    });
    if let Some(ids) = &opts.episodes {
        let terms = ids.iter().map(|&id| Term::from_field_i64(f.episode, id));
        out.push(Box::new(TermSetQuery::new(terms)));
    }
    if let Some(ids) = &opts.entities {
        let terms = ids.iter().map(|&id| Term::from_field_i64(f.entity, id));
        out.push(Box::new(TermSetQuery::new(terms)));
    }
    (out, days)
}
