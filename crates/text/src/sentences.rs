//! Sentence splitting that knows abbreviations (U.S., Mr., Dr., a.m.), initials and decimals.

use std::ops::Range;

/// Abbreviations after which a full stop does not end a sentence, lower-case, without the
/// final dot.
const NEVER_ENDS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "col", "lt", "sgt", "capt",
    "cmdr", "adm", "maj", "st", "mt", "ft", "jr", "sr", "vs", "v", "no", "nos", "vol", "fig",
    "approx", "dept", "est", "inc", "ltd", "corp", "co", "u.s", "u.k", "u.n", "e.u", "u.s.a",
    "e.g", "i.e", "cf", "pres", "sec", "amb", "hon", "rev", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// The byte ranges of the sentences of `text`, trimmed, in order, covering every non-space
/// character.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if matches!(b, b'.' | b'?' | b'!') {
            // Take the whole run of terminators and closing quotes/brackets: `?!`, `..."`, `.)`.
            let mut end = i + 1;
            while end < bytes.len()
                && matches!(bytes[end], b'.' | b'?' | b'!' | b'"' | b'\'' | b')' | b']')
            {
                end += 1;
            }
            while end < bytes.len() && text[end..].starts_with(['”', '’']) {
                end += 3;
            }
            if ends_sentence(text, start, i, end) {
                push_trimmed(text, start..end, &mut out);
                start = end;
            }
            i = end;
        } else {
            i += 1;
        }
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

/// The sentences of `text` as string slices.
pub fn sentences(text: &str) -> impl Iterator<Item = &str> {
    split(text).into_iter().map(move |r| &text[r])
}

fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(r.start + lead..r.end - trail);
    }
}

/// Whether the terminator at `dot` (its run ending at `end`) closes the sentence begun at
/// `start`.
fn ends_sentence(text: &str, start: usize, dot: usize, end: usize) -> bool {
    let after = &text[end..];
    // The next sentence must be separated by space, and start like a sentence does.
    let Some(next) = after
        .strip_prefix(|c: char| c.is_whitespace())
        .map(str::trim_start)
    else {
        return end == text.len();
    };
    let Some(first) = next.chars().next() else {
        return true;
    };
    if !(first.is_uppercase()
        || first.is_ascii_digit()
        || matches!(first, '"' | '“' | '\'' | '‘' | '[' | '(' | '-' | '—'))
    {
        return false;
    }
    if text.as_bytes()[dot] != b'.' || end - dot > 1 {
        return true;
    }
    // The word before the dot decides: abbreviations and initials don't end sentences.
    let word_start = text[start..dot]
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .map_or(start, |i| start + i + 1);
    let word = &text[word_start..dot];
    if word.is_empty() {
        return true;
    }
    let lower = word.to_lowercase();
    if NEVER_ENDS.contains(&lower.as_str()) {
        return false;
    }
    // A single capital letter is an initial ("J. D. Vance"), except the pronoun I.
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_uppercase() && c != 'I' {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split_str(s: &str) -> Vec<&str> {
        sentences(s).collect()
    }

    #[test]
    fn splits_on_terminators() {
        assert_eq!(
            split_str("One. Two? Three! Four"),
            vec!["One.", "Two?", "Three!", "Four"]
        );
    }

    #[test]
    fn keeps_abbreviations_and_initials() {
        assert_eq!(
            split_str("Mr. Witkoff met Dr. Lavrov in the U.S. Senate at 10 a.m. today. J. D. Vance agreed."),
            vec!["Mr. Witkoff met Dr. Lavrov in the U.S. Senate at 10 a.m. today.", "J. D. Vance agreed."]
        );
    }

    #[test]
    fn handles_quotes_decimals_and_ellipses() {
        assert_eq!(
            split_str("He said \"no.\" Then 3.5 percent... Maybe."),
            vec!["He said \"no.\"", "Then 3.5 percent...", "Maybe."]
        );
        assert_eq!(
            split_str("lower. case continues"),
            vec!["lower. case continues"]
        );
    }

    #[test]
    fn covers_every_word() {
        let s = "  A b. C d?  ";
        let joined: Vec<&str> = split_str(s);
        assert_eq!(joined.join(" "), "A b. C d?");
    }
}
