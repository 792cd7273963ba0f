//! From paths on disk to finished transcripts: walks directories, reads files within a size
//! limit, decodes and parses them (`earshot-formats`), resolves the local transcript files a
//! feed links to, and runs the text stage (`earshot-text`). Every failure names its file.

mod feed;
mod walk;

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

use earshot_formats::{decode, FormatError, MAX_INPUT_BYTES};
use earshot_model::Transcript;

pub use walk::{collect_paths, is_media_file};

/// How to import.
#[derive(Debug, Clone)]
pub struct Options {
    /// A layout id to use instead of detection.
    pub format: Option<String>,
    /// Files larger than this are refused unread.
    pub max_bytes: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            format: None,
            max_bytes: MAX_INPUT_BYTES,
        }
    }
}

/// Why a file could not be imported. Displays as `path:line: message`.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportError {
    /// The path as the user gave it (or as found under a directory they gave).
    pub source: String,
    pub line: Option<usize>,
    pub message: String,
    /// The parser's error, when the file was read.
    pub format: Option<FormatError>,
}

impl ImportError {
    fn io(source: &str, err: &std::io::Error) -> Self {
        ImportError {
            source: source.to_owned(),
            line: None,
            message: err.to_string(),
            format: None,
        }
    }

    fn format(source: &str, err: FormatError) -> Self {
        ImportError {
            source: source.to_owned(),
            line: err.line(),
            message: match &err {
                // The line is already in the location prefix.
                FormatError::Syntax { message, .. } => message.clone(),
                other => other.to_string(),
            },
            format: Some(err),
        }
    }

    /// True when the file was read and recognised as something other than a transcript.
    pub fn is_not_a_transcript(&self) -> bool {
        matches!(self.format, Some(FormatError::NotATranscript(_)))
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}: {}", self.source, l, self.message),
            None => write!(f, "{}: {}", self.source, self.message),
        }
    }
}

impl std::error::Error for ImportError {}

/// Reads at most `limit` bytes of a file; a larger file (or an endless one, like a device) is
/// refused rather than held in memory.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ImportError> {
    let source = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| ImportError::io(&source, &e))?;
    if let Ok(meta) = file.metadata() {
        if meta.is_dir() {
            return Err(ImportError::format(
                &source,
                FormatError::syntax(None, "is a directory"),
            ));
        }
        if meta.len() > limit {
            return Err(ImportError::format(
                &source,
                FormatError::TooLarge {
                    size: meta.len(),
                    limit,
                },
            ));
        }
    }
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ImportError::io(&source, &e))?;
    if bytes.len() as u64 > limit {
        return Err(ImportError::format(
            &source,
            FormatError::TooLarge {
                size: bytes.len() as u64,
                limit,
            },
        ));
    }
    Ok(bytes)
}

/// Imports one file.
pub fn import_file(path: &Path, opts: &Options) -> Result<Vec<Transcript>, ImportError> {
    let bytes = read_limited(path, opts.max_bytes)?;
    import_bytes(&path.display().to_string(), &bytes, path.parent(), opts)
}

/// Imports one input already in memory (an upload, say). `base_dir` is where a feed's
/// relative transcript links are looked up; without one, they are left unresolved.
pub fn import_bytes(
    source: &str,
    bytes: &[u8],
    base_dir: Option<&Path>,
    opts: &Options,
) -> Result<Vec<Transcript>, ImportError> {
    let decoded = decode(bytes).map_err(|e| ImportError::format(source, e))?;
    let mut transcripts = earshot_formats::parse(&decoded.text, opts.format.as_deref())
        .map_err(|e| ImportError::format(source, e))?;
    let many = transcripts.len() > 1 || transcripts.iter().any(|t| t.transcript_url.is_some());
    for (i, t) in transcripts.iter_mut().enumerate() {
        t.source = if many {
            format!("{source}#{}", i + 1)
        } else {
            source.to_owned()
        };
        let mut warnings = decoded.warnings.clone();
        warnings.append(&mut t.warnings);
        t.warnings = warnings;
        if t.transcript_url.is_some() {
            feed::resolve_transcript(t, base_dir, opts);
        }
        earshot_text::finish(t);
    }
    Ok(transcripts)
}

/// One input's outcome.
#[derive(Debug)]
pub struct Imported {
    pub path: PathBuf,
    pub outcome: Result<Vec<Transcript>, ImportError>,
}
