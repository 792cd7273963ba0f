//! `earshot predictions`: the forecast ledger. Lists forecasts (open, overdue, resolved; by
//! speaker, show, entity, due date), records outcomes, and scores who is right.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap::{Subcommand, ValueEnum};
use earshot_archive::json::Prediction;
use earshot_archive::ledger::{self, ScoreBy, Scores};
use earshot_archive::{Access, Archive};
use earshot_model::format_clock;
use earshot_store::{Outcome, PredictionFilter, PredictionRecord, Resolution, Status};

/// Arguments of `earshot predictions`.
#[derive(clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Args {
    #[command(flatten)]
    list: ListArgs,
    #[command(subcommand)]
    action: Option<Action>,
}

#[derive(clap::Args, Clone)]
struct ListArgs {
    /// open (not yet due), due (due date passed, no outcome yet) or resolved.
    #[arg(long, value_enum)]
    status: Option<StatusArg>,
    /// Only forecasts due before this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    due_before: Option<String>,
    /// Only this speaker's forecasts (case-insensitive).
    #[arg(long, value_name = "S")]
    speaker: Option<String>,
    /// Only this show's forecasts (case-insensitive).
    #[arg(long, value_name = "S")]
    show: Option<String>,
    /// Only forecasts that name this entity (any spelling the archive has seen).
    #[arg(long, value_name = "E")]
    entity: Option<String>,
    /// At most this many.
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
    /// One JSON object per forecast, one per line.
    #[arg(long)]
    json: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum StatusArg {
    Open,
    #[value(alias = "overdue")]
    Due,
    Resolved,
}

#[derive(Clone, Copy, ValueEnum)]
enum OutcomeArg {
    Correct,
    Incorrect,
    Partly,
    Void,
}

#[derive(Clone, Copy, ValueEnum)]
enum ByArg {
    Speaker,
    Show,
    Entity,
}

#[derive(Subcommand)]
enum Action {
    /// Record what happened to a forecast (replacing an earlier verdict).
    Resolve {
        /// The forecast's id, as `earshot predictions` lists it.
        id: i64,
        #[arg(long, value_enum)]
        outcome: OutcomeArg,
        /// A note on the verdict.
        #[arg(long, value_name = "T")]
        note: Option<String>,
        /// A link to what shows the outcome.
        #[arg(long, value_name = "URL")]
        evidence: Option<String>,
    },
    /// Forget the verdict on a forecast.
    Reopen { id: i64 },
    /// One forecast in full.
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Counts, accuracy and Brier score, with a calibration table by stated confidence.
    Score {
        /// Score each speaker, show or entity.
        #[arg(long, value_enum)]
        by: Option<ByArg>,
        #[command(flatten)]
        list: ListArgs,
    },
}

fn parse_date(s: &str) -> Result<String, String> {
    s.parse::<chrono::NaiveDate>()
        .map(|d| d.to_string())
        .map_err(|_| format!("{s:?} is not a date (YYYY-MM-DD)"))
}

fn filter(a: &ListArgs) -> PredictionFilter {
    PredictionFilter {
        status: a.status.map(|s| match s {
            StatusArg::Open => Status::Open,
            StatusArg::Due => Status::Due,
            StatusArg::Resolved => Status::Resolved,
        }),
        due_before: a.due_before.clone(),
        speaker: a.speaker.clone(),
        show: a.show.clone(),
        entity: None,
        episode: None,
        today: String::new(),
        limit: a.limit,
    }
}

pub fn run(args: Args, data: &Path) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    match args.action {
        None => {
            let archive = Archive::open(data, Access::Read)?;
            let list = archive.predictions(filter(&args.list), args.list.entity.as_deref())?;
            if args.list.json {
                for p in &list {
                    writeln!(out, "{}", serde_json::to_string(&Prediction::from(p))?)?;
                }
            } else {
                print_list(&mut out, &list)?;
            }
        }
        Some(Action::Resolve {
            id,
            outcome,
            note,
            evidence,
        }) => {
            let mut archive = Archive::open(data, Access::Write)?;
            let outcome = match outcome {
                OutcomeArg::Correct => Outcome::Correct,
                OutcomeArg::Incorrect => Outcome::Incorrect,
                OutcomeArg::Partly => Outcome::Partly,
                OutcomeArg::Void => Outcome::Void,
            };
            let p = archive.resolve_prediction(
                id,
                &Resolution {
                    outcome,
                    note,
                    evidence,
                    resolved_at: ledger::today(),
                },
            )?;
            writeln!(out, "#{} resolved {}: {}", p.id, outcome.as_str(), p.text)?;
        }
        Some(Action::Reopen { id }) => {
            let mut archive = Archive::open(data, Access::Write)?;
            let p = archive.reopen_prediction(id)?;
            writeln!(out, "#{} is {} again: {}", p.id, p.status.as_str(), p.text)?;
        }
        Some(Action::Show { id, json }) => {
            let archive = Archive::open(data, Access::Read)?;
            let p = archive.prediction(id)?;
            if json {
                writeln!(out, "{}", serde_json::to_string(&Prediction::from(&p))?)?;
            } else {
                print_one(&mut out, &p)?;
            }
        }
        Some(Action::Score { by, list }) => {
            let archive = Archive::open(data, Access::Read)?;
            let all = archive.predictions(filter(&list), list.entity.as_deref())?;
            let by = by.map(|b| match b {
                ByArg::Speaker => ScoreBy::Speaker,
                ByArg::Show => ScoreBy::Show,
                ByArg::Entity => ScoreBy::Entity,
            });
            let scores = ledger::score(&all, by);
            if list.json {
                writeln!(out, "{}", serde_json::to_string(&scores)?)?;
            } else {
                print_scores(&mut out, &scores)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Cuts text to `n` characters, with an ellipsis.
fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

fn print_list(out: &mut impl Write, list: &[PredictionRecord]) -> std::io::Result<()> {
    if list.is_empty() {
        return writeln!(out, "no forecasts match");
    }
    writeln!(
        out,
        "{:>5}  {:<10}  {:<9}  {:<6}  {:<12}  {:<10}  forecast",
        "id", "due", "status", "conf", "speaker", "episode"
    )?;
    for p in list {
        let status = match p.outcome {
            Some(o) => o.as_str(),
            None => p.status.as_str(),
        };
        writeln!(
            out,
            "{:>5}  {:<10}  {:<9}  {:<6}  {:<12}  {:<10}  {}{}",
            p.id,
            p.due.as_deref().unwrap_or("-"),
            status,
            p.confidence,
            clip(p.speaker.as_deref().unwrap_or("-"), 12),
            p.published.as_deref().unwrap_or("-"),
            if p.conditional { "(if) " } else { "" },
            clip(&p.text, 110),
        )?;
    }
    let due = list.iter().filter(|p| p.status == Status::Due).count();
    writeln!(out, "{} forecasts, {due} overdue", list.len())
}

fn print_one(out: &mut impl Write, p: &PredictionRecord) -> std::io::Result<()> {
    let dash = |v: Option<&str>| v.unwrap_or("-").to_string();
    let mut row = |k: &str, v: String| writeln!(out, "{k:<11} {v}");
    row("forecast", format!("#{}", p.id))?;
    row("text", p.text.clone())?;
    row("claim", p.claim.clone())?;
    row("condition", dash(p.condition.as_deref()))?;
    row("confidence", p.confidence.clone())?;
    row("horizon", dash(p.horizon.as_deref()))?;
    row("due", dash(p.due.as_deref()))?;
    row("speaker", dash(p.speaker.as_deref()))?;
    row(
        "episode",
        format!(
            "{} · {} · {} (#{}) at {}",
            p.show,
            dash(p.published.as_deref()),
            dash(p.title.as_deref()),
            p.episode,
            p.start_ms.map(format_clock).unwrap_or_else(|| "-".into())
        ),
    )?;
    let names: Vec<&str> = p.entities.iter().map(|e| e.1.as_str()).collect();
    row(
        "entities",
        if names.is_empty() {
            "-".into()
        } else {
            names.join(", ")
        },
    )?;
    row("status", p.status.as_str().into())?;
    if let Some(o) = p.outcome {
        row(
            "outcome",
            format!("{} on {}", o.as_str(), dash(p.resolved_at.as_deref())),
        )?;
        row("note", dash(p.note.as_deref()))?;
        row("evidence", dash(p.evidence.as_deref()))?;
    }
    Ok(())
}

fn fmt_opt(v: Option<f64>, pct: bool) -> String {
    match (v, pct) {
        (None, _) => "-".into(),
        (Some(v), true) => format!("{:.0}%", v * 100.0),
        (Some(v), false) => format!("{v:.3}"),
    }
}

fn print_scores(out: &mut impl Write, s: &Scores) -> std::io::Result<()> {
    writeln!(
        out,
        "{:<28} {:>9} {:>7} {:>6} {:>9} {:>5} {:>7} {:>8} {:>6}",
        "", "forecasts", "correct", "partly", "incorrect", "void", "overdue", "accuracy", "brier"
    )?;
    for r in std::iter::once(&s.overall).chain(&s.groups) {
        writeln!(
            out,
            "{:<28} {:>9} {:>7} {:>6} {:>9} {:>5} {:>7} {:>8} {:>6}",
            clip(&r.group, 28),
            r.forecasts,
            r.correct,
            r.partly,
            r.incorrect,
            r.void,
            r.overdue,
            fmt_opt(r.accuracy, true),
            fmt_opt(r.brier, false)
        )?;
    }
    writeln!(
        out,
        "\ncalibration (stated confidence against what happened):"
    )?;
    writeln!(
        out,
        "{:<10} {:>7} {:>8} {:>9}",
        "confidence", "stated", "resolved", "came true"
    )?;
    for c in &s.calibration {
        writeln!(
            out,
            "{:<10} {:>6.0}% {:>8} {:>9}",
            c.confidence,
            c.stated * 100.0,
            c.scored,
            fmt_opt(c.observed, true)
        )?;
    }
    Ok(())
}
