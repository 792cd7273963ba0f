//! Uploaded transcripts: each kept in the archive's `uploads/` folder under a safe name,
//! ingested, and searchable at once; not kept when earshot cannot read it. The one path behind
//! the API's `POST /api/ingest` (one file) and the overview page's upload form (several).

use std::sync::Arc;

use axum::body::Bytes;
use earshot_archive::IngestOptions;

use crate::api::safe_file_name;
use crate::{AppError, AppState};

/// What became of one uploaded file.
#[derive(Debug)]
pub struct Upload {
    /// The file's name as kept (after [`safe_file_name`], without the random prefix).
    pub name: String,
    pub outcome: Outcome,
}

#[derive(Debug)]
pub enum Outcome {
    /// Ingested: the episodes it added, updated, left unchanged or merged into another.
    Ingested {
        added: u64,
        updated: u64,
        unchanged: u64,
        merged: u64,
    },
    /// No layout reads it (the reason, without the server's paths); the file was not kept.
    Unreadable(String),
    /// The archive failed while ingesting it; the file was not kept.
    Failed(AppError),
}

impl Outcome {
    /// In words: "added", "unchanged", or "2 added, 1 merged" when a file held several
    /// episodes.
    pub fn describe(&self) -> String {
        match self {
            Outcome::Unreadable(why) => format!("cannot read: {why}"),
            Outcome::Failed(e) => format!("not added: {e}"),
            Outcome::Ingested {
                added,
                updated,
                unchanged,
                merged,
            } => {
                let parts: Vec<(u64, &str)> = [
                    (*added, "added"),
                    (*updated, "updated"),
                    (*unchanged, "unchanged"),
                    (*merged, "merged"),
                ]
                .into_iter()
                .filter(|(n, _)| *n > 0)
                .collect();
                match parts.as_slice() {
                    [(1, word)] => word.to_string(),
                    _ => parts
                        .iter()
                        .map(|(n, word)| format!("{n} {word}"))
                        .collect::<Vec<_>>()
                        .join(", "),
                }
            }
        }
    }
}

/// Keeps each `(name, bytes)` in the uploads folder as `name` made safe (under a random
/// prefix) and ingests it, in one write; then makes readers see what went in. A file that
/// cannot be read, or whose ingest fails, is deleted and reported in its [`Outcome`] without
/// stopping the others. The error is for the write as a whole (the archive is busy, say).
pub async fn keep_and_ingest(
    state: &Arc<AppState>,
    files: Vec<(String, Bytes)>,
) -> Result<Vec<Upload>, AppError> {
    let dir = state.uploads_dir();
    let mut named = Vec::with_capacity(files.len());
    for (name, bytes) in files {
        let name = safe_file_name(&name);
        let path = dir.join(format!("{}-{name}", &crate::state::random_token()?[..8]));
        named.push((name, path, bytes));
    }
    state
        .write(move |st, a| {
            std::fs::create_dir_all(&dir)
                .map_err(|e| AppError::Internal(format!("cannot keep the upload: {e}")))?;
            let mut out = Vec::with_capacity(named.len());
            for (name, path, bytes) in named {
                let outcome = keep_one(a, &path, &bytes);
                if !matches!(outcome, Outcome::Ingested { .. }) {
                    let _ = std::fs::remove_file(&path);
                }
                out.push(Upload { name, outcome });
            }
            if out
                .iter()
                .any(|u| matches!(u.outcome, Outcome::Ingested { .. }))
            {
                st.refresh(a)?;
            }
            Ok(out)
        })
        .await
}

/// Writes one file at `path` and ingests it.
fn keep_one(a: &mut earshot_archive::Archive, path: &std::path::Path, bytes: &[u8]) -> Outcome {
    if let Err(e) = std::fs::write(path, bytes) {
        return Outcome::Failed(AppError::Internal(format!("cannot keep the upload: {e}")));
    }
    let r = match a.ingest(
        &[path.to_path_buf()],
        &IngestOptions::default(),
        &mut |_| {},
    ) {
        Ok(r) => r,
        Err(e) => return Outcome::Failed(e.into()),
    };
    if r.added + r.updated + r.unchanged + r.merged == 0 {
        // The reason without the file's path, which is the server's business.
        let why = match r.rejected.first() {
            Some(e) => match e.line {
                Some(line) => format!("line {line}: {}", e.message),
                None => e.message.clone(),
            },
            None => "no layout earshot reads fits it".into(),
        };
        return Outcome::Unreadable(why);
    }
    Outcome::Ingested {
        added: r.added,
        updated: r.updated,
        unchanged: r.unchanged,
        merged: r.merged,
    }
}

#[cfg(test)]
mod tests {
    use super::Outcome;

    #[test]
    fn outcomes_read_as_words() {
        let one = Outcome::Ingested {
            added: 1,
            updated: 0,
            unchanged: 0,
            merged: 0,
        };
        assert_eq!(one.describe(), "added");
        let several = Outcome::Ingested {
            added: 2,
            updated: 0,
            unchanged: 0,
            merged: 1,
        };
        assert_eq!(several.describe(), "2 added, 1 merged");
        assert_eq!(
            Outcome::Unreadable("line 3: no speaker".into()).describe(),
            "cannot read: line 3: no speaker"
        );
    }
}
