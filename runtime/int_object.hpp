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
    // Limb bytes reported to the heap with note_external, given back by the finalizer; `heap` is
    // the owner, because finalizers receive only the object.
    size_t noted_bytes = 0;
    class Heap* heap = nullptr;
};

// Any int64 as a Python int (small when it fits).
Value make_int(Interp& in, int64_t i);
// A BigValue as a Python int, normalised to a small int when it fits.
Value make_int(Interp& in, const BigValue& big);
Value make_int(Interp& in, BigValue&& big);
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

// An int's exact value without copying: small (bool included) or a pointer to the limbs.
struct IntView {
    int64_t small = 0;
    const BigValue* big = nullptr;   // non-null for a BigInt object
};
// False when v is not an int (bool and int subclasses are ints).
bool int_view(const Interp& in, Value v, IntView& out);

// int(text, base) as CPython's PyLong_FromString: whitespace, sign, underscores, prefixes for
// base 0; ValueError "invalid literal for int() with base 10: 'abc'" on bad input.
Result<Value> int_from_string(Interp& in, std::string_view text, int base);
// Digits of |v| in base 2, 8, 10 or 16 (lower case), no sign or prefix; decimal obeys the limit.
Result<std::string> int_digits_in_base(Interp& in, Value v, int base);
// int -> float, correctly rounded; OverflowError "int too large to convert to float".
Result<double> int_to_double(Interp& in, Value v);
// A double with an integral value as an int (ValueError/OverflowError for nan/inf as int()).
Result<Value> int_from_float(Interp& in, double d);
// hash(int) as CPython: the value reduced modulo 2**61 - 1, sign kept, -1 mapped to -2.
int64_t int_hash(const Interp& in, Value v);
// __index__ of v as an int: ints as they are, else type's index slot (TypeError otherwise).
Result<Value> number_index(Interp& in, Value v);

// The int <-> str digit limit (sys.set_int_max_str_digits), kept per Interp.
int int_max_str_digits(const Interp& in);
void set_int_max_str_digits(Interp& in, int limit);

// Float repr exactly as CPython: shortest round-trip digits, exponent form when the decimal
// exponent is < -4 or >= 16, and ".0" on integral values; "inf", "-inf", "nan".
std::string float_repr(double d);

// ---- internals shared by int_object.cpp, int_arith.cpp, int_convert.cpp and float_object.cpp ----

// A new int of `type` (int itself or a subclass, whose instances are never normalised).
Value make_int_of_type(Interp& in, Type* type, const BigValue& value);
// The int slots: int (op) int, Python semantics; NotImplemented for other operand types.
Result<Value> int_binary(Interp& in, Value a, Value b, vm::BinOp op);
Result<Value> int_rbinary(Interp& in, Value self, Value other, vm::BinOp op);
Result<Value> int_richcmp(Interp& in, Value a, Value b, vm::CmpOp op);
// divmod(a, b) for ints: a tuple, or NotImplemented.
Result<Value> int_divmod(Interp& in, Value a, Value b);
// pow(base, exp, mod) for ints (long_pow): negative exponents use the modular inverse.
Result<Value> int_pow_mod(Interp& in, Value base, Value exp, Value mod);
// Three-way comparison of an int with a double, exactly: -1, 0, 1, or 2 when d is nan.
int int_compare_double(const IntView& a, double d);
// bit_length of |v|.
uint64_t int_bit_length(const IntView& v);
// Converts a thrown std::bad_alloc from Boost into MemoryError.
Error int_memory_error(Interp& in);
// Methods of int living in int_convert.cpp (to_bytes, from_bytes, __format__, ...).
void add_int_convert_methods(Interp& in, Type* t);

} // namespace eddy::rt
