//! Helpers for the descriptor suites (`descr_*`, `type_attrs`, `class_assign`,
//! `slots_decl`): the outcomes CPython 3.11 recorded in `fixtures/descr_expected.txt`
//! (by `fixtures/record_descr.py`), Python-like operations over pyrt's API, the native
//! test functions `len` and `repr` that stand for CPython's builtins of the same name,
//! and printing outcomes as the recorder does (`Type: message`, or the repr with
//! addresses masked as `0x?`).
#![allow(dead_code)]

use pyrt::builtins::{DictObject, IntObject, ListObject, NativeFunctionObject, StrObject};
use pyrt::builtins::{dict_new, int_new, intern, list_new, str_new, tuple_new};
use pyrt::types::{MethodDef, MethodFlags, MethodFn, TypeObject};
use pyrt::{Bound, PyAny, PyErr, PyResult, Python, attr, call, new_class_with_meta};
use pyrt_typeobject::builtins::call::repr_of;
use std::collections::HashMap;
use std::sync::OnceLock;

const FIXTURE: &str = include_str!("../fixtures/descr_expected.txt");

/// The outcome CPython recorded for `case`.
pub fn fx(case: &str) -> &'static str {
    static MAP: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    let map = MAP.get_or_init(|| {
        FIXTURE
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .collect()
    });
    map.get(case)
        .copied()
        .unwrap_or_else(|| panic!("case {case:?} missing from descr_expected.txt"))
}

/// Runs `f` under the runtime, compares its outcome with the recorded one for `case`,
/// and checks that every object the test allocated is freed.
pub fn check(case: &str, f: impl for<'py> FnOnce(Python<'py>) -> String) {
    check_against(fx(case), case, f)
}

/// The outcome recorded for `case` in another fixture text (`case<TAB>outcome` lines).
pub fn fx_in(text: &'static str, case: &str) -> &'static str {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .find(|(k, _)| *k == case)
        .map(|(_, v)| v)
        .unwrap_or_else(|| panic!("case {case:?} missing from the fixture"))
}

/// [`check`] against an explicit expected outcome.
pub fn check_against(expected: &str, case: &str, f: impl for<'py> FnOnce(Python<'py>) -> String) {
    pyrt::Runtime::with(|py| {
        pyrt::gc::collect(py, 2);
        let before = py.live_objects();
        let got = f(py);
        pyrt::gc::collect(py, 2);
        assert_eq!(got, expected, "case {case}");
        assert_eq!(py.live_objects(), before, "case {case}: objects leaked");
    });
}

/// Replaces every `0x<hex>` by `0x?`.
pub fn mask(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("0x") {
        out.push_str(&rest[..i + 2]);
        let tail = &rest[i + 2..];
        let n = tail.len()
            - tail
                .trim_start_matches(|c: char| c.is_ascii_hexdigit())
                .len();
        if n > 0 {
            out.push('?');
        }
        rest = &tail[n..];
    }
    out.push_str(rest);
    out
}

/// `Type: message`.
pub fn err_text(py: Python<'_>, e: &PyErr) -> String {
    let msg = match pyrt_typeobject::builtins::call::str_of(py, e.value(py)) {
        Ok(m) => m.as_str().to_owned(),
        Err(_) => e.message(py),
    };
    mask(&format!("{}: {msg}", e.type_name(py)))
}

/// `repr(obj)`, masked.
pub fn repr(py: Python<'_>, obj: &Bound<'_, PyAny>) -> String {
    match repr_of(py, obj) {
        Ok(r) => mask(r.as_str()),
        Err(e) => format!("<repr failed: {}>", err_text(py, &e)),
    }
}

/// The recorder's outcome of an expression.
pub fn show(py: Python<'_>, r: PyResult<Bound<'_, PyAny>>) -> String {
    match r {
        Ok(v) => repr(py, &v),
        Err(e) => err_text(py, &e),
    }
}

/// The recorder's outcome of a statement (`None` on success).
pub fn show_unit(py: Python<'_>, r: PyResult<()>) -> String {
    match r {
        Ok(()) => "None".to_owned(),
        Err(e) => err_text(py, &e),
    }
}

pub fn s<'py>(py: Python<'py>, v: &str) -> Bound<'py, PyAny> {
    str_new(py, v).unwrap().into_any()
}

pub fn i(py: Python<'_>, v: i64) -> Bound<'_, PyAny> {
    int_new(py, v).unwrap().into_any()
}

pub fn none(py: Python<'_>) -> Bound<'_, PyAny> {
    pyrt::protocol::none(py)
}

pub fn tuple<'py>(py: Python<'py>, items: &[Bound<'py, PyAny>]) -> Bound<'py, PyAny> {
    tuple_new(py, items).unwrap().into_any()
}

pub fn list<'py>(py: Python<'py>, items: &[Bound<'py, PyAny>]) -> Bound<'py, PyAny> {
    list_new(py, items).unwrap().into_any()
}

pub fn dict<'py>(py: Python<'py>, items: &[(&str, Bound<'py, PyAny>)]) -> Bound<'py, PyAny> {
    let d = dict_new(py).unwrap();
    for (k, v) in items {
        d.set_item(py, &s(py, k), v).unwrap();
    }
    d.into_any()
}

/// A builtin type object as a value.
pub fn ty<'py>(py: Python<'py>, tp: &TypeObject) -> Bound<'py, PyAny> {
    Bound::from_ref(py, tp).into_any()
}

/// `obj.name`.
pub fn get<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    name: &str,
) -> PyResult<Bound<'py, PyAny>> {
    attr::getattr(py, obj, &intern(py, name).unwrap().into_any())
}

/// `obj.name = value`.
pub fn set<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    name: &str,
    v: &Bound<'py, PyAny>,
) -> PyResult<()> {
    attr::setattr(py, obj, &intern(py, name).unwrap().into_any(), Some(v))
}

/// `del obj.name`.
pub fn del<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>, name: &str) -> PyResult<()> {
    attr::setattr(py, obj, &intern(py, name).unwrap().into_any(), None)
}

/// `f(*args)`.
pub fn callf<'py>(
    py: Python<'py>,
    f: &Bound<'py, PyAny>,
    args: &[Bound<'py, PyAny>],
) -> PyResult<Bound<'py, PyAny>> {
    call::call_args(py, f, args, None)
}

/// `f(*args, **kwargs)`.
pub fn callkw<'py>(
    py: Python<'py>,
    f: &Bound<'py, PyAny>,
    args: &[Bound<'py, PyAny>],
    kwargs: &[(&str, Bound<'py, PyAny>)],
) -> PyResult<Bound<'py, PyAny>> {
    let d = dict(py, kwargs);
    call::call_args(py, f, args, Some(d.downcast::<DictObject>().unwrap()))
}

/// `T.__dict__[name]` (no descriptor binding).
pub fn raw<'py>(py: Python<'py>, tp: &TypeObject, name: &str) -> Bound<'py, PyAny> {
    let d = tp.tp_dict.get(py).unwrap();
    d.get_item(py, &s(py, name))
        .unwrap()
        .unwrap_or_else(|| panic!("no {name} in dict"))
}

/// `descr.__get__(obj, owner)` (absent arguments are `None` in Python).
pub fn dget<'py>(
    py: Python<'py>,
    d: &Bound<'py, PyAny>,
    obj: Option<&Bound<'py, PyAny>>,
    owner: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let get = d.ob_type().tp_descr_get.get().expect("not a descriptor");
    get(py, d, obj, owner)
}

/// `descr.__set__(obj, v)` / `descr.__delete__(obj)`.
pub fn dset<'py>(
    py: Python<'py>,
    d: &Bound<'py, PyAny>,
    obj: &Bound<'py, PyAny>,
    v: Option<&Bound<'py, PyAny>>,
) -> PyResult<()> {
    let set = d
        .ob_type()
        .tp_descr_set
        .get()
        .expect("not a data descriptor");
    set(py, d, obj, v)
}

/// `class NAME(*bases): ns` (metaclass `type`; no bases means `object`). As a class
/// statement does, the namespace starts with `__module__ = '__main__'`.
pub fn class<'py>(
    py: Python<'py>,
    name: &str,
    bases: &[&Bound<'py, PyAny>],
    ns: &[(&str, Bound<'py, PyAny>)],
) -> PyResult<Bound<'py, PyAny>> {
    let mut items = vec![("__module__", s(py, "__main__"))];
    items.extend(ns.iter().cloned());
    let d = dict(py, &items);
    let bases: Vec<Bound<'py, PyAny>> = bases.iter().map(|b| (*b).clone()).collect();
    new_class_with_meta(
        py,
        py.builtins().type_(),
        name,
        &bases,
        Some(d.downcast::<DictObject>().unwrap()),
    )
    .map(Bound::into_any)
}

/// Like [`class`], panicking on error.
pub fn cls<'py>(
    py: Python<'py>,
    name: &str,
    bases: &[&Bound<'py, PyAny>],
    ns: &[(&str, Bound<'py, PyAny>)],
) -> Bound<'py, PyAny> {
    class(py, name, bases, ns).unwrap_or_else(|e| panic!("class {name}: {}", err_text(py, &e)))
}

/// `T()` / `T(*args)`.
pub fn new<'py>(
    py: Python<'py>,
    tp: &Bound<'py, PyAny>,
    args: &[Bound<'py, PyAny>],
) -> Bound<'py, PyAny> {
    callf(py, tp, args).unwrap_or_else(|e| panic!("instantiation failed: {}", err_text(py, &e)))
}

fn len_impl<'py>(py: Python<'py>, _m: &Bound<'py>, x: &Bound<'py>) -> PyResult<Bound<'py>> {
    let tp = x.ob_type();
    let n = if let Some(f) = tp.mapping().and_then(|m| m.mp_length.get()) {
        f(py, x)?
    } else if let Some(f) = tp.sequence().and_then(|m| m.sq_length.get()) {
        f(py, x)?
    } else {
        return Err(PyErr::type_error(
            py,
            format!("object of type '{}' has no len()", x.type_name()),
        ));
    };
    Ok(int_new(py, n as i64)?.into_any())
}

fn repr_impl<'py>(py: Python<'py>, _m: &Bound<'py>, x: &Bound<'py>) -> PyResult<Bound<'py>> {
    Ok(repr_of(py, x)?.into_any())
}

static LEN: MethodDef = MethodDef {
    name: "len",
    meth: MethodFn::O(len_impl),
    flags: MethodFlags(0),
    doc: Some("len($module, obj, /)\n--\n\nReturn the number of items in a container."),
};

static REPR: MethodDef = MethodDef {
    name: "repr",
    meth: MethodFn::O(repr_impl),
    flags: MethodFlags(0),
    doc: Some(
        "repr($module, obj, /)\n--\n\nReturn the canonical string representation of the object.\n\nFor many object types, including most builtins, eval(repr(obj)) == obj.",
    ),
};

fn builtin_fn<'py>(py: Python<'py>, def: &'static MethodDef) -> Bound<'py, PyAny> {
    let f: Bound<'py, NativeFunctionObject> = pyrt::descr::native_function(py, def, None).unwrap();
    f.module.set(py, Some(s(py, "builtins")));
    f.into_any()
}

/// The test native function standing for `len`.
pub fn len_fn(py: Python<'_>) -> Bound<'_, PyAny> {
    builtin_fn(py, &LEN)
}

/// The test native function standing for `repr`.
pub fn repr_fn(py: Python<'_>) -> Bound<'_, PyAny> {
    builtin_fn(py, &REPR)
}

/// The value of an int object.
pub fn int_of(obj: &Bound<'_, PyAny>) -> i64 {
    obj.downcast::<IntObject>().unwrap().value()
}

/// The items of a list object.
pub fn list_items<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> Vec<Bound<'py, PyAny>> {
    obj.downcast::<ListObject>().unwrap().to_vec(py)
}

/// A str object's text.
pub fn text(obj: &Bound<'_, PyAny>) -> String {
    obj.downcast::<StrObject>().unwrap().as_str().to_owned()
}

/// The recorder's outcome of `repr(obj)` (a str, so quoted).
pub fn repr_expr(py: Python<'_>, obj: &Bound<'_, PyAny>) -> String {
    show(py, repr_of(py, obj).map(Bound::into_any))
}

fn self_of<'py>(_py: Python<'py>, s: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    Ok(s.clone())
}
/// A native `METH_NOARGS` function returning its `__self__` (for binding tests).
pub static SELF_OF: MethodDef = MethodDef {
    name: "self_of",
    meth: MethodFn::NoArgs(self_of),
    flags: MethodFlags(0),
    doc: None,
};

/// Runs `f` and checks that it leaves no object of its own alive (a full collection
/// before and after) and both bound-callable free lists within their capacity.
pub fn no_leak(f: impl for<'py> FnOnce(Python<'py>)) {
    pyrt::Runtime::with(|py| {
        pyrt::gc::collect(py, 2);
        let before = py.live_objects();
        f(py);
        pyrt::gc::collect(py, 2);
        assert_eq!(py.live_objects(), before, "objects leaked");
        let lists = &py.state().free_lists;
        let cap = pyrt::object::FREE_LIST_CAPACITY;
        assert!(lists.native_function.len() <= cap);
        assert!(lists.bound_method.len() <= cap);
    });
}
