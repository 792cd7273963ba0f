//! `earshot entity NAME`: one entity in detail; and the curation subcommands (merge, split,
//! rename, kind, alias add) that fix a misheard or mislinked name in every episode at once.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::Subcommand;
use earshot_archive::{Access, Archive, EntityDetail};
use earshot_extract::Kind;
use earshot_model::format_clock;

/// Arguments of `earshot entity`.
#[derive(clap::Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct Args {
    /// The entity: its name, or any spelling of it the archive has seen.
    #[arg(required = true, value_name = "NAME")]
    name: Option<String>,
    /// How many mentions to list (0 for all).
    #[arg(long, default_value_t = 20, value_name = "N")]
    mentions: usize,
    /// The details as one JSON object.
    #[arg(long)]
    json: bool,
    #[command(subcommand)]
    action: Option<Action>,
}

#[derive(Subcommand)]
enum Action {
    /// Show an entity (the same as `earshot entity NAME`).
    Show {
        name: String,
        #[arg(long, default_value_t = 20, value_name = "N")]
        mentions: usize,
        #[arg(long)]
        json: bool,
    },
    /// Merge entity B into entity A: every mention of B becomes a mention of A.
    Merge { a: String, b: String },
    /// Give the mentions spelt SURFACE their own entity.
    Split {
        name: String,
        /// The spelling to split off.
        #[arg(long, value_name = "SURFACE")]
        surface: String,
        /// The new entity's name (default: the spelling).
        #[arg(long = "name", value_name = "NEW")]
        new_name: Option<String>,
    },
    /// Rename an entity.
    Rename { name: String, new_name: String },
    /// Set an entity's kind (person, organization, place, group, work, event).
    Kind { name: String, kind: Kind },
    /// Spellings that name an entity.
    Alias {
        #[command(subcommand)]
        action: AliasAction,
    },
}

#[derive(Subcommand)]
enum AliasAction {
    /// SURFACE names NAME from now on, in every episode.
    Add { name: String, surface: String },
}

pub fn run(args: Args, data: &Path) -> anyhow::Result<ExitCode> {
    let action = match args.action {
        Some(a) => a,
        None => Action::Show {
            name: args.name.unwrap_or_default(),
            mentions: args.mentions,
            json: args.json,
        },
    };
    let (done, record) = match action {
        Action::Show {
            name,
            mentions,
            json,
        } => {
            let archive = Archive::open(data, Access::Read)?;
            let detail = archive.entity_detail(&name, mentions)?;
            if json {
                let row = earshot_archive::json::EntityDetail::from(&detail);
                println!("{}", serde_json::to_string(&row)?);
            } else {
                print_detail(&detail)?;
            }
            return Ok(ExitCode::SUCCESS);
        }
        Action::Merge { a, b } => {
            let mut archive = Archive::open(data, Access::Write)?;
            (
                format!("merged {b:?} into"),
                archive.merge_entities(&a, &b)?,
            )
        }
        Action::Split {
            name,
            surface,
            new_name,
        } => {
            let mut archive = Archive::open(data, Access::Write)?;
            let new_name = new_name.unwrap_or_else(|| surface.clone());
            (
                format!("split {surface:?} off {name:?} as"),
                archive.split_entity(&name, &surface, &new_name)?,
            )
        }
        Action::Rename { name, new_name } => {
            let mut archive = Archive::open(data, Access::Write)?;
            (
                format!("renamed {name:?} to"),
                archive.rename_entity(&name, &new_name)?,
            )
        }
        Action::Kind { name, kind } => {
            let mut archive = Archive::open(data, Access::Write)?;
            (
                format!("set the kind of {name:?}:"),
                archive.set_entity_kind(&name, kind)?,
            )
        }
        Action::Alias {
            action: AliasAction::Add { name, surface },
        } => {
            let mut archive = Archive::open(data, Access::Write)?;
            (
                format!("{surface:?} now names"),
                archive.add_entity_alias(&name, &surface)?,
            )
        }
    };
    println!(
        "{done} {} ({}, {} mentions in {} episodes)",
        record.name, record.kind, record.mentions, record.episodes
    );
    Ok(ExitCode::SUCCESS)
}

fn print_detail(d: &EntityDetail) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    let e = &d.entity;
    let bold = std::io::stdout().is_terminal();
    let (b, n) = if bold {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("", "")
    };
    writeln!(out, "{b}{}{n}", e.name)?;
    let mut row = |label: &str, value: String| writeln!(out, "  {label:<11} {value}");
    row("kind", e.kind.clone())?;
    if let Some(q) = &e.wikidata {
        row("wikidata", q.clone())?;
    }
    row(
        "mentions",
        format!("{} in {} episodes", e.mentions, e.episodes),
    )?;
    for (relation, target) in &d.links {
        row(relation, target.clone())?;
    }
    row("first seen", e.first.clone().unwrap_or_else(|| "-".into()))?;
    row("last seen", e.last.clone().unwrap_or_else(|| "-".into()))?;
    writeln!(out, "\n  spellings")?;
    for (s, c) in &d.surfaces {
        writeln!(out, "    {c:>5}  {s}")?;
    }
    if !d.months.is_empty() {
        writeln!(out, "\n  mentions per month")?;
        let most = d.months.iter().map(|(_, c)| *c).max().unwrap_or(1).max(1);
        for (m, c) in &d.months {
            let bar = "#".repeat(((*c * 30).div_ceil(most)) as usize);
            writeln!(
                out,
                "    {:<7}  {c:>5}  {bar}",
                m.as_deref().unwrap_or("undated")
            )?;
        }
    }
    if !d.companions.is_empty() {
        writeln!(out, "\n  mentioned with")?;
        let width = d
            .companions
            .iter()
            .map(|(c, _)| c.name.chars().count())
            .max()
            .unwrap_or(0)
            .min(40);
        for (c, shared) in &d.companions {
            writeln!(
                out,
                "    {:<width$}  {:<12}  {shared} episodes",
                c.name, c.kind
            )?;
        }
    }
    if !d.mentions.is_empty() {
        writeln!(out, "\n  passages")?;
        for m in &d.mentions {
            let at = m
                .start_ms
                .map(format_clock)
                .unwrap_or_else(|| "--:--".into());
            let title = m.title.as_deref().unwrap_or("(untitled)");
            let date = m.published.as_deref().unwrap_or("undated");
            writeln!(out, "    {} · {title} · {date} · {at}", m.show)?;
            writeln!(
                out,
                "      {}",
                context(&m.text, m.start as usize, m.end as usize, b, n)
            )?;
        }
    }
    Ok(())
}

/// About 12 words either side of a mention, the mention in bold on a terminal.
fn context(text: &str, start: usize, end: usize, b: &str, n: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let (start, end) = (start.min(chars.len()), end.min(chars.len()));
    let before: String = chars[..start].iter().collect();
    let mention: String = chars[start..end].iter().collect();
    let after: String = chars[end..].iter().collect();
    let words_before: Vec<&str> = before.split_whitespace().collect();
    let words_after: Vec<&str> = after.split_whitespace().collect();
    let lead = if words_before.len() > 12 { "… " } else { "" };
    let tail = if words_after.len() > 12 { " …" } else { "" };
    // Keep the spacing the text has around the mention ("on X." stays "on X.").
    let gap_before = if before.ends_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let gap_after = if after.starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let before = words_before[words_before.len().saturating_sub(12)..].join(" ");
    let after = words_after[..words_after.len().min(12)].join(" ");
    format!("{lead}{before}{gap_before}{b}{mention}{n}{gap_after}{after}{tail}")
        .trim()
        .to_string()
}
