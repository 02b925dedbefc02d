//! `global`/`nonlocal` declaration errors (and the errors of other compilation stages
//! they compete with) reported by `pyrt` exactly as python3 reports them: every case of
//! `tests/fixtures/scope_errors.txt`, recorded from CPython 3.11 by
//! `tests/fixtures/record_scope_errors.py`, is written to `case.py` in a scratch
//! directory and run there (cases named `tests/py/NAME.py` are the corpus scripts, run
//! from the repository root); the exit status, stdout and the whole of stderr (file,
//! line, source line, carets, message) must match byte for byte.

use std::path::{Path, PathBuf};
use std::process::Command;

/// One recorded case.
struct Case {
    name: String,
    source: String,
    status: i32,
    stdout: String,
    stderr: String,
}

/// Which part of a case block the parser is reading.
enum Part {
    Source,
    Stdout,
    Stderr,
}

fn parse_fixture(text: &str) -> Vec<Case> {
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
struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn run_case(dir: &Path, case: &Case) -> Result<(), String> {
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

#[test]
fn declaration_errors_match_cpython_byte_for_byte() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("tests/fixtures/scope_errors.txt"))
        .expect("tests/fixtures/scope_errors.txt");
    let cases = parse_fixture(&text);
    assert!(cases.len() > 100, "only {} cases parsed", cases.len());
    let scripts = cases
        .iter()
        .filter(|c| c.name.starts_with("tests/py/err_scope_"));
    assert!(
        scripts.count() >= 12,
        "the err_scope_ corpus scripts are recorded too"
    );
    let dir = std::env::temp_dir().join(format!("pyrt_scope_errors_{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch directory");
    let scratch = Scratch(dir);
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|c| run_case(&scratch.0, c).err())
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases differ from CPython:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn the_fixture_parser_keeps_sources_verbatim() {
    let text = "# header\n=== a\nx = 1\n\n--- status 1\nout\n--- stderr\nerr\n=== b\n--- status 0\n--- stderr\n";
    let cases = parse_fixture(text);
    assert_eq!(cases.len(), 2);
    assert_eq!(
        (
            cases[0].name.as_str(),
            cases[0].source.as_str(),
            cases[0].status
        ),
        ("a", "x = 1\n\n", 1)
    );
    assert_eq!(
        (cases[0].stdout.as_str(), cases[0].stderr.as_str()),
        ("out\n", "err\n")
    );
    assert_eq!((cases[1].source.as_str(), cases[1].status), ("", 0));
}
