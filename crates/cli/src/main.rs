//! The `earshot` command line: a thin layer over the pipeline's crates.

mod batch;
mod commands;
mod output;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// earshot: a searchable, cross-referenced archive of what podcasts say.
#[derive(Parser)]
#[command(name = "earshot", version, about, max_term_width = 100)]
struct Cli {
    /// The archive's folder (default: the platform's data directory for earshot).
    #[arg(long, global = true, env = "EARSHOT_DATA", value_name = "DIR")]
    data: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Detect the layout of transcripts and parse them (files or directories).
    Parse(commands::parse::Args),
    /// List the supported transcript layouts.
    Formats(commands::formats::Args),
    /// The people, organisations, places, groups, works and events transcripts mention, and
    /// the forecasts their speakers make.
    Extract(commands::extract::Args),
    /// Add transcripts (files, feeds, directories) to the archive.
    Ingest(commands::ingest::Args),
    /// Find passages: words, "phrases", -exclusions; forgiving of misspelled names.
    Search(commands::search::Args),
    /// Who and what the archive's episodes mention, most mentioned first.
    Entities(commands::entities::Args),
    /// One entity in detail; or fix it everywhere: merge, split, rename, kind, alias add.
    Entity(commands::entity::Args),
    /// The forecast ledger: list forecasts (open, due, resolved), resolve them, score them.
    Predictions(commands::predictions::Args),
    /// What the archive holds.
    Stats(commands::stats::Args),
    /// An episode's metadata and timestamped transcript.
    Episode(commands::episode::Args),
    /// Remove an episode, or one source of it.
    Remove(commands::remove::Args),
    /// Export episodes with timestamps (JSON Lines, CSV, SRT, WebVTT).
    Export(commands::export::Args),
    /// Rebuild the search index from the catalog.
    Reindex(commands::reindex::Args),
    /// Serve the archive's pages and JSON API (ingesting first with --ingest).
    Serve(commands::serve::Args),
    /// Write a deterministic corpus of realistic transcripts (for benchmarks and tests).
    Synth(commands::synth::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let data = cli.data.unwrap_or_else(earshot_archive::default_dir);
    let result = match cli.command {
        Command::Parse(args) => commands::parse::run(args),
        Command::Formats(args) => commands::formats::run(args),
        Command::Extract(args) => commands::extract::run(args),
        Command::Ingest(args) => commands::ingest::run(args, &data),
        Command::Entities(args) => commands::entities::run(args, &data),
        Command::Entity(args) => commands::entity::run(args, &data),
        Command::Search(args) => commands::search::run(args, &data),
        Command::Predictions(args) => commands::predictions::run(args, &data),
        Command::Stats(args) => commands::stats::run(args, &data),
        Command::Episode(args) => commands::episode::run(args, &data),
        Command::Remove(args) => commands::remove::run(args, &data),
        Command::Export(args) => commands::export::run(args, &data),
        Command::Reindex(args) => commands::reindex::run(args, &data),
        Command::Serve(args) => commands::serve::run(args, &data),
        Command::Synth(args) => commands::synth::run(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("earshot: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// `earshot parse ... | head` closes our stdout early: that is not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain()
        .filter_map(|e| e.downcast_ref::<std::io::Error>())
        .any(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
}
