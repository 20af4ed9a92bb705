// runtime/str_methods.cpp: str's searching, splitting, joining, stripping and padding methods
// (Objects/unicodeobject.c and Objects/stringlib/ in CPython). Positions are code points; the
// searches run on the UTF-8 bytes (UTF-8 is self-synchronising, so a byte match is a character
// match) and convert offsets only for non-ASCII strings. Case mapping, predicates and translate
// are in str_case.cpp.
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

Str* self_str(Args args) { return args[0].as<Str>(); }

// A piece [from, to) (byte offsets) of s as a new str.
Value piece(Interp& in, const Str* s, size_t from, size_t to) {
    sv text = s->view().substr(from, to - from);
    if (from == 0 && to == s->size && s->type == in.types.str) return Value::from_obj(const_cast<Str*>(s));
    return Value::from_obj(make_str_with_length(in, text, s->ascii ? text.size() : uni::count(text)));
}

// Code-point index of byte offset `byte` in s.
int64_t cp_index(const Str* s, size_t byte) {
    return s->ascii ? int64_t(byte) : int64_t(uni::count(s->view().substr(0, byte)));
}

// An integer argument (width, count, tabsize), with CPython's TypeError for non-integers.
Result<int64_t> int_arg(Interp& in, Value v) {
    if (v.is_small_int()) return v.as_small_int();
    if (v.is_bool()) return int64_t(v.is_true());
    if (!is_int(in, v) && !type_of(in, v)->index)
        return in.raise(in.exc.TypeError, "'" + std::string(type_name(in, v))
                                              + "' object cannot be interpreted as an integer");
    return index_as_int64(in, v);
}

} // namespace

// ---- find / index / count ----

// Byte range of the code-point window [start, end) of s, or false when the window is empty and
// `need` code points cannot fit.
static bool byte_window(const Str* s, int64_t start, int64_t end, size_t& from, size_t& to) {
    if (start > end || start > int64_t(s->length)) return false;
    from = str_byte_offset(s, start);
    to = str_byte_offset(s, end);
    return true;
}

// any_find_slice: the code-point index of sub in s[start:end], or -1.
static Result<int64_t> find_impl(Interp& in, Args args, bool reverse) {
    Str* s = self_str(args);
    if (!is_str(in, args[1])) return raise_must_be_str(in, "", args[1]);
    Str* sub = args[1].as<Str>();
    int64_t start, end;
    EDDY_CHECK(adjust_range(in, args[2], args[3], int64_t(s->length), start, end));
    if (end - start < int64_t(sub->length)) return int64_t(-1);
    size_t from, to;
    if (!byte_window(s, start, end, from, to)) return int64_t(-1);
    sv hay = s->view().substr(from, to - from);
    size_t at = reverse ? hay.rfind(sub->view()) : find_from(hay, sub->view(), 0);
    if (at == npos) return int64_t(-1);
    return cp_index(s, from + at);
}

static Result<Value> str_find(Interp& in, Args args) {
    return Value::from_small_int(EDDY_TRY(find_impl(in, args, false)));
}
static Result<Value> str_rfind(Interp& in, Args args) {
    return Value::from_small_int(EDDY_TRY(find_impl(in, args, true)));
}
static Result<Value> str_index(Interp& in, Args args) {
    int64_t at = EDDY_TRY(find_impl(in, args, false));
    if (at < 0) return in.raise(in.exc.ValueError, "substring not found");
    return Value::from_small_int(at);
}
static Result<Value> str_rindex(Interp& in, Args args) {
    int64_t at = EDDY_TRY(find_impl(in, args, true));
    if (at < 0) return in.raise(in.exc.ValueError, "substring not found");
    return Value::from_small_int(at);
}

static size_t count_occurrences(sv hay, sv needle, size_t max_count) {
    size_t n = 0;
    for (size_t pos = find_from(hay, needle, 0); pos != npos && n < max_count;
         pos = find_from(hay, needle, pos + needle.size()))
        ++n;
    return n;
}

static Result<Value> str_count(Interp& in, Args args) {
    Str* s = self_str(args);
    if (!is_str(in, args[1])) return raise_must_be_str(in, "", args[1]);
    Str* sub = args[1].as<Str>();
    int64_t start, end;
    EDDY_CHECK(adjust_range(in, args[2], args[3], int64_t(s->length), start, end));
    if (end - start < int64_t(sub->length)) return Value::from_small_int(0);
    if (sub->size == 0) return Value::from_small_int(end - start + 1);
    size_t from, to;
    if (!byte_window(s, start, end, from, to)) return Value::from_small_int(0);
    return Value::from_small_int(int64_t(count_occurrences(s->view().substr(from, to - from), sub->view(), npos)));
}

// ---- startswith / endswith (tailmatch) ----

static bool tail_match(const Str* s, const Str* sub, int64_t start, int64_t end, bool at_end) {
    end -= int64_t(sub->length);
    if (end < start) return false;
    if (sub->size == 0) return true;
    size_t from = str_byte_offset(s, at_end ? end : start);
    return s->view().substr(from, sub->size) == sub->view();
}

static Result<Value> starts_ends(Interp& in, Args args, bool at_end) {
    const char* name = at_end ? "endswith" : "startswith";
    Str* s = self_str(args);
    int64_t start, end;
    Value what = args[1];
    if (is_str(in, what)) {
        EDDY_CHECK(adjust_range(in, args[2], args[3], int64_t(s->length), start, end));
        return Value::boolean(tail_match(s, what.as<Str>(), start, end, at_end));
    }
    if (!is_tuple(in, what))
        return in.raise(in.exc.TypeError, std::string(name) + " first arg must be str or a tuple of str, not "
                                              + std::string(type_name(in, what)));
    EDDY_CHECK(adjust_range(in, args[2], args[3], int64_t(s->length), start, end));
    for (Value item : what.as<Tuple>()->span()) {
        if (!is_str(in, item))
            return in.raise(in.exc.TypeError, "tuple for " + std::string(name) + " must only contain str, not "
                                                  + std::string(type_name(in, item)));
        if (tail_match(s, item.as<Str>(), start, end, at_end)) return Value::boolean(true);
    }
    return Value::boolean(false);
}

static Result<Value> str_startswith(Interp& in, Args args) { return starts_ends(in, args, false); }
static Result<Value> str_endswith(Interp& in, Args args) { return starts_ends(in, args, true); }

// ---- split / rsplit / splitlines ----

// Byte length of the whitespace character at `pos` (0 when it is not whitespace).
static size_t space_at(sv text, size_t pos) {
    auto b = static_cast<unsigned char>(text[pos]);
    if (b < 0x80) return uni::is_space(b) ? 1 : 0;
    const char* p = text.data() + pos;
    char32_t c = uni::decode(p);
    return uni::is_space(c) ? size_t(p - (text.data() + pos)) : 0;
}

// Byte length of the whitespace character ending at `end` (exclusive), or 0.
static size_t space_before(sv text, size_t end) {
    size_t start = end - 1;
    while (start > 0 && uni::is_continuation(static_cast<unsigned char>(text[start]))) --start;
    return space_at(text, start) == end - start ? end - start : 0;
}

static void split_whitespace(Interp& in, Str* s, int64_t maxsplit, List* out) {
    sv t = s->view();
    size_t i = 0, n = t.size();
    for (;;) {
        while (i < n) {
            size_t w = space_at(t, i);
            if (!w) break;
            i += w;
        }
        if (i == n) return;
        if (maxsplit-- == 0) {
            // The rest, with trailing whitespace kept (CPython strips only the leading run).
            out->items.push_back(piece(in, s, i, n));
            return;
        }
        size_t j = i;
        while (j < n && !space_at(t, j)) j += uni::seq_len(static_cast<unsigned char>(t[j]));
        out->items.push_back(piece(in, s, i, j));
        i = j;
    }
}

static void rsplit_whitespace(Interp& in, Str* s, int64_t maxsplit, List* out) {
    sv t = s->view();
    size_t j = t.size();
    for (;;) {
        while (j > 0) {
            size_t w = space_before(t, j);
            if (!w) break;
            j -= w;
        }
        if (j == 0) break;
        if (maxsplit-- == 0) {
            out->items.push_back(piece(in, s, 0, j));
            break;
        }
        size_t i = j;
        while (i > 0 && !space_before(t, i)) {
            do --i;
            while (i > 0 && uni::is_continuation(static_cast<unsigned char>(t[i])));
        }
        out->items.push_back(piece(in, s, i, j));
        j = i;
    }
    std::reverse(out->items.begin(), out->items.end());
}

static Result<Str*> sep_arg(Interp& in, Value sep) {
    if (sep.is_none()) return static_cast<Str*>(nullptr);
    if (!is_str(in, sep)) {
        return in.raise(in.exc.TypeError, "must be str or None, not " + std::string(type_name(in, sep)));
    }
    if (sep.as<Str>()->size == 0) return in.raise(in.exc.ValueError, "empty separator");
    return sep.as<Str>();
}

static Result<Value> split_impl(Interp& in, Args args, bool reverse) {
    Str* s = self_str(args);
    Str* sep = EDDY_TRY(sep_arg(in, args[1]));
    int64_t maxsplit = EDDY_TRY(int_arg(in, args[2]));
    if (maxsplit < 0) maxsplit = INT64_MAX;
    List* out = make_list(in);
    if (!sep) {
        if (reverse)
            rsplit_whitespace(in, s, maxsplit, out);
        else
            split_whitespace(in, s, maxsplit, out);
        return Value::from_obj(out);
    }
    sv t = s->view(), d = sep->view();
    // One pass to count the pieces, so the list is allocated once.
    out->items.reserve(count_occurrences(t, d, size_t(maxsplit)) + 1);
    if (!reverse) {
        size_t i = 0;
        for (size_t at; maxsplit > 0 && (at = find_from(t, d, i)) != npos; --maxsplit) {
            out->items.push_back(piece(in, s, i, at));
            i = at + d.size();
        }
        out->items.push_back(piece(in, s, i, t.size()));
        return Value::from_obj(out);
    }
    size_t j = t.size();
    for (; maxsplit > 0 && j >= d.size(); --maxsplit) {
        size_t at = t.substr(0, j).rfind(d);
        if (at == npos) break;
        out->items.push_back(piece(in, s, at + d.size(), j));
        j = at;
    }
    out->items.push_back(piece(in, s, 0, j));
    std::reverse(out->items.begin(), out->items.end());
    return Value::from_obj(out);
}

static Result<Value> str_split(Interp& in, Args args) { return split_impl(in, args, false); }
static Result<Value> str_rsplit(Interp& in, Args args) { return split_impl(in, args, true); }

static Result<Value> str_splitlines(Interp& in, Args args) {
    Str* s = self_str(args);
    bool keepends = EDDY_TRY(int_arg(in, args[1])) != 0;
    List* out = make_list(in);
    sv t = s->view();
    size_t i = 0, n = t.size();
    while (i < n) {
        size_t j = i, eol = 0;
        while (j < n) {
            const char* p = t.data() + j;
            char32_t c = uni::decode(p);
            if (uni::is_linebreak(c)) {
                eol = size_t(p - (t.data() + j));
                if (c == '\r' && j + 1 < n && t[j + 1] == '\n') eol = 2;
                break;
            }
            j = size_t(p - t.data());
        }
        out->items.push_back(piece(in, s, i, keepends ? j + eol : j));
        i = j + eol;
    }
    return Value::from_obj(out);
}

// ---- partition ----

static Result<Value> partition_impl(Interp& in, Args args, bool reverse) {
    Str* s = self_str(args);
    if (!is_str(in, args[1])) return raise_must_be_str(in, "", args[1]);
    Str* sep = args[1].as<Str>();
    if (sep->size == 0) return in.raise(in.exc.ValueError, "empty separator");
    size_t at = reverse ? s->view().rfind(sep->view()) : s->view().find(sep->view());
    Tuple* t = make_tuple(in, 3);
    Value empty = Value::from_obj(in.empty_str);
    if (at == npos) {
        t->items()[0] = reverse ? empty : args[0];
        t->items()[1] = empty;
        t->items()[2] = reverse ? args[0] : empty;
    } else {
        t->items()[0] = piece(in, s, 0, at);
        t->items()[1] = args[1];
        t->items()[2] = piece(in, s, at + sep->size, s->size);
    }
    return Value::from_obj(t);
}

static Result<Value> str_partition(Interp& in, Args args) { return partition_impl(in, args, false); }
static Result<Value> str_rpartition(Interp& in, Args args) { return partition_impl(in, args, true); }

// ---- join ----

// The items of a list or tuple in place, else the iterable materialised into a new list (held by
// `holder`, a local the collector's stack scan sees, since iterating may run Python code).
static Result<std::span<const Value>> sequence_items(Interp& in, Value iterable, List*& holder,
                                                     const char* not_iterable_message) {
    if (is_list(in, iterable)) return std::span<const Value>(iterable.as<List>()->items);
    if (is_tuple(in, iterable)) return std::span<const Value>(iterable.as<Tuple>()->span());
    auto it = get_iter(in, iterable);
    if (it.is_error()) {
        if (in.exception_matches(in.exc.TypeError)) {
            in.take_exception();
            return in.raise(in.exc.TypeError, not_iterable_message);
        }
        return Error{};
    }
    holder = make_list(in);
    Value iter = it.value();
    for (;;) {
        Value item = EDDY_TRY(next(in, iter));
        if (item.is_null()) break;
        holder->items.push_back(item);
    }
    return std::span<const Value>(holder->items);
}

static Result<Value> str_join(Interp& in, Args args) {
    Str* sep = self_str(args);
    List* holder = nullptr;
    auto items = EDDY_TRY(sequence_items(in, args[1], holder, "can only join an iterable"));
    if (items.empty()) return Value::from_obj(in.empty_str);
    size_t size = sep->size * (items.size() - 1), length = sep->length * (items.size() - 1);
    for (size_t i = 0; i < items.size(); ++i) {
        if (!is_str(in, items[i]))
            return in.raise(in.exc.TypeError, "sequence item " + std::to_string(i) + ": expected str instance, "
                                                  + std::string(type_name(in, items[i])) + " found");
        size += items[i].as<Str>()->size;
        length += items[i].as<Str>()->length;
    }
    if (items.size() == 1 && items[0].as<Str>()->type == in.types.str) return items[0];
    if (in.heap.would_exceed(size)) return in.raise_memory_error();
    Str* r = str_alloc_raw(in, size, length);
    char* out = r->data();
    for (size_t i = 0; i < items.size(); ++i) {
        if (i && sep->size) {
            std::memcpy(out, sep->data(), sep->size);
            out += sep->size;
        }
        const Str* item = items[i].as<Str>();
        std::memcpy(out, item->data(), item->size);
        out += item->size;
    }
    return Value::from_obj(r);
}

// ---- replace ----

// replace() with a non-empty `old`: count the matches, then write the result straight into the
// new str (no intermediate buffer).
static Result<Value> replace_nonempty(Interp& in, Str* s, const Str* old, const Str* rep, size_t max) {
    sv t = s->view(), o = old->view(), r = rep->view();
    size_t n = count_occurrences(t, o, max);
    if (n == 0) return s->type == in.types.str ? Value::from_obj(s) : piece(in, s, 0, s->size);
    size_t size = t.size() - n * o.size() + n * r.size();
    if (in.heap.would_exceed(size)) return in.raise_memory_error();
    Str* result = str_alloc_raw(in, size, s->length - n * old->length + n * rep->length);
    char* out = result->data();
    size_t i = 0;
    for (size_t done = 0; done < n; ++done) {
        size_t at = find_from(t, o, i);
        std::memcpy(out, t.data() + i, at - i);
        out += at - i;
        if (!r.empty()) std::memcpy(out, r.data(), r.size());
        out += r.size();
        i = at + o.size();
    }
    std::memcpy(out, t.data() + i, t.size() - i);
    return Value::from_obj(result);
}

static Result<Value> str_replace(Interp& in, Args args) {
    Str* s = self_str(args);
    if (!is_str(in, args[1])) return raise_must_be_str(in, "replace() argument 1", args[1]);
    if (!is_str(in, args[2])) return raise_must_be_str(in, "replace() argument 2", args[2]);
    Str* old = args[1].as<Str>();
    Str* rep = args[2].as<Str>();
    int64_t count = EDDY_TRY(int_arg(in, args[3]));
    size_t max = count < 0 ? npos : size_t(count);
    sv t = s->view(), o = old->view(), r = rep->view();
    if (!o.empty()) return replace_nonempty(in, s, old, rep, max);
    // Insert `rep` before every character and at the end, up to `max` times.
    size_t n = std::min(max, s->length + 1);
    if (n == 0) return piece(in, s, 0, s->size);
    if (in.heap.would_exceed(t.size() + n * r.size())) return in.raise_memory_error();
    std::string out;
    out.reserve(t.size() + n * r.size());
    size_t i = 0, done = 0;
    while (done < n) {
        out.append(r);
        ++done;
        if (i >= t.size()) break;
        size_t len = uni::seq_len(static_cast<unsigned char>(t[i]));
        out.append(t.substr(i, len));
        i += len;
    }
    out.append(t.substr(std::min(i, t.size())));
    size_t length = s->length + n * rep->length;
    return Value::from_obj(make_str_with_length(in, out, length));
}

// ---- strip family ----

// Strips characters of `chars` (whitespace when null) from the left and/or right.
static Value strip_impl(Interp& in, Str* s, const Str* chars, bool left, bool right) {
    sv t = s->view();
    bool table[128] = {};
    std::u32string wide;   // non-ASCII members of `chars`
    if (chars) {
        for (const char* p = chars->data(); p < chars->data() + chars->size;) {
            char32_t c = uni::decode(p);
            if (c < 128) table[c] = true; else wide.push_back(c);
        }
    }
    auto member = [&](char32_t c) {
        if (!chars) return uni::is_space(c);
        return c < 128 ? table[c] : wide.find(c) != std::u32string::npos;
    };
    size_t i = 0, j = t.size();
    if (left) {
        while (i < j) {
            const char* p = t.data() + i;
            if (!member(uni::decode(p))) break;
            i = size_t(p - t.data());
        }
    }
    if (right) {
        while (j > i) {
            size_t k = j - 1;
            while (k > i && uni::is_continuation(static_cast<unsigned char>(t[k]))) --k;
            const char* p = t.data() + k;
            if (!member(uni::decode(p))) break;
            j = k;
        }
    }
    return piece(in, s, i, j);
}

static Result<Value> strip_args(Interp& in, Args args, bool left, bool right, const char* name) {
    Value chars = args.has(1) ? args[1] : Value::none();
    if (!chars.is_none() && !is_str(in, chars))
        return in.raise(in.exc.TypeError, std::string(name) + " arg must be None or str");
    return strip_impl(in, self_str(args), chars.is_none() ? nullptr : chars.as<Str>(), left, right);
}

static Result<Value> str_strip(Interp& in, Args args) { return strip_args(in, args, true, true, "strip"); }
static Result<Value> str_lstrip(Interp& in, Args args) { return strip_args(in, args, true, false, "lstrip"); }
static Result<Value> str_rstrip(Interp& in, Args args) { return strip_args(in, args, false, true, "rstrip"); }

static Result<Value> str_removeprefix(Interp& in, Args args) {
    Str* s = self_str(args);
    if (!is_str(in, args[1])) return raise_must_be_str(in, "removeprefix() argument", args[1]);
    sv p = args[1].as<Str>()->view();
    if (!p.empty() && s->view().starts_with(p)) return piece(in, s, p.size(), s->size);
    return piece(in, s, 0, s->size);
}

static Result<Value> str_removesuffix(Interp& in, Args args) {
    Str* s = self_str(args);
    if (!is_str(in, args[1])) return raise_must_be_str(in, "removesuffix() argument", args[1]);
    sv p = args[1].as<Str>()->view();
    if (!p.empty() && s->view().ends_with(p)) return piece(in, s, 0, s->size - p.size());
    return piece(in, s, 0, s->size);
}

// ---- padding ----

static Result<Value> pad_impl(Interp& in, Args args, char how) {
    Str* s = self_str(args);
    int64_t width = EDDY_TRY(int_arg(in, args[1]));
    std::string fill = " ";
    if (args.has(2)) {
        Value f = args[2];
        if (!is_str(in, f))
            return in.raise(in.exc.TypeError, "The fill character must be a unicode character, not "
                                                  + std::string(type_name(in, f)));
        if (f.as<Str>()->length != 1)
            return in.raise(in.exc.TypeError, "The fill character must be exactly one character long");
        fill = f.as<Str>()->view();
    }
    if (width <= int64_t(s->length)) return piece(in, s, 0, s->size);
    size_t marg = size_t(width) - s->length, left;
    if (how == '<') left = 0;
    else if (how == '>') left = marg;
    else left = marg / 2 + (marg & size_t(width) & 1);   // CPython's centring rule
    if (in.heap.would_exceed(size_t(width) * fill.size())) return in.raise_memory_error();
    std::string out;
    out.reserve(s->size + marg * fill.size());
    for (size_t k = 0; k < left; ++k) out += fill;
    out.append(s->view());
    for (size_t k = left; k < marg; ++k) out += fill;
    return Value::from_obj(make_str_with_length(in, out, size_t(width)));
}

static Result<Value> str_center(Interp& in, Args args) { return pad_impl(in, args, '^'); }
static Result<Value> str_ljust(Interp& in, Args args) { return pad_impl(in, args, '<'); }
static Result<Value> str_rjust(Interp& in, Args args) { return pad_impl(in, args, '>'); }

static Result<Value> str_zfill(Interp& in, Args args) {
    Str* s = self_str(args);
    int64_t width = EDDY_TRY(int_arg(in, args[1]));
    if (width <= int64_t(s->length)) return piece(in, s, 0, s->size);
    size_t fill = size_t(width) - s->length;
    if (in.heap.would_exceed(size_t(width))) return in.raise_memory_error();
    std::string out(fill, '0');
    out.append(s->view());
    if (s->size && (s->data()[0] == '+' || s->data()[0] == '-')) {
        out[0] = s->data()[0];
        out[fill] = '0';
    }
    return Value::from_obj(make_str_with_length(in, out, size_t(width)));
}

static Result<Value> str_expandtabs(Interp& in, Args args) {
    Str* s = self_str(args);
    int64_t tabsize = EDDY_TRY(int_arg(in, args[1]));
    std::string out;
    size_t column = 0, length = 0;
    for (const char* p = s->data(); p < s->data() + s->size;) {
        const char* start = p;
        char32_t c = uni::decode(p);
        if (c == '\t') {
            if (tabsize > 0) {
                size_t spaces = size_t(tabsize) - column % size_t(tabsize);
                if (in.heap.would_exceed(out.size() + spaces)) return in.raise_memory_error();
                out.append(spaces, ' ');
                column += spaces;
                length += spaces;
            }
            continue;
        }
        out.append(start, size_t(p - start));
        ++length;
        column = (c == '\n' || c == '\r') ? 0 : column + 1;
    }
    return Value::from_obj(make_str_with_length(in, out, length));
}

// ---- encode ----

static Result<Value> str_encode(Interp& in, Args args) {
    if (!is_str(in, args[1])) return raise_must_be_str(in, "encode() argument 'encoding'", args[1]);
    if (!is_str(in, args[2])) return raise_must_be_str(in, "encode() argument 'errors'", args[2]);
    return encode_str(in, self_str(args), args[1].as<Str>()->view(), args[2].as<Str>()->view());
}

// __getnewargs__ (pickling support): the text as an exact str in a 1-tuple.
static Result<Value> str_getnewargs(Interp& in, Args args) {
    Str* s = self_str(args);
    Value copy = piece(in, s, 0, s->size);
    return Value::from_obj(make_tuple(in, std::span<const Value>(&copy, 1)));
}

void init_str_methods(Interp& in) {
    add_methods(in, in.types.str, {
        {"find(self, sub, start=None, end=None, /)", str_find},
        {"rfind(self, sub, start=None, end=None, /)", str_rfind},
        {"index(self, sub, start=None, end=None, /)", str_index},
        {"rindex(self, sub, start=None, end=None, /)", str_rindex},
        {"count(self, sub, start=None, end=None, /)", str_count},
        {"startswith(self, prefix, start=None, end=None, /)", str_startswith},
        {"endswith(self, suffix, start=None, end=None, /)", str_endswith},
        {"split(self, /, sep=None, maxsplit=-1)", str_split},
        {"rsplit(self, /, sep=None, maxsplit=-1)", str_rsplit},
        {"splitlines(self, /, keepends=False)", str_splitlines},
        {"partition(self, sep, /)", str_partition},
        {"rpartition(self, sep, /)", str_rpartition},
        {"join(self, iterable, /)", str_join},
        {"replace(self, old, new, count=-1, /)", str_replace},
        {"strip(self, chars=None, /)", str_strip},
        {"lstrip(self, chars=None, /)", str_lstrip},
        {"rstrip(self, chars=None, /)", str_rstrip},
        {"removeprefix(self, prefix, /)", str_removeprefix},
        {"removesuffix(self, suffix, /)", str_removesuffix},
        {"center(self, width, fillchar=?, /)", str_center},
        {"ljust(self, width, fillchar=?, /)", str_ljust},
        {"rjust(self, width, fillchar=?, /)", str_rjust},
        {"zfill(self, width, /)", str_zfill},
        {"expandtabs(self, /, tabsize=8)", str_expandtabs},
        {"encode(self, /, encoding='utf-8', errors='strict')", str_encode},
        {"__getnewargs__(self, /)", str_getnewargs},
    });
    init_str_case_methods(in);
    init_str_format_methods(in);
}

} // namespace eddy::rt
