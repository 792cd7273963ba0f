//! Bracketed labels: `[Speaker Name] [MM:SS] text` or `[MM:SS] [Speaker Name] text` (some
//! tools write `[00:01:02]`), the text sometimes running on over unbracketed lines.
//!
//! A line with a stamp but no name (`[00:12] text`) starts a new segment for the current
//! speaker, unless all it holds is a sound tag (`[00:12] [Music]`), which has no speaker. A line with a name but no stamp (`[Jane] text`) is a turn only
//! when that name has already labelled a stamped turn; otherwise it is text.

use super::common::{clock_of, name_ok, read_header, warn_chrome, Clock, Turns};
use crate::layouts::sniff_window;
use crate::lines::numbered;
use crate::{chrome, FormatError, Layout, Transcript, WarningKind};

/// See the module documentation.
pub struct BracketSpeaker;

/// What a line's leading brackets say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::layouts) struct BracketLine<'a> {
    pub name: Option<&'a str>,
    pub clock: Option<Clock>,
    /// The text after the brackets, trimmed.
    pub rest: &'a str,
}

/// Sound tags that sit in brackets where a name could.
const SOUNDS: &[&str] = &[
    "music",
    "laughter",
    "laughs",
    "applause",
    "inaudible",
    "crosstalk",
    "silence",
    "noise",
    "pause",
    "unintelligible",
    "music playing",
    "background noise",
    "cough",
    "sighs",
    "intro music",
    "outro music",
    "theme music",
];

/// A whole text that is one bracketed sound tag: `[Music]`.
fn is_sound(text: &str) -> bool {
    text.strip_prefix('[')
        .and_then(|t| t.strip_suffix(']'))
        .is_some_and(|t| SOUNDS.iter().any(|s| s.eq_ignore_ascii_case(t.trim())))
}

fn is_name(s: &str) -> bool {
    name_ok(s) && !SOUNDS.iter().any(|t| t.eq_ignore_ascii_case(s))
}

/// `[inner] after`: the trimmed inner text and the text after, trimmed at the start.
fn bracket(s: &str) -> Option<(&str, &str)> {
    let s = s.strip_prefix('[')?;
    let close = s.find(']')?;
    Some((s[..close].trim(), s[close + 1..].trim_start()))
}

/// Reads the leading `[name] [stamp]`, `[stamp] [name]`, `[stamp]` or `[name]` of a line.
pub(in crate::layouts) fn bracket_line(line: &str) -> Option<BracketLine<'_>> {
    let (a, after_a) = bracket(line.trim_start())?;
    let second = bracket(after_a);
    if let Some(clock) = clock_of(a) {
        return Some(match second {
            Some((b, rest)) if is_name(b) => BracketLine {
                name: Some(b),
                clock: Some(clock),
                rest: rest.trim_end(),
            },
            _ => BracketLine {
                name: None,
                clock: Some(clock),
                rest: after_a.trim_end(),
            },
        });
    }
    if !is_name(a) {
        return None;
    }
    let (clock, rest) = match second.and_then(|(b, rest)| Some((clock_of(b)?, rest))) {
        Some((clock, rest)) => (Some(clock), rest),
        None => (None, after_a),
    };
    Some(BracketLine {
        name: Some(a),
        clock,
        rest: rest.trim_end(),
    })
}

impl Layout for BracketSpeaker {
    fn id(&self) -> &'static str {
        "bracket-speaker"
    }

    fn describe(&self) -> &'static str {
        "\"[Speaker] [MM:SS] text\" or \"[MM:SS] [Speaker] text\" lines"
    }

    fn sniff(&self, text: &str) -> f32 {
        let n = sniff_window(text)
            .lines()
            .take(500)
            .filter_map(bracket_line)
            .filter(|l| l.name.is_some() && l.clock.is_some())
            .take(3)
            .count();
        match n {
            3 => 0.92,
            2 => 0.75,
            1 => 0.5,
            _ => 0.0,
        }
    }

    fn parse(&self, text: &str) -> Result<Vec<Transcript>, FormatError> {
        let mut t = Transcript::new(self.id());
        let lines = numbered(text);
        let start = read_header(&lines, &mut t);
        let mut b = Turns::new(t);
        b.warn_unplaced = true;
        let mut known: Vec<&str> = Vec::new();
        for line in &lines[start..] {
            let text = line.text.trim();
            if text.is_empty() {
                continue;
            }
            if chrome::is_chrome_line(text) {
                warn_chrome(&mut b.t, line.no, text);
                continue;
            }
            let label = bracket_line(text)
                .filter(|l| l.clock.is_some() || l.name.is_some_and(|n| known.contains(&n)));
            let Some(label) = label else {
                b.add(text, line.no);
                continue;
            };
            b.found += 1;
            let start = match label.clock {
                Some(Clock::Ok(ms)) => Some(ms),
                Some(Clock::Bad) => {
                    b.t.warn(
                        WarningKind::Timestamp,
                        Some(line.no),
                        format!("unreadable stamp in {text:?}: the turn is kept without a time"),
                    );
                    None
                }
                None => None,
            };
            let speaker = match label.name {
                Some(name) => {
                    if !known.contains(&name) {
                        known.push(name);
                    }
                    Some(name.to_owned())
                }
                // Music between turns is nobody's speech.
                None if is_sound(label.rest) => None,
                None => b.speaker(),
            };
            b.open(start, speaker, line.no);
            b.add(label.rest, line.no);
        }
        if b.found == 0 {
            return Err(FormatError::syntax(
                None,
                "no \"[Speaker] [MM:SS]\" line found",
            ));
        }
        Ok(vec![b.finish()])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const DOC: &str = "Title: Sanctions and shipping\n\n[Lena Vogt] [00:00] Hello and welcome.\n[00:00:07] [Omar Said] Thank you, Lena. The tankers\nare still moving through the strait.\n[00:00:15] [Music]\n[Lena Vogt] [0:20] Right.\n[0:22] Well.\n[Omar Said] And another thing.\n[Guest] says hello.\n";

    fn parse(text: &str) -> Transcript {
        BracketSpeaker.parse(text).unwrap().remove(0)
    }

    #[test]
    fn reads_both_orders_and_continuations() {
        let t = parse(DOC);
        assert_eq!(t.title.as_deref(), Some("Sanctions and shipping"));
        let got = crate::testing::rows(&t);
        assert_eq!(
            got,
            vec![
                (
                    Some("Lena Vogt"),
                    Some(0),
                    Some(7000),
                    Some(3),
                    "Hello and welcome."
                ),
                (
                    Some("Omar Said"),
                    Some(7000),
                    Some(15_000),
                    Some(4),
                    "Thank you, Lena. The tankers\nare still moving through the strait."
                ),
                (None, Some(15_000), Some(20_000), Some(6), "[Music]"),
                (
                    Some("Lena Vogt"),
                    Some(20_000),
                    Some(22_000),
                    Some(7),
                    "Right."
                ),
                (Some("Lena Vogt"), Some(22_000), None, Some(8), "Well."),
                (
                    Some("Omar Said"),
                    None,
                    None,
                    Some(9),
                    "And another thing.\n[Guest] says hello."
                ),
            ]
        );
        assert!(BracketSpeaker.sniff(DOC) > 0.9);
    }

    #[test]
    fn bad_stamps_warn_and_keep_text() {
        let t = parse("[Ana] [00:10] one\n[Ben] [00:7x] two\n[Ana] [0:99] three\n");
        let texts: Vec<_> = t.segments.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, vec!["one", "two", "three"]);
        assert_eq!(t.segments[1].start_ms, None);
        assert_eq!(t.segments[1].speaker.as_deref(), Some("Ben"));
        assert_eq!(t.segments[2].start_ms, None);
        let lines: Vec<_> = t.warnings.iter().map(|w| w.line).collect();
        assert_eq!(lines, vec![Some(2), Some(3)]);
    }

    #[test]
    fn ignores_other_bracketed_layouts() {
        assert_eq!(
            BracketSpeaker.sniff(
                "[00:00:00.000 --> 00:00:04.000]  hello\n[00:00:04.000 --> 00:00:06.000]  there\n"
            ),
            0.0
        );
        assert_eq!(
            BracketSpeaker.sniff("[00:00:05] text [00:00:07] more\n[00:00:09] fine\n"),
            0.0
        );
        assert!(BracketSpeaker.parse("no brackets\n").is_err());
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC*") {
            let _ = BracketSpeaker.parse(&s);
            let _ = BracketSpeaker.sniff(&s);
        }

        #[test]
        fn never_panics_on_near_misses(s in "[A-Za-z \\[0-9:\\]\n.]{0,200}") {
            let _ = BracketSpeaker.parse(&s);
        }

        #[test]
        fn round_trips_generated_turns(
            turns in prop::collection::vec((0..3usize, 0..4000u64, "[A-Z][a-z]{0,7}( [a-z,]{1,8}){0,9}[.?]", any::<bool>()), 1..10),
        ) {
            const NAMES: [&str; 3] = ["Lena Vogt", "Omar", "Speaker 3"];
            let mut src = String::new();
            let mut ms = 0;
            let mut want = Vec::new();
            for (who, step, text, stamp_first) in &turns {
                ms += step * 1000;
                let stamp = earshot_model::format_clock(ms);
                let name = NAMES[*who];
                if *stamp_first {
                    src.push_str(&format!("[{stamp}] [{name}] {text}\n"));
                } else {
                    src.push_str(&format!("[{name}] [{stamp}] {text}\n"));
                }
                want.push((name, Some(ms), text.as_str()));
            }
            let t = parse(&src);
            let got: Vec<_> = t.segments.iter().map(|s| (s.speaker.as_deref().unwrap_or(""), s.start_ms, s.text.as_str())).collect();
            prop_assert_eq!(got, want);
        }
    }
}
