//! Fixture access and helpers shared by the HEAPTYPE-overload suites
//! (`heaptype_flags`, `heaptype_flags_setters`): the CPython 3.11 oracle from
//! `tests/fixtures/heaptype_flags.txt`, the kinds of type compared, and small probes.
//! Each test binary uses a subset of them.
#![allow(dead_code, unused_imports)]

use crate::common::describe_err;
pub use pyrt::Slot;
pub use pyrt::builtins::{StrObject, int_new, intern, str_new, tuple_new};
pub use pyrt::types::{SlotId, SlotValue};
pub use pyrt::{
    Bound, PyAny, PyResult, Python, TypeFlags, TypeObject, TypeSpec, attr, call_type, from_spec,
    gc, names, new_class,
};
pub use pyrt_typeobject::builtins::call::{repr_of, str_of};

pub const FIXTURE: &str = include_str!("../fixtures/heaptype_flags.txt");

/// The outcome CPython recorded for `behaviour` on fixture kind `kind`.
pub fn oracle(behaviour: &str, kind: &str) -> &'static str {
    FIXTURE
        .lines()
        .filter(|l| !l.starts_with('#'))
        .find_map(|l| {
            let mut f = l.splitn(3, '\t');
            (f.next() == Some(behaviour) && f.next() == Some(kind)).then(|| f.next().unwrap_or(""))
        })
        .unwrap_or_else(|| panic!("no fixture line for {behaviour:?} @ {kind}"))
}

/// The kinds of type compared.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    /// pyrt's run-time builtin-style type `mod.X`.
    X,
    Imm,
    Mut,
    Class,
    Int,
    ImmNoInst,
    MutNoInst,
}

pub use Kind::*;

pub const MAIN: [Kind; 5] = [X, Imm, Mut, Class, Int];

impl Kind {
    /// The fixture kind whose line gives this kind's expected outcome, by default.
    pub fn label(self) -> &'static str {
        match self {
            X => "static:types.SimpleNamespace",
            Imm => "imm:mod.Imm",
            Mut => "heap-mut:mod.Mut",
            Class => "class:A",
            Int => "static:int",
            ImmNoInst => "imm-noinst:mod.NoInst",
            MutNoInst => "heap-mut-noinst:mod.MutNoInst",
        }
    }

    pub fn make<'py>(self, py: Python<'py>) -> Bound<'py, TypeObject> {
        let imm = TypeFlags::IMMUTABLETYPE;
        let noinst = TypeFlags::DISALLOW_INSTANTIATION;
        match self {
            X => spec_type(py, "mod.X", imm | TypeFlags::BUILTIN_STYLE),
            Imm => spec_type(py, "mod.Imm", imm),
            Mut => spec_type(py, "mod.Mut", TypeFlags(0)),
            ImmNoInst => spec_type(py, "mod.NoInst", imm | noinst),
            MutNoInst => spec_type(py, "mod.MutNoInst", noinst),
            Class => new_class(py, "A", &[], None).unwrap(),
            Int => Bound::from_ref(py, py.builtins().int()),
        }
    }
}

/// `from_spec` with `DEFAULT | BASETYPE | extra`, no slots, base `object`.
pub fn spec_type<'py>(py: Python<'py>, name: &str, extra: TypeFlags) -> Bound<'py, TypeObject> {
    spec_type_with(py, name, TypeFlags::BASETYPE | extra, &[])
}

pub fn spec_type_with<'py>(
    py: Python<'py>,
    name: &str,
    flags: TypeFlags,
    slots: &[Slot<'_>],
) -> Bound<'py, TypeObject> {
    let spec = TypeSpec {
        name,
        basicsize: 0,
        itemsize: 0,
        flags: TypeFlags::DEFAULT | flags,
        slots,
    };
    from_spec(py, &spec, None, None, None).unwrap()
}

/// `types.SimpleNamespace` outcome → the same outcome for `mod.X`.
pub fn as_x_from_static(s: &str) -> String {
    s.replace("types.SimpleNamespace", "mod.X")
        .replace("SimpleNamespace", "X")
        .replace("'types'", "'mod'")
}

/// `mod.Imm` outcome → the same outcome for `mod.X`.
pub fn as_x_from_imm(s: &str) -> String {
    s.replace("mod.Imm", "mod.X").replace("'Imm'", "'X'")
}

/// Expected outcome; `mod.X` follows the static types.
pub fn expect(behaviour: &str, kind: Kind) -> String {
    match kind {
        X => as_x_from_static(oracle(behaviour, X.label())),
        k => oracle(behaviour, k.label()).to_owned(),
    }
}

/// Expected outcome; `mod.X` follows `mod.Imm` (ownership and layout rows).
pub fn expect_heap(behaviour: &str, kind: Kind) -> String {
    match kind {
        X => as_x_from_imm(oracle(behaviour, Imm.label())),
        k => oracle(behaviour, k.label()).to_owned(),
    }
}

pub fn raised(py: Python<'_>, e: &pyrt::PyErr) -> String {
    format!("raise {}", describe_err(py, e))
}

pub fn unit(py: Python<'_>, r: PyResult<()>) -> String {
    match r {
        Ok(()) => "ok".to_owned(),
        Err(e) => raised(py, &e),
    }
}

pub fn text(s: &Bound<'_, StrObject>) -> String {
    s.as_str().to_owned()
}

pub fn repr(py: Python<'_>, obj: &Bound<'_, PyAny>) -> String {
    text(&repr_of(py, obj).unwrap())
}

pub fn key<'py>(py: Python<'py>, name: &str) -> Bound<'py, PyAny> {
    intern(py, name).unwrap().into_any()
}

pub fn s<'py>(py: Python<'py>, v: &str) -> Bound<'py, PyAny> {
    str_new(py, v).unwrap().into_any()
}

pub fn int<'py>(py: Python<'py>, v: i64) -> Bound<'py, PyAny> {
    int_new(py, v).unwrap().into_any()
}

/// `T.name = value` (`del T.name` with `None`).
pub fn set(
    py: Python<'_>,
    tp: &Bound<'_, TypeObject>,
    name: &str,
    value: Option<&Bound<'_, PyAny>>,
) -> PyResult<()> {
    attr::setattr(py, tp.as_any(), &key(py, name), value)
}

/// `type.__setattr__(T, name, value)`: `type`'s own slot, bypassing the metatype's.
pub fn type_setattr(
    py: Python<'_>,
    tp: &Bound<'_, TypeObject>,
    name: &str,
    value: &Bound<'_, PyAny>,
) -> PyResult<()> {
    let f = py.builtins().type_().tp_setattro.get().unwrap();
    f(py, tp.as_any(), &key(py, name), Some(value))
}

/// `name in T.__dict__`.
pub fn in_dict(py: Python<'_>, tp: &TypeObject, name: &str) -> bool {
    let d = tp.tp_dict.get(py).unwrap();
    d.get_item(py, &key(py, name)).unwrap().is_some()
}

/// `T.__dict__[name]`.
pub fn dict_item<'py>(py: Python<'py>, tp: &TypeObject, name: &str) -> Option<Bound<'py, PyAny>> {
    tp.tp_dict
        .get(py)
        .unwrap()
        .get_item(py, &key(py, name))
        .unwrap()
}

pub fn py_bool(b: bool) -> &'static str {
    if b { "True" } else { "False" }
}

/// The flags the fixture names, in its order.
pub fn flag_list(tp: &TypeObject) -> String {
    let names = [
        (TypeFlags::DISALLOW_INSTANTIATION, "DISALLOW_INSTANTIATION"),
        (TypeFlags::IMMUTABLETYPE, "IMMUTABLETYPE"),
        (TypeFlags::HEAPTYPE, "HEAPTYPE"),
        (TypeFlags::BASETYPE, "BASETYPE"),
        (TypeFlags::HAVE_GC, "HAVE_GC"),
    ];
    let v: Vec<&str> = names
        .iter()
        .filter(|(f, _)| tp.has_flag(*f))
        .map(|(_, n)| *n)
        .collect();
    if v.is_empty() {
        "-".to_owned()
    } else {
        v.join("|")
    }
}

/// Whether the object is tracked by the cycle collector (`gc.is_tracked`).
pub fn gc_tracked(obj: &Bound<'_, PyAny>) -> bool {
    if !obj.ob_type().is_gc_object(obj.as_any_ref()) {
        return false;
    }
    // SAFETY: collectable objects carry a GC head, and `obj` keeps the object alive.
    unsafe { pyrt::object::gc_head_of(obj.as_ptr()).as_ref() }.is_tracked()
}

/// A fresh instance, as the fixture's probes make them (a non-cached int for `int`).
pub fn instance<'py>(
    py: Python<'py>,
    kind: Kind,
    tp: &Bound<'py, TypeObject>,
) -> Bound<'py, PyAny> {
    match kind {
        Int => int(py, 1_234_567_890_123),
        _ => call_type(py, tp, &[]).unwrap(),
    }
}
