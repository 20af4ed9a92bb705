// tests/runtime/container_fixture.hpp: shared fixture for the container units (list, dict, set,
// tuple, range): an Interp plus helpers that show a Result the way Python would print it.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "runtime/interp.hpp"
#include "runtime/ops.hpp"
#include "runtime/str_object.hpp"

namespace eddy::rt {

class ContainerTest : public ::testing::Test {
protected:
    ContainerTest() { in.heap.set_stack_base(&marker); }

    Value i(int64_t v) { return Value::from_small_int(v); }
    Value s(std::string_view text) { return str_value(in, text); }

    // repr() of a value, or "<error: Type: message>" when it raised.
    std::string shown(Result<Value> r) {
        if (r.is_error()) {
            Value e = in.take_exception();
            auto msg = str(in, e);
            std::string text = msg.is_error() ? "?" : std::string(msg.value().as<Str>()->view());
            return "<" + std::string(type_name(in, e)) + ": " + text + ">";
        }
        auto text = repr(in, r.value());
        return text.is_error() ? "<repr failed>" : std::string(text.value().as<Str>()->view());
    }
    std::string shown(Obj* obj) { return shown(Value::from_obj(obj)); }

    std::string call(Value self, const char* method, std::initializer_list<Value> args) {
        return shown(call_method(in, self, in.intern(method), args));
    }
    std::string call(Obj* self, const char* method, std::initializer_list<Value> args) {
        return call(Value::from_obj(self), method, args);
    }

    // The type called with positional arguments, e.g. construct(in.types.list, {x}).
    Result<Value> construct(Type* type, std::initializer_list<Value> args) {
        return rt::call(in, Value::from_obj(type), args);
    }

    int marker = 0;
    Interp in;
};

} // namespace eddy::rt
