//! Raw access to a member field (`PyMemberDef`): a value of a given [`MemberKind`] at a
//! byte offset inside an object.
//!
//! Owns the reads and writes of member fields. Must not check whether the field exists
//! (that is the caller's contract, checked by the member descriptor in
//! `pyrt-typeobject`) or produce Python-level messages.

use super::PyAny;
use crate::handle::Bound;
use crate::runtime::Python;
use crate::types::{MemberKind, ObjCell};

/// A member field's value.
///
/// ```
/// let v = pyrt_core::object::MemberValue::Int(3);
/// assert!(matches!(v, pyrt_core::object::MemberValue::Int(3)));
/// ```
#[derive(Debug)]
pub enum MemberValue<'py> {
    /// An object field (empty: the slot is NULL).
    Object(Option<Bound<'py, PyAny>>),
    /// An integer field (`Ssize`, `I64`).
    Int(i64),
    /// A boolean byte.
    Bool(bool),
}

/// The size in bytes of a field of `kind` (also its required alignment).
///
/// ```
/// use pyrt_core::types::MemberKind;
/// assert_eq!(pyrt_core::object::member_size(MemberKind::Object), 8);
/// assert_eq!(pyrt_core::object::member_size(MemberKind::Bool), 1);
/// ```
pub fn member_size(kind: MemberKind) -> usize {
    match kind {
        MemberKind::Object | MemberKind::ObjectEx => std::mem::size_of::<ObjCell<PyAny>>(),
        MemberKind::Ssize => std::mem::size_of::<isize>(),
        MemberKind::I64 => std::mem::size_of::<i64>(),
        MemberKind::Bool => 1,
    }
}

/// Whether a field of `kind` at `offset` lies, aligned, after the header and inside an
/// object of `size` bytes.
///
/// ```
/// use pyrt_core::types::MemberKind;
/// assert!(pyrt_core::object::member_fits(MemberKind::I64, 16, 24));
/// assert!(!pyrt_core::object::member_fits(MemberKind::I64, 20, 32));
/// assert!(!pyrt_core::object::member_fits(MemberKind::Object, 8, 32));
/// ```
pub fn member_fits(kind: MemberKind, offset: isize, size: isize) -> bool {
    let n = member_size(kind) as isize;
    offset >= std::mem::size_of::<super::ObjectHeader>() as isize
        && offset % n == 0
        && offset.checked_add(n).is_some_and(|end| end <= size)
}

/// Reads the field.
///
/// ```
/// use pyrt_core::object::{MemberValue, member_read, member_write};
/// use pyrt_core::types::MemberKind;
/// pyrt_core::with_test_runtime(|py| {
///     // `classmethod` instances keep their `__dict__` pointer at a known offset.
///     let t = py.builtins().classmethod();
///     let off = t.tp_dictoffset.get();
///     let o = pyrt_core::object::generic_alloc(py, t, 0).unwrap();
///     let d = pyrt_core::builtins::dict_new(py).unwrap().into_any();
///     // SAFETY: the dict slot is an object field of every classmethod instance.
///     unsafe {
///         assert!(member_write(py, &o, MemberKind::Object, off, MemberValue::Object(Some(d))).is_none());
///         assert!(matches!(member_read(py, &o, MemberKind::Object, off), MemberValue::Object(Some(_))));
///     }
/// });
/// ```
///
/// # Safety
/// `obj` holds a field of `kind` at `offset` (for the object kinds: a pointer slot
/// holding an owned reference or null).
pub unsafe fn member_read<'py>(
    py: Python<'py>,
    obj: &PyAny,
    kind: MemberKind,
    offset: isize,
) -> MemberValue<'py> {
    // SAFETY: caller contract: the field exists at this offset.
    let at = unsafe { (obj as *const PyAny as *const u8).offset(offset) };
    // SAFETY: as above; each kind is read with its own type.
    unsafe {
        match kind {
            MemberKind::Object | MemberKind::ObjectEx => {
                MemberValue::Object((*(at as *const ObjCell<PyAny>)).get(py))
            }
            MemberKind::Ssize => {
                MemberValue::Int((*(at as *const std::cell::Cell<isize>)).get() as i64)
            }
            MemberKind::I64 => MemberValue::Int((*(at as *const std::cell::Cell<i64>)).get()),
            MemberKind::Bool => MemberValue::Bool((*(at as *const std::cell::Cell<u8>)).get() != 0),
        }
    }
}

/// Writes the field; for the object kinds returns the previous content (to be released
/// by the caller once it is safe to run arbitrary code). A value of the wrong shape for
/// `kind` is ignored (the caller converts first). See [`member_read`] for an example.
///
/// ```
/// use pyrt_core::builtins::dict_new;
/// use pyrt_core::object::{MemberValue, generic_alloc, member_write};
/// use pyrt_core::types::MemberKind;
/// pyrt_core::with_test_runtime(|py| {
///     let t = py.builtins().classmethod(); // instances keep a `__dict__` pointer
///     let (off, o) = (t.tp_dictoffset.get(), generic_alloc(py, t, 0).unwrap());
///     let (a, b) = (dict_new(py).unwrap().into_any(), dict_new(py).unwrap().into_any());
///     let kind = MemberKind::Object;
///     // SAFETY: the dict slot is an object field of every classmethod instance.
///     let old = unsafe { member_write(py, &o, kind, off, MemberValue::Object(Some(a.clone()))) };
///     assert!(old.is_none());
///     // SAFETY: as above. The previous content comes back for the caller to release.
///     let old = unsafe { member_write(py, &o, kind, off, MemberValue::Object(Some(b))) };
///     assert!(old.unwrap().is(&a));
/// });
/// ```
///
/// # Safety
/// As for [`member_read`].
pub unsafe fn member_write<'py>(
    py: Python<'py>,
    obj: &PyAny,
    kind: MemberKind,
    offset: isize,
    value: MemberValue<'py>,
) -> Option<Bound<'py, PyAny>> {
    // SAFETY: caller contract: the field exists at this offset.
    let at = unsafe { (obj as *const PyAny as *const u8).offset(offset) };
    // SAFETY: as above; each kind is written with its own type.
    unsafe {
        match (kind, value) {
            (MemberKind::Object | MemberKind::ObjectEx, MemberValue::Object(v)) => {
                let cell = &*(at as *const ObjCell<PyAny>);
                let old = cell.take(py);
                cell.set(py, v);
                old
            }
            (MemberKind::Ssize, MemberValue::Int(v)) => {
                (*(at as *const std::cell::Cell<isize>)).set(v as isize);
                None
            }
            (MemberKind::I64, MemberValue::Int(v)) => {
                (*(at as *const std::cell::Cell<i64>)).set(v);
                None
            }
            (MemberKind::Bool, MemberValue::Bool(v)) => {
                (*(at as *const std::cell::Cell<u8>)).set(v as u8);
                None
            }
            _ => None,
        }
    }
}

/// The pointer slot at `offset` inside `obj`.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let t = py.builtins().staticmethod();
///     let o = pyrt_core::object::generic_alloc(py, t, 0).unwrap();
///     // SAFETY: the dict slot of a staticmethod instance is an owned-or-null pointer.
///     let cell = unsafe { pyrt_core::object::pointer_slot(&o, t.tp_dictoffset.get()) };
///     assert!(cell.is_none());
/// });
/// ```
///
/// # Safety
/// `obj` holds, at `offset`, an aligned pointer slot that contains an owned reference or
/// null (as every object-kind member field does), and the returned cell is not used
/// after the object is freed.
pub unsafe fn pointer_slot(obj: &PyAny, offset: isize) -> &ObjCell<PyAny> {
    // SAFETY: caller contract.
    unsafe { &*((obj as *const PyAny as *const u8).offset(offset) as *const ObjCell<PyAny>) }
}
