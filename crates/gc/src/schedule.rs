//! When to collect: thresholds, per-generation counts, the enabled switch, and
//! CPython 3.11's long-lived bookkeeping that keeps full collections from going
//! quadratic on a large live heap.
//!
//! Owns [`Schedule`] and the scheduling half of the embedder API. Must not touch lists
//! or objects; it only decides which generation the embedder's safe point collects.

use crate::collect::CollectResult;
use crate::generation::{GENERATIONS, Generation};
use crate::model::ObjectModel;
use crate::state::GcState;
use std::cell::Cell;

/// Thresholds and counters.
///
/// `counts[0]` is tracked allocations minus deallocations since the last young
/// collection; `counts[g]` (g ≥ 1) is the number of collections of generation g-1
/// since the last collection of generation g.
pub(crate) struct Schedule {
    thresholds: [Cell<usize>; GENERATIONS],
    counts: [Cell<usize>; GENERATIONS],
    enabled: Cell<bool>,
    /// Objects in the old generation after the last full collection.
    long_lived_total: Cell<usize>,
    /// Objects that reached the old generation since the last full collection.
    long_lived_pending: Cell<usize>,
}

impl Schedule {
    /// Thresholds (700, 10, 10), counts zero, enabled.
    pub(crate) fn new() -> Schedule {
        Schedule {
            thresholds: [Cell::new(700), Cell::new(10), Cell::new(10)],
            counts: Default::default(),
            enabled: Cell::new(true),
            long_lived_total: Cell::new(0),
            long_lived_pending: Cell::new(0),
        }
    }

    /// One tracked allocation. A plain increment (wrapping, so it can never panic): in
    /// the runtime the count cannot overflow, because it never exceeds the number of
    /// tracked objects allocated since the last young collection that are still alive
    /// (each allocation adds one to both; each free lowers the count by one or leaves
    /// it at zero), and each of those occupies at least 16 bytes of the address space.
    #[inline]
    pub(crate) fn note_alloc(&self) {
        let c = &self.counts[0];
        c.set(c.get().wrapping_add(1));
    }

    /// One tracked deallocation (saturating at zero).
    #[inline]
    pub(crate) fn note_free(&self) {
        let c = &self.counts[0];
        c.set(c.get().saturating_sub(1));
    }

    /// Forgets young allocations (after `freeze`).
    pub(crate) fn reset_young_count(&self) {
        self.counts[0].set(0);
    }

    /// The count of generation `g`.
    pub(crate) fn count(&self, g: usize) -> usize {
        self.counts[g].get()
    }

    /// The oldest generation whose count exceeds its threshold, skipping a full
    /// collection while long-lived pending objects are under 25% of the long-lived
    /// total; `None` when the young count is within its threshold, threshold 0 is 0
    /// (automatic collection off), or collection is disabled.
    pub(crate) fn due(&self) -> Option<Generation> {
        let t0 = self.thresholds[0].get();
        if !self.enabled.get() || t0 == 0 || self.counts[0].get() <= t0 {
            return None;
        }
        Generation::ALL.into_iter().rev().find(|g| {
            let i = g.index();
            self.counts[i].get() > self.thresholds[i].get()
                && (i + 1 < GENERATIONS
                    || self.long_lived_pending.get() >= self.long_lived_total.get() / 4)
        })
    }

    /// Bookkeeping after a collection of `generation` that left `survivors` objects in
    /// the generation it promoted them to.
    pub(crate) fn collected(&self, generation: Generation, survivors: usize) {
        let g = generation.index();
        if g + 1 < GENERATIONS {
            let next = &self.counts[g + 1];
            next.set(next.get().saturating_add(1));
        }
        for c in &self.counts[..=g] {
            c.set(0);
        }
        if g + 2 == GENERATIONS {
            let p = &self.long_lived_pending;
            p.set(p.get().saturating_add(survivors));
        } else if g + 1 == GENERATIONS {
            self.long_lived_pending.set(0);
            self.long_lived_total.set(survivors);
        }
    }
}

/// Automatic collection: on/off, thresholds, counts, and the collection they call for.
///
/// ```
/// let s = pyrt_gc::GcState::new();
/// s.disable();
/// assert!(!s.isenabled() && s.should_collect().is_none());
/// s.enable();
/// ```
impl GcState {
    /// Turns automatic collection on.
    ///
    /// ```
    /// let s = pyrt_gc::GcState::new();
    /// s.disable();
    /// s.enable();
    /// assert!(s.isenabled());
    /// ```
    pub fn enable(&self) {
        self.schedule.enabled.set(true);
    }

    /// Turns automatic collection off; explicit [`GcState::collect`] still runs.
    ///
    /// ```
    /// let s = pyrt_gc::GcState::new();
    /// s.disable();
    /// assert!(!s.isenabled());
    /// ```
    pub fn disable(&self) {
        self.schedule.enabled.set(false);
    }

    /// Whether automatic collection is on.
    ///
    /// ```
    /// assert!(pyrt_gc::GcState::new().isenabled());
    /// ```
    pub fn isenabled(&self) -> bool {
        self.schedule.enabled.get()
    }

    /// The thresholds of generations 0, 1, 2.
    ///
    /// ```
    /// assert_eq!(pyrt_gc::GcState::new().get_threshold(), [700, 10, 10]);
    /// ```
    pub fn get_threshold(&self) -> [usize; GENERATIONS] {
        self.schedule.thresholds.each_ref().map(Cell::get)
    }

    /// Sets the thresholds of generations 0, 1, 2. A threshold 0 of zero turns
    /// automatic collection off.
    ///
    /// ```
    /// let s = pyrt_gc::GcState::new();
    /// s.set_threshold([5, 10, 10]);
    /// assert_eq!(s.get_threshold(), [5, 10, 10]);
    /// ```
    pub fn set_threshold(&self, thresholds: [usize; GENERATIONS]) {
        for (cell, t) in self.schedule.thresholds.iter().zip(thresholds) {
            cell.set(t);
        }
    }

    /// The counts of generations 0, 1, 2 (Python's `gc.get_count()`).
    ///
    /// ```
    /// let s = pyrt_gc::GcState::new();
    /// s.note_alloc();
    /// assert_eq!(s.get_count(), [1, 0, 0]);
    /// ```
    pub fn get_count(&self) -> [usize; GENERATIONS] {
        self.schedule.counts.each_ref().map(Cell::get)
    }

    /// Which generation an automatic collection would collect now, if any: `None`
    /// when disabled, below threshold, or while a collection runs.
    ///
    /// ```
    /// let s = pyrt_gc::GcState::new();
    /// s.set_threshold([2, 10, 10]);
    /// assert_eq!(s.should_collect(), None);
    /// for _ in 0..3 { s.note_alloc(); }
    /// assert_eq!(s.should_collect(), Some(pyrt_gc::Generation::YOUNG));
    /// ```
    pub fn should_collect(&self) -> Option<Generation> {
        if self.collecting.get() {
            return None;
        }
        self.schedule.due()
    }

    /// The embedder's safe point: runs the collection [`GcState::should_collect`]
    /// asks for, if any.
    ///
    /// ```
    /// use pyrt_gc::example::{Node, NodeModel, with_gc};
    /// with_gc(|gc| {
    ///     gc.set_threshold([2, 10, 10]);
    ///     let nodes: Vec<_> = (0..3).map(|_| Node::new()).collect();
    ///     let run = gc.collect_if_needed::<NodeModel>().expect("over threshold");
    ///     assert_eq!(run.generation.index(), 0);
    ///     assert_eq!(gc.get_count(), [0, 1, 0]);
    ///     // SAFETY: each node is released once, by its owner.
    ///     nodes.into_iter().for_each(|n| unsafe { Node::release(n) });
    /// });
    /// ```
    pub fn collect_if_needed<M: ObjectModel>(&self) -> Option<CollectResult> {
        let generation = self.should_collect()?;
        Some(self.collect::<M>(generation))
    }
}
