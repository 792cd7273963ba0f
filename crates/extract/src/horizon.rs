//! Horizons of forecasts: the phrase in a sentence that says when something will happen
//! ("within the next few weeks", "by the summer", "next year", "in 2027") and the due date it
//! implies, counted from the episode's date. Groundwork for the predictions stage.
//!
//! The mapping, documented for users (a range's end is the due date; a forecast is due when
//! its window has closed):
//!
//! | phrase | due |
//! |---|---|
//! | tomorrow | +1 day |
//! | in the coming days, in the next few days, in a few days | +7 days |
//! | this week / next week | end of this week (+7 days) / end of next week (+14 days) |
//! | very soon, any day now, imminently | +14 days |
//! | soon, shortly | +30 days |
//! | in a week or two, in a couple of weeks | +14 days |
//! | within (the next) few weeks, in the coming weeks, in a few weeks | +28 days |
//! | in a month or two, in a couple of months | +60 days |
//! | in the coming months, in a few months, within months | +90 days |
//! | in the next couple of days / weeks / months | +3 / +14 / +60 days |
//! | within / in (the next) N days, weeks, months, years | +N of that unit |
//! | a year plus, more than a year, over a year | +1 year |
//! | this month / next month, by / at the end of the month, later this month | last day of this / next month |
//! | by / before MONTH | the first day of the next MONTH |
//! | in MONTH | the last day of the next MONTH |
//! | by the spring / summer / autumn (fall) / winter | its first day (20 Mar, 21 Jun, 22 Sep, 21 Dec) |
//! | this / next / through the / over the / by the end of the spring, summer, autumn, winter | its last day (31 May, 31 Aug, 30 Nov, end of Feb) |
//! | on / by / before April 12th, the twelfth of April | that day |
//! | on / by / before Wednesday, next Wednesday | the next Wednesday (a week later for "next") |
//! | by Christmas / by the new year | 25 Dec / 1 Jan next |
//! | this year, sometime this year, by the end of the year, by year's end | 31 Dec this year |
//! | next year | 31 Dec next year |
//! | in YEAR / by YEAR / by the end of YEAR | 31 Dec YEAR / 1 Jan YEAR / 31 Dec YEAR |
//! | early next year / by the end of next year | 31 Mar / 31 Dec next year |
//! | by the end of the decade | 31 Dec of the decade's last year |
//! | before / by the midterms | the next US midterm election day (Tuesday after the first Monday of November) |
//! | by the Fourth of July / by Thanksgiving | 4 Jul / 27 Nov |
//! | by the weekend, this weekend | +7 days |
//! | sooner or later, eventually, at some point, one day, in the long run | none |
//! | before the election, as long as he (or a name) remains in office, while she is in power | none (the date is not known from the text) |
//!
//! A season or month already past this year means next year's. Numbers may be words ("three
//! weeks") or digits.

use chrono::{Datelike, Days, Months, NaiveDate};

/// A horizon found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Horizon {
    /// Byte offsets of the phrase in the sentence.
    pub start: usize,
    pub end: usize,
    /// The date the forecast is due by; `None` for open-ended horizons ("sooner or later").
    pub due: Option<NaiveDate>,
}

/// The horizon of a sentence, if it states one, with its due date counted from `published`.
pub fn find(sentence: &str, published: NaiveDate) -> Option<Horizon> {
    let words = words(sentence);
    let lower: Vec<String> = words
        .iter()
        .map(|&(a, b)| sentence[a..b].to_lowercase())
        .collect();
    let w: Vec<&str> = lower.iter().map(String::as_str).collect();
    // Every horizon in the table names a unit of time or an event: a sentence without one has
    // none, and most sentences have none.
    if !w.iter().any(|x| is_time_word(x)) {
        return None;
    }
    for i in 0..w.len() {
        // "back in August", "since the summer", "earlier this year": the past.
        let past = match w[i] {
            "in" => i > 0 && matches!(w[i - 1], "back" | "way" | "earlier"),
            _ => i > 0 && matches!(w[i - 1], "since" | "earlier"),
        };
        if past {
            continue;
        }
        if let Some((n, due)) = match_at(&w, i, published) {
            return Some(Horizon {
                start: words[i].0,
                end: words[i + n - 1].1,
                due,
            });
        }
    }
    None
}

/// Words of which every horizon has at least one (a four-digit year counts).
fn is_time_word(word: &str) -> bool {
    MONTHS.contains(&word)
        || WEEKDAY_NAMES.contains(&word)
        || word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit())
        || matches!(
            word,
            "tomorrow"
                | "day"
                | "days"
                | "week"
                | "weeks"
                | "weekend"
                | "weekend's"
                | "month"
                | "months"
                | "year"
                | "years"
                | "year's"
                | "decade"
                | "soon"
                | "shortly"
                | "imminently"
                | "now"
                | "spring"
                | "summer"
                | "autumn"
                | "fall"
                | "winter"
                | "christmas"
                | "thanksgiving"
                | "midterms"
                | "midterm"
                | "eventually"
                | "later"
                | "point"
                | "run"
                | "term"
                | "election"
                | "office"
                | "power"
        )
}

/// Byte spans of the words (letters, digits and inner apostrophes or hyphens split off).
fn words(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        let inside = c.is_alphanumeric() || (c == '\'' && start.is_some());
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(a)) => {
                out.push((a, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(a) = start {
        out.push((a, s.len()));
    }
    out
}

/// Whether the words from `i` read `pattern` (space-separated; `|` separates alternatives of
/// one word).
fn reads(w: &[&str], i: usize, pattern: &str) -> Option<usize> {
    let mut n = 0;
    for part in pattern.split(' ') {
        let word = w.get(i + n)?;
        if !part.split('|').any(|alt| alt == *word) {
            return None;
        }
        n += 1;
    }
    Some(n)
}

fn plus_days(d: NaiveDate, n: u64) -> Option<NaiveDate> {
    d.checked_add_days(Days::new(n))
}

fn plus_months(d: NaiveDate, n: u32) -> Option<NaiveDate> {
    d.checked_add_months(Months::new(n))
}

fn end_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()
}

/// The next date (on or after `from`) with this month and day.
fn next_on_or_after(from: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    let this = NaiveDate::from_ymd_opt(from.year(), month, day)?;
    if this >= from {
        Some(this)
    } else {
        NaiveDate::from_ymd_opt(from.year() + 1, month, day)
    }
}

/// A due date from the episode's date.
type DueFrom = fn(NaiveDate) -> Option<NaiveDate>;

/// A season: its name, its first (month, day) and its last.
type Season = (&'static str, (u32, u32), (u32, u32));

/// The next US midterm elections after `d`: the Tuesday after the first Monday of November
/// in the next year that is even and not divisible by four.
fn us_midterms(d: NaiveDate) -> Option<NaiveDate> {
    let mut y = d.year();
    loop {
        if y % 2 == 0 && y % 4 != 0 {
            let nov1 = NaiveDate::from_ymd_opt(y, 11, 1)?;
            // Days to the first Monday, then one more.
            let to_monday = (7 - nov1.weekday().num_days_from_monday()) % 7;
            let day = nov1.checked_add_days(Days::new(u64::from(to_monday) + 1))?;
            if day >= d {
                return Some(day);
            }
        }
        y += 1;
    }
}

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

/// The days of the week, lower-case, Monday first.
pub(crate) const WEEKDAY_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Ordinal words up to the 31st, and their values.
const ORDINALS: [&str; 19] = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];

/// A day of the month: "12", "12th", "twelfth", "twenty first", "thirtieth"; with the words
/// it took.
fn day_number(w: &[&str], i: usize) -> Option<(u32, usize)> {
    let word = *w.get(i)?;
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    if !digits.is_empty() && matches!(&word[digits.len()..], "" | "st" | "nd" | "rd" | "th") {
        let n = digits.parse::<u32>().ok()?;
        return (1..=31).contains(&n).then_some((n, 1));
    }
    if let Some(p) = ORDINALS.iter().position(|o| *o == word) {
        return Some((p as u32 + 1, 1));
    }
    match word {
        "twentieth" => Some((20, 1)),
        "thirtieth" => Some((30, 1)),
        "twenty" | "thirty" => {
            let base = if word == "twenty" { 20 } else { 30 };
            let unit = ORDINALS[..9].iter().position(|o| Some(o) == w.get(i + 1))?;
            Some((base + unit as u32 + 1, 2))
        }
        _ => None,
    }
}

/// "on|by|before April twelfth", "by the 12th of April", "on the twenty-sixth of November":
/// that day (the next one on or after the episode's date).
fn day_of_month(w: &[&str], i: usize, d: NaiveDate) -> Option<(usize, Option<NaiveDate>)> {
    let k = reads(w, i, "on|by|before|until")?;
    let month_at = |j: usize| w.get(j).and_then(|m| MONTHS.iter().position(|x| x == m));
    // "April twelfth"
    if let Some(m) = month_at(i + k) {
        let (day, n) = day_number(w, i + k + 1)?;
        return Some((k + 1 + n, next_on_or_after(d, m as u32 + 1, day)));
    }
    // "the twelfth of April"
    let j = i + k + usize::from(w.get(i + k) == Some(&"the"));
    let (day, n) = day_number(w, j)?;
    if w.get(j + n) != Some(&"of") {
        return None;
    }
    let m = month_at(j + n + 1)?;
    Some((j + n + 2 - i, next_on_or_after(d, m as u32 + 1, day)))
}

/// A number in digits (below 1,000) or words (below 100, or "a"), with the words it took.
fn number(w: &[&str], i: usize) -> Option<(u64, usize)> {
    let word = *w.get(i)?;
    if let Ok(n) = word.parse::<u64>() {
        return (n < 1000).then_some((n, 1));
    }
    if word == "a" || word == "an" {
        return Some((1, 1));
    }
    crate::numbers::below_hundred(word, w.get(i + 1).copied()).map(|(n, k)| (u64::from(n), k))
}

/// The horizon starting at word `i`: the words it takes and its due date.
fn match_at(w: &[&str], i: usize, d: NaiveDate) -> Option<(usize, Option<NaiveDate>)> {
    // Open-ended: a horizon, but no date.
    for open in [
        "sooner or later",
        "at some point",
        "in the long run",
        "in the long term",
        "eventually",
        "one day",
        "before|by the election",
    ] {
        if let Some(n) = reads(w, i, open) {
            return Some((n, None));
        }
    }
    // "as long as he remains in office", "while Orban is in power": for a term of unknown end.
    if let Some(k) = reads(w, i, "as long as").or_else(|| reads(w, i, "while")) {
        for j in i + k + 1..(i + k + 4).min(w.len()) {
            if let Some(n) = reads(w, j, "remain|remains|stay|stays|is|are in office|power") {
                return Some((j + n - i, None));
            }
        }
    }
    let fixed: &[(&str, DueFrom)] = &[
        ("tomorrow", |d| plus_days(d, 1)),
        ("in|within|over the coming|next few days", |d| {
            plus_days(d, 7)
        }),
        ("in|within a few days", |d| plus_days(d, 7)),
        ("in|within a week or two", |d| plus_days(d, 14)),
        ("in|within a couple of weeks", |d| plus_days(d, 14)),
        ("in|within|over the next|coming couple of weeks", |d| {
            plus_days(d, 14)
        }),
        ("in|within|over the next|coming couple of months", |d| {
            plus_days(d, 60)
        }),
        ("in|within|over the next|coming couple of days", |d| {
            plus_days(d, 3)
        }),
        ("in|within a couple of days", |d| plus_days(d, 3)),
        ("at|by|before the end of the|this month", |d| {
            end_of_month(d.year(), d.month())
        }),
        ("later this month", |d| end_of_month(d.year(), d.month())),
        ("in|within|over the next|coming few weeks", |d| {
            plus_days(d, 28)
        }),
        ("in|within|over the coming|next weeks", |d| plus_days(d, 28)),
        ("in|within a few weeks", |d| plus_days(d, 28)),
        ("in|within a month or two", |d| plus_days(d, 60)),
        ("in|within a couple of months", |d| plus_days(d, 60)),
        ("in|within|over the coming|next few months", |d| {
            plus_days(d, 90)
        }),
        ("in|within|over the coming|next months", |d| {
            plus_days(d, 90)
        }),
        ("in|within a few months", |d| plus_days(d, 90)),
        ("within months", |d| plus_days(d, 90)),
        ("a year plus", |d| plus_months(d, 12)),
        ("more|over than a year", |d| plus_months(d, 12)),
        ("by|before the end of the|this month", |d| {
            end_of_month(d.year(), d.month())
        }),
        ("this month", |d| end_of_month(d.year(), d.month())),
        ("next month", |d| {
            let n = plus_months(d, 1)?;
            end_of_month(n.year(), n.month())
        }),
        ("next week", |d| plus_days(d, 14)),
        ("by|before christmas", |d| next_on_or_after(d, 12, 25)),
        ("by|before the new year", |d| {
            NaiveDate::from_ymd_opt(d.year() + 1, 1, 1)
        }),
        ("next year", |d| {
            NaiveDate::from_ymd_opt(d.year() + 1, 12, 31)
        }),
        ("any day now", |d| plus_days(d, 14)),
        ("by|before the midterms|midterm", us_midterms),
        ("by|before|at the midterms|midterm elections", us_midterms),
        ("by|before the fourth of july", |d| {
            next_on_or_after(d, 7, 4)
        }),
        ("by|before july fourth", |d| next_on_or_after(d, 7, 4)),
        ("by|before thanksgiving", |d| next_on_or_after(d, 11, 27)),
        ("early next year", |d| {
            NaiveDate::from_ymd_opt(d.year() + 1, 3, 31)
        }),
        ("by|before the end of next year", |d| {
            NaiveDate::from_ymd_opt(d.year() + 1, 12, 31)
        }),
        ("by|before the end of the decade", |d| {
            NaiveDate::from_ymd_opt(d.year() - d.year().rem_euclid(10) + 9, 12, 31)
        }),
        ("by|before the weekend|weekend's", |d| plus_days(d, 7)),
        ("this weekend", |d| plus_days(d, 7)),
    ];
    for &(pattern, due) in fixed {
        if let Some(n) = reads(w, i, pattern) {
            return Some((n, due(d)));
        }
    }
    // "very soon", "soon", "shortly", "imminently", "this week".
    match w[i] {
        "very" if w.get(i + 1) == Some(&"soon") => return Some((2, plus_days(d, 14))),
        "imminently" => return Some((1, plus_days(d, 14))),
        "soon" | "shortly" => return Some((1, plus_days(d, 30))),
        _ => {}
    }
    if let Some(n) = reads(w, i, "this week") {
        return Some((n, plus_days(d, 7)));
    }
    // The year: "this year", "sometime this year", "by the end of the year".
    let end_of_year = |y: i32| NaiveDate::from_ymd_opt(y, 12, 31);
    for pattern in [
        "sometime|some time this year",
        "by|before the end of the|this year",
        "by year's end",
        "this year",
    ] {
        if let Some(n) = reads(w, i, pattern) {
            return Some((n, end_of_year(d.year())));
        }
    }
    // "within (the next) N units", "in N units".
    if let Some(n0) = reads(w, i, "in|within") {
        let mut j = i + n0;
        if let Some(k) = reads(w, j, "the next") {
            j += k;
        }
        if let Some((count, k)) = number(w, j) {
            let unit = w.get(j + k).copied().unwrap_or("");
            let due = match unit.trim_end_matches('s') {
                "day" => plus_days(d, count),
                "week" => plus_days(d, count * 7),
                "month" => plus_months(d, count as u32),
                "year" => plus_months(d, count as u32 * 12),
                _ => None,
            };
            if due.is_some() && count > 0 {
                return Some((j + k + 1 - i, due));
            }
        }
    }
    // Years: "in 2027", "by 2027", "by the end of 2027".
    let year = |s: &str| s.parse::<i32>().ok().filter(|y| (1900..=2200).contains(y));
    if let Some(n) = reads(w, i, "by|before the end of") {
        if let Some(y) = w.get(i + n).and_then(|s| year(s)) {
            return Some((n + 1, end_of_year(y)));
        }
    }
    if let (Some(prep), Some(y)) = (w.get(i).copied(), w.get(i + 1).and_then(|s| year(s))) {
        match prep {
            "in" => return Some((2, end_of_year(y))),
            "by" | "before" => return Some((2, NaiveDate::from_ymd_opt(y, 1, 1))),
            _ => {}
        }
    }
    // Seasons: "by the summer" (its start), "this summer" (its end).
    const SEASONS: [Season; 5] = [
        ("spring", (3, 20), (5, 31)),
        ("summer", (6, 21), (8, 31)),
        ("autumn", (9, 22), (11, 30)),
        ("fall", (9, 22), (11, 30)),
        ("winter", (12, 21), (2, 28)),
    ];
    for (name, (sm, sd), (em, ed)) in SEASONS {
        // Every pattern below ends in the season's name within seven words: test for it
        // before building them.
        if !w[i..].iter().take(7).any(|x| *x == name) {
            continue;
        }
        if let Some(n) = reads(w, i, &format!("by|before the {name}"))
            .or_else(|| reads(w, i, &format!("by|before {name}")))
        {
            return Some((n, next_on_or_after(d, sm, sd)));
        }
        if let Some(n) = reads(w, i, &format!("this|next {name}"))
            .or_else(|| {
                reads(
                    w,
                    i,
                    &format!("through|throughout|over|during|in the {name}"),
                )
            })
            .or_else(|| reads(w, i, &format!("by|before|at the end of the {name}")))
        {
            let mut due = next_on_or_after(d, em, ed)?;
            if w[i] == "next" {
                due = due.with_year(due.year() + 1)?;
            }
            return Some((n, Some(due)));
        }
    }
    // Dates: "on April twelfth", "by the 12th of April", "before March 3".
    if let Some((n, due)) = day_of_month(w, i, d) {
        return Some((n, due));
    }
    // Weekdays: "on Wednesday", "by Friday": the next one after the episode's date.
    if let Some(k) = reads(w, i, "on|by|before|until|this|next") {
        if let Some(day) = w
            .get(i + k)
            .and_then(|x| WEEKDAY_NAMES.iter().position(|n| n == x))
        {
            let from = d.weekday().num_days_from_monday() as u64;
            let mut ahead = (day as u64 + 7 - from) % 7;
            if ahead == 0 || w[i] == "next" && ahead < 7 {
                ahead += if ahead == 0 {
                    7
                } else {
                    7 * u64::from(w[i] == "next")
                };
            }
            return Some((k + 1, plus_days(d, ahead)));
        }
    }
    // Months: "by January" (its first day), "in March" (its last day).
    let month = w
        .get(i + 1)
        .and_then(|m| MONTHS.iter().position(|x| x == m));
    if let Some(m) = month {
        let m = m as u32 + 1;
        match w[i] {
            "by" | "before" | "until" => return Some((2, next_on_or_after(d, m, 1))),
            // "may" is also a verb: only "in May" with a capital in the text counts, and the
            // text was lower-cased here, so leave it out.
            "in" if m != 5 => {
                let first = next_on_or_after(d, m, 1)?;
                return Some((2, end_of_month(first.year(), m)));
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn due(sentence: &str) -> Option<Option<String>> {
        find(sentence, day("2026-02-08")).map(|h| h.due.map(|d| d.to_string()))
    }

    fn phrase(sentence: &str) -> String {
        let h = find(sentence, day("2026-02-08")).unwrap();
        sentence[h.start..h.end].to_string()
    }

    #[test]
    fn relative_horizons_count_from_the_episode() {
        assert_eq!(
            due("I expect a deal within the next few weeks."),
            Some(Some("2026-03-08".into()))
        );
        assert_eq!(
            due("They will move in a month or two."),
            Some(Some("2026-04-09".into()))
        );
        assert_eq!(
            due("It happens very soon, believe me."),
            Some(Some("2026-02-22".into()))
        );
        assert_eq!(
            due("Within three weeks the front breaks."),
            Some(Some("2026-03-01".into()))
        );
        assert_eq!(
            due("in 6 months they'll regret it"),
            Some(Some("2026-08-08".into()))
        );
        assert_eq!(
            due("this is going to take a year plus"),
            Some(Some("2027-02-08".into()))
        );
    }

    #[test]
    fn calendar_horizons_land_on_their_dates() {
        assert_eq!(
            due("There will be a ceasefire by the summer."),
            Some(Some("2026-06-21".into()))
        );
        assert_eq!(
            due("Sometime this year he resigns."),
            Some(Some("2026-12-31".into()))
        );
        assert_eq!(
            due("By the end of the year it's over."),
            Some(Some("2026-12-31".into()))
        );
        assert_eq!(
            due("Next year they will try again."),
            Some(Some("2027-12-31".into()))
        );
        assert_eq!(
            due("In 2027 the elections come."),
            Some(Some("2027-12-31".into()))
        );
        assert_eq!(
            due("He'll be gone by January."),
            Some(Some("2027-01-01".into()))
        );
        assert_eq!(due("We'll know in March."), Some(Some("2026-03-31".into())));
        assert_eq!(
            due("by the end of the month"),
            Some(Some("2026-02-28".into()))
        );
    }

    #[test]
    fn open_ended_horizons_have_no_date_and_plain_sentences_no_horizon() {
        assert_eq!(
            due("Sooner or later the Europeans will have to pay."),
            Some(None)
        );
        assert_eq!(due("They will win the war."), None);
        assert_eq!(due("Maybe we'll see."), None);
    }

    #[test]
    fn the_phrase_is_located() {
        assert_eq!(
            phrase("I think within the next few weeks we see talks."),
            "within the next few weeks"
        );
        assert_eq!(phrase("Probably by the summer, yes."), "by the summer");
    }

    #[test]
    fn odd_text_does_not_panic() {
        for s in [
            "",
            "in",
            "within the next",
            "by the end of",
            "in 99999 years",
            "within 0 days",
            "é in é",
        ] {
            let _ = find(s, day("2026-02-08"));
            let _ = find(s, day("9999-12-31"));
        }
    }

    #[test]
    fn days_weekdays_terms_and_elections() {
        // 2026-02-08 is a Sunday.
        let d = |s: &str| Some(Some(s.to_string()));
        assert_eq!(due("They vote on April twelfth."), d("2026-04-12"));
        assert_eq!(due("It passes by the 3rd of March."), d("2026-03-03"));
        assert_eq!(
            due("Done before the twenty first of January."),
            d("2027-01-21")
        );
        assert_eq!(due("He walks out on Wednesday."), d("2026-02-11"));
        assert_eq!(due("He walks out next Wednesday."), d("2026-02-18"));
        assert_eq!(
            due("They redraw the maps before the midterms."),
            d("2026-11-03")
        );
        assert_eq!(due("Prices stay high through the winter."), d("2026-02-28"));
        assert_eq!(
            due("It lands in the next couple of weeks."),
            d("2026-02-22")
        );
        assert_eq!(due("They meet at the end of the month."), d("2026-02-28"));
        assert_eq!(
            due("The veto stays as long as Orban remains in office."),
            Some(None)
        );
        assert_eq!(due("It went the way it did back in August."), None);
        assert_eq!(due("They won't hand power back by March."), d("2026-03-01"));
        assert_eq!(
            phrase("The veto stays as long as Viktor Orban remains in power."),
            "as long as Viktor Orban remains in power"
        );
    }
}
