//! What happens to weak references when their referent's count reaches zero, in
//! CPython's order (recorded by `tests/fixtures/record_weakref.py`): the finalizer
//! first (it still sees the references alive), then every reference is cleared, then
//! the callbacks run newest first, each seeing all references dead and its own
//! `__callback__` cleared; errors in callbacks are reported as unraisable.

mod gc_common;

use gc_common::*;
use pyrt::builtins::int_new;
use pyrt::weakref::weakref_new;

/// `['a', 'b']` as Python prints a list of str without quotes inside.
fn py_list(items: &[&str]) -> String {
    let quoted: Vec<String> = items
        .iter()
        .map(|i| {
            if i.contains('\'') {
                format!("\"{i}\"")
            } else {
                format!("'{i}'")
            }
        })
        .collect();
    format!("[{}]", quoted.join(", "))
}

#[test]
fn callbacks_run_newest_first() {
    checked(|py| {
        let x = new(py, &class(py, "A"));
        let rec = recorder_type(py);
        let basic = weakref_new(py, &x, None).unwrap();
        let cbs: Vec<_> = ["1", "2", "3"]
            .iter()
            .map(|l| weakref_new(py, &x, Some(&recorder(py, &rec, l))).unwrap())
            .collect();
        drop(x);
        let order: Vec<String> = take_log()
            .iter()
            .map(|e| e.split(' ').next().unwrap().to_owned())
            .collect();
        assert_eq!(
            format!("[{}]", order.join(", ")),
            cpython("death.callback_order")
        );
        assert!(!basic.is_alive() && cbs.iter().all(|c| !c.is_alive()));
    });
}

#[test]
fn every_reference_is_cleared_before_any_callback_runs() {
    checked(|py| {
        let x = new(py, &class(py, "A"));
        let rec = recorder_type(py);
        let x1 = weakref_new(py, &x, Some(&recorder(py, &rec, "x1"))).unwrap();
        let x2 = weakref_new(py, &x, Some(&recorder(py, &rec, "x2"))).unwrap();
        watch(&x1);
        watch(&x2);
        drop(x);
        // CPython: x2 first, both references dead, the callback attribute cleared.
        assert_eq!(
            cpython("death.callbacks_see_all_cleared"),
            "[('x2', True, True, None), ('x1', True, True, None)]"
        );
        assert_eq!(
            take_log(),
            [
                "x2 arg_dead=true callback_none=true watched=dead,dead",
                "x1 arg_dead=true callback_none=true watched=dead,dead"
            ]
        );
        assert!(x1.callback(py).is_none() && x2.callback(py).is_none());
    });
}

#[test]
fn the_finalizer_runs_before_references_are_cleared() {
    checked(|py| {
        let fin_t = fin_type(py);
        let x = fin(py, &fin_t, "x");
        let cb = recorder(py, &recorder_type(py), "callback");
        let rr = weakref_new(py, &x, Some(&cb)).unwrap();
        watch(&rr);
        drop(x);
        assert_eq!(
            cpython("death.finalizer_before_weakrefs"),
            "[('del', True), 'callback']"
        );
        assert_eq!(
            take_log(),
            [
                "del x watched=alive",
                "callback arg_dead=true callback_none=true watched=dead"
            ]
        );
    });
}

#[test]
fn a_resurrected_referent_keeps_its_references_and_is_finalized_once() {
    checked(|py| {
        let fin_t = fin_type(py);
        let x = fin(py, &fin_t, "x");
        set(py, &x, "resurrect", &pyrt::protocol::bool_obj(py, true));
        let cb = recorder(py, &recorder_type(py), "callback");
        let rx = weakref_new(py, &x, Some(&cb)).unwrap();
        drop(x);
        // CPython: finalized, still referenced, no callback.
        assert_eq!(cpython("resurrect.first_death"), "(['del'], True, 1)");
        assert_eq!(take_log(), ["del x watched="]);
        assert!(rx.is_alive());
        assert_eq!(saved_count(), 1);
        let back = rx.upgrade(py).unwrap();
        assert!(pyrt::gc::is_finalized(&back));
        assert!(pyrt::gc::is_tracked(&back), "tracked again");
        drop(back);
        release_saved(py);
        // CPython: no second finalizer call; the callback runs.
        assert_eq!(
            cpython("resurrect.second_death"),
            "(['del', 'callback'], True)"
        );
        assert_eq!(
            take_log(),
            ["callback arg_dead=true callback_none=true watched="]
        );
        assert!(!rx.is_alive());
    });
}

#[test]
fn a_callback_of_a_reference_held_by_its_referent_runs() {
    checked(|py| {
        let x = new(py, &class(py, "A"));
        let cb = recorder(py, &recorder_type(py), "called");
        let w = weakref_new(py, &x, Some(&cb)).unwrap();
        set(py, &x, "w", w.as_any());
        drop(w);
        drop(x);
        assert_eq!(
            cpython("death.callback_of_ref_held_by_referent"),
            py_list(&["called"])
        );
        let log = take_log();
        assert_eq!(log.len(), 1);
        assert!(log[0].starts_with("called arg_dead=true"));
    });
}

#[test]
fn a_callback_of_a_dead_reference_never_runs() {
    checked(|py| {
        let x = new(py, &class(py, "A"));
        let cb = recorder(py, &recorder_type(py), "never");
        let w = weakref_new(py, &x, Some(&cb)).unwrap();
        drop(w);
        drop(x);
        assert_eq!(cpython("death.callback_of_dead_ref"), "[]");
        assert!(take_log().is_empty());
    });
}

/// The first and last line of a default unraisable report (the fixture keeps those:
/// pyrt prints no traceback in between).
fn report_lines(report: &str) -> String {
    let lines: Vec<&str> = report.lines().collect();
    py_list(&[lines[0], lines[lines.len() - 1]])
}

#[test]
fn errors_in_callbacks_are_reported_as_unraisable() {
    checked(|py| {
        let rec = recorder_type(py);
        let bad = recorder(py, &rec, "raise");
        let bad_repr = repr(py, &bad).unwrap();
        let three = int_new(py, 3).unwrap().into_any();
        let ((), reports) = capture_unraisable(py, || {
            let x = new(py, &class(py, "A"));
            let _w1 = weakref_new(py, &x, Some(&bad)).unwrap();
            let _w2 = weakref_new(py, &x, Some(&three)).unwrap();
            drop(x);
        });
        assert_eq!(reports.len(), 2, "{reports:?}");
        // Newest first: the non-callable one, then the raising one.
        assert_eq!(
            report_lines(&reports[0]),
            cpython("unraisable.non_callable")
        );
        let want = cpython("unraisable.callback").replace(
            "<function raising_callback.<locals>.bad at ADDR>",
            &addr(&bad_repr),
        );
        assert_eq!(addr(&report_lines(&reports[1])), want);
    });
}

#[test]
fn an_exception_with_an_empty_message_is_reported_with_a_trailing_space() {
    checked(|py| {
        let args = pyrt::builtins::tuple_new(py, &[]).unwrap();
        let e = pyrt::PyErr::with_args(py, py.builtins().value_error(), args);
        let report = pyrt::unraisable::format_unraisable(
            py,
            &pyrt::unraisable::Unraisable {
                error: &e,
                object: None,
            },
        );
        let last = cpython("unraisable.empty_message");
        assert!(last.ends_with("'ValueError: ']"), "{last}");
        assert_eq!(report, "ValueError: \n");
    });
}
