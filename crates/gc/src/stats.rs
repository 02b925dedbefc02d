//! Collection statistics: per-generation counters as Python's `gc.get_stats()` reports
//! them, plus per-phase timings and the longest pause.
//!
//! Owns [`Phase`], [`GenStats`] and the phase stopwatch. Must not touch lists, heads or
//! objects.

use std::time::{Duration, Instant};

/// The named phases of one collection, in the order they run (facts §12).
///
/// ```
/// use pyrt_gc::Phase;
/// assert_eq!(Phase::ALL[0], Phase::Merge);
/// assert_eq!(Phase::Clear.name(), "clear");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum Phase {
    /// Merge younger generations into the collected one.
    Merge,
    /// Copy refcounts into the heads' scratch counts.
    UpdateRefs,
    /// Subtract references internal to the collected set.
    SubtractRefs,
    /// Split reachable from unreachable.
    MoveUnreachable,
    /// Move legacy-`tp_del` objects and all they reach to the uncollectable set.
    LegacyFinalizers,
    /// Clear weakrefs into the unreachable set and run surviving callbacks.
    Weakrefs,
    /// Run `tp_finalize` once per object.
    Finalize,
    /// Recompute reachability after finalizers; rescue the resurrected.
    Resurrection,
    /// `tp_clear` what is still unreachable (or save it, under SAVEALL).
    Clear,
}

/// The phases in order, and their names.
///
/// ```
/// use pyrt_gc::Phase;
/// assert_eq!(Phase::ALL.len(), Phase::COUNT);
/// assert_eq!(Phase::ALL[Phase::Clear as usize], Phase::Clear); // a phase indexes `ALL`
/// ```
impl Phase {
    /// Number of phases.
    ///
    /// ```
    /// assert_eq!(pyrt_gc::Phase::COUNT, pyrt_gc::Phase::ALL.len());
    /// ```
    pub const COUNT: usize = 9;

    /// All phases in execution order.
    ///
    /// ```
    /// assert_eq!(pyrt_gc::Phase::ALL[8], pyrt_gc::Phase::Clear);
    /// ```
    pub const ALL: [Phase; Phase::COUNT] = [
        Phase::Merge,
        Phase::UpdateRefs,
        Phase::SubtractRefs,
        Phase::MoveUnreachable,
        Phase::LegacyFinalizers,
        Phase::Weakrefs,
        Phase::Finalize,
        Phase::Resurrection,
        Phase::Clear,
    ];

    /// A short lowercase name.
    ///
    /// ```
    /// assert_eq!(pyrt_gc::Phase::SubtractRefs.name(), "subtract_refs");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            Phase::Merge => "merge",
            Phase::UpdateRefs => "update_refs",
            Phase::SubtractRefs => "subtract_refs",
            Phase::MoveUnreachable => "move_unreachable",
            Phase::LegacyFinalizers => "legacy_finalizers",
            Phase::Weakrefs => "weakrefs",
            Phase::Finalize => "finalize",
            Phase::Resurrection => "resurrection",
            Phase::Clear => "clear",
        }
    }
}

/// Statistics of one generation since the state was created.
///
/// ```
/// let s = pyrt_gc::GcState::new();
/// let young = s.get_stats()[0];
/// assert_eq!((young.collections, young.collected, young.uncollectable), (0, 0, 0));
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct GenStats {
    /// Collections of this generation that ran (nested no-op calls do not count).
    pub collections: u64,
    /// Objects found unreachable and collected.
    pub collected: u64,
    /// Objects found unreachable but uncollectable (legacy `tp_del` and what they reach).
    pub uncollectable: u64,
    /// Time spent in each phase, indexed like [`Phase::ALL`].
    pub phase_time: [Duration; Phase::COUNT],
    /// Time spent in collections of this generation, callbacks excluded.
    pub total_time: Duration,
    /// The longest single collection of this generation.
    pub longest_pause: Duration,
}

/// Per-phase times of a generation's collections.
///
/// ```
/// use pyrt_gc::example::{NodeModel, with_gc};
/// let stats = with_gc(|gc| {
///     gc.collect::<NodeModel>(pyrt_gc::Generation::OLD);
///     gc.get_stats()
/// });
/// assert!(stats[2].collections >= 1);
/// ```
impl GenStats {
    /// Time spent in `phase`.
    ///
    /// ```
    /// let s = pyrt_gc::GcState::new();
    /// assert_eq!(s.get_stats()[2].phase(pyrt_gc::Phase::Clear), std::time::Duration::ZERO);
    /// ```
    pub fn phase(&self, phase: Phase) -> std::time::Duration {
        self.phase_time[phase as usize]
    }

    /// Adds one collection's figures.
    pub(crate) fn record(&mut self, run: &Stopwatch, collected: usize, uncollectable: usize) {
        self.collections += 1;
        self.collected += collected as u64;
        self.uncollectable += uncollectable as u64;
        for (total, t) in self.phase_time.iter_mut().zip(run.times) {
            *total += t;
        }
        let pause = run.elapsed();
        self.total_time += pause;
        self.longest_pause = self.longest_pause.max(pause);
    }
}

/// Times the phases of one collection: `lap(phase)` charges the time since the previous
/// lap to `phase`.
pub(crate) struct Stopwatch {
    start: Instant,
    last: Instant,
    times: [Duration; Phase::COUNT],
}

impl Stopwatch {
    /// Starts timing.
    pub(crate) fn start() -> Stopwatch {
        let now = Instant::now();
        Stopwatch {
            start: now,
            last: now,
            times: [Duration::ZERO; Phase::COUNT],
        }
    }

    /// Charges the time since the last lap to `phase`.
    #[inline]
    pub(crate) fn lap(&mut self, phase: Phase) {
        let now = Instant::now();
        self.times[phase as usize] += now - self.last;
        self.last = now;
    }

    /// Time since the start, up to the last lap.
    pub(crate) fn elapsed(&self) -> Duration {
        self.last - self.start
    }
}

/// Statistics per generation.
///
/// ```
/// let s = pyrt_gc::GcState::new();
/// assert!(s.get_stats().iter().all(|g| g.collections == 0));
/// ```
impl crate::GcState {
    /// Statistics per generation (Python's `gc.get_stats()`, plus timings).
    ///
    /// ```
    /// use pyrt_gc::example::{with_gc, NodeModel};
    /// with_gc(|gc| {
    ///     gc.collect::<NodeModel>(pyrt_gc::Generation::OLD);
    ///     let old = gc.get_stats()[2];
    ///     assert_eq!(old.collections, 1);
    ///     assert!(old.longest_pause <= old.total_time);
    /// });
    /// ```
    pub fn get_stats(&self) -> [GenStats; crate::GENERATIONS] {
        *self.stats.borrow()
    }
}
