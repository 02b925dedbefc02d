//! Class-creation errors: one test per message, each expectation recorded from CPython
//! 3.11 by `tests/fixtures/record_class_errors.py`. That script prints
//! `<test name> <ExceptionType>: <message>` per scenario (a newline in a message
//! printed as `\n`, which is also how the Rust literals below write it), and every
//! test here mirrors its scenario step by step: `type(name, bases, {})` is
//! `new_class` / `new_class_with_meta` with metatype `type`, and `M(name, bases, {})`
//! is `new_class_with_meta` with metatype `M`.

mod common;

use common::{builtin, describe_err, mro_names};
use pyrt::{Bound, PyAny, PyResult, Python, TypeObject, new_class, new_class_with_meta};

/// The error of a class creation that must fail, as `"<Type>: <message>"`.
fn failure(py: Python<'_>, created: PyResult<Bound<'_, TypeObject>>) -> String {
    match created {
        Ok(tp) => panic!("class creation succeeded with MRO {:?}", mro_names(py, &tp)),
        Err(e) => describe_err(py, &e),
    }
}

/// `type(name, (), {})`, which must succeed.
fn class<'py>(
    py: Python<'py>,
    name: &str,
    bases: &[&Bound<'py, TypeObject>],
) -> Bound<'py, TypeObject> {
    let bases: Vec<_> = bases.iter().map(|&b| b.clone()).collect();
    new_class(py, name, &bases, None).unwrap()
}

/// A builtin type, which the tests know exists.
fn ty<'py>(py: Python<'py>, name: &str) -> Bound<'py, TypeObject> {
    builtin(py, name).unwrap()
}

/// `type(name, (type,), {})`: a metaclass.
fn metaclass<'py>(py: Python<'py>, name: &str) -> Bound<'py, TypeObject> {
    class(py, name, &[&ty(py, "type")])
}

/// `meta(name, bases, {})`.
fn create_with<'py>(
    py: Python<'py>,
    meta: &TypeObject,
    name: &str,
    bases: &[Bound<'py, PyAny>],
) -> PyResult<Bound<'py, TypeObject>> {
    new_class_with_meta(py, meta, name, bases, None)
}

/// An instance of `object`, as `object()` makes. pyrt's `object` has no `tp_new` yet
/// (calling it raises "cannot create 'object' instances"), so this allocates through
/// the allocator `object` uses.
fn object_instance(py: Python<'_>) -> Bound<'_, PyAny> {
    pyrt::object::generic_alloc(py, py.builtins().object(), 0).unwrap()
}

/// `type(name, bases, {})` where the bases are arbitrary objects.
fn create_from_objects<'py>(
    py: Python<'py>,
    name: &str,
    bases: &[Bound<'py, PyAny>],
) -> PyResult<Bound<'py, TypeObject>> {
    create_with(py, py.builtins().type_(), name, bases)
}

const METACLASS_CONFLICT: &str = "TypeError: metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases";
const LAYOUT_CONFLICT: &str = "TypeError: multiple bases have instance lay-out conflict";
const BOOL_NOT_ACCEPTABLE: &str = "TypeError: type 'bool' is not an acceptable base type";
const BASES_MUST_BE_TYPES: &str = "TypeError: bases must be types";

#[test]
fn duplicate_base() {
    common::checked(|py| {
        let a = class(py, "A", &[]);
        let got = failure(py, new_class(py, "X", &[a.clone(), a], None));
        assert_eq!(got, "TypeError: duplicate base class A");
    });
}

#[test]
fn inconsistent_mro_two_heads() {
    common::checked(|py| {
        let a = class(py, "A", &[]);
        let b = class(py, "B", &[&a]);
        let got = failure(py, new_class(py, "X", &[a, b], None));
        assert_eq!(
            got,
            "TypeError: Cannot create a consistent method resolution\norder (MRO) for bases A, B"
        );
    });
}

#[test]
fn inconsistent_mro_three_heads() {
    common::checked(|py| {
        let p = class(py, "P", &[]);
        let q = class(py, "Q", &[]);
        let r = class(py, "R", &[]);
        let pq = class(py, "PQ", &[&p, &q]);
        let qr = class(py, "QR", &[&q, &r]);
        let rp = class(py, "RP", &[&r, &p]);
        let got = failure(py, new_class(py, "X", &[pq, qr, rp], None));
        assert_eq!(
            got,
            "TypeError: Cannot create a consistent method resolution\norder (MRO) for bases P, Q, R"
        );
    });
}

#[test]
fn inconsistent_mro_after_diamonds() {
    common::checked(|py| {
        let a = class(py, "A", &[]);
        let b = class(py, "B", &[&a]);
        let c = class(py, "C", &[&a]);
        let d = class(py, "D", &[&b, &c]);
        let e = class(py, "E", &[&c, &b]);
        let got = failure(py, new_class(py, "X", &[d, e], None));
        assert_eq!(
            got,
            "TypeError: Cannot create a consistent method resolution\norder (MRO) for bases B, C"
        );
    });
}

#[test]
fn bool_is_not_an_acceptable_base() {
    common::checked(|py| {
        let got = failure(py, new_class(py, "X", &[ty(py, "bool")], None));
        assert_eq!(got, BOOL_NOT_ACCEPTABLE);
    });
}

#[test]
fn layout_conflict_int_str() {
    common::checked(|py| {
        let got = failure(
            py,
            new_class(py, "X", &[ty(py, "int"), ty(py, "str")], None),
        );
        assert_eq!(got, LAYOUT_CONFLICT);
    });
}

#[test]
fn layout_conflict_list_dict() {
    common::checked(|py| {
        let got = failure(
            py,
            new_class(py, "X", &[ty(py, "list"), ty(py, "dict")], None),
        );
        assert_eq!(got, LAYOUT_CONFLICT);
    });
}

#[test]
fn layout_conflict_two_int_subclasses() {
    common::checked(|py| {
        let i = class(py, "I", &[&ty(py, "int")]);
        let j = class(py, "J", &[&ty(py, "int")]);
        let got = failure(py, new_class(py, "X", &[i, j], None));
        assert_eq!(got, LAYOUT_CONFLICT);
    });
}

#[test]
fn metaclass_conflict_between_bases() {
    common::checked(|py| {
        let m1 = metaclass(py, "M1");
        let m2 = metaclass(py, "M2");
        let p = create_with(py, &m1, "P", &[]).unwrap();
        let q = create_with(py, &m2, "Q", &[]).unwrap();
        let got = failure(py, new_class(py, "X", &[p, q], None));
        assert_eq!(got, METACLASS_CONFLICT);
    });
}

#[test]
fn metaclass_conflict_with_requested_metaclass() {
    common::checked(|py| {
        let m1 = metaclass(py, "M1");
        let m2 = metaclass(py, "M2");
        let p = create_with(py, &m1, "P", &[]).unwrap();
        let got = failure(py, create_with(py, &m2, "X", &[p.into_any()]));
        assert_eq!(got, METACLASS_CONFLICT);
    });
}

/// `type('X', (1,), {})`: the int's type, `int`, and `type` are unrelated metaclass
/// candidates, so CPython reports a metaclass conflict, not "bases must be types".
#[test]
fn non_type_base_int_is_a_metaclass_conflict() {
    common::checked(|py| {
        let one = pyrt::builtins::int_new(py, 1).unwrap().into_any();
        let got = failure(py, create_from_objects(py, "X", &[one]));
        assert_eq!(got, METACLASS_CONFLICT);
    });
}

/// `type('X', (object(),), {})`: `object` is a base of `type`, so the metaclass
/// calculation passes and the base check reports it.
#[test]
fn non_type_base_object_instance_is_not_a_type() {
    common::checked(|py| {
        let got = failure(py, create_from_objects(py, "X", &[object_instance(py)]));
        assert_eq!(got, BASES_MUST_BE_TYPES);
    });
}

#[test]
fn non_type_base_after_a_class() {
    common::checked(|py| {
        let a = class(py, "A", &[]).into_any();
        let got = failure(py, create_from_objects(py, "X", &[a, object_instance(py)]));
        assert_eq!(got, BASES_MUST_BE_TYPES);
    });
}

/// The bases are checked in order: the first offending base decides the message.
#[test]
fn non_type_base_before_bool() {
    common::checked(|py| {
        let bases = [object_instance(py), ty(py, "bool").into_any()];
        let got = failure(py, create_from_objects(py, "X", &bases));
        assert_eq!(got, BASES_MUST_BE_TYPES);
    });
}

#[test]
fn bool_before_non_type_base() {
    common::checked(|py| {
        let bases = [ty(py, "bool").into_any(), object_instance(py)];
        let got = failure(py, create_from_objects(py, "X", &bases));
        assert_eq!(got, BOOL_NOT_ACCEPTABLE);
    });
}

#[test]
fn name_with_nul() {
    common::checked(|py| {
        let got = failure(py, new_class(py, "X\0Y", &[], None));
        assert_eq!(
            got,
            "ValueError: type name must not contain null characters"
        );
    });
}

/// The name is checked after the bases.
#[test]
fn nul_name_checked_after_bases() {
    common::checked(|py| {
        let got = failure(py, new_class(py, "X\0Y", &[ty(py, "bool")], None));
        assert_eq!(got, BOOL_NOT_ACCEPTABLE);
    });
}
