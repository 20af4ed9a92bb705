// stdlib/asyncio_internal.hpp: what the files of the _asyncio module share (internal to stdlib/).
#pragma once

#include <initializer_list>
#include <span>
#include <string>

#include "interp.hpp"
#include "lib_util.hpp"
#include "module_object.hpp"
#include "runtime/loop/loop.hpp"

namespace eddy::lib {

// A coroutine for create_task/run: a coroutine object, a generator-based coroutine, or sleep().
bool is_coroutine(Interp& in, Value v);
// The `loop=None` argument of Future()/Task(): the running loop, else get_event_loop()'s.
Result<rt::loop::EventLoop*> loop_or_current(Interp& in, Value loop);
// Binds keyword arguments `names` of a native __new__ into `out` (left as given when absent);
// positional arguments are refused.
Status bind_keywords_only(Interp& in, rt::CallArgs args, const char* fname,
                          std::initializer_list<const char*> names, Value* out);

void init_future_types(Interp& in, rt::Module* m);   // asyncio_future.cpp
void init_loop_types(Interp& in, rt::Module* m);     // asyncio_loop.cpp
void init_queue_types(Interp& in, rt::Module* m);    // asyncio_queue.cpp
void init_event_types(Interp& in, rt::Module* m);    // asyncio_event.cpp
void init_lock_types(Interp& in, rt::Module* m);     // asyncio_locks.cpp
void init_gather(Interp& in, rt::Module* m);         // asyncio_gather.cpp

// How asyncio names callbacks (asyncio_format.cpp, after format_helpers.py and reprlib):
// reprlib.repr(v), shortened to reprlib's default limits.
Result<std::string> reprlib_repr(Interp& in, Value v);
// _format_callback_source(func, args): "f(1, 'a') at file.py:3" (no " at" part unless a
// function lies under the wrappers and partials), "C.meth(2)", "print()", "f(1)(2) at ...".
Result<std::string> format_callback_source(Interp& in, Value func, std::span<const Value> args);
// The same for a handle's callback and arguments.
Result<std::string> handle_callback_text(Interp& in, rt::loop::Handle* h);
// base_futures._format_callbacks of a Future::callbacks value: "cb=[f() at x.py:1, <2 more>,
// Task.task_wakeup()]", or "" when there are none.
Result<std::string> format_callbacks(Interp& in, Value callbacks);

// What Queue.get()/put() (asyncio_queue.cpp) and Lock/Semaphore's acquire()/__aenter__()/
// __aexit__() (asyncio_locks.cpp) return: coroutine-like ops, but a task needs a real
// coroutine, which native_op_coroutine wraps one in. task_coroutine does that where tasks start.
bool is_queue_op(Interp& in, Value v);
Result<Value> queue_op_coroutine(Interp& in, Value v);
bool is_lock_op(Interp& in, Value v);
Result<Value> lock_op_coroutine(Interp& in, Value v);
inline bool is_native_op(Interp& in, Value v) { return is_queue_op(in, v) || is_lock_op(in, v); }
inline Result<Value> native_op_coroutine(Interp& in, Value v) {
    return is_queue_op(in, v) ? queue_op_coroutine(in, v) : lock_op_coroutine(in, v);
}
inline Result<Value> task_coroutine(Interp& in, Value v) {
    return is_native_op(in, v) ? native_op_coroutine(in, v) : Result<Value>(v);
}

// What ensure_future and run_until_complete run as a task (asyncio_module.cpp): a coroutine as
// it is, anything else with __await__ (a queue op, an awaitable class) wrapped in a coroutine
// that awaits it; TypeError for the rest.
Result<Value> awaitable_coroutine(Interp& in, Value v);

} // namespace eddy::lib
