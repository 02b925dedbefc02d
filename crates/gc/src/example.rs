//! A minimal object model, used by this crate's examples and meant as a reference for
//! implementors of [`ObjectModel`]: nodes with a reference count and strong edges to
//! other nodes, tracked in a per-thread [`GcState`].
//!
//! Owns the [`Node`] layout and its (non-recursive) deallocation. Must not be used by
//! the collector itself; it is an ordinary client of the public API.
//!
//! ```
//! use pyrt_gc::example::{Node, NodeModel, with_gc};
//! let n = Node::new();
//! // SAFETY: `n` is live; its reference is released once.
//! unsafe { Node::release(n) };
//! assert_eq!(Node::live(), 0);
//! ```

use crate::head::GcHead;
use crate::model::ObjectModel;
use crate::state::GcState;
use std::cell::{Cell, RefCell};
use std::ptr::NonNull;

thread_local! {
    static GC: GcState = GcState::new();
    static LIVE: Cell<usize> = const { Cell::new(0) };
    static DYING: RefCell<Vec<NonNull<Node>>> = const { RefCell::new(Vec::new()) };
    static FREEING: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f` with this thread's collector state, where [`Node`]s are tracked.
///
/// ```
/// pyrt_gc::example::with_gc(|gc| assert!(gc.is_empty()));
/// ```
pub fn with_gc<R>(f: impl FnOnce(&GcState) -> R) -> R {
    GC.with(f)
}

/// A collectable node: a GC head, then a reference count and strong edges.
///
/// ```text
///   +0   GcHead   (16 bytes)
///   +16  refcount
///   +24  edges
/// ```
///
/// The head is at offset 0, so a head pointer and its node pointer are one address
/// (what [`NodeModel`] relies on):
///
/// ```
/// use pyrt_gc::example::Node;
/// let n = Node::new();
/// assert_eq!(Node::head(n).cast::<Node>(), n);
/// assert_eq!(pyrt_gc::GcHead::SIZE, 16); // the refcount follows at +16
/// // SAFETY: `n` is live; its reference is released once.
/// unsafe { Node::release(n) };
/// ```
#[repr(C)]
pub struct Node {
    head: GcHead,
    refcount: Cell<isize>,
    edges: RefCell<Vec<NonNull<Node>>>,
}

/// Making nodes, linking them and dropping references; [`Node::live`] counts them.
/// Reference counting alone cannot free a cycle; a collection can:
///
/// ```
/// use pyrt_gc::example::{Node, NodeModel, with_gc};
/// let n = Node::new();
/// // SAFETY: `n` is live; its owner reference is released once.
/// unsafe { Node::link(n, n); Node::release(n) };
/// assert_eq!(Node::live(), 1); // its own edge keeps it alive
/// let r = with_gc(|gc| gc.collect::<NodeModel>(pyrt_gc::Generation::OLD));
/// assert_eq!((r.collected, Node::live()), (1, 0));
/// ```
impl Node {
    /// A new tracked node with one reference, owned by the caller.
    ///
    /// ```
    /// use pyrt_gc::example::Node;
    /// let n = Node::new();
    /// assert_eq!(Node::live(), 1);
    /// // SAFETY: released once, by its owner.
    /// unsafe { Node::release(n) };
    /// assert_eq!(Node::live(), 0);
    /// ```
    pub fn new() -> NonNull<Node> {
        let node = NonNull::from(Box::leak(Box::new(Node {
            head: GcHead::new(),
            refcount: Cell::new(1),
            edges: RefCell::new(Vec::new()),
        })));
        LIVE.with(|l| l.set(l.get() + 1));
        with_gc(|gc| {
            // SAFETY: the head is live, untracked, boxed (it does not move) and in
            // front of a `Node`, which `NodeModel` describes.
            unsafe { gc.track(Node::head(node)) };
            gc.note_alloc();
        });
        node
    }

    /// The node's GC head.
    ///
    /// ```
    /// use pyrt_gc::example::Node;
    /// let n = Node::new();
    /// // SAFETY: `n` is live.
    /// assert!(unsafe { Node::head(n).as_ref() }.is_tracked());
    /// unsafe { Node::release(n) };
    /// ```
    pub fn head(node: NonNull<Node>) -> NonNull<GcHead> {
        node.cast()
    }

    /// Adds a strong edge `from → to` (taking a new reference to `to`).
    ///
    /// ```
    /// use pyrt_gc::example::Node;
    /// let (a, b) = (Node::new(), Node::new());
    /// // SAFETY: live nodes, each released once by its owner.
    /// unsafe {
    ///     Node::link(a, b);
    ///     Node::release(b); // `a` still holds `b`
    ///     assert_eq!(Node::live(), 2);
    ///     Node::release(a); // frees both
    /// }
    /// assert_eq!(Node::live(), 0);
    /// ```
    ///
    /// # Safety
    /// Both nodes are live.
    pub unsafe fn link(from: NonNull<Node>, to: NonNull<Node>) {
        // SAFETY: both are live (caller).
        unsafe {
            to.as_ref().refcount.set(to.as_ref().refcount.get() + 1);
            from.as_ref().edges.borrow_mut().push(to);
        }
    }

    /// Drops one reference; at zero the node is freed, and so, iteratively (never
    /// recursively), is every node that loses its last reference as a result.
    ///
    /// ```
    /// use pyrt_gc::example::Node;
    /// // a chain of 100,000 nodes, freed from its head without deep recursion
    /// let first = Node::new();
    /// let mut last = first;
    /// for _ in 0..100_000 {
    ///     let n = Node::new();
    ///     // SAFETY: live nodes; the chain owns each new node after its release.
    ///     unsafe { Node::link(last, n); Node::release(n) };
    ///     last = n;
    /// }
    /// unsafe { Node::release(first) };
    /// assert_eq!(Node::live(), 0);
    /// ```
    ///
    /// # Safety
    /// `node` is live and the caller owns the reference it gives up.
    pub unsafe fn release(node: NonNull<Node>) {
        // SAFETY: forwarded from the caller.
        unsafe { decref_no_free(node) };
        if FREEING.with(|f| f.replace(true)) {
            return; // an outer call is draining the queue
        }
        while let Some(dead) = DYING.with(|d| d.borrow_mut().pop()) {
            // SAFETY: queued nodes have a zero count and nobody else frees them.
            unsafe { free(dead) };
        }
        FREEING.with(|f| f.set(false));
    }

    /// Number of live nodes on this thread.
    ///
    /// ```
    /// assert_eq!(pyrt_gc::example::Node::live(), 0);
    /// ```
    pub fn live() -> usize {
        LIVE.with(Cell::get)
    }
}

/// Drops a reference, queueing the node for freeing at zero.
///
/// # Safety
/// `node` is live and the caller owns the reference.
unsafe fn decref_no_free(node: NonNull<Node>) {
    // SAFETY: live (caller).
    let rc = unsafe { &node.as_ref().refcount };
    rc.set(rc.get() - 1);
    if rc.get() == 0 {
        DYING.with(|d| d.borrow_mut().push(node));
    }
}

/// Untracks and frees a node whose count is zero, queueing its edges' drops.
///
/// # Safety
/// `node` is live, has a zero count and is freed by no one else.
unsafe fn free(node: NonNull<Node>) {
    // SAFETY: untrack before free (ObjectModel duty 5); the box came from `new`.
    unsafe {
        with_gc(|gc| {
            gc.untrack(Node::head(node));
            gc.note_free();
        });
        let edges = std::mem::take(&mut *node.as_ref().edges.borrow_mut());
        drop(Box::from_raw(node.as_ptr()));
        for e in edges {
            decref_no_free(e);
        }
    }
    LIVE.with(|l| l.set(l.get() - 1));
}

/// The model for [`Node`]s: no finalizers, no weakrefs.
///
/// ```
/// use pyrt_gc::example::{Node, NodeModel, with_gc};
/// let n = Node::new();
/// // SAFETY: `n` is live.
/// assert_eq!(unsafe { <NodeModel as pyrt_gc::ObjectModel>::refcount(Node::head(n)) }, 1);
/// unsafe { Node::release(n) };
/// ```
pub enum NodeModel {}

/// The node behind a head.
///
/// # Safety
/// `head` is the head of a live node.
unsafe fn node<'a>(head: NonNull<GcHead>) -> &'a Node {
    // SAFETY: `Node` is `repr(C)` with its head first.
    unsafe { head.cast::<Node>().as_ref() }
}

// SAFETY: 1. only `Node::new` tracks heads in this thread's state, in front of nodes;
// 2. `refcount` is the count; 3. `traverse` visits each edge once; 4. the quiet hooks
// only read; 5. `free` untracks first and only zero-count nodes are freed; 6. `clear`
// leaves an empty, valid node; 7. no weakrefs; 8. nothing is untracked.
unsafe impl ObjectModel for NodeModel {
    type WeakrefCallback = ();

    unsafe fn refcount(head: NonNull<GcHead>) -> isize {
        // SAFETY: live node (caller).
        unsafe { node(head) }.refcount.get()
    }

    unsafe fn traverse<V: FnMut(NonNull<GcHead>)>(head: NonNull<GcHead>, visit: &mut V) {
        // SAFETY: live node (caller).
        for e in unsafe { node(head) }.edges.borrow().iter() {
            visit(Node::head(*e));
        }
    }

    unsafe fn incref(head: NonNull<GcHead>) {
        // SAFETY: live node (caller).
        let rc = &unsafe { node(head) }.refcount;
        rc.set(rc.get() + 1);
    }

    unsafe fn decref(head: NonNull<GcHead>) {
        // SAFETY: live node; the caller gives up its reference.
        unsafe { Node::release(head.cast()) };
    }

    unsafe fn clear(head: NonNull<GcHead>) {
        // Move the edges out first; drop them after the borrow ends.
        // SAFETY: live node (caller).
        let edges = std::mem::take(&mut *unsafe { node(head) }.edges.borrow_mut());
        for e in edges {
            // SAFETY: the edge owned this reference.
            unsafe { Node::release(e) };
        }
    }
}
