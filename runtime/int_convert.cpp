// runtime/int_convert.cpp: ints to and from text and bytes: int(str, base) (CPython's
// PyLong_FromString), digits in bases 2/8/10/16 with the 4300-digit limit of CPython 3.11,
// to_bytes/from_bytes, __format__ (formatter_unicode.c's format_long_internal) and __round__.

#include <algorithm>
#include <charconv>
#include <iterator>
#include <new>
#include <vector>

#include "bytes_object.hpp"
#include "dict_object.hpp"
#include "float_object.hpp"
#include "format_spec.hpp"
#include "int_object.hpp"
#include "interp.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "str_object.hpp"
#include "tuple_object.hpp"
#include "types.hpp"
#include "unicode.hpp"

namespace eddy::rt {

namespace {

bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}


Error invalid_literal(Interp& in, std::string_view text, int base) {
    std::string shown = std::string(text.substr(0, 200));
    Result<std::string> r = repr_string(in, str_value(in, shown));
    if (r.is_error()) return Error{};
    return in.raise(in.exc.ValueError, "invalid literal for int() with base " +
                                           std::to_string(base) + ": " + r.value());
}

Error limit_error(Interp& in, const char* detail) {
    return in.raise(in.exc.ValueError, "Exceeds the limit (" + std::to_string(int_max_str_digits(in)) +
                                           " digits) for integer string conversion" + detail +
                                           "; use sys.set_int_max_str_digits() to increase the limit");
}

// Digits (underscores removed) to a value, in chunks that fit a limb.
BigValue digits_to_big(std::string_view digits, int base) {
    int chunk = base == 10 ? 18 : 1;
    uint64_t chunk_base = 1;
    if (base != 10) {
        chunk = 0;
        while (chunk_base <= UINT64_MAX / 64 / uint64_t(base)) chunk_base *= uint64_t(base), ++chunk;
    } else {
        chunk_base = 1000000000000000000ull;
    }
    BigValue v;
    size_t i = 0;
    size_t first = digits.size() % size_t(chunk);
    if (first == 0) first = size_t(chunk);
    while (i < digits.size()) {
        size_t n = std::min(first, digits.size() - i);
        uint64_t part = 0, scale = 1;
        for (size_t k = 0; k < n; ++k) {
            part = part * uint64_t(base) + uint64_t(digit_value(digits[i + k]));
            scale *= uint64_t(base);
        }
        v = v * (n == size_t(chunk) ? chunk_base : scale) + part;
        i += n;
        first = size_t(chunk);
    }
    return v;
}

} // namespace

Result<Value> int_from_string(Interp& in, std::string_view text, int base) {
    std::string_view s = text;
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    bool negative = false;
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
        negative = s[0] == '-';
        s.remove_prefix(1);
    }
    int b = base;
    bool leading_zero_ok = true;
    if (s.size() >= 2 && s[0] == '0') {
        char p = char(s[1] | 0x20);
        int prefixed = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
        if (prefixed && (base == 0 || base == prefixed)) {
            b = prefixed;
            s.remove_prefix(2);
            if (!s.empty() && s[0] == '_') s.remove_prefix(1);
        }
    }
    if (b == 0) {
        b = 10;
        leading_zero_ok = s.empty() || s[0] != '0';
    }
    // Digits with single underscores between them.
    std::string digits;
    digits.reserve(s.size());
    bool last_underscore = true;
    for (char c : s) {
        if (c == '_') {
            if (last_underscore) return invalid_literal(in, text, base);
            last_underscore = true;
            continue;
        }
        if (digit_value(c) >= b) return invalid_literal(in, text, base);
        digits += c;
        last_underscore = false;
    }
    if (digits.empty() || last_underscore) return invalid_literal(in, text, base);
    if (!leading_zero_ok && digits.find_first_not_of('0') != std::string::npos)
        return invalid_literal(in, text, base);
    bool pow2 = (b & (b - 1)) == 0;
    int limit = int_max_str_digits(in);
    if (!pow2 && limit > 0 && digits.size() > size_t(limit))
        return limit_error(in, (": value has " + std::to_string(digits.size()) + " digits").c_str());
    if (digits.size() <= 12 && b <= 10) {
        int64_t v = 0;
        for (char c : digits) v = v * b + digit_value(c);
        return make_int(in, negative ? -v : v);
    }
    try {
        BigValue v = digits_to_big(digits, b);
        if (negative) v = -v;
        return make_int(in, std::move(v));
    } catch (const std::bad_alloc&) {
        return int_memory_error(in);
    }
}

namespace {

// |v| in base 2**shift, from its big-endian bytes.
std::string pow2_digits(const BigValue& a, int shift) {
    std::vector<unsigned char> bytes;
    boost::multiprecision::export_bits(a, std::back_inserter(bytes), 8);
    size_t nbits = bytes.size() * 8;
    auto bit = [&](size_t p) {   // bit p counted from the least significant end
        if (p >= nbits) return 0;
        unsigned char byte = bytes[bytes.size() - 1 - p / 8];
        return (byte >> (p % 8)) & 1;
    };
    std::string out;
    for (size_t p = 0; p < nbits; p += size_t(shift)) {
        int d = 0;
        for (int k = shift - 1; k >= 0; --k) d = d * 2 + bit(p + size_t(k));
        out += "0123456789abcdef"[d];
    }
    while (out.size() > 1 && out.back() == '0') out.pop_back();
    std::reverse(out.begin(), out.end());
    return out;
}

} // namespace

Result<std::string> int_digits_in_base(Interp& in, Value v, int base) {
    IntView iv;
    int_view(in, v, iv);
    if (!iv.big) {
        uint64_t u = iv.small < 0 ? uint64_t(-iv.small) : uint64_t(iv.small);
        char buf[72];
        auto r = std::to_chars(buf, buf + sizeof buf, u, base);
        return std::string(buf, r.ptr);
    }
    try {
        BigValue a = abs(*iv.big);
        if (base != 10) return pow2_digits(a, base == 2 ? 1 : base == 8 ? 3 : 4);
        int limit = int_max_str_digits(in);
        double estimate = double(boost::multiprecision::msb(a)) * 0.30102999566398120;
        if (limit > 0 && estimate > double(limit) + 1) return limit_error(in, "");
        std::string text = a.str();
        if (limit > 0 && text.size() > size_t(limit)) return limit_error(in, "");
        return text;
    } catch (const std::bad_alloc&) {
        return int_memory_error(in);
    }
}

namespace {

// ---- to_bytes / from_bytes ----

Result<bool> little_endian(Interp& in, Value order) {
    if (is_str(in, order)) {
        std::string_view s = order.as<Str>()->view();
        if (s == "little") return true;
        if (s == "big") return false;
    } else {
        return in.raise(in.exc.TypeError, "to_bytes() argument 'byteorder' must be str, not " +
                                              std::string(type_name(in, order)));
    }
    return in.raise(in.exc.ValueError, "byteorder must be either 'little' or 'big'");
}

Result<Value> int_to_bytes(Interp& in, Args args) {
    Value lv = EDDY_TRY(number_index(in, args[1]));
    auto length = int_to_int64(in, lv);
    if (!length || *length < 0)
        return in.raise(in.exc.ValueError, "length argument must be non-negative");
    bool little = EDDY_TRY(little_endian(in, args[2]));
    bool is_signed = EDDY_TRY(truthy(in, args[3]));
    BigValue v = int_to_big(in, args[0]);
    if (v.sign() < 0 && !is_signed)
        return in.raise(in.exc.OverflowError, "can't convert negative int to unsigned");
    uint64_t nbits = uint64_t(*length) * 8;
    IntView iv;
    int_view(in, args[0], iv);
    uint64_t need = int_bit_length(iv);
    if (is_signed && v.sign() != 0) {
        // Two's complement fits when -2**(n-1) <= v < 2**(n-1).
        BigValue m = v.sign() < 0 ? BigValue(-v - 1) : v;
        need = m.is_zero() ? 1 : boost::multiprecision::msb(m) + 2;
    }
    if (need > nbits) return in.raise(in.exc.OverflowError, "int too big to convert");
    if (v.sign() < 0) v += BigValue(1) << unsigned(nbits);
    std::vector<unsigned char> bytes;
    if (!v.is_zero()) boost::multiprecision::export_bits(v, std::back_inserter(bytes), 8);
    std::string out(size_t(*length) - bytes.size(), '\0');
    out.append(bytes.begin(), bytes.end());
    if (little) std::reverse(out.begin(), out.end());
    return Value::from_obj(make_bytes(in, out));
}

Result<Value> int_from_bytes(Interp& in, Args args) {
    Value cls = args[0], data = args[1];
    bool little = EDDY_TRY(little_endian(in, args[2]));
    bool is_signed = EDDY_TRY(truthy(in, args[3]));
    if (!is_bytes(in, data) && !(data.is_obj() && is_subtype(data.as_obj()->type, in.types.bytearray)))
        data = EDDY_TRY(call(in, Value::from_obj(in.types.bytes), {data}));
    std::string raw = is_bytes(in, data) ? std::string(data.as<Bytes>()->view()) : data.as<ByteArray>()->bytes;
    if (little) std::reverse(raw.begin(), raw.end());
    BigValue v;
    if (!raw.empty()) boost::multiprecision::import_bits(v, raw.begin(), raw.end(), 8);
    if (is_signed && !raw.empty() && (static_cast<unsigned char>(raw[0]) & 0x80))
        v -= BigValue(1) << unsigned(raw.size() * 8);
    Value r = make_int(in, std::move(v));
    if (cls.is(Value::from_obj(in.types.int_))) return r;
    return call(in, cls, {r});
}

// ---- __format__ and __round__ ----

Result<Value> int_dunder_format(Interp& in, Args args) {
    if (!is_str(in, args[1]))
        return in.raise(in.exc.TypeError, "format() argument 2 must be str, not " +
                                              std::string(type_name(in, args[1])));
    std::string_view spec = args[1].as<Str>()->view();
    if (spec.empty()) return str(in, args[0]);
    std::string text = EDDY_TRY(int_format_spec(in, args[0], spec));
    return str_value(in, text);
}

// long_round / _PyLong_Round: round half to even at 10**-ndigits.
Result<Value> int_dunder_round(Interp& in, Args args) {
    Value self = make_int(in, int_to_big(in, args[0]));
    if (!args.has(1) || args[1].is_none()) return self;
    Value nd = EDDY_TRY(number_index(in, args[1]));
    BigValue n = int_to_big(in, nd);
    if (n.sign() >= 0) return self;
    IntView iv;
    int_view(in, self, iv);
    BigValue a = int_to_big(in, self);
    double digits = double(int_bit_length(iv)) * 0.30102999566398120 + 1;
    if (BigValue(-n) > BigValue(int64_t(digits) + 1)) return Value::from_small_int(0);
    try {
        BigValue pow10 = boost::multiprecision::pow(BigValue(10), unsigned(-n.convert_to<int64_t>()));
        BigValue q, r;
        boost::multiprecision::divide_qr(a, pow10, q, r);
        if (r.sign() < 0) { q -= 1; r += pow10; }
        BigValue twice = r * 2;
        if (twice > pow10 || (twice == pow10 && bit_test(abs(q), 0))) r -= pow10;
        return make_int(in, BigValue(a - r));
    } catch (const std::bad_alloc&) {
        return int_memory_error(in);
    }
}

} // namespace

// format_long_internal (and the float fallback for e/f/g/%).
Result<std::string> int_format_spec(Interp& in, Value v, std::string_view spec_text) {
    std::string tname(type_name(in, v));
    FormatSpec spec = EDDY_TRY(parse_format_spec(in, spec_text, tname, 'd'));
    char type = spec.type ? spec.type : 'd';
    switch (type) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        double d = EDDY_TRY(int_to_double(in, v));
        return float_format_spec(in, d, spec_text);
    }
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n': break;
    default: {
        std::string msg = "Unknown format code '";
        msg += type;
        return in.raise(in.exc.ValueError, msg + "' for object of type '" + tname + "'");
    }
    }
    if (spec.precision >= 0)
        return in.raise(in.exc.ValueError, "Precision not allowed in integer format specifier");
    if (spec.no_neg_zero)
        return in.raise(in.exc.ValueError, "Negative zero coercion (z) not allowed in integer format specifier");
    IntView iv;
    int_view(in, v, iv);
    bool negative = iv.big ? iv.big->sign() < 0 : iv.small < 0;
    if (type == 'c') {
        if (spec.sign) return in.raise(in.exc.ValueError, "Sign not allowed with integer format specifier 'c'");
        if (spec.alternate)
            return in.raise(in.exc.ValueError, "Alternate form (#) not allowed with integer format specifier 'c'");
        if (iv.big && (*iv.big > INT64_MAX || *iv.big < INT64_MIN))
            return in.raise(in.exc.OverflowError, "Python int too large to convert to C long");
        if (iv.big || iv.small < 0 || iv.small > 0x10FFFF)
            return in.raise(in.exc.OverflowError, "%c arg not in range(0x110000)");
        std::string one;
        uni::append(one, char32_t(iv.small));
        return pad_formatted(one, 1, spec, '>');
    }
    int base = type == 'b' ? 2 : type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
    std::string digits = EDDY_TRY(int_digits_in_base(in, v, base));
    if (type == 'X')
        for (char& c : digits) c = char(std::toupper(static_cast<unsigned char>(c)));
    std::string prefix;
    if (spec.alternate && base != 10) prefix = std::string("0") + (type == 'X' ? 'X' : type);
    std::string sign = negative ? "-" : (spec.sign == '+' || spec.sign == ' ') ? std::string(1, spec.sign) : "";
    return format_number(sign, prefix, digits, "", spec, base == 10 ? 3 : 4);
}

void add_int_convert_methods(Interp& in, Type* t) {
    add_methods(in, t, {
        {"to_bytes(self, /, length=1, byteorder='big', *, signed=False)", int_to_bytes},
        {"__format__(self, format_spec, /)", int_dunder_format},
        {"__round__(self, ndigits=None, /)", int_dunder_round},
    });
    static constexpr NativeDef from_bytes{"from_bytes(cls, bytes, byteorder='big', *, signed=False)",
                                          int_from_bytes};
    Value fn = Value::from_obj(make_native_function(in, from_bytes));
    dict_set_str(in, t->dict, in.intern("from_bytes"), make_classmethod(in, fn));
}

} // namespace eddy::rt
