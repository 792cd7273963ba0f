//! Every fixture, imported end to end (decode, parse, text stage): no word of its body lost,
//! no header or chrome left, and every segment timed, with times that never run backwards
//! between estimated segments.

use earshot_formats::testing::{fixture_root, fixtures, leftover_line, missing_word};
use earshot_import::{import_file, Options};
use earshot_model::Timing;

#[test]
fn every_fixture_survives_the_whole_import() {
    let all = fixtures(&fixture_root(env!("CARGO_MANIFEST_DIR")));
    assert!(!all.is_empty());
    let mut failures = Vec::new();
    for f in all.iter().filter(|f| f.layout != "not-transcripts") {
        let name = f.path.display();
        let transcripts = match import_file(&f.path, &Options::default()) {
            Ok(t) => t,
            Err(e) => {
                failures.push(format!("{e}"));
                continue;
            }
        };
        if let Some(body) = &f.body {
            if let Some(w) = missing_word(body, &transcripts) {
                failures.push(format!("{name}: lost {w}"));
            }
        }
        if let Some(absent) = &f.absent {
            if let Some(l) = leftover_line(absent, &transcripts) {
                failures.push(format!("{name}: left in the text: {l:?}"));
            }
        }
        for t in transcripts.iter().filter(|t| !t.segments.is_empty()) {
            if t.segments
                .iter()
                .any(|s| s.timing == Timing::None || s.start_ms.is_none() || s.end_ms.is_none())
            {
                failures.push(format!(
                    "{name}: a segment has no time after the text stage"
                ));
            }
            if t.segments
                .iter()
                .any(|s| s.text.contains('\n') || s.text.contains("  "))
            {
                failures.push(format!(
                    "{name}: a segment's white space was not normalised"
                ));
            }
            if t.duration_s.is_none() {
                failures.push(format!("{name}: no duration"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn stamped_page_keeps_exact_times_and_flags_its_sign_off() {
    let path = fixture_root(env!("CARGO_MANIFEST_DIR")).join("podscripts/stamped.txt");
    let t = import_file(&path, &Options::default()).unwrap().remove(0);
    assert!(t.segments.iter().all(|s| s.timing == Timing::Exact));
    assert_eq!(t.segments[1].start_ms, Some(41_000));
    assert_eq!(t.segments[0].end_ms, Some(41_000));
    assert_eq!(t.duration_s, Some(252));
    let last = t.segments.last().unwrap();
    assert!(last.boilerplate, "{}", last.text);
    assert!(!t.segments[0].boilerplate);
}

#[test]
fn archive_page_is_cut_into_passages_spread_over_its_duration() {
    let path = fixture_root(env!("CARGO_MANIFEST_DIR")).join("archive-fm/branded.txt");
    let t = import_file(&path, &Options::default()).unwrap().remove(0);
    assert!(t.segments.len() >= 5);
    assert!(t.segments.iter().all(|s| s.timing == Timing::Estimated));
    assert_eq!(t.segments.last().unwrap().end_ms, Some(3_900_000));
    assert!(t
        .segments
        .iter()
        .any(|s| s.boilerplate && s.text.contains("Patreon")));
    let starts: Vec<u64> = t.segments.iter().map(|s| s.start_ms.unwrap()).collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn caption_dump_gets_sentences_back() {
    let path = fixture_root(env!("CARGO_MANIFEST_DIR")).join("captions/unstamped.txt");
    let t = import_file(&path, &Options::default()).unwrap().remove(0);
    let text: String = t
        .segments
        .iter()
        .map(|s| s.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.starts_with("Okay"), "{text}");
    assert!(text.matches(". ").count() >= 4, "{text}");
    assert!(text.contains(" I think"), "{text}");
}
