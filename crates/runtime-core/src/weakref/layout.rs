//! The layout half of `weakref.ReferenceType`: name, size, GC flag, and the
//! dealloc/traverse/clear slots; plus `type`'s own weak reference list offset.
//!
//! Owns nothing else: `__new__`, `__call__`, repr, hash and comparison are
//! `pyrt-typeobject`'s.

use super::list::clear_ref;
use super::object::WeakRef;
use crate::builtins::intern;
use crate::handle::Bound;
use crate::object::{PyAny, gc_free, generic_alloc};
use crate::runtime::Python;
use crate::types::{TypeFlags, TypeObject};
use std::ptr::NonNull;

/// `tp_traverse` of weak references: the callback only (the referent is not owned).
fn weakref_traverse(obj: &PyAny, visit: &mut dyn FnMut(NonNull<PyAny>)) {
    // SAFETY: only installed on weakref types, whose instances extend WeakRef.
    let wr = unsafe { &*(obj as *const PyAny as *const WeakRef) };
    if let Some(cb) = wr.callback.as_ptr() {
        visit(cb);
    }
}

/// `tp_clear` of weak references: forgets the referent and drops the callback.
fn weakref_clear(py: Python<'_>, obj: &Bound<'_, PyAny>) {
    // SAFETY: only installed on weakref types.
    let wr = unsafe { obj.downcast_unchecked::<WeakRef>() };
    clear_ref(wr);
    drop(wr.callback.take(py));
}

/// `tp_dealloc` of weak references: leaves the referent's list, drops the callback,
/// frees.
///
/// # Safety
/// `obj` is a weak reference with refcount zero.
unsafe fn weakref_dealloc(py: Python<'_>, obj: NonNull<PyAny>) {
    // SAFETY: caller contract: still allocated, laid out as WeakRef.
    let wr = unsafe { &*(obj.as_ptr() as *const WeakRef) };
    clear_ref(wr);
    drop(wr.callback.take(py));
    // SAFETY: payload destroyed; weakref types are GC types.
    unsafe { crate::builtins::call_tp_free(py, obj) };
}

/// Fills in the layout half of `weakref.ReferenceType` and makes type objects weakly
/// referenceable (`type.tp_weaklistoffset` names `tp_weaklist`). Called by
/// `init_core_layouts`; idempotent.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let wr = py.builtins().weakref();
///     assert!(wr.has_flag(pyrt_core::TypeFlags::HAVE_GC));
///     assert!(py.builtins().type_().tp_weaklistoffset.get() > 0);
/// });
/// ```
pub fn init_weakref_layout(py: Python<'_>) {
    let b = py.builtins();
    let tp = b.weakref();
    if tp.tp_basicsize.get() != 0 {
        return;
    }
    // SAFETY: static storage no object uses yet: the header names `type`; the sizes
    // are WeakRef's; the GC flag matches generic_alloc/gc_free and the traversal; the
    // deallocator destroys exactly WeakRef's fields. `type`'s weak list offset names
    // the `tp_weaklist` field every type object has.
    unsafe {
        tp.ob_base.ob_base.ob_refcnt.set(1);
        tp.ob_base
            .ob_base
            .ob_type
            .set(b.type_() as *const TypeObject as *mut TypeObject);
        if let Ok(n) = intern(py, "weakref.ReferenceType") {
            tp.tp_name.set(py, Some(n));
        }
        tp.tp_basicsize.set(WeakRef::SIZE);
        tp.tp_itemsize.set(0);
        tp.add_flags(TypeFlags::HAVE_GC);
        tp.tp_alloc.set(Some(generic_alloc));
        tp.tp_free.set(Some(gc_free));
        tp.tp_dealloc.set(Some(weakref_dealloc));
        tp.tp_traverse.set(Some(weakref_traverse));
        b.type_()
            .tp_weaklistoffset
            .set(std::mem::offset_of!(TypeObject, tp_weaklist) as isize);
    }
    tp.tp_clear.set(Some(weakref_clear));
}
