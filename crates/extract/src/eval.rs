//! The entity evaluation set: annotated transcripts (`eval/entities/*.txt` at the root of the
//! repository) and their loader.
//!
//! Each file is one document of spoken commentary in which every gold mention is marked inline
//! as `[[surface|Canonical Name|kind]]`: `surface` is the text exactly as the transcript has it
//! (garbles included), `Canonical Name` the gazetteer's canonical name when the entity is in
//! the [`Gazetteer`], and `kind` one of the six [`Kind`]s. [`parse_gold`] strips the markup,
//! leaving the plain text a recogniser sees, and records each mention's byte offsets in it.
//! The guidelines are in `eval/entities/README.md`.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::gazetteer::{normalize, Gazetteer, Kind};

/// One annotated document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldDoc {
    /// The document's name (the file name without `.txt` when loaded by [`load_dir`]).
    pub name: String,
    /// The plain text, markup removed.
    pub text: String,
    /// The gold mentions, in order of position.
    pub mentions: Vec<GoldMention>,
}

/// One gold mention of an entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldMention {
    /// Byte offset of the mention's first byte in [`GoldDoc::text`].
    pub start: usize,
    /// Byte offset just past the mention's last byte in [`GoldDoc::text`].
    pub end: usize,
    /// The text as spoken (or as the recogniser garbled it): `&text[start..end]`.
    pub surface: String,
    /// The canonical name: the gazetteer's when the entity is in it.
    pub canonical: String,
    /// The entity's kind.
    pub kind: Kind,
    /// Whether the surface is a garble: it differs from the canonical name and from every
    /// gazetteer alias of the entity (compared by [`normalize`]d key, so ignoring case,
    /// diacritics, a leading "the" and a possessive), and is neither a plural of one of those
    /// names ("Tomahawks") nor a short form made of its first or last whole words ("Moroz" or
    /// "Halyna" for an invented "Halyna Moroz", "Minsk" for "Minsk agreements"). Besides
    /// recognition errors this flags paraphrases the gazetteer lacks ("the Gaza deal").
    pub garbled: bool,
}

/// Why an annotated document could not be read.
#[derive(Debug)]
pub enum EvalError {
    /// Markup that does not follow the format.
    Syntax {
        /// The document's name.
        name: String,
        /// 1-based line of the annotated text.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A file or directory that could not be read.
    Io {
        /// The path.
        path: PathBuf,
        /// The reason.
        source: std::io::Error,
    },
}

impl EvalError {
    /// The 1-based line at fault, for a syntax error.
    pub fn line(&self) -> Option<usize> {
        match self {
            EvalError::Syntax { line, .. } => Some(*line),
            EvalError::Io { .. } => None,
        }
    }
}

impl fmt::Display for EvalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EvalError::Syntax {
                name,
                line,
                message,
            } => write!(f, "{name}: line {line}: {message}"),
            EvalError::Io { path, source } => write!(f, "cannot read {}: {source}", path.display()),
        }
    }
}

impl std::error::Error for EvalError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            EvalError::Syntax { .. } => None,
            EvalError::Io { source, .. } => Some(source),
        }
    }
}

/// Parses one annotated document. A mention may not span lines or nest; errors name the line
/// (unbalanced `[[`/`]]`, not three fields, an empty field, an unknown kind).
pub fn parse_gold(name: &str, annotated: &str) -> Result<GoldDoc, EvalError> {
    let gazetteer = Gazetteer::builtin();
    let err = |line: usize, message: String| EvalError::Syntax {
        name: name.to_string(),
        line,
        message,
    };
    let mut text = String::with_capacity(annotated.len());
    let mut mentions = Vec::new();
    for (i, line_text) in annotated.split_inclusive('\n').enumerate() {
        let line = i + 1;
        let mut rest = line_text;
        loop {
            let open = rest.find("[[");
            let close = rest.find("]]");
            match (open, close) {
                (None, None) => {
                    text.push_str(rest);
                    break;
                }
                (None, Some(_)) => return Err(err(line, "']]' without an opening '[['".into())),
                (Some(o), Some(c)) if c < o => {
                    return Err(err(line, "']]' without an opening '[['".into()))
                }
                (Some(_), None) => {
                    return Err(err(line, "'[[' not closed by ']]' on the same line".into()))
                }
                (Some(o), Some(c)) => {
                    text.push_str(&rest[..o]);
                    let inner = &rest[o + 2..c];
                    if inner.contains("[[") {
                        return Err(err(
                            line,
                            "'[[' inside a mention (mentions do not nest)".into(),
                        ));
                    }
                    let fields: Vec<&str> = inner.split('|').collect();
                    if fields.len() != 3 {
                        return Err(err(
                            line,
                            format!(
                                "mention [[{inner}]] has {} fields; expected surface|Canonical|kind",
                                fields.len()
                            ),
                        ));
                    }
                    let (surface, canonical, kind) =
                        (fields[0], fields[1].trim(), fields[2].trim());
                    for (what, value) in [
                        ("surface", surface),
                        ("canonical name", canonical),
                        ("kind", kind),
                    ] {
                        if value.trim().is_empty() {
                            return Err(err(
                                line,
                                format!("mention [[{inner}]] has an empty {what}"),
                            ));
                        }
                    }
                    if surface.trim() != surface {
                        return Err(err(
                            line,
                            format!("surface {surface:?} has spaces at its ends"),
                        ));
                    }
                    let kind: Kind = kind.parse().map_err(|m| err(line, m))?;
                    let start = text.len();
                    text.push_str(surface);
                    mentions.push(GoldMention {
                        start,
                        end: text.len(),
                        surface: surface.to_string(),
                        canonical: canonical.to_string(),
                        kind,
                        garbled: is_garbled(gazetteer, surface, canonical),
                    });
                    rest = &rest[c + 2..];
                }
            }
        }
    }
    Ok(GoldDoc {
        name: name.to_string(),
        text,
        mentions,
    })
}

/// Whether `surface` is a garble of `canonical` (see [`GoldMention::garbled`]).
fn is_garbled(gazetteer: &Gazetteer, surface: &str, canonical: &str) -> bool {
    let key = normalize(surface);
    let mut names = vec![canonical.to_string()];
    if let Some(entry) = gazetteer.by_canonical(canonical) {
        names.extend(entry.aliases.iter().cloned());
    }
    !names.iter().any(|name| is_form_of(&key, name))
}

/// Whether the normalised `key` is `name` (by normalised key), its plural, or a short form of
/// it: a run of its first or last whole words ("Kallas", "Katrin" of "Katrin Vogl", "Minsk" of
/// "Minsk agreements"). A parenthesised disambiguator in `name` is ignored.
fn is_form_of(key: &str, name: &str) -> bool {
    let bare = match name.find(" (") {
        Some(i) if name.ends_with(')') => &name[..i],
        _ => name,
    };
    let name = normalize(bare);
    if key.is_empty() || name.is_empty() {
        return false;
    }
    let plural = key.strip_suffix('s').is_some_and(|k| k == name);
    let words: Vec<&str> = name.split(' ').collect();
    let key_words: Vec<&str> = key.split(' ').collect();
    let n = key_words.len();
    let short = n <= words.len()
        && (words[..n] == key_words[..] || words[words.len() - n..] == key_words[..]);
    plural || short
}

/// Loads every `*.txt` file of a directory (not its subdirectories), in file-name order; each
/// document is named by its file stem.
pub fn load_dir(path: impl AsRef<Path>) -> Result<Vec<GoldDoc>, EvalError> {
    read_txt_files(path.as_ref())?
        .iter()
        .map(|(name, annotated)| parse_gold(name, annotated))
        .collect()
}

/// The `*.txt` files of a directory, sorted by name: (file stem, contents).
pub(crate) fn read_txt_files(dir: &Path) -> Result<Vec<(String, String)>, EvalError> {
    let io = |path: &Path, source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| io(dir, e))? {
        let entry = entry.map_err(|e| io(dir, e))?;
        let p = entry.path();
        if p.is_file() && p.extension().is_some_and(|e| e == "txt") {
            files.push(p);
        }
    }
    files.sort();
    files
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).map_err(|e| io(p, e))?;
            let name = p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            Ok((name, text))
        })
        .collect()
}

/// A mention a system predicts, for scoring against the gold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Predicted {
    /// The document's name.
    pub doc: String,
    /// Byte offsets in the document's plain text.
    pub start: usize,
    /// Byte offset just past the mention.
    pub end: usize,
    /// The kind predicted.
    pub kind: Kind,
    /// The entity linked to, when the system links.
    pub canonical: Option<String>,
}

/// What an extractor predicts over every document (its plain text as one segment), linked
/// entities named by their canonical name.
pub fn predict(extractor: &crate::Extractor, gold: &[GoldDoc]) -> Vec<Predicted> {
    let mut out = Vec::new();
    for doc in gold {
        for m in extractor.extract(&[doc.text.as_str()]) {
            let canonical = match &m.target {
                crate::Target::Known(e) => extractor.gazetteer().entries()[*e as usize]
                    .canonical
                    .clone(),
                crate::Target::Unknown(name) => name.clone(),
            };
            out.push(Predicted {
                doc: doc.name.clone(),
                start: m.start,
                end: m.end,
                kind: m.kind,
                canonical: Some(canonical),
            });
        }
    }
    out
}

/// Counts for precision, recall and F1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predictions that match a gold mention.
    pub correct: usize,
    /// Predictions made.
    pub predicted: usize,
    /// Gold mentions.
    pub gold: usize,
}

impl Counts {
    /// Correct over predicted.
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }

    /// Correct over gold.
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }

    /// The harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    pub(crate) fn add(&mut self, other: Counts) {
        self.correct += other.correct;
        self.predicted += other.predicted;
        self.gold += other.gold;
    }
}

pub(crate) fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Entity-level scores: overall, by kind, and the links of garbled surfaces.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scores {
    /// Every kind together.
    pub overall: Counts,
    /// Per kind, in [`Kind::ALL`] order.
    pub by_kind: Vec<(Kind, Counts)>,
    /// Spans right, kind ignored.
    pub spans_only: Counts,
    /// Gold garbled mentions that a prediction overlapping them links to the right entity.
    pub garbled_linked: usize,
    /// Gold garbled mentions.
    pub garbled: usize,
    /// Gold mentions (garbled or not) that a prediction overlapping them links to the right
    /// entity.
    pub linked: usize,
}

/// Scores predictions against the gold, entity by entity: a prediction is correct when its
/// span and kind equal a gold mention's. A leading "the " is left out of both spans first, as
/// the guidelines let it go either way. The link of a garbled surface is right when a
/// prediction overlapping it names the gold entity (compared by [`normalize`]d name).
pub fn score(gold: &[GoldDoc], predicted: &[Predicted]) -> Scores {
    use std::collections::{HashMap, HashSet};
    let mut by_kind: HashMap<Kind, Counts> = HashMap::new();
    let mut spans_only = Counts::default();
    let mut scores = Scores::default();
    for doc in gold {
        let preds: Vec<&Predicted> = predicted.iter().filter(|p| p.doc == doc.name).collect();
        let trim = |start: usize, end: usize| -> (usize, usize) {
            let s = &doc.text[start.min(end)..end];
            if s.len() > 4 && (s.starts_with("the ") || s.starts_with("The ")) {
                (start + 4, end)
            } else {
                (start, end)
            }
        };
        let gold_set: HashSet<(usize, usize, Kind)> = doc
            .mentions
            .iter()
            .map(|m| {
                let (s, e) = trim(m.start, m.end);
                (s, e, m.kind)
            })
            .collect();
        let gold_spans: HashSet<(usize, usize)> =
            gold_set.iter().map(|&(s, e, _)| (s, e)).collect();
        for m in &doc.mentions {
            by_kind.entry(m.kind).or_default().gold += 1;
        }
        spans_only.gold += doc.mentions.len();
        let mut pred_set: HashSet<(usize, usize, Kind)> = HashSet::new();
        for p in &preds {
            if p.end > doc.text.len() || p.start > p.end {
                continue;
            }
            let (s, e) = trim(p.start, p.end);
            if !pred_set.insert((s, e, p.kind)) {
                continue;
            }
            let counts = by_kind.entry(p.kind).or_default();
            counts.predicted += 1;
            spans_only.predicted += 1;
            if gold_set.contains(&(s, e, p.kind)) {
                counts.correct += 1;
            }
            if gold_spans.contains(&(s, e)) {
                spans_only.correct += 1;
            }
        }
        for m in &doc.mentions {
            let want = normalize(&m.canonical);
            let right = preds.iter().any(|p| {
                p.start < m.end
                    && m.start < p.end
                    && p.canonical.as_deref().is_some_and(|c| normalize(c) == want)
            });
            if right {
                scores.linked += 1;
            }
            if m.garbled {
                scores.garbled += 1;
                if right {
                    scores.garbled_linked += 1;
                }
            }
        }
    }
    for kind in Kind::ALL {
        let counts = by_kind.get(&kind).copied().unwrap_or_default();
        scores.overall.add(counts);
        scores.by_kind.push((kind, counts));
    }
    scores.spans_only = spans_only;
    scores
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_forms_and_aliases_are_not_garbles() {
        let g = Gazetteer::builtin();
        assert!(!is_garbled(g, "Witkoff", "Steve Witkoff"));
        assert!(!is_garbled(g, "the Russians", "Russians"));
        assert!(!is_garbled(g, "Moroz", "Halyna Moroz"));
        assert!(is_garbled(g, "Whitkoff", "Steve Witkoff"));
        assert!(is_garbled(g, "Moro", "Halyna Moroz"));
        assert!(!is_garbled(g, "Halyna", "Halyna Moroz"));
        assert!(!is_garbled(g, "Tomahawks", "Tomahawk"));
        assert!(!is_garbled(g, "Geneva talks", "Geneva talks (2025)"));
        assert!(is_garbled(g, "Zolenski", "Volodymyr Zelensky"));
        assert!(is_garbled(g, "Moroz Halyna", "Halyna Moroz"));
    }
}
