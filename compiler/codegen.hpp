// compiler/codegen.hpp: the code generator's private state, shared by the codegen_*.cpp files.
// Mirrors CPython 3.11's compile.c: one Unit per code object being built, a frame-block stack for
// break/continue/return unwinding, and exception handlers tracked lexically (each instruction is
// tagged with the innermost active handler; assemble.cpp turns the tags into the zero-cost
// exception table). Not part of the compiler's public interface (that is compile.hpp).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "compiler/compile.hpp"
#include "compiler/symtable.hpp"
#include "vm/bytecode.hpp"

namespace eddy::comp {

// Pseudo-instructions that exist only before assembly (CPython's SETUP_* family). Each opens a
// handler; the stack-depth pass uses them to learn the handler's depth and then drops them.
enum Pseudo : int { SetupFinally = 256, SetupCleanup, SetupWith };

struct IInstr {
    int op;                 // a vm::Op value or a Pseudo
    int arg = 0;
    int target = -1;        // label for jumps and SETUP_*; SETUP_* keeps its handler id in arg
    vm::Position pos;
    int handler = -1;       // innermost active handler id, or -1
};

struct Handler {
    int label;              // where the handler code starts
    bool lasti;             // push the raising instruction's index below the exception
    int depth = -1;         // stack depth to unwind to; filled by the stack-depth pass
};

// CPython's fblocktype: what break/continue/return must undo on the way out.
enum class FBlockKind {
    WhileLoop, ForLoop, TryExcept, FinallyTry, FinallyEnd, With, AsyncWith, HandlerCleanup,
    PopValue, ExceptionHandler, AsyncComprehensionGenerator,
};

struct FBlock {
    FBlockKind kind;
    int block = -1;                          // loop start (continue target)
    int exit = -1;                           // loop exit (break target)
    const ast::StmtList* finalbody = nullptr; // FinallyTry: the body to duplicate
    const ast::Stmt* with = nullptr;          // With/AsyncWith: for the exit call's position
    std::string name;                        // HandlerCleanup: the `as` name, or empty

    FBlock(FBlockKind k, int b = -1, int e = -1, const ast::StmtList* fin = nullptr,
           const ast::Stmt* w = nullptr, std::string n = {})
        : kind(k), block(b), exit(e), finalbody(fin), with(w), name(std::move(n)) {}
};

enum class ScopeType { Module, Class, Function, AsyncFunction, Lambda, Comprehension };

struct Unit {
    SymTableEntry* ste = nullptr;
    ScopeType scope_type = ScopeType::Module;
    std::string private_name;                 // class name for mangling, inherited by nested scopes
    std::shared_ptr<vm::Code> code;
    std::unordered_map<std::string, int> const_index, name_index, varname_index;
    std::unordered_map<std::string, int> cell_index, free_index;
    std::vector<IInstr> instrs;
    std::vector<int> labels;                  // label id -> instruction index, -1 while unbound
    std::vector<Handler> handlers;
    std::vector<int> handler_stack;           // ids of the active handlers, innermost last
    std::vector<FBlock> fblocks;
    vm::Position loc;                         // position given to the next emitted instruction
};

// Fills code.instructions/positions/exception_table/stacksize from the unit's instruction list,
// dropping unreachable code. Returns an error text only on an internal inconsistency.
std::optional<std::string> assemble(Unit& unit);

class Codegen {
public:
    Codegen(const SymTable& table, std::string_view filename, parse::Mode mode)
        : m_table(table), m_filename(filename), m_mode(mode) {}

    // Compiles the module; on failure `error()` holds the first compile error.
    std::shared_ptr<vm::Code> compile_module(const ast::Module& module);
    const std::optional<SymError>& error() const { return m_error; }

    // ---- units and emission (codegen.cpp) ----
    void enter_scope(const std::string& name, ScopeType type, const void* node, int first_line);
    std::shared_ptr<vm::Code> exit_scope();
    Unit& u() { return *m_units.back(); }
    void emit(vm::Op op, int arg = 0);
    void emit_jump(vm::Op op, int label);
    int new_label();
    void bind(int label);
    void setup(Pseudo kind, int label);
    void pop_block() { u().handler_stack.pop_back(); }
    void set_loc(const ast::Loc& loc);
    void fail(std::string msg, const ast::Loc& loc);
    bool failed() const { return m_error.has_value(); }
    int add_const(vm::Constant c);
    int add_name(const std::string& name);
    void load_const(vm::Constant c) { emit(vm::Op::LOAD_CONST, add_const(std::move(c))); }
    void nameop(const std::string& name, ast::Ctx ctx);
    void make_closure(const std::shared_ptr<vm::Code>& code, int flags);
    std::string mangled(const std::string& name) { return mangle(u().private_name, name); }
    bool top_level_await() const;

    // ---- expressions (codegen_expr.cpp) ----
    void visit_expr(const ast::Expr* e);
    void visit_exprs(const ast::ExprList& list) {
        for (const ast::Expr* e : list) visit_expr(e);
    }
    void jump_if(const ast::Expr* e, int label, bool cond);
    void call_helper(int pushed, const ast::ExprList& args, const std::vector<ast::Keyword>& kws);
    void unpack_assign(const ast::ExprList& elts, const ast::Loc& loc);

    // ---- functions, classes, comprehensions (codegen_func.cpp) ----
    void function_def(const ast::FunctionDef* f);
    void class_def(const ast::ClassDef* c);
    void lambda(const ast::Lambda* l);
    void comprehension(const ast::Expr* e, const char* name, const std::vector<ast::Comprehension>& gens,
                       const ast::Expr* elt, const ast::Expr* value);
    void comprehension_generator(const std::vector<ast::Comprehension>& gens, size_t index, int depth,
                                 const ast::Expr* elt, const ast::Expr* value, ast::ExprKind kind);
    void comprehension_element(const ast::Expr* elt, const ast::Expr* value, ast::ExprKind kind,
                               int depth);
    void body_with_docstring(const ast::StmtList& body);

    // ---- statements (codegen_stmt.cpp) ----
    void visit_stmt(const ast::Stmt* s);
    void visit_stmts(const ast::StmtList& list) {
        for (const ast::Stmt* s : list) visit_stmt(s);
    }
    void push_fblock(FBlock fb) { u().fblocks.push_back(std::move(fb)); }
    void pop_fblock() { u().fblocks.pop_back(); }
    void unwind_fblock(const FBlock& fb, bool preserve_tos);
    bool unwind_fblock_stack(bool preserve_tos, bool want_loop, FBlock& loop);
    void call_exit_with_nones();
    void with_except_finish(int cleanup);
    void pop_except_and_reraise();

    // ---- generators and coroutines (codegen_async.cpp) ----
    void yield_value();
    void add_yield_from(bool await);
    void await_expr(const ast::Await* e);
    void yield_expr(const ast::Expr* e);
    void async_for(const ast::For* s);
    void async_with(const ast::With* s, size_t pos);
    void async_comprehension_generator(const std::vector<ast::Comprehension>& gens, size_t index,
                                       int depth, const ast::Expr* elt, const ast::Expr* value,
                                       ast::ExprKind kind);

private:
    const SymTable& m_table;
    std::string m_filename;
    parse::Mode m_mode;
    std::vector<std::unique_ptr<Unit>> m_units;
    std::optional<SymError> m_error;
    int m_code_serial = 0;                    // makes code constants never compare equal
};

// Folds a literal, a negated numeric literal, or a tuple of those into a constant.
std::optional<vm::Constant> constant_value(const ast::Expr* e);

} // namespace eddy::comp
