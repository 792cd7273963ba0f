//! Finding the entity a garbled name means: the gazetteer's names indexed by sound (Double
//! Metaphone codes, and every code with one letter left out, so that a garble one sound off
//! still meets its name), then compared by spelling on a sound skeleton ("Whitkoff" and
//! "Witkoff" both read `vitkof`).

use std::sync::OnceLock;

use rphonetic::DoubleMetaphone;

use crate::gazetteer::{Gazetteer, Kind};
use crate::hash::FxHashMap;
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
    /// Packed code (see [`neighbourhood`]) → names.
    by_code: FxHashMap<u64, Vec<u32>>,
    by_squashed: FxHashMap<String, Vec<u32>>,
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
                        // In Slavic and Hungarian spelling "c" sounds "ts": "Fico" is heard,
                        // and transcribed, as "Fitso".
                        if let Some(heard) = slavic_c(last) {
                            index.add(alias.entry, &heard, Part::Surname);
                        }
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
        let mut found = Vec::new();
        self.candidates(words, threshold, &mut found);
        match found.as_slice() {
            [best, next, ..] if next.score == best.score => None,
            [best, ..] => Some(*best),
            [] => None,
        }
    }

    /// Every entity a garbled spelling (normalised words) may mean, with the similarity of
    /// its closest name when at least `threshold`, best first, into `out` (cleared first).
    /// The caller decides between close entities by what it knows of the context.
    pub fn candidates(&self, words: &str, threshold: f32, out: &mut Vec<Found>) {
        out.clear();
        let squashed = squash(words);
        if squashed.len() < MIN_LETTERS || !squashed.bytes().all(|b| b.is_ascii_lowercase()) {
            return;
        }
        let skel = skeleton(&squashed);
        // Every name that shares a code, once each.
        let mut ids: Vec<u32> = Vec::new();
        for code in neighbourhood(&squashed) {
            if let Some(found) = self.by_code.get(&code) {
                ids.extend_from_slice(found);
            }
        }
        ids.sort_unstable();
        ids.dedup();
        // Each garble meets dozens of names: compare against patterns prepared once.
        let by_letters = Pattern::new(squashed.as_bytes());
        let by_sound = Pattern::new(skel.as_bytes());
        for id in ids {
            let name = &self.names[id as usize];
            // Lengths alone bound the similarity: skip a name that cannot reach the threshold.
            let bound = length_bound(squashed.len(), name.squashed.len())
                .max(length_bound(skel.len(), name.skeleton.len()));
            if bound < threshold {
                continue;
            }
            let score = by_letters
                .similarity(name.squashed.as_bytes())
                .max(by_sound.similarity(name.skeleton.as_bytes()));
            if score < threshold {
                continue;
            }
            let found = Found {
                entry: name.entry,
                score,
                part: name.part,
            };
            // One per entity: its closest name (a whole name before a surname on a tie).
            match out.iter_mut().find(|f| f.entry == name.entry) {
                Some(f) if (score, name.part == Part::Whole) > (f.score, f.part == Part::Whole) => {
                    *f = found
                }
                Some(_) => {}
                None => out.push(found),
            }
        }
        out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.entry.cmp(&b.entry)));
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

/// A surname's "c" read as "ts" (not in "ch", "ck" or "cz"), when it has one.
fn slavic_c(word: &str) -> Option<String> {
    let b = word.as_bytes();
    let mut out = String::with_capacity(word.len() + 2);
    let mut changed = false;
    for (i, &c) in b.iter().enumerate() {
        let next = b.get(i + 1).copied();
        if c == b'c' && !matches!(next, Some(b'h' | b'k' | b'z' | b's')) {
            out.push_str("ts");
            changed = true;
        } else {
            out.push(c as char);
        }
    }
    changed.then_some(out)
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
    Pattern::new(a.as_bytes()).similarity(b.as_bytes())
}

/// The most [`similarity`] two spellings of these lengths can have: every letter of the
/// longer beyond the shorter's length costs an edit.
fn length_bound(a: usize, b: usize) -> f32 {
    let longest = a.max(b);
    if longest == 0 {
        return 1.0;
    }
    1.0 - a.abs_diff(b) as f32 / longest as f32
}

/// A spelling prepared for comparing with many others: up to 64 bytes, the Levenshtein
/// distance by Myers' bit-parallel algorithm (in Hyyrö's formulation), one step of a few
/// word operations per byte of the other spelling; longer, the usual table.
struct Pattern<'a> {
    text: &'a [u8],
    /// For each byte value, the positions where the pattern has it, as bits.
    peq: [u64; 256],
}

impl<'a> Pattern<'a> {
    fn new(text: &'a [u8]) -> Pattern<'a> {
        let mut peq = [0u64; 256];
        if text.len() <= 64 {
            for (i, &c) in text.iter().enumerate() {
                peq[c as usize] |= 1 << i;
            }
        }
        Pattern { text, peq }
    }

    /// 1 minus the edit distance to `other` over the longer length.
    fn similarity(&self, other: &[u8]) -> f32 {
        let longest = self.text.len().max(other.len());
        if longest == 0 {
            return 1.0;
        }
        1.0 - self.distance(other) as f32 / longest as f32
    }

    /// The Levenshtein distance to `other`.
    fn distance(&self, other: &[u8]) -> usize {
        let m = self.text.len();
        if m == 0 {
            return other.len();
        }
        if m > 64 {
            return levenshtein(self.text, other);
        }
        // Bit i of `pv`/`mv`: the distance grows/shrinks by one from row i to row i + 1 of
        // the current column of the table.
        let mut pv = if m == 64 { !0 } else { (1u64 << m) - 1 };
        let mut mv = 0u64;
        let last = 1u64 << (m - 1);
        let mut distance = m;
        for &c in other {
            let eq = self.peq[c as usize];
            let xv = eq | mv;
            let xh = ((eq & pv).wrapping_add(pv) ^ pv) | eq;
            let mut ph = mv | !(xh | pv);
            let mut mh = pv & xh;
            if ph & last != 0 {
                distance += 1;
            } else if mh & last != 0 {
                distance -= 1;
            }
            // Row 0 grows by one per byte of `other`: shift a 1 in.
            ph = (ph << 1) | 1;
            mh <<= 1;
            pv = mh | !(xv | ph);
            mv = ph & xv;
        }
        distance
    }
}

/// The Levenshtein distance of two byte strings, by the table.
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

/// The Double Metaphone codes of a squashed spelling, and each with one letter left out, each
/// packed into a `u64` (a code has at most six ASCII letters) so that building, sorting and
/// looking them up allocates nothing.
fn neighbourhood(squashed: &str) -> Vec<u64> {
    static ENCODER: OnceLock<DoubleMetaphone> = OnceLock::new();
    if squashed.bytes().filter(u8::is_ascii_lowercase).count() < MIN_LETTERS {
        return Vec::new();
    }
    let letters: String = squashed.chars().filter(char::is_ascii_lowercase).collect();
    let result = ENCODER
        .get_or_init(|| DoubleMetaphone::new(Some(6)))
        .double_metaphone(&letters);
    let primary = result.primary();
    let alternate = result.alternate();
    let mut out = Vec::with_capacity(14);
    for code in [primary.as_bytes(), alternate.as_bytes()] {
        if code.is_empty() {
            continue;
        }
        if code.len() > 1 {
            for skip in 0..code.len() {
                out.push(pack(code, Some(skip)));
            }
        }
        out.push(pack(code, None));
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The bytes of a code (without the one at `skip`) as one number; codes have no zero bytes,
/// so different codes pack differently.
fn pack(code: &[u8], skip: Option<usize>) -> u64 {
    code.iter()
        .enumerate()
        .filter(|&(i, _)| Some(i) != skip)
        .fold(0u64, |acc, (_, &b)| acc << 8 | u64::from(b))
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
    fn bit_parallel_distance_agrees_with_the_table() {
        // A small deterministic generator: every pair of strings over a few letters, of
        // lengths that cross the 64-byte word boundary.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..2000 {
            let la = (next() % 70) as usize;
            let lb = (next() % 70) as usize;
            let a: Vec<u8> = (0..la).map(|_| b"abcd"[(next() % 4) as usize]).collect();
            let b: Vec<u8> = (0..lb).map(|_| b"abcd"[(next() % 4) as usize]).collect();
            assert_eq!(
                Pattern::new(&a).distance(&b),
                levenshtein(&a, &b),
                "{:?} {:?}",
                String::from_utf8_lossy(&a),
                String::from_utf8_lossy(&b)
            );
        }
        assert_eq!(Pattern::new(b"kitten").distance(b"sitting"), 3);
        assert_eq!(Pattern::new(b"").distance(b"abc"), 3);
    }

    #[test]
    fn length_bound_is_never_below_similarity() {
        for (a, b) in [
            ("witkoff", "whitkoff"),
            ("abc", "abcdef"),
            ("kallas", "callas"),
        ] {
            assert!(length_bound(a.len(), b.len()) >= similarity(a, b));
        }
    }

    #[test]
    fn similarity_is_one_minus_relative_edits() {
        assert_eq!(similarity("abcd", "abcd"), 1.0);
        assert_eq!(similarity("abcd", "abce"), 0.75);
        assert_eq!(similarity("", ""), 1.0);
    }
}
