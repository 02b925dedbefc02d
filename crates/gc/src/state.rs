//! Collector state: the generation lists, the collection's scratch lists, and the
//! tracking entry points the object core calls.
//!
//! Owns which list a head is on and the [`GcState`] struct itself (its other `impl`
//! blocks live in `schedule`, `inspect`, `collect` and `verify`). Must not touch the
//! objects behind the heads.

use crate::callbacks::Callbacks;
use crate::debug::DebugState;
use crate::generation::GENERATIONS;
use crate::head::GcHead;
use crate::list::GcList;
use crate::schedule::Schedule;
use crate::stats::GenStats;
use std::cell::{Cell, RefCell};
use std::ptr::NonNull;

/// Every list the state owns, boxed together so the sentinels never move.
pub(crate) struct Lists {
    /// Generations 0, 1, 2.
    pub(crate) gens: [GcList; GENERATIONS],
    /// The permanent generation of `freeze`: never collected.
    pub(crate) permanent: GcList,
    /// During a collection: objects proven reachable (survivors, resurrected).
    pub(crate) reachable: GcList,
    /// During a collection: the unreachable set.
    pub(crate) unreachable: GcList,
    /// During a collection: legacy-`tp_del` objects and all they reach.
    pub(crate) legacy: GcList,
    /// During the finalize phase: unreachable objects already visited.
    pub(crate) seen: GcList,
    /// During a collection: what is still unreachable after finalizers ran.
    pub(crate) doomed: GcList,
}

impl Lists {
    /// All lists empty and initialised at their final (boxed) address.
    fn new() -> Box<Lists> {
        let lists = Box::new(Lists {
            gens: [GcList::new(), GcList::new(), GcList::new()],
            permanent: GcList::new(),
            reachable: GcList::new(),
            unreachable: GcList::new(),
            legacy: GcList::new(),
            seen: GcList::new(),
            doomed: GcList::new(),
        });
        for list in lists.all() {
            list.init();
        }
        lists
    }

    /// Every list, generations first.
    pub(crate) fn all(&self) -> [&GcList; GENERATIONS + 6] {
        let [g0, g1, g2] = &self.gens;
        [
            g0,
            g1,
            g2,
            &self.permanent,
            &self.reachable,
            &self.unreachable,
            &self.legacy,
            &self.seen,
            &self.doomed,
        ]
    }

    /// The generations and the permanent generation: where heads live between
    /// collections.
    pub(crate) fn resting(&self) -> [&GcList; GENERATIONS + 1] {
        let [g0, g1, g2] = &self.gens;
        [g0, g1, g2, &self.permanent]
    }
}

/// The collector's state: generation lists, counters, statistics, callbacks, garbage.
///
/// Not `Sync`: the owner (the runtime) guards it with the runtime lock. Every method
/// takes `&self`; callbacks, finalizers and weakref callbacks may call back into the
/// state while a collection runs (a nested collection returns at once).
///
/// ```
/// let s = pyrt_gc::GcState::new();
/// assert!(s.is_empty());
/// assert_eq!(s.get_threshold(), [700, 10, 10]);
/// ```
pub struct GcState {
    /// All lists (boxed: sentinels must not move).
    pub(crate) lists: Box<Lists>,
    /// Thresholds, counts, enabled flag, long-lived bookkeeping.
    pub(crate) schedule: Schedule,
    /// Re-entrancy guard: a collection is running.
    pub(crate) collecting: Cell<bool>,
    /// Debug flags and message sink.
    pub(crate) debug: DebugState,
    /// Per-generation statistics.
    pub(crate) stats: RefCell<[GenStats; GENERATIONS]>,
    /// Start/stop callbacks.
    pub(crate) callbacks: Callbacks,
    /// Uncollectable (or SAVEALL) objects; the state owns one reference to each.
    pub(crate) garbage: RefCell<Vec<NonNull<GcHead>>>,
}

/// Making a state, tracking and untracking heads, and the allocation counters.
///
/// ```
/// let s = pyrt_gc::GcState::new();
/// s.note_alloc();
/// assert_eq!(s.allocation_count(), 1);
/// assert!(s.is_empty() && !s.is_collecting());
/// ```
impl GcState {
    /// Creates empty generations with the default thresholds (700, 10, 10), enabled.
    ///
    /// ```
    /// let s = pyrt_gc::GcState::new();
    /// assert_eq!(s.allocation_count(), 0);
    /// assert!(s.isenabled());
    /// ```
    pub fn new() -> GcState {
        GcState {
            lists: Lists::new(),
            schedule: Schedule::new(),
            collecting: Cell::new(false),
            debug: DebugState::new(),
            stats: RefCell::new([GenStats::default(); GENERATIONS]),
            callbacks: Callbacks::new(),
            garbage: RefCell::new(Vec::new()),
        }
    }

    /// Starts tracking `head` in the youngest generation.
    ///
    /// ```
    /// use pyrt_gc::{GcHead, GcState};
    /// let s = GcState::new();
    /// let h = Box::new(GcHead::new());
    /// let p = std::ptr::NonNull::from(&*h);
    /// // SAFETY: live, untracked, stays put until untracked below.
    /// unsafe { s.track(p) };
    /// assert!(h.is_tracked() && !s.is_empty());
    /// // SAFETY: tracked by `s`.
    /// unsafe { s.untrack(p) };
    /// ```
    ///
    /// # Safety
    /// 1. `head` points to a live, untracked head that stays at its address until it
    ///    is untracked.
    /// 2. If the state is ever collected or inspected with an [`crate::ObjectModel`],
    ///    `head` is in front of an object that model describes (its duty 1).
    #[inline]
    pub unsafe fn track(&self, head: NonNull<GcHead>) {
        // SAFETY: 1. forwarded from the caller; the sentinels are boxed and never move,
        // and generation lists are well formed whenever user code can run.
        unsafe { self.lists.gens[0].push_back(head) };
    }

    /// Starts tracking a freshly zeroed `head` in the youngest generation: as
    /// [`GcState::track`], without reading the head's flag bits first (a zeroed head has
    /// none, so its `prev` word is written whole).
    ///
    /// ```
    /// use pyrt_gc::{GcHead, GcState};
    /// let s = GcState::new();
    /// let h = Box::new(GcHead::new());
    /// let p = std::ptr::NonNull::from(&*h);
    /// // SAFETY: live, all-zero (never tracked, not finalized), stays put until
    /// // untracked below.
    /// unsafe { s.track_fresh(p) };
    /// assert!(h.is_tracked() && !h.is_finalized() && !s.is_empty());
    /// // SAFETY: tracked by `s`.
    /// unsafe { s.untrack(p) };
    /// assert!(!h.is_tracked() && s.is_empty());
    /// ```
    ///
    /// # Safety
    /// As for [`GcState::track`], and both words of `head` are zero (as in a block just
    /// zero-filled, or [`GcHead::new`]): a head whose FINALIZED bit is set would lose it.
    #[inline]
    pub unsafe fn track_fresh(&self, head: NonNull<GcHead>) {
        // SAFETY: 1. forwarded from the caller (the head is zero, so it carries no flag
        // bits to keep); the sentinels are boxed and never move, and generation lists
        // are well formed whenever user code can run.
        unsafe { self.lists.gens[0].push_back_fresh(head) };
    }

    /// Stops tracking `head`. Untracking an untracked head does nothing. Safe to call
    /// from a deallocator running inside a collection.
    ///
    /// ```
    /// let s = pyrt_gc::GcState::new();
    /// let h = pyrt_gc::GcHead::new();
    /// // SAFETY: `h` is live and untracked: a no-op.
    /// unsafe { s.untrack(std::ptr::NonNull::from(&h)) };
    /// assert!(!h.is_tracked());
    /// ```
    ///
    /// # Safety
    /// `head` points to a live head that is untracked or tracked by this state.
    #[inline]
    pub unsafe fn untrack(&self, head: NonNull<GcHead>) {
        // SAFETY: the caller guarantees `head` is live.
        let h = unsafe { head.as_ref() };
        if h.is_tracked() {
            // SAFETY: tracked heads sit on a list of this state; whenever user code
            // (and so a deallocator) can run, every list is well formed.
            unsafe { GcList::unlink(head) };
            h.reset_untracked();
        }
    }

    /// Records the allocation of a collectable object (counts toward threshold 0).
    ///
    /// ```
    /// let s = pyrt_gc::GcState::new();
    /// s.note_alloc();
    /// assert_eq!(s.get_count(), [1, 0, 0]);
    /// ```
    #[inline]
    pub fn note_alloc(&self) {
        self.schedule.note_alloc();
    }

    /// Records the deallocation of a collectable object (the count does not go below
    /// zero).
    ///
    /// ```
    /// let s = pyrt_gc::GcState::new();
    /// s.note_alloc();
    /// s.note_free();
    /// s.note_free();
    /// assert_eq!(s.allocation_count(), 0);
    /// ```
    #[inline]
    pub fn note_free(&self) {
        self.schedule.note_free();
    }

    /// Allocations minus deallocations since the last young collection.
    ///
    /// ```
    /// let s = pyrt_gc::GcState::new();
    /// s.note_alloc();
    /// assert_eq!(s.allocation_count(), 1);
    /// ```
    pub fn allocation_count(&self) -> isize {
        self.schedule.count(0) as isize
    }

    /// Whether no object is tracked in any generation (the permanent one included).
    ///
    /// ```
    /// assert!(pyrt_gc::GcState::new().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.lists.all().iter().all(|l| l.is_empty())
    }

    /// Whether a collection is running (callbacks and finalizers see `true`).
    ///
    /// ```
    /// assert!(!pyrt_gc::GcState::new().is_collecting());
    /// ```
    pub fn is_collecting(&self) -> bool {
        self.collecting.get()
    }
}

impl Default for GcState {
    fn default() -> Self {
        GcState::new()
    }
}

impl Drop for GcState {
    /// Marks every still-tracked head untracked, so that objects outliving the state
    /// do not point into freed sentinels (their later `untrack` is a no-op). Garbage
    /// references are leaked: dropping them needs the model.
    fn drop(&mut self) {
        for list in self.lists.all() {
            // SAFETY: outside a collection every list is well formed; tracked heads are
            // live (the `track` contract). Each head is reset after its successor was
            // read, as `for_each` allows.
            unsafe { list.for_each(|h| h.as_ref().reset_untracked()) };
            list.init();
        }
    }
}

impl std::fmt::Debug for GcState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GcState")
            .field("count", &self.get_count())
            .field("threshold", &self.get_threshold())
            .field("enabled", &self.isenabled())
            .field("collecting", &self.collecting.get())
            .finish_non_exhaustive()
    }
}
