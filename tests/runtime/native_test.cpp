// tests/runtime/native_test.cpp: signature parsing and argument binding of native functions,
// with CPython's TypeError wording.
#include <gtest/gtest.h>

#include "runtime/interp.hpp"
#include "runtime/native.hpp"
#include "runtime/ops.hpp"
#include "runtime/str_object.hpp"
#include "runtime/tuple_object.hpp"

using namespace eddy::rt;

namespace {

std::string pending_message(Interp& in) {
    Value e = in.take_exception();
    Result<Value> s = str(in, e);
    return std::string(s.value().as<Str>()->view());
}

// Returns its bound slots as a tuple, with null shown as Ellipsis.
Result<Value> echo(Interp& in, Args args) {
    Tuple* t = make_tuple(in, args.size());
    for (size_t i = 0; i < args.size(); ++i) t->items()[i] = args.has(i) ? args[i] : Value::ellipsis();
    return Value::from_obj(t);
}

std::string call_text(Interp& in, NativeFunction* f, std::initializer_list<Value> args, Tuple* kw = nullptr,
                      size_t npos = size_t(-1)) {
    CallArgs ca{args.begin(), npos == size_t(-1) ? args.size() : npos, kw};
    Result<Value> r = call_native(in, f, ca);
    if (r.is_error()) return "error: " + pending_message(in);
    return repr_string(in, r.value()).value();
}

} // namespace

TEST(Native, ParsesSignatures) {
    Interp in;
    std::string error;
    auto sig = parse_signature(in, "print(*args, sep=' ', end='\\n', file=None, flush=False)", error);
    ASSERT_TRUE(sig) << error;
    EXPECT_EQ(sig->name, "print");
    EXPECT_TRUE(sig->has_varargs);
    EXPECT_TRUE(sig->has_kwonly);
    EXPECT_EQ(sig->max_positional, 0u);
    auto plain = parse_signature(in, "append(self, object, /)", error);
    ASSERT_TRUE(plain);
    EXPECT_TRUE(plain->plain);
    EXPECT_EQ(plain->min_positional, 2u);
    EXPECT_FALSE(parse_signature(in, "broken", error));
}

TEST(Native, SplitsParametersAtTopLevelCommasOnly) {
    Interp in;
    std::string error;
    auto sig = parse_signature(in, "f(a, b=',', c=\"(,)\", /)", error);
    ASSERT_TRUE(sig) << error;
    ASSERT_EQ(sig->params.size(), 3u);
    EXPECT_EQ(repr_string(in, sig->params[1].default_value).value(), "','");
    EXPECT_EQ(repr_string(in, sig->params[2].default_value).value(), "'(,)'");
    auto empty = parse_signature(in, "g( )", error);
    ASSERT_TRUE(empty) << error;
    EXPECT_TRUE(empty->params.empty());
    EXPECT_FALSE(parse_signature(in, "h(a, )", error));
    EXPECT_EQ(error, "empty parameter name");
}

TEST(Native, MarksSignaturesThatBindByPosition) {
    Interp in;
    std::string error;
    auto by_position = [&](const char* text) {
        auto sig = parse_signature(in, text, error);
        EXPECT_TRUE(sig) << text << ": " << error;
        return sig && sig->by_position;
    };
    EXPECT_TRUE(by_position("split(self, /, sep=None, maxsplit=-1)"));
    EXPECT_TRUE(by_position("getattr(object, name, default=?, /)"));
    EXPECT_TRUE(by_position("append(self, object, /)"));
    EXPECT_FALSE(by_position("print(*args, sep=' ')"));
    EXPECT_FALSE(by_position("f(a, *, key=None)"));
    EXPECT_FALSE(by_position("f(a, **kw)"));
    EXPECT_FALSE(by_position("f(a=1, b, /)"));
    EXPECT_FALSE(by_position("f(a, b, c, d, e, f, g, h, i=1, /)"));
}

TEST(Native, FillsTrailingDefaultsByPosition) {
    Interp in;
    static const NativeDef def{"f(a, b='x', c=?, /)", echo};
    NativeFunction* f = make_native_function(in, def);
    Value one = Value::from_small_int(1), two = Value::from_small_int(2);
    EXPECT_EQ(call_text(in, f, {one}), "(1, 'x', Ellipsis)");
    EXPECT_EQ(call_text(in, f, {one, two}), "(1, 2, Ellipsis)");
    EXPECT_EQ(call_text(in, f, {one, two, one}), "(1, 2, 1)");
    EXPECT_EQ(call_text(in, f, {}), "error: f expected at least 1 argument, got 0");
    EXPECT_EQ(call_text(in, f, {one, two, one, two}), "error: f expected at most 3 arguments, got 4");
}

TEST(Native, BindsDefaultsAndKeywords) {
    Interp in;
    static const NativeDef def{"f(a, b=2, *, c=?)", echo};
    NativeFunction* f = make_native_function(in, def);
    EXPECT_EQ(call_text(in, f, {Value::from_small_int(1)}), "(1, 2, Ellipsis)");
    Value kwname = Value::from_obj(in.intern("c"));
    Tuple* kw = make_tuple(in, std::span<const Value>(&kwname, 1));
    EXPECT_EQ(call_text(in, f, {Value::from_small_int(1), Value::from_small_int(9)}, kw, 1), "(1, 2, 9)");
    EXPECT_EQ(call_text(in, f, {}), "error: f() missing required argument 'a' (pos 1)");
    Value bad = Value::from_obj(in.intern("zz"));
    Tuple* kw2 = make_tuple(in, std::span<const Value>(&bad, 1));
    EXPECT_EQ(call_text(in, f, {Value::from_small_int(1), Value::none()}, kw2, 1),
              "error: 'zz' is an invalid keyword argument for f()");
}

// A `def` signature stands in for a Python function: its wrong calls read as CPython's
// initialize_locals words them (the expected texts are python3's for the same def).
TEST(Native, DefSignaturesUsePythonFunctionMessages) {
    Interp in;
    std::string error;
    auto sig = parse_signature(in, "def f(a, b, c=3, *, d, e=5)", error);
    ASSERT_TRUE(sig) << error;
    EXPECT_TRUE(sig->python_words);
    EXPECT_EQ(sig->name, "f");
    EXPECT_EQ(sig->text, "f(a, b, c=3, *, d, e=5)");
    EXPECT_FALSE(parse_signature(in, "def g(*args)", error));
    static const NativeDef def{"def f(a, b, c=3, *, d, e=5)", echo};
    NativeFunction* f = make_native_function(in, def);
    Value one = Value::from_small_int(1);
    EXPECT_EQ(call_text(in, f, {}), "error: f() missing 2 required positional arguments: 'a' and 'b'");
    EXPECT_EQ(call_text(in, f, {one}), "error: f() missing 1 required positional argument: 'b'");
    EXPECT_EQ(call_text(in, f, {one, one}), "error: f() missing 1 required keyword-only argument: 'd'");
    EXPECT_EQ(call_text(in, f, {one, one, one, one}),
              "error: f() takes from 2 to 3 positional arguments but 4 were given");
    auto kwnames = [&](const char* name) {
        Value k = Value::from_obj(in.intern(name));
        return make_tuple(in, std::span<const Value>(&k, 1));
    };
    EXPECT_EQ(call_text(in, f, {one, one, one, one, one}, kwnames("d"), 4),
              "error: f() takes from 2 to 3 positional arguments but 4 positional arguments (and 1 "
              "keyword-only argument) were given");
    EXPECT_EQ(call_text(in, f, {one, one, one}, kwnames("zz"), 2),
              "error: f() got an unexpected keyword argument 'zz'");
    EXPECT_EQ(call_text(in, f, {one, one, one}, kwnames("b"), 2),
              "error: f() got multiple values for argument 'b'");
    EXPECT_EQ(call_text(in, f, {one, one, Value::none()}, kwnames("d"), 2), "(1, 1, 3, None, 5)");
}

TEST(Native, PositionalOnlyMessages) {
    Interp in;
    static const NativeDef len_def{"len(obj, /)", echo};
    static const NativeDef get_def{"getattr(object, name, default=?, /)", echo};
    NativeFunction* len = make_native_function(in, len_def);
    NativeFunction* get = make_native_function(in, get_def);
    EXPECT_EQ(call_text(in, len, {}), "error: len() takes exactly one argument (0 given)");
    EXPECT_EQ(call_text(in, get, {Value::none()}), "error: getattr expected at least 2 arguments, got 1");
    EXPECT_EQ(call_text(in, get, {Value::none(), Value::none()}), "(None, None, Ellipsis)");
}

TEST(Native, MethodsBindAndCheckReceivers) {
    Interp in;
    static const NativeDef def{"copy(self, /)", echo};
    add_methods(in, in.types.str, {def});
    Value m = get_attr(in, str_value(in, "x"), in.intern("copy")).value();
    EXPECT_EQ(type_of(in, m), in.types.native_function);
    Value r = call(in, m, {}).value();
    EXPECT_EQ(repr_string(in, r).value(), "('x',)");
    EXPECT_TRUE(call(in, m, {Value::none()}).is_error());
    EXPECT_EQ(pending_message(in), "str.copy() takes no arguments (1 given)");
    Value unbound = get_attr(in, Value::from_obj(in.types.str), in.intern("copy")).value();
    EXPECT_TRUE(call(in, unbound, {Value::none()}).is_error());
    EXPECT_EQ(pending_message(in), "descriptor 'copy' for 'str' objects doesn't apply to a 'NoneType' object");
}
