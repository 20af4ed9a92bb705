// parser/ast.hpp: the typed syntax tree the parser builds and the compiler reads. Shapes follow
// CPython's Python.asdl (3.11) so a reader can check them against `ast.dump`; `match` is absent.
// Nodes live in an ast::Arena owned by the parse result and point at each other with raw
// pointers; nothing here knows about runtime values.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <vector>

namespace eddy::ast {

// A source span: 1-based lines, 0-based columns counted in UTF-8 bytes (as CPython's ast does).
struct Loc {
    int line = 0, col = 0, end_line = 0, end_col = 0;
};

enum class ExprKind : uint8_t {
    BoolOp, NamedExpr, BinOp, UnaryOp, Lambda, IfExp, Dict, Set, ListComp, SetComp, DictComp,
    GeneratorExp, Await, Yield, YieldFrom, Compare, Call, FormattedValue, JoinedStr, Constant,
    Attribute, Subscript, Starred, Name, List, Tuple, Slice,
};

enum class StmtKind : uint8_t {
    FunctionDef, ClassDef, Return, Delete, Assign, AugAssign, AnnAssign, For, While, If, With,
    Raise, Try, Assert, Import, ImportFrom, Global, Nonlocal, Expr, Pass, Break, Continue,
};

// Load/Store/Del as in CPython; the parser sets Store/Del on assignment and `del` targets.
enum class Ctx : uint8_t { Load, Store, Del };

enum class BoolOpKind : uint8_t { And, Or };
// Order matters: the compiler maps these one to one onto BINARY_OP operands.
enum class BinOpKind : uint8_t {
    Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv,
};
enum class UnaryOpKind : uint8_t { Invert, Not, UAdd, USub };
enum class CmpOpKind : uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

struct Expr {
    ExprKind kind;
    Loc loc;
    explicit Expr(ExprKind k) : kind(k) {}
    virtual ~Expr() = default;
};

struct Stmt {
    StmtKind kind;
    Loc loc;
    explicit Stmt(StmtKind k) : kind(k) {}
    virtual ~Stmt() = default;
};

using ExprList = std::vector<Expr*>;
using StmtList = std::vector<Stmt*>;

// ---- helpers shared by several nodes ----

struct Keyword {             // name=value in a call or class header; name empty for **value
    std::string name;
    Expr* value = nullptr;
    Loc loc;
};

struct Arg {                 // one parameter
    std::string name;
    Expr* annotation = nullptr;
    Loc loc;
};

struct Arguments {           // a full parameter list
    std::vector<Arg> posonly, args;
    std::unique_ptr<Arg> vararg;          // *args, or null
    std::vector<Arg> kwonly;
    std::vector<Expr*> kw_defaults;       // one per kwonly entry, null where none
    std::unique_ptr<Arg> kwarg;           // **kwargs, or null
    std::vector<Expr*> defaults;          // for the last len(defaults) of posonly+args
};

struct Comprehension {       // for target in iter if cond...
    Expr* target = nullptr;
    Expr* iter = nullptr;
    ExprList ifs;
    bool is_async = false;
};

struct Alias {               // import name as asname
    std::string name;        // dotted for `import a.b`
    std::string asname;      // empty when absent
    Loc loc;
};

struct WithItem {
    Expr* context_expr = nullptr;
    Expr* optional_vars = nullptr;
};

struct ExceptHandler {
    Expr* type = nullptr;    // null for a bare `except:`
    std::string name;        // empty when no `as`
    StmtList body;
    Loc loc;
};

// ---- expressions ----

struct BoolOp : Expr { BoolOpKind op; ExprList values; BoolOp() : Expr(ExprKind::BoolOp) {} };
struct NamedExpr : Expr { Expr* target; Expr* value; NamedExpr() : Expr(ExprKind::NamedExpr) {} };
struct BinOp : Expr { Expr* left; BinOpKind op; Expr* right; BinOp() : Expr(ExprKind::BinOp) {} };
struct UnaryOp : Expr { UnaryOpKind op; Expr* operand; UnaryOp() : Expr(ExprKind::UnaryOp) {} };
struct Lambda : Expr { Arguments args; Expr* body; Lambda() : Expr(ExprKind::Lambda) {} };
struct IfExp : Expr { Expr* test; Expr* body; Expr* orelse; IfExp() : Expr(ExprKind::IfExp) {} };
// keys[i] is null for a `**mapping` entry.
struct Dict : Expr { ExprList keys, values; Dict() : Expr(ExprKind::Dict) {} };
struct Set : Expr { ExprList elts; Set() : Expr(ExprKind::Set) {} };
struct ListComp : Expr {
    Expr* elt; std::vector<Comprehension> generators; ListComp() : Expr(ExprKind::ListComp) {}
};
struct SetComp : Expr {
    Expr* elt; std::vector<Comprehension> generators; SetComp() : Expr(ExprKind::SetComp) {}
};
struct DictComp : Expr {
    Expr* key; Expr* value; std::vector<Comprehension> generators;
    DictComp() : Expr(ExprKind::DictComp) {}
};
struct GeneratorExp : Expr {
    Expr* elt; std::vector<Comprehension> generators;
    GeneratorExp() : Expr(ExprKind::GeneratorExp) {}
};
struct Await : Expr { Expr* value; Await() : Expr(ExprKind::Await) {} };
struct Yield : Expr { Expr* value = nullptr; Yield() : Expr(ExprKind::Yield) {} };
struct YieldFrom : Expr { Expr* value; YieldFrom() : Expr(ExprKind::YieldFrom) {} };
// a < b <= c: left=a, ops={Lt, LtE}, comparators={b, c}.
struct Compare : Expr {
    Expr* left; std::vector<CmpOpKind> ops; ExprList comparators;
    Compare() : Expr(ExprKind::Compare) {}
};
// args may contain Starred; keywords with empty name are **mapping.
struct Call : Expr {
    Expr* func; ExprList args; std::vector<Keyword> keywords; Call() : Expr(ExprKind::Call) {}
};
// conversion: -1 none, 's', 'r' or 'a'. format_spec is a JoinedStr or null.
struct FormattedValue : Expr {
    Expr* value; int conversion = -1; Expr* format_spec = nullptr;
    FormattedValue() : Expr(ExprKind::FormattedValue) {}
};
// values are Constant(str) and FormattedValue pieces, adjacent literals already merged.
struct JoinedStr : Expr { ExprList values; JoinedStr() : Expr(ExprKind::JoinedStr) {} };

// A literal. Integers that do not fit int64 keep their decimal digits in `text` (kind BigInt);
// strings hold UTF-8, bytes hold raw bytes in `text`.
enum class ConstKind : uint8_t { None, True, False, Ellipsis, Int, BigInt, Float, Imag, Str, Bytes };
struct Constant : Expr {
    ConstKind ckind = ConstKind::None;
    int64_t i = 0;
    double f = 0;                  // Float, and Imag's imaginary part
    std::string text;              // BigInt digits (base 10), Str, Bytes
    Constant() : Expr(ExprKind::Constant) {}
};

struct Attribute : Expr {
    Expr* value; std::string attr; Ctx ctx = Ctx::Load; Attribute() : Expr(ExprKind::Attribute) {}
};
// slice is any expression, a Slice, or a Tuple containing Slices (a[1:2, 3]).
struct Subscript : Expr {
    Expr* value; Expr* slice; Ctx ctx = Ctx::Load; Subscript() : Expr(ExprKind::Subscript) {}
};
struct Starred : Expr { Expr* value; Ctx ctx = Ctx::Load; Starred() : Expr(ExprKind::Starred) {} };
struct Name : Expr { std::string id; Ctx ctx = Ctx::Load; Name() : Expr(ExprKind::Name) {} };
struct List : Expr { ExprList elts; Ctx ctx = Ctx::Load; List() : Expr(ExprKind::List) {} };
struct Tuple : Expr { ExprList elts; Ctx ctx = Ctx::Load; Tuple() : Expr(ExprKind::Tuple) {} };
struct Slice : Expr {
    Expr* lower = nullptr; Expr* upper = nullptr; Expr* step = nullptr;
    Slice() : Expr(ExprKind::Slice) {}
};

// ---- statements ----

// `async def` sets is_async; decorators apply bottom-up as in CPython.
struct FunctionDef : Stmt {
    std::string name; Arguments args; StmtList body; ExprList decorator_list;
    Expr* returns = nullptr; bool is_async = false;
    FunctionDef() : Stmt(StmtKind::FunctionDef) {}
};
struct ClassDef : Stmt {
    std::string name; ExprList bases; std::vector<Keyword> keywords; StmtList body;
    ExprList decorator_list;
    ClassDef() : Stmt(StmtKind::ClassDef) {}
};
struct Return : Stmt { Expr* value = nullptr; Return() : Stmt(StmtKind::Return) {} };
struct Delete : Stmt { ExprList targets; Delete() : Stmt(StmtKind::Delete) {} };
// a = b = value: targets={a, b}.
struct Assign : Stmt { ExprList targets; Expr* value; Assign() : Stmt(StmtKind::Assign) {} };
struct AugAssign : Stmt {
    Expr* target; BinOpKind op; Expr* value; AugAssign() : Stmt(StmtKind::AugAssign) {}
};
// simple: the target is a bare name not in parentheses.
struct AnnAssign : Stmt {
    Expr* target; Expr* annotation; Expr* value = nullptr; bool simple = true;
    AnnAssign() : Stmt(StmtKind::AnnAssign) {}
};
struct For : Stmt {
    Expr* target; Expr* iter; StmtList body, orelse; bool is_async = false;
    For() : Stmt(StmtKind::For) {}
};
struct While : Stmt { Expr* test; StmtList body, orelse; While() : Stmt(StmtKind::While) {} };
// elif chains are nested Ifs in orelse, as in CPython.
struct If : Stmt { Expr* test; StmtList body, orelse; If() : Stmt(StmtKind::If) {} };
struct With : Stmt {
    std::vector<WithItem> items; StmtList body; bool is_async = false;
    With() : Stmt(StmtKind::With) {}
};
struct Raise : Stmt { Expr* exc = nullptr; Expr* cause = nullptr; Raise() : Stmt(StmtKind::Raise) {} };
struct Try : Stmt {
    StmtList body; std::vector<ExceptHandler> handlers; StmtList orelse, finalbody;
    Try() : Stmt(StmtKind::Try) {}
};
struct Assert : Stmt { Expr* test; Expr* msg = nullptr; Assert() : Stmt(StmtKind::Assert) {} };
struct Import : Stmt { std::vector<Alias> names; Import() : Stmt(StmtKind::Import) {} };
// module empty for `from . import x`; names = {"*"} for a star import.
struct ImportFrom : Stmt {
    std::string module; std::vector<Alias> names; int level = 0;
    ImportFrom() : Stmt(StmtKind::ImportFrom) {}
};
struct Global : Stmt { std::vector<std::string> names; Global() : Stmt(StmtKind::Global) {} };
struct Nonlocal : Stmt { std::vector<std::string> names; Nonlocal() : Stmt(StmtKind::Nonlocal) {} };
struct ExprStmt : Stmt { Expr* value; ExprStmt() : Stmt(StmtKind::Expr) {} };
struct Pass : Stmt { Pass() : Stmt(StmtKind::Pass) {} };
struct Break : Stmt { Break() : Stmt(StmtKind::Break) {} };
struct Continue : Stmt { Continue() : Stmt(StmtKind::Continue) {} };

// Owns every node of one parse. Nodes are created through make<T>() and freed with the arena.
class Arena {
public:
    template <class T>
    T* make() {
        auto node = std::make_unique<T>();
        T* raw = node.get();
        if constexpr (std::is_base_of_v<Expr, T>)
            m_exprs.push_back(std::move(node));
        else
            m_stmts.push_back(std::move(node));
        return raw;
    }

private:
    std::deque<std::unique_ptr<Expr>> m_exprs;
    std::deque<std::unique_ptr<Stmt>> m_stmts;
};

// A parsed module (or a REPL line, or an eval() expression).
struct Module {
    std::shared_ptr<Arena> arena = std::make_shared<Arena>();
    StmtList body;
};

} // namespace eddy::ast
