//! WebVTT subtitles (`.vtt`).
//!
//! The `WEBVTT` line may carry a title (`WEBVTT - Episode 12`), and the header lines after it
//! metadata (`Kind: captions`, `Language: en`, which sets the language). `NOTE`, `STYLE` and
//! `REGION` blocks are skipped: nobody said them. A cue is an optional identifier, a timing
//! line (`00:01.000 --> 00:04.000 align:start position:10%`, hours optional, settings
//! ignored) and its text up to the next blank line.
//!
//! Each segment's `line` is its cue's timing line.
//!
//! A `<v Speaker>` (or `<v.loud Speaker>`) voice span gives its speaker. A cue holding
//! several voice spans becomes several segments with the cue's times, one per span, so each
//! keeps its own speaker; text before the first span is a segment of its own. A cue without
//! voice tags may name its speaker with a `Name:` prefix, as meeting tools write it. Every
//! other tag (`<c>`, `<i>`, `<b>`, `<u>`, `<lang>`, `<ruby>`, `<rt>`, inline timestamps
//! `<00:00:01.500>`) is removed, the ruby text kept, and the character references WebVTT
//! requires (`&amp;`, `&lt;`, `&gt;`, `&nbsp;` and the like) are decoded.
//!
//! YouTube's rolling captions repeat the line before at the top of each cue. When a file is
//! seen to do that (several two-line cues that open with the last line of the cue before),
//! the repeated line is dropped from each cue that follows its predecessor without a gap, so
//! every spoken line appears once. Nothing is dropped in a file that does not roll.

use std::ops::Range;

use super::sniff_window;
use super::srt::{cue_segment, is_cue_number, tag_end, timing_line, Order, TimingLine};
use crate::{FormatError, Layout, Segment, Transcript, WarningKind};

/// See the module documentation.
pub struct Vtt;

/// Lines of the sniff window searched for a cue when there is no header.
const SNIFF_LINES: usize = 200;
/// How late a rolling cue may start after the one before and still repeat its line.
const ROLL_GAP_MS: u64 = 100;
/// Cue settings that only WebVTT has.
const SETTINGS: [&str; 6] = [
    "align:",
    "position:",
    "line:",
    "size:",
    "region:",
    "vertical:",
];

impl Layout for Vtt {
    fn id(&self) -> &'static str {
        "vtt"
    }

    fn describe(&self) -> &'static str {
        "WebVTT: \"WEBVTT\" header, cues with <v Speaker> voice tags, NOTE and STYLE blocks"
    }

    fn sniff(&self, text: &str) -> f32 {
        let w = sniff_window(text);
        if is_header(w.trim_start()) {
            return 1.0;
        }
        // Without its header, a file still shows WebVTT in its cues: settings after the
        // times, times without hours, voice tags. Plain `-->` cues are left to SubRip.
        let mut cue_seen = false;
        for line in w.lines().take(SNIFF_LINES).map(str::trim) {
            if let TimingLine::Cue { .. } = timing_line(line) {
                cue_seen = true;
                let (left, right) = line.split_once("-->").unwrap_or_default();
                let no_hours = left.bytes().filter(|&b| b == b':').count() == 1;
                if no_hours || SETTINGS.iter().any(|s| right.contains(s)) {
                    return 0.93;
                }
            } else if cue_seen && (line.starts_with("<v ") || line.starts_with("<v.")) {
                return 0.93;
            }
        }
        0.0
    }

    fn parse(&self, text: &str) -> Result<Vec<Transcript>, FormatError> {
        let mut t = Transcript::new(self.id());
        t.hints.references_decoded = true;
        let lines: Vec<&str> = text.split('\n').collect();
        let body_at = read_header(&lines, &mut t);
        let mut reader = Reader::new(&lines);
        reader.read(body_at, &mut t);
        if reader.timed == 0 {
            return Err(FormatError::syntax(
                reader.bad_timing.or(reader.first_line),
                "no WebVTT cue found (a timing line like \"00:00:01.000 --> 00:00:04.000\")",
            ));
        }
        if let Some(last) = reader.cues.last() {
            if last.kind != Kind::Loose && last.text.is_empty() {
                t.warn(
                    WarningKind::Truncated,
                    Some(last.line),
                    "the last cue has no text: the file may be cut short",
                );
            }
        }
        emit(&reader.cues, &reader.kept, &mut t);
        Ok(vec![t])
    }
}

/// True when `text` begins with the `WEBVTT` signature.
pub(super) fn is_header(text: &str) -> bool {
    text.strip_prefix("WEBVTT")
        .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t', '\n']))
}

/// Reads the `WEBVTT` line and the metadata under it; returns the index of the first body line.
fn read_header(lines: &[&str], t: &mut Transcript) -> usize {
    let Some(first) = lines.iter().position(|l| !l.trim().is_empty()) else {
        return lines.len();
    };
    let head = lines[first].trim();
    if !is_header(head) {
        t.warn(WarningKind::Other, Some(first + 1), "no WEBVTT header line");
        return first;
    }
    let title = head["WEBVTT".len()..].trim().trim_start_matches('-').trim();
    t.title = Some(title.to_owned()).filter(|s| !s.is_empty());
    let mut i = first + 1;
    while let Some(line) = lines.get(i).map(|l| l.trim()) {
        if line.is_empty() || timing_line(line) != TimingLine::Text {
            break;
        }
        let Some((key, value)) = line.split_once(':').filter(|(k, _)| !k.contains(' ')) else {
            // Not metadata: the body reads it, and keeps it as unplaced text.
            break;
        };
        if key.eq_ignore_ascii_case("language") && !value.trim().is_empty() {
            t.language = Some(value.trim().to_owned());
        }
        i += 1;
    }
    i
}

/// What a block of the body holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Timed(u64, u64),
    /// Text under a timing line that could not be read: it belongs to the cue before.
    AfterBadTiming,
    /// A block of text with no timing line at all.
    Loose,
}

/// A block of text and where it came from; `text` indexes [`Reader::kept`].
#[derive(Debug)]
struct RawCue {
    kind: Kind,
    line: usize,
    text: Range<usize>,
}

/// Where the body reader is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    BlockStart,
    /// In a cue; `fresh` right after its timing line.
    InCue {
        fresh: bool,
    },
    /// In a NOTE, STYLE or REGION block.
    Skipping,
}

/// First pass over the body: splits it into cues, each a range of kept text lines, so that
/// the second pass can look at a cue's neighbours (rolling captions).
struct Reader<'a> {
    lines: &'a [&'a str],
    cues: Vec<RawCue>,
    kept: Vec<&'a str>,
    order: Order,
    timed: usize,
    bad_timing: Option<usize>,
    first_line: Option<usize>,
}

impl<'a> Reader<'a> {
    fn new(lines: &'a [&'a str]) -> Self {
        Reader {
            lines,
            cues: Vec::new(),
            kept: Vec::new(),
            order: Order::default(),
            timed: 0,
            bad_timing: None,
            first_line: None,
        }
    }

    fn read(&mut self, from: usize, t: &mut Transcript) {
        let mut state = State::BlockStart;
        for i in from..self.lines.len() {
            let raw = self.lines[i];
            let line = raw.trim();
            if line.is_empty() {
                // YouTube opens a cue with a line of one space: text, not the cue's end.
                if state != (State::InCue { fresh: true }) || raw.trim_end_matches('\r').is_empty()
                {
                    state = State::BlockStart;
                }
                continue;
            }
            self.first_line.get_or_insert(i + 1);
            state = match state {
                State::Skipping => match timing_line(line) {
                    TimingLine::Cue { .. } => self.line(i, line, true, t),
                    _ => State::Skipping,
                },
                State::BlockStart if is_skipped_block(line) => State::Skipping,
                State::BlockStart => self.line(i, line, true, t),
                State::InCue { .. } => self.line(i, line, false, t),
            };
        }
    }

    /// Reads one non-blank line of a cue or at the start of a block.
    fn line(&mut self, i: usize, line: &'a str, block_start: bool, t: &mut Transcript) -> State {
        match timing_line(line) {
            TimingLine::Cue { start, end } => {
                self.order.check(t, start, end, i + 1);
                self.timed += 1;
                self.open(Kind::Timed(start, end), i + 1);
                return State::InCue { fresh: true };
            }
            TimingLine::Malformed => {
                self.bad_timing.get_or_insert(i + 1);
                t.warn(
                    WarningKind::Timestamp,
                    Some(i + 1),
                    format!(
                        "unreadable timing line {line:?}: its text is kept with the cue before"
                    ),
                );
                self.open(Kind::AfterBadTiming, i + 1);
                return State::InCue { fresh: false };
            }
            TimingLine::Text => {}
        }
        // A cue identifier: any line opening a block, or a bare number when a blank line
        // was left out, right above a timing line.
        let may_be_id = block_start || is_cue_number(line);
        if may_be_id
            && self
                .lines
                .get(i + 1)
                .is_some_and(|n| timing_line(n.trim()) != TimingLine::Text)
        {
            return State::BlockStart;
        }
        if block_start {
            t.warn(
                WarningKind::Unplaced,
                Some(i + 1),
                "text outside any cue: kept as a segment of its own",
            );
            self.open(Kind::Loose, i + 1);
        }
        self.kept.push(line);
        if let Some(cue) = self.cues.last_mut() {
            cue.text.end = self.kept.len();
        }
        State::InCue { fresh: false }
    }

    fn open(&mut self, kind: Kind, line: usize) {
        let at = self.kept.len();
        self.cues.push(RawCue {
            kind,
            line,
            text: at..at,
        });
    }
}

/// `NOTE` comments and `STYLE`/`REGION` definitions: blocks nobody said.
fn is_skipped_block(line: &str) -> bool {
    line == "STYLE"
        || line == "REGION"
        || line
            .strip_prefix("NOTE")
            .is_some_and(|r| r.is_empty() || r.starts_with([' ', '\t']))
}

/// Second pass: turns the cues into segments.
fn emit(cues: &[RawCue], kept: &[&str], t: &mut Transcript) {
    let rolling = is_rolling(cues, kept);
    let mut prev: Option<(u64, usize)> = None;
    let mut buf = String::new();
    for cue in cues {
        let mut range = cue.text.clone();
        if let Kind::Timed(start, end) = cue.kind {
            if rolling && repeats(prev, start, range.start, kept) {
                range.start += 1;
            }
            prev = (!cue.text.is_empty()).then(|| (end, cue.text.end - 1));
        }
        buf.clear();
        for (n, line) in kept[range].iter().enumerate() {
            if n > 0 {
                buf.push('\n');
            }
            buf.push_str(line);
        }
        emit_cue(cue, &buf, t);
    }
}

/// True when the cue's first line, at `first`, repeats the last line of the cue before, and
/// the cue follows that one without a gap.
fn repeats(prev: Option<(u64, usize)>, start: u64, first: usize, kept: &[&str]) -> bool {
    let Some((prev_end, prev_last)) = prev else {
        return false;
    };
    start <= prev_end.saturating_add(ROLL_GAP_MS)
        && kept
            .get(first)
            .is_some_and(|line| same_display(line, kept[prev_last]))
}

/// Rolling captions: at least two two-line cues open with the line the cue before ended on,
/// and at least half of all multi-line cues do.
fn is_rolling(cues: &[RawCue], kept: &[&str]) -> bool {
    let (mut multi, mut repeated) = (0usize, 0usize);
    let mut prev_last: Option<usize> = None;
    for cue in cues.iter().filter(|c| matches!(c.kind, Kind::Timed(..))) {
        if cue.text.len() >= 2 {
            multi += 1;
            if prev_last.is_some_and(|p| same_display(kept[cue.text.start], kept[p])) {
                repeated += 1;
            }
        }
        prev_last = (!cue.text.is_empty()).then(|| cue.text.end - 1);
    }
    repeated >= 2 && repeated * 2 >= multi
}

/// Two cue lines that show the same words once their tags are gone.
fn same_display(a: &str, b: &str) -> bool {
    let (a, b) = (clean(a), clean(b));
    a.split_whitespace().eq(b.split_whitespace())
}

/// A cue line as it is shown: tags removed, character references decoded.
fn clean(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for_each_piece(line, |piece| match piece {
        Piece::Text(s) => decode_entities(s, &mut out),
        Piece::Voice(_) | Piece::EndVoice => {}
    });
    out
}

/// Splits a cue's text into its voice spans and pushes one segment per span.
fn emit_cue(cue: &RawCue, raw: &str, t: &mut Transcript) {
    let mut spans: Vec<(Option<String>, String)> = Vec::new();
    let mut speaker: Option<&str> = None;
    let mut buf = String::new();
    let mut flush = |speaker: Option<&str>, buf: &mut String| {
        let text = tidy(buf);
        buf.clear();
        if !text.is_empty() {
            spans.push((speaker.map(str::to_owned), text));
        }
    };
    for_each_piece(raw, |piece| match piece {
        Piece::Text(s) => decode_entities(s, &mut buf),
        Piece::Voice(who) => {
            flush(speaker, &mut buf);
            speaker = who;
        }
        Piece::EndVoice => {
            flush(speaker, &mut buf);
            speaker = None;
        }
    });
    flush(speaker, &mut buf);
    for (n, (speaker, text)) in spans.into_iter().enumerate() {
        let seg = match (cue.kind, speaker) {
            (Kind::Timed(start, end), None) if n == 0 => cue_segment(start, end, text),
            (Kind::Timed(start, end), speaker) => {
                Segment::timed(start, Some(end), text).with_speaker(speaker)
            }
            (Kind::AfterBadTiming, None) if n == 0 => {
                if let Some(prev) = t.segments.last_mut() {
                    prev.text.push('\n');
                    prev.text.push_str(&text);
                    continue;
                }
                Segment::text(text)
            }
            (_, speaker) => Segment::text(text).with_speaker(speaker),
        };
        t.segments.push(seg.at_line(cue.line));
    }
}

/// A span's text with each line trimmed and empty lines removed.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split('\n').map(str::trim).filter(|l| !l.is_empty()) {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(line);
    }
    out
}

/// A piece of cue text: text between tags, or a voice tag.
enum Piece<'a> {
    Text(&'a str),
    /// `<v Name>`: the name, if any.
    Voice(Option<&'a str>),
    EndVoice,
}

/// Walks a cue's text, calling `f` with its text and voice tags; every other tag is dropped.
/// A `<` that opens no tag on its line is text.
fn for_each_piece<'a>(text: &'a str, mut f: impl FnMut(Piece<'a>)) {
    let mut rest = text;
    while let Some(p) = rest.find('<') {
        f(Piece::Text(&rest[..p]));
        let tail = &rest[p..];
        match tag_end(tail, b'>') {
            Some(q) => {
                let inner = &tail[1..q];
                if let Some(who) = voice_tag(inner) {
                    f(Piece::Voice(who));
                } else if inner.trim() == "/v" {
                    f(Piece::EndVoice);
                }
                rest = &tail[q + 1..];
            }
            None => {
                f(Piece::Text("<"));
                rest = &tail[1..];
            }
        }
    }
    f(Piece::Text(rest));
}

/// `v Name`, `v.loud Name`, `v`: a voice tag and its name.
fn voice_tag(inner: &str) -> Option<Option<&str>> {
    let rest = inner.strip_prefix('v')?;
    if !(rest.is_empty() || rest.starts_with([' ', '\t', '.'])) {
        return None;
    }
    let name = rest
        .split_once([' ', '\t'])
        .map_or("", |(_, name)| name.trim());
    Some(Some(name).filter(|n| !n.is_empty()))
}

/// Appends `s` to `out` with WebVTT's character references decoded; unknown ones are kept.
fn decode_entities(s: &str, out: &mut String) {
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        let tail = &rest[p..];
        let semi = tail.bytes().take(12).position(|b| b == b';');
        match semi.and_then(|q| entity(&tail[1..q]).map(|c| (c, q))) {
            Some((c, q)) => {
                out.push(c);
                rest = &tail[q + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
}

/// The character a reference (`amp`, `#39`, `#x2019`) stands for.
fn entity(name: &str) -> Option<char> {
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        // A no-break space in a caption only keeps words on one line.
        "nbsp" => ' ',
        "quot" => '"',
        "apos" => '\'',
        "lrm" => '\u{200E}',
        "rlm" => '\u{200F}',
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            return char::from_u32(code);
        }
    };
    Some(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn parse(text: &str) -> Transcript {
        Vtt.parse(text).unwrap().remove(0)
    }

    fn texts(t: &Transcript) -> Vec<&str> {
        t.segments.iter().map(|s| s.text.as_str()).collect()
    }

    const FILE: &str = "WEBVTT - Night Desk: the Gulf talks\nKind: captions\nLanguage: en\n\nSTYLE\n::cue { color: yellow }\n\nNOTE recorded in one take\nand edited later\n\nintro\n00:00:01.000 --> 00:00:04.000 align:start position:10%\n<v Maria>Welcome back &amp; good evening.</v>\n\n0:00:04.500 --> 0:00:06.000\n<v.loud Tom>No deal yet!<v Maria>None at all?\n\n00:06.000 --> 00:08.000\n<c.yellow>Not</c> <i>a</i> <00:00:06.500><b>single</b> <u>one</u>, <lang fr>hélas</lang>&nbsp;&lt;3\n";

    #[test]
    fn reads_header_voices_and_tags() {
        let t = parse(FILE);
        assert_eq!(t.title.as_deref(), Some("Night Desk: the Gulf talks"));
        assert_eq!(t.language.as_deref(), Some("en"));
        assert_eq!(
            texts(&t),
            vec![
                "Welcome back & good evening.",
                "No deal yet!",
                "None at all?",
                "Not a single one, hélas <3"
            ]
        );
        let speakers: Vec<_> = t.segments.iter().map(|s| s.speaker.as_deref()).collect();
        assert_eq!(
            speakers,
            vec![Some("Maria"), Some("Tom"), Some("Maria"), None]
        );
        let times: Vec<_> = t.segments.iter().map(|s| (s.start_ms, s.end_ms)).collect();
        assert_eq!(
            times,
            vec![
                (Some(1000), Some(4000)),
                (Some(4500), Some(6000)),
                (Some(4500), Some(6000)),
                (Some(6000), Some(8000))
            ]
        );
        assert_eq!(t.segments[0].line, Some(12));
        assert!(t.warnings.is_empty(), "{:?}", t.warnings);
    }

    #[test]
    fn name_prefixes_give_speakers_too() {
        let t = parse("WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nAnna Schmidt: Good morning.\n");
        assert_eq!(t.segments[0].speaker.as_deref(), Some("Anna Schmidt"));
        assert_eq!(t.segments[0].text, "Good morning.");
        assert_eq!(t.title, None);
    }

    const ROLLING: &str = "WEBVTT\nKind: captions\nLanguage: en\n\n00:00:00.030 --> 00:00:02.750 align:start position:0%\n \nso<00:00:00.360><c> today</c><00:00:00.690><c> we</c>\n\n00:00:02.750 --> 00:00:02.760 align:start position:0%\nso today we\n \n\n00:00:02.760 --> 00:00:05.000 align:start position:0%\nso today we\nare<00:00:03.000><c> going</c><00:00:03.500><c> to</c>\n\n00:00:05.000 --> 00:00:05.010 align:start position:0%\nare going to\n \n\n00:00:05.010 --> 00:00:07.000 align:start position:0%\nare going to\nare going to\n\n00:00:07.000 --> 00:00:07.010 align:start position:0%\nare going to\n \n\n00:00:07.010 --> 00:00:09.000 align:start position:0%\nare going to\ntalk<c> about</c><c> geneva</c>\n";

    #[test]
    fn rolling_captions_lose_repeats_but_no_words() {
        let t = parse(ROLLING);
        assert_eq!(
            texts(&t),
            vec![
                "so today we",
                "are going to",
                "are going to",
                "talk about geneva"
            ]
        );
        assert_eq!(t.segments[1].start_ms, Some(2760));
        assert!(t.warnings.is_empty(), "{:?}", t.warnings);
    }

    #[test]
    fn repeated_lines_in_a_file_that_does_not_roll_are_kept() {
        let text = "WEBVTT\n\n00:01.000 --> 00:02.000\nNo.\n\n00:02.000 --> 00:03.000\nNo.\nAbsolutely not.\n\n00:03.000 --> 00:04.000\nNever.\n";
        let t = parse(text);
        assert_eq!(texts(&t), vec!["No.", "No.\nAbsolutely not.", "Never."]);
    }

    #[test]
    fn bad_timing_empty_and_truncated_cues() {
        let text = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nFirst.\n\n00:00:0x.000 --> 00:00:03.000\nStill first.\n\n00:00:03.000 --> 00:00:04.000\n\n00:00:05.000 --> 00:00:04.500\nBackwards.\n\n00:00:06.000 --> 00:00:07.000\n";
        let t = parse(text);
        assert_eq!(texts(&t), vec!["First.\nStill first.", "Backwards."]);
        let kinds: Vec<_> = t.warnings.iter().map(|w| (w.kind, w.line)).collect();
        assert_eq!(
            kinds,
            vec![
                (WarningKind::Timestamp, Some(6)),
                (WarningKind::Timestamp, Some(11)),
                (WarningKind::Truncated, Some(14))
            ]
        );
    }

    #[test]
    fn text_outside_cues_is_kept_and_flagged() {
        let text = "WEBVTT\n\n00:01.000 --> 00:02.000\nOne.\n\nstray words here\n\n00:02.000 --> 00:03.000\nTwo.\n";
        let t = parse(text);
        assert_eq!(texts(&t), vec!["One.", "stray words here", "Two."]);
        assert_eq!(t.segments[1].start_ms, None);
        assert_eq!(t.warnings[0].kind, WarningKind::Unplaced);
    }

    #[test]
    fn notes_are_skipped_but_not_cues_after_them() {
        let text =
            "WEBVTT\n\nNOTE a note\n00:01.000 --> 00:02.000\nKept.\n\nNOTES are speech here?\n";
        let t = parse(text);
        assert_eq!(texts(&t), vec!["Kept.", "NOTES are speech here?"]);
    }

    #[test]
    fn headerless_files_are_read_with_a_warning() {
        let t = parse("00:01.000 --> 00:02.000\n<v Bo>Hi.\n");
        assert_eq!(t.segments[0].speaker.as_deref(), Some("Bo"));
        assert_eq!(t.warnings[0].kind, WarningKind::Other);
    }

    #[test]
    fn carriage_returns_left_in_change_nothing() {
        let crlf = FILE.replace('\n', "\r\n");
        assert_eq!(Vtt.parse(&crlf), Vtt.parse(FILE));
        let rolling = ROLLING.replace('\n', "\r\n");
        assert_eq!(Vtt.parse(&rolling), Vtt.parse(ROLLING));
    }

    #[test]
    fn refuses_a_file_without_cues() {
        let err = Vtt.parse("WEBVTT\n\nNOTE nothing here\n").unwrap_err();
        assert!(matches!(err, FormatError::Syntax { .. }));
        assert!(Vtt.parse("").is_err());
    }

    #[test]
    fn entities_and_stray_brackets() {
        let mut out = String::new();
        decode_entities("a &amp; b &#39;c&#x2019; &bogus; & d&lt", &mut out);
        assert_eq!(out, "a & b 'c\u{2019} &bogus; & d&lt");
        assert_eq!(
            clean("1 < 2 <b>bold</b> <ruby>漢<rt>kan</rt></ruby>"),
            "1 < 2 bold 漢kan"
        );
    }

    #[test]
    fn sniffs_vtt_and_leaves_srt_alone() {
        assert_eq!(Vtt.sniff(FILE), 1.0);
        assert_eq!(Vtt.sniff("WEBVTT\n"), 1.0);
        assert!(Vtt.sniff("00:01.000 --> 00:02.000\nHi\n") > 0.9);
        assert_eq!(Vtt.sniff("1\n00:00:01,000 --> 00:00:02,000\nHi\n"), 0.0);
        assert_eq!(Vtt.sniff("WEBVTTX\n"), 0.0);
    }

    #[test]
    fn long_rolling_files_parse_in_linear_time() {
        let mut text = String::from("WEBVTT\n\n");
        let mut prev = String::from("start");
        for i in 0..20_000u64 {
            let line = format!("word{i} <c>next</c>");
            text.push_str(&format!(
                "{} --> {}\n{prev}\n{line}\n\n",
                vtt_clock(i * 1000),
                vtt_clock(i * 1000 + 1000)
            ));
            prev = line;
        }
        text.push_str(&"&<".repeat(50_000));
        let t = parse(&text);
        assert_eq!(t.segments.len(), 20_001);
        assert_eq!(t.segments[5].text, "word5 next");
    }

    fn vtt_clock(ms: u64) -> String {
        format!(
            "{:02}:{:02}:{:02}.{:03}",
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
            spans in prop::collection::vec((
                proptest::option::of(prop::sample::select(vec!["Anna", "Boris Petrov", "Dr. Chen"])),
                prop::collection::vec(prop::collection::vec("[a-z]{1,8}", 1..6), 1..3),
            ), 1..3),
            id in proptest::option::of("[a-z0-9-]{1,6}"),
            note in any::<bool>(),
        ) -> (u64, u64, Vec<(Option<&'static str>, String)>, Option<String>, bool) {
            // Two voiceless spans in a row would be one span.
            let spans = spans.into_iter().enumerate().map(|(n, (s, lines))| {
                (if n > 0 { s.or(Some("Anna")) } else { s }, lines.into_iter().map(|w| w.join(" ")).collect::<Vec<_>>().join("\n"))
            }).collect();
            (gap, len, spans, id, note)
        }
    }

    proptest! {
        #[test]
        fn never_panics(text in "\\PC{0,300}") {
            let _ = Vtt.parse(&text);
            let _ = Vtt.sniff(&text);
        }

        #[test]
        fn never_panics_on_cue_like_noise(parts in prop::collection::vec(
            prop::sample::select(vec!["WEBVTT", "\n", "\n\n", " \n", "00:01.000", " --> ", "NOTE", "<v", "<v A>", ">", "</v>", "&amp;", "&#x", ";", "é", " ", "x"]), 0..60)) {
            let text = parts.concat();
            let _ = Vtt.parse(&text);
        }

        #[test]
        fn recovers_generated_cues(cues in prop::collection::vec(cue(), 1..10), hours in any::<bool>()) {
            let mut doc = String::from("WEBVTT\n\n");
            let mut at = 0;
            let mut want = Vec::new();
            let stamp = |ms: u64| if hours { vtt_clock(ms) } else { vtt_clock(ms)[3..].to_owned() };
            for (gap, len, spans, id, note) in &cues {
                let start = at + gap;
                let end = start + len;
                at = end;
                if *note {
                    doc.push_str("NOTE a remark\nover two lines\n\n");
                }
                if let Some(id) = id {
                    doc.push_str(&format!("{id}\n"));
                }
                doc.push_str(&format!("{} --> {} align:start\n", stamp(start), stamp(end)));
                for (speaker, text) in spans {
                    match speaker {
                        Some(s) => doc.push_str(&format!("<v {s}>{text}</v>\n")),
                        None => doc.push_str(&format!("{text}\n")),
                    }
                    want.push((start, end, speaker.map(str::to_owned), text.clone()));
                }
                doc.push('\n');
            }
            let t = parse(&doc);
            let got: Vec<_> = t.segments.iter().map(|s| (s.start_ms.unwrap(), s.end_ms.unwrap(), s.speaker.clone(), s.text.clone())).collect();
            prop_assert_eq!(got, want);
            prop_assert!(t.warnings.is_empty());
        }
    }
}
