//! JSON layouts: Podcasting 2.0 word-level transcripts, and Whisper / whisperX output.
//!
//! Written by hand rather than through `serde_json::Value`, to keep keys in the order the
//! tools write them (a `Value` map sorts them).

use std::fmt::Write;

use super::clock::seconds;
use super::timeline::{cues, words};
use super::{speaker, speaker_number};
use crate::rng::Rng;
use crate::Episode;

/// A JSON string literal.
fn string(s: &str) -> String {
    serde_json::to_string(s).expect("a string serialises")
}

/// A number as Python's `json` writes a float: shortest form, at least one decimal.
fn float(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.1}")
    } else {
        format!("{x}")
    }
}

/// Podcasting 2.0 JSON, word by word, indented as the specification's examples are.
pub fn podcasting20(ep: &Episode) -> String {
    let ws = words(ep);
    let mut out = String::with_capacity(ws.len() * 110);
    out.push_str("{\n  \"version\": \"1.0.0\",\n  \"segments\": [\n");
    for (i, w) in ws.iter().enumerate() {
        let _ = write!(
            out,
            "    {{\n      \"speaker\": {},\n      \"startTime\": {},\n      \"endTime\": {},\n      \"body\": {}\n    }}",
            string(speaker(ep, w.turn)),
            float(seconds(w.start_ms, 3)),
            float(seconds(w.end_ms, 3)),
            string(w.text)
        );
        out.push_str(if i + 1 < ws.len() { ",\n" } else { "\n" });
    }
    out.push_str("  ]\n}\n");
    out
}

/// Whisper's JSON (one line, segments with token ids and decoding statistics), or in some
/// files whisperX's (segments with `SPEAKER_NN` labels and timed, scored words).
pub fn whisper(ep: &Episode, rng: &mut Rng) -> String {
    if rng.chance(0.5) {
        whisperx(ep, rng)
    } else {
        openai(ep, rng)
    }
}

fn openai(ep: &Episode, rng: &mut Rng) -> String {
    let all = cues(ep, rng);
    let mut full = String::new();
    let mut segs = String::with_capacity(ep.word_count() * 20);
    for (id, cue) in all.iter().enumerate() {
        let text = format!(" {}", cue.text);
        full.push_str(&text);
        let n_tokens = cue.text.split_whitespace().count() * 4 / 3 + 1;
        let mut tokens = String::from("50364");
        for _ in 0..n_tokens {
            let _ = write!(tokens, ", {}", rng.range(220, 50_000));
        }
        if id > 0 {
            segs.push_str(", ");
        }
        let _ = write!(
            segs,
            "{{\"id\": {id}, \"seek\": {}, \"start\": {}, \"end\": {}, \"text\": {}, \"tokens\": [{tokens}], \"temperature\": 0.0, \"avg_logprob\": {}, \"compression_ratio\": {}, \"no_speech_prob\": {}}}",
            cue.start_ms / 30_000 * 3000,
            float(seconds(cue.start_ms, 2)),
            float(seconds(cue.end_ms, 2)),
            string(&text),
            float(-(rng.range(80, 450) as f64) / 1000.0),
            float(rng.range(1300, 1900) as f64 / 1000.0),
            float(rng.range(1, 90) as f64 / 1000.0),
        );
    }
    format!(
        "{{\"text\": {}, \"segments\": [{segs}], \"language\": \"en\"}}\n",
        string(&full)
    )
}

fn whisperx(ep: &Episode, rng: &mut Rng) -> String {
    let all_words = words(ep);
    let mut next_word = 0;
    let mut out = String::with_capacity(all_words.len() * 90);
    out.push_str("{\"segments\": [");
    for (i, cue) in cues(ep, rng).iter().enumerate() {
        let label = format!("SPEAKER_{:02}", speaker_number(ep, speaker(ep, cue.turn)));
        if i > 0 {
            out.push_str(", ");
        }
        let _ = write!(
            out,
            "{{\"start\": {}, \"end\": {}, \"text\": {}, \"words\": [",
            float(seconds(cue.start_ms, 3)),
            float(seconds(cue.end_ms, 3)),
            string(&format!(" {}", cue.text))
        );
        let n = cue.text.split_whitespace().count();
        for (j, w) in all_words[next_word..next_word + n].iter().enumerate() {
            if j > 0 {
                out.push_str(", ");
            }
            let _ = write!(
                out,
                "{{\"word\": {}, \"start\": {}, \"end\": {}, \"score\": {}, \"speaker\": \"{label}\"}}",
                string(w.text),
                float(seconds(w.start_ms, 3)),
                float(seconds(w.end_ms, 3)),
                float(rng.range(400, 999) as f64 / 1000.0)
            );
        }
        next_word += n;
        let _ = write!(out, "], \"speaker\": \"{label}\"}}");
    }
    out.push_str("], \"language\": \"en\"}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_look_like_python() {
        assert_eq!(float(0.0), "0.0");
        assert_eq!(float(4.24), "4.24");
        assert_eq!(float(-0.123), "-0.123");
    }
}
