//! Intrusive circular doubly-linked lists of GC heads with a sentinel node.
//!
//! Owns link manipulation only: push, unlink, move, splice, walk. Knows nothing of
//! generations or collection phases, and never touches the objects behind the heads.
//! Every operation preserves the flag bits in the heads' `prev` words.

use crate::head::GcHead;
use std::ptr::NonNull;

/// A list sentinel. Must not move once initialised (its owner boxes it).
pub(crate) struct GcList {
    sentinel: GcHead,
}

impl GcList {
    /// An uninitialised list; call [`GcList::init`] once it has its final address.
    pub(crate) const fn new() -> GcList {
        GcList {
            sentinel: GcHead::new(),
        }
    }

    /// The sentinel's address, the list's end marker.
    #[inline]
    pub(crate) fn end(&self) -> *mut GcHead {
        &self.sentinel as *const GcHead as *mut GcHead
    }

    /// Makes `self` an empty circular list. Call once the list has its final address
    /// (and again to forget its contents after they were moved away by hand).
    pub(crate) fn init(&self) {
        self.sentinel.set_next(self.end());
        self.sentinel.set_prev(self.end());
    }

    /// Whether the list holds no heads.
    #[inline]
    pub(crate) fn is_empty(&self) -> bool {
        self.sentinel.next() == self.end()
    }

    /// The first head, if any.
    #[inline]
    pub(crate) fn first(&self) -> Option<NonNull<GcHead>> {
        let first = self.sentinel.next();
        if first == self.end() {
            None
        } else {
            NonNull::new(first)
        }
    }

    /// The last head, or the sentinel when empty. Valid even while the members' `prev`
    /// words hold scratch counts: the sentinel's own `prev` is always a link.
    #[inline]
    pub(crate) fn last(&self) -> *mut GcHead {
        self.sentinel.prev()
    }

    /// The sentinel head itself (for code that treats the list as a queue).
    #[inline]
    pub(crate) fn sentinel(&self) -> &GcHead {
        &self.sentinel
    }

    /// Links `head` at the end of the list.
    ///
    /// # Safety
    /// 1. `head` points to a live head that is on no list.
    /// 2. `self` was initialised with [`GcList::init`] and has not moved since; its
    ///    members' `prev` words are links (no scratch counts).
    #[inline]
    pub(crate) unsafe fn push_back(&self, head: NonNull<GcHead>) {
        let last = self.last();
        // SAFETY: 1. `head` is live; 2. `last` is the sentinel or a live member.
        unsafe {
            let h = head.as_ref();
            h.set_prev(last);
            h.set_next(self.end());
            (*last).set_next(head.as_ptr());
        }
        self.sentinel.set_prev(head.as_ptr());
    }

    /// Links a head whose `prev` word holds no flag bits at the end of the list: as
    /// [`GcList::push_back`], with `prev` stored whole instead of merged with its flags.
    ///
    /// # Safety
    /// As for [`GcList::push_back`], and `head`'s `prev` word carries no flag bits (a
    /// zeroed head).
    #[inline]
    pub(crate) unsafe fn push_back_fresh(&self, head: NonNull<GcHead>) {
        let last = self.last();
        // SAFETY: 1. `head` is live; 2. `last` is the sentinel or a live member.
        unsafe {
            let h = head.as_ref();
            h.set_prev_no_flags(last);
            h.set_next(self.end());
            (*last).set_next(head.as_ptr());
        }
        self.sentinel.set_prev(head.as_ptr());
    }

    /// Unlinks `head` from whatever list holds it, leaving its words dangling (the
    /// caller relinks it or marks it untracked).
    ///
    /// # Safety
    /// `head` points to a live head on a list whose neighbours' words are links.
    #[inline]
    pub(crate) unsafe fn unlink(head: NonNull<GcHead>) {
        // SAFETY: members of a well-formed list have live neighbours (list invariant).
        unsafe {
            let h = head.as_ref();
            let (prev, next) = (h.prev(), h.next());
            (*prev).set_next(next);
            (*next).set_prev(prev);
        }
    }

    /// Moves `head` from its current list to the end of `self`.
    ///
    /// # Safety
    /// As for [`GcList::unlink`] and [`GcList::push_back`].
    #[inline]
    pub(crate) unsafe fn move_back(&self, head: NonNull<GcHead>) {
        // SAFETY: forwarded from the caller.
        unsafe {
            GcList::unlink(head);
            self.push_back(head);
        }
    }

    /// Moves every head of `from` to the end of `self`, leaving `from` empty.
    ///
    /// # Safety
    /// Both lists are initialised, distinct, and their members' words are links.
    pub(crate) unsafe fn splice_back(&self, from: &GcList) {
        if from.is_empty() {
            return;
        }
        let (first, last, tail) = (from.sentinel.next(), from.last(), self.last());
        // SAFETY: `first`, `last` are live members of `from`; `tail` is the sentinel or
        // a live member of `self` (list invariant).
        unsafe {
            (*tail).set_next(first);
            (*first).set_prev(tail);
            (*last).set_next(self.end());
        }
        self.sentinel.set_prev(last);
        from.init();
    }

    /// Number of heads, by walking the list.
    ///
    /// # Safety
    /// The members' `next` words are links (their `prev` words may hold scratch).
    pub(crate) unsafe fn len(&self) -> usize {
        let mut n = 0;
        // SAFETY: forwarded from the caller.
        unsafe { self.for_each(|_| n += 1) };
        n
    }

    /// Calls `f` with every head, following `next` links.
    ///
    /// # Safety
    /// The members' `next` words are links. `f` may move or unlink the head it is given
    /// (its successor was read before the call) but no other member.
    #[inline]
    pub(crate) unsafe fn for_each(&self, mut f: impl FnMut(NonNull<GcHead>)) {
        let mut cur = self.sentinel.next();
        while cur != self.end() {
            // SAFETY: `cur` is a live member (caller's duty).
            let next = unsafe { (*cur).next() };
            // SAFETY: members are non-null.
            f(unsafe { NonNull::new_unchecked(cur) });
            cur = next;
        }
    }

    /// Rewrites every member's `prev` word from the `next` chain and strips the
    /// transient flags, turning a list whose `prev` words hold scratch counts back
    /// into a well-formed one.
    ///
    /// # Safety
    /// The members' `next` words form a chain from the sentinel back to it.
    pub(crate) unsafe fn relink(&self) {
        let mut prev = self.end();
        let mut cur = self.sentinel.next();
        while cur != self.end() {
            // SAFETY: `cur` is a live member (caller's duty).
            unsafe {
                (*cur).reset_prev();
                (*cur).set_prev(prev);
                prev = cur;
                cur = (*cur).next();
            }
        }
        self.sentinel.set_prev(prev);
    }
}
