//! Stamps inside running text: paragraphs like `[00:00:05] text [00:00:07] more` (every
//! bracketed stamp starts a segment), lines led by a stamp (`(0:00) text`, `0:00 text`), stamps
//! on lines of their own alternating with text, and chapter headings that end in a stamp
//! (`Opening remarks 00:00`, `The Geneva round (12:30)`).
//!
//! A chapter heading is a short line after a blank line (or at the top of the body) that does
//! not end a sentence: it goes to [`Transcript::chapters`] and opens a segment at its time, but
//! its words are not speech and stay out of the segments. A heading with a bare stamp must also
//! not go back in time, because a sentence can end in a time of day ("We land at 12:30").
//!
//! A stamped segment runs until the next stamp, across blank lines; malformed stamps stay in
//! the text with a warning.

use super::labelled::bracket_speaker::bracket_line;
use super::labelled::common::{clock_of, read_header, warn_chrome, Clock, Turns};
use super::labelled::speaker_export::export_label;
use super::labelled::speaker_stamp::stamp_label;
use super::sniff_window;
use crate::lines::numbered;
use crate::{chrome, stamps, FormatError, Layout, Transcript, WarningKind};
use earshot_model::Chapter;

/// See the module documentation.
pub struct InlineStamps;

/// A stamp in brackets or parentheses inside a line: where it starts and ends, and its time.
fn next_bracketed(s: &str, from: usize) -> Option<(usize, usize, Clock)> {
    let b = s.as_bytes();
    let mut i = from;
    while let Some(off) = memchr::memchr2(b'[', b'(', b.get(i..)?) {
        let open = i + off;
        let close_ch = if b[open] == b'[' { b']' } else { b')' };
        let inner_end = b[open + 1..]
            .iter()
            .take(18)
            .position(|&c| c == close_ch)
            .map(|p| open + 1 + p);
        if let Some(end) = inner_end {
            if let Some(clock) = clock_of(s[open + 1..end].trim()) {
                return Some((open, end + 1, clock));
            }
        }
        i = open + 1;
    }
    None
}

/// A chapter heading: a short title ending in a stamp, bare or bracketed.
fn chapter_line(line: &str) -> Option<(&str, u64, bool)> {
    let (title, ms, bare) = if line.ends_with([')', ']']) {
        let open = line.rfind(['(', '['])?;
        let (ms, n) = stamps::stamp_prefix(&line[open..])?;
        (open + n == line.len()).then_some((&line[..open], ms, false))?
    } else {
        let cut = line.rfind([' ', '\t'])?;
        let (ms, n) = stamps::clock_prefix(&line[cut + 1..])?;
        (cut + 1 + n == line.len()).then_some((&line[..cut], ms, true))?
    };
    let title = title
        .trim_end_matches([' ', '\t', '-', '–', '—', '|'])
        .trim();
    let first = title.chars().next()?;
    let ok = !first.is_lowercase()
        && (first.is_alphanumeric() || first == '"' || first == '“')
        && title.len() <= 80
        && title.split_whitespace().count() <= 10
        && !title.ends_with(['.', ',', ';', ':'])
        && next_bracketed(title, 0).is_none()
        && stamps::leading_stamp(title).is_none();
    ok.then_some((title, ms, bare))
}

/// Adds a line's text to the segments, opening one at each bracketed stamp inside it.
fn split_inner(s: &str, no: usize, b: &mut Turns) {
    let (mut from, mut seg_from) = (0, 0);
    while let Some((start, end, clock)) = next_bracketed(s, from) {
        match clock {
            Clock::Ok(ms) => {
                b.add(&s[seg_from..start], no);
                b.open(Some(ms), None, no);
                b.found += 1;
                seg_from = end;
            }
            Clock::Bad => b.t.warn(
                WarningKind::Timestamp,
                Some(no),
                format!("unreadable stamp {} kept as text", &s[start..end]),
            ),
        }
        from = end;
    }
    b.add(&s[seg_from..], no);
}

/// Whether a line belongs to one of the speaker-labelled layouts' signatures.
fn foreign(line: &str) -> bool {
    stamp_label(line).is_some_and(|l| l.colon)
        || export_label(line).is_some()
        || bracket_line(line).is_some_and(|l| l.name.is_some() && l.clock.is_some())
}

/// What a sniffer counts over the window.
#[derive(Default)]
struct Evidence<'a> {
    stamps: usize,
    foreign: usize,
    words: usize,
    letters: usize,
    upper: usize,
    stops: usize,
    titles: Vec<&'a str>,
    repeated_title: bool,
}

impl<'a> Evidence<'a> {
    fn text(&mut self, s: &str) {
        self.words += s.split_whitespace().count();
        for c in s.chars() {
            if c.is_alphabetic() {
                self.letters += 1;
                self.upper += usize::from(c.is_uppercase());
            } else if matches!(c, '.' | '?' | '!') {
                self.stops += 1;
            }
        }
    }

    fn line(&mut self, line: &'a str, after_blank: bool) {
        if foreign(line) {
            self.foreign += 1;
            return;
        }
        if stamps::stamp_line(line).is_some() {
            self.stamps += 1;
            return;
        }
        if let Some((title, _, _)) = chapter_line(line) {
            self.repeated_title |= self.titles.contains(&title);
            if self.titles.len() < 64 {
                self.titles.push(title);
            }
            if after_blank {
                self.stamps += 1;
                return;
            }
        }
        let rest = match stamps::leading_stamp(line) {
            Some((_, rest)) => {
                self.stamps += 1;
                rest
            }
            None => line,
        };
        let mut from = 0;
        while let Some((_, end, _)) = next_bracketed(rest, from) {
            self.stamps += 1;
            from = end;
        }
        self.text(rest);
    }
}

impl Layout for InlineStamps {
    fn id(&self) -> &'static str {
        "inline-stamps"
    }

    fn describe(&self) -> &'static str {
        "stamps in the text: \"[00:00:05] text\", \"(0:00) text\", stamps on their own lines, chapter titles ending in a stamp"
    }

    fn sniff(&self, text: &str) -> f32 {
        let w = sniff_window(text);
        // Cue timing lines belong to subtitles; "Starting point is" to the transcript site.
        if w.contains("-->") || w.contains("Starting point is ") {
            return 0.0;
        }
        // Without two clock-like "d:dd" runs there is nothing to weigh.
        let clocks = w
            .as_bytes()
            .windows(4)
            .filter(|b| {
                b[0].is_ascii_digit()
                    && b[1] == b':'
                    && b[2].is_ascii_digit()
                    && b[3].is_ascii_digit()
            })
            .take(2)
            .count();
        if clocks < 2 {
            return 0.0;
        }
        let mut ev = Evidence::default();
        let mut after_blank = true;
        for line in w.lines().take(800) {
            let line = line.trim();
            if line.is_empty() {
                after_blank = true;
                continue;
            }
            ev.line(line, after_blank);
            after_blank = false;
        }
        // Headings that recur are speakers (`Name (0:00)` exports), not chapters.
        if ev.stamps < 2 || ev.repeated_title || ev.foreign * 2 >= ev.stamps {
            return 0.0;
        }
        if ev.letters == 0 {
            return 0.4;
        }
        let upper = ev.upper as f32 / ev.letters as f32;
        let stops = ev.stops as f32 / ev.words.max(1) as f32;
        // Lower-case unpunctuated text with stamps is an auto-caption dump.
        if upper < 0.02 && stops < 0.02 {
            0.45
        } else if ev.words < ev.stamps * 5 || ev.stamps < 3 {
            // A few words per stamp is a chapter list, not speech.
            0.5
        } else {
            // Kept under 0.8 so that detection still asks whether the page is show notes.
            0.78
        }
    }

    fn parse(&self, text: &str) -> Result<Vec<Transcript>, FormatError> {
        let mut t = Transcript::new(self.id());
        let lines = numbered(text);
        let start = read_header(&lines, &mut t);
        let mut b = Turns::new(t);
        let mut after_blank = true;
        for line in &lines[start..] {
            let text = line.text.trim();
            if text.is_empty() {
                after_blank = true;
                continue;
            }
            let heading = after_blank;
            after_blank = false;
            if chrome::is_chrome_line(text) {
                warn_chrome(&mut b.t, line.no, text);
                continue;
            }
            if let Some(ms) = stamps::stamp_line(text) {
                b.found += 1;
                b.open(Some(ms), None, line.no);
                continue;
            }
            let chapter = chapter_line(text).filter(|&(_, ms, bare)| {
                heading && !(bare && b.last_ms().is_some_and(|last| ms < last))
            });
            if let Some((title, ms, _)) = chapter {
                b.found += 1;
                b.t.chapters.push(Chapter {
                    title: title.to_owned(),
                    start_ms: ms,
                });
                b.open(Some(ms), None, line.no);
                continue;
            }
            let rest = match stamps::leading_stamp(text) {
                Some((ms, rest)) => {
                    b.found += 1;
                    b.open(Some(ms), None, line.no);
                    rest
                }
                None => text,
            };
            split_inner(rest, line.no, &mut b);
        }
        if b.found == 0 {
            return Err(FormatError::syntax(None, "no timestamp found in the text"));
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
        InlineStamps.parse(text).unwrap().remove(0)
    }

    fn cues(t: &Transcript) -> Vec<(Option<u64>, Option<u64>, &str)> {
        t.segments
            .iter()
            .map(|s| (s.start_ms, s.end_ms, s.text.as_str()))
            .collect()
    }

    #[test]
    fn splits_paragraphs_at_bracketed_stamps() {
        let t = parse("Title: Port strikes\n\n[00:00:05] Good evening. [00:00:07] The ports\nare closed. (0:12) Again.\n");
        assert_eq!(t.title.as_deref(), Some("Port strikes"));
        assert_eq!(
            cues(&t),
            vec![
                (Some(5000), Some(7000), "Good evening."),
                (Some(7000), Some(12_000), "The ports\nare closed."),
                (Some(12_000), None, "Again."),
            ]
        );
        assert_eq!(t.segments[1].line, Some(3));
        assert!(t.segments.iter().all(|s| s.timing == Timing::Exact));
    }

    #[test]
    fn reads_led_lines_and_stamp_lines() {
        let t =
            parse("(0:00) Hello, all.\n0:04 - Next point.\n\n0:09\nA new paragraph,\nwrapped.\n");
        assert_eq!(
            cues(&t),
            vec![
                (Some(0), Some(4000), "Hello, all."),
                (Some(4000), Some(9000), "Next point."),
                (Some(9000), None, "A new paragraph,\nwrapped."),
            ]
        );
    }

    #[test]
    fn captures_chapters_and_keeps_their_titles_out_of_the_text() {
        let text = "# Night Desk 212\n\nOpening remarks 00:00\n\nGood evening. We begin in Geneva.\n\nIt was a long day.\n\nThe Geneva round (12:30)\nDelegates met at 9:30 and\nWe land at 10:05\n\nWe land at 0:05\n";
        let t = parse(text);
        assert_eq!(t.title.as_deref(), Some("Night Desk 212"));
        let chapters: Vec<_> = t
            .chapters
            .iter()
            .map(|c| (c.title.as_str(), c.start_ms))
            .collect();
        assert_eq!(
            chapters,
            vec![("Opening remarks", 0), ("The Geneva round", 750_000)]
        );
        assert_eq!(
            cues(&t),
            vec![
                (
                    Some(0),
                    Some(750_000),
                    "Good evening. We begin in Geneva.\nIt was a long day."
                ),
                (
                    Some(750_000),
                    None,
                    "Delegates met at 9:30 and\nWe land at 10:05\nWe land at 0:05"
                ),
            ]
        );
        assert_eq!(t.segments[1].line, Some(9));
    }

    #[test]
    fn malformed_and_backwards_stamps_warn_and_keep_text() {
        let t = parse("[00:00:09] One. [00:61:00] two. [00:00:03] Three.\n");
        assert_eq!(
            cues(&t),
            vec![
                (Some(9000), None, "One. [00:61:00] two."),
                (Some(3000), None, "Three."),
            ]
        );
        let kinds: Vec<_> = t.warnings.iter().map(|w| (w.kind, w.line)).collect();
        assert_eq!(
            kinds,
            vec![
                (WarningKind::Timestamp, Some(1)),
                (WarningKind::Timestamp, Some(1))
            ]
        );
    }

    #[test]
    fn refuses_text_without_stamps() {
        assert!(InlineStamps.parse("Nothing timed here.\n").is_err());
    }

    #[test]
    fn sniffs_punctuated_stamped_text_above_captions_and_other_layouts_not() {
        let doc = "[00:00:05] Good evening, and welcome to the programme. [00:00:09] Tonight we go to Geneva.\n[00:00:15] The talks there resumed on Monday, after a pause of two weeks.\n";
        assert!(InlineStamps.sniff(doc) > 0.75);
        let caps = "0:00\nso today we talk about the talks in geneva\nand what the envoy said\n0:04\nand the minister was there too\nwhich nobody expected at all\n0:09\nbut there is more to say on that\n";
        assert!(InlineStamps.sniff(caps) < 0.75);
        let speakers =
            "Ana (00:00): Hi.\nBen (00:04): Hello there, Ana.\n(00:09): And more from me.\n";
        assert_eq!(InlineStamps.sniff(speakers), 0.0);
        let export = "Speaker 1  0:00\nHello there.\n\nSpeaker 2  0:05\nHi, how are you.\n\nSpeaker 1  0:09\nFine.\n";
        assert_eq!(InlineStamps.sniff(export), 0.0);
        let own = "Speaker 1 (0:00)\nHello there, good.\nSpeaker 2 (0:05)\nHi, how are you.\n\nSpeaker 1 (0:09)\nFine.\n";
        assert_eq!(InlineStamps.sniff(own), 0.0);
        let site = "Starting point is 00:00:00 Hello.\nStarting point is 00:00:05 More.\n";
        assert_eq!(InlineStamps.sniff(site), 0.0);
        assert_eq!(
            InlineStamps.sniff("Plain prose at 10:30 sharp. More prose.\n"),
            0.0
        );
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC*") {
            let _ = InlineStamps.parse(&s);
            let _ = InlineStamps.sniff(&s);
        }

        #[test]
        fn never_panics_on_near_misses(s in "[A-Za-z \\[\\](0-9:)\n.,-]{0,200}") {
            let _ = InlineStamps.parse(&s);
            let _ = InlineStamps.sniff(&s);
        }

        #[test]
        fn round_trips_generated_stamped_paragraphs(
            cues in prop::collection::vec((0..4000u64, "[a-z]{1,8}( [a-z,]{1,8}){0,9}[.?!]", 0..4usize), 1..14),
        ) {
            let mut src = String::new();
            let mut ms = 0;
            let mut want = Vec::new();
            for (step, text, style) in &cues {
                ms += step * 1000;
                let c = earshot_model::format_clock(ms);
                match style {
                    0 => src.push_str(&format!("[{c}] {text} ")),
                    1 => src.push_str(&format!("\n({c}) {text}\n")),
                    2 => src.push_str(&format!("\n{c}\n{text}\n")),
                    _ => src.push_str(&format!("\n{c} {text}\n")),
                }
                want.push((Some(ms), text.as_str()));
            }
            let t = parse(&src);
            let got: Vec<_> = t.segments.iter().map(|s| (s.start_ms, s.text.as_str())).collect();
            prop_assert_eq!(got, want);
        }
    }
}
