//! Timestamps as transcripts write them in running text: `00:00:05`, `0:05`, `[00:00:05]`,
//! `(0:00)`, `[00:00:05.120]`, at the start of a line or inside a paragraph.

pub use earshot_model::parse_clock;

/// A stamp found in text: its time and the byte range it occupies (brackets included).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub ms: u64,
    pub start: usize,
    pub end: usize,
}

/// Reads a bare clock (`H:MM:SS`, `MM:SS`, with optional fraction) at the start of `s`, and
/// returns it with the number of bytes it took. At least one colon is required, so plain
/// numbers are never stamps.
pub fn clock_prefix(s: &str) -> Option<(u64, usize)> {
    let b = s.as_bytes();
    let mut i = 0;
    let mut colons = 0;
    while i < b.len()
        && (b[i].is_ascii_digit() || (b[i] == b':' && i > 0 && b[i - 1].is_ascii_digit()))
    {
        colons += usize::from(b[i] == b':');
        i += 1;
    }
    if colons == 0 || colons > 2 || b[i - 1] == b':' {
        return None;
    }
    // An optional fraction: ".123" or ",123".
    if i + 1 < b.len() && matches!(b[i], b'.' | b',') && b[i + 1].is_ascii_digit() {
        let mut j = i + 1;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        i = j;
    }
    // A clock glued to a following word character is not a clock ("12:30pm" is fine to skip).
    if i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b':') {
        return None;
    }
    parse_clock(&s[..i]).map(|ms| (ms, i))
}

/// Reads a stamp at the start of `s`: a bare clock, or one in `[...]` or `(...)`.
pub fn stamp_prefix(s: &str) -> Option<(u64, usize)> {
    let (open, close) = match s.as_bytes().first()? {
        b'[' => (1, b']'),
        b'(' => (1, b')'),
        _ => return clock_prefix(s),
    };
    let (ms, n) = clock_prefix(&s[open..])?;
    (s.as_bytes().get(open + n) == Some(&close)).then_some((ms, open + n + 1))
}

/// A line that is nothing but a stamp (`0:00`, `[00:01:05]`, `(1:02:03)`).
pub fn stamp_line(line: &str) -> Option<u64> {
    let t = line.trim();
    stamp_prefix(t)
        .filter(|&(_, n)| n == t.len())
        .map(|(ms, _)| ms)
}

/// A line that begins with a stamp: its time and the rest of the line, trimmed.
pub fn leading_stamp(line: &str) -> Option<(u64, &str)> {
    let t = line.trim_start();
    let (ms, n) = stamp_prefix(t)?;
    let rest = &t[n..];
    if !rest.is_empty() && !rest.starts_with([' ', '\t', '-', '–']) {
        return None;
    }
    Some((ms, rest.trim_start_matches([' ', '\t', '-', '–'])))
}

/// Every bracketed stamp (`[..]` or `(..)`) inside a piece of text, in order.
pub fn bracketed_stamps(text: &str) -> Vec<Stamp> {
    let mut out = Vec::new();
    for (i, c) in text.char_indices() {
        if c == '[' || c == '(' {
            if let Some((ms, n)) = stamp_prefix(&text[i..]) {
                out.push(Stamp {
                    ms,
                    start: i,
                    end: i + n,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_stamps_in_their_usual_dress() {
        assert_eq!(stamp_prefix("[00:00:05] hi"), Some((5000, 10)));
        assert_eq!(stamp_prefix("(0:00) hi"), Some((0, 6)));
        assert_eq!(stamp_prefix("1:02:03 hi"), Some((3_723_000, 7)));
        assert_eq!(stamp_prefix("12:30pm"), None);
        assert_eq!(stamp_prefix("2026"), None);
        assert_eq!(stamp_prefix("[00:00:05 hi"), None);
        assert_eq!(stamp_line("  0:04 "), Some(4000));
        assert_eq!(stamp_line("0:04 so"), None);
        assert_eq!(leading_stamp("(0:04) so it"), Some((4000, "so it")));
        assert_eq!(leading_stamp("0:04 - so it"), Some((4000, "so it")));
    }

    #[test]
    fn finds_bracketed_stamps_inside_paragraphs() {
        let s = bracketed_stamps("[00:00:05] one [00:00:07] two (3) (0:09) three");
        let ms: Vec<u64> = s.iter().map(|s| s.ms).collect();
        assert_eq!(ms, vec![5000, 7000, 9000]);
    }
}
