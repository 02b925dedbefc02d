//! Metaclass `mro()`: looked up on the metatype, its result converted with `tuple()` and
//! checked with CPython 3.11's messages (recorded by
//! `tests/fixtures/record_bases_assign.py`, cases `custom_mro_*`), installed as the MRO —
//! and, unlike CPython 3.11, lookups through the method cache follow later changes of
//! MRO entries that are not ancestors through `__bases__` (CPython 3.11 serves stale
//! values for them: `python3 -c` of the `[cls, Mixin, object]` example below prints the
//! old value after `Mixin.x` changes).

mod cache_common;

use cache_common::*;
use pyrt::{Bound, PyAny, PyResult, Python, TypeObject};

/// `[cls, *entries]` as a list.
fn list_of<'py>(py: Python<'py>, items: Vec<Bound<'py, PyAny>>) -> PyResult<Bound<'py, PyAny>> {
    Ok(pyrt::builtins::list_new(py, &items)?.into_any())
}

fn object(py: Python<'_>) -> Bound<'_, PyAny> {
    Bound::from_ref(py, py.builtins().object()).into_any()
}

/// The outcome of `Meta("X", (), {})` in the fixture's format.
fn create_x(py: Python<'_>, meta: &TypeObject) -> String {
    match class_with(py, Some(meta), "X", &[], &[]) {
        Ok(x) => format!("OK; mro(X)={}", mro(py, &x)),
        Err(e) => err_text(py, &e),
    }
}

#[test]
fn custom_mro_non_class() {
    checked(|py| {
        let meta = meta_with_mro(py);
        set_mro_body(Box::new(|py, cls| {
            list_of(py, vec![cls.clone().into_any(), int(py, 1), object(py)])
        }));
        assert_eq!(create_x(py, &meta), recorded("custom_mro_non_class"));
    });
}

#[test]
fn custom_mro_int_entry() {
    checked(|py| {
        let meta = meta_with_mro(py);
        set_mro_body(Box::new(|py, cls| {
            let int_t = Bound::from_ref(py, py.builtins().int()).into_any();
            list_of(py, vec![cls.clone().into_any(), int_t, object(py)])
        }));
        assert_eq!(create_x(py, &meta), recorded("custom_mro_int_entry"));
    });
}

#[test]
fn custom_mro_dict_entry() {
    checked(|py| {
        let meta = meta_with_mro(py);
        set_mro_body(Box::new(|py, cls| {
            let dict_t = Bound::from_ref(py, py.builtins().dict()).into_any();
            list_of(py, vec![cls.clone().into_any(), dict_t, object(py)])
        }));
        assert_eq!(create_x(py, &meta), recorded("custom_mro_dict_entry"));
    });
}

#[test]
fn custom_mro_empty() {
    checked(|py| {
        let meta = meta_with_mro(py);
        set_mro_body(Box::new(|py, _cls| list_of(py, vec![])));
        assert_eq!(create_x(py, &meta), recorded("custom_mro_empty"));
    });
}

#[test]
fn custom_mro_not_iterable() {
    checked(|py| {
        let meta = meta_with_mro(py);
        set_mro_body(Box::new(|py, _cls| Ok(int(py, 1))));
        assert_eq!(create_x(py, &meta), recorded("custom_mro_not_iterable"));
    });
}

#[test]
fn custom_mro_tuple() {
    checked(|py| {
        let meta = meta_with_mro(py);
        set_mro_body(Box::new(|py, cls| {
            Ok(tuple(py, &[cls.clone().into_any(), object(py)]))
        }));
        assert_eq!(create_x(py, &meta), recorded("custom_mro_tuple"));
    });
}

/// test_descr's reversing `mro()` on `X(D, B, C, A)`: the MRO is reversed and `X.f`
/// comes from `A`, the first class of the reversed order that defines it.
#[test]
fn custom_mro_reversed_x_d_b_c_a() {
    checked(|py| {
        let meta = meta_with_mro(py);
        set_mro_body(Box::new(|py, cls| {
            let mut items = pyrt::mro::compute(py, cls)?
                .iter()
                // SAFETY: C3 entries are live types owned by the bases' MROs.
                .map(|t| Bound::from_ref(py, unsafe { t.as_ref() }).into_any())
                .collect::<Vec<_>>();
            items.reverse();
            list_of(py, items)
        }));
        let a = class_with(py, None, "A", &[], &[("f", text(py, "A"))]).unwrap();
        let b = class_with(py, None, "B", &[&a], &[("f", text(py, "B"))]).unwrap();
        let c = class_with(py, None, "C", &[&a], &[("f", text(py, "C"))]).unwrap();
        let d = class_with(py, None, "D", &[&b, &c], &[("f", text(py, "D"))]).unwrap();
        let x = class_with(py, Some(&meta), "X", &[&d, &b, &c, &a], &[]).unwrap();
        let got = format!(
            "OK; mro(X)={}; X.f={}",
            mro(py, &x),
            show(&get(py, x.as_any(), "f").unwrap())
        );
        assert_eq!(got, recorded("custom_mro_reversed_x_d_b_c_a"));
    });
}

/// `Meta` without its own `mro`: the C3 MRO, and the type is not a dependent of anything.
#[test]
fn a_metaclass_without_mro_uses_c3() {
    checked(|py| {
        let type_ = Bound::from_ref(py, py.builtins().type_());
        let meta = class(py, "Meta", &[&type_]);
        let a = class(py, "A", &[]);
        let x = class_with(py, Some(&meta), "X", &[&a], &[]).unwrap();
        assert_eq!(mro(py, &x), "X,A,object");
    });
}

/// `mro` is looked up on the metatype: an `mro` attribute in the class namespace is
/// just a class attribute.
#[test]
fn mro_in_the_class_namespace_is_not_used() {
    checked(|py| {
        let type_ = Bound::from_ref(py, py.builtins().type_());
        let meta = class(py, "Meta", &[&type_]);
        let x = class_with(py, Some(&meta), "X", &[], &[("mro", int(py, 5))]).unwrap();
        assert_eq!(mro(py, &x), "X,object");
    });
}

/// The `[cls, Mixin, object]` MRO of the issue: `C(Base)` gets that MRO, so `Mixin` is
/// not an ancestor of `C` through `__bases__`; yet every change to `Mixin` is seen by
/// cached lookups on `C`, on a subclass of `C`, and on an instance of `C`. (CPython 3.11
/// keeps serving the old value.)
fn mixin_setup<'py>(
    py: Python<'py>,
) -> (
    Bound<'py, TypeObject>,
    Bound<'py, TypeObject>,
    Bound<'py, TypeObject>,
) {
    let base = class(py, "Base", &[]);
    let mixin = class_with(py, None, "Mixin", &[], &[("x", int(py, 1))]).unwrap();
    let m = keep(&mixin);
    let meta = meta_with_mro(py);
    set_mro_body(Box::new(move |py, cls| {
        let mixin = m.bind(py).clone().into_any();
        if pyrt::names::name(py, cls) == "C" {
            list_of(py, vec![cls.clone().into_any(), mixin, object(py)])
        } else {
            c3_list(py, cls)
        }
    }));
    let c = class_with(py, Some(&meta), "C", &[&base], &[]).unwrap();
    let sub = class_with(py, Some(&meta), "Sub", &[&c], &[]).unwrap();
    (mixin, c, sub)
}

#[test]
fn a_custom_mro_entry_that_is_not_a_base_is_followed_when_it_changes() {
    checked(|py| {
        let (mixin, c, sub) = mixin_setup(py);
        assert_eq!(mro(py, &c), "C,Mixin,object");
        assert_eq!(mro(py, &sub), "Sub,C,Mixin,object");
        let inst = pyrt::call_type(py, &c, &[]).unwrap();
        let read = |obj: &Bound<'_, PyAny>| show(&get(py, obj, "x").unwrap());
        // Cache the lookups.
        assert_eq!(read(c.as_any()), "1");
        assert_eq!(read(sub.as_any()), "1");
        assert_eq!(read(&inst), "1");
        assert_eq!(read(c.as_any()), "1");

        set(py, mixin.as_any(), "x", Some(&int(py, 2))).unwrap();
        assert_eq!(read(c.as_any()), "2");
        assert_eq!(read(sub.as_any()), "2");
        assert_eq!(read(&inst), "2");

        set(py, mixin.as_any(), "x", None).unwrap();
        assert!(get(py, c.as_any(), "x").is_err());
        assert!(get(py, sub.as_any(), "x").is_err());

        set(py, mixin.as_any(), "y", Some(&int(py, 3))).unwrap();
        assert_eq!(show(&get(py, sub.as_any(), "y").unwrap()), "3");
    });
}

/// `type_modified(Mixin)` drops the tags of the custom-MRO class and its subclass.
#[test]
fn type_modified_reaches_custom_mro_dependents() {
    checked(|py| {
        let (mixin, c, sub) = mixin_setup(py);
        assert!(pyrt::method_cache::assign_version_tag(py, &sub));
        assert_ne!(c.tp_version_tag.get(), 0);
        pyrt::type_modified(py, &mixin);
        assert_eq!(c.tp_version_tag.get(), 0);
        assert_eq!(sub.tp_version_tag.get(), 0);
    });
}

/// When the custom-MRO class is reparented and its `mro()` now gives a C3 MRO, it stops
/// depending on `Mixin` (and lookups follow the new MRO).
#[test]
fn reassigning_bases_recomputes_a_custom_mro() {
    checked(|py| {
        let (mixin, c, _sub) = mixin_setup(py);
        let other = class_with(
            py,
            Some(c.as_any().ob_type()),
            "Other",
            &[],
            &[("x", int(py, 9))],
        )
        .unwrap();
        assert_eq!(show(&get(py, c.as_any(), "x").unwrap()), "1");
        // C's mro() is still custom: [C, Mixin, object] whatever the bases.
        let t = tuple(py, &[other.clone().into_any()]);
        pyrt::type_mutation::set_bases(py, &c, Some(&t)).unwrap();
        assert_eq!(mro(py, &c), "C,Mixin,object");
        set(py, mixin.as_any(), "x", Some(&int(py, 5))).unwrap();
        assert_eq!(show(&get(py, c.as_any(), "x").unwrap()), "5");
    });
}

/// Classes with custom MROs are freed like any other (the dependents registry holds
/// them weakly), and changing `Mixin` afterwards is harmless.
#[test]
fn freed_custom_mro_classes_leave_the_registry() {
    checked(|py| {
        let mixin = {
            let (mixin, c, sub) = mixin_setup(py);
            assert_eq!(show(&get(py, sub.as_any(), "x").unwrap()), "1");
            drop((c, sub));
            mixin
        };
        set_mro_body(Box::new(c3_list));
        while pyrt::gc::collect(py, 2) > 0 {}
        set(py, mixin.as_any(), "x", Some(&int(py, 2))).unwrap();
        pyrt::type_modified(py, &mixin);
    });
}
