//! The benchmark's queries: a fixed mix drawn from the corpus itself, the same for a seed on
//! every machine. Words and phrases come from episodes of the corpus (so they are in it),
//! names from synth's entity list (canonical and garbled), filters from its shows and dates.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use earshot_model::NaiveDate;
use earshot_synth::rng::{mix, Rng};
use earshot_synth::{episode, ENTITIES, SHOWS};

/// What a query looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// One word of the transcripts, common or rare.
    Word,
    /// Two words of one sentence.
    TwoWords,
    /// A quoted phrase of two to four words, taken from the text.
    Phrase,
    /// A person's, place's or organisation's name, canonical or garbled.
    Name,
    /// A word with a show and/or a date range.
    Filtered,
}

impl Kind {
    /// Every kind, in the order of the mix.
    pub const ALL: [Kind; 5] = [
        Kind::Word,
        Kind::TwoWords,
        Kind::Phrase,
        Kind::Name,
        Kind::Filtered,
    ];

    /// Its name in reports and `queries.txt`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Word => "word",
            Kind::TwoWords => "two-words",
            Kind::Phrase => "phrase",
            Kind::Name => "name",
            Kind::Filtered => "filtered",
        }
    }

    /// Its share of the queries, in percent.
    fn percent(self) -> usize {
        match self {
            Kind::Word => 30,
            Kind::TwoWords => 20,
            Kind::Phrase => 15,
            Kind::Name => 20,
            Kind::Filtered => 15,
        }
    }
}

/// One query, in parts every engine can translate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    pub kind: Kind,
    /// Bare words, all required.
    pub words: Vec<String>,
    /// A phrase whose words must appear side by side.
    pub phrase: Option<String>,
    /// Only this show.
    pub show: Option<String>,
    /// Only episodes published on or after this day.
    pub after: Option<NaiveDate>,
    /// Only episodes published on or before this day.
    pub before: Option<NaiveDate>,
    /// What ripgrep looks for: the phrase, the word, or the rarest of the words.
    pub rg_term: String,
}

impl Query {
    /// The query in earshot's language: words, then the phrase in quotes.
    pub fn text(&self) -> String {
        let mut parts = self.words.clone();
        parts.extend(self.phrase.iter().map(|p| format!("\"{p}\"")));
        parts.join(" ")
    }

    /// The filters as `earshot search` options ("" when none).
    pub fn filters(&self) -> String {
        let mut out = String::new();
        if let Some(s) = &self.show {
            let _ = write!(out, "--show '{s}' ");
        }
        if let Some(d) = self.after {
            let _ = write!(out, "--after {d} ");
        }
        if let Some(d) = self.before {
            let _ = write!(out, "--before {d} ");
        }
        out.trim_end().to_owned()
    }
}

/// Words of the sample episodes by how often they occur.
struct Vocabulary {
    counts: BTreeMap<String, usize>,
    /// Words by falling count (ties alphabetical).
    ranked: Vec<String>,
}

/// The most frequent words, skipped as query words ("the", "and", ...).
const STOP_RANKS: usize = 40;
/// Common words are drawn from the ranks past the stop words up to this one.
const COMMON_RANKS: usize = 600;
/// Rare words occur at most this often in the sample.
const RARE_COUNT: usize = 2;
/// Episodes the words and phrases are drawn from.
const SAMPLE_EPISODES: usize = 40;

impl Vocabulary {
    fn new(segments: &[String]) -> Self {
        let mut counts = BTreeMap::new();
        for seg in segments {
            for w in words(seg) {
                *counts.entry(w).or_insert(0) += 1;
            }
        }
        let mut ranked: Vec<String> = counts.keys().cloned().collect();
        ranked.sort_by(|a, b| counts[b].cmp(&counts[a]).then(a.cmp(b)));
        Vocabulary { counts, ranked }
    }

    fn count(&self, w: &str) -> usize {
        self.counts.get(&w.to_lowercase()).copied().unwrap_or(0)
    }

    fn is_stop(&self, w: &str) -> bool {
        let w = w.to_lowercase();
        w.len() < 3 || self.ranked[..STOP_RANKS.min(self.ranked.len())].contains(&w)
    }

    fn common(&self, rng: &mut Rng) -> String {
        let hi = COMMON_RANKS.min(self.ranked.len());
        let lo = STOP_RANKS.min(hi - 1);
        self.ranked[lo + rng.below(hi - lo)].clone()
    }

    fn rare(&self, rng: &mut Rng) -> String {
        let rare: Vec<&String> = self
            .ranked
            .iter()
            .filter(|w| self.counts[*w] <= RARE_COUNT)
            .collect();
        if rare.is_empty() {
            return self.common(rng);
        }
        rare[rng.below(rare.len())].clone()
    }

    /// The word ripgrep should look for: the rarest (ties: the longest, then the first).
    fn rarest<'a>(&self, words: &'a [String]) -> &'a str {
        words
            .iter()
            .min_by_key(|w| (self.count(w), std::cmp::Reverse(w.len())))
            .map_or("", String::as_str)
    }
}

/// The lower-cased words of a text: runs of letters, at least three long.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
}

/// `count` queries for a corpus of `episodes` episodes of `seed`, in the order of
/// [`Kind::ALL`], each kind's share rounded (the last kind takes what is left).
pub fn generate(seed: u64, episodes: u64, count: usize) -> Vec<Query> {
    let mut rng = Rng::new(mix(seed ^ 0xBE7C_0001));
    let sample: Vec<String> = (0..SAMPLE_EPISODES.min(episodes as usize))
        .flat_map(|_| {
            let ep = episode(seed, rng.below(episodes.max(1) as usize) as u64);
            ep.segments
                .into_iter()
                .filter(|s| !s.boilerplate)
                .map(|s| s.text)
        })
        .collect();
    let vocab = Vocabulary::new(&sample);
    let mut out = Vec::with_capacity(count);
    let mut left = count;
    for (k, kind) in Kind::ALL.into_iter().enumerate() {
        let n = if k + 1 == Kind::ALL.len() {
            left
        } else {
            (count * kind.percent() + 50) / 100
        }
        .min(left);
        left -= n;
        for i in 0..n {
            out.push(make(kind, i, &mut rng, &vocab, &sample));
        }
    }
    out
}

fn make(kind: Kind, i: usize, rng: &mut Rng, vocab: &Vocabulary, sample: &[String]) -> Query {
    let mut q = Query {
        kind,
        words: Vec::new(),
        phrase: None,
        show: None,
        after: None,
        before: None,
        rg_term: String::new(),
    };
    match kind {
        // Common and rare words in turn.
        Kind::Word => q.words.push(match i % 2 {
            0 => vocab.common(rng),
            _ => vocab.rare(rng),
        }),
        Kind::TwoWords => q.words = two_words(rng, vocab, sample),
        Kind::Phrase => q.phrase = Some(phrase(rng, vocab, sample)),
        Kind::Name => q.words = name(rng).split_whitespace().map(str::to_owned).collect(),
        Kind::Filtered => {
            q.words.push(vocab.common(rng));
            // In turn: a show; a date range; both.
            let variant = i % 3;
            if variant != 1 {
                q.show = Some(rng.pick(SHOWS).name.to_owned());
            }
            if variant != 0 {
                let first = NaiveDate::from_ymd_opt(2023, 1, 1).expect("valid date");
                let after = days_after(first, rng.range(0, 1300));
                q.after = Some(after);
                q.before = Some(days_after(after, rng.range(30, 365)));
            }
        }
    }
    q.rg_term = match &q.phrase {
        Some(p) => p.clone(),
        None => vocab.rarest(&q.words).to_owned(),
    };
    q
}

fn days_after(day: NaiveDate, n: u64) -> NaiveDate {
    day.iter_days().nth(n as usize).unwrap_or(day)
}

/// A segment of the sample, its text split at spaces.
fn tokens<'a>(rng: &mut Rng, sample: &'a [String]) -> Vec<&'a str> {
    sample[rng.below(sample.len())].split(' ').collect()
}

/// Two distinct words of one segment that are not stop words, in the text's order.
fn two_words(rng: &mut Rng, vocab: &Vocabulary, sample: &[String]) -> Vec<String> {
    loop {
        let mut ws: Vec<String> = words(&tokens(rng, sample).join(" "))
            .filter(|w| !vocab.is_stop(w))
            .collect();
        ws.dedup();
        if ws.len() >= 2 {
            let a = rng.below(ws.len());
            let b = (a + 1 + rng.below(ws.len() - 1)) % ws.len();
            let (a, b) = (a.min(b), a.max(b));
            if ws[a] != ws[b] {
                return vec![ws[a].clone(), ws[b].clone()];
            }
        }
    }
}

/// Two to four consecutive words of a segment with nothing but a space between them (so the
/// raw files hold them as typed), at least one of them not a stop word.
fn phrase(rng: &mut Rng, vocab: &Vocabulary, sample: &[String]) -> String {
    loop {
        let toks = tokens(rng, sample);
        let len = 2 + rng.below(3);
        if toks.len() < len {
            continue;
        }
        let at = rng.below(toks.len() - len + 1);
        let window = &toks[at..at + len];
        let clean = window
            .iter()
            .all(|t| !t.is_empty() && t.chars().all(char::is_alphabetic));
        if clean && window.iter().any(|t| !vocab.is_stop(t)) {
            return window.join(" ");
        }
    }
}

/// A name as a listener would type it: half the time a garbled spelling from the transcripts,
/// else the canonical short or full form; without a leading "the".
fn name(rng: &mut Rng) -> String {
    let garbled: Vec<_> = ENTITIES.iter().filter(|e| !e.garbled.is_empty()).collect();
    let e = garbled[rng.below(garbled.len())];
    let n = match rng.below(4) {
        0 | 1 => rng.pick_str(e.garbled),
        2 => e.short,
        _ => e.full,
    };
    n.strip_prefix("the ").unwrap_or(n).to_owned()
}

/// The queries as `DIR/queries.txt` holds them: a header, then per line the kind, earshot's
/// query, its filters, the FTS5 `MATCH` expression and ripgrep's term, tab-separated.
pub fn listing(queries: &[Query]) -> String {
    let mut out = String::from("# kind\tearshot query\tfilters\tfts5 match\trg term\n");
    for q in queries {
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}",
            q.kind.name(),
            q.text(),
            q.filters(),
            super::fts::match_expr(q),
            q.rg_term
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_queries() {
        let a = generate(1, 500, 200);
        assert_eq!(a, generate(1, 500, 200));
        assert_ne!(a, generate(2, 500, 200));
        assert_eq!(a.len(), 200);
        let n = |k: Kind| a.iter().filter(|q| q.kind == k).count();
        assert_eq!(
            [
                Kind::Word,
                Kind::TwoWords,
                Kind::Phrase,
                Kind::Name,
                Kind::Filtered
            ]
            .map(n),
            [60, 40, 30, 40, 30]
        );
        assert_eq!(generate(1, 500, 7).len(), 7);
    }

    #[test]
    fn queries_are_well_formed() {
        for q in generate(3, 200, 200) {
            assert!(!q.rg_term.is_empty(), "{q:?}");
            match q.kind {
                Kind::Phrase => {
                    let p = q.phrase.as_deref().unwrap();
                    assert!((2..=4).contains(&p.split(' ').count()), "{p}");
                    assert_eq!(q.rg_term, p);
                    assert!(q.words.is_empty());
                }
                Kind::TwoWords => {
                    assert_eq!(q.words.len(), 2);
                    assert!(q.words.contains(&q.rg_term));
                }
                Kind::Filtered => {
                    assert_eq!(q.words.len(), 1);
                    assert!(q.show.is_some() || q.after.is_some());
                    assert!(q.after <= q.before);
                }
                Kind::Word => assert_eq!(q.words, std::slice::from_ref(&q.rg_term)),
                Kind::Name => {
                    let typed = q.words.join(" ");
                    assert!(
                        ENTITIES.iter().any(|e| e.full.ends_with(&typed)
                            || e.short.ends_with(&typed)
                            || e.garbled.iter().any(|g| g.ends_with(&typed))),
                        "{typed}"
                    );
                }
            }
        }
    }

    #[test]
    fn phrases_are_in_the_corpus_text() {
        let qs = generate(5, 30, 100);
        let text: String = (0..30)
            .flat_map(|i| episode(5, i).segments.into_iter().map(|s| s.text))
            .collect::<Vec<_>>()
            .join("\n");
        for q in qs.iter().filter(|q| q.kind == Kind::Phrase) {
            assert!(text.contains(q.phrase.as_deref().unwrap()), "{q:?}");
        }
    }

    #[test]
    fn ripgrep_gets_the_rarest_word() {
        let vocab = Vocabulary::new(&["alpha alpha beta alpha gamma beta".to_owned()]);
        let ws = ["alpha".to_owned(), "beta".to_owned()];
        assert_eq!(vocab.rarest(&ws), "beta");
        let ws = ["alpha".to_owned(), "unheard".to_owned()];
        assert_eq!(vocab.rarest(&ws), "unheard");
    }

    #[test]
    fn text_and_filters_read_as_typed() {
        let q = Query {
            kind: Kind::Filtered,
            words: vec!["ceasefire".into()],
            phrase: Some("frozen assets".into()),
            show: Some("Night Desk".into()),
            after: NaiveDate::from_ymd_opt(2024, 1, 2),
            before: None,
            rg_term: "frozen assets".into(),
        };
        assert_eq!(q.text(), "ceasefire \"frozen assets\"");
        assert_eq!(q.filters(), "--show 'Night Desk' --after 2024-01-02");
    }
}
