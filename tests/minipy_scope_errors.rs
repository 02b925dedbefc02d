//! `global`/`nonlocal` declaration errors (and the errors of other compilation stages
//! they compete with) reported by `pyrt` exactly as python3 reports them: every case of
//! `tests/fixtures/scope_errors.txt`, recorded from CPython 3.11 by
//! `tests/fixtures/record_scope_errors.py`, is written to `case.py` in a scratch
//! directory and run there (cases named `tests/py/NAME.py` are the corpus scripts, run
//! from the repository root); the exit status, stdout and the whole of stderr (file,
//! line, source line, carets, message) must match byte for byte.

mod report_support;

use report_support::{assert_all_match, parse_fixture, run_fixture};

#[test]
fn declaration_errors_match_cpython_byte_for_byte() {
    let (cases, failures) = run_fixture("tests/fixtures/scope_errors.txt", "scope_errors");
    assert!(cases.len() > 100, "only {} cases parsed", cases.len());
    let scripts = cases
        .iter()
        .filter(|c| c.name.starts_with("tests/py/err_scope_"));
    assert!(
        scripts.count() >= 12,
        "the err_scope_ corpus scripts are recorded too"
    );
    assert_all_match(&cases, &failures);
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
