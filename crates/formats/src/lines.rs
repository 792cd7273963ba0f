//! Numbered lines, the unit most line-based layouts work in.

/// A line of the input with its 1-based number, trailing white space trimmed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    pub no: usize,
    pub text: &'a str,
}

impl Line<'_> {
    /// True for an empty or all-white-space line.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// The input's lines, numbered from 1. The input is already decoded (LF line endings).
pub fn numbered(text: &str) -> Vec<Line<'_>> {
    text.split('\n')
        .enumerate()
        .map(|(i, t)| Line {
            no: i + 1,
            text: t.trim_end(),
        })
        .collect()
}

/// The first `n` non-blank lines, for sniffing.
pub fn head(text: &str, n: usize) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(n)
}
