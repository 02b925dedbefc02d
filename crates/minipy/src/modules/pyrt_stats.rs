//! The `pyrt` module (minipy only): `cache_stats()` returns the method cache's
//! statistics as a dict, `gc_stats()` the collector's per-generation statistics with
//! pyrt's timing extras. Scripts that also run on CPython import it inside
//! `try: ... except ImportError`.
//!
//! Owns the Python view of those statistics and their one-line text for `--stats`.

use crate::builtins::native;
use pyrt_core::builtins::{DictObject, TupleObject, dict_new, int_new, intern, list_new};
use pyrt_core::protocol::bool_obj;
use pyrt_core::types::MethodDef;
use pyrt_core::{Bound, PyAny, PyResult, Python};

type Kw<'a, 'py> = Option<&'a Bound<'py, DictObject>>;
type R<'py> = PyResult<Bound<'py, PyAny>>;

/// The module's functions.
pub static FUNCTIONS: [MethodDef; 2] = [
    native("cache_stats", cache_stats),
    native("gc_stats", gc_stats),
];

fn put<'py>(py: Python<'py>, d: &Bound<'py, DictObject>, k: &str, v: u64) -> PyResult<()> {
    d.set_item(py, intern(py, k)?.as_any(), int_new(py, v as i64)?.as_any())
}

fn cache_stats<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    _args: &Bound<'py, TupleObject>,
    _kw: Kw<'_, 'py>,
) -> R<'py> {
    let s = pyrt_typeobject::method_cache::stats(py);
    let d = dict_new(py)?;
    put(py, &d, "hits", s.hits)?;
    put(py, &d, "misses", s.misses)?;
    put(py, &d, "fills", s.fills)?;
    put(py, &d, "uncacheable_lookups", s.uncacheable_lookups)?;
    put(py, &d, "invalidations", s.invalidations)?;
    put(py, &d, "tags_assigned", s.tags_assigned)?;
    put(py, &d, "uncacheable_types", s.uncacheable_types)?;
    put(py, &d, "flushes", s.flushes)?;
    d.set_item(
        py,
        intern(py, "tag_space_exhausted")?.as_any(),
        &bool_obj(py, s.tag_space_exhausted),
    )?;
    Ok(d.into_any())
}

fn gc_stats<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    _args: &Bound<'py, TupleObject>,
    _kw: Kw<'_, 'py>,
) -> R<'py> {
    let mut out = Vec::new();
    for g in pyrt_core::gc::get_stats(py) {
        let d = dict_new(py)?;
        put(py, &d, "collections", g.collections)?;
        put(py, &d, "collected", g.collected)?;
        put(py, &d, "uncollectable", g.uncollectable)?;
        put(py, &d, "total_time_us", g.total_time.as_micros() as u64)?;
        put(
            py,
            &d,
            "longest_pause_us",
            g.longest_pause.as_micros() as u64,
        )?;
        out.push(d.into_any());
    }
    Ok(list_new(py, &out)?.into_any())
}

/// The statistics report `pyrt --stats` prints to stderr at exit (exercised by the
/// root package's `tests/minipy_cli.rs`).
pub fn report(py: Python<'_>) -> String {
    let s = pyrt_typeobject::method_cache::stats(py);
    let mut out = String::from("--- pyrt statistics ---\n");
    out.push_str(&format!(
        "method cache: {} hits, {} misses, {} fills, {} uncacheable lookups, {} invalidations, {} tags assigned, {} uncacheable types, {} flushes{}\n",
        s.hits,
        s.misses,
        s.fills,
        s.uncacheable_lookups,
        s.invalidations,
        s.tags_assigned,
        s.uncacheable_types,
        s.flushes,
        if s.tag_space_exhausted { ", tag space exhausted" } else { "" }
    ));
    for (i, g) in pyrt_core::gc::get_stats(py).iter().enumerate() {
        out.push_str(&format!(
            "gc generation {i}: {} collections, {} collected, {} uncollectable, longest pause {:?}\n",
            g.collections, g.collected, g.uncollectable, g.longest_pause
        ));
    }
    out.push_str(&format!("live objects: {}\n", py.live_objects()));
    out
}
