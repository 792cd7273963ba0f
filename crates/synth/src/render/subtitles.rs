//! Subtitle files: SubRip and WebVTT, a cue per sentence or two.

use std::fmt::Write;

use super::timeline::{cues, wrap, Cue};
use super::{clock, speaker};
use crate::cast::first_name;
use crate::rng::Rng;
use crate::Episode;

/// Cue text, wrapped at 42 columns in some files (as subtitle editors do) or on one line.
fn cue_lines(text: &str, wrapped: bool) -> String {
    if wrapped {
        wrap(text, 42).join("\n")
    } else {
        text.to_owned()
    }
}

/// SubRip: numbered cues, "HH:MM:SS,mmm --> HH:MM:SS,mmm"; in some files the first cue of
/// each turn starts with "Name: ".
pub fn srt(ep: &Episode, rng: &mut Rng) -> String {
    let labelled = rng.chance(0.5);
    let first_names = rng.chance(0.5);
    let wrapped = rng.chance(0.5);
    let all: Vec<Cue> = cues(ep, rng);
    let mut out = String::with_capacity(ep.word_count() * 9);
    for (n, cue) in all.iter().enumerate() {
        let _ = writeln!(
            out,
            "{}\n{} --> {}",
            n + 1,
            clock::hms_millis(cue.start_ms, ','),
            clock::hms_millis(cue.end_ms, ',')
        );
        let mut text = String::new();
        if labelled && cue.opens_turn {
            let name = speaker(ep, cue.turn);
            text.push_str(if first_names { first_name(name) } else { name });
            text.push_str(": ");
        }
        text.push_str(&cue.text);
        out.push_str(&cue_lines(&text, wrapped));
        out.push_str("\n\n");
    }
    out
}

/// WebVTT: the "WEBVTT" line, sometimes a NOTE and a STYLE block, cues (numbered in some
/// files) whose text carries the speaker in a `<v Name>` voice tag, closed in some files.
pub fn vtt(ep: &Episode, rng: &mut Rng) -> String {
    let numbered = rng.chance(0.5);
    let closed = rng.chance(0.5);
    let wrapped = rng.chance(0.3);
    let mut out = String::with_capacity(ep.word_count() * 10);
    out.push_str("WEBVTT\n\n");
    if rng.chance(0.4) {
        let _ = write!(
            out,
            "NOTE\n{} - {}\nSpeaker names added by the editor.\n\n",
            ep.show.as_deref().unwrap_or(""),
            ep.title.as_deref().unwrap_or("")
        );
    }
    if rng.chance(0.2) {
        out.push_str("STYLE\n::cue {\n  background-color: black;\n  color: white;\n}\n\n");
    }
    for (n, cue) in cues(ep, rng).iter().enumerate() {
        if numbered {
            let _ = writeln!(out, "{}", n + 1);
        }
        let _ = writeln!(
            out,
            "{} --> {}",
            clock::hms_millis(cue.start_ms, '.'),
            clock::hms_millis(cue.end_ms, '.')
        );
        let _ = write!(
            out,
            "<v {}>{}",
            speaker(ep, cue.turn),
            cue_lines(&cue.text, wrapped)
        );
        if closed {
            out.push_str("</v>");
        }
        out.push_str("\n\n");
    }
    out
}
