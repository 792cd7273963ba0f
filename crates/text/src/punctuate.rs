//! Sentence boundaries for auto-caption dumps, which come lower-case and unpunctuated.
//!
//! Without a language model the best cheap signal is how spoken English opens sentences:
//! discourse markers ("so", "now", "okay", "anyway") and subject pronouns after a run of words.
//! A boundary is placed before such an opener once the current sentence is long enough, and
//! forced at a hard length. Each sentence gets a capital and a full stop; "i" becomes "I".
//! No word is removed or reordered.

use earshot_model::Segment;

/// Openers that start a new sentence once the current one has [`SOFT_MIN`] words.
const MARKERS: &[&str] = &[
    "so", "now", "okay", "ok", "anyway", "well", "alright", "yeah", "yes", "look", "right",
];
/// Subject pronouns that start a new sentence once the current one has [`PRONOUN_MIN`] words.
const PRONOUNS: &[&str] = &[
    "i", "we", "they", "he", "she", "you", "it's", "that's", "there's", "i'm", "we're", "they're",
];
const SOFT_MIN: usize = 6;
const PRONOUN_MIN: usize = 14;
const HARD_MAX: usize = 30;

/// Restores sentence boundaries across the segments, treating them as one stream of words so
/// that a sentence may run on from one caption into the next.
pub fn restore(segments: &mut [Segment]) {
    let mut in_sentence = 0usize;
    for seg in segments.iter_mut() {
        let words: Vec<&str> = seg.text.split_whitespace().collect();
        let mut out = String::with_capacity(seg.text.len() + 16);
        for w in &words {
            let lower = w.to_lowercase();
            let opener = (MARKERS.contains(&lower.as_str()) && in_sentence >= SOFT_MIN)
                || (PRONOUNS.contains(&lower.as_str()) && in_sentence >= PRONOUN_MIN)
                || in_sentence >= HARD_MAX;
            if opener && !out.is_empty() {
                end_sentence(&mut out);
            }
            if opener {
                in_sentence = 0;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            if in_sentence == 0 || matches!(lower.as_str(), "i" | "i'm" | "i've" | "i'll" | "i'd") {
                push_capitalised(&mut out, w);
            } else {
                out.push_str(w);
            }
            in_sentence += 1;
        }
        seg.text = out;
    }
    if let Some(last) = segments.iter_mut().rev().find(|s| !s.text.is_empty()) {
        end_sentence(&mut last.text);
    }
}

fn end_sentence(out: &mut String) {
    if !out.ends_with(['.', '?', '!']) {
        out.push('.');
    }
}

fn push_capitalised(out: &mut String, w: &str) {
    let mut chars = w.chars();
    if let Some(c) = chars.next() {
        out.extend(c.to_uppercase());
        out.push_str(chars.as_str());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn restores_boundaries_without_losing_words() {
        let text = "so today we are going to talk about the talks in geneva and what the envoy said after the meeting now i think the ceasefire is the real question";
        let mut segs = vec![Segment::text(text)];
        restore(&mut segs);
        let out = &segs[0].text;
        assert!(out.starts_with("So today"));
        assert!(out.contains("meeting. Now I think"), "{out}");
        assert!(out.ends_with("question."));
        let words = |s: &str| {
            s.split_whitespace()
                .map(|w| w.trim_matches('.').to_lowercase())
                .collect::<Vec<_>>()
        };
        assert_eq!(words(out), words(text));
    }

    #[test]
    fn sentences_run_across_segments() {
        let mut segs = vec![
            Segment::text("so the envoy went"),
            Segment::text("to moscow again"),
        ];
        restore(&mut segs);
        assert_eq!(segs[0].text, "So the envoy went");
        assert_eq!(segs[1].text, "to moscow again.");
    }
}
