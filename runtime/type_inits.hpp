// runtime/type_inits.hpp: the per-owner start-up functions that fill in the built-in types
// (slots, methods, bases). Interp's constructor allocates every Type of builtin_types.def, interns
// the names of names.def, then calls these in this order. Owners are the files named in the
// third column of builtin_types.def.
#pragma once

namespace eddy::rt {

class Interp;

void init_core_types(Interp& in);        // types.cpp: object, type, NoneType, module, property, super, ...
void init_number_types(Interp& in);      // int_object.cpp, float_object.cpp: int, bool, float, complex
void init_text_types(Interp& in);        // str_object.cpp, bytes_object.cpp
void init_container_types(Interp& in);   // tuple, list, dict, set, range, slice, iterators
void init_vm_types(Interp& in);          // vm/: function, method, code, cell, frame, generators
void init_exception_types(Interp& in);   // exception_object.cpp: the classes of exceptions.def
// After every owner ran: computes each built-in type's MRO and inherits the slots it left null
// from its base (types.cpp).
void finish_builtin_types(Interp& in);

} // namespace eddy::rt
