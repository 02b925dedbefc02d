//! The slot-wrapper step (CPython's `add_operators`): for each row of the slot table
//! whose slot the type fills *itself* (this step runs before inheritance), a
//! `wrapper_descriptor` goes into the type's dict under the row's dunder, unless the
//! dict already has that name. The first row wins, so mapping slots beat sequence ones
//! (`list.__getitem__` wraps `mp_subscript`). An unhashable `tp_hash` shows as
//! `__hash__ = None`.
//!
//! Owns this step only; the wrapper type is `crate::slot_wrapper`.

use super::hash::hash_not_implemented;
use crate::slot_wrapper::wrapper_descr_new;
use crate::slotdefs::{SLOTDEFS, static_fn};
use pyrt_core::protocol::none;
use pyrt_core::types::{SlotId, SlotValue, SsizeFunc};
use pyrt_core::{PyResult, Python, TypeObject};

pub(super) fn add_slot_wrappers(py: Python<'_>, tp: &TypeObject) -> PyResult<()> {
    // A class from the class statement fills no behaviour slot before readying (its
    // slots come from inheritance and the dunder fixup), so it has nothing to wrap.
    if crate::class::is_class_created(tp) {
        return Ok(());
    }
    let Some(dict) = tp.tp_dict.get(py) else {
        return Ok(());
    };
    for (i, row) in SLOTDEFS.iter().enumerate() {
        if row.wrapper.is_none() {
            continue;
        }
        let Some(func) = tp.get_slot(row.slot).and_then(static_fn) else {
            continue;
        };
        let key = row.name.interned(py)?;
        if dict.get_str_raw(py, &key).is_some() {
            continue;
        }
        let unhashable = row.slot == SlotId::TP_HASH
            && matches!(func, SlotValue::Ssize(f) if f as usize == hash_not_implemented as SsizeFunc as usize);
        if unhashable {
            dict.set_item(py, key.as_any(), &none(py))?;
        } else {
            let w = wrapper_descr_new(py, tp, i, func)?;
            dict.set_item(py, key.as_any(), w.as_any())?;
        }
    }
    Ok(())
}
