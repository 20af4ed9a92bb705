// compiler/codegen_func.cpp: everything that creates a new code object: def, lambda, class
// bodies and comprehensions (each comprehension is its own function, called with the first
// iterator as its argument `.0`, as in CPython 3.11). Also module/class docstrings and
// SETUP_ANNOTATIONS detection.
#include "compiler/codegen.hpp"

namespace eddy::comp {

namespace {

using vm::Op;

const std::string* docstring(const ast::StmtList& body) {
    if (body.empty() || body[0]->kind != ast::StmtKind::Expr) return nullptr;
    auto* value = static_cast<const ast::ExprStmt*>(body[0])->value;
    if (value->kind != ast::ExprKind::Constant) return nullptr;
    auto* c = static_cast<const ast::Constant*>(value);
    return c->ckind == ast::ConstKind::Str ? &c->text : nullptr;
}

// find_ann: does this body (not counting nested defs and classes) contain an annotation?
bool find_ann(const ast::StmtList& body) {
    using K = ast::StmtKind;
    for (const ast::Stmt* s : body) {
        switch (s->kind) {
        case K::AnnAssign: return true;
        case K::For: {
            auto* f = static_cast<const ast::For*>(s);
            if (find_ann(f->body) || find_ann(f->orelse)) return true;
            break;
        }
        case K::While: {
            auto* w = static_cast<const ast::While*>(s);
            if (find_ann(w->body) || find_ann(w->orelse)) return true;
            break;
        }
        case K::If: {
            auto* i = static_cast<const ast::If*>(s);
            if (find_ann(i->body) || find_ann(i->orelse)) return true;
            break;
        }
        case K::With:
            if (find_ann(static_cast<const ast::With*>(s)->body)) return true;
            break;
        case K::Try: {
            auto* t = static_cast<const ast::Try*>(s);
            for (const ast::ExceptHandler& h : t->handlers)
                if (find_ann(h.body)) return true;
            if (find_ann(t->body) || find_ann(t->orelse) || find_ann(t->finalbody)) return true;
            break;
        }
        default: break;
        }
    }
    return false;
}

// compiler_default_arguments: pushes the defaults tuple and kw-only defaults dict; returns the
// MAKE_FUNCTION flags they need.
int default_arguments(Codegen& g, const ast::Arguments& args) {
    int flags = 0;
    if (!args.defaults.empty()) {
        g.visit_exprs(args.defaults);
        g.emit(Op::BUILD_TUPLE, int(args.defaults.size()));
        flags |= 1;
    }
    auto keys = std::make_shared<vm::ConstTuple>();
    for (size_t i = 0; i < args.kwonly.size(); i++) {
        const ast::Expr* d = i < args.kw_defaults.size() ? args.kw_defaults[i] : nullptr;
        if (!d) continue;
        keys->items.push_back(g.mangled(args.kwonly[i].name));
        g.visit_expr(d);
    }
    if (!keys->items.empty()) {
        int n = int(keys->items.size());
        g.load_const(vm::Constant{keys});
        g.emit(Op::BUILD_CONST_KEY_MAP, n);
        flags |= 2;
    }
    return flags;
}

void set_arg_counts(vm::Code& code, const ast::Arguments& args) {
    code.argcount = int(args.posonly.size() + args.args.size());
    code.posonlyargcount = int(args.posonly.size());
    code.kwonlyargcount = int(args.kwonly.size());
}

int first_line(const ast::ExprList& decorators, const ast::Loc& loc) {
    return decorators.empty() ? loc.line : decorators[0]->loc.line;
}

void apply_decorators(Codegen& g, const ast::ExprList& decorators) {
    for (size_t i = decorators.size(); i-- > 0;) g.emit(Op::CALL, 1);
}

} // namespace

// compiler_body: SETUP_ANNOTATIONS if needed, the docstring into __doc__, then the statements.
void Codegen::body_with_docstring(const ast::StmtList& body) {
    if (find_ann(body)) emit(Op::SETUP_ANNOTATIONS);
    size_t start = 0;
    if (const std::string* doc = docstring(body)) {
        set_loc(body[0]->loc);
        load_const(*doc);
        nameop("__doc__", ast::Ctx::Store);
        start = 1;
    }
    for (size_t i = start; i < body.size(); i++) visit_stmt(body[i]);
}

void Codegen::function_def(const ast::FunctionDef* f) {
    visit_exprs(f->decorator_list);
    int flags = default_arguments(*this, f->args);
    enter_scope(f->name, f->is_async ? ScopeType::AsyncFunction : ScopeType::Function, f,
                first_line(f->decorator_list, f->loc));
    // co_consts[0] is the docstring or None, as in CPython.
    const std::string* doc = docstring(f->body);
    add_const(doc ? vm::Constant{*doc} : vm::Constant{});
    set_arg_counts(*u().code, f->args);
    for (size_t i = doc ? 1 : 0; i < f->body.size(); i++) visit_stmt(f->body[i]);
    load_const({});
    emit(Op::RETURN_VALUE);
    std::shared_ptr<vm::Code> code = exit_scope();
    make_closure(code, flags);
    apply_decorators(*this, f->decorator_list);
    nameop(f->name, ast::Ctx::Store);
}

void Codegen::lambda(const ast::Lambda* l) {
    int flags = default_arguments(*this, l->args);
    enter_scope("<lambda>", ScopeType::Lambda, l, l->loc.line);
    add_const({});   // None first, so a lambda never has a docstring
    set_arg_counts(*u().code, l->args);
    visit_expr(l->body);
    emit(Op::RETURN_VALUE);
    std::shared_ptr<vm::Code> code = exit_scope();
    make_closure(code, flags);
}

// compiler_class: the body runs as a function that fills the class namespace; the result goes
// to __build_class__(func, name, *bases, **keywords).
void Codegen::class_def(const ast::ClassDef* c) {
    visit_exprs(c->decorator_list);
    enter_scope(c->name, ScopeType::Class, c, first_line(c->decorator_list, c->loc));
    u().private_name = c->name;
    nameop("__name__", ast::Ctx::Load);
    nameop("__module__", ast::Ctx::Store);
    load_const(u().code->qualname);
    nameop("__qualname__", ast::Ctx::Store);
    body_with_docstring(c->body);
    if (u().ste->needs_class_closure) {
        // Return the __class__ cell so type.__new__ can fill it (it also lands in __classcell__).
        emit(Op::LOAD_CLOSURE, u().cell_index.at("__class__"));
        emit(Op::COPY, 1);
        nameop("__classcell__", ast::Ctx::Store);
    } else {
        load_const({});
    }
    emit(Op::RETURN_VALUE);
    std::shared_ptr<vm::Code> code = exit_scope();
    set_loc(c->loc);
    emit(Op::LOAD_BUILD_CLASS);
    make_closure(code, 0);
    load_const(c->name);
    call_helper(2, c->bases, c->keywords);
    apply_decorators(*this, c->decorator_list);
    nameop(c->name, ast::Ctx::Store);
}

// compiler_comprehension: build the comprehension function, then call it on iter(first iterable).
void Codegen::comprehension(const ast::Expr* e, const char* name,
                            const std::vector<ast::Comprehension>& gens, const ast::Expr* elt,
                            const ast::Expr* value) {
    ScopeType outer_type = u().scope_type;
    bool outer_top_level_await = top_level_await();
    enter_scope(name, ScopeType::Comprehension, e, e->loc.line);
    set_loc(e->loc);
    bool is_async = u().ste->coroutine;
    bool genexp = e->kind == ast::ExprKind::GeneratorExp;
    if (is_async && !genexp && outer_type != ScopeType::AsyncFunction &&
        outer_type != ScopeType::Comprehension && !outer_top_level_await)
        fail("asynchronous comprehension outside of an asynchronous function", e->loc);
    u().code->argcount = 1;
    switch (e->kind) {
    case ast::ExprKind::ListComp: emit(Op::BUILD_LIST, 0); break;
    case ast::ExprKind::SetComp: emit(Op::BUILD_SET, 0); break;
    case ast::ExprKind::DictComp: emit(Op::BUILD_MAP, 0); break;
    default: break;
    }
    comprehension_generator(gens, 0, 0, elt, value, e->kind);
    if (genexp) load_const({});
    emit(Op::RETURN_VALUE);
    std::shared_ptr<vm::Code> code = exit_scope();
    if (outer_top_level_await && is_async) u().ste->coroutine = true;
    make_closure(code, 0);
    visit_expr(gens[0].iter);
    emit(gens[0].is_async ? Op::GET_AITER : Op::GET_ITER);
    emit(Op::CALL, 1);
    if (is_async && !genexp) {
        emit(Op::GET_AWAITABLE, 0);
        load_const({});
        add_yield_from(true);
    }
}

// The innermost step of a comprehension: yield the element, or add it to the collection that
// sits `depth` items down the stack (shared by the sync and async loops).
void Codegen::comprehension_element(const ast::Expr* elt, const ast::Expr* value,
                                    ast::ExprKind kind, int depth) {
    switch (kind) {
    case ast::ExprKind::GeneratorExp:
        visit_expr(elt);
        yield_value();
        emit(Op::POP_TOP);
        break;
    case ast::ExprKind::ListComp:
        visit_expr(elt);
        emit(Op::LIST_APPEND, depth + 1);
        break;
    case ast::ExprKind::SetComp:
        visit_expr(elt);
        emit(Op::SET_ADD, depth + 1);
        break;
    default:   // DictComp: the key is evaluated before the value
        visit_expr(elt);
        visit_expr(value);
        emit(Op::MAP_ADD, depth + 1);
        break;
    }
}

// compiler_sync_comprehension_generator. `depth` counts the iterators on the stack above the
// result collection, so LIST_APPEND/SET_ADD/MAP_ADD can find it.
void Codegen::comprehension_generator(const std::vector<ast::Comprehension>& gens, size_t index,
                                      int depth, const ast::Expr* elt, const ast::Expr* value,
                                      ast::ExprKind kind) {
    const ast::Comprehension& gen = gens[index];
    if (gen.is_async) return async_comprehension_generator(gens, index, depth, elt, value, kind);
    int start = new_label(), if_cleanup = new_label(), anchor = new_label();
    if (index == 0) {
        emit(Op::LOAD_FAST, 0);   // `.0`, the iterator passed in by the caller
    } else {
        visit_expr(gen.iter);
        emit(Op::GET_ITER);
    }
    depth++;
    bind(start);
    emit_jump(Op::FOR_ITER, anchor);
    visit_expr(gen.target);
    for (const ast::Expr* cond : gen.ifs) jump_if(cond, if_cleanup, false);
    if (index + 1 < gens.size()) {
        comprehension_generator(gens, index + 1, depth, elt, value, kind);
    } else {
        comprehension_element(elt, value, kind, depth);
    }
    bind(if_cleanup);
    emit_jump(Op::JUMP, start);
    bind(anchor);
}

} // namespace eddy::comp
