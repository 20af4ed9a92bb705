// api/native_function.cpp: C++ functions registered through eddy.hpp (Interpreter::def,
// Module::def, std::function arguments) as Python callables. Each is a small heap object of a
// per-interpreter type whose call slot binds the arguments (positional, keywords, defaults, with
// CPython's TypeError wording), runs the type-erased thunk, and turns a C++ exception into a
// Python one. C++ exceptions stop here: none crosses into the core, which does not expect them.
#include "api/impl.hpp"

#include <new>

#include "runtime/dict_object.hpp"
#include "runtime/module_object.hpp"
#include "runtime/ops.hpp"
#include "runtime/str_object.hpp"
#include "runtime/tuple_object.hpp"
#include "runtime/types.hpp"
#include "stdlib/lib_util.hpp"

namespace eddy {

using rt::Value;

namespace {

// A function object made by def(): which HostCallable of which interpreter it runs.
struct HostFunction : rt::Obj {
    Interpreter::Impl* impl;
    std::uint32_t index;
};

std::string plural(std::size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

// Binds CallArgs to one slot per parameter, as CPython binds a Python function's arguments
// (Python/ceval.c: positional first, then keywords by name, then defaults).
rt::Status bind(rt::Interp& in, const HostCallable& c, rt::CallArgs args, Value* slots) {
    const std::string& name = c.name;
    std::size_t nkw = args.kw_count();
    if (args.count > c.arity) {
        return in.raise(in.exc.TypeError, name + "() takes " + plural(c.arity, "positional argument") +
                                              " but " + std::to_string(args.count) +
                                              (args.count == 1 ? " was" : " were") + " given");
    }
    for (std::size_t i = 0; i < c.arity; ++i) slots[i] = i < args.count ? args.values[i] : Value::null();
    for (std::size_t k = 0; k < nkw; ++k) {
        std::string_view key = (*args.kwnames)[k].as<rt::Str>()->view();
        std::size_t i = 0;
        while (i < c.names.size() && c.names[i] != key) ++i;
        if (i == c.names.size()) {
            if (c.names.empty()) return in.raise(in.exc.TypeError, name + "() takes no keyword arguments");
            return in.raise(in.exc.TypeError,
                            name + "() got an unexpected keyword argument '" + std::string(key) + "'");
        }
        if (!slots[i].is_null())
            return in.raise(in.exc.TypeError,
                            name + "() got multiple values for argument '" + std::string(key) + "'");
        slots[i] = args.values[args.count + k];
    }
    std::vector<std::string> missing;
    for (std::size_t i = 0; i < c.arity; ++i) {
        if (!slots[i].is_null()) continue;
        if (!c.defaults[i].is_null()) slots[i] = c.defaults[i];
        else missing.push_back(i < c.names.size() ? c.names[i] : "");
    }
    if (missing.empty()) return rt::ok();
    if (c.names.empty()) {
        return in.raise(in.exc.TypeError, name + "() takes exactly " + plural(c.arity, "argument") +
                                              " (" + std::to_string(args.count + nkw) + " given)");
    }
    std::string list;
    for (std::size_t i = 0; i < missing.size(); ++i) {
        list += (i == 0 ? "" : i + 1 == missing.size() ? (missing.size() > 2 ? ", and " : " and ") : ", ");
        list += "'" + missing[i] + "'";
    }
    return in.raise(in.exc.TypeError, name + "() missing " +
                                          plural(missing.size(), "required positional argument") +
                                          ": " + list);
}

rt::Result<Value> run_thunk(Interpreter::Impl& impl, HostCallable& c, const Value* slots) {
    rt::Interp& in = impl.in;
    detail::NativeCall call{impl, reinterpret_cast<const detail::Raw*>(slots), c.arity};
    try {
        return Value::from_bits(c.thunk(call));
    } catch (const detail::ArgMismatch& m) {
        std::string which = m.index < c.names.size() ? "'" + c.names[m.index] + "'"
                                                     : std::to_string(m.index + 1);
        return in.raise(in.exc.TypeError, c.name + "() argument " + which + " must be " +
                                              m.expected + ", not " +
                                              std::string(rt::type_name(in, slots[m.index])));
    } catch (const detail::Mismatch& m) {
        return in.raise(in.exc.TypeError, c.name + "() returned a value that is not " + m.expected);
    } catch (const Error& e) {
        impl.raise_from_host(nullptr, &e);
    } catch (const std::exception& e) {
        impl.raise_from_host(&e, nullptr);
    } catch (...) {
        (void)in.raise(in.exc.RuntimeError, c.name + "() raised a C++ exception");
    }
    return rt::Error{};
}

rt::Result<Value> host_function_call(rt::Interp& in, Value callee, rt::CallArgs args) {
    auto* f = callee.as<HostFunction>();
    Interpreter::Impl& impl = *f->impl;
    HostCallable& c = *impl.m_callables[f->index];
    static_assert(sizeof(Value) == sizeof(detail::Raw));
    // The common case: exactly the positional arguments, passed through without copying.
    if (!args.kwnames && args.count == c.arity) return run_thunk(impl, c, args.values);
    constexpr std::size_t Local = 8;
    Value local[Local];
    std::vector<Value> heap_slots;   // more parameters than fit: the values are also in `args`
    Value* slots = local;
    if (c.arity > Local) {
        heap_slots.resize(c.arity);
        slots = heap_slots.data();
    }
    EDDY_CHECK(bind(in, c, args, slots));
    return run_thunk(impl, c, slots);
}

rt::Result<Value> host_function_repr(rt::Interp& in, Value self) {
    auto* f = self.as<HostFunction>();
    return rt::str_value(in, "<built-in function " + f->impl->m_callables[f->index]->name + ">");
}

// Placed in a class's dict, a host function binds to the instance as a method does.
rt::Result<Value> host_function_get(rt::Interp& in, Value descr, Value instance, Value) {
    if (instance.is_null() || instance.is_none()) return descr;
    return rt::bind_method(in, descr, instance);
}

rt::Type* host_function_type(Interpreter::Impl& impl) {
    if (impl.m_host_function_type) return impl.m_host_function_type;
    rt::Type* t = lib::make_native_type(impl.in, "builtin_function_or_method", "builtins",
                                        sizeof(HostFunction));
    t->call = host_function_call;
    t->repr = host_function_repr;
    t->descr_get = host_function_get;
    lib::finish_native_type(impl.in, t);
    impl.m_host_function_type = t;
    return t;
}

// The built-in exception class called `name`, or null.
rt::Type* builtin_exception(rt::Interp& in, std::string_view name) {
    if (!in.builtins) return nullptr;
    Value t = rt::dict_get_str(in.builtins->dict, in.intern(name));
    if (!t.is_obj() || t.as_obj()->type != in.types.type) return nullptr;
    rt::Type* type = t.as<rt::Type>();
    return rt::is_subtype(type, in.exc.BaseException) ? type : nullptr;
}

} // namespace

void Interpreter::Impl::raise_from_host(const std::exception* e, const Error* error) {
    if (error) {
        if (error->origin() != 0 && error->origin() == m_escaped_id && !m_escaped.is_null()) {
            (void)in.raise_value(m_escaped);   // a script's exception passing back through C++
            return;
        }
        rt::Type* type = builtin_exception(in, error->type_name());
        (void)in.raise(type ? type : in.exc.RuntimeError, error->message());
        return;
    }
    // The standard exceptions map as pybind11 maps them.
    rt::Type* type = in.exc.RuntimeError;
    if (dynamic_cast<const std::bad_alloc*>(e)) type = in.exc.MemoryError;
    else if (dynamic_cast<const std::invalid_argument*>(e) || dynamic_cast<const std::domain_error*>(e))
        type = in.exc.ValueError;
    else if (dynamic_cast<const std::out_of_range*>(e)) type = in.exc.IndexError;
    (void)in.raise(type, e->what());
}

namespace detail {

Object make_function(Impl& impl, std::string_view name, std::size_t arity, std::vector<Arg> params,
                     Thunk thunk) {
    if (!params.empty() && params.size() != arity) {
        throw Error("TypeError", std::string(name) + "(): " + std::to_string(params.size()) +
                                     " parameter names given for " + std::to_string(arity) +
                                     " parameters");
    }
    auto c = std::make_unique<HostCallable>();
    c->name = std::string(name);
    c->arity = arity;
    c->defaults.assign(arity, Value::null());
    for (std::size_t i = 0; i < params.size(); ++i) {
        c->names.push_back(params[i].name);
        if (params[i].make_default) c->defaults[i] = Value::from_bits(params[i].make_default(impl));
    }
    c->thunk = std::move(thunk);
    rt::Type* type = host_function_type(impl);
    auto* f = impl.in.heap.alloc<HostFunction>(type);
    f->impl = &impl;
    f->index = std::uint32_t(impl.m_callables.size());
    impl.m_callables.push_back(std::move(c));
    return Access::hold(impl, Value::from_obj(f).bits());
}

void set_builtin(Impl& impl, std::string_view name, const Object& value) {
    rt::Interp& in = impl.in;
    rt::dict_set_str(in, in.builtins->dict, in.intern(name), Value::from_bits(Access::raw(value)));
}

Object make_module(Impl& impl, std::string_view name) {
    rt::Interp& in = impl.in;
    Value existing = rt::dict_get_str(in.modules, in.intern(name));
    if (existing.is_obj() && existing.as_obj()->type == in.types.module)
        return Access::hold(impl, existing.bits());
    rt::Module* m = rt::make_module(in, name);
    rt::dict_set_str(in, in.modules, in.intern(name), Value::from_obj(m));
    impl.m_registered_modules.emplace_back(name);
    return Access::hold(impl, Value::from_obj(m).bits());
}

} // namespace detail

Module Interpreter::module(std::string_view name) {
    EDDY_API_ENTRY(*m_impl);
    return Module(*m_impl, detail::make_module(*m_impl, name));
}

} // namespace eddy
