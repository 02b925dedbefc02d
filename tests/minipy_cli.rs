//! The `pyrt` command line: exit statuses, the traceback of an uncaught exception, a
//! syntax error report, `--stats`, and the tour (`examples/tour.py`).

use std::process::{Command, Output};

fn pyrt(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pyrt"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run pyrt")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn uncaught_exception_prints_a_traceback_and_exits_1() {
    let out = pyrt(&["tests/py/minipy_uncaught.py"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stdout), "before\n");
    let err = text(&out.stderr);
    assert!(
        err.starts_with("Traceback (most recent call last):\n"),
        "{err}"
    );
    assert!(
        err.contains("  File \"tests/py/minipy_uncaught.py\", line 9, in <module>\n    outer()\n"),
        "{err}"
    );
    assert!(
        err.contains("line 6, in outer\n") && err.contains("line 3, in inner\n"),
        "{err}"
    );
    assert!(err.ends_with("KeyError: 'missing'\n"), "{err}");
}

#[test]
fn syntax_error_reports_line_and_column() {
    let out = pyrt(&["tests/py/minipy_syntax_error.py"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stdout), "");
    assert_eq!(
        text(&out.stderr),
        "  File \"tests/py/minipy_syntax_error.py\", line 3\n    x = = 1\n        ^\nSyntaxError: invalid syntax\n"
    );
}

#[test]
fn missing_file_exits_2() {
    let out = pyrt(&["no/such/script.py"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("can't open file 'no/such/script.py'"));
}

#[test]
fn stats_are_printed_at_exit() {
    let out = pyrt(&["--stats", "tests/py/minipy_closures.py"]);
    assert_eq!(out.status.code(), Some(0));
    let err = text(&out.stderr);
    assert!(
        err.contains("--- pyrt statistics ---\nmethod cache: "),
        "{err}"
    );
    assert!(
        err.contains(" hits, ") && err.contains("gc generation 2: "),
        "{err}"
    );
}

#[test]
fn the_tour_runs() {
    let out = pyrt(&["examples/tour.py"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let s = text(&out.stdout);
    for line in [
        "Diamond.__mro__ = ['Diamond', 'Left', 'Right', 'Base', 'object']",
        "Diamond().who() = Diamond>Left>Right>Base",
        "TypeError: Cannot create a consistent method resolution",
        "Vec3(11, 22) True",
        "after:  <patched 3,4>",
        "  weakref callback: referent gone -> True",
        "  finalizer of a",
        "after collect, alive: False",
        "  method cache: ",
    ] {
        assert!(s.contains(line), "missing {line:?} in:\n{s}");
    }
}
