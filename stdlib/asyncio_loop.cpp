// stdlib/asyncio_loop.cpp: the Python face of the event loop (BaseEventLoop's call_soon,
// call_later, call_at, time, create_future, create_task, run_until_complete, run_forever, stop,
// close, ...), of Handle/TimerHandle, and of the object sleep() returns. The scheduler itself is
// runtime/loop/event_loop.cpp.
#include <cmath>
#include <string>

#include "asyncio_internal.hpp"
#include "dict_object.hpp"
#include "generator_object.hpp"
#include "list_object.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "str_object.hpp"
#include "tuple_object.hpp"
#include "types.hpp"

namespace eddy::lib {

using rt::loop::EventLoop;
using rt::loop::Handle;

namespace {

EventLoop* lp(Args a) { return a[0].as<EventLoop>(); }

// Handles keep no empty argument tuple: null means "no arguments".
Value handle_args(Value varargs) {
    if (varargs.is_null() || varargs.as<rt::Tuple>()->size == 0) return Value::null();
    return varargs;
}

Status check_context_only(Interp& in, Value kwargs, const char* fname) {
    Value context = Value::none();
    return take_keywords(in, kwargs, fname, {{"context", &context}});
}

Status check_callable(Interp& in, Value cb, const char* fname) {
    if (rt::is_callable(in, cb)) return rt::ok();
    (void)fname;
    return in.raise(in.exc.TypeError, "a callable object was expected by " + std::string(fname) + "(), got " +
                                          EDDY_TRY(rt::repr_string(in, cb)));
}

Status check_not_closed(Interp& in, EventLoop* loop) {
    if (loop->closed) return in.raise(in.exc.RuntimeError, "Event loop is closed");
    return rt::ok();
}

Result<Value> loop_call_soon(Interp& in, Args a) {
    EDDY_CHECK(check_context_only(in, a[3], "call_soon"));
    EDDY_CHECK(check_not_closed(in, lp(a)));
    EDDY_CHECK(check_callable(in, a[1], "call_soon"));
    return Value::from_obj(rt::loop::call_soon(in, lp(a), a[1], handle_args(a[2])));
}

Result<Value> loop_call_at(Interp& in, Args a) {
    EDDY_CHECK(check_context_only(in, a[4], "call_at"));
    EDDY_CHECK(check_not_closed(in, lp(a)));
    EDDY_CHECK(check_callable(in, a[2], "call_at"));
    double when = EDDY_TRY(to_double(in, a[1]));
    return Value::from_obj(rt::loop::call_at(in, lp(a), when, a[2], handle_args(a[3])));
}

Result<Value> loop_call_later(Interp& in, Args a) {
    EDDY_CHECK(check_context_only(in, a[4], "call_later"));
    EDDY_CHECK(check_not_closed(in, lp(a)));
    EDDY_CHECK(check_callable(in, a[2], "call_later"));
    double delay = EDDY_TRY(to_double(in, a[1]));
    double when = rt::loop::loop_time() + delay;
    return Value::from_obj(rt::loop::call_at(in, lp(a), when, a[2], handle_args(a[3])));
}

Result<Value> loop_time(Interp&, Args) { return Value::from_float(rt::loop::loop_time()); }

Result<Value> loop_create_future(Interp& in, Args a) {
    return Value::from_obj(rt::loop::make_future(in, lp(a)));
}

Result<Value> loop_create_task(Interp& in, Args a) {
    EDDY_CHECK(check_not_closed(in, lp(a)));
    Value coro = a[1];
    if (is_native_op(in, coro)) coro = EDDY_TRY(native_op_coroutine(in, coro));
    if (!is_coroutine(in, coro)) {
        std::string r = EDDY_TRY(rt::repr_string(in, coro));
        return in.raise(in.exc.TypeError, "a coroutine was expected, got " + r);
    }
    return Value::from_obj(EDDY_TRY(rt::loop::make_task(in, lp(a), coro, a[2])));
}

Result<Value> loop_run_until_complete(Interp& in, Args a) {
    Value fut = a[1];
    if (!rt::loop::is_future(in, fut)) fut = EDDY_TRY(awaitable_coroutine(in, fut));
    return rt::loop::run_until_complete(in, lp(a), fut);
}

Result<Value> loop_run_forever(Interp& in, Args a) {
    EDDY_CHECK(rt::loop::run_forever(in, lp(a)));
    return Value::none();
}

Result<Value> loop_stop(Interp&, Args a) {
    lp(a)->stopping = true;
    return Value::none();
}

Result<Value> loop_close(Interp& in, Args a) {
    EventLoop* loop = lp(a);
    if (loop->running) return in.raise(in.exc.RuntimeError, "Cannot close a running event loop");
    if (loop->closed) return Value::none();
    loop->closed = true;
    while (!loop->ready.empty()) loop->ready.pop();
    loop->timers.clear();
    rt::loop::report_unretrieved(in);
    return Value::none();
}

Result<Value> loop_is_running(Interp&, Args a) { return Value::boolean(lp(a)->running); }
Result<Value> loop_is_closed(Interp&, Args a) { return Value::boolean(lp(a)->closed); }
Result<Value> loop_get_debug(Interp&, Args) { return Value::boolean(false); }
Result<Value> loop_set_debug(Interp&, Args) { return Value::none(); }

// loop.call_exception_handler(context): BaseEventLoop.default_exception_handler's report on
// stderr: the message (a default one when it is missing or empty), then "key: repr(value)" for
// each other key of the context but the exception, in sorted order, then the exception's
// traceback.
Result<Value> loop_call_exception_handler(Interp& in, Args a) {
    Value ctx = a[1];
    if (!rt::is_dict(in, ctx)) {
        rt::loop::report_exception(in, "Unhandled exception in event loop", Value::null());
        return Value::none();
    }
    auto* d = ctx.as<rt::Dict>();
    rt::Str* message = in.intern("message");
    rt::Str* exception = in.intern("exception");
    Value msg = rt::dict_get_str(d, message);
    Value exc = rt::dict_get_str(d, exception);
    std::string text = "Unhandled exception in event loop";
    if (!msg.is_null() && EDDY_TRY(rt::truthy(in, msg)))
        text = std::string(EDDY_TRY(rt::str(in, msg)).as<rt::Str>()->view());
    rt::List* keys = EDDY_TRY(rt::list_from_iterable(in, ctx));
    EDDY_CHECK(rt::list_sort(in, keys, Value::none(), false));
    for (Value k : keys->items) {
        bool str = rt::is_str(in, k);
        if (str && (rt::str_equal(k.as<rt::Str>(), message) || rt::str_equal(k.as<rt::Str>(), exception))) continue;
        Value v = EDDY_TRY(rt::get_item(in, ctx, k));
        std::string line = std::string(EDDY_TRY(rt::str(in, k)).as<rt::Str>()->view()) + ": ";
        text += "\n" + line + EDDY_TRY(rt::repr_string(in, v));
    }
    rt::loop::report_exception(in, text, exc.is_null() ? Value::none() : exc);
    return Value::none();
}

Result<Value> loop_repr(Interp& in, Value self) {
    auto* loop = self.as<EventLoop>();
    std::string s = "<_UnixSelectorEventLoop running=";
    s += loop->running ? "True" : "False";
    s += " closed=";
    s += loop->closed ? "True" : "False";
    s += " debug=False>";
    return rt::str_value(in, s);
}

// ---- handles ----

Result<Value> handle_cancel(Interp& in, Args a) {
    rt::loop::handle_cancel(in, a[0].as<Handle>());
    return Value::none();
}
Result<Value> handle_cancelled(Interp&, Args a) { return Value::boolean(a[0].as<Handle>()->cancelled); }
Result<Value> handle_when(Interp&, Args a) { return Value::from_float(a[0].as<Handle>()->when); }

// "<Handle print()>", "<TimerHandle when=12.5 f(1) at x.py:3>", "<Handle cancelled>"
// (events.Handle._repr_info and TimerHandle's).
Result<Value> handle_repr(Interp& in, Value self) {
    auto* h = self.as<Handle>();
    std::string s = "<" + std::string(rt::type_of(in, self)->name);
    if (h->cancelled) s += " cancelled";
    if (h->is_timer) {
        std::string w = EDDY_TRY(rt::repr_string(in, Value::from_float(h->when)));
        s += " when=" + w;
    }
    if (!h->callback.is_none()) s += " " + EDDY_TRY(handle_callback_text(in, h));
    return rt::str_value(in, s + ">");
}

// ---- sleep's object: a coroutine (runtime/loop/sleep.cpp), and its __await__ iterator ----

rt::loop::SleepAwaitable* sleep_of(Value v) { return v.as<rt::loop::SleepAwaitable>(); }
rt::loop::SleepAwaitable* wrapped_sleep(Value v) { return v.as<rt::loop::SleepWrapper>()->sleep; }

// What coro.send(value) gives: the value it yields, or StopIteration carrying its result.
Result<Value> sleep_step(Interp& in, rt::loop::SleepAwaitable* sl, Value sent) {
    bool done = false;
    Value v = EDDY_TRY(rt::loop::sleep_send(in, sl, sent, done));
    if (done) return rt::raise_stop_iteration(in, v);
    return v;
}

Result<Value> sleep_throw_args(Interp& in, rt::loop::SleepAwaitable* sl, Args a) {
    Value exc = EDDY_TRY(rt::gen_throw_args(in, a[1], a[2], a[3]));
    return rt::loop::sleep_throw(in, sl, exc);
}

Result<Value> sleep_send(Interp& in, Args a) { return sleep_step(in, sleep_of(a[0]), a[1]); }
Result<Value> sleep_throw(Interp& in, Args a) { return sleep_throw_args(in, sleep_of(a[0]), a); }
Result<Value> sleep_close(Interp& in, Args a) {
    rt::loop::sleep_close(in, sleep_of(a[0]));
    return Value::none();
}
Result<Value> sleep___await__(Interp& in, Args a) {
    rt::loop::LoopState& s = rt::loop::state(in);
    auto* w = in.heap.alloc<rt::loop::SleepWrapper>(s.sleep_wrapper_type);
    w->sleep = sleep_of(a[0]);
    return Value::from_obj(w);
}
Result<Value> sleep_repr(Interp& in, Value self) {
    return rt::str_value(in, "<coroutine object sleep at " + rt::address_string(self.as_obj()) + ">");
}

Result<Value> sleep_wrapper___iter__(Interp&, Args a) { return a[0]; }
Result<Value> sleep_wrapper___next__(Interp& in, Args a) {
    return sleep_step(in, wrapped_sleep(a[0]), Value::none());
}
Result<Value> sleep_wrapper_iter(Interp&, Value self) { return self; }
// The next slot's convention: exhaustion is null with nothing raised (the result is dropped, as
// for a generator's; `yield from` and tasks take it through rt::loop::await_send instead).
Result<Value> sleep_wrapper_next(Interp& in, Value self) {
    bool done = false;
    Value v = EDDY_TRY(rt::loop::sleep_send(in, wrapped_sleep(self), Value::none(), done));
    return done ? Value::null() : v;
}
Result<Value> sleep_wrapper_send(Interp& in, Args a) { return sleep_step(in, wrapped_sleep(a[0]), a[1]); }
Result<Value> sleep_wrapper_throw(Interp& in, Args a) { return sleep_throw_args(in, wrapped_sleep(a[0]), a); }
Result<Value> sleep_wrapper_close(Interp& in, Args a) {
    rt::loop::sleep_close(in, wrapped_sleep(a[0]));
    return Value::none();
}

} // namespace

void init_loop_types(Interp& in, rt::Module* m) {
    rt::loop::LoopState& s = rt::loop::state(in);
    Type* lt = s.loop_type;
    lt->repr = loop_repr;
    rt::add_methods(in, lt, {
        {"call_soon(self, callback, *args, **kwargs)", loop_call_soon},
        {"call_later(self, delay, callback, *args, **kwargs)", loop_call_later},
        {"call_at(self, when, callback, *args, **kwargs)", loop_call_at},
        {"time(self, /)", loop_time},
        {"create_future(self, /)", loop_create_future},
        {"create_task(self, coro, *, name=None, context=None)", loop_create_task},
        {"run_until_complete(self, future, /)", loop_run_until_complete},
        {"run_forever(self, /)", loop_run_forever},
        {"stop(self, /)", loop_stop},
        {"close(self, /)", loop_close},
        {"is_running(self, /)", loop_is_running},
        {"is_closed(self, /)", loop_is_closed},
        {"get_debug(self, /)", loop_get_debug},
        {"set_debug(self, enabled, /)", loop_set_debug},
        {"call_exception_handler(self, context, /)", loop_call_exception_handler},
    });
    finish_native_type(in, lt);

    for (Type* ht : {s.handle_type, s.timer_handle_type}) {
        ht->repr = handle_repr;
        rt::add_methods(in, ht, {
            {"cancel(self, /)", handle_cancel},
            {"cancelled(self, /)", handle_cancelled},
        });
    }
    rt::add_methods(in, s.timer_handle_type, {{"when(self, /)", handle_when}});
    finish_native_type(in, s.handle_type);
    finish_native_type(in, s.timer_handle_type);

    // The await form's sleep, seen by Python code only through an awaiter's cr_await or
    // gi_yieldfrom (a hand-driven await gets a SleepCoroutine in its place), has the same methods.
    for (Type* st : {s.sleep_type, s.sleep_coro_type}) {
        st->repr = sleep_repr;
        rt::add_methods(in, st, {
            {"send(self, value, /)", sleep_send},
            {"throw(self, typ, val=None, tb=None, /)", sleep_throw},
            {"close(self, /)", sleep_close},
            {"__await__(self, /)", sleep___await__},
        });
        finish_native_type(in, st);
    }
    s.sleep_wrapper_type->iter = sleep_wrapper_iter;
    s.sleep_wrapper_type->next = sleep_wrapper_next;
    rt::add_methods(in, s.sleep_wrapper_type, {
        {"__iter__(self, /)", sleep_wrapper___iter__},
        {"__next__(self, /)", sleep_wrapper___next__},
        {"send(self, value, /)", sleep_wrapper_send},
        {"throw(self, typ, val=None, tb=None, /)", sleep_wrapper_throw},
        {"close(self, /)", sleep_wrapper_close},
    });
    finish_native_type(in, s.sleep_wrapper_type);
    set_module_attr(in, m, "Handle", Value::from_obj(s.handle_type));
    set_module_attr(in, m, "TimerHandle", Value::from_obj(s.timer_handle_type));
    set_module_attr(in, m, "AbstractEventLoop", Value::from_obj(lt));
    set_module_attr(in, m, "BaseEventLoop", Value::from_obj(lt));
}

} // namespace eddy::lib
