//! Podcasting 2.0 HTML transcripts.
super::pending_layout!(
    Podcasting20Html,
    "podcasting20-html",
    "Podcasting 2.0 HTML: <cite> speaker, <time> stamp, <p> text"
);
