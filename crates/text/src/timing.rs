//! Estimated times for segments the source gives none: interpolated between the stamps the
//! source does give, spread over the stated duration, or else at a spoken rate.

use earshot_model::{Segment, Timing};

/// A typical conversational rate: 150 words a minute, 400 ms a word.
pub const MS_PER_WORD: u64 = 400;

/// Fills in `start_ms`/`end_ms` for every segment, marking computed ones
/// [`Timing::Estimated`]; exact starts are kept and exact segments without an end get the
/// next segment's start.
pub fn estimate(segments: &mut [Segment], duration_s: Option<u64>) {
    if segments.is_empty() {
        return;
    }
    let words: Vec<u64> = segments
        .iter()
        .map(|s| s.text.split_whitespace().count().max(1) as u64)
        .collect();
    let total_words: u64 = words.iter().sum();
    let duration_ms = duration_s.map(|d| d * 1000).filter(|&d| d > 0);
    // Anchors: (words before the segment, its start). The episode starts at 0; it ends at the
    // stated duration when there is one.
    let mut anchors: Vec<(u64, u64)> = vec![(0, 0)];
    let mut before = 0u64;
    for (seg, w) in segments.iter().zip(&words) {
        if let (Timing::Exact, Some(start)) = (seg.timing, seg.start_ms) {
            // A stamp that goes backwards cannot anchor an interpolation.
            if anchors.last().is_none_or(|&(_, t)| start >= t) {
                anchors.push((before, start));
            }
        }
        before += w;
    }
    if let Some(d) = duration_ms {
        if anchors
            .last()
            .is_some_and(|&(w, t)| w < total_words && t < d)
        {
            anchors.push((total_words, d));
        }
    }
    let at = |pos: u64| -> u64 {
        let i = anchors.partition_point(|&(w, _)| w <= pos);
        let (w0, t0) = anchors[i - 1];
        match anchors.get(i) {
            Some(&(w1, t1)) if w1 > w0 => t0 + (t1 - t0) * (pos - w0) / (w1 - w0),
            _ => t0 + (pos - w0) * MS_PER_WORD,
        }
    };
    let mut before = 0u64;
    for (seg, w) in segments.iter_mut().zip(&words) {
        if seg.timing != Timing::Exact || seg.start_ms.is_none() {
            seg.start_ms = Some(at(before));
            seg.timing = Timing::Estimated;
            seg.end_ms = None;
        }
        before += w;
    }
    fill_ends(segments, &words, duration_ms);
}

/// Each segment without an end ends where the next one starts; the last at the stated
/// duration, or after its words at the spoken rate.
fn fill_ends(segments: &mut [Segment], words: &[u64], duration_ms: Option<u64>) {
    let n = segments.len();
    for i in 0..n {
        if segments[i].end_ms.is_some() {
            continue;
        }
        let start = segments[i].start_ms.unwrap_or(0);
        let end = match segments.get(i + 1).and_then(|s| s.start_ms) {
            Some(next) if next >= start => next,
            _ if i + 1 == n => duration_ms
                .filter(|&d| d > start)
                .unwrap_or(start + words[i] * MS_PER_WORD),
            _ => start + words[i] * MS_PER_WORD,
        };
        segments[i].end_ms = Some(end);
    }
}

/// The last time the source itself gives (a stamp, or a cue's end), before estimation.
pub fn last_source_time(segments: &[Segment]) -> Option<u64> {
    segments
        .iter()
        .filter(|s| s.timing == Timing::Exact)
        .filter_map(|s| s.end_ms.max(s.start_ms))
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(words: usize) -> Segment {
        Segment::text(vec!["w"; words].join(" "))
    }

    #[test]
    fn spreads_over_the_stated_duration() {
        let mut segs = vec![seg(10), seg(30), seg(60)];
        estimate(&mut segs, Some(100));
        let starts: Vec<_> = segs.iter().map(|s| s.start_ms.unwrap()).collect();
        assert_eq!(starts, vec![0, 10_000, 40_000]);
        assert_eq!(segs[2].end_ms, Some(100_000));
        assert!(segs.iter().all(|s| s.timing == Timing::Estimated));
    }

    #[test]
    fn uses_the_spoken_rate_without_duration() {
        let mut segs = vec![seg(150), seg(150)];
        estimate(&mut segs, None);
        assert_eq!(segs[1].start_ms, Some(60_000));
        assert_eq!(segs[1].end_ms, Some(120_000));
    }

    #[test]
    fn interpolates_between_exact_stamps_and_keeps_them() {
        let mut segs = vec![
            Segment::timed(0, None, "a b"),
            seg(2),
            seg(4),
            Segment::timed(80_000, None, "c"),
        ];
        estimate(&mut segs, None);
        assert_eq!(segs[0].timing, Timing::Exact);
        assert_eq!(segs[0].end_ms, Some(segs[1].start_ms.unwrap()));
        assert_eq!(segs[1].start_ms, Some(20_000));
        assert_eq!(segs[2].start_ms, Some(40_000));
        assert_eq!(segs[3].start_ms, Some(80_000));
        assert_eq!(segs[3].timing, Timing::Exact);
    }
}
