// runtime/str_case.cpp: str's case mappings (lower, upper, casefold, swapcase, title,
// capitalize), the is*() predicates, translate and maketrans. ASCII strings take byte-wise fast
// paths; others use the full Unicode mappings of unicode.hpp, including CPython's final-sigma
// rule (handle_capital_sigma in Objects/unicodeobject.c).
#include <cstring>
#include <string>

#include "dict_object.hpp"
#include "int_object.hpp"
#include "interp.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "str_impl.hpp"
#include "unicode.hpp"

namespace eddy::rt {

namespace {

using uni::CaseKind;

std::u32string decode_all(const Str* s) {
    std::u32string out;
    out.reserve(s->length);
    for (const char* p = s->data(); p < s->data() + s->size;) out.push_back(uni::decode(p));
    return out;
}

Value result(Interp& in, const std::string& text) {
    return Value::from_obj(make_str(in, text));
}

bool is_cased(char32_t c) { return uni::has(c, uni::Cased); }
bool is_case_ignorable(char32_t c) { return uni::has(c, uni::CaseIgnorable); }

// Σ lowers to final ς when it ends a word: preceded by a cased letter and not followed by one
// (case-ignorable characters skipped on both sides).
char32_t lower_sigma(const std::u32string& cs, size_t i) {
    size_t j = i;
    while (j > 0 && is_case_ignorable(cs[j - 1])) --j;
    bool final = j > 0 && is_cased(cs[j - 1]);
    if (final) {
        size_t k = i + 1;
        while (k < cs.size() && is_case_ignorable(cs[k])) ++k;
        final = k == cs.size() || !is_cased(cs[k]);
    }
    return final ? 0x3C2 : 0x3C3;
}

void append_lower(std::string& out, const std::u32string& cs, size_t i) {
    if (cs[i] == 0x3A3)
        uni::append(out, lower_sigma(cs, i));
    else
        uni::append_case(out, cs[i], CaseKind::Lower);
}

enum class Mode { Lower, Upper, Fold, Swap, Title, Capitalize };

// Maps ASCII text in place (`out` holds a copy of the source).
void map_ascii(char* out, size_t n, Mode mode) {
    // lower(), casefold() and upper() map each byte on its own: a loop without the switch.
    if (mode == Mode::Lower || mode == Mode::Fold || mode == Mode::Upper) {
        char from = mode == Mode::Upper ? 'a' : 'A';
        char delta = mode == Mode::Upper ? -32 : 32;
        for (size_t i = 0; i < n; ++i)
            if (unsigned(out[i] - from) < 26u) out[i] = char(out[i] + delta);
        return;
    }
    bool prev_cased = false;
    for (size_t i = 0; i < n; ++i) {
        char c = out[i];
        bool lower = c >= 'a' && c <= 'z', upper = c >= 'A' && c <= 'Z';
        bool to_upper = false, to_lower = false;
        switch (mode) {
        case Mode::Lower: case Mode::Fold: case Mode::Upper: break;   // the loop above
        case Mode::Swap: to_upper = lower; to_lower = upper; break;
        case Mode::Title: to_upper = !prev_cased && lower; to_lower = prev_cased && upper; break;
        case Mode::Capitalize: to_upper = i == 0 && lower; to_lower = i > 0 && upper; break;
        }
        if (to_upper) out[i] = char(c - 32);
        if (to_lower) out[i] = char(c + 32);
        prev_cased = lower || upper;
    }
}

std::string map_unicode(const Str* s, Mode mode) {
    std::u32string cs = decode_all(s);
    std::string out;
    out.reserve(s->size + 8);
    bool prev_cased = false;
    for (size_t i = 0; i < cs.size(); ++i) {
        char32_t c = cs[i];
        switch (mode) {
        case Mode::Lower: append_lower(out, cs, i); break;
        case Mode::Upper: uni::append_case(out, c, CaseKind::Upper); break;
        case Mode::Fold: uni::append_case(out, c, CaseKind::Fold); break;
        case Mode::Swap:
            if (uni::has(c, uni::Upper)) append_lower(out, cs, i);
            else if (uni::has(c, uni::Lower)) uni::append_case(out, c, CaseKind::Upper);
            else uni::append(out, c);
            break;
        case Mode::Title:
            if (prev_cased) append_lower(out, cs, i);
            else uni::append_case(out, c, CaseKind::Title);
            prev_cased = is_cased(c);
            break;
        case Mode::Capitalize:
            if (i == 0) uni::append_case(out, c, CaseKind::Title);
            else append_lower(out, cs, i);
            break;
        }
    }
    return out;
}

Result<Value> case_map(Interp& in, Args args, Mode mode) {
    Str* s = args[0].as<Str>();
    if (s->size == 0) return Value::from_obj(in.empty_str);
    if (s->ascii) {
        Str* r = str_alloc_raw(in, s->size, s->length);
        std::memcpy(r->data(), s->data(), s->size);
        map_ascii(r->data(), r->size, mode);
        return Value::from_obj(r);
    }
    return result(in, map_unicode(s, mode));
}

} // namespace

static Result<Value> str_lower(Interp& in, Args args) { return case_map(in, args, Mode::Lower); }
static Result<Value> str_upper(Interp& in, Args args) { return case_map(in, args, Mode::Upper); }
static Result<Value> str_casefold(Interp& in, Args args) { return case_map(in, args, Mode::Fold); }
static Result<Value> str_swapcase(Interp& in, Args args) { return case_map(in, args, Mode::Swap); }
static Result<Value> str_title(Interp& in, Args args) { return case_map(in, args, Mode::Title); }
static Result<Value> str_capitalize(Interp& in, Args args) { return case_map(in, args, Mode::Capitalize); }

// ---- predicates ----

// True when the str is non-empty and every character has one of `props`.
static Value all_have(const Str* s, uint32_t props) {
    if (s->size == 0) return Value::boolean(false);
    for (const char* p = s->data(); p < s->data() + s->size;)
        if (!uni::has(uni::decode(p), props)) return Value::boolean(false);
    return Value::boolean(true);
}

static Str* self_of(Args args) { return args[0].as<Str>(); }

static Result<Value> str_isalpha(Interp&, Args args) { return all_have(self_of(args), uni::Alpha); }
static Result<Value> str_isdecimal(Interp&, Args args) { return all_have(self_of(args), uni::Decimal); }
static Result<Value> str_isdigit(Interp&, Args args) { return all_have(self_of(args), uni::Digit); }
static Result<Value> str_isnumeric(Interp&, Args args) { return all_have(self_of(args), uni::Numeric); }
static Result<Value> str_isalnum(Interp&, Args args) {
    return all_have(self_of(args), uni::Alpha | uni::Decimal | uni::Digit | uni::Numeric);
}
static Result<Value> str_isspace(Interp&, Args args) { return all_have(self_of(args), uni::Space); }
static Result<Value> str_isascii(Interp&, Args args) { return Value::boolean(self_of(args)->ascii); }

static Result<Value> str_isprintable(Interp&, Args args) {
    const Str* s = self_of(args);
    for (const char* p = s->data(); p < s->data() + s->size;)
        if (!uni::has(uni::decode(p), uni::Printable)) return Value::boolean(false);
    return Value::boolean(true);
}

// unicode_islower_impl / unicode_isupper_impl: at least one cased character, none of the other case.
static Value cased_only(const Str* s, uint32_t want, uint32_t reject) {
    bool cased = false;
    for (const char* p = s->data(); p < s->data() + s->size;) {
        uint32_t pr = uni::props(uni::decode(p));
        if (pr & (reject | uni::Title)) return Value::boolean(false);
        if (pr & want) cased = true;
    }
    return Value::boolean(cased);
}

static Result<Value> str_islower(Interp&, Args args) { return cased_only(self_of(args), uni::Lower, uni::Upper); }
static Result<Value> str_isupper(Interp&, Args args) { return cased_only(self_of(args), uni::Upper, uni::Lower); }

// unicode_istitle_impl: upper/titlecase only after uncased, lowercase only after cased.
static Result<Value> str_istitle(Interp&, Args args) {
    const Str* s = self_of(args);
    bool cased = false, prev_cased = false;
    for (const char* p = s->data(); p < s->data() + s->size;) {
        uint32_t pr = uni::props(uni::decode(p));
        if (pr & (uni::Upper | uni::Title)) {
            if (prev_cased) return Value::boolean(false);
            prev_cased = cased = true;
        } else if (pr & uni::Lower) {
            if (!prev_cased) return Value::boolean(false);
            prev_cased = cased = true;
        } else {
            prev_cased = false;
        }
    }
    return Value::boolean(cased);
}

static Result<Value> str_isidentifier(Interp&, Args args) {
    const Str* s = self_of(args);
    if (s->size == 0) return Value::boolean(false);
    const char* p = s->data();
    if (!uni::has(uni::decode(p), uni::XidStart)) return Value::boolean(false);
    while (p < s->data() + s->size)
        if (!uni::has(uni::decode(p), uni::XidContinue)) return Value::boolean(false);
    return Value::boolean(true);
}

// ---- translate / maketrans ----

// Appends the mapping of `c` through `table` (unicode_translate: LookupError keeps the char).
static Status translate_char(Interp& in, Value table, char32_t c, std::string& out) {
    auto r = get_item(in, table, Value::from_small_int(int64_t(c)));
    if (r.is_error()) {
        if (!in.exception_matches(in.exc.LookupError)) return Error{};
        in.take_exception();
        uni::append(out, c);
        return ok();
    }
    Value v = r.value();
    if (v.is_none()) return ok();
    if (is_str(in, v)) {
        out.append(v.as<Str>()->view());
        return ok();
    }
    if (is_int(in, v)) {
        auto cp = int_to_int64(in, v);
        if (!cp || *cp < 0 || *cp > 0x10FFFF)
            return in.raise(in.exc.ValueError, "character mapping must be in range(0x110000)");
        uni::append(out, char32_t(*cp));
        return ok();
    }
    return in.raise(in.exc.TypeError, "character mapping must return integer, None or str");
}

static Result<Value> str_translate(Interp& in, Args args) {
    Str* s = self_of(args);
    std::string out;
    out.reserve(s->size);
    for (const char* p = s->data(); p < s->data() + s->size;)
        EDDY_CHECK(translate_char(in, args[1], uni::decode(p), out));
    return result(in, out);
}

static Result<Value> maketrans_from_dict(Interp& in, Value x) {
    if (!is_dict(in, x))
        return in.raise(in.exc.TypeError, "if you give only one argument to maketrans it must be a dict");
    Dict* src = x.as<Dict>();
    Dict* d = make_dict(in);
    for (size_t i = 0; i < src->entries.size(); ++i) {
        DictEntry e = src->entries[i];
        if (e.key.is_null()) continue;
        Value key = e.key;
        if (is_str(in, key)) {
            if (key.as<Str>()->length != 1)
                return in.raise(in.exc.ValueError, "string keys in translate table must be of length 1");
            key = Value::from_small_int(int64_t(str_char_at(key.as<Str>(), 0)));
        } else if (!is_int(in, key)) {
            return in.raise(in.exc.TypeError, "keys in translate table must be strings or integers");
        }
        EDDY_CHECK(dict_set(in, d, key, e.value));
    }
    return Value::from_obj(d);
}

// str.maketrans(x[, y[, z]]): a static method (maketrans(x, y=?, z=?, /)).
static Result<Value> str_maketrans(Interp& in, Args args) {
    if (!args.has(1)) return maketrans_from_dict(in, args[0]);
    if (!is_str(in, args[0]))
        return in.raise(in.exc.TypeError, "first maketrans argument must be a string if there is a second argument");
    if (!is_str(in, args[1])) return raise_must_be_str(in, "maketrans() argument 2", args[1]);
    Str* x = args[0].as<Str>();
    Str* y = args[1].as<Str>();
    if (x->length != y->length)
        return in.raise(in.exc.ValueError, "the first two maketrans arguments must have equal length");
    Dict* d = make_dict(in);
    std::u32string xs = decode_all(x), ys = decode_all(y);
    for (size_t i = 0; i < xs.size(); ++i)
        EDDY_CHECK(dict_set(in, d, Value::from_small_int(xs[i]), Value::from_small_int(ys[i])));
    if (args.has(2)) {
        if (!is_str(in, args[2])) return raise_must_be_str(in, "maketrans() argument 3", args[2]);
        for (char32_t c : decode_all(args[2].as<Str>()))
            EDDY_CHECK(dict_set(in, d, Value::from_small_int(c), Value::none()));
    }
    return Value::from_obj(d);
}

void init_str_case_methods(Interp& in) {
    add_methods(in, in.types.str, {
        {"lower(self, /)", str_lower},
        {"upper(self, /)", str_upper},
        {"casefold(self, /)", str_casefold},
        {"swapcase(self, /)", str_swapcase},
        {"title(self, /)", str_title},
        {"capitalize(self, /)", str_capitalize},
        {"isalpha(self, /)", str_isalpha},
        {"isdecimal(self, /)", str_isdecimal},
        {"isdigit(self, /)", str_isdigit},
        {"isnumeric(self, /)", str_isnumeric},
        {"isalnum(self, /)", str_isalnum},
        {"isspace(self, /)", str_isspace},
        {"isascii(self, /)", str_isascii},
        {"isprintable(self, /)", str_isprintable},
        {"islower(self, /)", str_islower},
        {"isupper(self, /)", str_isupper},
        {"istitle(self, /)", str_istitle},
        {"isidentifier(self, /)", str_isidentifier},
        {"translate(self, table, /)", str_translate},
    });
    // A static method: a plain builtin function in the class dict does not bind to instances.
    // TODO(text): wrap in staticmethod once types.cpp offers a constructor for one.
    NativeFunction* fn = make_native_function(in, {"maketrans(x, y=?, z=?, /)", str_maketrans});
    dict_set_str(in, in.types.str->dict, in.intern("maketrans"), Value::from_obj(fn));
}

} // namespace eddy::rt
