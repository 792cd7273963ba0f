//! `earshot synth`: a deterministic corpus of realistic transcripts, for benchmarks and tests.

use std::path::PathBuf;
use std::process::ExitCode;

use rayon::prelude::*;

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
        earshot_synth::LAYOUTS
            .iter()
            .copied()
            .filter(|l| *l != "rss")
            .collect()
    } else {
        args.layout.iter().map(String::as_str).collect()
    };
    for l in &layouts {
        if !earshot_synth::LAYOUTS.contains(l) || *l == "rss" {
            anyhow::bail!("synth cannot write layout {l:?}");
        }
    }
    std::fs::create_dir_all(&args.out)?;
    let bytes: u64 = (0..args.episodes)
        .into_par_iter()
        .map(|i| -> anyhow::Result<u64> {
            let ep = earshot_synth::episode(args.seed, i);
            let layout = layouts[(i % layouts.len() as u64) as usize];
            let text = earshot_synth::render(&ep, layout).unwrap_or_default();
            std::fs::write(args.out.join(earshot_synth::file_name(&ep, layout)), &text)?;
            Ok(text.len() as u64)
        })
        .sum::<anyhow::Result<u64>>()?;
    eprintln!(
        "wrote {} episodes ({:.1} MB) to {}",
        args.episodes,
        bytes as f64 / 1e6,
        args.out.display()
    );
    Ok(ExitCode::SUCCESS)
}
