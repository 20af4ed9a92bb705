// vm/vm_types.cpp: init_vm_types, the start-up function for the `vm` rows of
// runtime/builtin_types.def (function, method, code, cell, frame, traceback, generators).
#include "runtime/function_object.hpp"
#include "runtime/generator_object.hpp"
#include "runtime/traceback.hpp"
#include "runtime/type_inits.hpp"

namespace eddy::rt {

void init_vm_types(Interp& in) {
    init_function_types(in);
    init_generator_types(in);
    init_traceback_type(in);
}

} // namespace eddy::rt
