//! Typed Rust signatures for every slot typedef of the spec.
//!
//! C's `PyObject *` becomes `&Bound<'py>` (borrowed argument) or `Bound<'py>` (new
//! reference); C's "NULL with an exception set" becomes `Err(PyErr)`; C's optional
//! `NULL` value becomes `Option`. Owns the aliases only.

use crate::builtins::{DictObject, TupleObject};
use crate::err::PyResult;
use crate::handle::Bound;
use crate::object::PyAny;
use crate::runtime::Python;
use crate::types::TypeObject;
use std::ptr::NonNull;

/// `allocfunc`: a zero-filled instance with refcount 1 (see the spec).
pub type AllocFunc = for<'py> fn(Python<'py>, &TypeObject, isize) -> PyResult<Bound<'py>>;
/// `destructor` for `tp_dealloc`: destroys the payload and ends in `tp_free`.
///
/// Called exactly once, at refcount zero, after the object is untracked; it must not
/// resurrect the object. Heap-type instances release their type reference after it.
pub type Destructor = for<'py> unsafe fn(Python<'py>, NonNull<PyAny>);
/// `freefunc` for `tp_free`: releases the memory of an object with refcount zero.
pub type FreeFunc = for<'py> unsafe fn(Python<'py>, NonNull<PyAny>);
/// `destructor` for `tp_finalize` / `tp_del`, and `inquiry` for `tp_clear`: act on a
/// live object.
pub type ObjProc = for<'py> fn(Python<'py>, &Bound<'py>);
/// `traverseproc`: calls `visit` with every object this one holds a strong reference to.
pub type TraverseProc = fn(&PyAny, &mut dyn FnMut(NonNull<PyAny>));
/// `inquiry` for `tp_is_gc`.
pub type IsGcFunc = fn(&PyAny) -> bool;
/// `newfunc`.
pub type NewFunc = for<'py> fn(
    Python<'py>,
    &Bound<'py, TypeObject>,
    &Bound<'py, TupleObject>,
    Option<&Bound<'py, DictObject>>,
) -> PyResult<Bound<'py>>;
/// `initproc`.
pub type InitProc = for<'py> fn(
    Python<'py>,
    &Bound<'py>,
    &Bound<'py, TupleObject>,
    Option<&Bound<'py, DictObject>>,
) -> PyResult<()>;
/// `unaryfunc`; also `reprfunc` and `getiterfunc`.
pub type UnaryFunc = for<'py> fn(Python<'py>, &Bound<'py>) -> PyResult<Bound<'py>>;
/// `binaryfunc`; also `getattrofunc`.
pub type BinaryFunc = for<'py> fn(Python<'py>, &Bound<'py>, &Bound<'py>) -> PyResult<Bound<'py>>;
/// `ternaryfunc` (`tp_call`: args tuple and optional kwargs dict; `nb_power`: optional modulus).
pub type TernaryFunc =
    for<'py> fn(Python<'py>, &Bound<'py>, &Bound<'py>, Option<&Bound<'py>>) -> PyResult<Bound<'py>>;
/// `getattrfunc` (attribute name as a Rust string).
pub type GetAttrFunc = for<'py> fn(Python<'py>, &Bound<'py>, &str) -> PyResult<Bound<'py>>;
/// `setattrfunc` (`None` value deletes).
pub type SetAttrFunc =
    for<'py> fn(Python<'py>, &Bound<'py>, &str, Option<&Bound<'py>>) -> PyResult<()>;
/// `objobjargproc`; also `setattrofunc` and `descrsetfunc` (`None` value deletes).
pub type ObjObjArgProc =
    for<'py> fn(Python<'py>, &Bound<'py>, &Bound<'py>, Option<&Bound<'py>>) -> PyResult<()>;
/// `descrgetfunc`: (descriptor, instance or None, owner type or None).
pub type DescrGetFunc = for<'py> fn(
    Python<'py>,
    &Bound<'py>,
    Option<&Bound<'py>>,
    Option<&Bound<'py>>,
) -> PyResult<Bound<'py>>;
/// `hashfunc` and `lenfunc`.
pub type SsizeFunc = for<'py> fn(Python<'py>, &Bound<'py>) -> PyResult<isize>;
/// `richcmpfunc`.
pub type RichCmpFunc =
    for<'py> fn(Python<'py>, &Bound<'py>, &Bound<'py>, CompareOp) -> PyResult<Bound<'py>>;
/// `iternextfunc`: `Ok(None)` means exhausted without an exception.
pub type IterNextFunc = for<'py> fn(Python<'py>, &Bound<'py>) -> PyResult<Option<Bound<'py>>>;
/// `inquiry` for `nb_bool`.
pub type InquiryFunc = for<'py> fn(Python<'py>, &Bound<'py>) -> PyResult<bool>;
/// `ssizeargfunc`.
pub type SsizeArgFunc = for<'py> fn(Python<'py>, &Bound<'py>, isize) -> PyResult<Bound<'py>>;
/// `ssizeobjargproc` (`None` value deletes).
pub type SsizeObjArgProc =
    for<'py> fn(Python<'py>, &Bound<'py>, isize, Option<&Bound<'py>>) -> PyResult<()>;
/// `objobjproc` (`sq_contains`).
pub type ObjObjProc = for<'py> fn(Python<'py>, &Bound<'py>, &Bound<'py>) -> PyResult<bool>;
/// `getbufferproc`.
pub type GetBufferProc = for<'py> fn(Python<'py>, &Bound<'py>, &mut Buffer, i32) -> PyResult<()>;
/// `releasebufferproc`.
pub type ReleaseBufferProc = for<'py> fn(Python<'py>, &Bound<'py>, &mut Buffer);
/// `sendfunc` (`am_send`).
pub type SendFunc = for<'py> fn(Python<'py>, &Bound<'py>, &Bound<'py>) -> PyResult<SendResult<'py>>;
/// `vectorcallfunc`: (callable, positional and keyword argument values, keyword names).
pub type VectorcallFunc = for<'py> fn(
    Python<'py>,
    &Bound<'py>,
    &[Bound<'py>],
    Option<&Bound<'py, TupleObject>>,
) -> PyResult<Bound<'py>>;

/// The comparison requested of `tp_richcompare` (values as CPython's `Py_LT`…`Py_GE`).
///
/// ```
/// use pyrt_core::types::CompareOp;
/// assert_eq!((CompareOp::Lt as i32, CompareOp::Ge as i32), (0, 5));
/// assert_eq!(CompareOp::Ne.symbol(), "!=");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CompareOp {
    /// `<`
    Lt = 0,
    /// `<=`
    Le = 1,
    /// `==`
    Eq = 2,
    /// `!=`
    Ne = 3,
    /// `>`
    Gt = 4,
    /// `>=`
    Ge = 5,
}

/// The reflected operation and the operator's symbol (for error messages).
///
/// ```
/// use pyrt_core::types::CompareOp;
/// assert_eq!(CompareOp::Le.swapped().symbol(), ">=");
/// ```
impl CompareOp {
    /// The operation with swapped operands (`a < b` is `b > a`).
    ///
    /// ```
    /// use pyrt_core::types::CompareOp;
    /// assert_eq!(CompareOp::Lt.swapped(), CompareOp::Gt);
    /// ```
    pub fn swapped(self) -> CompareOp {
        match self {
            CompareOp::Lt => CompareOp::Gt,
            CompareOp::Le => CompareOp::Ge,
            CompareOp::Eq => CompareOp::Eq,
            CompareOp::Ne => CompareOp::Ne,
            CompareOp::Gt => CompareOp::Lt,
            CompareOp::Ge => CompareOp::Le,
        }
    }

    /// The operator's symbol.
    ///
    /// ```
    /// assert_eq!(pyrt_core::types::CompareOp::Ge.symbol(), ">=");
    /// ```
    pub fn symbol(self) -> &'static str {
        ["<", "<=", "==", "!=", ">", ">="][self as usize]
    }
}

/// The result of `am_send`.
///
/// ```
/// use pyrt_core::{Python, builtins::{IntObject, int_new}, types::SendResult};
/// // A sender that yields 0, 1, 2 and then returns 3.
/// fn send(py: Python<'_>, n: i64) -> SendResult<'_> {
///     let v = int_new(py, n).unwrap().into_any();
///     if n < 3 { SendResult::Next(v) } else { SendResult::Return(v) }
/// }
/// pyrt_core::with_test_runtime(|py| {
///     let mut n = 0;
///     let last = loop {
///         match send(py, n) {
///             SendResult::Next(_) => n += 1,
///             SendResult::Return(v) => break v,
///         }
///     };
///     assert_eq!((n, last.downcast::<IntObject>().unwrap().value()), (3, 3));
/// });
/// ```
pub enum SendResult<'py> {
    /// The iterator returned (finished) with this value.
    Return(Bound<'py>),
    /// The iterator yielded this value.
    Next(Bound<'py>),
}

/// A minimal buffer view for `bf_getbuffer` / `bf_releasebuffer`.
///
/// ```
/// use pyrt_core::types::Buffer;
/// static DATA: [u8; 4] = *b"abcd";
/// let b = Buffer { buf: DATA.as_ptr() as usize, len: 4, readonly: true, itemsize: 1 };
/// // SAFETY: `buf` and `len` describe `DATA`, which is static.
/// let bytes = unsafe { std::slice::from_raw_parts(b.buf as *const u8, b.len as usize) };
/// assert_eq!(bytes, b"abcd");
/// assert_eq!(Buffer::default().len, 0); // the empty view
/// ```
#[derive(Debug, Default)]
pub struct Buffer {
    /// Start of the exported memory.
    pub buf: usize,
    /// Length in bytes.
    pub len: isize,
    /// Whether the memory is read-only.
    pub readonly: bool,
    /// Size of one item.
    pub itemsize: isize,
}
