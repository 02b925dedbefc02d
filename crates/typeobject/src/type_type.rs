//! The core slots of `type` (and the attribute defaults of `object`): how type objects
//! are looked up, called, printed, traversed, cleared and freed.
//!
//! Owns `type`'s slots and `object`'s getattro/setattro defaults. Must not define other
//! builtins' behaviour.

use crate::attr::{generic_getattr, generic_setattr, type_getattro, type_setattro};
use crate::call::{type_call, type_init, type_new_slot};
use crate::names;
use pyrt_core::builtins::str_new;
use pyrt_core::object::{PyAny, gc_free};
use pyrt_core::{Bound, PyResult, Python, TypeObject};
use std::ptr::NonNull;

/// Installs the slots of `type` and the attribute defaults of `object`.
pub(crate) fn install(py: Python<'_>) {
    let b = py.builtins();
    let object = b.object();
    object.tp_getattro.set(Some(generic_getattr));
    object.tp_setattro.set(Some(generic_setattr));
    object.tp_getset.set(&crate::class_assign::OBJECT_GETSET);
    let t = b.type_();
    t.tp_getattro.set(Some(type_getattro));
    t.tp_setattro.set(Some(type_setattro));
    t.tp_call.set(Some(type_call));
    t.tp_new.set(Some(type_new_slot));
    t.tp_init.set(Some(type_init));
    t.tp_repr.set(Some(type_repr));
    crate::type_attrs::install(t);
    // SAFETY: type objects are laid out as TypeObject; type_dealloc releases exactly its
    // owned fields and frees heap types (the only ones ever deallocated) with gc_free;
    // type_traverse visits the object fields a type owns.
    unsafe {
        t.tp_dealloc.set(Some(type_dealloc));
        t.tp_traverse.set(Some(type_traverse));
    }
    t.tp_clear.set(Some(type_clear));
    // SAFETY: heap types, and only they, are allocated with a GC head (by generic_alloc,
    // `type` having HAVE_GC), which is what type_is_gc answers and gc_free expects;
    // type objects have no instance dict.
    unsafe {
        pyrt_core::gc::install_type_is_gc(t);
        t.tp_free.set(Some(gc_free));
        t.tp_dictoffset.set(0);
    }
}

/// `repr(T)`: `<class 'module.qualname'>`, or `<class 'tp_name'>` when the module is
/// unknown or `builtins`.
pub(crate) fn type_repr<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: installed on `type`.
    let tp = unsafe { obj.downcast_unchecked::<TypeObject>() };
    let text = match names::module_name(py, tp) {
        Ok(m) if m != "builtins" => format!("<class '{}.{}'>", m, names::qualname(py, tp)),
        _ => format!("<class '{}'>", names::tp_name(tp)),
    };
    Ok(str_new(py, &text)?.into_any())
}

fn object_fields(tp: &TypeObject) -> [Option<NonNull<PyAny>>; 7] {
    [
        tp.tp_dict.as_ptr().map(NonNull::cast),
        tp.tp_bases.as_ptr().map(NonNull::cast),
        tp.tp_mro.as_ptr().map(NonNull::cast),
        tp.tp_base.as_ptr().map(NonNull::cast),
        tp.ht_module.as_ptr(),
        tp.ht_slots.as_ptr().map(NonNull::cast),
        tp.tp_cache.as_ptr(),
    ]
}

/// `tp_traverse` of `type`: the dict, bases, MRO, base, module and slots of heap types.
fn type_traverse(obj: &PyAny, visit: &mut dyn FnMut(NonNull<PyAny>)) {
    // SAFETY: installed on `type`.
    let tp = unsafe { &*(obj as *const PyAny as *const TypeObject) };
    object_fields(tp).into_iter().flatten().for_each(visit);
}

/// `tp_clear` of `type`: empties the dict and drops the MRO (breaking the cycles a
/// class is part of), leaving the type safe to touch.
fn type_clear(py: Python<'_>, obj: &Bound<'_, PyAny>) {
    // SAFETY: installed on `type`.
    let tp = unsafe { obj.downcast_unchecked::<TypeObject>() };
    crate::type_modified::before_type_clear(py, tp);
    if let Some(d) = tp.tp_dict.get(py) {
        d.clear(py);
    }
    // SAFETY: lookups and subtype checks fall back to the tp_base chain without an MRO;
    // a cleared type is garbage about to be freed.
    unsafe {
        drop(tp.tp_mro.take(py));
    }
}

/// `tp_dealloc` of heap types: leaves the bases' subclass lists, then releases every
/// owned field and frees the object.
///
/// # Safety
/// `obj` is a heap type with refcount zero (static types are immortal).
unsafe fn type_dealloc(py: Python<'_>, obj: NonNull<PyAny>) {
    // SAFETY: caller contract: the type is still allocated.
    let tp = unsafe { &*(obj.as_ptr() as *const TypeObject) };
    crate::type_modified::before_type_dealloc(py, tp);
    // SAFETY: no instance exists (each would hold a reference to the type).
    unsafe { tp.ht_cached_keys.free() };
    // SAFETY: the bases tuple is owned by tp and alive until taken below.
    if let Some(bases) = unsafe { tp.tp_bases.get_ref() } {
        for b in crate::mro::as_types(bases) {
            // SAFETY: bases are alive (owned by the tuple).
            unsafe { b.as_ref() }.tp_subclasses.remove(tp);
        }
    }
    // SAFETY: the type is being destroyed: nothing relies on its base, bases or MRO
    // after this point (no instance or subclass can exist: each would hold a reference).
    let (base, bases, mro) = unsafe {
        (
            tp.tp_base.take(py),
            tp.tp_bases.take(py),
            tp.tp_mro.take(py),
        )
    };
    // Everything is taken before anything is released (a release may run code).
    let owned: [Option<Bound<'_, PyAny>>; 11] = [
        tp.tp_dict.take(py).map(Bound::into_any),
        bases.map(Bound::into_any),
        mro.map(Bound::into_any),
        base.map(Bound::into_any),
        tp.tp_name.take(py).map(Bound::into_any),
        tp.tp_doc.take(py).map(Bound::into_any),
        tp.ht_name.take(py).map(Bound::into_any),
        tp.ht_qualname.take(py).map(Bound::into_any),
        tp.ht_module.take(py),
        tp.ht_slots.take(py).map(Bound::into_any),
        tp.tp_cache.take(py),
    ];
    drop(owned);
    // SAFETY: payload released; heap types are allocated with a GC head.
    unsafe { gc_free(py, obj) };
}
