//! Property tests: no input makes detection or any parser panic, and generated documents in
//! the layouts owned by this file parse back to what generated them.

use earshot_formats::{all_layouts, decode, detect, layout_by_id, parse};
use earshot_model::format_clock;
use proptest::prelude::*;

/// Text that looks a little like transcripts: stamps, labels, keys, brackets and words.
fn transcriptish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-zA-Z ,.?!']{0,40}",
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("Starting point is 00:01:02 ".to_owned()),
        Just("Episode Date: March 3, 2026".to_owned()),
        Just("Broadcast on:\n".to_owned()),
        Just("Duration:\n".to_owned()),
        Just("00:00:01,000 --> 00:00:02,000\n".to_owned()),
        Just("WEBVTT\n".to_owned()),
        Just("[00:00:05] ".to_owned()),
        Just("(0:00) ".to_owned()),
        Just("Speaker 1  0:00\n".to_owned()),
        Just("Tom (01:02):\n".to_owned()),
        Just("{\"segments\": [".to_owned()),
        Just("<item><title>".to_owned()),
        Just("<cite>A:</cite><time>0:01</time><p>".to_owned()),
        "\\PC{0,8}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn decode_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = decode(&bytes);
    }

    #[test]
    fn detection_and_every_parser_never_panic(text in transcriptish()) {
        let _ = detect(&text);
        let _ = parse(&text, None);
        for layout in all_layouts() {
            let _ = layout.parse(&text);
        }
    }

    #[test]
    fn stamped_pages_round_trip(
        show in "[A-Z][a-z]{2,10}( [A-Z][a-z]{2,10})?",
        title in "[A-Z][a-z]{2,10}( [a-z]{2,8}){1,4}",
        gaps in prop::collection::vec(1u64..600, 1..30),
        texts in prop::collection::vec("[A-Z][a-z]{1,8}( [a-z]{1,8}){0,12}[.?]", 30),
    ) {
        let mut page = format!("{show} - {title}\n\nEpisode Date: March 3, 2026\n\n{title} ...\n\nTranscript\nDiscussion (0)\n");
        let mut at = 0;
        let mut starts = Vec::new();
        for (gap, text) in gaps.iter().zip(&texts) {
            page.push_str(&format!("Starting point is {} {text}\n", format_clock(at * 1000)));
            starts.push(at * 1000);
            at += gap;
        }
        page.push_str("\nThere aren't comments yet for this episode.\n");
        let t = parse(&page, None).unwrap().remove(0);
        prop_assert_eq!(t.format.as_str(), "podscripts");
        prop_assert_eq!(t.show.as_deref(), Some(show.as_str()));
        prop_assert_eq!(t.title.as_deref(), Some(title.as_str()));
        let got: Vec<u64> = t.segments.iter().filter_map(|s| s.start_ms).collect();
        prop_assert_eq!(got, starts);
        let got_texts: Vec<&str> = t.segments.iter().map(|s| s.text.as_str()).collect();
        prop_assert_eq!(got_texts, texts[..gaps.len()].iter().map(String::as_str).collect::<Vec<_>>());
    }

    #[test]
    fn archive_pages_round_trip(
        minutes in 1u64..300,
        body in "[A-Z][a-z]{1,8}( [a-z]{1,8}){5,80}\\.",
    ) {
        let page = format!("Archive.fm\n\nNight Desk\n\nA title\n\nA title\n\nDuration:\n{minutes}m\nBroadcast on:\n5 May 2024\nAudio Format:\nmp3\n\n{body}\n");
        let t = layout_by_id("archive-fm").unwrap().parse(&page).unwrap().remove(0);
        prop_assert_eq!(t.duration_s, Some(minutes * 60));
        prop_assert_eq!(t.segments.len(), 1);
        prop_assert_eq!(&t.segments[0].text, &body);
    }

    #[test]
    fn plain_paragraphs_round_trip(paras in prop::collection::vec("[A-Z][a-z]{1,8}( [a-z]{1,8}){0,20}\\.", 1..10)) {
        let text = paras.join("\n\n");
        let t = layout_by_id("plain").unwrap().parse(&text).unwrap().remove(0);
        let got: Vec<&str> = t.segments.iter().map(|s| s.text.as_str()).collect();
        prop_assert_eq!(got, paras.iter().map(String::as_str).collect::<Vec<_>>());
    }
}
