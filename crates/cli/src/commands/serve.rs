//! `earshot serve`: the archive's web pages and JSON API, optionally ingesting first.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use earshot_archive::{Access, Archive};

/// Arguments of `earshot serve`.
#[derive(clap::Args)]
pub struct Args {
    /// The address to listen on. The default serves this machine only; bind 0.0.0.0:PORT to
    /// serve a team (and give a --token for writes).
    #[arg(long, default_value = "127.0.0.1:7420", value_name = "ADDR")]
    bind: SocketAddr,
    /// Allow writes (resolving forecasts, curating entities, uploading transcripts) to whoever
    /// gives this token, as a bearer header or through the login page. Without it the server
    /// is read-only.
    #[arg(
        long,
        env = "EARSHOT_TOKEN",
        value_name = "TOKEN",
        hide_env_values = true
    )]
    token: Option<String>,
    /// Ingest these transcripts (files, feeds, directories) before serving.
    #[arg(long, value_name = "PATH", num_args = 1..)]
    ingest: Vec<PathBuf>,
    /// No progress bar while ingesting.
    #[arg(long, short)]
    quiet: bool,
}

pub fn run(args: Args, data: &Path) -> anyhow::Result<ExitCode> {
    if let Some(t) = &args.token {
        if t.len() < 8 {
            anyhow::bail!("a token of fewer than 8 characters is too easy to guess");
        }
    }
    if !args.ingest.is_empty() {
        let mut archive = Archive::open(data, Access::Write)?;
        let report =
            super::ingest::ingest(&mut archive, &args.ingest, None, None, None, args.quiet)?;
        for e in &report.rejected {
            eprintln!("earshot: {e}");
        }
        eprintln!(
            "ingested {} files: {} added, {} updated, {} unchanged, {} rejected",
            report.files,
            report.added,
            report.updated,
            report.unchanged,
            report.rejected.len()
        );
    }
    let config = earshot_server::Config {
        data: data.to_path_buf(),
        token: args.token.clone(),
    };
    let writable = config.token.is_some();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(earshot_server::serve(config, args.bind, |addr| {
        let mode = if writable {
            "token required for changes"
        } else {
            "read-only"
        };
        eprintln!(
            "earshot: serving {} on http://{addr}/ ({mode}); Ctrl-C stops",
            data.display()
        );
    }))?;
    Ok(ExitCode::SUCCESS)
}
