//! Podcast RSS 2.0 feeds: one transcript per `<item>`, with the item's title, date, duration,
//! audio and `<podcast:transcript>` link, and the channel's title and language.
//!
//! An item carries no text of its own here: its transcript is the linked file, which the
//! import layer resolves. Show notes (`<description>`, `<content:encoded>`) are not a
//! transcript and are not read.

use std::borrow::Cow;

use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::Reader;

use super::p20_html::{entity, named_entity, LineCounter};
use super::p20_json::duration_secs;
use super::sniff_window;
use crate::{dates, FormatError, Layout, Transcript, WarningKind};

/// See the module documentation.
pub struct Rss;

impl Layout for Rss {
    fn id(&self) -> &'static str {
        "rss"
    }

    fn describe(&self) -> &'static str {
        "podcast RSS feed: an episode per <item>, text from a local <podcast:transcript>"
    }

    fn sniff(&self, text: &str) -> f32 {
        let w = sniff_window(text);
        if !w.trim_start().starts_with('<') {
            return 0.0;
        }
        let (rss, channel, item) = (
            w.contains("<rss"),
            w.contains("<channel"),
            w.contains("<item"),
        );
        match (rss, channel, item) {
            (true, true, _) => 0.98,
            (true, false, _) => 0.9,
            (false, true, true) => 0.8,
            _ => 0.0,
        }
    }

    fn parse(&self, text: &str) -> Result<Vec<Transcript>, FormatError> {
        let mut feed = Feed::default();
        let mut reader = Reader::from_str(text);
        // Feeds often carry a bare "&" in titles; it is text, not a broken entity.
        reader.config_mut().allow_dangling_amp = true;
        let mut lines = LineCounter::default();
        let stop = loop {
            let event = reader.read_event();
            let at = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
            match event {
                Ok(Event::Start(e)) => {
                    let line = lines.line_at(text, at);
                    let kind = feed.open(&e, line);
                    feed.stack.push(kind);
                }
                Ok(Event::Empty(e)) => {
                    let line = lines.line_at(text, at);
                    feed.open(&e, line);
                }
                Ok(Event::End(_)) => feed.close(),
                Ok(Event::Text(e)) => feed.text(&String::from_utf8_lossy(&e)),
                Ok(Event::CData(e)) => feed.text(&String::from_utf8_lossy(&e)),
                Ok(Event::GeneralRef(r)) => feed.text(&resolve(&r)),
                Ok(Event::Eof) if feed.stack.is_empty() => break None,
                Ok(Event::Eof) => {
                    break Some((
                        lines.line_at(text, text.len()),
                        "the feed ends early".into(),
                    ))
                }
                Ok(_) => {}
                Err(e) => {
                    let pos = usize::try_from(reader.error_position()).unwrap_or(usize::MAX);
                    break Some((lines.line_at(text, pos), format!("malformed XML: {e}")));
                }
            }
        };
        feed.finish(stop)
    }
}

/// The elements whose place matters.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Channel,
    Item,
    Other,
}

/// Text-valued elements that are read.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Field {
    Show,
    Language,
    Title,
    ItunesTitle,
    PubDate,
    Duration,
}

#[derive(Default)]
struct Item {
    line: usize,
    t: Transcript,
    title: String,
    itunes_title: String,
    pub_date: Option<String>,
    duration: Option<String>,
    /// `(url, type)` of each `<podcast:transcript>`.
    links: Vec<(String, String)>,
}

#[derive(Default)]
struct Feed {
    stack: Vec<Kind>,
    /// The field being read, and the stack depth of its element.
    capture: Option<(Field, usize, String)>,
    show: String,
    language: String,
    item: Option<Item>,
    items: Vec<Transcript>,
}

impl Feed {
    /// Handles a start or empty tag; returns what it opens.
    fn open(&mut self, e: &BytesStart, line: usize) -> Kind {
        let qname = e.name();
        let local = qname.local_name();
        let local = local.as_ref();
        let prefixed = qname.prefix().is_some();
        let parent = self.stack.last().copied();
        let field = match (parent, local, prefixed) {
            (_, b"channel", false) => return Kind::Channel,
            (_, b"item", false) => {
                self.item = Some(Item {
                    line,
                    ..Item::default()
                });
                return Kind::Item;
            }
            (Some(Kind::Channel), b"title", false) => Some(Field::Show),
            (Some(Kind::Channel), b"language", false) => Some(Field::Language),
            (Some(Kind::Item), b"title", false) => Some(Field::Title),
            (Some(Kind::Item), b"title", true) => Some(Field::ItunesTitle),
            (Some(Kind::Item), b"pubDate" | b"pubdate", false) => Some(Field::PubDate),
            (Some(Kind::Item), b"duration", true) => Some(Field::Duration),
            (Some(Kind::Item), b"enclosure", _) => {
                self.enclosure(e);
                None
            }
            (Some(Kind::Item), b"transcript", true) => {
                self.transcript_link(e);
                None
            }
            _ => None,
        };
        if let Some(f) = field {
            self.capture = Some((f, self.stack.len(), String::new()));
        }
        Kind::Other
    }

    fn enclosure(&mut self, e: &BytesStart) {
        if let (Some(item), Some(url)) = (self.item.as_mut(), attr(e, b"url")) {
            if item.t.audio_url.is_none() && !url.is_empty() {
                item.t.audio_url = Some(url);
            }
        }
    }

    fn transcript_link(&mut self, e: &BytesStart) {
        if let (Some(item), Some(url)) = (self.item.as_mut(), attr(e, b"url")) {
            let kind = attr(e, b"type").unwrap_or_default();
            if !url.is_empty() {
                item.links.push((url, kind));
            }
        }
    }

    fn text(&mut self, s: &str) {
        if let Some((_, _, buf)) = self.capture.as_mut() {
            buf.push_str(s);
        }
    }

    fn close(&mut self) {
        let kind = self.stack.pop();
        if let Some((field, depth, buf)) = self.capture.take() {
            if depth == self.stack.len() {
                self.store(field, buf);
            } else {
                self.capture = Some((field, depth, buf));
            }
        }
        if kind == Some(Kind::Item) {
            if let Some(item) = self.item.take() {
                self.items.push(finish_item(item));
            }
        }
    }

    fn store(&mut self, field: Field, buf: String) {
        let value = collapse(&buf);
        match (field, self.item.as_mut()) {
            (Field::Show, _) => self.show = value,
            (Field::Language, _) => self.language = value,
            (Field::Title, Some(i)) => i.title = value,
            (Field::ItunesTitle, Some(i)) => i.itunes_title = value,
            (Field::PubDate, Some(i)) => i.pub_date = Some(value),
            (Field::Duration, Some(i)) => i.duration = Some(value),
            _ => {}
        }
    }

    /// The items read, with the channel's show and language; `stop` is where and why reading
    /// stopped early.
    fn finish(mut self, stop: Option<(usize, String)>) -> Result<Vec<Transcript>, FormatError> {
        if let Some((line, why)) = &stop {
            if self.items.is_empty() {
                return Err(FormatError::syntax(
                    Some(*line),
                    format!("{why}, before any complete <item>"),
                ));
            }
            let lost = match self.item.as_ref() {
                Some(i) if !i.title.is_empty() => {
                    format!("; the incomplete item {:?} was dropped", i.title)
                }
                Some(_) => "; an incomplete item was dropped".to_owned(),
                None => String::new(),
            };
            let n = self.items.len();
            if let Some(last) = self.items.last_mut() {
                last.warn(
                    WarningKind::Truncated,
                    Some(*line),
                    format!("{why}: kept the {n} complete items before it{lost}"),
                );
            }
        }
        if self.items.is_empty() {
            return Err(FormatError::NothingFound("rss"));
        }
        let show = (!self.show.is_empty()).then_some(self.show);
        let language = (!self.language.is_empty()).then_some(self.language);
        for t in &mut self.items {
            t.show.clone_from(&show);
            t.language.clone_from(&language);
        }
        Ok(self.items)
    }
}

fn finish_item(item: Item) -> Transcript {
    let mut t = item.t;
    let line = Some(item.line);
    t.title = [item.title, item.itunes_title]
        .into_iter()
        .find(|s| !s.is_empty());
    if let Some(d) = item.pub_date.filter(|d| !d.is_empty()) {
        t.published = dates::parse_date(&d);
        if t.published.is_none() {
            t.warn(WarningKind::Other, line, format!("unreadable pubDate: {d}"));
        }
    }
    if let Some(d) = item.duration.filter(|d| !d.is_empty()) {
        t.duration_s = duration_secs(&d);
        if t.duration_s.is_none() {
            t.warn(
                WarningKind::Other,
                line,
                format!("unreadable duration: {d}"),
            );
        }
    }
    t.transcript_url = best_link(&item.links).map(str::to_owned);
    if t.transcript_url.is_none() {
        t.warn(
            WarningKind::Link,
            line,
            "this item has no <podcast:transcript> link: no transcript to read",
        );
    }
    t
}

/// The transcript link to use: the preferred type, the first of equals.
fn best_link(links: &[(String, String)]) -> Option<&str> {
    links
        .iter()
        .enumerate()
        .min_by_key(|(i, (url, kind))| (rank(url, kind), *i))
        .map(|(_, (url, _))| url.as_str())
}

/// Lower is better: JSON (timed, with speakers), WebVTT, SubRip, HTML, plain text, other.
fn rank(url: &str, kind: &str) -> u8 {
    let kind = kind.trim().to_ascii_lowercase();
    let kind = kind.split(';').next().unwrap_or("").trim();
    match kind {
        "application/json" => 0,
        "text/vtt" => 1,
        "application/x-subrip" | "application/srt" | "text/srt" => 2,
        "text/html" => 3,
        "text/plain" => 4,
        "" => rank_by_extension(url),
        _ => 6,
    }
}

/// A link without a type is ranked by its file name.
fn rank_by_extension(url: &str) -> u8 {
    let path = url
        .split(['?', '#'])
        .next()
        .unwrap_or(url)
        .to_ascii_lowercase();
    let ext = path.rsplit_once('.').map_or("", |(_, e)| e);
    match ext {
        "json" => 0,
        "vtt" => 1,
        "srt" => 2,
        "html" | "htm" => 3,
        "txt" => 4,
        _ => 5,
    }
}

/// An attribute's value with its entities decoded.
fn attr(e: &BytesStart, name: &[u8]) -> Option<String> {
    let a = e.try_get_attribute(name).ok()??;
    let raw = String::from_utf8_lossy(&a.value);
    Some(unescape(&raw).trim().to_owned())
}

/// Decodes entities, leaving any it does not know as written.
fn unescape(raw: &str) -> Cow<'_, str> {
    if !raw.contains('&') {
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        match entity(&rest[i..]) {
            Some((c, n)) => {
                out.push(c);
                rest = &rest[i + n..];
            }
            None => {
                out.push('&');
                rest = &rest[i + 1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The text an entity reference in element content stands for.
fn resolve(r: &BytesRef) -> String {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return c.to_string();
    }
    let name = String::from_utf8_lossy(r);
    match named_entity(&name) {
        Some(c) => c.to_string(),
        None => format!("&{name};"),
    }
}

/// Trims and collapses runs of white space (titles are often wrapped in the XML).
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use earshot_model::NaiveDate;
    use proptest::prelude::*;

    const FEED: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>The Long Wire</title>
  <language>en-gb</language>
  <image><title>Logo title</title><url>https://example.org/logo.png</url></image>
  <description>Weekly dispatches &amp; analysis.</description>
  <item>
    <title><![CDATA[Salt & Steel: the Black Sea ports]]></title>
    <pubDate>Sun, 08 Feb 2026 10:00:00 +0000</pubDate>
    <itunes:duration>42:10</itunes:duration>
    <enclosure url="https://example.org/ep41.mp3?a=1&amp;b=2" length="1" type="audio/mpeg"/>
    <podcast:transcript url="https://example.org/ep41.html" type="text/html"/>
    <podcast:transcript url="https://example.org/ep41.vtt" type="text/vtt"/>
    <podcast:transcript url="https://example.org/ep41.txt" type="text/plain"/>
    <description><![CDATA[<p>Show notes: in this episode we talk about ports.</p>]]></description>
    <content:encoded>&lt;p&gt;More notes&lt;/p&gt;</content:encoded>
  </item>
  <item>
    <title>Grain, guns &amp; the Bosporus &#8212; part 2</title>
    <itunes:title>Ignored when a title exists</itunes:title>
    <pubDate>someday</pubDate>
    <itunes:duration>3725</itunes:duration>
  </item>
</channel>
</rss>
"#;

    #[test]
    fn reads_items_and_channel() {
        let items = Rss.parse(FEED).unwrap();
        assert_eq!(items.len(), 2);
        let a = &items[0];
        assert_eq!(
            a.title.as_deref(),
            Some("Salt & Steel: the Black Sea ports")
        );
        assert_eq!(a.show.as_deref(), Some("The Long Wire"));
        assert_eq!(a.language.as_deref(), Some("en-gb"));
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2026, 2, 8));
        assert_eq!(a.duration_s, Some(2530));
        assert_eq!(
            a.audio_url.as_deref(),
            Some("https://example.org/ep41.mp3?a=1&b=2")
        );
        assert_eq!(
            a.transcript_url.as_deref(),
            Some("https://example.org/ep41.vtt")
        );
        assert!(a.segments.is_empty());
        assert!(a.warnings.is_empty(), "{:?}", a.warnings);
        let b = &items[1];
        assert_eq!(
            b.title.as_deref(),
            Some("Grain, guns & the Bosporus — part 2")
        );
        assert_eq!(b.duration_s, Some(3725));
        assert_eq!(b.published, None);
        assert_eq!(b.show.as_deref(), Some("The Long Wire"));
        let kinds: Vec<_> = b.warnings.iter().map(|w| (w.kind, w.line)).collect();
        assert_eq!(
            kinds,
            vec![
                (WarningKind::Other, Some(19)),
                (WarningKind::Link, Some(19))
            ]
        );
    }

    #[test]
    fn keeps_complete_items_of_a_truncated_feed() {
        let cut = &FEED[..FEED.find("<pubDate>someday").unwrap()];
        let items = Rss.parse(cut).unwrap();
        assert_eq!(items.len(), 1);
        let w = items[0]
            .warnings
            .iter()
            .find(|w| w.kind == WarningKind::Truncated)
            .unwrap();
        assert_eq!(w.line, Some(22));
        assert!(w.message.contains("Grain, guns"), "{}", w.message);
    }

    #[test]
    fn keeps_complete_items_before_malformed_xml() {
        let bad = FEED.replace(
            "<itunes:duration>3725</itunes:duration>",
            "<itunes:duration>3725</oops>",
        );
        let items = Rss.parse(&bad).unwrap();
        assert_eq!(items.len(), 1);
        let w = &items[0].warnings[0];
        assert_eq!((w.kind, w.line), (WarningKind::Truncated, Some(23)));
    }

    #[test]
    fn a_feed_with_no_complete_item_is_an_error() {
        let cut = &FEED[..FEED.find("<itunes:duration>42").unwrap()];
        let err = Rss.parse(cut).unwrap_err();
        assert_eq!(err.line(), Some(11));
        let err = Rss
            .parse("<rss><channel><title>x</title></channel></rss>")
            .unwrap_err();
        assert_eq!(err, FormatError::NothingFound("rss"));
        assert!(Rss.parse("<rss><channel><item><title>a</ti").is_err());
    }

    #[test]
    fn ranks_transcript_types() {
        let l = |v: &[(&str, &str)]| {
            v.iter()
                .map(|(u, k)| (u.to_string(), k.to_string()))
                .collect::<Vec<_>>()
        };
        let links = l(&[
            ("a.txt", "text/plain"),
            ("b.srt", "application/x-subrip"),
            ("c.json", "application/json; charset=utf-8"),
        ]);
        assert_eq!(best_link(&links), Some("c.json"));
        let links = l(&[("x.html", ""), ("y.vtt", ""), ("z", "text/vtt")]);
        assert_eq!(best_link(&links), Some("y.vtt"));
        assert_eq!(best_link(&[]), None);
    }

    #[test]
    fn sniffs_feeds() {
        assert!(Rss.sniff(FEED) > 0.95);
        assert_eq!(Rss.sniff("<html><p>rss</p></html>"), 0.0);
        assert_eq!(Rss.sniff("talking about <rss feeds"), 0.0);
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,300}") {
            let _ = Rss.parse(&s);
            let _ = Rss.parse(&format!("<rss><channel><item><title>{s}</title></item>{s}"));
            let _ = Rss.sniff(&s);
        }

        #[test]
        fn never_panics_on_cut_feeds(cut in 0usize..2000) {
            let mut end = cut.min(FEED.len());
            while !FEED.is_char_boundary(end) {
                end -= 1;
            }
            let _ = Rss.parse(&FEED[..end]);
        }

        #[test]
        fn generated_items_round_trip(items in proptest::collection::vec(
            ("[A-Za-z0-9][A-Za-z0-9 &<>'\",.:;!?-]{0,40}[A-Za-z0-9]", 1u32..28, 0u32..20000, any::<bool>()),
            1..20,
        )) {
            let mut xml = String::from("<?xml version=\"1.0\"?>\n<rss version=\"2.0\" xmlns:podcast=\"p\" xmlns:itunes=\"i\"><channel><title>Show &amp; Tell</title>\n");
            for (i, (title, day, secs, cdata)) in items.iter().enumerate() {
                let title_xml = if *cdata {
                    format!("<![CDATA[{title}]]>")
                } else {
                    title.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
                };
                xml.push_str(&format!(
                    "<item>\n<title>{title_xml}</title>\n<pubDate>Mon, {day:02} Feb 2026 08:00:00 GMT</pubDate>\n<itunes:duration>{secs}</itunes:duration>\n<podcast:transcript url=\"https://x.org/{i}.vtt\" type=\"text/vtt\"/>\n</item>\n"
                ));
            }
            xml.push_str("</channel></rss>\n");
            let parsed = Rss.parse(&xml).unwrap();
            prop_assert_eq!(parsed.len(), items.len());
            for (i, ((title, day, secs, _), t)) in items.iter().zip(&parsed).enumerate() {
                let want = collapse(title);
                prop_assert_eq!(t.title.as_deref(), Some(want.as_str()));
                prop_assert_eq!(t.published, NaiveDate::from_ymd_opt(2026, 2, *day));
                prop_assert_eq!(t.duration_s, Some(u64::from(*secs)));
                prop_assert_eq!(t.show.as_deref(), Some("Show & Tell"));
                let url = format!("https://x.org/{i}.vtt");
                prop_assert_eq!(t.transcript_url.as_deref(), Some(url.as_str()));
                prop_assert!(t.warnings.is_empty());
            }
        }
    }
}
