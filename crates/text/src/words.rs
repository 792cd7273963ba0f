//! The English word list (derived from Debian's `wamerican`, SCOWL: see `data/`), and the
//! splitting of words glued together where a hard wrap lost its space.

use std::collections::HashSet;
use std::sync::OnceLock;

static WORDS_TXT: &str = include_str!("../data/english-words.txt");

/// Lower-case English words (no proper names): true when `word` (lower-case) is one.
pub fn is_english_word(word: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| WORDS_TXT.lines().collect())
        .contains(word)
}

/// Short words that most often end up glued to the next one at a lost wrap.
const GLUE_LEFT: &[&str] = &[
    "a", "i", "the", "and", "of", "to", "in", "on", "for", "is", "it", "that", "this", "with",
    "we", "you", "they", "he", "she", "was", "are", "be", "at", "as", "an", "or", "but", "not",
    "have", "has", "by", "from", "his", "her", "their", "our", "my", "your", "its", "so", "if",
    "do", "will", "would", "can", "there", "what",
];

/// If `token` is two English words glued together ("theeditor"), returns the two parts, cut
/// in the original spelling. Only a letters-only token that is not itself a word, and whose
/// left part is a common short word and right part a word of three letters or more, is cut:
/// names and rare words are left alone.
pub fn split_glued(token: &str) -> Option<(&str, &str)> {
    let core_end = token
        .trim_end_matches(|c: char| c.is_ascii_punctuation())
        .len();
    let core = &token[..core_end];
    if core.len() < 5 || !core.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    // "Theeditor" at a sentence start is fine; "MacArthur" (inner capital) is a name.
    if core.bytes().skip(1).any(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let lower = core.to_ascii_lowercase();
    if is_english_word(&lower) {
        return None;
    }
    GLUE_LEFT
        .iter()
        .filter(|l| lower.starts_with(*l) && lower.len() - l.len() >= 3)
        .filter(|l| is_english_word(&lower[l.len()..]))
        .max_by_key(|l| l.len())
        .map(|l| token.split_at(l.len()))
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
    }
}
