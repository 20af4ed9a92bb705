// compiler/compile.hpp: the compiler's one entry point: a scope pass (symtable.cpp, CPython's
// local/global/nonlocal/cell/free analysis) then code generation into vm::Code. Reports the
// errors CPython's compiler reports ("'return' outside function", "no binding for nonlocal 'x'
// found", ...) as a SyntaxErrorInfo; never touches the GC heap.
#pragma once

#include <memory>
#include <variant>

#include "parser/ast.hpp"
#include "parser/parse.hpp"
#include "vm/bytecode.hpp"

namespace eddy::comp {

using CompileResult = std::variant<std::shared_ptr<vm::Code>, parse::SyntaxErrorInfo>;

// Mode::File compiles a module body (names are LOAD_NAME/STORE_NAME, returns None);
// Mode::Interactive also echoes expression statements with PRINT_EXPR; Mode::Eval returns the
// value of the single expression. `source` is used only for the text of error lines.
CompileResult compile(const ast::Module& module, std::string_view filename, parse::Mode mode,
                      std::string_view source);

} // namespace eddy::comp
