//! The definition tables (`tp_methods`, `tp_getset`, the weaklist member) that native
//! types hand to the core: one process-wide copy of each distinct table.
//!
//! The core's type objects hold `&'static` definition tables, like CPython's static
//! `PyMethodDef` arrays. A native type's table is a function of its payload type's
//! trampolines and its attribute names, so it is kept here keyed by those contents and
//! shared by every later build that produces the same table: building a class again
//! (in the same or another runtime) allocates nothing new. The memory is bounded by the
//! number of distinct definitions in the program, as static arrays would be, and stays
//! reachable from this store (so leak checkers see no leak).
//!
//! Owns the store only; what goes in a table is `build.rs`'s business. Must not run user
//! code while holding the store's lock.

use crate::slots::trampolines::FastFn;
use hashbrown::HashMap;
use pyrt_core::types::{
    GetSetDef, Getter, MemberDef, MemberKind, MethodDef, MethodFlags, MethodFn, Setter,
};
use std::sync::{LazyLock, Mutex};

/// A method row's identity: name, doc, and the trampoline's address.
type MethodKey = (&'static str, Option<&'static str>, usize);
/// A getset row's identity: name and the getter's and setter's addresses.
type GetSetKey = (&'static str, Option<usize>, Option<usize>);

/// Every table handed out so far, by contents.
#[derive(Default)]
struct Store {
    methods: HashMap<Vec<MethodKey>, &'static [MethodDef]>,
    getsets: HashMap<Vec<GetSetKey>, &'static [GetSetDef]>,
    weaklists: HashMap<isize, &'static [MemberDef]>,
}

static STORE: LazyLock<Mutex<Store>> = LazyLock::new(Mutex::default);

/// Runs `f` on the store. Nothing that runs under the lock can panic halfway through an
/// update, so a poisoned lock still guards consistent data and is used as is.
fn with_store<R>(f: impl FnOnce(&mut Store) -> R) -> R {
    let mut guard = STORE.lock().unwrap_or_else(|e| e.into_inner());
    f(&mut guard)
}

/// The `METH_FASTCALL` table for `rows` (name, doc, trampoline), in order.
pub(crate) fn methods(
    rows: &[(&'static str, Option<&'static str>, FastFn)],
) -> &'static [MethodDef] {
    if rows.is_empty() {
        return &[];
    }
    let key: Vec<MethodKey> = rows.iter().map(|&(n, d, f)| (n, d, f as usize)).collect();
    with_store(|s| {
        *s.methods.entry(key).or_insert_with(|| {
            let defs: Vec<MethodDef> = rows
                .iter()
                .map(|&(name, doc, f)| MethodDef {
                    name,
                    meth: MethodFn::Fast(f),
                    flags: MethodFlags(0),
                    doc,
                })
                .collect();
            Box::leak(defs.into_boxed_slice())
        })
    })
}

/// The getset table for `rows` (name, getter, setter), in order.
pub(crate) fn getsets(
    rows: &[(&'static str, Option<Getter>, Option<Setter>)],
) -> &'static [GetSetDef] {
    if rows.is_empty() {
        return &[];
    }
    let key: Vec<GetSetKey> = rows
        .iter()
        .map(|&(n, g, s)| (n, g.map(|g| g as usize), s.map(|s| s as usize)))
        .collect();
    with_store(|s| {
        *s.getsets.entry(key).or_insert_with(|| {
            let defs: Vec<GetSetDef> = rows
                .iter()
                .map(|&(name, get, set)| GetSetDef {
                    name,
                    get,
                    set,
                    doc: None,
                })
                .collect();
            Box::leak(defs.into_boxed_slice())
        })
    })
}

/// The one-row member table that sets `__weaklistoffset__` to `offset`.
pub(crate) fn weaklist_member(offset: isize) -> &'static [MemberDef] {
    with_store(|s| {
        *s.weaklists.entry(offset).or_insert_with(|| {
            Box::leak(Box::new([MemberDef {
                name: "__weaklistoffset__",
                kind: MemberKind::Ssize,
                offset,
                readonly: true,
                doc: None,
            }]))
        })
    })
}
