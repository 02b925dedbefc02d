//! The `pyrt` binary: minipy, the toy Python interpreter embedding pyrt.

fn main() {}
