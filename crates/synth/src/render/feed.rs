//! Podcast RSS feeds whose items link transcript files by relative path.

use std::fmt::Write;

use super::{clock, escape_xml, meta};
use crate::cast::slug;
use crate::Episode;

/// The MIME type a `<podcast:transcript>` gives for a file, from its extension.
fn transcript_type(file: &str) -> &'static str {
    match file.rsplit('.').next().unwrap_or("") {
        "srt" => "application/srt",
        "vtt" => "text/vtt",
        "json" => "application/json",
        "html" | "htm" => "text/html",
        _ => "text/plain",
    }
}

/// An RSS 2.0 feed with the iTunes and Podcasting 2.0 namespaces: one `<item>` per episode,
/// each with its enclosure and a `<podcast:transcript>` linking the file name at the same
/// position in `transcript_files` (a path relative to the feed). Items without a file name
/// get no transcript link. The channel is the first episode's show.
pub fn render_feed(episodes: &[Episode], transcript_files: &[String]) -> String {
    let show = episodes
        .first()
        .map(|ep| meta(ep).show)
        .unwrap_or("Untitled Show");
    let mut out = String::with_capacity(1024 + episodes.len() * 800);
    let _ = write!(
        out,
        concat!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
            "<rss version=\"2.0\" xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\" ",
            "xmlns:podcast=\"https://podcastindex.org/namespace/1.0\">\n",
            "  <channel>\n",
            "    <title>{title}</title>\n",
            "    <link>https://{slug}.example.com/</link>\n",
            "    <description>Conversations about diplomacy, war and the people who make the news.</description>\n",
            "    <language>en</language>\n",
            "    <itunes:author>{title}</itunes:author>\n",
        ),
        title = escape_xml(show),
        slug = slug(show),
    );
    for (i, ep) in episodes.iter().enumerate() {
        let m = meta(ep);
        let _ = write!(
            out,
            concat!(
                "    <item>\n",
                "      <title>{}</title>\n",
                "      <guid isPermaLink=\"false\">{}</guid>\n",
                "      <pubDate>{}</pubDate>\n",
                "      <itunes:duration>{}</itunes:duration>\n",
            ),
            escape_xml(m.title),
            escape_xml(&ep.source),
            clock::rfc2822(m.date, 6),
            m.duration_s
        );
        if let Some(url) = &ep.audio_url {
            let _ = writeln!(
                out,
                "      <enclosure url=\"{}\" length=\"{}\" type=\"audio/mpeg\"/>",
                escape_xml(url),
                m.duration_s * 16_000
            );
        }
        if let Some(file) = transcript_files.get(i) {
            let _ = writeln!(
                out,
                "      <podcast:transcript url=\"{}\" type=\"{}\"/>",
                escape_xml(file),
                transcript_type(file)
            );
        }
        out.push_str("    </item>\n");
    }
    out.push_str("  </channel>\n</rss>\n");
    out
}
