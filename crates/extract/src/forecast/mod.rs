//! Forecasts: sentences in which a speaker says something will or will not happen after the
//! episode's date. Each carries the confidence the speaker states, whether it is conditional
//! (and on what), its horizon phrase and the due date that implies ([`crate::horizon`]).
//!
//! The finder is a set of rules over the words of a sentence, written and measured against
//! `eval/predictions` (see [`crate::forecast_eval`]):
//!
//! 1. **A future claim.** The sentence has a future marker: "will", "'ll", "won't", "going
//!    to"/"gonna" followed by a verb, "bound/likely/about/certain/sure to", a first-person
//!    "I expect / predict / bet / guarantee", "my bet/guess/prediction is", "there's no way",
//!    or a hedging modal ("might", "may", "could") before a verb, not before "have".
//! 2. **Not a question**, not boilerplate (sponsor reads, sign-offs).
//! 3. **Not the show talking about itself**: "we'll be right back", "I'll put the link
//!    below", "we'll get to that", "you'll see on the map", "I'm going to read that again".
//! 4. **Not someone else's plan**: a reporting verb before the marker ("the Kremlin says it
//!    will respond", "he promised he'd …") or a schedule ("the summit will be held on
//!    Tuesday"), unless the speaker adopts it ("…, and I think he will").
//! 5. **Not a hedge that predicts nothing** ("we'll see", "time will tell") and not "will" the
//!    noun ("political will").
//!
//! Confidence: high for "no doubt", "absolutely", "100%", "inevitable", "definitely",
//! "certainly", "for sure", "guaranteed", "bound to", "mark my words", "no way"; low for
//! "probably", "might", "maybe", "I suspect", "could", "may", "perhaps", "possibly",
//! "likely", "chance"; medium otherwise. A hedge outranks an intensifier ("I'm absolutely
//! sure it might …" is low): the claim is only as strong as its weakest word.

use std::ops::Range;

use chrono::NaiveDate;

use crate::horizon;

mod clauses;
mod confidence;
mod filters;
mod markers;
pub(crate) mod words;

use clauses::{clause_start_after, condition, lead_in_end, trim_end};
use confidence::confidence;
use filters::{is_hedge, is_logistics, is_past_or_generic, is_reported, is_scheduled};
use markers::{markers, may_hold_marker, stance};
use words::tokens;

/// The confidence a speaker states for a forecast.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Likelihood {
    Low,
    Medium,
    High,
}

impl Likelihood {
    /// `high`, `medium` or `low`, as the JSON contract spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            Likelihood::High => "high",
            Likelihood::Medium => "medium",
            Likelihood::Low => "low",
        }
    }

    /// The level a word names, for parsing.
    pub fn parse(s: &str) -> Option<Likelihood> {
        match s {
            "high" => Some(Likelihood::High),
            "medium" => Some(Likelihood::Medium),
            "low" => Some(Likelihood::Low),
            _ => None,
        }
    }

    /// The probability this level stands for when forecasts are scored (Brier score).
    pub fn probability(self) -> f64 {
        match self {
            Likelihood::High => 0.9,
            Likelihood::Medium => 0.7,
            Likelihood::Low => 0.4,
        }
    }
}

/// A forecast found in a piece of text. Ranges are byte offsets into that text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Forecast {
    /// The whole sentence.
    pub sentence: Range<usize>,
    /// The core claim: the clause that says what will happen, without the condition and the
    /// speaker's lead-in ("I think", "look").
    pub claim: Range<usize>,
    pub confidence: Likelihood,
    /// The condition's clause ("if the Americans go down this path"), when conditional.
    pub condition: Option<Range<usize>>,
    /// The phrase that says when ("within the next few weeks").
    pub horizon: Option<Range<usize>>,
    /// The due date the horizon implies, counted from the episode's date.
    pub due: Option<NaiveDate>,
}

impl Forecast {
    /// Whether the forecast holds only on a condition.
    pub fn conditional(&self) -> bool {
        self.condition.is_some()
    }
}

/// The forecasts in `text` (one segment of a transcript), in order. `published` is the
/// episode's date; without it there are no due dates.
pub fn find(text: &str, published: Option<NaiveDate>) -> Vec<Forecast> {
    earshot_text::sentences::split(text)
        .into_iter()
        .filter_map(|r| {
            let mut f = in_sentence(&text[r.clone()], published)?;
            shift(&mut f, r.start);
            Some(f)
        })
        .collect()
}

/// The forecast a sentence makes, if it makes one; ranges relative to the sentence.
pub fn in_sentence(sentence: &str, published: Option<NaiveDate>) -> Option<Forecast> {
    if !may_hold_marker(sentence)
        || is_question(sentence)
        || earshot_text::boilerplate::is_boilerplate(sentence)
    {
        return None;
    }
    let words = tokens(sentence);
    let w: Vec<&str> = words.iter().map(|t| t.word.as_str()).collect();
    let marker = markers(&words, &w).into_iter().find(|&m| {
        !is_logistics(&w, &m) && !is_reported(&w, &m) && !is_hedge(&w, &m) && !is_scheduled(&w, &m)
    });
    // The sentence's horizon, when finding the marker already needed it (a stance does).
    let mut whole = None;
    let marker = match marker {
        Some(m) => m,
        None => {
            let s = stance(&w)?;
            let h = horizon_in(sentence, 0..sentence.len(), published)?;
            if !points_ahead(sentence, &h) {
                return None;
            }
            whole = Some(h);
            s
        }
    };
    if is_past_or_generic(&w, marker.at) {
        return None;
    }
    let condition = condition(sentence, &words, &w, marker.at);
    let claim_start = match &condition {
        Some(c) if c.start == 0 || c.end < words[marker.at].span.start => {
            clause_start_after(sentence, c.end)
        }
        _ => lead_in_end(&words, &w, marker.at),
    };
    let claim_end = match &condition {
        Some(c) if c.start > claim_start => trim_end(sentence, c.start),
        _ => trim_end(sentence, sentence.len()),
    };
    let claim = if claim_start < claim_end {
        claim_start..claim_end
    } else {
        0..trim_end(sentence, sentence.len())
    };
    // The horizon of the claim first: in "if they're still there in January, he won't be in
    // office by the spring", the claim's "by the spring" is when it is due.
    // One pass over the sentence first: most forecasts state no horizon at all, and one that
    // falls inside the claim is the claim's.
    let whole = whole.or_else(|| horizon_in(sentence, 0..sentence.len(), published));
    let horizon = whole.and_then(|h| {
        if claim.start <= h.start && h.end <= claim.end {
            Some(h)
        } else {
            horizon_in(sentence, claim.clone(), published).or(Some(h))
        }
    });
    Some(Forecast {
        sentence: 0..sentence.len(),
        claim,
        confidence: confidence(&w, &words, marker),
        condition,
        horizon: horizon.as_ref().map(|h| h.start..h.end),
        due: horizon.and_then(|h| h.due),
    })
}

/// The horizon in a part of a sentence, ranges relative to the sentence; with no episode date,
/// the phrase without a due date.
fn horizon_in(
    sentence: &str,
    part: Range<usize>,
    published: Option<NaiveDate>,
) -> Option<horizon::Horizon> {
    let text = &sentence[part.clone()];
    let h = horizon::find(text, published.unwrap_or(NaiveDate::MIN))?;
    Some(horizon::Horizon {
        start: h.start + part.start,
        end: h.end + part.start,
        due: h.due.filter(|_| published.is_some()),
    })
}

/// Whether the sentence's horizon looks ahead ("before July", "by the end of the month",
/// "to Christmas"), which lets a stance carry a present-tense claim.
fn points_ahead(sentence: &str, h: &horizon::Horizon) -> bool {
    let phrase = sentence[h.start..h.end].to_lowercase();
    let lead = sentence[..h.start]
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .to_lowercase();
    let ahead = [
        "by ",
        "before ",
        "within ",
        "until ",
        "till ",
        "next ",
        "in the next",
        "to ",
    ];
    ahead.iter().any(|a| phrase.starts_with(a))
        || matches!(
            lead.as_str(),
            "by" | "before" | "within" | "until" | "till" | "to"
        )
}

fn shift(f: &mut Forecast, by: usize) {
    let s = |r: &mut Range<usize>| *r = r.start + by..r.end + by;
    s(&mut f.sentence);
    s(&mut f.claim);
    if let Some(r) = f.condition.as_mut() {
        s(r);
    }
    if let Some(r) = f.horizon.as_mut() {
        s(r);
    }
}

fn is_question(sentence: &str) -> bool {
    sentence
        .trim_end_matches(['"', '\'', ')', ']', '”', '’', ' '])
        .ends_with('?')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn one(s: &str) -> Option<Forecast> {
        in_sentence(s, Some(day("2026-02-08")))
    }

    #[test]
    fn plain_will_is_a_medium_forecast_with_its_due_date() {
        let s = "I think the front will move within the next few weeks.";
        let f = one(s).unwrap();
        assert_eq!(f.confidence, Likelihood::Medium);
        assert_eq!(f.due, Some(day("2026-03-08")));
        assert_eq!(&s[f.horizon.clone().unwrap()], "within the next few weeks");
        assert_eq!(
            &s[f.claim.clone()],
            "the front will move within the next few weeks"
        );
        assert!(!f.conditional());
    }

    #[test]
    fn hedges_and_intensifiers_set_the_confidence() {
        let level = |s| one(s).unwrap().confidence;
        assert_eq!(
            level("There is no doubt they will sign it."),
            Likelihood::High
        );
        assert_eq!(
            level("It's inevitable, the government is going to fall."),
            Likelihood::High
        );
        assert_eq!(
            level("They will probably hold out until spring."),
            Likelihood::Low
        );
        assert_eq!(
            level("The ceasefire might collapse by the summer."),
            Likelihood::Low
        );
        assert_eq!(level("I suspect Brussels will blink."), Likelihood::Low);
    }

    #[test]
    fn conditions_are_split_from_the_claim() {
        let s = "If the Americans go down this path, the Europeans will follow them.";
        let f = one(s).unwrap();
        assert_eq!(
            &s[f.condition.clone().unwrap()],
            "If the Americans go down this path"
        );
        assert_eq!(&s[f.claim.clone()], "the Europeans will follow them");
        let s = "They won't go the full way unless Kyiv agrees.";
        let f = one(s).unwrap();
        assert_eq!(&s[f.condition.clone().unwrap()], "unless Kyiv agrees");
        assert_eq!(&s[f.claim.clone()], "They won't go the full way");
    }

    #[test]
    fn questions_logistics_reports_and_hedges_are_not_forecasts() {
        for s in [
            "Do you think they'll hold?",
            "We'll be right back after this.",
            "I'll put the links in the description below.",
            "We'll get to that in a minute.",
            "The Kremlin says it will respond.",
            "The summit will be held in Geneva on Tuesday.",
            "He was going to resign, apparently.",
            "Time will tell.",
            "We'll see what happens.",
            "They lack the political will to do it.",
            "You'll see that on the map.",
            "I'm going to read that again.",
            "He's going to Riyadh on Tuesday.",
            "That would be a disaster.",
        ] {
            assert_eq!(one(s), None, "{s}");
        }
    }

    #[test]
    fn an_adopted_report_is_a_forecast() {
        assert!(one("Trump says he'll impose the tariffs, and I think he will.").is_some());
    }

    #[test]
    fn open_ended_horizons_have_no_due_date() {
        let s = "Sooner or later, Europe is going to pay for this.";
        let f = one(s).unwrap();
        assert_eq!(&s[f.horizon.clone().unwrap()], "Sooner or later");
        assert_eq!(f.due, None);
    }

    #[test]
    fn find_reports_offsets_in_the_segment() {
        let text = "That was last week. They will strike again by the summer. Anyway.";
        let found = find(text, Some(day("2026-02-08")));
        assert_eq!(found.len(), 1);
        assert_eq!(
            &text[found[0].sentence.clone()],
            "They will strike again by the summer."
        );
    }

    #[test]
    fn the_claim_horizon_wins_over_the_condition_horizon() {
        let s = "If the fleet is still there in January, he won't be in power by the spring.";
        let f = one(s).unwrap();
        assert_eq!(&s[f.horizon.clone().unwrap()], "by the spring");
        assert_eq!(f.due, Some(day("2026-03-20")));
        assert!(f.conditional());
    }

    #[test]
    fn more_traps() {
        for s in [
            "Right, well, we'll see, won't we.",
            "I'll stick my neck out, since nobody else will.",
            "Our producer will get your address.",
            "The designation will take effect on Monday.",
            "The Budget will be on the twenty-sixth of November.",
            "It could be that he was sidelined.",
            "Those talks may not be working out so well.",
            "They say the ceasefire will hold, and it hasn't so far.",
            "The suspension will have taken effect by now.",
            "We'll be keeping an eye on that.",
        ] {
            assert_eq!(one(s), None, "{s}");
        }
        for s in [
            "Kyiv might have to sign within a month or two.",
            "We're going to see more strikes on the grid this winter.",
            "I wouldn't be surprised if he resigns before Christmas.",
            "Niger's about to sell that uranium.",
            "There's no way they sign before June.",
            "I expect the rate to fall in March.",
        ] {
            assert!(one(s).is_some(), "{s}");
        }
    }

    #[test]
    fn past_guesses_and_either_way_modals_are_not_forecasts() {
        for s in [
            "Brussels will have noticed the polls, surely.",
            "He was always going to get his summit.",
            "The minister replied that Poland will not pay.",
            "She might, she might not.",
            "The envoy may or may not stay on.",
            "That takes will power.",
            "I think the talks went badly last week.",
        ] {
            assert_eq!(one(s), None, "{s}");
        }
        // With a date ahead, the future perfect is a forecast.
        assert!(one("By the summer they will have spent the whole fund.").is_some());
    }

    #[test]
    fn a_stance_carries_a_present_tense_claim_with_a_horizon_ahead() {
        let f = one("I don't think Ottawa gets a deal before July.").unwrap();
        assert_eq!(f.confidence, Likelihood::Medium);
        assert_eq!(f.due, Some(day("2026-07-01")));
        let f = one("No doubt about it, the bill passes by the end of the month.").unwrap();
        assert_eq!(f.confidence, Likelihood::High);
        assert_eq!(f.due, Some(day("2026-02-28")));
        assert_eq!(
            one("There's a good chance Paris gets a downgrade before the end of the year.")
                .map(|f| f.confidence),
            Some(Likelihood::Low)
        );
        assert_eq!(one("I think he gets it."), None);
    }
}
