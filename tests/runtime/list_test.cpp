// tests/runtime/list_test.cpp: list units against the runtime alone: construction, indexing and
// slicing through rt::get_item/set_item, methods, sorting (stability, key errors, mutation during
// the sort), reprs with the recursion guard and the MemoryError check on huge repeats.
#include "container_fixture.hpp"

#include "runtime/list_object.hpp"
#include "runtime/slice_object.hpp"
#include "runtime/tuple_object.hpp"

namespace eddy::rt {
namespace {

using ListTest = ContainerTest;

TEST_F(ListTest, ReprAndRecursionGuard) {
    List* l = make_list(in, std::initializer_list<Value>{i(1), s("a")});
    EXPECT_EQ(shown(l), "[1, 'a']");
    l->items.push_back(Value::from_obj(l));
    EXPECT_EQ(shown(l), "[1, 'a', [...]]");
    EXPECT_EQ(shown(make_list(in)), "[]");
}

TEST_F(ListTest, IndexingWrapsNegativesAndReportsErrors) {
    List* l = make_list(in, std::initializer_list<Value>{i(10), i(20), i(30)});
    EXPECT_EQ(shown(get_item(in, Value::from_obj(l), i(-1))), "30");
    EXPECT_EQ(shown(get_item(in, Value::from_obj(l), i(3))), "<IndexError: list index out of range>");
    EXPECT_EQ(shown(get_item(in, Value::from_obj(l), s("x"))),
              "<TypeError: list indices must be integers or slices, not str>");
}

TEST_F(ListTest, ExtendedSliceAssignmentChecksSize) {
    List* l = make_list(in, std::initializer_list<Value>{i(0), i(1), i(2), i(3)});
    Slice* every_other = make_slice(in, Value::none(), Value::none(), i(2));
    List* one = make_list(in, std::initializer_list<Value>{i(9)});
    Status st = set_item(in, Value::from_obj(l), Value::from_obj(every_other), Value::from_obj(one));
    ASSERT_TRUE(st.is_error());
    EXPECT_EQ(shown(Result<Value>(Error{})),
              "<ValueError: attempt to assign sequence of size 1 to extended slice of size 2>");
    List* two = make_list(in, std::initializer_list<Value>{i(7), i(8)});
    ASSERT_FALSE(set_item(in, Value::from_obj(l), Value::from_obj(every_other), Value::from_obj(two)).is_error());
    EXPECT_EQ(shown(l), "[7, 1, 8, 3]");
    ASSERT_FALSE(del_item(in, Value::from_obj(l), Value::from_obj(every_other)).is_error());
    EXPECT_EQ(shown(l), "[1, 3]");
}

TEST_F(ListTest, MethodsMatchCPythonMessages) {
    List* l = make_list(in, std::initializer_list<Value>{i(3), i(1)});
    EXPECT_EQ(call(l, "index", {i(7)}), "<ValueError: 7 is not in list>");
    EXPECT_EQ(call(l, "remove", {i(7)}), "<ValueError: list.remove(x): x not in list>");
    EXPECT_EQ(call(l, "pop", {i(5)}), "<IndexError: pop index out of range>");
    EXPECT_EQ(call(make_list(in), "pop", {}), "<IndexError: pop from empty list>");
    EXPECT_EQ(call(l, "insert", {i(-100), i(0)}), "None");
    EXPECT_EQ(shown(l), "[0, 3, 1]");
}

TEST_F(ListTest, SortIsStableWithKeys) {
    // Tuples (key, original position): sorting by key must keep positions ascending per key.
    List* l = make_list(in);
    for (int k = 0; k < 200; ++k)
        l->items.push_back(Value::from_obj(make_tuple(in, {i((k * 37) % 7), i(k)})));
    ASSERT_FALSE(list_sort(in, l, Value::none(), false).is_error());
    for (size_t k = 1; k < l->items.size(); ++k) {
        Tuple* a = l->items[k - 1].as<Tuple>();
        Tuple* b = l->items[k].as<Tuple>();
        EXPECT_TRUE((*a)[0].as_small_int() < (*b)[0].as_small_int() ||
                    ((*a)[0].as_small_int() == (*b)[0].as_small_int() &&
                     (*a)[1].as_small_int() < (*b)[1].as_small_int()));
    }
}

TEST_F(ListTest, SortReverseAndPresortedRuns) {
    List* l = make_list(in);
    for (int k = 0; k < 1000; ++k) l->items.push_back(i(k % 3 == 0 ? 1000 - k : k));
    ASSERT_FALSE(list_sort(in, l, Value::none(), true).is_error());
    for (size_t k = 1; k < l->items.size(); ++k)
        EXPECT_GE(l->items[k - 1].as_small_int(), l->items[k].as_small_int());
}

TEST_F(ListTest, SortOfIncomparableItemsRaisesAndKeepsAllItems) {
    List* l = make_list(in, std::initializer_list<Value>{i(1), s("a"), i(2)});
    ASSERT_TRUE(list_sort(in, l, Value::none(), false).is_error());
    EXPECT_EQ(shown(Result<Value>(Error{})),
              "<TypeError: '<' not supported between instances of 'str' and 'int'>");
    EXPECT_EQ(l->items.size(), 3u);
}

TEST_F(ListTest, HugeRepeatIsMemoryError) {
    in.heap.set_limit(size_t(64) << 20);
    List* l = make_list(in, std::initializer_list<Value>{i(0)});
    auto r = binary_op(in, Value::from_obj(l), i(int64_t(1) << 40), vm::BinOp::Mul);
    ASSERT_TRUE(r.is_error());
    EXPECT_TRUE(in.exception_matches(in.exc.MemoryError));
    in.take_exception();
}

TEST_F(ListTest, ConstructorFromIterables) {
    EXPECT_EQ(shown(construct(in.types.list, {s("ab")})), "['a', 'b']");
    EXPECT_EQ(shown(construct(in.types.list, {i(1)})), "<TypeError: 'int' object is not iterable>");
    Value r = construct(in.types.range, {i(4)}).value();
    EXPECT_EQ(shown(list_from_iterable(in, r).value()), "[0, 1, 2, 3]");
}

} // namespace
} // namespace eddy::rt
