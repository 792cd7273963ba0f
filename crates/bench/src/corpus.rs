//! The documents a benchmark reads: synthetic episodes rendered in one layout, up to a size.

use earshot_synth::{episode, render, Episode};

/// Episodes generated so far for a seed, shared by every layout's documents.
pub struct Corpus {
    seed: u64,
    episodes: Vec<Episode>,
}

impl Corpus {
    /// An empty corpus for `seed`.
    pub fn new(seed: u64) -> Self {
        Corpus {
            seed,
            episodes: Vec::new(),
        }
    }

    /// Episodes 0, 1, 2, ... rendered in `layout` until they hold at least `target_bytes`
    /// (at least one document).
    pub fn documents(&mut self, layout: &str, target_bytes: usize) -> Vec<String> {
        let mut docs = Vec::new();
        let mut bytes = 0;
        let mut i = 0;
        while bytes < target_bytes || docs.is_empty() {
            if i == self.episodes.len() {
                self.episodes.push(episode(self.seed, i as u64));
            }
            let text = render(&self.episodes[i], layout).expect("a layout synth renders");
            bytes += text.len();
            docs.push(text);
            i += 1;
        }
        docs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_until_the_target_size() {
        let mut c = Corpus::new(1);
        let docs = c.documents("whisper-tsv", 100_000);
        let bytes: usize = docs.iter().map(String::len).sum();
        assert!(bytes >= 100_000);
        let last = docs.last().unwrap().len();
        assert!(bytes - last < 100_000, "one document too many");
        // Episodes are shared: another layout reuses them.
        let n = c.episodes.len();
        c.documents("srt", 1);
        assert_eq!(c.episodes.len(), n);
        assert_eq!(c.documents("srt", 0).len(), 1);
    }
}
