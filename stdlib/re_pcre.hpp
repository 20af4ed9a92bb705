// stdlib/re_pcre.hpp: what the two halves of the _pcre module share: the compiled pattern
// (re_pcre.cpp compiles and runs it) and the native re.Match and finditer objects built from its
// results (re_match.cpp). Private to stdlib/.
#pragma once
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <algorithm>

#include "lib_util.hpp"
#include "str_object.hpp"

namespace eddy::lib::pcre {

// Maps code-point indices to byte offsets and back within one str, remembering the last
// position so that a left-to-right scan (finditer, sub) costs O(n) overall, not O(n^2).
struct OffsetMap {
    const rt::Str* str = nullptr;
    size_t byte = 0, cp = 0;   // a known (byte offset, code point index) pair

    void reset(const rt::Str* s) {
        if (s != str) {
            str = s;
            byte = cp = 0;
        }
    }
    size_t to_cp(size_t target) {
        if (str->ascii) return target;
        if (target < byte) byte = cp = 0;
        const char* d = str->data();
        for (; byte < target; ++byte)
            if ((static_cast<unsigned char>(d[byte]) & 0xC0) != 0x80) ++cp;
        return cp;
    }
    size_t to_byte(size_t target) {
        if (str->ascii) return std::min(target, str->size);
        if (target < cp) byte = cp = 0;
        const char* d = str->data();
        while (cp < target && byte < str->size) {
            ++byte;
            while (byte < str->size && (static_cast<unsigned char>(d[byte]) & 0xC0) == 0x80) ++byte;
            ++cp;
        }
        return byte;
    }
};

struct PcrePattern : rt::Obj {
    pcre2_code* code = nullptr;
    pcre2_match_data* match_data = nullptr;
    uint32_t groups = 0;            // capturing groups, not counting group 0
    Value last_string = Value::null();   // the str `offsets` describes (kept alive by trace)
    OffsetMap offsets;
    Value owner = Value::null();       // the re.Pattern built on this code (Match.re)
    Value groupindex = Value::null();  // {name: number}, private to the native side
    Type* match_type = nullptr;        // re.Match
    Type* scanner_type = nullptr;      // finditer's iterator
};

// Runs one match of the str `string` in [pos, endpos) (code points, already clamped to the
// string). Returns the PCRE2 result code: > 0 on a match (offsets in p->match_data),
// PCRE2_ERROR_NOMATCH, or another error (raised here).
Result<int> run(Interp& in, PcrePattern* p, Value string, int64_t pos, int64_t endpos, uint32_t options);

// A re.Match for the result `rc` of the last run() of `p` on `string`; `pos` and `endpos` are
// what Match.pos/endpos report.
Value make_match(Interp& in, PcrePattern* p, Value string, int64_t pos, int64_t endpos, int rc);
// An iterator of the successive matches of `p` in string[pos:endpos] (Pattern.finditer).
Value make_scanner(Interp& in, PcrePattern* p, Value string, int64_t pos, int64_t endpos);
// The re.Match and finditer iterator types; make_match_type is called once per interpreter.
Type* make_match_type(Interp& in);
Type* make_scanner_type(Interp& in);
} // namespace eddy::lib::pcre
