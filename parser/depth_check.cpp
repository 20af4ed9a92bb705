// parser/depth_check.cpp: an explicit-stack walk over the AST measuring nesting depth. Brackets
// are already bounded by the lexer; this catches the rest (10,000 unary minuses, a 100,000-term
// `1+1+...` chain) that a grammar without recursion happily builds.
#include "parser/depth_check.hpp"

#include <vector>

#include "parser/builder.hpp"

namespace eddy::parse {

using namespace ast;

namespace {

struct Item {
    const Expr* expr;
    const Stmt* stmt;
    int depth;
};

void push_args(const Arguments& a, std::vector<const Expr*>& out) {
    for (const auto* list : {&a.posonly, &a.args, &a.kwonly})
        for (const Arg& arg : *list)
            out.push_back(arg.annotation);
    if (a.vararg) out.push_back(a.vararg->annotation);
    if (a.kwarg) out.push_back(a.kwarg->annotation);
    out.insert(out.end(), a.defaults.begin(), a.defaults.end());
    out.insert(out.end(), a.kw_defaults.begin(), a.kw_defaults.end());
}

void push_generators(const std::vector<Comprehension>& gens, std::vector<const Expr*>& out) {
    for (const Comprehension& c : gens) {
        out.push_back(c.target);
        out.push_back(c.iter);
        out.insert(out.end(), c.ifs.begin(), c.ifs.end());
    }
}

// The direct sub-expressions of e (nulls allowed; the caller skips them).
void expr_children(const Expr* e, std::vector<const Expr*>& out) {
    switch (e->kind) {
    case ExprKind::BoolOp: {
        auto& v = static_cast<const BoolOp*>(e)->values;
        out.insert(out.end(), v.begin(), v.end());
        break;
    }
    case ExprKind::NamedExpr:
        out.push_back(static_cast<const NamedExpr*>(e)->target);
        out.push_back(static_cast<const NamedExpr*>(e)->value);
        break;
    case ExprKind::BinOp:
        out.push_back(static_cast<const BinOp*>(e)->left);
        out.push_back(static_cast<const BinOp*>(e)->right);
        break;
    case ExprKind::UnaryOp: out.push_back(static_cast<const UnaryOp*>(e)->operand); break;
    case ExprKind::Lambda:
        push_args(static_cast<const Lambda*>(e)->args, out);
        out.push_back(static_cast<const Lambda*>(e)->body);
        break;
    case ExprKind::IfExp: {
        auto* x = static_cast<const IfExp*>(e);
        out.push_back(x->test);
        out.push_back(x->body);
        out.push_back(x->orelse);
        break;
    }
    case ExprKind::Dict: {
        auto* x = static_cast<const Dict*>(e);
        out.insert(out.end(), x->keys.begin(), x->keys.end());
        out.insert(out.end(), x->values.begin(), x->values.end());
        break;
    }
    case ExprKind::Set: {
        auto& v = static_cast<const Set*>(e)->elts;
        out.insert(out.end(), v.begin(), v.end());
        break;
    }
    case ExprKind::ListComp:
        out.push_back(static_cast<const ListComp*>(e)->elt);
        push_generators(static_cast<const ListComp*>(e)->generators, out);
        break;
    case ExprKind::SetComp:
        out.push_back(static_cast<const SetComp*>(e)->elt);
        push_generators(static_cast<const SetComp*>(e)->generators, out);
        break;
    case ExprKind::GeneratorExp:
        out.push_back(static_cast<const GeneratorExp*>(e)->elt);
        push_generators(static_cast<const GeneratorExp*>(e)->generators, out);
        break;
    case ExprKind::DictComp: {
        auto* x = static_cast<const DictComp*>(e);
        out.push_back(x->key);
        out.push_back(x->value);
        push_generators(x->generators, out);
        break;
    }
    case ExprKind::Await: out.push_back(static_cast<const Await*>(e)->value); break;
    case ExprKind::Yield: out.push_back(static_cast<const Yield*>(e)->value); break;
    case ExprKind::YieldFrom: out.push_back(static_cast<const YieldFrom*>(e)->value); break;
    case ExprKind::Compare: {
        auto* x = static_cast<const Compare*>(e);
        out.push_back(x->left);
        out.insert(out.end(), x->comparators.begin(), x->comparators.end());
        break;
    }
    case ExprKind::Call: {
        auto* x = static_cast<const Call*>(e);
        out.push_back(x->func);
        out.insert(out.end(), x->args.begin(), x->args.end());
        for (const Keyword& k : x->keywords)
            out.push_back(k.value);
        break;
    }
    case ExprKind::FormattedValue:
        out.push_back(static_cast<const FormattedValue*>(e)->value);
        out.push_back(static_cast<const FormattedValue*>(e)->format_spec);
        break;
    case ExprKind::JoinedStr: {
        auto& v = static_cast<const JoinedStr*>(e)->values;
        out.insert(out.end(), v.begin(), v.end());
        break;
    }
    case ExprKind::Attribute: out.push_back(static_cast<const Attribute*>(e)->value); break;
    case ExprKind::Subscript:
        out.push_back(static_cast<const Subscript*>(e)->value);
        out.push_back(static_cast<const Subscript*>(e)->slice);
        break;
    case ExprKind::Starred: out.push_back(static_cast<const Starred*>(e)->value); break;
    case ExprKind::List: {
        auto& v = static_cast<const List*>(e)->elts;
        out.insert(out.end(), v.begin(), v.end());
        break;
    }
    case ExprKind::Tuple: {
        auto& v = static_cast<const Tuple*>(e)->elts;
        out.insert(out.end(), v.begin(), v.end());
        break;
    }
    case ExprKind::Slice: {
        auto* x = static_cast<const Slice*>(e);
        out.push_back(x->lower);
        out.push_back(x->upper);
        out.push_back(x->step);
        break;
    }
    case ExprKind::Constant:
    case ExprKind::Name: break;
    }
}

// The direct sub-expressions and sub-statements of s.
void stmt_children(const Stmt* s, std::vector<const Expr*>& ex, std::vector<const Stmt*>& st) {
    auto body = [&](const StmtList& l) { st.insert(st.end(), l.begin(), l.end()); };
    switch (s->kind) {
    case StmtKind::FunctionDef: {
        auto* f = static_cast<const FunctionDef*>(s);
        push_args(f->args, ex);
        body(f->body);
        ex.insert(ex.end(), f->decorator_list.begin(), f->decorator_list.end());
        ex.push_back(f->returns);
        break;
    }
    case StmtKind::ClassDef: {
        auto* c = static_cast<const ClassDef*>(s);
        ex.insert(ex.end(), c->bases.begin(), c->bases.end());
        for (const Keyword& k : c->keywords)
            ex.push_back(k.value);
        body(c->body);
        ex.insert(ex.end(), c->decorator_list.begin(), c->decorator_list.end());
        break;
    }
    case StmtKind::Return: ex.push_back(static_cast<const Return*>(s)->value); break;
    case StmtKind::Delete: {
        auto& t = static_cast<const Delete*>(s)->targets;
        ex.insert(ex.end(), t.begin(), t.end());
        break;
    }
    case StmtKind::Assign: {
        auto* a = static_cast<const Assign*>(s);
        ex.insert(ex.end(), a->targets.begin(), a->targets.end());
        ex.push_back(a->value);
        break;
    }
    case StmtKind::AugAssign:
        ex.push_back(static_cast<const AugAssign*>(s)->target);
        ex.push_back(static_cast<const AugAssign*>(s)->value);
        break;
    case StmtKind::AnnAssign: {
        auto* a = static_cast<const AnnAssign*>(s);
        ex.push_back(a->target);
        ex.push_back(a->annotation);
        ex.push_back(a->value);
        break;
    }
    case StmtKind::For: {
        auto* f = static_cast<const For*>(s);
        ex.push_back(f->target);
        ex.push_back(f->iter);
        body(f->body);
        body(f->orelse);
        break;
    }
    case StmtKind::While: {
        auto* w = static_cast<const While*>(s);
        ex.push_back(w->test);
        body(w->body);
        body(w->orelse);
        break;
    }
    case StmtKind::If: {
        auto* i = static_cast<const If*>(s);
        ex.push_back(i->test);
        body(i->body);
        body(i->orelse);
        break;
    }
    case StmtKind::With: {
        auto* w = static_cast<const With*>(s);
        for (const WithItem& it : w->items) {
            ex.push_back(it.context_expr);
            ex.push_back(it.optional_vars);
        }
        body(w->body);
        break;
    }
    case StmtKind::Raise:
        ex.push_back(static_cast<const Raise*>(s)->exc);
        ex.push_back(static_cast<const Raise*>(s)->cause);
        break;
    case StmtKind::Try: {
        auto* t = static_cast<const Try*>(s);
        body(t->body);
        for (const ExceptHandler& h : t->handlers) {
            ex.push_back(h.type);
            body(h.body);
        }
        body(t->orelse);
        body(t->finalbody);
        break;
    }
    case StmtKind::Assert:
        ex.push_back(static_cast<const Assert*>(s)->test);
        ex.push_back(static_cast<const Assert*>(s)->msg);
        break;
    case StmtKind::Expr: ex.push_back(static_cast<const ExprStmt*>(s)->value); break;
    default: break;
    }
}

} // namespace

void check_depth(const Module& module, ErrorState& err) {
    std::vector<Item> work;
    for (const Stmt* s : module.body)
        work.push_back({nullptr, s, 1});
    std::vector<const Expr*> exprs;
    std::vector<const Stmt*> stmts;
    while (!work.empty()) {
        Item item = work.back();
        work.pop_back();
        if (item.depth > MaxExprDepth) {
            const Loc& l = item.expr ? item.expr->loc : item.stmt->loc;
            err.fail({{l.line, l.col, 0}, {l.end_line, l.end_col, 0}},
                     "too many nested expressions (more than " + std::to_string(MaxExprDepth) +
                         " levels)");
            return;
        }
        exprs.clear();
        stmts.clear();
        if (item.expr)
            expr_children(item.expr, exprs);
        else
            stmt_children(item.stmt, exprs, stmts);
        for (const Expr* e : exprs)
            if (e) work.push_back({e, nullptr, item.depth + 1});
        for (const Stmt* s : stmts)
            work.push_back({nullptr, s, item.depth + 1});
    }
}

} // namespace eddy::parse
