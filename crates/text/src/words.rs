//! The English word list (derived from Debian's `wamerican`, SCOWL: see `data/`), and the
//! splitting of words glued together where a hard wrap lost its space.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

static WORDS_TXT: &str = include_str!("../data/english-words.txt");

/// FNV-1a: the word set is looked up once per word of some layouts, and SipHash, safe against
/// hostile keys, costs more than the look-up is worth for a fixed set of short words.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }
}

type WordSet = HashSet<&'static str, BuildHasherDefault<Fnv>>;

/// Lower-case English words (no proper names): true when `word` (lower-case) is one.
pub fn is_english_word(word: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| WORDS_TXT.lines().collect())
        .contains(word)
}

/// [`is_english_word`] for a word in any case, without allocating for words of usual length.
fn is_word_any_case(word: &str) -> bool {
    let mut buf = [0u8; 32];
    match buf.get_mut(..word.len()) {
        Some(lower) => {
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            std::str::from_utf8(lower).is_ok_and(is_english_word)
        }
        None => is_english_word(&word.to_ascii_lowercase()),
    }
}

/// Short words that most often end up glued to the next one at a lost wrap.
const GLUE_LEFT: &[&str] = &[
    "a", "i", "the", "and", "of", "to", "in", "on", "for", "is", "it", "that", "this", "with",
    "we", "you", "they", "he", "she", "was", "are", "be", "at", "as", "an", "or", "but", "not",
    "have", "has", "by", "from", "his", "her", "their", "our", "my", "your", "its", "so", "if",
    "do", "will", "would", "can", "there", "what",
];

/// If `token` is two English words glued together ("theeditor", "coversshipping"), returns
/// the two parts, cut in the original spelling. Only a letters-only token that is not itself a
/// word is cut, and only into two dictionary words of three letters or more (or a common short
/// word and a longer one); of several cuts, the most balanced wins. Names and rare words are
/// left alone because they do not split into two dictionary words.
pub fn split_glued(token: &str) -> Option<(&str, &str)> {
    let core_end = token
        .trim_end_matches(|c: char| c.is_ascii_punctuation())
        .len();
    let core = &token[..core_end];
    if core.len() < 5 {
        return None;
    }
    if let Some(cut) = split_contraction(core).or_else(|| split_pronoun(core)) {
        return Some(token.split_at(cut));
    }
    if !core.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    // "Theeditor" at a sentence start is fine; "MacArthur" (inner capital) is a name.
    if core.bytes().skip(1).any(|b| b.is_ascii_uppercase()) {
        return None;
    }
    if is_word_any_case(core) {
        return None;
    }
    let lower = core.to_ascii_lowercase();
    (1..lower.len() - 2)
        .filter(|&i| {
            let (left, right) = lower.split_at(i);
            (left.len() >= 3 || GLUE_LEFT.contains(&left))
                && is_english_word(left)
                && is_english_word(right)
        })
        .max_by_key(|&i| i.min(lower.len() - i))
        .map(|i| token.split_at(i))
}

/// Contractions that get glued to the next word ("let'ssay").
const CONTRACTIONS: &[&str] = &[
    "let's", "don't", "it's", "that's", "i'm", "we're", "they're", "you're", "can't", "won't",
    "isn't", "didn't", "doesn't", "i've", "we've", "i'll", "we'll", "there's", "what's", "he's",
    "she's",
];

/// "let'ssay": a contraction glued to a word.
fn split_contraction(core: &str) -> Option<usize> {
    let lower = core.to_ascii_lowercase().replace('’', "'");
    CONTRACTIONS
        .iter()
        .find(|c| {
            lower.starts_with(*c) && lower.len() > c.len() + 1 && is_english_word(&lower[c.len()..])
        })
        .map(|c| c.len() + (core.len() - lower.len()))
        .filter(|&cut| core.is_char_boundary(cut))
}

/// "honestlyI": a word glued to the pronoun I.
fn split_pronoun(core: &str) -> Option<usize> {
    let left = core.strip_suffix('I')?;
    (left.bytes().all(|b| b.is_ascii_lowercase()) && is_english_word(left)).then_some(left.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_common_words_not_names() {
        assert!(is_english_word("negotiation"));
        assert!(!is_english_word("kushner"));
    }

    #[test]
    fn splits_glued_pairs() {
        assert_eq!(split_glued("theeditor"), Some(("the", "editor")));
        assert_eq!(split_glued("andthen,"), Some(("and", "then,")));
        assert_eq!(split_glued("Tothe"), Some(("To", "the")));
        assert_eq!(split_glued("ofan"), None, "too short to judge");
        assert_eq!(split_glued("theory"), None);
        assert_eq!(split_glued("Whitkoff"), None);
        assert_eq!(split_glued("McDonald"), None);
        assert_eq!(split_glued("coversshipping"), Some(("covers", "shipping")));
        assert_eq!(split_glued("muchlaundry."), Some(("much", "laundry.")));
        assert_eq!(split_glued("Umarov"), None);
        assert_eq!(split_glued("let'ssay,"), Some(("let's", "say,")));
        assert_eq!(split_glued("honestlyI"), Some(("honestly", "I")));
        assert_eq!(split_glued("don't"), None);
    }
}
