//! Native types' methods, getters and setters: calls, the payload's state, error
//! messages (CPython's for the analogous builtin cases, recorded by
//! `crates/native/tests/fixtures/record_native_messages.py`, whose printed output is
//! pasted below), borrow conflicts and panics.

mod native_common;

use native_common::{call_method, checked, describe, get_i64};
use pyrt::native::{
    self, NativeClass, Py, PyAny, Trace, borrow, borrow_mut, extract_i64, get_attr, int, none,
    set_attr,
};
use pyrt::{Bound, Python, TypeObject};

#[derive(Trace, Default)]
struct Counter {
    count: i64,
    parent: Option<Py<PyAny>>,
}

fn counter_type(py: Python<'_>) -> Bound<'_, TypeObject> {
    NativeClass::<Counter>::new("mymod.Counter")
        .method("inc", |py, this: &mut Counter, _args| {
            this.count += 1;
            Ok(none(py))
        })
        .method("add", |py, this: &mut Counter, args| {
            for a in args {
                this.count += extract_i64(a)?;
            }
            int(py, this.count)
        })
        .method_ref("peek", |py, this: &Counter, _args| int(py, this.count))
        .getter("count", |py, this: &Counter| int(py, this.count))
        .setter("count", |_py, this: &mut Counter, v| {
            this.count = extract_i64(v)?;
            Ok(())
        })
        .getter("parent", |py, this: &Counter| {
            Ok(match &this.parent {
                Some(p) => p.bind(py).clone(),
                None => none(py),
            })
        })
        .setter("parent", |_py, this: &mut Counter, v| {
            this.parent = Some(v.clone().unbind());
            Ok(())
        })
        .getter("ro", |py, this: &Counter| int(py, this.count * 10))
        // Calls `args[0].name()` while this payload is borrowed exclusively.
        .method("reenter", |py, _this: &mut Counter, args| {
            call_method(py, &args[0], "inc", &[])
        })
        // Reads `args[0].count` while this payload is borrowed exclusively.
        .method("reenter_get", |py, _this: &mut Counter, args| {
            get_attr(py, &args[0], "count")
        })
        // Calls `args[0].name()` while this payload is borrowed shared.
        .method_ref("shared_call", |py, _this: &Counter, args| {
            call_method(py, &args[0], "peek", &[])
        })
        .method_ref("shared_then_mut", |py, _this: &Counter, args| {
            call_method(py, &args[0], "inc", &[])
        })
        .method("boom", |_py, _this: &mut Counter, _args| panic!("boom"))
        .base_type(true)
        .build(py)
        .unwrap()
}

fn new_counter<'py>(py: Python<'py>, ty: &Bound<'py, TypeObject>) -> Bound<'py, PyAny> {
    pyrt::call::call0(py, ty.as_any()).unwrap()
}

/// Method names `m0` … `m64` (static, so the tests leak nothing).
const METHOD_NAMES: [&str; 65] = [
    "m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9", "m10", "m11", "m12", "m13", "m14",
    "m15", "m16", "m17", "m18", "m19", "m20", "m21", "m22", "m23", "m24", "m25", "m26", "m27",
    "m28", "m29", "m30", "m31", "m32", "m33", "m34", "m35", "m36", "m37", "m38", "m39", "m40",
    "m41", "m42", "m43", "m44", "m45", "m46", "m47", "m48", "m49", "m50", "m51", "m52", "m53",
    "m54", "m55", "m56", "m57", "m58", "m59", "m60", "m61", "m62", "m63", "m64",
];

#[test]
fn methods_getters_and_setters_act_on_the_payload() {
    checked(|py| {
        let ty = counter_type(py);
        let c = new_counter(py, &ty);
        assert_eq!(get_i64(py, &c, "count"), 0);
        call_method(py, &c, "inc", &[]).unwrap();
        call_method(py, &c, "inc", &[]).unwrap();
        assert_eq!(get_i64(py, &c, "count"), 2);
        set_attr(py, &c, "count", &int(py, 10).unwrap()).unwrap();
        let r = call_method(py, &c, "add", &[int(py, 5).unwrap(), int(py, 1).unwrap()]).unwrap();
        assert_eq!(extract_i64(&r).unwrap(), 16);
        let r = call_method(py, &c, "peek", &[]).unwrap();
        assert_eq!(extract_i64(&r).unwrap(), 16);
        assert_eq!(get_i64(py, &c, "ro"), 160);
        assert_eq!(borrow::<Counter>(&c).unwrap().count, 16);
        // Rust-side access sees and changes the same payload.
        borrow_mut::<Counter>(&c).unwrap().count = 3;
        assert_eq!(get_i64(py, &c, "count"), 3);
        // Two instances have separate payloads.
        let d = new_counter(py, &ty);
        assert_eq!(get_i64(py, &d, "count"), 0);
    });
}

#[test]
fn object_fields_in_the_payload_hold_references() {
    checked(|py| {
        let ty = counter_type(py);
        let c = new_counter(py, &ty);
        let other = new_counter(py, &ty);
        set_attr(py, &c, "parent", &other).unwrap();
        let p = get_attr(py, &c, "parent").unwrap();
        assert!(p.is(&other));
        assert_eq!(other.refcnt(), 3); // `other`, `p`, and the payload's Py
    });
}

/// Output of `record_native_messages.py` (CPython 3.11), the builtin analogues:
/// method_wrong_self | TypeError: descriptor 'append' for 'list' objects doesn't apply to a 'int' object
/// method_no_self | TypeError: unbound method list.clear() needs an argument
/// getter_wrong_self | TypeError: descriptor '__name__' for 'type' objects doesn't apply to a 'int' object
/// setter_wrong_self | TypeError: descriptor '__name__' for 'type' objects doesn't apply to a 'int' object
/// getter_only_set | AttributeError: attribute 'real' of 'int' objects is not writable
/// method_kwargs | TypeError: list.clear() takes no keyword arguments
/// no_new | TypeError: cannot create 'list_iterator' instances
/// no_args | TypeError: A() takes no arguments
/// not_basetype | TypeError: type 'bool' is not an acceptable base type
/// immutable_type_set | TypeError: cannot set 'x' attribute of immutable type 'int'
/// index_of_str | TypeError: 'str' object cannot be interpreted as an integer
#[test]
fn errors_use_cpythons_messages() {
    checked(|py| {
        let ty = counter_type(py);
        let c = new_counter(py, &ty);
        let one = int(py, 1).unwrap();
        let err = |r: pyrt::PyResult<Bound<'_, PyAny>>| describe(py, &r.unwrap_err());

        let inc = get_attr(py, ty.as_any(), "inc").unwrap();
        assert_eq!(
            err(pyrt::call::call1(py, &inc, &one)),
            "TypeError: descriptor 'inc' for 'mymod.Counter' objects doesn't apply to a 'int' object"
        );
        assert_eq!(
            err(pyrt::call::call0(py, &inc)),
            "TypeError: unbound method Counter.inc() needs an argument"
        );
        let count = get_attr(py, ty.as_any(), "count").unwrap();
        assert_eq!(
            err(call_method(
                py,
                &count,
                "__get__",
                std::slice::from_ref(&one)
            )),
            "TypeError: descriptor 'count' for 'mymod.Counter' objects doesn't apply to a 'int' object"
        );
        assert_eq!(
            err(call_method(
                py,
                &count,
                "__set__",
                &[one.clone(), one.clone()]
            )),
            "TypeError: descriptor 'count' for 'mymod.Counter' objects doesn't apply to a 'int' object"
        );
        let e = set_attr(py, &c, "ro", &one).unwrap_err();
        assert_eq!(
            describe(py, &e),
            "AttributeError: attribute 'ro' of 'mymod.Counter' objects is not writable"
        );
        let kw = pyrt::builtins::dict_new(py).unwrap();
        kw.set_item(py, native::string(py, "x").unwrap().as_any(), &one)
            .unwrap();
        assert_eq!(
            err(pyrt::call::call_method_kw(py, &c, "inc", &[], Some(&kw))),
            "TypeError: Counter.inc() takes no keyword arguments"
        );
        assert_eq!(
            err(pyrt::call::call1(py, ty.as_any(), &one)),
            "TypeError: mymod.Counter() takes no arguments"
        );
        let e = pyrt::new_class(py, "Sub", &[closed_type(py)], None).unwrap_err();
        assert_eq!(
            describe(py, &e),
            "TypeError: type 'mymod.Closed' is not an acceptable base type"
        );
        let e = set_attr(py, ty.as_any(), "x", &one).unwrap_err();
        assert_eq!(
            describe(py, &e),
            "TypeError: cannot set 'x' attribute of immutable type 'mymod.Counter'"
        );
        let s = native::string(py, "s").unwrap();
        let e = set_attr(py, &c, "count", &s).unwrap_err();
        assert_eq!(
            describe(py, &e),
            "TypeError: 'str' object cannot be interpreted as an integer"
        );
        assert_eq!(
            err(pyrt::call::call0(py, token_type(py).as_any())),
            "TypeError: cannot create 'mymod.Token' instances"
        );
    });
}

#[derive(Trace, Default)]
struct Closed {
    x: i64,
}

fn closed_type(py: Python<'_>) -> Bound<'_, TypeObject> {
    NativeClass::<Closed>::new("mymod.Closed")
        .build(py)
        .unwrap()
}

#[derive(Trace)]
struct Token {
    id: u64,
}

fn token_type(py: Python<'_>) -> Bound<'_, TypeObject> {
    NativeClass::<Token>::without_constructor("mymod.Token")
        .getter("id", |py, t: &Token| int(py, t.id as i64))
        .build(py)
        .unwrap()
}

/// pyrt-native's own messages (no CPython analogue: CPython has no generic message for a
/// getset that refuses deletion, see `getset_delete` in the recording script).
#[test]
fn deleting_a_native_attribute_is_refused() {
    checked(|py| {
        let ty = counter_type(py);
        let c = new_counter(py, &ty);
        let name = native::string(py, "count").unwrap();
        let e = pyrt::attr::setattr(py, &c, &name, None).unwrap_err();
        assert_eq!(
            describe(py, &e),
            "AttributeError: attribute 'count' of 'mymod.Counter' objects is not deletable"
        );
    });
}

#[test]
fn reentering_an_exclusively_borrowed_payload_raises() {
    checked(|py| {
        let ty = counter_type(py);
        let c = new_counter(py, &ty);
        let e = call_method(py, &c, "reenter", std::slice::from_ref(&c)).unwrap_err();
        assert_eq!(describe(py, &e), "RuntimeError: Already borrowed");
        let e = call_method(py, &c, "reenter_get", std::slice::from_ref(&c)).unwrap_err();
        assert_eq!(describe(py, &e), "RuntimeError: Already mutably borrowed");
        // A shared borrow admits other shared borrows but not an exclusive one.
        let r = call_method(py, &c, "shared_call", std::slice::from_ref(&c)).unwrap();
        assert_eq!(extract_i64(&r).unwrap(), 0);
        let e = call_method(py, &c, "shared_then_mut", std::slice::from_ref(&c)).unwrap_err();
        assert_eq!(describe(py, &e), "RuntimeError: Already borrowed");
        // Re-entering a *different* instance is fine.
        let d = new_counter(py, &ty);
        call_method(py, &c, "reenter", std::slice::from_ref(&d)).unwrap();
        assert_eq!(get_i64(py, &d, "count"), 1);
        // Every flag was released: the object is fully usable again.
        call_method(py, &c, "inc", &[]).unwrap();
        assert_eq!(get_i64(py, &c, "count"), 1);
    });
}

#[test]
fn rust_guards_exclude_each_other() {
    checked(|py| {
        let ty = counter_type(py);
        let c = new_counter(py, &ty);
        {
            let _shared = borrow::<Counter>(&c).unwrap();
            let e = call_method(py, &c, "inc", &[]).unwrap_err();
            assert_eq!(describe(py, &e), "RuntimeError: Already borrowed");
            assert_eq!(get_i64(py, &c, "count"), 0); // shared getter still works
        }
        {
            let _excl = borrow_mut::<Counter>(&c).unwrap();
            let e = get_attr(py, &c, "count").unwrap_err();
            assert_eq!(describe(py, &e), "RuntimeError: Already mutably borrowed");
        }
        call_method(py, &c, "inc", &[]).unwrap();
        assert_eq!(get_i64(py, &c, "count"), 1);
    });
}

#[test]
fn a_panic_in_a_method_becomes_a_runtime_error() {
    checked(|py| {
        let ty = counter_type(py);
        let c = new_counter(py, &ty);
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let e = call_method(py, &c, "boom", &[]).unwrap_err();
        std::panic::set_hook(hook);
        assert_eq!(describe(py, &e), "RuntimeError: Rust panic: boom");
        // The exclusive borrow was released while unwinding.
        call_method(py, &c, "inc", &[]).unwrap();
        assert_eq!(get_i64(py, &c, "count"), 1);
    });
}

#[test]
fn payload_access_checks_the_type() {
    checked(|py| {
        let ty = counter_type(py);
        let c = new_counter(py, &ty);
        assert!(native::has_payload::<Counter>(&c));
        assert!(!native::has_payload::<Closed>(&c));
        let e = borrow::<Closed>(&c).err().unwrap();
        assert_eq!(
            describe(py, &e),
            "TypeError: 'mymod.Counter' object is not a native 'Closed' object"
        );
        let one = int(py, 1).unwrap();
        assert!(borrow::<Counter>(&one).is_err());
        // A method descriptor of one native type refuses another's instances.
        let closed = pyrt::call::call0(py, closed_type(py).as_any()).unwrap();
        let inc = get_attr(py, ty.as_any(), "inc").unwrap();
        let e = pyrt::call::call1(py, &inc, &closed).unwrap_err();
        assert_eq!(
            describe(py, &e),
            "TypeError: descriptor 'inc' for 'mymod.Counter' objects doesn't apply to a 'mymod.Closed' object"
        );
    });
}

#[test]
fn instances_made_from_rust() {
    checked(|py| {
        let ty = token_type(py);
        let t = native::instantiate(py, &ty, Token { id: 7 }).unwrap();
        assert_eq!(get_i64(py, &t, "id"), 7);
        let object = Bound::from_ref(py, py.builtins().object());
        assert!(native::instantiate(py, &object, Token { id: 1 }).is_err());
    });
}

#[test]
fn payloads_without_references_make_plain_types() {
    checked(|py| {
        let closed = closed_type(py);
        assert!(!closed.has_flag(pyrt::TypeFlags::HAVE_GC));
        let counter = counter_type(py);
        assert!(counter.has_flag(pyrt::TypeFlags::HAVE_GC));
        assert!(counter.has_flag(pyrt::TypeFlags::IMMUTABLETYPE));
        let c = pyrt::call::call0(py, closed.as_any()).unwrap();
        assert!(!pyrt::gc::is_tracked(c.as_any_ref()));
    });
}

#[test]
fn weakrefable_instances() {
    checked(|py| {
        let ty = NativeClass::<Closed>::new("mymod.Weak")
            .weakrefable(true)
            .build(py)
            .unwrap();
        let obj = pyrt::call::call0(py, ty.as_any()).unwrap();
        let r = pyrt::weakref::weakref_new(py, &obj, None).unwrap();
        assert!(r.upgrade(py).is_some_and(|o| o.is(&obj)));
        drop(obj);
        assert!(r.upgrade(py).is_none());
    });
}

#[test]
fn build_errors() {
    checked(|py| {
        let ty = counter_type(py);
        let e = NativeClass::<Counter>::new("mymod.Again")
            .base(&ty)
            .build(py)
            .unwrap_err();
        assert_eq!(
            describe(py, &e),
            "TypeError: native type 'mymod.Again': base 'mymod.Counter' already carries this payload type"
        );
        let e = NativeClass::<Closed>::new("mymod.Dup")
            .method("x", |py, _t: &mut Closed, _a| Ok(none(py)))
            .getter("x", |py, _t: &Closed| Ok(none(py)))
            .build(py)
            .unwrap_err();
        assert_eq!(
            describe(py, &e),
            "ValueError: native type 'mymod.Dup' defines 'x' twice"
        );
        let mut b = NativeClass::<Closed>::new("mymod.Many");
        for name in METHOD_NAMES {
            b = b.method(name, |py, _t: &mut Closed, _a| Ok(none(py)));
        }
        let e = b.build(py).unwrap_err();
        assert_eq!(
            describe(py, &e),
            "TypeError: native type 'mymod.Many' has more than 64 methods or attributes"
        );
    });
}

#[test]
fn the_last_of_64_methods_is_reachable() {
    checked(|py| {
        let mut b = NativeClass::<Closed>::new("mymod.Wide");
        for (i, name) in (0..64).zip(METHOD_NAMES) {
            b = b.method(name, move |py, _t: &mut Closed, _a| int(py, i));
        }
        let ty = b.build(py).unwrap();
        let o = pyrt::call::call0(py, ty.as_any()).unwrap();
        for i in [0, 17, 63] {
            let r = call_method(py, &o, &format!("m{i}"), &[]).unwrap();
            assert_eq!(extract_i64(&r).unwrap(), i);
        }
    });
}

/// `object.__new__(T)` is refused (CPython's check, which pyrt has); an instance made by
/// the bare allocator (`tp_alloc`, a safe function) has no payload, and every access
/// says so instead of reading uninitialised memory.
#[test]
fn an_instance_without_its_payload_is_refused_not_read() {
    checked(|py| {
        let ty = counter_type(py);
        let object = Bound::from_ref(py, py.builtins().object());
        let new = get_attr(py, object.as_any(), "__new__").unwrap();
        let e = pyrt::call::call1(py, &new, ty.as_any()).unwrap_err();
        assert_eq!(
            describe(py, &e),
            "TypeError: object.__new__(mymod.Counter) is not safe, use mymod.Counter.__new__()"
        );
        let bare = pyrt::object::generic_alloc(py, &ty, 0).unwrap();
        let e = call_method(py, &bare, "inc", &[]).unwrap_err();
        assert_eq!(
            describe(py, &e),
            "RuntimeError: 'mymod.Counter' object is not initialized (its payload is missing)"
        );
        assert!(get_attr(py, &bare, "count").is_err());
        assert!(borrow::<Counter>(&bare).is_err());
        drop(bare); // nothing to drop in the payload
    });
}

fn counter_repr<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
) -> pyrt::PyResult<Bound<'py, PyAny>> {
    native::string(py, &format!("Counter({})", borrow::<Counter>(obj)?.count))
}

#[test]
fn behaviour_slots_of_the_low_level_api() {
    use pyrt::native::types::{SlotId, SlotValue};
    checked(|py| {
        let ty = NativeClass::<Counter>::new("mymod.Shown")
            .slot(SlotId::TP_REPR, SlotValue::Unary(counter_repr))
            .method("inc", |py, this: &mut Counter, _a| {
                this.count += 1;
                Ok(none(py))
            })
            .build(py)
            .unwrap();
        let c = pyrt::call::call0(py, ty.as_any()).unwrap();
        call_method(py, &c, "inc", &[]).unwrap();
        assert_eq!(pyrt::ops::repr(py, &c).unwrap().as_str(), "Counter(1)");
        let e = NativeClass::<Closed>::new("mymod.Bad")
            .slot(SlotId::TP_CLEAR, SlotValue::ObjProc(|_py, _o| {}))
            .build(py)
            .unwrap_err();
        assert_eq!(
            describe(py, &e),
            "TypeError: native type 'mymod.Bad': slot tp_clear is managed by pyrt-native"
        );
    });
}
