// stdlib/json_module.cpp: the _json module, the native encoder and scanner behind json.dumps
// and json.loads (CPython has them in C too, Modules/_json.c). They produce the same results as
// stdlib/py/json/encoder.py and decoder.py, which remain the definition of the rules: type order
// str, None, True, False, int, float, list/tuple, dict, then `default`; keys converted after
// sorting; CPython's messages and error positions.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>
#include <unordered_map>

#include "dict_object.hpp"
#include "float_object.hpp"
#include "int_object.hpp"
#include "lib_util.hpp"
#include "list_object.hpp"
#include "module_object.hpp"
#include "modules.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "str_object.hpp"
#include "tuple_object.hpp"
#include "unicode.hpp"

namespace eddy::lib {

namespace {

constexpr int MaxDepth = 900;   // deeper documents raise RecursionError, as CPython does

struct Encoder {
    Interp& in;
    bool ensure_ascii, allow_nan, sort_keys, skipkeys, check_circular;
    Value indent;            // None, or the str to repeat per level
    std::string_view item_sep, key_sep;
    Value default_fn;
    std::string out;
    // The containers being encoded, outermost first (circularity check). A vector: it holds
    // only the current chain of ancestors, so it is short, and a scan beats hashing.
    std::vector<rt::Obj*> markers;
    int depth = 0;

    void string(std::string_view s);
    Status value(Value v);
    Status list(Value v);
    Status dict(Value v);
    Result<bool> key(Value k);   // false: skipped (skipkeys)
    Status floating(double d);
    bool all_exact_str_keys(const std::vector<std::pair<Value, Value>>& items) const;
    void newline();
    Status enter(Value v);
    void leave(Value v) {
        (void)v;
        if (check_circular) markers.pop_back();
        --depth;
    }
};

void hex4(std::string& out, unsigned v) {
    static const char digits[] = "0123456789abcdef";
    out += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4) out += digits[(v >> shift) & 0xF];
}

void Encoder::string(std::string_view s) {
    out += '"';
    const char* p = s.data();
    const char* end = p + s.size();
    while (p < end) {
        auto b = static_cast<unsigned char>(*p);
        if (b >= 0x80) {
            if (!ensure_ascii) {
                size_t n = rt::uni::seq_len(b);
                out.append(p, n);
                p += n;
                continue;
            }
            char32_t cp = rt::uni::decode(p);
            if (cp >= 0x10000) {
                cp -= 0x10000;
                hex4(out, 0xD800 | (cp >> 10));
                hex4(out, 0xDC00 | (cp & 0x3FF));
            } else {
                hex4(out, cp);
            }
            continue;
        }
        ++p;
        switch (b) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
            if (b < 0x20 || (ensure_ascii && b == 0x7f)) hex4(out, b);
            else out += char(b);
        }
    }
    out += '"';
}

Status Encoder::floating(double d) {
    if (std::isfinite(d)) {
        out += rt::double_to_string(d, 'r', 0, rt::DoubleFormat{.add_dot_0 = true});
        return rt::ok();
    }
    if (!allow_nan) return in.raise(in.exc.ValueError, "Out of range float values are not JSON compliant");
    out += std::isnan(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
    return rt::ok();
}

Status Encoder::enter(Value v) {
    if (++depth > MaxDepth) {
        --depth;
        return in.raise(in.exc.RecursionError, "maximum recursion depth exceeded while encoding a JSON object");
    }
    if (check_circular) {
        if (std::find(markers.begin(), markers.end(), v.as_obj()) != markers.end()) {
            --depth;
            return in.raise(in.exc.ValueError, "Circular reference detected");
        }
        markers.push_back(v.as_obj());
    }
    return rt::ok();
}

// With an indent: a newline and the current level's indentation.
void Encoder::newline() {
    out += '\n';
    std::string_view unit = indent.as<rt::Str>()->view();
    for (int i = 0; i < depth; ++i) out += unit;
}

// A list or tuple. As CPython's encoder_listencode_list, a list is read live: `default` may
// change it, and the loop re-reads its size and items after each one.
Status Encoder::list(Value v) {
    bool is_list = rt::is_list(in, v);
    auto items = [&] {
        return is_list ? std::span<const Value>(v.as<rt::List>()->items) : v.as<rt::Tuple>()->span();
    };
    if (items().empty()) {
        out += "[]";
        return rt::ok();
    }
    EDDY_CHECK(enter(v));
    out += '[';
    if (!indent.is_none()) newline();
    for (size_t i = 0; i < items().size(); ++i) {
        if (i) {
            out += item_sep;
            if (!indent.is_none()) newline();
        }
        if (value(items()[i]).is_error()) {
            leave(v);
            return rt::Error{};
        }
    }
    leave(v);
    if (!indent.is_none()) newline();
    out += ']';
    return rt::ok();
}

Result<bool> Encoder::key(Value k) {
    if (rt::is_str(in, k)) {
        string(k.as<rt::Str>()->view());
    } else if (rt::is_float(in, k)) {
        std::string saved;
        saved.swap(out);
        Status st = floating(rt::float_value(k));
        saved.swap(out);
        if (st.is_error()) return rt::Error{};
        string(saved);
    } else if (k.is_true()) {
        out += "\"true\"";
    } else if (k.is_false()) {
        out += "\"false\"";
    } else if (k.is_none()) {
        out += "\"null\"";
    } else if (rt::is_int(in, k)) {
        std::string digits = EDDY_TRY(rt::int_to_decimal(in, k));
        string(digits);
    } else if (skipkeys) {
        return false;
    } else {
        return in.raise(in.exc.TypeError, "keys must be str, int, float, bool or None, not " +
                                              std::string(rt::type_name(in, k)));
    }
    return true;
}

bool Encoder::all_exact_str_keys(const std::vector<std::pair<Value, Value>>& items) const {
    for (const auto& item : items)
        if (!item.first.is_obj() || item.first.as_obj()->type != in.types.str) return false;
    return true;
}

Status Encoder::dict(Value v) {
    rt::Dict* d = v.as<rt::Dict>();
    if (d->used == 0) {
        out += "{}";
        return rt::ok();
    }
    EDDY_CHECK(enter(v));
    std::vector<std::pair<Value, Value>> items;
    items.reserve(d->used);
    for (const rt::DictEntry& e : d->entries)
        if (!e.key.is_null()) items.emplace_back(e.key, e.value);
    if (sort_keys && all_exact_str_keys(items)) {
        // UTF-8 byte order is code-point order, so this is sorted()'s order for str keys (which
        // are distinct, so the values are never compared).
        std::sort(items.begin(), items.end(), [](const auto& a, const auto& b) {
            return a.first.template as<rt::Str>()->view() < b.first.template as<rt::Str>()->view();
        });
    } else if (sort_keys) {
        items.clear();
        Value sorted_fn = get_module_attr(in, in.builtins, "sorted");
        Value view = EDDY_TRY(rt::call_method(in, v, in.intern("items"), {}));
        Result<Value> sorted = rt::call(in, sorted_fn, {view});
        if (sorted.is_error()) {
            leave(v);
            return rt::Error{};
        }
        for (Value pair : sorted.value().as<rt::List>()->items)
            items.emplace_back((*pair.as<rt::Tuple>())[0], (*pair.as<rt::Tuple>())[1]);
    }
    out += '{';
    if (!indent.is_none()) newline();
    bool first = true;
    for (auto& [k, val] : items) {
        size_t mark = out.size();
        if (!first) {
            out += item_sep;
            if (!indent.is_none()) newline();
        }
        Result<bool> wrote = key(k);
        if (wrote.is_error()) {
            leave(v);
            return rt::Error{};
        }
        if (!wrote.value()) {
            out.resize(mark);
            continue;
        }
        first = false;
        out += key_sep;
        if (value(val).is_error()) {
            leave(v);
            return rt::Error{};
        }
    }
    leave(v);
    if (!indent.is_none()) newline();
    out += '}';
    return rt::ok();
}

Status Encoder::value(Value v) {
    // The exact built-in types first, without the subclass checks below.
    if (v.is_obj()) {
        rt::Type* t = v.as_obj()->type;
        if (t == in.types.str) {
            string(v.as<rt::Str>()->view());
            return rt::ok();
        }
        if (t == in.types.dict) return dict(v);
        if (t == in.types.list || t == in.types.tuple) return list(v);
    } else if (v.is_float()) {
        return floating(v.as_float());
    }
    if (rt::is_str(in, v)) {
        string(v.as<rt::Str>()->view());
    } else if (v.is_none()) {
        out += "null";
    } else if (v.is_true()) {
        out += "true";
    } else if (v.is_false()) {
        out += "false";
    } else if (v.is_small_int()) {
        out += std::to_string(v.as_small_int());
    } else if (rt::is_int(in, v)) {
        out += EDDY_TRY(rt::int_to_decimal(in, v));
    } else if (rt::is_float(in, v)) {
        return floating(rt::float_value(v));
    } else if (rt::is_list(in, v) || rt::is_tuple(in, v)) {
        return list(v);
    } else if (rt::is_dict(in, v)) {
        return dict(v);
    } else {
        EDDY_CHECK(enter(v));
        Result<Value> replacement = rt::call(in, default_fn, {v});
        Status st = replacement.is_error() ? Status(rt::Error{}) : value(replacement.value());
        leave(v);
        return st;
    }
    return rt::ok();
}

Result<std::string_view> str_param(Interp& in, Value v, const char* what) {
    if (!rt::is_str(in, v)) return in.raise(in.exc.TypeError, std::string(what) + " must be a str");
    return v.as<rt::Str>()->view();
}

// _json.encode(obj, ensure_ascii, allow_nan, sort_keys, skipkeys, check_circular, indent,
// item_separator, key_separator, default): the whole document as one str.
Result<Value> json_encode(Interp& in, Args args) {
    Encoder e{in, false, false, false, false, false, args[6], {}, {}, args[9], {}, {}, 0};
    e.ensure_ascii = EDDY_TRY(rt::truthy(in, args[1]));
    e.allow_nan = EDDY_TRY(rt::truthy(in, args[2]));
    e.sort_keys = EDDY_TRY(rt::truthy(in, args[3]));
    e.skipkeys = EDDY_TRY(rt::truthy(in, args[4]));
    e.check_circular = EDDY_TRY(rt::truthy(in, args[5]));
    if (!e.indent.is_none()) EDDY_TRY(str_param(in, e.indent, "indent"));
    e.item_sep = EDDY_TRY(str_param(in, args[7], "item_separator"));
    e.key_sep = EDDY_TRY(str_param(in, args[8], "key_separator"));
    EDDY_CHECK(e.value(args[0]));
    return Value::from_obj(EDDY_TRY(rt::make_str_checked(in, e.out)));
}


// ---- decoding ----

// A recursive-descent scanner over the UTF-8 bytes, with the accepted syntax and messages of
// stdlib/py/json/decoder.py (the definition). An error leaves `error` set and `error_pos` at the
// byte where CPython reports it.
struct Decoder {
    Interp& in;
    std::string_view s;
    const char* error = nullptr;
    size_t error_pos = 0;
    int depth = 0;
    // Object keys already made, by their raw text (CPython's scanner memoizes keys the same
    // way): a document of many similar records shares one str per key, allocated and hashed
    // once. The strs stay reachable: each is a key of a dict in the document being built.
    std::unordered_map<std::string_view, rt::Str*> keys{};

    Result<Value> fail(const char* message, size_t pos) {
        error = message;
        error_pos = pos;
        return Value::null();
    }
    size_t skip_ws(size_t i) const {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
        return i;
    }
    bool digit(size_t i) const { return i < s.size() && s[i] >= '0' && s[i] <= '9'; }
    Result<Value> value(size_t& i);
    Result<Value> string(size_t& i, bool is_key = false);
    Result<Value> escaped_string(size_t begin, size_t& i);
    Result<Value> number(size_t& i, bool& matched);
    Result<Value> array(size_t& i);
    Result<Value> object(size_t& i);
    int hex4(size_t at) const;
};

int Decoder::hex4(size_t at) const {
    if (at + 4 > s.size()) return -1;
    int v = 0;
    for (size_t k = at; k < at + 4; ++k) {
        char c = s[k];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0) return -1;
        v = v * 16 + d;
    }
    return v;
}

// `i` is at the opening quote; leaves it past the closing one. A string without escapes (the
// usual case) becomes a str straight from the input bytes.
Result<Value> Decoder::string(size_t& i, bool is_key) {
    size_t begin = i;
    size_t j = i + 1;
    size_t length = 0;   // code points: the bytes that do not continue a sequence
    while (j < s.size()) {
        auto b = static_cast<unsigned char>(s[j]);
        if (b == '"' || b == '\\' || b < 0x20) break;
        length += (b & 0xC0) != 0x80;
        ++j;
    }
    if (j >= s.size() || s[j] != '"') return escaped_string(begin, i);
    std::string_view text = s.substr(begin + 1, j - begin - 1);
    i = j + 1;
    if (is_key) {
        auto [it, fresh] = keys.try_emplace(text, nullptr);
        if (fresh) it->second = rt::make_str_with_length(in, text, length);
        return Value::from_obj(it->second);
    }
    return Value::from_obj(rt::make_str_with_length(in, text, length));
}

// The general case: escapes, or an error to report.
Result<Value> Decoder::escaped_string(size_t begin, size_t& i) {
    i = begin + 1;
    std::string out;
    for (;;) {
        size_t start = i;
        while (i < s.size() && s[i] != '"' && s[i] != '\\' && static_cast<unsigned char>(s[i]) >= 0x20) ++i;
        if (i >= s.size()) return fail("Unterminated string starting at", begin);
        out.append(s.data() + start, i - start);
        char t = s[i++];
        if (t == '"') break;
        if (t != '\\') return fail("Invalid control character at", i - 1);
        if (i >= s.size()) return fail("Unterminated string starting at", begin);
        char esc = s[i];
        if (esc != 'u') {
            const char* from = "\"\\/bfnrt";
            const char* to = "\"\\/\b\f\n\r\t";
            const char* hit = std::char_traits<char>::find(from, 8, esc);
            if (!hit) return fail("Invalid \\escape", i - 1);
            out += to[hit - from];
            ++i;
            continue;
        }
        int cp = hex4(i + 1);
        if (cp < 0) return fail("Invalid \\uXXXX escape", i);
        i += 5;
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < s.size() && s[i] == '\\' && s[i + 1] == 'u') {
            int low = hex4(i + 2);
            if (low < 0) return fail("Invalid \\uXXXX escape", i + 1);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                cp = 0x10000 + (((cp - 0xD800) << 10) | (low - 0xDC00));
                i += 6;
            }
        }
        rt::uni::append(out, char32_t(cp));
    }
    return Value::from_obj(EDDY_TRY(rt::make_str_checked(in, out)));
}

// -?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)? ; `matched` false when nothing matches at `i`.
Result<Value> Decoder::number(size_t& i, bool& matched) {
    size_t start = i, end = i;
    if (s[end] == '-') ++end;
    if (end < s.size() && s[end] == '0') {
        ++end;
    } else if (end < s.size() && s[end] >= '1' && s[end] <= '9') {
        while (digit(end)) ++end;
    } else {
        matched = false;
        return Value::null();
    }
    matched = true;
    bool is_float = false;
    if (end + 1 < s.size() && s[end] == '.' && digit(end + 1)) {
        end += 2;
        while (digit(end)) ++end;
        is_float = true;
    }
    if (end < s.size() && (s[end] == 'e' || s[end] == 'E')) {
        size_t e = end + 1;
        if (e < s.size() && (s[e] == '+' || s[e] == '-')) ++e;
        if (digit(e)) {
            while (digit(e)) ++e;
            end = e;
            is_float = true;
        }
    }
    i = end;
    std::string_view text = s.substr(start, end - start);
    if (is_float) {
        // from_chars rounds correctly, as strtod does, without a NUL-terminated copy.
        double d = 0;
        auto r = std::from_chars(text.data(), text.data() + text.size(), d);
        if (r.ec == std::errc::result_out_of_range)
            return Value::from_float(std::strtod(std::string(text).c_str(), nullptr));
        return Value::from_float(d);
    }
    if (text.size() <= 18) {   // fits an int64 whatever the digits
        int64_t n = 0;
        std::from_chars(text.data(), text.data() + text.size(), n);
        return rt::make_int(in, n);
    }
    return rt::int_from_string(in, text, 10);
}

Result<Value> Decoder::array(size_t& i) {
    rt::List* list = rt::make_list(in);
    i = skip_ws(i + 1);
    if (i < s.size() && s[i] == ']') {
        ++i;
        return Value::from_obj(list);
    }
    for (;;) {
        Value v = EDDY_TRY(value(i));
        if (error) return v;
        list->items.push_back(v);
        i = skip_ws(i);
        char c = i < s.size() ? s[i] : '\0';
        ++i;
        if (c == ']') break;
        if (c != ',') return fail("Expecting ',' delimiter", i - 1);
        i = skip_ws(i);
    }
    return Value::from_obj(list);
}

Result<Value> Decoder::object(size_t& i) {
    rt::Dict* dict = rt::make_dict(in);
    i = skip_ws(i + 1);
    if (i >= s.size() || s[i] != '"') {
        if (i < s.size() && s[i] == '}') {
            ++i;
            return Value::from_obj(dict);
        }
        return fail("Expecting property name enclosed in double quotes", i);
    }
    for (;;) {
        Value k = EDDY_TRY(string(i, true));
        if (error) return k;
        i = skip_ws(i);
        if (i >= s.size() || s[i] != ':') return fail("Expecting ':' delimiter", i);
        i = skip_ws(i + 1);
        Value v = EDDY_TRY(value(i));
        if (error) return v;
        EDDY_CHECK(rt::dict_set(in, dict, k, v));
        i = skip_ws(i);
        char c = i < s.size() ? s[i] : '\0';
        ++i;
        if (c == '}') break;
        if (c != ',') return fail("Expecting ',' delimiter", i - 1);
        i = skip_ws(i);
        if (i >= s.size() || s[i] != '"') return fail("Expecting property name enclosed in double quotes", i);
    }
    return Value::from_obj(dict);
}

Result<Value> Decoder::value(size_t& i) {
    if (i >= s.size()) return fail("Expecting value", i);
    if (++depth > MaxDepth) return in.raise(in.exc.RecursionError, "maximum recursion depth exceeded while decoding a JSON document");
    struct Leave {
        int& d;
        ~Leave() { --d; }
    } leave{depth};
    std::string_view rest = s.substr(i);
    switch (s[i]) {
    case '"': return string(i);
    case '{': return object(i);
    case '[': return array(i);
    case 'n':
        if (rest.starts_with("null")) { i += 4; return Value::none(); }
        break;
    case 't':
        if (rest.starts_with("true")) { i += 4; return Value::boolean(true); }
        break;
    case 'f':
        if (rest.starts_with("false")) { i += 5; return Value::boolean(false); }
        break;
    case 'N':
        if (rest.starts_with("NaN")) { i += 3; return Value::from_float(std::nan("")); }
        break;
    case 'I':
        if (rest.starts_with("Infinity")) { i += 8; return Value::from_float(HUGE_VAL); }
        break;
    default:
        break;
    }
    if (s[i] == '-' || (s[i] >= '0' && s[i] <= '9')) {
        bool matched = false;
        Value v = EDDY_TRY(number(i, matched));
        if (matched) return v;
        if (rest.starts_with("-Infinity")) {
            i += 9;
            return Value::from_float(-HUGE_VAL);
        }
    }
    return fail("Expecting value", i);
}

// _json.decode(s, idx): (value, end) parsed from code-point index `idx`; on a syntax error
// (message, -(pos + 1)) with `pos` a code-point index, for the caller to raise JSONDecodeError.
Result<Value> json_decode(Interp& in, Args args) {
    if (!rt::is_str(in, args[0])) return in.raise(in.exc.TypeError, "decode() argument 1 must be str");
    rt::Str* str = args[0].as<rt::Str>();
    int64_t idx = EDDY_TRY(rt::index_as_int64(in, args[1]));
    std::string_view s = str->view();
    size_t i = str->ascii ? size_t(std::max<int64_t>(idx, 0)) : rt::uni::offset_of(s, size_t(std::max<int64_t>(idx, 0)));
    Decoder d{in, s};
    Value v = EDDY_TRY(d.value(i));
    rt::Tuple* t = rt::make_tuple(in, 2);
    auto to_cp = [&](size_t byte) { return int64_t(str->ascii ? byte : rt::uni::count(s.substr(0, byte))); };
    if (d.error) {
        t->items()[0] = rt::str_value(in, d.error);
        t->items()[1] = rt::make_int(in, -(to_cp(d.error_pos) + 1));
    } else {
        t->items()[0] = v;
        t->items()[1] = rt::make_int(in, to_cp(i));
    }
    return Value::from_obj(t);
}

} // namespace

Result<Value> init__json(Interp& in) {
    rt::Module* module = rt::make_module(in, "_json");
    rt::add_functions(in, module, {
        {"encode(obj, ensure_ascii, allow_nan, sort_keys, skipkeys, check_circular, indent, "
         "item_separator, key_separator, default, /)", json_encode},
        {"decode(s, idx, /)", json_decode},
    });
    return Value::from_obj(module);
}

} // namespace eddy::lib
