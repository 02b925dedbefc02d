//! Tests of `int.__new__`: values, literals in every base, and CPython 3.11's argument
//! errors, recorded by `tests/fixtures/record_builtins.py` (ids in the comments).
//! pyrt's deliberate differences (64-bit ints) are marked "pyrt:".
//! Each test checks that it frees every object it allocates.

mod builtins_support;

use builtins_support::*;
use pyrt_core::types::TypeFlags;
use pyrt_core::{Bound, Python};

fn int_call<'py>(py: Python<'py>, pos: &[Bound<'py>], kw: &[(&str, Bound<'py>)]) -> String {
    res(py, call_new(py, py.builtins().int(), pos, kw))
}

#[test]
fn int_new_values() {
    run(|py| {
        // int.new: (0, 7, 1, -12, 1000, 5)
        assert_eq!(int_call(py, &[], &[]), "0");
        assert_eq!(int_call(py, &[int(py, 7)], &[]), "7");
        let r = call_new(py, py.builtins().int(), &[boolean(py, true)], &[]).unwrap();
        assert_eq!((r.type_name(), value(&r)), ("int".to_owned(), 1));
        for (lit, want) in [("  -12\n", "-12"), ("1_000", "1000"), ("+5", "5")] {
            assert_eq!(int_call(py, &[s(py, lit)], &[]), want, "{lit:?}");
        }
        // int.new.bases: (31, 31, 31, 35, 1, 0, -16, 177)
        let cases = [
            ("0x1f", 0),
            ("0x1f", 16),
            ("1f", 16),
            ("z", 36),
            ("0b_1", 0),
            ("0_0", 0),
            ("-0x10", 0),
            ("0b1", 16),
            ("0O17", 8),
            ("0B11", 0),
        ];
        let got: Vec<String> = cases
            .iter()
            .map(|&(l, b)| int_call(py, &[s(py, l), int(py, b)], &[]))
            .collect();
        assert_eq!(
            got,
            ["31", "31", "31", "35", "1", "0", "-16", "177", "15", "3"]
        );
        // int.new.kw_base: 16
        assert_eq!(int_call(py, &[s(py, "10")], &[("base", int(py, 16))]), "16");
        // int.new.extremes
        assert_eq!(
            int_call(py, &[s(py, "9223372036854775807")], &[]),
            "9223372036854775807"
        );
        assert_eq!(
            int_call(py, &[s(py, "-9223372036854775808")], &[]),
            "-9223372036854775808"
        );
        // pyrt: one past the extremes.
        assert_eq!(
            int_call(py, &[s(py, "9223372036854775808")], &[]),
            "OverflowError: int too large"
        );
        assert_eq!(
            int_call(py, &[s(py, &"9".repeat(30))], &[]),
            "OverflowError: int too large"
        );
        // Whitespace includes the separators U+001C..U+001F, as str.isspace() does.
        assert_eq!(int_call(py, &[s(py, "\u{1c}5\u{3000}")], &[]), "5");
    });
}

#[test]
fn int_new_errors() {
    run(|py| {
        // int.new.invalid[...]
        let cases = [
            ("x", 10, "'x'"),
            ("", 10, "''"),
            ("_1", 10, "'_1'"),
            ("1__0", 10, "'1__0'"),
            ("1_", 10, "'1_'"),
            ("- 1", 10, "'- 1'"),
            ("010", 0, "'010'"),
            ("0x", 16, "'0x'"),
            ("0x-10", 0, "'0x-10'"),
            ("\t-x\n", 10, "'\\t-x\\n'"),
            ("x'y", 10, "\"x'y\""),
        ];
        for (lit, base, shown) in cases {
            assert_eq!(
                int_call(py, &[s(py, lit), int(py, base)], &[]),
                format!("ValueError: invalid literal for int() with base {base}: {shown}")
            );
        }
        // An invalid literal is reported as such even when it is long.
        let long = format!("{}x", "1".repeat(30));
        assert!(int_call(py, &[s(py, &long)], &[]).starts_with("ValueError: invalid literal"));
        // int.new.invalid_truncated: the repr is cut to 200 characters.
        let want = format!(
            "ValueError: invalid literal for int() with base 10: '{}",
            "a".repeat(199)
        );
        assert_eq!(int_call(py, &[s(py, &"a".repeat(300))], &[]), want);
        let one = int(py, 1);
        let t = "TypeError: ";
        // int.new.too_many / int.new.kw_x / int.new.base_only
        assert_eq!(
            int_call(py, &[one.clone(), int(py, 2), int(py, 3)], &[]),
            format!("{t}int() takes at most 2 arguments (3 given)")
        );
        assert_eq!(
            int_call(
                py,
                std::slice::from_ref(&one),
                &[("base", int(py, 2)), ("x", int(py, 3))]
            ),
            format!("{t}int() takes at most 2 arguments (3 given)")
        );
        assert_eq!(
            int_call(py, &[], &[("x", one.clone())]),
            format!("{t}'x' is an invalid keyword argument for int()")
        );
        assert_eq!(
            int_call(py, &[], &[("base", int(py, 16))]),
            format!("{t}int() missing string argument")
        );
        // int.new.list / int.new.none
        let msg = "int() argument must be a string, a bytes-like object or a real number, not";
        assert_eq!(
            int_call(py, &[list(py, &[])], &[]),
            format!("{t}{msg} 'list'")
        );
        assert_eq!(
            int_call(py, &[none(py)], &[]),
            format!("{t}{msg} 'NoneType'")
        );
        // int.new.nonstr_base / int.new.bad_base / int.new.base_str
        assert_eq!(
            int_call(py, &[int(py, 10), int(py, 16)], &[]),
            format!("{t}int() can't convert non-string with explicit base")
        );
        for b in [37, 1, -1] {
            assert_eq!(
                int_call(py, &[s(py, "1"), int(py, b)], &[]),
                "ValueError: int() base must be >= 2 and <= 36, or 0"
            );
        }
        assert_eq!(
            int_call(py, &[s(py, "1")], &[("base", s(py, "a"))]),
            format!("{t}'str' object cannot be interpreted as an integer")
        );
    });
}

#[test]
fn int_new_for_a_subclass() {
    run(|py| {
        let sub = heap_type(py, "MyInt", TypeFlags::LONG_SUBCLASS);
        // SAFETY: `sub` has no instances yet; int's payload ignores trailing space.
        unsafe { copy_layout(&sub, py.builtins().int(), 0) };
        sub.tp_new.set(py.builtins().int().tp_new.get());
        let r = call_new(py, &sub, &[s(py, "42")], &[]).unwrap();
        assert_eq!((r.type_name(), value(&r)), ("MyInt".to_owned(), 42));
        // int(x) of a subclass instance is an exact int with the same value.
        let e = call_new(py, py.builtins().int(), std::slice::from_ref(&r), &[]).unwrap();
        assert_eq!((e.type_name(), value(&e)), ("int".to_owned(), 42));
        let pos = nb(py.builtins().int()).nb_positive.get().unwrap()(py, &r).unwrap();
        assert_eq!(pos.type_name(), "int");
        drop((r, e, pos));
        free_type(py, sub);
    });
}
