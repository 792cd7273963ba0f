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

/// A line of /proc/self/status, in MB.
fn status_mb(key: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(key))
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

    // Peak anonymous memory (the heap; mapped index files are not counted), sampled.
    let peak_anon = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
    {
        let peak = peak_anon.clone();
        std::thread::spawn(move || loop {
            peak.fetch_max(status_mb("RssAnon:"), std::sync::atomic::Ordering::Relaxed);
            std::thread::sleep(Duration::from_millis(20));
        });
    }
    let index = SearchIndex::open_or_create(&dir)?;
    let started = Instant::now();
    // With a folder that already holds an index of this size, only the queries are run.
    let reuse = index.num_passages()?
        == (passages.div_ceil(PASSAGES_PER_EPISODE) * PASSAGES_PER_EPISODE) as u64;
    let mut writer = index.writer()?;
    writer.delete_all()?;
    let episodes = passages.div_ceil(PASSAGES_PER_EPISODE);
    for e in (0..episodes).filter(|_| !reuse) {
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
        writer.add_episode(&meta, &ps, &[])?;
        if (e + 1) % 2_000 == 0 {
            writer.commit(e as u64)?;
        }
    }
    if !reuse {
        writer.commit(episodes as u64)?;
    }
    writer.finish()?;
    let ingest = started.elapsed();
    println!(
        "indexed {} passages ({episodes} episodes) in {:.1}s; {} MB on disk; \
         peak RSS {} MB, of which heap at most {} MB",
        index.num_passages()?,
        ingest.as_secs_f64(),
        index.size_on_disk() >> 20,
        status_mb("VmHWM:"),
        peak_anon.load(std::sync::atomic::Ordering::Relaxed)
    );

    // Queries by kind: names, garbled names, common and mid-frequency words, pairs, phrases,
    // filters. Common = among the 100 most frequent words (each in most passages).
    let plain = SearchOptions::default();
    let filtered = |i: usize| SearchOptions {
        shows: vec![shows[i % 4].into()],
        after: NaiveDate::from_ymd_opt(2021, 1, 1),
        ..SearchOptions::default()
    };
    let kinds: Vec<(&str, Vec<(String, SearchOptions)>)> = vec![
        (
            "name",
            (0..100)
                .map(|i| (names[i * 7].clone(), plain.clone()))
                .collect(),
        ),
        (
            "garbled name",
            (0..100)
                .map(|i| (garble(&mut rng, &names[i * 11]), plain.clone()))
                .collect(),
        ),
        (
            "common word",
            (0..100)
                .map(|i| (vocab[i].clone(), plain.clone()))
                .collect(),
        ),
        (
            "mid word",
            (0..100)
                .map(|i| (vocab[300 + i * 97].clone(), plain.clone()))
                .collect(),
        ),
        (
            "name + word",
            (0..100)
                .map(|i| {
                    (
                        format!("{} {}", names[i * 13], vocab[i * 5 + 20]),
                        plain.clone(),
                    )
                })
                .collect(),
        ),
        (
            "two mid words",
            (0..100)
                .map(|i| {
                    (
                        format!("{} {}", vocab[100 + i * 7], vocab[400 + i * 53]),
                        plain.clone(),
                    )
                })
                .collect(),
        ),
        (
            "two common words",
            (0..100)
                .map(|i| (format!("{} {}", vocab[i], vocab[i + 7]), plain.clone()))
                .collect(),
        ),
        (
            "phrase, mid",
            (0..100)
                .map(|i| {
                    (
                        format!("\"{} {}\"", vocab[100 + i * 7], vocab[40 + i]),
                        plain.clone(),
                    )
                })
                .collect(),
        ),
        (
            "phrase, common",
            (0..100)
                .map(|i| (format!("\"{} {}\"", vocab[i], vocab[i + 1]), plain.clone()))
                .collect(),
        ),
        (
            "filtered -excl",
            (0..100)
                .map(|i| (format!("{} -{}", vocab[50 + i * 13], vocab[i]), filtered(i)))
                .collect(),
        ),
    ];
    for (_, qs) in &kinds {
        for (q, o) in qs.iter().take(10) {
            index.search(&parse_query(q)?, o)?;
        }
    }
    let mut all = Vec::new();
    for (kind, qs) in &kinds {
        let mut times = Vec::new();
        let mut slowest = (Duration::ZERO, String::new());
        let mut hits = 0;
        for (q, o) in qs {
            let t = Instant::now();
            hits += index.search(&parse_query(q)?, o)?.len();
            let d = t.elapsed();
            times.push(d);
            if d > slowest.0 {
                slowest = (d, q.clone());
            }
        }
        times.sort();
        println!(
            "{kind:>17}: {:>4} hits  p50 {:>8.2?}  p99 {:>8.2?}  max {:>8.2?} ({})",
            hits,
            percentile(&times, 0.50),
            percentile(&times, 0.99),
            times[times.len() - 1],
            slowest.1
        );
        all.extend(times);
    }
    all.sort();
    println!(
        "{:>17}: {} queries  p50 {:.2?}  p95 {:.2?}  p99 {:.2?}  max {:.2?}",
        "all",
        all.len(),
        percentile(&all, 0.50),
        percentile(&all, 0.95),
        percentile(&all, 0.99),
        all[all.len() - 1]
    );
    Ok(())
}
