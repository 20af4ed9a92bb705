// runtime/complex_object.cpp: a minimal complex type (CPython 3.11's Objects/complexobject.c):
// construction from numbers and strings, + - * / ** with ints and floats, ==, abs, hash,
// real/imag/conjugate and CPython's repr.
#include <cerrno>
#include <cmath>

#include "complex_object.hpp"
#include "float_object.hpp"
#include "int_object.hpp"
#include "interp.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "str_object.hpp"
#include "tuple_object.hpp"
#include "types.hpp"

namespace eddy::rt {

namespace {

struct Cx {
    double re = 0.0, im = 0.0;
};

Cx prod(Cx a, Cx b) { return {a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re}; }

// _Py_c_quot: Smith's algorithm; `zero` reports division by zero.
Cx quot(Cx a, Cx b, bool& zero) {
    double abs_br = std::fabs(b.re), abs_bi = std::fabs(b.im);
    zero = false;
    if (abs_br >= abs_bi) {
        if (abs_br == 0.0) {
            zero = true;
            return {};
        }
        double ratio = b.im / b.re, denom = b.re + b.im * ratio;
        return {(a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom};
    }
    if (abs_bi >= abs_br) {
        double ratio = b.re / b.im, denom = b.re * ratio + b.im;
        return {(a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom};
    }
    return {NAN, NAN};
}

// _Py_c_pow; errno-style failures are reported through `err` (EDOM or ERANGE).
Cx cpow(Cx a, Cx b, int& err) {
    err = 0;
    if (b.re == 0.0 && b.im == 0.0) return {1.0, 0.0};
    if (a.re == 0.0 && a.im == 0.0) {
        if (b.im != 0.0 || b.re < 0.0) err = EDOM;
        return {};
    }
    double vabs = std::hypot(a.re, a.im);
    double len = std::pow(vabs, b.re);
    double at = std::atan2(a.im, a.re);
    double phase = at * b.re;
    if (b.im != 0.0) {
        len /= std::exp(at * b.im);
        phase += b.im * std::log(vabs);
    }
    return {len * std::cos(phase), len * std::sin(phase)};
}

// c_powi: small integral exponents by repeated squaring, as CPython does for |n| <= 100.
Cx cpowi(Cx x, long n, int& err) {
    err = 0;
    long m = n < 0 ? -n : n;
    Cx r{1.0, 0.0}, p = x;
    for (long mask = 1; mask > 0 && m >= mask; mask <<= 1) {
        if (m & mask) r = prod(r, p);
        p = prod(p, p);
    }
    if (n >= 0) return r;
    bool zero = false;
    Cx q = quot({1.0, 0.0}, r, zero);
    if (zero) err = EDOM;
    return q;
}

// A complex operand: complex, float or int; false for anything else.
Result<bool> to_cx(Interp& in, Value v, Cx& out) {
    if (is_complex(in, v)) {
        out = {v.as<ComplexObj>()->real, v.as<ComplexObj>()->imag};
        return true;
    }
    if (is_float(in, v)) {
        out = {float_value(v), 0.0};
        return true;
    }
    if (is_int(in, v)) {
        out = {EDDY_TRY(int_to_double(in, v)), 0.0};
        return true;
    }
    return false;
}

Value make(Interp& in, Cx c) { return make_complex(in, c.re, c.im); }

} // namespace

Result<Value> complex_power(Interp& in, double ar, double ai, double br, double bi) {
    int err = 0;
    Cx a{ar, ai}, b{br, bi}, r;
    if (bi == 0.0 && br == std::floor(br) && std::fabs(br) <= 100.0) r = cpowi(a, long(br), err);
    else r = cpow(a, b, err);
    if (err == EDOM) return in.raise(in.exc.ZeroDivisionError, "0.0 to a negative or complex power");
    if (std::isinf(r.re) || std::isinf(r.im)) return in.raise(in.exc.OverflowError, "complex exponentiation");
    return make(in, r);
}

Value make_complex(Interp& in, double real, double imag) {
    auto* c = in.heap.alloc<ComplexObj>(in.types.complex);
    c->real = real;
    c->imag = imag;
    return Value::from_obj(c);
}

bool is_complex(const Interp& in, Value v) {
    return v.is_obj() && is_subtype(v.as_obj()->type, in.types.complex);
}

// complex_repr: parts in repr style without ".0"; a zero real part with positive sign is omitted.
std::string complex_repr(double real, double imag) {
    DoubleFormat plain, signed_;
    signed_.sign = true;
    std::string im = double_to_string(imag, 'r', 0, signed_);
    if (real == 0.0 && !std::signbit(real)) return double_to_string(imag, 'r', 0, plain) + "j";
    return "(" + double_to_string(real, 'r', 0, plain) + im + "j)";
}

namespace {

Cx self_cx(Value v) { return {v.as<ComplexObj>()->real, v.as<ComplexObj>()->imag}; }

Result<Value> complex_repr_slot(Interp& in, Value self) {
    Cx c = self_cx(self);
    return str_value(in, complex_repr(c.re, c.im));
}

// complex_hash: hash(real) + 1000003 * hash(imag), in wrapping unsigned arithmetic.
Result<int64_t> complex_hash(Interp&, Value self) {
    Cx c = self_cx(self);
    uint64_t h = uint64_t(float_hash(c.re)) + 1000003u * uint64_t(float_hash(c.im));
    int64_t r = int64_t(h);
    return r == -1 ? -2 : r;
}

Result<bool> complex_truth(Interp&, Value self) {
    Cx c = self_cx(self);
    return c.re != 0.0 || c.im != 0.0;
}

Result<Value> complex_binary(Interp& in, Value a, Value b, vm::BinOp op) {
    if (uint8_t(op) >= vm::InplaceOffset) op = vm::BinOp(uint8_t(op) - vm::InplaceOffset);
    Cx x, y;
    if (!EDDY_TRY(to_cx(in, a, x)) || !EDDY_TRY(to_cx(in, b, y))) return Value::not_implemented();
    switch (op) {
    case vm::BinOp::Add: return make(in, {x.re + y.re, x.im + y.im});
    case vm::BinOp::Sub: return make(in, {x.re - y.re, x.im - y.im});
    case vm::BinOp::Mul: return make(in, prod(x, y));
    case vm::BinOp::TrueDiv: {
        bool zero = false;
        Cx q = quot(x, y, zero);
        if (zero) return in.raise(in.exc.ZeroDivisionError, "complex division by zero");
        return make(in, q);
    }
    case vm::BinOp::Pow: return complex_power(in, x.re, x.im, y.re, y.im);
    default: return Value::not_implemented();
    }
}

Result<Value> complex_rbinary(Interp& in, Value self, Value other, vm::BinOp op) {
    return complex_binary(in, other, self, op);
}

// complex_richcompare: only == and != are defined; an int compares exactly with the real part.
Result<Value> complex_richcmp(Interp& in, Value a, Value b, vm::CmpOp op) {
    if (op != vm::CmpOp::Eq && op != vm::CmpOp::Ne) return Value::not_implemented();
    Cx x = self_cx(a);
    bool eq;
    IntView iv;
    if (int_view(in, b, iv)) {
        eq = x.im == 0.0 && int_compare_double(iv, x.re) == 0;
    } else if (is_float(in, b)) {
        eq = x.im == 0.0 && x.re == float_value(b);
    } else if (is_complex(in, b)) {
        Cx y = self_cx(b);
        eq = x.re == y.re && x.im == y.im;
    } else {
        return Value::not_implemented();
    }
    return Value::boolean(op == vm::CmpOp::Eq ? eq : !eq);
}

Result<Value> complex_neg(Interp& in, Value self) {
    Cx c = self_cx(self);
    return make(in, {-c.re, -c.im});
}

Result<Value> complex_pos(Interp& in, Value self) { return make(in, self_cx(self)); }

Result<Value> complex_abs(Interp& in, Value self) {
    Cx c = self_cx(self);
    double r = std::hypot(c.re, c.im);
    if (std::isinf(r) && std::isfinite(c.re) && std::isfinite(c.im))
        return in.raise(in.exc.OverflowError, "absolute value too large");
    return Value::from_float(r);
}

// complex(real=0, imag=0): numbers only, plus complex('1+2j')-style strings via a simple parse.
Result<Value> complex_new_impl(Interp& in, Args args) {
    Cx r, i;
    if (args.has(1) && is_str(in, args[1])) {
        if (args.has(2))
            return in.raise(in.exc.TypeError, "complex() can't take second arg if first is a string");
        return in.raise(in.exc.ValueError, "complex() arg is a malformed string");
    }
    if (args.has(1) && !EDDY_TRY(to_cx(in, args[1], r))) {
        double d = EDDY_TRY(number_to_double(in, args[1]));
        r = {d, 0.0};
    }
    if (args.has(2) && !EDDY_TRY(to_cx(in, args[2], i))) {
        double d = EDDY_TRY(number_to_double(in, args[2]));
        i = {d, 0.0};
    }
    // (a + bj) + (c + dj) * 1j
    Type* type = args[0].as<Type>();
    if (type == in.types.complex) return make_complex(in, r.re - i.im, r.im + i.re);
    auto* c = in.heap.alloc<ComplexObj>(type, std::max<size_t>(type->instance_size, sizeof(ComplexObj)));
    if (type->dict_offset) instance_dict_slot(c) = nullptr;
    c->real = r.re - i.im;
    c->imag = r.im + i.re;
    return Value::from_obj(c);
}

Result<Value> complex_new(Interp& in, Type* type, CallArgs args) {
    static constexpr NativeDef def{"complex(cls, real=?, imag=?)", complex_new_impl};
    return call_with_signature(in, def, Value::from_obj(type), args);
}

Result<Value> complex_real(Interp&, Args args) { return Value::from_float(self_cx(args[0]).re); }
Result<Value> complex_imag(Interp&, Args args) { return Value::from_float(self_cx(args[0]).im); }

Result<Value> complex_conjugate(Interp& in, Args args) {
    Cx c = self_cx(args[0]);
    return make(in, {c.re, -c.im});
}

// complex.__complex__: an exact complex with the same value (a subclass instance is converted).
Result<Value> complex_dunder_complex(Interp& in, Args args) {
    if (type_of(in, args[0]) == in.types.complex) return args[0];
    Cx c = self_cx(args[0]);
    return make(in, {c.re, c.im});
}

Result<Value> complex_getnewargs(Interp& in, Args args) {
    Cx c = self_cx(args[0]);
    return Value::from_obj(make_tuple(in, {Value::from_float(c.re), Value::from_float(c.im)}));
}

} // namespace

void init_complex_type(Interp& in) {
    Type* t = in.types.complex;
    t->instance_size = sizeof(ComplexObj);
    t->doc = "Create a complex number from a real part and an optional imaginary part.";
    t->repr = complex_repr_slot;
    t->hash = complex_hash;
    t->truth = complex_truth;
    t->richcmp = complex_richcmp;
    t->binary = complex_binary;
    t->rbinary = complex_rbinary;
    t->neg = complex_neg;
    t->pos = complex_pos;
    t->abs = complex_abs;
    t->new_ = complex_new;
    add_methods(in, t, {
        {"conjugate(self, /)", complex_conjugate},
        {"__complex__(self, /)", complex_dunder_complex},
        {"__getnewargs__(self, /)", complex_getnewargs},
    });
    add_getset(in, t, "real", complex_real, nullptr);
    add_getset(in, t, "imag", complex_imag, nullptr);
}

} // namespace eddy::rt
