//! Exhausting the global space of version tags: once the counter passes `LAST_TAG`, no
//! type gets a new tag, lookups bypass the cache (counted as uncacheable) and stay
//! correct, and types that still hold a tag keep being served until they change. Alone
//! in its test binary: the tag space is process-wide and never comes back.

mod cache_common;

use cache_common::*;
use pyrt::method_cache::{
    self, LAST_TAG, advance_tag_counter_for_tests, assign_version_tag, stats,
};

#[test]
fn lookups_stay_correct_after_the_tag_space_is_used_up() {
    checked(|py| {
        method_cache::set_hit_counting(py, true); // hits are counted on request
        let a = class_with(py, None, "A", &[], &[("x", int(py, 1))]).unwrap();
        let b = class(py, "B", &[&a]);
        let c = class(py, "C", &[&a]);
        assert!(!stats(py).tag_space_exhausted);

        // A (and object) are tagged; then one tag is left, and B takes it.
        assert!(assign_version_tag(py, &a));
        let a_tag = a.tp_version_tag.get();
        advance_tag_counter_for_tests(py, LAST_TAG);
        assert!(assign_version_tag(py, &b));
        assert_eq!(a.tp_version_tag.get(), a_tag);
        assert_eq!(b.tp_version_tag.get(), LAST_TAG);
        assert!(stats(py).tag_space_exhausted);
        assert_eq!(method_cache::clear_cache(py), LAST_TAG);

        // C cannot be tagged; its lookups are uncached and right.
        assert!(!assign_version_tag(py, &c));
        let before = stats(py);
        assert_eq!(show(&get(py, c.as_any(), "x").unwrap()), "1");
        let after = stats(py);
        assert!(after.uncacheable_lookups > before.uncacheable_lookups);
        assert_eq!(after.tags_assigned, before.tags_assigned);

        // B still holds its tag and is served from the cache until A changes.
        assert_eq!(show(&get(py, b.as_any(), "x").unwrap()), "1");
        let before = stats(py);
        assert_eq!(show(&get(py, b.as_any(), "x").unwrap()), "1");
        assert!(stats(py).hits > before.hits);

        set(py, a.as_any(), "x", Some(&int(py, 2))).unwrap();
        assert_eq!(a.tp_version_tag.get(), 0);
        assert_eq!(b.tp_version_tag.get(), 0);
        for t in [&a, &b, &c] {
            assert_eq!(show(&get(py, t.as_any(), "x").unwrap()), "2");
            assert_eq!(t.tp_version_tag.get(), 0, "no new tags");
        }
        set(py, b.as_any(), "x", Some(&int(py, 3))).unwrap();
        assert_eq!(show(&get(py, b.as_any(), "x").unwrap()), "3");
        assert_eq!(show(&get(py, c.as_any(), "x").unwrap()), "2");
        set(py, b.as_any(), "x", None).unwrap();
        assert_eq!(show(&get(py, b.as_any(), "x").unwrap()), "2");

        // The counter never moves back.
        advance_tag_counter_for_tests(py, 5);
        assert!(stats(py).tag_space_exhausted);
    });
}
