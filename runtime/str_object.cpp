// runtime/str_object.cpp: the str type's core: allocation, hashing (CPython's siphash13), repr,
// comparison, the operator slots (+, *, %, in, indexing, slicing), iteration, the str()
// constructor, chr/ord, and init_text_types. Methods live in str_methods.cpp, formatting in
// str_format.cpp and str_percent.cpp.
#include "str_object.hpp"

#include <bit>
#include <charconv>
#include <cstring>

#include "bytes_object.hpp"
#include "dict_object.hpp"
#include "heap.hpp"
#include "int_object.hpp"
#include "interp.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "slice_object.hpp"
#include "str_impl.hpp"
#include "tuple_object.hpp"
#include "type_inits.hpp"
#include "unicode.hpp"

namespace eddy::rt {

// ---- allocation ----

static Str* alloc_str(Interp& in, Type* type, std::string_view utf8, size_t length) {
    Str* s = in.heap.alloc<Str>(type, sizeof(Str) + utf8.size() + 1);
    s->size = utf8.size();
    s->length = length;
    s->ascii = length == utf8.size();
    if (!utf8.empty()) std::memcpy(s->data(), utf8.data(), utf8.size());
    s->data()[utf8.size()] = '\0';
    return s;
}

Str* str_alloc_raw(Interp& in, size_t size, size_t length) {
    Str* s = in.heap.alloc<Str>(in.types.str, sizeof(Str) + size + 1);
    s->size = size;
    s->length = length;
    s->ascii = length == size;
    s->data()[size] = '\0';
    return s;
}

// One-character ASCII strs are shared through the intern table (Interp::intern allocates with
// str_alloc_raw, so there is no recursion).
Str* make_str_with_length(Interp& in, std::string_view utf8, size_t length) {
    if (utf8.size() <= 1) {
        if (utf8.empty() && in.empty_str) return in.empty_str;   // null only during start-up
        if (!utf8.empty() && static_cast<unsigned char>(utf8[0]) < 0x80)
            return str_from_char(in, char32_t(utf8[0]));
    }
    return alloc_str(in, in.types.str, utf8, length);
}

Str* str_from_int64(Interp& in, int64_t v) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    size_t n = size_t(r.ptr - buf);
    return make_str_with_length(in, std::string_view(buf, n), n);
}

Str* make_str(Interp& in, std::string_view utf8) {
    return make_str_with_length(in, utf8, uni::count(utf8));
}

Result<Str*> make_str_checked(Interp& in, std::string_view utf8) {
    if (in.heap.would_exceed(utf8.size() + sizeof(Str))) return in.raise_memory_error();
    return make_str(in, utf8);
}

Result<Value> new_str(Interp& in, std::string_view utf8) {
    Str* s = EDDY_TRY(make_str_checked(in, utf8));
    return Value::from_obj(s);
}

// ASCII one-character strs are interned and cached in Interp::ascii_chars, so `for c in s` and
// s[i] neither allocate nor hash.
Str* str_from_char(Interp& in, char32_t cp) {
    if (cp < 0x80) {
        Str*& slot = in.ascii_chars[cp];
        if (!slot) {
            char c = char(cp);
            slot = in.intern(std::string_view(&c, 1));
        }
        return slot;
    }
    std::string buf;
    uni::append(buf, cp);
    return alloc_str(in, in.types.str, buf, 1);
}

bool str_equal(const Str* a, const Str* b) {
    if (a == b) return true;
    if (a->size != b->size) return false;
    if (a->hash != -1 && b->hash != -1 && a->hash != b->hash) return false;
    return std::memcmp(a->data(), b->data(), a->size) == 0;
}

// ---- hashing: CPython 3.11's siphash13 (Python/pyhash.c) with the zero key of PYTHONHASHSEED=0 ----

namespace {
inline uint64_t rotl(uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

struct SipState {
    uint64_t v0 = 0x736f6d6570736575ULL, v1 = 0x646f72616e646f6dULL;
    uint64_t v2 = 0x6c7967656e657261ULL, v3 = 0x7465646279746573ULL;
    void round() {
        v0 += v1; v1 = rotl(v1, 13) ^ v0; v0 = rotl(v0, 32);
        v2 += v3; v3 = rotl(v3, 16) ^ v2;
        v0 += v3; v3 = rotl(v3, 21) ^ v0;
        v2 += v1; v1 = rotl(v1, 17) ^ v2; v2 = rotl(v2, 32);
    }
};

// Hashes a byte stream fed in pieces (so a UCS-2/UCS-4 form needs no buffer).
class SipHasher {
public:
    void byte(uint8_t b) {
        m_word |= uint64_t(b) << (8 * (m_total & 7));
        if ((++m_total & 7) == 0) {
            m_s.v3 ^= m_word;
            m_s.round();
            m_s.v0 ^= m_word;
            m_word = 0;
        }
    }
    // Whole 8-byte words at once (little-endian, as pyhash.c reads them), then the tail.
    void bytes(std::string_view data) {
        const char* p = data.data();
        size_t n = data.size();
        if ((m_total & 7) == 0) {
            for (; n >= 8; p += 8, n -= 8, m_total += 8) {
                uint64_t w;
                std::memcpy(&w, p, 8);
                if constexpr (std::endian::native == std::endian::big) w = __builtin_bswap64(w);
                m_s.v3 ^= w;
                m_s.round();
                m_s.v0 ^= w;
            }
        }
        for (; n > 0; ++p, --n) byte(static_cast<uint8_t>(*p));
    }
    int64_t finish() {
        uint64_t b = (uint64_t(m_total) << 56) | m_word;
        m_s.v3 ^= b;
        m_s.round();
        m_s.v0 ^= b;
        m_s.v2 ^= 0xff;
        m_s.round();
        m_s.round();
        m_s.round();
        auto h = int64_t(m_s.v0 ^ m_s.v1 ^ m_s.v2 ^ m_s.v3);
        return h == -1 ? -2 : h;
    }

private:
    SipState m_s;
    uint64_t m_word = 0;
    size_t m_total = 0;
};
} // namespace

int64_t bytes_hash_of(std::string_view data) {
    if (data.empty()) return 0;
    SipHasher h;
    h.bytes(data);
    return h.finish();
}

// CPython hashes a str's internal form: 1 byte per character when all are below U+0100, 2 bytes
// (little-endian) below U+10000, else 4.
static int64_t hash_wide(const Str* s) {
    char32_t max = 0;
    for (const char* p = s->data(); p < s->data() + s->size;) max = std::max(max, uni::decode(p));
    int width = max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
    SipHasher h;
    for (const char* p = s->data(); p < s->data() + s->size;) {
        char32_t c = uni::decode(p);
        for (int k = 0; k < width; ++k) h.byte(uint8_t(c >> (8 * k)));
    }
    return h.finish();
}

int64_t str_hash(Str* s) {
    if (s->hash != -1) return s->hash;
    s->hash = s->size == 0 ? 0 : s->ascii ? bytes_hash_of(s->view()) : hash_wide(s);
    return s->hash;
}

// ---- code-point positions ----

size_t str_byte_offset(const Str* s, int64_t index) {
    if (s->ascii) return size_t(index);
    if (size_t(index) >= s->length) return s->size;
    // Walk from whichever end is nearer.
    if (size_t(index) <= s->length / 2) return uni::offset_of(s->view(), size_t(index));
    size_t pos = s->size;
    for (size_t back = s->length - size_t(index); back > 0; --back) {
        do --pos;
        while (uni::is_continuation(static_cast<unsigned char>(s->data()[pos])));
    }
    return pos;
}

char32_t str_char_at(const Str* s, int64_t i) {
    if (s->ascii) return static_cast<unsigned char>(s->data()[i]);
    const char* p = s->data() + str_byte_offset(s, i);
    return uni::decode(p);
}

// ---- repr ----

static void append_hex_escape(std::string& out, char32_t c) {
    static const char digits[] = "0123456789abcdef";
    int n;
    if (c <= 0xff) {
        out += "\\x";
        n = 2;
    } else if (c <= 0xffff) {
        out += "\\u";
        n = 4;
    } else {
        out += "\\U";
        n = 8;
    }
    for (int k = n - 1; k >= 0; --k) out.push_back(digits[(c >> (4 * k)) & 0xF]);
}

// Mirrors unicode_repr (Objects/unicodeobject.c): single quotes unless the text has a ' and no ".
std::string str_repr_text(std::string_view utf8, bool ascii_only) {
    bool has_single = utf8.find('\'') != std::string_view::npos;
    bool has_double = utf8.find('"') != std::string_view::npos;
    char quote = has_single && !has_double ? '"' : '\'';
    std::string out;
    out.reserve(utf8.size() + 2);
    out.push_back(quote);
    for (const char* p = utf8.data(); p < utf8.data() + utf8.size();) {
        char32_t c = uni::decode(p);
        if (c == char32_t(quote) || c == '\\') {
            out.push_back('\\');
            out.push_back(char(c));
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c < ' ' || c == 0x7f) {
            append_hex_escape(out, c);
        } else if (c < 0x7f) {
            out.push_back(char(c));
        } else if (!ascii_only && uni::has(c, uni::Printable)) {
            uni::append(out, c);
        } else {
            append_hex_escape(out, c);
        }
    }
    out.push_back(quote);
    return out;
}

static Result<Value> str_repr_slot(Interp& in, Value self) {
    return new_str(in, str_repr_text(self.as<Str>()->view()));
}

static Result<Value> str_str_slot(Interp& in, Value self) {
    Str* s = self.as<Str>();
    if (s->type == in.types.str) return self;
    return Value::from_obj(make_str_with_length(in, s->view(), s->length));   // exact str copy
}

static Result<int64_t> str_hash_slot(Interp&, Value self) { return str_hash(self.as<Str>()); }
static Result<int64_t> str_len_slot(Interp&, Value self) { return int64_t(self.as<Str>()->length); }
static Result<bool> str_truth_slot(Interp&, Value self) { return self.as<Str>()->size != 0; }

static Result<Value> str_richcmp_slot(Interp& in, Value a, Value b, vm::CmpOp op) {
    if (!is_str(in, a) || !is_str(in, b)) return Value::not_implemented();
    const Str* x = a.as<Str>();
    const Str* y = b.as<Str>();
    if (op == vm::CmpOp::Eq) return Value::boolean(str_equal(x, y));
    if (op == vm::CmpOp::Ne) return Value::boolean(!str_equal(x, y));
    // UTF-8 byte order is code-point order.
    size_t n = std::min(x->size, y->size);
    int c = n ? std::memcmp(x->data(), y->data(), n) : 0;
    if (c == 0) c = x->size < y->size ? -1 : x->size > y->size ? 1 : 0;
    switch (op) {
    case vm::CmpOp::Lt: return Value::boolean(c < 0);
    case vm::CmpOp::Le: return Value::boolean(c <= 0);
    case vm::CmpOp::Gt: return Value::boolean(c > 0);
    default: return Value::boolean(c >= 0);
    }
}

// ---- + * % ----

Result<Value> str_concat(Interp& in, std::span<const Value> parts) {
    size_t size = 0, length = 0;
    for (Value v : parts) {
        size += v.as<Str>()->size;
        length += v.as<Str>()->length;
    }
    if (in.heap.would_exceed(size + sizeof(Str))) return in.raise_memory_error();
    if (parts.size() == 1 && parts[0].as<Str>()->type == in.types.str) return parts[0];
    Str* s = in.heap.alloc<Str>(in.types.str, sizeof(Str) + size + 1);
    s->size = size;
    s->length = length;
    s->ascii = size == length;
    char* out = s->data();
    for (Value v : parts) {
        const Str* p = v.as<Str>();
        if (p->size) std::memcpy(out, p->data(), p->size);
        out += p->size;
    }
    *out = '\0';
    return Value::from_obj(s);
}

// A user class on the right may still answer through __radd__/__rmul__; built-in ones cannot, so
// the error is raised here with CPython's sequence wording.
static bool may_reflect(Interp& in, Value other) {
    Type* t = type_of(in, other);
    return (t->flags & TF_HeapType) && t->rbinary != nullptr;
}

static Result<Value> str_repeat(Interp& in, Str* s, Value count) {
    Type* ct = type_of(in, count);
    if (!is_int(in, count) && !ct->index) {
        if (may_reflect(in, count)) return Value::not_implemented();
        return in.raise(in.exc.TypeError, "can't multiply sequence by non-int of type '"
                                              + std::string(type_name(in, count)) + "'");
    }
    int64_t n = EDDY_TRY(index_as_int64(in, count));
    if (n <= 0 || s->size == 0) return Value::from_obj(in.empty_str);
    if (n == 1 && s->type == in.types.str) return Value::from_obj(s);
    if (uint64_t(n) > (uint64_t(1) << 62) / s->size || in.heap.would_exceed(s->size * size_t(n)))
        return in.raise_memory_error();
    size_t size = s->size * size_t(n);
    Str* r = in.heap.alloc<Str>(in.types.str, sizeof(Str) + size + 1);
    r->size = size;
    r->length = s->length * size_t(n);
    r->ascii = s->ascii;
    char* out = r->data();
    if (s->size == 1) {
        std::memset(out, s->data()[0], size);
    } else {
        // Doubling copies, as CPython's _PyBytes_Repeat does.
        std::memcpy(out, s->data(), s->size);
        size_t done = s->size;
        while (done < size) {
            size_t chunk = std::min(done, size - done);
            std::memcpy(out + done, out, chunk);
            done += chunk;
        }
    }
    out[size] = '\0';
    return Value::from_obj(r);
}

static Result<Value> str_binary_slot(Interp& in, Value a, Value b, vm::BinOp op) {
    if (!is_str(in, a)) return Value::not_implemented();
    switch (op) {
    case vm::BinOp::Add:
    case vm::BinOp::InplaceAdd:
        if (is_str(in, b)) {
            Value parts[2] = {a, b};
            if (b.as<Str>()->size == 0 && a.as<Str>()->type == in.types.str) return a;
            return str_concat(in, parts);
        }
        if (may_reflect(in, b)) return Value::not_implemented();
        return in.raise(in.exc.TypeError, "can only concatenate str (not \""
                                              + std::string(type_name(in, b)) + "\") to str");
    case vm::BinOp::Mul:
    case vm::BinOp::InplaceMul:
        return str_repeat(in, a.as<Str>(), b);
    case vm::BinOp::Mod:
    case vm::BinOp::InplaceMod:
        return str_percent(in, a.as<Str>(), b);
    default:
        return Value::not_implemented();
    }
}

// Reflected: only `n * s` (int on the left) reaches here.
static Result<Value> str_rbinary_slot(Interp& in, Value self, Value other, vm::BinOp op) {
    if (op == vm::BinOp::Mul && is_str(in, self)) return str_repeat(in, self.as<Str>(), other);
    return Value::not_implemented();
}

Result<Value> str_percent(Interp& in, Str* fmt, Value args) {
    std::string out = EDDY_TRY(percent_format(in, fmt->view(), args, false));
    return new_str(in, out);
}

// ---- in, [] ----

static Result<bool> str_contains_slot(Interp& in, Value self, Value item) {
    if (!is_str(in, item))
        return in.raise(in.exc.TypeError, "'in <string>' requires string as left operand, not "
                                              + std::string(type_name(in, item)));
    return find_from(self.as<Str>()->view(), item.as<Str>()->view(), 0) != std::string_view::npos;
}

static Result<Value> str_slice(Interp& in, Str* s, const SliceBounds& b) {
    if (b.count <= 0) return Value::from_obj(in.empty_str);
    if (b.step == 1) {
        size_t from = str_byte_offset(s, b.start);
        size_t to = s->ascii ? size_t(b.stop) : from + uni::offset_of(s->view().substr(from), size_t(b.count));
        if (from == 0 && to == s->size && s->type == in.types.str) return Value::from_obj(s);
        return Value::from_obj(make_str_with_length(in, s->view().substr(from, to - from), size_t(b.count)));
    }
    std::string out;
    if (s->ascii) {
        out.reserve(size_t(b.count));
        for (int64_t i = 0, k = b.start; i < b.count; ++i, k += b.step) out.push_back(s->data()[k]);
        return Value::from_obj(make_str_with_length(in, out, out.size()));
    }
    std::u32string chars;
    chars.reserve(s->length);
    for (const char* p = s->data(); p < s->data() + s->size;) chars.push_back(uni::decode(p));
    for (int64_t i = 0, k = b.start; i < b.count; ++i, k += b.step) uni::append(out, chars[size_t(k)]);
    return Value::from_obj(make_str_with_length(in, out, size_t(b.count)));
}

static Result<Value> str_getitem_slot(Interp& in, Value self, Value key) {
    Str* s = self.as<Str>();
    int64_t i;
    if (key.is_small_int()) {
        i = key.as_small_int();
    } else if (is_int(in, key) || type_of(in, key)->index) {
        auto r = index_as_int64(in, key);
        if (r.is_error()) {
            if (in.exception_matches(in.exc.OverflowError)) {
                in.take_exception();
                return in.raise(in.exc.IndexError, "cannot fit 'int' into an index-sized integer");
            }
            return Error{};
        }
        i = r.value();
    } else {
        SliceBounds b;
        bool is_slice = EDDY_TRY(slice_bounds(in, key, int64_t(s->length), b));
        if (is_slice) return str_slice(in, s, b);
        return in.raise(in.exc.TypeError, "string indices must be integers, not '"
                                              + std::string(type_name(in, key)) + "'");
    }
    if (i < 0) i += int64_t(s->length);
    if (i < 0 || i >= int64_t(s->length)) return in.raise(in.exc.IndexError, "string index out of range");
    if (s->ascii) return Value::from_obj(str_from_char(in, char32_t(s->data()[i])));
    return Value::from_obj(str_from_char(in, str_char_at(s, i)));
}

// ---- iteration ----

struct StrIterator : Obj {
    Str* str = nullptr;
    size_t pos = 0;   // byte offset of the next character
};

static void str_iterator_trace(Obj* self, Tracer& t) { t.mark(static_cast<StrIterator*>(self)->str); }

static Result<Value> str_iter_slot(Interp& in, Value self) {
    StrIterator* it = in.heap.alloc<StrIterator>(in.types.str_iterator);
    it->str = self.as<Str>();
    return Value::from_obj(it);
}

static Result<Value> str_iterator_next(Interp& in, Value self) {
    StrIterator* it = self.as<StrIterator>();
    if (!it->str || it->pos >= it->str->size) {
        it->str = nullptr;
        return Value::null();
    }
    const char* p = it->str->data() + it->pos;
    char32_t c = uni::decode(p);
    it->pos = size_t(p - it->str->data());
    return Value::from_obj(str_from_char(in, c));
}

static Result<Value> iter_self(Interp&, Value self) { return self; }

// ---- chr / ord ----

Result<Value> str_chr(Interp& in, int64_t code_point) {
    if (code_point < 0 || code_point > 0x10FFFF)
        return in.raise(in.exc.ValueError, "chr() arg not in range(0x110000)");
    return Value::from_obj(str_from_char(in, char32_t(code_point)));
}

Result<int64_t> str_ord(Interp& in, Value v) {
    size_t n;
    if (is_str(in, v)) {
        Str* s = v.as<Str>();
        if (s->length == 1) return int64_t(str_char_at(s, 0));
        n = s->length;
    } else if (is_bytes(in, v) || is_bytearray(in, v)) {
        std::string_view d = is_bytes(in, v) ? v.as<Bytes>()->view() : std::string_view(v.as<ByteArray>()->bytes);
        if (d.size() == 1) return int64_t(static_cast<unsigned char>(d[0]));
        n = d.size();
    } else {
        return in.raise(in.exc.TypeError, "ord() expected string of length 1, but "
                                              + std::string(type_name(in, v)) + " found");
    }
    return in.raise(in.exc.TypeError,
                    "ord() expected a character, but string of length " + std::to_string(n) + " found");
}

Error raise_must_be_str(Interp& in, std::string_view what, Value got) {
    std::string prefix = what.empty() ? "" : std::string(what) + " ";
    return in.raise(in.exc.TypeError, prefix + "must be str, not " + std::string(type_name(in, got)));
}

Result<Str*> str_arg(Interp& in, Value v, std::string_view method, int position) {
    if (is_str(in, v)) return v.as<Str>();
    return raise_must_be_str(in, std::string(method) + "() argument " + std::to_string(position), v);
}

} // namespace eddy::rt

namespace eddy::rt {

// ---- slices and optional start/end arguments ----

// _PyEval_SliceIndex: None keeps the default; an int beyond int64 clamps to the nearer end.
static Status slice_index(Interp& in, Value v, int64_t& out) {
    if (v.is_none() || v.is_null()) return ok();
    if (v.is_small_int()) {
        out = v.as_small_int();
        return ok();
    }
    if (!is_int(in, v) && !type_of(in, v)->index)
        return in.raise(in.exc.TypeError,
                        "slice indices must be integers or None or have an __index__ method");
    auto r = index_as_int64(in, v);
    if (!r.is_error()) {
        out = r.value();
        return ok();
    }
    if (!in.exception_matches(in.exc.OverflowError)) return Error{};
    in.take_exception();
    Value as_int = is_int(in, v) ? v : EDDY_TRY(type_of(in, v)->index(in, v));
    out = int_to_big(in, as_int) < 0 ? INT64_MIN / 2 : INT64_MAX / 2;
    return ok();
}

// A slice subscript resolved against `length` (slice_object.hpp does the arithmetic).
Result<bool> slice_bounds(Interp& in, Value key, int64_t length, SliceBounds& out) {
    if (!is_slice(in, key)) return false;
    SliceIndices ix = EDDY_TRY(slice_indices(in, key.as<Slice>(), length));
    out.start = ix.start;
    out.stop = ix.stop;
    out.step = ix.step;
    out.count = ix.count;
    return true;
}

// ADJUST_INDICES of Objects/stringlib: negative positions count from the end.
Status adjust_range(Interp& in, Value start_arg, Value end_arg, int64_t length, int64_t& start,
                    int64_t& end) {
    start = 0;
    end = INT64_MAX / 2;
    EDDY_CHECK(slice_index(in, start_arg, start));
    EDDY_CHECK(slice_index(in, end_arg, end));
    if (end > length) {
        end = length;
    } else if (end < 0) {
        end += length;
        if (end < 0) end = 0;
    }
    if (start < 0) {
        start += length;
        if (start < 0) start = 0;
    }
    return ok();
}

// ---- str(object='') and str(object=b'', encoding='utf-8', errors='strict') ----

static Result<Value> str_from_args(Interp& in, Value obj, Value encoding, Value errors) {
    if (encoding.is_null() && errors.is_null()) {
        if (obj.is_null()) return Value::from_obj(in.empty_str);
        return rt::str(in, obj);
    }
    if (!encoding.is_null() && !is_str(in, encoding))
        return raise_must_be_str(in, "str() argument 'encoding'", encoding);
    if (!errors.is_null() && !is_str(in, errors))
        return raise_must_be_str(in, "str() argument 'errors'", errors);
    std::string_view enc = encoding.is_null() ? "utf-8" : encoding.as<Str>()->view();
    std::string_view err = errors.is_null() ? "strict" : errors.as<Str>()->view();
    if (obj.is_null()) return Value::from_obj(in.empty_str);
    if (is_bytes(in, obj)) return decode_bytes(in, obj.as<Bytes>()->view(), enc, err);
    if (is_bytearray(in, obj)) return decode_bytes(in, obj.as<ByteArray>()->bytes, enc, err);
    if (is_str(in, obj)) return in.raise(in.exc.TypeError, "decoding str is not supported");
    return in.raise(in.exc.TypeError, "decoding to str: need a bytes-like object, "
                                          + std::string(type_name(in, obj)) + " found");
}

static Result<Value> str_new_slot(Interp& in, Type* type, CallArgs args) {
    if (type == in.types.str && args.count == 1 && !args.kwnames) return str(in, args.values[0]);
    static constexpr std::string_view names[3] = {"object", "encoding", "errors"};
    Value slots[3] = {Value::null(), Value::null(), Value::null()};
    if (args.count + args.kw_count() > 3)
        return in.raise(in.exc.TypeError, "str() takes at most 3 arguments ("
                                              + std::to_string(args.count + args.kw_count()) + " given)");
    for (size_t i = 0; i < args.count; ++i) slots[i] = args.values[i];
    for (size_t k = 0; k < args.kw_count(); ++k) {
        std::string_view name = (*args.kwnames)[k].as<Str>()->view();
        size_t at = 0;
        while (at < 3 && names[at] != name) ++at;
        if (at == 3)
            return in.raise(in.exc.TypeError, "'" + std::string(name) + "' is an invalid keyword argument for str()");
        if (!slots[at].is_null())
            return in.raise(in.exc.TypeError, "argument for str() given by name ('" + std::string(name)
                                                  + "') and position (" + std::to_string(at + 1) + ")");
        slots[at] = args.values[args.count + k];
    }
    Value s = EDDY_TRY(str_from_args(in, slots[0], slots[1], slots[2]));
    if (type == in.types.str) return s;
    Str* base = s.as<Str>();
    return Value::from_obj(alloc_str(in, type, base->view(), base->length));
}

// ---- start-up ----

void init_text_types(Interp& in) {
    Type* t = in.types.str;
    t->flags |= TF_BaseType | TF_Str;
    t->instance_size = sizeof(Str);
    t->repr = str_repr_slot;
    t->str = str_str_slot;
    t->hash = str_hash_slot;
    t->len = str_len_slot;
    t->truth = str_truth_slot;
    t->richcmp = str_richcmp_slot;
    t->binary = str_binary_slot;
    t->rbinary = str_rbinary_slot;
    t->contains = str_contains_slot;
    t->getitem = str_getitem_slot;
    t->iter = str_iter_slot;
    t->new_ = str_new_slot;
    t->doc = "str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str";

    Type* it = in.types.str_iterator;
    it->instance_size = sizeof(StrIterator);
    it->iter = iter_self;
    it->next = str_iterator_next;
    it->trace = str_iterator_trace;

    init_str_methods(in);
    init_bytes_types(in);
}

} // namespace eddy::rt
