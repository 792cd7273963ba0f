//! A fast hasher for the extractor's tables: their keys are short words and name keys from our
//! own gazetteer, looked up at nearly every word of a transcript, so SipHash's protection
//! against chosen keys costs more than it is worth.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// The multiply-and-rotate hash of rustc (`FxHash`), eight bytes at a time.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    fn finish(&self) -> u64 {
        // The multiply leaves the low bits, which pick a table's bucket, depending on the low
        // bits of the input alone: rotate the well-mixed high bits down (as rustc-hash 2 does).
        self.0.rotate_left(26)
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("eight bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
}

/// A `HashMap` with [`FxHasher`].
pub type FxHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// A `HashSet` with [`FxHasher`].
pub type FxHashSet<T> = HashSet<T, BuildHasherDefault<FxHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_find_what_was_put() {
        let mut m: FxHashMap<String, usize> = FxHashMap::default();
        for (i, w) in ["a", "ab", "abcdefgh", "abcdefghi", "", "witkoff"]
            .iter()
            .enumerate()
        {
            m.insert(w.to_string(), i);
        }
        assert_eq!(m.get("abcdefghi"), Some(&3));
        assert_eq!(m.get(""), Some(&4));
        assert_eq!(m.get("abcdefgh"), Some(&2));
        assert_eq!(m.get("witkof"), None);
    }

    #[test]
    fn different_short_keys_hash_differently() {
        use std::hash::BuildHasher;
        let b = BuildHasherDefault::<FxHasher>::default();
        assert_ne!(b.hash_one("ab"), b.hash_one("ba"));
        assert_ne!(b.hash_one("witkoff"), b.hash_one("witkof"));
    }
}
