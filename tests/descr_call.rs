//! The native calling convention, `method_descriptor`, `classmethod_descriptor` and
//! `builtin_function_or_method`, against CPython 3.11's recorded outcomes
//! (`fixtures/descr_expected.txt`, recorded by `fixtures/record_descr.py`). Each test
//! checks that it frees every object it allocates.

mod descr_support;

use descr_support::*;
use pyrt::Python;
use pyrt::call::call_method;

fn list_method<'py>(py: Python<'py>, name: &str) -> pyrt::Bound<'py, pyrt::PyAny> {
    get(py, &ty(py, py.builtins().list()), name).unwrap()
}

// ------------------------------------------------------------ calling convention

#[test]
fn noargs_given_arguments() {
    check("call.noargs_given", |py| {
        show(py, call_method(py, &list(py, &[]), "clear", &[i(py, 1)]))
    });
}

#[test]
fn o_without_argument() {
    check("call.o_zero", |py| {
        show(py, call_method(py, &list(py, &[]), "append", &[]))
    });
}

#[test]
fn o_with_two_arguments() {
    check("call.o_two", |py| {
        show(
            py,
            call_method(py, &list(py, &[]), "append", &[i(py, 1), i(py, 2)]),
        )
    });
}

#[test]
fn o_with_keyword() {
    check("call.o_kw", |py| {
        let f = get(py, &list(py, &[]), "append").unwrap();
        show(py, callkw(py, &f, &[], &[("x", i(py, 1))]))
    });
}

#[test]
fn noargs_with_keyword() {
    check("call.noargs_kw", |py| {
        let f = get(py, &list(py, &[]), "clear").unwrap();
        show(py, callkw(py, &f, &[], &[("x", i(py, 1))]))
    });
}

#[test]
fn function_without_argument() {
    check("call.function_zero", |py| {
        show(py, callf(py, &len_fn(py), &[]))
    });
}

#[test]
fn function_with_keyword() {
    check("call.function_kw", |py| {
        show(py, callkw(py, &len_fn(py), &[], &[("x", i(py, 1))]))
    });
}

#[test]
fn bound_function_names_the_receivers_type() {
    check("call.bound_on_subclass", |py| {
        let l = cls(py, "L", &[&ty(py, py.builtins().list())], &[]);
        let f = get(py, &new(py, &l, &[]), "clear").unwrap();
        show(py, callf(py, &f, &[i(py, 1)]))
    });
}

#[test]
fn call_method_names_the_defining_type() {
    check("call.method_path_on_subclass", |py| {
        let l = cls(py, "L", &[&ty(py, py.builtins().list())], &[]);
        show(py, call_method(py, &new(py, &l, &[]), "clear", &[i(py, 1)]))
    });
}

#[test]
fn fast_at_most() {
    check("call.fast_at_most", |py| {
        show(
            py,
            call_method(py, &list(py, &[i(py, 1)]), "pop", &[i(py, 1), i(py, 2)]),
        )
    });
}

#[test]
fn fast_at_least() {
    check("call.fast_at_least", |py| {
        show(py, call_method(py, &list(py, &[i(py, 1)]), "index", &[]))
    });
}

#[test]
fn fast_exact() {
    check("call.fast_exact", |py| {
        show(py, call_method(py, &list(py, &[]), "insert", &[i(py, 1)]))
    });
}

#[test]
fn keywords_refuses_positional() {
    check("call.keywords_positional", |py| {
        show(py, call_method(py, &list(py, &[]), "sort", &[i(py, 1)]))
    });
}

#[test]
fn keywords_invalid_name() {
    check("call.keywords_invalid", |py| {
        let f = get(py, &list(py, &[]), "sort").unwrap();
        show(py, callkw(py, &f, &[], &[("x", i(py, 2))]))
    });
}

#[test]
fn calling_a_non_callable() {
    check("call.not_callable", |py| {
        show(py, callf(py, &i(py, 1), &[]))
    });
}

// ------------------------------------------------------------ method_descriptor

#[test]
fn method_descriptor_repr() {
    check("md.repr", |py| {
        let d = raw(py, py.builtins().list(), "append");
        repr_expr(py, &d)
    });
}

#[test]
fn method_descriptor_type() {
    check("md.type", |py| {
        repr(
            py,
            &raw(py, py.builtins().list(), "append")
                .get_type()
                .into_any(),
        )
    });
}

#[test]
fn unbound_call_needs_an_argument() {
    check("md.unbound_no_args", |py| {
        show(py, callf(py, &list_method(py, "append"), &[]))
    });
}

#[test]
fn unbound_call_checks_the_receiver() {
    check("md.unbound_wrong_self", |py| {
        show(
            py,
            callf(py, &list_method(py, "append"), &[i(py, 1), i(py, 2)]),
        )
    });
}

#[test]
fn unbound_call_counts_arguments_after_the_receiver() {
    check("md.unbound_extra", |py| {
        let args = [list(py, &[]), i(py, 1), i(py, 2)];
        show(py, callf(py, &list_method(py, "append"), &args))
    });
}

#[test]
fn unbound_call_works() {
    check("md.unbound_ok", |py| {
        let l = list(py, &[]);
        callf(py, &list_method(py, "append"), &[l.clone(), i(py, 5)]).unwrap();
        repr(py, &l)
    });
}

#[test]
fn get_checks_the_instance() {
    check("md.get_wrong_instance", |py| {
        let d = raw(py, py.builtins().list(), "append");
        show(py, dget(py, &d, Some(&i(py, 1)), None))
    });
}

#[test]
fn get_on_the_class_is_the_descriptor() {
    check("md.get_class", |py| {
        let d = raw(py, py.builtins().list(), "append");
        let r = dget(py, &d, None, Some(&ty(py, py.builtins().list()))).unwrap();
        assert!(r.is(&d));
        repr(py, &r)
    });
}

#[test]
fn get_binds_a_native_function() {
    check("md.get_bound", |py| {
        let d = raw(py, py.builtins().list(), "append");
        let r = dget(
            py,
            &d,
            Some(&list(py, &[])),
            Some(&ty(py, py.builtins().int())),
        );
        show(py, r)
    });
}

#[test]
fn method_descriptor_name() {
    check("md.name", |py| {
        show(
            py,
            get(py, &raw(py, py.builtins().list(), "append"), "__name__"),
        )
    });
}

#[test]
fn method_descriptor_qualname() {
    check("md.qualname", |py| {
        show(
            py,
            get(py, &raw(py, py.builtins().list(), "append"), "__qualname__"),
        )
    });
}

#[test]
fn method_descriptor_objclass() {
    check("md.objclass", |py| {
        show(
            py,
            get(py, &raw(py, py.builtins().list(), "append"), "__objclass__"),
        )
    });
}

#[test]
fn method_descriptor_doc_drops_the_signature() {
    check("md.doc", |py| {
        show(
            py,
            get(py, &raw(py, py.builtins().list(), "append"), "__doc__"),
        )
    });
}

#[test]
fn method_descriptor_text_signature() {
    check("md.text_signature", |py| {
        show(
            py,
            get(
                py,
                &raw(py, py.builtins().list(), "append"),
                "__text_signature__",
            ),
        )
    });
}

#[test]
fn method_descriptor_type_has_the_flag() {
    check("md.flags", |py| {
        let t = py.builtins().method_descriptor();
        if t.has_flag(pyrt::TypeFlags::METHOD_DESCRIPTOR) {
            "True"
        } else {
            "False"
        }
        .to_owned()
    });
}

// ------------------------------------------------------------ builtin_function_or_method

#[test]
fn bound_function_repr() {
    check("bf.bound_repr", |py| {
        let f = get(py, &list(py, &[]), "append").unwrap();
        repr_expr(py, &f)
    });
}

#[test]
fn function_repr() {
    check("bf.function_repr", |py| repr_expr(py, &len_fn(py)));
}

#[test]
fn bound_function_name() {
    check("bf.bound_name", |py| {
        show(
            py,
            get(py, &get(py, &list(py, &[]), "append").unwrap(), "__name__"),
        )
    });
}

#[test]
fn bound_function_qualname() {
    check("bf.bound_qualname", |py| {
        show(
            py,
            get(
                py,
                &get(py, &list(py, &[]), "append").unwrap(),
                "__qualname__",
            ),
        )
    });
}

#[test]
fn bound_function_qualname_uses_the_receivers_type() {
    check("bf.subclass_qualname", |py| {
        let l = cls(py, "L", &[&ty(py, py.builtins().list())], &[]);
        let f = get(py, &new(py, &l, &[]), "append").unwrap();
        show(py, get(py, &f, "__qualname__"))
    });
}

#[test]
fn function_qualname() {
    check("bf.function_qualname", |py| {
        show(py, get(py, &len_fn(py), "__qualname__"))
    });
}

#[test]
fn bound_function_self() {
    check("bf.bound_self", |py| {
        let f = get(py, &list(py, &[i(py, 7)]), "append").unwrap();
        show(py, get(py, &f, "__self__"))
    });
}

#[test]
fn bound_function_doc() {
    check("bf.bound_doc", |py| {
        show(
            py,
            get(py, &get(py, &list(py, &[]), "append").unwrap(), "__doc__"),
        )
    });
}

#[test]
fn bound_function_text_signature() {
    check("bf.bound_text_signature", |py| {
        let f = get(py, &list(py, &[]), "append").unwrap();
        show(py, get(py, &f, "__text_signature__"))
    });
}

fn eq(
    py: Python<'_>,
    a: &pyrt::Bound<'_, pyrt::PyAny>,
    b: &pyrt::Bound<'_, pyrt::PyAny>,
) -> String {
    let r = pyrt::protocol::rich_compare(py, a, b, pyrt::types::CompareOp::Eq);
    show(py, r)
}

#[test]
fn bound_functions_equal_on_the_same_receiver() {
    check("bf.eq_same_self", |py| {
        let l = list(py, &[]);
        eq(
            py,
            &get(py, &l, "append").unwrap(),
            &get(py, &l, "append").unwrap(),
        )
    });
}

#[test]
fn bound_functions_differ_on_other_receivers() {
    check("bf.eq_other_self", |py| {
        let a = get(py, &list(py, &[]), "append").unwrap();
        let b = get(py, &list(py, &[]), "append").unwrap();
        eq(py, &a, &b)
    });
}

#[test]
fn bound_function_hash_follows_equality() {
    check("bf.hash_same", |py| {
        let l = list(py, &[]);
        let h = |f| pyrt::protocol::hash(py, &f).unwrap();
        let same = h(get(py, &l, "append").unwrap()) == h(get(py, &l, "append").unwrap());
        if same { "True" } else { "False" }.to_owned()
    });
}

#[test]
fn native_functions_cannot_be_created_from_python() {
    check("bf.not_instantiable", |py| {
        show(
            py,
            callf(py, &ty(py, py.builtins().builtin_function_or_method()), &[]),
        )
    });
}

#[test]
fn native_function_type_name() {
    check("bf.type_name", |py| {
        show(py, get(py, &len_fn(py).get_type().into_any(), "__name__"))
    });
}

// ------------------------------------------------------------ classmethod_descriptor

fn fromkeys(py: Python<'_>) -> pyrt::Bound<'_, pyrt::PyAny> {
    raw(py, py.builtins().dict(), "fromkeys")
}

#[test]
fn classmethod_descriptor_type() {
    check("cmd.type", |py| {
        repr(py, &fromkeys(py).get_type().into_any())
    });
}

#[test]
fn classmethod_descriptor_repr() {
    check("cmd.repr", |py| repr_expr(py, &fromkeys(py)));
}

#[test]
fn classmethod_descriptor_get_on_an_instance_of_another_type() {
    check("cmd.get_instance", |py| {
        show(py, dget(py, &fromkeys(py), Some(&i(py, 1)), None))
    });
}

#[test]
fn classmethod_descriptor_get_with_a_non_type_owner() {
    check("cmd.get_non_type", |py| {
        show(py, dget(py, &fromkeys(py), None, Some(&i(py, 1))))
    });
}

#[test]
fn classmethod_descriptor_get_with_a_non_subtype_owner() {
    check("cmd.get_non_subtype", |py| {
        show(
            py,
            dget(py, &fromkeys(py), None, Some(&ty(py, py.builtins().int()))),
        )
    });
}

#[test]
fn classmethod_descriptor_binds_the_owner() {
    check("cmd.get_owner", |py| {
        show(
            py,
            dget(py, &fromkeys(py), None, Some(&ty(py, py.builtins().dict()))),
        )
    });
}

#[test]
fn classmethod_descriptor_call_needs_an_argument() {
    check("cmd.call_no_args", |py| {
        show(py, callf(py, &fromkeys(py), &[]))
    });
}

#[test]
fn classmethod_descriptor_call_with_a_non_type() {
    check("cmd.call_non_type", |py| {
        show(py, callf(py, &fromkeys(py), &[i(py, 1), i(py, 2)]))
    });
}

#[test]
fn classmethod_descriptor_call_with_a_non_subtype() {
    check("cmd.call_non_subtype", |py| {
        let args = [ty(py, py.builtins().int()), i(py, 2)];
        show(py, callf(py, &fromkeys(py), &args))
    });
}

#[test]
fn classmethod_descriptor_call() {
    check("cmd.call_ok", |py| {
        let args = [ty(py, py.builtins().dict()), list(py, &[i(py, 1)])];
        show(py, callf(py, &fromkeys(py), &args))
    });
}

#[test]
fn bound_class_method_qualname() {
    check("cmd.bound_qualname", |py| {
        let f = get(py, &ty(py, py.builtins().dict()), "fromkeys").unwrap();
        show(py, get(py, &f, "__qualname__"))
    });
}

#[test]
fn bound_class_method_self_is_the_class() {
    check("cmd.bound_self", |py| {
        let f = get(py, &ty(py, py.builtins().dict()), "fromkeys").unwrap();
        show(py, get(py, &f, "__self__"))
    });
}

#[test]
fn class_method_on_a_subclass_builds_the_subclass() {
    check("cmd.subclass", |py| {
        let d = cls(py, "D", &[&ty(py, py.builtins().dict())], &[]);
        let r = call_method(py, &d, "fromkeys", &[list(py, &[i(py, 1)])]).unwrap();
        repr(py, &r.get_type().into_any())
    });
}

#[test]
fn bound_class_method_counts_arguments() {
    check("cmd.bound_too_few", |py| {
        show(
            py,
            call_method(py, &ty(py, py.builtins().dict()), "fromkeys", &[]),
        )
    });
}
