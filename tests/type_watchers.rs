//! Type watchers (`pyrt::watchers`): ids and their limit, errors for bad ids, which
//! modifications call which callbacks and how often, unwatch/clear, callback errors, and
//! callbacks that misbehave. Type watchers appeared in CPython 3.12, so the oracle
//! (3.11) cannot record them: the rules and messages come from the spec
//! (`type-objects-api.txt`, `facts.md` §4: "no more type watcher IDs available", "fire
//! once" until the next lookup, a watched subclass fires when its base changes, errors
//! are unraisable "Exception ignored in type watcher callback #N for <class 'C'>");
//! the `ValueError` texts for bad ids are pyrt's, modelled on 3.12's.
//!
//! Watchers are process-wide: every test clears the ones it added before it ends (the
//! runtime lock keeps other tests out meanwhile).

mod cache_common;

use cache_common::*;
use pyrt::watchers::{self, MAX_TYPE_WATCHERS, add_watcher, clear_watcher, unwatch, watch};
use pyrt::{Bound, PyErr, PyResult, Python, TypeObject};
use std::cell::RefCell;

thread_local! {
    /// (callback label, type name, value of `x` seen by the callback)
    static CALLS: RefCell<Vec<(u8, String, String)>> = const { RefCell::new(Vec::new()) };
    static ERRORS: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// Records a call without looking anything up (a lookup would re-tag the type).
fn record(py: Python<'_>, label: u8, tp: &Bound<'_, TypeObject>) {
    let name = pyrt::names::name(py, tp);
    CALLS.with(|c| c.borrow_mut().push((label, name, "-".to_owned())));
}

fn first<'py>(py: Python<'py>, tp: &Bound<'py, TypeObject>) -> PyResult<()> {
    record(py, 1, tp);
    Ok(())
}

/// Records the value of `x` the callback sees (a lookup, which re-tags the type).
fn seeing<'py>(py: Python<'py>, tp: &Bound<'py, TypeObject>) -> PyResult<()> {
    let x = get(py, tp.as_any(), "x")
        .map(|v| show(&v))
        .unwrap_or_else(|_| "-".into());
    let name = pyrt::names::name(py, tp);
    CALLS.with(|c| c.borrow_mut().push((5, name, x)));
    Ok(())
}

/// Clears the watchers a test added, even when the test fails (they are process-wide).
struct Added<'py>(Python<'py>, Vec<i32>);

impl<'py> Added<'py> {
    fn add(&mut self, cb: pyrt::watchers::TypeWatchCallback) -> i32 {
        let id = add_watcher(self.0, cb).unwrap();
        self.1.push(id);
        id
    }
}

impl Drop for Added<'_> {
    fn drop(&mut self) {
        for &id in &self.1 {
            let _ = clear_watcher(self.0, id);
        }
    }
}

fn second<'py>(py: Python<'py>, tp: &Bound<'py, TypeObject>) -> PyResult<()> {
    record(py, 2, tp);
    Ok(())
}

fn failing<'py>(py: Python<'py>, tp: &Bound<'py, TypeObject>) -> PyResult<()> {
    record(py, 3, tp);
    Err(PyErr::value_error(py, "watcher says no"))
}

/// Modifies the type it is told about (which the spec forbids).
fn meddling<'py>(py: Python<'py>, tp: &Bound<'py, TypeObject>) -> PyResult<()> {
    record(py, 4, tp);
    let n = CALLS.with(|c| c.borrow().len()) as i64;
    set(py, tp.as_any(), "x", Some(&int(py, 100 + n)))
}

fn error_hook(py: Python<'_>, context: &str, e: PyErr) {
    let line = format!("{context} | {}", err_text(py, &e));
    ERRORS.with(|c| c.borrow_mut().push(line));
}

fn take_calls() -> Vec<(u8, String, String)> {
    CALLS.with(|c| std::mem::take(&mut *c.borrow_mut()))
}

fn call(label: u8, name: &str, x: &str) -> (u8, String, String) {
    (label, name.to_owned(), x.to_owned())
}

#[test]
fn ids_are_the_lowest_free_and_limited_to_eight() {
    checked(|py| {
        let mut added = Added(py, Vec::new());
        let ids: Vec<i32> = (0..MAX_TYPE_WATCHERS).map(|_| added.add(first)).collect();
        assert_eq!(ids, (0..8).collect::<Vec<_>>());
        assert_eq!(
            expect_err(py, add_watcher(py, second)),
            "RuntimeError: no more type watcher IDs available"
        );
        clear_watcher(py, 3).unwrap();
        assert_eq!(add_watcher(py, second).unwrap(), 3);
    });
}

#[test]
fn bad_ids_are_value_errors() {
    checked(|py| {
        let a = class(py, "A", &[]);
        assert_eq!(
            expect_err(py, clear_watcher(py, -1)),
            "ValueError: Invalid type watcher ID -1"
        );
        assert_eq!(
            expect_err(py, clear_watcher(py, 8)),
            "ValueError: Invalid type watcher ID 8"
        );
        assert_eq!(
            expect_err(py, watch(py, 9, &a)),
            "ValueError: Invalid type watcher ID 9"
        );
        let id = add_watcher(py, first).unwrap();
        clear_watcher(py, id).unwrap();
        let free = format!("ValueError: No type watcher set for ID {id}");
        assert_eq!(expect_err(py, clear_watcher(py, id)), free);
        assert_eq!(expect_err(py, watch(py, id, &a)), free);
        assert_eq!(expect_err(py, unwatch(py, id, &a)), free);
    });
}

#[test]
fn watching_gives_a_tag() {
    checked(|py| {
        let a = class(py, "A", &[]);
        let mut added = Added(py, Vec::new());
        let id = added.add(first);
        assert_eq!(a.tp_version_tag.get(), 0);
        watch(py, id, &a).unwrap();
        assert_ne!(a.tp_version_tag.get(), 0);
        assert_eq!(a.tp_watched.get(), 1 << id);
        unwatch(py, id, &a).unwrap();
        assert_eq!(a.tp_watched.get(), 0);
    });
}

/// One call per modification; further modifications before the next lookup of the type
/// are not reported.
#[test]
fn a_modification_calls_the_watcher_once() {
    checked(|py| {
        let a = class_with(py, None, "A", &[], &[("x", int(py, 0))]).unwrap();
        let mut added = Added(py, Vec::new());
        let id = added.add(first);
        watch(py, id, &a).unwrap();
        take_calls();
        set(py, a.as_any(), "x", Some(&int(py, 1))).unwrap();
        assert_eq!(take_calls(), [call(1, "A", "-")]);
        set(py, a.as_any(), "x", Some(&int(py, 2))).unwrap();
        assert_eq!(take_calls(), [], "no lookup since the last report");
        assert_eq!(show(&get(py, a.as_any(), "x").unwrap()), "2"); // re-tags A
        set(py, a.as_any(), "x", None).unwrap();
        assert_eq!(take_calls(), [call(1, "A", "-")]);
    });
}

/// The callback runs once the change is complete: it sees the new value.
#[test]
fn the_callback_sees_the_new_state() {
    checked(|py| {
        let a = class_with(py, None, "A", &[], &[("x", int(py, 0))]).unwrap();
        let b = class(py, "B", &[&a]);
        let mut added = Added(py, Vec::new());
        let id = added.add(seeing);
        watch(py, id, &b).unwrap();
        assert_eq!(show(&get(py, b.as_any(), "x").unwrap()), "0");
        take_calls();
        set(py, a.as_any(), "x", Some(&int(py, 1))).unwrap();
        assert_eq!(take_calls(), [call(5, "B", "1")]);
        // The callback's lookup re-tagged B: the next change is reported again.
        set(py, a.as_any(), "x", None).unwrap();
        assert_eq!(take_calls(), [call(5, "B", "-")]);
    });
}

/// Only watched types are reported: a watched subclass when its base changes, not a
/// watched base when a subclass changes, not unrelated types.
#[test]
fn only_watched_types_reached_by_the_change_are_reported() {
    checked(|py| {
        let p = class_with(py, None, "P", &[], &[("x", int(py, 0))]).unwrap();
        let a = class(py, "A", &[&p]);
        let sibling = class(py, "S", &[&p]);
        let unrelated = class(py, "U", &[]);
        let mut added = Added(py, Vec::new());
        let id = added.add(first);
        watch(py, id, &a).unwrap();
        watch(py, id, &unrelated).unwrap();
        watch(py, id, &p).unwrap();
        unwatch(py, id, &p).unwrap();
        assert!(pyrt::method_cache::assign_version_tag(py, &sibling));
        take_calls();
        set(py, sibling.as_any(), "x", Some(&int(py, 5))).unwrap();
        assert_eq!(take_calls(), []);
        set(py, p.as_any(), "x", Some(&int(py, 6))).unwrap();
        assert_eq!(take_calls(), [call(1, "A", "-")]);
        assert!(pyrt::method_cache::assign_version_tag(py, &a));
        set(py, a.as_any(), "x", Some(&int(py, 7))).unwrap();
        assert_eq!(take_calls(), [call(1, "A", "-")]);
        pyrt::type_modified(py, &unrelated);
        assert_eq!(take_calls(), [call(1, "U", "-")]);
    });
}

/// A watched base and a watched subclass changed together: the subclass is reported
/// first, as in CPython.
#[test]
fn subclasses_are_reported_before_their_base() {
    checked(|py| {
        let p = class(py, "P", &[]);
        let a = class(py, "A", &[&p]);
        let mut added = Added(py, Vec::new());
        let id = added.add(first);
        watch(py, id, &p).unwrap();
        watch(py, id, &a).unwrap();
        take_calls();
        pyrt::type_modified(py, &p);
        assert_eq!(take_calls(), [call(1, "A", "-"), call(1, "P", "-")]);
    });
}

#[test]
fn every_watcher_of_a_type_is_called_in_id_order() {
    checked(|py| {
        let a = class(py, "A", &[]);
        let mut added = Added(py, Vec::new());
        let one = added.add(first);
        let two = added.add(second);
        watch(py, two, &a).unwrap();
        watch(py, one, &a).unwrap();
        take_calls();
        pyrt::type_modified(py, &a);
        assert_eq!(take_calls(), [call(1, "A", "-"), call(2, "A", "-")]);
    });
}

#[test]
fn unwatch_and_clear_watcher_stop_the_calls() {
    checked(|py| {
        let a = class(py, "A", &[]);
        let b = class(py, "B", &[]);
        let id = add_watcher(py, first).unwrap();
        watch(py, id, &a).unwrap();
        watch(py, id, &b).unwrap();
        unwatch(py, id, &a).unwrap();
        take_calls();
        pyrt::type_modified(py, &a);
        assert_eq!(take_calls(), []);
        clear_watcher(py, id).unwrap();
        assert!(pyrt::method_cache::assign_version_tag(py, &b));
        pyrt::type_modified(py, &b);
        assert_eq!(take_calls(), []);
    });
}

/// MRO changes report too (`__bases__` assignment).
#[test]
fn bases_assignment_is_reported() {
    checked(|py| {
        let c = class(py, "C", &[]);
        let c2 = class(py, "C2", &[]);
        let d = class(py, "D", &[&c]);
        let mut added = Added(py, Vec::new());
        let id = added.add(first);
        watch(py, id, &d).unwrap();
        take_calls();
        pyrt::type_mutation::set_bases(py, &d, Some(&tuple(py, &[c2.into_any()]))).unwrap();
        assert_eq!(take_calls(), [call(1, "D", "-")]);
    });
}

#[test]
fn callback_errors_go_to_the_error_hook() {
    checked(|py| {
        let a = class(py, "A", &[]);
        let previous = watchers::set_error_hook(py, Some(error_hook));
        let mut added = Added(py, Vec::new());
        let ok = added.add(first);
        let bad = added.add(failing);
        watch(py, ok, &a).unwrap();
        watch(py, bad, &a).unwrap();
        take_calls();
        pyrt::type_modified(py, &a);
        watchers::set_error_hook(py, previous);
        assert_eq!(take_calls(), [call(1, "A", "-"), call(3, "A", "-")]);
        let errors = ERRORS.with(|e| std::mem::take(&mut *e.borrow_mut()));
        assert_eq!(
            errors,
            [format!(
                "Exception ignored in type watcher callback #{bad} for <class '__main__.A'> | ValueError: watcher says no"
            )]
        );
    });
}

/// A callback that modifies the type it is told about does not recurse; its change is
/// made (and seen by lookups) but not reported.
#[test]
fn a_meddling_callback_does_not_recurse() {
    checked(|py| {
        let a = class_with(py, None, "A", &[], &[("x", int(py, 0))]).unwrap();
        let mut added = Added(py, Vec::new());
        let id = added.add(meddling);
        watch(py, id, &a).unwrap();
        take_calls();
        set(py, a.as_any(), "x", Some(&int(py, 1))).unwrap();
        assert_eq!(take_calls(), [call(4, "A", "-")]);
        assert_eq!(show(&get(py, a.as_any(), "x").unwrap()), "101");
    });
}
