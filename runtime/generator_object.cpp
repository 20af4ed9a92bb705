// runtime/generator_object.cpp: generator and coroutine objects: resumption through the VM,
// send/throw/close with CPython 3.11's semantics (Objects/genobject.c: gen_send_ex2, _gen_throw,
// gen_close), their attributes, and coroutine.__await__'s coroutine_wrapper. Async generators'
// asend/athrow objects are in async_gen_object.cpp.
#include "generator_object.hpp"

#include <cstdio>
#include <string>

#include "dict_object.hpp"
#include "exception_object.hpp"
#include "function_object.hpp"
#include "interp.hpp"
#include "loop/loop.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "str_object.hpp"
#include "traceback.hpp"
#include "tuple_object.hpp"
#include "vm/interpreter.hpp"
#include "vm/slow_paths.hpp"

namespace eddy::rt {

namespace {

enum class Flavor { Generator, Coroutine, AsyncGenerator };

Flavor flavor_of(Interp& in, Generator* g) {
    if (g->type == in.types.coroutine) return Flavor::Coroutine;
    if (g->type == in.types.async_generator) return Flavor::AsyncGenerator;
    return Flavor::Generator;
}

const char* kind_name(Interp& in, Generator* g) {
    switch (flavor_of(in, g)) {
    case Flavor::Coroutine: return "coroutine";
    case Flavor::AsyncGenerator: return "async generator";
    default: return "generator";
    }
}

// Runs the frame one step. The caller checked the state (Created or Suspended).
Result<Value> resume(Interp& in, Generator* g, Value value, bool throwing, bool& returned) {
    vm::VmState& vm = *in.vm;
    if (vm.depth >= vm.recursion_limit)
        return in.raise(in.exc.RecursionError, "maximum recursion depth exceeded");
    vm::Frame* f = g->frame;
    if (!throwing && g->state == GenState::Suspended) *f->sp++ = value;
    f->is_entry = true;
    vm::gen_link(in, g, vm.current);
    Value result;
    vm::Exit e = vm::run_frame(in, f, result, throwing);
    returned = e == vm::Exit::Returned;
    if (e == vm::Exit::Raised) return Error{};
    return result;
}

} // namespace

Generator* make_generator(Interp& in, Function* func, vm::Frame* frame) {
    Type* t = in.types.generator;
    if (func->code->flags & vm::CO_COROUTINE) t = in.types.coroutine;
    else if (func->code->flags & vm::CO_ASYNC_GENERATOR) t = in.types.async_generator;
    Generator* g = in.heap.alloc<Generator>(t);
    g->frame = frame;
    g->func = func;
    frame->gen = g;
    return g;
}

bool is_generator(const Interp& in, Value v) {
    if (!v.is_obj()) return false;
    Type* t = v.as_obj()->type;
    return t == in.types.generator || t == in.types.coroutine || t == in.types.async_generator;
}

Error raise_stop_iteration(Interp& in, Value value) {
    if (value.is_none()) return in.raise(in.exc.StopIteration);
    Tuple* args = make_tuple(in, 1);
    args->items()[0] = value;
    BaseException* e = make_exception(in, in.exc.StopIteration, args);
    if (e->dict) dict_set_str(in, e->dict, in.names.value, value);
    return in.raise_value(Value::from_obj(e));
}

Value take_stop_iteration_value(Interp& in) {
    Value exc = in.take_exception();
    if (!is_exception_instance(in, exc)) return Value::none();
    auto* be = exc.as<BaseException>();
    if (be->dict) {
        Value v = dict_get_str(be->dict, in.names.value);
        if (!v.is_null()) return v;
    }
    if (be->args && be->args->size) return (*be->args)[0];
    return Value::none();
}

// CPython's gen_send_ex2 preamble: the states that cannot run.
Result<Value> gen_send(Interp& in, Generator* g, Value value, bool& returned) {
    returned = false;
    if (g->state == GenState::Created && !value.is_none()) {
        return in.raise(in.exc.TypeError, std::string("can't send non-None value to a just-started ") +
                                              kind_name(in, g));
    }
    if (g->state == GenState::Running)
        return in.raise(in.exc.ValueError, std::string(kind_name(in, g)) + " already executing");
    if (g->state == GenState::Done) {
        if (flavor_of(in, g) == Flavor::Coroutine)
            return in.raise(in.exc.RuntimeError, "cannot reuse already awaited coroutine");
        returned = true;
        return Value::none();
    }
    return resume(in, g, value, false, returned);
}

static Status close_iter(Interp& in, Value yf) {
    if (is_generator(in, yf) && yf.as_obj()->type != in.types.async_generator)
        return gen_close(in, yf.as<Generator>());
    Value close = EDDY_TRY(get_attr_or_null(in, yf, in.names.close));
    if (close.is_null()) return ok();
    EDDY_TRY(call(in, close, {}));
    return ok();
}

// Throws the pending exception into the frame at its current instruction.
static Result<Value> throw_here(Interp& in, Generator* g, bool& returned) {
    if (g->state == GenState::Created) {
        // Nothing has run: the exception escapes at once and the generator is finished.
        g->state = GenState::Done;
        vm::gen_release_frame(in, g);
        return Error{};
    }
    if (g->state == GenState::Done) {
        if (flavor_of(in, g) == Flavor::Coroutine) {
            in.take_exception();
            return in.raise(in.exc.RuntimeError, "cannot reuse already awaited coroutine");
        }
        return Error{};
    }
    return resume(in, g, Value::none(), true, returned);
}

// The delegated-to iterator finished during a throw: leave the `yield from` loop (CPython's
// _gen_throw "Termination repetition of SEND loop") and continue the frame after it.
static Result<Value> leave_yield_from(Interp& in, Generator* g, bool& returned) {
    vm::Frame* f = g->frame;
    --f->sp;                                   // pop the sub-iterator
    f->ip = f->code->instrs + f->ip[-2].arg(); // SEND's exit target
    if (in.exception_matches(in.exc.StopIteration)) {
        Value v = take_stop_iteration_value(in);
        return resume(in, g, v, false, returned);
    }
    return resume(in, g, Value::none(), true, returned);
}

Result<Value> gen_throw(Interp& in, Generator* g, Value exc, bool& returned) {
    returned = false;
    if (g->state == GenState::Running)
        return in.raise(in.exc.ValueError, std::string(kind_name(in, g)) + " already executing");
    Value yf = vm::gen_yield_from_unshared(in, g);
    if (!yf.is_null()) {
        if (is_subtype(type_of(in, exc), in.exc.GeneratorExit)) {
            g->state = GenState::Running;
            Status st = close_iter(in, yf);
            g->state = GenState::Suspended;
            if (st.is_error()) return resume(in, g, Value::none(), true, returned);
            in.set_exception(exc);
            return throw_here(in, g, returned);
        }
        Value r;
        bool sub_returned = false;
        g->state = GenState::Running;
        if (is_generator(in, yf) && yf.as_obj()->type != in.types.async_generator) {
            r = gen_throw(in, yf.as<Generator>(), exc, sub_returned).value();
            if (!r.is_error() && sub_returned) {
                Value rv = r;
                r = Value::error();
                (void)raise_stop_iteration(in, rv);
            }
        } else {
            Value meth = get_attr_or_null(in, yf, in.names.throw_).value();
            if (meth.is_error()) {
                g->state = GenState::Suspended;
                return resume(in, g, Value::none(), true, returned);
            }
            if (meth.is_null()) {
                g->state = GenState::Suspended;
                in.set_exception(exc);
                return throw_here(in, g, returned);
            }
            r = call(in, meth, {exc}).value();
        }
        g->state = GenState::Suspended;
        if (r.is_error()) return leave_yield_from(in, g, returned);
        return r;
    }
    in.set_exception(exc);
    return throw_here(in, g, returned);
}

Status gen_close(Interp& in, Generator* g) {
    if (g->state == GenState::Created) {
        g->state = GenState::Done;
        vm::gen_release_frame(in, g);
        return ok();
    }
    if (g->state == GenState::Done) return ok();
    if (g->state == GenState::Running)
        return in.raise(in.exc.ValueError, std::string(kind_name(in, g)) + " already executing");
    Value yf = vm::gen_yield_from_unshared(in, g);
    bool err = false;
    if (!yf.is_null()) {
        g->state = GenState::Running;
        err = close_iter(in, yf).is_error();
        g->state = GenState::Suspended;
    }
    if (!err) (void)in.raise(in.exc.GeneratorExit);
    bool returned = false;
    Value r = resume(in, g, Value::none(), true, returned).value();
    if (!r.is_error()) {
        if (returned) return ok();
        return in.raise(in.exc.RuntimeError, std::string(kind_name(in, g)) + " ignored GeneratorExit");
    }
    if (in.exception_matches(in.exc.GeneratorExit) || in.exception_matches(in.exc.StopIteration)) {
        in.take_exception();
        return ok();
    }
    return Error{};
}

// The exception gen.throw(typ, val, tb) throws (CPython's _gen_throw argument checks).
static Result<Value> normalize_throw_args(Interp& in, Value typ, Value val, Value tb) {
    Value exc;
    if (is_exception_class(in, typ)) {
        if (!val.is_null() && !val.is_none() && is_subtype(type_of(in, val), typ.as<Type>())) {
            exc = val;
        } else if (val.is_null() || val.is_none()) {
            exc = EDDY_TRY(call(in, typ, {}));
        } else if (is_tuple(in, val)) {
            auto* t = val.as<Tuple>();
            exc = EDDY_TRY(call(in, typ, CallArgs{t->items(), t->size, nullptr}));
        } else {
            exc = EDDY_TRY(call(in, typ, {val}));
        }
    } else if (is_exception_instance(in, typ)) {
        if (!val.is_null() && !val.is_none())
            return in.raise(in.exc.TypeError, "instance exception may not have a separate value");
        exc = typ;
    } else {
        return in.raise(in.exc.TypeError,
                        "exceptions must be classes or instances deriving from BaseException, not " +
                            std::string(type_name(in, typ)));
    }
    if (!tb.is_null() && !tb.is_none()) {
        if (!tb.is_obj() || tb.as_obj()->type != in.types.traceback)
            return in.raise(in.exc.TypeError, "throw() third argument must be a traceback object");
        exc.as<BaseException>()->traceback = tb.as<Traceback>();
    }
    return exc;
}

namespace {

Generator* self_gen(Args args) { return args[0].as<Generator>(); }

Result<Value> gen_iter_slot(Interp&, Value self) { return self; }

// What Python code driving `g` by hand gets for a resumption that yielded `v`: a sleep there
// yielded itself for a task's timer, and runs as CPython's coroutine instead (loop/sleep.cpp).
Result<Value> by_hand(Interp& in, Generator* g, Value v, bool& returned) {
    if (returned || !in.loop_state || !v.is_obj() || !loop::is_sleep(*in.loop_state, v.as_obj()->type))
        return v;
    return loop::sleep_yielded_by_hand(in, g, v, returned);
}

Result<Value> gen_next_slot(Interp& in, Value self) {
    bool returned = false;
    Value v = EDDY_TRY(gen_send_by_hand(in, self.as<Generator>(), Value::none(), returned));
    // The team's NextSlot convention: exhaustion is null, with no StopIteration pending (so
    // list(), sum() and for_each() work); the return value is lost to next(g), which then raises
    // a bare StopIteration. TODO(vm): raise StopIteration(v) once rt::next consumes it.
    if (!returned) return v;
    return Value::null();
}

Result<Value> send_by_hand(Interp& in, Generator* g, Value value) {
    bool returned = false;
    Value v = EDDY_TRY(gen_send_by_hand(in, g, value, returned));
    if (returned) return raise_stop_iteration(in, v);
    return v;
}

Result<Value> throw_by_hand(Interp& in, Generator* g, Args args) {
    Value exc = EDDY_TRY(normalize_throw_args(in, args[1], args[2], args[3]));
    bool returned = false;
    Value v = EDDY_TRY(gen_throw(in, g, exc, returned));
    v = EDDY_TRY(by_hand(in, g, v, returned));
    if (returned) return raise_stop_iteration(in, v);
    return v;
}

Result<Value> generator_send(Interp& in, Args args) { return send_by_hand(in, self_gen(args), args[1]); }
Result<Value> generator_throw(Interp& in, Args args) { return throw_by_hand(in, self_gen(args), args); }

Result<Value> generator_close(Interp& in, Args args) {
    EDDY_CHECK(gen_close(in, self_gen(args)));
    return Value::none();
}

Result<Value> coroutine___await__(Interp& in, Args args) {
    auto* w = in.heap.alloc<CoroutineWrapper>(in.types.coroutine_wrapper);
    w->coro = self_gen(args);
    return Value::from_obj(w);
}

void gen_trace(Obj* self, Tracer& t) {
    auto* g = static_cast<Generator*>(self);
    if (g->frame) vm::trace_frame(g->frame, t);
    t.mark(g->exc_state.value);
    t.mark(g->func);
}

void gen_finalize(Obj* self) {
    auto* g = static_cast<Generator*>(self);
    if (g->frame) vm::free_heap_frame(g->frame);
    g->frame = nullptr;
}

Result<Value> gen_repr(Interp& in, Value self) {
    auto* g = self.as<Generator>();
    char buf[32];
    std::snprintf(buf, sizeof buf, "%p", static_cast<void*>(g));
    std::string kind(g->type->name);
    return str_value(in, "<" + kind + " object " + std::string(g->qualname()->view()) + " at " + buf + ">");
}

Result<Value> gen_getattr(Interp& in, Value self, Str* name) {
    auto* g = self.as<Generator>();
    std::string_view n = name->view();
    if (name == in.names.dunder_name) return Value::from_obj(g->name());
    if (name == in.names.dunder_qualname) return Value::from_obj(g->qualname());
    if (n.size() > 3 && n[2] == '_' && (n.substr(0, 2) == "gi" || n.substr(0, 2) == "cr" || n.substr(0, 2) == "ag")) {
        std::string_view field = n.substr(3);
        if (field == "running") return Value::boolean(g->state == GenState::Running);
        if (field == "code") return Value::from_obj(g->code());
        if (field == "frame") {
            if (g->state == GenState::Done || !g->frame) return Value::none();
            return make_frame_object(in, g->code(), g->frame->globals, g->frame->line());
        }
        if (field == "suspended") return Value::boolean(g->state == GenState::Suspended);
        if (field == "yieldfrom" || field == "await") {
            Value yf = vm::gen_yield_from_unshared(in, g);
            if (yf.is_null()) return Value::none();
            // It escapes: the VM may no longer reuse it (Generator/AsyncGenOp::recyclable).
            if (is_generator(in, yf)) yf.as<Generator>()->recyclable = false;
            else if (is_async_gen_op(in, yf)) yf.as<AsyncGenOp>()->recyclable = false;
            return yf;
        }
    }
    return generic_get_attr(in, self, name);
}

// ---- coroutine_wrapper: the iterator coro.__await__() returns ----

Result<Value> wrapper_next(Interp& in, Value self) {
    Generator* g = self.as<CoroutineWrapper>()->coro;
    bool returned = false;
    Value v = EDDY_TRY(gen_send_by_hand(in, g, Value::none(), returned));
    return returned ? Value::null() : v;   // the next slot's convention (gen_next_slot)
}

Result<Value> coroutine_wrapper_send(Interp& in, Args args) {
    return send_by_hand(in, args[0].as<CoroutineWrapper>()->coro, args[1]);
}

Result<Value> coroutine_wrapper_throw(Interp& in, Args args) {
    return throw_by_hand(in, args[0].as<CoroutineWrapper>()->coro, args);
}

Result<Value> coroutine_wrapper_close(Interp& in, Args args) {
    EDDY_CHECK(gen_close(in, args[0].as<CoroutineWrapper>()->coro));
    return Value::none();
}

void wrapper_trace(Obj* self, Tracer& t) { t.mark(static_cast<CoroutineWrapper*>(self)->coro); }

void setup_type(Interp& in, Type* t, uint32_t size) {
    t->base = in.types.object;
    t->bases = {in.types.object};
    t->instance_size = size;
}

} // namespace

Result<Value> gen_send_by_hand(Interp& in, Generator* g, Value value, bool& returned) {
    Value v = EDDY_TRY(gen_send(in, g, value, returned));
    return by_hand(in, g, v, returned);
}

Result<Value> gen_throw_args(Interp& in, Value typ, Value val, Value tb) {
    return normalize_throw_args(in, typ, val, tb);
}

void init_generator_types(Interp& in) {
    for (Type* t : {in.types.generator, in.types.coroutine, in.types.async_generator}) {
        setup_type(in, t, sizeof(Generator));
        t->trace = gen_trace;
        t->finalize = gen_finalize;
        t->repr = gen_repr;
        t->getattr = gen_getattr;
    }
    Type* g = in.types.generator;
    g->iter = gen_iter_slot;
    g->next = gen_next_slot;
    add_methods(in, g, {
        {"send(self, value, /)", generator_send},
        {"throw(self, typ, val=None, tb=None, /)", generator_throw},
        {"close(self, /)", generator_close},
    });
    Type* c = in.types.coroutine;
    add_methods(in, c, {
        {"send(self, value, /)", generator_send},
        {"throw(self, typ, val=None, tb=None, /)", generator_throw},
        {"close(self, /)", generator_close},
        {"__await__(self, /)", coroutine___await__},
    });
    Type* w = in.types.coroutine_wrapper;
    setup_type(in, w, sizeof(CoroutineWrapper));
    w->trace = wrapper_trace;
    w->iter = gen_iter_slot;
    w->next = wrapper_next;
    add_methods(in, w, {
        {"send(self, value, /)", coroutine_wrapper_send},
        {"throw(self, typ, val=None, tb=None, /)", coroutine_wrapper_throw},
        {"close(self, /)", coroutine_wrapper_close},
    });
    init_async_gen_types(in);
}

} // namespace eddy::rt
