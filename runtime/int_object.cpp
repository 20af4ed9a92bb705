// runtime/int_object.cpp: the int type: creating ints (small or BigInt, always normalised),
// reading them back, hashing, str/repr, the unary slots, int() construction and the small
// methods. Arithmetic lives in int_arith.cpp, text and byte conversions in int_convert.cpp.
// Also init_number_types, which sets up int, bool, float and complex.
#include "int_object.hpp"

#include <charconv>
#include <cmath>

#include "bytes_object.hpp"
#include "complex_object.hpp"
#include "dict_object.hpp"
#include "float_object.hpp"
#include "interp.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "str_object.hpp"
#include "tuple_object.hpp"
#include "type_inits.hpp"
#include "types.hpp"

namespace eddy::rt {

namespace {

constexpr size_t InlineLimbs = 2;   // cpp_int keeps this many limbs without allocating

void finalize_bigint(Obj* obj) {
    auto* b = static_cast<BigInt*>(obj);
    if (b->heap && b->noted_bytes) b->heap->note_external(-ptrdiff_t(b->noted_bytes));
    b->~BigInt();
}

// Allocates an int object of `type` holding `value` (moved in) and reports its limbs to the
// heap so that big temporaries trigger collections.
BigInt* new_bigint(Interp& in, Type* type, BigValue&& value) {
    size_t size = type == in.types.int_ ? sizeof(BigInt) : std::max<size_t>(type->instance_size, sizeof(BigInt));
    BigInt* b = in.heap.alloc<BigInt>(type, size);
    if (type->dict_offset) instance_dict_slot(b) = nullptr;
    b->value = std::move(value);
    size_t limbs = b->value.backend().size();
    if (limbs > InlineLimbs) {
        b->noted_bytes = limbs * sizeof(boost::multiprecision::limb_type);
        b->heap = &in.heap;
        in.heap.note_external(ptrdiff_t(b->noted_bytes));
    }
    return b;
}

bool fits_small(const BigValue& v) { return v >= Value::SmallIntMin && v <= Value::SmallIntMax; }

} // namespace

Error int_memory_error(Interp& in) { return in.raise_memory_error(); }

Value make_int(Interp& in, int64_t i) {
    if (Value::fits_small_int(i)) return Value::from_small_int(i);
    return Value::from_obj(new_bigint(in, in.types.int_, BigValue(i)));
}

Value make_int(Interp& in, const BigValue& big) {
    if (fits_small(big)) return Value::from_small_int(big.convert_to<int64_t>());
    return Value::from_obj(new_bigint(in, in.types.int_, BigValue(big)));
}

Value make_int(Interp& in, BigValue&& big) {
    if (fits_small(big)) return Value::from_small_int(big.convert_to<int64_t>());
    return Value::from_obj(new_bigint(in, in.types.int_, std::move(big)));
}

Value make_int_of_type(Interp& in, Type* type, const BigValue& value) {
    if (type == in.types.int_) return make_int(in, value);
    return Value::from_obj(new_bigint(in, type, BigValue(value)));
}

Value make_int_from_digits(Interp& in, std::string_view digits, bool negative) {
    BigValue v;
    for (char c : digits)
        if (c >= '0' && c <= '9') v = v * 10 + (c - '0');
    if (negative) v = -v;
    return make_int(in, std::move(v));
}

bool int_view(const Interp& in, Value v, IntView& out) {
    if (v.is_small_int()) {
        out.small = v.as_small_int();
        out.big = nullptr;
        return true;
    }
    if (v.is_bool()) {
        out.small = v.is_true();
        out.big = nullptr;
        return true;
    }
    if (!v.is_obj() || !is_subtype(v.as_obj()->type, in.types.int_)) return false;
    const BigValue& b = v.as<BigInt>()->value;
    // Subclass instances may hold small values; exact BigInts never do.
    if (v.as_obj()->type != in.types.int_ && fits_small(b)) {
        out.small = b.convert_to<int64_t>();
        out.big = nullptr;
    } else {
        out.big = &b;
    }
    return true;
}

bool is_int(const Interp& in, Value v) {
    if (v.is_small_int() || v.is_bool()) return true;
    return v.is_obj() && is_subtype(v.as_obj()->type, in.types.int_);
}

std::optional<int64_t> int_to_int64(const Interp& in, Value v) {
    IntView iv;
    if (!int_view(in, v, iv)) return std::nullopt;
    if (!iv.big) return iv.small;
    if (*iv.big < INT64_MIN || *iv.big > INT64_MAX) return std::nullopt;
    return iv.big->convert_to<int64_t>();
}

BigValue int_to_big(const Interp& in, Value v) {
    IntView iv;
    if (!int_view(in, v, iv)) return BigValue(0);
    return iv.big ? *iv.big : BigValue(iv.small);
}

uint64_t int_bit_length(const IntView& v) {
    if (!v.big) {
        uint64_t u = v.small < 0 ? uint64_t(-v.small) : uint64_t(v.small);
        return u ? 64 - uint64_t(__builtin_clzll(u)) : 0;
    }
    if (v.big->is_zero()) return 0;
    return boost::multiprecision::msb(abs(*v.big)) + 1;
}

// CPython's long_hash: reduce |v| modulo the Mersenne prime 2**61 - 1, keep the sign.
int64_t int_hash(const Interp& in, Value v) {
    constexpr uint64_t Modulus = (uint64_t(1) << 61) - 1;
    IntView iv;
    if (!int_view(in, v, iv)) return 0;
    int64_t h;
    if (!iv.big) {
        h = iv.small;   // |small| < 2**47 < Modulus
    } else {
        BigValue m = abs(*iv.big) % Modulus;
        h = int64_t(m.convert_to<uint64_t>());
        if (iv.big->sign() < 0) h = -h;
    }
    return h == -1 ? -2 : h;
}

int int_max_str_digits(const Interp& in) { return in.int_max_str_digits; }
void set_int_max_str_digits(Interp& in, int limit) { in.int_max_str_digits = limit; }

Result<std::string> int_to_decimal(Interp& in, Value v) {
    IntView iv;
    if (!int_view(in, v, iv)) return std::string("0");
    if (!iv.big) {
        char buf[24];
        auto r = std::to_chars(buf, buf + sizeof buf, iv.small);
        return std::string(buf, r.ptr);
    }
    std::string digits = EDDY_TRY(int_digits_in_base(in, v, 10));
    return iv.big->sign() < 0 ? "-" + digits : digits;
}

Result<Value> number_index(Interp& in, Value v) {
    if (is_int(in, v)) return v;
    Type* t = type_of(in, v);
    if (!t->index)
        return in.raise(in.exc.TypeError, "'" + std::string(type_name(in, v)) +
                                              "' object cannot be interpreted as an integer");
    Value r = EDDY_TRY(t->index(in, v));
    if (!is_int(in, r))
        return in.raise(in.exc.TypeError, "__index__ returned non-int (type " +
                                              std::string(type_name(in, r)) + ")");
    return r;
}

// ---- slots ----

namespace {

// An int subclass instance or bool as a plain int (int(x), +x, x.__index__()).
Value exact_int(Interp& in, Value v) {
    if (v.is_small_int()) return v;
    if (v.is_bool()) return Value::from_small_int(v.is_true());
    if (v.as_obj()->type == in.types.int_) return v;
    return make_int(in, v.as<BigInt>()->value);
}

Result<Value> int_repr(Interp& in, Value self) {
    if (self.is_small_int()) return Value::from_obj(str_from_int64(in, self.as_small_int()));
    std::string text = EDDY_TRY(int_to_decimal(in, self));
    return str_value(in, text);
}

Result<int64_t> int_hash_slot(Interp& in, Value self) { return int_hash(in, self); }

Result<bool> int_truth(Interp& in, Value self) {
    IntView iv;
    int_view(in, self, iv);
    return iv.big ? !iv.big->is_zero() : iv.small != 0;
}

Result<Value> int_neg(Interp& in, Value self) {
    IntView iv;
    int_view(in, self, iv);
    if (!iv.big) return make_int(in, -iv.small);
    return make_int(in, BigValue(-*iv.big));
}

Result<Value> int_pos(Interp& in, Value self) { return exact_int(in, self); }

Result<Value> int_abs(Interp& in, Value self) {
    IntView iv;
    int_view(in, self, iv);
    if (!iv.big) return make_int(in, iv.small < 0 ? -iv.small : iv.small);
    return make_int(in, BigValue(abs(*iv.big)));
}

Result<Value> int_invert(Interp& in, Value self) {
    IntView iv;
    int_view(in, self, iv);
    if (!iv.big) return make_int(in, ~iv.small);
    return make_int(in, BigValue(-*iv.big - 1));
}

Result<Value> int_to_float(Interp& in, Value self) {
    double d = EDDY_TRY(int_to_double(in, self));
    return Value::from_float(d);
}

} // namespace

// ---- int() ----

namespace {

// The text of a str, bytes or bytearray argument, or false.
bool text_of(Interp& in, Value v, std::string_view& out) {
    if (is_str(in, v)) {
        out = v.as<Str>()->view();
        return true;
    }
    if (is_bytes(in, v)) {
        out = v.as<Bytes>()->view();
        return true;
    }
    if (v.is_obj() && is_subtype(v.as_obj()->type, in.types.bytearray)) {
        out = v.as<ByteArray>()->bytes;
        return true;
    }
    return false;
}

Result<Value> checked_int_result(Interp& in, Value r, const char* method) {
    if (is_int(in, r)) return exact_int(in, r);
    return in.raise(in.exc.TypeError, std::string(method) + " returned non-int (type " +
                                          std::string(type_name(in, r)) + ")");
}

// PyNumber_Long: int(x) with no base.
Result<Value> int_from_object(Interp& in, Value x) {
    if (x.is_small_int() || x.is_bool()) return exact_int(in, x);
    if (x.is_float()) return int_from_float(in, std::trunc(x.as_float()));
    std::string_view text;
    if (is_str(in, x)) return int_from_string(in, x.as<Str>()->view(), 10);
    Type* t = type_of(in, x);
    if (t == in.types.int_) return x;
    if (t->to_int) return checked_int_result(in, EDDY_TRY(t->to_int(in, x)), "__int__");
    if (t->index) return checked_int_result(in, EDDY_TRY(t->index(in, x)), "__index__");
    bool found = false;
    Value r = EDDY_TRY(call_special(in, x, in.names.dunder_trunc, {}, &found));
    if (found) {
        if (is_int(in, r)) return exact_int(in, r);
        Type* rt = type_of(in, r);
        if (!rt->index)
            return in.raise(in.exc.TypeError, "__trunc__ returned non-Integral (type " +
                                                  std::string(type_name(in, r)) + ")");
        return checked_int_result(in, EDDY_TRY(rt->index(in, r)), "__index__");
    }
    if (text_of(in, x, text)) return int_from_string(in, text, 10);
    return in.raise(in.exc.TypeError,
                    "int() argument must be a string, a bytes-like object or a real number, not '" +
                        std::string(type_name(in, x)) + "'");
}

Result<Value> int_new_impl(Interp& in, Args args) {
    Type* type = args[0].as<Type>();
    Value x = args[1], base = args[2];
    Value result;
    if (x.is_null()) {
        if (!base.is_null()) return in.raise(in.exc.TypeError, "int() missing string argument");
        result = Value::from_small_int(0);
    } else if (base.is_null()) {
        result = EDDY_TRY(int_from_object(in, x));
    } else {
        Value b = EDDY_TRY(number_index(in, base));
        auto bv = int_to_int64(in, b);
        if (!bv || (*bv != 0 && (*bv < 2 || *bv > 36)))
            return in.raise(in.exc.ValueError, "int() base must be >= 2 and <= 36, or 0");
        std::string_view text;
        if (!text_of(in, x, text))
            return in.raise(in.exc.TypeError, "int() can't convert non-string with explicit base");
        result = EDDY_TRY(int_from_string(in, text, int(*bv)));
    }
    if (type == in.types.int_) return result;
    return make_int_of_type(in, type, int_to_big(in, result));
}

Result<Value> int_new(Interp& in, Type* type, CallArgs args) {
    static constexpr NativeDef def{"int(cls, x=?, /, base=?)", int_new_impl};
    return call_with_signature(in, def, Value::from_obj(type), args);
}

} // namespace

Result<Value> int_from_float(Interp& in, double d) {
    if (std::isnan(d)) return in.raise(in.exc.ValueError, "cannot convert float NaN to integer");
    if (std::isinf(d))
        return in.raise(in.exc.OverflowError, "cannot convert float infinity to integer");
    d = std::trunc(d);
    if (std::fabs(d) < 9007199254740992.0) return make_int(in, int64_t(d));
    int exp = 0;
    double mant = std::frexp(std::fabs(d), &exp);   // d = mant * 2**exp, 0.5 <= mant < 1
    BigValue v(int64_t(std::ldexp(mant, 53)));
    v <<= unsigned(exp - 53);
    if (d < 0) v = -v;
    return make_int(in, std::move(v));
}

// ---- methods ----

namespace {

Result<Value> int_conjugate(Interp& in, Args args) { return exact_int(in, args[0]); }

Result<Value> int_bit_length_method(Interp& in, Args args) {
    IntView iv;
    int_view(in, args[0], iv);
    return make_int(in, int64_t(int_bit_length(iv)));
}

Result<Value> int_bit_count(Interp& in, Args args) {
    IntView iv;
    int_view(in, args[0], iv);
    if (!iv.big) return make_int(in, __builtin_popcountll(uint64_t(iv.small < 0 ? -iv.small : iv.small)));
    BigValue a = abs(*iv.big);
    int64_t n = 0;
    for (size_t i = 0; i < a.backend().size(); ++i) n += __builtin_popcountll(a.backend().limbs()[i]);
    return make_int(in, n);
}

Result<Value> int_as_integer_ratio(Interp& in, Args args) {
    Value pair[2] = {exact_int(in, args[0]), Value::from_small_int(1)};
    return Value::from_obj(make_tuple(in, std::span<const Value>(pair)));
}

Result<Value> int_getnewargs(Interp& in, Args args) {
    Value one[1] = {exact_int(in, args[0])};
    return Value::from_obj(make_tuple(in, std::span<const Value>(one)));
}

Result<Value> int_dunder_divmod(Interp& in, Args args) { return int_divmod(in, args[0], args[1]); }
Result<Value> int_dunder_rdivmod(Interp& in, Args args) { return int_divmod(in, args[1], args[0]); }

Result<Value> int_dunder_pow(Interp& in, Args args) {
    if (!args.has(2) || args[2].is_none()) return int_binary(in, args[0], args[1], vm::BinOp::Pow);
    return int_pow_mod(in, args[0], args[1], args[2]);
}

Result<Value> int_dunder_rpow(Interp& in, Args args) {
    if (!args.has(2) || args[2].is_none()) return int_binary(in, args[1], args[0], vm::BinOp::Pow);
    return int_pow_mod(in, args[1], args[0], args[2]);
}

Result<Value> int_get_real(Interp& in, Args args) { return exact_int(in, args[0]); }
Result<Value> int_get_imag(Interp&, Args) { return Value::from_small_int(0); }
Result<Value> int_get_denominator(Interp&, Args) { return Value::from_small_int(1); }

} // namespace

static void init_int_type(Interp& in) {
    Type* t = in.types.int_;
    t->flags |= TF_BaseType;
    t->instance_size = sizeof(BigInt);
    t->doc = "int([x]) -> integer\nint(x, base=10) -> integer";
    t->repr = int_repr;
    t->hash = int_hash_slot;
    t->truth = int_truth;
    t->richcmp = int_richcmp;
    t->binary = int_binary;
    t->rbinary = int_rbinary;
    t->neg = int_neg;
    t->pos = int_pos;
    t->abs = int_abs;
    t->invert = int_invert;
    t->index = int_pos;
    t->to_int = int_pos;
    t->to_float = int_to_float;
    t->new_ = int_new;
    t->finalize = finalize_bigint;
    add_methods(in, t, {
        {"conjugate(self, /)", int_conjugate},
        {"bit_length(self, /)", int_bit_length_method},
        {"bit_count(self, /)", int_bit_count},
        {"as_integer_ratio(self, /)", int_as_integer_ratio},
        {"__trunc__(self, /)", int_conjugate},
        {"__floor__(self, /)", int_conjugate},
        {"__ceil__(self, /)", int_conjugate},
        {"__getnewargs__(self, /)", int_getnewargs},
        {"__divmod__(self, value, /)", int_dunder_divmod},
        {"__rdivmod__(self, value, /)", int_dunder_rdivmod},
        {"__pow__(self, value, mod=None, /)", int_dunder_pow},
        {"__rpow__(self, value, mod=None, /)", int_dunder_rpow},
    });
    add_getset(in, t, "real", int_get_real, nullptr);
    add_getset(in, t, "imag", int_get_imag, nullptr);
    add_getset(in, t, "numerator", int_get_real, nullptr);
    add_getset(in, t, "denominator", int_get_denominator, nullptr);
    add_int_convert_methods(in, t);
}

void init_number_types(Interp& in) {
    init_int_type(in);
    init_bool_type(in);
    init_float_type(in);
    init_complex_type(in);
}

} // namespace eddy::rt
