//! Shared helpers of the `builtins_*` tests: entering the runtime with the behaviour
//! slots installed (but no type readying), building objects, calling slots through the
//! type objects' cells, and formatting results and errors like CPython.
#![allow(dead_code)]

use pyrt_core::builtins::{
    DictObject, IntObject, StrObject, TupleObject, dict_new, int_new, list_new, str_new, tuple_new,
};
use pyrt_core::types::{
    CompareOp, MappingMethods, NumberMethods, SequenceMethods, TypeFlags, TypeObject,
};
use pyrt_core::{Bound, PyErr, PyResult, Python};
use pyrt_typeobject::builtins::call::{repr_of, str_of};

/// The runtime init of these tests: core layouts, then the behaviour slots.
pub fn init(py: Python<'_>) {
    pyrt_core::builtins::init_core_layouts(py);
    pyrt_typeobject::builtins::install_behaviour_slots(py);
}

/// Runs `f` in the runtime and checks that every object it allocated was freed.
pub fn run(f: impl for<'py> FnOnce(Python<'py>)) {
    pyrt_core::runtime::enter(init, |py| {
        let before = py.live_objects();
        f(py);
        assert_eq!(py.live_objects(), before, "objects leaked by the test");
    });
}

pub fn int(py: Python<'_>, v: i64) -> Bound<'_> {
    int_new(py, v).unwrap().into_any()
}

pub fn s<'py>(py: Python<'py>, v: &str) -> Bound<'py> {
    str_new(py, v).unwrap().into_any()
}

pub fn tup<'py>(py: Python<'py>, items: &[Bound<'py>]) -> Bound<'py> {
    tuple_new(py, items).unwrap().into_any()
}

pub fn args<'py>(py: Python<'py>, items: &[Bound<'py>]) -> Bound<'py, TupleObject> {
    tuple_new(py, items).unwrap()
}

pub fn list<'py>(py: Python<'py>, items: &[Bound<'py>]) -> Bound<'py> {
    list_new(py, items).unwrap().into_any()
}

pub fn dict<'py>(py: Python<'py>, items: &[(Bound<'py>, Bound<'py>)]) -> Bound<'py> {
    let d = dict_new(py).unwrap();
    for (k, v) in items {
        d.set_item(py, k, v).unwrap();
    }
    d.into_any()
}

pub fn kwargs<'py>(py: Python<'py>, items: &[(&str, Bound<'py>)]) -> Bound<'py, DictObject> {
    let d = dict_new(py).unwrap();
    for (k, v) in items {
        d.set_item(py, &s(py, k), v).unwrap();
    }
    d
}

pub fn none(py: Python<'_>) -> Bound<'_> {
    pyrt_core::protocol::none(py)
}

pub fn boolean(py: Python<'_>, v: bool) -> Bound<'_> {
    pyrt_core::protocol::bool_obj(py, v)
}

/// `repr(obj)` as a Rust string.
pub fn repr(py: Python<'_>, obj: &Bound<'_>) -> String {
    repr_of(py, obj).unwrap().as_str().to_owned()
}

/// `str(obj)` as a Rust string.
pub fn str_(py: Python<'_>, obj: &Bound<'_>) -> String {
    str_of(py, obj).unwrap().as_str().to_owned()
}

pub fn is_ni(py: Python<'_>, obj: &Bound<'_>) -> bool {
    std::ptr::eq(obj.as_any_ref(), py.singletons().not_implemented())
}

pub fn value(obj: &Bound<'_>) -> i64 {
    obj.downcast::<IntObject>().unwrap().value()
}

pub fn text(obj: &Bound<'_>) -> String {
    obj.downcast::<StrObject>().unwrap().as_str().to_owned()
}

/// `str(exc)`, with the slot `BaseException` would lend through inheritance when the
/// exception's own type has none (these tests do not ready the types).
pub fn exc_str(py: Python<'_>, exc: &Bound<'_>) -> String {
    let f = exc
        .ob_type()
        .tp_str
        .get()
        .or(py.builtins().base_exception().tp_str.get())
        .unwrap();
    text(&f(py, exc).unwrap())
}

/// `repr(exc)` through `BaseException`'s slot.
pub fn exc_repr(py: Python<'_>, exc: &Bound<'_>) -> String {
    let f = py.builtins().base_exception().tp_repr.get().unwrap();
    text(&f(py, exc).unwrap())
}

/// An error as CPython prints it: `Type: str(exc)`.
pub fn err<T>(py: Python<'_>, r: PyResult<T>) -> String {
    let e: PyErr = match r {
        Ok(_) => panic!("expected an exception"),
        Err(e) => e,
    };
    let v = e.into_value(py);
    format!("{}: {}", v.type_name(), exc_str(py, &v))
}

/// The result as `repr`, or the error as [`err`] formats it.
pub fn res(py: Python<'_>, r: PyResult<Bound<'_>>) -> String {
    match r {
        Ok(v) => repr(py, &v),
        Err(_) => err(py, r),
    }
}

pub fn nb(tp: &TypeObject) -> &NumberMethods {
    tp.number().expect("number table")
}

pub fn sq(tp: &TypeObject) -> &SequenceMethods {
    tp.sequence().expect("sequence table")
}

pub fn mp(tp: &TypeObject) -> &MappingMethods {
    tp.mapping().expect("mapping table")
}

/// Calls `tp_new` of `tp` with positional and keyword arguments.
pub fn call_new<'py>(
    py: Python<'py>,
    tp: &TypeObject,
    pos: &[Bound<'py>],
    kw: &[(&str, Bound<'py>)],
) -> PyResult<Bound<'py>> {
    let t = Bound::from_ref(py, tp);
    let a = args(py, pos);
    let k = (!kw.is_empty()).then(|| kwargs(py, kw));
    tp.tp_new.get().expect("tp_new")(py, &t, &a, k.as_ref())
}

/// Calls `tp_new`, then `tp_init` when the type has one (as `type.__call__` would).
pub fn construct<'py>(
    py: Python<'py>,
    tp: &TypeObject,
    pos: &[Bound<'py>],
    kw: &[(&str, Bound<'py>)],
) -> PyResult<Bound<'py>> {
    let obj = call_new(py, tp, pos, kw)?;
    if let Some(init) = tp.tp_init.get() {
        let a = args(py, pos);
        let k = (!kw.is_empty()).then(|| kwargs(py, kw));
        init(py, &obj, &a, k.as_ref())?;
    }
    Ok(obj)
}

/// A minimal heap type object (not readied): a plain 16-byte instance layout, the
/// given flags plus `HEAPTYPE`, and `object`'s alloc/free/dealloc. Free it with
/// [`free_type`].
pub fn heap_type<'py>(py: Python<'py>, name: &str, flags: TypeFlags) -> Bound<'py, TypeObject> {
    let o = pyrt_core::object::generic_alloc(py, py.builtins().type_(), 0).unwrap();
    let tp = o.downcast_into::<TypeObject>().ok().unwrap();
    let object = py.builtins().object();
    tp.tp_name.set(py, Some(str_new(py, name).unwrap()));
    // SAFETY: the type has no instance yet; it takes object's 16-byte layout with
    // object's alloc/free/dealloc, which handle exactly that layout. The caller's flags
    // must describe it truthfully (tests pass a fast-subclass bit only together with
    // `copy_layout` from the matching builtin).
    unsafe {
        tp.tp_basicsize.set(16);
        tp.add_flags(flags | TypeFlags::HEAPTYPE);
        tp.tp_alloc.set(object.tp_alloc.get());
        tp.tp_free.set(object.tp_free.get());
        tp.tp_dealloc.set(object.tp_dealloc.get());
    }
    tp.tp_new.set(object.tp_new.get());
    tp.tp_init.set(object.tp_init.get());
    tp
}

/// Releases what [`heap_type`] (and the test) stored in the type, then the type.
pub fn free_type(py: Python<'_>, tp: Bound<'_, TypeObject>) {
    tp.tp_name.set(py, None);
    tp.ht_qualname.set(py, None);
    if let Some(d) = tp.tp_dict.take(py) {
        d.clear(py);
    }
    drop(tp);
}

/// Ints from values.
pub fn ints<'py>(py: Python<'py>, v: &[i64]) -> Vec<Bound<'py>> {
    v.iter().map(|&x| int(py, x)).collect()
}

/// `a OP b` through `tp`'s rich comparison, as a repr (or an error).
pub fn cmp<'py>(
    py: Python<'py>,
    tp: &TypeObject,
    a: &Bound<'py>,
    b: &Bound<'py>,
    op: CompareOp,
) -> String {
    res(py, tp.tp_richcompare.get().unwrap()(py, a, b, op))
}

/// `tp(*pos, **kw)` (new, then init) as a repr or an error.
pub fn new_of<'py>(
    py: Python<'py>,
    tp: &TypeObject,
    pos: &[Bound<'py>],
    kw: &[(&str, Bound<'py>)],
) -> String {
    res(py, construct(py, tp, pos, kw))
}

/// Gives the not-yet-instantiated test type `sub` the instance layout of `base` plus
/// `extra` trailing bytes, with `base`'s dealloc and free.
///
/// # Safety
/// `sub` has no instances, and `base`'s dealloc/free handle instances with `extra`
/// unused trailing bytes (true for the builtins, whose payloads ignore trailing space).
pub unsafe fn copy_layout(sub: &TypeObject, base: &TypeObject, extra: isize) {
    // SAFETY: forwarded to the caller.
    unsafe {
        sub.tp_basicsize.set(base.tp_basicsize.get() + extra);
        sub.tp_itemsize.set(base.tp_itemsize.get());
        sub.tp_free.set(base.tp_free.get());
        sub.tp_dealloc.set(base.tp_dealloc.get());
    }
}
