//! Property tests of the text stage: it never loses, adds or reorders a word, and the times
//! it estimates never run backwards.

use earshot_model::{Segment, Timing, Transcript};
use earshot_text::{finish, normalise::normalise, punctuate, sentences};
use proptest::prelude::*;

fn words(s: &str) -> Vec<String> {
    s.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn normalise_keeps_every_word(text in "[a-zA-Z .,?!'\\n\\t]{0,300}") {
        prop_assert_eq!(words(&normalise(&text, false)), words(&text));
    }

    #[test]
    fn normalise_never_panics_on_any_text(text in "\\PC{0,200}", glued: bool) {
        let _ = normalise(&text, glued);
    }

    #[test]
    fn sentences_cover_the_text_in_order(text in "[A-Za-z .?!\"']{0,300}") {
        let joined: Vec<&str> = sentences::sentences(&text).collect();
        prop_assert_eq!(words(&joined.join(" ")), words(&text));
        let mut last = 0;
        for r in sentences::split(&text) {
            prop_assert!(r.start >= last && r.end > r.start);
            last = r.end;
        }
    }

    #[test]
    fn punctuation_restoration_keeps_words(segs in prop::collection::vec("[a-z]{1,8}( [a-z']{1,8}){0,25}", 1..10)) {
        let mut segments: Vec<Segment> = segs.iter().map(Segment::text).collect();
        punctuate::restore(&mut segments);
        for (before, after) in segs.iter().zip(&segments) {
            prop_assert_eq!(words(&after.text), words(before));
        }
    }

    #[test]
    fn finished_transcripts_are_timed_and_ordered(
        paras in prop::collection::vec("[A-Z][a-z]{1,8}( [a-z]{1,8}){0,90}\\.", 1..8),
        duration in prop::option::of(60u64..7200),
        stamps in prop::collection::vec(prop::option::of(0u64..100), 8),
    ) {
        let mut t = Transcript::new("plain");
        t.duration_s = duration;
        let mut at = 0;
        for (p, s) in paras.iter().zip(&stamps) {
            t.segments.push(match s {
                Some(gap) => { at += gap * 1000; Segment::timed(at, None, p.clone()) }
                None => Segment::text(p.clone()),
            });
        }
        let before: Vec<String> = paras.iter().flat_map(|p| words(p)).collect();
        finish(&mut t);
        let after: Vec<String> = t.segments.iter().flat_map(|s| words(&s.text)).collect();
        prop_assert_eq!(after, before);
        prop_assert!(t.segments.iter().all(|s| s.timing != Timing::None && s.start_ms.is_some() && s.end_ms.is_some()));
        let starts: Vec<u64> = t.segments.iter().map(|s| s.start_ms.unwrap()).collect();
        prop_assert!(starts.windows(2).all(|w| w[0] <= w[1]), "{:?}", starts);
        prop_assert!(t.duration_s.is_some());
    }
}
