// stdlib/modules.hpp: the init function of every native module of modules.def (internal to
// stdlib/; the rest of eddy sees only stdlib.hpp).
#pragma once

#include "interp.hpp"

namespace eddy::lib {

#define EDDY_MODULE(pyname, init) rt::Result<rt::Value> init(rt::Interp& in);
#include "modules.def"
#undef EDDY_MODULE

} // namespace eddy::lib
