// tests/stdlib/json_test.cpp: the native encoder and scanner of _json (stdlib/json_module.cpp),
// called directly. Expected texts are CPython 3.11's json.dumps/json.loads output for the same
// documents; the scanner's errors are (message, -(position + 1)), from which the Python layer
// builds CPython's JSONDecodeError.
#include "stdlib_fixture.hpp"

namespace eddy::lib {

// json.dumps's options (check_circular is always on, default is None).
struct Options {
    bool ensure_ascii = true, allow_nan = true, sort_keys = false, skipkeys = false;
    const char* indent = nullptr;
    const char* item_sep = ", ";
    const char* key_sep = ": ";
};

class JsonTest : public StdlibTest {
protected:
    // _json.decode(text, idx), shown.
    std::string decode(std::string_view text, int64_t idx = 0) {
        return call("_json", "decode", {s(text), i(idx)});
    }
    Value loads(std::string_view text) {
        Value pair = rt::call(in, attr(module("_json"), "decode").value(), {s(text), i(0)}).value();
        return (*pair.as<rt::Tuple>())[0];
    }
    // json.dumps(obj, ...) through _json.encode, shown (a str's repr, or the error).
    std::string dumps(Value obj, Options o = Options()) {
        Value indent = o.indent ? s(o.indent) : none();
        return call("_json", "encode", {obj, boolean(o.ensure_ascii), boolean(o.allow_nan),
                                        boolean(o.sort_keys), boolean(o.skipkeys), boolean(true),
                                        indent, s(o.item_sep), s(o.key_sep), none()});
    }
};

TEST_F(JsonTest, ScannerBuildsValuesAndReportsTheEnd) {
    EXPECT_EQ(decode(R"({"a": [1, 2.5, "x\u00e9", true, false, null], "b": {"c": -0.0, "d": 1e400}})"),
              "({'a': [1, 2.5, 'xé', True, False, None], 'b': {'c': -0.0, 'd': inf}}, 75)");
    EXPECT_EQ(decode("[1, 2]  x"), "([1, 2], 6)");
    EXPECT_EQ(decode("  [1]", 2), "([1], 5)");
    EXPECT_EQ(decode("[\"é\", 3]"), "(['é', 3], 8)");
    EXPECT_EQ(decode("123456789012345678901234567890"), "(123456789012345678901234567890, 30)");
    EXPECT_EQ(decode("[-123456789012345678, 1.5e-3, 0]"), "([-123456789012345678, 0.0015, 0], 32)");
    EXPECT_EQ(decode(R"("\ud83d\ude00\ud800")"), "('😀\\ud800', 20)");
    EXPECT_EQ(decode("[NaN, -Infinity]"), "([nan, -inf], 16)");
}

TEST_F(JsonTest, ScannerErrorsCarryCPythonsMessageAndPosition) {
    EXPECT_EQ(decode(R"({"a" 1})"), "(\"Expecting ':' delimiter\", -6)");
    EXPECT_EQ(decode("[1,]"), "('Expecting value', -4)");
    EXPECT_EQ(decode(R"("café\q")"), "('Invalid \\\\escape', -6)");
    EXPECT_EQ(decode("[[[[["), "('Expecting value', -6)");
    EXPECT_EQ(decode("\"abc"), "('Unterminated string starting at', -1)");
    EXPECT_EQ(decode("\"a\tb\""), "('Invalid control character at', -3)");
}

TEST_F(JsonTest, ScannerSharesOneStrPerObjectKey) {
    // CPython memoizes keys within one document; so does the native scanner.
    Value docs = loads(R"([{"k": 1}, {"k": 2}])");
    const auto& items = docs.as<rt::List>()->items;
    ASSERT_EQ(items.size(), 2u);
    Value k0 = items[0].as<rt::Dict>()->entries[0].key;
    Value k1 = items[1].as<rt::Dict>()->entries[0].key;
    EXPECT_TRUE(k0.is(k1));
}

TEST_F(JsonTest, EncoderMatchesDumps) {
    Value doc = loads(R"({"b": [1, 2.5, null, true], "a": "é\n"})");
    EXPECT_EQ(dumps(doc), R"('{"b": [1, 2.5, null, true], "a": "\\u00e9\\n"}')");
    EXPECT_EQ(dumps(doc, {.sort_keys = true}), R"('{"a": "\\u00e9\\n", "b": [1, 2.5, null, true]}')");
    EXPECT_EQ(dumps(doc, {.ensure_ascii = false, .indent = "  ", .item_sep = ","}),
              R"('{\n  "b": [\n    1,\n    2.5,\n    null,\n    true\n  ],\n  "a": "é\\n"\n}')");
    EXPECT_EQ(dumps(loads(R"("\ud83d\ude00\u007f\u001f")")), R"('"\\ud83d\\ude00\\u007f\\u001f"')");
    EXPECT_EQ(dumps(lst({big("1000000000000000000000000000000"), f(1e16), f(-0.0)})),
              "'[1000000000000000000000000000000, 1e+16, -0.0]'");
    EXPECT_EQ(dumps(lst({f(std::nan("")), f(HUGE_VAL)})), "'[NaN, Infinity]'");
    EXPECT_EQ(dumps(lst({f(std::nan(""))}), {.allow_nan = false}),
              "<ValueError: Out of range float values are not JSON compliant>");
}

TEST_F(JsonTest, EncoderConvertsKeysAndRejectsOthers) {
    rt::Dict* d = rt::make_dict(in);
    ASSERT_FALSE(rt::dict_set(in, d, i(1), s("a")).is_error());
    ASSERT_FALSE(rt::dict_set(in, d, f(2.5), s("b")).is_error());
    ASSERT_FALSE(rt::dict_set(in, d, none(), s("c")).is_error());
    ASSERT_FALSE(rt::dict_set(in, d, boolean(false), s("d")).is_error());
    EXPECT_EQ(dumps(Value::from_obj(d)), R"('{"1": "a", "2.5": "b", "null": "c", "false": "d"}')");
    rt::Dict* bad = rt::make_dict(in);
    ASSERT_FALSE(rt::dict_set(in, bad, tup({i(1), i(2)}), i(1)).is_error());
    ASSERT_FALSE(rt::dict_set(in, bad, s("a"), i(2)).is_error());
    EXPECT_EQ(dumps(Value::from_obj(bad)), "<TypeError: keys must be str, int, float, bool or None, not tuple>");
    EXPECT_EQ(dumps(Value::from_obj(bad), {.skipkeys = true}), R"('{"a": 2}')");
    // sort_keys with keys of different types: sorted()'s TypeError, as in CPython.
    EXPECT_EQ(dumps(Value::from_obj(d), {.sort_keys = true}),
              "<TypeError: '<' not supported between instances of 'NoneType' and 'float'>");
}

TEST_F(JsonTest, EncoderDetectsCircularReferences) {
    Value outer = lst({i(1)});
    outer.as<rt::List>()->items.push_back(outer);
    EXPECT_EQ(dumps(outer), "<ValueError: Circular reference detected>");
    // The same list twice, side by side, is not a cycle.
    Value inner = lst({i(1)});
    EXPECT_EQ(dumps(lst({inner, inner, tup({inner})})), "'[[1], [1], [[1]]]'");
}

} // namespace eddy::lib
