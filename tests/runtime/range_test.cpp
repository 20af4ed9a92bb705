// tests/runtime/range_test.cpp: range and slice units: O(1) membership and indexing, slicing a
// range into a range, big (beyond int64) ranges, reprs, and slice_indices' clamping.
#include "container_fixture.hpp"

#include "runtime/int_object.hpp"
#include "runtime/range_object.hpp"
#include "runtime/slice_object.hpp"

namespace eddy::rt {
namespace {

using RangeTest = ContainerTest;

TEST_F(RangeTest, ReprLenIndexAndMembership) {
    Value r = construct(in.types.range, {i(3), i(40), i(4)}).value();
    EXPECT_EQ(shown(r), "range(3, 40, 4)");
    EXPECT_EQ(length(in, r).value(), 10);
    EXPECT_EQ(shown(get_item(in, r, i(-1))), "39");
    EXPECT_EQ(shown(get_item(in, r, i(10))), "<IndexError: range object index out of range>");
    EXPECT_TRUE(contains(in, r, i(11)).value());
    EXPECT_FALSE(contains(in, r, i(12)).value());
    Value sl = Value::from_obj(make_slice(in, i(2), i(5), Value::none()));
    EXPECT_EQ(shown(get_item(in, r, sl)), "range(11, 23, 4)");
    EXPECT_EQ(shown(construct(in.types.range, {i(0), i(1), i(0)})),
              "<ValueError: range() arg 3 must not be zero>");
}

TEST_F(RangeTest, BigRanges) {
    Value big = make_int(in, BigValue("100000000000000000000"));
    Value r = construct(in.types.range, {big}).value();
    EXPECT_EQ(shown(get_item(in, r, make_int(in, BigValue("10000000000000000000")))), "10000000000000000000");
    EXPECT_TRUE(contains(in, r, make_int(in, BigValue("99999999999999999999"))).value());
    EXPECT_TRUE(length(in, r).is_error());
    EXPECT_TRUE(in.exception_matches(in.exc.OverflowError));
    in.take_exception();
}

TEST_F(RangeTest, IterationYieldsEveryElement) {
    Value r = construct(in.types.range, {i(10), i(0), i(-3)}).value();
    Value it = get_iter(in, r).value();
    std::string seen;
    for (Value v = next(in, it).value(); !v.is_null(); v = next(in, it).value())
        seen += std::to_string(v.as_small_int()) + " ";
    EXPECT_EQ(seen, "10 7 4 1 ");
}

TEST_F(RangeTest, SliceIndicesClamp) {
    Slice* s = make_slice(in, i(-100), i(100), Value::none());
    SliceIndices x = slice_indices(in, s, 7).value();
    EXPECT_EQ(x.start, 0);
    EXPECT_EQ(x.stop, 7);
    EXPECT_EQ(x.count, 7);
    Slice* back = make_slice(in, Value::none(), Value::none(), i(-2));
    SliceIndices y = slice_indices(in, back, 5).value();
    EXPECT_EQ(y.start, 4);
    EXPECT_EQ(y.stop, -1);
    EXPECT_EQ(y.count, 3);
    EXPECT_EQ(shown(Value::from_obj(make_slice(in, i(1), i(2), Value::none()))), "slice(1, 2, None)");
}

} // namespace
} // namespace eddy::rt
