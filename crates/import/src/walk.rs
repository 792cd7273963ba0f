//! Turning the paths a user gives into the files to read.

use std::path::{Path, PathBuf};

use crate::ImportError;

/// Extensions of files that are never transcripts (audio, video, images, archives): skipped
/// when walking a directory, so a podcast folder with its audio can be imported as it is.
const MEDIA: &[&str] = &[
    "mp3", "m4a", "aac", "wav", "ogg", "oga", "opus", "flac", "mp4", "m4v", "mov", "webm", "mkv",
    "avi", "jpg", "jpeg", "png", "gif", "webp", "svg", "ico", "pdf", "zip", "gz", "tgz", "bz2",
    "xz", "7z", "rar", "exe", "dll", "so", "db", "sqlite",
];

/// True for a file a directory walk skips by its extension.
pub fn is_media_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| MEDIA.contains(&e.to_ascii_lowercase().as_str()))
}

/// Expands the given paths: files as they are, directories walked recursively (hidden entries
/// and media files skipped, sorted for a stable order). Paths that do not exist are errors.
pub fn collect_paths(inputs: &[PathBuf]) -> (Vec<PathBuf>, Vec<ImportError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for input in inputs {
        if !input.is_dir() {
            if input.exists() {
                files.push(input.clone());
            } else {
                errors.push(ImportError::io(
                    &input.display().to_string(),
                    &std::io::Error::new(std::io::ErrorKind::NotFound, "no such file or directory"),
                ));
            }
            continue;
        }
        let walker = walkdir::WalkDir::new(input)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_file() && !is_media_file(e.path()) => {
                    files.push(e.into_path())
                }
                Ok(_) => {}
                Err(err) => {
                    let path = err
                        .path()
                        .map(|p| p.display().to_string())
                        .unwrap_or_else(|| input.display().to_string());
                    errors.push(ImportError::io(
                        &path,
                        &std::io::Error::other(err.to_string()),
                    ));
                }
            }
        }
    }
    (files, errors)
}
