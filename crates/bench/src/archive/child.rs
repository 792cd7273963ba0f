//! Child processes: the release `earshot` binary ingesting, watched for its peak memory, and
//! ripgrep answering a query.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// How often the child's memory is sampled.
const SAMPLE_EVERY: Duration = Duration::from_millis(50);

/// The `earshot` binary beside this one (both in `target/release/` after
/// `cargo build --release`).
pub fn earshot_binary() -> anyhow::Result<PathBuf> {
    let me = std::env::current_exe()?;
    let dir = me.parent().unwrap_or(Path::new("."));
    let bin = dir.join(format!("earshot{}", std::env::consts::EXE_SUFFIX));
    if bin.is_file() {
        Ok(bin)
    } else {
        anyhow::bail!(
            "the earshot binary is not at {}: build it with cargo build --release",
            bin.display()
        )
    }
}

/// How a watched child ran.
#[derive(Debug)]
pub struct Watched {
    pub status: ExitStatus,
    pub elapsed: Duration,
    /// The highest `VmHWM` read (kB): the kernel's own high-water mark of resident memory.
    pub hwm_kb: u64,
    /// The highest `VmRSS` read (kB).
    pub rss_kb: u64,
    /// Memory samples taken.
    pub samples: u64,
    pub stdout: String,
}

/// Runs `cmd` to its end, reading `/proc/<pid>/status` every 50 ms. The last samples before
/// the child exits are lost (its memory is gone once it has exited), so a peak in its final
/// 50 ms may be missed; `VmHWM` makes any earlier peak count.
pub fn run_watched(cmd: &mut Command) -> anyhow::Result<Watched> {
    let t = Instant::now();
    let mut child = cmd.stdout(Stdio::piped()).spawn()?;
    let mut out = child.stdout.take().expect("piped stdout");
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = out.read_to_string(&mut s);
        s
    });
    let status_file = PathBuf::from(format!("/proc/{}/status", child.id()));
    let (mut hwm_kb, mut rss_kb, mut samples) = (0, 0, 0);
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if let Ok(text) = std::fs::read_to_string(&status_file) {
            let (hwm, rss) = memory_kb(&text);
            hwm_kb = hwm_kb.max(hwm.unwrap_or(0));
            rss_kb = rss_kb.max(rss.unwrap_or(0));
            samples += 1;
        }
        std::thread::sleep(SAMPLE_EVERY);
    };
    let elapsed = t.elapsed();
    let stdout = reader.join().unwrap_or_default();
    Ok(Watched {
        status,
        elapsed,
        hwm_kb,
        rss_kb,
        samples,
        stdout,
    })
}

/// `VmHWM` and `VmRSS` (kB) from the text of `/proc/<pid>/status`.
pub fn memory_kb(status: &str) -> (Option<u64>, Option<u64>) {
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
    };
    (field("VmHWM:"), field("VmRSS:"))
}

/// Where ripgrep is, searching `PATH`.
pub fn ripgrep() -> Option<PathBuf> {
    program("rg")
}

/// Where a program is, searching `PATH`.
pub fn program(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(format!("{name}{}", std::env::consts::EXE_SUFFIX)))
        .find(|p| p.is_file())
}

/// Files under `dir` holding `term` (any case, as a fixed string), as ripgrep lists them.
/// `--no-ignore` so that a `.gitignore` above the folder does not hide it.
pub fn rg_files(rg: &Path, term: &str, dir: &Path) -> Result<usize, String> {
    let out = Command::new(rg)
        .args(["-i", "-l", "-F", "--no-ignore", "--", term])
        .arg(dir)
        .stderr(Stdio::null())
        .output()
        .map_err(|e| e.to_string())?;
    // 1: nothing found.
    match out.status.code() {
        Some(0) | Some(1) => Ok(out
            .stdout
            .split(|b| *b == b'\n')
            .filter(|l| !l.is_empty())
            .count()),
        _ => Err(format!("rg exited with {}", out.status)),
    }
}

/// The bytes of every file under `dir`.
pub fn dir_bytes(dir: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .flatten()
        .map(|e| match e.file_type() {
            Ok(t) if t.is_dir() => dir_bytes(&e.path()),
            Ok(_) => e.metadata().map_or(0, |m| m.len()),
            Err(_) => 0,
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_memory_from_proc_status() {
        let text = "Name:\tearshot\nVmPeak:\t  900 kB\nVmHWM:\t  51234 kB\nVmRSS:\t   40000 kB\n";
        assert_eq!(memory_kb(text), (Some(51234), Some(40000)));
        assert_eq!(memory_kb("Name:\tzombie\n"), (None, None));
    }

    #[test]
    fn sums_a_tree() {
        let dir = std::env::temp_dir().join(format!("earshot-bench-du-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("a"), [0u8; 10]).unwrap();
        std::fs::write(dir.join("sub/b"), [0u8; 5]).unwrap();
        assert_eq!(dir_bytes(&dir), 15);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
