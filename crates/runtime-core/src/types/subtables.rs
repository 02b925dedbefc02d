//! The five slot sub-tables: number (36 slots), sequence (8), mapping (3), async (4),
//! buffer (2). Every field is a `Cell` so slots can be (re)filled after creation.
//!
//! Owns the sub-table layouts only.

use super::signatures::*;
use std::cell::Cell;

macro_rules! subtable {
    ($(#[$m:meta])* $name:ident { $($field:ident : $ty:ty),* $(,)? }) => {
        $(#[$m])*
        #[repr(C)]
        #[derive(Default)]
        pub struct $name {
            $(#[doc = concat!("The `", stringify!($field), "` slot.")] pub $field: Cell<Option<$ty>>,)*
        }

        impl $name {
            /// Copies every slot from `other`.
            pub fn copy_from(&self, other: &$name) {
                $(self.$field.set(other.$field.get());)*
            }

            /// The inheritance copy rule, slot by slot: take `b`'s slot when this table's
            /// is empty, `b`'s is set, and `b`'s differs from `b_base`'s (`b_base` being
            /// the table of `b`'s own base, if it has one).
            pub fn inherit_from(&self, b: &$name, b_base: Option<&$name>) {
                $(
                    if self.$field.get().is_none() {
                        if let Some(v) = b.$field.get() {
                            let inherited = b_base.and_then(|bb| bb.$field.get()).map(|f| f as usize);
                            if inherited != Some(v as usize) {
                                self.$field.set(Some(v));
                            }
                        }
                    }
                )*
            }
        }
    };
}

subtable! {
    /// `PyNumberMethods`.
    ///
    /// ```
    /// let n = pyrt_core::types::NumberMethods::default();
    /// assert!(n.nb_add.get().is_none());
    /// ```
    NumberMethods {
        nb_add: BinaryFunc, nb_subtract: BinaryFunc, nb_multiply: BinaryFunc,
        nb_remainder: BinaryFunc, nb_divmod: BinaryFunc, nb_power: TernaryFunc,
        nb_negative: UnaryFunc, nb_positive: UnaryFunc, nb_absolute: UnaryFunc,
        nb_bool: InquiryFunc, nb_invert: UnaryFunc, nb_lshift: BinaryFunc,
        nb_rshift: BinaryFunc, nb_and: BinaryFunc, nb_xor: BinaryFunc, nb_or: BinaryFunc,
        nb_int: UnaryFunc, nb_reserved: UnaryFunc, nb_float: UnaryFunc,
        nb_inplace_add: BinaryFunc, nb_inplace_subtract: BinaryFunc,
        nb_inplace_multiply: BinaryFunc, nb_inplace_remainder: BinaryFunc,
        nb_inplace_power: TernaryFunc, nb_inplace_lshift: BinaryFunc,
        nb_inplace_rshift: BinaryFunc, nb_inplace_and: BinaryFunc,
        nb_inplace_xor: BinaryFunc, nb_inplace_or: BinaryFunc,
        nb_floor_divide: BinaryFunc, nb_true_divide: BinaryFunc,
        nb_inplace_floor_divide: BinaryFunc, nb_inplace_true_divide: BinaryFunc,
        nb_index: UnaryFunc, nb_matrix_multiply: BinaryFunc,
        nb_inplace_matrix_multiply: BinaryFunc,
    }
}

subtable! {
    /// `PySequenceMethods`.
    ///
    /// ```
    /// assert!(pyrt_core::types::SequenceMethods::default().sq_length.get().is_none());
    /// ```
    SequenceMethods {
        sq_length: SsizeFunc, sq_concat: BinaryFunc, sq_repeat: SsizeArgFunc,
        sq_item: SsizeArgFunc, sq_ass_item: SsizeObjArgProc, sq_contains: ObjObjProc,
        sq_inplace_concat: BinaryFunc, sq_inplace_repeat: SsizeArgFunc,
    }
}

subtable! {
    /// `PyMappingMethods`.
    ///
    /// ```
    /// assert!(pyrt_core::types::MappingMethods::default().mp_length.get().is_none());
    /// ```
    MappingMethods { mp_length: SsizeFunc, mp_subscript: BinaryFunc, mp_ass_subscript: ObjObjArgProc }
}

subtable! {
    /// `PyAsyncMethods`.
    ///
    /// ```
    /// assert!(pyrt_core::types::AsyncMethods::default().am_await.get().is_none());
    /// ```
    AsyncMethods { am_await: UnaryFunc, am_aiter: UnaryFunc, am_anext: UnaryFunc, am_send: SendFunc }
}

subtable! {
    /// `PyBufferProcs`.
    ///
    /// ```
    /// assert!(pyrt_core::types::BufferProcs::default().bf_getbuffer.get().is_none());
    /// ```
    BufferProcs { bf_getbuffer: GetBufferProc, bf_releasebuffer: ReleaseBufferProc }
}
