//! The `str` payload: UTF-8 bytes stored inline after the header (`tp_itemsize` 1,
//! `ob_size` = byte length), a cached hash, and the interned-string table.
//!
//! Owns the layout, construction and interning. String methods are not here.

use super::hash::hash_bytes;
use crate::err::PyResult;
use crate::handle::Bound;
use crate::object::{PyAny, PyLayout, VarHeader};
use crate::runtime::Python;
use crate::types::TypeFlags;
use std::cell::Cell;
use std::ptr::NonNull;

/// A `str` object. `str` is a fixed-size type (`tp_itemsize` 0) like CPython's; the
/// UTF-8 bytes are stored right after the instance's own type's `tp_basicsize`, so a
/// subclass's extra fields (dict, weakref list) come before them. Only [`str_alloc`]
/// allocates str instances.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let s = pyrt_core::builtins::str_new(py, "héllo").unwrap();
///     assert_eq!(s.ob_base.ob_size.get(), 6); // `ob_size` counts UTF-8 bytes
///     assert_eq!(s.as_str().chars().count(), 5);
/// });
/// ```
#[repr(C)]
pub struct StrObject {
    /// Header; `ob_size` is the byte length.
    pub ob_base: VarHeader,
    /// Cached hash, 0 when not yet computed (a computed hash is never 0... see `hash`).
    hash: Cell<isize>,
    /// Whether this object is the interned representative of its value.
    interned: Cell<bool>,
}

// SAFETY: repr(C), header first, zero-valid; UNICODE_SUBCLASS marks str and subtypes.
unsafe impl PyLayout for StrObject {
    fn type_check(obj: &PyAny) -> bool {
        obj.ob_type().has_flag(TypeFlags::UNICODE_SUBCLASS)
    }
}

/// The text, its cached hash, and whether the object is interned or exactly `str`.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let s = pyrt_core::builtins::intern(py, "text").unwrap();
///     assert_eq!(s.as_str(), "text");
///     assert!(s.is_interned() && s.is_exact(py));
/// });
/// ```
impl StrObject {
    /// The text.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let s = pyrt_core::builtins::str_new(py, "naïve").unwrap();
    ///     assert_eq!(s.as_str(), "naïve");
    /// });
    /// ```
    #[inline]
    pub fn as_str(&self) -> &str {
        let len = self.ob_base.ob_size.get() as usize;
        // SAFETY: header invariant: the type outlives the object.
        let offset = unsafe { &*self.ob_base.ob_base.ob_type.get() }
            .tp_basicsize
            .get() as usize;
        // SAFETY: str_alloc wrote `len` bytes of valid UTF-8 at the type's basicsize,
        // inside the allocation, and they are never modified.
        unsafe {
            let p = (self as *const StrObject as *const u8).add(offset);
            std::str::from_utf8_unchecked(std::slice::from_raw_parts(p, len))
        }
    }

    /// The hash (computed once and cached).
    ///
    /// ```
    /// use pyrt_core::builtins::{hash_bytes, str_new};
    /// pyrt_core::with_test_runtime(|py| {
    ///     let (a, b) = (str_new(py, "abc").unwrap(), str_new(py, "abc").unwrap());
    ///     assert_eq!(a.hash(), b.hash()); // equal text, equal hash
    ///     assert_eq!(a.hash(), hash_bytes(b"abc")); // the hash of the UTF-8 bytes
    /// });
    /// ```
    #[inline]
    pub fn hash(&self) -> isize {
        let h = self.hash.get();
        if h != 0 {
            return h;
        }
        let h = match hash_bytes(self.as_str().as_bytes()) {
            0 => 1,
            h => h,
        };
        self.hash.set(h);
        h
    }

    /// Whether this is the interned object for its value.
    ///
    /// ```
    /// use pyrt_core::builtins::{intern, str_new};
    /// pyrt_core::with_test_runtime(|py| {
    ///     assert!(!str_new(py, "is_interned example").unwrap().is_interned());
    ///     assert!(intern(py, "is_interned example").unwrap().is_interned());
    /// });
    /// ```
    #[inline]
    pub fn is_interned(&self) -> bool {
        self.interned.get()
    }

    /// Whether the object's type is exactly `str`.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let s = pyrt_core::builtins::str_alloc(py, py.builtins().str_(), "x").unwrap();
    ///     assert!(s.is_exact(py)); // a subclass instance (from `str_alloc`) would say false
    /// });
    /// ```
    #[inline]
    pub fn is_exact(&self, py: Python<'_>) -> bool {
        std::ptr::eq(self.ob_base.ob_base.ob_type.get(), py.builtins().str_())
    }
}

/// A new (not interned) `str`.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let s = pyrt_core::builtins::str_new(py, "héllo").unwrap();
///     assert_eq!(s.as_str(), "héllo");
/// });
/// ```
pub fn str_new<'py>(py: Python<'py>, s: &str) -> PyResult<Bound<'py, StrObject>> {
    str_alloc(py, py.builtins().str_(), s)
}

/// A new instance of `tp` (`str` or a subclass) holding `s`: a block of
/// `tp_basicsize + len(s)` bytes (rounded to 8) with the text at `tp_basicsize`.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let s = pyrt_core::builtins::str_alloc(py, py.builtins().str_(), "ab").unwrap();
///     assert_eq!(s.as_str(), "ab");
/// });
/// ```
pub fn str_alloc<'py>(
    py: Python<'py>,
    tp: &crate::types::TypeObject,
    s: &str,
) -> PyResult<Bound<'py, StrObject>> {
    let o = crate::object::alloc::alloc_with_extra(py, tp, s.len())?;
    // SAFETY: the allocation holds basicsize + len bytes; we copy `len` bytes of valid
    // UTF-8 at basicsize before anyone reads them, then record the length.
    unsafe {
        let dst = (o.as_ptr().as_ptr() as *mut u8).add(tp.tp_basicsize.get() as usize);
        std::ptr::copy_nonoverlapping(s.as_ptr(), dst, s.len());
        (*(o.as_ptr().as_ptr() as *const VarHeader))
            .ob_size
            .set(s.len() as isize);
        Ok(o.downcast_unchecked::<StrObject>().clone())
    }
}

/// The interned `str` for `s` (created on first use; interned strings are immortal).
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let a = pyrt_core::builtins::intern(py, "name").unwrap();
///     let b = pyrt_core::builtins::intern(py, "name").unwrap();
///     assert!(a.is(&b));
/// });
/// ```
pub fn intern<'py>(py: Python<'py>, s: &str) -> PyResult<Bound<'py, StrObject>> {
    let h = hash_for_table(s);
    if let Some(found) = lookup_interned(py, s, h) {
        return Ok(found);
    }
    let obj = str_new(py, s)?;
    Ok(insert_interned(py, obj, h))
}

/// The interned representative of `s`'s value (`s` itself if it becomes interned).
///
/// ```
/// use pyrt_core::builtins::{intern, intern_bound, str_new};
/// pyrt_core::with_test_runtime(|py| {
///     let s = str_new(py, "intern_bound example").unwrap();
///     let i = intern_bound(py, s.clone());
///     assert!(i.is(&s) && s.is_interned()); // the first of its value becomes the one
///     let other = intern_bound(py, str_new(py, "intern_bound example").unwrap());
///     assert!(other.is(&s));
///     assert!(intern(py, "intern_bound example").unwrap().is(&s));
/// });
/// ```
pub fn intern_bound<'py>(py: Python<'py>, s: Bound<'py, StrObject>) -> Bound<'py, StrObject> {
    if s.is_interned() {
        return s;
    }
    let h = hash_for_table(s.as_str());
    if let Some(found) = lookup_interned(py, s.as_str(), h) {
        return found;
    }
    if !s.is_exact(py) {
        return match str_new(py, s.as_str()) {
            Ok(exact) => insert_interned(py, exact, h),
            Err(_) => s,
        };
    }
    insert_interned(py, s, h)
}

fn hash_for_table(s: &str) -> u64 {
    super::hash::mix_hash(hash_bytes(s.as_bytes()) as u64)
}

fn lookup_interned<'py>(py: Python<'py>, s: &str, h: u64) -> Option<Bound<'py, StrObject>> {
    // SAFETY: the table is accessed under the lock, with no other borrow live.
    let table = unsafe { &*py.state().interned.get() };
    // SAFETY: entries are immortal interned strings.
    let found = table.find(h, |p| unsafe { p.as_ref() }.as_str() == s)?;
    Some(Bound::from_ref(py, unsafe { found.as_ref() }))
}

fn insert_interned<'py>(
    py: Python<'py>,
    s: Bound<'py, StrObject>,
    h: u64,
) -> Bound<'py, StrObject> {
    s.interned.set(true);
    let st = py.state();
    // The table keeps one reference forever: interned strings are immortal.
    let kept: NonNull<StrObject> = s.clone().into_non_null();
    st.note_immortal();
    // SAFETY: lock held; no other borrow of the table is live.
    let table = unsafe { &mut *st.interned.get() };
    // SAFETY: entries are live immortal strings.
    table.insert_unique(h, kept, |p| hash_for_table(unsafe { p.as_ref() }.as_str()));
    s
}

/// [`intern`] with a per-call-site cache: the first call interns `s` and remembers the
/// object in `cache`; later calls only take a new reference. Sound because interned
/// strings are immortal. Use through the [`crate::interned!`] macro.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let a = pyrt_core::interned!(py, "__doc__").unwrap();
///     let b = pyrt_core::builtins::intern(py, "__doc__").unwrap();
///     assert!(a.is(&b));
/// });
/// ```
pub fn intern_cached<'py>(
    py: Python<'py>,
    s: &'static str,
    cache: &'static std::sync::atomic::AtomicPtr<StrObject>,
) -> PyResult<Bound<'py, StrObject>> {
    use std::sync::atomic::Ordering;
    if let Some(p) = NonNull::new(cache.load(Ordering::Relaxed)) {
        // SAFETY: the cache only ever holds interned (immortal) strings.
        return Ok(unsafe { Bound::from_borrowed_ptr(py, p) });
    }
    let obj = intern(py, s)?;
    cache.store(obj.as_ptr().as_ptr() as *mut StrObject, Ordering::Relaxed);
    Ok(obj)
}

/// The interned `str` for a string literal, cached at the call site (see
/// [`builtins::intern_cached`](crate::builtins::intern_cached)).
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     assert_eq!(pyrt_core::interned!(py, "x").unwrap().as_str(), "x");
/// });
/// ```
#[macro_export]
macro_rules! interned {
    ($py:expr, $s:literal) => {{
        static CACHE: ::std::sync::atomic::AtomicPtr<$crate::builtins::StrObject> =
            ::std::sync::atomic::AtomicPtr::new(::std::ptr::null_mut());
        $crate::builtins::intern_cached($py, $s, &CACHE)
    }};
}
