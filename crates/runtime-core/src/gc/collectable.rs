//! Whether a referent is collectable (has a GC head and, for types with `tp_is_gc`,
//! that says yes), with `type`'s own `tp_is_gc` answered inline.
//!
//! Owns [`type_is_gc`] (installed as `type`'s `tp_is_gc` by `pyrt-typeobject`) and the
//! test the collector's model runs on every reported edge. Must not decide anything
//! else about objects.

use crate::object::PyAny;
use crate::runtime::Python;
use crate::types::{TypeFlags, TypeObject};

/// `tp_is_gc` of `type`: heap types are collectable, static types are not (and an
/// object that is not a type, should this ever be installed elsewhere, is not).
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     assert!(!pyrt_core::gc::type_is_gc(py.builtins().int().as_any()));
/// });
/// ```
pub fn type_is_gc(obj: &PyAny) -> bool {
    is_heap_type(obj, obj.ob_type())
}

/// [`type_is_gc`]'s answer, given `obj`'s type `tp`.
#[inline(always)]
fn is_heap_type(obj: &PyAny, tp: &TypeObject) -> bool {
    tp.has_flag(TypeFlags::TYPE_SUBCLASS)
        // SAFETY: instances of `type` and its subclasses (TYPE_SUBCLASS, a truthful
        // flag) are laid out as TypeObject.
        && unsafe { &*(obj as *const PyAny as *const TypeObject) }.has_flag(TypeFlags::HEAPTYPE)
}

/// Whether `obj` is a collectable object: its type has `HAVE_GC` and its `tp_is_gc`,
/// if any, says yes. Same answer as [`TypeObject::is_gc_object`]; when `tp_is_gc` is
/// the one the builtin `type` has ([`type_is_gc`], inherited by metatypes that do not
/// replace it) the heap-type flag is read here instead of calling it. (The function is
/// recognised by the value `type` holds, not by its own address: an inlinable or
/// LTO-imported function may exist in several copies.)
#[inline(always)]
pub(crate) fn is_collectable(py: Python<'_>, obj: &PyAny) -> bool {
    let tp = obj.ob_type();
    if !tp.has_flag(TypeFlags::HAVE_GC) {
        return false;
    }
    match tp.tp_is_gc.get() {
        None => true,
        Some(f) if Some(f as usize) == builtin_rule(py) => is_heap_type(obj, tp),
        Some(f) => f(obj),
    }
}

/// The address of `type`'s `tp_is_gc`, the builtin rule [`type_is_gc`] (installed by
/// `pyrt-typeobject` when it readies `type`).
#[inline(always)]
fn builtin_rule(py: Python<'_>) -> Option<usize> {
    py.builtins().type_().tp_is_gc.get().map(|f| f as usize)
}
