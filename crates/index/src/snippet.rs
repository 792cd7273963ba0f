//! Snippets: the part of a passage that best shows why it matched, HTML-escaped, with the
//! matching words in `<b>…</b>`. tantivy's own snippet generator knows only exact terms, so
//! this one also marks the fuzzy and expanded variants the query matched and the words that
//! sound like a query word.

use std::collections::HashSet;

use tantivy::tokenizer::TextAnalyzer;

use crate::tokenize::{self, Word};

/// A snippet aims at this many bytes of text (whole words, so a little less or more).
pub const WINDOW: usize = 180;
/// A passage up to this long is shown whole.
const WHOLE: usize = 220;

/// What a snippet marks: normalised terms, and Double Metaphone codes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Highlight {
    /// Normalised words to mark (the query words, their variants and phrase words).
    pub terms: HashSet<String>,
    /// Words whose primary or alternate code is one of these are marked too.
    pub codes: HashSet<String>,
}

impl Highlight {
    fn marks(&self, word: &str) -> bool {
        if self.terms.contains(word) {
            return true;
        }
        if self.codes.is_empty() {
            return false;
        }
        tokenize::codes(word).is_some_and(|(p, a)| {
            self.codes.contains(&p) || a.is_some_and(|a| self.codes.contains(&a))
        })
    }
}

/// Builds the snippet of `text`: the window of about [`WINDOW`] bytes with the most distinct
/// marked words, cut at word boundaries with "…" where cut, escaped for HTML.
pub fn snippet(analyzer: &mut TextAnalyzer, text: &str, highlight: &Highlight) -> String {
    let words = tokenize::words(analyzer, text);
    let marked: Vec<usize> = (0..words.len())
        .filter(|&i| highlight.marks(&words[i].norm))
        .collect();
    let (from, to) = window(text, &words, &marked);
    let mut out = String::with_capacity(to - from + 32);
    let cut_before = !text[..from].trim().is_empty();
    let cut_after = !text[to..].trim().is_empty();
    if cut_before {
        out.push('…');
    }
    let mut at = from;
    for &i in &marked {
        let w = &words[i];
        if w.from < from || w.to > to {
            continue;
        }
        escape(&text[at..w.from], &mut out);
        out.push_str("<b>");
        escape(&text[w.from..w.to], &mut out);
        out.push_str("</b>");
        at = w.to;
    }
    escape(&text[at..to], &mut out);
    if cut_after {
        out.push('…');
    }
    out
}

/// The byte range to show.
fn window(text: &str, words: &[Word], marked: &[usize]) -> (usize, usize) {
    let lead = text.len() - text.trim_start().len();
    let trimmed = (lead, text.trim_end().len().max(lead));
    if text.len() <= WHOLE || words.is_empty() {
        return trimmed;
    }
    // The run of marked words fitting in the window with the most distinct words, then most.
    let mut best: Option<(usize, usize, usize, usize)> = None; // (distinct, count, first, last)
    for (a, &i) in marked.iter().enumerate() {
        let mut seen: HashSet<&str> = HashSet::new();
        let mut last = i;
        let mut count = 0;
        for &j in &marked[a..] {
            if words[j].to - words[i].from > WINDOW {
                break;
            }
            seen.insert(&words[j].norm);
            last = j;
            count += 1;
        }
        let better = best.is_none_or(|(d, c, _, _)| (seen.len(), count) > (d, c));
        if better {
            best = Some((seen.len(), count, i, last));
        }
    }
    let (first, last) = best.map_or((0, 0), |(_, _, f, l)| (f, l));
    // Centre the run, with a little more room after it than before.
    let span = words[last].to - words[first].from;
    let before = (WINDOW.saturating_sub(span) / 3).min(60);
    let mut start = words[first].from.saturating_sub(before);
    let end = (start + WINDOW).max(words[last].to).min(text.len());
    if end == text.len() {
        start = end.saturating_sub(WINDOW).min(words[first].from);
    }
    // Whole words only: begin at a word, end after a word and its closing punctuation.
    let fi = words
        .iter()
        .position(|w| w.from >= start)
        .map_or(first, |k| k.min(first));
    let li = words
        .iter()
        .rposition(|w| w.to <= end)
        .map_or(last, |k| k.max(last));
    let from = if fi == 0 { trimmed.0 } else { words[fi].from };
    let to = if li + 1 == words.len() {
        trimmed.1.max(from)
    } else {
        let to = words[li].to;
        to + text[to..]
            .char_indices()
            .find(|&(_, c)| c.is_whitespace() || c.is_alphanumeric())
            .map_or(text.len() - to, |(k, _)| k)
    };
    (from, to)
}

/// Appends `s` escaped for HTML text and attribute values.
pub fn escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn hl(terms: &[&str]) -> Highlight {
        Highlight {
            terms: terms.iter().map(|t| t.to_string()).collect(),
            codes: HashSet::new(),
        }
    }

    fn snip(text: &str, h: &Highlight) -> String {
        snippet(&mut tokenize::text_analyzer(), text, h)
    }

    #[test]
    fn short_passages_are_shown_whole_with_marks() {
        let s = snip(
            "Then Whitkoff flew <home> & \"rested\".",
            &hl(&["whitkoff"]),
        );
        assert_eq!(
            s,
            "Then <b>Whitkoff</b> flew &lt;home&gt; &amp; &quot;rested&quot;."
        );
    }

    #[test]
    fn surrounding_white_space_is_not_a_cut() {
        assert_eq!(
            snip("  Grain rose. \n", &hl(&["grain"])),
            "<b>Grain</b> rose."
        );
        let long = format!("  {} ", "grain ".repeat(60));
        let s = snip(&long, &hl(&["grain"]));
        assert!(
            s.starts_with("<b>Grain</b>") || s.starts_with("<b>grain</b>"),
            "{s}"
        );
        assert!(s.ends_with('…'), "{s}");
    }

    #[test]
    fn codes_mark_words_that_sound_alike() {
        let mut h = hl(&[]);
        h.codes.insert(tokenize::codes("witkoff").unwrap().0);
        assert_eq!(snip("Mr Wittkov said.", &h), "Mr <b>Wittkov</b> said.");
    }

    #[test]
    fn long_passages_are_cut_around_the_most_distinct_matches() {
        let filler = "the committee talked about budgets and roads for a while longer ";
        let text = format!(
            "{}The envoy Witkoff met Ushakov there. {}Witkoff again. {}",
            filler.repeat(4),
            filler.repeat(3),
            filler.repeat(3)
        );
        let s = snip(&text, &hl(&["witkoff", "ushakov"]));
        assert!(s.starts_with('…') && s.ends_with('…'), "{s}");
        assert!(s.contains("<b>Witkoff</b> met <b>Ushakov</b>"), "{s}");
        assert!(s.len() < WINDOW + 60, "{} {s}", s.len());
        // Cut at word boundaries.
        let inner = s.trim_matches('…');
        assert!(inner.starts_with(|c: char| c.is_alphanumeric()), "{s}");
    }

    #[test]
    fn no_match_shows_the_beginning() {
        let text = "word ".repeat(100);
        let s = snip(&text, &hl(&["absent"]));
        assert!(s.starts_with("word") && s.ends_with('…'), "{s}");
    }

    proptest! {
        #[test]
        fn snippets_never_panic_and_escape_everything(
            text in "[a-z <>&\"'é.,]{0,600}",
            term in "[a-z]{1,3}",
        ) {
            let s = snip(&text, &hl(&[&term]));
            let stripped = s.replace("<b>", "").replace("</b>", "");
            prop_assert!(!stripped.contains('<') && !stripped.contains('>'));
            prop_assert!(!stripped.contains('"') && !stripped.contains('\''));
        }
    }
}
