//! Checks shared by the fixture tests of every stage: that no word of a transcript's body was
//! lost, and that no header or chrome line was left in the text. Public so that later stages'
//! tests hold their output to the same standard.

use std::path::{Path, PathBuf};

use crate::Transcript;

/// Lower-cased words: runs of letters, digits and inner apostrophes.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| w.trim_matches(|c| c == '\'' || c == '’').to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// All segment text of the transcripts, in order.
pub fn segment_text(transcripts: &[Transcript]) -> String {
    let mut s = String::new();
    for t in transcripts {
        for seg in &t.segments {
            s.push_str(&seg.text);
            s.push('\n');
        }
    }
    s
}

/// Checks that every word of `body` appears in the segments, in order, each as a whole word.
/// Returns the first word that could not be found, with the words around it.
pub fn missing_word(body: &str, transcripts: &[Transcript]) -> Option<String> {
    let have = words(&segment_text(transcripts));
    let mut at = 0;
    for (i, w) in words(body).iter().enumerate() {
        match have[at..].iter().position(|h| h == w) {
            Some(p) => at += p + 1,
            None => {
                return Some(format!(
                    "word #{i} {w:?} (after {:?})",
                    have.get(at.saturating_sub(3)..at)
                ))
            }
        }
    }
    None
}

/// Like [`missing_word`], but tolerant of words glued together where wraps were lost
/// ("theeditor"): each word need only occur, in order, inside the letters of the segments.
pub fn missing_word_glued(body: &str, transcripts: &[Transcript]) -> Option<String> {
    let have: String = words(&segment_text(transcripts)).concat();
    let mut at = 0;
    for (i, w) in words(body).iter().enumerate() {
        match have[at..].find(w.as_str()) {
            Some(p) => at += p + w.len(),
            None => return Some(format!("word #{i} {w:?}")),
        }
    }
    None
}

/// A segment as (speaker, start, end, source line, text).
pub type Row<'a> = (
    Option<&'a str>,
    Option<u64>,
    Option<u64>,
    Option<u32>,
    &'a str,
);

/// Each segment as a [`Row`], for tests to compare at a glance.
pub fn rows(t: &Transcript) -> Vec<Row<'_>> {
    t.segments
        .iter()
        .map(|s| {
            (
                s.speaker.as_deref(),
                s.start_ms,
                s.end_ms,
                s.line,
                s.text.as_str(),
            )
        })
        .collect()
}

/// The first of `lines` (header or chrome lines) still present in some segment's text.
pub fn leftover_line<'a>(lines: &'a str, transcripts: &[Transcript]) -> Option<&'a str> {
    let text = segment_text(transcripts);
    lines
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .find(|l| text.contains(l))
}

/// A fixture: `fixtures/<layout-id>/<name>.<ext>`, with optional companions
/// `<name>.<ext>.body` (the words that must survive, in order) and `<name>.<ext>.absent`
/// (lines that must not be left in the text). The folder `not-transcripts` holds inputs that
/// must be refused as such.
#[derive(Debug, Clone)]
pub struct Fixture {
    pub path: PathBuf,
    /// The folder name: the layout detection must choose.
    pub layout: String,
    pub body: Option<String>,
    pub absent: Option<String>,
}

/// Every fixture under `root`, sorted by path.
pub fn fixtures(root: &Path) -> Vec<Fixture> {
    let mut out = Vec::new();
    let Ok(dirs) = std::fs::read_dir(root) else {
        return out;
    };
    for dir in dirs.flatten().filter(|d| d.path().is_dir()) {
        let layout = dir.file_name().to_string_lossy().into_owned();
        let Ok(files) = std::fs::read_dir(dir.path()) else {
            continue;
        };
        for f in files.flatten() {
            let path = f.path();
            let name = path.to_string_lossy();
            if name.ends_with(".body") || name.ends_with(".absent") || !path.is_file() {
                continue;
            }
            let companion = |ext: &str| std::fs::read_to_string(format!("{name}.{ext}")).ok();
            out.push(Fixture {
                body: companion("body"),
                absent: companion("absent"),
                layout: layout.clone(),
                path,
            });
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

/// The repository's fixture folder, from a crate's manifest directory.
pub fn fixture_root(manifest_dir: &str) -> PathBuf {
    Path::new(manifest_dir).join("../../fixtures")
}
