// runtime/str_impl.hpp: helpers shared by the text files (str_object.cpp, str_methods.cpp,
// str_format.cpp, str_percent.cpp, bytes_object.cpp, bytes_methods.cpp). Not for other owners:
// their API is str_object.hpp and bytes_object.hpp.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "bytes_object.hpp"
#include "str_object.hpp"

namespace eddy::rt {

class Interp;

// The bounds of a slice applied to a sequence of `length` items, after PySlice_AdjustIndices.
struct SliceBounds {
    int64_t start = 0, stop = 0, step = 1, count = 0;
};
// If `key` is a slice object, fills `out` and returns true; false (no error) for other keys.
Result<bool> slice_bounds(Interp& in, Value key, int64_t length, SliceBounds& out);

// Resolves the optional start/end arguments of find/count/startswith (None or missing: the
// ends) to clamped code-point positions [start, end] in 0..length, as CPython's ADJUST_INDICES.
// Ends may come out with start > end (the caller treats that as "nothing").
Status adjust_range(Interp& in, Value start_arg, Value end_arg, int64_t length, int64_t& start,
                    int64_t& end);

// Byte offset of code point `index` in `s` (0 <= index <= length).
size_t str_byte_offset(const Str* s, int64_t index);
// The code point at index `i` (0 <= i < length).
char32_t str_char_at(const Str* s, int64_t i);
// The one-character str for code point `cp` (ASCII ones are shared).
Str* str_from_char(Interp& in, char32_t cp);
// A new str of `size` bytes / `length` code points whose bytes the caller writes before the next
// allocation (join, concatenation: one copy instead of two).
Str* str_alloc_raw(Interp& in, size_t size, size_t length);
// A str from text known to be valid UTF-8, raising MemoryError past the heap limit.
Result<Value> new_str(Interp& in, std::string_view utf8);

// hay.find(needle, from), with a one-byte needle (the usual separator or letter) found by memchr
// alone: string_view::find also compares each candidate with memcmp, and that pair of calls was
// most of count() and split() on short strings. Inline: it sits in their loops.
inline size_t find_from(std::string_view hay, std::string_view needle, size_t from) {
    if (needle.size() != 1) return hay.find(needle, from);
    if (from >= hay.size()) return std::string_view::npos;
    const void* at = std::memchr(hay.data() + from, needle[0], hay.size() - from);
    return at ? size_t(static_cast<const char*>(at) - hay.data()) : std::string_view::npos;
}

// Raises TypeError "<what> must be str, not int" (just "must be str, ..." when `what` is empty).
Error raise_must_be_str(Interp& in, std::string_view what, Value got);
// The Str* of a str argument, or TypeError naming the method: "<method>() argument <n> must be
// str, not int".
Result<Str*> str_arg(Interp& in, Value v, std::string_view method, int position);

// Start-up, called from init_text_types (str_object.cpp).
void init_str_methods(Interp& in);     // str_methods.cpp (calls the two below)
void init_str_case_methods(Interp& in);    // str_case.cpp
void init_str_format_methods(Interp& in);  // str_format.cpp
void init_bytes_types(Interp& in);     // bytes_object.cpp

// ---- bytes helpers (bytes_object.cpp) ----
bool is_byteslike(const Interp& in, Value v);             // bytes or bytearray
std::string_view byte_view(const Interp& in, Value v);    // its bytes (check the type first)
Value make_like(Interp& in, Value self, std::string_view data);   // bytes or bytearray, as self
// Bytes from a bytes-like object or an iterable of ints (bytearray slice assignment, extend).
Result<std::string> bytes_from_iterable(Interp& in, Value v);
void init_bytes_methods(Interp& in);   // bytes_methods.cpp

// Encoding and decoding between str and bytes; `encoding` and `errors` are as given by the
// caller (normalised here). Shared by str.encode, bytes.decode and the constructors.
Result<Value> encode_str(Interp& in, Str* s, std::string_view encoding, std::string_view errors);
Result<Value> decode_bytes(Interp& in, std::string_view data, std::string_view encoding,
                           std::string_view errors);

// The printf-style engine behind str % and bytes %: `as_bytes` selects bytes semantics (%s takes
// bytes-like objects, %r/%a give ascii()).
Result<std::string> percent_format(Interp& in, std::string_view fmt, Value args, bool as_bytes);

} // namespace eddy::rt
