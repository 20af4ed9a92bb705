// runtime/generator_object.hpp: generators, coroutines and async generators (one layout, three
// types), each owning its suspended frame, plus the helper objects of the async protocols:
// asend/athrow awaitables and the coroutine_wrapper that `coro.__await__()` returns. Resumption runs the frame in the VM.
#pragma once

#include "object.hpp"
#include "vm/vm_state.hpp"

namespace eddy::rt {

enum class GenState : uint8_t { Created, Running, Suspended, Done };

struct Generator : Obj {
    vm::Frame* frame = nullptr;        // malloc'd, owned; null once Done
    GenState state = GenState::Created;
    bool running_async = false;        // async generators: an asend/athrow is in progress
    bool closed = false;               // async generators: aclose() started (ag_closed)
    // Async generators: the value just yielded is the generator's own `yield v` (ASYNC_GEN_WRAP),
    // not a value passed up from an await inside it. A flag instead of CPython's wrapper object,
    // so an item costs no allocation; only asend/athrow resume an async generator, and they read
    // and clear it right after the step.
    bool wrapped_yield = false;
    // A coroutine made by `await f(...)` itself (the VM's fused call): nothing but the awaiting
    // frame's stack slot refers to it, so when it returns there the VM reuses the object for the
    // next such call. Cleared when the object escapes (cr_await/gi_yieldfrom hand it out).
    bool recyclable = false;
    vm::ExcInfo exc_state;             // its handled exception, linked into the VM's while running
    // The function it was made from, for __name__, __qualname__ and gi_code (kept after the frame
    // is freed): one word instead of three. A function renamed after the call renames its
    // existing generators too, where CPython's keep the old name.
    Function* func = nullptr;
    Str* name() const { return func->name; }
    Str* qualname() const { return func->qualname; }
    CodeObject* code() const { return func->code; }
};

// The awaitable `agen.asend(v)` / `agen.__anext__()` / `agen.athrow(...)` / `agen.aclose()`.
struct AsyncGenOp : Obj {
    enum class Kind : uint8_t { Send, Throw, Close };
    enum class State : uint8_t { Init, Iter, Closed };
    Generator* gen = nullptr;
    Kind kind = Kind::Send;
    State state = State::Init;
    // Made by `async for` itself (GET_ANEXT) and seen by nothing but that frame's stack slot:
    // the VM reuses it once its item arrives. Cleared when it escapes (cr_await/ag_await).
    bool recyclable = false;
    Value value = Value::none();       // asend: the value to send; athrow: the exception
};

// coro.__await__(): an iterator driving the coroutine.
struct CoroutineWrapper : Obj {
    Generator* coro = nullptr;
};

// Creates the generator/coroutine/async generator for a call of `func` whose arguments are
// already bound into `frame` (a heap frame allocated with vm::alloc_heap_frame).
Generator* make_generator(Interp& in, Function* func, vm::Frame* frame);

bool is_generator(const Interp& in, Value v);   // generator, coroutine or async_generator

// Resumes a generator or coroutine with `value` (send) as `gen.send(value)` does, as a step of
// the VM: returns the yielded value, sets `returned` and the return value when it finishes, or
// fails with the exception it raised. Raises "generator already executing" & co. itself.
Result<Value> gen_send(Interp& in, Generator* gen, Value value, bool& returned);
// gen_send as Python code driving `g` by hand sees it (send(), next(), list()): a sleep in its
// await chain yields what CPython's sleep coroutine yields, not itself (loop/sleep.cpp).
Result<Value> gen_send_by_hand(Interp& in, Generator* g, Value value, bool& returned);
// gen.throw(exc) (the exception already normalised to an instance): same results as gen_send.
Result<Value> gen_throw(Interp& in, Generator* gen, Value exc, bool& returned);
// gen.close().
Status gen_close(Interp& in, Generator* gen);

// Sets the pending exception to StopIteration(value) (no args when value is None).
Error raise_stop_iteration(Interp& in, Value value);
// The value a pending StopIteration carries (its .value); clears it. Precondition: pending.
Value take_stop_iteration_value(Interp& in);

// The exception gen.throw(typ, val, tb) throws: CPython's argument checks and normalisation.
Result<Value> gen_throw_args(Interp& in, Value typ, Value val, Value tb);

void init_generator_types(Interp& in);
void init_async_gen_types(Interp& in);   // async_gen_object.cpp

// `agen.__anext__()` without the method lookup (async for's GET_ANEXT).
Value async_gen_anext(Interp& in, Generator* gen);
bool is_async_gen_op(const Interp& in, Value v);   // an asend/athrow/aclose awaitable
// One step of an asend/athrow/aclose awaitable as the `await` loop sees it: the value it passes
// up, or `done` with the result, where the Python-level send() would raise StopIteration(result).
Result<Value> async_gen_op_send(Interp& in, Value op, Value arg, bool& done);

} // namespace eddy::rt
