//! Podcasting 2.0 JSON transcripts.
super::pending_layout!(Podcasting20Json, "podcasting20-json", "Podcasting 2.0 JSON: {\"version\", \"segments\": [{\"speaker\", \"startTime\", \"endTime\", \"body\"}]}");
