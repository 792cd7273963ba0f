//! The vocabulary every stage of earshot shares: a [`Transcript`] made of ordered
//! [`Segment`]s, with the metadata a layout could recover and the [`Warning`]s met on the way.
//!
//! Serialised with serde, these types *are* the public `earshot parse --json` contract
//! (see `PRODUCT.md`): keys may be added, existing keys keep their meaning, unknown values are
//! `null` and never omitted.

mod time;

pub use chrono::NaiveDate;
pub use time::{format_clock, parse_clock};

use serde::{Deserialize, Serialize};

/// Where a segment's times come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Timing {
    /// Given by the source.
    Exact,
    /// Computed by us (spread over the stated duration, or at a spoken rate).
    Estimated,
    /// Unknown.
    #[default]
    None,
}

/// One stretch of speech: a cue, a turn, a stamped line or a paragraph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Segment {
    /// Milliseconds from the start of the episode.
    pub start_ms: Option<u64>,
    /// Milliseconds from the start of the episode.
    pub end_ms: Option<u64>,
    /// The speaker's label as the source gives it.
    pub speaker: Option<String>,
    pub timing: Timing,
    /// Sponsor read, sign-off or other show logistics: kept, but flagged.
    pub boilerplate: bool,
    pub text: String,
    /// 1-based line of the source where the segment begins, when the layout is line-based.
    pub line: Option<u32>,
}

impl Segment {
    /// A segment with text only; everything else unknown.
    pub fn text(text: impl Into<String>) -> Self {
        Segment {
            text: text.into(),
            ..Segment::default()
        }
    }

    /// A segment whose start (and maybe end) the source states.
    pub fn timed(start_ms: u64, end_ms: Option<u64>, text: impl Into<String>) -> Self {
        Segment {
            start_ms: Some(start_ms),
            end_ms,
            timing: Timing::Exact,
            text: text.into(),
            ..Segment::default()
        }
    }

    /// Builder-style speaker setter.
    pub fn with_speaker(mut self, speaker: Option<String>) -> Self {
        self.speaker = speaker;
        self
    }

    /// Builder-style source line setter.
    pub fn at_line(mut self, line: usize) -> Self {
        self.line = u32::try_from(line).ok();
        self
    }
}

/// A titled point in the episode, from a chapter list or a chapter heading in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chapter {
    pub title: String,
    pub start_ms: u64,
}

/// A passage: a few consecutive sentences of one speaker, the unit that search finds and
/// shows. Built from the segments by the text stage, so that a 40-minute single paragraph
/// still yields precise hits with their own timestamps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Passage {
    /// Position of the passage in its episode, from 0.
    pub ord: u32,
    /// The segment (index into the transcript's segments) the passage begins in.
    pub segment: u32,
    pub start_ms: u64,
    pub end_ms: u64,
    pub speaker: Option<String>,
    pub boilerplate: bool,
    pub text: String,
}

/// What kind of thing a [`Warning`] reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum WarningKind {
    /// Page chrome (navigation, comment prompts) removed from the text.
    Chrome,
    /// A timestamp that could not be read, or goes backwards.
    Timestamp,
    /// The input's encoding was not clean UTF-8.
    Encoding,
    /// The input ended early (truncated JSON or XML); what came before was kept.
    Truncated,
    /// Text that could not be placed in the layout; kept as a segment of its own.
    Unplaced,
    /// A linked file (a feed's transcript) that could not be used.
    Link,
    /// Anything else worth telling the user.
    Other,
}

/// Something the parser met and handled, for the user to know about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Warning {
    /// What kind of thing it reports.
    pub kind: WarningKind,
    /// 1-based line of the source, where there is one.
    pub line: Option<u32>,
    /// What happened, in words.
    pub message: String,
}

impl Warning {
    pub fn new(kind: WarningKind, line: Option<usize>, message: impl Into<String>) -> Self {
        Warning {
            kind,
            line: line.and_then(|l| u32::try_from(l).ok()),
            message: message.into(),
        }
    }
}

/// Processing hints a layout passes to the text stage; not part of the JSON contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Hints {
    /// Lines were hard-wrapped by the source and words may be glued where wraps were lost
    /// ("theeditor"): the text stage splits such words with its word list.
    pub glued_wraps: bool,
    /// The text is an auto-caption dump, lower-case and unpunctuated: the text stage restores
    /// sentence boundaries.
    pub unpunctuated: bool,
    /// The layout is markup (HTML, WebVTT) and its parser has decoded the character references
    /// already: the text stage must not decode them again, or a literal "&lt;" (written
    /// "&amp;lt;") would become "<".
    pub references_decoded: bool,
}

/// One episode's transcript, as recovered from one source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Transcript {
    /// The path as the user gave it (for a feed: the feed's path, with `#N` for the item).
    pub source: String,
    /// The layout's id (see `earshot formats`).
    pub format: String,
    pub show: Option<String>,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub duration_s: Option<u64>,
    pub language: Option<String>,
    pub segments: Vec<Segment>,
    /// How sure detection was of the layout, from 0 to 1.
    pub confidence: f32,
    pub audio_url: Option<String>,
    /// A transcript file this one links to (a feed item's `<podcast:transcript>`).
    pub transcript_url: Option<String>,
    pub chapters: Vec<Chapter>,
    pub warnings: Vec<Warning>,
    #[serde(skip)]
    pub hints: Hints,
}

impl Transcript {
    /// An empty transcript in the given layout.
    pub fn new(format: &str) -> Self {
        Transcript {
            format: format.to_owned(),
            ..Transcript::default()
        }
    }

    /// The distinct speakers, in order of first appearance.
    pub fn speakers(&self) -> Vec<&str> {
        let mut seen: Vec<&str> = Vec::new();
        for s in self.segments.iter().filter_map(|s| s.speaker.as_deref()) {
            if !seen.contains(&s) {
                seen.push(s);
            }
        }
        seen
    }

    /// The timing kind that describes most of the segments.
    pub fn timing(&self) -> Timing {
        let exact = self
            .segments
            .iter()
            .filter(|s| s.timing == Timing::Exact)
            .count();
        let est = self
            .segments
            .iter()
            .filter(|s| s.timing == Timing::Estimated)
            .count();
        if exact == 0 && est == 0 {
            Timing::None
        } else if exact >= est {
            Timing::Exact
        } else {
            Timing::Estimated
        }
    }

    /// Words across all segments.
    pub fn word_count(&self) -> usize {
        self.segments
            .iter()
            .map(|s| s.text.split_whitespace().count())
            .sum()
    }

    /// Adds a warning.
    pub fn warn(&mut self, kind: WarningKind, line: Option<usize>, message: impl Into<String>) {
        self.warnings.push(Warning::new(kind, line, message));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_contract_keys_are_present_and_null_when_unknown() {
        let mut t = Transcript::new("plain");
        t.source = "a.txt".into();
        t.segments.push(Segment::text("hello"));
        let v: serde_json::Value = serde_json::to_value(&t).unwrap();
        for key in [
            "source",
            "format",
            "show",
            "title",
            "published",
            "duration_s",
            "language",
        ] {
            assert!(v.get(key).is_some(), "missing {key}");
        }
        assert!(v["show"].is_null());
        let seg = &v["segments"][0];
        for key in [
            "start_ms",
            "end_ms",
            "speaker",
            "timing",
            "boilerplate",
            "text",
        ] {
            assert!(seg.get(key).is_some(), "missing segment key {key}");
        }
        assert_eq!(seg["timing"], "none");
    }

    #[test]
    fn dates_serialise_as_iso() {
        let mut t = Transcript::new("plain");
        t.published = NaiveDate::from_ymd_opt(2026, 2, 8);
        let v: serde_json::Value = serde_json::to_value(&t).unwrap();
        assert_eq!(v["published"], "2026-02-08");
    }

    #[test]
    fn speakers_are_distinct_in_order() {
        let mut t = Transcript::new("plain");
        for s in ["B", "A", "B"] {
            t.segments
                .push(Segment::text("x").with_speaker(Some(s.into())));
        }
        assert_eq!(t.speakers(), vec!["B", "A"]);
    }
}
