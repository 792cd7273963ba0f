//! The words of a sentence, lower-cased, with contractions opened.

use std::ops::Range;

/// A word of a sentence: lower-case, contractions opened ("they'll" is "they" "will",
/// "won't" is "will" "not", "gonna" is "going" "to").
#[derive(Debug, Clone)]
pub(crate) struct Tok {
    pub(crate) word: String,
    pub(crate) span: Range<usize>,
    /// Capitalised in the text.
    pub(crate) cap: bool,
}

pub(crate) fn tokens(s: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let push = |a: usize, b: usize, out: &mut Vec<Tok>| {
        let raw = s[a..b].replace('’', "'");
        let lower = raw.to_lowercase();
        let cap = raw.chars().next().is_some_and(char::is_uppercase);
        let mut add = |word: &str, span: Range<usize>| {
            out.push(Tok {
                word: word.to_string(),
                span,
                cap,
            })
        };
        match lower.as_str() {
            "won't" | "wont" => {
                add("will", a..b);
                add("not", a..b);
            }
            "gonna" => {
                add("going", a..b);
                add("to", a..b);
            }
            "can't" | "cannot" => {
                add("can", a..b);
                add("not", a..b);
            }
            _ => {
                if let Some(head) = lower.strip_suffix("n't") {
                    add(head, a..b);
                    add("not", a..b);
                    return;
                }
                if let Some(p) = lower.find('\'') {
                    let (head, tail) = lower.split_at(p);
                    let full = match tail {
                        "'ll" => Some("will"),
                        "'m" => Some("am"),
                        "'re" => Some("are"),
                        "'d" => Some("would"),
                        "'ve" => Some("have"),
                        _ => None,
                    };
                    if let (Some(full), false) = (full, head.is_empty()) {
                        add(head, a..a + p);
                        add(full, a + p..b);
                        return;
                    }
                }
                add(&lower, a..b);
            }
        }
    };
    for (i, c) in s.char_indices() {
        let inside = c.is_alphanumeric()
            || c == '%'
            || ((c == '\'' || c == '’') && start.is_some())
            || (c == '-' && start.is_some());
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(a)) => {
                push(a, i, &mut out);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(a) = start {
        push(a, s.len(), &mut out);
    }
    out
}

/// Words before "may" that make it the month.
#[rustfmt::skip]
const BEFORE_MONTH: &[&str] = &[
    "in", "by", "early", "late", "mid", "of", "until", "since", "before", "end",
];

/// Whether `may` at `i` is the month ("in May", "by may"), not the verb.
pub(crate) fn is_month_may(w: &[&str], t: &[Tok], i: usize) -> bool {
    w[i] == "may" && (t[i].cap || i > 0 && BEFORE_MONTH.contains(&w[i - 1]))
}
