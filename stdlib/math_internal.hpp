// stdlib/math_internal.hpp: how math.cpp and math_integer.cpp split the math module.
#pragma once

#include "lib_util.hpp"

namespace eddy::lib {

// Adds floor, ceil, trunc, gcd, lcm, factorial, comb, perm, isqrt, prod, fsum, hypot, dist.
void add_math_integer_functions(Interp& in, rt::Module* module);

} // namespace eddy::lib
