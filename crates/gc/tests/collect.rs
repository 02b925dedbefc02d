//! Focused behaviour tests of one collection, one rule each, on the toy model.

mod toy;

use pyrt_gc::{DebugFlags, Generation};
use toy::*;

#[test]
fn self_cycle_is_collected() {
    let a = new_obj();
    link(a, a);
    release(a);
    assert_eq!(live(), 1);
    let r = collect(2);
    assert_eq!((r.collected, r.uncollectable, r.ran), (1, 0, true));
    assert_eq!(drops(0), 1);
    finish();
}

#[test]
fn two_cycle_is_collected() {
    let (a, b) = (new_obj(), new_obj());
    link(a, b);
    link(b, a);
    release(a);
    release(b);
    assert_eq!(collect(2).unreachable(), 2);
    assert_eq!((drops(0), drops(1)), (1, 1));
    finish();
}

#[test]
fn cycle_reachable_from_a_root_survives() {
    let root = new_obj();
    let (a, b) = (new_obj(), new_obj());
    link(root, a);
    link(a, b);
    link(b, a);
    release(a);
    release(b);
    assert_eq!(collect(2).unreachable(), 0);
    assert_eq!(live(), 3);
    assert_eq!(edge_ids(a), vec![2]);
    release(root);
    assert_eq!(collect(2).unreachable(), 3 - 1); // root freed by refcount
    assert_eq!(live(), 0);
    finish();
}

#[test]
fn young_collection_leaves_older_generations_alone() {
    let (a, b) = (new_obj(), new_obj());
    link(a, b);
    link(b, a);
    collect(0); // both survive (owned) and move to generation 1
    release(a);
    release(b);
    assert_eq!(collect(0).unreachable(), 0);
    assert_eq!(live(), 2);
    assert_eq!(gc(|g| g.objects(Some(Generation::MIDDLE)).len()), 2);
    assert_eq!(collect(1).unreachable(), 2);
    finish();
}

#[test]
fn reference_from_an_older_generation_keeps_young_objects() {
    let old = new_obj();
    collect(2); // `old` is now in generation 2
    let (a, b) = (new_obj(), new_obj());
    link(a, b);
    link(b, a);
    link(old, a);
    release(a);
    release(b);
    assert_eq!(collect(0).unreachable(), 0);
    assert_eq!(live(), 3);
    release(old);
    assert_eq!(collect(2).unreachable(), 2);
    finish();
}

#[test]
fn finalizer_runs_once_across_two_collections() {
    let a = new_fin(Fin::Resurrect);
    link(a, a);
    release(a);
    let r = collect(2);
    assert_eq!(r.collected, 0, "a resurrected object is not counted");
    assert_eq!(finalize_count(0), 1);
    assert!(is_live(0) && is_finalized(a));
    // Drop the resurrecting reference: garbage again, but not finalized again.
    take_roots().into_iter().for_each(release);
    assert_eq!(collect(2).collected, 1);
    assert_eq!(finalize_count(0), 1);
    assert_eq!(drops(0), 1);
    finish();
}

#[test]
fn resurrection_keeps_the_object_and_what_it_reaches() {
    let r = new_fin(Fin::Resurrect);
    let (x, y, z) = (new_obj(), new_obj(), new_obj());
    link(r, x);
    link(x, y);
    link(y, r);
    link(z, z); // unrelated garbage
    [r, x, y, z].into_iter().for_each(release);
    let res = collect(2);
    assert_eq!(res.collected, 1);
    assert_eq!(drops(3), 1);
    assert!(is_live(0) && is_live(1) && is_live(2));
    assert_eq!(edge_ids(x), vec![2], "survivors are not cleared");
    assert_eq!(root_ids(), vec![0]);
    // Survivors went to the old generation.
    assert_eq!(gc(|g| g.objects(Some(Generation::OLD)).len()), 3);
    finish();
}

#[test]
fn finalizer_breaking_the_cycle_frees_without_clear() {
    let (a, b, c) = (new_fin(Fin::BreakEdges), new_obj(), new_obj());
    link(a, b);
    link(b, c);
    link(c, a);
    [a, b, c].into_iter().for_each(release);
    let r = collect(2);
    assert_eq!(live(), 0);
    assert_eq!(finalize_count(0), 1);
    // The finalizer freed the cycle itself: nothing was left to clear.
    assert_eq!(r.collected, 0);
    finish();
}

#[test]
fn legacy_del_goes_to_garbage_with_all_it_reaches() {
    let l = new_legacy();
    let (p, q) = (new_obj(), new_obj());
    link(l, p);
    link(p, l);
    link(p, q);
    let other = new_obj();
    link(other, other);
    [l, p, q, other].into_iter().for_each(release);
    let r = collect(2);
    assert_eq!((r.collected, r.uncollectable), (1, 3));
    assert_eq!(
        garbage_ids(),
        vec![0],
        "only the tp_del object is in garbage"
    );
    assert!(is_live(0) && is_live(1) && is_live(2) && !is_live(3));
    assert_eq!(gc(|g| g.get_stats()[2].uncollectable), 3);
    finish();
}

#[test]
fn saveall_keeps_every_unreachable_object() {
    gc(|g| g.set_debug(DebugFlags::SAVEALL));
    let (a, b) = (new_obj(), new_obj());
    link(a, b);
    link(b, a);
    release(a);
    release(b);
    let r = collect(2);
    assert_eq!(r.collected, 2);
    let mut ids = garbage_ids();
    ids.sort();
    assert_eq!(ids, vec![0, 1]);
    assert_eq!(live(), 2);
    assert_eq!(edge_ids(a), vec![1], "SAVEALL objects are not cleared");
    gc(|g| g.set_debug(DebugFlags::NONE));
    finish();
}

#[test]
fn frozen_objects_are_never_collected() {
    let a = new_obj();
    link(a, a);
    release(a);
    gc(|g| g.freeze());
    assert_eq!(gc(|g| g.get_freeze_count()), 1);
    assert_eq!(collect(2).unreachable(), 0);
    assert!(is_live(0));
    gc(|g| g.unfreeze());
    assert_eq!(gc(|g| g.get_freeze_count()), 0);
    assert_eq!(collect(2).unreachable(), 1);
    finish();
}

#[test]
fn nested_collect_returns_zero_immediately() {
    let a = new_fin(Fin::Collect);
    link(a, a);
    release(a);
    let r = collect(2);
    assert!(r.ran);
    let nested = nested_results();
    assert_eq!(nested.len(), 1);
    assert!(!nested[0].ran);
    assert_eq!(nested[0].unreachable(), 0);
    assert_eq!(gc(|g| g.get_stats()[2].collections), 1);
    finish();
}

#[test]
fn atomic_objects_are_untracked_and_retracked() {
    let a = new_atomic();
    collect(0);
    // SAFETY: `a` is live.
    assert!(!unsafe { head(a).as_ref() }.is_tracked());
    let b = new_obj();
    link(a, b); // re-tracks
    // SAFETY: `a` is a live toy object.
    assert!(unsafe { head(a).as_ref() }.is_tracked());
    link(b, a);
    release(a);
    release(b);
    assert_eq!(collect(2).collected, 2);
    finish();
}

#[test]
fn referents_and_referrers() {
    let (a, b, c) = (new_obj(), new_obj(), new_obj());
    link(a, b);
    link(a, b);
    link(c, b);
    // SAFETY: `a` is a live toy object.
    let refs = gc(|g| unsafe { g.referents::<Toy>(head(a)) });
    assert_eq!(refs, vec![head(b), head(b)]);
    let mut who = gc(|g| g.referrers::<Toy>(&[head(b)]));
    who.sort();
    let mut want = vec![head(a), head(c)];
    want.sort();
    assert_eq!(who, want);
    [a, b, c].into_iter().for_each(release);
    finish();
}

#[test]
fn stats_count_collections_and_objects() {
    let a = new_obj();
    link(a, a);
    release(a);
    collect(1);
    let s = gc(|g| g.get_stats());
    assert_eq!((s[1].collections, s[1].collected), (1, 1));
    assert_eq!(s[0].collections, 0);
    assert!(s[1].longest_pause > std::time::Duration::ZERO);
    let phases: std::time::Duration = s[1].phase_time.iter().sum();
    assert_eq!(phases, s[1].total_time);
    finish();
}

#[test]
fn debug_flags_report_through_the_sink() {
    use std::{cell::RefCell, rc::Rc};
    let lines = Rc::new(RefCell::new(Vec::<String>::new()));
    let out = lines.clone();
    gc(|g| {
        g.set_debug_output(Some(Box::new(move |l: &str| {
            out.borrow_mut().push(l.into())
        })));
        g.set_debug(DebugFlags::STATS | DebugFlags::COLLECTABLE | DebugFlags::UNCOLLECTABLE);
    });
    let a = new_obj();
    link(a, a);
    let l = new_legacy();
    link(l, l);
    release(a);
    release(l);
    collect(2);
    gc(|g| {
        g.set_debug(DebugFlags::NONE);
        g.set_debug_output(None);
    });
    let lines = lines.borrow();
    assert_eq!(lines[0], "gc: collecting generation 2...");
    assert!(
        lines.contains(&"gc: collectable <toy 0>".to_string()),
        "{lines:?}"
    );
    assert!(
        lines.contains(&"gc: uncollectable <toy 1>".to_string()),
        "{lines:?}"
    );
    assert!(
        lines
            .last()
            .unwrap()
            .starts_with("gc: done, 2 unreachable, 1 uncollectable")
    );
    finish();
}

#[test]
fn callbacks_see_start_and_stop_with_results() {
    use pyrt_gc::CallbackPhase;
    use std::{cell::RefCell, rc::Rc};
    let seen = Rc::new(RefCell::new(Vec::new()));
    let log = seen.clone();
    let id = gc(|g| {
        g.add_callback(move |phase, info| {
            // A collection requested from a callback does not run.
            let nested = gc(|g| g.collect::<Toy>(Generation::OLD));
            assert!(!nested.ran);
            log.borrow_mut()
                .push((phase, info.generation.index(), info.collected));
        })
    });
    let a = new_obj();
    link(a, a);
    release(a);
    collect(2);
    assert!(gc(|g| g.remove_callback(id)));
    assert_eq!(
        *seen.borrow(),
        vec![(CallbackPhase::Start, 2, 0), (CallbackPhase::Stop, 2, 1)]
    );
    finish();
}

#[test]
fn verify_accepts_a_consistent_heap() {
    let (a, b) = (new_obj(), new_obj());
    link(a, b);
    link(b, a);
    link(a, a);
    assert_verified();
    collect(0);
    assert_verified();
    release(a);
    release(b);
    finish();
}

#[test]
fn million_node_chain_is_collected_without_stack_overflow() {
    let n_nodes = scaled(1_000_000);
    let first = new_obj();
    let mut last = first;
    for _ in 1..n_nodes {
        let n = new_obj();
        link(last, n);
        release(n);
        last = n;
    }
    link(last, first); // close the loop: only the collector can free it
    release(first);
    assert_eq!(live(), n_nodes);
    assert_eq!(collect(2).collected, n_nodes);
    assert_eq!(live(), 0);
    finish();
}

#[test]
fn million_node_chain_is_freed_by_refcount_without_stack_overflow() {
    let n_nodes = scaled(1_000_000);
    let first = new_obj();
    let mut last = first;
    for _ in 1..n_nodes {
        let n = new_obj();
        link(last, n);
        release(n);
        last = n;
    }
    collect(2); // the collector walks it too (all reachable)
    assert_eq!(live(), n_nodes);
    release(first);
    assert_eq!(live(), 0);
    finish();
}

#[test]
fn a_panicking_hook_leaves_the_state_usable() {
    let (a, b) = (new_fin(Fin::Panic), new_obj());
    link(a, b);
    link(b, a);
    release(a);
    release(b);
    let caught = std::panic::catch_unwind(|| collect(2));
    assert!(caught.is_err());
    // The lists were repaired: nothing is lost, no collection flags are left, and
    // the next collection works (the finalizer already ran, so it is not rerun).
    assert!(!gc(|g| g.is_collecting()));
    assert_eq!(gc(|g| g.objects(None)).len(), 2);
    assert_verified();
    // The collector's temporary reference to `a` was lost with the panic.
    release(a);
    assert_eq!(collect(2).collected, 2);
    assert_eq!(finalize_count(0), 1);
    finish();
}

#[test]
fn dropping_the_state_untracks_its_heads() {
    let state = pyrt_gc::GcState::new();
    let head = Box::new(pyrt_gc::GcHead::new());
    let p = std::ptr::NonNull::from(&*head);
    // SAFETY: a live, boxed, untracked head; the state never collects it.
    unsafe { state.track(p) };
    drop(state);
    assert!(!head.is_tracked());
}
