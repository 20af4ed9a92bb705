// runtime/traceback.hpp: traceback objects (one per frame an exception passed through) and the
// CPython-format report of an uncaught exception, chained exceptions included:
//   Traceback (most recent call last):
//     File "x.py", line 3, in f
//       source line
//   TypeError: msg
#pragma once

#include <string>

#include "object.hpp"

namespace eddy::rt {

struct CodeObject;
struct BaseException;

struct Traceback : Obj {
    Traceback* next = nullptr;      // tb_next: the frame it was called from is *before* this one
    CodeObject* code = nullptr;
    Dict* globals = nullptr;        // for tb_frame.f_globals
    int lineno = 0;                 // tb_lineno
    int lasti = 0;                  // tb_lasti (instruction index)
};

// A snapshot of a frame for Python code (tb_frame, gi_frame): f_code, f_globals, f_lineno.
struct FrameObject : Obj {
    CodeObject* code = nullptr;
    Dict* globals = nullptr;
    int lineno = 0;
};
Value make_frame_object(Interp& in, CodeObject* code, Dict* globals, int lineno);

// Records that `exc` passed through the frame running `code` at instruction `lasti`: prepends
// an entry to exc.__traceback__, as CPython's PyTraceBack_Here does.
void traceback_add(Interp& in, Value exc, CodeObject* code, Dict* globals, uint32_t lasti);

// The full report for `exc` (its __cause__/__context__ chain first), ending in a newline.
std::string format_exception(Interp& in, Value exc);
// "TypeError: msg" (or "mod.Error: msg" outside builtins/__main__), no newline.
std::string format_exception_only(Interp& in, Value exc);

// Writes format_exception(exc) to the interpreter's stderr sink (or stderr).
void print_exception(Interp& in, Value exc);

void init_traceback_type(Interp& in);

} // namespace eddy::rt
