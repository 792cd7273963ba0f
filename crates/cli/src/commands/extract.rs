//! `earshot extract FILE...`: the entities each transcript mentions and the forecasts its
//! speakers make, without an archive.

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use earshot_archive::forecasts::prediction_writes;
use earshot_extract::{Extractor, Gazetteer, Mention, Target};
use earshot_import::Options;
use earshot_model::{format_clock, Transcript};
use earshot_store::PredictionWrite;

use crate::batch;

/// Arguments of `earshot extract`.
#[derive(clap::Args)]
pub struct Args {
    /// Transcript files, feeds, or directories to walk.
    #[arg(required = true, value_name = "FILE|DIR")]
    paths: Vec<PathBuf>,
    /// A gazetteer file that extends (or overrides) the built-in one.
    #[arg(long, value_name = "FILE")]
    gazetteer: Option<PathBuf>,
    /// Read every input in this layout instead of detecting it.
    #[arg(long, value_name = "NAME")]
    format: Option<String>,
    /// One JSON object per transcript, per line (the `extract --json` contract).
    #[arg(long)]
    json: bool,
}

/// One entity of one transcript, for output.
struct Found<'a> {
    name: String,
    kind: &'static str,
    wikidata: Option<String>,
    /// The gazetteer's links (a group's country, a person's offices), for known entities.
    links: Vec<(String, String)>,
    mentions: Vec<&'a Mention>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let extractor = match &args.gazetteer {
        Some(path) => {
            let mut g = Gazetteer::builtin().clone();
            g.extend(Gazetteer::from_file(path)?);
            Extractor::new(g)
        }
        None => Extractor::new(Gazetteer::builtin().clone()),
    };
    let opts = Options {
        format: args.format.clone(),
        ..Options::default()
    };
    let mut done = 0usize;
    let run = batch::import_each(
        &args.paths,
        &opts,
        |t| {
            let texts: Vec<&str> = t.segments.iter().map(|s| s.text.as_str()).collect();
            let mentions = extractor.extract(&texts);
            let forecasts = prediction_writes(&t, t.published);
            (t, mentions, forecasts)
        },
        |out, transcripts| {
            for (t, mentions, forecasts) in &transcripts {
                let found = group(&extractor, mentions);
                if args.json {
                    writeln!(out, "{}", json(t, &found, forecasts))?;
                } else {
                    human(out, t, &found, forecasts)?;
                }
                done += 1;
            }
            Ok(())
        },
    )?;
    let failed = run.failed;
    Ok(if done == 0 && failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Mentions grouped by entity, most mentioned first.
fn group<'a>(extractor: &Extractor, mentions: &'a [Mention]) -> Vec<Found<'a>> {
    let mut by_key: HashMap<String, Found<'a>> = HashMap::new();
    for m in mentions {
        let r = earshot_archive::entity_ref(extractor, m);
        by_key
            .entry(r.key)
            .or_insert_with(|| Found {
                name: r.name,
                kind: m.kind.as_str(),
                wikidata: r.wikidata,
                links: match m.target {
                    Target::Known(e) => extractor.gazetteer().entries()[e as usize].links.clone(),
                    Target::Unknown(_) => Vec::new(),
                },
                mentions: Vec::new(),
            })
            .mentions
            .push(m);
    }
    let mut found: Vec<Found> = by_key.into_values().collect();
    found.sort_by(|a, b| {
        b.mentions
            .len()
            .cmp(&a.mentions.len())
            .then(a.name.cmp(&b.name))
    });
    found
}

/// The surfaces of an entity's mentions, most frequent first.
fn surfaces(t: &Transcript, f: &Found) -> Vec<(String, usize)> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for m in &f.mentions {
        let s = &t.segments[m.segment].text[m.start..m.end];
        match counts.iter_mut().find(|(x, _)| x == s) {
            Some(c) => c.1 += 1,
            None => counts.push((s.to_string(), 1)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    counts
}

/// The claim's character offsets in its segment's text.
fn claim_span(p: &PredictionWrite) -> [u32; 2] {
    let at = p.text.find(&p.claim).unwrap_or(0);
    let start = p.start + p.text[..at].chars().count() as u32;
    [start, start + p.claim.chars().count() as u32]
}

/// The names of the entities mentioned in a forecast's sentence.
fn subjects<'a>(t: &Transcript, found: &'a [Found], p: &PredictionWrite) -> Vec<&'a str> {
    found
        .iter()
        .filter(|f| {
            f.mentions.iter().any(|m| {
                let text = &t.segments[m.segment].text;
                let start = text[..m.start].chars().count() as u32;
                let end = start + text[m.start..m.end].chars().count() as u32;
                m.segment as u32 == p.segment && start < p.end && p.start < end
            })
        })
        .map(|f| f.name.as_str())
        .collect()
}

fn json(t: &Transcript, found: &[Found], forecasts: &[PredictionWrite]) -> serde_json::Value {
    let entities: Vec<serde_json::Value> = found
        .iter()
        .map(|f| {
            let spans: Vec<serde_json::Value> = f
                .mentions
                .iter()
                .map(|m| {
                    let seg = &t.segments[m.segment];
                    let start = seg.text[..m.start].chars().count();
                    let end = start + seg.text[m.start..m.end].chars().count();
                    serde_json::json!({
                        "segment": m.segment, "start": start, "end": end,
                        "start_ms": seg.start_ms, "surface": &seg.text[m.start..m.end],
                        "confidence": m.confidence.as_str(),
                    })
                })
                .collect();
            serde_json::json!({
                "name": f.name, "kind": f.kind, "wikidata": f.wikidata,
                "links": f.links.iter()
                    .map(|(r, t)| serde_json::json!({"relation": r, "target": t}))
                    .collect::<Vec<_>>(),
                "mentions": f.mentions.len(),
                "surfaces": surfaces(t, f).into_iter().map(|(s, _)| s).collect::<Vec<_>>(),
                "spans": spans,
            })
        })
        .collect();
    serde_json::json!({
        "source": t.source, "title": t.title, "published": t.published,
        "entities": entities,
        "predictions": forecasts.iter().map(|p| serde_json::json!({
            "text": p.text, "segment": p.segment, "start": p.start, "end": p.end,
            "start_ms": p.start_ms, "speaker": p.speaker, "horizon": p.horizon, "due": p.due,
            "conditional": p.condition.is_some(), "condition": p.condition,
            "confidence": p.confidence, "claim": p.claim, "claim_span": claim_span(p),
            "entities": subjects(t, found, p),
        })).collect::<Vec<_>>(),
    })
}

fn human(
    out: &mut impl Write,
    t: &Transcript,
    found: &[Found],
    forecasts: &[PredictionWrite],
) -> std::io::Result<()> {
    writeln!(
        out,
        "{}  ({} entities, {} forecasts)",
        t.source,
        found.len(),
        forecasts.len()
    )?;
    let width = found
        .iter()
        .map(|f| f.name.chars().count())
        .max()
        .unwrap_or(0)
        .min(40);
    for f in found {
        let variants: Vec<String> = surfaces(t, f)
            .into_iter()
            .filter(|(s, _)| *s != f.name)
            .map(|(s, n)| format!("{s} ×{n}"))
            .collect();
        writeln!(
            out,
            "  {:>4}  {:<width$}  {:<12}  {}",
            f.mentions.len(),
            f.name,
            f.kind,
            variants.join(", "),
        )?;
    }
    if !forecasts.is_empty() {
        writeln!(out, "  forecasts:")?;
    }
    for p in forecasts {
        writeln!(
            out,
            "  {:>8}  {:<10}  {:<6}  {}{}",
            p.start_ms.map(format_clock).unwrap_or_else(|| "-".into()),
            p.due.as_deref().unwrap_or("-"),
            p.confidence,
            if p.condition.is_some() { "(if) " } else { "" },
            p.text
        )?;
    }
    writeln!(out)
}
