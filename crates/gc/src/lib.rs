//! pyrt-gc: a generational cycle collector that knows nothing of Python.
//!
//! This crate owns the GC head that sits in front of every collectable object, the
//! generation lists those heads are linked into, and (see issue 4) the collection
//! phases. It must not know about types, dicts or any Python semantics: the object
//! model above it (`pyrt-core`) describes objects to it through the [`ObjectModel`]
//! trait.
//!
//! ```
//! use pyrt_gc::{GcHead, GcState};
//! let state = GcState::new();
//! let head = Box::new(GcHead::new());
//! let ptr = std::ptr::NonNull::from(&*head);
//! // SAFETY: the head is live, untracked, and outlives its membership in the list.
//! unsafe { state.track(ptr) };
//! assert!(head.is_tracked());
//! // SAFETY: tracked in `state` just above.
//! unsafe { state.untrack(ptr) };
//! assert!(!head.is_tracked());
//! ```

mod head;
mod list;
mod model;
mod state;

pub use head::GcHead;
pub use model::ObjectModel;
pub use state::GcState;
