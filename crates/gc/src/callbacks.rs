//! Start/stop callbacks (Python's `gc.callbacks`).
//!
//! Owns the callback registry and the info record passed to callbacks. Must not touch
//! lists or objects. Callbacks may add or remove callbacks while they run: the
//! registry is snapshotted before each round of calls.

use crate::generation::Generation;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// When a callback is called: before or after a collection.
///
/// ```
/// assert_ne!(pyrt_gc::CallbackPhase::Start, pyrt_gc::CallbackPhase::Stop);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CallbackPhase {
    /// Before the collection (`"start"`).
    Start,
    /// After the collection (`"stop"`).
    Stop,
}

/// What callbacks are told (Python's info dict).
///
/// ```
/// let info = pyrt_gc::CollectInfo { generation: pyrt_gc::Generation::OLD, collected: 0, uncollectable: 0 };
/// assert_eq!(info.generation.index(), 2);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct CollectInfo {
    /// The generation being collected.
    pub generation: Generation,
    /// Objects collected (0 at start).
    pub collected: usize,
    /// Objects found uncollectable (0 at start).
    pub uncollectable: usize,
}

/// Identifies a registered callback, for [`crate::GcState::remove_callback`].
///
/// ```
/// let s = pyrt_gc::GcState::new();
/// let id = s.add_callback(|_, _| {});
/// assert!(s.remove_callback(id));
/// assert!(!s.remove_callback(id));
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct CallbackId(u64);

/// A boxed callback.
type Callback = Rc<RefCell<dyn FnMut(CallbackPhase, &CollectInfo)>>;

/// The registered callbacks, in registration order.
pub(crate) struct Callbacks {
    list: RefCell<Vec<(CallbackId, Callback)>>,
    next_id: Cell<u64>,
}

impl Callbacks {
    /// No callbacks.
    pub(crate) fn new() -> Callbacks {
        Callbacks {
            list: RefCell::new(Vec::new()),
            next_id: Cell::new(0),
        }
    }

    /// Registers `f` at the end.
    pub(crate) fn add(&self, f: impl FnMut(CallbackPhase, &CollectInfo) + 'static) -> CallbackId {
        let id = CallbackId(self.next_id.get());
        self.next_id.set(id.0 + 1);
        self.list.borrow_mut().push((id, Rc::new(RefCell::new(f))));
        id
    }

    /// Unregisters `id`; `false` if it was not registered.
    pub(crate) fn remove(&self, id: CallbackId) -> bool {
        let mut list = self.list.borrow_mut();
        match list.iter().position(|(i, _)| *i == id) {
            Some(at) => {
                list.remove(at);
                true
            }
            None => false,
        }
    }

    /// Number of registered callbacks.
    pub(crate) fn len(&self) -> usize {
        self.list.borrow().len()
    }

    /// Calls every callback registered when the round starts. A callback that is
    /// already running (it cannot be re-entered) is skipped.
    pub(crate) fn invoke(&self, phase: CallbackPhase, info: &CollectInfo) {
        if self.list.borrow().is_empty() {
            return;
        }
        let snapshot: Vec<Callback> = self.list.borrow().iter().map(|(_, f)| f.clone()).collect();
        for f in snapshot {
            if let Ok(mut f) = f.try_borrow_mut() {
                f(phase, info);
            }
        }
    }
}

/// Registering and removing collection callbacks (Python's `gc.callbacks`).
///
/// ```
/// let s = pyrt_gc::GcState::new();
/// let id = s.add_callback(|_, _| {});
/// assert_eq!(s.callback_count(), 1);
/// assert!(s.remove_callback(id) && !s.remove_callback(id));
/// ```
impl crate::GcState {
    /// Registers a callback called with [`CallbackPhase::Start`] before and
    /// [`CallbackPhase::Stop`] after every collection that runs (Python's
    /// `gc.callbacks`). Callbacks run inside the collection: a collection they ask
    /// for returns at once.
    ///
    /// ```
    /// use std::{cell::RefCell, rc::Rc};
    /// use pyrt_gc::example::{with_gc, NodeModel};
    /// use pyrt_gc::CallbackPhase;
    /// let seen = Rc::new(RefCell::new(Vec::new()));
    /// let log = seen.clone();
    /// with_gc(|gc| {
    ///     let id = gc.add_callback(move |phase, info| log.borrow_mut().push((phase, info.generation.index())));
    ///     gc.collect::<NodeModel>(pyrt_gc::Generation::MIDDLE);
    ///     gc.remove_callback(id);
    /// });
    /// assert_eq!(*seen.borrow(), [(CallbackPhase::Start, 1), (CallbackPhase::Stop, 1)]);
    /// ```
    pub fn add_callback(
        &self,
        callback: impl FnMut(CallbackPhase, &CollectInfo) + 'static,
    ) -> CallbackId {
        self.callbacks.add(callback)
    }

    /// Unregisters a callback; `false` if `id` is not registered.
    ///
    /// ```
    /// let s = pyrt_gc::GcState::new();
    /// let id = s.add_callback(|_, _| {});
    /// assert!(s.remove_callback(id));
    /// ```
    pub fn remove_callback(&self, id: CallbackId) -> bool {
        self.callbacks.remove(id)
    }

    /// Number of registered callbacks.
    ///
    /// ```
    /// let s = pyrt_gc::GcState::new();
    /// s.add_callback(|_, _| {});
    /// assert_eq!(s.callback_count(), 1);
    /// ```
    pub fn callback_count(&self) -> usize {
        self.callbacks.len()
    }
}
