// vm/interpreter.cpp: the dispatch loop. One function, hot state (ip, sp, frame, code) in locals,
// each opcode body written once and compiled as computed goto (EDDY_COMPUTED_GOTO) or a switch.
// Python-to-Python calls push a frame and continue here; only native code calling back into
// Python re-enters. Slow paths live in slow_paths.cpp, frames and binding in call.cpp.
#include "vm/interpreter.hpp"

#include "runtime/dict_object.hpp"
#include "runtime/exception_object.hpp"
#include "runtime/function_object.hpp"
#include "runtime/generator_object.hpp"
#include "runtime/import.hpp"
#include "runtime/int_object.hpp"
#include "runtime/interp.hpp"
#include "runtime/list_object.hpp"
#include "runtime/loop/loop.hpp"
#include "runtime/native.hpp"
#include "runtime/ops.hpp"
#include "runtime/range_object.hpp"
#include "runtime/set_object.hpp"
#include "runtime/str_object.hpp"
#include "runtime/traceback.hpp"
#include "runtime/tuple_object.hpp"
#include "runtime/types.hpp"
#include "vm/attr_cache.hpp"
#include "vm/slow_paths.hpp"

namespace eddy::vm {

using rt::Value;

namespace {

inline rt::Type* fast_type(rt::Interp& in, Value v) {
    return v.is_obj() ? v.as_obj()->type : rt::type_of(in, v);
}

// Small-int and float arithmetic without leaving the loop; false when the operands need the
// generic path (ops.cpp), including every overflow of the 48-bit small-int range. Inlined into
// BINARY_OP, its one caller: as a call it cost more than the arithmetic.
[[gnu::always_inline]] inline bool binary_fast(BinOp op, Value a, Value b, Value& out) {
    if (int(op) >= InplaceOffset) op = BinOp(int(op) - InplaceOffset);
    if (a.is_small_int() && b.is_small_int()) {
        int64_t x = a.as_small_int(), y = b.as_small_int(), r;
        // + and - (counters, indices, depths) without the switch's indirect jump, which one
        // BINARY_OP site shared by every operator predicts badly.
        if (op <= BinOp::Sub) {
            r = x + (op == BinOp::Sub ? -y : y);   // two 48-bit ints never overflow 64 bits
            if (!Value::fits_small_int(r)) return false;
            out = Value::from_small_int(r);
            return true;
        }
        switch (op) {
        case BinOp::Mul:
            if (__builtin_mul_overflow(x, y, &r)) return false;
            break;
        case BinOp::FloorDiv:
            if (y == 0) return false;
            r = x / y;
            if ((x % y != 0) && ((x < 0) != (y < 0))) --r;
            break;
        case BinOp::Mod:
            if (y == 0) return false;
            r = x % y;
            if (r != 0 && ((r < 0) != (y < 0))) r += y;
            break;
        case BinOp::TrueDiv:
            if (y == 0) return false;
            out = Value::from_float(double(x) / double(y));
            return true;
        case BinOp::And: r = x & y; break;
        case BinOp::Or: r = x | y; break;
        case BinOp::Xor: r = x ^ y; break;
        default: return false;
        }
        if (!Value::fits_small_int(r)) return false;
        out = Value::from_small_int(r);
        return true;
    }
    double x, y;
    if (a.is_float()) x = a.as_float();
    else if (a.is_small_int()) x = double(a.as_small_int());
    else return false;
    if (b.is_float()) y = b.as_float();
    else if (b.is_small_int()) y = double(b.as_small_int());
    else return false;
    switch (op) {
    case BinOp::Add: out = Value::from_float(x + y); return true;
    case BinOp::Sub: out = Value::from_float(x - y); return true;
    case BinOp::Mul: out = Value::from_float(x * y); return true;
    case BinOp::TrueDiv:
        if (y == 0) return false;
        out = Value::from_float(x / y);
        return true;
    default: return false;
    }
}

inline bool compare_fast(CmpOp op, Value a, Value b, Value& out) {
    double x, y;
    if (a.is_small_int() && b.is_small_int()) {
        int64_t i = a.as_small_int(), j = b.as_small_int();
        bool r;
        switch (op) {
        case CmpOp::Lt: r = i < j; break;
        case CmpOp::Le: r = i <= j; break;
        case CmpOp::Eq: r = i == j; break;
        case CmpOp::Ne: r = i != j; break;
        case CmpOp::Gt: r = i > j; break;
        default: r = i >= j; break;
        }
        out = Value::boolean(r);
        return true;
    }
    if (a.is_float()) x = a.as_float();
    else if (a.is_small_int()) x = double(a.as_small_int());
    else return false;
    if (b.is_float()) y = b.as_float();
    else if (b.is_small_int()) y = double(b.as_small_int());
    else return false;
    bool r;
    switch (op) {
    case CmpOp::Lt: r = x < y; break;
    case CmpOp::Le: r = x <= y; break;
    case CmpOp::Eq: r = x == y; break;
    case CmpOp::Ne: r = x != y; break;
    case CmpOp::Gt: r = x > y; break;
    default: r = x >= y; break;
    }
    out = Value::boolean(r);
    return true;
}

// -1: not decidable without the generic truth test.
inline int truth_fast(Value v) {
    if (v.is_true()) return 1;
    if (v.is_false() || v.is_none()) return 0;
    if (v.is_small_int()) return v.as_small_int() != 0;
    if (v.is_float()) return v.as_float() != 0.0;
    return -1;
}

// The generic truth test (__bool__, __len__): 0 or 1, or -1 with the exception pending.
[[gnu::noinline]] int truth_slow(rt::Interp& in, Value v) {
    auto r = truthy_slow(in, v);
    return r.is_error() ? -1 : int(r.value());
}

// Indexing a list or tuple by a small int, negative indices included; false otherwise.
inline bool subscr_fast(rt::Interp& in, Value c, Value k, Value& out) {
    if (!k.is_small_int() || !c.is_obj()) return false;
    int64_t i = k.as_small_int();
    rt::Type* t = c.as_obj()->type;
    if (t == in.types.list) {
        auto& items = c.as<rt::List>()->items;
        if (i < 0) i += int64_t(items.size());
        if (i < 0 || i >= int64_t(items.size())) return false;
        out = items[size_t(i)];
        return true;
    }
    if (t == in.types.tuple) {
        auto* tup = c.as<rt::Tuple>();
        if (i < 0) i += int64_t(tup->size);
        if (i < 0 || i >= int64_t(tup->size)) return false;
        out = tup->items()[i];
        return true;
    }
    return false;
}

inline rt::Dict* instance_dict_of(rt::Obj* o) {
    return o->type->dict_offset ? rt::instance_dict_slot(o) : nullptr;
}

[[gnu::noinline]] void raise_recursion_error(rt::Interp& in) {
    in.raise(in.exc.RecursionError, "maximum recursion depth exceeded");
}

// Lays out at `f` the data-stack frame of a call to fn that needs no argument binding
// (fn->code->simple_argcount or awaited_argcount is n): the arguments are copied into the
// first locals and the other locals start unbound. The caller links it (previous, gen).
inline void fill_simple_frame(Frame* f, rt::Function* fn, const Value* args, size_t n) {
    rt::CodeObject* code = fn->code;
    f->code = code;
    f->func = fn;
    f->globals = fn->globals;
    f->builtins = fn->builtins;
    f->previous = nullptr;
    f->gen = nullptr;
    f->ip = code->instrs;
    f->is_entry = false;
    f->on_data_stack = true;
    f->returns_to = ReturnTo::Push;
    f->has_locals = false;
    Value* lp = f->localsplus();
    for (size_t i = 0; i < n; ++i) lp[i] = args[i];
    for (size_t i = n; i < code->nlocalsplus; ++i) lp[i] = Value::null();
    f->sp = lp + code->nlocalsplus;
}

// The frame of a call that needs no argument binding (fill_simple_frame), pushed on the data
// stack; the caller links it and switches to it. Null, with RecursionError raised, at the limit.
inline Frame* push_simple_frame(rt::Interp& in, rt::Function* fn, const Value* args, size_t n) {
    VmState& vm = *in.vm;
    size_t words = FrameHeaderWords + fn->code->framesize;
    if (vm.depth >= vm.recursion_limit || vm.stack_top + words > vm.stack_end) [[unlikely]] {
        raise_recursion_error(in);
        return nullptr;
    }
    auto* f = reinterpret_cast<Frame*>(vm.stack_top);
    vm.stack_top += words;
    ++vm.depth;
    fill_simple_frame(f, fn, args, n);
    return f;
}

// The frame of an inline __init__ call, its arguments args[0..npos) (self first) and kwnames
// bound: copied straight into the locals when init needs no binding work (Vec(x, y)), else
// through bind_arguments. Null with the exception pending.
[[gnu::noinline]] Frame* push_init_frame(rt::Interp& in, rt::Function* init, const Value* args,
                                         size_t npos, rt::Tuple* kwnames) {
    if (!kwnames && init->code->simple_argcount == int32_t(npos))
        return push_simple_frame(in, init, args, npos);
    Frame* nf = push_frame(in, init->code, init, init->globals, init->builtins);
    if (!nf) return nullptr;
    if (bind_arguments(in, init, nf, args, npos, kwnames).is_error()) {
        pop_frame(in, nf);
        return nullptr;
    }
    return nf;
}

[[gnu::noinline]] void raise_init_not_none(rt::Interp& in, Value v) {
    in.raise(in.exc.TypeError, "__init__() should return None, not '" +
                                   std::string(rt::type_name(in, v)) + "'");
}

// An asend whose async generator SEND entered inline finished with an exception (`returned`:
// the generator returned, which raises StopAsyncIteration): async_gen_unwrap_value's bookkeeping.
// `op` is the awaiting frame's SEND slot: null when GET_ANEXT entered without an asend.
[[gnu::noinline]] void asend_failed(rt::Interp& in, Value op, rt::Generator* g, bool returned) {
    if (returned) (void)in.raise(in.exc.StopAsyncIteration);
    if (!op.is_null()) op.as<rt::AsyncGenOp>()->state = rt::AsyncGenOp::State::Closed;
    g->running_async = false;
}

// `async for`'s __anext__() awaitable for an async generator, reusing one whose item arrived.
inline rt::AsyncGenOp* anext_for_loop(rt::Interp& in, rt::Generator* gen) {
    VmState& vm = *in.vm;
    rt::AsyncGenOp* op;
    if (vm.anext_cache_count) {
        op = vm.anext_cache[--vm.anext_cache_count];
        op->gen = gen;
        op->state = rt::AsyncGenOp::State::Init;
        op->value = Value::none();
    } else {
        op = rt::async_gen_anext(in, gen).as<rt::AsyncGenOp>();
    }
    op->recyclable = true;
    return op;
}

// The call just executed is awaited: the next instructions are the await sequence
// GET_AWAITABLE, LOAD_CONST None, SEND (after a plain `await`, or `async with`'s __aexit__).
// The compiler emits GET_AWAITABLE only as the head of that sequence (codegen_async.cpp's
// add_yield_from callers), so its opcode says it all.
inline bool awaits_result(const Instr* ip) { return ip[0].op() == Op::GET_AWAITABLE; }

// ... by a plain `await` (GET_AWAITABLE's operand 0, compared with the opcode as one word).
inline bool awaits_plainly(const Instr* ip) { return ip[0].word == Instr(Op::GET_AWAITABLE, 0).word; }

// ... and it is `await fn(...)` of a coroutine function.
inline bool awaits_call_result(rt::Function* fn, const Instr* ip) {
    constexpr uint32_t kinds = CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR;
    return awaits_plainly(ip) && (fn->code->flags & kinds) == CO_COROUTINE;
}

// The fused `await fn(...)` of a coroutine that leaves the handled exception alone, with
// arguments that bind one to one (fn->code->awaited_argcount is n): its frame on the data stack
// as an ordinary call's, returning into the awaiter's SEND (ReturnTo::Awaiter), with no
// coroutine object unless it suspends. Null (nothing done) when the coroutine handles
// exceptions, at the recursion limit or without room: start_awaited_call decides then.
inline Frame* push_awaited_frame(rt::Interp& in, rt::Function* fn, const Value* args, size_t n) {
    VmState& vm = *in.vm;
    rt::CodeObject* code = fn->code;
    size_t words = FrameHeaderWords + code->framesize;
    if (code->handles_exceptions ||
        vm.depth >= vm.recursion_limit || vm.stack_top + words > vm.stack_end)
        return nullptr;
    auto* f = reinterpret_cast<Frame*>(vm.stack_top);
    vm.stack_top += words;
    ++vm.depth;
    fill_simple_frame(f, fn, args, n);
    f->returns_to = ReturnTo::Awaiter;
    return f;
}

// start_awaited_call's common case, inline: arguments that bind one to one (awaited_argcount),
// room on the data stack and a recycled coroutine object. Null (nothing done) otherwise.
inline rt::Generator* start_awaited_call_fast(rt::Interp& in, rt::Function* fn, const Value* args,
                                              size_t n, Frame* caller) {
    VmState& vm = *in.vm;
    rt::CodeObject* code = fn->code;
    size_t words = FrameHeaderWords + code->framesize;
    if (code->awaited_argcount != int32_t(n) || !vm.coro_cache_count ||
        vm.depth >= vm.recursion_limit || vm.stack_top + words > vm.stack_end)
        return nullptr;
    auto* f = reinterpret_cast<Frame*>(vm.stack_top);
    vm.stack_top += words;
    fill_simple_frame(f, fn, args, n);   // on the data stack until it suspends (YIELD_VALUE)
    rt::Generator* g = vm.coro_cache[--vm.coro_cache_count];
    g->frame = f;
    g->exc_state.value = Value::none();
    g->func = fn;
    g->recyclable = true;
    f->gen = g;
    gen_link(in, g, caller);
    return g;
}

[[gnu::noinline]] Frame* enter_generator_slow(rt::Interp& in, rt::Generator* gen, Frame* caller,
                                              Value sent) {
    VmState& vm = *in.vm;
    if (gen->state == rt::GenState::Created && !sent.is_none()) {
        in.raise(in.exc.TypeError, "can't send non-None value to a just-started generator");
        return nullptr;
    }
    if (vm.depth >= vm.recursion_limit) {
        in.raise(in.exc.RecursionError, "maximum recursion depth exceeded");
        return nullptr;
    }
    Frame* f = gen->frame;
    if (gen->state == rt::GenState::Suspended) *f->sp++ = sent;
    f->is_entry = false;
    gen_link(in, gen, caller);
    return f;
}

// Links a Created or Suspended generator's frame to run under `caller` (SEND, FOR_ITER and
// `async for` enter it inline) and returns it; null with the exception set when it cannot run.
// Resuming a suspended one below the recursion limit, the usual case, stays in the loop.
inline Frame* enter_generator_inline(rt::Interp& in, rt::Generator* gen, Frame* caller, Value sent) {
    VmState& vm = *in.vm;
    if (gen->state != rt::GenState::Suspended || vm.depth >= vm.recursion_limit) [[unlikely]]
        return enter_generator_slow(in, gen, caller, sent);
    Frame* f = gen->frame;
    if (f->ip->op() == Op::POP_TOP) ++f->ip;   // `yield v` as a statement drops what it gets
    else *f->sp++ = sent;
    f->is_entry = false;
    gen_link(in, gen, caller);
    return f;
}

// An async generator that GET_ANEXT entered with no asend object (its awaiter's SEND slot null)
// suspended in an await: the awaiter suspends too and now needs that asend, in the state it
// would have had all along, as its SEND's sub-iterator (cr_await, throw, resumption).
[[gnu::noinline]] Value asend_in_flight(rt::Interp& in, rt::Generator* gen) {
    rt::AsyncGenOp* op = anext_for_loop(in, gen);
    op->state = rt::AsyncGenOp::State::Iter;
    return Value::from_obj(op);
}

// Enters async generator g for one asend step: SEND on its asend op, or GET_ANEXT fused with
// that SEND and no op at all (`op` null). The step runs until the generator's next yield. Null
// with the exception set when the generator cannot run; that step then ends as one that raised.
inline Frame* enter_asend_inline(rt::Interp& in, rt::Generator* g, Value op, Frame* caller,
                                 Value sent) {
    if (!op.is_null()) op.as<rt::AsyncGenOp>()->state = rt::AsyncGenOp::State::Iter;
    g->running_async = true;
    Frame* f = enter_generator_inline(in, g, caller, sent);
    if (!f) asend_failed(in, op, g, false);
    return f;
}

} // namespace

// Register pressure decides this loop's speed: GCC has five callee-saved registers for the
// state live across every dispatch (ip, sp, frame, arg, ...). Keep it that way: no call in here
// may pass an argument in stack memory (a struct by value bigger than two words, or more than
// six arguments); one such call makes GCC keep a frame pointer for the whole function, and then
// ip lived in memory (fib ran 1.37x slower). Such calls go through noinline helpers.
Exit run_frame(rt::Interp& in, Frame* entry, Value& result, bool throwing) {
    VmState& vm = *in.vm;
    Frame* const caller = entry->previous;
    Frame* frame = entry;
    rt::CodeObject* code;
    const Instr* ip;
    Value* sp;
    const Value* consts;
    InlineCache* caches;
    uint32_t arg = 0;
    rt::Tuple* kwnames = nullptr;
    // Operands of the shared call sequence (do_call).
    Value call_callee;
    Value* call_args;
    Value* call_base;   // where the result goes
    size_t call_n;

#define LOAD_FRAME()                                                                             \
    (code = frame->code, ip = frame->ip, sp = frame->sp, consts = code->consts->items(),         \
     caches = code->caches.get(), vm.current = frame)
// The locals are addressed from `frame` (a fixed offset) rather than kept in a variable of their
// own: one fewer value competing for registers in the loop.
#define LOCALS() (frame->localsplus())
#define SAVE_FRAME() (frame->ip = ip, frame->sp = sp)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define PEEK(n) (sp[-static_cast<ptrdiff_t>(n)])
// Jumps to the operand's instruction. A backward jump is a safe point: loops compiled with a
// conditional jump at the bottom (while) must collect and poll interrupts too.
#define JUMP_TO_ARG()                                                                            \
    do {                                                                                         \
        const Instr* target_ = code->instrs + arg;                                               \
        if (target_ < ip && (in.heap.wants_collect() || vm.interrupt_requested)) {               \
            SAVE_FRAME();                                                                        \
            if (safe_point(in).is_error()) goto error;                                           \
        }                                                                                        \
        ip = target_;                                                                            \
    } while (0)
#define NAME(i) (code->names->items()[i].as<rt::Str>())
// t = the truth of v (0 or 1), for the conditional jumps and `not`; an exception from
// __bool__/__len__ goes to the error path.
#define TRUTH(t, v)                                                                              \
    do {                                                                                         \
        t = truth_fast(v);                                                                       \
        if (t < 0) {                                                                             \
            SAVE_FRAME();                                                                        \
            t = truth_slow(in, v);                                                               \
            if (t < 0) goto error;                                                               \
        }                                                                                        \
    } while (0)
#define TRY_PUSH(expr)                                                                           \
    do {                                                                                         \
        Value v_ = (expr).value();                                                               \
        if (v_.is_error()) goto error;                                                           \
        PUSH(v_);                                                                                \
    } while (0)

#ifdef EDDY_COMPUTED_GOTO
    static const void* const dispatch_table[OpCount] = {
#define EDDY_OP(name, operand, effect) &&op_##name,
#include "opcodes.def"
#undef EDDY_OP
    };
#define TARGET(name) op_##name:
#define DISPATCH()                                                                               \
    do {                                                                                         \
        uint32_t w_ = (ip++)->word;                                                              \
        arg = w_ >> 8;                                                                           \
        goto* dispatch_table[w_ & 0xff];                                                         \
    } while (0)
#else
#define TARGET(name) case Op::name:
#define DISPATCH() goto dispatch
#endif

    LOAD_FRAME();
    if (throwing) goto error;

#ifdef EDDY_COMPUTED_GOTO
    DISPATCH();
#else
dispatch: {
#ifndef NDEBUG
    // Frames get exactly the stack depth the compiler computed: a debug build (CI's sanitizer
    // run) stops at the first instruction that leaves more on the stack than that.
    if (sp > frame->localsplus() + frame->code->framesize) {
        std::fprintf(stderr, "eddy: value stack overflow in %s before offset %u\n",
                     frame->code->code->name.c_str(), frame->lasti());
        std::abort();
    }
#endif
    uint32_t w = (ip++)->word;
    arg = w >> 8;
    switch (Op(w & 0xff)) {
#endif

    // ---- stack ----
    TARGET(NOP) { DISPATCH(); }
    TARGET(POP_TOP) {
        --sp;
        DISPATCH();
    }
    TARGET(PUSH_NULL) {
        PUSH(Value::null());
        DISPATCH();
    }
    TARGET(COPY) {
        Value v = PEEK(arg);
        PUSH(v);
        DISPATCH();
    }
    TARGET(SWAP) {
        Value v = TOP();
        TOP() = PEEK(arg);
        PEEK(arg) = v;
        DISPATCH();
    }

    // ---- constants and variables ----
    TARGET(LOAD_CONST) {
        PUSH(consts[arg]);
        DISPATCH();
    }
    TARGET(LOAD_FAST) {
        Value v = LOCALS()[arg];
        if (v.is_null()) goto unbound_local;
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_FAST) {
        LOCALS()[arg] = POP();
        DISPATCH();
    }
    // Superinstructions (opcodes.def's last rows): the second instruction's operand is read from
    // its own word, which ip then steps over. ip is past an instruction before it can raise, so
    // the error is reported at the instruction that raised it.
    TARGET(LOAD_FAST__LOAD_FAST) {
        Value a = LOCALS()[arg];
        if (a.is_null()) goto unbound_local;
        arg = (ip++)->arg();
        Value b = LOCALS()[arg];
        if (b.is_null()) goto unbound_local;
        PUSH(a);
        PUSH(b);
        DISPATCH();
    }
    TARGET(LOAD_FAST__LOAD_CONST) {
        Value v = LOCALS()[arg];
        if (v.is_null()) goto unbound_local;
        PUSH(v);
        PUSH(consts[(ip++)->arg()]);
        DISPATCH();
    }
    TARGET(LOAD_CONST__LOAD_FAST) {
        Value k = consts[arg];
        arg = (ip++)->arg();
        Value v = LOCALS()[arg];
        if (v.is_null()) goto unbound_local;
        PUSH(k);
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_FAST__LOAD_FAST) {
        LOCALS()[arg] = TOP();
        arg = (ip++)->arg();
        Value v = LOCALS()[arg];
        if (v.is_null()) {
            --sp;
            goto unbound_local;
        }
        TOP() = v;
        DISPATCH();
    }
    TARGET(STORE_FAST__STORE_FAST) {
        LOCALS()[arg] = TOP();
        LOCALS()[ip->arg()] = PEEK(2);
        ++ip;
        sp -= 2;
        DISPATCH();
    }
    TARGET(DELETE_FAST) {
        if (LOCALS()[arg].is_null()) goto unbound_local;
        LOCALS()[arg] = Value::null();
        DISPATCH();
    }
    TARGET(LOAD_DEREF) {
        Value v = LOCALS()[code->nlocals + arg].as<rt::Cell>()->value;
        if (v.is_null()) {
            (void)raise_unbound_deref(in, code, arg);
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_DEREF) {
        LOCALS()[code->nlocals + arg].as<rt::Cell>()->value = POP();
        DISPATCH();
    }
    TARGET(DELETE_DEREF) {
        rt::Cell* cell = LOCALS()[code->nlocals + arg].as<rt::Cell>();
        if (cell->value.is_null()) {
            (void)raise_unbound_deref(in, code, arg);
            goto error;
        }
        cell->value = Value::null();
        DISPATCH();
    }
    TARGET(LOAD_CLOSURE) {
        PUSH(LOCALS()[code->nlocals + arg]);
        DISPATCH();
    }
    TARGET(LOAD_CLASSDEREF) {
        SAVE_FRAME();
        TRY_PUSH(load_classderef(in, frame, arg));
        DISPATCH();
    }
    TARGET(LOAD_NAME) {
        SAVE_FRAME();
        TRY_PUSH(load_name(in, frame, NAME(arg)));
        DISPATCH();
    }
    TARGET(STORE_NAME) {
        SAVE_FRAME();
        if (store_name(in, frame, NAME(arg), TOP()).is_error()) goto error;
        --sp;
        DISPATCH();
    }
    TARGET(DELETE_NAME) {
        SAVE_FRAME();
        if (delete_name(in, frame, NAME(arg)).is_error()) goto error;
        DISPATCH();
    }
    TARGET(LOAD_GLOBAL) {
        InlineCache& c = caches[arg];
        rt::Dict* g = frame->globals;
        if (c.hint < g->entries.size() && g->entries[c.hint].key.is(Value::from_obj(c.name))) {
            PUSH(g->entries[c.hint].value);
            DISPATCH();
        }
        SAVE_FRAME();
        TRY_PUSH(load_global_miss(in, c, frame));
        DISPATCH();
    }
    TARGET(STORE_GLOBAL) {
        rt::dict_set_str(in, frame->globals, NAME(arg), POP());
        DISPATCH();
    }
    TARGET(DELETE_GLOBAL) {
        SAVE_FRAME();
        if (delete_global(in, frame, NAME(arg)).is_error()) goto error;
        DISPATCH();
    }
    TARGET(LOAD_ATTR) {
        InlineCache& c = caches[arg];
        Value obj = TOP();
        CacheWay* w = obj.is_obj() ? find_way(c, obj.as_obj()) : nullptr;
        if (w) {
            if (w->kind == AttrKind::Property) {
                Value fget = w->value.as<rt::Property>()->fget;
                if (fget.is_obj() && fget.as_obj()->type == in.types.function &&
                    fget.as<rt::Function>()->code->simple_argcount == 1) {
                    // The getter runs as an ordinary call: its result lands where obj was.
                    --sp;
                    SAVE_FRAME();
                    Frame* nf = push_simple_frame(in, fget.as<rt::Function>(), &obj, 1);
                    if (!nf) goto error;
                    nf->previous = frame;
                    frame = nf;
                    LOAD_FRAME();
                    DISPATCH();
                }
            } else if (rt::Dict* d = instance_dict_of(obj.as_obj())) {
                Value v = dict_get_hinted(d, c.name, w->hint);
                if (!v.is_null()) {
                    TOP() = v;
                    DISPATCH();
                }
                if (w->kind == AttrKind::ClassValue) {
                    TOP() = w->value;
                    DISPATCH();
                }
            } else if (w->kind == AttrKind::ClassValue) {
                TOP() = w->value;
                DISPATCH();
            }
        }
        SAVE_FRAME();
        Value v = load_attr_miss(in, c, obj).value();
        if (v.is_error()) goto error;
        TOP() = v;
        DISPATCH();
    }
    TARGET(STORE_ATTR) {
        InlineCache& c = caches[arg];
        Value obj = TOP();
        CacheWay* w = obj.is_obj() ? find_way(c, obj.as_obj()) : nullptr;
        if (w) {
            // Filled only as InstanceDict (the type has an instance dict and no data descriptor).
            rt::Dict*& slot = rt::instance_dict_slot(obj.as_obj());
            rt::Dict* d = slot;
            if (d && w->hint < d->entries.size() &&
                d->entries[w->hint].key.is(Value::from_obj(c.name))) {
                d->entries[w->hint].value = PEEK(2);
                sp -= 2;
                DISPATCH();
            }
            // A new attribute where the last instance got it (as __init__ does): the key bits
            // prove the name absent, so it is appended without a probe.
            if (w->hint == (d ? d->entries.size() : 0) && (!d || !(d->key_bits & c.name_bit))) {
                if (!d) d = slot = rt::make_dict(in);
                rt::dict_append_new_str(d, c.name, PEEK(2));
                sp -= 2;
                DISPATCH();
            }
        }
        SAVE_FRAME();
        if (store_attr_miss(in, c, obj, PEEK(2)).is_error()) goto error;
        sp -= 2;
        DISPATCH();
    }
    TARGET(DELETE_ATTR) {
        SAVE_FRAME();
        if (rt::del_attr(in, TOP(), NAME(arg)).is_error()) goto error;
        --sp;
        DISPATCH();
    }
    TARGET(LOAD_METHOD) {
        InlineCache& c = caches[arg];
        Value obj = TOP();
        CacheWay* w = obj.is_obj() ? find_way(c, obj.as_obj()) : nullptr;
        if (w && w->kind == AttrKind::Method) {
            // A function on the type, used unless the instance shadows it.
            rt::Dict* d = instance_dict_of(obj.as_obj());
            if (!d || !(d->key_bits & c.name_bit) || rt::dict_find_str(d, c.name) < 0) {
                TOP() = w->value;
                PUSH(obj);
                DISPATCH();
            }
        } else if (w) {
            // A module's attribute (InstanceDict): called as it is, no receiver.
            rt::Dict* d = instance_dict_of(obj.as_obj());
            Value v = d ? dict_get_hinted(d, c.name, w->hint) : Value::null();
            if (!v.is_null()) {
                TOP() = Value::null();
                PUSH(v);
                DISPATCH();
            }
        }
        SAVE_FRAME();
        if (load_method_miss(in, c, obj, sp - 1).is_error()) goto error;
        ++sp;
        DISPATCH();
    }
    TARGET(LOAD_BUILD_CLASS) {
        SAVE_FRAME();
        TRY_PUSH(load_build_class(in, frame));
        DISPATCH();
    }
    TARGET(LOAD_ASSERTION_ERROR) {
        PUSH(Value::from_obj(in.exc.AssertionError));
        DISPATCH();
    }

    // ---- operators ----
    TARGET(UNARY_POSITIVE) {
        SAVE_FRAME();
        Value v = rt::positive(in, TOP()).value();
        if (v.is_error()) goto error;
        TOP() = v;
        DISPATCH();
    }
    TARGET(UNARY_NEGATIVE) {
        Value x = TOP();
        if (x.is_small_int() && x.as_small_int() != Value::SmallIntMin) {
            TOP() = Value::from_small_int(-x.as_small_int());
            DISPATCH();
        }
        if (x.is_float()) {
            TOP() = Value::from_float(-x.as_float());
            DISPATCH();
        }
        SAVE_FRAME();
        Value v = rt::negate(in, x).value();
        if (v.is_error()) goto error;
        TOP() = v;
        DISPATCH();
    }
    TARGET(UNARY_NOT) {
        int t;
        TRUTH(t, TOP());
        TOP() = Value::boolean(!t);
        DISPATCH();
    }
    TARGET(UNARY_INVERT) {
        SAVE_FRAME();
        Value v = rt::invert(in, TOP()).value();
        if (v.is_error()) goto error;
        TOP() = v;
        DISPATCH();
    }
    TARGET(BINARY_OP) {
        Value r;
        if (binary_fast(BinOp(arg), PEEK(2), TOP(), r)) {
            --sp;
            TOP() = r;
            DISPATCH();
        }
        SAVE_FRAME();
        r = rt::binary_op(in, PEEK(2), TOP(), BinOp(arg)).value();
        if (r.is_error()) goto error;
        --sp;
        TOP() = r;
        DISPATCH();
    }
    TARGET(COMPARE_OP) {
        Value r;
        if (compare_fast(CmpOp(arg), PEEK(2), TOP(), r)) {
            // Fused with a following conditional jump: no bool pushed, one dispatch saved.
            Op next = ip->op();
            if (next == Op::POP_JUMP_IF_FALSE || next == Op::POP_JUMP_IF_TRUE) {
                sp -= 2;
                arg = (ip++)->arg();
                if (r.is_true() == (next == Op::POP_JUMP_IF_TRUE)) JUMP_TO_ARG();
                DISPATCH();
            }
            --sp;
            TOP() = r;
            DISPATCH();
        }
        SAVE_FRAME();
        r = rt::compare(in, PEEK(2), TOP(), CmpOp(arg)).value();
        if (r.is_error()) goto error;
        --sp;
        TOP() = r;
        DISPATCH();
    }
    TARGET(IS_OP) {
        bool same = PEEK(2).is(TOP());
        --sp;
        TOP() = Value::boolean(same != (arg == 1));
        DISPATCH();
    }
    TARGET(CONTAINS_OP) {
        SAVE_FRAME();
        auto r = rt::contains(in, TOP(), PEEK(2));
        if (r.is_error()) goto error;
        --sp;
        TOP() = Value::boolean(r.value() != (arg == 1));
        DISPATCH();
    }
    TARGET(BINARY_SUBSCR) {
        Value r;
        if (subscr_fast(in, PEEK(2), TOP(), r)) {
            --sp;
            TOP() = r;
            DISPATCH();
        }
        SAVE_FRAME();
        r = rt::get_item(in, PEEK(2), TOP()).value();
        if (r.is_error()) goto error;
        --sp;
        TOP() = r;
        DISPATCH();
    }
    TARGET(STORE_SUBSCR) {
        Value c = PEEK(2), k = TOP();
        if (k.is_small_int() && c.is_obj() && c.as_obj()->type == in.types.list) {
            auto& items = c.as<rt::List>()->items;
            int64_t i = k.as_small_int();
            if (i < 0) i += int64_t(items.size());
            if (i >= 0 && i < int64_t(items.size())) {
                items[size_t(i)] = PEEK(3);
                sp -= 3;
                DISPATCH();
            }
        }
        SAVE_FRAME();
        if (rt::set_item(in, c, k, PEEK(3)).is_error()) goto error;
        sp -= 3;
        DISPATCH();
    }
    TARGET(DELETE_SUBSCR) {
        SAVE_FRAME();
        if (rt::del_item(in, PEEK(2), TOP()).is_error()) goto error;
        sp -= 2;
        DISPATCH();
    }
    TARGET(BUILD_SLICE) {
        SAVE_FRAME();
        Value v = build_slice(in, sp - arg, arg).value();
        if (v.is_error()) goto error;
        sp -= arg;
        PUSH(v);
        DISPATCH();
    }

    // ---- control flow ----
    TARGET(JUMP) {
        JUMP_TO_ARG();
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_FALSE) {
        int t;
        TRUTH(t, TOP());
        --sp;
        if (!t) JUMP_TO_ARG();
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_TRUE) {
        int t;
        TRUTH(t, TOP());
        --sp;
        if (t) JUMP_TO_ARG();
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_NONE) {
        if (POP().is_none()) ip = code->instrs + arg;
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_NOT_NONE) {
        if (!POP().is_none()) ip = code->instrs + arg;
        DISPATCH();
    }
    TARGET(JUMP_IF_FALSE_OR_POP) {
        int t;
        TRUTH(t, TOP());
        if (!t) ip = code->instrs + arg;
        else --sp;
        DISPATCH();
    }
    TARGET(JUMP_IF_TRUE_OR_POP) {
        int t;
        TRUTH(t, TOP());
        if (t) ip = code->instrs + arg;
        else --sp;
        DISPATCH();
    }
    TARGET(GET_ITER) {
        SAVE_FRAME();
        Value v = rt::get_iter(in, TOP()).value();
        if (v.is_error()) goto error;
        TOP() = v;
        DISPATCH();
    }
    TARGET(FOR_ITER) {
        Value it = TOP();
        if (it.is_obj() && it.as_obj()->type == in.types.range_iterator) {
            auto* r = it.as<rt::RangeIterator>();
            if (r->small) {
                if (r->remaining > 0) {
                    PUSH(Value::from_small_int(r->next));
                    r->next += r->step;
                    --r->remaining;
                } else {
                    --sp;
                    ip = code->instrs + arg;
                }
                DISPATCH();
            }
        } else if (it.is_obj() && it.as_obj()->type == in.types.list_iterator) {
            auto* li = it.as<rt::ListIterator>();
            if (li->list && li->index < li->list->items.size()) {
                PUSH(li->list->items[li->index++]);
                DISPATCH();
            }
        } else if (it.is_obj() && it.as_obj()->type == in.types.generator) {
            // Resume the generator's frame here, like a call: its YIELD_VALUE pushes the item
            // onto this frame's stack and its return ends the loop (RETURN_VALUE, inline case).
            auto* g = it.as<rt::Generator>();
            if (g->state == rt::GenState::Created || g->state == rt::GenState::Suspended) {
                SAVE_FRAME();
                Frame* f = enter_generator_inline(in, g, frame, Value::none());
                if (!f) goto error;
                frame = f;
                LOAD_FRAME();
                DISPATCH();
            }
        }
        rt::Type* t = fast_type(in, it);
        SAVE_FRAME();
        Value v = t->next ? t->next(in, it).value() : rt::next(in, it).value();
        if (v.is_error()) {
            if (!in.exception_matches(in.exc.StopIteration)) goto error;
            in.take_exception();
            v = Value::null();
        }
        if (v.is_null()) {
            --sp;
            ip = code->instrs + arg;
            DISPATCH();
        }
        PUSH(v);
        DISPATCH();
    }
    TARGET(RETURN_VALUE) {
        Value v = POP();
        SAVE_FRAME();
        if (frame->gen) {
            rt::Generator* g = frame->gen;
            g->state = rt::GenState::Done;
            gen_unlink(in, g);
            if (frame->is_entry) {
                result = v;
                vm.current = caller;
                gen_release_frame(in, g);
                return Exit::Returned;
            }
            // Entered inline by SEND: (sub value -- result) in the delegating frame, and jump.
            // Entered by FOR_ITER: the loop is over; the iterator goes and the value is dropped.
            frame = frame->previous;
            if (g->frame->on_data_stack) {
                vm.stack_top = reinterpret_cast<Value*>(g->frame);   // it never suspended
                g->frame = nullptr;
            } else {
                gen_release_frame(in, g);
            }
            LOAD_FRAME();
            if (g->type == in.types.async_generator) [[unlikely]] {
                // Its asend ends in StopAsyncIteration, raised by the SEND that entered it.
                asend_failed(in, TOP(), g, true);
                goto error;
            }
            if (ip[-1].op() == Op::FOR_ITER) {
                --sp;
            } else {
                TOP() = v;   // the stack slot that held the coroutine
                // The awaiting frame dropped the only reference: keep it for the next call.
                if (g->recyclable && vm.coro_cache_count < VmState::CoroCacheDepth)
                    vm.coro_cache[vm.coro_cache_count++] = g;
            }
            ip = code->instrs + ip[-1].arg();
            DISPATCH();
        }
        Frame* prev = frame->previous;
        bool is_entry = frame->is_entry;
        ReturnTo returns_to = frame->returns_to;
        --vm.depth;   // pop_frame, inline
        vm.stack_top = reinterpret_cast<Value*>(frame);
        if (is_entry) {
            result = v;
            vm.current = caller;
            return Exit::Returned;
        }
        frame = prev;
        LOAD_FRAME();
        if (returns_to != ReturnTo::Push) {
            if (returns_to == ReturnTo::Awaiter) {
                // A coroutine that never suspended: the await's result, as SEND gives it.
                TOP() = v;
                ip = code->instrs + ip[-1].arg();
                DISPATCH();
            }
            // An inline __init__: the instance is already on the caller's stack.
            if (!v.is_none()) {
                raise_init_not_none(in, v);
                goto error;
            }
            DISPATCH();
        }
        PUSH(v);
        DISPATCH();
    }
    TARGET(GET_LEN) {
        SAVE_FRAME();
        auto n = rt::length(in, TOP());
        if (n.is_error()) goto error;
        PUSH(rt::make_int(in, n.value()));
        DISPATCH();
    }

    // ---- building ----
    TARGET(BUILD_TUPLE) {
        rt::Tuple* t = rt::make_tuple(in, std::span<const Value>(sp - arg, arg));
        sp -= arg;
        PUSH(Value::from_obj(t));
        DISPATCH();
    }
    TARGET(BUILD_LIST) {
        rt::List* l = rt::make_list(in, std::span<const Value>(sp - arg, arg));
        sp -= arg;
        PUSH(Value::from_obj(l));
        DISPATCH();
    }
    TARGET(BUILD_SET) {
        SAVE_FRAME();
        Value v = build_set(in, sp - arg, arg).value();
        if (v.is_error()) goto error;
        sp -= arg;
        PUSH(v);
        DISPATCH();
    }
    TARGET(BUILD_MAP) {
        SAVE_FRAME();
        Value v = build_map(in, sp - 2 * arg, arg).value();
        if (v.is_error()) goto error;
        sp -= 2 * arg;
        PUSH(v);
        DISPATCH();
    }
    TARGET(BUILD_CONST_KEY_MAP) {
        SAVE_FRAME();
        Value v = build_const_key_map(in, sp - 1 - arg, arg, TOP()).value();
        if (v.is_error()) goto error;
        sp -= arg + 1;
        PUSH(v);
        DISPATCH();
    }
    TARGET(BUILD_STRING) {
        SAVE_FRAME();
        Value v = build_string(in, sp - arg, arg).value();
        if (v.is_error()) goto error;
        sp -= arg;
        PUSH(v);
        DISPATCH();
    }
    TARGET(LIST_APPEND) {
        Value item = POP();
        PEEK(arg).as<rt::List>()->items.push_back(item);
        DISPATCH();
    }
    TARGET(SET_ADD) {
        SAVE_FRAME();
        if (rt::set_add(in, PEEK(arg + 1).as<rt::Set>(), TOP()).is_error()) goto error;
        --sp;
        DISPATCH();
    }
    TARGET(MAP_ADD) {
        SAVE_FRAME();
        if (rt::dict_set(in, PEEK(arg + 2).as<rt::Dict>(), PEEK(2), TOP()).is_error()) goto error;
        sp -= 2;
        DISPATCH();
    }
    TARGET(LIST_EXTEND) {
        SAVE_FRAME();
        if (list_extend(in, PEEK(arg + 1), TOP()).is_error()) goto error;
        --sp;
        DISPATCH();
    }
    TARGET(SET_UPDATE) {
        SAVE_FRAME();
        if (set_update(in, PEEK(arg + 1), TOP()).is_error()) goto error;
        --sp;
        DISPATCH();
    }
    TARGET(DICT_UPDATE) {
        SAVE_FRAME();
        if (dict_update(in, PEEK(arg + 1), TOP()).is_error()) goto error;
        --sp;
        DISPATCH();
    }
    TARGET(DICT_MERGE) {
        SAVE_FRAME();
        if (dict_merge(in, PEEK(arg + 3), PEEK(arg + 1), TOP()).is_error()) goto error;
        --sp;
        DISPATCH();
    }
    TARGET(LIST_TO_TUPLE) {
        TOP() = Value::from_obj(rt::make_tuple(in, TOP().as<rt::List>()->items));
        DISPATCH();
    }
    TARGET(FORMAT_VALUE) {
        SAVE_FRAME();
        bool has_spec = arg & 4;
        Value v = format_value(in, has_spec ? PEEK(2) : TOP(), has_spec ? TOP() : Value::null(),
                               arg).value();
        if (v.is_error()) goto error;
        if (has_spec) --sp;
        TOP() = v;
        DISPATCH();
    }
    TARGET(UNPACK_SEQUENCE) {
        Value seq = TOP();
        if (seq.is_obj() && seq.as_obj()->type == in.types.tuple &&
            seq.as<rt::Tuple>()->size == arg) {
            const Value* items = seq.as<rt::Tuple>()->items();
            --sp;
            for (uint32_t i = arg; i-- > 0;) PUSH(items[i]);
            DISPATCH();
        }
        SAVE_FRAME();
        if (unpack_sequence(in, seq, arg, sp - 1).is_error()) goto error;
        sp += int(arg) - 1;
        DISPATCH();
    }
    TARGET(UNPACK_EX) {
        SAVE_FRAME();
        uint32_t before = arg & 0xff, after = arg >> 8;
        if (unpack_ex(in, TOP(), before, after, sp - 1).is_error()) goto error;
        sp += int(before + after);
        DISPATCH();
    }

    // ---- calls and functions ----
    TARGET(KW_NAMES) {
        kwnames = consts[arg].as<rt::Tuple>();
        DISPATCH();
    }
    TARGET(CALL) {
        call_args = sp - arg;
        call_callee = call_args[-1];
        call_n = arg;
        call_base = call_args - 1;
        goto do_call;
    }
    TARGET(CALL_METHOD) {
        Value func = PEEK(arg + 2);
        call_base = sp - arg - 2;
        if (func.is_null()) {
            call_args = sp - arg;
            call_callee = call_args[-1];
            call_n = arg;
        } else {
            call_args = sp - arg - 1;
            call_callee = func;
            call_n = arg + 1;
        }
        goto do_call;
    }
    TARGET(CALL_FUNCTION_EX) {
        SAVE_FRAME();
        Value kwargs = (arg & 1) ? TOP() : Value::null();
        Value* base = sp - ((arg & 1) ? 3 : 2);
        Value v = call_function_ex(in, base[0], base[1], kwargs).value();
        if (v.is_error()) goto error;
        sp = base;
        PUSH(v);
        DISPATCH();
    }
    TARGET(MAKE_FUNCTION) {
        int n = ((arg & 1) != 0) + ((arg & 2) != 0) + ((arg & 4) != 0) + ((arg & 8) != 0);
        SAVE_FRAME();
        Value v = make_function_op(in, frame, arg, sp - n - 1).value();
        if (v.is_error()) goto error;
        sp -= n + 1;
        PUSH(v);
        DISPATCH();
    }

    // ---- imports ----
    TARGET(IMPORT_NAME) {
        SAVE_FRAME();
        Value level = PEEK(2);
        Value v = rt::import_name(in, NAME(arg), Value::from_obj(frame->globals), TOP(),
                                  level.is_small_int() ? int(level.as_small_int()) : 0).value();
        if (v.is_error()) goto error;
        --sp;
        TOP() = v;
        DISPATCH();
    }
    TARGET(IMPORT_FROM) {
        SAVE_FRAME();
        TRY_PUSH(rt::import_from(in, TOP(), NAME(arg)));
        DISPATCH();
    }
    TARGET(IMPORT_STAR) {
        SAVE_FRAME();
        if (rt::import_star(in, TOP(), frame->locals()).is_error()) goto error;
        --sp;
        DISPATCH();
    }

    // ---- exceptions ----
    TARGET(RAISE_VARARGS) {
        SAVE_FRAME();
        if (arg == 0) {
            (void)do_reraise(in);
            goto exception_unwind;
        }
        Value cause = arg == 2 ? POP() : Value::null();
        (void)do_raise(in, POP(), cause);
        goto error_tb;
    }
    TARGET(RERAISE) {
        // The operand's saved lasti (CPython restores prev_instr from it) matters only for
        // frame introspection: the handler is looked up from this instruction, as CPython's
        // exception_unwind does ("We can't use frame->f_lasti here, as RERAISE may have set it").
        Value exc = POP();
        in.set_exception(exc);
        goto exception_unwind;
    }
    TARGET(PUSH_EXC_INFO) {
        Value exc = TOP();
        TOP() = vm.exc_info->value;
        PUSH(exc);
        vm.exc_info->value = exc;
        DISPATCH();
    }
    TARGET(POP_EXCEPT) {
        vm.exc_info->value = POP();
        DISPATCH();
    }
    TARGET(CHECK_EXC_MATCH) {
        SAVE_FRAME();
        auto r = check_exc_match(in, PEEK(2), TOP());
        if (r.is_error()) goto error;
        TOP() = Value::boolean(r.value());
        DISPATCH();
    }
    TARGET(BEFORE_WITH) {
        SAVE_FRAME();
        Value v = before_with(in, TOP(), sp - 1, false).value();
        if (v.is_error()) goto error;
        PUSH(v);
        DISPATCH();
    }
    TARGET(WITH_EXCEPT_START) {
        SAVE_FRAME();
        TRY_PUSH(with_except_start(in, PEEK(4), TOP()));
        DISPATCH();
    }
    TARGET(SETUP_ANNOTATIONS) {
        SAVE_FRAME();
        if (setup_annotations(in, frame).is_error()) goto error;
        DISPATCH();
    }

    // ---- generators and coroutines ----
    TARGET(YIELD_VALUE) {
    yield_value:
        Value v = POP();
        SAVE_FRAME();
        rt::Generator* g = frame->gen;
        if (!g) g = adopt_awaited_frame(in, frame);   // ReturnTo::Awaiter's first suspension
        if (frame->on_data_stack) frame = g->frame = move_frame_to_heap(in, frame);
        g->state = rt::GenState::Suspended;
        gen_unlink(in, g);
        Frame* prev = frame->previous;
        frame->previous = nullptr;   // a suspended frame is on nobody's call chain
        if (frame->is_entry) {
            result = v;
            vm.current = caller;
            return Exit::Yielded;
        }
        // Entered inline by SEND or FOR_ITER: the value is that instruction's result.
        frame = prev;
        LOAD_FRAME();
        if (g->wrapped_yield) {
            // An async generator's own yield: it ends the asend that SEND entered it for, and
            // the item is that await's result (async_gen_unwrap_value).
            g->wrapped_yield = false;
            g->running_async = false;
            if (!TOP().is_null()) {   // null: GET_ANEXT entered it without an asend
                auto* op = TOP().as<rt::AsyncGenOp>();
                op->state = rt::AsyncGenOp::State::Closed;
                if (op->recyclable && vm.anext_cache_count < VmState::AnextCacheDepth)
                    vm.anext_cache[vm.anext_cache_count++] = op;
            }
            TOP() = v;   // the stack slot that held the asend
            ip = code->instrs + ip[-1].arg();
            DISPATCH();
        }
        // A null slot is GET_ANEXT's, for the async generator that just suspended in an await.
        if (TOP().is_null()) [[unlikely]] TOP() = asend_in_flight(in, g);
        if (v.is_obj() && in.loop_state && rt::loop::is_sleep(*in.loop_state, v.as_obj()->type) &&
            ip[-1].op() == Op::FOR_ITER) [[unlikely]] {
            // A `for` over a generator whose `yield from coro.__await__()` reached a sleep: the
            // loop drives it by hand and gets what CPython's sleep coroutine yields.
            SAVE_FRAME();
            bool returned = false;
            v = rt::loop::sleep_yielded_by_hand(in, g, v, returned).value();
            if (v.is_error()) goto error;
            if (returned) {   // FOR_ITER's exhaustion: the iterator goes, and the jump
                --sp;
                ip = code->instrs + ip[-1].arg();
                DISPATCH();
            }
        }
        PUSH(v);
        DISPATCH();
    }
    TARGET(GET_YIELD_FROM_ITER) {
        SAVE_FRAME();
        Value v = get_yield_from_iter(in, frame, TOP()).value();
        if (v.is_error()) goto error;
        TOP() = v;
        DISPATCH();
    }
    TARGET(SEND) {
        Value sub = PEEK(2);
        if (sub.is_obj() && (sub.as_obj()->type == in.types.generator ||
                             sub.as_obj()->type == in.types.coroutine)) {
            auto* g = sub.as<rt::Generator>();
            if (g->state == rt::GenState::Created || g->state == rt::GenState::Suspended) {
                Value sent = POP();
                SAVE_FRAME();
                Frame* f = enter_generator_inline(in, g, frame, sent);
                if (!f) goto error;
                frame = f;
                LOAD_FRAME();
                DISPATCH();
            }
        } else if (sub.is_obj() && sub.as_obj()->type == in.types.list_iterator &&
                   TOP().is_none()) {
            // `yield from a_list`: next() of the list iterator, as FOR_ITER does.
            auto* li = sub.as<rt::ListIterator>();
            if (li->list && li->index < li->list->items.size()) {
                TOP() = li->list->items[li->index++];
            } else {
                li->list = nullptr;
                --sp;
                TOP() = Value::none();
                ip = code->instrs + arg;
            }
            DISPATCH();
        }
        if (sub.is_obj() && in.loop_state && sub.as_obj()->type == in.loop_state->sleep_type) {
            // `await asyncio.sleep(d)`: the sleep yields itself until its task sends it back, then
            // the await gives its result (rt::loop::await_send's first case, inline: a task that
            // loops over sleeps passes here twice per step).
            if (TOP().is(sub)) {
                --sp;
                TOP() = sub.as<rt::loop::SleepAwaitable>()->result;
                ip = code->instrs + arg;
            } else {
                TOP() = sub;
            }
            DISPATCH();
        }
        if (sub.is_obj() && sub.as_obj()->type == in.types.async_gen_asend) {
            // `async for` over an async generator (asend/__anext__): enter its frame inline
            // as above; its own yield ends the asend (YIELD_VALUE), its return raises
            // StopAsyncIteration here (RETURN_VALUE). The rarer states take send_slow.
            auto* op = sub.as<rt::AsyncGenOp>();
            rt::Generator* g = op->gen;
            Value sent = TOP();
            if (op->state == rt::AsyncGenOp::State::Init && sent.is_none()) sent = op->value;
            bool enterable = op->state == rt::AsyncGenOp::State::Iter ||
                             (op->state == rt::AsyncGenOp::State::Init && !g->running_async);
            if (enterable && (g->state == rt::GenState::Suspended ||
                              (g->state == rt::GenState::Created && sent.is_none()))) {
                --sp;
                SAVE_FRAME();
                Frame* f = enter_asend_inline(in, g, Value::from_obj(op), frame, sent);
                if (!f) goto error;
                frame = f;
                LOAD_FRAME();
                DISPATCH();
            }
        }
        SAVE_FRAME();
        bool done = false;
        Value v = send_slow(in, sub, TOP(), done).value();
        if (v.is_error()) goto error;
        --sp;
        if (done) {
            TOP() = v;
            ip = code->instrs + arg;
        } else {
            PUSH(v);
        }
        DISPATCH();
    }
    TARGET(GET_AWAITABLE) {
        Value a = TOP();
        if (a.is_obj() && in.loop_state && a.as_obj()->type == in.loop_state->sleep_type) DISPATCH();   // its own iterator
        SAVE_FRAME();
        Value v = get_awaitable(in, TOP(), arg).value();
        if (v.is_error()) goto error;
        TOP() = v;
        DISPATCH();
    }
    TARGET(GET_AITER) {
        SAVE_FRAME();
        Value v = get_aiter(in, TOP()).value();
        if (v.is_error()) goto error;
        TOP() = v;
        DISPATCH();
    }
    TARGET(GET_ANEXT) {
        Value aiter = TOP();
        if (aiter.is_obj() && aiter.as_obj()->type == in.types.async_generator) {
            auto* g = aiter.as<rt::Generator>();
            // GET_ANEXT is always followed by the await sequence's LOAD_CONST None, SEND.
            if (!g->running_async && g->state == rt::GenState::Suspended) {
                // The next item: enter the generator as the SEND after us would (asend_send with
                // None), without the two dispatches; its yield comes back to that SEND. No
                // asend object unless it suspends in an await (YIELD_VALUE): its slot is null.
                PUSH(Value::null());
                ip += 2;
                SAVE_FRAME();
                Frame* f = enter_asend_inline(in, g, Value::null(), frame, Value::none());
                if (!f) goto error;
                frame = f;
                LOAD_FRAME();
                DISPATCH();
            }
            PUSH(Value::from_obj(anext_for_loop(in, g)));
            DISPATCH();
        }
        SAVE_FRAME();
        TRY_PUSH(get_anext(in, aiter));
        DISPATCH();
    }
    TARGET(END_ASYNC_FOR) {
        Value exc = POP();
        if (rt::is_subtype(fast_type(in, exc), in.exc.StopAsyncIteration)) {
            --sp;
            DISPATCH();
        }
        in.set_exception(exc);
        goto exception_unwind;
    }
    TARGET(BEFORE_ASYNC_WITH) {
        SAVE_FRAME();
        // An __aenter__ with an await form (an asyncio lock's) may finish the await that follows
        // at once: its result lands past the SEND loop.
        bool fused = awaits_result(ip), done = false;
        Value v = before_with(in, TOP(), sp - 1, true, fused ? &done : nullptr).value();
        if (v.is_error()) goto error;
        PUSH(v);
        if (done) ip = code->instrs + ip[2].arg();
        DISPATCH();
    }
    TARGET(ASYNC_GEN_WRAP) {
        frame->gen->wrapped_yield = true;   // read by the asend/athrow that resumed us
        if (ip->op() == Op::YIELD_VALUE) {
            ++ip;   // the yield it always precedes, without a dispatch
            goto yield_value;
        }
        DISPATCH();
    }

    // ---- interactive ----
    TARGET(PRINT_EXPR) {
        SAVE_FRAME();
        if (print_expr(in, TOP()).is_error()) goto error;
        --sp;
        DISPATCH();
    }

#ifndef EDDY_COMPUTED_GOTO
    }
    __builtin_unreachable();
}
#endif

    // The shared call sequence of CALL and CALL_METHOD: call_args[0..call_n) are the
    // arguments (the last len(kwnames) of them keywords), call_args[-1] is a scratch slot and
    // everything from the first of callee/null down is replaced by the result.
do_call: {
    if (in.heap.wants_collect() || vm.interrupt_requested) {
        SAVE_FRAME();
        if (safe_point(in).is_error()) goto error;
    }
    rt::Type* t = fast_type(in, call_callee);
    if (t == in.types.bound_method) {
        auto* m = call_callee.as<rt::BoundMethod>();
        if (m->func.is_obj() && m->func.as_obj()->type == in.types.function) {
            // Reuse the scratch slot below the arguments for self (CPython's trick).
            call_args[-1] = m->self;
            --call_args;
            ++call_n;
            call_callee = m->func;
            t = in.types.function;
        }
    }
    if (t == in.types.function && !kwnames) {
        auto* fn = call_callee.as<rt::Function>();
        if (fn->code->simple_argcount == int32_t(call_n)) {
            SAVE_FRAME();
            Frame* nf = push_simple_frame(in, fn, call_args, call_n);
            if (!nf) goto error;
            sp = call_base;
            SAVE_FRAME();
            nf->previous = frame;
            frame = nf;
            LOAD_FRAME();
            DISPATCH();
        }
        // awaited_argcount is set only for coroutine functions.
        if (fn->code->awaited_argcount == int32_t(call_n) && awaits_plainly(ip)) {
            // `await f(...)` of a coroutine function: its frame runs as an ordinary call's and
            // returns into SEND's slot; the coroutine object is made only if it suspends.
            if (Frame* nf = push_awaited_frame(in, fn, call_args, call_n)) {
                sp = call_base;
                PUSH(Value::none());   // SEND's slot; the coroutine object if it suspends
                ip += 3;               // past GET_AWAITABLE, LOAD_CONST None, SEND
                SAVE_FRAME();
                nf->previous = frame;
                frame = nf;
                LOAD_FRAME();
                DISPATCH();
            }
        }
    }
    size_t nkw = kwnames ? kwnames->size : 0;
    if (t == in.types.function) {
        auto* fn = call_callee.as<rt::Function>();
        if (!(fn->code->flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR))) {
            SAVE_FRAME();
            Frame* nf = push_frame(in, fn->code, fn, fn->globals, fn->builtins);
            if (!nf) {
                kwnames = nullptr;
                goto error;
            }
            rt::Status st = bind_arguments(in, fn, nf, call_args, call_n - nkw, kwnames);
            kwnames = nullptr;
            if (st.is_error()) {
                pop_frame(in, nf);
                goto error;
            }
            sp = call_base;
            SAVE_FRAME();
            nf->previous = frame;
            frame = nf;
            LOAD_FRAME();
            DISPATCH();
        }
        if (awaits_call_result(fn, ip)) {
            // `await f(...)`: make the coroutine and enter it as SEND would, without the generic
            // call or the await protocol; SEND's sub-iterator slot holds it.
            SAVE_FRAME();
            rt::Tuple* kw = kwnames;
            kwnames = nullptr;
            rt::Generator* g = kw ? nullptr : start_awaited_call_fast(in, fn, call_args, call_n, frame);
            if (!g) g = start_awaited_call(in, fn, call_args, call_n - nkw, kw, frame);
            if (!g) goto error;
            sp = call_base;
            PUSH(Value::from_obj(g));
            ip += 3;   // past GET_AWAITABLE, LOAD_CONST None, SEND
            SAVE_FRAME();
            frame = g->frame;
            LOAD_FRAME();
            DISPATCH();
        }
    }
    if (t == in.types.type) {
        // Instantiating a class whose __init__ is a Python function: make the instance here and
        // run __init__ as an ordinary frame (no nested interpreter); the instance takes the
        // result's place and __init__'s None is dropped when it returns (RETURN_VALUE).
        auto* cls = call_callee.as<rt::Type>();
        rt::Function* init = rt::plain_init_function(in, cls);
        if (init && !(init->code->flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR))) {
            SAVE_FRAME();
            // plain_init_function vouched that __new__ is object's: no argument checks apply.
            Value inst = rt::object_new_instance(in, cls).value();
            if (inst.is_error()) {
                kwnames = nullptr;
                goto error;
            }
            call_args[-1] = inst;   // the scratch slot: self before the arguments
            Frame* nf = push_init_frame(in, init, call_args - 1, call_n + 1 - nkw, kwnames);
            kwnames = nullptr;
            if (!nf) goto error;
            call_base[0] = inst;
            sp = call_base + 1;
            SAVE_FRAME();
            nf->previous = frame;
            nf->returns_to = ReturnTo::Instance;
            frame = nf;
            LOAD_FRAME();
            DISPATCH();
        }
    }
    if ((t == in.types.method_descriptor || t == in.types.native_function) && !kwnames) {
        SAVE_FRAME();
        auto* nf = call_callee.as<rt::NativeFunction>();
        if (nf->await_form && awaits_result(ip)) {
            // `await obj.method(...)` of a native method with an await form (a queue's get/put,
            // a lock's acquire/__aexit__): finished at once, its result lands past the await
            // loop with no awaitable made; otherwise the await goes on with what it returns.
            bool done = false;
            Value v = rt::call_native_await(in, nf, call_args, call_n, done).value();
            if (v.is_error()) goto error;
            sp = call_base;
            PUSH(v);
            if (done) ip = code->instrs + ip[2].arg();
            DISPATCH();
        }
        // Positional arguments to a native function or method go straight to its binder (the
        // two types' call slot), without call_generic's type dispatch.
        Value v = rt::call_native(in, nf, rt::CallArgs{call_args, call_n, nullptr}).value();
        if (v.is_error()) goto error;
        sp = call_base;
        PUSH(v);
        DISPATCH();
    }
    SAVE_FRAME();
    rt::Tuple* kw = kwnames;
    kwnames = nullptr;
    Value v = call_generic(in, call_callee, call_args, call_n - nkw, kw).value();
    if (v.is_error()) goto error;
    sp = call_base;
    PUSH(v);
    DISPATCH();
}

    // ---- the exception path ----
    // unbound_local: the instruction before ip (LOAD_FAST, DELETE_FAST or the LOAD_FAST half of
    // a superinstruction) found local `arg` unbound.
unbound_local:
    (void)raise_unbound_local(in, code, arg);
    goto error;
    // error: the instruction before ip raised; chain __context__ as CPython's _PyErr_SetObject
    // would have, then record the frame in the traceback.
error:
    note_exception(in, frame, uint32_t(ip - code->instrs) - 1, true);
    goto exception_unwind;
    // error_tb: the exception is already chained (raise, or coming up from a callee frame).
error_tb:
    note_exception(in, frame, uint32_t(ip - code->instrs) - 1, false);
    // exception_unwind: find the handler (CPython 3.11's exception_unwind label).
exception_unwind: {
    uint32_t lasti = uint32_t(ip - code->instrs) - 1;
    if (const ExceptionEntry* h = find_handler(code, lasti)) {
        sp = frame->stack_base() + h->depth;
        if (h->push_lasti) PUSH(Value::from_small_int(lasti));
        PUSH(in.take_exception());
        ip = code->instrs + h->target;
        DISPATCH();
    }
    // No handler: the frame is finished; the exception continues in the caller.
    SAVE_FRAME();
    Frame* prev = frame->previous;
    bool is_entry = frame->is_entry;
    if (rt::Generator* g = frame->gen) {
        gen_raised(in, g);
        frame->previous = nullptr;
        gen_release_frame(in, g);
        // An async generator SEND entered inline: the exception also ends that asend.
        if (!is_entry && g->type == in.types.async_generator) asend_failed(in, prev->sp[-1], g, false);
    } else {
        if (frame->returns_to == ReturnTo::Awaiter) [[unlikely]] awaited_frame_raised(in);
        pop_frame(in, frame);
    }
    if (is_entry) {
        vm.current = caller;
        return Exit::Raised;
    }
    frame = prev;
    LOAD_FRAME();
    goto error_tb;
}

#undef LOAD_FRAME
#undef SAVE_FRAME
#undef LOCALS
#undef PUSH
#undef POP
#undef TOP
#undef PEEK
#undef JUMP_TO_ARG
#undef NAME
#undef TRUTH
#undef TRY_PUSH
#undef TARGET
#undef DISPATCH
}

} // namespace eddy::vm
