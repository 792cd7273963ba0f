//! Printing results: an aligned table for a terminal, or JSON lines.

use std::time::Duration;

use serde_json::json;

use crate::parse::LayoutResult;
use crate::ParseArgs;

/// The machine and build the figures come from.
pub struct Environment {
    pub cores: usize,
    pub profile: &'static str,
    pub seed: u64,
    pub runs: usize,
}

impl Environment {
    /// This process's environment.
    pub fn current(args: &ParseArgs) -> Self {
        Environment {
            cores: cores(),
            profile: profile(),
            seed: args.seed,
            runs: args.runs,
        }
    }
}

/// The machine's core count.
pub fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// "release" or "debug".
pub fn profile() -> &'static str {
    if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    }
}

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

fn mb_per_s(bytes: usize, d: Duration) -> f64 {
    let s = d.as_secs_f64();
    if s > 0.0 {
        mb(bytes) / s
    } else {
        f64::INFINITY
    }
}

/// The detection column: "ok", or the mismatch count and where the documents went.
fn detection(r: &LayoutResult) -> String {
    let n = r.mismatches();
    if n == 0 {
        return "ok".to_owned();
    }
    let went: Vec<String> = r
        .detected_as
        .iter()
        .filter(|(id, _)| id.as_str() != r.layout)
        .map(|(id, k)| format!("{id} {k}"))
        .collect();
    format!("MISMATCH {n}/{} ({})", r.documents, went.join(", "))
}

/// The lines above the table.
pub fn print_header(env: &Environment, args: &ParseArgs) {
    println!(
        "earshot-bench parse: {} MB per layout, seed {}, best of {} runs on one thread",
        args.mb, env.seed, env.runs
    );
    println!("machine: {} cores; build: {}", env.cores, env.profile);
    println!();
    println!(
        "{:<18} {:>7} {:>6} {:>11} {:>13} {:>7}  detection",
        "layout", "MB", "docs", "parse MB/s", "+text MB/s", "errors"
    );
}

/// One layout's row.
pub fn print_row(r: &LayoutResult) {
    println!(
        "{:<18} {:>7.1} {:>6} {:>11.1} {:>13.1} {:>7}  {}",
        r.layout,
        mb(r.bytes),
        r.documents,
        mb_per_s(r.bytes, r.parse),
        mb_per_s(r.bytes, r.parse_text),
        r.errors,
        detection(r)
    );
}

/// Totals, and the first error of each layout that had any.
pub fn print_footer(results: &[LayoutResult]) {
    let bytes: usize = results.iter().map(|r| r.bytes).sum();
    let docs: usize = results.iter().map(|r| r.documents).sum();
    let parse: Duration = results.iter().map(|r| r.parse).sum();
    let parse_text: Duration = results.iter().map(|r| r.parse_text).sum();
    let errors: usize = results.iter().map(|r| r.errors).sum();
    let mismatches: usize = results.iter().map(LayoutResult::mismatches).sum();
    println!(
        "{:<18} {:>7.1} {:>6} {:>11.1} {:>13.1} {:>7}  {}",
        "all",
        mb(bytes),
        docs,
        mb_per_s(bytes, parse),
        mb_per_s(bytes, parse_text),
        errors,
        if mismatches == 0 {
            "ok".to_owned()
        } else {
            format!("MISMATCH {mismatches}/{docs}")
        }
    );
    for r in results {
        if let Some(e) = &r.first_error {
            println!("{}: {} documents refused, first: {e}", r.layout, r.errors);
        }
    }
}

/// One layout as a JSON object on one line.
pub fn print_json(r: &LayoutResult, env: &Environment) {
    let v = json!({
        "layout": r.layout,
        "mb": mb(r.bytes),
        "documents": r.documents,
        "parse_mb_s": mb_per_s(r.bytes, r.parse),
        "parse_text_mb_s": mb_per_s(r.bytes, r.parse_text),
        "parse_s": r.parse.as_secs_f64(),
        "parse_text_s": r.parse_text.as_secs_f64(),
        "detected_ok": r.documents - r.mismatches(),
        "mismatches": r.mismatches(),
        "detected_as": r.detected_as,
        "errors": r.errors,
        "first_error": r.first_error,
        "seed": env.seed,
        "runs": env.runs,
        "cores": env.cores,
        "profile": env.profile,
    });
    println!("{v}");
}
