//! `type`'s own attributes: the getsets, members and methods stored in `type.__dict__`
//! (`__name__`, `__qualname__`, `__module__`, `__doc__`, `__text_signature__`,
//! `__annotations__`, `__bases__`, `__dict__`, `__base__`, `__mro__`, `__basicsize__`,
//! `__itemsize__`, `__flags__`, `__dictoffset__`, `__weakrefoffset__`, `mro()`,
//! `__subclasses__()`), with the setters' rules of `docs/heaptype-flags.md` (H5–H15).
//!
//! Owns those tables and functions. Every write to a type's dict goes through
//! `attr::type_dict_set`. Must not implement `__bases__` assignment (that is
//! `type_mutation::set_bases`, wired here) or the generic type attribute protocol
//! (`attr::type_attr`).

mod dict_backed;
mod names;
mod structure;

use pyrt_core::types::{GetSetDef, MemberDef, MemberKind, MethodDef, MethodFlags, MethodFn};
use pyrt_core::{PyErr, PyResult, Python, TypeFlags, TypeObject};
use std::mem::offset_of;

/// Stores the tables in `type`.
pub(crate) fn install(tp: &TypeObject) {
    tp.tp_getset.set(&GETSET);
    tp.tp_members.set(&MEMBERS);
    tp.tp_methods.set(&METHODS);
}

/// The guard of the special setters: immutable types refuse set and delete
/// (`cannot set 'N' attribute of immutable type 'T'`); deletion is refused for every
/// type, with CPython 3.11's wording (`cannot delete 'N' attribute of immutable type 'T'`).
pub(crate) fn check_special_set(
    py: Python<'_>,
    tp: &TypeObject,
    name: &str,
    deleting: bool,
) -> PyResult<()> {
    let verb = if tp.has_flag(TypeFlags::IMMUTABLETYPE) {
        "set"
    } else if deleting {
        "delete"
    } else {
        return Ok(());
    };
    Err(PyErr::type_error(
        py,
        format!(
            "cannot {verb} '{name}' attribute of immutable type '{}'",
            crate::names::tp_name(tp)
        ),
    ))
}

const fn getset(
    name: &'static str,
    get: pyrt_core::types::Getter,
    set: Option<pyrt_core::types::Setter>,
) -> GetSetDef {
    GetSetDef {
        name,
        get: Some(get),
        set,
        doc: None,
    }
}

static GETSET: [GetSetDef; 9] = [
    getset("__name__", names::get_name, Some(names::set_name)),
    getset(
        "__qualname__",
        names::get_qualname,
        Some(names::set_qualname),
    ),
    getset(
        "__bases__",
        structure::get_bases,
        Some(structure::set_bases),
    ),
    getset("__module__", names::get_module, Some(names::set_module)),
    getset("__dict__", structure::get_dict, None),
    getset("__doc__", dict_backed::get_doc, Some(dict_backed::set_doc)),
    getset("__text_signature__", dict_backed::get_text_signature, None),
    getset(
        "__annotations__",
        dict_backed::get_annotations,
        Some(dict_backed::set_annotations),
    ),
    getset(
        "__abstractmethods__",
        dict_backed::get_abstractmethods,
        Some(dict_backed::set_abstractmethods),
    ),
];

const fn member(name: &'static str, kind: MemberKind, offset: usize) -> MemberDef {
    MemberDef {
        name,
        kind,
        offset: offset as isize,
        readonly: true,
        doc: None,
    }
}

static MEMBERS: [MemberDef; 7] = [
    member(
        "__basicsize__",
        MemberKind::Ssize,
        offset_of!(TypeObject, tp_basicsize),
    ),
    member(
        "__itemsize__",
        MemberKind::Ssize,
        offset_of!(TypeObject, tp_itemsize),
    ),
    member(
        "__flags__",
        MemberKind::I64,
        offset_of!(TypeObject, tp_flags),
    ),
    member(
        "__weakrefoffset__",
        MemberKind::Ssize,
        offset_of!(TypeObject, tp_weaklistoffset),
    ),
    member(
        "__base__",
        MemberKind::Object,
        offset_of!(TypeObject, tp_base),
    ),
    member(
        "__dictoffset__",
        MemberKind::Ssize,
        offset_of!(TypeObject, tp_dictoffset),
    ),
    member(
        "__mro__",
        MemberKind::Object,
        offset_of!(TypeObject, tp_mro),
    ),
];

static METHODS: [MethodDef; 2] = [
    MethodDef {
        name: "mro",
        meth: MethodFn::NoArgs(structure::mro),
        flags: MethodFlags(0),
        doc: Some("mro($self, /)\n--\n\nReturn a type's method resolution order."),
    },
    MethodDef {
        name: "__subclasses__",
        meth: MethodFn::NoArgs(structure::subclasses),
        flags: MethodFlags(0),
        doc: Some("__subclasses__($self, /)\n--\n\nReturn a list of immediate subclasses."),
    },
];
