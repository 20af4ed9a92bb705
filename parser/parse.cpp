// parser/parse.cpp: the front end's entry point. Wires lexer → Bison parser → Builder checks,
// turns the first recorded error into a CPython-style SyntaxErrorInfo, and holds the custom
// syntax-error reporter that picks CPython's wording from the parser's expected-token set.
#include "parser/parse.hpp"

#include <algorithm>

#include "lexer/lexer.hpp"
#include "parser/builder.hpp"
#include "parser/depth_check.hpp"
#include "parser/grammar.hpp"

namespace eddy::parse {

namespace {

using Kind = Parser::symbol_kind;

bool starts_expression(Parser::symbol_kind_type k) {
    switch (k) {
    case Kind::S_NAME: case Kind::S_NUMBER: case Kind::S_STRING: case Kind::S_FSTRING_START:
    case Kind::S_LPAR: case Kind::S_LSQB: case Kind::S_LBRACE: case Kind::S_NONE:
    case Kind::S_TRUE: case Kind::S_FALSE: case Kind::S_LAMBDA: case Kind::S_NOT:
    case Kind::S_AWAIT: case Kind::S_ELLIPSIS: case Kind::S_TILDE:
        return true;
    default:
        return false;
    }
}

bool ends_expression(Parser::symbol_kind_type k) {
    switch (k) {
    case Kind::S_NAME: case Kind::S_NUMBER: case Kind::S_STRING: case Kind::S_FSTRING_END:
    case Kind::S_RPAR: case Kind::S_RSQB: case Kind::S_RBRACE: case Kind::S_NONE:
    case Kind::S_TRUE: case Kind::S_FALSE: case Kind::S_ELLIPSIS:
        return true;
    default:
        return false;
    }
}

// Byte column → CPython's 1-based character offset within `line`.
int char_offset(std::string_view line, int byte_col) {
    int chars = 0;
    for (int i = 0; i < byte_col && i < static_cast<int>(line.size()); ++i)
        if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++chars;
    if (byte_col > static_cast<int>(line.size())) chars += byte_col - static_cast<int>(line.size());
    return chars + 1;
}

SyntaxErrorInfo to_info(const ErrorState& err, const lex::Lexer& lexer, std::string_view file) {
    SyntaxErrorInfo info;
    info.kind = err.kind;
    info.msg = err.msg;
    info.filename = std::string(file);
    info.incomplete = err.incomplete;
    info.line = std::max(err.loc.begin.line, 1);
    info.text = std::string(lexer.line_text(info.line));
    info.col = err.col_is_offset ? err.loc.begin.col : char_offset(info.text, err.loc.begin.col);
    info.end_line = std::max(err.loc.end.line, info.line);
    info.end_col = char_offset(lexer.line_text(info.end_line), err.loc.end.col);
    return info;
}

} // namespace

// Called by Bison (parse.error custom) on an unexpected token. The expected set and the lexer's
// recent history decide which of CPython's messages applies; "invalid syntax" is the fallback.
void Parser::report_syntax_error(const context& ctx) const {
    ErrorState& err = b.err();
    if (err.set) return;
    symbol_kind_type tok = ctx.token();
    Location at = ctx.location();
    symbol_kind_type expected[YYNTOKENS];
    int n = ctx.expected_tokens(expected, YYNTOKENS);
    auto expects = [&](symbol_kind_type k) { return std::find(expected, expected + n, k) != expected + n; };
    using K = SyntaxErrorInfo::Kind;

    if (tok == Kind::S_INDENT) {
        err.fail(at, "unexpected indent", K::IndentationError);
        err.col_is_offset = true;
        return;
    }
    if (n == 1 && expected[0] == Kind::S_INDENT) {
        const lex::BlockHeader& h = lexer.last_header();
        // At the end of input CPython points just past the header, where the block is missing.
        if (tok == Kind::S_YYEOF || tok == Kind::S_DEDENT) at = lexer.previous_location();
        err.fail(at, "expected an indented block after " + h.what + " on line " +
                         std::to_string(h.line), K::IndentationError);
        err.incomplete = tok == Kind::S_YYEOF;
        return;
    }
    if (tok == Kind::S_YYEOF) {
        err.fail(at, "unexpected EOF while parsing");
        err.incomplete = true;
        return;
    }
    if (tok == Kind::S_NEWLINE && expects(Kind::S_COLON) &&
        lexer.last_header().line == at.begin.line) {
        err.fail(at, "expected ':'");
        return;
    }
    if (b.mode() == Mode::Interactive && n == 1 && expected[0] == Kind::S_YYEOF) {
        err.fail(at, "multiple statements found while compiling a single statement");
        return;
    }
    bool opener = tok == Kind::S_LPAR || tok == Kind::S_LSQB || tok == Kind::S_LBRACE;
    int depth = lexer.bracket_depth() - (opener ? 1 : 0);
    symbol_kind_type prev = lexer.previous_kind();
    if (depth > 0 && starts_expression(tok) && ends_expression(prev) &&
        !(prev == Kind::S_NAME && tok == Kind::S_STRING)) {
        err.fail({lexer.previous_location().begin, at.end},
                 "invalid syntax. Perhaps you forgot a comma?");
        return;
    }
    if (expects(Kind::S_ELSE) && !expects(Kind::S_ELIF) && prev != Kind::S_NEWLINE &&
        prev != Kind::S_DEDENT) {
        err.fail(at, "expected 'else' after 'if' expression");
        return;
    }
    err.fail(at, "invalid syntax");
}

// Reached only for Bison-internal failures (e.g. "memory exhausted").
void Parser::error(const location_type& loc, const std::string& msg) {
    b.err().fail(loc, msg);
}

ParseResult parse(std::string_view source, std::string_view filename, Mode mode) {
    ErrorState err;
    ast::Module module;
    lex::Lexer lexer(source, mode, err);
    Builder builder(module, err, mode);
    Parser parser(lexer, builder);
    int rc = parser.parse();
    if (rc == 0 && !err.set) builder.check_unclaimed_with_items();
    if (rc == 0 && !err.set) check_depth(module, err);
    if (rc != 0 && !err.set) err.fail({}, "invalid syntax");
    if (err.set) return to_info(err, lexer, filename);
    return module;
}

} // namespace eddy::parse
