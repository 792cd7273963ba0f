//! The rules that set aside sentences with a future marker that are not forecasts: the show
//! talking about itself, reports of other people's plans, timetables, hedges, habits.

use super::markers::{Marker, MarkerKind};

/// The subject of the verb at `m`, the word just before it ("they" in "they will"), skipping
/// adverbs.
pub(super) fn subject_of<'a>(w: &[&'a str], m: usize) -> &'a str {
    let mut j = m;
    while j > 0 {
        j -= 1;
        match w[j] {
            "also" | "just" | "really" | "probably" | "definitely" | "certainly" | "actually"
            | "still" | "then" | "absolutely" | "surely" | "obviously" | "honestly" | "now"
            | "all" | "both" | "only" | "even" | "clearly" | "am" | "are" | "is" | "'s" | "be"
            | "was" | "were" | "not" | "never" => continue,
            s => return s,
        }
    }
    ""
}

/// The verb after a marker ("be" in "we'll be right back"), skipping adverbs and "not".
pub(super) fn verb_after<'a>(w: &[&'a str], m: usize) -> (usize, &'a str) {
    let mut j = m + 1;
    if w.get(m) == Some(&"going") {
        j += 1;
    }
    while let Some(&x) = w.get(j) {
        match x {
            "not" | "just" | "also" | "probably" | "definitely" | "certainly" | "actually"
            | "really" | "then" | "quickly" | "briefly" | "now" | "absolutely" | "never"
            | "all" | "soon" | "eventually" | "finally" | "obviously" | "still" | "ever" => j += 1,
            _ => return (j, x),
        }
    }
    (j, "")
}

/// Verbs a host uses for the show itself: "we'll talk about that", "I'll put the link".
#[rustfmt::skip]
pub(super) const SHOW_VERBS: &[&str] = &[
    "talk", "discuss", "get", "come", "end", "leave", "wrap", "put", "link", "post", "cover",
    "look", "start", "continue", "pick", "dig", "go", "read", "play", "share", "bring", "move",
    "turn", "hear", "return", "take", "pause", "stop", "switch", "unpack", "explain", "tell",
    "say", "admit", "give", "mention", "ask", "try", "keep", "do", "have", "be", "jump", "walk",
    "break", "circle", "touch", "spend", "let", "open", "close", "finish", "answer", "address",
    "focus", "check", "drop", "include", "see", "find", "notice", "remember", "recall", "need",
    "want", "like", "love", "hand", "pass", "send", "upload", "release", "publish", "record",
    "make", "show", "run", "note", "add", "point", "repeat", "quote", "summarise", "summarize",
    "flag", "highlight", "live", "stick", "pull", "wait", "catch", "sign", "speak", "chat",
];

/// Words after "see" that make "we'll see …" a forecast ("we'll see more strikes"); after
/// anything else it is a hedge ("we'll see", "we'll see what happens") or the show.
#[rustfmt::skip]
const SEEN: &[&str] = &[
    "a", "an", "more", "some", "another", "further", "lots", "much", "many", "real", "big",
    "major", "serious", "no", "huge", "significant", "new", "fresh", "the", "prices", "rates",
    "strikes", "attacks", "talks", "elections", "protests", "sanctions", "tariffs", "troops",
    "fighting", "less", "fewer", "several", "both", "an", "escalation", "movement", "progress",
];

/// Subjects that are the show itself: "our producer will get your address".
#[rustfmt::skip]
const SHOW_SUBJECTS: &[&str] = &[
    "producer", "producers", "team", "link", "links", "episode", "video", "show", "podcast",
    "newsletter", "transcript", "notes", "description",
];

pub(super) fn is_logistics(w: &[&str], m: &Marker) -> bool {
    let m = m.at;
    let subject = subject_of(w, m);
    if SHOW_SUBJECTS.contains(&subject) {
        return true;
    }
    if !matches!(subject, "i" | "we" | "you" | "let's") {
        return false;
    }
    if matches!(
        w[m],
        "expect"
            | "predict"
            | "bet"
            | "guarantee"
            | "reckon"
            | "anticipate"
            | "expecting"
            | "predicting"
            | "suspect"
            | "imagine"
            | "wager"
            | "forecast"
    ) {
        return false;
    }
    let (v, verb) = verb_after(w, m);
    let next = w.get(v + 1).copied().unwrap_or("");
    match verb {
        // "we're going to see a ceasefire": a forecast; "we'll see", "you'll see that": not.
        "see" => !SEEN.contains(&next) || subject == "you" && !has_horizon_word(w),
        "be" => {
            subject == "i"
                || next.ends_with("ing")
                || matches!(
                    next,
                    "right"
                        | "back"
                        | "here"
                        | "talking"
                        | "discussing"
                        | "joined"
                        | "looking"
                        | "covering"
                        | "speaking"
                        | "taking"
                        | "doing"
                        | "getting"
                        | "going"
                        | "reading"
                        | "putting"
                        | "linking"
                        | "posting"
                        | "honest"
                )
        }
        // "we'll end up with a frozen conflict" is a forecast.
        "end" => next != "up",
        "have" => {
            subject == "i"
                || matches!(
                    next,
                    "to" | "a" | "more" | "him" | "her" | "them" | "on" | "another"
                )
        }
        _ => {
            subject == "i" && !matches!(verb, "lose" | "eat" | "be")
                || subject == "let's"
                || SHOW_VERBS.contains(&verb)
        }
    }
}

pub(super) fn has_horizon_word(w: &[&str]) -> bool {
    w.iter().any(|x| {
        matches!(
            *x,
            "weeks"
                | "months"
                | "year"
                | "years"
                | "summer"
                | "spring"
                | "winter"
                | "autumn"
                | "fall"
                | "soon"
                | "christmas"
                | "election"
                | "midterms"
        )
    })
}

/// Verbs that report what someone else says, plans or expects.
#[rustfmt::skip]
pub(super) const REPORTING: &[&str] = &[
    "says", "said", "saying", "say", "announced", "announces", "announcing", "promised",
    "promises", "promising", "pledged", "pledges", "vowed", "vows", "claims", "claimed",
    "claiming", "insists", "insisted", "threatened", "threatens", "threatening", "warned",
    "warns", "warning", "told", "tells", "tweeted", "posted", "confirmed", "confirms", "stated",
    "declared", "declares", "according", "plans", "planned", "intends", "wants",
    "wanted", "hopes", "hoped", "forecasts", "predicts", "predicted", "expects", "expected",
    "projects", "projected", "believes", "believed", "thinks", "thought", "argues", "argued",
    "suggested", "suggests", "signalled", "signaled", "signals", "indicated", "indicates",
    "reported", "reports", "reportedly", "assured", "assures", "swore", "swears", "committed",
    "commits", "boasted", "boasts", "writes", "wrote", "reckons", "estimates", "estimated",
    "readout", "communique", "asked", "asks", "wondering", "wonder",
    "wondered", "whether", "doubt", "doubts", "hoping", "sure", "guaranteed", "guarantees",
    "decided", "decides", "agreed", "agrees", "ordered", "orders", "announcement", "quote",
    "quoted", "claim", "expect", "pretending", "pretend", "talking", "talked", "promise", "vow",
    "insist", "threaten", "warn", "announce", "idea", "talk", "theory", "rumour", "rumor",
    "speculation", "answered", "answers", "replied", "replies", "responded", "responds",
    "hinted", "hints", "hinting",
];

/// Words by which the speaker takes a reported claim as their own.
pub(super) const ADOPTS: &[&[&str]] = &[
    &["i", "think"],
    &["i", "believe"],
    &["i", "expect"],
    &["i", "suspect"],
    &["i'm", "sure"],
    &["i", "am", "sure"],
    &["i", "agree"],
];

pub(super) fn is_reported(w: &[&str], m: &Marker) -> bool {
    let at = m.at;
    if m.kind == MarkerKind::Expect {
        return false;
    }
    // Look back over the clause that carries the marker (up to 10 words).
    let from = at.saturating_sub(10);
    let report = (from..at).rev().find(|&j| {
        let word = w[j];
        // "I'm not sure" / "I doubt" / "I guarantee": the speaker's own hedge, not a report.
        let by_speaker = j > 0 && matches!(w[j - 1], "i" | "am" | "i'm" | "we")
            || j > 1 && w[j - 2] == "i" && w[j - 1] == "am";
        let speaker_own = matches!(
            word,
            "sure"
                | "doubt"
                | "guarantee"
                | "guaranteed"
                | "think"
                | "believe"
                | "expect"
                | "wonder"
                | "hoping"
                | "whether"
                | "say"
        ) && by_speaker;
        REPORTING.contains(&word)
            && !speaker_own
            && !(matches!(word, "sure" | "doubt") && j > 0 && matches!(w[j - 1], "for" | "no"))
    });
    // "Trump said on Truth Social that Xi invited him and that he will go": the marker's
    // clause hangs on a "that" after a reporting verb earlier in the sentence.
    let report = report.or_else(|| {
        let that = (0..at).rev().find(|&j| w[j] == "that")?;
        (0..that).find(|&j| {
            REPORTING.contains(&w[j])
                && matches!(
                    w[j],
                    "says"
                        | "said"
                        | "announced"
                        | "promised"
                        | "pledged"
                        | "vowed"
                        | "claims"
                        | "claimed"
                        | "insists"
                        | "insisted"
                        | "told"
                        | "tweeted"
                        | "posted"
                        | "confirmed"
                        | "stated"
                        | "declared"
                        | "warned"
                        | "threatened"
                        | "answered"
                        | "replied"
                        | "responded"
                        | "hinted"
                )
        })
    });
    let Some(r) = report else {
        return false;
    };
    // "…, and I think he will": adopted when the speaker's own cue comes after the report.
    !ADOPTS
        .iter()
        .any(|cue| (r + 1..at).any(|j| w[j..].starts_with(cue)))
}

/// "time will tell", "we'll see", "who knows what will happen", "remains to be seen".
pub(super) fn is_hedge(w: &[&str], m: &Marker) -> bool {
    let at = m.at;
    let before = |k: usize| at.checked_sub(k).map(|j| w[j]).unwrap_or("");
    let after = |k: usize| w.get(at + k).copied().unwrap_or("");
    (before(1) == "time" && after(1) == "tell")
        || (before(1) == "what"
            && matches!(before(2), "knows" | "know" | "sure" | "idea" | "wonder"))
        || (w[at.saturating_sub(5)..at]
            .iter()
            .any(|x| matches!(*x, "what" | "how" | "whether" | "who" | "when" | "if"))
            && w[..at].iter().any(|x| {
                matches!(
                    *x,
                    "know"
                        | "knows"
                        | "see"
                        | "wonder"
                        | "unclear"
                        | "clear"
                        | "idea"
                        | "question"
                        | "sure"
                        | "explanation"
                        | "waiting"
                        | "asking"
                        | "ask"
                        | "asked"
                        | "depends"
                        | "decide"
                )
            }))
        || (after(1) == "tell" && after(2) == "you")
        || (after(1) == "tell" && before(1) == "history")
        || is_either_way(w, at)
}

/// "they might, they might not", "he may or may not stay": both ways at once, no forecast.
fn is_either_way(w: &[&str], at: usize) -> bool {
    matches!(w[at], "might" | "may" | "could")
        && (0..w.len()).any(|i| {
            w[i] == w[at]
                && w.get(i + 1) != Some(&"not")
                && w[i + 1..].windows(2).any(|p| p == [w[i], "not"])
        })
}

/// Whether a word names a day: a weekday, "today", "tonight", "tomorrow".
fn is_day(word: &str) -> bool {
    crate::horizon::WEEKDAY_NAMES.contains(&word)
        || matches!(word, "today" | "tonight" | "tomorrow")
}

/// Participles after "will be" that make a timetable: "the summit will be held".
#[rustfmt::skip]
const TIMETABLE: &[&str] = &[
    "held", "hosted", "chaired", "opened", "published", "released", "broadcast", "streamed",
    "sworn", "inaugurated", "on",
];

/// What someone will be doing where, said of a dated day: "he'll be in Riyadh on Tuesday".
#[rustfmt::skip]
const ITINERARY: &[&str] = &[
    "attending", "visiting", "travelling", "traveling", "meeting", "speaking", "addressing",
    "hosting", "in", "at", "there", "voting",
];

/// Verbs of a timetable, said of a dated day: "Trump will meet Putin on Friday".
#[rustfmt::skip]
const SCHEDULE_VERBS: &[&str] = &[
    "meet", "visit", "travel", "fly", "host", "attend", "speak", "address", "arrive", "hold",
    "convene", "gather", "chair", "open", "unveil", "present", "testify",
];

/// "The summit will be held in Geneva on Tuesday", "he's going to Riyadh on Tuesday", "the
/// designation will take effect on Monday": a timetable, not a forecast.
pub(super) fn is_scheduled(w: &[&str], m: &Marker) -> bool {
    if !matches!(m.kind, MarkerKind::Will | MarkerKind::GoingTo) {
        return false;
    }
    let (v, verb) = verb_after(w, m.at);
    let next = w.get(v + 1).copied().unwrap_or("");
    let dated = w.iter().any(|x| is_day(x))
        || w.windows(2)
            .any(|p| p[0] == "on" && p[1].chars().next().is_some_and(|c| c.is_ascii_digit()))
        || w.windows(2).any(|p| p == ["next", "week"]);
    match verb {
        "be" => TIMETABLE.contains(&next) || dated && ITINERARY.contains(&next),
        "take" => dated && matches!(next, "place" | "effect" | "office"),
        _ => dated && SCHEDULE_VERBS.contains(&verb),
    }
}

/// "they will have noticed by now", "Moscow will have spent a fortune on this", "he'll always
/// tell you": not about the future.
pub(super) fn is_past_or_generic(w: &[&str], m: usize) -> bool {
    let (v, verb) = verb_after(w, m);
    let by_now = w.iter().any(|x| matches!(*x, "now" | "already"))
        && !w.windows(2).any(|p| p == ["any", "day"]);
    // "will have spent", "will have learned", with no "by the summer" to date it ahead: a
    // guess about what has happened.
    let next = w.get(v + 1).copied().unwrap_or("");
    let perfect_guess = is_participle(next) && !w.contains(&"by");
    (verb == "have" && (by_now || perfect_guess))
        || w[m + 1..]
            .first()
            .is_some_and(|x| matches!(*x, "always" | "usually" | "often" | "typically"))
}

/// A past participle, roughly: "-ed", "-en" and the common irregular ones.
fn is_participle(word: &str) -> bool {
    (word.len() > 3 && (word.ends_with("ed") || word.ends_with("en")))
        || matches!(
            word,
            "spent"
                | "learnt"
                | "done"
                | "made"
                | "had"
                | "got"
                | "seen"
                | "known"
                | "heard"
                | "thought"
                | "felt"
                | "read"
                | "lost"
                | "won"
                | "built"
                | "sent"
                | "paid"
                | "told"
                | "said"
                | "left"
                | "kept"
                | "met"
                | "put"
                | "bought"
                | "brought"
        )
}
