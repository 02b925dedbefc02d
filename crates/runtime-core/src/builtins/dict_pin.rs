//! Pinned dicts: the memory-safety net under the type attribute cache.
//!
//! The method cache (in `pyrt-typeobject`) stores *borrowed* pointers to values owned
//! by type dicts. A dict whose contents a cache entry may depend on is *pinned* (by
//! [`DictObject::get_str_raw_pinning`](super::DictObject::get_str_raw_pinning)); the
//! first mutation of a pinned dict calls the registered hook **before** changing
//! anything (and before releasing any reference), and unpins the dict. The hook must
//! make every cache entry that may depend on a pinned dict unreachable (the cache
//! empties itself). So mutating a type's dict directly, bypassing the cache's own
//! invalidation, costs a cache flush but can never leave a dangling cached pointer.
//!
//! Owns the hook registration only. Must not know anything about types or caches.

use crate::runtime::Python;
use std::sync::OnceLock;

/// What runs before a pinned dict is mutated.
///
/// ```
/// fn flush(_py: pyrt_core::Python<'_>) {}
/// let _hook: pyrt_core::builtins::PinnedDictHook = flush;
/// ```
pub type PinnedDictHook = fn(Python<'_>);

static HOOK: OnceLock<PinnedDictHook> = OnceLock::new();

/// Registers the hook called before the first mutation of a pinned dict (the first
/// registration wins; later ones are ignored).
///
/// # Safety
/// `hook` must make unreachable every cached borrowed pointer that relies on the
/// contents of any pinned dict, without mutating a dict and without running user code.
///
/// ```
/// fn flush(_py: pyrt_core::Python<'_>) {}
/// // SAFETY: nothing in this example caches pointers into dicts.
/// unsafe { pyrt_core::builtins::set_pinned_dict_hook(flush) };
/// ```
pub unsafe fn set_pinned_dict_hook(hook: PinnedDictHook) {
    let _ = HOOK.set(hook);
}

/// Calls the hook (if one is registered).
pub(crate) fn run_hook(py: Python<'_>) {
    if let Some(h) = HOOK.get() {
        h(py);
    }
}
