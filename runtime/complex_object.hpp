// runtime/complex_object.hpp: Python complex, a boxed pair of doubles (CPython's PyComplexObject).
#pragma once

#include "object.hpp"

namespace eddy::rt {

struct ComplexObj : Obj {
    double real = 0.0;
    double imag = 0.0;
};

Value make_complex(Interp& in, double real, double imag);
bool is_complex(const Interp& in, Value v);
// repr(complex) as CPython: "(1+2j)", "2j", "(-0-1j)", "(nan+infj)".
std::string complex_repr(double real, double imag);

} // namespace eddy::rt
