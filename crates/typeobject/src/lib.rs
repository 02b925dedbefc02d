//! typeobject

pub mod builtins;
