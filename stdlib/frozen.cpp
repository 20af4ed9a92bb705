// stdlib/frozen.cpp: lookup in the table of frozen modules (frozen.hpp). Lives with the generated
// table in eddy_frozen, which needs neither the runtime nor the compiler, so tests can compare
// the frozen code with a fresh compile without building an interpreter.
#include "frozen.hpp"

namespace eddy::lib {

const FrozenModule* find_frozen_module(std::string_view name) {
    for (const FrozenModule& m : frozen_modules())
        if (m.name == name) return &m;
    return nullptr;
}

} // namespace eddy::lib
