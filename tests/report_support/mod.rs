//! Running recorded whole-report fixtures (`tests/fixtures/*.txt` written by a
//! `tests/fixtures/record_*.py` script from python3): each case's source is run by `pyrt`
//! and its exit status, stdout and whole stderr compared byte for byte. Shared by
//! `minipy_scope_errors` and `minipy_call_errors`.
//!
//! Owns the fixture format and the comparison. Must not hold expectations itself.

use std::path::{Path, PathBuf};
use std::process::Command;

/// One recorded case.
pub struct Case {
    pub name: String,
    pub source: String,
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Which part of a case block the parser is reading.
enum Part {
    Source,
    Stdout,
    Stderr,
}

pub fn parse_fixture(text: &str) -> Vec<Case> {
    let mut cases: Vec<Case> = Vec::new();
    let mut part = Part::Source;
    for line in text.split_inclusive('\n') {
        if let Some(name) = line.strip_prefix("=== ") {
            cases.push(Case {
                name: name.trim_end().to_string(),
                source: String::new(),
                status: -1,
                stdout: String::new(),
                stderr: String::new(),
            });
            part = Part::Source;
            continue;
        }
        let Some(case) = cases.last_mut() else {
            continue; // the header comment
        };
        if let Some(status) = line.strip_prefix("--- status ") {
            case.status = status.trim_end().parse().expect("status");
            part = Part::Stdout;
        } else if line == "--- stderr\n" {
            part = Part::Stderr;
        } else {
            match part {
                Part::Source => case.source.push_str(line),
                Part::Stdout => case.stdout.push_str(line),
                Part::Stderr => case.stderr.push_str(line),
            }
        }
    }
    cases
}

/// A scratch directory removed when dropped.
pub struct Scratch(pub PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub fn run_case(dir: &Path, case: &Case) -> Result<(), String> {
    let (arg, cwd) = if case.name.starts_with("tests/py/") {
        (case.name.as_str(), Path::new(env!("CARGO_MANIFEST_DIR")))
    } else {
        std::fs::write(dir.join("case.py"), &case.source).map_err(|e| e.to_string())?;
        ("case.py", dir)
    };
    let out = Command::new(env!("CARGO_BIN_EXE_pyrt"))
        .arg(arg)
        .current_dir(cwd)
        .output()
        .map_err(|e| format!("cannot run pyrt: {e}"))?;
    let got = (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    );
    let want = (case.status, case.stdout.clone(), case.stderr.clone());
    if got == want {
        Ok(())
    } else {
        Err(format!(
            "{}:\n--- source\n{}--- want (status {})\n{}{}--- got (status {})\n{}{}",
            case.name, case.source, want.0, want.1, want.2, got.0, got.1, got.2
        ))
    }
}

/// Runs every case of the fixture `relative` (to the repository root) in a scratch
/// directory named after `tag`; returns the cases and a report of each mismatch.
pub fn run_fixture(relative: &str, tag: &str) -> (Vec<Case>, Vec<String>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join(relative)).expect(relative);
    let cases = parse_fixture(&text);
    let dir = std::env::temp_dir().join(format!("pyrt_{tag}_{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch directory");
    let scratch = Scratch(dir);
    let failures = cases
        .iter()
        .filter_map(|c| run_case(&scratch.0, c).err())
        .collect();
    (cases, failures)
}

/// Fails with every mismatch `run_fixture` reported, if there is any.
pub fn assert_all_match(cases: &[Case], failures: &[String]) {
    assert!(
        failures.is_empty(),
        "{} of {} cases differ from CPython:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
