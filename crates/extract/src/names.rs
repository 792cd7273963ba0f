//! Finding the entity a garbled name means: the gazetteer's names indexed by sound (Double
//! Metaphone codes, and every code with one letter left out, so that a garble one sound off
//! still meets its name), then compared by spelling on a sound skeleton ("Whitkoff" and
//! "Witkoff" both read `vitkof`).

use std::collections::HashMap;
use std::sync::OnceLock;

use rphonetic::DoubleMetaphone;

use crate::gazetteer::{Gazetteer, Kind};
use crate::lexicon::Lexicon;

/// Names shorter than this (letters, spaces removed) are not matched by sound: too many
/// short names sound alike.
pub const MIN_LETTERS: usize = 4;

/// Which part of an entry's name a [`Name`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// A whole name or alias.
    Whole,
    /// A person's surname: the last word of a name of several words.
    Surname,
}

/// One indexed spelling.
#[derive(Debug, Clone)]
pub struct Name {
    /// The entry's index in the gazetteer.
    pub entry: u32,
    /// The letters of the name, lower case, without spaces.
    pub squashed: String,
    /// Its sound skeleton.
    pub skeleton: String,
    /// Whole name or surname.
    pub part: Part,
}

/// The best match for a garble.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Found {
    /// The entry's index in the gazetteer.
    pub entry: u32,
    /// Similarity of spelling, 0 to 1.
    pub score: f32,
    /// Whether the garble matched the whole name or the surname.
    pub part: Part,
}

/// The gazetteer's names by sound.
#[derive(Debug, Default)]
pub struct NameIndex {
    names: Vec<Name>,
    by_code: HashMap<String, Vec<u32>>,
    by_squashed: HashMap<String, Vec<u32>>,
}

impl NameIndex {
    /// Indexes the names of `lexicon` (a person's surnames too) that are long enough to match
    /// by sound.
    pub fn new(gazetteer: &Gazetteer, lexicon: &Lexicon) -> NameIndex {
        let mut index = NameIndex::default();
        for (key, aliases) in lexicon.phrases() {
            for alias in aliases {
                let entry = &gazetteer.entries()[alias.entry as usize];
                index.add(alias.entry, key, Part::Whole);
                let words: Vec<&str> = key.split(' ').collect();
                if entry.kind == Kind::Person && words.len() > 1 {
                    let last = words[words.len() - 1];
                    if !earshot_text::words::is_english_word(last) {
                        index.add(alias.entry, last, Part::Surname);
                    }
                }
            }
        }
        index
    }

    fn add(&mut self, entry: u32, key: &str, part: Part) {
        let squashed = squash(key);
        if squashed.chars().count() < MIN_LETTERS {
            return;
        }
        if self
            .by_squashed
            .get(&squashed)
            .is_some_and(|ids| ids.iter().any(|&i| self.names[i as usize].entry == entry))
        {
            return;
        }
        let id = self.names.len() as u32;
        for code in neighbourhood(&squashed) {
            self.by_code.entry(code).or_default().push(id);
        }
        self.by_squashed
            .entry(squashed.clone())
            .or_default()
            .push(id);
        self.names.push(Name {
            entry,
            skeleton: skeleton(&squashed),
            squashed,
            part,
        });
    }

    /// The indexed name a garbled spelling (normalised words) most likely means, with the
    /// similarity of spelling; `None` below `threshold` or when two entities tie.
    pub fn find(&self, words: &str, threshold: f32) -> Option<Found> {
        let squashed = squash(words);
        if squashed.len() < MIN_LETTERS || !squashed.bytes().all(|b| b.is_ascii_lowercase()) {
            return None;
        }
        let skel = skeleton(&squashed);
        let mut best: Option<Found> = None;
        let mut tie = false;
        let mut seen: Vec<u32> = Vec::new();
        for code in neighbourhood(&squashed) {
            let Some(ids) = self.by_code.get(&code) else {
                continue;
            };
            for &id in ids {
                if seen.contains(&id) {
                    continue;
                }
                seen.push(id);
                let name = &self.names[id as usize];
                let score =
                    similarity(&squashed, &name.squashed).max(similarity(&skel, &name.skeleton));
                match best {
                    Some(b) if score < b.score => {}
                    Some(b) if score == b.score => tie |= b.entry != name.entry,
                    _ => {
                        tie = false;
                        best = Some(Found {
                            entry: name.entry,
                            score,
                            part: name.part,
                        })
                    }
                }
            }
        }
        best.filter(|b| b.score >= threshold && !tie)
    }

    /// The number of indexed spellings.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// True when nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

/// Lower-case letters and digits only.
pub fn squash(words: &str) -> String {
    words
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A spelling reduced to its sounds, so that spellings of one sound compare equal: `w` as
/// `v`, `ph` and `v` as `f`, `c`, `q` and `ck` as `k`, `j` and `y` as `i`, `z` as `s`, an `h`
/// after a consonant or a vowel dropped, doubled letters once.
pub fn skeleton(squashed: &str) -> String {
    let b = squashed.as_bytes();
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        let mapped = match (c, next) {
            (b'p', Some(b'h')) => {
                i += 1;
                b'f'
            }
            (b'c', Some(b'k')) => {
                i += 1;
                b'k'
            }
            (b'h', _) if i > 0 => {
                i += 1;
                continue;
            }
            (b'w' | b'v', _) => b'f',
            // A soft c ("Vance") sounds as s.
            (b'c', Some(b'e' | b'i' | b'y')) => b's',
            (b'c' | b'q', _) => b'k',
            (b'j' | b'y', _) => b'i',
            (b'z', _) => b's',
            (c, _) => c,
        };
        if out.as_bytes().last() != Some(&mapped) {
            out.push(mapped as char);
        }
        i += 1;
    }
    out
}

/// 1 minus the edit distance over the longer length.
pub fn similarity(a: &str, b: &str) -> f32 {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let longest = a.len().max(b.len());
    if longest == 0 {
        return 1.0;
    }
    1.0 - levenshtein(a, b) as f32 / longest as f32
}

/// The Levenshtein distance of two byte strings.
fn levenshtein(a: &[u8], b: &[u8]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, &ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if ca == cb {
                diagonal
            } else {
                1 + diagonal.min(above).min(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

/// The Double Metaphone codes of a squashed spelling, and each with one letter left out.
fn neighbourhood(squashed: &str) -> Vec<String> {
    static ENCODER: OnceLock<DoubleMetaphone> = OnceLock::new();
    let letters: String = squashed.chars().filter(char::is_ascii_lowercase).collect();
    if letters.len() < MIN_LETTERS {
        return Vec::new();
    }
    let result = ENCODER
        .get_or_init(|| DoubleMetaphone::new(Some(6)))
        .double_metaphone(&letters);
    let mut codes = vec![result.primary()];
    let alternate = result.alternate();
    if !alternate.is_empty() && alternate != codes[0] {
        codes.push(alternate);
    }
    let mut out = Vec::with_capacity(codes.len() * 7);
    for code in codes {
        if code.is_empty() {
            continue;
        }
        if code.len() > 1 {
            for skip in 0..code.len() {
                let mut c = code.clone();
                c.remove(skip);
                out.push(c);
            }
        }
        out.push(code);
    }
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> &'static (NameIndex, &'static Gazetteer) {
        static INDEX: OnceLock<(NameIndex, &'static Gazetteer)> = OnceLock::new();
        INDEX.get_or_init(|| {
            let g = Gazetteer::builtin();
            (NameIndex::new(g, &Lexicon::new(g)), g)
        })
    }

    fn meant(garble: &str) -> Option<String> {
        let (index, g) = index();
        index
            .find(garble, 0.6)
            .map(|f| g.entries()[f.entry as usize].canonical.clone())
    }

    #[test]
    fn garbled_names_find_their_entity() {
        for (garble, name) in [
            ("whitkoff", "Steve Witkoff"),
            ("wittkov", "Steve Witkoff"),
            ("wyckoff", "Steve Witkoff"),
            ("witgolf", "Steve Witkoff"),
            ("uschukov", "Yuri Ushakov"),
            ("umeirov", "Rustem Umerov"),
            ("jermak", "Andriy Yermak"),
            ("kaya callas", "Kaja Kallas"),
        ] {
            assert_eq!(meant(garble).as_deref(), Some(name), "{garble}");
        }
    }

    #[test]
    fn skeletons_merge_spellings_of_one_sound() {
        assert_eq!(skeleton("whitkoff"), skeleton("witkoff"));
        assert_eq!(skeleton("jermak"), skeleton("yermak"));
        assert_eq!(skeleton("kaya"), skeleton("kaja"));
    }

    #[test]
    fn similarity_is_one_minus_relative_edits() {
        assert_eq!(similarity("abcd", "abcd"), 1.0);
        assert_eq!(similarity("abcd", "abce"), 0.75);
        assert_eq!(similarity("", ""), 1.0);
    }
}
