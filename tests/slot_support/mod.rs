//! Helpers for the slot-dispatch, operator and slot-wrapper suites: the recorded
//! CPython outcomes (`tests/fixtures/slots.txt`, written by
//! `tests/fixtures/record_slots.py`), outcome formatting as the recorder prints it,
//! small constructors, and *function-like* native callables to put in class
//! namespaces (a callable whose type has `tp_call`, binds through `tp_descr_get` to a
//! bound `method`, and has `METHOD_DESCRIPTOR` — as an interpreter's function type
//! would).
#![allow(dead_code)]

use pyrt::builtins::{DictObject, StrObject, TupleObject, dict_new, int_new, intern, str_new};
use pyrt::types::{SlotId, SlotValue, TernaryFunc};
use pyrt::{Bound, PyErr, PyResult, Python, Slot, TypeFlags, TypeObject, TypeSpec};
use std::collections::HashMap;

/// The recorded outcome of `case`.
pub fn cpython(case: &str) -> String {
    static FIXTURE: std::sync::OnceLock<HashMap<String, String>> = std::sync::OnceLock::new();
    let map = FIXTURE.get_or_init(|| {
        let path = format!("{}/tests/fixtures/slots.txt", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        text.lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect()
    });
    map.get(case)
        .unwrap_or_else(|| panic!("case {case:?} missing from slots.txt"))
        .clone()
}

/// `Type: str(exception)`, as `f"{type(e).__name__}: {e}"` prints it.
pub fn err_text(py: Python<'_>, e: &PyErr) -> String {
    let text = match pyrt::ops::str(py, e.value(py)) {
        Ok(t) => t.as_str().to_owned(),
        Err(_) => e.message(py),
    };
    format!("{}: {}", e.type_name(py), text)
}

/// `ok <repr>` or `raise Type: message`, addresses replaced by `0x…`, as the recorder
/// prints outcomes.
pub fn outcome(py: Python<'_>, r: PyResult<Bound<'_>>) -> String {
    let text = match r {
        Ok(v) => match pyrt::ops::repr(py, &v) {
            Ok(s) => format!("ok {}", s.as_str()),
            Err(e) => format!("repr failed: {}", err_text(py, &e)),
        },
        Err(e) => format!("raise {}", err_text(py, &e)),
    };
    mask_addresses(&text)
}

/// Replaces every `0x<hex>` by `0x…`.
pub fn mask_addresses(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find("0x") {
        out.push_str(&rest[..i]);
        out.push_str("0x…");
        rest = rest[i + 2..].trim_start_matches(|c: char| c.is_ascii_hexdigit());
    }
    out.push_str(rest);
    out
}

/// Asserts that `r` has the outcome CPython recorded for `case`.
#[track_caller]
pub fn check(py: Python<'_>, case: &str, r: PyResult<Bound<'_>>) {
    assert_eq!(outcome(py, r), cpython(case), "case {case:?}");
}

/// A `str`.
pub fn s<'py>(py: Python<'py>, text: &str) -> Bound<'py> {
    str_new(py, text).unwrap().into_any()
}

/// An interned `str` (attribute names).
pub fn name<'py>(py: Python<'py>, text: &str) -> Bound<'py> {
    intern(py, text).unwrap().into_any()
}

/// An `int`.
pub fn int(py: Python<'_>, v: i64) -> Bound<'_> {
    int_new(py, v).unwrap().into_any()
}

/// `None`.
pub fn none(py: Python<'_>) -> Bound<'_> {
    pyrt::protocol::none(py)
}

/// A tuple.
pub fn tuple<'py>(py: Python<'py>, items: &[Bound<'py>]) -> Bound<'py> {
    pyrt::builtins::tuple_new(py, items).unwrap().into_any()
}

/// A namespace dict from `(name, value)` pairs.
pub fn ns<'py>(py: Python<'py>, items: &[(&str, Bound<'py>)]) -> Bound<'py, DictObject> {
    let d = dict_new(py).unwrap();
    for (k, v) in items {
        d.set_item(py, &name(py, k), v).unwrap();
    }
    d
}

/// `class <name>(*bases): <items>`.
pub fn class<'py>(
    py: Python<'py>,
    cls: &str,
    bases: &[&Bound<'py, TypeObject>],
    items: &[(&str, Bound<'py>)],
) -> Bound<'py, TypeObject> {
    try_class(py, cls, bases, items).unwrap()
}

/// `class <name>(*bases): <items>`, returning the error.
pub fn try_class<'py>(
    py: Python<'py>,
    cls: &str,
    bases: &[&Bound<'py, TypeObject>],
    items: &[(&str, Bound<'py>)],
) -> PyResult<Bound<'py, TypeObject>> {
    let bases: Vec<Bound<'py>> = bases.iter().map(|b| (*b).clone().into_any()).collect();
    pyrt::new_class_with_meta(py, py.builtins().type_(), cls, &bases, Some(&ns(py, items)))
}

/// `tp(*args)`.
pub fn new<'py>(
    py: Python<'py>,
    tp: &Bound<'py, TypeObject>,
    args: &[Bound<'py>],
) -> PyResult<Bound<'py>> {
    pyrt::call_type(py, tp, args)
}

/// The positional arguments of a `tp_call`.
pub fn argv<'a, 'py>(args: &'a Bound<'py>) -> &'a [Bound<'py>] {
    args.downcast::<TupleObject>().unwrap().items(args.py())
}

/// `tp_descr_get` of the function types: bound `method` from an instance, the function
/// itself from the class.
fn bind<'py>(
    py: Python<'py>,
    f: &Bound<'py>,
    obj: Option<&Bound<'py>>,
    _owner: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    match obj.filter(|o| !std::ptr::eq(o.as_any_ref(), py.singletons().none())) {
        Some(o) => Ok(pyrt_typeobject::descr::bound_method(py, f, o)?.into_any()),
        None => Ok(f.clone()),
    }
}

/// A function-like callable running `f` (which receives the callable, the args tuple
/// and the kwargs dict); its type is named `label` (see [`label_of`]).
pub fn func<'py>(py: Python<'py>, label: &str, f: TernaryFunc) -> Bound<'py> {
    let slots = [
        Slot::new(SlotId::TP_CALL, SlotValue::Ternary(f)),
        Slot::new(SlotId::TP_DESCR_GET, SlotValue::DescrGet(bind)),
    ];
    let spec = TypeSpec {
        name: label,
        basicsize: 0,
        itemsize: 0,
        flags: TypeFlags::DEFAULT | TypeFlags::METHOD_DESCRIPTOR,
        slots: &slots,
    };
    // A collectable base: the callable is then tracked and visits its type, so a class
    // holding it is freed by a single collection.
    let base = pyrt::new_class(py, "function_base", &[], None)
        .unwrap()
        .into_any();
    let tp = pyrt::from_spec(py, &spec, Some(&[base]), None, None).unwrap();
    pyrt::call_type(py, &tp, &[]).unwrap()
}

/// The label a [`func`] was made with.
pub fn label_of(f: &Bound<'_>) -> String {
    f.type_name()
}

fn return_label<'py>(
    py: Python<'py>,
    f: &Bound<'py>,
    _args: &Bound<'py>,
    _kwargs: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    Ok(str_new(py, &label_of(f))?.into_any())
}

/// A function-like callable that returns the string `text` whatever its arguments.
pub fn returns<'py>(py: Python<'py>, text: &str) -> Bound<'py> {
    func(py, text, return_label)
}

fn return_not_implemented<'py>(
    py: Python<'py>,
    _f: &Bound<'py>,
    _args: &Bound<'py>,
    _kwargs: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    Ok(Bound::from_ref(py, py.singletons().not_implemented()))
}

/// A function-like callable returning `NotImplemented`.
pub fn returns_not_implemented(py: Python<'_>) -> Bound<'_> {
    func(py, "not_implemented", return_not_implemented)
}

fn return_arg1<'py>(
    _py: Python<'py>,
    _f: &Bound<'py>,
    args: &Bound<'py>,
    _kwargs: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    Ok(argv(args)[1].clone())
}

/// A function-like callable returning its second argument (`lambda s, x: x`).
pub fn returns_arg1(py: Python<'_>) -> Bound<'_> {
    func(py, "arg1", return_arg1)
}

/// The attribute `attr` of `obj`.
pub fn getattr<'py>(py: Python<'py>, obj: &Bound<'py>, attr: &str) -> PyResult<Bound<'py>> {
    pyrt::attr::getattr(py, obj, &name(py, attr))
}

/// `obj.attr = value` (`None`: `del obj.attr`).
pub fn setattr<'py>(
    py: Python<'py>,
    obj: &Bound<'py>,
    attr: &str,
    value: Option<&Bound<'py>>,
) -> PyResult<()> {
    pyrt::attr::setattr(py, obj, &name(py, attr), value)
}

/// `callable(*args)`.
pub fn call<'py>(
    py: Python<'py>,
    callable: &Bound<'py>,
    args: &[Bound<'py>],
) -> PyResult<Bound<'py>> {
    pyrt::call::call(py, callable, &pyrt::builtins::tuple_new(py, args)?, None)
}

/// `callable(*args, **kwargs)`.
pub fn call_kw<'py>(
    py: Python<'py>,
    callable: &Bound<'py>,
    args: &[Bound<'py>],
    kwargs: &[(&str, Bound<'py>)],
) -> PyResult<Bound<'py>> {
    let kw = ns(py, kwargs);
    pyrt::call::call(
        py,
        callable,
        &pyrt::builtins::tuple_new(py, args)?,
        Some(&kw),
    )
}

/// The type as an object.
pub fn obj<'py>(tp: &Bound<'py, TypeObject>) -> Bound<'py> {
    tp.clone().into_any()
}

/// The text of a `str` result.
pub fn text(v: &Bound<'_>) -> String {
    v.downcast::<StrObject>().unwrap().as_str().to_owned()
}

/// A list built from `items`.
pub fn list<'py>(py: Python<'py>, items: &[Bound<'py>]) -> Bound<'py> {
    pyrt::builtins::list_new(py, items).unwrap().into_any()
}

/// The items of an iterable, through `iter`/`next`.
pub fn collect<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    let it = pyrt::ops::iter(py, obj)?;
    let mut items = Vec::new();
    while let Some(x) = pyrt::ops::next(py, &it)? {
        items.push(x);
    }
    Ok(list(py, &items))
}
