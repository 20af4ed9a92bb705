// tests/runtime/format_test.cpp: the format-spec mini-language: parsing, padding, grouping with
// zero padding, and int/float __format__ output as CPython 3.11 prints it.
#include <gtest/gtest.h>

#include "runtime/format_spec.hpp"
#include "runtime/int_object.hpp"
#include "runtime/interp.hpp"
#include "runtime/ops.hpp"
#include "runtime/str_object.hpp"

using namespace eddy::rt;

namespace {

std::string fi(Interp& in, int64_t v, const char* spec) { return int_format_spec(in, make_int(in, v), spec).value(); }
std::string ff(Interp& in, double v, const char* spec) { return float_format_spec(in, v, spec).value(); }

} // namespace

TEST(Format, ParsesFillAlignAndFlags) {
    Interp in;
    FormatSpec s = parse_format_spec(in, "*^+#012_.3f", "float", 0).value();
    EXPECT_EQ(s.fill, U'*');
    EXPECT_EQ(s.align, '^');
    EXPECT_EQ(s.sign, '+');
    EXPECT_TRUE(s.alternate);
    EXPECT_EQ(s.width, 12);   // '0' after an explicit fill is part of the width
    EXPECT_EQ(s.grouping, '_');
    EXPECT_EQ(s.precision, 3);
    EXPECT_EQ(s.type, 'f');
    EXPECT_TRUE(parse_format_spec(in, "abc", "int", 'd').is_error());
    in.take_exception();
}

TEST(Format, Integers) {
    Interp in;
    EXPECT_EQ(fi(in, 1234, "08,"), "0,001,234");
    EXPECT_EQ(fi(in, -1234, "08,"), "-001,234");
    EXPECT_EQ(fi(in, 1234, "012_x"), "00_0000_04d2");
    EXPECT_EQ(fi(in, 255, "#010x"), "0x000000ff");
    EXPECT_EQ(fi(in, -1234, "x=10"), "-xxxxx1234");
    EXPECT_EQ(fi(in, 42, "^7"), "  42   ");
}

TEST(Format, Floats) {
    Interp in;
    EXPECT_EQ(ff(in, 1e16, ""), "1e+16");
    EXPECT_EQ(ff(in, 1.5, ".3"), "1.5");
    EXPECT_EQ(ff(in, 100.0, ".2"), "1e+02");
    EXPECT_EQ(ff(in, 1234.5, "+015,"), "+0,000,001,234.5");
    EXPECT_EQ(ff(in, 0.125, ".1%"), "12.5%");
    EXPECT_EQ(ff(in, -0.0, "z.1f"), "0.0");
    EXPECT_EQ(ff(in, INFINITY, "010f"), "0000000inf");
}
