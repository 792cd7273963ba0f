//! Words of a segment for the recogniser: byte spans into the text, a normalised form
//! (lower case, Latin diacritics folded, full stops of "U.S." dropped) kept in one shared
//! buffer, and the shape facts the recogniser decides by (capitalised, all capitals, English
//! word, first of its sentence, what joins it to its neighbours).

use std::ops::Range;

use crate::gazetteer::fold_latin;

/// First character upper case.
pub const CAP: u16 = 1;
/// Two or more letters, all upper case ("NATO", "U.S.").
pub const UPPER: u16 = 1 << 1;
/// Letters (and inner apostrophes) only.
pub const ALPHA: u16 = 1 << 2;
/// Contains a digit.
pub const DIGIT: u16 = 1 << 3;
/// First word of a sentence, of a line or after a colon.
pub const SENT_START: u16 = 1 << 4;
/// Its lower-case form is an English word of the bundled list.
pub const WORD: u16 = 1 << 5;
/// Joined to the previous word by a hyphen, with no space ("al-Sharaa", "Su-35").
pub const HYPHENED: u16 = 1 << 6;
/// Followed by a possessive "'s" (or the "'" of "Americans'"), which is not part of the word.
pub const POSSESSIVE: u16 = 1 << 7;
/// Only spaces (or a hyphen) separate it from the previous word: a name may run across.
pub const JOINED: u16 = 1 << 8;
/// Followed directly by a colon (or a closing bracket and a colon): a speaker label when first
/// on its line.
pub const COLON_AFTER: u16 = 1 << 9;
/// No word with letters before it on its line (a timestamp may come first).
pub const LINE_START: u16 = 1 << 10;

/// One word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte in the segment's text.
    pub start: u32,
    /// Byte offset just past the last byte (a possessive excluded).
    pub end: u32,
    norm_start: u32,
    norm_end: u32,
    /// The shape flags above.
    pub flags: u16,
}

impl Token {
    /// True when every flag of `mask` is set.
    pub fn is(&self, mask: u16) -> bool {
        self.flags & mask == mask
    }

    /// The byte range in the segment's text.
    pub fn span(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// The words of one text, with their normalised forms.
#[derive(Debug, Default, Clone)]
pub struct Tokens {
    /// The words, in order.
    pub tokens: Vec<Token>,
    norm: String,
}

impl Tokens {
    /// The normalised form of word `i`.
    pub fn norm(&self, i: usize) -> &str {
        let t = &self.tokens[i];
        &self.norm[t.norm_start as usize..t.norm_end as usize]
    }

    /// The number of words.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// True when there are no words.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// Splits `text` into words, replacing what was held. Words are runs of letters and digits;
    /// an apostrophe between letters stays inside ("O'Brien"), a trailing "'s" is a possessive
    /// and stays outside; hyphens separate words but mark the next one [`HYPHENED`]; full stops
    /// inside an initialism ("U.S.") are dropped from its normalised form.
    pub fn fill(&mut self, text: &str) {
        self.tokens.clear();
        self.norm.clear();
        let bytes = text.as_bytes();
        let mut i = 0;
        // What lay between the previous word and this one.
        let mut sentence_start = true;
        let mut joined = false;
        let mut hyphened = false;
        let mut line_start = true;
        while i < bytes.len() {
            let c = char_at(text, i);
            if !c.is_alphanumeric() {
                match c {
                    '.' | '!' | '?' | ':' | ';' | '\n' | '\u{2026}' => {
                        line_start |= c == '\n';
                        sentence_start = true;
                        joined = false;
                        hyphened = false;
                    }
                    ' ' | '\t' => {}
                    '-' | '\u{2010}' | '\u{2011}' => {
                        // A hyphen right after a word and right before the next.
                        let glued_before = i > 0 && char_before(text, i).is_alphanumeric();
                        let glued_after = text[i + c.len_utf8()..]
                            .chars()
                            .next()
                            .is_some_and(char::is_alphanumeric);
                        if glued_before && glued_after {
                            hyphened = true;
                        } else {
                            joined = false;
                        }
                    }
                    _ => joined = false,
                }
                i += c.len_utf8();
                continue;
            }
            let start = i;
            let norm_start = self.norm.len();
            let mut upper = 0usize;
            let mut lower = 0usize;
            let mut digits = 0usize;
            let first_upper = c.is_uppercase();
            let mut end = i;
            let mut possessive = false;
            while end < bytes.len() {
                let c = char_at(text, end);
                if c.is_alphanumeric() {
                    if c.is_uppercase() {
                        upper += 1;
                    } else if c.is_numeric() {
                        digits += 1;
                    } else {
                        lower += 1;
                    }
                    push_folded(&mut self.norm, c);
                    end += c.len_utf8();
                    continue;
                }
                let next = end + c.len_utf8();
                let next_c = text[next..].chars().next();
                match c {
                    '\'' | '\u{2019}' => {
                        let after = next_c.unwrap_or(' ');
                        let after2 = next_c
                            .and_then(|n| text[next + n.len_utf8()..].chars().next())
                            .unwrap_or(' ');
                        if (after == 's' || after == 'S') && !after2.is_alphanumeric() {
                            possessive = true;
                            break;
                        }
                        if after.is_alphabetic() && end > start {
                            self.norm.push('\'');
                            end = next;
                            continue;
                        }
                        if !after.is_alphanumeric() && lower > 0 && text[..end].ends_with('s') {
                            // "Americans'"
                            possessive = true;
                        }
                        break;
                    }
                    // "U.S." and "D.C.": a full stop between single capitals.
                    '.' if upper > 0
                        && lower == 0
                        && next_c.is_some_and(|n| n.is_uppercase())
                        && text[next..]
                            .chars()
                            .nth(1)
                            .is_some_and(|n| n == '.' || !n.is_alphanumeric()) =>
                    {
                        end = next;
                        continue;
                    }
                    _ => break,
                }
            }
            // The closing full stop of "U.S." belongs to the sentence, not the word: leave it.
            if self.norm.len() == norm_start {
                i = end.max(i + 1);
                continue;
            }
            let mut flags = 0u16;
            if first_upper {
                flags |= CAP;
            }
            if upper >= 2 && lower == 0 {
                flags |= UPPER;
            }
            if digits == 0 {
                flags |= ALPHA;
            } else {
                flags |= DIGIT;
            }
            if sentence_start {
                flags |= SENT_START;
            }
            if hyphened {
                flags |= HYPHENED;
            }
            if joined {
                flags |= JOINED;
            }
            if possessive {
                flags |= POSSESSIVE;
            }
            if digits == 0 && earshot_text::words::is_english_word(&self.norm[norm_start..]) {
                flags |= WORD;
            }
            if text[end..].trim_start_matches([')', ']']).starts_with(':') {
                flags |= COLON_AFTER;
            }
            if line_start {
                flags |= LINE_START;
                line_start = digits > 0 && upper + lower == 0;
            }
            self.tokens.push(Token {
                start: start as u32,
                end: end as u32,
                norm_start: norm_start as u32,
                norm_end: self.norm.len() as u32,
                flags,
            });
            sentence_start = false;
            joined = true;
            hyphened = false;
            i = end;
            if possessive {
                // Skip the "'s" (or "'").
                i += text[end..].chars().next().map_or(1, char::len_utf8);
                if text[i..].starts_with(['s', 'S']) {
                    i += 1;
                }
                joined = false;
            }
        }
    }
}

fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or(' ')
}

fn char_before(text: &str, i: usize) -> char {
    text[..i].chars().next_back().unwrap_or(' ')
}

/// Appends the lower-case, diacritic-folded form of `c`.
fn push_folded(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    for l in c.to_lowercase() {
        match fold_latin(l) {
            Some(s) => out.push_str(s),
            None if ('\u{300}'..='\u{36f}').contains(&l) => {}
            None => out.push(l),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(String, String, u16)> {
        let mut t = Tokens::default();
        t.fill(text);
        (0..t.len())
            .map(|i| {
                (
                    text[t.tokens[i].span()].to_string(),
                    t.norm(i).to_string(),
                    t.tokens[i].flags,
                )
            })
            .collect()
    }

    #[test]
    fn splits_words_and_normalises() {
        let w = words("So Péter Szijjártó met O'Brien in the U.S. today.");
        let surfaces: Vec<&str> = w.iter().map(|(s, _, _)| s.as_str()).collect();
        assert_eq!(
            surfaces,
            [
                "So",
                "Péter",
                "Szijjártó",
                "met",
                "O'Brien",
                "in",
                "the",
                "U.S",
                "today"
            ]
        );
        assert_eq!(w[1].1, "peter");
        assert_eq!(w[4].1, "o'brien");
        assert_eq!(w[7].1, "us");
        assert!(w[7].2 & UPPER != 0);
        assert!(w[0].2 & SENT_START != 0 && w[0].2 & WORD != 0);
        assert!(w[1].2 & SENT_START == 0 && w[1].2 & CAP != 0);
    }

    #[test]
    fn possessives_stay_outside_and_hyphens_mark_the_next_word() {
        let w = words("Dmitriev's plan, the Americans' view, al-Sharaa and Su-35s");
        assert_eq!(w[0].0, "Dmitriev");
        assert!(w[0].2 & POSSESSIVE != 0);
        assert_eq!(w[3].0, "Americans");
        assert!(w[3].2 & POSSESSIVE != 0);
        let sharaa = w.iter().find(|x| x.0 == "Sharaa").unwrap();
        assert!(sharaa.2 & HYPHENED != 0);
        assert!(w.iter().any(|x| x.0 == "35s" && x.2 & DIGIT != 0));
    }

    #[test]
    fn punctuation_breaks_joins_and_starts_sentences() {
        let w = words("Russia. China, Iran: Turkey");
        assert!(w[1].2 & SENT_START != 0);
        assert!(w[2].2 & JOINED == 0);
        assert!(w[3].2 & SENT_START != 0);
        assert!(w[2].2 & COLON_AFTER != 0);
    }

    #[test]
    fn odd_text_does_not_panic() {
        for text in [
            "", "'", "''s", "-", "a-", "-a", "U.", "U.S", ".S.", "é'", "x's's", "'s",
        ] {
            let _ = words(text);
        }
    }
}
