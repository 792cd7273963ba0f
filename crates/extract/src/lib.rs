//! The extract stage of earshot's pipeline: recognising the people, organisations, places,
//! groups, works and events that transcripts mention, and naming each by one canonical name,
//! without any downloaded model.
//!
//! Its foundation is the [`Gazetteer`]: a list of entities we write and bundle
//! (`data/gazetteer.tsv`, see [`gazetteer`] for the format), which users can extend, correct
//! and prune with a file of their own in the same format. The [`Extractor`] finds mentions in
//! a transcript's segments and links each to a gazetteer entity (garbled spellings included)
//! or to a new entity of its own; [`eval`] scores it against an annotated set.

pub mod eval;
pub mod forecast;
pub mod forecast_eval;
pub mod gazetteer;
pub mod hash;
pub mod horizon;
pub mod lexicon;
pub mod names;
pub mod numbers;
pub mod recognise;
pub mod rules;
pub mod token;

pub use eval::{
    load_dir, parse_gold, predict, score, Counts, EvalError, GoldDoc, GoldMention, Predicted,
    Scores,
};
pub use forecast::{Forecast, Likelihood};
pub use gazetteer::{Entry, ExtendReport, Gazetteer, GazetteerError, Kind, Problem};
pub use recognise::{Confidence, Extractor, Link, Mention, Target};
