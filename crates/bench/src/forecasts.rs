//! `earshot-bench forecasts`: the forecast finder scored on the annotated set
//! (`eval/predictions`), beside the naive baseline ("will" / "going to", not a question).

use anyhow::{bail, Context, Result};
use earshot_extract::forecast_eval::{self, ForecastScores};
use earshot_extract::Counts;

use crate::ForecastsArgs;

/// Runs the evaluation and prints the table (or one JSON object).
pub fn run(args: &ForecastsArgs) -> Result<()> {
    let docs = forecast_eval::load_dir(&args.dir).context("cannot load the evaluation set")?;
    if docs.is_empty() {
        bail!("no *.txt documents in {}", args.dir.display());
    }
    let s = forecast_eval::score(&docs);
    let speed = words_per_second(&docs, 5);
    if args.json {
        let counts = |c: &Counts| {
            serde_json::json!({"correct": c.correct, "predicted": c.predicted, "gold": c.gold,
                "precision": c.precision(), "recall": c.recall(), "f1": c.f1()})
        };
        let obj = serde_json::json!({
            "documents": s.docs,
            "sentences": s.sentences,
            "non_forecast_sentences": s.non_forecasts,
            "gold_forecasts": s.finder.gold,
            "earshot": counts(&s.finder),
            "baseline": counts(&s.baseline),
            "confidence_accuracy": s.confidence_accuracy(),
            "conditional_accuracy": s.conditional_accuracy(),
            "due_within_tolerance": s.due_accuracy(),
            "due_checked": s.horizon_gold,
            "gold_with_horizon": s.horizon_gold_all,
            "earshot_words_per_second": speed,
        });
        println!("{obj}");
    } else {
        print_table(&s);
        println!("speed: {:.2} M words/s on one thread", speed / 1e6);
    }
    if args.errors {
        print_errors(&s);
    }
    Ok(())
}

/// The finder's speed over the set: whitespace words per second on one thread, the best of
/// `runs` passes.
fn words_per_second(docs: &[forecast_eval::ForecastDoc], runs: usize) -> f64 {
    let words: usize = docs
        .iter()
        .flat_map(|d| &d.lines)
        .map(|t| t.text.split_whitespace().count())
        .sum();
    let mut best = f64::MAX;
    for _ in 0..runs.max(1) {
        let started = std::time::Instant::now();
        let mut found = 0usize;
        for d in docs {
            for t in &d.lines {
                found += earshot_extract::forecast::find(&t.text, Some(d.published)).len();
            }
        }
        std::hint::black_box(found);
        best = best.min(started.elapsed().as_secs_f64());
    }
    words as f64 / best
}

fn print_table(s: &ForecastScores) {
    println!(
        "forecasts: {} documents, {} sentences, {} gold forecasts, {} other sentences",
        s.docs, s.sentences, s.finder.gold, s.non_forecasts
    );
    println!();
    println!(
        "{:<22} {:>9} {:>9} {:>9} {:>7} {:>9} {:>5}",
        "system", "precision", "recall", "F1", "found", "correct", "gold"
    );
    for (name, c) in [
        ("earshot", &s.finder),
        ("baseline (will/going to)", &s.baseline),
    ] {
        println!(
            "{:<22} {:>9.3} {:>9.3} {:>9.3} {:>7} {:>9} {:>5}",
            name,
            c.precision(),
            c.recall(),
            c.f1(),
            c.predicted,
            c.correct,
            c.gold
        );
    }
    println!();
    println!(
        "of {} forecasts found: confidence agrees {:.1}%, conditional flag agrees {:.1}%",
        s.finder.correct,
        100.0 * s.confidence_accuracy(),
        100.0 * s.conditional_accuracy()
    );
    println!(
        "due date within tolerance: {}/{} = {:.1}% of found forecasts that state a horizon ({} gold state one)",
        s.due_within,
        s.horizon_gold,
        100.0 * s.due_accuracy(),
        s.horizon_gold_all
    );
    println!("confidence, gold (rows) by found (columns):");
    println!("{:>10} {:>6} {:>6} {:>6}", "", "low", "medium", "high");
    for (name, row) in ["low", "medium", "high"].iter().zip(s.confidence_matrix) {
        println!("{:>10} {:>6} {:>6} {:>6}", name, row[0], row[1], row[2]);
    }
}

fn print_errors(s: &ForecastScores) {
    println!("\nmissed ({}):", s.missed.len());
    for (doc, line, text) in &s.missed {
        println!("  {doc}:{line}: {text}");
    }
    println!("\nfalse alarms ({}):", s.false_alarms.len());
    for (doc, line, text) in &s.false_alarms {
        println!("  {doc}:{line}: {text}");
    }
    println!("\ndue dates off ({}):", s.due_errors.len());
    for (doc, line, gold, got, text) in &s.due_errors {
        println!("  {doc}:{line}: gold {gold}, found {got}: {text}");
    }
}
