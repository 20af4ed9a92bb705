// runtime/dict_object.cpp: the dict hash table (CPython's compact layout: dense entries in
// insertion order + a sparse index probed with CPython's perturbation scheme), the str-keyed fast
// paths every namespace uses, and the dict type's methods. Views and iterators: dict_views.cpp.
#include "dict_object.hpp"

#include <cstring>
#include <string>
#include <type_traits>

#include "exception_object.hpp"
#include "int_object.hpp"
#include "interp.hpp"
#include "iterators.hpp"
#include "list_object.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "str_object.hpp"
#include "tuple_object.hpp"
#include "types.hpp"

namespace eddy::rt {

namespace {

constexpr int32_t IxEmpty = -1;
constexpr int32_t IxDummy = -2;
constexpr size_t MinIndexSize = DictIndex::InlineSize;   // a dict's first index lives inside it
constexpr unsigned PerturbShift = 5;

constexpr size_t usable_for(size_t index_size) { return index_size * 2 / 3; }

// The entries kept inside a Dict are exactly what its inline index can address, and they move
// by memcpy/realloc when the dict outgrows them.
static_assert(DictEntries::InlineCapacity == usable_for(MinIndexSize));
static_assert(std::is_trivially_copyable_v<DictEntry>);

int64_t str_key_hash(Str* s) { return s->hash != -1 ? s->hash : str_hash(s); }

bool is_exact_str(const Interp& in, Value v) { return v.is_obj() && v.as_obj()->type == in.types.str; }

// hash(key) with the common cases inline: small ints hash to themselves (CPython's long_hash
// for |v| < 2**61, with -1 reserved), exact strs use their cached hash.
Result<int64_t> key_hash(Interp& in, Value key) {
    if (key.is_small_int()) {
        int64_t v = key.as_small_int();
        return v == -1 ? -2 : v;
    }
    if (is_exact_str(in, key)) return str_key_hash(key.as<Str>());
    return hash(in, key);
}

} // namespace

void DictEntries::grow(size_t capacity) {
    size_t bytes = capacity * sizeof(DictEntry);
    void* mem = m_data == inline_data() ? std::malloc(bytes) : std::realloc(m_data, bytes);
    if (!mem) std::abort();   // as a failed frame allocation: the machine is out of memory
    if (m_data == inline_data()) std::memcpy(mem, m_data, m_size * sizeof(DictEntry));
    m_data = static_cast<DictEntry*>(mem);
    m_capacity = uint32_t(capacity);
}

void DictIndex::assign(size_t n, int32_t fill) {
    if (n != m_size) {
        release();
        m_data = n <= InlineSize ? m_inline : static_cast<int32_t*>(std::malloc(n * sizeof(int32_t)));
        if (!m_data) std::abort();
    }
    m_size = n;
    for (size_t i = 0; i < n; ++i) m_data[i] = fill;
}

namespace {

// Rebuilds the index for at least `min_used` live entries, compacting out the holes.
void resize(Dict* d, size_t min_used) {
    size_t size = MinIndexSize;
    while (usable_for(size) <= min_used) size <<= 1;
    if (d->used != d->entries.size()) {
        size_t out = 0;
        for (size_t i = 0; i < d->entries.size(); ++i)
            if (!d->entries[i].key.is_null()) d->entries[out++] = d->entries[i];
        d->entries.shrink_to(out);
    }
    d->index.assign(size, IxEmpty);
    d->entries.reserve(usable_for(size));
    d->key_bits = 0;
    size_t mask = size - 1;
    for (size_t pos = 0; pos < d->entries.size(); ++pos) {
        d->key_bits |= dict_key_bit(d->entries[pos].hash);
        uint64_t perturb = uint64_t(d->entries[pos].hash);
        size_t i = size_t(perturb) & mask;
        while (d->index[i] != IxEmpty) {
            perturb >>= PerturbShift;
            i = (i * 5 + size_t(perturb) + 1) & mask;
        }
        d->index[i] = int32_t(pos);
    }
}

// Makes room for one more entry.
void ensure_room(Dict* d) {
    if (d->index.empty() || d->entries.size() >= usable_for(d->index.size())) resize(d, d->used * 3);
}

// Where a lookup ended: the entry position (or -1) and the index slot to insert at.
struct Probe {
    int64_t pos;
    size_t slot;
};

// The first free slot (empty or dummy) for `hash`; the index must not be full.
size_t find_free_slot(const Dict* d, int64_t hash) {
    size_t mask = d->index.size() - 1;
    uint64_t perturb = uint64_t(hash);
    size_t i = size_t(perturb) & mask;
    while (d->index[i] >= 0) {
        perturb >>= PerturbShift;
        i = (i * 5 + size_t(perturb) + 1) & mask;
    }
    return i;
}

// A stored key whose hash matched a str key being looked up without calling Python: an exact
// str or a str subclass instance compares by its text (namespaces and attribute dicts).
bool str_key_matches(const Value stored, const Str* key) {
    return stored.is_obj() && (stored.as_obj()->type->flags & TF_Str) &&
           str_equal(stored.as<Str>(), key);
}

// Lookup for a str key that never calls Python: identity, then hash + text equality. Used for
// namespaces, where a key that is a str subclass with its own __eq__ is not worth a call.
int64_t find_str(const Dict* d, Value key, int64_t hash) {
    if (d->index.empty()) return -1;
    size_t mask = d->index.size() - 1;
    uint64_t perturb = uint64_t(hash);
    size_t i = size_t(perturb) & mask;
    const Str* ks = key.as<Str>();
    for (;;) {
        int32_t ix = d->index[i];
        if (ix == IxEmpty) return -1;
        if (ix >= 0) {
            const DictEntry& e = d->entries[size_t(ix)];
            if (e.key.is(key)) return ix;
            if (e.hash == hash && str_key_matches(e.key, ks)) return ix;
        }
        perturb >>= PerturbShift;
        i = (i * 5 + size_t(perturb) + 1) & mask;
    }
}

// Generic lookup (CPython's lookdict): may call __eq__, which may mutate the dict, in which case
// the search restarts. Exact str and small-int pairs compare inline; every other pair with equal
// hashes goes through ==, so a str subclass's own __eq__ runs as in CPython.
Result<int64_t> find(Interp& in, Dict* d, Value key, int64_t hash) {
    bool key_is_str = is_exact_str(in, key);
restart:
    if (d->index.empty()) return int64_t(-1);
    size_t mask = d->index.size() - 1;
    uint64_t perturb = uint64_t(hash);
    size_t i = size_t(perturb) & mask;
    for (;;) {
        int32_t ix = d->index[i];
        if (ix == IxEmpty) return int64_t(-1);
        if (ix >= 0) {
            DictEntry e = d->entries[size_t(ix)];
            if (e.key.is(key)) return int64_t(ix);
            if (e.hash == hash) {
                if (key_is_str && is_exact_str(in, e.key)) {
                    if (str_equal(e.key.as<Str>(), key.as<Str>())) return int64_t(ix);
                } else if (!(e.key.is_small_int() && key.is_small_int())) {
                    uint64_t version = d->version;
                    const int32_t* index_data = d->index.data();
                    bool eq = EDDY_TRY(equal(in, e.key, key));
                    if (d->version != version || d->index.data() != index_data ||
                        !d->entries[size_t(ix)].key.is(e.key))
                        goto restart;
                    if (eq) return int64_t(ix);
                }
            }
        }
        perturb >>= PerturbShift;
        i = (i * 5 + size_t(perturb) + 1) & mask;
    }
}

void append_entry(Dict* d, Value key, int64_t hash, Value value) {
    ensure_room(d);
    size_t slot = find_free_slot(d, hash);
    d->index[slot] = int32_t(d->entries.size());
    d->entries.push_back({hash, key, value});
    d->key_bits |= dict_key_bit(hash);
    ++d->used;
    ++d->version;
}

// Removes the entry at `pos` (found for `hash`): its index slot becomes a dummy.
void remove_entry(Dict* d, size_t pos) {
    size_t mask = d->index.size() - 1;
    uint64_t perturb = uint64_t(d->entries[pos].hash);
    size_t i = size_t(perturb) & mask;
    while (d->index[i] != int32_t(pos)) {
        perturb >>= PerturbShift;
        i = (i * 5 + size_t(perturb) + 1) & mask;
    }
    d->index[i] = IxDummy;
    d->entries[pos].key = Value::null();
    d->entries[pos].value = Value::null();
    --d->used;
    ++d->version;
    // Trailing holes can go at once: nothing refers to positions past the last live entry.
    while (!d->entries.empty() && d->entries.back().key.is_null()) d->entries.pop_back();
}

} // namespace

// ---- the table API (dict_object.hpp) ----

Dict* make_dict(Interp& in) { return in.heap.alloc<Dict>(in.types.dict); }

bool is_dict(const Interp& in, Value v) {
    return v.is_obj() && (v.as_obj()->type == in.types.dict || is_subtype(v.as_obj()->type, in.types.dict));
}

Result<Value> dict_get_hashed(Interp& in, Dict* d, Value key, int64_t hash) {
    int64_t pos = EDDY_TRY(find(in, d, key, hash));
    return pos < 0 ? Value::null() : d->entries[size_t(pos)].value;
}

Status dict_set_hashed(Interp& in, Dict* d, Value key, int64_t hash, Value value) {
    int64_t pos = EDDY_TRY(find(in, d, key, hash));
    if (pos >= 0) {
        d->entries[size_t(pos)].value = value;
        return ok();
    }
    append_entry(d, key, hash, value);
    return ok();
}

Result<Value> dict_get(Interp& in, Dict* d, Value key) {
    int64_t h = EDDY_TRY(key_hash(in, key));
    return dict_get_hashed(in, d, key, h);
}

Status dict_set(Interp& in, Dict* d, Value key, Value value) {
    int64_t h = EDDY_TRY(key_hash(in, key));
    return dict_set_hashed(in, d, key, h, value);
}

Result<bool> dict_del(Interp& in, Dict* d, Value key) {
    int64_t h = EDDY_TRY(key_hash(in, key));
    int64_t pos = EDDY_TRY(find(in, d, key, h));
    if (pos < 0) return false;
    remove_entry(d, size_t(pos));
    return true;
}

Value dict_get_str(Dict* d, Str* key) {
    int64_t pos = find_str(d, Value::from_obj(key), str_key_hash(key));
    return pos < 0 ? Value::null() : d->entries[size_t(pos)].value;
}

int64_t dict_find_str(Dict* d, Str* key) { return find_str(d, Value::from_obj(key), str_key_hash(key)); }

uint64_t dict_str_key_bit(Str* key) { return dict_key_bit(str_key_hash(key)); }

void dict_append_new_str(Dict* d, Str* key, Value value) {
    append_entry(d, Value::from_obj(key), str_key_hash(key), value);
}

void dict_set_str(Interp&, Dict* d, Str* key, Value value) {
    int64_t h = str_key_hash(key);
    int64_t pos = find_str(d, Value::from_obj(key), h);
    if (pos >= 0) {
        d->entries[size_t(pos)].value = value;
        return;
    }
    append_entry(d, Value::from_obj(key), h, value);
}

bool dict_del_str(Dict* d, Str* key) {
    int64_t pos = find_str(d, Value::from_obj(key), str_key_hash(key));
    if (pos < 0) return false;
    remove_entry(d, size_t(pos));
    return true;
}

void dict_clear(Dict* d) {
    d->entries.clear();
    d->index.clear();
    d->key_bits = 0;
    d->used = 0;
    ++d->version;
}

Dict* dict_copy(Interp& in, Dict* d) {
    Dict* r = make_dict(in);
    if (d->used == 0) return r;
    // Same hashes, no duplicates: rebuild the index directly.
    r->entries.reserve(d->used);
    for (const DictEntry& e : d->entries)
        if (!e.key.is_null()) r->entries.push_back(e);
    r->used = r->entries.size();
    resize(r, r->used);
    return r;
}

// Copies `src`'s entries into `d`, reusing the stored hashes.
static Status merge_dict(Interp& in, Dict* d, Dict* src) {
    if (d == src || src->used == 0) return ok();
    if (d->used == 0 && d->type == in.types.dict) {
        d->entries.clear();
        for (const DictEntry& e : src->entries)
            if (!e.key.is_null()) d->entries.push_back(e);
        d->used = d->entries.size();
        ++d->version;
        resize(d, d->used);
        return ok();
    }
    // `src` may change under an __eq__: walk by position, re-checking the bound.
    for (size_t i = 0; i < src->entries.size(); ++i) {
        DictEntry e = src->entries[i];
        if (e.key.is_null()) continue;
        EDDY_CHECK(dict_set_hashed(in, d, e.key, e.hash, e.value));
    }
    return ok();
}

Status dict_merge_mapping(Interp& in, Dict* d, Value mapping) {
    // A dict subclass that overrides keys() goes through the generic protocol, as in CPython.
    if (is_dict(in, mapping) && type_lookup(type_of(in, mapping), in.names.keys)
                                    .is(type_lookup(in.types.dict, in.names.keys)))
        return merge_dict(in, d, mapping.as<Dict>());
    Value keys = EDDY_TRY(call_method(in, mapping, in.names.keys, {}));
    return for_each(in, keys, [&](Value key) -> Status {
        Value value = EDDY_TRY(get_item(in, mapping, key));
        return dict_set(in, d, key, value);
    });
}

// dict.update(iterable of pairs): CPython's PyDict_MergeFromSeq2.
static Status merge_pairs(Interp& in, Dict* d, Value iterable) {
    int64_t n = 0;
    return for_each(in, iterable, [&](Value item) -> Status {
        auto pair = list_from_iterable(in, item);
        if (pair.is_error()) {
            if (in.exception_matches(in.exc.TypeError)) {
                in.take_exception();
                return in.raise(in.exc.TypeError, "cannot convert dictionary update sequence element #" +
                                                      std::to_string(n) + " to a sequence");
            }
            return Error{};
        }
        List* kv = pair.value();
        if (kv->items.size() != 2)
            return in.raise(in.exc.ValueError, "dictionary update sequence element #" +
                                                   std::to_string(n) + " has length " +
                                                   std::to_string(kv->items.size()) + "; 2 is required");
        ++n;
        return dict_set(in, d, kv->items[0], kv->items[1]);
    });
}

Status dict_update(Interp& in, Dict* d, Value other) {
    if (is_dict(in, other)) return dict_merge_mapping(in, d, other);
    Value keys = EDDY_TRY(get_attr_or_null(in, other, in.names.keys));
    if (!keys.is_null()) return dict_merge_mapping(in, d, other);
    return merge_pairs(in, d, other);
}

// ---- the dict type ----

namespace {

Dict* as_dict(Value v) { return v.as<Dict>(); }

Error raise_key_error(Interp& in, Value key) {
    return in.raise_value(Value::from_obj(make_exception(in, in.exc.KeyError, make_tuple(in, {key}))));
}

Result<Value> dict_repr_slot(Interp& in, Value self) {
    Dict* d = as_dict(self);
    if (d->used == 0) return str_value(in, "{}");
    if (!repr_enter(d)) return str_value(in, "{...}");
    std::string out = "{";
    bool first = true;
    Status st = ok();
    for (size_t i = 0; i < d->entries.size() && !st.is_error(); ++i) {
        DictEntry e = d->entries[i];
        if (e.key.is_null()) continue;
        if (!first) out += ", ";
        first = false;
        st = append_repr(in, out, e.key);
        if (st.is_error()) break;
        out += ": ";
        st = append_repr(in, out, e.value);
    }
    repr_leave(d);
    if (st.is_error()) return Error{};
    out += "}";
    return str_value(in, out);
}

Result<int64_t> dict_len_slot(Interp&, Value self) { return int64_t(as_dict(self)->used); }

Result<bool> dict_contains_slot(Interp& in, Value self, Value key) {
    Value v = EDDY_TRY(dict_get(in, as_dict(self), key));
    return !v.is_null();
}

Result<Value> dict_getitem_slot(Interp& in, Value self, Value key) {
    Dict* d = as_dict(self);
    Value v = EDDY_TRY(dict_get(in, d, key));
    if (!v.is_null()) return v;
    if (d->type != in.types.dict) {
        Value missing = type_lookup(d->type, in.names.dunder_missing);
        if (!missing.is_null()) return call(in, missing, {self, key});
    }
    return raise_key_error(in, key);
}

Status dict_setitem_slot(Interp& in, Value self, Value key, Value value) {
    Dict* d = as_dict(self);
    if (!value.is_null()) return dict_set(in, d, key, value);
    bool found = EDDY_TRY(dict_del(in, d, key));
    if (!found) return raise_key_error(in, key);
    return ok();
}

// dict == dict (CPython's dict_equal): same size, and every key of `a` maps to an equal value in `b`.
Result<bool> dict_equal(Interp& in, Dict* a, Dict* b) {
    if (a->used != b->used) return false;
    for (size_t i = 0; i < a->entries.size(); ++i) {
        DictEntry e = a->entries[i];
        if (e.key.is_null()) continue;
        Value other = EDDY_TRY(dict_get_hashed(in, b, e.key, e.hash));
        if (other.is_null()) return false;
        bool eq = EDDY_TRY(equal(in, e.value, other));
        if (!eq) return false;
    }
    return true;
}

Result<Value> dict_richcmp_slot(Interp& in, Value a, Value b, vm::CmpOp op) {
    if (!is_dict(in, b) || (op != vm::CmpOp::Eq && op != vm::CmpOp::Ne)) return Value::not_implemented();
    bool eq = EDDY_TRY(dict_equal(in, as_dict(a), as_dict(b)));
    return Value::boolean(eq == (op == vm::CmpOp::Eq));
}

Result<Value> dict_binary_slot(Interp& in, Value a, Value b, vm::BinOp op) {
    if (op == vm::BinOp::Or) {
        if (!is_dict(in, b)) return Value::not_implemented();
        Dict* r = dict_copy(in, as_dict(a));
        EDDY_CHECK(merge_dict(in, r, as_dict(b)));
        return Value::from_obj(r);
    }
    if (op == vm::BinOp::InplaceOr) {
        EDDY_CHECK(dict_update(in, as_dict(a), b));
        return a;
    }
    return Value::not_implemented();
}

Result<Value> dict_new_slot(Interp& in, Type* type, CallArgs) {
    size_t size = type->instance_size > sizeof(Dict) ? type->instance_size : sizeof(Dict);
    Dict* d = in.heap.alloc<Dict>(type, size);
    if (size > sizeof(Dict) && type->dict_offset) instance_dict_slot(d) = nullptr;
    return Value::from_obj(d);
}

// dict(mapping_or_pairs=?, **kwargs), also dict.update's body.
Status update_from_call(Interp& in, Dict* d, CallArgs args, const char* name) {
    EDDY_CHECK(check_arg_count(in, CallArgs{args.values, args.count, nullptr}, name, 0, 1));
    if (args.count == 1) EDDY_CHECK(dict_update(in, d, args.values[0]));
    if (args.kwnames) {
        for (size_t i = 0; i < args.kwnames->size; ++i)
            EDDY_CHECK(dict_set(in, d, (*args.kwnames)[i], args.values[args.count + i]));
    }
    return ok();
}

Status dict_init_slot(Interp& in, Value self, CallArgs args) {
    return update_from_call(in, as_dict(self), args, "dict");
}

void dict_trace(Obj* self, Tracer& tracer) {
    for (const DictEntry& e : static_cast<Dict*>(self)->entries) {
        tracer.mark(e.key);
        tracer.mark(e.value);
    }
}

void dict_finalize(Obj* self) { static_cast<Dict*>(self)->~Dict(); }

// ---- methods ----

Result<Value> dict_get_method(Interp& in, Args args) {
    Value v = EDDY_TRY(dict_get(in, as_dict(args[0]), args[1]));
    return v.is_null() ? args[2] : v;
}

Result<Value> dict_setdefault(Interp& in, Args args) {
    Dict* d = as_dict(args[0]);
    int64_t h = EDDY_TRY(key_hash(in, args[1]));
    Value v = EDDY_TRY(dict_get_hashed(in, d, args[1], h));
    if (!v.is_null()) return v;
    EDDY_CHECK(dict_set_hashed(in, d, args[1], h, args[2]));
    return args[2];
}

Result<Value> dict_pop(Interp& in, Args args) {
    Dict* d = as_dict(args[0]);
    int64_t h = EDDY_TRY(key_hash(in, args[1]));
    int64_t pos = EDDY_TRY(find(in, d, args[1], h));
    if (pos < 0) {
        if (args.has(2)) return args[2];
        return raise_key_error(in, args[1]);
    }
    Value v = d->entries[size_t(pos)].value;
    remove_entry(d, size_t(pos));
    return v;
}

Result<Value> dict_popitem(Interp& in, Args args) {
    Dict* d = as_dict(args[0]);
    if (d->used == 0) return raise_key_error(in, str_value(in, "popitem(): dictionary is empty"));
    // remove_entry trims trailing holes, so the last entry is live.
    DictEntry e = d->entries.back();
    Tuple* pair = make_tuple(in, {e.key, e.value});
    remove_entry(d, d->entries.size() - 1);
    return Value::from_obj(pair);
}

Result<Value> dict_update_method(Interp& in, Args args) {
    Dict* d = as_dict(args[0]);
    if (args.has(1)) EDDY_CHECK(dict_update(in, d, args[1]));
    if (args.has(2)) EDDY_CHECK(merge_dict(in, d, as_dict(args[2])));
    return Value::none();
}

Result<Value> dict_clear_method(Interp&, Args args) {
    dict_clear(as_dict(args[0]));
    return Value::none();
}

Result<Value> dict_copy_method(Interp& in, Args args) {
    return Value::from_obj(dict_copy(in, as_dict(args[0])));
}

// dict.fromkeys (a classmethod): cls(), then d[key] = value for each key.
Result<Value> dict_fromkeys(Interp& in, Args args) {
    Value cls = args[0], value = args[2];
    if (cls.is(Value::from_obj(in.types.dict))) {
        Dict* d = make_dict(in);
        EDDY_CHECK(for_each(in, args[1], [&](Value key) -> Status { return dict_set(in, d, key, value); }));
        return Value::from_obj(d);
    }
    Value d = EDDY_TRY(call(in, cls, std::initializer_list<Value>{}));
    EDDY_CHECK(for_each(in, args[1], [&](Value key) -> Status { return set_item(in, d, key, value); }));
    return d;
}

Result<Value> dict_dunder_getitem(Interp& in, Args args) { return dict_getitem_slot(in, args[0], args[1]); }

Result<Value> dict_dunder_setitem(Interp& in, Args args) {
    EDDY_CHECK(dict_set(in, as_dict(args[0]), args[1], args[2]));
    return Value::none();
}

Result<Value> dict_dunder_delitem(Interp& in, Args args) {
    EDDY_CHECK(dict_setitem_slot(in, args[0], args[1], Value::null()));
    return Value::none();
}

Result<Value> dict_dunder_contains(Interp& in, Args args) {
    bool r = EDDY_TRY(dict_contains_slot(in, args[0], args[1]));
    return Value::boolean(r);
}

Result<Value> dict_dunder_len(Interp& in, Args args) { return make_int(in, int64_t(as_dict(args[0])->used)); }

} // namespace

void init_dict_type(Interp& in) {
    Type* t = in.types.dict;
    t->base = in.types.object;
    t->flags |= TF_BaseType;
    t->instance_size = sizeof(Dict);
    t->repr = dict_repr_slot;
    t->len = dict_len_slot;
    t->contains = dict_contains_slot;
    t->getitem = dict_getitem_slot;
    t->setitem = dict_setitem_slot;
    t->richcmp = dict_richcmp_slot;
    t->binary = dict_binary_slot;
    t->new_ = dict_new_slot;
    t->init = dict_init_slot;
    t->trace = dict_trace;
    t->finalize = dict_finalize;
    add_methods(in, t, {
        {"get(self, key, default=None, /)", dict_get_method},
        {"setdefault(self, key, default=None, /)", dict_setdefault},
        {"pop(self, key, default=?, /)", dict_pop},
        {"popitem(self, /)", dict_popitem},
        {"update(self, other=?, /, **kwargs)", dict_update_method},
        {"clear(self, /)", dict_clear_method},
        {"copy(self, /)", dict_copy_method},
        {"__getitem__(self, key, /)", dict_dunder_getitem},
        {"__setitem__(self, key, value, /)", dict_dunder_setitem},
        {"__delitem__(self, key, /)", dict_dunder_delitem},
        {"__contains__(self, key, /)", dict_dunder_contains},
        {"__len__(self, /)", dict_dunder_len},
    });
    static constexpr NativeDef fromkeys{"fromkeys(type, iterable, value=None, /)", dict_fromkeys};
    Value fn = Value::from_obj(make_native_function(in, fromkeys));
    dict_set_str(in, t->dict, in.intern("fromkeys"), make_classmethod(in, fn));
}

} // namespace eddy::rt
