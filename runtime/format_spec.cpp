// runtime/format_spec.cpp: the format-specification mini-language (CPython 3.11's
// Python/formatter_unicode.c): parsing a spec, padding text, and laying out numbers with sign,
// prefix, digit grouping and zero padding. Type-specific conversion lives with each type
// (int_convert.cpp, float_repr.cpp); this file knows only characters.
#include "format_spec.hpp"

#include <string>

#include "interp.hpp"
#include "unicode.hpp"

namespace eddy::rt {

namespace {

bool is_align(char c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

void append_fill(std::string& out, char32_t fill, size_t n) {
    if (fill < 0x80) {
        out.append(n, char(fill));
        return;
    }
    std::string one;
    uni::append(one, fill);
    for (size_t i = 0; i < n; ++i) out += one;
}

// get_integer: a run of decimal digits, -1 when there is none.
Result<int> read_int(Interp& in, std::string_view spec, size_t& pos) {
    int64_t n = -1;
    while (pos < spec.size() && spec[pos] >= '0' && spec[pos] <= '9') {
        n = (n < 0 ? 0 : n) * 10 + (spec[pos++] - '0');
        if (n > INT32_MAX)
            return in.raise(in.exc.ValueError, "Too many decimal digits in format string");
    }
    return int(n);
}

Error bad_grouping(Interp& in, char grouping, char type) {
    std::string msg = "Cannot specify '";
    msg += grouping;
    msg += "' with ";
    if (type > 32 && type < 127) {
        msg += '\'';
        msg += type;
        msg += "'.";
    } else {
        char buf[16];
        std::snprintf(buf, sizeof buf, "'\\x%x'.", unsigned(static_cast<unsigned char>(type)));
        msg += buf;
    }
    return in.raise(in.exc.ValueError, msg);
}

// PEP 378 / PEP 515: which presentation types accept ',' and '_'.
Status check_grouping(Interp& in, const FormatSpec& f, char default_type) {
    if (!f.grouping) return ok();
    char type = f.type ? f.type : default_type;
    switch (type) {
    case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
        return ok();
    case 'b': case 'o': case 'x': case 'X':
        if (f.grouping == '_') return ok();
        break;
    default:
        break;
    }
    return bad_grouping(in, f.grouping, type);
}

} // namespace

// parse_internal_render_format_spec, step by step:
// [[fill]align][sign][z][#][0][width][grouping][.precision][type]
Result<FormatSpec> parse_format_spec(Interp& in, std::string_view spec, std::string_view type_name,
                                     char default_type) {
    FormatSpec f;
    size_t pos = 0;
    bool fill_given = false;
    // 1. fill and align: the fill may be any one code point.
    if (!spec.empty()) {
        size_t first = uni::seq_len(static_cast<unsigned char>(spec[0]));
        if (first < spec.size() && is_align(spec[first])) {
            const char* fill_at = spec.data();
            f.fill = uni::decode(fill_at);
            f.align = spec[first];
            fill_given = true;
            pos = first + 1;
        } else if (is_align(spec[0])) {
            f.align = spec[0];
            pos = 1;
        }
    }
    // 2. sign, 'z' (3.11) and '#'.
    if (pos < spec.size() && (spec[pos] == '+' || spec[pos] == '-' || spec[pos] == ' '))
        f.sign = spec[pos++];
    if (pos < spec.size() && spec[pos] == 'z') f.no_neg_zero = true, ++pos;
    if (pos < spec.size() && spec[pos] == '#') f.alternate = true, ++pos;
    // 3. '0': zero padding, unless an explicit fill was given (then it is part of the width).
    if (!fill_given && pos < spec.size() && spec[pos] == '0') {
        f.fill = U'0';
        f.zero_pad = true;
        ++pos;
    }
    // 4. width, grouping, precision.
    f.width = EDDY_TRY(read_int(in, spec, pos));
    if (pos < spec.size() && spec[pos] == ',') f.grouping = ',', ++pos;
    if (pos < spec.size() && spec[pos] == '_') {
        if (f.grouping) return in.raise(in.exc.ValueError, "Cannot specify both ',' and '_'.");
        f.grouping = '_', ++pos;
    }
    if (pos < spec.size() && spec[pos] == ',' && f.grouping == '_')
        return in.raise(in.exc.ValueError, "Cannot specify both ',' and '_'.");
    if (pos < spec.size() && spec[pos] == '.') {
        ++pos;
        f.precision = EDDY_TRY(read_int(in, spec, pos));
        if (f.precision < 0) return in.raise(in.exc.ValueError, "Format specifier missing precision");
    }
    // 5. at most one character is left: the type.
    if (spec.size() - pos > 1)
        return in.raise(in.exc.ValueError, "Invalid format specifier '" + std::string(spec) +
                                               "' for object of type '" + std::string(type_name) + "'");
    if (pos < spec.size()) f.type = spec[pos];
    EDDY_CHECK(check_grouping(in, f, default_type));
    return f;
}

Result<FormatSpec> parse_format_spec(Interp& in, std::string_view spec) {
    return parse_format_spec(in, spec, "str", 's');
}

std::string pad_formatted(std::string_view body, size_t body_len, const FormatSpec& spec, char default_align) {
    if (spec.width < 0 || size_t(spec.width) <= body_len) return std::string(body);
    size_t pad = size_t(spec.width) - body_len;
    char align = spec.align ? spec.align : default_align;
    size_t left = align == '>' || align == '=' ? pad : align == '^' ? pad / 2 : 0;
    std::string out;
    out.reserve(body.size() + pad);
    append_fill(out, spec.fill, left);
    out += body;
    append_fill(out, spec.fill, pad - left);
    return out;
}

namespace {

// _PyUnicode_InsertThousandsGrouping without a locale: groups of `size` from the right, with
// '0's added on the left while the result is shorter than `min_width` (zero padding).
std::string group_digits(std::string_view digits, char sep, int size, int64_t min_width) {
    std::string rev;
    int64_t remaining = int64_t(digits.size());
    size_t end = digits.size();
    bool first = true;
    for (;;) {
        int64_t l = std::min<int64_t>(std::max<int64_t>({remaining, min_width, 1}), size);
        int64_t n_chars = std::max<int64_t>(0, std::min(remaining, l));
        int64_t n_zeros = std::max<int64_t>(0, l - remaining);
        if (!first) rev += sep;
        first = false;
        for (int64_t i = 0; i < n_chars; ++i) rev += digits[--end];
        rev.append(size_t(n_zeros), '0');
        remaining -= n_chars;
        min_width -= l;
        if (remaining <= 0 && min_width <= 0) break;
        min_width -= 1;   // the separator
    }
    return std::string(rev.rbegin(), rev.rend());
}

size_t utf8_count(std::string_view s) {
    size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

} // namespace

// calc_number_widths + fill_number: where padding goes depends on the alignment; with '0' fill
// and '=' alignment, grouped numbers grow their digits instead so separators land in the zeros.
std::string format_number(std::string_view sign, std::string_view prefix, std::string_view digits,
                          std::string_view remainder, const FormatSpec& spec, int group_size) {
    char align = spec.align ? spec.align : (spec.zero_pad ? '=' : '>');
    std::string body_digits(digits);
    if (spec.grouping && !digits.empty()) {   // "inf" and "nan" have no digits to group
        int64_t min_width = 0;
        if (spec.fill == U'0' && align == '=' && spec.width > 0)
            min_width = int64_t(spec.width) - int64_t(sign.size() + prefix.size() + remainder.size());
        body_digits = group_digits(digits, spec.grouping, group_size, min_width);
    }
    size_t len = sign.size() + prefix.size() + body_digits.size() + utf8_count(remainder);
    size_t pad = spec.width > 0 && size_t(spec.width) > len ? size_t(spec.width) - len : 0;
    std::string out;
    out.reserve(len + pad);
    size_t left = align == '>' ? pad : align == '^' ? pad / 2 : 0;
    append_fill(out, spec.fill, left);
    out += sign;
    out += prefix;
    if (align == '=') append_fill(out, spec.fill, pad);
    out += body_digits;
    out += remainder;
    if (align == '<' || align == '^') append_fill(out, spec.fill, pad - left);
    return out;
}

} // namespace eddy::rt
