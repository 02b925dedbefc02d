//! `type.__getattribute__` and `type.__setattr__`: attribute access on type objects.
//!
//! Owns the type lookup order (metatype data descriptor, the type's own MRO with
//! `__get__(None, type)`, metatype non-data descriptor or attribute) and the immutable
//! type check. Must not maintain caches.

use super::generic::check_name;
use super::lookup::type_lookup;
use super::type_dict::type_dict_set;
use crate::names;
use pyrt_core::builtins::intern_bound;
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python, TypeFlags, TypeObject};

/// `tp_getattro` of `type`.
pub fn type_getattro<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    name: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let name = check_name(py, name)?;
    // SAFETY: installed on `type`, whose instances are type objects.
    let tp = unsafe { obj.downcast_unchecked::<TypeObject>() };
    let meta = obj.ob_type();
    let meta_obj = obj.get_type().into_any();
    // SAFETY: values are owned by MRO dicts; we take our own references first.
    let meta_attr = type_lookup(py, meta, name).map(|p| unsafe { Bound::from_borrowed_ptr(py, p) });
    let mut meta_get = None;
    if let Some(m) = &meta_attr {
        let mt = m.ob_type();
        meta_get = mt.tp_descr_get.get();
        if let (Some(get), Some(_)) = (meta_get, mt.tp_descr_set.get()) {
            return get(py, m, Some(obj), Some(&meta_obj));
        }
    }
    // SAFETY: as above.
    if let Some(attr) =
        type_lookup(py, tp, name).map(|p| unsafe { Bound::from_borrowed_ptr(py, p) })
    {
        if let Some(get) = attr.ob_type().tp_descr_get.get() {
            return get(py, &attr, None, Some(obj));
        }
        return Ok(attr);
    }
    if let Some(m) = meta_attr {
        if let Some(get) = meta_get {
            return get(py, &m, Some(obj), Some(&meta_obj));
        }
        return Ok(m);
    }
    Err(PyErr::attribute_error(
        py,
        format!(
            "type object '{}' has no attribute '{}'",
            names::tp_name(tp),
            name.as_str()
        ),
    ))
}

/// `tp_setattro` of `type`: refuses immutable types; otherwise a metatype data
/// descriptor wins, else the type's dict is updated.
pub fn type_setattro<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    name: &Bound<'py, PyAny>,
    value: Option<&Bound<'py, PyAny>>,
) -> PyResult<()> {
    let name = check_name(py, name)?;
    // SAFETY: installed on `type`.
    let tp = unsafe { obj.downcast_unchecked::<TypeObject>() };
    if tp.has_flag(TypeFlags::IMMUTABLETYPE) {
        return Err(PyErr::type_error(
            py,
            format!(
                "cannot set '{}' attribute of immutable type '{}'",
                name.as_str(),
                names::tp_name(tp)
            ),
        ));
    }
    // SAFETY: as in type_getattro.
    let meta_attr =
        type_lookup(py, obj.ob_type(), name).map(|p| unsafe { Bound::from_borrowed_ptr(py, p) });
    if let Some(m) = &meta_attr
        && let Some(set) = m.ob_type().tp_descr_set.get()
    {
        return set(py, m, obj, value);
    }
    let key = intern_bound(py, name.clone()).into_any();
    if type_dict_set(py, tp, &key, value)? {
        Ok(())
    } else {
        Err(PyErr::attribute_error(
            py,
            format!(
                "type object '{}' has no attribute '{}'",
                names::tp_name(tp),
                name.as_str()
            ),
        ))
    }
}
