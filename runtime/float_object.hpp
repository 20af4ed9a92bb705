// runtime/float_object.hpp: Python float. Exact floats are unboxed doubles inside Value; only
// instances of float subclasses are heap objects (FloatObj), carrying the double. Also the
// shared float helpers: conversion from numbers and text, hashing, and CPython's
// PyOS_double_to_string formatting used by repr, format() and round().
#pragma once

#include <string>
#include <string_view>

#include "object.hpp"

namespace eddy::rt {

// An instance of a float subclass (class F(float)); exact floats never use this layout.
struct FloatObj : Obj {
    double value = 0.0;
};

// True for float and float subclass instances.
bool is_float(const Interp& in, Value v);
// The double of a float or float subclass instance (precondition: is_float).
double float_value(Value v);
// PyFloat_AsDouble: floats, ints (OverflowError when too large), then __float__ / __index__;
// TypeError "must be real number, not str" otherwise.
Result<double> number_to_double(Interp& in, Value v);
// float(text): CPython's float_from_string, including "inf", "nan", underscores and whitespace.
Result<double> float_from_string(Interp& in, std::string_view text);
// hash(float) as CPython's _Py_HashDouble (nan hashes to 0: eddy's floats have no identity).
int64_t float_hash(double d);

// The digits of a double as dtoa gives them: no trailing zeros ("0" for zero), value =
// 0.DIGITS x 10**decpt. mode 0: shortest round trip; 2: `ndigits` significant; 3: `ndigits`
// after the point (digits may then be empty when everything rounds away).
struct DecimalDigits {
    std::string digits;
    int decpt = 0;
    bool negative = false;
};
DecimalDigits double_digits(double d, int mode, int ndigits);

// PyOS_double_to_string: type 'e' 'E' 'f' 'F' 'g' 'G' or 'r' (repr; precision ignored).
struct DoubleFormat {
    bool sign = false;         // Py_DTSF_SIGN: '+' on non-negative values
    bool add_dot_0 = false;    // Py_DTSF_ADD_DOT_0
    bool alternate = false;    // Py_DTSF_ALT
    bool no_neg_zero = false;  // Py_DTSF_NO_NEG_0
};
std::string double_to_string(double d, char type, int precision, DoubleFormat flags);

// round(x, ndigits) for floats (CPython's double_round); OverflowError when the result is inf.
Result<double> float_round_digits(Interp& in, double x, int64_t ndigits);

// Filled in by init_number_types (float_object.cpp).
void init_float_type(Interp& in);
void init_bool_type(Interp& in);
void init_complex_type(Interp& in);

} // namespace eddy::rt
