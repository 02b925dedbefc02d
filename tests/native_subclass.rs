//! Subclassing both ways: runtime-created classes (`new_class`, minipy's `class`
//! statement) over native types — instances carry the payload plus a `__dict__`, and
//! cycles through either are collected — and native types over runtime-created classes
//! (`.base(&cls)`: the payload after the class's fields, its dict and `__slots__`
//! handled by the native slots), plus native over native.

mod native_common;

use native_common::{call_method, checked, describe, get_i64};
use pyrt::builtins::{DictObject, dict_new, str_new, tuple_new};
use pyrt::native::{
    self, NativeClass, Py, PyAny, Trace, borrow, borrow_mut, extract_i64, get_attr, int, none,
    set_attr,
};
use pyrt::{Bound, Python, TypeFlags, TypeObject};
use std::sync::atomic::{AtomicUsize, Ordering};

static COUNTER_DROPS: AtomicUsize = AtomicUsize::new(0);

/// Counts drops of the payload it is part of.
#[derive(Default)]
struct Drops<const K: usize>;

static LINK_DROPS: AtomicUsize = AtomicUsize::new(0);

impl<const K: usize> Drop for Drops<K> {
    fn drop(&mut self) {
        match K {
            0 => COUNTER_DROPS.fetch_add(1, Ordering::SeqCst),
            _ => LINK_DROPS.fetch_add(1, Ordering::SeqCst),
        };
    }
}

// SAFETY: no references.
unsafe impl<const K: usize> Trace for Drops<K> {
    const HAS_REFS: bool = false;
    fn traverse(&self, _visit: &mut native::Visit<'_>) {}
    fn clear(&mut self, _released: &mut native::Released) {}
}

#[derive(Trace, Default)]
struct Counter {
    count: i64,
    parent: Option<Py<PyAny>>,
    drops: Drops<0>,
}

fn counter_type(py: Python<'_>) -> Bound<'_, TypeObject> {
    NativeClass::<Counter>::new("mymod.Counter")
        .method("inc", |py, this: &mut Counter, _args| {
            this.count += 1;
            Ok(none(py))
        })
        .getter("count", |py, this: &Counter| int(py, this.count))
        .setter("count", |_py, this: &mut Counter, v| {
            this.count = extract_i64(v)?;
            Ok(())
        })
        .setter("parent", |_py, this: &mut Counter, v| {
            this.parent = Some(v.clone().unbind());
            Ok(())
        })
        .base_type(true)
        .build(py)
        .unwrap()
}

fn counter_drops() -> usize {
    COUNTER_DROPS.load(Ordering::SeqCst)
}

fn call0<'py>(py: Python<'py>, ty: &Bound<'py, TypeObject>) -> Bound<'py, PyAny> {
    pyrt::call::call0(py, ty.as_any()).unwrap()
}

fn ns_with_slots<'py>(py: Python<'py>, names: &[&str]) -> Bound<'py, DictObject> {
    let ns = dict_new(py).unwrap();
    let items: Vec<Bound<'_, PyAny>> = names
        .iter()
        .map(|n| str_new(py, n).unwrap().into_any())
        .collect();
    let slots = tuple_new(py, &items).unwrap();
    ns.set_item(
        py,
        str_new(py, "__slots__").unwrap().as_any(),
        slots.as_any(),
    )
    .unwrap();
    ns
}

#[test]
fn a_runtime_class_over_a_native_type_has_the_payload_and_a_dict() {
    checked(|py| {
        let ty = counter_type(py);
        let sub = pyrt::new_class(py, "Sub", std::slice::from_ref(&ty), None).unwrap();
        assert!(sub.has_flag(TypeFlags::HAVE_GC));
        assert!(sub.tp_dictoffset.get() > 0);
        let s = call0(py, &sub);
        assert!(native::has_payload::<Counter>(&s));
        call_method(py, &s, "inc", &[]).unwrap();
        assert_eq!(get_i64(py, &s, "count"), 1);
        set_attr(py, &s, "extra", &int(py, 5).unwrap()).unwrap();
        assert_eq!(get_i64(py, &s, "extra"), 5);
        assert_eq!(borrow::<Counter>(&s).unwrap().count, 1);
        let before = counter_drops();
        drop(s);
        assert_eq!(counter_drops(), before + 1);
    });
}

#[test]
fn a_cycle_through_a_subclass_dict_and_the_payload_is_collected() {
    checked(|py| {
        let ty = counter_type(py);
        let sub = pyrt::new_class(py, "Sub", std::slice::from_ref(&ty), None).unwrap();
        let before = counter_drops();
        let a = call0(py, &sub);
        let b = call0(py, &sub);
        set_attr(py, &a, "friend", &b).unwrap(); // a.__dict__ -> b
        set_attr(py, &b, "parent", &a).unwrap(); // b's payload -> a
        let refs = pyrt::gc::get_referents(py, std::slice::from_ref(&b));
        assert_eq!(refs.iter().filter(|r| r.is(&a)).count(), 1);
        assert_eq!(refs.iter().filter(|r| r.is(sub.as_any())).count(), 1);
        drop(refs);
        drop((a, b));
        assert_eq!(counter_drops(), before);
        pyrt::gc::verify(py).unwrap();
        pyrt::gc::collect(py, 2);
        assert_eq!(counter_drops(), before + 2);
    });
}

#[test]
fn slots_of_a_runtime_subclass_are_handled_with_the_payload() {
    checked(|py| {
        let ty = counter_type(py);
        let ns = ns_with_slots(py, &["a", "b"]);
        let sub = pyrt::new_class(py, "Slotted", std::slice::from_ref(&ty), Some(&ns)).unwrap();
        let before = counter_drops();
        let x = call0(py, &sub);
        set_attr(py, &x, "a", &x).unwrap(); // named slot -> self
        set_attr(py, &x, "parent", &x).unwrap(); // payload -> self
        drop(x);
        pyrt::gc::collect(py, 2);
        assert_eq!(counter_drops(), before + 1);
    });
}

#[test]
fn new_and_init_of_runtime_subclasses() {
    checked(|py| {
        let ty = counter_type(py);
        let sub = pyrt::new_class(py, "Sub", std::slice::from_ref(&ty), None).unwrap();
        // No __init__: arguments are refused as for the native type itself.
        let e = pyrt::call::call1(py, sub.as_any(), &int(py, 1).unwrap()).unwrap_err();
        assert_eq!(describe(py, &e), "TypeError: Sub() takes no arguments");
        // A sub-subclass and __class__ assignment between compatible classes.
        let sub2 = pyrt::new_class(py, "Sub2", std::slice::from_ref(&ty), None).unwrap();
        let s = call0(py, &sub);
        set_attr(py, &s, "__class__", sub2.as_any()).unwrap();
        assert!(s.ob_type().is_subtype(&sub2));
        call_method(py, &s, "inc", &[]).unwrap();
        assert_eq!(get_i64(py, &s, "count"), 1);
    });
}

/// Runs a minipy case twice: first unchecked, so the process-wide objects minipy
/// creates on first use (its builtins, interned names) exist, then leak-checked.
fn minipy_case(case: impl for<'py> Fn(Python<'py>)) {
    pyrt::Runtime::with(|py| {
        native::init(py).unwrap();
        case(py);
    });
    checked(case);
}

fn run<'py>(py: Python<'py>, src: &str, g: &Bound<'py, DictObject>) {
    if let Err(e) = minipy::eval::run_source(py, src, g, false) {
        match e {
            minipy::eval::RunError::Exception(e) => panic!("{}", describe(py, &e)),
            minipy::eval::RunError::Syntax(_) => panic!("syntax error"),
        }
    }
}

fn global<'py>(py: Python<'py>, g: &Bound<'py, DictObject>, name: &str) -> Bound<'py, PyAny> {
    g.get_item(py, str_new(py, name).unwrap().as_any())
        .unwrap()
        .unwrap()
}

#[test]
fn minipy_class_statements_subclass_a_native_type() {
    minipy_case(|py| {
        let ty = counter_type(py);
        let g = minipy::eval::new_globals(py).unwrap();
        g.set_item(py, str_new(py, "Counter").unwrap().as_any(), ty.as_any())
            .unwrap();
        run(
            py,
            "class Sub(Counter):\n\
             \x20   def __init__(self, start):\n\
             \x20       self.start = start\n\
             \x20       self.count = start\n\
             \x20   def twice(self):\n\
             \x20       self.inc()\n\
             \x20       self.inc()\n\
             \x20       return self.count\n\
             s = Sub(40)\n\
             r = s.twice()\n\
             ok = isinstance(s, Counter) and type(s).__mro__[1] is Counter\n\
             s.parent = s\n\
             s.me = s\n",
            &g,
        );
        assert_eq!(extract_i64(&global(py, &g, "r")).unwrap(), 42);
        assert!(pyrt::ops::is_true(py, &global(py, &g, "ok")).unwrap());
        let s = global(py, &g, "s");
        assert_eq!(borrow::<Counter>(&s).unwrap().count, 42);
        assert_eq!(get_i64(py, &s, "start"), 40);
        drop(s);
        let before = counter_drops();
        g.clear(py);
        pyrt::gc::collect(py, 2);
        assert_eq!(
            counter_drops(),
            before + 1,
            "payload + dict self-cycle collected"
        );
    });
}

#[test]
fn minipy_reentry_from_python_code_raises_instead_of_aliasing() {
    minipy_case(reentry_case);
}

fn reentry_case(py: Python<'_>) {
    {
        let ty = NativeClass::<Counter>::new("mymod.Caller")
            .method("call_with_self", |py, _this: &mut Counter, args| {
                let slf = args[1].clone();
                pyrt::call::call1(py, &args[0], &slf)
            })
            .method("inc", |py, this: &mut Counter, _a| {
                this.count += 1;
                Ok(none(py))
            })
            .build(py)
            .unwrap();
        let g = minipy::eval::new_globals(py).unwrap();
        g.set_item(py, str_new(py, "Caller").unwrap().as_any(), ty.as_any())
            .unwrap();
        run(
            py,
            "c = Caller()\n\
             msg = None\n\
             def f(obj):\n\
             \x20   obj.inc()\n\
             try:\n\
             \x20   c.call_with_self(f, c)\n\
             except RuntimeError as e:\n\
             \x20   msg = str(e)\n\
             d = Caller()\n\
             c.call_with_self(f, d)\n",
            &g,
        );
        let msg = global(py, &g, "msg");
        assert_eq!(
            msg.downcast::<pyrt::builtins::StrObject>()
                .unwrap()
                .as_str(),
            "Already borrowed"
        );
        assert_eq!(borrow::<Counter>(&global(py, &g, "d")).unwrap().count, 1);
        g.clear(py);
    }
}

#[derive(Trace, Default)]
struct Link {
    next: Option<Py<PyAny>>,
    n: i64,
    drops: Drops<1>,
}

fn link_drops() -> usize {
    LINK_DROPS.load(Ordering::SeqCst)
}

fn link_type<'py>(py: Python<'py>, base: &Bound<'py, TypeObject>) -> Bound<'py, TypeObject> {
    NativeClass::<Link>::new("mymod.Link")
        .base(base)
        .base_type(true)
        .getter("n", |py, this: &Link| int(py, this.n))
        .setter("next", |_py, this: &mut Link, v| {
            this.next = Some(v.clone().unbind());
            Ok(())
        })
        .method("bump", |py, this: &mut Link, _a| {
            this.n += 1;
            Ok(none(py))
        })
        .build(py)
        .unwrap()
}

#[test]
fn a_native_type_over_a_runtime_class() {
    checked(|py| {
        let base = pyrt::new_class(py, "Base", &[], None).unwrap();
        let ty = link_type(py, &base);
        assert!(ty.is_subtype(&base));
        assert!(ty.tp_basicsize.get() > base.tp_basicsize.get());
        assert_eq!(ty.tp_dictoffset.get(), base.tp_dictoffset.get());
        let before = link_drops();
        let a = call0(py, &ty);
        call_method(py, &a, "bump", &[]).unwrap();
        set_attr(py, &a, "attr", &int(py, 9).unwrap()).unwrap(); // the base's __dict__
        assert_eq!(get_i64(py, &a, "attr"), 9);
        assert_eq!(get_i64(py, &a, "n"), 1);
        drop(a);
        assert_eq!(link_drops(), before + 1);
        // Cycles through the base's dict, through the payload, and across both.
        let b = call0(py, &ty);
        let c = call0(py, &ty);
        set_attr(py, &b, "other", &c).unwrap();
        set_attr(py, &c, "next", &b).unwrap();
        let d = call0(py, &ty);
        set_attr(py, &d, "me", &d).unwrap();
        drop((b, c, d));
        assert_eq!(link_drops(), before + 1);
        pyrt::gc::verify(py).unwrap();
        pyrt::gc::collect(py, 2);
        assert_eq!(link_drops(), before + 4);
    });
}

#[test]
fn a_native_type_over_a_class_with_slots_and_a_class_over_that() {
    checked(|py| {
        let ns = ns_with_slots(py, &["a", "__weakref__"]);
        let base = pyrt::new_class(py, "SlotBase", &[], Some(&ns)).unwrap();
        assert_eq!(base.tp_dictoffset.get(), 0);
        let ty = link_type(py, &base);
        let before = link_drops();
        let x = call0(py, &ty);
        set_attr(py, &x, "a", &x).unwrap(); // base class's named slot -> self
        let refs = pyrt::gc::get_referents(py, std::slice::from_ref(&x));
        assert_eq!(refs.iter().filter(|r| r.is(&x)).count(), 1);
        assert_eq!(refs.iter().filter(|r| r.is(ty.as_any())).count(), 1);
        drop(refs);
        let w = pyrt::weakref::weakref_new(py, &x, None).unwrap();
        drop(x);
        pyrt::gc::collect(py, 2);
        assert_eq!(link_drops(), before + 1);
        assert!(w.upgrade(py).is_none());
        drop(w);
        // A runtime class over the native type over the class: slots, payload and the
        // new class's dict all in one instance.
        let top = pyrt::new_class(py, "Top", std::slice::from_ref(&ty), None).unwrap();
        let t = call0(py, &top);
        set_attr(py, &t, "a", &t).unwrap();
        set_attr(py, &t, "next", &t).unwrap();
        set_attr(py, &t, "d", &t).unwrap();
        call_method(py, &t, "bump", &[]).unwrap();
        assert_eq!(get_i64(py, &t, "n"), 1);
        let refs = pyrt::gc::get_referents(py, std::slice::from_ref(&t));
        // `a` (the base class's slot), `next` (the payload) and `d` (an instance
        // attribute: in the values block, visited directly as CPython 3.11 does while no
        // `__dict__` has been materialised).
        assert_eq!(refs.iter().filter(|r| r.is(&t)).count(), 3);
        assert_eq!(refs.iter().filter(|r| r.is(top.as_any())).count(), 1);
        assert_eq!(refs.len(), 4); // t (3×) and Top
        drop(refs);
        drop(t);
        pyrt::gc::verify(py).unwrap();
        pyrt::gc::collect(py, 2);
        assert_eq!(link_drops(), before + 2);
    });
}

#[test]
fn a_native_type_over_a_minipy_class_with_methods_and_new() {
    minipy_case(|py| {
        let g = minipy::eval::new_globals(py).unwrap();
        run(
            py,
            "class Base:\n\
             \x20   def hello(self):\n\
             \x20       return 42\n",
            &g,
        );
        let base = global(py, &g, "Base")
            .downcast_into::<TypeObject>()
            .unwrap();
        let ty = link_type(py, &base);
        g.set_item(py, str_new(py, "Link").unwrap().as_any(), ty.as_any())
            .unwrap();
        run(
            py,
            "l = Link()\n\
             l.bump()\n\
             h = l.hello() + l.n\n\
             class Top(Link):\n\
             \x20   def hello(self):\n\
             \x20       return super().hello() + 1\n\
             t = Top()\n\
             t.next = l\n\
             l.back = t\n\
             h2 = t.hello()\n",
            &g,
        );
        assert_eq!(extract_i64(&global(py, &g, "h")).unwrap(), 43);
        assert_eq!(extract_i64(&global(py, &g, "h2")).unwrap(), 43);
        drop((base, ty));
        let before = link_drops();
        g.clear(py);
        pyrt::gc::collect(py, 2);
        assert_eq!(link_drops(), before + 2);
    });
}

#[test]
fn a_native_type_over_a_native_type() {
    checked(|py| {
        let counter = counter_type(py);
        let ty = link_type(py, &counter);
        let (c0, l0) = (counter_drops(), link_drops());
        let x = call0(py, &ty);
        call_method(py, &x, "inc", &[]).unwrap(); // the base's method, the base's payload
        call_method(py, &x, "bump", &[]).unwrap();
        call_method(py, &x, "bump", &[]).unwrap();
        assert_eq!(get_i64(py, &x, "count"), 1);
        assert_eq!(get_i64(py, &x, "n"), 2);
        // Cycles through each payload.
        set_attr(py, &x, "parent", &x).unwrap();
        set_attr(py, &x, "next", &x).unwrap();
        let refs = pyrt::gc::get_referents(py, std::slice::from_ref(&x));
        assert_eq!(refs.iter().filter(|r| r.is(&x)).count(), 2);
        assert_eq!(refs.iter().filter(|r| r.is(ty.as_any())).count(), 1);
        assert_eq!(refs.len(), 3);
        drop(refs);
        drop(x);
        pyrt::gc::collect(py, 2);
        assert_eq!((counter_drops(), link_drops()), (c0 + 1, l0 + 1));
        // Both payloads are also dropped by plain refcounting.
        let y = call0(py, &ty);
        drop(y);
        assert_eq!((counter_drops(), link_drops()), (c0 + 2, l0 + 2));
        // __class__ cannot move an instance to a type with another payload.
        let sub = pyrt::new_class(py, "S", std::slice::from_ref(&counter), None).unwrap();
        let other = pyrt::new_class(py, "O", std::slice::from_ref(&ty), None).unwrap();
        let s = call0(py, &sub);
        let e = set_attr(py, &s, "__class__", other.as_any()).unwrap_err();
        assert_eq!(
            describe(py, &e),
            "TypeError: __class__ assignment: 'O' object layout differs from 'S'"
        );
        let _ = get_attr(py, &s, "count").unwrap();
        let _ = borrow_mut::<Counter>(&s).unwrap();
    });
}
