// stdlib/stdlib.hpp: the stdlib's face to the rest of eddy. The embedding layer (api/) calls
// install() right after creating an Interp (io_streams.cpp defines flush_stdout); the import system then finds native modules
// (math, time, random, ...) through the loader install() registers.
#pragma once

#include <string_view>

#include "runtime/interp.hpp"

namespace eddy::lib {

// Creates the builtins and sys modules (Interp::builtins, Interp::sys), registers them in
// sys.modules, and installs load_native_module as the import system's native-module loader.
void install(rt::Interp& in);

// The native module `name`, created and registered in sys.modules on first use; null (no error
// set) when there is no native module of that name; an error if its initialisation failed.
rt::Result<rt::Value> load_native_module(rt::Interp& in, std::string_view name);

// Flushes what print() and sys.stdout.write() buffered. stdout is flushed by exit() anyway; call
// this before writing to the process stderr directly (tracebacks) so the two keep their order.
void flush_stdout(rt::Interp& in);

} // namespace eddy::lib
