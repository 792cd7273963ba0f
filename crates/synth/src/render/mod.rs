//! Writing an episode in each layout earshot reads, as real files in that layout look.
//!
//! Each layout's small variations (speaker labels or none, wrapped or not) are chosen per
//! episode from a hash of its slug and the layout, so a rendering is a pure function of the
//! episode.

mod captions;
mod clock;
mod feed;
mod html;
mod json;
mod labelled;
mod pages;
mod subtitles;
mod timeline;
mod whisper_text;

pub use feed::render_feed;
pub use timeline::split_sentences;

use chrono::NaiveDate;

use crate::rng::{hash_str, Rng};
use crate::Episode;

/// The layout ids [`render`] writes, in `earshot formats` order.
pub const LAYOUTS: &[&str] = &[
    "podscripts",
    "archive-fm",
    "srt",
    "vtt",
    "podcasting20-json",
    "podcasting20-html",
    "whisper-json",
    "whisper-tsv",
    "whisper-cpp",
    "rss",
    "speaker-stamp",
    "speaker-export",
    "bracket-speaker",
    "dialogue",
    "inline-stamps",
    "captions",
    "plain",
];

/// The episode written in `layout`, or `None` for an id not in [`LAYOUTS`].
///
/// For `rss`, a one-item feed whose item links the transcript file [`file_name`] gives for
/// the episode in `vtt`.
pub fn render(ep: &Episode, layout: &str) -> Option<String> {
    let mut rng = Rng::new(hash_str(&ep.source) ^ hash_str(layout));
    let rng = &mut rng;
    Some(match layout {
        "podscripts" => pages::podscripts(ep, rng),
        "archive-fm" => pages::archive_fm(ep, rng),
        "plain" => pages::plain(ep, rng),
        "srt" => subtitles::srt(ep, rng),
        "vtt" => subtitles::vtt(ep, rng),
        "podcasting20-json" => json::podcasting20(ep),
        "whisper-json" => json::whisper(ep, rng),
        "podcasting20-html" => html::podcasting20(ep),
        "whisper-tsv" => whisper_text::tsv(ep, rng),
        "whisper-cpp" => whisper_text::cpp(ep, rng),
        "speaker-stamp" => labelled::speaker_stamp(ep, rng),
        "speaker-export" => labelled::speaker_export(ep, rng),
        "bracket-speaker" => labelled::bracket_speaker(ep),
        "dialogue" => labelled::dialogue(ep, rng),
        "inline-stamps" => labelled::inline_stamps(ep, rng),
        "captions" => captions::captions(ep),
        "rss" => render_feed(std::slice::from_ref(ep), &[file_name(ep, "vtt")]),
        _ => return None,
    })
}

/// The usual file extension of a layout (without the dot).
pub fn extension(layout: &str) -> &'static str {
    match layout {
        "srt" => "srt",
        "vtt" => "vtt",
        "podcasting20-json" | "whisper-json" => "json",
        "podcasting20-html" => "html",
        "whisper-tsv" => "tsv",
        "rss" => "xml",
        _ => "txt",
    }
}

/// A file name for the episode in a layout: its slug, the layout (unless the extension says
/// it already) and the extension: `night-desk-00007.srt`, `night-desk-00007.whisper-json.json`.
pub fn file_name(ep: &Episode, layout: &str) -> String {
    let ext = extension(layout);
    if ext == layout {
        format!("{}.{ext}", ep.source)
    } else {
        format!("{}.{layout}.{ext}", ep.source)
    }
}

/// The metadata every page-like layout prints, with fallbacks for hand-made episodes.
struct Meta<'a> {
    show: &'a str,
    title: &'a str,
    date: NaiveDate,
    duration_s: u64,
}

fn meta(ep: &Episode) -> Meta<'_> {
    let last = ep
        .segments
        .iter()
        .filter_map(|s| s.end_ms)
        .max()
        .unwrap_or(0);
    Meta {
        show: ep.show.as_deref().unwrap_or("Untitled Show"),
        title: ep.title.as_deref().unwrap_or("Untitled episode"),
        date: ep
            .published
            .unwrap_or(NaiveDate::from_ymd_opt(2023, 1, 1).expect("date")),
        duration_s: ep.duration_s.unwrap_or(last.div_ceil(1000)),
    }
}

/// The speaker of a turn, or an empty name.
fn speaker(ep: &Episode, turn: usize) -> &str {
    ep.segments[turn].speaker.as_deref().unwrap_or("")
}

/// The position of each distinct speaker, in order of first appearance, for "Speaker 1".
fn speaker_number(ep: &Episode, name: &str) -> usize {
    ep.speakers().iter().position(|s| *s == name).unwrap_or(0)
}

/// Escapes text for HTML and XML content and attributes.
fn escape_xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}
