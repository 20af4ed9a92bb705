// stdlib/asyncio_internal.hpp: what the files of the _asyncio module share (internal to stdlib/).
#pragma once

#include <initializer_list>

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

// What Queue.get()/put() return (asyncio_queue.cpp): coroutine-like, but a task needs a real
// coroutine, which queue_op_coroutine wraps it in. task_coroutine does that where tasks start.
bool is_queue_op(Interp& in, Value v);
Result<Value> queue_op_coroutine(Interp& in, Value v);
inline Result<Value> task_coroutine(Interp& in, Value v) {
    return is_queue_op(in, v) ? queue_op_coroutine(in, v) : Result<Value>(v);
}

// What ensure_future and run_until_complete run as a task (asyncio_module.cpp): a coroutine as
// it is, anything else with __await__ (a queue op, an awaitable class) wrapped in a coroutine
// that awaits it; TypeError for the rest.
Result<Value> awaitable_coroutine(Interp& in, Value v);

} // namespace eddy::lib
