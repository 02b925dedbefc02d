//! Core builtin functions: `print`, `repr`, `len`, `hash`, `id`, `callable`, `abs`,
//! `min`, `max`, `sum`, `any`, `all`, `divmod`, `pow`, `chr`, `ord`, `format`,
//! `hex`, `oct`, `bin`, `globals`.
//!
//! Owns these functions and their argument messages (CPython 3.11's).

use super::{check_count, kwarg, no_kwargs, one_arg, only_kwargs, repr_obj, str_string};
use crate::ast::BinOp;
use crate::builtins::native;
use crate::eval::operators::{binary_op, collect, get_iter, next};
use pyrt_core::builtins::{DictObject, StrObject, TupleObject, int_new, str_new};
use pyrt_core::protocol::{bool_obj, is_true, none, rich_compare_bool};
use pyrt_core::types::CompareOp;
use pyrt_core::types::MethodDef;
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python};

type Args<'a, 'py> = &'a [Bound<'py, PyAny>];
type Kw<'a, 'py> = Option<&'a Bound<'py, DictObject>>;
type R<'py> = PyResult<Bound<'py, PyAny>>;

/// The functions of this group.
pub static FUNCTIONS: [MethodDef; 21] = [
    native("print", print),
    native("repr", repr),
    native("len", len),
    native("hash", hash_fn),
    native("id", id),
    native("callable", callable),
    native("abs", abs),
    native("min", min),
    native("max", max),
    native("sum", sum),
    native("any", any),
    native("all", all),
    native("divmod", divmod),
    native("pow", pow),
    native("chr", chr),
    native("ord", ord),
    native("format", format),
    native("hex", hex),
    native("oct", oct),
    native("bin", bin),
    native("globals", globals),
];

fn print<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
) -> R<'py> {
    let args = args_t.items(py);
    only_kwargs(py, "print", kw, &["sep", "end", "file", "flush"])?;
    let text_arg = |name: &str, default: &str| -> PyResult<String> {
        match kwarg(py, kw, name)? {
            None => Ok(default.to_string()),
            Some(v) if super::is_none(py, &v) => Ok(default.to_string()),
            Some(v) => match v.downcast::<StrObject>() {
                Ok(s) => Ok(s.as_str().to_owned()),
                Err(_) => Err(PyErr::type_error(
                    py,
                    format!("{name} must be None or a string, not {}", v.type_name()),
                )),
            },
        }
    };
    let sep = text_arg("sep", " ")?;
    let end = text_arg("end", "\n")?;
    let mut out = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(&str_string(py, a)?);
    }
    out.push_str(&end);
    crate::io::write_stdout(&out);
    Ok(none(py))
}

fn repr<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
) -> R<'py> {
    let args = args_t.items(py);
    no_kwargs(py, "repr", kw)?;
    Ok(repr_obj(py, one_arg(py, "repr", args)?)?.into_any())
}

/// `len(obj)` through pyrt's `ops::len` (`sq_length` / `mp_length`).
pub fn length(py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyResult<isize> {
    pyrt_typeobject::ops::len(py, obj)
}

fn len<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
) -> R<'py> {
    let args = args_t.items(py);
    no_kwargs(py, "len", kw)?;
    let n = length(py, one_arg(py, "len", args)?)?;
    Ok(int_new(py, n as i64)?.into_any())
}

fn hash_fn<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
) -> R<'py> {
    let args = args_t.items(py);
    no_kwargs(py, "hash", kw)?;
    let h = pyrt_typeobject::ops::hash(py, one_arg(py, "hash", args)?)?;
    Ok(int_new(py, h as i64)?.into_any())
}

fn id<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
) -> R<'py> {
    let args = args_t.items(py);
    no_kwargs(py, "id", kw)?;
    let a = one_arg(py, "id", args)?;
    Ok(int_new(py, a.as_any_ref().addr() as i64)?.into_any())
}

fn callable<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
) -> R<'py> {
    let args = args_t.items(py);
    no_kwargs(py, "callable", kw)?;
    let a = one_arg(py, "callable", args)?;
    Ok(bool_obj(py, a.ob_type().tp_call.get().is_some()))
}

fn abs<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
) -> R<'py> {
    let args = args_t.items(py);
    no_kwargs(py, "abs", kw)?;
    let a = one_arg(py, "abs", args)?;
    pyrt_typeobject::ops::unary_op(py, a, pyrt_typeobject::ops::UnaryOp::Abs)
}

fn min_max<'py>(
    py: Python<'py>,
    name: &str,
    args: Args<'_, 'py>,
    kw: Kw<'_, 'py>,
    op: CompareOp,
) -> R<'py> {
    only_kwargs(py, name, kw, &["key", "default"])?;
    let key = kwarg(py, kw, "key")?.filter(|k| !super::is_none(py, k));
    let default = kwarg(py, kw, "default")?;
    let items = match args.len() {
        0 => {
            return Err(PyErr::type_error(
                py,
                format!("{name} expected at least 1 argument, got 0"),
            ));
        }
        1 => collect(py, &args[0])?,
        _ => {
            if default.is_some() {
                return Err(PyErr::type_error(
                    py,
                    format!(
                        "Cannot specify a default for {name}() with multiple positional arguments"
                    ),
                ));
            }
            args.to_vec()
        }
    };
    let mut best: Option<(Bound<'py, PyAny>, Bound<'py, PyAny>)> = None;
    for it in items {
        let k = match &key {
            Some(f) => crate::eval::calls::call_object(py, f, vec![it.clone()], None)?,
            None => it.clone(),
        };
        best = match best {
            None => Some((it, k)),
            Some((bi, bk)) => {
                if rich_compare_bool(py, &k, &bk, op)? {
                    Some((it, k))
                } else {
                    Some((bi, bk))
                }
            }
        };
    }
    match (best, default) {
        (Some((v, _)), _) => Ok(v),
        (None, Some(d)) => Ok(d),
        (None, None) => Err(PyErr::value_error(
            py,
            format!("{name}() arg is an empty sequence"),
        )),
    }
}

fn min<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
) -> R<'py> {
    let args = args_t.items(py);
    min_max(py, "min", args, kw, CompareOp::Lt)
}

fn max<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
) -> R<'py> {
    let args = args_t.items(py);
    min_max(py, "max", args, kw, CompareOp::Gt)
}

fn sum<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
) -> R<'py> {
    let args = args_t.items(py);
    only_kwargs(py, "sum", kw, &["start"])?;
    check_count(py, "sum", args, 1, 2)?;
    let mut acc = match (args.get(1), kwarg(py, kw, "start")?) {
        (Some(s), _) => s.clone(),
        (None, Some(s)) => s,
        (None, None) => int_new(py, 0)?.into_any(),
    };
    if acc.downcast::<StrObject>().is_ok() {
        return Err(PyErr::type_error(
            py,
            "sum() can't sum strings [use ''.join(seq) instead]",
        ));
    }
    let it = get_iter(py, &args[0])?;
    while let Some(x) = next(py, &it)? {
        acc = binary_op(py, &acc, &x, BinOp::Add)?;
    }
    Ok(acc)
}

fn any<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
) -> R<'py> {
    let args = args_t.items(py);
    no_kwargs(py, "any", kw)?;
    let it = get_iter(py, one_arg(py, "any", args)?)?;
    while let Some(x) = next(py, &it)? {
        if is_true(py, &x)? {
            return Ok(bool_obj(py, true));
        }
    }
    Ok(bool_obj(py, false))
}

fn all<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
) -> R<'py> {
    let args = args_t.items(py);
    no_kwargs(py, "all", kw)?;
    let it = get_iter(py, one_arg(py, "all", args)?)?;
    while let Some(x) = next(py, &it)? {
        if !is_true(py, &x)? {
            return Ok(bool_obj(py, false));
        }
    }
    Ok(bool_obj(py, true))
}

fn divmod<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
) -> R<'py> {
    let args = args_t.items(py);
    no_kwargs(py, "divmod", kw)?;
    check_count(py, "divmod", args, 2, 2)?;
    pyrt_typeobject::ops::binary_op(py, &args[0], &args[1], pyrt_typeobject::ops::BinOp::Divmod)
}

fn pow<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
) -> R<'py> {
    let args = args_t.items(py);
    no_kwargs(py, "pow", kw)?;
    check_count(py, "pow", args, 2, 3)?;
    pyrt_typeobject::ops::power(py, &args[0], &args[1], args.get(2))
}

fn chr<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
) -> R<'py> {
    let args = args_t.items(py);
    no_kwargs(py, "chr", kw)?;
    let a = one_arg(py, "chr", args)?;
    let v = crate::objects::range::index_arg(py, a)?;
    match u32::try_from(v).ok().and_then(char::from_u32) {
        Some(c) => Ok(str_new(py, &c.to_string())?.into_any()),
        None => Err(PyErr::value_error(py, "chr() arg not in range(0x110000)")),
    }
}

fn ord<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
) -> R<'py> {
    let args = args_t.items(py);
    no_kwargs(py, "ord", kw)?;
    let a = one_arg(py, "ord", args)?;
    let Ok(s) = a.downcast::<StrObject>() else {
        return Err(PyErr::type_error(
            py,
            format!(
                "ord() expected string of length 1, but {} found",
                a.type_name()
            ),
        ));
    };
    let mut cs = s.as_str().chars();
    match (cs.next(), cs.next()) {
        (Some(c), None) => Ok(int_new(py, c as i64)?.into_any()),
        _ => Err(PyErr::type_error(
            py,
            format!(
                "ord() expected a character, but string of length {} found",
                s.as_str().chars().count()
            ),
        )),
    }
}

fn format<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
) -> R<'py> {
    let args = args_t.items(py);
    no_kwargs(py, "format", kw)?;
    check_count(py, "format", args, 1, 2)?;
    let spec = match args.get(1) {
        Some(s) => s
            .downcast::<StrObject>()
            .map(|s| s.as_str().to_owned())
            .map_err(|_| {
                PyErr::type_error(
                    py,
                    format!("format() argument 2 must be str, not {}", s.type_name()),
                )
            })?,
        None => String::new(),
    };
    Ok(str_new(py, &super::format_value(py, &args[0], &spec)?)?.into_any())
}

fn globals<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
) -> R<'py> {
    let args = args_t.items(py);
    no_kwargs(py, "globals", kw)?;
    check_count(py, "globals", args, 0, 0)?;
    match crate::eval::frames::current_globals(py) {
        Some(g) => Ok(g.into_any()),
        None => Err(PyErr::runtime_error(py, "globals(): no current frame")),
    }
}

/// `hex`, `oct`, `bin`: the integer in base 16, 8 or 2 with its prefix.
fn radix<'py>(
    py: Python<'py>,
    name: &str,
    args_t: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
    spec: &str,
) -> R<'py> {
    let args = args_t.items(py);
    no_kwargs(py, name, kw)?;
    let a = one_arg(py, name, args)?;
    let v = crate::objects::range::index_arg(py, a)?;
    let n = pyrt_core::builtins::int_new(py, v)?.into_any();
    Ok(str_new(py, &super::format_value(py, &n, spec)?)?.into_any())
}

fn hex<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    args: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
) -> R<'py> {
    radix(py, "hex", args, kw, "#x")
}

fn oct<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    args: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
) -> R<'py> {
    radix(py, "oct", args, kw, "#o")
}

fn bin<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    args: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
) -> R<'py> {
    radix(py, "bin", args, kw, "#b")
}
