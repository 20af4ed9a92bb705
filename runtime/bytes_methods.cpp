// runtime/bytes_methods.cpp: the methods of bytes and bytearray (CPython's Objects/bytes_methods.c
// and the bytes halves of Objects/stringlib): searching, splitting, joining, stripping, padding,
// ASCII case mapping and predicates, hex/fromhex, decode, and bytearray's mutators. Each method
// serves both types; results take the receiver's type (make_like).
#include <algorithm>
#include <cstring>

#include "dict_object.hpp"
#include "int_object.hpp"
#include "interp.hpp"
#include "list_object.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "str_impl.hpp"
#include "tuple_object.hpp"
#include "unicode.hpp"

namespace eddy::rt {

namespace {

using sv = std::string_view;
constexpr size_t npos = sv::npos;

bool ascii_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
bool ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
bool ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool ascii_alpha(char c) { return ascii_lower(c) || ascii_upper(c); }
bool ascii_digit(char c) { return c >= '0' && c <= '9'; }

Error need_byteslike(Interp& in, Value v) {
    return in.raise(in.exc.TypeError, "a bytes-like object is required, not '" + std::string(type_name(in, v)) + "'");
}

Result<sv> bytes_arg(Interp& in, Value v) {
    if (is_byteslike(in, v)) return byte_view(in, v);
    return need_byteslike(in, v);
}

// A search argument: bytes-like, or an int naming one byte (find, count, index, `in`).
Result<std::string> needle_arg(Interp& in, Value v) {
    if (is_byteslike(in, v)) return std::string(byte_view(in, v));
    if (!is_int(in, v) && !type_of(in, v)->index) return need_byteslike(in, v);
    int64_t n = EDDY_TRY(index_as_int64(in, v));
    if (n < 0 || n > 255) return in.raise(in.exc.ValueError, "byte must be in range(0, 256)");
    return std::string(1, char(n));
}

Result<int64_t> int_arg(Interp& in, Value v) {
    if (!is_int(in, v) && !type_of(in, v)->index)
        return in.raise(in.exc.TypeError, "'" + std::string(type_name(in, v)) + "' object cannot be interpreted as an integer");
    return index_as_int64(in, v);
}

Value like(Interp& in, Args args, sv data) { return make_like(in, args[0], data); }

} // namespace

// ---- searching ----

static Result<int64_t> find_impl(Interp& in, Args args, bool reverse) {
    sv d = byte_view(in, args[0]);
    std::string sub = EDDY_TRY(needle_arg(in, args[1]));
    int64_t start, end;
    EDDY_CHECK(adjust_range(in, args[2], args[3], int64_t(d.size()), start, end));
    if (end - start < int64_t(sub.size())) return int64_t(-1);
    sv hay = d.substr(size_t(start), size_t(end - start));
    size_t at = reverse ? hay.rfind(sub) : hay.find(sub);
    return at == npos ? int64_t(-1) : start + int64_t(at);
}

static Result<Value> bytes_find(Interp& in, Args args) { return make_int(in, EDDY_TRY(find_impl(in, args, false))); }
static Result<Value> bytes_rfind(Interp& in, Args args) { return make_int(in, EDDY_TRY(find_impl(in, args, true))); }
static Result<Value> bytes_index(Interp& in, Args args) {
    int64_t at = EDDY_TRY(find_impl(in, args, false));
    if (at < 0) return in.raise(in.exc.ValueError, "subsection not found");
    return make_int(in, at);
}
static Result<Value> bytes_rindex(Interp& in, Args args) {
    int64_t at = EDDY_TRY(find_impl(in, args, true));
    if (at < 0) return in.raise(in.exc.ValueError, "subsection not found");
    return make_int(in, at);
}

static Result<Value> bytes_count(Interp& in, Args args) {
    sv d = byte_view(in, args[0]);
    std::string sub = EDDY_TRY(needle_arg(in, args[1]));
    int64_t start, end;
    EDDY_CHECK(adjust_range(in, args[2], args[3], int64_t(d.size()), start, end));
    if (end - start < int64_t(sub.size())) return make_int(in, 0);
    if (sub.empty()) return make_int(in, end - start + 1);
    sv hay = d.substr(size_t(start), size_t(end - start));
    int64_t n = 0;
    for (size_t at = hay.find(sub); at != npos; at = hay.find(sub, at + sub.size())) ++n;
    return make_int(in, n);
}

static Result<Value> starts_ends(Interp& in, Args args, bool at_end) {
    const char* name = at_end ? "endswith" : "startswith";
    sv d = byte_view(in, args[0]);
    int64_t start, end;
    EDDY_CHECK(adjust_range(in, args[2], args[3], int64_t(d.size()), start, end));
    auto match = [&](sv sub) {
        int64_t e = end - int64_t(sub.size());
        if (e < start) return false;
        return d.substr(size_t(at_end ? e : start), sub.size()) == sub;
    };
    Value what = args[1];
    if (is_byteslike(in, what)) return Value::boolean(match(byte_view(in, what)));
    if (!is_tuple(in, what))
        return in.raise(in.exc.TypeError, std::string(name) + " first arg must be bytes or a tuple of bytes, not "
                                              + std::string(type_name(in, what)));
    for (Value item : what.as<Tuple>()->span()) {
        if (!is_byteslike(in, item))
            return in.raise(in.exc.TypeError, "a bytes-like object is required, not '" + std::string(type_name(in, item)) + "'");
        if (match(byte_view(in, item))) return Value::boolean(true);
    }
    return Value::boolean(false);
}

static Result<Value> bytes_startswith(Interp& in, Args args) { return starts_ends(in, args, false); }
static Result<Value> bytes_endswith(Interp& in, Args args) { return starts_ends(in, args, true); }

// ---- split / join ----

static Result<Value> split_impl(Interp& in, Args args, bool reverse) {
    std::string d(byte_view(in, args[0]));
    int64_t maxsplit = EDDY_TRY(int_arg(in, args[2]));
    if (maxsplit < 0) maxsplit = INT64_MAX;
    List* out = make_list(in);
    auto push = [&](size_t from, size_t to) { out->items.push_back(like(in, args, sv(d).substr(from, to - from))); };
    if (args[1].is_none()) {
        if (!reverse) {
            size_t i = 0, n = d.size();
            for (;;) {
                while (i < n && ascii_space(d[i])) ++i;
                if (i == n) break;
                if (maxsplit-- == 0) { push(i, n); break; }
                size_t j = i;
                while (j < n && !ascii_space(d[j])) ++j;
                push(i, j);
                i = j;
            }
        } else {
            size_t j = d.size();
            for (;;) {
                while (j > 0 && ascii_space(d[j - 1])) --j;
                if (j == 0) break;
                if (maxsplit-- == 0) { push(0, j); break; }
                size_t i = j;
                while (i > 0 && !ascii_space(d[i - 1])) --i;
                push(i, j);
                j = i;
            }
            std::reverse(out->items.begin(), out->items.end());
        }
        return Value::from_obj(out);
    }
    sv sep = EDDY_TRY(bytes_arg(in, args[1]));
    if (sep.empty()) return in.raise(in.exc.ValueError, "empty separator");
    std::string s(sep);
    if (!reverse) {
        size_t i = 0;
        for (size_t at; maxsplit > 0 && (at = d.find(s, i)) != npos; --maxsplit) {
            push(i, at);
            i = at + s.size();
        }
        push(i, d.size());
    } else {
        size_t j = d.size();
        for (; maxsplit > 0 && j >= s.size(); --maxsplit) {
            size_t at = sv(d).substr(0, j).rfind(s);
            if (at == npos) break;
            push(at + s.size(), j);
            j = at;
        }
        push(0, j);
        std::reverse(out->items.begin(), out->items.end());
    }
    return Value::from_obj(out);
}

static Result<Value> bytes_split(Interp& in, Args args) { return split_impl(in, args, false); }
static Result<Value> bytes_rsplit(Interp& in, Args args) { return split_impl(in, args, true); }

static Result<Value> bytes_splitlines(Interp& in, Args args) {
    std::string d(byte_view(in, args[0]));
    bool keepends = EDDY_TRY(int_arg(in, args[1])) != 0;
    List* out = make_list(in);
    size_t i = 0;
    while (i < d.size()) {
        size_t j = i;
        while (j < d.size() && d[j] != '\n' && d[j] != '\r') ++j;
        size_t eol = j < d.size() ? ((d[j] == '\r' && j + 1 < d.size() && d[j + 1] == '\n') ? 2 : 1) : 0;
        out->items.push_back(like(in, args, sv(d).substr(i, (keepends ? j + eol : j) - i)));
        i = j + eol;
    }
    return Value::from_obj(out);
}

static Result<Value> bytes_join(Interp& in, Args args) {
    std::string sep(byte_view(in, args[0]));
    List* holder = make_list(in);
    EDDY_CHECK(for_each(in, args[1], [&](Value item) -> Status {
        holder->items.push_back(item);
        return ok();
    }));
    std::string out;
    for (size_t i = 0; i < holder->items.size(); ++i) {
        Value item = holder->items[i];
        if (!is_byteslike(in, item))
            return in.raise(in.exc.TypeError, "sequence item " + std::to_string(i) + ": expected a bytes-like object, "
                                                  + std::string(type_name(in, item)) + " found");
        if (i) out += sep;
        out.append(byte_view(in, item));
    }
    return like(in, args, out);
}

static Result<Value> partition_impl(Interp& in, Args args, bool reverse) {
    std::string d(byte_view(in, args[0]));
    sv sep = EDDY_TRY(bytes_arg(in, args[1]));
    if (sep.empty()) return in.raise(in.exc.ValueError, "empty separator");
    size_t at = reverse ? d.rfind(sep) : d.find(sep);
    Tuple* t = make_tuple(in, 3);
    if (at == npos) {
        t->items()[0] = like(in, args, reverse ? sv() : sv(d));
        t->items()[1] = like(in, args, {});
        t->items()[2] = like(in, args, reverse ? sv(d) : sv());
    } else {
        t->items()[0] = like(in, args, sv(d).substr(0, at));
        t->items()[1] = like(in, args, sep);
        t->items()[2] = like(in, args, sv(d).substr(at + sep.size()));
    }
    return Value::from_obj(t);
}

static Result<Value> bytes_partition(Interp& in, Args args) { return partition_impl(in, args, false); }
static Result<Value> bytes_rpartition(Interp& in, Args args) { return partition_impl(in, args, true); }

// ---- strip, replace, padding ----

static Result<Value> strip_impl(Interp& in, Args args, bool left, bool right) {
    sv d = byte_view(in, args[0]);
    std::string chars;
    bool whitespace = !args.has(1) || args[1].is_none();
    if (!whitespace) chars = EDDY_TRY(bytes_arg(in, args[1]));
    auto member = [&](char c) { return whitespace ? ascii_space(c) : chars.find(c) != npos; };
    size_t i = 0, j = d.size();
    if (left) while (i < j && member(d[i])) ++i;
    if (right) while (j > i && member(d[j - 1])) --j;
    return like(in, args, d.substr(i, j - i));
}

static Result<Value> bytes_strip(Interp& in, Args args) { return strip_impl(in, args, true, true); }
static Result<Value> bytes_lstrip(Interp& in, Args args) { return strip_impl(in, args, true, false); }
static Result<Value> bytes_rstrip(Interp& in, Args args) { return strip_impl(in, args, false, true); }

static Result<Value> bytes_removeprefix(Interp& in, Args args) {
    sv d = byte_view(in, args[0]);
    sv p = EDDY_TRY(bytes_arg(in, args[1]));
    return like(in, args, d.starts_with(p) ? d.substr(p.size()) : d);
}

static Result<Value> bytes_removesuffix(Interp& in, Args args) {
    sv d = byte_view(in, args[0]);
    sv p = EDDY_TRY(bytes_arg(in, args[1]));
    return like(in, args, d.ends_with(p) ? d.substr(0, d.size() - p.size()) : d);
}

static Result<Value> bytes_replace(Interp& in, Args args) {
    std::string d(byte_view(in, args[0]));
    std::string old(EDDY_TRY(bytes_arg(in, args[1])));
    std::string rep(EDDY_TRY(bytes_arg(in, args[2])));
    int64_t count = EDDY_TRY(int_arg(in, args[3]));
    size_t max = count < 0 ? npos : size_t(count);
    std::string out;
    size_t n = 0;
    if (old.empty()) {
        size_t i = 0;
        for (; n < max && i <= d.size(); ++n, ++i) {
            out += rep;
            if (i < d.size()) out.push_back(d[i]);
        }
        if (i < d.size()) out.append(d.substr(i));
    } else {
        size_t i = 0;
        for (size_t at; n < max && (at = d.find(old, i)) != npos; ++n) {
            out.append(d, i, at - i);
            out += rep;
            i = at + old.size();
        }
        out.append(d.substr(i));
    }
    if (in.heap.would_exceed(out.size())) return in.raise_memory_error();
    return like(in, args, out);
}

static Result<Value> pad_impl(Interp& in, Args args, char how, const char* name) {
    sv d = byte_view(in, args[0]);
    int64_t width = EDDY_TRY(int_arg(in, args[1]));
    char fill = ' ';
    if (args.has(2)) {
        Value f = args[2];
        if (!is_byteslike(in, f) || byte_view(in, f).size() != 1)
            return in.raise(in.exc.TypeError, std::string(name) + "() argument 2 must be a byte string of length 1, not "
                                                  + std::string(type_name(in, f)));
        fill = byte_view(in, f)[0];
    }
    if (width <= int64_t(d.size())) return like(in, args, d);
    size_t marg = size_t(width) - d.size();
    size_t left = how == '<' ? 0 : how == '>' ? marg : marg / 2 + (marg & size_t(width) & 1);
    if (in.heap.would_exceed(size_t(width))) return in.raise_memory_error();
    std::string out(left, fill);
    out.append(d);
    out.append(marg - left, fill);
    return like(in, args, out);
}

static Result<Value> bytes_center(Interp& in, Args args) { return pad_impl(in, args, '^', "center"); }
static Result<Value> bytes_ljust(Interp& in, Args args) { return pad_impl(in, args, '<', "ljust"); }
static Result<Value> bytes_rjust(Interp& in, Args args) { return pad_impl(in, args, '>', "rjust"); }

static Result<Value> bytes_zfill(Interp& in, Args args) {
    sv d = byte_view(in, args[0]);
    int64_t width = EDDY_TRY(int_arg(in, args[1]));
    if (width <= int64_t(d.size())) return like(in, args, d);
    size_t fill = size_t(width) - d.size();
    std::string out(fill, '0');
    out.append(d);
    if (!d.empty() && (d[0] == '+' || d[0] == '-')) {
        out[0] = d[0];
        out[fill] = '0';
    }
    return like(in, args, out);
}

// ---- ASCII case mapping and predicates ----

enum class ByteCase { Lower, Upper, Swap, Title, Capitalize };

static Result<Value> case_impl(Interp& in, Args args, ByteCase mode) {
    std::string d(byte_view(in, args[0]));
    bool prev_cased = false;
    for (size_t i = 0; i < d.size(); ++i) {
        char c = d[i];
        bool lo = ascii_lower(c), up = ascii_upper(c);
        bool to_up = false, to_lo = false;
        switch (mode) {
        case ByteCase::Lower: to_lo = up; break;
        case ByteCase::Upper: to_up = lo; break;
        case ByteCase::Swap: to_up = lo; to_lo = up; break;
        case ByteCase::Title: to_up = !prev_cased && lo; to_lo = prev_cased && up; break;
        case ByteCase::Capitalize: to_up = i == 0 && lo; to_lo = i > 0 && up; break;
        }
        if (to_up) d[i] = char(c - 32);
        if (to_lo) d[i] = char(c + 32);
        prev_cased = lo || up;
    }
    return like(in, args, d);
}

static Result<Value> bytes_lower(Interp& in, Args args) { return case_impl(in, args, ByteCase::Lower); }
static Result<Value> bytes_upper(Interp& in, Args args) { return case_impl(in, args, ByteCase::Upper); }
static Result<Value> bytes_swapcase(Interp& in, Args args) { return case_impl(in, args, ByteCase::Swap); }
static Result<Value> bytes_title(Interp& in, Args args) { return case_impl(in, args, ByteCase::Title); }
static Result<Value> bytes_capitalize(Interp& in, Args args) { return case_impl(in, args, ByteCase::Capitalize); }

template <bool (*Pred)(char)>
static Result<Value> all_bytes(Interp& in, Args args) {
    sv d = byte_view(in, args[0]);
    return Value::boolean(!d.empty() && std::all_of(d.begin(), d.end(), Pred));
}

static bool ascii_alnum(char c) { return ascii_alpha(c) || ascii_digit(c); }

static Result<Value> bytes_isascii(Interp& in, Args args) {
    sv d = byte_view(in, args[0]);
    return Value::boolean(std::all_of(d.begin(), d.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }));
}

static Result<Value> bytes_islower(Interp& in, Args args) {
    sv d = byte_view(in, args[0]);
    return Value::boolean(std::any_of(d.begin(), d.end(), ascii_lower) && std::none_of(d.begin(), d.end(), ascii_upper));
}

static Result<Value> bytes_isupper(Interp& in, Args args) {
    sv d = byte_view(in, args[0]);
    return Value::boolean(std::any_of(d.begin(), d.end(), ascii_upper) && std::none_of(d.begin(), d.end(), ascii_lower));
}

// bytes_istitle (Objects/bytes_methods.c): upper case only after uncased bytes, lower case only
// after cased ones, and at least one cased byte.
static Result<Value> bytes_istitle(Interp& in, Args args) {
    bool cased = false, prev_cased = false;
    for (char c : byte_view(in, args[0])) {
        if (ascii_upper(c)) {
            if (prev_cased) return Value::boolean(false);
            prev_cased = cased = true;
        } else if (ascii_lower(c)) {
            if (!prev_cased) return Value::boolean(false);
            prev_cased = cased = true;
        } else {
            prev_cased = false;
        }
    }
    return Value::boolean(cased);
}

// stringlib's expandtabs: the column restarts after \n and \r; a tabsize <= 0 drops the tabs.
static Result<Value> bytes_expandtabs(Interp& in, Args args) {
    sv d = byte_view(in, args[0]);
    int64_t tabsize = EDDY_TRY(int_arg(in, args[1]));
    std::string out;
    size_t column = 0;
    for (char c : d) {
        if (c == '\t') {
            if (tabsize <= 0) continue;
            size_t spaces = size_t(tabsize) - column % size_t(tabsize);
            if (in.heap.would_exceed(out.size() + spaces)) return in.raise_memory_error();
            out.append(spaces, ' ');
            column += spaces;
            continue;
        }
        out.push_back(c);
        column = (c == '\n' || c == '\r') ? 0 : column + 1;
    }
    return like(in, args, out);
}

// bytes.__getnewargs__ and bytes.__bytes__: the contents as an exact bytes object.
static Value exact_bytes(Interp& in, Value self) {
    if (self.as_obj()->type == in.types.bytes) return self;
    return Value::from_obj(make_bytes(in, byte_view(in, self)));
}
static Result<Value> bytes_getnewargs(Interp& in, Args args) {
    Value copy = exact_bytes(in, args[0]);
    return Value::from_obj(make_tuple(in, std::span<const Value>(&copy, 1)));
}
static Result<Value> bytes_dunder_bytes(Interp& in, Args args) { return exact_bytes(in, args[0]); }

// ---- translate / maketrans ----

// bytes.translate(table, /, delete=b''): `table` is None or 256 bytes; `delete` arrives null when
// not given.
static Result<Value> bytes_translate(Interp& in, Args args) {
    sv d = byte_view(in, args[0]);
    sv table;
    if (!args[1].is_none()) {
        table = EDDY_TRY(bytes_arg(in, args[1]));
        if (table.size() != 256)
            return in.raise(in.exc.ValueError, "translation table must be 256 characters long");
    }
    bool drop[256] = {};
    if (!args[2].is_null()) {
        sv deleted = EDDY_TRY(bytes_arg(in, args[2]));
        for (char c : deleted) drop[static_cast<unsigned char>(c)] = true;
    }
    std::string out;
    out.reserve(d.size());
    for (char c : d) {
        auto b = static_cast<unsigned char>(c);
        if (drop[b]) continue;
        out.push_back(table.empty() ? c : table[b]);
    }
    return like(in, args, out);
}

// bytes.maketrans(frm, to, /): a static method returning the 256-byte table.
static Result<Value> bytes_maketrans(Interp& in, Args args) {
    sv from = EDDY_TRY(bytes_arg(in, args[0]));
    sv to = EDDY_TRY(bytes_arg(in, args[1]));
    if (from.size() != to.size())
        return in.raise(in.exc.ValueError, "maketrans arguments must have same length");
    std::string table(256, '\0');
    for (int i = 0; i < 256; ++i) table[size_t(i)] = char(i);
    for (size_t i = 0; i < from.size(); ++i) table[static_cast<unsigned char>(from[i])] = to[i];
    return Value::from_obj(make_bytes(in, table));
}

// ---- hex, fromhex, decode ----

static Result<Value> bytes_hex(Interp& in, Args args) {
    sv d = byte_view(in, args[0]);
    static const char digits[] = "0123456789abcdef";
    std::string sep;
    if (args.has(1)) {
        if (is_str(in, args[1])) sep = args[1].as<Str>()->view();
        else if (is_byteslike(in, args[1])) sep = byte_view(in, args[1]);
        else return in.raise(in.exc.TypeError, "sep must be str or bytes.");
        if (sep.size() != 1) return in.raise(in.exc.ValueError, "sep must be length 1.");
    }
    int64_t group = args.has(2) ? EDDY_TRY(int_arg(in, args[2])) : 1;
    std::string out;
    size_t g = size_t(group < 0 ? -group : group);
    if (g == 0) g = 1;
    for (size_t i = 0; i < d.size(); ++i) {
        if (i && !sep.empty()) {
            // Positive groups count from the right, negative from the left (binascii.hexlify).
            size_t from_edge = group >= 0 ? d.size() - i : i;
            if (from_edge % g == 0) out += sep;
        }
        auto c = static_cast<unsigned char>(d[i]);
        out.push_back(digits[c >> 4]);
        out.push_back(digits[c & 15]);
    }
    return new_str(in, out);
}

static int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// bytes.fromhex(string) / bytearray.fromhex: whitespace between byte pairs is skipped.
static Result<std::string> parse_hex(Interp& in, Value arg) {
    if (!is_str(in, arg)) return raise_must_be_str(in, "fromhex() argument", arg);
    sv s = arg.as<Str>()->view();
    std::string out;
    size_t i = 0;
    while (i < s.size()) {
        if (ascii_space(s[i])) {
            ++i;
            continue;
        }
        int hi = hex_value(s[i]);
        int lo = i + 1 < s.size() ? hex_value(s[i + 1]) : -1;
        if (hi < 0 || lo < 0) {
            size_t pos = hi < 0 ? i : i + 1;
            return in.raise(in.exc.ValueError, "non-hexadecimal number found in fromhex() arg at position "
                                                   + std::to_string(uni::count(s.substr(0, pos))));
        }
        out.push_back(char(hi << 4 | lo));
        i += 2;
    }
    return out;
}

static Result<Value> bytes_fromhex(Interp& in, Args args) {
    std::string data = EDDY_TRY(parse_hex(in, args[0]));
    return Value::from_obj(make_bytes(in, data));
}

static Result<Value> bytearray_fromhex(Interp& in, Args args) {
    std::string data = EDDY_TRY(parse_hex(in, args[0]));
    return Value::from_obj(make_bytearray(in, data));
}

static Result<Value> bytes_decode(Interp& in, Args args) {
    if (!is_str(in, args[1])) return raise_must_be_str(in, "decode() argument 'encoding'", args[1]);
    if (!is_str(in, args[2])) return raise_must_be_str(in, "decode() argument 'errors'", args[2]);
    std::string data(byte_view(in, args[0]));
    return decode_bytes(in, data, args[1].as<Str>()->view(), args[2].as<Str>()->view());
}

// ---- bytearray mutators ----

static std::string& array_of(Args args) { return args[0].as<ByteArray>()->bytes; }

static Result<int> byte_arg(Interp& in, Value v) {
    int64_t n = EDDY_TRY(int_arg(in, v));
    if (n < 0 || n > 255) return in.raise(in.exc.ValueError, "byte must be in range(0, 256)");
    return int(n);
}

static Result<Value> bytearray_append(Interp& in, Args args) {
    int b = EDDY_TRY(byte_arg(in, args[1]));
    array_of(args).push_back(char(b));
    return Value::none();
}

static Result<Value> bytearray_extend(Interp& in, Args args) {
    if (is_str(in, args[1])) return in.raise(in.exc.TypeError, "expected iterable of integers; got: 'str'");
    std::string data = EDDY_TRY(bytes_from_iterable(in, args[1]));
    array_of(args).append(data);
    return Value::none();
}

static Result<Value> bytearray_pop(Interp& in, Args args) {
    std::string& d = array_of(args);
    if (d.empty()) return in.raise(in.exc.IndexError, "pop from empty bytearray");
    int64_t i = args.has(1) ? EDDY_TRY(int_arg(in, args[1])) : -1;
    if (i < 0) i += int64_t(d.size());
    if (i < 0 || i >= int64_t(d.size())) return in.raise(in.exc.IndexError, "pop index out of range");
    auto b = static_cast<unsigned char>(d[size_t(i)]);
    d.erase(size_t(i), 1);
    return Value::from_small_int(b);
}

static Result<Value> bytearray_insert(Interp& in, Args args) {
    std::string& d = array_of(args);
    int64_t i = EDDY_TRY(int_arg(in, args[1]));
    int b = EDDY_TRY(byte_arg(in, args[2]));
    int64_t n = int64_t(d.size());
    if (i < 0) i = std::max<int64_t>(0, i + n);
    if (i > n) i = n;
    d.insert(d.begin() + i, char(b));
    return Value::none();
}

static Result<Value> bytearray_remove(Interp& in, Args args) {
    std::string& d = array_of(args);
    int b = EDDY_TRY(byte_arg(in, args[1]));
    size_t at = d.find(char(b));
    if (at == npos) return in.raise(in.exc.ValueError, "value not found in bytearray");
    d.erase(at, 1);
    return Value::none();
}

static Result<Value> bytearray_clear(Interp&, Args args) {
    array_of(args).clear();
    return Value::none();
}

// bytearray.__alloc__(): the bytes allocated for the contents (at least len + 1, as in CPython).
static Result<Value> bytearray_alloc(Interp&, Args args) {
    return Value::from_small_int(int64_t(array_of(args).capacity() + 1));
}

static Result<Value> bytearray_copy(Interp& in, Args args) {
    return Value::from_obj(make_bytearray(in, array_of(args)));
}

static Result<Value> bytearray_reverse(Interp&, Args args) {
    std::reverse(array_of(args).begin(), array_of(args).end());
    return Value::none();
}

// Methods common to bytes and bytearray.
static void add_shared_methods(Interp& in, Type* t) {
    add_methods(in, t, {
        {"decode(self, /, encoding='utf-8', errors='strict')", bytes_decode},
        {"hex(self, /, sep=?, bytes_per_sep=?)", bytes_hex},
        {"find(self, sub, start=None, end=None, /)", bytes_find},
        {"rfind(self, sub, start=None, end=None, /)", bytes_rfind},
        {"index(self, sub, start=None, end=None, /)", bytes_index},
        {"rindex(self, sub, start=None, end=None, /)", bytes_rindex},
        {"count(self, sub, start=None, end=None, /)", bytes_count},
        {"startswith(self, prefix, start=None, end=None, /)", bytes_startswith},
        {"endswith(self, suffix, start=None, end=None, /)", bytes_endswith},
        {"split(self, /, sep=None, maxsplit=-1)", bytes_split},
        {"rsplit(self, /, sep=None, maxsplit=-1)", bytes_rsplit},
        {"splitlines(self, /, keepends=False)", bytes_splitlines},
        {"join(self, iterable_of_bytes, /)", bytes_join},
        {"partition(self, sep, /)", bytes_partition},
        {"rpartition(self, sep, /)", bytes_rpartition},
        {"strip(self, bytes=None, /)", bytes_strip},
        {"lstrip(self, bytes=None, /)", bytes_lstrip},
        {"rstrip(self, bytes=None, /)", bytes_rstrip},
        {"removeprefix(self, prefix, /)", bytes_removeprefix},
        {"removesuffix(self, suffix, /)", bytes_removesuffix},
        {"replace(self, old, new, count=-1, /)", bytes_replace},
        {"center(self, width, fillchar=?, /)", bytes_center},
        {"ljust(self, width, fillchar=?, /)", bytes_ljust},
        {"rjust(self, width, fillchar=?, /)", bytes_rjust},
        {"zfill(self, width, /)", bytes_zfill},
        {"lower(self, /)", bytes_lower},
        {"upper(self, /)", bytes_upper},
        {"swapcase(self, /)", bytes_swapcase},
        {"title(self, /)", bytes_title},
        {"capitalize(self, /)", bytes_capitalize},
        {"isalpha(self, /)", all_bytes<ascii_alpha>},
        {"isdigit(self, /)", all_bytes<ascii_digit>},
        {"isalnum(self, /)", all_bytes<ascii_alnum>},
        {"isspace(self, /)", all_bytes<ascii_space>},
        {"isascii(self, /)", bytes_isascii},
        {"islower(self, /)", bytes_islower},
        {"isupper(self, /)", bytes_isupper},
        {"istitle(self, /)", bytes_istitle},
        {"expandtabs(self, /, tabsize=8)", bytes_expandtabs},
        {"translate(self, table, /, delete=?)", bytes_translate},
    });
    // A static method, like str.maketrans: a plain function in the class dict does not bind.
    dict_set_str(in, t->dict, in.intern("maketrans"),
                 Value::from_obj(make_native_function(in, {"maketrans(frm, to, /)", bytes_maketrans})));
}

void init_bytes_methods(Interp& in) {
    add_shared_methods(in, in.types.bytes);
    add_methods(in, in.types.bytes, {
        {"__getnewargs__(self, /)", bytes_getnewargs},
        {"__bytes__(self, /)", bytes_dunder_bytes},
    });
    add_shared_methods(in, in.types.bytearray);
    add_methods(in, in.types.bytearray, {
        {"append(self, item, /)", bytearray_append},
        {"extend(self, iterable_of_ints, /)", bytearray_extend},
        {"pop(self, index=?, /)", bytearray_pop},
        {"insert(self, index, item, /)", bytearray_insert},
        {"remove(self, value, /)", bytearray_remove},
        {"clear(self, /)", bytearray_clear},
        {"__alloc__(self, /)", bytearray_alloc},
        {"copy(self, /)", bytearray_copy},
        {"reverse(self, /)", bytearray_reverse},
    });
    // fromhex is a class method in CPython; a plain function in the class dict serves the
    // `bytes.fromhex(...)` spelling. TODO(text): a real classmethod once types.cpp has one.
    dict_set_str(in, in.types.bytes->dict, in.intern("fromhex"),
                 Value::from_obj(make_native_function(in, {"fromhex(string, /)", bytes_fromhex})));
    dict_set_str(in, in.types.bytearray->dict, in.intern("fromhex"),
                 Value::from_obj(make_native_function(in, {"fromhex(string, /)", bytearray_fromhex})));
}

} // namespace eddy::rt
