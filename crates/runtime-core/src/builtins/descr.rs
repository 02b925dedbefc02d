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
use crate::runtime::BuiltinTypes;
use crate::runtime::Python;
use crate::types::{GetSetDef, MethodDef, ObjCell, TypeObject};
use std::cell::Cell;
use std::ptr::NonNull;

/// Views a typed cell as an untyped one (for traversal and release).
fn any_cell<T: PyLayout>(c: &ObjCell<T>) -> &ObjCell<PyAny> {
    // SAFETY: ObjCell<T> is repr(transparent) over the same pointer for every T, and
    // releasing or visiting a reference does not depend on T.
    unsafe { &*(c as *const ObjCell<T> as *const ObjCell<PyAny>) }
}

/// Whether `obj`'s type is (a subtype of) one of the builtin types named by `pick`:
/// the types whose instances are laid out as a given payload.
fn instance_of_any(obj: &PyAny, pick: fn(&BuiltinTypes) -> [&TypeObject; 2]) -> bool {
    // The state exists whenever an object does (objects are made under a token).
    let Some(st) = crate::runtime::state_if_created() else {
        return false;
    };
    let tp = obj.ob_type();
    pick(&st.builtins).iter().any(|t| tp.is_subtype(t))
}

/// The object fields of a payload, for the shared dealloc/traverse/clear below.
pub(crate) trait OwnedFields {
    fn fields(&self) -> Vec<&ObjCell<PyAny>>;
}

/// `tp_traverse` of a payload `T`.
pub(crate) fn traverse_fields<T: OwnedFields>(obj: &PyAny, visit: &mut dyn FnMut(NonNull<PyAny>)) {
    // SAFETY: installed only on types laid out as T.
    let o = unsafe { &*(obj as *const PyAny as *const T) };
    o.fields().iter().filter_map(|c| c.as_ptr()).for_each(visit);
}

/// `tp_clear` of a payload `T`: every field is moved out first, released after (each
/// release may run arbitrary code).
pub(crate) fn clear_fields<T: OwnedFields>(py: Python<'_>, obj: &Bound<'_, PyAny>) {
    // SAFETY: installed only on types laid out as T.
    let o = unsafe { &*(obj.as_ptr().as_ptr() as *const T) };
    let taken: Vec<_> = o.fields().iter().filter_map(|c| c.take(py)).collect();
    drop(taken);
}

/// `tp_dealloc` of a payload `T`.
///
/// # Safety
/// `obj` is laid out as `T` and has refcount zero.
pub(crate) unsafe fn dealloc_fields<T: OwnedFields>(py: Python<'_>, obj: NonNull<PyAny>) {
    // SAFETY: caller contract: the object is still allocated and laid out as T.
    let o = unsafe { &*(obj.as_ptr() as *const T) };
    // At most five fields (property): taken without a heap allocation.
    let taken: smallvec::SmallVec<[_; 5]> = o.fields().iter().filter_map(|c| c.take(py)).collect();
    drop(taken);
    // SAFETY: payload destroyed.
    unsafe { super::layouts::call_tp_free(py, obj) };
}

/// A native function (`builtin_function_or_method`): a [`MethodDef`] optionally bound
/// to a `__self__`.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let t = py.builtins().builtin_function_or_method();
///     let o = pyrt_core::object::generic_alloc(py, t, 0).unwrap();
///     let f = o.downcast::<pyrt_core::builtins::NativeFunctionObject>().unwrap();
///     assert!(f.def.get().is_none() && f.self_.is_none());
/// });
/// ```
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
// SAFETY: repr(C), header first, every field zero-valid (cells of nullable pointers,
// options of references, plain numbers); only `builtin_function_or_method`/`builtin_function_or_method` and their subtypes lay
// instances out as this payload (set in `layouts.rs`; subclasses extend it).
unsafe impl PyLayout for NativeFunctionObject {
    fn type_check(obj: &PyAny) -> bool {
        instance_of_any(obj, |b| {
            [
                b.builtin_function_or_method(),
                b.builtin_function_or_method(),
            ]
        })
    }
}

/// A method descriptor (`method_descriptor`, `classmethod_descriptor`): a
/// `tp_methods` entry of `d_type`.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let o = pyrt_core::object::generic_alloc(py, py.builtins().classmethod_descriptor(), 0).unwrap();
///     assert!(o.downcast::<pyrt_core::builtins::MethodDescrObject>().is_ok());
/// });
/// ```
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
// SAFETY: repr(C), header first, every field zero-valid (cells of nullable pointers,
// options of references, plain numbers); only `method_descriptor`/`classmethod_descriptor` and their subtypes lay
// instances out as this payload (set in `layouts.rs`; subclasses extend it).
unsafe impl PyLayout for MethodDescrObject {
    fn type_check(obj: &PyAny) -> bool {
        instance_of_any(obj, |b| [b.method_descriptor(), b.classmethod_descriptor()])
    }
}

/// A member descriptor (`member_descriptor`): a field at a fixed offset inside the
/// instances of `d_type`.
///
/// Invariant: `kind` and `offset` describe a real field of every instance of `d_type`
/// (a pointer slot holding an owned reference or null for the object kinds; a plain
/// value otherwise). They are [`RawCell`]s: safe to read, `unsafe` to write.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let o = pyrt_core::object::generic_alloc(py, py.builtins().member_descriptor(), 0).unwrap();
///     let m = o.downcast::<pyrt_core::builtins::MemberDescrObject>().unwrap();
///     assert_eq!(m.offset.get(), 0); // set (unsafely) by the constructor only
/// });
/// ```
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
// SAFETY: repr(C), header first, every field zero-valid (cells of nullable pointers,
// options of references, plain numbers); only `member_descriptor`/`member_descriptor` and their subtypes lay
// instances out as this payload (set in `layouts.rs`; subclasses extend it).
unsafe impl PyLayout for MemberDescrObject {
    fn type_check(obj: &PyAny) -> bool {
        instance_of_any(obj, |b| [b.member_descriptor(), b.member_descriptor()])
    }
}

/// A getset descriptor (`getset_descriptor`): a `tp_getset` entry of `d_type`.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let o = pyrt_core::object::generic_alloc(py, py.builtins().getset_descriptor(), 0).unwrap();
///     assert!(o.downcast::<pyrt_core::builtins::GetSetDescrObject>().is_ok());
///     assert!(o.downcast::<pyrt_core::builtins::MemberDescrObject>().is_err());
/// });
/// ```
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
// SAFETY: repr(C), header first, every field zero-valid (cells of nullable pointers,
// options of references, plain numbers); only `getset_descriptor`/`getset_descriptor` and their subtypes lay
// instances out as this payload (set in `layouts.rs`; subclasses extend it).
unsafe impl PyLayout for GetSetDescrObject {
    fn type_check(obj: &PyAny) -> bool {
        instance_of_any(obj, |b| [b.getset_descriptor(), b.getset_descriptor()])
    }
}

/// A bound method (`method`): a callable and the instance it is bound to.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let o = pyrt_core::object::generic_alloc(py, py.builtins().method(), 0).unwrap();
///     let m = o.downcast::<pyrt_core::builtins::BoundMethodObject>().unwrap();
///     m.self_.set(py, Some(pyrt_core::builtins::int_new(py, 1).unwrap().into_any()));
///     assert!(!m.self_.is_none()); // released with the method
/// });
/// ```
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
// SAFETY: repr(C), header first, every field zero-valid (cells of nullable pointers,
// options of references, plain numbers); only `method`/`method` and their subtypes lay
// instances out as this payload (set in `layouts.rs`; subclasses extend it).
unsafe impl PyLayout for BoundMethodObject {
    fn type_check(obj: &PyAny) -> bool {
        instance_of_any(obj, |b| [b.method(), b.method()])
    }
}

/// `classmethod` and `staticmethod`: a wrapped callable plus an instance `__dict__`.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let o = pyrt_core::object::generic_alloc(py, py.builtins().staticmethod(), 0).unwrap();
///     assert!(o.downcast::<pyrt_core::builtins::FuncWrapperObject>().is_ok());
///     assert!(pyrt_core::object::dict_slot(o.as_any_ref()).is_some());
/// });
/// ```
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
// SAFETY: repr(C), header first, every field zero-valid (cells of nullable pointers,
// options of references, plain numbers); only `classmethod`/`staticmethod` and their subtypes lay
// instances out as this payload (set in `layouts.rs`; subclasses extend it).
unsafe impl PyLayout for FuncWrapperObject {
    fn type_check(obj: &PyAny) -> bool {
        instance_of_any(obj, |b| [b.classmethod(), b.staticmethod()])
    }
}

/// `property`: accessor functions, the doc, and the name given by `__set_name__`.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let o = pyrt_core::object::generic_alloc(py, py.builtins().property(), 0).unwrap();
///     let p = o.downcast::<pyrt_core::builtins::PropertyObject>().unwrap();
///     assert!(p.fget.is_none() && !p.getter_doc.get());
/// });
/// ```
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
// SAFETY: repr(C), header first, every field zero-valid (cells of nullable pointers,
// options of references, plain numbers); only `property`/`property` and their subtypes lay
// instances out as this payload (set in `layouts.rs`; subclasses extend it).
unsafe impl PyLayout for PropertyObject {
    fn type_check(obj: &PyAny) -> bool {
        instance_of_any(obj, |b| [b.property(), b.property()])
    }
}

/// `mappingproxy`: a read-only view of a mapping.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let o = pyrt_core::object::generic_alloc(py, py.builtins().mappingproxy(), 0).unwrap();
///     assert!(o.downcast::<pyrt_core::builtins::MappingProxyObject>().unwrap().mapping.is_none());
/// });
/// ```
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
// SAFETY: repr(C), header first, every field zero-valid (cells of nullable pointers,
// options of references, plain numbers); only `mappingproxy`/`mappingproxy` and their subtypes lay
// instances out as this payload (set in `layouts.rs`; subclasses extend it).
unsafe impl PyLayout for MappingProxyObject {
    fn type_check(obj: &PyAny) -> bool {
        instance_of_any(obj, |b| [b.mappingproxy(), b.mappingproxy()])
    }
}
