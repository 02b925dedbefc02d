//! `method`: a callable bound to an instance (`__func__`, `__self__`). Calling it calls
//! the function with `__self__` prepended; other attributes are read from the function.
//!
//! Owns the type's slots (new, call, getattro, repr, comparison, hash), its attributes
//! and [`bound_method`]. Must not decide when methods are bound (descriptors do).

use super::common::{call_parts, new_str};
use crate::attr::{getattr, type_lookup};
use crate::builtins::args::{Kwargs, no_keywords};
use crate::builtins::call::{not_implemented, repr_of};
use crate::call::call_args;
use pyrt_core::builtins::{BoundMethodObject, StrObject, TupleObject, bound_method_new, intern};
use pyrt_core::protocol::{bool_obj, hash, rich_compare_bool};
use pyrt_core::types::{CompareOp, GetSetDef, MemberDef, MemberKind, TypeObject};
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python};
use smallvec::SmallVec;

/// `types.MethodType(func, self_)`: a new bound method.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let l = pyrt_core::builtins::list_new(py, &[]).unwrap().into_any();
///     let append = pyrt_typeobject::attr::lookup_str(py, py.builtins().list(), "append").unwrap();
///     let m = pyrt_typeobject::descr::bound_method(py, &append, &l).unwrap();
///     let one = pyrt_core::builtins::int_new(py, 1).unwrap().into_any();
///     pyrt_typeobject::call::call1(py, m.as_any(), &one).unwrap();
///     assert_eq!(l.downcast::<pyrt_core::builtins::ListObject>().unwrap().len(), 1);
/// });
/// ```
pub fn bound_method<'py>(
    py: Python<'py>,
    func: &Bound<'py, PyAny>,
    self_: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, BoundMethodObject>> {
    bound_method_new(py, func, self_)
}

/// Stores the type's slots and attribute tables.
pub(crate) fn install(tp: &TypeObject) {
    tp.tp_new.set(Some(method_new));
    tp.tp_call.set(Some(method_call));
    tp.tp_getattro.set(Some(method_getattro));
    tp.tp_repr.set(Some(method_repr));
    tp.tp_richcompare.set(Some(method_richcompare));
    tp.tp_hash.set(Some(method_hash));
    tp.tp_getset.set(&GETSET);
    tp.tp_members.set(&MEMBERS);
}

fn payload<'a, 'py>(
    py: Python<'py>,
    obj: &'a Bound<'py, PyAny>,
) -> PyResult<&'a Bound<'py, BoundMethodObject>> {
    obj.downcast::<BoundMethodObject>()
        .map_err(|_| PyErr::system_error(py, "expected a method"))
}

/// `(__func__, __self__)`.
fn parts<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyAny>)> {
    let m = payload(py, obj)?;
    match (m.func.get(py), m.self_.get(py)) {
        (Some(f), Some(s)) => Ok((f, s)),
        _ => Err(PyErr::system_error(py, "method was cleared")),
    }
}

/// `method(func, self)`: `method() takes no keyword arguments`,
/// `method expected 2 arguments, got N`, `first argument must be callable`,
/// `instance must not be None`.
fn method_new<'py>(
    py: Python<'py>,
    _tp: &Bound<'py, TypeObject>,
    args: &Bound<'py, TupleObject>,
    kwargs: Kwargs<'_, 'py>,
) -> PyResult<Bound<'py, PyAny>> {
    no_keywords(py, "method", kwargs)?;
    let [func, self_] = args.items(py) else {
        return Err(PyErr::type_error(
            py,
            format!("method expected 2 arguments, got {}", args.len()),
        ));
    };
    if func.ob_type().tp_call.get().is_none() {
        return Err(PyErr::type_error(py, "first argument must be callable"));
    }
    if std::ptr::eq(self_.as_any_ref(), py.singletons().none()) {
        return Err(PyErr::type_error(py, "instance must not be None"));
    }
    Ok(bound_method(py, func, self_)?.into_any())
}

/// Calls `__func__(__self__, *args, **kwargs)`.
fn method_call<'py>(
    py: Python<'py>,
    callable: &Bound<'py, PyAny>,
    args: &Bound<'py, PyAny>,
    kwargs: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let (func, self_) = parts(py, callable)?;
    let a = call_parts(py, args, kwargs)?;
    // `self` and the arguments on the stack for short calls (no heap vector), then the
    // function's call: a native function takes the slice, others get a tuple.
    let mut all: SmallVec<[Bound<'py, PyAny>; 8]> = SmallVec::with_capacity(a.args.len() + 1);
    all.push(self_);
    all.extend(a.args.items(py).iter().cloned());
    call_args(py, &func, &all, a.kwargs)
}

/// An attribute of the method type (descriptors bound to the method) first, else the
/// function's attribute.
fn method_getattro<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    name: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let key = name.downcast::<StrObject>().map_err(|_| {
        PyErr::type_error(
            py,
            format!(
                "attribute name must be string, not '{}'",
                name.ob_type().name_string()
            ),
        )
    })?;
    // SAFETY: the value is owned by a dict of the MRO; a reference is taken at once.
    let found =
        type_lookup(py, obj.ob_type(), key).map(|p| unsafe { Bound::from_borrowed_ptr(py, p) });
    if let Some(d) = found {
        return match d.ob_type().tp_descr_get.get() {
            Some(get) => get(py, &d, Some(obj), Some(&obj.get_type().into_any())),
            None => Ok(d),
        };
    }
    let (func, _) = parts(py, obj)?;
    getattr(py, &func, name)
}

/// The function's `__qualname__`, else `__name__`, else `?`.
fn func_name(py: Python<'_>, func: &Bound<'_, PyAny>) -> PyResult<String> {
    for attr in ["__qualname__", "__name__"] {
        let key = intern(py, attr)?.into_any();
        match getattr(py, func, &key) {
            Ok(v) => {
                if let Ok(s) = v.downcast::<StrObject>() {
                    return Ok(s.as_str().to_owned());
                }
            }
            Err(e) if e.is_instance_of(py, py.builtins().attribute_error()) => {}
            Err(e) => return Err(e),
        }
    }
    Ok("?".to_owned())
}

/// `<bound method QUALNAME of REPR(self)>`.
fn method_repr<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py>> {
    let (func, self_) = parts(py, obj)?;
    let name = func_name(py, &func)?;
    let r = repr_of(py, &self_)?;
    new_str(py, &format!("<bound method {name} of {}>", r.as_str()))
}

/// `==` / `!=`: the same `__self__` (identity) and equal functions.
fn method_richcompare<'py>(
    py: Python<'py>,
    a: &Bound<'py, PyAny>,
    b: &Bound<'py, PyAny>,
    op: CompareOp,
) -> PyResult<Bound<'py, PyAny>> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne)
        || a.downcast::<BoundMethodObject>().is_err()
        || b.downcast::<BoundMethodObject>().is_err()
    {
        return Ok(not_implemented(py));
    }
    let (fa, sa) = parts(py, a)?;
    let (fb, sb) = parts(py, b)?;
    let eq = sa.is(&sb) && rich_compare_bool(py, &fa, &fb, CompareOp::Eq)?;
    Ok(bool_obj(py, eq == (op == CompareOp::Eq)))
}

/// `__self__`'s identity combined with the function's hash.
fn method_hash(py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyResult<isize> {
    let (func, self_) = parts(py, obj)?;
    let h = (self_.as_any_ref().addr().rotate_right(4) as isize) ^ hash(py, &func)?;
    Ok(if h == -1 { -2 } else { h })
}

fn get_doc<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let (func, _) = parts(py, obj)?;
    getattr(py, &func, &intern(py, "__doc__")?.into_any())
}

static GETSET: [GetSetDef; 1] = [GetSetDef {
    name: "__doc__",
    get: Some(get_doc),
    set: None,
    doc: None,
}];

static MEMBERS: [MemberDef; 2] = [
    MemberDef {
        name: "__func__",
        kind: MemberKind::Object,
        offset: std::mem::offset_of!(BoundMethodObject, func) as isize,
        readonly: true,
        doc: Some("the function (or other callable) implementing a method"),
    },
    MemberDef {
        name: "__self__",
        kind: MemberKind::Object,
        offset: std::mem::offset_of!(BoundMethodObject, self_) as isize,
        readonly: true,
        doc: Some("the instance to which a method is bound"),
    },
];
