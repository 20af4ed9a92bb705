// tests/runtime/ops_test.cpp: the generic object protocol's dispatch and CPython-worded errors.
#include <gtest/gtest.h>

#include "runtime/interp.hpp"
#include "runtime/list_object.hpp"
#include "runtime/ops.hpp"
#include "runtime/str_object.hpp"
#include "runtime/tuple_object.hpp"

using namespace eddy::rt;

namespace {

std::string pending_message(Interp& in) {
    Value e = in.take_exception();
    Result<Value> s = str(in, e);
    return std::string(type_name(in, e)) + ": " + std::string(s.value().as<Str>()->view());
}

} // namespace

TEST(Ops, UnsupportedOperands) {
    Interp in;
    Value one = Value::from_small_int(1);
    EXPECT_TRUE(binary_op(in, one, str_value(in, "a"), eddy::vm::BinOp::Add).is_error());
    EXPECT_EQ(pending_message(in), "TypeError: unsupported operand type(s) for +: 'int' and 'str'");
    EXPECT_TRUE(binary_op(in, Value::none(), one, eddy::vm::BinOp::InplaceSub).is_error());
    EXPECT_EQ(pending_message(in), "TypeError: unsupported operand type(s) for -=: 'NoneType' and 'int'");
}

TEST(Ops, ComparisonFallbacks) {
    Interp in;
    Value none = Value::none();
    EXPECT_TRUE(compare(in, none, none, eddy::vm::CmpOp::Eq).value().is_true());
    EXPECT_TRUE(compare(in, none, Value::ellipsis(), eddy::vm::CmpOp::Ne).value().is_true());
    EXPECT_TRUE(compare(in, none, Value::from_small_int(1), eddy::vm::CmpOp::Lt).is_error());
    EXPECT_EQ(pending_message(in), "TypeError: '<' not supported between instances of 'NoneType' and 'int'");
}

TEST(Ops, ProtocolErrors) {
    Interp in;
    Value one = Value::from_small_int(1);
    EXPECT_TRUE(length(in, one).is_error());
    EXPECT_EQ(pending_message(in), "TypeError: object of type 'int' has no len()");
    EXPECT_TRUE(get_item(in, one, one).is_error());
    EXPECT_EQ(pending_message(in), "TypeError: 'int' object is not subscriptable");
    EXPECT_TRUE(get_iter(in, one).is_error());
    EXPECT_EQ(pending_message(in), "TypeError: 'int' object is not iterable");
    EXPECT_TRUE(call(in, one, {}).is_error());
    EXPECT_EQ(pending_message(in), "TypeError: 'int' object is not callable");
    EXPECT_TRUE(get_attr(in, one, in.intern("x")).is_error());
    EXPECT_EQ(pending_message(in), "AttributeError: 'int' object has no attribute 'x'");
    EXPECT_TRUE(get_attr(in, Value::from_obj(in.types.int_), in.intern("x")).is_error());
    EXPECT_EQ(pending_message(in), "AttributeError: type object 'int' has no attribute 'x'");
    EXPECT_TRUE(hash(in, Value::from_obj(make_list(in))).is_error());
    EXPECT_EQ(pending_message(in), "TypeError: unhashable type: 'list'");
    EXPECT_TRUE(set_item(in, one, one, one).is_error());
    EXPECT_EQ(pending_message(in), "TypeError: 'int' object does not support item assignment");
    EXPECT_TRUE(negate(in, Value::none()).is_error());
    EXPECT_EQ(pending_message(in), "TypeError: bad operand type for unary -: 'NoneType'");
}

TEST(Ops, IsInstanceWithTuples) {
    Interp in;
    Value one = Value::from_small_int(1);
    Value types[2] = {Value::from_obj(in.types.str), Value::from_obj(in.types.int_)};
    Value tuple = Value::from_obj(make_tuple(in, std::span<const Value>(types)));
    EXPECT_TRUE(is_instance(in, one, tuple).value());
    EXPECT_TRUE(is_instance(in, Value::boolean(true), Value::from_obj(in.types.int_)).value());
    EXPECT_FALSE(is_instance(in, one, Value::from_obj(in.types.str)).value());
    EXPECT_TRUE(is_instance(in, one, one).is_error());
    EXPECT_EQ(pending_message(in),
              "TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union");
    EXPECT_TRUE(is_subclass(in, Value::from_obj(in.types.bool_), Value::from_obj(in.types.int_)).value());
}

TEST(Ops, TruthAndEquality) {
    Interp in;
    EXPECT_FALSE(truthy(in, Value::none()).value());
    EXPECT_FALSE(truthy(in, Value::from_small_int(0)).value());
    EXPECT_TRUE(truthy(in, Value::from_obj(in.types.int_)).value());
    EXPECT_TRUE(equal(in, Value::none(), Value::none()).value());
}
