//! The HEAPTYPE-overload rows about special setters, `__class__` assignment, annotations,
//! `__flags__`, the Carlo Verre check and `object.__new__` (see `heaptype_flags.rs` for the
//! kinds compared and the oracle). Every test checks that it frees every object it allocates.

mod common;
mod heaptype_support;

use common::checked;
use heaptype_support::*;

/// `obj.name` through the attribute protocol, as the fixture prints it.
fn get_shown(py: Python<'_>, obj: &Bound<'_, PyAny>, name: &str) -> String {
    match attr::getattr(py, obj, &key(py, name)) {
        Ok(v) => format!("ok -> {}", repr(py, &v)),
        Err(e) => raised(py, &e),
    }
}

/// The value of a type attribute through the attribute protocol (repr'd).
fn attr_repr(py: Python<'_>, tp: &Bound<'_, TypeObject>, name: &str) -> String {
    repr(py, &attr::getattr(py, tp.as_any(), &key(py, name)).unwrap())
}

#[test]
fn h5_h11_h15_special_setters_on_mutable_types() {
    checked(|py| {
        let annotations = pyrt::builtins::dict_new(py).unwrap();
        annotations
            .set_item(
                py,
                &s(py, "a"),
                &Bound::from_ref(py, py.builtins().int()).into_any(),
            )
            .unwrap();
        for kind in [Mut, Class, MutNoInst] {
            // fx:62-69 `__name__.set('Z')`: __qualname__ stays (H5), tp_name follows (H15).
            let tp = kind.make(py);
            let got = match set(py, &tp, "__name__", Some(&s(py, "Z"))) {
                Ok(()) => format!(
                    "ok -> \"__name__={} __qualname__={} __module__={} repr={}\"",
                    attr_repr(py, &tp, "__name__"),
                    attr_repr(py, &tp, "__qualname__"),
                    attr_repr(py, &tp, "__module__"),
                    repr(py, tp.as_any())
                ),
                Err(e) => raised(py, &e),
            };
            assert_eq!(got, expect("__name__.set('Z')", kind), "{kind:?}");
            // fx:70-77 `tp_name after __name__='Z'`.
            assert_eq!(
                names::tp_name(&tp),
                expect("tp_name after __name__='Z'", kind)
            );
            // fx:78-101, 110-133 the other name rows (values checked before anything).
            for (behaviour, name, value) in [
                ("__name__.set(1)", "__name__", Some(int(py, 1))),
                ("__name__.set('a\\0b')", "__name__", Some(s(py, "a\0b"))),
                ("__name__.del", "__name__", None),
                ("__qualname__.set(1)", "__qualname__", Some(int(py, 1))),
                ("__qualname__.del", "__qualname__", None),
                ("__module__.del", "__module__", None),
                ("__doc__.del", "__doc__", None),
            ] {
                let tp = kind.make(py);
                let got = unit(py, set(py, &tp, name, value.as_ref()));
                assert_eq!(got, expect(behaviour, kind), "{behaviour} {kind:?}");
            }
            // fx:118-125 `__qualname__.set('Q.Z')` (H5, H9).
            let tp = kind.make(py);
            set(py, &tp, "__qualname__", Some(&s(py, "Q.Z"))).unwrap();
            let got = format!(
                "ok -> \"__name__={} __qualname__={} repr={}\"",
                attr_repr(py, &tp, "__name__"),
                attr_repr(py, &tp, "__qualname__"),
                repr(py, tp.as_any())
            );
            assert_eq!(got, expect("__qualname__.set('Q.Z')", kind), "{kind:?}");
            // fx:150-157 `__module__.set('m2')` (H9).
            let tp = kind.make(py);
            set(py, &tp, "__module__", Some(&s(py, "m2"))).unwrap();
            let got = format!(
                "ok -> \"__module__={} repr={}\"",
                attr_repr(py, &tp, "__module__"),
                repr(py, tp.as_any())
            );
            assert_eq!(got, expect("__module__.set('m2')", kind), "{kind:?}");
            // fx:192-199 `__doc__.set('banana')`.
            let tp = kind.make(py);
            set(py, &tp, "__doc__", Some(&s(py, "banana"))).unwrap();
            let got = format!(
                "ok -> \"__doc__={} repr={}\"",
                attr_repr(py, &tp, "__doc__"),
                repr(py, tp.as_any())
            );
            assert_eq!(got, expect("__doc__.set('banana')", kind), "{kind:?}");
            // fx:514-521 `__annotations__.set({'a': int})`.
            let tp = kind.make(py);
            set(py, &tp, "__annotations__", Some(annotations.as_any())).unwrap();
            let got = get_shown(py, tp.as_any(), "__annotations__");
            assert_eq!(
                got,
                expect("__annotations__.set({'a': int})", kind),
                "{kind:?}"
            );
        }
    });
}

#[test]
fn h7_text_signature_of_a_builtin_style_type() {
    checked(|py| {
        // fx `__text_signature__ of a static type with a signature doc` @ static:list:
        // the signature is split off `__doc__` and served as `__text_signature__`; the
        // builtin-style type does the same with its own name.
        let doc = "XDoc(iterable=(), /)\n--\n\nBuilt-in mutable sequence.";
        let slots = [Slot::new(SlotId::TP_DOC, SlotValue::Doc(doc))];
        let bs = TypeFlags::IMMUTABLETYPE | TypeFlags::BUILTIN_STYLE;
        let tp = spec_type_with(py, "mod.XDoc", TypeFlags::BASETYPE | bs, &slots);
        let got = format!(
            "__doc__={} __text_signature__={}",
            attr_repr(py, &tp, "__doc__"),
            attr_repr(py, &tp, "__text_signature__")
        );
        let want = oracle(
            "__text_signature__ of a static type with a signature doc",
            "static:list",
        );
        assert_eq!(got, want);
        // A class has none.
        let a = Class.make(py);
        assert_eq!(attr_repr(py, &a, "__text_signature__"), "None");
    });
}

#[test]
fn h8_annotations() {
    checked(|py| {
        for kind in [X, Imm, Mut, Class, Int, ImmNoInst, MutNoInst] {
            let tp = kind.make(py);
            // fx:498-505 `__annotations__.get`: static and builtin-style types have none;
            // every other heap type (even immutable) gets `{}` stored in its dict.
            let got = get_shown(py, tp.as_any(), "__annotations__");
            assert_eq!(got, expect("__annotations__.get", kind), "{kind:?}");
            // fx:506-513 `'__annotations__' in T.__dict__ (after get)`.
            let got = py_bool(in_dict(py, &tp, "__annotations__"));
            let want = expect("'__annotations__' in T.__dict__ (after get)", kind);
            assert_eq!(got, want, "{kind:?}");
            // fx:522-529 `__annotations__.del` on a fresh type.
            let tp = kind.make(py);
            let got = unit(py, set(py, &tp, "__annotations__", None));
            assert_eq!(got, expect("__annotations__.del", kind), "{kind:?}");
        }
    });
}

#[test]
fn h13_class_assignment() {
    checked(|py| {
        let fresh_mut = || spec_type(py, "mod.Mut", TypeFlags(0));
        let p = new_class(py, "P", &[], Some(&slots_ns(py))).unwrap();
        for kind in [X, Imm, Mut, Class] {
            // fx `__class__: Mut()->T (Mut=fresh heap-mut mod.Mut)`.
            let tp = kind.make(py);
            let m = call_type(py, &fresh_mut(), &[]).unwrap();
            let got = assign_class(py, &m, &tp);
            assert_eq!(
                got,
                expect_heap("__class__: Mut()->T (Mut=fresh heap-mut mod.Mut)", kind),
                "{kind:?}"
            );
            // fx `__class__: T()->Mut (instance by object.__new__)`.
            let obj = call_type(py, &tp, &[]).unwrap();
            let got = assign_class(py, &obj, &fresh_mut());
            assert_eq!(
                got,
                expect_heap("__class__: T()->Mut (instance by object.__new__)", kind),
                "{kind:?}"
            );
            // fx `__class__: T()->T2 (two fresh types of same kind)`.
            let obj = call_type(py, &kind.make(py), &[]).unwrap();
            let got = assign_class(py, &obj, &kind.make(py));
            assert_eq!(
                got,
                expect_heap("__class__: T()->T2 (two fresh types of same kind)", kind),
                "{kind:?}"
            );
            // fx `__class__: P()->T` and `T()->P` (P: a class with `__slots__ = ()`).
            let pobj = call_type(py, &p, &[]).unwrap();
            let got = assign_class(py, &pobj, &tp);
            assert_eq!(
                got,
                expect_heap("__class__: P()->T (P=class with __slots__=())", kind),
                "{kind:?}"
            );
            let obj = call_type(py, &tp, &[]).unwrap();
            let got = assign_class(py, &obj, &p);
            assert_eq!(got, expect_heap("__class__: T()->P", kind), "{kind:?}");
            // fx `__class__: del`.
            let got = unit(py, attr::setattr(py, &obj, &key(py, "__class__"), None));
            assert_eq!(got, expect_heap("__class__: del", kind), "{kind:?}");
        }
    });
}

fn slots_ns<'py>(py: Python<'py>) -> Bound<'py, pyrt::builtins::DictObject> {
    let ns = pyrt::builtins::dict_new(py).unwrap();
    ns.set_item(
        py,
        &s(py, "__slots__"),
        tuple_new(py, &[]).unwrap().as_any(),
    )
    .unwrap();
    ns
}

/// `obj.__class__ = tp`, shown as the fixture does (`ok -> 'Name'` on success).
fn assign_class(py: Python<'_>, obj: &Bound<'_, PyAny>, tp: &Bound<'_, TypeObject>) -> String {
    match attr::setattr(py, obj, &key(py, "__class__"), Some(tp.as_any())) {
        Ok(()) => format!("ok -> '{}'", names::name(py, obj.ob_type())),
        Err(e) => raised(py, &e),
    }
}

#[test]
fn h19_flags_attribute() {
    checked(|py| {
        for kind in [X, Imm, Mut, Class, Int, ImmNoInst, MutNoInst] {
            let tp = kind.make(py);
            let flags = attr::getattr(py, tp.as_any(), &key(py, "__flags__")).unwrap();
            let flags = flags
                .downcast::<pyrt::builtins::IntObject>()
                .unwrap()
                .value() as u64;
            assert_eq!(flags, tp.flags().0, "{kind:?}");
            let heap = flags & TypeFlags::HEAPTYPE.0;
            assert_eq!(
                heap.to_string(),
                expect_heap("flags.HEAPTYPE(1<<9)", kind),
                "{kind:?}"
            );
        }
    });
}

/// `object.<name>` (a slot wrapper or `object.__new__`).
fn object_attr<'py>(py: Python<'py>, name: &str) -> Bound<'py, PyAny> {
    let object = Bound::from_ref(py, py.builtins().object()).into_any();
    attr::getattr(py, &object, &key(py, name)).unwrap()
}

fn call_with<'py>(
    py: Python<'py>,
    f: &Bound<'py, PyAny>,
    args: &[Bound<'py, PyAny>],
) -> PyResult<Bound<'py, PyAny>> {
    pyrt::call::call(py, f, &tuple_new(py, args).unwrap(), None)
}

#[test]
fn h14_carlo_verre_check() {
    checked(|py| {
        let set = object_attr(py, "__setattr__");
        let del = object_attr(py, "__delattr__");
        let one = int(py, 1);
        for kind in [X, Imm, Mut, Class, Int, ImmNoInst, MutNoInst] {
            // fx:280-287 `object.__setattr__(T,'x',1)`: refused for every kind.
            let tp = kind.make(py).into_any();
            let r = call_with(py, &set, &[tp.clone(), key(py, "x"), one.clone()]);
            let got = unit(py, r.map(drop));
            assert_eq!(got, expect("object.__setattr__(T,'x',1)", kind), "{kind:?}");
            // `object.__delattr__(T,'x')`: the same check, naming `__delattr__`.
            let r = call_with(py, &del, &[tp, key(py, "x")]);
            let want =
                expect("object.__setattr__(T,'x',1)", kind).replace("__setattr__", "__delattr__");
            assert_eq!(unit(py, r.map(drop)), want, "{kind:?}");
        }
    });
}

#[test]
fn h16_object_new_refuses_types_with_their_own_or_no_new() {
    checked(|py| {
        let object_new = object_attr(py, "__new__");
        for kind in [X, Imm, Mut, Class, Int, ImmNoInst, MutNoInst] {
            // fx:381-387 `object.__new__(T)`. mod.X has no `tp_new` of its own, like mod.Imm.
            let tp = kind.make(py);
            let got = match call_with(py, &object_new, &[tp.clone().into_any()]) {
                Ok(o) => format!("ok -> '{}'", names::name(py, o.ob_type())),
                Err(e) => raised(py, &e),
            };
            assert_eq!(got, expect_heap("object.__new__(T)", kind), "{kind:?}");
            // fx:399-405 `T.__new__ is object.__new__`.
            let own = attr::getattr(py, tp.as_any(), &key(py, "__new__")).unwrap();
            let got = format!("ok -> {}", py_bool(own.is(&object_new)));
            assert_eq!(
                got,
                expect_heap("T.__new__ is object.__new__", kind),
                "{kind:?}"
            );
        }
    });
}
