//! Native payloads and the cycle collector: payloads are dropped exactly once, cycles
//! through payload fields (`Option<Py<_>>`, `Vec<Py<_>>`, nested `Trace` structs,
//! enums) are found by the derived traverse and broken by the derived clear, and
//! `#[trace(skip)]` / bare `Py<_>` fields behave as documented.

mod native_common;

use native_common::{checked, describe};
use pyrt::native::{self, NativeClass, Py, PyAny, Trace, borrow_mut, none};
use pyrt::{Bound, Python, TypeObject};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Drops of `Node` payloads.
static NODE_DROPS: AtomicUsize = AtomicUsize::new(0);

#[derive(Trace, Default)]
struct Node {
    value: i64,
    next: Option<Py<PyAny>>,
    children: Vec<Py<PyAny>>,
    extra: Extra,
    drops: DropCount,
}

/// A nested `Trace` struct.
#[derive(Trace, Default)]
struct Extra {
    label: String,
    link: Option<Py<PyAny>>,
}

/// Counts its own drops in NODE_DROPS.
#[derive(Default)]
struct DropCount;

impl Drop for DropCount {
    fn drop(&mut self) {
        NODE_DROPS.fetch_add(1, Ordering::SeqCst);
    }
}

// SAFETY: holds no references.
unsafe impl Trace for DropCount {
    const HAS_REFS: bool = false;
    fn traverse(&self, _visit: &mut native::Visit<'_>) {}
    fn clear(&mut self, _released: &mut native::Released) {}
}

fn node_type(py: Python<'_>) -> Bound<'_, TypeObject> {
    NativeClass::<Node>::new("gcmod.Node")
        .base_type(true)
        .build(py)
        .unwrap()
}

fn node<'py>(py: Python<'py>, ty: &Bound<'py, TypeObject>) -> Bound<'py, PyAny> {
    pyrt::call::call0(py, ty.as_any()).unwrap()
}

fn drops() -> usize {
    NODE_DROPS.load(Ordering::SeqCst)
}

// The drop counter is shared by the tests of this file: they run one at a time because
// each holds the runtime lock for its whole body.

#[test]
fn an_instance_without_cycles_is_dropped_once_at_refcount_zero() {
    checked(|py| {
        let ty = node_type(py);
        let before = drops();
        let a = node(py, &ty);
        drop(a);
        assert_eq!(drops(), before + 1);
        pyrt::gc::collect(py, 2);
        assert_eq!(drops(), before + 1);
    });
}

#[test]
fn a_two_node_cycle_through_option_fields_is_collected() {
    checked(|py| {
        let ty = node_type(py);
        let before = drops();
        let a = node(py, &ty);
        let b = node(py, &ty);
        borrow_mut::<Node>(&a).unwrap().next = Some(b.clone().unbind());
        borrow_mut::<Node>(&b).unwrap().next = Some(a.clone().unbind());
        drop((a, b));
        assert_eq!(drops(), before, "a cycle survives refcounting");
        pyrt::gc::collect(py, 2);
        assert_eq!(drops(), before + 2);
    });
}

#[test]
fn cycles_through_vec_and_nested_fields_are_collected() {
    checked(|py| {
        let ty = node_type(py);
        let before = drops();
        let root = node(py, &ty);
        for _ in 0..3 {
            let child = node(py, &ty);
            // child -> root through the nested struct's field
            borrow_mut::<Node>(&child).unwrap().extra.link = Some(root.clone().unbind());
            borrow_mut::<Node>(&root)
                .unwrap()
                .children
                .push(child.unbind());
        }
        let lonely = node(py, &ty);
        // A self-cycle.
        borrow_mut::<Node>(&lonely).unwrap().next = Some(lonely.clone().unbind());
        drop((root, lonely));
        assert_eq!(drops(), before);
        pyrt::gc::collect(py, 2);
        assert_eq!(drops(), before + 5);
    });
}

#[test]
fn reachable_payload_references_survive_a_collection() {
    checked(|py| {
        let ty = node_type(py);
        let before = drops();
        let a = node(py, &ty);
        let b = node(py, &ty);
        borrow_mut::<Node>(&a).unwrap().next = Some(b.clone().unbind());
        borrow_mut::<Node>(&b).unwrap().next = Some(a.clone().unbind());
        drop(b);
        pyrt::gc::collect(py, 2);
        assert_eq!(drops(), before, "reachable from `a`");
        let b = native::borrow::<Node>(&a)
            .unwrap()
            .next
            .as_ref()
            .unwrap()
            .clone_ref(py);
        assert!(native::borrow::<Node>(b.bind(py)).unwrap().next.is_some());
        drop(b);
        drop(a);
        pyrt::gc::collect(py, 2);
        assert_eq!(drops(), before + 2);
    });
}

#[test]
fn gc_referents_are_the_payload_references_and_the_type() {
    checked(|py| {
        let ty = node_type(py);
        let a = node(py, &ty);
        let b = node(py, &ty);
        let c = node(py, &ty);
        {
            let mut p = borrow_mut::<Node>(&a).unwrap();
            p.next = Some(b.clone().unbind());
            p.children.push(c.clone().unbind());
        }
        let refs = pyrt::gc::get_referents(py, std::slice::from_ref(&a));
        let has = |o: &Bound<'_, PyAny>| refs.iter().filter(|r| r.is(o)).count();
        assert_eq!(has(&b), 1);
        assert_eq!(has(&c), 1);
        assert_eq!(has(ty.as_any()), 1);
        assert_eq!(refs.len(), 3);
    });
}

#[test]
fn an_exclusively_borrowed_payload_is_not_traversed() {
    checked(|py| {
        let ty = node_type(py);
        let a = node(py, &ty);
        let b = node(py, &ty);
        borrow_mut::<Node>(&a).unwrap().next = Some(b.clone().unbind());
        let guard = borrow_mut::<Node>(&a).unwrap();
        let refs = pyrt::gc::get_referents(py, std::slice::from_ref(&a));
        assert!(!refs.iter().any(|r| r.is(&b)), "the &mut is not aliased");
        // Collecting while the payload is borrowed keeps what it references alive.
        drop(refs);
        pyrt::gc::collect(py, 2);
        assert!(guard.next.is_some());
        drop(guard);
        borrow_mut::<Node>(&a).unwrap().next = None;
    });
}

/// Drops of `Pinned` payloads.
static PINNED_DROPS: AtomicUsize = AtomicUsize::new(0);

/// `#[trace(skip)]` hides a reference from the collector (documented: a cycle through
/// it is never collected); a bare `Py<_>` is visited but not cleared.
#[derive(Trace)]
struct Pinned {
    #[trace(skip)]
    hidden: Option<Py<PyAny>>,
    bare: Py<PyAny>,
    link: Option<Py<PyAny>>,
    count: Counted,
}

/// Counts drops in PINNED_DROPS.
struct Counted;

impl Drop for Counted {
    fn drop(&mut self) {
        PINNED_DROPS.fetch_add(1, Ordering::SeqCst);
    }
}

// SAFETY: no references.
unsafe impl Trace for Counted {
    const HAS_REFS: bool = false;
    fn traverse(&self, _visit: &mut native::Visit<'_>) {}
    fn clear(&mut self, _released: &mut native::Released) {}
}

fn pinned_type(py: Python<'_>) -> Bound<'_, TypeObject> {
    NativeClass::<Pinned>::with_constructor("gcmod.Pinned", |py, _args, _kw| {
        Ok(Pinned {
            hidden: None,
            bare: none(py).unbind(),
            link: None,
            count: Counted,
        })
    })
    .build(py)
    .unwrap()
}

#[test]
fn skipped_fields_are_invisible_and_bare_py_fields_are_not_cleared() {
    checked(|py| {
        let ty = pinned_type(py);
        let base = PINNED_DROPS.load(Ordering::SeqCst);
        // A cycle through `bare` (visited) and `link` (cleared): collected.
        let a = pyrt::call::call0(py, ty.as_any()).unwrap();
        let b = pyrt::call::call0(py, ty.as_any()).unwrap();
        native::borrow_mut::<Pinned>(&a).unwrap().bare = b.clone().unbind();
        native::borrow_mut::<Pinned>(&b).unwrap().link = Some(a.clone().unbind());
        drop((a, b));
        pyrt::gc::collect(py, 2);
        assert_eq!(PINNED_DROPS.load(Ordering::SeqCst), base + 2);
        // A cycle through a skipped field is not seen: it stays until broken by hand.
        let c = pyrt::call::call0(py, ty.as_any()).unwrap();
        native::borrow_mut::<Pinned>(&c).unwrap().hidden = Some(c.clone().unbind());
        let weak = c.clone().unbind();
        drop(c);
        pyrt::gc::collect(py, 2);
        assert_eq!(PINNED_DROPS.load(Ordering::SeqCst), base + 2);
        let c = weak.into_bound(py);
        let hidden = native::borrow_mut::<Pinned>(&c).unwrap().hidden.take();
        drop(hidden);
        drop(c);
        assert_eq!(PINNED_DROPS.load(Ordering::SeqCst), base + 3);
    });
}

/// An enum payload: the derive handles variants.
#[derive(Trace, Default)]
enum Shape {
    #[default]
    Empty,
    One(Option<Py<PyAny>>),
    Many {
        items: Vec<Py<PyAny>>,
        tag: u8,
    },
}

#[test]
fn enum_payloads_are_traversed_and_cleared() {
    checked(|py| {
        let ty = NativeClass::<Shape>::new("gcmod.Shape").build(py).unwrap();
        let a = pyrt::call::call0(py, ty.as_any()).unwrap();
        let b = pyrt::call::call0(py, ty.as_any()).unwrap();
        *borrow_mut::<Shape>(&a).unwrap() = Shape::One(Some(b.clone().unbind()));
        *borrow_mut::<Shape>(&b).unwrap() = Shape::Many {
            items: vec![a.clone().unbind(), b.clone().unbind()],
            tag: 1,
        };
        let refs = pyrt::gc::get_referents(py, std::slice::from_ref(&b));
        assert_eq!(refs.iter().filter(|r| r.is(&a) || r.is(&b)).count(), 2);
        drop(refs);
        let wa = pyrt::weakref::weakref_new(py, ty.as_any(), None).unwrap();
        drop((a, b, ty));
        pyrt::gc::collect(py, 2);
        assert!(
            wa.upgrade(py).is_none(),
            "instances and their type are freed"
        );
    });
}

#[test]
fn collection_errors_are_none_and_verify_passes_with_many_objects() {
    checked(|py| {
        let ty = node_type(py);
        let before = drops();
        let mut prev: Option<Bound<'_, PyAny>> = None;
        let first = node(py, &ty);
        for _ in 0..200 {
            let n = node(py, &ty);
            borrow_mut::<Node>(&n).unwrap().next =
                Some(prev.take().unwrap_or_else(|| first.clone()).unbind());
            prev = Some(n);
        }
        borrow_mut::<Node>(&first).unwrap().next = prev.take().map(Bound::unbind);
        pyrt::gc::verify(py).unwrap();
        drop(first);
        let r = pyrt::gc::try_collect(py, 2);
        assert!(r.is_ok(), "{:?}", r.err().map(|e| describe(py, &e)));
        assert_eq!(drops(), before + 201);
    });
}

/// `#[trace(crate = "...")]` names where `Trace` lives, for crates that depend on the
/// `pyrt` facade only.
#[derive(pyrt::native::Trace, Default)]
#[trace(crate = "pyrt::native")]
struct ViaFacade {
    link: Option<Py<PyAny>>,
    n: u32,
}

#[test]
fn the_crate_attribute_of_the_derive() {
    checked(|py| {
        const { assert!(<ViaFacade as Trace>::HAS_REFS) };
        let ty = NativeClass::<ViaFacade>::new("gcmod.ViaFacade")
            .build(py)
            .unwrap();
        let a = pyrt::call::call0(py, ty.as_any()).unwrap();
        borrow_mut::<ViaFacade>(&a).unwrap().link = Some(a.clone().unbind());
        let w = pyrt::weakref::weakref_new(py, ty.as_any(), None).unwrap();
        drop((a, ty));
        pyrt::gc::collect(py, 2);
        assert!(w.upgrade(py).is_none());
    });
}
