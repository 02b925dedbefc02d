//! Errors in call argument lists (and class bases and decorator calls) reported by
//! `pyrt` exactly as python3 reports them: every case of `tests/fixtures/call_errors.txt`,
//! recorded from CPython 3.11 by `tests/fixtures/record_call_errors.py`, is written to
//! `case.py` in a scratch directory and run there; the exit status, stdout and the whole
//! of stderr (file, line, source line, carets, message) must match byte for byte.

mod report_support;

use report_support::{assert_all_match, run_fixture};

#[test]
fn call_argument_errors_match_cpython_byte_for_byte() {
    let (cases, failures) = run_fixture("tests/fixtures/call_errors.txt", "call_errors");
    assert!(cases.len() > 170, "only {} cases parsed", cases.len());
    let reports = |needle: &str| cases.iter().filter(|c| c.stderr.contains(needle)).count();
    assert!(reports("positional argument follows keyword argument") >= 40);
    assert!(reports("keyword argument repeated") >= 8);
    assert!(cases.iter().filter(|c| c.status == 0).count() >= 3);
    assert_all_match(&cases, &failures);
}
