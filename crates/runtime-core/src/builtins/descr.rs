//! The payload layouts of the descriptor and callable types: native functions
//! (`builtin_function_or_method`), method / classmethod descriptors, member and getset
//! descriptors, bound methods (`method`), `classmethod` / `staticmethod`, `property` and
//! `mappingproxy`; and their layout half (dealloc, traverse, clear).
//!
//! Owns the data representation and the ownership of the fields. Must not define any
//! Python-visible behaviour (binding, calling, repr, messages): that is
//! `pyrt-typeobject`'s `descr` module.

use crate::builtins::StrObject;
use crate::handle::Bound;
use crate::object::{ObjectHeader, PyAny, PyLayout, RawCell};
use crate::runtime::Python;
use crate::types::{Destructor, GetSetDef, MethodDef, ObjCell, TypeObject};
use std::cell::Cell;
use std::ptr::NonNull;

/// Views a typed cell as an untyped one (for traversal and release).
fn any_cell<T: PyLayout>(c: &ObjCell<T>) -> &ObjCell<PyAny> {
    // SAFETY: ObjCell<T> is repr(transparent) over the same pointer for every T, and
    // releasing or visiting a reference does not depend on T.
    unsafe { &*(c as *const ObjCell<T> as *const ObjCell<PyAny>) }
}

/// Whether `obj`'s type, or a type in its `tp_base` chain, deallocates with `dealloc`:
/// the marker of a payload layout (subclasses extend their base's layout).
fn has_layout(obj: &PyAny, dealloc: Destructor) -> bool {
    let mut t = Some(obj.ob_type());
    while let Some(cur) = t {
        if cur
            .tp_dealloc
            .get()
            .is_some_and(|d| d as usize == dealloc as usize)
        {
            return true;
        }
        t = cur.base();
    }
    false
}

/// The object fields of a payload, for the shared dealloc/traverse/clear below.
trait OwnedFields {
    fn fields(&self) -> Vec<&ObjCell<PyAny>>;
}

/// `tp_traverse` of a payload `T`.
fn traverse_fields<T: OwnedFields>(obj: &PyAny, visit: &mut dyn FnMut(NonNull<PyAny>)) {
    // SAFETY: installed only on types laid out as T.
    let o = unsafe { &*(obj as *const PyAny as *const T) };
    o.fields().iter().filter_map(|c| c.as_ptr()).for_each(visit);
}

/// `tp_clear` of a payload `T`: every field is moved out first, released after (each
/// release may run arbitrary code).
fn clear_fields<T: OwnedFields>(py: Python<'_>, obj: &Bound<'_, PyAny>) {
    // SAFETY: installed only on types laid out as T.
    let o = unsafe { &*(obj.as_ptr().as_ptr() as *const T) };
    let taken: Vec<_> = o.fields().iter().filter_map(|c| c.take(py)).collect();
    drop(taken);
}

/// `tp_dealloc` of a payload `T`.
///
/// # Safety
/// `obj` is laid out as `T` and has refcount zero.
unsafe fn dealloc_fields<T: OwnedFields>(py: Python<'_>, obj: NonNull<PyAny>) {
    // SAFETY: caller contract: the object is still allocated and laid out as T.
    let o = unsafe { &*(obj.as_ptr() as *const T) };
    let taken: Vec<_> = o.fields().iter().filter_map(|c| c.take(py)).collect();
    drop(taken);
    // SAFETY: payload destroyed.
    unsafe { super::layouts::call_tp_free(py, obj) };
}

macro_rules! layout_fns {
    ($t:ty, $dealloc:ident, $traverse:ident, $clear:ident) => {
        /// `tp_dealloc` of this layout.
        ///
        /// # Safety
        /// `obj` is laid out as this payload and has refcount zero.
        pub(crate) unsafe fn $dealloc(py: Python<'_>, obj: NonNull<PyAny>) {
            // SAFETY: forwarded.
            unsafe { dealloc_fields::<$t>(py, obj) }
        }
        pub(crate) fn $traverse(obj: &PyAny, visit: &mut dyn FnMut(NonNull<PyAny>)) {
            traverse_fields::<$t>(obj, visit)
        }
        pub(crate) fn $clear(py: Python<'_>, obj: &Bound<'_, PyAny>) {
            clear_fields::<$t>(py, obj)
        }
        // SAFETY: repr(C), header first, every field zero-valid (cells of nullable
        // pointers, options of references, plain numbers); the layout marker is the
        // dealloc installed only on types laid out as this payload.
        unsafe impl PyLayout for $t {
            fn type_check(obj: &PyAny) -> bool {
                has_layout(obj, $dealloc)
            }
        }
    };
}

/// A native function (`builtin_function_or_method`): a [`MethodDef`] optionally bound
/// to a `__self__`.
#[repr(C)]
pub struct NativeFunctionObject {
    /// Header.
    pub ob_base: ObjectHeader,
    /// The definition (always set by the constructor).
    pub def: Cell<Option<&'static MethodDef>>,
    /// `__self__` (empty: unbound, `None` in Python).
    pub self_: ObjCell<PyAny>,
    /// `__module__` (empty: `None`).
    pub module: ObjCell<PyAny>,
}

impl OwnedFields for NativeFunctionObject {
    fn fields(&self) -> Vec<&ObjCell<PyAny>> {
        vec![&self.self_, &self.module]
    }
}
layout_fns!(
    NativeFunctionObject,
    native_function_dealloc,
    native_function_traverse,
    native_function_clear
);

/// A method descriptor (`method_descriptor`, `classmethod_descriptor`): a
/// `tp_methods` entry of `d_type`.
#[repr(C)]
pub struct MethodDescrObject {
    /// Header.
    pub ob_base: ObjectHeader,
    /// The type that defines the method (`__objclass__`).
    pub d_type: ObjCell<TypeObject>,
    /// `__name__`.
    pub d_name: ObjCell<StrObject>,
    /// The definition (always set by the constructor).
    pub def: Cell<Option<&'static MethodDef>>,
}

impl OwnedFields for MethodDescrObject {
    fn fields(&self) -> Vec<&ObjCell<PyAny>> {
        vec![any_cell(&self.d_type), any_cell(&self.d_name)]
    }
}
layout_fns!(
    MethodDescrObject,
    method_descr_dealloc,
    method_descr_traverse,
    method_descr_clear
);

/// A member descriptor (`member_descriptor`): a field at a fixed offset inside the
/// instances of `d_type`.
///
/// Invariant: `kind` and `offset` describe a real field of every instance of `d_type`
/// (a pointer slot holding an owned reference or null for the object kinds; a plain
/// value otherwise). They are [`RawCell`]s: safe to read, `unsafe` to write.
#[repr(C)]
pub struct MemberDescrObject {
    /// Header.
    pub ob_base: ObjectHeader,
    /// The type whose instances hold the field (`__objclass__`).
    pub d_type: ObjCell<TypeObject>,
    /// `__name__`.
    pub d_name: ObjCell<StrObject>,
    /// The field's kind as `MemberKind as u8`.
    pub kind: RawCell<u8>,
    /// Byte offset from the start of the instance.
    pub offset: RawCell<isize>,
    /// Whether assignment and deletion are refused.
    pub readonly: Cell<bool>,
    /// `__doc__`.
    pub doc: Cell<Option<&'static str>>,
}

impl OwnedFields for MemberDescrObject {
    fn fields(&self) -> Vec<&ObjCell<PyAny>> {
        vec![any_cell(&self.d_type), any_cell(&self.d_name)]
    }
}
layout_fns!(
    MemberDescrObject,
    member_descr_dealloc,
    member_descr_traverse,
    member_descr_clear
);

/// A getset descriptor (`getset_descriptor`): a `tp_getset` entry of `d_type`.
#[repr(C)]
pub struct GetSetDescrObject {
    /// Header.
    pub ob_base: ObjectHeader,
    /// The type that defines the attribute (`__objclass__`).
    pub d_type: ObjCell<TypeObject>,
    /// `__name__`.
    pub d_name: ObjCell<StrObject>,
    /// The definition (always set by the constructor).
    pub def: Cell<Option<&'static GetSetDef>>,
}

impl OwnedFields for GetSetDescrObject {
    fn fields(&self) -> Vec<&ObjCell<PyAny>> {
        vec![any_cell(&self.d_type), any_cell(&self.d_name)]
    }
}
layout_fns!(
    GetSetDescrObject,
    getset_descr_dealloc,
    getset_descr_traverse,
    getset_descr_clear
);

/// A bound method (`method`): a callable and the instance it is bound to.
#[repr(C)]
pub struct BoundMethodObject {
    /// Header.
    pub ob_base: ObjectHeader,
    /// `__func__`.
    pub func: ObjCell<PyAny>,
    /// `__self__`.
    pub self_: ObjCell<PyAny>,
}

impl OwnedFields for BoundMethodObject {
    fn fields(&self) -> Vec<&ObjCell<PyAny>> {
        vec![&self.func, &self.self_]
    }
}
layout_fns!(
    BoundMethodObject,
    bound_method_dealloc,
    bound_method_traverse,
    bound_method_clear
);

/// `classmethod` and `staticmethod`: a wrapped callable plus an instance `__dict__`.
#[repr(C)]
pub struct FuncWrapperObject {
    /// Header.
    pub ob_base: ObjectHeader,
    /// `__func__`.
    pub callable: ObjCell<PyAny>,
    /// The instance dict (`tp_dictoffset` points here).
    pub dict: ObjCell<PyAny>,
}

impl OwnedFields for FuncWrapperObject {
    fn fields(&self) -> Vec<&ObjCell<PyAny>> {
        vec![&self.callable, &self.dict]
    }
}
layout_fns!(
    FuncWrapperObject,
    func_wrapper_dealloc,
    func_wrapper_traverse,
    func_wrapper_clear
);

/// `property`: accessor functions, the doc, and the name given by `__set_name__`.
#[repr(C)]
pub struct PropertyObject {
    /// Header.
    pub ob_base: ObjectHeader,
    /// `fget`.
    pub fget: ObjCell<PyAny>,
    /// `fset`.
    pub fset: ObjCell<PyAny>,
    /// `fdel`.
    pub fdel: ObjCell<PyAny>,
    /// `__doc__`.
    pub doc: ObjCell<PyAny>,
    /// The attribute name (set by `__set_name__`).
    pub name: ObjCell<PyAny>,
    /// Whether the doc was taken from `fget.__doc__`.
    pub getter_doc: Cell<bool>,
}

impl OwnedFields for PropertyObject {
    fn fields(&self) -> Vec<&ObjCell<PyAny>> {
        vec![&self.fget, &self.fset, &self.fdel, &self.doc, &self.name]
    }
}
layout_fns!(
    PropertyObject,
    property_dealloc,
    property_traverse,
    property_clear
);

/// `mappingproxy`: a read-only view of a mapping.
#[repr(C)]
pub struct MappingProxyObject {
    /// Header.
    pub ob_base: ObjectHeader,
    /// The mapping viewed.
    pub mapping: ObjCell<PyAny>,
}

impl OwnedFields for MappingProxyObject {
    fn fields(&self) -> Vec<&ObjCell<PyAny>> {
        vec![&self.mapping]
    }
}
layout_fns!(
    MappingProxyObject,
    mappingproxy_dealloc,
    mappingproxy_traverse,
    mappingproxy_clear
);
