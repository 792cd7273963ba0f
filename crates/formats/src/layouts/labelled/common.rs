//! What the labelled layouts and the inline-stamp layout share: the header above the body, a
//! builder that turns labelled lines into segments, and small checks on names and stamps.

use crate::layouts::plain::header_line;
use crate::layouts::set_ends;
use crate::lines::Line;
use crate::{chrome, stamps, Segment, Transcript, WarningKind};

/// Reads the header block (`Title:`, `Date:`, `# Title`, page chrome) above the body into `t`
/// and returns the index of the first body line.
pub(in crate::layouts) fn read_header(lines: &[Line], t: &mut Transcript) -> usize {
    for (i, line) in lines.iter().enumerate() {
        let text = line.text.trim();
        if text.is_empty() || header_line(text, t) {
            continue;
        }
        if chrome::is_chrome_line(text) {
            warn_chrome(t, line.no, text);
            continue;
        }
        return i;
    }
    lines.len()
}

/// Records a removed chrome line.
pub(in crate::layouts) fn warn_chrome(t: &mut Transcript, line: usize, text: &str) {
    t.warn(
        WarningKind::Chrome,
        Some(line),
        format!("removed page chrome: {text}"),
    );
}

/// A stamp as a layout found it: readable, or shaped like a stamp but not a valid time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::layouts) enum Clock {
    Ok(u64),
    Bad,
}

/// Text made only of digits, colons and a fraction separator, with at least one colon and
/// one digit: what a stamp looks like, whether or not it is a valid time ("1:75").
pub(in crate::layouts) fn stampish(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b.len() <= 16
        && b.contains(&b':')
        && b.first().is_some_and(u8::is_ascii_digit)
        && b.iter()
            .all(|c| c.is_ascii_digit() || matches!(c, b':' | b'.' | b','))
}

/// Reads stamp-shaped text; `None` when it does not look like a stamp at all. A digit-led
/// token with a colon and stray letters ("00:7x") is a damaged stamp, not a name or a word.
pub(in crate::layouts) fn clock_of(s: &str) -> Option<Clock> {
    if stampish(s) {
        return Some(stamps::parse_clock(s).map_or(Clock::Bad, Clock::Ok));
    }
    let b = s.as_bytes();
    let damaged = b.len() <= 16
        && b.first().is_some_and(u8::is_ascii_digit)
        && b.contains(&b':')
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b':' | b'.' | b','));
    damaged.then_some(Clock::Bad)
}

/// A plausible speaker name in a label: short, starting with a capital (or a letter of a
/// script without case), free of the punctuation that marks a sentence or markup.
pub(in crate::layouts) fn name_ok(name: &str) -> bool {
    let Some(first) = name.chars().next() else {
        return false;
    };
    name.len() <= 48
        && first.is_alphabetic()
        && !first.is_lowercase()
        && name.split_whitespace().count() <= 6
        && !name.contains([':', '[', ']', '(', ')', '"', '*'])
        && !name.ends_with(['.', ',', ';', '!', '?', '-'])
}

/// Counts how often each label occurs, for sniffers: a speaker recurs, a heading does not.
#[derive(Default)]
pub(in crate::layouts) struct Tally<'a> {
    seen: Vec<(&'a str, u32)>,
}

impl<'a> Tally<'a> {
    /// Counts one occurrence (at most 64 distinct labels are tracked).
    pub fn add(&mut self, label: &'a str) {
        if let Some((_, n)) = self.seen.iter_mut().find(|(l, _)| *l == label) {
            *n += 1;
        } else if self.seen.len() < 64 {
            self.seen.push((label, 1));
        }
    }

    /// True when some label occurred at least twice.
    pub fn repeats(&self) -> bool {
        self.seen.iter().any(|&(_, n)| n >= 2)
    }
}

/// Builds segments from a layout's lines: a labelled line opens a segment, other lines add
/// to it. Checks that stamps run forwards and fills in end times when done.
pub(in crate::layouts) struct Turns {
    pub t: Transcript,
    cur: Option<Segment>,
    last_ms: Option<u64>,
    /// Lines that carried the layout's signature (labels, stamps, chapter titles).
    pub found: usize,
    /// Text met before the first label cannot be attributed: warn about it.
    pub warn_unplaced: bool,
}

impl Turns {
    /// A builder filling `t` (whose header may already be read).
    pub fn new(t: Transcript) -> Self {
        Turns {
            t,
            cur: None,
            last_ms: None,
            found: 0,
            warn_unplaced: false,
        }
    }

    /// Closes the current segment and opens a new one at `line`.
    pub fn open(&mut self, start: Option<u64>, speaker: Option<String>, line: usize) {
        self.close();
        if let Some(ms) = start {
            if self.last_ms.is_some_and(|last| ms < last) {
                self.t.warn(
                    WarningKind::Timestamp,
                    Some(line),
                    format!(
                        "stamp {} goes backwards: kept as given",
                        earshot_model::format_clock(ms)
                    ),
                );
            }
            self.last_ms = Some(ms);
        }
        let seg = match start {
            Some(ms) => Segment::timed(ms, None, String::new()),
            None => Segment::default(),
        };
        self.cur = Some(seg.with_speaker(speaker).at_line(line));
    }

    /// Adds a line of text to the current segment (a new unlabelled one if none is open).
    pub fn add(&mut self, text: &str, line: usize) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        match self.cur.as_mut() {
            Some(seg) => {
                if !seg.text.is_empty() {
                    seg.text.push('\n');
                }
                seg.text.push_str(text);
            }
            None => {
                if self.warn_unplaced {
                    self.t.warn(
                        WarningKind::Unplaced,
                        Some(line),
                        "text before the first speaker label: kept without a speaker",
                    );
                }
                self.cur = Some(Segment::text(text).at_line(line));
            }
        }
    }

    /// True when a segment is open.
    pub fn is_open(&self) -> bool {
        self.cur.is_some()
    }

    /// The speaker of the open segment, or of the last closed one.
    pub fn speaker(&self) -> Option<String> {
        self.cur
            .as_ref()
            .or(self.t.segments.last())
            .and_then(|s| s.speaker.clone())
    }

    /// The last stamp seen.
    pub fn last_ms(&self) -> Option<u64> {
        self.last_ms
    }

    fn close(&mut self) {
        if let Some(seg) = self.cur.take() {
            self.t.segments.push(seg);
        }
    }

    /// Closes the last segment, sets end times, and drops segments left without text (a
    /// label with nothing after it): their start still bounds the segment before.
    pub fn finish(mut self) -> Transcript {
        self.close();
        set_ends(&mut self.t.segments);
        self.t.segments.retain(|s| !s.text.is_empty());
        self.t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamp_shapes() {
        assert!(stampish("00:01"));
        assert!(stampish("1:75"));
        assert!(!stampish("12"));
        assert!(!stampish("Music"));
        assert!(!stampish(":12"));
        assert_eq!(clock_of("1:05"), Some(Clock::Ok(65_000)));
        assert_eq!(clock_of("1:75"), Some(Clock::Bad));
        assert_eq!(clock_of("00:7x"), Some(Clock::Bad));
        assert_eq!(clock_of("Jane"), None);
        assert_eq!(clock_of("2026"), None);
    }

    #[test]
    fn names() {
        assert!(name_ok("Jane Doe"));
        assert!(name_ok("Speaker 1"));
        assert!(name_ok("Dr. Amal Haddad"));
        assert!(!name_ok("and then we"));
        assert!(!name_ok("It ended."));
        assert!(!name_ok(""));
    }

    #[test]
    fn builder_warns_on_backwards_stamps_and_sets_ends() {
        let mut b = Turns::new(Transcript::new("x"));
        b.open(Some(5000), Some("A".into()), 1);
        b.add("one", 1);
        b.open(Some(2000), Some("B".into()), 2);
        b.add("two", 2);
        b.open(Some(9000), None, 3);
        let t = b.finish();
        assert_eq!(t.segments.len(), 2);
        assert_eq!(t.segments[0].end_ms, None);
        assert_eq!(t.segments[1].end_ms, Some(9000));
        assert_eq!(t.warnings.len(), 1);
        assert_eq!(t.warnings[0].kind, WarningKind::Timestamp);
    }
}
