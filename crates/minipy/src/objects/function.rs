//! `function`: a Python function — its code (an analysed `def` or `lambda` of the
//! AST), globals, name, qualname, defaults, keyword defaults, closure, `__dict__`,
//! `__doc__` and `__module__`. Calling one runs `eval::calls::call_function`; getting
//! one from a class through an instance binds it (`tp_descr_get`).
//!
//! Owns the function type, its attributes and binding. The special attributes are
//! served by this type's `tp_getattro` until pyrt's getset descriptors land (branch
//! `descr`); binding creates minipy's temporary `method` objects until then.

use super::native_type::{NativeObject, alloc_native, make_native_type};
use crate::ast::FunctionDef;
use crate::eval::scope::Code;
use pyrt_core::builtins::{DictObject, StrObject, str_new};
use pyrt_core::protocol::none;
use pyrt_core::{Bound, Py, PyAny, PyErr, PyResult, Python, TypeObject};
use pyrt_typeobject::attr::{generic_getattr, generic_setattr};
use std::cell::RefCell;

/// Field indexes of a function object.
pub mod field {
    /// `__globals__`.
    pub const GLOBALS: usize = 0;
    /// `__name__`.
    pub const NAME: usize = 1;
    /// `__qualname__`.
    pub const QUALNAME: usize = 2;
    /// `__defaults__` (a tuple, or empty).
    pub const DEFAULTS: usize = 3;
    /// `__kwdefaults__` (a dict, or empty).
    pub const KWDEFAULTS: usize = 4;
    /// `__closure__` (a tuple of cells, or empty).
    pub const CLOSURE: usize = 5;
    /// `__dict__`.
    pub const DICT: usize = 6;
    /// `__doc__`.
    pub const DOC: usize = 7;
    /// `__module__`.
    pub const MODULE: usize = 8;
}

/// A function object.
pub type FunctionObject = NativeObject<9>;

thread_local! {
    /// Every function code seen, once each; functions store an index into it.
    static CODES: RefCell<Vec<(&'static Code, &'static FunctionDef<'static>)>> = const { RefCell::new(Vec::new()) };
    static CODE_INDEX: RefCell<std::collections::HashMap<usize, usize>> = RefCell::new(std::collections::HashMap::new());
}

/// The code and definition of a function object.
pub fn code_of(f: &FunctionObject) -> Option<(&'static Code, &'static FunctionDef<'static>)> {
    let i = usize::try_from(f.word(0)).ok()?.checked_sub(1)?;
    CODES.with(|c| c.borrow().get(i).copied())
}

pub(super) fn make_type(py: Python<'_>) -> PyResult<Py<TypeObject>> {
    let t = make_native_type::<9>(py, "function", false)?;
    let tp = t.bind(py);
    let off =
        std::mem::offset_of!(FunctionObject, fields) + field::DICT * std::mem::size_of::<usize>();
    // SAFETY: the offset names field DICT of the payload, an ObjCell<PyAny> holding the
    // function's `__dict__` (owned, released by the native dealloc, visited by its
    // traverse), which is what tp_dictoffset promises.
    unsafe { tp.tp_dictoffset.set(off as isize) };
    tp.tp_repr.set(Some(function_repr));
    tp.tp_call.set(Some(crate::eval::calls::function_tp_call));
    tp.tp_descr_get.set(Some(function_descr_get));
    tp.tp_getattro.set(Some(function_getattro));
    tp.tp_setattro.set(Some(function_setattro));
    Ok(t)
}

/// What a new function is made of.
pub struct FunctionParts<'py> {
    /// The analysed scope.
    pub code: &'static Code,
    /// The definition.
    pub def: &'static FunctionDef<'static>,
    /// The globals.
    pub globals: Bound<'py, DictObject>,
    /// Positional defaults.
    pub defaults: Option<Bound<'py, PyAny>>,
    /// Keyword-only defaults.
    pub kwdefaults: Option<Bound<'py, PyAny>>,
    /// The closure tuple.
    pub closure: Option<Bound<'py, PyAny>>,
    /// `__module__`.
    pub module: Option<Bound<'py, PyAny>>,
    /// `__doc__`.
    pub doc: Option<Bound<'py, PyAny>>,
}

/// Creates a function object.
pub fn new_function<'py>(py: Python<'py>, p: FunctionParts<'py>) -> PyResult<Bound<'py, PyAny>> {
    let f = alloc_native::<9>(py, super::types(py).function.bind(py))?;
    let key = p.def as *const FunctionDef<'static> as usize;
    let idx = CODE_INDEX.with(|m| {
        *m.borrow_mut().entry(key).or_insert_with(|| {
            CODES.with(|c| {
                let mut c = c.borrow_mut();
                c.push((p.code, p.def));
                c.len()
            })
        })
    });
    f.set_word(0, idx as i64);
    f.set(py, field::GLOBALS, Some(p.globals.into_any()));
    f.set(py, field::NAME, Some(str_new(py, &p.code.name)?.into_any()));
    f.set(
        py,
        field::QUALNAME,
        Some(str_new(py, &p.code.qualname)?.into_any()),
    );
    f.set(py, field::DEFAULTS, p.defaults);
    f.set(py, field::KWDEFAULTS, p.kwdefaults);
    f.set(py, field::CLOSURE, p.closure);
    f.set(py, field::MODULE, p.module);
    f.set(py, field::DOC, p.doc);
    Ok(f.into_any())
}

/// The function payload of `obj` if it is a function.
pub fn as_function<'a, 'py>(
    py: Python<'py>,
    obj: &'a Bound<'py, PyAny>,
) -> Option<&'a Bound<'py, FunctionObject>> {
    if super::native_type::is_type(obj, &super::types(py).function) {
        obj.downcast::<FunctionObject>().ok()
    } else {
        None
    }
}

fn text<'py>(py: Python<'py>, f: &FunctionObject, i: usize) -> String {
    f.get(py, i)
        .and_then(|v| {
            v.downcast::<StrObject>()
                .ok()
                .map(|s| s.as_str().to_owned())
        })
        .unwrap_or_default()
}

/// The qualified name of a function object (for messages).
pub fn qualname_of(py: Python<'_>, f: &FunctionObject) -> String {
    text(py, f, field::QUALNAME)
}

fn function_repr<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let name = obj
        .downcast::<FunctionObject>()
        .map(|f| qualname_of(py, f))
        .unwrap_or_default();
    Ok(str_new(
        py,
        &format!("<function {name} at {:#x}>", obj.as_any_ref().addr()),
    )?
    .into_any())
}

fn function_descr_get<'py>(
    py: Python<'py>,
    descr: &Bound<'py, PyAny>,
    obj: Option<&Bound<'py, PyAny>>,
    _owner: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    match obj {
        Some(o) if !std::ptr::eq(o.as_any_ref(), py.singletons().none()) => {
            super::method::new_method(py, descr, o)
        }
        _ => Ok(descr.clone()),
    }
}

fn special_field(name: &str) -> Option<usize> {
    Some(match name {
        "__globals__" => field::GLOBALS,
        "__name__" => field::NAME,
        "__qualname__" => field::QUALNAME,
        "__defaults__" => field::DEFAULTS,
        "__kwdefaults__" => field::KWDEFAULTS,
        "__closure__" => field::CLOSURE,
        "__doc__" => field::DOC,
        "__module__" => field::MODULE,
        _ => return None,
    })
}

fn function_getattro<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    name: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    if let (Ok(n), Ok(f)) = (
        name.downcast::<StrObject>(),
        obj.downcast::<FunctionObject>(),
    ) {
        if let Some(i) = special_field(n.as_str()) {
            return Ok(f.get(py, i).unwrap_or_else(|| none(py)));
        }
        if n.as_str() == "__dict__" {
            return Ok(pyrt_typeobject::attr::instance_dict(py, obj)?
                .map(Bound::into_any)
                .unwrap_or_else(|| none(py)));
        }
    }
    generic_getattr(py, obj, name)
}

fn function_setattro<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    name: &Bound<'py, PyAny>,
    value: Option<&Bound<'py, PyAny>>,
) -> PyResult<()> {
    if let (Ok(n), Ok(f)) = (
        name.downcast::<StrObject>(),
        obj.downcast::<FunctionObject>(),
    ) {
        let i = special_field(n.as_str());
        match (i, value) {
            (Some(field::NAME) | Some(field::QUALNAME), Some(v)) => {
                if v.downcast::<StrObject>().is_err() {
                    return Err(PyErr::type_error(
                        py,
                        format!("{} must be set to a string object", n.as_str()),
                    ));
                }
                f.set(py, i.unwrap_or(field::NAME), Some(v.clone()));
                return Ok(());
            }
            (Some(field::DOC | field::MODULE | field::DEFAULTS | field::KWDEFAULTS), v) => {
                let v = v.filter(|v| !std::ptr::eq(v.as_any_ref(), py.singletons().none()));
                f.set(py, i.unwrap_or(field::DOC), v.cloned());
                return Ok(());
            }
            (Some(_), _) => {
                return Err(PyErr::attribute_error(py, "readonly attribute"));
            }
            (None, _) => {}
        }
    }
    generic_setattr(py, obj, name, value)
}
