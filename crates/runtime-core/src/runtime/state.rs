//! The process-wide runtime state: collector, counters, builtin type storage,
//! singletons, interned strings and the deallocation queue.
//!
//! Owns the storage only. Must not fill in the builtin types (that is
//! `pyrt-typeobject`'s init) and must be touched only through a [`super::Python`] token.

use crate::builtins::{IntObject, StrObject};
use crate::object::{ObjectHeader, PyAny};
use crate::types::TypeObject;
use pyrt_gc::GcState;
use std::cell::{Cell, UnsafeCell};
use std::ffi::c_void;
use std::mem::MaybeUninit;
use std::ptr::NonNull;
use std::sync::atomic::{AtomicBool, Ordering};

unsafe extern "C" {
    fn calloc(n: usize, size: usize) -> *mut c_void;
}

pub(crate) static STATE: StateSlot = StateSlot {
    state: UnsafeCell::new(MaybeUninit::uninit()),
    created: AtomicBool::new(false),
};

/// Where the one [`RuntimeState`] lives: static storage written once, under the runtime
/// lock, by [`StateSlot::get_or_create`].
///
/// Invariant: `created` is set (with release ordering) only after `state` was fully
/// written, and `state` is never written again. Every token (`Python<'py>`) is created
/// by a thread that holds the runtime lock after the state was created (the token's
/// safety contract): the creating thread wrote it under that lock, so its creation
/// happens-before every token use, and a token may read the state with a plain load —
/// at a constant address, without the atomic test a `OnceLock` makes on every access.
pub(crate) struct StateSlot {
    state: UnsafeCell<MaybeUninit<RuntimeState>>,
    created: AtomicBool,
}

// SAFETY: the state is written once, under the runtime lock, before `created` is
// released; afterwards it is only read through `&RuntimeState`, whose own `Sync`
// (below) rests on the runtime lock.
unsafe impl Sync for StateSlot {}

impl StateSlot {
    /// The state, created on first use.
    ///
    /// # Safety
    /// The caller holds the runtime lock (so no other thread creates or reads it
    /// meanwhile).
    pub(crate) unsafe fn get_or_create(&self) -> &RuntimeState {
        if !self.created.load(Ordering::Acquire) {
            let fresh = RuntimeState::new();
            // SAFETY: lock held and not created yet: no reference to the storage exists.
            unsafe { (*self.state.get()).write(fresh) };
            self.created.store(true, Ordering::Release);
        }
        // SAFETY: created (just above, or before under the same lock).
        unsafe { self.get_unchecked() }
    }

    /// The state if it has been created (atomic test; no lock needed).
    pub(crate) fn get(&self) -> Option<&RuntimeState> {
        // SAFETY: `created` (acquire) says the write happened-before, and it is final.
        self.created
            .load(Ordering::Acquire)
            .then(|| unsafe { self.get_unchecked() })
    }

    /// The state, with no test at all: a constant address.
    ///
    /// # Safety
    /// The state has been created, and its creation happens-before this call (true on
    /// any thread holding a `Python<'py>` token: see the type invariant).
    #[inline(always)]
    pub(crate) unsafe fn get_unchecked(&self) -> &RuntimeState {
        // SAFETY: caller contract: initialised and never written again.
        unsafe { (*self.state.get()).assume_init_ref() }
    }
}

/// Allocates zeroed, never-freed storage for a static object of `size` bytes.
fn static_storage(size: usize) -> NonNull<u8> {
    // SAFETY: calloc with a non-zero size.
    let p = unsafe { calloc(1, size.max(16)) } as *mut u8;
    match NonNull::new(p) {
        Some(p) => p,
        None => std::alloc::handle_alloc_error(
            std::alloc::Layout::from_size_align(size, 16)
                .unwrap_or(std::alloc::Layout::new::<u8>()),
        ),
    }
}

macro_rules! builtin_types {
    ($($field:ident => $name:literal),* $(,)?) => {
        /// Storage for the builtin ("static") type objects. They are allocated zeroed
        /// when the state is created, filled in and readied by `pyrt-typeobject`'s init,
        /// and never freed.
        ///
        /// ```
        /// pyrt_core::with_test_runtime(|py| {
        ///     let d = pyrt_core::builtins::dict_new(py).unwrap();
        ///     assert!(std::ptr::eq(d.ob_type(), py.builtins().dict()));
        /// });
        /// ```
        pub struct BuiltinTypes {
            $($field: NonNull<TypeObject>,)*
        }

        /// One accessor per builtin type, and the list of them all.
        ///
        /// ```
        /// pyrt_core::with_test_runtime(|py| {
        ///     let b = py.builtins();
        ///     assert!(std::ptr::eq(b.all()[0].1, b.object()));
        /// });
        /// ```
        impl BuiltinTypes {
            fn allocate() -> BuiltinTypes {
                BuiltinTypes {
                    $($field: static_storage(std::mem::size_of::<TypeObject>()).cast(),)*
                }
            }

            $(
                #[doc = concat!("The `", $name, "` type.")]
                #[doc = ""]
                #[doc = "```"]
                #[doc = "pyrt_core::with_test_runtime(|py| {"]
                #[doc = "    let b = py.builtins();"]
                #[doc = concat!("    let t = b.", stringify!($field), "();")]
                #[doc = concat!("    assert!(b.all().iter().any(|&(n, u)| n == \"", $name, "\" && std::ptr::eq(u, t)));")]
                #[doc = "});"]
                #[doc = "```"]
                #[inline(always)]
                pub fn $field(&self) -> &TypeObject {
                    // SAFETY: allocated at state creation, never freed; all-zero is valid.
                    unsafe { self.$field.as_ref() }
                }
            )*

            /// Every builtin type with its Python name, in declaration order.
            ///
            /// ```
            /// pyrt_core::with_test_runtime(|py| {
            ///     let all = py.builtins().all();
            ///     assert_eq!(all[0].0, "object");
            ///     let (_, list) = all.iter().find(|(n, _)| *n == "list").unwrap();
            ///     assert!(std::ptr::eq(*list, py.builtins().list()));
            /// });
            /// ```
            pub fn all(&self) -> Vec<(&'static str, &TypeObject)> {
                vec![$(($name, self.$field()),)*]
            }
        }
    };
}

builtin_types! {
    object => "object",
    type_ => "type",
    none_type => "NoneType",
    not_implemented_type => "NotImplementedType",
    int => "int",
    bool_ => "bool",
    str_ => "str",
    tuple => "tuple",
    list => "list",
    dict => "dict",
    base_exception => "BaseException",
    exception => "Exception",
    type_error => "TypeError",
    attribute_error => "AttributeError",
    value_error => "ValueError",
    system_error => "SystemError",
    lookup_error => "LookupError",
    key_error => "KeyError",
    index_error => "IndexError",
    arithmetic_error => "ArithmeticError",
    overflow_error => "OverflowError",
    zero_division_error => "ZeroDivisionError",
    memory_error => "MemoryError",
    runtime_error => "RuntimeError",
    recursion_error => "RecursionError",
    not_implemented_error => "NotImplementedError",
    name_error => "NameError",
    stop_iteration => "StopIteration",
    assertion_error => "AssertionError",
    wrapper_descriptor => "wrapper_descriptor",
    method_wrapper => "method-wrapper",
    seq_iterator => "iterator",
    dict_keyiterator => "dict_keyiterator",
    list_iterator => "list_iterator",
    tuple_iterator => "tuple_iterator",
    str_ascii_iterator => "str_ascii_iterator",
    str_iterator => "str_iterator",
    builtin_function_or_method => "builtin_function_or_method",
    method_descriptor => "method_descriptor",
    classmethod_descriptor => "classmethod_descriptor",
    member_descriptor => "member_descriptor",
    getset_descriptor => "getset_descriptor",
    method => "method",
    classmethod => "classmethod",
    staticmethod => "staticmethod",
    property => "property",
    mappingproxy => "mappingproxy",
    weakref => "weakref.ReferenceType",
}

/// The immortal singletons, allocated when the state is created.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let s = py.singletons();
///     assert_eq!(s.not_implemented().type_name(), "NotImplementedType");
///     assert!(!std::ptr::eq(s.bool_(true), s.bool_(false)));
/// });
/// ```
pub struct Singletons {
    none: NonNull<PyAny>,
    not_implemented: NonNull<PyAny>,
    true_: NonNull<IntObject>,
    false_: NonNull<IntObject>,
    /// The cached small ints (`crate::builtins::SMALL_INT_MIN..=SMALL_INT_MAX`),
    /// one contiguous array of `crate::builtins::SMALL_INT_COUNT` objects.
    small_ints: NonNull<IntObject>,
}

/// Access to `None`, `NotImplemented`, `True` and `False`.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     assert_eq!(py.singletons().bool_(false).as_any().type_name(), "bool");
/// });
/// ```
impl Singletons {
    fn allocate(types: &BuiltinTypes) -> Singletons {
        let plain = |tp: &TypeObject| -> NonNull<PyAny> {
            let p = static_storage(std::mem::size_of::<PyAny>()).cast::<PyAny>();
            // SAFETY: freshly allocated, zeroed, large enough for a header.
            unsafe { init_header(&p.as_ref().ob_base, tp) };
            p
        };
        let boolean = |v: i64| -> NonNull<IntObject> {
            let p = static_storage(std::mem::size_of::<IntObject>()).cast::<IntObject>();
            // SAFETY: freshly allocated and zeroed IntObject storage.
            unsafe {
                init_header(&p.as_ref().ob_base.ob_base, types.bool_());
                p.as_ref().ob_base.ob_size.set(crate::builtins::INT_ITEMS);
                p.as_ref().value.set(v);
            }
            p
        };
        Singletons {
            none: plain(types.none_type()),
            not_implemented: plain(types.not_implemented_type()),
            true_: boolean(1),
            false_: boolean(0),
            small_ints: small_ints(types),
        }
    }

    /// The cached small ints as one array (`crate::builtins::int_new` hands them out).
    #[inline(always)]
    pub(crate) fn small_ints(&self) -> NonNull<IntObject> {
        self.small_ints
    }

    /// `None`.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let none = py.singletons().none();
    ///     assert_eq!(none.type_name(), "NoneType");
    ///     assert!(std::ptr::eq(none, pyrt_core::protocol::none(py).as_any_ref()));
    /// });
    /// ```
    #[inline(always)]
    pub fn none(&self) -> &PyAny {
        // SAFETY: immortal, allocated at state creation.
        unsafe { self.none.as_ref() }
    }

    /// `NotImplemented`.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let ni = py.singletons().not_implemented();
    ///     assert_eq!(ni.type_name(), "NotImplementedType");
    ///     assert!(!std::ptr::eq(ni, py.singletons().none()));
    /// });
    /// ```
    pub fn not_implemented(&self) -> &PyAny {
        // SAFETY: immortal, allocated at state creation.
        unsafe { self.not_implemented.as_ref() }
    }

    /// `True` or `False`.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let (t, f) = (py.singletons().bool_(true), py.singletons().bool_(false));
    ///     assert_eq!((t.value(), f.value()), (1, 0));
    ///     assert_eq!(t.as_any().type_name(), "bool");
    /// });
    /// ```
    pub fn bool_(&self, v: bool) -> &IntObject {
        // SAFETY: immortal, allocated at state creation.
        unsafe {
            if v {
                self.true_.as_ref()
            } else {
                self.false_.as_ref()
            }
        }
    }
}

/// Allocates and fills the small-int array: one `int` per value of
/// `SMALL_INT_MIN..=SMALL_INT_MAX`, each holding the state's reference.
fn small_ints(types: &BuiltinTypes) -> NonNull<IntObject> {
    use crate::builtins::{SMALL_INT_COUNT, SMALL_INT_MIN};
    let size = std::mem::size_of::<IntObject>() * SMALL_INT_COUNT;
    let base = static_storage(size).cast::<IntObject>();
    for i in 0..SMALL_INT_COUNT {
        // SAFETY: `i < SMALL_INT_COUNT`, inside the fresh zeroed array just allocated.
        unsafe {
            let o = base.add(i).as_ref();
            init_header(&o.ob_base.ob_base, types.int());
            o.ob_base.ob_size.set(crate::builtins::INT_ITEMS);
            o.value.set(SMALL_INT_MIN + i as i64);
        }
    }
    base
}

fn init_header(h: &ObjectHeader, tp: &TypeObject) {
    // SAFETY: a fresh singleton: one reference (the state's), and `tp` describes it.
    unsafe {
        h.ob_refcnt.set(1);
        h.ob_type.set(tp as *const TypeObject as *mut TypeObject);
    }
}

/// The runtime's state. Reached only through a [`super::Python`] token.
///
/// Invariant: every field is accessed only by the thread holding the runtime lock;
/// this is what makes the `Sync`/`Send` impls below sound.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let st: &pyrt_core::runtime::RuntimeState = py.state();
///     assert!(std::ptr::eq(st.builtins.str_(), py.builtins().str_()));
///     assert!(std::ptr::eq(st.singletons.none(), py.singletons().none()));
/// });
/// ```
pub struct RuntimeState {
    pub(crate) initialized: Cell<bool>,
    /// The cycle collector's lists and counters.
    pub gc: GcState,
    /// The small-object allocator behind `generic_alloc` and the frees.
    pub(crate) pool: crate::object::pool::PoolAllocator,
    /// Kept blocks of dead bound callables (`object/free_list.rs`).
    pub free_lists: crate::object::FreeLists,
    pub(crate) live: Cell<isize>,
    pub(crate) immortal: Cell<isize>,
    pub(crate) leaked: Cell<isize>,
    pub(crate) dealloc_depth: Cell<u32>,
    dealloc_queue: UnsafeCell<Vec<NonNull<PyAny>>>,
    pub(crate) interned: UnsafeCell<hashbrown::HashTable<NonNull<StrObject>>>,
    /// The builtin type objects.
    pub builtins: BuiltinTypes,
    /// The hook unraisable errors go to (`None`: print to stderr).
    pub(crate) unraisable_hook: std::cell::RefCell<Option<crate::unraisable::UnraisableHook>>,
    /// `None`, `True`, `False`, `NotImplemented`.
    pub singletons: Singletons,
}

// SAFETY: see the struct invariant: all access happens under the runtime lock, which
// serialises threads; no reference into the state escapes a lock-holding region
// (tokens are !Send and scoped to the lock).
unsafe impl Sync for RuntimeState {}
// SAFETY: as above.
unsafe impl Send for RuntimeState {}

/// The state's live-object accounting visible to embedders.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let before = py.state().leaked_objects();
///     drop(pyrt_core::builtins::list_new(py, &[]).unwrap());
///     assert_eq!(py.state().leaked_objects(), before);
/// });
/// ```
impl RuntimeState {
    pub(crate) fn new() -> RuntimeState {
        let builtins = BuiltinTypes::allocate();
        let singletons = Singletons::allocate(&builtins);
        RuntimeState {
            initialized: Cell::new(false),
            gc: GcState::new(),
            pool: crate::object::pool::PoolAllocator::new(),
            free_lists: crate::object::FreeLists::new(),
            live: Cell::new(0),
            immortal: Cell::new(0),
            leaked: Cell::new(0),
            dealloc_depth: Cell::new(0),
            dealloc_queue: UnsafeCell::new(Vec::new()),
            interned: UnsafeCell::new(hashbrown::HashTable::new()),
            builtins,
            unraisable_hook: std::cell::RefCell::new(None),
            singletons,
        }
    }

    pub(crate) fn push_dealloc_queue(&self, obj: NonNull<PyAny>) {
        // SAFETY: lock held (struct invariant); no other borrow of the queue is live.
        unsafe { (*self.dealloc_queue.get()).push(obj) }
    }

    pub(crate) fn pop_dealloc_queue(&self) -> Option<NonNull<PyAny>> {
        // SAFETY: lock held; no other borrow of the queue is live.
        unsafe { (*self.dealloc_queue.get()).pop() }
    }

    /// Marks one live object as immortal (never freed): it no longer counts as live.
    ///
    /// ```
    /// use std::sync::atomic::{AtomicPtr, Ordering};
    /// // Where this example keeps its immortal object, as the runtime keeps its own in
    /// // static tables (so leak checkers still see it referenced).
    /// static KEPT: AtomicPtr<pyrt_core::PyAny> = AtomicPtr::new(std::ptr::null_mut());
    /// pyrt_core::with_test_runtime(|py| {
    ///     let before = py.live_objects();
    ///     let kept = pyrt_core::builtins::str_new(py, "kept for good").unwrap();
    ///     assert_eq!(py.live_objects(), before + 1);
    ///     py.state().note_immortal();
    ///     // Its reference is never released.
    ///     KEPT.store(kept.into_any().into_non_null().as_ptr(), Ordering::Relaxed);
    ///     assert_eq!(py.live_objects(), before);
    /// });
    /// ```
    pub fn note_immortal(&self) {
        self.immortal.set(self.immortal.get() + 1);
    }

    /// Objects whose type had no `tp_dealloc` and which were therefore leaked.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let before = py.state().leaked_objects();
    ///     drop(pyrt_core::builtins::str_new(py, "x").unwrap()); // `str` has a `tp_dealloc`
    ///     assert_eq!(py.state().leaked_objects(), before);
    /// });
    /// ```
    pub fn leaked_objects(&self) -> isize {
        self.leaked.get()
    }
}
