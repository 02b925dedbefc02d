//! `tp_new`, `tp_alloc` and `tp_free` inheritance.
//!
//! Rules: facts.md §2 (**new**, inherit_slots **free**) and the **Inheritance:** /
//! **Default:** paragraphs of `type-objects-reference.txt` for tp_new ("not inherited by
//! static types whose tp_base is NULL or &PyBaseObject_Type"), tp_alloc and tp_free.
//!
//! CPython 3.11 outcomes: `tests/fixtures/inherit_spec.txt` (cases `new.*`, `alloc.*`,
//! `free.*`), recorded by `tests/fixtures/record_inherit_spec.py`.

mod support;

use pyrt::object::{gc_free, generic_alloc, plain_free};
use pyrt::types::{SlotId, SlotValue};
use pyrt::{Bound, Runtime, TypeFlags};
use support::*;

const BASE: TypeFlags = TypeFlags::BASETYPE;
const NONE: TypeFlags = TypeFlags(0);

fn new_addr<const N: u16>() -> usize {
    SlotValue::New(new::<N>).fn_addr()
}

// ------------------------------------------------------------------ tp_new

/// NoneType is a static type over object with its own `tp_new`, so it is instantiable
/// as in CPython 3.11 (case `new.NoneType DISALLOW_INSTANTIATION`): `NoneType()` is
/// `None`, and `NoneType(1)` raises "NoneType takes no arguments".
#[test]
fn none_type_has_its_own_new_and_returns_the_singleton() {
    Runtime::with(|py| {
        let none_type = Bound::from_ref(py, py.builtins().none_type());
        assert!(!none_type.has_flag(TypeFlags::DISALLOW_INSTANTIATION));
        let none = pyrt::call_type(py, &none_type, &[]).unwrap();
        assert!(std::ptr::eq(none.as_any_ref(), py.singletons().none()));
        let one = pyrt::builtins::int_new(py, 1).unwrap().into_any();
        let e = expect_err(py, pyrt::call_type(py, &none_type, &[one]), "NoneType(1)");
        assert_eq!(e, "TypeError: NoneType takes no arguments");
    });
}

/// A static type over object without its own `tp_new` does not inherit object's: it is
/// not instantiable ("cannot create 'X' instances").
#[test]
fn static_type_over_object_does_not_inherit_new() {
    Runtime::with(|py| {
        let t = ready_static(py, "m.NoNew", None, BASE, |_| {});
        assert!(t.tp_new.get().is_none());
        assert!(t.has_flag(TypeFlags::DISALLOW_INSTANTIATION));
        let e = expect_err(
            py,
            pyrt::call_type(py, &Bound::from_ref(py, t), &[]),
            "m.NoNew()",
        );
        assert_eq!(e, "TypeError: cannot create 'm.NoNew' instances");
    });
}

/// A static type over object with its own `tp_new` keeps it and stays instantiable.
#[test]
fn static_type_over_object_keeps_its_own_new() {
    Runtime::with(|py| {
        let t = ready_static(py, "m.OwnNew", None, BASE, |t| {
            t.tp_new.set(Some(new::<65>));
        });
        assert_eq!(addr(t, SlotId::TP_NEW), new_addr::<65>());
        assert!(!t.has_flag(TypeFlags::DISALLOW_INSTANTIATION));
    });
}

/// A static type whose base is not object inherits its base's `tp_new`.
#[test]
fn static_type_over_non_object_base_inherits_new() {
    Runtime::with(|py| {
        let b = ready_static(py, "m.SNewBase", None, BASE, |t| {
            t.tp_new.set(Some(new::<65>));
        });
        let s = ready_static(py, "m.SNewSub", Some(b), NONE, |_| {});
        assert_eq!(addr(s, SlotId::TP_NEW), new_addr::<65>());
        assert!(!s.has_flag(TypeFlags::DISALLOW_INSTANTIATION));
    });
}

/// Cases `new.heap_over_object *`: a dynamic (heap) type over object inherits object's
/// `tp_new` and is instantiable.
#[test]
fn heap_type_over_object_inherits_object_new() {
    assert_eq!(cpython("new.heap_over_object tp_new"), "object.tp_new");
    assert_eq!(cpython("new.heap_over_object DISALLOW_INSTANTIATION"), "0");
    Runtime::with(|py| {
        let object = py.builtins().object();
        assert!(
            object.tp_new.get().is_some(),
            "object must have a tp_new (CPython: object.tp_new)"
        );
        let p = spec(py, "m.P", NONE, &[], &[]);
        assert_eq!(addr(&p, SlotId::TP_NEW), addr(object, SlotId::TP_NEW));
        assert!(!p.has_flag(TypeFlags::DISALLOW_INSTANTIATION));
    });
}

/// Cases `new.primary_base_second_in_mro *`: D(A, L) with L over list has primary base
/// L (the most derived solid base) but MRO D, A, L, list, object. `tp_new` comes from
/// the primary base L, not from the first MRO entry A.
#[test]
fn dynamic_subtype_inherits_new_from_primary_base_not_first_mro_entry() {
    assert_eq!(
        cpython("new.primary_base_second_in_mro mro"),
        "DL,A,L,list,object"
    );
    assert_eq!(cpython("new.primary_base_second_in_mro base"), "L");
    assert_eq!(
        cpython("new.primary_base_second_in_mro tp_new"),
        "int.tp_new"
    );
    Runtime::with(|py| {
        let a = spec(py, "m.A", BASE, &[], &[]);
        let l = spec(
            py,
            "m.L",
            BASE,
            &[slot(SlotId::TP_NEW, SlotValue::New(new::<65>))],
            &[py.builtins().list()],
        );
        let d = spec(py, "m.DL", NONE, &[], &[&a, &l]);
        assert!(std::ptr::eq(d.base().unwrap(), &*l), "primary base is L");
        assert_eq!(addr(&d, SlotId::TP_NEW), new_addr::<65>());
    });
}

/// Cases `new.primary_base_not_mro *`: D(A, X) where only X defines `tp_new`: the primary
/// base A supplies it (object's), X's is not taken although X is in the MRO.
#[test]
fn dynamic_subtype_does_not_take_new_from_a_later_mro_entry() {
    assert_eq!(cpython("new.primary_base_not_mro base"), "A");
    assert_eq!(cpython("new.primary_base_not_mro tp_new"), "object.tp_new");
    Runtime::with(|py| {
        let a = spec(py, "m.A", BASE, &[], &[]);
        let x = spec(
            py,
            "m.X",
            BASE,
            &[slot(SlotId::TP_NEW, SlotValue::New(new::<65>))],
            &[],
        );
        let d = spec(py, "m.D", NONE, &[], &[&a, &x]);
        assert!(std::ptr::eq(d.base().unwrap(), &*a));
        assert_ne!(addr(&d, SlotId::TP_NEW), new_addr::<65>());
        assert_eq!(addr(&d, SlotId::TP_NEW), addr(&a, SlotId::TP_NEW));
        assert_eq!(
            addr(&d, SlotId::TP_NEW),
            addr(py.builtins().object(), SlotId::TP_NEW)
        );
    });
}

// ------------------------------------------------------------------ tp_alloc

/// Case `alloc.plain_spec tp_alloc`: a spec type gets the generic allocator.
#[test]
fn spec_type_gets_generic_alloc() {
    assert_eq!(cpython("alloc.plain_spec tp_alloc"), "PyType_GenericAlloc");
    Runtime::with(|py| {
        let p = spec(py, "m.P", NONE, &[], &[]);
        assert_eq!(
            addr(&p, SlotId::TP_ALLOC),
            generic_alloc as *const () as usize
        );
    });
}

/// A static type inherits its static base's `tp_alloc` by the copy rule.
#[test]
fn static_type_inherits_alloc_from_static_base() {
    Runtime::with(|py| {
        let b = ready_static(py, "m.AllocBase", None, BASE, |t| {
            // SAFETY: the type is never instantiated; only the slot's inheritance is checked.
            unsafe { t.tp_alloc.set(Some(alloc::<47>)) };
        });
        let s = ready_static(py, "m.AllocSub", Some(b), NONE, |_| {});
        assert_eq!(addr(s, SlotId::TP_ALLOC), alloc::<47> as *const () as usize);
    });
}

// ------------------------------------------------------------------ tp_free

/// Case `free.plain_over_plain tp_free`: same GC-ness → copy rule → object's plain free.
#[test]
fn plain_type_over_plain_base_gets_plain_free() {
    assert_eq!(cpython("free.plain_over_plain tp_free"), "PyObject_Free");
    Runtime::with(|py| {
        let p = spec(py, "m.P", NONE, &[], &[]);
        assert_eq!(addr(&p, SlotId::TP_FREE), plain_free as *const () as usize);
    });
}

/// Case `free.gc_over_plain tp_free`: a GC type over a base with the plain free gets the
/// GC free.
#[test]
fn gc_type_over_plain_base_gets_gc_free() {
    assert_eq!(cpython("free.gc_over_plain tp_free"), "PyObject_GC_Del");
    Runtime::with(|py| {
        let g = spec(
            py,
            "m.G",
            TypeFlags::HAVE_GC | BASE,
            &[slot(
                SlotId::TP_TRAVERSE,
                SlotValue::Traverse(traverse::<71>),
            )],
            &[],
        );
        assert_eq!(addr(&g, SlotId::TP_FREE), gc_free as *const () as usize);
    });
}

/// Cases `free.gc_over_gc *`: a type inheriting GC from a GC base copies its GC free.
#[test]
fn gc_type_over_gc_base_copies_its_free() {
    assert_eq!(cpython("free.gc_over_gc HAVE_GC"), "1");
    assert_eq!(cpython("free.gc_over_gc tp_free"), "PyObject_GC_Del");
    Runtime::with(|py| {
        let g = spec(
            py,
            "m.G",
            TypeFlags::HAVE_GC | BASE,
            &[slot(
                SlotId::TP_TRAVERSE,
                SlotValue::Traverse(traverse::<71>),
            )],
            &[],
        );
        let g2 = spec(py, "m.G2", NONE, &[], &[&g]);
        assert!(g2.has_flag(TypeFlags::HAVE_GC));
        assert_eq!(addr(&g2, SlotId::TP_FREE), gc_free as *const () as usize);
    });
}

/// Same GC-ness: a custom free of a plain base is copied by the copy rule.
#[test]
fn plain_type_copies_a_custom_free_of_a_plain_base() {
    Runtime::with(|py| {
        let b = spec(
            py,
            "m.FB",
            BASE,
            &[slot(SlotId::TP_FREE, SlotValue::Free(free::<74>))],
            &[],
        );
        let c = spec(py, "m.FC", NONE, &[], &[&b]);
        assert_eq!(addr(&c, SlotId::TP_FREE), free::<74> as *const () as usize);
    });
}
