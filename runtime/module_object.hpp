// runtime/module_object.hpp: module objects: a namespace dict with a name.
#pragma once

#include "object.hpp"

namespace eddy::rt {

struct Module : Obj {
    Dict* dict = nullptr;     // the module's globals (also its __dict__)
    Str* name = nullptr;
};

// A new module with __name__ (and __doc__ = None) set in its dict; not registered anywhere.
Module* make_module(Interp& in, std::string_view name);

} // namespace eddy::rt
