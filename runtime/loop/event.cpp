// runtime/loop/event.cpp: the waiting side of asyncio.Event, after CPython 3.11's locks.Event
// (set() wakes every pending waiter in FIFO order; wait() appends a waiter, awaits it, and removes
// it again in a `finally`). Where CPython makes a future per waiter, a task here parks on the
// EventWait its coroutine yielded: set() wakes it as the future's done callback would, and
// Task.cancel marks it cancelled as cancelling that future would. `await ev.wait()` written as
// such parks its task on the event's shared EventToken instead, keeping that state in the task,
// and nothing is allocated per waiter. The Python-facing Event type (methods, repr) is stdlib's;
// this file owns the states of EventWait and Task::park.
#include "loop.hpp"

#include "runtime/exception_object.hpp"
#include "runtime/generator_object.hpp"
#include "runtime/interp.hpp"
#include "runtime/ops.hpp"
#include "vm/slow_paths.hpp"

namespace eddy::rt::loop {

void event_trace(Obj* o, Tracer& tracer) {
    auto* ev = static_cast<AsyncEvent*>(o);
    for (Task* t : ev->waiters) tracer.mark(t);
    tracer.mark(ev->loop);
    if (ev->token) tracer.mark(ev->token);
}

void event_finalize(Obj* o) { static_cast<AsyncEvent*>(o)->~AsyncEvent(); }

void event_wait_trace(Obj* o, Tracer& tracer) {
    auto* w = static_cast<EventWait*>(o);
    tracer.mark(w->event);
}

void event_token_trace(Obj* o, Tracer& tracer) { tracer.mark(static_cast<EventToken*>(o)->event); }

EventWait* event_wait(Interp& in, AsyncEvent* ev) {
    auto* w = in.heap.alloc<EventWait>(state(in).event_wait_type);
    w->event = ev;
    return w;
}

// The EventWait of `ev` that `t` is parked on and that set() has not reached yet, or null.
static EventWait* pending_wait(Interp& in, Task* t, AsyncEvent* ev) {
    Value w = t->fut_waiter;
    if (!w.is_obj() || w.as_obj()->type != state(in).event_wait_type) return nullptr;
    auto* ew = w.as<EventWait>();
    return ew->event == ev && ew->state() == WaitState::Waiting ? ew : nullptr;
}

// Queues `t`, woken by `by`, for its next step, as task.__wakeup would be scheduled.
static void schedule(Interp& in, Task* t, Obj* by) {
    LoopState& s = state(in);
    if (s.hooks.task_woken) s.hooks.task_woken(in, t, by);
    t->loop.as<EventLoop>()->ready.push(t);
}

// Wakes `t`, parked on `w`, with a send of None, which ends the await with True (the future's
// set_result(True) scheduling task.__wakeup).
static void wake(Interp& in, Task* t, EventWait* w) {
    w->set_state(WaitState::Woken);
    t->step_value() = Value::none();
    t->resume = Resume::Send;
    schedule(in, t, w);
}

// Event.set: `for fut in self._waiters: if not fut.done(): fut.set_result(True)`.
void event_set(Interp& in, AsyncEvent* ev) {
    if (ev->value) return;
    ev->value = true;
    for (Task* t : ev->waiters) {
        if (ev->token && t->park == EventPark::Waiting && t->fut_waiter.is(Value::from_obj(ev->token))) {
            t->park = EventPark::Woken;
            t->step_value() = Value::none();
            t->resume = Resume::Send;
            schedule(in, t, ev->token);
        } else if (EventWait* w = pending_wait(in, t, ev)) {
            wake(in, t, w);
        }
    }
}

// The `finally: self._waiters.remove(fut)`, when `w` resumes: its task is the one running
// (woken waiters resume in order, so it is nearly always at the front). Closed from outside
// its task's step, the task is the one still parked on it.
static void leave_waiters(Interp& in, EventWait* w) {
    auto& ws = w->event->waiters;
    Task* current = state(in).current_task;
    for (auto it = ws.begin(); it != ws.end(); ++it) {
        if (*it == current || (*it)->fut_waiter.is(Value::from_obj(w))) {
            ws.erase(it);
            return;
        }
    }
}

void event_wait_abandon(Interp& in, EventWait* w) {
    WaitState st = w->state();
    if (st == WaitState::Waiting || st == WaitState::Woken || st == WaitState::Cancelled) leave_waiters(in, w);
    w->set_state(WaitState::Done);
}

// _LoopBoundMixin._get_loop: the event binds to the first running loop it needs.
static Status bind_loop(Interp& in, AsyncEvent* ev) {
    EventLoop* loop = state(in).running_loop;
    if (!loop) return in.raise(in.exc.RuntimeError, "no running event loop");
    if (ev->loop.is_null()) {
        ev->loop = Value::from_obj(loop);
    } else if (ev->loop.as_obj() != loop) {
        std::string r = EDDY_TRY(repr_string(in, Value::from_obj(ev)));
        return in.raise(in.exc.RuntimeError, r + " is bound to a different event loop");
    }
    return ok();
}

// One resumption of `await ev.wait()`: True at once when the event is set, else yield `w`
// (which the task parks on) until set() wakes it.
Result<Value> event_wait_send(Interp& in, EventWait* w, bool& done) {
    switch (w->state()) {
    case WaitState::Created:
        if (w->event->value) break;
        w->set_state(WaitState::Done);   // until it is queued; a failed bind ends it
        EDDY_CHECK(bind_loop(in, w->event));
        w->set_state(WaitState::Waiting);
        return Value::from_obj(w);
    case WaitState::Waiting:
        if (w->event->value) break;   // driven by hand (a task would have been woken instead)
        return Value::from_obj(w);
    case WaitState::Cancelled:
        return Value::from_obj(w);
    case WaitState::Woken:
        leave_waiters(in, w);
        break;
    case WaitState::Done:
        return in.raise(in.exc.RuntimeError, "cannot reuse already awaited coroutine");
    }
    w->set_state(WaitState::Done);
    done = true;
    return Value::boolean(true);
}

void event_wait_park(Interp& in, Task* t, EventWait* w) {
    t->fut_waiter = Value::from_obj(w);
    if (w->state() != WaitState::Waiting) {
        // Already set (it was driven by hand past a set()): go on at the next iteration.
        t->step_value() = Value::none();
        t->resume = Resume::Send;
        t->loop.as<EventLoop>()->ready.push(t);
        return;
    }
    w->event->waiters.push_back(t);
    if (t->must_cancel && event_wait_cancel(in, t, w, cancel_msg_of(t))) t->must_cancel = false;
}

// fut.cancel(msg) on the waiter's future: only a waiter not yet woken can be cancelled; its task
// then resumes with CancelledError(msg) thrown in at the await (task.__wakeup -> fut.result()).
// Done here means closed by hand while `t` was parked: `t` still awaits its (pending) future.
bool event_wait_cancel(Interp& in, Task* t, EventWait* w, Value msg) {
    WaitState st = w->state();
    if (st == WaitState::Woken || st == WaitState::Cancelled) return false;   // the future is done
    if (st == WaitState::Waiting) w->set_state(WaitState::Cancelled);
    t->step_value() = cancelled_error_for(in, msg);
    t->resume = Resume::Throw;
    schedule(in, t, w);
    return true;
}

// ---- waiting on the event's token (Task::park) ----

bool is_event_token(Interp& in, Value v) {
    return v.is_obj() && in.loop_state && v.as_obj()->type == in.loop_state->event_token_type;
}

// CPython's wait(): `if self._value: return True`, else make a future and await it. The future's
// state goes into the task when its coroutine's yield reaches the task directly (nothing between
// them could see the token); otherwise the wait gets an object of its own, as ev.wait() does.
Result<Value> event_wait_await(Interp& in, AsyncEvent* ev, bool& done) {
    if (ev->value) {
        done = true;
        return Value::boolean(true);
    }
    Task* t = state(in).current_task;
    if (!t || t->park != EventPark::None || !is_generator(in, t->coro) ||
        !vm::yields_reach(in, t->coro.as<Generator>()))
        return Value::from_obj(event_wait(in, ev));
    EDDY_CHECK(bind_loop(in, ev));
    if (!ev->token) {
        ev->token = in.heap.alloc<EventToken>(state(in).event_token_type);
        ev->token->event = ev;
    }
    t->park = EventPark::Starting;
    return Value::from_obj(ev->token);
}

// `t` is being resumed into its wait on the token in `holder`'s frame (its own step, not a
// hand-driven send, throw or close).
static bool resuming_own_wait(Interp& in, Task* t, Generator* holder) {
    return t && t->park != EventPark::None && is_generator(in, t->coro) &&
           vm::awaits_through(in, t->coro.as<Generator>(), holder);
}

// The task whose await in `holder` holds `tok`: the running one resuming into it, or else the
// waiter whose coroutine awaits through `holder` (a hand-driven coroutine; rare, so a search).
static Task* token_owner(Interp& in, EventToken* tok, Generator* holder) {
    Task* cur = state(in).current_task;
    if (resuming_own_wait(in, cur, holder)) return cur;
    for (Task* t : tok->event->waiters)
        if (t->fut_waiter.is(Value::from_obj(tok)) && resuming_own_wait(in, t, holder)) return t;
    return nullptr;
}

EventWait* event_token_unshare(Interp& in, EventToken* tok, Generator* holder) {
    EventWait* w = event_wait(in, tok->event);
    Task* t = token_owner(in, tok, holder);
    if (!t) {
        // No task waits through it any more: a wait driven by hand, which sees set() when sent to.
        w->set_state(WaitState::Waiting);
        return w;
    }
    switch (t->park) {
    case EventPark::Starting: w->set_state(WaitState::Created); break;
    case EventPark::Woken: w->set_state(WaitState::Woken); break;
    case EventPark::Cancelled: w->set_state(WaitState::Cancelled); break;
    default: w->set_state(WaitState::Waiting); break;
    }
    t->park = EventPark::None;
    if (t->fut_waiter.is(Value::from_obj(tok))) t->fut_waiter = Value::from_obj(w);
    return w;
}

Result<Value> event_token_send(Interp& in, Value* slot, Generator* holder, bool& done) {
    auto* tok = slot->as<EventToken>();
    Task* t = state(in).current_task;
    if (t && t->park == EventPark::Starting) {
        // Right after the await form made it the await (nothing ran in between): park on it.
        t->park = EventPark::Waiting;
        return *slot;
    }
    if (t && t->park == EventPark::Woken && resuming_own_wait(in, t, holder)) {
        // wait()'s `finally: self._waiters.remove(fut)`, then `return True`.
        auto& ws = tok->event->waiters;
        for (auto it = ws.begin(); it != ws.end(); ++it) {
            if (*it == t) {
                ws.erase(it);
                break;
            }
        }
        t->park = EventPark::None;
        done = true;
        return Value::boolean(true);
    }
    EventWait* w = event_token_unshare(in, tok, holder);
    *slot = Value::from_obj(w);
    return event_wait_send(in, w, done);
}

void event_token_park(Interp& in, Task* t, EventToken* tok) {
    t->fut_waiter = Value::from_obj(tok);
    tok->event->waiters.push_back(t);
    if (t->must_cancel && event_token_cancel(in, t, cancel_msg_of(t))) t->must_cancel = false;
}

// As event_wait_cancel: only a waiter not yet woken can be cancelled.
bool event_token_cancel(Interp& in, Task* t, Value msg) {
    if (t->park != EventPark::Waiting) return false;
    t->park = EventPark::Cancelled;
    t->step_value() = cancelled_error_for(in, msg);
    t->resume = Resume::Throw;
    schedule(in, t, t->fut_waiter.as_obj());
    return true;
}

} // namespace eddy::rt::loop
