//! Types from specs (`PyType_FromMetaclass`): a [`TypeSpec`] (name, sizes, flags, slots)
//! plus bases, metaclass and module become a ready heap type.
//!
//! Owns spec validation and application, in steps: `check_slots` → `check_flags` →
//! `resolve_bases` → `resolve_metaclass` → best base → allocation → `apply_names` →
//! `apply_sizes` → `apply_slots` → `type_ready`. Bad specs give `TypeError`/`ValueError`/
//! `SystemError`/`RuntimeError`, never a panic. (CPython 3.11 crashes on several
//! malformed specs that pyrt rejects: an unknown slot number, a NULL function slot.)

use crate::layout::best_base;
use crate::metaclass;
use crate::type_ready::type_ready;
use pyrt_core::builtins::{TupleObject, dict_new, intern, str_new, tuple_new};
use pyrt_core::object::{generic_alloc, member_fits, member_size};
use pyrt_core::types::{MemberDef, MemberKind, SlotId, SlotSetError, SlotValue};
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python, TypeFlags, TypeObject};

/// A slot of a spec: a stable-ABI slot number and its value (`None` is C's `NULL`,
/// allowed only for `tp_doc`).
///
/// ```
/// use pyrt_core::TypeFlags;
/// use pyrt_core::types::SlotId;
/// use pyrt_typeobject::{Runtime, Slot, TypeSpec, from_spec};
/// Runtime::with(|py| {
///     let spec = |slots| TypeSpec { name: "m.T", basicsize: 0, itemsize: 0, flags: TypeFlags::DEFAULT, slots };
///     let null_doc = [Slot { id: SlotId::TP_DOC, value: None }];
///     assert!(from_spec(py, &spec(&null_doc), None, None, None).is_ok());
///     let null_repr = [Slot { id: SlotId::TP_REPR, value: None }];
///     let e = from_spec(py, &spec(&null_repr), None, None, None).unwrap_err();
///     assert_eq!(e.message(py), format!("m.T: slot tp_repr ({}) is NULL", SlotId::TP_REPR.0));
/// });
/// ```
#[derive(Clone, Copy)]
pub struct Slot<'a> {
    /// The slot number.
    pub id: SlotId,
    /// The value.
    pub value: Option<SlotValue<'a>>,
}

/// Building slots.
///
/// ```
/// use pyrt_core::types::{SlotId, SlotValue};
/// let s = pyrt_typeobject::Slot::new(SlotId::TP_DOC, SlotValue::Doc("hello"));
/// assert!(matches!(s.value, Some(SlotValue::Doc("hello"))));
/// ```
impl<'a> Slot<'a> {
    /// A slot with a value.
    ///
    /// ```
    /// use pyrt_core::types::{SlotId, SlotValue};
    /// let s = pyrt_typeobject::Slot::new(SlotId::TP_DOC, SlotValue::Doc("hello"));
    /// assert_eq!(s.id, SlotId::TP_DOC);
    /// ```
    pub fn new(id: SlotId, value: SlotValue<'a>) -> Slot<'a> {
        Slot {
            id,
            value: Some(value),
        }
    }
}

/// `PyType_Spec`: what a heap type is made from.
///
/// `basicsize` > 0 sets the instance size, 0 inherits it, < 0 asks for that many extra
/// bytes after the base's (padded to 8). `itemsize` 0 inherits. `HEAPTYPE` is added to
/// `flags` automatically.
///
/// ```
/// use pyrt_core::TypeFlags;
/// use pyrt_typeobject::{Runtime, TypeSpec, from_spec};
/// Runtime::with(|py| {
///     let spec = TypeSpec { name: "mod.Point", basicsize: 0, itemsize: 0, flags: TypeFlags::DEFAULT | TypeFlags::BASETYPE, slots: &[] };
///     let t = from_spec(py, &spec, None, None, None).unwrap();
///     assert_eq!(pyrt_typeobject::names::name(py, &t), "Point");
///     assert_eq!(pyrt_typeobject::names::module_name(py, &t).unwrap(), "mod");
///     assert!(t.has_flag(TypeFlags::HEAPTYPE));
/// });
/// ```
#[derive(Clone, Copy)]
pub struct TypeSpec<'a> {
    /// `"module.Name"` (or just `"Name"`).
    pub name: &'a str,
    /// Instance size rule (see the type's docs).
    pub basicsize: i32,
    /// Item size; 0 inherits.
    pub itemsize: i32,
    /// `tp_flags`.
    pub flags: TypeFlags,
    /// The slots.
    pub slots: &'a [Slot<'a>],
}

/// Creates a ready heap type from `spec`. `bases` (or else the `tp_bases`/`tp_base`
/// slots, or else `object`); `metaclass` (or else the most derived metatype of the
/// bases; metatypes with their own `tp_new` are refused, as in CPython 3.12+); `module`
/// is stored as the type's module object.
///
/// The layout-bearing slots (`tp_alloc`, `tp_dealloc`, `tp_free`, `tp_traverse`,
/// `tp_is_gc`) are refused here with a `TypeError`: they need
/// [`from_spec_unchecked`]. Offsets given as `__dictoffset__` / `__weaklistoffset__` /
/// `__vectorcalloffset__` members must lie inside the instance.
///
/// ```
/// use pyrt_core::types::{SlotId, SlotValue};
/// use pyrt_core::{Bound, PyResult, Python, TypeFlags};
/// use pyrt_typeobject::{Runtime, Slot, TypeSpec, from_spec};
/// fn repr<'py>(py: Python<'py>, _o: &Bound<'py>) -> PyResult<Bound<'py>> {
///     pyrt_core::builtins::str_new(py, "<P>").map(Bound::into_any)
/// }
/// Runtime::with(|py| {
///     let slots = [Slot::new(SlotId::TP_REPR, SlotValue::Unary(repr))];
///     let spec = TypeSpec { name: "m.P", basicsize: 0, itemsize: 0, flags: TypeFlags::DEFAULT, slots: &slots };
///     let p = from_spec(py, &spec, None, None, None).unwrap();
///     let obj = pyrt_typeobject::call_type(py, &p, &[]).unwrap();
///     assert_eq!(pyrt_typeobject::ops::repr(py, &obj).unwrap().as_str(), "<P>");
///     // A layout-bearing slot needs `from_spec_unchecked`.
///     let raw = [Slot::new(SlotId::TP_ALLOC, SlotValue::Alloc(pyrt_core::object::generic_alloc))];
///     let e = from_spec(py, &TypeSpec { slots: &raw, ..spec }, None, None, None).unwrap_err();
///     assert!(e.message(py).ends_with("is layout-bearing: use from_spec_unchecked"));
/// });
/// ```
pub fn from_spec<'py>(
    py: Python<'py>,
    spec: &TypeSpec<'_>,
    bases: Option<&[Bound<'py, PyAny>]>,
    metaclass: Option<&TypeObject>,
    module: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, TypeObject>> {
    build(py, spec, bases, metaclass, module, false)
}

/// [`from_spec`] that also accepts the layout-bearing slots.
///
/// # Safety
/// Each `tp_members` entry must describe a real field of the instances (safe
/// `from_spec` checks that each is a field the type adds itself). Each layout-bearing
/// slot in `spec` must agree with the instances' layout, as
/// `TypeObject::set_fn_slot_unchecked` documents: e.g. a `tp_dealloc` destroys exactly
/// the payload `basicsize` describes and ends in the type's `tp_free`; a `tp_traverse`
/// visits only live objects the instance owns references to.
///
/// ```
/// use pyrt_core::types::{SlotId, SlotValue};
/// use pyrt_core::TypeFlags;
/// use pyrt_typeobject::{Runtime, Slot, TypeSpec, from_spec_unchecked};
/// Runtime::with(|py| {
///     let slots = [Slot::new(SlotId::TP_ALLOC, SlotValue::Alloc(pyrt_core::object::generic_alloc))];
///     let spec = TypeSpec { name: "m.Raw", basicsize: 0, itemsize: 0, flags: TypeFlags::DEFAULT, slots: &slots };
///     // SAFETY: no members; `generic_alloc` allocates any type's instances as its
///     // size and flags say, so it agrees with every layout.
///     let t = unsafe { from_spec_unchecked(py, &spec, None, None, None) }.unwrap();
///     let obj = pyrt_typeobject::call_type(py, &t, &[]).unwrap();
///     assert!(obj.get_type().is(&t));
/// });
/// ```
pub unsafe fn from_spec_unchecked<'py>(
    py: Python<'py>,
    spec: &TypeSpec<'_>,
    bases: Option<&[Bound<'py, PyAny>]>,
    metaclass: Option<&TypeObject>,
    module: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, TypeObject>> {
    build(py, spec, bases, metaclass, module, true)
}

fn build<'py>(
    py: Python<'py>,
    spec: &TypeSpec<'_>,
    bases: Option<&[Bound<'py, PyAny>]>,
    metaclass: Option<&TypeObject>,
    module: Option<&Bound<'py, PyAny>>,
    allow_raw: bool,
) -> PyResult<Bound<'py, TypeObject>> {
    check_slots(py, spec)?;
    check_flags(py, spec)?;
    let bases = resolve_bases(py, spec, bases);
    let meta = resolve_metaclass(py, metaclass, &bases)?;
    let base = best_base(py, &bases)?;
    let alloc = meta.tp_alloc.get().unwrap_or(generic_alloc);
    let obj = alloc(py, &meta, 0)?;
    // SAFETY: metatype instances are laid out as TypeObject; zero-filled is valid.
    let tp = unsafe { obj.downcast_unchecked::<TypeObject>() }.clone();
    tp.use_inline_subtables();
    let refused = TypeFlags::FAST_SUBCLASS_MASK | TypeFlags::READY | TypeFlags::READYING;
    // SAFETY: no instance exists yet. The fast-subclass bits (which layouts rely on) and
    // the readying bits are not taken from the spec: type_ready computes them; HAVE_GC
    // decides how instances will be allocated and freed. `bases` are ready types whose
    // layouts best_base found compatible, `base` is the best of them.
    unsafe {
        tp.add_flags((spec.flags & !refused) | TypeFlags::HEAPTYPE);
        tp.tp_bases.set(py, Some(tuple_new(py, &bases)?));
        tp.tp_base.set(py, Some(base.clone()));
    }
    tp.ht_module.set(py, module.cloned());
    apply_names(py, &tp, spec.name, spec.flags)?;
    apply_sizes(py, &tp, spec, &base)?;
    apply_slots(py, &tp, spec, allow_raw)?;
    check_offsets(py, &tp, spec, &base)?;
    if !allow_raw {
        check_members(py, &tp, spec, &base)?;
    }
    add_managed_slots(py, &tp, spec, &base)?;
    type_ready(py, &tp)?;
    Ok(tp)
}

/// Step: every slot number valid, given once, and non-NULL except `tp_doc`.
fn check_slots(py: Python<'_>, spec: &TypeSpec<'_>) -> PyResult<()> {
    let mut seen = [false; 82];
    for s in spec.slots {
        if !s.id.is_valid() {
            return Err(PyErr::runtime_error(py, "invalid slot offset"));
        }
        let name = s.id.name().unwrap_or("?");
        if std::mem::replace(&mut seen[s.id.0 as usize], true) {
            return Err(PyErr::system_error(
                py,
                format!("{}: duplicate slot {name} ({})", spec.name, s.id.0),
            ));
        }
        if s.value.is_none() && s.id != SlotId::TP_DOC {
            return Err(PyErr::system_error(
                py,
                format!("{}: slot {name} ({}) is NULL", spec.name, s.id.0),
            ));
        }
    }
    Ok(())
}

/// Step: `BUILTIN_STYLE` names are derived from the spec name and cannot be reassigned,
/// so the type must be `IMMUTABLETYPE` too.
fn check_flags(py: Python<'_>, spec: &TypeSpec<'_>) -> PyResult<()> {
    let f = spec.flags;
    if f.contains(TypeFlags::BUILTIN_STYLE) && !f.contains(TypeFlags::IMMUTABLETYPE) {
        return Err(PyErr::system_error(
            py,
            format!("{}: BUILTIN_STYLE requires IMMUTABLETYPE", spec.name),
        ));
    }
    Ok(())
}

/// Step: explicit bases, else the `tp_bases` slot, else the `tp_base` slot, else `object`.
fn resolve_bases<'py>(
    py: Python<'py>,
    spec: &TypeSpec<'_>,
    bases: Option<&[Bound<'py, PyAny>]>,
) -> Vec<Bound<'py, PyAny>> {
    if let Some(b) = bases.filter(|b| !b.is_empty()) {
        return b.to_vec();
    }
    let slot = |id: SlotId| spec.slots.iter().find(|s| s.id == id).and_then(|s| s.value);
    if let Some(SlotValue::Bases(t)) = slot(SlotId::TP_BASES) {
        return t.items(py).to_vec();
    }
    if let Some(SlotValue::Base(t)) = slot(SlotId::TP_BASE) {
        return vec![Bound::from_ref(py, t).into_any()];
    }
    vec![Bound::from_ref(py, py.builtins().object()).into_any()]
}

/// Step: the requested metaclass or the most derived metatype of the bases; metatypes
/// that override `tp_new` are refused.
fn resolve_metaclass<'py>(
    py: Python<'py>,
    meta: Option<&TypeObject>,
    bases: &[Bound<'py, PyAny>],
) -> PyResult<Bound<'py, TypeObject>> {
    let type_ = py.builtins().type_();
    let meta = metaclass::calculate(py, meta.unwrap_or(type_), bases)?;
    let own_new = meta.tp_new.get().map(|f| f as usize) != type_.tp_new.get().map(|f| f as usize);
    if meta.tp_new.get().is_some() && own_new {
        return Err(PyErr::type_error(
            py,
            "Metaclasses with custom tp_new are not supported.",
        ));
    }
    Ok(meta)
}

/// Step: `tp_name` is the full spec name; `__name__`/`__qualname__` the part after the
/// last dot; `__module__` (in the dict) the part before it, except for `BUILTIN_STYLE`
/// types, whose module is derived from `tp_name` like a static type's.
fn apply_names(py: Python<'_>, tp: &TypeObject, full: &str, flags: TypeFlags) -> PyResult<()> {
    if full.contains('\0') {
        return Err(PyErr::value_error(
            py,
            "type name must not contain null characters",
        ));
    }
    tp.tp_name.set(py, Some(intern(py, full)?));
    let (module, short) = match full.rfind('.') {
        Some(i) => (Some(&full[..i]), &full[i + 1..]),
        None => (None, full),
    };
    let short = intern(py, short)?;
    tp.ht_name.set(py, Some(short.clone()));
    tp.ht_qualname.set(py, Some(short));
    let dict = dict_new(py)?;
    if let Some(m) = module.filter(|_| !flags.contains(TypeFlags::BUILTIN_STYLE)) {
        dict.set_item(
            py,
            pyrt_core::interned!(py, "__module__")?.as_any(),
            str_new(py, m)?.as_any(),
        )?;
    }
    tp.tp_dict.set(py, Some(dict));
    Ok(())
}

/// Step: `basicsize` and `itemsize` per the spec's rules.
fn apply_sizes(
    py: Python<'_>,
    tp: &TypeObject,
    spec: &TypeSpec<'_>,
    base: &TypeObject,
) -> PyResult<()> {
    let bi = base.tp_itemsize.get();
    let basicsize = match spec.basicsize {
        b if b > 0 => b as isize,
        0 => 0,
        b => {
            if bi != 0 && !spec.flags.contains(TypeFlags::ITEMS_AT_END) {
                return Err(PyErr::type_error(
                    py,
                    "Cannot extend variable-size class without Py_TPFLAGS_ITEMS_AT_END.",
                ));
            }
            base.tp_basicsize.get() + ((-(b as isize) + 7) & !7)
        }
    };
    if spec.itemsize < 0 {
        return Err(PyErr::system_error(
            py,
            format!("{}: negative itemsize", spec.name),
        ));
    }
    let header = std::mem::size_of::<pyrt_core::object::ObjectHeader>() as isize;
    if spec.basicsize > 0 && basicsize < header {
        return Err(PyErr::system_error(
            py,
            format!("{}: basicsize smaller than the object header", spec.name),
        ));
    }
    // SAFETY: no instance exists yet; 0 inherits the base's size in type_ready, and a
    // size smaller than the base's is refused there (post_checks); instances are sized
    // with the item size given here.
    unsafe {
        tp.tp_basicsize.set(basicsize);
        if spec.itemsize > 0 {
            tp.tp_itemsize.set(spec.itemsize as isize);
        }
    }
    Ok(())
}

/// Step: copy every slot into the type; tables and the doc are kept; the special
/// members `__dictoffset__`, `__weaklistoffset__`, `__vectorcalloffset__` set offsets.
fn apply_slots(
    py: Python<'_>,
    tp: &TypeObject,
    spec: &TypeSpec<'_>,
    allow_raw: bool,
) -> PyResult<()> {
    for s in spec.slots {
        match s.value {
            None => {}
            Some(SlotValue::Base(_)) if s.id == SlotId::TP_BASE => {}
            Some(SlotValue::Bases(_)) if s.id == SlotId::TP_BASES => {}
            Some(SlotValue::Doc(d)) if s.id == SlotId::TP_DOC => apply_doc(py, tp, spec.name, d)?,
            Some(SlotValue::Methods(m)) if s.id == SlotId::TP_METHODS => tp.tp_methods.set(m),
            Some(SlotValue::Members(m)) if s.id == SlotId::TP_MEMBERS => tp.tp_members.set(m),
            Some(SlotValue::GetSet(g)) if s.id == SlotId::TP_GETSET => tp.tp_getset.set(g),
            Some(v) if allow_raw => {
                // SAFETY: from_spec_unchecked's caller vouches for the layout-bearing slots.
                unsafe { tp.set_fn_slot_unchecked(s.id, Some(v)) }
                    .map_err(|e| slot_error(py, spec, s.id, &v, e))?
            }
            Some(v) => tp
                .set_fn_slot(s.id, Some(v))
                .map_err(|e| slot_error(py, spec, s.id, &v, e))?,
        }
    }
    Ok(())
}

/// `tp_doc` keeps the whole spec doc; the dict's `__doc__` drops a leading text
/// signature `Name(...)\n--\n\n` (`Name` = the part of the spec name after the last dot),
/// as CPython 3.11 does for `Py_tp_doc`.
fn apply_doc(py: Python<'_>, tp: &TypeObject, full: &str, doc: &str) -> PyResult<()> {
    tp.tp_doc.set(py, Some(str_new(py, doc)?));
    let short = full.rsplit('.').next().unwrap_or(full);
    let body = doc
        .strip_prefix(short)
        .filter(|rest| rest.starts_with('('))
        .and_then(|rest| rest.find(")\n--\n\n").map(|i| &rest[i + 6..]));
    if let (Some(body), Some(dict)) = (body, tp.tp_dict.get(py)) {
        dict.set_item(
            py,
            pyrt_core::interned!(py, "__doc__")?.as_any(),
            str_new(py, body)?.as_any(),
        )?;
    }
    Ok(())
}

/// Whether `m` is one of the special offset members.
fn is_offset_member(m: &MemberDef) -> bool {
    m.kind == MemberKind::Ssize
        && matches!(
            m.name,
            "__dictoffset__" | "__weaklistoffset__" | "__vectorcalloffset__"
        )
}

/// The special offset members, recorded until `check_offsets` validates and installs them.
fn offset_members(members: &[MemberDef]) -> impl Iterator<Item = (&'static str, isize)> + '_ {
    members
        .iter()
        .filter(|m| is_offset_member(m))
        .map(|m| (m.name, m.offset))
}

/// Step: offsets from the special members must name an aligned pointer-sized slot inside
/// the instance's fixed part (after the header), then they are installed.
fn check_offsets(
    py: Python<'_>,
    tp: &TypeObject,
    spec: &TypeSpec<'_>,
    base: &TypeObject,
) -> PyResult<()> {
    let Some(SlotValue::Members(members)) = spec
        .slots
        .iter()
        .find(|s| s.id == SlotId::TP_MEMBERS)
        .and_then(|s| s.value)
    else {
        return Ok(());
    };
    let size = match tp.tp_basicsize.get() {
        0 => base.tp_basicsize.get(),
        s => s,
    };
    let header = std::mem::size_of::<pyrt_core::object::ObjectHeader>() as isize;
    for (name, off) in offset_members(members) {
        if off < header || off % 8 != 0 || off + 8 > size {
            return Err(PyErr::system_error(
                py,
                format!(
                    "{}: {name} {off} is not an aligned slot inside the instance ({size} bytes)",
                    spec.name
                ),
            ));
        }
        let field = match name {
            "__dictoffset__" => &tp.tp_dictoffset,
            "__weaklistoffset__" => &tp.tp_weaklistoffset,
            _ => &tp.tp_vectorcall_offset,
        };
        // SAFETY: checked just above: an aligned pointer-sized slot inside every instance
        // (instances are zero-filled, so the slot starts empty).
        unsafe { field.set(off) };
    }
    Ok(())
}

/// Step (safe path): every other member names a field the type itself adds — aligned,
/// inside the instance, after the base's fields, clear of the dict/weakref/vectorcall
/// slots, and overlapping no member of another representation — so member descriptors
/// can read and write it without breaking memory safety.
fn check_members(
    py: Python<'_>,
    tp: &TypeObject,
    spec: &TypeSpec<'_>,
    base: &TypeObject,
) -> PyResult<()> {
    let size = match tp.tp_basicsize.get() {
        0 => base.tp_basicsize.get(),
        s => s,
    };
    let reserved = [
        tp.tp_dictoffset.get(),
        tp.tp_weaklistoffset.get(),
        tp.tp_vectorcall_offset.get(),
    ];
    let fields: Vec<&MemberDef> = tp
        .tp_members
        .get()
        .iter()
        .filter(|m| !is_offset_member(m))
        .collect();
    let span = |m: &MemberDef| (m.offset, m.offset + member_size(m.kind) as isize);
    let is_obj = |k: MemberKind| matches!(k, MemberKind::Object | MemberKind::ObjectEx);
    let same_repr = |a: MemberKind, b: MemberKind| a == b || (is_obj(a) && is_obj(b));
    for m in &fields {
        let (start, end) = span(m);
        let clashes = reserved.iter().any(|&r| r != 0 && start < r + 8 && r < end)
            || fields.iter().any(|o| {
                let (os, oe) = span(o);
                let overlap = start < oe && os < end;
                overlap && !(os == start && same_repr(o.kind, m.kind))
            });
        if !member_fits(m.kind, m.offset, size) || m.offset < base.tp_basicsize.get() || clashes {
            return Err(PyErr::system_error(
                py,
                format!(
                    "{}: member '{}' at offset {} is not a field of the type's own instance layout",
                    spec.name, m.name, m.offset
                ),
            ));
        }
    }
    Ok(())
}

/// Step: `MANAGED_DICT` / `MANAGED_WEAKREF` without an offset (own or inherited) get a
/// pointer slot appended to the instance; the runtime releases and traverses a managed
/// dict itself. (pyrt keeps both at real offsets rather than CPython's -1 marker.)
fn add_managed_slots(
    py: Python<'_>,
    tp: &TypeObject,
    spec: &TypeSpec<'_>,
    base: &TypeObject,
) -> PyResult<()> {
    let wants_dict = spec.flags.contains(TypeFlags::MANAGED_DICT)
        && tp.tp_dictoffset.get() == 0
        && base.tp_dictoffset.get() == 0;
    let wants_weak = spec.flags.contains(TypeFlags::MANAGED_WEAKREF)
        && tp.tp_weaklistoffset.get() == 0
        && base.tp_weaklistoffset.get() == 0;
    if !wants_dict && !wants_weak {
        return Ok(());
    }
    if tp.tp_itemsize.get() != 0 || base.tp_itemsize.get() != 0 {
        return Err(PyErr::type_error(
            py,
            format!(
                "{}: managed __dict__/__weakref__ need a fixed-size type",
                spec.name
            ),
        ));
    }
    let mut size = match tp.tp_basicsize.get() {
        0 => base.tp_basicsize.get(),
        s => s,
    };
    size = (size + 7) & !7;
    // SAFETY: no instance exists yet; each slot is an aligned pointer appended after the
    // instance's fields, and the size grows to include it (zero-filled at allocation).
    unsafe {
        if wants_dict {
            tp.tp_dictoffset.set(size);
            size += 8;
        }
        if wants_weak {
            tp.tp_weaklistoffset.set(size);
            size += 8;
        }
        tp.tp_basicsize.set(size);
    }
    Ok(())
}

fn slot_error(
    py: Python<'_>,
    spec: &TypeSpec<'_>,
    id: SlotId,
    v: &SlotValue<'_>,
    e: SlotSetError,
) -> PyErr {
    let name = id.name().unwrap_or("?");
    match e {
        SlotSetError::InvalidId => PyErr::runtime_error(py, "invalid slot offset"),
        SlotSetError::Unchecked => PyErr::type_error(
            py,
            format!(
                "{}: slot {name} ({}) is layout-bearing: use from_spec_unchecked",
                spec.name, id.0
            ),
        ),
        _ => PyErr::type_error(
            py,
            format!(
                "{}: slot {name} ({}) cannot take a {} value",
                spec.name,
                id.0,
                v.kind_name()
            ),
        ),
    }
}

/// The bases of a ready type as a tuple (for `__bases__`).
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let a = pyrt_typeobject::new_class(py, "A", &[], None).unwrap();
///     let b = pyrt_typeobject::new_class(py, "B", &[a.clone()], None).unwrap();
///     let bases = pyrt_typeobject::spec::bases_tuple(py, &b).unwrap();
///     assert_eq!(bases.len(), 1);
///     assert!(std::ptr::eq(bases.items_raw()[0].as_ptr().cast(), &*a));
/// });
/// ```
pub fn bases_tuple<'py>(py: Python<'py>, tp: &TypeObject) -> Option<Bound<'py, TupleObject>> {
    tp.tp_bases.get(py)
}
