//! The `dict` payload: insertion-ordered entries plus a `hashbrown` index table.
//!
//! Owns layout, lookup, insertion, deletion, iteration snapshots, traversal and
//! destruction. Keys are hashed and compared through the object protocol; while a
//! comparison runs user code, no borrow of the table is held, and a mutation counter
//! makes the lookup restart if the dict changed meanwhile. References are released only
//! after the table is consistent again.

use super::StrObject;
use super::hash::mix_hash;
use crate::err::PyResult;
use crate::handle::Bound;
use crate::object::{ObjectHeader, PyAny, PyLayout, generic_alloc};
use crate::protocol;
use crate::runtime::Python;
use crate::types::{CompareOp, TypeFlags};
use hashbrown::HashTable;
use std::cell::UnsafeCell;
use std::ptr::NonNull;

struct Entry {
    hash: isize,
    key: Option<NonNull<PyAny>>,
    value: Option<NonNull<PyAny>>,
}

#[derive(Default)]
struct Table {
    indices: HashTable<u32>,
    entries: Vec<Entry>,
    used: usize,
    /// Incremented on every structural change or value replacement.
    mutations: u64,
    /// Whether a key that is not an exact `str` was ever inserted.
    has_non_str_keys: bool,
    /// Whether a cache may hold borrowed pointers into this dict (see `dict_pin`).
    pinned: bool,
}

/// A `dict` object.
///
/// ```
/// use pyrt_core::builtins::{dict_new, str_new};
/// pyrt_core::with_test_runtime(|py| {
///     let d = dict_new(py).unwrap();
///     let (k, v) = (str_new(py, "k").unwrap().into_any(), str_new(py, "v").unwrap().into_any());
///     d.set_item(py, &k, &v).unwrap();
///     assert!(d.get_item(py, &k).unwrap().unwrap().is(&v));
///     assert_eq!(d.len(), 1);
/// });
/// ```
#[repr(C)]
pub struct DictObject {
    /// Header.
    pub ob_base: ObjectHeader,
    table: UnsafeCell<Option<Box<Table>>>,
}

// SAFETY: repr(C), header first, zero-valid (None box); DICT_SUBCLASS marks dicts.
unsafe impl PyLayout for DictObject {
    fn type_check(obj: &PyAny) -> bool {
        obj.ob_type().has_flag(TypeFlags::DICT_SUBCLASS)
    }
}

enum Found {
    At(usize),
    Absent,
    Restart,
}

/// Item access (`d[k]`, `d[k] = v`, `del d[k]`), size, iteration snapshots and the
/// exact-`str` fast lookups.
///
/// ```
/// use pyrt_core::builtins::{dict_new, intern};
/// pyrt_core::with_test_runtime(|py| {
///     let d = dict_new(py).unwrap();
///     let k = intern(py, "k").unwrap().into_any();
///     d.set_item(py, &k, &k).unwrap();
///     assert_eq!((d.len(), d.keys(py).len()), (1, 1));
/// });
/// ```
impl DictObject {
    /// Runs `f` on the table. `f` must not call back into the runtime (no decref, no
    /// user code), which keeps this the only live borrow.
    #[inline(always)]
    fn with<R>(&self, f: impl FnOnce(&mut Table) -> R) -> R {
        // SAFETY: lock held (a &DictObject exists only under a token) and `f` does not
        // re-enter the runtime.
        let slot = unsafe { &mut *self.table.get() };
        f(slot.get_or_insert_with(Default::default))
    }

    /// Number of items.
    ///
    /// ```
    /// use pyrt_core::builtins::{dict_new, intern};
    /// pyrt_core::with_test_runtime(|py| {
    ///     let d = dict_new(py).unwrap();
    ///     let (a, b) = (intern(py, "a").unwrap(), intern(py, "b").unwrap());
    ///     d.set_item(py, a.as_any(), b.as_any()).unwrap();
    ///     d.set_item(py, a.as_any(), a.as_any()).unwrap(); // replaces: still one item
    ///     assert_eq!(d.len(), 1);
    /// });
    /// ```
    #[inline]
    pub fn len(&self) -> usize {
        // SAFETY: read-only peek under the lock.
        unsafe { (*self.table.get()).as_ref().map_or(0, |t| t.used) }
    }

    /// Whether the dict is empty.
    ///
    /// ```
    /// use pyrt_core::builtins::{dict_new, intern};
    /// pyrt_core::with_test_runtime(|py| {
    ///     let d = dict_new(py).unwrap();
    ///     assert!(d.is_empty());
    ///     let k = intern(py, "k").unwrap();
    ///     d.set_item(py, k.as_any(), k.as_any()).unwrap();
    ///     assert!(!d.is_empty());
    /// });
    /// ```
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A counter that changes whenever the dict is modified.
    ///
    /// ```
    /// use pyrt_core::builtins::{dict_new, intern};
    /// pyrt_core::with_test_runtime(|py| {
    ///     let d = dict_new(py).unwrap();
    ///     let k = intern(py, "k").unwrap();
    ///     let m0 = d.mutations();
    ///     d.set_item(py, k.as_any(), k.as_any()).unwrap();
    ///     let m1 = d.mutations();
    ///     assert_ne!(m0, m1);
    ///     d.get_item(py, k.as_any()).unwrap(); // reading changes nothing
    ///     assert_eq!(d.mutations(), m1);
    /// });
    /// ```
    pub fn mutations(&self) -> u64 {
        // SAFETY: read-only peek under the lock.
        unsafe { (*self.table.get()).as_ref().map_or(0, |t| t.mutations) }
    }

    /// Lookup by an exact `str` key without running user code; `None` if absent.
    /// Returns a borrowed pointer valid until the dict is next modified.
    ///
    /// ```
    /// use pyrt_core::builtins::{dict_new, intern, str_new};
    /// pyrt_core::with_test_runtime(|py| {
    ///     let d = dict_new(py).unwrap();
    ///     let (k, v) = (intern(py, "k").unwrap(), str_new(py, "v").unwrap());
    ///     d.set_item(py, k.as_any(), v.as_any()).unwrap();
    ///     assert_eq!(d.get_str_raw(py, &k), Some(v.as_ptr()));
    ///     assert_eq!(d.get_str_raw(py, &intern(py, "other").unwrap()), None);
    /// });
    /// ```
    #[inline]
    pub fn get_str_raw(&self, py: Python<'_>, key: &StrObject) -> Option<NonNull<PyAny>> {
        self.with(|t| str_lookup(t, py, key))
    }

    /// The value under an exact-`str` key, found without running any code, when the
    /// answer is certain: `Some(result)` if every key of the dict is an exact `str` (so
    /// no key can compare equal to `key` by other means), `None` otherwise (use
    /// [`DictObject::get_item`]). The pointer is borrowed, valid until the dict changes.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let d = pyrt_core::builtins::dict_new(py).unwrap();
    ///     let k = pyrt_core::builtins::intern(py, "k").unwrap();
    ///     assert_eq!(d.get_exact_str(py, &k), Some(None));
    ///     d.set_item(py, k.as_any(), k.as_any()).unwrap();
    ///     assert_eq!(d.get_exact_str(py, &k), Some(Some(k.as_ptr())));
    /// });
    /// ```
    #[inline]
    pub fn get_exact_str(&self, py: Python<'_>, key: &StrObject) -> Option<Option<NonNull<PyAny>>> {
        self.with(|t| (!t.has_non_str_keys).then(|| str_lookup(t, py, key)))
    }

    /// [`DictObject::get_str_raw`] that also *pins* the dict: until its next mutation,
    /// that mutation first runs the pinned-dict hook (see
    /// [`set_pinned_dict_hook`](super::set_pinned_dict_hook)), so a cache may keep the
    /// result (found or absent) as a borrowed pointer.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let d = pyrt_core::builtins::dict_new(py).unwrap();
    ///     let k = pyrt_core::builtins::intern(py, "k").unwrap();
    ///     assert!(d.get_str_raw_pinning(py, &k).is_none());
    ///     assert!(d.is_pinned());
    ///     d.set_item(py, k.as_any(), k.as_any()).unwrap(); // runs the hook, unpins
    ///     assert!(!d.is_pinned());
    /// });
    /// ```
    #[inline]
    pub fn get_str_raw_pinning(&self, py: Python<'_>, key: &StrObject) -> Option<NonNull<PyAny>> {
        self.with(|t| {
            t.pinned = true;
            str_lookup(t, py, key)
        })
    }

    /// Whether the dict is pinned (see [`DictObject::get_str_raw_pinning`]).
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let d = pyrt_core::builtins::dict_new(py).unwrap();
    ///     assert!(!d.is_pinned());
    /// });
    /// ```
    pub fn is_pinned(&self) -> bool {
        // SAFETY: read-only peek under the lock.
        unsafe { (*self.table.get()).as_ref().is_some_and(|t| t.pinned) }
    }

    /// Unpins the dict without running the hook.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let d = pyrt_core::builtins::dict_new(py).unwrap();
    ///     let k = pyrt_core::builtins::intern(py, "k").unwrap();
    ///     d.get_str_raw_pinning(py, &k);
    ///     // SAFETY: nothing in this example keeps pointers into the dict.
    ///     unsafe { d.unpin() };
    ///     assert!(!d.is_pinned());
    /// });
    /// ```
    ///
    /// # Safety
    /// No cached borrowed pointer may rely on this dict's contents any more (the caches
    /// that pinned it have invalidated every entry that read it).
    pub unsafe fn unpin(&self) {
        // SAFETY: lock held; no other borrow of the table is live.
        if let Some(t) = unsafe { (*self.table.get()).as_mut() } {
            t.pinned = false;
        }
    }

    /// Runs the pinned-dict hook if the dict is pinned, then unpins it. Every mutation
    /// calls this right before changing the table (after any user code of the key
    /// comparison has run), so no cached pointer sees the change.
    #[inline]
    fn before_mutation(&self, py: Python<'_>) {
        if self.is_pinned() {
            super::dict_pin::run_hook(py);
            // SAFETY: the hook made every cached pointer into pinned dicts unreachable.
            unsafe { self.unpin() };
        }
    }

    /// `d[key]` if present (`Ok(None)` if absent); errors come from hashing or comparing.
    ///
    /// ```
    /// use pyrt_core::builtins::{dict_new, list_new, str_new};
    /// pyrt_core::with_test_runtime(|py| {
    ///     let d = dict_new(py).unwrap();
    ///     let k = str_new(py, "k").unwrap().into_any();
    ///     assert!(d.get_item(py, &k).unwrap().is_none());
    ///     d.set_item(py, &k, &k).unwrap();
    ///     let same_text = str_new(py, "k").unwrap().into_any(); // another object, equal text
    ///     assert!(d.get_item(py, &same_text).unwrap().unwrap().is(&k));
    ///     let e = d.get_item(py, &list_new(py, &[]).unwrap().into_any()).unwrap_err();
    ///     assert_eq!(e.message(py), "unhashable type: 'list'");
    /// });
    /// ```
    pub fn get_item<'py>(
        &self,
        py: Python<'py>,
        key: &Bound<'py, PyAny>,
    ) -> PyResult<Option<Bound<'py, PyAny>>> {
        if let Some((_, found)) = self.find_exact_str(py, key) {
            let v = found.and_then(|i| self.with(|t| t.entries[i].value));
            // SAFETY: the dict owns a reference to the value.
            return Ok(v.map(|v| unsafe { Bound::from_borrowed_ptr(py, v) }));
        }
        let h = protocol::hash(py, key)?;
        loop {
            match self.find(py, key, h)? {
                Found::At(i) => {
                    let v = self.with(|t| t.entries[i].value);
                    // SAFETY: the dict owns a reference to the value.
                    return Ok(v.map(|v| unsafe { Bound::from_borrowed_ptr(py, v) }));
                }
                Found::Absent => return Ok(None),
                Found::Restart => continue,
            }
        }
    }

    /// `d[key] = value`.
    ///
    /// ```
    /// use pyrt_core::builtins::{dict_new, str_new};
    /// pyrt_core::with_test_runtime(|py| {
    ///     let d = dict_new(py).unwrap();
    ///     let k = str_new(py, "k").unwrap().into_any();
    ///     let v = str_new(py, "v").unwrap().into_any();
    ///     d.set_item(py, &k, &v).unwrap();
    ///     assert_eq!(v.refcnt(), 2); // the dict holds a reference
    ///     d.set_item(py, &k, &k).unwrap(); // replacing releases the old value
    ///     assert_eq!(v.refcnt(), 1);
    /// });
    /// ```
    pub fn set_item<'py>(
        &self,
        py: Python<'py>,
        key: &Bound<'py, PyAny>,
        value: &Bound<'py, PyAny>,
    ) -> PyResult<()> {
        let (h, found) = match self.find_exact_str(py, key) {
            Some((h, Some(i))) => (h, Found::At(i)),
            Some((h, None)) => (h, Found::Absent),
            None => {
                let h = protocol::hash(py, key)?;
                let found = loop {
                    match self.find(py, key, h)? {
                        Found::Restart => continue,
                        f => break f,
                    }
                };
                (h, found)
            }
        };
        self.before_mutation(py);
        let new_v = value.clone().into_non_null();
        let old = match found {
            Found::At(i) => self.with(|t| {
                t.mutations += 1;
                t.entries[i].value.replace(new_v)
            }),
            _ => {
                let k = key.clone().into_non_null();
                let non_str = !is_exact_str(py, key);
                self.with(|t| insert_new(t, h, k, new_v, non_str));
                None
            }
        };
        if let Some(old) = old {
            // SAFETY: the dict owned the replaced value; the table is consistent.
            unsafe { crate::object::decref(py, old) };
        }
        Ok(())
    }

    /// `del d[key]`; `Ok(false)` if the key was absent.
    ///
    /// ```
    /// use pyrt_core::builtins::{dict_new, intern};
    /// pyrt_core::with_test_runtime(|py| {
    ///     let d = dict_new(py).unwrap();
    ///     let k = intern(py, "k").unwrap().into_any();
    ///     d.set_item(py, &k, &k).unwrap();
    ///     assert!(d.del_item(py, &k).unwrap());
    ///     assert!(!d.del_item(py, &k).unwrap()); // already gone
    ///     assert!(d.is_empty());
    /// });
    /// ```
    pub fn del_item<'py>(&self, py: Python<'py>, key: &Bound<'py, PyAny>) -> PyResult<bool> {
        let (h, i) = match self.find_exact_str(py, key) {
            Some((h, Some(i))) => (h, i),
            Some((_, None)) => return Ok(false),
            None => {
                let h = protocol::hash(py, key)?;
                let i = loop {
                    match self.find(py, key, h)? {
                        Found::At(i) => break i,
                        Found::Absent => return Ok(false),
                        Found::Restart => continue,
                    }
                };
                (h, i)
            }
        };
        self.before_mutation(py);
        let (k, v) = self.with(|t| remove_at(t, i, h));
        // SAFETY: the dict owned both references; the table is consistent.
        unsafe {
            if let Some(k) = k {
                crate::object::decref(py, k);
            }
            if let Some(v) = v {
                crate::object::decref(py, v);
            }
        }
        Ok(true)
    }

    /// New references to all (key, value) pairs, in insertion order.
    ///
    /// ```
    /// use pyrt_core::builtins::{dict_new, intern};
    /// pyrt_core::with_test_runtime(|py| {
    ///     let d = dict_new(py).unwrap();
    ///     let (a, b) = (intern(py, "a").unwrap().into_any(), intern(py, "b").unwrap().into_any());
    ///     d.set_item(py, &b, &a).unwrap();
    ///     d.set_item(py, &a, &b).unwrap();
    ///     let items = d.items(py);
    ///     assert!(items[0].0.is(&b) && items[0].1.is(&a));
    ///     assert!(items[1].0.is(&a) && items[1].1.is(&b));
    /// });
    /// ```
    pub fn items<'py>(&self, py: Python<'py>) -> Vec<(Bound<'py, PyAny>, Bound<'py, PyAny>)> {
        // Taking a reference (a count increment) runs no code, so the snapshot is made
        // in one pass inside the table borrow.
        self.with(|t| {
            t.entries
                .iter()
                .filter_map(|e| Some((e.key?, e.value?)))
                // SAFETY: the dict owns references to every live key and value.
                .map(|(k, v)| unsafe {
                    (
                        Bound::from_borrowed_ptr(py, k),
                        Bound::from_borrowed_ptr(py, v),
                    )
                })
                .collect()
        })
    }

    /// Calls `f` on every live key, in insertion order, without taking references.
    ///
    /// # Safety
    /// `f` must not change this dict, release a reference or run code that could
    /// (no user code, no decref): the table stays borrowed while it runs.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let d = pyrt_core::builtins::dict_new(py).unwrap();
    ///     let k = pyrt_core::builtins::intern(py, "k").unwrap().into_any();
    ///     d.set_item(py, &k, &k).unwrap();
    ///     let mut n = 0;
    ///     // SAFETY: the closure only counts.
    ///     unsafe { d.for_each_key_raw(|_| n += 1) };
    ///     assert_eq!(n, 1);
    ///     d.clear(py);
    /// });
    /// ```
    pub unsafe fn for_each_key_raw(&self, mut f: impl FnMut(&PyAny)) {
        self.with(|t| {
            for e in &t.entries {
                if let (Some(k), Some(_)) = (e.key, e.value) {
                    // SAFETY: the dict owns a reference to every live key.
                    f(unsafe { k.as_ref() });
                }
            }
        })
    }

    /// The first live key at or after position `pos` of the insertion-ordered entries,
    /// with its position: what a dict iterator resumes from. Positions stay valid until
    /// the dict is resized (which only an insertion does).
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let d = pyrt_core::builtins::dict_new(py).unwrap();
    ///     let k = pyrt_core::builtins::intern(py, "k").unwrap().into_any();
    ///     d.set_item(py, &k, &k).unwrap();
    ///     let (at, key) = d.key_from(py, 0).unwrap();
    ///     assert!(key.is(&k));
    ///     assert!(d.key_from(py, at + 1).is_none());
    /// });
    /// ```
    pub fn key_from<'py>(&self, py: Python<'py>, pos: usize) -> Option<(usize, Bound<'py, PyAny>)> {
        let (at, key) = self.with(|t| {
            t.entries
                .iter()
                .enumerate()
                .skip(pos)
                .find_map(|(i, e)| Some((i, e.key?)))
        })?;
        // SAFETY: the dict owns a reference to every live key; we take our own at once.
        Some((at, unsafe { Bound::from_borrowed_ptr(py, key) }))
    }

    /// New references to all keys, in insertion order.
    ///
    /// ```
    /// use pyrt_core::builtins::{StrObject, dict_new, intern};
    /// pyrt_core::with_test_runtime(|py| {
    ///     let d = dict_new(py).unwrap();
    ///     for name in ["z", "a", "m"] {
    ///         let k = intern(py, name).unwrap();
    ///         d.set_item(py, k.as_any(), k.as_any()).unwrap();
    ///     }
    ///     let keys = d.keys(py);
    ///     let text = |i: usize| keys[i].downcast::<StrObject>().unwrap().as_str().to_owned();
    ///     assert_eq!([text(0), text(1), text(2)], ["z", "a", "m"]);
    /// });
    /// ```
    pub fn keys<'py>(&self, py: Python<'py>) -> Vec<Bound<'py, PyAny>> {
        self.with(|t| {
            t.entries
                .iter()
                .filter(|e| e.value.is_some())
                .filter_map(|e| e.key)
                // SAFETY: the dict owns a reference to every live key.
                .map(|k| unsafe { Bound::from_borrowed_ptr(py, k) })
                .collect()
        })
    }

    /// Removes every item.
    ///
    /// ```
    /// use pyrt_core::builtins::{dict_new, intern, str_new};
    /// pyrt_core::with_test_runtime(|py| {
    ///     let d = dict_new(py).unwrap();
    ///     let (k, v) = (intern(py, "k").unwrap(), str_new(py, "v").unwrap());
    ///     d.set_item(py, k.as_any(), v.as_any()).unwrap();
    ///     d.clear(py);
    ///     assert!(d.is_empty());
    ///     assert_eq!(v.refcnt(), 1); // the dict's reference was released
    /// });
    /// ```
    pub fn clear(&self, py: Python<'_>) {
        self.before_mutation(py);
        // SAFETY: lock held; the table is moved out before releasing references.
        let old = unsafe { (*self.table.get()).take() };
        if let Some(t) = old {
            for e in t.entries {
                // SAFETY: the dict owned these references.
                unsafe {
                    if let Some(k) = e.key {
                        crate::object::decref(py, k);
                    }
                    if let Some(v) = e.value {
                        crate::object::decref(py, v);
                    }
                }
            }
        }
    }

    /// The fast path for an exact-`str` key in a dict whose keys are all exact `str`s:
    /// `(hash, index if present)`, found without running any code; `None` when the
    /// general path is needed.
    #[inline]
    fn find_exact_str(
        &self,
        py: Python<'_>,
        key: &Bound<'_, PyAny>,
    ) -> Option<(isize, Option<usize>)> {
        if !is_exact_str(py, key) {
            return None;
        }
        // SAFETY: checked to be an exact str just above.
        let key = unsafe { key.downcast_unchecked::<StrObject>() };
        self.with(|t| {
            if t.has_non_str_keys {
                return None;
            }
            Some((key.hash(), str_find(t, py, key)))
        })
    }

    fn find<'py>(&self, py: Python<'py>, key: &Bound<'py, PyAny>, h: isize) -> PyResult<Found> {
        let kp = key.as_ptr();
        let key_is_str = is_exact_str(py, key);
        let mut candidates: smallvec::SmallVec<[usize; 4]> = smallvec::SmallVec::new();
        let (quick, start) = self.with(|t| {
            let entries = &t.entries;
            let quick = t.indices.find(mix_hash(h as u64), |&i| {
                let e = &entries[i as usize];
                if e.key == Some(kp) {
                    return true;
                }
                if e.hash != h {
                    return false;
                }
                let Some(k) = e.key else { return false };
                // SAFETY: keys are live (owned by the dict).
                let k = unsafe { k.as_ref() };
                let k_is_str = is_exact_str(py, k);
                if key_is_str && k_is_str {
                    return str_of(k) == str_of(key);
                }
                candidates.push(i as usize);
                false
            });
            (quick.map(|&i| i as usize), t.mutations)
        });
        if let Some(i) = quick {
            return Ok(Found::At(i));
        }
        for i in candidates {
            let Some(other) = self.with(|t| t.entries.get(i).and_then(|e| e.key)) else {
                continue;
            };
            // SAFETY: the dict owns a reference; we take our own before running user code.
            let other = unsafe { Bound::from_borrowed_ptr(py, other) };
            let eq = protocol::rich_compare_bool(py, &other, key, CompareOp::Eq)?;
            if self.mutations() != start {
                return Ok(Found::Restart);
            }
            if eq {
                return Ok(Found::At(i));
            }
        }
        Ok(Found::Absent)
    }
}

/// The value under an exact-`str` key, compared by identity first, then by text (no
/// user code runs).
#[inline(always)]
fn str_lookup(t: &Table, py: Python<'_>, key: &StrObject) -> Option<NonNull<PyAny>> {
    t.entries[str_find(t, py, key)?].value
}

/// The entry index of an exact-`str` key (see [`str_lookup`]).
#[inline(always)]
fn str_find(t: &Table, py: Python<'_>, key: &StrObject) -> Option<usize> {
    let kp = NonNull::from(key).cast::<PyAny>();
    let h = key.hash();
    let entries = &t.entries;
    let i = t.indices.find(mix_hash(h as u64), |&i| {
        let e = &entries[i as usize];
        e.key == Some(kp)
            || (e.hash == h
                && e.key.is_some_and(|k| {
                    // SAFETY: keys are live (owned by the dict).
                    let k = unsafe { k.as_ref() };
                    is_exact_str(py, k) && str_of(k) == key.as_str()
                }))
    })?;
    Some(*i as usize)
}

#[inline(always)]
fn is_exact_str(py: Python<'_>, o: &PyAny) -> bool {
    std::ptr::eq(o.ob_type(), py.builtins().str_())
}

fn str_of(o: &PyAny) -> &str {
    // SAFETY: callers check the str layout first.
    unsafe { &*(o as *const PyAny as *const StrObject) }.as_str()
}

fn insert_new(t: &mut Table, h: isize, k: NonNull<PyAny>, v: NonNull<PyAny>, non_str: bool) {
    let idx = t.entries.len() as u32;
    t.entries.push(Entry {
        hash: h,
        key: Some(k),
        value: Some(v),
    });
    let entries = &t.entries;
    t.indices.insert_unique(mix_hash(h as u64), idx, |&i| {
        mix_hash(entries[i as usize].hash as u64)
    });
    t.used += 1;
    t.mutations += 1;
    t.has_non_str_keys |= non_str;
}

fn remove_at(
    t: &mut Table,
    i: usize,
    h: isize,
) -> (Option<NonNull<PyAny>>, Option<NonNull<PyAny>>) {
    if let Ok(slot) = t
        .indices
        .find_entry(mix_hash(h as u64), |&j| j as usize == i)
    {
        slot.remove();
    }
    let e = &mut t.entries[i];
    let kv = (e.key.take(), e.value.take());
    t.used -= 1;
    t.mutations += 1;
    if t.entries.len() > 16 && t.used * 2 < t.entries.len() {
        compact(t);
    }
    kv
}

/// Drops deleted entries and rebuilds the index table.
fn compact(t: &mut Table) {
    t.entries.retain(|e| e.key.is_some());
    t.indices.clear();
    for (i, e) in t.entries.iter().enumerate() {
        let entries = &t.entries;
        t.indices
            .insert_unique(mix_hash(e.hash as u64), i as u32, |&j| {
                mix_hash(entries[j as usize].hash as u64)
            });
    }
}

/// A new empty dict.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let d = pyrt_core::builtins::dict_new(py).unwrap();
///     let k = pyrt_core::builtins::intern(py, "k").unwrap().into_any();
///     d.set_item(py, &k, &k).unwrap();
///     assert_eq!(d.len(), 1);
///     assert!(d.get_item(py, &k).unwrap().is_some());
///     d.clear(py);
/// });
/// ```
pub fn dict_new(py: Python<'_>) -> PyResult<Bound<'_, DictObject>> {
    let o = generic_alloc(py, py.builtins().dict(), 0)?;
    // SAFETY: allocated as a dict.
    Ok(unsafe { o.downcast_unchecked::<DictObject>() }.clone())
}

/// A new empty dict with room for `n` items before it grows.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let d = pyrt_core::builtins::dict_with_capacity(py, 8).unwrap();
///     assert!(d.is_empty());
/// });
/// ```
pub fn dict_with_capacity(py: Python<'_>, n: usize) -> PyResult<Bound<'_, DictObject>> {
    let d = dict_new(py)?;
    // SAFETY: the dict was just created; no other borrow of its table exists.
    unsafe {
        *d.table.get() = Some(Box::new(Table {
            indices: HashTable::with_capacity(n),
            entries: Vec::with_capacity(n),
            ..Table::default()
        }));
    }
    Ok(d)
}

/// `tp_traverse` of dicts.
pub(crate) fn dict_traverse(obj: &PyAny, visit: &mut dyn FnMut(NonNull<PyAny>)) {
    // SAFETY: only installed on dict types.
    let d = unsafe { &*(obj as *const PyAny as *const DictObject) };
    // SAFETY: traversal does not mutate, and `visit` does not touch the dict's table.
    if let Some(t) = unsafe { (*d.table.get()).as_ref() } {
        for e in &t.entries {
            e.key.into_iter().chain(e.value).for_each(&mut *visit);
        }
    }
}

/// `tp_dealloc` of dicts.
///
/// # Safety
/// `obj` is a dict with refcount zero.
pub(crate) unsafe fn dict_dealloc(py: Python<'_>, obj: NonNull<PyAny>) {
    // SAFETY: caller contract.
    let d = unsafe { &*(obj.as_ptr() as *const DictObject) };
    d.clear(py);
    // SAFETY: payload destroyed.
    unsafe { super::layouts::call_tp_free(py, obj) };
}

/// `tp_clear` of dicts.
pub(crate) fn dict_clear(py: Python<'_>, obj: &Bound<'_, PyAny>) {
    // SAFETY: only installed on dict types.
    unsafe { obj.downcast_unchecked::<DictObject>() }.clear(py);
}
