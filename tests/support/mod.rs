//! Small shared helpers for the inheritance, defaults, spec and type-object tests:
//! building types from specs, static (non-heap) types from zeroed storage, distinct slot
//! functions, reading recorded CPython fixtures, and formatting errors as CPython prints
//! them (`Type: message`).
#![allow(dead_code)]

use pyrt::builtins::intern;
use pyrt::types::{Buffer, CompareOp, SendResult, SlotId, SlotValue};
use pyrt::{Bound, PyAny, PyErr, PyResult, Python, Slot, TypeFlags, TypeObject, TypeSpec};
use std::collections::HashMap;
use std::ptr::NonNull;

// ------------------------------------------------------------------ fixtures

/// The lines of `tests/fixtures/<file>` as `case -> outcome` (tab-separated; `#` lines
/// are comments).
pub fn fixture(file: &str) -> HashMap<String, String> {
    let path = format!("{}/tests/fixtures/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .filter_map(|l| l.split_once('\t'))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
}

/// One recorded outcome of `tests/fixtures/inherit_spec.txt`.
pub fn cpython(case: &str) -> String {
    fixture("inherit_spec.txt")
        .remove(case)
        .unwrap_or_else(|| panic!("case {case:?} missing from inherit_spec.txt"))
}

// ------------------------------------------------------------------ errors

/// `Type: message`, as CPython prints an exception (and as the fixtures record it after
/// `raise `).
pub fn err_text(py: Python<'_>, e: &PyErr) -> String {
    format!("{}: {}", e.type_name(py), e.message(py))
}

/// The error of a result that must have failed.
pub fn expect_err<T>(py: Python<'_>, r: PyResult<T>, what: &str) -> String {
    match r {
        Ok(_) => panic!("{what}: expected an error, got Ok"),
        Err(e) => err_text(py, &e),
    }
}

// ------------------------------------------------------------------ types

/// A type from a spec with the given bases (empty: none passed).
pub fn try_spec<'py>(
    py: Python<'py>,
    name: &str,
    flags: TypeFlags,
    slots: &[Slot<'_>],
    bases: &[&TypeObject],
) -> PyResult<Bound<'py, TypeObject>> {
    let spec = TypeSpec {
        name,
        basicsize: 0,
        itemsize: 0,
        flags,
        slots,
    };
    let bases: Vec<Bound<'py, PyAny>> = bases
        .iter()
        .map(|b| Bound::from_ref(py, *b).into_any())
        .collect();
    let bases = (!bases.is_empty()).then_some(bases.as_slice());
    // SAFETY: the layout-bearing test slots (`alloc`, `dealloc`, `free`, `traverse`,
    // `is_gc` below) fail, panic or visit nothing when called; the suites only check how
    // they are inherited and never instantiate a type that has one, except through
    // `object`'s own allocation functions. Specs with real frees (`plain_free`) are ones
    // type_ready must refuse.
    unsafe { pyrt::from_spec_unchecked(py, &spec, bases, None, None) }
}

/// Like [`try_spec`], panicking on error.
pub fn spec<'py>(
    py: Python<'py>,
    name: &str,
    flags: TypeFlags,
    slots: &[Slot<'_>],
    bases: &[&TypeObject],
) -> Bound<'py, TypeObject> {
    try_spec(py, name, flags, slots, bases)
        .unwrap_or_else(|e| panic!("from_spec({name}) failed: {}", err_text(py, &e)))
}

/// Zero-filled type object storage, leaked (static types are never freed), with a
/// reference count of 1 that is never released. The documented invariant of
/// `TypeObject` is that the all-zero struct is valid; this is how a static type (no
/// `HEAPTYPE`) is made outside the builtins.
pub fn zeroed_type() -> &'static TypeObject {
    // SAFETY: every field of TypeObject is valid when zero-filled (type invariant).
    let b: Box<TypeObject> = unsafe { Box::<TypeObject>::new_zeroed().assume_init() };
    let t: &'static TypeObject = Box::leak(b);
    // SAFETY: the one reference is the leaked box's, never released.
    unsafe { t.ob_base.ob_base.ob_refcnt.set(1) };
    keep_reachable(t);
    t
}

/// Records the address of a deliberately leaked static type in a process-wide list, so
/// that leak checkers (LeakSanitizer, valgrind) see it as still reachable, as a static
/// type is, rather than lost (a type that failed `type_ready` is referenced by nothing).
fn keep_reachable(t: &'static TypeObject) {
    static STATIC_TYPES: std::sync::Mutex<Vec<usize>> = std::sync::Mutex::new(Vec::new());
    if let Ok(mut v) = STATIC_TYPES.lock() {
        v.push(std::ptr::from_ref(t).addr());
    }
}

/// A static type named `name` over `base` (None: unset, so `type_ready` defaults it),
/// not yet readied.
pub fn static_type(
    py: Python<'_>,
    name: &str,
    base: Option<&TypeObject>,
    flags: TypeFlags,
) -> &'static TypeObject {
    let t = zeroed_type();
    t.tp_name.set(py, Some(intern(py, name).unwrap()));
    // SAFETY: the type has no instances; tests pass flags that describe it (or that
    // type_ready is expected to refuse before any instance exists), and a ready base.
    unsafe {
        t.add_flags(flags);
        if let Some(b) = base {
            t.tp_base.set(py, Some(Bound::from_ref(py, b)));
        }
    }
    t
}

/// A static type readied with `type_ready` (panics on error).
pub fn ready_static(
    py: Python<'_>,
    name: &str,
    base: Option<&TypeObject>,
    flags: TypeFlags,
    setup: impl FnOnce(&TypeObject),
) -> &'static TypeObject {
    let t = static_type(py, name, base, flags);
    setup(t);
    pyrt::type_ready(py, t)
        .unwrap_or_else(|e| panic!("type_ready({name}) failed: {}", err_text(py, &e)));
    t
}

// ------------------------------------------------------------------ slot values

/// The function address in slot `id` (0 when empty).
pub fn addr(tp: &TypeObject, id: SlotId) -> usize {
    tp.get_slot(id).map_or(0, |v| v.fn_addr())
}

/// Shorthand for a slot with a value.
pub fn slot(id: SlotId, v: SlotValue<'static>) -> Slot<'static> {
    Slot::new(id, v)
}

fn fail<T>(py: Python<'_>, what: &str, n: u16) -> PyResult<T> {
    Err(PyErr::runtime_error(
        py,
        format!("test slot {what}<{n}> called"),
    ))
}

// Each instantiation `f::<N>` is a distinct function with a distinct body (the message
// contains N), so no two of them can share an address. They are never meant to be
// called; if one is, it raises RuntimeError.

/// `allocfunc`.
pub fn alloc<'py, const N: u16>(
    py: Python<'py>,
    _t: &TypeObject,
    _n: isize,
) -> PyResult<Bound<'py>> {
    fail(py, "alloc", N)
}
/// `destructor` (`tp_dealloc`).
///
/// # Safety
/// Never called by the tests.
pub unsafe fn dealloc<const N: u16>(_py: Python<'_>, _o: NonNull<PyAny>) {
    panic!("test slot dealloc<{N}> called")
}
/// `freefunc`.
///
/// # Safety
/// Never called by the tests.
pub unsafe fn free<const N: u16>(_py: Python<'_>, _o: NonNull<PyAny>) {
    panic!("test slot free<{N}> called")
}
/// `tp_clear` / `tp_finalize` / `tp_del`.
pub fn objproc<'py, const N: u16>(_py: Python<'py>, _o: &Bound<'py>) {
    panic!("test slot objproc<{N}> called")
}
/// `traverseproc`.
pub fn traverse<const N: u16>(_o: &PyAny, _visit: &mut dyn FnMut(NonNull<PyAny>)) {
    if N == u16::MAX {
        panic!("unreachable {N}");
    }
}
/// `tp_is_gc`.
pub fn is_gc<const N: u16>(_o: &PyAny) -> bool {
    N.is_multiple_of(2)
}
/// `newfunc`.
pub fn new<'py, const N: u16>(
    py: Python<'py>,
    _t: &Bound<'py, TypeObject>,
    _a: &Bound<'py, pyrt::builtins::TupleObject>,
    _k: Option<&Bound<'py, pyrt::builtins::DictObject>>,
) -> PyResult<Bound<'py>> {
    fail(py, "new", N)
}
/// `initproc`.
pub fn init<'py, const N: u16>(
    py: Python<'py>,
    _s: &Bound<'py>,
    _a: &Bound<'py, pyrt::builtins::TupleObject>,
    _k: Option<&Bound<'py, pyrt::builtins::DictObject>>,
) -> PyResult<()> {
    fail(py, "init", N)
}
/// `unaryfunc` / `reprfunc` / `getiterfunc`.
pub fn unary<'py, const N: u16>(py: Python<'py>, _o: &Bound<'py>) -> PyResult<Bound<'py>> {
    fail(py, "unary", N)
}
/// `binaryfunc` / `getattrofunc`.
pub fn binary<'py, const N: u16>(
    py: Python<'py>,
    _a: &Bound<'py>,
    _b: &Bound<'py>,
) -> PyResult<Bound<'py>> {
    fail(py, "binary", N)
}
/// `ternaryfunc`.
pub fn ternary<'py, const N: u16>(
    py: Python<'py>,
    _a: &Bound<'py>,
    _b: &Bound<'py>,
    _c: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    fail(py, "ternary", N)
}
/// `getattrfunc`.
pub fn getattr<'py, const N: u16>(
    py: Python<'py>,
    _o: &Bound<'py>,
    _n: &str,
) -> PyResult<Bound<'py>> {
    fail(py, "getattr", N)
}
/// `setattrfunc`.
pub fn setattr<'py, const N: u16>(
    py: Python<'py>,
    _o: &Bound<'py>,
    _n: &str,
    _v: Option<&Bound<'py>>,
) -> PyResult<()> {
    fail(py, "setattr", N)
}
/// `objobjargproc` / `setattrofunc` / `descrsetfunc`.
pub fn objobjarg<'py, const N: u16>(
    py: Python<'py>,
    _a: &Bound<'py>,
    _b: &Bound<'py>,
    _c: Option<&Bound<'py>>,
) -> PyResult<()> {
    fail(py, "objobjarg", N)
}
/// `descrgetfunc`.
pub fn descr_get<'py, const N: u16>(
    py: Python<'py>,
    _d: &Bound<'py>,
    _o: Option<&Bound<'py>>,
    _t: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    fail(py, "descr_get", N)
}
/// `hashfunc` / `lenfunc`.
pub fn ssize<'py, const N: u16>(py: Python<'py>, _o: &Bound<'py>) -> PyResult<isize> {
    fail(py, "ssize", N)
}
/// `richcmpfunc`.
pub fn richcmp<'py, const N: u16>(
    py: Python<'py>,
    _a: &Bound<'py>,
    _b: &Bound<'py>,
    _op: CompareOp,
) -> PyResult<Bound<'py>> {
    fail(py, "richcmp", N)
}
/// `iternextfunc`.
pub fn iternext<'py, const N: u16>(
    py: Python<'py>,
    _o: &Bound<'py>,
) -> PyResult<Option<Bound<'py>>> {
    fail(py, "iternext", N)
}
/// `inquiry` (`nb_bool`).
pub fn inquiry<'py, const N: u16>(py: Python<'py>, _o: &Bound<'py>) -> PyResult<bool> {
    fail(py, "inquiry", N)
}
/// `ssizeargfunc`.
pub fn ssizearg<'py, const N: u16>(
    py: Python<'py>,
    _o: &Bound<'py>,
    _i: isize,
) -> PyResult<Bound<'py>> {
    fail(py, "ssizearg", N)
}
/// `ssizeobjargproc`.
pub fn ssizeobjarg<'py, const N: u16>(
    py: Python<'py>,
    _o: &Bound<'py>,
    _i: isize,
    _v: Option<&Bound<'py>>,
) -> PyResult<()> {
    fail(py, "ssizeobjarg", N)
}
/// `objobjproc`.
pub fn objobj<'py, const N: u16>(
    py: Python<'py>,
    _a: &Bound<'py>,
    _b: &Bound<'py>,
) -> PyResult<bool> {
    fail(py, "objobj", N)
}
/// `getbufferproc`.
pub fn getbuffer<'py, const N: u16>(
    py: Python<'py>,
    _o: &Bound<'py>,
    _b: &mut Buffer,
    _f: i32,
) -> PyResult<()> {
    fail(py, "getbuffer", N)
}
/// `releasebufferproc`.
pub fn releasebuffer<'py, const N: u16>(_py: Python<'py>, _o: &Bound<'py>, _b: &mut Buffer) {
    panic!("test slot releasebuffer<{N}> called")
}
/// `sendfunc`.
pub fn send<'py, const N: u16>(
    py: Python<'py>,
    _a: &Bound<'py>,
    _b: &Bound<'py>,
) -> PyResult<SendResult<'py>> {
    fail(py, "send", N)
}

/// Whether the object's type is exactly `tp`.
pub fn is_type(obj: &Bound<'_, PyAny>, tp: &TypeObject) -> bool {
    std::ptr::eq(obj.ob_type(), tp)
}

/// Every type flag bit with its name, as facts.md §11 lists them (and pyrt models them).
pub fn flag_names() -> Vec<(&'static str, TypeFlags)> {
    vec![
        ("HAVE_FINALIZE", TypeFlags::HAVE_FINALIZE),
        ("MANAGED_WEAKREF", TypeFlags::MANAGED_WEAKREF),
        ("MANAGED_DICT", TypeFlags::MANAGED_DICT),
        ("SEQUENCE", TypeFlags::SEQUENCE),
        ("MAPPING", TypeFlags::MAPPING),
        ("DISALLOW_INSTANTIATION", TypeFlags::DISALLOW_INSTANTIATION),
        ("IMMUTABLETYPE", TypeFlags::IMMUTABLETYPE),
        ("HEAPTYPE", TypeFlags::HEAPTYPE),
        ("BASETYPE", TypeFlags::BASETYPE),
        ("HAVE_VECTORCALL", TypeFlags::HAVE_VECTORCALL),
        ("READY", TypeFlags::READY),
        ("READYING", TypeFlags::READYING),
        ("HAVE_GC", TypeFlags::HAVE_GC),
        ("METHOD_DESCRIPTOR", TypeFlags::METHOD_DESCRIPTOR),
        ("HAVE_VERSION_TAG", TypeFlags::HAVE_VERSION_TAG),
        ("VALID_VERSION_TAG", TypeFlags::VALID_VERSION_TAG),
        ("IS_ABSTRACT", TypeFlags::IS_ABSTRACT),
        ("MATCH_SELF", TypeFlags::MATCH_SELF),
        ("ITEMS_AT_END", TypeFlags::ITEMS_AT_END),
        ("LONG_SUBCLASS", TypeFlags::LONG_SUBCLASS),
        ("LIST_SUBCLASS", TypeFlags::LIST_SUBCLASS),
        ("TUPLE_SUBCLASS", TypeFlags::TUPLE_SUBCLASS),
        ("BYTES_SUBCLASS", TypeFlags::BYTES_SUBCLASS),
        ("UNICODE_SUBCLASS", TypeFlags::UNICODE_SUBCLASS),
        ("DICT_SUBCLASS", TypeFlags::DICT_SUBCLASS),
        ("BASE_EXC_SUBCLASS", TypeFlags::BASE_EXC_SUBCLASS),
        ("TYPE_SUBCLASS", TypeFlags::TYPE_SUBCLASS),
    ]
}

/// Names of the set bits of `f` (for readable assertion messages).
pub fn flag_list(f: TypeFlags) -> String {
    let names: Vec<&str> = flag_names()
        .into_iter()
        .filter(|(_, b)| f.contains(*b) && b.0 != 0)
        .map(|(n, _)| n)
        .collect();
    names.join("|")
}

/// The str value of `tp.__dict__[key]` if it is a str; `None` if the key is absent;
/// `Some("<type name>")` for other values, e.g. `Some("<NoneType>")`.
pub fn dict_entry(py: Python<'_>, tp: &TypeObject, key: &str) -> Option<String> {
    let dict = tp.tp_dict.get(py)?;
    let k = intern(py, key).ok()?;
    let v = dict.get_str_raw(py, &k)?;
    // SAFETY: the dict holds the value alive while it is read here.
    let v = unsafe { Bound::from_borrowed_ptr(py, v) };
    Some(match v.downcast::<pyrt::builtins::StrObject>() {
        Ok(s) => s.as_str().to_owned(),
        Err(_) => format!("<{}>", v.type_name()),
    })
}

/// Instantiates a type without calling it (plain allocation), for hash/compare tests.
pub fn instance<'py>(py: Python<'py>, tp: &TypeObject) -> Bound<'py> {
    pyrt::object::generic_alloc(py, tp, 0).expect("allocation")
}
