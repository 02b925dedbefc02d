//! The methods of `str`: `join`, `split`, `strip`/`lstrip`/`rstrip`, `upper`, `lower`,
//! `startswith`, `endswith`, `replace`, `find`, `count`, `format`, `isdigit`,
//! `isalpha`, `isupper`, `islower`, `isspace`, `capitalize`, `title`, `ljust`,
//! `rjust`, `center`, `zfill`, installed as method descriptors.
//!
//! Owns these methods and their messages.

use super::native;
use super::{check_count, no_kwargs, one_arg};
use pyrt_core::builtins::{DictObject, StrObject, TupleObject, int_new, intern, list_new, str_new};
use pyrt_core::protocol::bool_obj;
use pyrt_core::types::MethodDef;
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python};

type Slf<'a, 'py> = Option<&'a Bound<'py, PyAny>>;
type Args<'a, 'py> = &'a [Bound<'py, PyAny>];
type Kw<'a, 'py> = Option<&'a Bound<'py, DictObject>>;
type R<'py> = PyResult<Bound<'py, PyAny>>;

pub(super) fn install(py: Python<'_>) -> PyResult<()> {
    super::install_methods(py, py.builtins().str_(), &METHODS)
}

fn this(py: Python<'_>, s: Slf<'_, '_>) -> PyResult<String> {
    s.and_then(|s| {
        s.downcast::<StrObject>()
            .ok()
            .map(|s| s.as_str().to_owned())
    })
    .ok_or_else(|| PyErr::type_error(py, "descriptor requires a 'str' object"))
}

fn text(py: Python<'_>, v: &Bound<'_, PyAny>, what: &str) -> PyResult<String> {
    v.downcast::<StrObject>()
        .map(|s| s.as_str().to_owned())
        .map_err(|_| PyErr::type_error(py, format!("{what}, not {}", v.type_name())))
}

fn new<'py>(py: Python<'py>, s: &str) -> R<'py> {
    Ok(str_new(py, s)?.into_any())
}

fn join<'py>(
    py: Python<'py>,
    s_obj: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
) -> R<'py> {
    let s = Some(s_obj);
    let args = args_t.items(py);
    no_kwargs(py, "str.join", kw)?;
    let sep = this(py, s)?;
    let it = one_arg(py, "str.join", args)?;
    let mut parts = Vec::new();
    for (i, x) in crate::eval::operators::collect(py, it)?.iter().enumerate() {
        match x.downcast::<StrObject>() {
            Ok(t) => parts.push(t.as_str().to_owned()),
            Err(_) => {
                return Err(PyErr::type_error(
                    py,
                    format!(
                        "sequence item {i}: expected str instance, {} found",
                        x.type_name()
                    ),
                ));
            }
        }
    }
    new(py, &parts.join(&sep))
}

fn split<'py>(
    py: Python<'py>,
    s_obj: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
) -> R<'py> {
    let s = Some(s_obj);
    let args = args_t.items(py);
    super::only_kwargs(py, "split", kw, &["sep", "maxsplit"])?;
    let me = this(py, s)?;
    let sep = match args.first().cloned().or(super::kwarg(py, kw, "sep")?) {
        Some(v) if !super::is_none(py, &v) => Some(text(py, &v, "must be str or None")?),
        _ => None,
    };
    let maxsplit = match args.get(1).cloned().or(super::kwarg(py, kw, "maxsplit")?) {
        Some(v) => crate::objects::range::index_arg(py, &v)?,
        None => -1,
    };
    let parts: Vec<String> = match &sep {
        Some(p) if p.is_empty() => return Err(PyErr::value_error(py, "empty separator")),
        Some(p) if maxsplit < 0 => me.split(p.as_str()).map(str::to_owned).collect(),
        Some(p) => me
            .splitn(maxsplit as usize + 1, p.as_str())
            .map(str::to_owned)
            .collect(),
        None => {
            let mut out: Vec<String> = Vec::new();
            let mut rest = me.trim_start();
            while !rest.is_empty() {
                if maxsplit >= 0 && out.len() as i64 == maxsplit {
                    out.push(rest.to_owned());
                    break;
                }
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                out.push(rest[..end].to_owned());
                rest = rest[end..].trim_start();
            }
            out
        }
    };
    let objs: Vec<Bound<'py, PyAny>> = parts.iter().map(|p| new(py, p)).collect::<PyResult<_>>()?;
    Ok(list_new(py, &objs)?.into_any())
}

fn strip_chars(py: Python<'_>, args: Args<'_, '_>) -> PyResult<Option<Vec<char>>> {
    match args.first() {
        Some(v) if !super::is_none(py, v) => Ok(Some(
            text(py, v, "strip arg must be None or str")?
                .chars()
                .collect(),
        )),
        _ => Ok(None),
    }
}

fn strip_impl<'py>(
    py: Python<'py>,
    s: Slf<'_, 'py>,
    args: Args<'_, 'py>,
    left: bool,
    right: bool,
) -> R<'py> {
    let me = this(py, s)?;
    let chars = strip_chars(py, args)?;
    let pred = |c: char| match &chars {
        Some(cs) => cs.contains(&c),
        None => c.is_whitespace(),
    };
    let mut r: &str = &me;
    if left {
        r = r.trim_start_matches(pred);
    }
    if right {
        r = r.trim_end_matches(pred);
    }
    new(py, r)
}

fn strip<'py>(
    py: Python<'py>,
    s_obj: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    _kw: Kw<'_, 'py>,
) -> R<'py> {
    let s = Some(s_obj);
    let args = args_t.items(py);
    strip_impl(py, s, args, true, true)
}

fn lstrip<'py>(
    py: Python<'py>,
    s_obj: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    _kw: Kw<'_, 'py>,
) -> R<'py> {
    let s = Some(s_obj);
    let args = args_t.items(py);
    strip_impl(py, s, args, true, false)
}

fn rstrip<'py>(
    py: Python<'py>,
    s_obj: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    _kw: Kw<'_, 'py>,
) -> R<'py> {
    let s = Some(s_obj);
    let args = args_t.items(py);
    strip_impl(py, s, args, false, true)
}

fn upper<'py>(
    py: Python<'py>,
    s_obj: &Bound<'py, PyAny>,
    _args: &Bound<'py, TupleObject>,
    _kw: Kw<'_, 'py>,
) -> R<'py> {
    let s = Some(s_obj);
    new(py, &this(py, s)?.to_uppercase())
}

fn lower<'py>(
    py: Python<'py>,
    s_obj: &Bound<'py, PyAny>,
    _args: &Bound<'py, TupleObject>,
    _kw: Kw<'_, 'py>,
) -> R<'py> {
    let s = Some(s_obj);
    new(py, &this(py, s)?.to_lowercase())
}

fn affix<'py>(
    py: Python<'py>,
    s: Slf<'_, 'py>,
    args: Args<'_, 'py>,
    name: &str,
    test: fn(&str, &str) -> bool,
) -> R<'py> {
    check_count(py, name, args, 1, 3)?;
    let me = this(py, s)?;
    let cands: Vec<String> = if let Ok(t) = args[0].downcast::<pyrt_core::builtins::TupleObject>() {
        t.items(py)
            .iter()
            .map(|x| text(py, x, "tuple for startswith must only contain str"))
            .collect::<PyResult<_>>()?
    } else {
        vec![text(
            py,
            &args[0],
            &format!("{name} first arg must be str or a tuple of str"),
        )?]
    };
    Ok(bool_obj(py, cands.iter().any(|c| test(&me, c))))
}

fn startswith<'py>(
    py: Python<'py>,
    s_obj: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    _kw: Kw<'_, 'py>,
) -> R<'py> {
    let s = Some(s_obj);
    let args = args_t.items(py);
    affix(py, s, args, "startswith", |a, b| a.starts_with(b))
}

fn endswith<'py>(
    py: Python<'py>,
    s_obj: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    _kw: Kw<'_, 'py>,
) -> R<'py> {
    let s = Some(s_obj);
    let args = args_t.items(py);
    affix(py, s, args, "endswith", |a, b| a.ends_with(b))
}

fn replace<'py>(
    py: Python<'py>,
    s_obj: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    _kw: Kw<'_, 'py>,
) -> R<'py> {
    let s = Some(s_obj);
    let args = args_t.items(py);
    check_count(py, "replace", args, 2, 3)?;
    let me = this(py, s)?;
    let old = text(py, &args[0], "replace() argument 1 must be str")?;
    let newt = text(py, &args[1], "replace() argument 2 must be str")?;
    match args.get(2) {
        Some(n) => {
            let n = crate::objects::range::index_arg(py, n)?;
            if n < 0 {
                new(py, &me.replace(&old, &newt))
            } else {
                new(py, &me.replacen(&old, &newt, n as usize))
            }
        }
        None => new(py, &me.replace(&old, &newt)),
    }
}

fn find<'py>(
    py: Python<'py>,
    s_obj: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    _kw: Kw<'_, 'py>,
) -> R<'py> {
    let s = Some(s_obj);
    let args = args_t.items(py);
    check_count(py, "find", args, 1, 1)?;
    let me = this(py, s)?;
    let sub = text(py, &args[0], "must be str")?;
    let r = me.find(&sub).map_or(-1, |b| me[..b].chars().count() as i64);
    Ok(int_new(py, r)?.into_any())
}

fn count<'py>(
    py: Python<'py>,
    s_obj: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    _kw: Kw<'_, 'py>,
) -> R<'py> {
    let s = Some(s_obj);
    let args = args_t.items(py);
    check_count(py, "count", args, 1, 1)?;
    let me = this(py, s)?;
    let sub = text(py, &args[0], "must be str")?;
    let n = if sub.is_empty() {
        me.chars().count() + 1
    } else {
        me.matches(&sub).count()
    };
    Ok(int_new(py, n as i64)?.into_any())
}

/// `str.format`: `{}`, `{0}`, `{name}`, `{x.attr}`, `{x[0]}`, `!r`/`!s`, `:spec`.
fn format<'py>(
    py: Python<'py>,
    s_obj: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
) -> R<'py> {
    let s = Some(s_obj);
    let args = args_t.items(py);
    let me = this(py, s)?;
    let mut out = String::new();
    let mut auto = 0usize;
    let chars: Vec<char> = me.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' && chars.get(i + 1) == Some(&'{') {
            out.push('{');
            i += 2;
            continue;
        }
        if c == '}' && chars.get(i + 1) == Some(&'}') {
            out.push('}');
            i += 2;
            continue;
        }
        if c == '}' {
            return Err(PyErr::value_error(
                py,
                "Single '}' encountered in format string",
            ));
        }
        if c != '{' {
            out.push(c);
            i += 1;
            continue;
        }
        let end = chars[i..]
            .iter()
            .position(|&x| x == '}')
            .map(|p| p + i)
            .ok_or_else(|| PyErr::value_error(py, "expected '}' before end of string"))?;
        let field: String = chars[i + 1..end].iter().collect();
        i = end + 1;
        let (field, spec) = match field.split_once(':') {
            Some((f, sp)) => (f.to_string(), sp.to_string()),
            None => (field, String::new()),
        };
        let (field, conv) = match field.split_once('!') {
            Some((f, c)) => (f.to_string(), c.chars().next()),
            None => (field, None),
        };
        let head_end = field.find(['.', '[']).unwrap_or(field.len());
        let head = &field[..head_end];
        let mut v = if head.is_empty() {
            let v = args.get(auto).cloned().ok_or_else(|| {
                PyErr::index_error(
                    py,
                    format!("Replacement index {auto} out of range for positional args tuple"),
                )
            })?;
            auto += 1;
            v
        } else if let Ok(n) = head.parse::<usize>() {
            args.get(n).cloned().ok_or_else(|| {
                PyErr::index_error(
                    py,
                    format!("Replacement index {n} out of range for positional args tuple"),
                )
            })?
        } else {
            let k = intern(py, head)?;
            kw.and_then(|d| d.get_item(py, k.as_any()).ok().flatten())
                .ok_or_else(|| PyErr::key_error(py, k.as_any()))?
        };
        let mut rest = &field[head_end..];
        while !rest.is_empty() {
            if let Some(r) = rest.strip_prefix('.') {
                let e = r.find(['.', '[']).unwrap_or(r.len());
                v = pyrt_typeobject::attr::getattr(py, &v, &intern(py, &r[..e])?.into_any())?;
                rest = &r[e..];
            } else if let Some(r) = rest.strip_prefix('[') {
                let e = r
                    .find(']')
                    .ok_or_else(|| PyErr::value_error(py, "Missing ']' in format string"))?;
                let key = &r[..e];
                let k = match key.parse::<i64>() {
                    Ok(n) => int_new(py, n)?.into_any(),
                    Err(_) => str_new(py, key)?.into_any(),
                };
                v = crate::eval::subscript::getitem(py, &v, &k)?;
                rest = &r[e + 1..];
            } else {
                break;
            }
        }
        let v = match conv {
            Some('r') | Some('a') => super::repr_obj(py, &v)?.into_any(),
            Some('s') => pyrt_typeobject::builtins::call::str_of(py, &v)?.into_any(),
            _ => v,
        };
        out.push_str(&super::format_value(py, &v, &spec)?);
    }
    new(py, &out)
}

fn pred<'py>(py: Python<'py>, s: Slf<'_, 'py>, f: fn(&str) -> bool) -> R<'py> {
    let me = this(py, s)?;
    Ok(bool_obj(py, !me.is_empty() && f(&me)))
}

fn isdigit<'py>(
    py: Python<'py>,
    s_obj: &Bound<'py, PyAny>,
    _args: &Bound<'py, TupleObject>,
    _k: Kw<'_, 'py>,
) -> R<'py> {
    let s = Some(s_obj);
    pred(py, s, |t| t.chars().all(|c| c.is_ascii_digit()))
}

fn isalpha<'py>(
    py: Python<'py>,
    s_obj: &Bound<'py, PyAny>,
    _args: &Bound<'py, TupleObject>,
    _k: Kw<'_, 'py>,
) -> R<'py> {
    let s = Some(s_obj);
    pred(py, s, |t| t.chars().all(char::is_alphabetic))
}

fn isupper<'py>(
    py: Python<'py>,
    s_obj: &Bound<'py, PyAny>,
    _args: &Bound<'py, TupleObject>,
    _k: Kw<'_, 'py>,
) -> R<'py> {
    let s = Some(s_obj);
    pred(py, s, |t| {
        t.chars().any(char::is_uppercase) && !t.chars().any(char::is_lowercase)
    })
}

fn islower<'py>(
    py: Python<'py>,
    s_obj: &Bound<'py, PyAny>,
    _args: &Bound<'py, TupleObject>,
    _k: Kw<'_, 'py>,
) -> R<'py> {
    let s = Some(s_obj);
    pred(py, s, |t| {
        t.chars().any(char::is_lowercase) && !t.chars().any(char::is_uppercase)
    })
}

fn isspace<'py>(
    py: Python<'py>,
    s_obj: &Bound<'py, PyAny>,
    _args: &Bound<'py, TupleObject>,
    _k: Kw<'_, 'py>,
) -> R<'py> {
    let s = Some(s_obj);
    pred(py, s, |t| t.chars().all(char::is_whitespace))
}

fn capitalize<'py>(
    py: Python<'py>,
    s_obj: &Bound<'py, PyAny>,
    _args: &Bound<'py, TupleObject>,
    _k: Kw<'_, 'py>,
) -> R<'py> {
    let s = Some(s_obj);
    let me = this(py, s)?;
    let mut cs = me.chars();
    let r = match cs.next() {
        Some(c) => c.to_uppercase().collect::<String>() + &cs.as_str().to_lowercase(),
        None => String::new(),
    };
    new(py, &r)
}

fn title<'py>(
    py: Python<'py>,
    s_obj: &Bound<'py, PyAny>,
    _args: &Bound<'py, TupleObject>,
    _k: Kw<'_, 'py>,
) -> R<'py> {
    let s = Some(s_obj);
    let me = this(py, s)?;
    let mut out = String::new();
    let mut prev_alpha = false;
    for c in me.chars() {
        if prev_alpha {
            out.extend(c.to_lowercase());
        } else {
            out.extend(c.to_uppercase());
        }
        prev_alpha = c.is_alphabetic();
    }
    new(py, &out)
}

fn justify<'py>(
    py: Python<'py>,
    s: Slf<'_, 'py>,
    args: Args<'_, 'py>,
    name: &str,
    align: char,
) -> R<'py> {
    check_count(py, name, args, 1, 2)?;
    let me = this(py, s)?;
    let width = crate::objects::range::index_arg(py, &args[0])?.max(0) as usize;
    let fill = match args.get(1) {
        Some(f) => {
            let t = text(py, f, "The fill character must be a unicode character")?;
            let mut cs = t.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => c,
                _ => {
                    return Err(PyErr::type_error(
                        py,
                        "The fill character must be exactly one character long",
                    ));
                }
            }
        }
        None => ' ',
    };
    let len = me.chars().count();
    if len >= width {
        return new(py, &me);
    }
    let n = width - len;
    let rep = |k: usize| std::iter::repeat_n(fill, k).collect::<String>();
    let r = match align {
        '<' => me + &rep(n),
        '>' => rep(n) + &me,
        _ => {
            let left = n / 2 + (n & width & 1);
            rep(left) + &me + &rep(n - left)
        }
    };
    new(py, &r)
}

fn ljust<'py>(
    py: Python<'py>,
    s_obj: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    _k: Kw<'_, 'py>,
) -> R<'py> {
    let s = Some(s_obj);
    let args = args_t.items(py);
    justify(py, s, args, "ljust", '<')
}

fn rjust<'py>(
    py: Python<'py>,
    s_obj: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    _k: Kw<'_, 'py>,
) -> R<'py> {
    let s = Some(s_obj);
    let args = args_t.items(py);
    justify(py, s, args, "rjust", '>')
}

fn center<'py>(
    py: Python<'py>,
    s_obj: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    _k: Kw<'_, 'py>,
) -> R<'py> {
    let s = Some(s_obj);
    let args = args_t.items(py);
    justify(py, s, args, "center", '^')
}

fn zfill<'py>(
    py: Python<'py>,
    s_obj: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    _k: Kw<'_, 'py>,
) -> R<'py> {
    let s = Some(s_obj);
    let args = args_t.items(py);
    check_count(py, "zfill", args, 1, 1)?;
    let me = this(py, s)?;
    let width = crate::objects::range::index_arg(py, &args[0])?.max(0) as usize;
    let len = me.chars().count();
    if len >= width {
        return new(py, &me);
    }
    let (sign, digits) = match me.strip_prefix(['+', '-']) {
        Some(rest) => (&me[..1], rest),
        None => ("", me.as_str()),
    };
    new(py, &format!("{sign}{}{digits}", "0".repeat(width - len)))
}

static METHODS: [MethodDef; 24] = [
    native("join", join),
    native("split", split),
    native("strip", strip),
    native("lstrip", lstrip),
    native("rstrip", rstrip),
    native("upper", upper),
    native("lower", lower),
    native("startswith", startswith),
    native("endswith", endswith),
    native("replace", replace),
    native("find", find),
    native("count", count),
    native("format", format),
    native("isdigit", isdigit),
    native("isalpha", isalpha),
    native("isupper", isupper),
    native("islower", islower),
    native("isspace", isspace),
    native("capitalize", capitalize),
    native("title", title),
    native("ljust", ljust),
    native("rjust", rjust),
    native("center", center),
    native("zfill", zfill),
];
