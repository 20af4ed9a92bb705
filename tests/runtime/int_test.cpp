// tests/runtime/int_test.cpp: ints: small/big normalisation, arithmetic with Python semantics,
// hashing as CPython, decimal conversion and its limit, exact comparison with floats.
#include <gtest/gtest.h>

#include "runtime/int_object.hpp"
#include "runtime/interp.hpp"
#include "runtime/ops.hpp"
#include "runtime/str_object.hpp"

using namespace eddy::rt;
using eddy::vm::BinOp;
using eddy::vm::CmpOp;

namespace {

std::string text(Interp& in, Value v) { return int_to_decimal(in, v).value(); }

Value big(Interp& in, const char* digits) { return make_int_from_digits(in, digits, false); }

std::string pending(Interp& in) {
    Value e = in.take_exception();
    return std::string(type_name(in, e)) + ": " + std::string(str(in, e).value().as<Str>()->view());
}

} // namespace

TEST(Int, NormalisesToSmall) {
    Interp in;
    EXPECT_TRUE(make_int(in, Value::SmallIntMax).is_small_int());
    EXPECT_FALSE(make_int(in, Value::SmallIntMax + 1).is_small_int());
    Value b = make_int(in, Value::SmallIntMax + 1);
    Value r = binary_op(in, b, Value::from_small_int(1), BinOp::Sub).value();
    EXPECT_TRUE(r.is_small_int());
    EXPECT_EQ(r.as_small_int(), Value::SmallIntMax);
}

TEST(Int, FloorDivisionAndModulo) {
    Interp in;
    auto fd = [&](int64_t a, int64_t b) { return int_binary(in, make_int(in, a), make_int(in, b), BinOp::FloorDiv).value().as_small_int(); };
    auto md = [&](int64_t a, int64_t b) { return int_binary(in, make_int(in, a), make_int(in, b), BinOp::Mod).value().as_small_int(); };
    EXPECT_EQ(fd(-7, 2), -4);
    EXPECT_EQ(md(-7, 2), 1);
    EXPECT_EQ(fd(7, -2), -4);
    EXPECT_EQ(md(7, -2), -1);
    Value m = binary_op(in, make_int_from_digits(in, "100000000000000000000", true), Value::from_small_int(3), BinOp::Mod).value();
    EXPECT_EQ(text(in, m), "2");
}

TEST(Int, ZeroDivisionMessages) {
    Interp in;
    Value one = Value::from_small_int(1), zero = Value::from_small_int(0);
    EXPECT_TRUE(int_binary(in, one, zero, BinOp::TrueDiv).is_error());
    EXPECT_EQ(pending(in), "ZeroDivisionError: division by zero");
    EXPECT_TRUE(int_binary(in, one, zero, BinOp::FloorDiv).is_error());
    EXPECT_EQ(pending(in), "ZeroDivisionError: integer division or modulo by zero");
    EXPECT_TRUE(int_binary(in, one, zero, BinOp::Mod).is_error());
    EXPECT_EQ(pending(in), "ZeroDivisionError: integer modulo by zero");
}

TEST(Int, HashMatchesCPython) {
    Interp in;
    EXPECT_EQ(int_hash(in, Value::from_small_int(-1)), -2);
    EXPECT_EQ(int_hash(in, big(in, "18446744073709551616")), 8);   // hash(2**64)
    EXPECT_EQ(int_hash(in, big(in, "2305843009213693951")), 0);    // hash(2**61 - 1)
    EXPECT_EQ(int_hash(in, make_int_from_digits(in, "18446744073709551616", true)), -8);
}

TEST(Int, PowerAndShifts) {
    Interp in;
    Value r = int_binary(in, Value::from_small_int(2), Value::from_small_int(100), BinOp::Pow).value();
    EXPECT_EQ(text(in, r), "1267650600228229401496703205376");
    Value s = int_binary(in, Value::from_small_int(-17), Value::from_small_int(2), BinOp::RShift).value();
    EXPECT_EQ(s.as_small_int(), -5);
    Value h = int_binary(in, Value::from_small_int(2), Value::from_small_int(-1), BinOp::Pow).value();
    EXPECT_EQ(h.as_float(), 0.5);
    EXPECT_TRUE(int_binary(in, Value::from_small_int(1), Value::from_small_int(-1), BinOp::LShift).is_error());
    EXPECT_EQ(pending(in), "ValueError: negative shift count");
}

TEST(Int, TrueDivisionIsCorrectlyRounded) {
    Interp in;
    Value a = big(in, "123456789123456789123456789"), b = big(in, "987654321987654321");
    EXPECT_EQ(int_binary(in, a, b, BinOp::TrueDiv).value().as_float(), 124999998.86093750);
    Value c = big(in, "9007199254740993");   // 2**53 + 1 rounds to even
    EXPECT_EQ(int_to_double(in, c).value(), 9007199254740992.0);
}

TEST(Int, ComparesExactlyWithFloats) {
    Interp in;
    IntView v;
    Value c = big(in, "9007199254740993");
    int_view(in, c, v);
    EXPECT_EQ(int_compare_double(v, 9007199254740992.0), 1);
    EXPECT_TRUE(int_richcmp(in, c, Value::from_float(9007199254740992.0), CmpOp::Gt).value().is_true());
}

TEST(Int, ParsesAndLimitsDigits) {
    Interp in;
    EXPECT_EQ(int_from_string(in, " -0x_1f ", 0).value().as_small_int(), -31);
    EXPECT_TRUE(int_from_string(in, "010", 0).is_error());
    EXPECT_EQ(pending(in), "ValueError: invalid literal for int() with base 0: '010'");
    std::string many(5000, '1');
    EXPECT_TRUE(int_from_string(in, many, 10).is_error());
    EXPECT_EQ(pending(in), "ValueError: Exceeds the limit (4300 digits) for integer string conversion: "
                           "value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit");
}
