//! What every builtin iterator type shares: a payload that starts with the header and
//! the one object the iterator owns (its sequence or dict, null once exhausted), the
//! traverse / clear / dealloc of that field, and the type set-up (`__iter__` returns the
//! iterator itself; `__next__` is the type's own).
//!
//! Owns that shared lifecycle only. Must not know what the iterators iterate over
//! (`seq_iter.rs`, `dict_iter.rs`, `ops/iter.rs` do).

use pyrt_core::object::{ObjectHeader, PyAny, gc_free};
use pyrt_core::types::{IterNextFunc, ObjCell, TypeObject};
use pyrt_core::{Bound, PyResult, Python};
use std::ptr::NonNull;

/// The prefix of every builtin iterator's payload (each payload is `repr(C)` and starts
/// with these two fields, then its own position fields).
#[repr(C)]
struct IteratorHead {
    ob_base: ObjectHeader,
    owned: ObjCell<PyAny>,
}

fn head(obj: &PyAny) -> &IteratorHead {
    // SAFETY: installed (by `install`) only on iterator types whose payload starts with
    // an `IteratorHead` (the caller's contract there).
    unsafe { &*(obj as *const PyAny as *const IteratorHead) }
}

fn traverse(obj: &PyAny, visit: &mut dyn FnMut(NonNull<PyAny>)) {
    if let Some(p) = head(obj).owned.as_ptr() {
        visit(p);
    }
}

fn clear(py: Python<'_>, obj: &Bound<'_>) {
    drop(head(obj.as_any_ref()).owned.take(py));
}

/// # Safety
/// `obj` is an instance of an iterator type set up by [`install`], refcount zero.
unsafe fn dealloc(py: Python<'_>, obj: NonNull<PyAny>) {
    // SAFETY: caller contract: still allocated, laid out with an `IteratorHead`.
    drop(head(unsafe { obj.as_ref() }).owned.take(py));
    // SAFETY: payload released; iterator instances carry a GC head.
    unsafe { gc_free(py, obj) };
}

/// `tp_iter` of iterators: the iterator itself.
fn self_iter<'py>(_py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    Ok(obj.clone())
}

/// Sets up the static iterator type `tp` (`name`, instances of `size` bytes) with the
/// shared lifecycle, `__iter__` returning itself and `next` as `__next__`.
///
/// # Safety
/// Instances of `tp` are laid out as a `repr(C)` payload of `size` bytes that starts
/// with the header and an `ObjCell<PyAny>` holding the one object the iterator owns,
/// and whose other fields own nothing.
pub(crate) unsafe fn install(
    py: Python<'_>,
    tp: &TypeObject,
    name: &'static str,
    size: usize,
    next: IterNextFunc,
) {
    crate::slot_wrapper::init_static_type(
        py,
        tp,
        name,
        size,
        // SAFETY: `dealloc` releases the one owned field (the caller's layout contract)
        // and frees with gc_free; `traverse` visits that field.
        unsafe { crate::slot_wrapper::GcSlots::new(dealloc, traverse) },
    );
    tp.tp_clear.set(Some(clear));
    tp.tp_iter.set(Some(self_iter));
    tp.tp_iternext.set(Some(next));
}
