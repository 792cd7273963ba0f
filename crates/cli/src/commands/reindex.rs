//! `earshot reindex`: rebuild the search index from the catalog.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use earshot_archive::{Access, Archive};
use indicatif::ProgressBar;

/// Arguments of `earshot reindex`.
#[derive(clap::Args)]
pub struct Args {
    /// Extract every episode's entities again first (after changing the archive's
    /// gazetteer.tsv, or upgrading earshot).
    #[arg(long)]
    entities: bool,
    /// With --entities: a gazetteer file extending the built-in one for this extraction.
    #[arg(long, value_name = "FILE", requires = "entities")]
    gazetteer: Option<std::path::PathBuf>,
    /// No progress bar.
    #[arg(long, short)]
    quiet: bool,
}

pub fn run(args: Args, data: &Path) -> anyhow::Result<ExitCode> {
    let mut archive = Archive::open(data, Access::Write)?;
    let bar = if args.quiet || !std::io::stderr().is_terminal() {
        ProgressBar::hidden()
    } else {
        ProgressBar::new(0)
    };
    let started = std::time::Instant::now();
    let mut show = |done, total| {
        bar.set_length(total);
        bar.set_position(done);
    };
    let n = if args.entities {
        let n = archive.reindex_with_entities(args.gazetteer.as_deref(), &mut show)?;
        println!("extracted the entities of {n} episodes again");
        n
    } else {
        archive.reindex(&mut show)?
    };
    bar.finish_and_clear();
    println!(
        "reindexed {n} episodes in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}
