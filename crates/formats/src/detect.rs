//! Picking the layout of an input.

use crate::layouts::{all_layouts, sniff_window, Layout};
use crate::notes;

/// The layout detection chose, and how sure it is.
pub struct Detection {
    pub layout: &'static dyn Layout,
    /// The winning sniff score, from 0 to 1.
    pub confidence: f32,
    /// Set when the input is not a transcript at all (show notes, an episode summary).
    pub not_a_transcript: Option<String>,
}

/// Below this, no specific layout is believed and the text is read as plain paragraphs.
const BELIEVE: f32 = 0.35;

/// Scores every layout against the head of `text` and picks the best.
pub fn detect(text: &str) -> Detection {
    let mut best: Option<(&'static dyn Layout, f32)> = None;
    for &layout in all_layouts() {
        let score = layout.sniff(text).clamp(0.0, 1.0);
        if best.is_none_or(|(_, s)| score > s) {
            best = Some((layout, score));
        }
    }
    let (layout, confidence) = match best {
        Some((l, s)) if s >= BELIEVE => (l, s),
        _ => (crate::layout_by_id("plain").expect("plain layout"), BELIEVE),
    };
    // Only a weakly recognised layout can be mistaken for a page of notes: a subtitle file or
    // a transcript site's page is a transcript whatever it says.
    let not_a_transcript = if confidence < 0.8 {
        notes::classify(sniff_window(text), text.len())
    } else {
        None
    };
    Detection {
        layout,
        confidence,
        not_a_transcript,
    }
}
