// stdlib/frozen.hpp: the Python-source modules compiled into the binary (stdlib/py/, embedded at
// build time by embed_py.cmake). The import system finds them after the native modules and
// before sys.path; their code is named "<frozen NAME>" in tracebacks, as CPython's frozen
// modules are.
#pragma once

#include <span>
#include <string_view>

namespace eddy::lib {

struct FrozenModule {
    std::string_view name;     // dotted module name: "collections", "asyncio.tasks"
    std::string_view path;     // relative to stdlib/py/: "asyncio/tasks.py"
    std::string_view source;   // the file's bytes
    bool is_package;           // from a NAME/__init__.py
};

// Every embedded module, sorted by path (defined in the generated frozen_sources.cpp).
std::span<const FrozenModule> frozen_modules();

// The embedded module `name`, or null.
const FrozenModule* find_frozen_module(std::string_view name);

} // namespace eddy::lib
