//! The GC head: two words placed in front of every collectable object.
//!
//! Owns the head's layout and the encoding of its two words (links, flag bits and the
//! scratch count a collection keeps in `prev`). Must not touch the object that follows
//! it, and knows nothing of lists beyond reading and writing its own words.

use std::cell::Cell;
use std::ptr;

/// Set once `tp_finalize` has run (PEP 442). Persists while the object lives, tracked
/// or not.
const FINALIZED: usize = 0b001;
/// During a collection: the head belongs to the set being examined (its `prev` word
/// holds a scratch count, or it sits on the tentatively-unreachable list).
const COLLECTING: usize = 0b010;
/// During a collection: the head is on an unreachable list (its `prev` word holds a
/// real pointer).
const UNREACHABLE: usize = 0b100;
/// All flag bits; heads are 8-aligned so the low three bits of a pointer are free.
const FLAGS: usize = FINALIZED | COLLECTING | UNREACHABLE;
/// Flags that only exist while a collection runs.
const TRANSIENT: usize = COLLECTING | UNREACHABLE;
/// The scratch count sits above the flag bits.
const SCRATCH_SHIFT: u32 = 3;

/// The two-word header in front of a collectable object's header.
///
/// Layout (64-bit):
/// ```text
///   +0  next : *mut GcHead     null exactly when untracked
///   +8  prev : *mut GcHead     bits 3..: previous head, or (during a collection)
///                                        the scratch reference count
///                              bit 2: UNREACHABLE, bit 1: COLLECTING (collection only)
///                              bit 0: FINALIZED (kept while untracked too)
///   +16 the object ...
/// ```
///
/// Invariant: a head is *tracked* exactly when `next` is non-null; a tracked head is
/// linked into exactly one list of one [`crate::GcState`]. Outside a collection no
/// head carries the COLLECTING or UNREACHABLE bits.
///
/// ```
/// use pyrt_gc::{GcHead, example::Node};
/// assert_eq!(std::mem::size_of::<GcHead>(), GcHead::SIZE);
/// let fresh = GcHead::new();
/// assert!(!fresh.is_tracked() && !fresh.is_finalized());
/// let n = Node::new(); // a node's head is tracked from the start
/// // SAFETY: `n` is live; released once.
/// assert!(unsafe { Node::head(n).as_ref() }.is_tracked());
/// unsafe { Node::release(n) };
/// ```
#[repr(C, align(8))]
pub struct GcHead {
    next: Cell<*mut GcHead>,
    prev: Cell<*mut GcHead>,
}

const _: () = assert!(std::mem::size_of::<GcHead>() == 16);
const _: () = assert!(std::mem::align_of::<GcHead>() >= 8);

/// Making a head and reading (or, for the finalized bit, setting) its state.
///
/// ```
/// let h = pyrt_gc::GcHead::new();
/// assert!(!h.is_tracked() && !h.is_finalized());
/// ```
impl GcHead {
    /// Size of a head in bytes: the offset from a head to its object.
    ///
    /// ```
    /// assert_eq!(pyrt_gc::GcHead::SIZE, 16);
    /// ```
    pub const SIZE: usize = std::mem::size_of::<GcHead>();

    /// A new, untracked, not-yet-finalized head.
    ///
    /// ```
    /// let h = pyrt_gc::GcHead::new();
    /// assert!(!h.is_tracked() && !h.is_finalized());
    /// ```
    pub const fn new() -> GcHead {
        GcHead {
            next: Cell::new(ptr::null_mut()),
            prev: Cell::new(ptr::null_mut()),
        }
    }

    /// Whether the head is currently linked into a list of a [`crate::GcState`].
    ///
    /// ```
    /// assert!(!pyrt_gc::GcHead::new().is_tracked());
    /// ```
    #[inline]
    pub fn is_tracked(&self) -> bool {
        !self.next.get().is_null()
    }

    /// Whether the object's finalizer has run (the PEP 442 "finalized" bit).
    ///
    /// ```
    /// let h = pyrt_gc::GcHead::new();
    /// h.set_finalized();
    /// assert!(h.is_finalized());
    /// ```
    #[inline]
    pub fn is_finalized(&self) -> bool {
        self.prev.get().addr() & FINALIZED != 0
    }

    /// Marks the object's finalizer as run. The object core calls this before running a
    /// finalizer from its deallocator; the collector does so before its own calls. The
    /// bit survives tracking, untracking and collections.
    ///
    /// ```
    /// let h = pyrt_gc::GcHead::new();
    /// assert!(!h.is_finalized());
    /// h.set_finalized();
    /// assert!(h.is_finalized());
    /// ```
    #[inline]
    pub fn set_finalized(&self) {
        self.prev.set(self.prev.get().map_addr(|a| a | FINALIZED));
    }

    // ----- crate-internal word access -------------------------------------------------

    /// The next head in the list (a plain pointer; `next` never carries flags).
    #[inline]
    pub(crate) fn next(&self) -> *mut GcHead {
        self.next.get()
    }

    /// Sets the next link.
    #[inline]
    pub(crate) fn set_next(&self, next: *mut GcHead) {
        self.next.set(next);
    }

    /// The previous head, flag bits masked off. Meaningless while `prev` holds a scratch
    /// count.
    #[inline]
    pub(crate) fn prev(&self) -> *mut GcHead {
        self.prev.get().map_addr(|a| a & !FLAGS)
    }

    /// Sets the previous link, keeping the flag bits.
    #[inline]
    pub(crate) fn set_prev(&self, prev: *mut GcHead) {
        let flags = self.prev.get().addr() & FLAGS;
        self.prev.set(prev.map_addr(|a| a | flags));
    }

    /// Sets the previous link of a head that carries no flag bits (debug builds check
    /// that): one store, no read of the old word.
    #[inline]
    pub(crate) fn set_prev_no_flags(&self, prev: *mut GcHead) {
        debug_assert_eq!(self.prev.get().addr() & FLAGS, 0, "head carries flags");
        self.prev.set(prev);
    }

    /// Marks the head untracked: null `next`, and a `prev` word holding only FINALIZED.
    #[inline]
    pub(crate) fn reset_untracked(&self) {
        self.next.set(ptr::null_mut());
        self.reset_prev();
    }

    /// Drops the link and the transient flags from `prev`, keeping FINALIZED.
    #[inline]
    pub(crate) fn reset_prev(&self) {
        let fin = self.prev.get().addr() & FINALIZED;
        self.prev.set(ptr::without_provenance_mut(fin));
    }

    /// Whether the head belongs to the set a collection is examining.
    #[inline]
    pub(crate) fn is_collecting(&self) -> bool {
        self.prev.get().addr() & COLLECTING != 0
    }

    /// Whether the head is on an unreachable list of the running collection.
    #[inline]
    pub(crate) fn is_unreachable(&self) -> bool {
        self.prev.get().addr() & UNREACHABLE != 0
    }

    /// Whether the head carries collection-only flags (used by `verify`).
    #[cfg(any(debug_assertions, feature = "verify"))]
    #[inline]
    pub(crate) fn has_transient_flags(&self) -> bool {
        self.prev.get().addr() & TRANSIENT != 0
    }

    /// Sets COLLECTING and UNREACHABLE, keeping the link.
    #[inline]
    pub(crate) fn mark_unreachable(&self) {
        self.prev
            .set(self.prev.get().map_addr(|a| a | COLLECTING | UNREACHABLE));
    }

    /// Removes COLLECTING and UNREACHABLE, keeping the link.
    #[inline]
    pub(crate) fn clear_transient(&self) {
        self.prev.set(self.prev.get().map_addr(|a| a & !TRANSIENT));
    }

    /// Replaces `prev` with a scratch count and COLLECTING (FINALIZED kept). The link
    /// is lost until the head is relinked.
    #[inline]
    pub(crate) fn start_scratch(&self, count: isize) {
        let fin = self.prev.get().addr() & FINALIZED;
        let word = ((count as usize) << SCRATCH_SHIFT) | COLLECTING | fin;
        self.prev.set(ptr::without_provenance_mut(word));
    }

    /// The scratch count. Only meaningful after [`GcHead::start_scratch`].
    #[inline]
    pub(crate) fn scratch(&self) -> isize {
        (self.prev.get().addr() as isize) >> SCRATCH_SHIFT
    }

    /// Subtracts one from the scratch count (flags are untouched: the count sits above
    /// them, and two's-complement wrapping keeps negative counts readable).
    #[inline]
    pub(crate) fn decrement_scratch(&self) {
        let word = self.prev.get().addr().wrapping_sub(1 << SCRATCH_SHIFT);
        self.prev.set(ptr::without_provenance_mut(word));
    }
}

impl Default for GcHead {
    fn default() -> Self {
        GcHead::new()
    }
}

impl std::fmt::Debug for GcHead {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GcHead")
            .field("at", &(self as *const GcHead))
            .field("tracked", &self.is_tracked())
            .field("finalized", &self.is_finalized())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scratch_round_trips_with_flags() {
        let h = GcHead::new();
        h.set_finalized();
        h.start_scratch(5);
        assert!(h.is_collecting() && h.is_finalized() && !h.is_unreachable());
        assert_eq!(h.scratch(), 5);
        for _ in 0..7 {
            h.decrement_scratch();
        }
        assert_eq!(h.scratch(), -2);
        assert!(h.is_collecting() && h.is_finalized());
        h.reset_untracked();
        assert!(h.is_finalized() && !h.is_collecting() && !h.is_tracked());
    }

    #[test]
    fn links_keep_flags() {
        let a = GcHead::new();
        let b = GcHead::new();
        a.set_finalized();
        a.mark_unreachable();
        a.set_prev(&b as *const GcHead as *mut GcHead);
        assert_eq!(a.prev(), &b as *const GcHead as *mut GcHead);
        assert!(a.is_unreachable() && a.is_collecting() && a.is_finalized());
        a.clear_transient();
        assert!(!a.is_collecting() && !a.is_unreachable() && a.is_finalized());
    }
}
