//! Plain text: paragraphs, with whatever header metadata can be recognised ("Title:",
//! "Show:", "Date:", "Duration:", a Markdown "# Title").

use crate::lines::numbered;
use crate::{chrome, dates, FormatError, Layout, Segment, Transcript, WarningKind};

/// See the module documentation.
pub struct Plain;

impl Layout for Plain {
    fn id(&self) -> &'static str {
        "plain"
    }

    fn describe(&self) -> &'static str {
        "plain text: paragraphs, with \"Title:\", \"Show:\", \"Date:\", \"Duration:\" headers where present"
    }

    fn sniff(&self, _text: &str) -> f32 {
        // The fallback: anything is plain text, nothing is surely so.
        0.2
    }

    fn parse(&self, text: &str) -> Result<Vec<Transcript>, FormatError> {
        let mut t = Transcript::new(self.id());
        let lines = numbered(text);
        let mut in_header = true;
        let mut current: Option<Segment> = None;
        for line in &lines {
            let text = line.text.trim();
            if in_header && !text.is_empty() {
                if header_line(text, &mut t) {
                    continue;
                }
                in_header = false;
            }
            if text.is_empty() {
                if let Some(seg) = current.take() {
                    t.segments.push(seg);
                }
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
            match current.as_mut() {
                Some(seg) => {
                    seg.text.push('\n');
                    seg.text.push_str(text);
                }
                None => current = Some(Segment::text(text).at_line(line.no)),
            }
        }
        if let Some(seg) = current {
            t.segments.push(seg);
        }
        Ok(vec![t])
    }
}

/// Reads a header line into `t`; false when the line is not a header.
pub(crate) fn header_line(text: &str, t: &mut Transcript) -> bool {
    if let Some(title) = text.strip_prefix("# ") {
        if t.title.is_none() {
            t.title = Some(title.trim().to_owned());
            return true;
        }
        return false;
    }
    let Some((key, value)) = text.split_once(':') else {
        return false;
    };
    let value = value.trim();
    if value.is_empty() || key.len() > 24 {
        return false;
    }
    match key.trim().to_ascii_lowercase().as_str() {
        "title" | "episode" | "episode title" => t.title = Some(value.to_owned()),
        "show" | "podcast" | "program" | "programme" | "series" => t.show = Some(value.to_owned()),
        "date" | "published" | "aired" | "air date" | "broadcast" | "recorded" | "episode date" => {
            match dates::parse_date(value) {
                Some(d) => t.published = Some(d),
                None => return false,
            }
        }
        "duration" | "length" | "runtime" => match dates::parse_duration(value) {
            Some(d) => t.duration_s = Some(d),
            None => return false,
        },
        "language" | "lang" => t.language = Some(value.to_owned()),
        _ => return false,
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use earshot_model::NaiveDate;

    #[test]
    fn reads_headers_and_paragraphs() {
        let text = "Title: The long winter\nShow: Night Desk\nDate: 2026-01-04\nDuration: 30m\n\nFirst paragraph, wrapped\nover two lines.\n\nSecond paragraph.\nShare\n";
        let t = Plain.parse(text).unwrap().remove(0);
        assert_eq!(t.title.as_deref(), Some("The long winter"));
        assert_eq!(t.show.as_deref(), Some("Night Desk"));
        assert_eq!(t.published, NaiveDate::from_ymd_opt(2026, 1, 4));
        assert_eq!(t.duration_s, Some(1800));
        assert_eq!(t.segments.len(), 2);
        assert_eq!(
            t.segments[0].text,
            "First paragraph, wrapped\nover two lines."
        );
        assert_eq!(t.segments[1].line, Some(9));
        assert_eq!(t.warnings.len(), 1);
    }

    #[test]
    fn a_colon_in_speech_is_not_a_header() {
        let t = Plain
            .parse("Note: this is speech, not a header.\n")
            .unwrap()
            .remove(0);
        assert_eq!(t.title, None);
        assert_eq!(t.segments.len(), 1);
    }
}
