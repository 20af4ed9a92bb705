// runtime/loop/task.cpp: asyncio.Task: creation, one step of its coroutine (CPython 3.11's
// Task.__step and __wakeup, Modules/_asynciomodule.c: task_step_impl, task_wakeup), and
// cancellation. A step resumes the coroutine's heap frame through the VM and returns when it
// yields: no C++ stack is held while the task waits. What the coroutine yields says what to wait
// for: a future (wake up from its done callbacks), a sleep (a timer, or the back of the queue for
// sleep(0)), or None (a bare yield: the back of the queue).
#include <string>

#include "loop.hpp"

#include "runtime/exception_object.hpp"
#include "runtime/generator_object.hpp"
#include "runtime/interp.hpp"
#include "runtime/ops.hpp"
#include "runtime/str_object.hpp"

namespace eddy::rt::loop {

void task_sleep_until(Interp& in, Task* t, double when);   // event_loop.cpp
void task_timer_cancelled(Task* t);

Result<Task*> make_task(Interp& in, EventLoop* loop, Value coro, Value name, Type* type) {
    LoopState& s = state(in);
    if (!type) type = s.task_type;
    auto* t = in.heap.alloc<Task>(type, size_t(type->instance_size));
    t->loop = Value::from_obj(loop);
    t->is_task = true;
    t->coro = coro;
    uint64_t number = ++s.task_counter;
    if (number <= UINT32_MAX) t->number = uint32_t(number);
    else future_extra(in, t).big_number = number;
    if (!name.is_null() && !name.is_none())
        future_extra(in, t).name = name.is_obj() && is_str(in, name) ? name : EDDY_TRY(str(in, name));
    t->listed = true;
    loop->tasks++;
    t->resume = Resume::Send;
    loop->ready.push(t);
    if (s.hooks.task_created) s.hooks.task_created(in, t);
    return t;
}

Value task_name(Interp& in, Task* t) {
    FutureExtra& x = future_extra(in, t);
    if (x.name.is_null()) x.name = str_value(in, "Task-" + std::to_string(t->number ? t->number : x.big_number));
    return x.name;
}

// fut_waiter.cancel(msg) for `task`: natively for Future, Task and an Event's wait(), through
// the method for subclasses (a gather's future overrides cancel). An exception from an
// override goes to the handler.
static bool cancel_waiter(Interp& in, Task* task, Value w, Value msg) {
    LoopState& s = state(in);
    Type* t = w.as_obj()->type;
    if (t == s.task_type) return task_cancel(in, w.as<Task>(), msg);
    if (t == s.event_wait_type) return event_wait_cancel(in, task, w.as<EventWait>(), msg);
    if (t == s.event_token_type) return event_token_cancel(in, task, msg);
    if (t == s.future_type) return future_cancel(in, w.as<Future>(), msg);
    Result<Value> r = call_method(in, w, in.intern("cancel"), {msg});
    if (r.is_error()) {
        report_exception(in, "Exception in Task.cancel", in.take_exception());
        return false;
    }
    auto b = truthy(in, r.value());
    if (b.is_error()) {
        in.take_exception();
        return false;
    }
    return b.value();
}

// Task.cancel: cancel what the task awaits if it can, else deliver at the next step.
bool task_cancel(Interp& in, Task* t, Value msg) {
    t->log_traceback = false;
    if (t->state != FutState::Pending) return false;
    future_extra(in, t).num_cancels++;
    if (t->sleeping()) {
        // The sleep's future would be cancelled and wake the task with CancelledError(msg).
        task_timer_cancelled(t);
        set_cancel_msg(in, t, msg);
        t->step_value() = cancelled_error_for(in, msg);
        t->resume = Resume::Throw;
        t->loop.as<EventLoop>()->ready.push(t);
        return true;
    }
    if (!t->fut_waiter.is_none()) {
        if (cancel_waiter(in, t, t->fut_waiter, msg)) return true;
    }
    t->must_cancel = true;
    set_cancel_msg(in, t, msg);
    return true;
}

static void finish_task(Task* t) {
    if (!t->listed) return;
    t->listed = false;
    t->loop.as<EventLoop>()->tasks--;
}

// A task's coroutine must be resumed in the task's stead: coroutines and generators through the
// VM, sleeps directly, other objects through their send/throw methods.
static Result<Value> coro_resume(Interp& in, Value coro, Value value, bool throwing, bool& returned) {
    returned = false;
    if (is_generator(in, coro)) {
        auto* g = coro.as<Generator>();
        return throwing ? gen_throw(in, g, value, returned) : gen_send(in, g, value, returned);
    }
    if (throwing) return call_method(in, coro, in.names.throw_, {value});
    bool handled = false;
    Value v = EDDY_TRY(await_send(in, coro, value, returned, handled));
    if (handled) return v;
    return call_method(in, coro, in.names.send, {value});
}

static Error bad_yield(Interp& in, Task* t, std::string msg) {
    (void)t;
    return in.raise(in.exc.RuntimeError, msg);
}

// The coroutine yielded `r`: decide what the task waits for (the `else:` branch of __step).
static void task_wait_for(Interp& in, Task* t, Value r) {
    EventLoop* loop = t->loop.as<EventLoop>();
    LoopState& s = state(in);
    if (r.is_obj() && is_sleep(s, r.as_obj()->type)) {
        auto* sl = r.as<SleepAwaitable>();
        t->step_value() = r;
        t->resume = Resume::Send;
        if (sl->delay <= 0) {
            loop->ready.push(t);   // a pending cancel is thrown in at the next step
        } else if (t->must_cancel) {
            // Cancelled while running: CPython cancels the sleep's future at once, and the
            // task wakes in the next iteration with CancelledError(msg).
            t->must_cancel = false;
            t->step_value() = cancelled_error_for(in, cancel_msg_of(t));
            t->resume = Resume::Throw;
            loop->ready.push(t);
        } else {
            task_sleep_until(in, t, loop_time() + sl->delay);
        }
        return;
    }
    if (r.is_obj() && r.as_obj()->type == s.event_wait_type) {
        event_wait_park(in, t, r.as<EventWait>());
        return;
    }
    if (r.is_obj() && r.as_obj()->type == s.event_token_type && t->park == EventPark::Waiting) {
        event_token_park(in, t, r.as<EventToken>());
        return;
    }
    if (is_future(in, r)) {
        auto* f = r.as<Future>();
        std::string err;
        if (f->loop.as_obj() != loop) {
            err = "Task got Future attached to a different loop";
        } else if (!f->blocking) {
            err = "yield was used instead of yield from in task";
        } else if (f == t) {
            err = "Task cannot await on itself";
        } else {
            f->blocking = false;
            (void)future_add_done_callback(in, f, Value::from_obj(t));
            t->fut_waiter = r;
            if (t->must_cancel) {
                if (cancel_waiter(in, t, r, cancel_msg_of(t))) t->must_cancel = false;
            }
            return;
        }
        (void)bad_yield(in, t, err);
        t->step_value() = in.take_exception();
        t->resume = Resume::Throw;
        loop->ready.push(t);
        return;
    }
    if (r.is_none()) {
        t->step_value() = Value::none();
        t->resume = Resume::Send;
        loop->ready.push(t);
        return;
    }
    auto rep = repr_string(in, r);
    std::string text = rep.is_error() ? (in.take_exception(), std::string("?")) : rep.value();
    (void)bad_yield(in, t, "Task got bad yield: " + text);
    t->step_value() = in.take_exception();
    t->resume = Resume::Throw;
    loop->ready.push(t);
}

// The coroutine raised: finish the task with it (the `except` branches of __step).
static Status task_failed(Interp& in, Task* t) {
    LoopState& s = state(in);
    if (in.exception_matches(s.cancelled_error)) {
        future_extra(in, t).cancelled_exc = in.take_exception();
        future_cancel(in, t, Value::none());
        return ok();
    }
    bool fatal = in.exception_matches(in.exc.KeyboardInterrupt) || in.exception_matches(in.exc.SystemExit);
    Value exc = in.take_exception();
    (void)future_set_exception(in, t, exc);
    if (fatal) {
        in.set_exception(exc);
        return Error{};
    }
    return ok();
}

// Task.__step(exc): one resumption of the coroutine.
static Status task_step(Interp& in, Task* t, Value exc, Value send) {
    LoopState& s = state(in);
    if (t->state != FutState::Pending) return ok();
    if (t->must_cancel) {
        if (exc.is_null() || !is_subtype(type_of(in, exc), s.cancelled_error))
            exc = make_cancelled_error(in, t);
        t->must_cancel = false;
    }
    t->fut_waiter = Value::none();
    Task* outer = s.current_task;
    s.current_task = t;
    if (s.hooks.step_begin) s.hooks.step_begin(in, t);
    bool returned = false;
    Result<Value> r = exc.is_null() ? coro_resume(in, t->coro, send, false, returned)
                                    : coro_resume(in, t->coro, exc, true, returned);
    Status st = ok();
    if (r.is_error()) {
        st = task_failed(in, t);
    } else if (returned) {
        if (t->must_cancel) {
            t->must_cancel = false;
            future_cancel(in, t, cancel_msg_of(t));
        } else {
            (void)future_set_result(in, t, r.value());
        }
    } else {
        task_wait_for(in, t, r.value());
    }
    if (t->state != FutState::Pending) finish_task(t);
    if (s.hooks.step_end)
        s.hooks.step_end(in, t, t->state != FutState::Pending ? Value::null() : t->fut_waiter);
    s.current_task = outer;
    return st;
}

// Runs the task's queued step (the ready queue holds the task itself). A task that is done
// already does nothing (and its result, where step values are kept, stays as it is).
Status task_run_step(Interp& in, Task* t) {
    if (t->state != FutState::Pending) return ok();
    switch (t->resume) {
    case Resume::TimerFired:
        // sleep's future got its result in this iteration; the task runs in the next.
        t->resume = Resume::Send;
        t->loop.as<EventLoop>()->ready.push(t);
        return ok();
    case Resume::Wakeup: {
        Value w = t->fut_waiter;
        t->resume = Resume::Send;
        if (w.is_none() || !is_future(in, w)) return task_step(in, t, Value::null(), Value::none());
        auto* f = w.as<Future>();
        if (f->state == FutState::Cancelled) return task_step(in, t, make_cancelled_error(in, f), Value::none());
        if (f->failed) {
            f->log_traceback = false;
            return task_step(in, t, f->result, Value::none());
        }
        return task_step(in, t, Value::null(), Value::none());
    }
    case Resume::Throw: {
        Value e = t->step_value();
        t->step_value() = Value::none();
        t->resume = Resume::Send;
        return task_step(in, t, e, Value::none());
    }
    case Resume::Send:
        break;
    }
    Value v = t->step_value();
    t->step_value() = Value::none();
    return task_step(in, t, Value::null(), v);
}

} // namespace eddy::rt::loop
