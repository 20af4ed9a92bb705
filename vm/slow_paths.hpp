// vm/slow_paths.hpp: the out-of-line bodies of opcodes whose fast path (or whole body) does not
// belong in the dispatch loop: name lookups that miss, unpacking, building, raising, `with`,
// awaiting. Each mirrors the CPython 3.11 ceval.c code of the same instruction, messages included.
#pragma once

#include "runtime/generator_object.hpp"
#include "runtime/interp.hpp"
#include "runtime/object.hpp"
#include "vm/frame.hpp"

namespace eddy::vm {

// ---- names and variables ----
rt::Error raise_unbound_local(rt::Interp& in, rt::CodeObject* code, uint32_t index);
rt::Error raise_unbound_deref(rt::Interp& in, rt::CodeObject* code, uint32_t index);
rt::Result<rt::Value> load_global_slow(rt::Interp& in, Frame* frame, rt::Str* name);
rt::Result<rt::Value> load_name(rt::Interp& in, Frame* frame, rt::Str* name);
rt::Status store_name(rt::Interp& in, Frame* frame, rt::Str* name, rt::Value value);
rt::Status delete_name(rt::Interp& in, Frame* frame, rt::Str* name);
rt::Status delete_global(rt::Interp& in, Frame* frame, rt::Str* name);
rt::Result<rt::Value> load_classderef(rt::Interp& in, Frame* frame, uint32_t index);
rt::Result<rt::Value> load_build_class(rt::Interp& in, Frame* frame);

// LOAD_METHOD: sets out[0], out[1] to (func, obj) or (null, bound attribute).
rt::Status load_method(rt::Interp& in, rt::Value obj, rt::Str* name, rt::Value* out);

// ---- operators and building ----
rt::Result<bool> truthy_slow(rt::Interp& in, rt::Value v);
rt::Result<rt::Value> build_map(rt::Interp& in, rt::Value* items, uint32_t pairs);
rt::Result<rt::Value> build_const_key_map(rt::Interp& in, rt::Value* values, uint32_t n, rt::Value keys);
rt::Result<rt::Value> build_set(rt::Interp& in, rt::Value* items, uint32_t n);
rt::Result<rt::Value> build_string(rt::Interp& in, rt::Value* items, uint32_t n);
rt::Result<rt::Value> build_slice(rt::Interp& in, rt::Value* items, uint32_t n);
rt::Status list_extend(rt::Interp& in, rt::Value list, rt::Value iterable);
rt::Status set_update(rt::Interp& in, rt::Value set, rt::Value iterable);
rt::Status dict_update(rt::Interp& in, rt::Value dict, rt::Value mapping);
rt::Status dict_merge(rt::Interp& in, rt::Value callee, rt::Value dict, rt::Value mapping);
rt::Result<rt::Value> list_to_tuple(rt::Interp& in, rt::Value list);
rt::Result<rt::Value> format_value(rt::Interp& in, rt::Value value, rt::Value spec, uint32_t flags);
// Pushes n items at dest[0..n) with item 0 last (dest[n-1]).
rt::Status unpack_sequence(rt::Interp& in, rt::Value seq, uint32_t n, rt::Value* dest);
rt::Status unpack_ex(rt::Interp& in, rt::Value seq, uint32_t before, uint32_t after, rt::Value* dest);
rt::Result<rt::Value> make_function_op(rt::Interp& in, Frame* frame, uint32_t flags, rt::Value* args);
rt::Status print_expr(rt::Interp& in, rt::Value value);
rt::Status setup_annotations(rt::Interp& in, Frame* frame);

// ---- calls ----
rt::Result<rt::Value> call_generic(rt::Interp& in, rt::Value callee, const rt::Value* args,
                                   size_t npos, rt::Tuple* kwnames);
rt::Result<rt::Value> call_function_ex(rt::Interp& in, rt::Value callee, rt::Value args,
                                       rt::Value kwargs);
// Safe point: collects when due, raises KeyboardInterrupt on a pending interrupt.
rt::Status safe_point(rt::Interp& in);

// ---- exceptions ----
// RAISE_VARARGS 1/2: raises `exc` (a class is instantiated) with `cause` (null: none given).
rt::Error do_raise(rt::Interp& in, rt::Value exc, rt::Value cause);
// Bare `raise`: re-raises the handled exception, or RuntimeError "No active exception to reraise".
rt::Error do_reraise(rt::Interp& in);
rt::Result<bool> check_exc_match(rt::Interp& in, rt::Value exc, rt::Value type);
// (mgr -- bound_exit enter_result): out[0] = exit, returns the __enter__ result. `awaited`
// (async only, the result is awaited next): an __aenter__ with an await form runs it, and
// sets *awaited when that finished the await (the result is then the await's).
rt::Result<rt::Value> before_with(rt::Interp& in, rt::Value mgr, rt::Value* exit_out, bool async,
                                  bool* awaited = nullptr);
rt::Result<rt::Value> with_except_start(rt::Interp& in, rt::Value exit, rt::Value exc);
// An exception is passing through `frame` at instruction `lasti`: makes the pending exception an
// instance, chains __context__ when `chain` and it has none yet, adds the traceback entry.
void note_exception(rt::Interp& in, Frame* frame, uint32_t lasti, bool chain);
// Finds the handler for instruction `lasti` of `code`, or null.
const ExceptionEntry* find_handler(const rt::CodeObject* code, uint32_t lasti);

// ---- generators and coroutines ----
rt::Result<rt::Value> get_yield_from_iter(rt::Interp& in, Frame* frame, rt::Value iterable);
rt::Result<rt::Value> get_awaitable(rt::Interp& in, rt::Value obj, uint32_t where);
rt::Result<rt::Value> get_aiter(rt::Interp& in, rt::Value obj);
rt::Result<rt::Value> get_anext(rt::Interp& in, rt::Value aiter);
// SEND when the receiver is not a generator the loop can enter inline. Returns the yielded
// value, or sets `done` and returns the sub-iterator's result.
rt::Result<rt::Value> send_slow(rt::Interp& in, rt::Value sub, rt::Value value, bool& done);
// Generator frame bookkeeping shared by the loop and generator_object.cpp (inline: every
// await enters and leaves a coroutine).
inline void gen_link(rt::Interp& in, rt::Generator* gen, Frame* caller) {
    VmState& vm = *in.vm;
    gen->state = rt::GenState::Running;
    gen->frame->previous = caller;
    gen->exc_state.previous = vm.exc_info;
    vm.exc_info = &gen->exc_state;
    ++vm.depth;
}
inline void gen_unlink(rt::Interp& in, rt::Generator* gen) {
    VmState& vm = *in.vm;
    vm.exc_info = gen->exc_state.previous;
    gen->exc_state.previous = nullptr;
    --vm.depth;
}
// The generator's frame raised: marks it done, converts StopIteration (PEP 479).
void gen_raised(rt::Interp& in, rt::Generator* gen);
// A frame the fused `await f(...)` ran without a coroutine object (ReturnTo::Awaiter) raised:
// PEP 479's conversion, as gen_raised does for a coroutine.
void awaited_frame_raised(rt::Interp& in);
// Such a frame is about to suspend (YIELD_VALUE): gives it its coroutine object, linked as
// running, and puts that in its awaiter's SEND slot, where the call left None.
rt::Generator* adopt_awaited_frame(rt::Interp& in, Frame* frame);
// The sub-iterator a suspended generator delegates to (`yield from`/`await`), or null.
rt::Value gen_yield_from(rt::Generator* gen);
// gen_yield_from for code that hands the sub-iterator out or drives it (cr_await, throw, close):
// an Event's shared token is first replaced by a wait object of the generator's own.
rt::Value gen_yield_from_unshared(rt::Interp& in, rt::Generator* gen);
// A value the running frame yields now goes straight up to whoever resumed `outer`: every frame
// from the running one up to `outer`'s is suspended in an await's SEND of the one below it.
bool yields_reach(rt::Interp& in, rt::Generator* outer);
// `outer`'s await chain (through coroutines, `yield from`s and async generators' asend) reaches
// `inner`, each level suspended at its await or being resumed into it.
bool awaits_through(rt::Interp& in, rt::Generator* outer, rt::Generator* inner);
// The generator finished (returned or raised) and its frame is no longer executing: frees it.
void gen_release_frame(rt::Interp& in, rt::Generator* gen);
// `await fn(args)` of a coroutine function in one step (the VM fuses CALL, GET_AWAITABLE and
// SEND): the coroutine with its arguments bound, already linked to run under `caller`, as SEND
// would have entered it. Null with the binding's TypeError pending.
rt::Generator* start_awaited_call(rt::Interp& in, rt::Function* fn, const rt::Value* args,
                                  size_t npos, rt::Tuple* kwnames, Frame* caller);

} // namespace eddy::vm
