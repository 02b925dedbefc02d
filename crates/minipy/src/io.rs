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
/// was printed. Flushes inside `f` (explicit, or before a write to stderr) keep the text
/// for the capture; captures nest (the inner one returns only its own text).
///
/// ```
/// use minipy::io::{capture, flush_stdout, write_stderr, write_stdout};
/// let (text, ()) = capture(|| {
///     write_stdout("hi\n");
///     flush_stdout();
///     write_stderr(""); // would flush stdout first: still captured
///     let (inner, ()) = capture(|| write_stdout("inner\n"));
///     assert_eq!(inner, "inner\n");
///     write_stdout("bye\n");
/// });
/// assert_eq!(text, "hi\nbye\n");
/// ```
pub fn capture<R>(f: impl FnOnce() -> R) -> (String, R) {
    flush_stdout();
    // Empty unless this capture is nested in another (whose text waits here).
    let outer = OUT.with(|o| std::mem::take(&mut *o.borrow_mut()));
    let restore = Restore {
        outer,
        was: CAPTURE.with(|c| c.replace(true)),
    };
    let r = f();
    let text = OUT.with(|o| std::mem::take(&mut *o.borrow_mut()));
    drop(restore);
    (text, r)
}

/// Puts back the enclosing capture's buffer and flag when a [`capture`] ends, also if its
/// closure unwinds (the partial text is then dropped).
struct Restore {
    outer: String,
    was: bool,
}

impl Drop for Restore {
    fn drop(&mut self) {
        let outer = std::mem::take(&mut self.outer);
        OUT.with(|o| *o.borrow_mut() = outer);
        CAPTURE.with(|c| c.set(self.was));
    }
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
/// buffer; while [`capture`] runs it does nothing (the text stays for the capture).
///
/// ```
/// use minipy::io::{capture, flush_stdout, write_stdout};
/// let (text, ()) = capture(|| {
///     write_stdout("kept\n");
///     flush_stdout();
///     write_stdout("too\n");
/// });
/// assert_eq!(text, "kept\ntoo\n");
/// ```
pub fn flush_stdout() {
    if CAPTURE.with(std::cell::Cell::get) {
        return;
    }
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
///     write_stderr("note\n"); // outside a capture, "before" would be flushed first
///     write_stdout("after\n");
/// });
/// assert_eq!(text, "before\nafter\n");
/// ```
pub fn write_stderr(s: &str) {
    flush_stdout();
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(s.as_bytes());
    let _ = err.flush();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flushes_inside_a_capture_keep_the_text() {
        let (text, ()) = capture(|| {
            write_stdout("a\n");
            flush_stdout();
            write_stderr("");
            write_stdout("b\n");
        });
        assert_eq!(text, "a\nb\n");
        assert!(!CAPTURE.with(std::cell::Cell::get));
    }

    #[test]
    fn nested_captures_return_their_own_text() {
        let (outer, inner) = capture(|| {
            write_stdout("1\n");
            let (inner, ()) = capture(|| write_stdout("2\n"));
            write_stdout("3\n");
            inner
        });
        assert_eq!((outer.as_str(), inner.as_str()), ("1\n3\n", "2\n"));
    }

    #[test]
    fn a_panicking_capture_restores_the_enclosing_one() {
        let (outer, caught) = capture(|| {
            write_stdout("before\n");
            let caught = std::panic::catch_unwind(|| {
                capture(|| {
                    write_stdout("lost\n");
                    panic!("boom");
                })
            });
            write_stdout("after\n");
            caught.is_err()
        });
        assert!(caught);
        assert_eq!(outer, "before\nafter\n");
        assert!(!CAPTURE.with(std::cell::Cell::get));
    }
}
