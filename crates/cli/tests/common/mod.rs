//! What the archive test files share: running `earshot` on an archive and reading its output.
// Each test file uses what it needs of this module.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

/// `earshot --data DATA ARGS...`.
pub fn earshot(args: &[&str], data: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_earshot"))
        .arg("--data")
        .arg(data)
        .args(args)
        .output()
        .unwrap()
}

/// Standard output of a run that must have succeeded (else its standard error, as the panic).
pub fn ok(o: &Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The JSON Lines of a run that must have succeeded.
pub fn json_lines(o: &Output) -> Vec<serde_json::Value> {
    ok(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// `earshot --data DATA ARGS...` with extra environment variables.
pub fn earshot_with(args: &[&str], data: &Path, env: &[(&str, &str)]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_earshot"))
        .arg("--data")
        .arg(data)
        .args(args)
        .envs(env.iter().copied())
        .output()
        .unwrap()
}
