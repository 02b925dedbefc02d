//! Property test: random graphs of runtime objects — class instances with edges in
//! their instance dicts, lists, dicts, and instances of a native type with a
//! `tp_finalize` (from a spec) that may resurrect — with random roots and random weak
//! references (some with callbacks, some stored inside the graph), collected and
//! checked against a reference model:
//!
//! * exactly the objects unreachable from the roots are found, and all of them are
//!   freed except what a resurrecting finalizer reaches (observed through weak
//!   references, the collector's count and the live-object count);
//! * every unreachable finalizer runs exactly once, before anything is cleared; none
//!   runs twice over the objects' lifetime;
//! * weak references into the garbage are cleared (also those to resurrected objects,
//!   as in CPython); a callback runs exactly when its weak reference is not garbage;
//! * reachable objects are intact (their edges still lead where they led).
//!
//! Every node holds a reference to itself, so nothing unreachable dies by refcount
//! before the collection: the model is one collection of the whole unreachable set.

mod gc_common;
mod scale;

use gc_common::{class, new, set};
use proptest::prelude::*;
use pyrt::builtins::{DictObject, ListObject, dict_new, intern, list_new};
use pyrt::types::{SlotId, SlotValue};
use pyrt::weakref::{WeakRef, new_weakref_of_type};
use pyrt::{Bound, Py, PyAny, PyResult, Python, Slot, TypeFlags, TypeObject, TypeSpec, gc};
use std::cell::RefCell;
use std::collections::BTreeSet;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Instance,
    /// A finalizer object; `true`: its finalizer resurrects it.
    Fin(bool),
    List,
    Dict,
}

/// A weak reference to node `target`, with or without a callback, held by the test or
/// stored in node `holder`.
#[derive(Clone, Debug)]
struct Weak {
    target: usize,
    callback: bool,
    holder: Option<usize>,
}

#[derive(Clone, Debug)]
struct Graph {
    kinds: Vec<Kind>,
    edges: Vec<(usize, usize)>,
    roots: BTreeSet<usize>,
    weaks: Vec<Weak>,
}

fn kind() -> impl Strategy<Value = Kind> {
    prop_oneof![
        3 => Just(Kind::Instance),
        1 => any::<bool>().prop_map(Kind::Fin),
        1 => Just(Kind::List),
        1 => Just(Kind::Dict),
    ]
}

fn graph() -> impl Strategy<Value = Graph> {
    prop::collection::vec(kind(), 1..200).prop_flat_map(|kinds| {
        let n = kinds.len();
        let edges = prop::collection::vec((0..n, 0..n), 0..n * 2);
        let roots = prop::collection::btree_set(0..n, 0..=n.min(8));
        let weaks = prop::collection::vec(
            (0..n, any::<bool>(), prop::option::weighted(0.3, 0..n)),
            0..n.min(40),
        );
        (Just(kinds), edges, roots, weaks).prop_map(|(kinds, edges, roots, weaks)| {
            let weakrefable = |i: usize| matches!(kinds[i], Kind::Instance | Kind::Fin(_));
            let weaks = weaks
                .into_iter()
                .filter(|(t, _, h)| weakrefable(*t) && h.is_none_or(weakrefable))
                .map(|(target, callback, holder)| Weak {
                    target,
                    callback,
                    holder,
                })
                .collect();
            Graph {
                kinds,
                edges,
                roots,
                weaks,
            }
        })
    })
}

// ------------------------------------------------------------------ the model

fn closure(g: &Graph, start: impl IntoIterator<Item = usize>) -> BTreeSet<usize> {
    let mut seen: BTreeSet<usize> = start.into_iter().collect();
    let mut stack: Vec<usize> = seen.iter().copied().collect();
    while let Some(i) = stack.pop() {
        for &(a, b) in &g.edges {
            if a == i && seen.insert(b) {
                stack.push(b);
            }
        }
    }
    seen
}

struct Model {
    reachable: BTreeSet<usize>,
    survivors: BTreeSet<usize>,
    finalized: BTreeSet<usize>,
    /// Indexes of weak references whose callback runs in the collection.
    callbacks: BTreeSet<usize>,
    /// Indexes of weak references alive (referent still there) after it.
    alive_weaks: BTreeSet<usize>,
}

fn model(g: &Graph) -> Model {
    let n = g.kinds.len();
    let reachable = closure(g, g.roots.iter().copied());
    let unreachable: BTreeSet<usize> = (0..n).filter(|i| !reachable.contains(i)).collect();
    let finalized: BTreeSet<usize> = unreachable
        .iter()
        .copied()
        .filter(|&i| matches!(g.kinds[i], Kind::Fin(_)))
        .collect();
    let resurrectors = unreachable
        .iter()
        .copied()
        .filter(|&i| g.kinds[i] == Kind::Fin(true));
    let survivors: BTreeSet<usize> = reachable
        .union(&closure(g, resurrectors))
        .copied()
        .collect();
    let weak_is_garbage = |w: &Weak| w.holder.is_some_and(|h| unreachable.contains(&h));
    let callbacks = g
        .weaks
        .iter()
        .enumerate()
        .filter(|(_, w)| w.callback && unreachable.contains(&w.target) && !weak_is_garbage(w))
        .map(|(i, _)| i)
        .collect();
    let alive_weaks = g
        .weaks
        .iter()
        .enumerate()
        .filter(|(_, w)| reachable.contains(&w.target) && !weak_is_garbage(w))
        .map(|(i, _)| i)
        .collect();
    Model {
        reachable,
        survivors,
        finalized,
        callbacks,
        alive_weaks,
    }
}

// ------------------------------------------------------------------ the runtime side

thread_local! {
    /// Addresses logged by finalizers and callbacks, in order.
    static EVENTS: RefCell<Vec<(char, usize)>> = const { RefCell::new(Vec::new()) };
    static SAVED: RefCell<Vec<Py<PyAny>>> = const { RefCell::new(Vec::new()) };
}

fn event(kind: char, addr: usize) {
    EVENTS.with(|e| e.borrow_mut().push((kind, addr)));
}

fn take_events() -> Vec<(char, usize)> {
    EVENTS.with(|e| std::mem::take(&mut *e.borrow_mut()))
}

fn finalize(py: Python<'_>, me: &Bound<'_, PyAny>) {
    event('f', me.as_ptr().as_ptr() as usize);
    let key = intern(py, "resurrect").unwrap().into_any();
    if pyrt::attr::getattr(py, me, &key).is_ok() {
        SAVED.with(|s| s.borrow_mut().push(me.clone().unbind()));
    }
}

fn callback<'py>(
    py: Python<'py>,
    _me: &Bound<'py, PyAny>,
    args: &Bound<'py, PyAny>,
    _kwargs: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: tp_call receives an args tuple.
    let args = unsafe { args.downcast_unchecked::<pyrt::builtins::TupleObject>() };
    let wr = args.get(py, 0).unwrap();
    assert!(!wr.downcast::<WeakRef>().unwrap().is_alive());
    event('c', wr.as_ptr().as_ptr() as usize);
    Ok(pyrt::protocol::none(py))
}

struct Types<'py> {
    node: Bound<'py, TypeObject>,
    /// A `weakref.ref` subclass: its instances are never reused, so every weak
    /// reference of the graph is its own object.
    weak: Bound<'py, TypeObject>,
    fin: Bound<'py, TypeObject>,
    recorder: Bound<'py, PyAny>,
}

fn types(py: Python<'_>) -> Types<'_> {
    let base = class(py, "FinBase");
    let spec = TypeSpec {
        name: "tests.Fin",
        basicsize: 0,
        itemsize: 0,
        flags: TypeFlags::DEFAULT,
        slots: &[Slot::new(SlotId::TP_FINALIZE, SlotValue::ObjProc(finalize))],
    };
    let fin = pyrt::from_spec(py, &spec, Some(&[base.into_any()]), None, None).unwrap();
    let rbase = class(py, "RecorderBase");
    let spec = TypeSpec {
        name: "tests.Recorder",
        basicsize: 0,
        itemsize: 0,
        flags: TypeFlags::DEFAULT,
        slots: &[Slot::new(SlotId::TP_CALL, SlotValue::Ternary(callback))],
    };
    let rec_t = pyrt::from_spec(py, &spec, Some(&[rbase.into_any()]), None, None).unwrap();
    let weakref_t = Bound::from_ref(py, py.builtins().weakref());
    Types {
        node: class(py, "Node"),
        weak: pyrt::new_class(py, "NodeRef", &[weakref_t], None).unwrap(),
        fin,
        recorder: new(py, &rec_t),
    }
}

/// `a -> b` as an attribute, a list item or a dict value (key `e{k}`).
fn link(py: Python<'_>, a: &Bound<'_, PyAny>, b: &Bound<'_, PyAny>, k: usize) {
    if let Ok(l) = a.downcast::<ListObject>() {
        l.append(b);
    } else if let Ok(d) = a.downcast::<DictObject>() {
        d.set_item(py, &intern(py, &format!("e{k}")).unwrap().into_any(), b)
            .unwrap();
    } else {
        set(py, a, &format!("e{k}"), b);
    }
}

/// The objects `a`'s edges lead to, in order (self edge first).
fn edges_of<'py>(py: Python<'py>, a: &Bound<'py, PyAny>, ks: &[usize]) -> Vec<Bound<'py, PyAny>> {
    if let Ok(l) = a.downcast::<ListObject>() {
        return l.to_vec(py);
    }
    let get = |k: &str| -> Bound<'py, PyAny> {
        let key = intern(py, k).unwrap().into_any();
        match a.downcast::<DictObject>() {
            Ok(d) => d.get_item(py, &key).unwrap().unwrap(),
            Err(_) => pyrt::attr::getattr(py, a, &key).unwrap(),
        }
    };
    ks.iter().map(|k| get(&format!("e{k}"))).collect()
}

/// Live objects a node accounts for: itself, plus its instance dict if it has a dict
/// object (instances keep their attributes in values blocks until the class's shared
/// keys are full).
fn objects_of(node: &Bound<'_, PyAny>) -> isize {
    let has_dict =
        pyrt::object::dict_slot(node.as_any_ref()).is_some_and(|s| s.dict_ptr().is_some());
    1 + has_dict as isize
}

fn run(g: &Graph) -> Result<(), TestCaseError> {
    pyrt::Runtime::with(|py| {
        gc::collect(py, 2);
        take_events();
        let t = types(py);
        let baseline = py.live_objects();
        let m = model(g);
        // Build: every node refers to itself first (edge key 0).
        let nodes: Vec<Bound<'_, PyAny>> = g
            .kinds
            .iter()
            .map(|k| match k {
                Kind::Instance => new(py, &t.node),
                Kind::Fin(_) => new(py, &t.fin),
                Kind::List => list_new(py, &[]).unwrap().into_any(),
                Kind::Dict => dict_new(py).unwrap().into_any(),
            })
            .collect();
        let mut keys: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
        for (i, n) in nodes.iter().enumerate() {
            link(py, n, n, 0);
            keys[i].push(0);
            if g.kinds[i] == Kind::Fin(true) {
                set(py, n, "resurrect", &pyrt::protocol::bool_obj(py, true));
            }
        }
        for (k, &(a, b)) in g.edges.iter().enumerate() {
            link(py, &nodes[a], &nodes[b], k + 1);
            keys[a].push(k + 1);
        }
        let mut external: Vec<Option<Bound<'_, WeakRef>>> = Vec::new();
        let mut weak_addr = Vec::new();
        for (i, w) in g.weaks.iter().enumerate() {
            let cb = w.callback.then_some(&t.recorder);
            let r = new_weakref_of_type(py, &t.weak, &nodes[w.target], cb).unwrap();
            weak_addr.push(r.as_ptr().as_ptr() as usize);
            match w.holder {
                Some(h) => {
                    set(py, &nodes[h], &format!("w{i}"), r.as_any());
                    external.push(None);
                }
                None => external.push(Some(r)),
            }
        }
        let addrs: Vec<usize> = nodes.iter().map(|n| n.as_ptr().as_ptr() as usize).collect();
        let node_refs: Vec<Option<Bound<'_, WeakRef>>> = nodes
            .iter()
            .map(|n| new_weakref_of_type(py, &t.weak, n, None).ok())
            .collect();
        // Keep the reachable nodes' edges to check them afterwards.
        let roots: Vec<Bound<'_, PyAny>> = g.roots.iter().map(|&i| nodes[i].clone()).collect();
        let node_objects: Vec<isize> = nodes.iter().map(objects_of).collect();
        drop(nodes);
        let stored_weaks = |set: &BTreeSet<usize>| {
            g.weaks
                .iter()
                .filter(|w| w.holder.is_some_and(|h| set.contains(&h)))
                .count() as isize
        };
        let nodes_objects =
            |set: &BTreeSet<usize>| set.iter().map(|&i| node_objects[i]).sum::<isize>();
        let all: BTreeSet<usize> = (0..g.kinds.len()).collect();
        let weakrefable_nodes = node_refs.iter().flatten().count() as isize;
        let fixed = external.iter().flatten().count() as isize + weakrefable_nodes;
        prop_assert_eq!(
            py.live_objects(),
            baseline + nodes_objects(&all) + stored_weaks(&all) + fixed
        );

        // Phase 1: one full collection.
        let found = gc::collect(py, 2);
        let freed: BTreeSet<usize> = all.difference(&m.survivors).copied().collect();
        prop_assert_eq!(found as isize, nodes_objects(&freed) + stored_weaks(&freed));
        prop_assert_eq!(
            py.live_objects(),
            baseline + nodes_objects(&m.survivors) + stored_weaks(&m.survivors) + fixed
        );
        let events = take_events();
        let finalized: BTreeSet<usize> = events
            .iter()
            .filter(|e| e.0 == 'f')
            .map(|e| addrs.iter().position(|a| *a == e.1).unwrap())
            .collect();
        prop_assert_eq!(
            events.iter().filter(|e| e.0 == 'f').count(),
            finalized.len(),
            "finalized once"
        );
        prop_assert_eq!(&finalized, &m.finalized);
        let called: Vec<usize> = events
            .iter()
            .filter(|e| e.0 == 'c')
            .map(|e| weak_addr.iter().position(|a| *a == e.1).unwrap())
            .collect();
        prop_assert_eq!(
            called.iter().copied().collect::<BTreeSet<_>>(),
            m.callbacks.clone()
        );
        prop_assert_eq!(called.len(), m.callbacks.len(), "each callback once");
        // The weakref phase (callbacks) comes before the finalizers.
        if let Some(first_fin) = events.iter().position(|e| e.0 == 'f') {
            prop_assert!(events[first_fin..].iter().all(|e| e.0 == 'f'));
        }
        for (i, r) in node_refs.iter().enumerate() {
            if let Some(r) = r {
                prop_assert_eq!(r.is_alive(), m.reachable.contains(&i), "node {}", i);
            }
        }
        for (i, r) in external.iter().enumerate() {
            if let Some(r) = r {
                prop_assert_eq!(r.is_alive(), m.alive_weaks.contains(&i), "weak {}", i);
            }
        }
        // Reachable nodes are intact: their edges lead to the same objects.
        for &i in &m.reachable {
            let node = node_refs[i]
                .as_ref()
                .and_then(|r| r.upgrade(py))
                .or_else(|| {
                    roots
                        .iter()
                        .find(|r| r.as_ptr().as_ptr() as usize == addrs[i])
                        .cloned()
                });
            let Some(node) = node else { continue };
            let targets: Vec<usize> = edges_of(py, &node, &keys[i])
                .iter()
                .map(|o| o.as_ptr().as_ptr() as usize)
                .collect();
            let mut want = vec![addrs[i]];
            want.extend(g.edges.iter().filter(|e| e.0 == i).map(|e| addrs[e.1]));
            prop_assert_eq!(targets, want, "edges of node {}", i);
        }

        // Phase 2: let everything go; finalizers run only for objects never finalized.
        drop(roots);
        let saved = SAVED.with(|s| std::mem::take(&mut *s.borrow_mut()));
        drop(saved);
        gc::collect(py, 2);
        let events = take_events();
        let second: BTreeSet<usize> = events
            .iter()
            .filter(|e| e.0 == 'f')
            .map(|e| addrs.iter().position(|a| *a == e.1).unwrap())
            .collect();
        let want: BTreeSet<usize> = m
            .reachable
            .iter()
            .copied()
            .filter(|&i| matches!(g.kinds[i], Kind::Fin(_)))
            .collect();
        prop_assert_eq!(second, want, "the rest finalized, none twice");
        // Reachable resurrecting finalizers resurrected their objects just now; a
        // finalized object is not finalized again, so the next collection frees them.
        let saved = SAVED.with(|s| std::mem::take(&mut *s.borrow_mut()));
        drop(saved);
        gc::collect(py, 2);
        prop_assert!(take_events().iter().all(|e| e.0 != 'f'), "finalized twice");
        prop_assert!(node_refs.iter().flatten().all(|r| !r.is_alive()));
        drop((external, node_refs));
        prop_assert_eq!(py.live_objects(), baseline);
        drop(t);
        gc::collect(py, 2);
        Ok(())
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: scale::cases(96), ..ProptestConfig::default() })]

    #[test]
    fn collections_match_the_reference_model(g in graph()) {
        run(&g)?;
    }
}
