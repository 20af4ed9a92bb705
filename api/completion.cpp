// api/completion.cpp: Tab completion for the REPL (Interpreter::complete), following CPython's
// rlcompleter: keywords and names bound in __main__ or builtins, or attributes of a dotted name
// already bound; callables get "(" appended. Evaluates no calls, only name and attribute lookups.
#include "api/impl.hpp"

#include <algorithm>
#include <set>

#include "runtime/dict_object.hpp"
#include "runtime/list_object.hpp"
#include "runtime/module_object.hpp"
#include "runtime/ops.hpp"
#include "runtime/str_object.hpp"

namespace eddy {

using rt::Value;

namespace {

// keyword.kwlist of CPython 3.11.
constexpr std::string_view Keywords[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
    "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
    "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
    "try", "while", "with", "yield"};

// rlcompleter's spelling of a completed keyword: a space after most, a colon after some.
std::string keyword_completion(std::string_view word) {
    if (word == "finally" || word == "try") return std::string(word) + ":";
    if (word == "False" || word == "None" || word == "True" || word == "break" ||
        word == "continue" || word == "pass" || word == "else")
        return std::string(word);
    return std::string(word) + " ";
}

bool is_identifier_path(std::string_view s) {
    if (s.empty() || s.front() == '.' || s.back() == '.') return false;
    for (char c : s)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || (c & 0x80)))
            return false;
    return !std::isdigit(static_cast<unsigned char>(s.front()));
}

rt::Dict* main_dict(rt::Interp& in) {
    Value m = rt::dict_get_str(in.modules, in.names.dunder_main);
    return m.is_obj() && m.as_obj()->type == in.types.module ? m.as<rt::Module>()->dict : nullptr;
}

void add_names(rt::Interp& in, rt::Dict* d, std::string_view prefix, std::string_view shown,
               std::set<std::string>& out) {
    if (!d) return;
    for (const rt::DictEntry& e : d->entries) {
        if (e.key.is_null() || !rt::is_str(in, e.key)) continue;
        std::string_view name = e.key.as<rt::Str>()->view();
        if (name.substr(0, prefix.size()) != prefix) continue;
        out.insert(std::string(shown) + std::string(name) + (rt::is_callable(in, e.value) ? "(" : ""));
    }
}

// The object a dotted name refers to in __main__ (then builtins), or null.
Value resolve(rt::Interp& in, std::string_view dotted) {
    size_t dot = dotted.find('.');
    rt::Str* first = in.intern(dotted.substr(0, dot));
    Value v = main_dict(in) ? rt::dict_get_str(main_dict(in), first) : Value::null();
    if (v.is_null() && in.builtins) v = rt::dict_get_str(in.builtins->dict, first);
    while (!v.is_null() && dot != std::string_view::npos) {
        size_t next = dotted.find('.', dot + 1);
        rt::Result<Value> attr =
            rt::get_attr(in, v, in.intern(dotted.substr(dot + 1, next - dot - 1)));
        if (attr.is_error()) {
            in.take_exception();
            return Value::null();
        }
        v = attr.value();
        dot = next;
    }
    return v;
}

// rlcompleter.attr_matches: dir(obj) filtered by prefix; private names only when asked for.
void add_attributes(rt::Interp& in, std::string_view expr, std::string_view prefix,
                    std::set<std::string>& out) {
    Value obj = resolve(in, expr);
    if (obj.is_null()) return;
    Value dir = in.builtins ? rt::dict_get_str(in.builtins->dict, in.intern("dir")) : Value::null();
    if (dir.is_null()) return;
    rt::Result<Value> names = rt::call(in, dir, {obj});
    if (names.is_error() || !rt::is_list(in, names.value())) {
        if (names.is_error()) in.take_exception();
        return;
    }
    for (Value item : names.value().as<rt::List>()->items) {
        if (!rt::is_str(in, item)) continue;
        std::string_view name = item.as<rt::Str>()->view();
        if (name.substr(0, prefix.size()) != prefix) continue;
        if (prefix.empty() && name.front() == '_') continue;
        if (prefix == "_" && name.substr(0, 2) == "__") continue;
        rt::Result<Value> attr = rt::get_attr(in, obj, item.as<rt::Str>());
        bool callable = !attr.is_error() && rt::is_callable(in, attr.value());
        if (attr.is_error()) in.take_exception();
        out.insert(std::string(expr) + "." + std::string(name) + (callable ? "(" : ""));
    }
}

} // namespace

std::vector<std::string> Interpreter::complete(std::string_view text) {
    EDDY_API_ENTRY(*m_impl);
    rt::Interp& in = m_impl->in;
    std::set<std::string> found;
    size_t dot = text.rfind('.');
    if (dot != std::string_view::npos) {
        if (is_identifier_path(text.substr(0, dot)))
            add_attributes(in, text.substr(0, dot), text.substr(dot + 1), found);
    } else if (!text.empty()) {
        for (std::string_view k : Keywords)
            if (k.substr(0, text.size()) == text) found.insert(keyword_completion(k));
        add_names(in, main_dict(in), text, "", found);
        if (in.builtins) add_names(in, in.builtins->dict, text, "", found);
    }
    return {found.begin(), found.end()};
}

} // namespace eddy
