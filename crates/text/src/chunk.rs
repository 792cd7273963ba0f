//! Cutting long untimed paragraphs (an archive page's single 4,000-word paragraph, a
//! hard-wrapped page) into passages of a few sentences. Timed segments are the source's own
//! units and are left whole.

use earshot_model::Segment;

use crate::{boilerplate, sentences};

/// A passage is closed once it reaches this many words, at the end of a sentence.
pub const TARGET_WORDS: usize = 60;

/// Splits every untimed segment longer than [`TARGET_WORDS`] at sentence ends, also cutting
/// where boilerplate begins or ends so a sponsor read becomes a passage of its own.
pub fn split_untimed(segments: &mut Vec<Segment>) {
    if !segments
        .iter()
        .any(|s| s.start_ms.is_none() && s.text.len() > TARGET_WORDS * 4)
    {
        return;
    }
    let mut out = Vec::with_capacity(segments.len());
    for seg in segments.drain(..) {
        if seg.start_ms.is_some() || seg.text.split_whitespace().nth(TARGET_WORDS).is_none() {
            out.push(seg);
            continue;
        }
        let mut piece = String::new();
        let mut words = 0;
        let mut piece_bp = false;
        let ranges = sentences::split(&seg.text);
        let flags = boilerplate::classify(&seg.text, &ranges);
        for (r, &bp) in ranges.iter().zip(&flags) {
            let sentence = &seg.text[r.clone()];
            let n = sentence.split_whitespace().count();
            if !piece.is_empty() && (words >= TARGET_WORDS || (bp != piece_bp && n > 4)) {
                out.push(Segment {
                    text: std::mem::take(&mut piece),
                    ..seg.clone()
                });
                words = 0;
            }
            if piece.is_empty() {
                piece_bp = bp;
            } else {
                piece.push(' ');
            }
            piece.push_str(sentence);
            words += n;
        }
        if !piece.is_empty() {
            out.push(Segment { text: piece, ..seg });
        }
    }
    *segments = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_paragraphs_become_passages_and_plugs_stand_alone() {
        let sentence =
            "The delegation met for hours in the old palace and agreed on nothing at all. ";
        let mut text = sentence.repeat(20);
        text.push_str("Use the code DESK for ten percent off at the shop today.");
        let mut segs = vec![Segment::text(text.trim())];
        split_untimed(&mut segs);
        assert!(segs.len() >= 4, "{}", segs.len());
        assert!(segs
            .iter()
            .all(|s| s.text.split_whitespace().count() <= TARGET_WORDS + 20));
        assert!(segs.last().unwrap().text.starts_with("Use the code"));
        let rejoined: Vec<&str> = segs.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(rejoined.join(" "), text.trim());
    }

    #[test]
    fn timed_segments_are_left_whole() {
        let mut segs = vec![Segment::timed(0, None, "word ".repeat(200).trim())];
        split_untimed(&mut segs);
        assert_eq!(segs.len(), 1);
    }
}
