// parser/ast_dump.cpp: ast.dump() for eddy's AST. Field order and omissions mirror CPython
// 3.11's Python.asdl: optional fields that are None are left out, lists always appear, and
// literals use Python's repr. Recursive; parse() has already bounded the tree's depth.
#include "parser/ast_dump.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace eddy::ast {

namespace {

const char* const BinOpNames[] = {"Add", "Sub", "Mult", "MatMult", "Div", "Mod", "Pow",
                                  "LShift", "RShift", "BitOr", "BitXor", "BitAnd", "FloorDiv"};
const char* const UnaryNames[] = {"Invert", "Not", "UAdd", "USub"};
const char* const CmpNames[] = {"Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In",
                                "NotIn"};
const char* const CtxNames[] = {"Load()", "Store()", "Del()"};

// A code point that Python's str.isprintable() rejects (so repr escapes it). Approximate for
// the rarer Unicode categories, exact for ASCII and Latin-1.
bool unprintable(uint32_t cp) {
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0xA0) || cp == 0xAD) return true;
    if ((cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F)) return true;
    if ((cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 || cp == 0xFEFF) return true;
    if ((cp & 0xFFFE) == 0xFFFE || (cp >= 0xFDD0 && cp <= 0xFDEF)) return true;   // nonchars
    return (cp >= 0xD800 && cp <= 0xF8FF) || cp >= 0xF0000;
}

std::string hex_escape(uint32_t cp) {
    char buf[16];
    if (cp <= 0xFF) std::snprintf(buf, sizeof buf, "\\x%02x", cp);
    else if (cp <= 0xFFFF) std::snprintf(buf, sizeof buf, "\\u%04x", cp);
    else std::snprintf(buf, sizeof buf, "\\U%08x", cp);
    return buf;
}

// Python's repr() of a str (UTF-8 in `s`) or of bytes.
std::string quote(const std::string& s, bool bytes) {
    bool has_single = s.find('\'') != std::string::npos;
    bool has_double = s.find('"') != std::string::npos;
    char q = has_single && !has_double ? '"' : '\'';
    std::string out = bytes ? "b" : "";
    out.push_back(q);
    for (size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        uint32_t cp = c;
        size_t n = 1;
        if (!bytes && c >= 0x80) {
            n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            cp = c & (0x3F >> (n - 1));
            for (size_t k = 1; k < n && i + k < s.size(); ++k)
                cp = cp << 6 | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        }
        if (c == '\\' || c == static_cast<unsigned char>(q)) {
            out.push_back('\\');
            out.push_back(static_cast<char>(c));
        } else if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\t') out += "\\t";
        else if (bytes ? (c < 0x20 || c >= 0x7F) : unprintable(cp)) out += hex_escape(cp);
        else out.append(s, i, n);
        i += n;
    }
    out.push_back(q);
    return out;
}

// repr(value) for a float, or for the imaginary part of a complex when `imag` (no ".0").
std::string number_repr(double value, bool imag) {
    if (std::isnan(value)) return "nan";
    if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
    std::string sci(buf, res.ptr);
    size_t e = sci.find('e');
    std::string mantissa = sci.substr(0, e);
    int exp = std::atoi(sci.c_str() + e + 1);
    bool negative = mantissa[0] == '-';
    std::string digits;
    for (char ch : mantissa)
        if (ch >= '0' && ch <= '9') digits.push_back(ch);
    int point = exp + 1;   // digits before the decimal point
    std::string out = negative ? "-" : "";
    if (point > -4 && point <= 16) {
        if (point <= 0) {
            out += "0." + std::string(-point, '0') + digits;
        } else if (point >= static_cast<int>(digits.size())) {
            out += digits + std::string(point - digits.size(), '0');
            if (!imag) out += ".0";
        } else {
            out += digits.substr(0, point) + "." + digits.substr(point);
        }
        return out;
    }
    out += digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    char exp_buf[16];
    std::snprintf(exp_buf, sizeof exp_buf, "e%c%02d", exp < 0 ? '-' : '+', std::abs(exp));
    return out + exp_buf;
}

class Dumper {
public:
    std::string out;
    bool with_attributes = false;

    void expr(const Expr* e);
    void stmt(const Stmt* s);

private:
    // Writes "name=" before every field but the first.
    void field(const char* name) {
        if (out.back() != '(') out += ", ";
        out += name;
        out += '=';
    }
    void opt(const char* name, const Expr* e) {
        if (!e) return;
        field(name);
        expr(e);
    }
    void exprs(const char* name, const ExprList& list) {
        field(name);
        out += '[';
        for (size_t i = 0; i < list.size(); ++i) {
            if (i) out += ", ";
            if (list[i]) expr(list[i]);
            else out += "None";
        }
        out += ']';
    }
    void stmts(const char* name, const StmtList& list) {
        field(name);
        out += '[';
        for (size_t i = 0; i < list.size(); ++i) {
            if (i) out += ", ";
            stmt(list[i]);
        }
        out += ']';
    }
    void str(const char* name, const std::string& s) {
        field(name);
        out += quote(s, false);
    }
    void num(const char* name, long v) {
        field(name);
        out += std::to_string(v);
    }
    void ctx(Ctx c) {
        field("ctx");
        out += CtxNames[static_cast<int>(c)];
    }
    template <class T, class F>
    void list(const char* name, const std::vector<T>& items, F each) {
        field(name);
        out += '[';
        for (size_t i = 0; i < items.size(); ++i) {
            if (i) out += ", ";
            each(items[i]);
        }
        out += ']';
    }
    void arg(const Arg& a) {
        out += "arg(";
        str("arg", a.name);
        opt("annotation", a.annotation);
        attributes(a.loc);
        out += ')';
    }
    void attributes(const Loc& l) {
        if (!with_attributes) return;
        num("lineno", l.line);
        num("col_offset", l.col);
        num("end_lineno", l.end_line);
        num("end_col_offset", l.end_col);
    }
    void arguments(const Arguments& a);
    void generators(const std::vector<Comprehension>& gens);
    void keywords(const std::vector<Keyword>& kws);
    void constant(const Constant* c);
    void expr_fields(const Expr* e);
    void stmt_fields(const Stmt* s);
};

void Dumper::arguments(const Arguments& a) {
    out += "arguments(";
    list("posonlyargs", a.posonly, [&](const Arg& x) { arg(x); });
    list("args", a.args, [&](const Arg& x) { arg(x); });
    if (a.vararg) {
        field("vararg");
        arg(*a.vararg);
    }
    list("kwonlyargs", a.kwonly, [&](const Arg& x) { arg(x); });
    exprs("kw_defaults", a.kw_defaults);
    if (a.kwarg) {
        field("kwarg");
        arg(*a.kwarg);
    }
    exprs("defaults", a.defaults);
    out += ')';
}

void Dumper::generators(const std::vector<Comprehension>& gens) {
    list("generators", gens, [&](const Comprehension& c) {
        out += "comprehension(";
        field("target");
        expr(c.target);
        field("iter");
        expr(c.iter);
        exprs("ifs", c.ifs);
        num("is_async", c.is_async ? 1 : 0);
        out += ')';
    });
}

void Dumper::keywords(const std::vector<Keyword>& kws) {
    list("keywords", kws, [&](const Keyword& k) {
        out += "keyword(";
        if (!k.name.empty()) str("arg", k.name);
        field("value");
        expr(k.value);
        attributes(k.loc);
        out += ')';
    });
}

void Dumper::constant(const Constant* c) {
    field("value");
    switch (c->ckind) {
    case ConstKind::None: out += "None"; break;
    case ConstKind::True: out += "True"; break;
    case ConstKind::False: out += "False"; break;
    case ConstKind::Ellipsis: out += "Ellipsis"; break;
    case ConstKind::Int: out += std::to_string(c->i); break;
    case ConstKind::BigInt: out += c->text; break;
    case ConstKind::Float: out += number_repr(c->f, false); break;
    case ConstKind::Imag: out += number_repr(c->f, true) + "j"; break;
    case ConstKind::Str: out += quote(c->text, false); break;
    case ConstKind::Bytes: out += quote(c->text, true); break;
    }
}

const char* expr_class(ExprKind k) {
    static const char* const names[] = {
        "BoolOp", "NamedExpr", "BinOp", "UnaryOp", "Lambda", "IfExp", "Dict", "Set",
        "ListComp", "SetComp", "DictComp", "GeneratorExp", "Await", "Yield", "YieldFrom",
        "Compare", "Call", "FormattedValue", "JoinedStr", "Constant", "Attribute", "Subscript",
        "Starred", "Name", "List", "Tuple", "Slice"};
    return names[static_cast<int>(k)];
}

void Dumper::expr(const Expr* e) {
    out += expr_class(e->kind);
    out += '(';
    expr_fields(e);
    attributes(e->loc);
    out += ')';
}

void Dumper::expr_fields(const Expr* e) {
    switch (e->kind) {
    case ExprKind::BoolOp: {
        auto* x = static_cast<const BoolOp*>(e);
        field("op");
        out += x->op == BoolOpKind::And ? "And()" : "Or()";
        exprs("values", x->values);
        break;
    }
    case ExprKind::NamedExpr:
        opt("target", static_cast<const NamedExpr*>(e)->target);
        opt("value", static_cast<const NamedExpr*>(e)->value);
        break;
    case ExprKind::BinOp: {
        auto* x = static_cast<const BinOp*>(e);
        opt("left", x->left);
        field("op");
        out += BinOpNames[static_cast<int>(x->op)] + std::string("()");
        opt("right", x->right);
        break;
    }
    case ExprKind::UnaryOp:
        field("op");
        out += UnaryNames[static_cast<int>(static_cast<const UnaryOp*>(e)->op)] + std::string("()");
        opt("operand", static_cast<const UnaryOp*>(e)->operand);
        break;
    case ExprKind::Lambda:
        field("args");
        arguments(static_cast<const Lambda*>(e)->args);
        opt("body", static_cast<const Lambda*>(e)->body);
        break;
    case ExprKind::IfExp: {
        auto* x = static_cast<const IfExp*>(e);
        opt("test", x->test);
        opt("body", x->body);
        opt("orelse", x->orelse);
        break;
    }
    case ExprKind::Dict:
        exprs("keys", static_cast<const Dict*>(e)->keys);
        exprs("values", static_cast<const Dict*>(e)->values);
        break;
    case ExprKind::Set: exprs("elts", static_cast<const Set*>(e)->elts); break;
    case ExprKind::ListComp:
        opt("elt", static_cast<const ListComp*>(e)->elt);
        generators(static_cast<const ListComp*>(e)->generators);
        break;
    case ExprKind::SetComp:
        opt("elt", static_cast<const SetComp*>(e)->elt);
        generators(static_cast<const SetComp*>(e)->generators);
        break;
    case ExprKind::GeneratorExp:
        opt("elt", static_cast<const GeneratorExp*>(e)->elt);
        generators(static_cast<const GeneratorExp*>(e)->generators);
        break;
    case ExprKind::DictComp:
        opt("key", static_cast<const DictComp*>(e)->key);
        opt("value", static_cast<const DictComp*>(e)->value);
        generators(static_cast<const DictComp*>(e)->generators);
        break;
    case ExprKind::Await: opt("value", static_cast<const Await*>(e)->value); break;
    case ExprKind::Yield: opt("value", static_cast<const Yield*>(e)->value); break;
    case ExprKind::YieldFrom: opt("value", static_cast<const YieldFrom*>(e)->value); break;
    case ExprKind::Compare: {
        auto* x = static_cast<const Compare*>(e);
        opt("left", x->left);
        list("ops", x->ops, [&](CmpOpKind op) {
            out += CmpNames[static_cast<int>(op)] + std::string("()");
        });
        exprs("comparators", x->comparators);
        break;
    }
    case ExprKind::Call: {
        auto* x = static_cast<const Call*>(e);
        opt("func", x->func);
        exprs("args", x->args);
        keywords(x->keywords);
        break;
    }
    case ExprKind::FormattedValue: {
        auto* x = static_cast<const FormattedValue*>(e);
        opt("value", x->value);
        num("conversion", x->conversion);
        opt("format_spec", x->format_spec);
        break;
    }
    case ExprKind::JoinedStr: exprs("values", static_cast<const JoinedStr*>(e)->values); break;
    case ExprKind::Constant: constant(static_cast<const Constant*>(e)); break;
    case ExprKind::Attribute: {
        auto* x = static_cast<const Attribute*>(e);
        opt("value", x->value);
        str("attr", x->attr);
        ctx(x->ctx);
        break;
    }
    case ExprKind::Subscript: {
        auto* x = static_cast<const Subscript*>(e);
        opt("value", x->value);
        opt("slice", x->slice);
        ctx(x->ctx);
        break;
    }
    case ExprKind::Starred:
        opt("value", static_cast<const Starred*>(e)->value);
        ctx(static_cast<const Starred*>(e)->ctx);
        break;
    case ExprKind::Name:
        str("id", static_cast<const Name*>(e)->id);
        ctx(static_cast<const Name*>(e)->ctx);
        break;
    case ExprKind::List:
        exprs("elts", static_cast<const List*>(e)->elts);
        ctx(static_cast<const List*>(e)->ctx);
        break;
    case ExprKind::Tuple:
        exprs("elts", static_cast<const Tuple*>(e)->elts);
        ctx(static_cast<const Tuple*>(e)->ctx);
        break;
    case ExprKind::Slice: {
        auto* x = static_cast<const Slice*>(e);
        opt("lower", x->lower);
        opt("upper", x->upper);
        opt("step", x->step);
        break;
    }
    }
}

const char* stmt_class(const Stmt* s) {
    static const char* const names[] = {
        "FunctionDef", "ClassDef", "Return", "Delete", "Assign", "AugAssign", "AnnAssign",
        "For", "While", "If", "With", "Raise", "Try", "Assert", "Import", "ImportFrom",
        "Global", "Nonlocal", "Expr", "Pass", "Break", "Continue"};
    if (s->kind == StmtKind::FunctionDef && static_cast<const FunctionDef*>(s)->is_async)
        return "AsyncFunctionDef";
    if (s->kind == StmtKind::For && static_cast<const For*>(s)->is_async) return "AsyncFor";
    if (s->kind == StmtKind::With && static_cast<const With*>(s)->is_async) return "AsyncWith";
    return names[static_cast<int>(s->kind)];
}

void Dumper::stmt(const Stmt* s) {
    out += stmt_class(s);
    out += '(';
    stmt_fields(s);
    attributes(s->loc);
    out += ')';
}

void Dumper::stmt_fields(const Stmt* s) {
    auto aliases = [&](const std::vector<Alias>& names) {
        list("names", names, [&](const Alias& a) {
            out += "alias(";
            str("name", a.name);
            if (!a.asname.empty()) str("asname", a.asname);
            attributes(a.loc);
            out += ')';
        });
    };
    auto names = [&](const std::vector<std::string>& ids) {
        list("names", ids, [&](const std::string& id) { out += quote(id, false); });
    };
    switch (s->kind) {
    case StmtKind::FunctionDef: {
        auto* f = static_cast<const FunctionDef*>(s);
        str("name", f->name);
        field("args");
        arguments(f->args);
        stmts("body", f->body);
        exprs("decorator_list", f->decorator_list);
        opt("returns", f->returns);
        break;
    }
    case StmtKind::ClassDef: {
        auto* c = static_cast<const ClassDef*>(s);
        str("name", c->name);
        exprs("bases", c->bases);
        keywords(c->keywords);
        stmts("body", c->body);
        exprs("decorator_list", c->decorator_list);
        break;
    }
    case StmtKind::Return: opt("value", static_cast<const Return*>(s)->value); break;
    case StmtKind::Delete: exprs("targets", static_cast<const Delete*>(s)->targets); break;
    case StmtKind::Assign:
        exprs("targets", static_cast<const Assign*>(s)->targets);
        opt("value", static_cast<const Assign*>(s)->value);
        break;
    case StmtKind::AugAssign: {
        auto* a = static_cast<const AugAssign*>(s);
        opt("target", a->target);
        field("op");
        out += BinOpNames[static_cast<int>(a->op)] + std::string("()");
        opt("value", a->value);
        break;
    }
    case StmtKind::AnnAssign: {
        auto* a = static_cast<const AnnAssign*>(s);
        opt("target", a->target);
        opt("annotation", a->annotation);
        opt("value", a->value);
        num("simple", a->simple ? 1 : 0);
        break;
    }
    case StmtKind::For: {
        auto* f = static_cast<const For*>(s);
        opt("target", f->target);
        opt("iter", f->iter);
        stmts("body", f->body);
        stmts("orelse", f->orelse);
        break;
    }
    case StmtKind::While: {
        auto* w = static_cast<const While*>(s);
        opt("test", w->test);
        stmts("body", w->body);
        stmts("orelse", w->orelse);
        break;
    }
    case StmtKind::If: {
        auto* i = static_cast<const If*>(s);
        opt("test", i->test);
        stmts("body", i->body);
        stmts("orelse", i->orelse);
        break;
    }
    case StmtKind::With: {
        auto* w = static_cast<const With*>(s);
        list("items", w->items, [&](const WithItem& it) {
            out += "withitem(";
            opt("context_expr", it.context_expr);
            opt("optional_vars", it.optional_vars);
            out += ')';
        });
        stmts("body", w->body);
        break;
    }
    case StmtKind::Raise:
        opt("exc", static_cast<const Raise*>(s)->exc);
        opt("cause", static_cast<const Raise*>(s)->cause);
        break;
    case StmtKind::Try: {
        auto* t = static_cast<const Try*>(s);
        stmts("body", t->body);
        list("handlers", t->handlers, [&](const ExceptHandler& h) {
            out += "ExceptHandler(";
            opt("type", h.type);
            if (!h.name.empty()) str("name", h.name);
            stmts("body", h.body);
            attributes(h.loc);
            out += ')';
        });
        stmts("orelse", t->orelse);
        stmts("finalbody", t->finalbody);
        break;
    }
    case StmtKind::Assert:
        opt("test", static_cast<const Assert*>(s)->test);
        opt("msg", static_cast<const Assert*>(s)->msg);
        break;
    case StmtKind::Import: aliases(static_cast<const Import*>(s)->names); break;
    case StmtKind::ImportFrom: {
        auto* i = static_cast<const ImportFrom*>(s);
        if (!i->module.empty()) str("module", i->module);
        aliases(i->names);
        num("level", i->level);
        break;
    }
    case StmtKind::Global: names(static_cast<const Global*>(s)->names); break;
    case StmtKind::Nonlocal: names(static_cast<const Nonlocal*>(s)->names); break;
    case StmtKind::Expr: opt("value", static_cast<const ExprStmt*>(s)->value); break;
    case StmtKind::Pass: case StmtKind::Break: case StmtKind::Continue: break;
    }
}

} // namespace

std::string float_repr(double value) {
    return number_repr(value, false);
}

std::string dump(const Expr* expr, bool include_attributes) {
    Dumper d;
    d.with_attributes = include_attributes;
    d.expr(expr);
    return d.out;
}

std::string dump(const Module& module, bool include_attributes) {
    Dumper d;
    d.with_attributes = include_attributes;
    d.out = "Module(";
    d.out += "body=[";
    for (size_t i = 0; i < module.body.size(); ++i) {
        if (i) d.out += ", ";
        d.stmt(module.body[i]);
    }
    d.out += "], type_ignores=[])";
    return d.out;
}

} // namespace eddy::ast
