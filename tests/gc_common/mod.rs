//! Helpers shared by the weak reference, finalizer and collector suites
//! (`weakref_*.rs`, `gc_*.rs`): the leak check, classes and attributes, a logging
//! callable type, a finalizer type from a spec (which may resurrect its instances), an
//! unraisable-report capture, and the recorded CPython fixture.
//!
//! Logs and the resurrection list are per thread: every test runs under the runtime
//! lock on its own thread, so finalizers and callbacks run on the test's thread.
#![allow(dead_code)]

use pyrt::builtins::{StrObject, intern, str_new};
use pyrt::types::{SlotId, SlotValue};
use pyrt::unraisable::{Unraisable, set_unraisable_hook};
use pyrt::weakref::WeakRef;
use pyrt::{Bound, Py, PyAny, PyErr, PyResult, Python, Slot, TypeFlags, TypeObject, TypeSpec};
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

thread_local! {
    static LOG: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    static SAVED: RefCell<Vec<Py<PyAny>>> = const { RefCell::new(Vec::new()) };
    static WATCHED: RefCell<Vec<Py<WeakRef>>> = const { RefCell::new(Vec::new()) };
}

// ------------------------------------------------------------------ leak check

/// Runs `f` in the runtime; checks that everything it allocated is freed by its end
/// (after a full collection) and that the per-thread lists were emptied.
pub fn checked<R>(f: impl for<'py> FnOnce(Python<'py>) -> R) -> R {
    pyrt::Runtime::with(|py| {
        pyrt::gc::collect(py, 2);
        take_log();
        let before = py.live_objects();
        let r = f(py);
        release_saved(py);
        WATCHED.with(|w| w.borrow_mut().clear());
        pyrt::gc::collect(py, 2);
        assert_eq!(py.live_objects(), before, "objects leaked by the test");
        r
    })
}

// ------------------------------------------------------------------ fixture

/// One recorded CPython outcome of `tests/fixtures/weakref_expected.txt`.
pub fn cpython(case: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/weakref_expected.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let map: HashMap<&str, &str> = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .collect();
    map.get(case)
        .unwrap_or_else(|| panic!("case {case:?} missing from weakref_expected.txt"))
        .to_string()
}

/// `Type: message`, as the fixtures write exceptions.
pub fn err_text(py: Python<'_>, e: &PyErr) -> String {
    format!("{}: {}", e.type_name(py), e.message(py))
}

/// Replaces every `0x…` address by `ADDR`, as the fixtures do.
pub fn addr(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find("0x") {
        out.push_str(&rest[..i]);
        out.push_str("ADDR");
        rest = rest[i + 2..].trim_start_matches(|c: char| c.is_ascii_hexdigit());
    }
    out.push_str(rest);
    out
}

// ------------------------------------------------------------------ objects

/// A plain class `name` (instances have a `__dict__` and a `__weakref__` slot).
pub fn class<'py>(py: Python<'py>, name: &str) -> Bound<'py, TypeObject> {
    pyrt::new_class(py, name, &[], None).unwrap()
}

/// `cls()`.
pub fn new<'py>(py: Python<'py>, cls: &Bound<'py, TypeObject>) -> Bound<'py, PyAny> {
    pyrt::call_type(py, cls, &[]).unwrap()
}

/// `obj.name = value`.
pub fn set(py: Python<'_>, obj: &Bound<'_, PyAny>, name: &str, value: &Bound<'_, PyAny>) {
    let n = intern(py, name).unwrap().into_any();
    pyrt::attr::setattr(py, obj, &n, Some(value)).unwrap();
}

/// `obj.name`, or `None` when absent.
pub fn get<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>, name: &str) -> Option<Bound<'py, PyAny>> {
    let n = intern(py, name).unwrap().into_any();
    pyrt::attr::getattr(py, obj, &n).ok()
}

/// A str object.
pub fn s<'py>(py: Python<'py>, text: &str) -> Bound<'py, PyAny> {
    str_new(py, text).unwrap().into_any()
}

/// The text of a str object.
pub fn text(obj: &Bound<'_, PyAny>) -> String {
    obj.downcast::<StrObject>().unwrap().as_str().to_owned()
}

/// `repr(obj)` as a Rust string.
pub fn repr(py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyResult<String> {
    let f = obj.ob_type().tp_repr.get().expect("a repr slot");
    Ok(text(&f(py, obj)?))
}

/// The `label` attribute of `obj` (or `?`).
pub fn label(py: Python<'_>, obj: &Bound<'_, PyAny>) -> String {
    get(py, obj, "label").map_or("?".to_owned(), |l| text(&l))
}

// ------------------------------------------------------------------ logs

/// Appends to this thread's log.
pub fn log(entry: impl Into<String>) {
    LOG.with(|l| l.borrow_mut().push(entry.into()));
}

/// Empties this thread's log, returning it.
pub fn take_log() -> Vec<String> {
    LOG.with(|l| std::mem::take(&mut *l.borrow_mut()))
}

/// Weak references whose state the recorder and the finalizer log (`watched=` part).
pub fn watch(r: &Bound<'_, WeakRef>) {
    WATCHED.with(|w| w.borrow_mut().push(r.clone().unbind()));
}

fn watched_state(py: Python<'_>) -> String {
    WATCHED.with(|w| {
        w.borrow()
            .iter()
            .map(|r| {
                if r.bind(py).is_alive() {
                    "alive"
                } else {
                    "dead"
                }
            })
            .collect::<Vec<_>>()
            .join(",")
    })
}

/// Objects resurrected by finalizers, released (and the list emptied).
pub fn release_saved(py: Python<'_>) {
    let saved = SAVED.with(|s| std::mem::take(&mut *s.borrow_mut()));
    for p in saved {
        drop(p.into_bound(py));
    }
}

/// Number of objects resurrected by finalizers and still held.
pub fn saved_count() -> usize {
    SAVED.with(|s| s.borrow().len())
}

// ------------------------------------------------------------------ a callable

/// `tp_call` of `Recorder`: logs `"{label} arg_dead={} callback_none={} watched=…"` for
/// its single argument (a weak reference) and returns `None`; a label starting with
/// `raise` raises `ValueError: boom`.
fn recorder_call<'py>(
    py: Python<'py>,
    me: &Bound<'py, PyAny>,
    args: &Bound<'py, PyAny>,
    _kwargs: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let who = label(py, me);
    if who.starts_with("raise") {
        return Err(PyErr::value_error(py, "boom"));
    }
    // SAFETY: tp_call receives an args tuple.
    let args = unsafe { args.downcast_unchecked::<pyrt::builtins::TupleObject>() };
    let arg = args.get(py, 0).unwrap();
    let wr = arg.downcast::<WeakRef>().unwrap();
    log(format!(
        "{who} arg_dead={} callback_none={} watched={}",
        !wr.is_alive(),
        wr.callback(py).is_none(),
        watched_state(py)
    ));
    Ok(pyrt::protocol::none(py))
}

/// A callable class: `Recorder(label)` instances log when called (see
/// [`recorder_call`]).
pub fn recorder_type<'py>(py: Python<'py>) -> Bound<'py, TypeObject> {
    let base = class(py, "RecorderBase");
    let spec = TypeSpec {
        name: "tests.Recorder",
        basicsize: 0,
        itemsize: 0,
        flags: TypeFlags::DEFAULT | TypeFlags::BASETYPE,
        slots: &[Slot::new(
            SlotId::TP_CALL,
            SlotValue::Ternary(recorder_call),
        )],
    };
    pyrt::from_spec(py, &spec, Some(&[base.into_any()]), None, None).unwrap()
}

/// A `Recorder` instance with this label.
pub fn recorder<'py>(
    py: Python<'py>,
    tp: &Bound<'py, TypeObject>,
    name: &str,
) -> Bound<'py, PyAny> {
    let r = new(py, tp);
    set(py, &r, "label", &s(py, name));
    r
}

// ------------------------------------------------------------------ a finalizer

/// `tp_finalize` of `Fin`: logs `"del {label} watched=…"`; resurrects the object (keeps
/// a reference in this thread's saved list) when it has a true `resurrect` attribute.
fn fin_finalize(py: Python<'_>, me: &Bound<'_, PyAny>) {
    log(format!(
        "del {} watched={}",
        label(py, me),
        watched_state(py)
    ));
    if let Some(r) = get(py, me, "resurrect")
        && pyrt::protocol::is_true(py, &r).unwrap_or(false)
    {
        SAVED.with(|s| s.borrow_mut().push(me.clone().unbind()));
    }
}

/// A native type with a `tp_finalize` (made from a spec over a plain class, so its
/// instances have a `__dict__` and a `__weakref__` slot).
pub fn fin_type<'py>(py: Python<'py>) -> Bound<'py, TypeObject> {
    let base = class(py, "FinBase");
    let spec = TypeSpec {
        name: "tests.Fin",
        basicsize: 0,
        itemsize: 0,
        flags: TypeFlags::DEFAULT | TypeFlags::BASETYPE,
        slots: &[Slot::new(
            SlotId::TP_FINALIZE,
            SlotValue::ObjProc(fin_finalize),
        )],
    };
    pyrt::from_spec(py, &spec, Some(&[base.into_any()]), None, None).unwrap()
}

/// A `Fin` instance with this label.
pub fn fin<'py>(py: Python<'py>, tp: &Bound<'py, TypeObject>, name: &str) -> Bound<'py, PyAny> {
    let r = new(py, tp);
    set(py, &r, "label", &s(py, name));
    r
}

// ------------------------------------------------------------------ unraisable

/// Runs `f` with the unraisable hook capturing reports as their default text (one
/// entry per report), restoring the previous hook afterwards.
pub fn capture_unraisable<R>(py: Python<'_>, f: impl FnOnce() -> R) -> (R, Vec<String>) {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let sink = seen.clone();
    let old = set_unraisable_hook(
        py,
        Some(Arc::new(move |py: Python<'_>, u: &Unraisable<'_, '_>| {
            sink.lock()
                .unwrap()
                .push(pyrt::unraisable::format_unraisable(py, u))
        })),
    );
    let r = f();
    set_unraisable_hook(py, old);
    let reports = seen.lock().unwrap().clone();
    (r, reports)
}

// ------------------------------------------------------------------ size scale

/// `n` scaled by the `PYRT_TEST_SCALE` environment variable (a factor in `(0, 1]`,
/// default 1; at least 1 is returned). The sanitizer script sets it so the tests that
/// build a million objects finish under valgrind; the scaled run is announced on
/// stderr, never silent.
pub fn scaled(n: usize) -> usize {
    let factor = std::env::var("PYRT_TEST_SCALE")
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        .filter(|f| *f > 0.0 && *f < 1.0);
    match factor {
        Some(f) => {
            let m = ((n as f64 * f) as usize).max(1);
            eprintln!("PYRT_TEST_SCALE={f}: {m} instead of {n}");
            m
        }
        None => n,
    }
}
