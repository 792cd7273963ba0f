//! `earshot export`: episodes with timestamps, for notes apps (SRT, WebVTT) and for
//! pandas or R (JSON Lines, CSV).

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use earshot_archive::{Access, Archive};
use earshot_model::Segment;
use earshot_store::EpisodeRecord;

/// Export formats.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    /// One JSON object per episode, per line, with its segments.
    Jsonl,
    /// One row per segment.
    Csv,
    /// One SubRip file per episode (needs --out DIR).
    Srt,
    /// One WebVTT file per episode (needs --out DIR).
    Vtt,
}

/// Arguments of `earshot export`.
#[derive(clap::Args)]
pub struct Args {
    #[arg(long, value_enum, default_value = "jsonl")]
    format: Format,
    /// A file (jsonl, csv) or a directory (srt, vtt); jsonl and csv go to standard output without it.
    #[arg(long, value_name = "PATH")]
    out: Option<PathBuf>,
    /// Only this show.
    #[arg(long, value_name = "NAME")]
    show: Option<String>,
}

pub fn run(args: Args, data: &Path) -> anyhow::Result<ExitCode> {
    let archive = Archive::open(data, Access::Read)?;
    let episodes = archive.catalog().episodes(args.show.as_deref())?;
    match args.format {
        Format::Jsonl | Format::Csv => {
            let mut out: Box<dyn Write> = match &args.out {
                Some(p) => Box::new(BufWriter::new(File::create(p)?)),
                None => Box::new(BufWriter::new(std::io::stdout().lock())),
            };
            if matches!(args.format, Format::Csv) {
                writeln!(
                    out,
                    "episode,show,title,published,start_ms,end_ms,timing,speaker,boilerplate,text"
                )?;
            }
            for ep in &episodes {
                let segs = archive.catalog().segments(ep.id)?;
                if matches!(args.format, Format::Jsonl) {
                    writeln!(out, "{}", episode_json(ep, &segs))?;
                } else {
                    write_csv(&mut out, ep, &segs)?;
                }
            }
            out.flush()?;
        }
        Format::Srt | Format::Vtt => {
            let Some(dir) = &args.out else {
                anyhow::bail!("--format srt and vtt write one file per episode: give --out DIR");
            };
            std::fs::create_dir_all(dir)?;
            let ext = if matches!(args.format, Format::Srt) {
                "srt"
            } else {
                "vtt"
            };
            for ep in &episodes {
                let segs = archive.catalog().segments(ep.id)?;
                let path = dir.join(format!(
                    "{}-{}.{ext}",
                    ep.id,
                    slug(ep.title.as_deref().unwrap_or("episode"))
                ));
                let mut out = BufWriter::new(File::create(&path)?);
                if ext == "srt" {
                    write_srt(&mut out, &segs)?;
                } else {
                    write_vtt(&mut out, ep, &segs)?;
                }
                out.flush()?;
            }
            eprintln!("wrote {} {ext} files to {}", episodes.len(), dir.display());
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn episode_json(ep: &EpisodeRecord, segs: &[Segment]) -> serde_json::Value {
    serde_json::json!({
        "episode": ep.id, "show": ep.show, "title": ep.title, "published": ep.published,
        "duration_s": ep.duration_s, "language": ep.language, "audio_url": ep.audio_url,
        "source": ep.primary_source, "segments": segs,
    })
}

/// A CSV field, quoted when it must be (RFC 4180).
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

fn write_csv(out: &mut dyn Write, ep: &EpisodeRecord, segs: &[Segment]) -> std::io::Result<()> {
    let opt = |v: Option<u64>| v.map(|v| v.to_string()).unwrap_or_default();
    for s in segs {
        let timing = serde_json::to_value(s.timing)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        writeln!(
            out,
            "{},{},{},{},{},{},{},{},{},{}",
            ep.id,
            csv_field(&ep.show),
            csv_field(ep.title.as_deref().unwrap_or("")),
            ep.published.as_deref().unwrap_or(""),
            opt(s.start_ms),
            opt(s.end_ms),
            timing,
            csv_field(s.speaker.as_deref().unwrap_or("")),
            s.boilerplate,
            csv_field(&s.text)
        )?;
    }
    Ok(())
}

fn clock(ms: u64, sep: char) -> String {
    format!(
        "{:02}:{:02}:{:02}{sep}{:03}",
        ms / 3_600_000,
        ms / 60_000 % 60,
        ms / 1000 % 60,
        ms % 1000
    )
}

fn write_srt(out: &mut dyn Write, segs: &[Segment]) -> std::io::Result<()> {
    for (i, s) in segs.iter().enumerate() {
        let start = s.start_ms.unwrap_or(0);
        let end = s.end_ms.unwrap_or(start).max(start);
        let who = s
            .speaker
            .as_deref()
            .map(|n| format!("{n}: "))
            .unwrap_or_default();
        writeln!(
            out,
            "{}\n{} --> {}\n{who}{}\n",
            i + 1,
            clock(start, ','),
            clock(end, ','),
            s.text
        )?;
    }
    Ok(())
}

fn write_vtt(out: &mut dyn Write, ep: &EpisodeRecord, segs: &[Segment]) -> std::io::Result<()> {
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let title = ep
        .title
        .as_deref()
        .unwrap_or("")
        .replace(['\n', '\r'], " ")
        .replace("-->", "->");
    writeln!(out, "WEBVTT - {title}\n")?;
    for s in segs {
        let start = s.start_ms.unwrap_or(0);
        let end = s.end_ms.unwrap_or(start).max(start);
        let text = match &s.speaker {
            Some(who) => format!("<v {}>{}", esc(who), esc(&s.text)),
            None => esc(&s.text),
        };
        writeln!(
            out,
            "{} --> {}\n{}\n",
            clock(start, '.'),
            clock(end, '.'),
            text.replace("-->", "->")
        )?;
    }
    Ok(())
}

/// A file-name-safe form of a title.
fn slug(title: &str) -> String {
    let s: String = title
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let s: Vec<&str> = s.split('-').filter(|p| !p.is_empty()).take(8).collect();
    if s.is_empty() {
        "episode".to_owned()
    } else {
        s.join("-")
    }
}
