//! Podcasting 2.0 JSON transcripts: `{"version": "1.0.0", "segments": [{"speaker",
//! "startTime", "endTime", "body"}]}`, times in seconds. Producers often write one word per
//! segment, so consecutive words of one speaker are merged into sentence-sized segments.
//!
//! Also home to the JSON helpers the Whisper layout shares: lenient field types (a number
//! where a string was expected, or `null`, must not sink a whole file) and the salvage of a
//! document cut short during download.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use super::sniff_window;
use crate::{dates, FormatError, Layout, Segment, Transcript, WarningKind};

/// See the module documentation.
pub struct Podcasting20Json;

/// A pause longer than this (ms) between two words ends a merged segment.
const MAX_PAUSE_MS: u64 = 1500;
/// Without any punctuation to end sentences, merged segments are capped at this many words...
const CAP_WORDS: usize = 40;
/// ...and this span (ms).
const CAP_SPAN_MS: u64 = 15_000;

impl Layout for Podcasting20Json {
    fn id(&self) -> &'static str {
        "podcasting20-json"
    }

    fn describe(&self) -> &'static str {
        "Podcasting 2.0 JSON: {\"version\", \"segments\": [{\"speaker\", \"startTime\", \"endTime\", \"body\"}]}"
    }

    fn sniff(&self, text: &str) -> f32 {
        let w = sniff_window(text);
        if !w.trim_start().starts_with('{') || !w.contains("\"segments\"") {
            return 0.0;
        }
        match (w.contains("\"startTime\""), w.contains("\"body\"")) {
            (true, true) => 1.0,
            (true, false) | (false, true) => 0.9,
            (false, false) => 0.0,
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
        read_meta(&doc, &mut t);
        let mut warn = Warner::default();
        let words = words(doc.segments.as_deref().unwrap_or_default(), &mut warn);
        if cut.is_some() && words.is_empty() {
            return Err(FormatError::syntax(
                cut,
                "the JSON ends early, before any complete segment",
            ));
        }
        let punctuated = words.iter().any(|w| ends_sentence(w.body));
        t.hints.unpunctuated = !punctuated && words.len() >= 20;
        t.segments = merge(&words, !punctuated, &mut warn);
        if let Some(line) = cut {
            warn.push(
                WarningKind::Truncated,
                Some(line),
                "the JSON ends early (cut short?): kept the segments before the cut".into(),
            );
        }
        t.warnings = warn.finish();
        Ok(vec![t])
    }
}

/// The document, as loosely as it may come.
#[derive(Deserialize)]
struct Doc<'a> {
    #[serde(default, borrow)]
    segments: Option<Vec<Option<RawSegment<'a>>>>,
    #[serde(default, borrow)]
    title: Text<'a>,
    #[serde(default, borrow)]
    podcast: Text<'a>,
    #[serde(default, borrow)]
    show: Text<'a>,
    #[serde(default, borrow)]
    language: Text<'a>,
    #[serde(default, borrow)]
    duration: Text<'a>,
}

#[derive(Deserialize)]
struct RawSegment<'a> {
    #[serde(default, borrow)]
    speaker: Text<'a>,
    #[serde(default, rename = "startTime")]
    start: Secs,
    #[serde(default, rename = "endTime")]
    end: Secs,
    #[serde(default, borrow)]
    body: Text<'a>,
}

fn read_meta(doc: &Doc, t: &mut Transcript) {
    t.title = doc.title.trimmed();
    t.show = doc.podcast.trimmed().or_else(|| doc.show.trimmed());
    t.language = doc.language.trimmed();
    if let Some(d) = doc.duration.trimmed() {
        t.duration_s = duration_secs(&d);
        if t.duration_s.is_none() {
            t.warn(
                WarningKind::Other,
                None,
                format!("unreadable duration: {d}"),
            );
        }
    }
}

/// A duration written as seconds (`3600`, `3600.4`) or as a clock or units (`1:00:00`, `1h`).
pub(super) fn duration_secs(s: &str) -> Option<u64> {
    match s.parse::<f64>() {
        Ok(f) if f.is_finite() && f >= 0.0 => Some(f.round() as u64),
        Ok(_) => None,
        Err(_) => dates::parse_duration(s),
    }
}

/// One source segment with its times read and its body trimmed.
#[derive(Debug, Clone, Copy)]
struct Word<'d> {
    speaker: Option<&'d str>,
    start: Option<u64>,
    end: Option<u64>,
    body: &'d str,
}

/// The non-empty source segments, with unreadable times warned about and dropped.
fn words<'d>(raw: &'d [Option<RawSegment<'_>>], warn: &mut Warner) -> Vec<Word<'d>> {
    let mut out = Vec::with_capacity(raw.len());
    for (i, seg) in raw.iter().enumerate() {
        let Some(seg) = seg else { continue };
        let body = seg.body.0.as_deref().unwrap_or("").trim();
        if body.is_empty() {
            continue;
        }
        let start = to_ms(seg.start, i, "startTime", warn);
        let end = to_ms(seg.end, i, "endTime", warn);
        if let (Some(s), Some(e)) = (start, end) {
            if e < s {
                warn.push(
                    WarningKind::Timestamp,
                    None,
                    format!("segment #{i} ends before it starts: times kept as given"),
                );
            }
        }
        let speaker = seg.speaker.0.as_deref().map(str::trim);
        out.push(Word {
            speaker: speaker.filter(|s| !s.is_empty()),
            start,
            end,
            body,
        });
    }
    out
}

/// Seconds to milliseconds; negative or non-finite times are warned about and dropped.
pub(super) fn to_ms(secs: Secs, index: usize, key: &str, warn: &mut Warner) -> Option<u64> {
    match secs {
        Secs::Missing => None,
        Secs::Unreadable => {
            warn.push(
                WarningKind::Timestamp,
                None,
                format!("segment #{index}: unreadable {key}: text kept untimed"),
            );
            None
        }
        Secs::Value(s) if s.is_finite() && s >= 0.0 => Some((s * 1000.0).round() as u64),
        Secs::Value(s) => {
            warn.push(
                WarningKind::Timestamp,
                None,
                format!("segment #{index}: {key} {s} is not a time: text kept untimed"),
            );
            None
        }
    }
}

/// True when a body ends a sentence (closing quotes and brackets aside).
fn ends_sentence(body: &str) -> bool {
    body.trim_end_matches(['"', '\'', '”', '’', ')', ']'])
        .ends_with(['.', '?', '!'])
}

/// Punctuation that attaches to the word before it, without a space (",", ".", "?!").
fn is_trailing_punct(body: &str) -> bool {
    !body.starts_with(['(', '[', '{', '"', '\'', '“', '‘', '¿', '¡'])
        && !body.chars().any(char::is_alphanumeric)
}

/// A merged segment being built.
struct Run {
    speaker: Option<String>,
    start: Option<u64>,
    end: Option<u64>,
    last_start: Option<u64>,
    text: String,
    words: usize,
    closed: bool,
}

impl Run {
    fn new(w: &Word) -> Self {
        Run {
            speaker: w.speaker.map(str::to_owned),
            start: w.start,
            end: w.end,
            last_start: w.start,
            text: w.body.to_owned(),
            words: 1,
            closed: ends_sentence(w.body),
        }
    }

    /// Whether `w` must begin a new segment rather than join this one.
    fn breaks_before(&self, w: &Word, capped: bool) -> bool {
        if self.speaker.as_deref() != w.speaker {
            return true;
        }
        if is_trailing_punct(w.body) {
            return false;
        }
        let paused = matches!((self.end, w.start), (Some(e), Some(s)) if s > e + MAX_PAUSE_MS);
        let backwards = matches!((self.last_start, w.start), (Some(p), Some(s)) if s < p);
        let full = capped
            && (self.words >= CAP_WORDS
                || matches!((self.start, w.end.or(w.start)), (Some(a), Some(b)) if b > a + CAP_SPAN_MS));
        self.closed || paused || backwards || full
    }

    fn push(&mut self, w: &Word) {
        let punct = is_trailing_punct(w.body);
        if !punct {
            self.text.push(' ');
            self.words += 1;
        }
        self.text.push_str(w.body);
        self.start = self.start.or(w.start);
        self.end = w.end.or(self.end);
        self.last_start = w.start.or(self.last_start);
        // A stray "," after "?" does not reopen the sentence.
        self.closed = ends_sentence(w.body) || (punct && self.closed);
    }

    fn finish(self) -> Segment {
        let seg = match self.start {
            Some(start) => Segment::timed(start, self.end, self.text),
            None => Segment {
                end_ms: self.end,
                ..Segment::text(self.text)
            },
        };
        seg.with_speaker(self.speaker)
    }
}

/// Merges consecutive words of one speaker into sentences (see the module documentation).
fn merge(words: &[Word], capped: bool, warn: &mut Warner) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut run: Option<Run> = None;
    for (i, w) in words.iter().enumerate() {
        if let Some(r) = run.as_mut() {
            if matches!((r.last_start, w.start), (Some(p), Some(s)) if s < p) {
                warn.push(
                    WarningKind::Timestamp,
                    None,
                    format!(
                        "word #{i} ({:?}) starts before the one before it: times kept as given",
                        w.body
                    ),
                );
            }
            if !r.breaks_before(w, capped) {
                r.push(w);
                continue;
            }
        }
        if let Some(r) = run.replace(Run::new(w)) {
            out.push(r.finish());
        }
    }
    out.extend(run.map(Run::finish));
    out
}

// ---------------------------------------------------------------------------------------
// Shared JSON helpers (also used by the Whisper layout).

/// Warnings with a cap per kind, so a word-level file with a systematic fault yields a few
/// examples and a count rather than thousands of lines.
#[derive(Default)]
pub(super) struct Warner {
    warnings: Vec<earshot_model::Warning>,
    suppressed: Vec<(WarningKind, usize)>,
}

const WARNINGS_PER_KIND: usize = 20;

impl Warner {
    pub(super) fn push(&mut self, kind: WarningKind, line: Option<usize>, message: String) {
        let n = self.warnings.iter().filter(|w| w.kind == kind).count();
        if n < WARNINGS_PER_KIND {
            self.warnings
                .push(earshot_model::Warning::new(kind, line, message));
        } else if let Some(s) = self.suppressed.iter_mut().find(|(k, _)| *k == kind) {
            s.1 += 1;
        } else {
            self.suppressed.push((kind, 1));
        }
    }

    pub(super) fn finish(mut self) -> Vec<earshot_model::Warning> {
        for (kind, n) in self.suppressed {
            self.warnings.push(earshot_model::Warning::new(
                kind,
                None,
                format!("{n} more warnings of this kind not listed"),
            ));
        }
        self.warnings
    }
}

/// A JSON value read as text if it can be: strings as they are, numbers written out, and
/// anything else (null, booleans, arrays, objects) as absent.
#[derive(Debug, Default)]
pub(super) struct Text<'a>(pub Option<Cow<'a, str>>);

impl Text<'_> {
    /// The trimmed value, if not empty.
    pub(super) fn trimmed(&self) -> Option<String> {
        let s = self.0.as_deref()?.trim();
        (!s.is_empty()).then(|| s.to_owned())
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(TextVisitor(PhantomData))
    }
}

struct TextVisitor<'a>(PhantomData<&'a ()>);

impl<'de: 'a, 'a> Visitor<'de> for TextVisitor<'a> {
    type Value = Text<'a>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Text(Some(Cow::Borrowed(v))))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Text(Some(Cow::Owned(v.to_owned()))))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Text(Some(Cow::Owned(v))))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Text(Some(Cow::Owned(v.to_string()))))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Text(Some(Cow::Owned(v.to_string()))))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Ok(Text(Some(Cow::Owned(v.to_string()))))
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(Text(None))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Text(None))
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Text(None))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<Self::Value, A::Error> {
        while a.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Text(None))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Self::Value, A::Error> {
        while a.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Text(None))
    }
}

/// A time in seconds: a number, or a string holding one (`"1.5"`, `"00:00:01.5"`).
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub(super) enum Secs {
    #[default]
    Missing,
    /// Present but not a time (`"soon"`, `true`, an object).
    Unreadable,
    Value(f64),
}

impl<'de> Deserialize<'de> for Secs {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(SecsVisitor)
    }
}

struct SecsVisitor;

impl<'de> Visitor<'de> for SecsVisitor {
    type Value = Secs;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a time in seconds")
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Secs, E> {
        Ok(Secs::Value(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Secs, E> {
        Ok(Secs::Value(v as f64))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Secs, E> {
        Ok(Secs::Value(v as f64))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Secs, E> {
        let v = v.trim();
        if v.is_empty() {
            return Ok(Secs::Missing);
        }
        Ok(match v.parse::<f64>() {
            Ok(f) => Secs::Value(f),
            Err(_) => crate::stamps::parse_clock(v)
                .map(|ms| Secs::Value(ms as f64 / 1000.0))
                .unwrap_or(Secs::Unreadable),
        })
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Secs, E> {
        Ok(Secs::Unreadable)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Secs, E> {
        Ok(Secs::Missing)
    }
    fn visit_none<E: de::Error>(self) -> Result<Secs, E> {
        Ok(Secs::Missing)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<Secs, A::Error> {
        while a.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Secs::Unreadable)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Secs, A::Error> {
        while a.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Secs::Unreadable)
    }
}

/// A serde_json error as a syntax error at its line.
pub(super) fn syntax(e: &serde_json::Error) -> FormatError {
    let full = e.to_string();
    // serde_json appends " at line L column C"; the line has its own field.
    let what = full
        .rfind(" at line ")
        .map_or(full.as_str(), |i| &full[..i]);
    FormatError::syntax(
        Some(e.line()),
        format!("invalid JSON (column {}): {what}", e.column()),
    )
}

/// For a document that is valid but ends early, the longest prefix that ends after a
/// complete value, with the brackets still open closed; otherwise the error itself.
pub(super) fn salvage(text: &str, e: &serde_json::Error) -> Result<String, FormatError> {
    if e.classify() != serde_json::error::Category::Eof {
        return Err(syntax(e));
    }
    let cut = last_safe_point(text.as_bytes()).ok_or_else(|| syntax(e))?;
    let open = open_containers(&text.as_bytes()[..cut]);
    let mut out = String::with_capacity(cut + open.len());
    out.push_str(&text[..cut]);
    out.extend(
        open.iter()
            .rev()
            .map(|&b| if b == b'{' { '}' } else { ']' }),
    );
    Ok(out)
}

/// Scans JSON bytes, calling `at` after each byte with the byte's index and whether the
/// document so far ends at a point where closing the open brackets leaves valid JSON: before
/// a comma, after a closing bracket, or after a string that is an object member's value.
/// Returns the brackets still open.
fn scan_json(b: &[u8], mut at: impl FnMut(usize, bool)) -> Vec<u8> {
    // The stack holds '{' or '[', plus for objects whether a ':' has been seen in the
    // current member (so a string ending there is a value, not a key).
    let mut stack: Vec<(u8, bool)> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let mut safe = false;
        match b[i] {
            b'"' => {
                i = string_end(b, i);
                if i < b.len() {
                    at(i, matches!(stack.last(), Some((b'{', true))));
                }
                i += 1;
                continue;
            }
            c @ (b'{' | b'[') => stack.push((c, false)),
            b'}' | b']' => {
                stack.pop();
                safe = !stack.is_empty();
            }
            b':' => {
                if let Some(top) = stack.last_mut() {
                    top.1 = true;
                }
            }
            b',' => {
                if let Some(top) = stack.last_mut() {
                    top.1 = false;
                }
                // The cut goes before the comma: signal at the previous byte.
                at(i.wrapping_sub(1), true);
                i += 1;
                continue;
            }
            _ => {}
        }
        at(i, safe);
        i += 1;
    }
    stack.into_iter().map(|(c, _)| c).collect()
}

/// The index of the closing quote of the string opening at `open` (or `b.len()` if none).
fn string_end(b: &[u8], open: usize) -> usize {
    let mut j = open + 1;
    while j < b.len() {
        match memchr::memchr2(b'"', b'\\', &b[j..]) {
            Some(k) if b[j + k] == b'\\' => j += k + 2,
            Some(k) => return j + k,
            None => return b.len(),
        }
    }
    b.len()
}

/// The length of the longest salvageable prefix (see [`scan_json`]).
fn last_safe_point(b: &[u8]) -> Option<usize> {
    let mut last = None;
    scan_json(b, |i, safe| {
        if safe && i < b.len() {
            last = Some(i + 1);
        }
    });
    last
}

/// The brackets open at the end of `b`, outermost first.
fn open_containers(b: &[u8]) -> Vec<u8> {
    scan_json(b, |_, _| {})
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn texts(t: &Transcript) -> Vec<&str> {
        t.segments.iter().map(|s| s.text.as_str()).collect()
    }

    const WORDS: &str = r#"{
  "version": "1.0.0",
  "title": "Grain &amp; Guns",
  "podcast": "The Long Wire",
  "language": "en",
  "duration": "00:42:10",
  "segments": [
    {"speaker": "Maria", "startTime": 0.5, "endTime": 0.9, "body": "Good"},
    {"speaker": "Maria", "startTime": 0.9, "endTime": 1.4, "body": "evening"},
    {"speaker": "Maria", "startTime": 1.4, "endTime": 1.5, "body": "."},
    {"speaker": "Maria", "startTime": 1.6, "endTime": 1.9, "body": "Tonight"},
    {"speaker": "Maria", "startTime": 1.9, "endTime": 2.2, "body": "Odesa"},
    {"speaker": "Maria", "startTime": 2.2, "endTime": 2.3, "body": ","},
    {"speaker": "Maria", "startTime": 2.3, "endTime": 2.8, "body": "again"},
    {"speaker": "Maria", "startTime": 5.0, "endTime": 5.4, "body": "and"},
    {"speaker": "Maria", "startTime": 5.4, "endTime": 5.9, "body": "Ankara?"},
    {"speaker": "Tomas", "startTime": 6.1, "endTime": 6.4, "body": "Right"},
    {"speaker": "Tomas", "startTime": 6.4, "endTime": 6.8, "body": "so"}
  ]
}"#;

    #[test]
    fn reads_metadata() {
        let t = Podcasting20Json.parse(WORDS).unwrap().remove(0);
        assert_eq!(t.title.as_deref(), Some("Grain &amp; Guns"));
        assert_eq!(t.show.as_deref(), Some("The Long Wire"));
        assert_eq!(t.language.as_deref(), Some("en"));
        assert_eq!(t.duration_s, Some(2530));
        assert!(t.warnings.is_empty(), "{:?}", t.warnings);
    }

    #[test]
    fn merges_words_into_sentences() {
        let t = Podcasting20Json.parse(WORDS).unwrap().remove(0);
        assert_eq!(
            texts(&t),
            vec![
                "Good evening.",
                "Tonight Odesa, again",
                "and Ankara?",
                "Right so"
            ]
        );
        let times: Vec<_> = t.segments.iter().map(|s| (s.start_ms, s.end_ms)).collect();
        assert_eq!(
            times,
            vec![
                (Some(500), Some(1500)),
                (Some(1600), Some(2800)),
                (Some(5000), Some(5900)),
                (Some(6100), Some(6800))
            ]
        );
        assert_eq!(t.speakers(), vec!["Maria", "Tomas"]);
        assert!(t
            .segments
            .iter()
            .all(|s| s.timing == earshot_model::Timing::Exact));
        assert!(!t.hints.unpunctuated);
    }

    #[test]
    fn caps_unpunctuated_runs() {
        let segs: Vec<String> = (0..100)
            .map(|i| {
                format!(
                    r#"{{"speaker":"A","startTime":{}.0,"endTime":{}.5,"body":"w{i}"}}"#,
                    i / 4,
                    i / 4
                )
            })
            .collect();
        let doc = format!(r#"{{"segments":[{}]}}"#, segs.join(","));
        let t = Podcasting20Json.parse(&doc).unwrap().remove(0);
        assert!(t.hints.unpunctuated);
        assert!(t.segments.len() >= 3);
        for s in &t.segments {
            assert!(s.text.split(' ').count() <= CAP_WORDS);
            assert!(s.end_ms.unwrap() - s.start_ms.unwrap() <= CAP_SPAN_MS);
        }
        let all: Vec<&str> = t.segments.iter().flat_map(|s| s.text.split(' ')).collect();
        assert_eq!(all.len(), 100);
    }

    #[test]
    fn sentence_level_segments_and_nulls_and_odd_types() {
        let doc = r#"{"segments": [
            {"speaker": null, "startTime": "1.25", "endTime": 3, "body": "First sentence here."},
            null,
            {"speaker": 2, "startTime": "00:00:04", "endTime": 5, "body": "Second one!"},
            {"speaker": 2, "startTime": "soon", "endTime": 6, "body": "Third."},
            {"speaker": 2, "startTime": 7, "body": "   "}
        ], "extra": {"nested": [1, 2]}}"#;
        let t = Podcasting20Json.parse(doc).unwrap().remove(0);
        assert_eq!(
            texts(&t),
            vec!["First sentence here.", "Second one!", "Third."]
        );
        assert_eq!(t.segments[0].start_ms, Some(1250));
        assert_eq!(t.segments[0].speaker, None);
        assert_eq!(t.segments[1].start_ms, Some(4000));
        assert_eq!(t.segments[1].speaker.as_deref(), Some("2"));
        assert_eq!(t.segments[2].start_ms, None);
        assert_eq!(t.segments[2].end_ms, Some(6000));
        assert!(t
            .warnings
            .iter()
            .any(|w| w.kind == WarningKind::Timestamp && w.message.contains("startTime")));
    }

    #[test]
    fn a_stray_comma_does_not_reopen_a_sentence() {
        let doc = r#"{"segments": [{"speaker": "A", "body": "Yes"}, {"speaker": "A", "body": "?"},
            {"speaker": "A", "body": ","}, {"speaker": "A", "body": "so"}]}"#;
        let t = Podcasting20Json.parse(doc).unwrap().remove(0);
        assert_eq!(texts(&t), vec!["Yes?,", "so"]);
    }

    #[test]
    fn warns_on_backwards_times_but_keeps_them() {
        let doc = r#"{"segments": [
            {"speaker": "A", "startTime": 5, "endTime": 6, "body": "late"},
            {"speaker": "A", "startTime": 2, "endTime": 3, "body": "early"}
        ]}"#;
        let t = Podcasting20Json.parse(doc).unwrap().remove(0);
        assert_eq!(texts(&t), vec!["late", "early"]);
        assert_eq!(t.segments[1].start_ms, Some(2000));
        assert!(t.warnings.iter().any(|w| w.kind == WarningKind::Timestamp));
    }

    #[test]
    fn salvages_a_truncated_file() {
        let cut = &WORDS[..WORDS.find("\"Ankara?\"").unwrap() + 4];
        let t = Podcasting20Json.parse(cut).unwrap().remove(0);
        assert_eq!(
            texts(&t),
            vec!["Good evening.", "Tonight Odesa, again", "and"]
        );
        let w = t
            .warnings
            .iter()
            .find(|w| w.kind == WarningKind::Truncated)
            .unwrap();
        assert_eq!(w.line, Some(16));
        assert_eq!(t.title.as_deref(), Some("Grain &amp; Guns"));
    }

    #[test]
    fn salvages_a_cut_right_after_a_body() {
        let doc = r#"{"segments": [{"speaker": "A", "startTime": 1, "body": "one"}, {"speaker": "A", "body": "two""#;
        let t = Podcasting20Json.parse(doc).unwrap().remove(0);
        assert_eq!(texts(&t), vec!["one two"]);
    }

    #[test]
    fn a_cut_before_any_segment_is_an_error() {
        let err = Podcasting20Json
            .parse("{\"version\": \"1.0.0\",\n\"segments\": [{\"body\": \"wo")
            .unwrap_err();
        assert_eq!(err.line(), Some(2));
    }

    #[test]
    fn invalid_json_is_an_error_with_its_line() {
        let doc = "{\"segments\": [\n{\"body\": \"a\"}\n{\"body\": \"b\"}\n]}";
        let err = Podcasting20Json.parse(doc).unwrap_err();
        assert_eq!(err.line(), Some(3));
        assert!(err.to_string().contains("line 3"), "{err}");
        assert!(Podcasting20Json.parse("[1, 2]").is_err());
        assert!(Podcasting20Json.parse("").is_err());
    }

    #[test]
    fn sniffs_its_keys() {
        assert_eq!(Podcasting20Json.sniff(WORDS), 1.0);
        assert_eq!(
            Podcasting20Json.sniff(r#"{"segments": [{"start": 1, "text": "x"}]}"#),
            0.0
        );
        assert_eq!(Podcasting20Json.sniff("segments startTime body"), 0.0);
    }

    #[test]
    fn salvage_points() {
        let b = br#"{"a": [1, {"b": "c"}, 2"#;
        let n = last_safe_point(b).unwrap();
        assert_eq!(&b[..n], br#"{"a": [1, {"b": "c"}"#);
        assert_eq!(open_containers(&b[..n]), b"{[");
        let b = br#"{"a": "x\"y", "b": "z"#;
        assert_eq!(&b[..last_safe_point(b).unwrap()], br#"{"a": "x\"y""#);
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,200}") {
            let _ = Podcasting20Json.parse(&s);
            let _ = Podcasting20Json.parse(&format!("{{\"segments\": [{s}"));
            let _ = Podcasting20Json.sniff(&s);
        }

        #[test]
        fn never_panics_on_cut_documents(cut in 0usize..2000) {
            let end = cut.min(WORDS.len());
            let _ = Podcasting20Json.parse(&WORDS[..end]);
        }

        #[test]
        fn generated_words_round_trip(
            words in proptest::collection::vec(("[a-zA-Z]{1,8}", 0u8..3, 0u32..2500), 1..80)
        ) {
            let mut t = 0u64;
            let mut segs = Vec::new();
            for (w, spk, gap) in &words {
                t += u64::from(*gap);
                segs.push(serde_json::json!({
                    "speaker": format!("S{spk}"),
                    "startTime": t as f64 / 1000.0,
                    "endTime": (t + 200) as f64 / 1000.0,
                    "body": w,
                }));
                t += 200;
            }
            let doc = serde_json::json!({"version": "1.0.0", "segments": segs}).to_string();
            let parsed = Podcasting20Json.parse(&doc).unwrap().remove(0);
            let got: Vec<(&str, &str)> = parsed
                .segments
                .iter()
                .flat_map(|s| {
                    let spk = s.speaker.as_deref().unwrap_or("");
                    s.text.split(' ').map(move |w| (w, spk))
                })
                .collect();
            let want: Vec<(&str, String)> =
                words.iter().map(|(w, s, _)| (w.as_str(), format!("S{s}"))).collect();
            prop_assert_eq!(got.len(), want.len());
            for (g, w) in got.iter().zip(&want) {
                prop_assert_eq!(g.0, w.0);
                prop_assert_eq!(g.1, w.1.as_str());
            }
            for s in &parsed.segments {
                prop_assert!(s.start_ms <= s.end_ms);
            }
        }

        #[test]
        fn punctuation_is_glued_and_nothing_is_lost(
            tokens in proptest::collection::vec(
                prop_oneof![3 => "[a-z]{1,7}", 1 => "[,.?!]"],
                1..120,
            ),
            gaps in proptest::collection::vec(0u64..2500, 120),
        ) {
            let mut t = 0u64;
            let segs: Vec<_> = tokens
                .iter()
                .zip(&gaps)
                .map(|(w, gap)| {
                    t += gap + 100;
                    serde_json::json!({"speaker": "A", "startTime": t as f64 / 1000.0,
                        "endTime": (t + 100) as f64 / 1000.0, "body": w})
                })
                .collect();
            let doc = serde_json::json!({"segments": segs}).to_string();
            let parsed = Podcasting20Json.parse(&doc).unwrap().remove(0);
            let mut want = String::new();
            for w in &tokens {
                if !want.is_empty() && w.chars().all(char::is_alphabetic) {
                    want.push(' ');
                }
                want.push_str(w);
            }
            let got: Vec<&str> = parsed.segments.iter().map(|s| s.text.as_str()).collect();
            prop_assert_eq!(got.join(" "), want);
            for s in &parsed.segments {
                prop_assert!(s.start_ms <= s.end_ms);
                if !parsed.hints.unpunctuated {
                    // A sentence end closes a segment: it can only be the segment's last token.
                    let inner = s.text.trim_end_matches(['.', '?', '!', ',']);
                    prop_assert!(!inner.contains(['.', '?', '!']), "{:?}", s.text);
                }
            }
        }
    }
}
