//! `earshot remove`: take an episode, or one source of it, out of the archive.

use std::path::Path;
use std::process::ExitCode;

use earshot_archive::{Access, Archive};

/// Arguments of `earshot remove`.
#[derive(clap::Args)]
#[command(group = clap::ArgGroup::new("what").required(true).args(["episode", "source"]))]
pub struct Args {
    /// The episode's id.
    episode: Option<i64>,
    /// A source path as ingested (a feed item is `feed.xml#N`).
    #[arg(long, value_name = "PATH")]
    source: Option<String>,
}

pub fn run(args: Args, data: &Path) -> anyhow::Result<ExitCode> {
    let mut archive = Archive::open(data, Access::Write)?;
    if let Some(id) = args.episode {
        if archive.remove_episode(id)? {
            println!("removed episode {id}");
            return Ok(ExitCode::SUCCESS);
        }
        eprintln!("earshot: no episode {id} in {}", data.display());
        return Ok(ExitCode::from(1));
    }
    let path = args.source.expect("clap requires one");
    match archive.remove_source(&path)? {
        Some(r) if r.episode_removed => println!(
            "removed source {path} and episode {} (it had no other source)",
            r.episode
        ),
        Some(r) => println!("removed source {path} from episode {}", r.episode),
        None => {
            eprintln!("earshot: no source {path} in {}", data.display());
            return Ok(ExitCode::from(1));
        }
    }
    Ok(ExitCode::SUCCESS)
}
