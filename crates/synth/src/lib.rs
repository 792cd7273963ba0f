//! A deterministic generator of realistic synthetic podcast transcripts, for benchmarks and
//! tests: spoken geopolitical commentary by the hosts of forty fictional shows, naming real
//! public figures, organisations and places, with names garbled as speech recognition garbles
//! them, written out in every layout earshot reads.
//!
//! ```
//! let ep = earshot_synth::episodes(42).next().unwrap();
//! let srt = earshot_synth::render(&ep, "srt").unwrap();
//! assert!(srt.starts_with("1\n00:00:"));
//! ```
//!
//! The same seed gives the same episodes, byte for byte, on every platform: the generator is
//! its own SplitMix64 ([`rng`]), and no hash map or clock is consulted. The word list it
//! draws filler vocabulary from is `earshot-text`'s, so editing that list changes the corpus.

mod cast;
mod corpus;
mod entities;
mod episode;
mod render;
pub mod rng;
mod speech;
mod templates;
mod vocab;

pub use cast::{Show, SHOWS};
pub use corpus::{corpus_layouts, write_corpus, Written};
pub use entities::{Entity, Kind, ENTITIES};
pub use episode::Episode;
pub use render::{extension, file_name, render, render_feed, split_sentences, LAYOUTS};
pub use speech::GARBLE_RATE;

/// The endless sequence of episodes for `seed`; take as many as needed. Episode `i` is the
/// same whatever was taken before it (see [`episode`]).
pub fn episodes(seed: u64) -> impl Iterator<Item = Episode> {
    (0u64..).map(move |i| episode(seed, i))
}

/// Episode number `index` of the sequence for `seed`.
pub fn episode(seed: u64, index: u64) -> Episode {
    episode::build(seed, index)
}
