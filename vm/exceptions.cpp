// vm/exceptions.cpp: the VM side of exceptions: raising (RAISE_VARARGS, CPython's do_raise),
// __context__ chaining (_PyErr_SetObject), matching `except` clauses, the exception table lookup,
// `with` statement entry/exit, and the handled-exception stack behind sys.exc_info().
#include <string>

#include "runtime/dict_object.hpp"
#include "runtime/exception_object.hpp"
#include "runtime/function_object.hpp"
#include "runtime/interp.hpp"
#include "runtime/native.hpp"
#include "runtime/ops.hpp"
#include "runtime/traceback.hpp"
#include "runtime/tuple_object.hpp"
#include "vm/interpreter.hpp"
#include "vm/slow_paths.hpp"
#include "vm/vm_state.hpp"

namespace eddy::vm {

using rt::Value;

Value handled_exception(const VmState& vm) {
    for (const ExcInfo* e = vm.exc_info; e; e = e->previous)
        if (!e->value.is_none() && !e->value.is_null()) return e->value;
    return Value::none();
}

void chain_context(rt::Interp& in, Value exc) {
    Value handled = handled_exception(*in.vm);
    if (handled.is_none() || handled.is(exc) || !rt::is_exception_instance(in, exc)) return;
    // Break a cycle the new link would close (CPython's _PyErr_SetObject, step 2).
    Value o = handled;
    while (o.is_obj() && rt::is_exception_instance(in, o)) {
        auto* be = o.as<rt::BaseException>();
        if (be->context.is(exc)) {
            be->context = Value::none();
            break;
        }
        o = be->context;
    }
    exc.as<rt::BaseException>()->context = handled;
}

// Turns a pending exception class into an instance (raise_value allows either).
static void normalize_pending(rt::Interp& in) {
    Value exc = in.exception();
    if (!rt::is_exception_class(in, exc)) return;
    in.take_exception();
    Value inst = rt::call(in, exc, {}).value();
    if (inst.is_error()) return;   // the constructor's own exception is now pending
    in.set_exception(inst);
}

void note_exception(rt::Interp& in, Frame* frame, uint32_t lasti, bool chain) {
    if (!in.has_exception()) {
        // A native function reported failure without raising: a bug, but not a crash.
        (void)in.raise(in.exc.SystemError, "error return without exception set");
    }
    normalize_pending(in);
    Value exc = in.exception();
    if (!rt::is_exception_instance(in, exc)) return;
    if (chain && exc.as<rt::BaseException>()->context.is_none()) chain_context(in, exc);
    rt::traceback_add(in, exc, frame->code, frame->globals, lasti);
}

const ExceptionEntry* find_handler(const rt::CodeObject* code, uint32_t lasti) {
    // The compiler emits non-overlapping ranges (as CPython 3.11 does); the first match wins.
    for (const ExceptionEntry& e : code->code->exception_table)
        if (lasti >= e.start && lasti < e.end) return &e;
    return nullptr;
}

// An exception instance for `raise X`: instances as is, classes called with no arguments.
static rt::Result<Value> instantiate_for_raise(rt::Interp& in, Value exc, bool is_cause) {
    if (rt::is_exception_class(in, exc)) {
        Value inst = EDDY_TRY(rt::call(in, exc, {}));
        if (!rt::is_exception_instance(in, inst)) {
            std::string a = EDDY_TRY(rt::repr_string(in, exc));
            std::string b = EDDY_TRY(rt::repr_string(in, inst));
            return in.raise(in.exc.TypeError, "calling " + a +
                                                  " should have returned an instance of BaseException, not " +
                                                  std::string(rt::type_name(in, inst)));
        }
        return inst;
    }
    if (rt::is_exception_instance(in, exc)) return exc;
    if (is_cause) return in.raise(in.exc.TypeError, "exception causes must derive from BaseException");
    return in.raise(in.exc.TypeError, "exceptions must derive from BaseException");
}

rt::Error do_raise(rt::Interp& in, Value exc, Value cause) {
    Value inst = instantiate_for_raise(in, exc, false).value();
    if (inst.is_error()) return rt::Error{};
    auto* be = inst.as<rt::BaseException>();
    if (!cause.is_null()) {
        if (cause.is_none()) {
            be->cause = Value::none();
        } else {
            Value c = instantiate_for_raise(in, cause, true).value();
            if (c.is_error()) return rt::Error{};
            be->cause = c;
        }
        be->suppress_context = true;
    }
    chain_context(in, inst);
    return in.raise_value(inst);
}

rt::Error do_reraise(rt::Interp& in) {
    Value h = handled_exception(*in.vm);
    if (h.is_none()) return in.raise(in.exc.RuntimeError, "No active exception to reraise");
    return in.raise_value(h);
}

static rt::Status check_except_type(rt::Interp& in, Value type) {
    auto bad = [&] {
        return in.raise(in.exc.TypeError,
                        "catching classes that do not inherit from BaseException is not allowed");
    };
    if (rt::is_tuple(in, type)) {
        for (Value t : type.as<rt::Tuple>()->span())
            if (!rt::is_exception_class(in, t)) return bad();
        return rt::ok();
    }
    if (!rt::is_exception_class(in, type)) return bad();
    return rt::ok();
}

rt::Result<bool> check_exc_match(rt::Interp& in, Value exc, Value type) {
    EDDY_CHECK(check_except_type(in, type));
    rt::Type* et = rt::type_of(in, exc);
    if (rt::is_tuple(in, type)) {
        for (Value t : type.as<rt::Tuple>()->span())
            if (rt::is_subtype(et, t.as<rt::Type>())) return true;
        return false;
    }
    return rt::is_subtype(et, type.as<rt::Type>());
}

// CPython's _PyObject_LookupSpecial: the attribute on the type, bound to obj; null if absent.
static rt::Result<Value> lookup_special(rt::Interp& in, Value obj, rt::Str* name) {
    rt::Type* t = rt::type_of(in, obj);
    Value attr = rt::type_lookup(t, name);
    if (attr.is_null()) return Value::null();
    rt::Type* at = rt::type_of(in, attr);
    if (at->descr_get) return at->descr_get(in, attr, obj, Value::from_obj(t));
    return attr;
}

static rt::Error not_a_context_manager(rt::Interp& in, Value mgr, bool async, const char* missed) {
    std::string what = async ? "asynchronous context manager protocol" : "context manager protocol";
    std::string tn(rt::type_name(in, mgr));
    return in.raise(in.exc.TypeError, "'" + tn + "' object does not support the " + what + missed);
}

rt::Result<Value> before_with(rt::Interp& in, Value mgr, Value* exit_out, bool async, bool* awaited) {
    rt::Str* enter_name = async ? in.names.dunder_aenter : in.names.dunder_enter;
    rt::Str* exit_name = async ? in.names.dunder_aexit : in.names.dunder_exit;
    // An __aenter__ with an await form (an asyncio lock's) is called unbound: no bound method.
    Value enter_attr = awaited ? rt::type_lookup(rt::type_of(in, mgr), enter_name) : Value::null();
    bool await_form = enter_attr.is_obj() && enter_attr.as_obj()->type == in.types.method_descriptor &&
                      enter_attr.as<rt::NativeFunction>()->await_form;
    Value enter = await_form ? enter_attr : EDDY_TRY(lookup_special(in, mgr, enter_name));
    if (enter.is_null()) return not_a_context_manager(in, mgr, async, "");
    Value exit = EDDY_TRY(lookup_special(in, mgr, exit_name));
    if (exit.is_null())
        return not_a_context_manager(in, mgr, async,
                                     async ? " (missed __aexit__ method)" : " (missed __exit__ method)");
    *exit_out = exit;
    if (await_form) return rt::call_native_await(in, enter.as<rt::NativeFunction>(), &mgr, 1, *awaited);
    return rt::call(in, enter, {});
}

rt::Result<Value> with_except_start(rt::Interp& in, Value exit, Value exc) {
    Value tb = Value::none();
    if (rt::is_exception_instance(in, exc)) {
        auto* be = exc.as<rt::BaseException>();
        if (be->traceback) tb = Value::from_obj(be->traceback);
    }
    return rt::call(in, exit, {Value::from_obj(rt::type_of(in, exc)), exc, tb});
}

} // namespace eddy::vm
