//! The `gc` facade for embedders (`pyrt::gc`): Python's `gc` module API over handles,
//! with CPython's messages (recorded by `tests/fixtures/record_weakref.py`), and the
//! safe points where automatic collections happen.

mod gc_common;

use gc_common::*;
use pyrt::builtins::list_new;
use pyrt::gc::{self, CallbackPhase, DebugFlags, Phase};
use pyrt::types::{SlotId, SlotValue};
use pyrt::weakref::weakref_new;
use pyrt::{Bound, Py, PyAny, Python, Slot, TypeFlags, TypeObject, TypeSpec};
use std::sync::{Arc, Mutex};

/// A self-cycle instance of a fresh class (garbage once dropped: 2 objects).
fn cycle<'py>(py: Python<'py>, cls: &Bound<'py, TypeObject>) -> Bound<'py, PyAny> {
    let a = new(py, cls);
    set(py, &a, "me", &a);
    a
}

#[test]
fn invalid_generations_are_refused_with_cpythons_messages() {
    checked(|py| {
        let e = gc::try_collect(py, 3).unwrap_err();
        assert_eq!(err_text(py, &e), cpython("gc.collect_invalid"));
        let e = gc::get_objects(py, Some(3)).unwrap_err();
        assert_eq!(err_text(py, &e), cpython("gc.get_objects_invalid"));
        assert_eq!(gc::try_collect(py, 0).unwrap(), 0);
    });
}

/// Thresholds, counts, the enabled switch and the safe points, in one test: other
/// tests of this binary run while the lock is free, so the settings are restored.
#[test]
fn automatic_collection_happens_only_at_safe_points() {
    let (kept, live, baseline) = pyrt::Runtime::with(|py| {
        let t = gc::get_threshold(py);
        assert_eq!(
            format!("({}, {}, {})", t[0], t[1], t[2]),
            cpython("gc.thresholds")
        );
        gc::collect(py, 2);
        let baseline = py.live_objects();
        gc::set_threshold(py, 5, None, None);
        let cls = class(py, "Auto");
        let young_before = gc::get_stats(py)[0].collections;
        // Allocation never collects, however far over the threshold.
        let a = cycle(py, &cls);
        let w = weakref_new(py, &a, None).unwrap();
        drop(a);
        let junk: Vec<_> = (0..50).map(|_| list_new(py, &[]).unwrap()).collect();
        assert!(gc::get_count(py)[0] > 5);
        assert_eq!(gc::get_stats(py)[0].collections, young_before);
        assert!(w.is_alive());
        // Disabled: the safe point does nothing.
        gc::disable(py);
        assert!(!gc::isenabled(py));
        assert!(py.gc_safe_point().is_none());
        gc::enable(py);
        // Enabled: it collects the young generation.
        let run = py.gc_safe_point().expect("over the threshold");
        assert_eq!(run.generation.index(), 0);
        assert!(!w.is_alive());
        assert_eq!(gc::get_count(py)[0], 0);
        drop(junk);
        // Leave garbage behind and a weak reference to watch it from outside, with
        // enough live allocations to be over the threshold.
        let b = cycle(py, &cls);
        let wb = weakref_new(py, &b, None).unwrap();
        drop(b);
        let live: Vec<Py<PyAny>> = (0..10)
            .map(|_| list_new(py, &[]).unwrap().into_any().unbind())
            .collect();
        assert!(gc::get_count(py)[0] > 5);
        assert!(wb.is_alive());
        (wb.unbind(), live, baseline)
    });
    // The next outermost entry into the runtime is a safe point too.
    pyrt::Runtime::with(|py| {
        let wb = kept.bind(py);
        assert!(!wb.is_alive(), "collected on entry");
        gc::set_threshold(py, 700, Some(10), Some(10));
    });
    // Other tests of this binary end with nothing of theirs alive, so after a full
    // collection the heap is back where this test started.
    pyrt::Runtime::with(|py| {
        drop(kept.into_bound(py));
        drop(live);
        gc::collect(py, 2);
        assert_eq!(py.live_objects(), baseline, "objects leaked by the test");
    });
}

#[test]
fn stats_count_collections_results_and_phase_times() {
    checked(|py| {
        let cls = class(py, "S");
        let before = gc::get_stats(py)[2];
        drop(cycle(py, &cls));
        // One object, as in CPython 3.11: the attribute lives in the instance's values.
        assert_eq!(gc::collect(py, 2), 1);
        let after = gc::get_stats(py)[2];
        assert_eq!(after.collections, before.collections + 1);
        assert_eq!(after.collected, before.collected + 1);
        assert_eq!(after.uncollectable, before.uncollectable);
        let phases: std::time::Duration = Phase::ALL.iter().map(|p| after.phase(*p)).sum();
        assert!(phases <= after.total_time);
        assert!(after.longest_pause >= before.longest_pause);
    });
}

#[test]
fn objects_by_generation_and_promotion() {
    checked(|py| {
        gc::collect(py, 2);
        let l = list_new(py, &[]).unwrap().into_any();
        let in_gen = |g: usize| {
            gc::get_objects(py, Some(g))
                .unwrap()
                .iter()
                .any(|o| o.is(&l))
        };
        assert!(in_gen(0) && !in_gen(1));
        gc::collect(py, 0);
        assert!(!in_gen(0) && in_gen(1));
        gc::collect(py, 1);
        assert!(in_gen(2));
        assert!(gc::get_objects(py, None).unwrap().iter().any(|o| o.is(&l)));
    });
}

#[test]
fn referents_and_referrers() {
    checked(|py| {
        let cls = class(py, "R");
        let a = new(py, &cls);
        let value = s(py, "v");
        set(py, &a, "x", &value);
        // Reading `__dict__` turns the instance's attribute values into a dict for good.
        let dict = pyrt::attr::instance_dict(py, &a)
            .unwrap()
            .unwrap()
            .into_any();
        // An instance refers to its dict and its class; the dict to its keys and values.
        let of_a = gc::get_referents(py, std::slice::from_ref(&a));
        assert!(of_a.iter().any(|o| o.is(&dict)));
        assert!(of_a.iter().any(|o| o.is(&cls)));
        let of_dict = gc::get_referents(py, std::slice::from_ref(&dict));
        assert!(of_dict.iter().any(|o| o.is(&value)));
        let who = gc::get_referrers(py, std::slice::from_ref(&value));
        assert_eq!(who.len(), 1);
        assert!(who[0].is(&dict));
        // Objects that are not collectable have no referents.
        assert!(gc::get_referents(py, &[value]).is_empty());
    });
}

#[test]
fn tracking_and_finalized_state() {
    checked(|py| {
        let cls = class(py, "T");
        let a = new(py, &cls);
        assert!(gc::is_tracked(&a) && !gc::is_finalized(&a));
        assert!(gc::is_tracked(cls.as_any()), "heap types are collectable");
        let int = Bound::from_ref(py, py.builtins().int()).into_any();
        assert!(!gc::is_tracked(&int), "static types are not");
        assert!(!gc::is_tracked(&s(py, "x")));
        let fin_t = fin_type(py);
        let f = fin(py, &fin_t, "f");
        set(py, &f, "resurrect", &pyrt::protocol::bool_obj(py, true));
        let w = weakref_new(py, &f, None).unwrap();
        drop(f);
        take_log();
        assert!(gc::is_finalized(&w.upgrade(py).unwrap()));
    });
}

#[test]
fn freeze_hides_objects_from_collections() {
    checked(|py| {
        let cls = class(py, "F");
        let a = cycle(py, &cls);
        let w = weakref_new(py, &a, None).unwrap();
        drop(a);
        gc::freeze(py);
        assert!(gc::get_freeze_count(py) > 0);
        assert!(gc::get_objects(py, None).unwrap().is_empty());
        gc::collect(py, 2);
        assert!(w.is_alive(), "frozen garbage is not collected");
        gc::unfreeze(py);
        assert_eq!(gc::get_freeze_count(py), 0);
        gc::collect(py, 2);
        assert!(!w.is_alive());
    });
}

#[test]
fn callbacks_are_told_start_and_stop_with_results() {
    checked(|py| {
        let cls = class(py, "C");
        let seen = Arc::new(Mutex::new(Vec::new()));
        let log = seen.clone();
        let id = gc::add_callback(py, move |py, phase, info| {
            // Callbacks run under the lock and may use the runtime.
            let _ = py.live_objects();
            log.lock().unwrap().push((
                phase,
                info.generation.index(),
                info.collected,
                info.uncollectable,
            ));
        });
        drop(cycle(py, &cls));
        gc::collect(py, 2);
        assert!(gc::remove_callback(py, id));
        gc::collect(py, 2);
        assert_eq!(
            *seen.lock().unwrap(),
            [
                (CallbackPhase::Start, 2, 0, 0),
                (CallbackPhase::Stop, 2, 1, 0)
            ]
        );
    });
}

/// Runs a full collection of one garbage cycle under `flags`, returning the debug
/// lines with addresses and numbers normalised as the fixture writes them.
fn debug_lines(py: Python<'_>, flags: DebugFlags) -> Vec<String> {
    let cls = class(py, "Cyclic");
    gc::collect(py, 2);
    drop(cycle(py, &cls));
    let lines = Arc::new(Mutex::new(Vec::new()));
    let out = lines.clone();
    gc::set_debug_output(
        py,
        Some(Box::new(move |l: &str| {
            out.lock().unwrap().push(l.to_owned())
        })),
    );
    gc::set_debug(py, flags);
    gc::collect(py, 2);
    gc::set_debug(py, DebugFlags::NONE);
    gc::set_debug_output(py, None);
    let got = lines.lock().unwrap().clone();
    got.iter()
        .map(|l| {
            let l = addr(l);
            let mut out = String::new();
            let mut in_num = false;
            for c in l.chars() {
                if c.is_ascii_digit() {
                    if !in_num {
                        out.push('N');
                    }
                    in_num = true;
                } else {
                    out.push(c);
                    in_num = false;
                }
            }
            out
        })
        .collect()
}

fn py_list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("'{i}'")).collect();
    format!("[{}]", quoted.join(", "))
}

#[test]
fn debug_flags_print_cpythons_lines() {
    checked(|py| {
        assert_eq!(
            py_list(&debug_lines(py, DebugFlags::STATS)),
            cpython("gc.debug_stats")
        );
        // The instance keeps its attribute in its values (no dict object), as CPython's.
        let collectable = debug_lines(py, DebugFlags::COLLECTABLE);
        assert_eq!(py_list(&collectable), cpython("gc.debug_collectable"));
    });
}

#[test]
fn saveall_keeps_every_unreachable_object_in_garbage() {
    checked(|py| {
        let cls = class(py, "A");
        drop(cycle(py, &cls));
        gc::set_debug(py, DebugFlags::SAVEALL);
        let found = gc::collect(py, 2);
        gc::set_debug(py, DebugFlags::NONE);
        let names: Vec<String> = gc::garbage(py).iter().map(|o| o.type_name()).collect();
        assert_eq!(cpython("gc.saveall"), "(1, ['A'])");
        assert_eq!(found, 1);
        assert_eq!(names, ["A"]);
        gc::clear_garbage(py);
        assert!(gc::garbage(py).is_empty());
        assert_eq!(gc::collect(py, 2), 1, "collectable again once released");
    });
}

fn legacy_del(_py: Python<'_>, _obj: &Bound<'_, PyAny>) {}

#[test]
fn objects_with_a_legacy_del_are_uncollectable() {
    checked(|py| {
        let cls = class(py, "Legacy");
        cls.tp_del.set(Some(legacy_del));
        let before = gc::get_stats(py)[2].uncollectable;
        drop(cycle(py, &cls));
        let lines = Arc::new(Mutex::new(Vec::new()));
        let out = lines.clone();
        gc::set_debug_output(
            py,
            Some(Box::new(move |l: &str| {
                out.lock().unwrap().push(l.to_owned())
            })),
        );
        gc::set_debug(py, DebugFlags::UNCOLLECTABLE);
        let r = gc::collect_result(py, 2);
        gc::set_debug(py, DebugFlags::NONE);
        gc::set_debug_output(py, None);
        assert_eq!((r.collected, r.uncollectable), (0, 1));
        assert_eq!(gc::get_stats(py)[2].uncollectable, before + 1);
        assert!(addr(&lines.lock().unwrap()[0]).starts_with("gc: uncollectable <Legacy ADDR>"));
        let garbage = gc::garbage(py);
        assert_eq!(
            garbage.len(),
            1,
            "only the object with the legacy finalizer"
        );
        // Break the cycle, then release the list: refcounting frees it.
        pyrt::attr::setattr(py, &garbage[0], &s(py, "me"), None).unwrap();
        drop(garbage);
        gc::clear_garbage(py);
    });
}

/// A `tp_traverse` that reports the instance's dict twice.
fn double_visit(obj: &PyAny, visit: &mut dyn FnMut(std::ptr::NonNull<PyAny>)) {
    if let Some(d) = pyrt::object::dict_slot(obj).and_then(|c| c.dict_ptr()) {
        visit(d);
        visit(d);
    }
}

#[cfg(debug_assertions)]
#[test]
fn verify_catches_a_traverse_that_visits_an_edge_twice() {
    checked(|py| {
        assert_eq!(gc::verify(py), Ok(()));
        let base = class(py, "Base");
        let spec = TypeSpec {
            name: "tests.Double",
            basicsize: 0,
            itemsize: 0,
            flags: TypeFlags::DEFAULT | TypeFlags::HAVE_GC,
            slots: &[Slot::new(
                SlotId::TP_TRAVERSE,
                SlotValue::Traverse(double_visit),
            )],
        };
        // SAFETY: the traversal visits only the instance's own dict (a reference it
        // owns) — twice, which is the bug `verify` must find, not a memory hazard.
        let tp = unsafe {
            pyrt::from_spec_unchecked(py, &spec, Some(&[base.into_any()]), None, None).unwrap()
        };
        let d = new(py, &tp);
        set(py, &d, "x", &d.get_type().into_any());
        match gc::verify(py) {
            Err(gc::VerifyError::OverVisited {
                visits, refcount, ..
            }) => {
                assert_eq!((visits, refcount), (2, 1));
            }
            other => panic!("expected an over-visit, got {other:?}"),
        }
        drop(d);
        assert_eq!(gc::verify(py), Ok(()));
    });
}
