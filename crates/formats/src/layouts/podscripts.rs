//! The transcript-site page: a "Show - Title" line, "Episode Date: ...", the title again,
//! "Transcript", "Discussion (N)", then either lines that each begin "Starting point is
//! HH:MM:SS" or a body hard-wrapped mid-sentence, then a comment-prompt footer.

use super::sniff_window;
use crate::lines::{numbered, Line};
use crate::{chrome, dates, stamps, FormatError, Layout, Segment, Transcript, WarningKind};

/// See the module documentation.
pub struct Podscripts;

const STAMP_LEAD: &str = "Starting point is ";
const DATE_LEAD: &str = "Episode Date:";

impl Layout for Podscripts {
    fn id(&self) -> &'static str {
        "podscripts"
    }

    fn describe(&self) -> &'static str {
        "transcript-site page: \"Show - Title\", \"Episode Date:\", body stamped \"Starting point is HH:MM:SS\" or hard-wrapped"
    }

    fn sniff(&self, text: &str) -> f32 {
        let w = sniff_window(text);
        let head: Vec<&str> = crate::lines::head(w, 8).collect();
        let dated = head.iter().any(|l| l.starts_with(DATE_LEAD));
        let stamped = w
            .lines()
            .filter(|l| l.starts_with(STAMP_LEAD))
            .take(3)
            .count();
        let discussion = head
            .iter()
            .any(|l| chrome::is_chrome_line(l) && l.starts_with("Discussion"));
        match (dated, stamped, discussion) {
            (true, n, _) if n > 0 => 1.0,
            (true, _, true) => 0.95,
            (true, _, false) => 0.7,
            (false, n, _) if n >= 3 => 0.8,
            _ => 0.0,
        }
    }

    fn parse(&self, text: &str) -> Result<Vec<Transcript>, FormatError> {
        let mut t = Transcript::new(self.id());
        let lines = numbered(text);
        let body_at = read_header(&lines, &mut t);
        read_body(&lines[body_at..], &mut t);
        Ok(vec![t])
    }
}

/// Reads the header into `t` and returns the index of the first body line.
fn read_header(lines: &[Line], t: &mut Transcript) -> usize {
    let mut first_line: Option<&str> = None;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let text = line.text.trim();
        if line.is_blank() {
            i += 1;
            continue;
        }
        if text.starts_with(STAMP_LEAD) {
            break;
        }
        if let Some(rest) = text.strip_prefix(DATE_LEAD) {
            match dates::date_prefix(rest) {
                Some((date, n)) => {
                    t.published = Some(date);
                    // The title may run straight on after the date.
                    let glued = rest[n..].trim();
                    if !glued.is_empty() && t.title.is_none() {
                        t.title = Some(strip_ellipsis(glued).to_owned());
                    }
                }
                None => t.warn(
                    WarningKind::Other,
                    Some(line.no),
                    format!("unreadable episode date: {}", rest.trim()),
                ),
            }
            i += 1;
            continue;
        }
        if chrome::is_chrome_line(text) {
            t.warn(
                WarningKind::Chrome,
                Some(line.no),
                format!("removed page chrome: {text}"),
            );
            i += 1;
            // "Discussion (N)" closes the header.
            if text.starts_with("Discussion") {
                break;
            }
            continue;
        }
        if first_line.is_none() {
            first_line = Some(text);
        } else if t.title.is_none() && t.published.is_some() {
            t.title = Some(strip_ellipsis(text).to_owned());
        } else if t.published.is_some() {
            // A line after the title that is neither chrome nor a stamp: the body starts.
            break;
        } else {
            break;
        }
        i += 1;
    }
    if let Some(first) = first_line {
        split_show_title(first, t);
    }
    i
}

/// "Show - Title": the title, when known from its own line, tells where the show ends.
fn split_show_title(first: &str, t: &mut Transcript) {
    if let Some(title) = t.title.as_deref() {
        if let Some(show) = first
            .strip_suffix(title)
            .and_then(|s| s.trim_end().strip_suffix('-'))
        {
            t.show = Some(show.trim().to_owned()).filter(|s| !s.is_empty());
            return;
        }
    }
    match first.split_once(" - ") {
        Some((show, title)) => {
            t.show = Some(show.trim().to_owned());
            if t.title.is_none() {
                t.title = Some(title.trim().to_owned());
            }
        }
        None if t.title.is_none() => t.title = Some(first.to_owned()),
        None => t.show = Some(first.to_owned()),
    }
}

fn strip_ellipsis(s: &str) -> &str {
    s.trim_end_matches("...").trim_end_matches('…').trim_end()
}

fn read_body(lines: &[Line], t: &mut Transcript) {
    let mut current: Option<Segment> = None;
    for line in lines {
        let text = line.text.trim();
        if chrome::is_chrome_line(text) {
            t.warn(
                WarningKind::Chrome,
                Some(line.no),
                format!("removed page chrome: {text}"),
            );
            continue;
        }
        if let Some(rest) = text.strip_prefix(STAMP_LEAD) {
            if let Some((ms, n)) = stamps::clock_prefix(rest) {
                if let Some(seg) = current.take() {
                    t.segments.push(seg);
                }
                current = Some(Segment::timed(ms, None, rest[n..].trim()).at_line(line.no));
                continue;
            }
            t.warn(
                WarningKind::Timestamp,
                Some(line.no),
                "unreadable \"Starting point\" stamp: kept as text",
            );
        }
        match current.as_mut() {
            // A blank line ends an unstamped paragraph; stamped segments run to the next stamp.
            Some(seg) if line.is_blank() => {
                if seg.start_ms.is_none() {
                    t.segments.push(current.take().expect("segment"));
                }
            }
            Some(seg) => {
                seg.text.push('\n');
                seg.text.push_str(text);
            }
            None if line.is_blank() => {}
            None => current = Some(Segment::text(text).at_line(line.no)),
        }
    }
    if let Some(seg) = current {
        t.segments.push(seg);
    }
    t.segments
        .retain(|s| !s.text.trim().is_empty() || s.start_ms.is_some());
    super::set_ends(&mut t.segments);
}

#[cfg(test)]
mod tests {
    use super::*;
    use earshot_model::NaiveDate;

    const STAMPED: &str = "Night Desk - Grain deal stalls again\n\nEpisode Date: March 3, 2026\n\nGrain deal stalls again ...\n\nTranscript\nDiscussion (0)\nStarting point is 00:00:00 Welcome back, Maria, the ships are still waiting at Odesa.\nStarting point is 00:01:05 They are, and Ankara is trying to mediate once more.\nStarting point is 00:02:10 We will end it there.\n\nThere aren't comments yet for this episode.\n";

    #[test]
    fn reads_a_stamped_page() {
        let t = Podscripts.parse(STAMPED).unwrap().remove(0);
        assert_eq!(t.show.as_deref(), Some("Night Desk"));
        assert_eq!(t.title.as_deref(), Some("Grain deal stalls again"));
        assert_eq!(t.published, NaiveDate::from_ymd_opt(2026, 3, 3));
        let starts: Vec<_> = t.segments.iter().map(|s| s.start_ms).collect();
        assert_eq!(starts, vec![Some(0), Some(65_000), Some(130_000)]);
        assert_eq!(t.segments[0].end_ms, Some(65_000));
        assert!(t.segments[0].text.starts_with("Welcome back"));
        assert!(t
            .warnings
            .iter()
            .any(|w| w.message.contains("Discussion (0)")));
        assert!(t.segments.iter().all(|s| !s.text.contains("comments yet")));
    }

    #[test]
    fn reads_a_wrapped_page_with_the_title_glued_to_the_date() {
        let page = "Night Desk - Quiet talks in Vienna\nEpisode Date: December 1, 2025Quiet talks in Vienna ...\nTranscript\nDiscussion (0)\nThe envoy arrived on Sunday and the talks went on until the early\nhours, which nobody expected.\nThen the delegation left.\n";
        let t = Podscripts.parse(page).unwrap().remove(0);
        assert_eq!(t.show.as_deref(), Some("Night Desk"));
        assert_eq!(t.title.as_deref(), Some("Quiet talks in Vienna"));
        assert_eq!(t.published, NaiveDate::from_ymd_opt(2025, 12, 1));
        assert_eq!(t.segments.len(), 1);
        assert!(t.segments[0].text.contains("early\nhours"));
        assert_eq!(t.segments[0].start_ms, None);
    }

    #[test]
    fn sniffs_its_own_pages_only() {
        assert!(Podscripts.sniff(STAMPED) > 0.9);
        assert_eq!(Podscripts.sniff("Just some text.\nMore text."), 0.0);
    }
}
