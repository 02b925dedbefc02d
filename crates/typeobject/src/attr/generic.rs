//! `PyObject_GenericGetAttr` / `PyObject_GenericSetAttr` and the `getattr`/`setattr`
//! entry points that dispatch through `tp_getattro` / `tp_setattro`.
//!
//! Owns the instance lookup order: data descriptor on the type, then the instance dict,
//! then a non-data descriptor or plain class attribute. Where the instance keeps its
//! attributes (values block or dict) is `pyrt_core::object::instance_attrs`' business.

use super::dict_ptr::instance_dict;
use super::lookup::type_lookup;
use crate::descr::{as_method_descriptor, bind_to_instance};
use crate::method_cache;
use crate::names;
use pyrt_core::builtins::{DictObject, StrObject};
use pyrt_core::object::{
    AttrLookup, AttrWrite, FastAttr, instance_attrs, probe_interned, replace_interned,
};
use pyrt_core::types::DescrGetFunc;
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python};

#[inline(always)]
pub(crate) fn check_name<'a, 'py>(
    py: Python<'py>,
    name: &'a Bound<'py, PyAny>,
) -> PyResult<&'a Bound<'py, StrObject>> {
    if std::ptr::eq(name.ob_type(), py.builtins().str_()) {
        // SAFETY: an exact str.
        return Ok(unsafe { name.downcast_unchecked::<StrObject>() });
    }
    check_name_slow(py, name)
}

#[cold]
fn check_name_slow<'a, 'py>(
    py: Python<'py>,
    name: &'a Bound<'py, PyAny>,
) -> PyResult<&'a Bound<'py, StrObject>> {
    name.downcast::<StrObject>().map_err(|_| {
        PyErr::type_error(
            py,
            format!(
                "attribute name must be string, not '{}'",
                name.ob_type().name_string()
            ),
        )
    })
}

pub(crate) fn no_attribute(py: Python<'_>, obj: &Bound<'_, PyAny>, name: &StrObject) -> PyErr {
    PyErr::attribute_error(
        py,
        format!(
            "'{}' object has no attribute '{}'",
            names::tp_name(obj.ob_type()),
            name.as_str()
        ),
    )
}

/// `obj.name` through the object's `tp_getattro`.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let n = pyrt_core::builtins::intern(py, "__doc__").unwrap().into_any();
///     let int = pyrt_core::Bound::from_ref(py, py.builtins().int()).into_any();
///     assert!(pyrt_typeobject::attr::getattr(py, &int, &n).is_ok());
/// });
/// ```
pub fn getattr<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    name: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    // Only the indirect tail call here: no prologue on the way to `tp_getattro`.
    match obj.ob_type().tp_getattro.get() {
        Some(f) => f(py, obj, name),
        None => getattr_without_getattro(py, obj, name),
    }
}

/// [`getattr`] for a type without `tp_getattro`: `tp_getattr` by a Rust string, or the
/// error.
#[cold]
#[inline(never)]
fn getattr_without_getattro<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    name: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    match obj.ob_type().tp_getattr.get() {
        Some(f) => f(py, obj, check_name(py, name)?.as_str()),
        None => Err(no_attribute(py, obj, check_name(py, name)?)),
    }
}

/// `obj.name = value` (or `del obj.name` with `None`) through `tp_setattro`.
pub fn setattr<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    name: &Bound<'py, PyAny>,
    value: Option<&Bound<'py, PyAny>>,
) -> PyResult<()> {
    // Only the indirect tail call here: no prologue on the way to `tp_setattro`.
    match obj.ob_type().tp_setattro.get() {
        Some(f) => f(py, obj, name, value),
        None => setattr_without_setattro(py, obj, name, value),
    }
}

/// [`setattr`] for a type without `tp_setattro`: `tp_setattr` by a Rust string, or the
/// error.
#[cold]
#[inline(never)]
fn setattr_without_setattro<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    name: &Bound<'py, PyAny>,
    value: Option<&Bound<'py, PyAny>>,
) -> PyResult<()> {
    let tp = obj.ob_type();
    match tp.tp_setattr.get() {
        Some(f) => f(py, obj, check_name(py, name)?.as_str(), value),
        None => {
            let n = check_name(py, name)?;
            let verb = if value.is_some() { "assign to" } else { "del" };
            let has = type_lookup(py, tp, n).is_some();
            let what = if has { "only read-only" } else { "no" };
            Err(PyErr::type_error(
                py,
                format!(
                    "'{}' object has {what} attributes ({verb} .{})",
                    tp.name_string(),
                    n.as_str()
                ),
            ))
        }
    }
}

/// The generic `tp_getattro` (`object.__getattribute__`).
///
/// The hot function is call-free (no register saves): a method-cache probe, then the
/// instance's values block — `name` in the values and nothing on the type, or a plain
/// (non-descriptor) class attribute the instance does not shadow. Everything else
/// (a cache miss, descriptors, dict-backed instances, errors) is the tail call to
/// `generic_getattr_slow`.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let a = pyrt_typeobject::new_class(py, "A", &[], None).unwrap();
///     let o = pyrt_typeobject::call_type(py, &a, &[]).unwrap();
///     let n = pyrt_core::builtins::intern(py, "x").unwrap().into_any();
///     let one = pyrt_core::builtins::int_new(py, 1).unwrap().into_any();
///     pyrt_typeobject::attr::generic_setattr(py, &o, &n, Some(&one)).unwrap();
///     let got = pyrt_typeobject::attr::generic_getattr(py, &o, &n).unwrap();
///     assert!(got.is(&one));
/// });
/// ```
pub fn generic_getattr<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    name: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let name_ptr = name.as_ptr().as_ptr() as *const PyAny;
    if let Some(class_value) = method_cache::probe(py, obj.ob_type(), name_ptr) {
        // SAFETY: a cache hit proves `name` is an interned (exact) str.
        let name_str = unsafe { &*name_ptr.cast::<StrObject>() };
        match class_value {
            // Nothing on the type: the name in the instance's values.
            None => {
                if let FastAttr::Found(v) = probe_interned(obj.as_any_ref(), name_str) {
                    // SAFETY: the value is owned by the block; we take our reference
                    // before running any code.
                    return Ok(unsafe { Bound::from_borrowed_ptr(py, v) });
                }
            }
            Some(d) => {
                // SAFETY: owned by an MRO dict; no code runs before `getattr_non_data`
                // or the reference below.
                let dt = unsafe { d.as_ref() }.ob_type();
                match dt.tp_descr_get.get() {
                    // A plain class attribute the instance does not shadow.
                    None => {
                        if probe_interned(obj.as_any_ref(), name_str) == FastAttr::Absent {
                            // SAFETY: as above.
                            return Ok(unsafe { Bound::from_borrowed_ptr(py, d) });
                        }
                    }
                    // A data descriptor (a property) wins over the instance.
                    Some(get) if dt.tp_descr_set.get().is_some() => {
                        return getattr_descr_get(py, obj, d, get);
                    }
                    // A non-data descriptor (a method) the instance does not shadow.
                    Some(get) => {
                        if probe_interned(obj.as_any_ref(), name_str) == FastAttr::Absent {
                            return getattr_non_data(py, obj, d, get);
                        }
                    }
                }
            }
        }
    }
    generic_getattr_slow(py, obj, name)
}

/// The end of [`generic_getattr`] for a non-data descriptor `d` found on the type (in
/// the cache) and not shadowed by the instance: `d.__get__(obj, type(obj))`.
///
/// A `method_descriptor` is bound with `d` borrowed from its MRO dict: binding runs no
/// code, so nothing can remove it meanwhile (CPython borrows the descriptor the same
/// way in its method-call path). Any other `__get__` may run code, so `d` and the
/// owner type are held through the call.
#[inline(never)]
fn getattr_non_data<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    d: std::ptr::NonNull<PyAny>,
    get: DescrGetFunc,
) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: owned by an MRO dict; no code has run since the cache probe.
    if let Some(m) = as_method_descriptor(py, unsafe { d.as_ref() }) {
        return bind_to_instance(py, m, obj);
    }
    getattr_descr_get(py, obj, d, get)
}

/// `d.__get__(obj, type(obj))` for a descriptor `d` found on the type (in the cache),
/// holding `d` and the owner type through the call, which may run code.
#[inline(never)]
fn getattr_descr_get<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    d: std::ptr::NonNull<PyAny>,
    get: DescrGetFunc,
) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: owned by an MRO dict; no code has run since the cache probe, and from
    // here on we hold our own reference.
    let d = unsafe { Bound::from_borrowed_ptr(py, d) };
    get(py, &d, Some(obj), Some(&obj.get_type().into_any()))
}

/// [`generic_getattr`] in full: name check, cached type lookup (filling on a miss), then
/// the descriptor order.
#[cold]
#[inline(never)]
fn generic_getattr_slow<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    name: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let name = check_name(py, name)?;
    let descr = type_lookup(py, obj.ob_type(), name);
    generic_getattr_found(py, obj, name, descr)
}

/// The rest of [`generic_getattr`] once the type lookup is done (`descr`, borrowed from
/// an MRO dict).
#[inline(never)]
fn generic_getattr_found<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    name: &Bound<'py, StrObject>,
    descr: Option<std::ptr::NonNull<PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: the class attribute is owned by an MRO dict; we take our own reference
    // before running any code.
    let descr = descr.map(|p| unsafe { Bound::from_borrowed_ptr(py, p) });
    if let Some(d) = &descr {
        let dt = d.ob_type();
        if let (Some(get), Some(_)) = (dt.tp_descr_get.get(), dt.tp_descr_set.get()) {
            return get(py, d, Some(obj), Some(&obj.get_type().into_any()));
        }
    }
    if let Some(v) = instance_dict_get(py, obj, name)? {
        return Ok(v);
    }
    if let Some(d) = descr {
        if let Some(get) = d.ob_type().tp_descr_get.get() {
            return get(py, &d, Some(obj), Some(&obj.get_type().into_any()));
        }
        return Ok(d);
    }
    Err(no_attribute(py, obj, name))
}

/// `obj.__dict__[name]` if the instance holds `name`: in its values block (exact-str
/// names) or its dict.
#[inline]
fn instance_dict_get<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    name: &Bound<'py, StrObject>,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    let Some(attrs) = instance_attrs(obj.as_any_ref()) else {
        return Ok(None);
    };
    if !name.is_exact(py) {
        // A str subclass may compare in its own way: only a dict can answer.
        return match attrs.materialize(py)? {
            Some(d) => d.get_item(py, name.as_any()),
            None => Ok(None),
        };
    }
    let dict = match attrs.lookup_str(name) {
        // SAFETY: the value is owned by the block; we take our reference at once.
        AttrLookup::Found(v) => return Ok(Some(unsafe { Bound::from_borrowed_ptr(py, v) })),
        AttrLookup::Absent => return Ok(None),
        AttrLookup::Dict(d) => d,
    };
    // SAFETY: dict slots hold dicts; `obj` (which we hold) owns this one, and the exact-str
    // probe runs no code, so the dict lives through it.
    let d = unsafe { dict.cast::<DictObject>().as_ref() };
    if let Some(found) = d.get_exact_str(py, name) {
        // SAFETY: the value is owned by the dict; we take our reference at once.
        return Ok(found.map(|v| unsafe { Bound::from_borrowed_ptr(py, v) }));
    }
    // Comparisons may run code: hold the dict.
    match attrs.slot().dict(py) {
        Some(d) => d.get_item(py, name.as_any()),
        None => Ok(None),
    }
}

/// The generic `tp_setattro` (`object.__setattr__` / `object.__delattr__`).
///
/// The hot function is call-free but for releasing the old value: a method-cache probe
/// saying the type has nothing of that name, then the replacement of an attribute the
/// instance's values already hold. Everything else is the tail call to
/// `generic_setattr_slow`.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let a = pyrt_typeobject::new_class(py, "A", &[], None).unwrap();
///     let o = pyrt_typeobject::call_type(py, &a, &[]).unwrap();
///     let n = pyrt_core::builtins::intern(py, "x").unwrap().into_any();
///     let one = pyrt_core::builtins::int_new(py, 1).unwrap().into_any();
///     pyrt_typeobject::attr::generic_setattr(py, &o, &n, Some(&one)).unwrap();
///     pyrt_typeobject::attr::generic_setattr(py, &o, &n, None).unwrap();
///     assert!(pyrt_typeobject::attr::generic_getattr(py, &o, &n).is_err());
/// });
/// ```
pub fn generic_setattr<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    name: &Bound<'py, PyAny>,
    value: Option<&Bound<'py, PyAny>>,
) -> PyResult<()> {
    let name_ptr = name.as_ptr().as_ptr() as *const PyAny;
    if let Some(v) = value
        && let Some(None) = method_cache::probe(py, obj.ob_type(), name_ptr)
    {
        // SAFETY: a cache hit proves `name` is an interned (exact) str.
        let name_str = unsafe { &*name_ptr.cast::<StrObject>() };
        if let Some(old) = replace_interned(py, obj, name_str, v) {
            drop(old);
            return Ok(());
        }
    }
    generic_setattr_slow(py, obj, name, value)
}

/// [`generic_setattr`] in full: name check, cached type lookup (filling on a miss), then
/// the descriptor order.
#[cold]
#[inline(never)]
fn generic_setattr_slow<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    name: &Bound<'py, PyAny>,
    value: Option<&Bound<'py, PyAny>>,
) -> PyResult<()> {
    let name = check_name(py, name)?;
    let descr = type_lookup(py, obj.ob_type(), name);
    generic_setattr_found(py, obj, name, value, descr)
}

/// The rest of [`generic_setattr`] once the type lookup is done.
#[inline(never)]
fn generic_setattr_found<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    name: &Bound<'py, StrObject>,
    value: Option<&Bound<'py, PyAny>>,
    descr: Option<std::ptr::NonNull<PyAny>>,
) -> PyResult<()> {
    let tp = obj.ob_type();
    // SAFETY: as in generic_getattr_found.
    let descr = descr.map(|p| unsafe { Bound::from_borrowed_ptr(py, p) });
    if let Some(d) = &descr
        && let Some(set) = d.ob_type().tp_descr_set.get()
    {
        return set(py, d, obj, value);
    }
    if let Some(attrs) = instance_attrs(obj.as_any_ref()) {
        match attrs.write_str(py, name.as_any(), value)? {
            AttrWrite::Done(old) => {
                drop(old);
                return Ok(());
            }
            AttrWrite::Missing => return Err(no_attribute(py, obj, name)),
            AttrWrite::UseDict => {}
        }
    }
    match instance_dict(py, obj)? {
        Some(dict) => match value {
            Some(v) => dict.set_item(py, name.as_any(), v),
            None => {
                if dict.del_item(py, name.as_any())? {
                    Ok(())
                } else {
                    Err(no_attribute(py, obj, name))
                }
            }
        },
        None if descr.is_some() => Err(PyErr::attribute_error(
            py,
            format!(
                "'{}' object attribute '{}' is read-only",
                names::tp_name(tp),
                name.as_str()
            ),
        )),
        None => Err(no_attribute(py, obj, name)),
    }
}
