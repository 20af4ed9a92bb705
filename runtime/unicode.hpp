// runtime/unicode.hpp: UTF-8 encoding/decoding and the Unicode character database eddy's str
// needs (character properties and case mappings, from unicode_tables.inc). Pure functions over
// code points and bytes: no heap, no Interp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace eddy::rt::uni {

// ---- UTF-8 ----

// Decodes the code point at `p` (valid UTF-8 assumed) and advances `p` past it.
inline char32_t decode(const char*& p) {
    auto b = static_cast<unsigned char>(*p);
    if (b < 0x80) {
        ++p;
        return b;
    }
    if (b < 0xE0) {
        char32_t c = char32_t(b & 0x1F) << 6 | (static_cast<unsigned char>(p[1]) & 0x3F);
        p += 2;
        return c;
    }
    if (b < 0xF0) {
        char32_t c = char32_t(b & 0x0F) << 12 | char32_t(static_cast<unsigned char>(p[1]) & 0x3F) << 6
                     | (static_cast<unsigned char>(p[2]) & 0x3F);
        p += 3;
        return c;
    }
    char32_t c = char32_t(b & 0x07) << 18 | char32_t(static_cast<unsigned char>(p[1]) & 0x3F) << 12
                 | char32_t(static_cast<unsigned char>(p[2]) & 0x3F) << 6
                 | (static_cast<unsigned char>(p[3]) & 0x3F);
    p += 4;
    return c;
}

// Bytes in the UTF-8 sequence that starts with lead byte `b`.
inline size_t seq_len(unsigned char b) { return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4; }
inline bool is_continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

// Appends `cp` encoded as UTF-8 (surrogates are encoded as their 3-byte form, as CPython's
// internal representation can hold them).
void append(std::string& out, char32_t cp);
// Number of code points in valid UTF-8.
size_t count(std::string_view utf8);
// Validates `bytes` as strict UTF-8 (no surrogates, no overlongs). Returns the byte offset of the
// first invalid sequence or bytes.size() when valid; `bad_len` gets the length of the invalid
// sequence (for UnicodeDecodeError's end) .
size_t validate(std::string_view bytes, size_t& bad_len);
// Byte offset of the code point with index `index` (0 <= index <= length) in non-ASCII UTF-8.
size_t offset_of(std::string_view utf8, size_t index);

// ---- character properties (CPython's Py_UNICODE_IS* family) ----

enum CharProp : uint32_t {
    Alpha = 1 << 0, Decimal = 1 << 1, Digit = 1 << 2, Numeric = 1 << 3, Space = 1 << 4,
    Printable = 1 << 5, Lower = 1 << 6, Upper = 1 << 7, Cased = 1 << 8, CaseIgnorable = 1 << 9,
    XidStart = 1 << 10, XidContinue = 1 << 11, Title = 1 << 12,
};

uint32_t props(char32_t cp);
inline bool has(char32_t cp, uint32_t prop) { return (props(cp) & prop) != 0; }
inline bool is_space(char32_t cp) {
    if (cp < 128) return cp == ' ' || (cp >= 9 && cp <= 13) || (cp >= 28 && cp <= 31);
    return has(cp, Space);
}
// Line boundaries of str.splitlines (CPython's Py_UNICODE_ISLINEBREAK).
inline bool is_linebreak(char32_t cp) {
    return cp == '\n' || cp == '\r' || cp == 0x0B || cp == 0x0C || cp == 0x1C || cp == 0x1D
           || cp == 0x1E || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

// ---- case mapping (full mappings: one code point may become up to three) ----

enum class CaseKind { Lower, Upper, Title, Fold };
// Appends the full `kind` mapping of `cp` to `out`.
void append_case(std::string& out, char32_t cp, CaseKind kind);
// The simple (1:1) mapping, for callers that need a single code point.
char32_t simple_case(char32_t cp, CaseKind kind);

} // namespace eddy::rt::uni
