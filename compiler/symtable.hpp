// compiler/symtable.hpp: scope analysis, a port of CPython 3.11's Python/symtable.c. One entry per
// module, function, lambda, class and comprehension, recording how every name is bound and, after
// analysis, whether each is local, global (explicit or implicit), free or a cell. Codegen reads it;
// nothing here emits code.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include "parser/ast.hpp"
#include "parser/parse.hpp"

namespace eddy::comp {

// How a name is resolved at run time (CPython's LOCAL, GLOBAL_EXPLICIT, ... in symtable.h).
enum class Scope : uint8_t { Unknown, Local, GlobalExplicit, GlobalImplicit, Free, Cell };

// What the visit pass saw for a name (CPython's DEF_* bits).
enum DefFlag : uint32_t {
    DefGlobal = 1,        // `global x`
    DefLocal = 2,         // assigned in this block
    DefParam = 4,
    DefNonlocal = 8,      // `nonlocal x`
    DefUse = 16,          // read in this block
    DefFreeClass = 64,    // free in a method, but bound in the class body
    DefImport = 128,
    DefAnnot = 256,
    DefCompIter = 512,    // a comprehension's iteration variable
    DefBound = DefLocal | DefParam | DefImport,
};

enum class BlockKind : uint8_t { Module, Function, Class };
enum class CompKind : uint8_t { None, List, Set, Dict, Gen };

struct Symbol {
    std::string name;
    uint32_t flags = 0;
    Scope scope = Scope::Unknown;
};

struct SymTableEntry {
    BlockKind kind = BlockKind::Module;
    std::string name;                    // function/class name, "lambda", "listcomp", ...
    int first_line = 1;
    std::vector<Symbol> symbols;         // in first-seen order, like CPython's ste_symbols dict
    std::unordered_map<std::string, size_t> index;
    std::vector<std::string> params;     // parameter names in declaration order (ste_varnames)
    std::vector<SymTableEntry*> children;
    std::unordered_map<std::string, ast::Loc> directives;   // where `global`/`nonlocal` named it

    bool nested = false;                 // inside a function: CO_NESTED
    bool generator = false;              // contains yield
    bool coroutine = false;              // async def, or contains await / async comprehension
    CompKind comprehension = CompKind::None;
    bool is_lambda = false;
    bool varargs = false, varkeywords = false;
    bool has_free = false, child_free = false;
    bool needs_class_closure = false;    // a class whose methods use __class__ / super()
    bool comp_iter_target = false;       // visiting a comprehension target (visit-time state)
    int comp_iter_expr = 0;

    const Symbol* lookup(std::string_view name) const;
    uint32_t flags_of(std::string_view name) const;
    Scope scope_of(std::string_view name) const;
};

struct SymTable {
    std::vector<std::unique_ptr<SymTableEntry>> entries;
    std::unordered_map<const void*, SymTableEntry*> by_node;   // AST node -> its block
    SymTableEntry* top = nullptr;

    SymTableEntry* entry_for(const void* node) const;
};

struct SymError {
    std::string msg;
    ast::Loc loc;
};

using SymTableResult = std::variant<std::unique_ptr<SymTable>, SymError>;

// Runs the visit pass then the analysis pass over `module`.
SymTableResult build_symtable(const ast::Module& module, parse::Mode mode);

// CPython's _Py_Mangle: `__x` inside class `C` becomes `_C__x`.
std::string mangle(std::string_view private_name, std::string_view name);

} // namespace eddy::comp
