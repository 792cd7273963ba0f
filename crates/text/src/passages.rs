//! Passages: what search indexes and shows. A passage is a few sentences of one speaker: long
//! segments are cut at sentence ends, short cues of the same speaker are merged, so every hit
//! points at a moment rather than at a whole paragraph or a two-word subtitle.

use earshot_model::{Passage, Segment};

use crate::sentences;

/// A passage is closed at the first sentence end past this many words.
pub const PASSAGE_WORDS: usize = 50;
/// Short segments are merged until a passage has at least this many words...
const MIN_WORDS: usize = 20;
/// ...as long as the passage stays this short in time, so that a hit's timestamp still points
/// at the moment it stands for.
const MAX_MERGED_SPAN_MS: u64 = 30_000;

/// Builds the passages of a finished transcript's segments (times already filled in).
pub fn passages(segments: &[Segment]) -> Vec<Passage> {
    let mut out: Vec<Passage> = Vec::new();
    let mut open: Option<(Passage, usize)> = None;
    for (i, seg) in segments.iter().enumerate() {
        let start = seg.start_ms.unwrap_or(0);
        let end = seg.end_ms.unwrap_or(start).max(start);
        let len = seg.text.len().max(1) as u64;
        // Continue a short passage of the same speaker and kind, else start afresh.
        let continues = open.as_ref().is_some_and(|(p, w)| {
            *w < MIN_WORDS
                && p.speaker == seg.speaker
                && p.boilerplate == seg.boilerplate
                && start.saturating_sub(p.start_ms) <= MAX_MERGED_SPAN_MS
        });
        if !continues {
            if let Some((p, _)) = open.take() {
                out.push(p);
            }
        }
        for r in sentences::split(&seg.text) {
            let sentence = &seg.text[r.clone()];
            let words = sentence.split_whitespace().count();
            let (p, w) = open.get_or_insert_with(|| {
                // A passage that begins mid-segment starts in proportion to where it begins.
                let at = start + (end - start) * r.start as u64 / len;
                (
                    Passage {
                        segment: i as u32,
                        start_ms: at,
                        speaker: seg.speaker.clone(),
                        boilerplate: seg.boilerplate,
                        ..Passage::default()
                    },
                    0,
                )
            });
            if !p.text.is_empty() {
                p.text.push(' ');
            }
            p.text.push_str(sentence);
            *w += words;
            p.end_ms = start + (end - start) * r.end as u64 / len;
            if *w >= PASSAGE_WORDS {
                out.push(open.take().expect("open passage").0);
            }
        }
    }
    if let Some((p, _)) = open {
        out.push(p);
    }
    for (ord, p) in out.iter_mut().enumerate() {
        p.ord = ord as u32;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_segments_are_cut_with_interpolated_times() {
        let text = "The envoy flew to Riyadh on Monday and met the delegation for several hours in the afternoon. ".repeat(6);
        let segs = vec![Segment {
            end_ms: Some(60_000),
            ..Segment::timed(0, None, text.trim())
        }];
        let ps = passages(&segs);
        assert!(ps.len() >= 2, "{}", ps.len());
        assert_eq!(ps[0].start_ms, 0);
        assert!(
            ps[1].start_ms > 20_000 && ps[1].start_ms < 40_000,
            "{}",
            ps[1].start_ms
        );
        assert!(ps.iter().all(|p| p.segment == 0));
        assert_eq!(
            ps.iter()
                .map(|p| p.text.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            text.trim()
        );
    }

    #[test]
    fn short_segments_far_apart_stay_apart() {
        let segs = vec![
            Segment::timed(0, Some(70_000), "Short one."),
            Segment::timed(70_000, Some(90_000), "Short two."),
        ];
        let ps = passages(&segs);
        assert_eq!(ps.len(), 2);
        assert_eq!(ps[1].start_ms, 70_000);
    }

    #[test]
    fn short_cues_of_one_speaker_merge_until_the_speaker_changes() {
        let cue = |ms: u64, who: &str, text: &str| Segment {
            end_ms: Some(ms + 2000),
            speaker: Some(who.into()),
            ..Segment::timed(ms, None, text)
        };
        let segs = vec![
            cue(0, "A", "We went."),
            cue(2000, "A", "It rained."),
            cue(4000, "B", "Did it?"),
        ];
        let ps = passages(&segs);
        assert_eq!(ps.len(), 2);
        assert_eq!(ps[0].text, "We went. It rained.");
        assert_eq!(ps[0].end_ms, 4000);
        assert_eq!(ps[1].speaker.as_deref(), Some("B"));
        assert_eq!(ps[1].start_ms, 4000);
        assert_eq!(ps[1].ord, 1);
    }
}
