//! Whisper's text outputs: the TSV file in milliseconds, and the bracketed cue lines of
//! whisper.cpp and of whisper's verbose console output.
//!
//! TSV: an optional header (`start\tend\ttext`; its column names are followed, so a
//! `speaker` column is read too), then one row per segment. Times are integer milliseconds;
//! decimal seconds (`1.5`) are accepted as well. A line without tabs continues the row above.
//!
//! whisper.cpp: `[00:00:00.000 --> 00:00:05.000]  text`, hours optional. Text lines without a
//! stamp continue the cue above them. Log lines (`whisper_init_from_file: ...`,
//! `main: processing ...`, `Detected language: English`) are skipped with one warning; the
//! language they report is kept. A leading `(speaker 1)`, from whisper.cpp's diarisation,
//! gives the speaker.

use std::borrow::Cow;

use super::sniff_window;
use super::srt::{cue_clock, Order};
use crate::lines::{head, numbered};
use crate::{FormatError, Layout, Segment, Transcript, WarningKind};

/// Whisper's `.tsv` output.
pub struct WhisperTsv;

/// whisper.cpp's (and whisper's verbose) bracketed cue lines.
pub struct WhisperCpp;

/// Lines of the sniff window searched for a first cue (whisper.cpp logs a lot first).
const SNIFF_LINES: usize = 400;

impl Layout for WhisperTsv {
    fn id(&self) -> &'static str {
        "whisper-tsv"
    }

    fn describe(&self) -> &'static str {
        "Whisper TSV: \"start<TAB>end<TAB>text\" in milliseconds"
    }

    fn sniff(&self, text: &str) -> f32 {
        let mut lines = head(sniff_window(text), 6).peekable();
        let Some(first) = lines.peek() else {
            return 0.0;
        };
        if Columns::from_header(first).is_some() {
            return 1.0;
        }
        let (mut rows, mut others) = (0, 0);
        for line in lines {
            match Columns::default().row(line) {
                Row::Timed { .. } => rows += 1,
                _ => others += 1,
            }
        }
        match (rows, others) {
            (r, 0) if r >= 2 => 0.9,
            (1, 0) => 0.6,
            _ => 0.0,
        }
    }

    fn parse(&self, text: &str) -> Result<Vec<Transcript>, FormatError> {
        let mut t = Transcript::new(self.id());
        let mut cols = Columns::default();
        let mut cues = Cues::default();
        let mut seen_first = false;
        for line in numbered(text) {
            let body = line.text.trim_matches([' ', '\r']);
            if body.trim().is_empty() {
                continue;
            }
            if !seen_first {
                seen_first = true;
                if let Some(header) = Columns::from_header(body) {
                    cols = header;
                    continue;
                }
            }
            match cols.row(body) {
                Row::Timed {
                    start,
                    end,
                    text,
                    speaker,
                } => {
                    let speaker = speaker.filter(|s| !s.is_empty()).map(str::to_owned);
                    cues.open(&mut t, start, end, line.no, speaker);
                    cues.push(&mut t, text, line.no);
                }
                Row::BadTimes { text } => {
                    cues.bad_timing.get_or_insert(line.no);
                    t.warn(
                        WarningKind::Timestamp,
                        Some(line.no),
                        "unreadable times in a row: its text is kept with the row before",
                    );
                    cues.push(&mut t, text, line.no);
                }
                Row::Untimed => {
                    if cues.current.is_some() {
                        t.warn(
                            WarningKind::Other,
                            Some(line.no),
                            "a line without times joined to the row above",
                        );
                    }
                    cues.push(&mut t, body.trim(), line.no);
                }
            }
        }
        cues.finish(
            &mut t,
            "no Whisper TSV row found (\"start<TAB>end<TAB>text\")",
        )?;
        Ok(vec![t])
    }
}

/// Where the TSV's columns are.
#[derive(Debug, Clone, Copy)]
struct Columns {
    start: usize,
    end: usize,
    text: usize,
    speaker: Option<usize>,
    count: usize,
}

impl Default for Columns {
    fn default() -> Self {
        Columns {
            start: 0,
            end: 1,
            text: 2,
            speaker: None,
            count: 3,
        }
    }
}

/// Columns a row may have at most; more and the line is not one of ours.
const MAX_COLUMNS: usize = 8;

/// A TSV line.
#[derive(Debug, PartialEq, Eq)]
enum Row<'a> {
    Timed {
        start: u64,
        end: u64,
        text: &'a str,
        speaker: Option<&'a str>,
    },
    /// Tab-separated, but the times cannot be read.
    BadTimes { text: &'a str },
    /// No tabs: text.
    Untimed,
}

impl Columns {
    /// Reads a header line naming at least `start`, `end` and `text`.
    fn from_header(line: &str) -> Option<Columns> {
        if !line.contains('\t') {
            return None;
        }
        let mut found = [None; 4];
        let mut count = 0;
        for (i, name) in line.split('\t').enumerate() {
            count = i + 1;
            let slot = ["start", "end", "text", "speaker"]
                .iter()
                .position(|n| n.eq_ignore_ascii_case(name.trim()))?;
            found[slot] = Some(i);
        }
        Some(Columns {
            start: found[0]?,
            end: found[1]?,
            text: found[2]?,
            speaker: found[3],
            count: (count <= MAX_COLUMNS).then_some(count)?,
        })
    }

    fn row<'a>(&self, line: &'a str) -> Row<'a> {
        if !line.contains('\t') {
            return Row::Untimed;
        }
        let mut fields = [""; MAX_COLUMNS];
        let mut n = 0;
        for (i, f) in line.splitn(self.count, '\t').enumerate() {
            fields[i] = f;
            n = i + 1;
        }
        let text = fields[self.text].trim();
        let times = (n > self.start.max(self.end))
            .then(|| Some((tsv_time(fields[self.start])?, tsv_time(fields[self.end])?)))
            .flatten();
        match times {
            Some((start, end)) => Row::Timed {
                start,
                end,
                text,
                speaker: self.speaker.map(|i| fields[i].trim()),
            },
            // With too few fields the text column is empty: keep the whole line instead.
            None if n <= self.text => Row::BadTimes { text: line.trim() },
            None => Row::BadTimes { text },
        }
    }
}

/// Milliseconds (`1500`), or seconds with a fraction (`1.5`).
fn tsv_time(field: &str) -> Option<u64> {
    let f = field.trim();
    let digits = |s: &str| !s.is_empty() && s.len() <= 15 && s.bytes().all(|b| b.is_ascii_digit());
    match f.split_once('.') {
        None if digits(f) => f.parse().ok(),
        Some((secs, frac)) if digits(secs) && digits(frac) => {
            let ms: String = frac.chars().chain("000".chars()).take(3).collect();
            Some(secs.parse::<u64>().ok()? * 1000 + ms.parse::<u64>().ok()?)
        }
        _ => None,
    }
}

impl Layout for WhisperCpp {
    fn id(&self) -> &'static str {
        "whisper-cpp"
    }

    fn describe(&self) -> &'static str {
        "whisper.cpp lines: \"[00:00:00.000 --> 00:00:05.000] text\""
    }

    fn sniff(&self, text: &str) -> f32 {
        let cue_seen = sniff_window(text)
            .lines()
            .take(SNIFF_LINES)
            .any(|l| matches!(bracket_cue(l.trim()), Some(Ok(_))));
        if cue_seen {
            0.95
        } else {
            0.0
        }
    }

    fn parse(&self, text: &str) -> Result<Vec<Transcript>, FormatError> {
        let mut t = Transcript::new(self.id());
        let mut cues = Cues::default();
        let mut log = LogLines::default();
        for line in numbered(text) {
            let body = strip_ansi(line.text);
            let body = body.trim();
            if body.is_empty() {
                continue;
            }
            match bracket_cue(body) {
                Some(Ok((start, end, rest))) => {
                    let (speaker, rest) = diarised(rest);
                    cues.open(&mut t, start, end, line.no, speaker);
                    cues.push(&mut t, rest, line.no);
                }
                Some(Err(rest)) => {
                    cues.bad_timing.get_or_insert(line.no);
                    t.warn(
                        WarningKind::Timestamp,
                        Some(line.no),
                        "unreadable cue times: the text is kept with the cue before",
                    );
                    cues.push(&mut t, rest, line.no);
                }
                None if log.take(body, cues.opened == 0, line.no, &mut t) => {}
                None => cues.push(&mut t, body, line.no),
            }
        }
        log.report(&mut t);
        cues.finish(
            &mut t,
            "no whisper.cpp cue found (\"[00:00:00.000 --> 00:00:05.000] text\")",
        )?;
        Ok(vec![t])
    }
}

/// `[start --> end] rest`: `None` when the line is no cue line, `Err(rest)` when it is one
/// whose times cannot be read.
fn bracket_cue(line: &str) -> Option<Result<(u64, u64, &str), &str>> {
    let inner_end = line
        .strip_prefix('[')?
        .bytes()
        .take(64)
        .position(|b| b == b']')?;
    let inner = &line[1..=inner_end];
    let (a, b) = inner.split_once("-->")?;
    let rest = line[inner_end + 2..].trim();
    Some(match (cue_clock(a.trim()), cue_clock(b.trim())) {
        (Some(start), Some(end)) => Ok((start, end, rest)),
        _ => Err(rest),
    })
}

/// A leading `(speaker 1)` from whisper.cpp's diarisation.
fn diarised(text: &str) -> (Option<String>, &str) {
    let label = text
        .strip_prefix("(speaker")
        .and_then(|r| r.split_once(')'))
        .filter(|(id, _)| id.len() <= 4);
    match label {
        Some((id, rest)) => (Some(format!("speaker{id}")), rest.trim_start()),
        None => (None, text),
    }
}

/// Removes terminal colour codes (`--print-colors`).
fn strip_ansi(line: &str) -> Cow<'_, str> {
    if !line.contains('\x1b') {
        return Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c != '\x1b' {
            out.push(c);
            continue;
        }
        // CSI: ESC [ parameters, then a final byte from '@' to '~'.
        if chars.clone().next() == Some('[') {
            chars.next();
            for c in chars.by_ref() {
                if ('@'..='~').contains(&c) {
                    break;
                }
            }
        }
    }
    Cow::Owned(out)
}

/// Log lines met and skipped, reported in one warning.
#[derive(Default)]
struct LogLines {
    count: usize,
    first: Option<usize>,
}

impl LogLines {
    /// Skips `line` if it is log output, noting any language it reports. Before the first cue
    /// anything that looks like a log line is one; after it, only a line that is surely one.
    fn take(&mut self, line: &str, before_cues: bool, no: usize, t: &mut Transcript) -> bool {
        let is_log = surely_log(line) || before_cues && maybe_log(line);
        if is_log {
            self.count += 1;
            self.first.get_or_insert(no);
            if t.language.is_none() {
                t.language = reported_language(line);
            }
        }
        is_log
    }

    fn report(&self, t: &mut Transcript) {
        if self.count > 0 {
            t.warn(
                WarningKind::Other,
                self.first,
                format!("skipped {} line(s) of program log output", self.count),
            );
        }
    }
}

/// `whisper_init_from_file_with_params: ...`, `system_info: ...`, `main: processing ...`.
fn surely_log(line: &str) -> bool {
    let Some((name, _)) = line.split_once(':') else {
        return false;
    };
    let ident = !name.is_empty()
        && name.len() <= 48
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    ident && (name.contains('_') || name == "main")
}

/// Other console chatter: any `word:` prefix, language detection, progress bars, Python
/// warnings.
fn maybe_log(line: &str) -> bool {
    let lowercase_key = line.split_once(':').is_some_and(|(k, _)| {
        !k.is_empty() && k.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
    });
    lowercase_key
        || line.starts_with("Detecting language")
        || line.starts_with("Detected language")
        || line.starts_with('/')
        || line.starts_with("warnings.warn")
        || line.contains("%|")
}

/// The language a log line reports: whisper.cpp's code, or whisper's English name.
fn reported_language(line: &str) -> Option<String> {
    if let Some((_, rest)) = line.split_once("auto-detected language:") {
        let code = rest.split_whitespace().next()?;
        return code
            .bytes()
            .all(|b| b.is_ascii_alphabetic())
            .then(|| code.to_owned());
    }
    let name = line.strip_prefix("Detected language:")?.trim();
    const NAMES: [(&str, &str); 14] = [
        ("english", "en"),
        ("spanish", "es"),
        ("french", "fr"),
        ("german", "de"),
        ("italian", "it"),
        ("portuguese", "pt"),
        ("dutch", "nl"),
        ("polish", "pl"),
        ("russian", "ru"),
        ("ukrainian", "uk"),
        ("turkish", "tr"),
        ("arabic", "ar"),
        ("chinese", "zh"),
        ("japanese", "ja"),
    ];
    NAMES
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, code)| (*code).to_owned())
}

/// Builds timed segments from stamped lines and the untimed lines continuing them.
#[derive(Default)]
struct Cues {
    current: Option<Segment>,
    order: Order,
    opened: usize,
    bad_timing: Option<usize>,
    first_text: Option<usize>,
}

impl Cues {
    fn open(
        &mut self,
        t: &mut Transcript,
        start: u64,
        end: u64,
        no: usize,
        speaker: Option<String>,
    ) {
        self.close(t);
        self.order.check(t, start, end, no);
        self.opened += 1;
        let seg = Segment::timed(start, Some(end), String::new()).with_speaker(speaker);
        self.current = Some(seg.at_line(no));
    }

    /// Adds a line of text to the current cue, or, before any cue, to an unplaced segment.
    fn push(&mut self, t: &mut Transcript, text: &str, no: usize) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        self.first_text.get_or_insert(no);
        match self.current.as_mut() {
            Some(seg) => {
                if !seg.text.is_empty() {
                    seg.text.push('\n');
                }
                seg.text.push_str(text);
            }
            None => {
                t.warn(
                    WarningKind::Unplaced,
                    Some(no),
                    "text before the first cue: kept as a segment of its own",
                );
                self.current = Some(Segment::text(text).at_line(no));
            }
        }
    }

    /// Pushes the current cue; returns false when it had no text (and is dropped).
    fn close(&mut self, t: &mut Transcript) -> bool {
        match self.current.take() {
            Some(seg) if seg.text.is_empty() => false,
            Some(seg) => {
                t.segments.push(seg);
                true
            }
            None => true,
        }
    }

    fn finish(mut self, t: &mut Transcript, missing: &str) -> Result<(), FormatError> {
        let last_line = self.current.as_ref().and_then(|s| s.line);
        if !self.close(t) {
            t.warn(
                WarningKind::Truncated,
                last_line.map(|l| l as usize),
                "the last cue has no text: the file may be cut short",
            );
        }
        if self.opened == 0 {
            return Err(FormatError::syntax(
                self.bad_timing.or(self.first_text),
                missing,
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn texts(t: &Transcript) -> Vec<&str> {
        t.segments.iter().map(|s| s.text.as_str()).collect()
    }

    fn times(t: &Transcript) -> Vec<(Option<u64>, Option<u64>)> {
        t.segments.iter().map(|s| (s.start_ms, s.end_ms)).collect()
    }

    #[test]
    fn reads_tsv_rows() {
        let text = "start\tend\ttext\n0\t4200\tWelcome to the Night Desk.\n4200\t9010\tTonight, the Caspian pipeline.\n";
        let t = WhisperTsv.parse(text).unwrap().remove(0);
        assert_eq!(
            texts(&t),
            vec![
                "Welcome to the Night Desk.",
                "Tonight, the Caspian pipeline."
            ]
        );
        assert_eq!(
            times(&t),
            vec![(Some(0), Some(4200)), (Some(4200), Some(9010))]
        );
        assert_eq!(t.segments[1].line, Some(3));
        assert!(t.warnings.is_empty());
        assert_eq!(WhisperTsv.sniff(text), 1.0);
    }

    #[test]
    fn tsv_without_header_with_speakers_and_seconds() {
        let t = WhisperTsv
            .parse("0\t1000\tOne.\n1000\t2000\tTwo.\n")
            .unwrap()
            .remove(0);
        assert_eq!(texts(&t), vec!["One.", "Two."]);
        assert!(WhisperTsv.sniff("0\t1000\tOne.\n1000\t2000\tTwo.\n") >= 0.9);
        let text = "start\tend\tspeaker\ttext\n0.5\t2.25\tSPEAKER_00\tHello\tthere.\n";
        let t = WhisperTsv.parse(text).unwrap().remove(0);
        assert_eq!(t.segments[0].speaker.as_deref(), Some("SPEAKER_00"));
        assert_eq!(t.segments[0].text, "Hello\tthere.");
        assert_eq!(times(&t), vec![(Some(500), Some(2250))]);
    }

    #[test]
    fn tsv_edge_cases() {
        let text = "start\tend\ttext\n0\t1000\tFirst\ncontinued\n1000\t2000\t\nx\t3000\tLost times\n5000\t4000\tBackwards\n6000\t7000\n";
        let t = WhisperTsv.parse(text).unwrap().remove(0);
        assert_eq!(
            texts(&t),
            vec!["First\ncontinued", "Lost times", "Backwards"]
        );
        let w: Vec<_> = t.warnings.iter().map(|w| (w.kind, w.line)).collect();
        assert_eq!(
            w,
            vec![
                (WarningKind::Other, Some(3)),
                (WarningKind::Timestamp, Some(5)),
                (WarningKind::Timestamp, Some(6)),
                (WarningKind::Truncated, Some(7)),
            ]
        );
        assert!(WhisperTsv.parse("just words\n").is_err());
        assert_eq!(WhisperTsv.sniff("a\tb\tc\nsome text\n"), 0.0);
    }

    const CPP: &str = "whisper_init_from_file_with_params_no_state: loading model from 'models/ggml-base.en.bin'\nwhisper_model_load: n_vocab       = 51864\nsystem_info: n_threads = 4 / 8 | AVX = 1 |\n\nmain: processing 'ep112.wav' (5120000 samples, 320.0 sec), 4 threads, 1 processors, lang = en, task = transcribe, timestamps = 1 ...\nwhisper_full_with_state: auto-detected language: en (p = 0.982113)\n\n[00:00:00.000 --> 00:00:04.200]   Welcome back to the Night Desk.\n[00:00:04.200 --> 00:00:09.010]   (speaker 1) Tonight the Caspian\npipeline and who pays for it.\n[00:00:09.010 --> 00:00:09.500]\n\nwhisper_print_timings:     load time =   101.82 ms\n";

    #[test]
    fn reads_whisper_cpp_output_with_logs() {
        let t = WhisperCpp.parse(CPP).unwrap().remove(0);
        assert_eq!(
            texts(&t),
            vec![
                "Welcome back to the Night Desk.",
                "Tonight the Caspian\npipeline and who pays for it."
            ]
        );
        assert_eq!(t.segments[1].speaker.as_deref(), Some("speaker 1"));
        assert_eq!(t.language.as_deref(), Some("en"));
        assert_eq!(t.segments[0].line, Some(8));
        let w: Vec<_> = t.warnings.iter().map(|w| (w.kind, w.line)).collect();
        assert_eq!(
            w,
            vec![
                (WarningKind::Other, Some(1)),
                (WarningKind::Truncated, Some(11))
            ]
        );
        assert!(t.warnings[0].message.contains("skipped 6"));
        assert!(WhisperCpp.sniff(CPP) > 0.9);
    }

    #[test]
    fn whisper_verbose_output_without_hours() {
        let text = "Detecting language using up to the first 30 seconds. Use `--language` to specify the language\nDetected language: English\n[00:05.000 --> 00:07.500]  Shipping through Hormuz\n[00:07.500 --> 00:06.000] is back to normal.\n[00:0x.000 --> 00:09.000] Almost.\n";
        let t = WhisperCpp.parse(text).unwrap().remove(0);
        assert_eq!(
            texts(&t),
            vec!["Shipping through Hormuz", "is back to normal.\nAlmost."]
        );
        assert_eq!(times(&t)[0], (Some(5000), Some(7500)));
        assert_eq!(t.language.as_deref(), Some("en"));
        let w: Vec<_> = t.warnings.iter().map(|w| (w.kind, w.line)).collect();
        assert_eq!(
            w,
            vec![
                (WarningKind::Timestamp, Some(4)),
                (WarningKind::Timestamp, Some(5)),
                (WarningKind::Other, Some(1))
            ]
        );
    }

    #[test]
    fn speech_before_the_first_cue_is_kept() {
        let text = "Notes from the producer\n[00:00:00.000 --> 00:00:01.000] Hi.\n\x1b[38;5;160m[00:00:01.000 --> 00:00:02.000]\x1b[0m  Bye.\n";
        let t = WhisperCpp.parse(text).unwrap().remove(0);
        assert_eq!(texts(&t), vec!["Notes from the producer", "Hi.", "Bye."]);
        assert_eq!(t.segments[0].start_ms, None);
        assert_eq!(t.warnings[0].kind, WarningKind::Unplaced);
        assert!(WhisperCpp.parse("whisper_init: nothing\n").is_err());
    }

    #[test]
    fn carriage_returns_left_in_change_nothing() {
        assert_eq!(
            WhisperCpp.parse(&CPP.replace('\n', "\r\n")),
            WhisperCpp.parse(CPP)
        );
        let tsv = "start\tend\ttext\n0\t1000\tOne.\n1000\t2000\t\n";
        assert_eq!(
            WhisperTsv.parse(&tsv.replace('\n', "\r\n")),
            WhisperTsv.parse(tsv)
        );
    }

    #[test]
    fn whisper_cpp_and_srt_do_not_mix() {
        let srt = "1\n00:00:01,000 --> 00:00:04,000\nHello.\n";
        assert_eq!(WhisperCpp.sniff(srt), 0.0);
        assert_eq!(WhisperTsv.sniff(srt), 0.0);
        assert_eq!(WhisperCpp.sniff("[Music]\n[00:00:05] text\n"), 0.0);
    }

    #[test]
    fn long_files_parse_in_linear_time() {
        let mut cpp = String::new();
        let mut tsv = String::from("start\tend\ttext\n");
        for i in 0..20_000u64 {
            let s = i * 1000;
            cpp.push_str(&format!(
                "[{:02}:{:02}:{:02}.000 --> {:02}:{:02}:{:02}.900]  line {i}\n",
                s / 3_600_000,
                s / 60_000 % 60,
                s / 1000 % 60,
                s / 3_600_000,
                s / 60_000 % 60,
                s / 1000 % 60
            ));
            tsv.push_str(&format!("{s}\t{}\tline {i}\n", s + 900));
        }
        cpp.push_str(&format!("[{}\n", "-->".repeat(30_000)));
        let c = WhisperCpp.parse(&cpp).unwrap().remove(0);
        let t = WhisperTsv.parse(&tsv).unwrap().remove(0);
        assert_eq!(c.segments.len(), 20_000);
        assert_eq!(t.segments.len(), 20_000);
        assert_eq!(t.segments[19_999].start_ms, Some(19_999_000));
    }

    fn cpp_clock(ms: u64, hours: bool) -> String {
        let mmss = format!(
            "{:02}:{:02}.{:03}",
            ms / 60_000 % 60,
            ms / 1000 % 60,
            ms % 1000
        );
        if hours {
            format!("{:02}:{mmss}", ms / 3_600_000)
        } else {
            mmss
        }
    }

    fn rows() -> impl Strategy<Value = Vec<(u64, u64, String)>> {
        prop::collection::vec(
            (
                0u64..5_000,
                0u64..8_000,
                prop::collection::vec("[a-zA-Z,.']{1,8}", 1..8),
            ),
            1..15,
        )
        .prop_map(|rows| {
            let mut at = 0;
            rows.into_iter()
                .map(|(gap, len, words)| {
                    let start = at + gap;
                    at = start + len;
                    (start, at, words.join(" "))
                })
                .collect()
        })
    }

    proptest! {
        #[test]
        fn never_panics(text in "\\PC{0,300}") {
            let _ = WhisperTsv.parse(&text);
            let _ = WhisperCpp.parse(&text);
            let _ = WhisperTsv.sniff(&text);
            let _ = WhisperCpp.sniff(&text);
        }

        #[test]
        fn never_panics_on_cue_like_noise(parts in prop::collection::vec(
            prop::sample::select(vec!["[", "]", "00:01.000", " --> ", "\t", "12", "\n", "start\tend\ttext\n", "(speaker", ")", "\x1b[", "m", "é", "main:", " "]), 0..60)) {
            let text = parts.concat();
            let _ = WhisperTsv.parse(&text);
            let _ = WhisperCpp.parse(&text);
        }

        #[test]
        fn recovers_generated_tsv(rows in rows(), header in any::<bool>()) {
            let mut doc = String::from(if header { "start\tend\ttext\n" } else { "" });
            for (s, e, text) in &rows {
                doc.push_str(&format!("{s}\t{e}\t{text}\n"));
            }
            let t = WhisperTsv.parse(&doc).unwrap().remove(0);
            let got: Vec<_> = t.segments.iter().map(|s| (s.start_ms.unwrap(), s.end_ms.unwrap(), s.text.clone())).collect();
            prop_assert_eq!(got, rows);
            prop_assert!(t.warnings.is_empty());
        }

        #[test]
        fn recovers_generated_cpp(rows in rows(), hours in any::<bool>()) {
            let mut doc = String::new();
            for (s, e, text) in &rows {
                doc.push_str(&format!("[{} --> {}]  {text}\n", cpp_clock(*s, hours), cpp_clock(*e, hours)));
            }
            let t = WhisperCpp.parse(&doc).unwrap().remove(0);
            let got: Vec<_> = t.segments.iter().map(|s| (s.start_ms.unwrap(), s.end_ms.unwrap(), s.text.clone())).collect();
            prop_assert_eq!(got, rows);
            prop_assert!(t.warnings.is_empty());
        }
    }
}
