// stdlib/frozen.hpp: the Python-source modules compiled into the binary (stdlib/py/, frozen at
// build time by freeze_tool.cpp). The import system finds them after the native modules and
// before sys.path and runs their precompiled code; their code is named "<frozen NAME>" in
// tracebacks, as CPython's frozen modules are. Only the code is embedded: a traceback shows no
// source line for a frozen module (nor does CPython's), and nothing else reads the source.
#pragma once

#include <span>
#include <string_view>

namespace eddy::lib {

struct FrozenModule {
    std::string_view name;   // dotted module name: "collections", "asyncio.tasks"
    std::string_view code;   // its module code, in vm/code_serial.hpp's binary form
    bool is_package;         // from a NAME/__init__.py
};

// Every embedded module, sorted by its path under stdlib/py/ (defined in the generated
// frozen_modules.cpp).
std::span<const FrozenModule> frozen_modules();

// The embedded module `name`, or null.
const FrozenModule* find_frozen_module(std::string_view name);

} // namespace eddy::lib
