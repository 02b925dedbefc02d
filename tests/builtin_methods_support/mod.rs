//! Helpers shared by the builtin-method suites (`builtin_methods_list`, `builtin_methods_dict`,
//! `builtin_methods_str`): the CPython 3.11 fixture and small constructors.
#![allow(dead_code, unused_imports)]

pub use crate::descr_support::*;
pub use pyrt::call::call_method;
pub use pyrt::{Bound, PyAny, PyResult, Python};

pub const FIXTURE: &str = include_str!("../fixtures/builtin_methods_expected.txt");

pub fn case(name: &str, f: impl for<'py> FnOnce(Python<'py>) -> String) {
    check_against(fx_in(FIXTURE, name), name, f)
}

pub fn m<'py>(
    py: Python<'py>,
    recv: &Bound<'py, PyAny>,
    name: &str,
    args: &[Bound<'py, PyAny>],
) -> PyResult<Bound<'py, PyAny>> {
    call_method(py, recv, name, args)
}

pub fn mkw<'py>(
    py: Python<'py>,
    recv: &Bound<'py, PyAny>,
    name: &str,
    args: &[Bound<'py, PyAny>],
    kw: &[(&str, Bound<'py, PyAny>)],
) -> PyResult<Bound<'py, PyAny>> {
    let f = get(py, recv, name)?;
    callkw(py, &f, args, kw)
}

pub fn ints<'py>(py: Python<'py>, v: &[i64]) -> Bound<'py, PyAny> {
    let items: Vec<_> = v.iter().map(|x| i(py, *x)).collect();
    list(py, &items)
}

pub fn strs<'py>(py: Python<'py>, v: &[&str]) -> Bound<'py, PyAny> {
    let items: Vec<_> = v.iter().map(|x| s(py, x)).collect();
    list(py, &items)
}

/// `{k: v, ...}` with int keys and values.
pub fn idict<'py>(py: Python<'py>, pairs: &[(i64, i64)]) -> Bound<'py, PyAny> {
    let d = pyrt::builtins::dict_new(py).unwrap();
    for (k, v) in pairs {
        d.set_item(py, &i(py, *k), &i(py, *v)).unwrap();
    }
    d.into_any()
}

pub fn after(py: Python<'_>, r: PyResult<Bound<'_, PyAny>>, recv: &Bound<'_, PyAny>) -> String {
    match r {
        Ok(_) => repr(py, recv),
        Err(e) => err_text(py, &e),
    }
}

pub fn tup<'py>(py: Python<'py>, items: &[Bound<'py, PyAny>]) -> String {
    repr(py, &tuple(py, items))
}

pub fn b<'py>(py: Python<'py>, v: bool) -> Bound<'py, PyAny> {
    pyrt::protocol::bool_obj(py, v)
}

// ------------------------------------------------------------ list
