//! Page-like layouts without speaker labels: the transcript-site page, the archive page and
//! plain text with a header.

use std::fmt::Write;

use super::timeline::{words, wrap};
use super::{clock, meta};
use crate::rng::Rng;
use crate::Episode;

/// The transcript-site page: chunks of about a minute, each line opening "Starting point is
/// HH:MM:SS"; chunks end at a sentence end, or (as on the site) now and then mid-sentence.
pub fn podscripts(ep: &Episode, rng: &mut Rng) -> String {
    let m = meta(ep);
    let mut out = String::with_capacity(ep.word_count() * 7);
    let _ = write!(
        out,
        "{} - {}\n\nEpisode Date: {}\n\n{} ...\n\nTranscript\nDiscussion ({})\n",
        m.show,
        m.title,
        clock::us_date(m.date),
        m.title,
        rng.below(4)
    );
    let ws = words(ep);
    let mut i = 0;
    while i < ws.len() {
        let target = rng.range(70, 170) as usize;
        let mid_sentence = rng.chance(0.2);
        let _ = write!(out, "Starting point is {} ", clock::hms(ws[i].start_ms));
        let mut n = 0;
        while i < ws.len() {
            out.push_str(ws[i].text);
            n += 1;
            i += 1;
            if n >= target && (mid_sentence || ws[i - 1].ends_sentence) {
                break;
            }
            if i < ws.len() {
                out.push(' ');
            }
        }
        out.push('\n');
    }
    // The page's comment prompt (the layout's own chrome).
    out.push_str("\nThere aren't comments yet for this episode.\n");
    out
}

/// The archive page: header keys with values on the next line, then the whole conversation
/// as one paragraph with " - " between turns, ending in "[Music]".
pub fn archive_fm(ep: &Episode, rng: &mut Rng) -> String {
    let m = meta(ep);
    let branded = rng.chance(0.7);
    let gap = if branded { "\n\n" } else { "\n" };
    let mut out = String::with_capacity(ep.word_count() * 7);
    if branded {
        out.push_str("Archive.fm");
        out.push_str(gap);
    }
    let format = if rng.chance(0.8) { "mp3" } else { "" };
    let _ = write!(
        out,
        "{show}{gap}{title}{gap}{title}{gap}Duration:\n{dur}\nBroadcast on:\n{date}\nAudio Format:\n{format}\n\n",
        show = m.show,
        title = m.title,
        dur = clock::hours_minutes(m.duration_s),
        date = clock::day_month_year(m.date),
    );
    for (i, seg) in ep.segments.iter().enumerate() {
        if i > 0 {
            out.push_str(" - ");
        }
        out.push_str(&seg.text);
    }
    out.push_str(" [Music]\n");
    out
}

/// Plain text: "Title:", "Show:", "Date:", "Duration:" lines, then a paragraph per turn,
/// hard-wrapped at 100 columns in about half the episodes.
pub fn plain(ep: &Episode, rng: &mut Rng) -> String {
    let m = meta(ep);
    let wrapped = rng.chance(0.5);
    let mut out = String::with_capacity(ep.word_count() * 7);
    let _ = write!(
        out,
        "Title: {}\nShow: {}\nDate: {}\nDuration: {}\n",
        m.title,
        m.show,
        m.date.format("%Y-%m-%d"),
        clock::short(m.duration_s * 1000)
    );
    for seg in &ep.segments {
        out.push('\n');
        if wrapped {
            for line in wrap(&seg.text, 100) {
                out.push_str(&line);
                out.push('\n');
            }
        } else {
            out.push_str(&seg.text);
            out.push('\n');
        }
    }
    out
}
