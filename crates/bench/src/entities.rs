//! `earshot-bench entities`: earshot's entity recognition scored on the annotated set
//! (`eval/entities`), beside spaCy's predictions when given (`scripts/eval.sh` makes
//! them), and the extractor's speed on the same text.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use earshot_extract::gazetteer::normalize;
use earshot_extract::{score, Extractor, GoldDoc, Kind, Predicted, Scores};

use crate::EntitiesArgs;

/// Runs the evaluation and prints the table (or one JSON object).
pub fn run(args: &EntitiesArgs) -> Result<()> {
    let gold = earshot_extract::load_dir(&args.dir).context("cannot load the evaluation set")?;
    if gold.is_empty() {
        bail!("no *.txt documents in {}", args.dir.display());
    }
    let extractor = Extractor::builtin();
    let ours = earshot_extract::predict(extractor, &gold);
    let our_scores = score(&gold, &ours);
    let spacy = match &args.spacy {
        Some(path) => Some(read_spacy(path)?),
        None => None,
    };
    let spacy_scores = spacy.as_ref().map(|(p, _)| score(&gold, p));
    let words: usize = gold.iter().map(|d| d.text.split_whitespace().count()).sum();
    let speed = words_per_second(extractor, &gold, args.speed_runs);
    if args.json {
        let obj = serde_json::json!({
            "documents": gold.len(),
            "words": words,
            "mentions": gold.iter().map(|d| d.mentions.len()).sum::<usize>(),
            "earshot": scores_json(&our_scores),
            "earshot_words_per_second": speed,
            "spacy": spacy_scores.as_ref().map(scores_json),
            "spacy_run": spacy.as_ref().map(|(_, summary)| summary.clone()),
        });
        println!("{obj}");
    } else {
        print_table(&gold, words, &our_scores, spacy_scores.as_ref(), speed);
        if let Some((_, summary)) = &spacy {
            println!("spaCy run: {summary}");
        }
    }
    if args.errors {
        print_errors(&gold, &ours);
    }
    Ok(())
}

/// The extractor's speed over the set: whitespace words per second on one thread, the best of
/// `runs` passes.
fn words_per_second(extractor: &Extractor, gold: &[GoldDoc], runs: usize) -> f64 {
    let words: usize = gold.iter().map(|d| d.text.split_whitespace().count()).sum();
    let mut best = f64::MAX;
    for _ in 0..runs.max(1) {
        let started = Instant::now();
        let mut found = 0usize;
        for doc in gold {
            found += extractor.extract(&[doc.text.as_str()]).len();
        }
        std::hint::black_box(found);
        best = best.min(started.elapsed().as_secs_f64());
    }
    words as f64 / best
}

/// spaCy's predictions (`scripts/spacy_entities.py`) and its summary line.
fn read_spacy(path: &Path) -> Result<(Vec<Predicted>, serde_json::Value)> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut out = Vec::new();
    let mut summary = serde_json::Value::Null;
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(line)
            .with_context(|| format!("{}: line {}: not JSON", path.display(), i + 1))?;
        let Some(doc) = v["doc"].as_str() else {
            summary = v;
            continue;
        };
        let kind: Kind = match v["kind"].as_str().map(str::parse) {
            Some(Ok(k)) => k,
            _ => continue,
        };
        let offset = |key: &str| -> Result<usize> {
            v[key]
                .as_u64()
                .map(|n| n as usize)
                .with_context(|| format!("{}: line {}: no {key}", path.display(), i + 1))
        };
        out.push(Predicted {
            doc: doc.to_string(),
            start: offset("start")?,
            end: offset("end")?,
            kind,
            canonical: None,
        });
    }
    Ok((out, summary))
}

fn scores_json(s: &Scores) -> serde_json::Value {
    let counts = |c: &earshot_extract::Counts| {
        serde_json::json!({
            "precision": c.precision(), "recall": c.recall(), "f1": c.f1(),
            "correct": c.correct, "predicted": c.predicted, "gold": c.gold,
        })
    };
    let by_kind: BTreeMap<&str, serde_json::Value> = s
        .by_kind
        .iter()
        .map(|(k, c)| (k.as_str(), counts(c)))
        .collect();
    serde_json::json!({
        "overall": counts(&s.overall),
        "by_kind": by_kind,
        "spans_only": counts(&s.spans_only),
        "garbled_linked": s.garbled_linked,
        "garbled": s.garbled,
        "garbled_accuracy": s.garbled_linked as f64 / s.garbled.max(1) as f64,
        "linked": s.linked,
    })
}

fn print_table(gold: &[GoldDoc], words: usize, ours: &Scores, spacy: Option<&Scores>, speed: f64) {
    let mentions: usize = gold.iter().map(|d| d.mentions.len()).sum();
    println!(
        "{} documents, {words} words, {mentions} gold mentions ({} garbled)",
        gold.len(),
        ours.garbled
    );
    println!("entity-level scores: span and kind must both match (a leading \"the\" ignored)");
    println!();
    println!(
        "{:<14} {:>5}  {:>6} {:>6} {:>6}   {:>6} {:>6} {:>6}",
        "kind", "gold", "P", "R", "F1", "spaCy P", "R", "F1"
    );
    let row = |name: &str,
               gold: usize,
               c: &earshot_extract::Counts,
               s: Option<&earshot_extract::Counts>| {
        let theirs = match s {
            Some(s) => format!("{:>7.3} {:>6.3} {:>6.3}", s.precision(), s.recall(), s.f1()),
            None => format!("{:>7} {:>6} {:>6}", "-", "-", "-"),
        };
        println!(
            "{:<14} {:>5}  {:>6.3} {:>6.3} {:>6.3}   {theirs}",
            name,
            gold,
            c.precision(),
            c.recall(),
            c.f1()
        );
    };
    for (i, (kind, c)) in ours.by_kind.iter().enumerate() {
        row(kind.as_str(), c.gold, c, spacy.map(|s| &s.by_kind[i].1));
    }
    row(
        "overall",
        ours.overall.gold,
        &ours.overall,
        spacy.map(|s| &s.overall),
    );
    row(
        "spans only",
        ours.spans_only.gold,
        &ours.spans_only,
        spacy.map(|s| &s.spans_only),
    );
    println!();
    println!(
        "garbled surfaces linked to the right entity: {}/{} = {:.1}%",
        ours.garbled_linked,
        ours.garbled,
        100.0 * ours.garbled_linked as f64 / ours.garbled.max(1) as f64
    );
    println!(
        "all gold mentions linked to the right entity: {}/{} = {:.1}%",
        ours.linked,
        mentions,
        100.0 * ours.linked as f64 / mentions.max(1) as f64
    );
    if let Some(s) = spacy {
        println!(
            "F1 difference (earshot - spaCy): {:+.1} points",
            100.0 * (ours.overall.f1() - s.overall.f1())
        );
    }
    println!(
        "extraction speed on this set, one thread: {:.0} words/s",
        speed
    );
}

/// Every miss and every false prediction, for tuning.
fn print_errors(gold: &[GoldDoc], ours: &[Predicted]) {
    for doc in gold {
        let preds: Vec<&Predicted> = ours.iter().filter(|p| p.doc == doc.name).collect();
        for m in &doc.mentions {
            let hit = preds.iter().find(|p| p.start < m.end && m.start < p.end);
            let exact = preds.iter().any(|p| {
                trim(&doc.text, p.start, p.end) == trim(&doc.text, m.start, m.end)
                    && p.kind == m.kind
            });
            if exact {
                continue;
            }
            match hit {
                Some(p) => println!(
                    "WRONG {}\t{:?}\t{}\t{}\tgot {:?}\t{}\t{}",
                    doc.name,
                    m.surface,
                    m.kind,
                    m.canonical,
                    &doc.text[p.start..p.end],
                    p.kind,
                    p.canonical.as_deref().unwrap_or("")
                ),
                None => println!(
                    "MISS {}\t{:?}\t{}\t{}",
                    doc.name, m.surface, m.kind, m.canonical
                ),
            }
        }
        // Garbled surfaces that no overlapping prediction links to the right entity, as the
        // "garbled surfaces linked" line counts them.
        for m in doc.mentions.iter().filter(|m| m.garbled) {
            let want = normalize(&m.canonical);
            let got: Vec<&str> = preds
                .iter()
                .filter(|p| p.start < m.end && m.start < p.end)
                .filter_map(|p| p.canonical.as_deref())
                .collect();
            if !got.iter().any(|c| normalize(c) == want) {
                println!(
                    "GARBLED {}\t{:?}\t{}\tgot {:?}",
                    doc.name, m.surface, m.canonical, got
                );
            }
        }
        for p in preds {
            if !doc
                .mentions
                .iter()
                .any(|m| p.start < m.end && m.start < p.end)
            {
                println!(
                    "FALSE {}\t{:?}\t{}\t{}",
                    doc.name,
                    &doc.text[p.start..p.end],
                    p.kind,
                    p.canonical.as_deref().unwrap_or("")
                );
            }
        }
    }
}

fn trim(text: &str, start: usize, end: usize) -> (usize, usize) {
    let s = &text[start..end];
    if s.len() > 4 && (s.starts_with("the ") || s.starts_with("The ")) {
        (start + 4, end)
    } else {
        (start, end)
    }
}

/// `earshot-bench extract`: the extractor's speed on synthetic episodes (realistic commentary
/// with garbled names), one thread, best of `runs` passes over the same episodes.
pub fn run_speed(args: &crate::ExtractArgs) -> Result<()> {
    let extractor = Extractor::builtin();
    let mut episodes = Vec::new();
    let mut words = 0usize;
    let mut i = 0;
    while words < args.words {
        let t = earshot_synth::episode(args.seed, i);
        words += t.word_count();
        episodes.push(t);
        i += 1;
    }
    let bytes: usize = episodes
        .iter()
        .flat_map(|t| t.segments.iter().map(|s| s.text.len()))
        .sum();
    let mut best = f64::MAX;
    let mut mentions = 0;
    for _ in 0..args.runs.max(1) {
        let started = Instant::now();
        mentions = 0;
        for t in &episodes {
            let texts: Vec<&str> = t.segments.iter().map(|s| s.text.as_str()).collect();
            mentions += std::hint::black_box(extractor.extract(&texts)).len();
        }
        best = best.min(started.elapsed().as_secs_f64());
    }
    let row = serde_json::json!({
        "episodes": episodes.len(), "words": words, "bytes": bytes, "mentions": mentions,
        "seconds": best, "words_per_second": words as f64 / best,
        "mb_per_second": bytes as f64 / 1e6 / best, "threads": 1,
        "profile": crate::report::profile(),
    });
    if args.json {
        println!("{row}");
    } else {
        println!(
            "extract: {} episodes, {words} words, {:.1} MB, {mentions} mentions",
            episodes.len(),
            bytes as f64 / 1e6
        );
        println!(
            "  best of {} passes: {best:.3} s = {:.0} words/s ({:.1} MB/s) on one thread",
            args.runs,
            words as f64 / best,
            bytes as f64 / 1e6 / best
        );
    }
    Ok(())
}
