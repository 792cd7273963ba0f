//! The entity evaluation set (`eval/entities/`) loads, is big enough, covers every kind, and
//! agrees with the gazetteer; and the annotation parser reports errors by line.

use std::collections::BTreeMap;
use std::path::PathBuf;

use earshot_extract::{load_dir, parse_gold, EvalError, Gazetteer, GoldDoc, Kind};

fn eval_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../eval/entities")
}

fn docs() -> Vec<GoldDoc> {
    load_dir(eval_dir()).unwrap_or_else(|e| panic!("the evaluation set loads: {e}"))
}

#[test]
fn the_set_loads_and_has_enough_documents() {
    let docs = docs();
    assert!(docs.len() >= 15, "{} documents", docs.len());
    for d in &docs {
        assert!(!d.mentions.is_empty(), "{} has no mentions", d.name);
    }
}

#[test]
fn at_least_ten_thousand_words() {
    let words: usize = docs()
        .iter()
        .map(|d| d.text.split_whitespace().count())
        .sum();
    assert!(words >= 10_000, "{words} words");
}

#[test]
fn every_kind_has_at_least_forty_mentions() {
    let mut counts: BTreeMap<Kind, usize> = BTreeMap::new();
    for d in docs() {
        for m in d.mentions {
            *counts.entry(m.kind).or_default() += 1;
        }
    }
    for kind in Kind::ALL {
        let n = counts.get(&kind).copied().unwrap_or(0);
        assert!(n >= 40, "{kind}: {n} mentions ({counts:?})");
    }
}

#[test]
fn at_least_150_garbled_mentions() {
    let garbled: usize = docs()
        .iter()
        .map(|d| d.mentions.iter().filter(|m| m.garbled).count())
        .sum();
    assert!(garbled >= 150, "{garbled} garbled mentions");
}

#[test]
fn gazetteer_entities_have_the_gazetteer_kind() {
    let g = Gazetteer::builtin();
    let mut mismatches = Vec::new();
    for d in docs() {
        for m in &d.mentions {
            if let Some(e) = g.by_canonical(&m.canonical) {
                if e.kind != m.kind {
                    mismatches.push(format!(
                        "{}: {:?} as {} but the gazetteer says {}",
                        d.name, m.canonical, m.kind, e.kind
                    ));
                }
            }
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

#[test]
fn gazetteer_entities_are_labelled_by_their_canonical_name() {
    // A label that is not a canonical name but is another name of a gazetteer entry of the
    // same kind ("ANO 2011" for "ANO") should have used the canonical name.
    let g = Gazetteer::builtin();
    let mut problems = Vec::new();
    for d in docs() {
        for m in &d.mentions {
            if g.by_canonical(&m.canonical).is_some() {
                continue;
            }
            let same_kind: Vec<&str> = g
                .by_alias(&m.canonical)
                .into_iter()
                .filter(|e| e.kind == m.kind)
                .map(|e| e.canonical.as_str())
                .collect();
            if !same_kind.is_empty() {
                problems.push(format!(
                    "{}: {:?} is a gazetteer name of {}",
                    d.name,
                    m.canonical,
                    same_kind.join(", ")
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn offsets_round_trip() {
    for d in docs() {
        let mut last = 0;
        for m in &d.mentions {
            assert_eq!(&d.text[m.start..m.end], m.surface, "{}", d.name);
            assert!(m.start >= last, "{}: mentions in order", d.name);
            last = m.end;
        }
        assert!(!d.text.contains("[["), "{}: markup left in text", d.name);
        assert!(!d.text.contains("]]"), "{}: markup left in text", d.name);
    }
}

#[test]
fn parses_mentions_and_strips_markup() {
    let d = parse_gold(
        "t",
        "and then [[Whitkoff|Steve Witkoff|person]] flew to [[Riyadh|Riyadh|place]]\n\
         to see [[the Saudis|Saudis|group]], [[Witkoff|Steve Witkoff|person]] again",
    )
    .unwrap();
    assert_eq!(
        d.text,
        "and then Whitkoff flew to Riyadh\nto see the Saudis, Witkoff again"
    );
    let got: Vec<(&str, &str, Kind, bool)> = d
        .mentions
        .iter()
        .map(|m| (m.surface.as_str(), m.canonical.as_str(), m.kind, m.garbled))
        .collect();
    assert_eq!(
        got,
        [
            ("Whitkoff", "Steve Witkoff", Kind::Person, true),
            ("Riyadh", "Riyadh", Kind::Place, false),
            ("the Saudis", "Saudis", Kind::Group, false),
            ("Witkoff", "Steve Witkoff", Kind::Person, false),
        ]
    );
    for m in &d.mentions {
        assert_eq!(&d.text[m.start..m.end], m.surface);
    }
}

fn error_line(annotated: &str) -> (usize, String) {
    match parse_gold("doc", annotated) {
        Err(e @ EvalError::Syntax { .. }) => (e.line().unwrap(), e.to_string()),
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

#[test]
fn errors_name_the_line() {
    let (line, msg) = error_line("fine\nfine [[Kyiv|Kyiv|place]]\nbroken [[Kyiv|Kyiv|place\n");
    assert_eq!(line, 3, "{msg}");
    assert!(msg.starts_with("doc: line 3:"), "{msg}");

    let (line, msg) = error_line("ok\nstray Kyiv|Kyiv|place]] here");
    assert_eq!(line, 2, "{msg}");

    let (line, msg) = error_line("[[Kyiv|Kyiv|city]]");
    assert_eq!(line, 1);
    assert!(msg.contains("unknown kind"), "{msg}");

    let (line, msg) = error_line("a\nb\nc [[Kyiv||place]]");
    assert_eq!(line, 3);
    assert!(msg.contains("empty canonical"), "{msg}");

    let (line, msg) = error_line("[[|Kyiv|place]]");
    assert_eq!(line, 1);
    assert!(msg.contains("empty surface"), "{msg}");

    let (line, msg) = error_line("x\n[[Kyiv|place]]");
    assert_eq!(line, 2);
    assert!(msg.contains("fields"), "{msg}");

    let (line, _) = error_line("x\n\n[[a [[Kyiv|Kyiv|place]]|b|place]]");
    assert_eq!(line, 3);
}

#[test]
fn a_missing_directory_is_an_io_error() {
    match load_dir(eval_dir().join("no-such-dir")) {
        Err(EvalError::Io { .. }) => {}
        other => panic!("{other:?}"),
    }
}

/// Prints the set's figures (run with `--nocapture`): documents, words, mentions by kind,
/// garbled mentions and the distinct garbled surfaces.
#[test]
fn summary() {
    let docs = docs();
    let words: usize = docs.iter().map(|d| d.text.split_whitespace().count()).sum();
    let mut counts: BTreeMap<Kind, usize> = BTreeMap::new();
    let mut garbled: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for d in &docs {
        for m in &d.mentions {
            *counts.entry(m.kind).or_default() += 1;
            if m.garbled {
                garbled
                    .entry(m.canonical.clone())
                    .or_default()
                    .push(m.surface.clone());
            }
        }
    }
    let n_garbled: usize = garbled.values().map(Vec::len).sum();
    println!(
        "{} documents, {words} words, mentions {counts:?}, {n_garbled} garbled",
        docs.len()
    );
    for (canonical, surfaces) in &garbled {
        println!("  {canonical}: {}", surfaces.join(", "));
    }
}

/// The quality targets, as a regression guard: entity-level F1 at least 0.85 and at
/// least 90% of garbled surfaces linked to the right entity (`earshot-bench entities` prints
/// the full table, and spaCy's beside it).
#[test]
fn the_recogniser_meets_the_quality_targets() {
    use earshot_extract::{predict, score, Extractor};
    let gold = docs();
    let predicted = predict(Extractor::builtin(), &gold);
    let s = score(&gold, &predicted);
    assert!(s.overall.f1() >= 0.85, "F1 {:.3}", s.overall.f1());
    let garbled = s.garbled_linked as f64 / s.garbled as f64;
    assert!(
        garbled >= 0.90,
        "garbled linked {}/{}",
        s.garbled_linked,
        s.garbled
    );
}
