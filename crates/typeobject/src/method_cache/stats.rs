//! Counters of the method cache, and the plain snapshot embedders read.
//!
//! Owns the counters. Must not decide anything: the table, the lookup and the version
//! tags bump them.

use crate::locked::Locked;
use pyrt_core::Python;
use std::cell::Cell;

/// What the method cache has done since the process started (all counters only grow).
///
/// Every cached lookup is either a hit or a miss; a miss either fills an entry or is
/// uncacheable (`misses == fills + uncacheable_lookups`).
///
/// `hits` is counted only while [`set_hit_counting`] is on (off by default, as CPython
/// counts cache hits only in its `Py_STATS` builds): the per-hit increment would be a
/// store on the hottest path of every attribute lookup, so while counting is on each hit
/// takes an out-of-line call instead, and while it is off the inlined hit path does
/// not test for it at all. All other counters are always kept.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let s = pyrt_typeobject::method_cache::stats(py);
///     assert_eq!(s.misses, s.fills + s.uncacheable_lookups);
/// });
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CacheStats {
    /// Lookups answered from the table while hit counting was on
    /// ([`set_hit_counting`]; 0 growth while it is off).
    pub hits: u64,
    /// Lookups that walked the MRO.
    pub misses: u64,
    /// Misses whose result was stored in the table.
    pub fills: u64,
    /// Misses that could not be cached: the name is not an interned `str`, or the type
    /// cannot get a version tag (not ready, out of tags, a base out of tags).
    pub uncacheable_lookups: u64,
    /// Types whose version tag was dropped by `type_modified` (or by their
    /// deallocation).
    pub invalidations: u64,
    /// Version tags handed out.
    pub tags_assigned: u64,
    /// Types that used up their own budget of version tags (each counted once): they and
    /// their subclasses are looked up without the cache from then on.
    pub uncacheable_types: u64,
    /// Times the whole table was emptied: `clear_cache`, or a direct mutation of a type
    /// dict that bypassed `attr::type_dict_set` (see `pyrt_core::builtins::DictObject::
    /// get_str_raw_pinning`).
    pub flushes: u64,
    /// Whether the global space of version tags is used up (no type gets a new tag).
    pub tag_space_exhausted: bool,
}

/// Turns counting of cache hits on or off (process-wide; off at start). Misses, fills,
/// invalidations and the other counters are counted either way.
///
/// While counting is on, every hit leaves the inlined hit path for an out-of-line call
/// that counts it (so code that does not count pays nothing for the feature). Switching
/// the mode walks the table once (its entries are kept).
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     use pyrt_typeobject::method_cache::{hit_counting, set_hit_counting, stats};
///     let a = pyrt_typeobject::new_class(py, "A", &[], None).unwrap();
///     let n = pyrt_core::builtins::intern(py, "x").unwrap();
///     pyrt_typeobject::attr::type_lookup(py, &a, &n); // miss, fills
///     set_hit_counting(py, false);
///     let before = stats(py);
///     pyrt_typeobject::attr::type_lookup(py, &a, &n); // a hit, not counted
///     assert_eq!(stats(py).hits, before.hits);
///     set_hit_counting(py, true);
///     assert!(hit_counting(py));
///     pyrt_typeobject::attr::type_lookup(py, &a, &n); // a hit, counted
///     assert_eq!(stats(py).hits, before.hits + 1);
///     set_hit_counting(py, false);
/// });
/// ```
pub fn set_hit_counting(py: Python<'_>, on: bool) {
    super::table::table(py).set_counting(on);
}

/// Whether cache hits are being counted (see [`set_hit_counting`]).
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     use pyrt_typeobject::method_cache::{hit_counting, set_hit_counting};
///     let was = hit_counting(py);
///     set_hit_counting(py, true);
///     assert!(hit_counting(py));
///     set_hit_counting(py, was);
/// });
/// ```
pub fn hit_counting(py: Python<'_>) -> bool {
    super::table::table(py).counting()
}

/// The live counters.
/// (Hits are counted in the table itself: `table::Table::hits`.)
pub(crate) struct Counters {
    pub(crate) misses: Cell<u64>,
    pub(crate) fills: Cell<u64>,
    pub(crate) uncacheable_lookups: Cell<u64>,
    pub(crate) invalidations: Cell<u64>,
    pub(crate) tags_assigned: Cell<u64>,
    pub(crate) uncacheable_types: Cell<u64>,
    pub(crate) flushes: Cell<u64>,
}

static COUNTERS: Locked<Counters> = Locked::new(Counters {
    misses: Cell::new(0),
    fills: Cell::new(0),
    uncacheable_lookups: Cell::new(0),
    invalidations: Cell::new(0),
    tags_assigned: Cell::new(0),
    uncacheable_types: Cell::new(0),
    flushes: Cell::new(0),
});

/// The counters, under the lock.
#[inline(always)]
pub(crate) fn counters(py: Python<'_>) -> &Counters {
    COUNTERS.get(py)
}

/// Adds one to a counter.
#[inline(always)]
pub(crate) fn bump(c: &Cell<u64>) {
    c.set(c.get().wrapping_add(1));
}

/// A snapshot of the counters.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let a = pyrt_typeobject::new_class(py, "A", &[], None).unwrap();
///     let n = pyrt_core::builtins::intern(py, "x").unwrap();
///     pyrt_typeobject::method_cache::set_hit_counting(py, true);
///     let before = pyrt_typeobject::method_cache::stats(py);
///     pyrt_typeobject::attr::type_lookup(py, &a, &n);
///     pyrt_typeobject::attr::type_lookup(py, &a, &n);
///     let after = pyrt_typeobject::method_cache::stats(py);
///     assert_eq!(after.hits - before.hits, 1);
///     pyrt_typeobject::method_cache::set_hit_counting(py, false);
/// });
/// ```
pub fn stats(py: Python<'_>) -> CacheStats {
    let c = counters(py);
    CacheStats {
        hits: super::table::table(py).hits.get(),
        misses: c.misses.get(),
        fills: c.fills.get(),
        uncacheable_lookups: c.uncacheable_lookups.get(),
        invalidations: c.invalidations.get(),
        tags_assigned: c.tags_assigned.get(),
        uncacheable_types: c.uncacheable_types.get(),
        flushes: c.flushes.get(),
        tag_space_exhausted: super::version_tag::space_exhausted(py),
    }
}
