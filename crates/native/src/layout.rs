//! Where a native type's payload lives in an instance, and which other fields the
//! native slot functions must handle.
//!
//! A native type `D` with payload `T` lays its instances out as
//! `[base's fields | own weaklist slot (optional) | PayloadCell<T>]`: the cell is the
//! last `cell_size::<T>()` bytes of `D.tp_basicsize`, so its offset follows from the
//! type alone. `D` is found from any instance's type by walking the base chain to the
//! type that *introduced* `native_dealloc::<T>` and holds a `ClassInfo<T>` (so neither a
//! subtype inheriting the slots nor a look-alike can pose as it).
//!
//! When `D`'s base is a class made by class creation (a runtime-created class), the
//! classes between `D` and the nearest non-class base added pointer slots (named
//! `__slots__`, `__dict__`, `__weakref__`): [`class_fields`] lists them, since the class
//! functions (`subtype_dealloc`, ...) only handle classes *above* the native type.
//!
//! Owns these computations. Must not run user code.

use crate::payload::PayloadCell;
use crate::slots::lifecycle::native_dealloc;
use pyrt_core::types::{Destructor, ObjCell};
use pyrt_core::{PyAny, TypeFlags, TypeObject};
use pyrt_typeobject::class::is_class_created;

/// Bytes the payload cell takes at the end of the instance (rounded up to 8).
pub(crate) const fn cell_size<T>() -> isize {
    ((std::mem::size_of::<PayloadCell<T>>() + 7) & !7) as isize
}

/// Whether `tp`'s own `tp_dealloc` is the one for payload `T`.
fn has_native_dealloc<T: crate::Trace + Send>(tp: &TypeObject) -> bool {
    tp.tp_dealloc.get().map(|f| f as usize) == Some(native_dealloc::<T> as Destructor as usize)
}

/// The native type that introduced payload `T` into `tp`'s instances (`tp` itself or a
/// base), if any.
pub(crate) fn defining_type<T: crate::Trace + Send>(tp: &TypeObject) -> Option<&TypeObject> {
    let mut cur = Some(tp);
    while let Some(t) = cur {
        let base = t.base();
        if has_native_dealloc::<T>(t)
            && !base.is_some_and(has_native_dealloc::<T>)
            && crate::class_info::holds_info::<T>(t)
        {
            return Some(t);
        }
        cur = base;
    }
    None
}

/// The payload cell of `obj`, whose type has `d` (from [`defining_type`]) in its chain.
///
/// # Safety
/// `d` is `defining_type::<T>(obj.ob_type())`.
pub(crate) unsafe fn cell<'a, T>(obj: &'a PyAny, d: &TypeObject) -> &'a PayloadCell<T> {
    let off = d.tp_basicsize.get() - cell_size::<T>();
    // SAFETY: `build` made `d`'s instances end with a PayloadCell<T> at exactly this
    // offset (8-aligned, T's alignment at most 8), and every instance of a subtype keeps
    // `d`'s fields at the same offsets; the cell is zero-valid and lives with the object.
    unsafe { &*((obj as *const PyAny as *const u8).offset(off) as *const PayloadCell<T>) }
}

/// The pointer slots the class-created types between `d` and its nearest non-class
/// base added (skipping the weak reference list, which holds a borrowed pointer), and
/// that base. `skip_dict` also skips the instance dict (when another traversal reports
/// it: the leaf type is a class or has a managed dict).
pub(crate) fn class_fields<'a>(
    obj: &'a PyAny,
    d: &'a TypeObject,
    skip_dict: bool,
) -> (Vec<&'a ObjCell<PyAny>>, Option<&'a TypeObject>) {
    let mut b = d.base();
    let top = b;
    while let Some(t) = b.filter(|t| is_class_created(t)) {
        b = t.base();
    }
    let (Some(top), start) = (top, b.map_or(0, |t| t.tp_basicsize.get())) else {
        return (Vec::new(), b);
    };
    if !is_class_created(top) {
        return (Vec::new(), b);
    }
    let end = top.tp_basicsize.get();
    let weak = d.tp_weaklistoffset.get();
    let dict = obj.ob_type().tp_dictoffset.get();
    let cells = (start..end)
        .step_by(8)
        .filter(|&o| o != weak && !(skip_dict && o == dict))
        // SAFETY: class creation lays out everything a class adds to a fixed-size base
        // (`build` refuses variable-size bases) as pointer slots holding owned references
        // or null: named slots, the dict, and the weaklist (skipped above).
        .map(|o| unsafe { pyrt_core::object::pointer_slot(obj, o) })
        .collect();
    (cells, b)
}

/// Whether the instance dict of `obj` is reported by someone else's traversal: the
/// class function (`subtype_traverse`) when the leaf type is a class, the collector
/// itself when the dict is managed.
pub(crate) fn dict_reported_elsewhere(obj: &PyAny) -> bool {
    let leaf = obj.ob_type();
    is_class_created(leaf) || leaf.has_flag(TypeFlags::MANAGED_DICT)
}
