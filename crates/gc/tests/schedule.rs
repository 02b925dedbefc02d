//! Scheduling tests: thresholds, counts, enable/disable, the long-lived rule.

mod toy;

use pyrt_gc::Generation;
use toy::*;

fn alloc_garbage(n: usize) {
    for _ in 0..n {
        let o = new_obj();
        link(o, o);
        release(o);
    }
}

#[test]
fn young_threshold_triggers_a_young_collection() {
    gc(|g| g.set_threshold([5, 10, 10]));
    alloc_garbage(5);
    assert_eq!(
        gc(|g| g.should_collect()),
        None,
        "count must exceed the threshold"
    );
    alloc_garbage(1);
    assert_eq!(gc(|g| g.should_collect()), Some(Generation::YOUNG));
    let r = gc(|g| g.collect_if_needed::<Toy>()).expect("due");
    assert_eq!((r.generation, r.collected), (Generation::YOUNG, 6));
    assert_eq!(gc(|g| g.get_count()), [0, 1, 0]);
    assert_eq!(gc(|g| g.collect_if_needed::<Toy>()), None);
    finish();
}

#[test]
fn middle_and_old_generations_follow_their_thresholds() {
    gc(|g| g.set_threshold([1, 2, 2]));
    let mut gens = Vec::new();
    for _ in 0..12 {
        alloc_garbage(2);
        if let Some(r) = gc(|g| g.collect_if_needed::<Toy>()) {
            gens.push(r.generation.index());
        }
    }
    // gen 1 after 3 (> 2) gen-0 collections, gen 2 after 3 gen-1 collections.
    assert_eq!(gens, vec![0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1]);
    assert_eq!(gc(|g| g.get_count()), [0, 0, 3]);
    alloc_garbage(2);
    assert_eq!(gc(|g| g.should_collect()), Some(Generation::OLD));
    finish();
}

#[test]
fn full_collection_waits_for_enough_long_lived_pending_objects() {
    // A large live heap in the old generation.
    let keep: Vec<Obj> = (0..400).map(|_| new_obj()).collect();
    collect(2); // long-lived total = 400
    gc(|g| g.set_threshold([1, 0, 0]));
    // One new survivor per gen-1 collection: pending stays under 25% of 400.
    let mut held = Vec::new();
    for _ in 0..10 {
        held.push(new_obj());
        new_obj_pair_garbage();
        let r = gc(|g| g.collect_if_needed::<Toy>()).expect("due");
        assert_ne!(r.generation, Generation::OLD);
    }
    // Enough survivors: now the full collection runs.
    held.extend((0..100).map(|_| new_obj()));
    gc(|g| g.collect::<Toy>(Generation::MIDDLE)); // they reach generation 2 as pending
    new_obj_pair_garbage();
    assert_eq!(gc(|g| g.should_collect()), Some(Generation::OLD));
    keep.into_iter().chain(held).for_each(release);
    finish();
}

fn new_obj_pair_garbage() {
    let (a, b) = (new_obj(), new_obj());
    link(a, b);
    link(b, a);
    release(a);
    release(b);
}

#[test]
fn disabled_stops_automatic_but_not_explicit_collection() {
    gc(|g| {
        g.set_threshold([1, 10, 10]);
        g.disable();
    });
    alloc_garbage(3);
    assert_eq!(gc(|g| g.should_collect()), None);
    assert_eq!(gc(|g| g.collect_if_needed::<Toy>()), None);
    assert_eq!(collect(0).collected, 3);
    gc(|g| g.enable());
    assert!(gc(|g| g.isenabled()));
    finish();
}

#[test]
fn threshold_zero_turns_automatic_collection_off() {
    gc(|g| g.set_threshold([0, 10, 10]));
    alloc_garbage(3);
    assert_eq!(gc(|g| g.should_collect()), None);
    collect(2);
    finish();
}

#[test]
fn counts_track_allocations_minus_frees() {
    let a = new_obj();
    let b = new_obj();
    assert_eq!(gc(|g| g.get_count())[0], 2);
    release(b);
    assert_eq!(gc(|g| g.get_count())[0], 1);
    collect(0);
    assert_eq!(gc(|g| g.get_count()), [0, 1, 0]);
    collect(1);
    assert_eq!(gc(|g| g.get_count()), [0, 0, 1]);
    collect(2);
    assert_eq!(gc(|g| g.get_count()), [0, 0, 0]);
    release(a);
    finish();
}
