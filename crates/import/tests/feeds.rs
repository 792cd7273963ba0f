//! A feed's items become transcripts; their local `<podcast:transcript>` files are read, and
//! remote ones are kept as metadata only, with a warning.

use earshot_import::{import_file, Options};
use earshot_model::{Timing, WarningKind};

const FEED: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
<channel>
  <title>The Meridian Brief</title>
  <language>en</language>
  <item>
    <title>Quiet week in Vienna</title>
    <pubDate>Tue, 03 Mar 2026 06:00:00 +0000</pubDate>
    <itunes:duration>00:10:00</itunes:duration>
    <enclosure url="https://example.org/audio/vienna.mp3" type="audio/mpeg" length="1"/>
    <podcast:transcript url="transcripts/vienna.srt" type="application/x-subrip"/>
  </item>
  <item>
    <title>The Azores base question</title>
    <pubDate>Tue, 24 Feb 2026 06:00:00 +0000</pubDate>
    <podcast:transcript url="https://example.org/t/azores.vtt" type="text/vtt"/>
  </item>
  <item>
    <title>Missing file</title>
    <pubDate>Tue, 17 Feb 2026 06:00:00 +0000</pubDate>
    <podcast:transcript url="transcripts/nowhere.srt" type="application/x-subrip"/>
  </item>
</channel>
</rss>
"#;

const SRT: &str = "1\n00:00:01,000 --> 00:00:04,000\nTom: The talks in Vienna resumed quietly.\n\n2\n00:00:04,500 --> 00:00:09,000\nClara: Nobody expected much from them.\n";

#[test]
fn local_transcripts_are_read_and_remote_ones_are_metadata_only() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("transcripts")).unwrap();
    std::fs::write(dir.path().join("transcripts/vienna.srt"), SRT).unwrap();
    let feed = dir.path().join("feed.xml");
    std::fs::write(&feed, FEED).unwrap();

    let ts = import_file(&feed, &Options::default()).unwrap();
    assert_eq!(ts.len(), 3);

    let vienna = &ts[0];
    assert_eq!(vienna.source, format!("{}#1", feed.display()));
    assert_eq!(vienna.show.as_deref(), Some("The Meridian Brief"));
    assert_eq!(vienna.title.as_deref(), Some("Quiet week in Vienna"));
    assert_eq!(vienna.published.unwrap().to_string(), "2026-03-03");
    assert_eq!(vienna.duration_s, Some(600));
    assert_eq!(
        vienna.audio_url.as_deref(),
        Some("https://example.org/audio/vienna.mp3")
    );
    assert_eq!(vienna.segments.len(), 2);
    assert_eq!(vienna.segments[1].speaker.as_deref(), Some("Clara"));
    assert_eq!(vienna.segments[1].start_ms, Some(4_500));
    assert_eq!(vienna.segments[1].timing, Timing::Exact);
    assert!(vienna.warnings.iter().all(|w| w.kind != WarningKind::Link));

    let azores = &ts[1];
    assert!(azores.segments.is_empty());
    assert!(azores
        .warnings
        .iter()
        .any(|w| w.kind == WarningKind::Link && w.message.contains("not a local file")));

    let missing = &ts[2];
    assert!(missing.segments.is_empty());
    assert!(missing
        .warnings
        .iter()
        .any(|w| w.kind == WarningKind::Link && w.message.contains("nowhere.srt")));
}
