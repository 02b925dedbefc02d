//! Bound methods (`method`), `classmethod`, `staticmethod` and `property` against
//! CPython 3.11's recorded outcomes (`fixtures/descr_expected.txt`, recorded by
//! `fixtures/record_descr.py`; `len`/`repr` are pyrt test natives standing for the
//! builtins). Each test checks that it frees every object it allocates.

mod descr_support;

use descr_support::*;
use pyrt::{Bound, PyAny, Python};

fn method_type(py: Python<'_>) -> Bound<'_, PyAny> {
    ty(py, py.builtins().method())
}

fn mt<'py>(py: Python<'py>, f: Bound<'py, PyAny>, obj: Bound<'py, PyAny>) -> Bound<'py, PyAny> {
    callf(py, &method_type(py), &[f, obj]).unwrap()
}

fn tf(b: bool) -> String {
    if b { "True" } else { "False" }.to_owned()
}

// ------------------------------------------------------------ method

#[test]
fn method_needs_two_arguments() {
    check("method.new_one_arg", |py| {
        show(py, callf(py, &method_type(py), &[len_fn(py)]))
    });
}

#[test]
fn method_refuses_none() {
    check("method.new_none", |py| {
        show(py, callf(py, &method_type(py), &[len_fn(py), none(py)]))
    });
}

#[test]
fn method_needs_a_callable() {
    check("method.new_not_callable", |py| {
        show(py, callf(py, &method_type(py), &[i(py, 1), i(py, 2)]))
    });
}

#[test]
fn method_takes_no_keywords() {
    check("method.new_kw", |py| {
        show(
            py,
            callkw(
                py,
                &method_type(py),
                &[len_fn(py), i(py, 1)],
                &[("x", i(py, 1))],
            ),
        )
    });
}

#[test]
fn method_repr() {
    check("method.repr", |py| {
        let a = cls(py, "A", &[], &[]);
        repr_expr(py, &mt(py, len_fn(py), new(py, &a, &[])))
    });
}

#[test]
fn method_repr_of_an_int_receiver() {
    check("method.repr_int", |py| {
        repr_expr(py, &mt(py, len_fn(py), i(py, 1)))
    });
}

#[test]
fn method_call_prepends_self() {
    check("method.call", |py| {
        let l = list(py, &[i(py, 1), i(py, 2), i(py, 3)]);
        show(py, callf(py, &mt(py, len_fn(py), l), &[]))
    });
}

#[test]
fn method_call_with_extra_arguments() {
    check("method.call_extra", |py| {
        show(
            py,
            callf(py, &mt(py, len_fn(py), list(py, &[i(py, 1)])), &[i(py, 2)]),
        )
    });
}

#[test]
fn method_func() {
    check("method.func", |py| {
        show(py, get(py, &mt(py, len_fn(py), i(py, 1)), "__func__"))
    });
}

#[test]
fn method_self() {
    check("method.self", |py| {
        show(py, get(py, &mt(py, len_fn(py), i(py, 7)), "__self__"))
    });
}

#[test]
fn method_forwards_attributes_to_the_function() {
    check("method.forwarded_attr", |py| {
        show(py, get(py, &mt(py, len_fn(py), i(py, 1)), "__name__"))
    });
}

#[test]
fn method_missing_attribute_names_the_function() {
    check("method.forwarded_missing", |py| {
        show(py, get(py, &mt(py, len_fn(py), i(py, 1)), "nope"))
    });
}

#[test]
fn methods_equal_with_the_same_self_and_function() {
    check("method.eq", |py| {
        let a = new(py, &ty(py, py.builtins().object()), &[]);
        let (x, y) = (mt(py, len_fn(py), a.clone()), mt(py, len_fn(py), a));
        show(
            py,
            pyrt::protocol::rich_compare(py, &x, &y, pyrt::types::CompareOp::Eq),
        )
    });
}

#[test]
fn methods_differ_with_other_selves() {
    check("method.ne_self", |py| {
        let o = ty(py, py.builtins().object());
        let (x, y) = (
            mt(py, len_fn(py), new(py, &o, &[])),
            mt(py, len_fn(py), new(py, &o, &[])),
        );
        show(
            py,
            pyrt::protocol::rich_compare(py, &x, &y, pyrt::types::CompareOp::Eq),
        )
    });
}

#[test]
fn method_hash_follows_equality() {
    check("method.hash_eq", |py| {
        let a = new(py, &ty(py, py.builtins().object()), &[]);
        let h = |m: Bound<'_, PyAny>| pyrt::protocol::hash(py, &m).unwrap();
        tf(h(mt(py, len_fn(py), a.clone())) == h(mt(py, len_fn(py), a)))
    });
}

#[test]
fn method_type_name() {
    check("method.type_name", |py| {
        show(py, get(py, &method_type(py), "__name__"))
    });
}

#[test]
fn method_is_not_subclassable() {
    check("method.not_subclassable", |py| {
        show(py, class(py, "M", &[&method_type(py)], &[]))
    });
}

// ------------------------------------------------------------ classmethod

fn classmethod(py: Python<'_>) -> Bound<'_, PyAny> {
    ty(py, py.builtins().classmethod())
}

fn staticmethod(py: Python<'_>) -> Bound<'_, PyAny> {
    ty(py, py.builtins().staticmethod())
}

#[test]
fn classmethod_needs_one_argument() {
    check("cm.no_args", |py| {
        show(py, callf(py, &classmethod(py), &[]))
    });
}

#[test]
fn classmethod_refuses_two_arguments() {
    check("cm.two_args", |py| {
        show(py, callf(py, &classmethod(py), &[len_fn(py), len_fn(py)]))
    });
}

#[test]
fn classmethod_takes_no_keywords() {
    check("cm.kw", |py| {
        show(
            py,
            callkw(py, &classmethod(py), &[len_fn(py)], &[("x", i(py, 1))]),
        )
    });
}

#[test]
fn classmethod_repr() {
    check("cm.repr", |py| {
        repr_expr(py, &callf(py, &classmethod(py), &[len_fn(py)]).unwrap())
    });
}

#[test]
fn classmethod_func() {
    check("cm.func", |py| {
        show(
            py,
            get(
                py,
                &callf(py, &classmethod(py), &[len_fn(py)]).unwrap(),
                "__func__",
            ),
        )
    });
}

#[test]
fn classmethod_wrapped() {
    check("cm.wrapped", |py| {
        show(
            py,
            get(
                py,
                &callf(py, &classmethod(py), &[len_fn(py)]).unwrap(),
                "__wrapped__",
            ),
        )
    });
}

#[test]
fn classmethod_binds_the_instances_type() {
    check("cm.get_instance", |py| {
        let c = callf(py, &classmethod(py), &[len_fn(py)]).unwrap();
        repr_expr(py, &dget(py, &c, Some(&i(py, 1)), None).unwrap())
    });
}

#[test]
fn classmethod_binds_the_owner() {
    check("cm.get_owner", |py| {
        let c = callf(py, &classmethod(py), &[len_fn(py)]).unwrap();
        repr_expr(
            py,
            &dget(py, &c, None, Some(&ty(py, py.builtins().int()))).unwrap(),
        )
    });
}

#[test]
fn classmethod_accepts_non_callables() {
    check("cm.non_callable", |py| {
        show(
            py,
            get(
                py,
                &callf(py, &classmethod(py), &[i(py, 1)]).unwrap(),
                "__func__",
            ),
        )
    });
}

#[test]
fn classmethod_through_a_class() {
    check("cm.via_class", |py| {
        let c = callf(py, &classmethod(py), &[len_fn(py)]).unwrap();
        let a = cls(py, "A", &[], &[("f", c)]);
        repr_expr(py, &get(py, &a, "f").unwrap())
    });
}

#[test]
fn classmethod_copies_the_wrapped_attributes_into_its_dict() {
    check("cm.dict", |py| {
        let c = callf(py, &classmethod(py), &[len_fn(py)]).unwrap();
        set(py, &c, "x", &i(py, 1)).unwrap();
        show(py, get(py, &c, "__dict__"))
    });
}

#[test]
fn classmethod_doc_is_the_wrapped_doc() {
    check("cm.doc", |py| {
        show(
            py,
            get(
                py,
                &callf(py, &classmethod(py), &[len_fn(py)]).unwrap(),
                "__doc__",
            ),
        )
    });
}

#[test]
fn classmethod_subclass_repr() {
    check("cm.subclass_repr", |py| {
        let c = cls(py, "C", &[&classmethod(py)], &[]);
        repr_expr(py, &callf(py, &c, &[len_fn(py)]).unwrap())
    });
}

// ------------------------------------------------------------ staticmethod

#[test]
fn staticmethod_needs_one_argument() {
    check("sm.no_args", |py| {
        show(py, callf(py, &staticmethod(py), &[]))
    });
}

#[test]
fn staticmethod_takes_no_keywords() {
    check("sm.kw", |py| {
        show(
            py,
            callkw(py, &staticmethod(py), &[len_fn(py)], &[("x", i(py, 1))]),
        )
    });
}

#[test]
fn staticmethod_repr() {
    check("sm.repr", |py| {
        repr_expr(py, &callf(py, &staticmethod(py), &[len_fn(py)]).unwrap())
    });
}

#[test]
fn staticmethod_get_returns_the_callable() {
    check("sm.get", |py| {
        let f = len_fn(py);
        let sm = callf(py, &staticmethod(py), std::slice::from_ref(&f)).unwrap();
        tf(dget(py, &sm, Some(&i(py, 1)), None).unwrap().is(&f))
    });
}

#[test]
fn staticmethod_is_callable() {
    check("sm.call", |py| {
        let sm = callf(py, &staticmethod(py), &[len_fn(py)]).unwrap();
        show(py, callf(py, &sm, &[list(py, &[i(py, 1), i(py, 2)])]))
    });
}

#[test]
fn staticmethod_through_an_instance() {
    check("sm.via_instance", |py| {
        let sm = callf(py, &staticmethod(py), &[len_fn(py)]).unwrap();
        let a = cls(py, "A", &[], &[("f", sm)]);
        let r = pyrt::call::call_method(py, &new(py, &a, &[]), "f", &[list(py, &[i(py, 1)])]);
        show(py, r)
    });
}

#[test]
fn staticmethod_func() {
    check("sm.func", |py| {
        show(
            py,
            get(
                py,
                &callf(py, &staticmethod(py), &[len_fn(py)]).unwrap(),
                "__func__",
            ),
        )
    });
}

#[test]
fn staticmethod_copies_the_wrapped_attributes_into_its_dict() {
    check("sm.dict", |py| {
        show(
            py,
            get(
                py,
                &callf(py, &staticmethod(py), &[len_fn(py)]).unwrap(),
                "__dict__",
            ),
        )
    });
}

// ------------------------------------------------------------ property

fn property(py: Python<'_>) -> Bound<'_, PyAny> {
    ty(py, py.builtins().property())
}

fn prop<'py>(py: Python<'py>, args: &[Bound<'py, PyAny>]) -> Bound<'py, PyAny> {
    callf(py, &property(py), args).unwrap()
}

#[test]
fn property_type() {
    check("prop.repr_type", |py| {
        repr(py, &prop(py, &[len_fn(py)]).get_type().into_any())
    });
}

#[test]
fn property_get_calls_fget() {
    check("prop.get", |py| {
        let b = cls(
            py,
            "B",
            &[&ty(py, py.builtins().list())],
            &[("p", prop(py, &[len_fn(py)]))],
        );
        let obj = new(py, &b, &[list(py, &[i(py, 1), i(py, 2)])]);
        show(py, get(py, &obj, "p"))
    });
}

#[test]
fn property_without_setter() {
    check("prop.no_setter", |py| {
        let b = cls(py, "B", &[], &[("p", prop(py, &[len_fn(py)]))]);
        show_unit(py, set(py, &new(py, &b, &[]), "p", &i(py, 1)))
    });
}

#[test]
fn property_without_deleter() {
    check("prop.no_deleter", |py| {
        let b = cls(py, "B", &[], &[("p", prop(py, &[len_fn(py)]))]);
        show_unit(py, del(py, &new(py, &b, &[]), "p"))
    });
}

#[test]
fn property_without_getter() {
    check("prop.no_getter", |py| {
        let c = cls(py, "C", &[], &[("p", prop(py, &[none(py)]))]);
        show(py, get(py, &new(py, &c, &[]), "p"))
    });
}

#[test]
fn property_set_after_class_creation_has_no_name() {
    check("prop.no_getter_unnamed", |py| {
        let c = cls(py, "C", &[], &[]);
        set(py, &c, "p", &prop(py, &[none(py)])).unwrap();
        show(py, get(py, &new(py, &c, &[]), "p"))
    });
}

#[test]
fn unnamed_property_without_setter() {
    check("prop.no_setter_unnamed", |py| {
        let c = cls(py, "C", &[], &[]);
        set(py, &c, "p", &prop(py, &[len_fn(py)])).unwrap();
        show_unit(py, set(py, &new(py, &c, &[]), "p", &i(py, 1)))
    });
}

#[test]
fn property_messages_use_the_qualname() {
    check("prop.nested_qualname", |py| {
        let c = cls(
            py,
            "C",
            &[],
            &[("p", prop(py, &[none(py)])), ("__qualname__", s(py, "B.C"))],
        );
        show(py, get(py, &new(py, &c, &[]), "p"))
    });
}

#[test]
fn property_direct_get() {
    check("prop.direct_get", |py| {
        show(py, dget(py, &prop(py, &[none(py)]), Some(&i(py, 1)), None))
    });
}

#[test]
fn property_direct_set() {
    check("prop.direct_set", |py| {
        show_unit(
            py,
            dset(py, &prop(py, &[len_fn(py)]), &i(py, 1), Some(&i(py, 2))),
        )
    });
}

#[test]
fn property_direct_delete() {
    check("prop.direct_delete", |py| {
        show_unit(py, dset(py, &prop(py, &[len_fn(py)]), &i(py, 1), None))
    });
}

#[test]
fn property_on_the_class_is_itself() {
    check("prop.class_access", |py| {
        let p = prop(py, &[len_fn(py)]);
        let a = cls(py, "A", &[], &[("p", p.clone())]);
        tf(get(py, &a, "p").unwrap().is(&p))
    });
}

#[test]
fn property_takes_at_most_four_arguments() {
    check("prop.too_many", |py| {
        let args: Vec<_> = (1..=5).map(|v| i(py, v)).collect();
        show(py, callf(py, &property(py), &args))
    });
}

#[test]
fn property_invalid_keyword() {
    check("prop.bad_kw", |py| {
        show(py, callkw(py, &property(py), &[], &[("x", i(py, 1))]))
    });
}

#[test]
fn property_argument_by_name_and_position() {
    check("prop.dup_kw", |py| {
        show(
            py,
            callkw(py, &property(py), &[len_fn(py)], &[("fget", len_fn(py))]),
        )
    });
}

#[test]
fn property_fget() {
    check("prop.fget", |py| {
        show(py, get(py, &prop(py, &[len_fn(py)]), "fget"))
    });
}

#[test]
fn property_fset_unset() {
    check("prop.fset_none", |py| {
        show(py, get(py, &prop(py, &[len_fn(py)]), "fset"))
    });
}

#[test]
fn property_doc_from_the_getter() {
    check("prop.doc_from_getter", |py| {
        show(py, get(py, &prop(py, &[len_fn(py)]), "__doc__"))
    });
}

#[test]
fn property_doc_given() {
    check("prop.doc_given", |py| {
        let p = callkw(py, &property(py), &[len_fn(py)], &[("doc", s(py, "d"))]).unwrap();
        show(py, get(py, &p, "__doc__"))
    });
}

#[test]
fn property_setter_returns_a_copy() {
    check("prop.setter_copy", |py| {
        let p = prop(py, &[len_fn(py)]);
        let q = pyrt::call::call_method(py, &p, "setter", &[repr_fn(py)]).unwrap();
        let t = tuple(
            py,
            &[
                pyrt::protocol::bool_obj(py, q.is(&p)),
                get(py, &q, "fget").unwrap(),
                get(py, &q, "fset").unwrap(),
            ],
        );
        repr(py, &t)
    });
}

#[test]
fn property_getter_none_keeps_the_getter() {
    check("prop.getter_none_keeps", |py| {
        let q =
            pyrt::call::call_method(py, &prop(py, &[len_fn(py)]), "getter", &[none(py)]).unwrap();
        show(py, get(py, &q, "fget"))
    });
}

#[test]
fn property_deleter() {
    check("prop.deleter", |py| {
        let q = pyrt::call::call_method(py, &prop(py, &[len_fn(py)]), "deleter", &[repr_fn(py)])
            .unwrap();
        show(py, get(py, &q, "fdel"))
    });
}

#[test]
fn property_copy_keeps_the_name() {
    check("prop.setter_keeps_name", |py| {
        let b = cls(py, "B", &[], &[("p", prop(py, &[len_fn(py)]))]);
        let q =
            pyrt::call::call_method(py, &get(py, &b, "p").unwrap(), "setter", &[none(py)]).unwrap();
        set(py, &b, "q", &q).unwrap();
        show_unit(py, set(py, &new(py, &b, &[]), "q", &i(py, 1)))
    });
}

#[test]
fn property_set_name_arguments() {
    check("prop.set_name_args", |py| {
        show(
            py,
            pyrt::call::call_method(py, &prop(py, &[len_fn(py)]), "__set_name__", &[i(py, 1)]),
        )
    });
}

#[test]
fn property_name_is_shown_with_repr() {
    check("prop.set_name_repr", |py| {
        let q = prop(py, &[none(py)]);
        pyrt::call::call_method(
            py,
            &q,
            "__set_name__",
            &[ty(py, py.builtins().int()), i(py, 5)],
        )
        .unwrap();
        show(py, dget(py, &q, Some(&i(py, 1)), None))
    });
}

#[test]
fn property_set_calls_fset() {
    check("prop.set_via_fset", |py| {
        let append = get(py, &ty(py, py.builtins().list()), "append").unwrap();
        let b = cls(
            py,
            "B",
            &[&ty(py, py.builtins().list())],
            &[("p", prop(py, &[len_fn(py), append]))],
        );
        let obj = new(py, &b, &[]);
        set(py, &obj, "p", &i(py, 3)).unwrap();
        repr(py, &obj)
    });
}

#[test]
fn property_delete_calls_fdel() {
    check("prop.del_via_fdel", |py| {
        let clear = get(py, &ty(py, py.builtins().list()), "clear").unwrap();
        let b = cls(
            py,
            "B",
            &[&ty(py, py.builtins().list())],
            &[("p", prop(py, &[len_fn(py), none(py), clear]))],
        );
        let obj = new(py, &b, &[list(py, &[i(py, 1)])]);
        del(py, &obj, "p").unwrap();
        repr(py, &obj)
    });
}

#[test]
fn property_copies_keep_the_subclass() {
    check("prop.subclass", |py| {
        let p = cls(py, "P", &[&property(py)], &[]);
        let obj = callf(py, &p, &[len_fn(py)]).unwrap();
        let q = pyrt::call::call_method(py, &obj, "setter", &[none(py)]).unwrap();
        repr(py, &q.get_type().into_any())
    });
}
