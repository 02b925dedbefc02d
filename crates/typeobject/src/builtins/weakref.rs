//! The behaviour slots of `weakref.ReferenceType` (`weakref.ref`): construction with
//! CPython's argument messages, calling (the referent or `None`), repr, hash (the
//! referent's, cached; `weak object has gone away` when it was never computed and the
//! referent is gone), equality (the referents' while both live, identity otherwise) and
//! the read-only `__callback__` member.
//!
//! Owns what the type *does*; the payload, the lists and clearing are
//! `pyrt_core::weakref`'s. Every message and repr matches CPython 3.11, recorded by
//! `tests/fixtures/record_weakref.py`.

use super::args::{Kwargs, no_keywords};
use crate::attr::lookup_str;
use crate::builtins::call::new_str;
use crate::names;
use pyrt_core::builtins::{StrObject, TupleObject};
use pyrt_core::protocol::{hash, none, rich_compare};
use pyrt_core::types::{CompareOp, MemberDef, MemberKind, TypeObject};
use pyrt_core::weakref::{WeakRef, new_weakref_of_type};
use pyrt_core::{Bound, PyErr, PyResult, Python, TypeFlags};

/// The `__callback__` member (read-only).
static MEMBERS: [MemberDef; 1] = [MemberDef {
    name: "__callback__",
    kind: MemberKind::Object,
    offset: WeakRef::callback_offset(),
    readonly: true,
    doc: None,
}];

/// Stores the slots of `weakref.ReferenceType`.
pub(crate) fn install(tp: &TypeObject) {
    // SAFETY: behaviour flag (subclassing); subclasses extend the WeakRef layout.
    unsafe {
        tp.add_flags(TypeFlags::BASETYPE);
    }
    tp.tp_new.set(Some(weakref_tp_new));
    tp.tp_init.set(Some(weakref_init));
    tp.tp_call.set(Some(weakref_call));
    tp.tp_repr.set(Some(weakref_repr));
    tp.tp_hash.set(Some(weakref_hash));
    tp.tp_richcompare.set(Some(weakref_richcompare));
    tp.tp_members.set(&MEMBERS);
}

/// `(object[, callback])`, with `__new__`/`__init__`'s messages: the count first, then
/// `ref() takes no keyword arguments`.
fn parse_args<'a, 'py>(
    py: Python<'py>,
    what: &str,
    args: &'a Bound<'py, TupleObject>,
    kwargs: Kwargs<'_, 'py>,
) -> PyResult<(&'a Bound<'py>, Option<&'a Bound<'py>>)> {
    let items = args.items(py);
    let n = items.len();
    if n == 0 {
        return Err(PyErr::type_error(
            py,
            format!("{what} expected at least 1 argument, got 0"),
        ));
    }
    if n > 2 {
        return Err(PyErr::type_error(
            py,
            format!("{what} expected at most 2 arguments, got {n}"),
        ));
    }
    no_keywords(py, "ref", kwargs)?;
    Ok((&items[0], items.get(1)))
}

/// `weakref.ref.__new__(type, object[, callback])`.
fn weakref_tp_new<'py>(
    py: Python<'py>,
    tp: &Bound<'py, TypeObject>,
    args: &Bound<'py, TupleObject>,
    kwargs: Kwargs<'_, 'py>,
) -> PyResult<Bound<'py>> {
    let (obj, callback) = parse_args(py, "__new__", args, kwargs)?;
    Ok(new_weakref_of_type(py, tp, obj, callback)?.into_any())
}

/// `weakref.ref.__init__`: checks the arguments as `__new__` does, nothing else.
fn weakref_init<'py>(
    py: Python<'py>,
    _obj: &Bound<'py>,
    args: &Bound<'py, TupleObject>,
    kwargs: Kwargs<'_, 'py>,
) -> PyResult<()> {
    parse_args(py, "__init__", args, kwargs).map(drop)
}

/// The object as a weak reference (every slot here is installed on weakref types).
fn as_weakref<'a, 'py>(obj: &'a Bound<'py>) -> &'a Bound<'py, WeakRef> {
    // SAFETY: these slots are installed on weakref.ReferenceType and inherited only by
    // its subtypes, whose instances extend WeakRef.
    unsafe { obj.downcast_unchecked::<WeakRef>() }
}

/// `r()`: the referent, or `None` once it is gone.
fn weakref_call<'py>(
    py: Python<'py>,
    obj: &Bound<'py>,
    args: &Bound<'py>,
    kwargs: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    // SAFETY: tp_call receives an args tuple and a kwargs dict or nothing.
    let (args, kwargs) = unsafe {
        (
            args.downcast_unchecked::<TupleObject>(),
            kwargs.map(|k| k.downcast_unchecked()),
        )
    };
    no_keywords(py, "weakref", kwargs)?;
    if !args.is_empty() {
        return Err(PyErr::type_error(
            py,
            format!("weakref expected 0 arguments, got {}", args.len()),
        ));
    }
    Ok(as_weakref(obj).upgrade(py).unwrap_or_else(|| none(py)))
}

/// `<weakref at 0x…; to 'T' at 0x…>`, with ` (name)` when the referent's type defines a
/// `__name__` that gives a str for it (as for types and functions);
/// `<weakref at 0x…; dead>` once the referent is gone.
fn weakref_repr<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    let at = obj.as_ptr().as_ptr() as usize;
    let Some(referent) = as_weakref(obj).upgrade(py) else {
        return new_str(py, &format!("<weakref at {at:#x}; dead>"));
    };
    let mut text = format!(
        "<weakref at {at:#x}; to '{}' at {:#x}",
        names::tp_name(referent.ob_type()),
        referent.as_ptr().as_ptr() as usize
    );
    if let Some(name) = special_name(py, &referent)? {
        text.push_str(&format!(" ({name})"));
    }
    text.push('>');
    new_str(py, &text)
}

/// `__name__` looked up on the referent's type (a special lookup, as CPython's repr
/// does: an instance's own `__name__` attribute does not count), bound to the
/// referent; `None` when absent or not a str. Types answer with their name.
fn special_name(py: Python<'_>, referent: &Bound<'_>) -> PyResult<Option<String>> {
    let value = match lookup_str(py, referent.ob_type(), "__name__") {
        Some(descr) => match descr.ob_type().tp_descr_get.get() {
            Some(get) => get(
                py,
                &descr,
                Some(referent),
                Some(&referent.get_type().into_any()),
            )?,
            None => descr,
        },
        None => match referent.downcast::<TypeObject>() {
            Ok(tp) => return Ok(Some(names::name(py, tp))),
            Err(_) => return Ok(None),
        },
    };
    Ok(value
        .downcast::<StrObject>()
        .ok()
        .map(|s| s.as_str().to_owned()))
}

/// `hash(r)`: the referent's hash, computed once and kept after the referent is gone.
fn weakref_hash(py: Python<'_>, obj: &Bound<'_>) -> PyResult<isize> {
    let wr = as_weakref(obj);
    if let Some(h) = wr.cached_hash() {
        return Ok(h);
    }
    let Some(referent) = wr.upgrade(py) else {
        return Err(PyErr::type_error(py, "weak object has gone away"));
    };
    let h = hash(py, &referent)?;
    wr.cache_hash(h);
    Ok(h)
}

/// `==` / `!=`: the referents compared while both live, identity of the weak
/// references otherwise; `NotImplemented` for other operators and other types.
fn weakref_richcompare<'py>(
    py: Python<'py>,
    a: &Bound<'py>,
    b: &Bound<'py>,
    op: CompareOp,
) -> PyResult<Bound<'py>> {
    let not_implemented = || Ok(Bound::from_ref(py, py.singletons().not_implemented()));
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return not_implemented();
    }
    let Ok(other) = b.downcast::<WeakRef>() else {
        return not_implemented();
    };
    match (as_weakref(a).upgrade(py), other.upgrade(py)) {
        (Some(x), Some(y)) => rich_compare(py, &x, &y, op),
        _ => {
            let same = a.is(b) == (op == CompareOp::Eq);
            Ok(pyrt_core::protocol::bool_obj(py, same))
        }
    }
}
