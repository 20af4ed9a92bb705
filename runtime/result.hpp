// runtime/result.hpp: how core code says "this can raise". A failed Result carries no payload:
// the exception object is pending in the Interp (Interp::raise sets it). Result<Value> is one
// word (Value::error() marks failure). Core code never throws C++ exceptions (STYLE.md §8).
#pragma once

#include <utility>

#include "value.hpp"

namespace eddy::rt {

// Returned by Interp::raise() and friends; converts to any failed Result.
struct Error {};

template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_value(std::move(value)), m_ok(true) {}
    Result(Error) : m_value(), m_ok(false) {}
    bool is_error() const { return !m_ok; }
    T& value() { return m_value; }
    const T& value() const { return m_value; }

private:
    T m_value;
    bool m_ok;
};

template <>
class [[nodiscard]] Result<Value> {
public:
    Result(Value value) : m_value(value) {}
    Result(Error) : m_value(Value::error()) {}
    bool is_error() const { return m_value.is_error(); }
    Value& value() { return m_value; }
    Value value() const { return m_value; }

private:
    Value m_value;
};

// For operations that return nothing but can raise.
template <>
class [[nodiscard]] Result<void> {
public:
    Result() : m_ok(true) {}
    Result(Error) : m_ok(false) {}
    bool is_error() const { return !m_ok; }
    void value() const {}

private:
    bool m_ok;
};

using Status = Result<void>;
inline Status ok() { return {}; }

} // namespace eddy::rt

// Evaluates a Result; on failure returns rt::Error from the enclosing function (which must
// itself return a Result), otherwise yields the value. A GNU statement expression, supported by
// g++ and clang.
#define EDDY_TRY(expr)                                                                           \
    ({                                                                                           \
        auto eddy_try_result_ = (expr);                                                          \
        if (eddy_try_result_.is_error()) return ::eddy::rt::Error{};                             \
        std::move(eddy_try_result_.value());                                                     \
    })

// For Result<void> / Status, where there is no value to yield.
#define EDDY_CHECK(expr)                                                                         \
    do {                                                                                         \
        if ((expr).is_error()) return ::eddy::rt::Error{};                                       \
    } while (0)
