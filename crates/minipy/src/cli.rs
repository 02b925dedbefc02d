//! The `pyrt` command line: `pyrt FILE.py` runs a script, `pyrt` alone runs the REPL,
//! `pyrt --stats FILE.py` also prints the method-cache and GC statistics to stderr at
//! exit. The interpreter runs on a thread with a large stack so that the recursion
//! limit (1000 Python frames), not the machine stack, bounds recursion.
//!
//! Owns argument parsing, exit statuses and the top-level error reports.

use crate::eval::{RunError, new_globals, run_source, state};
use crate::io::{flush_stdout, write_stderr};
use pyrt_core::Python;

/// Stack size of the interpreter thread.
const STACK_SIZE: usize = 1 << 30;

/// Runs the command line `args` (without the program name); returns the exit status.
///
/// ```
/// let dir = std::env::temp_dir().join("minipy_doc_cli.py");
/// std::fs::write(&dir, "x = 1\n").unwrap();
/// assert_eq!(minipy::cli::main_with_args(vec![dir.display().to_string()]), 0);
/// ```
pub fn main_with_args(args: Vec<String>) -> i32 {
    let child = std::thread::Builder::new()
        .name("minipy".into())
        .stack_size(STACK_SIZE)
        .spawn(move || run(args));
    match child.map(|c| c.join()) {
        Ok(Ok(code)) => code,
        _ => {
            write_stderr("pyrt: internal error\n");
            70
        }
    }
}

fn run(args: Vec<String>) -> i32 {
    let mut stats = false;
    let mut file = None;
    for a in args {
        match a.as_str() {
            "--stats" => stats = true,
            _ if file.is_none() => file = Some(a),
            _ => {}
        }
    }
    let code = pyrt_typeobject::Runtime::with(|py| {
        // The interpreter reports cache hits (`--stats`, `pyrt.cache_stats()` as in
        // examples/tour.py), so it asks the runtime to count them (off by default).
        pyrt_typeobject::method_cache::set_hit_counting(py, true);
        let code = match &file {
            Some(f) => run_file(py, f),
            None => crate::repl::run_repl(py),
        };
        if stats {
            print_stats(py);
        }
        code
    });
    flush_stdout();
    code
}

/// Runs a script file; returns the exit status (2 if it cannot be read).
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| assert_eq!(minipy::cli::run_file(py, "/no/such/file.py"), 2));
/// ```
pub fn run_file(py: Python<'_>, path: &str) -> i32 {
    let source = match std::fs::read(path) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) => {
            write_stderr(&format!(
                "pyrt: can't open file '{path}': [Errno {}] {}\n",
                e.raw_os_error().unwrap_or(2),
                if e.kind() == std::io::ErrorKind::NotFound {
                    "No such file or directory".to_string()
                } else {
                    e.to_string()
                }
            ));
            return 2;
        }
    };
    *state(py).filename.borrow_mut() = path.to_string();
    let globals = match new_globals(py) {
        Ok(g) => g,
        Err(_) => return 70,
    };
    match run_source(py, &source, &globals, false) {
        Ok(_) => 0,
        Err(e) => {
            report(py, &e, path, &source);
            1
        }
    }
}

/// Prints a syntax error or uncaught exception to stderr.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let e = minipy::eval::RunError::Syntax(minipy::syntax_error::SyntaxError::new("invalid syntax", Default::default()));
///     minipy::cli::report(py, &e, "x.py", "");
/// });
/// ```
pub fn report(py: Python<'_>, e: &RunError, filename: &str, source: &str) {
    let text = match e {
        RunError::Syntax(s) => s.report(filename, source),
        RunError::Exception(err) => crate::traceback::format_exception(py, err, filename, source),
    };
    write_stderr(&text);
}

fn print_stats(py: Python<'_>) {
    write_stderr(&crate::modules::pyrt_stats::report(py));
}
