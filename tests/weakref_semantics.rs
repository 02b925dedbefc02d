//! `weakref.ref` as CPython 3.11 behaves (expectations recorded by
//! `tests/fixtures/record_weakref.py` into `weakref_expected.txt`): which objects can be
//! weakly referenced, construction and call messages, the reuse rule, list order, repr,
//! hash and equality.

mod gc_common;

use gc_common::*;
use pyrt::builtins::{dict_new, int_new, list_new, tuple_new};
use pyrt::types::CompareOp;
use pyrt::weakref::{WeakRef, weakref_count, weakref_new, weakrefs_of};
use pyrt::{Bound, PyAny, PyErr, PyResult, Python, TypeObject};

/// The `weakref.ReferenceType` type object as a handle.
fn ref_type(py: Python<'_>) -> Bound<'_, TypeObject> {
    Bound::from_ref(py, py.builtins().weakref())
}

/// `callable(*args, **kwargs)` with string keyword names.
fn call<'py>(
    py: Python<'py>,
    callable: &Bound<'py, PyAny>,
    args: &[Bound<'py, PyAny>],
    kwargs: &[(&str, Bound<'py, PyAny>)],
) -> PyResult<Bound<'py, PyAny>> {
    let args = tuple_new(py, args)?;
    let kw = dict_new(py)?;
    for (k, v) in kwargs {
        kw.set_item(py, &s(py, k), v)?;
    }
    let kw = (!kwargs.is_empty()).then_some(&kw);
    pyrt::call(py, callable, &args, kw)
}

fn outcome(py: Python<'_>, r: PyResult<Bound<'_, PyAny>>) -> String {
    match r {
        Ok(v) => repr(py, &v).unwrap(),
        Err(e) => err_text(py, &e),
    }
}

#[test]
fn objects_without_a_weak_list_are_refused_with_cpythons_message() {
    checked(|py| {
        let a = class(py, "A");
        let some_ref = weakref_new(py, a.as_any(), None).unwrap().into_any();
        let cases: Vec<(&str, Bound<'_, PyAny>)> = vec![
            ("int", int_new(py, 1).unwrap().into_any()),
            ("str", s(py, "s")),
            ("tuple", tuple_new(py, &[]).unwrap().into_any()),
            ("list", list_new(py, &[]).unwrap().into_any()),
            ("dict", dict_new(py).unwrap().into_any()),
            (
                "object",
                pyrt::call_type(py, &Bound::from_ref(py, py.builtins().object()), &[]).unwrap(),
            ),
            ("Exception", PyErr::value_error(py, "x").into_value(py)),
            ("NoneType", pyrt::protocol::none(py)),
            ("bool", pyrt::protocol::bool_obj(py, true)),
            ("weakref", some_ref),
        ];
        for (label, obj) in cases {
            let want = cpython(&format!("new.refuses.{label}"));
            let got = match weakref_new(py, &obj, None) {
                Ok(_) => "created".to_owned(),
                Err(e) => err_text(py, &e),
            };
            // CPython's `Exception()` is the case; pyrt's ValueError stands in for it.
            let want = want.replace("'Exception'", "'ValueError'");
            assert_eq!(got, want, "{label}");
        }
    });
}

#[test]
fn types_and_class_instances_can_be_weakly_referenced() {
    checked(|py| {
        let a = class(py, "A");
        let inst = new(py, &a);
        for obj in [
            a.clone().into_any(),
            inst,
            Bound::from_ref(py, py.builtins().int()).into_any(),
        ] {
            let r = weakref_new(py, &obj, None).unwrap();
            assert!(r.upgrade(py).unwrap().is(&obj));
        }
        assert_eq!(cpython("new.type_object_ok"), "True");
    });
}

#[test]
fn constructor_argument_errors_match_cpython() {
    checked(|py| {
        let a = new(py, &class(py, "A"));
        let t = ref_type(py).into_any();
        let none = pyrt::protocol::none(py);
        let cases = [
            ("new.no_args", call(py, &t, &[], &[])),
            (
                "new.three_args",
                call(py, &t, &[a.clone(), none.clone(), none.clone()], &[]),
            ),
            (
                "new.keyword",
                call(
                    py,
                    &t,
                    std::slice::from_ref(&a),
                    &[("callback", none.clone())],
                ),
            ),
            (
                "new.keyword_only",
                call(py, &t, &[], &[("x", none.clone())]),
            ),
        ];
        for (case, r) in cases {
            assert_eq!(outcome(py, r), cpython(case), "{case}");
        }
        let r = call(py, &t, std::slice::from_ref(&a), &[]).unwrap();
        let init = py.builtins().weakref().tp_init.get().unwrap();
        let args = tuple_new(py, &[a.clone(), none.clone(), none.clone()]).unwrap();
        let e = init(py, &r, &args, None).unwrap_err();
        assert_eq!(err_text(py, &e), cpython("init.three_args"));
        let e = init(py, &r, &tuple_new(py, &[]).unwrap(), None).unwrap_err();
        assert_eq!(err_text(py, &e), cpython("init.no_args"));
    });
}

#[test]
fn calling_gives_the_referent_then_none() {
    checked(|py| {
        let cls = class(py, "A");
        let a = new(py, &cls);
        let r = call(py, &ref_type(py).into_any(), std::slice::from_ref(&a), &[]).unwrap();
        assert!(call(py, &r, &[], &[]).unwrap().is(&a));
        assert_eq!(cpython("call.live_is_referent"), "True");
        let one = int_new(py, 1).unwrap().into_any();
        let cases = [
            (
                "call.one_arg",
                call(py, &r, std::slice::from_ref(&one), &[]),
            ),
            ("call.keyword", call(py, &r, &[], &[("x", one.clone())])),
            (
                "call.arg_and_keyword",
                call(py, &r, std::slice::from_ref(&one), &[("x", one.clone())]),
            ),
        ];
        for (case, got) in cases {
            assert_eq!(outcome(py, got), cpython(case), "{case}");
        }
        drop(a);
        assert_eq!(outcome(py, call(py, &r, &[], &[])), cpython("call.dead"));
    });
}

#[test]
fn callback_attribute_is_none_or_the_callback_even_when_not_callable() {
    checked(|py| {
        let a = new(py, &class(py, "A"));
        let r = weakref_new(py, &a, None).unwrap();
        assert_eq!(cpython("callback.none_when_absent"), "None");
        assert!(r.callback(py).is_none());
        let three = int_new(py, 3).unwrap().into_any();
        let r3 = weakref_new(py, &a, Some(&three)).unwrap();
        assert_eq!(cpython("callback.non_callable_accepted"), "3");
        assert!(r3.callback(py).unwrap().is(&three));
    });
}

#[test]
fn the_basic_reference_is_reused_and_only_it() {
    checked(|py| {
        let cls = class(py, "A");
        let a = new(py, &cls);
        let none = pyrt::protocol::none(py);
        let rec = recorder_type(py);
        let cb = recorder(py, &rec, "cb");
        let sub = pyrt::new_class(py, "R", &[ref_type(py)], None).unwrap();
        let same =
            |x: &Bound<'_, WeakRef>, y: &Bound<'_, WeakRef>| if x.is(y) { "True" } else { "False" };
        let r1 = weakref_new(py, &a, None).unwrap();
        let r2 = weakref_new(py, &a, None).unwrap();
        assert_eq!(same(&r1, &r2), cpython("reuse.no_callback"));
        let r3 = weakref_new(py, &a, Some(&none)).unwrap();
        assert_eq!(same(&r3, &r1), cpython("reuse.none_callback"));
        let c1 = weakref_new(py, &a, Some(&cb)).unwrap();
        let c2 = weakref_new(py, &a, Some(&cb)).unwrap();
        assert_eq!(same(&c1, &c2), cpython("reuse.with_callback"));
        let s1 = pyrt::call_type(py, &sub, std::slice::from_ref(&a)).unwrap();
        let s2 = pyrt::call_type(py, &sub, std::slice::from_ref(&a)).unwrap();
        assert_eq!(
            if s1.is(&s2) { "True" } else { "False" },
            cpython("reuse.subclass")
        );
    });
}

#[test]
fn the_list_keeps_the_basic_reference_first_then_the_newest() {
    checked(|py| {
        let b = new(py, &class(py, "B"));
        let sub = pyrt::new_class(py, "R", &[ref_type(py)], None).unwrap();
        let cb = recorder(py, &recorder_type(py), "cb");
        let basic = weakref_new(py, &b, None).unwrap();
        let s1 = pyrt::call_type(py, &sub, std::slice::from_ref(&b)).unwrap();
        let s2 = pyrt::call_type(py, &sub, std::slice::from_ref(&b)).unwrap();
        let with_cb = weakref_new(py, &b, Some(&cb)).unwrap();
        let order: Vec<&str> = weakrefs_of(py, &b)
            .iter()
            .map(|w| {
                if w.is(&basic) {
                    "basic"
                } else if w.is(&with_cb) {
                    "callback"
                } else {
                    assert!(w.is(&s1) || w.is(&s2));
                    "subclass"
                }
            })
            .collect();
        let py_list = format!("['{}']", order.join("', '"));
        assert_eq!(py_list, cpython("list.order"));
        assert_eq!(weakref_count(&b).to_string(), cpython("list.count"));
        drop((s1, s2, with_cb));
        assert_eq!(
            weakref_count(&b),
            1,
            "dropped weak references leave the list"
        );
    });
}

#[test]
fn repr_matches_cpython() {
    checked(|py| {
        let cls = class(py, "A");
        let a = new(py, &cls);
        let r = |o: &Bound<'_, PyAny>| {
            addr(&repr(py, weakref_new(py, o, None).unwrap().as_any()).unwrap())
        };
        assert_eq!(r(&a), cpython("repr.instance"));
        assert_eq!(r(cls.as_any()), cpython("repr.type"));
        let int = Bound::from_ref(py, py.builtins().int()).into_any();
        assert_eq!(r(&int), cpython("repr.builtin_type"));
        let named = new(py, &cls);
        set(py, &named, "__name__", &s(py, "instance-attribute"));
        assert_eq!(r(&named), cpython("repr.instance_name_attribute_ignored"));
        let dead = weakref_new(py, &new(py, &cls), None).unwrap();
        assert_eq!(
            addr(&repr(py, dead.as_any()).unwrap()),
            cpython("repr.dead")
        );
        // The addresses are the weak reference's and the referent's.
        let w = weakref_new(py, &a, None).unwrap();
        let text = repr(py, w.as_any()).unwrap();
        assert!(text.contains(&format!("{:#x}", w.as_ptr().as_ptr() as usize)));
        assert!(text.contains(&format!("{:#x}", a.as_ptr().as_ptr() as usize)));
    });
}

fn hash_of(py: Python<'_>, o: &Bound<'_, PyAny>) -> PyResult<isize> {
    pyrt::protocol::hash(py, o)
}

#[test]
fn hash_is_the_referents_and_survives_it() {
    checked(|py| {
        let cls = class(py, "A");
        let a = new(py, &cls);
        let r = weakref_new(py, &a, None).unwrap();
        let same = hash_of(py, r.as_any()).unwrap() == hash_of(py, &a).unwrap();
        assert_eq!(
            if same { "True" } else { "False" },
            cpython("hash.of_referent")
        );
        let c = new(py, &cls);
        let rc = weakref_new(py, &c, None).unwrap();
        let h = hash_of(py, rc.as_any()).unwrap();
        drop(c);
        assert!(!rc.is_alive());
        let kept = hash_of(py, rc.as_any()).unwrap() == h;
        assert_eq!(
            if kept { "True" } else { "False" },
            cpython("hash.kept_after_death")
        );
        let never = weakref_new(py, &new(py, &cls), None).unwrap();
        let e = hash_of(py, never.as_any()).unwrap_err();
        assert_eq!(err_text(py, &e), cpython("hash.dead_never_hashed"));
    });
}

fn compare(py: Python<'_>, a: &Bound<'_, PyAny>, b: &Bound<'_, PyAny>, op: CompareOp) -> String {
    outcome(py, pyrt::protocol::rich_compare(py, a, b, op))
}

/// `__eq__` of the `Eq` class of the fixture: always `'yes'`.
fn eq_yes<'py>(
    py: Python<'py>,
    _a: &Bound<'py, PyAny>,
    _b: &Bound<'py, PyAny>,
    _op: CompareOp,
) -> PyResult<Bound<'py, PyAny>> {
    Ok(s(py, "yes"))
}

#[test]
fn equality_compares_live_referents_and_identity_once_dead() {
    checked(|py| {
        let cls = class(py, "A");
        let (a, b, d) = (new(py, &cls), new(py, &cls), new(py, &cls));
        let cb = recorder(py, &recorder_type(py), "cb");
        let rd1 = weakref_new(py, &d, Some(&cb)).unwrap().into_any();
        let rd2 = weakref_new(py, &d, Some(&cb)).unwrap().into_any();
        let ra = weakref_new(py, &a, None).unwrap().into_any();
        let rb = weakref_new(py, &b, None).unwrap().into_any();
        let dead = weakref_new(py, &new(py, &cls), None).unwrap().into_any();
        assert_eq!(
            compare(py, &rd1, &rd2, CompareOp::Eq),
            cpython("eq.same_referent")
        );
        assert_eq!(
            compare(py, &ra, &rb, CompareOp::Eq),
            cpython("eq.different_referents")
        );
        assert_eq!(
            compare(py, &dead, &ra, CompareOp::Eq),
            cpython("eq.dead_vs_live")
        );
        assert_eq!(
            compare(py, &dead, &ra, CompareOp::Ne),
            cpython("ne.dead_vs_live")
        );
        assert_eq!(
            compare(py, &dead, &dead, CompareOp::Eq),
            cpython("eq.dead_self")
        );
        let three = int_new(py, 3).unwrap().into_any();
        assert_eq!(
            compare(py, &rd1, &three, CompareOp::Eq),
            cpython("eq.other_type")
        );
        assert_eq!(compare(py, &rd1, &rd2, CompareOp::Lt), cpython("lt"));
        let eq_cls = class(py, "Eq");
        eq_cls.tp_richcompare.set(Some(eq_yes));
        let (e1, e2) = (new(py, &eq_cls), new(py, &eq_cls));
        let (w1, w2) = (
            weakref_new(py, &e1, None).unwrap(),
            weakref_new(py, &e2, None).unwrap(),
        );
        assert_eq!(
            compare(py, w1.as_any(), w2.as_any(), CompareOp::Eq),
            cpython("eq.delegates_to_referents")
        );
    });
}

#[test]
fn upgrade_is_none_for_a_referent_being_deallocated() {
    // A referent whose count reached zero but whose weak references are not cleared
    // yet (its finalizer is running) is still reachable through them; once the
    // finalizer returns without resurrecting, the references are dead.
    checked(|py| {
        let fin_t = fin_type(py);
        let f = fin(py, &fin_t, "f");
        let r = weakref_new(py, &f, None).unwrap();
        watch(&r);
        drop(f);
        assert_eq!(take_log(), ["del f watched=alive"]);
        assert!(r.upgrade(py).is_none());
    });
}

/// A native type from a spec: `flags` plus the given member table.
fn native<'py>(
    py: Python<'py>,
    name: &str,
    basicsize: i32,
    flags: pyrt::TypeFlags,
    members: &'static [pyrt::types::MemberDef],
) -> Bound<'py, TypeObject> {
    let slots = [pyrt::Slot::new(
        pyrt::types::SlotId::TP_MEMBERS,
        pyrt::types::SlotValue::Members(members),
    )];
    let spec = pyrt::TypeSpec {
        name,
        basicsize,
        itemsize: 0,
        flags,
        slots: if members.is_empty() { &[] } else { &slots },
    };
    pyrt::from_spec(py, &spec, None, None, None).unwrap()
}

static WEAKLIST_MEMBER: [pyrt::types::MemberDef; 1] = [pyrt::types::MemberDef {
    name: "__weaklistoffset__",
    kind: pyrt::types::MemberKind::Ssize,
    offset: 16,
    readonly: true,
    doc: None,
}];

#[test]
fn native_types_opt_in_with_managed_weakref_or_a_weaklist_offset() {
    checked(|py| {
        use pyrt::TypeFlags as F;
        let plain = native(py, "m.Plain", 0, F::DEFAULT, &[]);
        let managed = native(py, "m.Managed", 0, F::DEFAULT | F::MANAGED_WEAKREF, &[]);
        let offset = native(py, "m.Offset", 24, F::DEFAULT, &WEAKLIST_MEMBER);
        assert!(managed.tp_weaklistoffset.get() > 0);
        assert_eq!(offset.tp_weaklistoffset.get(), 16);
        let p = new(py, &plain);
        // The message names `tp_name`, which for a spec type is the spec's full name.
        let e = weakref_new(py, &p, None).unwrap_err();
        assert_eq!(
            err_text(py, &e),
            "TypeError: cannot create weak reference to 'm.Plain' object"
        );
        let rec = recorder_type(py);
        for tp in [&managed, &offset] {
            // Not collectable: these die by refcount only, and the driver clears their
            // weak references and runs the callbacks for them too.
            let o = new(py, tp);
            assert!(!pyrt::gc::is_tracked(&o));
            let cb = recorder(py, &rec, "cb");
            let r = weakref_new(py, &o, Some(&cb)).unwrap();
            assert!(r.upgrade(py).unwrap().is(&o));
            drop(o);
            assert!(!r.is_alive());
            assert_eq!(take_log(), ["cb arg_dead=true callback_none=true watched="]);
        }
    });
}
