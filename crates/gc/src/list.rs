//! Intrusive circular doubly-linked lists of GC heads with a sentinel node.
//!
//! Owns link manipulation only; knows nothing of generations or collection.

use crate::head::GcHead;
use std::ptr::{self, NonNull};

/// A list sentinel. Must not move once initialised (it is boxed by its owner).
pub(crate) struct GcList {
    pub(crate) sentinel: GcHead,
}

impl GcList {
    /// Makes `self` an empty circular list. Call once the list has its final address.
    pub(crate) fn init(&self) {
        let me = &self.sentinel as *const GcHead as *mut GcHead;
        self.sentinel.next.set(me);
        self.sentinel.prev.set(me);
    }

    /// Links `head` at the end of the list.
    ///
    /// # Safety
    /// 1. `head` points to a live, untracked head.
    /// 2. `self` was initialised with [`GcList::init`] and has not moved since.
    pub(crate) unsafe fn push_back(&self, head: NonNull<GcHead>) {
        let me = &self.sentinel as *const GcHead as *mut GcHead;
        let last = self.sentinel.prev.get();
        // SAFETY: 1. `head` is live; `last` is the sentinel or a live tracked head (list invariant).
        unsafe {
            head.as_ref().prev.set(last);
            head.as_ref().next.set(me);
            (*last).next.set(head.as_ptr());
        }
        self.sentinel.prev.set(head.as_ptr());
    }

    /// Unlinks `head` from whatever list holds it and marks it untracked.
    ///
    /// # Safety
    /// `head` points to a live tracked head whose neighbours are live.
    pub(crate) unsafe fn unlink(head: NonNull<GcHead>) {
        // SAFETY: tracked heads have live neighbours (list invariant).
        unsafe {
            let h = head.as_ref();
            let (prev, next) = (h.prev.get(), h.next.get());
            (*prev).next.set(next);
            (*next).prev.set(prev);
            h.next.set(ptr::null_mut());
            h.prev.set(ptr::null_mut());
        }
    }

    /// Whether the list holds no heads.
    pub(crate) fn is_empty(&self) -> bool {
        std::ptr::eq(self.sentinel.next.get(), &self.sentinel)
    }
}
