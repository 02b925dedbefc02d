//! Calls: evaluating call arguments (`*args`, `k=v`, `**kwargs`), calling any object
//! through `tp_call`, creating function objects for `def` and `lambda` (defaults,
//! keyword defaults, closure cells), and the `function` type's `tp_call`: binding
//! arguments to parameters with CPython's messages, then running the body in a new
//! frame.
//!
//! Owns the calling convention of Python functions. Must not run statements itself.

use super::expressions::eval;
use super::frames::{Frame, FrameGuard, FrameInfo};
use super::statements::{Flow, exec_block};
use crate::ast::{Arg, Expr, ExprKind, FunctionDef, StmtKind};
use crate::objects::function::{
    FunctionObject, FunctionParts, code_of, field, new_function, qualname_of,
};
use pyrt_core::builtins::{DictObject, StrObject, TupleObject, dict_new, intern, tuple_new};
use pyrt_core::protocol::none;
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python};

/// Positional argument values and an optional keyword dict.
pub type CallArgs<'py> = (Vec<Bound<'py, PyAny>>, Option<Bound<'py, DictObject>>);

/// Evaluates call arguments into positional values and a keyword dict.
pub fn eval_args<'py>(
    py: Python<'py>,
    frame: &mut Frame<'py>,
    args: &'static [Arg<'static>],
    callee: &Bound<'py, PyAny>,
) -> PyResult<CallArgs<'py>> {
    let mut pos = Vec::with_capacity(args.len());
    let mut kw: Option<Bound<'py, DictObject>> = None;
    for a in args {
        match a {
            Arg::Positional(e) => pos.push(eval(py, frame, e)?),
            Arg::Star(e) => {
                let v = eval(py, frame, e)?;
                if !super::operators::is_iterable(&v) {
                    return Err(PyErr::type_error(
                        py,
                        format!(
                            "{} argument after * must be an iterable, not {}",
                            callable_name(py, callee),
                            v.type_name()
                        ),
                    ));
                }
                pos.extend(super::operators::collect(py, &v)?);
            }
            Arg::Keyword(name, e) => {
                let v = eval(py, frame, e)?;
                let d = match &kw {
                    Some(d) => d.clone(),
                    None => {
                        let d = dict_new(py)?;
                        kw = Some(d.clone());
                        d
                    }
                };
                let k = intern(py, name)?.into_any();
                if d.get_item(py, &k)?.is_some() {
                    return Err(PyErr::type_error(
                        py,
                        format!(
                            "{} got multiple values for keyword argument '{name}'",
                            callable_name(py, callee)
                        ),
                    ));
                }
                d.set_item(py, &k, &v)?;
            }
            Arg::DoubleStar(e) => {
                let m = eval(py, frame, e)?;
                let d = match &kw {
                    Some(d) => d.clone(),
                    None => {
                        let d = dict_new(py)?;
                        kw = Some(d.clone());
                        d
                    }
                };
                merge_kwargs(py, &d, &m, callee)?;
            }
        }
    }
    Ok((pos, kw))
}

fn merge_kwargs<'py>(
    py: Python<'py>,
    d: &Bound<'py, DictObject>,
    m: &Bound<'py, PyAny>,
    callee: &Bound<'py, PyAny>,
) -> PyResult<()> {
    let Ok(src) = m.downcast::<DictObject>() else {
        return Err(PyErr::type_error(
            py,
            format!(
                "{} argument after ** must be a mapping, not {}",
                callable_name(py, callee),
                m.type_name()
            ),
        ));
    };
    for (k, v) in src.items(py) {
        let Ok(ks) = k.downcast::<StrObject>() else {
            return Err(PyErr::type_error(py, "keywords must be strings"));
        };
        if d.get_item(py, &k)?.is_some() {
            return Err(PyErr::type_error(
                py,
                format!(
                    "{} got multiple values for keyword argument '{}'",
                    callable_name(py, callee),
                    ks.as_str()
                ),
            ));
        }
        d.set_item(py, &k, &v)?;
    }
    Ok(())
}

/// How CPython names a callable in argument errors (`f()`, `A.m()`).
pub fn callable_name(py: Python<'_>, callee: &Bound<'_, PyAny>) -> String {
    if let Some(f) = crate::objects::function::as_function(py, callee) {
        return format!("{}()", qualname_of(py, f));
    }
    if let Ok(m) = callee.downcast::<pyrt_core::builtins::BoundMethodObject>()
        && let Some(f) = m.func.get(py)
    {
        return callable_name(py, &f);
    }
    if let Ok(t) = callee.downcast::<pyrt_core::TypeObject>() {
        return format!("{}()", t.name_string());
    }
    let key = intern(py, "__name__").map(Bound::into_any);
    match key
        .ok()
        .and_then(|k| pyrt_typeobject::attr::getattr(py, callee, &k).ok())
    {
        Some(n) => format!("{}()", super::frames::str_value(&n).unwrap_or_default()),
        None => format!("{} object", callee.type_name()),
    }
}

/// `callee(*pos, **kw)` through `tp_call`.
pub fn call_object<'py>(
    py: Python<'py>,
    callee: &Bound<'py, PyAny>,
    pos: Vec<Bound<'py, PyAny>>,
    kw: Option<Bound<'py, DictObject>>,
) -> PyResult<Bound<'py, PyAny>> {
    let args = if pos.is_empty() {
        empty_tuple(py)?
    } else {
        tuple_new(py, &pos)?
    };
    pyrt_typeobject::call(py, callee, &args, kw.as_ref())
}

/// One shared empty tuple for argument-less calls (tuples are immutable; CPython's
/// empty tuple is a singleton too, which also keeps allocation patterns alike). It is
/// kept for the life of the process, like the rest of the interpreter's state, so no
/// reference is released when the interpreter's thread ends.
fn empty_tuple(py: Python<'_>) -> PyResult<Bound<'_, TupleObject>> {
    thread_local! {
        static EMPTY: std::cell::Cell<Option<&'static pyrt_core::Py<TupleObject>>> = const { std::cell::Cell::new(None) };
    }
    if let Some(t) = EMPTY.with(std::cell::Cell::get) {
        return Ok(t.bind(py).clone());
    }
    let t = tuple_new(py, &[])?;
    let kept: &'static pyrt_core::Py<TupleObject> = Box::leak(Box::new(t.clone().unbind()));
    EMPTY.with(|e| e.set(Some(kept)));
    Ok(t)
}

/// Creates the function object for a `def` or `lambda` executed in `frame`.
pub fn make_function<'py>(
    py: Python<'py>,
    frame: &mut Frame<'py>,
    def: &'static FunctionDef<'static>,
) -> PyResult<Bound<'py, PyAny>> {
    let code = super::scope::code_for(def)
        .ok_or_else(|| PyErr::system_error(py, "function not analysed"))?;
    let mut defaults = Vec::new();
    for p in def.params.args.iter() {
        if let Some(d) = p.default {
            defaults.push(eval(py, frame, d)?);
        }
    }
    let mut kwdefaults: Option<Bound<'py, DictObject>> = None;
    for p in def.params.kwonly.iter() {
        if let Some(d) = p.default {
            let v = eval(py, frame, d)?;
            let kd = match &kwdefaults {
                Some(k) => k.clone(),
                None => {
                    let k = dict_new(py)?;
                    kwdefaults = Some(k.clone());
                    k
                }
            };
            kd.set_item(py, intern(py, p.name)?.as_any(), &v)?;
        }
    }
    let closure = if code.freevars.is_empty() {
        None
    } else {
        let mut cells = Vec::with_capacity(code.freevars.len());
        for name in &code.freevars {
            let c = match frame.cell_for(name) {
                Some(c) => c,
                None => crate::objects::cell::new_cell(py, None)?,
            };
            cells.push(c.into_any());
        }
        Some(tuple_new(py, &cells)?.into_any())
    };
    let doc = match def.body.first().map(|s| &s.kind) {
        Some(StmtKind::Expr(Expr {
            kind: ExprKind::Str(s),
            ..
        })) if !def.is_lambda => Some(pyrt_core::builtins::str_new(py, s)?.into_any()),
        _ => None,
    };
    let module = frame
        .globals
        .get_item(py, intern(py, "__name__")?.as_any())?;
    new_function(
        py,
        FunctionParts {
            code,
            def,
            globals: frame.globals.clone(),
            defaults: if defaults.is_empty() {
                None
            } else {
                Some(tuple_new(py, &defaults)?.into_any())
            },
            kwdefaults: kwdefaults.map(Bound::into_any),
            closure,
            module,
            doc,
        },
    )
}

/// Applies decorators (innermost, i.e. last, first).
pub fn apply_decorators<'py>(
    py: Python<'py>,
    frame: &mut Frame<'py>,
    decorators: &'static [Expr<'static>],
    mut value: Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let decos: Vec<Bound<'py, PyAny>> = decorators
        .iter()
        .map(|d| eval(py, frame, d))
        .collect::<PyResult<_>>()?;
    for d in decos.iter().rev() {
        value = call_object(py, d, vec![value], None)?;
    }
    Ok(value)
}

/// `tp_call` of `function`.
pub fn function_tp_call<'py>(
    py: Python<'py>,
    callable: &Bound<'py, PyAny>,
    args: &Bound<'py, PyAny>,
    kwargs: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let f = callable
        .downcast::<FunctionObject>()
        .map_err(|_| PyErr::system_error(py, "not a function"))?;
    let (code, def) = code_of(f).ok_or_else(|| PyErr::system_error(py, "function without code"))?;
    // SAFETY: tp_call receives an args tuple.
    let args = unsafe { args.downcast_unchecked::<TupleObject>() };
    // SAFETY: tp_call receives a kwargs dict or nothing.
    let kwargs = kwargs.map(|k| unsafe { k.downcast_unchecked::<DictObject>() });
    let globals = f
        .get(py, field::GLOBALS)
        .and_then(|g| g.downcast_into::<DictObject>().ok())
        .ok_or_else(|| PyErr::system_error(py, "function without globals"))?;
    let mut frame = Frame::new(py, code, globals, None)?;
    bind_arguments(py, f, def, &mut frame, args.items(py), kwargs)?;
    // Parameters that are cells move into their cells.
    for (i, name) in code.cellvars.iter().enumerate() {
        if let Some(slot) = code.locals.iter().position(|l| l == name)
            && let Some(v) = frame.fast.get_mut(slot).and_then(Option::take)
        {
            frame.cells[i].set(py, 0, Some(v));
        }
    }
    if let Some(closure) = f
        .get(py, field::CLOSURE)
        .and_then(|c| c.downcast_into::<TupleObject>().ok())
    {
        for c in closure.items(py) {
            if let Ok(c) = c
                .clone()
                .downcast_into::<crate::objects::cell::CellObject>()
            {
                frame.cells.push(c);
            }
        }
    }
    let first_arg = args.items(py).first().map(|a| a.clone().unbind());
    let class_cell = frame.cell_for("__class__").map(|c| c.into_any().unbind());
    let _g = FrameGuard::enter(
        py,
        FrameInfo {
            name: &code.name,
            line: def.pos.line,
            first_arg,
            class_cell,
            globals: frame.globals.clone().unbind(),
        },
    )?;
    match exec_block(py, &mut frame, def.body) {
        Ok(Flow::Return(v)) => Ok(v),
        Ok(_) => Ok(none(py)),
        Err(e) => {
            super::exceptions::add_traceback_entry(py, &e);
            Err(e)
        }
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn name_list(names: &[&str]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match q.len() {
        0 => String::new(),
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        _ => format!("{}, and {}", q[..q.len() - 1].join(", "), q[q.len() - 1]),
    }
}

/// Binds call arguments to the parameters of `def`, storing them in `frame.fast`.
fn bind_arguments<'py>(
    py: Python<'py>,
    f: &FunctionObject,
    def: &'static FunctionDef<'static>,
    frame: &mut Frame<'py>,
    args: &[Bound<'py, PyAny>],
    kwargs: Option<&Bound<'py, DictObject>>,
) -> PyResult<()> {
    let p = &def.params;
    let fname = qualname_of(py, f);
    let nparams = p.args.len();
    let mut slots: Vec<Option<Bound<'py, PyAny>>> = vec![None; nparams + p.kwonly.len()];
    for (i, a) in args.iter().enumerate().take(nparams) {
        slots[i] = Some(a.clone());
    }
    let extra: Vec<Bound<'py, PyAny>> = args.iter().skip(nparams).cloned().collect();
    if !extra.is_empty() && p.vararg.is_none() {
        let defaults = f
            .get(py, field::DEFAULTS)
            .and_then(|d| d.downcast_into::<TupleObject>().ok())
            .map_or(0, |d| d.len());
        let kw_given = kwargs.map_or(0, |k| {
            k.keys(py)
                .iter()
                .filter(|key| {
                    super::frames::str_value(key)
                        .is_some_and(|s| p.kwonly.iter().any(|k| k.name == s))
                })
                .count()
        });
        let takes = if defaults > 0 {
            format!(
                "from {} to {} positional arguments",
                nparams - defaults,
                nparams
            )
        } else {
            format!(
                "{} positional argument{}",
                nparams,
                if nparams == 1 { "" } else { "s" }
            )
        };
        let given = args.len();
        let was = if given == 1 { "was" } else { "were" };
        let kwpart = if kw_given > 0 {
            format!(
                " positional argument{} (and {} keyword-only argument{}) were given",
                if given == 1 { "" } else { "s" },
                kw_given,
                if kw_given == 1 { "" } else { "s" }
            )
        } else {
            format!(" {was} given")
        };
        return Err(PyErr::type_error(
            py,
            format!("{fname}() takes {takes} but {given}{kwpart}"),
        ));
    }
    let kwdict = match (p.kwarg, kwargs) {
        (Some(_), _) => Some(dict_new(py)?),
        _ => None,
    };
    if let Some(kw) = kwargs {
        for (k, v) in kw.items(py) {
            let name = super::frames::str_value(&k).unwrap_or_default();
            let idx = p
                .args
                .iter()
                .position(|a| a.name == name)
                .filter(|i| *i >= p.posonly)
                .or_else(|| {
                    p.kwonly
                        .iter()
                        .position(|a| a.name == name)
                        .map(|i| i + nparams)
                });
            match idx {
                Some(i) => {
                    if slots[i].is_some() {
                        return Err(PyErr::type_error(
                            py,
                            format!("{fname}() got multiple values for argument '{name}'"),
                        ));
                    }
                    slots[i] = Some(v);
                }
                None => match &kwdict {
                    Some(d) => d.set_item(py, &k, &v)?,
                    None => {
                        if p.args.iter().take(p.posonly).any(|a| a.name == name) {
                            return Err(PyErr::type_error(
                                py,
                                format!(
                                    "{fname}() got some positional-only arguments passed as keyword arguments: '{name}'"
                                ),
                            ));
                        }
                        return Err(PyErr::type_error(
                            py,
                            format!("{fname}() got an unexpected keyword argument '{name}'"),
                        ));
                    }
                },
            }
        }
    }
    // Defaults.
    let defaults = f
        .get(py, field::DEFAULTS)
        .and_then(|d| d.downcast_into::<TupleObject>().ok());
    if let Some(d) = &defaults {
        let items = d.items(py);
        let first = nparams - items.len().min(nparams);
        for (j, v) in items.iter().enumerate() {
            if slots[first + j].is_none() {
                slots[first + j] = Some(v.clone());
            }
        }
    }
    let missing: Vec<&str> = p
        .args
        .iter()
        .enumerate()
        .filter(|(i, _)| slots[*i].is_none())
        .map(|(_, a)| a.name)
        .collect();
    if !missing.is_empty() {
        return Err(PyErr::type_error(
            py,
            format!(
                "{fname}() missing {} required positional argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                name_list(&missing)
            ),
        ));
    }
    let kwdefaults = f
        .get(py, field::KWDEFAULTS)
        .and_then(|d| d.downcast_into::<DictObject>().ok());
    let mut missing_kw = Vec::new();
    for (j, prm) in p.kwonly.iter().enumerate() {
        if slots[nparams + j].is_none() {
            let dv = match &kwdefaults {
                Some(kd) => kd.get_item(py, intern(py, prm.name)?.as_any())?,
                None => None,
            };
            match dv {
                Some(v) => slots[nparams + j] = Some(v),
                None => missing_kw.push(prm.name),
            }
        }
    }
    if !missing_kw.is_empty() {
        return Err(PyErr::type_error(
            py,
            format!(
                "{fname}() missing {} required keyword-only argument{}: {}",
                missing_kw.len(),
                if missing_kw.len() == 1 { "" } else { "s" },
                name_list(&missing_kw)
            ),
        ));
    }
    let _ = plural;
    // Store: positional params, then *args, then keyword-only, then **kwargs, in the
    // order the scope analysis numbered them.
    let mut values: Vec<Bound<'py, PyAny>> = Vec::new();
    for s in slots.iter().take(nparams) {
        values.push(s.clone().unwrap_or_else(|| none(py)));
    }
    if p.vararg.is_some() {
        values.push(tuple_new(py, &extra)?.into_any());
    }
    for s in slots.iter().skip(nparams) {
        values.push(s.clone().unwrap_or_else(|| none(py)));
    }
    if let Some(d) = kwdict {
        values.push(d.into_any());
    }
    for (i, v) in values.into_iter().enumerate() {
        if let Some(slot) = frame.fast.get_mut(i) {
            *slot = Some(v);
        }
    }
    Ok(())
}
