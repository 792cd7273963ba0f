//! `earshot stats`: what the archive holds.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use earshot_archive::{Access, Archive};

/// Arguments of `earshot stats`.
#[derive(clap::Args)]
pub struct Args {
    /// One JSON object.
    #[arg(long)]
    json: bool,
    /// Also check that the search index agrees with the catalog.
    #[arg(long)]
    check: bool,
}

pub fn run(args: Args, data: &Path) -> anyhow::Result<ExitCode> {
    let archive = Archive::open(data, Access::Read)?;
    let s = archive.catalog().stats()?;
    let index_bytes = archive.index().size_on_disk();
    let passages = archive.index().num_passages()?;
    let consistent = if args.check {
        Some(archive.is_consistent()?)
    } else {
        None
    };
    // While an ingest runs, the index lags the catalog until the ingest's next commit.
    let writing = consistent == Some(false) && archive.writer_active();
    let mut out = std::io::stdout().lock();
    if args.json {
        let row = serde_json::json!({
            "archive": data.display().to_string(), "shows": s.shows, "episodes": s.episodes,
            "sources": s.sources, "segments": s.segments, "passages": passages, "words": s.words,
            "hours": s.seconds as f64 / 3600.0, "first": s.first, "last": s.last,
            "catalog_bytes": s.bytes, "index_bytes": index_bytes, "consistent": consistent,
            "writer_active": writing,
        });
        writeln!(out, "{row}")?;
    } else {
        let mb = |b: u64| format!("{:.1} MB", b as f64 / 1e6);
        writeln!(out, "archive    {}", data.display())?;
        writeln!(out, "shows      {}", s.shows)?;
        writeln!(out, "episodes   {} ({} sources)", s.episodes, s.sources)?;
        writeln!(out, "hours      {:.1}", s.seconds as f64 / 3600.0)?;
        writeln!(out, "words      {}", s.words)?;
        writeln!(out, "passages   {passages}")?;
        let range = match (&s.first, &s.last) {
            (Some(a), Some(b)) => format!("{a} to {b}"),
            _ => "-".to_owned(),
        };
        writeln!(out, "dates      {range}")?;
        writeln!(out, "catalog    {}", mb(s.bytes))?;
        writeln!(out, "index      {}", mb(index_bytes))?;
        if let Some(ok) = consistent {
            let verdict = match (ok, writing) {
                (true, _) => "index agrees with the catalog",
                (false, true) => "an ingest is running: the index catches up at its next commit",
                (false, false) => "index DISAGREES with the catalog: run `earshot reindex`",
            };
            writeln!(out, "check      {verdict}")?;
        }
    }
    Ok(if consistent == Some(false) && !writing {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
