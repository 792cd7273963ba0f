//! Forecasts found in a transcript, made ready for the catalog's ledger (and for `extract
//! --json`): character offsets, interpolated times, speakers, the text of each part.

use chrono::NaiveDate;
use earshot_extract::forecast;
use earshot_model::{Segment, Transcript};
use earshot_store::PredictionWrite;

/// The forecasts of a transcript's segments (boilerplate left out), in order. `published`
/// is the episode's date: due dates count from it.
pub fn prediction_writes(t: &Transcript, published: Option<NaiveDate>) -> Vec<PredictionWrite> {
    let mut out = Vec::new();
    for (i, seg) in t.segments.iter().enumerate() {
        if seg.boilerplate {
            continue;
        }
        for f in forecast::find(&seg.text, published) {
            let text = &seg.text;
            let part = |r: &std::ops::Range<usize>| text[r.clone()].to_string();
            let start = text[..f.sentence.start].chars().count();
            let end = start + text[f.sentence.clone()].chars().count();
            out.push(PredictionWrite {
                key: text_key(&text[f.sentence.clone()]),
                segment: i as u32,
                start: start as u32,
                end: end as u32,
                start_ms: time_at(seg, start),
                speaker: seg.speaker.clone(),
                text: part(&f.sentence),
                claim: part(&f.claim),
                condition: f.condition.as_ref().map(part),
                horizon: f.horizon.as_ref().map(part),
                due: f.due.map(|d| d.to_string()),
                confidence: f.confidence.as_str().to_string(),
            });
        }
    }
    out
}

/// The time of a character offset in a segment: interpolated between the segment's start and
/// end when it has both, else its start.
pub(crate) fn time_at(seg: &Segment, char_offset: usize) -> Option<u64> {
    let total = seg.text.chars().count().max(1) as u64;
    match (seg.start_ms, seg.end_ms) {
        (Some(a), Some(b)) if b > a => Some(a + (b - a) * char_offset as u64 / total),
        (a, _) => a,
    }
}

/// A sentence's words, lower-case, one space apart: what a forecast's stable key is made of
/// (the catalog adds the show and the episode's date), so that punctuation or spacing fixed
/// by a re-import does not lose its outcome.
pub fn text_key(sentence: &str) -> String {
    let mut key = String::with_capacity(sentence.len());
    for word in sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(word.chars().flat_map(char::to_lowercase));
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_case_punctuation_and_spacing() {
        assert_eq!(
            text_key("They WILL,  sign it -- by June!"),
            text_key("they will sign it by june")
        );
    }

    #[test]
    fn writes_carry_character_offsets_times_and_speakers() {
        let mut t = Transcript::new("t.txt");
        let mut seg = Segment::text("Café first. They will sign it by June.");
        seg.start_ms = Some(1_000);
        seg.end_ms = Some(39_000);
        seg.speaker = Some("DANA".into());
        t.segments.push(seg);
        let mut ad = Segment::text("This show will be back after a word from our sponsor.");
        ad.boilerplate = true;
        t.segments.push(ad);
        let w = prediction_writes(&t, "2026-02-08".parse().ok());
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].start, 12);
        assert_eq!(w[0].text, "They will sign it by June.");
        assert_eq!(w[0].due.as_deref(), Some("2026-06-01"));
        assert_eq!(w[0].speaker.as_deref(), Some("DANA"));
        assert_eq!(w[0].start_ms, Some(1_000 + 38_000 * 12 / 38));
    }
}
