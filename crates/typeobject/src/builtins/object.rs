//! The slots of `object`: the default repr, str, identity hash and identity
//! comparison, and `object.__new__` / `object.__init__` with CPython 3.11's
//! excess-argument rules.
//!
//! Owns: those six slots and `object`'s `BASETYPE` flag. Must not: touch `object`'s
//! attribute protocol (`tp_getattro`/`tp_setattro`), readying, or its layout.

use crate::builtins::args::{Kwargs, has_args};
use crate::builtins::call::{alloc_instance, is_not_implemented, new_str, not_implemented};
use pyrt_core::builtins::{ListObject, StrObject, TupleObject, intern};
use pyrt_core::object::{generic_alloc, generic_alloc_no_items};
use pyrt_core::protocol::{bool_obj, is_true};
use pyrt_core::types::{AllocFunc, CompareOp, InitProc, NewFunc, TypeFlags, TypeObject};
use pyrt_core::{Bound, PyErr, PyResult, Python};

/// `object`'s methods.
static OBJECT_METHODS: [pyrt_core::types::MethodDef; 1] = [crate::class_init::OBJECT_INIT_SUBCLASS];

/// Stores `object`'s slots.
pub(crate) fn install(tp: &TypeObject) {
    tp.tp_repr.set(Some(object_repr));
    tp.tp_str.set(Some(object_str));
    tp.tp_hash.set(Some(object_hash));
    tp.tp_richcompare.set(Some(object_richcompare));
    tp.tp_init.set(Some(object_init));
    tp.tp_new.set(Some(object_new));
    tp.tp_methods.set(&OBJECT_METHODS);
    // SAFETY: behaviour flags (subclassing, pattern matching); no layout depends on them.
    unsafe {
        tp.add_flags(TypeFlags::BASETYPE);
    }
}

/// `object.__repr__`: `<Name object at 0x...>`. `Name` is `tp_name` for static and
/// builtin-style types; for other heap types it is `__qualname__` (`ht_qualname`, else
/// `tp_name`), prefixed by `__module__.` when the type's dict holds a `str`
/// `__module__` other than `'builtins'`.
///
/// ```
/// fn init(py: pyrt_core::Python<'_>) {
///     pyrt_core::builtins::init_core_layouts(py);
///     pyrt_typeobject::builtins::install_behaviour_slots(py);
/// }
/// pyrt_core::runtime::enter(init, |py| {
///     let o = pyrt_core::object::generic_alloc(py, py.builtins().object(), 0).unwrap();
///     let r = pyrt_typeobject::builtins::object_repr(py, &o).unwrap();
///     let r = r.downcast::<pyrt_core::builtins::StrObject>().unwrap();
///     assert_eq!(r.as_str(), format!("<object object at {:#x}>", o.as_any_ref().addr()));
/// });
/// ```
pub fn object_repr<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    let name = display_name(py, obj.ob_type());
    new_str(
        py,
        &format!("<{name} object at {:#x}>", obj.as_any_ref().addr()),
    )
}

/// `module.qualname` of a type as `object.__repr__` shows it.
fn display_name(py: Python<'_>, tp: &TypeObject) -> String {
    if !tp.has_flag(TypeFlags::HEAPTYPE) || tp.has_flag(TypeFlags::BUILTIN_STYLE) {
        return tp.name_string();
    }
    let qualname = tp
        .ht_qualname
        .get(py)
        .map(|q| q.as_str().to_owned())
        .unwrap_or_else(|| tp.name_string());
    let module = dict_value(py, tp, "__module__").and_then(|m| {
        m.downcast::<StrObject>()
            .ok()
            .map(|s| s.as_str().to_owned())
    });
    match module {
        Some(m) if m != "builtins" => format!("{m}.{qualname}"),
        _ => qualname,
    }
}

/// `tp_dict[name]` looked up without running user code.
fn dict_value<'py>(py: Python<'py>, tp: &TypeObject, name: &str) -> Option<Bound<'py>> {
    let dict = tp.tp_dict.get(py)?;
    let key = intern(py, name).ok()?;
    let v = dict.get_str_raw(py, &key)?;
    // SAFETY: the dict owns a reference to the value and has not been modified since
    // the lookup; the new handle takes its own reference at once.
    Some(unsafe { Bound::from_borrowed_ptr(py, v) })
}

/// `object.__str__`: the object's type's `tp_repr` (`object`'s default when empty).
///
/// ```
/// fn init(py: pyrt_core::Python<'_>) {
///     pyrt_core::builtins::init_core_layouts(py);
///     pyrt_typeobject::builtins::install_behaviour_slots(py);
/// }
/// pyrt_core::runtime::enter(init, |py| {
///     let n = pyrt_core::builtins::int_new(py, 5).unwrap();
///     let s = pyrt_typeobject::builtins::object_str(py, n.as_any()).unwrap();
///     assert_eq!(s.downcast::<pyrt_core::builtins::StrObject>().unwrap().as_str(), "5");
/// });
/// ```
pub fn object_str<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    // The type's own `tp_repr`, unchecked: `str()` checks the result (so a bad
    // `__repr__` reports `__str__ returned non-string`, as in CPython).
    obj.ob_type().tp_repr.get().unwrap_or(object_repr)(py, obj)
}

/// `object.__hash__`: the address rotated right by 4 bits, -1 → -2. Objects are
/// 16-byte aligned, so this is `id(o) >> 4`, as in CPython.
///
/// ```
/// fn init(py: pyrt_core::Python<'_>) {
///     pyrt_core::builtins::init_core_layouts(py);
///     pyrt_typeobject::builtins::install_behaviour_slots(py);
/// }
/// pyrt_core::runtime::enter(init, |py| {
///     let o = pyrt_core::object::generic_alloc(py, py.builtins().object(), 0).unwrap();
///     let h = pyrt_typeobject::builtins::object_hash(py, &o).unwrap();
///     assert_eq!(h, (o.as_any_ref().addr() >> 4) as isize);
/// });
/// ```
pub fn object_hash(_py: Python<'_>, obj: &Bound<'_>) -> PyResult<isize> {
    let h = obj.as_any_ref().addr().rotate_right(4) as isize;
    Ok(if h == -1 { -2 } else { h })
}

/// `object`'s rich comparison: `==` is identity (else `NotImplemented`); `!=` negates
/// the type's own `==` unless that gives `NotImplemented`; other operators give
/// `NotImplemented`.
///
/// ```
/// use pyrt_core::types::CompareOp;
/// fn init(py: pyrt_core::Python<'_>) {
///     pyrt_core::builtins::init_core_layouts(py);
///     pyrt_typeobject::builtins::install_behaviour_slots(py);
/// }
/// pyrt_core::runtime::enter(init, |py| {
///     let o = pyrt_core::object::generic_alloc(py, py.builtins().object(), 0).unwrap();
///     let f = pyrt_typeobject::builtins::object_richcompare;
///     assert!(f(py, &o, &o, CompareOp::Eq).unwrap().as_any_ref().addr()
///         == py.singletons().bool_(true).as_any().addr());
///     assert!(f(py, &o, &o, CompareOp::Lt).unwrap().as_any_ref().addr()
///         == py.singletons().not_implemented().addr());
/// });
/// ```
pub fn object_richcompare<'py>(
    py: Python<'py>,
    a: &Bound<'py>,
    b: &Bound<'py>,
    op: CompareOp,
) -> PyResult<Bound<'py>> {
    match op {
        CompareOp::Eq if a.is(b) => Ok(bool_obj(py, true)),
        CompareOp::Ne => {
            let Some(eq) = a.ob_type().tp_richcompare.get() else {
                return Ok(not_implemented(py));
            };
            let r = eq(py, a, b, CompareOp::Eq)?;
            if is_not_implemented(py, &r) {
                return Ok(r);
            }
            Ok(bool_obj(py, !is_true(py, &r)?))
        }
        _ => Ok(not_implemented(py)),
    }
}

/// Whether `tp` has a `tp_new` other than [`object_new`].
fn overrides_new(tp: &TypeObject) -> bool {
    tp.tp_new
        .get()
        .is_some_and(|f| f as usize != object_new as NewFunc as usize)
}

/// Whether `tp` has a `tp_init` other than [`object_init`].
fn overrides_init(tp: &TypeObject) -> bool {
    tp.tp_init
        .get()
        .is_some_and(|f| f as usize != object_init as InitProc as usize)
}

/// `object.__init__`. With arguments it raises
/// `TypeError: object.__init__() takes exactly one argument (the instance to initialize)`
/// if the type overrides `__init__`, or `T.__init__() takes exactly one argument ...`
/// if it overrides neither `__new__` nor `__init__`; otherwise it does nothing.
///
/// ```
/// fn init(py: pyrt_core::Python<'_>) {
///     pyrt_core::builtins::init_core_layouts(py);
///     pyrt_typeobject::builtins::install_behaviour_slots(py);
/// }
/// pyrt_core::runtime::enter(init, |py| {
///     let o = pyrt_core::object::generic_alloc(py, py.builtins().object(), 0).unwrap();
///     let one = pyrt_core::builtins::int_new(py, 1).unwrap().into_any();
///     let args = pyrt_core::builtins::tuple_new(py, &[one]).unwrap();
///     let e = pyrt_typeobject::builtins::object_init(py, &o, &args, None).unwrap_err();
///     assert_eq!(e.message(py),
///         "object.__init__() takes exactly one argument (the instance to initialize)");
/// });
/// ```
pub fn object_init<'py>(
    py: Python<'py>,
    obj: &Bound<'py>,
    args: &Bound<'py, TupleObject>,
    kwargs: Kwargs<'_, 'py>,
) -> PyResult<()> {
    if !has_args(args, kwargs) {
        return Ok(());
    }
    let tp = obj.ob_type();
    let what = if overrides_init(tp) {
        "object".to_owned()
    } else if !overrides_new(tp) {
        tp.name_string()
    } else {
        return Ok(());
    };
    Err(PyErr::type_error(
        py,
        format!("{what}.__init__() takes exactly one argument (the instance to initialize)"),
    ))
}

/// `object.__new__`: allocates an instance through the type's `tp_alloc`. With
/// arguments it raises `TypeError: object.__new__() takes exactly one argument (the
/// type to instantiate)` if the type overrides `__new__`, or `T() takes no arguments`
/// if it does not override `__init__`. Abstract types (`IS_ABSTRACT`) are refused.
///
/// ```
/// fn init(py: pyrt_core::Python<'_>) {
///     pyrt_core::builtins::init_core_layouts(py);
///     pyrt_typeobject::builtins::install_behaviour_slots(py);
/// }
/// pyrt_core::runtime::enter(init, |py| {
///     let tp = pyrt_core::Bound::from_ref(py, py.builtins().object());
///     let empty = pyrt_core::builtins::tuple_new(py, &[]).unwrap();
///     let o = pyrt_typeobject::builtins::object_new(py, &tp, &empty, None).unwrap();
///     assert_eq!(o.type_name(), "object");
///     let args = pyrt_core::builtins::tuple_new(py, &[o]).unwrap();
///     let e = pyrt_typeobject::builtins::object_new(py, &tp, &args, None).unwrap_err();
///     assert_eq!(e.message(py), "object() takes no arguments");
/// });
/// ```
pub fn object_new<'py>(
    py: Python<'py>,
    tp: &Bound<'py, TypeObject>,
    args: &Bound<'py, TupleObject>,
    kwargs: Kwargs<'_, 'py>,
) -> PyResult<Bound<'py>> {
    if has_args(args, kwargs) {
        if overrides_new(tp) {
            return Err(PyErr::type_error(
                py,
                "object.__new__() takes exactly one argument (the type to instantiate)",
            ));
        }
        if !overrides_init(tp) {
            return Err(PyErr::type_error(
                py,
                format!("{}() takes no arguments", tp.name_string()),
            ));
        }
    }
    if tp.has_flag(TypeFlags::IS_ABSTRACT) {
        return Err(abstract_error(py, tp));
    }
    alloc_instance(py, tp, 0)
}

/// Whether `tp`'s `tp_new` is [`object_new`], its `tp_init` is [`object_init`] and its
/// instances come from the generic `tp_alloc`: the types whose no-argument call
/// [`new_plain_instance_no_args`] may serve.
#[inline(always)]
pub(crate) fn is_plain_constructor(tp: &TypeObject) -> bool {
    let is = |f: Option<usize>, want: usize| f == Some(want);
    is(
        tp.tp_new.get().map(|f| f as usize),
        object_new as NewFunc as usize,
    ) && is(
        tp.tp_init.get().map(|f| f as usize),
        object_init as InitProc as usize,
    ) && tp
        .tp_alloc
        .get()
        .is_none_or(|f| f as usize == generic_alloc as AllocFunc as usize)
}

/// `T()` with no arguments at all for a type that [`is_plain_constructor`] says yes
/// to: exactly what `type_call` → `object_new` → `object_init` do in that case (with
/// no arguments neither raises its excess-argument error; the abstract-class check
/// stays), without the two indirect calls and the subtype test (a generic allocation
/// is an instance of `tp` itself). Any other type or any argument takes the general
/// path, so no other case changes.
#[inline(always)]
pub(crate) fn new_plain_instance_no_args<'py>(
    py: Python<'py>,
    tp: &TypeObject,
) -> PyResult<Bound<'py>> {
    if tp.has_flag(TypeFlags::IS_ABSTRACT) {
        return Err(abstract_error(py, tp));
    }
    // `generic_alloc(py, tp, 0)`, its free-list case inline.
    generic_alloc_no_items(py, tp)
}

/// `Can't instantiate abstract class X with abstract method(s) a, b`.
///
/// CPython reads the names from `__abstractmethods__`, a frozenset. pyrt has no
/// frozenset yet, so a tuple or list of `str` stored there is read; when the names
/// cannot be read this way the message stops after the class name. This is the only
/// known difference from CPython's text.
#[cold]
#[inline(never)]
fn abstract_error(py: Python<'_>, tp: &TypeObject) -> PyErr {
    let name = tp.name_string();
    let mut names = abstract_method_names(py, tp).unwrap_or_default();
    if names.is_empty() {
        return PyErr::type_error(py, format!("Can't instantiate abstract class {name}"));
    }
    names.sort();
    let s = if names.len() == 1 { "" } else { "s" };
    PyErr::type_error(
        py,
        format!(
            "Can't instantiate abstract class {name} with abstract method{s} {}",
            names.join(", ")
        ),
    )
}

fn abstract_method_names(py: Python<'_>, tp: &TypeObject) -> Option<Vec<String>> {
    let v = dict_value(py, tp, "__abstractmethods__")?;
    let items = if let Ok(t) = v.downcast::<TupleObject>() {
        t.items(py).to_vec()
    } else {
        v.downcast::<ListObject>().ok()?.to_vec(py)
    };
    items
        .iter()
        .map(|i| {
            i.downcast::<StrObject>()
                .ok()
                .map(|s| s.as_str().to_owned())
        })
        .collect()
}
