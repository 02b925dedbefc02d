//! Helpers shared by the method-cache, `__bases__` and custom-`mro()` suites: classes
//! with attributes, attribute access on classes through the generic protocol, MROs and
//! subclass lists as names, a native callable usable as a metaclass `mro`, and the
//! leak check. Each test binary uses a subset of them.
#![allow(dead_code)]

use pyrt::builtins::{StrObject, TupleObject, dict_new, int_new, intern, str_new, tuple_new};
use pyrt::types::{SlotId, SlotValue};
use pyrt::{
    Bound, Py, PyAny, PyErr, PyResult, Python, Slot, TypeFlags, TypeObject, TypeSpec, attr,
};
use std::cell::RefCell;

/// Runs `f` in the runtime and checks that every object it allocated is freed by its end
/// (after full collections: classes are cycles through their MRO).
pub fn checked<R>(f: impl for<'py> FnOnce(Python<'py>) -> R) -> R {
    pyrt::Runtime::with(|py| {
        while pyrt::gc::collect(py, 2) > 0 {}
        let before = py.live_objects();
        let r = f(py);
        MRO_FN.with(|m| m.borrow_mut().take());
        // Objects freed by one collection may release the last outside reference to
        // garbage cycles (the native mro callable holds its class): collect until stable.
        while pyrt::gc::collect(py, 2) > 0 {}
        assert_eq!(py.live_objects(), before, "objects leaked by the test");
        r
    })
}

/// `"<ExceptionType>: <message>"`, as the fixtures record it.
pub fn err_text(py: Python<'_>, e: &PyErr) -> String {
    format!("{}: {}", e.type_name(py), e.message(py))
}

/// The error text of a result that must have failed.
pub fn expect_err<T>(py: Python<'_>, r: PyResult<T>) -> String {
    match r {
        Ok(_) => panic!("expected an error"),
        Err(e) => err_text(py, &e),
    }
}

/// An interned name.
pub fn name<'py>(py: Python<'py>, s: &str) -> Bound<'py, StrObject> {
    intern(py, s).unwrap()
}

/// An int object.
pub fn int<'py>(py: Python<'py>, v: i64) -> Bound<'py, PyAny> {
    int_new(py, v).unwrap().into_any()
}

/// A str object.
pub fn text<'py>(py: Python<'py>, s: &str) -> Bound<'py, PyAny> {
    str_new(py, s).unwrap().into_any()
}

/// `type(name, bases, attrs)` with metatype `meta` (`None`: `type`).
pub fn class_with<'py>(
    py: Python<'py>,
    meta: Option<&TypeObject>,
    cls_name: &str,
    bases: &[&Bound<'py, TypeObject>],
    attrs: &[(&str, Bound<'py, PyAny>)],
) -> PyResult<Bound<'py, TypeObject>> {
    let ns = dict_new(py)?;
    for (k, v) in attrs {
        ns.set_item(py, name(py, k).as_any(), v)?;
    }
    let bases: Vec<Bound<'py, PyAny>> = bases.iter().map(|b| (*b).clone().into_any()).collect();
    let meta = meta.unwrap_or(py.builtins().type_());
    pyrt::new_class_with_meta(py, meta, cls_name, &bases, Some(&ns))
}

/// A plain class (metatype `type`), panicking on error.
pub fn class<'py>(
    py: Python<'py>,
    cls_name: &str,
    bases: &[&Bound<'py, TypeObject>],
) -> Bound<'py, TypeObject> {
    class_with(py, None, cls_name, bases, &[]).unwrap()
}

/// `setattr(obj, attr, value)` (`None`: `delattr`) through the generic protocol.
pub fn set<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    attr_name: &str,
    value: Option<&Bound<'py, PyAny>>,
) -> PyResult<()> {
    attr::setattr(py, obj, name(py, attr_name).as_any(), value)
}

/// `getattr(obj, attr)` through the generic protocol.
pub fn get<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    attr_name: &str,
) -> PyResult<Bound<'py, PyAny>> {
    attr::getattr(py, obj, name(py, attr_name).as_any())
}

/// `repr`-like text of a small value: ints as digits, strs quoted, else the type name.
pub fn show(v: &Bound<'_, PyAny>) -> String {
    if let Ok(i) = v.downcast::<pyrt::builtins::IntObject>() {
        return i.value().to_string();
    }
    if let Ok(s) = v.downcast::<StrObject>() {
        return format!("'{}'", s.as_str());
    }
    format!("<{}>", v.type_name())
}

/// The `__name__`s of a tuple of types, comma-separated.
pub fn names_of(py: Python<'_>, t: &TupleObject) -> String {
    pyrt::mro::as_types(t)
        .iter()
        // SAFETY: the tuple holds live types.
        .map(|p| pyrt::names::name(py, unsafe { p.as_ref() }))
        .collect::<Vec<_>>()
        .join(",")
}

/// `__mro__` as comma-separated names.
pub fn mro(py: Python<'_>, tp: &TypeObject) -> String {
    tp.tp_mro
        .get(py)
        .map(|t| names_of(py, &t))
        .unwrap_or_default()
}

/// `__bases__` as comma-separated names.
pub fn bases(py: Python<'_>, tp: &TypeObject) -> String {
    tp.tp_bases
        .get(py)
        .map(|t| names_of(py, &t))
        .unwrap_or_default()
}

/// `__subclasses__()` as comma-separated names.
pub fn subclasses(py: Python<'_>, tp: &TypeObject) -> String {
    tp.tp_subclasses
        .snapshot()
        .iter()
        // SAFETY: subclass lists hold live types.
        .map(|p| pyrt::names::name(py, unsafe { p.as_ref() }))
        .collect::<Vec<_>>()
        .join(",")
}

/// A tuple of objects.
pub fn tuple<'py>(py: Python<'py>, items: &[Bound<'py, PyAny>]) -> Bound<'py, PyAny> {
    tuple_new(py, items).unwrap().into_any()
}

/// The recorded outcome of `case` in `tests/fixtures/bases_assign.txt`.
pub fn recorded(case: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/bases_assign.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .find(|(k, _)| *k == case)
        .map(|(_, v)| v.replace("\\n", "\n"))
        .unwrap_or_else(|| panic!("case {case:?} missing from bases_assign.txt"))
}

// ------------------------------------------------------------------ metaclass mro()

/// What the native `mro` callable computes for a class.
pub type MroBody =
    Box<dyn for<'py> Fn(Python<'py>, &Bound<'py, TypeObject>) -> PyResult<Bound<'py, PyAny>>>;

thread_local! {
    static MRO_FN: RefCell<Option<MroBody>> = const { RefCell::new(None) };
}

/// Sets what the native `mro` callables compute on this thread (cleared by [`checked`]).
pub fn set_mro_body(body: MroBody) {
    MRO_FN.with(|m| *m.borrow_mut() = Some(body));
}

fn mro_call<'py>(
    py: Python<'py>,
    _callable: &Bound<'py, PyAny>,
    args: &Bound<'py, PyAny>,
    _kwargs: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let args = args
        .downcast::<TupleObject>()
        .expect("tp_call gets a tuple");
    let cls = args.items(py)[0].clone();
    let cls = cls
        .downcast_into::<TypeObject>()
        .map_err(|_| PyErr::type_error(py, "mro() of a non-class"))?;
    MRO_FN.with(|m| match &*m.borrow() {
        Some(body) => body(py, &cls),
        None => Err(PyErr::runtime_error(py, "no mro body set")),
    })
}

/// A metaclass `Meta(type)` whose `mro` is a native method-descriptor callable running
/// the body set with [`set_mro_body`].
pub fn meta_with_mro<'py>(py: Python<'py>) -> Bound<'py, TypeObject> {
    let slots = [Slot::new(SlotId::TP_CALL, SlotValue::Ternary(mro_call))];
    let spec = TypeSpec {
        name: "tests.MroFunction",
        basicsize: 0,
        itemsize: 0,
        flags: TypeFlags::DEFAULT | TypeFlags::METHOD_DESCRIPTOR,
        slots: &slots,
    };
    let fn_type = pyrt::from_spec(py, &spec, None, None, None).unwrap();
    let f = pyrt::call_type(py, &fn_type, &[]).unwrap();
    let type_ = Bound::from_ref(py, py.builtins().type_());
    let meta = class(py, "Meta", &[&type_]);
    set(py, meta.as_any(), "mro", Some(&f)).unwrap();
    meta
}

/// The default (C3) MRO of `cls` as a list object, as `type.mro(cls)` returns it.
pub fn c3_list<'py>(py: Python<'py>, cls: &Bound<'py, TypeObject>) -> PyResult<Bound<'py, PyAny>> {
    let mro = pyrt::mro::compute(py, cls)?;
    let items: Vec<Bound<'py, PyAny>> = mro
        .iter()
        // SAFETY: C3 entries are live types owned by the bases' MROs.
        .map(|t| Bound::from_ref(py, unsafe { t.as_ref() }).into_any())
        .collect();
    Ok(pyrt::builtins::list_new(py, &items)?.into_any())
}

/// Keeps a handle usable inside an `MroBody` closure.
pub fn keep(tp: &Bound<'_, TypeObject>) -> Py<TypeObject> {
    tp.clone().unbind()
}
