// runtime/exception_object.hpp: instances of BaseException and every subclass share this layout;
// class-specific attributes (StopIteration.value, OSError.errno, SyntaxError.lineno,
// ImportError.name, ...) live in the instance dict.
#pragma once

#include "object.hpp"

namespace eddy::rt {

struct Traceback;

struct BaseException : Obj {
    Dict* dict = nullptr;          // instance dict (Type::dict_offset points here)
    Tuple* args = nullptr;         // .args
    Value cause = Value::none();   // __cause__
    Value context = Value::none(); // __context__
    Traceback* traceback = nullptr;// __traceback__, innermost frame last
    Value notes = Value::null();   // __notes__ (3.11 add_note), null when absent
    bool suppress_context = false; // __suppress_context__
};

// Creates an exception instance of `type` with args = (message,) or () when message is empty.
BaseException* make_exception(Interp& in, Type* type, std::string_view message);
BaseException* make_exception(Interp& in, Type* type, Tuple* args);
bool is_exception_instance(const Interp& in, Value v);
bool is_exception_class(const Interp& in, Value v);

} // namespace eddy::rt
