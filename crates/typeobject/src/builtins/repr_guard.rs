//! The "repr in progress" set that stops container reprs from recursing into
//! themselves (`[[...]]`, `{'a': {...}}`, `([(...)],)`).
//!
//! Owns: the set, keyed by object address. It is thread-local, which is per-runtime in
//! practice because the runtime lock serialises threads and a repr never releases it.
//! Must not: format anything.

use std::cell::RefCell;

thread_local! {
    static IN_PROGRESS: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// Marks an object's repr as running until dropped.
pub(crate) struct ReprGuard {
    addr: usize,
}

impl ReprGuard {
    /// Enters the repr of the object at `addr`; `None` if it is already running (the
    /// caller then prints its `...` form).
    pub(crate) fn enter(addr: usize) -> Option<ReprGuard> {
        IN_PROGRESS.with(|s| {
            let mut s = s.borrow_mut();
            if s.contains(&addr) {
                return None;
            }
            s.push(addr);
            Some(ReprGuard { addr })
        })
    }
}

impl Drop for ReprGuard {
    fn drop(&mut self) {
        IN_PROGRESS.with(|s| {
            let mut s = s.borrow_mut();
            if let Some(i) = s.iter().rposition(|a| *a == self.addr) {
                s.remove(i);
            }
        });
    }
}
