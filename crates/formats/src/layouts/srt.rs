//! SubRip subtitles (`.srt`): numbered cues, each a timing line `00:00:01,000 --> 00:00:04,000`
//! followed by one or more lines of text.
//!
//! Files are read as they come, not as the format says they should be: `.` as well as `,`
//! before the milliseconds, cue numbers missing, blank lines doubled or missing, position
//! coordinates (`X1:40 X2:600 Y1:20 Y2:50`) after the end time. Only timing lines end a cue,
//! so a stray blank line inside a cue does not cut its text loose; a bare number right above
//! a timing line is taken for the next cue's number. Each segment's `line` is its cue's
//! timing line.
//!
//! A cue that begins `Name:` or `NAME:` gives its speaker and loses the prefix; any other cue
//! (dialogue dashes `- Yes.` included, kept as they are) has no speaker. `<i>`, `<b>`, `<u>`,
//! `<s>` and `<font ...>` tags and `{\an8}` position codes are removed. A cue without text is
//! dropped: it holds no speech. A line with `-->` whose times cannot be read is skipped with a
//! warning, and the text under it stays with the cue before.
//!
//! The helpers shared by the other cue layouts (timing lines, speaker prefixes, time order)
//! live here too.

use std::borrow::Cow;

use super::sniff_window;
use crate::lines::numbered;
use crate::stamps::parse_clock;
use crate::{FormatError, Layout, Segment, Transcript, WarningKind};

/// See the module documentation.
pub struct Srt;

/// How many lines of the sniff window are searched for a first cue.
const SNIFF_LINES: usize = 200;

impl Layout for Srt {
    fn id(&self) -> &'static str {
        "srt"
    }

    fn describe(&self) -> &'static str {
        "SubRip subtitles: numbered cues, \"00:00:01,000 --> 00:00:04,000\", optional \"Name:\" speakers"
    }

    fn sniff(&self, text: &str) -> f32 {
        let w = sniff_window(text);
        if super::vtt::is_header(w.trim_start()) {
            return 0.0;
        }
        let first_cue = w
            .lines()
            .take(SNIFF_LINES)
            .map(str::trim)
            .find(|l| matches!(timing_line(l), TimingLine::Cue { .. }));
        match first_cue {
            // The comma before the milliseconds is SubRip's own; a full stop is WebVTT's, but
            // SubRip writers use it too.
            Some(l) if l.split("-->").next().is_some_and(|s| s.contains(',')) => 0.97,
            Some(_) => 0.9,
            None => 0.0,
        }
    }

    fn parse(&self, text: &str) -> Result<Vec<Transcript>, FormatError> {
        let mut t = Transcript::new(self.id());
        let lines = numbered(text);
        let mut reader = CueReader::default();
        for (i, line) in lines.iter().enumerate() {
            let body = line.text.trim();
            if body.is_empty() {
                continue;
            }
            match timing_line(body) {
                TimingLine::Cue { start, end } => reader.open(&mut t, start, end, line.no),
                TimingLine::Malformed => {
                    reader.bad_timing.get_or_insert(line.no);
                    t.warn(
                        WarningKind::Timestamp,
                        Some(line.no),
                        format!(
                            "unreadable timing line {body:?}: its text is kept with the cue before"
                        ),
                    );
                }
                TimingLine::Text => {
                    let numbers_next = is_cue_number(body)
                        && lines
                            .get(i + 1)
                            .is_some_and(|n| timing_line(n.text.trim()) != TimingLine::Text);
                    if !numbers_next {
                        reader.push_line(&mut t, body, line.no);
                    }
                }
            }
        }
        reader.finish(&mut t)?;
        Ok(vec![t])
    }
}

/// The cue being read, and what the reader has seen so far.
#[derive(Default)]
struct CueReader {
    current: Option<Cue>,
    order: Order,
    cues: usize,
    bad_timing: Option<usize>,
    first_text: Option<usize>,
}

/// A cue's times (none for text met before any cue), its timing line and its text so far.
struct Cue {
    times: Option<(u64, u64)>,
    line: usize,
    text: String,
}

impl CueReader {
    fn open(&mut self, t: &mut Transcript, start: u64, end: u64, line: usize) {
        self.close(t);
        self.order.check(t, start, end, line);
        self.cues += 1;
        self.current = Some(Cue {
            times: Some((start, end)),
            line,
            text: String::new(),
        });
    }

    fn push_line(&mut self, t: &mut Transcript, body: &str, no: usize) {
        self.first_text.get_or_insert(no);
        let clean = strip_srt_markup(body);
        let clean = clean.trim();
        if clean.is_empty() {
            return;
        }
        match self.current.as_mut() {
            Some(cue) => {
                if !cue.text.is_empty() {
                    cue.text.push('\n');
                }
                cue.text.push_str(clean);
            }
            None => {
                t.warn(
                    WarningKind::Unplaced,
                    Some(no),
                    "text before the first cue: kept as a segment of its own",
                );
                self.current = Some(Cue {
                    times: None,
                    line: no,
                    text: clean.to_owned(),
                });
            }
        }
    }

    /// Turns the current cue into a segment; returns false when it had no text.
    fn close(&mut self, t: &mut Transcript) -> bool {
        let Some(cue) = self.current.take() else {
            return true;
        };
        if cue.text.is_empty() {
            return false;
        }
        let seg = match cue.times {
            Some((start, end)) => cue_segment(start, end, cue.text),
            None => Segment::text(cue.text),
        };
        t.segments.push(seg.at_line(cue.line));
        true
    }

    fn finish(mut self, t: &mut Transcript) -> Result<(), FormatError> {
        let last_line = self.current.as_ref().map(|c| c.line);
        if !self.close(t) {
            t.warn(
                WarningKind::Truncated,
                last_line,
                "the last cue has no text: the file may be cut short",
            );
        }
        if self.cues == 0 {
            return Err(FormatError::syntax(
                self.bad_timing.or(self.first_text),
                "no SubRip cue found (a timing line like \"00:00:01,000 --> 00:00:04,000\")",
            ));
        }
        Ok(())
    }
}

/// A timed cue's segment, its speaker taken from a `Name:` prefix.
pub(super) fn cue_segment(start: u64, end: u64, text: String) -> Segment {
    match speaker_prefix(&text) {
        Some((name, rest)) => {
            let speaker = Some(name.to_owned());
            Segment::timed(start, Some(end), rest).with_speaker(speaker)
        }
        None => Segment::timed(start, Some(end), text),
    }
}

/// What a line of a cue file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TimingLine {
    /// `start --> end`, anything after the end time (settings, coordinates) ignored.
    Cue { start: u64, end: u64 },
    /// Looks like a timing line (a clock-like start and `-->`) but its times cannot be read.
    Malformed,
    /// Anything else.
    Text,
}

/// Classifies a trimmed line. A `-->` after words ("prices --> up") is text, not a timing line.
pub(super) fn timing_line(line: &str) -> TimingLine {
    // Most lines are speech: a first byte that no clock starts with settles them.
    if !matches!(line.as_bytes().first(), Some(b'0'..=b'9' | b'-')) {
        return TimingLine::Text;
    }
    let Some(arrow) = memchr::memmem::find(line.as_bytes(), b"-->") else {
        return TimingLine::Text;
    };
    let left = line[..arrow].trim();
    let right = line[arrow + 3..].trim_start();
    let end = right.split([' ', '\t']).next().unwrap_or("");
    if !looks_like_timing(left, end) {
        return TimingLine::Text;
    }
    match (cue_clock(left), cue_clock(end)) {
        (Some(start), Some(end)) => TimingLine::Cue { start, end },
        _ => TimingLine::Malformed,
    }
}

/// A timing line with a typo in it still starts with a digit and has a colon on one side, and
/// either its start is all clock characters or its end starts with a digit.
fn looks_like_timing(left: &str, end: &str) -> bool {
    let starts_with_digit = left
        .trim_start_matches('-')
        .starts_with(|c: char| c.is_ascii_digit());
    let clock_chars = left
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b':' | b'.' | b',' | b' ' | b'-'));
    starts_with_digit
        && left.len() <= 24
        && (left.contains(':') || end.contains(':'))
        && (clock_chars || end.starts_with(|c: char| c.is_ascii_digit()))
}

/// A cue clock: `HH:MM:SS,mmm`, `H:MM:SS.mmm` or `MM:SS.mmm`. A bare number is not one.
pub(super) fn cue_clock(s: &str) -> Option<u64> {
    if !s.contains(':') {
        return None;
    }
    parse_clock(s)
}

/// A line of digits only: a cue number, when a timing line follows it.
pub(super) fn is_cue_number(line: &str) -> bool {
    !line.is_empty() && line.len() <= 9 && line.bytes().all(|b| b.is_ascii_digit())
}

/// Warns about cues that end before they start or start before the cue before them; the
/// times are kept as given.
#[derive(Default)]
pub(super) struct Order {
    prev_start: Option<u64>,
}

impl Order {
    pub(super) fn check(&mut self, t: &mut Transcript, start: u64, end: u64, line: usize) {
        if end < start {
            t.warn(
                WarningKind::Timestamp,
                Some(line),
                "cue ends before it starts: times kept as given",
            );
        }
        if self.prev_start.is_some_and(|p| start < p) {
            t.warn(
                WarningKind::Timestamp,
                Some(line),
                "cue starts before the cue above it: kept in file order",
            );
        }
        self.prev_start = Some(start);
    }
}

/// The longest speaker name a `Name:` prefix may carry, in bytes.
const MAX_NAME: usize = 40;

/// A `Name:` or `NAME:` prefix at the start of a cue: the name and the text after it.
///
/// A name is one to four words, each starting with a capital letter (or a digit after the
/// first: `Speaker 2`), so that a sentence with a colon in it ("So the answer is: no") is not
/// taken for a speaker. A clock (`10:30`) or a URL has no space after its colon.
pub(super) fn speaker_prefix(text: &str) -> Option<(&str, &str)> {
    let colon = text.bytes().take(MAX_NAME + 1).position(|b| b == b':')?;
    let (name, after) = (&text[..colon], &text[colon + 1..]);
    if !(after.is_empty() || after.starts_with([' ', '\t', '\n'])) || !is_name(name) {
        return None;
    }
    Some((name, after.trim_start()))
}

fn is_name(name: &str) -> bool {
    let mut words = 0;
    for word in name.split(' ') {
        words += 1;
        let Some(first) = word.chars().next() else {
            return false;
        };
        if words > 4 || !(first.is_uppercase() || words > 1 && first.is_ascii_digit()) {
            return false;
        }
        let name_chars = word
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '\'' | '’' | '-' | '_'));
        if !name_chars {
            return false;
        }
    }
    words > 0
}

/// How far past `<` or `{` a tag's end is looked for: tags are short, and a bounded search
/// keeps a line full of stray `<` linear.
pub(super) const TAG_REACH: usize = 512;

/// Where the `close` byte ending the tag that starts `tail` is, if it comes within reach, on
/// this line, before another opening byte (`1 < 2 <b>` holds no tag before `<b>`).
pub(super) fn tag_end(tail: &str, close: u8) -> Option<usize> {
    let open = *tail.as_bytes().first()?;
    tail.bytes()
        .enumerate()
        .skip(1)
        .take(TAG_REACH)
        .find(|&(_, b)| b == close || b == open || b == b'\n')
        .filter(|&(_, b)| b == close)
        .map(|(i, _)| i)
}

/// Removes SubRip's formatting tags and ASS position codes; any other `<...>` is kept as text.
fn strip_srt_markup(line: &str) -> Cow<'_, str> {
    if memchr::memchr2(b'<', b'{', line.as_bytes()).is_none() {
        return Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(p) = rest.find(['<', '{']) {
        out.push_str(&rest[..p]);
        let tail = &rest[p..];
        let close = if tail.starts_with('<') { b'>' } else { b'}' };
        match tag_end(tail, close) {
            Some(q) if is_srt_markup(&tail[..=q]) => rest = &tail[q + 1..],
            _ => {
                out.push_str(&tail[..1]);
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// `<i>`, `</b>`, `<font color="#fff">`, `{\an8}`.
fn is_srt_markup(tag: &str) -> bool {
    if tag.starts_with("{\\") {
        return true;
    }
    let inner = tag[1..tag.len() - 1].trim_start_matches('/');
    let name = inner.split([' ', '\t']).next().unwrap_or("");
    ["i", "b", "u", "s", "font"]
        .iter()
        .any(|n| n.eq_ignore_ascii_case(name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn parse(text: &str) -> Transcript {
        Srt.parse(text).unwrap().remove(0)
    }

    fn texts(t: &Transcript) -> Vec<&str> {
        t.segments.iter().map(|s| s.text.as_str()).collect()
    }

    const CUES: &str = "1\n00:00:01,000 --> 00:00:04,000\nGood evening from the Night Desk.\n\n2\n00:00:04,500 --> 00:00:07,250\nMARIA: The envoy landed in Riyadh\n<i>an hour ago.</i>\n\n3\n00:00:07,250 --> 00:00:09,000\n- Did he?\n- He did.\n";

    #[test]
    fn reads_times_speakers_and_text() {
        let t = parse(CUES);
        assert_eq!(
            texts(&t),
            vec![
                "Good evening from the Night Desk.",
                "The envoy landed in Riyadh\nan hour ago.",
                "- Did he?\n- He did."
            ]
        );
        let times: Vec<_> = t.segments.iter().map(|s| (s.start_ms, s.end_ms)).collect();
        assert_eq!(
            times,
            vec![
                (Some(1000), Some(4000)),
                (Some(4500), Some(7250)),
                (Some(7250), Some(9000))
            ]
        );
        let speakers: Vec<_> = t.segments.iter().map(|s| s.speaker.as_deref()).collect();
        assert_eq!(speakers, vec![None, Some("MARIA"), None]);
        assert!(t
            .segments
            .iter()
            .all(|s| s.timing == earshot_model::Timing::Exact));
        assert_eq!(t.segments[1].line, Some(6));
        assert!(t.warnings.is_empty(), "{:?}", t.warnings);
    }

    #[test]
    fn accepts_sloppy_files() {
        // Full stops, no numbers, doubled blank lines, coordinates, a blank line inside a cue.
        let text = "\n\n00:00:01.000 --> 00:00:02.000 X1:100 X2:600 Y1:20 Y2:50\nOne.\n\n\n\n00:00:02.000 --> 00:00:03.000\nTwo\n\nand a half.\n7\n00:00:03.000 --> 00:00:04.000\n{\\an8}<font color=\"#ffff00\">Three</font> <b>4</b>\n";
        let t = parse(text);
        assert_eq!(texts(&t), vec!["One.", "Two\nand a half.", "Three 4"]);
        assert_eq!(t.segments[0].end_ms, Some(2000));
        assert!(t.warnings.is_empty(), "{:?}", t.warnings);
    }

    #[test]
    fn keeps_a_number_that_is_speech() {
        let t = parse("1\n00:00:01,000 --> 00:00:02,000\nHow many ships?\n\n2\n00:00:02,000 --> 00:00:03,000\n40\n\n");
        assert_eq!(texts(&t), vec!["How many ships?", "40"]);
    }

    #[test]
    fn malformed_timing_keeps_text_with_the_cue_before() {
        let text = "1\n00:00:01,000 --> 00:00:02,000\nFirst.\n\n2\n00:00:0x,000 --> 00:00:03,000\nSecond.\n\n3\n00:00:04,000 --> 00:00:05,000\nThird.\n";
        let t = parse(text);
        assert_eq!(texts(&t), vec!["First.\nSecond.", "Third."]);
        let w = &t.warnings[0];
        assert_eq!((w.kind, w.line), (WarningKind::Timestamp, Some(6)));
    }

    #[test]
    fn backwards_and_out_of_order_cues_are_kept_with_warnings() {
        let text = "00:00:05,000 --> 00:00:04,000\nBackwards.\n\n00:00:01,000 --> 00:00:02,000\nEarlier.\n";
        let t = parse(text);
        assert_eq!(texts(&t), vec!["Backwards.", "Earlier."]);
        assert_eq!(t.segments[0].start_ms, Some(5000));
        assert_eq!(t.segments[0].end_ms, Some(4000));
        let lines: Vec<_> = t.warnings.iter().map(|w| (w.kind, w.line)).collect();
        assert_eq!(
            lines,
            vec![
                (WarningKind::Timestamp, Some(1)),
                (WarningKind::Timestamp, Some(4))
            ]
        );
    }

    #[test]
    fn empty_and_truncated_cues() {
        let text = "1\n00:00:01,000 --> 00:00:02,000\n\n2\n00:00:02,000 --> 00:00:03,000\nSpoken.\n\n3\n00:00:03,000 --> 00:00:04,000";
        let t = parse(text);
        assert_eq!(texts(&t), vec!["Spoken."]);
        assert_eq!(t.warnings.len(), 1);
        assert_eq!(t.warnings[0].kind, WarningKind::Truncated);
        assert_eq!(t.warnings[0].line, Some(9));
    }

    #[test]
    fn text_before_the_first_cue_is_unplaced_not_lost() {
        let t = parse("Subtitles by a volunteer\n1\n00:00:01,000 --> 00:00:02,000\nHello.\n");
        assert_eq!(texts(&t), vec!["Subtitles by a volunteer", "Hello."]);
        assert_eq!(t.segments[0].start_ms, None);
        assert_eq!(t.warnings[0].kind, WarningKind::Unplaced);
    }

    #[test]
    fn carriage_returns_left_in_change_nothing() {
        let crlf = CUES.replace('\n', "\r\n");
        assert_eq!(Srt.parse(&crlf), Srt.parse(CUES));
    }

    #[test]
    fn refuses_a_file_without_cues() {
        let err = Srt.parse("Just a paragraph.\nAnother line.\n").unwrap_err();
        assert_eq!(err.line(), Some(1));
        let err = Srt.parse("\n1\n00:00:xx --> 00:00:02\nHi\n").unwrap_err();
        assert_eq!(err.line(), Some(3));
    }

    #[test]
    fn speaker_prefixes() {
        assert_eq!(speaker_prefix("ANNA: Yes."), Some(("ANNA", "Yes.")));
        assert_eq!(
            speaker_prefix("Dr. Fiona Hill: Well,"),
            Some(("Dr. Fiona Hill", "Well,"))
        );
        assert_eq!(speaker_prefix("SPEAKER_01: ok"), Some(("SPEAKER_01", "ok")));
        assert_eq!(speaker_prefix("Speaker 2:\nok"), Some(("Speaker 2", "ok")));
        assert_eq!(speaker_prefix("So the answer is: no"), None);
        assert_eq!(speaker_prefix("At 10:30 we met"), None);
        assert_eq!(speaker_prefix("See https://example.org"), None);
        assert_eq!(speaker_prefix("- JOHN: hi"), None);
        assert_eq!(speaker_prefix(":"), None);
    }

    #[test]
    fn timing_lines() {
        assert_eq!(
            timing_line("00:00:01,000 --> 00:00:04,000"),
            TimingLine::Cue {
                start: 1000,
                end: 4000
            }
        );
        assert_eq!(
            timing_line("0:00:01.5-->0:00:02.25 X1:1"),
            TimingLine::Cue {
                start: 1500,
                end: 2250
            }
        );
        assert_eq!(timing_line("00:00:01,000 --> soon"), TimingLine::Malformed);
        assert_eq!(timing_line("prices --> up"), TimingLine::Text);
        assert_eq!(
            timing_line("[00:00:01.000 --> 00:00:02.000]"),
            TimingLine::Text
        );
        assert_eq!(timing_line("1 --> 2"), TimingLine::Text);
        assert_eq!(
            timing_line("00:00:0x,000 --> 00:00:03,000"),
            TimingLine::Malformed
        );
    }

    #[test]
    fn sniffs_srt_but_not_its_neighbours() {
        assert!(Srt.sniff(CUES) >= 0.95);
        assert!(Srt.sniff("00:00:01.000 --> 00:00:02.000\nHi\n") >= 0.9);
        assert_eq!(
            Srt.sniff("WEBVTT\n\n00:00:01,000 --> 00:00:02,000\nHi\n"),
            0.0
        );
        assert_eq!(Srt.sniff("[00:00:00.000 --> 00:00:05.000]  Hi\n"), 0.0);
        assert_eq!(Srt.sniff("Hello there.\nGeneral Kenobi.\n"), 0.0);
    }

    #[test]
    fn long_files_parse_in_linear_time() {
        let mut text = String::new();
        for i in 0..20_000u64 {
            text.push_str(&format!(
                "{}\n{} --> {}\nline {i} of the debate\n\n",
                i + 1,
                srt_clock(i * 1000),
                srt_clock(i * 1000 + 900)
            ));
        }
        text.push_str(&"<".repeat(100_000));
        let t = parse(&text);
        assert_eq!(t.segments.len(), 20_000);
        assert_eq!(t.segments[19_999].start_ms, Some(19_999_000));
        assert!(t.segments[19_999].text.contains("debate\n<<<"));
    }

    fn srt_clock(ms: u64) -> String {
        format!(
            "{:02}:{:02}:{:02},{:03}",
            ms / 3_600_000,
            ms / 60_000 % 60,
            ms / 1000 % 60,
            ms % 1000
        )
    }

    prop_compose! {
        fn cue()(
            gap in 0u64..5_000,
            len in 0u64..8_000,
            speaker in proptest::option::of(prop::sample::select(vec!["ANNA", "Boris Petrov", "Dr. Chen", "SPEAKER_02"])),
            lines in prop::collection::vec(prop::collection::vec("[a-z]{1,8}", 1..6), 1..4),
        ) -> (u64, u64, Option<&'static str>, Vec<String>) {
            (gap, len, speaker, lines.into_iter().map(|w| w.join(" ")).collect())
        }
    }

    proptest! {
        #[test]
        fn never_panics(text in "\\PC{0,300}") {
            let _ = Srt.parse(&text);
            let _ = Srt.sniff(&text);
        }

        #[test]
        fn never_panics_on_cue_like_noise(parts in prop::collection::vec(
            prop::sample::select(vec!["1", "\n", "\n\n", "00:00:01,000", " --> ", "-->", ":", ",", "<i>", "</i", "{\\", "ANNA: ", "é", " "]), 0..60)) {
            let text = parts.concat();
            let _ = Srt.parse(&text);
        }

        #[test]
        fn recovers_generated_cues(cues in prop::collection::vec(cue(), 1..12), numbered in any::<bool>()) {
            let mut doc = String::new();
            let mut at = 0;
            let mut want = Vec::new();
            for (i, (gap, len, speaker, lines)) in cues.iter().enumerate() {
                let start = at + gap;
                let end = start + len;
                at = end;
                if numbered {
                    doc.push_str(&format!("{}\n", i + 1));
                }
                doc.push_str(&format!("{} --> {}\n", srt_clock(start), srt_clock(end)));
                let text = lines.join("\n");
                match speaker {
                    Some(s) => doc.push_str(&format!("{s}: {text}\n\n")),
                    None => doc.push_str(&format!("{text}\n\n")),
                }
                want.push((start, end, speaker.map(str::to_owned), text));
            }
            let t = parse(&doc);
            let got: Vec<_> = t.segments.iter().map(|s| (s.start_ms.unwrap(), s.end_ms.unwrap(), s.speaker.clone(), s.text.clone())).collect();
            prop_assert_eq!(got, want);
            prop_assert!(t.warnings.is_empty());
        }
    }
}
