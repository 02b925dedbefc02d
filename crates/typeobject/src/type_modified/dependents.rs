//! MRO dependents: types whose MRO was given by a metaclass `mro()` and may contain
//! classes that are not their ancestors through `__bases__` (e.g. `[C, Mixin, object]`).
//! Such a type is registered as a dependent of every entry of its MRO, so that
//! `type_modified(Mixin)` reaches it although it is not in `Mixin`'s subclass list.
//!
//! Owns the registry (held weakly both ways: a type leaves it when its MRO is replaced
//! or dropped, and when it is freed). Must not invalidate anything itself.

use crate::locked::Locked;
use pyrt_core::TypeObject;
use smallvec::SmallVec;
use std::cell::RefCell;
use std::collections::HashMap;
use std::ptr::NonNull;

type Addr = usize;

#[derive(Default)]
struct Registry {
    /// MRO entry → the custom-MRO types that depend on it.
    dependents: HashMap<Addr, Vec<Addr>>,
    /// Custom-MRO type → the entries it is registered with (present, possibly empty,
    /// for every type whose current MRO came from a metaclass `mro()`).
    entries: HashMap<Addr, Vec<Addr>>,
}

static REGISTRY: Locked<RefCell<Option<Registry>>> = Locked::new(RefCell::new(None));

fn addr(t: &TypeObject) -> Addr {
    t as *const TypeObject as Addr
}

fn with<R>(py: pyrt_core::Python<'_>, f: impl FnOnce(&mut Registry) -> R) -> R {
    // Never borrowed across a call out of this module, so the borrow cannot conflict.
    let mut r = REGISTRY.get(py).borrow_mut();
    f(r.get_or_insert_with(Default::default))
}

/// Records that `tp`'s MRO (`mro`) came from a metaclass `mro()`: `tp` becomes a
/// dependent of every entry other than itself. Replaces any earlier registration.
pub(crate) fn register_custom(
    py: pyrt_core::Python<'_>,
    tp: &TypeObject,
    mro: &[NonNull<TypeObject>],
) {
    unregister(py, tp);
    let me = addr(tp);
    let entries: Vec<Addr> = mro
        .iter()
        .map(|e| e.as_ptr() as Addr)
        .filter(|&e| e != me)
        .collect();
    with(py, |r| {
        for &e in &entries {
            let list = r.dependents.entry(e).or_default();
            if !list.contains(&me) {
                list.push(me);
            }
        }
        r.entries.insert(me, entries);
    });
}

/// Removes `tp`'s registration (its MRO is being replaced or dropped, or it is freed).
pub(crate) fn unregister(py: pyrt_core::Python<'_>, tp: &TypeObject) {
    let me = addr(tp);
    with(py, |r| {
        if r.entries.is_empty() {
            return;
        }
        let Some(entries) = r.entries.remove(&me) else {
            return;
        };
        for e in entries {
            if let Some(list) = r.dependents.get_mut(&e) {
                list.retain(|&d| d != me);
                if list.is_empty() {
                    r.dependents.remove(&e);
                }
            }
        }
    });
}

/// Whether `tp`'s current MRO came from a metaclass `mro()`.
pub(crate) fn is_custom(py: pyrt_core::Python<'_>, tp: &TypeObject) -> bool {
    let me = addr(tp);
    with(py, |r| !r.entries.is_empty() && r.entries.contains_key(&me))
}

/// Appends the types registered as dependents of `tp` (live: each leaves when freed).
pub(crate) fn push_dependents_of(
    py: pyrt_core::Python<'_>,
    tp: &TypeObject,
    out: &mut SmallVec<[NonNull<TypeObject>; 8]>,
) {
    let me = addr(tp);
    with(py, |r| {
        if r.dependents.is_empty() {
            return;
        }
        if let Some(l) = r.dependents.get(&me) {
            // SAFETY: registered addresses are of live types (non-null).
            out.extend(
                l.iter()
                    .map(|&d| unsafe { NonNull::new_unchecked(d as *mut TypeObject) }),
            );
        }
    })
}

/// A type is being freed: it leaves the registry in both roles.
pub(crate) fn forget(py: pyrt_core::Python<'_>, tp: &TypeObject) {
    unregister(py, tp);
    let me = addr(tp);
    with(py, |r| {
        if r.dependents.is_empty() {
            return;
        }
        if let Some(deps) = r.dependents.remove(&me) {
            // Defensive: a dependent's MRO holds its entries, so this list is empty by now.
            for d in deps {
                if let Some(es) = r.entries.get_mut(&d) {
                    es.retain(|&e| e != me);
                }
            }
        }
    });
}
