// stdlib/asyncio_op.hpp: the coroutine face of the native asyncio ops (a queue's get/put, a
// lock's acquire and `async with` steps), written once over the op type (internal to stdlib/).
// An op is the state machine of CPython's `async def` method: OpCoroutine<Op, step> gives it
// send/__next__/__await__/__iter__, the native-awaitable step a task's SEND uses, and its type.
// The op type supplies `step` (advance; `done` set with the result when finished), an
// `OpState state` member, and throw/close, which differ between the primitives.
#pragma once

#include "asyncio_internal.hpp"
#include "dict_object.hpp"
#include "generator_object.hpp"
#include "native.hpp"
#include "types.hpp"

namespace eddy::lib {

enum class OpState : uint8_t { Created, Waiting, Done };

template <class Op, Result<Value> (*step)(Interp&, Op*, bool&)>
struct OpCoroutine {
    // The SEND of `await op` (the op is a native awaitable, runtime/loop): a coroutine's send.
    static Result<Value> await_step(Interp& in, Value self, Value sent, bool& done) {
        auto* op = self.as<Op>();
        if (op->state == OpState::Created && !sent.is_none())
            return in.raise(in.exc.TypeError, "can't send non-None value to a just-started coroutine");
        return step(in, op, done);
    }

    // next(op): a finished step raises StopIteration(result), or is the plain end for None.
    static Result<Value> next_slot(Interp& in, Value self) {
        bool done = false;
        Value v = EDDY_TRY(step(in, self.as<Op>(), done));
        if (!done) return v;
        if (v.is_none()) return Value::null();
        return rt::raise_stop_iteration(in, v);
    }

    // op.__await__() and iter(op): the op is its own await iterator.
    static Result<Value> itself(Interp&, Args a) { return a[0]; }

    static Result<Value> send(Interp& in, Args a) {
        bool done = false;
        Value v = EDDY_TRY(await_step(in, a[0], a[1], done));
        if (done) return rt::raise_stop_iteration(in, v);
        return v;
    }

    static Result<Value> next(Interp& in, Args a) {
        bool done = false;
        Value v = EDDY_TRY(step(in, a[0].as<Op>(), done));
        if (done) return rt::raise_stop_iteration(in, v);
        return v;
    }

    static bool is_op(Value v) { return v.is_obj() && v.as_obj()->type->next == next_slot; }

    // The op type, registered as a native awaitable of this interpreter's loop.
    static Type* make_type(Interp& in, rt::TraceSlot trace, rt::ReprSlot repr, rt::NativeFn throw_fn,
                           rt::NativeFn close_fn) {
        Type* t = make_native_type(in, "coroutine", "_asyncio", sizeof(Op));
        t->trace = trace;
        t->repr = repr;
        t->next = next_slot;
        rt::add_methods(in, t, {
            {"__await__(self, /)", itself},
            {"__iter__(self, /)", itself},
            {"__next__(self, /)", next},
            {"send(self, value, /)", send},
            {"throw(self, typ, val=None, tb=None, /)", throw_fn},
            {"close(self, /)", close_fn},
        });
        finish_native_type(in, t);
        rt::loop::register_native_awaitable(in, t, await_step);
        return t;
    }

    // The op type a core keeps in its own dict as `_op_type`; found along the MRO by what it
    // is, so that a subclass's own `_op_type` attribute changes nothing.
    static Type* find_type(Interp& in, Type* type) {
        rt::Str* name = in.intern("_op_type");
        for (Type* b : type->mro) {
            Value v = rt::dict_get_str(b->dict, name);
            if (v.is_obj() && v.as_obj()->type == in.types.type && v.as<Type>()->next == next_slot)
                return v.as<Type>();
        }
        return nullptr;
    }
};

} // namespace eddy::lib
