//! Visiting a type and every subclass below it, transitively, each once: the walk that
//! re-resolving slots and refreshing instance plans after a `__bases__` change share.
//!
//! Owns only the walk (explicit worklist, no recursion; a diamond's shared subclass is
//! visited once). Must not decide what happens to each type: that is the caller's `f`.

use pyrt_core::{Bound, PyResult, Python, TypeObject};

/// Calls `f` on `tp` and on every type registered (transitively) as its subclass, each
/// once, stopping at the first error.
pub(crate) fn for_each_in_hierarchy<'py>(
    py: Python<'py>,
    tp: &TypeObject,
    mut f: impl FnMut(&Bound<'py, TypeObject>) -> PyResult<()>,
) -> PyResult<()> {
    let mut seen: Vec<*const TypeObject> = Vec::new();
    let mut work: Vec<Bound<'py, TypeObject>> = vec![Bound::from_ref(py, tp)];
    while let Some(t) = work.pop() {
        let p: *const TypeObject = &*t;
        if seen.contains(&p) {
            continue;
        }
        seen.push(p);
        f(&t)?;
        for sub in t.tp_subclasses.snapshot() {
            // SAFETY: registered subclasses are live (a type leaves the registry when it
            // is freed, and the callers' `f` only re-resolves fields of the type it is
            // given, freeing no type); a strong reference is taken at once.
            work.push(unsafe { Bound::from_borrowed_ptr(py, sub) });
        }
    }
    Ok(())
}
