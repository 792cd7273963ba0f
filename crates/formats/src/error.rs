use thiserror::Error;

/// Why an input could not be parsed at all. (Problems that still leave usable text are
/// [`crate::Warning`]s on the transcript instead.)
#[derive(Debug, Error, Clone, PartialEq)]
pub enum FormatError {
    #[error("the file is empty")]
    Empty,
    #[error("this is a binary file, not a transcript{}", .0.as_deref().map(|k| format!(" ({k})")).unwrap_or_default())]
    Binary(Option<String>),
    #[error("the file is {size} bytes, over the limit of {limit} bytes")]
    TooLarge { size: u64, limit: u64 },
    #[error("not a transcript: {0}")]
    NotATranscript(String),
    #[error("no layout is called {0:?} (see `earshot formats`)")]
    UnknownFormat(String),
    #[error("read as {0}, but no transcript text was found")]
    NothingFound(&'static str),
    #[error("{}{message}", line.map(|l| format!("line {l}: ")).unwrap_or_default())]
    Syntax {
        line: Option<usize>,
        message: String,
    },
}

impl FormatError {
    /// A syntax error at a line.
    pub fn syntax(line: Option<usize>, message: impl Into<String>) -> Self {
        FormatError::Syntax {
            line,
            message: message.into(),
        }
    }

    /// The 1-based line the error is at, where there is one.
    pub fn line(&self) -> Option<usize> {
        match self {
            FormatError::Syntax { line, .. } => *line,
            _ => None,
        }
    }
}
