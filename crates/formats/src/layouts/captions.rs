//! Auto-caption dumps: lower-case, unpunctuated text, one caption line after another, with or
//! without stamps (on their own lines or leading the caption). The text stage restores sentence
//! boundaries ([`earshot_model::Hints::unpunctuated`]).

use super::sniff_window;
use crate::lines::numbered;
use crate::{stamps, FormatError, Layout, Segment, Transcript};

/// See the module documentation.
pub struct Captions;

impl Layout for Captions {
    fn id(&self) -> &'static str {
        "captions"
    }

    fn describe(&self) -> &'static str {
        "auto-caption dump: lower-case, unpunctuated caption lines, with or without stamps"
    }

    fn sniff(&self, text: &str) -> f32 {
        let w = sniff_window(text);
        let (mut letters, mut upper, mut stops, mut words) = (0usize, 0usize, 0usize, 0usize);
        for line in w.lines() {
            // Only lines that open with a digit or bracket can carry a stamp.
            let body = if line
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit() || c == '[' || c == '(')
            {
                if stamps::stamp_line(line).is_some() {
                    continue;
                }
                stamps::leading_stamp(line).map_or(line, |(_, rest)| rest)
            } else {
                line
            };
            words += body.split_ascii_whitespace().count();
            for &b in body.as_bytes() {
                match b {
                    b'a'..=b'z' => letters += 1,
                    b'A'..=b'Z' => {
                        letters += 1;
                        upper += 1;
                    }
                    b'.' | b'?' | b'!' => stops += 1,
                    _ => {}
                }
            }
            // Punctuated, capitalised prose shows itself within a few hundred letters.
            if letters > 600 && (upper * 50 > letters || stops * 50 > words) {
                return 0.0;
            }
        }
        if words < 30 || letters == 0 {
            return 0.0;
        }
        // Speech recognisers that punctuate give a full stop every 10 to 20 words and a capital
        // at least as often; captions give neither ("I" and names aside).
        let upper_ratio = upper as f32 / letters as f32;
        let stop_ratio = stops as f32 / words as f32;
        if upper_ratio < 0.01 && stop_ratio < 0.01 {
            0.75
        } else if upper_ratio < 0.02 && stop_ratio < 0.02 {
            0.5
        } else {
            0.0
        }
    }

    fn parse(&self, text: &str) -> Result<Vec<Transcript>, FormatError> {
        let mut t = Transcript::new(self.id());
        t.hints.unpunctuated = true;
        let mut current: Option<Segment> = None;
        let mut pending_stamp: Option<(u64, usize)> = None;
        for line in numbered(text) {
            let body = line.text.trim();
            if body.is_empty() {
                continue;
            }
            if let Some(ms) = stamps::stamp_line(body) {
                pending_stamp = Some((ms, line.no));
                continue;
            }
            let (stamp, body) = match stamps::leading_stamp(body) {
                Some((ms, rest)) => (Some((ms, line.no)), rest),
                None => (pending_stamp.take(), body),
            };
            match (stamp, current.as_mut()) {
                (None, Some(seg)) => {
                    seg.text.push('\n');
                    seg.text.push_str(body);
                }
                (stamp, _) => {
                    if let Some(seg) = current.take() {
                        t.segments.push(seg);
                    }
                    let seg = match stamp {
                        Some((ms, _)) => Segment::timed(ms, None, body),
                        None => Segment::text(body),
                    };
                    current = Some(seg.at_line(stamp.map_or(line.no, |(_, l)| l)));
                }
            }
        }
        t.segments.extend(current);
        super::set_ends(&mut t.segments);
        Ok(vec![t])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DUMP: &str = "so today we are going to talk about the talks in geneva\nand what the envoy said after\nthe meeting with the foreign minister\nwhich was not much to be honest\nbut there is a lot to go through\nlet us start with the ceasefire\nbecause that is what everybody wants to know about\n";

    #[test]
    fn detects_unpunctuated_lower_case_text() {
        assert!(Captions.sniff(DUMP) >= 0.75);
        assert_eq!(
            Captions.sniff("So today, we talk. About the talks in Geneva. And more."),
            0.0
        );
    }

    #[test]
    fn stamps_on_their_own_lines_start_segments() {
        let text = "0:00\nso today we talk\nabout geneva\n0:04\nand the envoy\n";
        let t = Captions.parse(text).unwrap().remove(0);
        assert_eq!(t.segments.len(), 2);
        assert_eq!(t.segments[0].start_ms, Some(0));
        assert_eq!(t.segments[0].end_ms, Some(4000));
        assert_eq!(t.segments[0].text, "so today we talk\nabout geneva");
        assert!(t.hints.unpunctuated);
    }
}
