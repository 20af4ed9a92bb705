// runtime/tuple_object.cpp: the tuple type: construction, hashing (CPython 3.11's xxHash-based
// tuplehash, so hash((1, 2)) matches), comparison, indexing and slicing, + and *, count/index,
// and tuple_iterator. Also the lexicographic sequence comparison that list shares.
#include "tuple_object.hpp"

#include <string>

#include "int_object.hpp"
#include "interp.hpp"
#include "iterators.hpp"
#include "list_object.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "slice_object.hpp"
#include "str_object.hpp"

namespace eddy::rt {

namespace {

Tuple* alloc_tuple(Interp& in, Type* type, size_t n) {
    // Instances of subclasses put their items after the subclass's own fields (and instance dict).
    size_t head = (type == in.types.tuple || type == nullptr || type->instance_size == 0)
                      ? sizeof(Tuple) : type->instance_size;
    Tuple* t = in.heap.alloc<Tuple>(type ? type : in.types.tuple, head + n * sizeof(Value));
    t->size = n;
    t->data = reinterpret_cast<Value*>(reinterpret_cast<char*>(t) + head);
    for (size_t i = 0; i < n; ++i) t->data[i] = Value::none();
    if (head > sizeof(Tuple) && type->dict_offset) instance_dict_slot(t) = nullptr;
    return t;
}

Tuple* as_tuple(Value v) { return v.as<Tuple>(); }

std::span<const Value> tuple_items(Value v) { return as_tuple(v)->span(); }

} // namespace

Tuple* make_tuple(Interp& in, size_t n) {
    if (n == 0 && in.empty_tuple) return in.empty_tuple;
    return alloc_tuple(in, in.types.tuple, n);
}

Tuple* make_tuple(Interp& in, std::span<const Value> items) {
    Tuple* t = make_tuple(in, items.size());
    for (size_t i = 0; i < items.size(); ++i) t->data[i] = items[i];
    return t;
}

bool is_tuple(const Interp& in, Value v) {
    return v.is_obj() && (v.as_obj()->type == in.types.tuple ||
                          is_subtype(v.as_obj()->type, in.types.tuple));
}

Result<Tuple*> tuple_from_iterable(Interp& in, Value iterable) {
    if (iterable.is_obj() && iterable.as_obj()->type == in.types.tuple) return as_tuple(iterable);
    if (is_list(in, iterable)) return make_tuple(in, iterable.as<List>()->items);
    List* collected = EDDY_TRY(list_from_iterable(in, iterable));
    return make_tuple(in, collected->items);
}

// CPython 3.11 tuplehash: xxHash's round over each item's hash, then the length.
int64_t tuple_hash_combine(std::span<const int64_t> hashes) {
    constexpr uint64_t Prime1 = 11400714785074694791ull;
    constexpr uint64_t Prime2 = 14029467366897019727ull;
    constexpr uint64_t Prime5 = 2870177450012600261ull;
    uint64_t acc = Prime5;
    for (int64_t h : hashes) {
        acc += uint64_t(h) * Prime2;
        acc = (acc << 31) | (acc >> 33);
        acc *= Prime1;
    }
    acc += hashes.size() ^ (Prime5 ^ 3527539ull);
    if (acc == uint64_t(-1)) return 1546275796;
    return int64_t(acc);
}

Result<Value> compare_sequences(Interp& in, Value a, Value b, vm::CmpOp op, ItemsFn items) {
    // 1. Find the first index where the items differ (identity counts as equal).
    size_t i = 0;
    for (;; ++i) {
        auto xs = items(a), ys = items(b);
        if (i >= xs.size() || i >= ys.size()) break;
        Value x = xs[i], y = ys[i];
        if (x.is(y)) continue;
        bool eq = EDDY_TRY(equal(in, x, y));
        if (!eq) break;
    }
    auto xs = items(a), ys = items(b);
    // 2. No more items to compare: the lengths decide.
    if (i >= xs.size() || i >= ys.size()) {
        size_t na = xs.size(), nb = ys.size();
        bool r = false;
        switch (op) {
        case vm::CmpOp::Lt: r = na < nb; break;
        case vm::CmpOp::Le: r = na <= nb; break;
        case vm::CmpOp::Eq: r = na == nb; break;
        case vm::CmpOp::Ne: r = na != nb; break;
        case vm::CmpOp::Gt: r = na > nb; break;
        case vm::CmpOp::Ge: r = na >= nb; break;
        }
        return Value::boolean(r);
    }
    // 3. The first differing pair decides.
    if (op == vm::CmpOp::Eq) return Value::boolean(false);
    if (op == vm::CmpOp::Ne) return Value::boolean(true);
    return compare(in, xs[i], ys[i], op);
}

namespace {

Result<Value> tuple_repr_slot(Interp& in, Value self) {
    Tuple* t = as_tuple(self);
    if (t->size == 0) return str_value(in, "()");
    if (!repr_enter(t)) return str_value(in, "(...)");
    std::string out = "(";
    for (size_t i = 0; i < t->size; ++i) {
        if (i) out += ", ";
        if (append_repr(in, out, t->data[i]).is_error()) {
            repr_leave(t);
            return Error{};
        }
    }
    repr_leave(t);
    out += t->size == 1 ? ",)" : ")";
    return str_value(in, out);
}

Result<int64_t> tuple_hash_slot(Interp& in, Value self) {
    Tuple* t = as_tuple(self);
    constexpr uint64_t Prime1 = 11400714785074694791ull;
    constexpr uint64_t Prime2 = 14029467366897019727ull;
    constexpr uint64_t Prime5 = 2870177450012600261ull;
    uint64_t acc = Prime5;
    for (size_t i = 0; i < t->size; ++i) {
        int64_t h = EDDY_TRY(hash(in, t->data[i]));
        acc += uint64_t(h) * Prime2;
        acc = (acc << 31) | (acc >> 33);
        acc *= Prime1;
    }
    acc += t->size ^ (Prime5 ^ 3527539ull);
    if (acc == uint64_t(-1)) return int64_t(1546275796);
    return int64_t(acc);
}

Result<int64_t> tuple_len_slot(Interp&, Value self) { return int64_t(as_tuple(self)->size); }

Result<Value> tuple_richcmp_slot(Interp& in, Value a, Value b, vm::CmpOp op) {
    if (!is_tuple(in, b)) return Value::not_implemented();
    return compare_sequences(in, a, b, op, tuple_items);
}

Result<bool> tuple_contains_slot(Interp& in, Value self, Value item) {
    Tuple* t = as_tuple(self);
    for (size_t i = 0; i < t->size; ++i) {
        if (t->data[i].is(item)) return true;
        bool eq = EDDY_TRY(equal(in, t->data[i], item));
        if (eq) return true;
    }
    return false;
}

Result<Value> tuple_getitem_slot(Interp& in, Value self, Value key) {
    Tuple* t = as_tuple(self);
    if (key.is_small_int()) {
        int64_t i = key.as_small_int();
        if (i < 0) i += int64_t(t->size);
        if (i < 0 || i >= int64_t(t->size)) return in.raise(in.exc.IndexError, "tuple index out of range");
        return t->data[i];
    }
    if (is_slice(in, key)) {
        SliceIndices s = EDDY_TRY(slice_indices(in, key.as<Slice>(), int64_t(t->size)));
        if (s.step == 1 && s.count == int64_t(t->size) && t->type == in.types.tuple) return self;
        Tuple* r = make_tuple(in, size_t(s.count));
        for (int64_t k = 0, j = s.start; k < s.count; ++k, j += s.step) r->data[k] = t->data[j];
        return Value::from_obj(r);
    }
    int64_t i = EDDY_TRY(sequence_index(in, key, int64_t(t->size), "tuple", "tuple index out of range"));
    return t->data[i];
}

Result<Value> tuple_repeat(Interp& in, Tuple* t, Value count) {
    int64_t n = EDDY_TRY(index_as_int64(in, count));
    if (n <= 0 || t->size == 0) return Value::from_obj(make_tuple(in, 0));
    if (n == 1 && t->type == in.types.tuple) return Value::from_obj(t);
    if (uint64_t(n) > (uint64_t(1) << 60) / t->size ||
        in.heap.would_exceed(size_t(n) * t->size * sizeof(Value)))
        return in.raise_memory_error();
    Tuple* r = make_tuple(in, t->size * size_t(n));
    for (int64_t k = 0; k < n; ++k)
        for (size_t i = 0; i < t->size; ++i) r->data[k * t->size + i] = t->data[i];
    return Value::from_obj(r);
}

// Only a user class may still answer `tuple * x` with __rmul__; for builtins CPython's
// sq_repeat fallback raises at once.
bool defer_to_user_class(Interp& in, Value other) {
    return type_of(in, other)->flags & TF_HeapType;
}

Result<Value> tuple_binary_slot(Interp& in, Value a, Value b, vm::BinOp op) {
    if (op == vm::BinOp::Add || op == vm::BinOp::InplaceAdd) {
        if (!is_tuple(in, b)) {
            if (defer_to_user_class(in, b)) return Value::not_implemented();
            return in.raise(in.exc.TypeError, "can only concatenate tuple (not \"" +
                                                  std::string(type_name(in, b)) + "\") to tuple");
        }
        Tuple *x = as_tuple(a), *y = as_tuple(b);
        if (y->size == 0 && x->type == in.types.tuple) return a;
        if (x->size == 0 && y->type == in.types.tuple) return b;
        Tuple* r = make_tuple(in, x->size + y->size);
        std::copy(x->data, x->data + x->size, r->data);
        std::copy(y->data, y->data + y->size, r->data + x->size);
        return Value::from_obj(r);
    }
    if (op == vm::BinOp::Mul || op == vm::BinOp::InplaceMul) {
        if (!is_index_like(in, b)) {
            if (defer_to_user_class(in, b)) return Value::not_implemented();
            return in.raise(in.exc.TypeError, "can't multiply sequence by non-int of type '" +
                                                  std::string(type_name(in, b)) + "'");
        }
        return tuple_repeat(in, as_tuple(a), b);
    }
    return Value::not_implemented();
}

Result<Value> tuple_rbinary_slot(Interp& in, Value self, Value other, vm::BinOp op) {
    if ((op == vm::BinOp::Mul || op == vm::BinOp::InplaceMul) && is_index_like(in, other))
        return tuple_repeat(in, as_tuple(self), other);
    return Value::not_implemented();
}

Result<Value> tuple_iter_slot(Interp& in, Value self) {
    TupleIterator* it = in.heap.alloc<TupleIterator>(in.types.tuple_iterator);
    it->tuple = as_tuple(self);
    return Value::from_obj(it);
}

Result<Value> tuple_iterator_next_slot(Interp&, Value self) {
    TupleIterator* it = self.as<TupleIterator>();
    if (!it->tuple) return Value::null();
    if (it->index < it->tuple->size) return it->tuple->data[it->index++];
    it->tuple = nullptr;
    return Value::null();
}

Result<Value> tuple_iterator_length_hint(Interp& in, Args args) {
    TupleIterator* it = args[0].as<TupleIterator>();
    return make_int(in, it->tuple ? int64_t(it->tuple->size - it->index) : 0);
}

Result<Value> iterator_self(Interp&, Value self) { return self; }

Result<Value> tuple_new_slot(Interp& in, Type* type, CallArgs args) {
    EDDY_CHECK(check_no_keywords(in, args, "tuple"));
    EDDY_CHECK(check_arg_count(in, args, "tuple", 0, 1));
    if (type == in.types.tuple) {
        if (args.count == 0) return Value::from_obj(make_tuple(in, 0));
        return Value::from_obj(EDDY_TRY(tuple_from_iterable(in, args.values[0])));
    }
    Tuple* items = args.count ? EDDY_TRY(tuple_from_iterable(in, args.values[0])) : make_tuple(in, 0);
    Tuple* t = alloc_tuple(in, type, items->size);
    std::copy(items->data, items->data + items->size, t->data);
    return Value::from_obj(t);
}

// Bounds for index()/count() style (start, stop) arguments, clamped as CPython's
// _PyEval_SliceIndexNotNone + the usual negative wrap.
Result<std::pair<size_t, size_t>> search_bounds(Interp& in, Args args, size_t first, size_t len) {
    int64_t start = 0, stop = int64_t(len);
    if (args.has(first)) start = EDDY_TRY(index_as_int64(in, args[first]));
    if (args.has(first + 1)) stop = EDDY_TRY(index_as_int64(in, args[first + 1]));
    if (start < 0) start = std::max<int64_t>(0, start + int64_t(len));
    if (stop < 0) stop = std::max<int64_t>(0, stop + int64_t(len));
    stop = std::min<int64_t>(stop, int64_t(len));
    return std::pair<size_t, size_t>(size_t(start), size_t(std::max(start, stop)));
}

Result<Value> tuple_index(Interp& in, Args args) {
    Tuple* t = as_tuple(args[0]);
    auto [start, stop] = EDDY_TRY(search_bounds(in, args, 2, t->size));
    for (size_t i = start; i < stop && i < t->size; ++i) {
        bool eq = EDDY_TRY(equal(in, t->data[i], args[1]));
        if (eq) return make_int(in, int64_t(i));
    }
    return in.raise(in.exc.ValueError, "tuple.index(x): x not in tuple");
}

Result<Value> tuple_count(Interp& in, Args args) {
    Tuple* t = as_tuple(args[0]);
    int64_t n = 0;
    for (size_t i = 0; i < t->size; ++i) {
        bool eq = EDDY_TRY(equal(in, t->data[i], args[1]));
        n += eq;
    }
    return make_int(in, n);
}

Result<Value> tuple_getnewargs(Interp& in, Args args) {
    Tuple* t = as_tuple(args[0]);
    return Value::from_obj(make_tuple(in, {Value::from_obj(make_tuple(in, t->span()))}));
}

void tuple_trace(Obj* self, Tracer& tracer) {
    Tuple* t = static_cast<Tuple*>(self);
    tracer.mark(std::span<const Value>(t->data, t->size));
}

void tuple_iterator_trace(Obj* self, Tracer& tracer) {
    tracer.mark(static_cast<TupleIterator*>(self)->tuple);
}

} // namespace

void init_tuple_type(Interp& in) {
    Type* t = in.types.tuple;
    t->base = in.types.object;
    t->flags |= TF_BaseType;
    t->instance_size = sizeof(Tuple);
    t->repr = tuple_repr_slot;
    t->hash = tuple_hash_slot;
    t->len = tuple_len_slot;
    t->richcmp = tuple_richcmp_slot;
    t->contains = tuple_contains_slot;
    t->getitem = tuple_getitem_slot;
    t->binary = tuple_binary_slot;
    t->rbinary = tuple_rbinary_slot;
    t->iter = tuple_iter_slot;
    t->new_ = tuple_new_slot;
    t->trace = tuple_trace;
    add_methods(in, t, {
        {"index(self, value, start=?, stop=?, /)", tuple_index},
        {"count(self, value, /)", tuple_count},
        {"__getnewargs__(self, /)", tuple_getnewargs},
    });

    Type* it = in.types.tuple_iterator;
    it->base = in.types.object;
    it->instance_size = sizeof(TupleIterator);
    it->iter = iterator_self;
    it->next = tuple_iterator_next_slot;
    it->trace = tuple_iterator_trace;
    add_methods(in, it, {{"__length_hint__(self, /)", tuple_iterator_length_hint}});
}

} // namespace eddy::rt
