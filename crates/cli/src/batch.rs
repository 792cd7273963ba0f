//! Reading many transcript files for commands that print a result per transcript (`parse`,
//! `extract`): files are imported in parallel batches and printed in the order given.

use std::io::{StdoutLock, Write};
use std::path::PathBuf;

use earshot_import::{collect_paths, import_file, ImportError, Options};
use earshot_model::Transcript;
use rayon::prelude::*;

/// Files are imported in parallel in batches of this many, and printed in order.
const BATCH: usize = 64;

/// What a batch run saw.
pub struct Batched {
    /// The files found.
    pub files: usize,
    /// Paths that could not be walked or files that could not be read (each named on
    /// standard error).
    pub failed: usize,
}

/// Imports every file under `paths`; `map` runs on the worker threads for each transcript,
/// and `each` is handed each file's mapped transcripts, in order, with standard output.
/// Files that fail are named on standard error and counted; they never stop the rest.
pub fn import_each<T: Send>(
    paths: &[PathBuf],
    opts: &Options,
    map: impl Fn(Transcript) -> T + Sync,
    mut each: impl FnMut(&mut StdoutLock<'static>, Vec<T>) -> anyhow::Result<()>,
) -> anyhow::Result<Batched> {
    let (files, walk_errors) = collect_paths(paths);
    let mut failed = walk_errors.len();
    for e in &walk_errors {
        eprintln!("earshot: {e}");
    }
    let stdout = std::io::stdout();
    for batch in files.chunks(BATCH) {
        let results: Vec<Result<Vec<T>, ImportError>> = batch
            .par_iter()
            .map(|path| import_file(path, opts).map(|ts| ts.into_iter().map(&map).collect()))
            .collect();
        let mut out = stdout.lock();
        for result in results {
            match result {
                Ok(transcripts) => each(&mut out, transcripts)?,
                Err(e) => {
                    failed += 1;
                    out.flush()?;
                    eprintln!("earshot: {e}");
                }
            }
        }
        out.flush()?;
    }
    Ok(Batched {
        files: files.len(),
        failed,
    })
}
