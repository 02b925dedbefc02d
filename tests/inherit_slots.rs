//! Slot inheritance: the copy rule, the MRO walk, and sub-table slots.
//!
//! Rules: facts.md §2 (**Order**, **Copy rule**, inherit_slots) and the **Inheritance:**
//! paragraphs of `type-objects-reference.txt` (tp_as_number & co.: "the contained fields
//! are inherited individually").
//!
//! CPython 3.11 outcomes are recorded in `tests/fixtures/inherit_spec.txt` by
//! `tests/fixtures/record_inherit_spec.py` (PyType_FromSpecWithBases + PyType_GetSlot
//! through ctypes); each test cites its case. The fixture names slot values after the
//! builtin functions CPython used; here distinct test functions play those roles.

mod support;

use pyrt::types::{NumberMethods, SlotId, SlotValue};
use pyrt::{Runtime, TypeFlags};
use std::ptr::NonNull;
use support::*;

const BASE: TypeFlags = TypeFlags::BASETYPE;
const NONE: TypeFlags = TypeFlags(0);

fn f_repr() -> SlotValue<'static> {
    SlotValue::Unary(unary::<1>)
}
fn g_repr() -> SlotValue<'static> {
    SlotValue::Unary(unary::<2>)
}

/// Case `copy.inherit_from_base tp_repr`: an empty slot is copied from the base.
#[test]
fn copy_rule_copies_base_slot_into_empty_slot() {
    assert_eq!(cpython("copy.inherit_from_base tp_repr"), "int.tp_repr");
    Runtime::with(|py| {
        let b = spec(py, "m.B", BASE, &[slot(SlotId::TP_REPR, f_repr())], &[]);
        let c = spec(py, "m.C0", NONE, &[], &[&b]);
        assert_eq!(addr(&c, SlotId::TP_REPR), f_repr().fn_addr());
    });
}

/// Case `copy.own_slot_kept tp_repr`: a slot the type sets is never replaced.
#[test]
fn copy_rule_keeps_the_types_own_slot() {
    assert_eq!(cpython("copy.own_slot_kept tp_repr"), "float.tp_repr");
    Runtime::with(|py| {
        let b = spec(py, "m.B", BASE, &[slot(SlotId::TP_REPR, f_repr())], &[]);
        let c = spec(py, "m.C1", NONE, &[slot(SlotId::TP_REPR, g_repr())], &[&b]);
        assert_eq!(addr(&c, SlotId::TP_REPR), g_repr().fn_addr());
    });
}

/// Case `copy.chain_same_value tp_repr`: B sets f, C(B) sets the same f, D(C). C's f
/// equals its base's, so C is skipped as a source; B (whose f differs from object's)
/// supplies it.
#[test]
fn copy_rule_chain_with_repeated_value_still_inherits_it() {
    assert_eq!(cpython("copy.chain_same_value tp_repr"), "int.tp_repr");
    Runtime::with(|py| {
        let b = spec(py, "m.B", BASE, &[slot(SlotId::TP_REPR, f_repr())], &[]);
        let c = spec(py, "m.C", BASE, &[slot(SlotId::TP_REPR, f_repr())], &[&b]);
        let d = spec(py, "m.D", NONE, &[], &[&c]);
        assert_eq!(addr(&d, SlotId::TP_REPR), f_repr().fn_addr());
    });
}

/// Cases `copy.skip_entry_equal_to_its_base *`: B sets f; C(B) sets the same f; X(B)
/// sets g; D(C, X) has MRO D, C, X, B, object. C is the first MRO entry with a repr, but
/// its f equals its own base's, so the copy rule skips it; X's g (which differs from B's)
/// is copied. D ends with g, not f.
#[test]
fn copy_rule_skips_an_entry_whose_slot_equals_its_own_bases() {
    assert_eq!(
        cpython("copy.skip_entry_equal_to_its_base mro"),
        "D2,C,X,B,object"
    );
    assert_eq!(
        cpython("copy.skip_entry_equal_to_its_base tp_repr"),
        "float.tp_repr"
    );
    Runtime::with(|py| {
        let b = spec(py, "m.B", BASE, &[slot(SlotId::TP_REPR, f_repr())], &[]);
        let c = spec(py, "m.C", BASE, &[slot(SlotId::TP_REPR, f_repr())], &[&b]);
        let x = spec(py, "m.X", BASE, &[slot(SlotId::TP_REPR, g_repr())], &[&b]);
        let d = spec(py, "m.D2", NONE, &[], &[&c, &x]);
        let mro: Vec<String> = pyrt::mro::mro_of(&d)
            .iter()
            .map(|t| pyrt::names::name(py, unsafe { t.as_ref() }))
            .collect();
        assert_eq!(mro.join(","), "D2,C,X,B,object");
        assert_eq!(
            addr(&d, SlotId::TP_REPR),
            g_repr().fn_addr(),
            "tp_repr must come from X (C's equals its base B's and is skipped)"
        );
    });
}

/// Case `mro.second_base nb_subtract`: the whole MRO is walked, not only `tp_base`: a
/// slot defined only on the second base is inherited.
#[test]
fn mro_walk_inherits_a_slot_defined_only_on_the_second_base() {
    assert_eq!(cpython("mro.second_base nb_subtract"), "int.nb_subtract");
    Runtime::with(|py| {
        let a = spec(py, "m.A", BASE, &[], &[]);
        let x = spec(
            py,
            "m.X",
            BASE,
            &[
                slot(SlotId::NB_SUBTRACT, SlotValue::Binary(binary::<36>)),
                slot(SlotId::TP_ITERNEXT, SlotValue::IterNext(iternext::<63>)),
            ],
            &[],
        );
        let d = spec(py, "m.D", NONE, &[], &[&a, &x]);
        assert!(std::ptr::eq(d.base().unwrap(), &*a), "primary base is A");
        assert_eq!(
            addr(&d, SlotId::NB_SUBTRACT),
            binary::<36> as *const () as usize
        );
        assert_eq!(
            addr(&d, SlotId::TP_ITERNEXT),
            iternext::<63> as *const () as usize
        );
    });
}

/// Case `mro.first_entry_wins tp_iter`: when several MRO entries define a slot, the
/// first one (in MRO order) supplies it.
#[test]
fn first_mro_entry_defining_a_slot_wins() {
    assert_eq!(cpython("mro.first_entry_wins tp_iter"), "list.tp_iter");
    Runtime::with(|py| {
        let a = spec(
            py,
            "m.A",
            BASE,
            &[slot(SlotId::TP_ITER, SlotValue::Unary(unary::<62>))],
            &[],
        );
        let x = spec(
            py,
            "m.X",
            BASE,
            &[slot(SlotId::TP_ITER, SlotValue::Unary(unary::<162>))],
            &[],
        );
        let d = spec(py, "m.D", NONE, &[], &[&a, &x]);
        assert_eq!(addr(&d, SlotId::TP_ITER), unary::<62> as *const () as usize);
        let e = spec(py, "m.E", NONE, &[], &[&x, &a]);
        assert_eq!(
            addr(&e, SlotId::TP_ITER),
            unary::<162> as *const () as usize
        );
    });
}

/// Cases `subtable.per_slot *`: sub-table slots are inherited one by one: `nb_add` from
/// one base, `nb_subtract` from another (the table as a whole is not copied).
#[test]
fn subtable_slots_are_inherited_one_by_one_from_different_bases() {
    assert_eq!(cpython("subtable.per_slot nb_add"), "int.nb_add");
    assert_eq!(cpython("subtable.per_slot nb_subtract"), "int.nb_subtract");
    Runtime::with(|py| {
        let a = spec(
            py,
            "m.A",
            BASE,
            &[slot(SlotId::NB_ADD, SlotValue::Binary(binary::<7>))],
            &[],
        );
        let x = spec(
            py,
            "m.X",
            BASE,
            &[
                slot(SlotId::NB_SUBTRACT, SlotValue::Binary(binary::<36>)),
                slot(SlotId::SQ_LENGTH, SlotValue::Ssize(ssize::<45>)),
                slot(SlotId::MP_SUBSCRIPT, SlotValue::Binary(binary::<5>)),
                slot(SlotId::AM_AWAIT, SlotValue::Unary(unary::<77>)),
            ],
            &[],
        );
        let d = spec(py, "m.D", NONE, &[], &[&a, &x]);
        assert_eq!(addr(&d, SlotId::NB_ADD), binary::<7> as *const () as usize);
        assert_eq!(
            addr(&d, SlotId::NB_SUBTRACT),
            binary::<36> as *const () as usize
        );
        assert_eq!(
            addr(&d, SlotId::SQ_LENGTH),
            ssize::<45> as *const () as usize
        );
        assert_eq!(
            addr(&d, SlotId::MP_SUBSCRIPT),
            binary::<5> as *const () as usize
        );
        assert_eq!(
            addr(&d, SlotId::AM_AWAIT),
            unary::<77> as *const () as usize
        );
        // D's tables are its own storage, not A's or X's.
        assert_ne!(d.tp_as_number.get(), a.tp_as_number.get());
        assert_ne!(d.tp_as_number.get(), x.tp_as_number.get());
    });
}

/// Heap types always have all five sub-tables (their own inline storage), so a
/// sub-table slot can always be received, even by a type that defines none.
#[test]
fn heap_types_always_have_their_own_subtables() {
    Runtime::with(|py| {
        let t = spec(py, "m.T", NONE, &[], &[]);
        assert_eq!(t.tp_as_number.get(), Some(NonNull::from(&t.as_number)));
        assert_eq!(t.tp_as_sequence.get(), Some(NonNull::from(&t.as_sequence)));
        assert_eq!(t.tp_as_mapping.get(), Some(NonNull::from(&t.as_mapping)));
        assert_eq!(t.tp_as_async.get(), Some(NonNull::from(&t.as_async)));
        assert_eq!(t.tp_as_buffer.get(), Some(NonNull::from(&t.as_buffer)));
    });
}

fn leaked_number_table(nb_add: Option<pyrt::types::BinaryFunc>) -> NonNull<NumberMethods> {
    let t: &'static NumberMethods = Box::leak(Box::default());
    t.nb_add.set(nb_add);
    NonNull::from(t)
}

/// Sub-table slots need the sub-table on both sides: a static type with its own (empty)
/// number table receives the base's `nb_add` into it.
#[test]
fn subtable_slot_copied_when_both_sides_have_the_table() {
    Runtime::with(|py| {
        let base = ready_static(py, "m.SBase", None, BASE, |t| {
            // SAFETY: the leaked table lives forever.
            unsafe {
                t.tp_as_number
                    .set(Some(leaked_number_table(Some(binary::<7>))))
            };
        });
        let own = leaked_number_table(None);
        let sub = ready_static(py, "m.SSub", Some(base), NONE, |t| {
            // SAFETY: the leaked table lives forever.
            unsafe { t.tp_as_number.set(Some(own)) };
        });
        assert_eq!(sub.tp_as_number.get(), Some(own), "keeps its own table");
        assert_eq!(addr(sub, SlotId::NB_ADD), binary::<7> as *const () as usize);
    });
}

/// facts.md §2 Order step 3: a static type with an absent sub-table shares the base's
/// sub-table pointer (nothing can be copied into a table that does not exist).
#[test]
fn static_type_without_a_subtable_shares_the_bases() {
    Runtime::with(|py| {
        let table = leaked_number_table(Some(binary::<7>));
        let base = ready_static(py, "m.SBase2", None, BASE, |t| {
            // SAFETY: the leaked table lives forever.
            unsafe { t.tp_as_number.set(Some(table)) };
        });
        let sub = ready_static(py, "m.SSub2", Some(base), NONE, |_| {});
        assert_eq!(sub.tp_as_number.get(), Some(table));
        assert_eq!(addr(sub, SlotId::NB_ADD), binary::<7> as *const () as usize);
    });
}

/// A heap type over a base without a number table (object) gets no number slots from it
/// and keeps its own empty table.
#[test]
fn subtable_slot_not_copied_when_the_base_has_no_table() {
    Runtime::with(|py| {
        let object = py.builtins().object();
        assert!(object.tp_as_number.get().is_none());
        let t = spec(py, "m.T", NONE, &[], &[]);
        assert_eq!(addr(&t, SlotId::NB_ADD), 0);
        assert_eq!(t.tp_as_number.get(), Some(NonNull::from(&t.as_number)));
    });
}

/// Every slot that the copy rule covers is copied from a base that sets it (one base
/// sets all of them; a subtype that sets none inherits each).
#[test]
fn copy_rule_covers_every_listed_slot() {
    Runtime::with(|py| {
        let slots = [
            slot(SlotId::TP_DEALLOC, SlotValue::Dealloc(dealloc::<52>)),
            slot(SlotId::TP_ALLOC, SlotValue::Alloc(alloc::<47>)),
            slot(SlotId::TP_REPR, SlotValue::Unary(unary::<66>)),
            slot(SlotId::TP_STR, SlotValue::Unary(unary::<70>)),
            slot(SlotId::TP_ITER, SlotValue::Unary(unary::<62>)),
            slot(SlotId::TP_ITERNEXT, SlotValue::IterNext(iternext::<63>)),
            slot(SlotId::TP_DESCR_GET, SlotValue::DescrGet(descr_get::<54>)),
            slot(SlotId::TP_DESCR_SET, SlotValue::ObjObjArg(objobjarg::<55>)),
            slot(SlotId::TP_INIT, SlotValue::Init(init::<60>)),
            slot(SlotId::TP_IS_GC, SlotValue::IsGc(is_gc::<61>)),
            slot(SlotId::TP_FINALIZE, SlotValue::ObjProc(objproc::<80>)),
            slot(SlotId::TP_CALL, SlotValue::Ternary(ternary::<50>)),
            slot(SlotId::NB_MULTIPLY, SlotValue::Binary(binary::<29>)),
            slot(SlotId::NB_BOOL, SlotValue::Inquiry(inquiry::<9>)),
            slot(SlotId::SQ_ITEM, SlotValue::SsizeArg(ssizearg::<44>)),
            slot(
                SlotId::SQ_ASS_ITEM,
                SlotValue::SsizeObjArg(ssizeobjarg::<39>),
            ),
            slot(SlotId::SQ_CONTAINS, SlotValue::ObjObj(objobj::<41>)),
            slot(
                SlotId::MP_ASS_SUBSCRIPT,
                SlotValue::ObjObjArg(objobjarg::<3>),
            ),
            slot(SlotId::AM_SEND, SlotValue::Send(send::<81>)),
            slot(SlotId::BF_GETBUFFER, SlotValue::GetBuffer(getbuffer::<1>)),
            slot(
                SlotId::BF_RELEASEBUFFER,
                SlotValue::ReleaseBuffer(releasebuffer::<2>),
            ),
        ];
        let b = spec(py, "m.All", BASE, &slots, &[]);
        let c = spec(py, "m.AllSub", NONE, &[], &[&b]);
        for s in &slots {
            let want = s.value.unwrap().fn_addr();
            assert_eq!(
                addr(&c, s.id),
                want,
                "{} not inherited",
                s.id.name().unwrap()
            );
        }
    });
}
