//! Lifetimes of the descriptor and callable objects: every type releases what it holds
//! when freed, and cycles through them (a class holding a property whose accessor is
//! bound to the class, a classmethod whose `__dict__` refers back to it, ...) are found
//! by the collector through their `tp_traverse` and broken by `tp_clear`. Also the
//! `METH_COEXIST` rule of `type_ready`'s dict step. No CPython expectations here: these
//! are pyrt's memory-management contracts.

mod descr_support;

use descr_support::*;
use pyrt::types::{MethodDef, MethodFlags, MethodFn, SlotId, SlotValue};
use pyrt::{Bound, PyAny, PyResult, Python, Slot, TypeFlags, TypeSpec, from_spec};

fn method_type(py: Python<'_>) -> Bound<'_, PyAny> {
    ty(py, py.builtins().method())
}

#[test]
fn bound_method_releases_function_and_self() {
    pyrt::Runtime::with(|py| {
        let (f, obj) = (len_fn(py), list(py, &[]));
        let m = callf(py, &method_type(py), &[f.clone(), obj.clone()]).unwrap();
        assert_eq!((f.refcnt(), obj.refcnt()), (2, 2));
        drop(m);
        assert_eq!((f.refcnt(), obj.refcnt()), (1, 1));
    });
}

#[test]
fn native_function_releases_self() {
    pyrt::Runtime::with(|py| {
        let l = list(py, &[]);
        let f = get(py, &l, "append").unwrap();
        assert_eq!(l.refcnt(), 2);
        drop(f);
        assert_eq!(l.refcnt(), 1);
    });
}

#[test]
fn property_releases_its_accessors_and_doc() {
    pyrt::Runtime::with(|py| {
        let (g, d) = (len_fn(py), s(py, "doc"));
        let p = callf(
            py,
            &ty(py, py.builtins().property()),
            &[g.clone(), g.clone(), g.clone(), d.clone()],
        )
        .unwrap();
        assert_eq!((g.refcnt(), d.refcnt()), (4, 2));
        drop(p);
        assert_eq!((g.refcnt(), d.refcnt()), (1, 1));
    });
}

#[test]
fn cycle_through_a_property_accessor_is_no_leak() {
    no_leak(|py| {
        let a = cls(py, "A", &[], &[]);
        // A.p = property(MethodType(len, A)): A → dict → property → method → A.
        let m = callf(py, &method_type(py), &[len_fn(py), a.clone()]).unwrap();
        let p = callf(py, &ty(py, py.builtins().property()), &[m]).unwrap();
        set(py, &a, "p", &p).unwrap();
    });
}

#[test]
fn cycle_through_a_classmethod_dict_is_no_leak() {
    no_leak(|py| {
        let c = callf(py, &ty(py, py.builtins().classmethod()), &[len_fn(py)]).unwrap();
        set(py, &c, "me", &c).unwrap();
    });
}

#[test]
fn cycle_through_a_staticmethod_callable_is_no_leak() {
    no_leak(|py| {
        let a = cls(py, "A", &[], &[]);
        let m = callf(py, &method_type(py), &[len_fn(py), a.clone()]).unwrap();
        let sm = callf(py, &ty(py, py.builtins().staticmethod()), &[m]).unwrap();
        set(py, &a, "f", &sm).unwrap();
    });
}

#[test]
fn cycle_through_a_bound_native_function_is_no_leak() {
    no_leak(|py| {
        let l = list(py, &[]);
        let append = get(py, &l, "append").unwrap();
        pyrt::call::call_method(py, &l, "append", &[append]).unwrap();
    });
}

#[test]
fn cycle_through_a_mappingproxy_is_no_leak() {
    no_leak(|py| {
        let d = dict(py, &[]);
        let p = callf(
            py,
            &ty(py, py.builtins().mappingproxy()),
            std::slice::from_ref(&d),
        )
        .unwrap();
        d.downcast::<pyrt::builtins::DictObject>()
            .unwrap()
            .set_item(py, &s(py, "p"), &p)
            .unwrap();
    });
}

#[test]
fn member_and_method_descriptors_keep_their_type_alive() {
    no_leak(|py| {
        let a = cls(py, "A", &[], &[("__slots__", tuple(py, &[s(py, "x")]))]);
        let member = get(py, &a, "x").unwrap();
        let ra = a.refcnt();
        drop(a);
        // The descriptor still names its class.
        assert!(ra >= 2);
        assert_eq!(
            repr(py, &get(py, &member, "__objclass__").unwrap()),
            "<class '__main__.A'>"
        );
    });
}

#[test]
fn subclass_instances_of_descriptor_types_are_freed() {
    no_leak(|py| {
        let p = cls(py, "P", &[&ty(py, py.builtins().property())], &[]);
        let obj = callf(py, &p, &[len_fn(py)]).unwrap();
        set(py, &obj, "extra", &list(py, &[])).unwrap();
        let c = cls(py, "C", &[&ty(py, py.builtins().classmethod())], &[]);
        let obj2 = callf(py, &c, &[len_fn(py)]).unwrap();
        set(py, &obj2, "extra", &obj).unwrap();
    });
}

// ------------------------------------------------------------ METH_COEXIST

fn marker<'py>(py: Python<'py>, _s: &Bound<'py>) -> PyResult<Bound<'py>> {
    Ok(s(py, "method"))
}

static PLAIN: [MethodDef; 1] = [MethodDef {
    name: "__module__",
    meth: MethodFn::NoArgs(marker),
    flags: MethodFlags(0),
    doc: None,
}];
static COEXIST: [MethodDef; 1] = [MethodDef {
    name: "__module__",
    meth: MethodFn::NoArgs(marker),
    flags: MethodFlags::COEXIST,
    doc: None,
}];

fn module_entry(py: Python<'_>, methods: &'static [MethodDef]) -> String {
    let slots = [Slot::new(SlotId::TP_METHODS, SlotValue::Methods(methods))];
    let spec = TypeSpec {
        name: "mod.T",
        basicsize: 0,
        itemsize: 0,
        flags: TypeFlags::DEFAULT,
        slots: &slots,
    };
    let t = from_spec(py, &spec, None, None, None).unwrap();
    raw(py, &t, "__module__").type_name()
}

#[test]
fn methods_never_replace_existing_entries_unless_coexist() {
    no_leak(|py| {
        // `from_spec` stores `__module__` before readying; a method of that name is
        // skipped, a METH_COEXIST one replaces it.
        assert_eq!(module_entry(py, &PLAIN), "str");
        assert_eq!(module_entry(py, &COEXIST), "method_descriptor");
    });
}

#[test]
fn static_and_class_flags_together_are_refused() {
    static BOTH: [MethodDef; 1] = [MethodDef {
        name: "f",
        meth: MethodFn::NoArgs(marker),
        flags: MethodFlags(MethodFlags::CLASS.0 | MethodFlags::STATIC.0),
        doc: None,
    }];
    no_leak(|py| {
        let slots = [Slot::new(SlotId::TP_METHODS, SlotValue::Methods(&BOTH))];
        let spec = TypeSpec {
            name: "mod.T",
            basicsize: 0,
            itemsize: 0,
            flags: TypeFlags::DEFAULT,
            slots: &slots,
        };
        let e = from_spec(py, &spec, None, None, None).unwrap_err();
        assert_eq!(
            err_text(py, &e),
            "ValueError: method cannot be both class and static"
        );
    });
}

#[test]
fn static_methods_are_unbound_native_functions() {
    fn self_is_none<'py>(
        py: Python<'py>,
        s: &Bound<'py>,
        _a: &[Bound<'py>],
    ) -> PyResult<Bound<'py>> {
        Ok(pyrt::protocol::bool_obj(py, s.is(&none(py))))
    }
    static STATIC: [MethodDef; 1] = [MethodDef {
        name: "maketrans",
        meth: MethodFn::Fast(self_is_none),
        flags: MethodFlags::STATIC,
        doc: None,
    }];
    no_leak(|py| {
        let slots = [Slot::new(SlotId::TP_METHODS, SlotValue::Methods(&STATIC))];
        let spec = TypeSpec {
            name: "mod.T",
            basicsize: 0,
            itemsize: 0,
            flags: TypeFlags::DEFAULT,
            slots: &slots,
        };
        let t = from_spec(py, &spec, None, None, None).unwrap().into_any();
        let entry = raw(py, t.downcast::<pyrt::TypeObject>().unwrap(), "maketrans");
        // As CPython's `str.__dict__['maketrans']`: a staticmethod around a native
        // function named by the type, whose `__self__` is None and which is called
        // without a receiver.
        assert_eq!(
            repr(py, &entry),
            "<staticmethod(<built-in method maketrans of type object at 0x?>)>"
        );
        let f = get(py, &t, "maketrans").unwrap();
        assert_eq!(
            repr(py, &get(py, &f, "__qualname__").unwrap()),
            "'T.maketrans'"
        );
        assert_eq!(repr(py, &get(py, &f, "__self__").unwrap()), "None");
        assert_eq!(repr(py, &callf(py, &f, &[]).unwrap()), "True");
    });
}
