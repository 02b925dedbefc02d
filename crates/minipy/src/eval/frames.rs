//! Frames: the local state of one running scope (fast locals, cells, globals, the
//! namespace of module and class bodies), name loads/stores/deletes by the scope
//! analysis' [`NameRef`], the frame stack used by tracebacks and zero-argument
//! `super()`, and the recursion limit.
//!
//! Owns frame layout and name access with CPython's `NameError`/`UnboundLocalError`
//! messages. Must not execute statements (`statements`).

use super::scope::{Code, NameRef};
use super::state;
use crate::ast::Module;
use crate::objects::cell::{CellObject, new_cell};
use pyrt_core::builtins::{DictObject, StrObject, intern};
use pyrt_core::{Bound, Py, PyAny, PyErr, PyResult, Python};

/// What the frame stack records of a running frame.
pub struct FrameInfo {
    /// The code's name (`<module>`, a function name, a class name).
    pub name: &'static str,
    /// The line being executed.
    pub line: u32,
    /// The first argument as passed (for zero-argument `super()`).
    pub first_arg: Option<Py<PyAny>>,
    /// The `__class__` cell, if the code has one (for zero-argument `super()`).
    pub class_cell: Option<Py<PyAny>>,
    /// The frame's globals (for `globals()`).
    pub globals: Py<DictObject>,
}

/// A running scope.
pub struct Frame<'py> {
    /// The analysed scope.
    pub code: &'static Code,
    /// Fast locals by slot.
    pub fast: Vec<Option<Bound<'py, PyAny>>>,
    /// Cells: the code's cell variables, then its free variables.
    pub cells: Vec<Bound<'py, CellObject>>,
    /// The global namespace.
    pub globals: Bound<'py, DictObject>,
    /// The local namespace of module and class bodies.
    pub ns: Option<Bound<'py, DictObject>>,
}

impl<'py> Frame<'py> {
    /// A frame for `code` with empty locals and fresh cells for its cell variables;
    /// free-variable cells are appended by the caller.
    pub fn new(
        py: Python<'py>,
        code: &'static Code,
        globals: Bound<'py, DictObject>,
        ns: Option<Bound<'py, DictObject>>,
    ) -> PyResult<Frame<'py>> {
        let mut cells = Vec::with_capacity(code.cellvars.len() + code.freevars.len());
        for _ in &code.cellvars {
            cells.push(new_cell(py, None)?);
        }
        Ok(Frame {
            code,
            fast: vec![None; code.locals.len()],
            cells,
            globals,
            ns,
        })
    }

    /// The cell holding `name` in this frame (for building closures).
    pub fn cell_for(&self, name: &str) -> Option<Bound<'py, CellObject>> {
        let i = self
            .code
            .cellvars
            .iter()
            .chain(self.code.freevars.iter())
            .position(|c| *c == name)?;
        self.cells.get(i).cloned()
    }

    /// Loads `name`.
    pub fn load(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        match self.code.resolve(name) {
            NameRef::Fast(i) => self
                .fast
                .get(i)
                .cloned()
                .flatten()
                .ok_or_else(|| unbound_local(py, name)),
            NameRef::Cell(i) => {
                let v = self.cells.get(i).and_then(|c| c.get(py, 0));
                v.ok_or_else(|| {
                    if i < self.code.cellvars.len() {
                        unbound_local(py, name)
                    } else {
                        new_name_error(
                            py,
                            format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
                        )
                    }
                })
            }
            NameRef::Global => self.load_global(py, name),
            NameRef::Name => {
                if let Some(ns) = &self.ns {
                    let key = intern(py, name)?;
                    if let Some(v) = ns.get_item(py, key.as_any())? {
                        return Ok(v);
                    }
                }
                self.load_global(py, name)
            }
        }
    }

    /// Loads `name` from globals, then builtins.
    pub fn load_global(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        let key = intern(py, name)?;
        if let Some(v) = self.globals.get_item(py, key.as_any())? {
            return Ok(v);
        }
        if let Some(v) = state(py).builtins.bind(py).get_item(py, key.as_any())? {
            return Ok(v);
        }
        Err(new_name_error(py, format!("name '{name}' is not defined")))
    }

    /// Stores `value` in `name`.
    pub fn store(&mut self, py: Python<'py>, name: &str, value: Bound<'py, PyAny>) -> PyResult<()> {
        match self.code.resolve(name) {
            NameRef::Fast(i) => {
                if let Some(slot) = self.fast.get_mut(i) {
                    let old = slot.replace(value);
                    drop(old);
                }
                Ok(())
            }
            NameRef::Cell(i) => {
                if let Some(c) = self.cells.get(i) {
                    c.set(py, 0, Some(value));
                }
                Ok(())
            }
            NameRef::Global => self
                .globals
                .set_item(py, intern(py, name)?.as_any(), &value),
            NameRef::Name => {
                let ns = self.ns.as_ref().unwrap_or(&self.globals);
                ns.set_item(py, intern(py, name)?.as_any(), &value)
            }
        }
    }

    /// Deletes `name`.
    pub fn delete(&mut self, py: Python<'py>, name: &str) -> PyResult<()> {
        match self.code.resolve(name) {
            NameRef::Fast(i) => match self.fast.get_mut(i).and_then(Option::take) {
                Some(v) => {
                    drop(v);
                    Ok(())
                }
                None => Err(unbound_local(py, name)),
            },
            NameRef::Cell(i) => match self.cells.get(i).and_then(|c| c.fields[0].take(py)) {
                Some(_) => Ok(()),
                None => Err(unbound_local(py, name)),
            },
            NameRef::Global => {
                if self.globals.del_item(py, intern(py, name)?.as_any())? {
                    Ok(())
                } else {
                    Err(new_name_error(py, format!("name '{name}' is not defined")))
                }
            }
            NameRef::Name => {
                let ns = self.ns.as_ref().unwrap_or(&self.globals);
                if ns.del_item(py, intern(py, name)?.as_any())? {
                    Ok(())
                } else {
                    Err(new_name_error(py, format!("name '{name}' is not defined")))
                }
            }
        }
    }
}

fn unbound_local(py: Python<'_>, name: &str) -> PyErr {
    let msg =
        format!("cannot access local variable '{name}' where it is not associated with a value");
    match crate::builtins::exception_type(py, "UnboundLocalError") {
        Some(t) => PyErr::new(py, &t, &msg),
        None => new_name_error(py, msg),
    }
}

/// A `NameError` with `msg`.
pub fn new_name_error(py: Python<'_>, msg: impl AsRef<str>) -> PyErr {
    PyErr::new(py, py.builtins().name_error(), msg.as_ref())
}

/// Pushes a frame record; the guard pops it (and the depth) when dropped.
pub struct FrameGuard;

impl FrameGuard {
    /// Enters a frame, enforcing the recursion limit.
    pub fn enter(py: Python<'_>, info: FrameInfo) -> PyResult<FrameGuard> {
        let st = state(py);
        let d = st.depth.get();
        if d >= super::RECURSION_LIMIT {
            return Err(PyErr::new(
                py,
                py.builtins().recursion_error(),
                "maximum recursion depth exceeded",
            ));
        }
        st.depth.set(d + 1);
        st.frames.borrow_mut().push(info);
        Ok(FrameGuard)
    }
}

impl Drop for FrameGuard {
    fn drop(&mut self) {
        // SAFETY: a FrameGuard exists only while the runtime lock is held on this thread
        // (created under a token, dropped in the same scope).
        let py = unsafe { Python::assume_locked() };
        let st = state(py);
        st.depth.set(st.depth.get().saturating_sub(1));
        let popped = st.frames.borrow_mut().pop();
        drop(popped);
    }
}

/// Records the line being executed in the innermost frame.
pub fn set_line(py: Python<'_>, line: u32) {
    if let Some(f) = state(py).frames.borrow_mut().last_mut() {
        f.line = line;
    }
}

/// The innermost frame's name and line.
pub fn current_location(py: Python<'_>) -> Option<(&'static str, u32)> {
    state(py).frames.borrow().last().map(|f| (f.name, f.line))
}

/// Runs a module body.
pub fn run_module<'py>(
    py: Python<'py>,
    module: &'static Module<'static>,
    code: &'static Code,
    globals: &Bound<'py, DictObject>,
    want_value: bool,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    let mut frame = Frame::new(py, code, globals.clone(), Some(globals.clone()))?;
    let _g = FrameGuard::enter(
        py,
        FrameInfo {
            name: "<module>",
            line: 0,
            first_arg: None,
            class_cell: None,
            globals: globals.clone().unbind(),
        },
    )?;
    let r = super::statements::exec_module_body(py, &mut frame, module.body, want_value);
    if let Err(e) = &r {
        super::exceptions::add_traceback_entry(py, e);
    }
    r
}

/// The innermost frame's globals (`globals()`).
pub fn current_globals(py: Python<'_>) -> Option<Bound<'_, DictObject>> {
    state(py)
        .frames
        .borrow()
        .last()
        .map(|f| f.globals.bind(py).clone())
}

/// Zero-argument `super()`: the `__class__` cell and first argument of the innermost
/// frame.
pub fn zero_arg_super<'py>(
    py: Python<'py>,
) -> PyResult<(Bound<'py, PyAny>, Option<Bound<'py, PyAny>>)> {
    let st = state(py);
    let frames = st.frames.borrow();
    let Some(f) = frames.last() else {
        return Err(PyErr::runtime_error(py, "super(): no current frame"));
    };
    let Some(first) = &f.first_arg else {
        return Err(PyErr::runtime_error(py, "super(): no arguments"));
    };
    let Some(cell) = &f.class_cell else {
        return Err(PyErr::runtime_error(
            py,
            "super(): __class__ cell not found",
        ));
    };
    let cls = cell
        .bind(py)
        .downcast::<CellObject>()
        .ok()
        .and_then(|c| c.get(py, 0))
        .ok_or_else(|| PyErr::runtime_error(py, "super(): empty __class__ cell"))?;
    Ok((cls, Some(first.bind(py).clone())))
}

/// The string value of a str object, for messages.
pub fn str_value(obj: &Bound<'_, PyAny>) -> Option<String> {
    obj.downcast::<StrObject>()
        .ok()
        .map(|s| s.as_str().to_owned())
}
