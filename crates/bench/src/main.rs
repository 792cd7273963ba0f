//! `earshot-bench`: re-runnable benchmarks of earshot's pipeline on synthetic transcripts
//! from `earshot-synth`. See `docs/benchmarks.md`.

mod archive;
mod corpus;
mod entities;
mod forecasts;
mod parse;
mod report;
mod serve;

use clap::{Args, Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "earshot-bench",
    version,
    about = "Benchmarks of earshot's pipeline on synthetic transcripts"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse throughput per layout: detect + parse, then detect + parse + text, on one thread.
    Parse(ParseArgs),
    /// The archive: ingest a synthetic corpus with the release earshot binary, then time a
    /// fixed query mix against earshot, SQLite FTS5 and ripgrep.
    Archive(ArchiveArgs),
    /// Entity recognition scored on the annotated set (`eval/entities`), beside spaCy's
    /// predictions when given (`scripts/eval.sh`), and its speed on that text.
    Entities(EntitiesArgs),
    /// Entity extraction speed on synthetic episodes, one thread.
    Extract(ExtractArgs),
    /// The server under load: wrk sends the archive bench's query mix to `earshot serve`.
    Serve(ServeArgs),
    /// Forecast finding scored on the annotated set (`eval/predictions`), beside a naive
    /// baseline.
    Forecasts(ForecastsArgs),
}

/// Options of `earshot-bench forecasts`.
#[derive(Args)]
pub struct ForecastsArgs {
    /// The annotated set.
    #[arg(default_value = "eval/predictions")]
    dir: std::path::PathBuf,
    /// One JSON object instead of a table.
    #[arg(long)]
    json: bool,
    /// Also list every miss, false alarm and due date off.
    #[arg(long)]
    errors: bool,
}

/// Options of `earshot-bench extract`.
#[derive(Args)]
pub struct ExtractArgs {
    /// Words of synthetic commentary to extract from (at least).
    #[arg(long, default_value_t = 2_000_000)]
    words: usize,
    /// Seed of the synthetic corpus.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Timed passes (the best is reported).
    #[arg(long, default_value_t = 3)]
    runs: usize,
    /// One JSON object instead of text.
    #[arg(long)]
    json: bool,
}

/// Options of `earshot-bench entities`.
#[derive(Args)]
pub struct EntitiesArgs {
    /// The annotated set.
    #[arg(default_value = "eval/entities")]
    dir: std::path::PathBuf,
    /// spaCy's predictions, as `scripts/spacy_entities.py` writes them.
    #[arg(long, value_name = "JSONL")]
    spacy: Option<std::path::PathBuf>,
    /// One JSON object instead of a table.
    #[arg(long)]
    json: bool,
    /// Also list every miss and false prediction.
    #[arg(long)]
    errors: bool,
    /// Timed passes for the speed figure (the best is reported).
    #[arg(long, default_value_t = 5)]
    speed_runs: usize,
}

/// Options of `earshot-bench parse`.
#[derive(Args)]
struct ParseArgs {
    /// Megabytes (10^6 bytes) of rendered text per layout.
    #[arg(long, default_value_t = 20.0)]
    mb: f64,
    /// Seed of the synthetic corpus.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// One JSON object per layout per line instead of a table.
    #[arg(long)]
    json: bool,
    /// Only these layouts (repeatable); default: every layout but rss.
    #[arg(long = "layout", value_name = "ID")]
    layouts: Vec<String>,
    /// Timed runs per layout and pass; the best is reported.
    #[arg(long, default_value_t = 3)]
    runs: usize,
}

/// The synthetic corpus and query mix the `archive` and `serve` benchmarks share.
#[derive(Args)]
pub struct CorpusArgs {
    /// Episodes in the corpus (about 5,000 words each).
    #[arg(long, default_value_t = 10_000)]
    episodes: u64,
    /// Seed of the synthetic corpus and of the queries.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Where the corpus, archive and results go (shared by `archive` and `serve`).
    #[arg(long, default_value = "bench-out")]
    dir: std::path::PathBuf,
    /// Queries in the mix.
    #[arg(long, default_value_t = 200)]
    queries: usize,
}

/// Options of `earshot-bench archive`.
#[derive(Args)]
struct ArchiveArgs {
    #[command(flatten)]
    corpus: CorpusArgs,
    /// One JSON object instead of a table.
    #[arg(long)]
    json: bool,
    /// Timed passes for earshot and FTS5 (each query's median is taken).
    #[arg(long, default_value_t = 3)]
    passes: usize,
    /// Timed passes for ripgrep (a process per query over the whole corpus: slow).
    #[arg(long, default_value_t = 1)]
    rg_passes: usize,
}

/// Options of `earshot-bench serve`.
#[derive(Args)]
pub struct ServeArgs {
    #[command(flatten)]
    corpus: CorpusArgs,
    /// Concurrent connections.
    #[arg(long, default_value_t = 64)]
    connections: u32,
    /// Seconds of load (after a 5 s warm-up).
    #[arg(long, default_value_t = 30)]
    duration: u32,
    /// One JSON object instead of a table.
    #[arg(long)]
    json: bool,
    /// Instead of serving: time the mix in this process on one thread (no HTTP), each query's
    /// median of three passes, to see what search alone costs.
    #[arg(long)]
    in_process: bool,
}

fn main() {
    let cli = Cli::parse();
    match cli.command {
        Command::Parse(args) => run_parse(args),
        Command::Archive(args) => run_archive(args),
        Command::Extract(args) => {
            if let Err(e) = entities::run_speed(&args) {
                eprintln!("earshot-bench: {e:#}");
                std::process::exit(1);
            }
        }
        Command::Entities(args) => {
            if let Err(e) = entities::run(&args) {
                eprintln!("earshot-bench: {e:#}");
                std::process::exit(1);
            }
        }
        Command::Serve(args) => {
            if let Err(e) = serve::run(&args) {
                eprintln!("earshot-bench: {e:#}");
                std::process::exit(1);
            }
        }
        Command::Forecasts(args) => {
            if let Err(e) = forecasts::run(&args) {
                eprintln!("earshot-bench: {e:#}");
                std::process::exit(1);
            }
        }
    }
}

fn run_archive(args: ArchiveArgs) {
    if args.corpus.episodes == 0
        || args.corpus.queries == 0
        || args.passes == 0
        || args.rg_passes == 0
    {
        eprintln!(
            "earshot-bench: --episodes, --queries, --passes and --rg-passes must be positive"
        );
        std::process::exit(2);
    }
    if report::profile() != "release" {
        eprintln!("warning: this is a debug build; figures are only meaningful with --release");
    }
    if let Err(e) = archive::run(&args) {
        eprintln!("earshot-bench: {e:#}");
        std::process::exit(1);
    }
}

fn run_parse(args: ParseArgs) {
    let all = parse::layouts();
    let layouts: Vec<&'static str> = if args.layouts.is_empty() {
        all
    } else {
        let mut chosen = Vec::new();
        for id in &args.layouts {
            match all.iter().find(|l| **l == id.as_str()) {
                Some(l) => chosen.push(*l),
                None => {
                    eprintln!(
                        "earshot-bench: unknown layout {id}; choose from: {}",
                        all.join(", ")
                    );
                    std::process::exit(2);
                }
            }
        }
        chosen
    };
    if args.mb.is_nan() || args.mb <= 0.0 || args.runs == 0 {
        eprintln!("earshot-bench: --mb and --runs must be positive");
        std::process::exit(2);
    }
    let env = report::Environment::current(&args);
    if env.profile != "release" {
        eprintln!(
            "warning: this is a {} build; figures are only meaningful with --release",
            env.profile
        );
    }
    let target_bytes = (args.mb * 1e6) as usize;
    let mut corpus = corpus::Corpus::new(args.seed);
    if !args.json {
        report::print_header(&env, &args);
    }
    let mut results = Vec::new();
    for layout in layouts {
        let docs = corpus.documents(layout, target_bytes);
        let result = parse::measure(layout, &docs, args.runs);
        if args.json {
            report::print_json(&result, &env);
        } else {
            report::print_row(&result);
        }
        results.push(result);
    }
    if !args.json {
        report::print_footer(&results);
    }
}
