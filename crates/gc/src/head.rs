//! The GC head: two words placed in front of every collectable object.
//!
//! Owns the head's layout and its link/flag encoding. Must not touch the object
//! that follows it.

use std::cell::Cell;
use std::ptr;

/// The two-word header in front of a collectable object's [`ObjectHeader`].
///
/// Layout (x86-64):
/// ```text
///   +0  next   : *mut GcHead        (null when untracked)
///   +8  prev   : *mut GcHead        (null when untracked)
///   +16 object header (refcount, type) ...
/// ```
///
/// Invariant: a head is *tracked* exactly when `next` is non-null; a tracked head is
/// linked into exactly one list of one [`crate::GcState`].
///
/// [`ObjectHeader`]: https://docs.rs/pyrt-core
#[repr(C)]
pub struct GcHead {
    pub(crate) next: Cell<*mut GcHead>,
    pub(crate) prev: Cell<*mut GcHead>,
}

const _: () = assert!(std::mem::size_of::<GcHead>() == 16);

impl GcHead {
    /// Size of a head in bytes: the offset from a head to its object.
    ///
    /// ```
    /// assert_eq!(pyrt_gc::GcHead::SIZE, 16);
    /// ```
    pub const SIZE: usize = std::mem::size_of::<GcHead>();

    /// A new, untracked head.
    ///
    /// ```
    /// assert!(!pyrt_gc::GcHead::new().is_tracked());
    /// ```
    pub const fn new() -> GcHead {
        GcHead {
            next: Cell::new(ptr::null_mut()),
            prev: Cell::new(ptr::null_mut()),
        }
    }

    /// Whether the head is currently linked into a generation list.
    ///
    /// ```
    /// assert!(!pyrt_gc::GcHead::new().is_tracked());
    /// ```
    pub fn is_tracked(&self) -> bool {
        !self.next.get().is_null()
    }
}

impl Default for GcHead {
    fn default() -> Self {
        GcHead::new()
    }
}
