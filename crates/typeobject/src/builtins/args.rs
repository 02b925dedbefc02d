//! Argument checking for the builtin constructors and initialisers, with CPython
//! 3.11's messages.
//!
//! Owns: the arity and keyword checks of `tp_new`/`tp_init` slots. Must not: convert
//! argument values (each slot does that itself).

use pyrt_core::builtins::{DictObject, StrObject, TupleObject};
use pyrt_core::{Bound, PyErr, PyResult, Python};

/// Keyword arguments: absent and empty are the same.
pub(crate) type Kwargs<'a, 'py> = Option<&'a Bound<'py, DictObject>>;

/// The number of keyword arguments.
pub(crate) fn kw_len(kwargs: Kwargs<'_, '_>) -> usize {
    kwargs.map_or(0, |k| k.len())
}

/// Whether any argument, positional or keyword, was given (CPython's "excess args").
pub(crate) fn has_args(args: &Bound<'_, TupleObject>, kwargs: Kwargs<'_, '_>) -> bool {
    !args.is_empty() || kw_len(kwargs) != 0
}

/// `TypeError: NAME() takes no keyword arguments` when keywords were given.
pub(crate) fn no_keywords(py: Python<'_>, name: &str, kwargs: Kwargs<'_, '_>) -> PyResult<()> {
    if kw_len(kwargs) == 0 {
        return Ok(());
    }
    Err(PyErr::type_error(
        py,
        format!("{name}() takes no keyword arguments"),
    ))
}

/// `TypeError: NAME expected at most N argument(s), got M`.
pub(crate) fn at_most(
    py: Python<'_>,
    name: &str,
    args: &Bound<'_, TupleObject>,
    n: usize,
) -> PyResult<()> {
    if args.len() <= n {
        return Ok(());
    }
    Err(PyErr::type_error(
        py,
        format!(
            "{name} expected at most {n} argument{}, got {}",
            plural(n),
            args.len()
        ),
    ))
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The keyword names as Rust strings (`TypeError: keywords must be strings` otherwise).
fn keyword_names<'py>(
    py: Python<'py>,
    kwargs: Kwargs<'_, 'py>,
) -> PyResult<Vec<(String, Bound<'py>)>> {
    let Some(kw) = kwargs else {
        return Ok(Vec::new());
    };
    kw.items(py)
        .into_iter()
        .map(|(k, v)| match k.downcast::<StrObject>() {
            Ok(s) => Ok((s.as_str().to_owned(), v)),
            Err(_) => Err(PyErr::type_error(py, "keywords must be strings")),
        })
        .collect()
}

/// Binds positional and keyword arguments to `params` (all positional-or-keyword,
/// except the first `posonly`, which are positional-only), CPython-style:
/// `NAME() takes at most N arguments (M given)`, `'k' is an invalid keyword argument
/// for NAME()`, `argument for NAME() given by name ('k') and position (i)`.
pub(crate) fn bind<'py>(
    py: Python<'py>,
    name: &str,
    params: &[&str],
    posonly: usize,
    args: &Bound<'py, TupleObject>,
    kwargs: Kwargs<'_, 'py>,
) -> PyResult<Vec<Option<Bound<'py>>>> {
    let given = args.len() + kw_len(kwargs);
    if given > params.len() {
        return Err(PyErr::type_error(
            py,
            format!(
                "{name}() takes at most {} argument{} ({given} given)",
                params.len(),
                plural(params.len())
            ),
        ));
    }
    let mut out: Vec<Option<Bound<'py>>> = vec![None; params.len()];
    for (slot, a) in out.iter_mut().zip(args.items(py)) {
        *slot = Some(a.clone());
    }
    for (k, v) in keyword_names(py, kwargs)? {
        let Some(i) = params.iter().skip(posonly).position(|p| *p == k) else {
            return Err(PyErr::type_error(
                py,
                format!("'{k}' is an invalid keyword argument for {name}()"),
            ));
        };
        let i = i + posonly;
        if out[i].is_some() {
            return Err(PyErr::type_error(
                py,
                format!(
                    "argument for {name}() given by name ('{k}') and position ({})",
                    i + 1
                ),
            ));
        }
        out[i] = Some(v);
    }
    Ok(out)
}

/// Checks keyword-only arguments against `allowed` (values are not returned):
/// `NAME() takes at most N keyword argument(s) (M given)`, then
/// `'k' is an invalid keyword argument for NAME()`.
pub(crate) fn check_keyword_only(
    py: Python<'_>,
    name: &str,
    allowed: &[&str],
    kwargs: Kwargs<'_, '_>,
) -> PyResult<()> {
    let n = kw_len(kwargs);
    if n > allowed.len() {
        return Err(PyErr::type_error(
            py,
            format!(
                "{name}() takes at most {} keyword argument{} ({n} given)",
                allowed.len(),
                plural(allowed.len())
            ),
        ));
    }
    for (k, _) in keyword_names(py, kwargs)? {
        if !allowed.contains(&k.as_str()) {
            return Err(PyErr::type_error(
                py,
                format!("'{k}' is an invalid keyword argument for {name}()"),
            ));
        }
    }
    Ok(())
}

/// Checks a positional argument count (CPython's `_PyArg_CheckPositional`):
/// `NAME expected N arguments, got M`, `NAME expected at least N argument(s), got M`,
/// `NAME expected at most N argument(s), got M`.
pub(crate) fn positional<'a, 'py>(
    py: Python<'py>,
    name: &str,
    args: &'a [Bound<'py>],
    min: usize,
    max: usize,
) -> PyResult<&'a [Bound<'py>]> {
    let n = args.len();
    if (min..=max).contains(&n) {
        return Ok(args);
    }
    let (how, k) = match (min == max, n < min) {
        (true, _) => ("", min),
        (false, true) => ("at least ", min),
        (false, false) => ("at most ", max),
    };
    Err(PyErr::type_error(
        py,
        format!("{name} expected {how}{k} argument{}, got {n}", plural(k)),
    ))
}
