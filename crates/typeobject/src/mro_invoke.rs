//! Which MRO a type gets (`mro_invoke`, `mro_check`): the C3 linearisation, or — when
//! its metatype is not exactly `type` and defines its own `mro` — what that `mro()`
//! returns, converted with `tuple()` and checked with CPython 3.11's messages.
//!
//! Owns choosing, calling and checking. Must not install the result (that is
//! `type_mutation::install_mro`), so a failing `mro()` leaves the type unchanged.
//!
//! A custom `mro()` runs user code: callers hold strong references to everything they
//! use afterwards.

use crate::builtins::call::collect_iterable;
use crate::layout::solid_base;
use crate::mro::compute;
use crate::names;
use pyrt_core::builtins::{TupleObject, tuple_new};
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python, TypeFlags, TypeObject};

/// An MRO ready to install, and whether a metaclass `mro()` produced it.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let object = pyrt_core::Bound::from_ref(py, py.builtins().object()).into_any();
///     let m = pyrt_typeobject::mro_invoke::NewMro {
///         tuple: pyrt_core::builtins::tuple_new(py, &[object]).unwrap(),
///         custom: false,
///     };
///     assert_eq!(m.tuple.len(), 1);
/// });
/// ```
pub struct NewMro<'py> {
    /// The MRO tuple (of types).
    pub tuple: Bound<'py, TupleObject>,
    /// Whether it came from a metaclass `mro()` (its entries need not be ancestors).
    pub custom: bool,
}

/// The MRO `tp` would get now (from its current `tp_bases`).
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let a = pyrt_typeobject::new_class(py, "A", &[], None).unwrap();
///     let m = pyrt_typeobject::mro_invoke::mro_for(py, &a).unwrap();
///     assert_eq!(m.tuple.len(), 2);
///     assert!(!m.custom);
/// });
/// ```
pub fn mro_for<'py>(py: Python<'py>, tp: &TypeObject) -> PyResult<NewMro<'py>> {
    match custom_mro_method(py, tp)? {
        Some(meth) => {
            let tuple = call_custom(py, &meth, tp)?;
            Ok(NewMro {
                tuple,
                custom: true,
            })
        }
        None => {
            let mro = compute(py, tp)?;
            Ok(NewMro {
                // SAFETY: C3 entries are live types (`tp` and types owned by the bases'
                // MROs), alive for the duration of this call.
                tuple: tuple_new(py, unsafe { crate::mro::as_handles(py, &mro) })?,
                custom: false,
            })
        }
    }
}

/// The metatype's own `mro`, when the metatype is not `type` and `mro` does not resolve
/// to `type`'s.
fn custom_mro_method<'py>(py: Python<'py>, tp: &TypeObject) -> PyResult<Option<Bound<'py, PyAny>>> {
    let meta = tp.as_any().ob_type();
    let type_ = py.builtins().type_();
    if std::ptr::eq(meta, type_) {
        return Ok(None);
    }
    let name = pyrt_core::interned!(py, "mro")?;
    let Some(found) = crate::attr::type_lookup(py, meta, &name) else {
        return Ok(None);
    };
    // SAFETY: `type`'s dict is read without modification.
    let default = unsafe { type_.tp_dict.get_ref() }.and_then(|d| d.get_str_raw(py, &name));
    if default == Some(found) {
        return Ok(None);
    }
    // SAFETY: the value is owned by a dict of the metatype's MRO; we take our reference
    // before running any code.
    Ok(Some(unsafe { Bound::from_borrowed_ptr(py, found) }))
}

/// Calls `mro` as a method of `tp` (unbound with `tp` for method descriptors, bound
/// through `__get__` for other descriptors, plain otherwise), then `tuple()` and checks.
fn call_custom<'py>(
    py: Python<'py>,
    meth: &Bound<'py, PyAny>,
    tp: &TypeObject,
) -> PyResult<Bound<'py, TupleObject>> {
    let cls = Bound::from_ref(py, tp).into_any();
    let mt = meth.ob_type();
    let result = if mt.has_flag(TypeFlags::METHOD_DESCRIPTOR) {
        crate::call(py, meth, &tuple_new(py, &[cls])?, None)?
    } else if let Some(get) = mt.tp_descr_get.get() {
        let meta = cls.get_type().into_any();
        let bound = get(py, meth, Some(&cls), Some(&meta))?;
        crate::call(py, &bound, &tuple_new(py, &[])?, None)?
    } else {
        crate::call(py, meth, &tuple_new(py, &[])?, None)?
    };
    let items = collect_iterable(py, &result)?;
    check(py, tp, &items)?;
    tuple_new(py, &items)
}

/// `mro_check`: non-empty; every entry a class whose solid base the type's solid base
/// extends.
fn check(py: Python<'_>, tp: &TypeObject, items: &[Bound<'_, PyAny>]) -> PyResult<()> {
    if items.is_empty() {
        return Err(PyErr::type_error(py, "type MRO must not be empty"));
    }
    let solid = solid_base(tp);
    for item in items {
        let Ok(t) = item.downcast::<TypeObject>() else {
            return Err(PyErr::type_error(
                py,
                format!("mro() returned a non-class ('{}')", item.type_name()),
            ));
        };
        if !solid.is_subtype(solid_base(t)) {
            return Err(PyErr::type_error(
                py,
                format!(
                    "mro() returned base with unsuitable layout ('{}')",
                    names::tp_name(t)
                ),
            ));
        }
    }
    Ok(())
}
