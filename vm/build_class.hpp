// vm/build_class.hpp: builtins.__build_class__, the function a `class` statement calls
// (LOAD_BUILD_CLASS): runs the body with a fresh namespace as its locals, then calls the
// metaclass. The stdlib's builtins module registers it with this signature string:
//     "__build_class__(func, name, /, *bases, **kwds)"
#pragma once

#include "runtime/object.hpp"

namespace eddy::vm {

rt::Result<rt::Value> builtin___build_class__(rt::Interp& in, rt::Args args);

} // namespace eddy::vm
