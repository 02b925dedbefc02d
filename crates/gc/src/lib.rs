//! pyrt-gc: a generational cycle collector that knows nothing of Python.
//!
//! This crate owns the GC head that sits in front of every collectable object, the
//! generation lists those heads are linked into, and the collection phases (facts §12).
//! It must not know about types, dicts or any Python semantics: the object model
//! above it (`pyrt-core`) describes objects to it through the [`ObjectModel`] trait,
//! and every collection is generic over that model (`state.collect::<M>(generation)`).
//!
//! ```
//! use pyrt_gc::example::{Node, NodeModel, with_gc};
//! use pyrt_gc::Generation;
//! with_gc(|gc| {
//!     let a = Node::new();
//!     // SAFETY: `a` is live; its owner reference is released once.
//!     unsafe {
//!         Node::link(a, a); // a self-cycle
//!         Node::release(a);
//!     }
//!     assert_eq!(Node::live(), 1); // refcounting alone cannot free it
//!     assert_eq!(gc.collect::<NodeModel>(Generation::OLD).unreachable(), 1);
//!     assert_eq!(Node::live(), 0);
//! });
//! ```
//!
//! # Map
//! - `head`: the 16-byte [`GcHead`] and the encoding of its two words.
//! - `list`: intrusive circular lists of heads (push, unlink, splice, walk).
//! - `model`: the [`ObjectModel`] contract (numbered duties) the object core fulfils.
//! - `state`: [`GcState`], its lists, `track`/`untrack`.
//! - `collect`: the driver ([`GcState::collect`]) and, in `collect/phases`, one small
//!   function per step of facts §12; no recursion anywhere.
//! - `schedule`: thresholds, counts, enable/disable, the long-lived rule.
//! - `inspect`: objects, referents, referrers, freeze, garbage.
//! - `stats`, `debug`, `callbacks`: Python's `get_stats`, `DEBUG_*`, `callbacks`.
//! - `verify` (debug builds or the `verify` feature): [`GcState::verify`].
//! - [`example`]: a minimal model used by the examples.
#![deny(missing_docs)]

mod callbacks;
mod collect;
mod debug;
pub mod example;
mod generation;
mod head;
mod inspect;
mod list;
mod model;
mod schedule;
mod state;
mod stats;
#[cfg(any(debug_assertions, feature = "verify"))]
mod verify;

pub use callbacks::{CallbackId, CallbackPhase, CollectInfo};
pub use collect::CollectResult;
pub use debug::{DebugFlags, DebugSink};
pub use generation::{GENERATIONS, Generation, InvalidGeneration};
pub use head::GcHead;
pub use model::{ObjectModel, PendingCallback};
pub use state::GcState;
pub use stats::{GenStats, Phase};
#[cfg(any(debug_assertions, feature = "verify"))]
pub use verify::VerifyError;
