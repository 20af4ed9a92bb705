// runtime/float_object.cpp: the float type (CPython 3.11's Objects/floatobject.c): arithmetic with
// Python's floor division and modulo, float_pow's special cases, exact comparison with ints,
// _Py_HashDouble, float() parsing, and the methods (is_integer, as_integer_ratio, __round__,
// __format__, hex, ...). Text layout is in float_repr.cpp.
#include <bit>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "bytes_object.hpp"
#include "complex_object.hpp"
#include "dict_object.hpp"
#include "float_object.hpp"
#include "format_spec.hpp"
#include "int_object.hpp"
#include "interp.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "str_object.hpp"
#include "tuple_object.hpp"
#include "types.hpp"

namespace eddy::rt {

// Defined in complex_object.cpp: complex ** complex as CPython's complex_pow.
Result<Value> complex_power(Interp& in, double ar, double ai, double br, double bi);

bool is_float(const Interp& in, Value v) {
    return v.is_float() || (v.is_obj() && is_subtype(v.as_obj()->type, in.types.float_));
}

double float_value(Value v) { return v.is_float() ? v.as_float() : v.as<FloatObj>()->value; }

int64_t float_hash(double d) {
    constexpr uint64_t Modulus = (uint64_t(1) << 61) - 1;
    constexpr int Bits = 61;
    if (std::isinf(d)) return d > 0 ? 314159 : -314159;
    if (std::isnan(d)) return 0;
    int e = 0;
    double m = std::frexp(d, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    // Feed 28 bits of mantissa at a time into x, multiplying by 2**28 modulo 2**61 - 1.
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & Modulus) | x >> (Bits - 28);
        m *= 268435456.0;
        e -= 28;
        uint64_t y = uint64_t(m);
        m -= double(y);
        x += y;
        if (x >= Modulus) x -= Modulus;
    }
    e = e >= 0 ? e % Bits : Bits - 1 - ((-1 - e) % Bits);
    x = ((x << e) & Modulus) | x >> (Bits - e);
    int64_t h = int64_t(x) * sign;
    return h == -1 ? -2 : h;
}

Result<double> number_to_double(Interp& in, Value v) {
    if (v.is_float()) return v.as_float();
    if (is_int(in, v)) return int_to_double(in, v);
    Type* t = type_of(in, v);
    if (is_subtype(t, in.types.float_)) return float_value(v);
    if (t->to_float) {
        Value r = EDDY_TRY(t->to_float(in, v));
        if (!is_float(in, r))
            return in.raise(in.exc.TypeError, std::string(type_name(in, v)) +
                                                  ".__float__ returned non-float (type " +
                                                  std::string(type_name(in, r)) + ")");
        return float_value(r);
    }
    if (t->index) {
        Value r = EDDY_TRY(number_index(in, v));
        return int_to_double(in, r);
    }
    return in.raise(in.exc.TypeError, "must be real number, not " + std::string(type_name(in, v)));
}

namespace {

// Strict syntax of a finite decimal float (after sign and whitespace are gone): digits with
// single underscores between them, an optional fraction and exponent. Writes the text without
// underscores into `clean`.
bool valid_decimal(std::string_view s, std::string& clean) {
    size_t i = 0, n = s.size();
    auto digits = [&](bool& any) {
        bool prev_digit = false;
        while (i < n) {
            char c = s[i];
            if (c >= '0' && c <= '9') {
                clean += c;
                prev_digit = any = true;
            } else if (c == '_' && prev_digit && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9') {
                prev_digit = false;
            } else {
                break;
            }
            ++i;
        }
    };
    bool int_digits = false, frac_digits = false;
    digits(int_digits);
    if (i < n && s[i] == '.') {
        clean += '.';
        ++i;
        digits(frac_digits);
    }
    if (!int_digits && !frac_digits) return false;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        clean += 'e';
        ++i;
        if (i < n && (s[i] == '+' || s[i] == '-')) clean += s[i++];
        bool exp_digits = false;
        digits(exp_digits);
        if (!exp_digits) return false;
    }
    return i == n;
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (char(a[i] | 0x20) != b[i]) return false;
    return true;
}

bool parse_float_text(std::string_view text, double& out) {
    std::string_view s = text;
    while (!s.empty() && (s.front() == ' ' || (s.front() >= '\t' && s.front() <= '\r'))) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || (s.back() >= '\t' && s.back() <= '\r'))) s.remove_suffix(1);
    bool negative = false;
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
        negative = s[0] == '-';
        s.remove_prefix(1);
    }
    double v;
    if (iequals(s, "inf") || iequals(s, "infinity")) {
        v = HUGE_VAL;
    } else if (iequals(s, "nan")) {
        v = NAN;
    } else {
        std::string clean;
        if (!valid_decimal(s, clean)) return false;
        v = std::strtod(clean.c_str(), nullptr);
    }
    out = negative ? -v : v;
    return true;
}

} // namespace

Result<double> float_from_string(Interp& in, std::string_view text) {
    double d;
    if (parse_float_text(text, d)) {
        if (std::isnan(d)) return std::copysign(Value::nan_with_serial(in.next_nan_serial++), d);
        return d;
    }
    std::string shown = EDDY_TRY(repr_string(in, str_value(in, text)));
    return in.raise(in.exc.ValueError, "could not convert string to float: " + shown);
}

namespace {

Error pow_overflow(Interp& in) {
    return in.raise(in.exc.OverflowError, "(34, 'Numerical result out of range')");
}

bool is_odd_integer(double w) { return std::fmod(std::fabs(w), 2.0) == 1.0; }

// float_pow, with CPython's special cases for zeros, infinities and nans.
Result<Value> float_pow(Interp& in, double v, double w) {
    if (w == 0) return Value::from_float(1.0);
    if (std::isnan(v)) return Value::from_float(v);
    if (std::isnan(w)) return Value::from_float(v == 1.0 ? 1.0 : w);
    if (std::isinf(w)) {
        double av = std::fabs(v);
        if (av == 1.0) return Value::from_float(1.0);
        if ((w > 0) == (av > 1.0)) return Value::from_float(std::fabs(w));
        return Value::from_float(0.0);
    }
    if (std::isinf(v)) {
        bool odd = is_odd_integer(w);
        if (w > 0) return Value::from_float(odd ? v : std::fabs(v));
        return Value::from_float(odd ? std::copysign(0.0, v) : 0.0);
    }
    if (v == 0.0) {
        if (w < 0)
            return in.raise(in.exc.ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return Value::from_float(is_odd_integer(w) ? v : 0.0);
    }
    bool negate = false;
    if (v < 0) {
        if (w != std::floor(w)) return complex_power(in, v, 0.0, w, 0.0);
        v = -v;
        negate = is_odd_integer(w);
    }
    if (v == 1.0) return Value::from_float(negate ? -1.0 : 1.0);
    double r = std::pow(v, w);
    if (std::isinf(r)) return pow_overflow(in);
    return Value::from_float(negate ? -r : r);
}

// float_divmod: the floored quotient and a remainder with the divisor's sign.
void float_divmod_parts(double vx, double wx, double& floordiv, double& mod) {
    mod = std::fmod(vx, wx);
    double div = (vx - mod) / wx;
    if (mod) {
        if ((wx < 0) != (mod < 0)) {
            mod += wx;
            div -= 1.0;
        }
    } else {
        mod = std::copysign(0.0, wx);
    }
    if (div) {
        floordiv = std::floor(div);
        if (div - floordiv > 0.5) floordiv += 1.0;
    } else {
        floordiv = std::copysign(0.0, vx / wx);
    }
}

// A float operand as a double; false (NotImplemented) for non-numbers.
Result<bool> operand(Interp& in, Value v, double& out) {
    if (v.is_float()) {
        out = v.as_float();
        return true;
    }
    if (is_int(in, v)) {
        out = EDDY_TRY(int_to_double(in, v));
        return true;
    }
    if (v.is_obj() && is_subtype(v.as_obj()->type, in.types.float_)) {
        out = float_value(v);
        return true;
    }
    return false;
}

Result<Value> float_arith(Interp& in, double a, double b, vm::BinOp op) {
    switch (op) {
    case vm::BinOp::Add: return Value::from_float(a + b);
    case vm::BinOp::Sub: return Value::from_float(a - b);
    case vm::BinOp::Mul: return Value::from_float(a * b);
    case vm::BinOp::TrueDiv:
        if (b == 0.0) return in.raise(in.exc.ZeroDivisionError, "float division by zero");
        return Value::from_float(a / b);
    case vm::BinOp::FloorDiv: {
        if (b == 0.0) return in.raise(in.exc.ZeroDivisionError, "float floor division by zero");
        double q, m;
        float_divmod_parts(a, b, q, m);
        return Value::from_float(q);
    }
    case vm::BinOp::Mod: {
        if (b == 0.0) return in.raise(in.exc.ZeroDivisionError, "float modulo");
        double m = std::fmod(a, b);
        if (m) {
            if ((b < 0) != (m < 0)) m += b;
        } else {
            m = std::copysign(0.0, b);
        }
        return Value::from_float(m);
    }
    case vm::BinOp::Pow: return float_pow(in, a, b);
    default: return Value::not_implemented();
    }
}

Result<Value> float_binary(Interp& in, Value a, Value b, vm::BinOp op) {
    if (uint8_t(op) >= vm::InplaceOffset) op = vm::BinOp(uint8_t(op) - vm::InplaceOffset);
    double x, y;
    if (!EDDY_TRY(operand(in, a, x)) || !EDDY_TRY(operand(in, b, y))) return Value::not_implemented();
    return float_arith(in, x, y, op);
}

Result<Value> float_rbinary(Interp& in, Value self, Value other, vm::BinOp op) {
    return float_binary(in, other, self, op);
}

Value compare_result(int c, vm::CmpOp op) {
    if (c == 2) return Value::boolean(op == vm::CmpOp::Ne);   // nan: unordered
    switch (op) {
    case vm::CmpOp::Lt: return Value::boolean(c < 0);
    case vm::CmpOp::Le: return Value::boolean(c <= 0);
    case vm::CmpOp::Eq: return Value::boolean(c == 0);
    case vm::CmpOp::Ne: return Value::boolean(c != 0);
    case vm::CmpOp::Gt: return Value::boolean(c > 0);
    case vm::CmpOp::Ge: return Value::boolean(c >= 0);
    }
    return Value::boolean(false);
}

// float_richcompare: ints are compared exactly, never through a rounded conversion.
Result<Value> float_richcmp(Interp& in, Value a, Value b, vm::CmpOp op) {
    if (!is_float(in, a)) return Value::not_implemented();
    double x = float_value(a);
    IntView iv;
    int c;
    if (is_float(in, b)) {
        double y = float_value(b);
        c = (x != x || y != y) ? 2 : (x > y) - (x < y);
    } else if (int_view(in, b, iv)) {
        c = int_compare_double(iv, x);
        if (c != 2) c = -c;
    } else {
        return Value::not_implemented();
    }
    return compare_result(c, op);
}

} // namespace

// ---- float.__divmod__ & co, shared with builtins through the type dict ----

namespace {

Result<Value> float_divmod_method(Interp& in, Value a, Value b) {
    double x, y;
    if (!EDDY_TRY(operand(in, a, x)) || !EDDY_TRY(operand(in, b, y))) return Value::not_implemented();
    if (y == 0.0) return in.raise(in.exc.ZeroDivisionError, "float divmod()");
    double q, m;
    float_divmod_parts(x, y, q, m);
    Value pair[2] = {Value::from_float(q), Value::from_float(m)};
    return Value::from_obj(make_tuple(in, std::span<const Value>(pair)));
}

Result<Value> float_dunder_divmod(Interp& in, Args args) { return float_divmod_method(in, args[0], args[1]); }
Result<Value> float_dunder_rdivmod(Interp& in, Args args) { return float_divmod_method(in, args[1], args[0]); }

Result<Value> float_pow_method(Interp& in, Value a, Value b, Value mod) {
    if (!mod.is_null() && !mod.is_none())
        return in.raise(in.exc.TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
    return float_binary(in, a, b, vm::BinOp::Pow);
}

Result<Value> float_dunder_pow(Interp& in, Args args) { return float_pow_method(in, args[0], args[1], args[2]); }
Result<Value> float_dunder_rpow(Interp& in, Args args) { return float_pow_method(in, args[1], args[0], args[2]); }

// ---- slots ----

Result<Value> float_repr_slot(Interp& in, Value self) { return str_value(in, float_repr(float_value(self))); }
Result<int64_t> float_hash_slot(Interp&, Value self) { return float_hash(float_value(self)); }
Result<bool> float_truth(Interp&, Value self) { return float_value(self) != 0.0; }
Result<Value> float_neg(Interp&, Value self) { return Value::from_float(-float_value(self)); }
Result<Value> float_pos(Interp&, Value self) { return Value::from_float(float_value(self)); }
Result<Value> float_abs(Interp&, Value self) { return Value::from_float(std::fabs(float_value(self))); }
Result<Value> float_to_int(Interp& in, Value self) { return int_from_float(in, std::trunc(float_value(self))); }

// float(x=0.0, /): PyNumber_Float, then a subclass instance when cls is not float.
Result<Value> float_new_impl(Interp& in, Args args) {
    Type* type = args[0].as<Type>();
    Value x = args[1];
    double d = 0.0;
    if (x.is_null()) {
        d = 0.0;
    } else if (is_str(in, x)) {
        d = EDDY_TRY(float_from_string(in, x.as<Str>()->view()));
    } else if (is_bytes(in, x) || (x.is_obj() && is_subtype(x.as_obj()->type, in.types.bytearray))) {
        std::string_view text = is_bytes(in, x) ? x.as<Bytes>()->view() : std::string_view(x.as<ByteArray>()->bytes);
        if (!parse_float_text(text, d)) {
            std::string shown = EDDY_TRY(repr_string(in, x));
            return in.raise(in.exc.ValueError, "could not convert string to float: " + shown);
        }
    } else {
        Type* t = type_of(in, x);
        if (!x.is_float() && !is_int(in, x) && !is_subtype(t, in.types.float_) && !t->to_float && !t->index)
            return in.raise(in.exc.TypeError, "float() argument must be a string or a real number, not '" +
                                                  std::string(type_name(in, x)) + "'");
        d = EDDY_TRY(number_to_double(in, x));
    }
    if (type == in.types.float_) return Value::from_float(d);
    size_t size = std::max<size_t>(type->instance_size, sizeof(FloatObj));
    auto* f = in.heap.alloc<FloatObj>(type, size);
    if (type->dict_offset) instance_dict_slot(f) = nullptr;
    f->value = d;
    return Value::from_obj(f);
}

Result<Value> float_new(Interp& in, Type* type, CallArgs args) {
    static constexpr NativeDef def{"float(cls, x=?, /)", float_new_impl};
    return call_with_signature(in, def, Value::from_obj(type), args);
}

} // namespace

// ---- methods ----

namespace {

double self_of(Args args) { return float_value(args[0]); }

Result<Value> float_is_integer(Interp&, Args args) {
    double d = self_of(args);
    return Value::boolean(std::isfinite(d) && std::floor(d) == d);
}

Result<Value> float_as_integer_ratio(Interp& in, Args args) {
    double d = self_of(args);
    if (std::isinf(d)) return in.raise(in.exc.OverflowError, "cannot convert Infinity to integer ratio");
    if (std::isnan(d)) return in.raise(in.exc.ValueError, "cannot convert NaN to integer ratio");
    int exp = 0;
    double mant = std::frexp(d, &exp);
    for (int i = 0; i < 300 && mant != std::floor(mant); ++i) {
        mant *= 2.0;
        --exp;
    }
    BigValue num{static_cast<int64_t>(mant)}, den{1};
    if (exp > 0) num <<= unsigned(exp);
    else den <<= unsigned(-exp);
    Value pair[2] = {make_int(in, num), make_int(in, den)};
    return Value::from_obj(make_tuple(in, std::span<const Value>(pair)));
}

Result<Value> float_conjugate(Interp&, Args args) { return Value::from_float(self_of(args)); }
Result<Value> float_trunc(Interp& in, Args args) { return int_from_float(in, std::trunc(self_of(args))); }
Result<Value> float_floor(Interp& in, Args args) { return int_from_float(in, std::floor(self_of(args))); }
Result<Value> float_ceil(Interp& in, Args args) { return int_from_float(in, std::ceil(self_of(args))); }
Result<Value> float_get_imag(Interp&, Args) { return Value::from_float(0.0); }

Result<Value> float_getnewargs(Interp& in, Args args) {
    Value one[1] = {Value::from_float(self_of(args))};
    return Value::from_obj(make_tuple(in, std::span<const Value>(one)));
}

// float.__round__: half to even to an int, or correctly rounded to ndigits as a float.
Result<Value> float_dunder_round(Interp& in, Args args) {
    double d = self_of(args);
    if (!args.has(1) || args[1].is_none()) return int_from_float(in, std::nearbyint(d));
    Value nd = EDDY_TRY(number_index(in, args[1]));
    auto n = int_to_int64(in, nd);
    int64_t digits = n ? *n : (int_to_big(in, nd).sign() < 0 ? INT64_MIN : INT64_MAX);
    double r = EDDY_TRY(float_round_digits(in, d, digits));
    return Value::from_float(r);
}

Result<Value> float_dunder_format(Interp& in, Args args) {
    if (!is_str(in, args[1]))
        return in.raise(in.exc.TypeError, "format() argument 2 must be str, not " +
                                              std::string(type_name(in, args[1])));
    std::string_view spec = args[1].as<Str>()->view();
    if (spec.empty()) return str(in, args[0]);
    std::string text = EDDY_TRY(float_format_spec(in, self_of(args), spec));
    return str_value(in, text);
}

// float.hex(): "0x1.8000000000000p+0" (CPython's float_hex).
// float.fromhex(string) (CPython's float_fromhex): [ws] [sign] (inf | infinity | nan |
// [0x] hexdigits [. hexdigits] [p [sign] digits]) [ws]. The digits are checked here and strtod,
// which reads C99 hexadecimal floats with correct rounding, computes the value.
static Result<double> parse_hex_float(Interp& in, std::string_view text) {
    auto invalid = [&] { return in.raise(in.exc.ValueError, "invalid hexadecimal floating-point string"); };
    auto is_space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    std::string lower;
    for (char c : text) lower += char(std::tolower(static_cast<unsigned char>(c)));
    std::string_view body = lower;
    bool negative = false;
    if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
        negative = body[0] == '-';
        body.remove_prefix(1);
    }
    if (body == "inf" || body == "infinity") return negative ? -HUGE_VAL : HUGE_VAL;
    if (body == "nan") return negative ? -std::nan("") : std::nan("");
    if (body.starts_with("0x")) body.remove_prefix(2);
    size_t i = 0, digits = 0;
    while (i < body.size() && std::isxdigit(static_cast<unsigned char>(body[i]))) ++i, ++digits;
    if (i < body.size() && body[i] == '.') {
        ++i;
        while (i < body.size() && std::isxdigit(static_cast<unsigned char>(body[i]))) ++i, ++digits;
    }
    if (digits == 0) return invalid();
    std::string number = std::string(negative ? "-0x" : "0x") + std::string(body.substr(0, i));
    if (i < body.size() && body[i] == 'p') {
        size_t j = i + 1;
        if (j < body.size() && (body[j] == '+' || body[j] == '-')) ++j;
        size_t first = j;
        while (j < body.size() && std::isdigit(static_cast<unsigned char>(body[j]))) ++j;
        if (j == first) return invalid();
        number += body.substr(i, j - i);
        i = j;
    }
    if (i != body.size()) return invalid();
    errno = 0;
    double d = std::strtod(number.c_str(), nullptr);
    if (errno == ERANGE && std::isinf(d))
        return in.raise(in.exc.OverflowError, "hexadecimal value too large to represent as a float");
    return d;
}

// float.fromhex is a classmethod: a subclass gets cls(value), as in CPython.
Result<Value> float_fromhex(Interp& in, Args args) {
    if (!is_str(in, args[1]))
        return in.raise(in.exc.TypeError, "bad argument type for built-in operation");   // CPython's words
    double d = EDDY_TRY(parse_hex_float(in, args[1].as<Str>()->view()));
    Value cls = args[0];
    if (cls.is_obj() && cls.as_obj() == in.types.float_) return Value::from_float(d);
    return call(in, cls, {Value::from_float(d)});
}

// float.__getformat__(typestr): how this machine stores doubles and floats.
Result<Value> float_getformat(Interp& in, Args args) {
    if (!is_str(in, args[1]))
        return in.raise(in.exc.TypeError, "__getformat__() argument must be str, not " + std::string(type_name(in, args[1])));
    std::string_view t = args[1].as<Str>()->view();
    if (t != "double" && t != "float")
        return in.raise(in.exc.ValueError, "__getformat__() argument 1 must be 'double' or 'float'");
    return str_value(in, std::endian::native == std::endian::little ? "IEEE, little-endian" : "IEEE, big-endian");
}

Result<Value> float_hex(Interp& in, Args args) {
    double d = self_of(args);
    if (std::isnan(d) || std::isinf(d)) return str_value(in, float_repr(d));
    if (d == 0.0) return str_value(in, std::signbit(d) ? "-0x0.0p+0" : "0x0.0p+0");
    int exp = 0;
    double m = std::frexp(std::fabs(d), &exp);
    int shift = 1 - std::max(DBL_MIN_EXP - exp, 0);
    m = std::ldexp(m, shift);
    exp -= shift;
    std::string out = std::signbit(d) ? "-0x" : "0x";
    int digit = int(m);
    out += "0123456789abcdef"[digit];
    m -= digit;
    out += '.';
    for (int i = 0; i < (DBL_MANT_DIG - 2) / 4 + 1; ++i) {
        m *= 16.0;
        digit = int(m);
        out += "0123456789abcdef"[digit];
        m -= digit;
    }
    out += 'p';
    out += exp < 0 ? '-' : '+';
    out += std::to_string(std::abs(exp));
    return str_value(in, out);
}

} // namespace

void init_float_type(Interp& in) {
    Type* t = in.types.float_;
    t->flags |= TF_BaseType;
    t->instance_size = sizeof(FloatObj);
    t->doc = "Convert a string or number to a floating point number, if possible.";
    t->repr = float_repr_slot;
    t->hash = float_hash_slot;
    t->truth = float_truth;
    t->richcmp = float_richcmp;
    t->binary = float_binary;
    t->rbinary = float_rbinary;
    t->neg = float_neg;
    t->pos = float_pos;
    t->abs = float_abs;
    t->to_int = float_to_int;
    t->to_float = float_pos;
    t->new_ = float_new;
    add_methods(in, t, {
        {"is_integer(self, /)", float_is_integer},
        {"as_integer_ratio(self, /)", float_as_integer_ratio},
        {"conjugate(self, /)", float_conjugate},
        {"hex(self, /)", float_hex},
        {"__trunc__(self, /)", float_trunc},
        {"__floor__(self, /)", float_floor},
        {"__ceil__(self, /)", float_ceil},
        {"__round__(self, ndigits=None, /)", float_dunder_round},
        {"__format__(self, format_spec, /)", float_dunder_format},
        {"__getnewargs__(self, /)", float_getnewargs},
        {"__divmod__(self, value, /)", float_dunder_divmod},
        {"__rdivmod__(self, value, /)", float_dunder_rdivmod},
        {"__pow__(self, value, mod=None, /)", float_dunder_pow},
        {"__rpow__(self, value, mod=None, /)", float_dunder_rpow},
    });
    add_getset(in, t, "real", float_conjugate, nullptr);
    add_getset(in, t, "imag", float_get_imag, nullptr);
    static const NativeDef fromhex{"fromhex(cls, string, /)", float_fromhex};
    static const NativeDef getformat{"__getformat__(cls, typestr, /)", float_getformat};
    dict_set_str(in, t->dict, in.intern("fromhex"),
                 make_classmethod(in, Value::from_obj(make_native_function(in, fromhex))));
    dict_set_str(in, t->dict, in.intern("__getformat__"),
                 make_classmethod(in, Value::from_obj(make_native_function(in, getformat))));
}

} // namespace eddy::rt
