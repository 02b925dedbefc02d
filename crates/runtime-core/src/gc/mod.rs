//! The `gc` module for embedders: Python's `gc` API over handles and a token, and the
//! bridge ([`PyGcModel`]) through which the collector of `pyrt-gc` sees objects.
//!
//! Owns the embedder-facing API (collection, scheduling, statistics, introspection,
//! freezing, callbacks, debug flags, `verify`) and the automatic-collection safe point,
//! and the class instance plans (`plan.rs`) the class slots and the model follow.
//! Must not implement any collection phase (that is `pyrt-gc`'s) or any type's
//! traversal (that is each type's `tp_traverse`; the model runs inline only walks a
//! type publishes: its instance plan, or the list/tuple item walks of those types).
//!
//! # When collections happen
//! Explicitly, with [`collect`]; and automatically only at a *safe point*, where no
//! slot function can be in the middle of an update: [`safe_point`] (also
//! [`Python::gc_safe_point`](crate::Python::gc_safe_point)), which collects when the
//! allocation thresholds call for it, and the outermost entry into the runtime
//! (`Runtime::with` on a thread that does not hold the lock yet), which does the same.
//! Allocation never collects.
//!
//! ```
//! pyrt_core::with_test_runtime(|py| {
//!     let l = pyrt_core::builtins::list_new(py, &[]).unwrap();
//!     l.append(l.as_any()); // a self-cycle
//!     assert!(pyrt_core::gc::is_tracked(l.as_any()));
//!     drop(l);
//!     assert_eq!(pyrt_core::gc::collect(py, 2), 1);
//! });
//! ```

mod callbacks;
mod collect;
mod collectable;
mod inspect;
mod model;
mod plan;
mod schedule;

pub use callbacks::{add_callback, remove_callback};
pub use collect::{collect, collect_if_needed, collect_result, safe_point, try_collect};
pub use collectable::{install_type_is_gc, type_is_gc};
pub use inspect::{
    clear_garbage, garbage, get_objects, get_referents, get_referrers, is_finalized, is_tracked,
};
pub use model::PyGcModel;
pub(crate) use model::object_of;
pub use plan::{InstancePlan, PlanParts, Planned};
#[cfg(any(debug_assertions, feature = "verify"))]
pub use pyrt_gc::VerifyError;
pub use pyrt_gc::{
    CallbackId, CallbackPhase, CollectInfo, CollectResult, DebugFlags, DebugSink, GENERATIONS,
    GenStats, Generation, Phase,
};
#[cfg(any(debug_assertions, feature = "verify"))]
pub use schedule::verify;
pub use schedule::{
    disable, enable, freeze, get_count, get_debug, get_freeze_count, get_stats, get_threshold,
    isenabled, set_debug, set_debug_output, set_threshold, unfreeze,
};
