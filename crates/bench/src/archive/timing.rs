//! Timing queries: a warm-up, then every query once per pass; each query's median over the
//! passes; percentiles of those medians.

use std::time::{Duration, Instant};

use super::queries::Query;

/// What an engine did with the queries.
#[derive(Debug, Clone, Default)]
pub struct Measured {
    /// Each query's median time over the passes, in the queries' order.
    pub times: Vec<Duration>,
    /// Each query's hits (rows, passages or files found; the last pass's count).
    pub hits: Vec<usize>,
    /// Queries the engine refused or failed on (counted as no hits).
    pub errors: usize,
    /// The first failure's message.
    pub first_error: Option<String>,
    /// Timed passes.
    pub passes: usize,
}

/// Runs every query once untimed when `warm_up`, then `passes` timed passes.
pub fn measure(
    queries: &[Query],
    passes: usize,
    warm_up: bool,
    mut engine: impl FnMut(&Query) -> Result<usize, String>,
) -> Measured {
    if warm_up {
        for q in queries {
            let _ = engine(q);
        }
    }
    let mut runs: Vec<Vec<Duration>> = vec![Vec::with_capacity(passes); queries.len()];
    let mut out = Measured {
        hits: vec![0; queries.len()],
        passes,
        ..Measured::default()
    };
    for pass in 0..passes {
        for (i, q) in queries.iter().enumerate() {
            let t = Instant::now();
            let found = engine(q);
            runs[i].push(t.elapsed());
            match found {
                Ok(n) => out.hits[i] = n,
                Err(e) if pass == 0 => {
                    out.errors += 1;
                    out.first_error.get_or_insert(e);
                }
                Err(_) => {}
            }
        }
    }
    out.times = runs.iter_mut().map(|r| median(r)).collect();
    out
}

/// The middle value (the mean of the two middle ones for an even count); zero when empty.
pub fn median(values: &mut [Duration]) -> Duration {
    values.sort_unstable();
    let n = values.len();
    match n {
        0 => Duration::ZERO,
        _ if n % 2 == 1 => values[n / 2],
        _ => (values[n / 2 - 1] + values[n / 2]) / 2,
    }
}

/// The `p`th percentile (0 < p ≤ 100) of sorted values, by nearest rank: the smallest value
/// at least `p` percent of the values are at or below. `None` when there are none.
pub fn percentile(sorted: &[Duration], p: f64) -> Option<Duration> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (p / 100.0 * sorted.len() as f64).ceil() as usize;
    Some(sorted[rank.clamp(1, sorted.len()) - 1])
}

/// The figures a report prints for one engine, in milliseconds.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Summary {
    pub p50: f64,
    pub p95: f64,
    pub p99: f64,
    pub max: f64,
    pub mean: f64,
}

impl Summary {
    /// Percentiles of a set of per-query times.
    pub fn of(times: &[Duration]) -> Self {
        let mut sorted = times.to_vec();
        sorted.sort_unstable();
        let ms = |p: f64| percentile(&sorted, p).map_or(0.0, |d| d.as_secs_f64() * 1e3);
        let total: Duration = sorted.iter().sum();
        Summary {
            p50: ms(50.0),
            p95: ms(95.0),
            p99: ms(99.0),
            max: ms(100.0),
            mean: total.as_secs_f64() * 1e3 / sorted.len().max(1) as f64,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(v: &[u64]) -> Vec<Duration> {
        v.iter().map(|&m| Duration::from_millis(m)).collect()
    }

    #[test]
    fn nearest_rank_percentiles() {
        let v = ms(&(1..=100).collect::<Vec<_>>());
        assert_eq!(percentile(&v, 50.0), Some(Duration::from_millis(50)));
        assert_eq!(percentile(&v, 95.0), Some(Duration::from_millis(95)));
        assert_eq!(percentile(&v, 99.0), Some(Duration::from_millis(99)));
        assert_eq!(percentile(&v, 100.0), Some(Duration::from_millis(100)));
        let v = ms(&[10, 20, 30]);
        assert_eq!(percentile(&v, 50.0), Some(Duration::from_millis(20)));
        assert_eq!(percentile(&v, 99.0), Some(Duration::from_millis(30)));
        assert_eq!(percentile(&v, 1.0), Some(Duration::from_millis(10)));
        assert_eq!(percentile(&[], 50.0), None);
    }

    #[test]
    fn medians() {
        assert_eq!(median(&mut ms(&[5, 1, 3])), Duration::from_millis(3));
        assert_eq!(median(&mut ms(&[4, 2])), Duration::from_millis(3));
        assert_eq!(median(&mut []), Duration::ZERO);
    }

    #[test]
    fn summary_of_unsorted_times() {
        let s = Summary::of(&ms(&[40, 10, 30, 20]));
        assert_eq!(
            (s.p50, s.p95, s.p99, s.max, s.mean),
            (20.0, 40.0, 40.0, 40.0, 25.0)
        );
    }

    #[test]
    fn measure_takes_each_querys_median_and_counts_failures() {
        let qs = super::super::queries::generate(1, 5, 3);
        let mut calls = 0;
        let m = measure(&qs, 3, true, |q| {
            calls += 1;
            if q.kind == qs[0].kind && q == &qs[0] {
                Err("refused".into())
            } else {
                Ok(7)
            }
        });
        assert_eq!(calls, 3 * 4);
        assert_eq!(m.times.len(), 3);
        assert_eq!(m.hits, [0, 7, 7]);
        assert_eq!(m.errors, 1);
        assert_eq!(m.first_error.as_deref(), Some("refused"));
    }
}
