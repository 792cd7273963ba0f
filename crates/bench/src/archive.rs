//! `earshot-bench archive`: a synthetic corpus ingested by the release `earshot` binary (time,
//! peak memory, size on disk), then a fixed query mix answered by earshot, by SQLite FTS5 over
//! the same passages, and by ripgrep over the raw files. The figures are also written to
//! `DIR/results.json`, each query's to `DIR/query-times.tsv`. See `docs/benchmarks.md`.

pub mod child;
mod fts;
pub mod queries;
mod report;
pub mod timing;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::Context;
use earshot_archive::{Access, Archive, SearchRequest};
use earshot_synth::Written;

use crate::ArchiveArgs;
use queries::Query;
use timing::Measured;

/// The corpus the run used.
pub struct Corpus {
    pub dir: PathBuf,
    pub written: Written,
    /// How long writing it took; `None` when a complete one was reused.
    pub generated: Option<Duration>,
}

/// What ingesting took and made.
pub struct Ingest {
    pub elapsed: Duration,
    pub hwm_kb: u64,
    pub rss_kb: u64,
    pub samples: u64,
    /// earshot's own summary line (`ingest --json`).
    pub summary: serde_json::Value,
    pub archive_bytes: u64,
    pub index_bytes: u64,
}

/// Everything a report prints.
pub struct Results {
    pub seed: u64,
    pub queries: Vec<Query>,
    pub corpus: Corpus,
    pub ingest: Ingest,
    pub earshot: Measured,
    pub fts_built: fts::Built,
    pub fts: Measured,
    /// `None` when ripgrep is not installed.
    pub rg: Option<Measured>,
}

/// Runs the whole benchmark and prints its report.
pub fn run(args: &ArchiveArgs) -> anyhow::Result<()> {
    std::fs::create_dir_all(&args.corpus.dir)
        .with_context(|| format!("cannot create {}", args.corpus.dir.display()))?;
    let earshot = child::earshot_binary()?;
    let corpus = corpus(&args.corpus.dir, args.corpus.seed, args.corpus.episodes)?;
    let ingest = ingest(&earshot, &corpus.dir, &args.corpus.dir.join("archive"))?;

    let queries = queries::generate(args.corpus.seed, args.corpus.episodes, args.corpus.queries);
    let listing = args.corpus.dir.join("queries.txt");
    std::fs::write(&listing, queries::listing(&queries))?;
    progress(&format!(
        "{} queries written to {}",
        queries.len(),
        listing.display()
    ));

    let archive = Archive::open(&args.corpus.dir.join("archive"), Access::Read)?;
    progress("earshot: a warm-up pass, then timed passes");
    let earshot = timing::measure(&queries, args.passes, true, |q| {
        archive
            .search(&request(q))
            .map(|hits| hits.len())
            .map_err(|e| e.to_string())
    });

    let fts_path = args.corpus.dir.join("fts.sqlite");
    progress("sqlite fts5: building one row per passage from the catalog");
    let fts_built = fts::build(&archive, &fts_path)?;
    drop(archive);
    let table = fts::Fts::open(&fts_path)?;
    progress("sqlite fts5: a warm-up pass, then timed passes");
    let fts = timing::measure(&queries, args.passes, true, |q| {
        table.search(q).map_err(|e| e.to_string())
    });

    let rg = match child::ripgrep() {
        Some(rg) => {
            progress(&format!(
                "ripgrep: {} timed pass(es) over the raw files",
                args.rg_passes
            ));
            Some(timing::measure(&queries, args.rg_passes, false, |q| {
                child::rg_files(&rg, &q.rg_term, &corpus.dir)
            }))
        }
        None => {
            eprintln!("ripgrep not found (apt-get install ripgrep)");
            None
        }
    };
    let results = Results {
        seed: args.corpus.seed,
        queries,
        corpus,
        ingest,
        earshot,
        fts_built,
        fts,
        rg,
    };
    let json = report::json(&results, args);
    std::fs::write(args.corpus.dir.join("results.json"), format!("{json}\n"))?;
    std::fs::write(
        args.corpus.dir.join("query-times.tsv"),
        report::per_query(&results),
    )?;
    if args.json {
        println!("{json}");
    } else {
        report::print(&results, args);
    }
    Ok(())
}

fn progress(msg: &str) {
    eprintln!("earshot-bench archive: {msg}");
}

/// The search earshot runs for a query: ten passages, the query's filters.
pub fn request(q: &Query) -> SearchRequest {
    SearchRequest {
        query: q.text(),
        limit: 10,
        shows: q.show.iter().cloned().collect(),
        after: q.after,
        before: q.before,
        speaker: None,
    }
}

/// `DIR/corpus-<seed>-<N>/`, written as `earshot synth` writes it unless a marker says an
/// earlier run finished it.
pub fn corpus(dir: &Path, seed: u64, episodes: u64) -> anyhow::Result<Corpus> {
    let corpus = dir.join(format!("corpus-{seed}-{episodes}"));
    let marker = corpus.join(".complete");
    if let Some(written) = read_marker(&marker) {
        progress(&format!("reusing the corpus in {}", corpus.display()));
        return Ok(Corpus {
            dir: corpus,
            written,
            generated: None,
        });
    }
    progress(&format!(
        "writing {episodes} episodes to {}",
        corpus.display()
    ));
    if corpus.exists() {
        std::fs::remove_dir_all(&corpus)?;
    }
    let t = Instant::now();
    let written =
        earshot_synth::write_corpus(&corpus, seed, episodes, &earshot_synth::corpus_layouts())?;
    let generated = t.elapsed();
    let json = serde_json::json!({
        "episodes": written.episodes, "bytes": written.bytes, "words": written.words,
    });
    std::fs::write(&marker, json.to_string())?;
    Ok(Corpus {
        dir: corpus,
        written,
        generated: Some(generated),
    })
}

fn read_marker(path: &Path) -> Option<Written> {
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(path).ok()?).ok()?;
    Some(Written {
        episodes: v["episodes"].as_u64()?,
        bytes: v["bytes"].as_u64()?,
        words: v["words"].as_u64()?,
    })
}

/// A fresh archive in `archive`: `earshot ingest CORPUS --data ARCHIVE --quiet --json`.
pub fn ingest(earshot: &Path, corpus: &Path, archive: &Path) -> anyhow::Result<Ingest> {
    if archive.exists() {
        std::fs::remove_dir_all(archive)
            .with_context(|| format!("cannot remove {}", archive.display()))?;
    }
    progress(&format!("ingesting with {}", earshot.display()));
    let watched = child::run_watched(
        Command::new(earshot)
            .arg("ingest")
            .arg(corpus)
            .arg("--data")
            .arg(archive)
            .args(["--quiet", "--json"]),
    )?;
    if !watched.status.success() {
        anyhow::bail!(
            "earshot ingest failed ({}): {}",
            watched.status,
            watched.stdout
        );
    }
    let summary = serde_json::from_str(watched.stdout.trim()).unwrap_or_default();
    Ok(Ingest {
        elapsed: watched.elapsed,
        hwm_kb: watched.hwm_kb,
        rss_kb: watched.rss_kb,
        samples: watched.samples,
        summary,
        archive_bytes: child::dir_bytes(archive),
        index_bytes: child::dir_bytes(&archive.join("index")),
    })
}
