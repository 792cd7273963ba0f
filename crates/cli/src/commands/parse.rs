//! `earshot parse FILE|DIR...`: detect and parse, print a summary or JSON Lines.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use earshot_import::Options;

use crate::{batch, output};

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
    let mut parsed = 0usize;
    let run = batch::import_each(
        &args.paths,
        &opts,
        |t| t,
        |out, transcripts| {
            for t in &transcripts {
                if args.json {
                    serde_json::to_writer(&mut *out, t)?;
                    writeln!(out)?;
                } else {
                    output::summary(out, t)?;
                }
            }
            parsed += transcripts.len();
            Ok(())
        },
    )?;
    let (files, failed) = (run.files, run.failed);
    if !args.json {
        let mut out = std::io::stdout().lock();
        writeln!(
            out,
            "{parsed} transcript{} from {} file{}, {failed} not parsed",
            plural(parsed),
            files,
            plural(files)
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
