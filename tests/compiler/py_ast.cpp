// tests/compiler/py_ast.cpp: builds an eddy ast::Module from CPython's own parse of a source text
// (via py_ast_dump.py), so the compiler tests exercise real Python without depending on eddy's
// parser. A small JSON reader plus a node-by-node translation to parser/ast.hpp.
#include "tests/compiler/py_ast.hpp"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <stdexcept>
#include <unistd.h>

namespace eddy::test {

namespace {

// ---- a minimal JSON value and reader (strings are hex-encoded, so no escapes) ----

struct Json {
    enum Kind { Null, Bool, Num, Str, Arr, Obj } kind = Null;
    bool b = false;
    double num = 0;
    std::string str;
    std::vector<Json> arr;
    std::map<std::string, Json> obj;

    const Json& operator[](const std::string& key) const {
        static const Json null;
        auto it = obj.find(key);
        return it == obj.end() ? null : it->second;
    }
    bool is_null() const { return kind == Null; }
};

std::string unhex(const std::string& h) {
    std::string out;
    for (size_t i = 0; i + 1 < h.size(); i += 2) out += char(std::stoi(h.substr(i, 2), nullptr, 16));
    return out;
}

struct Reader {
    const std::string& s;
    size_t p = 0;

    void ws() {
        while (p < s.size() && (s[p] == ' ' || s[p] == '\n' || s[p] == '\t' || s[p] == '\r')) p++;
    }
    Json value() {
        ws();
        Json j;
        char c = s.at(p);
        if (c == '{') {
            j.kind = Json::Obj;
            p++;
            ws();
            while (s.at(p) != '}') {
                Json key = value();
                ws();
                p++;   // ':'
                j.obj[key.str] = value();
                ws();
                if (s.at(p) == ',') p++;
                ws();
            }
            p++;
        } else if (c == '[') {
            j.kind = Json::Arr;
            p++;
            ws();
            while (s.at(p) != ']') {
                j.arr.push_back(value());
                ws();
                if (s.at(p) == ',') p++;
                ws();
            }
            p++;
        } else if (c == '"') {
            j.kind = Json::Str;
            size_t end = s.find('"', p + 1);
            j.str = s.substr(p + 1, end - p - 1);
            p = end + 1;
        } else if (s.compare(p, 4, "null") == 0) {
            p += 4;
        } else if (s.compare(p, 4, "true") == 0) {
            j.kind = Json::Bool;
            j.b = true;
            p += 4;
        } else if (s.compare(p, 5, "false") == 0) {
            j.kind = Json::Bool;
            p += 5;
        } else {
            j.kind = Json::Num;
            size_t end = p;
            while (end < s.size() && (std::isdigit((unsigned char)s[end]) || s[end] == '-')) end++;
            j.num = std::stod(s.substr(p, end - p));
            p = end;
        }
        return j;
    }
};

// ---- JSON -> eddy AST ----

class Builder {
public:
    explicit Builder(ast::Arena& arena) : m_arena(arena) {}

    ast::StmtList stmts(const Json& j) {
        ast::StmtList out;
        for (const Json& s : j.arr) out.push_back(stmt(s));
        return out;
    }
    ast::ExprList exprs(const Json& j) {
        ast::ExprList out;
        for (const Json& e : j.arr) out.push_back(expr(e));
        return out;
    }
    ast::Expr* expr(const Json& j);
    ast::Stmt* stmt(const Json& j);

private:
    ast::Arena& m_arena;

    static ast::Loc loc(const Json& j) {
        const Json& a = j["@"];
        if (a.arr.size() < 4) return {};
        return ast::Loc{int(a.arr[0].num), int(a.arr[1].num), int(a.arr[2].num), int(a.arr[3].num)};
    }
    static std::string str(const Json& j) { return j.is_null() ? std::string() : unhex(j.str); }
    static ast::Ctx ctx(const Json& j) {
        const std::string& k = j["_"].str;
        return k == "Store" ? ast::Ctx::Store : k == "Del" ? ast::Ctx::Del : ast::Ctx::Load;
    }
    static std::string kind(const Json& j) { return j["_"].str; }

    template <class T>
    T* make(const Json& j) {
        T* node = m_arena.make<T>();
        node->loc = loc(j);
        return node;
    }
    ast::Arguments arguments(const Json& j);
    std::vector<ast::Comprehension> generators(const Json& j);
    std::vector<ast::Keyword> keywords(const Json& j);
    ast::Expr* constant(const Json& j);
    ast::Expr* expr2(const Json& j, const std::string& k);
    ast::Stmt* stmt2(const Json& j, const std::string& k);
};

int index_of(const char* const* names, size_t n, const std::string& k) {
    for (size_t i = 0; i < n; i++)
        if (k == names[i]) return int(i);
    throw std::runtime_error("unknown operator " + k);
}

constexpr const char* BinOps[] = {"Add", "Sub", "Mult", "MatMult", "Div", "Mod", "Pow",
                                  "LShift", "RShift", "BitOr", "BitXor", "BitAnd", "FloorDiv"};
constexpr const char* UnOps[] = {"Invert", "Not", "UAdd", "USub"};
constexpr const char* CmpOps[] = {"Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn"};

ast::Arguments Builder::arguments(const Json& j) {
    ast::Arguments a;
    auto params = [&](const Json& list) {
        std::vector<ast::Arg> out;
        for (const Json& p : list.arr) out.push_back(ast::Arg{str(p["arg"]), nullptr, loc(p)});
        return out;
    };
    a.posonly = params(j["posonlyargs"]);
    a.args = params(j["args"]);
    a.kwonly = params(j["kwonlyargs"]);
    if (!j["vararg"].is_null())
        a.vararg = std::make_unique<ast::Arg>(ast::Arg{str(j["vararg"]["arg"]), nullptr, loc(j["vararg"])});
    if (!j["kwarg"].is_null())
        a.kwarg = std::make_unique<ast::Arg>(ast::Arg{str(j["kwarg"]["arg"]), nullptr, loc(j["kwarg"])});
    for (const Json& d : j["kw_defaults"].arr) a.kw_defaults.push_back(d.is_null() ? nullptr : expr(d));
    a.defaults = exprs(j["defaults"]);
    return a;
}

std::vector<ast::Comprehension> Builder::generators(const Json& j) {
    std::vector<ast::Comprehension> out;
    for (const Json& g : j.arr)
        out.push_back(ast::Comprehension{expr(g["target"]), expr(g["iter"]), exprs(g["ifs"]), g["is_async"].num != 0});
    return out;
}

std::vector<ast::Keyword> Builder::keywords(const Json& j) {
    std::vector<ast::Keyword> out;
    for (const Json& k : j.arr) out.push_back(ast::Keyword{str(k["arg"]), expr(k["value"]), loc(k)});
    return out;
}

ast::Expr* Builder::constant(const Json& j) {
    auto* c = make<ast::Constant>(j);
    const Json& v = j["value"];
    const std::string& t = v["$"].str;
    using K = ast::ConstKind;
    if (t == "none") c->ckind = K::None;
    else if (t == "ellipsis") c->ckind = K::Ellipsis;
    else if (t == "bool") c->ckind = v["v"].b ? K::True : K::False;
    else if (t == "int") {
        std::string digits = unhex(v["v"].str);
        if (digits.size() < 19) {
            c->ckind = K::Int;
            c->i = std::stoll(digits);
        } else {
            c->ckind = K::BigInt;
            c->text = digits;
        }
    } else if (t == "float") {
        c->ckind = K::Float;
        c->f = std::strtod(unhex(v["v"].str).c_str(), nullptr);
    } else if (t == "complex") {
        c->ckind = K::Imag;
        c->f = std::strtod(unhex(v["v"].str).c_str(), nullptr);
    } else if (t == "str") {
        c->ckind = K::Str;
        c->text = unhex(v["v"].str);
    } else {
        c->ckind = K::Bytes;
        c->text = unhex(v["v"].str);
    }
    return c;
}

ast::Expr* Builder::expr(const Json& j) {
    if (j.is_null()) return nullptr;
    return expr2(j, kind(j));
}

ast::Expr* Builder::expr2(const Json& j, const std::string& k) {
    if (k == "Constant") return constant(j);
    if (k == "Name") {
        auto* n = make<ast::Name>(j);
        n->id = str(j["id"]);
        n->ctx = ctx(j["ctx"]);
        return n;
    }
    if (k == "BoolOp") {
        auto* n = make<ast::BoolOp>(j);
        n->op = kind(j["op"]) == "And" ? ast::BoolOpKind::And : ast::BoolOpKind::Or;
        n->values = exprs(j["values"]);
        return n;
    }
    if (k == "NamedExpr") {
        auto* n = make<ast::NamedExpr>(j);
        n->target = expr(j["target"]);
        n->value = expr(j["value"]);
        return n;
    }
    if (k == "BinOp") {
        auto* n = make<ast::BinOp>(j);
        n->left = expr(j["left"]);
        n->op = ast::BinOpKind(index_of(BinOps, 13, kind(j["op"])));
        n->right = expr(j["right"]);
        return n;
    }
    if (k == "UnaryOp") {
        auto* n = make<ast::UnaryOp>(j);
        n->op = ast::UnaryOpKind(index_of(UnOps, 4, kind(j["op"])));
        n->operand = expr(j["operand"]);
        return n;
    }
    if (k == "Lambda") {
        auto* n = make<ast::Lambda>(j);
        n->args = arguments(j["args"]);
        n->body = expr(j["body"]);
        return n;
    }
    if (k == "IfExp") {
        auto* n = make<ast::IfExp>(j);
        n->test = expr(j["test"]);
        n->body = expr(j["body"]);
        n->orelse = expr(j["orelse"]);
        return n;
    }
    if (k == "Dict") {
        auto* n = make<ast::Dict>(j);
        for (const Json& key : j["keys"].arr) n->keys.push_back(expr(key));
        n->values = exprs(j["values"]);
        return n;
    }
    if (k == "Set") {
        auto* n = make<ast::Set>(j);
        n->elts = exprs(j["elts"]);
        return n;
    }
    if (k == "ListComp" || k == "SetComp" || k == "GeneratorExp") {
        ast::Expr* e;
        if (k == "ListComp") {
            auto* n = make<ast::ListComp>(j);
            n->elt = expr(j["elt"]);
            n->generators = generators(j["generators"]);
            e = n;
        } else if (k == "SetComp") {
            auto* n = make<ast::SetComp>(j);
            n->elt = expr(j["elt"]);
            n->generators = generators(j["generators"]);
            e = n;
        } else {
            auto* n = make<ast::GeneratorExp>(j);
            n->elt = expr(j["elt"]);
            n->generators = generators(j["generators"]);
            e = n;
        }
        return e;
    }
    if (k == "DictComp") {
        auto* n = make<ast::DictComp>(j);
        n->key = expr(j["key"]);
        n->value = expr(j["value"]);
        n->generators = generators(j["generators"]);
        return n;
    }
    if (k == "Await") {
        auto* n = make<ast::Await>(j);
        n->value = expr(j["value"]);
        return n;
    }
    if (k == "Yield") {
        auto* n = make<ast::Yield>(j);
        n->value = expr(j["value"]);
        return n;
    }
    if (k == "YieldFrom") {
        auto* n = make<ast::YieldFrom>(j);
        n->value = expr(j["value"]);
        return n;
    }
    if (k == "Compare") {
        auto* n = make<ast::Compare>(j);
        n->left = expr(j["left"]);
        for (const Json& op : j["ops"].arr) n->ops.push_back(ast::CmpOpKind(index_of(CmpOps, 10, kind(op))));
        n->comparators = exprs(j["comparators"]);
        return n;
    }
    if (k == "Call") {
        auto* n = make<ast::Call>(j);
        n->func = expr(j["func"]);
        n->args = exprs(j["args"]);
        n->keywords = keywords(j["keywords"]);
        return n;
    }
    if (k == "FormattedValue") {
        auto* n = make<ast::FormattedValue>(j);
        n->value = expr(j["value"]);
        n->conversion = int(j["conversion"].num);
        n->format_spec = expr(j["format_spec"]);
        return n;
    }
    if (k == "JoinedStr") {
        auto* n = make<ast::JoinedStr>(j);
        n->values = exprs(j["values"]);
        return n;
    }
    if (k == "Attribute") {
        auto* n = make<ast::Attribute>(j);
        n->value = expr(j["value"]);
        n->attr = str(j["attr"]);
        n->ctx = ctx(j["ctx"]);
        return n;
    }
    if (k == "Subscript") {
        auto* n = make<ast::Subscript>(j);
        n->value = expr(j["value"]);
        n->slice = expr(j["slice"]);
        n->ctx = ctx(j["ctx"]);
        return n;
    }
    if (k == "Starred") {
        auto* n = make<ast::Starred>(j);
        n->value = expr(j["value"]);
        n->ctx = ctx(j["ctx"]);
        return n;
    }
    if (k == "List") {
        auto* n = make<ast::List>(j);
        n->elts = exprs(j["elts"]);
        n->ctx = ctx(j["ctx"]);
        return n;
    }
    if (k == "Tuple") {
        auto* n = make<ast::Tuple>(j);
        n->elts = exprs(j["elts"]);
        n->ctx = ctx(j["ctx"]);
        return n;
    }
    if (k == "Slice") {
        auto* n = make<ast::Slice>(j);
        n->lower = expr(j["lower"]);
        n->upper = expr(j["upper"]);
        n->step = expr(j["step"]);
        return n;
    }
    throw std::runtime_error("unsupported expression " + k);
}

ast::Stmt* Builder::stmt(const Json& j) { return stmt2(j, kind(j)); }

ast::Stmt* Builder::stmt2(const Json& j, const std::string& k) {
    if (k == "FunctionDef" || k == "AsyncFunctionDef") {
        auto* n = make<ast::FunctionDef>(j);
        n->name = str(j["name"]);
        n->args = arguments(j["args"]);
        n->body = stmts(j["body"]);
        n->decorator_list = exprs(j["decorator_list"]);
        n->returns = expr(j["returns"]);
        n->is_async = k == "AsyncFunctionDef";
        return n;
    }
    if (k == "ClassDef") {
        auto* n = make<ast::ClassDef>(j);
        n->name = str(j["name"]);
        n->bases = exprs(j["bases"]);
        n->keywords = keywords(j["keywords"]);
        n->body = stmts(j["body"]);
        n->decorator_list = exprs(j["decorator_list"]);
        return n;
    }
    if (k == "Return") {
        auto* n = make<ast::Return>(j);
        n->value = expr(j["value"]);
        return n;
    }
    if (k == "Delete") {
        auto* n = make<ast::Delete>(j);
        n->targets = exprs(j["targets"]);
        return n;
    }
    if (k == "Assign") {
        auto* n = make<ast::Assign>(j);
        n->targets = exprs(j["targets"]);
        n->value = expr(j["value"]);
        return n;
    }
    if (k == "AugAssign") {
        auto* n = make<ast::AugAssign>(j);
        n->target = expr(j["target"]);
        n->op = ast::BinOpKind(index_of(BinOps, 13, kind(j["op"])));
        n->value = expr(j["value"]);
        return n;
    }
    if (k == "AnnAssign") {
        auto* n = make<ast::AnnAssign>(j);
        n->target = expr(j["target"]);
        n->annotation = expr(j["annotation"]);
        n->value = expr(j["value"]);
        n->simple = j["simple"].num != 0;
        return n;
    }
    if (k == "For" || k == "AsyncFor") {
        auto* n = make<ast::For>(j);
        n->target = expr(j["target"]);
        n->iter = expr(j["iter"]);
        n->body = stmts(j["body"]);
        n->orelse = stmts(j["orelse"]);
        n->is_async = k == "AsyncFor";
        return n;
    }
    if (k == "While" || k == "If") {
        if (k == "While") {
            auto* n = make<ast::While>(j);
            n->test = expr(j["test"]);
            n->body = stmts(j["body"]);
            n->orelse = stmts(j["orelse"]);
            return n;
        }
        auto* n = make<ast::If>(j);
        n->test = expr(j["test"]);
        n->body = stmts(j["body"]);
        n->orelse = stmts(j["orelse"]);
        return n;
    }
    if (k == "With" || k == "AsyncWith") {
        auto* n = make<ast::With>(j);
        for (const Json& item : j["items"].arr)
            n->items.push_back(ast::WithItem{expr(item["context_expr"]), expr(item["optional_vars"])});
        n->body = stmts(j["body"]);
        n->is_async = k == "AsyncWith";
        return n;
    }
    if (k == "Raise") {
        auto* n = make<ast::Raise>(j);
        n->exc = expr(j["exc"]);
        n->cause = expr(j["cause"]);
        return n;
    }
    if (k == "Try") {
        auto* n = make<ast::Try>(j);
        n->body = stmts(j["body"]);
        for (const Json& h : j["handlers"].arr)
            n->handlers.push_back(ast::ExceptHandler{expr(h["type"]), str(h["name"]), stmts(h["body"]), loc(h)});
        n->orelse = stmts(j["orelse"]);
        n->finalbody = stmts(j["finalbody"]);
        return n;
    }
    if (k == "Assert") {
        auto* n = make<ast::Assert>(j);
        n->test = expr(j["test"]);
        n->msg = expr(j["msg"]);
        return n;
    }
    if (k == "Import" || k == "ImportFrom") {
        std::vector<ast::Alias> names;
        for (const Json& a : j["names"].arr) names.push_back(ast::Alias{str(a["name"]), str(a["asname"]), loc(a)});
        if (k == "Import") {
            auto* n = make<ast::Import>(j);
            n->names = std::move(names);
            return n;
        }
        auto* n = make<ast::ImportFrom>(j);
        n->module = str(j["module"]);
        n->names = std::move(names);
        n->level = int(j["level"].num);
        return n;
    }
    if (k == "Global" || k == "Nonlocal") {
        std::vector<std::string> names;
        for (const Json& s : j["names"].arr) names.push_back(str(s));
        if (k == "Global") {
            auto* n = make<ast::Global>(j);
            n->names = std::move(names);
            return n;
        }
        auto* n = make<ast::Nonlocal>(j);
        n->names = std::move(names);
        return n;
    }
    if (k == "Expr") {
        auto* n = make<ast::ExprStmt>(j);
        n->value = expr(j["value"]);
        return n;
    }
    if (k == "Pass") return make<ast::Pass>(j);
    if (k == "Break") return make<ast::Break>(j);
    if (k == "Continue") return make<ast::Continue>(j);
    throw std::runtime_error("unsupported statement " + k);
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

} // namespace

bool python_available() { return std::system("python3 -c pass >/dev/null 2>&1") == 0; }

std::optional<ast::Module> python_parse(std::string_view source, parse::Mode mode, std::string* error) {
    char in_path[] = "/tmp/eddy_src_XXXXXX";
    int fd = mkstemp(in_path);
    if (fd < 0) return std::nullopt;
    ssize_t written = write(fd, source.data(), source.size());
    close(fd);
    std::string out_path = std::string(in_path) + ".json";
    const char* py_mode = mode == parse::Mode::Eval ? "eval" : mode == parse::Mode::Interactive ? "single" : "exec";
    std::string cmd = std::string("python3 ") + EDDY_PY_AST_DUMP + " " + py_mode + " < " + in_path +
                      " > " + out_path + " 2>" + out_path + ".err";
    int rc = written == ssize_t(source.size()) ? std::system(cmd.c_str()) : -1;
    std::string json = read_file(out_path);
    if (error) *error = read_file(out_path + ".err");
    std::remove(in_path);
    std::remove(out_path.c_str());
    std::remove((out_path + ".err").c_str());
    if (rc != 0) return std::nullopt;
    Reader reader{json};
    Json root = reader.value();
    ast::Module module;
    Builder b(*module.arena);
    if (root["_"].str == "Expression") {
        auto* s = module.arena->make<ast::ExprStmt>();
        s->value = b.expr(root["body"]);
        s->loc = s->value->loc;
        module.body.push_back(s);
    } else {
        module.body = b.stmts(root["body"]);
    }
    return module;
}

std::vector<std::optional<ast::Module>> python_parse_files(const std::vector<std::string>& paths) {
    std::vector<std::optional<ast::Module>> out;
    char list_path[] = "/tmp/eddy_ast_XXXXXX";
    int fd = mkstemp(list_path);
    if (fd < 0) return out;
    close(fd);
    std::string cmd = std::string("python3 ") + EDDY_PY_AST_DUMP + " exec";
    for (const std::string& p : paths) cmd += " '" + p + "'";
    cmd += std::string(" > ") + list_path + " 2>/dev/null";
    int rc = std::system(cmd.c_str());
    std::ifstream in(list_path, std::ios::binary);
    std::string line;
    while (rc == 0 && std::getline(in, line)) {
        Reader reader{line};
        Json root = reader.value();
        if (root.is_null()) {
            out.emplace_back();
            continue;
        }
        ast::Module module;
        Builder b(*module.arena);
        module.body = b.stmts(root["body"]);
        out.emplace_back(std::move(module));
    }
    std::remove(list_path);
    return out;
}

} // namespace eddy::test
