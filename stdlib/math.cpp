// stdlib/math.cpp: the math module's floating-point functions and constants, after CPython
// 3.11's Modules/mathmodule.c: libm does the arithmetic, math_1/math_2 turn its special values
// into ValueError "math domain error" / OverflowError "math range error" exactly where CPython
// does. Integer functions (gcd, factorial, comb, isqrt, ...) and fsum live in math_integer.cpp.
#include <cfloat>
#include <cmath>
#include <numbers>

#include "lib_util.hpp"
#include "math_internal.hpp"
#include "module_object.hpp"
#include "modules.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "tuple_object.hpp"

namespace eddy::lib {

namespace {

rt::Error domain_error(Interp& in) { return in.raise(in.exc.ValueError, "math domain error"); }
rt::Error range_error(Interp& in) { return in.raise(in.exc.OverflowError, "math range error"); }

// math_1: r = f(x); a NaN from a non-NaN is a domain error; an infinity from a finite x is an
// overflow when the function can overflow (exp, cosh, ...), otherwise a domain error (a pole).
template <double (*F)(double), bool CanOverflow>
Result<Value> math_1(Interp& in, Args args) {
    double x = EDDY_TRY(to_double(in, args[0]));
    double r = F(x);
    if (std::isnan(r) && !std::isnan(x)) return domain_error(in);
    if (std::isinf(r) && std::isfinite(x)) return CanOverflow ? range_error(in) : domain_error(in);
    return Value::from_float(r);
}

double f_sqrt(double x) { return std::sqrt(x); }
double f_exp(double x) { return std::exp(x); }
double f_exp2(double x) { return std::exp2(x); }
double f_expm1(double x) { return std::expm1(x); }
double f_log1p(double x) { return std::log1p(x); }
double f_sin(double x) { return std::sin(x); }
double f_cos(double x) { return std::cos(x); }
double f_tan(double x) { return std::tan(x); }
double f_asin(double x) { return std::asin(x); }
double f_acos(double x) { return std::acos(x); }
double f_atan(double x) { return std::atan(x); }
double f_sinh(double x) { return std::sinh(x); }
double f_cosh(double x) { return std::cosh(x); }
double f_tanh(double x) { return std::tanh(x); }
double f_asinh(double x) { return std::asinh(x); }
double f_acosh(double x) { return std::acosh(x); }
double f_atanh(double x) { return std::atanh(x); }
double f_fabs(double x) { return std::fabs(x); }
double f_erf(double x) { return std::erf(x); }
double f_erfc(double x) { return std::erfc(x); }
double f_cbrt(double x) { return std::cbrt(x); }

// loghelper: an int too large for a double is split as x = m * 2**e (_PyLong_Frexp: m in
// [0.5, 1) correctly rounded to 53 bits) and its log is f(m) + e * f(2).
Result<double> log_of(Interp& in, Value v, double (*f)(double)) {
    if (rt::is_int(in, v)) {
        rt::BigValue n = rt::int_to_big(in, v);
        if (n <= 0) return domain_error(in);
        size_t bits = boost::multiprecision::msb(n) + 1;
        if (bits <= 1024) {
            Result<double> x = to_double(in, v);
            if (!x.is_error()) return f(x.value());
            in.take_exception();   // OverflowError: take the frexp path
        }
        size_t shift = bits - 55;
        uint64_t top = rt::BigValue(n >> shift).convert_to<uint64_t>();
        if (boost::multiprecision::lsb(n) < shift) top |= 1;   // sticky bit: a 1 among the dropped bits
        int e = 0;
        double m = std::frexp(double(top), &e);
        return f(m) + double(int64_t(e) + int64_t(shift)) * f(2.0);
    }
    double x = EDDY_TRY(to_double(in, v));
    double r = f(x);
    if (std::isnan(r) && !std::isnan(x)) return domain_error(in);
    if (std::isinf(r) && std::isfinite(x)) return domain_error(in);
    return r;
}

double f_log(double x) { return std::log(x); }
double f_log2(double x) { return std::log2(x); }
double f_log10(double x) { return std::log10(x); }

Result<Value> math_log(Interp& in, Args args) {
    double num = EDDY_TRY(log_of(in, args[0], f_log));
    if (!args.has(1)) return Value::from_float(num);
    double den = EDDY_TRY(log_of(in, args[1], f_log));
    if (den == 0.0) return in.raise(in.exc.ZeroDivisionError, "float division by zero");
    return Value::from_float(num / den);
}

Result<Value> math_log2(Interp& in, Args args) {
    return Value::from_float(EDDY_TRY(log_of(in, args[0], f_log2)));
}

Result<Value> math_log10(Interp& in, Args args) {
    return Value::from_float(EDDY_TRY(log_of(in, args[0], f_log10)));
}

// gamma and lgamma: poles (0, -1, -2, ...) are domain errors, huge results range errors.
Result<Value> math_gamma(Interp& in, Args args) {
    double x = EDDY_TRY(to_double(in, args[0]));
    if (std::isfinite(x) && x <= 0 && x == std::floor(x)) return domain_error(in);
    if (x == -INFINITY) return domain_error(in);
    double r = std::tgamma(x);
    if (std::isinf(r) && std::isfinite(x)) return range_error(in);
    return Value::from_float(r);
}

Result<Value> math_lgamma(Interp& in, Args args) {
    double x = EDDY_TRY(to_double(in, args[0]));
    if (std::isfinite(x) && x <= 0 && x == std::floor(x)) return domain_error(in);
    double r = std::lgamma(x);
    if (std::isinf(r) && std::isfinite(x)) return range_error(in);
    return Value::from_float(r);
}

// math.pow: C99 pow, with CPython's errors for finite arguments.
Result<Value> math_pow(Interp& in, Args args) {
    double x = EDDY_TRY(to_double(in, args[0]));
    double y = EDDY_TRY(to_double(in, args[1]));
    if (!std::isfinite(x) || !std::isfinite(y)) {
        if (std::isnan(x)) return Value::from_float(y == 0.0 ? 1.0 : x);
        if (std::isnan(y)) return Value::from_float(x == 1.0 ? 1.0 : y);
        return Value::from_float(std::pow(x, y));
    }
    double r = std::pow(x, y);
    if (std::isnan(r)) return domain_error(in);
    if (std::isinf(r)) return x == 0.0 ? domain_error(in) : range_error(in);
    return Value::from_float(r);
}

Result<Value> math_atan2(Interp& in, Args args) {
    double y = EDDY_TRY(to_double(in, args[0]));
    double x = EDDY_TRY(to_double(in, args[1]));
    return Value::from_float(std::atan2(y, x));
}

Result<Value> math_fmod(Interp& in, Args args) {
    double x = EDDY_TRY(to_double(in, args[0]));
    double y = EDDY_TRY(to_double(in, args[1]));
    if (std::isinf(y) && std::isfinite(x)) return Value::from_float(x);
    double r = std::fmod(x, y);
    if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return domain_error(in);
    return Value::from_float(r);
}

Result<Value> math_remainder(Interp& in, Args args) {
    double x = EDDY_TRY(to_double(in, args[0]));
    double y = EDDY_TRY(to_double(in, args[1]));
    double r = std::remainder(x, y);
    if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return domain_error(in);
    return Value::from_float(r);
}

Result<Value> math_copysign(Interp& in, Args args) {
    double x = EDDY_TRY(to_double(in, args[0]));
    double y = EDDY_TRY(to_double(in, args[1]));
    return Value::from_float(std::copysign(x, y));
}

Result<Value> math_degrees(Interp& in, Args args) {
    double x = EDDY_TRY(to_double(in, args[0]));
    return Value::from_float(x * (180.0 / std::numbers::pi));
}

Result<Value> math_radians(Interp& in, Args args) {
    double x = EDDY_TRY(to_double(in, args[0]));
    return Value::from_float(x * (std::numbers::pi / 180.0));
}

Result<Value> math_isfinite(Interp& in, Args args) {
    return Value::boolean(std::isfinite(EDDY_TRY(to_double(in, args[0]))));
}
Result<Value> math_isinf(Interp& in, Args args) {
    return Value::boolean(std::isinf(EDDY_TRY(to_double(in, args[0]))));
}
Result<Value> math_isnan(Interp& in, Args args) {
    return Value::boolean(std::isnan(EDDY_TRY(to_double(in, args[0]))));
}

// math_isclose_impl: symmetric relative tolerance, plus an absolute floor.
Result<Value> math_isclose(Interp& in, Args args) {
    double a = EDDY_TRY(to_double(in, args[0]));
    double b = EDDY_TRY(to_double(in, args[1]));
    double rel_tol = EDDY_TRY(to_double(in, args[2]));
    double abs_tol = EDDY_TRY(to_double(in, args[3]));
    if (rel_tol < 0.0 || abs_tol < 0.0)
        return in.raise(in.exc.ValueError, "tolerances must be non-negative");
    if (a == b) return Value::boolean(true);
    if (std::isinf(a) || std::isinf(b)) return Value::boolean(false);
    double diff = std::fabs(b - a);
    bool close = (diff <= std::fabs(rel_tol * b)) || (diff <= std::fabs(rel_tol * a)) ||
                 diff <= abs_tol;
    return Value::boolean(close);
}

Result<Value> math_modf(Interp& in, Args args) {
    double x = EDDY_TRY(to_double(in, args[0]));
    double ip = 0.0, fp;
    if (std::isinf(x)) {
        fp = std::copysign(0.0, x);
        ip = x;
    } else {
        fp = std::modf(x, &ip);
    }
    rt::Tuple* t = rt::make_tuple(in, 2);
    t->items()[0] = Value::from_float(fp);
    t->items()[1] = Value::from_float(ip);
    return Value::from_obj(t);
}

Result<Value> math_frexp(Interp& in, Args args) {
    double x = EDDY_TRY(to_double(in, args[0]));
    int e = 0;
    double m = (std::isnan(x) || std::isinf(x) || x == 0.0) ? x : std::frexp(x, &e);
    rt::Tuple* t = rt::make_tuple(in, 2);
    t->items()[0] = Value::from_float(m);
    t->items()[1] = Value::from_small_int(e);
    return Value::from_obj(t);
}

Result<Value> math_ldexp(Interp& in, Args args) {
    double x = EDDY_TRY(to_double(in, args[0]));
    if (!rt::is_int(in, args[1]))
        return in.raise(in.exc.TypeError, "Expected an int as second argument to ldexp.");
    rt::BigValue e = rt::int_to_big(in, args[1]);
    if (x == 0.0 || !std::isfinite(x)) return Value::from_float(x);
    int exp = e > 100000 ? 100000 : e < -100000 ? -100000 : e.convert_to<int>();
    double r = std::ldexp(x, exp);
    if (std::isinf(r)) return range_error(in);
    return Value::from_float(r);
}

Result<Value> math_nextafter(Interp& in, Args args) {
    double x = EDDY_TRY(to_double(in, args[0]));
    double y = EDDY_TRY(to_double(in, args[1]));
    return Value::from_float(std::nextafter(x, y));
}

Result<Value> math_ulp(Interp& in, Args args) {
    double x = EDDY_TRY(to_double(in, args[0]));
    if (std::isnan(x)) return Value::from_float(x);
    x = std::fabs(x);
    if (std::isinf(x)) return Value::from_float(x);
    double up = std::nextafter(x, INFINITY);
    if (std::isinf(up)) return Value::from_float(x - std::nextafter(x, -INFINITY));
    return Value::from_float(up - x);
}

} // namespace

Result<Value> init_math(Interp& in) {
    rt::Module* module = rt::make_module(in, "math");
    rt::add_functions(in, module, {
        {"sqrt(x, /)", math_1<f_sqrt, false>},
        {"exp(x, /)", math_1<f_exp, true>},
        {"exp2(x, /)", math_1<f_exp2, true>},
        {"expm1(x, /)", math_1<f_expm1, true>},
        {"log1p(x, /)", math_1<f_log1p, false>},
        {"sin(x, /)", math_1<f_sin, false>},
        {"cos(x, /)", math_1<f_cos, false>},
        {"tan(x, /)", math_1<f_tan, false>},
        {"asin(x, /)", math_1<f_asin, false>},
        {"acos(x, /)", math_1<f_acos, false>},
        {"atan(x, /)", math_1<f_atan, false>},
        {"sinh(x, /)", math_1<f_sinh, true>},
        {"cosh(x, /)", math_1<f_cosh, true>},
        {"tanh(x, /)", math_1<f_tanh, false>},
        {"asinh(x, /)", math_1<f_asinh, false>},
        {"acosh(x, /)", math_1<f_acosh, false>},
        {"atanh(x, /)", math_1<f_atanh, false>},
        {"fabs(x, /)", math_1<f_fabs, false>},
        {"erf(x, /)", math_1<f_erf, false>},
        {"erfc(x, /)", math_1<f_erfc, false>},
        {"cbrt(x, /)", math_1<f_cbrt, false>},
        {"gamma(x, /)", math_gamma},
        {"lgamma(x, /)", math_lgamma},
        {"log(x, base=?, /)", math_log},
        {"log2(x, /)", math_log2},
        {"log10(x, /)", math_log10},
        {"pow(x, y, /)", math_pow},
        {"atan2(y, x, /)", math_atan2},
        {"fmod(x, y, /)", math_fmod},
        {"remainder(x, y, /)", math_remainder},
        {"copysign(x, y, /)", math_copysign},
        {"degrees(x, /)", math_degrees},
        {"radians(x, /)", math_radians},
        {"isfinite(x, /)", math_isfinite},
        {"isinf(x, /)", math_isinf},
        {"isnan(x, /)", math_isnan},
        {"isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)", math_isclose},
        {"modf(x, /)", math_modf},
        {"frexp(x, /)", math_frexp},
        {"ldexp(x, i, /)", math_ldexp},
        {"nextafter(x, y, /)", math_nextafter},
        {"ulp(x, /)", math_ulp},
    });
    add_math_integer_functions(in, module);
    set_module_attr(in, module, "pi", Value::from_float(std::numbers::pi));
    set_module_attr(in, module, "e", Value::from_float(std::numbers::e));
    set_module_attr(in, module, "tau", Value::from_float(2 * std::numbers::pi));
    set_module_attr(in, module, "inf", Value::from_float(INFINITY));
    set_module_attr(in, module, "nan", Value::from_float(NAN));
    return Value::from_obj(module);
}

} // namespace eddy::lib
