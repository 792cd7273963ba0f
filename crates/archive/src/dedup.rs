//! Near-duplicate detection: the same episode from two transcript sites differs in chrome,
//! wrapping and a few recognition errors, but its words are nearly the same. A 64-bit SimHash
//! over word trigrams tells them apart from different episodes at a Hamming distance of a few
//! bits.

/// Fingerprints at most this far apart (in bits) are the same text.
pub const MAX_DISTANCE: u32 = 6;

/// FNV-1a: stable across platforms and versions, which a persisted fingerprint needs.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The SimHash of a text's lower-cased word trigrams.
pub fn simhash<'a>(texts: impl Iterator<Item = &'a str>) -> u64 {
    let words: Vec<String> = texts
        .flat_map(|t| t.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let mut weights = [0i64; 64];
    for tri in words.windows(3) {
        let h = fnv1a(tri.join(" ").as_bytes());
        for (bit, w) in weights.iter_mut().enumerate() {
            *w += if h >> bit & 1 == 1 { 1 } else { -1 };
        }
    }
    weights.iter().enumerate().fold(
        0u64,
        |acc, (bit, &w)| if w > 0 { acc | 1 << bit } else { acc },
    )
}

/// True when two texts (fingerprints and word counts) are the same episode.
pub fn same_text(a: (u64, u64), b: (u64, u64)) -> bool {
    let (short, long) = if a.1 < b.1 { (a.1, b.1) } else { (b.1, a.1) };
    // Very short texts collide by chance; lengths must agree within a fifth.
    short >= 200 && short * 5 >= long * 4 && (a.0 ^ b.0).count_ones() <= MAX_DISTANCE
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(n: usize, seed: usize) -> String {
        (0..n)
            .map(|i| format!("w{}", (i * 7 + seed * 13) % 500))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn near_identical_texts_match_and_different_ones_do_not() {
        let a = text(600, 1);
        let mut b = a.replace("w7 ", "w7x ");
        b.push_str(" a few more words of chrome");
        let c = text(600, 2);
        let fa = (simhash([a.as_str()].into_iter()), 600);
        let fb = (simhash([b.as_str()].into_iter()), 606);
        let fc = (simhash([c.as_str()].into_iter()), 600);
        assert!(same_text(fa, fb));
        assert!(!same_text(fa, fc));
    }
}
