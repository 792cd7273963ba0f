//! `earshot episode ID`: an episode's metadata and its timestamped transcript.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use earshot_archive::{Access, Archive};
use earshot_model::format_clock;

/// Arguments of `earshot episode`.
#[derive(clap::Args)]
pub struct Args {
    /// The episode's id (as search shows it).
    id: i64,
    /// One JSON object.
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args, data: &Path) -> anyhow::Result<ExitCode> {
    let archive = Archive::open(data, Access::Read)?;
    let Some(ep) = archive.catalog().episode(args.id)? else {
        eprintln!("earshot: no episode {} in {}", args.id, data.display());
        return Ok(ExitCode::from(1));
    };
    let segments = archive.catalog().segments(args.id)?;
    let sources = archive.catalog().sources(args.id)?;
    let mut out = std::io::stdout().lock();
    if args.json {
        let row = earshot_archive::json::Episode::new(&ep, &sources, &segments);
        writeln!(out, "{}", serde_json::to_string(&row)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(out, "{}", ep.title.as_deref().unwrap_or("(untitled)"))?;
    writeln!(out, "  show       {}", ep.show)?;
    writeln!(
        out,
        "  published  {}",
        ep.published.as_deref().unwrap_or("-")
    )?;
    writeln!(
        out,
        "  duration   {}",
        ep.duration_s
            .map(|s| format_clock(s * 1000))
            .unwrap_or_else(|| "-".into())
    )?;
    writeln!(out, "  words      {}", ep.words)?;
    if let Some(url) = &ep.audio_url {
        writeln!(out, "  audio      {url}")?;
    }
    for s in &sources {
        writeln!(out, "  source     {} ({})", s.path, s.format)?;
    }
    writeln!(out)?;
    for seg in &segments {
        let stamp = seg
            .start_ms
            .map(format_clock)
            .unwrap_or_else(|| "--:--:--".into());
        let est = if seg.timing == earshot_model::Timing::Estimated {
            "~"
        } else {
            " "
        };
        let who = seg
            .speaker
            .as_deref()
            .map(|s| format!("{s}: "))
            .unwrap_or_default();
        let flag = if seg.boilerplate {
            "  (boilerplate)"
        } else {
            ""
        };
        writeln!(out, "[{stamp}]{est} {who}{}{flag}", seg.text)?;
    }
    Ok(ExitCode::SUCCESS)
}
