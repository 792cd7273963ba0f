//! Writing a corpus to a folder, a file per episode: what `earshot synth` writes and what the
//! archive benchmark ingests.

use std::io;
use std::path::Path;

use rayon::prelude::*;

use crate::{episode, file_name, render, LAYOUTS};

/// What [`write_corpus`] wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Written {
    /// Files written, one per episode.
    pub episodes: u64,
    /// Bytes of all the files.
    pub bytes: u64,
    /// Words spoken in the episodes (their segments' text, split at white space).
    pub words: u64,
}

/// The layouts a corpus rotates through by default: every layout but `rss`, whose text lives
/// in the files a feed links.
pub fn corpus_layouts() -> Vec<&'static str> {
    LAYOUTS.iter().copied().filter(|l| *l != "rss").collect()
}

/// Writes episodes `0..episodes` of `seed` into `dir` (created if needed), episode `i` in
/// `layouts[i % layouts.len()]`, each named by [`file_name`]. Episodes are rendered in
/// parallel; the files are the same, byte for byte, whatever the number of threads.
///
/// Refuses (`InvalidInput`) an empty list, `rss`, or an id not in [`LAYOUTS`].
pub fn write_corpus(dir: &Path, seed: u64, episodes: u64, layouts: &[&str]) -> io::Result<Written> {
    if layouts.is_empty() {
        return Err(invalid("no layouts to write".to_owned()));
    }
    if let Some(l) = layouts
        .iter()
        .find(|l| !LAYOUTS.contains(l) || **l == "rss")
    {
        return Err(invalid(format!("synth cannot write layout {l:?}")));
    }
    std::fs::create_dir_all(dir)?;
    (0..episodes)
        .into_par_iter()
        .map(|i| -> io::Result<Written> {
            let ep = episode(seed, i);
            let layout = layouts[(i % layouts.len() as u64) as usize];
            let text = render(&ep, layout).unwrap_or_default();
            std::fs::write(dir.join(file_name(&ep, layout)), &text)?;
            let words = ep
                .segments
                .iter()
                .map(|s| s.text.split_whitespace().count() as u64)
                .sum();
            Ok(Written {
                episodes: 1,
                bytes: text.len() as u64,
                words,
            })
        })
        .try_reduce(Written::default, |a, b| {
            Ok(Written {
                episodes: a.episodes + b.episodes,
                bytes: a.bytes + b.bytes,
                words: a.words + b.words,
            })
        })
}

fn invalid(message: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rotates_layouts_and_counts() {
        let dir = std::env::temp_dir().join(format!("earshot-synth-corpus-{}", std::process::id()));
        let layouts = ["srt", "plain"];
        let w = write_corpus(&dir, 3, 4, &layouts).unwrap();
        let mut names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        let mut expected: Vec<String> = (0..4)
            .map(|i| file_name(&episode(3, i), layouts[i as usize % 2]))
            .collect();
        expected.sort();
        assert_eq!(names, expected);
        let bytes: u64 = names
            .iter()
            .map(|n| std::fs::metadata(dir.join(n)).unwrap().len())
            .sum();
        assert_eq!(w.episodes, 4);
        assert_eq!(w.bytes, bytes);
        assert!(w.words > 4 * 1000, "{}", w.words);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn refuses_feeds_and_unknown_layouts() {
        let dir = std::env::temp_dir();
        for bad in [&["rss"][..], &["nope"], &[]] {
            let e = write_corpus(&dir, 1, 1, bad).unwrap_err();
            assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
        }
        assert!(!corpus_layouts().contains(&"rss"));
        assert_eq!(corpus_layouts().len(), LAYOUTS.len() - 1);
    }
}
