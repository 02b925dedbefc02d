//! Method, member and getset definitions (`PyMethodDef`, `PyMemberDef`, `PyGetSetDef`).
//!
//! Owns the definition records; the descriptors made from them live in `pyrt-typeobject`.

use super::signatures::UnaryFunc;
use crate::builtins::{DictObject, TupleObject};
use crate::err::PyResult;
use crate::handle::Bound;
use crate::runtime::Python;

/// A `METH_VARARGS | METH_KEYWORDS` function: `f(self, args, kwargs)`.
pub type KeywordsFn = for<'py> fn(
    Python<'py>,
    &Bound<'py>,
    &Bound<'py, TupleObject>,
    Option<&Bound<'py, DictObject>>,
) -> PyResult<Bound<'py>>;

/// A getset getter: `get(self)`.
pub type Getter = UnaryFunc;
/// A getset setter: `set(self, value)`; `None` deletes.
pub type Setter = for<'py> fn(Python<'py>, &Bound<'py>, Option<&Bound<'py>>) -> PyResult<()>;

/// A native method's calling convention and function.
///
/// ```
/// use pyrt_core::{Bound, PyResult, Python, builtins::{StrObject, list_new, str_new}};
/// use pyrt_core::types::MethodFn;
/// fn type_name<'py>(py: Python<'py>, slf: &Bound<'py>) -> PyResult<Bound<'py>> {
///     Ok(str_new(py, &slf.type_name())?.into_any())
/// }
/// let meth = MethodFn::NoArgs(type_name);
/// pyrt_core::with_test_runtime(|py| {
///     let l = list_new(py, &[]).unwrap().into_any();
///     let r = match meth {
///         MethodFn::NoArgs(f) => f(py, &l).unwrap(),
///         _ => unreachable!("declared as METH_NOARGS"),
///     };
///     assert_eq!(r.downcast::<StrObject>().unwrap().as_str(), "list");
/// });
/// ```
#[derive(Clone, Copy)]
pub enum MethodFn {
    /// `METH_NOARGS`: `f(self)`.
    NoArgs(for<'py> fn(Python<'py>, &Bound<'py>) -> PyResult<Bound<'py>>),
    /// `METH_O`: `f(self, arg)`.
    O(for<'py> fn(Python<'py>, &Bound<'py>, &Bound<'py>) -> PyResult<Bound<'py>>),
    /// `METH_VARARGS`: `f(self, args)`.
    VarArgs(
        for<'py> fn(Python<'py>, &Bound<'py>, &Bound<'py, TupleObject>) -> PyResult<Bound<'py>>,
    ),
    /// `METH_VARARGS | METH_KEYWORDS`: `f(self, args, kwargs)`.
    Keywords(KeywordsFn),
    /// `METH_FASTCALL`: `f(self, args)`.
    Fast(for<'py> fn(Python<'py>, &Bound<'py>, &[Bound<'py>]) -> PyResult<Bound<'py>>),
}

/// `METH_CLASS` / `METH_STATIC` / `METH_COEXIST`.
///
/// ```
/// use pyrt_core::types::MethodFlags;
/// assert_eq!(MethodFlags::CLASS, MethodFlags(0x10)); // CPython's METH_CLASS
/// assert_eq!(MethodFlags::default(), MethodFlags(0)); // a plain instance method
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MethodFlags(pub u32);

/// The flag values (CPython's `METH_CLASS`, `METH_STATIC`, `METH_COEXIST`).
///
/// ```
/// use pyrt_core::types::MethodFlags;
/// let f = MethodFlags(MethodFlags::CLASS.0 | MethodFlags::COEXIST.0);
/// assert_ne!(f.0 & MethodFlags::CLASS.0, 0);
/// assert_eq!(f.0 & MethodFlags::STATIC.0, 0);
/// ```
impl MethodFlags {
    /// Bound to the class (a classmethod).
    pub const CLASS: MethodFlags = MethodFlags(0x10);
    /// Not bound (a staticmethod).
    pub const STATIC: MethodFlags = MethodFlags(0x20);
    /// Replaces a slot wrapper of the same name.
    pub const COEXIST: MethodFlags = MethodFlags(0x40);
}

/// A `tp_methods` entry.
///
/// ```
/// use pyrt_core::types::{MethodDef, MethodFn, MethodFlags};
/// fn hello<'py>(py: pyrt_core::Python<'py>, _s: &pyrt_core::Bound<'py>) -> pyrt_core::PyResult<pyrt_core::Bound<'py>> {
///     Ok(pyrt_core::builtins::str_new(py, "hello")?.into_any())
/// }
/// static M: [MethodDef; 1] = [MethodDef { name: "hello", meth: MethodFn::NoArgs(hello), flags: MethodFlags(0), doc: None }];
/// assert_eq!(M[0].name, "hello");
/// ```
#[derive(Clone, Copy)]
pub struct MethodDef {
    /// The attribute name.
    pub name: &'static str,
    /// The function and its calling convention.
    pub meth: MethodFn,
    /// Binding flags.
    pub flags: MethodFlags,
    /// The docstring.
    pub doc: Option<&'static str>,
}

/// The C type of a member (`Py_T_*`).
///
/// ```
/// use pyrt_core::{object::member_size, types::MemberKind};
/// assert_eq!(member_size(MemberKind::Bool), 1);
/// assert_eq!(member_size(MemberKind::I64), 8);
/// assert_ne!(MemberKind::Object, MemberKind::ObjectEx); // differ when the field is unset
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MemberKind {
    /// An object reference; reading an unset member gives `None`.
    Object,
    /// An object reference; reading an unset member raises `AttributeError`.
    ObjectEx,
    /// A signed machine integer (`Py_ssize_t`).
    Ssize,
    /// A 64-bit signed integer.
    I64,
    /// A boolean byte.
    Bool,
}

/// A `tp_members` entry. The special names `__dictoffset__`, `__weaklistoffset__` and
/// `__vectorcalloffset__` (kind [`MemberKind::Ssize`], read-only) set the type's offsets
/// when given in a spec, as in CPython.
///
/// ```
/// use pyrt_core::types::{MemberDef, MemberKind};
/// let m = MemberDef { name: "x", kind: MemberKind::Object, offset: 16, readonly: false, doc: None };
/// assert_eq!(m.offset, 16);
/// ```
#[derive(Clone, Copy, Debug)]
pub struct MemberDef {
    /// The attribute name.
    pub name: &'static str,
    /// What is stored at `offset`.
    pub kind: MemberKind,
    /// Byte offset from the start of the object.
    pub offset: isize,
    /// Whether assignment is refused.
    pub readonly: bool,
    /// The docstring.
    pub doc: Option<&'static str>,
}

/// A `tp_getset` entry.
///
/// ```
/// use pyrt_core::types::GetSetDef;
/// let g = GetSetDef { name: "p", get: None, set: None, doc: None };
/// assert!(g.get.is_none());
/// ```
#[derive(Clone, Copy)]
pub struct GetSetDef {
    /// The attribute name.
    pub name: &'static str,
    /// The getter.
    pub get: Option<Getter>,
    /// The setter (`None` value deletes).
    pub set: Option<Setter>,
    /// The docstring.
    pub doc: Option<&'static str>,
}
