//! Clock stamps: `H:MM:SS`, `MM:SS`, `HH:MM:SS.mmm` and `HH:MM:SS,mmm`.

/// Reads a clock stamp into milliseconds.
///
/// Accepts one to three colon-separated fields (`SS`, `MM:SS`, `H:MM:SS`), minutes and seconds
/// below 60 when a larger field precedes them, and an optional fraction after `.` or `,`.
/// Returns `None` for anything else, so callers can keep the text as text.
pub fn parse_clock(s: &str) -> Option<u64> {
    let s = s.trim();
    let (clock, frac) = match s.find(['.', ',']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let mut fields = [0u64; 3];
    let mut n = 0;
    for part in clock.split(':') {
        if n == 3 || part.is_empty() || part.len() > 3 || !part.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        fields[n] = part.parse().ok()?;
        n += 1;
    }
    let (h, m, sec) = match n {
        1 => (0, 0, fields[0]),
        2 => (0, fields[0], fields[1]),
        3 => (fields[0], fields[1], fields[2]),
        _ => return None,
    };
    if n >= 2 && sec >= 60 || n == 3 && m >= 60 {
        return None;
    }
    let ms = match frac {
        None => 0,
        Some(f) if !f.is_empty() && f.len() <= 9 && f.bytes().all(|b| b.is_ascii_digit()) => {
            // Scale to three digits: ".5" is 500 ms, ".123456" is 123 ms.
            let digits: String = f.chars().chain("000".chars()).take(3).collect();
            digits.parse().ok()?
        }
        Some(_) => return None,
    };
    Some(((h * 60 + m) * 60 + sec) * 1000 + ms)
}

/// Formats milliseconds as `HH:MM:SS`.
pub fn format_clock(ms: u64) -> String {
    let s = ms / 1000;
    format!("{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_common_stamps() {
        assert_eq!(parse_clock("00:00:54"), Some(54_000));
        assert_eq!(parse_clock("1:02:03"), Some(3_723_000));
        assert_eq!(parse_clock("12:05"), Some(725_000));
        assert_eq!(parse_clock("00:00:05,250"), Some(5_250));
        assert_eq!(parse_clock("0:00:05.5"), Some(5_500));
        assert_eq!(parse_clock("90"), Some(90_000));
    }

    #[test]
    fn refuses_malformed_stamps() {
        for s in [
            "",
            "1:61",
            "1:60:00",
            "a:00",
            "1::2",
            "1:2:3:4",
            "00:00:05.x",
            "-1:00",
        ] {
            assert_eq!(parse_clock(s), None, "{s}");
        }
    }

    #[test]
    fn formats_round_trip() {
        assert_eq!(format_clock(3_723_999), "01:02:03");
        assert_eq!(parse_clock(&format_clock(1_800_000)), Some(1_800_000));
    }
}
