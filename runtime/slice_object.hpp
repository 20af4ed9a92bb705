// runtime/slice_object.hpp: slice objects and the index arithmetic every sequence shares.
#pragma once

#include <cstdint>

#include "object.hpp"

namespace eddy::rt {

struct Slice : Obj {
    Value start = Value::none(), stop = Value::none(), step = Value::none();
};

// The concrete positions a slice selects in a sequence of `length` items, as CPython's
// PySlice_Unpack + PySlice_AdjustIndices: start/stop clamped, step != 0, count items.
struct SliceIndices {
    int64_t start, stop, step, count;
};

Slice* make_slice(Interp& in, Value start, Value stop, Value step);
bool is_slice(const Interp& in, Value v);
// ValueError "slice step cannot be zero"; TypeError for non-index bounds.
Result<SliceIndices> slice_indices(Interp& in, Slice* slice, int64_t length);

// Converts a subscript to a position in a sequence of `length` items: accepts ints and objects
// with __index__, wraps negatives once, and raises IndexError(`range_message`) out of range or
// TypeError("`type_name` indices must be integers or slices, not X") for other keys. Used by
// tuple, list and range (`type_name` is "list", "tuple", ...).
Result<int64_t> sequence_index(Interp& in, Value key, int64_t length, const char* type_name,
                               const char* range_message);
// True when `key` can be used as an integer index (int, bool, or has __index__).
bool is_index_like(const Interp& in, Value key);

void init_slice_type(Interp& in);   // slice_object.cpp

} // namespace eddy::rt
