//! Builds a synthetic archive and measures ingest and query latency.
//!
//! ```sh
//! cargo run --release -p earshot-index --example bench -- 100000 [DIR]
//! ```
//!
//! The text is made up from random syllables with a Zipf-like spread of word frequencies, plus
//! made-up names and misspellings of them, so that the term dictionary and posting lists
//! have roughly the shape of a real archive of transcripts.

use std::time::{Duration, Instant};

use earshot_index::{parse_query, EpisodeMeta, Passage, SearchIndex, SearchOptions};
use earshot_model::NaiveDate;

const PASSAGES_PER_EPISODE: usize = 100;
const WORDS_PER_PASSAGE: usize = 50;
const VOCABULARY: usize = 60_000;
const NAMES: usize = 3_000;

/// xorshift64*: deterministic and dependency-free.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

const ONSETS: &[&str] = &[
    "b", "k", "d", "f", "g", "h", "j", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z", "st",
    "tr", "br", "sh", "ch", "pl", "gr", "",
];
const NUCLEI: &[&str] = &["a", "e", "i", "o", "u", "ai", "ou", "ee", "oa", "y"];
const CODAS: &[&str] = &["", "", "n", "r", "s", "t", "k", "l", "m", "ff", "v", "sk"];

fn word(rng: &mut Rng, syllables: usize) -> String {
    let mut w = String::new();
    for _ in 0..syllables {
        w.push_str(ONSETS[rng.below(ONSETS.len())]);
        w.push_str(NUCLEI[rng.below(NUCLEI.len())]);
        w.push_str(CODAS[rng.below(CODAS.len())]);
    }
    w
}

/// One edit: the kind of change speech recognition makes to a name.
fn garble(rng: &mut Rng, w: &str) -> String {
    let mut c: Vec<char> = w.chars().collect();
    let i = rng.below(c.len());
    match rng.below(3) {
        0 => c[i] = NUCLEI[rng.below(5)].chars().next().unwrap(),
        1 => c.insert(i, 'h'),
        _ if c.len() > 4 => {
            c.remove(i);
        }
        _ => c.push('e'),
    }
    c.into_iter().collect()
}

fn capitalise(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1]
}

fn rss_peak_mb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
        })
        .map_or(0, |kb| kb / 1024)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let passages: usize = args.next().map_or(Ok(100_000), |a| a.parse())?;
    let tmp = tempfile::tempdir()?;
    let dir = args.next().map_or(tmp.path().to_path_buf(), Into::into);

    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let vocab: Vec<String> = (0..VOCABULARY)
        .map(|i| {
            let n = 1 + (i * 3 / VOCABULARY) + rng.below(2);
            word(&mut rng, n)
        })
        .collect();
    let names: Vec<String> = (0..NAMES)
        .map(|_| {
            let n = 2 + rng.below(2);
            word(&mut rng, n)
        })
        .collect();
    // Zipf: weight 1/rank, sampled through the cumulative sums.
    let mut cumulative = Vec::with_capacity(VOCABULARY);
    let mut sum = 0.0;
    for r in 0..VOCABULARY {
        sum += 1.0 / (r as f64 + 1.0);
        cumulative.push(sum);
    }
    let shows = [
        "The Meridian Brief",
        "Harbour Lights",
        "Late Edition",
        "Field Notes",
    ];

    let index = SearchIndex::open_or_create(&dir)?;
    let started = Instant::now();
    let mut writer = index.writer()?;
    writer.delete_all()?;
    let episodes = passages.div_ceil(PASSAGES_PER_EPISODE);
    for e in 0..episodes {
        let meta = EpisodeMeta {
            id: e as i64,
            show: shows[e % shows.len()].into(),
            title: format!("Episode {e}"),
            published: NaiveDate::from_ymd_opt(2020, 1, 1)
                .and_then(|d| d.checked_add_days(chrono::Days::new((e % 2000) as u64))),
            source: format!("archive/{e}.txt"),
        };
        let ps: Vec<Passage> = (0..PASSAGES_PER_EPISODE)
            .map(|p| {
                let mut text = String::new();
                for k in 0..WORDS_PER_PASSAGE {
                    let w = if rng.below(40) == 0 {
                        let name = &names[rng.below(NAMES)];
                        if rng.below(4) == 0 {
                            capitalise(&garble(&mut rng, name))
                        } else {
                            capitalise(name)
                        }
                    } else {
                        let x = rng.unit() * sum;
                        vocab[cumulative.partition_point(|&c| c < x).min(VOCABULARY - 1)].clone()
                    };
                    if k > 0 {
                        text.push(' ');
                    }
                    text.push_str(&w);
                    if k % 12 == 11 {
                        text.push('.');
                    }
                }
                Passage {
                    ord: p as u32,
                    segment: p as u32,
                    start_ms: p as u64 * 20_000,
                    end_ms: p as u64 * 20_000 + 19_000,
                    speaker: Some(format!("Speaker {}", p % 3)),
                    boilerplate: p == 0,
                    text,
                }
            })
            .collect();
        writer.add_episode(&meta, &ps)?;
        if (e + 1) % 2_000 == 0 {
            writer.commit(e as u64)?;
        }
    }
    writer.commit(episodes as u64)?;
    writer.finish()?;
    let ingest = started.elapsed();
    println!(
        "indexed {} passages ({episodes} episodes) in {:.1}s; {} MB on disk; peak RSS {} MB",
        index.num_passages()?,
        ingest.as_secs_f64(),
        index.size_on_disk() >> 20,
        rss_peak_mb()
    );

    // Queries: names, garbled names, common and mid-frequency words, pairs, phrases, filters.
    let mut queries: Vec<(String, SearchOptions)> = Vec::new();
    let plain = SearchOptions::default();
    for i in 0..100 {
        queries.push((names[i * 7].clone(), plain.clone()));
        queries.push((garble(&mut rng, &names[i * 11]), plain.clone()));
        queries.push((vocab[i * 3].clone(), plain.clone()));
        queries.push((vocab[200 + i * 37].clone(), plain.clone()));
        queries.push((
            format!("{} {}", names[i * 13], vocab[i * 5 + 20]),
            plain.clone(),
        ));
        queries.push((format!("\"{} {}\"", vocab[i], vocab[i + 1]), plain.clone()));
        queries.push((
            format!("{} -{}", vocab[50 + i], vocab[i]),
            SearchOptions {
                shows: vec![shows[i % 4].into()],
                ..plain.clone()
            },
        ));
    }
    for (q, o) in queries.iter().take(50) {
        index.search(&parse_query(q)?, o)?;
    }
    let mut times = Vec::new();
    let mut slowest: Vec<(Duration, String)> = Vec::new();
    let mut hits = 0;
    for (q, o) in &queries {
        let t = Instant::now();
        hits += index.search(&parse_query(q)?, o)?.len();
        let d = t.elapsed();
        times.push(d);
        slowest.push((d, q.clone()));
    }
    times.sort();
    slowest.sort_by_key(|s| std::cmp::Reverse(s.0));
    println!(
        "{} queries, {hits} hits: p50 {:.2?} p95 {:.2?} p99 {:.2?} max {:.2?}",
        times.len(),
        percentile(&times, 0.50),
        percentile(&times, 0.95),
        percentile(&times, 0.99),
        times[times.len() - 1]
    );
    for (d, q) in slowest.iter().take(5) {
        println!("  slow: {d:.2?} {q}");
    }
    Ok(())
}
