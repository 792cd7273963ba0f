//! Podcasting 2.0 HTML: a `<cite>` speaker, a `<time>` stamp and a `<p>` paragraph per turn.

use std::fmt::Write;

use super::{clock, escape_xml, meta, speaker};
use crate::Episode;

/// A small HTML page with one cite, time and paragraph per turn.
pub fn podcasting20(ep: &Episode) -> String {
    let m = meta(ep);
    let mut out = String::with_capacity(ep.word_count() * 7);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{} - {}</title>\n</head>\n<body>\n",
        escape_xml(m.show),
        escape_xml(m.title)
    );
    for (turn, seg) in ep.segments.iter().enumerate() {
        let _ = write!(
            out,
            "<cite>{}:</cite>\n<time>{}</time>\n<p>{}</p>\n",
            escape_xml(speaker(ep, turn)),
            clock::short(seg.start_ms.unwrap_or(0)),
            escape_xml(&seg.text)
        );
    }
    out.push_str("</body>\n</html>\n");
    out
}
