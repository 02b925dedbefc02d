//! What `classmethod` and `staticmethod` share: construction (`tp_new`, `tp_init` with
//! CPython's argument messages), the repr `<classmethod(REPR)>`, and the `__func__` /
//! `__wrapped__` members and `__dict__` attribute.
//!
//! Owns those shared pieces. Must not implement either type's binding (`__get__`).

use super::common::new_str;
use super::dict_attr::DICT_GETSET;
use crate::attr::{getattr, instance_dict};
use crate::builtins::args::{Kwargs, no_keywords};
use crate::builtins::call::{alloc_instance, repr_of};
use pyrt_core::builtins::{FuncWrapperObject, TupleObject, intern};
use pyrt_core::types::{GetSetDef, MemberDef, MemberKind, TypeObject};
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python, TypeFlags};

/// A new wrapper of type `tp` around `callable`.
pub(crate) fn wrapper_new<'py>(
    py: Python<'py>,
    tp: &TypeObject,
    callable: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, FuncWrapperObject>> {
    let o = alloc_instance(py, tp, 0)?;
    let w = payload(py, &o)?.clone();
    w.callable.set(py, Some(callable.clone()));
    Ok(w)
}

/// Stores the shared slots and tables in `tp` (`classmethod` or `staticmethod`).
pub(crate) fn install_shared(tp: &TypeObject) {
    tp.tp_new.set(Some(wrapper_new_slot));
    tp.tp_init.set(Some(wrapper_init));
    tp.tp_repr.set(Some(wrapper_repr));
    tp.tp_members.set(&MEMBERS);
    tp.tp_getset.set(&GETSET);
    // SAFETY: behaviour flag: the types may be subclassed.
    unsafe { tp.add_flags(TypeFlags::BASETYPE) };
}

pub(crate) fn payload<'a, 'py>(
    py: Python<'py>,
    obj: &'a Bound<'py, PyAny>,
) -> PyResult<&'a Bound<'py, FuncWrapperObject>> {
    obj.downcast::<FuncWrapperObject>()
        .map_err(|_| PyErr::system_error(py, "expected a classmethod or staticmethod"))
}

/// The wrapped callable (`RuntimeError: uninitialized NAME object` when unset).
pub(crate) fn callable_of<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    payload(py, obj)?.callable.get(py).ok_or_else(|| {
        PyErr::runtime_error(
            py,
            format!("uninitialized {} object", obj.ob_type().name_string()),
        )
    })
}

/// The Python name of the wrapper's base type (`classmethod` or `staticmethod`).
fn base_name(py: Python<'_>, tp: &TypeObject) -> &'static str {
    if tp.is_subtype(py.builtins().classmethod()) {
        "classmethod"
    } else {
        "staticmethod"
    }
}

fn wrapper_new_slot<'py>(
    py: Python<'py>,
    tp: &Bound<'py, TypeObject>,
    _args: &Bound<'py, TupleObject>,
    _kwargs: Kwargs<'_, 'py>,
) -> PyResult<Bound<'py, PyAny>> {
    alloc_instance(py, tp, 0)
}

/// `classmethod(f)` / `staticmethod(f)`: exactly one positional argument.
fn wrapper_init<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    args: &Bound<'py, TupleObject>,
    kwargs: Kwargs<'_, 'py>,
) -> PyResult<()> {
    let name = base_name(py, obj.ob_type());
    no_keywords(py, name, kwargs)?;
    let [f] = args.items(py) else {
        return Err(PyErr::type_error(
            py,
            format!("{name} expected 1 argument, got {}", args.len()),
        ));
    };
    payload(py, obj)?.callable.set(py, Some(f.clone()));
    copy_wrapped_attributes(py, obj, f)
}

/// Like `functools.update_wrapper` (3.10+): `__module__`, `__name__`, `__qualname__`
/// and `__doc__` of the wrapped callable, where it has them, go into the wrapper's
/// `__dict__`.
fn copy_wrapped_attributes<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    f: &Bound<'py, PyAny>,
) -> PyResult<()> {
    let Some(dict) = instance_dict(py, obj)? else {
        return Ok(());
    };
    for name in ["__module__", "__name__", "__qualname__", "__doc__"] {
        let key = intern(py, name)?.into_any();
        match getattr(py, f, &key) {
            Ok(v) => dict.set_item(py, &key, &v)?,
            Err(e) if e.is_instance_of(py, py.builtins().attribute_error()) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// `<classmethod(REPR)>` / `<staticmethod(REPR)>` (the base name, as CPython prints).
fn wrapper_repr<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py>> {
    let f = callable_of(py, obj)?;
    let r = repr_of(py, &f)?;
    let name = base_name(py, obj.ob_type());
    new_str(py, &format!("<{name}({})>", r.as_str()))
}

static MEMBERS: [MemberDef; 2] = [
    MemberDef {
        name: "__func__",
        kind: MemberKind::Object,
        offset: std::mem::offset_of!(FuncWrapperObject, callable) as isize,
        readonly: true,
        doc: None,
    },
    MemberDef {
        name: "__wrapped__",
        kind: MemberKind::Object,
        offset: std::mem::offset_of!(FuncWrapperObject, callable) as isize,
        readonly: true,
        doc: None,
    },
];

static GETSET: [GetSetDef; 1] = [DICT_GETSET];
