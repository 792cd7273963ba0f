//! The confidence a speaker states: the weakest hedge or the strongest intensifier.

use super::markers::{Marker, MarkerKind};
use super::words::{is_month_may, Tok};
use super::Likelihood;

#[rustfmt::skip]
pub(super) const HIGH: &[&str] = &[
    "absolutely", "inevitable", "inevitably", "definitely", "certainly", "undoubtedly",
    "guaranteed", "guarantee", "100%", "100", "hundred", "certain", "surely", "bound",
    "convinced", "undeniably", "unquestionably",
];

#[rustfmt::skip]
pub(super) const LOW: &[&str] = &[
    "probably", "might", "maybe", "could", "perhaps", "possibly", "likely", "unlikely",
    "chance", "chances", "potentially", "suspect", "conceivably", "possible", "plausibly",
    "plausible", "odds", "guess",
];

/// The confidence of a forecast: low if any hedge, else high if any intensifier, else
/// medium.
pub(super) fn confidence(w: &[&str], t: &[Tok], m: Marker) -> Likelihood {
    let hedged = m.kind == MarkerKind::Modal
        || w.iter().enumerate().any(|(i, x)| {
            LOW.contains(x)
                || (*x == "may" && !is_month_may(w, t, i))
                // "I wouldn't be surprised if", "don't be surprised if".
                || (*x == "surprised" && w[..i].contains(&"not"))
        });
    if hedged {
        return Likelihood::Low;
    }
    let intensified = matches!(m.kind, MarkerKind::Certain | MarkerKind::NoWay)
        || w.iter().enumerate().any(|(i, x)| {
            let prev = if i > 0 { w[i - 1] } else { "" };
            HIGH.contains(x)
                || (*x == "doubt" && prev == "no")
                || (*x == "sure" && prev == "for")
                || (*x == "way" && prev == "no")
                || (*x == "mark" && w[i + 1..].starts_with(&["my", "words"]))
        });
    if intensified {
        Likelihood::High
    } else {
        Likelihood::Medium
    }
}
