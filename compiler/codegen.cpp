// compiler/codegen.cpp: the compiler's entry point and its plumbing: code units (one per code
// object), instruction emission with labels and lexical exception handlers, the constant and name
// tables, name resolution to LOAD_FAST/DEREF/GLOBAL/NAME, and closure creation. The visitors live
// in codegen_expr/stmt/func/async.cpp; assembly (stack depth, exception table) in assemble.cpp.
#include "compiler/codegen.hpp"

#include <algorithm>
#include <cstring>

namespace eddy::comp {

namespace {

// A string identifying a constant by type and value, for deduplication. Floats compare by bits
// so that 0.0 and -0.0 stay distinct, as CPython's constant cache keeps them.
std::string const_key(const vm::Constant& c, int serial);

struct KeyOf {
    int serial;
    std::string operator()(std::monostate) { return "N"; }
    std::string operator()(bool b) { return b ? "T" : "F"; }
    std::string operator()(int64_t i) { return "i" + std::to_string(i); }
    std::string operator()(const vm::BigIntDigits& b) { return std::string("I") + (b.negative ? "-" : "") + b.digits; }
    std::string operator()(double d) {
        uint64_t bits;
        std::memcpy(&bits, &d, sizeof bits);
        return "f" + std::to_string(bits);
    }
    std::string operator()(const vm::Complex& c) { return "c" + (*this)(c.real) + (*this)(c.imag); }
    std::string operator()(const std::string& s) { return "s" + s; }
    std::string operator()(const vm::Bytes& b) { return "b" + b.data; }
    std::string operator()(vm::Ellipsis) { return "E"; }
    std::string operator()(const std::shared_ptr<vm::ConstTuple>& t) {
        std::string k = t->frozenset ? "{" : "(";
        for (const vm::Constant& item : t->items) {
            std::string sub = const_key(item, serial);
            k += std::to_string(sub.size()) + ":" + sub;
        }
        return k + ")";
    }
    std::string operator()(const std::shared_ptr<vm::Code>&) { return "C" + std::to_string(serial); }
};

std::string const_key(const vm::Constant& c, int serial) { return std::visit(KeyOf{serial}, c); }

std::vector<std::string> sorted_names(const SymTableEntry& ste, bool (*pick)(const Symbol&)) {
    std::vector<std::string> out;
    for (const Symbol& s : ste.symbols)
        if (pick(s)) out.push_back(s.name);
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

std::optional<vm::Constant> constant_value(const ast::Expr* e) {
    using K = ast::ConstKind;
    if (e->kind == ast::ExprKind::Constant) {
        auto* c = static_cast<const ast::Constant*>(e);
        switch (c->ckind) {
        case K::None: return vm::Constant{};
        case K::True: return vm::Constant{true};
        case K::False: return vm::Constant{false};
        case K::Ellipsis: return vm::Constant{vm::Ellipsis{}};
        case K::Int: return vm::Constant{c->i};
        case K::BigInt: return vm::Constant{vm::BigIntDigits{c->text, false}};
        case K::Float: return vm::Constant{c->f};
        case K::Imag: return vm::Constant{vm::Complex{0, c->f}};
        case K::Str: return vm::Constant{c->text};
        case K::Bytes: return vm::Constant{vm::Bytes{c->text}};
        }
    }
    if (e->kind == ast::ExprKind::UnaryOp) {
        // Negative numeric literals are folded, as CPython's AST optimizer does for -1.
        auto* u = static_cast<const ast::UnaryOp*>(e);
        if (u->op != ast::UnaryOpKind::USub || u->operand->kind != ast::ExprKind::Constant)
            return std::nullopt;
        auto* c = static_cast<const ast::Constant*>(u->operand);
        switch (c->ckind) {
        case K::Int: return vm::Constant{-c->i};
        case K::BigInt: return vm::Constant{vm::BigIntDigits{c->text, true}};
        case K::Float: return vm::Constant{-c->f};
        case K::Imag: return vm::Constant{vm::Complex{-0.0, -c->f}};
        default: return std::nullopt;
        }
    }
    if (e->kind == ast::ExprKind::Tuple) {
        auto* t = static_cast<const ast::Tuple*>(e);
        if (t->ctx != ast::Ctx::Load) return std::nullopt;
        auto tuple = std::make_shared<vm::ConstTuple>();
        for (const ast::Expr* item : t->elts) {
            auto v = constant_value(item);
            if (!v) return std::nullopt;
            tuple->items.push_back(std::move(*v));
        }
        return vm::Constant{tuple};
    }
    return std::nullopt;
}

// ---- units ----

void Codegen::enter_scope(const std::string& name, ScopeType type, const void* node, int first_line) {
    auto unit = std::make_unique<Unit>();
    unit->ste = m_table.entry_for(node);
    unit->scope_type = type;
    if (!m_units.empty()) unit->private_name = u().private_name;
    auto code = std::make_shared<vm::Code>();
    code->name = name;
    code->filename = m_filename;
    code->first_line = first_line;
    // Qualified name, as compiler_set_qualname: `f.<locals>.g`, `C.m`, a global class is bare.
    std::string qual = name;
    if (m_units.size() > 1) {
        const Unit& parent = u();
        bool force_global = false;
        if (type == ScopeType::Function || type == ScopeType::AsyncFunction || type == ScopeType::Class)
            force_global = parent.ste->scope_of(mangle(parent.private_name, name)) == Scope::GlobalExplicit;
        if (!force_global) {
            bool in_function = parent.scope_type == ScopeType::Function ||
                               parent.scope_type == ScopeType::AsyncFunction ||
                               parent.scope_type == ScopeType::Lambda;
            qual = parent.code->qualname + (in_function ? ".<locals>." : ".") + name;
        }
    }
    code->qualname = qual;
    const SymTableEntry& ste = *unit->ste;
    code->cellvars = sorted_names(ste, [](const Symbol& s) { return s.scope == Scope::Cell; });
    if (ste.needs_class_closure) code->cellvars.insert(code->cellvars.begin(), "__class__");
    code->freevars = sorted_names(ste, [](const Symbol& s) {
        return s.scope == Scope::Free || (s.flags & DefFreeClass) != 0;
    });
    for (const std::string& p : ste.params) {
        unit->varname_index[p] = int(code->varnames.size());
        code->varnames.push_back(p);
    }
    for (size_t i = 0; i < code->cellvars.size(); i++) unit->cell_index[code->cellvars[i]] = int(i);
    for (size_t i = 0; i < code->freevars.size(); i++)
        unit->free_index[code->freevars[i]] = int(code->cellvars.size() + i);
    unit->code = std::move(code);
    unit->loc = vm::Position{first_line, first_line, 0, 0};
    m_units.push_back(std::move(unit));
}

std::shared_ptr<vm::Code> Codegen::exit_scope() {
    Unit& unit = u();
    vm::Code& code = *unit.code;
    const SymTableEntry& ste = *unit.ste;
    if (ste.kind == BlockKind::Function) {
        code.flags |= vm::CO_OPTIMIZED | vm::CO_NEWLOCALS;
        if (ste.nested) code.flags |= vm::CO_NESTED;
        if (ste.generator && !ste.coroutine) code.flags |= vm::CO_GENERATOR;
        if (!ste.generator && ste.coroutine) code.flags |= vm::CO_COROUTINE;
        if (ste.generator && ste.coroutine) code.flags |= vm::CO_ASYNC_GENERATOR;
        if (ste.varargs) code.flags |= vm::CO_VARARGS;
        if (ste.varkeywords) code.flags |= vm::CO_VARKEYWORDS;
    } else if (top_level_await() && ste.coroutine && !ste.generator) {
        code.flags |= vm::CO_COROUTINE;   // a REPL line with top-level await runs as a coroutine
    }
    code.cell2arg.assign(code.cellvars.size(), -1);
    for (size_t i = 0; i < code.cellvars.size(); i++) {
        auto it = std::find(ste.params.begin(), ste.params.end(), code.cellvars[i]);
        if (it != ste.params.end()) code.cell2arg[i] = int(it - ste.params.begin());
    }
    if (!failed()) {
        if (auto err = assemble(unit)) fail("internal compiler error: " + *err, ast::Loc{unit.loc.line, 0, 0, 0});
    }
    std::shared_ptr<vm::Code> result = unit.code;
    m_units.pop_back();
    return result;
}

bool Codegen::top_level_await() const {
    return m_mode == parse::Mode::Interactive && m_units.back()->ste->kind == BlockKind::Module;
}

std::shared_ptr<vm::Code> Codegen::compile_module(const ast::Module& module) {
    enter_scope("<module>", ScopeType::Module, &module, 1);
    if (m_mode == parse::Mode::Eval) {
        if (!module.body.empty() && module.body[0]->kind == ast::StmtKind::Expr) {
            auto* s = static_cast<const ast::ExprStmt*>(module.body[0]);
            set_loc(s->loc);
            visit_expr(s->value);
        } else {
            load_const({});
        }
        emit(vm::Op::RETURN_VALUE);
        return exit_scope();
    }
    if (m_mode == parse::Mode::Interactive) {
        bool has_ann = false;
        for (const ast::Stmt* s : module.body) has_ann |= s->kind == ast::StmtKind::AnnAssign;
        if (has_ann) emit(vm::Op::SETUP_ANNOTATIONS);
        visit_stmts(module.body);
    } else {
        body_with_docstring(module.body);
    }
    load_const({});
    emit(vm::Op::RETURN_VALUE);
    return exit_scope();
}

// ---- emission ----

void Codegen::set_loc(const ast::Loc& loc) { u().loc = vm::Position{loc.line, loc.end_line, loc.col, loc.end_col}; }

void Codegen::emit(vm::Op op, int arg) {
    Unit& unit = u();
    int handler = unit.handler_stack.empty() ? -1 : unit.handler_stack.back();
    unit.instrs.push_back(IInstr{int(op), arg, -1, unit.loc, handler});
}

void Codegen::emit_jump(vm::Op op, int label) {
    emit(op);
    u().instrs.back().target = label;
}

int Codegen::new_label() {
    u().labels.push_back(-1);
    return int(u().labels.size() - 1);
}

void Codegen::bind(int label) { u().labels[size_t(label)] = int(u().instrs.size()); }

void Codegen::setup(Pseudo kind, int label) {
    Unit& unit = u();
    int id = int(unit.handlers.size());
    unit.handlers.push_back(Handler{label, kind != SetupFinally});
    int handler = unit.handler_stack.empty() ? -1 : unit.handler_stack.back();
    unit.instrs.push_back(IInstr{int(kind), id, label, unit.loc, handler});
    unit.handler_stack.push_back(id);
}

void Codegen::fail(std::string msg, const ast::Loc& loc) {
    if (!m_error) m_error = SymError{std::move(msg), loc};
}

int Codegen::add_const(vm::Constant c) {
    Unit& unit = u();
    bool is_code = std::holds_alternative<std::shared_ptr<vm::Code>>(c);
    std::string key = const_key(c, is_code ? ++m_code_serial : 0);
    auto [it, inserted] = unit.const_index.emplace(key, int(unit.code->consts.size()));
    if (inserted) unit.code->consts.push_back(std::move(c));
    return it->second;
}

int Codegen::add_name(const std::string& name) {
    Unit& unit = u();
    auto [it, inserted] = unit.name_index.emplace(name, int(unit.code->names.size()));
    if (inserted) unit.code->names.push_back(name);
    return it->second;
}

// compiler_nameop: picks FAST / DEREF / GLOBAL / NAME from the symbol's scope and the block kind.
void Codegen::nameop(const std::string& raw, ast::Ctx ctx) {
    using vm::Op;
    Unit& unit = u();
    std::string name = mangled(raw);
    Scope scope = unit.ste->scope_of(name);
    bool function = unit.ste->kind == BlockKind::Function;
    if (scope == Scope::Free || scope == Scope::Cell) {
        auto& table = scope == Scope::Cell ? unit.cell_index : unit.free_index;
        auto it = table.find(name);
        if (it == table.end()) return fail("internal compiler error: no cell for '" + name + "'", {});
        Op load = unit.ste->kind == BlockKind::Class ? Op::LOAD_CLASSDEREF : Op::LOAD_DEREF;
        emit(ctx == ast::Ctx::Load ? load : ctx == ast::Ctx::Store ? Op::STORE_DEREF : Op::DELETE_DEREF,
             it->second);
        return;
    }
    if (scope == Scope::Local && function) {
        auto [it, inserted] = unit.varname_index.emplace(name, int(unit.code->varnames.size()));
        if (inserted) unit.code->varnames.push_back(name);
        emit(ctx == ast::Ctx::Load ? Op::LOAD_FAST : ctx == ast::Ctx::Store ? Op::STORE_FAST : Op::DELETE_FAST,
             it->second);
        return;
    }
    if (scope == Scope::GlobalExplicit || (scope == Scope::GlobalImplicit && function)) {
        emit(ctx == ast::Ctx::Load ? Op::LOAD_GLOBAL : ctx == ast::Ctx::Store ? Op::STORE_GLOBAL : Op::DELETE_GLOBAL,
             add_name(name));
        return;
    }
    emit(ctx == ast::Ctx::Load ? Op::LOAD_NAME : ctx == ast::Ctx::Store ? Op::STORE_NAME : Op::DELETE_NAME,
         add_name(name));
}

// compiler_make_closure: LOAD_CLOSURE each of the new function's free variables from this
// unit's cells, then MAKE_FUNCTION with flag 8.
void Codegen::make_closure(const std::shared_ptr<vm::Code>& code, int flags) {
    Unit& unit = u();
    if (!code->freevars.empty()) {
        for (const std::string& name : code->freevars) {
            int index = -1;
            bool cell = (unit.scope_type == ScopeType::Class && name == "__class__") ||
                        unit.ste->scope_of(name) == Scope::Cell;
            auto& table = cell ? unit.cell_index : unit.free_index;
            auto it = table.find(name);
            if (it != table.end()) index = it->second;
            if (index < 0) return fail("internal compiler error: cannot close over '" + name + "'", {});
            emit(vm::Op::LOAD_CLOSURE, index);
        }
        emit(vm::Op::BUILD_TUPLE, int(code->freevars.size()));
        flags |= 8;
    }
    load_const(code);
    emit(vm::Op::MAKE_FUNCTION, flags);
}

// ---- the public entry point ----

namespace {

std::string source_line(std::string_view source, int line) {
    size_t start = 0;
    for (int i = 1; i < line && start != std::string_view::npos; i++) {
        start = source.find('\n', start);
        if (start != std::string_view::npos) start++;
    }
    if (start == std::string_view::npos || start > source.size()) return "";
    size_t end = source.find('\n', start);
    std::string text(source.substr(start, end == std::string_view::npos ? end : end - start));
    if (!text.empty() && text.back() == '\r') text.pop_back();
    return text;
}

// Byte column -> CPython's 1-based character offset (SyntaxError.offset counts characters).
int char_offset(std::string_view line, int byte_col) {
    int chars = 0;
    for (int i = 0; i < byte_col; ++i)
        if (i >= int(line.size()) || (static_cast<unsigned char>(line[size_t(i)]) & 0xC0) != 0x80) ++chars;
    return chars + 1;
}

parse::SyntaxErrorInfo to_syntax_error(const SymError& err, std::string_view filename,
                                       std::string_view source) {
    parse::SyntaxErrorInfo info;
    info.msg = err.msg;
    info.filename = std::string(filename);
    info.line = err.loc.line;
    info.text = source_line(source, err.loc.line);
    info.col = char_offset(info.text, err.loc.col);
    info.end_line = std::max(err.loc.end_line, err.loc.line);
    info.end_col = char_offset(source_line(source, info.end_line), err.loc.end_col);
    return info;
}

} // namespace

CompileResult compile(const ast::Module& module, std::string_view filename, parse::Mode mode,
                      std::string_view source) {
    SymTableResult table = build_symtable(module, mode);
    if (auto* err = std::get_if<SymError>(&table)) return to_syntax_error(*err, filename, source);
    Codegen gen(*std::get<std::unique_ptr<SymTable>>(table), filename, mode);
    std::shared_ptr<vm::Code> code = gen.compile_module(module);
    if (gen.error()) return to_syntax_error(*gen.error(), filename, source);
    return code;
}

} // namespace eddy::comp
