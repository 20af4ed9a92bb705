// tests/stdlib/deque_test.cpp: collections.deque (stdlib/collections_deque.cpp) called directly:
// maxlen dropping from the other end, rotate both ways, indexing, and CPython's errors. The
// expected reprs are CPython 3.11's for the same calls.
#include "stdlib_fixture.hpp"

namespace eddy::lib {

class DequeTest : public StdlibTest {
protected:
    Result<Value> make(std::initializer_list<Value> args) {
        return rt::call(in, attr(module("_collections"), "deque").value(), args);
    }
};

TEST_F(DequeTest, MaxlenDropsFromTheOtherEnd) {
    Value d = make({lst({i(1), i(2), i(3)}), i(3)}).value();
    EXPECT_EQ(method(d, "append", {i(4)}), "None");
    EXPECT_EQ(shown(d), "deque([2, 3, 4], maxlen=3)");
    EXPECT_EQ(method(d, "appendleft", {i(0)}), "None");
    EXPECT_EQ(shown(d), "deque([0, 2, 3], maxlen=3)");
    EXPECT_EQ(method(d, "extend", {s("ab")}), "None");
    EXPECT_EQ(shown(d), "deque([3, 'a', 'b'], maxlen=3)");
    EXPECT_EQ(method(d, "extendleft", {s("xy")}), "None");
    EXPECT_EQ(shown(d), "deque(['y', 'x', 3], maxlen=3)");
    EXPECT_EQ(method(d, "insert", {i(0), i(2)}), "<IndexError: deque already at its maximum size>");
}

TEST_F(DequeTest, RotateIndexAndCount) {
    Value d = make({lst({i(0), i(1), i(2), i(3), i(4), i(5)})}).value();
    EXPECT_EQ(method(d, "rotate", {i(-8)}), "None");
    EXPECT_EQ(shown(d), "deque([2, 3, 4, 5, 0, 1])");
    EXPECT_EQ(method(d, "rotate", {}), "None");
    EXPECT_EQ(shown(d), "deque([1, 2, 3, 4, 5, 0])");
    EXPECT_EQ(method(d, "index", {i(3)}), "2");
    EXPECT_EQ(method(d, "count", {i(1)}), "1");
    EXPECT_EQ(shown(rt::get_item(in, d, i(-1))), "0");
    EXPECT_EQ(shown(rt::get_item(in, d, i(6))), "<IndexError: deque index out of range>");
    EXPECT_EQ(method(d, "reverse", {}), "None");
    EXPECT_EQ(shown(d), "deque([0, 5, 4, 3, 2, 1])");
}

TEST_F(DequeTest, EmptyAndMissingRaiseCPythonsErrors) {
    Value d = make({}).value();
    EXPECT_EQ(method(d, "popleft", {}), "<IndexError: pop from an empty deque>");
    EXPECT_EQ(method(d, "pop", {}), "<IndexError: pop from an empty deque>");
    EXPECT_EQ(method(d, "remove", {i(2)}), "<ValueError: 2 is not in deque>");
    EXPECT_EQ(method(d, "index", {i(5)}), "<ValueError: 5 is not in deque>");
    EXPECT_EQ(shown(make({lst({i(1)}), i(-1)})), "<ValueError: maxlen must be non-negative>");
    EXPECT_EQ(shown(attr(d, "maxlen")), "None");
}

} // namespace eddy::lib
