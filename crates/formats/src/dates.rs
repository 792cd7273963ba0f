//! Dates and durations as transcript pages and feeds write them.

use earshot_model::NaiveDate;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A month name or its three-letter (or "Sept") abbreviation, case-insensitive.
fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    if w == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| *m == w || (w.len() == 3 && m.starts_with(&w)))
        .map(|i| i as u32 + 1)
}

/// Splits off the leading run of ASCII digits.
fn digits(s: &str) -> (&str, &str) {
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    s.split_at(n)
}

/// Splits off the leading run of ASCII letters (and a trailing dot).
fn word(s: &str) -> (&str, &str) {
    let mut n = s.bytes().take_while(u8::is_ascii_alphabetic).count();
    if s[n..].starts_with('.') {
        n += 1;
    }
    s.split_at(n)
}

/// Reads a date at the start of `s` and returns it with the bytes it took, so a date glued to
/// the text after it ("December 1, 2025Bizarre negotiations") can be split off.
///
/// Forms: `February 8, 2026`, `Feb 8 2026`, `8 February 2026`, `25 May, 2024`, `2026-02-08`,
/// and RFC 2822 as feeds write it (`Sun, 08 Feb 2026 10:00:00 +0000`, the time ignored).
pub fn date_prefix(s: &str) -> Option<(NaiveDate, usize)> {
    let orig = s.len();
    let s = s.trim_start();
    // Optional weekday: "Sun, " or "Sunday, ".
    let (w, rest) = word(s);
    let s = if !w.is_empty() && month(w).is_none() && rest.starts_with(',') {
        rest[1..].trim_start()
    } else {
        s
    };
    let consumed = |rest: &str| orig - rest.len();
    // ISO: 2026-02-08
    let (y, rest) = digits(s);
    if let Some(rest) = rest.strip_prefix('-').filter(|_| y.len() == 4) {
        let (m, rest2) = digits(rest);
        if let Some(rest2) = rest2.strip_prefix('-') {
            let (d, rest3) = digits(rest2);
            let date = NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)?;
            return Some((date, consumed(rest3)));
        }
        return None;
    }
    // 8 February 2026
    if !y.is_empty() && y.len() <= 2 {
        let (m, rest2) = word(rest.trim_start());
        let m = month(m)?;
        let rest2 = rest2.trim_start_matches(',').trim_start();
        let (year, rest3) = digits(rest2);
        if year.len() != 4 {
            return None;
        }
        let date = NaiveDate::from_ymd_opt(year.parse().ok()?, m, y.parse().ok()?)?;
        return Some((date, consumed(rest3)));
    }
    // February 8, 2026
    let (m, rest) = word(s);
    let m = month(m)?;
    let (d, rest) = digits(rest.trim_start());
    if d.is_empty() || d.len() > 2 {
        return None;
    }
    let rest = rest.trim_start_matches([',', ' ']);
    // "8th" is not handled on purpose: these pages do not write it.
    let (year, rest) = digits(rest);
    if year.len() != 4 {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(year.parse().ok()?, m, d.parse().ok()?)?;
    Some((date, consumed(rest)))
}

/// Reads a whole string as a date (surrounding white space and a trailing time allowed).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let (date, n) = date_prefix(s)?;
    let rest = s[n..].trim();
    // After the date only a time of day or zone may follow (RFC 2822, ISO "T10:00:00Z").
    let ok = rest.is_empty()
        || rest.starts_with('T')
        || rest
            .bytes()
            .all(|b| b.is_ascii_digit() || b" :+-.ZGMTUCESPDT".contains(&b));
    ok.then_some(date)
}

/// Reads a duration: `24m`, `1h 5m`, `1h05m30s`, `45 min`, `1:05:00`, `PT1H5M`, or plain
/// seconds (`3600`), into seconds.
pub fn parse_duration(s: &str) -> Option<u64> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if s.contains(':') {
        return earshot_model::parse_clock(s).map(|ms| ms / 1000);
    }
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().ok();
    }
    let s = s.strip_prefix("PT").unwrap_or(s).to_ascii_lowercase();
    let mut total = 0u64;
    let mut rest = s.as_str();
    let mut any = false;
    while !rest.is_empty() {
        rest = rest.trim_start();
        let (n, r) = digits(rest);
        if n.is_empty() {
            return None;
        }
        let n: u64 = n.parse().ok()?;
        let r = r.trim_start();
        let (unit, r) = word(r);
        let mult = match unit.trim_end_matches('.') {
            "h" | "hr" | "hrs" | "hour" | "hours" => 3600,
            "m" | "min" | "mins" | "minute" | "minutes" => 60,
            "s" | "sec" | "secs" | "second" | "seconds" => 1,
            _ => return None,
        };
        total += n * mult;
        any = true;
        rest = r.trim_start_matches(',');
    }
    any.then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn reads_the_usual_date_forms() {
        assert_eq!(parse_date("February 8, 2026"), Some(d(2026, 2, 8)));
        assert_eq!(parse_date("Feb 8 2026"), Some(d(2026, 2, 8)));
        assert_eq!(parse_date("25 May 2024"), Some(d(2024, 5, 25)));
        assert_eq!(parse_date("2026-02-08"), Some(d(2026, 2, 8)));
        assert_eq!(parse_date("2026-02-08T10:00:00Z"), Some(d(2026, 2, 8)));
        assert_eq!(
            parse_date("Sun, 08 Feb 2026 10:00:00 +0000"),
            Some(d(2026, 2, 8))
        );
        assert_eq!(parse_date("Sept. 3, 2025"), Some(d(2025, 9, 3)));
        assert_eq!(parse_date("February 30, 2026"), None);
        assert_eq!(parse_date("Mayday 2026"), None);
        assert_eq!(parse_date("the 8th"), None);
    }

    #[test]
    fn splits_a_date_glued_to_a_title() {
        let s = "December 1, 2025Bizarre talks";
        let (date, n) = date_prefix(s).unwrap();
        assert_eq!(date, d(2025, 12, 1));
        assert_eq!(&s[n..], "Bizarre talks");
    }

    #[test]
    fn reads_durations() {
        assert_eq!(parse_duration("24m"), Some(1440));
        assert_eq!(parse_duration("1h 5m"), Some(3900));
        assert_eq!(parse_duration("1h05m30s"), Some(3930));
        assert_eq!(parse_duration("45 min"), Some(2700));
        assert_eq!(parse_duration("1:05:00"), Some(3900));
        assert_eq!(parse_duration("PT1H5M"), Some(3900));
        assert_eq!(parse_duration("3600"), Some(3600));
        assert_eq!(parse_duration("soon"), None);
        assert_eq!(parse_duration(""), None);
    }
}
