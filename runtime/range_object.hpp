// runtime/range_object.hpp: range and its iterator. A range whose start, stop, step and length
// all fit a small int ("small", so every element is a small int too) works on the int64 fields
// alone; otherwise the Python-int fields are authoritative
// (range(10**20) works, as in CPython, through bigint arithmetic).
#pragma once

#include "object.hpp"

namespace eddy::rt {

struct Range : Obj {
    Value start, stop, step, length;   // Python ints, always set
    bool small = false;                // start/step/length also fit the int64 fields below
    int64_t istart = 0, istep = 1, ilength = 0;
};

// The VM special-cases FOR_ITER over a range_iterator when `small`: if remaining > 0, push
// Value::from_small_int(next), next += step, --remaining; else exhausted. Big iterators (values beyond int64) walk
// Python ints in `big_next` / `big_step`.
struct RangeIterator : Obj {
    int64_t next = 0;
    int64_t step = 1;
    int64_t remaining = 0;
    bool small = true;
    Value big_next, big_step, big_remaining;   // only when !small
};

bool is_range(const Interp& in, Value v);
// range(start, stop, step) from int64 bounds (step != 0).
Range* make_range(Interp& in, int64_t start, int64_t stop, int64_t step);

void init_range_type(Interp& in);   // range_object.cpp

} // namespace eddy::rt
