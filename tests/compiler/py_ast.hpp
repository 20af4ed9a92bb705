// tests/compiler/py_ast.hpp: parses Python source with CPython (python3 + py_ast_dump.py) into an
// eddy AST, so compiler tests can use real source independently of eddy's own parser.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parser/ast.hpp"
#include "parser/parse.hpp"

namespace eddy::test {

bool python_available();

// nullopt when python3 fails (then *error holds its stderr, e.g. a SyntaxError).
std::optional<ast::Module> python_parse(std::string_view source, parse::Mode mode, std::string* error);

// Parses whole files in one python3 run; one entry per path, nullopt where CPython rejects it.
// Empty if python3 could not be run.
std::vector<std::optional<ast::Module>> python_parse_files(const std::vector<std::string>& paths);

} // namespace eddy::test
