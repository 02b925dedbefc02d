//! In-process tests of the evaluator: scripts run through `minipy::eval::run_source`
//! with output captured; each test ends with zero live objects of its own (globals
//! cleared, a full collection, the live count back to where it started).

use minipy::eval::{RunError, new_globals, run_source};
use pyrt_typeobject::Runtime;

/// Runs `src` in fresh globals; returns the printed text or the error's last line.
fn run(src: &str) -> Result<String, String> {
    Runtime::with(|py| {
        let globals = new_globals(py).expect("globals");
        let (out, r) = minipy::io::capture(|| run_source(py, src, &globals, false).map(|_| ()));
        let r = match r {
            Ok(()) => Ok(out),
            Err(RunError::Syntax(e)) => Err(e.last_line()),
            Err(RunError::Exception(e)) => Err(minipy::traceback::last_line(py, e.value(py))),
        };
        globals.clear(py);
        r
    })
}

/// Runs `src` twice (the first run warms up interned names and the interpreter's
/// types), then checks that the second run leaves no live object behind.
fn run_checked(src: &str) -> Result<String, String> {
    // One lock for the whole check: tests run in parallel and share the runtime.
    Runtime::with(|py| {
        let first = run(src);
        pyrt_core::gc::collect(py, 2);
        let before = py.live_objects();
        let second = run(src);
        pyrt_core::gc::collect(py, 2);
        let after = py.live_objects();
        assert_eq!(first, second, "two runs differ");
        assert_eq!(after, before, "objects leaked by the script");
        second
    })
}

#[test]
fn arithmetic_and_printing() {
    assert_eq!(
        run_checked("print(1 + 2 * 3, 7 // 2, -7 % 3, 2 ** 10, 'a' + 'b')\n").unwrap(),
        "7 3 2 1024 ab\n"
    );
    assert_eq!(
        run_checked("print(1, 2, sep='-', end='!')\n").unwrap(),
        "1-2!"
    );
}

#[test]
fn closures_and_cells_are_freed() {
    let src = "def f():\n    x = [1]\n    def g():\n        return x\n    return g\nh = f()\nprint(h())\n";
    assert_eq!(run_checked(src).unwrap(), "[1]\n");
}

#[test]
fn cycles_are_collected() {
    let src = "class A: pass\na = A()\nb = A()\na.other = b\nb.other = a\ndel a, b\nimport gc\nprint(gc.collect() >= 2)\n";
    assert_eq!(run_checked(src).unwrap(), "True\n");
}

#[test]
fn exceptions_propagate_with_cpython_messages() {
    assert_eq!(
        run_checked("x = undefined\n"),
        Err("NameError: name 'undefined' is not defined".into())
    );
    assert_eq!(
        run_checked("1 + 'a'\n"),
        Err("TypeError: unsupported operand type(s) for +: 'int' and 'str'".into())
    );
    assert_eq!(
        run_checked("def f(a): pass\nf(1, 2)\n"),
        Err("TypeError: f() takes 1 positional argument but 2 were given".into())
    );
    assert_eq!(
        run_checked("def f():\n    print(x)\n    x = 1\nf()\n"),
        Err("UnboundLocalError: cannot access local variable 'x' where it is not associated with a value".into())
    );
    assert_eq!(
        run_checked("a, b = [1, 2, 3]\n"),
        Err("ValueError: too many values to unpack (expected 2)".into())
    );
}

#[test]
fn int_overflow_raises_instead_of_wrapping() {
    assert_eq!(
        run_checked("print(2 ** 63)\n"),
        Err("OverflowError: int too large".into())
    );
}

#[test]
fn recursion_limit_is_an_exception() {
    let src = "def f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError as e:\n    print('caught', e)\n";
    let out = std::thread::Builder::new()
        .stack_size(1 << 30)
        .spawn(move || run_checked(src))
        .unwrap()
        .join()
        .unwrap();
    assert_eq!(out.unwrap(), "caught maximum recursion depth exceeded\n");
}

#[test]
fn syntax_errors_are_reported() {
    assert_eq!(run("x = = 1\n"), Err("SyntaxError: invalid syntax".into()));
    assert_eq!(
        run("if x:\npass\n"),
        Err("IndentationError: expected an indented block after 'if' statement on line 1".into())
    );
}
