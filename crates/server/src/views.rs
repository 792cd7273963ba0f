//! Small pieces the pages share: escaping for the HTML built in code, safe links, times, and
//! a segment's text with its entity mentions linked and its forecasts marked.

use std::fmt::Write;

/// Escapes text for HTML content and attribute values (the index's escaping, which its
/// snippets use too).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    earshot_index::snippet::escape(s, &mut out);
    out
}

/// The URL, if it is an absolute http(s) URL: anything else (`javascript:`, `data:`,
/// relative paths) is never put in a link or a player.
pub fn http_url(url: &str) -> Option<&str> {
    let u = url.trim();
    let lower = u.get(..8).unwrap_or(u).to_ascii_lowercase();
    let ok = (lower.starts_with("http://") || lower.starts_with("https://"))
        && !u.chars().any(|c| c.is_whitespace() || c.is_control());
    ok.then_some(u)
}

/// `h:mm:ss` or `m:ss` for a time in milliseconds.
pub fn clock(ms: u64) -> String {
    earshot_model::format_clock(ms)
}

/// A mark in a segment: an entity mention (linked) or a forecast's sentence (highlighted).
#[derive(Debug, Clone)]
pub enum Mark {
    /// Byte range of a mention and its entity's id.
    Mention(std::ops::Range<usize>, i64),
    /// Byte range of a forecast's sentence, its id, and a title ("due 2026-06-01").
    Forecast(std::ops::Range<usize>, i64, String),
}

impl Mark {
    fn range(&self) -> &std::ops::Range<usize> {
        match self {
            Mark::Mention(r, _) | Mark::Forecast(r, _, _) => r,
        }
    }
}

/// The segment's text as HTML: escaped, mentions linked to their entity, forecasts wrapped
/// in `<mark>`. A mention that crosses a forecast's edge is left unlinked, so tags nest.
pub fn marked_text(text: &str, marks: &[Mark]) -> String {
    let forecasts: Vec<&Mark> = marks
        .iter()
        .filter(|m| matches!(m, Mark::Forecast(..)))
        .collect();
    let crosses = |r: &std::ops::Range<usize>| {
        forecasts.iter().any(|f| {
            let f = f.range();
            (r.start < f.start && r.end > f.start) || (r.start < f.end && r.end > f.end)
        })
    };
    // Opening and closing points, each with the HTML to insert there.
    let mut points: Vec<(usize, u8, String)> = Vec::new();
    for m in marks {
        let r = m.range().clone();
        let valid = r.start < r.end
            && r.end <= text.len()
            && text.is_char_boundary(r.start)
            && text.is_char_boundary(r.end);
        if !valid {
            continue;
        }
        match m {
            Mark::Mention(_, id) if !crosses(&r) => {
                points.push((
                    r.start,
                    2,
                    format!("<a class=\"mention\" href=\"/entities/{id}\">"),
                ));
                points.push((r.end, 1, "</a>".into()));
            }
            Mark::Mention(..) => {}
            Mark::Forecast(_, id, title) => {
                points.push((
                    r.start,
                    3,
                    format!(
                        "<mark class=\"forecast\" id=\"f{id}\" title=\"{}\">",
                        escape(title)
                    ),
                ));
                points.push((r.end, 0, "</mark>".into()));
            }
        }
    }
    // At one offset: a mention closes, then a forecast closes, then a forecast opens, then a
    // mention opens, so tags always nest.
    points.sort_by_key(|&(pos, kind, _)| {
        let order = match kind {
            1 => 0,
            0 => 1,
            3 => 2,
            _ => 3,
        };
        (pos, order)
    });
    let mut out = String::with_capacity(text.len() + 64);
    let mut at = 0;
    let mut open_mention = false;
    for (pos, kind, html) in points {
        // Mentions overlapping each other: keep the first.
        if kind == 2 && open_mention || kind == 1 && !open_mention {
            continue;
        }
        out.push_str(&escape(&text[at..pos]));
        at = pos;
        out.push_str(&html);
        if kind == 2 {
            open_mention = true;
        }
        if kind == 1 {
            open_mention = false;
        }
    }
    out.push_str(&escape(&text[at..]));
    out
}

/// HTML for a passage around a span given in characters: escaped, the span in `<b>`, about
/// `radius` characters either side, "…" where cut.
pub fn excerpt(text: &str, start: usize, end: usize, radius: usize) -> String {
    let (s, e) = (byte_at(text, start), byte_at(text, end.max(start)));
    let from = byte_at(text, start.saturating_sub(radius));
    let to = byte_at(text, end + radius);
    format!(
        "{}{}<b>{}</b>{}{}",
        if from > 0 { "…" } else { "" },
        escape(&text[from..s]),
        escape(&text[s..e]),
        escape(&text[e..to]),
        if to < text.len() { "…" } else { "" },
    )
}

/// A query parameter's date: `None` when blank, a 400 when not `YYYY-MM-DD`.
pub fn parse_day(s: &str) -> Result<Option<chrono::NaiveDate>, crate::AppError> {
    match s.trim() {
        "" => Ok(None),
        d => d
            .parse()
            .map(Some)
            .map_err(|_| crate::AppError::BadRequest(format!("{d:?} is not a date (YYYY-MM-DD)"))),
    }
}

/// Byte offset of a character offset.
pub fn byte_at(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map(|(i, _)| i)
        .unwrap_or(text.len())
}

/// A query string with one parameter replaced (for facet and page links), escaped for an
/// attribute.
pub fn query_with(params: &[(&str, &str)]) -> String {
    let mut out = String::new();
    for (k, v) in params.iter().filter(|(_, v)| !v.is_empty()) {
        let sep = if out.is_empty() { '?' } else { '&' };
        let _ = write!(out, "{sep}{k}={}", encode(v));
    }
    out
}

/// Percent-encodes a query parameter's value.
pub fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_everything_that_could_open_markup() {
        assert_eq!(
            escape(r#"<script>"x"&'y'</script>"#),
            "&lt;script&gt;&quot;x&quot;&amp;&#39;y&#39;&lt;/script&gt;"
        );
    }

    #[test]
    fn only_http_urls_are_links() {
        assert!(http_url("https://example.org/a.mp3").is_some());
        assert!(http_url("HTTP://example.org").is_some());
        assert!(http_url("javascript:alert(1)").is_none());
        assert!(http_url(" data:text/html,x").is_none());
        assert!(http_url("/etc/passwd").is_none());
        assert!(http_url("https://a b").is_none());
    }

    #[test]
    fn marks_nest_and_text_is_escaped() {
        let text = "Putin <b>will</b> meet Trump soon.";
        let p = text.find("Putin").unwrap();
        let t = text.find("Trump").unwrap();
        let marks = vec![
            Mark::Forecast(0..text.len(), 7, "due \"soon\"".into()),
            Mark::Mention(p..p + 5, 1),
            Mark::Mention(t..t + 5, 2),
        ];
        let html = marked_text(text, &marks);
        assert_eq!(
            html,
            "<mark class=\"forecast\" id=\"f7\" title=\"due &quot;soon&quot;\">\
             <a class=\"mention\" href=\"/entities/1\">Putin</a> &lt;b&gt;will&lt;/b&gt; meet \
             <a class=\"mention\" href=\"/entities/2\">Trump</a> soon.</mark>"
        );
    }

    #[test]
    fn a_mention_across_a_forecast_edge_is_left_plain() {
        let text = "Old news. Kyiv holds.";
        let marks = vec![
            Mark::Forecast(10..text.len(), 1, String::new()),
            Mark::Mention(4..14, 3),
        ];
        let html = marked_text(text, &marks);
        assert!(!html.contains("<a"), "{html}");
        assert!(html.contains("<mark"), "{html}");
    }
}
