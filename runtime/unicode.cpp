// runtime/unicode.cpp: UTF-8 helpers and lookups in the generated Unicode tables
// (unicode_tables.inc, written by gen_unicode_tables.py from CPython 3.11's own answers).
#include "unicode.hpp"

#include <algorithm>

namespace eddy::rt::uni {

namespace {
#include "unicode_tables.inc"

// Index of the last element of the stride-`Stride` table whose first column is <= cp.
template <size_t Stride, class T, size_t N>
const T* find_row(const T (&table)[N], char32_t cp) {
    size_t lo = 0, hi = N / Stride;   // rows [lo, hi)
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (char32_t(table[mid * Stride]) <= cp)
            lo = mid;
        else
            hi = mid;
    }
    return &table[lo * Stride];
}

struct CaseTables {
    const int32_t* runs;
    size_t runs_len;
    const uint32_t* special;
    size_t special_len;
};

template <size_t R, size_t S>
constexpr CaseTables tables(const int32_t (&runs)[R], const uint32_t (&special)[S]) {
    return {runs, R, special, S};
}

CaseTables tables_for(CaseKind kind) {
    switch (kind) {
    case CaseKind::Lower: return tables(LowerRuns, LowerSpecial);
    case CaseKind::Upper: return tables(UpperRuns, UpperSpecial);
    case CaseKind::Title: return tables(TitleRuns, TitleSpecial);
    case CaseKind::Fold: return tables(FoldRuns, FoldSpecial);
    }
    return tables(LowerRuns, LowerSpecial);
}
} // namespace

void append(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(char(cp));
    } else if (cp < 0x800) {
        out.push_back(char(0xC0 | (cp >> 6)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(char(0xE0 | (cp >> 12)));
        out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(char(0xF0 | (cp >> 18)));
        out.push_back(char(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    }
}

size_t count(std::string_view utf8) {
    size_t n = 0;
    for (char c : utf8) n += !is_continuation(static_cast<unsigned char>(c));
    return n;
}

// Mirrors the checks of CPython's utf-8 decoder (Objects/stringlib/codecs.h): shortest form only,
// no surrogates, nothing above U+10FFFF. `bad_len` follows CPython's error ranges: the maximal
// valid prefix of the bad sequence, at least one byte.
size_t validate(std::string_view bytes, size_t& bad_len) {
    auto u = [&](size_t i) { return static_cast<unsigned char>(bytes[i]); };
    size_t i = 0, n = bytes.size();
    while (i < n) {
        unsigned char b = u(i);
        if (b < 0x80) {
            ++i;
            continue;
        }
        size_t need;
        unsigned char lo = 0x80, hi = 0xBF;
        if (b >= 0xC2 && b <= 0xDF) need = 1;
        else if (b == 0xE0) need = 2, lo = 0xA0;
        else if (b >= 0xE1 && b <= 0xEC) need = 2;
        else if (b == 0xED) need = 2, hi = 0x9F;
        else if (b >= 0xEE && b <= 0xEF) need = 2;
        else if (b == 0xF0) need = 3, lo = 0x90;
        else if (b >= 0xF1 && b <= 0xF3) need = 3;
        else if (b == 0xF4) need = 3, hi = 0x8F;
        else {
            bad_len = 1;
            return i;
        }
        size_t k = 1;
        for (; k <= need; ++k) {
            if (i + k >= n) break;
            unsigned char c = u(i + k);
            bool ok = k == 1 ? (c >= lo && c <= hi) : is_continuation(c);
            if (!ok) break;
        }
        if (k <= need) {
            bad_len = k;
            return i;
        }
        i += need + 1;
    }
    bad_len = 0;
    return n;
}

size_t offset_of(std::string_view utf8, size_t index) {
    size_t pos = 0;
    const size_t n = utf8.size();
    while (index > 0 && pos < n) {
        pos += seq_len(static_cast<unsigned char>(utf8[pos]));
        --index;
    }
    return pos;
}

uint32_t props(char32_t cp) { return find_row<2>(PropRanges, cp)[1]; }

char32_t simple_case(char32_t cp, CaseKind kind) {
    CaseTables t = tables_for(kind);
    size_t lo = 0, hi = t.runs_len / 4;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (char32_t(t.runs[mid * 4]) <= cp)
            lo = mid;
        else
            hi = mid;
    }
    const int32_t* run = t.runs + lo * 4;
    if (cp < char32_t(run[0]) || cp > char32_t(run[1])) return cp;
    if ((cp - char32_t(run[0])) % char32_t(run[3]) != 0) return cp;
    return char32_t(int32_t(cp) + run[2]);
}

void append_case(std::string& out, char32_t cp, CaseKind kind) {
    CaseTables t = tables_for(kind);
    // Special (one-to-many) mappings are rare; a binary search over their first column.
    size_t lo = 0, hi = t.special_len / 4;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (t.special[mid * 4] < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < t.special_len / 4 && t.special[lo * 4] == cp) {
        for (int k = 1; k <= 3 && t.special[lo * 4 + k]; ++k) append(out, t.special[lo * 4 + k]);
        return;
    }
    append(out, simple_case(cp, kind));
}

} // namespace eddy::rt::uni
