// tests/runtime/float_test.cpp: float repr, PyOS_double_to_string layouts, round(x, n) and hash,
// checked against values CPython 3.11 prints.
#include <gtest/gtest.h>

#include <cmath>

#include "runtime/float_object.hpp"
#include "runtime/int_object.hpp"
#include "runtime/interp.hpp"

using namespace eddy::rt;

TEST(Float, ReprIsShortestWithPythonLayout) {
    EXPECT_EQ(float_repr(0.1 + 0.2), "0.30000000000000004");
    EXPECT_EQ(float_repr(1e16), "1e+16");
    EXPECT_EQ(float_repr(1e15), "1000000000000000.0");
    EXPECT_EQ(float_repr(0.0001), "0.0001");
    EXPECT_EQ(float_repr(0.00001), "1e-05");
    EXPECT_EQ(float_repr(3.0), "3.0");
    EXPECT_EQ(float_repr(-0.0), "-0.0");
    EXPECT_EQ(float_repr(5e-324), "5e-324");
    EXPECT_EQ(float_repr(INFINITY), "inf");
    EXPECT_EQ(float_repr(-INFINITY), "-inf");
    EXPECT_EQ(float_repr(NAN), "nan");
}

TEST(Float, DoubleToStringLayouts) {
    DoubleFormat none;
    EXPECT_EQ(double_to_string(1234.5678, 'e', 2, none), "1.23e+03");
    EXPECT_EQ(double_to_string(2.5, 'f', 0, none), "2");
    EXPECT_EQ(double_to_string(0.0001, 'g', 6, none), "0.0001");
    EXPECT_EQ(double_to_string(1234567.0, 'g', 6, none), "1.23457e+06");
    EXPECT_EQ(double_to_string(1e300, 'E', 3, none), "1.000E+300");
}

TEST(Float, RoundDigitsIsCorrectlyRounded) {
    Interp in;
    EXPECT_EQ(float_round_digits(in, 2.675, 2).value(), 2.67);
    EXPECT_EQ(float_round_digits(in, 0.125, 2).value(), 0.12);
    EXPECT_EQ(float_round_digits(in, 1234.5678, -2).value(), 1200.0);
    EXPECT_EQ(float_round_digits(in, 50.0, -2).value(), 0.0);
    EXPECT_EQ(float_round_digits(in, 150.0, -2).value(), 200.0);
}

TEST(Float, HashMatchesCPython) {
    EXPECT_EQ(float_hash(1.0), 1);
    EXPECT_EQ(float_hash(0.5), 1152921504606846976);
    EXPECT_EQ(float_hash(-1.0), -2);
    EXPECT_EQ(float_hash(INFINITY), 314159);
    EXPECT_EQ(float_hash(1e100), 1822893315824342674);
}
