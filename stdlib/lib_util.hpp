// stdlib/lib_util.hpp: small helpers shared by the native modules: building module namespaces,
// creating stdlib-private types, number conversions with CPython's messages, and calls with
// keyword arguments. Uses only the runtime's public API (runtime/*.hpp).
#pragma once

#include <initializer_list>
#include <string_view>
#include <utility>

#include "int_object.hpp"
#include "interp.hpp"

namespace eddy::lib {

using rt::Args;
using rt::Interp;
using rt::Result;
using rt::Status;
using rt::Type;
using rt::Value;

// module.name = value (no error possible: module dicts are str-keyed).
void set_module_attr(Interp& in, rt::Module* module, std::string_view name, Value value);
// A value from a module's namespace, or null.
Value get_module_attr(Interp& in, rt::Module* module, std::string_view name);

// A type created by a stdlib module (random.Random, time.struct_time, ...): base object, MRO
// (type, object), an empty dict. Call finish_native_type after filling slots: it copies every
// slot still null from `object`, as finish_builtin_types does for the built-in types.
Type* make_native_type(Interp& in, std::string_view name, std::string_view module,
                       uint32_t instance_size);
void finish_native_type(Interp& in, Type* type);

// The bound method `type.name` for receiver `self` (module-level functions of random are the
// default instance's bound methods, as in CPython's Lib/random.py).
Value bound_method(Interp& in, Type* type, std::string_view name, Value self);

// A real number as a double, as PyFloat_AsDouble: float, int (OverflowError "int too large to
// convert to float"), __float__, then __index__; otherwise TypeError "must be real number, not T".
Result<double> to_double(Interp& in, Value v);
// An integer (int or __index__) as a BigValue; TypeError "'T' object cannot be interpreted as an
// integer" otherwise.
Result<rt::BigValue> to_big_index(Interp& in, Value v);
// A finite double's integral part as a Python int; ValueError/OverflowError for nan/inf with
// CPython's float.__int__ messages.
Result<Value> int_from_double(Interp& in, double d);
// True for exact int or bool values (no subclass instances).
bool is_exact_int(Interp& in, Value v);

// callable(*positional, **{names[i]: values[i]}).
Result<Value> call_kw(Interp& in, Value callable, std::initializer_list<Value> positional,
                      std::initializer_list<std::pair<std::string_view, Value>> keywords);

} // namespace eddy::lib

namespace eddy::lib {

// Keyword-only parameters of a function declared "f(*args, **kwargs)": moves each named entry
// of `kwargs` (a Dict, or null when none were passed) into its slot (left untouched when
// absent) and rejects unknown names with CPython's "'x' is an invalid keyword argument for f()".
// Used where the binder cannot yet place keyword-only parameters after *args.
Status take_keywords(Interp& in, Value kwargs, const char* fname,
                     std::initializer_list<std::pair<const char*, Value*>> slots);

} // namespace eddy::lib
