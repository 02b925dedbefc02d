//! The type attribute cache ("method cache") with version tags.
//!
//! A global, direct-mapped table of [`SIZE`] entries keyed by (version tag, interned
//! name) holds the result of `_PyType_Lookup` — a value borrowed from an MRO dict, or
//! "not found". Types get version tags lazily from one global counter (never reused);
//! `type_modified` drops the tags of a type and of everything whose MRO contains it, so
//! their entries can never be served again.
//!
//! Owns the table (`table`), the tags (`version_tag`), the statistics ([`stats`])
//! and the cached lookup ([`lookup()`]). Must not decide *when* a type changed: that is
//! `crate::type_modified`, called by every dict and MRO change.
//!
//! Memory safety does not depend on every writer calling `type_modified`: the dicts a
//! fill reads are pinned (`DictObject::get_str_raw_pinning`), and changing a pinned dict
//! empties the table first. `type_modified` (through `attr::type_dict_set`) is the fast
//! path that unpins a type's own dict after dropping the tags relying on it.
//!
//! ```
//! use pyrt_typeobject::{Runtime, method_cache, new_class};
//! Runtime::with(|py| {
//!     let a = new_class(py, "A", &[], None).unwrap();
//!     let n = pyrt_core::builtins::intern(py, "nothing_here").unwrap();
//!     method_cache::set_hit_counting(py, true); // hits are counted only on request
//!     let before = method_cache::stats(py);
//!     assert!(method_cache::lookup(py, &a, &n).is_none()); // miss, fills "not found"
//!     assert!(method_cache::lookup(py, &a, &n).is_none()); // hit
//!     let after = method_cache::stats(py);
//!     assert_eq!(after.fills - before.fills, 1);
//!     assert_eq!(after.hits - before.hits, 1);
//! });
//! ```

mod lookup;
mod stats;
mod table;
mod version_tag;

pub use lookup::{lookup, probe};
pub use stats::{CacheStats, hit_counting, set_hit_counting, stats};
pub use table::{SIZE, SIZE_EXP};
pub use version_tag::{
    LAST_TAG, MAX_TAGS_PER_TYPE, advance_tag_counter_for_tests, assign_version_tag,
};

pub(crate) use stats::{bump, counters};
pub(crate) use version_tag::drop_tag;

use pyrt_core::Python;

/// `PyType_ClearCache`: empties every entry and returns the last version tag handed
/// out (the next tag minus one). Tags are not reset, so types keep theirs and refill.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let a = pyrt_typeobject::new_class(py, "A", &[], None).unwrap();
///     assert!(pyrt_typeobject::method_cache::assign_version_tag(py, &a));
///     let last = pyrt_typeobject::method_cache::clear_cache(py);
///     assert!(last >= a.tp_version_tag.get());
/// });
/// ```
pub fn clear_cache(py: Python<'_>) -> u32 {
    flush(py);
    version_tag::last_tag(py)
}

/// Empties the table (the pinned-dict hook, and `clear_cache`).
pub(crate) fn flush(py: Python<'_>) {
    table::table(py).clear();
    stats::bump(&stats::counters(py).flushes);
}

/// Registers [`flush`] as the runtime's pinned-dict hook (at runtime initialisation).
pub(crate) fn install(_py: Python<'_>) {
    // SAFETY: `flush` empties the whole table, the only place that keeps pointers into
    // pinned dicts; it mutates no dict and runs no user code.
    unsafe { pyrt_core::builtins::set_pinned_dict_hook(flush) };
}
