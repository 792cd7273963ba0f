//! `earshot-bench serve`: the server under load. A synthetic archive (the `archive` bench's
//! corpus, ingested once and reused), `earshot serve` started on loopback, and wrk sending the
//! `archive` bench's query mix to `/api/search` over many connections. Reports searches per
//! second, latency percentiles, errors, and the server's memory. See `docs/benchmarks.md`.

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};

use crate::archive::{self, child, queries, timing};
use crate::ServeArgs;

/// What wrk reported, from the summary the Lua script prints.
#[derive(Debug, serde::Deserialize, serde::Serialize)]
struct Load {
    requests: u64,
    seconds: f64,
    p50_ms: f64,
    p90_ms: f64,
    p99_ms: f64,
    max_ms: f64,
    errors_connect: u64,
    errors_read: u64,
    errors_write: u64,
    errors_status: u64,
    errors_timeout: u64,
}

pub fn run(args: &ServeArgs) -> anyhow::Result<()> {
    let wrk = child::program("wrk").context("wrk is not installed (apt-get install wrk)")?;
    std::fs::create_dir_all(&args.corpus.dir)?;
    let earshot = child::earshot_binary()?;
    let corpus = archive::corpus(&args.corpus.dir, args.corpus.seed, args.corpus.episodes)?;
    let data = args.corpus.dir.join(format!(
        "serve-archive-{}-{}",
        args.corpus.seed, args.corpus.episodes
    ));
    let marker = data.join(".bench-complete");
    if !marker.exists() {
        let ingest = archive::ingest(&earshot, &corpus.dir, &data)?;
        eprintln!(
            "earshot-bench serve: ingested in {:.1} s",
            ingest.elapsed.as_secs_f64()
        );
        std::fs::write(&marker, "")?;
    } else {
        eprintln!(
            "earshot-bench serve: reusing the archive in {}",
            data.display()
        );
    }

    let mix = queries::generate(args.corpus.seed, args.corpus.episodes, args.corpus.queries);
    if args.in_process {
        return in_process(&data, &mix);
    }
    let script = args.corpus.dir.join("wrk-search.lua");
    std::fs::write(&script, lua(&mix))?;

    let port = free_port()?;
    let mut server = Server::start(&earshot, &data, port)?;
    let url = format!("http://127.0.0.1:{port}");
    let peak = server.watch_memory();
    eprintln!("earshot-bench serve: warming up for 5 s");
    wrk_run(&wrk, &script, &url, args.connections, 5)?;
    eprintln!(
        "earshot-bench serve: {} connections for {} s",
        args.connections, args.duration
    );
    let load = wrk_run(&wrk, &script, &url, args.connections, args.duration)?;
    let (hwm_kb, rss_kb) = server.memory();
    let peak_rss_kb = peak.load(Ordering::Relaxed).max(rss_kb);
    server.stop();

    let rate = load.requests as f64 / load.seconds.max(1e-9);
    let errors = load.errors_connect
        + load.errors_read
        + load.errors_write
        + load.errors_status
        + load.errors_timeout;
    let json = serde_json::json!({
        "episodes": corpus.written.episodes,
        "queries": mix.len(),
        "connections": args.connections,
        "load": load,
        "searches_per_second": rate,
        "errors": errors,
        "server_peak_rss_kb": peak_rss_kb,
        "server_hwm_kb": hwm_kb,
    });
    std::fs::write(
        args.corpus.dir.join("serve-results.json"),
        format!("{json}\n"),
    )?;
    if args.json {
        println!("{json}");
        return Ok(());
    }
    println!(
        "earshot serve: {} episodes, {} queries from the archive bench's mix, {} connections, {:.0} s",
        corpus.written.episodes,
        mix.len(),
        args.connections,
        load.seconds
    );
    println!();
    println!("| measure | target | measured |");
    println!("| --- | --- | ---: |");
    println!("| searches/s | ≥ 1,000 | {rate:.0} |");
    println!("| latency p50 | | {:.2} ms |", load.p50_ms);
    println!("| latency p90 | | {:.2} ms |", load.p90_ms);
    println!("| latency p99 | ≤ 50 ms | {:.2} ms |", load.p99_ms);
    println!("| latency max | | {:.2} ms |", load.max_ms);
    println!(
        "| errors (connect, read, write, status, timeout) | 0 | {errors} ({}, {}, {}, {}, {}) |",
        load.errors_connect,
        load.errors_read,
        load.errors_write,
        load.errors_status,
        load.errors_timeout
    );
    println!(
        "| server memory, peak resident | < 500 MB | {:.0} MB |",
        peak_rss_kb as f64 / 1024.0
    );
    println!(
        "| server memory, high-water mark (VmHWM) | | {:.0} MB |",
        hwm_kb as f64 / 1024.0
    );
    Ok(())
}

/// Times the mix against the archive in this process, one thread, with the entity expander,
/// and prints the mean cost of a search by kind: the ceiling a server's search throughput can reach per core.
fn in_process(data: &Path, mix: &[queries::Query]) -> anyhow::Result<()> {
    let mut reader = earshot_archive::Archive::open(data, earshot_archive::Access::Read)?;
    // The known spellings of names, as `earshot search` and the server use them.
    let expander = earshot_archive::EntityExpander::load(&reader)?;
    reader.set_expander(Box::new(expander));
    let measured = timing::measure(mix, 3, true, |q| {
        reader
            .search(&archive::request(q))
            .map(|hits| hits.len())
            .map_err(|e| e.to_string())
    });
    let mut tsv = String::from("kind\tquery\tfilters\tms\thits\n");
    for ((q, t), hits) in mix.iter().zip(&measured.times).zip(&measured.hits) {
        tsv.push_str(&format!(
            "{}\t{}\t{}\t{:.3}\t{hits}\n",
            q.kind.name(),
            q.text(),
            q.filters(),
            t.as_secs_f64() * 1e3
        ));
    }
    let listing = data.with_file_name("in-process-times.tsv");
    std::fs::write(&listing, tsv)?;
    println!("| kind | queries | mean ms | p50 ms | p99 ms | max ms |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: |");
    let row = |name: &str, times: &[Duration]| {
        let s = timing::Summary::of(times);
        println!(
            "| {name} | {} | {:.2} | {:.2} | {:.2} | {:.2} |",
            times.len(),
            s.mean,
            s.p50,
            s.p99,
            s.max
        );
    };
    for kind in queries::Kind::ALL {
        let times: Vec<Duration> = mix
            .iter()
            .zip(&measured.times)
            .filter(|(q, _)| q.kind == kind)
            .map(|(_, t)| *t)
            .collect();
        row(kind.name(), &times);
    }
    row("all", &measured.times);
    let mean = timing::Summary::of(&measured.times).mean;
    println!();
    println!(
        "one core answers {:.0} searches/s of this mix (no HTTP); {} errors; each query's time in {}",
        1e3 / mean.max(1e-9),
        measured.errors,
        listing.display()
    );
    Ok(())
}

/// A wrk script that cycles through the queries as `/api/search` URLs and prints a JSON
/// summary when done.
fn lua(mix: &[queries::Query]) -> String {
    let mut paths = String::new();
    for q in mix {
        let mut path = format!("/api/search?limit=10&q={}", encode(&q.text()));
        if let Some(show) = &q.show {
            path.push_str(&format!("&show={}", encode(show)));
        }
        if let Some(d) = q.after {
            path.push_str(&format!("&after={d}"));
        }
        if let Some(d) = q.before {
            path.push_str(&format!("&before={d}"));
        }
        paths.push_str(&format!("  {path:?},\n"));
    }
    format!(
        r#"-- Written by earshot-bench serve: the archive bench's query mix, in turn.
local paths = {{
{paths}}}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{{"requests":%d,"seconds":%f,"p50_ms":%f,"p90_ms":%f,"p99_ms":%f,"max_ms":%f,"errors_connect":%d,"errors_read":%d,"errors_write":%d,"errors_status":%d,"errors_timeout":%d}}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1e3,
    latency:percentile(90) / 1e3, latency:percentile(99) / 1e3, latency.max / 1e3,
    e.connect, e.read, e.write, e.status, e.timeout))
end
"#
    )
}

fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn wrk_run(
    wrk: &Path,
    script: &Path,
    url: &str,
    connections: u32,
    seconds: u32,
) -> anyhow::Result<Load> {
    let out = Command::new(wrk)
        .args([
            "-t2",
            &format!("-c{connections}"),
            &format!("-d{seconds}s"),
            "--timeout",
            "5s",
            "-s",
        ])
        .arg(script)
        .arg(url)
        .output()
        .context("cannot run wrk")?;
    let text = String::from_utf8_lossy(&out.stdout);
    if !out.status.success() {
        bail!("wrk failed: {text}{}", String::from_utf8_lossy(&out.stderr));
    }
    let line = text
        .lines()
        .rev()
        .find(|l| l.starts_with("{\"requests\""))
        .with_context(|| format!("no summary in wrk's output: {text}"))?;
    Ok(serde_json::from_str(line)?)
}

/// `earshot serve` as a child process.
struct Server {
    child: Child,
    stop: Arc<AtomicBool>,
}

impl Server {
    fn start(earshot: &Path, data: &Path, port: u16) -> anyhow::Result<Server> {
        let child = Command::new(earshot)
            .arg("--data")
            .arg(data)
            .args(["serve", "--bind", &format!("127.0.0.1:{port}")])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .context("cannot start earshot serve")?;
        let mut server = Server {
            child,
            stop: Arc::new(AtomicBool::new(false)),
        };
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if started.elapsed() > Duration::from_secs(60) || server.child.try_wait()?.is_some() {
                server.stop();
                bail!("earshot serve did not start on port {port}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(server)
    }

    /// Samples the server's resident memory every 100 ms; the peak so far, in kB.
    fn watch_memory(&self) -> Arc<AtomicU64> {
        let peak = Arc::new(AtomicU64::new(0));
        let (p, stop) = (peak.clone(), self.stop.clone());
        let status = PathBuf::from(format!("/proc/{}/status", self.child.id()));
        std::thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                if let Ok(text) = std::fs::read_to_string(&status) {
                    let (_, rss) = child::memory_kb(&text);
                    p.fetch_max(rss.unwrap_or(0), Ordering::Relaxed);
                }
                std::thread::sleep(Duration::from_millis(100));
            }
        });
        peak
    }

    /// (VmHWM, VmRSS) now, in kB.
    fn memory(&self) -> (u64, u64) {
        let text = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default();
        let (hwm, rss) = child::memory_kb(&text);
        (hwm.unwrap_or(0), rss.unwrap_or(0))
    }

    fn stop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

fn free_port() -> anyhow::Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port())
}
