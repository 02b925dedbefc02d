//! C3 linearisation (`mro_implementation`): the MRO of a type from its bases, with
//! CPython 3.11's errors for duplicate bases, incomplete bases and inconsistent orders.
//!
//! Owns computing an MRO as a list. Must not install it (that is `type_ready::mro`) and
//! must not call user code.

use crate::names;
use hashbrown::HashMap;
use pyrt_core::builtins::TupleObject;
use pyrt_core::{PyErr, PyResult, Python, TypeObject};
use smallvec::SmallVec;
use std::ptr::NonNull;

/// An MRO under construction: type pointers, borrowed from the bases' MROs.
pub type MroList = SmallVec<[NonNull<TypeObject>; 8]>;

/// Longest message CPython builds for an inconsistent MRO (its buffer size).
const MAX_MESSAGE: usize = 1000;

/// The C3 linearisation of `tp`'s `tp_bases` (which must be set), `tp` first.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let a = pyrt_typeobject::new_class(py, "A", &[], None).unwrap();
///     let b = pyrt_typeobject::new_class(py, "B", &[a.clone()], None).unwrap();
///     let mro = pyrt_typeobject::mro::compute(py, &b).unwrap();
///     assert_eq!(mro.len(), 3); // B, A, object
/// });
/// ```
pub fn compute(py: Python<'_>, tp: &TypeObject) -> PyResult<MroList> {
    let bases = bases_of(tp);
    let mut out = MroList::new();
    out.push(NonNull::from(tp));
    for b in &bases {
        // SAFETY: bases are kept alive by tp's tp_bases tuple.
        if unsafe { b.as_ref() }.tp_mro.is_none() {
            let name = names::name(py, unsafe { b.as_ref() });
            return Err(PyErr::type_error(
                py,
                format!("Cannot extend an incomplete type '{name:.100}'"),
            ));
        }
    }
    match bases.as_slice() {
        [] => Ok(out),
        [single] => {
            // SAFETY: as above.
            out.extend(mro_of(unsafe { single.as_ref() }).iter().copied());
            Ok(out)
        }
        _ => {
            let mut seqs: SmallVec<[&[NonNull<TypeObject>]; 8]> =
                // SAFETY: as above; the bases' MRO tuples outlive this call.
                bases.iter().map(|b| mro_of(unsafe { b.as_ref() })).collect();
            seqs.push(bases.as_slice());
            let total: usize = seqs.iter().map(|s| s.len()).sum();
            if total <= SMALL_MERGE {
                merge_small(py, &seqs, &mut out)?;
            } else {
                merge(py, &seqs, &mut out)?;
            }
            Ok(out)
        }
    }
}

/// The bases as type pointers.
fn bases_of(tp: &TypeObject) -> MroList {
    // SAFETY: read-only use of the bases tuple owned by tp.
    match unsafe { tp.tp_bases.get_ref() } {
        Some(t) => t.items_raw().iter().map(|p| p.cast()).collect(),
        None => MroList::new(),
    }
}

/// A ready type's MRO as type pointers (empty if the type has no MRO yet).
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let mro = pyrt_typeobject::mro::mro_of(py.builtins().bool_());
///     let names: Vec<String> = mro
///         .iter()
///         // SAFETY: the MRO of a builtin type holds live (static) types.
///         .map(|t| pyrt_typeobject::names::tp_name(unsafe { t.as_ref() }))
///         .collect();
///     assert_eq!(names, ["bool", "int", "object"]);
/// });
/// ```
pub fn mro_of(tp: &TypeObject) -> &[NonNull<TypeObject>] {
    // SAFETY: the MRO tuple is owned by tp and holds types; the slice is used while tp's
    // MRO is not replaced (callers do not run user code while holding it).
    match unsafe { tp.tp_mro.get_ref() } {
        Some(t) => as_types(t),
        None => &[],
    }
}

/// A tuple of types viewed as type pointers.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let a = pyrt_typeobject::new_class(py, "A", &[], None).unwrap();
///     let bases = pyrt_typeobject::spec::bases_tuple(py, &a).unwrap();
///     let types = pyrt_typeobject::mro::as_types(&bases);
///     assert_eq!(types.len(), 1);
///     assert!(std::ptr::eq(types[0].as_ptr(), py.builtins().object()));
/// });
/// ```
pub fn as_types(t: &TupleObject) -> &[NonNull<TypeObject>] {
    let items = t.items_raw();
    // SAFETY: NonNull<PyAny> and NonNull<TypeObject> have the same representation; the
    // caller knows the tuple holds types.
    unsafe { std::slice::from_raw_parts(items.as_ptr() as *const NonNull<TypeObject>, items.len()) }
}

/// Type pointers viewed as borrowed object handles (no reference taken), e.g. to build
/// a tuple of them with `tuple_new`, which takes its own references.
///
/// # Safety
/// Every pointer is a live type for as long as the returned slice is used.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let a = pyrt_typeobject::new_class(py, "A", &[], None).unwrap();
///     let mro = pyrt_typeobject::mro::mro_of(&a);
///     // SAFETY: the MRO tuple keeps its types alive while `a` lives.
///     let h = unsafe { pyrt_typeobject::mro::as_handles(py, mro) };
///     assert!(h[0].is(a.as_any()));
/// });
/// ```
pub unsafe fn as_handles<'a, 'py>(
    _py: Python<'py>,
    types: &'a [NonNull<TypeObject>],
) -> &'a [pyrt_core::Bound<'py, pyrt_core::PyAny>] {
    // SAFETY: `Bound` is `repr(transparent)` over a `NonNull`, the same for every layout;
    // a shared slice of handles never drops them; liveness is the caller's contract.
    unsafe { std::slice::from_raw_parts(types.as_ptr().cast(), types.len()) }
}

/// "duplicate base class X" for the first base (in declared order) that appears again
/// later (by identity); `bases` are the bases' dense indices into `types`.
fn check_duplicates(py: Python<'_>, types: &[NonNull<TypeObject>], bases: &[u32]) -> PyResult<()> {
    let mut seen = vec![0u32; types.len()];
    for &b in bases {
        seen[b as usize] += 1;
    }
    if let Some(&dup) = bases.iter().find(|&&b| seen[b as usize] > 1) {
        // SAFETY: bases are alive (owned by the type's bases tuple).
        let name = names::name(py, unsafe { types[dup as usize].as_ref() });
        return Err(PyErr::type_error(
            py,
            format!("duplicate base class {name}"),
        ));
    }
    Ok(())
}

/// Up to this many entries in all the lists together, the C3 merge is done the direct
/// way ([`merge_small`]): no allocation beats the linear algorithm's bookkeeping.
const SMALL_MERGE: usize = 32;

/// The C3 merge for short lists, as the definition says: repeatedly take the head of
/// the first list whose head appears in no list's tail, pop it everywhere. Quadratic,
/// allocation-free; the same result and errors as [`merge`].
fn merge_small(py: Python<'_>, seqs: &[&[NonNull<TypeObject>]], out: &mut MroList) -> PyResult<()> {
    let bases = seqs[seqs.len() - 1];
    if let Some(dup) = bases
        .iter()
        .find(|b| bases.iter().filter(|c| c == b).count() > 1)
    {
        // SAFETY: bases are alive (owned by the type's bases tuple).
        let name = names::name(py, unsafe { dup.as_ref() });
        return Err(PyErr::type_error(
            py,
            format!("duplicate base class {name}"),
        ));
    }
    let mut pos: SmallVec<[usize; 8]> = SmallVec::from_elem(0, seqs.len());
    let in_a_tail = |pos: &[usize], t: NonNull<TypeObject>| {
        seqs.iter()
            .zip(pos)
            .any(|(s, &p)| s.get(p + 1..).is_some_and(|tail| tail.contains(&t)))
    };
    loop {
        let mut unfinished = false;
        let mut picked = None;
        for (s, &p) in seqs.iter().zip(&pos) {
            let Some(&head) = s.get(p) else {
                continue;
            };
            unfinished = true;
            if !in_a_tail(&pos, head) {
                picked = Some(head);
                break;
            }
        }
        if !unfinished {
            return Ok(());
        }
        let Some(c) = picked else {
            return Err(inconsistent(py, seqs, &pos));
        };
        out.push(c);
        for (s, p) in seqs.iter().zip(pos.iter_mut()) {
            if s.get(*p) == Some(&c) {
                *p += 1;
            }
        }
    }
}

/// The C3 merge: repeatedly take the head of the first list whose head appears in no
/// list's tail; pop it everywhere; restart from the first list.
///
/// Done in time linear in the total length of the lists: each distinct type gets a dense
/// index; a count per type says in how many tails it appears; each list waits on its
/// current head (an intrusive list per type), and the lists whose head appears in no tail
/// form a bitset — its lowest bit is "the first list whose head is good".
fn merge(py: Python<'_>, seqs: &[&[NonNull<TypeObject>]], out: &mut MroList) -> PyResult<()> {
    const NONE: u32 = u32::MAX;
    let total: usize = seqs.iter().map(|s| s.len()).sum();
    let mut index: HashMap<NonNull<TypeObject>, u32> = HashMap::with_capacity(total);
    let mut types: Vec<NonNull<TypeObject>> = Vec::with_capacity(total);
    let mut in_tails: Vec<u32> = Vec::with_capacity(total);
    // The lists flattened: list l is items[start[l]..start[l + 1]].
    let mut items: Vec<u32> = Vec::with_capacity(total);
    let mut start: Vec<usize> = Vec::with_capacity(seqs.len() + 1);
    for s in seqs {
        start.push(items.len());
        for (k, t) in s.iter().enumerate() {
            let i = *index.entry(*t).or_insert_with(|| {
                types.push(*t);
                in_tails.push(0);
                (types.len() - 1) as u32
            });
            if k > 0 {
                in_tails[i as usize] += 1;
            }
            items.push(i);
        }
    }
    start.push(items.len());
    check_duplicates(py, &types, &items[start[seqs.len() - 1]..])?;
    out.reserve(types.len());
    let n = seqs.len();
    let mut pos: Vec<usize> = start[..n].to_vec();
    let mut waiting: Vec<u32> = vec![NONE; types.len()];
    let mut next_waiting: Vec<u32> = vec![NONE; n];
    let mut ready: Vec<u64> = vec![0; n.div_ceil(64)];
    let set_ready = |ready: &mut Vec<u64>, l: usize| ready[l / 64] |= 1 << (l % 64);
    // Lists are linked in reverse so each type's chain ends up in list order.
    for l in (0..n).rev() {
        if pos[l] < start[l + 1] {
            let h = items[pos[l]] as usize;
            next_waiting[l] = waiting[h];
            waiting[h] = l as u32;
            if in_tails[h] == 0 {
                set_ready(&mut ready, l);
            }
        }
    }
    let mut remaining = n - (0..n).filter(|&l| pos[l] == start[l + 1]).count();
    while remaining > 0 {
        let Some(first) = ready
            .iter()
            .enumerate()
            .find(|(_, w)| **w != 0)
            .map(|(i, w)| i * 64 + w.trailing_zeros() as usize)
        else {
            let heads: SmallVec<[usize; 8]> = (0..n).map(|l| pos[l] - start[l]).collect();
            return Err(inconsistent(py, seqs, &heads));
        };
        let candidate = items[pos[first]] as usize;
        out.push(types[candidate]);
        // Pop the candidate from every list it heads.
        let mut l = std::mem::replace(&mut waiting[candidate], NONE);
        while l != NONE {
            let li = l as usize;
            l = next_waiting[li];
            ready[li / 64] &= !(1 << (li % 64));
            pos[li] += 1;
            if pos[li] == start[li + 1] {
                remaining -= 1;
                continue;
            }
            // The new head leaves this list's tail and waits on its own chain.
            let h = items[pos[li]] as usize;
            in_tails[h] -= 1;
            next_waiting[li] = waiting[h];
            waiting[h] = li as u32;
            if in_tails[h] == 0 {
                let mut w = waiting[h];
                while w != NONE {
                    set_ready(&mut ready, w as usize);
                    w = next_waiting[w as usize];
                }
            }
        }
    }
    Ok(())
}

/// CPython 3.11's message: the distinct heads of the unfinished lists, in list order.
fn inconsistent(py: Python<'_>, seqs: &[&[NonNull<TypeObject>]], pos: &[usize]) -> PyErr {
    let mut heads: SmallVec<[NonNull<TypeObject>; 8]> = SmallVec::new();
    for (s, &p) in seqs.iter().zip(pos) {
        if let Some(&h) = s.get(p)
            && !heads.contains(&h)
        {
            heads.push(h);
        }
    }
    let mut msg =
        String::from("Cannot create a consistent method resolution\norder (MRO) for bases");
    for (i, h) in heads.iter().enumerate() {
        // SAFETY: heads come from live MROs.
        let name = names::name(py, unsafe { h.as_ref() });
        let piece = format!("{}{name}", if i == 0 { " " } else { ", " });
        if msg.len() + piece.len() > MAX_MESSAGE {
            break;
        }
        msg.push_str(&piece);
    }
    PyErr::type_error(py, msg)
}

#[cfg(test)]
mod tests {
    //! The direct merge and the linear merge must agree — same MRO or same error — on
    //! every input; random lists over a few real classes (so error messages can name
    //! them), including duplicates and inconsistent orders.

    use super::{MroList, NonNull, TypeObject, merge, merge_small};
    use crate::{Runtime, new_class};

    /// A small deterministic generator (xorshift), enough to vary the inputs.
    fn next(state: &mut u64) -> u64 {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        *state
    }

    #[test]
    fn small_and_linear_merges_agree() {
        Runtime::with(|py| {
            pyrt_core::gc::collect(py, 2);
            let before = py.live_objects();
            let classes: Vec<_> = (0..6)
                .map(|i| new_class(py, &format!("K{i}"), &[], None).expect("class"))
                .collect();
            let ptrs: Vec<NonNull<TypeObject>> =
                classes.iter().map(|c| NonNull::from(&**c)).collect();
            let mut state = 0x9e37_79b9_7f4a_7c15u64;
            let (mut oks, mut errs) = (0, 0);
            for _ in 0..3000 {
                let n_lists = 2 + (next(&mut state) % 4) as usize;
                // MRO lists never repeat a class; the last list (the bases) may, which
                // is the duplicate-base error.
                let lists: Vec<Vec<NonNull<TypeObject>>> = (0..n_lists)
                    .map(|l| {
                        let len = (next(&mut state) % 5) as usize;
                        let mut list: Vec<NonNull<TypeObject>> = Vec::new();
                        while list.len() < len {
                            let t = ptrs[(next(&mut state) % 6) as usize];
                            if l == n_lists - 1 || !list.contains(&t) {
                                list.push(t);
                            }
                        }
                        list
                    })
                    .collect();
                let seqs: Vec<&[NonNull<TypeObject>]> = lists.iter().map(Vec::as_slice).collect();
                let (mut a, mut b) = (MroList::new(), MroList::new());
                let ra = merge_small(py, &seqs, &mut a).map_err(|e| e.message(py));
                let rb = merge(py, &seqs, &mut b).map_err(|e| e.message(py));
                assert_eq!(ra, rb, "results differ for {lists:?}");
                if ra.is_ok() {
                    assert_eq!(a, b, "orders differ for {lists:?}");
                    oks += 1;
                } else {
                    errs += 1;
                }
            }
            assert!(
                oks > 100 && errs > 100,
                "both outcomes exercised ({oks}/{errs})"
            );
            drop(classes);
            pyrt_core::gc::collect(py, 2);
            assert_eq!(py.live_objects(), before, "objects leaked by the test");
        });
    }
}
