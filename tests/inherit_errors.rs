//! The errors `type_ready` raises (facts.md §1 steps 1, 4, 7, 10, 11).
//!
//! CPython 3.11 messages: `tests/fixtures/inherit_spec.txt` (cases `error.*`), recorded
//! by `tests/fixtures/record_inherit_spec.py`. Static types cannot be built from Python,
//! so the static-type errors (missing name, negative sizes, static over heap, MANAGED_DICT
//! without HEAPTYPE) use facts.md's messages or only the exception type where facts.md
//! gives none. Static types are made from zeroed `TypeObject` storage (valid when
//! zero-filled by the struct's documented invariant), see `support::static_type`.

mod support;

use pyrt::object::plain_free;
use pyrt::types::{SlotId, SlotValue};
use pyrt::{Runtime, TypeFlags};
use support::*;

const BASE: TypeFlags = TypeFlags::BASETYPE;
const NONE: TypeFlags = TypeFlags(0);
const GC: TypeFlags = TypeFlags::HAVE_GC;

/// Step 1: a type without a name (zeroed storage, `tp_name` unset) is refused.
#[test]
fn missing_name_is_a_system_error() {
    Runtime::with(|py| {
        let t = zeroed_type();
        let e = expect_err(py, pyrt::type_ready(py, t), "type_ready(nameless)");
        assert_eq!(e, "SystemError: Type does not define the tp_name field.");
        assert!(!t.has_flag(TypeFlags::READY));
    });
}

/// Case `error.empty_name`: CPython 3.11 accepts an empty spec name (the name is present,
/// only empty); the type has `__name__ == ''` and no `__module__`.
#[test]
fn empty_spec_name_is_accepted() {
    assert_eq!(cpython("error.empty_name"), "ok");
    Runtime::with(|py| {
        let t = try_spec(py, "", NONE, &[], &[]);
        let t = t.unwrap_or_else(|e| panic!("from_spec(\"\"): {}", err_text(py, &e)));
        assert_eq!(pyrt::names::name(py, &t), "");
        let m = expect_err(py, pyrt::names::module_name(py, &t), "__module__");
        assert_eq!(m, "AttributeError: __module__");
    });
}

/// Negative sizes on a static type are refused with SystemError.
#[test]
fn negative_basicsize_is_a_system_error() {
    Runtime::with(|py| {
        let t = static_type(py, "m.NegBasic", None, NONE);
        // SAFETY: the type has no instances; type_ready must refuse it.
        unsafe {
            t.tp_basicsize.set(-16);
        };
        let e = expect_err(py, pyrt::type_ready(py, t), "type_ready(m.NegBasic)");
        assert!(e.starts_with("SystemError: "), "{e}");
    });
}

/// Negative sizes on a static type are refused with SystemError.
#[test]
fn negative_itemsize_is_a_system_error() {
    Runtime::with(|py| {
        let t = static_type(py, "m.NegItem", None, NONE);
        // SAFETY: the type has no instances; type_ready must refuse it.
        unsafe {
            t.tp_itemsize.set(-8);
        };
        let e = expect_err(py, pyrt::type_ready(py, t), "type_ready(m.NegItem)");
        assert!(e.starts_with("SystemError: "), "{e}");
    });
}

/// Case `error.gc_without_traverse`: HAVE_GC without tp_traverse over a non-GC base.
#[test]
fn gc_without_traverse_is_a_system_error() {
    let want = cpython("error.gc_without_traverse");
    Runtime::with(|py| {
        let e = expect_err(py, try_spec(py, "m.G", GC | BASE, &[], &[]), "m.G");
        assert_eq!(format!("raise {e}"), want);
    });
}

/// Case `error.own_gc_flag_over_gc_base_without_traverse`: a type with its own HAVE_GC
/// does not inherit the GC group, so it still has no traverse.
#[test]
fn own_gc_flag_over_gc_base_without_traverse_is_a_system_error() {
    let want = cpython("error.own_gc_flag_over_gc_base_without_traverse");
    Runtime::with(|py| {
        let gb = spec(
            py,
            "m.GB",
            GC | BASE,
            &[slot(
                SlotId::TP_TRAVERSE,
                SlotValue::Traverse(traverse::<71>),
            )],
            &[],
        );
        let e = expect_err(py, try_spec(py, "m.G3", GC, &[], &[&gb]), "m.G3");
        assert_eq!(format!("raise {e}"), want);
    });
}

/// A static GC type without traverse is refused the same way.
#[test]
fn static_gc_type_without_traverse_is_a_system_error() {
    Runtime::with(|py| {
        let t = static_type(py, "m.SG", None, GC);
        let e = expect_err(py, pyrt::type_ready(py, t), "type_ready(m.SG)");
        assert_eq!(
            e,
            "SystemError: type m.SG has the Py_TPFLAGS_HAVE_GC flag but has no traverse function"
        );
    });
}

/// Case `error.gc_base_plain_free`: a GC base type whose tp_free is not the GC free.
#[test]
fn gc_base_type_with_plain_free_is_a_type_error() {
    let want = cpython("error.gc_base_plain_free");
    Runtime::with(|py| {
        let r = try_spec(
            py,
            "m.F",
            GC | BASE,
            &[
                slot(SlotId::TP_TRAVERSE, SlotValue::Traverse(traverse::<71>)),
                slot(SlotId::TP_FREE, SlotValue::Free(plain_free)),
            ],
            &[],
        );
        let e = expect_err(py, r, "m.F");
        assert_eq!(format!("raise {e}"), want);
    });
}

/// Case `error.gc_not_base_plain_free`: the same free on a GC type that is not a base
/// type is accepted.
#[test]
fn gc_non_base_type_with_plain_free_is_accepted() {
    assert_eq!(cpython("error.gc_not_base_plain_free"), "ok");
    Runtime::with(|py| {
        let r = try_spec(
            py,
            "m.F2",
            GC,
            &[
                slot(SlotId::TP_TRAVERSE, SlotValue::Traverse(traverse::<71>)),
                slot(SlotId::TP_FREE, SlotValue::Free(plain_free)),
            ],
            &[],
        );
        if let Err(e) = r {
            panic!("m.F2 refused: {}", err_text(py, &e));
        }
    });
}

/// facts.md §1 step 7 ("a missing or non-GC free") for a static GC base type whose own
/// free is neither the GC free nor inherited.
#[test]
fn static_gc_base_type_with_custom_free_is_a_type_error() {
    Runtime::with(|py| {
        let t = static_type(py, "m.SF", None, GC | BASE);
        // SAFETY: the type has no instances; type_ready must refuse it.
        unsafe {
            t.tp_traverse.set(Some(traverse::<71>));
            t.tp_free.set(Some(free::<74>));
        }
        let e = expect_err(py, pyrt::type_ready(py, t), "type_ready(m.SF)");
        assert_eq!(
            e,
            "TypeError: type 'm.SF' participates in gc and is a base type but has inappropriate tp_free slot"
        );
    });
}

/// Step 4: a static type with a heap type in its MRO.
#[test]
fn static_type_over_heap_type_is_a_type_error() {
    Runtime::with(|py| {
        let h = spec(py, "m.H", BASE, &[], &[]);
        let s = static_type(py, "m.S", Some(&h), NONE);
        let e = expect_err(py, pyrt::type_ready(py, s), "type_ready(m.S)");
        assert_eq!(
            e,
            "TypeError: type 'm.S' is not dynamically allocated but its base type 'm.H' is dynamically allocated"
        );
        assert!(!s.has_flag(TypeFlags::READY));
    });
}

/// The check covers the whole MRO, not only the direct base: static S over static T
/// whose MRO contains a heap type cannot exist (T itself is refused), so a heap type two
/// levels up is reported for the direct static base already.
#[test]
fn static_type_over_static_type_over_heap_type_is_refused() {
    Runtime::with(|py| {
        let h = spec(py, "m.H", BASE, &[], &[]);
        let t = static_type(py, "m.T", Some(&h), BASE);
        let s = static_type(py, "m.S", Some(t), NONE);
        let e = expect_err(py, pyrt::type_ready(py, s), "type_ready(m.S)");
        assert_eq!(
            e,
            "TypeError: type 'm.T' is not dynamically allocated but its base type 'm.H' is dynamically allocated"
        );
    });
}

/// Step 10: MANAGED_DICT without HEAPTYPE is a SystemError.
#[test]
fn managed_dict_on_static_type_is_a_system_error() {
    Runtime::with(|py| {
        let t = static_type(py, "m.SM", None, TypeFlags::MANAGED_DICT);
        let e = expect_err(py, pyrt::type_ready(py, t), "type_ready(m.SM)");
        assert!(e.starts_with("SystemError: "), "{e}");
    });
}
