// stdlib/builtins_internal.hpp: how the builtins module is split across files. builtins.cpp
// creates the module and binds the types, exceptions and object-protocol functions; the others
// add their functions to it.
#pragma once

#include "lib_util.hpp"

namespace eddy::lib {

// abs, bin, oct, hex, chr, ord, divmod, pow, round, sum, min, max, all, any, sorted
// (builtins_numeric.cpp).
void add_numeric_builtins(Interp& in, rt::Module* builtins);
// print, input (builtins_io.cpp).
void add_io_builtins(Interp& in, rt::Module* builtins);
// globals, locals, vars, dir, exec, eval, compile, __build_class__ (builtins_scope.cpp).
void add_scope_builtins(Interp& in, rt::Module* builtins);

} // namespace eddy::lib
