//! The object-model trait through which the collector sees objects.
//!
//! Owns only the contract (and the small [`PendingCallback`] record a weakref hook
//! hands back). Implementations live in the object core (`pyrt-core`); a minimal one
//! lives in [`crate::example`]. Must not know anything about particular object kinds.

use crate::head::GcHead;
use std::fmt;
use std::ptr::NonNull;

/// A weakref callback that a collection owes, produced by
/// [`ObjectModel::clear_weakrefs`].
///
/// The collector runs `work` through [`ObjectModel::call_weakref_callback`] when the
/// weakref object itself survives (is not in the unreachable set), and through
/// [`ObjectModel::discard_weakref_callback`] otherwise: a dead weakref's callback is
/// never called.
///
/// ```
/// use pyrt_gc::PendingCallback;
/// let p = PendingCallback { weakref: None, work: "callback data" };
/// assert!(p.weakref.is_none());
/// ```
#[derive(Debug)]
pub struct PendingCallback<W> {
    /// The head of the weakref object, or `None` when weakref objects are not
    /// collectable in this model (then the weakref counts as reachable).
    pub weakref: Option<NonNull<GcHead>>,
    /// Whatever the model needs to run (or drop) the callback later; typically a
    /// strong reference to the weakref object, taken in `clear_weakrefs`.
    pub work: W,
}

/// How the collector sees the objects behind GC heads.
///
/// A collection is generic over the model (`state.collect::<M>(generation)`), so every
/// hook is statically dispatched. Hooks take the head, not the object: the model finds
/// its object at `head + GcHead::SIZE`.
///
/// Hooks fall in two groups. *Quiet* hooks ([`refcount`](Self::refcount),
/// [`traverse`](Self::traverse), [`incref`](Self::incref), the `has_*` predicates,
/// [`should_untrack`](Self::should_untrack), [`clear_weakrefs`](Self::clear_weakrefs),
/// [`detach_weakref`](Self::detach_weakref), [`may_have_weakrefs`](Self::may_have_weakrefs),
/// [`describe`](Self::describe)) run while the collector's lists are mid-rewrite and
/// must not run arbitrary code. *Loud* hooks ([`clear`](Self::clear),
/// [`finalize`](Self::finalize), [`decref`](Self::decref),
/// [`call_weakref_callback`](Self::call_weakref_callback),
/// [`discard_weakref_callback`](Self::discard_weakref_callback)) run when every list
/// is well formed and may do anything, including freeing objects, tracking new ones
/// and calling back into the [`crate::GcState`] (a nested collection returns at once).
///
/// A model needs only the five required hooks; [`crate::example`] is a complete
/// one. A leaf-only model, whose objects hold no references:
///
/// ```
/// use pyrt_gc::{GcHead, GcState, Generation, ObjectModel};
/// use std::{cell::Cell, ptr::NonNull};
///
/// #[repr(C)]
/// struct Leaf { head: GcHead, rc: Cell<isize> }
///
/// enum Leaves {}
/// // SAFETY: only `Leaf` heads are tracked below; `rc` is the count; leaves hold no
/// // references; nothing is freed while the state runs (the leaf outlives it).
/// unsafe impl ObjectModel for Leaves {
///     type WeakrefCallback = ();
///     unsafe fn refcount(h: NonNull<GcHead>) -> isize {
///         unsafe { h.cast::<Leaf>().as_ref() }.rc.get()
///     }
///     unsafe fn traverse<V: FnMut(NonNull<GcHead>)>(_: NonNull<GcHead>, _: &mut V) {}
///     unsafe fn incref(h: NonNull<GcHead>) {
///         let rc = &unsafe { h.cast::<Leaf>().as_ref() }.rc;
///         rc.set(rc.get() + 1);
///     }
///     unsafe fn decref(h: NonNull<GcHead>) {
///         let rc = &unsafe { h.cast::<Leaf>().as_ref() }.rc;
///         rc.set(rc.get() - 1);
///     }
///     unsafe fn clear(_: NonNull<GcHead>) {}
/// }
///
/// let leaf = Box::new(Leaf { head: GcHead::new(), rc: Cell::new(1) });
/// let gc = GcState::new();
/// let head = NonNull::from(&leaf.head);
/// // SAFETY: a live, boxed, untracked head in front of a `Leaf`.
/// unsafe { gc.track(head) };
/// assert_eq!(gc.collect::<Leaves>(Generation::OLD).unreachable(), 0);
/// // SAFETY: tracked by `gc`.
/// unsafe { gc.untrack(head) };
/// ```
///
/// # Safety
/// Implementors promise:
/// 1. **One model per state.** Every head tracked in a [`crate::GcState`] that is
///    collected or inspected with this model is the [`GcHead`] directly in front of a
///    live object this model describes, and that object stays at its address while
///    tracked.
/// 2. **True counts.** `refcount` returns the object's strong reference count, which is
///    at least 1 for every tracked object (an object being deallocated has already
///    been untracked).
/// 3. **Exact traversal.** `traverse` calls `visit` once per strong reference the object
///    holds to another object that has a GC head (tracked or not), passing that head,
///    and for nothing else: an edge held twice is visited twice, an edge not held is
///    never visited. Objects without a GC head may be skipped. The result depends only
///    on the object's current contents.
/// 4. **Quiet hooks are quiet.** The quiet hooks listed above do not track, untrack,
///    allocate or free tracked objects, do not change any object's references or
///    reference count (except `incref`, and `clear_weakrefs` detaching weakrefs), do
///    not run user code, and do not call into the `GcState`.
///    (`clear_weakrefs` and `detach_weakref` may unlink weakrefs.)
/// 5. **Untrack before free.** Whenever an object is freed (by `decref` reaching zero
///    or otherwise), it is untracked with [`crate::GcState::untrack`] before its memory
///    is released, and only objects whose count reached zero are freed.
/// 6. **Clear leaves a valid object.** After `clear`, the object is safe to traverse,
///    finalize, incref and decref; it has dropped (some or all of) its references.
/// 7. **Weakrefs are really cleared.** After `clear_weakrefs(h, out)`, no weakref can
///    produce a new strong reference to `h`; after `detach_weakref(w)`, the weakref
///    `w` (if it is one) refers to nothing and will never have its callback called; every `work` pushed owns what it needs to
///    run or be discarded later (at least a strong reference to the weakref object
///    when `weakref` is `Some`), and `weakref` names the weakref object's own head.
/// 8. **Untracking is only for the acyclic.** `should_untrack` returns `true` only
///    for an object that currently holds no reference to a tracked object (it can be
///    re-tracked later by the model when that changes).
pub unsafe trait ObjectModel {
    /// The work a cleared weakref's callback needs; `()` for models without weakrefs.
    type WeakrefCallback;

    /// The object's current strong reference count.
    ///
    /// ```
    /// use pyrt_gc::{ObjectModel, example::{Node, NodeModel}};
    /// let (a, b) = (Node::new(), Node::new());
    /// // SAFETY: live nodes, each released once by its owner.
    /// unsafe {
    ///     Node::link(a, b); // `a` holds a reference to `b`
    ///     assert_eq!(NodeModel::refcount(Node::head(b)), 2);
    ///     Node::release(b);
    ///     Node::release(a);
    /// }
    /// ```
    ///
    /// # Safety
    /// `head` is the head of a live object of this model.
    unsafe fn refcount(head: NonNull<GcHead>) -> isize;

    /// Calls `visit` with the head of each collectable object this one references.
    ///
    /// ```
    /// use pyrt_gc::{ObjectModel, example::{Node, NodeModel}};
    /// let (a, b) = (Node::new(), Node::new());
    /// let mut seen = Vec::new();
    /// // SAFETY: live nodes, each released once by its owner.
    /// unsafe {
    ///     Node::link(a, b);
    ///     Node::link(a, b); // an edge held twice is visited twice
    ///     NodeModel::traverse(Node::head(a), &mut |h| seen.push(h));
    ///     Node::release(b);
    ///     Node::release(a);
    /// }
    /// assert_eq!(seen.len(), 2);
    /// ```
    ///
    /// # Safety
    /// `head` is the head of a live object of this model.
    unsafe fn traverse<V: FnMut(NonNull<GcHead>)>(head: NonNull<GcHead>, visit: &mut V);

    /// Adds a strong reference (the collector holds one around loud hooks and for
    /// every object it puts into [`crate::GcState::garbage`]).
    ///
    /// ```
    /// use pyrt_gc::{ObjectModel, example::{Node, NodeModel}};
    /// let n = Node::new();
    /// // SAFETY: `n` is live; the reference taken is given back by the first release.
    /// unsafe {
    ///     NodeModel::incref(Node::head(n));
    ///     assert_eq!(NodeModel::refcount(Node::head(n)), 2);
    ///     Node::release(n);
    ///     Node::release(n);
    /// }
    /// assert_eq!(Node::live(), 0);
    /// ```
    ///
    /// # Safety
    /// `head` is the head of a live object of this model.
    unsafe fn incref(head: NonNull<GcHead>);

    /// Drops a strong reference; at zero the model deallocates the object (duty 5).
    ///
    /// ```
    /// use pyrt_gc::{ObjectModel, example::{Node, NodeModel}};
    /// let n = Node::new();
    /// assert_eq!(Node::live(), 1);
    /// // SAFETY: `n` is live and we give up our (only) reference.
    /// unsafe { NodeModel::decref(Node::head(n)) };
    /// assert_eq!(Node::live(), 0); // freed (and untracked first)
    /// ```
    ///
    /// # Safety
    /// `head` is the head of a live object of this model and the caller owns the
    /// reference it gives up.
    unsafe fn decref(head: NonNull<GcHead>);

    /// `tp_clear`: drops the object's references to other objects so cycles break.
    ///
    /// ```
    /// use pyrt_gc::{ObjectModel, example::{Node, NodeModel}};
    /// let n = Node::new();
    /// // SAFETY: `n` is live; we hold our reference across `clear`, then release it.
    /// unsafe {
    ///     Node::link(n, n); // a self-cycle
    ///     NodeModel::clear(Node::head(n)); // drops the self-edge
    ///     assert_eq!(NodeModel::refcount(Node::head(n)), 1); // ours alone
    ///     Node::release(n);
    /// }
    /// assert_eq!(Node::live(), 0);
    /// ```
    ///
    /// # Safety
    /// `head` is the head of a live object of this model; the caller holds a strong
    /// reference to it for the duration of the call.
    unsafe fn clear(head: NonNull<GcHead>);

    /// Whether the object has a `tp_finalize`. Default: none.
    ///
    /// ```
    /// use pyrt_gc::{ObjectModel, example::{Node, NodeModel}};
    /// let n = Node::new();
    /// // SAFETY: `n` is live; released once.
    /// unsafe {
    ///     assert!(!NodeModel::has_finalizer(Node::head(n))); // the default
    ///     Node::release(n);
    /// }
    /// ```
    ///
    /// # Safety
    /// `head` is the head of a live object of this model.
    unsafe fn has_finalizer(head: NonNull<GcHead>) -> bool {
        let _ = head;
        false
    }

    /// `tp_finalize`. The collector calls it at most once per object lifetime, after
    /// setting the head's finalized bit, while holding a strong reference. It may
    /// resurrect the object. Default: nothing.
    ///
    /// ```
    /// use pyrt_gc::{ObjectModel, example::{Node, NodeModel}};
    /// let n = Node::new();
    /// // SAFETY: `n` is live and we hold its reference; released once.
    /// unsafe {
    ///     NodeModel::finalize(Node::head(n)); // the default does nothing
    ///     assert_eq!(NodeModel::refcount(Node::head(n)), 1);
    ///     Node::release(n);
    /// }
    /// ```
    ///
    /// # Safety
    /// As for [`ObjectModel::clear`].
    unsafe fn finalize(head: NonNull<GcHead>) {
        let _ = head;
    }

    /// Whether the object has a legacy `tp_del`; unreachable such objects and all they
    /// reach are uncollectable. Default: none.
    ///
    /// ```
    /// use pyrt_gc::{ObjectModel, example::{Node, NodeModel}};
    /// let n = Node::new();
    /// // SAFETY: `n` is live; released once.
    /// unsafe {
    ///     assert!(!NodeModel::has_legacy_del(Node::head(n))); // the default
    ///     Node::release(n);
    /// }
    /// ```
    ///
    /// # Safety
    /// `head` is the head of a live object of this model.
    unsafe fn has_legacy_del(head: NonNull<GcHead>) -> bool {
        let _ = head;
        false
    }

    /// Clears every weakref to the (unreachable) object, pushing a [`PendingCallback`]
    /// for each cleared weakref that has a callback. Callbacks must not run here.
    /// Default: the model has no weakrefs.
    ///
    /// ```
    /// use pyrt_gc::{ObjectModel, example::{Node, NodeModel}};
    /// let n = Node::new();
    /// let mut pending = Vec::new();
    /// // SAFETY: `n` is live; released once.
    /// unsafe {
    ///     NodeModel::clear_weakrefs(Node::head(n), &mut pending); // the default
    ///     Node::release(n);
    /// }
    /// assert!(pending.is_empty());
    /// ```
    ///
    /// # Safety
    /// `head` is the head of a live object of this model.
    unsafe fn clear_weakrefs(
        head: NonNull<GcHead>,
        out: &mut Vec<PendingCallback<Self::WeakrefCallback>>,
    ) {
        let _ = (head, out);
    }

    /// If the (unreachable) object is itself a weak reference, clears it: it stops
    /// referring to its referent, so its callback can never run later (it could see
    /// half-cleared objects). Default: the model has no weakrefs.
    ///
    /// ```
    /// use pyrt_gc::{ObjectModel, example::{Node, NodeModel}};
    /// let n = Node::new();
    /// // SAFETY: `n` is live; released once.
    /// unsafe {
    ///     NodeModel::detach_weakref(Node::head(n)); // the default: nothing to detach
    ///     assert_eq!(NodeModel::refcount(Node::head(n)), 1);
    ///     Node::release(n);
    /// }
    /// ```
    ///
    /// # Safety
    /// `head` is the head of a live object of this model.
    unsafe fn detach_weakref(head: NonNull<GcHead>) {
        let _ = head;
    }

    /// Whether weakrefs may point at the object, or the object may itself be a
    /// weakref: `false` lets a collection skip the weakref phase when no unreachable
    /// object needs it. Must not return `false` for an object that `clear_weakrefs`
    /// or `detach_weakref` would act on. Default: `true`.
    ///
    /// ```
    /// use pyrt_gc::{ObjectModel, example::{Node, NodeModel}};
    /// let n = Node::new();
    /// // SAFETY: `n` is live; released once.
    /// unsafe {
    ///     assert!(NodeModel::may_have_weakrefs(Node::head(n))); // the (cautious) default
    ///     Node::release(n);
    /// }
    /// ```
    ///
    /// # Safety
    /// `head` is the head of a live object of this model.
    unsafe fn may_have_weakrefs(head: NonNull<GcHead>) -> bool {
        let _ = head;
        true
    }

    /// Runs a callback whose weakref object survived, then releases `work`.
    /// Default: drops `work`.
    ///
    /// ```
    /// # use pyrt_gc::{GcHead, ObjectModel};
    /// # use std::{ptr::NonNull, rc::Rc};
    /// # enum M {}
    /// # // SAFETY: never used with a state; only the callback hooks are called.
    /// # unsafe impl ObjectModel for M {
    /// #     type WeakrefCallback = Rc<()>;
    /// #     unsafe fn refcount(_: NonNull<GcHead>) -> isize { 1 }
    /// #     unsafe fn traverse<V: FnMut(NonNull<GcHead>)>(_: NonNull<GcHead>, _: &mut V) {}
    /// #     unsafe fn incref(_: NonNull<GcHead>) {}
    /// #     unsafe fn decref(_: NonNull<GcHead>) {}
    /// #     unsafe fn clear(_: NonNull<GcHead>) {}
    /// # }
    /// // `M`'s callback work is an `Rc`; the default hook just releases it.
    /// let work = Rc::new(());
    /// // SAFETY: the default implementation only drops `work`.
    /// unsafe { M::call_weakref_callback(Rc::clone(&work)) };
    /// assert_eq!(Rc::strong_count(&work), 1);
    /// ```
    ///
    /// # Safety
    /// `work` came from [`ObjectModel::clear_weakrefs`] of this model.
    unsafe fn call_weakref_callback(work: Self::WeakrefCallback) {
        drop(work);
    }

    /// Releases `work` without running the callback (its weakref object is garbage).
    /// Default: drops `work`.
    ///
    /// ```
    /// # use pyrt_gc::{GcHead, ObjectModel};
    /// # use std::{ptr::NonNull, rc::Rc};
    /// # enum M {}
    /// # // SAFETY: never used with a state; only the callback hooks are called.
    /// # unsafe impl ObjectModel for M {
    /// #     type WeakrefCallback = Rc<()>;
    /// #     unsafe fn refcount(_: NonNull<GcHead>) -> isize { 1 }
    /// #     unsafe fn traverse<V: FnMut(NonNull<GcHead>)>(_: NonNull<GcHead>, _: &mut V) {}
    /// #     unsafe fn incref(_: NonNull<GcHead>) {}
    /// #     unsafe fn decref(_: NonNull<GcHead>) {}
    /// #     unsafe fn clear(_: NonNull<GcHead>) {}
    /// # }
    /// // `M`'s callback work is an `Rc`; the default hook releases it uncalled.
    /// let work = Rc::new(());
    /// // SAFETY: the default implementation only drops `work`.
    /// unsafe { M::discard_weakref_callback(Rc::clone(&work)) };
    /// assert_eq!(Rc::strong_count(&work), 1);
    /// ```
    ///
    /// # Safety
    /// `work` came from [`ObjectModel::clear_weakrefs`] of this model.
    unsafe fn discard_weakref_callback(work: Self::WeakrefCallback) {
        drop(work);
    }

    /// Whether a surviving object may be untracked because it cannot take part in a
    /// cycle as it stands (CPython untracks tuples of untracked items). Default: never.
    ///
    /// ```
    /// use pyrt_gc::{ObjectModel, example::{Node, NodeModel}};
    /// let n = Node::new(); // no edges, yet the default keeps it tracked
    /// // SAFETY: `n` is live; released once.
    /// unsafe {
    ///     assert!(!NodeModel::should_untrack(Node::head(n)));
    ///     Node::release(n);
    /// }
    /// ```
    ///
    /// # Safety
    /// `head` is the head of a live object of this model.
    unsafe fn should_untrack(head: NonNull<GcHead>) -> bool {
        let _ = head;
        false
    }

    /// Writes a short description for debug output. Default: the head's address.
    ///
    /// ```
    /// use pyrt_gc::{ObjectModel, example::{Node, NodeModel}};
    /// let n = Node::new();
    /// let mut text = String::new();
    /// // SAFETY: `n` is live; released once.
    /// unsafe {
    ///     NodeModel::describe(Node::head(n), &mut text).unwrap();
    ///     Node::release(n);
    /// }
    /// assert!(text.starts_with("<object at 0x"));
    /// ```
    ///
    /// # Safety
    /// `head` is the head of a live object of this model.
    unsafe fn describe(head: NonNull<GcHead>, out: &mut dyn fmt::Write) -> fmt::Result {
        write!(out, "<object at {:p}>", head.as_ptr())
    }
}
