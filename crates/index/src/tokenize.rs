//! How text becomes terms: the `text` field's words (lower-cased, ASCII-folded, no stemming),
//! the `pairs` field's adjacent word pairs, the `phonetic` field's Double Metaphone codes, and
//! the lower-cased whole values of the filter fields. The query parser and the snippet builder use the same analysers, so a word
//! is normalised the same way everywhere.

use std::collections::HashMap;
use std::sync::OnceLock;

use rphonetic::DoubleMetaphone;
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer, TextAnalyzer,
    TextAnalyzerBuilder, Token, TokenFilter, TokenStream, Tokenizer, TokenizerManager,
};

/// Name under which the `text` analyser is registered.
pub const TEXT: &str = "earshot_text";
/// Name under which the `phonetic` analyser is registered.
pub const PHONETIC: &str = "earshot_phonetic";
/// Name under which the `pairs` analyser is registered.
pub const PAIRS: &str = "earshot_pairs";
/// Name under which the whole-value, lower-cased analyser (show, speaker) is registered.
pub const KEY: &str = "earshot_key";

/// Words longer than this many bytes are not indexed (they are never real words).
const MAX_WORD_BYTES: usize = 40;
/// Words shorter than this many letters get no phonetic code.
pub const MIN_PHONETIC_LETTERS: usize = 3;
/// Entries kept in a phonetic tokenizer's cache before it starts afresh.
const CACHE_ENTRIES: usize = 65_536;

/// Registers the four analysers on an index's tokenizer manager.
pub fn register(manager: &TokenizerManager) {
    manager.register(TEXT, text_analyzer());
    manager.register(PAIRS, pairs_analyzer());
    manager.register(PHONETIC, phonetic_analyzer());
    manager.register(KEY, key_analyzer());
}

/// Splits on anything not alphanumeric, drops over-long words, lower-cases and folds accents
/// ("Zelenskyy's" → `zelenskyy`, `s`; "Élysée" → `elysee`).
pub fn text_analyzer() -> TextAnalyzer {
    normalised_words().build()
}

/// The words every analyser of text starts from, normalised as the `text` field has them.
fn normalised_words() -> TextAnalyzerBuilder<impl Tokenizer> {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_WORD_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
}

/// The `text` analyser followed by [`PhoneticFilter`].
pub fn phonetic_analyzer() -> TextAnalyzer {
    normalised_words().filter(PhoneticFilter).build()
}

/// The `text` analyser followed by [`PairFilter`].
pub fn pairs_analyzer() -> TextAnalyzer {
    normalised_words().filter(PairFilter).build()
}

/// The `pairs` field's term for two adjacent normalised words.
pub fn pair(first: &str, second: &str) -> String {
    format!("{first} {second}")
}

/// The whole value as one term, lower-cased: what show and speaker filters match.
pub fn key_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(RawTokenizer::default())
        .filter(LowerCaser)
        .build()
}

/// A word of a text with its byte range in that text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Byte offset of the word's first character.
    pub from: usize,
    /// Byte offset just past the word.
    pub to: usize,
    /// The normalised form, as indexed.
    pub norm: String,
}

/// The words of `text` as the `text` field indexes them.
pub fn words(analyzer: &mut TextAnalyzer, text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        let t = stream.token();
        out.push(Word {
            from: t.offset_from,
            to: t.offset_to,
            norm: t.text.clone(),
        });
    }
    out
}

/// The normalised key of a show or speaker name (trimmed, lower-cased).
pub fn key(value: &str) -> String {
    let mut analyzer = key_analyzer();
    let mut stream = analyzer.token_stream(value.trim());
    let mut out = String::new();
    while stream.advance() {
        out.push_str(&stream.token().text);
    }
    out
}

/// A word's Double Metaphone codes: the primary, and the alternate when it differs.
pub type Codes = (String, Option<String>);

/// The Double Metaphone codes of a normalised word, for words of at least
/// [`MIN_PHONETIC_LETTERS`] letters `a`–`z` only (numbers and mixed tokens get none).
pub fn codes(word: &str) -> Option<Codes> {
    if word.len() < MIN_PHONETIC_LETTERS
        || word.len() > MAX_WORD_BYTES
        || !word.bytes().all(|b| b.is_ascii_lowercase())
    {
        return None;
    }
    static ENCODER: OnceLock<DoubleMetaphone> = OnceLock::new();
    let result = ENCODER
        .get_or_init(DoubleMetaphone::default)
        .double_metaphone(word);
    let primary = result.primary();
    if primary.is_empty() {
        return None;
    }
    let alternate = result.alternate();
    let alternate = (!alternate.is_empty() && alternate != primary).then_some(alternate);
    Some((primary, alternate))
}

/// Replaces each word by its Double Metaphone code(s), both at the word's position. Words
/// without a code (too short, digits) are dropped.
#[derive(Clone, Copy, Debug, Default)]
pub struct PhoneticFilter;

impl TokenFilter for PhoneticFilter {
    type Tokenizer<T: Tokenizer> = PhoneticTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> PhoneticTokenizer<T> {
        PhoneticTokenizer {
            inner: tokenizer,
            cache: HashMap::new(),
        }
    }
}

/// The tokenizer [`PhoneticFilter`] makes. Keeps a cache of codes (each clone starts with an
/// empty one), because spoken language repeats the same few thousand words.
pub struct PhoneticTokenizer<T> {
    inner: T,
    cache: HashMap<String, Option<Codes>>,
}

impl<T: Clone> Clone for PhoneticTokenizer<T> {
    fn clone(&self) -> Self {
        PhoneticTokenizer {
            inner: self.inner.clone(),
            cache: HashMap::new(),
        }
    }
}

impl<T: Tokenizer> Tokenizer for PhoneticTokenizer<T> {
    type TokenStream<'a> = PhoneticStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        PhoneticStream {
            tail: self.inner.token_stream(text),
            cache: &mut self.cache,
            token: Token::default(),
            alternate: None,
        }
    }
}

/// The token stream of [`PhoneticTokenizer`].
pub struct PhoneticStream<'a, T> {
    tail: T,
    cache: &'a mut HashMap<String, Option<Codes>>,
    token: Token,
    alternate: Option<String>,
}

impl<T: TokenStream> TokenStream for PhoneticStream<'_, T> {
    fn advance(&mut self) -> bool {
        if let Some(alt) = self.alternate.take() {
            self.token.text = alt;
            return true;
        }
        while self.tail.advance() {
            let t = self.tail.token();
            let found = match self.cache.get(&t.text) {
                Some(found) => found.clone(),
                None => {
                    let found = codes(&t.text);
                    if self.cache.len() >= CACHE_ENTRIES {
                        self.cache.clear();
                    }
                    self.cache.insert(t.text.clone(), found.clone());
                    found
                }
            };
            if let Some((primary, alternate)) = found {
                self.token = Token {
                    offset_from: t.offset_from,
                    offset_to: t.offset_to,
                    position: t.position,
                    position_length: 1,
                    text: primary,
                };
                self.alternate = alternate;
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

/// Replaces the words by each pair of adjacent words ("a b c" → `a b` at 0, `b c` at 1), at the
/// first word's position. A phrase of words is then a phrase of pairs, and a pair is far rarer
/// than its commonest word: what Elasticsearch's `index_phrases` does to speed phrase queries.
/// Words with a gap between them (a word dropped as over-long) make no pair.
#[derive(Clone, Copy, Debug, Default)]
pub struct PairFilter;

impl TokenFilter for PairFilter {
    type Tokenizer<T: Tokenizer> = PairTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> PairTokenizer<T> {
        PairTokenizer { inner: tokenizer }
    }
}

/// The tokenizer [`PairFilter`] makes.
#[derive(Clone)]
pub struct PairTokenizer<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for PairTokenizer<T> {
    type TokenStream<'a> = PairStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        PairStream {
            tail: self.inner.token_stream(text),
            previous: None,
            token: Token::default(),
        }
    }
}

/// The token stream of [`PairTokenizer`].
pub struct PairStream<T> {
    tail: T,
    previous: Option<Token>,
    token: Token,
}

impl<T: TokenStream> TokenStream for PairStream<T> {
    fn advance(&mut self) -> bool {
        while self.tail.advance() {
            let current = self.tail.token().clone();
            let Some(previous) = self.previous.replace(current) else {
                continue;
            };
            let current = self.previous.as_ref().expect("just set");
            if current.position != previous.position + 1 {
                continue;
            }
            self.token = Token {
                offset_from: previous.offset_from,
                offset_to: current.offset_to,
                position: previous.position,
                position_length: 1,
                text: pair(&previous.text, &current.text),
            };
            return true;
        }
        false
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(text: &str) -> Vec<String> {
        words(&mut text_analyzer(), text)
            .into_iter()
            .map(|w| w.norm)
            .collect()
    }

    fn phonetic(text: &str) -> Vec<String> {
        let mut a = phonetic_analyzer();
        let mut s = a.token_stream(text);
        let mut out = Vec::new();
        while s.advance() {
            out.push(s.token().text.clone());
        }
        out
    }

    #[test]
    fn pairs_are_adjacent_words_at_the_first_ones_position() {
        let mut a = pairs_analyzer();
        let long = "x".repeat(MAX_WORD_BYTES + 1);
        let text = format!("The end, of it {long} all");
        let mut s = a.token_stream(&text);
        let mut out = Vec::new();
        while s.advance() {
            out.push((s.token().text.clone(), s.token().position));
        }
        let want = [("the end", 0), ("end of", 1), ("of it", 2)];
        let want: Vec<(String, usize)> = want.iter().map(|(t, p)| (t.to_string(), *p)).collect();
        assert_eq!(out, want, "no pair across the dropped word");
    }

    #[test]
    fn words_are_lower_cased_folded_and_split_on_punctuation() {
        assert_eq!(
            norms("Zelenskyy's envoy met the Élysée, at 10:30!"),
            [
                "zelenskyy",
                "s",
                "envoy",
                "met",
                "the",
                "elysee",
                "at",
                "10",
                "30"
            ]
        );
        let w = &words(&mut text_analyzer(), "  Hi, Zoë")[1];
        assert_eq!((w.from, w.to), (6, 10));
    }

    #[test]
    fn garbled_names_share_a_code() {
        let code = |w: &str| codes(w).unwrap().0;
        assert_eq!(code("witkoff"), code("wittkov"));
        assert_eq!(code("witkoff"), code("whitkoff"));
        assert_eq!(code("zelensky"), code("zolenski"));
        assert_eq!(codes("at"), None);
        assert_eq!(codes("2024"), None);
    }

    #[test]
    fn phonetic_stream_emits_codes_of_long_enough_words() {
        let out = phonetic("Mr Witkoff at 10");
        assert_eq!(out[0], codes("witkoff").unwrap().0);
        assert!(out.len() <= 2, "{out:?}");
    }

    #[test]
    fn keys_are_trimmed_and_lower_cased() {
        assert_eq!(key("  The Meridian Brief "), "the meridian brief");
    }
}
