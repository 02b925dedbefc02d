//! Property tests of the C3 MRO: random class hierarchies (up to 12 classes, each
//! with up to 4 distinct bases among the earlier classes) are created in order with
//! pyrt. Every created class's MRO must start with the class, end with `object`,
//! hold each ancestor exactly once, keep each class's bases in declared order and
//! contain each base's MRO as a subsequence; pyrt must also agree with a reference C3
//! written here over class indices: a creation fails (with CPython's "Cannot create a
//! consistent method resolution" `TypeError`) exactly when the reference merge fails,
//! and otherwise gives the reference's order.

mod common;
mod scale;

use common::{describe_err, mro_names};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use pyrt::{Bound, Python, TypeObject, new_class};
use std::cell::Cell;
use std::collections::BTreeSet;

/// The reference's stand-in for `object` (classes are numbered from 0).
const OBJECT: usize = usize::MAX;

const MAX_CLASSES: usize = 12;
const MAX_BASES: usize = 4;

/// Raw draws: per class, up to [`MAX_BASES`] picks. Pick `p` of class `i` selects the
/// `p % k`-th of the `k` earlier classes that were created (so a base is never a class
/// whose creation failed); repeated selections are dropped, keeping bases distinct.
fn draws() -> impl Strategy<Value = Vec<Vec<usize>>> {
    prop::collection::vec(
        prop::collection::vec(0..MAX_CLASSES, 0..=MAX_BASES),
        1..=MAX_CLASSES,
    )
}

/// The distinct bases that class picks select among the created classes.
fn bases_from(picks: &[usize], created: &[usize]) -> Vec<usize> {
    let mut bases = Vec::new();
    if created.is_empty() {
        return bases;
    }
    for p in picks {
        let b = created[p % created.len()];
        if !bases.contains(&b) {
            bases.push(b);
        }
    }
    bases
}

/// Reference C3: `[class] + merge(mro(b) for b in bases, bases)`, where the merge
/// repeatedly takes the first head (in list order) that is in no list's tail. `None`
/// when no head qualifies. No bases means the single base `object`.
fn reference_c3(class: usize, bases: &[usize], mros: &[Option<Vec<usize>>]) -> Option<Vec<usize>> {
    let mut out = vec![class];
    if bases.is_empty() {
        out.push(OBJECT);
        return Some(out);
    }
    let mut seqs: Vec<Vec<usize>> = bases
        .iter()
        .map(|&b| mros[b].clone().expect("bases are created classes"))
        .collect();
    seqs.push(bases.to_vec());
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Some(out);
        }
        let head = seqs
            .iter()
            .map(|s| s[0])
            .find(|h| seqs.iter().all(|s| !s[1..].contains(h)))?;
        out.push(head);
        for s in &mut seqs {
            if s[0] == head {
                s.remove(0);
            }
        }
    }
}

/// The strict ancestors of `class` in the generated hierarchy, plus `object`.
fn ancestors(class: usize, bases_of: &[Vec<usize>]) -> BTreeSet<usize> {
    let mut seen = BTreeSet::from([OBJECT]);
    let mut stack = bases_of[class].clone();
    while let Some(b) = stack.pop() {
        if seen.insert(b) {
            stack.extend(bases_of[b].iter().copied());
        }
    }
    seen
}

fn class_name(i: usize) -> String {
    if i == OBJECT {
        "object".to_owned()
    } else {
        format!("C{i}")
    }
}

/// An MRO as names, for messages.
fn show(mro: &[usize]) -> String {
    let names: Vec<String> = mro.iter().map(|&c| class_name(c)).collect();
    format!("[{}]", names.join(", "))
}

/// pyrt's MRO of a class as reference indices (names are `C<i>` and `object`).
fn mro_indices(py: Python<'_>, tp: &TypeObject) -> Vec<usize> {
    mro_names(py, tp)
        .iter()
        .map(|n| match n.as_str() {
            "object" => OBJECT,
            _ => n[1..].parse().expect("class names are C<i>"),
        })
        .collect()
}

fn is_subsequence(sub: &[usize], of: &[usize]) -> bool {
    let mut it = of.iter();
    sub.iter().all(|x| it.any(|y| y == x))
}

/// How many creations each run exercised, to check the generator reaches both paths.
#[derive(Default)]
struct Tally {
    created: Cell<usize>,
    inconsistent: Cell<usize>,
}

/// Creates the hierarchy class by class, checking each outcome.
fn check(py: Python<'_>, draws: &[Vec<usize>], tally: &Tally) -> Result<(), TestCaseError> {
    let mut types: Vec<Option<Bound<'_, TypeObject>>> = Vec::new();
    let mut bases_of: Vec<Vec<usize>> = Vec::new();
    let mut mros: Vec<Option<Vec<usize>>> = Vec::new();
    let mut created: Vec<usize> = Vec::new();
    for (i, picks) in draws.iter().enumerate() {
        let bases = bases_from(picks, &created);
        let handles: Vec<Bound<'_, TypeObject>> = bases
            .iter()
            .map(|&b| types[b].clone().expect("bases are created classes"))
            .collect();
        let reference = reference_c3(i, &bases, &mros);
        let result = new_class(py, &class_name(i), &handles, None);
        bases_of.push(bases.clone());
        let ctx = || format!("class C{i} with bases {bases:?}; hierarchy so far {bases_of:?}");
        match result {
            Ok(tp) => {
                let mro = mro_indices(py, &tp);
                let reference = reference.ok_or_else(|| {
                    TestCaseError::fail(format!(
                        "pyrt created {} with MRO {}, reference C3 fails",
                        ctx(),
                        show(&mro)
                    ))
                })?;
                prop_assert_eq!(
                    mro.first(),
                    Some(&i),
                    "MRO starts with the class: {}",
                    ctx()
                );
                prop_assert_eq!(mro.last(), Some(&OBJECT), "MRO ends with object: {}", ctx());
                let mut expected_members = ancestors(i, &bases_of);
                expected_members.insert(i);
                let members: BTreeSet<usize> = mro.iter().copied().collect();
                prop_assert_eq!(
                    members.len(),
                    mro.len(),
                    "MRO has no repeats: {}, {}",
                    show(&mro),
                    ctx()
                );
                prop_assert_eq!(
                    show(&Vec::from_iter(members)),
                    show(&Vec::from_iter(expected_members)),
                    "MRO = class + ancestors: {}",
                    ctx()
                );
                let positions: Vec<usize> = bases
                    .iter()
                    .map(|b| mro.iter().position(|x| x == b).unwrap())
                    .collect();
                prop_assert!(
                    positions.windows(2).all(|w| w[0] < w[1]),
                    "local precedence order broken in {}: {}",
                    show(&mro),
                    ctx()
                );
                for &b in &bases {
                    let base_mro = mros[b].as_ref().unwrap();
                    prop_assert!(
                        is_subsequence(base_mro, &mro),
                        "not monotonic: MRO of C{} {} is not a subsequence of {}: {}",
                        b,
                        show(base_mro),
                        show(&mro),
                        ctx()
                    );
                }
                prop_assert_eq!(
                    show(&mro),
                    show(&reference),
                    "pyrt vs reference C3: {}",
                    ctx()
                );
                tally.created.set(tally.created.get() + 1);
                types.push(Some(tp));
                mros.push(Some(mro));
                created.push(i);
            }
            Err(e) => {
                let err = describe_err(py, &e);
                prop_assert!(
                    err.starts_with("TypeError: Cannot create a consistent method resolution"),
                    "unexpected error {:?}: {}",
                    err,
                    ctx()
                );
                if let Some(r) = reference {
                    return Err(TestCaseError::fail(format!(
                        "pyrt failed with {err:?}, reference C3 gives {}: {}",
                        show(&r),
                        ctx()
                    )));
                }
                tally.inconsistent.set(tally.inconsistent.get() + 1);
                types.push(None);
                mros.push(None);
            }
        }
    }
    Ok(())
}

#[test]
fn random_hierarchies_follow_c3() {
    let tally = Tally::default();
    let n = scale::cases(256);
    let mut runner = TestRunner::new(Config::with_cases(n));
    let result = runner.run(&draws(), |d| common::checked(|py| check(py, &d, &tally)));
    if let Err(e) = result {
        panic!("{e}");
    }
    let (created, inconsistent) = (tally.created.get(), tally.inconsistent.get());
    assert!(
        created >= scale::threshold(500, n, 256) && inconsistent >= scale::threshold(50, n, 256),
        "the generator should exercise both outcomes: {created} classes created, {inconsistent} inconsistent"
    );
}

/// The reference itself, on the Python 2.3 MRO write-up's
/// `K1, K2, K3, Z` hierarchy and on a classic inconsistency.
#[test]
fn reference_c3_matches_known_orders() {
    // O=object; A..E = 0..4; K1 = 5 (A B C), K2 = 6 (D B E), K3 = 7 (D A), Z = 8.
    let bases_of: Vec<Vec<usize>> = vec![
        vec![],
        vec![],
        vec![],
        vec![],
        vec![],
        vec![0, 1, 2],
        vec![3, 1, 4],
        vec![3, 0],
        vec![5, 6, 7],
    ];
    let mut mros: Vec<Option<Vec<usize>>> = Vec::new();
    for (i, bases) in bases_of.iter().enumerate() {
        mros.push(reference_c3(i, bases, &mros));
    }
    assert_eq!(
        mros[8].as_deref(),
        Some(&[8, 5, 6, 7, 3, 0, 1, 2, 4, OBJECT][..])
    );
    // A; B(A); X(A, B) is inconsistent.
    let mros = vec![Some(vec![0, OBJECT]), Some(vec![1, 0, OBJECT])];
    assert_eq!(reference_c3(2, &[0, 1], &mros), None);
}
