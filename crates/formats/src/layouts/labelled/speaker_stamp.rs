//! The transcription-service export: turns open with `Name (MM:SS):` or `Name (HH:MM:SS):`,
//! the text on the same line or below, hard-wrapped into short lines. A bare `(MM:SS):` line
//! continues the current speaker with a new stamp; `Name (0:00)` on a line of its own, without
//! the colon, is a turn too. Wraps sometimes lost their space ("theeditor"), so the transcript
//! carries [`earshot_model::Hints::glued_wraps`] for the text stage.

use super::common::{clock_of, name_ok, read_header, warn_chrome, Clock, Tally, Turns};
use crate::layouts::sniff_window;
use crate::lines::numbered;
use crate::{chrome, FormatError, Layout, Transcript, WarningKind};

/// See the module documentation.
pub struct SpeakerStampBlocks;

/// A turn label: `Name (stamp):`, `(stamp):` or `Name (stamp)` alone on its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::layouts) struct StampLabel<'a> {
    pub name: Option<&'a str>,
    pub clock: Clock,
    /// Whether a colon followed the stamp (always so for inline text).
    pub colon: bool,
    /// The text after the label, trimmed.
    pub rest: &'a str,
}

/// Reads a turn label at the start of a trimmed line.
pub(in crate::layouts) fn stamp_label(line: &str) -> Option<StampLabel<'_>> {
    let open = line.find('(')?;
    let name = line[..open].trim();
    if !name.is_empty() && !name_ok(name) {
        return None;
    }
    let close = open + 1 + line[open + 1..].find(')')?;
    let clock = clock_of(line[open + 1..close].trim())?;
    let after = line[close + 1..].trim_start();
    let (colon, rest) = match after.strip_prefix(':') {
        Some(rest) => (true, rest.trim()),
        // Without a colon the label must stand alone, and name someone.
        None if after.is_empty() && !name.is_empty() => (false, ""),
        None => return None,
    };
    Some(StampLabel {
        name: (!name.is_empty()).then_some(name),
        clock,
        colon,
        rest,
    })
}

impl Layout for SpeakerStampBlocks {
    fn id(&self) -> &'static str {
        "speaker-stamp"
    }

    fn describe(&self) -> &'static str {
        "\"Name (MM:SS):\" turns, inline or on their own line, with bare \"(MM:SS):\" continuations"
    }

    fn sniff(&self, text: &str) -> f32 {
        let (mut named, mut bare) = (0usize, 0usize);
        let mut alone = Tally::default();
        let mut alone_n = 0usize;
        for line in sniff_window(text).lines().take(500) {
            let Some(l) = stamp_label(line.trim()) else {
                continue;
            };
            match (l.name, l.colon) {
                (Some(_), true) => named += 1,
                (None, _) => bare += 1,
                // A titled line ending in a stamp is a chapter heading unless the name recurs.
                (Some(name), false) => {
                    alone.add(name);
                    alone_n += 1;
                }
            }
        }
        let alone_speakers = alone.repeats() && alone_n >= 3;
        match (named, bare, alone_speakers) {
            (n, _, _) if n >= 2 => 0.92,
            (1, b, _) if b >= 1 => 0.85,
            (_, _, true) => 0.88,
            (1, _, _) => 0.6,
            _ => 0.0,
        }
    }

    fn parse(&self, text: &str) -> Result<Vec<Transcript>, FormatError> {
        let mut t = Transcript::new(self.id());
        t.hints.glued_wraps = true;
        let lines = numbered(text);
        let start = read_header(&lines, &mut t);
        let mut b = Turns::new(t);
        b.warn_unplaced = true;
        for line in &lines[start..] {
            let text = line.text.trim();
            if text.is_empty() {
                continue;
            }
            if chrome::is_chrome_line(text) {
                warn_chrome(&mut b.t, line.no, text);
                continue;
            }
            let Some(label) = stamp_label(text) else {
                b.add(text, line.no);
                continue;
            };
            b.found += 1;
            let start = match label.clock {
                Clock::Ok(ms) => Some(ms),
                Clock::Bad => {
                    b.t.warn(
                        WarningKind::Timestamp,
                        Some(line.no),
                        format!("unreadable stamp in turn label {text:?}: the turn is kept without a time"),
                    );
                    None
                }
            };
            let speaker = match label.name {
                Some(name) => Some(name.to_owned()),
                None => b.speaker(),
            };
            b.open(start, speaker, line.no);
            b.add(label.rest, line.no);
        }
        if b.found == 0 {
            return Err(FormatError::syntax(
                None,
                "no \"Name (MM:SS):\" turn label found",
            ));
        }
        Ok(vec![b.finish()])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Timing;
    use earshot_model::NaiveDate;
    use proptest::prelude::*;

    const EXPORT: &str = "Title: The grain corridor\nDate: 2026-03-02\n\nMaria Lind (00:00):\nWelcome back to Night Desk. Today we\nlook at the grain corridor and theeditor\nof the Kyiv Independent.\n\nTom Okafor (00:42): Thanks, Maria. It is\ngood to be here.\n(01:10):\nAnd one more thing.\n\nMaria Lind (1:02:03):\nGo on.\n";

    fn parse(text: &str) -> Transcript {
        SpeakerStampBlocks.parse(text).unwrap().remove(0)
    }

    #[test]
    fn reads_turns_headers_and_continuations() {
        let t = parse(EXPORT);
        assert_eq!(t.title.as_deref(), Some("The grain corridor"));
        assert_eq!(t.published, NaiveDate::from_ymd_opt(2026, 3, 2));
        assert!(t.hints.glued_wraps);
        let got: Vec<_> = t
            .segments
            .iter()
            .map(|s| (s.speaker.as_deref(), s.start_ms, s.end_ms, s.line))
            .collect();
        assert_eq!(
            got,
            vec![
                (Some("Maria Lind"), Some(0), Some(42_000), Some(4)),
                (Some("Tom Okafor"), Some(42_000), Some(70_000), Some(9)),
                (Some("Tom Okafor"), Some(70_000), Some(3_723_000), Some(11)),
                (Some("Maria Lind"), Some(3_723_000), None, Some(14)),
            ]
        );
        assert_eq!(
            t.segments[0].text,
            "Welcome back to Night Desk. Today we\nlook at the grain corridor and theeditor\nof the Kyiv Independent."
        );
        assert_eq!(t.segments[1].text, "Thanks, Maria. It is\ngood to be here.");
        assert!(t.segments.iter().all(|s| s.timing == Timing::Exact));
        assert!(t.warnings.is_empty());
    }

    #[test]
    fn a_label_alone_without_colon_is_a_turn() {
        let t = parse("Speaker 1 (0:00)\nHello there.\nSpeaker 2 (0:05)\nHi.\n");
        assert_eq!(t.speakers(), vec!["Speaker 1", "Speaker 2"]);
        assert_eq!(t.segments[1].start_ms, Some(5000));
    }

    #[test]
    fn malformed_and_backwards_stamps_warn_and_keep_text() {
        let t = parse("Ana (00:10): one\nBen (1:75): two\nAna (00:05): three\n");
        let texts: Vec<_> = t.segments.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, vec!["one", "two", "three"]);
        assert_eq!(t.segments[1].start_ms, None);
        assert_eq!(t.segments[1].speaker.as_deref(), Some("Ben"));
        assert_eq!(t.segments[2].start_ms, Some(5000));
        let lines: Vec<_> = t.warnings.iter().map(|w| (w.kind, w.line)).collect();
        assert_eq!(
            lines,
            vec![
                (WarningKind::Timestamp, Some(2)),
                (WarningKind::Timestamp, Some(3))
            ]
        );
    }

    #[test]
    fn text_before_the_first_turn_is_kept_and_reported() {
        let t = parse("interview_final.mp3\nAna (00:10): one\n");
        assert_eq!(t.segments[0].text, "interview_final.mp3");
        assert_eq!(t.segments[0].speaker, None);
        assert_eq!(t.warnings[0].kind, WarningKind::Unplaced);
    }

    #[test]
    fn refuses_text_without_turns() {
        let e = SpeakerStampBlocks
            .parse("Just prose (really).\n")
            .unwrap_err();
        assert!(matches!(e, FormatError::Syntax { .. }));
    }

    #[test]
    fn sniffs_turns_but_not_chapters_or_prose() {
        assert!(SpeakerStampBlocks.sniff(EXPORT) > 0.9);
        let chapters = "Opening (0:00)\n\nWe begin.\n\nThe Geneva round (12:30)\n\nMore.\n";
        assert_eq!(SpeakerStampBlocks.sniff(chapters), 0.0);
        assert_eq!(
            SpeakerStampBlocks.sniff("We met at noon (12:30) and left.\n"),
            0.0
        );
    }

    fn doc() -> impl Strategy<Value = Vec<(usize, u64, String)>> {
        let names = 0..3usize;
        let text = "[A-Z][a-z]{0,7}( [a-z]{1,8}){0,8}[.?]";
        prop::collection::vec((names, 0..5000u64, text), 1..12)
    }

    const NAMES: [&str; 3] = ["Maria Lind", "Tom", "Speaker 2"];

    proptest! {
        #[test]
        fn never_panics(s in "\\PC*") {
            let _ = SpeakerStampBlocks.parse(&s);
            let _ = SpeakerStampBlocks.sniff(&s);
        }

        #[test]
        fn never_panics_on_near_misses(s in "[A-Za-z (0-9:)\n.]{0,200}") {
            let _ = SpeakerStampBlocks.parse(&s);
        }

        #[test]
        fn round_trips_generated_turns(turns in doc(), inline in any::<bool>()) {
            let mut src = String::new();
            let mut ms = 0u64;
            let mut want = Vec::new();
            for (who, step, text) in &turns {
                ms += step * 1000;
                let stamp = earshot_model::format_clock(ms);
                let sep = if inline { " " } else { "\n" };
                src.push_str(&format!("{} ({stamp}):{sep}{text}\n\n", NAMES[*who]));
                want.push((NAMES[*who], ms, text.as_str()));
            }
            let t = parse(&src);
            let got: Vec<_> = t
                .segments
                .iter()
                .map(|s| (s.speaker.as_deref().unwrap_or(""), s.start_ms.unwrap_or(u64::MAX), s.text.as_str()))
                .collect();
            prop_assert_eq!(got, want);
        }
    }
}
