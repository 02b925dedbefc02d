//! The object header every object starts with, and the opaque `PyAny` view of an object.
//!
//! Owns the two-word header layout and the [`PyLayout`] contract. Must not know about
//! any particular type's payload.
//!
//! ```text
//!  GC objects only:           every object:
//!  -16  GcHead.next           +0  ob_refcnt : isize
//!   -8  GcHead.prev           +8  ob_type   : *TypeObject
//!                             +16 payload (tp_basicsize - 16 bytes) [+ items]
//! ```

pub mod alloc;
pub(crate) mod dealloc;
mod dict_slot;
mod finalize;
mod free_list;
pub mod instance_attrs;
mod member;
pub(crate) mod pool;
mod raw_cell;
pub(crate) mod refcount;

pub use alloc::{
    GcAlloc, gc_free, gc_head_of, generic_alloc, generic_alloc_no_items, instance_size, plain_free,
};
pub(crate) use dealloc::dealloc_generic;
pub use dealloc::release_dealloc_queue;
pub use dict_slot::dict_slot;
pub(crate) use dict_slot::managed_dict_slot;
pub use free_list::{FREE_LIST_CAPACITY, FreeList, FreeLists};
pub use instance_attrs::{
    AttrLookup, AttrWrite, DictSlot, InstanceAttrs, InstanceKeys, SHARED_KEYS_CAPACITY,
    instance_attrs,
};
pub use instance_attrs::{FastAttr, probe_interned, replace_interned};
pub use member::{MemberValue, member_fits, member_read, member_size, member_write, pointer_slot};
pub use raw_cell::RawCell;
pub use refcount::{decref, incref};

use crate::types::TypeObject;

/// The header at the start of every object: reference count and type pointer.
///
/// Invariants: `ob_refcnt >= 1` while any handle to the object exists; `ob_type` points
/// to a live, ready type for as long as the object is live.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let s = pyrt_core::builtins::str_new(py, "hi").unwrap();
///     let header: &pyrt_core::object::ObjectHeader = &s.as_any_ref().ob_base;
///     assert_eq!(header.ob_refcnt.get(), 1);
///     assert!(std::ptr::eq(header.ob_type.get(), py.builtins().str_()));
/// });
/// ```
#[repr(C)]
pub struct ObjectHeader {
    /// The strong reference count.
    pub ob_refcnt: RawCell<isize>,
    /// The object's type (null only in not-yet-initialised static type storage).
    pub ob_type: RawCell<*mut TypeObject>,
}

const _: () = assert!(std::mem::size_of::<ObjectHeader>() == 16);

/// The header of a variable-size object: the plain header plus `ob_size`.
///
/// ```
/// use pyrt_core::builtins::{int_new, tuple_new};
/// pyrt_core::with_test_runtime(|py| {
///     let one = int_new(py, 1).unwrap().into_any();
///     let t = tuple_new(py, &[one.clone(), one.clone(), one]).unwrap();
///     let header: &pyrt_core::object::VarHeader = &t.ob_base;
///     assert_eq!(header.ob_size.get(), 3);
///     assert_eq!(header.ob_base.ob_refcnt.get(), 1);
/// });
/// ```
#[repr(C)]
pub struct VarHeader {
    /// The plain header.
    pub ob_base: ObjectHeader,
    /// Number of items (`tp_itemsize` units) in the object.
    pub ob_size: RawCell<isize>,
}

/// An object of unknown type: only the header is visible.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let s = pyrt_core::builtins::str_new(py, "hi").unwrap();
///     let any: &pyrt_core::PyAny = s.as_any();
///     assert_eq!(any.type_name(), "str");
/// });
/// ```
#[repr(C)]
pub struct PyAny {
    /// The header.
    pub ob_base: ObjectHeader,
}

/// Marks a `#[repr(C)]` struct whose first field is an [`ObjectHeader`] (directly or
/// through a nested header struct), so a pointer to it is a pointer to an object.
///
/// # Safety
/// 1. The type is `#[repr(C)]` and starts with an `ObjectHeader` at offset 0.
/// 2. Every field is valid when all its bytes are zero (allocation zero-fills).
/// 3. `type_check` returns true only for objects whose type lays out instances as `Self`.
///
/// ```
/// use pyrt_core::PyLayout;
/// use pyrt_core::builtins::{StrObject, TupleObject};
/// pyrt_core::with_test_runtime(|py| {
///     let s = pyrt_core::builtins::str_new(py, "hi").unwrap().into_any();
///     assert!(StrObject::type_check(s.as_any_ref()));
///     assert!(s.downcast::<TupleObject>().is_err()); // `downcast` asks `type_check`
/// });
/// ```
pub unsafe trait PyLayout: Sized {
    /// Whether `obj` is an instance laid out as `Self`.
    ///
    /// ```
    /// use pyrt_core::PyLayout;
    /// use pyrt_core::builtins::{TupleObject, str_new, tuple_new};
    /// pyrt_core::with_test_runtime(|py| {
    ///     let t = tuple_new(py, &[]).unwrap();
    ///     assert!(TupleObject::type_check(t.as_any_ref()));
    ///     assert!(!TupleObject::type_check(str_new(py, "x").unwrap().as_any_ref()));
    /// });
    /// ```
    fn type_check(obj: &PyAny) -> bool;
}

// SAFETY: PyAny is repr(C) with the header first; every object is a PyAny.
unsafe impl PyLayout for PyAny {
    fn type_check(_obj: &PyAny) -> bool {
        true
    }
}

/// What every object answers from its header alone: type, reference count, address.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let i = pyrt_core::builtins::int_new(py, 1000).unwrap();
///     let any: &pyrt_core::PyAny = i.as_any_ref();
///     assert_eq!((any.type_name(), any.refcnt()), ("int".to_owned(), 1));
/// });
/// ```
impl PyAny {
    /// The object's type.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let l = pyrt_core::builtins::list_new(py, &[]).unwrap();
    ///     let any: &pyrt_core::PyAny = l.as_any_ref();
    ///     assert!(std::ptr::eq(any.ob_type(), py.builtins().list()));
    /// });
    /// ```
    pub fn ob_type(&self) -> &TypeObject {
        // SAFETY: header invariant: ob_type points to a live type while the object lives.
        unsafe { &*self.ob_base.ob_type.get() }
    }

    /// The reference count.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let s = pyrt_core::builtins::str_new(py, "hi").unwrap();
    ///     assert_eq!(s.as_any_ref().refcnt(), 1);
    ///     let s2 = s.clone(); // a second strong reference
    ///     assert_eq!(s.as_any_ref().refcnt(), 2);
    ///     drop(s2);
    ///     assert_eq!(s.as_any_ref().refcnt(), 1);
    /// });
    /// ```
    pub fn refcnt(&self) -> isize {
        self.ob_base.ob_refcnt.get()
    }

    /// The type's `tp_name`.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let d = pyrt_core::builtins::dict_new(py).unwrap();
    ///     assert_eq!(d.as_any_ref().type_name(), "dict");
    /// });
    /// ```
    pub fn type_name(&self) -> String {
        self.ob_type().name_string()
    }

    /// The object's address, as `id()` reports it.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let s = pyrt_core::builtins::str_new(py, "hi").unwrap();
    ///     assert_eq!(s.as_any_ref().addr(), s.as_ptr().as_ptr() as usize);
    ///     let t = s.clone(); // same object, same id
    ///     assert_eq!(t.as_any_ref().addr(), s.as_any_ref().addr());
    /// });
    /// ```
    pub fn addr(&self) -> usize {
        self as *const PyAny as usize
    }
}
