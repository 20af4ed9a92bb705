// runtime/set_object.hpp: set and frozenset (one layout, two types): an open-addressing hash
// table that remembers insertion order only as CPython does (not at all).
#pragma once

#include <vector>

#include "object.hpp"

namespace eddy::rt {

struct SetEntry {
    int64_t hash;
    Value key;        // null: empty slot
};

struct Set : Obj {
    std::vector<SetEntry> table;  // size is a power of two (or empty)
    size_t used = 0;              // live keys
    size_t fill = 0;              // live keys + tombstones
    int64_t hash = -1;            // frozenset's cached hash
};

Set* make_set(Interp& in);
Set* make_frozenset(Interp& in);
bool is_set_or_frozenset(const Interp& in, Value v);
Status set_add(Interp& in, Set* s, Value key);
Result<bool> set_contains(Interp& in, Set* s, Value key);

} // namespace eddy::rt
