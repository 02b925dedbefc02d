//! Standard output for `print`: buffered per thread, flushed when large, before
//! anything is written to stderr, and at exit.
//!
//! Owns the output buffer. Must not format values.

use std::cell::RefCell;
use std::io::Write;

thread_local! {
    static OUT: RefCell<String> = const { RefCell::new(String::new()) };
    static CAPTURE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f` with standard output captured (for tests and embedders); returns what
/// was printed.
///
/// ```
/// let (text, ()) = minipy::io::capture(|| minipy::io::write_stdout("hi\n"));
/// assert_eq!(text, "hi\n");
/// ```
pub fn capture<R>(f: impl FnOnce() -> R) -> (String, R) {
    flush_stdout();
    let was = CAPTURE.with(|c| c.replace(true));
    let r = f();
    let text = OUT.with(|o| std::mem::take(&mut *o.borrow_mut()));
    CAPTURE.with(|c| c.set(was));
    (text, r)
}

/// Appends `s` to standard output.
///
/// ```
/// minipy::io::write_stdout("");
/// minipy::io::flush_stdout();
/// ```
pub fn write_stdout(s: &str) {
    let full = OUT.with(|o| {
        let mut o = o.borrow_mut();
        o.push_str(s);
        o.len() > 1 << 16 && !CAPTURE.with(std::cell::Cell::get)
    });
    if full {
        flush_stdout();
    }
}

/// Writes the buffered output to the process's standard output and empties the
/// buffer (also while [`capture`] runs: what was written before the flush is not
/// captured).
///
/// ```
/// use minipy::io::{capture, flush_stdout, write_stdout};
/// let (text, ()) = capture(|| {
///     write_stdout("flushed\n");
///     flush_stdout();
///     write_stdout("kept\n");
/// });
/// assert_eq!(text, "kept\n");
/// ```
pub fn flush_stdout() {
    let text = OUT.with(|o| std::mem::take(&mut *o.borrow_mut()));
    if !text.is_empty() {
        let mut out = std::io::stdout().lock();
        let _ = out.write_all(text.as_bytes());
        let _ = out.flush();
    }
}

/// Writes `s` to stderr (after flushing stdout, so the two interleave as written).
///
/// ```
/// use minipy::io::{capture, write_stderr, write_stdout};
/// let (text, ()) = capture(|| {
///     write_stdout("before\n");
///     write_stderr("note\n"); // flushes "before" to stdout first
///     write_stdout("after\n");
/// });
/// assert_eq!(text, "after\n");
/// ```
pub fn write_stderr(s: &str) {
    flush_stdout();
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(s.as_bytes());
    let _ = err.flush();
}
