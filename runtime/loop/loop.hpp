// runtime/loop/loop.hpp: the native core of asyncio: Future and Task objects, call_soon handles,
// the event loop (ready queue, timer heap, one iteration as CPython's BaseEventLoop._run_once)
// and the per-interpreter LoopState. The Python-facing types, methods and module live in
// stdlib/asyncio_*.cpp; this core knows nothing of modules and calls Python only via rt::call.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "runtime/heap.hpp"
#include "runtime/interp.hpp"
#include "runtime/object.hpp"

namespace eddy::rt {
class Interp;
struct Generator;
}

namespace eddy::rt::loop {

enum class FutState : uint8_t { Pending, Cancelled, Finished };

// How a queued task resumes at its next step (what Task.__step/__wakeup would be called with).
enum class Resume : uint8_t {
    Send,          // coro.send(step_value)
    Throw,         // coro.throw(step_value)
    Wakeup,        // __wakeup(fut_waiter): throw its exception, or send None
    TimerFired,    // its sleep timer expired: go to the back of the queue (set_result's call_soon)
};

// A task's wait on an Event through the event's shared EventToken, with no object of its own:
// the state CPython keeps in that wait()'s future, kept in the task instead.
enum class EventPark : uint8_t {
    None,        // not waiting on an event that way
    Starting,    // its `await ev.wait()` just made the token its await; the next SEND yields it
    Waiting,     // parked: in the event's waiters, its fut_waiter the token
    Woken,       // set() reached it (the future got True): its resumption there returns True
    Cancelled,   // Task.cancel reached it (the future was cancelled): CancelledError is thrown in
};

// The rarely set fields of a Future or Task, made on first need (future_extra): a cancel with
// a message, a caught CancelledError, a task's name or cancel count. Most futures never need
// them, and a task that merely waits stays small.
struct FutureExtra : Obj {
    Value cancel_msg = Value::none();    // _cancel_message
    Value cancelled_exc = Value::null(); // _cancelled_exc: the CancelledError a task caught
    Value name = Value::null();          // Task: a str, or null for the default "Task-<number>"
    uint64_t big_number = 0;             // Task: its number, when it does not fit Future::number
    int32_t num_cancels = 0;             // Task: _num_cancels_requested
};

// asyncio.Future (CPython's Lib/asyncio/futures.py; _asyncio.Future's layout). Tasks extend it.
// The flags are bit-fields in two bytes (a task's must_cancel and resume live there too) and a
// task's number fills the rest of the word: 56 bytes with the header.
// A done future holds a result or an exception, never both, so one field keeps either and
// `failed` says which (8 bytes less for every waiting task).
struct Future : Obj {
    Value loop = Value::none();          // the EventLoop it belongs to
    Value result = Value::none();        // set_result's result, or set_exception's exception
    Value callbacks = Value::null();     // null, one callback, or a List of callbacks, in order
    FutureExtra* extra = nullptr;        // the rare fields, or null (all at their defaults)
    FutState state : 2 = FutState::Pending;
    bool log_traceback : 1 = false;      // an exception nobody retrieved yet
    bool blocking : 1 = false;           // _asyncio_future_blocking
    bool is_task : 1 = false;
    bool must_cancel : 1 = false;        // Task only
    Resume resume : 2 = Resume::Send;    // Task only
    bool failed : 1 = false;             // finished by set_exception: `result` is the exception
    EventPark park : 3 = EventPark::None;   // Task only
    // Task only: one of its loop's tasks that all_tasks() lists (from its creation until its
    // last step), which the loop keeps alive (see EventLoop::tasks).
    bool listed : 1 = false;
    uint32_t number = 0;                 // Task only: the N of "Task-N" (0: it is extra->big_number)
};
static_assert(sizeof(Future) == 56);

// asyncio.Task (CPython's Lib/asyncio/tasks.py). A task is its own ready-queue entry and its
// own sleep-timer target: waking it allocates nothing.
// Two fields do double duty, to keep a waiting task small (72 bytes): `result` holds the argument
// of the next step while the task is pending (it gets its result only when done, and a done task
// never steps again), and `fut_waiter` holds, while the task sleeps on its own timer, that
// timer's sequence number as a small int (sleep's future, in CPython).
struct Task : Future {
    Value coro = Value::none();
    // The future it awaits, the EventWait or EventToken it is parked on, its sleep timer's
    // number, or None.
    Value fut_waiter = Value::none();
    Value& step_value() { return result; }   // argument of the next step (see Resume)
    bool sleeping() const { return fut_waiter.is_small_int(); }
};
static_assert(sizeof(Task) == 72);

// The sequence number a sleeping task keeps in fut_waiter (the low 47 bits of the timer's: a
// timer entry that outlives 2^47 later timers could be taken for the task's current one).
inline Value timer_tag(uint64_t seq) { return Value::from_small_int(int64_t(seq & uint64_t(Value::SmallIntMax))); }

// asyncio.Handle / TimerHandle: a callback with its arguments, cancellable.
struct Handle : Obj {
    Value callback = Value::none();
    // A Tuple, or null for no arguments; with one_arg, the one argument itself (a future's done
    // callback gets the future: no tuple made per callback).
    Value args = Value::null();
    Value loop = Value::none();
    double when = 0;                     // TimerHandle only
    bool cancelled = false;
    bool is_timer = false;
    bool scheduled = false;              // TimerHandle: still in the heap
    bool one_arg = false;
};

// `asyncio.sleep(d, result)`: what a sleeping coroutine yields to its task instead of a future.
// The task sends the object itself back when the sleep is over, which ends the await. Made so
// by `await asyncio.sleep(...)` itself, which consumes it at once: it keeps no coroutine state,
// sleep(0)'s is one shared object, and the await instructions take it inline.
struct SleepAwaitable : Obj {
    double delay = 0;
    Value result = Value::none();
};

// Where a sleep coroutine is in CPython's `async def sleep(delay, result=None)`.
enum class SleepState : uint8_t {
    Created,     // not yet started
    Awaiting,    // yielded itself to the task stepping it, which sends it back when it is over
    Suspended,   // started by hand (send, or its __await__ iterator), as CPython's body runs:
                 // waiting in `yield` (delay <= 0) or on `future` (delay > 0)
    Done,
};

// What asyncio.sleep(...) called on its own returns (type sleep_coro_type): the same awaitable
// for a task, and a coroutine with CPython's states for everything else (sleep.cpp).
struct SleepCoroutine : SleepAwaitable {
    Value delay_arg = Value::null();   // Created: a delay not int or float, compared when it starts
    Value future = Value::null();      // Suspended, delay > 0: the future it awaits, and
    Value timer = Value::null();       // the TimerHandle that will set its result
    SleepState state = SleepState::Created;
};

// sleep(...).__await__(): CPython's coroutine_wrapper, an iterator over the sleep.
struct SleepWrapper : Obj {
    SleepAwaitable* sleep = nullptr;   // either kind of sleep
};

struct EventWait;
struct EventToken;

// asyncio.Event's state (CPython's locks.Event). No future per waiter: a task waiting on an
// unset event parks on the EventWait object its `ev.wait()` made, or, for `await ev.wait()`
// written as such, on the event's shared EventToken with no object of its own; set() wakes it in
// place, as a future's done callback would.
struct AsyncEvent : Obj {
    // _waiters: the tasks parked on one of its wait()s, from parking until they resume there;
    // a task's EventWait or EventToken is its fut_waiter until its next step.
    std::deque<Task*> waiters;
    Value loop = Value::null();          // the loop it bound to (_loop), null until one is needed
    EventToken* token = nullptr;         // made on the first `await ev.wait()` that parks
    bool value = false;                  // _value
};

enum class WaitState : uint8_t {
    Created,     // ev.wait() made, not started
    Waiting,     // yielded to its task, not set yet (the task is in the event's waiters)
    Woken,       // set() reached it (CPython: its future got True): the next send returns True
    Cancelled,   // its task was cancelled while parked (CPython: its future was cancelled)
    Done,
};

// What `ev.wait()` returns: the coroutine of CPython's `async def wait()` as a state machine.
// Waiting tasks are many (a million may wait on one event), so it is one word past the header
// and keeps its state in the header's gc_flags. Driven by hand instead of by a task, it is in no
// waiters list: it sees set() when next sent to (a set() and clear() in between go unnoticed,
// where CPython's future would have got its result).
struct EventWait : Obj {
    AsyncEvent* event = nullptr;
    WaitState state() const { return WaitState(gc_flags); }
    void set_state(WaitState s) { gc_flags = uint32_t(s); }
};

// What the stack of `await ev.wait()` holds (where the wait() coroutine would be) while its task
// waits on the event with no object of its own: one per event, shared by all such waiters, whose
// state lives in their tasks (Task::park). It is only ever seen by the waiting task's own steps:
// before anything else can see or drive that await (cr_await, a hand-driven send, throw or
// close), the waiter gets an EventWait of its own in the token's place (event_token_unshare),
// so that all behaves as for `w = ev.wait(); await w`.
struct EventToken : Obj {
    AsyncEvent* event = nullptr;
};

struct TimerEntry {
    double when;
    uint64_t seq;
    Obj* target;   // a Handle (call_later/call_at) or a Task (sleep)
};

// A ring buffer of ready entries: a Task, a Handle, or a future's done callback as two entries,
// the callback then the future (run_once takes them together). Grows by doubling, never
// shrinks, so a steady state of task switches allocates nothing.
class ReadyQueue {
public:
    bool empty() const { return m_size == 0; }
    size_t size() const { return m_size; }
    void push(Obj* o);
    Obj* pop();
    template <class F> void for_each(F&& f) const {
        for (size_t i = 0; i < m_size; i++) f(m_buf[(m_head + i) & (m_buf.size() - 1)]);
    }

private:
    std::vector<Obj*> m_buf;
    size_t m_head = 0, m_size = 0;
};

// The loop object (asyncio's BaseEventLoop); C++ members are destroyed by its finalize slot.
struct EventLoop : Obj {
    ReadyQueue ready;
    std::vector<TimerEntry> timers;      // binary min-heap on `when`, sifted as heapq sifts
    uint64_t next_seq = 1;
    size_t cancelled_timers = 0;
    // Its listed tasks (Task::listed), which all_tasks() finds by walking the heap: no list
    // of them, so a waiting task costs no links. The collector keeps them alive while the loop
    // is (LoopState::trace_more), and counts those it marked to know when that needs a walk.
    size_t tasks = 0;
    size_t tasks_marked = 0;             // during a collection: listed tasks marked so far
    bool running = false, stopping = false, closed = false;
};

// Observers of the scheduler (a tracer); every hook is optional and costs one null test.
struct LoopHooks {
    void (*task_created)(Interp&, Task*) = nullptr;
    void (*step_begin)(Interp&, Task*) = nullptr;
    void (*step_end)(Interp&, Task*, Value awaited) = nullptr;  // awaited: future/sleep/None/null(done)
    void (*task_woken)(Interp&, Task*, Obj* by) = nullptr;      // by: the future, or null (timer)
    void (*timer_fired)(Interp&, Obj* target) = nullptr;
};

// A native awaitable that is its own await iterator (what a queue's get()/put() or a lock's
// acquire() returns): SEND runs its step, which gives what to yield, or sets `done` and gives
// the await's result; no __await__ method, StopIteration or finished future in between.
using AwaitStepFn = Result<Value> (*)(Interp& in, Value self, Value sent, bool& done);

struct NativeAwaitKind {
    Type* type;
    AwaitStepFn step;
};

// Per-interpreter asyncio state: the types (made by stdlib's _asyncio), the running loop, the
// current task, the futures whose exception nobody retrieved. A GC root source.
struct LoopState final : RootSource {
    explicit LoopState(Interp& in);
    ~LoopState() override;
    void trace_roots(Tracer& tracer) override;
    bool trace_more(Tracer& tracer) override;

    Interp& in;
    Type* future_type = nullptr;
    Type* future_extra_type = nullptr;
    Type* task_type = nullptr;
    Type* handle_type = nullptr;
    Type* timer_handle_type = nullptr;
    Type* loop_type = nullptr;
    Type* sleep_type = nullptr;          // SleepAwaitable ("coroutine")
    Type* sleep_coro_type = nullptr;     // SleepCoroutine ("coroutine")
    Type* sleep_wrapper_type = nullptr;  // SleepWrapper ("coroutine_wrapper")
    // _set_result_unless_cancelled(fut, result): the timer callback of a sleep started by hand.
    Value sleep_wakeup = Value::null();
    Type* event_wait_type = nullptr;     // EventWait ("coroutine", as CPython's wait() is one)
    Type* event_token_type = nullptr;    // EventToken (never seen by Python code)
    Type* gathering_future_type = nullptr;   // gather()'s future (made by stdlib's _asyncio)
    Type* gather_callback_type = nullptr;    // gather()'s done callback on each child
    Type* cancelled_error = nullptr;
    Type* invalid_state_error = nullptr;
    EventLoop* running_loop = nullptr;
    EventLoop* event_loop = nullptr;     // set_event_loop / get_event_loop's loop
    Task* current_task = nullptr;
    // asyncio.run's main task while it runs (Runner.run installs its SIGINT handler for it), and
    // the interrupts that arrived since (Runner._interrupt_count).
    Task* sigint_task = nullptr;
    int interrupt_count = 0;
    SleepAwaitable* sleep0 = nullptr;    // sleep(0)'s shared awaitable
    uint64_t task_counter = 0;
    std::vector<Obj*> unretrieved;       // futures finished with an exception (reported at close)
    std::vector<EventLoop*> loops;       // every loop not yet collected (for trace_more)
    LoopHooks hooks;
    std::vector<NativeAwaitKind> await_kinds;   // see register_native_awaitable
    // What counts as a coroutine for run_until_complete (set by the stdlib module).
    bool (*is_coroutine)(Interp&, Value) = nullptr;
    // How the "Exception in callback" report names a handle's callback and arguments (set by
    // the stdlib module, which formats them as CPython's format_helpers does).
    Result<std::string> (*callback_text)(Interp&, Handle*) = nullptr;
};

LoopState& make_state(Interp& in);   // the first use
// Asked on every task step and wake-up several times, so inline.
inline LoopState& state(Interp& in) { return in.loop_state ? *in.loop_state : make_state(in); }

// ---- futures (futures.py) ----
bool is_future(Interp& in, Value v);       // a Future or Task, subclasses included
bool is_task(Interp& in, Value v);
Future* make_future(Interp& in, EventLoop* loop);
Status future_set_result(Interp& in, Future* f, Value result);       // InvalidStateError if done
Status future_set_exception(Interp& in, Future* f, Value exc);
bool future_cancel(Interp& in, Future* f, Value msg);                 // Future.cancel (not Task's)
Status future_add_done_callback(Interp& in, Future* f, Value cb);    // cb: a callable or a Task
int64_t future_remove_done_callback(Interp& in, Future* f, Value cb);
Result<Value> future_result(Interp& in, Future* f);
Result<Value> future_exception(Interp& in, Future* f);
Value make_cancelled_error(Interp& in, Future* f);                    // _make_cancelled_error
Value cancelled_error_for(Interp& in, Value msg);                     // CancelledError(msg)
FutureExtra& future_extra(Interp& in, Future* f);                     // made on first use
inline Value cancel_msg_of(const Future* f) { return f->extra ? f->extra->cancel_msg : Value::none(); }
void set_cancel_msg(Interp& in, Future* f, Value msg);
inline int32_t task_num_cancels(const Task* t) { return t->extra ? t->extra->num_cancels : 0; }

// The await protocol of futures and sleeps for the VM's SEND: returns what to yield, or sets
// `done` and returns the await's result; an error for a failed future. `handled` false: not ours.
Result<Value> await_send(Interp& in, Value sub, Value sent, bool& done, bool& handled);
// A sleep driven as CPython's coroutine (runtime/loop/sleep.cpp), either kind: send gives what
// to yield, or sets `done` and gives its result; throw raises (its exception, or RuntimeError
// once done); close ends it. `sleep_check_awaitable` is GET_AWAITABLE's refusal of a sleep
// coroutine already being awaited; `sleep_await_send` is an await's SEND or a task's step.
inline bool is_sleep(const LoopState& s, const Type* t) { return t == s.sleep_type || t == s.sleep_coro_type; }
Result<Value> sleep_send(Interp& in, SleepAwaitable* sl, Value sent, bool& done);
Error sleep_throw(Interp& in, SleepAwaitable* sl, Value exc);
void sleep_close(Interp& in, SleepAwaitable* sl);
Status sleep_check_awaitable(Interp& in, SleepCoroutine* sl);
// `gen`, driven by hand (its send/throw methods or its __await__ iterator), not by a task,
// yielded sleep `v` from an await that expected a task's timer: runs the innermost await's sleep
// as CPython's coroutine instead and gives what that yields (None, or a Future). `returned` as
// gen_send's.
// sleep()'s delay as seconds: an int or float as it is, anything else through the body's
// `if delay <= 0:` (0 when true) and then its float conversion, each raising as CPython's would.
Result<double> sleep_delay(Interp& in, Value delay);
Result<Value> sleep_yielded_by_hand(Interp& in, Generator* gen, Value v, bool& returned);
Result<Value> sleep_await_send(Interp& in, SleepCoroutine* sl, Value sent, bool& done);
// Future.__await__'s iterator is the future itself (and, inside the runtime, a sleep is its own
// iterator; Python code's sleep(...).__await__() gets a wrapper).
bool is_native_awaitable(Interp& in, Value v);
// Makes instances of exactly `type` native awaitables stepped by `step` (see AwaitStepFn).
void register_native_awaitable(Interp& in, Type* type, AwaitStepFn step);

// ---- tasks (tasks.py) ----
// The listed tasks of `loop` (all_tasks), in heap order.
std::vector<Task*> listed_tasks(Interp& in, EventLoop* loop);
// A task of type `type` (Task or a subclass; null for Task) scheduled to start soon.
Result<Task*> make_task(Interp& in, EventLoop* loop, Value coro, Value name, Type* type = nullptr);
bool task_cancel(Interp& in, Task* t, Value msg);
Value task_name(Interp& in, Task* t);

// ---- asyncio.Event (locks.py) ----
void event_trace(Obj* event, Tracer& tracer);
void event_finalize(Obj* event);
void event_wait_trace(Obj* wait, Tracer& tracer);
void event_token_trace(Obj* token, Tracer& tracer);
EventWait* event_wait(Interp& in, AsyncEvent* ev);                     // ev.wait()
// One step of `await ev.wait()` (the await protocol, as await_send): what to yield, or `done`.
Result<Value> event_wait_send(Interp& in, EventWait* w, bool& done);
void event_set(Interp& in, AsyncEvent* ev);                            // ev.set()
// EventWait.throw(exc) / close(): its task leaves the event's waiters; throw then raises `exc`.
void event_wait_abandon(Interp& in, EventWait* w);
// Task side: the coroutine yielded `w`, so `t` parks on it; Task.cancel of a parked task.
void event_wait_park(Interp& in, Task* t, EventWait* w);
bool event_wait_cancel(Interp& in, Task* t, EventWait* w, Value msg);
// `await ev.wait()` (the method's await form): True at once when set; else what the await goes
// on with: the event's token when the running frame's yield reaches the current task directly,
// otherwise an EventWait, as ev.wait() would return.
Result<Value> event_wait_await(Interp& in, AsyncEvent* ev, bool& done);
bool is_event_token(Interp& in, Value v);
// SEND to the token in `*slot`, a stack slot of `holder`'s running frame: what to yield, or `done`
// with the await's result. Anyone but the token's own task gets an EventWait put in the slot.
Result<Value> event_token_send(Interp& in, Value* slot, Generator* holder, bool& done);
// The EventWait that takes the token's place in suspended `holder`'s await, carrying its task's
// wait state (its task then waits on it instead).
EventWait* event_token_unshare(Interp& in, EventToken* tok, Generator* holder);
// Task side: the coroutine yielded the token (its park is Waiting); Task.cancel of such a task.
void event_token_park(Interp& in, Task* t, EventToken* tok);
bool event_token_cancel(Interp& in, Task* t, Value msg);

// ---- Ctrl-C (runners.py) ----
// What a pending interrupt request (Ctrl-C, or the host's Interpreter::interrupt()) does once a
// safe point takes it: while asyncio.run waits for its main task, the first one cancels that
// task and the run ends in KeyboardInterrupt once the task has unwound (Runner._on_sigint);
// otherwise, or when one arrives again, it raises KeyboardInterrupt where the script is.
Status keyboard_interrupt(Interp& in);

// ---- the loop (base_events.py) ----
EventLoop* make_loop(Interp& in);
Handle* call_soon(Interp& in, EventLoop* loop, Value callback, Value args);
// A done callback of `fut`, called with `fut` soon: queued as it is, with no Handle (nobody can
// see or cancel the handle of a done callback).
void call_soon_done_callback(Interp& in, EventLoop* loop, Value callback, Future* fut);
Handle* call_at(Interp& in, EventLoop* loop, double when, Value callback, Value args);
double loop_time();                                                   // time.monotonic()
void handle_cancel(Interp& in, Handle* h);
// One iteration; `may_wait` false never sleeps for a timer (a host driving the loop itself).
Status run_once(Interp& in, EventLoop* loop, bool may_wait = true);
// run_until_complete(fut): runs until `fut` is done (or stop()); returns its result.
Result<Value> run_until_complete(Interp& in, EventLoop* loop, Value fut);
Status run_forever(Interp& in, EventLoop* loop);
// Writes "Future/Task exception was never retrieved" for every unretrieved exception.
void report_unretrieved(Interp& in);
// Handle._run's report of a callback's exception.
void report_callback_exception(Interp& in, Handle* h, Value exc);
// The default exception handler: `message`, then the traceback of `exc` (when not null).
void report_exception(Interp& in, const std::string& message, Value exc);

} // namespace eddy::rt::loop
