// parser/ast_dump.hpp: renders a syntax tree exactly as CPython 3.11's `ast.dump(tree)` does
// (field names, no attributes), so tests can compare eddy's parser with the oracle's text.
#pragma once

#include <string>

#include "parser/ast.hpp"

namespace eddy::ast {

// With include_attributes, every node that has a location also shows lineno, col_offset,
// end_lineno and end_col_offset, as `ast.dump(tree, include_attributes=True)` does.
std::string dump(const Module& module, bool include_attributes = false);
std::string dump(const Expr* expr, bool include_attributes = false);

// Python's repr() of a float ("0.1", "1e-05", "inf"), also used for imaginary parts.
std::string float_repr(double value);

} // namespace eddy::ast
