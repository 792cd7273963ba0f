//! Page chrome: lines a transcript page carries that nobody said (navigation, comment
//! prompts, share buttons). Layouts remove them from the text and list them in warnings.

/// Lines that are chrome wherever they appear, compared case-insensitively after trimming.
const EXACT: &[&str] = &[
    "transcript",
    "show transcript",
    "hide transcript",
    "full transcript",
    "share",
    "share this episode",
    "subscribe",
    "sign in",
    "log in",
    "sign up",
    "menu",
    "search",
    "home",
    "play",
    "play episode",
    "download",
    "copy link",
    "back to top",
    "skip to content",
    "skip to main content",
    "read more",
    "show more",
    "load more",
    "accept cookies",
    "archive.fm",
];

/// Line openings that mark chrome.
const PREFIXES: &[&str] = &[
    "there aren't comments yet",
    "there are no comments yet",
    "click on any sentence in the transcript",
    "leave a comment",
    "we use cookies",
    "this site uses cookies",
    "by continuing to use this site",
    "copyright ©",
    "© 20",
    "all rights reserved",
    "powered by ",
    "transcripts are generated automatically",
    "this transcript was generated automatically",
];

/// True when a whole line is page chrome.
pub fn is_chrome_line(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() || t.len() > 200 {
        return false;
    }
    let lower = t.to_lowercase();
    if EXACT.contains(&lower.as_str()) {
        return true;
    }
    if PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    // "Discussion (3)", "Comments (12)"
    for word in ["discussion (", "comments ("] {
        if let Some(rest) = lower.strip_prefix(word) {
            return rest
                .strip_suffix(')')
                .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()));
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_chrome_but_not_speech() {
        assert!(is_chrome_line("Discussion (0)"));
        assert!(is_chrome_line("  Transcript "));
        assert!(is_chrome_line(
            "There aren't comments yet for this episode."
        ));
        assert!(!is_chrome_line("Discussion (of the deal) matters"));
        assert!(!is_chrome_line("We should share the burden."));
        assert!(!is_chrome_line(""));
    }
}
