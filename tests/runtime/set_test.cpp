// tests/runtime/set_test.cpp: set/frozenset units: iteration order equal to CPython's table
// layout, frozenset hashes equal to CPython's, set algebra, pop order, and error messages.
#include "container_fixture.hpp"

#include "runtime/set_object.hpp"
#include "runtime/tuple_object.hpp"

namespace eddy::rt {
namespace {

using SetTest = ContainerTest;

Set* set_of(Interp& in, std::initializer_list<int64_t> keys, bool frozen = false) {
    Set* s = frozen ? make_frozenset(in) : make_set(in);
    for (int64_t k : keys) EXPECT_FALSE(set_add(in, s, Value::from_small_int(k)).is_error());
    return s;
}

TEST_F(SetTest, OrderMatchesCPythonTableLayout) {
    // Expected strings come from python3.11.
    EXPECT_EQ(shown(set_of(in, {3, 1, 2})), "{1, 2, 3}");
    // Added one by one (BUILD_SET n), and as a constant display (frozenset constant + update).
    EXPECT_EQ(shown(set_of(in, {100, 8, 16, -1, -2})), "{100, 8, 16, -2, -1}");
    Value items[] = {i(100), i(8), i(16), i(-1), i(-2)};
    EXPECT_EQ(shown(make_set_from_constant_display(in, items).value()), "{16, 100, -2, 8, -1}");
    Value more[] = {i(5), i(37), i(69), i(101), i(133), i(4), i(36)};
    EXPECT_EQ(shown(make_set_from_constant_display(in, more).value()), "{4, 5, 69, 37, 101, 133, 36}");
    EXPECT_EQ(shown(set_of(in, {5, 37, 69, 101, 133, 4, 36})), "{4, 101, 37, 69, 5, 133, 36}");
    EXPECT_EQ(shown(set_of(in, {64, 128, 1, 2})), "{64, 1, 2, 128}");
}

TEST_F(SetTest, FrozensetHashMatchesCPython) {
    // python3.11: hash(frozenset()) == 133146708735736, hash(frozenset([1, 2, 3])) == -272375401224217160
    EXPECT_EQ(hash(in, Value::from_obj(make_frozenset(in))).value(), 133146708735736);
    EXPECT_EQ(hash(in, Value::from_obj(set_of(in, {1, 2, 3}, true))).value(), -272375401224217160);
    EXPECT_TRUE(hash(in, Value::from_obj(make_set(in))).is_error());
    EXPECT_EQ(shown(Result<Value>(Error{})), "<TypeError: unhashable type: 'set'>");
}

TEST_F(SetTest, AlgebraAndComparisons) {
    Value a = Value::from_obj(set_of(in, {1, 2, 3, 4}));
    Value b = Value::from_obj(set_of(in, {3, 4, 5}));
    EXPECT_EQ(shown(binary_op(in, a, b, vm::BinOp::Or)), "{1, 2, 3, 4, 5}");
    EXPECT_EQ(shown(binary_op(in, a, b, vm::BinOp::And)), "{3, 4}");
    EXPECT_EQ(shown(binary_op(in, a, b, vm::BinOp::Sub)), "{1, 2}");
    EXPECT_EQ(shown(binary_op(in, a, b, vm::BinOp::Xor)), "{1, 2, 5}");
    EXPECT_EQ(shown(compare(in, Value::from_obj(set_of(in, {3})), b, vm::CmpOp::Lt)), "True");
    EXPECT_EQ(shown(compare(in, a, b, vm::CmpOp::Ge)), "False");
    EXPECT_EQ(shown(compare(in, Value::from_obj(set_of(in, {1, 2}, true)), Value::from_obj(set_of(in, {2, 1})),
                            vm::CmpOp::Eq)), "True");
}

TEST_F(SetTest, PopAndRemoveErrors) {
    Set* s = set_of(in, {1});
    EXPECT_EQ(call(s, "remove", {i(2)}), "<KeyError: 2>");
    EXPECT_EQ(call(s, "pop", {}), "1");
    EXPECT_EQ(call(s, "pop", {}), "<KeyError: 'pop from an empty set'>");
    EXPECT_EQ(shown(s), "set()");
    EXPECT_EQ(shown(make_frozenset(in)), "frozenset()");
    EXPECT_EQ(shown(set_of(in, {5}, true)), "frozenset({5})");
}

TEST_F(SetTest, GrowsAndShrinksConsistently) {
    Set* s = make_set(in);
    for (int k = 0; k < 5000; ++k) ASSERT_FALSE(set_add(in, s, i(k * 31)).is_error());
    for (int k = 0; k < 5000; k += 2) EXPECT_TRUE(set_discard(in, s, i(k * 31)).value());
    EXPECT_EQ(s->used, 2500u);
    for (int k = 0; k < 5000; ++k) EXPECT_EQ(set_contains(in, s, i(k * 31)).value(), k % 2 == 1);
}

} // namespace
} // namespace eddy::rt
