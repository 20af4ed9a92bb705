// stdlib/asyncio_event.cpp: _asyncio._EventCore, the native state and methods of asyncio.Event
// (stdlib/py/asyncio/locks.py subclasses it and adds the repr), and the Python face of what
// ev.wait() returns. The waiting itself (parking tasks, set() waking them, cancellation) is the
// loop core's (runtime/loop/event.cpp).
//
// Why native: a task waiting on an Event in CPython holds the wait() coroutine, its frame and a
// future; here `await ev.wait()` holds nothing of its own (the event's token and three bits of
// the task), and a wait() made and awaited apart one small EventWait, which matters when a
// million tasks wait.
#include <string>

#include "asyncio_internal.hpp"
#include "generator_object.hpp"
#include "iterators.hpp"
#include "list_object.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "str_object.hpp"
#include "types.hpp"

namespace eddy::lib {

using rt::loop::AsyncEvent;
using rt::loop::EventWait;
using rt::loop::WaitState;

namespace {

AsyncEvent* self_of(Args a) { return a[0].as<AsyncEvent>(); }

Result<Value> event_new(Interp& in, Type* type, rt::CallArgs) {
    return Value::from_obj(rt::alloc_instance<AsyncEvent>(in.heap, type));
}

Result<Value> event_is_set(Interp&, Args a) { return Value::boolean(self_of(a)->value); }

Result<Value> event_set(Interp& in, Args a) {
    rt::loop::event_set(in, self_of(a));
    return Value::none();
}

Result<Value> event_clear(Interp&, Args a) {
    self_of(a)->value = false;
    return Value::none();
}

Result<Value> event_wait(Interp& in, Args a) {
    return Value::from_obj(rt::loop::event_wait(in, self_of(a)));
}

// `await ev.wait()`: see rt::loop::event_wait_await.
Result<Value> event_wait_await(Interp& in, Args a, bool& done) {
    return rt::loop::event_wait_await(in, self_of(a), done);
}

Result<Value> event_get_value(Interp&, Args a) { return Value::boolean(self_of(a)->value); }

Result<Value> event_set_value(Interp& in, Args a) {
    self_of(a)->value = EDDY_TRY(rt::truthy(in, a[1]));
    return Value::none();
}

// _waiters: CPython's deque of futures; here the tasks waiting, for len() and repr.
Result<Value> event_get_waiters(Interp& in, Args a) {
    rt::List* l = rt::make_list(in);
    for (rt::loop::Task* t : self_of(a)->waiters) l->items.push_back(Value::from_obj(t));
    return Value::from_obj(l);
}

Result<Value> event_get_loop(Interp&, Args a) {
    AsyncEvent* ev = self_of(a);
    return ev->loop.is_null() ? Value::none() : ev->loop;
}

Result<Value> event_set_loop(Interp& in, Args a) {
    if (!a[1].is_none() && (!a[1].is_obj() || a[1].as_obj()->type != rt::loop::state(in).loop_type))
        return in.raise(in.exc.TypeError, "_loop must be an event loop or None");
    self_of(a)->loop = a[1].is_none() ? Value::null() : a[1];
    return Value::none();
}

// ---- the wait() coroutine ----

EventWait* wait_of(Args a) { return a[0].as<EventWait>(); }

Result<Value> wait_send(Interp& in, Args a) {
    EventWait* w = wait_of(a);
    if (w->state() == WaitState::Created && !a[1].is_none())
        return in.raise(in.exc.TypeError, "can't send non-None value to a just-started coroutine");
    bool done = false;
    Value v = EDDY_TRY(rt::loop::event_wait_send(in, w, done));
    if (done) return rt::raise_stop_iteration(in, v);
    return v;
}

// The exception arrives at the `await fut` inside wait(): its `finally` takes the waiter out
// and the exception goes on.
Result<Value> wait_throw(Interp& in, Args a) {
    Value exc = EDDY_TRY(rt::gen_throw_args(in, a[1], a.has(2) ? a[2] : Value::none(),
                                            a.has(3) ? a[3] : Value::none()));
    rt::loop::event_wait_abandon(in, wait_of(a));
    return in.raise_value(exc);
}

Result<Value> wait_close(Interp& in, Args a) {
    rt::loop::event_wait_abandon(in, wait_of(a));
    return Value::none();
}

Result<Value> wait_await(Interp&, Args a) { return a[0]; }

Result<Value> wait_repr(Interp& in, Value self) {
    return rt::str_value(in, "<coroutine object Event.wait at " + rt::address_string(self.as_obj()) + ">");
}

} // namespace

void init_event_types(Interp& in, rt::Module* m) {
    Type* t = make_native_type(in, "_EventCore", "_asyncio", sizeof(AsyncEvent));
    t->flags |= rt::TF_BaseType;
    t->new_ = event_new;
    t->trace = rt::loop::event_trace;
    t->finalize = rt::loop::event_finalize;
    rt::add_methods(in, t, {
        {"is_set(self, /)", event_is_set},
        {"set(self, /)", event_set},
        {"clear(self, /)", event_clear},
        {"wait(self, /)", event_wait},
    });
    rt::set_await_form(in, t, "wait", event_wait_await);
    rt::add_getset(in, t, "_value", event_get_value, event_set_value);
    rt::add_getset(in, t, "_waiters", event_get_waiters, nullptr);
    rt::add_getset(in, t, "_loop", event_get_loop, event_set_loop);
    finish_native_type(in, t);
    rt::add_slot_wrappers(in, t);
    set_module_attr(in, m, "_EventCore", Value::from_obj(t));

    Type* wt = rt::loop::state(in).event_wait_type;
    wt->repr = wait_repr;
    rt::add_methods(in, wt, {
        {"send(self, value, /)", wait_send},
        {"throw(self, typ, val=None, tb=None, /)", wait_throw},
        {"close(self, /)", wait_close},
        {"__await__(self, /)", wait_await},
    });
    finish_native_type(in, wt);
}

} // namespace eddy::lib
