//! Free lists for the short-lived callables an attribute lookup creates (a bound
//! `builtin_function_or_method`, a bound `method`): a dead instance's block is kept for
//! the next instance of the same type instead of going back to the pool, and a new
//! instance is taken from the list without zero-filling a fresh block (CPython keeps
//! free lists for the same reason).
//!
//! Owns the lists (a fixed array of block pointers per type, in the runtime state) and
//! the re-initialisation of a reused block into a fresh, tracked instance. Must not
//! know any payload's fields (the payload's own dealloc empties them before pushing)
//! and must not touch the pool's or the collector's internals: it uses their public
//! operations only (`track`/`untrack`, the allocation counters).
//!
//! The bookkeeping stays truthful: a block on a list is not a live object (the `live`
//! counter and the collector's allocation count go down when it is pushed and up when
//! it is reused), it is untracked (so `gc.get_objects` never sees it), and a reused
//! instance is tracked again exactly like a newly allocated one.

use super::{PyAny, PyLayout};
use crate::handle::Bound;
use crate::runtime::Python;
use crate::types::{TypeFlags, TypeObject};
use pyrt_gc::GcHead;
use std::cell::Cell;
use std::ptr::NonNull;

/// How many dead instances one list keeps (CPython's method free lists kept 80-256).
///
/// ```
/// assert!(pyrt_core::object::FREE_LIST_CAPACITY > 0);
/// ```
pub const FREE_LIST_CAPACITY: usize = 64;

/// The dead blocks of one static, collectable, fixed-size builtin type.
///
/// Invariant: entries `0..len` are object pointers (just after their GC head) of
/// blocks that `generic_alloc` made for instances of the list's type, whose instances
/// died: payload emptied (no weak reference points at them: the deallocation steps
/// clear them first), untracked, freed by nobody else. The list is used only under
/// the runtime lock (it lives in the runtime state).
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let f = pyrt_core::builtins::native_function_alloc(py).unwrap();
///     let kept = &py.state().free_lists.native_function;
///     let n = kept.len();
///     drop(f); // its block goes on the list (unless the list is full)
///     assert_eq!(kept.len(), (n + 1).min(pyrt_core::object::FREE_LIST_CAPACITY));
/// });
/// ```
pub struct FreeList {
    blocks: [Cell<*mut PyAny>; FREE_LIST_CAPACITY],
    len: Cell<usize>,
}

/// The list's size (the runtime pushes and pops dead blocks).
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let l = &py.state().free_lists.bound_method;
///     assert_eq!(l.is_empty(), l.len() == 0);
/// });
/// ```
impl FreeList {
    /// An empty list.
    pub(crate) fn new() -> FreeList {
        FreeList {
            blocks: std::array::from_fn(|_| Cell::new(std::ptr::null_mut())),
            len: Cell::new(0),
        }
    }

    /// How many dead blocks the list holds.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let l = &py.state().free_lists.native_function;
    ///     assert!(l.len() <= pyrt_core::object::FREE_LIST_CAPACITY);
    /// });
    /// ```
    pub fn len(&self) -> usize {
        self.len.get()
    }

    /// Whether the list holds no block.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let l = &py.state().free_lists.bound_method;
    ///     assert_eq!(l.is_empty(), l.len() == 0);
    /// });
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len.get() == 0
    }

    /// A fresh instance of `tp` laid out as `T` from a kept block: GC head reset,
    /// count 1, type set, payload zero-filled (as a new block would be), tracked and
    /// counted as allocated. `None` when the list is empty.
    ///
    /// # Safety
    /// `tp` is the (static, `HAVE_GC`, fixed-size) type whose dead instances this list
    /// holds, its instances are laid out as `T`, and `instance_size(tp, 0)` is
    /// `size_of::<T>()` rounded up to 8.
    #[inline]
    pub(crate) unsafe fn pop<'py, T: PyLayout>(
        &self,
        py: Python<'py>,
        tp: &TypeObject,
    ) -> Option<Bound<'py, T>> {
        // SAFETY: forwarded.
        let obj = unsafe { self.pop_uninit::<T>(py, tp) }?;
        let header = std::mem::size_of::<super::ObjectHeader>();
        // SAFETY: the block has room for a `T`; zero bytes are a valid payload (the
        // PyLayout contract) and nothing has read the payload yet.
        unsafe {
            std::ptr::write_bytes(
                (obj.as_ptr() as *mut u8).add(header),
                0,
                std::mem::size_of::<T>() - header,
            );
            Some(Bound::from_owned_ptr(py, obj))
        }
    }

    /// [`FreeList::pop`] without the payload: the header and GC head are set, the
    /// object is tracked and counted, and the payload bytes after the header are left
    /// as the dead instance left them (its fields already released: stale pointers).
    ///
    /// # Safety
    /// As for [`FreeList::pop`]; moreover the caller writes every payload field (with
    /// raw writes, never reading or dropping what is there) before the object is used,
    /// and runs no code meanwhile (a collection could traverse the stale fields).
    #[inline(always)]
    pub(crate) unsafe fn pop_uninit<T: PyLayout>(
        &self,
        py: Python<'_>,
        tp: &TypeObject,
    ) -> Option<NonNull<T>> {
        let n = self.len.get();
        if n == 0 {
            return None;
        }
        self.len.set(n - 1);
        debug_assert!(!tp.has_flag(TypeFlags::HEAPTYPE) && tp.has_flag(TypeFlags::HAVE_GC));
        // SAFETY: `n - 1 < FREE_LIST_CAPACITY` (len never exceeds the capacity).
        let obj = unsafe { self.blocks.get_unchecked(n - 1) }.get() as *mut T;
        let st = py.state();
        // SAFETY: list invariant: `obj` starts a dead instance's block of `tp`, owned by
        // this list until now, with a GC head in front and room for a `T`. The header
        // is set as `generic_alloc` sets it; the fresh head is untracked, so tracking
        // it is valid.
        unsafe {
            let head = (obj as *mut u8).sub(GcHead::SIZE) as *mut GcHead;
            head.write(GcHead::new());
            let h = &(*(obj as *const PyAny)).ob_base;
            h.ob_refcnt.set(1);
            h.ob_type.set(tp as *const TypeObject as *mut TypeObject);
            st.live.set(st.live.get() + 1);
            st.gc.note_alloc();
            st.gc.track(NonNull::new_unchecked(head));
            Some(NonNull::new_unchecked(obj))
        }
    }

    /// Keeps the block of a dead instance instead of freeing it; `false` (and nothing
    /// done) when the list is full, in which case the caller frees it as usual.
    ///
    /// # Safety
    /// `obj` is an instance of this list's type allocated by `generic_alloc`, whose
    /// count is zero, which is untracked (the deallocation driver untracks every
    /// collectable object before its `tp_dealloc`) and whose payload has been
    /// destroyed; the caller does not use or free it afterwards when `true` is returned.
    #[inline]
    pub(crate) unsafe fn push(&self, py: Python<'_>, obj: NonNull<PyAny>) -> bool {
        let n = self.len.get();
        if n == FREE_LIST_CAPACITY {
            return false;
        }
        let st = py.state();
        // SAFETY: caller contract: a collectable block with its head in front.
        debug_assert!(!unsafe { super::gc_head_of(obj).as_ref() }.is_tracked());
        st.live.set(st.live.get() - 1);
        st.gc.note_free();
        // SAFETY: `n < FREE_LIST_CAPACITY` (tested above).
        unsafe { self.blocks.get_unchecked(n) }.set(obj.as_ptr());
        self.len.set(n + 1);
        true
    }
}

/// The runtime's free lists, one per type that has one.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let lists = &py.state().free_lists;
///     assert!(lists.bound_method.len() <= pyrt_core::object::FREE_LIST_CAPACITY);
/// });
/// ```
pub struct FreeLists {
    /// Bound and unbound `builtin_function_or_method` objects.
    pub native_function: FreeList,
    /// Bound methods (`method`).
    pub bound_method: FreeList,
}

/// Made with the runtime state; embedders only read the lists.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let lists = &py.state().free_lists;
///     assert!(lists.native_function.len() <= pyrt_core::object::FREE_LIST_CAPACITY);
/// });
/// ```
impl FreeLists {
    pub(crate) fn new() -> FreeLists {
        FreeLists {
            native_function: FreeList::new(),
            bound_method: FreeList::new(),
        }
    }
}
