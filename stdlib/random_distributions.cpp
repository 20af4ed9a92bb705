// stdlib/random_distributions.cpp: the real-valued distributions of random.Random, transcribed
// from CPython 3.11's Lib/random.py in the same order of random() draws and the same floating
// point operations, so results agree to the last bit.
#include <cmath>
#include <numbers>

#include "native.hpp"
#include "ops.hpp"
#include "random_internal.hpp"

namespace eddy::lib {

namespace {

constexpr double TwoPi = 2.0 * std::numbers::pi;
const double NvMagicConst = 4 * std::exp(-0.5) / std::sqrt(2.0);
const double Log4 = std::log(4.0);
const double SgMagicConst = 1.0 + std::log(4.5);

RandomObj* self_of(Args args) { return args[0].as<RandomObj>(); }
double draw(Args args) { return self_of(args)->mt.next_double(); }

// Python's float % (float_rem): the result takes the sign of the divisor.
double py_mod(double x, double y) {
    double m = std::fmod(x, y);
    if (m != 0.0) {
        if ((y < 0) != (m < 0)) m += y;
    } else {
        m = std::copysign(0.0, y);
    }
    return m;
}

Result<Value> random_uniform(Interp& in, Args args) {
    // a + (b - a) * random(); an int difference is exact before it meets the float.
    Value diff = EDDY_TRY(rt::binary_op(in, args[2], args[1], vm::BinOp::Sub));
    double a = EDDY_TRY(to_double(in, args[1]));
    double d = EDDY_TRY(to_double(in, diff));
    return Value::from_float(a + d * draw(args));
}

Result<Value> random_triangular(Interp& in, Args args) {
    double u = draw(args);
    double low = EDDY_TRY(to_double(in, args[1]));
    double high = EDDY_TRY(to_double(in, args[2]));
    double c = 0.5;
    if (!args[3].is_none()) {
        double mode = EDDY_TRY(to_double(in, args[3]));
        if (high - low == 0.0) return args[1];   // ZeroDivisionError: return low
        c = (mode - low) / (high - low);
    }
    if (u > c) {
        u = 1.0 - u;
        c = 1.0 - c;
        std::swap(low, high);
    }
    return Value::from_float(low + (high - low) * std::sqrt(u * c));
}

Result<Value> random_gauss(Interp& in, Args args) {
    RandomObj* self = self_of(args);
    double mu = EDDY_TRY(to_double(in, args[1]));
    double sigma = EDDY_TRY(to_double(in, args[2]));
    Value cached = self->gauss_next;
    self->gauss_next = Value::none();
    double z;
    if (cached.is_none()) {
        double x2pi = self->mt.next_double() * TwoPi;
        double g2rad = std::sqrt(-2.0 * std::log(1.0 - self->mt.next_double()));
        z = std::cos(x2pi) * g2rad;
        self->gauss_next = Value::from_float(std::sin(x2pi) * g2rad);
    } else {
        z = EDDY_TRY(to_double(in, cached));
    }
    return Value::from_float(mu + z * sigma);
}

// Kinderman and Monahan's ratio-of-uniforms method, as Lib/random.py.
double normal_draw(MersenneTwister& mt) {
    for (;;) {
        double u1 = mt.next_double();
        double u2 = 1.0 - mt.next_double();
        double z = NvMagicConst * (u1 - 0.5) / u2;
        double zz = z * z / 4.0;
        if (zz <= -std::log(u2)) return z;
    }
}

Result<Value> random_normalvariate(Interp& in, Args args) {
    double mu = EDDY_TRY(to_double(in, args[1]));
    double sigma = EDDY_TRY(to_double(in, args[2]));
    double z = normal_draw(self_of(args)->mt);
    return Value::from_float(mu + z * sigma);
}

Result<Value> random_lognormvariate(Interp& in, Args args) {
    double mu = EDDY_TRY(to_double(in, args[1]));
    double sigma = EDDY_TRY(to_double(in, args[2]));
    double z = normal_draw(self_of(args)->mt);
    return Value::from_float(std::exp(mu + z * sigma));
}

Result<Value> random_expovariate(Interp& in, Args args) {
    double lambd = EDDY_TRY(to_double(in, args[1]));
    double x = -std::log(1.0 - draw(args));
    if (lambd == 0.0) return in.raise(in.exc.ZeroDivisionError, "float division by zero");
    return Value::from_float(x / lambd);
}

Result<Value> random_vonmisesvariate(Interp& in, Args args) {
    double mu = EDDY_TRY(to_double(in, args[1]));
    double kappa = EDDY_TRY(to_double(in, args[2]));
    MersenneTwister& mt = self_of(args)->mt;
    if (kappa <= 1e-6) return Value::from_float(TwoPi * mt.next_double());
    double s = 0.5 / kappa;
    double r = s + std::sqrt(1.0 + s * s);
    double z;
    for (;;) {
        double u1 = mt.next_double();
        z = std::cos(std::numbers::pi * u1);
        double d = z / (r + z);
        double u2 = mt.next_double();
        if (u2 < 1.0 - d * d || u2 <= (1.0 - d) * std::exp(d)) break;
    }
    double q = 1.0 / r;
    double f = (q + z) / (1.0 + q * z);
    double u3 = mt.next_double();
    double theta = u3 > 0.5 ? py_mod(mu + std::acos(f), TwoPi) : py_mod(mu - std::acos(f), TwoPi);
    return Value::from_float(theta);
}

// gammavariate's three regimes (Cheng 1977, exponential, Kennedy & Gentle's GS).
Result<double> gamma_draw(Interp& in, MersenneTwister& mt, double alpha, double beta) {
    if (alpha <= 0.0 || beta <= 0.0)
        return in.raise(in.exc.ValueError, "gammavariate: alpha and beta must be > 0.0");
    if (alpha > 1.0) {
        double ainv = std::sqrt(2.0 * alpha - 1.0);
        double bbb = alpha - Log4;
        double ccc = alpha + ainv;
        for (;;) {
            double u1 = mt.next_double();
            if (!(1e-7 < u1 && u1 < 0.9999999)) continue;
            double u2 = 1.0 - mt.next_double();
            double v = std::log(u1 / (1.0 - u1)) / ainv;
            double x = alpha * std::exp(v);
            double z = u1 * u1 * u2;
            double r = bbb + ccc * v - x;
            if (r + SgMagicConst - 4.5 * z >= 0.0 || r >= std::log(z)) return x * beta;
        }
    }
    if (alpha == 1.0) return -std::log(1.0 - mt.next_double()) * beta;
    double x;
    for (;;) {
        double u = mt.next_double();
        double b = (std::numbers::e + alpha) / std::numbers::e;
        double p = b * u;
        x = p <= 1.0 ? std::pow(p, 1.0 / alpha) : -std::log((b - p) / alpha);
        double u1 = mt.next_double();
        if (p > 1.0) {
            if (u1 <= std::pow(x, alpha - 1.0)) break;
        } else if (u1 <= std::exp(-x)) {
            break;
        }
    }
    return x * beta;
}

Result<Value> random_gammavariate(Interp& in, Args args) {
    double alpha = EDDY_TRY(to_double(in, args[1]));
    double beta = EDDY_TRY(to_double(in, args[2]));
    return Value::from_float(EDDY_TRY(gamma_draw(in, self_of(args)->mt, alpha, beta)));
}

Result<Value> random_betavariate(Interp& in, Args args) {
    double alpha = EDDY_TRY(to_double(in, args[1]));
    double beta = EDDY_TRY(to_double(in, args[2]));
    MersenneTwister& mt = self_of(args)->mt;
    double y = EDDY_TRY(gamma_draw(in, mt, alpha, 1.0));
    if (y == 0.0) return Value::from_float(0.0);
    double other = EDDY_TRY(gamma_draw(in, mt, beta, 1.0));
    return Value::from_float(y / (y + other));
}

Result<Value> random_paretovariate(Interp& in, Args args) {
    double alpha = EDDY_TRY(to_double(in, args[1]));
    double u = 1.0 - draw(args);
    return Value::from_float(std::pow(u, -1.0 / alpha));
}

Result<Value> random_weibullvariate(Interp& in, Args args) {
    double alpha = EDDY_TRY(to_double(in, args[1]));
    double beta = EDDY_TRY(to_double(in, args[2]));
    double u = 1.0 - draw(args);
    return Value::from_float(alpha * std::pow(-std::log(u), 1.0 / beta));
}

} // namespace

void add_random_distribution_methods(Interp& in, Type* type) {
    rt::add_methods(in, type, {
        {"uniform(self, a, b)", random_uniform},
        {"triangular(self, low=0.0, high=1.0, mode=None)", random_triangular},
        {"gauss(self, mu=0.0, sigma=1.0)", random_gauss},
        {"normalvariate(self, mu=0.0, sigma=1.0)", random_normalvariate},
        {"lognormvariate(self, mu, sigma)", random_lognormvariate},
        {"expovariate(self, lambd)", random_expovariate},
        {"vonmisesvariate(self, mu, kappa)", random_vonmisesvariate},
        {"gammavariate(self, alpha, beta)", random_gammavariate},
        {"betavariate(self, alpha, beta)", random_betavariate},
        {"paretovariate(self, alpha)", random_paretovariate},
        {"weibullvariate(self, alpha, beta)", random_weibullvariate},
    });
}

} // namespace eddy::lib
