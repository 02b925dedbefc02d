//! `property`: a data descriptor built from accessor callables (`fget`, `fset`, `fdel`)
//! and a doc; `getter`/`setter`/`deleter` return new properties; `__set_name__` records
//! the attribute name used in CPython 3.11's messages
//! (`property 'x' of 'A' object has no setter`).
//!
//! Owns the type's slots, attributes and methods. Must not call `__set_name__` itself
//! (class creation does).

use super::common::get_none_none;
use crate::attr::getattr;
use crate::builtins::args::{Kwargs, bind};
use crate::builtins::call::{alloc_instance, repr_of};
use crate::call::{call, call_args};
use crate::names;
use pyrt_core::builtins::{PropertyObject, TupleObject, intern, tuple_new};
use pyrt_core::protocol::none;
use pyrt_core::types::{MemberDef, MemberKind, MethodDef, MethodFlags, MethodFn, TypeObject};
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python, TypeFlags};

/// Stores the type's slots and attribute tables.
pub(crate) fn install(tp: &TypeObject) {
    tp.tp_new.set(Some(property_new));
    tp.tp_init.set(Some(property_init));
    tp.tp_descr_get.set(Some(property_get));
    tp.tp_descr_set.set(Some(property_set));
    tp.tp_members.set(&MEMBERS);
    tp.tp_methods.set(&METHODS);
    // SAFETY: behaviour flag: property may be subclassed.
    unsafe { tp.add_flags(TypeFlags::BASETYPE) };
}

#[inline]
fn payload<'a, 'py>(
    py: Python<'py>,
    obj: &'a Bound<'py, PyAny>,
) -> PyResult<&'a Bound<'py, PropertyObject>> {
    if std::ptr::eq(obj.ob_type(), py.builtins().property()) {
        // SAFETY: `property` lays its instances out as PropertyObject.
        return Ok(unsafe { obj.downcast_unchecked::<PropertyObject>() });
    }
    obj.downcast::<PropertyObject>()
        .map_err(|_| PyErr::system_error(py, "expected a property"))
}

/// `None` (and absence) mean "no accessor".
fn non_none<'py>(py: Python<'py>, v: Option<Bound<'py, PyAny>>) -> Option<Bound<'py, PyAny>> {
    v.filter(|v| !std::ptr::eq(v.as_any_ref(), py.singletons().none()))
}

fn property_new<'py>(
    py: Python<'py>,
    tp: &Bound<'py, TypeObject>,
    _args: &Bound<'py, TupleObject>,
    _kwargs: Kwargs<'_, 'py>,
) -> PyResult<Bound<'py, PyAny>> {
    alloc_instance(py, tp, 0)
}

/// `property(fget=None, fset=None, fdel=None, doc=None)`. Without a doc, `fget.__doc__`
/// is used (if `fget` has one).
fn property_init<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    args: &Bound<'py, TupleObject>,
    kwargs: Kwargs<'_, 'py>,
) -> PyResult<()> {
    let params = ["fget", "fset", "fdel", "doc"];
    let mut v = bind(py, "property", &params, 0, args, kwargs)?.into_iter();
    let mut next = || non_none(py, v.next().flatten());
    let (fget, fset, fdel, doc) = (next(), next(), next(), next());
    let p = payload(py, obj)?;
    let getter_doc = doc.is_none() && fget.is_some();
    let doc = match (&doc, &fget) {
        (None, Some(g)) => doc_of(py, g)?,
        _ => doc,
    };
    p.fget.set(py, fget);
    p.fset.set(py, fset);
    p.fdel.set(py, fdel);
    p.doc.set(py, doc);
    p.getter_doc.set(getter_doc);
    Ok(())
}

/// `f.__doc__` if `f` has one (an `AttributeError` counts as none).
fn doc_of<'py>(py: Python<'py>, f: &Bound<'py, PyAny>) -> PyResult<Option<Bound<'py, PyAny>>> {
    match getattr(py, f, &intern(py, "__doc__")?.into_any()) {
        Ok(d) => Ok(non_none(py, Some(d))),
        Err(e) if e.is_instance_of(py, py.builtins().attribute_error()) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `property NAME of 'T' object has no WHAT` (`property of 'T' object …` without a name).
fn missing(py: Python<'_>, p: &PropertyObject, obj: &Bound<'_, PyAny>, what: &str) -> PyErr {
    let tname = names::qualname(py, obj.ob_type());
    let name = p.name.get(py).and_then(|n| repr_of(py, &n).ok());
    let text = match name {
        Some(n) => format!("property {} of '{tname}' object has no {what}", n.as_str()),
        None => format!("property of '{tname}' object has no {what}"),
    };
    PyErr::attribute_error(py, text)
}

/// `__get__`: itself on the class; `fget(obj)` on an instance.
fn property_get<'py>(
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
    let p = payload(py, descr)?;
    match p.fget.get(py) {
        Some(f) => call_args(py, &f, std::slice::from_ref(obj), None),
        None => Err(missing(py, p, obj, "getter")),
    }
}

/// `__set__` (`fset(obj, value)`) and `__delete__` (`fdel(obj)`).
fn property_set<'py>(
    py: Python<'py>,
    descr: &Bound<'py, PyAny>,
    obj: &Bound<'py, PyAny>,
    value: Option<&Bound<'py, PyAny>>,
) -> PyResult<()> {
    let p = payload(py, descr)?;
    let r = match value {
        Some(v) => match p.fset.get(py) {
            Some(f) => call_args(py, &f, &[obj.clone(), v.clone()], None),
            None => return Err(missing(py, p, obj, "setter")),
        },
        None => match p.fdel.get(py) {
            Some(f) => call_args(py, &f, std::slice::from_ref(obj), None),
            None => return Err(missing(py, p, obj, "deleter")),
        },
    };
    r.map(drop)
}

/// Which accessor `getter`/`setter`/`deleter` replaces.
#[derive(Clone, Copy)]
enum Accessor {
    Get,
    Set,
    Del,
}

/// A copy of the property (through its type, so subclasses are kept) with one accessor
/// replaced (`None` keeps the old one). A doc taken from the old getter is re-derived.
fn copy_with<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    which: Accessor,
    f: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let p = payload(py, obj)?;
    let new = non_none(py, Some(f.clone()));
    let pick =
        |own: Accessor, old: Option<Bound<'py, PyAny>>| match (own as u8 == which as u8, &new) {
            (true, Some(n)) => Some(n.clone()),
            _ => old,
        };
    let fget = pick(Accessor::Get, p.fget.get(py));
    let fset = pick(Accessor::Set, p.fset.get(py));
    let fdel = pick(Accessor::Del, p.fdel.get(py));
    let doc = if p.getter_doc.get() && matches!(which, Accessor::Get) && new.is_some() {
        None
    } else {
        p.doc.get(py)
    };
    let n = none(py);
    let args = [fget, fset, fdel, doc].map(|v| v.unwrap_or_else(|| n.clone()));
    let args = tuple_new(py, &args)?;
    let result = call(py, obj.get_type().as_any(), &args, None)?;
    if let (Ok(r), Some(name)) = (result.downcast::<PropertyObject>(), p.name.get(py)) {
        r.name.set(py, Some(name));
    }
    Ok(result)
}

fn getter<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    f: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    copy_with(py, obj, Accessor::Get, f)
}

fn setter<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    f: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    copy_with(py, obj, Accessor::Set, f)
}

fn deleter<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    f: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    copy_with(py, obj, Accessor::Del, f)
}

/// `__set_name__(owner, name)`: records the name.
fn set_name<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    args: &Bound<'py, TupleObject>,
) -> PyResult<Bound<'py, PyAny>> {
    let [_, name] = args.items(py) else {
        return Err(PyErr::type_error(
            py,
            format!(
                "__set_name__() takes 2 positional arguments but {} were given",
                args.len()
            ),
        ));
    };
    payload(py, obj)?.name.set(py, Some(name.clone()));
    Ok(none(py))
}

static METHODS: [MethodDef; 4] = [
    MethodDef {
        name: "getter",
        meth: MethodFn::O(getter),
        flags: MethodFlags(0),
        doc: Some("Descriptor to obtain a copy of the property with a different getter."),
    },
    MethodDef {
        name: "setter",
        meth: MethodFn::O(setter),
        flags: MethodFlags(0),
        doc: Some("Descriptor to obtain a copy of the property with a different setter."),
    },
    MethodDef {
        name: "deleter",
        meth: MethodFn::O(deleter),
        flags: MethodFlags(0),
        doc: Some("Descriptor to obtain a copy of the property with a different deleter."),
    },
    MethodDef {
        name: "__set_name__",
        meth: MethodFn::VarArgs(set_name),
        flags: MethodFlags(0),
        doc: Some("Method to set name of a property."),
    },
];

static MEMBERS: [MemberDef; 4] = [
    MemberDef {
        name: "fget",
        kind: MemberKind::Object,
        offset: std::mem::offset_of!(PropertyObject, fget) as isize,
        readonly: true,
        doc: None,
    },
    MemberDef {
        name: "fset",
        kind: MemberKind::Object,
        offset: std::mem::offset_of!(PropertyObject, fset) as isize,
        readonly: true,
        doc: None,
    },
    MemberDef {
        name: "fdel",
        kind: MemberKind::Object,
        offset: std::mem::offset_of!(PropertyObject, fdel) as isize,
        readonly: true,
        doc: None,
    },
    MemberDef {
        name: "__doc__",
        kind: MemberKind::Object,
        offset: std::mem::offset_of!(PropertyObject, doc) as isize,
        readonly: false,
        doc: None,
    },
];
