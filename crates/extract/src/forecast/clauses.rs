//! The parts of a forecast sentence: its condition and its core claim.

use std::ops::Range;

use super::markers::PRONOUNS;
use super::words::Tok;

/// Whether "if" or "unless" at `i` opens a real condition, not a figure of speech ("even if",
/// "if you ask me", "if anything", "if I'm honest", "if I had to bet").
fn opens_if(w: &[&str], i: usize) -> bool {
    let at = |k: usize| w.get(i + k).copied().unwrap_or("");
    let prev = if i > 0 { w[i - 1] } else { "" };
    if matches!(prev, "even" | "as" | "what" | "only") || matches!(at(1), "anything" | "not" | "at")
    {
        return false;
    }
    let idiom = match at(1) {
        "you" => matches!(
            at(2),
            "ask" | "look" | "like" | "will" | "want" | "think" | "listen" | "believe"
        ),
        "i" => matches!(at(2), "had" | "am" | "were" | "may" | "could" | "might"),
        "we" => at(2) == "are" && at(3) == "honest",
        _ => false,
    };
    !idiom
}

/// The condition of a forecast ("if the talks fail", "unless Kyiv agrees", "as long as the
/// money flows", "should they refuse"), as a byte range of the sentence.
pub(super) fn condition(
    sentence: &str,
    t: &[Tok],
    w: &[&str],
    marker: usize,
) -> Option<Range<usize>> {
    let n = w.len();
    for i in 0..n {
        let opens = match w[i] {
            "if" | "unless" | "provided" => opens_if(w, i),
            "once" => i + 1 < n && i < marker && !matches!(w[i + 1], "again" | "more" | "upon"),
            "as" => {
                w[i..].starts_with(&["as", "long", "as"])
                    && !w[i..].starts_with(&["as", "long", "as", "he", "remains"])
            }
            "should" => {
                i == 0
                    && w.get(i + 1)
                        .is_some_and(|x| PRONOUNS.contains(x) || t[i + 1].cap)
            }
            _ => false,
        };
        if !opens {
            continue;
        }
        let a = t[i].span.start;
        let end = if i < marker {
            // The condition runs to the comma before the claim.
            sentence[a..t[marker].span.start]
                .rfind(',')
                .map(|k| a + k)
                .unwrap_or(t[marker.saturating_sub(1).max(i)].span.end)
        } else {
            trim_end(sentence, sentence.len())
        };
        if end > a {
            return Some(a..end);
        }
    }
    None
}

/// Where the claim starts when there is a lead-in: after "I think (that)", "I expect",
/// "look,", "honestly,".
pub(super) fn lead_in_end(t: &[Tok], w: &[&str], marker: usize) -> usize {
    let mut start = 0;
    for i in 0..marker {
        let lead = matches!(
            w[i],
            "think"
                | "believe"
                | "expect"
                | "suspect"
                | "predict"
                | "reckon"
                | "bet"
                | "guess"
                | "feel"
                | "doubt"
                | "imagine"
                | "guarantee"
                | "convinced"
                | "sure"
                | "is"
        ) && i > 0
            && matches!(
                w[i - 1],
                "i" | "am" | "'m" | "my" | "prediction" | "guess" | "bet"
            );
        if lead && i + 1 < marker {
            let next = if w[i + 1] == "that" { i + 2 } else { i + 1 };
            start = t[next.min(marker)].span.start;
        }
    }
    start
}

pub(super) fn clause_start_after(sentence: &str, at: usize) -> usize {
    let rest = &sentence[at..];
    let skip = rest.len() - rest.trim_start_matches([',', ' ', ';', '-', '—']).len();
    let from = at + skip;
    let rest = &sentence[from..];
    for lead in ["then ", "I think ", "I think that ", "I expect "] {
        if let Some(r) = rest.strip_prefix(lead) {
            return sentence.len() - r.len();
        }
    }
    from
}

pub(super) fn trim_end(sentence: &str, end: usize) -> usize {
    sentence[..end]
        .trim_end_matches(['.', '!', ',', ';', ' ', '"', '\'', '”', '’', ')', '—', '-'])
        .len()
}
