//! Podcast RSS feeds.
super::pending_layout!(
    Rss,
    "rss",
    "podcast RSS feed: an episode per <item>, text from a local <podcast:transcript>"
);
