//! `function`: a Python function — its code (an analysed `def` or `lambda` of the
//! AST), globals, name, qualname, defaults, keyword defaults, closure, `__dict__`,
//! `__doc__` and `__module__`. Calling one runs `eval::calls::call_function`; getting
//! one from a class through an instance binds it (`tp_descr_get`).
//!
//! Owns the function type, its attributes (getset descriptors: `__name__`,
//! `__qualname__`, `__defaults__`, `__kwdefaults__`, `__closure__`, `__globals__`,
//! `__doc__`, `__module__`, `__dict__`) and binding (pyrt's `method` type).

use super::native_type::{NativeObject, alloc_native, make_native_type};
use crate::ast::FunctionDef;
use crate::eval::scope::Code;
use pyrt_core::builtins::{DictObject, StrObject, str_new};
use pyrt_core::protocol::none;
use pyrt_core::types::GetSetDef;
use pyrt_core::{Bound, Py, PyAny, PyErr, PyResult, Python, TypeObject};

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

/// Every function code seen, once each (process-wide, like the AST it describes);
/// functions store an index into it.
struct CodeTable {
    codes: Vec<(&'static Code, &'static FunctionDef<'static>)>,
    index: std::collections::HashMap<usize, usize>,
}

static CODES: std::sync::Mutex<Option<CodeTable>> = std::sync::Mutex::new(None);

/// Runs `f` on the code table (a poisoned lock still holds consistent data: every
/// update is a single push/insert).
fn with_codes<R>(f: impl FnOnce(&mut CodeTable) -> R) -> R {
    let mut g = CODES
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    f(g.get_or_insert_with(|| CodeTable {
        codes: Vec::new(),
        index: std::collections::HashMap::new(),
    }))
}

/// The code and definition of a function object.
pub fn code_of(f: &FunctionObject) -> Option<(&'static Code, &'static FunctionDef<'static>)> {
    let i = usize::try_from(f.word(0)).ok()?.checked_sub(1)?;
    with_codes(|t| t.codes.get(i).copied())
}

pub(super) fn make_type(py: Python<'_>) -> PyResult<Py<TypeObject>> {
    let t = make_native_type::<9>(py, "function", false, &GETSET)?;
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
    let idx = with_codes(|t| {
        if let Some(i) = t.index.get(&key) {
            return *i;
        }
        t.codes.push((p.code, p.def));
        let i = t.codes.len();
        t.index.insert(key, i);
        i
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
            Ok(pyrt_typeobject::descr::bound_method(py, descr, o)?.into_any())
        }
        _ => Ok(descr.clone()),
    }
}

fn payload<'a, 'py>(
    py: Python<'py>,
    obj: &'a Bound<'py, PyAny>,
) -> PyResult<&'a Bound<'py, FunctionObject>> {
    as_function(py, obj)
        .ok_or_else(|| PyErr::type_error(py, "descriptor requires a 'function' object"))
}

fn get_field<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    i: usize,
) -> PyResult<Bound<'py, PyAny>> {
    Ok(payload(py, obj)?.get(py, i).unwrap_or_else(|| none(py)))
}

fn set_field<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    i: usize,
    v: Option<&Bound<'py, PyAny>>,
) -> PyResult<()> {
    let v = v.filter(|v| !std::ptr::eq(v.as_any_ref(), py.singletons().none()));
    payload(py, obj)?.set(py, i, v.cloned());
    Ok(())
}

fn set_text<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    i: usize,
    what: &str,
    v: Option<&Bound<'py, PyAny>>,
) -> PyResult<()> {
    match v {
        Some(v) if v.downcast::<StrObject>().is_ok() => {
            payload(py, obj)?.set(py, i, Some(v.clone()));
            Ok(())
        }
        _ => Err(PyErr::type_error(
            py,
            format!("{what} must be set to a string object"),
        )),
    }
}

fn readonly<'py>(
    py: Python<'py>,
    _obj: &Bound<'py, PyAny>,
    _v: Option<&Bound<'py, PyAny>>,
) -> PyResult<()> {
    Err(PyErr::attribute_error(py, "readonly attribute"))
}

macro_rules! field_getter {
    ($name:ident, $i:expr) => {
        fn $name<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
            get_field(py, obj, $i)
        }
    };
}

field_getter!(get_name, field::NAME);
field_getter!(get_qualname, field::QUALNAME);
field_getter!(get_defaults, field::DEFAULTS);
field_getter!(get_kwdefaults, field::KWDEFAULTS);
field_getter!(get_closure, field::CLOSURE);
field_getter!(get_globals, field::GLOBALS);
field_getter!(get_doc, field::DOC);
field_getter!(get_module, field::MODULE);

fn set_name<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    v: Option<&Bound<'py, PyAny>>,
) -> PyResult<()> {
    set_text(py, obj, field::NAME, "__name__", v)
}

fn set_qualname<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    v: Option<&Bound<'py, PyAny>>,
) -> PyResult<()> {
    set_text(py, obj, field::QUALNAME, "__qualname__", v)
}

fn set_defaults<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    v: Option<&Bound<'py, PyAny>>,
) -> PyResult<()> {
    set_field(py, obj, field::DEFAULTS, v)
}

fn set_kwdefaults<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    v: Option<&Bound<'py, PyAny>>,
) -> PyResult<()> {
    set_field(py, obj, field::KWDEFAULTS, v)
}

fn set_doc<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    v: Option<&Bound<'py, PyAny>>,
) -> PyResult<()> {
    set_field(py, obj, field::DOC, v)
}

fn set_module<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    v: Option<&Bound<'py, PyAny>>,
) -> PyResult<()> {
    set_field(py, obj, field::MODULE, v)
}

fn get_dict<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    Ok(pyrt_typeobject::attr::instance_dict(py, obj)?
        .map(Bound::into_any)
        .unwrap_or_else(|| none(py)))
}

const fn gs(
    name: &'static str,
    get: pyrt_core::types::Getter,
    set: pyrt_core::types::Setter,
) -> GetSetDef {
    GetSetDef {
        name,
        get: Some(get),
        set: Some(set),
        doc: None,
    }
}

static GETSET: [GetSetDef; 9] = [
    gs("__name__", get_name, set_name),
    gs("__qualname__", get_qualname, set_qualname),
    gs("__defaults__", get_defaults, set_defaults),
    gs("__kwdefaults__", get_kwdefaults, set_kwdefaults),
    gs("__closure__", get_closure, readonly),
    gs("__globals__", get_globals, readonly),
    gs("__doc__", get_doc, set_doc),
    gs("__module__", get_module, set_module),
    GetSetDef {
        name: "__dict__",
        get: Some(get_dict),
        set: None,
        doc: None,
    },
];
