// runtime/list_object.hpp: list, a growable array of values.
#pragma once

#include <span>
#include <vector>

#include "object.hpp"

namespace eddy::rt {

struct List : Obj {
    std::vector<Value> items;
};

List* make_list(Interp& in, std::span<const Value> items = {});
bool is_list(const Interp& in, Value v);

} // namespace eddy::rt
