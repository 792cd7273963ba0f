//! The text stage of earshot's pipeline: turns the segments a layout parser produced into
//! clean, sentence-aware, timed text.
//!
//! [`finish`] runs every step in order on a [`Transcript`]:
//! 1. [`normalise`]: Unicode NFC, HTML entities, white space, re-joined hard wraps, and (where
//!    the layout says wraps lost their spaces) glued words split again;
//! 2. [`punctuate`]: sentence boundaries restored in unpunctuated caption dumps;
//! 3. [`chunk`]: long untimed paragraphs cut into passages of a few sentences, so that
//!    boilerplate can be flagged and times estimated at a useful grain;
//! 4. [`boilerplate`]: sponsor reads and sign-offs flagged (never deleted);
//! 5. [`timing`]: estimated times where the source gives none.
//!
//! [`sentences`] is the sentence splitter the later stages use as well.

pub mod boilerplate;
pub mod chunk;
pub mod normalise;
pub mod passages;
pub mod punctuate;
pub mod sentences;
pub mod timing;
pub mod words;

use earshot_model::Transcript;

/// Runs the whole text stage on a parsed transcript.
pub fn finish(t: &mut Transcript) {
    let glued = t.hints.glued_wraps;
    let decoded = t.hints.references_decoded;
    for seg in &mut t.segments {
        normalise::normalise_in_place(&mut seg.text, glued, decoded);
        if let Some(speaker) = seg.speaker.as_mut() {
            normalise::normalise_in_place(speaker, false, decoded);
        }
    }
    for v in [&mut t.title, &mut t.show].into_iter().flatten() {
        normalise::normalise_in_place(v, false, decoded);
    }
    if t.hints.unpunctuated {
        punctuate::restore(&mut t.segments);
    }
    chunk::split_untimed(&mut t.segments);
    boilerplate::flag(&mut t.segments);
    // Without a stated duration, the episode lasts until the last time the source gives, or
    // else until the estimated end of its speech.
    let from_source = timing::last_source_time(&t.segments);
    timing::estimate(&mut t.segments, t.duration_s);
    if t.duration_s.is_none() {
        let estimated = t.segments.iter().filter_map(|s| s.end_ms).max();
        t.duration_s = from_source.or(estimated).map(|ms| ms.div_ceil(1000));
    }
}
