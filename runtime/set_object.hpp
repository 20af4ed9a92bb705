// runtime/set_object.hpp: set and frozenset (one layout, two types): an open-addressing hash
// table with CPython's exact layout (same sizes, same probing), so iteration order matches.
#pragma once

#include <span>
#include <vector>

#include "object.hpp"

namespace eddy::rt {

struct SetEntry {
    int64_t hash;
    Value key;        // null: empty slot; Value::error() (hash -1): a deleted slot (dummy)
};

struct Set : Obj {
    std::vector<SetEntry> table;  // size is a power of two (>= 8), or empty before first use
    size_t used = 0;              // live keys
    size_t fill = 0;              // live keys + tombstones
    int64_t hash = -1;            // frozenset's cached hash
    size_t finger = 0;            // where set.pop() resumes its search, as CPython's so->finger
};

struct SetIterator : Obj {
    Set* set = nullptr;       // null once exhausted
    size_t pos = 0;
    size_t expected_used = 0;
    size_t remaining = 0;
};

Set* make_set(Interp& in);
Set* make_frozenset(Interp& in);
bool is_set_or_frozenset(const Interp& in, Value v);
Status set_add(Interp& in, Set* s, Value key);
Result<bool> set_contains(Interp& in, Set* s, Value key);
Result<bool> set_discard(Interp& in, Set* s, Value key);   // false when missing
// set.update(iterable) for one iterable.
Status set_update(Interp& in, Set* s, Value iterable);

// A set display as CPython 3.11 builds it, so that its iteration order matches: for three or
// more constant items the compiler emits BUILD_SET 0 + LOAD_CONST frozenset + SET_UPDATE, where
// the frozenset constant was filled item by item and then rebuilt from its own iteration order
// (constant merging), and is merged (one up-front resize) into an empty set.
// Other displays (BUILD_SET n) add their items one by one: use set_add.
Result<Set*> make_set_from_constant_display(Interp& in, std::span<const Value> items);
// The frozenset constant CPython's compiler makes for a set display of constants.
Result<Set*> make_frozenset_constant(Interp& in, std::span<const Value> items);

void init_set_types(Interp& in);   // set_object.cpp

} // namespace eddy::rt
