//! `method_descriptor` and `classmethod_descriptor`: the descriptors `type_ready` makes
//! from a type's `tp_methods`. `__get__` binds them to a native function
//! (`builtin_function_or_method`); calling one unbound takes the receiver as the first
//! argument, checked against the defining type with CPython's messages.
//!
//! Owns both types' slots and attributes, and [`method_descr_new`] (which also turns
//! `METH_STATIC` entries into `staticmethod` objects). Must not implement the argument
//! checks of the call itself (`native_call`).

use super::common::{
    call_parts, check_instance, descr_repr, doc_body, get_none_none, new_str, opt_str, qualified,
    text_signature, type_and_name,
};
use super::native_call::call_def;
use super::native_function::native_function;
use super::staticmethod::staticmethod_new;
use crate::names;
use pyrt_core::builtins::{DictObject, MethodDescrObject, intern};
use pyrt_core::object::generic_alloc;
use pyrt_core::types::{GetSetDef, MemberDef, MemberKind, MethodDef, MethodFlags, TypeObject};
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python, TypeFlags};

/// The dict entry for a `tp_methods` entry of `tp`: a `method_descriptor`, a
/// `classmethod_descriptor` (`METH_CLASS`) or a `staticmethod` wrapping an unbound
/// native function (`METH_STATIC`). Both flags together are a `ValueError`, as in
/// CPython.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let append = pyrt_typeobject::attr::lookup_str(py, py.builtins().list(), "append").unwrap();
///     assert_eq!(append.type_name(), "method_descriptor");
/// });
/// ```
pub fn method_descr_new<'py>(
    py: Python<'py>,
    tp: &TypeObject,
    def: &'static MethodDef,
) -> PyResult<Bound<'py, PyAny>> {
    let class = def.flags.0 & MethodFlags::CLASS.0 != 0;
    let static_ = def.flags.0 & MethodFlags::STATIC.0 != 0;
    let b = py.builtins();
    let descr_type = match (class, static_) {
        (true, true) => {
            return Err(PyErr::value_error(
                py,
                "method cannot be both class and static",
            ));
        }
        (false, true) => {
            let owner = Bound::from_ref(py, tp).into_any();
            let f = native_function(py, def, Some(&owner))?;
            return Ok(staticmethod_new(py, f.as_any())?.into_any());
        }
        (true, false) => b.classmethod_descriptor(),
        (false, false) => b.method_descriptor(),
    };
    let o = generic_alloc(py, descr_type, 0)?;
    let d = payload(py, &o)?;
    d.d_type.set(py, Some(Bound::from_ref(py, tp)));
    d.d_name.set(py, Some(intern(py, def.name)?));
    d.def.set(Some(def));
    Ok(o)
}

/// Stores the slots and attribute tables of both types.
pub(crate) fn install(method: &TypeObject, classmethod: &TypeObject) {
    method.tp_descr_get.set(Some(method_get));
    method.tp_call.set(Some(method_call));
    classmethod.tp_descr_get.set(Some(classmethod_get));
    classmethod.tp_call.set(Some(classmethod_call));
    for tp in [method, classmethod] {
        tp.tp_repr.set(Some(method_descr_repr));
        tp.tp_getset.set(&GETSET);
        tp.tp_members.set(&MEMBERS);
    }
    // SAFETY: behaviour flag: instances behave like unbound methods.
    unsafe { method.add_flags(TypeFlags::METHOD_DESCRIPTOR) };
}

#[inline]
fn payload<'a, 'py>(
    py: Python<'py>,
    obj: &'a Bound<'py, PyAny>,
) -> PyResult<&'a Bound<'py, MethodDescrObject>> {
    let (tp, b) = (obj.ob_type(), py.builtins());
    if std::ptr::eq(tp, b.method_descriptor()) || std::ptr::eq(tp, b.classmethod_descriptor()) {
        // SAFETY: both types lay their instances out as MethodDescrObject (and neither
        // can be subclassed, so the exact test is the whole test in practice).
        return Ok(unsafe { obj.downcast_unchecked::<MethodDescrObject>() });
    }
    obj.downcast::<MethodDescrObject>()
        .map_err(|_| PyErr::system_error(py, "expected a method descriptor"))
}

/// The descriptor's parts: defining type, definition.
fn parts<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
) -> PyResult<(Bound<'py, TypeObject>, &'static MethodDef)> {
    let d = payload(py, obj)?;
    let (t, _) = type_and_name(py, &d.d_type, &d.d_name)?;
    let def = d
        .def
        .get()
        .ok_or_else(|| PyErr::system_error(py, "method descriptor without a definition"))?;
    Ok((t, def))
}

/// [`parts`] without new references: the defining type borrowed from the descriptor.
/// The caller must not run code that could modify the descriptor while the borrow
/// lives (binding runs none: the instance check and the allocation are pure).
#[inline]
fn parts_borrowed<'a>(
    py: Python<'_>,
    d: &'a MethodDescrObject,
) -> PyResult<(&'a TypeObject, &'static MethodDef)> {
    // SAFETY: the descriptor owns its type reference; the caller keeps the descriptor
    // alive and unmodified while the borrow lives (documented contract above).
    // (`tp_clear` empties the type and the name together, and a descriptor is
    // published only once both are set, so the type alone tells "cleared".)
    let t = unsafe { d.d_type.get_ref() };
    match (t, d.def.get()) {
        (Some(t), Some(def)) => Ok((t, def)),
        (None, _) => Err(PyErr::system_error(py, "descriptor was cleared")),
        (_, None) => Err(PyErr::system_error(
            py,
            "method descriptor without a definition",
        )),
    }
}

/// `__get__` of `method_descriptor`: itself on the class, a bound native function on an
/// instance of the defining type.
fn method_get<'py>(
    py: Python<'py>,
    descr: &Bound<'py, PyAny>,
    obj: Option<&Bound<'py, PyAny>>,
    _owner: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let Some(obj) = obj else {
        return Ok(descr.clone());
    };
    bind_to_instance(py, payload(py, descr)?, obj)
}

/// `descr` if it is exactly a `method_descriptor` (the type cannot be subclassed).
#[inline(always)]
pub(crate) fn as_method_descriptor<'a>(
    py: Python<'_>,
    descr: &'a PyAny,
) -> Option<&'a MethodDescrObject> {
    if std::ptr::eq(descr.ob_type(), py.builtins().method_descriptor()) {
        // SAFETY: the type lays its instances out as MethodDescrObject.
        return Some(unsafe { &*(descr as *const PyAny as *const MethodDescrObject) });
    }
    None
}

/// `descr.__get__(obj)` for an instance: the definition bound to `obj` after the
/// instance check. Runs no code (the check and the allocation are pure), so the caller
/// may keep `descr` borrowed from the dict that owns it (the generic getattr does, as
/// CPython keeps its descriptor borrowed through the call).
#[inline(always)]
pub(crate) fn bind_to_instance<'py>(
    py: Python<'py>,
    descr: &MethodDescrObject,
    obj: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let (t, def) = parts_borrowed(py, descr)?;
    check_instance(py, t, def.name, obj)?;
    Ok(native_function(py, def, Some(obj))?.into_any())
}

/// The owner a class method binds to: `owner`, else `type(obj)`; it must be a subtype
/// of the defining type.
fn class_owner<'py>(
    py: Python<'py>,
    t: &TypeObject,
    def: &MethodDef,
    obj: Option<&Bound<'py, PyAny>>,
    owner: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let owner = match (owner, obj) {
        (Some(o), _) => o.clone(),
        (None, Some(obj)) => obj.get_type().into_any(),
        (None, None) => return Err(get_none_none(py)),
    };
    check_class_arg(py, t, def, &owner)?;
    Ok(owner)
}

/// `descriptor 'N' for type 'T' needs a type, not a 'U' as arg 2` /
/// `descriptor 'N' requires a subtype of 'T' but received 'U'`.
fn check_class_arg(
    py: Python<'_>,
    t: &TypeObject,
    def: &MethodDef,
    owner: &Bound<'_, PyAny>,
) -> PyResult<()> {
    let Ok(owner_t) = owner.downcast::<TypeObject>() else {
        return Err(PyErr::type_error(
            py,
            format!(
                "descriptor '{}' for type '{}' needs a type, not a '{}' as arg 2",
                def.name,
                names::tp_name(t),
                names::tp_name(owner.ob_type())
            ),
        ));
    };
    if owner_t.is_subtype(t) {
        return Ok(());
    }
    Err(PyErr::type_error(
        py,
        format!(
            "descriptor '{}' requires a subtype of '{}' but received '{}'",
            def.name,
            names::tp_name(t),
            names::tp_name(owner_t)
        ),
    ))
}

/// `__get__` of `classmethod_descriptor`: a native function bound to the owner type.
fn classmethod_get<'py>(
    py: Python<'py>,
    descr: &Bound<'py, PyAny>,
    obj: Option<&Bound<'py, PyAny>>,
    owner: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    // Binding runs no code (the owner checks are pure), so the borrow is kept valid.
    let (t, def) = parts_borrowed(py, payload(py, descr)?)?;
    let owner = class_owner(py, t, def, obj, owner)?;
    Ok(native_function(py, def, Some(&owner))?.into_any())
}

/// `list.append(l, x)`: the first argument is the receiver.
fn method_call<'py>(
    py: Python<'py>,
    descr: &Bound<'py, PyAny>,
    args: &Bound<'py, PyAny>,
    kwargs: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let (t, def) = parts(py, descr)?;
    let a = call_parts(py, args, kwargs)?;
    let Some((recv, rest)) = a.args.items(py).split_first() else {
        return Err(PyErr::type_error(
            py,
            format!(
                "unbound method {}() needs an argument",
                qualified(py, &t, def.name)
            ),
        ));
    };
    call_unbound(py, &t, def, recv, rest, a.kwargs)
}

/// Calls a method definition of `t` on `recv` after the instance check (the path
/// `call_method` takes for method descriptors, without creating a bound function).
pub(crate) fn call_unbound<'py>(
    py: Python<'py>,
    t: &TypeObject,
    def: &MethodDef,
    recv: &Bound<'py, PyAny>,
    args: &[Bound<'py, PyAny>],
    kwargs: Option<&Bound<'py, DictObject>>,
) -> PyResult<Bound<'py, PyAny>> {
    check_instance(py, t, def.name, recv)?;
    call_def(py, def, Some(recv), args, kwargs, || {
        qualified(py, t, def.name)
    })
}

/// `dict.__dict__['fromkeys'](dict, ...)`: the first argument is the owner type.
fn classmethod_call<'py>(
    py: Python<'py>,
    descr: &Bound<'py, PyAny>,
    args: &Bound<'py, PyAny>,
    kwargs: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let (t, def) = parts(py, descr)?;
    let a = call_parts(py, args, kwargs)?;
    let Some((owner, rest)) = a.args.items(py).split_first() else {
        return Err(PyErr::type_error(
            py,
            format!(
                "descriptor '{}' of '{}' object needs an argument",
                def.name,
                names::tp_name(&t)
            ),
        ));
    };
    check_class_arg(py, &t, def, owner)?;
    call_def(py, def, Some(owner), rest, a.kwargs, || {
        qualified(py, &t, def.name)
    })
}

/// `<method 'NAME' of 'T' objects>`.
fn method_descr_repr<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py>> {
    let d = payload(py, obj)?;
    descr_repr(py, "method", &d.d_type, &d.d_name)
}

fn get_doc<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let (_, def) = parts(py, obj)?;
    opt_str(py, doc_body(def.name, def.doc))
}

fn get_qualname<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let (t, def) = parts(py, obj)?;
    new_str(py, &qualified(py, &t, def.name))
}

fn get_text_signature<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let (_, def) = parts(py, obj)?;
    opt_str(py, text_signature(def.name, def.doc))
}

static GETSET: [GetSetDef; 3] = [
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
    GetSetDef {
        name: "__text_signature__",
        get: Some(get_text_signature),
        set: None,
        doc: None,
    },
];

static MEMBERS: [MemberDef; 2] = [
    MemberDef {
        name: "__objclass__",
        kind: MemberKind::Object,
        offset: std::mem::offset_of!(MethodDescrObject, d_type) as isize,
        readonly: true,
        doc: None,
    },
    MemberDef {
        name: "__name__",
        kind: MemberKind::Object,
        offset: std::mem::offset_of!(MethodDescrObject, d_name) as isize,
        readonly: true,
        doc: None,
    },
];
