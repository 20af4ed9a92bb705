// runtime/set_object.cpp: set and frozenset with CPython 3.11's exact table (Objects/setobject.c):
// same minimum size (8), same growth (x4, or x2 past 50000 keys, at 60% fill), same probing
// (LINEAR_PROBES = 9 neighbours, then perturbation), same merge/copy/operation strategies. So the
// iteration order, hence print({3, 1, 2}) and set reprs, matches CPython's for equal hashes.
#include "set_object.hpp"

#include <string>

#include "dict_object.hpp"
#include "exception_object.hpp"
#include "int_object.hpp"
#include "interp.hpp"
#include "iterators.hpp"
#include "list_object.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "str_object.hpp"
#include "tuple_object.hpp"

namespace eddy::rt {

namespace {

constexpr size_t MinSize = 8;
constexpr size_t LinearProbes = 9;
constexpr unsigned PerturbShift = 5;
const Value Dummy = Value::error();   // key of a deleted slot (its hash is -1)

bool is_exact_str(const Interp& in, Value v) { return v.is_obj() && v.as_obj()->type == in.types.str; }

Result<int64_t> key_hash(Interp& in, Value key) {
    if (key.is_small_int()) {
        int64_t v = key.as_small_int();
        return v == -1 ? -2 : v;
    }
    if (is_exact_str(in, key)) {
        Str* s = key.as<Str>();
        return s->hash != -1 ? s->hash : str_hash(s);
    }
    return hash(in, key);
}

void ensure_table(Set* s) {
    if (s->table.empty()) s->table.assign(MinSize, SetEntry{0, Value::null()});
}

bool live(const SetEntry& e) { return !e.key.is_null() && !e.key.is(Dummy); }

// Equality of a stored key and a probe key with the same hash: identity, then the exact-str
// shortcut, then __eq__. `changed` reports that the table moved under the call (restart).
Result<bool> keys_match(Interp& in, Set* s, size_t j, Value key, bool& changed) {
    Value start = s->table[j].key;
    if (start.is(key)) return true;
    if (start.is_small_int() && key.is_small_int()) return false;
    if (is_exact_str(in, start) && is_exact_str(in, key)) return str_equal(start.as<Str>(), key.as<Str>());
    const SetEntry* before = s->table.data();
    bool eq = EDDY_TRY(equal(in, start, key));
    changed = s->table.data() != before || !s->table[j].key.is(start);
    return eq;
}

// CPython's set_insert_clean: `table` has no dummies and does not hold `key`.
void insert_clean(std::vector<SetEntry>& table, Value key, int64_t hash) {
    size_t mask = table.size() - 1;
    uint64_t perturb = uint64_t(hash);
    size_t i = size_t(hash) & mask;
    for (;;) {
        if (table[i].key.is_null()) {
            table[i] = {hash, key};
            return;
        }
        if (i + LinearProbes <= mask) {
            for (size_t j = 1; j <= LinearProbes; ++j) {
                if (table[i + j].key.is_null()) {
                    table[i + j] = {hash, key};
                    return;
                }
            }
        }
        perturb >>= PerturbShift;
        i = (i * 5 + 1 + size_t(perturb)) & mask;
    }
}

// CPython's set_table_resize.
void table_resize(Set* s, size_t minused) {
    size_t newsize = MinSize;
    while (newsize <= minused) newsize <<= 1;
    std::vector<SetEntry> old;
    old.swap(s->table);
    s->table.assign(newsize, SetEntry{0, Value::null()});
    for (const SetEntry& e : old)
        if (live(e)) insert_clean(s->table, e.key, e.hash);
    s->fill = s->used;
}

void grow_after_insert(Set* s) {
    size_t mask = s->table.size() - 1;
    if (s->fill * 5 < mask * 3) return;
    table_resize(s, s->used > 50000 ? s->used * 2 : s->used * 4);
}

// CPython's set_add_entry.
Status add_entry(Interp& in, Set* s, Value key, int64_t hash) {
restart:
    ensure_table(s);
    size_t mask = s->table.size() - 1;
    size_t i = size_t(hash) & mask;
    uint64_t perturb = uint64_t(hash);
    int64_t freeslot = -1;
    for (;;) {
        size_t probes = (i + LinearProbes <= mask) ? LinearProbes : 0;
        size_t j = i;
        for (;;) {
            const SetEntry& e = s->table[j];
            if (e.key.is_null()) {
                if (freeslot >= 0) {
                    s->table[size_t(freeslot)] = {hash, key};
                    ++s->used;
                    return ok();
                }
                s->table[j] = {hash, key};
                ++s->fill;
                ++s->used;
                grow_after_insert(s);
                return ok();
            }
            if (e.hash == hash && !e.key.is(Dummy)) {
                bool changed = false;
                bool eq = EDDY_TRY(keys_match(in, s, j, key, changed));
                if (changed) goto restart;
                if (eq) return ok();
            } else if (e.key.is(Dummy)) {
                freeslot = int64_t(j);
            }
            if (probes-- == 0) break;
            ++j;
        }
        perturb >>= PerturbShift;
        i = (i * 5 + 1 + size_t(perturb)) & mask;
    }
}

// CPython's set_lookkey: the slot holding `key`, or -1.
Result<int64_t> lookup(Interp& in, Set* s, Value key, int64_t hash) {
restart:
    if (s->table.empty()) return int64_t(-1);
    size_t mask = s->table.size() - 1;
    size_t i = size_t(hash) & mask;
    uint64_t perturb = uint64_t(hash);
    for (;;) {
        size_t probes = (i + LinearProbes <= mask) ? LinearProbes : 0;
        size_t j = i;
        for (;;) {
            const SetEntry& e = s->table[j];
            if (e.key.is_null()) return int64_t(-1);
            if (e.hash == hash && !e.key.is(Dummy)) {
                bool changed = false;
                bool eq = EDDY_TRY(keys_match(in, s, j, key, changed));
                if (changed) goto restart;
                if (eq) return int64_t(j);
            }
            if (probes-- == 0) break;
            ++j;
        }
        perturb >>= PerturbShift;
        i = (i * 5 + 1 + size_t(perturb)) & mask;
    }
}

Result<bool> contains_entry(Interp& in, Set* s, Value key, int64_t hash) {
    int64_t j = EDDY_TRY(lookup(in, s, key, hash));
    return j >= 0;
}

Result<bool> discard_entry(Interp& in, Set* s, Value key, int64_t hash) {
    int64_t j = EDDY_TRY(lookup(in, s, key, hash));
    if (j < 0) return false;
    s->table[size_t(j)] = {-1, Dummy};
    --s->used;
    return true;
}

} // namespace

// ---- the table API (set_object.hpp) and CPython's set algebra ----

Set* make_set(Interp& in) { return in.heap.alloc<Set>(in.types.set); }
Set* make_frozenset(Interp& in) { return in.heap.alloc<Set>(in.types.frozenset); }

bool is_set_or_frozenset(const Interp& in, Value v) {
    if (!v.is_obj()) return false;
    Type* t = v.as_obj()->type;
    return t == in.types.set || t == in.types.frozenset || is_subtype(t, in.types.set) ||
           is_subtype(t, in.types.frozenset);
}

Status set_add(Interp& in, Set* s, Value key) {
    int64_t h = EDDY_TRY(key_hash(in, key));
    return add_entry(in, s, key, h);
}

Result<bool> set_contains(Interp& in, Set* s, Value key) {
    int64_t h = EDDY_TRY(key_hash(in, key));
    return contains_entry(in, s, key, h);
}

Result<bool> set_discard(Interp& in, Set* s, Value key) {
    int64_t h = EDDY_TRY(key_hash(in, key));
    return discard_entry(in, s, key, h);
}

namespace {

Set* as_set(Value v) { return v.as<Set>(); }

bool is_frozen(const Interp& in, const Set* s) {
    return s->type == in.types.frozenset || is_subtype(s->type, in.types.frozenset);
}

// CPython's make_new_set_basetype: results of set algebra are plain set or frozenset.
Set* new_like(Interp& in, const Set* s) { return is_frozen(in, s) ? make_frozenset(in) : make_set(in); }

// CPython's set_merge: one resize up front, then a straight copy when possible.
void merge_set(Interp& in, Set* s, Set* other) {
    if (s == other || other->used == 0) return;
    ensure_table(s);
    if ((s->fill + other->used) * 5 >= (s->table.size() - 1) * 3)
        table_resize(s, (s->used + other->used) * 2);
    if (s->fill == 0 && s->table.size() == other->table.size() && other->fill == other->used) {
        s->table = other->table;
        s->fill = other->fill;
        s->used = other->used;
        return;
    }
    if (s->fill == 0) {
        s->fill = s->used = other->used;
        for (const SetEntry& e : other->table)
            if (live(e)) insert_clean(s->table, e.key, e.hash);
        return;
    }
    for (size_t i = 0; i < other->table.size(); ++i) {
        SetEntry e = other->table[i];
        // Keys already in a set compare equal only to themselves here: no Python code runs
        // unless two distinct keys share a hash, so errors cannot occur in practice.
        if (live(e) && add_entry(in, s, e.key, e.hash).is_error()) in.take_exception();
    }
}

} // namespace

// CPython's set_update_internal.
Status set_update(Interp& in, Set* s, Value other) {
    if (is_set_or_frozenset(in, other)) {
        merge_set(in, s, as_set(other));
        return ok();
    }
    if (other.is_obj() && other.as_obj()->type == in.types.dict) {
        Dict* d = other.as<Dict>();
        ensure_table(s);
        if ((s->fill + d->used) * 5 >= (s->table.size() - 1) * 3) table_resize(s, (s->used + d->used) * 2);
        for (size_t i = 0; i < d->entries.size(); ++i) {
            DictEntry e = d->entries[i];
            if (!e.key.is_null()) EDDY_CHECK(add_entry(in, s, e.key, e.hash));
        }
        return ok();
    }
    return for_each(in, other, [&](Value key) { return set_add(in, s, key); });
}

Result<Set*> make_frozenset_constant(Interp& in, std::span<const Value> items) {
    // 1. The compiler's PyFrozenSet_New(tuple of the items).
    Set* first = make_frozenset(in);
    for (Value v : items) EDDY_CHECK(set_add(in, first, v));
    // 2. Its constant merging (merge_consts_recursive) rebuilds the frozenset from its own
    //    iteration order.
    Set* frozen = make_frozenset(in);
    for (const SetEntry& e : first->table)
        if (live(e)) EDDY_CHECK(add_entry(in, frozen, e.key, e.hash));
    return frozen;
}

Result<Set*> make_set_from_constant_display(Interp& in, std::span<const Value> items) {
    Set* frozen = EDDY_TRY(make_frozenset_constant(in, items));
    // 3. BUILD_SET 0 + SET_UPDATE: one merge into the empty set.
    Set* s = make_set(in);
    merge_set(in, s, frozen);
    return s;
}

namespace {

Set* copy_of(Interp& in, Set* s) {
    Set* r = new_like(in, s);
    merge_set(in, r, s);
    return r;
}

void clear_set(Set* s) {
    s->table.assign(MinSize, SetEntry{0, Value::null()});
    s->used = s->fill = 0;
}

void swap_bodies(Set* a, Set* b) {
    a->table.swap(b->table);
    std::swap(a->used, b->used);
    std::swap(a->fill, b->fill);
}

// CPython's set_intersection.
Result<Set*> intersection(Interp& in, Set* s, Value other) {
    if (other.is_obj() && other.as_obj() == s) return copy_of(in, s);
    Set* result = new_like(in, s);
    if (is_set_or_frozenset(in, other)) {
        Set* o = as_set(other);
        Set* small = o->used > s->used ? s : o;
        Set* big = o->used > s->used ? o : s;
        for (size_t i = 0; i < small->table.size(); ++i) {
            SetEntry e = small->table[i];
            if (!live(e)) continue;
            bool found = EDDY_TRY(contains_entry(in, big, e.key, e.hash));
            if (found) EDDY_CHECK(add_entry(in, result, e.key, e.hash));
        }
        return result;
    }
    EDDY_CHECK(for_each(in, other, [&](Value key) -> Status {
        int64_t h = EDDY_TRY(key_hash(in, key));
        bool found = EDDY_TRY(contains_entry(in, s, key, h));
        if (found) return add_entry(in, result, key, h);
        return ok();
    }));
    return result;
}

// CPython's set_difference_update_internal.
Status difference_update(Interp& in, Set* s, Value other) {
    if (other.is_obj() && other.as_obj() == s) {
        clear_set(s);
        return ok();
    }
    if (is_set_or_frozenset(in, other)) {
        Set* o = as_set(other);
        for (size_t i = 0; i < o->table.size(); ++i) {
            SetEntry e = o->table[i];
            if (live(e)) EDDY_CHECK(discard_entry(in, s, e.key, e.hash));
        }
    } else {
        EDDY_CHECK(for_each(in, other, [&](Value key) -> Status {
            auto r = set_discard(in, s, key);
            return r.is_error() ? Status(Error{}) : ok();
        }));
    }
    // More than a quarter dummies: resize them away.
    if (s->table.empty() || s->fill - s->used <= (s->table.size() - 1) / 4) return ok();
    table_resize(s, s->used > 50000 ? s->used * 2 : s->used * 4);
    return ok();
}

// CPython's set_difference.
Result<Set*> difference(Interp& in, Set* s, Value other) {
    size_t other_size;
    bool other_dict = other.is_obj() && other.as_obj()->type == in.types.dict;
    if (is_set_or_frozenset(in, other)) other_size = as_set(other)->used;
    else if (other_dict) other_size = other.as<Dict>()->used;
    else other_size = SIZE_MAX;
    if (other_size == SIZE_MAX || (s->used >> 2) > other_size) {
        Set* result = copy_of(in, s);
        EDDY_CHECK(difference_update(in, result, other));
        return result;
    }
    Set* result = new_like(in, s);
    for (size_t i = 0; i < s->table.size(); ++i) {
        SetEntry e = s->table[i];
        if (!live(e)) continue;
        bool found;
        if (other_dict) {
            Value v = EDDY_TRY(dict_get_hashed(in, other.as<Dict>(), e.key, e.hash));
            found = !v.is_null();
        } else {
            found = EDDY_TRY(contains_entry(in, as_set(other), e.key, e.hash));
        }
        if (!found) EDDY_CHECK(add_entry(in, result, e.key, e.hash));
    }
    return result;
}

// CPython's set_symmetric_difference_update.
Status symmetric_difference_update(Interp& in, Set* s, Value other) {
    if (other.is_obj() && other.as_obj() == s) {
        clear_set(s);
        return ok();
    }
    if (other.is_obj() && other.as_obj()->type == in.types.dict) {
        Dict* d = other.as<Dict>();
        for (size_t i = 0; i < d->entries.size(); ++i) {
            DictEntry e = d->entries[i];
            if (e.key.is_null()) continue;
            bool removed = EDDY_TRY(discard_entry(in, s, e.key, e.hash));
            if (!removed) EDDY_CHECK(add_entry(in, s, e.key, e.hash));
        }
        return ok();
    }
    Set* o;
    if (is_set_or_frozenset(in, other)) {
        o = as_set(other);
    } else {
        o = new_like(in, s);
        EDDY_CHECK(set_update(in, o, other));
    }
    for (size_t i = 0; i < o->table.size(); ++i) {
        SetEntry e = o->table[i];
        if (!live(e)) continue;
        bool removed = EDDY_TRY(discard_entry(in, s, e.key, e.hash));
        if (!removed) EDDY_CHECK(add_entry(in, s, e.key, e.hash));
    }
    return ok();
}

// CPython's set_symmetric_difference: built from `other`, then updated with `s`.
Result<Set*> symmetric_difference(Interp& in, Set* s, Value other) {
    Set* result = new_like(in, s);
    EDDY_CHECK(set_update(in, result, other));
    EDDY_CHECK(symmetric_difference_update(in, result, Value::from_obj(s)));
    return result;
}

// CPython's set_issubset for two sets.
Result<bool> is_subset(Interp& in, Set* a, Set* b) {
    if (a->used > b->used) return false;
    for (size_t i = 0; i < a->table.size(); ++i) {
        SetEntry e = a->table[i];
        if (!live(e)) continue;
        bool found = EDDY_TRY(contains_entry(in, b, e.key, e.hash));
        if (!found) return false;
    }
    return true;
}

// A set argument as a Set: itself, or a temporary set built from the iterable.
Result<Set*> as_set_arg(Interp& in, Value v) {
    if (is_set_or_frozenset(in, v)) return as_set(v);
    Set* t = make_set(in);
    EDDY_CHECK(set_update(in, t, v));
    return t;
}

} // namespace

// ---- the set and frozenset types ----

namespace {

// `key in s` for a set key: CPython retries with frozenset(key) when the set itself is unhashable.
template <class F>
auto with_frozen_key(Interp& in, Value key, F&& fn) -> decltype(fn(key)) {
    auto r = fn(key);
    if (!r.is_error() || !in.exception_matches(in.exc.TypeError) || !key.is_obj() ||
        !(key.as_obj()->type == in.types.set || is_subtype(key.as_obj()->type, in.types.set)))
        return r;
    in.take_exception();
    Set* frozen = make_frozenset(in);
    merge_set(in, frozen, as_set(key));
    return fn(Value::from_obj(frozen));
}

Result<Value> set_repr_slot(Interp& in, Value self) {
    Set* s = as_set(self);
    std::string name(type_name(in, self));
    bool exact_set = s->type == in.types.set;
    if (s->used == 0) return str_value(in, name + "()");
    if (!repr_enter(s)) return str_value(in, name + "(...)");
    std::string out = exact_set ? "{" : name + "({";
    bool first = true;
    Status st = ok();
    for (size_t i = 0; i < s->table.size(); ++i) {
        SetEntry e = s->table[i];
        if (!live(e)) continue;
        if (!first) out += ", ";
        first = false;
        st = append_repr(in, out, e.key);
        if (st.is_error()) break;
    }
    repr_leave(s);
    if (st.is_error()) return Error{};
    out += exact_set ? "}" : "})";
    return str_value(in, out);
}

uint64_t shuffle_bits(uint64_t h) { return ((h ^ 89869747ull) ^ (h << 16)) * 3644798167ull; }

// CPython's frozenset_hash: order-independent xor of shuffled entry hashes, then dispersed.
Result<int64_t> set_hash_slot(Interp&, Value self) {
    Set* s = as_set(self);
    if (s->hash != -1) return s->hash;
    uint64_t h = 0;
    for (const SetEntry& e : s->table)
        if (live(e)) h ^= shuffle_bits(uint64_t(e.hash));
    h ^= (uint64_t(s->used) + 1) * 1927868237ull;
    h ^= (h >> 11) ^ (h >> 25);
    h = h * 69069u + 907133923ull;
    if (h == uint64_t(-1)) h = 590923713ull;
    s->hash = int64_t(h);
    return s->hash;
}

Result<int64_t> set_len_slot(Interp&, Value self) { return int64_t(as_set(self)->used); }

Result<bool> set_contains_slot(Interp& in, Value self, Value key) {
    return with_frozen_key(in, key, [&](Value k) { return set_contains(in, as_set(self), k); });
}

Result<Value> set_richcmp_slot(Interp& in, Value a, Value b, vm::CmpOp op) {
    if (!is_set_or_frozenset(in, b)) return Value::not_implemented();
    Set *x = as_set(a), *y = as_set(b);
    bool r = false;
    switch (op) {
    case vm::CmpOp::Eq:
    case vm::CmpOp::Ne:
        r = x->used == y->used && !(x->hash != -1 && y->hash != -1 && x->hash != y->hash);
        if (r) r = EDDY_TRY(is_subset(in, x, y));
        if (op == vm::CmpOp::Ne) r = !r;
        break;
    case vm::CmpOp::Le: r = EDDY_TRY(is_subset(in, x, y)); break;
    case vm::CmpOp::Ge: r = EDDY_TRY(is_subset(in, y, x)); break;
    case vm::CmpOp::Lt:
        r = x->used < y->used;
        if (r) r = EDDY_TRY(is_subset(in, x, y));
        break;
    case vm::CmpOp::Gt:
        r = x->used > y->used;
        if (r) r = EDDY_TRY(is_subset(in, y, x));
        break;
    }
    return Value::boolean(r);
}

// The operators: both sides must be sets (else NotImplemented); in-place forms on a (mutable)
// set update it, on a frozenset they build a new one.
Result<Value> set_binary_slot(Interp& in, Value a, Value b, vm::BinOp op) {
    if (!is_set_or_frozenset(in, b)) return Value::not_implemented();
    Set* s = as_set(a);
    bool inplace = int(op) >= vm::InplaceOffset && !is_frozen(in, s);
    vm::BinOp base = int(op) >= vm::InplaceOffset ? vm::BinOp(int(op) - vm::InplaceOffset) : op;
    switch (base) {
    case vm::BinOp::Or:
        if (inplace) {
            merge_set(in, s, as_set(b));
            return a;
        } else {
            Set* r = copy_of(in, s);
            merge_set(in, r, as_set(b));
            return Value::from_obj(r);
        }
    case vm::BinOp::And: {
        Set* r = EDDY_TRY(intersection(in, s, b));
        if (!inplace) return Value::from_obj(r);
        swap_bodies(s, r);
        return a;
    }
    case vm::BinOp::Sub:
        if (inplace) {
            EDDY_CHECK(difference_update(in, s, b));
            return a;
        } else {
            Set* r = EDDY_TRY(difference(in, s, b));
            return Value::from_obj(r);
        }
    case vm::BinOp::Xor:
        if (inplace) {
            EDDY_CHECK(symmetric_difference_update(in, s, b));
            return a;
        } else {
            Set* r = EDDY_TRY(symmetric_difference(in, s, b));
            return Value::from_obj(r);
        }
    default:
        return Value::not_implemented();
    }
}

Result<Value> set_iter_slot(Interp& in, Value self) {
    Set* s = as_set(self);
    SetIterator* it = in.heap.alloc<SetIterator>(in.types.set_iterator);
    it->set = s;
    it->expected_used = s->used;
    it->remaining = s->used;
    return Value::from_obj(it);
}

Result<Value> set_iterator_next_slot(Interp& in, Value self) {
    SetIterator* it = self.as<SetIterator>();
    Set* s = it->set;
    if (!s) return Value::null();
    if (s->used != it->expected_used) {
        it->expected_used = SIZE_MAX;   // keep failing, as CPython's si_used = -1
        return in.raise(in.exc.RuntimeError, "Set changed size during iteration");
    }
    while (it->pos < s->table.size()) {
        const SetEntry& e = s->table[it->pos++];
        if (live(e)) {
            --it->remaining;
            return e.key;
        }
    }
    it->set = nullptr;
    return Value::null();
}

Result<Value> set_iterator_length_hint(Interp& in, Args args) {
    SetIterator* it = args[0].as<SetIterator>();
    return make_int(in, it->set && it->set->used == it->expected_used ? int64_t(it->remaining) : 0);
}

Result<Value> iterator_self(Interp&, Value self) { return self; }

Result<Value> set_new_slot(Interp& in, Type* type, CallArgs args) {
    if (type == in.types.set) return Value::from_obj(make_set(in));
    bool frozen = type == in.types.frozenset || is_subtype(type, in.types.frozenset);
    if (!frozen) return Value::from_obj(alloc_instance<Set>(in.heap, type));
    // frozenset: immutable, so everything happens here.
    EDDY_CHECK(check_no_keywords(in, args, type == in.types.frozenset ? "frozenset" : type->name.c_str()));
    EDDY_CHECK(check_arg_count(in, args, "frozenset", 0, 1));
    if (args.count == 1 && type == in.types.frozenset && args.values[0].is_obj() &&
        args.values[0].as_obj()->type == in.types.frozenset)
        return args.values[0];
    Set* s = alloc_instance<Set>(in.heap, type);
    if (args.count == 1) EDDY_CHECK(set_update(in, s, args.values[0]));
    return Value::from_obj(s);
}

Status set_init_slot(Interp& in, Value self, CallArgs args) {
    Set* s = as_set(self);
    if (is_frozen(in, s)) return ok();
    EDDY_CHECK(check_no_keywords(in, args, "set"));
    EDDY_CHECK(check_arg_count(in, args, "set", 0, 1));
    if (s->used) clear_set(s);
    if (args.count == 1) return set_update(in, s, args.values[0]);
    return ok();
}

void set_trace(Obj* self, Tracer& tracer) {
    for (const SetEntry& e : static_cast<Set*>(self)->table) tracer.mark(e.key);
}

void set_finalize(Obj* self) { static_cast<Set*>(self)->~Set(); }

void set_iterator_trace(Obj* self, Tracer& tracer) { tracer.mark(static_cast<SetIterator*>(self)->set); }

} // namespace

// ---- methods ----

namespace {

Tuple* others_of(Args args) { return args[1].as<Tuple>(); }

Result<Value> set_add_method(Interp& in, Args args) {
    EDDY_CHECK(set_add(in, as_set(args[0]), args[1]));
    return Value::none();
}

Result<Value> set_remove(Interp& in, Args args) {
    Set* s = as_set(args[0]);
    bool found = EDDY_TRY(with_frozen_key(in, args[1], [&](Value k) { return set_discard(in, s, k); }));
    if (!found)
        return in.raise_value(Value::from_obj(make_exception(in, in.exc.KeyError, make_tuple(in, {args[1]}))));
    return Value::none();
}

Result<Value> set_discard_method(Interp& in, Args args) {
    Set* s = as_set(args[0]);
    EDDY_TRY(with_frozen_key(in, args[1], [&](Value k) { return set_discard(in, s, k); }));
    return Value::none();
}

// CPython's set_pop: resumes the scan where the previous pop stopped (so->finger).
Result<Value> set_pop(Interp& in, Args args) {
    Set* s = as_set(args[0]);
    if (s->used == 0)
        return in.raise_value(Value::from_obj(make_exception(
            in, in.exc.KeyError, make_tuple(in, {str_value(in, "pop from an empty set")}))));
    size_t mask = s->table.size() - 1;
    size_t i = s->finger & mask;
    while (!live(s->table[i])) i = (i + 1) & mask;
    Value key = s->table[i].key;
    s->table[i] = {-1, Dummy};
    --s->used;
    s->finger = i + 1;
    return key;
}

Result<Value> set_clear_method(Interp&, Args args) {
    clear_set(as_set(args[0]));
    return Value::none();
}

Result<Value> set_copy_method(Interp& in, Args args) {
    Set* s = as_set(args[0]);
    if (s->type == in.types.frozenset) return args[0];
    return Value::from_obj(copy_of(in, s));
}

Result<Value> set_update_method(Interp& in, Args args) {
    Tuple* others = others_of(args);
    for (size_t i = 0; i < others->size; ++i) EDDY_CHECK(set_update(in, as_set(args[0]), (*others)[i]));
    return Value::none();
}

Result<Value> set_union(Interp& in, Args args) {
    Set* s = as_set(args[0]);
    Set* r = copy_of(in, s);
    Tuple* others = others_of(args);
    for (size_t i = 0; i < others->size; ++i) {
        if ((*others)[i].is(args[0])) continue;
        EDDY_CHECK(set_update(in, r, (*others)[i]));
    }
    return Value::from_obj(r);
}

// CPython's set_intersection_multi.
Result<Set*> intersection_multi(Interp& in, Set* s, Tuple* others) {
    if (others->size == 0) return copy_of(in, s);
    Set* r = s;
    for (size_t i = 0; i < others->size; ++i) r = EDDY_TRY(intersection(in, r, (*others)[i]));
    return r;
}

Result<Value> set_intersection(Interp& in, Args args) {
    Set* r = EDDY_TRY(intersection_multi(in, as_set(args[0]), others_of(args)));
    return Value::from_obj(r);
}

Result<Value> set_intersection_update(Interp& in, Args args) {
    Set* r = EDDY_TRY(intersection_multi(in, as_set(args[0]), others_of(args)));
    swap_bodies(as_set(args[0]), r);
    return Value::none();
}

Result<Value> set_difference_method(Interp& in, Args args) {
    Set* s = as_set(args[0]);
    Tuple* others = others_of(args);
    if (others->size == 0) return Value::from_obj(copy_of(in, s));
    Set* r = EDDY_TRY(difference(in, s, (*others)[0]));
    for (size_t i = 1; i < others->size; ++i) EDDY_CHECK(difference_update(in, r, (*others)[i]));
    return Value::from_obj(r);
}

Result<Value> set_difference_update(Interp& in, Args args) {
    Tuple* others = others_of(args);
    for (size_t i = 0; i < others->size; ++i) EDDY_CHECK(difference_update(in, as_set(args[0]), (*others)[i]));
    return Value::none();
}

Result<Value> set_symmetric_difference(Interp& in, Args args) {
    Set* r = EDDY_TRY(symmetric_difference(in, as_set(args[0]), args[1]));
    return Value::from_obj(r);
}

Result<Value> set_symmetric_difference_update(Interp& in, Args args) {
    EDDY_CHECK(symmetric_difference_update(in, as_set(args[0]), args[1]));
    return Value::none();
}

Result<Value> set_issubset(Interp& in, Args args) {
    Set* other = EDDY_TRY(as_set_arg(in, args[1]));
    bool r = EDDY_TRY(is_subset(in, as_set(args[0]), other));
    return Value::boolean(r);
}

Result<Value> set_issuperset(Interp& in, Args args) {
    Set* s = as_set(args[0]);
    if (is_set_or_frozenset(in, args[1])) {
        bool r = EDDY_TRY(is_subset(in, as_set(args[1]), s));
        return Value::boolean(r);
    }
    bool all = true;
    EDDY_CHECK(for_each(in, args[1], [&](Value key) -> Status {
        if (!all) return ok();
        bool found = EDDY_TRY(set_contains(in, s, key));
        all = found;
        return ok();
    }));
    return Value::boolean(all);
}

Result<Value> set_isdisjoint(Interp& in, Args args) {
    Set* s = as_set(args[0]);
    if (args[1].is(args[0])) return Value::boolean(s->used == 0);
    if (is_set_or_frozenset(in, args[1])) {
        Set* o = as_set(args[1]);
        Set* small = o->used < s->used ? o : s;
        Set* big = o->used < s->used ? s : o;
        for (size_t i = 0; i < small->table.size(); ++i) {
            SetEntry e = small->table[i];
            if (!live(e)) continue;
            bool found = EDDY_TRY(contains_entry(in, big, e.key, e.hash));
            if (found) return Value::boolean(false);
        }
        return Value::boolean(true);
    }
    bool disjoint = true;
    EDDY_CHECK(for_each(in, args[1], [&](Value key) -> Status {
        if (!disjoint) return ok();
        bool found = EDDY_TRY(set_contains(in, s, key));
        disjoint = !found;
        return ok();
    }));
    return Value::boolean(disjoint);
}

Result<Value> set_dunder_contains(Interp& in, Args args) {
    bool r = EDDY_TRY(set_contains_slot(in, args[0], args[1]));
    return Value::boolean(r);
}

Result<Value> set_dunder_len(Interp& in, Args args) { return make_int(in, int64_t(as_set(args[0])->used)); }

void fill_set_type(Interp& in, Type* t) {
    t->base = in.types.object;
    t->flags |= TF_BaseType;
    t->instance_size = sizeof(Set);
    t->repr = set_repr_slot;
    t->hash = set_hash_slot;
    t->len = set_len_slot;
    t->contains = set_contains_slot;
    t->richcmp = set_richcmp_slot;
    t->binary = set_binary_slot;
    t->iter = set_iter_slot;
    t->new_ = set_new_slot;
    t->init = set_init_slot;
    t->trace = set_trace;
    t->finalize = set_finalize;
    add_methods(in, t, {
        {"copy(self, /)", set_copy_method},
        {"union(self, /, *others)", set_union},
        {"intersection(self, /, *others)", set_intersection},
        {"difference(self, /, *others)", set_difference_method},
        {"symmetric_difference(self, other, /)", set_symmetric_difference},
        {"issubset(self, other, /)", set_issubset},
        {"issuperset(self, other, /)", set_issuperset},
        {"isdisjoint(self, other, /)", set_isdisjoint},
        {"__contains__(self, key, /)", set_dunder_contains},
        {"__len__(self, /)", set_dunder_len},
    });
}

} // namespace

void init_set_types(Interp& in) {
    fill_set_type(in, in.types.set);
    fill_set_type(in, in.types.frozenset);
    in.types.set->hash = nullptr;   // unhashable: comparison without hash (see finish_builtin_types)
    add_methods(in, in.types.set, {
        {"add(self, object, /)", set_add_method},
        {"remove(self, object, /)", set_remove},
        {"discard(self, object, /)", set_discard_method},
        {"pop(self, /)", set_pop},
        {"clear(self, /)", set_clear_method},
        {"update(self, /, *others)", set_update_method},
        {"intersection_update(self, /, *others)", set_intersection_update},
        {"difference_update(self, /, *others)", set_difference_update},
        {"symmetric_difference_update(self, other, /)", set_symmetric_difference_update},
    });
    Type* it = in.types.set_iterator;
    it->base = in.types.object;
    it->instance_size = sizeof(SetIterator);
    it->iter = iterator_self;
    it->next = set_iterator_next_slot;
    it->trace = set_iterator_trace;
    add_methods(in, it, {{"__length_hint__(self, /)", set_iterator_length_hint}});
}

} // namespace eddy::rt
