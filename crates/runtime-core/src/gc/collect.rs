//! Running collections: explicit ([`collect`], [`try_collect`], [`collect_result`]) and
//! at the embedder's safe point ([`safe_point`], [`collect_if_needed`]).
//!
//! Owns the generation argument's checks and draining the deallocation queue after a
//! collection. Must not schedule (the thresholds are `pyrt-gc`'s).

use super::PyGcModel;
use crate::err::{PyErr, PyResult};
use crate::runtime::Python;
use pyrt_gc::{CollectResult, Generation};

/// Collects `generation` (0, 1 or 2; larger values mean 2) and returns the number of
/// unreachable objects found, as Python's `gc.collect()` does.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let l = pyrt_core::builtins::list_new(py, &[]).unwrap();
///     l.append(l.as_any());            // a self-cycle
///     let before = py.live_objects();
///     drop(l);
///     assert_eq!(py.live_objects(), before); // still alive: only the cycle holds it
///     assert_eq!(pyrt_core::gc::collect(py, 2), 1);
///     assert_eq!(py.live_objects(), before - 1);
/// });
/// ```
pub fn collect(py: Python<'_>, generation: usize) -> usize {
    collect_result(py, generation).unreachable()
}

/// Python's `gc.collect(generation)` exactly: `ValueError: invalid generation` for a
/// generation other than 0, 1, 2.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     assert!(pyrt_core::gc::try_collect(py, 2).is_ok());
///     let e = pyrt_core::gc::try_collect(py, 3).unwrap_err();
///     assert_eq!(e.message(py), "invalid generation");
/// });
/// ```
pub fn try_collect(py: Python<'_>, generation: usize) -> PyResult<usize> {
    match Generation::new(generation) {
        Some(_) => Ok(collect(py, generation)),
        None => Err(PyErr::value_error(py, "invalid generation")),
    }
}

/// Like [`collect`], with the collector's full result (collected, uncollectable,
/// whether it ran — a collection asked for from inside a collection does not — and
/// how long it took).
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let r = pyrt_core::gc::collect_result(py, 0);
///     assert!(r.ran);
///     assert_eq!(r.generation.index(), 0);
/// });
/// ```
pub fn collect_result(py: Python<'_>, generation: usize) -> CollectResult {
    let generation = Generation::new(generation.min(2)).unwrap_or(Generation::OLD);
    let result = py.state().gc.collect::<PyGcModel>(generation);
    crate::object::release_dealloc_queue(py);
    result
}

/// Runs a collection if the allocation thresholds call for one, returning its result.
/// Call it only where no object is in the middle of an update (see [`safe_point`]).
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     pyrt_core::gc::disable(py);
///     assert!(pyrt_core::gc::collect_if_needed(py).is_none());
///     pyrt_core::gc::enable(py);
/// });
/// ```
pub fn collect_if_needed(py: Python<'_>) -> Option<CollectResult> {
    let r = py.state().gc.collect_if_needed::<PyGcModel>();
    crate::object::release_dealloc_queue(py);
    r
}

/// The embedder's safe point: the automatic collection Python would run on
/// allocation, run here instead, where the embedder knows no object is half-updated.
/// Collects the generation the thresholds call for, if any (see
/// [`super::set_threshold`]); cheap when none is due.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     pyrt_core::gc::set_threshold(py, 1, None, None);
///     let a = pyrt_core::builtins::list_new(py, &[]).unwrap();
///     let b = pyrt_core::builtins::list_new(py, &[]).unwrap();
///     let ran = pyrt_core::gc::safe_point(py);
///     pyrt_core::gc::set_threshold(py, 700, None, None);
///     assert!(ran.is_some());
///     drop((a, b));
/// });
/// ```
pub fn safe_point(py: Python<'_>) -> Option<CollectResult> {
    collect_if_needed(py)
}
