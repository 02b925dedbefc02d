//! Property test of dunder → slot coupling: over random class hierarchies (some rooted
//! in `int`, to meet static slot wrappers) and random sequences of steps — set a dunder
//! on a random class (to a function, to `None`, or to a slot wrapper borrowed from
//! `int` or `object`), delete one, add a subclass, reassign a class's `__bases__` (where
//! CPython would allow it) — after every step every class's
//! slots agree with what the dunders found along its MRO say, computed here from
//! scratch by walking the MRO dicts:
//!
//! * none of the slot's names found: the slot is empty;
//! * only slot wrappers of the very row, owned by a base, wrapping one function: that
//!   function;
//! * `__hash__` found as `None`: unhashable;
//! * anything else: the slot's generic dispatcher.
//!
//! (`tp_new` is skipped: a builtin `__new__` keeps the type's inherited `tp_new`.)

mod common;
mod scale;
mod slot_support;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use pyrt::builtins::StrObject;
use pyrt::slotdefs::{Dunder, SlotDefRow, slotdefs};
use pyrt::types::{SlotId, SlotValue, SsizeFunc};
use pyrt::{Bound, Python, TypeObject};
use slot_support::*;

/// The dunders the steps use.
const NAMES: [&str; 28] = [
    "__add__",
    "__radd__",
    "__iadd__",
    "__neg__",
    "__eq__",
    "__lt__",
    "__hash__",
    "__len__",
    "__getitem__",
    "__setitem__",
    "__delitem__",
    "__contains__",
    "__iter__",
    "__next__",
    "__call__",
    "__repr__",
    "__str__",
    "__bool__",
    "__getattr__",
    "__getattribute__",
    "__setattr__",
    "__delattr__",
    "__get__",
    "__set__",
    "__init__",
    "__del__",
    "__index__",
    "__mul__",
];

#[derive(Clone, Copy, Debug)]
enum Value {
    Function,
    Nothing,
    /// The attribute of the same name on `int` (or `object` when `int` has none).
    Borrowed,
}

#[derive(Clone, Debug)]
enum Step {
    Set {
        class: usize,
        name: usize,
        value: Value,
    },
    Delete {
        class: usize,
        name: usize,
    },
    Subclass {
        bases: Vec<usize>,
        name: usize,
        value: Value,
    },
    Rebase {
        class: usize,
        bases: Vec<usize>,
    },
}

fn value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Function),
        Just(Value::Nothing),
        Just(Value::Borrowed)
    ]
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => (0..64usize, 0..NAMES.len(), value()).prop_map(|(class, name, value)| Step::Set { class, name, value }),
        3 => (0..64usize, 0..NAMES.len()).prop_map(|(class, name)| Step::Delete { class, name }),
        1 => (prop::collection::vec(0..64usize, 1..=3), 0..NAMES.len(), value())
            .prop_map(|(bases, name, value)| Step::Subclass { bases, name, value }),
        1 => (0..64usize, prop::collection::vec(0..64usize, 1..=2))
            .prop_map(|(class, bases)| Step::Rebase { class, bases }),
    ]
}

/// Per class: base picks (among earlier classes; pick 63 means `int`), and initial
/// dunders.
type Hierarchy = Vec<(Vec<usize>, Vec<(usize, Value)>)>;

fn hierarchy() -> impl Strategy<Value = Hierarchy> {
    prop::collection::vec(
        (
            prop::collection::vec(0..64usize, 0..=2),
            prop::collection::vec((0..NAMES.len(), value()), 0..=4),
        ),
        1..=6,
    )
}

struct World<'py> {
    py: Python<'py>,
    classes: Vec<Bound<'py, TypeObject>>,
    function: Bound<'py>,
    /// Successful `__bases__` assignments (the generator must exercise them).
    rebased: usize,
}

impl<'py> World<'py> {
    fn value(&self, name: &str, v: Value) -> Bound<'py> {
        let py = self.py;
        match v {
            Value::Function => self.function.clone(),
            Value::Nothing => none(py),
            Value::Borrowed => pyrt::attr::lookup_str(py, py.builtins().int(), name)
                .or_else(|| pyrt::attr::lookup_str(py, py.builtins().object(), name))
                .unwrap_or_else(|| self.function.clone()),
        }
    }

    fn bases(&self, picks: &[usize]) -> Vec<Bound<'py, TypeObject>> {
        let mut out: Vec<Bound<'py, TypeObject>> = Vec::new();
        for p in picks {
            let b = if *p == 63 || self.classes.is_empty() {
                Bound::from_ref(self.py, self.py.builtins().int())
            } else {
                self.classes[p % self.classes.len()].clone()
            };
            if !out.iter().any(|x| x.is(&b)) {
                out.push(b);
            }
        }
        out
    }

    /// Creates a class; a base combination CPython would refuse is skipped.
    fn add_class(&mut self, picks: &[usize], items: &[(usize, Value)]) {
        let bases = self.bases(picks);
        let refs: Vec<&Bound<'py, TypeObject>> = bases.iter().collect();
        let items: Vec<(&str, Bound<'py>)> = items
            .iter()
            .map(|(n, v)| (NAMES[*n], self.value(NAMES[*n], *v)))
            .collect();
        let n = format!("C{}", self.classes.len());
        if let Ok(c) = try_class(self.py, &n, &refs, &items) {
            self.classes.push(c);
        }
    }

    fn apply(&mut self, s: &Step) {
        let py = self.py;
        match s {
            Step::Set { class, name, value } if !self.classes.is_empty() => {
                let c = self.classes[class % self.classes.len()].clone();
                let v = self.value(NAMES[*name], *value);
                setattr(py, c.as_any(), NAMES[*name], Some(&v)).unwrap();
            }
            Step::Delete { class, name } if !self.classes.is_empty() => {
                let c = self.classes[class % self.classes.len()].clone();
                // Deleting an absent name is an AttributeError, which changes nothing.
                let _ = setattr(py, c.as_any(), NAMES[*name], None);
            }
            Step::Subclass { bases, name, value } => self.add_class(bases, &[(*name, *value)]),
            Step::Rebase { class, bases } if !self.classes.is_empty() => {
                let c = self.classes[class % self.classes.len()].clone();
                let bases: Vec<Bound<'py>> =
                    self.bases(bases).into_iter().map(Bound::into_any).collect();
                let t = pyrt::builtins::tuple_new(py, &bases).unwrap();
                // Cycles, layout changes and MRO conflicts are refused (and change nothing).
                if setattr(py, c.as_any(), "__bases__", Some(t.as_any())).is_ok() {
                    self.rebased += 1;
                }
            }
            _ => {}
        }
    }
}

/// The first object bound to `name` in the dicts of `tp`'s MRO (walked here).
fn find_along_mro<'py>(py: Python<'py>, tp: &TypeObject, name: &StrObject) -> Option<Bound<'py>> {
    pyrt::mro::mro_of(tp).iter().find_map(|t| {
        // SAFETY: MRO entries are kept alive by tp's MRO tuple during this call.
        let d = unsafe { t.as_ref() }.tp_dict.get(py)?;
        let p = d.get_str_raw(py, name)?;
        // SAFETY: the value is owned by the dict; a reference is taken at once.
        Some(unsafe { Bound::from_borrowed_ptr(py, p) })
    })
}

fn is_row(row: &'static SlotDefRow, other: &SlotDefRow) -> bool {
    std::ptr::eq(row, other)
}

/// What the dunders along `tp`'s MRO say `slot` should hold (function address; 0 for
/// empty).
fn expected(py: Python<'_>, tp: &TypeObject, slot: SlotId) -> usize {
    let rows: Vec<&'static SlotDefRow> = slotdefs()
        .iter()
        .filter(|r| r.slot == slot && r.dispatcher.is_some())
        .collect();
    let mut found_any = false;
    let mut direct: Option<usize> = None;
    let mut generic = false;
    let unhashable = pyrt_typeobject::type_ready::hash_not_implemented as SsizeFunc as usize;
    for row in &rows {
        let key = row.name.interned(py).unwrap();
        let Some(v) = find_along_mro(py, tp, &key) else {
            continue;
        };
        found_any = true;
        let wrapped = pyrt::slot_wrapper::wrapper_parts(py, &v)
            .filter(|(r, owner, _)| is_row(r, row) && tp.is_subtype(owner))
            .map(|(_, _, f)| f.fn_addr());
        let hash_none =
            slot == SlotId::TP_HASH && std::ptr::eq(v.as_any_ref(), py.singletons().none());
        match (wrapped, hash_none) {
            (Some(f), _) if direct.is_none_or(|d| d == f) => direct = Some(f),
            (None, true) => direct = Some(unhashable),
            _ => generic = true,
        }
    }
    match (found_any, generic, direct) {
        (false, _, _) => 0,
        (true, false, Some(f)) => f,
        _ => rows[0].dispatcher.unwrap().value().fn_addr(),
    }
}

fn actual(tp: &TypeObject, slot: SlotId) -> usize {
    tp.get_slot(slot).map_or(0, |v: SlotValue<'_>| v.fn_addr())
}

fn check_all(py: Python<'_>, w: &World<'_>, after: &str) -> Result<(), TestCaseError> {
    let slots: Vec<SlotId> = pyrt::slotdefs::dispatched_slots()
        .filter(|s| *s != SlotId::TP_NEW)
        .collect();
    for c in &w.classes {
        for slot in &slots {
            let (want, got) = (expected(py, c, *slot), actual(c, *slot));
            prop_assert_eq!(
                got,
                want,
                "after {}: {} slot {:?} ({})",
                after,
                pyrt::names::name(py, c),
                slot,
                slot.name().unwrap_or("?")
            );
        }
    }
    Ok(())
}

fn run_case(
    py: Python<'_>,
    h: &Hierarchy,
    steps: &[Step],
    rebased: &std::cell::Cell<usize>,
) -> Result<(), TestCaseError> {
    let mut w = World {
        py,
        classes: Vec::new(),
        function: returns(py, "f"),
        rebased: 0,
    };
    for (picks, items) in h {
        w.add_class(picks, items);
    }
    check_all(py, &w, "creation")?;
    for s in steps {
        w.apply(s);
        check_all(py, &w, &format!("{s:?}"))?;
    }
    rebased.set(rebased.get() + w.rebased);
    Ok(())
}

#[test]
fn slots_agree_with_the_dunders_along_the_mro() {
    let mut runner = TestRunner::new(Config::with_cases(scale::cases(96)));
    let strategy = (hierarchy(), prop::collection::vec(step(), 0..=24));
    let rebased = std::cell::Cell::new(0);
    let result = runner.run(&strategy, |(h, steps)| {
        common::checked(|py| run_case(py, &h, &steps, &rebased))
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    assert!(rebased.get() > 0, "no __bases__ assignment succeeded");
}

/// The names the steps use all drive slots (a typo would make the test vacuous).
#[test]
fn step_names_are_table_dunders() {
    for n in NAMES {
        assert!(Dunder::from_name(n).is_some(), "{n}");
    }
}
