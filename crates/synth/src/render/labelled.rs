//! Speaker-labelled and stamped text layouts: transcription-service exports, meeting-notes
//! exports, bracketed labels, plain dialogue and stamped lines.

use std::fmt::Write;

use super::timeline::{cues, sentences, wrap};
use super::{clock, meta, speaker, speaker_number};
use crate::cast::first_name;
use crate::rng::Rng;
use crate::Episode;

/// How a layout names speakers in one file.
#[derive(Clone, Copy)]
enum Names {
    Full,
    First,
    Numbered,
}

fn label(ep: &Episode, turn: usize, names: Names) -> String {
    let name = speaker(ep, turn);
    match names {
        Names::Full => name.to_owned(),
        Names::First => first_name(name).to_owned(),
        Names::Numbered => format!("Speaker {}", speaker_number(ep, name) + 1),
    }
}

/// A "# Title" line over the transcript, as some exports start.
fn heading(ep: &Episode, out: &mut String) {
    let _ = write!(out, "# {}\n\n", meta(ep).title);
}

/// "Name (MM:SS):" turns: the label on its own line with the text below, hard-wrapped at 60
/// columns, long turns continued under bare "(MM:SS):" labels; or, in some files, label and
/// text on one line.
pub fn speaker_stamp(ep: &Episode, rng: &mut Rng) -> String {
    let inline = rng.chance(0.4);
    let names = if rng.chance(0.3) {
        Names::Numbered
    } else {
        Names::Full
    };
    let mut out = String::with_capacity(ep.word_count() * 7);
    if rng.chance(0.3) {
        heading(ep, &mut out);
    }
    let all = sentences(ep);
    let mut i = 0;
    while i < all.len() {
        let turn = all[i].turn;
        let who = label(ep, turn, names);
        let mut first = true;
        // A paragraph: sentences of this turn up to about 90 words.
        while i < all.len() && all[i].turn == turn {
            let start = all[i].start_ms;
            let mut para = String::new();
            while i < all.len() && all[i].turn == turn && para.split_whitespace().count() < 90 {
                if !para.is_empty() {
                    para.push(' ');
                }
                para.push_str(all[i].text);
                i += 1;
            }
            let name = if first { who.as_str() } else { "" };
            let gap = if name.is_empty() { "" } else { " " };
            if inline {
                let _ = write!(out, "{name}{gap}({}): {para}\n\n", clock::padded(start));
            } else {
                let _ = writeln!(out, "{name}{gap}({}):", clock::padded(start));
                for line in wrap(&para, 60) {
                    out.push_str(&line);
                    out.push('\n');
                }
                out.push('\n');
            }
            first = false;
        }
    }
    out
}

/// "Speaker 1  0:00" (or a name, two spaces and a stamp) on a line, the turn below.
pub fn speaker_export(ep: &Episode, rng: &mut Rng) -> String {
    let names = if rng.chance(0.4) {
        Names::Numbered
    } else {
        Names::Full
    };
    let mut out = String::with_capacity(ep.word_count() * 7);
    for (turn, seg) in ep.segments.iter().enumerate() {
        let _ = write!(
            out,
            "{}  {}\n{}\n\n",
            label(ep, turn, names),
            clock::short(seg.start_ms.unwrap_or(0)),
            seg.text
        );
    }
    out
}

/// "[Name] [MM:SS] text", a line per turn.
pub fn bracket_speaker(ep: &Episode) -> String {
    let mut out = String::with_capacity(ep.word_count() * 7);
    for (turn, seg) in ep.segments.iter().enumerate() {
        let _ = write!(
            out,
            "[{}] [{}] {}\n\n",
            speaker(ep, turn),
            clock::padded(seg.start_ms.unwrap_or(0)),
            seg.text
        );
    }
    out
}

/// "Name: text" turns without stamps, under a "Title:" / "Show:" / "Date:" header in some
/// files; full names or first names.
pub fn dialogue(ep: &Episode, rng: &mut Rng) -> String {
    let names = if rng.chance(0.5) {
        Names::First
    } else {
        Names::Full
    };
    let mut out = String::with_capacity(ep.word_count() * 7);
    if rng.chance(0.3) {
        let m = meta(ep);
        let _ = write!(
            out,
            "Title: {}\nShow: {}\nDate: {}\n\n",
            m.title,
            m.show,
            clock::us_date(m.date)
        );
    }
    for (turn, seg) in ep.segments.iter().enumerate() {
        let _ = write!(out, "{}: {}\n\n", label(ep, turn, names), seg.text);
    }
    out
}

/// "[00:00:05] text" lines, a cue a line, a blank line between turns.
pub fn inline_stamps(ep: &Episode, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(ep.word_count() * 7);
    let mut last_turn = None;
    for cue in cues(ep, rng) {
        if last_turn.is_some_and(|t| t != cue.turn) {
            out.push('\n');
        }
        last_turn = Some(cue.turn);
        let _ = writeln!(out, "[{}] {}", clock::hms(cue.start_ms), cue.text);
    }
    out
}
