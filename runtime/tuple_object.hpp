// runtime/tuple_object.hpp: tuple, a fixed-size array of values stored right after the header.
#pragma once

#include <span>

#include "object.hpp"

namespace eddy::rt {

struct Tuple : Obj {
    size_t size = 0;
    Value* items() { return reinterpret_cast<Value*>(this + 1); }
    const Value* items() const { return reinterpret_cast<const Value*>(this + 1); }
    std::span<Value> span() { return {items(), size}; }
    std::span<const Value> span() const { return {items(), size}; }
    Value operator[](size_t i) const { return items()[i]; }
};

// A tuple of `n` items, all None until the caller fills them (before the next safe point).
Tuple* make_tuple(Interp& in, size_t n);
Tuple* make_tuple(Interp& in, std::span<const Value> items);
bool is_tuple(const Interp& in, Value v);

} // namespace eddy::rt
