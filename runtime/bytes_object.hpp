// runtime/bytes_object.hpp: bytes (immutable, data after the header) and bytearray (growable).
#pragma once

#include <string>
#include <string_view>

#include "object.hpp"

namespace eddy::rt {

struct Bytes : Obj {
    size_t size = 0;
    int64_t hash = -1;
    char* data() { return reinterpret_cast<char*>(this + 1); }
    const char* data() const { return reinterpret_cast<const char*>(this + 1); }
    std::string_view view() const { return {data(), size}; }
};

struct ByteArray : Obj {
    std::string bytes;
};

Bytes* make_bytes(Interp& in, std::string_view data);
bool is_bytes(const Interp& in, Value v);
ByteArray* make_bytearray(Interp& in, std::string_view data);
bool is_bytearray(const Interp& in, Value v);
// repr of bytes data as CPython writes it: b'...' (bytearray(b'...') is built on top of it).
std::string bytes_repr_text(std::string_view data);

} // namespace eddy::rt
