//! The `gc` module over pyrt's collector facade (`pyrt_core::gc`): `collect`, `enable`, `disable`, `isenabled`,
//! `is_tracked`, `get_stats`, `get_count`, `get_threshold`, `set_threshold`, `freeze`,
//! `unfreeze`, `get_freeze_count`.
//!
//! Owns the Python-facing signatures. Must not implement collection.

use crate::builtins::native;
use crate::builtins::{check_count, no_kwargs, one_arg};
use pyrt_core::builtins::{
    DictObject, TupleObject, dict_new, int_new, intern, list_new, tuple_new,
};
use pyrt_core::protocol::{bool_obj, none};
use pyrt_core::types::MethodDef;
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python};

type Kw<'a, 'py> = Option<&'a Bound<'py, DictObject>>;
type R<'py> = PyResult<Bound<'py, PyAny>>;

/// The module's functions.
pub static FUNCTIONS: [MethodDef; 12] = [
    native("collect", collect),
    native("enable", enable),
    native("disable", disable),
    native("isenabled", isenabled),
    native("is_tracked", is_tracked),
    native("get_stats", get_stats),
    native("get_count", get_count),
    native("get_threshold", get_threshold),
    native("set_threshold", set_threshold),
    native("freeze", freeze),
    native("unfreeze", unfreeze),
    native("get_freeze_count", get_freeze_count),
];

fn int(py: Python<'_>, v: i64) -> R<'_> {
    Ok(int_new(py, v)?.into_any())
}

fn collect<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
) -> R<'py> {
    let args = args_t.items(py);
    crate::builtins::only_kwargs(py, "collect", kw, &["generation"])?;
    check_count(py, "collect", args, 0, 1)?;
    let g = match args
        .first()
        .cloned()
        .or(crate::builtins::kwarg(py, kw, "generation")?)
    {
        Some(v) => crate::objects::range::index_arg(py, &v)?,
        None => 2,
    };
    if g < 0 {
        return Err(PyErr::value_error(py, "invalid generation"));
    }
    let n = pyrt_core::gc::try_collect(py, g as usize)?;
    int(py, n as i64)
}

fn enable<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    _args: &Bound<'py, TupleObject>,
    _k: Kw<'_, 'py>,
) -> R<'py> {
    pyrt_core::gc::enable(py);
    Ok(none(py))
}

fn disable<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    _args: &Bound<'py, TupleObject>,
    _k: Kw<'_, 'py>,
) -> R<'py> {
    pyrt_core::gc::disable(py);
    Ok(none(py))
}

fn isenabled<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    _args: &Bound<'py, TupleObject>,
    _k: Kw<'_, 'py>,
) -> R<'py> {
    Ok(bool_obj(py, pyrt_core::gc::isenabled(py)))
}

fn is_tracked<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
) -> R<'py> {
    let args = args_t.items(py);
    no_kwargs(py, "is_tracked", kw)?;
    let o = one_arg(py, "is_tracked", args)?;
    let tracked = pyrt_core::gc::is_tracked(o.as_any_ref());
    Ok(bool_obj(py, tracked))
}

fn get_stats<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    _args: &Bound<'py, TupleObject>,
    _k: Kw<'_, 'py>,
) -> R<'py> {
    let mut out = Vec::new();
    for g in pyrt_core::gc::get_stats(py) {
        let d = dict_new(py)?;
        d.set_item(
            py,
            intern(py, "collections")?.as_any(),
            &int(py, g.collections as i64)?,
        )?;
        d.set_item(
            py,
            intern(py, "collected")?.as_any(),
            &int(py, g.collected as i64)?,
        )?;
        d.set_item(
            py,
            intern(py, "uncollectable")?.as_any(),
            &int(py, g.uncollectable as i64)?,
        )?;
        out.push(d.into_any());
    }
    Ok(list_new(py, &out)?.into_any())
}

fn triple<'py>(py: Python<'py>, v: [usize; 3]) -> R<'py> {
    let items = [
        int(py, v[0] as i64)?,
        int(py, v[1] as i64)?,
        int(py, v[2] as i64)?,
    ];
    Ok(tuple_new(py, &items)?.into_any())
}

fn get_count<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    _args: &Bound<'py, TupleObject>,
    _k: Kw<'_, 'py>,
) -> R<'py> {
    triple(py, pyrt_core::gc::get_count(py))
}

fn get_threshold<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    _args: &Bound<'py, TupleObject>,
    _k: Kw<'_, 'py>,
) -> R<'py> {
    triple(py, pyrt_core::gc::get_threshold(py))
}

fn set_threshold<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
) -> R<'py> {
    let args = args_t.items(py);
    no_kwargs(py, "set_threshold", kw)?;
    check_count(py, "set_threshold", args, 1, 3)?;
    let mut t = [0usize; 3];
    for (i, a) in args.iter().enumerate() {
        t[i] = crate::objects::range::index_arg(py, a)?.max(0) as usize;
    }
    let opt = |i: usize| (i < args.len()).then_some(t[i]);
    pyrt_core::gc::set_threshold(py, t[0], opt(1), opt(2));
    Ok(none(py))
}

fn freeze<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    _args: &Bound<'py, TupleObject>,
    _k: Kw<'_, 'py>,
) -> R<'py> {
    pyrt_core::gc::freeze(py);
    Ok(none(py))
}

fn unfreeze<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    _args: &Bound<'py, TupleObject>,
    _k: Kw<'_, 'py>,
) -> R<'py> {
    pyrt_core::gc::unfreeze(py);
    Ok(none(py))
}

fn get_freeze_count<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    _args: &Bound<'py, TupleObject>,
    _k: Kw<'_, 'py>,
) -> R<'py> {
    int(py, pyrt_core::gc::get_freeze_count(py) as i64)
}
