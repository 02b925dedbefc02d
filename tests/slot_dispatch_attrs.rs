//! Dunders drive the attribute, descriptor and construction slots: `__getattribute__`
//! with the `__getattr__` fallback, `__setattr__`/`__delattr__`, `__get__`/`__set__`/
//! `__delete__`, `__init__` (must return None) and `__new__` (implicitly a
//! staticmethod). Expectations recorded from CPython by `tests/fixtures/record_slots.py`.

mod common;
mod slot_support;

use common::checked;
use pyrt::ops::{self, BinOp};
use pyrt::unraisable::{Unraisable, format_unraisable, set_unraisable_hook};
use pyrt::{Bound, PyErr, PyResult, Python};
use slot_support::*;
use std::sync::{Arc, Mutex};

fn label_and_name<'py>(
    py: Python<'py>,
    f: &Bound<'py>,
    args: &Bound<'py>,
    _k: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    Ok(s(py, &format!("{} {}", label_of(f), text(&argv(args)[1]))))
}

fn only_a<'py>(
    py: Python<'py>,
    _f: &Bound<'py>,
    args: &Bound<'py>,
    _k: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    let n = &argv(args)[1];
    if text(n) == "a" {
        return Ok(s(py, "GB.a"));
    }
    Err(PyErr::attribute_error(py, text(n)))
}

fn key_error<'py>(
    py: Python<'py>,
    _f: &Bound<'py>,
    args: &Bound<'py>,
    _k: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    Err(PyErr::key_error(py, &argv(args)[1]))
}

#[test]
fn getattr_fallback_and_getattribute_override() {
    checked(|py| {
        let ga = class(
            py,
            "GA",
            &[],
            &[("__getattr__", func(py, "GA.getattr", label_and_name))],
        );
        let g = new(py, &ga, &[]).unwrap();
        setattr(py, &g, "x", Some(&int(py, 1))).unwrap();
        let r = tuple(
            py,
            &[getattr(py, &g, "x").unwrap(), getattr(py, &g, "y").unwrap()],
        );
        check(py, "GA(): set x, read x and y", Ok(r));
        let gb = class(
            py,
            "GB",
            &[],
            &[
                ("__getattribute__", func(py, "ga", only_a)),
                ("__getattr__", func(py, "GB.getattr", label_and_name)),
            ],
        );
        let b = new(py, &gb, &[]).unwrap();
        let r = tuple(
            py,
            &[getattr(py, &b, "a").unwrap(), getattr(py, &b, "b").unwrap()],
        );
        check(py, "GB(): a, b", Ok(r));
        let gc = class(
            py,
            "GC",
            &[],
            &[
                ("__getattribute__", func(py, "ke", key_error)),
                ("__getattr__", returns(py, "unreached")),
            ],
        );
        check(
            py,
            "GC().x (non-AttributeError propagates)",
            getattr(py, &new(py, &gc, &[]).unwrap(), "x"),
        );
        let gd = class(
            py,
            "GD",
            &[],
            &[("__getattribute__", func(py, "GD", label_and_name))],
        );
        check(
            py,
            "GD().zz",
            getattr(py, &new(py, &gd, &[]).unwrap(), "zz"),
        );
    });
}

/// Appends `"<label> <args[1:] as str>"` to the class attribute `log` of `args[0]`.
fn log_call<'py>(
    py: Python<'py>,
    f: &Bound<'py>,
    args: &Bound<'py>,
    _k: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    let a = argv(args);
    let mut line = label_of(f);
    for x in &a[1..] {
        line.push(' ');
        line.push_str(ops::str(py, x)?.as_str());
    }
    let log = getattr(py, &a[0], "log")?;
    log.downcast::<pyrt::builtins::ListObject>()
        .unwrap()
        .append(&s(py, &line));
    Ok(none(py))
}

/// `object.__setattr__(self, name, value * 2)`.
fn set_doubled<'py>(
    py: Python<'py>,
    _f: &Bound<'py>,
    args: &Bound<'py>,
    _k: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    let a = argv(args);
    let object_setattr = pyrt::attr::lookup_str(py, py.builtins().object(), "__setattr__").unwrap();
    let doubled = ops::binary_op(py, &a[2], &int(py, 2), BinOp::Mul)?;
    call(py, &object_setattr, &[a[0].clone(), a[1].clone(), doubled])
}

fn in_instance_dict(py: Python<'_>, o: &Bound<'_>, key: &str) -> bool {
    pyrt::attr::instance_dict(py, o)
        .unwrap()
        .unwrap()
        .get_item(py, &name(py, key))
        .unwrap()
        .is_some()
}

#[test]
fn setattr_and_delattr_dunders() {
    checked(|py| {
        let log = list(py, &[]);
        let sa = class(
            py,
            "SA",
            &[],
            &[
                ("log", log.clone()),
                ("__setattr__", func(py, "set", log_call)),
                ("__delattr__", func(py, "del", log_call)),
            ],
        );
        let o = new(py, &sa, &[]).unwrap();
        setattr(py, &o, "x", Some(&int(py, 1))).unwrap();
        setattr(py, &o, "y", None).unwrap();
        let stored = pyrt::protocol::bool_obj(py, in_instance_dict(py, &o, "x"));
        check(
            py,
            "SA(): o.x = 1; del o.y",
            Ok(tuple(py, &[log.clone(), stored])),
        );
        let sb = class(
            py,
            "SB",
            &[],
            &[("__setattr__", func(py, "set", set_doubled))],
        );
        let o = new(py, &sb, &[]).unwrap();
        setattr(py, &o, "x", Some(&int(py, 2))).unwrap();
        check(
            py,
            "SB(): o.x = 2 stored doubled, then deleted by object's __delattr__",
            getattr(py, &o, "x"),
        );
        setattr(py, &o, "x", None).unwrap();
        let has = pyrt::protocol::bool_obj(py, getattr(py, &o, "x").is_ok());
        check(py, "SB(): del o.x after set", Ok(has));
        check(
            py,
            "SB(): del o.y (missing)",
            setattr(py, &o, "y", None).map(|()| none(py)),
        );
        let dict_setitem = pyrt::attr::lookup_str(py, py.builtins().dict(), "__setitem__").unwrap();
        let dict_t = pyrt::Bound::from_ref(py, py.builtins().dict());
        let d = class(py, "D", &[&dict_t], &[("__setattr__", dict_setitem)]);
        let di = new(py, &d, &[]).unwrap();
        setattr(py, &di, "x", Some(&int(py, 1))).unwrap();
        check(
            py,
            "dict subclass with __setattr__ = dict.__setitem__",
            Ok(di),
        );
    });
}

fn g_get<'py>(
    py: Python<'py>,
    _f: &Bound<'py>,
    args: &Bound<'py>,
    _k: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    let a = argv(args);
    let is_none = std::ptr::eq(a[1].as_any_ref(), py.singletons().none());
    let owner = a[2].downcast::<pyrt::TypeObject>().unwrap();
    let who = if is_none { "True" } else { "False" };
    Ok(s(
        py,
        &format!("G.get {who} {}", pyrt::names::name(py, owner)),
    ))
}

fn instance_dict_of<'py>(
    py: Python<'py>,
    o: &Bound<'py>,
) -> Bound<'py, pyrt::builtins::DictObject> {
    pyrt::attr::instance_dict(py, o).unwrap().unwrap()
}

fn s_get<'py>(
    py: Python<'py>,
    _f: &Bound<'py>,
    args: &Bound<'py>,
    _k: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    let d = instance_dict_of(py, &argv(args)[1]);
    Ok(d.get_item(py, &name(py, "x"))?
        .unwrap_or_else(|| s(py, "unset")))
}

fn s_set<'py>(
    py: Python<'py>,
    _f: &Bound<'py>,
    args: &Bound<'py>,
    _k: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    let a = argv(args);
    let v = ops::binary_op(py, &a[2], &int(py, 2), BinOp::Mul)?;
    instance_dict_of(py, &a[1]).set_item(py, &name(py, "x"), &v)?;
    Ok(none(py))
}

fn dl_delete<'py>(
    py: Python<'py>,
    _f: &Bound<'py>,
    args: &Bound<'py>,
    _k: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    let t = pyrt::protocol::bool_obj(py, true);
    instance_dict_of(py, &argv(args)[1]).set_item(py, &name(py, "deleted"), &t)?;
    Ok(none(py))
}

#[test]
fn descriptor_dunders_get_set_delete() {
    checked(|py| {
        let g = class(py, "G", &[], &[("__get__", func(py, "get", g_get))]);
        let sd = class(
            py,
            "S",
            &[],
            &[
                ("__get__", func(py, "get", s_get)),
                ("__set__", func(py, "set", s_set)),
            ],
        );
        let own = class(
            py,
            "Own",
            &[],
            &[
                ("g", new(py, &g, &[]).unwrap()),
                ("x", new(py, &sd, &[]).unwrap()),
            ],
        );
        let o = new(py, &own, &[]).unwrap();
        check(py, "Own().g", getattr(py, &o, "g"));
        check(py, "Own.g", getattr(py, &obj(&own), "g"));
        setattr(py, &o, "x", Some(&int(py, 5))).unwrap();
        check(py, "data descriptor set then get", getattr(py, &o, "x"));
        check(
            py,
            "del through __set__-only descriptor",
            setattr(py, &o, "x", None).map(|()| none(py)),
        );
        let dl = class(
            py,
            "Dl",
            &[],
            &[
                ("__get__", returns(py, "Dl")),
                ("__delete__", func(py, "delete", dl_delete)),
            ],
        );
        let own2 = class(py, "Own2", &[], &[("d", new(py, &dl, &[]).unwrap())]);
        let o2 = new(py, &own2, &[]).unwrap();
        setattr(py, &o2, "d", None).unwrap();
        check(
            py,
            "del through __delete__",
            Ok(instance_dict_of(py, &o2).into_any()),
        );
        check(
            py,
            "set through __delete__-only descriptor",
            setattr(py, &o2, "d", Some(&int(py, 1))).map(|()| none(py)),
        );
    });
}

fn store_v<'py>(
    py: Python<'py>,
    _f: &Bound<'py>,
    args: &Bound<'py>,
    _k: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    let a = argv(args);
    setattr(py, &a[0], "v", Some(&a[1]))?;
    Ok(none(py))
}

fn n_new<'py>(
    py: Python<'py>,
    _f: &Bound<'py>,
    args: &Bound<'py>,
    _k: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    let a = argv(args);
    let cls = a[0].downcast::<pyrt::TypeObject>().unwrap();
    let rest = tuple(py, &a[1..]);
    Ok(tuple(
        py,
        &[s(py, "N.new"), s(py, &pyrt::names::name(py, cls)), rest],
    ))
}

fn object_new_of_cls<'py>(
    py: Python<'py>,
    _f: &Bound<'py>,
    args: &Bound<'py>,
    _k: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    let object_new = getattr(
        py,
        &obj(&Bound::from_ref(py, py.builtins().object())),
        "__new__",
    )?;
    call(py, &object_new, &[argv(args)[0].clone()])
}

fn set_inited<'py>(
    py: Python<'py>,
    _f: &Bound<'py>,
    args: &Bound<'py>,
    _k: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    setattr(
        py,
        &argv(args)[0],
        "inited",
        Some(&pyrt::protocol::bool_obj(py, true)),
    )?;
    Ok(none(py))
}

fn fail<'py>(
    py: Python<'py>,
    _f: &Bound<'py>,
    _args: &Bound<'py>,
    _k: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    Err(PyErr::new(
        py,
        py.builtins().assertion_error(),
        "not called",
    ))
}

#[test]
fn init_and_new_dunders() {
    checked(|py| {
        let i = class(py, "I", &[], &[("__init__", func(py, "init", store_v))]);
        check(
            py,
            "I(5).v",
            getattr(py, &new(py, &i, &[int(py, 5)]).unwrap(), "v"),
        );
        let ir = class(
            py,
            "IR",
            &[],
            &[("__init__", func(py, "one", |py, _, _, _| Ok(int(py, 1))))],
        );
        check(py, "IR()", new(py, &ir, &[]));
        let n = class(py, "N", &[], &[("__new__", func(py, "new", n_new))]);
        check(py, "N(1, 2)", new(py, &n, &[int(py, 1), int(py, 2)]));
        let entry = pyrt::attr::lookup_str(py, &n, "__new__").unwrap();
        check(
            py,
            "type(N.__dict__['__new__']).__name__",
            Ok(s(py, &entry.type_name())),
        );
        let n2 = class(
            py,
            "N2",
            &[],
            &[
                ("__new__", func(py, "new", object_new_of_cls)),
                ("__init__", func(py, "init", set_inited)),
            ],
        );
        check(
            py,
            "N2().inited",
            getattr(py, &new(py, &n2, &[]).unwrap(), "inited"),
        );
        let n3 = class(
            py,
            "N3",
            &[],
            &[
                ("__new__", func(py, "five", |py, _, _, _| Ok(int(py, 5)))),
                ("__init__", func(py, "fail", fail)),
            ],
        );
        check(
            py,
            "N3() (foreign result skips __init__)",
            new(py, &n3, &[]),
        );
    });
}

#[test]
fn object_new_checks_its_argument() {
    checked(|py| {
        let object = obj(&Bound::from_ref(py, py.builtins().object()));
        let int_t = obj(&Bound::from_ref(py, py.builtins().int()));
        let str_t = obj(&Bound::from_ref(py, py.builtins().str_()));
        let type_t = obj(&Bound::from_ref(py, py.builtins().type_()));
        let object_new = getattr(py, &object, "__new__").unwrap();
        let int_new = getattr(py, &int_t, "__new__").unwrap();
        check(
            py,
            "object.__new__(1)",
            call(py, &object_new, &[int(py, 1)]),
        );
        check(
            py,
            "object.__new__(int)",
            call(py, &object_new, std::slice::from_ref(&int_t)),
        );
        check(py, "object.__new__()", call(py, &object_new, &[]));
        check(py, "int.__new__(str)", call(py, &int_new, &[str_t]));
        check(py, "object.__new__(type)", call(py, &object_new, &[type_t]));
        let k = class(py, "K", &[], &[]);
        let made = call(py, &object_new, &[obj(&k)]).unwrap();
        check(py, "object.__new__(K)", Ok(s(py, &made.type_name())));
        let object_init = getattr(py, &object, "__init__").unwrap();
        check(
            py,
            "object.__init__(K(), 1)",
            call(py, &object_init, &[new(py, &k, &[]).unwrap(), int(py, 1)]),
        );
    });
}

fn log_del<'py>(
    py: Python<'py>,
    _f: &Bound<'py>,
    args: &Bound<'py>,
    _k: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    let log = getattr(py, &argv(args)[0], "log")?;
    log.downcast::<pyrt::builtins::ListObject>()
        .unwrap()
        .append(&s(py, "del"));
    Ok(none(py))
}

fn raise_in_del<'py>(
    py: Python<'py>,
    _f: &Bound<'py>,
    _args: &Bound<'py>,
    _k: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    Err(PyErr::value_error(py, "boom"))
}

/// `__del__` drives `tp_finalize`: the collector runs it for an unreachable cycle
/// (CPython prints `['del']` for the same scenario); an exception in it is reported,
/// not propagated, and the object is still freed.
#[test]
fn del_dunder_runs_as_the_finalizer() {
    checked(|py| {
        let log = list(py, &[]);
        let d = class(
            py,
            "D",
            &[],
            &[("log", log.clone()), ("__del__", func(py, "del", log_del))],
        );
        assert!(d.tp_finalize.get().is_some());
        let x = new(py, &d, &[]).unwrap();
        setattr(py, &x, "me", Some(&x)).unwrap();
        drop(x);
        pyrt::gc::collect(py, 2);
        assert_eq!(ops::repr(py, &log).unwrap().as_str(), "['del']");
        let d2 = class(py, "D2", &[], &[("__del__", func(py, "del", raise_in_del))]);
        let y = new(py, &d2, &[]).unwrap();
        setattr(py, &y, "me", Some(&y)).unwrap();
        drop(y);
        let before = py.live_objects();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let sink = seen.clone();
        let old = set_unraisable_hook(
            py,
            Some(Arc::new(move |py: Python<'_>, u: &Unraisable<'_, '_>| {
                sink.lock().unwrap().push(format_unraisable(py, u))
            })),
        );
        pyrt::gc::collect(py, 2);
        set_unraisable_hook(py, old);
        assert!(
            py.live_objects() < before,
            "the D2 cycle is freed despite its __del__ raising"
        );
        // The error reaches the embedder's unraisable hook, with the `__del__` as context.
        let seen = seen.lock().unwrap();
        assert_eq!(seen.len(), 1, "{seen:?}");
        assert!(seen[0].starts_with("Exception ignored in: "), "{seen:?}");
        assert!(seen[0].ends_with("ValueError: boom\n"), "{seen:?}");
    });
}
