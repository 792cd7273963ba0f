//! The archive benchmark's report: an aligned table with the targets beside the figures, or
//! one JSON object.

use serde_json::{json, Value};

use super::queries::Kind;
use super::timing::{Measured, Summary};
use super::Results;
use crate::ArchiveArgs;

/// Ingest throughput target, MB/s.
const TARGET_INGEST_MB_S: f64 = 20.0;
/// earshot's p99 target, ms.
const TARGET_P99_MS: f64 = 20.0;
/// earshot's p50 speed-up over ripgrep target.
const TARGET_SPEEDUP: f64 = 100.0;
/// Peak memory while ingesting must stay under this, MB (10^6 bytes).
const TARGET_PEAK_MB: f64 = 1000.0;

fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1e6
}

fn kb_to_mb(kb: u64) -> f64 {
    kb as f64 * 1024.0 / 1e6
}

fn verdict(met: bool) -> &'static str {
    if met {
        "met"
    } else {
        "MISSED"
    }
}

/// The derived figures both outputs print.
struct Figures {
    ingest_s: f64,
    ingest_mb_s: f64,
    episodes_s: f64,
    peak_mb: f64,
    earshot: Summary,
    fts: Summary,
    rg: Option<Summary>,
    /// ripgrep's p50 over earshot's.
    speedup: Option<f64>,
}

impl Figures {
    fn of(r: &Results) -> Self {
        let ingest_s = r.ingest.elapsed.as_secs_f64().max(1e-9);
        let earshot = Summary::of(&r.earshot.times);
        let rg = r.rg.as_ref().map(|m| Summary::of(&m.times));
        Figures {
            ingest_s,
            ingest_mb_s: mb(r.corpus.written.bytes) / ingest_s,
            episodes_s: r.corpus.written.episodes as f64 / ingest_s,
            peak_mb: kb_to_mb(r.ingest.hwm_kb.max(r.ingest.rss_kb)),
            earshot,
            fts: Summary::of(&r.fts.times),
            rg,
            speedup: rg.map(|s| s.p50 / earshot.p50.max(1e-9)),
        }
    }
}

fn answered(m: &Measured, r: &Results, kind: Option<Kind>) -> (usize, usize) {
    let picked: Vec<usize> = (0..r.queries.len())
        .filter(|&i| kind.is_none_or(|k| r.queries[i].kind == k))
        .collect();
    let n = picked.iter().filter(|&&i| m.hits[i] > 0).count();
    (n, picked.len())
}

fn kind_p50(m: &Measured, r: &Results, kind: Kind) -> f64 {
    let times: Vec<_> = (0..r.queries.len())
        .filter(|&i| r.queries[i].kind == kind)
        .map(|i| m.times[i])
        .collect();
    Summary::of(&times).p50
}

/// The table for a terminal.
pub fn print(r: &Results, args: &ArchiveArgs) {
    let f = Figures::of(r);
    let c = &r.corpus;
    println!(
        "earshot-bench archive: seed {}, {} episodes, {} queries; machine: {} cores; build: {}",
        r.seed,
        c.written.episodes,
        r.queries.len(),
        crate::report::cores(),
        crate::report::profile()
    );
    println!(
        "corpus {}: {:.1} MB, {:.2} M words ({})",
        c.dir.display(),
        mb(c.written.bytes),
        c.written.words as f64 / 1e6,
        match c.generated {
            Some(d) => format!("written in {:.1} s", d.as_secs_f64()),
            None => "reused".to_owned(),
        }
    );
    println!();
    let ing = &r.ingest;
    println!(
        "{:<34} {:>12}   target",
        "ingest (earshot ingest, a child)", "measured"
    );
    println!("{:<34} {:>10.1} s", "  wall time", f.ingest_s);
    println!(
        "{:<34} {:>7.1} MB/s   >= {TARGET_INGEST_MB_S} MB/s   {}",
        "  throughput",
        f.ingest_mb_s,
        verdict(f.ingest_mb_s >= TARGET_INGEST_MB_S)
    );
    println!("{:<34} {:>12.1}", "  episodes/s", f.episodes_s);
    println!(
        "{:<34} {:>9.0} MB   < {TARGET_PEAK_MB} MB   {}   (VmHWM {:.0}, max VmRSS {:.0}, {} samples)",
        "  peak memory",
        f.peak_mb,
        verdict(f.peak_mb < TARGET_PEAK_MB),
        kb_to_mb(ing.hwm_kb),
        kb_to_mb(ing.rss_kb),
        ing.samples
    );
    println!(
        "{:<34} {:>9.1} MB   (catalog {:.1}, index {:.1})",
        "  archive on disk",
        mb(ing.archive_bytes),
        mb(ing.archive_bytes - ing.index_bytes),
        mb(ing.index_bytes)
    );
    println!(
        "{:<34} {:>12}",
        "  episodes added / merged / rejected",
        format!(
            "{} / {} / {}",
            ing.summary["added"],
            ing.summary["merged"],
            ing.summary["rejected"].as_array().map_or(0, Vec::len)
        )
    );
    println!();
    println!(
        "queries (limit 10; earshot and fts5: median of {} passes after a warm-up; ripgrep: {} pass(es), no warm-up)",
        args.passes, args.rg_passes
    );
    println!(
        "{:<12} {:>8} {:>8} {:>8} {:>8} {:>7} {:>9} {:>6}",
        "engine", "p50 ms", "p95 ms", "p99 ms", "max ms", "hits", "answered", "errors"
    );
    let row = |name: &str, s: &Summary, m: &Measured| {
        let (n, of) = answered(m, r, None);
        println!(
            "{:<12} {:>8.2} {:>8.2} {:>8.2} {:>8.2} {:>7} {:>9} {:>6}",
            name,
            s.p50,
            s.p95,
            s.p99,
            s.max,
            m.hits.iter().sum::<usize>(),
            format!("{n}/{of}"),
            m.errors
        );
    };
    row("earshot", &f.earshot, &r.earshot);
    row("sqlite-fts5", &f.fts, &r.fts);
    match (&r.rg, &f.rg) {
        (Some(m), Some(s)) => row("ripgrep", s, m),
        _ => println!(
            "{:<12} not run: ripgrep not found (apt-get install ripgrep)",
            "ripgrep"
        ),
    }
    println!(
        "hits: passages found (at most 10 a query) for earshot and fts5; files listed for ripgrep"
    );
    println!(
        "target: earshot p99 <= {TARGET_P99_MS} ms: {:.2} ms {}",
        f.earshot.p99,
        verdict(f.earshot.p99 <= TARGET_P99_MS)
    );
    if let Some(x) = f.speedup {
        println!(
            "target: earshot vs ripgrep at p50 >= {TARGET_SPEEDUP}x: {x:.0}x {}",
            verdict(x >= TARGET_SPEEDUP)
        );
    }
    println!();
    println!("by kind: queries with at least one hit, and p50 ms");
    println!(
        "{:<10} {:>4}  {:>16}  {:>16}  {:>16}",
        "kind", "n", "earshot", "sqlite-fts5", "ripgrep"
    );
    for kind in Kind::ALL {
        let cell = |m: &Measured| {
            let (n, _) = answered(m, r, Some(kind));
            format!("{n:>4} {:>9.2}", kind_p50(m, r, kind))
        };
        let (_, of) = answered(&r.earshot, r, Some(kind));
        println!(
            "{:<10} {:>4}  {:>16}  {:>16}  {:>16}",
            kind.name(),
            of,
            cell(&r.earshot),
            cell(&r.fts),
            r.rg.as_ref().map_or("-".to_owned(), cell)
        );
    }
    println!();
    let b = &r.fts_built;
    println!(
        "fts5 table: {} passages of {} episodes, built in {:.1} s, {:.1} MB",
        b.passages,
        b.episodes,
        b.elapsed.as_secs_f64(),
        mb(b.bytes)
    );
    for (name, m) in [("earshot", &r.earshot), ("sqlite-fts5", &r.fts)]
        .into_iter()
        .chain(r.rg.as_ref().map(|m| ("ripgrep", m)))
    {
        if let Some(e) = &m.first_error {
            println!("{name}: {} queries failed, first: {e}", m.errors);
        }
    }
}

fn engine_json(s: &Summary, m: &Measured, r: &Results) -> Value {
    let (n, of) = answered(m, r, None);
    let by_kind: serde_json::Map<String, Value> = Kind::ALL
        .into_iter()
        .map(|k| {
            let (n, of) = answered(m, r, Some(k));
            let v = json!({"queries": of, "answered": n, "p50_ms": kind_p50(m, r, k)});
            (k.name().to_owned(), v)
        })
        .collect();
    json!({
        "p50_ms": s.p50, "p95_ms": s.p95, "p99_ms": s.p99, "max_ms": s.max, "mean_ms": s.mean,
        "hits": m.hits.iter().sum::<usize>(), "answered": n, "queries": of,
        "errors": m.errors, "first_error": m.first_error, "passes": m.passes, "by_kind": by_kind,
    })
}

/// One JSON object.
pub fn json(r: &Results, args: &ArchiveArgs) -> Value {
    let f = Figures::of(r);
    let c = &r.corpus;
    let ing = &r.ingest;
    let b = &r.fts_built;
    let mut fts = engine_json(&f.fts, &r.fts, r);
    fts["build_s"] = json!(b.elapsed.as_secs_f64());
    fts["passages"] = json!(b.passages);
    fts["db_mb"] = json!(mb(b.bytes));
    json!({
        "seed": r.seed, "episodes": c.written.episodes, "queries": r.queries.len(),
        "cores": crate::report::cores(), "profile": crate::report::profile(),
        "corpus": {
            "dir": c.dir.display().to_string(), "mb": mb(c.written.bytes),
            "words": c.written.words, "written_s": c.generated.map(|d| d.as_secs_f64()),
        },
        "ingest": {
            "seconds": f.ingest_s, "mb_s": f.ingest_mb_s, "episodes_s": f.episodes_s,
            "peak_mb": f.peak_mb, "vm_hwm_mb": kb_to_mb(ing.hwm_kb), "vm_rss_max_mb": kb_to_mb(ing.rss_kb),
            "memory_samples": ing.samples, "archive_mb": mb(ing.archive_bytes),
            "catalog_mb": mb(ing.archive_bytes - ing.index_bytes), "index_mb": mb(ing.index_bytes),
            "earshot_summary": ing.summary,
        },
        "earshot": engine_json(&f.earshot, &r.earshot, r),
        "sqlite_fts5": fts,
        "ripgrep": match (&r.rg, &f.rg) {
            (Some(m), Some(s)) => engine_json(s, m, r),
            _ => Value::Null,
        },
        "speedup_p50_vs_ripgrep": f.speedup,
        "targets": {
            "ingest_mb_s": TARGET_INGEST_MB_S, "p99_ms": TARGET_P99_MS,
            "speedup_p50_vs_ripgrep": TARGET_SPEEDUP, "peak_mb": TARGET_PEAK_MB,
        },
        "met": {
            "ingest_mb_s": f.ingest_mb_s >= TARGET_INGEST_MB_S,
            "p99_ms": f.earshot.p99 <= TARGET_P99_MS,
            "speedup_p50_vs_ripgrep": f.speedup.map(|x| x >= TARGET_SPEEDUP),
            "peak_mb": f.peak_mb < TARGET_PEAK_MB,
        },
        "passes": args.passes, "rg_passes": args.rg_passes,
    })
}

/// Each query's figures, tab-separated, for `DIR/query-times.tsv`: kind, earshot's query, its
/// filters, then per engine the median ms and the hits.
pub fn per_query(r: &Results) -> String {
    let mut out = String::from(
        "# kind\tquery\tfilters\tearshot ms\tearshot hits\tfts5 ms\tfts5 hits\trg ms\trg files\n",
    );
    let cell = |m: Option<&Measured>, i: usize| match m {
        Some(m) => format!("{:.3}\t{}", m.times[i].as_secs_f64() * 1e3, m.hits[i]),
        None => "-\t-".to_owned(),
    };
    for (i, q) in r.queries.iter().enumerate() {
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\n",
            q.kind.name(),
            q.text(),
            q.filters(),
            cell(Some(&r.earshot), i),
            cell(Some(&r.fts), i),
            cell(r.rg.as_ref(), i)
        ));
    }
    out
}
