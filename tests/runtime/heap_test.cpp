// tests/runtime/heap_test.cpp: the allocator and collector: unreachable objects are freed and
// their cells reused, roots keep objects alive, large objects go and come back, and two
// interpreters' heaps are independent. No stack base is registered, so only explicit roots count.
#include <gtest/gtest.h>

#include <string>

#include "runtime/interp.hpp"
#include "runtime/list_object.hpp"
#include "runtime/str_object.hpp"

namespace eddy::rt {

namespace {

void make_garbage(Interp& in, int count) {
    for (int i = 0; i < count; ++i) make_str(in, "garbage " + std::to_string(i));
}

} // namespace

TEST(Heap, UnreachableObjectsAreFreed) {
    Interp in;
    in.heap.collect();
    size_t objects = in.heap.object_count();
    make_garbage(in, 100000);
    EXPECT_EQ(in.heap.object_count(), objects + 100000);
    in.heap.collect();
    EXPECT_EQ(in.heap.object_count(), objects);
}

TEST(Heap, BytesInUseComeBackToTheLiveSetAfterEachCollection) {
    Interp in;
    make_garbage(in, 50000);
    in.heap.collect();
    size_t bytes = in.heap.bytes_in_use();
    for (int round = 0; round < 5; ++round) {
        make_garbage(in, 50000);
        in.heap.collect();
        EXPECT_EQ(in.heap.bytes_in_use(), bytes);
    }
}

TEST(Heap, RootedValuesSurviveACollection) {
    Interp in;
    RootedValues kept(in.heap);
    for (int i = 0; i < 1000; ++i) kept.values.push_back(Value::from_obj(make_str(in, "kept " + std::to_string(i))));
    make_garbage(in, 10000);
    in.heap.collect();
    make_garbage(in, 10000);   // reuses the freed cells: must not overwrite the kept strs
    for (int i = 0; i < 1000; ++i)
        EXPECT_EQ(kept.values[size_t(i)].as<Str>()->view(), "kept " + std::to_string(i));
}

TEST(Heap, LargeObjectsAreFreed) {
    Interp in;
    in.heap.collect();
    size_t bytes = in.heap.bytes_in_use();
    for (int i = 0; i < 100; ++i) make_str(in, std::string(100000, 'x'));
    EXPECT_GT(in.heap.bytes_in_use(), bytes + 100 * 100000);
    in.heap.collect();
    EXPECT_EQ(in.heap.bytes_in_use(), bytes);
}

TEST(Heap, ObjectsReachableOnlyThroughContainersSurvive) {
    Interp in;
    RootedValues kept(in.heap);
    List* list = make_list(in);
    kept.values.push_back(Value::from_obj(list));
    for (int i = 0; i < 5000; ++i) {
        Value item = Value::from_obj(make_str(in, std::to_string(i)));
        list->items.push_back(item);
    }
    make_garbage(in, 5000);
    in.heap.collect();
    make_garbage(in, 5000);
    ASSERT_EQ(list->items.size(), 5000u);
    EXPECT_EQ(list->items[4321].as<Str>()->view(), "4321");
}

TEST(Heap, TwoInterpretersHaveIndependentHeaps) {
    Interp a, b;
    size_t a_objects = a.heap.object_count();
    make_garbage(b, 1000);
    EXPECT_EQ(a.heap.object_count(), a_objects);
    a.heap.collect();
    EXPECT_EQ(b.heap.object_count() >= 1000, true);
}

} // namespace eddy::rt
