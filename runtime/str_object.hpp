// runtime/str_object.hpp: str, immutable UTF-8 with its bytes stored right after the header.
// `length` counts code points; when `ascii` is set it equals `size` and indexing is O(1).
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "object.hpp"

namespace eddy::rt {

struct Str : Obj {
    size_t size = 0;          // bytes, excluding the terminating NUL
    size_t length = 0;        // code points
    int64_t hash = -1;        // cached hash, -1 until computed
    bool ascii = true;
    bool interned = false;
    char* data() { return reinterpret_cast<char*>(this + 1); }
    const char* data() const { return reinterpret_cast<const char*>(this + 1); }
    std::string_view view() const { return {data(), size}; }
};

// A new str holding a copy of `utf8` (must be valid UTF-8). Short strings may be shared.
Str* make_str(Interp& in, std::string_view utf8);
inline Value str_value(Interp& in, std::string_view utf8) { return Value::from_obj(make_str(in, utf8)); }
// The decimal text of `v` (str(int) and f"{i}" for small ints, without a temporary string).
Str* str_from_int64(Interp& in, int64_t v);
// Like make_str, but raises MemoryError instead of allocating beyond the heap limit.
Result<Str*> make_str_checked(Interp& in, std::string_view utf8);
// make_str when the caller already knows the code-point count (skips the counting pass).
Str* make_str_with_length(Interp& in, std::string_view utf8, size_t length);
// True when v is a str (or a str subclass instance). Inline: every str operation asks first.
inline bool is_str(const Interp&, Value v) {
    return v.is_obj() && (v.as_obj()->type->flags & TF_Str) != 0;
}
// The str's hash as CPython computes it for PYTHONHASHSEED=0: siphash13 with a zero key over the
// string's canonical (latin-1 / UCS-2 / UCS-4) form, so sets of strs iterate in CPython's order.
int64_t str_hash(Str* s);
bool str_equal(const Str* a, const Str* b);
// The same siphash13 over raw bytes (bytes.__hash__).
int64_t bytes_hash_of(std::string_view data);

// chr() and ord(), for the builtins.
Result<Value> str_chr(Interp& in, int64_t code_point);
Result<int64_t> str_ord(Interp& in, Value v);

// Concatenates str values (BUILD_STRING, f-strings); every item must be a str.
Result<Value> str_concat(Interp& in, std::span<const Value> parts);
// repr() of a str's text as CPython writes it; `ascii_only` escapes every non-ASCII character
// (ascii()).
std::string str_repr_text(std::string_view utf8, bool ascii_only = false);
// `fmt % args` for str (printf-style formatting, str_percent.cpp).
Result<Value> str_percent(Interp& in, Str* fmt, Value args);
// str.__format__(spec): the format-spec mini-language applied to a str.
Result<Value> str_format_spec(Interp& in, Str* s, std::string_view spec);

} // namespace eddy::rt
