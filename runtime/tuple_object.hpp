// runtime/tuple_object.hpp: tuple, a fixed-size array of values stored after the object header.
#pragma once

#include <initializer_list>
#include <span>
#include <vector>

#include "object.hpp"

namespace eddy::rt {

struct List;

struct Tuple : Obj {
    size_t size = 0;
    // Points just past the header for exact tuples; for instances of tuple subclasses (which may
    // carry an instance dict at the type's dict_offset) it points past the subclass's
    // instance_size, so the items never overlap the dict slot.
    Value* data = nullptr;
    Value* items() { return data; }
    const Value* items() const { return data; }
    std::span<Value> span() { return {data, size}; }
    std::span<const Value> span() const { return {data, size}; }
    Value operator[](size_t i) const { return data[i]; }
};

// The iterator of a tuple: the VM may special-case FOR_ITER over it.
struct TupleIterator : Obj {
    Tuple* tuple = nullptr;   // null once exhausted
    size_t index = 0;
};

// A tuple of `n` items, all None until the caller fills them (before the next safe point).
Tuple* make_tuple(Interp& in, size_t n);
Tuple* make_tuple(Interp& in, std::span<const Value> items);
inline Tuple* make_tuple(Interp& in, std::initializer_list<Value> items) {
    return make_tuple(in, std::span<const Value>(items.begin(), items.size()));
}
// Exact-match overloads, so that argument-dependent lookup never prefers std::make_tuple.
inline Tuple* make_tuple(Interp& in, std::span<Value> items) {
    return make_tuple(in, std::span<const Value>(items));
}
inline Tuple* make_tuple(Interp& in, const std::vector<Value>& items) {
    return make_tuple(in, std::span<const Value>(items));
}
inline Tuple* make_tuple(Interp& in, std::vector<Value>& items) {
    return make_tuple(in, std::span<const Value>(items));
}
bool is_tuple(const Interp& in, Value v);
// tuple(iterable): the tuple itself for an exact tuple, else a new one.
Result<Tuple*> tuple_from_iterable(Interp& in, Value iterable);
// CPython 3.11's xxHash-based tuplehash over already computed item hashes.
int64_t tuple_hash_combine(std::span<const int64_t> hashes);

// Lexicographic comparison of two sequences of the same kind (tuple/tuple, list/list), as
// CPython's tuplerichcompare/list_richcompare: `items` re-reads the items after every call
// into Python, since an __eq__ may mutate a list.
using ItemsFn = std::span<const Value> (*)(Value);
Result<Value> compare_sequences(Interp& in, Value a, Value b, vm::CmpOp op, ItemsFn items);

void init_tuple_type(Interp& in);   // tuple_object.cpp, called by init_container_types

} // namespace eddy::rt
