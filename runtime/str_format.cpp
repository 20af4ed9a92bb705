// runtime/str_format.cpp: str.format / str.format_map (CPython's Objects/stringlib/
// unicode_format.h: MarkupIterator, parse_field, FieldNameIterator) and str.__format__ (the
// format-spec mini-language applied to text, Python/formatter_unicode.c's format_string_internal).
#include <string>

#include "dict_object.hpp"
#include "exception_object.hpp"
#include "int_object.hpp"
#include "interp.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "str_impl.hpp"
#include "tuple_object.hpp"
#include "unicode.hpp"

namespace eddy::rt {

namespace {

using sv = std::string_view;

// The parts of a format spec that str's __format__ accepts, parsed as
// parse_internal_render_format_spec does.
struct TextSpec {
    std::string fill = " ";
    char align = 0;
    char sign = 0;
    bool alternate = false, no_neg_zero = false, fill_given = false;
    int64_t width = -1, precision = -1;
    char grouping = 0;
    char type = 0;
};

Error invalid_spec(Interp& in, sv spec) {
    return in.raise(in.exc.ValueError, "Invalid format specifier '" + std::string(spec)
                                           + "' for object of type 'str'");
}

bool is_align(char c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

// Reads decimal digits at `i`; -1 when there are none.
Result<int64_t> read_number(Interp& in, sv spec, size_t& i) {
    int64_t n = -1;
    while (i < spec.size() && spec[i] >= '0' && spec[i] <= '9') {
        n = (n < 0 ? 0 : n) * 10 + (spec[i++] - '0');
        if (n > (int64_t(1) << 40))
            return in.raise(in.exc.ValueError, "Too many decimal digits in format string");
    }
    return n;
}

Result<TextSpec> parse_text_spec(Interp& in, sv spec) {
    TextSpec s;
    size_t i = 0;
    if (!spec.empty()) {
        size_t first = uni::seq_len(static_cast<unsigned char>(spec[0]));
        if (first < spec.size() && is_align(spec[first])) {
            s.fill = std::string(spec.substr(0, first));
            s.fill_given = true;
            s.align = spec[first];
            i = first + 1;
        } else if (is_align(spec[0])) {
            s.align = spec[0];
            i = 1;
        }
    }
    if (i < spec.size() && (spec[i] == '+' || spec[i] == '-' || spec[i] == ' ')) s.sign = spec[i++];
    if (i < spec.size() && spec[i] == 'z') s.no_neg_zero = true, ++i;
    if (i < spec.size() && spec[i] == '#') s.alternate = true, ++i;
    // '0' means fill '0'; it implies '=' alignment only for types that align right by default,
    // which str does not.
    if (i < spec.size() && spec[i] == '0') {
        if (!s.fill_given) s.fill = "0";
        ++i;
    }
    s.width = EDDY_TRY(read_number(in, spec, i));
    if (i < spec.size() && (spec[i] == ',' || spec[i] == '_')) s.grouping = spec[i++];
    if (i < spec.size() && spec[i] == '.') {
        ++i;
        s.precision = EDDY_TRY(read_number(in, spec, i));
        if (s.precision < 0) return in.raise(in.exc.ValueError, "Format specifier missing precision");
    }
    if (spec.size() - i > 1) return invalid_spec(in, spec);
    if (i < spec.size()) s.type = spec[i];
    return s;
}

} // namespace

// format_string_internal: truncate to the precision, then pad to the width (left by default).
Result<Value> str_format_spec(Interp& in, Str* s, std::string_view spec) {
    if (spec.empty() && s->type == in.types.str) return Value::from_obj(s);
    TextSpec f = EDDY_TRY(parse_text_spec(in, spec));
    if (f.type && f.type != 's')
        return in.raise(in.exc.ValueError, std::string("Unknown format code '") + f.type
                                               + "' for object of type 'str'");
    if (f.sign) return in.raise(in.exc.ValueError, "Sign not allowed in string format specifier");
    if (f.no_neg_zero)
        return in.raise(in.exc.ValueError, "Negative zero coercion (z) not allowed in string format specifier");
    if (f.alternate)
        return in.raise(in.exc.ValueError, "Alternate form (#) not allowed in string format specifier");
    if (f.grouping) return in.raise(in.exc.ValueError, std::string("Cannot specify '") + f.grouping + "' with 's'.");
    if (f.align == '=')
        return in.raise(in.exc.ValueError, "'=' alignment not allowed in string format specifier");
    size_t len = s->length;
    size_t bytes = s->size;
    if (f.precision >= 0 && size_t(f.precision) < len) {
        len = size_t(f.precision);
        bytes = str_byte_offset(s, f.precision);
    }
    if (f.width <= int64_t(len)) {
        if (bytes == s->size && s->type == in.types.str) return Value::from_obj(s);
        return Value::from_obj(make_str_with_length(in, s->view().substr(0, bytes), len));
    }
    size_t marg = size_t(f.width) - len;
    size_t left = f.align == '>' ? marg : f.align == '^' ? marg / 2 : 0;
    if (in.heap.would_exceed(marg * f.fill.size() + bytes)) return in.raise_memory_error();
    std::string out;
    out.reserve(bytes + marg * f.fill.size());
    for (size_t k = 0; k < left; ++k) out += f.fill;
    out.append(s->view().substr(0, bytes));
    for (size_t k = left; k < marg; ++k) out += f.fill;
    return Value::from_obj(make_str_with_length(in, out, size_t(f.width)));
}

static Result<Value> str_dunder_format(Interp& in, Args args) {
    if (!is_str(in, args[1])) return raise_must_be_str(in, "format() argument", args[1]);
    return str_format_spec(in, args[0].as<Str>(), args[1].as<Str>()->view());
}

// ---- str.format ----

namespace {

// State of one format() call: the arguments and CPython's auto-numbering state machine.
struct Formatter {
    Interp& in;
    const Tuple* args;      // null for format_map
    Value kwargs;           // a dict (format), any mapping (format_map), or null
    bool is_map;
    enum class Numbering { Init, Auto, Manual } numbering = Numbering::Init;
    int64_t next_auto = 0;
};

Result<std::string> build_string(Formatter& f, sv text, int depth);

// get_integer: the value of an all-digit name, -1 otherwise.
int64_t as_index(sv s) {
    if (s.empty()) return -1;
    int64_t n = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return -1;
        n = n * 10 + (c - '0');
        if (n > (int64_t(1) << 50)) return -1;
    }
    return n;
}

// The object named by the first part of a field name: an argument index or a keyword.
Result<Value> first_object(Formatter& f, sv first) {
    Interp& in = f.in;
    int64_t index = as_index(first);
    bool empty = first.empty();
    if (empty || index >= 0) {
        if (f.numbering == Formatter::Numbering::Init)
            f.numbering = empty ? Formatter::Numbering::Auto : Formatter::Numbering::Manual;
        if (f.numbering == Formatter::Numbering::Manual && empty)
            return in.raise(in.exc.ValueError, "cannot switch from manual field specification to automatic field numbering");
        if (f.numbering == Formatter::Numbering::Auto && !empty)
            return in.raise(in.exc.ValueError, "cannot switch from automatic field numbering to manual field specification");
        if (empty) index = f.next_auto++;
        if (!f.args) return in.raise(in.exc.ValueError, "Format string contains positional fields");
        if (index >= int64_t(f.args->size))
            return in.raise(in.exc.IndexError, "Replacement index " + std::to_string(index)
                                                   + " out of range for positional args tuple");
        return (*f.args)[size_t(index)];
    }
    Value key = str_value(in, first);
    if (f.is_map) return get_item(in, f.kwargs, key);
    Value v = f.kwargs.is_null() ? Value::null() : EDDY_TRY(dict_get(in, f.kwargs.as<Dict>(), key));
    if (v.is_null()) {
        Tuple* a = make_tuple(in, 1);
        a->items()[0] = key;
        return in.raise_value(Value::from_obj(make_exception(in, in.exc.KeyError, a)));
    }
    return v;
}

// get_field_object: the first part, then each `.attr` and `[key]`.
Result<Value> field_object(Formatter& f, sv name) {
    Interp& in = f.in;
    size_t i = 0;
    while (i < name.size() && name[i] != '.' && name[i] != '[') ++i;
    Value obj = EDDY_TRY(first_object(f, name.substr(0, i)));
    while (i < name.size()) {
        if (name[i] == '.') {
            size_t j = ++i;
            while (j < name.size() && name[j] != '.' && name[j] != '[') ++j;
            if (j == i) return in.raise(in.exc.ValueError, "Empty attribute in format string");
            obj = EDDY_TRY(get_attr(in, obj, in.intern(name.substr(i, j - i))));
            i = j;
        } else {
            size_t j = name.find(']', ++i);
            if (j == sv::npos) return in.raise(in.exc.ValueError, "Missing ']' in format string");
            sv key = name.substr(i, j - i);
            if (key.empty()) return in.raise(in.exc.ValueError, "Empty attribute in format string");
            int64_t index = as_index(key);
            Value k = index >= 0 ? make_int(in, index) : str_value(in, key);
            obj = EDDY_TRY(get_item(in, obj, k));
            i = j + 1;
            if (i < name.size() && name[i] != '.' && name[i] != '[')
                return in.raise(in.exc.ValueError, "Only '.' or '[' may follow ']' in format field specifier");
        }
    }
    return obj;
}

struct Field {
    sv name, spec;
    char32_t conversion = 0;
    bool spec_has_braces = false;
};

// parse_field: `text` starts just after the '{'; advances `i` past the closing '}'.
Result<Field> parse_field(Interp& in, sv text, size_t& i) {
    Field fld;
    size_t start = i;
    char c = 0;
    while (i < text.size()) {
        c = text[i++];
        if (c == '{') return in.raise(in.exc.ValueError, "unexpected '{' in field name");
        if (c == '[') {
            while (i < text.size() && text[i] != ']') ++i;
            continue;
        }
        if (c == '}' || c == ':' || c == '!') break;
        c = 0;
    }
    if (c == 0) return in.raise(in.exc.ValueError, "expected '}' before end of string");
    fld.name = text.substr(start, i - 1 - start);
    if (c == '}') return fld;
    if (c == '!') {
        if (i >= text.size())
            return in.raise(in.exc.ValueError, "end of string while looking for conversion specifier");
        const char* p = text.data() + i;
        fld.conversion = uni::decode(p);
        i = size_t(p - text.data());
        if (i < text.size()) {
            char d = text[i++];
            if (d == '}') return fld;
            if (d != ':') return in.raise(in.exc.ValueError, "expected ':' after conversion specifier");
        }
    }
    size_t spec_start = i;
    int count = 1;
    while (i < text.size()) {
        char d = text[i++];
        if (d == '{') {
            fld.spec_has_braces = true;
            ++count;
        } else if (d == '}' && --count == 0) {
            fld.spec = text.substr(spec_start, i - 1 - spec_start);
            return fld;
        }
    }
    return in.raise(in.exc.ValueError, "unmatched '{' in format spec");
}

Result<Value> convert(Interp& in, Value obj, char32_t conversion) {
    switch (conversion) {
    case 0: return obj;
    case 'r': return repr(in, obj);
    case 's': return str(in, obj);
    case 'a': return ascii(in, obj);
    }
    std::string msg = "Unknown conversion specifier ";
    if (conversion < 0x80) {
        msg.push_back(char(conversion));
    } else {
        char buf[16];
        std::snprintf(buf, sizeof buf, "\\x%x", unsigned(conversion));
        msg += buf;
    }
    return in.raise(in.exc.ValueError, msg);
}

// One replacement field rendered and appended to `out`.
Status render_field(Formatter& f, const Field& fld, int depth, std::string& out) {
    Interp& in = f.in;
    Value obj = EDDY_TRY(field_object(f, fld.name));
    obj = EDDY_TRY(convert(in, obj, fld.conversion));
    std::string spec_buf;
    sv spec = fld.spec;
    if (fld.spec_has_braces) {
        spec_buf = EDDY_TRY(build_string(f, fld.spec, depth - 1));
        spec = spec_buf;
    }
    if (spec.empty() && is_str(in, obj)) {
        out.append(obj.as<Str>()->view());
        return ok();
    }
    Value text = EDDY_TRY(format(in, obj, str_value(in, spec)));
    out.append(text.as<Str>()->view());
    return ok();
}

// MarkupIterator loop: literal text with {{ }} unescaped, and replacement fields.
Result<std::string> build_string(Formatter& f, sv text, int depth) {
    Interp& in = f.in;
    if (depth <= 0) return in.raise(in.exc.ValueError, "Max string recursion exceeded");
    std::string out;
    out.reserve(text.size() + 16);
    size_t i = 0;
    while (i < text.size()) {
        size_t j = text.find_first_of("{}", i);
        if (j == sv::npos) {
            out.append(text.substr(i));
            break;
        }
        out.append(text.substr(i, j - i));
        char c = text[j];
        bool doubled = j + 1 < text.size() && text[j + 1] == c;
        if (c == '}' && !doubled) return in.raise(in.exc.ValueError, "Single '}' encountered in format string");
        if (c == '{' && j + 1 >= text.size())
            return in.raise(in.exc.ValueError, "Single '{' encountered in format string");
        if (doubled) {
            out.push_back(c);
            i = j + 2;
            continue;
        }
        i = j + 1;
        Field fld = EDDY_TRY(parse_field(in, text, i));
        EDDY_CHECK(render_field(f, fld, depth, out));
    }
    return out;
}

} // namespace

static Result<Value> str_format(Interp& in, Args args) {
    Formatter f{in, args[1].as<Tuple>(), args[2], false};
    std::string out = EDDY_TRY(build_string(f, args[0].as<Str>()->view(), 2));
    return new_str(in, out);
}

static Result<Value> str_format_map(Interp& in, Args args) {
    Formatter f{in, nullptr, args[1], true};
    std::string out = EDDY_TRY(build_string(f, args[0].as<Str>()->view(), 2));
    return new_str(in, out);
}

void init_str_format_methods(Interp& in) {
    add_methods(in, in.types.str, {
        {"format(self, /, *args, **kwargs)", str_format},
        {"format_map(self, mapping, /)", str_format_map},
        {"__format__(self, format_spec, /)", str_dunder_format},
    });
}

} // namespace eddy::rt
