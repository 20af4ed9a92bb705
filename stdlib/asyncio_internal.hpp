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

} // namespace eddy::lib
