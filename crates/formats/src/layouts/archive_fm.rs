//! The archive page: an optional "Archive.fm" line, the show, the title (often twice), then
//! "Duration:" / "Broadcast on:" / "Audio Format:" each followed by its value on the next line,
//! then the body, usually one long paragraph, often ending in "[Music]". Turns are sometimes
//! marked " - ".

use super::sniff_window;
use crate::lines::numbered;
use crate::{chrome, dates, FormatError, Layout, Segment, Transcript, WarningKind};

/// See the module documentation.
pub struct ArchiveFm;

const KEYS: [&str; 3] = ["Duration:", "Broadcast on:", "Audio Format:"];

impl Layout for ArchiveFm {
    fn id(&self) -> &'static str {
        "archive-fm"
    }

    fn describe(&self) -> &'static str {
        "archive page: show, title, \"Duration:\", \"Broadcast on:\", \"Audio Format:\", then one long paragraph"
    }

    fn sniff(&self, text: &str) -> f32 {
        let head: Vec<&str> = crate::lines::head(sniff_window(text), 16).collect();
        let keys = KEYS.iter().filter(|k| head.iter().any(|l| l == *k)).count();
        let branded = head
            .first()
            .is_some_and(|l| l.eq_ignore_ascii_case("archive.fm"));
        match (keys, branded) {
            (0, true) => 0.6,
            (0, false) => 0.0,
            (1, b) => 0.6 + if b { 0.3 } else { 0.0 },
            (_, _) => 0.97,
        }
    }

    fn parse(&self, text: &str) -> Result<Vec<Transcript>, FormatError> {
        let mut t = Transcript::new(self.id());
        let lines = numbered(text);
        let mut heads: Vec<&str> = Vec::new();
        let mut i = 0;
        let mut saw_key = false;
        while i < lines.len() {
            let line = lines[i];
            let text = line.text.trim();
            i += 1;
            if text.is_empty() {
                continue;
            }
            if let Some(key) = KEYS.iter().find(|k| **k == text) {
                saw_key = true;
                // The value is the next non-blank line, unless that line is already the body
                // ("Audio Format:" is often left empty).
                let mut j = i;
                while j < lines.len() && lines[j].is_blank() {
                    j += 1;
                }
                let value = lines.get(j).map(|l| l.text.trim()).unwrap_or("");
                let is_value = !value.is_empty()
                    && !KEYS.contains(&value)
                    && match *key {
                        "Duration:" => dates::parse_duration(value).is_some(),
                        "Broadcast on:" => dates::parse_date(value).is_some(),
                        _ => value.len() <= 24 && value.split_whitespace().count() <= 3,
                    };
                if !is_value {
                    if *key != "Audio Format:" && !value.is_empty() && !KEYS.contains(&value) {
                        t.warn(
                            WarningKind::Other,
                            Some(line.no),
                            format!("no value after {key}"),
                        );
                    }
                    continue;
                }
                match *key {
                    "Duration:" => t.duration_s = dates::parse_duration(value),
                    "Broadcast on:" => t.published = dates::parse_date(value),
                    _ => {}
                }
                i = j + 1;
                continue;
            }
            if saw_key {
                i -= 1;
                break;
            }
            if chrome::is_chrome_line(text) {
                t.warn(
                    WarningKind::Chrome,
                    Some(line.no),
                    format!("removed page chrome: {text}"),
                );
                continue;
            }
            heads.push(text);
        }
        // Header lines: show, then title, often repeated.
        heads.dedup();
        match heads.as_slice() {
            [] => {}
            [title] => t.title = Some((*title).to_owned()),
            [show, title, rest @ ..] => {
                t.show = Some((*show).to_owned());
                t.title = Some((*title).to_owned());
                for extra in rest {
                    t.warn(
                        WarningKind::Unplaced,
                        None,
                        format!("unrecognised header line kept as text: {extra}"),
                    );
                    t.segments.push(Segment::text(*extra));
                }
            }
        }
        for line in &lines[i.min(lines.len())..] {
            let text = line.text.trim();
            if text.is_empty() {
                continue;
            }
            if chrome::is_chrome_line(text) {
                t.warn(
                    WarningKind::Chrome,
                    Some(line.no),
                    format!("removed page chrome: {text}"),
                );
                continue;
            }
            for turn in split_turns(text) {
                t.segments.push(Segment::text(turn).at_line(line.no));
            }
        }
        Ok(vec![t])
    }
}

/// Splits a paragraph at " - " turn markers. A dash between two words of one clause looks the
/// same, so a turn is only taken where the text before it ends a sentence.
fn split_turns(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut from = 0;
    let mut search = 0;
    while let Some(off) = text[search..].find(" - ") {
        let at = search + off;
        let before = text[from..at].trim_end();
        if before.ends_with(['.', '?', '!', ']']) {
            out.push(before);
            from = at + 3;
        }
        search = at + 3;
    }
    let tail = text[from..].trim();
    if !tail.is_empty() {
        out.push(tail);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use earshot_model::NaiveDate;

    const PAGE: &str = "Archive.fm\n\nNight Desk\n\nBorder crossings reopen\n\nBorder crossings reopen\n\nDuration:\n1h 5m\nBroadcast on:\n25 May 2024\nAudio Format:\nmp3\n\nGood evening. The crossings at Narva reopened today. - Is that right? - It is, and traffic is slow. [Music]\n";

    #[test]
    fn reads_header_and_body() {
        let t = ArchiveFm.parse(PAGE).unwrap().remove(0);
        assert_eq!(t.show.as_deref(), Some("Night Desk"));
        assert_eq!(t.title.as_deref(), Some("Border crossings reopen"));
        assert_eq!(t.duration_s, Some(3900));
        assert_eq!(t.published, NaiveDate::from_ymd_opt(2024, 5, 25));
        let texts: Vec<&str> = t.segments.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "Good evening. The crossings at Narva reopened today.",
                "Is that right?",
                "It is, and traffic is slow. [Music]"
            ]
        );
        assert!(t.warnings.iter().any(|w| w.kind == WarningKind::Chrome));
    }

    #[test]
    fn audio_format_may_be_empty() {
        let page = "Night Desk\nA title\nBroadcast on:\n3 June 2024\nAudio Format:\n\nThe body starts here and it is long enough to be a body of speech.\n";
        let t = ArchiveFm.parse(page).unwrap().remove(0);
        assert_eq!(t.segments.len(), 1);
        assert!(t.segments[0].text.starts_with("The body"));
        assert!(ArchiveFm.sniff(page) > 0.9);
    }
}
