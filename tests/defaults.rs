//! Defaults that `type_ready` supplies: the **Default:** paragraphs of
//! `type-objects-reference.txt` (tp_repr, tp_hash, tp_richcompare, tp_getattro,
//! tp_setattro as object's; tp_base = object; tp_dict created; tp_dictoffset /
//! tp_weaklistoffset for the MANAGED flags) and facts.md §1 (flags, `__bases__`,
//! `__doc__`, the hash step, subclass registration, readying twice).
//!
//! CPython 3.11 outcomes: `tests/fixtures/inherit_spec.txt` (cases `default.*`,
//! `hash.plain_spec *`), recorded by `tests/fixtures/record_inherit_spec.py`.

mod support;

use pyrt::builtins::TupleObject;
use pyrt::types::{SlotId, SlotValue};
use pyrt::{Bound, Python, Runtime, TypeFlags, TypeObject, TypeSpec};
use support::*;

const BASE: TypeFlags = TypeFlags::BASETYPE;
const NONE: TypeFlags = TypeFlags(0);

/// Checks that object has slot `id` and a plain spec type inherits exactly it.
fn inherits_objects(id: SlotId, case: &str) {
    assert_eq!(
        cpython(&format!("default.plain_spec {case}")),
        format!("object.{case}")
    );
    Runtime::with(|py| {
        let object = py.builtins().object();
        let want = addr(object, id);
        assert_ne!(want, 0, "object must define {case}");
        let p = spec(py, "m.P", NONE, &[], &[]);
        assert_eq!(addr(&p, id), want, "{case} of a plain spec type");
    });
}

/// Case `default.plain_spec tp_repr`.
#[test]
fn default_repr_is_objects() {
    inherits_objects(SlotId::TP_REPR, "tp_repr");
}

/// Case `default.plain_spec tp_hash` ("PyBaseObject_Type uses PyObject_GenericHash()"):
/// object's hash is a real hash function, not the "unhashable" one.
#[test]
fn default_hash_is_objects() {
    inherits_objects(SlotId::TP_HASH, "tp_hash");
    Runtime::with(|py| {
        assert_ne!(
            addr(py.builtins().object(), SlotId::TP_HASH),
            pyrt::type_ready::hash_not_implemented as *const () as usize,
            "object's tp_hash is the unhashable marker"
        );
    });
}

/// Case `default.plain_spec tp_richcompare`.
#[test]
fn default_richcompare_is_objects() {
    inherits_objects(SlotId::TP_RICHCOMPARE, "tp_richcompare");
}

/// Case `default.plain_spec tp_getattro` ("PyBaseObject_Type uses
/// PyObject_GenericGetAttr()").
#[test]
fn default_getattro_is_objects() {
    inherits_objects(SlotId::TP_GETATTRO, "tp_getattro");
}

/// Case `default.plain_spec tp_setattro`.
#[test]
fn default_setattro_is_objects() {
    inherits_objects(SlotId::TP_SETATTRO, "tp_setattro");
}

/// Case `hash.plain_spec hash(instance)`: instances of a plain spec type (and of object)
/// are hashable; object's dict has no `__hash__ = None`.
#[test]
fn plain_instances_and_object_are_hashable() {
    assert_eq!(cpython("hash.plain_spec hash(instance)"), "ok");
    Runtime::with(|py| {
        let object = py.builtins().object();
        assert_ne!(
            dict_entry(py, object, "__hash__").as_deref(),
            Some("<NoneType>"),
            "object.__hash__ must not be None"
        );
        let o = instance(py, object);
        if let Err(e) = pyrt::protocol::hash(py, &o) {
            panic!("hash(object()) failed: {}", err_text(py, &e));
        }
        let p = spec(py, "m.P", NONE, &[], &[]);
        let i = instance(py, &p);
        if let Err(e) = pyrt::protocol::hash(py, &i) {
            panic!("hash(m.P()) failed: {}", err_text(py, &e));
        }
    });
}

/// Case `default.plain_spec __base__`: `tp_base` defaults to object (spec without bases,
/// and a static type whose `tp_base` is unset).
#[test]
fn tp_base_defaults_to_object() {
    assert_eq!(cpython("default.plain_spec __base__"), "object");
    Runtime::with(|py| {
        let object = py.builtins().object();
        let p = spec(py, "m.P", NONE, &[], &[]);
        assert!(std::ptr::eq(p.base().unwrap(), object));
        let s = ready_static(py, "m.S", None, NONE, |_| {});
        assert!(std::ptr::eq(s.base().unwrap(), object));
        assert!(object.base().is_none(), "object has no base");
    });
}

/// facts.md §1 step 3: a static type with no metatype takes its base's.
#[test]
fn metatype_defaults_to_the_bases() {
    Runtime::with(|py| {
        let s = ready_static(py, "m.S", Some(py.builtins().int()), NONE, |_| {});
        assert!(std::ptr::eq(s.as_any().ob_type(), py.builtins().type_()));
    });
}

/// "If this field is NULL, PyType_Ready() will assign a new dictionary to it."
#[test]
fn tp_dict_created() {
    Runtime::with(|py| {
        let s = static_type(py, "m.S", None, NONE);
        assert!(s.tp_dict.is_none());
        pyrt::type_ready(py, s).unwrap();
        assert!(!s.tp_dict.is_none());
        let p = spec(py, "m.P", NONE, &[], &[]);
        assert!(!p.tp_dict.is_none());
    });
}

fn bases_names(py: Python<'_>, t: &TypeObject) -> Vec<String> {
    let bases: Bound<'_, TupleObject> = t.tp_bases.get(py).expect("tp_bases set");
    bases
        .items(py)
        .iter()
        .map(|b| pyrt::names::name(py, b.downcast::<TypeObject>().unwrap()))
        .collect()
}

/// Case `default.plain_spec __bases__`: `__bases__` defaults to `(base,)`.
#[test]
fn tp_bases_defaults_to_tuple_of_base() {
    assert_eq!(cpython("default.plain_spec __bases__"), "object");
    Runtime::with(|py| {
        let p = spec(py, "m.P", NONE, &[], &[]);
        assert_eq!(bases_names(py, &p), ["object"]);
        let s = ready_static(py, "m.S", None, NONE, |_| {});
        assert_eq!(bases_names(py, s), ["object"]);
        let i = ready_static(py, "m.I", Some(py.builtins().int()), NONE, |_| {});
        assert_eq!(bases_names(py, i), ["int"]);
        assert!(bases_names(py, py.builtins().object()).is_empty());
    });
}

/// Case `default.plain_spec __doc__`: `__doc__` is None without a doc.
#[test]
fn doc_is_none_without_tp_doc() {
    assert_eq!(cpython("default.plain_spec __doc__"), "None");
    Runtime::with(|py| {
        let p = spec(py, "m.P", NONE, &[], &[]);
        assert_eq!(dict_entry(py, &p, "__doc__").as_deref(), Some("<NoneType>"));
        let s = ready_static(py, "m.S", None, NONE, |_| {});
        assert_eq!(dict_entry(py, s, "__doc__").as_deref(), Some("<NoneType>"));
    });
}

/// Case `default.doc_spec __doc__`: `__doc__` is the doc string when given.
#[test]
fn doc_is_the_doc_string_when_given() {
    assert_eq!(cpython("default.doc_spec __doc__"), "'A doc string.'");
    Runtime::with(|py| {
        let d = spec(
            py,
            "m.Doc",
            NONE,
            &[slot(SlotId::TP_DOC, SlotValue::Doc("A doc string."))],
            &[],
        );
        assert_eq!(
            dict_entry(py, &d, "__doc__").as_deref(),
            Some("A doc string.")
        );
        let s = ready_static(py, "m.SDoc", None, NONE, |t| {
            t.tp_doc.set(
                py,
                Some(pyrt::builtins::str_new(py, "Static doc.").unwrap()),
            );
        });
        assert_eq!(dict_entry(py, s, "__doc__").as_deref(), Some("Static doc."));
    });
}

/// facts.md §1 step 8: a static type that ends with no hash (it defines only
/// tp_richcompare, so the group is not inherited) gets `__hash__ = None` and is
/// unhashable, named by its `tp_name` as CPython does (case
/// `hash.only_richcompare hash(instance)`: 'm.R').
#[test]
fn type_without_hash_gets_hash_none_and_is_unhashable() {
    Runtime::with(|py| {
        let s = ready_static(py, "m.SR", None, NONE, |t| {
            t.tp_richcompare.set(Some(richcmp::<67>));
            t.tp_new.set(Some(new::<65>));
        });
        assert_eq!(dict_entry(py, s, "__hash__").as_deref(), Some("<NoneType>"));
        assert_eq!(
            addr(s, SlotId::TP_HASH),
            pyrt::type_ready::hash_not_implemented as *const () as usize
        );
        let o = instance(py, s);
        let e = expect_err(py, pyrt::protocol::hash(py, &o), "hash(m.SR())");
        assert_eq!(e, "TypeError: unhashable type: 'm.SR'");
    });
}

/// facts.md §1 Flags: static types get IMMUTABLETYPE; heap types from specs do not
/// unless asked (case `default.plain_spec flags HEAPTYPE,READY,IMMUTABLETYPE`).
#[test]
fn static_types_get_immutabletype_heap_types_do_not() {
    assert_eq!(
        cpython("default.plain_spec flags HEAPTYPE,READY,IMMUTABLETYPE"),
        "1,1,0"
    );
    Runtime::with(|py| {
        let s = ready_static(py, "m.S", None, NONE, |_| {});
        assert!(s.has_flag(TypeFlags::IMMUTABLETYPE));
        for (name, t) in py.builtins().all() {
            assert!(t.has_flag(TypeFlags::IMMUTABLETYPE), "builtin {name}");
        }
        let p = spec(py, "m.P", NONE, &[], &[]);
        assert!(!p.has_flag(TypeFlags::IMMUTABLETYPE));
    });
}

/// Case `default.plain_spec __flags__`: a spec with flags 0 ends with exactly
/// HEAPTYPE|READY (nothing else is added or copied from object).
#[test]
fn plain_spec_type_flags_are_heaptype_and_ready() {
    assert_eq!(cpython("default.plain_spec __flags__"), "0x1200");
    Runtime::with(|py| {
        let p = spec(py, "m.P", NONE, &[], &[]);
        assert_eq!(p.tp_flags.get(), 0x1200, "got {}", flag_list(p.flags()));
    });
}

/// facts.md §1 Flags: READY is set on success and READYING cleared.
#[test]
fn ready_set_and_readying_cleared_on_success() {
    Runtime::with(|py| {
        let s = static_type(py, "m.S", None, NONE);
        assert!(!s.has_flag(TypeFlags::READY));
        pyrt::type_ready(py, s).unwrap();
        assert!(s.has_flag(TypeFlags::READY));
        assert!(!s.has_flag(TypeFlags::READYING));
        for (name, t) in py.builtins().all() {
            assert!(t.has_flag(TypeFlags::READY), "builtin {name}");
            assert!(!t.has_flag(TypeFlags::READYING), "builtin {name}");
        }
    });
}

/// facts.md §1 Flags: READYING is cleared on any exit, READY is set only on success.
#[test]
fn readying_cleared_and_ready_unset_on_failure() {
    Runtime::with(|py| {
        let s = static_type(py, "m.Bad", None, NONE);
        // SAFETY: the type has no instances; type_ready must refuse it.
        unsafe { s.tp_basicsize.set(-1) };
        assert!(pyrt::type_ready(py, s).is_err());
        assert!(!s.has_flag(TypeFlags::READY));
        assert!(!s.has_flag(TypeFlags::READYING));
        // A type whose base is itself reaches itself while being readied.
        let c = static_type(py, "m.Cycle", None, NONE);
        // SAFETY: never instantiated; type_ready must refuse the cycle it creates.
        unsafe { c.tp_base.set(py, Some(Bound::from_ref(py, c))) };
        assert!(pyrt::type_ready(py, c).is_err());
        assert!(!c.has_flag(TypeFlags::READY));
        assert!(!c.has_flag(TypeFlags::READYING));
    });
}

/// facts.md §1: "an already READY type returns at once".
#[test]
fn ready_twice_is_a_noop() {
    Runtime::with(|py| {
        let base = ready_static(py, "m.B", None, BASE, |_| {});
        let s = ready_static(py, "m.S", Some(base), NONE, |_| {});
        let (dict, mro, bases) = (s.tp_dict.as_ptr(), s.tp_mro.as_ptr(), s.tp_bases.as_ptr());
        let flags = s.tp_flags.get();
        pyrt::type_ready(py, s).unwrap();
        assert_eq!(s.tp_dict.as_ptr(), dict);
        assert_eq!(s.tp_mro.as_ptr(), mro);
        assert_eq!(s.tp_bases.as_ptr(), bases);
        assert_eq!(s.tp_flags.get(), flags);
        assert_eq!(base.tp_subclasses.snapshot().len(), 1, "registered once");
        pyrt::type_ready(py, py.builtins().int()).unwrap();
    });
}

/// Case `default.subclasses order`: each ready type is registered in its direct bases'
/// subclass lists, in insertion order.
#[test]
fn subclasses_registered_in_insertion_order() {
    assert_eq!(cpython("default.subclasses order"), "S1,S2");
    Runtime::with(|py| {
        let b = spec(py, "m.Sub", BASE, &[], &[]);
        let x = spec(py, "m.X", BASE, &[], &[]);
        let s1 = spec(py, "m.S1", NONE, &[], &[&b]);
        let s2 = spec(py, "m.S2", NONE, &[], &[&b, &x]);
        let snap = b.tp_subclasses.snapshot();
        assert_eq!(snap.len(), 2);
        assert!(std::ptr::eq(snap[0].as_ptr(), &*s1));
        assert!(std::ptr::eq(snap[1].as_ptr(), &*s2));
        let snap = x.tp_subclasses.snapshot();
        assert_eq!(snap.len(), 1, "registered in every direct base");
        assert!(std::ptr::eq(snap[0].as_ptr(), &*s2));
    });
}

/// tp_dictoffset **Default:** with `Py_TPFLAGS_MANAGED_DICT` the runtime manages the
/// instance dict. The reference marks this with `tp_dictoffset == -1`; pyrt keeps every
/// dict at a real offset, so it appends a pointer slot to the instance and releases and
/// traverses the dict itself (see `docs/architecture.md`). CPython 3.11 itself leaves
/// `__dictoffset__` 0 here (case `managed_dict.base __dictoffset__`).
#[test]
fn managed_dict_gets_a_runtime_managed_slot() {
    Runtime::with(|py| {
        pyrt::gc::collect(py, 2);
        let before = py.live_objects();
        let t = spec(py, "m.MD", TypeFlags::MANAGED_DICT, &[], &[]);
        assert_eq!(t.tp_dictoffset.get(), 16, "appended after the header");
        assert_eq!(t.tp_basicsize.get(), 24);
        let inst = pyrt::call_type(py, &t, &[]).unwrap();
        let name = pyrt::builtins::intern(py, "x").unwrap().into_any();
        let value = pyrt::builtins::str_new(py, "a value").unwrap().into_any();
        pyrt::attr::setattr(py, &inst, &name, Some(&value)).unwrap();
        assert!(pyrt::attr::getattr(py, &inst, &name).unwrap().is(&value));
        drop((inst, value, t));
        pyrt::gc::collect(py, 2);
        assert_eq!(
            py.live_objects(),
            before,
            "the managed dict is released with its instance"
        );
    });
}

/// tp_weaklistoffset **Default:** with `Py_TPFLAGS_MANAGED_WEAKREF` the runtime manages
/// the weakref list; as for dicts, pyrt appends a real slot instead of a negative marker.
#[test]
fn managed_weakref_gets_a_runtime_managed_slot() {
    Runtime::with(|py| {
        let t = spec(py, "m.MW", TypeFlags::MANAGED_WEAKREF, &[], &[]);
        assert_eq!(t.tp_weaklistoffset.get(), 16);
        assert_eq!(t.tp_basicsize.get(), 24);
    });
}

/// tp_alloc / tp_free **Default:** a dynamic subtype gets the generic allocator and a
/// free matching its GC flag, even when its static base has others.
#[test]
fn dynamic_subtype_alloc_and_free_match_generic_alloc() {
    Runtime::with(|py| {
        let b = ready_static(py, "m.SAlloc", None, BASE, |t| {
            // SAFETY: the type is never instantiated; only the slot's inheritance is checked.
            unsafe { t.tp_alloc.set(Some(alloc::<47>)) };
        });
        let spec_ = TypeSpec {
            name: "m.DynSub",
            basicsize: 0,
            itemsize: 0,
            flags: BASE,
            slots: &[],
        };
        let base = [Bound::from_ref(py, b).into_any()];
        let d = pyrt::from_spec(py, &spec_, Some(&base), None, None).unwrap();
        assert_eq!(
            addr(&d, SlotId::TP_ALLOC),
            alloc::<47> as *const () as usize,
            "a spec type inherits tp_alloc by the copy rule"
        );
        let c = pyrt::new_class(py, "C", std::slice::from_ref(&d), None).unwrap();
        assert_eq!(
            addr(&c, SlotId::TP_ALLOC),
            pyrt::object::generic_alloc as *const () as usize,
            "class statement subtype"
        );
        assert_eq!(
            addr(&c, SlotId::TP_FREE),
            pyrt::object::gc_free as *const () as usize
        );
    });
}
