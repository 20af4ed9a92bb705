// parser/ast_dump.hpp: renders a syntax tree exactly as CPython 3.11's `ast.dump(tree)` does
// (field names, no attributes), so tests can compare eddy's parser with the oracle's text.
#pragma once

#include <string>

#include "parser/ast.hpp"

namespace eddy::ast {

std::string dump(const Module& module);
std::string dump(const Expr* expr);

// Python's repr() of a float ("0.1", "1e-05", "inf"), also used for imaginary parts.
std::string float_repr(double value);

} // namespace eddy::ast
