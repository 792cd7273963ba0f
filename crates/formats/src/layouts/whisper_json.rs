//! OpenAI Whisper and whisperX JSON output: `{"text", "segments": [{"id", "start", "end",
//! "text", "speaker"?, "words"?: [{"word", "start", "end", "speaker"?}]}], "language"}`, times
//! in seconds. whisperX puts diarised speakers ("SPEAKER_01") on segments and words.
//! whisper.cpp's `-oj` output is read too: `{"result": {"language"}, "transcription":
//! [{"offsets": {"from", "to"}, "text"}]}`, offsets in milliseconds.

use serde::Deserialize;

use super::p20_json::{duration_secs, salvage, syntax, to_ms, Secs, Text, Warner};
use super::sniff_window;
use crate::{FormatError, Layout, Segment, Transcript, WarningKind};

/// See the module documentation.
pub struct WhisperJson;

impl Layout for WhisperJson {
    fn id(&self) -> &'static str {
        "whisper-json"
    }

    fn describe(&self) -> &'static str {
        "Whisper / whisperX JSON: {\"text\", \"segments\": [{\"start\", \"end\", \"text\", \"speaker\"?}]}"
    }

    fn sniff(&self, text: &str) -> f32 {
        let head = sniff_window(text);
        if !head.trim_start().starts_with('{') {
            return 0.0;
        }
        // Whisper writes the whole "text" first, so on a long episode "segments" and its keys
        // come after the window: look at where "segments" begins instead.
        let w = match (head.contains("\"segments\""), text.find("\"segments\"")) {
            (false, Some(at)) => super::sniff_window(&text[at..]),
            _ => head,
        };
        let has = |k: &str| w.contains(k);
        // Podcasting 2.0 JSON has "segments" too; its own keys settle it.
        if has("\"startTime\"") || has("\"body\"") {
            return 0.0;
        }
        if has("\"transcription\"") && has("\"offsets\"") {
            return 0.95;
        }
        let timed = has("\"start\"") && (has("\"end\"") || has("\"text\""));
        match (has("\"segments\""), timed, has("\"text\"")) {
            (true, true, _) => 0.97,
            (true, false, true) => 0.8,
            (false, _, true) if has("\"language\"") => 0.7,
            _ => 0.0,
        }
    }

    fn parse(&self, text: &str) -> Result<Vec<Transcript>, FormatError> {
        let salvaged;
        let (doc, cut) = match serde_json::from_str::<Doc>(text) {
            Ok(doc) => (doc, None),
            Err(e) => {
                salvaged = salvage(text, &e)?;
                let doc = serde_json::from_str::<Doc>(&salvaged).map_err(|_| syntax(&e))?;
                (doc, Some(e.line()))
            }
        };
        let mut t = Transcript::new(self.id());
        t.language = doc.language.trimmed().or_else(|| {
            let result = doc.result.as_ref()?;
            result.language.trimmed()
        });
        t.duration_s = doc.duration.trimmed().and_then(|d| duration_secs(&d));
        let mut warn = Warner::default();
        let raw = doc.segments.as_deref().unwrap_or_default();
        t.segments = segments(raw, &mut warn);
        if let Some(cpp) = doc.transcription.as_deref().filter(|_| raw.is_empty()) {
            t.segments = cpp_segments(cpp, &mut warn);
        }
        if t.segments.is_empty() {
            if let Some(all) = doc.text.trimmed() {
                t.segments.push(Segment::text(all));
            }
        }
        if let Some(line) = cut {
            if t.segments.is_empty() {
                return Err(FormatError::syntax(
                    cut,
                    "the JSON ends early, before any complete segment",
                ));
            }
            warn.push(
                WarningKind::Truncated,
                Some(line),
                "the JSON ends early (cut short?): kept the segments before the cut".into(),
            );
            if let Some(rest) = doc
                .text
                .0
                .as_deref()
                .and_then(|all| rest_of(all, &t.segments))
            {
                warn.push(
                    WarningKind::Unplaced,
                    Some(line),
                    "the words after the cut, from the top-level \"text\", kept untimed".into(),
                );
                t.segments.push(Segment::text(rest));
            }
        }
        t.warnings = warn.finish();
        Ok(vec![t])
    }
}

#[derive(Deserialize)]
struct Doc<'a> {
    #[serde(default, borrow)]
    text: Text<'a>,
    #[serde(default, borrow)]
    segments: Option<Vec<Option<RawSegment<'a>>>>,
    #[serde(default, borrow)]
    language: Text<'a>,
    #[serde(default, borrow)]
    duration: Text<'a>,
    #[serde(default, borrow)]
    transcription: Option<Vec<Option<CppSegment<'a>>>>,
    #[serde(default, borrow)]
    result: Option<CppResult<'a>>,
}

#[derive(Deserialize)]
struct CppResult<'a> {
    #[serde(default, borrow)]
    language: Text<'a>,
}

#[derive(Deserialize)]
struct CppSegment<'a> {
    #[serde(default)]
    offsets: Option<CppOffsets>,
    #[serde(default, borrow)]
    text: Text<'a>,
}

/// Milliseconds, despite the shared [`Secs`] type.
#[derive(Deserialize)]
struct CppOffsets {
    #[serde(default)]
    from: Secs,
    #[serde(default)]
    to: Secs,
}

#[derive(Deserialize)]
struct RawSegment<'a> {
    #[serde(default)]
    start: Secs,
    #[serde(default)]
    end: Secs,
    #[serde(default, borrow)]
    text: Text<'a>,
    #[serde(default, borrow)]
    speaker: Text<'a>,
    #[serde(default, borrow)]
    words: Option<Vec<Option<RawWord<'a>>>>,
}

#[derive(Deserialize)]
struct RawWord<'a> {
    #[serde(default, borrow)]
    word: Text<'a>,
    #[serde(default)]
    start: Secs,
    #[serde(default, borrow)]
    speaker: Text<'a>,
}

fn segments(raw: &[Option<RawSegment>], warn: &mut Warner) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::with_capacity(raw.len());
    let mut prev_start = None;
    for (i, seg) in raw.iter().enumerate() {
        let Some(seg) = seg else { continue };
        let words = seg.words.as_deref().unwrap_or_default();
        let text = match seg.text.0.as_deref().map(str::trim) {
            Some(t) if !t.is_empty() => t.to_owned(),
            _ => join_words(words),
        };
        if text.is_empty() {
            continue;
        }
        let first_word_start = words.iter().flatten().map(|w| w.start).next();
        let start = match seg.start {
            Secs::Missing => to_ms(first_word_start.unwrap_or_default(), i, "start", warn),
            s => to_ms(s, i, "start", warn),
        };
        let end = to_ms(seg.end, i, "end", warn);
        check_order(i, prev_start, start, end, warn);
        prev_start = start.or(prev_start);
        let speaker = seg.speaker.trimmed().or_else(|| word_speaker(words));
        let s = match start {
            Some(ms) => Segment::timed(ms, end, text),
            None => Segment {
                end_ms: end,
                ..Segment::text(text)
            },
        };
        out.push(s.with_speaker(speaker));
    }
    out
}

/// whisper.cpp's entries, whose offsets are milliseconds.
fn cpp_segments(raw: &[Option<CppSegment>], warn: &mut Warner) -> Vec<Segment> {
    let mut out = Vec::with_capacity(raw.len());
    let mut prev_start = None;
    for (i, seg) in raw.iter().enumerate() {
        let Some(seg) = seg else { continue };
        let Some(text) = seg.text.trimmed() else {
            continue;
        };
        let ms = |v: Secs| match v {
            Secs::Value(ms) => Secs::Value(ms / 1000.0),
            other => other,
        };
        let (start, end) = match &seg.offsets {
            Some(o) => (
                to_ms(ms(o.from), i, "offsets.from", warn),
                to_ms(ms(o.to), i, "offsets.to", warn),
            ),
            None => (None, None),
        };
        check_order(i, prev_start, start, end, warn);
        prev_start = start.or(prev_start);
        out.push(match start {
            Some(s) => Segment::timed(s, end, text),
            None => Segment::text(text),
        });
    }
    out
}

/// The part of the whole text (Whisper writes it before the segments, so it survives a cut
/// in them) that comes after the segments kept; `None` when the segments cannot be followed
/// through it or nothing is left.
fn rest_of(all: &str, kept: &[Segment]) -> Option<String> {
    let mut at = 0;
    for seg in kept {
        at += all.get(at..)?.find(seg.text.as_str())? + seg.text.len();
    }
    let rest = all.get(at..)?.trim();
    (!rest.is_empty()).then(|| rest.to_owned())
}

/// Warns about a segment that starts before the one before it, or ends before it starts.
fn check_order(
    i: usize,
    prev: Option<u64>,
    start: Option<u64>,
    end: Option<u64>,
    warn: &mut Warner,
) {
    if matches!((prev, start), (Some(p), Some(s)) if s < p) {
        warn.push(
            WarningKind::Timestamp,
            None,
            format!("segment #{i} starts before the one before it: times kept as given"),
        );
    }
    if matches!((start, end), (Some(s), Some(e)) if e < s) {
        warn.push(
            WarningKind::Timestamp,
            None,
            format!("segment #{i} ends before it starts: times kept as given"),
        );
    }
}

/// The words' text: Whisper's words carry their own leading space, whisperX's do not.
fn join_words(words: &[Option<RawWord>]) -> String {
    let ws: Vec<&str> = words
        .iter()
        .flatten()
        .filter_map(|w| w.word.0.as_deref())
        .collect();
    let spaced = ws
        .iter()
        .skip(1)
        .any(|w| w.starts_with(char::is_whitespace));
    let joined = if spaced { ws.concat() } else { ws.join(" ") };
    joined.trim().to_owned()
}

/// The speaker most of a segment's words are given, for whisperX output where the segment
/// itself has none.
fn word_speaker(words: &[Option<RawWord>]) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for s in words
        .iter()
        .flatten()
        .filter_map(|w| w.speaker.0.as_deref())
    {
        let s = s.trim();
        if s.is_empty() {
            continue;
        }
        match counts.iter_mut().find(|(k, _)| *k == s) {
            Some(c) => c.1 += 1,
            None => counts.push((s, 1)),
        }
    }
    // On a tie the first speaker wins: max_by_key would take the last.
    let best = counts.iter().map(|c| c.1).max()?;
    counts
        .iter()
        .find(|c| c.1 == best)
        .map(|(s, _)| (*s).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const WHISPER: &str = r#"{"text": " Good evening from Kyiv. The sirens stopped an hour ago.", "segments": [
  {"id": 0, "seek": 0, "start": 0.0, "end": 2.4, "text": " Good evening from Kyiv.", "tokens": [50364, 2205], "temperature": 0.0, "avg_logprob": -0.21, "compression_ratio": 1.3, "no_speech_prob": 0.01},
  {"id": 1, "seek": 0, "start": 2.4, "end": 5.12, "text": " The sirens stopped an hour ago.", "tokens": [1], "temperature": 0.0, "avg_logprob": -0.2, "compression_ratio": 1.3, "no_speech_prob": 0.01}
], "language": "en"}"#;

    const WHISPERX: &str = r#"{"segments": [
  {"start": 0.031, "end": 3.2, "text": " Welcome back to the desk.", "speaker": "SPEAKER_00",
   "words": [{"word": "Welcome", "start": 0.031, "end": 0.4, "score": 0.9, "speaker": "SPEAKER_00"}]},
  {"start": 3.5, "end": 6.0, "text": "", "words": [
     {"word": "Thanks", "start": 3.5, "end": 3.9, "speaker": "SPEAKER_01"},
     {"word": "Anna.", "start": 3.9, "end": 4.3, "speaker": "SPEAKER_01"},
     {"word": "So", "start": 4.5, "end": 4.6, "speaker": "SPEAKER_00"}]}
], "word_segments": [{"word": "Welcome", "start": 0.031}], "language": null}"#;

    #[test]
    fn reads_whisper_output() {
        let t = WhisperJson.parse(WHISPER).unwrap().remove(0);
        assert_eq!(t.language.as_deref(), Some("en"));
        let segs: Vec<_> = t
            .segments
            .iter()
            .map(|s| (s.start_ms, s.end_ms, s.text.as_str()))
            .collect();
        assert_eq!(
            segs,
            vec![
                (Some(0), Some(2400), "Good evening from Kyiv."),
                (Some(2400), Some(5120), "The sirens stopped an hour ago.")
            ]
        );
        assert!(t.warnings.is_empty());
    }

    #[test]
    fn reads_whisperx_speakers_and_words() {
        let t = WhisperJson.parse(WHISPERX).unwrap().remove(0);
        assert_eq!(t.language, None);
        assert_eq!(t.segments[0].speaker.as_deref(), Some("SPEAKER_00"));
        assert_eq!(t.segments[0].start_ms, Some(31));
        assert_eq!(t.segments[1].text, "Thanks Anna. So");
        assert_eq!(t.segments[1].speaker.as_deref(), Some("SPEAKER_01"));
    }

    #[test]
    fn text_only_is_one_untimed_segment() {
        let t = WhisperJson
            .parse(r#"{"text": " Only the text survived.", "language": "de", "duration": 12.6}"#)
            .unwrap()
            .remove(0);
        assert_eq!(t.segments.len(), 1);
        assert_eq!(t.segments[0].text, "Only the text survived.");
        assert_eq!(t.segments[0].start_ms, None);
        assert_eq!(t.language.as_deref(), Some("de"));
        assert_eq!(t.duration_s, Some(13));
    }

    #[test]
    fn reads_whisper_cpp_output() {
        let doc = r#"{"systeminfo": "AVX = 1", "model": {"type": "base"}, "params": {"language": "auto"},
  "result": {"language": "fr"},
  "transcription": [
    {"timestamps": {"from": "00:00:00,000", "to": "00:00:03,120"}, "offsets": {"from": 0, "to": 3120}, "text": " Bonsoir à tous."},
    {"timestamps": {"from": "00:00:03,120", "to": "00:00:05,000"}, "offsets": {"from": 3120, "to": 5000}, "text": " On commence à Bruxelles."}
  ]}"#;
        assert!(WhisperJson.sniff(doc) > 0.9);
        let t = WhisperJson.parse(doc).unwrap().remove(0);
        assert_eq!(t.language.as_deref(), Some("fr"));
        let segs: Vec<_> = t
            .segments
            .iter()
            .map(|s| (s.start_ms, s.end_ms, s.text.as_str()))
            .collect();
        assert_eq!(
            segs,
            vec![
                (Some(0), Some(3120), "Bonsoir à tous."),
                (Some(3120), Some(5000), "On commence à Bruxelles.")
            ]
        );
    }

    #[test]
    fn salvages_a_truncated_file() {
        let cut = &WHISPER[..WHISPER.rfind("The sirens").unwrap()];
        let t = WhisperJson.parse(cut).unwrap().remove(0);
        assert_eq!(t.segments.len(), 2);
        assert_eq!(t.segments[0].text, "Good evening from Kyiv.");
        assert_eq!(t.segments[1].text, "The sirens stopped an hour ago.");
        assert_eq!(t.segments[1].start_ms, None);
        assert!(t.warnings.iter().any(|w| w.kind == WarningKind::Unplaced));
        let w = t
            .warnings
            .iter()
            .find(|w| w.kind == WarningKind::Truncated)
            .unwrap();
        assert_eq!(w.line, Some(3));
    }

    #[test]
    fn invalid_json_is_an_error_with_its_line() {
        let doc = "{\"segments\": [\n{\"start\": 1, \"end\": 2, \"text\": \"a\"},\n{\"start\": 1 \"end\": 2}\n]}";
        let err = WhisperJson.parse(doc).unwrap_err();
        assert_eq!(err.line(), Some(3));
        let err = WhisperJson
            .parse("{\"segments\": [{\"start\": 0, \"te")
            .unwrap_err();
        assert_eq!(err.line(), Some(1));
    }

    #[test]
    fn warns_on_backwards_times() {
        let doc = r#"{"segments": [{"start": 4, "end": 5, "text": "b"}, {"start": 2, "end": 1, "text": "a"}]}"#;
        let t = WhisperJson.parse(doc).unwrap().remove(0);
        assert_eq!(t.segments[1].start_ms, Some(2000));
        assert_eq!(t.segments[1].end_ms, Some(1000));
        assert_eq!(
            t.warnings
                .iter()
                .filter(|w| w.kind == WarningKind::Timestamp)
                .count(),
            2
        );
    }

    #[test]
    fn sniffs_whisper_but_not_podcasting20() {
        assert!(WhisperJson.sniff(WHISPER) > 0.9);
        assert!(WhisperJson.sniff(WHISPERX) > 0.9);
        assert_eq!(
            WhisperJson.sniff(r#"{"segments": [{"startTime": 1, "body": "x", "text": 1}]}"#),
            0.0
        );
        assert_eq!(WhisperJson.sniff("start end text segments"), 0.0);
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,200}") {
            let _ = WhisperJson.parse(&s);
            let _ = WhisperJson.parse(&format!("{{\"segments\": [{{\"text\": {s}"));
            let _ = WhisperJson.sniff(&s);
        }

        #[test]
        fn never_panics_on_cut_documents(cut in 0usize..1200) {
            let _ = WhisperJson.parse(&WHISPERX[..cut.min(WHISPERX.len())]);
        }

        #[test]
        fn generated_segments_round_trip(
            segs in proptest::collection::vec(
                ("[A-Za-z][A-Za-z ,.?'\"]{0,40}", proptest::option::of(0u8..4), 0u32..5000, 1u32..9000),
                1..40,
            )
        ) {
            let mut t = 0u64;
            let mut raw = Vec::new();
            let mut want = Vec::new();
            for (text, spk, gap, len) in &segs {
                let start = t + u64::from(*gap);
                let end = start + u64::from(*len);
                t = end;
                let speaker = spk.map(|s| format!("SPEAKER_{s:02}"));
                raw.push(serde_json::json!({
                    "start": start as f64 / 1000.0, "end": end as f64 / 1000.0,
                    "text": format!(" {text}"), "speaker": speaker,
                }));
                want.push((Some(start), Some(end), text.trim().to_owned(), speaker));
            }
            let doc = serde_json::json!({"segments": raw, "language": "en"}).to_string();
            let parsed = WhisperJson.parse(&doc).unwrap().remove(0);
            let got: Vec<_> = parsed
                .segments
                .iter()
                .map(|s| (s.start_ms, s.end_ms, s.text.clone(), s.speaker.clone()))
                .collect();
            prop_assert_eq!(got, want);
        }
    }
}
