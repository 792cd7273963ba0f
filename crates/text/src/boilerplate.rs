//! Sponsor reads, channel plugs and sign-offs: flagged so search can rank them down, never
//! deleted.

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

/// True when a sentence is show logistics.
pub fn is_boilerplate(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    if MARKERS.iter().any(|m| lower.contains(m)) {
        return true;
    }
    if lower.contains("go to the") && lower.contains("shop") {
        return true;
    }
    let bare = lower
        .trim_matches(|c: char| {
            c.is_ascii_punctuation() && c != '[' && c != ']' && c != '(' && c != ')'
        })
        .trim();
    WHOLE.contains(&bare)
}

/// Flags each segment whose words are mostly in boilerplate sentences. A short sentence next
/// to boilerplate ("The Daily Brief." between two plugs) counts as boilerplate too.
pub fn flag(segments: &mut [Segment]) {
    for seg in segments {
        let sents: Vec<&str> = sentences::sentences(&seg.text).collect();
        let mut bp: Vec<bool> = sents.iter().map(|s| is_boilerplate(s)).collect();
        spread_to_short_neighbours(&sents, &mut bp);
        let total: usize = sents.iter().map(|s| s.split_whitespace().count()).sum();
        let flagged: usize = sents
            .iter()
            .zip(&bp)
            .filter(|(_, b)| **b)
            .map(|(s, _)| s.split_whitespace().count())
            .sum();
        seg.boilerplate = total > 0 && flagged * 2 >= total;
    }
}

fn spread_to_short_neighbours(sents: &[&str], bp: &mut [bool]) {
    loop {
        let mut changed = false;
        for i in 0..sents.len() {
            let short = sents[i].split_whitespace().count() <= 4;
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
