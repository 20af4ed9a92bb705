// parser/parse.hpp: the front end's one entry point. Runs the re2c lexer and the Bison parser over
// a source buffer, then the checking pass that rejects what the LALR grammar let through
// (bad assignment targets, misplaced `*`, `return` outside a function is left to the compiler).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "ast.hpp"

namespace eddy::parse {

// What the source is: a whole file, one interactive statement (REPL), or an eval() expression.
enum class Mode { File, Interactive, Eval };

// A SyntaxError (or IndentationError / TabError) as CPython reports it. `text` is the offending
// source line without its newline; columns are 1-based like CPython's SyntaxError.offset.
struct SyntaxErrorInfo {
    enum class Kind { SyntaxError, IndentationError, TabError } kind = Kind::SyntaxError;
    std::string msg;
    std::string filename;
    int line = 0, col = 0, end_line = 0, end_col = 0;
    std::string text;
    // True when the input ended while a bracket, block or triple-quoted string was still open:
    // the REPL shows `... ` and reads more instead of reporting the error.
    bool incomplete = false;
};

using ParseResult = std::variant<ast::Module, SyntaxErrorInfo>;

// In Eval mode the module body holds one ExprStmt.
ParseResult parse(std::string_view source, std::string_view filename, Mode mode = Mode::File);

// Deepest bracket / expression / block nesting accepted before a SyntaxError
// ("too many nested parentheses"), so a hostile input can never overflow the C++ stack.
inline constexpr int MaxNesting = 200;

// Deepest AST (statements and expressions counted together) accepted before a SyntaxError,
// so that recursive passes over the tree (compiler, ast::dump) stay within the C++ stack.
// Brackets alone stop at MaxNesting; this bounds `-----x` and `1+1+...+1` chains.
inline constexpr int MaxExprDepth = 1000;

} // namespace eddy::parse
