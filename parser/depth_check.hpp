// parser/depth_check.hpp: rejects syntax trees nested deeper than parse::MaxExprDepth, so that
// the recursive passes after the parser (compiler, dumper) can never overflow the C++ stack.
#pragma once

#include "parser/ast.hpp"

namespace eddy::parse {

struct ErrorState;

// Walks the tree iteratively; records a SyntaxError at the first node that is too deep.
void check_depth(const ast::Module& module, ErrorState& err);

} // namespace eddy::parse
