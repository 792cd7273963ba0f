//! Auto-caption dumps: lower-case, unpunctuated lines of a few words, each after its stamp on
//! a line of its own.

use std::fmt::Write;

use super::clock;
use super::timeline::words;
use crate::Episode;

/// A stamp line ("1:05"), then a caption line of six to eleven words, and so on.
pub fn captions(ep: &Episode) -> String {
    let ws = words(ep);
    let mut out = String::with_capacity(ws.len() * 8);
    let mut i = 0;
    // Line lengths cycle through a fixed pattern, as caption timing splits speech unevenly.
    const LENGTHS: [usize; 7] = [8, 6, 10, 7, 9, 11, 8];
    let mut k = 0;
    while i < ws.len() {
        let n = LENGTHS[k % LENGTHS.len()].min(ws.len() - i);
        k += 1;
        let _ = writeln!(out, "{}", clock::short(ws[i].start_ms));
        let mut line = String::new();
        for w in &ws[i..i + n] {
            let bare = caption_word(w.text);
            if bare.is_empty() {
                continue;
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(&bare);
        }
        out.push_str(&line);
        out.push('\n');
        i += n;
    }
    out
}

/// A word as auto-captions write it: lower case, only letters, digits, apostrophes, inner
/// hyphens and percent signs.
fn caption_word(w: &str) -> String {
    let kept: String = w
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '\'' | '-' | '%'))
        .flat_map(char::to_lowercase)
        .collect();
    kept.trim_matches(['-', '\'']).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_lose_case_and_punctuation() {
        assert_eq!(caption_word("Kyiv,"), "kyiv");
        assert_eq!(caption_word("I'm"), "i'm");
        assert_eq!(caption_word("20%"), "20%");
        assert_eq!(caption_word("long-range."), "long-range");
        assert_eq!(caption_word("--"), "");
    }
}
