// tests/stdlib/heapq_test.cpp: _heapq (stdlib/heapq_module.cpp) called directly. The heap lists
// must have CPython's exact layout after every operation (scripts print heaps), so each expected
// list is what CPython 3.11's heapq leaves for the same calls.
#include <optional>

#include "stdlib_fixture.hpp"

namespace eddy::lib {

class HeapqTest : public StdlibTest {
protected:
    std::string op(const char* fn, Value heap, std::optional<Value> item = std::nullopt) {
        if (item) return call("_heapq", fn, {heap, *item});
        return call("_heapq", fn, {heap});
    }
};

TEST_F(HeapqTest, PushKeepsCPythonsLayout) {
    Value h = lst({});
    for (int64_t v : {5, 3, 8, 1, 9, 2, 7, 1}) EXPECT_EQ(op("heappush", h, i(v)), "None");
    EXPECT_EQ(shown(h), "[1, 1, 2, 3, 9, 8, 7, 5]");
    EXPECT_EQ(op("heappop", h), "1");
    EXPECT_EQ(op("heappop", h), "1");
    EXPECT_EQ(op("heappop", h), "2");
    EXPECT_EQ(shown(h), "[3, 5, 7, 8, 9]");
}

TEST_F(HeapqTest, HeapifyReplaceAndPushpop) {
    Value h = lst({i(9), i(8), i(7), i(6), i(5), i(4), i(3), i(2), i(1), i(0)});
    EXPECT_EQ(op("heapify", h), "None");
    EXPECT_EQ(shown(h), "[0, 1, 3, 2, 5, 4, 7, 9, 6, 8]");
    EXPECT_EQ(op("heapreplace", h, i(10)), "0");
    EXPECT_EQ(shown(h), "[1, 2, 3, 6, 5, 4, 7, 9, 10, 8]");
    EXPECT_EQ(op("heappushpop", h, i(-1)), "-1");
    EXPECT_EQ(op("heappushpop", h, i(4)), "1");
    EXPECT_EQ(shown(h), "[2, 4, 3, 6, 5, 4, 7, 9, 10, 8]");
}

TEST_F(HeapqTest, TuplesAndMixedNumbersCompareAsPython) {
    Value h = lst({tup({i(2), s("b")}), tup({i(1), s("z")}), tup({i(1), s("a")}), tup({i(3)}),
                   tup({f(1.5), s("f")}), tup({big("100000000000000000000")}), tup({})});
    EXPECT_EQ(op("heapify", h), "None");
    EXPECT_EQ(shown(h), "[(), (1, 'z'), (1, 'a'), (3,), (1.5, 'f'), (100000000000000000000,), (2, 'b')]");
    std::string order;
    for (int k = 0; k < 7; ++k) order += op("heappop", h) + " ";
    EXPECT_EQ(order, "() (1, 'a') (1, 'z') (1.5, 'f') (2, 'b') (3,) (100000000000000000000,) ");
}

TEST_F(HeapqTest, BadArgumentsRaiseCPythonsErrors) {
    EXPECT_EQ(op("heappop", lst({})), "<IndexError: index out of range>");
    EXPECT_EQ(op("heapreplace", lst({}), i(1)), "<IndexError: index out of range>");
    EXPECT_EQ(op("heappush", tup({}), i(1)), "<TypeError: heappush() argument 1 must be list, not tuple>");
    EXPECT_EQ(op("heapify", lst({i(1), s("a"), i(2)})),
              "<TypeError: '<' not supported between instances of 'str' and 'int'>");
    EXPECT_EQ(op("heappush", lst({tup({i(1), s("a")})}), tup({i(1), i(2)})),
              "<TypeError: '<' not supported between instances of 'int' and 'str'>");
}

} // namespace eddy::lib
