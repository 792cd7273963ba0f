//! `earshot search QUERY`: passages ranked by relevance, with snippets and timestamps.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use earshot_archive::{json, Access, Archive, SearchRequest};
use earshot_model::{format_clock, NaiveDate};

/// Arguments of `earshot search`.
#[derive(clap::Args)]
pub struct Args {
    /// Words, "exact phrases", and -excluded words. Quote a query with exclusions as one
    /// argument ("witkoff -riyadh"), or put it after `--`.
    #[arg(required = true, value_name = "QUERY")]
    query: Vec<String>,
    /// One JSON object per hit, per line.
    #[arg(long)]
    json: bool,
    /// How many hits (or episodes, with --by-episode).
    #[arg(long, short = 'n', default_value_t = 10)]
    limit: usize,
    /// Only this show (repeatable).
    #[arg(long, value_name = "NAME")]
    show: Vec<String>,
    /// Only episodes published on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    after: Option<NaiveDate>,
    /// Only episodes published on or before this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    before: Option<NaiveDate>,
    /// Only passages of this speaker.
    #[arg(long, value_name = "NAME")]
    speaker: Option<String>,
    /// Group hits by episode.
    #[arg(long)]
    by_episode: bool,
}

pub fn run(args: Args, data: &Path) -> anyhow::Result<ExitCode> {
    let mut archive = Archive::open(data, Access::Read)?;
    // A name also finds the spellings the archive has linked to its entity.
    let expander = earshot_archive::EntityExpander::load(&archive)?;
    archive.set_expander(Box::new(expander));
    let req = SearchRequest {
        query: args.query.join(" "),
        limit: args.limit.max(1),
        shows: args.show.clone(),
        after: args.after,
        before: args.before,
        speaker: args.speaker.clone(),
    };
    let mut out = std::io::stdout().lock();
    let bold = !args.json && std::io::stdout().is_terminal();
    let mut found = 0;
    if args.by_episode {
        for group in archive.search_by_episode(&req)? {
            found += 1;
            if args.json {
                let hits: Vec<_> = group.hits.iter().map(json::Hit::from).collect();
                let first = &group.hits[0];
                let row = serde_json::json!({
                    "episode": group.episode, "title": first.title, "show": first.show,
                    "published": first.published, "source": first.source, "hits": hits,
                });
                writeln!(out, "{row}")?;
            } else {
                let first = &group.hits[0];
                writeln!(
                    out,
                    "{}  {}  {}  [episode {}]",
                    first.show,
                    first.title,
                    date(first.published),
                    group.episode
                )?;
                for hit in &group.hits {
                    writeln!(
                        out,
                        "  {}  {}",
                        format_clock(hit.start_ms),
                        snippet(&hit.snippet, bold)
                    )?;
                }
                writeln!(out)?;
            }
        }
    } else {
        for (i, hit) in archive.search(&req)?.iter().enumerate() {
            found += 1;
            if args.json {
                writeln!(out, "{}", serde_json::to_string(&json::Hit::from(hit))?)?;
            } else {
                writeln!(
                    out,
                    "{:>2}. {}  {}  {}  {}{}  [episode {}]",
                    i + 1,
                    hit.show,
                    hit.title,
                    date(hit.published),
                    format_clock(hit.start_ms),
                    hit.speaker
                        .as_deref()
                        .map(|s| format!("  {s}"))
                        .unwrap_or_default(),
                    hit.episode
                )?;
                writeln!(out, "    {}\n", snippet(&hit.snippet, bold))?;
            }
        }
    }
    if found == 0 && !args.json {
        writeln!(out, "no passage matches")?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The `search --json` contract.
fn date(d: Option<NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_else(|| "-".to_owned())
}

/// The HTML snippet for a terminal: bold matches (ANSI) on a terminal, plain otherwise.
fn snippet(html: &str, bold: bool) -> String {
    let (on, off) = if bold {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("", "")
    };
    // The tags go first: once entities are decoded, a "<b>" in the text would look like one.
    let marked = html.replace("<b>", "\u{1}").replace("</b>", "\u{2}");
    earshot_text::normalise::decode_entities(&marked)
        .replace('\u{1}', on)
        .replace('\u{2}', off)
}

#[cfg(test)]
mod tests {
    use super::snippet;

    #[test]
    fn snippets_render_for_terminals_and_pipes() {
        let html = "Then <b>Whitkoff</b> said &lt;no&gt; &amp; &quot;left&quot; &#39;early&#39;";
        assert_eq!(
            snippet(html, false),
            "Then Whitkoff said <no> & \"left\" 'early'"
        );
        assert_eq!(
            snippet(html, true),
            "Then \x1b[1mWhitkoff\x1b[0m said <no> & \"left\" 'early'"
        );
    }
}
