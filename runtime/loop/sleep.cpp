// runtime/loop/sleep.cpp: asyncio.sleep's coroutine (SleepCoroutine). Awaited in a task it
// yields itself and the task sleeps on its own timer (task.cpp), with no future; driven any
// other way (send/throw/close by hand, or its __await__ iterator under `yield from`) it runs as
// CPython 3.11's `async def sleep(delay, result=None)` does, a future and a TimerHandle
// included. The await form's SleepAwaitable keeps no state: it only yields itself until sent
// back. The Python-facing methods live in stdlib/asyncio_loop.cpp.
#include "loop.hpp"

#include "runtime/float_object.hpp"
#include "runtime/generator_object.hpp"
#include "runtime/ops.hpp"
#include "runtime/tuple_object.hpp"
#include "vm/slow_paths.hpp"

namespace eddy::rt::loop {

Result<double> sleep_delay(Interp& in, Value delay) {
    if (delay.is_float()) return delay.as_float();
    if (delay.is_small_int()) return double(delay.as_small_int());
    Value le = EDDY_TRY(compare(in, delay, Value::from_small_int(0), vm::CmpOp::Le));
    if (EDDY_TRY(truthy(in, le))) return 0.0;
    return number_to_double(in, delay);
}

namespace {

Error reuse_error(Interp& in) {
    return in.raise(in.exc.RuntimeError, "cannot reuse already awaited coroutine");
}

// The body has ended: `finally: h.cancel()` when it had a timer.
void finish(Interp& in, SleepCoroutine* sl) {
    if (!sl->timer.is_null()) handle_cancel(in, sl->timer.as<Handle>());
    sl->timer = Value::null();
    sl->future = Value::null();
    sl->state = SleepState::Done;
}

// The body's first line, `if delay <= 0:`, for a delay that is not an int or float: its
// TypeError is raised by the first step, not by the call.
Status begin(Interp& in, SleepCoroutine* sl) {
    Value arg = sl->delay_arg;
    if (arg.is_null()) return ok();
    sl->delay_arg = Value::null();
    sl->delay = EDDY_TRY(sleep_delay(in, arg));
    return ok();
}

// The first step by hand: `await __sleep0()` yields None; with a delay, the running loop's
// future with a timer that completes it, yielded as `await future` yields it.
Result<Value> start_by_hand(Interp& in, SleepCoroutine* sl) {
    if (begin(in, sl).is_error()) {
        finish(in, sl);
        return Error{};
    }
    sl->state = SleepState::Suspended;
    if (sl->delay <= 0) return Value::none();
    EventLoop* loop = state(in).running_loop;
    if (!loop) {
        finish(in, sl);
        return in.raise(in.exc.RuntimeError, "no running event loop");
    }
    Future* fut = make_future(in, loop);
    sl->future = Value::from_obj(fut);
    Value args = Value::from_obj(make_tuple(in, {sl->future, sl->result}));
    sl->timer = Value::from_obj(call_at(in, loop, loop_time() + sl->delay, state(in).sleep_wakeup, args));
    fut->blocking = true;
    return sl->future;
}

// A later step by hand: __sleep0's yield returns; `await future` goes on as FutureIter's send.
Result<Value> resume_by_hand(Interp& in, SleepCoroutine* sl, bool& done) {
    if (sl->delay <= 0) {
        finish(in, sl);
        done = true;
        return sl->result;
    }
    auto* fut = sl->future.as<Future>();
    if (fut->state == FutState::Pending) {
        if (!fut->blocking) {
            fut->blocking = true;
            return sl->future;
        }
        finish(in, sl);
        return in.raise(in.exc.RuntimeError, "await wasn't used with future");
    }
    Result<Value> r = future_result(in, fut);
    finish(in, sl);
    if (r.is_error()) return Error{};
    done = true;
    return r.value();
}

// What a sleep yielded to a task does: yields itself until the task sends it back.
Value own_step(Value self, Value result, Value sent, bool& done) {
    if (!sent.is(self)) return self;
    done = true;
    return result;
}

SleepCoroutine* as_coroutine(Interp& in, SleepAwaitable* sl) {
    return sl->type == state(in).sleep_coro_type ? static_cast<SleepCoroutine*>(sl) : nullptr;
}

} // namespace

Result<Value> sleep_send(Interp& in, SleepAwaitable* sl, Value sent, bool& done) {
    done = false;
    SleepCoroutine* c = as_coroutine(in, sl);
    if (!c) return own_step(Value::from_obj(sl), sl->result, sent, done);
    switch (c->state) {
    case SleepState::Created:
        if (!sent.is_none())
            return in.raise(in.exc.TypeError, "can't send non-None value to a just-started coroutine");
        return start_by_hand(in, c);
    case SleepState::Suspended:
        return resume_by_hand(in, c, done);
    case SleepState::Done:
        return reuse_error(in);
    case SleepState::Awaiting:
        break;
    }
    Value v = own_step(Value::from_obj(c), c->result, sent, done);
    if (done) c->state = SleepState::Done;
    return v;
}

Result<Value> sleep_await_send(Interp& in, SleepCoroutine* sl, Value sent, bool& done) {
    if (sl->state != SleepState::Created) return sleep_send(in, sl, sent, done);
    // Awaited in a task (or by whatever steps the awaiting coroutine): the task's own timer.
    done = false;
    if (begin(in, sl).is_error()) {
        finish(in, sl);
        return Error{};
    }
    sl->state = SleepState::Awaiting;
    return Value::from_obj(sl);
}

Error sleep_throw(Interp& in, SleepAwaitable* sl, Value exc) {
    if (SleepCoroutine* c = as_coroutine(in, sl)) {
        if (c->state == SleepState::Done) return reuse_error(in);
        finish(in, c);
    }
    return in.raise_value(exc);
}

void sleep_close(Interp& in, SleepAwaitable* sl) {
    if (SleepCoroutine* c = as_coroutine(in, sl)) finish(in, c);
}

Status sleep_check_awaitable(Interp& in, SleepCoroutine* sl) {
    if (sl->state == SleepState::Awaiting || sl->state == SleepState::Suspended)
        return in.raise(in.exc.RuntimeError, "coroutine is being awaited already");
    return ok();
}

// The generator whose await holds `v`, innermost along gen's `await`/`yield from` chain (through
// the coroutine_wrapper of a `yield from coro.__await__()`), or null.
static Generator* awaiter_of(Interp& in, Generator* gen, Value v) {
    Generator* g = gen;
    // Bounded by the recursion limit: a chain is never deeper than the frames it can run.
    for (int level = 0; level <= in.vm->recursion_limit; ++level) {
        Value yf = vm::gen_yield_from(g);
        if (yf.is(v)) return g;
        if (yf.is_obj() && yf.as_obj()->type == in.types.coroutine_wrapper) {
            g = yf.as<CoroutineWrapper>()->coro;
            continue;
        }
        if (yf.is_null() || !is_generator(in, yf) || yf.as_obj()->type == in.types.async_generator)
            return nullptr;
        g = yf.as<Generator>();
    }
    return nullptr;
}

Result<Value> sleep_yielded_by_hand(Interp& in, Generator* gen, Value v, bool& returned) {
    LoopState& s = state(in);
    while (!returned && v.is_obj() && is_sleep(s, v.as_obj()->type)) {
        Generator* g = awaiter_of(in, gen, v);
        if (!g) return v;
        Value original = v;
        SleepCoroutine* c;
        if (v.as_obj()->type == s.sleep_coro_type) {
            c = v.as<SleepCoroutine>();
            if (c->state != SleepState::Awaiting) return v;
            c->state = SleepState::Created;   // its delay was checked when the await started
        } else {
            // The await form's stateless sleep: a coroutine of its own takes its place.
            c = in.heap.alloc<SleepCoroutine>(s.sleep_coro_type);
            c->delay = v.as<SleepAwaitable>()->delay;
            c->result = v.as<SleepAwaitable>()->result;
            g->frame->sp[-1] = Value::from_obj(c);
        }
        bool done = false;
        Result<Value> r = sleep_send(in, c, Value::none(), done);
        if (!r.is_error()) return r.value();
        // It raised as it started (no running loop): at the await, where CPython's body raises.
        Value exc = in.take_exception();
        g->frame->sp[-1] = original;
        if (original.is(Value::from_obj(c))) c->state = SleepState::Awaiting;   // its throw raises exc
        v = EDDY_TRY(gen_throw(in, gen, exc, returned));
    }
    return v;
}

} // namespace eddy::rt::loop
