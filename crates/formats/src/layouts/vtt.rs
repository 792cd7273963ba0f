//! WebVTT subtitles (`.vtt`).
super::pending_layout!(
    Vtt,
    "vtt",
    "WebVTT: \"WEBVTT\" header, cues with <v Speaker> voice tags, NOTE and STYLE blocks"
);
