//! Small helpers the builtin slots use to call *other* objects' slots: `repr()`,
//! `str()`, iteration into a vector, index conversion, instance allocation, and the
//! `NotImplemented` / `True` / `False` results.
//!
//! Owns: nothing but thin dispatch with CPython 3.11's error texts. Must not: implement
//! any type's slots, or grow into the abstract object API. The runtime's abstract API
//! will replace these, so their signatures are kept simple.

use crate::builtins::object::object_repr;
use pyrt_core::builtins::{
    DictObject, IntObject, ListObject, MappingProxyObject, StrObject, TupleObject, str_new,
};
use pyrt_core::object::generic_alloc;
use pyrt_core::types::TypeObject;
use pyrt_core::{Bound, PyErr, PyResult, Python};

/// `repr(obj)`: the object's type's `tp_repr` (`object`'s default when the slot is
/// empty); a result that is not a `str` raises
/// `TypeError: __repr__ returned non-string (type X)`.
///
/// ```
/// fn init(py: pyrt_core::Python<'_>) {
///     pyrt_core::builtins::init_core_layouts(py);
///     pyrt_typeobject::builtins::install_behaviour_slots(py);
/// }
/// pyrt_core::runtime::enter(init, |py| {
///     let s = pyrt_core::builtins::str_new(py, "it's").unwrap();
///     let r = pyrt_typeobject::builtins::call::repr_of(py, s.as_any()).unwrap();
///     assert_eq!(r.as_str(), "\"it's\"");
/// });
/// ```
pub fn repr_of<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py, StrObject>> {
    let f = obj.ob_type().tp_repr.get().unwrap_or(object_repr);
    let r = ReprDepth::enter(py)?.run(|| f(py, obj))?;
    r.downcast_into::<StrObject>().map_err(|r| {
        PyErr::type_error(
            py,
            format!("__repr__ returned non-string (type {})", r.type_name()),
        )
    })
}

/// Nesting of `repr_of` calls on this thread (the runtime lock serialises threads, and a
/// repr never releases it). Deeply nested containers raise `RecursionError` instead of
/// exhausting the machine stack, as CPython's recursion check does.
struct ReprDepth;

thread_local! {
    static REPR_DEPTH: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// How deeply `repr` may nest (CPython's default recursion limit).
const REPR_DEPTH_LIMIT: u32 = 1000;

impl ReprDepth {
    fn enter(py: Python<'_>) -> PyResult<ReprDepth> {
        let d = REPR_DEPTH.with(|c| c.get());
        if d >= REPR_DEPTH_LIMIT {
            return Err(PyErr::new(
                py,
                py.builtins().recursion_error(),
                "maximum recursion depth exceeded while getting the repr of an object",
            ));
        }
        REPR_DEPTH.with(|c| c.set(d + 1));
        Ok(ReprDepth)
    }

    fn run<R>(self, f: impl FnOnce() -> R) -> R {
        f()
    }
}

impl Drop for ReprDepth {
    fn drop(&mut self) {
        REPR_DEPTH.with(|c| c.set(c.get().saturating_sub(1)));
    }
}

/// `str(obj)`: the object itself for an exact `str`, else the type's `tp_str`, else
/// [`repr_of`]; a result that is not a `str` raises
/// `TypeError: __str__ returned non-string (type X)`.
///
/// ```
/// fn init(py: pyrt_core::Python<'_>) {
///     pyrt_core::builtins::init_core_layouts(py);
///     pyrt_typeobject::builtins::install_behaviour_slots(py);
/// }
/// pyrt_core::runtime::enter(init, |py| {
///     let n = pyrt_core::builtins::int_new(py, -7).unwrap();
///     let s = pyrt_typeobject::builtins::call::str_of(py, n.as_any()).unwrap();
///     assert_eq!(s.as_str(), "-7");
/// });
/// ```
pub fn str_of<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py, StrObject>> {
    if is_exact(py, obj, py.builtins().str_()) {
        // SAFETY: the object's type is exactly `str`.
        return Ok(unsafe { obj.downcast_unchecked::<StrObject>() }.clone());
    }
    let Some(f) = obj.ob_type().tp_str.get() else {
        return repr_of(py, obj);
    };
    let r = f(py, obj)?;
    r.downcast_into::<StrObject>().map_err(|r| {
        PyErr::type_error(
            py,
            format!("__str__ returned non-string (type {})", r.type_name()),
        )
    })
}

/// `NotImplemented`, as a new reference.
pub(crate) fn not_implemented(py: Python<'_>) -> Bound<'_> {
    Bound::from_ref(py, py.singletons().not_implemented())
}

/// Whether `obj` is `NotImplemented`.
pub(crate) fn is_not_implemented(py: Python<'_>, obj: &Bound<'_>) -> bool {
    std::ptr::eq(obj.as_any_ref(), py.singletons().not_implemented())
}

/// Whether `obj`'s type is exactly `tp`.
pub(crate) fn is_exact(_py: Python<'_>, obj: &Bound<'_>, tp: &TypeObject) -> bool {
    std::ptr::eq(obj.ob_type(), tp)
}

/// A new `str` object as an untyped handle.
pub(crate) fn new_str<'py>(py: Python<'py>, s: &str) -> PyResult<Bound<'py>> {
    Ok(str_new(py, s)?.into_any())
}

/// Allocates an instance of `tp` through its `tp_alloc` (the generic allocator when the
/// slot is empty).
pub(crate) fn alloc_instance<'py>(
    py: Python<'py>,
    tp: &TypeObject,
    nitems: isize,
) -> PyResult<Bound<'py>> {
    tp.tp_alloc.get().unwrap_or(generic_alloc)(py, tp, nitems)
}

/// The integer value of `obj` if it is an `int` (or `bool`), or has `nb_index`
/// (whose result must be an `int`: `TypeError: __index__ returned non-int (type X)`);
/// `Ok(None)` if it is not index-like at all.
pub(crate) fn index_value(py: Python<'_>, obj: &Bound<'_>) -> PyResult<Option<i64>> {
    if let Ok(i) = obj.downcast::<IntObject>() {
        return Ok(Some(i.value()));
    }
    let Some(f) = obj.ob_type().number().and_then(|n| n.nb_index.get()) else {
        return Ok(None);
    };
    let r = f(py, obj)?;
    match r.downcast::<IntObject>() {
        Ok(i) => Ok(Some(i.value())),
        Err(_) => Err(PyErr::type_error(
            py,
            format!("__index__ returned non-int (type {})", r.type_name()),
        )),
    }
}

/// Whether [`collect_iterable`] accepts `obj`.
pub(crate) fn is_iterable(obj: &Bound<'_>) -> bool {
    obj.ob_type().tp_iter.get().is_some()
        || obj
            .ob_type()
            .sequence()
            .and_then(|q| q.sq_item.get())
            .is_some()
        || obj.downcast::<TupleObject>().is_ok()
        || obj.downcast::<ListObject>().is_ok()
        || obj.downcast::<DictObject>().is_ok()
        || obj.downcast::<MappingProxyObject>().is_ok()
        || obj.downcast::<StrObject>().is_ok()
}

/// The items of an iterable: through its type's `tp_iter` and the iterator's
/// `tp_iternext` when it has them, else read from a `tuple`, `list`, `dict` (keys),
/// `mappingproxy` (its mapping's keys) or `str` (characters) payload; otherwise
/// `TypeError: 'X' object is not iterable`.
pub(crate) fn collect_iterable<'py>(
    py: Python<'py>,
    obj: &Bound<'py>,
) -> PyResult<Vec<Bound<'py>>> {
    if let Some(iter) = obj.ob_type().tp_iter.get() {
        let it = iter(py, obj)?;
        let Some(next) = it.ob_type().tp_iternext.get() else {
            return Err(PyErr::type_error(
                py,
                format!("iter() returned non-iterator of type '{}'", it.type_name()),
            ));
        };
        let mut out = Vec::new();
        while let Some(item) = next(py, &it)? {
            out.push(item);
        }
        return Ok(out);
    }
    if let Ok(t) = obj.downcast::<TupleObject>() {
        return Ok(t.items(py).to_vec());
    }
    if let Ok(l) = obj.downcast::<ListObject>() {
        return Ok(l.to_vec(py));
    }
    if let Ok(d) = obj.downcast::<DictObject>() {
        return Ok(d.keys(py));
    }
    if let Ok(p) = obj.downcast::<MappingProxyObject>()
        && let Some(m) = p.mapping.get(py)
    {
        return collect_iterable(py, &m);
    }
    if let Ok(s) = obj.downcast::<StrObject>() {
        let mut buf = [0u8; 4];
        return s
            .as_str()
            .chars()
            .map(|c| new_str(py, c.encode_utf8(&mut buf)))
            .collect();
    }
    if obj
        .ob_type()
        .sequence()
        .and_then(|q| q.sq_item.get())
        .is_some()
    {
        // The sequence protocol (`__getitem__` with 0, 1, 2, ... until IndexError).
        let it = crate::ops::iter(py, obj)?;
        let mut out = Vec::new();
        while let Some(item) = crate::ops::next(py, &it)? {
            out.push(item);
        }
        return Ok(out);
    }
    Err(PyErr::type_error(
        py,
        format!("'{}' object is not iterable", obj.type_name()),
    ))
}
