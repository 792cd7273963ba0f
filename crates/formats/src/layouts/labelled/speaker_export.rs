//! The meeting-notes style export: a line with the speaker's label, a gap of two or more
//! spaces or a tab, and a stamp (`Speaker 1  0:00`, `Jane Doe\t12:34`), then the turn's
//! paragraph on the following lines until the next such line.

use super::common::{clock_of, name_ok, read_header, warn_chrome, Clock, Tally, Turns};
use crate::layouts::sniff_window;
use crate::lines::numbered;
use crate::{chrome, FormatError, Layout, Transcript, WarningKind};

/// See the module documentation.
pub struct SpeakerExport;

/// Reads a `Label<gap>stamp` line (trimmed): the label and its stamp.
pub(in crate::layouts) fn export_label(line: &str) -> Option<(&str, Clock)> {
    let cut = line.rfind([' ', '\t'])?;
    let clock = clock_of(&line[cut + 1..])?;
    let head = &line[..=cut];
    let label = head.trim_end();
    let gap = &head[label.len()..];
    // A single space is how a sentence or a chapter heading ends in a time, not a column gap.
    if !(gap.len() >= 2 || gap.contains('\t')) || !name_ok(label) {
        return None;
    }
    Some((label, clock))
}

impl Layout for SpeakerExport {
    fn id(&self) -> &'static str {
        "speaker-export"
    }

    fn describe(&self) -> &'static str {
        "\"Speaker 1  0:00\" export: a label and a stamp on a line, the turn below"
    }

    fn sniff(&self, text: &str) -> f32 {
        let mut labels = Tally::default();
        let (mut n, mut followed) = (0usize, 0usize);
        let mut after_label = false;
        for line in sniff_window(text).lines().take(500) {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            match export_label(line) {
                Some((label, _)) => {
                    labels.add(label);
                    n += 1;
                    after_label = true;
                }
                None => {
                    followed += usize::from(after_label);
                    after_label = false;
                }
            }
        }
        match (n, followed, labels.repeats()) {
            (n, f, true) if n >= 3 && f >= 2 => 0.9,
            (n, f, _) if n >= 2 && f >= 1 => 0.7,
            _ => 0.0,
        }
    }

    fn parse(&self, text: &str) -> Result<Vec<Transcript>, FormatError> {
        let mut t = Transcript::new(self.id());
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
            let Some((label, clock)) = export_label(text) else {
                b.add(text, line.no);
                continue;
            };
            b.found += 1;
            let start = match clock {
                Clock::Ok(ms) => Some(ms),
                Clock::Bad => {
                    b.t.warn(
                        WarningKind::Timestamp,
                        Some(line.no),
                        format!("unreadable stamp in label line {text:?}: the turn is kept without a time"),
                    );
                    None
                }
            };
            b.open(start, Some(label.to_owned()), line.no);
        }
        if b.found == 0 {
            return Err(FormatError::syntax(
                None,
                "no \"Speaker  0:00\" label line found",
            ));
        }
        Ok(vec![b.finish()])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const EXPORT: &str = "# Ceasefire watch\n\nSpeaker 1  0:00\nGood morning, this is the\nEastern Desk.\n\nJane Doe\t0:12\nMorning. So the talks in Doha\nresumed.\n\nSpeaker 1  1:05:10\nRight.\n";

    fn parse(text: &str) -> Transcript {
        SpeakerExport.parse(text).unwrap().remove(0)
    }

    #[test]
    fn reads_labels_stamps_and_paragraphs() {
        let t = parse(EXPORT);
        assert_eq!(t.title.as_deref(), Some("Ceasefire watch"));
        let got = crate::testing::rows(&t);
        assert_eq!(
            got,
            vec![
                (
                    Some("Speaker 1"),
                    Some(0),
                    Some(12_000),
                    Some(3),
                    "Good morning, this is the\nEastern Desk."
                ),
                (
                    Some("Jane Doe"),
                    Some(12_000),
                    Some(3_910_000),
                    Some(7),
                    "Morning. So the talks in Doha\nresumed."
                ),
                (Some("Speaker 1"), Some(3_910_000), None, Some(11), "Right."),
            ]
        );
        assert!(SpeakerExport.sniff(EXPORT) >= 0.9);
    }

    #[test]
    fn single_spaced_times_are_not_labels() {
        assert_eq!(export_label("Opening remarks 00:00"), None);
        assert_eq!(export_label("we left at  12:30"), None);
        assert_eq!(
            export_label("Jane Doe   1:75"),
            Some(("Jane Doe", Clock::Bad))
        );
        assert_eq!(
            SpeakerExport.sniff("Opening remarks 00:00\nText.\nNext 01:00\nMore.\n"),
            0.0
        );
    }

    #[test]
    fn bad_stamps_warn_and_text_before_labels_is_kept() {
        let t = parse("Recorded live.\nAna  0:10\none\nBen  9:99\ntwo\n");
        let texts: Vec<_> = t.segments.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, vec!["Recorded live.", "one", "two"]);
        assert_eq!(t.segments[2].start_ms, None);
        assert_eq!(t.warnings.len(), 2);
        assert_eq!(t.warnings[0].kind, WarningKind::Unplaced);
        assert_eq!(t.warnings[1].line, Some(4));
    }

    #[test]
    fn refuses_text_without_labels() {
        assert!(SpeakerExport.parse("Just a paragraph.\n").is_err());
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC*") {
            let _ = SpeakerExport.parse(&s);
            let _ = SpeakerExport.sniff(&s);
        }

        #[test]
        fn round_trips_generated_turns(
            turns in prop::collection::vec((0..3usize, 0..4000u64, "[A-Z][a-z]{0,7}( [a-z,]{1,8}){0,9}[.?]"), 1..10),
            tab in any::<bool>(),
        ) {
            const NAMES: [&str; 3] = ["Speaker 1", "Jane Doe", "Ruth"];
            let mut src = String::new();
            let mut ms = 0;
            let mut want = Vec::new();
            for (who, step, text) in &turns {
                ms += step * 1000;
                let gap = if tab { "\t" } else { "   " };
                let stamp = earshot_model::format_clock(ms);
                src.push_str(&format!("{}{gap}{stamp}\n{text}\n\n", NAMES[*who]));
                want.push((NAMES[*who], Some(ms), text.as_str()));
            }
            let t = parse(&src);
            let got: Vec<_> = t.segments.iter().map(|s| (s.speaker.as_deref().unwrap_or(""), s.start_ms, s.text.as_str())).collect();
            prop_assert_eq!(got, want);
        }
    }
}
