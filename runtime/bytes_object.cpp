// runtime/bytes_object.cpp: bytes and bytearray: allocation, repr, hashing, comparison, the
// operator slots (+ * % in, indexing, slicing, bytearray item assignment), iteration, the
// bytes()/bytearray() constructors, and the utf-8 / ascii / latin-1 codecs behind str.encode and
// bytes.decode. Methods shared by both types are in bytes_methods.cpp.
#include "bytes_object.hpp"

#include <cstring>
#include <vector>

#include "dict_object.hpp"
#include "int_object.hpp"
#include "interp.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "str_impl.hpp"
#include "tuple_object.hpp"
#include "unicode.hpp"

namespace eddy::rt {

// ---- allocation and type checks ----

Bytes* make_bytes(Interp& in, std::string_view data) {
    Bytes* b = in.heap.alloc<Bytes>(in.types.bytes, sizeof(Bytes) + data.size() + 1);
    b->size = data.size();
    if (!data.empty()) std::memcpy(b->data(), data.data(), data.size());
    b->data()[data.size()] = '\0';
    return b;
}

static void bytearray_finalize(Obj* self) { static_cast<ByteArray*>(self)->~ByteArray(); }

ByteArray* make_bytearray(Interp& in, std::string_view data) {
    ByteArray* b = in.heap.alloc<ByteArray>(in.types.bytearray);
    b->bytes.assign(data);
    return b;
}

bool is_bytes(const Interp& in, Value v) {
    if (!v.is_obj()) return false;
    Type* t = v.as_obj()->type;
    return t == in.types.bytes || is_subtype(t, in.types.bytes);
}

bool is_bytearray(const Interp& in, Value v) {
    if (!v.is_obj()) return false;
    Type* t = v.as_obj()->type;
    return t == in.types.bytearray || is_subtype(t, in.types.bytearray);
}

// ---- repr ----

// bytes_repr (Objects/bytesobject.c): quotes like str's repr, \xhh for the non-printable.
std::string bytes_repr_text(std::string_view data) {
    bool has_single = data.find('\'') != std::string_view::npos;
    bool has_double = data.find('"') != std::string_view::npos;
    char quote = has_single && !has_double ? '"' : '\'';
    static const char digits[] = "0123456789abcdef";
    std::string out = "b";
    out.reserve(data.size() + 3);
    out.push_back(quote);
    for (char ch : data) {
        auto c = static_cast<unsigned char>(ch);
        if (c == static_cast<unsigned char>(quote) || c == '\\') {
            out.push_back('\\');
            out.push_back(ch);
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c < ' ' || c >= 0x7f) {
            out += "\\x";
            out.push_back(digits[c >> 4]);
            out.push_back(digits[c & 15]);
        } else {
            out.push_back(ch);
        }
    }
    out.push_back(quote);
    return out;
}

// The bytes of a bytes or bytearray value (callers check the type first).
std::string_view byte_view(const Interp& in, Value v) {
    if (is_bytes(in, v)) return v.as<Bytes>()->view();
    return v.as<ByteArray>()->bytes;
}

bool is_byteslike(const Interp& in, Value v) { return is_bytes(in, v) || is_bytearray(in, v); }

static Result<Value> bytes_repr_slot(Interp& in, Value self) {
    return new_str(in, bytes_repr_text(self.as<Bytes>()->view()));
}

static Result<Value> bytearray_repr_slot(Interp& in, Value self) {
    std::string name = self.as_obj()->type->name;
    return new_str(in, name + "(" + bytes_repr_text(self.as<ByteArray>()->bytes) + ")");
}

static Result<int64_t> bytes_hash_slot(Interp&, Value self) {
    Bytes* b = self.as<Bytes>();
    if (b->hash == -1) b->hash = bytes_hash_of(b->view());
    return b->hash;
}

static Result<int64_t> bytes_len_slot(Interp& in, Value self) { return int64_t(byte_view(in, self).size()); }
static Result<bool> bytes_truth_slot(Interp& in, Value self) { return !byte_view(in, self).empty(); }

static Result<Value> bytes_richcmp_slot(Interp& in, Value a, Value b, vm::CmpOp op) {
    if (!is_byteslike(in, a) || !is_byteslike(in, b)) return Value::not_implemented();
    std::string_view x = byte_view(in, a), y = byte_view(in, b);
    int c = x.compare(y);
    switch (op) {
    case vm::CmpOp::Eq: return Value::boolean(c == 0);
    case vm::CmpOp::Ne: return Value::boolean(c != 0);
    case vm::CmpOp::Lt: return Value::boolean(c < 0);
    case vm::CmpOp::Le: return Value::boolean(c <= 0);
    case vm::CmpOp::Gt: return Value::boolean(c > 0);
    default: return Value::boolean(c >= 0);
    }
}

// A result of the same kind as `self` (bytearray methods return bytearrays).
Value make_like(Interp& in, Value self, std::string_view data) {
    if (is_bytearray(in, self)) return Value::from_obj(make_bytearray(in, data));
    return Value::from_obj(make_bytes(in, data));
}

// ---- + * % ----

static Result<Value> repeat_bytes(Interp& in, Value self, Value count) {
    if (!is_int(in, count) && !type_of(in, count)->index) {
        Type* ct = type_of(in, count);
        if ((ct->flags & TF_HeapType) && ct->rbinary) return Value::not_implemented();
        return in.raise(in.exc.TypeError, "can't multiply sequence by non-int of type '"
                                              + std::string(type_name(in, count)) + "'");
    }
    int64_t n = EDDY_TRY(index_as_int64(in, count));
    std::string_view d = byte_view(in, self);
    if (n <= 0 || d.empty()) return make_like(in, self, {});
    if (uint64_t(n) > (uint64_t(1) << 62) / d.size() || in.heap.would_exceed(d.size() * size_t(n)))
        return in.raise_memory_error();
    std::string out;
    out.reserve(d.size() * size_t(n));
    for (int64_t k = 0; k < n; ++k) out.append(d);
    return make_like(in, self, out);
}

static Result<Value> bytes_binary_slot(Interp& in, Value a, Value b, vm::BinOp op) {
    if (!is_byteslike(in, a)) return Value::not_implemented();
    switch (op) {
    case vm::BinOp::Add:
    case vm::BinOp::InplaceAdd: {
        if (!is_byteslike(in, b)) {
            Type* bt = type_of(in, b);
            if ((bt->flags & TF_HeapType) && bt->rbinary) return Value::not_implemented();
            return in.raise(in.exc.TypeError, "can't concat " + std::string(type_name(in, b)) + " to "
                                                  + std::string(type_name(in, a)));
        }
        if (op == vm::BinOp::InplaceAdd && is_bytearray(in, a)) {
            std::string tail(byte_view(in, b));   // b may be a itself
            a.as<ByteArray>()->bytes.append(tail);
            return a;
        }
        std::string out(byte_view(in, a));
        out.append(byte_view(in, b));
        if (in.heap.would_exceed(out.size())) return in.raise_memory_error();
        return make_like(in, a, out);
    }
    case vm::BinOp::Mul:
    case vm::BinOp::InplaceMul:
        if (op == vm::BinOp::InplaceMul && is_bytearray(in, a)) {
            Value r = EDDY_TRY(repeat_bytes(in, a, b));
            if (r.is_not_implemented()) return r;
            a.as<ByteArray>()->bytes = r.as<ByteArray>()->bytes;
            return a;
        }
        return repeat_bytes(in, a, b);
    case vm::BinOp::Mod:
    case vm::BinOp::InplaceMod: {
        std::string out = EDDY_TRY(percent_format(in, byte_view(in, a), b, true));
        return make_like(in, a, out);
    }
    default:
        return Value::not_implemented();
    }
}

static Result<Value> bytes_rbinary_slot(Interp& in, Value self, Value other, vm::BinOp op) {
    if (op == vm::BinOp::Mul && is_byteslike(in, self)) return repeat_bytes(in, self, other);
    return Value::not_implemented();
}

// ---- in, [], item assignment ----

// A byte value from an int argument: "byte must be in range(0, 256)".
static Result<int> byte_value(Interp& in, Value v) {
    int64_t n = EDDY_TRY(index_as_int64(in, v));
    if (n < 0 || n > 255) return in.raise(in.exc.ValueError, "byte must be in range(0, 256)");
    return int(n);
}

static Result<bool> bytes_contains_slot(Interp& in, Value self, Value item) {
    std::string_view d = byte_view(in, self);
    if (is_byteslike(in, item)) return d.find(byte_view(in, item)) != std::string_view::npos;
    if (!is_int(in, item) && !type_of(in, item)->index)
        return in.raise(in.exc.TypeError, "a bytes-like object is required, not '"
                                              + std::string(type_name(in, item)) + "'");
    int b = EDDY_TRY(byte_value(in, item));
    return d.find(char(b)) != std::string_view::npos;
}

static Result<Value> bytes_getitem_slot(Interp& in, Value self, Value key) {
    std::string_view d = byte_view(in, self);
    bool array = is_bytearray(in, self);
    if (is_int(in, key) || type_of(in, key)->index) {
        int64_t i = EDDY_TRY(index_as_int64(in, key));
        if (i < 0) i += int64_t(d.size());
        if (i < 0 || i >= int64_t(d.size()))
            return in.raise(in.exc.IndexError, array ? "bytearray index out of range" : "index out of range");
        return Value::from_small_int(static_cast<unsigned char>(d[size_t(i)]));
    }
    SliceBounds b;
    bool is_slice = EDDY_TRY(slice_bounds(in, key, int64_t(d.size()), b));
    if (!is_slice)
        return in.raise(in.exc.TypeError, std::string(array ? "bytearray" : "byte")
                                              + " indices must be integers or slices, not "
                                              + std::string(type_name(in, key)));
    std::string out;
    out.reserve(size_t(std::max<int64_t>(b.count, 0)));
    for (int64_t i = 0, k = b.start; i < b.count; ++i, k += b.step) out.push_back(d[size_t(k)]);
    return make_like(in, self, out);
}

static Status bytearray_setitem_slot(Interp& in, Value self, Value key, Value value) {
    std::string& d = self.as<ByteArray>()->bytes;
    if (is_int(in, key) || type_of(in, key)->index) {
        int64_t i = EDDY_TRY(index_as_int64(in, key));
        if (i < 0) i += int64_t(d.size());
        if (i < 0 || i >= int64_t(d.size())) return in.raise(in.exc.IndexError, "bytearray index out of range");
        if (value.is_null()) {
            d.erase(size_t(i), 1);
            return ok();
        }
        int b = EDDY_TRY(byte_value(in, value));
        d[size_t(i)] = char(b);
        return ok();
    }
    SliceBounds b;
    bool is_slice = EDDY_TRY(slice_bounds(in, key, int64_t(d.size()), b));
    if (!is_slice)
        return in.raise(in.exc.TypeError, "bytearray indices must be integers or slices, not "
                                              + std::string(type_name(in, key)));
    std::string repl;
    if (!value.is_null()) repl = EDDY_TRY(bytes_from_iterable(in, value));
    if (b.step == 1) {
        size_t start = size_t(b.start), count = size_t(std::max<int64_t>(b.count, 0));
        d.replace(start, count, repl);
        return ok();
    }
    if (value.is_null()) {
        std::vector<bool> doomed(d.size(), false);
        for (int64_t i = 0, k = b.start; i < b.count; ++i, k += b.step) doomed[size_t(k)] = true;
        std::string kept;
        for (size_t i = 0; i < d.size(); ++i)
            if (!doomed[i]) kept.push_back(d[i]);
        d = kept;
        return ok();
    }
    if (int64_t(repl.size()) != b.count)
        return in.raise(in.exc.ValueError, "attempt to assign bytes of size " + std::to_string(repl.size())
                                               + " to extended slice of size " + std::to_string(b.count));
    for (int64_t i = 0, k = b.start; i < b.count; ++i, k += b.step) d[size_t(k)] = repl[size_t(i)];
    return ok();
}

// ---- iteration ----

struct BytesIterator : Obj {
    Value seq = Value::null();   // the bytes or bytearray, null once exhausted
    size_t pos = 0;
};

static void bytes_iterator_trace(Obj* self, Tracer& t) { t.mark(static_cast<BytesIterator*>(self)->seq); }

static Result<Value> bytes_iter_slot(Interp& in, Value self) {
    BytesIterator* it = in.heap.alloc<BytesIterator>(in.types.bytes_iterator);
    it->seq = self;
    return Value::from_obj(it);
}

static Result<Value> bytes_iterator_next(Interp& in, Value self) {
    BytesIterator* it = self.as<BytesIterator>();
    if (it->seq.is_null()) return Value::null();
    std::string_view d = byte_view(in, it->seq);
    if (it->pos >= d.size()) {
        it->seq = Value::null();
        return Value::null();
    }
    return Value::from_small_int(static_cast<unsigned char>(d[it->pos++]));
}

static Result<Value> iter_self(Interp&, Value self) { return self; }

// ---- codecs: utf-8, ascii, latin-1 ----

namespace {

enum class Codec { Utf8, Ascii, Latin1, Unknown };

// Python's codec lookup normalises case, spaces and underscores (encodings.normalize_encoding).
Codec find_codec(std::string_view name) {
    std::string n;
    for (char c : name) n.push_back(c == '_' || c == ' ' ? '-' : char(std::tolower(static_cast<unsigned char>(c))));
    if (n == "utf-8" || n == "utf8" || n == "u8" || n == "utf" || n == "cp65001") return Codec::Utf8;
    if (n == "ascii" || n == "us-ascii" || n == "646" || n == "us") return Codec::Ascii;
    if (n == "latin-1" || n == "latin1" || n == "iso-8859-1" || n == "iso8859-1" || n == "8859"
        || n == "cp819" || n == "l1" || n == "latin" || n == "iso-ir-100")
        return Codec::Latin1;
    return Codec::Unknown;
}

const char* codec_name(Codec c) { return c == Codec::Utf8 ? "utf-8" : c == Codec::Ascii ? "ascii" : "latin-1"; }

Error unknown_encoding(Interp& in, std::string_view name) {
    return in.raise(in.exc.LookupError, "unknown encoding: " + std::string(name));
}

Error unknown_handler(Interp& in, std::string_view errors) {
    return in.raise(in.exc.LookupError, "unknown error handler name '" + std::string(errors) + "'");
}

std::string char_escape(char32_t c) {
    char buf[16];
    if (c <= 0xff) std::snprintf(buf, sizeof buf, "\\x%02x", unsigned(c));
    else if (c <= 0xffff) std::snprintf(buf, sizeof buf, "\\u%04x", unsigned(c));
    else std::snprintf(buf, sizeof buf, "\\U%08x", unsigned(c));
    return buf;
}

} // namespace

// str.encode: characters the codec cannot represent go through the `errors` handler.
Result<Value> encode_str(Interp& in, Str* s, std::string_view encoding, std::string_view errors) {
    Codec codec = find_codec(encoding);
    if (codec == Codec::Unknown) return unknown_encoding(in, encoding);
    char32_t limit = codec == Codec::Ascii ? 0x80 : codec == Codec::Latin1 ? 0x100 : 0x110000;
    if (s->ascii) return Value::from_obj(make_bytes(in, s->view()));
    std::string out;
    out.reserve(s->size);
    size_t index = 0;
    for (const char* p = s->data(); p < s->data() + s->size; ++index) {
        const char* start = p;
        char32_t c = uni::decode(p);
        bool surrogate = c >= 0xD800 && c <= 0xDFFF;
        if (c < limit && !surrogate) {
            if (codec == Codec::Utf8) out.append(start, size_t(p - start));
            else out.push_back(char(c));
            continue;
        }
        if (errors == "strict") {
            std::string reason = surrogate && codec == Codec::Utf8 ? "surrogates not allowed"
                                 : codec == Codec::Ascii ? "ordinal not in range(128)"
                                                         : "ordinal not in range(256)";
            return in.raise(in.exc.UnicodeEncodeError, std::string("'") + codec_name(codec)
                                + "' codec can't encode character '" + char_escape(c) + "' in position "
                                + std::to_string(index) + ": " + reason);
        }
        if (errors == "ignore") continue;
        if (errors == "replace") out.push_back('?');
        else if (errors == "backslashreplace") out += char_escape(c);
        else if (errors == "xmlcharrefreplace") out += "&#" + std::to_string(unsigned(c)) + ";";
        else return unknown_handler(in, errors);
    }
    return Value::from_obj(make_bytes(in, out));
}

static Result<Value> decode_utf8(Interp& in, std::string_view data, std::string_view errors) {
    std::string out;
    size_t i = 0;
    for (;;) {
        size_t bad_len;
        size_t bad = i + uni::validate(data.substr(i), bad_len);
        out.append(data.substr(i, bad - i));
        if (bad >= data.size()) break;
        auto lead = static_cast<unsigned char>(data[bad]);
        if (errors == "strict") {
            const char* reason = (lead < 0xC2 || lead > 0xF4) ? "invalid start byte"
                                 : bad + bad_len >= data.size() ? "unexpected end of data"
                                                                : "invalid continuation byte";
            char buf[160];
            if (bad_len == 1)
                std::snprintf(buf, sizeof buf, "'utf-8' codec can't decode byte 0x%02x in position %zu: %s", lead, bad, reason);
            else
                std::snprintf(buf, sizeof buf, "'utf-8' codec can't decode bytes in position %zu-%zu: %s", bad,
                              bad + bad_len - 1, reason);
            return in.raise(in.exc.UnicodeDecodeError, buf);
        }
        if (errors == "replace") out += "\xEF\xBF\xBD";
        else if (errors == "backslashreplace")
            for (size_t k = 0; k < bad_len; ++k) out += char_escape(static_cast<unsigned char>(data[bad + k]));
        else if (errors != "ignore") return unknown_handler(in, errors);
        i = bad + bad_len;
    }
    return new_str(in, out);
}

// bytes.decode / str(bytes, encoding, errors).
Result<Value> decode_bytes(Interp& in, std::string_view data, std::string_view encoding, std::string_view errors) {
    Codec codec = find_codec(encoding);
    if (codec == Codec::Unknown) return unknown_encoding(in, encoding);
    if (codec == Codec::Utf8) return decode_utf8(in, data, errors);
    std::string out;
    out.reserve(data.size());
    for (size_t i = 0; i < data.size(); ++i) {
        auto b = static_cast<unsigned char>(data[i]);
        if (b < 0x80 || codec == Codec::Latin1) {
            uni::append(out, b);
            continue;
        }
        if (errors == "strict") {
            char buf[128];
            std::snprintf(buf, sizeof buf, "'ascii' codec can't decode byte 0x%02x in position %zu: ordinal not in range(128)", b, i);
            return in.raise(in.exc.UnicodeDecodeError, buf);
        }
        if (errors == "replace") out += "\xEF\xBF\xBD";
        else if (errors == "backslashreplace") out += char_escape(b);
        else if (errors != "ignore") return unknown_handler(in, errors);
    }
    return new_str(in, out);
}

// ---- constructors ----

Result<std::string> bytes_from_iterable(Interp& in, Value v) {
    if (is_byteslike(in, v)) return std::string(byte_view(in, v));
    if (is_str(in, v)) return in.raise(in.exc.TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
    std::string out;
    EDDY_CHECK(for_each(in, v, [&](Value item) -> Status {
        int64_t n = EDDY_TRY(index_as_int64(in, item));
        if (n < 0 || n > 255) return in.raise(in.exc.ValueError, "byte must be in range(0, 256)");
        out.push_back(char(n));
        return ok();
    }));
    return out;
}

// bytes(source), the one-argument forms shared by bytes() and bytearray().
static Result<std::string> bytes_source(Interp& in, Value src, bool array) {
    if (is_byteslike(in, src)) return std::string(byte_view(in, src));
    if (is_str(in, src)) return in.raise(in.exc.TypeError, "string argument without an encoding");
    if (!array) {
        Value m = EDDY_TRY(get_attr_or_null(in, src, in.names.dunder_bytes));
        if (!m.is_null()) {
            Value b = EDDY_TRY(call(in, m, {}));
            if (!is_bytes(in, b))
                return in.raise(in.exc.TypeError, "__bytes__ returned non-bytes (type " + std::string(type_name(in, b)) + ")");
            return std::string(b.as<Bytes>()->view());
        }
    }
    if (is_int(in, src) || type_of(in, src)->index) {
        int64_t n = EDDY_TRY(index_as_int64(in, src));
        if (n < 0) return in.raise(in.exc.ValueError, "negative count");
        if (in.heap.would_exceed(size_t(n))) return in.raise_memory_error();
        return std::string(size_t(n), '\0');
    }
    if (!type_of(in, src)->iter && !type_of(in, src)->getitem)
        return in.raise(in.exc.TypeError, "cannot convert '" + std::string(type_name(in, src)) + "' object to "
                                              + (array ? "bytearray" : "bytes"));
    std::string out;
    EDDY_CHECK(for_each(in, src, [&](Value item) -> Status {
        if (!is_int(in, item) && !type_of(in, item)->index)
            return in.raise(in.exc.TypeError, "'" + std::string(type_name(in, item)) + "' object cannot be interpreted as an integer");
        int64_t n = EDDY_TRY(index_as_int64(in, item));
        if (n < 0 || n > 255) return in.raise(in.exc.ValueError, "bytes must be in range(0, 256)");
        out.push_back(char(n));
        return ok();
    }));
    return out;
}

// Binds bytes(source=?, encoding=?, errors=?) from raw call arguments.
static Result<std::string> bytes_ctor_data(Interp& in, CallArgs args, bool array) {
    static constexpr std::string_view names[3] = {"source", "encoding", "errors"};
    const char* fname = array ? "bytearray" : "bytes";
    Value slots[3] = {Value::null(), Value::null(), Value::null()};
    size_t total = args.count + args.kw_count();
    if (total > 3)
        return in.raise(in.exc.TypeError, std::string(fname) + "() takes at most 3 arguments (" + std::to_string(total) + " given)");
    for (size_t i = 0; i < args.count; ++i) slots[i] = args.values[i];
    for (size_t k = 0; k < args.kw_count(); ++k) {
        std::string_view name = (*args.kwnames)[k].as<Str>()->view();
        size_t at = 0;
        while (at < 3 && names[at] != name) ++at;
        if (at == 3)
            return in.raise(in.exc.TypeError, "'" + std::string(name) + "' is an invalid keyword argument for " + fname + "()");
        slots[at] = args.values[args.count + k];
    }
    if (slots[1].is_null() && slots[2].is_null()) {
        if (slots[0].is_null()) return std::string();
        return bytes_source(in, slots[0], array);
    }
    if (!is_str(in, slots[0]))
        return in.raise(in.exc.TypeError, slots[1].is_null() ? "errors without a string argument" : "encoding without a string argument");
    if (!slots[1].is_null() && !is_str(in, slots[1]))
        return raise_must_be_str(in, std::string(fname) + "() argument 'encoding'", slots[1]);
    if (!slots[2].is_null() && !is_str(in, slots[2]))
        return raise_must_be_str(in, std::string(fname) + "() argument 'errors'", slots[2]);
    std::string_view enc = slots[1].is_null() ? "utf-8" : slots[1].as<Str>()->view();
    std::string_view err = slots[2].is_null() ? "strict" : slots[2].as<Str>()->view();
    Value b = EDDY_TRY(encode_str(in, slots[0].as<Str>(), enc, err));
    return std::string(b.as<Bytes>()->view());
}

static Result<Value> bytes_new_slot(Interp& in, Type* type, CallArgs args) {
    if (args.count == 1 && args.kw_count() == 0 && type == in.types.bytes && is_bytes(in, args.values[0])
        && args.values[0].as_obj()->type == in.types.bytes)
        return args.values[0];
    std::string data = EDDY_TRY(bytes_ctor_data(in, args, false));
    Bytes* b = in.heap.alloc<Bytes>(type, sizeof(Bytes) + data.size() + 1);
    b->size = data.size();
    std::memcpy(b->data(), data.data(), data.size());
    b->data()[data.size()] = '\0';
    return Value::from_obj(b);
}

static Result<Value> bytearray_new_slot(Interp& in, Type* type, CallArgs args) {
    std::string data = EDDY_TRY(bytes_ctor_data(in, args, true));
    ByteArray* b = in.heap.alloc<ByteArray>(type, std::max<size_t>(type->instance_size, sizeof(ByteArray)));
    b->bytes = std::move(data);
    return Value::from_obj(b);
}

// ---- start-up ----

void init_bytes_types(Interp& in) {
    Type* b = in.types.bytes;
    b->flags |= TF_BaseType;
    b->instance_size = sizeof(Bytes);
    b->repr = bytes_repr_slot;
    b->str = bytes_repr_slot;
    b->hash = bytes_hash_slot;
    b->len = bytes_len_slot;
    b->truth = bytes_truth_slot;
    b->richcmp = bytes_richcmp_slot;
    b->binary = bytes_binary_slot;
    b->rbinary = bytes_rbinary_slot;
    b->contains = bytes_contains_slot;
    b->getitem = bytes_getitem_slot;
    b->iter = bytes_iter_slot;
    b->new_ = bytes_new_slot;

    Type* a = in.types.bytearray;
    a->flags |= TF_BaseType;
    a->instance_size = sizeof(ByteArray);
    a->repr = bytearray_repr_slot;
    a->str = bytearray_repr_slot;
    a->len = bytes_len_slot;
    a->truth = bytes_truth_slot;
    a->richcmp = bytes_richcmp_slot;
    a->binary = bytes_binary_slot;
    a->rbinary = bytes_rbinary_slot;
    a->contains = bytes_contains_slot;
    a->getitem = bytes_getitem_slot;
    a->setitem = bytearray_setitem_slot;
    a->iter = bytes_iter_slot;
    a->new_ = bytearray_new_slot;
    a->finalize = bytearray_finalize;
    // bytearray is unhashable (CPython sets __hash__ = None), whatever object provides.
    dict_set_str(in, a->dict, in.names.dunder_hash, Value::none());

    Type* it = in.types.bytes_iterator;
    it->instance_size = sizeof(BytesIterator);
    it->iter = iter_self;
    it->next = bytes_iterator_next;
    it->trace = bytes_iterator_trace;

    init_bytes_methods(in);
}

} // namespace eddy::rt
