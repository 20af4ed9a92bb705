// vm/call.cpp: frames and calls: pushing frames on the data stack (or in a generator's heap
// block), binding arguments to parameters with CPython 3.11's exact TypeErrors (ceval.c's
// initialize_locals), cells, and the native-to-Python call path that re-enters the loop.
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/dict_object.hpp"
#include "runtime/function_object.hpp"
#include "runtime/generator_object.hpp"
#include "runtime/interp.hpp"
#include "runtime/native.hpp"
#include "runtime/ops.hpp"
#include "runtime/str_object.hpp"
#include "runtime/tuple_object.hpp"
#include "vm/interpreter.hpp"
#include "vm/vm_state.hpp"

namespace eddy::vm {

using rt::Value;

namespace {

void init_frame(Frame* f, rt::CodeObject* code, rt::Function* func, rt::Dict* globals,
                rt::Dict* builtins) {
    new (f) Frame();
    f->code = code;
    f->func = func;
    f->globals = globals;
    f->builtins = builtins;
    f->ip = code->instrs;
    Value* lp = f->localsplus();
    for (uint32_t i = 0; i < code->nlocalsplus; ++i) lp[i] = Value::null();
    f->sp = lp + code->nlocalsplus;
}

} // namespace

Frame* push_frame(rt::Interp& in, rt::CodeObject* code, rt::Function* func, rt::Dict* globals,
                  rt::Dict* builtins, uint32_t extra_words) {
    VmState& vm = *in.vm;
    size_t words = FrameHeaderWords + code->framesize + extra_words;
    if (vm.depth >= vm.recursion_limit || vm.stack_top + words > vm.stack_end) {
        in.raise(in.exc.RecursionError, "maximum recursion depth exceeded");
        return nullptr;
    }
    auto* f = reinterpret_cast<Frame*>(vm.stack_top);
    vm.stack_top += words;
    ++vm.depth;
    init_frame(f, code, func, globals, builtins);
    f->on_data_stack = true;
    return f;
}

void pop_frame(rt::Interp& in, Frame* frame) {
    VmState& vm = *in.vm;
    --vm.depth;
    vm.stack_top = reinterpret_cast<Value*>(frame);
}

Frame* alloc_heap_frame(rt::Interp& in, rt::CodeObject* code, rt::Function* func,
                        rt::Dict* globals, rt::Dict* builtins) {
    VmState& vm = *in.vm;
    uint32_t size = code->framesize;
    Frame* f = nullptr;
    if (size < VmState::FrameCacheSizes && vm.frame_cache[size]) {
        f = vm.frame_cache[size];
        vm.frame_cache[size] = f->previous;
        --vm.frame_cache_count[size];
    } else {
        f = static_cast<Frame*>(std::malloc(sizeof(Frame) + sizeof(Value) * size));
        if (!f) std::abort();
    }
    init_frame(f, code, func, globals, builtins);
    return f;
}

void release_heap_frame(rt::Interp& in, Frame* frame) {
    VmState& vm = *in.vm;
    uint32_t size = frame->code->framesize;
    if (size >= VmState::FrameCacheSizes || vm.frame_cache_count[size] >= VmState::FrameCacheDepth) {
        std::free(frame);
        return;
    }
    frame->previous = vm.frame_cache[size];
    vm.frame_cache[size] = frame;
    ++vm.frame_cache_count[size];
}

void free_heap_frame(Frame* frame) { std::free(frame); }

Frame* push_coroutine_frame(rt::Interp& in, rt::CodeObject* code, rt::Function* func) {
    VmState& vm = *in.vm;
    size_t words = FrameHeaderWords + code->framesize;
    if (vm.stack_top + words > vm.stack_end) return nullptr;
    auto* f = reinterpret_cast<Frame*>(vm.stack_top);
    vm.stack_top += words;
    init_frame(f, code, func, func->globals, func->builtins);
    f->on_data_stack = true;
    return f;
}

Frame* move_frame_to_heap(rt::Interp& in, Frame* frame) {
    // The frame is the innermost running one, so it is the top of the data stack: everything
    // it called has returned or moved out already.
    Frame* f = alloc_heap_frame(in, frame->code, frame->func, frame->globals, frame->builtins);
    size_t live = size_t(frame->sp - frame->localsplus());
    std::memcpy(static_cast<void*>(f), frame, sizeof(Frame) + live * sizeof(Value));
    f->sp = f->localsplus() + live;
    f->on_data_stack = false;
    in.vm->stack_top = reinterpret_cast<Value*>(frame);
    return f;
}

void trace_frame(Frame* f, rt::Tracer& tracer) {
    tracer.mark(f->code);
    tracer.mark(f->func);
    tracer.mark(f->globals);
    tracer.mark(f->builtins);
    tracer.mark(f->locals());
    tracer.mark(f->gen);
    Value* lp = f->localsplus();
    if (f->sp >= lp) tracer.mark(std::span<const Value>(lp, size_t(f->sp - lp)));
}

// ---- argument binding (CPython 3.11 ceval.c: initialize_locals and its error helpers) ----

namespace {

std::string qualname_of(rt::Function* fn) { return std::string(fn->qualname->view()); }

rt::Error missing_arguments(rt::Interp& in, rt::Function* fn, Value* lp, bool positional) {
    const vm::Code& co = *fn->code->code;
    size_t defcount = fn->defaults ? fn->defaults->size : 0;
    size_t start = positional ? 0 : size_t(co.argcount);
    size_t end = positional ? size_t(co.argcount) - defcount : start + size_t(co.kwonlyargcount);
    std::vector<std::string> names;
    for (size_t i = start; i < end; ++i)
        if (lp[i].is_null()) names.push_back(co.varnames[i]);
    return in.raise(in.exc.TypeError, rt::missing_arguments_message(qualname_of(fn), names, positional));
}

rt::Error too_many_positional(rt::Interp& in, rt::Function* fn, Value* lp, size_t given) {
    const vm::Code& co = *fn->code->code;
    size_t kwonly_given = 0;
    for (int i = co.argcount; i < co.argcount + co.kwonlyargcount; ++i)
        if (!lp[i].is_null()) ++kwonly_given;
    size_t defcount = fn->defaults ? fn->defaults->size : 0;
    return in.raise(in.exc.TypeError,
                    rt::too_many_positional_message(qualname_of(fn), size_t(co.argcount) - defcount,
                                                    size_t(co.argcount), given, kwonly_given));
}

bool posonly_passed_as_keyword(rt::Interp& in, rt::Function* fn, rt::Tuple* kwnames) {
    const vm::Code& co = *fn->code->code;
    std::vector<std::string> names;
    for (int k = 0; k < co.posonlyargcount; ++k)
        for (size_t i = 0; i < kwnames->size; ++i)
            if ((*kwnames)[i].as<rt::Str>()->view() == co.varnames[k]) {
                names.push_back(co.varnames[k]);
                break;
            }
    if (names.empty()) return false;
    std::string joined;
    for (size_t i = 0; i < names.size(); ++i) joined += (i ? ", " : "") + names[i];
    (void)in.raise(in.exc.TypeError, qualname_of(fn) +
                                         "() got some positional-only arguments passed as keyword arguments: '" +
                                         joined + "'");
    return true;
}

// The parameter index named `key` among those that accept keywords, or -1.
int find_keyword(rt::CodeObject* code, rt::Str* key, int total) {
    const Value* names = code->localsplus_names->items();
    for (int j = code->code->posonlyargcount; j < total; ++j)
        if (names[j].as_obj() == key) return j;
    for (int j = code->code->posonlyargcount; j < total; ++j)
        if (rt::str_equal(names[j].as<rt::Str>(), key)) return j;
    return -1;
}

rt::Status bind_keywords(rt::Interp& in, rt::Function* fn, Value* lp, const Value* kwvalues,
                         rt::Tuple* kwnames, rt::Dict* kwdict, int total) {
    for (size_t i = 0; i < kwnames->size; ++i) {
        Value key = (*kwnames)[i];
        if (!rt::is_str(in, key))
            return in.raise(in.exc.TypeError, qualname_of(fn) + "() keywords must be strings");
        int j = find_keyword(fn->code, key.as<rt::Str>(), total);
        if (j < 0) {
            if (!kwdict) {
                if (fn->code->code->posonlyargcount && posonly_passed_as_keyword(in, fn, kwnames))
                    return rt::Error{};
                return in.raise(in.exc.TypeError, qualname_of(fn) +
                                                      "() got an unexpected keyword argument '" +
                                                      std::string(key.as<rt::Str>()->view()) + "'");
            }
            EDDY_CHECK(rt::dict_set(in, kwdict, key, kwvalues[i]));
            continue;
        }
        if (!lp[j].is_null()) {
            return in.raise(in.exc.TypeError, qualname_of(fn) + "() got multiple values for argument '" +
                                                  std::string(key.as<rt::Str>()->view()) + "'");
        }
        lp[j] = kwvalues[i];
    }
    return rt::ok();
}

rt::Status fill_defaults(rt::Interp& in, rt::Function* fn, Value* lp, size_t npos) {
    const vm::Code& co = *fn->code->code;
    size_t argcount = size_t(co.argcount);
    if (npos < argcount) {
        size_t defcount = fn->defaults ? fn->defaults->size : 0;
        size_t m = argcount - defcount;
        for (size_t i = npos; i < m; ++i)
            if (lp[i].is_null()) return missing_arguments(in, fn, lp, true);
        for (size_t i = (npos > m ? npos - m : 0); i < defcount; ++i)
            if (lp[m + i].is_null()) lp[m + i] = (*fn->defaults)[i];
    }
    if (co.kwonlyargcount > 0) {
        bool missing = false;
        for (size_t i = argcount; i < argcount + size_t(co.kwonlyargcount); ++i) {
            if (!lp[i].is_null()) continue;
            if (fn->kwdefaults) {
                Value d = rt::dict_get_str(fn->kwdefaults, fn->code->localsplus_names->items()[i].as<rt::Str>());
                if (!d.is_null()) {
                    lp[i] = d;
                    continue;
                }
            }
            missing = true;
        }
        if (missing) return missing_arguments(in, fn, lp, false);
    }
    return rt::ok();
}

// Cells for cellvars (an argument captured by an inner function moves into its cell) and the
// closure's cells for freevars.
void setup_cells(rt::Interp& in, rt::Function* fn, Value* lp) {
    rt::CodeObject* code = fn->code;
    const vm::Code& co = *code->code;
    for (uint32_t i = 0; i < code->ncells; ++i) {
        int arg = i < co.cell2arg.size() ? co.cell2arg[i] : -1;
        Value init = Value::null();
        if (arg >= 0) {
            init = lp[arg];
            lp[arg] = Value::null();
        }
        lp[code->nlocals + i] = Value::from_obj(rt::make_cell(in, init));
    }
    for (uint32_t i = 0; i < code->nfrees; ++i) {
        Value c = fn->closure && i < fn->closure->size ? (*fn->closure)[i]
                                                       : Value::from_obj(rt::make_cell(in, Value::null()));
        lp[code->nlocals + code->ncells + i] = c;
    }
}

} // namespace

rt::Status bind_arguments(rt::Interp& in, rt::Function* fn, Frame* frame, const Value* args,
                          size_t npos, rt::Tuple* kwnames) {
    rt::CodeObject* code = fn->code;
    const vm::Code& co = *code->code;
    Value* lp = frame->localsplus();
    size_t argcount = size_t(co.argcount);
    bool varargs = co.flags & CO_VARARGS, varkw = co.flags & CO_VARKEYWORDS;
    // Fast path: exactly the positional parameters, nothing else to do.
    if (!kwnames && npos == argcount && !varargs && !varkw && co.kwonlyargcount == 0) {
        for (size_t i = 0; i < npos; ++i) lp[i] = args[i];
        if (code->ncells | code->nfrees) setup_cells(in, fn, lp);
        return rt::ok();
    }
    int total = co.argcount + co.kwonlyargcount;
    rt::Dict* kwdict = nullptr;
    if (varkw) {
        kwdict = rt::make_dict(in);
        lp[total + (varargs ? 1 : 0)] = Value::from_obj(kwdict);
    }
    size_t n = npos < argcount ? npos : argcount;
    for (size_t i = 0; i < n; ++i) lp[i] = args[i];
    if (varargs) {
        size_t extra = npos > argcount ? npos - argcount : 0;
        lp[total] = Value::from_obj(rt::make_tuple(in, std::span<const Value>(args + n, extra)));
    }
    if (kwnames) EDDY_CHECK(bind_keywords(in, fn, lp, args + npos, kwnames, kwdict, total));
    if (npos > argcount && !varargs) return too_many_positional(in, fn, lp, npos);
    EDDY_CHECK(fill_defaults(in, fn, lp, npos));
    if (code->ncells | code->nfrees) setup_cells(in, fn, lp);
    return rt::ok();
}

// ---- calls from native code ----

static rt::Status check_native_depth(rt::Interp& in) {
    VmState& vm = *in.vm;
    char here;
    if (vm.native_stack_used(&here) > NativeStackBudget || vm.depth >= vm.recursion_limit)
        return in.raise(in.exc.RecursionError, "maximum recursion depth exceeded while calling a Python object");
    return rt::ok();
}

static rt::Result<Value> run_entry(rt::Interp& in, Frame* f) {
    VmState& vm = *in.vm;
    f->previous = vm.current;
    f->is_entry = true;
    Value result;
    Exit e = run_frame(in, f, result);
    if (e == Exit::Raised) return rt::Error{};
    return result;
}

rt::Result<Value> call_function(rt::Interp& in, rt::Function* fn, rt::CallArgs args) {
    EDDY_CHECK(check_native_depth(in));
    rt::CodeObject* code = fn->code;
    size_t nkw = args.kwnames ? args.kwnames->size : 0;
    if (code->flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) {
        Frame* f = alloc_heap_frame(in, code, fn, fn->globals, fn->builtins);
        if (bind_arguments(in, fn, f, args.values, args.count, args.kwnames).is_error()) {
            release_heap_frame(in, f);
            return rt::Error{};
        }
        return Value::from_obj(rt::make_generator(in, fn, f));
    }
    (void)nkw;
    Frame* f = push_frame(in, code, fn, fn->globals, fn->builtins);
    if (!f) return rt::Error{};
    if (bind_arguments(in, fn, f, args.values, args.count, args.kwnames).is_error()) {
        pop_frame(in, f);
        return rt::Error{};
    }
    return run_entry(in, f);
}

rt::Result<Value> function_call_slot(rt::Interp& in, Value callee, rt::CallArgs args) {
    return call_function(in, callee.as<rt::Function>(), args);
}

rt::Result<Value> call_with_locals(rt::Interp& in, rt::Function* fn, Value locals) {
    EDDY_CHECK(check_native_depth(in));
    Frame* f = push_frame(in, fn->code, fn, fn->globals, fn->builtins, LocalsWords);
    if (!f) return rt::Error{};
    if (bind_arguments(in, fn, f, nullptr, 0, nullptr).is_error()) {
        pop_frame(in, f);
        return rt::Error{};
    }
    f->set_locals(locals);
    return run_entry(in, f);
}

rt::Result<Value> run_code(rt::Interp& in, rt::CodeObject* code, rt::Dict* globals, Value locals) {
    EDDY_CHECK(check_native_depth(in));
    rt::Dict* builtins = rt::builtins_for_globals(in, globals);
    Frame* f = push_frame(in, code, nullptr, globals, builtins, LocalsWords);
    if (!f) return rt::Error{};
    f->set_locals(locals);
    Value* lp = f->localsplus();
    for (uint32_t i = 0; i < code->ncells + code->nfrees; ++i)
        lp[code->nlocals + i] = Value::from_obj(rt::make_cell(in, Value::null()));
    return run_entry(in, f);
}

// CPython's FunctionType(code, globals)() for module-level code compiled with top-level await
// (co_flags CO_COROUTINE): a coroutine whose frame has `globals` as its locals too, as a REPL
// input's statements bind names in __main__.
rt::Result<Value> module_coroutine(rt::Interp& in, rt::CodeObject* code, rt::Dict* globals) {
    rt::Function* fn = rt::make_function(in, code, globals);
    // Not from the frame cache: it needs the extra locals slot (the cache may take it back later,
    // by its code's size, which it exceeds).
    auto* f = static_cast<Frame*>(std::malloc(sizeof(Frame) + sizeof(Value) * (code->framesize + LocalsWords)));
    if (!f) std::abort();
    init_frame(f, code, fn, globals, rt::builtins_for_globals(in, globals));
    f->set_locals(Value::from_obj(globals));
    rt::Generator* g = rt::make_generator(in, fn, f);
    Value* lp = f->localsplus();
    for (uint32_t i = 0; i < code->ncells + code->nfrees; ++i)
        lp[code->nlocals + i] = Value::from_obj(rt::make_cell(in, Value::null()));
    return Value::from_obj(g);
}

} // namespace eddy::vm
