// lexer/lexer.hpp: the re2c scanner's interface. Turns one source buffer into Bison symbols
// (kinds from the generated parser/grammar.hpp, never a copy): NEWLINE/INDENT/DEDENT by Python's
// rules, f-strings split into START/MIDDLE/END with their fields tokenized as code, `not in` and
// `is not` fused. On bad input it records the SyntaxError in the shared ErrorState and returns
// YYerror, so the parser stops without a second message.
#pragma once

#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parser/grammar.hpp"
#include "parser/parse.hpp"

namespace eddy::lex {

using Symbol = parse::Parser::symbol_type;
using SymbolKind = parse::Parser::symbol_kind_type;

// The block statement whose header a missing indented block belongs to.
struct BlockHeader {
    std::string what;   // "'if' statement", "function definition", ...
    int line = 0;
};

class Lexer {
public:
    Lexer(std::string_view source, parse::Mode mode, parse::ErrorState& err);

    // The next token. After an error, or at the end, it keeps returning the same kind.
    Symbol next();

    // Line `line` (1-based) of the (newline-normalized) source, without its newline.
    std::string_view line_text(int line) const;
    int bracket_depth() const { return static_cast<int>(m_brackets.size()); }
    const BlockHeader& last_header() const { return m_header; }
    // Recent tokens handed out: back = 0 is the latest (the parser's lookahead), 1 the one
    // before it, 2 the one before that.
    SymbolKind recent_kind(int back) const { return m_recent[back].kind; }
    const parse::Location& recent_location(int back) const { return m_recent[back].loc; }
    SymbolKind previous_kind() const { return recent_kind(1); }
    const parse::Location& previous_location() const { return recent_location(1); }
    // The first token of the current logical line.
    SymbolKind line_start_kind() const { return m_line_start_kind; }
    // True inside a def's parameter list (where "forgot a comma?" does not apply).
    bool in_parameter_list() const { return !m_brackets.empty() && m_brackets.back().params; }
    // True inside the expression part of an f-string field.
    bool in_fstring_field() const {
        return !m_modes.empty() && m_modes.back().kind == ModeKind::FExpr;
    }
    // The source text of a token's span when it lies on one line (error messages quote names).
    std::string_view text_of(const parse::Location& at) const;

private:
    enum class ModeKind { FString, FExpr, FSpec };
    struct Mode {           // one level of the f-string mode stack
        ModeKind kind;
        char quote = '\'';
        bool triple = false, raw = false;
        size_t depth = 0;                    // FExpr/FSpec: bracket depth of the field's `{`
        const unsigned char* expr_start = nullptr;   // FExpr: just after the `{`
        parse::Pos start;                    // FString: where the literal began
    };
    struct Bracket {
        char ch;
        parse::Pos at;
        bool params = false;    // the `(` of `def name(`
    };
    struct Recent {
        SymbolKind kind = parse::Parser::symbol_kind::S_YYEMPTY;
        parse::Location loc;
    };

    Symbol take();
    Symbol scan();
    std::optional<Symbol> scan_code();
    std::optional<Symbol> indentation();
    Symbol at_eof();
    Symbol string_start();
    Symbol plain_string(const parse::Pos& begin, char quote, bool triple, bool raw, bool bytes);
    Symbol fstring_text();
    Symbol format_spec_text();
    Symbol open_field(char ch);
    Symbol number(int base, bool is_float, bool is_imag);
    Symbol open_bracket(char ch);
    Symbol close_bracket(char ch);
    Symbol invalid_character();
    Symbol name_token();
    bool decode_escape(const unsigned char*& p, std::string& out, bool bytes);
    Symbol escape_error(const unsigned char* backslash, const unsigned char* end,
                        const char* what, bool bytes);
    bool fexpr_top() const;
    const Mode* enclosing_fstring() const;
    Symbol unterminated(const parse::Pos& begin, bool triple);
    Symbol fstring_error(const char* msg);
    void note(const Symbol& s);

    void new_line(const unsigned char* line_start);
    parse::Pos pos(const unsigned char* p) const;
    parse::Location token_loc() const { return {pos(m_tok), pos(m_cur)}; }
    parse::Location layout_loc() const;
    parse::Location newline_loc(const unsigned char* at) const;
    Symbol fail(const parse::Location& at, std::string msg, bool incomplete = false);

    parse::ErrorState& m_err;
    parse::Mode m_mode;
    std::string m_buf;                     // normalized source; c_str() supplies the NUL sentinel
    const unsigned char* m_base = nullptr;
    const unsigned char* m_limit = nullptr; // the sentinel
    const unsigned char* m_cur = nullptr;   // YYCURSOR
    const unsigned char* m_tok = nullptr;   // start of the token being scanned
    const unsigned char* m_line_start = nullptr;
    int m_line = 1;
    bool m_started = false;
    bool m_at_line_start = true;           // measure indentation before the next token
    bool m_line_has_tokens = false;        // a NEWLINE is due at the end of this line
    bool m_async_first = false;            // the logical line began with `async`
    int m_pending_dedents = 0;
    std::vector<int> m_indents{0};
    std::vector<int> m_alt_indents{0};     // the same levels with tabs counted as one column
    std::vector<Bracket> m_brackets;
    std::vector<Mode> m_modes;
    std::deque<Symbol> m_pending;          // tokens read ahead while fusing `not in`/`is not`
    BlockHeader m_header;
    Recent m_recent[3];
    SymbolKind m_line_start_kind = parse::Parser::symbol_kind::S_YYEMPTY;
    const unsigned char* m_comment_at = nullptr;   // a comment seen on the current line
    const unsigned char* m_body_start = nullptr;   // the string body being decoded
    parse::Pos m_last_real_end;            // end of the latest token that is not layout
};

} // namespace eddy::lex
