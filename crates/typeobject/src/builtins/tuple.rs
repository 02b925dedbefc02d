//! The slots of `tuple`: repr (with the recursion guard), CPython 3.11's xxHash-based
//! hash, lexicographic comparison, the sequence and mapping slots, and `tuple(x)`.
//!
//! Owns: `tuple`'s behaviour slots, its sequence and mapping tables, and its
//! `BASETYPE`/`SEQUENCE`/`MATCH_SELF` flags. Must not: mutate a tuple that is visible
//! to anyone (only fresh subclass instances are filled). Not provided yet: slicing,
//! iteration.

use crate::builtins::args::{Kwargs, at_most, no_keywords};
use crate::builtins::call::{collect_iterable, is_exact, new_str, not_implemented};
use crate::builtins::sequence::{
    compare_items, contains_item, normalize, repeated_len, repr_items, subscript_index,
};
use crate::builtins::{use_mapping_table, use_sequence_table};
use pyrt_core::builtins::{TupleObject, tuple_new};
use pyrt_core::protocol::hash;
use pyrt_core::types::{CompareOp, TypeFlags, TypeObject};
use pyrt_core::{Bound, PyErr, PyResult, Python};

/// Stores `tuple`'s slots.
pub(crate) fn install(tp: &TypeObject) {
    tp.tp_repr.set(Some(tuple_repr));
    tp.tp_hash.set(Some(tuple_hash));
    tp.tp_richcompare.set(Some(tuple_richcompare));
    tp.tp_new.set(Some(tuple_new_slot));
    use_sequence_table(tp);
    let s = &tp.as_sequence;
    s.sq_length.set(Some(tuple_len));
    s.sq_concat.set(Some(tuple_concat));
    s.sq_repeat.set(Some(tuple_repeat));
    s.sq_item.set(Some(tuple_item));
    s.sq_contains.set(Some(tuple_contains));
    use_mapping_table(tp);
    tp.as_mapping.mp_length.set(Some(tuple_len));
    tp.as_mapping.mp_subscript.set(Some(tuple_subscript));
    // SAFETY: behaviour flags (subclassing, pattern matching); no layout depends on them.
    unsafe {
        tp.add_flags(TypeFlags::BASETYPE | TypeFlags::SEQUENCE | TypeFlags::MATCH_SELF);
    }
}

/// The items of a tuple (or subclass instance); empty for anything else.
fn items<'a, 'py>(py: Python<'py>, obj: &'a Bound<'py>) -> &'a [Bound<'py>] {
    obj.downcast::<TupleObject>().map_or(&[], |t| t.items(py))
}

fn tuple_repr<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    let it = items(py, obj);
    let close = if it.len() == 1 { ",)" } else { ")" };
    let addr = obj.as_any_ref().addr();
    new_str(py, &repr_items(py, addr, it, ("(", close, "(...)"))?)
}

// xxHash64's primes, and the length salt CPython 3.11 adds (recorded from `hash(())`
// by tests/fixtures/record_builtins.py).
const XXPRIME_1: u64 = 11400714785074694791;
const XXPRIME_2: u64 = 14029467366897019727;
const XXPRIME_5: u64 = 2870177450012600261;
const LENGTH_SALT: u64 = 3527539;
/// What CPython 3.11 returns instead of -1 (not reachable with realistic inputs).
const MINUS_ONE_REPLACEMENT: isize = 1546275796;

/// `hash(tuple)`: each item's hash is mixed in as an xxHash64 lane.
fn tuple_hash(py: Python<'_>, obj: &Bound<'_>) -> PyResult<isize> {
    let it = items(py, obj);
    let mut acc = XXPRIME_5;
    for item in it {
        let lane = hash(py, item)? as u64;
        acc = acc.wrapping_add(lane.wrapping_mul(XXPRIME_2));
        acc = acc.rotate_left(31).wrapping_mul(XXPRIME_1);
    }
    acc = acc.wrapping_add(it.len() as u64 ^ (XXPRIME_5 ^ LENGTH_SALT));
    Ok(match acc as isize {
        -1 => MINUS_ONE_REPLACEMENT,
        h => h,
    })
}

fn tuple_richcompare<'py>(
    py: Python<'py>,
    a: &Bound<'py>,
    b: &Bound<'py>,
    op: CompareOp,
) -> PyResult<Bound<'py>> {
    match (a.downcast::<TupleObject>(), b.downcast::<TupleObject>()) {
        (Ok(x), Ok(y)) => compare_items(py, x.items(py), y.items(py), op),
        _ => Ok(not_implemented(py)),
    }
}

fn tuple_len(py: Python<'_>, obj: &Bound<'_>) -> PyResult<isize> {
    Ok(items(py, obj).len() as isize)
}

fn tuple_concat<'py>(py: Python<'py>, a: &Bound<'py>, b: &Bound<'py>) -> PyResult<Bound<'py>> {
    let Ok(y) = b.downcast::<TupleObject>() else {
        return Err(PyErr::type_error(
            py,
            format!(
                "can only concatenate tuple (not \"{}\") to tuple",
                b.type_name()
            ),
        ));
    };
    let all: Vec<Bound<'py>> = items(py, a).iter().chain(y.items(py)).cloned().collect();
    Ok(tuple_new(py, &all)?.into_any())
}

fn tuple_repeat<'py>(py: Python<'py>, obj: &Bound<'py>, n: isize) -> PyResult<Bound<'py>> {
    if n == 1 && is_exact(py, obj, py.builtins().tuple()) {
        return Ok(obj.clone());
    }
    let it = items(py, obj);
    let total = repeated_len(it.len(), n).ok_or_else(|| PyErr::memory_error(py))?;
    let mut all = Vec::new();
    all.try_reserve_exact(total)
        .map_err(|_| PyErr::memory_error(py))?;
    for _ in 0..n.max(0) {
        all.extend(it.iter().cloned());
    }
    Ok(tuple_new(py, &all)?.into_any())
}

fn item_at<'py>(py: Python<'py>, obj: &Bound<'py>, i: Option<usize>) -> PyResult<Bound<'py>> {
    match i.and_then(|i| items(py, obj).get(i)) {
        Some(x) => Ok(x.clone()),
        None => Err(PyErr::index_error(py, "tuple index out of range")),
    }
}

fn tuple_item<'py>(py: Python<'py>, obj: &Bound<'py>, i: isize) -> PyResult<Bound<'py>> {
    item_at(py, obj, usize::try_from(i).ok())
}

fn tuple_subscript<'py>(
    py: Python<'py>,
    obj: &Bound<'py>,
    key: &Bound<'py>,
) -> PyResult<Bound<'py>> {
    let i = subscript_index(py, key, "tuple")?;
    item_at(py, obj, normalize(i, items(py, obj).len()))
}

fn tuple_contains(py: Python<'_>, obj: &Bound<'_>, x: &Bound<'_>) -> PyResult<bool> {
    contains_item(py, items(py, obj), x)
}

/// `tuple([iterable])`: the argument itself for an exact `tuple` argument and type.
fn tuple_new_slot<'py>(
    py: Python<'py>,
    tp: &Bound<'py, TypeObject>,
    args: &Bound<'py, TupleObject>,
    kwargs: Kwargs<'_, 'py>,
) -> PyResult<Bound<'py>> {
    no_keywords(py, "tuple", kwargs)?;
    at_most(py, "tuple", args, 1)?;
    let exact = std::ptr::eq(&**tp, py.builtins().tuple());
    let all = match args.items(py).first() {
        Some(x) if exact && is_exact(py, x, py.builtins().tuple()) => return Ok(x.clone()),
        Some(x) => collect_iterable(py, x)?,
        None => Vec::new(),
    };
    if exact {
        return Ok(tuple_new(py, &all)?.into_any());
    }
    new_subclass_instance(py, tp, &all)
}

/// A fresh instance of the `tuple` subclass `tp` holding `all`.
///
/// The items are written where `TupleObject::items` reads them, right after the
/// `TupleObject` struct; this requires the subclass to keep `tuple`'s layout exactly
/// (same basic size, item size 8), which is checked. pyrt-core has no constructor for
/// subclass instances yet.
fn new_subclass_instance<'py>(
    py: Python<'py>,
    tp: &TypeObject,
    all: &[Bound<'py>],
) -> PyResult<Bound<'py>> {
    Ok(pyrt_core::builtins::tuple_alloc(py, tp, all)?.into_any())
}
