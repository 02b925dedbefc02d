//! The layout half of the core builtin types: names, sizes, flags that describe the
//! layout (GC, fast-subclass bits), and the alloc/dealloc/free/traverse/clear slots of
//! the payloads defined in this crate.
//!
//! Owns nothing else: behaviour slots (repr, hash, compare, new, ...) and readying are
//! `pyrt-typeobject`'s.

use super::{BaseExceptionObject, DictObject, ListObject, StrObject, TupleObject};
use super::{dict, exception, list, tuple};
use crate::object::VarHeader;
use crate::object::{PyAny, gc_free, generic_alloc, plain_free};
use crate::runtime::Python;
use crate::types::{Destructor, TypeFlags, TypeObject};
use std::ptr::NonNull;

/// Calls the object's `tp_free` (or the default free for its layout).
///
/// # Safety
/// `obj` has refcount zero and its payload has been destroyed.
pub(crate) unsafe fn call_tp_free(py: Python<'_>, obj: NonNull<PyAny>) {
    // SAFETY: the object is still allocated.
    let tp = unsafe { obj.as_ref() }.ob_type();
    match tp.tp_free.get() {
        // SAFETY: forwarded.
        Some(free) => unsafe { free(py, obj) },
        // SAFETY: forwarded; the layout matches the type's GC flag.
        None if tp.has_flag(TypeFlags::HAVE_GC) => unsafe { gc_free(py, obj) },
        // SAFETY: forwarded.
        None => unsafe { plain_free(py, obj) },
    }
}

/// `tp_dealloc` of payload-less objects: just `tp_free`.
///
/// # Safety
/// `obj` has refcount zero.
pub unsafe fn object_dealloc(py: Python<'_>, obj: NonNull<PyAny>) {
    // SAFETY: forwarded.
    unsafe { call_tp_free(py, obj) }
}

/// `tp_dealloc` of immortal singletons: never reached by correct refcounting; restores
/// the count instead of freeing static storage.
///
/// # Safety
/// `obj` is an immortal singleton.
unsafe fn immortal_dealloc(_py: Python<'_>, obj: NonNull<PyAny>) {
    // SAFETY: singletons are never freed, so the object is valid; restoring its single
    // reference keeps it immortal.
    unsafe {
        obj.as_ref().ob_base.ob_refcnt.set(1);
    }
}

struct Layout {
    basicsize: usize,
    itemsize: usize,
    flags: TypeFlags,
}

/// # Safety
/// `l` is the true layout of `tp`'s instances (the payload structs of this crate).
unsafe fn set_layout(py: Python<'_>, tp: &TypeObject, name: &str, l: Layout) {
    // SAFETY: the caller guarantees `l` describes the instances; the deallocators and
    // frees installed here match it and the GC flag.
    unsafe {
        tp.ob_base.ob_base.ob_refcnt.set(1);
        tp.ob_base
            .ob_base
            .ob_type
            .set(py.builtins().type_() as *const TypeObject as *mut TypeObject);
        if let Ok(n) = super::intern(py, name) {
            tp.tp_name.set(py, Some(n));
        }
        tp.tp_basicsize.set(l.basicsize as isize);
        tp.tp_itemsize.set(l.itemsize as isize);
        tp.add_flags(l.flags);
        tp.tp_alloc.set(Some(generic_alloc));
        let gc = l.flags.contains(TypeFlags::HAVE_GC);
        tp.tp_free.set(Some(if gc { gc_free } else { plain_free }));
        tp.tp_dealloc.set(Some(object_dealloc));
    }
}

/// Fills in the layout half of every core builtin type. Idempotent.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     assert_eq!(py.builtins().tuple().tp_itemsize.get(), 8);
/// });
/// ```
pub fn init_core_layouts(py: Python<'_>) {
    // SAFETY: init writes, into static type storage that no object uses yet, the true
    // layouts of the payloads this crate defines, with their matching deallocators,
    // frees and traversals.
    unsafe {
        let b = py.builtins();
        if b.str_().tp_basicsize.get() != 0 {
            return;
        }
        let gc = TypeFlags::HAVE_GC;
        let sz = std::mem::size_of::<TypeObject>;
        // `str` first: every other name is a str object.
        let str_layout = Layout {
            basicsize: std::mem::size_of::<StrObject>(),
            itemsize: 0,
            flags: TypeFlags::UNICODE_SUBCLASS,
        };
        b.str_().tp_basicsize.set(str_layout.basicsize as isize);
        b.str_().add_flags(TypeFlags::UNICODE_SUBCLASS);
        b.str_().tp_alloc.set(Some(generic_alloc));
        b.str_().tp_free.set(Some(plain_free));
        set_layout(py, b.str_(), "str", str_layout);
        set_layout(
            py,
            b.object(),
            "object",
            Layout {
                basicsize: 16,
                itemsize: 0,
                flags: TypeFlags(0),
            },
        );
        set_layout(
            py,
            b.type_(),
            "type",
            Layout {
                basicsize: sz(),
                itemsize: 0,
                flags: gc | TypeFlags::TYPE_SUBCLASS,
            },
        );
        for (tp, name) in [
            (b.none_type(), "NoneType"),
            (b.not_implemented_type(), "NotImplementedType"),
        ] {
            set_layout(
                py,
                tp,
                name,
                Layout {
                    basicsize: 16,
                    itemsize: 0,
                    flags: TypeFlags(0),
                },
            );
            tp.tp_dealloc.set(Some(immortal_dealloc));
        }
        let int = Layout {
            basicsize: std::mem::size_of::<VarHeader>(),
            itemsize: 4,
            flags: TypeFlags::LONG_SUBCLASS,
        };
        set_layout(py, b.int(), "int", int);
        b.int().tp_dealloc.set(Some(super::int_dealloc));
        let boolean = Layout {
            basicsize: std::mem::size_of::<VarHeader>(),
            itemsize: 4,
            flags: TypeFlags::LONG_SUBCLASS,
        };
        set_layout(py, b.bool_(), "bool", boolean);
        b.bool_().tp_dealloc.set(Some(immortal_dealloc));
        let tuple_l = Layout {
            basicsize: std::mem::size_of::<TupleObject>(),
            itemsize: 8,
            flags: gc | TypeFlags::TUPLE_SUBCLASS,
        };
        set_layout(py, b.tuple(), "tuple", tuple_l);
        b.tuple().tp_dealloc.set(Some(tuple::tuple_dealloc));
        b.tuple().tp_traverse.set(Some(tuple::tuple_traverse));
        let list_l = Layout {
            basicsize: std::mem::size_of::<ListObject>(),
            itemsize: 0,
            flags: gc | TypeFlags::LIST_SUBCLASS,
        };
        set_layout(py, b.list(), "list", list_l);
        b.list().tp_dealloc.set(Some(list::list_dealloc));
        b.list().tp_traverse.set(Some(list::list_traverse));
        b.list().tp_clear.set(Some(list::list_clear));
        let dict_l = Layout {
            basicsize: std::mem::size_of::<DictObject>(),
            itemsize: 0,
            flags: gc | TypeFlags::DICT_SUBCLASS,
        };
        set_layout(py, b.dict(), "dict", dict_l);
        b.dict().tp_dealloc.set(Some(dict::dict_dealloc));
        b.dict().tp_traverse.set(Some(dict::dict_traverse));
        b.dict().tp_clear.set(Some(dict::dict_clear));
        init_exception_layouts(py);
        init_descr_layouts(py);
    }
}

/// The descriptor and callable types (`descr.rs`): all collectable, fixed-size.
fn init_descr_layouts(py: Python<'_>) {
    use super::descr::*;
    use crate::types::{ObjProc, TraverseProc};
    let b = py.builtins();
    let table: [(&TypeObject, &str, usize, Destructor, TraverseProc, ObjProc); 10] = [
        (
            b.builtin_function_or_method(),
            "builtin_function_or_method",
            std::mem::size_of::<NativeFunctionObject>(),
            native_function_dealloc,
            traverse_fields::<NativeFunctionObject, _>,
            clear_fields::<NativeFunctionObject, _>,
        ),
        (
            b.method_descriptor(),
            "method_descriptor",
            std::mem::size_of::<MethodDescrObject>(),
            dealloc_fields::<MethodDescrObject, _>,
            traverse_fields::<MethodDescrObject, _>,
            clear_fields::<MethodDescrObject, _>,
        ),
        (
            b.classmethod_descriptor(),
            "classmethod_descriptor",
            std::mem::size_of::<MethodDescrObject>(),
            dealloc_fields::<MethodDescrObject, _>,
            traverse_fields::<MethodDescrObject, _>,
            clear_fields::<MethodDescrObject, _>,
        ),
        (
            b.member_descriptor(),
            "member_descriptor",
            std::mem::size_of::<MemberDescrObject>(),
            dealloc_fields::<MemberDescrObject, _>,
            traverse_fields::<MemberDescrObject, _>,
            clear_fields::<MemberDescrObject, _>,
        ),
        (
            b.getset_descriptor(),
            "getset_descriptor",
            std::mem::size_of::<GetSetDescrObject>(),
            dealloc_fields::<GetSetDescrObject, _>,
            traverse_fields::<GetSetDescrObject, _>,
            clear_fields::<GetSetDescrObject, _>,
        ),
        (
            b.method(),
            "method",
            std::mem::size_of::<BoundMethodObject>(),
            bound_method_dealloc,
            traverse_fields::<BoundMethodObject, _>,
            clear_fields::<BoundMethodObject, _>,
        ),
        (
            b.classmethod(),
            "classmethod",
            std::mem::size_of::<FuncWrapperObject>(),
            dealloc_fields::<FuncWrapperObject, _>,
            traverse_fields::<FuncWrapperObject, _>,
            clear_fields::<FuncWrapperObject, _>,
        ),
        (
            b.staticmethod(),
            "staticmethod",
            std::mem::size_of::<FuncWrapperObject>(),
            dealloc_fields::<FuncWrapperObject, _>,
            traverse_fields::<FuncWrapperObject, _>,
            clear_fields::<FuncWrapperObject, _>,
        ),
        (
            b.property(),
            "property",
            std::mem::size_of::<PropertyObject>(),
            dealloc_fields::<PropertyObject, _>,
            traverse_fields::<PropertyObject, _>,
            clear_fields::<PropertyObject, _>,
        ),
        (
            b.mappingproxy(),
            "mappingproxy",
            std::mem::size_of::<MappingProxyObject>(),
            dealloc_fields::<MappingProxyObject, _>,
            traverse_fields::<MappingProxyObject, _>,
            clear_fields::<MappingProxyObject, _>,
        ),
    ];
    for (tp, name, size, dealloc, traverse, clear) in table {
        let layout = Layout {
            basicsize: size,
            itemsize: 0,
            flags: TypeFlags::HAVE_GC,
        };
        // SAFETY: each entry pairs a type with its payload's true size and the
        // dealloc/traverse/clear written for that payload; all payloads are collectable.
        unsafe {
            set_layout(py, tp, name, layout);
            tp.tp_dealloc.set(Some(dealloc));
            tp.tp_traverse.set(Some(traverse));
        }
        tp.tp_clear.set(Some(clear));
    }
    // SAFETY: classmethod/staticmethod payloads keep their instance dict in `dict`;
    // the bound callables' payloads keep their weak reference list (a `WeakListHead`,
    // zero-valid) in `weakreflist`, as CPython's do (weakly referenceable, no
    // `__weakref__` attribute).
    unsafe {
        let off = std::mem::offset_of!(FuncWrapperObject, dict) as isize;
        b.classmethod().tp_dictoffset.set(off);
        b.staticmethod().tp_dictoffset.set(off);
        b.builtin_function_or_method()
            .tp_weaklistoffset
            .set(std::mem::offset_of!(NativeFunctionObject, weakreflist) as isize);
        b.method()
            .tp_weaklistoffset
            .set(std::mem::offset_of!(BoundMethodObject, weakreflist) as isize);
    }
    crate::weakref::init_weakref_layout(py);
}

fn init_exception_layouts(py: Python<'_>) {
    // SAFETY: as for init_core_layouts: exception instances are BaseExceptionObjects.
    unsafe {
        let b = py.builtins();
        for (name, tp) in b.all() {
            if !tp.has_flag(TypeFlags::READY)
                && tp.tp_basicsize.get() == 0
                && is_exception_name(name)
            {
                set_layout(
                    py,
                    tp,
                    name,
                    Layout {
                        basicsize: std::mem::size_of::<BaseExceptionObject>(),
                        itemsize: 0,
                        flags: TypeFlags::HAVE_GC | TypeFlags::BASE_EXC_SUBCLASS,
                    },
                );
                tp.tp_dealloc.set(Some(exception::exception_dealloc));
                tp.tp_traverse.set(Some(exception::exception_traverse));
                tp.tp_clear.set(Some(exception::exception_clear));
                tp.tp_dictoffset
                    .set(std::mem::offset_of!(BaseExceptionObject, dict) as isize);
            }
        }
    }
}

fn is_exception_name(name: &str) -> bool {
    name.ends_with("Error") || matches!(name, "BaseException" | "Exception" | "StopIteration")
}
