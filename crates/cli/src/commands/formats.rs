//! `earshot formats`: the supported layouts, a line each.

use std::io::Write;
use std::process::ExitCode;

use earshot_formats::all_layouts;

/// Arguments of `earshot formats`.
#[derive(clap::Args)]
pub struct Args {
    /// One JSON object per layout, per line.
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    let width = all_layouts()
        .iter()
        .map(|l| l.id().len())
        .max()
        .unwrap_or(0);
    for layout in all_layouts() {
        if args.json {
            let row = serde_json::json!({"id": layout.id(), "description": layout.describe()});
            writeln!(out, "{row}")?;
        } else {
            writeln!(out, "{:width$}  {}", layout.id(), layout.describe())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
