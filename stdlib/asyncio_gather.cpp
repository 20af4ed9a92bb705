// stdlib/asyncio_gather.cpp: asyncio.gather and its _GatheringFuture, natively, step for step as
// CPython 3.11's Lib/asyncio/tasks.py writes them (gather, _GatheringFuture): every distinct
// argument becomes a child future carrying one done callback (tasks.py's `_done_callback`
// closure, here a small callable object holding the closure's cells); the first child to fail
// fails the outer future (unless return_exceptions), and once every child is done the outer
// future gets the results in argument order. Cancelling the outer future cancels the children.
//
// Why native: the Python version ran, per child, a dict lookup, ensure_future, a method call to
// add the callback, a Python callback frame and up to four method calls to read the child back.
// Children of the core future types are read natively; a Python subclass of Future may override
// those methods, so it gets the calls tasks.py makes.
#include <string>
#include <vector>

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
using rt::loop::Future;
using rt::loop::FutState;
using rt::loop::LoopState;

namespace {

// tasks._GatheringFuture: the future gather() returns.
struct GatheringFuture : Future {
    rt::List* children = nullptr;   // _children: the child future of each argument, in order
    bool cancel_requested = false;  // _cancel_requested: a cancel() reached some child
};

// gather's `_done_callback` closure: its cells (outer, children, nfuts, nfinished,
// return_exceptions).
struct GatherCallback : rt::Obj {
    GatheringFuture* outer = nullptr;   // null until gather() has made it (bpo-46672)
    rt::List* children = nullptr;
    Value return_exceptions = Value::boolean(false);
    int64_t nfuts = 0;                  // distinct children
    int64_t nfinished = 0;              // callbacks run so far
};

void gathering_trace(rt::Obj* o, rt::Tracer& tr) {
    auto* g = static_cast<GatheringFuture*>(o);
    o->type->base->trace(o, tr);   // Future's fields
    if (g->children) tr.mark(g->children);
}

void callback_trace(rt::Obj* o, rt::Tracer& tr) {
    auto* cb = static_cast<GatherCallback*>(o);
    if (cb->outer) tr.mark(cb->outer);
    if (cb->children) tr.mark(cb->children);
    tr.mark(cb->return_exceptions);
}

// ---- a child, read as tasks.py reads it ----

bool is_core_future(const LoopState& s, Value v) {
    Type* t = v.is_obj() ? v.as_obj()->type : nullptr;
    return t == s.future_type || t == s.task_type || t == s.gathering_future_type;
}

Result<bool> child_cancelled(Interp& in, Value f) {
    if (is_core_future(rt::loop::state(in), f)) return f.as<Future>()->state == FutState::Cancelled;
    Value r = EDDY_TRY(rt::call_method(in, f, in.intern("cancelled"), {}));
    return rt::truthy(in, r);
}

Result<Value> child_exception(Interp& in, Value f) {
    if (is_core_future(rt::loop::state(in), f)) return rt::loop::future_exception(in, f.as<Future>());
    return rt::call_method(in, f, in.intern("exception"), {});
}

Result<Value> child_result(Interp& in, Value f) {
    if (is_core_future(rt::loop::state(in), f)) return rt::loop::future_result(in, f.as<Future>());
    return rt::call_method(in, f, in.intern("result"), {});
}

Result<Value> child_make_cancelled_error(Interp& in, Value f) {
    if (is_core_future(rt::loop::state(in), f)) return rt::loop::make_cancelled_error(in, f.as<Future>());
    return rt::call_method(in, f, in.intern("_make_cancelled_error"), {});
}

Result<Value> child_cancel_message(Interp& in, Value f) {
    if (is_core_future(rt::loop::state(in), f)) return rt::loop::cancel_msg_of(f.as<Future>());
    return rt::get_attr(in, f, in.intern("_cancel_message"));
}

Result<bool> gathering_cancel(Interp& in, GatheringFuture* g, Value msg);

// child.cancel(msg=msg)
Result<bool> child_cancel(Interp& in, Value f, Value msg) {
    const LoopState& s = rt::loop::state(in);
    Type* t = f.is_obj() ? f.as_obj()->type : nullptr;
    if (t == s.task_type) return rt::loop::task_cancel(in, f.as<rt::loop::Task>(), msg);
    if (t == s.future_type) return rt::loop::future_cancel(in, f.as<Future>(), msg);
    if (t == s.gathering_future_type) return gathering_cancel(in, f.as<GatheringFuture>(), msg);
    Value cancel = EDDY_TRY(rt::get_attr(in, f, in.intern("cancel")));
    Value r = EDDY_TRY(call_kw(in, cancel, {}, {{"msg", msg}}));
    return rt::truthy(in, r);
}

// ---- _done_callback ----

// Every child is done: the results in argument order (a cancelled child's is a new
// CancelledError), or, when a cancel() was requested, the last child's CancelledError.
Status gather_finish(Interp& in, GatherCallback* cb, GatheringFuture* outer) {
    rt::List* results = rt::make_list(in);
    Value fut = Value::none();
    for (size_t i = 0; i < cb->children->items.size(); i++) {
        fut = cb->children->items[i];
        Value res;
        if (EDDY_TRY(child_cancelled(in, fut))) {
            Value msg = EDDY_TRY(child_cancel_message(in, fut));
            res = rt::loop::cancelled_error_for(in, msg.is_none() ? rt::str_value(in, "") : msg);
        } else {
            res = EDDY_TRY(child_exception(in, fut));
            if (res.is_none()) res = EDDY_TRY(child_result(in, fut));
        }
        results->items.push_back(res);
    }
    if (outer->cancel_requested) {
        // Issue 32684: a requested cancel wins over return_exceptions.
        Value exc = EDDY_TRY(child_make_cancelled_error(in, fut));
        return rt::loop::future_set_exception(in, outer, exc);
    }
    return rt::loop::future_set_result(in, outer, Value::from_obj(results));
}

Result<Value> gather_done(Interp& in, GatherCallback* cb, Value fut) {
    cb->nfinished++;
    GatheringFuture* outer = cb->outer;
    if (!outer || outer->state != FutState::Pending) {
        if (!EDDY_TRY(child_cancelled(in, fut))) EDDY_TRY(child_exception(in, fut));   // mark it retrieved
        return Value::none();
    }
    if (!EDDY_TRY(rt::truthy(in, cb->return_exceptions))) {
        if (EDDY_TRY(child_cancelled(in, fut))) {
            // Asked first: exception() would raise the CancelledError instead of returning it.
            Value exc = EDDY_TRY(child_make_cancelled_error(in, fut));
            EDDY_CHECK(rt::loop::future_set_exception(in, outer, exc));
            return Value::none();
        }
        Value exc = EDDY_TRY(child_exception(in, fut));
        if (!exc.is_none()) {
            EDDY_CHECK(rt::loop::future_set_exception(in, outer, exc));
            return Value::none();
        }
    }
    if (cb->nfinished == cb->nfuts) EDDY_CHECK(gather_finish(in, cb, outer));
    return Value::none();
}

Result<Value> callback_call(Interp& in, Value self, rt::CallArgs args) {
    if (args.count != 1 || args.kw_count() != 0) {
        if (args.kw_count() != 0)
            return in.raise(in.exc.TypeError, "_done_callback() got an unexpected keyword argument '" +
                                                  std::string((*args.kwnames)[0].as<rt::Str>()->view()) + "'");
        return in.raise(in.exc.TypeError, "_done_callback() takes 1 positional argument but " +
                                              std::to_string(args.count) + " were given");
    }
    return gather_done(in, self.as<GatherCallback>(), args.values[0]);
}

Result<Value> callback_repr(Interp& in, Value self) {
    return rt::str_value(in, "<function gather.<locals>._done_callback at " + rt::address_string(self.as_obj()) + ">");
}

Result<Value> callback_qualname(Interp& in, Args) { return rt::str_value(in, "gather.<locals>._done_callback"); }
Result<Value> callback_name(Interp& in, Args) { return rt::str_value(in, "_done_callback"); }

// ---- _GatheringFuture ----

// _GatheringFuture.cancel: cancel every child (a duplicate argument's child once per argument);
// the outer future is cancelled only once the children's CancelledErrors reach it, since a
// child may swallow its cancel.
Result<bool> gathering_cancel(Interp& in, GatheringFuture* g, Value msg) {
    if (g->state != FutState::Pending) return false;
    bool ret = false;
    for (size_t i = 0; g->children && i < g->children->items.size(); i++)
        if (EDDY_TRY(child_cancel(in, g->children->items[i], msg))) ret = true;
    if (ret) g->cancel_requested = true;
    return ret;
}

GatheringFuture* gf(Args a) { return a[0].as<GatheringFuture>(); }

Result<Value> gathering_future_cancel(Interp& in, Args a) {
    return Value::boolean(EDDY_TRY(gathering_cancel(in, gf(a), a[1])));
}

Result<Value> gathering_get_children(Interp&, Args a) {
    return gf(a)->children ? Value::from_obj(gf(a)->children) : Value::none();
}

Result<Value> gathering_get_cancel_requested(Interp&, Args a) { return Value::boolean(gf(a)->cancel_requested); }
Result<Value> gathering_set_cancel_requested(Interp& in, Args a) {
    gf(a)->cancel_requested = EDDY_TRY(rt::truthy(in, a[1]));
    return Value::none();
}

// _GatheringFuture(children, *, loop=None)
Result<Value> gathering_new(Interp& in, Type* type, rt::CallArgs args) {
    if (args.count != 1)
        return in.raise(in.exc.TypeError, "_GatheringFuture() takes 1 positional argument but " +
                                              std::to_string(args.count) + " were given");
    Value kw[1] = {Value::none()};
    EDDY_CHECK(bind_keywords_only(in, rt::CallArgs{args.values + 1, 0, args.kwnames}, "_GatheringFuture", {"loop"}, kw));
    rt::List* children = EDDY_TRY(rt::list_from_iterable(in, args.values[0]));
    EventLoop* loop = EDDY_TRY(loop_or_current(in, kw[0]));
    auto* g = in.heap.alloc<GatheringFuture>(type, size_t(type->instance_size));
    g->loop = Value::from_obj(loop);
    g->children = children;
    return Value::from_obj(g);
}

Status gathering_init(Interp&, Value, rt::CallArgs) { return rt::ok(); }

// ---- gather ----

// tasks._ensure_future(arg, loop=loop): a future as it is (of `loop`, when one is known), a
// coroutine or other awaitable as a new task.
Result<Value> ensure_child(Interp& in, Value arg, EventLoop* loop) {
    if (rt::loop::is_future(in, arg)) {
        if (loop && arg.as<Future>()->loop.as_obj() != loop)
            return in.raise(in.exc.ValueError,
                            "The future belongs to a different loop than the one specified as the loop argument");
        return arg;
    }
    Value coro = EDDY_TRY(awaitable_coroutine(in, arg));
    if (!loop) loop = EDDY_TRY(loop_or_current(in, Value::none()));
    if (loop->closed) {
        // loop.create_task refuses, and _ensure_future closes the coroutine it was given.
        if (coro.is(arg) && rt::is_generator(in, coro)) EDDY_CHECK(rt::gen_close(in, coro.as<rt::Generator>()));
        return in.raise(in.exc.RuntimeError, "Event loop is closed");
    }
    return Value::from_obj(EDDY_TRY(rt::loop::make_task(in, loop, coro, Value::null())));
}

// fut.add_done_callback(_done_callback)
Status child_add_done_callback(Interp& in, Value fut, GatherCallback* cb) {
    if (is_core_future(rt::loop::state(in), fut))
        return rt::loop::future_add_done_callback(in, fut.as<Future>(), Value::from_obj(cb));
    EDDY_TRY(rt::call_method(in, fut, in.intern("add_done_callback"), {Value::from_obj(cb)}));
    return rt::ok();
}

// Which earlier argument each argument repeats: gather's `arg_to_fut` dict. When every argument
// is a future or a coroutine (hashed and compared by identity) an identity table answers;
// otherwise a real dict does, with the arguments' own __hash__ and __eq__.
class SeenArgs {
public:
    SeenArgs(Interp& in, const rt::Tuple* args) : m_args(args) {
        const LoopState& s = rt::loop::state(in);
        for (size_t i = 0; i < args->size && m_identity; i++) {
            Value v = (*args)[i];
            Type* t = v.is_obj() ? v.as_obj()->type : nullptr;
            m_identity = is_core_future(s, v) || t == in.types.coroutine || t == in.types.generator;
        }
        if (!m_identity) {
            m_dict = rt::make_dict(in);
            return;
        }
        size_t cap = 16;
        while (cap < args->size * 2) cap *= 2;
        m_slots.assign(cap, 0);
    }

    // The index of the first argument equal to argument i, or -1 (then i is recorded).
    Result<int64_t> first_of(Interp& in, size_t i) {
        Value v = (*m_args)[i];
        if (m_dict) {
            Value j = EDDY_TRY(rt::dict_get(in, m_dict, v));
            if (!j.is_null()) return j.as_small_int();
            EDDY_CHECK(rt::dict_set(in, m_dict, v, Value::from_small_int(int64_t(i))));
            return -1;
        }
        size_t mask = m_slots.size() - 1;
        auto key = uintptr_t(v.as_obj());
        for (size_t h = size_t((key >> 4) * 0x9E3779B97F4A7C15ull) & mask;; h = (h + 1) & mask) {
            uint32_t slot = m_slots[h];
            if (slot == 0) {
                m_slots[h] = uint32_t(i + 1);
                return -1;
            }
            if ((*m_args)[slot - 1].is(v)) return int64_t(slot - 1);
        }
    }

private:
    const rt::Tuple* m_args;
    bool m_identity = true;
    rt::Dict* m_dict = nullptr;         // held by the native stack (scanned conservatively)
    std::vector<uint32_t> m_slots;      // argument index + 1, or 0 for an empty slot
};

// gather(*coros_or_futures, return_exceptions=False)
Result<Value> asyncio_gather(Interp& in, Args a) {
    LoopState& s = rt::loop::state(in);
    const rt::Tuple* args = a[0].as<rt::Tuple>();
    if (args->size == 0) {
        EventLoop* loop = EDDY_TRY(loop_or_current(in, Value::none()));
        Future* outer = rt::loop::make_future(in, loop);
        EDDY_CHECK(rt::loop::future_set_result(in, outer, Value::from_obj(rt::make_list(in))));
        return Value::from_obj(outer);
    }
    auto* cb = in.heap.alloc<GatherCallback>(s.gather_callback_type);
    cb->children = rt::make_list(in);
    cb->children->items.reserve(args->size);
    cb->return_exceptions = a[1];
    EventLoop* loop = nullptr;
    SeenArgs seen(in, args);
    for (size_t i = 0; i < args->size; i++) {
        int64_t first = EDDY_TRY(seen.first_of(in, i));
        if (first >= 0) {
            cb->children->items.push_back(cb->children->items[size_t(first)]);
            continue;
        }
        Value fut = EDDY_TRY(ensure_child(in, (*args)[i], loop));
        if (!loop) loop = fut.as<Future>()->loop.as<EventLoop>();
        cb->nfuts++;
        EDDY_CHECK(child_add_done_callback(in, fut, cb));
        cb->children->items.push_back(fut);
    }
    auto* outer = in.heap.alloc<GatheringFuture>(s.gathering_future_type);
    outer->loop = Value::from_obj(loop);
    outer->children = cb->children;
    cb->outer = outer;
    return Value::from_obj(outer);
}

} // namespace

void init_gather(Interp& in, rt::Module* m) {
    LoopState& s = rt::loop::state(in);
    Type* gt = make_native_type(in, "_GatheringFuture", "asyncio.tasks", sizeof(GatheringFuture));
    gt->base = s.future_type;
    gt->bases = {s.future_type};
    gt->mro = {gt, s.future_type, in.types.object};
    gt->trace = gathering_trace;
    gt->new_ = gathering_new;
    gt->init = gathering_init;
    gt->repr = s.future_type->repr;
    rt::add_methods(in, gt, {{"cancel(self, msg=None)", gathering_future_cancel}});
    rt::add_getset(in, gt, "_children", gathering_get_children, nullptr);
    rt::add_getset(in, gt, "_cancel_requested", gathering_get_cancel_requested, gathering_set_cancel_requested);
    finish_native_type(in, gt);
    s.gathering_future_type = gt;

    Type* ct = make_native_type(in, "function", "builtins", sizeof(GatherCallback));
    ct->trace = callback_trace;
    ct->call = callback_call;
    ct->repr = callback_repr;
    rt::add_getset(in, ct, "__qualname__", callback_qualname, nullptr);
    rt::add_getset(in, ct, "__name__", callback_name, nullptr);
    finish_native_type(in, ct);
    s.gather_callback_type = ct;

    set_module_attr(in, m, "_GatheringFuture", Value::from_obj(gt));
    rt::add_functions(in, m, {{"gather(*coros_or_futures, return_exceptions=False)", asyncio_gather}});
}

} // namespace eddy::lib
