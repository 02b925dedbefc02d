//! The `class` statement: bases and keywords evaluated, the metaclass chosen (explicit
//! `metaclass=`, else the bases' most derived metatype), `__prepare__` when the
//! metaclass has one, the body run in its own namespace dict with `__module__` and
//! `__qualname__` set, then the metaclass called with `(name, bases, namespace)` —
//! pyrt's class-creation path (`type.__call__` → `tp_new` → `new_class_with_meta`:
//! metaclass calculation, best base, `type_ready`). The implicit `__class__` cell is
//! filled with the new class; decorators apply last.
//!
//! Owns the statement's steps. Must not create types itself.

use super::calls::{apply_decorators, call_object};
use super::expressions::eval;
use super::frames::{Frame, FrameGuard, FrameInfo};
use super::statements::exec_block;
use crate::ast::{Arg, ClassDef};
use pyrt_core::builtins::{DictObject, dict_new, intern, str_new, tuple_new};
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python, TypeObject};

/// Executes a class statement and returns the (decorated) class.
pub fn class_statement<'py>(
    py: Python<'py>,
    frame: &mut Frame<'py>,
    def: &'static ClassDef<'static>,
) -> PyResult<Bound<'py, PyAny>> {
    let code =
        super::scope::code_for(def).ok_or_else(|| PyErr::system_error(py, "class not analysed"))?;
    let bases = eval_bases(py, frame, def)?;
    let (meta, kwargs) = eval_keywords(py, frame, def)?;
    let meta = match meta {
        Some(m) => m,
        None => match bases.first() {
            Some(b) => b.get_type().into_any(),
            None => Bound::from_ref(py, py.builtins().type_()).into_any(),
        },
    };
    let meta = match meta.downcast::<TypeObject>() {
        Ok(m) => pyrt_typeobject::metaclass::calculate(py, m, &bases)?.into_any(),
        Err(_) => meta,
    };
    let bases_t = tuple_new(py, &bases)?;
    let ns = prepare(py, &meta, def.name, &bases_t, kwargs.as_ref())?;
    let module = frame
        .globals
        .get_item(py, intern(py, "__name__")?.as_any())?;
    if let Some(m) = module {
        ns.set_item(py, intern(py, "__module__")?.as_any(), &m)?;
    }
    ns.set_item(
        py,
        intern(py, "__qualname__")?.as_any(),
        str_new(py, &code.qualname)?.as_any(),
    )?;
    if let Some(crate::ast::Stmt {
        kind:
            crate::ast::StmtKind::Expr(crate::ast::Expr {
                kind: crate::ast::ExprKind::Str(doc),
                ..
            }),
        ..
    }) = def.body.first()
    {
        ns.set_item(
            py,
            intern(py, "__doc__")?.as_any(),
            str_new(py, doc)?.as_any(),
        )?;
    }
    // The body.
    let mut body_frame = Frame::new(py, code, frame.globals.clone(), Some(ns.clone()))?;
    for name in &code.freevars {
        let c = match frame.cell_for(name) {
            Some(c) => c,
            None => crate::objects::cell::new_cell(py, None)?,
        };
        body_frame.cells.push(c);
    }
    {
        let _g = FrameGuard::enter(
            py,
            FrameInfo {
                name: &code.name,
                line: def.pos.line,
                first_arg: None,
                class_cell: None,
                globals: frame.globals.clone().unbind(),
            },
        )?;
        if let Err(e) = exec_block(py, &mut body_frame, def.body) {
            super::exceptions::add_traceback_entry(py, &e);
            return Err(e);
        }
    }
    let class_cell = code
        .cellvars
        .iter()
        .position(|c| *c == "__class__")
        .and_then(|i| body_frame.cells.get(i).cloned());
    drop(body_frame);
    let cls = call_object(
        py,
        &meta,
        vec![
            str_new(py, def.name)?.into_any(),
            bases_t.into_any(),
            ns.into_any(),
        ],
        kwargs,
    )?;
    if let Some(c) = class_cell {
        c.set(py, 0, Some(cls.clone()));
    }
    apply_decorators(py, frame, def.decorators, cls)
}

fn eval_bases<'py>(
    py: Python<'py>,
    frame: &mut Frame<'py>,
    def: &'static ClassDef<'static>,
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let mut out = Vec::new();
    for a in def.bases.iter() {
        match a {
            Arg::Positional(e) => out.push(eval(py, frame, e)?),
            Arg::Star(e) => {
                let v = eval(py, frame, e)?;
                out.extend(super::operators::collect(py, &v)?);
            }
            _ => {}
        }
    }
    Ok(out)
}

/// The `metaclass=` value and the other class keywords.
type ClassKeywords<'py> = (Option<Bound<'py, PyAny>>, Option<Bound<'py, DictObject>>);

/// The `metaclass=` keyword (removed) and the other class keywords.
fn eval_keywords<'py>(
    py: Python<'py>,
    frame: &mut Frame<'py>,
    def: &'static ClassDef<'static>,
) -> PyResult<ClassKeywords<'py>> {
    let mut meta = None;
    let mut kw: Option<Bound<'py, DictObject>> = None;
    for a in def.keywords.iter() {
        match a {
            Arg::Keyword("metaclass", e) => meta = Some(eval(py, frame, e)?),
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
                d.set_item(py, intern(py, name)?.as_any(), &v)?;
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
                crate::builtins::dict_update(py, &d, &m)?;
                let key = intern(py, "metaclass")?.into_any();
                if let Some(m) = d.get_item(py, &key)? {
                    meta = Some(m);
                    d.del_item(py, &key)?;
                }
            }
            _ => {}
        }
    }
    Ok((meta, kw))
}

/// The class namespace: `meta.__prepare__(name, bases, **kw)` if the metaclass has
/// one, else a new dict.
fn prepare<'py>(
    py: Python<'py>,
    meta: &Bound<'py, PyAny>,
    name: &str,
    bases: &Bound<'py, pyrt_core::builtins::TupleObject>,
    kwargs: Option<&Bound<'py, DictObject>>,
) -> PyResult<Bound<'py, DictObject>> {
    let key = intern(py, "__prepare__")?.into_any();
    let prep = match pyrt_typeobject::attr::getattr(py, meta, &key) {
        Ok(p) => p,
        Err(e) if e.is_instance_of(py, py.builtins().attribute_error()) => return dict_new(py),
        Err(e) => return Err(e),
    };
    let ns = call_object(
        py,
        &prep,
        vec![str_new(py, name)?.into_any(), bases.clone().into_any()],
        kwargs.cloned(),
    )?;
    ns.downcast_into::<DictObject>().map_err(|ns| {
        PyErr::type_error(
            py,
            format!(
                "{}.__prepare__() must return a mapping, not {}",
                name,
                ns.type_name()
            ),
        )
    })
}
