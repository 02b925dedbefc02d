//! `member_descriptor`: a field at a fixed offset inside the instances of a type, made
//! by `type_ready` from `tp_members` and by class creation for each `__slots__` name.
//! Kinds: `Object` (unset reads `None`), `ObjectEx` (unset raises `AttributeError`),
//! `Ssize`, `I64`, `Bool`; read-only members refuse assignment and deletion.
//!
//! Owns the type's slots and attributes and the constructors. Must not touch memory
//! itself: the field is read and written through `pyrt_core::object::member_*`, after
//! checking that the object is an instance of the defining type and that the field lies
//! inside it.

use super::common::{
    check_instance, descr_repr, get_none_none, name_obj, new_str, opt_str, qualified, type_and_name,
};
use crate::builtins::call::index_value;
use crate::names;
use pyrt_core::builtins::{IntObject, MemberDescrObject, StrObject, int_new};
use pyrt_core::object::{MemberValue, generic_alloc, member_fits, member_read, member_write};
use pyrt_core::protocol::{bool_obj, none};
use pyrt_core::types::{GetSetDef, MemberDef, MemberKind, TypeObject};
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python};

const KINDS: [MemberKind; 5] = [
    MemberKind::Object,
    MemberKind::ObjectEx,
    MemberKind::Ssize,
    MemberKind::I64,
    MemberKind::Bool,
];

/// A member descriptor of `tp` for `def`.
///
/// ```
/// use pyrt_core::types::{MemberDef, MemberKind};
/// use std::sync::OnceLock;
/// static DICT: MemberDef = MemberDef { name: "d", kind: MemberKind::Object, offset: 0, readonly: true, doc: None };
/// static AT_OFFSET: OnceLock<MemberDef> = OnceLock::new();
/// pyrt_typeobject::Runtime::with(|py| {
///     let t = py.builtins().classmethod();
///     // A copy of DICT at the real dict offset of classmethod instances.
///     let def = AT_OFFSET.get_or_init(|| MemberDef { offset: t.tp_dictoffset.get(), ..DICT });
///     // SAFETY: the field is the owned-or-null dict pointer of every classmethod.
///     let d = unsafe { pyrt_typeobject::descr::member_descr_new(py, t, def) }.unwrap();
///     assert_eq!(d.type_name(), "member_descriptor");
/// });
/// ```
///
/// # Safety
/// `def.kind` and `def.offset` describe a real field of every instance of `tp` (for the
/// object kinds, a pointer slot that holds an owned reference or null and that nothing
/// else reinterprets).
pub unsafe fn member_descr_new<'py>(
    py: Python<'py>,
    tp: &TypeObject,
    def: &'static MemberDef,
) -> PyResult<Bound<'py, PyAny>> {
    let name = name_obj(py, def.name)?;
    // SAFETY: forwarded from the caller.
    let d = unsafe { member_descr_raw(py, tp, name, def.kind, def.offset, def.readonly)? };
    payload(py, &d)?.doc.set(def.doc);
    Ok(d)
}

/// A member descriptor of `tp` named `name` for a field of `kind` at `offset`.
///
/// # Safety
/// As for [`member_descr_new`].
pub(crate) unsafe fn member_descr_raw<'py>(
    py: Python<'py>,
    tp: &TypeObject,
    name: Bound<'py, StrObject>,
    kind: MemberKind,
    offset: isize,
    readonly: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let o = generic_alloc(py, py.builtins().member_descriptor(), 0)?;
    let d = payload(py, &o)?;
    d.d_type.set(py, Some(Bound::from_ref(py, tp)));
    d.d_name.set(py, Some(name));
    // SAFETY: the caller guarantees the field exists in every instance of tp.
    unsafe {
        d.kind.set(kind as u8);
        d.offset.set(offset);
    }
    d.readonly.set(readonly);
    Ok(o)
}

/// Stores the type's slots and attribute tables.
pub(crate) fn install(tp: &TypeObject) {
    tp.tp_descr_get.set(Some(member_get));
    tp.tp_descr_set.set(Some(member_set));
    tp.tp_repr.set(Some(member_repr));
    tp.tp_getset.set(&GETSET);
    tp.tp_members.set(&MEMBERS);
}

fn payload<'a, 'py>(
    py: Python<'py>,
    obj: &'a Bound<'py, PyAny>,
) -> PyResult<&'a Bound<'py, MemberDescrObject>> {
    obj.downcast::<MemberDescrObject>()
        .map_err(|_| PyErr::system_error(py, "expected a member descriptor"))
}

/// The checked field of `d` in `obj`: `obj` is an instance of the defining type (else
/// CPython's descriptor message) and the field lies inside it.
fn field<'py>(
    py: Python<'py>,
    d: &MemberDescrObject,
    obj: &Bound<'py, PyAny>,
) -> PyResult<(MemberKind, isize, Bound<'py, StrObject>)> {
    let (t, name) = type_and_name(py, &d.d_type, &d.d_name)?;
    check_instance(py, &t, name.as_str(), obj)?;
    let kind = KINDS
        .get(d.kind.get() as usize)
        .copied()
        .ok_or_else(|| PyErr::system_error(py, "bad member kind"))?;
    let offset = d.offset.get();
    if !member_fits(kind, offset, obj.ob_type().tp_basicsize.get()) {
        return Err(PyErr::system_error(
            py,
            format!("member '{}' lies outside the instance", name.as_str()),
        ));
    }
    Ok((kind, offset, name))
}

/// `__get__`: itself on the class; the field's value on an instance.
fn member_get<'py>(
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
    let d = payload(py, descr)?;
    let (kind, offset, name) = field(py, d, obj)?;
    // SAFETY: the descriptor's invariant (kind/offset describe a field of every instance
    // of d_type), `obj` is such an instance, and the field lies inside it.
    match unsafe { member_read(py, obj.as_any_ref(), kind, offset) } {
        MemberValue::Object(Some(v)) => Ok(v),
        MemberValue::Object(None) if kind == MemberKind::ObjectEx => Err(PyErr::attribute_error(
            py,
            format!(
                "'{}' object has no attribute '{}'",
                names::tp_name(obj.ob_type()),
                name.as_str()
            ),
        )),
        MemberValue::Object(None) => Ok(none(py)),
        MemberValue::Int(i) => Ok(int_new(py, i)?.into_any()),
        MemberValue::Bool(b) => Ok(bool_obj(py, b)),
    }
}

/// The value to store for `kind`, with CPython's conversion messages.
fn convert<'py>(
    py: Python<'py>,
    kind: MemberKind,
    value: &Bound<'py, PyAny>,
) -> PyResult<MemberValue<'py>> {
    match kind {
        MemberKind::Object | MemberKind::ObjectEx => Ok(MemberValue::Object(Some(value.clone()))),
        MemberKind::Bool => {
            if std::ptr::eq(value.ob_type(), py.builtins().bool_()) {
                // SAFETY: exact bool, laid out as an int.
                Ok(MemberValue::Bool(
                    unsafe { value.downcast_unchecked::<IntObject>() }.value() != 0,
                ))
            } else {
                Err(PyErr::type_error(py, "attribute value type must be bool"))
            }
        }
        MemberKind::Ssize => match index_value(py, value)? {
            Some(i) => Ok(MemberValue::Int(i)),
            None => Err(PyErr::type_error(py, "an integer is required")),
        },
        MemberKind::I64 => match index_value(py, value)? {
            Some(i) => Ok(MemberValue::Int(i)),
            None => Err(PyErr::type_error(
                py,
                format!(
                    "'{}' object cannot be interpreted as an integer",
                    names::tp_name(value.ob_type())
                ),
            )),
        },
    }
}

/// `__set__` / `__delete__`.
fn member_set<'py>(
    py: Python<'py>,
    descr: &Bound<'py, PyAny>,
    obj: &Bound<'py, PyAny>,
    value: Option<&Bound<'py, PyAny>>,
) -> PyResult<()> {
    let d = payload(py, descr)?;
    let (kind, offset, name) = field(py, d, obj)?;
    if d.readonly.get() {
        return Err(PyErr::attribute_error(py, "readonly attribute"));
    }
    let new = match value {
        Some(v) => convert(py, kind, v)?,
        None if matches!(kind, MemberKind::Object | MemberKind::ObjectEx) => {
            MemberValue::Object(None)
        }
        None => return Err(PyErr::type_error(py, "can't delete numeric/char attribute")),
    };
    // SAFETY: as in member_get.
    let old = unsafe { member_write(py, obj.as_any_ref(), kind, offset, new) };
    if value.is_none() && old.is_none() && kind == MemberKind::ObjectEx {
        return Err(PyErr::attribute_error(py, name.as_str()));
    }
    drop(old);
    Ok(())
}

/// `<member 'NAME' of 'T' objects>`.
fn member_repr<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py>> {
    let d = payload(py, obj)?;
    descr_repr(py, "member", &d.d_type, &d.d_name)
}

fn get_doc<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    opt_str(py, payload(py, obj)?.doc.get())
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
        offset: std::mem::offset_of!(MemberDescrObject, d_type) as isize,
        readonly: true,
        doc: None,
    },
    MemberDef {
        name: "__name__",
        kind: MemberKind::Object,
        offset: std::mem::offset_of!(MemberDescrObject, d_name) as isize,
        readonly: true,
        doc: None,
    },
];
