// parser/parse.cpp: the front end's entry point. Wires lexer → Bison parser → Builder checks,
// turns the first recorded error into a CPython-style SyntaxErrorInfo, and holds the custom
// syntax-error reporter that picks CPython's wording from the parser's expected-token set.
#include "parser/parse.hpp"

#include <algorithm>
#include <vector>

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

// What Bison knows at a syntax error: the unexpected token, where it is, what would fit.
struct SyntaxReport {
    Parser::symbol_kind_type token;
    Location at;
    std::vector<Parser::symbol_kind_type> expected;

    bool expects(Parser::symbol_kind_type k) const {
        return std::find(expected.begin(), expected.end(), k) != expected.end();
    }
};

// Errors about blocks and layout: indentation, missing ':' / except, input ending early.
bool describe_block_error(const lex::Lexer& lexer, Builder& b, const SyntaxReport& r) {
    ErrorState& err = b.err();
    using K = SyntaxErrorInfo::Kind;
    bool at_end = r.token == Kind::S_YYEOF || r.token == Kind::S_DEDENT;
    // At the end of a block CPython points just past its last token.
    Location before = at_end ? lexer.previous_location() : r.at;
    if (r.token == Kind::S_INDENT) {
        err.fail(r.at, "unexpected indent", K::IndentationError);
        err.col_is_offset = true;
        return true;
    }
    if (r.expected.size() == 1 && r.expected[0] == Kind::S_INDENT) {
        const lex::BlockHeader& h = lexer.last_header();
        err.fail(before, "expected an indented block after " + h.what + " on line " +
                             std::to_string(h.line), K::IndentationError);
        // A nested header at the end of the input meets the DEDENTs closing the outer blocks
        // first: the prompt must still wait for its body.
        err.incomplete = r.token == Kind::S_YYEOF || (b.mode() == Mode::Interactive && at_end);
        return true;
    }
    if (r.expects(Kind::S_EXCEPT) && r.expects(Kind::S_FINALLY) && !r.expects(Kind::S_ELSE)) {
        err.fail(before, "expected 'except' or 'finally' block");
        err.incomplete = r.token == Kind::S_YYEOF;
        return true;
    }
    if (r.token == Kind::S_YYEOF) {
        err.fail(r.at, "unexpected EOF while parsing");
        err.incomplete = true;
        return true;
    }
    if (r.token == Kind::S_NEWLINE && r.expects(Kind::S_COLON) &&
        lexer.last_header().line == r.at.begin.line) {
        err.fail(r.at, "expected ':'");
        return true;
    }
    if (b.mode() == Mode::Interactive && r.expected.size() == 1 &&
        r.expected[0] == Kind::S_YYEOF) {
        err.fail(r.at, "multiple statements found while compiling a single statement");
        return true;
    }
    return false;
}

// Errors CPython recognizes from the tokens around the failure point.
bool describe_token_error(const lex::Lexer& lexer, const SyntaxReport& r, ErrorState& err) {
    Parser::symbol_kind_type prev = lexer.recent_kind(1);
    const Location& prev_at = lexer.recent_location(1);
    std::string prefix = lexer.in_fstring_field() ? "f-string: " : "";
    // print 'hello' / exec 'code': Python 2 statements.
    std::string_view prev_text = prev == Kind::S_NAME ? lexer.text_of(prev_at) : "";
    if ((prev_text == "print" || prev_text == "exec") && starts_expression(r.token) &&
        r.token != Kind::S_LPAR) {
        std::string name(prev_text);
        err.fail({prev_at.begin, r.at.end}, "Missing parentheses in call to '" + name +
                                                "'. Did you mean " + name + "(...)?");
        return true;
    }
    // if x = 1: / [x = 1] -- where CPython parses a named expression.
    Parser::symbol_kind_type first = lexer.line_start_kind();
    bool named_context = lexer.bracket_depth() > 0 || first == Kind::S_IF ||
                         first == Kind::S_ELIF || first == Kind::S_WHILE;
    if (r.token == Kind::S_EQUAL && prev == Kind::S_NAME && lexer.recent_kind(2) != Kind::S_DOT &&
        named_context) {
        err.fail(prev_at, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        return true;
    }
    if (r.token == Kind::S_NEWLINE && prev == Kind::S_COMMA &&
        lexer.line_start_kind() == Kind::S_FROM) {
        err.fail(r.at, "trailing comma not allowed without surrounding parentheses");
        return true;
    }
    bool opener = r.token == Kind::S_LPAR || r.token == Kind::S_LSQB || r.token == Kind::S_LBRACE;
    int depth = lexer.bracket_depth() - (opener ? 1 : 0);
    if (depth > 0 && !lexer.in_parameter_list() && starts_expression(r.token) &&
        ends_expression(prev) && !(prev == Kind::S_NAME && r.token == Kind::S_STRING)) {
        err.fail({prev_at.begin, r.at.end}, prefix + "invalid syntax. Perhaps you forgot a comma?");
        return true;
    }
    if (r.expects(Kind::S_ELSE) && !r.expects(Kind::S_ELIF) && prev != Kind::S_NEWLINE &&
        prev != Kind::S_DEDENT) {
        err.fail(r.at, "expected 'else' after 'if' expression");
        return true;
    }
    return false;
}

} // namespace

// Called by Bison (parse.error custom) on an unexpected token. The expected set and the lexer's
// recent tokens decide which of CPython's messages applies; "invalid syntax" is the fallback.
void Parser::report_syntax_error(const context& ctx) const {
    ErrorState& err = b.err();
    if (err.set) return;
    symbol_kind_type tok = ctx.token();
    Location at = ctx.location();
    if (tok == Kind::S_NEWLINE) at.end = at.begin;   // see Lexer::newline_loc
    symbol_kind_type expected[YYNTOKENS];
    int n = ctx.expected_tokens(expected, YYNTOKENS);
    SyntaxReport report{tok, at, {expected, expected + n}};
    if (describe_block_error(lexer, b, report) || describe_token_error(lexer, report, err)) return;
    err.fail(at, lexer.in_fstring_field() ? "f-string: invalid syntax" : "invalid syntax");
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
