//! `tp_traverse` and `tp_clear` of collectable native types, from the payload's
//! [`Trace`](crate::Trace) impl plus the fields of runtime-created classes between the
//! native type and its nearest non-class base.
//!
//! Owns those two functions. A payload that is exclusively borrowed (a method is
//! running on it) is neither traversed nor cleared: reading it would alias the `&mut`,
//! and leaving its references unreported only makes the collector keep objects alive.

use crate::layout::{cell, class_fields, defining_type, dict_reported_elsewhere};
use crate::payload::MUT;
use crate::trace::{Released, Visit};
use pyrt_core::types::TraverseProc;
use pyrt_core::{Bound, PyAny, Python, TypeFlags};
use std::ptr::NonNull;

/// `tp_traverse`: the payload's references, the class fields below the native type,
/// the base's traversal, and the instance's heap type when this is the leaf's own
/// traversal (a class above reports the type itself).
pub(crate) fn native_traverse<T: crate::Trace + Send>(
    obj: &PyAny,
    visit: &mut dyn FnMut(NonNull<PyAny>),
) {
    let Some(d) = defining_type::<T>(obj.ob_type()) else {
        return;
    };
    // SAFETY: `d` is the defining type of the object's type.
    let c = unsafe { cell::<T>(obj, d) };
    if T::HAS_REFS && c.is_initialised() && c.borrow_state() != MUT {
        // SAFETY: initialised and not exclusively borrowed; traversal runs no user code
        // (Trace's contract), so no exclusive borrow can start while this reads.
        let value = unsafe { c.get() };
        value.traverse(&mut Visit::new(visit));
    }
    let (fields, base) = class_fields(obj, d, dict_reported_elsewhere(obj));
    fields
        .iter()
        .filter_map(|f| f.as_ptr())
        .for_each(&mut *visit);
    if let Some(f) = base.and_then(|b| b.tp_traverse.get()) {
        f(obj, visit);
    }
    let leaf = obj.ob_type();
    let own = leaf.tp_traverse.get().map(|f| f as usize)
        == Some(native_traverse::<T> as TraverseProc as usize);
    if own && leaf.has_flag(TypeFlags::HEAPTYPE) {
        visit(leaf.as_ptr());
    }
}

/// `tp_clear`: clears the payload (moving references out, released once the payload
/// is consistent again), the class fields below the native type, then the base's.
pub(crate) fn native_clear<T: crate::Trace + Send>(py: Python<'_>, obj: &Bound<'_, PyAny>) {
    let o = obj.as_any_ref();
    let Some(d) = defining_type::<T>(o.ob_type()) else {
        return;
    };
    // SAFETY: `d` is the defining type of the object's type.
    let c = unsafe { cell::<T>(o, d) };
    let mut released = Released::default();
    if T::HAS_REFS && c.try_acquire_mut() {
        // SAFETY: this function holds the exclusive borrow until release_mut.
        let value = unsafe { c.get_mut() };
        value.clear(&mut released);
        c.release_mut();
    }
    drop(released);
    let (fields, base) = class_fields(o, d, false);
    let taken: Vec<Bound<'_, PyAny>> = fields.iter().filter_map(|f| f.take(py)).collect();
    drop(taken);
    if let Some(f) = base.and_then(|b| b.tp_clear.get()) {
        f(py, obj);
    }
}
