//! Future markers: the words that make a sentence a claim about what will happen.

use super::words::{is_month_may, Tok};

/// What kind of future marker a word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum MarkerKind {
    /// "will", "'ll", "won't".
    Will,
    /// "going to" + verb.
    GoingTo,
    /// "bound to", "certain to", "sure to": high.
    Certain,
    /// "likely to", "about to", "expected to" (by the speaker).
    Likely,
    /// "I expect", "I predict", "my bet is".
    Expect,
    /// "might", "may", "could" + verb.
    Modal,
    /// "there's no way".
    NoWay,
    /// A stance ("I don't think", "no doubt", "I suspect") over a present-tense claim with a
    /// forward horizon: "I suspect he doesn't make it to Christmas".
    Stance,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Marker {
    pub(super) at: usize,
    pub(super) kind: MarkerKind,
}

/// Words before "will" that make it the noun.
#[rustfmt::skip]
pub(super) const NOUN_WILL: &[&str] = &[
    "the", "political", "their", "his", "her", "its", "our", "my", "your", "free", "good",
    "ill", "own", "popular", "collective", "public", "of", "a", "no", "with", "against", "iron",
    "strong", "enough", "people's", "nation's", "sheer", "last",
];

/// Words after "going to" that show motion, not the future ("going to Moscow").
#[rustfmt::skip]
pub(super) const NOT_VERB: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "my", "our",
    "your", "its", "war", "church", "school", "bed", "work", "court", "sea", "town", "jail",
    "prison", "hospital", "vote", "election", "elections", "polls", "every", "some", "all",
    "one", "two", "any", "no", "yes", "um", "uh", "er",
];

#[rustfmt::skip]
pub(super) const PRONOUNS: &[&str] = &[
    "i", "we", "you", "he", "she", "it", "they", "that", "this", "there",
];

pub(super) fn markers(t: &[Tok], w: &[&str]) -> Vec<Marker> {
    let mut out = Vec::new();
    let at = |i: usize| w.get(i).copied().unwrap_or("");
    for i in 0..w.len() {
        let kind = match w[i] {
            "will" => {
                let noun =
                    i > 0 && NOUN_WILL.contains(&w[i - 1]) || matches!(at(i + 1), "to" | "power");
                // "Will" mid-sentence with a capital is a name (Will Hurd).
                let name = t[i].cap && i > 0 && !t[i].span.is_empty() && !is_contracted(t, i);
                // "make of that what you will", "if you will".
                let idiom = i >= 2
                    && w[i - 1] == "you"
                    && matches!(w[i - 2], "what" | "if")
                    && matches!(at(i + 1), "" | "and" | "but" | "i");
                // "…, won't we": a tag question.
                let k = if at(i + 1) == "not" { i + 2 } else { i + 1 };
                let tag = PRONOUNS.contains(&at(k)) && at(k + 1).is_empty();
                // "since nobody else will": an ellipsis stands for a forecast only after the
                // speaker's own "I think", "I bet" ("…, and I think he will").
                let elliptic = at(i + 1).is_empty()
                    && !w[i.saturating_sub(5)..i].iter().any(|x| {
                        matches!(
                            *x,
                            "think" | "believe" | "bet" | "expect" | "sure" | "guarantee"
                        )
                    });
                (!noun && !name && !idiom && !tag && !elliptic && at(i + 1) != "of")
                    .then_some(MarkerKind::Will)
            }
            // "we shall see" is a hedge, caught with "we'll see".
            "shall" if !matches!(at(i + 1), "" | "we" | "i") => Some(MarkerKind::Will),
            // "I wouldn't be surprised if …", "don't be surprised if …".
            "surprised" if at(i + 1) == "if" && i >= 2 && w[i - 1] == "be" && w[i - 2] == "not" => {
                Some(MarkerKind::Modal)
            }
            "going" if at(i + 1) == "to" => {
                let next = at(i + 2);
                let verb = !next.is_empty()
                    && !NOT_VERB.contains(&next)
                    && !t.get(i + 2).is_some_and(|x| x.cap)
                    && !next.chars().next().is_some_and(|c| c.is_ascii_digit())
                    && crate::numbers::below_hundred(next, None).is_none();
                // "was going to", "was always going to": the past's future.
                let was = |j: usize| matches!(w[j], "was" | "were");
                let past = i > 0 && was(i - 1)
                    || i > 1
                        && was(i - 2)
                        && matches!(
                            w[i - 1],
                            "always" | "never" | "clearly" | "obviously" | "surely"
                        );
                (verb && !past).then_some(MarkerKind::GoingTo)
            }
            "bound" | "certain" | "sure" if at(i + 1) == "to" && i > 0 && is_be(w[i - 1]) => {
                Some(MarkerKind::Certain)
            }
            "likely" | "unlikely" | "about" | "poised" | "set" | "expected"
                if at(i + 1) == "to"
                    && i > 0
                    && (is_be(w[i - 1]) || w[i - 1] == "very" || w[i - 1].ends_with("'s")) =>
            {
                Some(MarkerKind::Likely)
            }
            "prediction" | "bet" | "guess" | "money" | "forecast"
                if i > 0
                    && w[i - 1] == "my"
                    && matches!(at(i + 1), "is" | "'s" | "would" | "s") =>
            {
                Some(MarkerKind::Expect)
            }
            // Not "I suspect", "I imagine", "I guess": as often about the present as the
            // future; with "will" after them the sentence has its marker anyway.
            "expect" | "predict" | "bet" | "guarantee" | "anticipate" | "expecting"
            | "predicting" | "wager" | "forecast" => {
                // "I expect", "I'd bet", "I fully expect", "we're expecting".
                let before = |k: usize| i.checked_sub(k).map(|j| w[j]).unwrap_or("");
                let me = |x: &str| x == "i" || (x == "we" && w[i] != "bet");
                let first_person = me(before(1))
                    || me(before(2))
                        && matches!(
                            before(1),
                            "would"
                                | "am"
                                | "are"
                                | "really"
                                | "fully"
                                | "do"
                                | "honestly"
                                | "strongly"
                                | "personally"
                                | "still"
                                | "certainly"
                                | "definitely"
                                | "kind"
                                | "sort"
                                | "also"
                                | "just"
                                | "actually"
                        );
                let not_q = !(i > 0 && matches!(w[i - 1], "you" | "they" | "he" | "she"));
                let object = at(i + 1) != "so" && !at(i + 1).is_empty();
                (first_person && not_q && object).then_some(MarkerKind::Expect)
            }
            "might" | "may" | "could" => {
                let next = at(i + 1);
                let next2 = at(i + 2);
                // "might have gone" is the past; "might have to sign" is not.
                let have = |k: usize| at(k) == "have" && at(k + 1) != "to";
                let past = have(i + 1) || (next == "not" && have(i + 2));
                // "that would be the thing that could make …": a hypothetical.
                let hypothetical = w[..i].contains(&"would");
                let month = is_month_may(w, t, i);
                let verb = !next.is_empty() && next != "be" || next == "be" && !next2.is_empty();
                (!past
                    && !month
                    && verb
                    && !hypothetical
                    && !is_idle_modal(w, i)
                    && !is_present_modal(w, i))
                .then_some(MarkerKind::Modal)
            }
            // "there's no way", "there is no way".
            "way" if i >= 2 && w[i - 1] == "no" && matches!(w[i - 2], "'s" | "is" | "there's") => {
                Some(MarkerKind::NoWay)
            }
            _ => None,
        };
        if let Some(kind) = kind {
            out.push(Marker { at: i, kind });
        }
    }
    out
}

pub(super) fn is_contracted(t: &[Tok], i: usize) -> bool {
    i > 0 && t[i - 1].span.end == t[i].span.start
}

pub(super) fn is_be(w: &str) -> bool {
    matches!(w, "is" | "are" | "am" | "'s" | "s" | "be" | "being")
}

/// "you could say", "I might add", "we could argue": modals that predict nothing.
pub(super) fn is_idle_modal(w: &[&str], i: usize) -> bool {
    let subject = if i > 0 { w[i - 1] } else { "" };
    let next = w.get(i + 1).copied().unwrap_or("");
    let next = if matches!(next, "well" | "also" | "even" | "just" | "ever") {
        w.get(i + 2).copied().unwrap_or("")
    } else {
        next
    };
    matches!(subject, "you" | "i" | "one")
        || matches!(
            next,
            "say"
                | "argue"
                | "add"
                | "call"
                | "imagine"
                | "ask"
                | "see"
                | "tell"
                | "think"
                | "hear"
                | "recall"
                | "remember"
                | "note"
                | "mention"
                | "point"
                | "want"
                | "wonder"
                | "help"
                | "understand"
                | "do"
                | "i"
                | "we"
                | "you"
        )
        || matches!(subject, "as" | "what" | "how" | "whatever" | "who")
}

/// "it could be that …", "they may still be thinking", "it could also mean": a modal that
/// guesses at the present, unless the sentence says when ("could be over by spring").
fn is_present_modal(w: &[&str], i: usize) -> bool {
    let mut j = i + 1;
    while matches!(
        w.get(j),
        Some(&("well" | "also" | "still" | "very" | "just" | "even" | "already" | "not"))
    ) {
        j += 1;
    }
    let verb = w.get(j).copied().unwrap_or("");
    let next = w.get(j + 1).copied().unwrap_or("");
    let present = match verb {
        // "may not be working", "might be hiding": what is going on now.
        "be" if next.ends_with("ing") && next != "going" => true,
        "be" => matches!(
            next,
            "that"
                | "a"
                | "an"
                | "the"
                | "because"
                | "thinking"
                | "doing"
                | "wrong"
                | "right"
                | "true"
                | "why"
                | "what"
                | "how"
                | "some"
                | "one"
                | "part"
                | "behind"
                | "in"
                | "there"
                | "here"
        ),
        "mean" | "know" | "explain" | "suggest" | "indicate" | "reflect" | "seem" | "look"
        | "sound" | "feel" => true,
        "never" => next == "know",
        _ => false,
    };
    present
        && !w.iter().any(|x| {
            matches!(
                *x,
                "soon"
                    | "weeks"
                    | "months"
                    | "year"
                    | "years"
                    | "summer"
                    | "spring"
                    | "autumn"
                    | "winter"
                    | "eventually"
            )
        })
}

/// The speaker's stance words that can carry a present-tense forecast ("I don't think Seoul
/// gets a deal before July"): where one starts, if the sentence has one.
#[rustfmt::skip]
const STANCES: &[&[&str]] = &[
    &["i", "do", "not", "think"], &["i", "think"], &["i", "suspect"], &["i", "reckon"],
    &["i", "bet"], &["i", "would", "bet"], &["no", "doubt"], &["good", "chance"],
    &["fair", "chance"], &["decent", "chance"], &["fairly", "sure"], &["pretty", "sure"],
    &["i", "am", "sure"], &["i", "doubt"], &["i", "believe"], &["my", "guess"],
];

/// A stance that can carry a present-tense claim about the future; the caller checks that the
/// sentence points forward in time.
pub(super) fn stance(w: &[&str]) -> Option<Marker> {
    (0..w.len())
        .find(|&i| STANCES.iter().any(|s| w[i..].starts_with(s)))
        .map(|at| Marker {
            at,
            kind: MarkerKind::Stance,
        })
}

/// Every word that can start a marker or a stance (with "won't", "gonna" and "'ll", which
/// [`super::words::tokens`] opens into them). A sentence with none of them makes no forecast,
/// so the finder can pass it over before tokenising it: most sentences have none.
#[rustfmt::skip]
const TRIGGERS: &[&str] = &[
    "will", "won't", "wont", "shall", "surprised", "going", "gonna", "bound", "certain", "sure",
    "likely", "unlikely", "about", "poised", "set", "expected", "prediction", "bet", "guess",
    "money", "forecast", "expect", "predict", "guarantee", "anticipate", "expecting",
    "predicting", "wager", "might", "may", "could", "way", "think", "suspect", "reckon",
    "doubt", "chance", "believe",
];

/// Whether a sentence has a word that could make it a forecast (a cheap test, no allocation).
pub(super) fn may_hold_marker(sentence: &str) -> bool {
    sentence
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .any(|word| {
            let w = word.trim_matches(['\'', '’']);
            w.ends_with("'ll")
                || w.ends_with("’ll")
                || w.eq_ignore_ascii_case("won’t")
                || TRIGGERS.iter().any(|t| t.eq_ignore_ascii_case(w))
        })
}
