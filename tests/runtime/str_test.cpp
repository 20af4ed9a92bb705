// tests/runtime/str_test.cpp: str units against the runtime alone (no compiler): construction,
// hashing as CPython with PYTHONHASHSEED=0, repr, the operator slots, methods called through
// rt::call_method, str.format / % / __format__, and the codecs.
#include <gtest/gtest.h>

#include "runtime/bytes_object.hpp"
#include "runtime/interp.hpp"
#include "runtime/ops.hpp"
#include "runtime/str_object.hpp"
#include "runtime/tuple_object.hpp"

namespace eddy::rt {
namespace {

class StrTest : public ::testing::Test {
protected:
    StrTest() { in.heap.set_stack_base(&marker); }

    Value s(std::string_view text) { return str_value(in, text); }

    // repr() of a value, or "<error: Type: message>" when it raised.
    std::string shown(Result<Value> r) {
        if (r.is_error()) {
            Value e = in.take_exception();
            auto msg = str(in, e);
            std::string text = msg.is_error() ? "?" : std::string(msg.value().as<Str>()->view());
            return "<" + std::string(type_name(in, e)) + ": " + text + ">";
        }
        auto text = repr(in, r.value());
        return text.is_error() ? "<repr failed>" : std::string(text.value().as<Str>()->view());
    }

    std::string call(Value self, const char* method, std::initializer_list<Value> args) {
        return shown(call_method(in, self, in.intern(method), args));
    }

    int marker = 0;
    Interp in;
};

TEST_F(StrTest, LengthCountsCodePoints) {
    Str* a = make_str(in, "abc");
    Str* u = make_str(in, "h\xC3\xA9llo \xF0\x9F\x98\x80");
    EXPECT_TRUE(a->ascii);
    EXPECT_EQ(a->length, 3u);
    EXPECT_FALSE(u->ascii);
    EXPECT_EQ(u->length, 7u);
}

TEST_F(StrTest, HashMatchesCPythonWithSeedZero) {
    EXPECT_EQ(str_hash(make_str(in, "")), 0);
    EXPECT_EQ(str_hash(make_str(in, "a")), 4644417185603328019);
    EXPECT_EQ(str_hash(make_str(in, "abc")), -4594863902769663758);
    EXPECT_EQ(str_hash(make_str(in, "abcdefghijk")), 1450545860578130900);
    EXPECT_EQ(str_hash(make_str(in, "\xC3\xA9")), 6047309291227476195);             // é (latin-1 form)
    EXPECT_EQ(str_hash(make_str(in, "\xE6\x97\xA5\xE6\x9C\xAC")), 6243316497235261705);  // 日本 (UCS-2)
    EXPECT_EQ(str_hash(make_str(in, "\xF0\x9F\x98\x80")), -3536540696076613844);    // 😀 (UCS-4)
    EXPECT_EQ(bytes_hash_of("abc"), -4594863902769663758);
}

TEST_F(StrTest, ReprChoosesQuotesAndEscapes) {
    EXPECT_EQ(str_repr_text("plain"), "'plain'");
    EXPECT_EQ(str_repr_text("it's"), "\"it's\"");
    EXPECT_EQ(str_repr_text("both ' and \""), "'both \\' and \"'");
    EXPECT_EQ(str_repr_text("\t\n\r\\\x01\x7f"), "'\\t\\n\\r\\\\\\x01\\x7f'");
    EXPECT_EQ(str_repr_text("\xC3\xA9\xE2\x80\x8B"), "'\xC3\xA9\\u200b'");
    EXPECT_EQ(str_repr_text("\xC3\xA9\xF0\x9F\x98\x80", true), "'\\xe9\\U0001f600'");
    EXPECT_EQ(bytes_repr_text(std::string_view("it's\x00\xff", 6)), std::string("b\"it's\\x00\\xff\""));
}

TEST_F(StrTest, OperatorsFollowCPython) {
    EXPECT_EQ(shown(binary_op(in, s("ab"), s("cd"), vm::BinOp::Add)), "'abcd'");
    EXPECT_EQ(shown(binary_op(in, s("ab"), Value::from_small_int(3), vm::BinOp::Mul)), "'ababab'");
    EXPECT_EQ(shown(binary_op(in, Value::from_small_int(2), s("x"), vm::BinOp::Mul)), "'xx'");
    EXPECT_EQ(shown(binary_op(in, s("a"), Value::from_small_int(1), vm::BinOp::Add)),
              "<TypeError: can only concatenate str (not \"int\") to str>");
    EXPECT_EQ(shown(binary_op(in, s("a"), Value::from_float(1.5), vm::BinOp::Mul)),
              "<TypeError: can't multiply sequence by non-int of type 'float'>");
    EXPECT_EQ(shown(get_item(in, s("h\xC3\xA9llo"), Value::from_small_int(-4))), "'\xC3\xA9'");
    EXPECT_EQ(shown(get_item(in, s("abc"), Value::from_small_int(3))), "<IndexError: string index out of range>");
}

TEST_F(StrTest, SearchingAndSplitting) {
    EXPECT_EQ(call(s("abracadabra"), "find", {s("bra"), Value::from_small_int(2)}), "8");
    EXPECT_EQ(call(s("abracadabra"), "count", {s("")}), "12");
    EXPECT_EQ(call(s("  a b  c "), "split", {}), "['a', 'b', 'c']");
    EXPECT_EQ(call(s("a,b,,c"), "split", {s(","), Value::from_small_int(2)}), "['a', 'b', ',c']");
    EXPECT_EQ(call(s("a,b,c"), "rsplit", {s(","), Value::from_small_int(1)}), "['a,b', 'c']");
    EXPECT_EQ(call(s("x\r\ny\nz"), "splitlines", {Value::boolean(true)}), "['x\\r\\n', 'y\\n', 'z']");
    EXPECT_EQ(call(s("a"), "split", {s("")}), "<ValueError: empty separator>");
    EXPECT_EQ(call(s("abc"), "index", {s("z")}), "<ValueError: substring not found>");
}

TEST_F(StrTest, ReplaceStripPad) {
    EXPECT_EQ(call(s("abc"), "replace", {s(""), s("-")}), "'-a-b-c-'");
    EXPECT_EQ(call(s("aaaa"), "replace", {s("a"), s("b"), Value::from_small_int(2)}), "'bbaa'");
    EXPECT_EQ(call(s("xxhixx"), "strip", {s("x")}), "'hi'");
    EXPECT_EQ(call(s("hi"), "center", {Value::from_small_int(7), s("*")}), "'***hi**'");
    EXPECT_EQ(call(s("-42"), "zfill", {Value::from_small_int(6)}), "'-00042'");
    EXPECT_EQ(call(s("a\tbc\td"), "expandtabs", {}), "'a       bc      d'");
}

TEST_F(StrTest, CaseMappingIsUnicodeAware) {
    EXPECT_EQ(call(s("hello world"), "title", {}), "'Hello World'");
    EXPECT_EQ(call(s("Stra\xC3\x9F" "e"), "upper", {}), "'STRASSE'");
    EXPECT_EQ(call(s("\xCE\x9F\xCE\xA3"), "lower", {}), "'\xCE\xBF\xCF\x82'");   // ΟΣ -> ος (final sigma)
    EXPECT_EQ(call(s("\xC3\x80" "b"), "swapcase", {}), "'\xC3\xA0" "B'");
    EXPECT_EQ(call(s("x2"), "isidentifier", {}), "True");
    EXPECT_EQ(call(s("\xE2\x80\x83"), "isspace", {}), "True");
}

TEST_F(StrTest, PercentFormatting) {
    Value items[3] = {s("ab"), Value::from_small_int(7), Value::from_small_int(255)};
    Value args = Value::from_obj(make_tuple(in, std::span<const Value>(items)));
    EXPECT_EQ(shown(str_percent(in, make_str(in, "%5s|%-3d|%#x"), args)), "'   ab|7  |0xff'");
    EXPECT_EQ(shown(str_percent(in, make_str(in, "%s %s"), args)),
              "<TypeError: not all arguments converted during string formatting>");
    EXPECT_EQ(shown(str_percent(in, make_str(in, "%d"), s("x"))),
              "<TypeError: %d format: a real number is required, not str>");
    EXPECT_EQ(shown(str_percent(in, make_str(in, "%s %s"), s("x"))),
              "<TypeError: not enough arguments for format string>");
    EXPECT_EQ(shown(str_percent(in, make_str(in, "%.3f|%e"), Value::from_obj(make_tuple(in, std::initializer_list<Value>{
                                    Value::from_float(3.14159), Value::from_float(12345.678)})))),
              "'3.142|1.234568e+04'");
}

TEST_F(StrTest, FormatMethodAndSpec) {
    EXPECT_EQ(call(s("{} {}"), "format", {Value::from_small_int(1), s("x")}), "'1 x'");
    EXPECT_EQ(call(s("{1}{0}{{}}"), "format", {s("a"), s("b")}), "'ba{}'");
    EXPECT_EQ(call(s("{0}{}"), "format", {s("a")}),
              "<ValueError: cannot switch from manual field specification to automatic field numbering>");
    EXPECT_EQ(call(s("{} {}"), "format", {s("a")}),
              "<IndexError: Replacement index 1 out of range for positional args tuple>");
    EXPECT_EQ(call(s("}"), "format", {}), "<ValueError: Single '}' encountered in format string>");
    EXPECT_EQ(call(s("{!r:>6}"), "format", {s("q")}), "\"   'q'\"");
    EXPECT_EQ(shown(str_format_spec(in, make_str(in, "abc"), "*^7")), "'**abc**'");
    EXPECT_EQ(shown(str_format_spec(in, make_str(in, "abcd"), ".2")), "'ab'");
    EXPECT_EQ(shown(str_format_spec(in, make_str(in, "abc"), "d")),
              "<ValueError: Unknown format code 'd' for object of type 'str'>");
}

TEST_F(StrTest, ChrOrdAndCodecs) {
    EXPECT_EQ(shown(str_chr(in, 0x263A)), "'\xE2\x98\xBA'");
    EXPECT_EQ(shown(str_chr(in, -1)), "<ValueError: chr() arg not in range(0x110000)>");
    auto o = str_ord(in, s("\xE2\x82\xAC"));
    ASSERT_FALSE(o.is_error());
    EXPECT_EQ(o.value(), 0x20AC);
    EXPECT_EQ(call(s("\xC3\xA9"), "encode", {}), "b'\\xc3\\xa9'");
    EXPECT_EQ(call(s("\xC3\xA9"), "encode", {s("ascii")}),
              "<UnicodeEncodeError: 'ascii' codec can't encode character '\\xe9' in position 0: ordinal not in range(128)>");
    Value bad = Value::from_obj(make_bytes(in, "a\xff" "b"));
    EXPECT_EQ(call(bad, "decode", {s("utf-8"), s("replace")}), "'a\xEF\xBF\xBD" "b'");
    EXPECT_EQ(call(bad, "decode", {}),
              "<UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 1: invalid start byte>");
}

} // namespace
} // namespace eddy::rt
