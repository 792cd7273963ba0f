//! `earshot entities`: who and what the archive's episodes mention, most mentioned first.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use earshot_archive::{Access, Archive};
use earshot_extract::Kind;
use earshot_model::NaiveDate;
use earshot_store::EntityFilter;

/// Arguments of `earshot entities`.
#[derive(clap::Args)]
pub struct Args {
    /// Only this kind: person, organization, place, group, work or event.
    #[arg(long, value_name = "KIND")]
    kind: Option<Kind>,
    /// Only mentions in this show's episodes.
    #[arg(long, value_name = "NAME")]
    show: Option<String>,
    /// Only mentions in episodes published on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    since: Option<NaiveDate>,
    /// How many (0 for all).
    #[arg(long, default_value_t = 50, value_name = "N")]
    top: usize,
    /// One JSON object per entity, per line.
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args, data: &Path) -> anyhow::Result<ExitCode> {
    let archive = Archive::open(data, Access::Read)?;
    let list = archive.entities(&EntityFilter {
        kind: args.kind.map(|k| k.as_str().to_string()),
        show: args.show.clone(),
        since: args.since.map(|d| d.to_string()),
        limit: args.top,
    })?;
    let mut out = std::io::stdout().lock();
    if args.json {
        for e in &list {
            writeln!(out, "{}", serde_json::to_string(e)?)?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    if list.is_empty() {
        writeln!(
            out,
            "no entities (ingest transcripts first, or loosen the filters)"
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    let width = list
        .iter()
        .map(|e| e.name.chars().count())
        .max()
        .unwrap_or(4)
        .clamp(4, 40);
    writeln!(
        out,
        "{:>8} {:>8}  {:<width$}  {:<12}  {:<10}  {:<10}",
        "mentions", "episodes", "name", "kind", "first", "last"
    )?;
    for e in &list {
        writeln!(
            out,
            "{:>8} {:>8}  {:<width$}  {:<12}  {:<10}  {:<10}",
            e.mentions,
            e.episodes,
            e.name,
            e.kind,
            e.first.as_deref().unwrap_or("-"),
            e.last.as_deref().unwrap_or("-"),
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
