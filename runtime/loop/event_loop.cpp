// runtime/loop/event_loop.cpp: the scheduler: the ready queue (a ring of tasks and handles), the
// timer heap (heapq's order on deadlines), the monotonic clock, and one iteration of
// the loop with the semantics of CPython 3.11's BaseEventLoop._run_once, so that callbacks and
// task steps interleave exactly as they do under CPython. There is no I/O: waiting for the next
// timer is a sleep, interrupted by Ctrl-C.
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <ctime>

#include "loop.hpp"

#include "runtime/interp.hpp"
#include "runtime/native.hpp"
#include "runtime/ops.hpp"
#include "runtime/tuple_object.hpp"
#include "vm/slow_paths.hpp"
#include "vm/vm_state.hpp"

namespace eddy::rt::loop {

void ReadyQueue::push(Obj* o) {
    if (m_size == m_buf.size()) {
        std::vector<Obj*> bigger(m_buf.empty() ? 64 : m_buf.size() * 2);
        for (size_t i = 0; i < m_size; i++) bigger[i] = m_buf[(m_head + i) & (m_buf.size() - 1)];
        m_buf = std::move(bigger);
        m_head = 0;
    }
    m_buf[(m_head + m_size) & (m_buf.size() - 1)] = o;
    ++m_size;
}

Obj* ReadyQueue::pop() {
    Obj* o = m_buf[m_head];
    m_head = (m_head + 1) & (m_buf.size() - 1);
    --m_size;
    return o;
}

double loop_time() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

// ---- the timer heap: heapq's algorithm step for step, comparing deadlines only ----
// CPython keeps TimerHandles in a heapq list and TimerHandle.__lt__ compares `when` alone, so
// equal deadlines come out in the order heapq's sifting leaves them, not always FIFO. The same
// sifts here give the same order; the sequence number only identifies a task's current timer.

static void sift_down(std::vector<TimerEntry>& heap, size_t start, size_t pos) {
    TimerEntry item = heap[pos];
    while (pos > start) {
        size_t parent = (pos - 1) >> 1;
        if (!(item.when < heap[parent].when)) break;
        heap[pos] = heap[parent];
        pos = parent;
    }
    heap[pos] = item;
}

static void sift_up(std::vector<TimerEntry>& heap, size_t pos) {
    size_t end = heap.size(), start = pos;
    TimerEntry item = heap[pos];
    size_t child = 2 * pos + 1;
    while (child < end) {
        size_t right = child + 1;
        if (right < end && !(heap[child].when < heap[right].when)) child = right;
        heap[pos] = heap[child];
        pos = child;
        child = 2 * pos + 1;
    }
    heap[pos] = item;
    sift_down(heap, start, pos);
}

static void timer_push(EventLoop* loop, TimerEntry e) {
    loop->timers.push_back(e);
    sift_down(loop->timers, 0, loop->timers.size() - 1);
}

static TimerEntry timer_pop(EventLoop* loop) {
    auto& heap = loop->timers;
    TimerEntry last = heap.back();
    heap.pop_back();
    if (heap.empty()) return last;
    TimerEntry top = heap[0];
    heap[0] = last;
    sift_up(heap, 0);
    return top;
}

static void timer_heapify(std::vector<TimerEntry>& heap) {
    for (size_t i = heap.size() / 2; i-- > 0;) sift_up(heap, i);
}

// A heap entry whose handle was cancelled, or whose task stopped sleeping (cancelled).
static bool timer_stale(Interp& in, const TimerEntry& e) {
    if (e.target->type == state(in).task_type || is_task(in, Value::from_obj(e.target)))
        return !static_cast<Task*>(e.target)->fut_waiter.is(timer_tag(e.seq));
    return static_cast<Handle*>(e.target)->cancelled;
}

EventLoop* make_loop(Interp& in) {
    auto* loop = in.heap.alloc<EventLoop>(state(in).loop_type);
    state(in).loops.push_back(loop);
    return loop;
}

Handle* call_soon(Interp& in, EventLoop* loop, Value callback, Value args) {
    auto* h = in.heap.alloc<Handle>(state(in).handle_type);
    h->callback = callback;
    h->args = args;
    h->loop = Value::from_obj(loop);
    loop->ready.push(h);
    return h;
}

static bool is_handle(Interp& in, const Obj* o) {
    const LoopState& s = state(in);
    return o->type == s.handle_type || o->type == s.timer_handle_type;
}

void call_soon_done_callback(Interp& in, EventLoop* loop, Value callback, Future* fut) {
    if (callback.is_obj() && !is_handle(in, callback.as_obj())) {
        loop->ready.push(callback.as_obj());
        loop->ready.push(fut);
        return;
    }
    // Not an object, or a Handle (which run_once would take for a queued one): a real handle.
    Handle* h = call_soon(in, loop, callback, Value::from_obj(fut));
    h->one_arg = true;
}

Handle* call_at(Interp& in, EventLoop* loop, double when, Value callback, Value args) {
    auto* h = in.heap.alloc<Handle>(state(in).timer_handle_type);
    h->callback = callback;
    h->args = args;
    h->loop = Value::from_obj(loop);
    h->when = when;
    h->is_timer = true;
    h->scheduled = true;
    timer_push(loop, {when, loop->next_seq++, h});
    return h;
}

void handle_cancel(Interp&, Handle* h) {
    if (h->cancelled) return;
    h->cancelled = true;
    if (h->is_timer && h->scheduled) h->loop.as<EventLoop>()->cancelled_timers++;
    h->callback = Value::none();
    h->args = Value::null();
    h->one_arg = false;
}

// A task's sleep(d): its timer entry, no handle (the task is the target).
void task_sleep_until(Interp& in, Task* t, double when) {
    EventLoop* loop = t->loop.as<EventLoop>();
    uint64_t seq = loop->next_seq++;
    t->fut_waiter = timer_tag(seq);
    timer_push(loop, {when, seq, t});
    (void)in;
}

void task_timer_cancelled(Task* t) {
    if (!t->sleeping()) return;
    t->fut_waiter = Value::none();
    t->loop.as<EventLoop>()->cancelled_timers++;
}

// A Ctrl-C waiting to be raised. A host's limits hook (VmState::safe_point_hook) keeps
// interrupt_requested armed for good, so then only the hook can tell, at a safe point.
static bool interrupt_pending(Interp& in) {
    return in.vm->interrupt_requested && !in.vm->safe_point_hook;
}

// Sleeps until `deadline` (loop time) or an interrupt request (a signal ends the sleep early).
// The wait rounds up to whole milliseconds, as CPython's epoll selector does: timers set within
// a millisecond of each other then fire in one iteration, however slow the code between them
// ran, and the order of what a program prints depends on that.
static void wait_until(Interp& in, double deadline) {
    double now = loop_time();
    if (deadline <= now) return;
    double wake = now + std::ceil((deadline - now) * 1e3) * 1e-3;
    while (!interrupt_pending(in)) {
        double left = wake - loop_time();
        if (left <= 0) return;
        timespec req{};
        req.tv_sec = time_t(left);
        req.tv_nsec = long((left - double(req.tv_sec)) * 1e9);
        if (nanosleep(&req, nullptr) == 0) return;
        if (errno != EINTR || in.vm->safe_point_hook) return;
    }
}

Status task_run_step(Interp& in, Task* t);   // task.cpp

// Handle._run: the callback's exception goes to the exception handler, not to the loop's caller
// (KeyboardInterrupt and SystemExit excepted, as in events.Handle._run).
static Status run_handle(Interp& in, Handle* h) {
    Value args = h->args;
    Result<Value> r = h->one_arg       ? call(in, h->callback, CallArgs{&args, 1, nullptr})
                      : args.is_null() ? call(in, h->callback, {})
                                       : call(in, h->callback, CallArgs{args.as<Tuple>()->items(), args.as<Tuple>()->size});
    if (!r.is_error()) return ok();
    if (in.exception_matches(in.exc.KeyboardInterrupt) || in.exception_matches(in.exc.SystemExit))
        return Error{};
    Value exc = in.take_exception();
    report_callback_exception(in, h, exc);
    return ok();
}

// A done callback queued without a handle: as Handle._run, with a handle made for the report
// should it raise.
static Status run_done_callback(Interp& in, EventLoop* loop, Obj* callback, Obj* fut) {
    Value arg = Value::from_obj(fut);
    Result<Value> r = call(in, Value::from_obj(callback), CallArgs{&arg, 1, nullptr});
    if (!r.is_error()) return ok();
    if (in.exception_matches(in.exc.KeyboardInterrupt) || in.exception_matches(in.exc.SystemExit))
        return Error{};
    Value exc = in.take_exception();
    auto* h = in.heap.alloc<Handle>(state(in).handle_type);
    h->callback = Value::from_obj(callback);
    h->args = arg;
    h->one_arg = true;
    h->loop = Value::from_obj(loop);
    report_callback_exception(in, h, exc);
    return ok();
}

static void drop_cancelled_head(Interp& in, EventLoop* loop) {
    // _run_once step 1: compact when over half the heap is cancelled, else pop cancelled heads.
    if (loop->timers.size() > 100 && loop->cancelled_timers * 2 > loop->timers.size()) {
        std::erase_if(loop->timers, [&](const TimerEntry& e) {
            bool stale = timer_stale(in, e);
            if (stale && !is_task(in, Value::from_obj(e.target))) static_cast<Handle*>(e.target)->scheduled = false;
            return stale;
        });
        timer_heapify(loop->timers);
        loop->cancelled_timers = 0;
        return;
    }
    while (!loop->timers.empty() && timer_stale(in, loop->timers.front())) {
        TimerEntry e = timer_pop(loop);
        if (!is_task(in, Value::from_obj(e.target))) static_cast<Handle*>(e.target)->scheduled = false;
        if (loop->cancelled_timers) loop->cancelled_timers--;
    }
}

// Step 4: every timer whose deadline has come moves to the ready queue, in heap order.
static void collect_due_timers(Interp& in, EventLoop* loop) {
    double end_time = loop_time() + 1e-9;   // time.get_clock_info('monotonic').resolution
    LoopState& s = state(in);
    while (!loop->timers.empty() && loop->timers.front().when < end_time) {
        TimerEntry e = timer_pop(loop);
        if (is_task(in, Value::from_obj(e.target))) {
            auto* t = static_cast<Task*>(e.target);
            if (!t->fut_waiter.is(timer_tag(e.seq))) continue;
            t->fut_waiter = Value::none();
            t->resume = Resume::TimerFired;
        } else {
            static_cast<Handle*>(e.target)->scheduled = false;
        }
        if (s.hooks.timer_fired) s.hooks.timer_fired(in, e.target);
        loop->ready.push(e.target);
    }
}

// BaseEventLoop._run_once, numbered as there.
Status run_once(Interp& in, EventLoop* loop, bool may_wait) {
    drop_cancelled_head(in, loop);                                       // 1
    if (!may_wait) {
        // A host polling the loop (select with a zero timeout): only what is due now runs.
    } else if (loop->ready.empty() && !loop->stopping && !loop->timers.empty()) { // 2-3: "select"
        wait_until(in, loop->timers.front().when);
    } else if (loop->ready.empty() && !loop->stopping) {
        wait_until(in, loop_time() + 3600);   // nothing can ever happen: wait for Ctrl-C
    }
    if (in.vm->interrupt_requested) EDDY_CHECK(vm::safe_point(in));   // KeyboardInterrupt, limits
    collect_due_timers(in, loop);                                        // 4
    size_t ntodo = loop->ready.size();                                   // 5
    for (size_t i = 0; i < ntodo; i++) {
        Obj* o = loop->ready.pop();
        if (is_task(in, Value::from_obj(o))) {
            EDDY_CHECK(task_run_step(in, static_cast<Task*>(o)));
            continue;
        }
        if (!is_handle(in, o)) {
            Obj* fut = loop->ready.pop();   // a done callback's second entry
            i++;
            EDDY_CHECK(run_done_callback(in, loop, o, fut));
            continue;
        }
        auto* h = static_cast<Handle*>(o);
        if (h->cancelled) continue;
        EDDY_CHECK(run_handle(in, h));
    }
    if (in.heap.wants_collect()) in.heap.collect();
    return ok();
}

// ---- running (base_events.py: run_forever, run_until_complete) ----

static Status check_can_run(Interp& in, EventLoop* loop) {
    if (loop->closed) return in.raise(in.exc.RuntimeError, "Event loop is closed");
    if (loop->running) return in.raise(in.exc.RuntimeError, "This event loop is already running");
    if (state(in).running_loop)
        return in.raise(in.exc.RuntimeError, "Cannot run the event loop while another loop is running");
    return ok();
}

Status run_forever(Interp& in, EventLoop* loop) {
    EDDY_CHECK(check_can_run(in, loop));
    LoopState& s = state(in);
    s.running_loop = loop;
    loop->running = true;
    Status st = ok();
    for (;;) {
        st = run_once(in, loop);
        if (st.is_error() || loop->stopping) break;
    }
    loop->stopping = false;
    loop->running = false;
    s.running_loop = nullptr;
    return st;
}

// _run_until_complete_cb: stop the loop of the finished future. A future that ended in
// SystemExit or KeyboardInterrupt already ended run_forever by raising (CPython issue #22429);
// the callback, still queued, must not stop the loop's next run.
static Result<Value> run_until_complete_cb(Interp& in, Args args) {
    auto* f = args[0].as<Future>();
    if (f->state == FutState::Finished && f->failed) {
        Type* t = type_of(in, f->result);
        if (is_subtype(t, in.exc.SystemExit) || is_subtype(t, in.exc.KeyboardInterrupt))
            return Value::none();
    }
    f->loop.as<EventLoop>()->stopping = true;
    return Value::none();
}

Result<Value> run_until_complete(Interp& in, EventLoop* loop, Value fut) {
    EDDY_CHECK(check_can_run(in, loop));
    bool new_task = !is_future(in, fut);
    if (new_task) {
        if (!state(in).is_coroutine || !state(in).is_coroutine(in, fut))
            return in.raise(in.exc.TypeError, "An asyncio.Future, a coroutine or an awaitable is required");
        fut = Value::from_obj(EDDY_TRY(make_task(in, loop, fut, Value::null())));
    }
    auto* f = fut.as<Future>();
    static const NativeDef cb_def{"_run_until_complete_cb(fut, /)", run_until_complete_cb};
    Value cb = Value::from_obj(make_native_function(in, cb_def));
    EDDY_CHECK(future_add_done_callback(in, f, cb));
    Status st = run_forever(in, loop);
    future_remove_done_callback(in, f, cb);
    if (st.is_error()) {
        // The caller sees the loop's exception; the task's own one counts as retrieved.
        if (new_task && f->state == FutState::Finished) f->log_traceback = false;
        return Error{};
    }
    if (f->state == FutState::Pending)
        return in.raise(in.exc.RuntimeError, "Event loop stopped before Future completed.");
    return future_result(in, f);
}

} // namespace eddy::rt::loop
