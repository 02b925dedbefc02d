//! Instance allocation and freeing: `tp_alloc` / `tp_free` building blocks.
//!
//! Owns the size computation (`tp_basicsize + n * tp_itemsize`, rounded to the pointer
//! size), zero-filled allocation with an optional GC head in front, and the matching
//! frees. Must not initialise payloads (that is `tp_new`'s job).

use super::PyAny;
use crate::err::{PyErr, PyResult};
use crate::handle::Bound;
use crate::runtime::Python;
use crate::types::{TypeFlags, TypeObject};
use pyrt_gc::GcHead;
use std::ptr::NonNull;

/// Whether allocation of instances of a type puts a GC head in front and tracks them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GcAlloc {
    /// Plain object: header at the start of the block.
    Plain,
    /// Collectable object: a [`GcHead`] then the header.
    Gc,
}

/// The size in bytes of an instance with `nitems` items, rounded up to 8, or `None`
/// on overflow or a negative size.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let t = py.builtins().tuple();
///     assert_eq!(pyrt_core::object::instance_size(t, 3), Some(24 + 3 * 8));
/// });
/// ```
pub fn instance_size(tp: &TypeObject, nitems: isize) -> Option<usize> {
    let base = usize::try_from(tp.tp_basicsize.get()).ok()?;
    let item = usize::try_from(tp.tp_itemsize.get()).ok()?;
    let n = usize::try_from(nitems).ok()?;
    let raw = base.checked_add(item.checked_mul(n)?)?;
    raw.checked_add(7).map(|s| s & !7)
}

/// The generic `tp_alloc`: a zero-filled block of [`instance_size`] bytes with the
/// refcount set to 1, `ob_type` set to `tp` (a strong reference if `tp` is a heap
/// type), `ob_size` set to `nitems` for variable-size types, and the object tracked
/// by the collector if `tp` has `HAVE_GC`.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let t = py.builtins().object();
///     let o = pyrt_core::object::generic_alloc(py, t, 0).unwrap();
///     assert_eq!(o.refcnt(), 1);
///     assert!(std::ptr::eq(o.ob_type(), t));
/// });
/// ```
pub fn generic_alloc<'py>(py: Python<'py>, tp: &TypeObject, nitems: isize) -> PyResult<Bound<'py>> {
    let Some(size) = instance_size(tp, nitems) else {
        return Err(PyErr::memory_error(py));
    };
    allocate(py, tp, size, nitems)
}

/// Like [`generic_alloc`] with no items but `extra` bytes after `tp_basicsize` (for
/// payloads stored past the fixed part, like `str`'s text). `ob_size` is left 0.
pub fn alloc_with_extra<'py>(
    py: Python<'py>,
    tp: &TypeObject,
    extra: usize,
) -> PyResult<Bound<'py>> {
    let size = usize::try_from(tp.tp_basicsize.get())
        .ok()
        .and_then(|b| b.checked_add(extra)?.checked_add(7))
        .map(|s| s & !7);
    match size {
        Some(size) => allocate(py, tp, size, 0),
        None => Err(PyErr::memory_error(py)),
    }
}

#[inline(always)]
fn allocate<'py>(
    py: Python<'py>,
    tp: &TypeObject,
    size: usize,
    nitems: isize,
) -> PyResult<Bound<'py>> {
    let gc = if tp.has_flag(TypeFlags::HAVE_GC) {
        GcAlloc::Gc
    } else {
        GcAlloc::Plain
    };
    let pre = if gc == GcAlloc::Gc { GcHead::SIZE } else { 0 };
    let st = py.state();
    // SAFETY: the token proves the runtime lock is held.
    let Some(block) = (unsafe { st.pool.alloc((size + pre).max(16)) }) else {
        return Err(PyErr::memory_error(py));
    };
    let block = block.as_ptr();
    // SAFETY: the block has room for the GC head (if any) plus `size >= 16` bytes.
    let obj = unsafe { NonNull::new_unchecked(block.add(pre) as *mut PyAny) };
    // SAFETY: zeroed memory is a valid (untracked) GcHead and a valid header modulo the
    // two fields set here; `obj` is 8-aligned (blocks are 16-aligned, `pre` is 0 or 16).
    unsafe {
        let h = &obj.as_ref().ob_base;
        h.ob_refcnt.set(1);
        h.ob_type.set(tp as *const TypeObject as *mut TypeObject);
        if tp.tp_itemsize.get() != 0 {
            (*(obj.as_ptr() as *const super::VarHeader))
                .ob_size
                .set(nitems);
        }
    }
    if tp.has_flag(TypeFlags::HEAPTYPE) {
        // SAFETY: `tp` is live (borrowed for this call); the instance now owns a reference.
        unsafe { super::incref(py, tp.as_ptr()) };
    }
    st.live.set(st.live.get() + 1);
    if gc == GcAlloc::Gc {
        st.gc.note_alloc();
        // SAFETY: the head precedes the object, is untracked, and lives until gc_free.
        unsafe { st.gc.track(NonNull::new_unchecked(block as *mut GcHead)) };
    }
    // SAFETY: we own the single reference just created.
    Ok(unsafe { Bound::from_owned_ptr(py, obj) })
}

/// The `tp_free` for plain (non-GC) objects allocated by [`generic_alloc`].
///
/// # Safety
/// `obj` was allocated by [`generic_alloc`] for a type without `HAVE_GC`, its refcount is
/// zero, its payload has been destroyed, and it is not used afterwards.
pub unsafe fn plain_free(py: Python<'_>, obj: NonNull<PyAny>) {
    let st = py.state();
    st.live.set(st.live.get() - 1);
    // SAFETY: caller contract: the block starts at `obj` and came from the runtime's
    // allocator (generic_alloc); the token proves the lock is held.
    unsafe { st.pool.free(obj.cast()) };
}

/// The `tp_free` for collectable objects allocated by [`generic_alloc`]: untracks the
/// object if still tracked and frees the block including its GC head.
///
/// # Safety
/// `obj` was allocated by [`generic_alloc`] for a `HAVE_GC` type, its refcount is zero,
/// its payload has been destroyed, and it is not used afterwards.
pub unsafe fn gc_free(py: Python<'_>, obj: NonNull<PyAny>) {
    let st = py.state();
    st.live.set(st.live.get() - 1);
    st.gc.note_free();
    // SAFETY: caller contract: a GcHead sits immediately before the object.
    unsafe {
        let head =
            NonNull::new_unchecked((obj.as_ptr() as *mut u8).sub(GcHead::SIZE) as *mut GcHead);
        // The deallocation driver untracked it already; a direct `tp_free` call may not.
        if head.as_ref().is_tracked() {
            st.gc.untrack(head);
        }
        st.pool.free(head.cast());
    }
}

/// The GC head of a collectable object.
///
/// # Safety
/// `obj` was allocated with a GC head (its type has `HAVE_GC` and `tp_is_gc`, if any,
/// says yes).
pub unsafe fn gc_head_of(obj: NonNull<PyAny>) -> NonNull<GcHead> {
    // SAFETY: caller contract: the head sits GcHead::SIZE bytes before the object.
    unsafe { NonNull::new_unchecked((obj.as_ptr() as *mut u8).sub(GcHead::SIZE) as *mut GcHead) }
}
