//! C3 linearisation (`mro_implementation`): the MRO of a type from its bases, with
//! CPython 3.11's errors for duplicate bases, incomplete bases and inconsistent orders.
//!
//! Owns computing an MRO as a list. Must not install it (that is `type_ready::mro`) and
//! must not call user code.

use crate::names;
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
            check_duplicates(py, &bases)?;
            let mut seqs: SmallVec<[Vec<NonNull<TypeObject>>; 8]> =
                // SAFETY: as above.
                bases.iter().map(|b| mro_of(unsafe { b.as_ref() }).to_vec()).collect();
            seqs.push(bases.to_vec());
            merge(py, seqs, &mut out)?;
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

/// A ready type's MRO as type pointers.
pub fn mro_of(tp: &TypeObject) -> &[NonNull<TypeObject>] {
    // SAFETY: the MRO tuple is owned by tp and holds types; the slice is used while tp's
    // MRO is not replaced (callers do not run user code while holding it).
    match unsafe { tp.tp_mro.get_ref() } {
        Some(t) => as_types(t),
        None => &[],
    }
}

/// A tuple of types viewed as type pointers.
pub fn as_types(t: &TupleObject) -> &[NonNull<TypeObject>] {
    let items = t.items_raw();
    // SAFETY: NonNull<PyAny> and NonNull<TypeObject> have the same representation; the
    // caller knows the tuple holds types.
    unsafe { std::slice::from_raw_parts(items.as_ptr() as *const NonNull<TypeObject>, items.len()) }
}

/// "duplicate base class X" for the first base (in declared order) that appears again
/// later (by identity).
fn check_duplicates(py: Python<'_>, bases: &[NonNull<TypeObject>]) -> PyResult<()> {
    for (i, b) in bases.iter().enumerate() {
        if bases[i + 1..].contains(b) {
            // SAFETY: bases are alive (owned by the tuple).
            let name = names::name(py, unsafe { b.as_ref() });
            return Err(PyErr::type_error(
                py,
                format!("duplicate base class {name}"),
            ));
        }
    }
    Ok(())
}

/// The C3 merge: repeatedly take the head of the first list whose head appears in no
/// list's tail; pop it everywhere; restart from the first list.
fn merge(
    py: Python<'_>,
    seqs: SmallVec<[Vec<NonNull<TypeObject>>; 8]>,
    out: &mut MroList,
) -> PyResult<()> {
    let mut pos: SmallVec<[usize; 8]> = SmallVec::from_elem(0, seqs.len());
    loop {
        let mut progressed = false;
        let mut all_done = true;
        for i in 0..seqs.len() {
            let Some(&candidate) = seqs[i].get(pos[i]) else {
                continue;
            };
            all_done = false;
            let in_a_tail = seqs
                .iter()
                .zip(&pos)
                .any(|(s, &p)| s.get(p + 1..).is_some_and(|t| t.contains(&candidate)));
            if in_a_tail {
                continue;
            }
            out.push(candidate);
            for (s, p) in seqs.iter().zip(pos.iter_mut()) {
                if s.get(*p) == Some(&candidate) {
                    *p += 1;
                }
            }
            progressed = true;
            break;
        }
        if all_done {
            return Ok(());
        }
        if !progressed {
            return Err(inconsistent(py, &seqs, &pos));
        }
    }
}

/// CPython 3.11's message: the distinct heads of the unfinished lists, in list order.
fn inconsistent(py: Python<'_>, seqs: &[Vec<NonNull<TypeObject>>], pos: &[usize]) -> PyErr {
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
