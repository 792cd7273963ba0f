//! `earshot ingest PATH...`: add transcripts to the archive.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use earshot_archive::{Access, Archive, IngestEvent, IngestOptions, IngestReport};
use indicatif::{ProgressBar, ProgressStyle};

/// Arguments of `earshot ingest`.
#[derive(clap::Args)]
pub struct Args {
    /// Transcript files, feeds, or directories to walk.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Use this show name for every transcript.
    #[arg(long, value_name = "NAME")]
    show: Option<String>,
    /// Read every input in this layout instead of detecting it.
    #[arg(long, value_name = "NAME")]
    format: Option<String>,
    /// A gazetteer file extending the built-in one (and the archive's own `gazetteer.tsv`).
    #[arg(long, value_name = "FILE")]
    gazetteer: Option<PathBuf>,
    /// No progress bar.
    #[arg(long, short)]
    quiet: bool,
    /// The summary as one JSON object.
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args, data: &Path) -> anyhow::Result<ExitCode> {
    if let Some(f) = &args.format {
        if earshot_formats::layout_by_id(f).is_none() {
            anyhow::bail!("no layout is called {f:?} (see `earshot formats`)");
        }
    }
    let mut archive = Archive::open(data, Access::Write)?;
    let report = ingest(
        &mut archive,
        &args.paths,
        args.show.clone(),
        args.format.clone(),
        args.gazetteer.clone(),
        args.quiet,
    )?;
    print_report(&report, args.json)?;
    let nothing = report.added + report.updated + report.unchanged + report.merged == 0;
    Ok(if nothing && !report.rejected.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Ingests with a progress bar on a terminal (quiet when piped or asked).
pub fn ingest(
    archive: &mut Archive,
    paths: &[PathBuf],
    show: Option<String>,
    format: Option<String>,
    gazetteer: Option<PathBuf>,
    quiet: bool,
) -> anyhow::Result<IngestReport> {
    let bar = if quiet || !std::io::stderr().is_terminal() {
        ProgressBar::hidden()
    } else {
        ProgressBar::new(0)
    };
    bar.set_style(
        ProgressStyle::with_template("{spinner} {bar:30} {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} eta {eta}")
            .expect("progress template"),
    );
    let opts = IngestOptions {
        format,
        show,
        gazetteer,
    };
    let report = archive.ingest(paths, &opts, &mut |event| match event {
        IngestEvent::Start { bytes, .. } => bar.set_length(bytes),
        IngestEvent::File { bytes } => bar.inc(bytes),
    })?;
    bar.finish_and_clear();
    Ok(report)
}

fn print_report(r: &IngestReport, json: bool) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    let secs = r.elapsed.as_secs_f64();
    let mb = r.bytes as f64 / 1e6;
    if json {
        let rejected: Vec<_> = r
            .rejected
            .iter()
            .map(|e| serde_json::json!({"source": e.source, "line": e.line, "message": e.message}))
            .collect();
        let row = serde_json::json!({
            "files": r.files, "bytes": r.bytes, "seconds": secs, "added": r.added, "updated": r.updated,
            "unchanged": r.unchanged, "merged": r.merged, "rejected": rejected,
        });
        writeln!(out, "{row}")?;
        return Ok(());
    }
    writeln!(
        out,
        "ingested {} files ({mb:.1} MB) in {secs:.1} s ({:.1} MB/s)",
        r.files,
        mb / secs.max(1e-9)
    )?;
    writeln!(out, "  added      {:>7} episodes", r.added)?;
    writeln!(out, "  updated    {:>7}", r.updated)?;
    writeln!(out, "  unchanged  {:>7}", r.unchanged)?;
    writeln!(
        out,
        "  merged     {:>7} (another source of an episode already here)",
        r.merged
    )?;
    writeln!(out, "  rejected   {:>7} files", r.rejected.len())?;
    drop(out);
    for e in &r.rejected {
        eprintln!("earshot: {e}");
    }
    Ok(())
}
