//! The differential corpus: every `tests/py/NAME.py` is run by the `pyrt` binary and
//! its stdout compared byte for byte with `tests/py/expected/NAME.out`, recorded from
//! CPython 3.11 by `tests/py/record.sh`. When CPython exited non-zero,
//! `tests/py/expected/NAME.err` holds the exit status and the last line of stderr, and
//! both must match too. Addresses (`0x...`) are replaced by `0x?` on both sides.
//!
//! Scripts listed in `tests/py/known_failures.txt` (one name per line, `#` comments)
//! are run and reported but do not fail the test; a listed script that passes is
//! reported so the list can shrink. With `PYRT_SYSTEM_ALLOC` set (the sanitizer runs),
//! `tests/py/known_failures_sanitizers.txt` is added.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Longest a single script may run before it is killed and counted as failing: 120 s,
/// or `PYRT_CORPUS_SCRIPT_LIMIT` seconds (the sanitizer script raises it: the deep
/// scripts take minutes under ASan and valgrind).
fn script_limit() -> Duration {
    let secs = std::env::var("PYRT_CORPUS_SCRIPT_LIMIT")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .unwrap_or(120);
    Duration::from_secs(secs)
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("py")
}

/// Replaces every `0x` followed by hex digits with `0x?`.
fn mask_addresses(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'0'
            && b.get(i + 1) == Some(&b'x')
            && b.get(i + 2).is_some_and(u8::is_ascii_hexdigit)
        {
            out.push_str("0x?");
            i += 2;
            while b.get(i).is_some_and(u8::is_ascii_hexdigit) {
                i += 1;
            }
            continue;
        }
        let ch = s[i..].chars().next().unwrap_or('\u{fffd}');
        out.push(ch);
        i += ch.len_utf8().max(1);
    }
    out
}

/// What one run produced.
struct Outcome {
    stdout: String,
    status: i32,
    last_stderr: String,
}

fn run_script(path: &Path) -> Result<Outcome, String> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pyrt"))
        .arg(path)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start pyrt: {e}"))?;
    let mut out_pipe = child.stdout.take().ok_or("no stdout")?;
    let mut err_pipe = child.stderr.take().ok_or("no stderr")?;
    let out_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = std::io::Read::read_to_end(&mut out_pipe, &mut v);
        v
    });
    let err_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = std::io::Read::read_to_end(&mut err_pipe, &mut v);
        v
    });
    let start = Instant::now();
    let limit = script_limit();
    let status = loop {
        match child.try_wait() {
            Ok(Some(s)) => break s,
            Ok(None) if start.elapsed() > limit => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("killed after {limit:?}"));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => return Err(format!("wait failed: {e}")),
        }
    };
    let stdout = String::from_utf8_lossy(&out_t.join().unwrap_or_default()).into_owned();
    let stderr = String::from_utf8_lossy(&err_t.join().unwrap_or_default()).into_owned();
    Ok(Outcome {
        stdout,
        status: status.code().unwrap_or(-1),
        last_stderr: stderr.lines().last().unwrap_or("").to_string(),
    })
}

/// The first differing lines of two texts, for the report.
fn diff_excerpt(got: &str, want: &str) -> String {
    let (g, w): (Vec<&str>, Vec<&str>) = (got.lines().collect(), want.lines().collect());
    let first = g
        .iter()
        .zip(&w)
        .position(|(a, b)| a != b)
        .unwrap_or(g.len().min(w.len()));
    let mut out = format!("    first difference at line {}:\n", first + 1);
    for k in first..(first + 3) {
        if let Some(l) = w.get(k) {
            out.push_str(&format!("    - {l}\n"));
        }
        if let Some(l) = g.get(k) {
            out.push_str(&format!("    + {l}\n"));
        }
    }
    out
}

/// Runs one script and compares; `Err` holds the failure report.
fn check(name: &str) -> Result<(), String> {
    let dir = corpus_dir();
    let want_out = std::fs::read_to_string(dir.join("expected").join(format!("{name}.out")))
        .map_err(|e| format!("{name}: no expected output ({e})"))?;
    let want_err = std::fs::read_to_string(dir.join("expected").join(format!("{name}.err"))).ok();
    let got = run_script(&dir.join(format!("{name}.py"))).map_err(|e| format!("{name}: {e}"))?;
    let mut report = String::new();
    let (g, w) = (mask_addresses(&got.stdout), mask_addresses(&want_out));
    if g != w {
        report.push_str(&format!("  stdout differs\n{}", diff_excerpt(&g, &w)));
    }
    let (want_status, want_last) = match &want_err {
        Some(e) => {
            let mut lines = e.lines();
            let st = lines
                .next()
                .and_then(|s| s.trim().parse::<i32>().ok())
                .unwrap_or(1);
            (st, lines.next().unwrap_or("").to_string())
        }
        None => (0, String::new()),
    };
    if got.status != want_status {
        report.push_str(&format!(
            "  exit status {} (expected {want_status}); last stderr line: {}\n",
            got.status, got.last_stderr
        ));
    } else if want_err.is_some() && mask_addresses(&got.last_stderr) != mask_addresses(&want_last) {
        report.push_str(&format!(
            "  last stderr line differs\n    - {want_last}\n    + {}\n",
            got.last_stderr
        ));
    }
    if report.is_empty() {
        Ok(())
    } else {
        Err(format!("{name}:\n{report}"))
    }
}

fn script_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(corpus_dir())
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter_map(|e| {
                    let p = e.path();
                    (p.extension().is_some_and(|x| x == "py"))
                        .then(|| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
                        .flatten()
                })
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn known_failures() -> Vec<String> {
    let mut names = list_file("known_failures.txt");
    // Under the sanitizers (`scripts/sanitizers.sh` sets PYRT_SYSTEM_ALLOC), scripts
    // whose output depends on a freed block being reused at once.
    if std::env::var_os("PYRT_SYSTEM_ALLOC").is_some_and(|v| !v.is_empty() && v != "0") {
        names.extend(list_file("known_failures_sanitizers.txt"));
    }
    names
}

/// The names in a list file of the corpus directory (one per line, `#` comments).
fn list_file(file: &str) -> Vec<String> {
    std::fs::read_to_string(corpus_dir().join(file))
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn py_corpus() {
    let names = script_names();
    assert!(!names.is_empty(), "no scripts in tests/py");
    let queue = Mutex::new(names.iter().cloned().collect::<VecDeque<_>>());
    let results = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(2, 8);
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                loop {
                    let next = queue.lock().map(|mut q| q.pop_front()).ok().flatten();
                    let Some(name) = next else { break };
                    let r = check(&name);
                    if let Ok(mut res) = results.lock() {
                        res.push((name, r));
                    }
                }
            });
        }
    });
    let mut results = results.into_inner().unwrap_or_default();
    results.sort_by(|a, b| a.0.cmp(&b.0));
    let known = known_failures();
    let (mut passed, mut failed, mut expected_fail, mut fixed) = (0, Vec::new(), 0, Vec::new());
    for (name, r) in &results {
        match (r, known.contains(name)) {
            (Ok(()), false) => passed += 1,
            (Ok(()), true) => {
                passed += 1;
                fixed.push(name.clone());
            }
            (Err(report), true) => {
                expected_fail += 1;
                eprintln!("known failure {report}");
            }
            (Err(report), false) => failed.push(report.clone()),
        }
    }
    eprintln!(
        "py_corpus: {} scripts, {passed} pass, {} fail ({expected_fail} known)",
        results.len(),
        failed.len() + expected_fail
    );
    if !fixed.is_empty() {
        eprintln!(
            "now passing, remove from known_failures.txt: {}",
            fixed.join(" ")
        );
    }
    assert!(failed.is_empty(), "failing scripts:\n{}", failed.join("\n"));
}

#[test]
fn mask_replaces_hex_addresses() {
    assert_eq!(
        mask_addresses("<A object at 0x7f00ab> 0x 0xg"),
        "<A object at 0x?> 0x 0xg"
    );
}
