// vm/gen_support.cpp: what the loop needs from generators and coroutines: linking a generator's
// frame and handled-exception level into the running chain, finishing it (PEP 479's StopIteration
// conversion), `yield from`/`await` operand preparation (GET_YIELD_FROM_ITER, GET_AWAITABLE,
// GET_AITER, GET_ANEXT) and SEND to receivers the loop cannot enter inline.
#include <string>

#include "runtime/exception_object.hpp"
#include "runtime/function_object.hpp"
#include "runtime/generator_object.hpp"
#include "runtime/interp.hpp"
#include "runtime/loop/loop.hpp"
#include "runtime/ops.hpp"
#include "vm/interpreter.hpp"
#include "vm/slow_paths.hpp"
#include "vm/vm_state.hpp"

namespace eddy::vm {

using rt::Value;

// PEP 479: a StopIteration escaping the body of a generator of type `kind` becomes RuntimeError
// (CPython's gen_send_ex2); so does StopAsyncIteration escaping an async generator.
static void convert_stop_iteration(rt::Interp& in, rt::Type* kind) {
    bool async_gen = kind == in.types.async_generator;
    Value exc = in.exception();
    rt::Type* et = rt::type_of(in, exc);
    const char* msg = nullptr;
    if (rt::is_subtype(et, in.exc.StopIteration)) {
        msg = kind == in.types.coroutine ? "coroutine raised StopIteration"
              : async_gen                ? "async generator raised StopIteration"
                                         : "generator raised StopIteration";
    } else if (async_gen && rt::is_subtype(et, in.exc.StopAsyncIteration)) {
        msg = "async generator raised StopAsyncIteration";
    }
    if (!msg) return;
    in.take_exception();
    (void)in.raise(in.exc.RuntimeError, msg);
    auto* err = in.exception().as<rt::BaseException>();
    err->cause = exc;
    err->context = exc;
    err->suppress_context = true;
}

void gen_raised(rt::Interp& in, rt::Generator* gen) {
    gen->state = rt::GenState::Done;
    gen_unlink(in, gen);
    convert_stop_iteration(in, gen->type);
}

void awaited_frame_raised(rt::Interp& in) { convert_stop_iteration(in, in.types.coroutine); }

rt::Generator* adopt_awaited_frame(rt::Interp& in, Frame* f) {
    VmState& vm = *in.vm;
    rt::Generator* g;
    if (vm.coro_cache_count) {
        g = vm.coro_cache[--vm.coro_cache_count];
        g->frame = f;
        g->func = f->func;
        f->gen = g;
    } else {
        g = rt::make_generator(in, f->func, f);
    }
    g->recyclable = true;   // its awaiter's slot is still the only reference
    // Linked as SEND would have at the call (the call already counted the recursion level); its
    // handled exception is None, which the frame never changed (no PUSH_EXC_INFO).
    g->state = rt::GenState::Running;
    g->exc_state.value = Value::none();
    g->exc_state.previous = vm.exc_info;
    vm.exc_info = &g->exc_state;
    f->returns_to = ReturnTo::Push;
    f->previous->sp[-1] = Value::from_obj(g);   // the awaiter's SEND slot
    return g;
}

void gen_release_frame(rt::Interp& in, rt::Generator* gen) {
    Frame* f = gen->frame;
    if (!f) return;
    if (f->on_data_stack) in.vm->stack_top = reinterpret_cast<Value*>(f);   // never suspended
    else release_heap_frame(in, f);
    gen->frame = nullptr;
}

// Gives back start_awaited_call's frame before any coroutine owns it.
static void drop_unstarted_frame(rt::Interp& in, Frame* f) {
    if (f->on_data_stack) in.vm->stack_top = reinterpret_cast<Value*>(f);
    else release_heap_frame(in, f);
}

rt::Generator* start_awaited_call(rt::Interp& in, rt::Function* fn, const Value* args, size_t npos,
                                  rt::Tuple* kwnames, Frame* caller) {
    VmState& vm = *in.vm;
    rt::CodeObject* code = fn->code;
    Frame* f = push_coroutine_frame(in, code, fn);
    if (!f) f = alloc_heap_frame(in, code, fn, fn->globals, fn->builtins);
    if (code->awaited_argcount == int32_t(npos) && !kwnames) {
        // Every parameter gets its positional argument: nothing else to bind.
        Value* lp = f->localsplus();
        for (size_t i = 0; i < npos; ++i) lp[i] = args[i];
    } else if (bind_arguments(in, fn, f, args, npos, kwnames).is_error()) {
        drop_unstarted_frame(in, f);
        return nullptr;
    }
    if (vm.depth >= vm.recursion_limit) {
        // Where SEND would have raised it, entering the new coroutine (runaway async recursion).
        drop_unstarted_frame(in, f);
        (void)in.raise(in.exc.RecursionError, "maximum recursion depth exceeded");
        return nullptr;
    }
    rt::Generator* g;
    if (vm.coro_cache_count) {
        g = vm.coro_cache[--vm.coro_cache_count];
        g->frame = f;
        g->state = rt::GenState::Created;
        g->exc_state = ExcInfo{};
        g->func = fn;
        f->gen = g;
    } else {
        g = rt::make_generator(in, fn, f);
    }
    g->recyclable = true;
    f->is_entry = false;
    gen_link(in, g, caller);
    return g;
}

static bool is_coroutine_like(rt::Interp& in, Value v) {
    if (!v.is_obj()) return false;
    rt::Type* t = v.as_obj()->type;
    if (t == in.types.coroutine) return true;
    return t == in.types.generator && (v.as<rt::Generator>()->code()->flags & CO_ITERABLE_COROUTINE);
}

rt::Result<Value> get_yield_from_iter(rt::Interp& in, Frame* frame, Value iterable) {
    if (iterable.is_obj() && iterable.as_obj()->type == in.types.coroutine) {
        if (!(frame->code->flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE)))
            return in.raise(in.exc.TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator");
        return iterable;
    }
    if (iterable.is_obj() && iterable.as_obj()->type == in.types.generator) return iterable;
    return rt::get_iter(in, iterable);
}

// The sub-iterator a suspended generator is delegating to (`yield from`/`await`), or null.
Value gen_yield_from(rt::Generator* gen) {
    if (gen->state != rt::GenState::Suspended || !gen->frame) return Value::null();
    Frame* f = gen->frame;
    if (f->ip - f->code->instrs < 2) return Value::null();
    if (f->ip[-1].op() != Op::YIELD_VALUE || f->ip[-2].op() != Op::SEND) return Value::null();
    return f->sp[-1];
}

Value gen_yield_from_unshared(rt::Interp& in, rt::Generator* gen) {
    Value yf = gen_yield_from(gen);
    if (yf.is_null() || !rt::loop::is_event_token(in, yf)) return yf;
    yf = Value::from_obj(rt::loop::event_token_unshare(in, yf.as<rt::loop::EventToken>(), gen));
    gen->frame->sp[-1] = yf;
    return yf;
}

// Frame `f` waits in an await (or `yield from`) whose SEND it has just run: suspended at the
// YIELD_VALUE after it, or the SEND entered the awaited generator inline (the fused await call
// and `async for`'s fused GET_ANEXT leave the same picture).
static bool in_await_send(const Frame* f) {
    const Instr* ip = f->ip;
    size_t at = size_t(ip - f->code->instrs);
    if (at >= 1 && ip[-1].op() == Op::SEND) return ip[0].op() == Op::YIELD_VALUE;
    return at >= 2 && ip[-1].op() == Op::YIELD_VALUE && ip[-2].op() == Op::SEND;
}

bool yields_reach(rt::Interp& in, rt::Generator* outer) {
    const Frame* f = in.vm->current;
    while (f && !f->is_entry) {
        const Frame* caller = f->previous;
        // A generator frame, or a coroutine the fused `await f(...)` runs with no object yet
        // (it gets one when it suspends, before its yield reaches the awaiter).
        bool awaited = f->gen || f->returns_to == ReturnTo::Awaiter;
        if (!awaited || !caller || !in_await_send(caller)) return false;
        f = caller;
    }
    return f && f->gen == outer;
}

bool awaits_through(rt::Interp& in, rt::Generator* outer, rt::Generator* inner) {
    rt::Generator* g = outer;
    // Bounded by the recursion limit: a chain is never deeper than the frames it can run.
    for (int level = 0; level <= in.vm->recursion_limit; ++level) {
        if (g == inner) return true;
        if (!g->frame || g->state == rt::GenState::Created || g->state == rt::GenState::Done ||
            !in_await_send(g->frame))
            return false;
        Value sub = g->frame->sp[-1];
        if (rt::is_generator(in, sub)) g = sub.as<rt::Generator>();
        else if (rt::is_async_gen_op(in, sub)) g = sub.as<rt::AsyncGenOp>()->gen;
        else return false;
    }
    return false;
}

rt::Result<Value> get_awaitable(rt::Interp& in, Value obj, uint32_t where) {
    if (is_coroutine_like(in, obj)) {
        if (obj.as_obj()->type == in.types.coroutine && !gen_yield_from(obj.as<rt::Generator>()).is_null())
            return in.raise(in.exc.RuntimeError, "coroutine is being awaited already");
        return obj;
    }
    // A future or a sleep is its own await iterator (asyncio's fast path, runtime/loop/).
    if (rt::loop::is_native_awaitable(in, obj)) {
        if (obj.as_obj()->type == in.loop_state->sleep_coro_type)
            EDDY_CHECK(rt::loop::sleep_check_awaitable(in, obj.as<rt::loop::SleepCoroutine>()));
        return obj;
    }
    rt::Type* t = rt::type_of(in, obj);
    Value await = rt::type_lookup(t, in.names.dunder_await);
    if (await.is_null()) {
        std::string tn(t->name);
        if (where == 1)
            return in.raise(in.exc.TypeError, "'async with' received an object from __aenter__ that does not implement __await__: " + tn);
        if (where == 2)
            return in.raise(in.exc.TypeError, "'async with' received an object from __aexit__ that does not implement __await__: " + tn);
        return in.raise(in.exc.TypeError, "object " + tn + " can't be used in 'await' expression");
    }
    Value method = EDDY_TRY(rt::get_attr(in, obj, in.names.dunder_await));
    Value it = EDDY_TRY(rt::call(in, method, {}));
    if (is_coroutine_like(in, it)) return in.raise(in.exc.TypeError, "__await__() returned a coroutine");
    rt::Type* it_type = rt::type_of(in, it);
    if (!it_type->next && rt::type_lookup(it_type, in.names.dunder_next).is_null()) {
        return in.raise(in.exc.TypeError, "__await__() returned non-iterator of type '" +
                                              std::string(it_type->name) + "'");
    }
    return it;
}

rt::Result<Value> get_aiter(rt::Interp& in, Value obj) {
    rt::Type* t = rt::type_of(in, obj);
    if (rt::type_lookup(t, in.names.dunder_aiter).is_null()) {
        return in.raise(in.exc.TypeError, "'async for' requires an object with __aiter__ method, got " +
                                              std::string(t->name));
    }
    Value it = EDDY_TRY(rt::call_method(in, obj, in.names.dunder_aiter, {}));
    rt::Type* it_type = rt::type_of(in, it);
    if (rt::type_lookup(it_type, in.names.dunder_anext).is_null()) {
        return in.raise(in.exc.TypeError,
                        "'async for' received an object from __aiter__ that does not implement __anext__: " +
                            std::string(it_type->name));
    }
    return it;
}

rt::Result<Value> get_anext(rt::Interp& in, Value aiter) {
    rt::Type* t = rt::type_of(in, aiter);
    if (t == in.types.async_generator) return rt::async_gen_anext(in, aiter.as<rt::Generator>());
    if (rt::type_lookup(t, in.names.dunder_anext).is_null()) {
        return in.raise(in.exc.TypeError, "'async for' requires an iterator with __anext__ method, got " +
                                              std::string(t->name));
    }
    Value next = EDDY_TRY(rt::call_method(in, aiter, in.names.dunder_anext, {}));
    Value awaitable = get_awaitable(in, next, 0).value();
    if (awaitable.is_error()) {
        if (!in.exception_matches(in.exc.TypeError)) return rt::Error{};
        in.take_exception();
        return in.raise(in.exc.TypeError, "'async for' received an invalid object from __anext__: " +
                                              std::string(rt::type_name(in, next)));
    }
    return awaitable;
}

rt::Result<Value> send_slow(rt::Interp& in, Value sub, Value value, bool& done) {
    if (sub.is_obj() && (sub.as_obj()->type == in.types.generator || sub.as_obj()->type == in.types.coroutine)) {
        bool returned = false;
        Value v = EDDY_TRY(rt::gen_send(in, sub.as<rt::Generator>(), value, returned));
        done = returned;
        return v;
    }
    if (rt::is_async_gen_op(in, sub)) {
        // `async for` over an async generator: its items arrive without a StopIteration each.
        Value v = rt::async_gen_op_send(in, sub, value, done).value();
        if (!v.is_error() || !in.exception_matches(in.exc.StopIteration)) return v;
        done = true;
        return rt::take_stop_iteration_value(in);
    }
    if (rt::loop::is_event_token(in, sub)) {
        // The SEND's receiver slot (SEND saved the frame: the sent value is above it).
        Frame* f = in.vm->current;
        return rt::loop::event_token_send(in, f->sp - 2, f->gen, done);
    }
    bool handled = false;
    Value fv = EDDY_TRY(rt::loop::await_send(in, sub, value, done, handled));
    if (handled) return fv;
    rt::Type* t = rt::type_of(in, sub);
    if (t == in.types.coroutine_wrapper) {
        // `yield from coro.__await__()`: the wrapper's coroutine, whose return value the
        // next slot would drop.
        bool returned = false;
        Value v = EDDY_TRY(rt::gen_send(in, sub.as<rt::CoroutineWrapper>()->coro, value, returned));
        done = returned;
        return v;
    }
    Value v;
    // A class's own __next__ is called as a method: its StopIteration carries the value `yield
    // from` returns, which the next slot's exhaustion convention would drop.
    if (value.is_none() && t->next && !(t->flags & rt::TF_HeapType)) {
        v = t->next(in, sub).value();
    } else if (value.is_none()) {
        v = rt::call_method(in, sub, in.names.dunder_next, {}).value();
    } else {
        v = rt::call_method(in, sub, in.names.send, {value}).value();
    }
    if (v.is_error()) {
        if (!in.exception_matches(in.exc.StopIteration)) return rt::Error{};
        done = true;
        return rt::take_stop_iteration_value(in);
    }
    if (v.is_null()) {
        done = true;
        return Value::none();
    }
    return v;
}

} // namespace eddy::vm
