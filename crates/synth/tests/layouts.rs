//! Each layout renders, and looks like its kind of file.

use earshot_synth::{
    episode, extension, file_name, render, render_feed, split_sentences, Episode, LAYOUTS,
};

fn eps() -> Vec<Episode> {
    (0..12).map(|i| episode(23, i)).collect()
}

#[test]
fn every_layout_renders_every_episode() {
    assert_eq!(LAYOUTS.len(), 17);
    for ep in eps() {
        let words = ep.word_count();
        for layout in LAYOUTS {
            let text = render(&ep, layout).unwrap_or_else(|| panic!("{layout}"));
            assert!(text.ends_with('\n'), "{layout}");
            if *layout != "rss" {
                // Markup and stamps add to the words; the podcasting 2.0 JSON most of all.
                let n = text.split_whitespace().count();
                assert!(n >= words * 9 / 10, "{layout}: {n} < {words}");
            }
        }
    }
    assert_eq!(render(&episode(23, 0), "docx"), None);
}

#[test]
fn json_layouts_are_valid_json() {
    for ep in eps() {
        for layout in ["podcasting20-json", "whisper-json"] {
            let v: serde_json::Value = serde_json::from_str(&render(&ep, layout).unwrap())
                .unwrap_or_else(|e| panic!("{layout}: {e}"));
            let segs = v["segments"].as_array().unwrap();
            assert!(!segs.is_empty());
        }
        let p20: serde_json::Value =
            serde_json::from_str(&render(&ep, "podcasting20-json").unwrap()).unwrap();
        assert_eq!(p20["version"], "1.0.0");
        // Word-level segments.
        let n = p20["segments"].as_array().unwrap().len();
        assert_eq!(n, ep.word_count());
        assert!(p20["segments"][0]["startTime"].is_number());
    }
}

#[test]
fn heads_look_like_the_real_thing() {
    let ep = episode(23, 1);
    let r = |l: &str| render(&ep, l).unwrap();
    let show = ep.show.clone().unwrap();
    let title = ep.title.clone().unwrap();
    assert!(r("podscripts").starts_with(&format!("{show} - {title}\n\nEpisode Date: ")));
    assert!(r("podscripts").contains("\nStarting point is 00:00:00 "));
    assert!(r("archive-fm").contains("\nDuration:\n"));
    assert!(r("archive-fm").trim_end().ends_with("[Music]"));
    assert!(r("srt").starts_with("1\n00:00:0"));
    assert!(r("srt").contains(" --> "));
    assert!(r("vtt").starts_with("WEBVTT\n\n"));
    assert!(r("vtt").contains("<v "));
    assert!(r("podcasting20-html").contains("<cite>"));
    assert!(r("podcasting20-html").contains("<time>0:00</time>"));
    assert!(r("whisper-tsv").starts_with("start\tend\ttext\n"));
    assert!(r("whisper-tsv").lines().all(|l| l.split('\t').count() == 3));
    assert!(r("whisper-cpp").starts_with("[00:00:0"));
    assert!(r("speaker-export")
        .lines()
        .next()
        .unwrap()
        .contains("  0:0"));
    assert!(r("bracket-speaker").starts_with('['));
    assert!(r("inline-stamps").starts_with("[00:00:0"));
    assert!(r("plain").starts_with(&format!("Title: {title}\nShow: {show}\nDate: ")));
    let speaker = ep.segments[0].speaker.clone().unwrap();
    let first_name = speaker.split(' ').next().unwrap();
    assert!(r("dialogue").contains(&first_name.to_string()));
    let stamp = r("speaker-stamp");
    assert!(
        stamp.contains("(00:0") && stamp.contains("):"),
        "{}",
        &stamp[..200]
    );
}

#[test]
fn captions_are_lower_case_unpunctuated_with_stamp_lines() {
    for ep in eps() {
        let text = render(&ep, "captions").unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for pair in lines.chunks(2) {
            assert!(
                pair[0].contains(':') && pair[0].bytes().all(|b| b.is_ascii_digit() || b == b':')
            );
            assert!(
                !pair[1]
                    .chars()
                    .any(|c| c.is_uppercase() || ".,?!".contains(c)),
                "{}",
                pair[1]
            );
        }
    }
}

#[test]
fn subtitle_cues_hold_one_or_two_sentences() {
    for ep in eps() {
        let srt = render(&ep, "srt").unwrap();
        for cue in srt.split("\n\n").filter(|c| !c.trim().is_empty()) {
            let text: Vec<&str> = cue.lines().skip(2).collect();
            let n = split_sentences(&text.join(" ")).len();
            assert!((1..=2).contains(&n), "{cue}");
        }
    }
}

#[test]
fn feeds_link_relative_transcripts() {
    let eps = eps();
    let files: Vec<String> = eps.iter().map(|e| file_name(e, "srt")).collect();
    let feed = render_feed(&eps, &files);
    assert!(feed.starts_with("<?xml"));
    assert_eq!(feed.matches("<item>").count(), eps.len());
    assert_eq!(
        feed.matches("<podcast:transcript url=\"").count(),
        eps.len()
    );
    assert!(feed.contains(&format!("url=\"{}\" type=\"application/srt\"", files[3])));
    assert_eq!(extension("whisper-json"), "json");
    assert!(file_name(&eps[0], "vtt").ends_with(".vtt"));
    assert!(!file_name(&eps[0], "vtt").ends_with(".vtt.vtt"));
}
