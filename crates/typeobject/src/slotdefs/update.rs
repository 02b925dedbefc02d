//! Keeping a heap type's slots in agreement with the dunders along its MRO:
//! [`fixup_slot_dispatchers`] when a class is created, [`update_slot`] when a dunder is
//! set or deleted on a class afterwards (the class and every subclass that does not
//! define the name itself, by an explicit worklist), and [`resolve_slot`], the rule
//! both apply to one slot:
//!
//! * nothing found under any of the slot's names: the slot is emptied;
//! * only slot wrappers *of this very row* whose owner is a base of the type, all
//!   wrapping the same function: that function, directly;
//! * `__hash__ = None`: unhashable;
//! * `__new__` that is a type's own builtin `__new__`: the type keeps its `tp_new`;
//! * anything else: the row's generic dispatcher.
//!
//! Owns slot (re)resolution. Must not run user code (only dict lookups happen here).

use super::names::Dunder;
use super::table::{SlotDefRow, rows_for_slot, rows_named};
use crate::attr::type_lookup;
use crate::mro::mro_of;
use crate::slot_wrapper::wrapper_parts;
use crate::type_ready::hash_not_implemented;
use pyrt_core::builtins::{DictObject, StrObject};
use pyrt_core::types::{SlotId, SlotValue};
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python, TypeFlags, TypeObject};

/// The outcome of resolving one slot.
///
/// ```
/// use pyrt_core::types::SlotId;
/// use pyrt_typeobject::slotdefs::{Resolved, resolve_slot};
/// pyrt_typeobject::Runtime::with(|py| {
///     let a = pyrt_typeobject::new_class(py, "A", &[], None).unwrap();
///     assert!(matches!(resolve_slot(py, &a, SlotId::NB_ADD).unwrap(), Resolved::Value(None)));
/// });
/// ```
#[derive(Clone, Copy)]
pub enum Resolved {
    /// Set the slot to this value (`None`: empty it).
    Value(Option<SlotValue<'static>>),
    /// Leave the slot as it is (`tp_new` inherited from the primary base).
    Keep,
}

/// What the dunders along `tp`'s MRO say `slot` should be.
///
/// ```
/// use pyrt_core::types::SlotId;
/// use pyrt_typeobject::slotdefs::{Resolved, resolve_slot};
/// pyrt_typeobject::Runtime::with(|py| {
///     let a = pyrt_typeobject::new_class(py, "A", &[], None).unwrap();
///     // `class A: pass` finds object's `__repr__` wrapper: object's function, directly.
///     match resolve_slot(py, &a, SlotId::TP_REPR).unwrap() {
///         Resolved::Value(Some(v)) => assert_eq!(v.fn_addr(), a.get_slot(SlotId::TP_REPR).unwrap().fn_addr()),
///         _ => panic!(),
///     }
/// });
/// ```
pub fn resolve_slot(py: Python<'_>, tp: &TypeObject, slot: SlotId) -> PyResult<Resolved> {
    let mut specific: Option<SlotValue<'static>> = None;
    let mut generic: Option<SlotValue<'static>> = None;
    let mut use_generic = false;
    let mut keep = false;
    let mut found_any = false;
    for row in rows_for_slot(slot).filter(|r| r.dispatcher.is_some()) {
        let key = row.name.interned(py)?;
        // SAFETY: the value is owned by an MRO dict; a new reference is taken at once and
        // nothing runs meanwhile.
        let Some(d) = type_lookup(py, tp, &key).map(|p| unsafe { Bound::from_borrowed_ptr(py, p) })
        else {
            continue;
        };
        found_any = true;
        generic = row.dispatcher.map(|d| d.value());
        match classify(py, tp, row, &d) {
            Found::Direct(f) => match specific {
                Some(s) if s.fn_addr() != f.fn_addr() => use_generic = true,
                _ => specific = Some(f),
            },
            Found::KeepNew => keep = true,
            Found::Other => use_generic = true,
        }
    }
    if slot == SlotId::TP_NEW && !found_any {
        return Ok(Resolved::Keep);
    }
    Ok(match (use_generic, keep, specific) {
        (false, true, _) => Resolved::Keep,
        (false, false, Some(s)) => Resolved::Value(Some(s)),
        _ => Resolved::Value(generic),
    })
}

enum Found {
    /// Call this function directly.
    Direct(SlotValue<'static>),
    /// A builtin `__new__`: keep `tp_new`.
    KeepNew,
    /// Needs the generic dispatcher.
    Other,
}

fn classify(
    py: Python<'_>,
    tp: &TypeObject,
    row: &'static SlotDefRow,
    d: &Bound<'_, PyAny>,
) -> Found {
    if let Some((wrow, owner, func)) = wrapper_parts(py, d)
        && std::ptr::eq(wrow, row)
        && tp.is_subtype(owner)
    {
        return Found::Direct(func);
    }
    if row.slot == SlotId::TP_HASH && std::ptr::eq(d.as_any_ref(), py.singletons().none()) {
        return Found::Direct(SlotValue::Ssize(hash_not_implemented));
    }
    if row.slot == SlotId::TP_NEW && crate::slotdefs::new_builtin::is_builtin_new(py, d) {
        return Found::KeepNew;
    }
    Found::Other
}

/// Resolves `slot` for `tp` and stores the result.
fn apply(py: Python<'_>, tp: &TypeObject, slot: SlotId) -> PyResult<()> {
    if let Resolved::Value(v) = resolve_slot(py, tp, slot)? {
        tp.set_fn_slot(slot, v)
            .map_err(|e| PyErr::system_error(py, format!("cannot set slot {slot:?}: {e:?}")))?;
    }
    Ok(())
}

/// A set of slot numbers.
#[derive(Default)]
struct SlotSet(u128);

impl SlotSet {
    fn add_name(&mut self, name: Dunder) {
        for r in rows_named(name).filter(|r| r.dispatcher.is_some()) {
            self.0 |= 1u128 << r.slot.0;
        }
    }

    /// `tp_hash` and `tp_richcompare` are inherited together or not at all (a class
    /// defining `__eq__` or `__hash__` inherits neither), so resolving one means
    /// resolving both.
    fn pair_hash_group(&mut self) {
        let group = (1u128 << SlotId::TP_HASH.0) | (1u128 << SlotId::TP_RICHCOMPARE.0);
        if self.0 & group != 0 {
            self.0 |= group;
        }
    }

    fn iter(&self) -> impl Iterator<Item = SlotId> {
        let mut bits = self.0;
        std::iter::from_fn(move || {
            if bits == 0 {
                return None;
            }
            let i = bits.trailing_zeros() as u16;
            bits &= bits - 1;
            Some(SlotId(i))
        })
    }
}

/// The table dunders among the keys of `tp`'s own dict.
fn dunders_in_dict(py: Python<'_>, tp: &TypeObject, set: &mut SlotSet) {
    let Some(dict) = tp.tp_dict.get(py) else {
        return;
    };
    let add = |k: &pyrt_core::PyAny| {
        if !<StrObject as pyrt_core::object::PyLayout>::type_check(k) {
            return;
        }
        // SAFETY: `k` passed the str layout check.
        let s = unsafe { &*(k as *const pyrt_core::PyAny as *const StrObject) };
        if let Some(d) = Dunder::from_key(py, s) {
            set.add_name(d);
        }
    };
    // SAFETY: classifying a key reads its text and a table of interned names: it
    // changes no dict and releases nothing.
    unsafe { dict.for_each_key_raw(add) };
}

/// Whether `tp`'s base is a class-statement class and `tp`'s MRO is a chain of
/// primary bases (each entry's `tp_base` is the next entry). Then the base's slots
/// already are what its MRO says, and inheritance (which along such a chain copies the
/// base's value) gave them to `tp`: only the names in `tp`'s own dict can change
/// anything. (With several bases somewhere up the chain, inheritance may take a value
/// from further along the MRO than the dunder lookup would, so every name is checked.)
fn inherits_resolved_slots(tp: &TypeObject) -> bool {
    let mro = mro_of(tp);
    let Some(first) = mro.get(1) else {
        return false;
    };
    // SAFETY: MRO entries are live types owned by tp's MRO tuple.
    let is_chain = mro.windows(2).all(|w| {
        unsafe { w[0].as_ref() }
            .base()
            .map(|b| b as *const TypeObject)
            == Some(w[1].as_ptr() as *const TypeObject)
    });
    // SAFETY: as above.
    is_chain && crate::class::is_class_created(unsafe { first.as_ref() })
}

/// Sets every slot of the new heap class `tp` that a dunder along its MRO drives to
/// what [`resolve_slot`] says. Slots whose names appear only in `object`'s dict keep
/// what inheritance gave them (the same functions), except the hash/comparison pair,
/// which inheritance skips as a whole when the class defines either.
///
/// ```
/// use pyrt_core::types::SlotId;
/// pyrt_typeobject::Runtime::with(|py| {
///     let a = pyrt_typeobject::new_class(py, "A", &[], None).unwrap();
///     // new_class already ran it; running it again changes nothing.
///     let before = a.get_slot(SlotId::TP_REPR).unwrap().fn_addr();
///     pyrt_typeobject::slotdefs::fixup_slot_dispatchers(py, &a).unwrap();
///     assert_eq!(a.get_slot(SlotId::TP_REPR).unwrap().fn_addr(), before);
/// });
/// ```
pub fn fixup_slot_dispatchers(py: Python<'_>, tp: &TypeObject) -> PyResult<()> {
    let object = py.builtins().object();
    let mut set = SlotSet::default();
    if inherits_resolved_slots(tp) {
        dunders_in_dict(py, tp, &mut set);
    } else {
        for t in mro_of(tp) {
            // SAFETY: MRO entries are live types owned by tp's MRO tuple.
            let t = unsafe { t.as_ref() };
            if !std::ptr::eq(t, object) {
                dunders_in_dict(py, t, &mut set);
            }
        }
    }
    set.pair_hash_group();
    for slot in set.iter() {
        apply(py, tp, slot)?;
    }
    Ok(())
}

/// Re-resolves every slot of `tp` that has a dispatcher (used after its MRO changed).
///
/// ```
/// use pyrt_core::types::SlotId;
/// pyrt_typeobject::Runtime::with(|py| {
///     let a = pyrt_typeobject::new_class(py, "A", &[], None).unwrap();
///     pyrt_typeobject::slotdefs::update_all_slots(py, &a).unwrap();
///     assert!(a.get_slot(SlotId::TP_REPR).is_some());
///     assert!(a.get_slot(SlotId::NB_ADD).is_none());
/// });
/// ```
pub fn update_all_slots(py: Python<'_>, tp: &TypeObject) -> PyResult<()> {
    let mut set = SlotSet::default();
    for d in Dunder::all() {
        set.add_name(*d);
    }
    for slot in set.iter() {
        apply(py, tp, slot)?;
    }
    Ok(())
}

/// After `tp`'s MRO changed (`__bases__` assignment): re-resolves every dispatched
/// slot of `tp` and of all its subclasses, transitively (explicit worklist; each type
/// once).
///
/// ```
/// use pyrt_core::types::SlotId;
/// pyrt_typeobject::Runtime::with(|py| {
///     let a = pyrt_typeobject::new_class(py, "A", &[], None).unwrap();
///     let b = pyrt_typeobject::new_class(py, "B", &[a.clone()], None).unwrap();
///     pyrt_typeobject::slotdefs::update_hierarchy_slots(py, &a).unwrap();
///     assert!(b.get_slot(SlotId::TP_REPR).is_some());
/// });
/// ```
pub fn update_hierarchy_slots(py: Python<'_>, tp: &TypeObject) -> PyResult<()> {
    crate::subclass_walk::for_each_in_hierarchy(py, tp, |t| update_heap_type_slots(py, t))
}

/// [`update_all_slots`] if `tp` is a heap type (static types' slots are fixed).
pub(crate) fn update_heap_type_slots(py: Python<'_>, tp: &TypeObject) -> PyResult<()> {
    if tp.has_flag(TypeFlags::HEAPTYPE) {
        update_all_slots(py, tp)?;
    }
    Ok(())
}

/// After `name` was set or deleted in `tp`'s dict: re-resolves the slots `name` drives
/// in `tp` and in every subclass that does not define `name` itself (with its own
/// subclasses). Static types are left alone.
///
/// ```
/// use pyrt_core::types::SlotId;
/// use pyrt_typeobject::slotdefs::{Dunder, update_slot};
/// pyrt_typeobject::Runtime::with(|py| {
///     let a = pyrt_typeobject::new_class(py, "A", &[], None).unwrap();
///     let b = pyrt_typeobject::new_class(py, "B", &[a.clone()], None).unwrap();
///     // Writes through `attr::type_dict_set` call it; here the dict is written directly.
///     let f = pyrt_typeobject::attr::lookup_str(py, py.builtins().object(), "__repr__").unwrap();
///     let key = Dunder::Neg.interned(py).unwrap();
///     a.tp_dict.get(py).unwrap().set_item(py, key.as_any(), &f).unwrap();
///     update_slot(py, &a, Dunder::Neg).unwrap();
///     assert!(b.get_slot(SlotId::NB_NEGATIVE).is_some());
/// });
/// ```
pub fn update_slot(py: Python<'_>, tp: &TypeObject, name: Dunder) -> PyResult<()> {
    if !tp.has_flag(TypeFlags::HEAPTYPE) {
        return Ok(());
    }
    let mut slots = SlotSet::default();
    slots.add_name(name);
    if slots.0 == 0 {
        return Ok(());
    }
    let key = name.interned(py)?;
    let mut work: Vec<Bound<'_, TypeObject>> = vec![Bound::from_ref(py, tp)];
    while let Some(t) = work.pop() {
        for slot in slots.iter() {
            apply(py, &t, slot)?;
        }
        for sub in t.tp_subclasses.snapshot() {
            // SAFETY: registered subclasses are live (a type leaves the registry when it
            // is freed, and nothing here frees types); a strong reference is taken.
            let sub = unsafe { Bound::from_borrowed_ptr(py, sub) };
            if !defines(py, &sub, &key) {
                work.push(sub);
            }
        }
    }
    Ok(())
}

fn defines(py: Python<'_>, tp: &TypeObject, key: &StrObject) -> bool {
    tp.tp_dict
        .get(py)
        .is_some_and(|d| d.get_str_raw(py, key).is_some())
}

/// Class creation: a namespace defining `__eq__` but not `__hash__` gets
/// `__hash__ = None`, so instances are unhashable and hashing is not inherited.
pub(crate) fn set_hash_none_if_eq(py: Python<'_>, dict: &DictObject) -> PyResult<()> {
    let eq = Dunder::Eq.interned(py)?;
    let hash = Dunder::Hash.interned(py)?;
    if dict.get_str_raw(py, &eq).is_some() && dict.get_str_raw(py, &hash).is_none() {
        dict.set_item(py, hash.as_any(), &pyrt_core::protocol::none(py))?;
    }
    Ok(())
}

/// [`update_slot`] for a dict key, if it is a dunder of the table (the hook
/// `attr::type_dict_set` calls after every write).
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let a = pyrt_typeobject::new_class(py, "A", &[], None).unwrap();
///     let k = pyrt_core::builtins::intern(py, "not_a_dunder").unwrap().into_any();
///     assert!(pyrt_typeobject::slotdefs::update_slot_for_key(py, &a, &k).is_ok());
/// });
/// ```
pub fn update_slot_for_key(
    py: Python<'_>,
    tp: &TypeObject,
    key: &Bound<'_, PyAny>,
) -> PyResult<()> {
    match key
        .downcast::<StrObject>()
        .ok()
        .and_then(|s| Dunder::from_key(py, s))
    {
        Some(name) => update_slot(py, tp, name),
        None => Ok(()),
    }
}
