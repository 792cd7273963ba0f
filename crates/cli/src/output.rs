//! Human-readable output: aligned, short, and honest about what is unknown.

use std::io::{self, Write};

use earshot_model::{format_clock, Timing, Transcript};

/// Prints a transcript's summary: layout, metadata, counts, warnings.
pub fn summary(out: &mut impl Write, t: &Transcript) -> io::Result<()> {
    let unknown = || "-".to_owned();
    writeln!(out, "{}", t.source)?;
    let mut row = |label: &str, value: String| writeln!(out, "  {label:<11} {value}");
    row(
        "layout",
        format!("{} (confidence {:.2})", t.format, t.confidence),
    )?;
    row("show", t.show.clone().unwrap_or_else(unknown))?;
    row("title", t.title.clone().unwrap_or_else(unknown))?;
    row(
        "published",
        t.published.map(|d| d.to_string()).unwrap_or_else(unknown),
    )?;
    row(
        "duration",
        t.duration_s
            .map(|s| format!("{} ({s} s)", format_clock(s * 1000)))
            .unwrap_or_else(unknown),
    )?;
    let exact = t
        .segments
        .iter()
        .filter(|s| s.timing == Timing::Exact)
        .count();
    let boiler = t.segments.iter().filter(|s| s.boilerplate).count();
    row(
        "segments",
        format!("{} ({exact} exact, {boiler} boilerplate)", t.segments.len()),
    )?;
    let speakers = t.speakers();
    row(
        "speakers",
        if speakers.is_empty() {
            unknown()
        } else {
            speakers.join(", ")
        },
    )?;
    let timing = match t.timing() {
        Timing::Exact => "exact",
        Timing::Estimated => "estimated",
        Timing::None => "none",
    };
    row("timing", timing.to_owned())?;
    row("words", t.word_count().to_string())?;
    if let Some(url) = &t.audio_url {
        row("audio", url.clone())?;
    }
    if !t.chapters.is_empty() {
        row("chapters", t.chapters.len().to_string())?;
    }
    row("warnings", t.warnings.len().to_string())?;
    for w in &t.warnings {
        match w.line {
            Some(l) => writeln!(out, "              line {l}: {}", w.message)?,
            None => writeln!(out, "              {}", w.message)?,
        }
    }
    writeln!(out)
}
