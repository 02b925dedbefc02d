//! Reading and writing an instance's attributes where they live: the values block
//! (indexed by the type's shared keys) or the dict; and turning values into a dict.
//!
//! Owns the representation switch: when a values block is created, used, grown, and
//! when it becomes a dict for good. Must not implement the attribute protocol (the
//! descriptor order is pyrt-typeobject's `attr::generic`).

use super::keys::SharedKeys;
use super::slot::{Contents, DictSlot};
use super::values::ValuesBlock;
use crate::builtins::{DictObject, StrObject, dict_new, intern_bound};
use crate::err::{PyErr, PyResult};
use crate::handle::Bound;
use crate::object::PyAny;
use crate::runtime::Python;
use std::ptr::NonNull;

/// An instance together with its dict slot.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let o = pyrt_core::builtins::int_new(py, 1).unwrap();
///     assert!(pyrt_core::object::instance_attrs(o.as_any_ref()).is_none());
/// });
/// ```
#[derive(Clone, Copy)]
pub struct InstanceAttrs<'a> {
    obj: &'a PyAny,
    slot: &'a DictSlot,
}

/// `obj`'s attribute storage, if its type has a dict slot.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let o = pyrt_core::builtins::int_new(py, 1).unwrap();
///     assert!(pyrt_core::object::instance_attrs(o.as_any_ref()).is_none());
/// });
/// ```
#[inline(always)]
pub fn instance_attrs(obj: &PyAny) -> Option<InstanceAttrs<'_>> {
    crate::object::dict_slot(obj).map(|slot| InstanceAttrs { obj, slot })
}

/// What the call-free hot path of an attribute read learned ([`probe_interned`]).
///
/// ```
/// # use pyrt_core::{TypeObject, builtins::{int_new, intern, str_new}, object::*};
/// # pyrt_core::with_test_runtime(|py| {
/// # // A scratch class: header + `__dict__` slot at +16; attributes in values blocks.
/// # // SAFETY: all-zero bytes are a valid (empty) TypeObject; the size and offset describe
/// # // the instance below, whose slot is only read through `DictSlot`.
/// # let tp: Box<TypeObject> = unsafe { Box::new_zeroed().assume_init() };
/// # unsafe { tp.tp_basicsize.set(24); tp.tp_dictoffset.set(16); tp.ht_cached_keys.enable() };
/// # let live = py.live_objects();
/// # let obj = generic_alloc(py, &tp, 0).unwrap().into_non_null();
/// # // SAFETY: `obj` stays live until the teardown below.
/// # let o: &PyAny = unsafe { obj.as_ref() };
/// # { // the example's own handles are dropped before the teardown
/// // `o`: an instance of the class `tp`, whose instances use values blocks (hidden setup).
/// let x = intern(py, "x").unwrap();
/// assert_eq!(probe_interned(o, &x), FastAttr::Absent); // empty slot
/// instance_attrs(o).unwrap().write_str(py, x.as_any(), Some(x.as_any())).unwrap();
/// assert_eq!(probe_interned(o, &x), FastAttr::Found(x.as_ptr()));
/// instance_attrs(o).unwrap().materialize(py).unwrap();
/// assert_eq!(probe_interned(o, &x), FastAttr::Unknown); // a dict: ask it
/// # }
/// # // Teardown: release the attributes, free the instance, then the keys table.
/// # drop(dict_slot(o).unwrap().take(py));
/// # // SAFETY: ours is the only reference and the slot is empty; no instance remains.
/// # unsafe { o.ob_base.ob_refcnt.set(0); plain_free(py, obj); tp.ht_cached_keys.free() };
/// # assert_eq!(py.live_objects(), live); // nothing left behind
/// # });
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FastAttr {
    /// The values block holds the name (borrowed: owned by the block; take a reference
    /// before running any code).
    Found(NonNull<PyAny>),
    /// The instance certainly has no attribute of that name: no dict slot, an empty
    /// slot, or a values block without it.
    Absent,
    /// Not answered here (a dict, a dict slot at a negative offset, a name that is not
    /// interned): ask [`instance_attrs`].
    Unknown,
}

/// The byte offset of `obj`'s dict slot when it is a plain positive `tp_dictoffset`;
/// `Err(())` for "no slot" (0) and `Ok(None)` for a negative offset (not computed here).
#[inline(always)]
fn fixed_slot(obj: &PyAny) -> Result<Option<&DictSlot>, ()> {
    let off = obj.ob_type().tp_dictoffset.get();
    if off == 0 {
        return Err(());
    }
    if off < 0 {
        return Ok(None);
    }
    // SAFETY: as in `dict_slot`: a positive tp_dictoffset names an 8-aligned
    // pointer-sized slot inside the instance, which holds what `DictSlot` describes.
    Ok(Some(unsafe {
        &*((obj as *const PyAny as *const u8).add(off as usize) as *const DictSlot)
    }))
}

/// Hot accessor: `name` among `obj`'s attributes when that can be answered without a
/// call — an interned `name`, and an instance with no dict slot, an empty slot or a
/// values block. Everything else is [`FastAttr::Unknown`].
///
/// ```
/// use pyrt_core::object::{FastAttr, probe_interned};
/// pyrt_core::with_test_runtime(|py| {
///     let o = pyrt_core::builtins::int_new(py, 1).unwrap();
///     let n = pyrt_core::builtins::intern(py, "real").unwrap();
///     assert_eq!(probe_interned(o.as_any_ref(), &n), FastAttr::Absent); // no dict slot
/// });
/// ```
#[inline(always)]
pub fn probe_interned(obj: &PyAny, name: &StrObject) -> FastAttr {
    let slot = match fixed_slot(obj) {
        Err(()) => return FastAttr::Absent,
        Ok(None) => return FastAttr::Unknown,
        Ok(Some(slot)) => slot,
    };
    let found = match slot.contents() {
        Contents::Empty => None,
        Contents::Dict(_) => return FastAttr::Unknown,
        Contents::Values(block, _) => obj
            .ob_type()
            .ht_cached_keys
            .get()
            .and_then(|k| k.find_ptr(name))
            .and_then(|i| block.get(i)),
    };
    match found {
        Some(v) => FastAttr::Found(v),
        // A pointer search proves absence only for an interned name.
        None if name.is_interned() => FastAttr::Absent,
        None => FastAttr::Unknown,
    }
}

/// Hot accessor: the store of [`InstanceAttrs::replace_set`] for an instance whose dict
/// slot is at a positive offset (every class-created type with a `__dict__`): `value`
/// replaces the attribute `name` (found by pointer) already held in the values block,
/// and the old value is handed back for release. `None` (nothing done) otherwise.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let o = pyrt_core::builtins::int_new(py, 1).unwrap();
///     let n = pyrt_core::builtins::intern(py, "x").unwrap();
///     assert!(pyrt_core::object::replace_interned(py, &o.clone().into_any(), &n, &o.clone().into_any()).is_none());
/// });
/// ```
#[inline(always)]
pub fn replace_interned<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    name: &StrObject,
    value: &Bound<'py, PyAny>,
) -> Option<Bound<'py, PyAny>> {
    let slot = fixed_slot(obj.as_any_ref()).ok()??;
    InstanceAttrs {
        obj: obj.as_any_ref(),
        slot,
    }
    .replace_set(py, name, value)
}

/// Where an attribute read found (or did not find) the name.
///
/// ```
/// # use pyrt_core::{TypeObject, builtins::{int_new, intern, str_new}, object::*};
/// # pyrt_core::with_test_runtime(|py| {
/// # // A scratch class: header + `__dict__` slot at +16; attributes in values blocks.
/// # // SAFETY: all-zero bytes are a valid (empty) TypeObject; the size and offset describe
/// # // the instance below, whose slot is only read through `DictSlot`.
/// # let tp: Box<TypeObject> = unsafe { Box::new_zeroed().assume_init() };
/// # unsafe { tp.tp_basicsize.set(24); tp.tp_dictoffset.set(16); tp.ht_cached_keys.enable() };
/// # let live = py.live_objects();
/// # let obj = generic_alloc(py, &tp, 0).unwrap().into_non_null();
/// # // SAFETY: `obj` stays live until the teardown below.
/// # let o: &PyAny = unsafe { obj.as_ref() };
/// # { // the example's own handles are dropped before the teardown
/// // `o`: an instance of the class `tp`, whose instances use values blocks (hidden setup).
/// let (attrs, x) = (instance_attrs(o).unwrap(), intern(py, "x").unwrap());
/// assert!(matches!(attrs.lookup_str(&x), AttrLookup::Absent));
/// attrs.write_str(py, x.as_any(), Some(x.as_any())).unwrap();
/// assert!(matches!(attrs.lookup_str(&x), AttrLookup::Found(p) if p == x.as_ptr()));
/// # }
/// # // Teardown: release the attributes, free the instance, then the keys table.
/// # drop(dict_slot(o).unwrap().take(py));
/// # // SAFETY: ours is the only reference and the slot is empty; no instance remains.
/// # unsafe { o.ob_base.ob_refcnt.set(0); plain_free(py, obj); tp.ht_cached_keys.free() };
/// # assert_eq!(py.live_objects(), live); // nothing left behind
/// # });
/// ```
pub enum AttrLookup {
    /// The values block holds it (borrowed: owned by the block; take a reference
    /// before running any code).
    Found(NonNull<PyAny>),
    /// The values block does not hold it (or the slot is empty).
    Absent,
    /// The attributes are in this dict: look there (borrowed, owned by the slot).
    Dict(NonNull<PyAny>),
}

/// What a write into the values block did.
///
/// ```
/// # use pyrt_core::{TypeObject, builtins::{int_new, intern, str_new}, object::*};
/// # pyrt_core::with_test_runtime(|py| {
/// # // A scratch class: header + `__dict__` slot at +16; attributes in values blocks.
/// # // SAFETY: all-zero bytes are a valid (empty) TypeObject; the size and offset describe
/// # // the instance below, whose slot is only read through `DictSlot`.
/// # let tp: Box<TypeObject> = unsafe { Box::new_zeroed().assume_init() };
/// # unsafe { tp.tp_basicsize.set(24); tp.tp_dictoffset.set(16); tp.ht_cached_keys.enable() };
/// # let live = py.live_objects();
/// # let obj = generic_alloc(py, &tp, 0).unwrap().into_non_null();
/// # // SAFETY: `obj` stays live until the teardown below.
/// # let o: &PyAny = unsafe { obj.as_ref() };
/// # { // the example's own handles are dropped before the teardown
/// // `o`: an instance of the class `tp`, whose instances use values blocks (hidden setup).
/// let (attrs, x) = (instance_attrs(o).unwrap(), intern(py, "x").unwrap().into_any());
/// assert!(matches!(attrs.write_str(py, &x, None).unwrap(), AttrWrite::Missing));
/// assert!(matches!(attrs.write_str(py, &x, Some(&x)).unwrap(), AttrWrite::Done(None)));
/// let five = int_new(py, 5).unwrap().into_any(); // not a `str`: needs a real dict
/// assert!(matches!(attrs.write_str(py, &five, Some(&x)).unwrap(), AttrWrite::UseDict));
/// # }
/// # // Teardown: release the attributes, free the instance, then the keys table.
/// # drop(dict_slot(o).unwrap().take(py));
/// # // SAFETY: ours is the only reference and the slot is empty; no instance remains.
/// # unsafe { o.ob_base.ob_refcnt.set(0); plain_free(py, obj); tp.ht_cached_keys.free() };
/// # assert_eq!(py.live_objects(), live); // nothing left behind
/// # });
/// ```
pub enum AttrWrite<'py> {
    /// Stored (or deleted); the previous value, to be released by the caller.
    Done(Option<Bound<'py, PyAny>>),
    /// A deletion of an attribute that is not set.
    Missing,
    /// The attributes live (now) in a dict or in no storage the values can express:
    /// use the dict protocol.
    UseDict,
}

/// Reading, replacing and writing attributes in the values block, and making the
/// dict when one is needed.
///
/// ```
/// use pyrt_core::object::{generic_alloc, instance_attrs};
/// pyrt_core::with_test_runtime(|py| {
///     // A builtin with a `__dict__` slot keeps a plain dict: no values block.
///     let o = generic_alloc(py, py.builtins().classmethod(), 0).unwrap();
///     let attrs = instance_attrs(o.as_any_ref()).unwrap();
///     assert!(attrs.materialize(py).unwrap().is_none()); // empty slot: no dict yet
/// });
/// ```
impl<'a> InstanceAttrs<'a> {
    /// The dict slot.
    ///
    /// ```
    /// # use pyrt_core::{TypeObject, builtins::{int_new, intern, str_new}, object::*};
    /// # pyrt_core::with_test_runtime(|py| {
    /// # // A scratch class: header + `__dict__` slot at +16; attributes in values blocks.
    /// # // SAFETY: all-zero bytes are a valid (empty) TypeObject; the size and offset describe
    /// # // the instance below, whose slot is only read through `DictSlot`.
    /// # let tp: Box<TypeObject> = unsafe { Box::new_zeroed().assume_init() };
    /// # unsafe { tp.tp_basicsize.set(24); tp.tp_dictoffset.set(16); tp.ht_cached_keys.enable() };
    /// # let live = py.live_objects();
    /// # let obj = generic_alloc(py, &tp, 0).unwrap().into_non_null();
    /// # // SAFETY: `obj` stays live until the teardown below.
    /// # let o: &PyAny = unsafe { obj.as_ref() };
    /// # { // the example's own handles are dropped before the teardown
    /// // `o`: an instance of the class `tp`, whose instances use values blocks (hidden setup).
    /// let attrs = instance_attrs(o).unwrap();
    /// assert!(std::ptr::eq(attrs.slot(), dict_slot(o).unwrap()));
    /// assert!(attrs.slot().is_empty());
    /// # }
    /// # // Teardown: release the attributes, free the instance, then the keys table.
    /// # drop(dict_slot(o).unwrap().take(py));
    /// # // SAFETY: ours is the only reference and the slot is empty; no instance remains.
    /// # unsafe { o.ob_base.ob_refcnt.set(0); plain_free(py, obj); tp.ht_cached_keys.free() };
    /// # assert_eq!(py.live_objects(), live); // nothing left behind
    /// # });
    /// ```
    pub fn slot(&self) -> &'a DictSlot {
        self.slot
    }

    /// The type's keys. A values block exists only when they do.
    #[inline(always)]
    fn keys(&self) -> Option<&'a SharedKeys> {
        self.obj.ob_type().ht_cached_keys.get()
    }

    /// Looks up `name` (an exact `str`) in the values, or says where else to look.
    ///
    /// ```
    /// # use pyrt_core::{TypeObject, builtins::{int_new, intern, str_new}, object::*};
    /// # pyrt_core::with_test_runtime(|py| {
    /// # // A scratch class: header + `__dict__` slot at +16; attributes in values blocks.
    /// # // SAFETY: all-zero bytes are a valid (empty) TypeObject; the size and offset describe
    /// # // the instance below, whose slot is only read through `DictSlot`.
    /// # let tp: Box<TypeObject> = unsafe { Box::new_zeroed().assume_init() };
    /// # unsafe { tp.tp_basicsize.set(24); tp.tp_dictoffset.set(16); tp.ht_cached_keys.enable() };
    /// # let live = py.live_objects();
    /// # let obj = generic_alloc(py, &tp, 0).unwrap().into_non_null();
    /// # // SAFETY: `obj` stays live until the teardown below.
    /// # let o: &PyAny = unsafe { obj.as_ref() };
    /// # { // the example's own handles are dropped before the teardown
    /// // `o`: an instance of the class `tp`, whose instances use values blocks (hidden setup).
    /// let (attrs, x) = (instance_attrs(o).unwrap(), intern(py, "x").unwrap());
    /// attrs.write_str(py, x.as_any(), Some(x.as_any())).unwrap();
    /// assert!(matches!(attrs.lookup_str(&x), AttrLookup::Found(_)));
    /// let d = attrs.materialize(py).unwrap().unwrap();
    /// assert!(matches!(attrs.lookup_str(&x), AttrLookup::Dict(p) if p == d.as_ptr()));
    /// # }
    /// # // Teardown: release the attributes, free the instance, then the keys table.
    /// # drop(dict_slot(o).unwrap().take(py));
    /// # // SAFETY: ours is the only reference and the slot is empty; no instance remains.
    /// # unsafe { o.ob_base.ob_refcnt.set(0); plain_free(py, obj); tp.ht_cached_keys.free() };
    /// # assert_eq!(py.live_objects(), live); // nothing left behind
    /// # });
    /// ```
    #[inline(always)]
    pub fn lookup_str(&self, name: &StrObject) -> AttrLookup {
        match self.slot.contents() {
            Contents::Empty => AttrLookup::Absent,
            Contents::Dict(d) => AttrLookup::Dict(d),
            Contents::Values(block, _) => {
                let found = self
                    .keys()
                    .and_then(|k| k.find(name))
                    .and_then(|i| block.get(i));
                match found {
                    Some(v) => AttrLookup::Found(v),
                    None => AttrLookup::Absent,
                }
            }
        }
    }

    /// The hot case of a store: the values block already holds `name` (interned, found
    /// by pointer) — `value` replaces it and the old value is handed back for release.
    /// `None` (nothing done) in every other case.
    ///
    /// ```
    /// # use pyrt_core::{TypeObject, builtins::{int_new, intern, str_new}, object::*};
    /// # pyrt_core::with_test_runtime(|py| {
    /// # // A scratch class: header + `__dict__` slot at +16; attributes in values blocks.
    /// # // SAFETY: all-zero bytes are a valid (empty) TypeObject; the size and offset describe
    /// # // the instance below, whose slot is only read through `DictSlot`.
    /// # let tp: Box<TypeObject> = unsafe { Box::new_zeroed().assume_init() };
    /// # unsafe { tp.tp_basicsize.set(24); tp.tp_dictoffset.set(16); tp.ht_cached_keys.enable() };
    /// # let live = py.live_objects();
    /// # let obj = generic_alloc(py, &tp, 0).unwrap().into_non_null();
    /// # // SAFETY: `obj` stays live until the teardown below.
    /// # let o: &PyAny = unsafe { obj.as_ref() };
    /// # { // the example's own handles are dropped before the teardown
    /// // `o`: an instance of the class `tp`, whose instances use values blocks (hidden setup).
    /// let (attrs, x) = (instance_attrs(o).unwrap(), intern(py, "x").unwrap());
    /// let (a, b) = (str_new(py, "a").unwrap().into_any(), str_new(py, "b").unwrap().into_any());
    /// assert!(attrs.replace_set(py, &x, &a).is_none()); // not held yet: nothing done
    /// attrs.write_str(py, x.as_any(), Some(&a)).unwrap();
    /// let old = attrs.replace_set(py, &x, &b).unwrap(); // the old value, for release
    /// assert!(old.is(&a));
    /// # }
    /// # // Teardown: release the attributes, free the instance, then the keys table.
    /// # drop(dict_slot(o).unwrap().take(py));
    /// # // SAFETY: ours is the only reference and the slot is empty; no instance remains.
    /// # unsafe { o.ob_base.ob_refcnt.set(0); plain_free(py, obj); tp.ht_cached_keys.free() };
    /// # assert_eq!(py.live_objects(), live); // nothing left behind
    /// # });
    /// ```
    #[inline(always)]
    pub fn replace_set<'py>(
        &self,
        py: Python<'py>,
        name: &StrObject,
        value: &Bound<'py, PyAny>,
    ) -> Option<Bound<'py, PyAny>> {
        let Contents::Values(block, _) = self.slot.contents() else {
            return None;
        };
        let i = self.keys()?.find_ptr(name)?;
        let old = block.get(i)?;
        block.cell(i).set(value.clone().into_non_null().as_ptr());
        // SAFETY: the block owned `old`; the reference is handed to the caller.
        Some(unsafe { Bound::from_owned_ptr(py, old) })
    }

    /// Sets (`Some`) or deletes (`None`) the attribute `name` in the values block when
    /// the instance uses one (creating it for a type with shared keys and an empty
    /// slot). Anything the values cannot express (a name that is not an exact `str`,
    /// a full keys table) materialises the dict and answers [`AttrWrite::UseDict`].
    ///
    /// ```
    /// # use pyrt_core::{TypeObject, builtins::{int_new, intern, str_new}, object::*};
    /// # pyrt_core::with_test_runtime(|py| {
    /// # // A scratch class: header + `__dict__` slot at +16; attributes in values blocks.
    /// # // SAFETY: all-zero bytes are a valid (empty) TypeObject; the size and offset describe
    /// # // the instance below, whose slot is only read through `DictSlot`.
    /// # let tp: Box<TypeObject> = unsafe { Box::new_zeroed().assume_init() };
    /// # unsafe { tp.tp_basicsize.set(24); tp.tp_dictoffset.set(16); tp.ht_cached_keys.enable() };
    /// # let live = py.live_objects();
    /// # let obj = generic_alloc(py, &tp, 0).unwrap().into_non_null();
    /// # // SAFETY: `obj` stays live until the teardown below.
    /// # let o: &PyAny = unsafe { obj.as_ref() };
    /// # { // the example's own handles are dropped before the teardown
    /// // `o`: an instance of the class `tp`, whose instances use values blocks (hidden setup).
    /// let (attrs, x) = (instance_attrs(o).unwrap(), intern(py, "x").unwrap().into_any());
    /// let v = str_new(py, "v").unwrap().into_any();
    /// assert!(matches!(attrs.write_str(py, &x, Some(&v)).unwrap(), AttrWrite::Done(None)));
    /// let deleted = attrs.write_str(py, &x, None).unwrap();
    /// assert!(matches!(deleted, AttrWrite::Done(Some(old)) if old.is(&v)));
    /// attrs.materialize(py).unwrap();
    /// assert!(matches!(attrs.write_str(py, &x, Some(&v)).unwrap(), AttrWrite::UseDict));
    /// # }
    /// # // Teardown: release the attributes, free the instance, then the keys table.
    /// # drop(dict_slot(o).unwrap().take(py));
    /// # // SAFETY: ours is the only reference and the slot is empty; no instance remains.
    /// # unsafe { o.ob_base.ob_refcnt.set(0); plain_free(py, obj); tp.ht_cached_keys.free() };
    /// # assert_eq!(py.live_objects(), live); // nothing left behind
    /// # });
    /// ```
    #[inline]
    pub fn write_str<'py>(
        &self,
        py: Python<'py>,
        name: &Bound<'py, PyAny>,
        value: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<AttrWrite<'py>> {
        let exact = match name.downcast::<StrObject>() {
            Ok(s) if s.is_exact(py) => Some(s),
            _ => None,
        };
        let block = match self.slot.contents() {
            Contents::Dict(_) => return Ok(AttrWrite::UseDict),
            Contents::Values(_, b) => b,
            Contents::Empty => {
                let tp = self.obj.ob_type();
                if exact.is_none() || !tp.ht_cached_keys.is_enabled() {
                    return Ok(AttrWrite::UseDict);
                }
                if value.is_none() {
                    return Ok(AttrWrite::Missing);
                }
                let Some(keys) = tp.ht_cached_keys.get_or_create() else {
                    return Ok(AttrWrite::UseDict);
                };
                let b =
                    ValuesBlock::alloc(py, keys.len()).ok_or_else(|| PyErr::memory_error(py))?;
                self.slot.store_values(b);
                b
            }
        };
        let Some(name) = exact else {
            return self.use_dict(py);
        };
        let Some(keys) = self.keys() else {
            return self.use_dict(py);
        };
        let index = match keys.find(name) {
            Some(i) => i,
            None if value.is_none() => return Ok(AttrWrite::Missing),
            None => match keys.push(&intern_bound(py, name.clone())) {
                Some(i) => i,
                None => return self.use_dict(py),
            },
        };
        self.store(py, block, index, value)
    }

    /// Step of [`write_str`](Self::write_str): the value cell `index` of `block`
    /// (grown first if needed) gets `value`.
    fn store<'py>(
        &self,
        py: Python<'py>,
        mut block: NonNull<ValuesBlock>,
        index: usize,
        value: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<AttrWrite<'py>> {
        // SAFETY: the slot owns the block.
        if index >= unsafe { block.as_ref() }.cap() {
            if value.is_none() {
                return Ok(AttrWrite::Missing);
            }
            let keys_len = self.keys().map_or(0, SharedKeys::len);
            // SAFETY: the slot owns the block; the grown copy replaces it at once.
            block = unsafe { ValuesBlock::grow(py, block, keys_len.max(index + 1)) }
                .ok_or_else(|| PyErr::memory_error(py))?;
            self.slot.store_values(block);
        }
        // SAFETY: the slot owns the block; nothing below runs code until the old value is
        // handed back to the caller.
        let b = unsafe { block.as_ref() };
        let new = value.map_or(std::ptr::null_mut(), |v| v.clone().into_non_null().as_ptr());
        let old = NonNull::new(b.cell(index).replace(new));
        match (old.is_some(), value.is_some()) {
            (false, false) => return Ok(AttrWrite::Missing),
            (false, true) => b.push_order(index),
            (true, false) => b.remove_order(index),
            (true, true) => {}
        }
        // SAFETY: the block owned `old`; the reference is handed to the caller.
        Ok(AttrWrite::Done(
            old.map(|p| unsafe { Bound::from_owned_ptr(py, p) }),
        ))
    }

    /// Materialises and answers [`AttrWrite::UseDict`].
    #[cold]
    fn use_dict<'py>(&self, py: Python<'py>) -> PyResult<AttrWrite<'py>> {
        self.materialize(py)?;
        Ok(AttrWrite::UseDict)
    }

    /// The instance's dict: the one in the slot, or a new one made from the values (in
    /// the instance's insertion order), which the slot then holds for good; `None` if
    /// the slot is empty.
    ///
    /// ```
    /// # use pyrt_core::{TypeObject, builtins::{int_new, intern, str_new}, object::*};
    /// # pyrt_core::with_test_runtime(|py| {
    /// # // A scratch class: header + `__dict__` slot at +16; attributes in values blocks.
    /// # // SAFETY: all-zero bytes are a valid (empty) TypeObject; the size and offset describe
    /// # // the instance below, whose slot is only read through `DictSlot`.
    /// # let tp: Box<TypeObject> = unsafe { Box::new_zeroed().assume_init() };
    /// # unsafe { tp.tp_basicsize.set(24); tp.tp_dictoffset.set(16); tp.ht_cached_keys.enable() };
    /// # let live = py.live_objects();
    /// # let obj = generic_alloc(py, &tp, 0).unwrap().into_non_null();
    /// # // SAFETY: `obj` stays live until the teardown below.
    /// # let o: &PyAny = unsafe { obj.as_ref() };
    /// # { // the example's own handles are dropped before the teardown
    /// // `o`: an instance of the class `tp`, whose instances use values blocks (hidden setup).
    /// let (attrs, x) = (instance_attrs(o).unwrap(), intern(py, "x").unwrap().into_any());
    /// assert!(attrs.materialize(py).unwrap().is_none()); // empty slot: no dict
    /// attrs.write_str(py, &x, Some(&x)).unwrap();
    /// let d = attrs.materialize(py).unwrap().unwrap();
    /// assert!(d.get_item(py, &x).unwrap().unwrap().is(&x));
    /// assert_eq!(attrs.slot().dict_ptr(), Some(d.as_ptr())); // held for good
    /// # }
    /// # // Teardown: release the attributes, free the instance, then the keys table.
    /// # drop(dict_slot(o).unwrap().take(py));
    /// # // SAFETY: ours is the only reference and the slot is empty; no instance remains.
    /// # unsafe { o.ob_base.ob_refcnt.set(0); plain_free(py, obj); tp.ht_cached_keys.free() };
    /// # assert_eq!(py.live_objects(), live); // nothing left behind
    /// # });
    /// ```
    pub fn materialize<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, DictObject>>> {
        let block = match self.slot.contents() {
            Contents::Empty => return Ok(None),
            Contents::Dict(_) => return Ok(self.slot.dict(py)),
            Contents::Values(b, _) => b,
        };
        let dict = dict_new(py)?;
        if let Some(keys) = self.keys() {
            for i in block.order() {
                let Some(v) = block.get(i) else { continue };
                let key = Bound::from_ref(py, keys.name(i)).into_any();
                // SAFETY: the block owns `v`; exact-str keys run no code, so it stays
                // alive through the store, which takes the dict's own reference.
                let v = unsafe { Bound::from_borrowed_ptr(py, v) };
                dict.set_item(py, &key, &v)?;
            }
        }
        // The block's references go; the dict holds its own, so no object dies here.
        let old = self.slot.take(py);
        debug_assert!(!old.is_empty());
        self.slot
            .store_dict_raw(dict.clone().into_non_null().cast());
        drop(old);
        Ok(Some(dict))
    }
}
