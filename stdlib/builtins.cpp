// stdlib/builtins.cpp: the builtins module: binds the built-in types and exception classes to
// their Python names, the constants, and the object-protocol functions (len, repr, hash, id,
// isinstance, iter, next, getattr & co.). Numeric, I/O and scope builtins are added by the
// other builtins_*.cpp files. Mirrors CPython 3.11's Python/bltinmodule.c.
#include <string>

#include "builtins_internal.hpp"
#include "dict_object.hpp"
#include "generator_object.hpp"
#include "import.hpp"
#include "iterators.hpp"
#include "module_object.hpp"
#include "modules.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "str_object.hpp"
#include "tuple_object.hpp"
#include "types.hpp"

namespace eddy::lib {

namespace {

std::string tname(Interp& in, Value v) { return std::string(rt::type_name(in, v)); }

Result<Value> builtin_len(Interp& in, Args args) {
    int64_t n = EDDY_TRY(rt::length(in, args[0]));
    return rt::make_int(in, n);
}

Result<Value> builtin_repr(Interp& in, Args args) { return rt::repr(in, args[0]); }
Result<Value> builtin_ascii(Interp& in, Args args) { return rt::ascii(in, args[0]); }

Result<Value> builtin_callable(Interp& in, Args args) {
    return Value::boolean(rt::is_callable(in, args[0]));
}

Result<Value> builtin_hash(Interp& in, Args args) {
    int64_t h = EDDY_TRY(rt::hash(in, args[0]));
    return rt::make_int(in, h);
}

// id(): an object's address; immediates (small ints, floats, None, ...) have no address, so
// their bits stand in: stable, and distinct from every live object's id.
Result<Value> builtin_id(Interp& in, Args args) {
    Value v = args[0];
    uint64_t id = v.is_obj() ? uint64_t(reinterpret_cast<uintptr_t>(v.as_obj())) : v.bits();
    if (id <= uint64_t(INT64_MAX)) return rt::make_int(in, int64_t(id));
    return rt::make_int(in, rt::BigValue(id));
}

Result<Value> builtin_isinstance(Interp& in, Args args) {
    bool r = EDDY_TRY(rt::is_instance(in, args[0], args[1]));
    return Value::boolean(r);
}

Result<Value> builtin_issubclass(Interp& in, Args args) {
    bool r = EDDY_TRY(rt::is_subclass(in, args[0], args[1]));
    return Value::boolean(r);
}

Result<Value> builtin_iter(Interp& in, Args args) {
    if (!args.has(1)) return rt::get_iter(in, args[0]);
    if (!rt::is_callable(in, args[0]))
        return in.raise(in.exc.TypeError, "iter(v, w): v must be callable");
    return rt::make_callable_iterator(in, args[0], args[1]);
}

// next(iterator[, default]): unlike the NextSlot convention, the StopIteration that ends the
// iteration keeps its value: a generator's return value, or the very exception a user
// __next__ raised (CPython's builtin_next re-raises it).
Result<Value> builtin_next(Interp& in, Args args) {
    Value it = args[0];
    Type* t = rt::type_of(in, it);
    if (!t->next)
        return in.raise(in.exc.TypeError, "'" + tname(in, it) + "' object is not an iterator");
    Value item;
    if (t == in.types.generator) {
        bool returned = false;
        item = EDDY_TRY(rt::gen_send_by_hand(in, it.as<rt::Generator>(), Value::none(), returned));
        if (!returned) return item;
        if (args.has(1)) return args[1];
        return rt::raise_stop_iteration(in, item);
    }
    if (t->flags & rt::TF_HeapType) {
        bool found = false;
        Result<Value> r = rt::call_special(in, it, in.names.dunder_next, {}, &found);
        if (found) {
            if (!r.is_error() || !args.has(1) || !in.exception_matches(in.exc.StopIteration))
                return r;
            in.take_exception();
            return args[1];
        }
    }
    item = EDDY_TRY(rt::next(in, it));
    if (!item.is_null()) return item;
    if (args.has(1)) return args[1];
    return in.raise(in.exc.StopIteration);
}

Result<rt::Str*> attr_name(Interp& in, Value name) {
    if (!rt::is_str(in, name))
        return in.raise(in.exc.TypeError,
                        "attribute name must be string, not '" + tname(in, name) + "'");
    return name.as<rt::Str>();
}

Result<Value> builtin_getattr(Interp& in, Args args) {
    rt::Str* name = EDDY_TRY(attr_name(in, args[1]));
    if (!args.has(2)) return rt::get_attr(in, args[0], name);
    Result<Value> r = rt::get_attr(in, args[0], name);
    if (r.is_error() && in.exception_matches(in.exc.AttributeError)) {
        in.take_exception();
        return args[2];
    }
    return r;
}

Result<Value> builtin_hasattr(Interp& in, Args args) {
    rt::Str* name = EDDY_TRY(attr_name(in, args[1]));
    Result<Value> r = rt::get_attr(in, args[0], name);
    if (!r.is_error()) return Value::boolean(true);
    if (!in.exception_matches(in.exc.AttributeError)) return rt::Error{};
    in.take_exception();
    return Value::boolean(false);
}

Result<Value> builtin_setattr(Interp& in, Args args) {
    rt::Str* name = EDDY_TRY(attr_name(in, args[1]));
    EDDY_CHECK(rt::set_attr(in, args[0], name, args[2]));
    return Value::none();
}

Result<Value> builtin_delattr(Interp& in, Args args) {
    rt::Str* name = EDDY_TRY(attr_name(in, args[1]));
    EDDY_CHECK(rt::del_attr(in, args[0], name));
    return Value::none();
}

Result<Value> builtin_format(Interp& in, Args args) {
    Value spec = args[1];
    if (!rt::is_str(in, spec))
        return in.raise(in.exc.TypeError,
                        "format() argument 2 must be str, not " + tname(in, spec));
    return rt::format(in, args[0], spec);
}

// The built-in types Python exposes by name (the iterator and internal types stay anonymous).
void bind_types(Interp& in, rt::Module* m) {
    auto& t = in.types;
    for (Type* type : {t.object, t.type, t.int_, t.bool_, t.float_, t.complex, t.str, t.bytes,
                       t.bytearray, t.tuple, t.list, t.dict, t.set, t.frozenset, t.range, t.slice,
                       t.enumerate, t.zip, t.map, t.filter, t.reversed, t.property,
                       t.classmethod, t.staticmethod, t.super})
        set_module_attr(in, m, type->name, Value::from_obj(type));
#define EDDY_EXC(name, base) set_module_attr(in, m, #name, Value::from_obj(in.exc.name));
#include "exceptions.def"
#undef EDDY_EXC
    // Aliases CPython keeps for compatibility.
    set_module_attr(in, m, "EnvironmentError", Value::from_obj(in.exc.OSError));
    set_module_attr(in, m, "IOError", Value::from_obj(in.exc.OSError));
}

} // namespace

Result<Value> init_builtins(Interp& in) {
    rt::Module* m = rt::make_module(in, "builtins");
    bind_types(in, m);
    set_module_attr(in, m, "None", Value::none());
    set_module_attr(in, m, "True", Value::boolean(true));
    set_module_attr(in, m, "False", Value::boolean(false));
    set_module_attr(in, m, "Ellipsis", Value::ellipsis());
    set_module_attr(in, m, "NotImplemented", Value::not_implemented());
    set_module_attr(in, m, "__debug__", Value::boolean(true));
    rt::add_functions(in, m, {
        {"len(obj, /)", builtin_len},
        {"repr(obj, /)", builtin_repr},
        {"ascii(obj, /)", builtin_ascii},
        {"callable(obj, /)", builtin_callable},
        {"hash(obj, /)", builtin_hash},
        {"id(obj, /)", builtin_id},
        {"isinstance(obj, class_or_tuple, /)", builtin_isinstance},
        {"issubclass(cls, class_or_tuple, /)", builtin_issubclass},
        {"iter(object, sentinel=?, /)", builtin_iter},
        {"next(iterator, default=?, /)", builtin_next},
        {"getattr(object, name, default=?, /)", builtin_getattr},
        {"hasattr(obj, name, /)", builtin_hasattr},
        {"setattr(obj, name, value, /)", builtin_setattr},
        {"delattr(obj, name, /)", builtin_delattr},
        {"format(value, format_spec='', /)", builtin_format},
        {"__import__(name, globals=None, locals=None, fromlist=(), level=0)",
         rt::builtin___import__},
    });
    add_numeric_builtins(in, m);
    add_io_builtins(in, m);
    add_scope_builtins(in, m);
    return Value::from_obj(m);
}

} // namespace eddy::lib
