//! Whisper's text outputs: TSV in milliseconds, and whisper.cpp's bracketed lines.

use std::fmt::Write;

use super::clock;
use super::timeline::cues;
use crate::rng::Rng;
use crate::Episode;

/// `start<TAB>end<TAB>text`, a header line first, times in milliseconds.
pub fn tsv(ep: &Episode, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(ep.word_count() * 7);
    out.push_str("start\tend\ttext\n");
    for cue in cues(ep, rng) {
        let _ = writeln!(out, "{}\t{}\t{}", cue.start_ms, cue.end_ms, cue.text);
    }
    out
}

/// `[00:00:00.000 --> 00:00:05.000]   text`, as whisper.cpp prints it.
pub fn cpp(ep: &Episode, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(ep.word_count() * 8);
    for cue in cues(ep, rng) {
        let _ = writeln!(
            out,
            "[{} --> {}]   {}",
            clock::hms_millis(cue.start_ms, '.'),
            clock::hms_millis(cue.end_ms, '.'),
            cue.text
        );
    }
    out
}
