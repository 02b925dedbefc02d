//! A consistency check of the lists and of the model's `traverse` (debug builds, or
//! the `verify` feature).
//!
//! Owns [`VerifyError`] and [`GcState::verify`]. Must not change what a collection
//! would do: it borrows the heads' scratch words and restores them before returning.
//!
//! # What it catches, and what it cannot
//! - **Broken links or stray collection flags** on any list: reported with the head.
//! - **Over-visiting**: a `traverse` that reports an edge twice, or reports an edge it
//!   holds no reference for, drives the referent's scratch count (refcount minus
//!   visits from tracked objects) negative whenever the referent has no spare
//!   references from elsewhere. The referent is reported, with the referrers that
//!   visited it more than once (or all its referrers when none did, which points at a
//!   refcount that is too low rather than a traverse).
//! - **Not caught:** over-visits to an object with enough untracked or external
//!   references to absorb them (the count stays ≥ 0); *missed* edges, which are
//!   indistinguishable from references held outside the heap and only show up as
//!   leaks (cycles that are never collected); edges to objects that were never
//!   tracked. A stress test that collects after every mutation is the better tool for
//!   missed edges.

use crate::collect::phases;
use crate::head::GcHead;
use crate::list::GcList;
use crate::model::ObjectModel;
use crate::state::GcState;
use std::fmt;
use std::ptr::NonNull;

/// A problem [`GcState::verify`] found.
///
/// ```
/// let e = pyrt_gc::VerifyError::Collecting;
/// assert_eq!(e.to_string(), "cannot verify while a collection runs");
/// ```
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum VerifyError {
    /// `verify` was called from inside a collection.
    Collecting,
    /// A head's `prev` link does not name the head before it.
    BrokenLink {
        /// The head with the wrong link.
        head: NonNull<GcHead>,
    },
    /// A head outside a collection carries collection-only flags, or a collection's
    /// scratch list is not empty.
    StrayFlags {
        /// The offending head.
        head: NonNull<GcHead>,
    },
    /// Tracked objects report more references to `target` than its refcount allows.
    OverVisited {
        /// The object visited too often.
        target: NonNull<GcHead>,
        /// Its reference count.
        refcount: isize,
        /// How many times tracked objects' traversals reported it.
        visits: usize,
        /// The referrers that reported it more than once; all of its referrers when
        /// none did.
        suspects: Vec<NonNull<GcHead>>,
    },
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VerifyError::Collecting => write!(f, "cannot verify while a collection runs"),
            VerifyError::BrokenLink { head } => write!(f, "broken list link at {head:p}"),
            VerifyError::StrayFlags { head } => {
                write!(f, "collection flags left on {head:p}")
            }
            VerifyError::OverVisited {
                target,
                refcount,
                visits,
                suspects,
            } => write!(
                f,
                "{target:p} has refcount {refcount} but is visited {visits} times \
                 (suspect referrers: {suspects:?})"
            ),
        }
    }
}

impl std::error::Error for VerifyError {}

/// Checking the lists and the model's traversals (debug builds, or the `verify`
/// feature).
///
/// ```
/// use pyrt_gc::example::{Node, NodeModel, with_gc};
/// let (a, b) = (Node::new(), Node::new());
/// // SAFETY: live nodes; each owner reference is released once.
/// unsafe { Node::link(a, b) };
/// assert!(with_gc(|gc| gc.verify::<NodeModel>()).is_ok());
/// unsafe { Node::release(b); Node::release(a) };
/// ```
impl GcState {
    /// Checks the lists and the model's traversals; see the module docs for what this
    /// can and cannot detect. Costs two walks and a traversal of every tracked object.
    ///
    /// ```
    /// use pyrt_gc::example::{Node, NodeModel, with_gc};
    /// with_gc(|gc| {
    ///     let a = Node::new();
    ///     // SAFETY: live node, released once by its owner.
    ///     unsafe { Node::link(a, a) };
    ///     assert_eq!(gc.verify::<NodeModel>(), Ok(()));
    ///     unsafe { Node::release(a) };
    ///     gc.collect::<NodeModel>(pyrt_gc::Generation::OLD);
    /// });
    /// ```
    pub fn verify<M: ObjectModel>(&self) -> Result<(), VerifyError> {
        if self.collecting.get() {
            return Err(VerifyError::Collecting);
        }
        let lists = &*self.lists;
        for list in lists.all() {
            check_links(list)?;
        }
        for scratch in &lists.all()[lists.resting().len()..] {
            if let Some(head) = scratch.first() {
                return Err(VerifyError::StrayFlags { head });
            }
        }
        let negative = self.find_over_visited::<M>();
        match negative {
            None => Ok(()),
            Some((target, refcount)) => Err(self.explain::<M>(target, refcount)),
        }
    }

    /// Runs the first two phases over every resting list at once, returns the first
    /// head whose count went negative (with its refcount), then restores the lists.
    fn find_over_visited<M: ObjectModel>(&self) -> Option<(NonNull<GcHead>, isize)> {
        let resting = self.lists.resting();
        // SAFETY: the lists are well formed (checked) and hold live `M` heads (duty 1);
        // `relink` below restores every `prev` word the phases overwrite.
        unsafe {
            for list in resting {
                phases::update_refs::<M>(list);
            }
            for list in resting {
                phases::subtract_refs::<M>(list);
            }
            let mut found = None;
            for list in resting {
                list.for_each(|h| {
                    if found.is_none() && h.as_ref().scratch() < 0 {
                        found = Some((h, M::refcount(h)));
                    }
                });
            }
            for list in resting {
                list.relink();
            }
            found
        }
    }

    /// Counts who visits `target` and how often.
    fn explain<M: ObjectModel>(&self, target: NonNull<GcHead>, refcount: isize) -> VerifyError {
        let (mut visits, mut doubles, mut all) = (0, Vec::new(), Vec::new());
        for list in self.lists.resting() {
            // SAFETY: well-formed lists of live `M` heads; traverse is quiet.
            unsafe {
                list.for_each(|h| {
                    let mut n = 0;
                    M::traverse(h, &mut |r| n += usize::from(r == target));
                    visits += n;
                    if n > 1 {
                        doubles.push(h);
                    }
                    if n > 0 {
                        all.push(h);
                    }
                });
            }
        }
        VerifyError::OverVisited {
            target,
            refcount,
            visits,
            suspects: if doubles.is_empty() { all } else { doubles },
        }
    }
}

/// Checks that each member's `prev` names its predecessor and carries no transient
/// flags.
fn check_links(list: &GcList) -> Result<(), VerifyError> {
    let mut prev = list.end();
    let mut result = Ok(());
    // SAFETY: `next` chains are intact outside a collection.
    unsafe {
        list.for_each(|h| {
            let hh = h.as_ref();
            if result.is_ok() {
                if hh.has_transient_flags() {
                    result = Err(VerifyError::StrayFlags { head: h });
                } else if hh.prev() != prev {
                    result = Err(VerifyError::BrokenLink { head: h });
                }
            }
            prev = h.as_ptr();
        });
    }
    if result.is_ok() && list.last() != prev {
        // The sentinel's back link is wrong: report the true last head.
        if let Some(head) = NonNull::new(prev).filter(|p| p.as_ptr() != list.end()) {
            return Err(VerifyError::BrokenLink { head });
        }
    }
    result
}
