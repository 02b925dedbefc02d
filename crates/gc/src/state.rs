//! Collector state: the generation lists and allocation counters.
//!
//! Owns which list a head is on. Must not touch objects behind the heads.

use crate::head::GcHead;
use crate::list::GcList;
use std::cell::Cell;
use std::ptr::NonNull;

/// Number of generations.
pub const GENERATIONS: usize = 3;

/// The collector's state: generation lists and counters.
///
/// Not `Sync`: the owner (the runtime) guards it with the runtime lock.
pub struct GcState {
    gens: Box<[GcList; GENERATIONS]>,
    /// Tracked allocations minus deallocations since the last young collection.
    count: Cell<isize>,
}

impl GcState {
    /// Creates empty generations.
    ///
    /// ```
    /// let s = pyrt_gc::GcState::new();
    /// assert_eq!(s.allocation_count(), 0);
    /// ```
    pub fn new() -> GcState {
        let gens = Box::new([
            GcList {
                sentinel: GcHead::new(),
            },
            GcList {
                sentinel: GcHead::new(),
            },
            GcList {
                sentinel: GcHead::new(),
            },
        ]);
        for g in gens.iter() {
            g.init();
        }
        GcState {
            gens,
            count: Cell::new(0),
        }
    }

    /// Starts tracking `head` in the youngest generation.
    ///
    /// # Safety
    /// `head` points to a live, untracked head that stays at its address until untracked.
    pub unsafe fn track(&self, head: NonNull<GcHead>) {
        // SAFETY: forwarded from the caller; the sentinels are boxed and never move.
        unsafe { self.gens[0].push_back(head) };
    }

    /// Stops tracking `head`. Untracking an untracked head does nothing.
    ///
    /// # Safety
    /// `head` points to a live head that is untracked or tracked by this state.
    pub unsafe fn untrack(&self, head: NonNull<GcHead>) {
        // SAFETY: the caller guarantees `head` is live.
        if unsafe { head.as_ref() }.is_tracked() {
            // SAFETY: tracked heads have live neighbours in this state's lists.
            unsafe { GcList::unlink(head) };
        }
    }

    /// Records the allocation of a collectable object.
    pub fn note_alloc(&self) {
        self.count.set(self.count.get() + 1);
    }

    /// Records the deallocation of a collectable object.
    pub fn note_free(&self) {
        self.count.set(self.count.get() - 1);
    }

    /// Allocations minus deallocations since the last young collection.
    ///
    /// ```
    /// let s = pyrt_gc::GcState::new();
    /// s.note_alloc();
    /// assert_eq!(s.allocation_count(), 1);
    /// ```
    pub fn allocation_count(&self) -> isize {
        self.count.get()
    }

    /// Whether no object is tracked in any generation.
    ///
    /// ```
    /// assert!(pyrt_gc::GcState::new().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.gens.iter().all(|g| g.is_empty())
    }
}

impl Default for GcState {
    fn default() -> Self {
        GcState::new()
    }
}
