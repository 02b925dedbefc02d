//! The collection driver: one call of [`GcState::collect`] chains the phases of
//! `phases.rs` in facts §12 order, then does the bookkeeping (schedule counts,
//! statistics, debug output, callbacks).
//!
//! Owns the re-entrancy guard, [`CollectResult`], and the recovery of the lists when
//! a model hook panics. Must not do per-object work itself: that is `phases.rs`.

pub(crate) mod phases;

use crate::callbacks::{CallbackPhase, CollectInfo};
use crate::debug::DebugFlags;
use crate::generation::Generation;
use crate::head::GcHead;
use crate::list::GcList;
use crate::model::ObjectModel;
use crate::state::GcState;
use crate::stats::{Phase, Stopwatch};
use std::ptr::NonNull;
use std::time::Duration;

/// What one call of [`GcState::collect`] did.
///
/// ```
/// use pyrt_gc::example::{with_gc, NodeModel};
/// with_gc(|gc| {
///     let r = gc.collect::<NodeModel>(pyrt_gc::Generation::OLD);
///     assert!(r.ran);
///     assert_eq!(r.unreachable(), 0);
/// });
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct CollectResult {
    /// The generation collected.
    pub generation: Generation,
    /// Unreachable objects collected (resurrected ones excluded).
    pub collected: usize,
    /// Unreachable objects found uncollectable (legacy `tp_del` and all they reach).
    pub uncollectable: usize,
    /// `false` when the call was refused because a collection was already running.
    pub ran: bool,
    /// Duration of the collection proper (callbacks excluded).
    pub elapsed: Duration,
}

/// The figure Python's `gc.collect()` returns.
///
/// ```
/// use pyrt_gc::example::{NodeModel, with_gc};
/// let r = with_gc(|gc| gc.collect::<NodeModel>(pyrt_gc::Generation::OLD));
/// assert!(r.ran);
/// assert_eq!(r.unreachable(), r.collected + r.uncollectable);
/// ```
impl CollectResult {
    /// Python's `gc.collect()` result: collected plus uncollectable.
    ///
    /// ```
    /// let r = pyrt_gc::CollectResult {
    ///     generation: pyrt_gc::Generation::OLD, collected: 2, uncollectable: 1,
    ///     ran: true, elapsed: std::time::Duration::ZERO,
    /// };
    /// assert_eq!(r.unreachable(), 3);
    /// ```
    pub fn unreachable(&self) -> usize {
        self.collected + self.uncollectable
    }
}

/// Running totals of one collection.
struct Tally {
    /// Objects that moved to (or stayed in) the older generation.
    survivors: usize,
    /// Objects on the unreachable or doomed list: the `collected` count.
    doomed: usize,
    /// Objects set aside as uncollectable.
    uncollectable: usize,
}

/// Clears the re-entrancy flag when a collection ends, and repairs the lists if it
/// ends by a panic out of a model hook.
struct Guard<'s> {
    state: &'s GcState,
    generation: Generation,
}

impl Drop for Guard<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.state.recover(self.generation);
        }
        self.state.collecting.set(false);
    }
}

/// Running a collection.
///
/// ```
/// use pyrt_gc::example::{Node, NodeModel, with_gc};
/// let n = Node::new();
/// let r = with_gc(|gc| gc.collect::<NodeModel>(pyrt_gc::Generation::YOUNG));
/// assert_eq!(r.collected, 0); // `n` is referenced from outside: it survives
/// // SAFETY: `n` is live; released once, by its owner.
/// unsafe { Node::release(n) };
/// ```
impl GcState {
    /// Collects `generation` and all younger ones; returns what was found. A call made
    /// while a collection runs (from a finalizer, weakref callback or gc callback)
    /// returns at once with `ran == false` and zero counts. Runs whether or not
    /// automatic collection is enabled.
    ///
    /// ```
    /// use pyrt_gc::example::{Node, NodeModel, with_gc};
    /// with_gc(|gc| {
    ///     let (a, b) = (Node::new(), Node::new());
    ///     // SAFETY: `a` and `b` are live nodes we own; each owner reference is
    ///     // released exactly once.
    ///     unsafe {
    ///         Node::link(a, b);
    ///         Node::link(b, a);
    ///         Node::release(a);
    ///         Node::release(b);
    ///     }
    ///     let r = gc.collect::<NodeModel>(pyrt_gc::Generation::OLD);
    ///     assert_eq!(r.collected, 2);
    ///     assert_eq!(Node::live(), 0);
    /// });
    /// ```
    pub fn collect<M: ObjectModel>(&self, generation: Generation) -> CollectResult {
        if self.collecting.replace(true) {
            return CollectResult {
                generation,
                collected: 0,
                uncollectable: 0,
                ran: false,
                elapsed: Duration::ZERO,
            };
        }
        let _guard = Guard {
            state: self,
            generation,
        };
        let mut info = CollectInfo {
            generation,
            collected: 0,
            uncollectable: 0,
        };
        self.callbacks.invoke(CallbackPhase::Start, &info);
        let result = self.run_phases::<M>(generation);
        info.collected = result.collected;
        info.uncollectable = result.uncollectable;
        self.callbacks.invoke(CallbackPhase::Stop, &info);
        result
    }

    /// The phases, in order, with their timings and the bookkeeping.
    fn run_phases<M: ObjectModel>(&self, generation: Generation) -> CollectResult {
        let old = &self.lists.gens[generation.older().index()];
        self.report_start(generation);
        let mut clock = Stopwatch::start();
        let split = self.find_unreachable::<M>(generation, &mut clock);
        let mut tally = Tally {
            survivors: split.reachable,
            doomed: split.unreachable,
            uncollectable: 0,
        };
        self.rescue_unreachable::<M>(&split, old, &mut tally, &mut clock);
        self.report_doomed::<M>();
        let save_all = self.debug.on(DebugFlags::SAVEALL);
        // SAFETY: `doomed` holds the live `M` heads left after step 8, flagged
        // UNREACHABLE; every list is well formed (collection invariants 1-3).
        tally.survivors +=
            unsafe { phases::clear_doomed::<M>(&self.lists.doomed, old, &self.garbage, save_all) };
        clock.lap(Phase::Clear);

        self.schedule.collected(generation, tally.survivors);
        let collected = tally.doomed;
        let uncollectable = tally.uncollectable;
        self.stats.borrow_mut()[generation.index()].record(&clock, collected, uncollectable);
        let elapsed = clock.elapsed();
        self.report_done(collected, uncollectable, elapsed);
        CollectResult {
            generation,
            collected,
            uncollectable,
            ran: true,
            elapsed,
        }
    }

    /// Steps 1-4: merge, count, subtract, split. Reachable objects go to the older
    /// generation; the unreachable ones are left on the `unreachable` list.
    fn find_unreachable<M: ObjectModel>(
        &self,
        generation: Generation,
        clock: &mut Stopwatch,
    ) -> phases::Split {
        let lists = &*self.lists;
        let young = &lists.gens[generation.index()];
        let old = &lists.gens[generation.older().index()];
        for g in &lists.gens[..generation.index()] {
            // SAFETY: outside the phases every list is well formed; lists are distinct.
            unsafe { young.splice_back(g) };
        }
        clock.lap(Phase::Merge);
        // SAFETY: every tracked head is a live `M` head (ObjectModel duty 1 and the
        // `track` contract), and `young` is well formed.
        unsafe { phases::update_refs::<M>(young) };
        clock.lap(Phase::UpdateRefs);
        // SAFETY: as above; `young` went through update_refs.
        unsafe { phases::subtract_refs::<M>(young) };
        clock.lap(Phase::SubtractRefs);
        // SAFETY: as above, after subtract_refs; the scratch lists start empty.
        let split = unsafe {
            phases::move_unreachable::<M>(young, &lists.reachable, &lists.unreachable, true)
        };
        // SAFETY: move_unreachable leaves `reachable` well formed and flag-free.
        unsafe { old.splice_back(&lists.reachable) };
        clock.lap(Phase::MoveUnreachable);
        split
    }

    /// Steps 5-8: set the uncollectable aside, clear weakrefs, finalize, and rescue
    /// what finalizers resurrected. Leaves the doomed objects on `doomed`.
    fn rescue_unreachable<M: ObjectModel>(
        &self,
        split: &phases::Split,
        old: &GcList,
        tally: &mut Tally,
        clock: &mut Stopwatch,
    ) {
        let lists = &*self.lists;
        if split.legacy {
            // SAFETY: `unreachable` holds live `M` heads flagged UNREACHABLE; `legacy`
            // is empty; no user code runs in this phase.
            let moved = unsafe { phases::move_legacy::<M>(&lists.unreachable, &lists.legacy) };
            self.save_legacy::<M>(self.debug.on(DebugFlags::SAVEALL));
            // SAFETY: both lists are well formed; legacy heads carry no flags.
            unsafe { old.splice_back(&lists.legacy) };
            tally.uncollectable = moved;
            tally.survivors += moved;
            tally.doomed -= moved;
        }
        clock.lap(Phase::LegacyFinalizers);
        if split.weakrefs {
            // SAFETY: collection invariants 1-3 hold: every list is well formed.
            unsafe { phases::handle_weakrefs::<M>(&lists.unreachable) };
        }
        clock.lap(Phase::Weakrefs);
        let finalized = if split.finalizers {
            // SAFETY: as above; `seen` is empty.
            unsafe { phases::finalize::<M>(&lists.unreachable, &lists.seen) }
        } else {
            0
        };
        clock.lap(Phase::Finalize);
        if finalized > 0 {
            // Finalizers may have resurrected objects or freed some: recount.
            // SAFETY: `unreachable` is well formed and holds live `M` heads (freed
            // ones untracked themselves); `reachable` and `doomed` are empty.
            let again = unsafe {
                phases::split_resurrected::<M>(&lists.unreachable, &lists.reachable, &lists.doomed)
            };
            // SAFETY: move_unreachable leaves `reachable` well formed and flag-free.
            unsafe { old.splice_back(&lists.reachable) };
            tally.survivors += again.reachable;
            tally.doomed = again.unreachable;
        } else {
            // No finalizer ran, so nothing could reach the unreachable set (weakref
            // callbacks cannot: every weakref into it is cleared and every weakref in
            // it detached).
            // SAFETY: both lists are well formed and distinct.
            unsafe { lists.doomed.splice_back(&lists.unreachable) };
        }
        clock.lap(Phase::Resurrection);
    }

    /// Puts the legacy-`tp_del` objects (all of the uncollectable set under SAVEALL)
    /// into `garbage`, each with a reference of its own.
    fn save_legacy<M: ObjectModel>(&self, save_all: bool) {
        let report = self.debug.on(DebugFlags::UNCOLLECTABLE);
        // SAFETY: `legacy` is well formed and holds live `M` heads; incref and the
        // predicates are quiet hooks; the debug sink does not touch `legacy`.
        unsafe {
            self.lists.legacy.for_each(|h| {
                if report {
                    self.report_object::<M>("uncollectable", h);
                }
                if save_all || M::has_legacy_del(h) {
                    M::incref(h);
                    self.garbage.borrow_mut().push(h);
                }
            });
        }
    }

    /// Under COLLECTABLE: reports the doomed objects.
    fn report_doomed<M: ObjectModel>(&self) {
        if !self.debug.on(DebugFlags::COLLECTABLE) {
            return;
        }
        // SAFETY: `doomed` is well formed and holds live `M` heads; the debug sink
        // does not touch it.
        unsafe {
            self.lists
                .doomed
                .for_each(|h| self.report_object::<M>("collectable", h));
        }
    }

    /// Emits "gc: {what} <description>".
    fn report_object<M: ObjectModel>(&self, what: &str, head: NonNull<GcHead>) {
        let mut text = String::new();
        // SAFETY: callers pass live `M` heads; describe is quiet.
        let _ = unsafe { M::describe(head, &mut text) };
        self.debug.emit(format_args!("gc: {what} {text}"));
    }

    /// Under STATS: the generation sizes before a collection.
    fn report_start(&self, generation: Generation) {
        if !self.debug.on(DebugFlags::STATS) {
            return;
        }
        // SAFETY: outside the phases every list is well formed.
        let sizes = self.lists.resting().map(|l| unsafe { l.len() });
        self.debug
            .emit(format_args!("gc: collecting generation {generation}..."));
        self.debug.emit(format_args!(
            "gc: objects in each generation: {} {} {}",
            sizes[0], sizes[1], sizes[2]
        ));
        self.debug.emit(format_args!(
            "gc: objects in permanent generation: {}",
            sizes[3]
        ));
    }

    /// Under STATS: the results of a collection.
    fn report_done(&self, collected: usize, uncollectable: usize, elapsed: Duration) {
        if self.debug.on(DebugFlags::STATS) {
            self.debug.emit(format_args!(
                "gc: done, {} unreachable, {uncollectable} uncollectable, {:.4}s elapsed",
                collected + uncollectable,
                elapsed.as_secs_f64()
            ));
        }
    }

    /// After a panic out of a model hook: rebuilds every list from its `next` chain
    /// (intact in every phase), strips the transient flags, and moves whatever sat on
    /// a scratch list to the generation survivors would have gone to.
    fn recover(&self, generation: Generation) {
        let lists = &*self.lists;
        let old: &GcList = &lists.gens[generation.older().index()];
        for list in lists.all() {
            // SAFETY: every phase keeps each list's `next` chain intact.
            unsafe { list.relink() };
        }
        for scratch in [
            &lists.reachable,
            &lists.unreachable,
            &lists.legacy,
            &lists.seen,
            &lists.doomed,
        ] {
            // SAFETY: all lists were just made well formed.
            unsafe { old.splice_back(scratch) };
        }
    }
}
