//! Instance layouts of types: the solid base of a type and the best base of a set of
//! bases (`solid_base`, `best_base`), with CPython's errors.
//!
//! Owns layout compatibility. Must not compute MROs or touch dicts.

use crate::names;
use crate::type_ready::type_ready;
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python, TypeFlags, TypeObject};

/// Whether `tp` adds instance fields over `base` (ignoring a trailing `__dict__` and
/// `__weakref__` slot added to heap types, as CPython 3.11 does).
fn extra_ivars(tp: &TypeObject, base: &TypeObject) -> bool {
    let mut t_size = tp.tp_basicsize.get();
    let b_size = base.tp_basicsize.get();
    if tp.tp_itemsize.get() != 0 || base.tp_itemsize.get() != 0 {
        return t_size != b_size || tp.tp_itemsize.get() != base.tp_itemsize.get();
    }
    let heap = tp.has_flag(TypeFlags::HEAPTYPE);
    let word = std::mem::size_of::<usize>() as isize;
    let wl = tp.tp_weaklistoffset.get();
    if heap && wl != 0 && base.tp_weaklistoffset.get() == 0 && wl + word == t_size {
        t_size -= word;
    }
    let d = tp.tp_dictoffset.get();
    if heap && d != 0 && base.tp_dictoffset.get() == 0 && d + word == t_size {
        t_size -= word;
    }
    t_size != b_size
}

/// The solid base of `tp`: the most derived type in its `tp_base` chain that adds
/// instance fields (computed iteratively, root first).
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let int = py.builtins().int();
///     assert!(std::ptr::eq(pyrt_typeobject::layout::solid_base(int), int));
///     let a = pyrt_typeobject::new_class(py, "A", &[], None).unwrap();
///     assert!(std::ptr::eq(pyrt_typeobject::layout::solid_base(&a), py.builtins().object()));
/// });
/// ```
pub fn solid_base(tp: &TypeObject) -> &TypeObject {
    let mut chain: smallvec::SmallVec<[&TypeObject; 16]> = smallvec::SmallVec::new();
    let mut t = Some(tp);
    while let Some(cur) = t {
        chain.push(cur);
        t = cur.base();
    }
    let mut solid = *chain.last().unwrap_or(&tp);
    for cur in chain.iter().rev().skip(1) {
        if extra_ivars(cur, solid) {
            solid = cur;
        }
    }
    solid
}

/// The base whose layout the new type extends: for each base (which must be a type with
/// `BASETYPE`, readied here if needed), its solid base must be comparable with the
/// current winner's.
///
/// ```
/// use pyrt_core::Bound;
/// use pyrt_typeobject::layout::best_base;
/// pyrt_typeobject::Runtime::with(|py| {
///     let b = py.builtins();
///     let (object, int) = (Bound::from_ref(py, b.object()).into_any(), Bound::from_ref(py, b.int()).into_any());
///     assert!(best_base(py, &[object, int.clone()]).unwrap().is(&int));
///     let str_ = Bound::from_ref(py, b.str_()).into_any();
///     let e = best_base(py, &[int, str_]).unwrap_err();
///     assert_eq!(e.message(py), "multiple bases have instance lay-out conflict");
///     let e = best_base(py, &[Bound::from_ref(py, b.bool_()).into_any()]).unwrap_err();
///     assert_eq!(e.message(py), "type 'bool' is not an acceptable base type");
/// });
/// ```
pub fn best_base<'py>(
    py: Python<'py>,
    bases: &[Bound<'py, PyAny>],
) -> PyResult<Bound<'py, TypeObject>> {
    let mut winner: Option<&TypeObject> = None;
    let mut base: Option<&Bound<'py, TypeObject>> = None;
    for b in bases {
        let b = b
            .downcast::<TypeObject>()
            .map_err(|_| PyErr::type_error(py, "bases must be types"))?;
        type_ready(py, b)?;
        if !b.has_flag(TypeFlags::BASETYPE) {
            return Err(PyErr::type_error(
                py,
                format!(
                    "type '{}' is not an acceptable base type",
                    names::tp_name(b)
                ),
            ));
        }
        let candidate = solid_base(b);
        match winner {
            None => {
                winner = Some(candidate);
                base = Some(b);
            }
            Some(w) if w.is_subtype(candidate) => {}
            Some(w) if candidate.is_subtype(w) => {
                winner = Some(candidate);
                base = Some(b);
            }
            Some(_) => {
                return Err(PyErr::type_error(
                    py,
                    "multiple bases have instance lay-out conflict",
                ));
            }
        }
    }
    match base {
        Some(b) => Ok(b.clone()),
        None => Ok(Bound::from_ref(py, py.builtins().object())),
    }
}
