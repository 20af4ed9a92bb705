// runtime/float_repr.cpp: doubles to text exactly as CPython 3.11 writes them: repr (shortest
// round trip), PyOS_double_to_string's 'e'/'f'/'g'/'r' layouts, float.__format__, and the
// correctly rounded round(x, ndigits). CPython gets its digits from David Gay's dtoa; here
// std::to_chars supplies the same correctly rounded digits and this file places the point.
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>

#include "float_object.hpp"
#include "format_spec.hpp"
#include "int_object.hpp"
#include "interp.hpp"

namespace eddy::rt {

namespace {

// to_chars into a std::string, sized for any precision.
template <class... A>
std::string chars(double d, A... args) {
    std::string buf(64, '\0');
    for (;;) {
        auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), d, args...);
        if (ec == std::errc()) {
            buf.resize(size_t(end - buf.data()));
            return buf;
        }
        buf.resize(buf.size() * 2);
    }
}

// Splits to_chars' scientific form "d.ddde+XX" into dtoa's digits and decimal point position.
DecimalDigits from_scientific(std::string_view s) {
    DecimalDigits r;
    size_t e = s.find('e');
    for (size_t i = 0; i < e; ++i)
        if (s[i] != '.') r.digits += s[i];
    int exp = 0;
    std::from_chars(s.data() + e + (s[e + 1] == '+' ? 2 : 1), s.data() + s.size(), exp);
    r.decpt = exp + 1;
    return r;
}

void strip_trailing_zeros(DecimalDigits& r) {
    while (r.digits.size() > 1 && r.digits.back() == '0') r.digits.pop_back();
}

} // namespace

DecimalDigits double_digits(double d, int mode, int ndigits) {
    bool negative = std::signbit(d);
    double a = std::fabs(d);
    DecimalDigits r;
    if (a == 0.0) {
        r.digits = "0";
        r.decpt = 1;
    } else if (mode == 0) {
        r = from_scientific(chars(a, std::chars_format::scientific));
    } else if (mode == 2) {
        r = from_scientific(chars(a, std::chars_format::scientific, std::max(ndigits, 1) - 1));
    } else {
        // Mode 3: fixed notation, then drop the leading zeros that dtoa never produces.
        std::string s = chars(a, std::chars_format::fixed, std::max(ndigits, 0));
        size_t dot = s.find('.');
        int int_len = int(dot == std::string::npos ? s.size() : dot);
        std::string all = s;
        if (dot != std::string::npos) all.erase(dot, 1);
        size_t nz = all.find_first_not_of('0');
        if (nz == std::string::npos) {
            r.digits = "0";
            r.decpt = 1;
        } else {
            r.digits = all.substr(nz);
            r.decpt = int_len - int(nz);
        }
    }
    strip_trailing_zeros(r);
    r.negative = negative;
    return r;
}

namespace {

// format_float_short's layout of digits into fixed or exponent notation.
std::string layout(const DecimalDigits& dd, char code, int precision, DoubleFormat flags) {
    const std::string& digits = dd.digits;
    int digits_len = int(digits.size());
    int decpt = dd.decpt;
    bool use_exp = false;
    int vdigits_end = digits_len;
    switch (code) {
    case 'e': use_exp = true; vdigits_end = precision; break;
    case 'f': vdigits_end = decpt + precision; break;
    case 'g':
        if (decpt <= -4 || decpt > (flags.add_dot_0 ? precision - 1 : precision)) use_exp = true;
        if (flags.alternate) vdigits_end = precision;
        break;
    default:   // 'r'
        if (decpt <= -4 || decpt > 16) use_exp = true;
        break;
    }
    int exp = 0;
    if (use_exp) {
        exp = decpt - 1;
        decpt = 1;
    }
    // Keep vdigits_start < decpt <= vdigits_end (strictly less with add_dot_0 and no exponent).
    int vdigits_start = decpt <= 0 ? decpt - 1 : 0;
    if (!use_exp && flags.add_dot_0)
        vdigits_end = std::max(vdigits_end, decpt + 1);
    else
        vdigits_end = std::max(vdigits_end, decpt);
    std::string out;
    if (decpt <= 0) {
        out.append(size_t(decpt - vdigits_start), '0');
        out += '.';
        out.append(size_t(-decpt), '0');
    } else {
        out.append(size_t(-vdigits_start), '0');
    }
    if (0 < decpt && decpt <= digits_len) {
        out.append(digits, 0, size_t(decpt));
        out += '.';
        out.append(digits, size_t(decpt));
    } else {
        out += digits;
    }
    if (digits_len < decpt) {
        out.append(size_t(decpt - digits_len), '0');
        out += '.';
        out.append(size_t(vdigits_end - decpt), '0');
    } else {
        out.append(size_t(std::max(0, vdigits_end - digits_len)), '0');
    }
    if (!out.empty() && out.back() == '.' && !flags.alternate) out.pop_back();
    if (use_exp) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "e%+.02d", exp);
        out += buf;
    }
    return out;
}

} // namespace

std::string double_to_string(double d, char type, int precision, DoubleFormat flags) {
    bool upper = type == 'E' || type == 'F' || type == 'G';
    char code = char(upper ? type - 'A' + 'a' : type);
    int mode = 0;
    if (code == 'e') {
        mode = 2;
        ++precision;
    } else if (code == 'f') {
        mode = 3;
    } else if (code == 'g') {
        mode = 2;
        if (precision == 0) precision = 1;
    } else {
        precision = 0;
    }
    std::string out;
    if (std::isnan(d) || std::isinf(d)) {
        if (std::isinf(d) && d < 0) out = "-";
        else if (flags.sign) out = "+";
        out += std::isnan(d) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
        return out;
    }
    DecimalDigits dd = double_digits(d, mode, precision);
    bool negative = dd.negative;
    if (flags.no_neg_zero && negative && dd.digits == "0") negative = false;
    if (code == 'f' && dd.digits == "0") {
        // Everything rounded away: dtoa's empty digit string lays out as zeros.
        dd.decpt = 1;
        if (flags.no_neg_zero) negative = false;
    }
    if (negative) out = "-";
    else if (flags.sign) out = "+";
    std::string body = layout(dd, code, precision, flags);
    if (upper)
        for (char& c : body)
            if (c == 'e') c = 'E';
    return out + body;
}

std::string float_repr(double d) {
    if (std::isnan(d)) return "nan";
    if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
    DoubleFormat flags;
    flags.add_dot_0 = true;
    return double_to_string(d, 'r', 0, flags);
}

// float.__round__ with ndigits (double_round in floatobject.c): round the exact binary value to
// `ndigits` decimal places, ties to even, then read the decimal string back.
Result<double> float_round_digits(Interp& in, double x, int64_t ndigits) {
    constexpr int64_t NdigitsMax = 323, NdigitsMin = -308;
    if (!std::isfinite(x) || x == 0.0) return x;
    if (ndigits > NdigitsMax) return x;
    if (ndigits < NdigitsMin) return 0.0 * x;
    // The exact expansion of a double has at most 1074 digits after the point.
    std::string exact = chars(std::fabs(x), std::chars_format::fixed, 1074);
    size_t dot = exact.find('.');
    std::string digits = exact.substr(0, dot) + exact.substr(dot + 1);
    int64_t point = int64_t(dot);            // digits before the point
    int64_t keep = point + ndigits;          // digits kept
    std::string kept = keep > 0 ? digits.substr(0, size_t(keep)) : std::string();
    bool round_up = false;
    if (keep >= 0 && size_t(keep) < digits.size()) {
        char next = digits[size_t(keep)];
        bool rest_nonzero = digits.find_first_not_of('0', size_t(keep) + 1) != std::string::npos;
        bool odd = !kept.empty() && (kept.back() - '0') % 2 == 1;
        round_up = next > '5' || (next == '5' && (rest_nonzero || odd));
    }
    if (kept.empty()) kept = "0";
    if (round_up) {
        int64_t i = int64_t(kept.size()) - 1;
        while (i >= 0 && kept[size_t(i)] == '9') kept[size_t(i--)] = '0';
        if (i < 0) kept.insert(0, "1");
        else ++kept[size_t(i)];
    }
    std::string text = kept + "e" + std::to_string(-ndigits);
    double r = std::strtod(text.c_str(), nullptr);   // HUGE_VAL on overflow, unlike from_chars
    if (std::isinf(r)) return in.raise(in.exc.OverflowError, "rounded value too large to represent");
    return std::signbit(x) ? -r : r;
}

// format_float_internal: '' is repr-like (or 'g' with at least one digit after the point when a
// precision is given), 'n' is 'g', '%' is 'f' of x*100.
Result<std::string> float_format_spec(Interp& in, double d, std::string_view spec_text) {
    FormatSpec spec = EDDY_TRY(parse_format_spec(in, spec_text, "float", 0));
    char type = spec.type;
    switch (type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%': break;
    default: {
        std::string msg = "Unknown format code '";
        msg += type;
        return in.raise(in.exc.ValueError, msg + "' for object of type 'float'");
    }
    }
    DoubleFormat flags;
    flags.alternate = spec.alternate;
    flags.no_neg_zero = spec.no_neg_zero;
    int default_precision = 6;
    if (type == 0) {
        flags.add_dot_0 = true;
        type = 'r';
        default_precision = 0;
    }
    if (type == 'n') type = 'g';
    bool percent = type == '%';
    if (percent) {
        type = 'f';
        d *= 100;
    }
    int precision = spec.precision;
    if (precision < 0) precision = default_precision;
    else if (type == 'r') type = 'g';
    std::string text = double_to_string(d, type, precision, flags);
    if (percent) text += '%';
    std::string_view body = text;
    std::string sign;
    if (!body.empty() && body[0] == '-') {
        sign = "-";
        body.remove_prefix(1);
    } else if (spec.sign == '+' || spec.sign == ' ') {
        sign = std::string(1, spec.sign);
    }
    size_t ndigits = 0;
    while (ndigits < body.size() && body[ndigits] >= '0' && body[ndigits] <= '9') ++ndigits;
    return format_number(sign, "", body.substr(0, ndigits), body.substr(ndigits), spec, 3);
}

} // namespace eddy::rt
