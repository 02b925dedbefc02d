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
        let lists = &*self.lists;
        let young = &lists.gens[generation.index()];
        let old = &lists.gens[generation.older().index()];
        let save_all = self.debug.on(DebugFlags::SAVEALL);
        self.report_start(generation);
        let mut clock = Stopwatch::start();

        // 1. Merge younger generations.
        for g in &lists.gens[..generation.index()] {
            // SAFETY: outside the phases every list is well formed; lists are distinct.
            unsafe { young.splice_back(g) };
        }
        clock.lap(Phase::Merge);
        // SAFETY (all phase calls below): every tracked head is a live `M` head
        // (ObjectModel duty 1 and `track`'s contract); the driver hands each phase the
        // lists in the state its contract names; scratch lists start empty.
        unsafe { phases::update_refs::<M>(young) };
        clock.lap(Phase::UpdateRefs);
        unsafe { phases::subtract_refs::<M>(young) };
        clock.lap(Phase::SubtractRefs);
        let mut survivors = unsafe {
            phases::move_unreachable::<M>(young, &lists.reachable, &lists.unreachable, true)
        };
        unsafe { old.splice_back(&lists.reachable) };
        clock.lap(Phase::MoveUnreachable);

        let uncollectable = unsafe { phases::move_legacy::<M>(&lists.unreachable, &lists.legacy) };
        self.save_legacy::<M>(save_all);
        unsafe { old.splice_back(&lists.legacy) };
        survivors += uncollectable;
        clock.lap(Phase::LegacyFinalizers);

        unsafe { phases::handle_weakrefs::<M>(&lists.unreachable) };
        clock.lap(Phase::Weakrefs);
        unsafe { phases::finalize::<M>(&lists.unreachable, &lists.seen) };
        clock.lap(Phase::Finalize);
        survivors += unsafe {
            phases::split_resurrected::<M>(&lists.unreachable, &lists.reachable, &lists.doomed)
        };
        unsafe { old.splice_back(&lists.reachable) };
        clock.lap(Phase::Resurrection);

        let collected = self.count_doomed::<M>();
        survivors +=
            unsafe { phases::clear_doomed::<M>(&lists.doomed, old, &self.garbage, save_all) };
        clock.lap(Phase::Clear);

        self.schedule.collected(generation, survivors);
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

    /// Counts (and under COLLECTABLE reports) the doomed objects.
    fn count_doomed<M: ObjectModel>(&self) -> usize {
        let report = self.debug.on(DebugFlags::COLLECTABLE);
        let mut n = 0;
        // SAFETY: `doomed` is well formed and holds live `M` heads.
        unsafe {
            self.lists.doomed.for_each(|h| {
                if report {
                    self.report_object::<M>("collectable", h);
                }
                n += 1;
            });
        }
        n
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
