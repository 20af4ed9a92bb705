// stdlib/asyncio_locks.cpp: _asyncio._LockCore, the native state and hot paths of asyncio's Lock,
// Semaphore and BoundedSemaphore (stdlib/py/asyncio/locks.py builds the classes on it),
// mirroring CPython 3.11.7's Lib/asyncio/locks.py: waiters are futures in a FIFO; a Lock's
// release wakes its first waiter, a Semaphore's wakes the first pending one and takes the unit
// for it; a woken waiter cancelled before it runs passes its turn on.
//
// Why native: `async with sem:` costs CPython an __aenter__ coroutine, an acquire() coroutine
// and an __aexit__ coroutine. Here acquire(), __aenter__() and __aexit__() have await forms
// (runtime/native.hpp) that finish without making anything when they need not wait. When they
// must wait, or are called without an await, they return a small coroutine-like op (LockOp), a
// native awaitable (runtime/loop) that waits on a future as acquire()'s coroutine would.
//
// A class that overrides acquire() or release() (decided once per class by locks.py) is not
// "fast": its __aenter__/__aexit__ call the overriding methods, as CPython's mixin does.
#include <deque>
#include <string>

#include "asyncio_internal.hpp"
#include "asyncio_op.hpp"
#include "dict_object.hpp"
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

enum class LockKind : uint8_t { Lock, Semaphore, Bounded };

struct LockObj : rt::Obj {
    std::deque<Value> waiters;       // futures of waiting acquire()s, oldest first (_waiters)
    Value loop = Value::null();      // the loop it bound to (_loop), null until a wait needs one
    int64_t value = 1;               // a Semaphore's counter (_value); a Lock's: 1 free, 0 held
    int64_t bound = 0;               // BoundedSemaphore's initial value (_bound_value)
    Type* op_type = nullptr;         // this interpreter's LockOp type (no global state)
    LockKind kind = LockKind::Lock;
    bool has_waiters = false;        // _waiters is a deque, not None (made at the first wait)
    bool fast = false;               // the class keeps _LockCore's acquire and release
};

enum class OpKind : uint8_t { Acquire, Enter, Exit };

// What acquire()/__aenter__()/__aexit__() return when they cannot finish at once: the coroutine
// of CPython's `async def`, as a state machine. Waiting means the task awaits `waiter`.
struct LockOp : rt::Obj {
    LockObj* lock = nullptr;
    Value waiter = Value::null();
    OpKind kind = OpKind::Acquire;
    OpState state = OpState::Created;
};

void lock_trace(rt::Obj* self, rt::Tracer& tracer) {
    auto* l = static_cast<LockObj*>(self);
    for (Value v : l->waiters) tracer.mark(v);
    tracer.mark(l->loop);
    if (l->op_type) tracer.mark(l->op_type);
}

void lock_finalize(rt::Obj* self) { static_cast<LockObj*>(self)->~LockObj(); }

void op_trace(rt::Obj* self, rt::Tracer& tracer) {
    auto* op = static_cast<LockOp*>(self);
    if (op->lock) tracer.mark(op->lock);
    tracer.mark(op->waiter);
}

LockObj* self_of(Args a) { return a[0].as<LockObj>(); }

bool pending(Value fut) { return fut.as<Future>()->state == FutState::Pending; }

// `any(not w.cancelled() for w in self._waiters)`
bool any_live_waiter(const LockObj* l) {
    for (Value w : l->waiters)
        if (w.as<Future>()->state != FutState::Cancelled) return true;
    return false;
}

// Lock.locked() is `_locked`; Semaphore.locked() counts live waiters too.
bool is_locked(const LockObj* l) {
    if (l->kind == LockKind::Lock) return l->value == 0;
    return l->value == 0 || any_live_waiter(l);
}

// The test at the top of acquire(): a Lock that is free with no live waiter, a Semaphore that
// is not locked().
bool can_take(const LockObj* l) { return l->value != 0 && !any_live_waiter(l); }

void take(LockObj* l) {
    if (l->kind == LockKind::Lock) l->value = 0;
    else l->value -= 1;
}

// Lock._wake_up_first (the first waiter, if not done) and Semaphore._wake_up_next (the first
// waiter not done, whose unit it takes).
void wake_up(Interp& in, LockObj* l) {
    if (l->kind == LockKind::Lock) {
        if (!l->waiters.empty() && pending(l->waiters.front()))
            (void)rt::loop::future_set_result(in, l->waiters.front().as<Future>(), Value::boolean(true));
        return;
    }
    for (Value w : l->waiters) {
        if (pending(w)) {
            l->value -= 1;
            (void)rt::loop::future_set_result(in, w.as<Future>(), Value::boolean(true));
            return;
        }
    }
}

Status release(Interp& in, LockObj* l) {
    if (l->kind == LockKind::Lock) {
        if (l->value != 0) return in.raise(in.exc.RuntimeError, "Lock is not acquired.");
        l->value = 1;
    } else {
        if (l->kind == LockKind::Bounded && l->value >= l->bound)
            return in.raise(in.exc.ValueError, "BoundedSemaphore released too many times");
        l->value += 1;
    }
    wake_up(in, l);
    return rt::ok();
}

// self.release() as CPython's __aexit__ calls it: the native one unless the class overrides it.
Status call_release(Interp& in, LockObj* l) {
    if (l->fast) return release(in, l);
    EDDY_CHECK(rt::call_method(in, Value::from_obj(l), in.intern("release"), {}));
    return rt::ok();
}

// The names locks.py registers on its classes (looked up on the instance's type).
Value registered(Interp& in, LockObj* l, const char* name) {
    return rt::type_lookup(l->type, in.intern(name));
}

// mixins._LoopBoundMixin._get_loop: the running loop, which the primitive binds to once.
Result<EventLoop*> get_loop(Interp& in, LockObj* l) {
    EventLoop* loop = rt::loop::state(in).running_loop;
    if (!loop) return in.raise(in.exc.RuntimeError, "no running event loop");
    if (l->loop.is_null()) {
        l->loop = Value::from_obj(loop);
    } else if (l->loop.as_obj() != loop) {
        std::string r = EDDY_TRY(rt::repr_string(in, Value::from_obj(l)));
        return in.raise(in.exc.RuntimeError, r + " is bound to a different event loop");
    }
    return loop;
}

// ---- LockOp: the bodies of `async def acquire()`, `__aenter__()` and `__aexit__()` ----

Value op_result(const LockOp* op) {
    return op->kind == OpKind::Acquire ? Value::boolean(true) : Value::none();
}

// `fut = loop.create_future(); self._waiters.append(fut)`, and the `await fut` that yields it.
Result<Value> op_wait(Interp& in, LockOp* op) {
    LockObj* l = op->lock;
    EventLoop* loop = EDDY_TRY(get_loop(in, l));
    Future* f = rt::loop::make_future(in, loop);
    f->blocking = true;   // what Future.__await__ sets before yielding itself
    l->has_waiters = true;
    l->waiters.push_back(Value::from_obj(f));
    op->waiter = Value::from_obj(f);
    op->state = OpState::Waiting;
    return Value::from_obj(f);
}

// `finally: self._waiters.remove(fut)`
void remove_waiter(LockObj* l, Value fut) {
    for (auto it = l->waiters.begin(); it != l->waiters.end(); ++it) {
        if (it->is(fut)) {
            l->waiters.erase(it);
            return;
        }
    }
}

// The pending exception leaves `await fut`: the finally, then the `except CancelledError`
// clause (a Lock left unlocked wakes the next waiter; a Semaphore waiter woken but cancelled
// gives its unit back and wakes the next); the exception stays pending.
void op_abandon(Interp& in, LockOp* op) {
    if (op->state != OpState::Waiting) {
        op->state = OpState::Done;
        return;
    }
    op->state = OpState::Done;
    LockObj* l = op->lock;
    Value fut = op->waiter;
    op->waiter = Value::null();
    remove_waiter(l, fut);
    if (!in.exception_matches(rt::loop::state(in).cancelled_error)) return;
    Value exc = in.take_exception();
    if (l->kind == LockKind::Lock) {
        if (l->value != 0) wake_up(in, l);
    } else if (fut.as<Future>()->state != FutState::Cancelled) {
        l->value += 1;
        wake_up(in, l);
    }
    in.set_exception(exc);
}

// One resumption: the future to yield, or `done` and the op's result.
Result<Value> op_step(Interp& in, LockOp* op, bool& done) {
    LockObj* l = op->lock;
    if (op->state == OpState::Done)
        return in.raise(in.exc.RuntimeError, "cannot reuse already awaited coroutine");
    if (op->state == OpState::Created) {
        op->state = OpState::Done;   // until it waits; an error ends it too
        if (op->kind == OpKind::Exit) {
            EDDY_CHECK(call_release(in, l));
        } else if (can_take(l)) {
            take(l);
        } else {
            return op_wait(in, op);
        }
        done = true;
        return op_result(op);
    }
    // Back from `await fut`: it raises unless fut has its result (Future.__await__).
    Future* f = op->waiter.as<Future>();
    if (f->state == FutState::Pending) {
        (void)in.raise(in.exc.RuntimeError, "await wasn't used with future");
        op_abandon(in, op);
        return rt::Error{};
    }
    if (f->state == FutState::Cancelled || f->failed) {
        (void)rt::loop::future_result(in, f);
        op_abandon(in, op);
        return rt::Error{};
    }
    remove_waiter(l, op->waiter);
    op->waiter = Value::null();
    op->state = OpState::Done;
    // Lock: `self._locked = True`; Semaphore: its unit was taken by the wake-up, and a unit
    // still free goes to the next waiter.
    if (l->kind == LockKind::Lock) l->value = 0;
    else if (l->value > 0) wake_up(in, l);
    done = true;
    return op_result(op);
}

using Coroutine = OpCoroutine<LockOp, op_step>;

Result<Value> op_throw(Interp& in, Args a) {
    auto* op = a[0].as<LockOp>();
    Value exc = EDDY_TRY(rt::gen_throw_args(in, a[1], a.has(2) ? a[2] : Value::none(),
                                            a.has(3) ? a[3] : Value::none()));
    if (op->state == OpState::Done)
        return in.raise(in.exc.RuntimeError, "cannot reuse already awaited coroutine");
    in.set_exception(exc);
    op_abandon(in, op);
    return rt::Error{};
}

Result<Value> op_close(Interp&, Args a) {
    auto* op = a[0].as<LockOp>();
    if (op->state == OpState::Waiting) remove_waiter(op->lock, op->waiter);
    op->waiter = Value::null();
    op->state = OpState::Done;
    return Value::none();
}

// CPython's reprs: "<coroutine object Semaphore.acquire at 0x...>" and the mixin's names.
Result<Value> op_repr(Interp& in, Value self) {
    auto* op = self.as<LockOp>();
    std::string name = op->kind == OpKind::Enter  ? "_ContextManagerMixin.__aenter__"
                       : op->kind == OpKind::Exit ? "_ContextManagerMixin.__aexit__"
                       : op->lock->kind == LockKind::Lock ? "Lock.acquire"
                                                          : "Semaphore.acquire";
    return rt::str_value(in, "<coroutine object " + name + " at " + rt::address_string(op) + ">");
}

Value make_op(Interp& in, LockObj* l, OpKind kind) {
    auto* op = in.heap.alloc<LockOp>(l->op_type);
    op->lock = l;
    op->kind = kind;
    return Value::from_obj(op);
}

// ---- _LockCore's methods ----

Result<Value> lock_new(Interp& in, Type* type, rt::CallArgs) {
    auto* l = rt::alloc_instance<LockObj>(in.heap, type);
    l->op_type = Coroutine::find_type(in, type);
    if (!l->op_type) return in.raise(in.exc.RuntimeError, "asyncio locks are not set up");
    return Value::from_obj(l);
}

// _setup(kind, value, fast): what the classes' __init__ set; kind 0 Lock, 1 Semaphore,
// 2 BoundedSemaphore (value is then also the bound).
Result<Value> lock__setup(Interp& in, Args a) {
    LockObj* l = self_of(a);
    int64_t kind = EDDY_TRY(rt::index_as_int64(in, a[1]));
    l->kind = kind == 0 ? LockKind::Lock : kind == 1 ? LockKind::Semaphore : LockKind::Bounded;
    l->value = EDDY_TRY(rt::index_as_int64(in, a[2]));
    l->bound = l->value;
    l->fast = EDDY_TRY(rt::truthy(in, a[3]));
    return Value::none();
}

Result<Value> lock_locked(Interp&, Args a) { return Value::boolean(is_locked(self_of(a))); }

Result<Value> lock_release(Interp& in, Args a) {
    EDDY_CHECK(release(in, self_of(a)));
    return Value::none();
}

Result<Value> lock_acquire(Interp& in, Args a) { return make_op(in, self_of(a), OpKind::Acquire); }

// __aenter__: `await self.acquire(); return None`; a class with its own acquire() gets the
// Python form of that (locks.py's _aenter_acquire).
Result<Value> lock___aenter__(Interp& in, Args a) {
    LockObj* l = self_of(a);
    if (l->fast) return make_op(in, l, OpKind::Enter);
    Value slow = registered(in, l, "_aenter_acquire");
    return rt::call(in, slow, {a[0]});
}

// __aexit__: `self.release()` when awaited.
Result<Value> lock___aexit__(Interp& in, Args a) { return make_op(in, self_of(a), OpKind::Exit); }

// The await forms: the op's first step without the op when it does not wait.
Result<Value> lock_acquire_await(Interp& in, Args a, bool& done) {
    LockObj* l = self_of(a);
    if (!can_take(l)) return lock_acquire(in, a);
    take(l);
    done = true;
    return Value::boolean(true);
}

Result<Value> lock___aenter___await(Interp& in, Args a, bool& done) {
    LockObj* l = self_of(a);
    if (!l->fast || !can_take(l)) return lock___aenter__(in, a);
    take(l);
    done = true;
    return Value::none();
}

Result<Value> lock___aexit___await(Interp& in, Args a, bool& done) {
    EDDY_CHECK(call_release(in, self_of(a)));
    done = true;
    return Value::none();
}

// _waiters: None until the first wait, then a deque of the waiting futures (a copy).
Result<Value> lock_get_waiters(Interp& in, Args a) {
    LockObj* l = self_of(a);
    if (!l->has_waiters) return Value::none();
    rt::List* items = rt::make_list(in);
    items->items.assign(l->waiters.begin(), l->waiters.end());
    Value deque = registered(in, l, "_deque");
    if (deque.is_null()) return Value::from_obj(items);
    return rt::call(in, deque, {Value::from_obj(items)});
}

Result<Value> lock_get_locked(Interp&, Args a) { return Value::boolean(self_of(a)->value == 0); }

Result<Value> lock_set_locked(Interp& in, Args a) {
    self_of(a)->value = EDDY_TRY(rt::truthy(in, a[1])) ? 0 : 1;
    return Value::none();
}

Result<Value> lock_get_value(Interp&, Args a) { return Value::from_small_int(self_of(a)->value); }

Result<Value> lock_set_value(Interp& in, Args a) {
    self_of(a)->value = EDDY_TRY(rt::index_as_int64(in, a[1]));
    return Value::none();
}

Result<Value> lock_get_bound(Interp&, Args a) { return Value::from_small_int(self_of(a)->bound); }

Result<Value> lock_get_loop_attr(Interp&, Args a) {
    LockObj* l = self_of(a);
    return l->loop.is_null() ? Value::none() : l->loop;
}

Result<Value> lock__get_loop(Interp& in, Args a) {
    return Value::from_obj(EDDY_TRY(get_loop(in, self_of(a))));
}

} // namespace

bool is_lock_op(Interp&, Value v) {
    return Coroutine::is_op(v);
}

Result<Value> lock_op_coroutine(Interp& in, Value v) {
    Value wrap = registered(in, v.as<LockOp>()->lock, "_op_coroutine");
    if (wrap.is_null()) return in.raise(in.exc.RuntimeError, "asyncio locks are not set up");
    return rt::call(in, wrap, {v});
}

void init_lock_types(Interp& in, rt::Module* m) {
    Type* t = make_native_type(in, "_LockCore", "_asyncio", sizeof(LockObj));
    t->flags |= rt::TF_BaseType;
    t->new_ = lock_new;
    t->trace = lock_trace;
    t->finalize = lock_finalize;
    rt::add_methods(in, t, {
        {"_setup(self, kind, value, fast, /)", lock__setup},
        {"_get_loop(self, /)", lock__get_loop},
        {"locked(self, /)", lock_locked},
        {"acquire(self, /)", lock_acquire},
        {"release(self, /)", lock_release},
        {"__aenter__(self, /)", lock___aenter__},
        {"__aexit__(self, exc_type, exc, tb)", lock___aexit__},
    });
    rt::set_await_form(in, t, "acquire", lock_acquire_await);
    rt::set_await_form(in, t, "__aenter__", lock___aenter___await);
    rt::set_await_form(in, t, "__aexit__", lock___aexit___await);
    rt::add_getset(in, t, "_waiters", lock_get_waiters, nullptr);
    rt::add_getset(in, t, "_locked", lock_get_locked, lock_set_locked);
    rt::add_getset(in, t, "_value", lock_get_value, lock_set_value);
    rt::add_getset(in, t, "_bound_value", lock_get_bound, nullptr);
    rt::add_getset(in, t, "_loop", lock_get_loop_attr, nullptr);
    Type* op_type = Coroutine::make_type(in, op_trace, op_repr, op_throw, op_close);
    rt::dict_set_str(in, t->dict, in.intern("_op_type"), Value::from_obj(op_type));
    finish_native_type(in, t);
    rt::add_slot_wrappers(in, t);
    set_module_attr(in, m, "_LockCore", Value::from_obj(t));
}

} // namespace eddy::lib
