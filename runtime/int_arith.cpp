// runtime/int_arith.cpp: int arithmetic with Python semantics (CPython 3.11's longobject.c):
// floor division and modulo, correctly rounded true division, pow (negative exponents give a
// float; three-argument pow with modular inverses), shifts, two's-complement bitwise operators,
// and exact comparison with floats. Small operands take int64 fast paths; everything else goes
// through Boost's cpp_int, whose std::bad_alloc becomes MemoryError here.
#include <cmath>
#include <new>

#include "float_object.hpp"
#include "int_object.hpp"
#include "interp.hpp"
#include "tuple_object.hpp"

namespace eddy::rt {

namespace {

using vm::BinOp;

BigValue to_big(const IntView& v) { return v.big ? *v.big : BigValue(v.small); }

int sign_of(const IntView& v) { return v.big ? v.big->sign() : (v.small > 0) - (v.small < 0); }

bool is_zero(const IntView& v) { return v.big ? v.big->is_zero() : v.small == 0; }

Error zero_division(Interp& in, BinOp op) {
    if (op == BinOp::Mod) return in.raise(in.exc.ZeroDivisionError, "integer modulo by zero");
    if (op == BinOp::TrueDiv) return in.raise(in.exc.ZeroDivisionError, "division by zero");
    return in.raise(in.exc.ZeroDivisionError, "integer division or modulo by zero");
}

// Floor division and modulo of cpp_ints (truncating divide_qr, then CPython's l_divmod fix-up).
void floor_divmod(const BigValue& a, const BigValue& b, BigValue& q, BigValue& r) {
    boost::multiprecision::divide_qr(a, b, q, r);
    if (!r.is_zero() && (r.sign() < 0) != (b.sign() < 0)) {
        q -= 1;
        r += b;
    }
}

int64_t floor_div_small(int64_t a, int64_t b) {
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

int64_t floor_mod_small(int64_t a, int64_t b) {
    int64_t r = a % b;
    if (r != 0 && ((r < 0) != (b < 0))) r += b;
    return r;
}

// Correctly rounded a / b for |b| > 0 (CPython's long_true_divide): scale so the quotient has
// DBL_MANT_DIG + 2 bits, divide, fold the remainder into a sticky bit, round half to even.
Result<Value> true_divide(Interp& in, const IntView& va, const IntView& vb) {
    if (!va.big && !vb.big) return Value::from_float(double(va.small) / double(vb.small));
    bool negative = (sign_of(va) < 0) != (sign_of(vb) < 0);
    if (is_zero(va)) return Value::from_float(negative ? -0.0 : 0.0);
    BigValue a = abs(to_big(va)), b = abs(to_big(vb));
    int64_t diff = int64_t(boost::multiprecision::msb(a)) - int64_t(boost::multiprecision::msb(b));
    if (diff > DBL_MAX_EXP)
        return in.raise(in.exc.OverflowError, "integer division result too large for a float");
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1) return Value::from_float(negative ? -0.0 : 0.0);
    int64_t shift = std::max<int64_t>(diff, DBL_MIN_EXP) - DBL_MANT_DIG - 2;
    if (shift < 0) a <<= unsigned(-shift);
    else b <<= unsigned(shift);
    BigValue q, r;
    boost::multiprecision::divide_qr(a, b, q, r);
    bool inexact = !r.is_zero();
    int64_t qbits = int64_t(boost::multiprecision::msb(q)) + 1;
    int64_t extra = std::max<int64_t>(qbits, DBL_MIN_EXP - shift) - DBL_MANT_DIG;
    uint64_t x = q.convert_to<uint64_t>();
    if (extra > 0) {
        uint64_t half = uint64_t(1) << (extra - 1);
        uint64_t low = x | uint64_t(inexact);
        if ((low & half) && (low & (3 * half - 1))) x += half;
        x &= ~(2 * half - 1);
    }
    double result = std::ldexp(double(x), int(shift));
    if (std::isinf(result) || (shift + int64_t(64 - __builtin_clzll(x ? x : 1)) > DBL_MAX_EXP))
        return in.raise(in.exc.OverflowError, "integer division result too large for a float");
    return Value::from_float(negative ? -result : result);
}

// x ** n for n >= 0.
Result<Value> power(Interp& in, const IntView& base, const IntView& exp) {
    if (!base.big && base.small >= -1 && base.small <= 1) {
        if (base.small == 0) return Value::from_small_int(is_zero(exp) ? 1 : 0);
        if (base.small == 1) return Value::from_small_int(1);
        bool odd = exp.big ? bit_test(*exp.big, 0) : (exp.small & 1);
        return Value::from_small_int(odd ? -1 : 1);
    }
    uint64_t bits = int_bit_length(base);
    if (exp.big || double(bits) * double(exp.small) > double(in.heap.limit()) * 8.0)
        return in.raise_memory_error();
    uint64_t n = uint64_t(exp.small);
    if (!base.big) {
        // Repeated squaring in int64 until it would overflow.
        int64_t result = 1, b = base.small;
        uint64_t k = n;
        bool overflow = false;
        while (k) {
            if ((k & 1) && __builtin_mul_overflow(result, b, &result)) { overflow = true; break; }
            k >>= 1;
            if (k && __builtin_mul_overflow(b, b, &b)) { overflow = true; break; }
        }
        if (!overflow) return make_int(in, result);
    }
    return make_int(in, BigValue(boost::multiprecision::pow(to_big(base), unsigned(n))));
}

// a << n and a >> n for n >= 0.
Result<Value> shift(Interp& in, const IntView& a, const IntView& n, bool left) {
    if (is_zero(a)) return Value::from_small_int(0);
    if (!left) {
        // Shifting out every bit leaves the sign: 0 or -1 (floor semantics).
        if (n.big || n.small >= int64_t(int_bit_length(a)))
            return Value::from_small_int(sign_of(a) < 0 ? -1 : 0);
        if (!a.big) return make_int(in, a.small >> n.small);
        const BigValue& v = *a.big;
        if (v.sign() >= 0) return make_int(in, BigValue(v >> unsigned(n.small)));
        // Floor for negatives: -((-v - 1) >> n) - 1.
        BigValue t = -v - 1;
        t >>= unsigned(n.small);
        return make_int(in, BigValue(-t - 1));
    }
    if (n.big || n.small / 8 > int64_t(in.heap.limit())) return in.raise_memory_error();
    if (!a.big && n.small < 62 && int_bit_length(a) + uint64_t(n.small) < 63)
        return make_int(in, int64_t(uint64_t(a.small) << n.small));
    return make_int(in, BigValue(to_big(a) << unsigned(n.small)));
}

Result<Value> small_binary(Interp& in, int64_t a, int64_t b, BinOp op) {
    switch (op) {
    case BinOp::Add: return make_int(in, a + b);
    case BinOp::Sub: return make_int(in, a - b);
    case BinOp::Mul: {
        int64_t r;
        if (!__builtin_mul_overflow(a, b, &r)) return make_int(in, r);
        return make_int(in, BigValue(BigValue(a) * b));
    }
    case BinOp::FloorDiv:
        if (b == 0) return zero_division(in, op);
        return make_int(in, floor_div_small(a, b));
    case BinOp::Mod:
        if (b == 0) return zero_division(in, op);
        return make_int(in, floor_mod_small(a, b));
    case BinOp::And: return make_int(in, a & b);
    case BinOp::Or: return make_int(in, a | b);
    case BinOp::Xor: return make_int(in, a ^ b);
    default: return Value::null();   // not handled here
    }
}

// The value of an int that fits in int64_t, small or a one-limb BigInt (as `x * 1103515` in a
// linear congruential generator, just past the 48-bit inline range).
bool as_int64(const IntView& v, int64_t& out) {
    if (!v.big) {
        out = v.small;
        return true;
    }
    const auto& backend = v.big->backend();
    static_assert(sizeof(*backend.limbs()) == sizeof(uint64_t));
    if (backend.size() != 1 || backend.limbs()[0] > uint64_t(INT64_MAX)) return false;
    auto magnitude = int64_t(backend.limbs()[0]);
    out = backend.sign() ? -magnitude : magnitude;
    return true;
}

// Machine arithmetic on int64 operands; null when the result needs cpp_int (overflow) or `op` is
// not one of these. Division by zero is left to the caller.
Value int64_binary(Interp& in, int64_t a, int64_t b, BinOp op) {
    int64_t r;
    switch (op) {
    case BinOp::Add: return __builtin_add_overflow(a, b, &r) ? Value::null() : make_int(in, r);
    case BinOp::Sub: return __builtin_sub_overflow(a, b, &r) ? Value::null() : make_int(in, r);
    case BinOp::Mul: return __builtin_mul_overflow(a, b, &r) ? Value::null() : make_int(in, r);
    case BinOp::FloorDiv:
        if (b == 0 || (a == INT64_MIN && b == -1)) return Value::null();
        return make_int(in, floor_div_small(a, b));
    case BinOp::Mod:
        if (b == 0 || b == -1) return Value::null();
        return make_int(in, floor_mod_small(a, b));
    case BinOp::And: return make_int(in, a & b);
    case BinOp::Or: return make_int(in, a | b);
    case BinOp::Xor: return make_int(in, a ^ b);
    default: return Value::null();
    }
}

// A BigValue reference to an int without copying limbs (small values get a local BigValue).
// Not copyable: `p` may point into the object itself.
class BigRef {
public:
    explicit BigRef(const IntView& v) : m_p(v.big) {
        if (!m_p) {
            m_tmp = v.small;
            m_p = &m_tmp;
        }
    }
    BigRef(const BigRef&) = delete;
    BigRef& operator=(const BigRef&) = delete;
    const BigValue& get() const { return *m_p; }

private:
    BigValue m_tmp;
    const BigValue* m_p;
};

Result<Value> big_binary(Interp& in, const IntView& va, const IntView& vb, BinOp op) {
    BigRef ra(va), rb(vb);
    const BigValue& a = ra.get();
    const BigValue& b = rb.get();
    switch (op) {
    case BinOp::Add: return make_int(in, BigValue(a + b));
    case BinOp::Sub: return make_int(in, BigValue(a - b));
    case BinOp::Mul: return make_int(in, BigValue(a * b));
    case BinOp::FloorDiv:
    case BinOp::Mod: {
        if (b.is_zero()) return zero_division(in, op);
        BigValue q, r;
        floor_divmod(a, b, q, r);
        return make_int(in, op == BinOp::Mod ? std::move(r) : std::move(q));
    }
    case BinOp::And: return make_int(in, BigValue(a & b));
    case BinOp::Or: return make_int(in, BigValue(a | b));
    case BinOp::Xor: return make_int(in, BigValue(a ^ b));
    default: return Value::not_implemented();
    }
}

Result<Value> pow_op(Interp& in, Value a, Value b, const IntView& va, const IntView& vb) {
    if (sign_of(vb) < 0) {
        // A negative exponent makes it float pow (CPython hands the pair to float_pow).
        double x = EDDY_TRY(int_to_double(in, a));
        double y = EDDY_TRY(int_to_double(in, b));
        if (x == 0.0)
            return in.raise(in.exc.ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return Value::from_float(std::pow(x, y));
    }
    return power(in, va, vb);
}

Result<Value> int_binary_views(Interp& in, Value a, Value b, const IntView& va, const IntView& vb,
                               BinOp op) {
    switch (op) {
    case BinOp::TrueDiv:
        if (is_zero(vb)) return zero_division(in, op);
        return true_divide(in, va, vb);
    case BinOp::Pow: return pow_op(in, a, b, va, vb);
    case BinOp::LShift:
    case BinOp::RShift:
        if (sign_of(vb) < 0) return in.raise(in.exc.ValueError, "negative shift count");
        return shift(in, va, vb, op == BinOp::LShift);
    case BinOp::MatMul: return Value::not_implemented();
    default: break;
    }
    if (!va.big && !vb.big) {
        Value r = EDDY_TRY(small_binary(in, va.small, vb.small, op));
        if (!r.is_null()) return r;
    } else if (int64_t x, y; as_int64(va, x) && as_int64(vb, y)) {
        Value r = int64_binary(in, x, y, op);
        if (!r.is_null()) return r;
    }
    return big_binary(in, va, vb, op);
}

} // namespace

Result<Value> int_binary(Interp& in, Value a, Value b, BinOp op) {
    if (uint8_t(op) >= vm::InplaceOffset) op = BinOp(uint8_t(op) - vm::InplaceOffset);
    IntView va, vb;
    if (!int_view(in, a, va) || !int_view(in, b, vb)) return Value::not_implemented();
    try {
        return int_binary_views(in, a, b, va, vb, op);
    } catch (const std::bad_alloc&) {
        return int_memory_error(in);
    }
}

Result<Value> int_rbinary(Interp& in, Value self, Value other, BinOp op) {
    return int_binary(in, other, self, op);
}

Result<Value> int_divmod(Interp& in, Value a, Value b) {
    IntView va, vb;
    if (!int_view(in, a, va) || !int_view(in, b, vb)) return Value::not_implemented();
    if (is_zero(vb)) return zero_division(in, BinOp::FloorDiv);
    Value pair[2];
    if (!va.big && !vb.big) {
        pair[0] = make_int(in, floor_div_small(va.small, vb.small));
        pair[1] = make_int(in, floor_mod_small(va.small, vb.small));
    } else {
        try {
            BigRef ra(va), rb(vb);
            BigValue q, r;
            floor_divmod(ra.get(), rb.get(), q, r);
            pair[0] = make_int(in, std::move(q));
            pair[1] = make_int(in, std::move(r));
        } catch (const std::bad_alloc&) {
            return int_memory_error(in);
        }
    }
    return Value::from_obj(make_tuple(in, std::span<const Value>(pair)));
}

namespace {

// The inverse of a modulo m (m > 0), or false when gcd(a, m) != 1.
bool mod_inverse(const BigValue& a, const BigValue& m, BigValue& out) {
    BigValue old_r = ((a % m) + m) % m, r = m, old_s = 1, s = 0;
    while (!r.is_zero()) {
        BigValue q = old_r / r;
        BigValue t = old_r - q * r;
        old_r = r;
        r = t;
        t = old_s - q * s;
        old_s = s;
        s = t;
    }
    if (old_r != 1) return false;
    out = ((old_s % m) + m) % m;
    return true;
}

} // namespace

// long_pow with a modulus: the result takes the sign of the modulus.
Result<Value> int_pow_mod(Interp& in, Value base, Value exp, Value mod) {
    IntView vb, ve, vm_;
    if (!int_view(in, base, vb) || !int_view(in, exp, ve) || !int_view(in, mod, vm_))
        return Value::not_implemented();
    if (is_zero(vm_)) return in.raise(in.exc.ValueError, "pow() 3rd argument cannot be 0");
    try {
        BigValue m = to_big(vm_), b = to_big(vb), e = to_big(ve);
        bool negative_mod = m.sign() < 0;
        if (negative_mod) m = -m;
        if (e.sign() < 0) {
            BigValue inv;
            if (!mod_inverse(b, m, inv))
                return in.raise(in.exc.ValueError, "base is not invertible for the given modulus");
            b = inv;
            e = -e;
        }
        b %= m;
        if (b.sign() < 0) b += m;
        BigValue r = m == 1 ? BigValue(0) : BigValue(boost::multiprecision::powm(b, e, m));
        if (negative_mod && !r.is_zero()) r -= m;
        return make_int(in, std::move(r));
    } catch (const std::bad_alloc&) {
        return int_memory_error(in);
    }
}

// ---- comparison ----

int int_compare_double(const IntView& a, double d) {
    if (std::isnan(d)) return 2;
    if (!a.big) {
        double x = double(a.small);   // exact: small ints have 48 bits
        return (x > d) - (x < d);
    }
    if (std::isinf(d)) return d > 0 ? -1 : 1;
    const BigValue& v = *a.big;
    // Compare signs, then the integral part exactly, then the fraction.
    int sa = v.sign(), sd = (d > 0) - (d < 0);
    if (sa != sd) return sa < sd ? -1 : 1;
    double ip = std::trunc(d);
    int exp = 0;
    double mant = std::frexp(std::fabs(ip), &exp);
    BigValue di(int64_t(std::ldexp(mant, 53)));
    if (exp >= 53) di <<= unsigned(exp - 53);
    else di >>= unsigned(53 - exp);
    if (ip < 0) di = -di;
    int c = v.compare(di);
    if (c != 0) return c < 0 ? -1 : 1;
    double frac = d - ip;
    return frac > 0 ? -1 : frac < 0 ? 1 : 0;
}

namespace {

Value cmp_result(int c, vm::CmpOp op) {
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

} // namespace

Result<Value> int_richcmp(Interp& in, Value a, Value b, vm::CmpOp op) {
    IntView va, vb;
    if (!int_view(in, a, va)) return Value::not_implemented();
    if (b.is_float()) {
        int c = int_compare_double(va, b.as_float());
        if (c == 2) return Value::boolean(op == vm::CmpOp::Ne);
        return cmp_result(c, op);
    }
    if (!int_view(in, b, vb)) return Value::not_implemented();
    int c;
    if (!va.big && !vb.big) c = (va.small > vb.small) - (va.small < vb.small);
    else if (va.big && vb.big) c = va.big->compare(*vb.big);
    else if (va.big) c = va.big->compare(vb.small);
    else c = -vb.big->compare(va.small);
    return cmp_result((c > 0) - (c < 0), op);
}

// ---- int -> float ----

Result<double> int_to_double(Interp& in, Value v) {
    IntView iv;
    if (!int_view(in, v, iv)) return 0.0;
    if (!iv.big) return double(iv.small);
    const BigValue& b = *iv.big;
    BigValue a = abs(b);
    uint64_t nbits = boost::multiprecision::msb(a) + 1;
    if (nbits <= 64) {
        // Correct rounding to 53 bits from 64 is done by the hardware conversion.
        double d = double(a.convert_to<uint64_t>());
        return b.sign() < 0 ? -d : d;
    }
    if (nbits > DBL_MAX_EXP) return in.raise(in.exc.OverflowError, "int too large to convert to float");
    // Keep 55 bits plus a sticky bit, round half to even to 53.
    uint64_t shift = nbits - 55;
    BigValue top = a >> unsigned(shift);
    uint64_t x = top.convert_to<uint64_t>();
    bool sticky = boost::multiprecision::lsb(a) < shift;
    uint64_t low = x | uint64_t(sticky);
    if ((low & 2) && (low & 5)) x += 2;   // above half, or half with odd last kept bit
    x &= ~uint64_t(3);
    double d = std::ldexp(double(x), int(shift));
    if (std::isinf(d)) return in.raise(in.exc.OverflowError, "int too large to convert to float");
    return b.sign() < 0 ? -d : d;
}

} // namespace eddy::rt
