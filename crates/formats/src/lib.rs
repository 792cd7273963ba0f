//! The first stage of earshot's pipeline: detect the layout of a transcript and parse it,
//! losslessly, into a [`Transcript`].
//!
//! Everything here is a pure function of text: no file system, no network. The caller reads
//! the bytes, hands them to [`decode`], then to [`parse`] (detection included) or to a named
//! layout's parser. Normalisation of the segments' text (wrapping, sentences, boilerplate,
//! estimated timings) is the next stage's job (`earshot-text`).

pub mod chrome;
pub mod dates;
mod decode;
mod detect;
mod error;
pub mod layouts;
mod lines;
pub mod notes;
pub mod stamps;
#[doc(hidden)]
pub mod testing;

pub use decode::{decode, Decoded, MAX_INPUT_BYTES};
pub use detect::{detect, Detection};
pub use earshot_model::{Segment, Timing, Transcript, Warning, WarningKind};
pub use error::FormatError;
pub use layouts::{all_layouts, layout_by_id, Layout};

/// Parses decoded text, detecting its layout unless `forced` names one.
///
/// A feed yields one transcript per item; every other layout yields one. Each transcript's
/// `format` and `confidence` say which layout read it and how sure detection was.
pub fn parse(text: &str, forced: Option<&str>) -> Result<Vec<Transcript>, FormatError> {
    if text.trim().is_empty() {
        return Err(FormatError::Empty);
    }
    let (layout, confidence) = match forced {
        Some(id) => (
            layout_by_id(id).ok_or_else(|| FormatError::UnknownFormat(id.to_owned()))?,
            1.0,
        ),
        None => {
            let d = detect(text);
            if let Some(reason) = d.not_a_transcript {
                return Err(FormatError::NotATranscript(reason));
            }
            (d.layout, d.confidence)
        }
    };
    let mut transcripts = layout.parse(text)?;
    for t in &mut transcripts {
        t.format = layout.id().to_owned();
        t.confidence = confidence;
    }
    if transcripts
        .iter()
        .all(|t| t.segments.is_empty() && t.title.is_none())
    {
        return Err(FormatError::NothingFound(layout.id()));
    }
    Ok(transcripts)
}
