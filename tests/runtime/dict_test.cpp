// tests/runtime/dict_test.cpp: dict units: insertion order across deletes and resizes, the
// str-keyed fast paths agreeing with the generic ones, int/float key equivalence, views, KeyError
// carrying the key, and the update-sequence errors.
#include "container_fixture.hpp"

#include "runtime/dict_object.hpp"
#include "runtime/list_object.hpp"
#include "runtime/tuple_object.hpp"

namespace eddy::rt {
namespace {

using DictTest = ContainerTest;

TEST_F(DictTest, KeepsInsertionOrderAcrossDeletesAndGrowth) {
    Dict* d = make_dict(in);
    for (int k = 0; k < 100; ++k) ASSERT_FALSE(dict_set(in, d, i(k), i(k * k)).is_error());
    for (int k = 0; k < 100; k += 3) EXPECT_TRUE(dict_del(in, d, i(k)).value());
    EXPECT_EQ(d->used, 66u);
    ASSERT_FALSE(dict_set(in, d, i(0), i(-1)).is_error());
    std::vector<int64_t> keys;
    for (auto& e : d->entries)
        if (!e.key.is_null()) keys.push_back(e.key.as_small_int());
    ASSERT_EQ(keys.size(), 67u);
    EXPECT_EQ(keys.front(), 1);
    EXPECT_EQ(keys.back(), 0);
    EXPECT_EQ(shown(dict_get(in, d, i(4))), "16");
    EXPECT_TRUE(dict_get(in, d, i(3)).value().is_null());
}

TEST_F(DictTest, StrFastPathsAgreeWithGenericLookup) {
    Dict* d = make_dict(in);
    Str* interned = in.intern("spam");
    dict_set_str(in, d, interned, i(1));
    // A different str object with the same text finds the same entry.
    EXPECT_EQ(shown(dict_get(in, d, s("spam"))), "1");
    EXPECT_EQ(dict_get_str(d, make_str(in, "spam")).as_small_int(), 1);
    ASSERT_FALSE(dict_set(in, d, s("eggs"), i(2)).is_error());
    EXPECT_EQ(dict_get_str(d, in.intern("eggs")).as_small_int(), 2);
    EXPECT_TRUE(dict_del_str(d, interned));
    EXPECT_FALSE(dict_del_str(d, interned));
    EXPECT_TRUE(dict_get_str(d, interned).is_null());
    EXPECT_EQ(shown(d), "{'eggs': 2}");
}

TEST_F(DictTest, EqualNumbersAreOneKey) {
    Dict* d = make_dict(in);
    ASSERT_FALSE(dict_set(in, d, i(1), s("int")).is_error());
    ASSERT_FALSE(dict_set(in, d, Value::from_float(1.0), s("float")).is_error());
    ASSERT_FALSE(dict_set(in, d, Value::boolean(true), s("bool")).is_error());
    EXPECT_EQ(shown(d), "{1: 'bool'}");
}

TEST_F(DictTest, UnhashableKeyAndKeyErrorArgs) {
    Dict* d = make_dict(in);
    EXPECT_TRUE(dict_set(in, d, Value::from_obj(make_list(in)), i(1)).is_error());
    EXPECT_EQ(shown(Result<Value>(Error{})), "<TypeError: unhashable type: 'list'>");
    auto r = get_item(in, Value::from_obj(d), s("nope"));
    ASSERT_TRUE(r.is_error());
    Value e = in.take_exception();
    EXPECT_EQ(shown(get_attr(in, e, in.intern("args"))), "('nope',)");
}

TEST_F(DictTest, MethodsAndViews) {
    Dict* d = make_dict(in);
    ASSERT_FALSE(dict_set(in, d, s("a"), i(1)).is_error());
    ASSERT_FALSE(dict_set(in, d, s("b"), i(2)).is_error());
    EXPECT_EQ(call(d, "keys", {}), "dict_keys(['a', 'b'])");
    EXPECT_EQ(call(d, "items", {}), "dict_items([('a', 1), ('b', 2)])");
    EXPECT_EQ(call(d, "pop", {s("a")}), "1");
    EXPECT_EQ(call(d, "pop", {s("a")}), "<KeyError: 'a'>");
    EXPECT_EQ(call(d, "popitem", {}), "('b', 2)");
    EXPECT_EQ(call(d, "popitem", {}), "<KeyError: 'popitem(): dictionary is empty'>");
}

TEST_F(DictTest, UpdateSequenceErrors) {
    Tuple* three = make_tuple(in, {i(1), i(2), i(3)});
    List* pairs = make_list(in, std::initializer_list<Value>{Value::from_obj(three)});
    EXPECT_EQ(shown(construct(in.types.dict, {Value::from_obj(pairs)})),
              "<ValueError: dictionary update sequence element #0 has length 3; 2 is required>");
    List* ints = make_list(in, std::initializer_list<Value>{i(1)});
    EXPECT_EQ(shown(construct(in.types.dict, {Value::from_obj(ints)})),
              "<TypeError: cannot convert dictionary update sequence element #0 to a sequence>");
}

TEST_F(DictTest, IterationDetectsSizeChange) {
    Dict* d = make_dict(in);
    ASSERT_FALSE(dict_set(in, d, i(1), i(1)).is_error());
    Value it = get_iter(in, Value::from_obj(d)).value();
    EXPECT_EQ(shown(next(in, it)), "1");
    ASSERT_FALSE(dict_set(in, d, i(2), i(2)).is_error());
    EXPECT_EQ(shown(next(in, it)), "<RuntimeError: dictionary changed size during iteration>");
}

} // namespace
} // namespace eddy::rt
