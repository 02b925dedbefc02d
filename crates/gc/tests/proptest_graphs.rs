//! Property tests: random heaps, collected, checked against a simple reference model
//! (breadth-first search from the objects referenced from outside the collected set).

mod toy;

use proptest::prelude::*;
use pyrt_gc::Generation;
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use toy::*;

/// What the reference model needs to know about one live object.
#[derive(Clone, Debug)]
struct Snap {
    rc: isize,
    edges: Vec<usize>,
    fin: Fin,
    finalized: bool,
    legacy: bool,
    weak: Option<(Option<usize>, bool)>,
}

/// The reference model's prediction for one collection.
#[derive(Debug, Default)]
struct Expect {
    /// Freed by the collector (its `collected` count).
    freed: BTreeSet<usize>,
    /// Freed in total: the collector's plus what refcounting frees in consequence.
    dead: BTreeSet<usize>,
    /// Callbacks that may or may not run (weakref and referent die together by
    /// refcount, in an order the model does not predict).
    optional_callbacks: BTreeSet<usize>,
    uncollectable: usize,
    finalized: BTreeSet<usize>,
    callbacks: Vec<usize>,
    cleared_weakrefs: BTreeSet<usize>,
    garbage: Vec<usize>,
}

fn snapshot() -> BTreeMap<usize, Snap> {
    live_objects()
        .into_iter()
        .map(|o| {
            let (target, cb) = weak_info(o);
            let is_weak = target.is_some() || cb;
            let snap = Snap {
                rc: refcount(o),
                edges: edge_ids(o),
                fin: fin_of(o),
                finalized: is_finalized(o),
                legacy: is_legacy(o),
                weak: is_weak.then(|| (target.map(id), cb)),
            };
            (id(o), snap)
        })
        .collect()
}

/// Everything reachable from `start` along edges, staying inside `within`.
fn closure(
    heap: &BTreeMap<usize, Snap>,
    within: &BTreeSet<usize>,
    start: impl IntoIterator<Item = usize>,
) -> BTreeSet<usize> {
    let mut seen = BTreeSet::new();
    let mut queue: VecDeque<usize> = start.into_iter().collect();
    while let Some(o) = queue.pop_front() {
        if within.contains(&o) && seen.insert(o) {
            queue.extend(heap[&o].edges.iter().copied());
        }
    }
    seen
}

fn predict(heap: &BTreeMap<usize, Snap>, generation: usize) -> Expect {
    let collected: BTreeSet<usize> = gc(|g| {
        (0..=generation)
            .flat_map(|i| g.objects(Generation::new(i)))
            .map(|h| id(from_head(h)))
            .collect()
    });
    let mut internal: BTreeMap<usize, isize> = BTreeMap::new();
    for o in &collected {
        for e in &heap[o].edges {
            *internal.entry(*e).or_default() += 1;
        }
    }
    let roots = collected
        .iter()
        .copied()
        .filter(|o| heap[o].rc > internal.get(o).copied().unwrap_or(0));
    let reach = closure(heap, &collected, roots);
    let unreachable: BTreeSet<usize> = collected.difference(&reach).copied().collect();
    let legacy = closure(
        heap,
        &unreachable,
        unreachable.iter().copied().filter(|o| heap[o].legacy),
    );
    let doomed: BTreeSet<usize> = unreachable.difference(&legacy).copied().collect();
    let mut e = Expect {
        uncollectable: legacy.len(),
        garbage: legacy.iter().copied().filter(|o| heap[o].legacy).collect(),
        ..Expect::default()
    };
    for (wr, s) in heap {
        if let Some((Some(target), cb)) = s.weak {
            if doomed.contains(wr) {
                e.cleared_weakrefs.insert(*wr); // garbage weakrefs are detached
            }
            if doomed.contains(&target) {
                e.cleared_weakrefs.insert(*wr);
                if cb && !doomed.contains(wr) {
                    e.callbacks.push(*wr);
                }
            }
        }
    }
    e.finalized = doomed
        .iter()
        .copied()
        .filter(|o| heap[o].fin != Fin::None && !heap[o].finalized)
        .collect();
    let resurrected = closure(
        heap,
        &doomed,
        e.finalized
            .iter()
            .copied()
            .filter(|o| heap[o].fin == Fin::Resurrect),
    );
    e.freed = doomed.difference(&resurrected).copied().collect();
    cascade(heap, &resurrected, &mut e);
    e
}

/// Objects outside the collected set that refcounting frees once the doomed objects
/// release their references (a young collection can free older objects that only
/// doomed objects referenced). Order-independent: an object dies when every one of
/// its references came from dead objects, unless its finalizer (run from the
/// deallocator) resurrects it.
fn cascade(heap: &BTreeMap<usize, Snap>, resurrected: &BTreeSet<usize>, e: &mut Expect) {
    // References the collection itself added: the root list's (resurrectors) and
    // garbage's (legacy objects).
    let held: BTreeSet<usize> = e
        .finalized
        .iter()
        .filter(|o| heap[*o].fin == Fin::Resurrect && resurrected.contains(*o))
        .chain(&e.garbage)
        .copied()
        .collect();
    let extra = |o: &usize| isize::from(held.contains(o));
    e.dead = e.freed.clone();
    let mut saved = BTreeSet::new();
    loop {
        let mut incoming: BTreeMap<usize, isize> = BTreeMap::new();
        for d in &e.dead {
            for t in &heap[d].edges {
                *incoming.entry(*t).or_default() += 1;
            }
        }
        let newly: Vec<usize> = heap
            .keys()
            .copied()
            .filter(|x| !e.dead.contains(x) && !saved.contains(x))
            .filter(|x| incoming.get(x).copied().unwrap_or(0) >= heap[x].rc + extra(x))
            .collect();
        if newly.is_empty() {
            break;
        }
        for x in newly {
            let s = &heap[&x];
            if s.fin != Fin::None && !s.finalized {
                e.finalized.insert(x);
                if s.fin == Fin::Resurrect {
                    saved.insert(x);
                    continue;
                }
            }
            e.dead.insert(x);
        }
    }
    for (wr, s) in heap {
        if let Some((Some(target), true)) = s.weak {
            let detached = e.cleared_weakrefs.contains(wr);
            if e.dead.contains(&target) && !e.freed.contains(&target) && !detached {
                if e.dead.contains(wr) {
                    e.optional_callbacks.insert(*wr);
                } else {
                    e.callbacks.push(*wr);
                }
            }
        }
    }
    e.callbacks.sort_unstable();
}

/// Collects `generation` and checks the outcome against the reference model.
fn collect_and_check(generation: usize) -> Result<(), TestCaseError> {
    let heap = snapshot();
    let expect = predict(&heap, generation);
    let fin_before: BTreeMap<usize, u32> = heap.keys().map(|i| (*i, finalize_count(*i))).collect();
    let callbacks_before = callbacks().len();
    let garbage_before = garbage_ids().len();

    let r = collect(generation);

    prop_assert!(r.ran);
    prop_assert_eq!(r.collected, expect.freed.len());
    prop_assert_eq!(r.uncollectable, expect.uncollectable);
    for (i, s) in &heap {
        let freed = expect.dead.contains(i);
        prop_assert_eq!(is_live(*i), !freed, "object {} liveness", i);
        prop_assert_eq!(drops(*i), u32::from(freed), "object {} drops", i);
        let ran = finalize_count(*i) - fin_before[i];
        prop_assert_eq!(
            ran,
            u32::from(expect.finalized.contains(i)),
            "finalizer {}",
            i
        );
        if !freed {
            prop_assert_eq!(&edge_ids(by_id(*i)), &s.edges, "survivor {} intact", i);
            if expect.cleared_weakrefs.contains(i) {
                prop_assert_eq!(weak_get(by_id(*i)), None);
            }
        }
    }
    let mut ran_callbacks = callbacks()[callbacks_before..].to_vec();
    ran_callbacks.sort_unstable();
    ran_callbacks.retain(|wr| !expect.optional_callbacks.contains(wr));
    prop_assert_eq!(ran_callbacks, expect.callbacks);
    let mut new_garbage = garbage_ids()[garbage_before..].to_vec();
    new_garbage.sort_unstable();
    prop_assert_eq!(new_garbage, expect.garbage);
    prop_assert!(!saw_cleared(), "a weakref callback saw a cleared object");
    #[cfg(debug_assertions)]
    prop_assert_eq!(gc(|g| g.verify::<Toy>()), Ok(()));
    Ok(())
}

fn fin_strategy() -> impl Strategy<Value = Fin> {
    prop_oneof![6 => Just(Fin::None), 2 => Just(Fin::Record), 1 => Just(Fin::Resurrect)]
}

/// A random heap: objects with finalizers and rare legacy `tp_del`s, weakref objects
/// (some with callbacks), random edges among all of them, random external roots.
#[derive(Clone, Debug)]
struct Graph {
    objects: Vec<(Fin, bool)>,
    weakrefs: Vec<(usize, bool)>,
    edges: Vec<(usize, usize)>,
    roots: Vec<bool>,
}

fn graph_strategy() -> impl Strategy<Value = Graph> {
    (1usize..250, 0usize..30).prop_flat_map(|(n, w)| {
        let total = n + w;
        (
            prop::collection::vec((fin_strategy(), prop::bool::weighted(0.03)), n),
            prop::collection::vec((0..n, any::<bool>()), w),
            prop::collection::vec((0..total, 0..total), 0..total * 2),
            prop::collection::vec(prop::bool::weighted(0.1), total),
        )
            .prop_map(|(objects, weakrefs, edges, roots)| Graph {
                objects,
                weakrefs,
                edges,
                roots,
            })
    })
}

fn build(g: &Graph) -> Vec<Obj> {
    let mut all: Vec<Obj> = g
        .objects
        .iter()
        .map(|(fin, legacy)| {
            let o = new_fin(*fin);
            if *legacy {
                release(o);
                new_legacy()
            } else {
                o
            }
        })
        .collect();
    for (target, cb) in &g.weakrefs {
        all.push(new_weakref(all[*target], *cb));
    }
    for (a, b) in &g.edges {
        link(all[*a], all[*b]);
    }
    let mut held = Vec::new();
    for (o, root) in all.into_iter().zip(&g.roots) {
        if *root { held.push(o) } else { release(o) }
    }
    held
}

proptest! {
    // 256 cases by default; set PROPTEST_CASES for longer runs.
    #[test]
    fn full_collection_matches_reference_model(g in graph_strategy()) {
        begin();
        let held = build(&g);
        collect_and_check(2)?;
        // A second collection finds nothing new and runs no finalizer twice.
        collect_and_check(2)?;
        held.into_iter().for_each(release);
        collect_and_check(2)?;
        // Drop the resurrected: they are garbage now, and are not finalized again.
        take_roots().into_iter().for_each(release);
        collect_and_check(2)?;
        finish();
    }

    #[test]
    fn operation_sequences_match_reference_model(ops in prop::collection::vec(op_strategy(), 1..200)) {
        begin();
        let mut held: Vec<Obj> = Vec::new();
        for op in ops {
            match op {
                Op::New(fin, legacy) => held.push(if legacy { new_legacy() } else { new_fin(fin) }),
                Op::NewWeak(i, cb) if !held.is_empty() => {
                    let t = held[i % held.len()];
                    held.push(new_weakref(t, cb));
                }
                Op::Link(i, j) if !held.is_empty() => {
                    link(held[i % held.len()], held[j % held.len()]);
                }
                Op::Release(i) if !held.is_empty() => {
                    let at = i % held.len();
                    release(held.swap_remove(at));
                }
                Op::Collect(generation) => collect_and_check(generation)?,
                Op::DropRoots => take_roots().into_iter().for_each(release),
                Op::ClearGarbage => gc(|g| g.clear_garbage::<Toy>()),
                _ => {}
            }
        }
        held.into_iter().for_each(release);
        collect_and_check(2)?;
        finish();
    }
}

#[derive(Clone, Debug)]
enum Op {
    New(Fin, bool),
    NewWeak(usize, bool),
    Link(usize, usize),
    Release(usize),
    Collect(usize),
    DropRoots,
    ClearGarbage,
}

fn op_strategy() -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => (fin_strategy(), prop::bool::weighted(0.03)).prop_map(|(f, l)| Op::New(f, l)),
        1 => (any::<usize>(), any::<bool>()).prop_map(|(i, cb)| Op::NewWeak(i, cb)),
        8 => (any::<usize>(), any::<usize>()).prop_map(|(i, j)| Op::Link(i, j)),
        5 => any::<usize>().prop_map(Op::Release),
        2 => (0usize..3).prop_map(Op::Collect),
        1 => Just(Op::DropRoots),
        1 => Just(Op::ClearGarbage),
    ]
}
