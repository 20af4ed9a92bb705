// compiler/codegen_stmt.cpp: statements, following CPython 3.11's compile.c: assignments,
// control flow with frame blocks (break/continue/return unwind enclosing loops, handlers and
// with-blocks, duplicating finally bodies), try/except/finally and with in 3.11's exact
// handler shapes, imports, assert, raise, del.
#include "compiler/codegen.hpp"

namespace eddy::comp {

namespace {

using vm::Op;

void assign(Codegen& g, const ast::Assign* s) {
    g.visit_expr(s->value);
    for (size_t i = 0; i < s->targets.size(); i++) {
        if (i + 1 < s->targets.size()) g.emit(Op::COPY, 1);
        g.visit_expr(s->targets[i]);
    }
}

// compiler_augassign: the container and key of `a.x += v` / `a[i] += v` are evaluated once.
void augassign(Codegen& g, const ast::AugAssign* s) {
    const ast::Expr* t = s->target;
    int op = int(s->op) + vm::InplaceOffset;
    switch (t->kind) {
    case ast::ExprKind::Attribute: {
        auto* a = static_cast<const ast::Attribute*>(t);
        int name = g.add_name(g.mangled(a->attr));
        g.visit_expr(a->value);
        g.emit(Op::COPY, 1);
        g.emit(Op::LOAD_ATTR, name);
        g.visit_expr(s->value);
        g.emit(Op::BINARY_OP, op);
        g.emit(Op::SWAP, 2);
        g.emit(Op::STORE_ATTR, name);
        return;
    }
    case ast::ExprKind::Subscript: {
        auto* sub = static_cast<const ast::Subscript*>(t);
        g.visit_expr(sub->value);
        g.visit_expr(sub->slice);
        g.emit(Op::COPY, 2);
        g.emit(Op::COPY, 2);
        g.emit(Op::BINARY_SUBSCR);
        g.visit_expr(s->value);
        g.emit(Op::BINARY_OP, op);
        g.emit(Op::SWAP, 3);
        g.emit(Op::SWAP, 2);
        g.emit(Op::STORE_SUBSCR);
        return;
    }
    case ast::ExprKind::Name: {
        auto* n = static_cast<const ast::Name*>(t);
        g.nameop(n->id, ast::Ctx::Load);
        g.visit_expr(s->value);
        g.emit(Op::BINARY_OP, op);
        g.nameop(n->id, ast::Ctx::Store);
        return;
    }
    default: return g.fail("illegal expression for augmented assignment", t->loc);
    }
}

// Evaluates `e` for its side effects only (check_ann_expr).
void eval_and_pop(Codegen& g, const ast::Expr* e) {
    g.visit_expr(e);
    g.emit(Op::POP_TOP);
}

// compiler_annassign: assign, then in module and class bodies record the annotation of a simple
// name in __annotations__.
void annassign(Codegen& g, const ast::AnnAssign* s, bool module_or_class) {
    if (s->value) {
        g.visit_expr(s->value);
        g.visit_expr(s->target);
    }
    const ast::Expr* t = s->target;
    if (t->kind == ast::ExprKind::Name) {
        if (s->simple && module_or_class) {
            g.visit_expr(s->annotation);
            g.emit(Op::LOAD_NAME, g.add_name("__annotations__"));
            g.load_const(g.mangled(static_cast<const ast::Name*>(t)->id));
            g.emit(Op::STORE_SUBSCR);
        }
    } else if (t->kind == ast::ExprKind::Attribute) {
        if (!s->value) eval_and_pop(g, static_cast<const ast::Attribute*>(t)->value);
    } else if (t->kind == ast::ExprKind::Subscript) {
        if (!s->value) {
            eval_and_pop(g, static_cast<const ast::Subscript*>(t)->value);
            eval_and_pop(g, static_cast<const ast::Subscript*>(t)->slice);
        }
    }
    if (!s->simple && module_or_class) eval_and_pop(g, s->annotation);
}

void if_stmt(Codegen& g, const ast::If* s) {
    int end = g.new_label();
    int next = s->orelse.empty() ? end : g.new_label();
    g.jump_if(s->test, next, false);
    g.visit_stmts(s->body);
    if (!s->orelse.empty()) {
        g.emit_jump(Op::JUMP, end);
        g.bind(next);
        g.visit_stmts(s->orelse);
    }
    g.bind(end);
}

// compiler_while: the test is repeated at the bottom so each iteration takes one jump.
void while_stmt(Codegen& g, const ast::While* s) {
    int loop = g.new_label(), body = g.new_label(), end = g.new_label(), anchor = g.new_label();
    g.bind(loop);
    g.push_fblock(FBlock{FBlockKind::WhileLoop, loop, end});
    g.jump_if(s->test, anchor, false);
    g.bind(body);
    g.visit_stmts(s->body);
    g.set_loc(s->loc);
    g.jump_if(s->test, body, true);
    g.pop_fblock();
    g.bind(anchor);
    g.visit_stmts(s->orelse);
    g.bind(end);
}

void for_stmt(Codegen& g, const ast::For* s) {
    int start = g.new_label(), cleanup = g.new_label(), end = g.new_label();
    g.push_fblock(FBlock{FBlockKind::ForLoop, start, end});
    g.visit_expr(s->iter);
    g.emit(Op::GET_ITER);
    g.bind(start);
    g.emit_jump(Op::FOR_ITER, cleanup);
    g.visit_expr(s->target);
    g.visit_stmts(s->body);
    g.emit_jump(Op::JUMP, start);
    g.bind(cleanup);
    g.pop_fblock();
    g.visit_stmts(s->orelse);
    g.bind(end);
}

void raise_stmt(Codegen& g, const ast::Raise* s) {
    int n = 0;
    if (s->exc) {
        g.visit_expr(s->exc);
        n++;
        if (s->cause) {
            g.visit_expr(s->cause);
            n++;
        }
    }
    g.emit(Op::RAISE_VARARGS, n);
}

void assert_stmt(Codegen& g, const ast::Assert* s) {
    int end = g.new_label();
    g.jump_if(s->test, end, true);
    g.emit(Op::LOAD_ASSERTION_ERROR);
    if (s->msg) {
        g.visit_expr(s->msg);
        g.emit(Op::CALL, 1);
    }
    g.emit(Op::RAISE_VARARGS, 1);
    g.bind(end);
}

// `import a.b.c` binds `a`; `import a.b.c as d` walks to the submodule with IMPORT_FROM.
void import_stmt(Codegen& g, const ast::Import* s) {
    for (const ast::Alias& a : s->names) {
        g.set_loc(a.loc.line ? a.loc : s->loc);
        g.load_const(int64_t(0));
        g.load_const({});
        g.emit(Op::IMPORT_NAME, g.add_name(a.name));
        size_t dot = a.name.find('.');
        if (a.asname.empty()) {
            g.nameop(a.name.substr(0, dot), ast::Ctx::Store);
            continue;
        }
        if (dot == std::string::npos) {
            g.nameop(a.asname, ast::Ctx::Store);
            continue;
        }
        for (;;) {
            size_t pos = dot + 1;
            dot = a.name.find('.', pos);
            g.emit(Op::IMPORT_FROM, g.add_name(a.name.substr(pos, dot == std::string::npos ? dot : dot - pos)));
            if (dot == std::string::npos) break;
            g.emit(Op::SWAP, 2);
            g.emit(Op::POP_TOP);
        }
        g.nameop(a.asname, ast::Ctx::Store);
        g.emit(Op::POP_TOP);
    }
}

void import_from(Codegen& g, const ast::ImportFrom* s) {
    auto names = std::make_shared<vm::ConstTuple>();
    for (const ast::Alias& a : s->names) names->items.push_back(a.name);
    g.load_const(int64_t(s->level));
    g.load_const(vm::Constant{names});
    g.emit(Op::IMPORT_NAME, g.add_name(s->module));
    if (!s->names.empty() && s->names[0].name == "*") return g.emit(Op::IMPORT_STAR);
    for (const ast::Alias& a : s->names) {
        g.emit(Op::IMPORT_FROM, g.add_name(a.name));
        g.nameop(a.asname.empty() ? a.name : a.asname, ast::Ctx::Store);
    }
    g.emit(Op::POP_TOP);
}

} // namespace

void Codegen::pop_except_and_reraise() {
    emit(Op::COPY, 3);
    emit(Op::POP_EXCEPT);
    emit(Op::RERAISE, 1);
}

void Codegen::call_exit_with_nones() {
    load_const({});
    load_const({});
    load_const({});
    emit(Op::CALL, 3);
}

// compiler_with_except_finish: after WITH_EXCEPT_START, swallow the exception if __exit__
// returned true, else re-raise it with the original lasti.
void Codegen::with_except_finish(int cleanup) {
    int exit = new_label();
    emit_jump(Op::POP_JUMP_IF_TRUE, exit);
    emit(Op::RERAISE, 2);
    int handler = u().handler_stack.back();
    pop_block();
    bind(cleanup);
    pop_except_and_reraise();
    u().handler_stack.push_back(handler);
    bind(exit);
    emit(Op::POP_TOP);   // the exception
    pop_block();
    emit(Op::POP_EXCEPT);
    emit(Op::POP_TOP);   // lasti
    emit(Op::POP_TOP);   // __exit__
}

namespace {

void with_stmt(Codegen& g, const ast::With* s, size_t pos) {
    const ast::WithItem& item = s->items[pos];
    int final = g.new_label(), exit = g.new_label(), cleanup = g.new_label();
    g.visit_expr(item.context_expr);
    g.emit(Op::BEFORE_WITH);
    g.setup(SetupWith, final);
    g.push_fblock(FBlock{FBlockKind::With, -1, -1, nullptr, s});
    if (item.optional_vars) g.visit_expr(item.optional_vars);
    else g.emit(Op::POP_TOP);
    if (pos + 1 == s->items.size()) g.visit_stmts(s->body);
    else with_stmt(g, s, pos + 1);
    g.pop_block();
    g.pop_fblock();
    g.set_loc(s->loc);
    g.call_exit_with_nones();
    g.emit(Op::POP_TOP);
    g.emit_jump(Op::JUMP, exit);
    g.bind(final);
    g.setup(SetupCleanup, cleanup);
    g.emit(Op::PUSH_EXC_INFO);
    g.emit(Op::WITH_EXCEPT_START);
    g.with_except_finish(cleanup);
    g.bind(exit);
}

// One `except` clause of compiler_try_except; `cleanup_id` is the handler covering all clauses.
void except_clause(Codegen& g, const ast::ExceptHandler& h, int end, int cleanup_id) {
    if (!h.name.empty()) {
        int cleanup_end = g.new_label();
        g.nameop(h.name, ast::Ctx::Store);
        g.setup(SetupCleanup, cleanup_end);
        g.push_fblock(FBlock{FBlockKind::HandlerCleanup, -1, -1, nullptr, nullptr, h.name});
        g.visit_stmts(h.body);
        g.pop_fblock();
        g.pop_block();
        g.pop_block();
        g.emit(Op::POP_EXCEPT);
        g.load_const({});   // `e = None; del e`, in case the body deleted it
        g.nameop(h.name, ast::Ctx::Store);
        g.nameop(h.name, ast::Ctx::Del);
        g.emit_jump(Op::JUMP, end);
        g.u().handler_stack.push_back(cleanup_id);
        g.bind(cleanup_end);
        g.load_const({});
        g.nameop(h.name, ast::Ctx::Store);
        g.nameop(h.name, ast::Ctx::Del);
        g.emit(Op::RERAISE, 1);
    } else {
        g.emit(Op::POP_TOP);
        g.push_fblock(FBlock{FBlockKind::HandlerCleanup});
        g.visit_stmts(h.body);
        g.pop_fblock();
        g.pop_block();
        g.emit(Op::POP_EXCEPT);
        g.emit_jump(Op::JUMP, end);
        g.u().handler_stack.push_back(cleanup_id);
    }
}

void try_except(Codegen& g, const ast::Try* s) {
    int except = g.new_label(), end = g.new_label(), cleanup = g.new_label();
    g.setup(SetupFinally, except);
    g.push_fblock(FBlock{FBlockKind::TryExcept});
    g.visit_stmts(s->body);
    g.pop_fblock();
    g.pop_block();
    g.visit_stmts(s->orelse);
    g.emit_jump(Op::JUMP, end);
    g.bind(except);
    g.setup(SetupCleanup, cleanup);
    int cleanup_id = g.u().handler_stack.back();
    g.emit(Op::PUSH_EXC_INFO);
    g.push_fblock(FBlock{FBlockKind::ExceptionHandler});
    for (size_t i = 0; i < s->handlers.size(); i++) {
        const ast::ExceptHandler& h = s->handlers[i];
        g.set_loc(h.loc);
        if (!h.type && i + 1 < s->handlers.size()) return g.fail("default 'except:' must be last", h.loc);
        int next = g.new_label();
        if (h.type) {
            g.visit_expr(h.type);
            g.emit(Op::CHECK_EXC_MATCH);
            g.emit_jump(Op::POP_JUMP_IF_FALSE, next);
        }
        except_clause(g, h, end, cleanup_id);
        g.bind(next);
    }
    g.pop_fblock();
    g.emit(Op::RERAISE, 0);
    g.pop_block();
    g.bind(cleanup);
    g.pop_except_and_reraise();
    g.bind(end);
}

// compiler_try_finally: the finally body is emitted once for the normal path and once as the
// exception handler; break/continue/return inside the try emit further copies while unwinding.
void try_finally(Codegen& g, const ast::Try* s) {
    int end = g.new_label(), exit = g.new_label(), cleanup = g.new_label();
    g.setup(SetupFinally, end);
    g.push_fblock(FBlock{FBlockKind::FinallyTry, -1, -1, &s->finalbody});
    if (!s->handlers.empty()) try_except(g, s);
    else g.visit_stmts(s->body);
    g.pop_block();
    g.pop_fblock();
    g.visit_stmts(s->finalbody);
    g.emit_jump(Op::JUMP, exit);
    g.bind(end);
    g.setup(SetupCleanup, cleanup);
    g.emit(Op::PUSH_EXC_INFO);
    g.push_fblock(FBlock{FBlockKind::FinallyEnd});
    g.visit_stmts(s->finalbody);
    g.pop_fblock();
    g.emit(Op::RERAISE, 0);
    g.pop_block();
    g.bind(cleanup);
    g.pop_except_and_reraise();
    g.bind(exit);
}

} // namespace

// compiler_unwind_fblock: the code that leaves one frame block early.
void Codegen::unwind_fblock(const FBlock& fb, bool preserve_tos) {
    switch (fb.kind) {
    case FBlockKind::WhileLoop:
    case FBlockKind::ExceptionHandler:
    case FBlockKind::AsyncComprehensionGenerator: return;
    case FBlockKind::ForLoop:
    case FBlockKind::PopValue:
        if (preserve_tos) emit(Op::SWAP, 2);
        emit(Op::POP_TOP);   // the iterator (or the saved value)
        return;
    case FBlockKind::TryExcept: return pop_block();
    case FBlockKind::FinallyTry:
        pop_block();
        if (preserve_tos) push_fblock(FBlock{FBlockKind::PopValue});
        visit_stmts(*fb.finalbody);
        if (preserve_tos) pop_fblock();
        return;
    case FBlockKind::FinallyEnd:
        if (preserve_tos) emit(Op::SWAP, 2);
        emit(Op::POP_TOP);   // the exception
        if (preserve_tos) emit(Op::SWAP, 2);
        pop_block();
        emit(Op::POP_EXCEPT);
        return;
    case FBlockKind::With:
    case FBlockKind::AsyncWith:
        set_loc(fb.with->loc);
        pop_block();
        if (preserve_tos) emit(Op::SWAP, 2);
        call_exit_with_nones();
        if (fb.kind == FBlockKind::AsyncWith) {
            emit(Op::GET_AWAITABLE, 2);
            load_const({});
            add_yield_from(true);
        }
        emit(Op::POP_TOP);
        return;
    case FBlockKind::HandlerCleanup:
        if (!fb.name.empty()) pop_block();
        if (preserve_tos) emit(Op::SWAP, 2);
        pop_block();
        emit(Op::POP_EXCEPT);
        if (!fb.name.empty()) {
            load_const({});
            nameop(fb.name, ast::Ctx::Store);
            nameop(fb.name, ast::Ctx::Del);
        }
        return;
    }
}

// compiler_unwind_fblock_stack: unwinds every block, or up to the innermost loop when
// `want_loop` (returning it in `loop`). Returns false if a loop was wanted and none found.
bool Codegen::unwind_fblock_stack(bool preserve_tos, bool want_loop, FBlock& loop) {
    if (u().fblocks.empty()) return !want_loop;
    FBlock top = u().fblocks.back();
    if (want_loop && (top.kind == FBlockKind::WhileLoop || top.kind == FBlockKind::ForLoop)) {
        loop = top;
        return true;
    }
    u().fblocks.pop_back();
    unwind_fblock(top, preserve_tos);
    bool found = unwind_fblock_stack(preserve_tos, want_loop, loop);
    u().fblocks.push_back(std::move(top));
    return found;
}

namespace {

void return_stmt(Codegen& g, const ast::Return* s) {
    const SymTableEntry& ste = *g.u().ste;
    if (ste.kind != BlockKind::Function) return g.fail("'return' outside function", s->loc);
    if (s->value && ste.coroutine && ste.generator)
        return g.fail("'return' with value in async generator", s->loc);
    bool preserve_tos = s->value && s->value->kind != ast::ExprKind::Constant;
    if (preserve_tos) g.visit_expr(s->value);
    std::vector<int> saved = g.u().handler_stack;
    FBlock unused{FBlockKind::WhileLoop};
    g.unwind_fblock_stack(preserve_tos, false, unused);
    if (!s->value) g.load_const({});
    else if (!preserve_tos) g.visit_expr(s->value);
    g.emit(Op::RETURN_VALUE);
    g.u().handler_stack = std::move(saved);
}

void break_continue(Codegen& g, const ast::Stmt* s, bool is_break) {
    std::vector<int> saved = g.u().handler_stack;
    FBlock loop{FBlockKind::WhileLoop};
    if (!g.unwind_fblock_stack(false, true, loop)) {
        g.u().handler_stack = std::move(saved);
        return g.fail(is_break ? "'break' outside loop" : "'continue' not properly in loop", s->loc);
    }
    if (is_break) {
        g.unwind_fblock(loop, false);
        g.emit_jump(Op::JUMP, loop.exit);
    } else {
        g.emit_jump(Op::JUMP, loop.block);
    }
    g.u().handler_stack = std::move(saved);
}

void expr_stmt(Codegen& g, const ast::ExprStmt* s, bool interactive_top) {
    if (interactive_top) {
        g.visit_expr(s->value);
        return g.emit(Op::PRINT_EXPR);
    }
    if (s->value->kind == ast::ExprKind::Constant) return;   // a docstring-like no-op
    g.visit_expr(s->value);
    g.emit(Op::POP_TOP);
}

} // namespace

void Codegen::visit_stmt(const ast::Stmt* s) {
    using K = ast::StmtKind;
    set_loc(s->loc);
    switch (s->kind) {
    case K::FunctionDef: return function_def(static_cast<const ast::FunctionDef*>(s));
    case K::ClassDef: return class_def(static_cast<const ast::ClassDef*>(s));
    case K::Return: return return_stmt(*this, static_cast<const ast::Return*>(s));
    case K::Delete: return visit_exprs(static_cast<const ast::Delete*>(s)->targets);
    case K::Assign: return assign(*this, static_cast<const ast::Assign*>(s));
    case K::AugAssign: return augassign(*this, static_cast<const ast::AugAssign*>(s));
    case K::AnnAssign:
        return annassign(*this, static_cast<const ast::AnnAssign*>(s),
                         u().scope_type == ScopeType::Module || u().scope_type == ScopeType::Class);
    case K::For: {
        auto* f = static_cast<const ast::For*>(s);
        return f->is_async ? async_for(f) : for_stmt(*this, f);
    }
    case K::While: return while_stmt(*this, static_cast<const ast::While*>(s));
    case K::If: return if_stmt(*this, static_cast<const ast::If*>(s));
    case K::With: {
        auto* w = static_cast<const ast::With*>(s);
        return w->is_async ? async_with(w, 0) : with_stmt(*this, w, 0);
    }
    case K::Raise: return raise_stmt(*this, static_cast<const ast::Raise*>(s));
    case K::Try: {
        auto* t = static_cast<const ast::Try*>(s);
        return t->finalbody.empty() ? try_except(*this, t) : try_finally(*this, t);
    }
    case K::Assert: return assert_stmt(*this, static_cast<const ast::Assert*>(s));
    case K::Import: return import_stmt(*this, static_cast<const ast::Import*>(s));
    case K::ImportFrom: return import_from(*this, static_cast<const ast::ImportFrom*>(s));
    case K::Global:
    case K::Nonlocal:
    case K::Pass: return;
    case K::Expr:
        return expr_stmt(*this, static_cast<const ast::ExprStmt*>(s),
                         m_mode == parse::Mode::Interactive && m_units.size() == 1);
    case K::Break: return break_continue(*this, s, true);
    case K::Continue: return break_continue(*this, s, false);
    }
}

} // namespace eddy::comp
