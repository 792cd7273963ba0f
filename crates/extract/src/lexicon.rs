//! The gazetteer's names as word sequences, for finding them in text: the longest name that
//! starts at a word, compared by normalised words, with the case rule each name needs so that
//! everyday words ("Turkey", "Chad", "the West") and initialisms that are words ("US", "WHO")
//! only match when written as names.

use crate::gazetteer::{Gazetteer, Kind};
use crate::hash::FxHashMap;
use crate::token::{Tokens, CAP, DIGIT, HYPHENED, JOINED, UPPER, WORD};

/// The most words a name may have.
const MAX_WORDS: usize = 8;

/// How a name's spelling in the text must look for it to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseRule {
    /// Any case: the name is not an everyday word ("Putin", "Zaporizhzhia").
    Any,
    /// Made of everyday words ("Turkey", "White House", "the West"): the words the name
    /// capitalises must be capitalised.
    Capitalised,
    /// An initialism that is also a word ("US", "WHO", "IT"): all capitals.
    Acronym,
}

/// One name of one entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Alias {
    /// The entry's index in the gazetteer.
    pub entry: u32,
    /// How the text must spell it.
    pub rule: CaseRule,
    /// Which of its words the name capitalises (bit i: word i), for [`CaseRule::Capitalised`].
    pub caps: u8,
    /// True for the entry's canonical name.
    pub canonical: bool,
}

/// Every name of a gazetteer, keyed by its normalised words joined by one space.
#[derive(Debug, Default)]
pub struct Lexicon {
    phrases: FxHashMap<String, Vec<Alias>>,
    /// First word → the most words of a name starting with it.
    longest: FxHashMap<String, u8>,
    /// Names that are a word and a number ("su 35", "geran 2"): number → (word, name key).
    numbered: FxHashMap<String, Vec<(String, String)>>,
}

impl Lexicon {
    /// Indexes every name (canonical and aliases) of `gazetteer`; a work's name also answers
    /// in the plural ("Tomahawks", "B-2s").
    pub fn new(gazetteer: &Gazetteer) -> Lexicon {
        let mut lex = Lexicon::default();
        let mut toks = Tokens::default();
        for (i, entry) in gazetteer.entries().iter().enumerate() {
            for (n, name) in entry.names().enumerate() {
                toks.fill(name);
                let mut first = 0;
                if toks.len() > 1 && toks.norm(0) == "the" {
                    first = 1;
                }
                let words = toks.len() - first;
                if words == 0 || words > MAX_WORDS {
                    continue;
                }
                let all_words = (first..toks.len()).all(|w| toks.tokens[w].is(WORD));
                let rule = if words == 1 && toks.tokens[first].is(UPPER) {
                    if toks.tokens[first].is(WORD) || toks.norm(first).len() <= 2 {
                        CaseRule::Acronym
                    } else {
                        CaseRule::Any
                    }
                } else if all_words {
                    CaseRule::Capitalised
                } else {
                    CaseRule::Any
                };
                let mut caps = 0u8;
                for w in first..toks.len() {
                    if toks.tokens[w].is(CAP) {
                        caps |= 1 << (w - first);
                    }
                }
                let key = (first..toks.len())
                    .map(|w| toks.norm(w))
                    .collect::<Vec<_>>()
                    .join(" ");
                let alias = Alias {
                    entry: i as u32,
                    rule,
                    caps,
                    canonical: n == 0,
                };
                lex.add(&key, toks.norm(first), words, alias);
                // "Minsk II" is said "Minsk Two": the numeral as digits too.
                if let Some((stem, last)) = key.rsplit_once(' ') {
                    if let Some(value) = roman(last) {
                        lex.add(&format!("{stem} {value}"), toks.norm(first), words, alias);
                    }
                }
                if entry.kind == Kind::Work && !key.ends_with('s') {
                    lex.add(&format!("{key}s"), toks.norm(first), words, alias);
                }
            }
        }
        let numbered: Vec<(String, String, String)> = lex
            .phrases
            .keys()
            .filter_map(|key| {
                let (word, number) = key.split_once(' ')?;
                (word.bytes().all(|b| b.is_ascii_lowercase())
                    && !number.is_empty()
                    && number.bytes().all(|b| b.is_ascii_digit()))
                .then(|| (number.to_string(), word.to_string(), key.clone()))
            })
            .collect();
        for (number, word, key) in numbered {
            lex.numbered.entry(number).or_default().push((word, key));
        }
        lex
    }

    fn add(&mut self, key: &str, first: &str, words: usize, alias: Alias) {
        let list = self.phrases.entry(key.to_string()).or_default();
        if !list.iter().any(|a| a.entry == alias.entry) {
            list.push(alias);
        }
        let longest = self.longest.entry(first.to_string()).or_default();
        *longest = (*longest).max(words as u8);
    }

    /// The names that match words `i..i + n` of `toks`, for the largest `n` that has any,
    /// with `n`. Words of a name must follow each other with nothing but spaces or hyphens
    /// between them. Case rules are the caller's to apply: see [`Alias::rule`].
    pub fn longest_at<'a>(
        &'a self,
        toks: &Tokens,
        i: usize,
        key: &mut String,
    ) -> Option<(usize, &'a [Alias])> {
        key.clear();
        // A name may start with a number said in words ("twenty-eight points" is "28
        // points"), unless the word itself starts one ("One Belt One Road").
        let (most, first_number) = match self.longest.get(toks.norm(i)) {
            Some(&most) => (most as usize, false),
            None => {
                let (value, _, _) = spoken_number(toks, i)?;
                use std::fmt::Write;
                write!(key, "{value}").expect("writing to a String");
                (*self.longest.get(key.as_str())? as usize, true)
            }
        };
        key.clear();
        // After k words of the name: the key's length and the text's words used.
        let mut ends = [(0usize, 0usize); MAX_WORDS];
        let mut words = 0;
        let mut used = 0;
        while words < most && i + used < toks.len() {
            if words > 0 || first_number {
                let t = &toks.tokens[i + used];
                if words > 0 {
                    if t.flags & (JOINED | HYPHENED) == 0 {
                        break;
                    }
                    key.push(' ');
                }
                // Spoken numbers in a name: "Su thirty-five" is "Su-35".
                if let Some((value, plural, n)) = spoken_number(toks, i + used) {
                    key.push_str(&value.to_string());
                    if plural {
                        key.push('s');
                    }
                    used += n;
                    ends[words] = (key.len(), used);
                    words += 1;
                    continue;
                }
            }
            key.push_str(toks.norm(i + used));
            used += 1;
            ends[words] = (key.len(), used);
            words += 1;
        }
        (1..=words).rev().find_map(|k| {
            let (len, used) = ends[k - 1];
            self.phrases.get(&key[..len]).map(|a| (used, a.as_slice()))
        })
    }

    /// A name of a word and a number ("Su-35", "Geran-2") that words `i..` say with the word
    /// misheard but the number right ("Sue thirty-five", "garan two"): the word sounds the
    /// same but for its vowels (same first letter, same consonants). Returns the words used
    /// and the names. Whether word `i` may be a garble at all is the caller's to decide.
    pub fn numbered_at<'a>(&'a self, toks: &Tokens, i: usize) -> Option<(usize, &'a [Alias])> {
        let next = toks.tokens.get(i + 1)?;
        if next.flags & (JOINED | HYPHENED) == 0 || toks.tokens[i].flags & DIGIT != 0 {
            return None;
        }
        let (number, used) = match spoken_number(toks, i + 1) {
            Some((value, _, n)) => (value.to_string(), n),
            None if next.flags & DIGIT != 0 => (toks.norm(i + 1).to_string(), 1),
            None => return None,
        };
        let word = toks.norm(i);
        let (_, key) = self
            .numbered
            .get(&number)?
            .iter()
            .find(|(name, _)| same_consonants(word, name))?;
        Some((1 + used, self.phrases.get(key)?.as_slice()))
    }

    /// Every name, with its entries: for building other indexes over the same names.
    pub fn phrases(&self) -> impl Iterator<Item = (&str, &[Alias])> {
        self.phrases.iter().map(|(k, v)| (k.as_str(), v.as_slice()))
    }

    /// True when some name starts with this normalised word.
    pub fn starts_name(&self, word: &str) -> bool {
        self.longest.get(word).is_some_and(|&n| n > 1)
    }

    /// True when some name is exactly this normalised key.
    pub fn contains(&self, key: &str) -> bool {
        self.phrases.contains_key(key)
    }
}

/// Whether two words differ only in their vowels: same first letter, same consonants.
fn same_consonants(a: &str, b: &str) -> bool {
    let consonants = |w: &str| {
        w.bytes()
            .filter(|c| !matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y'))
            .collect::<Vec<u8>>()
    };
    a.bytes().next() == b.bytes().next() && a != b && consonants(a) == consonants(b)
}

/// The value of a roman numeral from I to XII.
fn roman(word: &str) -> Option<u32> {
    const NUMERALS: [&str; 12] = [
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
    ];
    NUMERALS
        .iter()
        .position(|n| *n == word)
        .map(|p| p as u32 + 1)
}

/// The value of a number below 100 said in words at word `i` ("thirty five", "twelve",
/// "ones"), whether it was plural, and the words it took.
fn small_number(toks: &Tokens, i: usize) -> Option<(u32, bool, usize)> {
    // A plural ("thirty-ones") is the number with an "s".
    let read = |w: &str| -> Option<(u32, bool)> {
        match crate::numbers::unit(w) {
            Some(u) => Some((u, false)),
            None => crate::numbers::unit(w.strip_suffix('s')?).map(|u| (u, true)),
        }
    };
    let word = toks.norm(i);
    if let Some(tens) = crate::numbers::tens(word) {
        if let Some(next) = toks.tokens.get(i + 1) {
            if next.flags & (JOINED | HYPHENED) != 0 {
                if let Some((u, plural)) = read(toks.norm(i + 1)).filter(|(u, _)| *u < 10) {
                    return Some((tens + u, plural, 2));
                }
            }
        }
        return Some((tens, false, 1));
    }
    read(word).map(|(u, plural)| (u, plural, 1))
}

/// A spoken number at word `i`: below 100, or a year said in two halves ("twenty
/// twenty-four").
fn spoken_number(toks: &Tokens, i: usize) -> Option<(u32, bool, usize)> {
    let (first, plural, n) = small_number(toks, i)?;
    if (19..=20).contains(&first) && !plural {
        if let Some(t) = toks.tokens.get(i + n) {
            if t.flags & (JOINED | HYPHENED) != 0 {
                if let Some((second, p2, m)) = small_number(toks, i + n).filter(|s| s.0 >= 10) {
                    return Some((first * 100 + second, p2, n + m));
                }
            }
        }
    }
    Some((first, plural, n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> (Lexicon, &'static Gazetteer) {
        let g = Gazetteer::builtin();
        (Lexicon::new(g), g)
    }

    fn find(text: &str) -> Vec<(String, String, CaseRule)> {
        let (lex, g) = lex();
        let mut toks = Tokens::default();
        toks.fill(text);
        let mut key = String::new();
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            if let Some((n, aliases)) = lex.longest_at(&toks, i, &mut key) {
                let span = toks.tokens[i].start as usize..toks.tokens[i + n - 1].end as usize;
                let e = &g.entries()[aliases[0].entry as usize];
                out.push((text[span].to_string(), e.canonical.clone(), aliases[0].rule));
                i += n;
            } else {
                i += 1;
            }
        }
        out
    }

    #[test]
    fn longest_names_win() {
        let found = find("Steve Witkoff flew to the United States of America and Witkoff's team");
        assert_eq!(found[0].0, "Steve Witkoff");
        assert_eq!(found[0].1, "Steve Witkoff");
        assert!(found
            .iter()
            .any(|f| f.1 == "United States" && f.0.ends_with("America")));
        assert!(found.iter().any(|f| f.0 == "Witkoff"));
    }

    #[test]
    fn everyday_words_and_initialisms_carry_case_rules() {
        let found = find("Turkey and the US");
        assert!(found
            .iter()
            .any(|f| f.0 == "Turkey" && f.2 == CaseRule::Capitalised));
        assert!(found
            .iter()
            .any(|f| f.0 == "US" && f.2 == CaseRule::Acronym));
    }

    #[test]
    fn spoken_numbers_match_digits_and_numerals() {
        let found = find("the Su thirty-five and Minsk Two");
        assert!(
            found
                .iter()
                .any(|f| f.1 == "Su-35" && f.0 == "Su thirty-five"),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|f| f.1 == "Minsk II" && f.0 == "Minsk Two"),
            "{found:?}"
        );
    }

    #[test]
    fn a_name_may_start_with_a_spoken_number() {
        let found = find("after the twenty-point plan came out");
        assert!(
            found
                .iter()
                .any(|f| f.1 == "Gaza peace plan" && f.0 == "twenty-point plan"),
            "{found:?}"
        );
    }

    #[test]
    fn a_misheard_word_before_the_right_number_finds_the_name() {
        let (lex, g) = lex();
        let mut toks = Tokens::default();
        for (text, at, name, words) in [
            ("a Sue thirty-five", 1, "Su-35", 3),
            ("now the garan two", 2, "Geran-2", 2),
        ] {
            toks.fill(text);
            let (n, aliases) = lex.numbered_at(&toks, at).expect(text);
            assert_eq!(n, words, "{text}");
            assert_eq!(g.entries()[aliases[0].entry as usize].canonical, name);
        }
        // Another number, or a word with other consonants, is not the name.
        for text in ["Sue thirty-six", "Sam thirty-five", "the Su-35"] {
            toks.fill(text);
            assert!(lex.numbered_at(&toks, 0).is_none(), "{text}");
        }
    }

    #[test]
    fn names_do_not_run_across_punctuation() {
        let found = find("New. York");
        assert!(!found
            .iter()
            .any(|f| f.1 == "New York City" || f.1 == "New York"));
    }
}
