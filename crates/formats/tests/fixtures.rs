//! Every fixture under `fixtures/` is detected as the layout its folder names, parsed, and
//! loses no word of its body. (The text stage's own fixture test checks the finished text.)

use earshot_formats::testing::{fixture_root, fixtures, leftover_line, missing_word_glued};
use earshot_formats::{decode, detect, parse, FormatError};

#[test]
fn every_fixture_is_detected_and_parsed_without_loss() {
    let all = fixtures(&fixture_root(env!("CARGO_MANIFEST_DIR")));
    assert!(!all.is_empty(), "no fixtures found");
    let mut failures = Vec::new();
    for f in &all {
        let bytes = std::fs::read(&f.path).unwrap();
        let text = decode(&bytes).unwrap().text;
        let name = f.path.display();
        if f.layout == "not-transcripts" {
            match parse(&text, None) {
                Err(FormatError::NotATranscript(_)) => {}
                other => failures.push(format!(
                    "{name}: expected not-a-transcript, got {:?}",
                    other.map(|t| t[0].format.clone())
                )),
            }
            continue;
        }
        let d = detect(&text);
        if d.layout.id() != f.layout {
            failures.push(format!(
                "{name}: detected as {} ({:.2}), expected {}",
                d.layout.id(),
                d.confidence,
                f.layout
            ));
            continue;
        }
        let transcripts = match parse(&text, None) {
            Ok(t) => t,
            Err(e) => {
                failures.push(format!("{name}: {e}"));
                continue;
            }
        };
        if let Some(body) = &f.body {
            if let Some(w) = missing_word_glued(body, &transcripts) {
                failures.push(format!("{name}: lost {w}"));
            }
        }
        if let Some(absent) = &f.absent {
            if let Some(l) = leftover_line(absent, &transcripts) {
                failures.push(format!("{name}: header or chrome left in the text: {l:?}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} fixtures failed:\n{}",
        failures.len(),
        all.len(),
        failures.join("\n")
    );
}
