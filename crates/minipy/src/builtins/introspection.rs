//! Introspection builtins: `isinstance`, `issubclass`, `getattr`, `setattr`,
//! `hasattr`, `delattr`, `vars`, `dir`.
//!
//! Owns these functions and their messages. `isinstance`/`issubclass` follow the type's
//! MRO (`__instancecheck__` hooks are not consulted).

use super::{check_count, no_kwargs, one_arg};
use crate::builtins::native;
use pyrt_core::builtins::{DictObject, StrObject, TupleObject};
use pyrt_core::protocol::{bool_obj, none};
use pyrt_core::types::MethodDef;
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python, TypeObject};
use pyrt_typeobject::attr::{getattr, setattr};

type Kw<'a, 'py> = Option<&'a Bound<'py, DictObject>>;
type R<'py> = PyResult<Bound<'py, PyAny>>;

/// The functions of this group.
pub static FUNCTIONS: [MethodDef; 8] = [
    native("isinstance", isinstance),
    native("issubclass", issubclass),
    native("getattr", getattr_fn),
    native("setattr", setattr_fn),
    native("hasattr", hasattr),
    native("delattr", delattr),
    native("vars", vars),
    native("dir", dir),
];

fn class_check<'py>(
    py: Python<'py>,
    name: &str,
    cls: &Bound<'py, PyAny>,
    test: &dyn Fn(&TypeObject) -> bool,
) -> PyResult<bool> {
    if let Ok(t) = cls.downcast::<TypeObject>() {
        return Ok(test(t));
    }
    if let Ok(tup) = cls.downcast::<TupleObject>() {
        for c in tup.items(py) {
            if class_check(py, name, c, test)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    let msg = if name == "isinstance" {
        "isinstance() arg 2 must be a type, a tuple of types, or a union"
    } else {
        "issubclass() arg 2 must be a class, a tuple of classes, or a union"
    };
    Err(PyErr::type_error(py, msg))
}

fn isinstance<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
) -> R<'py> {
    let args = args_t.items(py);
    no_kwargs(py, "isinstance", kw)?;
    check_count(py, "isinstance", args, 2, 2)?;
    let obj = &args[0];
    let r = class_check(py, "isinstance", &args[1], &|t| obj.ob_type().is_subtype(t))?;
    Ok(bool_obj(py, r))
}

fn issubclass<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
) -> R<'py> {
    let args = args_t.items(py);
    no_kwargs(py, "issubclass", kw)?;
    check_count(py, "issubclass", args, 2, 2)?;
    let Ok(sub) = args[0].downcast::<TypeObject>() else {
        return Err(PyErr::type_error(py, "issubclass() arg 1 must be a class"));
    };
    let r = class_check(py, "issubclass", &args[1], &|t| sub.is_subtype(t))?;
    Ok(bool_obj(py, r))
}

fn name_arg<'py>(
    py: Python<'py>,
    _fname: &str,
    n: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    match n.downcast::<StrObject>() {
        Ok(s) => Ok(pyrt_core::builtins::intern(py, s.as_str())?.into_any()),
        Err(_) => Err(PyErr::type_error(
            py,
            format!("attribute name must be string, not '{}'", n.type_name()),
        )),
    }
}

fn getattr_fn<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
) -> R<'py> {
    let args = args_t.items(py);
    no_kwargs(py, "getattr", kw)?;
    check_count(py, "getattr", args, 2, 3)?;
    let name = name_arg(py, "getattr", &args[1])?;
    match getattr(py, &args[0], &name) {
        Err(e) if args.len() == 3 && e.is_instance_of(py, py.builtins().attribute_error()) => {
            Ok(args[2].clone())
        }
        r => r,
    }
}

fn setattr_fn<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
) -> R<'py> {
    let args = args_t.items(py);
    no_kwargs(py, "setattr", kw)?;
    check_count(py, "setattr", args, 3, 3)?;
    let name = name_arg(py, "setattr", &args[1])?;
    setattr(py, &args[0], &name, Some(&args[2]))?;
    Ok(none(py))
}

fn hasattr<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
) -> R<'py> {
    let args = args_t.items(py);
    no_kwargs(py, "hasattr", kw)?;
    check_count(py, "hasattr", args, 2, 2)?;
    let name = name_arg(py, "hasattr", &args[1])?;
    match getattr(py, &args[0], &name) {
        Ok(_) => Ok(bool_obj(py, true)),
        Err(e) if e.is_instance_of(py, py.builtins().attribute_error()) => Ok(bool_obj(py, false)),
        Err(e) => Err(e),
    }
}

fn delattr<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
) -> R<'py> {
    let args = args_t.items(py);
    no_kwargs(py, "delattr", kw)?;
    check_count(py, "delattr", args, 2, 2)?;
    let name = name_arg(py, "delattr", &args[1])?;
    setattr(py, &args[0], &name, None)?;
    Ok(none(py))
}

fn vars<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
) -> R<'py> {
    let args = args_t.items(py);
    no_kwargs(py, "vars", kw)?;
    let obj = one_arg(py, "vars", args)?;
    let key = pyrt_core::builtins::intern(py, "__dict__")?.into_any();
    getattr(py, obj, &key)
        .map_err(|_| PyErr::type_error(py, "vars() argument must have __dict__ attribute"))
}

/// The keys of a dict-like `__dict__` value, as strings.
fn dict_names(py: Python<'_>, d: &Bound<'_, PyAny>, out: &mut Vec<String>) {
    let keys = match d.downcast::<DictObject>() {
        Ok(d) => d.keys(py),
        Err(_) => crate::eval::operators::collect(py, d).unwrap_or_default(),
    };
    for k in keys {
        if let Some(s) = crate::eval::frames::str_value(&k) {
            out.push(s);
        }
    }
}

/// `dir(obj)`: the sorted names in the object's `__dict__` and in the dicts of its
/// class's MRO (the class's own MRO for a class); `dir()` lists the current globals.
fn dir<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
) -> R<'py> {
    let args = args_t.items(py);
    no_kwargs(py, "dir", kw)?;
    check_count(py, "dir", args, 0, 1)?;
    let mut names = Vec::new();
    match args.first() {
        None => {
            if let Some(g) = crate::eval::frames::current_globals(py) {
                dict_names(py, g.as_any(), &mut names);
            }
        }
        Some(obj) => {
            let key = pyrt_core::builtins::intern(py, "__dict__")?.into_any();
            if let Ok(d) = getattr(py, obj, &key) {
                dict_names(py, &d, &mut names);
            }
            let tp = match obj.downcast::<TypeObject>() {
                Ok(t) => t.clone(),
                Err(_) => obj.get_type(),
            };
            for t in pyrt_typeobject::mro::mro_of(&tp) {
                // SAFETY: MRO entries are live types owned by `tp`'s MRO tuple, which
                // `tp` (held) keeps alive while the loop reads their dicts.
                let t = unsafe { t.as_ref() };
                if let Some(d) = t.tp_dict.get(py) {
                    dict_names(py, d.as_any(), &mut names);
                }
            }
        }
    }
    names.sort();
    names.dedup();
    let items: Vec<Bound<'py, PyAny>> = names
        .iter()
        .map(|n| Ok(pyrt_core::builtins::str_new(py, n)?.into_any()))
        .collect::<PyResult<_>>()?;
    Ok(pyrt_core::builtins::list_new(py, &items)?.into_any())
}
