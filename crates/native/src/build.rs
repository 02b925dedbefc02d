//! [`NativeClass::build`]: the builder's data becomes a `TypeSpec` for
//! `from_spec_unchecked`, in steps: `check_limits` → `resolve_base` → `plan_layout` →
//! `method_defs` / `getset_defs` → `slots` → the type, with its `ClassInfo` in
//! `ht_module`.
//!
//! Owns the translation and the checks that make the unchecked call sound: the layout
//! (payload cell last, optional weaklist slot before it), the dealloc/traverse/clear
//! installed for exactly that layout, and `HAVE_GC` whenever the payload or the base
//! holds references. Must not run user closures.

use crate::builder::{MethodEntry, NativeClass};
use crate::class_info::{ClassInfo, GetSetEntry, new_info_object};
use crate::def_tables;
use crate::layout::{cell_size, defining_type};
use crate::payload::PayloadCell;
use crate::slots::gc::{native_clear, native_traverse};
use crate::slots::lifecycle::{native_dealloc, native_new};
use crate::slots::trampolines::{MAX_PER_KIND, getter_table, method_table, setter_table};
use pyrt_core::object::{gc_free, plain_free};
use pyrt_core::types::{GetSetDef, MemberDef, MethodDef, SlotId, SlotValue};
use pyrt_core::{Bound, PyErr, PyResult, Python, TypeFlags, TypeObject};
use pyrt_typeobject::{Slot, TypeSpec, from_spec_unchecked, names};

/// The slots `build` sets itself (or that would break its layout): refused in
/// [`NativeClass::slot`].
const MANAGED: [SlotId; 13] = [
    SlotId::TP_ALLOC,
    SlotId::TP_DEALLOC,
    SlotId::TP_FREE,
    SlotId::TP_TRAVERSE,
    SlotId::TP_IS_GC,
    SlotId::TP_NEW,
    SlotId::TP_CLEAR,
    SlotId::TP_BASE,
    SlotId::TP_BASES,
    SlotId::TP_DOC,
    SlotId::TP_METHODS,
    SlotId::TP_MEMBERS,
    SlotId::TP_GETSET,
];

/// Where the instance's own fields go.
struct Layout {
    /// Offset of the weak reference list slot this type adds, if any.
    weaklist: Option<isize>,
    /// The instance size (the payload cell ends it).
    basicsize: isize,
    /// Whether instances are collectable.
    gc: bool,
}

impl<T: crate::Trace + Send> NativeClass<T> {
    /// Creates the type: a ready heap type named by the builder, subclass of the base
    /// (default `object`), whose instances carry a `T`.
    ///
    /// Errors: `TypeError` for a variable-size base, a base that already carries a `T`
    /// payload, a base that refuses subclassing, a payload aligned to more than 8
    /// bytes, or more than 64 methods or attributes; `ValueError` for a name given to
    /// two methods/attributes.
    ///
    /// ```
    /// use pyrt_native::{NativeClass, Trace};
    /// #[derive(Trace, Default)]
    /// struct P { x: i64 }
    /// pyrt_native::Runtime::with(|py| {
    ///     let ty = NativeClass::<P>::new("demo.P").build(py).unwrap();
    ///     assert_eq!(pyrt_native::names::name(py, &ty), "P");
    ///     let int = pyrt_native::Bound::from_ref(py, py.builtins().int());
    ///     let e = NativeClass::<P>::new("demo.Q").base(&int).build(py).unwrap_err();
    ///     assert_eq!(e.message(py), "native type 'demo.Q' cannot extend variable-size type 'int'");
    /// });
    /// ```
    pub fn build<'py>(self, py: Python<'py>) -> PyResult<Bound<'py, TypeObject>> {
        self.check_limits(py)?;
        let base = self.resolve_base(py)?;
        let layout = plan_layout::<T>(&base, self.weakrefable);
        let methods = method_defs::<T>(&self.methods);
        let getsets = getset_defs::<T>(&self.getsets);
        let members = match layout.weaklist {
            Some(off) => def_tables::weaklist_member(off),
            None => &[],
        };
        let mut slots = slots::<T>(&layout, methods, getsets, members, self.doc.as_deref());
        slots.extend(self.extra_slots.iter().map(|&(id, v)| Slot::new(id, v)));
        let mut flags = TypeFlags::DEFAULT | TypeFlags::IMMUTABLETYPE;
        if self.basetype {
            flags = flags | TypeFlags::BASETYPE;
        }
        if layout.gc {
            flags = flags | TypeFlags::HAVE_GC;
        }
        let spec = TypeSpec {
            name: &self.name,
            basicsize: i32::try_from(layout.basicsize)
                .map_err(|_| PyErr::type_error(py, "native payload too large"))?,
            itemsize: 0,
            flags,
            slots: &slots,
        };
        let info = new_info_object(
            py,
            ClassInfo {
                methods: self.methods.into_iter().map(|m| m.call).collect(),
                getsets: self.getsets,
                constructor: self.constructor,
            },
        )?;
        let bases = [base.into_any()];
        // SAFETY: `slots` installs native_dealloc/traverse/clear::<T>, which destroy,
        // visit and clear exactly the layout `plan_layout` computed (a PayloadCell<T>
        // ending the instance, the class fields of a class base, then the base's own
        // slot functions); tp_free matches HAVE_GC; the only member is the weaklist
        // slot inside the instance; the base is fixed-size and carries no `T` payload
        // (resolve_base), so the payload's defining type is unambiguous.
        unsafe { from_spec_unchecked(py, &spec, Some(&bases), None, Some(&info)) }
    }

    /// Step: the definition tables fit the trampolines; names are unique; the payload's
    /// alignment fits the object block.
    fn check_limits(&self, py: Python<'_>) -> PyResult<()> {
        if self.methods.len() > MAX_PER_KIND || self.getsets.len() > MAX_PER_KIND {
            return Err(PyErr::type_error(
                py,
                format!(
                    "native type '{}' has more than {MAX_PER_KIND} methods or attributes",
                    self.name
                ),
            ));
        }
        if std::mem::align_of::<T>() > PayloadCell::<T>::MAX_ALIGN {
            return Err(PyErr::type_error(
                py,
                format!(
                    "native type '{}': payload alignment {} exceeds {}",
                    self.name,
                    std::mem::align_of::<T>(),
                    PayloadCell::<T>::MAX_ALIGN
                ),
            ));
        }
        if let Some((id, _)) = self.extra_slots.iter().find(|(id, _)| MANAGED.contains(id)) {
            return Err(PyErr::type_error(
                py,
                format!(
                    "native type '{}': slot {} is managed by pyrt-native",
                    self.name,
                    id.name().unwrap_or("?")
                ),
            ));
        }
        let mut seen: Vec<&str> = Vec::new();
        let names = self
            .methods
            .iter()
            .map(|m| m.name)
            .chain(self.getsets.iter().map(|g| g.name));
        for n in names {
            if seen.contains(&n) {
                return Err(PyErr::value_error(
                    py,
                    format!("native type '{}' defines '{n}' twice", self.name),
                ));
            }
            seen.push(n);
        }
        Ok(())
    }

    /// Step: the base (default `object`), fixed-size and without a `T` payload.
    fn resolve_base<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, TypeObject>> {
        let base = match &self.base {
            Some(b) => b.bind(py).clone(),
            None => Bound::from_ref(py, py.builtins().object()),
        };
        if base.tp_itemsize.get() != 0 {
            return Err(PyErr::type_error(
                py,
                format!(
                    "native type '{}' cannot extend variable-size type '{}'",
                    self.name,
                    names::tp_name(&base)
                ),
            ));
        }
        if defining_type::<T>(&base).is_some() {
            return Err(PyErr::type_error(
                py,
                format!(
                    "native type '{}': base '{}' already carries this payload type",
                    self.name,
                    names::tp_name(&base)
                ),
            ));
        }
        Ok(base)
    }
}

/// Step: `[base | weaklist slot (if asked and the base has none) | PayloadCell<T>]`;
/// collectable when the payload or the base holds references.
fn plan_layout<T: crate::Trace + Send>(base: &TypeObject, weakrefable: bool) -> Layout {
    let mut at = (base.tp_basicsize.get() + 7) & !7;
    let weaklist = (weakrefable && base.tp_weaklistoffset.get() == 0).then(|| {
        let off = at;
        at += 8;
        off
    });
    Layout {
        weaklist,
        basicsize: at + cell_size::<T>(),
        gc: T::HAS_REFS || base.has_flag(TypeFlags::HAVE_GC),
    }
}

/// Step: one `METH_FASTCALL` method per entry, each on its index's trampoline (the
/// table shared with every build of the same methods, see `def_tables`).
fn method_defs<T: crate::Trace + Send>(methods: &[MethodEntry]) -> &'static [MethodDef] {
    let rows: Vec<_> = methods
        .iter()
        .zip(method_table::<T>())
        .map(|(m, f)| (m.name, m.doc, f))
        .collect();
    def_tables::methods(&rows)
}

/// Step: one getset per attribute, its getter/setter on its index's trampolines.
fn getset_defs<T: crate::Trace + Send>(getsets: &[GetSetEntry]) -> &'static [GetSetDef] {
    let (gets, sets) = (getter_table::<T>(), setter_table::<T>());
    let rows: Vec<_> = getsets
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let get = g.get.as_ref().map(|_| gets[i]);
            (g.name, get, g.set.as_ref().map(|_| sets[i]))
        })
        .collect();
    def_tables::getsets(&rows)
}

/// Step: the slot list.
fn slots<'a, T: crate::Trace + Send>(
    layout: &Layout,
    methods: &'static [MethodDef],
    getsets: &'static [GetSetDef],
    members: &'static [MemberDef],
    doc: Option<&'a str>,
) -> Vec<Slot<'a>> {
    let mut s = vec![
        Slot::new(SlotId::TP_NEW, SlotValue::New(native_new::<T>)),
        Slot::new(SlotId::TP_DEALLOC, SlotValue::Dealloc(native_dealloc::<T>)),
    ];
    if layout.gc {
        s.push(Slot::new(
            SlotId::TP_TRAVERSE,
            SlotValue::Traverse(native_traverse::<T>),
        ));
        s.push(Slot::new(
            SlotId::TP_CLEAR,
            SlotValue::ObjProc(native_clear::<T>),
        ));
        s.push(Slot::new(SlotId::TP_FREE, SlotValue::Free(gc_free)));
    } else {
        s.push(Slot::new(SlotId::TP_FREE, SlotValue::Free(plain_free)));
    }
    if !methods.is_empty() {
        s.push(Slot::new(SlotId::TP_METHODS, SlotValue::Methods(methods)));
    }
    if !getsets.is_empty() {
        s.push(Slot::new(SlotId::TP_GETSET, SlotValue::GetSet(getsets)));
    }
    if !members.is_empty() {
        s.push(Slot::new(SlotId::TP_MEMBERS, SlotValue::Members(members)));
    }
    if let Some(d) = doc {
        s.push(Slot::new(SlotId::TP_DOC, SlotValue::Doc(d)));
    }
    s
}
