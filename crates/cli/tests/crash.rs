//! SIGKILL an ingest at many points: every time, the archive opens consistent (no half episode,
//! the index agrees with the catalog), and re-running the ingest completes it.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn earshot(args: &[&str], data: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_earshot"))
        .args(args)
        .arg("--data")
        .arg(data)
        .output()
        .unwrap()
}

fn stats(data: &Path) -> serde_json::Value {
    let o = earshot(&["stats", "--check", "--json"], data);
    assert!(
        o.status.success() || o.status.code() == Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    serde_json::from_slice(&o.stdout).unwrap()
}

#[test]
fn killed_ingests_leave_a_consistent_archive_that_a_rerun_completes() {
    let corpus = tempfile::tempdir().unwrap();
    let scratch = tempfile::tempdir().unwrap();
    let c = corpus.path().to_str().unwrap();
    let o = earshot(
        &["synth", "--episodes", "120", "--out", c, "--seed", "11"],
        scratch.path(),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));

    // How long a whole ingest takes here, so the kills fall inside it.
    let started = Instant::now();
    let o = earshot(&["ingest", c, "--quiet"], scratch.path());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let full = started.elapsed();
    let expected = stats(scratch.path())["episodes"].as_u64().unwrap();
    assert!(expected >= 100, "{expected}");

    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut partial = 0;
    for round in 0..10 {
        let data = tempfile::tempdir().unwrap();
        // A deterministic spread of kill points over the whole ingest.
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let fraction = (state >> 33) as f64 / (1u64 << 31) as f64;
        let mut child = Command::new(env!("CARGO_BIN_EXE_earshot"))
            .args(["ingest", c, "--quiet", "--data"])
            .arg(data.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_secs_f64(full.as_secs_f64() * fraction));
        let _ = child.kill();
        let _ = child.wait();
        if data.path().join("catalog.sqlite").exists() {
            let s = stats(data.path());
            assert_eq!(s["consistent"], true, "round {round} after the kill: {s}");
            let n = s["episodes"].as_u64().unwrap();
            partial += usize::from(n > 0 && n < expected);
        }
        // Running the ingest again completes the archive.
        let o = earshot(&["ingest", c, "--quiet"], data.path());
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let s = stats(data.path());
        assert_eq!(s["consistent"], true, "round {round} after the rerun: {s}");
        assert_eq!(s["episodes"].as_u64(), Some(expected), "round {round}: {s}");
    }
    // The kills must have fallen inside ingests, not only before or after them.
    assert!(
        partial >= 3,
        "only {partial} kills interrupted an ingest midway"
    );
}
