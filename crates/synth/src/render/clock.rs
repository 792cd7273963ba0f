//! The ways layouts write times and dates.

use chrono::{Datelike, NaiveDate, Weekday};

use crate::vocab::MONTHS;

/// `HH:MM:SS`.
pub fn hms(ms: u64) -> String {
    earshot_model::format_clock(ms)
}

/// `HH:MM:SS` and milliseconds after `sep` (`,` in SubRip, `.` in WebVTT and whisper.cpp).
pub fn hms_millis(ms: u64, sep: char) -> String {
    format!("{}{sep}{:03}", hms(ms), ms % 1000)
}

/// `M:SS`, or `H:MM:SS` from the first hour on (caption and export tools).
pub fn short(ms: u64) -> String {
    let s = ms / 1000;
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{}:{:02}", s / 60, s % 60)
    }
}

/// `MM:SS`, or `HH:MM:SS` from the first hour on (transcription services).
pub fn padded(ms: u64) -> String {
    let s = ms / 1000;
    if s >= 3600 {
        hms(ms)
    } else {
        format!("{:02}:{:02}", s / 60, s % 60)
    }
}

/// Seconds with `places` decimals, as JSON layouts write them.
pub fn seconds(ms: u64, places: u32) -> f64 {
    let unit = 10u64.pow(3 - places);
    let q = (ms + unit / 2) / unit;
    q as f64 / 10u64.pow(places) as f64
}

/// "March 14, 2026".
pub fn us_date(d: NaiveDate) -> String {
    format!("{} {}, {}", month(d), d.day(), d.year())
}

/// "14 March 2026".
pub fn day_month_year(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), month(d), d.year())
}

/// "Sat, 14 Mar 2026 06:00:00 GMT" (RFC 2822, as feeds date items).
pub fn rfc2822(d: NaiveDate, hour: u32) -> String {
    let day = match d.weekday() {
        Weekday::Mon => "Mon",
        Weekday::Tue => "Tue",
        Weekday::Wed => "Wed",
        Weekday::Thu => "Thu",
        Weekday::Fri => "Fri",
        Weekday::Sat => "Sat",
        Weekday::Sun => "Sun",
    };
    format!(
        "{day}, {:02} {} {} {hour:02}:00:00 GMT",
        d.day(),
        &month(d)[..3],
        d.year()
    )
}

/// A duration as archive pages write it: "24m", "1h 5m".
pub fn hours_minutes(secs: u64) -> String {
    let m = (secs + 30) / 60;
    if m >= 60 {
        format!("{}h {}m", m / 60, m % 60)
    } else {
        format!("{m}m")
    }
}

fn month(d: NaiveDate) -> &'static str {
    MONTHS[d.month0() as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(hms_millis(3_723_045, ','), "01:02:03,045");
        assert_eq!(short(65_000), "1:05");
        assert_eq!(short(3_723_000), "1:02:03");
        assert_eq!(padded(65_000), "01:05");
        assert_eq!(seconds(4_236, 2), 4.24);
        assert_eq!(hours_minutes(3900), "1h 5m");
        let d = NaiveDate::from_ymd_opt(2026, 3, 14).unwrap();
        assert_eq!(us_date(d), "March 14, 2026");
        assert_eq!(rfc2822(d, 6), "Sat, 14 Mar 2026 06:00:00 GMT");
    }
}
