//! Near-duplicate detection: the same episode from two transcript sites differs in chrome,
//! wrapping and recognition errors, but most of its four-word runs are the same; two different
//! episodes of one show share few, however alike their phrasing.
//!
//! Each episode gets a MinHash signature over its word 4-shingles (one-permutation hashing:
//! each shingle hashed once into one of [`HASHES`] bins, each bin keeping its minimum), whose
//! agreement estimates the Jaccard similarity of two shingle sets; locality-sensitive banding
//! finds the few candidates worth comparing without comparing every pair. Measured on generated commentary
//! built from one phrase pool, distinct episodes stay under 0.2 and near-duplicates with 8% of
//! their words changed stay over 0.5, so [`THRESHOLD`] sits between.

use std::collections::HashMap;

/// Hash functions in a signature.
pub const HASHES: usize = 128;
/// Bands of [`ROWS`] hashes: two texts become candidates when any band agrees whole.
const BANDS: usize = 32;
const ROWS: usize = HASHES / BANDS;
/// Estimated Jaccard similarity at or above which two texts are the same episode.
pub const THRESHOLD: f64 = 0.4;
/// Texts with fewer shingles than this are too short to judge (and would leave bins empty).
const MIN_SHINGLES: usize = 200;
/// An empty bin.
const EMPTY: u32 = u32::MAX;

/// A MinHash signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature(pub Vec<u32>);

/// FNV-1a: stable across platforms and versions, which a persisted signature needs.
fn fnv1a(bytes: &[u8], mut h: u64) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// SplitMix64, for the hash functions' fixed parameters.
fn splitmix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

impl Signature {
    /// The signature of a text's lower-cased word 4-shingles; `None` for a text too short.
    pub fn of<'a>(texts: impl Iterator<Item = &'a str>) -> Option<Signature> {
        let words: Vec<u64> = texts
            .flat_map(|t| t.split(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
            .map(|w| fnv1a(w.to_lowercase().as_bytes(), FNV_OFFSET))
            .collect();
        if words.len() < MIN_SHINGLES + 3 {
            return None;
        }
        let mut mins = vec![EMPTY; HASHES];
        for w in words.windows(4) {
            let h = splitmix(
                w.iter()
                    .fold(FNV_OFFSET, |h, &x| fnv1a(&x.to_le_bytes(), h)),
            );
            // The top bits choose the bin, the low bits are the value kept.
            let bin = (h >> (64 - HASHES.trailing_zeros())) as usize;
            mins[bin] = mins[bin].min((h as u32).min(EMPTY - 1));
        }
        Some(Signature(mins))
    }

    /// The estimated Jaccard similarity of the two texts.
    pub fn similarity(&self, other: &Signature) -> f64 {
        let (mut same, mut bins) = (0usize, 0usize);
        for (a, b) in self.0.iter().zip(&other.0) {
            if *a == EMPTY && *b == EMPTY {
                continue;
            }
            bins += 1;
            same += usize::from(a == b);
        }
        if bins == 0 {
            0.0
        } else {
            same as f64 / bins as f64
        }
    }

    /// Bytes for the catalog.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|v| v.to_le_bytes()).collect()
    }

    /// From the catalog's bytes; `None` when they are not a signature.
    pub fn from_bytes(bytes: &[u8]) -> Option<Signature> {
        (bytes.len() == HASHES * 4).then(|| {
            Signature(
                bytes
                    .chunks_exact(4)
                    .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                    .collect(),
            )
        })
    }

    fn band_keys(&self) -> impl Iterator<Item = u64> + '_ {
        self.0.chunks(ROWS).enumerate().map(|(band, rows)| {
            rows.iter()
                .fold(fnv1a(&(band as u64).to_le_bytes(), FNV_OFFSET), |h, v| {
                    fnv1a(&v.to_le_bytes(), h)
                })
        })
    }
}

/// The signatures of an archive's episodes, banded for lookup.
#[derive(Default)]
pub struct DedupIndex {
    signatures: HashMap<i64, Signature>,
    bands: HashMap<u64, Vec<i64>>,
}

impl DedupIndex {
    /// Adds (or replaces) an episode's signature.
    pub fn insert(&mut self, id: i64, sig: Signature) {
        self.remove(id);
        for key in sig.band_keys() {
            self.bands.entry(key).or_default().push(id);
        }
        self.signatures.insert(id, sig);
    }

    /// Forgets an episode.
    pub fn remove(&mut self, id: i64) {
        if let Some(old) = self.signatures.remove(&id) {
            for key in old.band_keys() {
                if let Some(ids) = self.bands.get_mut(&key) {
                    ids.retain(|e| *e != id);
                }
            }
        }
    }

    /// The most similar episode at or above [`THRESHOLD`], if any.
    pub fn find(&self, sig: &Signature) -> Option<i64> {
        let mut best: Option<(i64, f64)> = None;
        for key in sig.band_keys() {
            for &id in self.bands.get(&key).into_iter().flatten() {
                let s = self.signatures[&id].similarity(sig);
                if s >= THRESHOLD && best.is_none_or(|(_, b)| s > b) {
                    best = Some((id, s));
                }
            }
        }
        best.map(|(id, _)| id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A text of `n` words from a small vocabulary, as alike in phrasing as two episodes of a
    /// show can be.
    fn text(n: usize, seed: u64) -> String {
        (0..n as u64)
            .map(|i| format!("w{}", splitmix(i ^ (seed << 32)) % 300))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn near_identical_texts_match_and_different_ones_do_not() {
        let a = text(3000, 1);
        // One word in twelve changed, and some chrome added.
        let b: String = a
            .split(' ')
            .enumerate()
            .map(|(i, w)| {
                if i % 12 == 0 {
                    format!("x{w}")
                } else {
                    w.to_owned()
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
            + " share subscribe sign in";
        let c = text(3000, 2);
        let (sa, sb, sc) = (
            Signature::of([a.as_str()].into_iter()).unwrap(),
            Signature::of([b.as_str()].into_iter()).unwrap(),
            Signature::of([c.as_str()].into_iter()).unwrap(),
        );
        assert!(sa.similarity(&sb) >= THRESHOLD, "{}", sa.similarity(&sb));
        assert!(sa.similarity(&sc) < 0.1, "{}", sa.similarity(&sc));
        let mut index = DedupIndex::default();
        index.insert(1, sa.clone());
        index.insert(3, sc);
        assert_eq!(index.find(&sb), Some(1));
        index.remove(1);
        assert_eq!(index.find(&sb), None);
        assert_eq!(Signature::from_bytes(&sa.to_bytes()), Some(sa));
    }

    #[test]
    fn short_texts_are_not_judged() {
        assert!(Signature::of(["only a few words here"].into_iter()).is_none());
        assert!(HASHES.is_power_of_two());
    }
}
