// parser/builder.cpp: node construction for the grammar actions and the checks the LALR grammar
// cannot express. Messages are CPython 3.11's, word for word, and point where CPython points.
#include "parser/builder.hpp"

#include <algorithm>

namespace eddy::parse {

using namespace ast;

void ErrorState::fail(const Location& at, std::string message, SyntaxErrorInfo::Kind k) {
    if (set) return;
    set = true;
    kind = k;
    msg = std::move(message);
    loc = at;
}

Loc to_loc(const Location& l) {
    return {l.begin.line, l.begin.col, l.end.line, l.end.col};
}

namespace {

Location from_loc(const Loc& l) {
    return {{l.line, l.col, 0}, {l.end_line, l.end_col, 0}};
}

// CPython suggests '==' only when the bad target is a bitwise_or-level expression (its
// invalid_named_expression rule): not for comparisons, boolean ops, lambdas, True/None/False.
// Anything in parentheses is an atom, so it qualifies unless it is a tuple or a generator.
bool hint_equality(const Expr* e, bool parenthesized) {
    if (parenthesized) return e->kind != ExprKind::Tuple && e->kind != ExprKind::GeneratorExp;
    switch (e->kind) {
    case ExprKind::Compare: case ExprKind::BoolOp: case ExprKind::IfExp: case ExprKind::Lambda:
    case ExprKind::NamedExpr: case ExprKind::Yield: case ExprKind::YieldFrom:
    case ExprKind::GeneratorExp: case ExprKind::Starred: case ExprKind::List: case ExprKind::Tuple:
        return false;
    case ExprKind::UnaryOp: return static_cast<const UnaryOp*>(e)->op != UnaryOpKind::Not;
    case ExprKind::Constant: {
        ConstKind k = static_cast<const Constant*>(e)->ckind;
        return k != ConstKind::True && k != ConstKind::False && k != ConstKind::None;
    }
    default: return true;
    }
}

} // namespace

const char* expr_name(const Expr* e) {
    switch (e->kind) {
    case ExprKind::Attribute: return "attribute";
    case ExprKind::Subscript: return "subscript";
    case ExprKind::Starred: return "starred";
    case ExprKind::Name: return "name";
    case ExprKind::List: return "list";
    case ExprKind::Tuple: return "tuple";
    case ExprKind::Lambda: return "lambda";
    case ExprKind::Call: return "function call";
    case ExprKind::BoolOp:
    case ExprKind::BinOp:
    case ExprKind::UnaryOp: return "expression";
    case ExprKind::GeneratorExp: return "generator expression";
    case ExprKind::Yield:
    case ExprKind::YieldFrom: return "yield expression";
    case ExprKind::Await: return "await expression";
    case ExprKind::ListComp: return "list comprehension";
    case ExprKind::SetComp: return "set comprehension";
    case ExprKind::DictComp: return "dict comprehension";
    case ExprKind::Dict: return "dict literal";
    case ExprKind::Set: return "set display";
    case ExprKind::JoinedStr:
    case ExprKind::FormattedValue: return "f-string expression";
    case ExprKind::Compare: return "comparison";
    case ExprKind::IfExp: return "conditional expression";
    case ExprKind::NamedExpr: return "named expression";
    case ExprKind::Slice: return "slice";
    case ExprKind::Constant:
        switch (static_cast<const Constant*>(e)->ckind) {
        case ConstKind::None: return "None";
        case ConstKind::True: return "True";
        case ConstKind::False: return "False";
        case ConstKind::Ellipsis: return "ellipsis";
        default: return "literal";
        }
    }
    return "expression";
}

bool Builder::fail(const Location& at, std::string message) {
    m_err.fail(at, std::move(message));
    return false;
}

bool Builder::fail_at(const Expr* e, std::string message) {
    return fail(from_loc(e->loc), std::move(message));
}

// ---- expressions ----

Expr* Builder::parenthesized(Expr* e) {
    m_parens.insert(e);
    return e;
}

Expr* Builder::number(const Location& at, const NumberLit& n) {
    auto* c = make<Constant>(at);
    switch (n.kind) {
    case NumberLit::Kind::Int: c->ckind = ConstKind::Int; c->i = n.i; break;
    case NumberLit::Kind::BigInt: c->ckind = ConstKind::BigInt; c->text = n.text; break;
    case NumberLit::Kind::Float: c->ckind = ConstKind::Float; c->f = n.f; break;
    case NumberLit::Kind::Imag: c->ckind = ConstKind::Imag; c->f = n.f; break;
    }
    return c;
}

Expr* Builder::constant(const Location& at, ConstKind k) {
    auto* c = make<Constant>(at);
    c->ckind = k;
    return c;
}

Expr* Builder::name(const Location& at, std::string id) {
    auto* n = make<Name>(at);
    n->id = std::move(id);
    return n;
}

Expr* Builder::tuple_or_single(const Location& at, SeqItems&& s) {
    if (s.items.size() == 1 && !s.trailing_comma) return s.items[0];
    return sequence(at, ExprKind::Tuple, std::move(s.items));
}

Expr* Builder::sequence(const Location& at, ExprKind kind, ExprList&& elts) {
    if (kind == ExprKind::List) {
        auto* l = make<List>(at);
        l->elts = std::move(elts);
        return l;
    }
    if (kind == ExprKind::Set) {
        auto* s = make<Set>(at);
        s->elts = std::move(elts);
        return s;
    }
    auto* t = make<Tuple>(at);
    t->elts = std::move(elts);
    return t;
}

Expr* Builder::boolop(const Location& at, BoolOpKind op, ExprList&& values) {
    auto* e = make<BoolOp>(at);
    e->op = op;
    e->values = std::move(values);
    return e;
}

Expr* Builder::binop(const Location& at, Expr* l, BinOpKind op, Expr* r) {
    auto* e = make<BinOp>(at);
    e->left = l;
    e->op = op;
    e->right = r;
    return e;
}

Expr* Builder::unary(const Location& at, UnaryOpKind op, Expr* operand) {
    auto* e = make<UnaryOp>(at);
    e->op = op;
    e->operand = operand;
    return e;
}

Expr* Builder::compare(const Location& at, Expr* left,
                       std::vector<std::pair<CmpOpKind, Expr*>>&& chain) {
    auto* e = make<Compare>(at);
    e->left = left;
    for (auto& [op, rhs] : chain) {
        e->ops.push_back(op);
        e->comparators.push_back(rhs);
    }
    return e;
}

Expr* Builder::named_expr(const Location& at, Expr* target, Expr* value) {
    if (target->kind != ExprKind::Name) {
        fail_at(target, std::string("cannot use assignment expressions with ") +
                            expr_name(target));
        return nullptr;
    }
    static_cast<Name*>(target)->ctx = Ctx::Store;
    auto* e = make<NamedExpr>(at);
    e->target = target;
    e->value = value;
    return e;
}

Expr* Builder::comprehension(const Location& at, ExprKind kind, Expr* elt,
                             std::vector<Comprehension>&& gens) {
    if (elt->kind == ExprKind::Starred) {
        fail_at(elt, "iterable unpacking cannot be used in comprehension");
        return nullptr;
    }
    if (kind == ExprKind::ListComp) {
        auto* e = make<ListComp>(at);
        e->elt = elt;
        e->generators = std::move(gens);
        return e;
    }
    if (kind == ExprKind::SetComp) {
        auto* e = make<SetComp>(at);
        e->elt = elt;
        e->generators = std::move(gens);
        return e;
    }
    auto* e = make<GeneratorExp>(at);
    e->elt = elt;
    e->generators = std::move(gens);
    return e;
}

Expr* Builder::dict(const Location& at, std::vector<DictItem>&& items) {
    auto* d = make<Dict>(at);
    for (const DictItem& item : items) {
        d->keys.push_back(item.key);
        d->values.push_back(item.value);
    }
    return d;
}

Expr* Builder::dict_comp(const Location& at, const DictItem& item,
                         std::vector<Comprehension>&& gens) {
    if (!item.key) {
        fail(item.loc, "dict unpacking cannot be used in dict comprehension");
        return nullptr;
    }
    auto* d = make<DictComp>(at);
    d->key = item.key;
    d->value = item.value;
    d->generators = std::move(gens);
    return d;
}

Expr* Builder::lambda(const Location& at, std::vector<Param>&& params, Expr* body) {
    auto* l = make<Lambda>(at);
    if (!arguments(l->args, std::move(params), true)) return nullptr;
    l->body = body;
    return l;
}

// a[i] keeps i; a[i, j], a[i,] and a[*i] make a Tuple of the items (slices included).
Expr* Builder::subscript_slice(const Location& at, SeqItems&& s) {
    if (s.items.size() == 1 && s.items[0]->kind == ExprKind::Starred) s.trailing_comma = true;
    return tuple_or_single(at, std::move(s));
}

// ---- calls ----

Expr* Builder::call(const Location& at, Expr* func, std::vector<CallArg>&& args) {
    auto* c = make<Call>(at);
    c->func = func;
    bool seen_keyword = false, seen_dstar = false;
    Location close{{at.end.line, at.end.col - 1, 0}, at.end};
    for (CallArg& a : args)
        if (!add_call_arg(c, a, seen_keyword, seen_dstar, args.size(), close)) return nullptr;
    return c;
}

// Python's ordering rules for arguments: positional, then keywords/`*`, then `**` (which only
// keywords may follow); an unparenthesized generator must be the only argument.
bool Builder::add_call_arg(Call* call, CallArg& a, bool& seen_keyword, bool& seen_dstar,
                           size_t count, const Location& close) {
    switch (a.kind) {
    case CallArg::Kind::Generator:
        if (count > 1) return fail(a.loc, "Generator expression must be parenthesized");
        [[fallthrough]];
    case CallArg::Kind::Positional:
        if (seen_dstar)
            return fail(close, "positional argument follows keyword argument unpacking");
        if (seen_keyword) return fail(close, "positional argument follows keyword argument");
        call->args.push_back(a.value);
        return true;
    case CallArg::Kind::Star:
        if (seen_dstar)
            return fail(a.loc, "iterable argument unpacking follows keyword argument unpacking");
        call->args.push_back(a.value);
        return true;
    case CallArg::Kind::Keyword:
        if (a.name == "True" || a.name == "False" || a.name == "None")
            return fail(a.loc, "cannot assign to " + a.name);
        seen_keyword = true;
        break;
    case CallArg::Kind::DoubleStar:
        seen_dstar = true;
        break;
    }
    Keyword k;
    k.name = std::move(a.name);
    k.value = a.value;
    k.loc = to_loc(a.loc);
    call->keywords.push_back(std::move(k));
    return true;
}

// ---- parameters ----

// Turns the flat parameter list into ast::Arguments, enforcing CPython's ordering rules.
bool Builder::arguments(Arguments& out, std::vector<Param>&& params, bool /*is_lambda*/) {
    enum class Stage { Positional, KeywordOnly, AfterKwarg } stage = Stage::Positional;
    bool seen_default = false, seen_slash = false, bare_star = false;
    std::vector<std::string> names;
    for (size_t i = 0; i < params.size(); ++i) {
        Param& p = params[i];
        if (stage == Stage::AfterKwarg)
            return fail(p.loc, "arguments cannot follow var-keyword argument");
        if (!p.name.empty()) {
            if (std::find(names.begin(), names.end(), p.name) != names.end()) {
                // CPython 3.11 says "function definition" for lambdas too.
                return fail(p.loc, "duplicate argument '" + p.name + "' in function definition");
            }
            names.push_back(p.name);
        }
        Arg arg;
        arg.name = p.name;
        arg.annotation = p.annotation;
        arg.loc = to_loc(p.loc);
        switch (p.kind) {
        case Param::Kind::Slash:
            if (seen_slash) return fail(p.loc, "/ may appear only once");
            if (stage != Stage::Positional) return fail(p.loc, "/ must be ahead of *");
            if (out.args.empty()) return fail(p.loc, "at least one argument must precede /");
            seen_slash = true;
            out.posonly = std::move(out.args);
            out.args.clear();
            break;
        case Param::Kind::Plain:
            if (stage == Stage::KeywordOnly) {
                out.kwonly.push_back(std::move(arg));
                out.kw_defaults.push_back(p.default_value);
                bare_star = false;
                break;
            }
            if (p.default_value) {
                seen_default = true;
                out.defaults.push_back(p.default_value);
            } else if (seen_default) {
                return fail(p.loc, "non-default argument follows default argument");
            }
            out.args.push_back(std::move(arg));
            break;
        case Param::Kind::Star:
            if (stage != Stage::Positional)
                return fail(p.whole, "* argument may appear only once");
            stage = Stage::KeywordOnly;
            if (p.name.empty()) {
                bare_star = true;
                if (i + 1 == params.size() ||
                    params[i + 1].kind == Param::Kind::DoubleStar)
                    return fail(p.loc, "named arguments must follow bare *");
            } else {
                out.vararg = std::make_unique<Arg>(std::move(arg));
            }
            break;
        case Param::Kind::DoubleStar:
            out.kwarg = std::make_unique<Arg>(std::move(arg));
            stage = Stage::AfterKwarg;
            break;
        }
    }
    (void)bare_star;
    return true;
}

// ---- strings ----

void Builder::add_string(StrParts& parts, const Location& at, StringLit&& lit) {
    if (lit.is_bytes) parts.has_bytes = true;
    else parts.has_str = true;
    auto* c = make<Constant>(at);
    c->ckind = lit.is_bytes ? ConstKind::Bytes : ConstKind::Str;
    c->text = std::move(lit.value);
    parts.pieces.push_back(c);
}

void Builder::add_fstring(StrParts& parts, ExprList&& pieces) {
    parts.has_str = true;
    parts.has_fstring = true;
    for (Expr* e : pieces) parts.pieces.push_back(e);
}

// Adjacent literals become one Constant, or one JoinedStr when any is an f-string; in a
// JoinedStr neighbouring text pieces merge and empty ones vanish, as in CPython.
Expr* Builder::finish_strings(const Location& at, StrParts&& parts) {
    if (parts.has_bytes && parts.has_str) {
        fail({at.end, at.end}, "cannot mix bytes and nonbytes literals");
        return nullptr;
    }
    if (!parts.has_fstring) {
        auto* c = make<Constant>(at);
        c->ckind = parts.has_bytes ? ConstKind::Bytes : ConstKind::Str;
        for (Expr* e : parts.pieces) c->text += static_cast<Constant*>(e)->text;
        return c;
    }
    auto* j = make<JoinedStr>(at);
    Constant* text = nullptr;
    for (Expr* e : parts.pieces) {
        if (e->kind != ExprKind::Constant) {
            j->values.push_back(e);
            text = nullptr;
            continue;
        }
        auto* c = static_cast<Constant*>(e);
        if (c->text.empty()) continue;
        if (text) {
            text->text += c->text;
            text->loc.end_line = c->loc.end_line;
            text->loc.end_col = c->loc.end_col;
        } else {
            text = c;
            j->values.push_back(c);
        }
    }
    spread_location(j->values, j->loc, false);
    return j;
}

// CPython 3.11 gives an f-string's text pieces and every FormattedValue (nested ones in format
// specs too) the span of the whole concatenated literal; embedded expressions keep their own.
void Builder::spread_location(const ExprList& values, const Loc& whole, bool in_spec) {
    for (Expr* e : values) {
        if (e->kind != ExprKind::FormattedValue) {
            if (!in_spec) e->loc = whole;
            continue;
        }
        e->loc = whole;
        if (auto* spec = static_cast<FormattedValue*>(e)->format_spec)
            spread_location(static_cast<JoinedStr*>(spec)->values, whole, true);
    }
}

// ...while a format spec and its text get the span of the one f-string token that holds it
// (`f'{x:>3}'` inside a longer concatenation).
void Builder::locate_specs(const ExprList& pieces, const Location& token) {
    for (Expr* e : pieces) {
        if (e->kind != ExprKind::FormattedValue) continue;
        auto* spec = static_cast<JoinedStr*>(static_cast<FormattedValue*>(e)->format_spec);
        if (!spec) continue;
        spec->loc = to_loc(token);
        for (Expr* piece : spec->values) piece->loc = spec->loc;
        locate_specs(spec->values, token);
    }
}

Expr* Builder::fstring_text(const Location& at, std::string text) {
    auto* c = make<Constant>(at);
    c->ckind = ConstKind::Str;
    c->text = std::move(text);
    return c;
}

ExprList Builder::fstring_field(const Location& at, Expr* value, std::string debug_text,
                                const std::string& conversion, const Location& conv_at,
                                ExprList* spec) {
    auto* f = make<FormattedValue>(at);
    f->value = value;
    // CPython 3.11 parses a field as `(expr)`, so a bare tuple spans the braces.
    if (value->kind == ExprKind::Tuple && !is_parenthesized(value)) value->loc = to_loc(at);
    if (!conversion.empty()) {
        if (conversion != "s" && conversion != "r" && conversion != "a") {
            fail(conv_at, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
            return {};
        }
        f->conversion = conversion[0];
    } else if (!debug_text.empty() && !spec) {
        f->conversion = 'r';   // {x=} shows repr unless a format spec is given
    }
    if (spec) {
        StrParts parts;
        add_fstring(parts, std::move(*spec));
        f->format_spec = finish_strings(at, std::move(parts));
    }
    ExprList out;
    if (!debug_text.empty()) out.push_back(fstring_text(at, std::move(debug_text)));
    out.push_back(f);
    return out;
}

// ---- targets ----

bool Builder::set_target(Expr* e, Ctx ctx, TargetUse use) {
    return check_target(e, ctx, use, true);
}

// Marks e (and the elements of tuple/list targets) as Store or Del, or reports why it cannot
// be a target, in CPython's words.
bool Builder::check_target(Expr* e, Ctx ctx, TargetUse use, bool top) {
    switch (e->kind) {
    case ExprKind::Name: static_cast<Name*>(e)->ctx = ctx; return true;
    case ExprKind::Attribute: static_cast<Attribute*>(e)->ctx = ctx; return true;
    case ExprKind::Subscript: static_cast<Subscript*>(e)->ctx = ctx; return true;
    case ExprKind::Starred:
        if (ctx == Ctx::Del) break;
        static_cast<Starred*>(e)->ctx = ctx;
        return check_target(static_cast<Starred*>(e)->value, ctx, use, false);
    case ExprKind::Tuple:
    case ExprKind::List: {
        auto& elts = e->kind == ExprKind::Tuple ? static_cast<Tuple*>(e)->elts
                                                : static_cast<List*>(e)->elts;
        if (e->kind == ExprKind::Tuple) static_cast<Tuple*>(e)->ctx = ctx;
        else static_cast<List*>(e)->ctx = ctx;
        for (Expr* elt : elts)
            if (!check_target(elt, ctx, use, false)) return false;
        return true;
    }
    default: break;
    }
    std::string what = expr_name(e);
    if (ctx == Ctx::Del) return fail_at(e, "cannot delete " + what);
    if (use == TargetUse::AugAssign)
        return fail_at(e, "'" + what + "' is an illegal expression for augmented assignment");
    bool yield = e->kind == ExprKind::Yield || e->kind == ExprKind::YieldFrom;
    if (yield && use == TargetUse::Assign && !is_parenthesized(e))
        return fail_at(e, "assignment to yield expression not possible");
    if (top && use == TargetUse::Assign && m_single_target && hint_equality(e, is_parenthesized(e)))
        return fail_at(e, "cannot assign to " + what +
                              " here. Maybe you meant '==' instead of '='?");
    return fail_at(e, "cannot assign to " + what);
}

Stmt* Builder::assign(const Location& at, ExprList&& chain) {
    Expr* value = chain.back();
    chain.pop_back();
    m_single_target = chain.size() == 1;   // `a = 1 = 2` gets no '==' hint, `1 = 2` does
    for (Expr* target : chain)
        if (!check_target(target, Ctx::Store, TargetUse::Assign, true)) return nullptr;
    auto* s = make<Assign>(at);
    s->targets = std::move(chain);
    s->value = value;
    return s;
}

Stmt* Builder::aug_assign(const Location& at, Expr* target, BinOpKind op, Expr* value) {
    ExprKind k = target->kind;
    if (k != ExprKind::Name && k != ExprKind::Attribute && k != ExprKind::Subscript) {
        fail_at(target, std::string("'") + expr_name(target) +
                            "' is an illegal expression for augmented assignment");
        return nullptr;
    }
    check_target(target, Ctx::Store, TargetUse::AugAssign, true);
    auto* s = make<AugAssign>(at);
    s->target = target;
    s->op = op;
    s->value = value;
    return s;
}

Stmt* Builder::ann_assign(const Location& at, Expr* target, Expr* annotation, Expr* value) {
    ExprKind k = target->kind;
    bool paren = is_parenthesized(target);
    if ((k == ExprKind::Tuple || k == ExprKind::List)) {
        fail_at(target, std::string("only single target (not ") +
                            (k == ExprKind::Tuple ? "tuple" : "list") + ") can be annotated");
        return nullptr;
    }
    if (k != ExprKind::Name && k != ExprKind::Attribute && k != ExprKind::Subscript) {
        fail_at(target, "illegal target for annotation");
        return nullptr;
    }
    check_target(target, Ctx::Store, TargetUse::Assign, true);
    auto* s = make<AnnAssign>(at);
    s->target = target;
    s->annotation = annotation;
    s->value = value;
    s->simple = k == ExprKind::Name && !paren;
    return s;
}

Stmt* Builder::del(const Location& at, SeqItems&& targets) {
    for (Expr* t : targets.items)
        if (!check_target(t, Ctx::Del, TargetUse::Delete, true)) return nullptr;
    auto* s = make<Delete>(at);
    s->targets = std::move(targets.items);
    return s;
}

// ---- with ----

void Builder::remember_with_items(Expr* tuple, std::vector<WithItem>&& items,
                                  const Location& as_at) {
    m_with_items.push_back({tuple, std::move(items), as_at});
}

// `with (a, b):` and `with (a as x, b):` list their items in parentheses (3.9+ grammar):
// a lone parenthesized tuple header is unpacked into items, as CPython's PEG parser does.
Stmt* Builder::with(const Location& at, std::vector<WithItem>&& items, StmtList&& body) {
    auto* s = make<With>(at);
    if (items.size() == 1 && !items[0].optional_vars) {
        Expr* e = items[0].context_expr;
        auto pending = std::find_if(m_with_items.begin(), m_with_items.end(),
                                    [&](const PendingWith& p) { return p.tuple == e; });
        if (pending != m_with_items.end()) {
            items = std::move(pending->items);
            m_with_items.erase(pending);
        } else if (e->kind == ExprKind::Tuple && is_parenthesized(e)) {
            auto& elts = static_cast<Tuple*>(e)->elts;
            bool starred = std::any_of(elts.begin(), elts.end(), [](Expr* x) {
                return x->kind == ExprKind::Starred;
            });
            if (!elts.empty() && !starred) {
                std::vector<WithItem> unpacked;
                for (Expr* x : elts) unpacked.push_back({x, nullptr});
                items = std::move(unpacked);
            }
        }
    }
    s->items = std::move(items);
    s->body = std::move(body);
    return s;
}

bool Builder::check_unclaimed_with_items() {
    if (m_with_items.empty()) return true;
    return fail(m_with_items.front().as_at, "invalid syntax");
}

} // namespace eddy::parse
