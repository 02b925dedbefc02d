//! The builtins namespace: functions (one file per group: [`core`], [`introspection`],
//! [`iteration`]), the methods of the core types ([`tuple_methods`], [`dict_methods`],
//! [`str_methods`]), and the exception classes pyrt does not define
//! ([`exceptions`]). Shared helpers for argument checking and formatting live here.
//!
//! Owns what `builtins` holds. Must not evaluate code.

pub mod core;
pub mod dict_methods;
pub mod exceptions;
pub mod format;
pub mod introspection;
pub mod iteration;
pub mod str_methods;
pub mod tuple_methods;

use pyrt_core::builtins::{DictObject, StrObject, dict_new, intern};
use pyrt_core::types::{KeywordsFn, MethodDef, MethodFlags, MethodFn};
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python, TypeObject};

pub use format::format_value;

/// Builds the builtins dict.
pub fn make_builtins(py: Python<'_>) -> PyResult<Bound<'_, DictObject>> {
    let d = dict_new(py)?;
    let t = crate::objects::types(py);
    let b = py.builtins();
    let put = |name: &str, v: &Bound<'_, PyAny>| -> PyResult<()> {
        d.set_item(py, intern(py, name)?.as_any(), v)
    };
    for (name, tp) in [
        ("object", b.object()),
        ("type", b.type_()),
        ("int", b.int()),
        ("bool", b.bool_()),
        ("str", b.str_()),
        ("tuple", b.tuple()),
        ("list", b.list()),
        ("dict", b.dict()),
    ] {
        put(name, Bound::from_ref(py, tp).as_any())?;
    }
    for (name, tp) in b.all() {
        if tp.has_flag(pyrt_core::TypeFlags::BASE_EXC_SUBCLASS) {
            put(name, Bound::from_ref(py, tp).as_any())?;
        }
    }
    for (name, tp) in [
        ("property", b.property()),
        ("classmethod", b.classmethod()),
        ("staticmethod", b.staticmethod()),
    ] {
        put(name, Bound::from_ref(py, tp).as_any())?;
    }
    put("range", t.range.bind(py).as_any())?;
    put("super", t.super_.bind(py).as_any())?;
    put("slice", t.slice.bind(py).as_any())?;
    put(
        "NotImplemented",
        &Bound::from_ref(py, py.singletons().not_implemented()),
    )?;
    put("Ellipsis", &ellipsis(py))?;
    for table in [
        &core::FUNCTIONS[..],
        &introspection::FUNCTIONS[..],
        &iteration::FUNCTIONS[..],
    ] {
        for def in table {
            let f = pyrt_typeobject::descr::native_function(py, def, None)?;
            put(def.name, f.as_any())?;
        }
    }
    exceptions::install(py, &d)?;
    tuple_methods::install(py)?;
    dict_methods::install(py)?;
    str_methods::install(py)?;
    Ok(d)
}

/// A native function definition (`METH_VARARGS | METH_KEYWORDS`).
pub(crate) const fn native(name: &'static str, f: KeywordsFn) -> MethodDef {
    MethodDef {
        name,
        meth: MethodFn::Keywords(f),
        flags: MethodFlags(0),
        doc: None,
    }
}

/// Stores method descriptors for `methods` in the dict of `owner`, a builtin type
/// readied before minipy started (so its `tp_methods` can no longer be filled in).
pub(crate) fn install_methods(
    py: Python<'_>,
    owner: &TypeObject,
    methods: &'static [MethodDef],
) -> PyResult<()> {
    for def in methods {
        let d = pyrt_typeobject::descr::method_descr_new(py, owner, def)?;
        let key = intern(py, def.name)?.into_any();
        pyrt_typeobject::attr::type_dict_set(py, owner, &key, Some(&d))?;
    }
    Ok(())
}

/// `repr(obj)` as a Rust string.
pub fn repr_string(py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(repr_obj(py, obj)?.as_str().to_owned())
}

/// `repr(obj)` through `tp_repr`.
pub fn repr_obj<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, StrObject>> {
    pyrt_typeobject::builtins::call::repr_of(py, obj)
}

/// `str(obj)` as a Rust string.
pub fn str_string(py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(pyrt_typeobject::builtins::call::str_of(py, obj)?
        .as_str()
        .to_owned())
}

/// The exception class `name` from the builtins (pyrt's or minipy's own).
pub fn exception_type<'py>(py: Python<'py>, name: &str) -> Option<Bound<'py, TypeObject>> {
    let b = crate::eval::state(py).builtins.bind(py);
    let k = intern(py, name).ok()?;
    b.get_item(py, k.as_any())
        .ok()
        .flatten()?
        .downcast_into::<TypeObject>()
        .ok()
}

/// The `Ellipsis` singleton.
pub fn ellipsis(py: Python<'_>) -> Bound<'_, PyAny> {
    // Kept for the life of the process (leaked), so no reference is released when the
    // interpreter's thread ends.
    thread_local! {
        static E: std::cell::Cell<Option<&'static pyrt_core::Py<PyAny>>> = const { std::cell::Cell::new(None) };
    }
    if let Some(e) = E.with(std::cell::Cell::get) {
        return e.bind(py).clone();
    }
    let t = crate::objects::types(py);
    let obj = match crate::objects::native_type::alloc_native::<0>(py, t.ellipsis.bind(py)) {
        Ok(o) => o.into_any(),
        Err(_) => pyrt_core::protocol::none(py),
    };
    let kept: &'static pyrt_core::Py<PyAny> = Box::leak(Box::new(obj.clone().unbind()));
    E.with(|e| e.set(Some(kept)));
    obj
}

/// `d.update(m)` for a dict or an iterable of pairs.
pub fn dict_update<'py>(
    py: Python<'py>,
    d: &Bound<'py, DictObject>,
    m: &Bound<'py, PyAny>,
) -> PyResult<()> {
    if let Ok(src) = m.downcast::<DictObject>() {
        for (k, v) in src.items(py) {
            d.set_item(py, &k, &v)?;
        }
        return Ok(());
    }
    let keys_name = intern(py, "keys")?.into_any();
    if let Ok(keys) = pyrt_typeobject::attr::getattr(py, m, &keys_name) {
        let ks = crate::eval::calls::call_object(py, &keys, vec![], None)?;
        for k in crate::eval::operators::collect(py, &ks)? {
            let v = crate::eval::subscript::getitem(py, m, &k)?;
            d.set_item(py, &k, &v)?;
        }
        return Ok(());
    }
    if !crate::eval::operators::is_iterable(m) {
        return Err(PyErr::type_error(
            py,
            format!("'{}' object is not iterable", m.type_name()),
        ));
    }
    for (i, item) in crate::eval::operators::collect(py, m)?
        .into_iter()
        .enumerate()
    {
        let pair = crate::eval::operators::collect(py, &item).map_err(|_| {
            PyErr::type_error(
                py,
                format!("cannot convert dictionary update sequence element #{i} to a sequence"),
            )
        })?;
        if pair.len() != 2 {
            return Err(PyErr::value_error(
                py,
                format!(
                    "dictionary update sequence element #{i} has length {}; 2 is required",
                    pair.len()
                ),
            ));
        }
        d.set_item(py, &pair[0], &pair[1])?;
    }
    Ok(())
}

/// `TypeError: NAME() takes exactly one argument (N given)` unless exactly one.
pub fn one_arg<'a, 'py>(
    py: Python<'py>,
    name: &str,
    args: &'a [Bound<'py, PyAny>],
) -> PyResult<&'a Bound<'py, PyAny>> {
    match args {
        [a] => Ok(a),
        _ => Err(PyErr::type_error(
            py,
            format!("{name}() takes exactly one argument ({} given)", args.len()),
        )),
    }
}

/// Checks the positional count: `NAME expected N arguments, got M` and variants.
pub fn check_count(
    py: Python<'_>,
    name: &str,
    args: &[Bound<'_, PyAny>],
    min: usize,
    max: usize,
) -> PyResult<()> {
    let n = args.len();
    if n < min {
        let what = if min == max {
            format!("{min}")
        } else {
            format!("at least {min}")
        };
        return Err(PyErr::type_error(
            py,
            format!(
                "{name} expected {what} argument{}, got {n}",
                if min == 1 { "" } else { "s" }
            ),
        ));
    }
    if n > max {
        let what = if min == max {
            format!("{max}")
        } else {
            format!("at most {max}")
        };
        return Err(PyErr::type_error(
            py,
            format!(
                "{name} expected {what} argument{}, got {n}",
                if max == 1 { "" } else { "s" }
            ),
        ));
    }
    Ok(())
}

/// Refuses keyword arguments: `NAME() takes no keyword arguments`.
pub fn no_kwargs(py: Python<'_>, name: &str, kw: Option<&Bound<'_, DictObject>>) -> PyResult<()> {
    if kw.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error(
            py,
            format!("{name}() takes no keyword arguments"),
        ));
    }
    Ok(())
}

/// Takes the keyword `name` out of `kw` (a copy is not made: callers pass their own).
pub fn kwarg<'py>(
    py: Python<'py>,
    kw: Option<&Bound<'py, DictObject>>,
    name: &str,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    match kw {
        Some(k) => k.get_item(py, intern(py, name)?.as_any()),
        None => Ok(None),
    }
}

/// Refuses keywords other than `allowed`: `'k' is an invalid keyword argument for NAME()`.
pub fn only_kwargs(
    py: Python<'_>,
    name: &str,
    kw: Option<&Bound<'_, DictObject>>,
    allowed: &[&str],
) -> PyResult<()> {
    let Some(k) = kw else { return Ok(()) };
    for key in k.keys(py) {
        let s = crate::eval::frames::str_value(&key).unwrap_or_default();
        if !allowed.contains(&s.as_str()) {
            return Err(PyErr::type_error(
                py,
                format!("'{s}' is an invalid keyword argument for {name}()"),
            ));
        }
    }
    Ok(())
}

/// Whether `obj` is `None`.
pub fn is_none(py: Python<'_>, obj: &Bound<'_, PyAny>) -> bool {
    std::ptr::eq(obj.as_any_ref(), py.singletons().none())
}
