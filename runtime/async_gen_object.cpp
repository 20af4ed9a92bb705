// runtime/async_gen_object.cpp: async generators' awaitables: asend (also __anext__), athrow
// and aclose, following CPython 3.11's Objects/genobject.c (async_gen_asend_send,
// async_gen_athrow_send, async_gen_unwrap_value). The async generator's own yields are flagged
// (ASYNC_GEN_WRAP sets Generator::wrapped_yield) and finish the awaitable: `done` with the value
// for the VM's await loop, StopIteration(value) for a Python-level send(); other yielded values
// come from awaits inside the body and pass through to the event loop.
#include <string>

#include "exception_object.hpp"
#include "generator_object.hpp"
#include "interp.hpp"
#include "native.hpp"
#include "ops.hpp"

namespace eddy::rt {

namespace {

using Op = AsyncGenOp;

// Reads and clears the flag saying the step ended in the generator's own yield.
bool take_wrapped(Generator* gen) {
    bool wrapped = gen->wrapped_yield;
    gen->wrapped_yield = false;
    return wrapped;
}

// CPython's async_gen_unwrap_value, given gen_send's outcome.
Result<Value> unwrap_value(Interp& in, Generator* gen, Result<Value> r, bool returned, bool& done) {
    if (r.is_error() || returned) {
        if (!r.is_error()) (void)in.raise(in.exc.StopAsyncIteration);
        gen->running_async = false;   // whatever ended it, as python3 (3.11.7) behaves
        return Error{};
    }
    if (take_wrapped(gen)) {
        gen->running_async = false;
        done = true;
    }
    return r;
}

Op* make_op(Interp& in, Generator* gen, Op::Kind kind, Value value) {
    Type* t = kind == Op::Kind::Send ? in.types.async_gen_asend : in.types.async_gen_athrow;
    Op* op = in.heap.alloc<Op>(t);
    op->gen = gen;
    op->kind = kind;
    op->value = value;
    return op;
}

Result<Value> asend_send(Interp& in, Op* o, Value arg, bool& done) {
    if (o->state == Op::State::Closed)
        return in.raise(in.exc.RuntimeError, "cannot reuse already awaited __anext__()/asend()");
    if (o->state == Op::State::Init) {
        if (o->gen->running_async)
            return in.raise(in.exc.RuntimeError, "anext(): asynchronous generator is already running");
        if (arg.is_none()) arg = o->value;
        o->state = Op::State::Iter;
    }
    o->gen->running_async = true;
    bool returned = false;
    Result<Value> r = gen_send(in, o->gen, arg, returned);
    Result<Value> out = unwrap_value(in, o->gen, r, returned, done);
    if (out.is_error() || done) o->state = Op::State::Closed;
    return out;
}

Error ignored_exit(Interp& in, Op* o) {
    o->gen->running_async = false;
    o->state = Op::State::Closed;
    return in.raise(in.exc.RuntimeError, "async generator ignored GeneratorExit");
}

Error athrow_check_error(Interp& in, Op* o) {
    o->gen->running_async = false;
    o->state = Op::State::Closed;
    if (o->kind == Op::Kind::Close &&
        (in.exception_matches(in.exc.StopAsyncIteration) || in.exception_matches(in.exc.GeneratorExit))) {
        in.take_exception();
        return in.raise(in.exc.StopIteration);
    }
    return Error{};
}

// athrow(): the generator's own yield finishes the awaitable as the caught exception's answer.
Result<Value> athrow_unwrap(Interp& in, Op* o, Result<Value> r, bool returned, bool& done) {
    Result<Value> out = unwrap_value(in, o->gen, r, returned, done);
    if (out.is_error()) return athrow_check_error(in, o);
    if (done) o->state = Op::State::Closed;
    return out;
}

Result<Value> athrow_send(Interp& in, Op* o, Value arg, bool& done) {
    Generator* gen = o->gen;
    if (o->state == Op::State::Closed)
        return in.raise(in.exc.RuntimeError, "cannot reuse already awaited aclose()/athrow()");
    if (gen->state == GenState::Done) {
        o->state = Op::State::Closed;
        return in.raise(in.exc.StopIteration);
    }
    bool returned = false;
    if (o->state == Op::State::Init) {
        if (gen->running_async) {
            o->state = Op::State::Closed;
            return in.raise(in.exc.RuntimeError, o->kind == Op::Kind::Close
                                                     ? "aclose(): asynchronous generator is already running"
                                                     : "athrow(): asynchronous generator is already running");
        }
        if (gen->closed) {
            o->state = Op::State::Closed;
            return in.raise(in.exc.StopAsyncIteration);
        }
        if (!arg.is_none())
            return in.raise(in.exc.RuntimeError, "can't send non-None value to a just-started coroutine");
        o->state = Op::State::Iter;
        gen->running_async = true;
        if (o->kind == Op::Kind::Close) {
            gen->closed = true;
            Value exc = Value::from_obj(make_exception(in, in.exc.GeneratorExit, std::string_view{}));
            Result<Value> r = gen_throw(in, gen, exc, returned);
            if (r.is_error() || returned) {
                if (!r.is_error()) (void)in.raise(in.exc.StopAsyncIteration);
                return athrow_check_error(in, o);
            }
            if (take_wrapped(gen)) return ignored_exit(in, o);
            return r;
        }
        Result<Value> r = gen_throw(in, gen, o->value, returned);
        return athrow_unwrap(in, o, r, returned, done);
    }
    Result<Value> r = gen_send(in, gen, arg, returned);
    if (o->kind != Op::Kind::Close) return athrow_unwrap(in, o, r, returned, done);
    if (r.is_error() || returned) {
        if (!r.is_error()) (void)in.raise(in.exc.StopAsyncIteration);
        return athrow_check_error(in, o);
    }
    if (take_wrapped(gen)) return ignored_exit(in, o);
    return r;
}

Result<Value> op_send(Interp& in, Op* o, Value arg, bool& done) {
    return o->kind == Op::Kind::Send ? asend_send(in, o, arg, done) : athrow_send(in, o, arg, done);
}

Result<Value> op_throw(Interp& in, Op* o, Value exc, bool& done) {
    if (o->state == Op::State::Closed) {
        return in.raise(in.exc.RuntimeError, o->kind == Op::Kind::Send
                                                 ? "cannot reuse already awaited __anext__()/asend()"
                                                 : "cannot reuse already awaited aclose()/athrow()");
    }
    bool returned = false;
    Result<Value> r = gen_throw(in, o->gen, exc, returned);
    if (o->kind != Op::Kind::Close) {
        Result<Value> out = unwrap_value(in, o->gen, r, returned, done);
        if (out.is_error() || done) o->state = Op::State::Closed;
        return out;
    }
    if (!r.is_error() && !returned && take_wrapped(o->gen)) return ignored_exit(in, o);
    if (r.is_error() || returned) {
        if (!r.is_error()) (void)in.raise(in.exc.StopAsyncIteration);
        return athrow_check_error(in, o);
    }
    return r;
}

// ---- Python-visible methods ----

Op* self_op(Args args) { return args[0].as<Op>(); }

// The Python-level protocol: a finished step is StopIteration(result).
Result<Value> stop_if_done(Interp& in, Result<Value> r, bool done) {
    if (r.is_error() || !done) return r;
    return raise_stop_iteration(in, r.value());
}

Result<Value> op_next_slot(Interp& in, Value self) {
    bool done = false;
    Result<Value> r = op_send(in, self.as<Op>(), Value::none(), done);
    return stop_if_done(in, r, done);
}

Result<Value> op_iter_slot(Interp&, Value self) { return self; }

Result<Value> async_generator_asend_send(Interp& in, Args args) {
    bool done = false;
    Result<Value> r = op_send(in, self_op(args), args[1], done);
    return stop_if_done(in, r, done);
}

Result<Value> async_generator_asend_throw(Interp& in, Args args) {
    Value exc = EDDY_TRY(gen_throw_args(in, args[1], args[2], args[3]));
    bool done = false;
    Result<Value> r = op_throw(in, self_op(args), exc, done);
    return stop_if_done(in, r, done);
}

Result<Value> async_generator_asend_close(Interp&, Args args) {
    self_op(args)->state = Op::State::Closed;
    return Value::none();
}

Result<Value> async_generator_asend___await__(Interp&, Args args) { return args[0]; }

void op_trace(Obj* self, Tracer& t) {
    auto* o = static_cast<Op*>(self);
    t.mark(o->gen);
    t.mark(o->value);
}

Generator* self_agen(Args args) { return args[0].as<Generator>(); }

Result<Value> async_generator_asend(Interp& in, Args args) {
    return Value::from_obj(make_op(in, self_agen(args), Op::Kind::Send, args[1]));
}

Result<Value> async_generator___anext__(Interp& in, Args args) {
    return Value::from_obj(make_op(in, self_agen(args), Op::Kind::Send, Value::none()));
}

Result<Value> async_generator___aiter__(Interp&, Args args) { return args[0]; }

Result<Value> async_generator_athrow(Interp& in, Args args) {
    Value exc = EDDY_TRY(gen_throw_args(in, args[1], args[2], args[3]));
    return Value::from_obj(make_op(in, self_agen(args), Op::Kind::Throw, exc));
}

Result<Value> async_generator_aclose(Interp& in, Args args) {
    return Value::from_obj(make_op(in, self_agen(args), Op::Kind::Close, Value::none()));
}

} // namespace

Value async_gen_anext(Interp& in, Generator* gen) {
    return Value::from_obj(make_op(in, gen, Op::Kind::Send, Value::none()));
}

bool is_async_gen_op(const Interp& in, Value v) {
    if (!v.is_obj()) return false;
    Type* t = v.as_obj()->type;
    return t == in.types.async_gen_asend || t == in.types.async_gen_athrow;
}

Result<Value> async_gen_op_send(Interp& in, Value op, Value arg, bool& done) {
    return op_send(in, op.as<Op>(), arg, done);
}

void init_async_gen_types(Interp& in) {
    add_methods(in, in.types.async_generator, {
        {"asend(self, value, /)", async_generator_asend},
        {"athrow(self, typ, val=None, tb=None, /)", async_generator_athrow},
        {"aclose(self, /)", async_generator_aclose},
        {"__aiter__(self, /)", async_generator___aiter__},
        {"__anext__(self, /)", async_generator___anext__},
    });
    for (Type* t : {in.types.async_gen_asend, in.types.async_gen_athrow}) {
        t->base = in.types.object;
        t->bases = {in.types.object};
        t->instance_size = sizeof(Op);
        t->trace = op_trace;
        t->iter = op_iter_slot;
        t->next = op_next_slot;
        add_methods(in, t, {
            {"send(self, value, /)", async_generator_asend_send},
            {"throw(self, typ, val=None, tb=None, /)", async_generator_asend_throw},
            {"close(self, /)", async_generator_asend_close},
            {"__await__(self, /)", async_generator_asend___await__},
        });
    }
}

} // namespace eddy::rt
