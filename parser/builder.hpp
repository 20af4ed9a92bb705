// parser/builder.hpp: what the grammar actions call to make AST nodes in the arena, plus the
// checking pass that LALR needs (assignment/del targets, parameter lists, call arguments,
// walrus targets) with CPython 3.11's messages. The grammar stays a list of shapes; the rules
// about which shapes are legal live here. Owns nothing but side tables for one parse.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "parser/ast.hpp"
#include "parser/parse.hpp"
#include "parser/token.hpp"

namespace eddy::parse {

// The first error of a parse, recorded by whoever finds it (lexer, grammar, checks). Columns are
// 0-based bytes here; the driver turns them into CPython's 1-based character offsets.
struct ErrorState {
    bool set = false;
    SyntaxErrorInfo::Kind kind = SyntaxErrorInfo::Kind::SyntaxError;
    std::string msg;
    Location loc;
    bool incomplete = false;
    bool col_is_offset = false;  // loc.begin.col is already CPython's offset (IndentationErrors)

    // Records an error unless one is already there: only the first one is reported.
    void fail(const Location& at, std::string message,
              SyntaxErrorInfo::Kind k = SyntaxErrorInfo::Kind::SyntaxError);
};

// A comma-separated run of expressions; a trailing comma (or any comma) makes a tuple.
struct SeqItems {
    ast::ExprList items;
    bool trailing_comma = false;
};

// One argument of a call or class header, before the checks turn the list into args/keywords.
struct CallArg {
    enum class Kind : uint8_t { Positional, Star, Keyword, DoubleStar, Generator };
    Kind kind = Kind::Positional;
    std::string name;                 // Keyword only
    ast::Expr* value = nullptr;
    Location loc;
};

// One parameter of a def or lambda, in source order; validated by Builder::arguments.
struct Param {
    enum class Kind : uint8_t { Plain, Star, DoubleStar, Slash };
    Kind kind = Kind::Plain;
    std::string name;                 // empty for a bare `*` and for `/`
    ast::Expr* annotation = nullptr;
    ast::Expr* default_value = nullptr;
    Location loc;                     // the name (and annotation): ast::Arg's span
    Location whole;                   // `*name` / `**name` including the star
};

// key == nullptr marks a `**mapping` entry.
struct DictItem {
    ast::Expr* key = nullptr;
    ast::Expr* value = nullptr;
    Location loc;
};

// Adjacent string literals waiting to be merged: Constant(str/bytes) and FormattedValue pieces.
struct StrParts {
    ast::ExprList pieces;
    bool has_bytes = false, has_str = false, has_fstring = false;
};

// Why a target is being checked: decides the wording of the error.
enum class TargetUse : uint8_t { Assign, AugAssign, Delete, For, With, Comprehension };

ast::Loc to_loc(const Location& l);

class Builder {
public:
    Builder(ast::Module& module, ErrorState& err, Mode mode)
        : m_module(module), m_err(err), m_mode(mode) {}

    template <class T>
    T* make(const Location& at) {
        T* node = m_module.arena->make<T>();
        node->loc = to_loc(at);
        return node;
    }

    ast::Module& module() { return m_module; }
    Mode mode() const { return m_mode; }
    ErrorState& err() { return m_err; }
    bool fail(const Location& at, std::string message);
    bool fail_at(const ast::Expr* e, std::string message);

    // ---- expressions ----
    ast::Expr* parenthesized(ast::Expr* e);
    bool is_parenthesized(const ast::Expr* e) const { return m_parens.count(e) != 0; }
    ast::Expr* number(const Location& at, const NumberLit& n);
    ast::Expr* constant(const Location& at, ast::ConstKind k);
    ast::Expr* name(const Location& at, std::string id);
    ast::Expr* tuple_or_single(const Location& at, SeqItems&& s);
    ast::Expr* sequence(const Location& at, ast::ExprKind kind, ast::ExprList&& elts);
    ast::Expr* boolop(const Location& at, ast::BoolOpKind op, ast::ExprList&& values);
    ast::Expr* binop(const Location& at, ast::Expr* l, ast::BinOpKind op, ast::Expr* r);
    ast::Expr* unary(const Location& at, ast::UnaryOpKind op, ast::Expr* operand);
    ast::Expr* compare(const Location& at, ast::Expr* left,
                       std::vector<std::pair<ast::CmpOpKind, ast::Expr*>>&& chain);
    ast::Expr* named_expr(const Location& at, ast::Expr* target, ast::Expr* value);
    ast::Expr* call(const Location& at, ast::Expr* func, std::vector<CallArg>&& args);
    ast::Expr* comprehension(const Location& at, ast::ExprKind kind, ast::Expr* elt,
                             std::vector<ast::Comprehension>&& gens);
    ast::Expr* dict(const Location& at, std::vector<DictItem>&& items);
    ast::Expr* dict_comp(const Location& at, const DictItem& item,
                         std::vector<ast::Comprehension>&& gens);
    ast::Expr* lambda(const Location& at, std::vector<Param>&& params, ast::Expr* body);
    ast::Expr* subscript_slice(const Location& at, SeqItems&& s);

    // ---- strings ----
    void add_string(StrParts& parts, const Location& at, StringLit&& lit);
    void add_fstring(StrParts& parts, ast::ExprList&& pieces);
    ast::Expr* finish_strings(const Location& at, StrParts&& parts);
    // One `{...}` field: [Constant(debug text)] FormattedValue. Empty on error.
    ast::ExprList fstring_field(const Location& at, ast::Expr* value, std::string debug_text,
                                const std::string& conversion, const Location& conv_at,
                                ast::ExprList* spec);
    ast::Expr* fstring_text(const Location& at, std::string text);
    // Gives format specs among `pieces` the span of their f-string token (CPython 3.11).
    void locate_specs(const ast::ExprList& pieces, const Location& token);

    // ---- targets and statements ----
    bool set_target(ast::Expr* e, ast::Ctx ctx, TargetUse use);
    ast::Stmt* assign(const Location& at, ast::ExprList&& chain);
    ast::Stmt* aug_assign(const Location& at, ast::Expr* target, ast::BinOpKind op,
                          ast::Expr* value);
    ast::Stmt* ann_assign(const Location& at, ast::Expr* target, ast::Expr* annotation,
                          ast::Expr* value);
    ast::Stmt* del(const Location& at, SeqItems&& targets);
    ast::Stmt* with(const Location& at, std::vector<ast::WithItem>&& items, ast::StmtList&& body);
    bool arguments(ast::Arguments& out, std::vector<Param>&& params, bool is_lambda);

    // `(a as b, c)` inside parentheses is only legal as a with-statement header: the parser
    // builds a Tuple and remembers its items here until a `with` claims it.
    void remember_with_items(ast::Expr* tuple, std::vector<ast::WithItem>&& items,
                             const Location& as_at);
    bool check_unclaimed_with_items();

private:
    bool check_target(ast::Expr* e, ast::Ctx ctx, TargetUse use, bool top);
    void spread_location(const ast::ExprList& values, const ast::Loc& whole, bool in_spec);
    bool add_call_arg(ast::Call* call, CallArg& a, bool& seen_keyword, bool& seen_dstar,
                      size_t count, const Location& close);

    ast::Module& m_module;
    ErrorState& m_err;
    Mode m_mode;
    std::unordered_set<const ast::Expr*> m_parens;
    bool m_single_target = false;     // the Assign being checked has one target
    struct PendingWith {
        ast::Expr* tuple;
        std::vector<ast::WithItem> items;
        Location as_at;
    };
    std::vector<PendingWith> m_with_items;
};

// CPython's name for an expression kind in error messages ("function call", "literal", ...).
const char* expr_name(const ast::Expr* e);

} // namespace eddy::parse
