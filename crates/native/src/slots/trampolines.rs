//! The trampolines behind native methods, getters and setters.
//!
//! pyrt's definition records (`MethodDef`, `GetSetDef`) hold plain function pointers
//! with no closure argument, so each native type's `i`-th method (getter, setter) is
//! the function `method::<T, i>`: it finds the instance's native type, its
//! `ClassInfo<T>`, and calls closure `i` there. The tables below hold the first
//! [`MAX_PER_KIND`] of each kind.
//!
//! Owns the trampolines and their tables. Must not borrow payloads (the stored
//! closures do, through `borrow`).

use crate::class_info::{ClassInfo, InfoObject, info_object};
use crate::layout::defining_type;
use crate::slots::panics::fenced;
use pyrt_core::types::{Getter, Setter};
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python};
use pyrt_typeobject::names;

/// How many methods, and how many getset attributes, one native type may have.
pub const MAX_PER_KIND: usize = 64;

/// A `METH_FASTCALL` method function.
pub(crate) type FastFn =
    for<'py> fn(Python<'py>, &Bound<'py>, &[Bound<'py>]) -> PyResult<Bound<'py>>;

/// The info object of the native type for `T` in `obj`'s type chain.
fn info_of<'py, T: crate::Trace + Send>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, InfoObject>> {
    defining_type::<T>(obj.ob_type())
        .and_then(|d| info_object(py, d))
        .filter(|i| i.get::<T>().is_some())
        .ok_or_else(|| {
            PyErr::type_error(
                py,
                format!(
                    "'{}' object is not a native instance",
                    names::tp_name(obj.ob_type())
                ),
            )
        })
}

/// The missing-closure error (the type's info was replaced by a smaller one).
fn missing(py: Python<'_>, kind: &str, i: usize) -> PyErr {
    PyErr::system_error(py, format!("native {kind} #{i} has no implementation"))
}

fn info<'a, T: 'static>(i: &'a Bound<'_, InfoObject>) -> &'a ClassInfo<T> {
    i.get::<T>().expect("checked by info_of")
}

/// Calls method closure `i`.
fn call_method<'py, T: crate::Trace + Send>(
    py: Python<'py>,
    slf: &Bound<'py>,
    args: &[Bound<'py>],
    i: usize,
) -> PyResult<Bound<'py>> {
    let io = info_of::<T>(py, slf)?;
    let m = info::<T>(&io)
        .methods
        .get(i)
        .ok_or_else(|| missing(py, "method", i))?;
    fenced(py, || m(py, slf, args))
}

/// Calls getter closure `i`.
fn call_getter<'py, T: crate::Trace + Send>(
    py: Python<'py>,
    slf: &Bound<'py>,
    i: usize,
) -> PyResult<Bound<'py>> {
    let io = info_of::<T>(py, slf)?;
    let g = info::<T>(&io)
        .getsets
        .get(i)
        .and_then(|g| g.get.as_ref())
        .ok_or_else(|| missing(py, "getter", i))?;
    fenced(py, || g(py, slf))
}

/// Calls setter closure `i`; a deletion is refused with
/// `AttributeError: attribute 'NAME' of 'T' objects is not deletable`.
fn call_setter<'py, T: crate::Trace + Send>(
    py: Python<'py>,
    slf: &Bound<'py>,
    value: Option<&Bound<'py>>,
    i: usize,
) -> PyResult<()> {
    let io = info_of::<T>(py, slf)?;
    let entry = info::<T>(&io)
        .getsets
        .get(i)
        .ok_or_else(|| missing(py, "setter", i))?;
    let set = entry.set.as_ref().ok_or_else(|| missing(py, "setter", i))?;
    let Some(value) = value else {
        return Err(PyErr::attribute_error(
            py,
            format!(
                "attribute '{}' of '{}' objects is not deletable",
                entry.name,
                names::tp_name(defining_type::<T>(slf.ob_type()).unwrap_or(slf.ob_type()))
            ),
        ));
    };
    fenced(py, || set(py, slf, value))
}

fn method<'py, T: crate::Trace + Send, const I: usize>(
    py: Python<'py>,
    slf: &Bound<'py>,
    args: &[Bound<'py>],
) -> PyResult<Bound<'py>> {
    call_method::<T>(py, slf, args, I)
}

fn getter<'py, T: crate::Trace + Send, const I: usize>(
    py: Python<'py>,
    slf: &Bound<'py>,
) -> PyResult<Bound<'py>> {
    call_getter::<T>(py, slf, I)
}

fn setter<'py, T: crate::Trace + Send, const I: usize>(
    py: Python<'py>,
    slf: &Bound<'py>,
    value: Option<&Bound<'py>>,
) -> PyResult<()> {
    call_setter::<T>(py, slf, value, I)
}

/// The method trampolines for payload `T`, by index.
pub(crate) fn method_table<T: crate::Trace + Send>() -> [FastFn; MAX_PER_KIND] {
    [
        method::<T, 0>,
        method::<T, 1>,
        method::<T, 2>,
        method::<T, 3>,
        method::<T, 4>,
        method::<T, 5>,
        method::<T, 6>,
        method::<T, 7>,
        method::<T, 8>,
        method::<T, 9>,
        method::<T, 10>,
        method::<T, 11>,
        method::<T, 12>,
        method::<T, 13>,
        method::<T, 14>,
        method::<T, 15>,
        method::<T, 16>,
        method::<T, 17>,
        method::<T, 18>,
        method::<T, 19>,
        method::<T, 20>,
        method::<T, 21>,
        method::<T, 22>,
        method::<T, 23>,
        method::<T, 24>,
        method::<T, 25>,
        method::<T, 26>,
        method::<T, 27>,
        method::<T, 28>,
        method::<T, 29>,
        method::<T, 30>,
        method::<T, 31>,
        method::<T, 32>,
        method::<T, 33>,
        method::<T, 34>,
        method::<T, 35>,
        method::<T, 36>,
        method::<T, 37>,
        method::<T, 38>,
        method::<T, 39>,
        method::<T, 40>,
        method::<T, 41>,
        method::<T, 42>,
        method::<T, 43>,
        method::<T, 44>,
        method::<T, 45>,
        method::<T, 46>,
        method::<T, 47>,
        method::<T, 48>,
        method::<T, 49>,
        method::<T, 50>,
        method::<T, 51>,
        method::<T, 52>,
        method::<T, 53>,
        method::<T, 54>,
        method::<T, 55>,
        method::<T, 56>,
        method::<T, 57>,
        method::<T, 58>,
        method::<T, 59>,
        method::<T, 60>,
        method::<T, 61>,
        method::<T, 62>,
        method::<T, 63>,
    ]
}

/// The getter trampolines for payload `T`, by index.
pub(crate) fn getter_table<T: crate::Trace + Send>() -> [Getter; MAX_PER_KIND] {
    [
        getter::<T, 0>,
        getter::<T, 1>,
        getter::<T, 2>,
        getter::<T, 3>,
        getter::<T, 4>,
        getter::<T, 5>,
        getter::<T, 6>,
        getter::<T, 7>,
        getter::<T, 8>,
        getter::<T, 9>,
        getter::<T, 10>,
        getter::<T, 11>,
        getter::<T, 12>,
        getter::<T, 13>,
        getter::<T, 14>,
        getter::<T, 15>,
        getter::<T, 16>,
        getter::<T, 17>,
        getter::<T, 18>,
        getter::<T, 19>,
        getter::<T, 20>,
        getter::<T, 21>,
        getter::<T, 22>,
        getter::<T, 23>,
        getter::<T, 24>,
        getter::<T, 25>,
        getter::<T, 26>,
        getter::<T, 27>,
        getter::<T, 28>,
        getter::<T, 29>,
        getter::<T, 30>,
        getter::<T, 31>,
        getter::<T, 32>,
        getter::<T, 33>,
        getter::<T, 34>,
        getter::<T, 35>,
        getter::<T, 36>,
        getter::<T, 37>,
        getter::<T, 38>,
        getter::<T, 39>,
        getter::<T, 40>,
        getter::<T, 41>,
        getter::<T, 42>,
        getter::<T, 43>,
        getter::<T, 44>,
        getter::<T, 45>,
        getter::<T, 46>,
        getter::<T, 47>,
        getter::<T, 48>,
        getter::<T, 49>,
        getter::<T, 50>,
        getter::<T, 51>,
        getter::<T, 52>,
        getter::<T, 53>,
        getter::<T, 54>,
        getter::<T, 55>,
        getter::<T, 56>,
        getter::<T, 57>,
        getter::<T, 58>,
        getter::<T, 59>,
        getter::<T, 60>,
        getter::<T, 61>,
        getter::<T, 62>,
        getter::<T, 63>,
    ]
}

/// The setter trampolines for payload `T`, by index.
pub(crate) fn setter_table<T: crate::Trace + Send>() -> [Setter; MAX_PER_KIND] {
    [
        setter::<T, 0>,
        setter::<T, 1>,
        setter::<T, 2>,
        setter::<T, 3>,
        setter::<T, 4>,
        setter::<T, 5>,
        setter::<T, 6>,
        setter::<T, 7>,
        setter::<T, 8>,
        setter::<T, 9>,
        setter::<T, 10>,
        setter::<T, 11>,
        setter::<T, 12>,
        setter::<T, 13>,
        setter::<T, 14>,
        setter::<T, 15>,
        setter::<T, 16>,
        setter::<T, 17>,
        setter::<T, 18>,
        setter::<T, 19>,
        setter::<T, 20>,
        setter::<T, 21>,
        setter::<T, 22>,
        setter::<T, 23>,
        setter::<T, 24>,
        setter::<T, 25>,
        setter::<T, 26>,
        setter::<T, 27>,
        setter::<T, 28>,
        setter::<T, 29>,
        setter::<T, 30>,
        setter::<T, 31>,
        setter::<T, 32>,
        setter::<T, 33>,
        setter::<T, 34>,
        setter::<T, 35>,
        setter::<T, 36>,
        setter::<T, 37>,
        setter::<T, 38>,
        setter::<T, 39>,
        setter::<T, 40>,
        setter::<T, 41>,
        setter::<T, 42>,
        setter::<T, 43>,
        setter::<T, 44>,
        setter::<T, 45>,
        setter::<T, 46>,
        setter::<T, 47>,
        setter::<T, 48>,
        setter::<T, 49>,
        setter::<T, 50>,
        setter::<T, 51>,
        setter::<T, 52>,
        setter::<T, 53>,
        setter::<T, 54>,
        setter::<T, 55>,
        setter::<T, 56>,
        setter::<T, 57>,
        setter::<T, 58>,
        setter::<T, 59>,
        setter::<T, 60>,
        setter::<T, 61>,
        setter::<T, 62>,
        setter::<T, 63>,
    ]
}
