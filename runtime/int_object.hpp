// runtime/int_object.hpp: Python int. Values in Value's 48-bit small-int range are unboxed; wider
// ones are BigInt objects backed by Boost.Multiprecision's cpp_int (header-only, throws
// std::bad_alloc on exhaustion, which int_object.cpp turns into MemoryError). A BigInt is always
// normalised: it never holds a value that fits a small int. bool is an int subclass whose two
// values are the immediates True and False.
#pragma once

#include <boost/multiprecision/cpp_int.hpp>
#include <optional>
#include <string>

#include "object.hpp"

namespace eddy::rt {

using BigValue = boost::multiprecision::cpp_int;

struct BigInt : Obj {
    BigValue value;
};

// Any int64 as a Python int (small when it fits).
Value make_int(Interp& in, int64_t i);
// A BigValue as a Python int, normalised to a small int when it fits.
Value make_int(Interp& in, const BigValue& big);
// Parses decimal digits (the compiler's BigIntDigits constants).
Value make_int_from_digits(Interp& in, std::string_view digits, bool negative);

// True for int, bool, and int subclass instances.
bool is_int(const Interp& in, Value v);
// The value of an int (or bool) that fits int64; nullopt when it does not.
std::optional<int64_t> int_to_int64(const Interp& in, Value v);
// The value of any int (or bool) as a BigValue.
BigValue int_to_big(const Interp& in, Value v);
// str(i) in base 10; ValueError past CPython's 4300-digit limit.
Result<std::string> int_to_decimal(Interp& in, Value v);

// Float repr exactly as CPython: shortest round-trip digits, exponent form when the decimal
// exponent is < -4 or >= 16, and ".0" on integral values; "inf", "-inf", "nan".
std::string float_repr(double d);

} // namespace eddy::rt
