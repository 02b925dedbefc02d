//! The settings and counters half of the `gc` API: enable/disable, counts and
//! thresholds, statistics, debug flags, the permanent generation (`freeze`), and the
//! debug-build consistency check.
//!
//! Owns only the forwarding to the runtime's `GcState` under a token. Must not touch
//! objects.

use crate::runtime::Python;
use pyrt_gc::{DebugFlags, DebugSink, GENERATIONS, GenStats};

/// Turns automatic collection on (Python's `gc.enable()`).
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     pyrt_core::gc::disable(py);
///     pyrt_core::gc::enable(py);
///     assert!(pyrt_core::gc::isenabled(py));
/// });
/// ```
pub fn enable(py: Python<'_>) {
    py.state().gc.enable();
}

/// Turns automatic collection off; explicit collections still run (`gc.disable()`).
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     pyrt_core::gc::disable(py);
///     assert!(!pyrt_core::gc::isenabled(py));
///     pyrt_core::gc::enable(py);
/// });
/// ```
pub fn disable(py: Python<'_>) {
    py.state().gc.disable();
}

/// Whether automatic collection is on (`gc.isenabled()`).
///
/// ```
/// pyrt_core::with_test_runtime(|py| assert!(pyrt_core::gc::isenabled(py)));
/// ```
pub fn isenabled(py: Python<'_>) -> bool {
    py.state().gc.isenabled()
}

/// The counts of generations 0, 1, 2 (`gc.get_count()`): tracked allocations minus
/// deallocations since the last young collection, then collections of the next
/// younger generation since the last collection of this one.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     pyrt_core::gc::collect(py, 2);
///     let l = pyrt_core::builtins::list_new(py, &[]).unwrap();
///     assert_eq!(pyrt_core::gc::get_count(py)[0], 1);
///     drop(l);
/// });
/// ```
pub fn get_count(py: Python<'_>) -> [usize; GENERATIONS] {
    py.state().gc.get_count()
}

/// The thresholds of generations 0, 1, 2 (`gc.get_threshold()`; default 700, 10, 10).
///
/// ```
/// pyrt_core::with_test_runtime(|py| assert_eq!(pyrt_core::gc::get_threshold(py).len(), 3));
/// ```
pub fn get_threshold(py: Python<'_>) -> [usize; GENERATIONS] {
    py.state().gc.get_threshold()
}

/// Sets the thresholds (`gc.set_threshold(threshold0[, threshold1[, threshold2]])`);
/// `None` keeps a threshold as it is. A `threshold0` of 0 turns automatic collection
/// off.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let old = pyrt_core::gc::get_threshold(py);
///     pyrt_core::gc::set_threshold(py, 5, None, Some(20));
///     assert_eq!(pyrt_core::gc::get_threshold(py), [5, old[1], 20]);
///     pyrt_core::gc::set_threshold(py, old[0], Some(old[1]), Some(old[2]));
/// });
/// ```
pub fn set_threshold(
    py: Python<'_>,
    threshold0: usize,
    threshold1: Option<usize>,
    threshold2: Option<usize>,
) {
    let gc = &py.state().gc;
    let [_, t1, t2] = gc.get_threshold();
    gc.set_threshold([
        threshold0,
        threshold1.unwrap_or(t1),
        threshold2.unwrap_or(t2),
    ]);
}

/// Per-generation statistics (`gc.get_stats()`: collections, collected,
/// uncollectable; plus the time spent in each phase and the longest pause).
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let before = pyrt_core::gc::get_stats(py)[2].collections;
///     pyrt_core::gc::collect(py, 2);
///     let after = pyrt_core::gc::get_stats(py)[2];
///     assert_eq!(after.collections, before + 1);
///     assert!(after.longest_pause <= after.total_time);
/// });
/// ```
pub fn get_stats(py: Python<'_>) -> [GenStats; GENERATIONS] {
    py.state().gc.get_stats()
}

/// Sets the debug flags (`gc.set_debug`; see [`DebugFlags`]).
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     pyrt_core::gc::set_debug(py, pyrt_core::gc::DebugFlags::SAVEALL);
///     assert_eq!(pyrt_core::gc::get_debug(py), pyrt_core::gc::DebugFlags::SAVEALL);
///     pyrt_core::gc::set_debug(py, pyrt_core::gc::DebugFlags::NONE);
/// });
/// ```
pub fn set_debug(py: Python<'_>, flags: DebugFlags) {
    py.state().gc.set_debug(flags);
}

/// The debug flags in force (`gc.get_debug()`).
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     assert_eq!(pyrt_core::gc::get_debug(py), pyrt_core::gc::DebugFlags::NONE);
/// });
/// ```
pub fn get_debug(py: Python<'_>) -> DebugFlags {
    py.state().gc.get_debug()
}

/// Routes the debug flags' messages (one line each) to `sink` instead of stderr
/// (`None`: back to stderr); returns the previous sink.
///
/// ```
/// use std::sync::{Arc, Mutex};
/// pyrt_core::with_test_runtime(|py| {
///     let lines = Arc::new(Mutex::new(Vec::<String>::new()));
///     let out = lines.clone();
///     pyrt_core::gc::set_debug_output(py, Some(Box::new(move |l: &str| out.lock().unwrap().push(l.into()))));
///     pyrt_core::gc::set_debug(py, pyrt_core::gc::DebugFlags::STATS);
///     pyrt_core::gc::collect(py, 2);
///     pyrt_core::gc::set_debug(py, pyrt_core::gc::DebugFlags::NONE);
///     pyrt_core::gc::set_debug_output(py, None);
///     assert_eq!(lines.lock().unwrap()[0], "gc: collecting generation 2...");
/// });
/// ```
pub fn set_debug_output(py: Python<'_>, sink: Option<DebugSink>) -> Option<DebugSink> {
    py.state().gc.set_debug_output(sink)
}

/// Moves every tracked object into the permanent generation, which collections ignore
/// (`gc.freeze()`).
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let l = pyrt_core::builtins::list_new(py, &[]).unwrap();
///     pyrt_core::gc::freeze(py);
///     assert!(pyrt_core::gc::get_freeze_count(py) >= 1);
///     pyrt_core::gc::unfreeze(py);
///     assert_eq!(pyrt_core::gc::get_freeze_count(py), 0);
///     drop(l);
/// });
/// ```
pub fn freeze(py: Python<'_>) {
    py.state().gc.freeze();
}

/// Moves the permanent generation back into the oldest one (`gc.unfreeze()`).
///
/// ```
/// pyrt_core::with_test_runtime(|py| pyrt_core::gc::unfreeze(py));
/// ```
pub fn unfreeze(py: Python<'_>) {
    py.state().gc.unfreeze();
}

/// Number of objects in the permanent generation (`gc.get_freeze_count()`).
///
/// ```
/// pyrt_core::with_test_runtime(|py| assert_eq!(pyrt_core::gc::get_freeze_count(py), 0));
/// ```
pub fn get_freeze_count(py: Python<'_>) -> usize {
    py.state().gc.get_freeze_count()
}

/// Checks the collector's lists and every tracked object's `tp_traverse` against the
/// reference counts (debug builds, or the `verify` feature): a traversal that visits
/// an edge twice, or visits a reference it does not hold, drives some count negative
/// and is reported with the suspects. See `pyrt_gc::GcState::verify` for what cannot
/// be caught.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let l = pyrt_core::builtins::list_new(py, &[]).unwrap();
///     l.append(l.as_any());
///     assert_eq!(pyrt_core::gc::verify(py), Ok(()));
///     drop(l);
///     pyrt_core::gc::collect(py, 2);
/// });
/// ```
#[cfg(any(debug_assertions, feature = "verify"))]
pub fn verify(py: Python<'_>) -> Result<(), pyrt_gc::VerifyError> {
    py.state().gc.verify::<super::PyGcModel>()
}
