//! Types from specs (`from_spec`, CPython's `PyType_FromMetaclass` family): the
//! `PyType_Spec` / `PyType_Slot` rules of `type-objects-api.txt` (basicsize, itemsize,
//! flags, slots, bases, metaclass), slot queries by stable ID (`PyType_GetSlot`, facts.md
//! §10) and names (`names::*`, facts.md §7).
//!
//! CPython 3.11 outcomes: `tests/fixtures/inherit_spec.txt` (cases `names.*`, `error.*`),
//! recorded by `tests/fixtures/record_inherit_spec.py`. Where 3.11 predates the documented
//! rule (negative basicsize and the ITEMS_AT_END rule are 3.12; 3.11 accepts a duplicate
//! slot and crashes on unknown slot numbers or NULL function slots), the documented rule
//! is tested and the difference is stated on the test.

mod support;

use pyrt::builtins::tuple_new;
use pyrt::types::{
    GetSetDef, MemberDef, MemberKind, MethodDef, MethodFlags, MethodFn, SlotId, SlotValue,
};
use pyrt::{Bound, PyAny, PyResult, Python, Runtime, Slot, TypeFlags, TypeObject, TypeSpec};
use support::*;

const BASE: TypeFlags = TypeFlags::BASETYPE;
const NONE: TypeFlags = TypeFlags(0);

fn make<'py>(
    py: Python<'py>,
    name: &str,
    basicsize: i32,
    itemsize: i32,
    flags: TypeFlags,
    slots: &[Slot<'_>],
    bases: &[&TypeObject],
) -> PyResult<Bound<'py, TypeObject>> {
    let spec = TypeSpec {
        name,
        basicsize,
        itemsize,
        flags,
        slots,
    };
    let bases: Vec<Bound<'py, PyAny>> = bases
        .iter()
        .map(|b| Bound::from_ref(py, *b).into_any())
        .collect();
    // SAFETY: the layout-bearing test slots (support's `alloc`, `dealloc`, `free`,
    // `traverse`, `is_gc`) fail, panic or visit nothing, and types carrying them are only
    // inspected, never instantiated.
    unsafe {
        pyrt::from_spec_unchecked(
            py,
            &spec,
            (!bases.is_empty()).then_some(&bases[..]),
            None,
            None,
        )
    }
}

fn type_repr(py: Python<'_>, t: &TypeObject) -> String {
    let repr = py
        .builtins()
        .type_()
        .tp_repr
        .get()
        .expect("type has tp_repr");
    let r = repr(py, &Bound::from_ref(py, t).into_any()).unwrap();
    r.downcast::<pyrt::builtins::StrObject>()
        .unwrap()
        .as_str()
        .to_owned()
}

// ------------------------------------------------------------------ sizes

/// basicsize > 0 sets the instance size.
#[test]
fn positive_basicsize_sets_the_size() {
    Runtime::with(|py| {
        let t = make(py, "m.P", 40, 0, NONE, &[], &[]).unwrap();
        assert_eq!(t.tp_basicsize.get(), 40);
    });
}

/// basicsize 0 inherits the base's size.
#[test]
fn zero_basicsize_inherits_the_bases() {
    Runtime::with(|py| {
        let list = py.builtins().list();
        let t = make(py, "m.L", 0, 0, NONE, &[], &[list]).unwrap();
        assert_eq!(t.tp_basicsize.get(), list.tp_basicsize.get());
    });
}

/// basicsize < 0 asks for that many bytes after the base's, padded to 8 (3.12 rule).
#[test]
fn negative_basicsize_adds_padded_space_after_the_base() {
    Runtime::with(|py| {
        let object = py.builtins().object().tp_basicsize.get();
        for (requested, extra) in [(-1, 8), (-5, 8), (-8, 8), (-9, 16), (-24, 24)] {
            let t = make(py, "m.N", requested, 0, NONE, &[], &[]).unwrap();
            assert_eq!(
                t.tp_basicsize.get(),
                object + extra,
                "basicsize {requested}"
            );
        }
        let list = py.builtins().list();
        let t = make(py, "m.NL", -4, 0, NONE, &[], &[list]).unwrap();
        assert_eq!(t.tp_basicsize.get(), list.tp_basicsize.get() + 8);
    });
}

/// A negative basicsize over a variable-size base needs ITEMS_AT_END.
#[test]
fn negative_basicsize_over_variable_size_base_needs_items_at_end() {
    Runtime::with(|py| {
        let tuple = py.builtins().tuple();
        let e = expect_err(py, make(py, "m.NT", -8, 0, NONE, &[], &[tuple]), "m.NT");
        assert_eq!(
            e,
            "TypeError: Cannot extend variable-size class without Py_TPFLAGS_ITEMS_AT_END."
        );
        let t = make(py, "m.NTE", -8, 0, TypeFlags::ITEMS_AT_END, &[], &[tuple]).unwrap();
        assert_eq!(t.tp_basicsize.get(), tuple.tp_basicsize.get() + 8);
        assert_eq!(t.tp_itemsize.get(), tuple.tp_itemsize.get());
    });
}

/// itemsize 0 inherits the base's; with basicsize 0 or positive, extending a
/// variable-size base is allowed.
#[test]
fn itemsize_inherited_with_zero_or_positive_basicsize() {
    Runtime::with(|py| {
        let tuple = py.builtins().tuple();
        let z = make(py, "m.TZ", 0, 0, NONE, &[], &[tuple]).unwrap();
        assert_eq!(z.tp_itemsize.get(), tuple.tp_itemsize.get());
        let size = tuple.tp_basicsize.get() as i32 + 8;
        let p = make(py, "m.TP", size, 0, NONE, &[], &[tuple]).unwrap();
        assert_eq!(p.tp_itemsize.get(), tuple.tp_itemsize.get());
        assert_eq!(p.tp_basicsize.get(), size as isize);
        let own = make(py, "m.Own", 0, 4, NONE, &[], &[]).unwrap();
        assert_eq!(own.tp_itemsize.get(), 4);
    });
}

/// A negative itemsize is refused.
#[test]
fn negative_itemsize_is_refused() {
    Runtime::with(|py| {
        let e = expect_err(py, make(py, "m.NI", 0, -4, NONE, &[], &[]), "m.NI");
        assert!(e.starts_with("SystemError: "), "{e}");
    });
}

// ------------------------------------------------------------------ slots

/// "Each slot ID should be specified at most once." (CPython 3.11 silently accepts a
/// duplicate, case `error.duplicate_slot` = ok; pyrt refuses it.)
#[test]
fn duplicate_slot_is_refused() {
    Runtime::with(|py| {
        let slots = [
            slot(SlotId::TP_REPR, SlotValue::Unary(unary::<1>)),
            slot(SlotId::TP_REPR, SlotValue::Unary(unary::<2>)),
        ];
        let e = expect_err(py, make(py, "m.Dup", 0, 0, NONE, &slots, &[]), "m.Dup");
        assert!(e.starts_with("SystemError: "), "{e}");
        assert!(e.contains("tp_repr"), "{e}");
    });
}

/// "Slots other than Py_tp_doc may not be NULL."
#[test]
fn null_slot_refused_except_tp_doc() {
    Runtime::with(|py| {
        let null_repr = [Slot {
            id: SlotId::TP_REPR,
            value: None,
        }];
        let e = expect_err(
            py,
            make(py, "m.Null", 0, 0, NONE, &null_repr, &[]),
            "m.Null",
        );
        assert!(e.starts_with("SystemError: "), "{e}");
        let null_doc = [Slot {
            id: SlotId::TP_DOC,
            value: None,
        }];
        let t = make(py, "m.NullDoc", 0, 0, NONE, &null_doc, &[]).unwrap();
        assert!(t.get_slot(SlotId::TP_DOC).is_none());
        assert_eq!(dict_entry(py, &t, "__doc__").as_deref(), Some("<NoneType>"));
    });
}

/// Slot 0 ends the list in C and any number outside 1..=81 is invalid (facts.md §10);
/// pyrt has no terminator, so 0 is refused like the others, with CPython's
/// `RuntimeError: invalid slot offset`.
#[test]
fn invalid_slot_ids_are_refused() {
    Runtime::with(|py| {
        for id in [0u16, 82, 999] {
            let slots = [Slot::new(SlotId(id), SlotValue::Unary(unary::<1>))];
            let e = expect_err(py, make(py, "m.Bad", 0, 0, NONE, &slots, &[]), "bad id");
            assert_eq!(e, "RuntimeError: invalid slot offset", "slot id {id}");
        }
    });
}

/// A function of the wrong signature for a slot id is refused with TypeError.
#[test]
fn wrong_function_kind_for_slot_is_refused() {
    Runtime::with(|py| {
        let slots = [slot(SlotId::NB_ADD, SlotValue::Unary(unary::<1>))];
        let e = expect_err(py, make(py, "m.Kind", 0, 0, NONE, &slots, &[]), "m.Kind");
        assert!(e.starts_with("TypeError: "), "{e}");
        assert!(e.contains("nb_add"), "{e}");
    });
}

/// A non-function value (doc, table, base) under another slot's id is refused too, not
/// applied to the slot its kind belongs to nor silently ignored.
#[test]
fn non_function_value_under_a_function_slot_id_is_refused() {
    Runtime::with(|py| {
        let object = py.builtins().object();
        let cases: [(&str, Slot<'_>); 4] = [
            (
                "Doc under tp_repr",
                slot(SlotId::TP_REPR, SlotValue::Doc("not a function")),
            ),
            (
                "Methods under tp_iter",
                slot(SlotId::TP_ITER, SlotValue::Methods(&METHODS)),
            ),
            (
                "Base under nb_add",
                Slot::new(SlotId::NB_ADD, SlotValue::Base(object)),
            ),
            (
                "Doc under tp_members",
                slot(SlotId::TP_MEMBERS, SlotValue::Doc("x")),
            ),
        ];
        let mut accepted = Vec::new();
        for (what, s) in cases {
            match make(py, "m.Kind2", 0, 0, NONE, &[s], &[]) {
                Ok(t) => accepted.push(format!(
                    "{what}: accepted (tp_doc now {:?})",
                    dict_entry(py, &t, "__doc__")
                )),
                Err(e) => {
                    let e = err_text(py, &e);
                    assert!(e.starts_with("TypeError: "), "{what}: {e}");
                }
            }
        }
        assert!(accepted.is_empty(), "{accepted:#?}");
    });
}

/// "If the Py_TPFLAGS_HEAPTYPE flag is not set, PyType_FromSpecWithBases() sets it
/// automatically."
#[test]
fn heaptype_set_automatically() {
    Runtime::with(|py| {
        let t = make(py, "m.H", 0, 0, NONE, &[], &[]).unwrap();
        assert!(t.has_flag(TypeFlags::HEAPTYPE));
        let u = make(py, "m.H2", 0, 0, TypeFlags::HEAPTYPE, &[], &[]).unwrap();
        assert!(u.has_flag(TypeFlags::HEAPTYPE));
    });
}

// ------------------------------------------------------------------ names

/// Cases `names.spec 'a.b.C' *` and `names.spec 'x.Y' *`: the part before the last dot is
/// `__module__` (stored in the dict), the rest `__name__`/`__qualname__`; repr shows both.
#[test]
fn dotted_spec_name_gives_module_and_name() {
    for (full, module, name) in [("a.b.C", "a.b", "C"), ("x.Y", "x", "Y")] {
        assert_eq!(
            cpython(&format!("names.spec '{full}' __name__,__qualname__")),
            format!("{name},{name}")
        );
        assert_eq!(
            cpython(&format!("names.spec '{full}' __module__")),
            format!("'{module}'")
        );
        assert_eq!(
            cpython(&format!("names.spec '{full}' repr")),
            format!("<class '{full}'>")
        );
    }
    Runtime::with(|py| {
        for (full, module, name) in [("a.b.C", "a.b", "C"), ("x.Y", "x", "Y")] {
            let t = make(py, full, 0, 0, NONE, &[], &[]).unwrap();
            assert_eq!(pyrt::names::name(py, &t), name);
            assert_eq!(pyrt::names::qualname(py, &t), name);
            assert_eq!(pyrt::names::module_name(py, &t).unwrap(), module);
            assert_eq!(dict_entry(py, &t, "__module__").as_deref(), Some(module));
            assert_eq!(pyrt::names::tp_name(&t), full);
            assert_eq!(pyrt::names::fully_qualified_name(py, &t), full);
            assert_eq!(type_repr(py, &t), format!("<class '{full}'>"));
        }
    });
}

/// Cases `names.spec 'NoDot' *`: without a dot there is no `__module__`
/// (`AttributeError: __module__`), and `__name__` is the whole name.
#[test]
fn undotted_spec_name_has_no_module() {
    assert_eq!(
        cpython("names.spec 'NoDot' __name__,__qualname__"),
        "NoDot,NoDot"
    );
    let raised = cpython("names.spec 'NoDot' __module__");
    assert_eq!(cpython("names.spec 'NoDot' repr"), "<class 'NoDot'>");
    Runtime::with(|py| {
        let t = make(py, "NoDot", 0, 0, NONE, &[], &[]).unwrap();
        assert_eq!(pyrt::names::name(py, &t), "NoDot");
        assert_eq!(pyrt::names::qualname(py, &t), "NoDot");
        let e = expect_err(py, pyrt::names::module_name(py, &t), "__module__");
        assert_eq!(format!("raise {e}"), raised);
        assert_eq!(dict_entry(py, &t, "__module__"), None);
        assert_eq!(pyrt::names::fully_qualified_name(py, &t), "NoDot");
        assert_eq!(type_repr(py, &t), "<class 'NoDot'>");
    });
}

/// Builtins: `__module__` is "builtins" and the fully qualified name is the bare name;
/// a dotted `tp_name` (`weakref.ReferenceType`) names its module.
#[test]
fn names_of_builtin_static_types() {
    Runtime::with(|py| {
        for (name, t) in py.builtins().all() {
            let (module, bare) = name.rsplit_once('.').unwrap_or(("builtins", name));
            assert_eq!(pyrt::names::name(py, t), bare);
            assert_eq!(pyrt::names::qualname(py, t), bare);
            assert_eq!(pyrt::names::module_name(py, t).unwrap(), module, "{name}");
            assert_eq!(pyrt::names::fully_qualified_name(py, t), name);
        }
    });
}

/// A static type's names are parsed from `tp_name`: module before the last dot.
#[test]
fn names_of_a_dotted_static_type() {
    Runtime::with(|py| {
        let t = ready_static(py, "a.b.C", None, NONE, |_| {});
        assert_eq!(pyrt::names::name(py, t), "C");
        assert_eq!(pyrt::names::qualname(py, t), "C");
        assert_eq!(pyrt::names::module_name(py, t).unwrap(), "a.b");
        assert_eq!(pyrt::names::fully_qualified_name(py, t), "a.b.C");
        assert_eq!(
            dict_entry(py, t, "__module__"),
            None,
            "not stored in the dict"
        );
        assert_eq!(type_repr(py, t), "<class 'a.b.C'>");
    });
}

/// A class statement's type lives in `__main__`, which the fully qualified name omits.
#[test]
fn names_of_a_class() {
    Runtime::with(|py| {
        let c = pyrt::new_class(py, "C", &[], None).unwrap();
        assert_eq!(pyrt::names::module_name(py, &c).unwrap(), "__main__");
        assert_eq!(pyrt::names::fully_qualified_name(py, &c), "C");
    });
}

// ------------------------------------------------------------------ bases and metaclass

/// The `Py_tp_bases` slot is used when no bases are passed (and beats `Py_tp_base`).
#[test]
fn tp_bases_slot_used_without_bases() {
    Runtime::with(|py| {
        let a = make(py, "m.A", 0, 0, BASE, &[], &[]).unwrap();
        let x = make(py, "m.X", 0, 0, BASE, &[], &[]).unwrap();
        let tuple = tuple_new(py, &[a.clone().into_any(), x.clone().into_any()]).unwrap();
        let slots = [
            Slot::new(SlotId::TP_BASES, SlotValue::Bases(&tuple)),
            Slot::new(SlotId::TP_BASE, SlotValue::Base(&x)),
        ];
        let d = make(py, "m.D", 0, 0, NONE, &slots, &[]).unwrap();
        assert!(std::ptr::eq(d.base().unwrap(), &*a));
        let bases = d.tp_bases.get(py).unwrap();
        assert_eq!(bases.len(), 2);
        assert!(bases.items(py)[0].is(&a) && bases.items(py)[1].is(&x));
    });
}

/// The `Py_tp_base` slot is used when there are no bases and no `Py_tp_bases`.
#[test]
fn tp_base_slot_used_without_bases() {
    Runtime::with(|py| {
        let a = make(py, "m.A", 0, 0, BASE, &[], &[]).unwrap();
        let slots = [Slot::new(SlotId::TP_BASE, SlotValue::Base(&a))];
        let d = make(py, "m.D", 0, 0, NONE, &slots, &[]).unwrap();
        assert!(std::ptr::eq(d.base().unwrap(), &*a));
        assert_eq!(d.tp_bases.get(py).unwrap().len(), 1);
    });
}

/// Explicit bases win over the slots.
#[test]
fn explicit_bases_win_over_base_slots() {
    Runtime::with(|py| {
        let a = make(py, "m.A", 0, 0, BASE, &[], &[]).unwrap();
        let x = make(py, "m.X", 0, 0, BASE, &[], &[]).unwrap();
        let slots = [Slot::new(SlotId::TP_BASE, SlotValue::Base(&a))];
        let d = make(py, "m.D", 0, 0, NONE, &slots, &[&x]).unwrap();
        assert!(std::ptr::eq(d.base().unwrap(), &*x));
    });
}

fn meta<'py>(py: Python<'py>) -> Bound<'py, TypeObject> {
    pyrt::new_class(
        py,
        "Meta",
        &[Bound::from_ref(py, py.builtins().type_())],
        None,
    )
    .unwrap()
}

/// An explicit metaclass becomes the new type's type; subtypes derive it from their
/// bases when none is given.
#[test]
fn explicit_metaclass_is_used_and_derived_by_subtypes() {
    Runtime::with(|py| {
        let m = meta(py);
        let spec = TypeSpec {
            name: "m.WithMeta",
            basicsize: 0,
            itemsize: 0,
            flags: BASE,
            slots: &[],
        };
        let t = pyrt::from_spec(py, &spec, None, Some(&m), None).unwrap();
        assert!(std::ptr::eq(t.as_any().ob_type(), &*m));
        let sub = make(py, "m.Sub", 0, 0, NONE, &[], &[&t]).unwrap();
        assert!(
            std::ptr::eq(sub.as_any().ob_type(), &*m),
            "derived from the base"
        );
        let plain = make(py, "m.Plain", 0, 0, NONE, &[], &[]).unwrap();
        assert!(std::ptr::eq(
            plain.as_any().ob_type(),
            py.builtins().type_()
        ));
    });
}

/// "Metaclasses that override tp_new are not supported" (PyType_FromMetaclass).
#[test]
fn metaclass_with_custom_new_is_refused() {
    Runtime::with(|py| {
        let type_ = py.builtins().type_();
        let m = make(
            py,
            "m.NewMeta",
            0,
            0,
            BASE,
            &[slot(SlotId::TP_NEW, SlotValue::New(new::<65>))],
            &[type_],
        )
        .unwrap();
        let spec = TypeSpec {
            name: "m.T",
            basicsize: 0,
            itemsize: 0,
            flags: NONE,
            slots: &[],
        };
        let e = expect_err(py, pyrt::from_spec(py, &spec, None, Some(&m), None), "m.T");
        assert!(e.starts_with("TypeError: "), "{e}");
        assert!(e.contains("tp_new"), "{e}");
    });
}

/// Cases `error.bool_base`, `error.NoneType_base`, `error.layout_conflict`.
#[test]
fn bad_bases_are_refused() {
    Runtime::with(|py| {
        let b = py.builtins();
        for (case, bases) in [
            ("error.bool_base", vec![b.bool_()]),
            ("error.NoneType_base", vec![b.none_type()]),
            ("error.layout_conflict", vec![b.list(), b.dict()]),
        ] {
            let e = expect_err(py, make(py, "m.Bad", 0, 0, NONE, &[], &bases), case);
            assert_eq!(format!("raise {e}"), cpython(case), "{case}");
        }
    });
}

// ------------------------------------------------------------------ get_slot round trip

fn m_noargs<'py>(py: Python<'py>, _s: &Bound<'py>) -> PyResult<Bound<'py>> {
    Err(pyrt::PyErr::runtime_error(py, "m"))
}
static METHODS: [MethodDef; 1] = [MethodDef {
    name: "m",
    meth: MethodFn::NoArgs(m_noargs),
    flags: MethodFlags(0),
    doc: None,
}];
static MEMBERS: [MemberDef; 1] = [MemberDef {
    name: "x",
    kind: MemberKind::Object,
    offset: 16,
    readonly: false,
    doc: None,
}];
static GETSETS: [GetSetDef; 1] = [GetSetDef {
    name: "g",
    get: None,
    set: None,
    doc: None,
}];

macro_rules! fn_slots {
    ($($id:literal $variant:ident $f:ident;)*) => {
        vec![$(Slot::new(SlotId($id), SlotValue::$variant($f::<$id>)),)*]
    };
}

/// Every function slot of facts.md §10 with a distinct function of the slot's signature.
fn every_function_slot() -> Vec<Slot<'static>> {
    fn_slots! {
        1 GetBuffer getbuffer; 2 ReleaseBuffer releasebuffer; 3 ObjObjArg objobjarg;
        4 Ssize ssize; 5 Binary binary; 6 Unary unary; 7 Binary binary; 8 Binary binary;
        9 Inquiry inquiry; 10 Binary binary; 11 Unary unary; 12 Binary binary;
        13 Unary unary; 14 Binary binary; 15 Binary binary; 16 Binary binary;
        17 Binary binary; 18 Binary binary; 19 Binary binary; 20 Ternary ternary;
        21 Binary binary; 22 Binary binary; 23 Binary binary; 24 Binary binary;
        25 Binary binary; 26 Unary unary; 27 Unary unary; 28 Binary binary;
        29 Binary binary; 30 Unary unary; 31 Binary binary; 32 Unary unary;
        33 Ternary ternary; 34 Binary binary; 35 Binary binary; 36 Binary binary;
        37 Binary binary; 38 Binary binary; 39 SsizeObjArg ssizeobjarg; 40 Binary binary;
        41 ObjObj objobj; 42 Binary binary; 43 SsizeArg ssizearg; 44 SsizeArg ssizearg;
        45 Ssize ssize; 46 SsizeArg ssizearg; 47 Alloc alloc; 50 Ternary ternary;
        51 ObjProc objproc; 52 Dealloc dealloc; 53 ObjProc objproc; 54 DescrGet descr_get;
        55 ObjObjArg objobjarg; 57 GetAttr getattr; 58 Binary binary; 59 Ssize ssize;
        60 Init init; 61 IsGc is_gc; 62 Unary unary; 63 IterNext iternext; 65 New new;
        66 Unary unary; 67 RichCompare richcmp; 68 SetAttr setattr; 69 ObjObjArg objobjarg;
        70 Unary unary; 71 Traverse traverse; 74 Free free; 75 Binary binary;
        76 Binary binary; 77 Unary unary; 78 Unary unary; 79 Unary unary;
        80 ObjProc objproc; 81 Send send;
    }
}

/// `get_slot` by stable ID: every number in 1..=81, set through one spec, reads back the
/// same value (the same function address; the same table, base, bases and doc).
#[test]
fn get_slot_round_trips_every_slot_id() {
    Runtime::with(|py| {
        let object = py.builtins().object();
        let bases = tuple_new(py, &[Bound::from_ref(py, object).into_any()]).unwrap();
        let mut slots = every_function_slot();
        assert_eq!(slots.len(), 75, "75 function slots + 6 others = 81");
        slots.push(Slot::new(SlotId::TP_BASE, SlotValue::Base(object)));
        slots.push(Slot::new(SlotId::TP_BASES, SlotValue::Bases(&bases)));
        slots.push(Slot::new(SlotId::TP_DOC, SlotValue::Doc("round trip")));
        slots.push(Slot::new(SlotId::TP_METHODS, SlotValue::Methods(&METHODS)));
        slots.push(Slot::new(SlotId::TP_MEMBERS, SlotValue::Members(&MEMBERS)));
        slots.push(Slot::new(SlotId::TP_GETSET, SlotValue::GetSet(&GETSETS)));
        let mut ids: Vec<u16> = slots.iter().map(|s| s.id.0).collect();
        ids.sort_unstable();
        assert_eq!(ids, (1..=81).collect::<Vec<u16>>());

        let t = make(py, "m.All", 24, 0, NONE, &slots, &[]).unwrap();
        for s in &slots {
            let id = s.id;
            let got = t.get_slot(id).unwrap_or_else(|| {
                panic!("slot {} ({}) reads back empty", id.0, id.name().unwrap())
            });
            match (s.value.unwrap(), got) {
                (SlotValue::Base(want), SlotValue::Base(b)) => assert!(std::ptr::eq(want, b)),
                (SlotValue::Bases(want), SlotValue::Bases(b)) => {
                    assert_eq!(want.items_raw(), b.items_raw())
                }
                (SlotValue::Doc(want), SlotValue::Doc(d)) => assert_eq!(want, d),
                (SlotValue::Methods(want), SlotValue::Methods(m)) => {
                    assert!(std::ptr::eq(want, m))
                }
                (SlotValue::Members(want), SlotValue::Members(m)) => {
                    assert!(std::ptr::eq(want, m))
                }
                (SlotValue::GetSet(want), SlotValue::GetSet(g)) => assert!(std::ptr::eq(want, g)),
                (want, got) => {
                    assert_ne!(want.fn_addr(), 0);
                    assert_eq!(
                        got.fn_addr(),
                        want.fn_addr(),
                        "slot {} ({})",
                        id.0,
                        id.name().unwrap()
                    );
                }
            }
        }
        for id in [0u16, 82, 999] {
            assert!(t.get_slot(SlotId(id)).is_none(), "get_slot({id})");
        }
    });
}
