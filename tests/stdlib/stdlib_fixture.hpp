// tests/stdlib/stdlib_fixture.hpp: shared fixture for the stdlib units: an Interp with the
// stdlib installed, native modules loaded by name, and results shown as Python's repr (or
// "<Type: message>" when the call raised), so expectations read like CPython's output.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "runtime/dict_object.hpp"
#include "runtime/float_object.hpp"
#include "runtime/int_object.hpp"
#include "runtime/interp.hpp"
#include "runtime/list_object.hpp"
#include "runtime/ops.hpp"
#include "runtime/str_object.hpp"
#include "runtime/tuple_object.hpp"
#include "stdlib/stdlib.hpp"

namespace eddy::lib {

using rt::Result;
using rt::Value;

class StdlibTest : public ::testing::Test {
protected:
    StdlibTest() {
        in.heap.set_stack_base(&marker);
        install(in);
    }

    Value i(int64_t v) { return rt::make_int(in, v); }
    Value big(std::string_view digits) { return rt::int_from_string(in, digits, 10).value(); }
    Value f(double d) { return Value::from_float(d); }
    Value s(std::string_view text) { return rt::str_value(in, text); }
    Value none() { return Value::none(); }
    Value boolean(bool b) { return Value::boolean(b); }
    Value tup(std::initializer_list<Value> items) { return Value::from_obj(rt::make_tuple(in, items)); }
    Value lst(std::initializer_list<Value> items) {
        rt::List* l = rt::make_list(in);
        l->items.assign(items.begin(), items.end());
        return Value::from_obj(l);
    }

    // The native module `name` (loaded on first use, as `import name` would).
    Value module(std::string_view name) { return load_native_module(in, name).value(); }
    Result<Value> attr(Value obj, const char* name) { return rt::get_attr(in, obj, in.intern(name)); }

    // repr() of a value, or "<Type: message>" when it raised.
    std::string shown(Result<Value> r) {
        if (r.is_error()) {
            Value e = in.take_exception();
            auto msg = rt::str(in, e);
            std::string text = msg.is_error() ? "?" : std::string(msg.value().as<rt::Str>()->view());
            return "<" + std::string(rt::type_name(in, e)) + ": " + text + ">";
        }
        auto text = rt::repr(in, r.value());
        return text.is_error() ? "<repr failed>" : std::string(text.value().as<rt::Str>()->view());
    }

    // module.fn(*args), shown.
    std::string call(std::string_view mod, const char* fn, std::initializer_list<Value> args) {
        Result<Value> callee = attr(module(mod), fn);
        if (callee.is_error()) return shown(callee);
        return shown(rt::call(in, callee.value(), args));
    }
    // obj.method(*args), shown.
    std::string method(Value obj, const char* name, std::initializer_list<Value> args) {
        return shown(rt::call_method(in, obj, in.intern(name), args));
    }

    int marker = 0;
    rt::Interp in;
};

} // namespace eddy::lib
