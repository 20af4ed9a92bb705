// tests/runtime/tuple_test.cpp: tuple units: reprs, CPython 3.11's xxHash-based tuple hash,
// lexicographic comparison, slicing and the + / * operators.
#include "container_fixture.hpp"

#include "runtime/list_object.hpp"
#include "runtime/slice_object.hpp"
#include "runtime/tuple_object.hpp"

namespace eddy::rt {
namespace {

using TupleTest = ContainerTest;

TEST_F(TupleTest, Reprs) {
    EXPECT_EQ(shown(make_tuple(in, 0)), "()");
    EXPECT_EQ(shown(make_tuple(in, {i(1)})), "(1,)");
    EXPECT_EQ(shown(make_tuple(in, {i(1), s("x")})), "(1, 'x')");
}

TEST_F(TupleTest, HashMatchesCPython) {
    // Values from python3.11.
    EXPECT_EQ(hash(in, Value::from_obj(make_tuple(in, {i(1), i(2)}))).value(), -3550055125485641917);
    EXPECT_EQ(hash(in, Value::from_obj(make_tuple(in, 0))).value(), 5740354900026072187);
    Tuple* inner = make_tuple(in, {i(2), i(3)});
    EXPECT_EQ(hash(in, Value::from_obj(make_tuple(in, {i(1), Value::from_obj(inner)}))).value(),
              7267574591690527098);
    Tuple* with_list = make_tuple(in, {Value::from_obj(make_list(in))});
    EXPECT_TRUE(hash(in, Value::from_obj(with_list)).is_error());
    EXPECT_EQ(shown(Result<Value>(Error{})), "<TypeError: unhashable type: 'list'>");
}

TEST_F(TupleTest, ComparesLexicographically) {
    Value a = Value::from_obj(make_tuple(in, {i(1), i(2)}));
    Value b = Value::from_obj(make_tuple(in, {i(1), i(2), i(0)}));
    EXPECT_EQ(shown(compare(in, a, b, vm::CmpOp::Lt)), "True");
    EXPECT_EQ(shown(compare(in, a, b, vm::CmpOp::Eq)), "False");
    Value c = Value::from_obj(make_tuple(in, {i(1), s("x")}));
    EXPECT_EQ(shown(compare(in, a, c, vm::CmpOp::Lt)),
              "<TypeError: '<' not supported between instances of 'int' and 'str'>");
}

TEST_F(TupleTest, SlicingAndOperators) {
    Value t = Value::from_obj(make_tuple(in, {i(0), i(1), i(2), i(3)}));
    Value rev = Value::from_obj(make_slice(in, Value::none(), Value::none(), i(-1)));
    EXPECT_EQ(shown(get_item(in, t, rev)), "(3, 2, 1, 0)");
    EXPECT_EQ(shown(get_item(in, t, i(-5))), "<IndexError: tuple index out of range>");
    EXPECT_EQ(shown(binary_op(in, t, i(2), vm::BinOp::Mul)), "(0, 1, 2, 3, 0, 1, 2, 3)");
    EXPECT_EQ(shown(binary_op(in, t, Value::from_obj(make_list(in)), vm::BinOp::Add)),
              "<TypeError: can only concatenate tuple (not \"list\") to tuple>");
    EXPECT_EQ(call(t, "index", {i(9)}), "<ValueError: tuple.index(x): x not in tuple>");
}

} // namespace
} // namespace eddy::rt
