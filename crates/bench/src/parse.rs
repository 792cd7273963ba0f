//! Parse throughput: detection and parsing, then the text stage as well, on one thread.

use std::collections::BTreeMap;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// The layouts measured: every one synth renders except feeds, whose text lives in the
/// files they link.
pub fn layouts() -> Vec<&'static str> {
    earshot_synth::LAYOUTS
        .iter()
        .copied()
        .filter(|l| *l != "rss")
        .collect()
}

/// What one layout's run found.
pub struct LayoutResult {
    pub layout: &'static str,
    pub bytes: usize,
    pub documents: usize,
    /// Best wall time of detect + parse over all documents.
    pub parse: Duration,
    /// Best wall time of detect + parse + text stage over all documents.
    pub parse_text: Duration,
    /// Documents detection gave to each layout id (or "not-a-transcript").
    pub detected_as: BTreeMap<String, usize>,
    /// Documents `parse` refused.
    pub errors: usize,
    /// The first refusal's message.
    pub first_error: Option<String>,
}

impl LayoutResult {
    /// Documents detection did not give to the layout they are written in.
    pub fn mismatches(&self) -> usize {
        self.documents - self.detected_as.get(self.layout).copied().unwrap_or(0)
    }
}

/// Measures one layout's documents, best of `runs`.
pub fn measure(layout: &'static str, docs: &[String], runs: usize) -> LayoutResult {
    let mut detected_as = BTreeMap::new();
    for doc in docs {
        let d = earshot_formats::detect(doc);
        let id = if d.not_a_transcript.is_some() {
            "not-a-transcript"
        } else {
            d.layout.id()
        };
        *detected_as.entry(id.to_owned()).or_insert(0) += 1;
    }
    let mut errors = 0;
    let mut first_error = None;
    for doc in docs {
        if let Err(e) = earshot_formats::parse(doc, None) {
            errors += 1;
            first_error.get_or_insert_with(|| e.to_string());
        }
    }
    let parse = best_of(runs, || parse_all(docs, false));
    let parse_text = best_of(runs, || parse_all(docs, true));
    LayoutResult {
        layout,
        bytes: docs.iter().map(String::len).sum(),
        documents: docs.len(),
        parse,
        parse_text,
        detected_as,
        errors,
        first_error,
    }
}

fn best_of(runs: usize, mut f: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// Detects and parses every document (`earshot_formats::parse` with no forced layout runs
/// `detect` first), then runs the text stage on each transcript when `text` is set.
fn parse_all(docs: &[String], text: bool) {
    for doc in docs {
        if let Ok(mut transcripts) = earshot_formats::parse(black_box(doc), None) {
            if text {
                for t in &mut transcripts {
                    earshot_text::finish(t);
                }
            }
            black_box(transcripts);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_layout_but_feeds() {
        let l = layouts();
        assert_eq!(l.len(), earshot_synth::LAYOUTS.len() - 1);
        assert!(!l.contains(&"rss"));
    }

    #[test]
    fn counts_documents_detection_sends_elsewhere() {
        let docs = vec![
            "Title: A\n\nJust a paragraph of words.\n".to_owned(),
            "Title: B\n\nAnother paragraph of words.\n".to_owned(),
        ];
        let r = measure("srt", &docs, 1);
        assert_eq!(r.documents, 2);
        assert_eq!(r.mismatches(), 2);
        assert_eq!(r.detected_as.get("plain"), Some(&2));
        let r = measure("plain", &docs, 1);
        assert_eq!(r.mismatches(), 0);
        assert_eq!(r.errors, 0);
    }
}
