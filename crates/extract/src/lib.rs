//! The extract stage of earshot's pipeline: recognising the people, organisations, places,
//! groups, works and events that transcripts mention, and naming each by one canonical name,
//! without any downloaded model.
//!
//! Its foundation is the [`Gazetteer`]: a list of entities we write and bundle
//! (`data/gazetteer.tsv`, see [`gazetteer`] for the format), which users can extend, correct
//! and prune with a file of their own in the same format.

pub mod eval;
pub mod gazetteer;

pub use eval::{load_dir, parse_gold, EvalError, GoldDoc, GoldMention};
pub use gazetteer::{Entry, ExtendReport, Gazetteer, GazetteerError, Kind, Problem};
