//! One module per subcommand.

pub mod entities;
pub mod entity;
pub mod episode;
pub mod export;
pub mod extract;
pub mod formats;
pub mod ingest;
pub mod parse;
pub mod predictions;
pub mod reindex;
pub mod remove;
pub mod search;
pub mod serve;
pub mod stats;
pub mod synth;
