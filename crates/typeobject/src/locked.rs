//! [`Locked<T>`]: process-wide state of this crate (the method cache, version tags,
//! watchers, MRO dependents) that is reached only under the runtime lock.
//!
//! Owns that access discipline only. Must not hold any particular state.

use pyrt_core::Python;

/// A `static` whose content is used only by the thread holding the runtime lock: the
/// only accessor takes a [`Python`] token, which exists only while the lock is held.
/// This is what makes the `Sync` impl sound for contents made of `Cell`s and raw
/// pointers.
pub(crate) struct Locked<T>(T);

// SAFETY: see the type's doc: every access goes through `get`, which requires the token
// of the (process-wide, serialising) runtime lock, so no two threads ever touch `T`.
unsafe impl<T> Sync for Locked<T> {}

impl<T> Locked<T> {
    /// Wraps `v` (for `static` initialisers).
    pub(crate) const fn new(v: T) -> Locked<T> {
        Locked(v)
    }

    /// The content, for as long as the lock is held.
    #[inline(always)]
    pub(crate) fn get<'py>(&'static self, _py: Python<'py>) -> &'py T {
        &self.0
    }
}
