// compiler/codegen_expr.cpp: expressions, following CPython 3.11's compiler_visit_expr1 and
// helpers: operators, chained comparisons (SWAP/COPY with a cleanup block), short-circuit
// boolean ops, conditional jumps, displays with starred items, calls (plain, keyword, method,
// CALL_FUNCTION_EX), f-strings, subscripts and slices, and assignment-target stores.
#include "compiler/codegen.hpp"

namespace eddy::comp {

namespace {

using vm::Op;

// Above this many items CPython builds displays incrementally instead of on the stack.
constexpr size_t StackUseGuideline = 30;

void emit_compare(Codegen& g, ast::CmpOpKind op) {
    using C = ast::CmpOpKind;
    switch (op) {
    case C::Eq: return g.emit(Op::COMPARE_OP, int(vm::CmpOp::Eq));
    case C::NotEq: return g.emit(Op::COMPARE_OP, int(vm::CmpOp::Ne));
    case C::Lt: return g.emit(Op::COMPARE_OP, int(vm::CmpOp::Lt));
    case C::LtE: return g.emit(Op::COMPARE_OP, int(vm::CmpOp::Le));
    case C::Gt: return g.emit(Op::COMPARE_OP, int(vm::CmpOp::Gt));
    case C::GtE: return g.emit(Op::COMPARE_OP, int(vm::CmpOp::Ge));
    case C::Is: return g.emit(Op::IS_OP, 0);
    case C::IsNot: return g.emit(Op::IS_OP, 1);
    case C::In: return g.emit(Op::CONTAINS_OP, 0);
    case C::NotIn: return g.emit(Op::CONTAINS_OP, 1);
    }
}

bool has_starred(const ast::ExprList& elts) {
    for (const ast::Expr* e : elts)
        if (e->kind == ast::ExprKind::Starred) return true;
    return false;
}

// A tuple constant of the items when all are constants (for BUILD_LIST 0; LIST_EXTEND).
std::optional<vm::Constant> all_const(const ast::ExprList& elts) {
    auto tuple = std::make_shared<vm::ConstTuple>();
    for (const ast::Expr* e : elts) {
        auto v = constant_value(e);
        if (!v) return std::nullopt;
        tuple->items.push_back(std::move(*v));
    }
    return vm::Constant{tuple};
}

// starunpack_helper: a list/tuple/set display, `pushed` items already on the stack.
void starunpack(Codegen& g, const ast::ExprList& elts, int pushed, Op build, Op add, Op extend,
                bool tuple) {
    size_t n = elts.size();
    if (n > 2 && pushed == 0) {
        if (auto folded = all_const(elts)) {
            if (tuple) return g.load_const(std::move(*folded));
            g.emit(build, 0);
            // A set display of constants loads a frozenset constant, as CPython does: its
            // table order, not the display's, decides the new set's iteration order.
            if (build == Op::BUILD_SET) std::get<std::shared_ptr<vm::ConstTuple>>(*folded)->frozenset = true;
            g.load_const(std::move(*folded));
            return g.emit(extend, 1);
        }
    }
    bool big = n + size_t(pushed) > StackUseGuideline;
    if (!has_starred(elts) && !big) {
        g.visit_exprs(elts);
        return g.emit(tuple ? Op::BUILD_TUPLE : build, int(n) + pushed);
    }
    bool built = false;
    if (big) {
        g.emit(build, pushed);
        built = true;
    }
    for (size_t i = 0; i < n; i++) {
        const ast::Expr* e = elts[i];
        if (e->kind == ast::ExprKind::Starred) {
            if (!built) {
                g.emit(build, int(i) + pushed);
                built = true;
            }
            g.visit_expr(static_cast<const ast::Starred*>(e)->value);
            g.emit(extend, 1);
        } else {
            g.visit_expr(e);
            if (built) g.emit(add, 1);
        }
    }
    if (tuple) g.emit(Op::LIST_TO_TUPLE);
}

// compiler_subdict: items [begin, end) of a dict display as one BUILD_(CONST_KEY_)MAP.
void subdict(Codegen& g, const ast::Dict* d, size_t begin, size_t end) {
    size_t n = end - begin;
    if (n > 1) {
        auto keys = std::make_shared<vm::ConstTuple>();
        bool all = true;
        for (size_t i = begin; i < end && all; i++) {
            auto v = constant_value(d->keys[i]);
            if (v) keys->items.push_back(std::move(*v));
            else all = false;
        }
        if (all) {
            for (size_t i = begin; i < end; i++) g.visit_expr(d->values[i]);
            g.load_const(vm::Constant{keys});
            return g.emit(Op::BUILD_CONST_KEY_MAP, int(n));
        }
    }
    for (size_t i = begin; i < end; i++) {
        g.visit_expr(d->keys[i]);
        g.visit_expr(d->values[i]);
    }
    g.emit(Op::BUILD_MAP, int(n));
}

void dict_display(Codegen& g, const ast::Dict* d) {
    size_t n = d->values.size(), elements = 0;
    bool have_dict = false;
    auto flush = [&](size_t begin, size_t end) {
        subdict(g, d, begin, end);
        if (have_dict) g.emit(Op::DICT_UPDATE, 1);
        have_dict = true;
        elements = 0;
    };
    for (size_t i = 0; i < n; i++) {
        if (!d->keys[i]) {
            if (elements) flush(i - elements, i);
            if (!have_dict) {
                g.emit(Op::BUILD_MAP, 0);
                have_dict = true;
            }
            g.visit_expr(d->values[i]);
            g.emit(Op::DICT_UPDATE, 1);
        } else if (elements * 2 > StackUseGuideline) {
            flush(i - elements, i + 1);
        } else {
            elements++;
        }
    }
    if (elements) flush(n - elements, n);
    if (!have_dict) g.emit(Op::BUILD_MAP, 0);
}

void compare(Codegen& g, const ast::Compare* c) {
    g.visit_expr(c->left);
    size_t n = c->ops.size() - 1;
    if (n == 0) {
        g.visit_expr(c->comparators[0]);
        return emit_compare(g, c->ops[0]);
    }
    int cleanup = g.new_label(), end = g.new_label();
    for (size_t i = 0; i < n; i++) {
        g.visit_expr(c->comparators[i]);
        g.emit(Op::SWAP, 2);
        g.emit(Op::COPY, 2);
        emit_compare(g, c->ops[i]);
        g.emit_jump(Op::JUMP_IF_FALSE_OR_POP, cleanup);
    }
    g.visit_expr(c->comparators[n]);
    emit_compare(g, c->ops[n]);
    g.emit_jump(Op::JUMP, end);
    g.bind(cleanup);
    g.emit(Op::SWAP, 2);
    g.emit(Op::POP_TOP);
    g.bind(end);
}

void boolop(Codegen& g, const ast::BoolOp* b) {
    Op jump = b->op == ast::BoolOpKind::And ? Op::JUMP_IF_FALSE_OR_POP : Op::JUMP_IF_TRUE_OR_POP;
    int end = g.new_label();
    for (size_t i = 0; i + 1 < b->values.size(); i++) {
        g.visit_expr(b->values[i]);
        g.emit_jump(jump, end);
    }
    g.visit_expr(b->values.back());
    g.bind(end);
}

void ifexp(Codegen& g, const ast::IfExp* e) {
    int next = g.new_label(), end = g.new_label();
    g.jump_if(e->test, next, false);
    g.visit_expr(e->body);
    g.emit_jump(Op::JUMP, end);
    g.bind(next);
    g.visit_expr(e->orelse);
    g.bind(end);
}

void unary(Codegen& g, const ast::UnaryOp* u) {
    g.visit_expr(u->operand);
    switch (u->op) {
    case ast::UnaryOpKind::Invert: return g.emit(Op::UNARY_INVERT);
    case ast::UnaryOpKind::Not: return g.emit(Op::UNARY_NOT);
    case ast::UnaryOpKind::UAdd: return g.emit(Op::UNARY_POSITIVE);
    case ast::UnaryOpKind::USub: return g.emit(Op::UNARY_NEGATIVE);
    }
}

void joined_str(Codegen& g, const ast::JoinedStr* j) {
    if (j->values.size() > StackUseGuideline) {
        g.load_const(std::string());
        g.emit(Op::LOAD_METHOD, g.add_name("join"));
        g.emit(Op::BUILD_LIST, 0);
        for (const ast::Expr* v : j->values) {
            g.visit_expr(v);
            g.emit(Op::LIST_APPEND, 1);
        }
        return g.emit(Op::CALL_METHOD, 1);
    }
    g.visit_exprs(j->values);
    if (j->values.size() != 1) g.emit(Op::BUILD_STRING, int(j->values.size()));
}

void formatted_value(Codegen& g, const ast::FormattedValue* f) {
    g.visit_expr(f->value);
    int oparg = f->conversion == 's' ? 1 : f->conversion == 'r' ? 2 : f->conversion == 'a' ? 3 : 0;
    if (f->format_spec) {
        g.visit_expr(f->format_spec);
        oparg |= 4;
    }
    g.emit(Op::FORMAT_VALUE, oparg);
}

void slice(Codegen& g, const ast::Slice* s) {
    if (s->lower) g.visit_expr(s->lower);
    else g.load_const({});
    if (s->upper) g.visit_expr(s->upper);
    else g.load_const({});
    if (s->step) g.visit_expr(s->step);
    g.emit(Op::BUILD_SLICE, s->step ? 3 : 2);
}

// compiler_call_simple_kw_helper: KW_NAMES with the keyword names as a tuple constant.
void kw_names(Codegen& g, const std::vector<ast::Keyword>& kws) {
    auto names = std::make_shared<vm::ConstTuple>();
    for (const ast::Keyword& k : kws) names->items.push_back(k.name);
    g.emit(Op::KW_NAMES, g.add_const(vm::Constant{names}));
}

// compiler_subkwargs: keywords [begin, end) packed into one dict.
void subkwargs(Codegen& g, const std::vector<ast::Keyword>& kws, size_t begin, size_t end) {
    size_t n = end - begin;
    if (n > 1) {
        auto keys = std::make_shared<vm::ConstTuple>();
        for (size_t i = begin; i < end; i++) {
            g.visit_expr(kws[i].value);
            keys->items.push_back(kws[i].name);
        }
        g.load_const(vm::Constant{keys});
        return g.emit(Op::BUILD_CONST_KEY_MAP, int(n));
    }
    for (size_t i = begin; i < end; i++) {
        g.load_const(kws[i].name);
        g.visit_expr(kws[i].value);
    }
    g.emit(Op::BUILD_MAP, int(n));
}

// maybe_optimize_method_call: `o.m(args)` without * or keywords becomes LOAD_METHOD/CALL_METHOD.
bool method_call(Codegen& g, const ast::Call* c) {
    if (c->func->kind != ast::ExprKind::Attribute || !c->keywords.empty() || has_starred(c->args) ||
        c->args.size() >= StackUseGuideline)
        return false;
    auto* attr = static_cast<const ast::Attribute*>(c->func);
    g.visit_expr(attr->value);
    g.set_loc(attr->loc);
    g.emit(Op::LOAD_METHOD, g.add_name(g.mangled(attr->attr)));
    g.visit_exprs(c->args);
    g.set_loc(c->loc);
    g.emit(Op::CALL_METHOD, int(c->args.size()));
    return true;
}

void check_keywords(Codegen& g, const std::vector<ast::Keyword>& kws) {
    for (size_t i = 0; i < kws.size(); i++) {
        if (kws[i].name.empty()) continue;
        for (size_t j = i + 1; j < kws.size(); j++)
            if (kws[j].name == kws[i].name)
                return g.fail("keyword argument repeated: " + kws[i].name, kws[j].loc);
    }
}

void subscript(Codegen& g, const ast::Subscript* s) {
    g.visit_expr(s->value);
    g.visit_expr(s->slice);
    switch (s->ctx) {
    case ast::Ctx::Load: return g.emit(Op::BINARY_SUBSCR);
    case ast::Ctx::Store: return g.emit(Op::STORE_SUBSCR);
    case ast::Ctx::Del: return g.emit(Op::DELETE_SUBSCR);
    }
}

void attribute(Codegen& g, const ast::Attribute* a) {
    g.visit_expr(a->value);
    g.set_loc(a->loc);
    int name = g.add_name(g.mangled(a->attr));
    switch (a->ctx) {
    case ast::Ctx::Load: return g.emit(Op::LOAD_ATTR, name);
    case ast::Ctx::Store: return g.emit(Op::STORE_ATTR, name);
    case ast::Ctx::Del: return g.emit(Op::DELETE_ATTR, name);
    }
}

// A list or tuple: a display when loading, an unpacking target when storing, each item for del.
void sequence(Codegen& g, const ast::Expr* e, const ast::ExprList& elts, ast::Ctx ctx, bool tuple) {
    if (ctx == ast::Ctx::Store) return g.unpack_assign(elts, e->loc);
    if (ctx == ast::Ctx::Del) return g.visit_exprs(elts);
    starunpack(g, elts, 0, Op::BUILD_LIST, Op::LIST_APPEND, Op::LIST_EXTEND, tuple);
}

// The truth value of a literal when it is cheap to know (while True, if 0, ...).
std::optional<bool> const_truth(const ast::Constant* c) {
    using CK = ast::ConstKind;
    switch (c->ckind) {
    case CK::True:
    case CK::Ellipsis: return true;
    case CK::False:
    case CK::None: return false;
    case CK::Int: return c->i != 0;
    case CK::Str: return c->text.empty() ? std::optional<bool>() : true;
    default: return std::nullopt;
    }
}

// compiler_jump_if for `a < b < c`: each link jumps to a cleanup that drops the kept operand.
void jump_if_chain(Codegen& g, const ast::Compare* c, int label, bool cond) {
    vm::Position saved = g.u().loc;
    g.set_loc(c->loc);
    size_t n = c->ops.size() - 1;
    int cleanup = g.new_label(), end = g.new_label();
    g.visit_expr(c->left);
    for (size_t i = 0; i < n; i++) {
        g.visit_expr(c->comparators[i]);
        g.emit(Op::SWAP, 2);
        g.emit(Op::COPY, 2);
        emit_compare(g, c->ops[i]);
        g.emit_jump(Op::POP_JUMP_IF_FALSE, cleanup);
    }
    g.visit_expr(c->comparators[n]);
    emit_compare(g, c->ops[n]);
    g.emit_jump(cond ? Op::POP_JUMP_IF_TRUE : Op::POP_JUMP_IF_FALSE, label);
    g.emit_jump(Op::JUMP, end);
    g.bind(cleanup);
    g.emit(Op::POP_TOP);
    if (!cond) g.emit_jump(Op::JUMP, label);
    g.bind(end);
    g.u().loc = saved;
}

void named_expr(Codegen& g, const ast::NamedExpr* n) {
    g.visit_expr(n->value);
    g.emit(Op::COPY, 1);
    g.visit_expr(n->target);
}

void binop(Codegen& g, const ast::BinOp* b) {
    g.visit_expr(b->left);
    g.visit_expr(b->right);
    g.emit(Op::BINARY_OP, int(b->op));
}

void call(Codegen& g, const ast::Call* c) {
    if (method_call(g, c)) return;
    g.visit_expr(c->func);
    g.call_helper(0, c->args, c->keywords);
}

void comprehension_expr(Codegen& g, const ast::Expr* e) {
    using K = ast::ExprKind;
    if (e->kind == K::ListComp) {
        auto* c = static_cast<const ast::ListComp*>(e);
        return g.comprehension(e, "<listcomp>", c->generators, c->elt, nullptr);
    }
    if (e->kind == K::SetComp) {
        auto* c = static_cast<const ast::SetComp*>(e);
        return g.comprehension(e, "<setcomp>", c->generators, c->elt, nullptr);
    }
    if (e->kind == K::DictComp) {
        auto* c = static_cast<const ast::DictComp*>(e);
        return g.comprehension(e, "<dictcomp>", c->generators, c->key, c->value);
    }
    auto* c = static_cast<const ast::GeneratorExp*>(e);
    g.comprehension(e, "<genexpr>", c->generators, c->elt, nullptr);
}

void starred(Codegen& g, const ast::Starred* s) {
    if (s->ctx == ast::Ctx::Store) g.fail("starred assignment target must be in a list or tuple", s->loc);
    else g.fail("can't use starred expression here", s->loc);
}

} // namespace

void Codegen::call_helper(int pushed, const ast::ExprList& args, const std::vector<ast::Keyword>& kws) {
    check_keywords(*this, kws);
    bool ex_call = args.size() + kws.size() * 2 > StackUseGuideline || has_starred(args);
    for (const ast::Keyword& k : kws) ex_call |= k.name.empty();
    if (!ex_call) {
        visit_exprs(args);
        if (!kws.empty()) {
            for (const ast::Keyword& k : kws) visit_expr(k.value);
            kw_names(*this, kws);
        }
        return emit(Op::CALL, pushed + int(args.size() + kws.size()));
    }
    if (pushed == 0 && args.size() == 1 && args[0]->kind == ast::ExprKind::Starred)
        visit_expr(static_cast<const ast::Starred*>(args[0])->value);
    else
        starunpack(*this, args, pushed, Op::BUILD_LIST, Op::LIST_APPEND, Op::LIST_EXTEND, true);
    if (!kws.empty()) {
        bool have_dict = false;
        size_t seen = 0;
        for (size_t i = 0; i < kws.size(); i++) {
            if (!kws[i].name.empty()) {
                seen++;
                continue;
            }
            if (seen) {
                subkwargs(*this, kws, i - seen, i);
                if (have_dict) emit(Op::DICT_MERGE, 1);
                have_dict = true;
                seen = 0;
            }
            if (!have_dict) {
                emit(Op::BUILD_MAP, 0);
                have_dict = true;
            }
            visit_expr(kws[i].value);
            emit(Op::DICT_MERGE, 1);
        }
        if (seen) {
            subkwargs(*this, kws, kws.size() - seen, kws.size());
            if (have_dict) emit(Op::DICT_MERGE, 1);
        }
    }
    emit(Op::CALL_FUNCTION_EX, kws.empty() ? 0 : 1);
}

// assignment_helper: UNPACK_SEQUENCE, or UNPACK_EX around one starred target.
void Codegen::unpack_assign(const ast::ExprList& elts, const ast::Loc& loc) {
    size_t n = elts.size();
    bool seen_star = false;
    for (size_t i = 0; i < n; i++) {
        if (elts[i]->kind != ast::ExprKind::Starred) continue;
        if (seen_star) return fail("multiple starred expressions in assignment", elts[i]->loc);
        if (i >= (1 << 8) || n - i - 1 >= (1 << 16))
            return fail("too many expressions in star-unpacking assignment", loc);
        emit(Op::UNPACK_EX, int(i + ((n - i - 1) << 8)));
        seen_star = true;
    }
    if (!seen_star) emit(Op::UNPACK_SEQUENCE, int(n));
    for (const ast::Expr* e : elts)
        visit_expr(e->kind == ast::ExprKind::Starred ? static_cast<const ast::Starred*>(e)->value : e);
}

// compiler_jump_if: jump to `label` when `e` is truthy == cond, folding not/and/or/if-else and
// chained comparisons into jumps instead of materializing booleans.
void Codegen::jump_if(const ast::Expr* e, int label, bool cond) {
    using K = ast::ExprKind;
    if (e->kind == K::Constant) {
        if (std::optional<bool> truth = const_truth(static_cast<const ast::Constant*>(e))) {
            if (*truth == cond) emit_jump(Op::JUMP, label);
            return;
        }
    }
    switch (e->kind) {
    case K::UnaryOp: {
        auto* u = static_cast<const ast::UnaryOp*>(e);
        if (u->op == ast::UnaryOpKind::Not) return jump_if(u->operand, label, !cond);
        break;
    }
    case K::BoolOp: {
        auto* b = static_cast<const ast::BoolOp*>(e);
        bool cond2 = b->op == ast::BoolOpKind::Or;
        int next2 = cond2 != cond ? new_label() : label;
        for (size_t i = 0; i + 1 < b->values.size(); i++) jump_if(b->values[i], next2, cond2);
        jump_if(b->values.back(), label, cond);
        if (next2 != label) bind(next2);
        return;
    }
    case K::IfExp: {
        auto* i = static_cast<const ast::IfExp*>(e);
        int end = new_label(), next2 = new_label();
        jump_if(i->test, next2, false);
        jump_if(i->body, label, cond);
        emit_jump(Op::JUMP, end);
        bind(next2);
        jump_if(i->orelse, label, cond);
        bind(end);
        return;
    }
    case K::Compare: {
        auto* c = static_cast<const ast::Compare*>(e);
        if (c->ops.size() == 1) break;
        return jump_if_chain(*this, c, label, cond);
    }
    default: break;
    }
    visit_expr(e);
    emit_jump(cond ? Op::POP_JUMP_IF_TRUE : Op::POP_JUMP_IF_FALSE, label);
}

void Codegen::visit_expr(const ast::Expr* e) {
    using K = ast::ExprKind;
    vm::Position saved = u().loc;
    set_loc(e->loc);
    if (e->kind != K::Constant && (e->kind == K::UnaryOp || e->kind == K::Tuple)) {
        if (auto v = constant_value(e)) {
            load_const(std::move(*v));
            u().loc = saved;
            return;
        }
    }
    switch (e->kind) {
    case K::BoolOp: boolop(*this, static_cast<const ast::BoolOp*>(e)); break;
    case K::NamedExpr: named_expr(*this, static_cast<const ast::NamedExpr*>(e)); break;
    case K::BinOp: binop(*this, static_cast<const ast::BinOp*>(e)); break;
    case K::UnaryOp: unary(*this, static_cast<const ast::UnaryOp*>(e)); break;
    case K::Lambda: lambda(static_cast<const ast::Lambda*>(e)); break;
    case K::IfExp: ifexp(*this, static_cast<const ast::IfExp*>(e)); break;
    case K::Dict: dict_display(*this, static_cast<const ast::Dict*>(e)); break;
    case K::Set:
        starunpack(*this, static_cast<const ast::Set*>(e)->elts, 0, Op::BUILD_SET, Op::SET_ADD,
                   Op::SET_UPDATE, false);
        break;
    case K::ListComp:
    case K::SetComp:
    case K::DictComp:
    case K::GeneratorExp: comprehension_expr(*this, e); break;
    case K::Await: await_expr(static_cast<const ast::Await*>(e)); break;
    case K::Yield:
    case K::YieldFrom: yield_expr(e); break;
    case K::Compare: compare(*this, static_cast<const ast::Compare*>(e)); break;
    case K::Call: call(*this, static_cast<const ast::Call*>(e)); break;
    case K::FormattedValue: formatted_value(*this, static_cast<const ast::FormattedValue*>(e)); break;
    case K::JoinedStr: joined_str(*this, static_cast<const ast::JoinedStr*>(e)); break;
    case K::Constant: load_const(*constant_value(e)); break;
    case K::Attribute: attribute(*this, static_cast<const ast::Attribute*>(e)); break;
    case K::Subscript: subscript(*this, static_cast<const ast::Subscript*>(e)); break;
    case K::Starred: starred(*this, static_cast<const ast::Starred*>(e)); break;
    case K::Name: {
        auto* n = static_cast<const ast::Name*>(e);
        nameop(n->id, n->ctx);
        break;
    }
    case K::List: {
        auto* l = static_cast<const ast::List*>(e);
        sequence(*this, e, l->elts, l->ctx, false);
        break;
    }
    case K::Tuple: {
        auto* t = static_cast<const ast::Tuple*>(e);
        sequence(*this, e, t->elts, t->ctx, true);
        break;
    }
    case K::Slice: slice(*this, static_cast<const ast::Slice*>(e)); break;
    }
    u().loc = saved;
}

} // namespace eddy::comp
