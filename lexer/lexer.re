// lexer/lexer.re: eddy's scanner, compiled by re2c (-8, NUL sentinel, no refill). The DFA rules
// cover code tokens; string bodies, f-string text and indentation are short hand-written loops
// beside them. The buffer is validated up front (UTF-8, no NUL) so the only NUL is the sentinel
// and no rule ever reads past it.
#include "lexer/lexer.hpp"

#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "parser/builder.hpp"

namespace eddy::lex {

using P = parse::Parser;
using Kind = P::symbol_kind;
using parse::Location;
using parse::Pos;

namespace {

// CPython's tokenizer limit on indentation levels (MAXINDENT).
constexpr size_t MaxIndentLevels = 100;

// Files are read with universal newlines: "\r\n" and "\r" become "\n". Columns are unchanged
// and a UTF-8 BOM is dropped, as CPython does.
std::string normalize(std::string_view src) {
    if (src.substr(0, 3) == "\xEF\xBB\xBF") src.remove_prefix(3);
    std::string out;
    out.reserve(src.size() + 1);
    for (size_t i = 0; i < src.size(); ++i) {
        if (src[i] != '\r') {
            out.push_back(src[i]);
        } else {
            out.push_back('\n');
            if (i + 1 < src.size() && src[i + 1] == '\n') ++i;
        }
    }
    return out;
}

// Length of the valid UTF-8 sequence at p (1..4), or 0 when it is malformed.
int utf8_length(const unsigned char* p, const unsigned char* end) {
    unsigned c = p[0];
    int n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || end - p < n) return 0;
    uint32_t cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
    for (int i = 1; i < n; ++i) {
        if ((p[i] & 0xC0) != 0x80) return 0;
        cp = cp << 6 | (p[i] & 0x3F);
    }
    static constexpr uint32_t min_for_length[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min_for_length[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return n;
}

uint32_t decode_utf8(const unsigned char* p, int n) {
    uint32_t cp = n == 1 ? p[0] : n == 2 ? p[0] & 0x1F : n == 3 ? p[0] & 0x0F : p[0] & 0x07;
    for (int i = 1; i < n; ++i) cp = cp << 6 | (p[i] & 0x3F);
    return cp;
}

void append_utf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | cp >> 6));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | cp >> 12));
        out.push_back(static_cast<char>(0x80 | (cp >> 6 & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | cp >> 18));
        out.push_back(static_cast<char>(0x80 | (cp >> 12 & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp >> 6 & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

int hex_value(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Decimal digits of a non-negative integer given in `base`, for literals beyond int64: schoolbook
// conversion through base-1e9 limbs (literals are short; speed is irrelevant here).
std::string to_decimal(std::string_view digits, int base) {
    std::vector<uint32_t> limbs;   // little-endian, base 1e9
    for (char ch : digits) {
        uint64_t carry = static_cast<uint64_t>(hex_value(static_cast<unsigned char>(ch)));
        for (uint32_t& limb : limbs) {
            uint64_t v = static_cast<uint64_t>(limb) * base + carry;
            limb = static_cast<uint32_t>(v % 1000000000);
            carry = v / 1000000000;
        }
        if (carry) limbs.push_back(static_cast<uint32_t>(carry));
    }
    if (limbs.empty()) return "0";
    std::string out = std::to_string(limbs.back());
    for (size_t i = limbs.size() - 1; i-- > 0;) {
        std::string part = std::to_string(limbs[i]);
        out += std::string(9 - part.size(), '0') + part;
    }
    return out;
}

// A non-ASCII code point that may appear in an identifier. CPython checks XID_Start/Continue;
// we accept everything except the punctuation and symbol blocks people actually mistype.
bool identifier_code_point(uint32_t cp) {
    if (cp < 0x80) return false;
    if (cp < 0xC0) return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
    if (cp == 0xD7 || cp == 0xF7) return false;
    if (cp >= 0x2000 && cp <= 0x206F) return false;    // general punctuation
    if (cp >= 0x20A0 && cp <= 0x20CF) return false;    // currency symbols
    if (cp >= 0x2190 && cp <= 0x2BFF) return false;    // arrows, math, box drawing, shapes
    if (cp >= 0x3000 && cp <= 0x303F) return false;    // CJK punctuation
    if (cp >= 0xFF00 && cp <= 0xFF0F) return false;    // fullwidth punctuation
    if (cp >= 0x1F000 && cp <= 0x1FAFF) return false;  // emoji and pictographs
    return true;
}

const char* header_name(SymbolKind k) {
    switch (k) {
    case Kind::S_IF: return "'if' statement";
    case Kind::S_ELIF: return "'elif' statement";
    case Kind::S_ELSE: return "'else' statement";
    case Kind::S_WHILE: return "'while' statement";
    case Kind::S_FOR: return "'for' statement";
    case Kind::S_WITH: return "'with' statement";
    case Kind::S_TRY: return "'try' statement";
    case Kind::S_EXCEPT: return "'except' statement";
    case Kind::S_FINALLY: return "'finally' statement";
    case Kind::S_DEF: return "function definition";
    case Kind::S_CLASS: return "class definition";
    default: return nullptr;
    }
}

bool layout_token(SymbolKind k) {
    return k == Kind::S_NEWLINE || k == Kind::S_INDENT || k == Kind::S_DEDENT ||
           k == Kind::S_YYEOF || k == Kind::S_YYerror;
}

} // namespace

Lexer::Lexer(std::string_view source, parse::Mode mode, parse::ErrorState& err)
    : m_err(err), m_mode(mode), m_buf(normalize(source)) {
    m_base = reinterpret_cast<const unsigned char*>(m_buf.c_str());
    m_limit = m_base + m_buf.size();
    m_cur = m_tok = m_line_start = m_base;
    // Validate once so the DFA can treat NUL as end of input and bytes as UTF-8.
    for (const unsigned char* p = m_base; p < m_limit;) {
        if (*p == '\n') new_line(p + 1);
        if (*p == 0) {
            fail({pos(p), pos(p + 1)}, "source code string cannot contain null bytes");
            break;
        }
        int n = utf8_length(p, m_limit);
        if (n == 0) {
            char msg[160];
            std::snprintf(msg, sizeof msg,
                          "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position "
                          "%d: invalid start byte",
                          *p, static_cast<int>(p - m_base));
            fail({pos(p), pos(p + 1)}, msg);
            break;
        }
        p += n;
    }
    m_line = 1;
    m_line_start = m_base;
}

void Lexer::new_line(const unsigned char* line_start) {
    ++m_line;
    m_line_start = line_start;
}

Pos Lexer::pos(const unsigned char* p) const {
    return {m_line, static_cast<int>(p - m_line_start), static_cast<int>(p - m_base)};
}

std::string_view Lexer::text_of(const Location& at) const {
    if (at.begin.line != at.end.line || at.end.offset < at.begin.offset) return {};
    return std::string_view(m_buf).substr(at.begin.offset, at.end.offset - at.begin.offset);
}

std::string_view Lexer::line_text(int line) const {
    std::string_view all(m_buf);
    size_t start = 0;
    for (int l = 1; l < line; ++l) {
        size_t nl = all.find('\n', start);
        if (nl == std::string_view::npos) return {};
        start = nl + 1;
    }
    size_t end = all.find('\n', start);
    return all.substr(start, end == std::string_view::npos ? all.size() - start : end - start);
}

Symbol Lexer::fail(const Location& at, std::string msg, bool incomplete) {
    if (!m_err.set) {
        m_err.fail(at, std::move(msg));
        m_err.incomplete = incomplete;
    }
    return P::make_YYerror(at);
}

// ---- token stream: start token, `not in` / `is not` fusion, bookkeeping ----

Symbol Lexer::next() {
    if (!m_started) {
        m_started = true;
        Location at{pos(m_cur), pos(m_cur)};
        if (m_mode == parse::Mode::Eval) return P::make_START_EVAL(at);
        if (m_mode == parse::Mode::Interactive) return P::make_START_INTERACTIVE(at);
        return P::make_START_FILE(at);
    }
    Symbol tok = take();
    SymbolKind first = tok.kind();
    if (first == Kind::S_NOT || first == Kind::S_IS) {
        m_line_has_tokens = true;   // so that the lookahead at EOF still ends the line
        Symbol after = take();
        SymbolKind want = first == Kind::S_NOT ? Kind::S_IN : Kind::S_NOT;
        if (after.kind() == want) {
            Location at{tok.location.begin, after.location.end};
            Symbol fused = first == Kind::S_NOT ? P::make_NOTIN(at) : P::make_ISNOT(at);
            note(fused);
            return fused;
        }
        m_pending.push_front(std::move(after));
    }
    note(tok);
    return tok;
}

Symbol Lexer::take() {
    if (m_pending.empty()) return scan();
    Symbol s = std::move(m_pending.front());
    m_pending.pop_front();
    return s;
}

// DEDENT sits (empty) right after the last real token, so a block ends where its last
// statement ends, as CPython's end positions do.
Location Lexer::layout_loc() const {
    return {m_last_real_end, m_last_real_end};
}

// NEWLINE begins where CPython's does (at a trailing comment, else at the line break), which is
// where errors point; its end is the last real token's end, which is what a statement's span
// takes from it. The reversed span is deliberate and only ever read through begin/end.
Location Lexer::newline_loc(const unsigned char* at) const {
    return {pos(m_comment_at ? m_comment_at : at), m_last_real_end};
}

// Remembers what the error reporter and "expected an indented block" need.
void Lexer::note(const Symbol& s) {
    m_recent[2] = m_recent[1];
    m_recent[1] = m_recent[0];
    m_recent[0] = {s.kind(), s.location};
    if (layout_token(s.kind())) return;
    m_last_real_end = s.location.end;
    if (!m_line_has_tokens) m_line_start_kind = s.kind();
    if (!m_line_has_tokens || m_async_first) {
        const char* what = header_name(s.kind());
        if (what) m_header = {what, s.location.begin.line};
        m_async_first = !m_line_has_tokens && s.kind() == Kind::S_ASYNC;
    }
    m_line_has_tokens = true;
}

Symbol Lexer::scan() {
    for (;;) {
        if (m_err.set) return P::make_YYerror(token_loc());
        if (m_pending_dedents > 0) {
            --m_pending_dedents;
            return P::make_DEDENT(layout_loc());
        }
        if (!m_modes.empty() && m_modes.back().kind == ModeKind::FString) return fstring_text();
        if (!m_modes.empty() && m_modes.back().kind == ModeKind::FSpec) return format_spec_text();
        if (m_at_line_start) {
            m_at_line_start = false;
            if (std::optional<Symbol> t = indentation()) return std::move(*t);
        }
        if (std::optional<Symbol> t = scan_code()) return std::move(*t);
    }
}

// ---- indentation ----

// At the start of a logical line: INDENT, the first of several DEDENTs, an IndentationError, or
// nothing (same level, or a blank / comment-only line, which never affects indentation).
std::optional<Symbol> Lexer::indentation() {
    const unsigned char* p = m_cur;
    int col = 0, alt_col = 0;   // tabs to multiples of 8, and tabs counted as 1 (for TabError)
    for (;; ++p) {
        if (*p == ' ') ++col, ++alt_col;
        else if (*p == '\t') col = (col / 8 + 1) * 8, ++alt_col;
        else if (*p == '\f') col = alt_col = 0;
        else break;
    }
    if (*p == '#' || *p == '\n' || *p == 0 || m_mode == parse::Mode::Eval) return std::nullopt;
    if (*p == '\\' && p[1] == '\n') return std::nullopt;
    Location at{pos(p), pos(p)};
    // CPython's check: the two tab sizes must order the levels the same way.
    auto tab_error = [&] {
        Symbol err = fail({pos(m_cur), pos(m_cur)},   // CPython: at the start of the line
                          "inconsistent use of tabs and spaces in indentation");
        m_err.kind = parse::SyntaxErrorInfo::Kind::TabError;
        return err;
    };
    if (col > m_indents.back()) {
        if (alt_col <= m_alt_indents.back()) return tab_error();
        if (m_indents.size() >= MaxIndentLevels) {
            fail(at, "too many levels of indentation");
            m_err.kind = parse::SyntaxErrorInfo::Kind::IndentationError;
            return P::make_YYerror(at);
        }
        m_indents.push_back(col);
        m_alt_indents.push_back(alt_col);
        return P::make_INDENT(at);
    }
    if (col == m_indents.back()) {
        if (alt_col != m_alt_indents.back()) return tab_error();
        return std::nullopt;
    }
    int dedents = 0;
    while (col < m_indents.back()) {
        m_indents.pop_back();
        m_alt_indents.pop_back();
        ++dedents;
    }
    if (col != m_indents.back()) {
        // CPython's tokenizer reports this one at the end of the offending line.
        const unsigned char* eol = p;
        while (*eol != '\n' && *eol != 0) ++eol;
        at.begin.col = static_cast<int>(eol - m_line_start) + 1;
        Symbol err = fail(at, "unindent does not match any outer indentation level");
        m_err.kind = parse::SyntaxErrorInfo::Kind::IndentationError;
        m_err.col_is_offset = true;
        return err;
    }
    if (alt_col != m_alt_indents.back()) return tab_error();
    m_pending_dedents = dedents - 1;
    return P::make_DEDENT(layout_loc());
}

Symbol Lexer::at_eof() {
    m_cur = m_tok;   // stay on the sentinel: every later call ends up here again
    Location at{pos(m_cur), pos(m_cur)};
    if (const Mode* f = enclosing_fstring()) return unterminated(f->start, f->triple);
    if (!m_brackets.empty()) {
        const Bracket& open = m_brackets.back();
        std::string msg = std::string("'") + open.ch + "' was never closed";
        return fail({open.at, open.at}, msg, true);
    }
    if (m_line_has_tokens) {
        m_line_has_tokens = false;
        return P::make_NEWLINE(newline_loc(m_cur));
    }
    if (m_indents.size() > 1) {
        m_pending_dedents = static_cast<int>(m_indents.size()) - 2;
        m_indents.resize(1);
        m_alt_indents.resize(1);
        return P::make_DEDENT(layout_loc());
    }
    return P::make_END(at);
}

// ---- the code DFA ----

/*!re2c
    re2c:api:style = free-form;
    re2c:define:YYCTYPE = "unsigned char";
    re2c:define:YYCURSOR = m_cur;
    re2c:define:YYMARKER = marker;
    re2c:yyfill:enable = 0;
    re2c:sentinel = 0;

    digitpart = [0-9] ("_"? [0-9])*;
    exponent = [eE] [+-]? digitpart;
    pointfloat = digitpart? "." digitpart | digitpart ".";
    floatnumber = pointfloat exponent? | digitpart exponent;
    strprefix = [rRuUbBfF] | [rR][bBfF] | [bBfF][rR];
    name = [a-zA-Z_\u0080-\U0010FFFF] [a-zA-Z0-9_\u0080-\U0010FFFF]*;
*/

std::optional<Symbol> Lexer::scan_code() {
    for (;;) {
        m_tok = m_cur;
        const unsigned char* marker = m_cur;
        (void)marker;
        /*!re2c
        [ \t\f]+                { continue; }
        "#" [^\n\x00]*          {
            if (!m_modes.empty())
                return fail(token_loc(), "f-string expression part cannot include '#'");
            m_comment_at = m_tok;
            continue;
        }
        "\\\n"                  {
            // A continuation with nothing after it: the REPL should ask for more.
            if (*m_cur == 0)
                return fail({pos(m_cur - 1), pos(m_cur)}, "unexpected EOF while parsing", true);
            new_line(m_cur);
            continue;
        }
        "\\"                    {
            if (*m_cur == 0)
                return fail({pos(m_cur), pos(m_cur)}, "unexpected EOF while parsing", true);
            return fail({pos(m_cur), pos(m_cur)},
                        "unexpected character after line continuation character");
        }
        "\n"                    {
            Location at = newline_loc(m_tok);
            m_comment_at = nullptr;
            new_line(m_cur);
            if (!m_brackets.empty()) continue;          // implicit line joining
            m_at_line_start = true;
            if (!m_line_has_tokens) return std::nullopt; // blank or comment-only line
            m_line_has_tokens = false;
            return P::make_NEWLINE(at);
        }
        "\x00"                  { return at_eof(); }

        "False"     { return P::make_FALSE(token_loc()); }
        "None"      { return P::make_NONE(token_loc()); }
        "True"      { return P::make_TRUE(token_loc()); }
        "and"       { return P::make_AND(token_loc()); }
        "as"        { return P::make_AS(token_loc()); }
        "assert"    { return P::make_ASSERT(token_loc()); }
        "async"     { return P::make_ASYNC(token_loc()); }
        "await"     { return P::make_AWAIT(token_loc()); }
        "break"     { return P::make_BREAK(token_loc()); }
        "class"     { return P::make_CLASS(token_loc()); }
        "continue"  { return P::make_CONTINUE(token_loc()); }
        "def"       { return P::make_DEF(token_loc()); }
        "del"       { return P::make_DEL(token_loc()); }
        "elif"      { return P::make_ELIF(token_loc()); }
        "else"      { return P::make_ELSE(token_loc()); }
        "except"    { return P::make_EXCEPT(token_loc()); }
        "finally"   { return P::make_FINALLY(token_loc()); }
        "for"       { return P::make_FOR(token_loc()); }
        "from"      { return P::make_FROM(token_loc()); }
        "global"    { return P::make_GLOBAL(token_loc()); }
        "if"        { return P::make_IF(token_loc()); }
        "import"    { return P::make_IMPORT(token_loc()); }
        "in"        { return P::make_IN(token_loc()); }
        "is"        { return P::make_IS(token_loc()); }
        "lambda"    { return P::make_LAMBDA(token_loc()); }
        "nonlocal"  { return P::make_NONLOCAL(token_loc()); }
        "not"       { return P::make_NOT(token_loc()); }
        "or"        { return P::make_OR(token_loc()); }
        "pass"      { return P::make_PASS(token_loc()); }
        "raise"     { return P::make_RAISE(token_loc()); }
        "return"    { return P::make_RETURN(token_loc()); }
        "try"       { return P::make_TRY(token_loc()); }
        "while"     { return P::make_WHILE(token_loc()); }
        "with"      { return P::make_WITH(token_loc()); }
        "yield"     { return P::make_YIELD(token_loc()); }

        strprefix? ['"]         { return string_start(); }
        name                    { return name_token(); }

        [1-9] ("_"? [0-9])* | "0" ("_"? "0")*   { return number(10, false, false); }
        "0" [xX] ("_"? [0-9a-fA-F])+            { return number(16, false, false); }
        "0" [oO] ("_"? [0-7])+                  { return number(8, false, false); }
        "0" [bB] ("_"? [01])+                   { return number(2, false, false); }
        floatnumber                             { return number(10, true, false); }
        (floatnumber | digitpart) [jJ]          { return number(10, true, true); }
        "0" ("_"? [0-9])+ {
            return fail({pos(m_tok), pos(m_cur)},
                        "leading zeros in decimal integer literals are not permitted; use an "
                        "0o prefix for octal integers");
        }
        "0" [oO] ("_"? [0-7])* [89] {
            return fail({pos(m_cur - 1), pos(m_cur)},
                        std::string("invalid digit '") + char(m_cur[-1]) + "' in octal literal");
        }
        "0" [bB] ("_"? [01])* [2-9] {
            return fail({pos(m_cur - 1), pos(m_cur)},
                        std::string("invalid digit '") + char(m_cur[-1]) + "' in binary literal");
        }
        "0" [xX]    { return fail({pos(m_cur - 1), pos(m_cur)}, "invalid hexadecimal literal"); }
        "0" [oO]    { return fail({pos(m_cur - 1), pos(m_cur)}, "invalid octal literal"); }
        "0" [bB]    { return fail({pos(m_cur - 1), pos(m_cur)}, "invalid binary literal"); }

        "("     { return open_bracket('('); }
        "["     { return open_bracket('['); }
        "{"     { return open_bracket('{'); }
        ")"     { return close_bracket(')'); }
        "]"     { return close_bracket(']'); }
        "}"     { return close_bracket('}'); }

        ":"     {
            if (fexpr_top()) m_modes.back().kind = ModeKind::FSpec;
            return P::make_COLON(token_loc());
        }
        ":="    {
            if (fexpr_top()) {   // f'{x:=5}' is x formatted with spec "=5", as in CPython
                m_cur = m_tok + 1;
                m_modes.back().kind = ModeKind::FSpec;
                return P::make_COLON(token_loc());
            }
            return P::make_COLONEQUAL(token_loc());
        }
        "="     {
            if (fexpr_top()) {   // f'{x=}': hand over the expression's text for the debug form
                while (*m_cur == ' ' || *m_cur == '\t') ++m_cur;
                std::string text(reinterpret_cast<const char*>(m_modes.back().expr_start),
                                 reinterpret_cast<const char*>(m_cur));
                return P::make_FSTRING_EQ(std::move(text), token_loc());
            }
            return P::make_EQUAL(token_loc());
        }
        "!"     {
            if (fexpr_top()) {
                const unsigned char* p = m_cur;
                while (*p == ' ' || *p == '\t') ++p;
                if (!std::isalpha(*p) || p != m_cur)
                    return fstring_error("f-string: invalid conversion character: expected 's', "
                                         "'r', or 'a'");
            }
            return P::make_EXCLAIM(token_loc());
        }
        ","     { return P::make_COMMA(token_loc()); }
        ";"     { return P::make_SEMI(token_loc()); }
        "+"     { return P::make_PLUS(token_loc()); }
        "-"     { return P::make_MINUS(token_loc()); }
        "*"     { return P::make_STAR(token_loc()); }
        "/"     { return P::make_SLASH(token_loc()); }
        "|"     { return P::make_VBAR(token_loc()); }
        "&"     { return P::make_AMPER(token_loc()); }
        "<"     { return P::make_LESS(token_loc()); }
        ">"     { return P::make_GREATER(token_loc()); }
        "."     { return P::make_DOT(token_loc()); }
        "%"     { return P::make_PERCENT(token_loc()); }
        "=="    { return P::make_EQEQUAL(token_loc()); }
        "!="    { return P::make_NOTEQUAL(token_loc()); }
        "<="    { return P::make_LESSEQUAL(token_loc()); }
        ">="    { return P::make_GREATEREQUAL(token_loc()); }
        "~"     { return P::make_TILDE(token_loc()); }
        "^"     { return P::make_CIRCUMFLEX(token_loc()); }
        "<<"    { return P::make_LEFTSHIFT(token_loc()); }
        ">>"    { return P::make_RIGHTSHIFT(token_loc()); }
        "**"    { return P::make_DOUBLESTAR(token_loc()); }
        "+="    { return P::make_PLUSEQUAL(token_loc()); }
        "-="    { return P::make_MINEQUAL(token_loc()); }
        "*="    { return P::make_STAREQUAL(token_loc()); }
        "/="    { return P::make_SLASHEQUAL(token_loc()); }
        "%="    { return P::make_PERCENTEQUAL(token_loc()); }
        "&="    { return P::make_AMPEREQUAL(token_loc()); }
        "|="    { return P::make_VBAREQUAL(token_loc()); }
        "^="    { return P::make_CIRCUMFLEXEQUAL(token_loc()); }
        "<<="   { return P::make_LEFTSHIFTEQUAL(token_loc()); }
        ">>="   { return P::make_RIGHTSHIFTEQUAL(token_loc()); }
        "**="   { return P::make_DOUBLESTAREQUAL(token_loc()); }
        "//"    { return P::make_DOUBLESLASH(token_loc()); }
        "//="   { return P::make_DOUBLESLASHEQUAL(token_loc()); }
        "@"     { return P::make_AT(token_loc()); }
        "@="    { return P::make_ATEQUAL(token_loc()); }
        "->"    { return P::make_RARROW(token_loc()); }
        "..."   { return P::make_ELLIPSIS(token_loc()); }

        *       { return invalid_character(); }
        */
    }
}

// ---- names and invalid characters ----

// An identifier; non-ASCII code points are checked here (see identifier_code_point), and the
// name stops before the first one that is not allowed so the next scan reports it.
Symbol Lexer::name_token() {
    for (const unsigned char* p = m_tok; p < m_cur;) {
        int n = utf8_length(p, m_limit);
        if (n > 1 && !identifier_code_point(decode_utf8(p, n))) {
            if (p == m_tok) return invalid_character();
            m_cur = p;
            break;
        }
        p += n;
    }
    std::string id(reinterpret_cast<const char*>(m_tok), reinterpret_cast<const char*>(m_cur));
    return P::make_NAME(std::move(id), token_loc());
}

// CPython 3.11 calls a stray ASCII character (`$`, `?`, a backtick) plain "invalid syntax" and
// names anything else with its code point.
Symbol Lexer::invalid_character() {
    int n = utf8_length(m_tok, m_limit);
    m_cur = m_tok + (n > 0 ? n : 1);
    if (n <= 1) return fail(token_loc(), "invalid syntax");
    uint32_t cp = decode_utf8(m_tok, n);
    std::string shown(reinterpret_cast<const char*>(m_tok), n);
    char code[16];
    std::snprintf(code, sizeof code, "%04X", cp);
    return fail(token_loc(), "invalid character '" + shown + "' (U+" + code + ")");
}

// ---- numbers ----

// The literal [m_tok, m_cur) matched a number rule. Like CPython's verify_end_of_number, a
// letter right after it is an error unless it starts a keyword that may follow (`1if x else y`).
Symbol Lexer::number(int base, bool is_float, bool is_imag) {
    unsigned char after = *m_cur;
    if (after >= 0x80) {   // `5€`: CPython names the stray character rather than the number
        int n = utf8_length(m_cur, m_limit);
        if (n > 0 && !identifier_code_point(decode_utf8(m_cur, n))) {
            m_tok = m_cur;
            return invalid_character();
        }
    }
    if (std::isalnum(after) || after == '_' || after >= 0x80) {
        static constexpr std::string_view allowed[] = {"and", "else", "for", "if",
                                                        "in", "is", "not", "or"};
        std::string_view rest(reinterpret_cast<const char*>(m_cur));
        bool ok = false;
        for (std::string_view kw : allowed) ok = ok || rest.substr(0, kw.size()) == kw;
        if (!ok) {
            const char* what = base == 16 ? "invalid hexadecimal literal"
                               : base == 8 ? "invalid octal literal"
                               : base == 2 ? "invalid binary literal"
                                           : "invalid decimal literal";
            // CPython points at the last character it read: a stray `_` is read, a letter not.
            const unsigned char* last = after == '_' ? m_cur : m_cur - 1;
            return fail({pos(last), pos(last)}, what);
        }
    }
    std::string digits;
    for (const unsigned char* p = m_tok + (base == 10 ? 0 : 2); p < m_cur; ++p)
        if (*p != '_') digits.push_back(static_cast<char>(*p));
    parse::NumberLit lit;
    if (is_float) {
        if (is_imag) digits.pop_back();
        lit.kind = is_imag ? parse::NumberLit::Kind::Imag : parse::NumberLit::Kind::Float;
        lit.f = std::strtod(digits.c_str(), nullptr);   // overflow gives inf, as in CPython
        return P::make_NUMBER(std::move(lit), token_loc());
    }
    uint64_t value = 0;
    bool big = false;
    for (char ch : digits) {
        auto d = static_cast<uint64_t>(hex_value(static_cast<unsigned char>(ch)));
        if (value > (static_cast<uint64_t>(INT64_MAX) - d) / base) {
            big = true;
            break;
        }
        value = value * base + d;
    }
    if (big) {
        lit.kind = parse::NumberLit::Kind::BigInt;
        lit.text = to_decimal(digits, base);
    } else {
        lit.i = static_cast<int64_t>(value);
    }
    return P::make_NUMBER(std::move(lit), token_loc());
}

// ---- brackets ----

Symbol Lexer::open_bracket(char ch) {
    if (m_brackets.size() >= static_cast<size_t>(parse::MaxNesting))
        return fail(token_loc(), "too many nested parentheses");
    bool params = ch == '(' && m_recent[0].kind == Kind::S_NAME && m_recent[1].kind == Kind::S_DEF;
    m_brackets.push_back({ch, pos(m_tok), params});
    if (ch == '(') return P::make_LPAR(token_loc());
    if (ch == '[') return P::make_LSQB(token_loc());
    return P::make_LBRACE(token_loc());
}

Symbol Lexer::close_bracket(char ch) {
    if (m_brackets.empty())
        return fail(token_loc(), std::string("unmatched '") + ch + "'");
    const Bracket& open = m_brackets.back();
    char want = open.ch == '(' ? ')' : open.ch == '[' ? ']' : '}';
    if (ch != want) {
        std::string msg = std::string("closing parenthesis '") + ch +
                          "' does not match opening parenthesis '" + open.ch + "'";
        if (open.at.line != m_line) msg += " on line " + std::to_string(open.at.line);
        return fail(token_loc(), msg);
    }
    bool ends_field = fexpr_top();
    m_brackets.pop_back();
    if (ends_field) m_modes.pop_back();
    if (ch == ')') return P::make_RPAR(token_loc());
    if (ch == ']') return P::make_RSQB(token_loc());
    return P::make_RBRACE(token_loc());
}

// ---- strings ----

bool Lexer::fexpr_top() const {
    return !m_modes.empty() && m_modes.back().kind == ModeKind::FExpr &&
           m_brackets.size() == m_modes.back().depth;
}

const Lexer::Mode* Lexer::enclosing_fstring() const {
    for (size_t i = m_modes.size(); i-- > 0;)
        if (m_modes[i].kind == ModeKind::FString) return &m_modes[i];
    return nullptr;
}

// CPython 3.11 reports most f-string errors just past the end of the whole literal: find that
// end (the enclosing f-string's closing quote) without consuming anything.
Symbol Lexer::fstring_error(const char* msg) {
    const Mode* f = enclosing_fstring();
    const unsigned char* p = m_cur;
    int line = m_line;
    const unsigned char* line_start = m_line_start;
    for (; f && *p; ++p) {
        if (*p == '\\' && p[1]) {
            ++p;
        } else if (*p == '\n') {
            if (!f->triple) break;
            ++line;
            line_start = p + 1;
        } else if (*p == f->quote && (!f->triple || (p[1] == *p && p[2] == *p))) {
            p += f->triple ? 3 : 1;
            Pos end{line, static_cast<int>(p - line_start), static_cast<int>(p - m_base)};
            return fail({end, end}, msg);
        }
    }
    return fail({pos(m_cur), pos(m_cur)}, msg);
}

Symbol Lexer::unterminated(const Pos& begin, bool triple) {
    std::string msg = triple ? "unterminated triple-quoted string literal"
                             : "unterminated string literal";
    msg += " (detected at line " + std::to_string(m_line) + ")";
    return fail({begin, begin}, msg, triple);
}

// [m_tok, m_cur) is an optional prefix and an opening quote.
Symbol Lexer::string_start() {
    Pos begin = pos(m_tok);
    char quote = static_cast<char>(m_cur[-1]);
    bool raw = false, bytes = false, fstr = false;
    for (const unsigned char* p = m_tok; p + 1 < m_cur; ++p) {
        raw = raw || *p == 'r' || *p == 'R';
        bytes = bytes || *p == 'b' || *p == 'B';
        fstr = fstr || *p == 'f' || *p == 'F';
    }
    // CPython 3.11 ends the f-string at its own quote even inside a field.
    const Mode* outer = enclosing_fstring();
    if (outer && m_tok + 1 == m_cur && quote == outer->quote)
        return fail({pos(m_cur), pos(m_cur)}, "f-string: expecting '}'");
    bool triple = m_cur[0] == quote && m_cur[1] == quote;
    if (triple) m_cur += 2;
    if (!fstr) return plain_string(begin, quote, triple, raw, bytes);
    Mode mode{};
    mode.kind = ModeKind::FString;
    mode.quote = quote;
    mode.triple = triple;
    mode.raw = raw;
    mode.start = begin;
    m_modes.push_back(mode);
    return P::make_FSTRING_START({begin, pos(m_cur)});
}

// Scans to the closing quote, then decodes the body.
Symbol Lexer::plain_string(const Pos& begin, char quote, bool triple, bool raw, bool bytes) {
    const unsigned char* body = m_cur;
    const unsigned char* body_end = nullptr;
    while (!body_end) {
        unsigned char c = *m_cur;
        if (c == 0) return unterminated(begin, triple);
        if (c == '\\' && m_cur[1] != 0) {
            if (m_cur[1] == '\n') new_line(m_cur + 2);
            m_cur += 2;
        } else if (c == '\n') {
            if (!triple) return unterminated(begin, false);
            new_line(++m_cur);
        } else if (c == quote && (!triple || (m_cur[1] == quote && m_cur[2] == quote))) {
            body_end = m_cur;
            m_cur += triple ? 3 : 1;
        } else {
            ++m_cur;
        }
    }
    parse::StringLit lit;
    lit.is_bytes = bytes;
    m_body_start = body;
    for (const unsigned char* p = body; p < body_end;) {
        if (bytes && *p >= 0x80)
            return fail({begin, pos(m_cur)}, "bytes can only contain ASCII literal characters");
        if (*p == '\\' && !raw) {
            if (!decode_escape(p, lit.value, bytes)) return P::make_YYerror({begin, begin});
        } else {
            lit.value.push_back(static_cast<char>(*p++));
        }
    }
    return P::make_STRING(std::move(lit), {begin, pos(m_cur)});
}

// Decodes one backslash escape at p (which points at the backslash) and advances past it.
// Unknown escapes keep their backslash, as CPython does (with a DeprecationWarning).
bool Lexer::decode_escape(const unsigned char*& p, std::string& out, bool bytes) {
    const unsigned char* backslash = p;
    unsigned char c = p[1];
    p += 2;
    auto put = [&](uint32_t v) {
        if (bytes) out.push_back(static_cast<char>(v & 0xFF));
        else append_utf8(out, v);
    };
    auto hex_digits = [&](int count, const char* what) -> bool {
        uint32_t v = 0;
        for (int i = 0; i < count; ++i) {
            int h = hex_value(p[i]);
            if (h < 0) {
                escape_error(backslash, p + i, what, bytes);
                return false;
            }
            v = v << 4 | static_cast<uint32_t>(h);
        }
        p += count;
        if (v > 0x10FFFF) {
            fail(token_loc(), "(unicode error) 'unicodeescape' codec can't decode bytes: "
                              "illegal Unicode character");
            return false;
        }
        put(v);
        return true;
    };
    switch (c) {
    case '\n': return true;
    case '\\': out.push_back('\\'); return true;
    case '\'': out.push_back('\''); return true;
    case '"': out.push_back('"'); return true;
    case 'a': out.push_back('\a'); return true;
    case 'b': out.push_back('\b'); return true;
    case 'f': out.push_back('\f'); return true;
    case 'n': out.push_back('\n'); return true;
    case 'r': out.push_back('\r'); return true;
    case 't': out.push_back('\t'); return true;
    case 'v': out.push_back('\v'); return true;
    case 'x': return hex_digits(2, "\\xXX");
    case 'u':
        if (bytes) break;
        return hex_digits(4, "\\uXXXX");
    case 'U':
        if (bytes) break;
        return hex_digits(8, "\\UXXXXXXXX");
    case 'N':
        if (bytes) break;
        fail(token_loc(), "(unicode error) 'unicodeescape' codec can't decode bytes: "
                          "\\N{...} escapes are not supported");
        return false;
    default:
        if (c >= '0' && c <= '7') {
            uint32_t v = c - '0';
            for (int i = 0; i < 2 && *p >= '0' && *p <= '7'; ++i) v = v * 8 + (*p++ - '0');
            put(v);
            return true;
        }
        break;
    }
    // Not an escape: keep the backslash and the character (the whole code point).
    out.push_back('\\');
    p -= 1;
    int n = utf8_length(p, m_limit);
    out.append(reinterpret_cast<const char*>(p), n > 0 ? n : 1);
    p += n > 0 ? n : 1;
    return true;
}

// CPython's codec messages: positions are byte indexes into the literal's body, from the
// backslash to the last character the escape consumed. Reported after the literal, as CPython.
Symbol Lexer::escape_error(const unsigned char* backslash, const unsigned char* end,
                           const char* what, bool bytes) {
    int first = static_cast<int>(backslash - m_body_start);
    int last = static_cast<int>(end - m_body_start) - 1;
    char msg[160];
    if (bytes)
        std::snprintf(msg, sizeof msg, "(value error) invalid \\x escape at position %d", first);
    else
        std::snprintf(msg, sizeof msg,
                      "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                      "%d-%d: truncated %s escape",
                      first, last, what);
    return fail({pos(m_cur), pos(m_cur)}, msg);
}

// In an f-string's literal part: text up to `{`, `}` or the closing quote. `{{` and `}}` are
// literal braces; a lone `{` opens a replacement field.
Symbol Lexer::fstring_text() {
    Mode& mode = m_modes.back();
    m_tok = m_body_start = m_cur;
    Pos begin = pos(m_cur);
    std::string text;
    for (;;) {
        unsigned char c = *m_cur;
        if (c == 0 || (c == '\n' && !mode.triple)) return unterminated(mode.start, mode.triple);
        bool at_quote = c == static_cast<unsigned char>(mode.quote) &&
                        (!mode.triple || (m_cur[1] == c && m_cur[2] == c));
        bool single_brace = (c == '{' || c == '}') && m_cur[1] != c;
        if (at_quote || single_brace) {
            if (m_cur != m_tok) return P::make_FSTRING_MIDDLE(std::move(text), {begin, pos(m_cur)});
            if (c == '}') return fstring_error("f-string: single '}' is not allowed");
            if (c == '{') return open_field('{');
            m_cur += mode.triple ? 3 : 1;
            m_modes.pop_back();
            return P::make_FSTRING_END({begin, pos(m_cur)});
        }
        if (c == '{' || c == '}') {
            text.push_back(static_cast<char>(c));
            m_cur += 2;
        } else if (c == '\\' && !mode.raw) {
            if (m_cur[1] == '\n') new_line(m_cur + 2);
            if (!decode_escape(m_cur, text, false)) return P::make_YYerror(token_loc());
        } else {
            if (c == '\n') new_line(m_cur + 1);
            text.push_back(static_cast<char>(c));
            ++m_cur;
        }
    }
}

// In a format spec (`{x:>{w}}`): literal text up to a nested `{` or the field's closing `}`.
Symbol Lexer::format_spec_text() {
    const Mode* outer = enclosing_fstring();
    m_tok = m_body_start = m_cur;
    Pos begin = pos(m_cur);
    std::string text;
    for (;;) {
        unsigned char c = *m_cur;
        if (c == 0 || (c == '\n' && !outer->triple))
            return unterminated(outer->start, outer->triple);
        if (c == static_cast<unsigned char>(outer->quote))
            return fail(token_loc(), "f-string: expecting '}'");
        if (c == '{' || c == '}') {
            if (m_cur != m_tok) return P::make_FSTRING_MIDDLE(std::move(text), {begin, pos(m_cur)});
            if (c == '{') return open_field('{');
            ++m_cur;
            m_brackets.pop_back();
            m_modes.pop_back();
            return P::make_RBRACE(token_loc());
        }
        if (c == '\\' && !outer->raw) {
            if (!decode_escape(m_cur, text, false)) return P::make_YYerror(token_loc());
        } else {
            if (c == '\n') new_line(m_cur + 1);
            text.push_back(static_cast<char>(c));
            ++m_cur;
        }
    }
}

// A replacement field's `{`: its expression is scanned as code until the matching `}`.
Symbol Lexer::open_field(char ch) {
    m_tok = m_cur;
    ++m_cur;
    int specs = 0;
    for (size_t i = m_modes.size(); i-- > 0 && m_modes[i].kind != ModeKind::FString;)
        specs += m_modes[i].kind == ModeKind::FSpec;
    if (specs >= 2) return fstring_error("f-string: expressions nested too deeply");
    const unsigned char* p = m_cur;
    while (*p == ' ' || *p == '\t') ++p;
    if (*p == '}' || *p == ':' || *p == '=' || (*p == '!' && p[1] != '='))
        return fstring_error(*p == '!' ? "f-string: expression required before '!'"
                                       : "f-string: empty expression not allowed");
    Symbol brace = open_bracket(ch);
    if (brace.kind() != Kind::S_LBRACE) return brace;
    Mode mode{};
    mode.kind = ModeKind::FExpr;
    mode.depth = m_brackets.size();
    mode.expr_start = m_cur;
    m_modes.push_back(mode);
    return brace;
}

} // namespace eddy::lex
