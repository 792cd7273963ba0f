//! Speaker-labelled layouts.
super::pending_layout!(
    SpeakerStampBlocks,
    "speaker-stamp",
    "\"Name (MM:SS):\" turns, inline or on their own line, with bare \"(MM:SS):\" continuations"
);
super::pending_layout!(
    SpeakerExport,
    "speaker-export",
    "\"Speaker 1  0:00\" export: a label and a stamp on a line, the turn below"
);
super::pending_layout!(
    BracketSpeaker,
    "bracket-speaker",
    "\"[Speaker] [MM:SS]\" lines"
);
super::pending_layout!(
    Dialogue,
    "dialogue",
    "speaker labels without stamps: \"Name: text\", \"NAME, BYLINE:\", \"**Name:**\", initials"
);
