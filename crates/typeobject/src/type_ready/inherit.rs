//! Slot and flag inheritance (`inherit_special`, `inherit_slots`), per each slot's
//! **Inheritance:** rule in the spec:
//!
//! 1. `inherit_special` runs once, against the primary base: the GC group, the copied
//!    flags, sizes and offsets, and the one fast-subclass flag.
//! 2. `inherit_slots` runs for every MRO entry after the type, in MRO order (the first
//!    entry that defines a slot wins), with the SEQUENCE/MAPPING merge.
//! 3. Static types with absent sub-tables then share the primary base's.
//!
//! Owns nothing but these copies and the `tp_free` sanity check that follows them.

use crate::mro::mro_of;
use crate::names;
use pyrt_core::object::{gc_free, plain_free};
use pyrt_core::types::FreeFunc;
use pyrt_core::types::RawCell;
use pyrt_core::{PyErr, PyResult, Python, TypeFlags, TypeObject};

/// The copy rule for type-level function slots held in a `Cell`: copy `b`'s slot only
/// if the type's is empty, `b`'s is set, and `b`'s differs from its own base's (or it has
/// no base). Written out per slot so that inheritance reads fields directly instead
/// of going through the slot table by id.
macro_rules! copy_cell_slot {
    ($tp:expr, $b:expr, $b_base:expr, $($field:ident),* $(,)?) => {$(
        if $tp.$field.get().is_none()
            && let Some(v) = $b.$field.get()
            && $b_base.and_then(|bb: &TypeObject| bb.$field.get()).map(|f| f as usize)
                != Some(v as usize)
        {
            $tp.$field.set(Some(v));
        }
    )*};
}

/// The copy rule for the layout-bearing slots held in a `RawCell`.
macro_rules! copy_raw_slot {
    ($tp:expr, $b:expr, $b_base:expr, $($field:ident),* $(,)?) => {$(
        if $tp.$field.get().is_none()
            && let Some(v) = $b.$field.get()
            && $b_base.and_then(|bb: &TypeObject| bb.$field.get()).map(|f| f as usize)
                != Some(v as usize)
        {
            // SAFETY: `b` is in the type's MRO and the best-base check made its layout a
            // part of the type's, so its allocation, deallocation and GC-test functions are
            // valid for the type's instances (the same rule CPython relies on).
            unsafe { $tp.$field.set(Some(v)) };
        }
    )*};
}

/// Type-level function slots inherited by the plain copy rule (the sub-table slots are
/// inherited by the same rule in [`inherit_subtables`]).
fn copy_type_slots(tp: &TypeObject, b: &TypeObject, b_base: Option<&TypeObject>) {
    copy_raw_slot!(tp, b, b_base, tp_dealloc, tp_alloc, tp_is_gc);
    copy_cell_slot!(
        tp,
        b,
        b_base,
        tp_repr,
        tp_str,
        tp_iter,
        tp_iternext,
        tp_descr_get,
        tp_descr_set,
        tp_init,
        tp_finalize,
        tp_call,
    );
}

/// The fast-subclass flags, in the order CPython tests them.
fn fast_subclass_flags(py: Python<'_>) -> [(&TypeObject, TypeFlags); 7] {
    let b = py.builtins();
    [
        (b.base_exception(), TypeFlags::BASE_EXC_SUBCLASS),
        (b.type_(), TypeFlags::TYPE_SUBCLASS),
        (b.int(), TypeFlags::LONG_SUBCLASS),
        (b.str_(), TypeFlags::UNICODE_SUBCLASS),
        (b.tuple(), TypeFlags::TUPLE_SUBCLASS),
        (b.list(), TypeFlags::LIST_SUBCLASS),
        (b.dict(), TypeFlags::DICT_SUBCLASS),
    ]
}

pub(super) fn inherit(py: Python<'_>, tp: &TypeObject) -> PyResult<()> {
    if let Some(base) = tp.base() {
        inherit_special(py, tp, base);
    }
    for b in mro_of(tp).iter().skip(1) {
        // SAFETY: MRO entries are live types owned by tp's MRO tuple.
        let b = unsafe { b.as_ref() };
        inherit_slots(py, tp, b)?;
        merge_sequence_mapping(tp, b);
    }
    if let Some(base) = tp.base() {
        share_subtables(tp, base);
    }
    check_gc_free(py, tp)
}

/// Inheritance from the primary base only.
fn inherit_special(py: Python<'_>, tp: &TypeObject, base: &TypeObject) {
    inherit_gc_group(tp, base);
    inherit_managed_flags(tp, base);
    copy_if_zero(&tp.tp_basicsize, base.tp_basicsize.get());
    copy_if_zero(&tp.tp_itemsize, base.tp_itemsize.get());
    copy_if_zero(&tp.tp_weaklistoffset, base.tp_weaklistoffset.get());
    copy_if_zero(&tp.tp_dictoffset, base.tp_dictoffset.get());
    set_fast_subclass_flag(py, tp);
}

/// `HAVE_GC`, `tp_traverse` and `tp_clear` are inherited together, only when the type
/// has none of the three.
fn inherit_gc_group(tp: &TypeObject, base: &TypeObject) {
    if !tp.has_flag(TypeFlags::HAVE_GC)
        && base.has_flag(TypeFlags::HAVE_GC)
        && tp.tp_traverse.get().is_none()
        && tp.tp_clear.get().is_none()
    {
        // SAFETY: no instance exists yet, so from now on instances get a GC head, matching the
        // inherited traverse (and the GC free that inheritance then picks).
        unsafe {
            tp.add_flags(TypeFlags::HAVE_GC);
            tp.tp_traverse.set(base.tp_traverse.get());
        }
        tp.tp_clear.set(base.tp_clear.get());
    }
}

/// `MANAGED_DICT` / `MANAGED_WEAKREF` are inherited unless the type sets the matching
/// offset itself; `MATCH_SELF` and `ITEMS_AT_END` are inherited.
fn inherit_managed_flags(tp: &TypeObject, base: &TypeObject) {
    if base.has_flag(TypeFlags::MANAGED_DICT) && tp.tp_dictoffset.get() == 0 {
        // SAFETY: pyrt keeps instance dicts at tp_dictoffset; this flag records intent only.
        unsafe {
            tp.add_flags(TypeFlags::MANAGED_DICT);
        }
    }
    if base.has_flag(TypeFlags::MANAGED_WEAKREF) && tp.tp_weaklistoffset.get() == 0 {
        // SAFETY: pyrt keeps weakref lists at tp_weaklistoffset; this flag records intent only.
        unsafe {
            tp.add_flags(TypeFlags::MANAGED_WEAKREF);
        }
    }
    // SAFETY: pattern-matching flags; no layout depends on them.
    unsafe {
        tp.add_flags(base.flags() & (TypeFlags::MATCH_SELF | TypeFlags::ITEMS_AT_END));
    }
}

/// Copies a size or offset from the primary base when the type leaves it 0.
fn copy_if_zero(field: &RawCell<isize>, value: isize) {
    if field.get() == 0 {
        // SAFETY: the type extends its primary base's layout, so the base's size or
        // offset is valid for its instances.
        unsafe { field.set(value) };
    }
}

/// Exactly one fast-subclass flag: the first of BaseException, type, int, str, tuple,
/// list, dict that the type is a subtype of.
fn set_fast_subclass_flag(py: Python<'_>, tp: &TypeObject) {
    // SAFETY: the fast-subclass bit is recomputed from the MRO just below; no instance
    // exists yet to be downcast meanwhile.
    unsafe {
        tp.remove_flags(TypeFlags::FAST_SUBCLASS_MASK);
    }
    let candidates = fast_subclass_flags(py);
    // The type is a subtype of one of these builtins only if it is one of them or one of
    // them is in its MRO; every such MRO entry (a ready builtin, or a ready subtype of
    // one) carries a fast-subclass bit. With neither, no test below can succeed.
    let is_candidate = candidates.iter().any(|(t, _)| std::ptr::eq(*t, tp));
    let flagged_ancestor = mro_of(tp).iter().skip(1).any(|t| {
        // SAFETY: MRO entries are live types owned by tp's MRO tuple.
        unsafe { t.as_ref() }
            .flags()
            .intersects(TypeFlags::FAST_SUBCLASS_MASK)
    });
    if !is_candidate && !flagged_ancestor {
        return;
    }
    if let Some((_, flag)) = candidates.into_iter().find(|(t, _)| tp.is_subtype(t)) {
        // SAFETY: the type is a subtype of the builtin whose bit this is, so its instances
        // extend that builtin's layout (what `PyLayout::type_check` relies on).
        unsafe {
            tp.add_flags(flag);
        }
    }
}

/// Inheritance from one MRO entry `b`.
fn inherit_slots(py: Python<'_>, tp: &TypeObject, b: &TypeObject) -> PyResult<()> {
    let b_base = b.base();
    inherit_vectorcall_flag(tp, b);
    let had_descr_get = tp.tp_descr_get.get().is_some();
    inherit_subtables(tp, b, b_base);
    copy_type_slots(tp, b, b_base);
    inherit_method_descriptor_flag(tp, b, had_descr_get);
    copy_value_by_rule(
        &tp.tp_dictoffset,
        b.tp_dictoffset.get(),
        b_base.map(|x| x.tp_dictoffset.get()),
    );
    copy_value_by_rule(
        &tp.tp_vectorcall_offset,
        b.tp_vectorcall_offset.get(),
        b_base.map(|x| x.tp_vectorcall_offset.get()),
    );
    inherit_attr_pairs(tp, b);
    inherit_hash_group(py, tp, b)?;
    inherit_free(tp, b, b_base);
    Ok(())
}

/// The copy rule over the five sub-tables, each slot by slot; a sub-table is inherited
/// into only when both the type and `b` have it.
fn inherit_subtables(tp: &TypeObject, b: &TypeObject, b_base: Option<&TypeObject>) {
    if let (Some(t), Some(bt)) = (tp.number(), b.number()) {
        let bb = b_base.and_then(TypeObject::number);
        if may_contribute(bt, bb) {
            t.inherit_from(bt, bb);
        }
    }
    if let (Some(t), Some(bt)) = (tp.sequence(), b.sequence()) {
        let bb = b_base.and_then(TypeObject::sequence);
        if may_contribute(bt, bb) {
            t.inherit_from(bt, bb);
        }
    }
    if let (Some(t), Some(bt)) = (tp.mapping(), b.mapping()) {
        t.inherit_from(bt, b_base.and_then(TypeObject::mapping));
    }
    if let (Some(t), Some(bt)) = (tp.async_(), b.async_()) {
        t.inherit_from(bt, b_base.and_then(TypeObject::async_));
    }
    if let (Some(t), Some(bt)) = (tp.buffer(), b.buffer()) {
        t.inherit_from(bt, b_base.and_then(TypeObject::buffer));
    }
}

/// A slot sub-table viewed as its words.
///
/// # Safety
/// Implemented only for `#[repr(C)]` sub-tables whose every field is a
/// `Cell<Option<fn ..>>`: one initialised pointer-sized word each (0 for `None`), so
/// the table has no padding and is exactly its fields' words.
unsafe trait SlotWords: Sized {
    fn words(&self) -> &[usize] {
        const { assert!(std::mem::size_of::<Self>().is_multiple_of(std::mem::size_of::<usize>())) };
        let n = std::mem::size_of::<Self>() / std::mem::size_of::<usize>();
        // SAFETY: trait contract: the table is `n` initialised words; it is read under
        // the runtime lock while inheritance runs, and nothing writes `b`'s tables then.
        unsafe { std::slice::from_raw_parts(self as *const Self as *const usize, n) }
    }
}
// SAFETY: `subtable!` makes these `#[repr(C)]` structs of `Cell<Option<fn>>` fields only.
unsafe impl SlotWords for pyrt_core::types::NumberMethods {}
// SAFETY: as above.
unsafe impl SlotWords for pyrt_core::types::SequenceMethods {}

/// Whether the copy rule can take any slot from `b`'s sub-table: not when every slot
/// of it is empty or the same as in `b_base`'s (then no slot passes the rule). Two
/// whole-table comparisons (`memcmp`) instead of a branch per slot: a class's table
/// usually holds only what it inherited itself.
fn may_contribute<T: SlotWords>(b: &T, b_base: Option<&T>) -> bool {
    /// More empty words than any sub-table has (the number table has 36).
    const EMPTY: [usize; 64] = [0; 64];
    let bw = b.words();
    if EMPTY.get(..bw.len()) == Some(bw) {
        return false;
    }
    b_base.is_none_or(|bb| bb.words() != bw)
}

/// The copy rule for plain values (offsets).
fn copy_value_by_rule(field: &RawCell<isize>, value: isize, base_value: Option<isize>) {
    if field.get() == 0 && value != 0 && base_value != Some(value) {
        // SAFETY: `b` is in the type's MRO, so its layout is part of the type's (the best
        // base check guarantees compatible layouts); its offset is valid for instances.
        unsafe { field.set(value) };
    }
}

/// 3.11: `HAVE_VECTORCALL` comes with `tp_call` only to immutable types that have no
/// call slot yet.
fn inherit_vectorcall_flag(tp: &TypeObject, b: &TypeObject) {
    if tp.tp_call.get().is_none()
        && b.has_flag(TypeFlags::HAVE_VECTORCALL)
        && tp.has_flag(TypeFlags::IMMUTABLETYPE)
    {
        // SAFETY: pyrt dispatches calls through tp_call; this flag records capability only.
        unsafe {
            tp.add_flags(TypeFlags::HAVE_VECTORCALL);
        }
    }
}

/// `METHOD_DESCRIPTOR` comes with `b`'s `tp_descr_get`, to immutable types only.
fn inherit_method_descriptor_flag(tp: &TypeObject, b: &TypeObject, had_descr_get: bool) {
    let inherited = !had_descr_get
        && tp.tp_descr_get.get().is_some()
        && tp.tp_descr_get.get().map(|f| f as usize) == b.tp_descr_get.get().map(|f| f as usize);
    if inherited
        && tp.has_flag(TypeFlags::IMMUTABLETYPE)
        && b.has_flag(TypeFlags::METHOD_DESCRIPTOR)
    {
        // SAFETY: binding behaviour flag; no layout depends on it.
        unsafe {
            tp.add_flags(TypeFlags::METHOD_DESCRIPTOR);
        }
    }
}

/// `tp_getattr`+`tp_getattro` and `tp_setattr`+`tp_setattro` are copied as pairs when
/// the type has neither member of the pair.
fn inherit_attr_pairs(tp: &TypeObject, b: &TypeObject) {
    if tp.tp_getattr.get().is_none() && tp.tp_getattro.get().is_none() {
        tp.tp_getattr.set(b.tp_getattr.get());
        tp.tp_getattro.set(b.tp_getattro.get());
    }
    if tp.tp_setattr.get().is_none() && tp.tp_setattro.get().is_none() {
        tp.tp_setattr.set(b.tp_setattr.get());
        tp.tp_setattro.set(b.tp_setattro.get());
    }
}

/// `tp_hash`+`tp_richcompare` are copied together when the type has neither and its
/// own dict defines neither `__eq__` nor `__hash__`.
fn inherit_hash_group(py: Python<'_>, tp: &TypeObject, b: &TypeObject) -> PyResult<()> {
    if tp.tp_richcompare.get().is_some() || tp.tp_hash.get().is_some() {
        return Ok(());
    }
    if let Some(dict) = tp.tp_dict.get(py) {
        let eq = pyrt_core::interned!(py, "__eq__")?;
        let hash = pyrt_core::interned!(py, "__hash__")?;
        if dict.get_str_raw(py, &eq).is_some() || dict.get_str_raw(py, &hash).is_some() {
            return Ok(());
        }
    }
    tp.tp_richcompare.set(b.tp_richcompare.get());
    tp.tp_hash.set(b.tp_hash.get());
    Ok(())
}

/// `tp_free`: the copy rule when the type and `b` agree on GC; a GC type over a
/// plain-free `b` gets the GC free.
fn inherit_free(tp: &TypeObject, b: &TypeObject, b_base: Option<&TypeObject>) {
    let gc = tp.has_flag(TypeFlags::HAVE_GC);
    if gc == b.has_flag(TypeFlags::HAVE_GC) {
        copy_raw_slot!(tp, b, b_base, tp_free);
    } else if gc
        && tp.tp_free.get().is_none()
        && b.tp_free.get().map(|f| f as usize) == Some(plain_free as FreeFunc as usize)
    {
        // SAFETY: the type has HAVE_GC, so its instances carry the GC head gc_free expects.
        unsafe {
            tp.tp_free.set(Some(gc_free));
        }
    }
}

/// While the type has neither `SEQUENCE` nor `MAPPING`, `b`'s are OR'ed in.
fn merge_sequence_mapping(tp: &TypeObject, b: &TypeObject) {
    let both = TypeFlags::SEQUENCE | TypeFlags::MAPPING;
    if !tp.flags().intersects(both) {
        // SAFETY: pattern-matching flags; no layout depends on them.
        unsafe {
            tp.add_flags(b.flags() & both);
        }
    }
}

/// Static types with an absent sub-table share the primary base's.
fn share_subtables(tp: &TypeObject, base: &TypeObject) {
    if tp.has_flag(TypeFlags::HEAPTYPE) {
        return;
    }
    if tp.tp_as_async.get().is_none() {
        // SAFETY: the base's sub-table outlives this static type (static types are never
        // freed) and holds only plain functions.
        unsafe {
            tp.tp_as_async.set(base.tp_as_async.get());
        }
    }
    if tp.tp_as_number.get().is_none() {
        // SAFETY: the base's sub-table outlives this static type (static types are never
        // freed) and holds only plain functions.
        unsafe {
            tp.tp_as_number.set(base.tp_as_number.get());
        }
    }
    if tp.tp_as_sequence.get().is_none() {
        // SAFETY: the base's sub-table outlives this static type (static types are never
        // freed) and holds only plain functions.
        unsafe {
            tp.tp_as_sequence.set(base.tp_as_sequence.get());
        }
    }
    if tp.tp_as_mapping.get().is_none() {
        // SAFETY: the base's sub-table outlives this static type (static types are never
        // freed) and holds only plain functions.
        unsafe {
            tp.tp_as_mapping.set(base.tp_as_mapping.get());
        }
    }
    if tp.tp_as_buffer.get().is_none() {
        // SAFETY: the base's sub-table outlives this static type (static types are never
        // freed) and holds only plain functions.
        unsafe {
            tp.tp_as_buffer.set(base.tp_as_buffer.get());
        }
    }
}

/// A GC type that can be subclassed must free with the GC free.
fn check_gc_free(py: Python<'_>, tp: &TypeObject) -> PyResult<()> {
    let gc_base = tp.has_flag(TypeFlags::HAVE_GC) && tp.has_flag(TypeFlags::BASETYPE);
    if gc_base
        && tp
            .tp_free
            .get()
            .is_none_or(|f| f as usize != gc_free as FreeFunc as usize)
    {
        return Err(PyErr::type_error(
            py,
            format!(
                "type '{}' participates in gc and is a base type but has inappropriate tp_free slot",
                names::tp_name(tp)
            ),
        ));
    }
    Ok(())
}
