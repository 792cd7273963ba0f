//! The `earshot` command line: a thin layer over the pipeline's crates.

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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // `--data` is accepted by every command; the stages that keep an archive read it.
    let _archive = cli.data;
    let result = match cli.command {
        Command::Parse(args) => commands::parse::run(args),
        Command::Formats(args) => commands::formats::run(args),
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
