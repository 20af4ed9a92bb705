// compiler/symtable.cpp: builds the symbol table in two passes, as CPython 3.11's symtable.c:
// a visit pass recording DEF_* flags per name per block, then analyze_block() resolving each
// name to Local/Global/Free/Cell with the bound/free/global sets flowing down and up the tree.
// Error messages are CPython's, word for word.
#include "compiler/symtable.hpp"

#include <algorithm>
#include <optional>
#include <unordered_set>

namespace eddy::comp {

using NameSet = std::unordered_set<std::string>;

const Symbol* SymTableEntry::lookup(std::string_view name) const {
    auto it = index.find(std::string(name));
    return it == index.end() ? nullptr : &symbols[it->second];
}

uint32_t SymTableEntry::flags_of(std::string_view name) const {
    const Symbol* s = lookup(name);
    return s ? s->flags : 0;
}

Scope SymTableEntry::scope_of(std::string_view name) const {
    const Symbol* s = lookup(name);
    return s ? s->scope : Scope::Unknown;
}

SymTableEntry* SymTable::entry_for(const void* node) const {
    auto it = by_node.find(node);
    return it == by_node.end() ? nullptr : it->second;
}

std::string mangle(std::string_view private_name, std::string_view name) {
    // Only `__x` (not dunder, not dotted) inside a class gets the `_Class` prefix.
    if (private_name.empty() || name.size() < 2 || name[0] != '_' || name[1] != '_')
        return std::string(name);
    if (name.size() >= 4 && name.substr(name.size() - 2) == "__") return std::string(name);
    if (name.find('.') != std::string_view::npos) return std::string(name);
    size_t skip = private_name.find_first_not_of('_');
    if (skip == std::string_view::npos) return std::string(name);
    return "_" + std::string(private_name.substr(skip)) + std::string(name);
}

namespace {

class Builder {
public:
    Builder() : m_table(std::make_unique<SymTable>()) {}

    SymTableResult run(const ast::Module& module) {
        m_table->top = enter(BlockKind::Module, "top", &module, 1);
        visit_stmts(module.body);
        exit_block();
        if (!m_error) analyze();
        if (m_error) return *m_error;
        return std::move(m_table);
    }

private:
    std::unique_ptr<SymTable> m_table;
    std::vector<SymTableEntry*> m_stack;
    SymTableEntry* m_cur = nullptr;
    std::string m_private;                 // enclosing class name, for mangling
    std::optional<SymError> m_error;       // the first error wins; later ones are dropped

    void error(std::string msg, const ast::Loc& loc) {
        if (!m_error) m_error = SymError{std::move(msg), loc};
    }

    SymTableEntry* enter(BlockKind kind, std::string name, const void* node, int line) {
        auto entry = std::make_unique<SymTableEntry>();
        entry->kind = kind;
        entry->name = std::move(name);
        entry->first_line = line;
        if (m_cur && (m_cur->nested || m_cur->kind == BlockKind::Function)) entry->nested = true;
        SymTableEntry* raw = entry.get();
        if (m_cur) m_cur->children.push_back(raw);
        m_table->by_node[node] = raw;
        m_table->entries.push_back(std::move(entry));
        m_stack.push_back(raw);
        m_cur = raw;
        return raw;
    }

    void exit_block() {
        m_stack.pop_back();
        m_cur = m_stack.empty() ? nullptr : m_stack.back();
    }

    // symtable_add_def_helper: records `flag` for the mangled name in `ste`.
    void add_def_in(SymTableEntry* ste, const std::string& raw, uint32_t flag, const ast::Loc& loc) {
        std::string name = mangle(m_private, raw);
        auto it = ste->index.find(name);
        uint32_t val = flag;
        if (it != ste->index.end()) {
            val = ste->symbols[it->second].flags;
            if ((flag & DefParam) && (val & DefParam))
                return error("duplicate argument '" + name + "' in function definition", loc);
            val |= flag;
        }
        if (ste->comp_iter_target) {
            if (val & (DefGlobal | DefNonlocal))
                return error("comprehension inner loop cannot rebind assignment expression target '" +
                             name + "'", loc);
            val |= DefCompIter;
        }
        if (it != ste->index.end()) {
            ste->symbols[it->second].flags = val;
        } else {
            ste->index[name] = ste->symbols.size();
            ste->symbols.push_back(Symbol{name, val, Scope::Unknown});
        }
        if (flag & DefParam) {
            ste->params.push_back(name);
        } else if (flag & DefGlobal) {
            // A `global` anywhere also marks the module-level symbol (CPython's st_global).
            SymTableEntry* top = m_table->top;
            auto g = top->index.find(name);
            if (g == top->index.end()) {
                top->index[name] = top->symbols.size();
                top->symbols.push_back(Symbol{name, flag, Scope::Unknown});
            } else {
                top->symbols[g->second].flags |= flag;
            }
        }
    }

    void add_def(const std::string& name, uint32_t flag, const ast::Loc& loc) {
        add_def_in(m_cur, name, flag, loc);
    }

    // ---- visit pass ----

    void visit_stmts(const ast::StmtList& list) {
        for (ast::Stmt* s : list) visit_stmt(s);
    }
    void visit_exprs(const ast::ExprList& list) {
        for (ast::Expr* e : list)
            if (e) visit_expr(e);
    }

    void visit_params(const std::vector<ast::Arg>& params) {
        for (const ast::Arg& a : params) add_def(a.name, DefParam, a.loc);
    }

    void visit_arguments(const ast::Arguments& args) {
        visit_params(args.posonly);
        visit_params(args.args);
        visit_params(args.kwonly);
        if (args.vararg) {
            add_def(args.vararg->name, DefParam, args.vararg->loc);
            m_cur->varargs = true;
        }
        if (args.kwarg) {
            add_def(args.kwarg->name, DefParam, args.kwarg->loc);
            m_cur->varkeywords = true;
        }
    }

    void visit_defaults(const ast::Arguments& args) {
        visit_exprs(args.defaults);
        visit_exprs(args.kw_defaults);
    }

    void visit_function(const ast::FunctionDef* f) {
        add_def(f->name, DefLocal, f->loc);
        visit_defaults(f->args);
        visit_exprs(f->decorator_list);
        int line = f->decorator_list.empty() ? f->loc.line : f->decorator_list[0]->loc.line;
        enter(BlockKind::Function, f->name, f, line);
        if (f->is_async) m_cur->coroutine = true;
        visit_arguments(f->args);
        visit_stmts(f->body);
        exit_block();
    }

    void visit_class(const ast::ClassDef* c) {
        add_def(c->name, DefLocal, c->loc);
        visit_exprs(c->bases);
        for (const ast::Keyword& k : c->keywords) visit_expr(k.value);
        visit_exprs(c->decorator_list);
        int line = c->decorator_list.empty() ? c->loc.line : c->decorator_list[0]->loc.line;
        enter(BlockKind::Class, c->name, c, line);
        std::string saved = std::move(m_private);
        m_private = c->name;
        visit_stmts(c->body);
        m_private = std::move(saved);
        exit_block();
    }

    void visit_directive(const ast::Stmt* s, const std::vector<std::string>& names, bool global) {
        const char* kind = global ? "global" : "nonlocal";
        for (const std::string& raw : names) {
            uint32_t cur = m_cur->flags_of(mangle(m_private, raw));
            if (cur & (DefParam | DefLocal | DefUse | DefAnnot)) {
                std::string msg;
                if (cur & DefParam) msg = "name '" + raw + "' is parameter and " + kind;
                else if (cur & DefUse) msg = "name '" + raw + "' is used prior to " + kind + " declaration";
                else if (cur & DefAnnot) msg = "annotated name '" + raw + "' can't be " + kind;
                else msg = "name '" + raw + "' is assigned to before " + kind + " declaration";
                return error(msg, s->loc);
            }
            add_def(raw, global ? DefGlobal : DefNonlocal, s->loc);
            m_cur->directives.emplace(mangle(m_private, raw), s->loc);
        }
    }

    void visit_alias(const ast::Alias& a) {
        const std::string& name = a.asname.empty() ? a.name : a.asname;
        if (name == "*") {
            if (m_cur->kind != BlockKind::Module)
                error("import * only allowed at module level", a.loc);
            return;
        }
        add_def(name.substr(0, name.find('.')), DefImport, a.loc);
    }

    void visit_annassign(const ast::AnnAssign* s) {
        if (s->target->kind == ast::ExprKind::Name) {
            auto* n = static_cast<const ast::Name*>(s->target);
            uint32_t cur = m_cur->flags_of(mangle(m_private, n->id));
            if ((cur & (DefGlobal | DefNonlocal)) && m_cur != m_table->top && s->simple) {
                return error("annotated name '" + n->id + "' can't be " +
                             ((cur & DefGlobal) ? "global" : "nonlocal"), s->loc);
            }
            if (s->simple) add_def(n->id, DefAnnot | DefLocal, n->loc);
            else if (s->value) add_def(n->id, DefLocal, n->loc);
        } else {
            visit_expr(s->target);
        }
        // Annotations are evaluated only in module and class bodies (see codegen_stmt.cpp).
        if (m_cur->kind != BlockKind::Function) visit_expr(s->annotation);
        if (s->value) visit_expr(s->value);
    }

    void visit_opt(const ast::Expr* e) {
        if (e) visit_expr(e);
    }
    void visit_stmt(const ast::Stmt* s);
    void visit_simple(const ast::Stmt* s);
    void visit_compound(const ast::Stmt* s);
    void visit_expr(const ast::Expr* e);
    void visit_children(const ast::Expr* e);
    void visit_lambda(const ast::Lambda* l);
    void visit_yield(const ast::Expr* e);
    void visit_comprehension(const ast::Expr* e, const char* name, CompKind kind,
                             const std::vector<ast::Comprehension>& gens, const ast::Expr* elt,
                             const ast::Expr* value);
    void visit_namedexpr(const ast::NamedExpr* e);
    void extend_namedexpr_scope(const ast::Name* target);

    // ---- analysis pass ----
    void analyze() { NameSet free, global; analyze_block(m_table->top, nullptr, free, global); }
    bool analyze_name(SymTableEntry* ste, Symbol& sym, const NameSet* bound, NameSet& local,
                      NameSet& free, NameSet& global);
    void analyze_block(SymTableEntry* ste, const NameSet* bound, NameSet& free, NameSet& global);
    void update_symbols(SymTableEntry* ste, const NameSet* bound, const NameSet& free);
};

void Builder::visit_stmt(const ast::Stmt* s) {
    using K = ast::StmtKind;
    switch (s->kind) {
    case K::FunctionDef: return visit_function(static_cast<const ast::FunctionDef*>(s));
    case K::ClassDef: return visit_class(static_cast<const ast::ClassDef*>(s));
    case K::AnnAssign: return visit_annassign(static_cast<const ast::AnnAssign*>(s));
    case K::For:
    case K::While:
    case K::If:
    case K::With:
    case K::Try: return visit_compound(s);
    case K::Import:
        for (const ast::Alias& a : static_cast<const ast::Import*>(s)->names) visit_alias(a);
        return;
    case K::ImportFrom:
        for (const ast::Alias& a : static_cast<const ast::ImportFrom*>(s)->names) visit_alias(a);
        return;
    case K::Global: return visit_directive(s, static_cast<const ast::Global*>(s)->names, true);
    case K::Nonlocal: return visit_directive(s, static_cast<const ast::Nonlocal*>(s)->names, false);
    case K::Pass:
    case K::Break:
    case K::Continue: return;
    default: return visit_simple(s);
    }
}

// Statements that only contain expressions, visited in CPython's order.
void Builder::visit_simple(const ast::Stmt* s) {
    using K = ast::StmtKind;
    switch (s->kind) {
    case K::Return: return visit_opt(static_cast<const ast::Return*>(s)->value);
    case K::Delete: return visit_exprs(static_cast<const ast::Delete*>(s)->targets);
    case K::Assign: {
        auto* a = static_cast<const ast::Assign*>(s);
        visit_exprs(a->targets);
        return visit_expr(a->value);
    }
    case K::AugAssign: {
        auto* a = static_cast<const ast::AugAssign*>(s);
        visit_expr(a->target);
        return visit_expr(a->value);
    }
    case K::Raise: {
        auto* r = static_cast<const ast::Raise*>(s);
        visit_opt(r->exc);
        return visit_opt(r->cause);
    }
    case K::Assert: {
        auto* a = static_cast<const ast::Assert*>(s);
        visit_expr(a->test);
        return visit_opt(a->msg);
    }
    case K::Expr: return visit_expr(static_cast<const ast::ExprStmt*>(s)->value);
    default: return;
    }
}

void Builder::visit_compound(const ast::Stmt* s) {
    using K = ast::StmtKind;
    if (s->kind == K::For) {
        auto* f = static_cast<const ast::For*>(s);
        visit_expr(f->target);
        visit_expr(f->iter);
        visit_stmts(f->body);
        return visit_stmts(f->orelse);
    }
    if (s->kind == K::While) {
        auto* w = static_cast<const ast::While*>(s);
        visit_expr(w->test);
        visit_stmts(w->body);
        return visit_stmts(w->orelse);
    }
    if (s->kind == K::If) {
        auto* i = static_cast<const ast::If*>(s);
        visit_expr(i->test);
        visit_stmts(i->body);
        return visit_stmts(i->orelse);
    }
    if (s->kind == K::With) {
        auto* w = static_cast<const ast::With*>(s);
        for (const ast::WithItem& item : w->items) {
            visit_expr(item.context_expr);
            visit_opt(item.optional_vars);
        }
        return visit_stmts(w->body);
    }
    auto* t = static_cast<const ast::Try*>(s);
    visit_stmts(t->body);
    visit_stmts(t->orelse);
    for (const ast::ExceptHandler& h : t->handlers) {
        visit_opt(h.type);
        if (!h.name.empty()) add_def(h.name, DefLocal, h.loc);
        visit_stmts(h.body);
    }
    visit_stmts(t->finalbody);
}

void Builder::visit_expr(const ast::Expr* e) {
    using K = ast::ExprKind;
    switch (e->kind) {
    case K::NamedExpr: return visit_namedexpr(static_cast<const ast::NamedExpr*>(e));
    case K::Lambda: return visit_lambda(static_cast<const ast::Lambda*>(e));
    case K::ListComp: {
        auto* c = static_cast<const ast::ListComp*>(e);
        return visit_comprehension(e, "listcomp", CompKind::List, c->generators, c->elt, nullptr);
    }
    case K::SetComp: {
        auto* c = static_cast<const ast::SetComp*>(e);
        return visit_comprehension(e, "setcomp", CompKind::Set, c->generators, c->elt, nullptr);
    }
    case K::DictComp: {
        auto* c = static_cast<const ast::DictComp*>(e);
        return visit_comprehension(e, "dictcomp", CompKind::Dict, c->generators, c->key, c->value);
    }
    case K::GeneratorExp: {
        auto* c = static_cast<const ast::GeneratorExp*>(e);
        return visit_comprehension(e, "genexpr", CompKind::Gen, c->generators, c->elt, nullptr);
    }
    case K::Yield:
    case K::YieldFrom: return visit_yield(e);
    case K::Await:
        visit_expr(static_cast<const ast::Await*>(e)->value);
        m_cur->coroutine = true;
        return;
    case K::Name: {
        auto* n = static_cast<const ast::Name*>(e);
        add_def(n->id, n->ctx == ast::Ctx::Load ? DefUse : DefLocal, n->loc);
        // Zero-argument super() needs the __class__ cell.
        if (n->ctx == ast::Ctx::Load && m_cur->kind == BlockKind::Function && n->id == "super")
            add_def("__class__", DefUse, n->loc);
        return;
    }
    default: return visit_children(e);
    }
}

// Expressions that bind nothing themselves: just visit the sub-expressions.
void Builder::visit_children(const ast::Expr* e) {
    using K = ast::ExprKind;
    switch (e->kind) {
    case K::BoolOp: return visit_exprs(static_cast<const ast::BoolOp*>(e)->values);
    case K::BinOp: {
        auto* b = static_cast<const ast::BinOp*>(e);
        visit_expr(b->left);
        return visit_expr(b->right);
    }
    case K::UnaryOp: return visit_expr(static_cast<const ast::UnaryOp*>(e)->operand);
    case K::IfExp: {
        auto* i = static_cast<const ast::IfExp*>(e);
        visit_expr(i->test);
        visit_expr(i->body);
        return visit_expr(i->orelse);
    }
    case K::Dict: {
        auto* d = static_cast<const ast::Dict*>(e);
        for (size_t i = 0; i < d->values.size(); i++) {
            visit_opt(d->keys[i]);
            visit_expr(d->values[i]);
        }
        return;
    }
    case K::Set: return visit_exprs(static_cast<const ast::Set*>(e)->elts);
    case K::Compare: {
        auto* c = static_cast<const ast::Compare*>(e);
        visit_expr(c->left);
        return visit_exprs(c->comparators);
    }
    case K::Call: {
        auto* c = static_cast<const ast::Call*>(e);
        visit_expr(c->func);
        visit_exprs(c->args);
        for (const ast::Keyword& k : c->keywords) visit_expr(k.value);
        return;
    }
    case K::FormattedValue: {
        auto* f = static_cast<const ast::FormattedValue*>(e);
        visit_expr(f->value);
        return visit_opt(f->format_spec);
    }
    case K::JoinedStr: return visit_exprs(static_cast<const ast::JoinedStr*>(e)->values);
    case K::Attribute: return visit_expr(static_cast<const ast::Attribute*>(e)->value);
    case K::Subscript: {
        auto* s = static_cast<const ast::Subscript*>(e);
        visit_expr(s->value);
        return visit_expr(s->slice);
    }
    case K::Starred: return visit_expr(static_cast<const ast::Starred*>(e)->value);
    case K::List: return visit_exprs(static_cast<const ast::List*>(e)->elts);
    case K::Tuple: return visit_exprs(static_cast<const ast::Tuple*>(e)->elts);
    case K::Slice: {
        auto* s = static_cast<const ast::Slice*>(e);
        visit_opt(s->lower);
        visit_opt(s->upper);
        return visit_opt(s->step);
    }
    default: return;   // Constant
    }
}

void Builder::visit_lambda(const ast::Lambda* l) {
    visit_defaults(l->args);
    enter(BlockKind::Function, "lambda", l, l->loc.line);
    m_cur->is_lambda = true;
    visit_arguments(l->args);
    visit_expr(l->body);
    exit_block();
}

void Builder::visit_yield(const ast::Expr* e) {
    visit_opt(e->kind == ast::ExprKind::Yield ? static_cast<const ast::Yield*>(e)->value
                                              : static_cast<const ast::YieldFrom*>(e)->value);
    switch (m_cur->comprehension) {
    case CompKind::None: break;
    case CompKind::List: return error("'yield' inside list comprehension", e->loc);
    case CompKind::Set: return error("'yield' inside set comprehension", e->loc);
    case CompKind::Dict: return error("'yield' inside dict comprehension", e->loc);
    case CompKind::Gen: return error("'yield' inside generator expression", e->loc);
    }
    m_cur->generator = true;
}

// symtable_handle_comprehension: the first iterator is evaluated in the enclosing scope; the rest
// lives in a function scope that receives that iterator as the implicit parameter `.0`.
void Builder::visit_comprehension(const ast::Expr* e, const char* name, CompKind kind,
                                  const std::vector<ast::Comprehension>& gens,
                                  const ast::Expr* elt, const ast::Expr* value) {
    const ast::Comprehension& outer = gens[0];
    m_cur->comp_iter_expr++;
    visit_expr(outer.iter);
    m_cur->comp_iter_expr--;
    enter(BlockKind::Function, name, e, e->loc.line);
    if (outer.is_async) m_cur->coroutine = true;
    m_cur->comprehension = kind;
    add_def(".0", DefParam, e->loc);
    m_cur->comp_iter_target = true;
    visit_expr(outer.target);
    m_cur->comp_iter_target = false;
    visit_exprs(outer.ifs);
    for (size_t i = 1; i < gens.size(); i++) {
        m_cur->comp_iter_target = true;
        visit_expr(gens[i].target);
        m_cur->comp_iter_target = false;
        m_cur->comp_iter_expr++;
        visit_expr(gens[i].iter);
        m_cur->comp_iter_expr--;
        visit_exprs(gens[i].ifs);
        if (gens[i].is_async) m_cur->coroutine = true;
    }
    if (value) visit_expr(value);
    visit_expr(elt);
    if (kind == CompKind::Gen) m_cur->generator = true;
    exit_block();
}

void Builder::visit_namedexpr(const ast::NamedExpr* e) {
    if (m_cur->comp_iter_expr > 0)
        return error("assignment expression cannot be used in a comprehension iterable expression",
                     e->loc);
    if (m_cur->comprehension != CompKind::None && e->target->kind == ast::ExprKind::Name)
        extend_namedexpr_scope(static_cast<const ast::Name*>(e->target));
    visit_expr(e->value);
    visit_expr(e->target);
}

// A walrus inside a comprehension binds in the nearest enclosing function (or module) scope.
void Builder::extend_namedexpr_scope(const ast::Name* target) {
    const std::string& name = target->id;
    for (size_t i = m_stack.size(); i-- > 0;) {
        SymTableEntry* ste = m_stack[i];
        if (ste->comprehension != CompKind::None) {
            if (ste->flags_of(name) & DefCompIter)
                return error("assignment expression cannot rebind comprehension iteration variable '" +
                             name + "'", target->loc);
            continue;
        }
        if (ste->kind == BlockKind::Function) {
            add_def(name, (ste->flags_of(name) & DefGlobal) ? DefGlobal : DefNonlocal, target->loc);
            m_cur->directives.emplace(name, target->loc);
            return add_def_in(ste, name, DefLocal, target->loc);
        }
        if (ste->kind == BlockKind::Module) {
            add_def(name, DefGlobal, target->loc);
            m_cur->directives.emplace(name, target->loc);
            return add_def_in(ste, name, DefGlobal, target->loc);
        }
        return error("assignment expression within a comprehension cannot be used in a class body",
                     target->loc);
    }
}

// ---- analysis: CPython's analyze_name / analyze_block / update_symbols ----

bool Builder::analyze_name(SymTableEntry* ste, Symbol& sym, const NameSet* bound, NameSet& local,
                           NameSet& free, NameSet& global) {
    const std::string& name = sym.name;
    auto directive = [&] {
        auto it = ste->directives.find(name);
        return it == ste->directives.end() ? ast::Loc{ste->first_line, 0, ste->first_line, 0}
                                           : it->second;
    };
    if (sym.flags & DefGlobal) {
        if (sym.flags & DefNonlocal) {
            error("name '" + name + "' is nonlocal and global", directive());
            return false;
        }
        sym.scope = Scope::GlobalExplicit;
        global.insert(name);
        return true;
    }
    if (sym.flags & DefNonlocal) {
        if (!bound) {
            error("nonlocal declaration not allowed at module level", directive());
            return false;
        }
        if (!bound->count(name)) {
            error("no binding for nonlocal '" + name + "' found", directive());
            return false;
        }
        sym.scope = Scope::Free;
        ste->has_free = true;
        free.insert(name);
        return true;
    }
    if (sym.flags & DefBound) {
        sym.scope = Scope::Local;
        local.insert(name);
        global.erase(name);
        return true;
    }
    if (bound && bound->count(name)) {
        sym.scope = Scope::Free;
        ste->has_free = true;
        free.insert(name);
        return true;
    }
    if (global.count(name)) {
        sym.scope = Scope::GlobalImplicit;
        return true;
    }
    if (ste->nested) ste->has_free = true;
    sym.scope = Scope::GlobalImplicit;
    return true;
}

void Builder::analyze_block(SymTableEntry* ste, const NameSet* bound, NameSet& free,
                            NameSet& global) {
    NameSet local, newglobal, newfree, newbound;
    // Class namespaces are invisible to nested functions: pass the outer sets down unchanged.
    if (ste->kind == BlockKind::Class) {
        newglobal = global;
        if (bound) newbound = *bound;
    }
    for (Symbol& sym : ste->symbols)
        if (!analyze_name(ste, sym, bound, local, free, global)) return;
    if (ste->kind != BlockKind::Class) {
        if (ste->kind == BlockKind::Function) newbound.insert(local.begin(), local.end());
        if (bound) newbound.insert(bound->begin(), bound->end());
        newglobal.insert(global.begin(), global.end());
    } else {
        newbound.insert("__class__");   // the implicit cell methods see for super()
    }
    NameSet allfree;
    for (SymTableEntry* child : ste->children) {
        NameSet child_bound = newbound, child_free = newfree, child_global = newglobal;
        analyze_block(child, &child_bound, child_free, child_global);
        if (m_error) return;
        allfree.insert(child_free.begin(), child_free.end());
        if (child->has_free || child->child_free) ste->child_free = true;
    }
    newfree.insert(allfree.begin(), allfree.end());
    if (ste->kind == BlockKind::Function) {
        // analyze_cells: a local that some child uses freely becomes a cell here.
        for (Symbol& sym : ste->symbols) {
            if (sym.scope == Scope::Local && newfree.count(sym.name)) {
                sym.scope = Scope::Cell;
                newfree.erase(sym.name);
            }
        }
    } else if (ste->kind == BlockKind::Class) {
        if (newfree.erase("__class__")) ste->needs_class_closure = true;
    }
    update_symbols(ste, bound, newfree);
    free.insert(newfree.begin(), newfree.end());
}

// Records free names of children that pass through this block without being bound here.
void Builder::update_symbols(SymTableEntry* ste, const NameSet* bound, const NameSet& free) {
    // Iterate in a stable order so the symbol list does not depend on hashing.
    std::vector<std::string> names(free.begin(), free.end());
    std::sort(names.begin(), names.end());
    for (const std::string& name : names) {
        auto it = ste->index.find(name);
        if (it != ste->index.end()) {
            Symbol& sym = ste->symbols[it->second];
            if (ste->kind == BlockKind::Class && (sym.flags & (DefBound | DefGlobal)))
                sym.flags |= DefFreeClass;
            continue;
        }
        if (bound && !bound->count(name)) continue;   // a global
        ste->index[name] = ste->symbols.size();
        ste->symbols.push_back(Symbol{name, 0, Scope::Free});
    }
}

} // namespace

SymTableResult build_symtable(const ast::Module& module, parse::Mode) {
    return Builder().run(module);
}

} // namespace eddy::comp
