//! Word lists that fill the templates' slots: topics, time horizons, numbers, fillers, and
//! abstract nouns and adjectives drawn from the English word list, which gives the corpus a
//! long tail of several thousand distinct words.

use std::sync::OnceLock;

static WORDS_TXT: &str = include_str!("../../text/data/english-words.txt");

/// Abstract nouns from the word list ("abatement", "candour" and the like).
pub fn nouns() -> &'static [&'static str] {
    static NOUNS: OnceLock<Vec<&'static str>> = OnceLock::new();
    NOUNS.get_or_init(|| filtered(&["tion", "ment", "ness", "ity", "ance", "ence", "ship", "ism"]))
}

/// Adjectives from the word list.
pub fn adjectives() -> &'static [&'static str] {
    static ADJS: OnceLock<Vec<&'static str>> = OnceLock::new();
    ADJS.get_or_init(|| filtered(&["ous", "ive", "ful", "able", "ical"]))
}

/// Lower-case words of 7 to 16 letters with one of the endings, in the list's order.
fn filtered(endings: &[&str]) -> Vec<&'static str> {
    WORDS_TXT
        .lines()
        .map(str::trim)
        .filter(|w| (7..=16).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_lowercase()))
        .filter(|w| endings.iter().any(|e| w.ends_with(e)))
        .collect()
}

/// What commentary is about, as noun phrases.
pub const TOPICS: &[&str] = &[
    "the ceasefire",
    "the grain corridor",
    "the sanctions regime",
    "the security guarantees",
    "the frozen assets",
    "the peace plan",
    "the prisoner exchange",
    "energy prices",
    "the minerals deal",
    "the nuclear plant",
    "air defence",
    "the reconstruction fund",
    "the shadow fleet",
    "the oil price cap",
    "the refugee question",
    "membership talks",
    "the enlargement process",
    "the arms deliveries",
    "mobilisation",
    "the budget deficit",
    "the gas transit contract",
    "the election timetable",
    "the territorial question",
    "the demilitarised zone",
    "the monitoring mission",
    "drone production",
    "artillery shells",
    "the long-range missiles",
    "the export controls",
    "the tariffs",
    "the debt talks",
    "the peacekeeping force",
    "the buffer zone",
    "the humanitarian corridor",
    "the port blockade",
    "the undersea cables",
    "the cyber attacks",
    "the language law",
    "the referendum",
    "the coalition talks",
    "the defence budget",
    "troop numbers",
    "the oil revenues",
    "interest rates",
    "grain exports",
    "the transit fees",
    "the pipeline",
    "the recruitment drive",
    "the power grid",
    "the exchange rate",
];

/// How far ahead a forecast reaches.
pub const HORIZONS: &[&str] = &[
    "within the next few weeks",
    "by the end of the year",
    "before the summer",
    "in the coming days",
    "by the end of the month",
    "within a month or two",
    "next year",
    "before Christmas",
    "by the spring",
    "in the next six months",
    "this autumn",
    "before the elections",
    "within a year",
    "over the winter",
];

/// Small numbers as speakers say them.
pub const NUMBERS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "ten", "twelve", "fifteen", "twenty",
    "thirty", "forty", "fifty",
];

/// Words that open a spoken sentence without adding anything.
pub const FILLERS: &[&str] = &[
    "You know, ",
    "I mean, ",
    "Look, ",
    "So, ",
    "Well, ",
    "Honestly, ",
    "Basically, ",
    "And ",
    "Now, ",
    "Of course, ",
    "Listen, ",
    "Again, ",
];

/// Days of the week.
pub const DAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Months of the year, January first.
pub const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_list_gives_thousands_of_words() {
        assert!(nouns().len() > 2000, "{}", nouns().len());
        assert!(adjectives().len() > 1000, "{}", adjectives().len());
        assert!(nouns().iter().all(|w| !w.contains(' ')));
    }
}
