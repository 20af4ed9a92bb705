// vm/interpreter.hpp: the VM's entry points: running frames (the dispatch loop), setting frames
// up (data-stack and heap frames, argument binding, cells) and calling Python functions from
// native code. Everything outside vm/ calls Python through rt::call(), which lands here via the
// `function` type's call slot.
#pragma once

#include "runtime/object.hpp"
#include "vm/frame.hpp"
#include "vm/vm_state.hpp"

namespace eddy::vm {

enum class Exit { Returned, Yielded, Raised };

// Runs the dispatch loop from `entry` (set up, linked to its caller, is_entry set) until that
// frame returns, yields or lets an exception escape; `result` receives the returned or yielded
// value. With `throwing`, the pending exception is raised at entry's current instruction (for
// generator.throw()). Python-to-Python calls inside do not recurse on the C++ stack.
Exit run_frame(rt::Interp& in, Frame* entry, rt::Value& result, bool throwing = false);

// ---- frames ----
// A frame for `code` on the data stack, locals null; RecursionError when the limit is reached.
// Counts one level of recursion; pop_frame gives it back.
// `extra_words` past the value stack: LocalsWords for a frame that gets set_locals().
Frame* push_frame(rt::Interp& in, rt::CodeObject* code, rt::Function* func, rt::Dict* globals,
                  rt::Dict* builtins, uint32_t extra_words = 0);
void pop_frame(rt::Interp& in, Frame* frame);
// A frame in malloc'd memory, for a generator (give it back with release_heap_frame, or
// free_heap_frame where there is no interpreter at hand).
Frame* alloc_heap_frame(rt::Interp& in, rt::CodeObject* code, rt::Function* func,
                        rt::Dict* globals, rt::Dict* builtins);
void release_heap_frame(rt::Interp& in, Frame* frame);   // kept for reuse (VmState::frame_cache)
void free_heap_frame(Frame* frame);
// A coroutine frame on the data stack, for a coroutine that runs at once under its awaiter (the
// fused `await f(...)`): it costs what an ordinary call's frame does as long as the coroutine
// returns or raises without suspending, and moves to the heap (move_frame_to_heap) when it
// first suspends. Null when the data stack is full (use a heap frame). Counts no recursion
// level: gen_link does.
Frame* push_coroutine_frame(rt::Interp& in, rt::CodeObject* code, rt::Function* func);
// Moves the innermost running frame, a coroutine frame on the data stack, to a heap block and
// pops it from the data stack; returns the new frame (the caller repoints its generator).
Frame* move_frame_to_heap(rt::Interp& in, Frame* frame);
void trace_frame(Frame* frame, rt::Tracer& tracer);

// Binds a call's arguments (positional args[0..npos), then keyword values named by kwnames) to
// func's parameters in `frame`, fills defaults, creates cells and copies the closure, raising
// CPython's TypeErrors ("f() missing 1 required positional argument: 'b'", ...).
rt::Status bind_arguments(rt::Interp& in, rt::Function* func, Frame* frame, const rt::Value* args,
                          size_t npos, rt::Tuple* kwnames);

// ---- calls from native code (re-enter the loop; counted against the recursion limit) ----
rt::Result<rt::Value> call_function(rt::Interp& in, rt::Function* func, rt::CallArgs args);
// Runs a function's body with `locals` as its LOAD_NAME/STORE_NAME namespace (class bodies).
rt::Result<rt::Value> call_with_locals(rt::Interp& in, rt::Function* func, rt::Value locals);
// Runs module-level code with the given globals and locals mapping (exec, module bodies).
rt::Result<rt::Value> run_code(rt::Interp& in, rt::CodeObject* code, rt::Dict* globals,
                               rt::Value locals);
// A coroutine over module-level `code` with `globals` as its globals and locals (run.cpp's
// run_in_module_async).
rt::Result<rt::Value> module_coroutine(rt::Interp& in, rt::CodeObject* code, rt::Dict* globals);

// The `function` type's call slot.
rt::Result<rt::Value> function_call_slot(rt::Interp& in, rt::Value callee, rt::CallArgs args);

// ---- exceptions ----
// Sets exc.__context__ to the exception being handled, as CPython's _PyErr_SetObject does
// (breaking any cycle it would create). No effect when nothing is handled.
void chain_context(rt::Interp& in, rt::Value exc);

} // namespace eddy::vm
