//! `earshot parse FILE|DIR...`: detect and parse, print a summary or JSON Lines.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use earshot_import::{collect_paths, import_file, Imported, Options};
use rayon::prelude::*;

use crate::output;

/// Arguments of `earshot parse`.
#[derive(clap::Args)]
pub struct Args {
    /// Transcript files, feeds, or directories to walk.
    #[arg(required = true, value_name = "FILE|DIR")]
    paths: Vec<PathBuf>,
    /// Read every input in this layout instead of detecting it (see `earshot formats`).
    #[arg(long, value_name = "NAME")]
    format: Option<String>,
    /// One JSON object per transcript, per line (the `parse --json` contract).
    #[arg(long)]
    json: bool,
}

/// Files are parsed in parallel in batches of this many, and printed in order.
const BATCH: usize = 64;

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if let Some(f) = &args.format {
        if earshot_formats::layout_by_id(f).is_none() {
            anyhow::bail!("no layout is called {f:?} (see `earshot formats`)");
        }
    }
    let opts = Options {
        format: args.format.clone(),
        ..Options::default()
    };
    let (files, walk_errors) = collect_paths(&args.paths);
    let mut failed = walk_errors.len();
    for e in &walk_errors {
        eprintln!("earshot: {e}");
    }
    let mut parsed = 0usize;
    let stdout = std::io::stdout();
    for batch in files.chunks(BATCH) {
        let results: Vec<Imported> = batch
            .par_iter()
            .map(|path| Imported {
                path: path.clone(),
                outcome: import_file(path, &opts),
            })
            .collect();
        let mut out = stdout.lock();
        for imported in results {
            match imported.outcome {
                Ok(transcripts) => {
                    for t in &transcripts {
                        if args.json {
                            serde_json::to_writer(&mut out, t)?;
                            writeln!(out)?;
                        } else {
                            output::summary(&mut out, t)?;
                        }
                    }
                    parsed += transcripts.len();
                }
                Err(e) => {
                    failed += 1;
                    out.flush()?;
                    eprintln!("earshot: {e}");
                }
            }
        }
        out.flush()?;
    }
    if !args.json {
        let mut out = stdout.lock();
        writeln!(
            out,
            "{parsed} transcript{} from {} file{}, {failed} not parsed",
            plural(parsed),
            files.len(),
            plural(files.len())
        )?;
    }
    // A batch with some bad files still succeeds: only nothing parsed at all is a failure.
    Ok(if parsed == 0 && failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
