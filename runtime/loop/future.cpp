// runtime/loop/future.cpp: the state machine of asyncio.Future, after CPython 3.11's C
// implementation (Modules/_asynciomodule.c: future_set_result, future_cancel,
// future_schedule_callbacks, ...), whose messages Python programs see. Done callbacks are
// scheduled on the loop; a Task among them is woken in place, without a handle.
#include "loop.hpp"

#include "runtime/exception_object.hpp"
#include "runtime/interp.hpp"
#include "runtime/list_object.hpp"
#include "runtime/ops.hpp"
#include "runtime/tuple_object.hpp"

namespace eddy::rt::loop {

bool is_future(Interp& in, Value v) {
    if (!v.is_obj() || !in.loop_state) return false;
    LoopState& s = state(in);
    Type* t = v.as_obj()->type;
    if (t == s.future_type || t == s.task_type) return true;
    return s.future_type && is_subtype(t, s.future_type);
}

bool is_task(Interp& in, Value v) {
    return is_future(in, v) && v.as<Future>()->is_task;
}

Future* make_future(Interp& in, EventLoop* loop) {
    auto* f = in.heap.alloc<Future>(state(in).future_type);
    f->loop = Value::from_obj(loop);
    return f;
}

// Wakes `t`, which awaits `by` (done now): the wake-up runs at the next loop iteration, as
// CPython's call_soon(task.__wakeup, fut) does.
static void wake_task(Interp& in, Task* t, Future* by) {
    t->resume = Resume::Wakeup;
    LoopState& s = state(in);
    if (s.hooks.task_woken) s.hooks.task_woken(in, t, by);
    t->loop.as<EventLoop>()->ready.push(t);
}

static void schedule_one(Interp& in, Future* f, Value cb) {
    if (cb.is_obj() && cb.as_obj()->type != nullptr && is_task(in, cb)) {
        wake_task(in, cb.as<Task>(), f);
        return;
    }
    call_soon_done_callback(in, f->loop.as<EventLoop>(), cb, f);
}

// future_schedule_callbacks: every callback, in registration order, then forget them.
static void schedule_callbacks(Interp& in, Future* f) {
    Value cbs = f->callbacks;
    f->callbacks = Value::null();
    if (cbs.is_null()) return;
    if (!is_list(in, cbs)) {
        schedule_one(in, f, cbs);
        return;
    }
    for (Value cb : cbs.as<List>()->items) schedule_one(in, f, cb);
}

static Error invalid_state(Interp& in, const char* msg) {
    return in.raise(state(in).invalid_state_error, msg);
}

Status future_set_result(Interp& in, Future* f, Value result) {
    if (f->state != FutState::Pending) return invalid_state(in, "invalid state");
    f->result = result;
    f->state = FutState::Finished;
    schedule_callbacks(in, f);
    return ok();
}

Status future_set_exception(Interp& in, Future* f, Value exc) {
    if (f->state != FutState::Pending) return invalid_state(in, "invalid state");
    if (is_exception_class(in, exc)) exc = EDDY_TRY(call(in, exc, {}));
    if (!is_exception_instance(in, exc))
        return in.raise(in.exc.TypeError, "invalid exception object");
    if (type_of(in, exc) == in.exc.StopIteration) {
        return in.raise(in.exc.TypeError,
                        "StopIteration interacts badly with generators and cannot be raised into a Future");
    }
    f->result = exc;
    f->failed = true;
    f->state = FutState::Finished;
    f->log_traceback = true;
    state(in).unretrieved.push_back(f);
    schedule_callbacks(in, f);
    return ok();
}

bool future_cancel(Interp& in, Future* f, Value msg) {
    f->log_traceback = false;
    if (f->state != FutState::Pending) return false;
    f->state = FutState::Cancelled;
    set_cancel_msg(in, f, msg);
    schedule_callbacks(in, f);
    return true;
}

Status future_add_done_callback(Interp& in, Future* f, Value cb) {
    if (f->state != FutState::Pending) {
        schedule_one(in, f, cb);
        return ok();
    }
    if (f->callbacks.is_null()) {
        f->callbacks = cb;
    } else if (is_list(in, f->callbacks)) {
        f->callbacks.as<List>()->items.push_back(cb);
    } else {
        f->callbacks = Value::from_obj(make_list(in, {{f->callbacks, cb}}));
    }
    return ok();
}

// Removes every registration equal to `cb`; returns how many (future_remove_done_callback).
int64_t future_remove_done_callback(Interp& in, Future* f, Value cb) {
    auto same = [&](Value x) {
        if (x.is(cb)) return true;
        auto eq = equal(in, x, cb);
        if (eq.is_error()) {
            in.take_exception();
            return false;
        }
        return eq.value();
    };
    if (f->callbacks.is_null()) return 0;
    if (!is_list(in, f->callbacks)) {
        if (!same(f->callbacks)) return 0;
        f->callbacks = Value::null();
        return 1;
    }
    auto& items = f->callbacks.as<List>()->items;
    size_t before = items.size();
    std::vector<Value> keep;
    for (Value x : items)
        if (!same(x)) keep.push_back(x);
    items = std::move(keep);
    return int64_t(before - items.size());
}

FutureExtra& future_extra(Interp& in, Future* f) {
    if (!f->extra) f->extra = in.heap.alloc<FutureExtra>(state(in).future_extra_type);
    return *f->extra;
}

void set_cancel_msg(Interp& in, Future* f, Value msg) {
    if (msg.is_none() && !f->extra) return;   // already the default
    future_extra(in, f).cancel_msg = msg;
}

Value cancelled_error_for(Interp& in, Value msg) {
    Type* ce = state(in).cancelled_error;
    if (msg.is_none()) return Value::from_obj(make_exception(in, ce, make_tuple(in, 0)));
    return Value::from_obj(make_exception(in, ce, make_tuple(in, {msg})));
}

Value make_cancelled_error(Interp& in, Future* f) {
    if (f->extra && !f->extra->cancelled_exc.is_null()) {
        Value exc = f->extra->cancelled_exc;
        f->extra->cancelled_exc = Value::null();
        return exc;
    }
    return cancelled_error_for(in, cancel_msg_of(f));
}

Result<Value> future_result(Interp& in, Future* f) {
    if (f->state == FutState::Cancelled) return in.raise_value(make_cancelled_error(in, f));
    if (f->state != FutState::Finished) return invalid_state(in, "Result is not set.");
    f->log_traceback = false;
    if (f->failed) return in.raise_value(f->result);
    return f->result;
}

Result<Value> future_exception(Interp& in, Future* f) {
    if (f->state == FutState::Cancelled) return in.raise_value(make_cancelled_error(in, f));
    if (f->state != FutState::Finished) return invalid_state(in, "Exception is not set.");
    f->log_traceback = false;
    return f->failed ? f->result : Value::none();
}

static AwaitStepFn await_step_of(const LoopState& s, const Type* t) {
    for (const NativeAwaitKind& k : s.await_kinds)
        if (k.type == t) return k.step;
    return nullptr;
}

bool is_native_awaitable(Interp& in, Value v) {
    if (!v.is_obj() || !in.loop_state) return false;
    const LoopState& s = *in.loop_state;
    Type* t = v.as_obj()->type;
    return is_sleep(s, t) || t == s.event_wait_type || t == s.event_token_type || await_step_of(s, t) ||
           is_future(in, v);
}

void register_native_awaitable(Interp& in, Type* type, AwaitStepFn step) {
    state(in).await_kinds.push_back(NativeAwaitKind{type, step});
}

// Future.__await__ (FutureIter): yield the future while pending, then its result. A sleep
// yields itself until its task sends it back (sleep.cpp); an Event's wait() until set() wakes it.
Result<Value> await_send(Interp& in, Value sub, Value sent, bool& done, bool& handled) {
    handled = false;
    if (!sub.is_obj() || !in.loop_state) return Value::null();
    LoopState& s = state(in);
    if (sub.as_obj()->type == s.sleep_type) {
        handled = true;
        if (sent.is(sub)) {
            done = true;
            return sub.as<SleepAwaitable>()->result;
        }
        return sub;
    }
    if (sub.as_obj()->type == s.sleep_coro_type) {
        handled = true;
        return sleep_await_send(in, sub.as<SleepCoroutine>(), sent, done);
    }
    if (sub.as_obj()->type == s.sleep_wrapper_type) {
        // `yield from sleep(d).__await__()`: the sleep as CPython's coroutine runs it.
        handled = true;
        return sleep_send(in, sub.as<SleepWrapper>()->sleep, sent, done);
    }
    if (sub.as_obj()->type == s.event_wait_type) {
        handled = true;
        return event_wait_send(in, sub.as<EventWait>(), done);
    }
    if (AwaitStepFn step = await_step_of(s, sub.as_obj()->type)) {
        handled = true;
        return step(in, sub, sent, done);
    }
    if (!is_future(in, sub)) return Value::null();
    handled = true;
    auto* f = sub.as<Future>();
    if (f->state == FutState::Pending) {
        f->blocking = true;
        return sub;
    }
    done = true;
    return future_result(in, f);
}

} // namespace eddy::rt::loop
