//! Instance allocation and freeing: `tp_alloc` / `tp_free` building blocks.
//!
//! Owns the size computation (`tp_basicsize + n * tp_itemsize`, rounded to the pointer
//! size), zero-filled allocation with an optional GC head in front, and the matching
//! frees. Must not initialise payloads (that is `tp_new`'s job).

use super::PyAny;
use super::pool::MAX_TINY;
use crate::err::{PyErr, PyResult};
use crate::handle::Bound;
use crate::runtime::{Python, RuntimeState};
use crate::types::{TypeFlags, TypeObject};
use pyrt_gc::GcHead;
use std::ptr::NonNull;

/// Whether allocation of instances of a type puts a GC head in front and tracks them.
///
/// The choice follows the type's `HAVE_GC` flag:
///
/// ```
/// use pyrt_core::object::GcAlloc;
/// use pyrt_core::types::{TypeFlags, TypeObject};
/// pyrt_core::with_test_runtime(|py| {
///     let kind = |tp: &TypeObject| match tp.has_flag(TypeFlags::HAVE_GC) {
///         true => GcAlloc::Gc,
///         false => GcAlloc::Plain,
///     };
///     assert_eq!(kind(py.builtins().list()), GcAlloc::Gc); // a container
///     assert_eq!(kind(py.builtins().str_()), GcAlloc::Plain);
/// });
/// ```
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
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let t = py.builtins().object();
///     let o = pyrt_core::object::alloc::alloc_with_extra(py, t, 64).unwrap();
///     assert_eq!(o.refcnt(), 1);
///     let start = o.as_ptr().as_ptr() as *const u8;
///     let basic = t.tp_basicsize.get() as usize;
///     // SAFETY: the block holds `tp_basicsize` + 64 bytes, and `o` keeps it alive.
///     let extra = unsafe { std::slice::from_raw_parts(start.add(basic), 64) };
///     assert!(extra.iter().all(|&b| b == 0)); // zero-filled, ready for a payload
/// });
/// ```
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

/// [`generic_alloc`] with no items (`generic_alloc(py, tp, 0)`: the same object, the
/// same accounting and tracking), for callers that never want items — a class's
/// no-argument construction. The common case, a block of up to 64 bytes (head
/// included: a plain class's instance is 48) waiting on its size class's free list,
/// is inline and makes no call: the type's flags and basic size are read once, the
/// runtime state is reached once, and the item count is not stored (a fresh block's
/// `ob_size` is already 0). Anything else (an empty free list, a larger or malformed
/// size) takes [`generic_alloc`] out of line.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let t = py.builtins().object();
///     let o = pyrt_core::object::generic_alloc_no_items(py, t).unwrap();
///     assert_eq!(o.refcnt(), 1);
///     assert!(std::ptr::eq(o.ob_type(), t));
/// });
/// ```
#[inline(always)]
pub fn generic_alloc_no_items<'py>(py: Python<'py>, tp: &TypeObject) -> PyResult<Bound<'py>> {
    let flags = TypeFlags(tp.tp_flags.get());
    let basic = tp.tp_basicsize.get() as usize;
    // Room for the header at least; a negative basic size is a huge `usize` and fails
    // this test too.
    if (16..=MAX_TINY).contains(&basic) {
        let gc = flags.contains(TypeFlags::HAVE_GC);
        let pre = if gc { GcHead::SIZE } else { 0 };
        // `instance_size(tp, 0)` plus the head.
        let size = ((basic + 7) & !7) + pre;
        let st = py.state();
        // SAFETY: the token proves the runtime lock is held.
        if let Some(block) = unsafe { st.pool.pop_free_tiny(size) } {
            // SAFETY: a zero-filled block of at least `size` bytes: the head, then
            // `instance_size(tp, 0)` >= 16 bytes, so the header fits; a variable-size
            // type's `ob_size` is already 0 (its basic size covers `VarHeader`).
            return Ok(unsafe { init_block(py, st, tp, flags, block, pre, None) });
        }
    }
    generic_alloc_out_of_line(py, tp)
}

/// [`generic_alloc_no_items`] when the free list cannot serve the block.
#[cold]
#[inline(never)]
fn generic_alloc_out_of_line<'py>(py: Python<'py>, tp: &TypeObject) -> PyResult<Bound<'py>> {
    generic_alloc(py, tp, 0)
}

#[inline(always)]
fn allocate<'py>(
    py: Python<'py>,
    tp: &TypeObject,
    size: usize,
    nitems: isize,
) -> PyResult<Bound<'py>> {
    let flags = tp.flags();
    let pre = if flags.contains(TypeFlags::HAVE_GC) {
        GcHead::SIZE
    } else {
        0
    };
    let st = py.state();
    // SAFETY: the token proves the runtime lock is held.
    let Some(block) = (unsafe { st.pool.alloc((size + pre).max(16)) }) else {
        return Err(PyErr::memory_error(py));
    };
    let ob_size = (tp.tp_itemsize.get() != 0).then_some(nitems);
    // SAFETY: a zero-filled block of `size + pre` bytes, at least 16 after the head.
    Ok(unsafe { init_block(py, st, tp, flags, block, pre, ob_size) })
}

/// Turns a fresh zero-filled block into a new instance of `tp`: refcount 1, `ob_type`
/// (a strong reference if `tp` is a heap type), `ob_size` when given, counted live,
/// and tracked by the collector when `pre` (the GC head's size, or 0) says it has a
/// head.
///
/// # Safety
/// `block` is a zero-filled, 16-aligned block from the runtime's allocator with room
/// for `pre` bytes of head plus the header (and `VarHeader` when `ob_size` is given);
/// `flags` are `tp`'s flags, `pre` is `GcHead::SIZE` exactly when they have `HAVE_GC`;
/// `st` is the runtime state; the runtime lock is held (the token).
#[inline(always)]
unsafe fn init_block<'py>(
    py: Python<'py>,
    st: &RuntimeState,
    tp: &TypeObject,
    flags: TypeFlags,
    block: NonNull<u8>,
    pre: usize,
    ob_size: Option<isize>,
) -> Bound<'py> {
    let block = block.as_ptr();
    // SAFETY: the block has room for the GC head (if any) plus the header.
    let obj = unsafe { NonNull::new_unchecked(block.add(pre) as *mut PyAny) };
    // SAFETY: zeroed memory is a valid (untracked) GcHead and a valid header modulo the
    // two fields set here; `obj` is 8-aligned (blocks are 16-aligned, `pre` is 0 or 16).
    unsafe {
        let h = &obj.as_ref().ob_base;
        h.ob_refcnt.set(1);
        h.ob_type.set(tp as *const TypeObject as *mut TypeObject);
        if let Some(n) = ob_size {
            (*(obj.as_ptr() as *const super::VarHeader)).ob_size.set(n);
        }
    }
    if flags.contains(TypeFlags::HEAPTYPE) {
        // SAFETY: `tp` is live (borrowed for this call); the instance now owns a reference.
        unsafe { super::incref(py, tp.as_ptr()) };
    }
    st.live.set(st.live.get() + 1);
    if pre != 0 {
        st.gc.note_alloc();
        // SAFETY: the head precedes the object, is untracked and all zero (the block is
        // zero-filled), and lives until gc_free.
        unsafe {
            st.gc
                .track_fresh(NonNull::new_unchecked(block as *mut GcHead))
        };
    }
    // SAFETY: we own the single reference just created.
    unsafe { Bound::from_owned_ptr(py, obj) }
}

/// The `tp_free` for plain (non-GC) objects allocated by [`generic_alloc`].
///
/// # Safety
/// `obj` was allocated by [`generic_alloc`] for a type without `HAVE_GC`, its refcount is
///
/// ```
/// use pyrt_core::object::{generic_alloc, plain_free};
/// pyrt_core::with_test_runtime(|py| {
///     let before = py.live_objects();
///     let o = generic_alloc(py, py.builtins().object(), 0).unwrap().into_non_null();
///     assert_eq!(py.live_objects(), before + 1);
///     // SAFETY: `object` has no `HAVE_GC` and no payload; ours is the only reference,
///     // given up here (count 0) and never used again.
///     unsafe {
///         o.as_ref().ob_base.ob_refcnt.set(0);
///         plain_free(py, o);
///     }
///     assert_eq!(py.live_objects(), before);
/// });
/// ```
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
///
/// ```
/// use pyrt_core::object::{gc_free, generic_alloc};
/// pyrt_core::with_test_runtime(|py| {
///     let tracked = || pyrt_core::gc::get_objects(py, None).unwrap().len();
///     let (live, n) = (py.live_objects(), tracked());
///     let l = generic_alloc(py, py.builtins().list(), 0).unwrap().into_non_null();
///     assert_eq!(tracked(), n + 1);
///     // SAFETY: `list` has `HAVE_GC`; the zero-filled list holds no items; ours is the
///     // only reference, given up here (count 0) and never used again.
///     unsafe {
///         l.as_ref().ob_base.ob_refcnt.set(0);
///         gc_free(py, l); // still tracked: untracked first, then freed
///     }
///     assert_eq!((py.live_objects(), tracked()), (live, n));
/// });
/// ```
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
///
/// ```
/// use pyrt_core::builtins::{list_new, str_new};
/// pyrt_core::with_test_runtime(|py| {
///     let l = list_new(py, &[str_new(py, "x").unwrap().into_any()]).unwrap();
///     // SAFETY: `list` has `HAVE_GC`, so a head sits in front; `l` keeps it alive.
///     let head = unsafe { pyrt_core::object::gc_head_of(l.as_ptr()).as_ref() };
///     assert!(head.is_tracked());
/// });
/// ```
pub unsafe fn gc_head_of(obj: NonNull<PyAny>) -> NonNull<GcHead> {
    // SAFETY: caller contract: the head sits GcHead::SIZE bytes before the object.
    unsafe { NonNull::new_unchecked((obj.as_ptr() as *mut u8).sub(GcHead::SIZE) as *mut GcHead) }
}
