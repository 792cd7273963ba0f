//! Word variants: the fuzzy neighbours of a query word actually present in the index (found by
//! walking the term dictionaries with a Levenshtein automaton), and the [`TermExpander`] seam
//! through which a later stage adds known garbled spellings of names.

use std::collections::HashMap;
use std::sync::OnceLock;

use levenshtein_automata::{Distance, LevenshteinAutomatonBuilder, DFA, SINK_STATE};
use tantivy::schema::Field;
use tantivy::Searcher;
use tantivy_fst::Automaton;

use crate::error::Result;

/// Supplies extra spellings of a query word (or of a quoted phrase, words joined by one space),
/// such as the known garbles of an entity's name. The words given are normalised (lower-case,
/// accents folded); the variants returned are normalised the same way before use.
pub trait TermExpander: Send + Sync {
    /// The variants of `term`, without `term` itself. May be empty.
    fn variants(&self, term: &str) -> Vec<String>;
}

/// The default [`TermExpander`]: adds nothing.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoExpansion;

impl TermExpander for NoExpansion {
    fn variants(&self, _term: &str) -> Vec<String> {
        Vec::new()
    }
}

/// Words shorter than this many letters get no fuzzy variants.
pub const MIN_FUZZY_LETTERS: usize = 4;
/// Words (query word or variant) of at least this many letters allow two edits, others one.
pub const TWO_EDIT_LETTERS: usize = 8;
/// At most this many fuzzy variants per word, the most frequent first.
pub const MAX_FUZZY_VARIANTS: usize = 50;

/// The edits a variant may differ by: set by the longer of the two words, so that a 7-letter
/// query word reaches an 8-letter garble two edits away ("witkoff" → "wickhoff").
pub fn allowed_edits(word_letters: usize, variant_letters: usize) -> u8 {
    if word_letters.max(variant_letters) >= TWO_EDIT_LETTERS {
        2
    } else {
        1
    }
}

fn builder(edits: u8) -> &'static LevenshteinAutomatonBuilder {
    static ONE: OnceLock<LevenshteinAutomatonBuilder> = OnceLock::new();
    static TWO: OnceLock<LevenshteinAutomatonBuilder> = OnceLock::new();
    let cell = if edits <= 1 { &ONE } else { &TWO };
    cell.get_or_init(|| LevenshteinAutomatonBuilder::new(edits.max(1), true))
}

/// An automaton over the term dictionary's FST: the word's first character exactly, then the
/// Levenshtein DFA of the rest. Anchoring the first character keeps the walk to one branch of
/// the dictionary (speech recognition rarely garbles a name's first letter; when it does, the
/// phonetic match usually still finds it).
struct Anchored<'a> {
    first: &'a [u8],
    rest: &'a DFA,
}

/// Where an [`Anchored`] walk is.
#[derive(Clone, Copy)]
enum Step {
    /// This many bytes of the first character read.
    First(usize),
    /// In the DFA of the rest.
    Rest(u32),
    /// No match below.
    Dead,
}

impl Automaton for Anchored<'_> {
    type State = Step;

    fn start(&self) -> Step {
        if self.first.is_empty() {
            Step::Rest(self.rest.initial_state())
        } else {
            Step::First(0)
        }
    }

    fn is_match(&self, state: &Step) -> bool {
        matches!(state, Step::Rest(s) if matches!(self.rest.distance(*s), Distance::Exact(_)))
    }

    fn can_match(&self, state: &Step) -> bool {
        match state {
            Step::First(_) => true,
            Step::Rest(s) => *s != SINK_STATE,
            Step::Dead => false,
        }
    }

    fn accept(&self, state: &Step, byte: u8) -> Step {
        match *state {
            Step::First(i) if self.first.get(i) == Some(&byte) => {
                if i + 1 == self.first.len() {
                    Step::Rest(self.rest.initial_state())
                } else {
                    Step::First(i + 1)
                }
            }
            Step::Rest(s) => Step::Rest(self.rest.transition(s, byte)),
            _ => Step::Dead,
        }
    }
}

/// A term found in the index, with its document frequency over all segments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The term as indexed.
    pub term: String,
    /// Documents containing it (deleted ones included until merged away).
    pub doc_freq: u64,
}

/// Whether a normalised word gets fuzzy variants: letters only, long enough.
pub fn is_fuzzy_candidate(word: &str) -> bool {
    word.chars().count() >= MIN_FUZZY_LETTERS && word.chars().all(char::is_alphabetic)
}

/// The terms of `field` that begin with the first character of `word` and are within the
/// allowed edits of it ([`allowed_edits`]), other than `word` itself, at most [`MAX_FUZZY_VARIANTS`], the most frequent first; terms in more than
/// `max_doc_freq` documents are left out (so common they are other words, and costly to
/// score).
pub fn fuzzy_variants(
    searcher: &Searcher,
    field: Field,
    word: &str,
    max_doc_freq: u64,
) -> Result<Vec<Found>> {
    if !is_fuzzy_candidate(word) {
        return Ok(Vec::new());
    }
    let letters = word.chars().count();
    // Two edits can only reach an 8-letter variant from 6 letters up.
    let reach = if letters + 2 >= TWO_EDIT_LETTERS {
        2
    } else {
        1
    };
    let split = word.chars().next().map_or(0, char::len_utf8);
    let (first, rest) = word.split_at(split);
    let dfa = builder(reach).build_dfa(rest);
    let walk = || Anchored {
        first: first.as_bytes(),
        rest: &dfa,
    };
    let mut found: HashMap<Vec<u8>, u64> = HashMap::new();
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(field)?;
        let mut stream = inverted.terms().search(walk()).into_stream()?;
        while stream.advance() {
            let key = stream.key();
            if key == word.as_bytes() {
                continue;
            }
            *found.entry(key.to_vec()).or_default() += u64::from(stream.value().doc_freq);
        }
    }
    let mut out: Vec<Found> = found
        .into_iter()
        .filter(|(_, df)| *df <= max_doc_freq)
        .filter_map(|(key, doc_freq)| {
            let term = String::from_utf8(key).ok()?;
            let Distance::Exact(d) = dfa.eval(term.get(split..)?) else {
                return None;
            };
            (d <= allowed_edits(letters, term.chars().count())).then_some(Found { term, doc_freq })
        })
        .collect();
    out.sort_by(|a, b| b.doc_freq.cmp(&a.doc_freq).then(a.term.cmp(&b.term)));
    out.truncate(MAX_FUZZY_VARIANTS);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_follow_the_longer_word() {
        assert_eq!(allowed_edits(7, 7), 1);
        assert_eq!(allowed_edits(7, 8), 2);
        assert_eq!(allowed_edits(8, 6), 2);
        assert_eq!(allowed_edits(4, 5), 1);
    }

    #[test]
    fn dfa_distances() {
        let dfa = builder(2).build_dfa("witkoff");
        assert_eq!(dfa.eval("wickhoff"), Distance::Exact(2));
        assert_eq!(dfa.eval("whitkoff"), Distance::Exact(1));
        assert!(matches!(dfa.eval("wittkov"), Distance::AtLeast(3)));
        assert!(!is_fuzzy_candidate("gas"));
        assert!(!is_fuzzy_candidate("2024"));
    }
}
