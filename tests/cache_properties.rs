//! The key property of the method cache: over random class hierarchies and random
//! sequences of mutations — setting and deleting class attributes (through
//! `type.__setattr__`, and directly in the dict behind the cache's back), reassigning
//! `__bases__` (legal or not), adding subclasses (some with a metaclass `mro()` that
//! puts a non-ancestor "mixin" into the MRO), `type_modified`, `clear_cache`, and
//! dropping classes — after every step, for every live class and every name, the cached
//! lookup (`method_cache::lookup`, asked twice so both the fill and the hit are checked)
//! equals the uncached walk of the MRO (`attr::type_lookup_uncached`). A failed
//! `__bases__` assignment must leave the class's bases and MRO as they were.

mod cache_common;
mod scale;

use cache_common::*;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use pyrt::method_cache::{self, lookup};
use pyrt::{Bound, Py, PyAny, Python, TypeObject, attr};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

const NAMES: [&str; 5] = ["a", "b", "c", "d", "never_set"];

#[derive(Debug, Clone)]
enum Op {
    /// A new class with bases picked among the live classes (none: `object`), and
    /// possibly a metaclass `mro()` adding the picked "mixin" class after it.
    AddClass {
        picks: Vec<usize>,
        mixin: Option<usize>,
    },
    Set {
        class: usize,
        name: usize,
        value: i64,
    },
    Del {
        class: usize,
        name: usize,
    },
    DirectSet {
        class: usize,
        name: usize,
        value: i64,
    },
    DirectDel {
        class: usize,
        name: usize,
    },
    SetBases {
        class: usize,
        picks: Vec<usize>,
    },
    Modified {
        class: usize,
    },
    ClearCache,
    Drop {
        class: usize,
    },
}

fn op() -> impl Strategy<Value = Op> {
    let idx = 0..64usize;
    prop_oneof![
        3 => (prop::collection::vec(idx.clone(), 0..3), prop::option::weighted(0.3, idx.clone()))
            .prop_map(|(picks, mixin)| Op::AddClass { picks, mixin }),
        6 => (idx.clone(), 0..4usize, 0..100i64).prop_map(|(class, name, value)| Op::Set { class, name, value }),
        3 => (idx.clone(), 0..4usize).prop_map(|(class, name)| Op::Del { class, name }),
        2 => (idx.clone(), 0..4usize, 0..100i64)
            .prop_map(|(class, name, value)| Op::DirectSet { class, name, value }),
        1 => (idx.clone(), 0..4usize).prop_map(|(class, name)| Op::DirectDel { class, name }),
        4 => (idx.clone(), prop::collection::vec(idx.clone(), 1..3))
            .prop_map(|(class, picks)| Op::SetBases { class, picks }),
        1 => idx.clone().prop_map(|class| Op::Modified { class }),
        1 => Just(Op::ClearCache),
        1 => idx.prop_map(|class| Op::Drop { class }),
    ]
}

fn scenario() -> impl Strategy<Value = (Vec<Op>, Vec<Op>)> {
    let start = prop::collection::vec(
        (
            prop::collection::vec(0..64usize, 0..3),
            prop::option::weighted(0.2, 0..64usize),
        )
            .prop_map(|(picks, mixin)| Op::AddClass { picks, mixin }),
        2..7,
    );
    (start, prop::collection::vec(op(), 1..30))
}

/// How often each path was taken over the run, to check the generator reaches them.
#[derive(Default)]
struct Tally {
    bases_ok: Cell<usize>,
    bases_refused: Cell<usize>,
    custom_classes: Cell<usize>,
    checks: Cell<usize>,
}

fn bump(c: &Cell<usize>) {
    c.set(c.get() + 1);
}

/// The live classes of a run, and the mixins of the custom-MRO ones (by name).
struct World<'py> {
    py: Python<'py>,
    classes: Vec<Bound<'py, TypeObject>>,
    meta: Bound<'py, TypeObject>,
    mixins: Rc<RefCell<HashMap<String, Py<TypeObject>>>>,
    next_name: usize,
}

impl<'py> World<'py> {
    fn new(py: Python<'py>) -> World<'py> {
        let mixins: Rc<RefCell<HashMap<String, Py<TypeObject>>>> = Rc::default();
        let m = mixins.clone();
        let meta = meta_with_mro(py);
        // `[cls, mixin] + C3(cls)[1:]` for classes with a mixin (the plain C3 when the
        // mixin is already in it), else the C3.
        set_mro_body(Box::new(move |py, cls| {
            let c3 = c3_list(py, cls)?;
            let name = pyrt::names::name(py, cls);
            let Some(mixin) = m.borrow().get(&name).map(|p| p.bind(py).clone()) else {
                return Ok(c3);
            };
            let list = c3
                .downcast::<pyrt::builtins::ListObject>()
                .unwrap()
                .to_vec(py);
            if list.iter().any(|t| t.is(&mixin)) {
                return Ok(c3);
            }
            let mut items = vec![list[0].clone(), mixin.into_any()];
            items.extend(list[1..].iter().cloned());
            Ok(pyrt::builtins::list_new(py, &items)?.into_any())
        }));
        World {
            py,
            classes: Vec::new(),
            meta,
            mixins,
            next_name: 0,
        }
    }

    fn pick(&self, i: usize) -> Option<&Bound<'py, TypeObject>> {
        (!self.classes.is_empty()).then(|| &self.classes[i % self.classes.len()])
    }

    fn picks(&self, picks: &[usize]) -> Vec<Bound<'py, TypeObject>> {
        let mut out: Vec<Bound<'py, TypeObject>> = Vec::new();
        for &p in picks {
            if let Some(c) = self.pick(p)
                && !out.iter().any(|o| o.is(c))
            {
                out.push(c.clone());
            }
        }
        out
    }

    fn key(&self, name: usize) -> Bound<'py, PyAny> {
        pyrt::builtins::intern(self.py, NAMES[name])
            .unwrap()
            .into_any()
    }

    fn apply(&mut self, op: &Op, tally: &Tally) -> Result<(), TestCaseError> {
        let py = self.py;
        match op {
            Op::AddClass { picks, mixin } => {
                let bases = self.picks(picks);
                let name = format!("K{}", self.next_name);
                self.next_name += 1;
                let mixin = mixin.and_then(|m| self.pick(m).cloned());
                if let Some(m) = &mixin {
                    self.mixins.borrow_mut().insert(name.clone(), keep(m));
                }
                let custom = mixin.is_some()
                    || bases
                        .iter()
                        .any(|b| b.as_any().ob_type().is_subtype(&self.meta));
                let meta = if custom { Some(&*self.meta) } else { None };
                let refs: Vec<&Bound<'py, TypeObject>> = bases.iter().collect();
                if let Ok(c) = class_with(py, meta, &name, &refs, &[]) {
                    if mixin.is_some() {
                        bump(&tally.custom_classes);
                    }
                    self.classes.push(c);
                }
            }
            Op::Set { class, name, value } => {
                if let Some(c) = self.pick(*class) {
                    attr::setattr(py, c.as_any(), &self.key(*name), Some(&int(py, *value)))
                        .unwrap();
                }
            }
            Op::Del { class, name } => {
                if let Some(c) = self.pick(*class) {
                    let _ = attr::setattr(py, c.as_any(), &self.key(*name), None);
                }
            }
            Op::DirectSet { class, name, value } => {
                if let Some(c) = self.pick(*class) {
                    let d = c.tp_dict.get(py).unwrap();
                    d.set_item(py, &self.key(*name), &int(py, *value)).unwrap();
                }
            }
            Op::DirectDel { class, name } => {
                if let Some(c) = self.pick(*class) {
                    let d = c.tp_dict.get(py).unwrap();
                    d.del_item(py, &self.key(*name)).unwrap();
                }
            }
            Op::SetBases { class, picks } => {
                let Some(c) = self.pick(*class).cloned() else {
                    return Ok(());
                };
                let new = self.picks(picks);
                let (old_bases, old_mro) = (bases(py, &c), mro(py, &c));
                let items: Vec<Bound<'py, PyAny>> = new.into_iter().map(Bound::into_any).collect();
                match pyrt::type_mutation::set_bases(py, &c, Some(&tuple(py, &items))) {
                    Ok(()) => bump(&tally.bases_ok),
                    Err(_) => {
                        bump(&tally.bases_refused);
                        prop_assert_eq!(bases(py, &c), old_bases);
                        prop_assert_eq!(mro(py, &c), old_mro);
                    }
                }
            }
            Op::Modified { class } => {
                if let Some(c) = self.pick(*class) {
                    pyrt::type_modified(py, c);
                }
            }
            Op::ClearCache => {
                method_cache::clear_cache(py);
            }
            Op::Drop { class } => {
                if !self.classes.is_empty() {
                    let i = class % self.classes.len();
                    drop(self.classes.remove(i));
                    pyrt::gc::collect(py, 2);
                }
            }
        }
        Ok(())
    }

    /// For every live class and name: cached (fill, then hit) == uncached.
    fn check(&self, step: &str, tally: &Tally) -> Result<(), TestCaseError> {
        let py = self.py;
        for c in &self.classes {
            for n in NAMES {
                let key = pyrt::builtins::intern(py, n).unwrap();
                let walked = attr::type_lookup_uncached(py, c, &key);
                for round in ["first", "second"] {
                    let got = lookup(py, c, &key);
                    prop_assert_eq!(
                        got,
                        walked,
                        "{} lookup of {}.{} after {}; MRO {}",
                        round,
                        pyrt::names::name(py, c),
                        n,
                        step,
                        mro(py, c)
                    );
                }
                bump(&tally.checks);
            }
        }
        Ok(())
    }
}

fn run(py: Python<'_>, start: &[Op], ops: &[Op], tally: &Tally) -> Result<(), TestCaseError> {
    let mut world = World::new(py);
    for (i, op) in start.iter().chain(ops).enumerate() {
        world.apply(op, tally)?;
        world.check(&format!("step {i}: {op:?}"), tally)?;
    }
    Ok(())
}

#[test]
fn cached_lookups_equal_the_mro_walk_after_every_mutation() {
    let tally = Tally::default();
    // Hits are counted on request; no test in this binary turns counting off.
    pyrt::Runtime::with(|py| method_cache::set_hit_counting(py, true));
    let before = pyrt::Runtime::with(method_cache::stats);
    let n = scale::cases(192);
    let mut runner = TestRunner::new(Config::with_cases(n));
    let result = runner.run(&scenario(), |(start, ops)| {
        checked(|py| run(py, &start, &ops, &tally))
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    let after = pyrt::Runtime::with(method_cache::stats);
    let (ok, refused, custom) = (
        tally.bases_ok.get(),
        tally.bases_refused.get(),
        tally.custom_classes.get(),
    );
    assert!(
        ok >= scale::threshold(100, n, 192)
            && refused >= scale::threshold(100, n, 192)
            && custom >= scale::threshold(50, n, 192),
        "the generator should reach every path: {ok} bases assignments, {refused} refused, {custom} custom-MRO classes"
    );
    assert!(
        after.hits - before.hits >= tally.checks.get() as u64 / 2,
        "checks hit the cache"
    );
    assert!(
        after.flushes > before.flushes,
        "direct dict changes empty the cache"
    );
}
