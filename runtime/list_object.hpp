// runtime/list_object.hpp: list, a growable array of values, and its two iterators.
#pragma once

#include <span>
#include <vector>

#include "object.hpp"

namespace eddy::rt {

struct List : Obj {
    std::vector<Value> items;
};

// list_iterator and list_reverseiterator share this layout; the VM may special-case FOR_ITER
// over a list_iterator (index < list->items.size() ? items[index++] : exhausted).
struct ListIterator : Obj {
    List* list = nullptr;   // null once exhausted
    size_t index = 0;       // next position (forward), or one past it (reverse)
};

List* make_list(Interp& in, std::span<const Value> items = {});
bool is_list(const Interp& in, Value v);
// list(iterable): always a new list (a known-size fast path for list, tuple, range, dict).
Result<List*> list_from_iterable(Interp& in, Value iterable);
// list.extend(iterable)
Status list_extend(Interp& in, List* list, Value iterable);
// list.sort(key=key, reverse=reverse): stable, `key` may be None (list_sort.cpp).
Status list_sort(Interp& in, List* list, Value key, bool reverse);

void init_list_type(Interp& in);   // list_object.cpp, called by init_container_types

} // namespace eddy::rt
