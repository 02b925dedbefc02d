//! Printing an uncaught exception as CPython does: `Traceback (most recent call
//! last):`, one `  File "x.py", line N, in f` entry per frame (with the source line),
//! the chained cause/context first, and the final `Type: message` line.
//!
//! Owns the text of the report. Must not decide exit codes (`cli`).

use pyrt_core::builtins::{BaseExceptionObject, IntObject, ListObject, StrObject, TupleObject};
use pyrt_core::{Bound, PyAny, PyErr, Python, TypeFlags};

/// The report for an uncaught `err` raised by code from `filename` with text `source`.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let g = minipy::eval::new_globals(py).unwrap();
///     let src = "def f():\n    return 1 // 0\nf()\n";
///     let Err(minipy::eval::RunError::Exception(e)) = minipy::eval::run_source(py, src, &g, false) else { panic!() };
///     let text = minipy::traceback::format_exception(py, &e, "x.py", src);
///     assert!(text.starts_with("Traceback (most recent call last):\n  File \"x.py\", line 3, in <module>\n"));
///     assert!(text.ends_with("ZeroDivisionError: integer division or modulo by zero\n"));
///     g.clear(py);
/// });
/// ```
pub fn format_exception(py: Python<'_>, err: &PyErr, filename: &str, source: &str) -> String {
    let mut out = String::new();
    format_chain(py, err.value(py), filename, source, &mut out, 0);
    out
}

fn format_chain(
    py: Python<'_>,
    exc: &Bound<'_, PyAny>,
    filename: &str,
    source: &str,
    out: &mut String,
    depth: usize,
) {
    if let Ok(p) = exc.downcast::<BaseExceptionObject>()
        && depth < 32
    {
        if let Some(cause) = p.cause.get(py) {
            format_chain(py, &cause, filename, source, out, depth + 1);
            out.push_str(
                "\nThe above exception was the direct cause of the following exception:\n\n",
            );
        } else if let Some(ctx) = p.context.get(py).filter(|_| !p.suppress_context.get()) {
            format_chain(py, &ctx, filename, source, out, depth + 1);
            out.push_str(
                "\nDuring handling of the above exception, another exception occurred:\n\n",
            );
        }
    }
    let entries = traceback_entries(py, exc);
    if !entries.is_empty() {
        out.push_str("Traceback (most recent call last):\n");
        for (name, line) in entries.iter().rev() {
            out.push_str(&format!("  File \"{filename}\", line {line}, in {name}\n"));
            if let Some(text) = source.lines().nth(line.saturating_sub(1) as usize) {
                let t = text.trim();
                if !t.is_empty() {
                    out.push_str(&format!("    {t}\n"));
                }
            }
        }
    }
    out.push_str(&last_line(py, exc));
    out.push('\n');
}

/// The `(name, line)` entries recorded in the exception, innermost first.
fn traceback_entries(py: Python<'_>, exc: &Bound<'_, PyAny>) -> Vec<(String, u32)> {
    let Ok(p) = exc.downcast::<BaseExceptionObject>() else {
        return Vec::new();
    };
    let Some(tb) = p.traceback.get(py) else {
        return Vec::new();
    };
    let Ok(list) = tb.downcast::<ListObject>() else {
        return Vec::new();
    };
    list.to_vec(py)
        .iter()
        .filter_map(|t| {
            let t = t.downcast::<TupleObject>().ok()?;
            let name = t
                .get(py, 0)?
                .downcast::<StrObject>()
                .ok()?
                .as_str()
                .to_owned();
            let line = t.get(py, 1)?.downcast::<IntObject>().ok()?.value() as u32;
            Some((name, line))
        })
        .collect()
}

/// `Type: message` (or just `Type` for an empty message).
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let e = pyrt_core::PyErr::type_error(py, "bad");
///     assert_eq!(minipy::traceback::last_line(py, e.value(py)), "TypeError: bad");
/// });
/// ```
pub fn last_line(py: Python<'_>, exc: &Bound<'_, PyAny>) -> String {
    let tp = exc.ob_type();
    let mut name = pyrt_typeobject::names::qualname(py, tp);
    if tp.has_flag(TypeFlags::HEAPTYPE)
        && let Ok(m) = pyrt_typeobject::names::module_name(py, tp)
        && m != "builtins"
        && m != "__main__"
    {
        name = format!("{m}.{name}");
    }
    let msg = match pyrt_typeobject::builtins::call::str_of(py, exc) {
        Ok(s) => s.as_str().to_owned(),
        Err(_) => "<exception str() failed>".into(),
    };
    if msg.is_empty() {
        name
    } else {
        format!("{name}: {msg}")
    }
}
