// runtime/str_object.hpp: str, immutable UTF-8 with its bytes stored right after the header.
// `length` counts code points; when `ascii` is set it equals `size` and indexing is O(1).
#pragma once

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
// Like make_str, but raises MemoryError instead of allocating beyond the heap limit.
Result<Str*> make_str_checked(Interp& in, std::string_view utf8);
// True when v is a str (or a str subclass instance).
bool is_str(const Interp& in, Value v);
// The str's hash as CPython computes it for PYTHONHASHSEED=0 (siphash24 of the UTF-8 is not
// required to match, but must be stable within a run and equal for equal strings).
int64_t str_hash(Str* s);
bool str_equal(const Str* a, const Str* b);

} // namespace eddy::rt
