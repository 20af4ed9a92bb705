// stdlib/math_integer.cpp: the math functions that produce or consume exact integers (floor,
// ceil, trunc, gcd, lcm, factorial, comb, perm, isqrt, prod) and the exactly-rounded sums and
// norms (fsum, hypot, dist), after CPython 3.11's Modules/mathmodule.c. Big values use cpp_int.
#include <cfloat>
#include <cmath>
#include <numeric>
#include <vector>

#include "dict_object.hpp"
#include "math_internal.hpp"
#include "module_object.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "str_object.hpp"
#include "tuple_object.hpp"

namespace eddy::lib {

using rt::BigValue;

namespace {

// Python int value of an exact int or bool (bool -> 0/1, as int.__floor__ returns int(self)).
Value plain_int(Value v) {
    if (v.is_bool()) return Value::from_small_int(v.is_true() ? 1 : 0);
    return v;
}

// math.floor / math.ceil: float and int fast paths, then the type's __floor__/__ceil__, then
// conversion to float (math_floor in mathmodule.c).
Result<Value> round_to_int(Interp& in, Value x, rt::Str* dunder, double (*f)(double)) {
    if (x.is_float()) return int_from_double(in, f(x.as_float()));
    if (is_exact_int(in, x)) return plain_int(x);
    Value method = rt::type_lookup(rt::type_of(in, x), dunder);
    if (!method.is_null()) return rt::call(in, method, {x});
    double d = EDDY_TRY(to_double(in, x));
    return int_from_double(in, f(d));
}

double c_floor(double x) { return std::floor(x); }
double c_ceil(double x) { return std::ceil(x); }

Result<Value> math_floor(Interp& in, Args args) {
    return round_to_int(in, args[0], in.names.dunder_floor, c_floor);
}

Result<Value> math_ceil(Interp& in, Args args) {
    return round_to_int(in, args[0], in.names.dunder_ceil, c_ceil);
}

Result<Value> math_trunc(Interp& in, Args args) {
    Value x = args[0];
    if (x.is_float()) return int_from_double(in, std::trunc(x.as_float()));
    if (is_exact_int(in, x)) return plain_int(x);
    Value method = rt::type_lookup(rt::type_of(in, x), in.names.dunder_trunc);
    if (method.is_null())
        return in.raise(in.exc.TypeError, "type " + std::string(rt::type_name(in, x)) +
                                              " doesn't define __trunc__ method");
    return rt::call(in, method, {x});
}

Result<Value> math_gcd(Interp& in, Args args) {
    auto* items = args[0].as<rt::Tuple>();
    BigValue g = 0;
    for (Value v : items->span()) {
        BigValue n = EDDY_TRY(to_big_index(in, v));
        g = boost::multiprecision::gcd(g, n);
    }
    if (g < 0) g = -g;
    return rt::make_int(in, g);
}

Result<Value> math_lcm(Interp& in, Args args) {
    auto* items = args[0].as<rt::Tuple>();
    BigValue l = 1;
    for (Value v : items->span()) {
        BigValue n = EDDY_TRY(to_big_index(in, v));
        if (n < 0) n = -n;
        if (l == 0 || n == 0) {
            l = 0;
            continue;
        }
        l = l / boost::multiprecision::gcd(l, n) * n;
    }
    return rt::make_int(in, l);
}

// The product lo * (lo+1) * ... * hi by binary splitting, so big factorials multiply numbers of
// similar size (much faster than a running product).
BigValue product_range(uint64_t lo, uint64_t hi) {
    if (lo > hi) return 1;
    if (hi - lo < 16) {
        BigValue p = 1;
        for (uint64_t i = lo; i <= hi; i++) p *= i;
        return p;
    }
    uint64_t mid = lo + (hi - lo) / 2;
    return product_range(lo, mid) * product_range(mid + 1, hi);
}

Result<Value> math_factorial(Interp& in, Args args) {
    BigValue n = EDDY_TRY(to_big_index(in, args[0]));
    if (n < 0) return in.raise(in.exc.ValueError, "factorial() not defined for negative values");
    if (n > 1000000)
        return in.raise(in.exc.OverflowError, "factorial() argument should not exceed 1000000");
    return rt::make_int(in, product_range(1, n.convert_to<uint64_t>()));
}

Result<std::pair<BigValue, BigValue>> comb_args(Interp& in, Value nv, Value kv) {
    BigValue n = EDDY_TRY(to_big_index(in, nv));
    BigValue k = EDDY_TRY(to_big_index(in, kv));
    if (n < 0) return in.raise(in.exc.ValueError, "n must be a non-negative integer");
    if (k < 0) return in.raise(in.exc.ValueError, "k must be a non-negative integer");
    return std::pair{n, k};
}

Result<Value> math_comb(Interp& in, Args args) {
    auto [n, k] = EDDY_TRY(comb_args(in, args[0], args[1]));
    if (k > n) return Value::from_small_int(0);
    if (n - k < k) k = n - k;
    BigValue r = 1;
    for (BigValue i = 0; i < k; ++i) r = r * (n - i) / (i + 1);
    return rt::make_int(in, r);
}

Result<Value> math_perm(Interp& in, Args args) {
    if (args[1].is_none()) return math_factorial(in, args);
    auto [n, k] = EDDY_TRY(comb_args(in, args[0], args[1]));
    if (k > n) return Value::from_small_int(0);
    BigValue r = 1;
    for (BigValue i = 0; i < k; ++i) r *= (n - i);
    return rt::make_int(in, r);
}

Result<Value> math_isqrt(Interp& in, Args args) {
    BigValue n = EDDY_TRY(to_big_index(in, args[0]));
    if (n < 0) return in.raise(in.exc.ValueError, "isqrt() argument must be nonnegative");
    return rt::make_int(in, BigValue(boost::multiprecision::sqrt(n)));
}

Result<Value> math_prod(Interp& in, Args args) {
    Value result = args[1];
    Status walked = rt::for_each(in, args[0], [&](Value item) -> Status {
        if (result.is_small_int() && item.is_small_int()) {
            int64_t r;
            if (!__builtin_mul_overflow(result.as_small_int(), item.as_small_int(), &r)) {
                result = rt::make_int(in, r);
                return rt::ok();
            }
        }
        result = EDDY_TRY(rt::binary_op(in, result, item, vm::BinOp::Mul));
        return rt::ok();
    });
    EDDY_CHECK(walked);
    return result;
}

// math_fsum: Shewchuk's exact partial sums, then CPython's half-even correction across partials.
Result<double> exact_sum(Interp& in, const std::vector<double>& items) {
    std::vector<double> p;
    double special_sum = 0.0, inf_sum = 0.0;
    for (double x : items) {
        double xsave = x;
        size_t i = 0;
        for (double y : p) {
            if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0.0) p[i++] = lo;
            x = hi;
        }
        p.resize(i);
        if (x == 0.0) continue;
        if (!std::isfinite(x)) {
            if (std::isfinite(xsave))
                return in.raise(in.exc.OverflowError, "intermediate overflow in fsum");
            if (std::isinf(xsave)) inf_sum += xsave;
            special_sum += xsave;
            p.clear();
        } else {
            p.push_back(x);
        }
    }
    if (special_sum != 0.0) {
        if (std::isnan(inf_sum)) return in.raise(in.exc.ValueError, "-inf + inf in fsum");
        return special_sum;
    }
    double hi = 0.0, lo = 0.0;
    size_t n = p.size();
    if (n == 0) return hi;
    hi = p[--n];
    while (n > 0) {
        double x = hi, y = p[--n];
        hi = x + y;
        lo = y - (hi - x);
        if (lo != 0.0) break;
    }
    if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
        double y = lo * 2.0;
        double x = hi + y;
        if (y == x - hi) hi = x;
    }
    return hi;
}

Result<std::vector<double>> floats_of(Interp& in, Value iterable) {
    std::vector<double> out;
    Status walked = rt::for_each(in, iterable, [&](Value item) -> Status {
        out.push_back(EDDY_TRY(to_double(in, item)));
        return rt::ok();
    });
    EDDY_CHECK(walked);
    return out;
}

Result<Value> math_fsum(Interp& in, Args args) {
    std::vector<double> items = EDDY_TRY(floats_of(in, args[0]));
    return Value::from_float(EDDY_TRY(exact_sum(in, items)));
}

// vector_norm: the Euclidean norm of non-negative finite values with a lossless scaled sum of
// squares (fma gives each square exactly) and one Newton correction of the square root.
double vector_norm(std::vector<double>& vec, double max, bool found_nan) {
    if (std::isinf(max)) return max;
    if (found_nan) return NAN;
    if (max == 0.0 || vec.size() <= 1) return max;
    int max_e;
    std::frexp(max, &max_e);
    if (max_e < -1023) {
        for (double& x : vec) x /= DBL_MIN;
        return DBL_MIN * vector_norm(vec, max / DBL_MIN, found_nan);
    }
    double scale = std::ldexp(1.0, -max_e);
    double csum = 1.0, frac1 = 0.0, frac2 = 0.0;
    for (double x : vec) {
        x *= scale;
        double pr_hi = x * x, pr_lo = std::fma(x, x, -pr_hi);
        double sm_hi = csum + pr_hi, sm_lo = (csum - sm_hi) + pr_hi;
        csum = sm_hi;
        frac1 += pr_lo;
        frac2 += sm_lo;
    }
    double h = std::sqrt(csum - 1.0 + (frac1 + frac2));
    double pr_hi = -h * h, pr_lo = std::fma(-h, h, -pr_hi);
    double sm_hi = csum + pr_hi, sm_lo = (csum - sm_hi) + pr_hi;
    csum = sm_hi;
    frac1 += pr_lo;
    frac2 += sm_lo;
    double x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    return h / scale;
}

Result<Value> math_hypot(Interp& in, Args args) {
    auto* items = args[0].as<rt::Tuple>();
    std::vector<double> vec;
    double max = 0.0;
    bool found_nan = false;
    for (Value v : items->span()) {
        double x = std::fabs(EDDY_TRY(to_double(in, v)));
        vec.push_back(x);
        found_nan |= std::isnan(x);
        if (x > max) max = x;
    }
    return Value::from_float(vector_norm(vec, max, found_nan));
}

Result<Value> math_dist(Interp& in, Args args) {
    std::vector<double> p = EDDY_TRY(floats_of(in, args[0]));
    std::vector<double> q = EDDY_TRY(floats_of(in, args[1]));
    if (p.size() != q.size())
        return in.raise(in.exc.ValueError, "both points must have the same number of dimensions");
    double max = 0.0;
    bool found_nan = false;
    for (size_t i = 0; i < p.size(); i++) {
        p[i] = std::fabs(p[i] - q[i]);
        found_nan |= std::isnan(p[i]);
        if (p[i] > max) max = p[i];
    }
    return Value::from_float(vector_norm(p, max, found_nan));
}

} // namespace

void add_math_integer_functions(Interp& in, rt::Module* module) {
    rt::add_functions(in, module, {
        {"floor(x, /)", math_floor},
        {"ceil(x, /)", math_ceil},
        {"trunc(x, /)", math_trunc},
        {"gcd(*integers)", math_gcd},
        {"lcm(*integers)", math_lcm},
        {"factorial(n, /)", math_factorial},
        {"comb(n, k, /)", math_comb},
        {"perm(n, k=None, /)", math_perm},
        {"isqrt(n, /)", math_isqrt},
        {"prod(iterable, /, *, start=1)", math_prod},
        {"fsum(seq, /)", math_fsum},
        {"hypot(*coordinates)", math_hypot},
        {"dist(p, q, /)", math_dist},
    });
}

} // namespace eddy::lib
