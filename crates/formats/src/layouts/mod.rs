//! One module per family of layouts. Each layout is a unit struct implementing [`Layout`],
//! listed once in [`all_layouts`].

mod archive_fm;
mod captions;
mod inline;
mod labelled;
mod p20_html;
mod p20_json;
mod plain;
mod podscripts;
mod rss;
mod srt;
mod vtt;
mod whisper_json;
mod whisper_text;

use crate::{FormatError, Segment, Transcript};

/// A transcript layout: how to recognise it and how to read it.
pub trait Layout: Sync {
    /// A short stable id, used in `--format` and in the `format` key of the JSON output.
    fn id(&self) -> &'static str;
    /// One line for `earshot formats`.
    fn describe(&self) -> &'static str;
    /// How likely `text` (the whole input) is in this layout, from 0 (surely not) to 1
    /// (surely). Must be cheap: look at the head of the text (see [`sniff_window`]), never
    /// parse the whole of it.
    fn sniff(&self, text: &str) -> f32;
    /// Reads the whole text. Most layouts return one transcript; a feed returns one per item.
    fn parse(&self, text: &str) -> Result<Vec<Transcript>, FormatError>;
}

/// Every supported layout, most specific first: on equal sniff scores the earlier one wins.
pub fn all_layouts() -> &'static [&'static dyn Layout] {
    &[
        &podscripts::Podscripts,
        &archive_fm::ArchiveFm,
        &srt::Srt,
        &vtt::Vtt,
        &p20_json::Podcasting20Json,
        &p20_html::Podcasting20Html,
        &whisper_json::WhisperJson,
        &whisper_text::WhisperTsv,
        &whisper_text::WhisperCpp,
        &rss::Rss,
        &labelled::SpeakerStampBlocks,
        &labelled::SpeakerExport,
        &labelled::BracketSpeaker,
        &labelled::Dialogue,
        &inline::InlineStamps,
        &captions::Captions,
        &plain::Plain,
    ]
}

/// The layout with this id.
pub fn layout_by_id(id: &str) -> Option<&'static dyn Layout> {
    all_layouts().iter().copied().find(|l| l.id() == id)
}

/// The head of a text that sniffers look at: the first 8 KiB, cut at a character boundary.
/// Every signature shows within it, and detection runs every sniffer on every input, so it
/// stays small.
pub fn sniff_window(text: &str) -> &str {
    const WINDOW: usize = 8 * 1024;
    if text.len() <= WINDOW {
        return text;
    }
    let mut end = WINDOW;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Each stamped segment without an end ends where the next begins (the rule of every layout
/// that stamps only starts), unless the next stamp goes backwards.
pub(crate) fn set_ends(segments: &mut [Segment]) {
    for i in 1..segments.len() {
        if let (Some(next), None) = (segments[i].start_ms, segments[i - 1].end_ms) {
            if segments[i - 1].start_ms.is_some_and(|s| s <= next) {
                segments[i - 1].end_ms = Some(next);
            }
        }
    }
}
