//! SubRip subtitles (`.srt`).
super::pending_layout!(Srt, "srt", "SubRip subtitles: numbered cues, \"00:00:01,000 --> 00:00:04,000\", optional \"Name:\" speakers");
