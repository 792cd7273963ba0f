//! Telling a page that is not a transcript (show notes, an episode summary, a chapter list)
//! from one that is, so it is reported instead of parsed into a fake transcript.

use crate::stamps;

/// Returns why a text is not a transcript, or `None` when it may well be one. `head` is the
/// start of the text (notes are short, so the head is all of them), `len` its whole length.
pub fn classify(head: &str, len: usize) -> Option<String> {
    // Notes run to a few kilobytes at most; anything longer is a transcript.
    if len > 12 * 1024 {
        return None;
    }
    let text = head;
    let words = text.split_whitespace().count();
    // A transcript of even a short episode runs to thousands of words; notes rarely pass a
    // few hundred. Long texts are transcripts whatever else they hold.
    if words > 600 {
        return None;
    }
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.is_empty() {
        return None;
    }
    let lower = text.to_lowercase();
    let mut score = 0.0f32;
    let mut reasons = Vec::new();
    for marker in [
        "show notes",
        "episode notes",
        "episode summary",
        "in this episode",
        "on this episode",
        "this week on",
        "chapters:",
        "timestamps:",
        "links:",
        "sponsors:",
        "follow us",
        "support the show",
        "listen on",
        "guest:",
        "guests:",
        "hosted by",
    ] {
        if lower.contains(marker) {
            score += 1.0;
            reasons.push(marker.trim_end_matches(':'));
        }
    }
    let urls = lower.matches("http://").count()
        + lower.matches("https://").count()
        + lower.matches("www.").count();
    if urls >= 2 {
        score += 1.0;
        reasons.push("web addresses");
    }
    let bullets = lines
        .iter()
        .filter(|l| l.starts_with(['-', '•', '*', '–']))
        .count();
    if bullets * 3 >= lines.len() && bullets >= 3 {
        score += 1.0;
        reasons.push("bullet lists");
    }
    // A chapter list: stamps followed by a few words, and no line of speech after them.
    let chapters = lines
        .iter()
        .filter(|l| {
            stamps::leading_stamp(l).is_some_and(|(_, rest)| is_chapter_title(rest))
                || ends_in_stamp(l)
        })
        .count();
    if chapters >= 3 && chapters * 2 >= lines.len() {
        score += 2.0;
        reasons.push("a chapter list");
    }
    // Speech is long sentences in first and second person; notes are third-person summary.
    let spoken = [
        " i ",
        " i'm ",
        " you ",
        " we ",
        " we're ",
        " i think ",
        " you know ",
    ]
    .iter()
    .map(|m| lower.matches(m).count())
    .sum::<usize>();
    if spoken * 40 > words.max(1) {
        score -= 2.0;
    }
    if score >= 2.0 {
        Some(format!(
            "looks like show notes or a summary ({})",
            reasons.join(", ")
        ))
    } else {
        None
    }
}

/// A chapter title is short and capitalised: "Introduction", "The energy war". (Caption lines
/// after a stamp are lower-case speech.)
fn is_chapter_title(s: &str) -> bool {
    (1..=8).contains(&s.split_whitespace().count())
        && s.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
}

fn ends_in_stamp(line: &str) -> bool {
    line.rsplit_once([' ', '\t'])
        .is_some_and(|(_, last)| stamps::stamp_line(last).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn show_notes_are_not_transcripts() {
        let notes = "Episode summary\nIn this episode the hosts review the week.\n\nChapters:\n00:00 Intro\n04:10 The summit\n12:30 Markets\n\nLinks:\n- https://example.org/a\n- https://example.org/b\nFollow us on the usual platforms.\n";
        assert!(classify(notes, notes.len()).is_some());
    }

    #[test]
    fn speech_is_a_transcript() {
        let speech = "So I think we should talk about the summit. You know, I was there, and we saw what happened. I'm not sure you agree, but I think it went badly.\n";
        assert!(classify(speech, speech.len()).is_none());
    }
}
