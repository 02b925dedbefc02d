//! The REPL: reads lines from stdin (prompts only when stdin is a terminal), runs each
//! complete statement (a compound statement ends at a blank line), prints the repr of
//! expression results that are not `None`, reports errors and carries on.
//!
//! Owns reading and grouping input lines.

use crate::eval::{RunError, new_globals, run_source};
use crate::io::{flush_stdout, write_stdout};
use pyrt_core::Python;
use std::io::{BufRead, IsTerminal};

/// Runs the REPL until end of input; returns the exit status. (Reads stdin; see
/// the root package's `tests/minipy_repl.rs` for a run over piped input.)
///
/// `no_run`: it reads the doctest's own stdin, which may be a terminal.
///
/// ```no_run
/// let status = pyrt_typeobject::Runtime::with(minipy::repl::run_repl);
/// std::process::exit(status);
/// ```
pub fn run_repl(py: Python<'_>) -> i32 {
    let interactive = std::io::stdin().is_terminal();
    let globals = match new_globals(py) {
        Ok(g) => g,
        Err(_) => return 70,
    };
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    let mut buf = String::new();
    loop {
        if interactive {
            write_stdout(if buf.is_empty() { ">>> " } else { "... " });
            flush_stdout();
        }
        let line = match lines.next() {
            Some(Ok(l)) => l,
            _ => break,
        };
        let in_block = !buf.is_empty();
        if in_block
            && !line.trim().is_empty()
            && (line.starts_with(' ') || line.starts_with('\t') || continues_block(&line))
        {
            buf.push_str(&line);
            buf.push('\n');
            continue;
        }
        if in_block {
            run_chunk(py, &globals, &buf);
            buf.clear();
            if line.trim().is_empty() {
                continue;
            }
        }
        buf.push_str(&line);
        buf.push('\n');
        if !line.trim_end().ends_with(':') {
            run_chunk(py, &globals, &buf);
            buf.clear();
        }
    }
    if !buf.is_empty() {
        run_chunk(py, &globals, &buf);
    }
    if interactive {
        write_stdout("\n");
    }
    0
}

/// `else:`, `elif`, `except`, `finally` continue the previous compound statement.
fn continues_block(line: &str) -> bool {
    let t = line.trim_start();
    ["else", "elif", "except", "finally"]
        .iter()
        .any(|k| t.starts_with(k))
}

fn run_chunk(
    py: Python<'_>,
    globals: &pyrt_core::Bound<'_, pyrt_core::builtins::DictObject>,
    src: &str,
) {
    match run_source(py, src, globals, true) {
        Ok(Some(v)) if !std::ptr::eq(v.as_any_ref(), py.singletons().none()) => {
            match crate::builtins::repr_string(py, &v) {
                Ok(r) => write_stdout(&format!("{r}\n")),
                Err(e) => crate::cli::report(py, &RunError::Exception(e), "<stdin>", src),
            }
        }
        Ok(_) => {}
        Err(e) => crate::cli::report(py, &e, "<stdin>", src),
    }
}
