// stdlib/builtins_scope.cpp: the builtins that look at namespaces: globals, locals, vars, dir,
// exec, eval, and the registration of __build_class__ (implemented by the VM). The current
// frame is read through the VM state header, the one place the stdlib looks at vm/ data.
#include <string>

#include "builtins_internal.hpp"
#include "dict_object.hpp"
#include "function_object.hpp"
#include "list_object.hpp"
#include "module_object.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "str_object.hpp"
#include "tuple_object.hpp"
#include "types.hpp"
#include "vm/build_class.hpp"
#include "vm/frame.hpp"
#include "vm/interpreter.hpp"
#include "vm/vm_state.hpp"

namespace eddy::lib {

namespace {

// The globals of the innermost running Python frame (the caller of the builtin).
rt::Dict* caller_globals(Interp& in) {
    vm::Frame* frame = in.vm->current;
    if (frame && frame->globals) return frame->globals;
    return in.builtins ? in.builtins->dict : nullptr;
}

// locals(): the frame's mapping for module and class bodies; for a function, a snapshot dict
// of its bound fast locals and cells, as CPython's PyFrame_GetLocals builds.
Result<Value> caller_locals(Interp& in) {
    vm::Frame* frame = in.vm->current;
    if (!frame) return Value::from_obj(caller_globals(in));
    if (!frame->locals().is_null()) return frame->locals();
    rt::Dict* d = rt::make_dict(in);
    rt::CodeObject* code = frame->code;
    rt::Value* values = frame->localsplus();
    for (uint32_t i = 0; i < code->nlocalsplus; i++) {
        Value v = values[i];
        if (i >= code->nlocals && !v.is_null() && rt::type_of(in, v) == in.types.cell)
            v = v.as<rt::Cell>()->value;
        if (v.is_null()) continue;
        Value name = (*code->localsplus_names)[i];
        rt::dict_set_str(in, d, name.as<rt::Str>(), v);
    }
    return Value::from_obj(d);
}

Result<Value> builtin_globals(Interp& in, Args) {
    return Value::from_obj(caller_globals(in));
}

Result<Value> builtin_locals(Interp& in, Args) { return caller_locals(in); }

Result<Value> builtin_vars(Interp& in, Args args) {
    if (!args.has(0)) return caller_locals(in);
    Result<Value> d = rt::get_attr(in, args[0], in.names.dunder_dict);
    if (d.is_error() && in.exception_matches(in.exc.AttributeError)) {
        in.take_exception();
        return in.raise(in.exc.TypeError, "vars() argument must have __dict__ attribute");
    }
    return d;
}

// The keys of `d` appended to `names` (a dict used as an ordered set).
void add_keys(Interp& in, rt::Dict* names, rt::Dict* d) {
    if (!d) return;
    for (auto& e : d->entries)
        if (!e.key.is_null() && rt::is_str(in, e.key))
            rt::dict_set_str(in, names, e.key.as<rt::Str>(), Value::none());
}

// object.__dir__ / type.__dir__ / module.__dir__ when the type defines no __dir__ of its own:
// the instance dict plus every class dict along the MRO.
Value default_dir(Interp& in, Value obj) {
    rt::Dict* names = rt::make_dict(in);
    Type* t = rt::type_of(in, obj);
    if (t == in.types.module || rt::is_subtype(t, in.types.module)) {
        add_keys(in, names, obj.as<rt::Module>()->dict);
    } else if (rt::is_subtype(t, in.types.type)) {
        for (Type* c : obj.as<Type>()->mro) add_keys(in, names, c->dict);
    } else {
        if (obj.is_obj() && t->dict_offset) add_keys(in, names, rt::instance_dict_slot(obj.as_obj()));
        for (Type* c : t->mro) add_keys(in, names, c->dict);
    }
    return Value::from_obj(names);
}

Result<Value> builtin_dir(Interp& in, Args args) {
    Value names;
    if (!args.has(0)) {
        names = EDDY_TRY(caller_locals(in));
    } else {
        Value obj = args[0];
        Value method = rt::lookup_special(in, obj, in.intern("__dir__"));
        names = method.is_null() ? default_dir(in, obj)
                                 : EDDY_TRY(rt::call_unbound(in, method, obj, {}));
    }
    rt::List* list = EDDY_TRY(rt::list_from_iterable(in, names));
    EDDY_CHECK(rt::list_sort(in, list, Value::none(), false));
    return Value::from_obj(list);
}

// exec/eval: the source is compiled with Interp::compile_source and run with the given (or the
// caller's) namespaces.
Result<Value> run_source(Interp& in, Args args, const char* fname, bool is_eval) {
    Value source = args[0];
    Value globals = args[1], locals = args[2];
    if (!globals.is_none() && !rt::is_dict(in, globals))
        return in.raise(in.exc.TypeError, std::string(fname) + "() globals must be a dict, not " +
                                              std::string(rt::type_name(in, globals)));
    if (globals.is_none()) {
        globals = Value::from_obj(caller_globals(in));
        if (locals.is_none()) locals = EDDY_TRY(caller_locals(in));
    } else if (locals.is_none()) {
        locals = globals;
    }
    rt::Dict* g = globals.as<rt::Dict>();
    if (rt::dict_get_str(g, in.names.dunder_builtins).is_null() && in.builtins)
        rt::dict_set_str(in, g, in.names.dunder_builtins, Value::from_obj(in.builtins));
    Value code;
    if (rt::type_of(in, source) == in.types.code) {
        code = source;
    } else if (rt::is_str(in, source)) {
        if (!in.compile_source)
            return in.raise(in.exc.RuntimeError, "no compiler available");
        std::string text(source.as<rt::Str>()->view());
        // compile_source only knows "exec" mode: an expression becomes an assignment to a
        // reserved name, read back from the locals mapping and removed again.
        if (is_eval) {
            size_t start = text.find_first_not_of(" \t\n");
            text = "__eddy_eval_result__ = (" + (start == std::string::npos ? "" : text.substr(start)) + "\n)\n";
        }
        code = EDDY_TRY(in.compile_source(in, text, "<string>"));
    } else {
        return in.raise(in.exc.TypeError,
                        std::string(fname) + "() arg 1 must be a string, bytes or code object");
    }
    EDDY_TRY(vm::run_code(in, code.as<rt::CodeObject>(), g, locals));
    if (!is_eval || !rt::is_str(in, source)) return Value::none();
    rt::Str* key = in.intern("__eddy_eval_result__");
    Value result = EDDY_TRY(rt::get_item(in, locals, Value::from_obj(key)));
    EDDY_CHECK(rt::del_item(in, locals, Value::from_obj(key)));
    return result;
}

Result<Value> builtin_exec(Interp& in, Args args) { return run_source(in, args, "exec", false); }
Result<Value> builtin_eval(Interp& in, Args args) { return run_source(in, args, "eval", true); }

} // namespace

void add_scope_builtins(Interp& in, rt::Module* builtins) {
    rt::add_functions(in, builtins, {
        {"globals()", builtin_globals},
        {"locals()", builtin_locals},
        {"vars(object=?, /)", builtin_vars},
        {"dir(object=?, /)", builtin_dir},
        {"exec(source, globals=None, locals=None, /)", builtin_exec},
        {"eval(source, globals=None, locals=None, /)", builtin_eval},
        {"__build_class__(func, name, /, *bases, **kwds)", vm::builtin___build_class__},
    });
}

} // namespace eddy::lib
