//! Speaker labels without stamps: `Name: text` (one to four capitalised words, `Speaker 1`,
//! initials such as `MN:`), `Name:text` with no space, `**Name:**` or `**Name**:` in Markdown,
//! and upper-case radio labels `STEVE INSKEEP, HOST:`.
//!
//! Choices:
//! - Radio labels keep the name part as given, upper case and all (`STEVE INSKEEP`); the
//!   byline after the comma is dropped. Later turns of the same person are often labelled by
//!   surname alone (`INSKEEP:`) and are kept as given too.
//! - A line without a label continues the last speaker: appended to the open segment when it
//!   directly follows, or as a new segment of the same speaker after a blank line (a new
//!   paragraph), so each paragraph keeps its own line number.
//! - `Title:`, `Date:`, `Note:` and the like are not speakers: the header block above the body
//!   is read by the plain layout's header rules, and metadata keys are refused as labels.

use super::common::{read_header, warn_chrome, Tally, Turns};
use crate::layouts::plain::header_line;
use crate::layouts::sniff_window;
use crate::lines::numbered;
use crate::{chrome, FormatError, Layout, Transcript};

/// See the module documentation.
pub struct Dialogue;

/// Words before a colon that introduce something other than a speaker.
const NOT_SPEAKERS: &[&str] = &[
    "title",
    "date",
    "note",
    "notes",
    "show",
    "episode",
    "episode date",
    "published",
    "duration",
    "language",
    "source",
    "url",
    "link",
    "links",
    "transcript",
    "summary",
    "tags",
    "keywords",
    "category",
    "speakers",
    "participants",
    "recorded",
    "location",
    "update",
    "correction",
    "editor's note",
    "disclaimer",
    "chapter",
    "part",
    "section",
    "warning",
    "subject",
    "topic",
    "description",
    "however",
    "so",
    "yes",
    "no",
    "well",
    "but",
    "and",
    "now",
    "then",
    "remember",
    "example",
    "ps",
    "p.s",
    "tip",
];

/// Lower-case words allowed inside a mixed-case name ("Jean de la Fontaine").
const PARTICLES: &[&str] = &[
    "de", "la", "le", "van", "von", "der", "den", "da", "di", "del", "du", "dos", "al", "bin",
    "ibn",
];

/// Reads a speaker label at the start of a trimmed line: the speaker and the text after it.
pub(in crate::layouts) fn dialogue_label(line: &str) -> Option<(&str, &str)> {
    if let Some(md) = line.strip_prefix("**") {
        return markdown_label(md);
    }
    let colon = line.bytes().take(64).position(|b| b == b':')?;
    let (label, rest) = (&line[..colon], &line[colon + 1..]);
    // "https://", and clocks ("at 10:30"), are not labels.
    if rest.starts_with("//")
        || label.ends_with(|c: char| c.is_ascii_digit())
            && rest.starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    Some((speaker_of(label)?, rest.trim()))
}

/// `Name:** text` or `Name**: text` (the opening `**` already taken off).
fn markdown_label(md: &str) -> Option<(&str, &str)> {
    let end = md.find("**")?;
    let (inner, after) = (&md[..end], &md[end + 2..]);
    let (label, rest) = match inner.strip_suffix(':') {
        Some(label) => (label, after),
        None => (inner, after.strip_prefix(':')?),
    };
    Some((speaker_of(label.trim())?, rest.trim()))
}

/// The speaker a label names, or `None` when it is no speaker label.
fn speaker_of(label: &str) -> Option<&str> {
    let name = match label.split_once(',') {
        Some((name, byline)) => {
            let name = name.trim();
            (upper_words(name, 4) && upper_words(byline.trim(), 10)).then_some(name)?
        }
        None => name_label(label).then_some(label)?,
    };
    let lower = name.to_lowercase();
    (!NOT_SPEAKERS.contains(&lower.as_str())).then_some(name)
}

/// One to four words, single-spaced, the first capitalised, the others capitalised, numbers
/// (`Speaker 1`, `#2`) or name particles.
fn name_label(label: &str) -> bool {
    let mut n = 0;
    for (i, word) in label.split(' ').enumerate() {
        n += 1;
        let Some(first) = word.chars().next() else {
            return false;
        };
        let chars_ok = word
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '\'' | '’' | '-' | '#'));
        let capital = first.is_alphabetic() && !first.is_lowercase();
        let start_ok = capital
            || i > 0 && (first.is_ascii_digit() || first == '#' || PARTICLES.contains(&word));
        if n > 4 || !chars_ok || !start_ok {
            return false;
        }
    }
    n > 0
}

/// Up to `max` words with letters, none of them lower-case: a radio label's name or byline.
fn upper_words(s: &str, max: usize) -> bool {
    let words = s.split_whitespace().count();
    (1..=max).contains(&words)
        && s.chars().any(char::is_alphabetic)
        && !s.chars().any(|c| c.is_lowercase() || c == ':')
}

impl Layout for Dialogue {
    fn id(&self) -> &'static str {
        "dialogue"
    }

    fn describe(&self) -> &'static str {
        "speaker labels without stamps: \"Name: text\", \"NAME, BYLINE:\", \"**Name:**\", initials"
    }

    fn sniff(&self, text: &str) -> f32 {
        let w = sniff_window(text);
        // Subtitles carry "Name:" labels inside their cues; they are not dialogue scripts.
        if w.contains("-->") || w.trim_start().starts_with("WEBVTT") {
            return 0.0;
        }
        let mut scratch = Transcript::default();
        let mut in_header = true;
        let mut labels = Tally::default();
        let (mut labelled, mut lines) = (0usize, 0usize);
        for line in w.lines().take(500) {
            let line = line.trim();
            if line.is_empty() || in_header && header_line(line, &mut scratch) {
                continue;
            }
            in_header = false;
            lines += 1;
            if let Some((name, _)) = dialogue_label(line) {
                labels.add(name);
                labelled += 1;
            }
        }
        if labelled < 3 || !labels.repeats() {
            return 0.0;
        }
        // Kept under 0.8 so that detection still asks whether the page is show notes.
        if labelled * 4 >= lines {
            0.78
        } else if labelled * 10 >= lines {
            0.6
        } else {
            0.3
        }
    }

    fn parse(&self, text: &str) -> Result<Vec<Transcript>, FormatError> {
        let mut t = Transcript::new(self.id());
        let lines = numbered(text);
        let start = read_header(&lines, &mut t);
        let mut b = Turns::new(t);
        let mut after_blank = false;
        for line in &lines[start..] {
            let text = line.text.trim();
            if text.is_empty() {
                after_blank = true;
                continue;
            }
            if chrome::is_chrome_line(text) {
                warn_chrome(&mut b.t, line.no, text);
                continue;
            }
            if let Some((name, rest)) = dialogue_label(text) {
                b.found += 1;
                b.open(None, Some(name.to_owned()), line.no);
                b.add(rest, line.no);
            } else {
                if after_blank && b.is_open() {
                    let speaker = b.speaker();
                    b.open(None, speaker, line.no);
                }
                b.add(text, line.no);
            }
            after_blank = false;
        }
        if b.found == 0 {
            return Err(FormatError::syntax(
                None,
                "no \"Name:\" speaker label found",
            ));
        }
        Ok(vec![b.finish()])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Timing;
    use proptest::prelude::*;

    fn parse(text: &str) -> Transcript {
        Dialogue.parse(text).unwrap().remove(0)
    }

    fn turns(t: &Transcript) -> Vec<(Option<&str>, &str)> {
        t.segments
            .iter()
            .map(|s| (s.speaker.as_deref(), s.text.as_str()))
            .collect()
    }

    #[test]
    fn reads_the_label_variants() {
        assert_eq!(
            dialogue_label("Jane Doe: Hello."),
            Some(("Jane Doe", "Hello."))
        );
        assert_eq!(dialogue_label("Jane:Hello."), Some(("Jane", "Hello.")));
        assert_eq!(dialogue_label("MN: Right."), Some(("MN", "Right.")));
        assert_eq!(
            dialogue_label("**Omar Said:** Yes."),
            Some(("Omar Said", "Yes."))
        );
        assert_eq!(
            dialogue_label("**Omar Said**: Yes."),
            Some(("Omar Said", "Yes."))
        );
        assert_eq!(
            dialogue_label("STEVE INSKEEP, HOST: Good morning."),
            Some(("STEVE INSKEEP", "Good morning."))
        );
        assert_eq!(
            dialogue_label("UNIDENTIFIED PERSON #1: Hey."),
            Some(("UNIDENTIFIED PERSON #1", "Hey."))
        );
        assert_eq!(
            dialogue_label("Speaker 2: Yes."),
            Some(("Speaker 2", "Yes."))
        );
        assert_eq!(
            dialogue_label("Jean de Villiers: Oui."),
            Some(("Jean de Villiers", "Oui."))
        );
    }

    #[test]
    fn refuses_what_is_not_a_label() {
        for line in [
            "Note: the line dropped here.",
            "Title: Something",
            "He said: we go.",
            "The meeting starts at 10:30 sharp.",
            "Starting point is 00:00:00 Welcome.",
            "See https://example.org for more.",
            "Speaker 1  0:00",
            "Jane Smith (00:03): hi",
            "(01:45):",
            "Steve Inskeep, host: hi",
            "One two three four five: no",
        ] {
            assert_eq!(dialogue_label(line), None, "{line}");
        }
    }

    #[test]
    fn reads_headers_turns_and_continuations() {
        let text = "Title: Harbour talks\nDate: 2025-11-03\n\nNote: recorded remotely.\nAM: Welcome to the show.\nMN:Thank you.\nIt is good to be here.\n\nAnd I mean that.\nAM: Great.\n";
        let t = parse(text);
        assert_eq!(t.title.as_deref(), Some("Harbour talks"));
        assert!(t.published.is_some());
        assert_eq!(
            turns(&t),
            vec![
                (None, "Note: recorded remotely."),
                (Some("AM"), "Welcome to the show."),
                (Some("MN"), "Thank you.\nIt is good to be here."),
                (Some("MN"), "And I mean that."),
                (Some("AM"), "Great."),
            ]
        );
        let lines: Vec<_> = t.segments.iter().map(|s| s.line).collect();
        assert_eq!(lines, vec![Some(4), Some(5), Some(6), Some(9), Some(10)]);
        assert!(t.segments.iter().all(|s| s.timing == Timing::None));
    }

    #[test]
    fn a_label_on_its_own_line_takes_the_paragraph_below() {
        let t = parse("**Lena:**\nFirst words.\n\n**Omar:**\n\nSecond words.\n");
        assert_eq!(
            turns(&t),
            vec![
                (Some("Lena"), "First words."),
                (Some("Omar"), "Second words.")
            ]
        );
    }

    #[test]
    fn sniffs_dialogue_but_not_prose_or_subtitles() {
        let d = "Title: X\nDate: 2025-01-01\nAna: Hi.\nBen: Hello.\nAna: So.\nBen: Yes.\n";
        assert!(Dialogue.sniff(d) > 0.75);
        let once =
            "Lessons learned.\nAna: one line only.\nThen prose.\nBen: another.\nCara: a third.\n";
        assert_eq!(Dialogue.sniff(once), 0.0);
        let srt = "1\n00:00:01,000 --> 00:00:02,000\nAna: Hi.\n\n2\n00:00:02,000 --> 00:00:03,000\nBen: Yo.\n\n3\n00:00:03,000 --> 00:00:04,000\nAna: So.\n";
        assert_eq!(Dialogue.sniff(srt), 0.0);
        assert!(Dialogue.parse("Plain prose, nothing else.\n").is_err());
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC*") {
            let _ = Dialogue.parse(&s);
            let _ = Dialogue.sniff(&s);
        }

        #[test]
        fn never_panics_on_near_misses(s in "[A-Za-z *,:#\n.]{0,200}") {
            let _ = Dialogue.parse(&s);
        }

        #[test]
        fn round_trips_generated_dialogues(
            turns in prop::collection::vec((0..5usize, "[a-z]{1,8}( [a-z,]{1,8}){0,9}[.?!]", 0..3usize), 1..14),
        ) {
            const NAMES: [&str; 5] = ["Ana", "Omar Said", "MN", "Speaker 2", "Jean de Villiers"];
            let mut src = String::from("Title: Generated\n\n");
            let mut want = Vec::new();
            for (who, text, style) in &turns {
                let name = NAMES[*who];
                let line = match style {
                    0 => format!("{name}: {text}\n"),
                    1 => format!("**{name}:** {text}\n"),
                    _ => format!("{name}:{text}\n"),
                };
                src.push_str(&line);
                want.push((Some(name), text.as_str()));
            }
            let t = parse(&src);
            prop_assert_eq!(t.title.as_deref(), Some("Generated"));
            prop_assert_eq!(turns_of(&t), want);
        }
    }

    fn turns_of(t: &Transcript) -> Vec<(Option<&str>, &str)> {
        turns(t)
    }
}
