// stdlib/asyncio_queue.cpp: _asyncio._QueueCore, the native state and hot paths of asyncio.Queue
// (stdlib/py/asyncio/queues.py builds Queue, LifoQueue and PriorityQueue on it), mirroring
// CPython 3.11's Lib/asyncio/queues.py line for line: put/get wait on futures kept in FIFO
// lists, a woken waiter re-checks and may wait again, a cancelled one passes the wakeup on
// (_wakeup_next), task_done/join count unfinished items through an Event.
//
// Why native: `await q.get()` on a Python coroutine costs a coroutine object, a frame and a few
// dozen bytecodes, mostly for the case where nothing waits. put()/get() here return a small
// native coroutine-like object (QueueOp) that does the work when first resumed, as a coroutine
// would, and suspends only by yielding a waiter future to the task. The op is a native awaitable
// (runtime/loop): `await op` steps it directly. And `await q.get()` / `await q.put(x)` written
// as such run the methods' await forms, which make no op at all when they need not wait.
//
// Storage: a queue whose class keeps Queue's storage hooks (_init/_put/_get and the size
// methods; queues.py decides, once per class) keeps its items in a std::deque ("fast"). Any
// other queue (LifoQueue, PriorityQueue, user subclasses) goes through those methods exactly as
// CPython's code calls them, on the `_queue` its _init made.
#include <deque>
#include <string>

#include "asyncio_internal.hpp"
#include "asyncio_op.hpp"
#include "dict_object.hpp"
#include "exception_object.hpp"
#include "generator_object.hpp"
#include "iterators.hpp"
#include "list_object.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "str_object.hpp"
#include "types.hpp"

namespace eddy::lib {

using rt::loop::EventLoop;
using rt::loop::Future;
using rt::loop::FutState;

namespace {

struct QueueObj : rt::Obj {
    std::deque<Value> items;        // the FIFO of a fast queue
    std::deque<Value> getters;      // futures of waiting get()s, oldest first (_getters)
    std::deque<Value> putters;      // futures of waiting put()s (_putters)
    Value maxsize = Value::from_small_int(0);   // as given (_maxsize)
    double limit = 0;               // maxsize as a number: bounded when > 0
    int64_t unfinished = 0;         // _unfinished_tasks
    Value finished = Value::none(); // _finished: an Event, set while unfinished == 0
    Value queue = Value::none();    // _queue of a non-fast queue (what its _init stored)
    Value loop = Value::null();     // the loop it bound to (_loop), null until one is needed
    Type* op_type = nullptr;        // this interpreter's QueueOp type (no global state)
    bool fast = false;
};

enum class OpKind : uint8_t { Get, Put };

// What q.get()/q.put(item) return: the coroutine of CPython's `async def get/put`, as a state
// machine. Waiting means the task awaits `waiter`.
struct QueueOp : rt::Obj {
    QueueObj* queue = nullptr;
    Value item = Value::none();     // put's item
    Value waiter = Value::null();   // the getter/putter future while Waiting
    OpKind kind = OpKind::Get;
    OpState state = OpState::Created;
};

void queue_trace(rt::Obj* self, rt::Tracer& tracer) {
    auto* q = static_cast<QueueObj*>(self);
    for (Value v : q->items) tracer.mark(v);
    for (Value v : q->getters) tracer.mark(v);
    for (Value v : q->putters) tracer.mark(v);
    tracer.mark(q->maxsize);
    tracer.mark(q->finished);
    tracer.mark(q->queue);
    tracer.mark(q->loop);
    if (q->op_type) tracer.mark(q->op_type);
}

void queue_finalize(rt::Obj* self) { static_cast<QueueObj*>(self)->~QueueObj(); }

void op_trace(rt::Obj* self, rt::Tracer& tracer) {
    auto* op = static_cast<QueueOp*>(self);
    if (op->queue) tracer.mark(op->queue);
    tracer.mark(op->item);
    tracer.mark(op->waiter);
}

QueueObj* self_of(Args a) { return a[0].as<QueueObj>(); }

// The queues.py names registered by _setup_queue_module, found on the core type's dict.
Value registered(Interp& in, QueueObj* q, const char* name) {
    return rt::type_lookup(q->type, in.intern(name));
}

rt::Error raise_registered(Interp& in, QueueObj* q, const char* name) {
    Value cls = registered(in, q, name);
    if (cls.is_null()) return in.raise(in.exc.RuntimeError, "asyncio queues are not set up");
    Value exc = rt::call(in, cls, {}).value();
    if (exc.is_error()) return rt::Error{};
    in.set_exception(exc);
    return rt::Error{};
}

// ---- CPython's Queue methods, each either inline (fast) or through the Python method ----

Result<bool> q_full(Interp& in, QueueObj* q) {
    if (q->fast) return q->limit > 0 && double(q->items.size()) >= q->limit;
    Value r = EDDY_TRY(rt::call_method(in, Value::from_obj(q), in.intern("full"), {}));
    return rt::truthy(in, r);
}

Result<bool> q_empty(Interp& in, QueueObj* q) {
    if (q->fast) return q->items.empty();
    Value r = EDDY_TRY(rt::call_method(in, Value::from_obj(q), in.intern("empty"), {}));
    return rt::truthy(in, r);
}

// _wakeup_next: wake the oldest waiter that is still pending; done ones are dropped.
void wakeup_next(Interp& in, std::deque<Value>& waiters) {
    while (!waiters.empty()) {
        Value w = waiters.front();
        waiters.pop_front();
        auto* f = w.as<Future>();
        if (f->state == FutState::Pending) {
            (void)rt::loop::future_set_result(in, f, Value::none());
            break;
        }
    }
}

// put_nowait(item) for a fast queue, or the core part every queue shares after _put.
Status put_done(Interp& in, QueueObj* q) {
    if (q->unfinished++ == 0) {
        // _finished.clear(): only the first unfinished item changes the Event.
        EDDY_CHECK(rt::call_method(in, q->finished, in.intern("clear"), {}));
    }
    wakeup_next(in, q->getters);
    return rt::ok();
}

Status q_put_nowait(Interp& in, QueueObj* q, Value item) {
    if (EDDY_TRY(q_full(in, q))) return raise_registered(in, q, "_QueueFull");
    if (q->fast) q->items.push_back(item);
    else EDDY_CHECK(rt::call_method(in, Value::from_obj(q), in.intern("_put"), {item}));
    return put_done(in, q);
}

Result<Value> q_get_nowait(Interp& in, QueueObj* q) {
    if (EDDY_TRY(q_empty(in, q))) return raise_registered(in, q, "_QueueEmpty");
    Value item;
    if (q->fast) {
        item = q->items.front();
        q->items.pop_front();
    } else {
        item = EDDY_TRY(rt::call_method(in, Value::from_obj(q), in.intern("_get"), {}));
    }
    wakeup_next(in, q->putters);
    return item;
}

// mixins._LoopBoundMixin._get_loop: the running loop, which the queue binds to once.
Result<EventLoop*> q_get_loop(Interp& in, QueueObj* q) {
    EventLoop* loop = rt::loop::state(in).running_loop;
    if (!loop) return in.raise(in.exc.RuntimeError, "no running event loop");
    if (q->loop.is_null()) {
        q->loop = Value::from_obj(loop);
    } else if (q->loop.as_obj() != loop) {
        std::string r = EDDY_TRY(rt::repr_string(in, Value::from_obj(q)));
        return in.raise(in.exc.RuntimeError, r + " is bound to a different event loop");
    }
    return loop;
}

// ---- QueueOp: the bodies of `async def get()` and `async def put(item)` ----

// get()'s `return self.get_nowait()` once the queue is not empty: the item, or null while it is
// empty (the caller waits).
Result<Value> get_now(Interp& in, QueueObj* q) {
    if (EDDY_TRY(q_empty(in, q))) return Value::null();
    if (q->fast) return q_get_nowait(in, q);
    return rt::call_method(in, Value::from_obj(q), in.intern("get_nowait"), {});
}

// put()'s `return self.put_nowait(item)` once the queue is not full; false while it is full.
Result<bool> put_now(Interp& in, QueueObj* q, Value item) {
    if (EDDY_TRY(q_full(in, q))) return false;
    if (q->fast) EDDY_CHECK(q_put_nowait(in, q, item));
    else EDDY_CHECK(rt::call_method(in, Value::from_obj(q), in.intern("put_nowait"), {item}));
    return true;
}

// Yields a new waiter future queued on `waiters` (the `await getter` of the while loop).
Result<Value> op_wait(Interp& in, QueueOp* op, std::deque<Value>& waiters) {
    EventLoop* loop = EDDY_TRY(q_get_loop(in, op->queue));
    Future* f = rt::loop::make_future(in, loop);
    f->blocking = true;   // what Future.__await__ sets before yielding itself
    waiters.push_back(Value::from_obj(f));
    op->waiter = Value::from_obj(f);
    op->state = OpState::Waiting;
    return Value::from_obj(f);
}

// One resumption (the send(None) after creation or after the waiter finished): the future to
// yield, or `done` and the op's result (get's item, put's None).
Result<Value> op_step(Interp& in, QueueOp* op, bool& done) {
    if (op->state == OpState::Done)
        return in.raise(in.exc.RuntimeError, "cannot reuse already awaited coroutine");
    QueueObj* q = op->queue;
    op->waiter = Value::null();
    op->state = OpState::Done;   // until it waits again; an error ends it too
    if (op->kind == OpKind::Get) {
        Value item = EDDY_TRY(get_now(in, q));
        if (item.is_null()) return op_wait(in, op, q->getters);
        done = true;
        return item;
    }
    if (!EDDY_TRY(put_now(in, q, op->item))) return op_wait(in, op, q->putters);
    op->item = Value::none();
    done = true;
    return Value::none();
}

// The `except:` clause around `await getter/putter`: take the waiter out and, if it had been
// woken but leaves without its item (or slot), pass the wakeup on. Then the exception goes on.
Status op_abandon(Interp& in, QueueOp* op) {
    if (op->state != OpState::Waiting) {
        op->state = OpState::Done;
        return rt::ok();
    }
    op->state = OpState::Done;
    QueueObj* q = op->queue;
    auto* f = op->waiter.as<Future>();
    op->waiter = Value::null();
    (void)rt::loop::future_cancel(in, f, Value::none());
    // Read now: nothing roots `f` across the empty()/full() calls below.
    bool cancelled = f->state == FutState::Cancelled;
    bool get = op->kind == OpKind::Get;
    std::deque<Value>& waiters = get ? q->getters : q->putters;
    for (auto it = waiters.begin(); it != waiters.end(); ++it) {
        if (it->as_obj() == f) {
            waiters.erase(it);
            break;
        }
    }
    bool room = get ? !EDDY_TRY(q_empty(in, q)) : !EDDY_TRY(q_full(in, q));
    if (room && !cancelled) wakeup_next(in, waiters);
    return rt::ok();
}

using Coroutine = OpCoroutine<QueueOp, op_step>;

Result<Value> op_throw(Interp& in, Args a) {
    auto* op = a[0].as<QueueOp>();
    Value exc = EDDY_TRY(rt::gen_throw_args(in, a[1], a.has(2) ? a[2] : Value::none(),
                                            a.has(3) ? a[3] : Value::none()));
    if (op->state == OpState::Done)
        return in.raise(in.exc.RuntimeError, "cannot reuse already awaited coroutine");
    EDDY_CHECK(op_abandon(in, op));
    in.set_exception(exc);
    return rt::Error{};
}

Result<Value> op_close(Interp& in, Args a) {
    EDDY_CHECK(op_abandon(in, a[0].as<QueueOp>()));
    return Value::none();
}

// CPython's repr of the coroutine `q.get()` is "<coroutine object Queue.get at 0x...>".
Result<Value> op_repr(Interp& in, Value self) {
    auto* op = self.as<QueueOp>();
    std::string name = op->kind == OpKind::Get ? "get" : "put";
    return rt::str_value(in, "<coroutine object Queue." + name + " at " + rt::address_string(op) + ">");
}

Result<Value> make_op(Interp& in, QueueObj* q, OpKind kind, Value item) {
    auto* op = in.heap.alloc<QueueOp>(q->op_type);
    op->queue = q;
    op->kind = kind;
    op->item = item;
    return Value::from_obj(op);
}

// ---- _QueueCore's methods ----

Result<Value> queue_new(Interp& in, Type* type, rt::CallArgs) {
    auto* q = rt::alloc_instance<QueueObj>(in.heap, type);
    q->op_type = Coroutine::find_type(in, type);
    if (!q->op_type) return in.raise(in.exc.RuntimeError, "asyncio queues are not set up");
    return Value::from_obj(q);
}

// _setup(maxsize, finished, fast): what Queue.__init__ sets before calling _init.
Result<Value> queue__setup(Interp& in, Args a) {
    QueueObj* q = self_of(a);
    q->maxsize = a[1];
    q->limit = EDDY_TRY(to_double(in, a[1]));
    q->finished = a[2];
    q->fast = EDDY_TRY(rt::truthy(in, a[3]));
    return Value::none();
}

Result<Value> queue_put(Interp& in, Args a) { return make_op(in, self_of(a), OpKind::Put, a[1]); }
Result<Value> queue_get(Interp& in, Args a) { return make_op(in, self_of(a), OpKind::Get, Value::none()); }

// `await q.put(item)` / `await q.get()` (the methods' await forms): on a fast queue, what the
// op's first step would do, without the op, when it does not wait; otherwise the op, which the
// await goes on with. Its step checks again, which only a fast queue may do unseen (another
// queue's full()/empty() may be Python code with visible effects).
Result<Value> queue_put_await(Interp& in, Args a, bool& done) {
    if (self_of(a)->fast && EDDY_TRY(put_now(in, self_of(a), a[1]))) {
        done = true;
        return Value::none();
    }
    return queue_put(in, a);
}

Result<Value> queue_get_await(Interp& in, Args a, bool& done) {
    Value item = Value::null();
    if (self_of(a)->fast) item = EDDY_TRY(get_now(in, self_of(a)));
    if (!item.is_null()) {
        done = true;
        return item;
    }
    return queue_get(in, a);
}

Result<Value> queue_put_nowait(Interp& in, Args a) {
    EDDY_CHECK(q_put_nowait(in, self_of(a), a[1]));
    return Value::none();
}

Result<Value> queue_get_nowait(Interp& in, Args a) { return q_get_nowait(in, self_of(a)); }

Result<Value> queue_qsize(Interp& in, Args a) {
    QueueObj* q = self_of(a);
    if (q->fast) return Value::from_small_int(int64_t(q->items.size()));
    Value queue = EDDY_TRY(rt::get_attr(in, a[0], in.intern("_queue")));
    return Value::from_small_int(EDDY_TRY(rt::length(in, queue)));
}

Result<Value> queue_empty(Interp& in, Args a) {
    QueueObj* q = self_of(a);
    if (q->fast) return Value::boolean(q->items.empty());
    Value queue = EDDY_TRY(rt::get_attr(in, a[0], in.intern("_queue")));
    return Value::boolean(!EDDY_TRY(rt::truthy(in, queue)));
}

Result<Value> queue_full(Interp& in, Args a) {
    QueueObj* q = self_of(a);
    if (q->limit <= 0) return Value::boolean(false);
    if (q->fast) return Value::boolean(double(q->items.size()) >= q->limit);
    Value n = EDDY_TRY(rt::call_method(in, a[0], in.intern("qsize"), {}));
    return Value::boolean(EDDY_TRY(to_double(in, n)) >= q->limit);
}

Result<Value> queue_task_done(Interp& in, Args a) {
    QueueObj* q = self_of(a);
    if (q->unfinished <= 0) return in.raise(in.exc.ValueError, "task_done() called too many times");
    if (--q->unfinished == 0) EDDY_CHECK(rt::call_method(in, q->finished, in.intern("set"), {}));
    return Value::none();
}

// _getters/_putters: a copy of the waiting futures, in a deque as CPython keeps them (a list
// where collections.deque is missing).
Result<Value> waiter_list(Interp& in, QueueObj* q, const std::deque<Value>& waiters) {
    rt::List* l = rt::make_list(in);
    l->items.assign(waiters.begin(), waiters.end());
    Value deque = registered(in, q, "_deque");
    if (deque.is_null() || deque.is_none()) return Value::from_obj(l);
    return rt::call(in, deque, {Value::from_obj(l)});
}

Result<Value> queue_get_maxsize(Interp&, Args a) { return self_of(a)->maxsize; }
Result<Value> queue_get_getters(Interp& in, Args a) {
    return waiter_list(in, self_of(a), self_of(a)->getters);
}
Result<Value> queue_get_putters(Interp& in, Args a) {
    return waiter_list(in, self_of(a), self_of(a)->putters);
}
Result<Value> queue_get_unfinished(Interp&, Args a) { return Value::from_small_int(self_of(a)->unfinished); }
Result<Value> queue_get_finished(Interp&, Args a) { return self_of(a)->finished; }
Result<Value> queue_get_loop_attr(Interp&, Args a) {
    QueueObj* q = self_of(a);
    return q->loop.is_null() ? Value::none() : q->loop;
}

// _queue: a fast queue shows a copy of its items (as a list); others keep what _init stored.
Result<Value> queue_get_queue(Interp& in, Args a) {
    QueueObj* q = self_of(a);
    if (!q->fast) return q->queue;
    rt::List* l = rt::make_list(in);
    l->items.assign(q->items.begin(), q->items.end());
    return Value::from_obj(l);
}

Result<Value> queue_set_queue(Interp&, Args a) {
    self_of(a)->queue = a[1];
    return Value::none();
}

Result<Value> queue__get_loop(Interp& in, Args a) {
    return Value::from_obj(EDDY_TRY(q_get_loop(in, self_of(a))));
}

} // namespace

bool is_queue_op(Interp&, Value v) {
    return Coroutine::is_op(v);
}

// A queue op handed to create_task & co. becomes a real coroutine (`return await op`) made by
// queues.py's wrapper: a task drives only coroutines.
Result<Value> queue_op_coroutine(Interp& in, Value v) {
    auto* op = v.as<QueueOp>();
    Value wrap = registered(in, op->queue, "_op_coroutine");
    if (wrap.is_null()) return in.raise(in.exc.RuntimeError, "asyncio queues are not set up");
    return rt::call(in, wrap, {v});
}

void init_queue_types(Interp& in, rt::Module* m) {
    Type* t = make_native_type(in, "_QueueCore", "_asyncio", sizeof(QueueObj));
    t->flags |= rt::TF_BaseType;
    t->new_ = queue_new;
    t->trace = queue_trace;
    t->finalize = queue_finalize;
    rt::add_methods(in, t, {
        {"_setup(self, maxsize, finished, fast, /)", queue__setup},
        {"_get_loop(self, /)", queue__get_loop},
        {"qsize(self, /)", queue_qsize},
        {"empty(self, /)", queue_empty},
        {"full(self, /)", queue_full},
        {"put(self, item)", queue_put},
        {"get(self, /)", queue_get},
        {"put_nowait(self, item)", queue_put_nowait},
        {"get_nowait(self, /)", queue_get_nowait},
        {"task_done(self, /)", queue_task_done},
    });
    rt::add_getset(in, t, "maxsize", queue_get_maxsize, nullptr);
    rt::add_getset(in, t, "_maxsize", queue_get_maxsize, nullptr);
    rt::add_getset(in, t, "_getters", queue_get_getters, nullptr);
    rt::add_getset(in, t, "_putters", queue_get_putters, nullptr);
    rt::add_getset(in, t, "_unfinished_tasks", queue_get_unfinished, nullptr);
    rt::add_getset(in, t, "_finished", queue_get_finished, nullptr);
    rt::add_getset(in, t, "_loop", queue_get_loop_attr, nullptr);
    rt::add_getset(in, t, "_queue", queue_get_queue, queue_set_queue);
    rt::set_await_form(in, t, "put", queue_put_await);
    rt::set_await_form(in, t, "get", queue_get_await);
    Type* op_type = Coroutine::make_type(in, op_trace, op_repr, op_throw, op_close);
    rt::dict_set_str(in, t->dict, in.intern("_op_type"), Value::from_obj(op_type));
    finish_native_type(in, t);
    rt::add_slot_wrappers(in, t);
    set_module_attr(in, m, "_QueueCore", Value::from_obj(t));
}

} // namespace eddy::lib
