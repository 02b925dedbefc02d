//! The method cache (`pyrt::method_cache`): version-tag assignment rules, the per-type
//! tag budget, invalidation of subclasses by `type_modified` and by attribute changes,
//! cached "not found" results, `clear_cache`, statistics, and memory safety when a type
//! dict is changed behind the cache's back or a class is freed. (Exhausting the global
//! tag space is `tests/method_cache_exhaustion.rs`, alone in its binary because the
//! space is process-wide.)
//!
//! Tests read statistics as differences within one `Runtime::with` (the runtime lock
//! serialises the test threads, so no other test runs in between).

mod cache_common;

use cache_common::*;
use pyrt::method_cache::{self, CacheStats, assign_version_tag, lookup, stats};
use pyrt::{Bound, PyAny, Python, TypeObject, attr, type_modified};
use std::ptr::NonNull;

fn delta(before: CacheStats, after: CacheStats) -> CacheStats {
    CacheStats {
        hits: after.hits - before.hits,
        misses: after.misses - before.misses,
        fills: after.fills - before.fills,
        uncacheable_lookups: after.uncacheable_lookups - before.uncacheable_lookups,
        invalidations: after.invalidations - before.invalidations,
        tags_assigned: after.tags_assigned - before.tags_assigned,
        uncacheable_types: after.uncacheable_types - before.uncacheable_types,
        flushes: after.flushes - before.flushes,
        tag_space_exhausted: after.tag_space_exhausted,
    }
}

/// The cached lookup of `n` on `tp`, checked against the uncached walk.
fn cached(py: Python<'_>, tp: &TypeObject, n: &str) -> Option<NonNull<PyAny>> {
    let key = name(py, n);
    let got = lookup(py, tp, &key);
    assert_eq!(got, attr::type_lookup_uncached(py, tp, &key), "{n}");
    got
}

/// The looked-up value, shown.
fn value(py: Python<'_>, tp: &TypeObject, n: &str) -> Option<String> {
    // SAFETY: the value is owned by an MRO dict; we take a reference at once.
    cached(py, tp, n).map(|p| show(&unsafe { Bound::from_borrowed_ptr(py, p) }))
}

fn tag(tp: &TypeObject) -> u32 {
    tp.tp_version_tag.get()
}

// ------------------------------------------------------------ tags

#[test]
fn a_lookup_tags_the_type_and_its_mro_first() {
    checked(|py| {
        let a = class(py, "A", &[]);
        let b = class(py, "B", &[&a]);
        let c = class(py, "C", &[&b]);
        assert_eq!((tag(&a), tag(&b), tag(&c)), (0, 0, 0), "tags are lazy");
        cached(py, &c, "anything");
        assert!(tag(&c) != 0 && tag(&b) != 0 && tag(&a) != 0);
        assert_ne!(tag(py.builtins().object()), 0);
        // Bases were tagged first, from the root of the MRO: older tags.
        assert!(tag(&a) < tag(&b) && tag(&b) < tag(&c));
    });
}

#[test]
fn tags_are_unique_and_never_reused() {
    checked(|py| {
        let a = class(py, "A", &[]);
        let b = class(py, "B", &[]);
        assert!(assign_version_tag(py, &a) && assign_version_tag(py, &b));
        assert_ne!(tag(&a), tag(&b));
        let old = tag(&a);
        type_modified(py, &a);
        assert_eq!(tag(&a), 0);
        assert!(assign_version_tag(py, &a));
        assert!(tag(&a) > old, "a fresh tag, never an old one");
        assert_eq!(a.tp_versions_used.get(), 2);
    });
}

#[test]
fn assign_version_tag_keeps_an_existing_tag() {
    checked(|py| {
        let a = class(py, "A", &[]);
        assert!(assign_version_tag(py, &a));
        let t = tag(&a);
        let before = stats(py);
        assert!(assign_version_tag(py, &a));
        assert_eq!(tag(&a), t);
        assert_eq!(delta(before, stats(py)).tags_assigned, 0);
    });
}

/// A type that is not ready cannot hold a tag; its lookups bypass the cache and walk
/// its base chain.
#[test]
fn a_type_that_is_not_ready_is_not_tagged() {
    pyrt::Runtime::with(|py| {
        // SAFETY: every field of TypeObject is valid when zero-filled; the storage is
        // leaked (like a static type) and never readied or instantiated.
        let t: &'static TypeObject =
            Box::leak(unsafe { Box::<TypeObject>::new_zeroed().assume_init() });
        // SAFETY: the leaked box's reference, never released.
        unsafe { t.ob_base.ob_base.ob_refcnt.set(1) };
        // Its address in a process-wide list, so leak checkers see it reachable, as a
        // static type is.
        static KEPT: std::sync::Mutex<Vec<usize>> = std::sync::Mutex::new(Vec::new());
        KEPT.lock().unwrap().push(std::ptr::from_ref(t).addr());
        assert!(!assign_version_tag(py, t));
        let before = stats(py);
        assert!(cached(py, t, "x").is_none());
        let d = delta(before, stats(py));
        assert_eq!((d.misses, d.uncacheable_lookups, d.fills), (1, 1, 0));
    });
}

/// Each type gets at most `MAX_TAGS_PER_TYPE` tags; after that it (and its subclasses,
/// which need their bases tagged) are looked up without the cache, still correctly, and
/// other types are unaffected.
#[test]
fn a_type_modified_too_often_stops_being_cached() {
    checked(|py| {
        let a = class_with(py, None, "A", &[], &[("x", int(py, 0))]).unwrap();
        let b = class(py, "B", &[&a]);
        let other = class(py, "Other", &[]);
        let before = stats(py);
        for i in 1..=i64::from(method_cache::MAX_TAGS_PER_TYPE) + 5 {
            set(py, a.as_any(), "x", Some(&int(py, i))).unwrap();
            assert_eq!(value(py, &b, "x"), Some(i.to_string()));
        }
        let d = delta(before, stats(py));
        // B's tag is dropped with A's each time, so B used up its budget as well.
        assert_eq!(a.tp_versions_used.get(), method_cache::MAX_TAGS_PER_TYPE);
        assert_eq!(b.tp_versions_used.get(), method_cache::MAX_TAGS_PER_TYPE);
        assert_eq!(d.uncacheable_types, 2);
        assert_eq!(tag(&a), 0);
        assert!(!assign_version_tag(py, &a));
        assert!(
            !assign_version_tag(py, &b),
            "a subclass needs its bases tagged"
        );
        assert!(assign_version_tag(py, &other));
        let before = stats(py);
        assert_eq!(value(py, &b, "x"), Some("1005".to_owned()));
        assert_eq!(delta(before, stats(py)).uncacheable_lookups, 1);
    });
}

// ------------------------------------------------------------ invalidation

#[test]
fn type_modified_invalidates_the_type_and_all_subclasses_only() {
    checked(|py| {
        let a = class(py, "A", &[]);
        let b = class(py, "B", &[&a]);
        let c = class(py, "C", &[&b]);
        let d = class(py, "D", &[&b, &a]);
        let unrelated = class(py, "U", &[]);
        for t in [&c, &d, &unrelated] {
            assert!(assign_version_tag(py, t));
        }
        let object_tag = tag(py.builtins().object());
        let before = stats(py);
        type_modified(py, &b);
        assert_eq!((tag(&b), tag(&c), tag(&d)), (0, 0, 0));
        assert_ne!(tag(&a), 0, "a base is not invalidated");
        assert_ne!(tag(&unrelated), 0);
        assert_eq!(tag(py.builtins().object()), object_tag);
        assert_eq!(delta(before, stats(py)).invalidations, 3);
        // A second modification with no lookup in between stops at once.
        let before = stats(py);
        type_modified(py, &b);
        assert_eq!(delta(before, stats(py)).invalidations, 0);
    });
}

#[test]
fn setting_and_deleting_attributes_is_seen_through_subclasses() {
    checked(|py| {
        let a = class_with(py, None, "A", &[], &[("x", int(py, 1))]).unwrap();
        let b = class(py, "B", &[&a]);
        let c = class(py, "C", &[&b]);
        assert_eq!(value(py, &c, "x"), Some("1".into()));
        set(py, a.as_any(), "x", Some(&int(py, 2))).unwrap();
        assert_eq!(value(py, &c, "x"), Some("2".into()));
        set(py, b.as_any(), "x", Some(&int(py, 3))).unwrap();
        assert_eq!(value(py, &c, "x"), Some("3".into()));
        assert_eq!(value(py, &a, "x"), Some("2".into()));
        set(py, b.as_any(), "x", None).unwrap();
        assert_eq!(value(py, &c, "x"), Some("2".into()));
        set(py, a.as_any(), "x", None).unwrap();
        assert_eq!(value(py, &c, "x"), None);
        // Through the generic protocol too, on an instance.
        let inst = pyrt::call_type(py, &c, &[]).unwrap();
        assert!(get(py, &inst, "x").is_err());
        set(py, a.as_any(), "x", Some(&int(py, 7))).unwrap();
        assert_eq!(show(&get(py, &inst, "x").unwrap()), "7");
    });
}

/// "Not found" is cached, and adding the name anywhere along the MRO is seen.
#[test]
fn not_found_is_cached_and_invalidated() {
    checked(|py| {
        method_cache::set_hit_counting(py, true); // hits are counted on request
        let a = class(py, "A", &[]);
        let b = class(py, "B", &[&a]);
        assert_eq!(value(py, &b, "late"), None);
        let before = stats(py);
        assert_eq!(value(py, &b, "late"), None);
        assert_eq!(
            delta(before, stats(py)).hits,
            1,
            "the miss is served from the cache"
        );
        set(py, a.as_any(), "late", Some(&int(py, 4))).unwrap();
        assert_eq!(value(py, &b, "late"), Some("4".into()));
    });
}

// ------------------------------------------------------------ stats

#[test]
fn stats_count_hits_misses_fills_and_uncacheable_lookups() {
    checked(|py| {
        method_cache::set_hit_counting(py, true); // hits are counted on request
        let a = class_with(py, None, "A", &[], &[("x", int(py, 1))]).unwrap();
        let before = stats(py);
        let key = name(py, "x");
        lookup(py, &a, &key); // miss + fill (tags A)
        lookup(py, &a, &key); // hit
        lookup(py, &a, &key); // hit
        let not_interned = pyrt::builtins::str_new(py, "x").unwrap();
        assert!(!not_interned.is_interned());
        assert_eq!(lookup(py, &a, &not_interned), lookup(py, &a, &key));
        let d = delta(before, stats(py));
        assert_eq!(d.hits, 3);
        assert_eq!(d.misses, 2);
        assert_eq!(d.fills, 1);
        assert_eq!(d.uncacheable_lookups, 1);
        assert_eq!(d.tags_assigned, 1, "object was tagged already");
        assert_eq!(d.flushes, 0);
        let s = stats(py);
        assert_eq!(s.misses, s.fills + s.uncacheable_lookups);
    });
}

/// Switching hit counting on or off keeps the table's entries: a result filled while
/// counting is off is a counted hit once it is on (no miss), and an uncounted hit again
/// once it is off. `probe` (the inlined hit path) answers only while counting is off;
/// counted hits go through `lookup`'s out-of-line path.
#[test]
fn switching_hit_counting_keeps_the_entries() {
    checked(|py| {
        let was = method_cache::hit_counting(py);
        method_cache::set_hit_counting(py, false);
        let a = class_with(py, None, "A", &[], &[("x", int(py, 1))]).unwrap();
        let (x, nothing) = (name(py, "x"), name(py, "nothing"));
        let ptr =
            |n: &Bound<'_, pyrt::builtins::StrObject>| n.as_any().as_ptr().as_ptr() as *const PyAny;
        let found = lookup(py, &a, &x); // miss + fill
        assert!(found.is_some());
        assert_eq!(lookup(py, &a, &nothing), None); // miss + fill of "not found"
        for counting in [true, false, true] {
            method_cache::set_hit_counting(py, counting);
            assert_eq!(method_cache::hit_counting(py), counting);
            let inline = |n| method_cache::probe(py, &a, n);
            if counting {
                assert_eq!(inline(ptr(&x)), None, "counted hits leave the inline path");
                assert_eq!(inline(ptr(&nothing)), None);
            } else {
                assert_eq!(inline(ptr(&x)), Some(found));
                assert_eq!(inline(ptr(&nothing)), Some(None));
            }
            let before = stats(py);
            assert_eq!(lookup(py, &a, &x), found);
            assert_eq!(lookup(py, &a, &nothing), None);
            let d = delta(before, stats(py));
            assert_eq!(
                (d.hits, d.misses, d.fills, d.flushes),
                (if counting { 2 } else { 0 }, 0, 0, 0),
                "counting {counting}: both served from the table"
            );
        }
        // A change is seen in either mode.
        set(py, a.as_any(), "x", Some(&int(py, 2))).unwrap();
        assert_eq!(value(py, &a, "x"), Some("2".into()));
        method_cache::set_hit_counting(py, false);
        assert_eq!(value(py, &a, "x"), Some("2".into()));
        set(py, a.as_any(), "x", Some(&int(py, 3))).unwrap();
        assert_eq!(value(py, &a, "x"), Some("3".into()));
        method_cache::set_hit_counting(py, was);
    });
}

#[test]
fn clear_cache_returns_the_last_tag_and_empties_the_table() {
    checked(|py| {
        method_cache::set_hit_counting(py, true); // hits are counted on request
        let a = class_with(py, None, "A", &[], &[("x", int(py, 1))]).unwrap();
        assert_eq!(value(py, &a, "x"), Some("1".into()));
        let t = tag(&a);
        assert_eq!(
            method_cache::clear_cache(py),
            t,
            "A got the last tag handed out"
        );
        assert_eq!(tag(&a), t, "types keep their tags");
        let before = stats(py);
        assert_eq!(value(py, &a, "x"), Some("1".into()));
        let d = delta(before, stats(py));
        assert_eq!((d.hits, d.fills, d.flushes), (0, 1, 0));
    });
}

// ------------------------------------------------------------ memory safety

/// A change of a type dict that bypasses `attr::type_dict_set` empties the cache (the
/// dict was pinned by the fill), so no dangling or stale entry is ever served.
#[test]
fn a_direct_dict_change_empties_the_cache() {
    checked(|py| {
        let a = class_with(py, None, "A", &[], &[("x", text(py, "old"))]).unwrap();
        let b = class(py, "B", &[&a]);
        assert_eq!(value(py, &b, "x"), Some("'old'".into()));
        let dict = a.tp_dict.get(py).unwrap();
        assert!(dict.is_pinned());
        let before = stats(py);
        // The old str value is freed by this store.
        dict.set_item(py, name(py, "x").as_any(), &text(py, "new"))
            .unwrap();
        assert_eq!(delta(before, stats(py)).flushes, 1);
        assert!(!dict.is_pinned());
        assert_eq!(value(py, &b, "x"), Some("'new'".into()));
        let before = stats(py);
        dict.del_item(py, name(py, "x").as_any()).unwrap();
        assert_eq!(delta(before, stats(py)).flushes, 1);
        assert_eq!(value(py, &b, "x"), None);
    });
}

/// Assignment through the protocol invalidates the type instead of emptying the cache.
#[test]
fn type_dict_set_does_not_empty_the_cache() {
    checked(|py| {
        method_cache::set_hit_counting(py, true); // hits are counted on request
        let a = class_with(py, None, "A", &[], &[("x", int(py, 1))]).unwrap();
        let other = class_with(py, None, "O", &[], &[("y", int(py, 1))]).unwrap();
        assert_eq!(value(py, &a, "x"), Some("1".into()));
        assert_eq!(value(py, &other, "y"), Some("1".into()));
        let before = stats(py);
        set(py, a.as_any(), "x", Some(&int(py, 2))).unwrap();
        assert_eq!(delta(before, stats(py)).flushes, 0);
        let before = stats(py);
        assert_eq!(value(py, &other, "y"), Some("1".into()));
        assert_eq!(
            delta(before, stats(py)).hits,
            1,
            "other types' entries survive"
        );
    });
}

/// Freed classes: their entries are never served again, even to classes later
/// allocated at the same addresses; collecting classes does not empty the cache.
#[test]
fn freed_classes_leave_nothing_servable() {
    checked(|py| {
        let before = stats(py);
        for round in 0..20 {
            let a = class_with(py, None, "A", &[], &[("x", int(py, round))]).unwrap();
            let b = class(py, "B", &[&a]);
            assert_eq!(value(py, &b, "x"), Some(round.to_string()));
            assert_eq!(value(py, &b, "nothing"), None);
            drop((a, b));
            pyrt::gc::collect(py, 2);
        }
        assert_eq!(delta(before, stats(py)).flushes, 0);
    });
}

/// A cached lookup during the release of the old value (which may run code) sees the new
/// value: the tag is dropped before the store.
#[test]
fn invalidation_precedes_the_store() {
    checked(|py| {
        let a = class_with(py, None, "A", &[], &[("x", int(py, 1))]).unwrap();
        assert_eq!(value(py, &a, "x"), Some("1".into()));
        let before_tag = tag(&a);
        set(py, a.as_any(), "x", Some(&int(py, 2))).unwrap();
        assert_eq!(tag(&a), 0);
        assert_ne!(before_tag, 0);
        assert_eq!(value(py, &a, "x"), Some("2".into()));
    });
}

/// Lookups on the type object itself (`type_getattro`) use the cache for both the
/// metatype and the type.
#[test]
fn type_attribute_lookups_are_cached() {
    checked(|py| {
        method_cache::set_hit_counting(py, true); // hits are counted on request
        let a = class_with(py, None, "A", &[], &[("x", int(py, 1))]).unwrap();
        let b = class(py, "B", &[&a]);
        assert_eq!(show(&get(py, b.as_any(), "x").unwrap()), "1");
        let before = stats(py);
        assert_eq!(show(&get(py, b.as_any(), "x").unwrap()), "1");
        let d = delta(before, stats(py));
        assert_eq!(
            (d.hits, d.misses),
            (2, 0),
            "metatype and type lookups both hit"
        );
    });
}
