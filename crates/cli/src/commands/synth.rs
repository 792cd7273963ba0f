//! `earshot synth`: a deterministic corpus of realistic transcripts, for benchmarks and tests.

use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `earshot synth`.
#[derive(clap::Args)]
pub struct Args {
    /// How many episodes to write.
    #[arg(long, value_name = "N")]
    episodes: u64,
    /// The folder to write them to (created if needed).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// The same seed always gives the same files, byte for byte.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Only these layouts (repeatable; default: every layout but feeds, in turn).
    #[arg(long, value_name = "ID")]
    layout: Vec<String>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let layouts: Vec<&str> = if args.layout.is_empty() {
        earshot_synth::corpus_layouts()
    } else {
        args.layout.iter().map(String::as_str).collect()
    };
    let written = earshot_synth::write_corpus(&args.out, args.seed, args.episodes, &layouts)?;
    eprintln!(
        "wrote {} episodes ({:.1} MB) to {}",
        written.episodes,
        written.bytes as f64 / 1e6,
        args.out.display()
    );
    Ok(ExitCode::SUCCESS)
}
