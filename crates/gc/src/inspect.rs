//! The introspection half of the embedder API: listing tracked objects, referents and
//! referrers, the permanent generation (`freeze`), and the `garbage` list.
//!
//! Owns nothing but these read-mostly operations. Must not reorder generations except
//! for `freeze`/`unfreeze`, and must not run during the phases (the re-entrancy guard
//! and the well-formed-lists rule of loud hooks make every call here safe from user
//! code running inside a collection).

use crate::generation::Generation;
use crate::head::GcHead;
use crate::model::ObjectModel;
use crate::state::GcState;
use std::ptr::NonNull;

/// Looking at what is tracked (per generation, referents, referrers), freezing, and
/// the `garbage` list.
///
/// ```
/// use pyrt_gc::example::{Node, with_gc};
/// let n = Node::new();
/// with_gc(|gc| assert_eq!(gc.objects(None), [Node::head(n)]));
/// // SAFETY: `n` is live; released once, by its owner.
/// unsafe { Node::release(n) };
/// ```
impl GcState {
    /// The heads tracked in `generation`, or in all three generations for `None`
    /// (the permanent generation is never listed, as in Python).
    ///
    /// ```
    /// use pyrt_gc::example::{Node, with_gc};
    /// with_gc(|gc| {
    ///     let n = Node::new();
    ///     assert_eq!(gc.objects(None), vec![Node::head(n)]);
    ///     assert!(gc.objects(Some(pyrt_gc::Generation::OLD)).is_empty());
    ///     // SAFETY: released once, by its owner.
    ///     unsafe { Node::release(n) };
    /// });
    /// ```
    pub fn objects(&self, generation: Option<Generation>) -> Vec<NonNull<GcHead>> {
        let gens = &self.lists.gens;
        let chosen = match generation {
            Some(g) => &gens[g.index()..=g.index()],
            None => &gens[..],
        };
        let mut out = Vec::new();
        for list in chosen {
            // SAFETY: generation lists are well formed whenever this can be called.
            unsafe { list.for_each(|h| out.push(h)) };
        }
        out
    }

    /// The heads `head` references, as its traverse reports them (duplicates kept).
    ///
    /// ```
    /// use pyrt_gc::example::{Node, NodeModel, with_gc};
    /// with_gc(|gc| {
    ///     let (a, b) = (Node::new(), Node::new());
    ///     // SAFETY: live nodes we own, released once each.
    ///     unsafe {
    ///         Node::link(a, b);
    ///         assert_eq!(gc.referents::<NodeModel>(Node::head(a)), vec![Node::head(b)]);
    ///         Node::release(a);
    ///         Node::release(b);
    ///     }
    /// });
    /// ```
    ///
    /// # Safety
    /// `head` is the head of a live object of `M`.
    pub unsafe fn referents<M: ObjectModel>(&self, head: NonNull<GcHead>) -> Vec<NonNull<GcHead>> {
        let mut out = Vec::new();
        // SAFETY: forwarded from the caller; traverse is quiet.
        unsafe { M::traverse(head, &mut |r| out.push(r)) };
        out
    }

    /// The tracked objects (generations 0–2) whose traverse reports any of `targets`,
    /// each listed once. Targets are only compared by address.
    ///
    /// ```
    /// use pyrt_gc::example::{Node, NodeModel, with_gc};
    /// with_gc(|gc| {
    ///     let (a, b) = (Node::new(), Node::new());
    ///     // SAFETY: live nodes we own, released once each.
    ///     unsafe { Node::link(a, b) };
    ///     assert_eq!(gc.referrers::<NodeModel>(&[Node::head(b)]), vec![Node::head(a)]);
    ///     unsafe {
    ///         Node::release(a);
    ///         Node::release(b);
    ///     }
    /// });
    /// ```
    pub fn referrers<M: ObjectModel>(&self, targets: &[NonNull<GcHead>]) -> Vec<NonNull<GcHead>> {
        let mut sorted = targets.to_vec();
        sorted.sort_unstable();
        let mut out = Vec::new();
        for list in &self.lists.gens {
            // SAFETY: generation lists are well formed; members are live `M` heads
            // (duty 1); traverse is quiet.
            unsafe {
                list.for_each(|h| {
                    let mut hit = false;
                    M::traverse(h, &mut |r| hit |= sorted.binary_search(&r).is_ok());
                    if hit {
                        out.push(h);
                    }
                });
            }
        }
        out
    }

    /// Moves every tracked object into the permanent generation, which collections
    /// ignore; resets the young count (Python's `gc.freeze()`).
    ///
    /// ```
    /// use pyrt_gc::example::{Node, with_gc};
    /// with_gc(|gc| {
    ///     let n = Node::new();
    ///     gc.freeze();
    ///     assert_eq!(gc.get_freeze_count(), 1);
    ///     assert!(gc.objects(None).is_empty());
    ///     gc.unfreeze();
    ///     assert_eq!(gc.objects(Some(pyrt_gc::Generation::OLD)).len(), 1);
    ///     // SAFETY: released once, by its owner.
    ///     unsafe { Node::release(n) };
    /// });
    /// ```
    pub fn freeze(&self) {
        let lists = &*self.lists;
        for g in &lists.gens {
            // SAFETY: generation lists are well formed and distinct from `permanent`.
            unsafe { lists.permanent.splice_back(g) };
        }
        self.schedule.reset_young_count();
    }

    /// Moves the permanent generation back into the old generation.
    ///
    /// ```
    /// let s = pyrt_gc::GcState::new();
    /// s.unfreeze();
    /// assert_eq!(s.get_freeze_count(), 0);
    /// ```
    pub fn unfreeze(&self) {
        let lists = &*self.lists;
        // SAFETY: both lists are well formed and distinct.
        unsafe { lists.gens[2].splice_back(&lists.permanent) };
    }

    /// Number of objects in the permanent generation.
    ///
    /// ```
    /// assert_eq!(pyrt_gc::GcState::new().get_freeze_count(), 0);
    /// ```
    pub fn get_freeze_count(&self) -> usize {
        // SAFETY: the permanent list is always well formed.
        unsafe { self.lists.permanent.len() }
    }

    /// A snapshot of `garbage`: uncollectable objects (and, under SAVEALL, every
    /// unreachable one). The state owns one reference to each.
    ///
    /// ```
    /// assert!(pyrt_gc::GcState::new().garbage().is_empty());
    /// ```
    pub fn garbage(&self) -> Vec<NonNull<GcHead>> {
        self.garbage.borrow().clone()
    }

    /// Empties `garbage`, handing its references to the caller, who must release
    /// them (for instance by putting the objects into a Python list).
    ///
    /// ```
    /// assert!(pyrt_gc::GcState::new().take_garbage().is_empty());
    /// ```
    pub fn take_garbage(&self) -> Vec<NonNull<GcHead>> {
        std::mem::take(&mut *self.garbage.borrow_mut())
    }

    /// Empties `garbage`, releasing its references with `M::decref` (which may free
    /// the objects, or leave cycles for the next collection).
    ///
    /// ```
    /// use pyrt_gc::example::{with_gc, NodeModel};
    /// with_gc(|gc| gc.clear_garbage::<NodeModel>());
    /// ```
    pub fn clear_garbage<M: ObjectModel>(&self) {
        for h in self.take_garbage() {
            // SAFETY: `garbage` owns one reference to each of its live `M` heads.
            unsafe { M::decref(h) };
        }
    }
}
