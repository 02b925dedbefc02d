//! Weak references: the `weakref.ReferenceType` payload, the per-object lists of weak
//! references, creation (with CPython's reuse rule), and clearing — when a referent's
//! refcount reaches zero and when the collector finds it unreachable.
//!
//! Owns the data half of weak references: the [`WeakRef`] layout, the list head found
//! at `tp_weaklistoffset` ([`WeakListHead`]), the order of the list, the order of
//! clearing and callbacks, and the layout half of the type (dealloc, traverse, clear).
//! Must not define the type's Python-visible behaviour (`__new__` argument parsing,
//! repr, hash, comparison, calling): those are slots `pyrt-typeobject` fills.
//!
//! A list holds borrowed pointers: a referent does not own its weak references and a
//! weak reference does not own its referent. The basic reference (exact type, no
//! callback) is kept first so that `ref(obj)` can reuse it; other references follow it,
//! newest first, which is also the order their callbacks run in.
//!
//! ```
//! pyrt_core::with_test_runtime(|py| {
//!     // Type objects are weakly referenceable (their list is `tp_weaklist`).
//!     let t = pyrt_core::Bound::from_ref(py, py.builtins().int()).into_any();
//!     let r = pyrt_core::weakref::weakref_new(py, &t, None).unwrap();
//!     assert!(r.upgrade(py).unwrap().is(&t));
//! });
//! ```

mod clear;
mod layout;
mod list;
mod new;
mod object;

pub use clear::{PendingWeakref, clear_at_death};
pub(crate) use clear::{clear_for_collector, detach_for_collector, has_weakrefs_or_is_one};
pub use layout::init_weakref_layout;
pub use list::{WeakListHead, weakref_count, weakrefs_of};
pub use new::{new_weakref_of_type, weakref_new};
pub use object::WeakRef;
