// stdlib/asyncio_module.cpp: the _asyncio module, asyncio's native core: the loop accessors
// (get_running_loop, get_event_loop, new_event_loop, set_event_loop), current_task, all_tasks,
// sleep (no future: the task sleeps on its own timer), create_task, ensure_future, isfuture,
// iscoroutine and the exception classes. The rest of asyncio is Python on top of this.
#include <string>

#include "asyncio_internal.hpp"
#include "dict_object.hpp"
#include "exception_object.hpp"
#include "generator_object.hpp"
#include "import.hpp"
#include "function_object.hpp"
#include "modules.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "set_object.hpp"
#include "str_object.hpp"
#include "tuple_object.hpp"

namespace eddy::lib {

using rt::loop::EventLoop;
using rt::loop::LoopState;

bool is_coroutine(Interp& in, Value v) {
    if (!v.is_obj()) return false;
    Type* t = v.as_obj()->type;
    if (t == in.types.coroutine) return true;
    // 3.11's coroutines._COROUTINE_TYPES still lists GeneratorType: any generator will do.
    if (t == in.types.generator) return true;
    return in.loop_state && (rt::loop::is_sleep(*in.loop_state, t) || t == in.loop_state->event_wait_type);
}

Status bind_keywords_only(Interp& in, rt::CallArgs args, const char* fname,
                          std::initializer_list<const char*> names, Value* out) {
    if (args.count > 0)
        return in.raise(in.exc.TypeError, std::string(fname) + "() takes no positional arguments");
    size_t nkw = args.kw_count();
    for (size_t k = 0; k < nkw; k++) {
        std::string_view key = (*args.kwnames)[k].as<rt::Str>()->view();
        size_t i = 0;
        for (const char* n : names) {
            if (key == n) break;
            i++;
        }
        if (i == names.size())
            return in.raise(in.exc.TypeError, std::string(fname) + "() got an unexpected keyword argument '" +
                                                  std::string(key) + "'");
        out[i] = args.values[args.count + k];
    }
    return rt::ok();
}

static Result<EventLoop*> get_event_loop(Interp& in) {
    LoopState& s = rt::loop::state(in);
    if (s.running_loop) return s.running_loop;
    if (!s.event_loop) s.event_loop = rt::loop::make_loop(in);
    return s.event_loop;
}

Result<EventLoop*> loop_or_current(Interp& in, Value loop) {
    if (loop.is_none() || loop.is_null()) return get_event_loop(in);
    if (!loop.is_obj() || loop.as_obj()->type != rt::loop::state(in).loop_type)
        return in.raise(in.exc.TypeError, "loop must be an event loop");
    return loop.as<EventLoop>();
}

static Result<EventLoop*> running_loop(Interp& in) {
    LoopState& s = rt::loop::state(in);
    if (!s.running_loop) return in.raise(in.exc.RuntimeError, "no running event loop");
    return s.running_loop;
}

Result<Value> awaitable_coroutine(Interp& in, Value v) {
    if (is_coroutine(in, v)) return v;
    if (is_native_op(in, v)) return native_op_coroutine(in, v);
    if (rt::type_lookup(rt::type_of(in, v), in.names.dunder_await).is_null())
        return in.raise(in.exc.TypeError, "An asyncio.Future, a coroutine or an awaitable is required");
    Value waiting = EDDY_TRY(rt::import_module(in, "asyncio.waiting"));
    Value wrap = EDDY_TRY(rt::get_attr(in, waiting, in.intern("_wrap_awaitable")));
    return rt::call(in, wrap, {v});
}

namespace {

Result<Value> asyncio_get_running_loop(Interp& in, Args) {
    return Value::from_obj(EDDY_TRY(running_loop(in)));
}

Result<Value> asyncio__get_running_loop(Interp& in, Args) {
    LoopState& s = rt::loop::state(in);
    return s.running_loop ? Value::from_obj(s.running_loop) : Value::none();
}

Result<Value> asyncio_get_event_loop(Interp& in, Args) {
    return Value::from_obj(EDDY_TRY(get_event_loop(in)));
}

Result<Value> asyncio_new_event_loop(Interp& in, Args) { return Value::from_obj(rt::loop::make_loop(in)); }

Result<Value> asyncio_set_event_loop(Interp& in, Args a) {
    LoopState& s = rt::loop::state(in);
    if (a[0].is_none()) {
        s.event_loop = nullptr;
        return Value::none();
    }
    s.event_loop = EDDY_TRY(loop_or_current(in, a[0]));
    return Value::none();
}

Result<Value> asyncio_current_task(Interp& in, Args a) {
    EventLoop* loop = a[0].is_none() ? EDDY_TRY(running_loop(in)) : EDDY_TRY(loop_or_current(in, a[0]));
    rt::loop::Task* t = rt::loop::state(in).current_task;
    if (!t || t->loop.as<EventLoop>() != loop) return Value::none();
    return Value::from_obj(t);
}

Result<Value> asyncio_all_tasks(Interp& in, Args a) {
    EventLoop* loop = a[0].is_none() ? EDDY_TRY(running_loop(in)) : EDDY_TRY(loop_or_current(in, a[0]));
    rt::Set* set = rt::make_set(in);
    for (rt::loop::Task* t : rt::loop::listed_tasks(in, loop)) EDDY_CHECK(rt::set_add(in, set, Value::from_obj(t)));
    return Value::from_obj(set);
}

// sleep(delay, result=None): a coroutine (runtime/loop/sleep.cpp) that a task awaits on its own
// timer (delay > 0) or with a trip to the back of the ready queue. Its delay is checked when it
// starts, as CPython's body checks it.
Result<Value> asyncio_sleep(Interp& in, Args a) {
    LoopState& s = rt::loop::state(in);
    static_assert(sizeof(rt::loop::SleepCoroutine) <= 64);
    auto* sl = in.heap.alloc<rt::loop::SleepCoroutine>(s.sleep_coro_type);
    sl->result = a[1];
    if (a[0].is_float()) sl->delay = a[0].as_float();
    else if (a[0].is_small_int()) sl->delay = double(a[0].as_small_int());
    else sl->delay_arg = a[0];
    return Value::from_obj(sl);
}

// `await asyncio.sleep(d)`: the awaitable without binding the call's arguments first, and with
// no coroutine state (the await consumes it at once), so sleep(0)'s is one shared object.
Result<Value> asyncio_sleep_await(Interp& in, Args a, bool& done) {
    done = false;
    double delay;
    if (a[0].is_float()) delay = a[0].as_float();
    else if (a[0].is_small_int()) delay = double(a[0].as_small_int());
    else delay = EDDY_TRY(rt::loop::sleep_delay(in, a[0]));   // a non-number raises at the await
    Value result = a[1];
    LoopState& s = rt::loop::state(in);
    static_assert(sizeof(rt::loop::SleepAwaitable) <= 64);
    if (delay <= 0 && result.is_none()) {
        if (!s.sleep0) s.sleep0 = in.heap.alloc<rt::loop::SleepAwaitable>(s.sleep_type);
        return Value::from_obj(s.sleep0);
    }
    auto* sl = in.heap.alloc<rt::loop::SleepAwaitable>(s.sleep_type);
    sl->delay = delay;
    sl->result = result;
    return Value::from_obj(sl);
}

// futures._set_result_unless_cancelled: the timer callback of a sleep started by hand.
Result<Value> asyncio__set_result_unless_cancelled(Interp& in, Args a) {
    if (!rt::loop::is_future(in, a[0])) return in.raise(in.exc.TypeError, "a future was expected");
    auto* f = a[0].as<rt::loop::Future>();
    if (f->state == rt::loop::FutState::Cancelled) return Value::none();
    EDDY_CHECK(rt::loop::future_set_result(in, f, a[1]));
    return Value::none();
}

Result<Value> not_a_coroutine(Interp& in, Value coro) {
    std::string r = EDDY_TRY(rt::repr_string(in, coro));
    return in.raise(in.exc.TypeError, "a coroutine was expected, got " + r);
}

Result<Value> asyncio_create_task(Interp& in, Args a) {
    if (!is_coroutine(in, a[0]) && !is_native_op(in, a[0])) return not_a_coroutine(in, a[0]);
    EventLoop* loop = EDDY_TRY(running_loop(in));
    Value coro = EDDY_TRY(task_coroutine(in, a[0]));
    return Value::from_obj(EDDY_TRY(rt::loop::make_task(in, loop, coro, a[1])));
}

Result<Value> asyncio_ensure_future(Interp& in, Args a) {
    Value obj = a[0];
    if (rt::loop::is_future(in, obj)) return obj;
    obj = EDDY_TRY(awaitable_coroutine(in, obj));
    EventLoop* loop = EDDY_TRY(loop_or_current(in, a[1]));
    return Value::from_obj(EDDY_TRY(rt::loop::make_task(in, loop, obj, Value::null())));
}

Result<Value> asyncio_isfuture(Interp& in, Args a) { return Value::boolean(rt::loop::is_future(in, a[0])); }
Result<Value> asyncio_iscoroutine(Interp& in, Args a) {
    return Value::boolean(is_coroutine(in, a[0]) || is_native_op(in, a[0]));
}

Result<Value> asyncio__make_cancelled_error(Interp& in, Args a) {
    if (!rt::loop::is_future(in, a[0])) return in.raise(in.exc.TypeError, "a future was expected");
    return rt::loop::make_cancelled_error(in, a[0].as<rt::loop::Future>());
}

Result<Value> asyncio__cancel_message(Interp& in, Args a) {
    if (!rt::loop::is_future(in, a[0])) return in.raise(in.exc.TypeError, "a future was expected");
    return rt::loop::cancel_msg_of(a[0].as<rt::loop::Future>());
}

// _set_sigint_task(task): asyncio.run's main task, which Ctrl-C cancels (None: no run is
// waiting); the interrupt count starts again at zero (Runner.run sets _interrupt_count = 0).
Result<Value> asyncio__set_sigint_task(Interp& in, Args a) {
    if (!a[0].is_none() && !rt::loop::is_task(in, a[0])) return in.raise(in.exc.TypeError, "a task was expected");
    LoopState& s = rt::loop::state(in);
    s.sigint_task = a[0].is_none() ? nullptr : a[0].as<rt::loop::Task>();
    s.interrupt_count = 0;
    return Value::none();
}

// _interrupt_count(): the interrupts that arrived while the main task ran (Runner._interrupt_count).
Result<Value> asyncio__interrupt_count(Interp& in, Args) {
    return Value::from_small_int(rt::loop::state(in).interrupt_count);
}

} // namespace

Result<Value> init__asyncio(Interp& in) {
    rt::Module* m = rt::make_module(in, "_asyncio");
    LoopState& s = rt::loop::state(in);
    s.is_coroutine = is_coroutine;
    s.callback_text = handle_callback_text;
    init_future_types(in, m);
    init_loop_types(in, m);
    init_queue_types(in, m);
    init_event_types(in, m);
    init_lock_types(in, m);
    init_gather(in, m);
    set_module_attr(in, m, "CancelledError", Value::from_obj(s.cancelled_error));
    set_module_attr(in, m, "InvalidStateError", Value::from_obj(s.invalid_state_error));
    set_module_attr(in, m, "TimeoutError", Value::from_obj(in.exc.TimeoutError));
    rt::add_functions(in, m, {
        {"get_running_loop()", asyncio_get_running_loop},
        {"_get_running_loop()", asyncio__get_running_loop},
        {"get_event_loop()", asyncio_get_event_loop},
        {"new_event_loop()", asyncio_new_event_loop},
        {"set_event_loop(loop, /)", asyncio_set_event_loop},
        {"current_task(loop=None)", asyncio_current_task},
        {"all_tasks(loop=None)", asyncio_all_tasks},
        {"def sleep(delay, result=None)", asyncio_sleep},
        {"create_task(coro, *, name=None, context=None)", asyncio_create_task},
        {"ensure_future(coro_or_future, *, loop=None)", asyncio_ensure_future},
        {"isfuture(obj, /)", asyncio_isfuture},
        {"iscoroutine(obj, /)", asyncio_iscoroutine},
        {"_make_cancelled_error(fut, /)", asyncio__make_cancelled_error},
        {"_cancel_message(fut, /)", asyncio__cancel_message},
        {"_set_sigint_task(task, /)", asyncio__set_sigint_task},
        {"_interrupt_count()", asyncio__interrupt_count},
        {"_set_result_unless_cancelled(fut, result, /)", asyncio__set_result_unless_cancelled},
    });
    get_module_attr(in, m, "sleep").as<rt::NativeFunction>()->await_form = asyncio_sleep_await;
    s.sleep_wakeup = get_module_attr(in, m, "_set_result_unless_cancelled");
    return Value::from_obj(m);
}

} // namespace eddy::lib
