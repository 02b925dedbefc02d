//! `getset_descriptor`: a computed attribute (`tp_getset` entry: getter and optional
//! setter) of the instances of a type.
//!
//! Owns the type's slots and attributes and [`getset_descr_new`]. Must not define any
//! particular attribute (those live with the types that own them).

use super::common::{
    check_instance, descr_repr, get_none_none, name_obj, new_str, opt_str, qualified, type_and_name,
};
use crate::names;
use pyrt_core::builtins::GetSetDescrObject;
use pyrt_core::object::generic_alloc;
use pyrt_core::types::{GetSetDef, MemberDef, MemberKind, TypeObject};
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python};

/// A getset descriptor of `tp` for `def`.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let d = pyrt_typeobject::attr::lookup_str(py, py.builtins().method_descriptor(), "__qualname__").unwrap();
///     assert_eq!(d.type_name(), "getset_descriptor");
/// });
/// ```
pub fn getset_descr_new<'py>(
    py: Python<'py>,
    tp: &TypeObject,
    def: &'static GetSetDef,
) -> PyResult<Bound<'py, PyAny>> {
    let o = generic_alloc(py, py.builtins().getset_descriptor(), 0)?;
    let d = payload(py, &o)?;
    d.d_type.set(py, Some(Bound::from_ref(py, tp)));
    d.d_name.set(py, Some(name_obj(py, def.name)?));
    d.def.set(Some(def));
    Ok(o)
}

/// Stores the type's slots and attribute tables.
pub(crate) fn install(tp: &TypeObject) {
    tp.tp_descr_get.set(Some(getset_get));
    tp.tp_descr_set.set(Some(getset_set));
    tp.tp_repr.set(Some(getset_repr));
    tp.tp_getset.set(&GETSET);
    tp.tp_members.set(&MEMBERS);
}

fn payload<'a, 'py>(
    py: Python<'py>,
    obj: &'a Bound<'py, PyAny>,
) -> PyResult<&'a Bound<'py, GetSetDescrObject>> {
    obj.downcast::<GetSetDescrObject>()
        .map_err(|_| PyErr::system_error(py, "expected a getset descriptor"))
}

/// The definition, after checking that `obj` is an instance of the defining type.
fn checked_def<'py>(
    py: Python<'py>,
    descr: &Bound<'py, PyAny>,
    obj: &Bound<'py, PyAny>,
) -> PyResult<(&'static GetSetDef, Bound<'py, TypeObject>)> {
    let d = payload(py, descr)?;
    let (t, name) = type_and_name(py, &d.d_type, &d.d_name)?;
    check_instance(py, &t, name.as_str(), obj)?;
    let def = d
        .def
        .get()
        .ok_or_else(|| PyErr::system_error(py, "getset descriptor without a definition"))?;
    Ok((def, t))
}

/// `attribute 'NAME' of 'T' objects is not WHAT`.
fn not_able(py: Python<'_>, def: &GetSetDef, t: &TypeObject, what: &str) -> PyErr {
    PyErr::attribute_error(
        py,
        format!(
            "attribute '{}' of '{}' objects is not {what}",
            def.name,
            names::tp_name(t)
        ),
    )
}

fn getset_get<'py>(
    py: Python<'py>,
    descr: &Bound<'py, PyAny>,
    obj: Option<&Bound<'py, PyAny>>,
    owner: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let Some(obj) = obj else {
        return match owner {
            Some(_) => Ok(descr.clone()),
            None => Err(get_none_none(py)),
        };
    };
    let (def, t) = checked_def(py, descr, obj)?;
    match def.get {
        Some(get) => get(py, obj),
        None => Err(not_able(py, def, &t, "readable")),
    }
}

fn getset_set<'py>(
    py: Python<'py>,
    descr: &Bound<'py, PyAny>,
    obj: &Bound<'py, PyAny>,
    value: Option<&Bound<'py, PyAny>>,
) -> PyResult<()> {
    let (def, t) = checked_def(py, descr, obj)?;
    match def.set {
        Some(set) => set(py, obj, value),
        None => Err(not_able(py, def, &t, "writable")),
    }
}

/// `<attribute 'NAME' of 'T' objects>`.
fn getset_repr<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py>> {
    let d = payload(py, obj)?;
    descr_repr(py, "attribute", &d.d_type, &d.d_name)
}

fn get_doc<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    opt_str(py, payload(py, obj)?.def.get().and_then(|d| d.doc))
}

fn get_qualname<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let d = payload(py, obj)?;
    let (t, n) = type_and_name(py, &d.d_type, &d.d_name)?;
    new_str(py, &qualified(py, &t, n.as_str()))
}

static GETSET: [GetSetDef; 2] = [
    GetSetDef {
        name: "__doc__",
        get: Some(get_doc),
        set: None,
        doc: None,
    },
    GetSetDef {
        name: "__qualname__",
        get: Some(get_qualname),
        set: None,
        doc: None,
    },
];

static MEMBERS: [MemberDef; 2] = [
    MemberDef {
        name: "__objclass__",
        kind: MemberKind::Object,
        offset: std::mem::offset_of!(GetSetDescrObject, d_type) as isize,
        readonly: true,
        doc: None,
    },
    MemberDef {
        name: "__name__",
        kind: MemberKind::Object,
        offset: std::mem::offset_of!(GetSetDescrObject, d_name) as isize,
        readonly: true,
        doc: None,
    },
];
