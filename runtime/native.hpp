// runtime/native.hpp: native functions and methods, bound from a signature string written in
// Python syntax, in the manner of CPython's Argument Clinic and Wren's signature strings:
//
//     {"split(self, /, sep=None, maxsplit=-1)", str_split},
//     {"print(*args, sep=' ', end='\n', file=None, flush=False)", builtin_print},
//     {"getattr(object, name, default=?, /)", builtin_getattr},
//
// The signature is parsed once (the first time the function is created) into a Signature: arity,
// keyword names, defaults (None, True, False, ints, floats and quoted strings; `=?` means
// "optional, no default": the slot arrives as Value::null()). Calls bind CallArgs to one slot per
// parameter and raise CPython-worded TypeErrors for wrong counts and unknown keywords. A call
// whose positional arguments fill the parameters exactly is passed through without copying.
#pragma once

#include <initializer_list>
#include <memory>
#include <string>
#include <vector>

#include "object.hpp"

namespace eddy::rt {

struct Module;

struct Signature {
    enum class Kind : uint8_t { PositionalOnly, PositionalOrKeyword, VarArgs, KeywordOnly, VarKeywords };
    struct Param {
        std::string name;
        Kind kind;
        bool has_default = false;
        Value default_value = Value::null();   // an immediate, or a str interned in the Interp
    };
    std::string name;                 // "split"
    std::vector<Param> params;
    size_t max_positional = 0;        // parameters that can be filled positionally
    size_t min_positional = 0;        // leading parameters without defaults
    bool has_varargs = false, has_varkw = false, has_kwonly = false;
    bool plain = false;               // positional-only, no defaults, no *args: the no-copy path
    // Every parameter can be filled by position and those past min_positional have defaults, with
    // few enough parameters for a stack buffer: a positional call in [min, max] binds by copying
    // its values and the defaults (call_native), with no binder and no count checks.
    bool by_position = false;
    // Written "def name(params)": a native standing in for a Python function (asyncio.sleep),
    // whose wrong calls get a Python function's TypeErrors ("missing 1 required positional
    // argument: 'delay'"), not Argument Clinic's.
    bool python_words = false;
    std::string text;                 // the original "name(params)" for __text_signature__
};

// What `await f(args)` runs instead of calling f and awaiting what it returns, when f has one
// (set_await_form): with `done` set, the await's result; otherwise the awaitable f(args) would
// have returned, which the await then goes on with.
using AwaitFormFn = Result<Value> (*)(Interp&, Args, bool& done);

// A builtin function, or a native method: unbound in a type's dict (type method_descriptor,
// `self` null) or bound to a receiver (type builtin_function_or_method, as `[].append`).
struct NativeFunction : Obj {
    NativeFn fn = nullptr;
    AwaitFormFn await_form = nullptr;  // `await f(...)` in one step, or null (see above)
    const Signature* sig = nullptr;   // owned by the Interp's signature cache
    Value self = Value::null();       // the bound receiver, or null
    Type* owner = nullptr;            // the type a method belongs to, or null for functions
    Str* module = nullptr;            // __module__ for functions ("builtins", "math", ...)
};

// Parses `def.signature` (cached per signature string, which must be a string literal) and wraps
// it in a function object.
NativeFunction* make_native_function(Interp& in, const NativeDef& def, Str* module = nullptr);
// A bound copy of a method descriptor (what `obj.method` returns without LOAD_METHOD).
NativeFunction* bind_native_method(Interp& in, NativeFunction* method, Value self);

// Gives the method `name` in `type`'s own dict an await form; bound copies inherit it.
void set_await_form(Interp& in, Type* type, const char* name, AwaitFormFn form);
// `await fn(args...)` (args are positional, a bound method's receiver not among them) through
// fn's await form when the arguments fill its signature exactly; otherwise (`done` false) the
// ordinary call's result, which the caller awaits as usual.
Result<Value> call_native_await(Interp& in, NativeFunction* fn, const Value* args, size_t n, bool& done);

// Adds method descriptors for `defs` to `type`'s dict.
void add_methods(Interp& in, Type* type, std::initializer_list<NativeDef> defs);
// Adds native functions to a module's namespace.
void add_functions(Interp& in, Module* module, std::initializer_list<NativeDef> defs);

// Calls a native function: binds `args` to its signature (prepending `self` when bound) and runs it.
Result<Value> call_native(Interp& in, NativeFunction* fn, CallArgs args);

// CPython 3.11's TypeError texts for a Python function's bad calls (ceval.c initialize_locals),
// used by the VM's binder and by native functions with `def` signatures. `names` are the missing
// parameters' bare names; min < max when defaults make the positional count a range.
std::string missing_arguments_message(std::string_view qualname, const std::vector<std::string>& names,
                                      bool positional);
std::string too_many_positional_message(std::string_view qualname, size_t min, size_t max,
                                        size_t given, size_t kwonly_given);

// Parses a signature string; returns null and sets `error` on malformed text (a bug in eddy).
std::unique_ptr<Signature> parse_signature(Interp& in, std::string_view text, std::string& error);

} // namespace eddy::rt
