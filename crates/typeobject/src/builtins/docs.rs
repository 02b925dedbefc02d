//! The docstrings (`tp_doc`) of the core builtin types and exceptions, as CPython 3.11
//! shows them, recorded by `tests/fixtures/record_builtin_docs.py` into
//! `tests/fixtures/builtin_docs.txt` (one `name<TAB>json-string` line per type).
//!
//! Owns reading that table and storing the texts. Must not touch anything else of the
//! types.

use pyrt_core::Python;
use pyrt_core::builtins::str_new;

const TABLE: &str = include_str!("../../../../tests/fixtures/builtin_docs.txt");

/// Decodes a JSON string literal (with its quotes); `None` for `null` or bad input.
fn decode(json: &str) -> Option<String> {
    let inner = json.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next()? {
            'n' => out.push('\n'),
            't' => out.push('\t'),
            'r' => out.push('\r'),
            'b' => out.push('\u{8}'),
            'f' => out.push('\u{c}'),
            'u' => {
                let hex: String = chars.by_ref().take(4).collect();
                out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
            }
            other => out.push(other),
        }
    }
    Some(out)
}

/// Stores each recorded docstring as its type's `tp_doc` (before readying).
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let doc = py.builtins().object().tp_doc.get(py).unwrap();
///     assert!(doc.as_str().starts_with("The base class of the class hierarchy."));
/// });
/// ```
pub fn install(py: Python<'_>) {
    let all = py.builtins().all();
    for line in TABLE.lines() {
        let Some((name, json)) = line.split_once('\t') else {
            continue;
        };
        let Some(text) = decode(json) else { continue };
        if let Some((_, tp)) = all.iter().find(|(n, _)| *n == name)
            && let Ok(s) = str_new(py, &text)
        {
            tp.tp_doc.set(py, Some(s));
        }
    }
}
