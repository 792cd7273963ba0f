//! `earshot reindex`: rebuild the search index from the catalog.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use earshot_archive::{Access, Archive};
use indicatif::ProgressBar;

/// Arguments of `earshot reindex`.
#[derive(clap::Args)]
pub struct Args {
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
    let n = archive.reindex(&mut |done, total| {
        bar.set_length(total);
        bar.set_position(done);
    })?;
    bar.finish_and_clear();
    println!(
        "reindexed {n} episodes in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}
