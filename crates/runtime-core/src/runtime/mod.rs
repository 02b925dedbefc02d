//! The runtime lock, the `Python<'py>` token that proves it is held, and the
//! process-wide runtime state.
//!
//! Owns entry into the runtime and the state every other module reads through the
//! token. Must not know type semantics: initialising the builtin types is done by an
//! `init` function the caller (`pyrt-typeobject`) passes to [`enter`].

mod lock;
mod state;
mod token;

pub(crate) use lock::push_pending_decref;
pub use lock::{enter, lock_held_by_this_thread};
pub use state::{BuiltinTypes, RuntimeState, Singletons};
pub use token::Python;

/// The runtime state if it has been created (for layout checks that run without a
/// token: every object is made under one, so the state exists whenever an object does).
pub(crate) fn state_if_created() -> Option<&'static RuntimeState> {
    state::STATE.get()
}
