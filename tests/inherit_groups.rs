//! Slot groups inherited together: `tp_getattr`+`tp_getattro`, `tp_setattr`+`tp_setattro`,
//! `tp_hash`+`tp_richcompare` (blocked by `__eq__`/`__hash__` in the type's own dict), and
//! `HAVE_GC`+`tp_traverse`+`tp_clear`.
//!
//! Rules: facts.md §2 (inherit_special **GC**, inherit_slots **getattr/getattro**, **hash
//! and richcompare**) and the "Group:" **Inheritance:** paragraphs of
//! `type-objects-reference.txt` (tp_getattr, tp_setattr, tp_hash, tp_richcompare,
//! Py_TPFLAGS_HAVE_GC, tp_traverse, tp_clear).
//!
//! CPython 3.11 outcomes: `tests/fixtures/inherit_spec.txt`, recorded by
//! `tests/fixtures/record_inherit_spec.py`; each test cites its cases.

mod support;

use pyrt::builtins::{dict_new, int_new, intern};
use pyrt::types::{SlotId, SlotValue};
use pyrt::{Bound, Runtime, TypeFlags};
use support::*;

const BASE: TypeFlags = TypeFlags::BASETYPE;
const NONE: TypeFlags = TypeFlags(0);

fn object_addr(id: SlotId) -> usize {
    Runtime::with(|py| addr(py.builtins().object(), id))
}

// ------------------------------------------------------------------ getattr pair

/// Cases `getattr.pair_from_object *`: a type with neither takes both from object
/// (`tp_getattr` NULL, `tp_getattro` object's).
#[test]
fn getattr_pair_inherited_from_object_when_type_has_neither() {
    assert_eq!(cpython("getattr.pair_from_object tp_getattr"), "NULL");
    assert_eq!(
        cpython("getattr.pair_from_object tp_getattro"),
        "object.tp_getattro"
    );
    Runtime::with(|py| {
        let p = spec(py, "m.P", NONE, &[], &[]);
        assert_eq!(addr(&p, SlotId::TP_GETATTR), 0);
        let want = object_addr(SlotId::TP_GETATTRO);
        assert_ne!(want, 0, "object has a tp_getattro");
        assert_eq!(addr(&p, SlotId::TP_GETATTRO), want);
    });
}

/// Case `getattr.own_getattr tp_getattro`: a type that sets only `tp_getattr` does not
/// receive object's `tp_getattro` (the pair is taken only when both are empty).
#[test]
fn getattr_own_getattr_blocks_inheriting_getattro() {
    assert_eq!(cpython("getattr.own_getattr tp_getattro"), "NULL");
    Runtime::with(|py| {
        let t = spec(
            py,
            "m.G",
            NONE,
            &[slot(SlotId::TP_GETATTR, SlotValue::GetAttr(getattr::<57>))],
            &[],
        );
        assert_eq!(
            addr(&t, SlotId::TP_GETATTR),
            getattr::<57> as *const () as usize
        );
        assert_eq!(addr(&t, SlotId::TP_GETATTRO), 0);
    });
}

/// Cases `getattr.pair_from_base *`: both members come from the base that has them.
#[test]
fn getattr_pair_inherited_together_from_base() {
    assert_eq!(
        cpython("getattr.pair_from_base tp_getattr"),
        "PyObject_GetAttrString"
    );
    assert_eq!(
        cpython("getattr.pair_from_base tp_getattro"),
        "type.tp_getattro"
    );
    Runtime::with(|py| {
        let b = spec(
            py,
            "m.GB",
            BASE,
            &[
                slot(SlotId::TP_GETATTR, SlotValue::GetAttr(getattr::<57>)),
                slot(SlotId::TP_GETATTRO, SlotValue::Binary(binary::<58>)),
            ],
            &[],
        );
        let c = spec(py, "m.GC", NONE, &[], &[&b]);
        assert_eq!(
            addr(&c, SlotId::TP_GETATTR),
            getattr::<57> as *const () as usize
        );
        assert_eq!(
            addr(&c, SlotId::TP_GETATTRO),
            binary::<58> as *const () as usize
        );
    });
}

/// Case `getattr.own_getattro_base_pair tp_getattr`: a type with its own `tp_getattro`
/// does not take the base's `tp_getattr`.
#[test]
fn getattr_own_getattro_blocks_inheriting_getattr() {
    assert_eq!(cpython("getattr.own_getattro_base_pair tp_getattr"), "NULL");
    Runtime::with(|py| {
        let b = spec(
            py,
            "m.GB",
            BASE,
            &[
                slot(SlotId::TP_GETATTR, SlotValue::GetAttr(getattr::<57>)),
                slot(SlotId::TP_GETATTRO, SlotValue::Binary(binary::<58>)),
            ],
            &[],
        );
        let c = spec(
            py,
            "m.GO",
            NONE,
            &[slot(SlotId::TP_GETATTRO, SlotValue::Binary(binary::<158>))],
            &[&b],
        );
        assert_eq!(addr(&c, SlotId::TP_GETATTR), 0);
        assert_eq!(
            addr(&c, SlotId::TP_GETATTRO),
            binary::<158> as *const () as usize
        );
    });
}

// ------------------------------------------------------------------ setattr pair

/// Cases `setattr.pair_from_object *`.
#[test]
fn setattr_pair_inherited_from_object_when_type_has_neither() {
    assert_eq!(cpython("setattr.pair_from_object tp_setattr"), "NULL");
    assert_eq!(
        cpython("setattr.pair_from_object tp_setattro"),
        "object.tp_setattro"
    );
    Runtime::with(|py| {
        let p = spec(py, "m.P", NONE, &[], &[]);
        assert_eq!(addr(&p, SlotId::TP_SETATTR), 0);
        let want = object_addr(SlotId::TP_SETATTRO);
        assert_ne!(want, 0, "object has a tp_setattro");
        assert_eq!(addr(&p, SlotId::TP_SETATTRO), want);
    });
}

/// Case `setattr.own_setattr tp_setattro`.
#[test]
fn setattr_own_setattr_blocks_inheriting_setattro() {
    assert_eq!(cpython("setattr.own_setattr tp_setattro"), "NULL");
    Runtime::with(|py| {
        let t = spec(
            py,
            "m.S",
            NONE,
            &[slot(SlotId::TP_SETATTR, SlotValue::SetAttr(setattr::<68>))],
            &[],
        );
        assert_eq!(
            addr(&t, SlotId::TP_SETATTR),
            setattr::<68> as *const () as usize
        );
        assert_eq!(addr(&t, SlotId::TP_SETATTRO), 0);
    });
}

/// Cases `setattr.pair_from_base *`.
#[test]
fn setattr_pair_inherited_together_from_base() {
    assert_eq!(
        cpython("setattr.pair_from_base tp_setattr"),
        "PyObject_SetAttrString"
    );
    assert_eq!(
        cpython("setattr.pair_from_base tp_setattro"),
        "type.tp_setattro"
    );
    Runtime::with(|py| {
        let b = spec(
            py,
            "m.SB",
            BASE,
            &[
                slot(SlotId::TP_SETATTR, SlotValue::SetAttr(setattr::<68>)),
                slot(SlotId::TP_SETATTRO, SlotValue::ObjObjArg(objobjarg::<69>)),
            ],
            &[],
        );
        let c = spec(py, "m.SC", NONE, &[], &[&b]);
        assert_eq!(
            addr(&c, SlotId::TP_SETATTR),
            setattr::<68> as *const () as usize
        );
        assert_eq!(
            addr(&c, SlotId::TP_SETATTRO),
            objobjarg::<69> as *const () as usize
        );
    });
}

/// Case `setattr.own_setattro_base_pair tp_setattr`.
#[test]
fn setattr_own_setattro_blocks_inheriting_setattr() {
    assert_eq!(cpython("setattr.own_setattro_base_pair tp_setattr"), "NULL");
    Runtime::with(|py| {
        let b = spec(
            py,
            "m.SB",
            BASE,
            &[
                slot(SlotId::TP_SETATTR, SlotValue::SetAttr(setattr::<68>)),
                slot(SlotId::TP_SETATTRO, SlotValue::ObjObjArg(objobjarg::<69>)),
            ],
            &[],
        );
        let c = spec(
            py,
            "m.SO",
            NONE,
            &[slot(
                SlotId::TP_SETATTRO,
                SlotValue::ObjObjArg(objobjarg::<169>),
            )],
            &[&b],
        );
        assert_eq!(addr(&c, SlotId::TP_SETATTR), 0);
        assert_eq!(
            addr(&c, SlotId::TP_SETATTRO),
            objobjarg::<169> as *const () as usize
        );
    });
}

// ------------------------------------------------------------------ hash + richcompare

/// Cases `hash.only_richcompare *`: a type defining only `tp_richcompare` does not
/// inherit `tp_hash`; it ends with no hash, so `__hash__ = None` goes into its dict and
/// hashing raises `TypeError: unhashable type: 'm.R'` (CPython names the type by its
/// `tp_name`, the full dotted spec name).
#[test]
fn hash_not_inherited_by_a_type_defining_only_richcompare() {
    assert_eq!(
        cpython("hash.only_richcompare tp_hash"),
        "PyObject_HashNotImplemented"
    );
    assert_eq!(cpython("hash.only_richcompare __hash__ in dict"), "None");
    let raised = cpython("hash.only_richcompare hash(instance)");
    Runtime::with(|py| {
        let r = spec(
            py,
            "m.R",
            NONE,
            &[slot(
                SlotId::TP_RICHCOMPARE,
                SlotValue::RichCompare(richcmp::<67>),
            )],
            &[],
        );
        assert_eq!(
            addr(&r, SlotId::TP_RICHCOMPARE),
            richcmp::<67> as *const () as usize
        );
        assert_eq!(
            addr(&r, SlotId::TP_HASH),
            pyrt::type_ready::hash_not_implemented as *const () as usize
        );
        assert_eq!(
            dict_entry(py, &r, "__hash__").as_deref(),
            Some("<NoneType>")
        );
        let obj = instance(py, &r);
        let e = expect_err(py, pyrt::protocol::hash(py, &obj), "hash(m.R())");
        assert_eq!(format!("raise {e}"), raised);
    });
}

/// Case `hash.only_hash tp_richcompare`: a type defining only `tp_hash` does not inherit
/// object's `tp_richcompare`.
#[test]
fn richcompare_not_inherited_by_a_type_defining_only_hash() {
    assert_eq!(cpython("hash.only_hash tp_richcompare"), "NULL");
    Runtime::with(|py| {
        let h = spec(
            py,
            "m.H",
            NONE,
            &[slot(SlotId::TP_HASH, SlotValue::Ssize(ssize::<59>))],
            &[],
        );
        assert_eq!(addr(&h, SlotId::TP_HASH), ssize::<59> as *const () as usize);
        assert_eq!(addr(&h, SlotId::TP_RICHCOMPARE), 0);
        assert_ne!(
            dict_entry(py, &h, "__hash__").as_deref(),
            Some("<NoneType>"),
            "a type with its own hash is hashable"
        );
    });
}

/// Cases `hash.pair_from_base *`: a type with neither takes both from the base.
#[test]
fn hash_and_richcompare_inherited_together_from_base() {
    assert_eq!(cpython("hash.pair_from_base tp_hash"), "int.tp_hash");
    assert_eq!(
        cpython("hash.pair_from_base tp_richcompare"),
        "int.tp_richcompare"
    );
    Runtime::with(|py| {
        let b = spec(
            py,
            "m.HB",
            BASE,
            &[
                slot(SlotId::TP_HASH, SlotValue::Ssize(ssize::<59>)),
                slot(
                    SlotId::TP_RICHCOMPARE,
                    SlotValue::RichCompare(richcmp::<67>),
                ),
            ],
            &[],
        );
        let c = spec(py, "m.HC", NONE, &[], &[&b]);
        assert_eq!(addr(&c, SlotId::TP_HASH), ssize::<59> as *const () as usize);
        assert_eq!(
            addr(&c, SlotId::TP_RICHCOMPARE),
            richcmp::<67> as *const () as usize
        );
        assert_eq!(dict_entry(py, &c, "__hash__"), None);
    });
}

fn hash_base(py: pyrt::Python<'_>) -> Bound<'_, pyrt::TypeObject> {
    spec(
        py,
        "m.HB",
        BASE,
        &[
            slot(SlotId::TP_HASH, SlotValue::Ssize(ssize::<59>)),
            slot(
                SlotId::TP_RICHCOMPARE,
                SlotValue::RichCompare(richcmp::<67>),
            ),
        ],
        &[],
    )
}

/// Cases `hash.dict_eq_blocks *`: `class C(HB): __eq__ = 1` — the type's own dict has
/// `__eq__`, so neither `tp_hash` nor `tp_richcompare` is inherited from the spec base
/// that has them; C ends with `__hash__ = None` and is unhashable.
#[test]
fn hash_group_not_inherited_when_own_dict_has_eq() {
    assert_eq!(cpython("hash.dict_eq_blocks __hash__ in dict"), "None");
    assert_eq!(
        cpython("hash.dict_eq_blocks tp_hash"),
        "PyObject_HashNotImplemented"
    );
    let raised = cpython("hash.dict_eq_blocks hash(instance)");
    Runtime::with(|py| {
        let b = hash_base(py);
        let ns = dict_new(py).unwrap();
        ns.set_item(
            py,
            intern(py, "__eq__").unwrap().as_any(),
            int_new(py, 1).unwrap().as_any(),
        )
        .unwrap();
        let c = pyrt::new_class(py, "C", std::slice::from_ref(&b), Some(&ns)).unwrap();
        assert_ne!(addr(&c, SlotId::TP_HASH), ssize::<59> as *const () as usize);
        assert_ne!(
            addr(&c, SlotId::TP_RICHCOMPARE),
            richcmp::<67> as *const () as usize
        );
        assert_eq!(
            dict_entry(py, &c, "__hash__").as_deref(),
            Some("<NoneType>")
        );
        let obj = instance(py, &c);
        let e = expect_err(py, pyrt::protocol::hash(py, &obj), "hash(C())");
        assert_eq!(format!("raise {e}"), raised);
    });
}

/// The same with `__hash__` in the own dict: `type_ready` inherits neither member of
/// the group and the dict's `__hash__` is left as it is; class creation's slot fixup then
/// gives `tp_hash` the `__hash__` dispatcher and finds the base's `__eq__` slot wrapper,
/// so `tp_richcompare` becomes the base's own function again (CPython's slot update
/// does the same).
#[test]
fn hash_group_not_inherited_when_own_dict_has_hash() {
    Runtime::with(|py| {
        let b = hash_base(py);
        let ns = dict_new(py).unwrap();
        ns.set_item(
            py,
            intern(py, "__hash__").unwrap().as_any(),
            int_new(py, 1).unwrap().as_any(),
        )
        .unwrap();
        let c = pyrt::new_class(py, "C", std::slice::from_ref(&b), Some(&ns)).unwrap();
        assert_ne!(addr(&c, SlotId::TP_HASH), ssize::<59> as *const () as usize);
        assert_eq!(
            addr(&c, SlotId::TP_RICHCOMPARE),
            richcmp::<67> as *const () as usize
        );
        assert_eq!(dict_entry(py, &c, "__hash__").as_deref(), Some("<int>"));
    });
}

// ------------------------------------------------------------------ GC group

fn gc_base(py: pyrt::Python<'_>) -> Bound<'_, pyrt::TypeObject> {
    spec(
        py,
        "m.GB",
        BASE | TypeFlags::HAVE_GC,
        &[
            slot(SlotId::TP_TRAVERSE, SlotValue::Traverse(traverse::<71>)),
            slot(SlotId::TP_CLEAR, SlotValue::ObjProc(objproc::<51>)),
        ],
        &[],
    )
}

/// Cases `gc.none_of_three *`: a subtype with none of HAVE_GC, tp_traverse, tp_clear
/// takes all three from its GC base.
#[test]
fn gc_group_inherited_when_subtype_has_none_of_the_three() {
    assert_eq!(cpython("gc.none_of_three HAVE_GC"), "1");
    assert_eq!(cpython("gc.none_of_three tp_traverse"), "list.tp_traverse");
    assert_eq!(cpython("gc.none_of_three tp_clear"), "list.tp_clear");
    Runtime::with(|py| {
        let b = gc_base(py);
        let c = spec(py, "m.GC", NONE, &[], &[&b]);
        assert!(c.has_flag(TypeFlags::HAVE_GC));
        assert_eq!(
            addr(&c, SlotId::TP_TRAVERSE),
            traverse::<71> as *const () as usize
        );
        assert_eq!(
            addr(&c, SlotId::TP_CLEAR),
            objproc::<51> as *const () as usize
        );
    });
}

/// Cases `gc.own_clear *`: a subtype with its own tp_clear (and no GC flag) inherits
/// neither the flag nor tp_traverse; its tp_free then comes from object (plain free).
#[test]
fn gc_group_not_inherited_when_subtype_has_its_own_clear() {
    assert_eq!(cpython("gc.own_clear HAVE_GC"), "0");
    assert_eq!(cpython("gc.own_clear tp_traverse"), "NULL");
    assert_eq!(cpython("gc.own_clear tp_free"), "PyObject_Free");
    Runtime::with(|py| {
        let b = gc_base(py);
        let c = spec(
            py,
            "m.GClear",
            NONE,
            &[slot(SlotId::TP_CLEAR, SlotValue::ObjProc(objproc::<151>))],
            &[&b],
        );
        assert!(!c.has_flag(TypeFlags::HAVE_GC), "{}", flag_list(c.flags()));
        assert_eq!(addr(&c, SlotId::TP_TRAVERSE), 0);
        assert_eq!(
            addr(&c, SlotId::TP_CLEAR),
            objproc::<151> as *const () as usize
        );
        assert_eq!(
            addr(&c, SlotId::TP_FREE),
            pyrt::object::plain_free as *const () as usize
        );
    });
}

/// Cases `gc.own_flag_and_traverse *`: a subtype with its own HAVE_GC and tp_traverse
/// keeps its traverse and does not take the base's tp_clear.
#[test]
fn gc_group_not_inherited_when_subtype_has_flag_and_traverse() {
    assert_eq!(
        cpython("gc.own_flag_and_traverse tp_traverse"),
        "dict.tp_traverse"
    );
    assert_eq!(cpython("gc.own_flag_and_traverse tp_clear"), "NULL");
    Runtime::with(|py| {
        let b = gc_base(py);
        let c = spec(
            py,
            "m.GTrav",
            TypeFlags::HAVE_GC,
            &[slot(
                SlotId::TP_TRAVERSE,
                SlotValue::Traverse(traverse::<171>),
            )],
            &[&b],
        );
        assert_eq!(
            addr(&c, SlotId::TP_TRAVERSE),
            traverse::<171> as *const () as usize
        );
        assert_eq!(addr(&c, SlotId::TP_CLEAR), 0);
    });
}
