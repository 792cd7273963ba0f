//! Whisper's text outputs: TSV in milliseconds, and whisper.cpp's bracketed cue lines.
super::pending_layout!(
    WhisperTsv,
    "whisper-tsv",
    "Whisper TSV: \"start<TAB>end<TAB>text\" in milliseconds"
);
super::pending_layout!(
    WhisperCpp,
    "whisper-cpp",
    "whisper.cpp lines: \"[00:00:00.000 --> 00:00:05.000] text\""
);
