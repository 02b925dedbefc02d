//! Whether a referent is collectable (has a GC head and, for types with `tp_is_gc`,
//! that says yes), with `type`'s own `tp_is_gc` answered inline.
//!
//! Owns [`type_is_gc`] (installed as `type`'s `tp_is_gc` by `pyrt-typeobject` through
//! [`install_type_is_gc`]) and the test the collector's model runs on every reported
//! edge. Must not decide anything else about objects.

use crate::object::PyAny;
use crate::types::{TypeFlags, TypeObject};
use std::sync::atomic::{AtomicUsize, Ordering};

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

/// The address [`install_type_is_gc`] stored in `type`'s `tp_is_gc` (0 before).
static TYPE_RULE: AtomicUsize = AtomicUsize::new(0);

/// Installs [`type_is_gc`] as `tp`'s `tp_is_gc` and remembers the address stored, by
/// which the collector recognises the rule (on `tp` and on the metatypes that inherit
/// it) and answers it inline. Called by `pyrt-typeobject` for `type`.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let t = py.builtins().type_();
///     // SAFETY: `type`'s instances are type objects, heap ones allocated with a GC
///     // head: exactly what `type_is_gc` answers (and what `type` already has).
///     unsafe { pyrt_core::gc::install_type_is_gc(t) };
///     assert!(!(t.tp_is_gc.get().unwrap())(py.builtins().int().as_any()));
/// });
/// ```
///
/// # Safety
/// As for writing `tp_is_gc`: `tp`'s instances are type objects, collectable (carrying
/// a GC head) exactly when they are heap types.
pub unsafe fn install_type_is_gc(tp: &TypeObject) {
    // SAFETY: forwarded from the caller.
    unsafe { tp.tp_is_gc.set(Some(type_is_gc)) };
    let stored = tp.tp_is_gc.get().map_or(0, |f| f as usize);
    TYPE_RULE.store(stored, Ordering::Relaxed);
}

/// Whether `obj` is a collectable object: its type has `HAVE_GC` and its `tp_is_gc`,
/// if any, says yes. Same answer as [`TypeObject::is_gc_object`]; when `tp_is_gc` is
/// the rule [`install_type_is_gc`] installed (on `type`, inherited by metatypes that do
/// not replace it) the heap-type flag is read here instead of calling it. (The rule is
/// recognised by the address that was stored, not by `type_is_gc`'s own address: thin
/// LTO may emit a function in several copies.)
#[inline(always)]
pub(crate) fn is_collectable(obj: &PyAny) -> bool {
    let tp = obj.ob_type();
    if !tp.has_flag(TypeFlags::HAVE_GC) {
        return false;
    }
    match tp.tp_is_gc.get() {
        None => true,
        Some(f) if f as usize == TYPE_RULE.load(Ordering::Relaxed) => is_heap_type(obj, tp),
        Some(f) => f(obj),
    }
}
