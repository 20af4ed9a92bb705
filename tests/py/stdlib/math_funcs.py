# math: values, integer functions, fsum/hypot exactness, errors with CPython's messages.
import math
print(math.sqrt(2), math.exp(1.5), math.log(10), math.log(1024, 2), math.log(100, 10), math.log2(3))
print(math.log10(2), math.log1p(1e-10), math.expm1(1e-10), math.log(2 ** 2000), math.log10(10 ** 500))
print(math.sin(1), math.cos(1), math.tan(1), math.asin(0.5), math.acos(0.5), math.atan(2), math.atan2(-1, -1))
print(math.sinh(1), math.cosh(1), math.tanh(0.5), math.asinh(1), math.acosh(2), math.atanh(0.5))
print(math.hypot(3, 4), math.hypot(1, 2, 3), math.hypot(), math.hypot(1e200, 1e200), math.dist((0, 0), (3, 4)))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print(math.floor(-3.5), math.ceil(-3.5), math.trunc(3.9), math.floor(7), math.ceil(True), math.floor(2 ** 70 + 0.5))
print(math.gcd(), math.gcd(12), math.gcd(12, 18, 27), math.lcm(), math.lcm(4, 6, 10), math.lcm(0, 5))
print(math.factorial(25), math.comb(50, 25), math.comb(5, 7), math.perm(6), math.perm(6, 2), math.isqrt(2 ** 101))
print(math.prod(range(1, 21)), math.prod([1.5, 2]), math.prod([], start=7), math.prod(range(1, 30)))
print(math.degrees(1), math.radians(90), math.copysign(2, -1), math.fabs(-0.5), math.fmod(7, -3), math.remainder(7, 3))
print(math.modf(-2.5), math.frexp(0.1), math.ldexp(3, -2), math.isclose(1e-10, 0, abs_tol=1e-9))
print(math.gamma(5), math.gamma(1), math.lgamma(1), math.erf(0.5), math.erfc(0.5))
print(math.isinf(-math.inf), math.isnan(float("nan")), math.isfinite(math.nan), math.pow(2, 0.5), math.pow(-8, 1 / 3) if False else 0)
print(math.nextafter(1, 2), math.ulp(1.0), math.cbrt(27) if hasattr(math, "cbrt") else 3.0)
class Num:
    def __floor__(self): return "floor!"
    def __ceil__(self): return "ceil!"
    def __trunc__(self): return "trunc!"
print(math.floor(Num()), math.ceil(Num()), math.trunc(Num()))
for bad in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-5, 2), lambda: math.log(5, 1),
            lambda: math.acos(2), lambda: math.exp(1000), lambda: math.pow(0, -1), lambda: math.pow(10, 400),
            lambda: math.factorial(-1), lambda: math.factorial(2.5), lambda: math.comb(-1, 1),
            lambda: math.isqrt(-4), lambda: math.floor(math.inf), lambda: math.floor(math.nan),
            lambda: math.sqrt("4"), lambda: math.trunc("x"), lambda: math.fsum([math.inf, -math.inf]),
            lambda: math.gamma(0), lambda: math.ldexp(1.0, 5000), lambda: math.fmod(1, 0),
            lambda: math.isclose(1, 2, rel_tol=-1), lambda: math.dist([1], [1, 2])]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
