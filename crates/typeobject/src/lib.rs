//! typeobject
