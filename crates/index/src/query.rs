//! The query language: bare words (all required, like a search engine), `"exact phrases"`,
//! `-word` and `-"phrase"` exclusions. Case and punctuation do not matter. Parsing is bounded
//! on any input: the input, the number of words and the length of a phrase are capped.

use thiserror::Error;

use crate::tokenize;

/// Queries longer than this many characters are refused.
pub const MAX_QUERY_CHARS: usize = 1000;
/// At most this many words in a query, phrases' words included.
pub const MAX_WORDS: usize = 32;
/// At most this many words in one phrase.
pub const MAX_PHRASE_WORDS: usize = 12;

/// A parsed query: what every hit must contain and must not contain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// The clauses in the order typed, without duplicates.
    pub clauses: Vec<Clause>,
}

/// One clause of a [`Query`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    /// The normalised words (lower-cased, accents folded), never empty.
    pub words: Vec<String>,
    /// Quoted, or a typed word that punctuation splits ("U.S."): the words must appear
    /// exactly and side by side; no fuzzy or phonetic matching.
    pub exact: bool,
    /// A `-` clause: hits must not contain it.
    pub exclude: bool,
}

impl Clause {
    /// A single word that may also match its fuzzy, phonetic and expanded variants.
    pub fn is_loose_word(&self) -> bool {
        !self.exact && self.words.len() == 1
    }
}

impl Query {
    /// The clauses hits must contain.
    pub fn required(&self) -> impl Iterator<Item = &Clause> {
        self.clauses.iter().filter(|c| !c.exclude)
    }

    /// The clauses hits must not contain.
    pub fn excluded(&self) -> impl Iterator<Item = &Clause> {
        self.clauses.iter().filter(|c| c.exclude)
    }
}

/// Why a query could not be used. Positions count characters from 1.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum QueryError {
    /// Nothing searchable: empty, or only punctuation.
    #[error("the query has no words to search for")]
    Empty,
    /// Every clause is an exclusion.
    #[error("the query only excludes words; add a word to search for")]
    OnlyExclusions,
    /// A `"` with no closing `"`.
    #[error("unclosed quote at character {at}")]
    UnclosedQuote {
        /// Position of the opening quote.
        at: usize,
    },
    /// Longer than [`MAX_QUERY_CHARS`].
    #[error("the query is too long: characters past {max} (from character {at}) are not allowed")]
    TooLong {
        /// First character past the limit.
        at: usize,
        /// The limit.
        max: usize,
    },
    /// More than [`MAX_WORDS`] words.
    #[error("too many words: the word at character {at} is past the limit of {max}")]
    TooManyWords {
        /// Where the clause that went past the limit begins.
        at: usize,
        /// The limit.
        max: usize,
    },
    /// A phrase of more than [`MAX_PHRASE_WORDS`] words.
    #[error("the phrase at character {at} is too long: at most {max} words")]
    PhraseTooLong {
        /// Where the phrase begins.
        at: usize,
        /// The limit.
        max: usize,
    },
}

/// Parses a query typed by a user. Never panics; the work is bounded by [`MAX_QUERY_CHARS`].
pub fn parse_query(q: &str) -> Result<Query, QueryError> {
    if let Some((i, _)) = q.char_indices().nth(MAX_QUERY_CHARS) {
        return Err(QueryError::TooLong {
            at: q[..i].chars().count() + 1,
            max: MAX_QUERY_CHARS,
        });
    }
    let chars: Vec<(usize, char)> = q.char_indices().collect();
    let mut analyzer = tokenize::text_analyzer();
    let mut clauses: Vec<Clause> = Vec::new();
    let mut total = 0usize;
    let mut i = 0;
    while i < chars.len() {
        let (_, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let mut exclude = false;
        if c == '-' && chars.get(i + 1).is_some_and(|&(_, n)| !n.is_whitespace()) {
            exclude = true;
            i += 1;
        }
        let quoted = chars[i].1 == '"';
        let (from, to);
        if quoted {
            let close = (i + 1..chars.len()).find(|&j| chars[j].1 == '"');
            let Some(close) = close else {
                return Err(QueryError::UnclosedQuote { at: i + 1 });
            };
            from = i + 1;
            to = close;
            i = close + 1;
        } else {
            from = i;
            while i < chars.len() && !chars[i].1.is_whitespace() && chars[i].1 != '"' {
                i += 1;
            }
            to = i;
        }
        let byte = |k: usize| chars.get(k).map_or(q.len(), |&(b, _)| b);
        let words: Vec<String> = tokenize::words(&mut analyzer, &q[byte(from)..byte(to)])
            .into_iter()
            .map(|w| w.norm)
            .collect();
        if words.is_empty() {
            continue;
        }
        if words.len() > MAX_PHRASE_WORDS {
            return Err(QueryError::PhraseTooLong {
                at: start + 1,
                max: MAX_PHRASE_WORDS,
            });
        }
        total += words.len();
        if total > MAX_WORDS {
            return Err(QueryError::TooManyWords {
                at: start + 1,
                max: MAX_WORDS,
            });
        }
        let clause = Clause {
            exact: quoted || words.len() > 1,
            words,
            exclude,
        };
        if !clauses.contains(&clause) {
            clauses.push(clause);
        }
    }
    if clauses.is_empty() {
        return Err(QueryError::Empty);
    }
    if clauses.iter().all(|c| c.exclude) {
        return Err(QueryError::OnlyExclusions);
    }
    Ok(Query { clauses })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn clause(words: &[&str], exact: bool, exclude: bool) -> Clause {
        Clause {
            words: words.iter().map(|w| w.to_string()).collect(),
            exact,
            exclude,
        }
    }

    #[test]
    fn words_phrases_and_exclusions() {
        let q = parse_query(r#"Witkoff  "peace PLAN" -Riyadh -"oil price" U.S."#).unwrap();
        assert_eq!(
            q.clauses,
            vec![
                clause(&["witkoff"], false, false),
                clause(&["peace", "plan"], true, false),
                clause(&["riyadh"], false, true),
                clause(&["oil", "price"], true, true),
                clause(&["u", "s"], true, false),
            ]
        );
    }

    #[test]
    fn punctuation_and_case_are_ignored() {
        let q = parse_query("¡ZELENSKY!, ... - witkoff? \"\"").unwrap();
        assert_eq!(
            q.clauses,
            vec![
                clause(&["zelensky"], false, false),
                clause(&["witkoff"], false, false)
            ]
        );
        assert_eq!(
            parse_query("envoy envoy").unwrap().clauses.len(),
            1,
            "duplicates are dropped"
        );
        assert!(parse_query("\"envoy\"").unwrap().clauses[0].exact);
    }

    #[test]
    fn unusable_queries_say_why() {
        assert_eq!(parse_query(""), Err(QueryError::Empty));
        assert_eq!(parse_query("  ?! -- "), Err(QueryError::Empty));
        assert_eq!(
            parse_query("-envoy -\"oil\""),
            Err(QueryError::OnlyExclusions)
        );
        assert_eq!(
            parse_query("envoy \"peace plan"),
            Err(QueryError::UnclosedQuote { at: 7 })
        );
        let e = parse_query("envoy \"peace plan").unwrap_err().to_string();
        assert!(e.contains("character 7"), "{e}");
        let long = "a ".repeat(600);
        assert!(matches!(
            parse_query(&long),
            Err(QueryError::TooLong { at: 1001, .. })
        ));
        let many = "w ".repeat(MAX_WORDS + 1);
        assert_eq!(
            parse_query(&many),
            Err(QueryError::TooManyWords {
                at: 2 * MAX_WORDS + 1,
                max: MAX_WORDS
            })
        );
        let phrase = format!("x \"{}\"", "w ".repeat(MAX_PHRASE_WORDS + 1));
        assert_eq!(
            parse_query(&phrase),
            Err(QueryError::PhraseTooLong {
                at: 3,
                max: MAX_PHRASE_WORDS
            })
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn any_string_parses_or_errs_without_panic(q in "\\PC{0,300}") {
            check(&q);
        }

        #[test]
        fn query_like_strings_parse_or_err_without_panic(
            q in r#"([-"a-zA-Z0-9 .,'éß\t]|\u{0301}|🙂){0,200}"#
        ) {
            check(&q);
        }

        #[test]
        fn long_inputs_are_bounded(q in "[a-z \"-]{900,3000}") {
            check(&q);
        }
    }

    fn check(q: &str) {
        match parse_query(q) {
            Ok(parsed) => {
                assert!(parsed.required().count() >= 1);
                let words: usize = parsed.clauses.iter().map(|c| c.words.len()).sum();
                assert!(words <= MAX_WORDS);
                for c in &parsed.clauses {
                    assert!(!c.words.is_empty() && c.words.len() <= MAX_PHRASE_WORDS);
                    assert!(c.words.iter().all(|w| !w.is_empty()));
                }
            }
            Err(e) => assert!(!e.to_string().is_empty()),
        }
    }
}
