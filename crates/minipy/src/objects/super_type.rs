//! `super`: attribute lookup that starts after a given class in an object's MRO.
//! `super(T, obj)` and `super(T, SubT)` are explicit; zero-argument `super()` reads
//! the calling frame's `__class__` cell and first argument (`eval::frames`).
//!
//! Owns the super type: construction, lookup, repr.

use super::native_type::{NativeObject, make_native_type};
use pyrt_core::builtins::{DictObject, StrObject, TupleObject, str_new};
use pyrt_core::{Bound, Py, PyAny, PyErr, PyResult, Python, TypeObject};

/// A super object: fields `thisclass`, `obj`, `obj_type`.
pub type SuperObject = NativeObject<3>;

pub(super) fn make_type(py: Python<'_>) -> PyResult<Py<TypeObject>> {
    let t = make_native_type::<3>(py, "super", true, &[])?;
    let tp = t.bind(py);
    tp.tp_init.set(Some(super_init));
    tp.tp_getattro.set(Some(super_getattro));
    tp.tp_repr.set(Some(super_repr));
    Ok(t)
}

fn super_init<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    args: &Bound<'py, TupleObject>,
    kwargs: Option<&Bound<'py, DictObject>>,
) -> PyResult<()> {
    if kwargs.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error(py, "super() takes no keyword arguments"));
    }
    let s = obj
        .downcast::<SuperObject>()
        .map_err(|_| PyErr::system_error(py, "bad super object"))?;
    let items = args.items(py);
    let (this, inst) = match items.len() {
        0 => crate::eval::frames::zero_arg_super(py)?,
        1 => (items[0].clone(), None),
        2 => (items[0].clone(), Some(items[1].clone())),
        n => {
            return Err(PyErr::type_error(
                py,
                format!("super() takes at most 2 arguments ({n} given)"),
            ));
        }
    };
    let this_t = this.downcast::<TypeObject>().map_err(|_| {
        PyErr::type_error(
            py,
            format!(
                "super() argument 1 must be a type, not {}",
                this.type_name()
            ),
        )
    })?;
    let obj_type = match &inst {
        None => None,
        Some(o) => Some(check_obj(py, this_t, o)?),
    };
    s.set(py, 0, Some(this.clone()));
    s.set(py, 1, inst);
    s.set(py, 2, obj_type.map(Bound::into_any));
    Ok(())
}

/// `super(T, obj)`: obj must be an instance or subclass of T.
fn check_obj<'py>(
    py: Python<'py>,
    this: &Bound<'py, TypeObject>,
    obj: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, TypeObject>> {
    if let Ok(t) = obj.downcast::<TypeObject>()
        && t.is_subtype(this)
    {
        return Ok(t.clone());
    }
    if obj.ob_type().is_subtype(this) {
        return Ok(obj.get_type());
    }
    Err(PyErr::type_error(
        py,
        "super(type, obj): obj must be an instance or subtype of type",
    ))
}

fn super_getattro<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    name: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let s = obj
        .downcast::<SuperObject>()
        .map_err(|_| PyErr::system_error(py, "bad super object"))?;
    let n = name
        .downcast::<StrObject>()
        .map_err(|_| PyErr::type_error(py, "attribute name must be string"))?;
    let (Some(this), Some(start)) = (s.get(py, 0), s.get(py, 2)) else {
        return pyrt_typeobject::attr::generic_getattr(py, obj, name);
    };
    if n.as_str() != "__class__" {
        let start_t = start
            .downcast::<TypeObject>()
            .map_err(|_| PyErr::system_error(py, "bad super"))?;
        let mro = pyrt_typeobject::mro::mro_of(start_t);
        let pos = mro
            .iter()
            .position(|t| std::ptr::eq(t.as_ptr() as *const PyAny, this.as_any_ref()));
        if let Some(pos) = pos {
            for t in &mro[pos + 1..] {
                // SAFETY: MRO entries are live types owned by the MRO tuple, which the
                // `start` handle keeps alive during this loop.
                let t = unsafe { t.as_ref() };
                let Some(dict) = t.tp_dict.get(py) else {
                    continue;
                };
                let Some(v) = dict.get_item(py, name)? else {
                    continue;
                };
                if let Some(get) = v.ob_type().tp_descr_get.get() {
                    let inst = s.get(py, 1).filter(|i| !i.is(&start));
                    return get(py, &v, inst.as_ref(), Some(&start));
                }
                return Ok(v);
            }
        }
    }
    pyrt_typeobject::attr::generic_getattr(py, obj, name)
}

fn super_repr<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let s = obj
        .downcast::<SuperObject>()
        .map_err(|_| PyErr::system_error(py, "bad super object"))?;
    let this = match s.get(py, 0) {
        Some(t) => crate::builtins::repr_string(py, &t)?,
        None => "NULL".into(),
    };
    let text = match s.get(py, 2) {
        Some(t) => {
            let name = t
                .downcast::<TypeObject>()
                .map(|t| t.name_string())
                .unwrap_or_default();
            format!("<super: {this}, <{name} object>>")
        }
        None => format!("<super: {this}, NULL>"),
    };
    Ok(str_new(py, &text)?.into_any())
}
