// runtime/generic_alias.hpp: types.GenericAlias (`list[int]`) and the __class_getitem__ that the
// built-in containers, and stdlib types like deque, use to make one.
#pragma once

#include "object.hpp"

namespace eddy::rt {

struct GenericAlias : Obj {
    Value origin = Value::null();   // the subscripted class (list)
    Value args = Value::null();     // the arguments, always a tuple ((int,))
};

// origin[item].
Value make_generic_alias(Interp& in, Value origin, Value item);
// Gives `type` a __class_getitem__ classmethod returning a GenericAlias.
void add_class_getitem(Interp& in, Type* type);
// Fills in Interp::types.generic_alias (called by init_container_types).
void init_generic_alias_type(Interp& in);

} // namespace eddy::rt
