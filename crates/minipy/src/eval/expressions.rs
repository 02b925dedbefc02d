//! Expression evaluation: literals and displays, names, attributes, subscripts, calls,
//! operators, boolean logic, conditional expressions, lambdas, comprehensions and
//! f-strings.
//!
//! Owns the order of evaluation. Must not implement operator dispatch (`operators`),
//! argument binding (`calls`) or slicing (`subscript`).

use super::calls;
use super::frames::Frame;
use super::operators;
use super::subscript;
use crate::ast::{CmpOp, Comprehension, Expr, ExprKind, FPart, UnaryOp};
use pyrt_core::builtins::{dict_new, int_new, intern, list_new, str_new, tuple_new};
use pyrt_core::protocol::{bool_obj, is_true, none};
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python};

/// Evaluates `e`.
pub fn eval<'py>(
    py: Python<'py>,
    frame: &mut Frame<'py>,
    e: &'static Expr<'static>,
) -> PyResult<Bound<'py, PyAny>> {
    match &e.kind {
        ExprKind::Name(n) => frame.load(py, n),
        ExprKind::Int(v) => Ok(int_new(py, *v)?.into_any()),
        ExprKind::BigInt(_) => Err(PyErr::overflow_error(py, "int too large")),
        ExprKind::Float(s) => Err(PyErr::new(
            py,
            py.builtins().not_implemented_error(),
            &format!("float literal {s}: pyrt has no float type"),
        )),
        ExprKind::Str(s) => Ok(intern_literal(py, s)?),
        ExprKind::FString(parts) => Ok(str_new(py, &fstring(py, frame, parts)?)?.into_any()),
        ExprKind::Bool(b) => Ok(bool_obj(py, *b)),
        ExprKind::None => Ok(none(py)),
        ExprKind::Ellipsis => Ok(crate::builtins::ellipsis(py)),
        ExprKind::Tuple(items) => Ok(tuple_new(py, &eval_items(py, frame, items)?)?.into_any()),
        ExprKind::List(items) => Ok(list_new(py, &eval_items(py, frame, items)?)?.into_any()),
        ExprKind::Set(_) => Err(PyErr::type_error(
            py,
            "set displays are not supported by minipy (pyrt has no set type)",
        )),
        ExprKind::Dict(pairs) => {
            let d = dict_new(py)?;
            for (k, v) in pairs.iter() {
                match k {
                    Some(k) => {
                        let k = eval(py, frame, k)?;
                        let v = eval(py, frame, v)?;
                        d.set_item(py, &k, &v)?;
                    }
                    None => {
                        let m = eval(py, frame, v)?;
                        crate::builtins::dict_update(py, &d, &m)?;
                    }
                }
            }
            Ok(d.into_any())
        }
        ExprKind::Starred(_) => Err(PyErr::system_error(
            py,
            "starred expression outside a display",
        )),
        ExprKind::Attribute(v, name) => {
            let obj = eval(py, frame, v)?;
            pyrt_typeobject::attr::getattr(py, &obj, &intern(py, name)?.into_any())
        }
        ExprKind::Subscript(v, idx) => {
            let obj = eval(py, frame, v)?;
            let key = eval_index(py, frame, idx)?;
            subscript::getitem(py, &obj, &key)
        }
        ExprKind::Slice(..) => eval_index(py, frame, e),
        ExprKind::Call(f, args) => {
            let callee = eval(py, frame, f)?;
            let (pos, kw) = calls::eval_args(py, frame, args, &callee)?;
            calls::call_object(py, &callee, pos, kw)
        }
        ExprKind::BinOp(op, a, b) => {
            let a = eval(py, frame, a)?;
            let b = eval(py, frame, b)?;
            operators::binary_op(py, &a, &b, *op)
        }
        ExprKind::UnaryOp(UnaryOp::Not, v) => {
            let t = eval_truth(py, frame, v)?;
            Ok(bool_obj(py, !t))
        }
        ExprKind::UnaryOp(op, v) => {
            let v = eval(py, frame, v)?;
            operators::unary_op(py, &v, *op)
        }
        ExprKind::BoolOp(is_and, a, b) => {
            let a = eval(py, frame, a)?;
            if is_true(py, &a)? == *is_and {
                eval(py, frame, b)
            } else {
                Ok(a)
            }
        }
        ExprKind::Compare(first, rest) => compare_chain(py, frame, first, rest),
        ExprKind::IfExp { test, body, orelse } => {
            if eval_truth(py, frame, test)? {
                eval(py, frame, body)
            } else {
                eval(py, frame, orelse)
            }
        }
        ExprKind::Lambda(def) => calls::make_function(py, frame, def),
        ExprKind::ListComp(elt, comps) => {
            let out = list_new(py, &[])?;
            comprehension(py, frame, e, comps, &mut |py, f| {
                let v = eval(py, f, elt)?;
                out.append(&v);
                Ok(())
            })?;
            Ok(out.into_any())
        }
        ExprKind::GeneratorExp(elt, comps) => {
            let out = list_new(py, &[])?;
            comprehension(py, frame, e, comps, &mut |py, f| {
                let v = eval(py, f, elt)?;
                out.append(&v);
                Ok(())
            })?;
            operators::get_iter(py, out.as_any())
        }
        ExprKind::DictComp(k, v, comps) => {
            let out = dict_new(py)?;
            comprehension(py, frame, e, comps, &mut |py, f| {
                let kv = eval(py, f, k)?;
                let vv = eval(py, f, v)?;
                out.set_item(py, &kv, &vv)
            })?;
            Ok(out.into_any())
        }
        ExprKind::NamedExpr(n, v) => {
            let val = eval(py, frame, v)?;
            frame.store(py, n, val.clone())?;
            Ok(val)
        }
    }
}

/// A string literal as an object (interned, like CPython's identifier-like constants).
fn intern_literal<'py>(py: Python<'py>, s: &str) -> PyResult<Bound<'py, PyAny>> {
    Ok(intern(py, s)?.into_any())
}

/// `bool(eval(e))`.
pub fn eval_truth<'py>(
    py: Python<'py>,
    frame: &mut Frame<'py>,
    e: &'static Expr<'static>,
) -> PyResult<bool> {
    let v = eval(py, frame, e)?;
    is_true(py, &v)
}

/// Evaluates the items of a display, expanding `*iterable`.
pub fn eval_items<'py>(
    py: Python<'py>,
    frame: &mut Frame<'py>,
    items: &'static [Expr<'static>],
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        if let ExprKind::Starred(inner) = &it.kind {
            let v = eval(py, frame, inner)?;
            out.extend(operators::collect(py, &v)?);
        } else {
            out.push(eval(py, frame, it)?);
        }
    }
    Ok(out)
}

/// Evaluates a subscript index, building slice objects for `a:b:c`.
fn eval_index<'py>(
    py: Python<'py>,
    frame: &mut Frame<'py>,
    idx: &'static Expr<'static>,
) -> PyResult<Bound<'py, PyAny>> {
    match &idx.kind {
        ExprKind::Slice(a, b, c) => {
            let mut parts: [Option<Bound<'py, PyAny>>; 3] = [None, None, None];
            for (i, p) in [a, b, c].into_iter().enumerate() {
                if let Some(p) = p {
                    parts[i] = Some(eval(py, frame, p)?);
                }
            }
            crate::objects::slice::new_slice(py, parts)
        }
        ExprKind::Tuple(items) if items.iter().any(|i| matches!(i.kind, ExprKind::Slice(..))) => {
            let mut out = Vec::new();
            for i in items.iter() {
                out.push(eval_index(py, frame, i)?);
            }
            Ok(tuple_new(py, &out)?.into_any())
        }
        _ => eval(py, frame, idx),
    }
}

fn compare_chain<'py>(
    py: Python<'py>,
    frame: &mut Frame<'py>,
    first: &'static Expr<'static>,
    rest: &'static [(CmpOp, Expr<'static>)],
) -> PyResult<Bound<'py, PyAny>> {
    let mut left = eval(py, frame, first)?;
    let mut result = bool_obj(py, true);
    for (i, (op, e)) in rest.iter().enumerate() {
        let right = eval(py, frame, e)?;
        result = operators::compare(py, &left, &right, *op)?;
        if i + 1 < rest.len() {
            if !is_true(py, &result)? {
                return Ok(result);
            }
            left = right;
        }
    }
    Ok(result)
}

/// Runs a comprehension in its own frame; `body` is called for each innermost item.
fn comprehension<'py>(
    py: Python<'py>,
    frame: &mut Frame<'py>,
    node: &'static Expr<'static>,
    comps: &'static [Comprehension<'static>],
    body: &mut dyn FnMut(Python<'py>, &mut Frame<'py>) -> PyResult<()>,
) -> PyResult<()> {
    let code = super::scope::code_for(node)
        .ok_or_else(|| PyErr::system_error(py, "comprehension not analysed"))?;
    let Some(first) = comps.first() else {
        return Ok(());
    };
    let iterable = eval(py, frame, &first.iter)?;
    let it = operators::get_iter(py, &iterable)?;
    let mut inner = super::frames::Frame::new(py, code, frame.globals.clone(), None)?;
    for name in &code.freevars {
        let cell = match frame.cell_for(name) {
            Some(c) => c,
            None => crate::objects::cell::new_cell(py, None)?,
        };
        inner.cells.push(cell);
    }
    // A comprehension is a frame of its own, as in CPython (recursion depth, traceback).
    let _g = super::frames::FrameGuard::enter(
        py,
        super::frames::FrameInfo {
            name: &code.name,
            line: node.pos.line,
            first_arg: None,
            class_cell: None,
            globals: frame.globals.clone().unbind(),
        },
    )?;
    let r = comp_level(py, &mut inner, comps, 0, Some(it), body);
    if let Err(e) = &r {
        super::exceptions::add_traceback_entry(py, e);
    }
    r
}

fn comp_level<'py>(
    py: Python<'py>,
    frame: &mut Frame<'py>,
    comps: &'static [Comprehension<'static>],
    level: usize,
    first_iter: Option<Bound<'py, PyAny>>,
    body: &mut dyn FnMut(Python<'py>, &mut Frame<'py>) -> PyResult<()>,
) -> PyResult<()> {
    let Some(comp) = comps.get(level) else {
        return body(py, frame);
    };
    let it = match first_iter {
        Some(it) => it,
        None => {
            let v = eval(py, frame, &comp.iter)?;
            operators::get_iter(py, &v)?
        }
    };
    'items: while let Some(item) = operators::next(py, &it)? {
        super::assign::store(py, frame, &comp.target, item)?;
        for cond in comp.ifs.iter() {
            if !eval_truth(py, frame, cond)? {
                continue 'items;
            }
        }
        comp_level(py, frame, comps, level + 1, None, body)?;
    }
    Ok(())
}

/// Formats an f-string.
fn fstring<'py>(
    py: Python<'py>,
    frame: &mut Frame<'py>,
    parts: &'static [FPart<'static>],
) -> PyResult<String> {
    let mut out = String::new();
    for p in parts {
        match p {
            FPart::Lit(s) => out.push_str(s),
            FPart::Expr {
                value,
                conversion,
                spec,
            } => {
                let v = eval(py, frame, value)?;
                let v = match conversion {
                    Some('r') | Some('a') => crate::builtins::repr_obj(py, &v)?.into_any(),
                    Some('s') => pyrt_typeobject::builtins::call::str_of(py, &v)?.into_any(),
                    _ => v,
                };
                let spec = fstring(py, frame, spec)?;
                out.push_str(&crate::builtins::format_value(py, &v, &spec)?);
            }
        }
    }
    Ok(out)
}
