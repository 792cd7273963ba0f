//! An episode's speech cut finer than turns: sentences, words and subtitle-sized cues, each
//! with times spread over its turn in proportion to words.

use crate::rng::Rng;
use crate::Episode;

/// One sentence of a turn, timed.
#[derive(Debug, Clone, Copy)]
pub struct Sentence<'a> {
    pub text: &'a str,
    pub start_ms: u64,
    pub end_ms: u64,
    /// Index of the turn (segment) it belongs to.
    pub turn: usize,
}

/// One word, with the punctuation attached to it, timed.
#[derive(Debug, Clone, Copy)]
pub struct Word<'a> {
    pub text: &'a str,
    pub start_ms: u64,
    pub end_ms: u64,
    pub turn: usize,
    /// The last word of its sentence.
    pub ends_sentence: bool,
}

/// One or two sentences shown or read together, timed.
#[derive(Debug, Clone)]
pub struct Cue {
    pub text: String,
    pub start_ms: u64,
    pub end_ms: u64,
    pub turn: usize,
    /// The cue opens its turn.
    pub opens_turn: bool,
}

/// Splits text after ". ", "? " and "! ".
pub fn split_sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut from = 0;
    for i in 1..b.len() {
        if b[i] == b' ' && matches!(b[i - 1], b'.' | b'?' | b'!') {
            out.push(&text[from..i]);
            from = i + 1;
        }
    }
    if from < text.len() {
        out.push(&text[from..]);
    }
    out
}

/// The turn's start and end, falling back to zero.
fn span(ep: &Episode, turn: usize) -> (u64, u64) {
    let s = &ep.segments[turn];
    let start = s.start_ms.unwrap_or(0);
    (start, s.end_ms.unwrap_or(start).max(start))
}

/// Every sentence of the episode, timed in proportion to its words.
pub fn sentences(ep: &Episode) -> Vec<Sentence<'_>> {
    let mut out = Vec::new();
    for (turn, seg) in ep.segments.iter().enumerate() {
        let (start, end) = span(ep, turn);
        let parts = split_sentences(&seg.text);
        let total: usize = parts.iter().map(|p| p.split_whitespace().count()).sum();
        let total = total.max(1) as u64;
        let mut before = 0u64;
        for text in parts {
            let n = text.split_whitespace().count() as u64;
            out.push(Sentence {
                text,
                start_ms: start + (end - start) * before / total,
                end_ms: start + (end - start) * (before + n) / total,
                turn,
            });
            before += n;
        }
    }
    out
}

/// Every word of the episode, timed evenly within its sentence.
pub fn words(ep: &Episode) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    for s in sentences(ep) {
        let ws: Vec<&str> = s.text.split_whitespace().collect();
        let n = ws.len().max(1) as u64;
        let dur = s.end_ms - s.start_ms;
        for (i, w) in ws.iter().enumerate() {
            let i = i as u64;
            out.push(Word {
                text: w,
                start_ms: s.start_ms + dur * i / n,
                end_ms: s.start_ms + dur * (i + 1) / n,
                turn: s.turn,
                ends_sentence: i + 1 == n,
            });
        }
    }
    out
}

/// Subtitle cues: one sentence, or two short ones, never across turns.
pub fn cues(ep: &Episode, rng: &mut Rng) -> Vec<Cue> {
    let all = sentences(ep);
    let mut out: Vec<Cue> = Vec::new();
    let mut i = 0;
    while i < all.len() {
        let s = all[i];
        let mut cue = Cue {
            text: s.text.to_owned(),
            start_ms: s.start_ms,
            end_ms: s.end_ms,
            turn: s.turn,
            opens_turn: out.last().is_none_or(|c| c.turn != s.turn),
        };
        i += 1;
        if let Some(next) = all.get(i) {
            let words = s.text.split_whitespace().count() + next.text.split_whitespace().count();
            if next.turn == s.turn && words <= 24 && rng.chance(0.6) {
                cue.text.push(' ');
                cue.text.push_str(next.text);
                cue.end_ms = next.end_ms;
                i += 1;
            }
        }
        out.push(cue);
    }
    out
}

/// Wraps text into lines of at most `width` characters (a longer word gets a line of its own).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for w in text.split_whitespace() {
        if !line.is_empty() && line.len() + 1 + w.len() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(w);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_after_sentence_ends_only() {
        assert_eq!(
            split_sentences("One two. Three? Four 3.5 five! Six"),
            vec!["One two.", "Three?", "Four 3.5 five!", "Six"]
        );
    }

    #[test]
    fn wraps_at_width() {
        assert_eq!(wrap("aa bb cc dd", 5), vec!["aa bb", "cc dd"]);
    }
}
