//! Sponsor reads, channel plugs and sign-offs: flagged so search can rank them down, never
//! deleted.

use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use earshot_model::Segment;

use crate::sentences;

/// Phrases (lower-case) that mark a sentence as show logistics rather than content.
const MARKERS: &[&str] = &[
    "use the code",
    "use code ",
    "promo code",
    "discount code",
    "coupon code",
    "link in the description",
    "links in the description",
    "in the description box",
    "description box",
    "in the description below",
    "link below",
    "links below",
    "like and subscribe",
    "hit subscribe",
    "subscribe to the channel",
    "subscribe to our channel",
    "subscribe to the show",
    "hit the like button",
    "smash that like",
    "notification bell",
    "ring the bell",
    "we're on rumble",
    "we are on rumble",
    "we're on telegram",
    "we are on telegram",
    "we're on x",
    "we are on x",
    "we're also on",
    "we are also on",
    "locals.com",
    "locals dot com",
    "dot locals",
    "on substack",
    "patreon.com",
    "on patreon",
    "support us on",
    "support the show",
    "become a member",
    "become a patron",
    "merch",
    "% off",
    "percent off",
    "brought to you by",
    "is sponsored by",
    "sponsored by",
    "our sponsor",
    "today's sponsor",
    "end the video there",
    "end the show there",
    "end the episode there",
    "thanks for watching",
    "thank you for watching",
    "thanks for listening",
    "thank you for listening",
    "see you next time",
    "see you in the next",
    "until next time",
    "leave us a review",
    "rate and review",
    "five-star review",
];

/// Whole sentences that are sign-offs or sound cues by themselves.
const WHOLE: &[&str] = &[
    "take care",
    "bye",
    "goodbye",
    "bye bye",
    "[music]",
    "[applause]",
    "[laughter]",
    "(music)",
    "♪",
];

/// One automaton over every marker, matched ASCII-case-insensitively in a single pass.
fn markers() -> &'static AhoCorasick {
    static AC: OnceLock<AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| {
        let mut patterns: Vec<&str> = MARKERS.to_vec();
        patterns.extend([GO_TO_THE, SHOP]);
        patterns.extend(WHOLE);
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(patterns)
            .expect("boilerplate markers")
    })
}

/// "go to the ... shop" counts when both halves are in one sentence.
const GO_TO_THE: &str = "go to the";
const SHOP: &str = "shop";

/// True when a sentence is show logistics.
pub fn is_boilerplate(sentence: &str) -> bool {
    let whole = 0..sentence.len();
    classify(sentence, std::slice::from_ref(&whole))[0]
}

/// Classifies each sentence (a byte range of `text`) as boilerplate or not, scanning the text
/// once however many markers there are.
pub fn classify(text: &str, sentences: &[Range<usize>]) -> Vec<bool> {
    let mut out = vec![false; sentences.len()];
    let mut halves = vec![(false, false); sentences.len()];
    let go = MARKERS.len();
    let mut s = 0;
    for m in markers().find_iter(text) {
        while s < sentences.len() && sentences[s].end <= m.start() {
            s += 1;
        }
        if s == sentences.len() {
            break;
        }
        if m.start() < sentences[s].start || m.end() > sentences[s].end {
            continue;
        }
        match m.pattern().as_usize() {
            p if p < go => out[s] = true,
            p if p == go => halves[s].0 = true,
            p if p == go + 1 => halves[s].1 = true,
            // A sign-off counts only as a whole sentence.
            _ => out[s] |= is_whole_sign_off(&text[sentences[s].clone()]),
        }
    }
    for (flag, half) in out.iter_mut().zip(&halves) {
        *flag |= *half == (true, true);
    }
    out
}

/// A sentence that is nothing but a sign-off or a sound cue.
fn is_whole_sign_off(sentence: &str) -> bool {
    if sentence.len() > 16 {
        return false;
    }
    let bare = sentence
        .trim_matches(|c: char| c.is_ascii_punctuation() && !matches!(c, '[' | ']' | '(' | ')'))
        .trim()
        .to_lowercase();
    WHOLE.contains(&bare.as_str())
}

/// Flags each segment whose words are mostly in boilerplate sentences. A short sentence next
/// to boilerplate ("The Daily Brief." between two plugs) counts as boilerplate too.
pub fn flag(segments: &mut [Segment]) {
    for seg in segments {
        // Most segments hold no marker at all: one scan settles them.
        if !markers().is_match(&seg.text) {
            seg.boilerplate = false;
            continue;
        }
        let ranges = sentences::split(&seg.text);
        let mut bp = classify(&seg.text, &ranges);
        let words: Vec<usize> = ranges
            .iter()
            .map(|r| seg.text[r.clone()].split_whitespace().count())
            .collect();
        spread_to_short_neighbours(&words, &mut bp);
        let total: usize = words.iter().sum();
        let flagged: usize = words
            .iter()
            .zip(&bp)
            .filter(|(_, b)| **b)
            .map(|(w, _)| w)
            .sum();
        seg.boilerplate = total > 0 && flagged * 2 >= total;
    }
}

fn spread_to_short_neighbours(words: &[usize], bp: &mut [bool]) {
    loop {
        let mut changed = false;
        for i in 0..words.len() {
            let short = words[i] <= 4;
            let next_to = (i > 0 && bp[i - 1]) || (i + 1 < bp.len() && bp[i + 1]);
            if !bp[i] && short && next_to {
                bp[i] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_plugs_and_sign_offs() {
        assert!(is_boilerplate("Use the code SPRING for 20% off."));
        assert!(is_boilerplate(
            "The link is in the description box down below."
        ));
        assert!(is_boilerplate("We're on Rumble and Telegram."));
        assert!(is_boilerplate("Take care."));
        assert!(is_boilerplate("Go to the Night Desk shop."));
        assert!(!is_boilerplate(
            "The Russians will take care of the logistics themselves."
        ));
        assert!(!is_boilerplate("The code of conduct was broken."));
    }

    #[test]
    fn flags_segments_mostly_of_boilerplate() {
        let mut segs = vec![
            Segment::text("Night Desk. Dot locals.com. We're on Rumble. Take care."),
            Segment::text(
                "The summit failed because nobody came prepared. We will end the video there.",
            ),
        ];
        flag(&mut segs);
        assert!(segs[0].boilerplate);
        assert!(!segs[1].boilerplate);
    }
}
