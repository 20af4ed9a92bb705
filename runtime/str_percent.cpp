// runtime/str_percent.cpp: printf-style `%` formatting for str and bytes, mirroring CPython
// 3.11's PyUnicode_Format (Objects/unicodeobject.c) and _PyBytes_FormatEx: argument
// consumption (a tuple, a single value, or a mapping for %(name)s), flags, width and precision
// with `*`, and the conversions s r a c d i u o x X e E f F g G %.
#include <cmath>
#include <cstdio>
#include <string>

#include "bytes_object.hpp"
#include "exception_object.hpp"
#include "int_object.hpp"
#include "interp.hpp"
#include "ops.hpp"
#include "str_impl.hpp"
#include "tuple_object.hpp"
#include "unicode.hpp"

namespace eddy::rt {

namespace {

using sv = std::string_view;

// The argument cursor of one formatting call (CPython's arglen/argidx/dict trio): a tuple is
// consumed item by item, any other value counts as the single argument.
struct ArgCursor {
    Value args;
    const Tuple* tuple = nullptr;
    int64_t len = -1, idx = -2;
    Value mapping = Value::null();

    Result<Value> next(Interp& in) {
        if (idx < len) {
            int64_t at = idx++;
            return len < 0 ? args : (*tuple)[size_t(at)];
        }
        return in.raise(in.exc.TypeError, "not enough arguments for format string");
    }
};

struct Spec {
    bool left = false, plus = false, space = false, alt = false, zero = false;
    int64_t width = -1, precision = -1;
    char type = 0;
};

std::string type_str(Interp& in, Value v) { return std::string(type_name(in, v)); }

// Pads `body` (`len` characters) to the spec's width with spaces, or with zeros inserted after
// the sign/prefix (the first `prefix_len` bytes) when the '0' flag applies.
void pad_into(std::string& out, sv body, size_t len, const Spec& s, size_t prefix_len, bool numeric_zero) {
    size_t width = s.width > 0 ? size_t(s.width) : 0;
    if (len >= width) {
        out.append(body);
        return;
    }
    size_t fill = width - len;
    if (s.left) {
        out.append(body);
        out.append(fill, ' ');
    } else if (numeric_zero && s.zero) {
        out.append(body.substr(0, prefix_len));
        out.append(fill, '0');
        out.append(body.substr(prefix_len));
    } else {
        out.append(fill, ' ');
        out.append(body);
    }
}

// Integer conversions: the argument as an int (formatlong / mainformatlong).
Result<Value> integer_arg(Interp& in, Value v, char type) {
    if (is_int(in, v)) return v;
    Type* t = type_of(in, v);
    bool needs_index = type == 'x' || type == 'X' || type == 'o';
    if (t->index) return t->index(in, v);
    if (!needs_index && t->to_int) return t->to_int(in, v);
    if (needs_index)
        return in.raise(in.exc.TypeError, std::string("%") + type + " format: an integer is required, not " + type_str(in, v));
    return in.raise(in.exc.TypeError, std::string("%") + type + " format: a real number is required, not " + type_str(in, v));
}

Result<std::string> int_digits(Interp& in, Value v, char type, bool& negative) {
    if (v.is_bool()) v = Value::from_small_int(v.is_true());
    auto small = int_to_int64(in, v);
    if (small && *small != INT64_MIN) {
        int64_t n = *small;
        negative = n < 0;
        uint64_t u = negative ? uint64_t(-n) : uint64_t(n);
        char buf[32];
        const char* f = type == 'x' ? "%llx" : type == 'X' ? "%llX" : type == 'o' ? "%llo" : "%llu";
        std::snprintf(buf, sizeof buf, f, static_cast<unsigned long long>(u));
        return std::string(buf);
    }
    BigValue big = int_to_big(in, v);
    negative = big < 0;
    if (negative) big = -big;
    if (type == 'd' || type == 'i' || type == 'u') {
        std::string text = EDDY_TRY(int_to_decimal(in, make_int(in, big)));
        return text;
    }
    std::string text = big.str(0, type == 'o' ? std::ios::oct : std::ios::hex);
    if (type == 'X')
        for (char& c : text) c = char(std::toupper(static_cast<unsigned char>(c)));
    return text;
}

Status format_int(Interp& in, Value arg, const Spec& s, std::string& out) {
    Value v = EDDY_TRY(integer_arg(in, arg, s.type));
    bool negative = false;
    std::string digits = EDDY_TRY(int_digits(in, v, s.type, negative));
    if (s.precision > int64_t(digits.size())) digits.insert(0, size_t(s.precision) - digits.size(), '0');
    std::string prefix = negative ? "-" : s.plus ? "+" : s.space ? " " : "";
    if (s.alt && s.type == 'x') prefix += "0x";
    if (s.alt && s.type == 'X') prefix += "0X";
    if (s.alt && s.type == 'o') prefix += "0o";
    std::string body = prefix + digits;
    pad_into(out, body, body.size(), s, prefix.size(), true);
    return ok();
}

Result<double> float_arg(Interp& in, Value v) {
    if (v.is_float()) return v.as_float();
    if (v.is_small_int()) return double(v.as_small_int());
    Type* t = type_of(in, v);
    if (!t->to_float && !t->index)
        return in.raise(in.exc.TypeError, "must be real number, not " + type_str(in, v));
    Value f = t->to_float ? EDDY_TRY(t->to_float(in, v)) : EDDY_TRY(t->index(in, v));
    if (f.is_float()) return f.as_float();
    if (f.is_small_int()) return double(f.as_small_int());
    return float_arg(in, f);
}

Status format_float(Interp& in, Value arg, const Spec& s, std::string& out) {
    double d = EDDY_TRY(float_arg(in, arg));
    int precision = s.precision < 0 ? 6 : int(std::min<int64_t>(s.precision, 10000));
    bool upper = s.type == 'E' || s.type == 'F' || s.type == 'G';
    std::string body;
    if (!std::isfinite(d)) {
        body = std::isnan(d) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
        if (std::signbit(d) && !std::isnan(d)) body.insert(0, "-");
        else if (s.plus) body.insert(0, "+");
        else if (s.space) body.insert(0, " ");
        Spec nozero = s;
        nozero.zero = false;
        pad_into(out, body, body.size(), nozero, 0, false);
        return ok();
    }
    // C's printf implements exactly Python's %-conversions for finite doubles.
    char fmt[16];
    std::snprintf(fmt, sizeof fmt, "%%%s%s%s.*%c", s.plus ? "+" : "", s.space ? " " : "", s.alt ? "#" : "", s.type);
    int n = std::snprintf(nullptr, 0, fmt, precision, d);
    body.resize(size_t(n) + 1);
    std::snprintf(body.data(), body.size(), fmt, precision, d);
    body.pop_back();
    size_t sign_len = (!body.empty() && (body[0] == '-' || body[0] == '+' || body[0] == ' ')) ? 1 : 0;
    pad_into(out, body, body.size(), s, sign_len, true);
    return ok();
}

// %c: an int code point (a byte for bytes) or a one-character str (a one-byte bytes).
Status format_char(Interp& in, Value arg, const Spec& s, bool as_bytes, std::string& out) {
    std::string body;
    if (as_bytes) {
        if (is_bytes(in, arg) && arg.as<Bytes>()->size == 1) {
            body = std::string(arg.as<Bytes>()->view());
        } else if (is_bytearray(in, arg) && arg.as<ByteArray>()->bytes.size() == 1) {
            body = arg.as<ByteArray>()->bytes;
        } else if (is_int(in, arg)) {
            auto n = int_to_int64(in, arg);
            if (!n || *n < 0 || *n > 255) return in.raise(in.exc.OverflowError, "%c arg not in range(256)");
            body.push_back(char(*n));
        } else {
            return in.raise(in.exc.TypeError, "%c requires an integer in range(256) or a single byte");
        }
    } else if (is_str(in, arg) && arg.as<Str>()->length == 1) {
        body = std::string(arg.as<Str>()->view());
    } else if (is_int(in, arg)) {
        auto n = int_to_int64(in, arg);
        if (!n || *n < 0 || *n > 0x10FFFF) return in.raise(in.exc.OverflowError, "%c arg not in range(0x110000)");
        uni::append(body, char32_t(*n));
    } else {
        return in.raise(in.exc.TypeError, "%c requires int or char");
    }
    pad_into(out, body, 1, s, 0, false);
    return ok();
}

// %s (%b), %r, %a: the text of the argument, truncated to the precision.
Status format_text(Interp& in, Value arg, const Spec& s, bool as_bytes, std::string& out) {
    std::string text;
    size_t len;
    if (as_bytes && (s.type == 's' || s.type == 'b')) {
        if (is_bytes(in, arg)) {
            text = arg.as<Bytes>()->view();
        } else if (is_bytearray(in, arg)) {
            text = arg.as<ByteArray>()->bytes;
        } else {
            Value m = EDDY_TRY(get_attr_or_null(in, arg, in.names.dunder_bytes));
            if (m.is_null())
                return in.raise(in.exc.TypeError, "%b requires a bytes-like object, or an object that implements __bytes__, not '"
                                                      + type_str(in, arg) + "'");
            Value b = EDDY_TRY(call(in, m, {}));
            if (!is_bytes(in, b))
                return in.raise(in.exc.TypeError, "__bytes__ returned non-bytes (type " + type_str(in, b) + ")");
            text = b.as<Bytes>()->view();
        }
        len = text.size();
    } else {
        Value t = s.type == 's' ? EDDY_TRY(str(in, arg))
                  : s.type == 'r' && !as_bytes ? EDDY_TRY(repr(in, arg))
                                               : EDDY_TRY(ascii(in, arg));
        text = t.as<Str>()->view();
        len = t.as<Str>()->length;
    }
    if (s.precision >= 0 && size_t(s.precision) < len) {
        text.resize(as_bytes ? size_t(s.precision) : uni::offset_of(text, size_t(s.precision)));
        len = size_t(s.precision);
    }
    pad_into(out, text, len, s, 0, false);
    return ok();
}

Error unsupported(Interp& in, sv fmt, size_t at, bool as_bytes) {
    unsigned char b = static_cast<unsigned char>(fmt[at]);
    const char* p = fmt.data() + at;
    char32_t c = as_bytes ? b : uni::decode(p);
    char buf[96];
    size_t index = as_bytes ? at : uni::count(fmt.substr(0, at));
    if (c >= 32 && c < 127)
        std::snprintf(buf, sizeof buf, "unsupported format character '%c' (0x%x) at index %zu", char(c), unsigned(c), index);
    else
        std::snprintf(buf, sizeof buf, "unsupported format character '?' (0x%x) at index %zu", unsigned(c), index);
    return in.raise(in.exc.ValueError, buf);
}

// `*` in width or precision: the next argument, which must be an int.
Result<int64_t> star_arg(Interp& in, ArgCursor& cur) {
    Value v = EDDY_TRY(cur.next(in));
    if (!is_int(in, v)) return in.raise(in.exc.TypeError, "* wants int");
    auto n = int_to_int64(in, v);
    if (!n) return in.raise(in.exc.OverflowError, "Python int too large to convert to C ssize_t");
    return *n;
}

Result<int64_t> read_digits(Interp& in, sv fmt, size_t& i) {
    int64_t n = 0;
    while (i < fmt.size() && fmt[i] >= '0' && fmt[i] <= '9') {
        n = n * 10 + (fmt[i++] - '0');
        if (n > (int64_t(1) << 40)) return in.raise(in.exc.ValueError, "width too big");
    }
    return n;
}

// A %(key) lookup in the mapping argument; `i` is just past the '('.
Result<Value> keyed_arg(Interp& in, sv fmt, size_t& i, ArgCursor& cur, bool as_bytes) {
    if (cur.mapping.is_null()) return in.raise(in.exc.TypeError, "format requires a mapping");
    size_t start = i;
    int depth = 1;
    while (i < fmt.size() && depth > 0) {
        if (fmt[i] == '(') ++depth;
        else if (fmt[i] == ')') --depth;
        ++i;
    }
    if (depth > 0) return in.raise(in.exc.ValueError, "incomplete format key");
    sv key = fmt.substr(start, i - 1 - start);
    Value k = as_bytes ? Value::from_obj(make_bytes(in, key)) : str_value(in, key);
    Value v = EDDY_TRY(get_item(in, cur.mapping, k));
    cur.len = -1;
    cur.idx = -1;   // a positional spec after a keyed one finds no argument left
    return v;
}

// One conversion specification starting just after '%'.
Status format_one(Interp& in, sv fmt, size_t& i, ArgCursor& cur, bool as_bytes, std::string& out) {
    Value arg = Value::null();
    if (i < fmt.size() && fmt[i] == '(') {
        ++i;
        arg = EDDY_TRY(keyed_arg(in, fmt, i, cur, as_bytes));
    }
    Spec s;
    for (; i < fmt.size(); ++i) {
        char c = fmt[i];
        if (c == '-') s.left = true;
        else if (c == '+') s.plus = true;
        else if (c == ' ') s.space = true;
        else if (c == '#') s.alt = true;
        else if (c == '0') s.zero = true;
        else break;
    }
    if (i < fmt.size() && fmt[i] == '*') {
        ++i;
        s.width = EDDY_TRY(star_arg(in, cur));
        if (s.width < 0) s.left = true, s.width = -s.width;
    } else {
        s.width = EDDY_TRY(read_digits(in, fmt, i));
    }
    if (i < fmt.size() && fmt[i] == '.') {
        ++i;
        if (i < fmt.size() && fmt[i] == '*') {
            ++i;
            s.precision = EDDY_TRY(star_arg(in, cur));
            if (s.precision < 0) s.precision = 0;
        } else {
            s.precision = EDDY_TRY(read_digits(in, fmt, i));
        }
    }
    if (i >= fmt.size()) return in.raise(in.exc.ValueError, "incomplete format");
    s.type = fmt[i++];
    if (s.type == '%') {
        out.push_back('%');
        return ok();
    }
    if (arg.is_null()) arg = EDDY_TRY(cur.next(in));
    switch (s.type) {
    case 's': case 'r': case 'a': return format_text(in, arg, s, as_bytes, out);
    case 'b': if (as_bytes) return format_text(in, arg, s, as_bytes, out); break;
    case 'c': return format_char(in, arg, s, as_bytes, out);
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X': return format_int(in, arg, s, out);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': return format_float(in, arg, s, out);
    default: break;
    }
    return unsupported(in, fmt, i - 1, as_bytes);
}

} // namespace

Result<std::string> percent_format(Interp& in, std::string_view fmt, Value args, bool as_bytes) {
    ArgCursor cur;
    cur.args = args;
    if (is_tuple(in, args)) {
        cur.tuple = args.as<Tuple>();
        cur.len = int64_t(cur.tuple->size);
        cur.idx = 0;
    } else if (type_of(in, args)->getitem && !is_str(in, args) && !is_bytes(in, args)) {
        cur.mapping = args;   // PyMapping_Check: anything subscriptable
    }
    std::string out;
    out.reserve(fmt.size() + 16);
    size_t i = 0;
    while (i < fmt.size()) {
        size_t j = fmt.find('%', i);
        if (j == sv::npos) {
            out.append(fmt.substr(i));
            break;
        }
        out.append(fmt.substr(i, j - i));
        i = j + 1;
        EDDY_CHECK(format_one(in, fmt, i, cur, as_bytes, out));
        if (in.heap.would_exceed(out.size())) return in.raise_memory_error();
    }
    if (cur.idx < cur.len && cur.mapping.is_null())
        return in.raise(in.exc.TypeError, as_bytes ? "not all arguments converted during bytes formatting"
                                                   : "not all arguments converted during string formatting");
    return out;
}

} // namespace eddy::rt
