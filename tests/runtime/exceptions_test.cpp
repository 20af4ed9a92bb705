// tests/runtime/exceptions_test.cpp: exception objects built without the VM: args, str/repr,
// the per-class attributes and the chaining setters.
#include <gtest/gtest.h>

#include "runtime/exception_object.hpp"
#include "runtime/interp.hpp"
#include "runtime/ops.hpp"
#include "runtime/str_object.hpp"
#include "runtime/tuple_object.hpp"

using namespace eddy::rt;

namespace {

std::string s(Interp& in, Value v) {
    Result<Value> r = str(in, v);
    return r.is_error() ? "<error>" : std::string(r.value().as<Str>()->view());
}

std::string r(Interp& in, Value v) {
    Result<std::string> t = repr_string(in, v);
    return t.is_error() ? "<error>" : t.value();
}

Value make(Interp& in, Type* t, std::initializer_list<Value> args) {
    return call(in, Value::from_obj(t), args).value();
}

} // namespace

TEST(Exceptions, StrAndRepr) {
    Interp in;
    Value k = make(in, in.exc.KeyError, {str_value(in, "k")});
    EXPECT_EQ(s(in, k), "'k'");
    EXPECT_EQ(r(in, k), "KeyError('k')");
    Value e = make(in, in.exc.Exception, {Value::from_small_int(1), str_value(in, "two")});
    EXPECT_EQ(s(in, e), "(1, 'two')");
    EXPECT_EQ(r(in, e), "Exception(1, 'two')");
    EXPECT_EQ(s(in, make(in, in.exc.ValueError, {})), "");
    EXPECT_EQ(r(in, make(in, in.exc.ValueError, {})), "ValueError()");
}

TEST(Exceptions, ClassAttributes) {
    Interp in;
    Value stop = make(in, in.exc.StopIteration, {Value::from_small_int(7)});
    EXPECT_EQ(get_attr(in, stop, in.names.value).value().as_small_int(), 7);
    Value exit = make(in, in.exc.SystemExit, {});
    EXPECT_TRUE(get_attr(in, exit, in.intern("code")).value().is_none());
    Value os = make(in, in.exc.OSError, {Value::from_small_int(2), str_value(in, "No such file"),
                                         str_value(in, "x.txt")});
    EXPECT_EQ(type_of(in, os), in.exc.FileNotFoundError);
    EXPECT_EQ(s(in, os), "[Errno 2] No such file: 'x.txt'");
    Value internal = Value::from_obj(make_exception(in, in.exc.StopIteration, std::string_view{}));
    EXPECT_TRUE(get_attr(in, internal, in.names.value).value().is_none());
}

TEST(Exceptions, ChainingAttributes) {
    Interp in;
    Value a = make(in, in.exc.ValueError, {});
    Value b = make(in, in.exc.TypeError, {});
    ASSERT_FALSE(set_attr(in, b, in.names.dunder_cause, a).is_error());
    EXPECT_TRUE(get_attr(in, b, in.names.dunder_cause).value().is(a));
    EXPECT_TRUE(get_attr(in, b, in.names.dunder_suppress_context).value().is_true());
    EXPECT_TRUE(set_attr(in, b, in.names.dunder_cause, Value::from_small_int(1)).is_error());
    in.take_exception();
    EXPECT_TRUE(is_exception_instance(in, a));
    EXPECT_TRUE(is_exception_class(in, Value::from_obj(in.exc.KeyError)));
    EXPECT_FALSE(is_exception_class(in, Value::from_obj(in.types.int_)));
}
