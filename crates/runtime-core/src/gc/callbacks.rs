//! `gc.callbacks`: functions called before ("start") and after ("stop") every
//! collection, with the generation and the results.
//!
//! Owns the token-passing wrapper around the collector's callback registry. Must not
//! run collections.

use crate::runtime::Python;
use pyrt_gc::{CallbackId, CallbackPhase, CollectInfo};

/// Registers `callback`, called with [`CallbackPhase::Start`] before and
/// [`CallbackPhase::Stop`] after every collection (Python's `gc.callbacks.append`).
/// It runs inside the collection: a collection it asks for returns at once.
///
/// ```
/// use std::sync::{Arc, Mutex};
/// use pyrt_core::gc::{self, CallbackPhase};
/// pyrt_core::with_test_runtime(|py| {
///     let seen = Arc::new(Mutex::new(Vec::new()));
///     let log = seen.clone();
///     let id = gc::add_callback(py, move |_py, phase, info| {
///         log.lock().unwrap().push((phase, info.generation.index()))
///     });
///     gc::collect(py, 1);
///     assert!(gc::remove_callback(py, id));
///     assert_eq!(*seen.lock().unwrap(), [(CallbackPhase::Start, 1), (CallbackPhase::Stop, 1)]);
/// });
/// ```
pub fn add_callback(
    py: Python<'_>,
    callback: impl Fn(Python<'_>, CallbackPhase, &CollectInfo) + Send + 'static,
) -> CallbackId {
    py.state().gc.add_callback(move |phase, info| {
        // SAFETY: collections run only under the runtime lock (every entry point takes
        // a token), so the lock is held whenever a callback runs.
        let py = unsafe { Python::assume_locked() };
        callback(py, phase, info)
    })
}

/// Unregisters a callback; `false` if `id` is not registered.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let id = pyrt_core::gc::add_callback(py, |_, _, _| {});
///     assert!(pyrt_core::gc::remove_callback(py, id));
///     assert!(!pyrt_core::gc::remove_callback(py, id));
/// });
/// ```
pub fn remove_callback(py: Python<'_>, id: CallbackId) -> bool {
    py.state().gc.remove_callback(id)
}
