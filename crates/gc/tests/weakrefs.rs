//! Weak references during a collection (facts §12 step 6): cleared before any
//! callback runs; callbacks only for surviving weakref objects.

mod toy;

use toy::*;

#[test]
fn weakref_into_garbage_is_cleared_and_surviving_callback_called() {
    let target = new_obj();
    link(target, target);
    let wr = new_weakref(target, true);
    release(target);
    collect(2);
    assert_eq!(weak_get(wr), None);
    assert_eq!(callbacks(), vec![id(wr)]);
    assert!(!saw_cleared(), "callback saw a half-cleared object");
    assert!(!is_live(0));
    release(wr);
    finish();
}

#[test]
fn weakref_that_is_garbage_itself_gets_no_callback() {
    let target = new_obj();
    let wr = new_weakref(target, true);
    link(target, wr);
    link(wr, target);
    release(target);
    release(wr);
    assert_eq!(collect(2).collected, 2);
    assert!(callbacks().is_empty());
    finish();
}

#[test]
fn weakref_without_callback_is_cleared() {
    let target = new_obj();
    link(target, target);
    let wr = new_weakref(target, false);
    release(target);
    collect(2);
    assert_eq!(weak_get(wr), None);
    assert!(callbacks().is_empty());
    release(wr);
    finish();
}

#[test]
fn weakref_to_a_live_object_is_untouched() {
    let target = new_obj();
    let wr = new_weakref(target, true);
    collect(2);
    assert_eq!(weak_get(wr), Some(target));
    release(wr);
    release(target);
    assert!(callbacks().is_empty());
    finish();
}

#[test]
fn garbage_weakref_to_an_object_freed_during_clear_gets_no_callback() {
    // `old` lives in generation 2, referenced only by the young cycle {a, wr}; the
    // weakref `wr` (part of the cycle) points at `old`. A young collection dooms the
    // cycle; clearing it frees `old` by refcount, whose weakrefs would then call
    // `wr`'s callback while `a` is half-cleared, unless garbage weakrefs are detached.
    let old = new_obj();
    collect(2);
    let a = new_obj();
    let wr = new_weakref(old, true);
    link(a, wr);
    link(wr, a);
    link(a, old);
    release(old);
    release(a);
    release(wr);
    let r = collect(0);
    assert_eq!(r.collected, 2);
    assert_eq!(live(), 0);
    assert!(callbacks().is_empty());
    assert!(!saw_cleared());
    finish();
}
