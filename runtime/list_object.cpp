// runtime/list_object.cpp: the list type: construction, indexing, slicing and slice assignment,
// the mutating methods, comparison, + and *, reprs with a recursion guard, and the two list
// iterators. Sorting lives in list_sort.cpp. Also init_container_types, which runs every
// container file's init in turn.
#include "list_object.hpp"

#include <algorithm>
#include <string>

#include "dict_object.hpp"
#include "int_object.hpp"
#include "generic_alias.hpp"
#include "interp.hpp"
#include "iterators.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "range_object.hpp"
#include "set_object.hpp"
#include "slice_object.hpp"
#include "str_object.hpp"
#include "tuple_object.hpp"
#include "type_inits.hpp"

namespace eddy::rt {

namespace {

List* as_list(Value v) { return v.as<List>(); }

std::span<const Value> list_items(Value v) { return as_list(v)->items; }

List* alloc_list(Interp& in, Type* type) {
    size_t size = type->instance_size > sizeof(List) ? type->instance_size : sizeof(List);
    List* l = in.heap.alloc<List>(type, size);
    if (size > sizeof(List) && type->dict_offset) instance_dict_slot(l) = nullptr;
    return l;
}

// MemoryError before growing past the heap cap (`[0] * 10**12`).
Status reserve_checked(Interp& in, List* l, size_t extra) {
    size_t want = l->items.size() + extra;
    if (want > (size_t(1) << 59) || in.heap.would_exceed(extra * sizeof(Value)))
        return in.raise_memory_error();
    l->items.reserve(want);
    return ok();
}

} // namespace

List* make_list(Interp& in, std::span<const Value> items) {
    List* l = in.heap.alloc<List>(in.types.list);
    l->items.assign(items.begin(), items.end());
    return l;
}

bool is_list(const Interp& in, Value v) {
    return v.is_obj() && (v.as_obj()->type == in.types.list ||
                          is_subtype(v.as_obj()->type, in.types.list));
}

Status list_extend(Interp& in, List* list, Value iterable) {
    // Known sizes copy directly; `a.extend(a)` reads a snapshot of the old items.
    if (is_list(in, iterable) || is_tuple(in, iterable)) {
        std::span<const Value> src = is_list(in, iterable)
                                         ? std::span<const Value>(as_list(iterable)->items)
                                         : iterable.as<Tuple>()->span();
        EDDY_CHECK(reserve_checked(in, list, src.size()));
        size_t n = src.size();
        for (size_t i = 0; i < n; ++i) list->items.push_back(src.data()[i]);
        return ok();
    }
    if (iterable.is_obj() && iterable.as_obj()->type == in.types.range) {
        Range* r = iterable.as<Range>();
        if (r->small) {
            EDDY_CHECK(reserve_checked(in, list, size_t(r->ilength)));
            for (int64_t k = 0, v = r->istart; k < r->ilength; ++k, v += r->istep)
                list->items.push_back(Value::from_small_int(v));
            return ok();
        }
    }
    return for_each(in, iterable, [&](Value item) -> Status {
        list->items.push_back(item);
        return ok();
    });
}

Result<List*> list_from_iterable(Interp& in, Value iterable) {
    List* l = make_list(in);
    EDDY_CHECK(list_extend(in, l, iterable));
    return l;
}

namespace {

Result<Value> list_repr_slot(Interp& in, Value self) {
    List* l = as_list(self);
    if (l->items.empty()) return str_value(in, "[]");
    if (!repr_enter(l)) return str_value(in, "[...]");
    std::string out = "[";
    // The list may change while an item's __repr__ runs: re-check the size every step.
    for (size_t i = 0; i < l->items.size(); ++i) {
        if (i) out += ", ";
        if (append_repr(in, out, l->items[i]).is_error()) {
            repr_leave(l);
            return Error{};
        }
    }
    repr_leave(l);
    out += "]";
    return str_value(in, out);
}

Result<int64_t> list_len_slot(Interp&, Value self) { return int64_t(as_list(self)->items.size()); }

Result<Value> list_richcmp_slot(Interp& in, Value a, Value b, vm::CmpOp op) {
    if (!is_list(in, b)) return Value::not_implemented();
    // Lists of different lengths are never equal: skip the item comparisons.
    if ((op == vm::CmpOp::Eq || op == vm::CmpOp::Ne) &&
        as_list(a)->items.size() != as_list(b)->items.size())
        return Value::boolean(op == vm::CmpOp::Ne);
    return compare_sequences(in, a, b, op, list_items);
}

Result<bool> list_contains_slot(Interp& in, Value self, Value item) {
    List* l = as_list(self);
    for (size_t i = 0; i < l->items.size(); ++i) {
        Value x = l->items[i];
        if (x.is(item)) return true;
        bool eq = EDDY_TRY(equal(in, x, item));
        if (eq) return true;
    }
    return false;
}

Result<Value> list_getitem_slot(Interp& in, Value self, Value key) {
    List* l = as_list(self);
    int64_t n = int64_t(l->items.size());
    if (key.is_small_int()) {
        int64_t i = key.as_small_int();
        if (i < 0) i += n;
        if (i < 0 || i >= n) return in.raise(in.exc.IndexError, "list index out of range");
        return l->items[i];
    }
    if (is_slice(in, key)) {
        SliceIndices s = EDDY_TRY(slice_indices(in, key.as<Slice>(), n));
        List* r = make_list(in);
        r->items.reserve(size_t(s.count));
        for (int64_t k = 0, j = s.start; k < s.count; ++k, j += s.step) r->items.push_back(l->items[j]);
        return Value::from_obj(r);
    }
    int64_t i = EDDY_TRY(sequence_index(in, key, n, "list", "list index out of range"));
    return l->items[i];
}

// a[i:j:k] = iterable, as CPython's list_ass_slice / list_ass_subscript.
Status list_assign_slice(Interp& in, List* l, Slice* slice, Value value) {
    // Materialise the right side first (it may be the list itself, or a generator over it),
    // then compute the positions against the list as it is now.
    List* src = (value.is_obj() && value.as_obj() == l) ? make_list(in, l->items)
                                                         : EDDY_TRY(list_from_iterable(in, value));
    SliceIndices s = EDDY_TRY(slice_indices(in, slice, int64_t(l->items.size())));
    auto& items = l->items;
    if (s.step == 1) {
        int64_t start = s.start, stop = std::max(s.start, s.stop);
        EDDY_CHECK(reserve_checked(in, l, src->items.size()));
        items.erase(items.begin() + start, items.begin() + stop);
        items.insert(items.begin() + start, src->items.begin(), src->items.end());
        return ok();
    }
    if (int64_t(src->items.size()) != s.count)
        return in.raise(in.exc.ValueError, "attempt to assign sequence of size " +
                                               std::to_string(src->items.size()) +
                                               " to extended slice of size " + std::to_string(s.count));
    for (int64_t k = 0, j = s.start; k < s.count; ++k, j += s.step) items[j] = src->items[k];
    return ok();
}

void list_delete_slice(List* l, const SliceIndices& s) {
    auto& items = l->items;
    if (s.count <= 0) return;
    if (s.step == 1) {
        items.erase(items.begin() + s.start, items.begin() + s.start + s.count);
        return;
    }
    // Normalise to an ascending walk, then compact the survivors in one pass.
    int64_t lo = s.step > 0 ? s.start : s.start + (s.count - 1) * s.step;
    int64_t step = s.step > 0 ? s.step : -s.step;
    size_t out = size_t(lo);
    int64_t next_dead = lo, dead_left = s.count;
    for (size_t i = size_t(lo); i < items.size(); ++i) {
        if (dead_left > 0 && int64_t(i) == next_dead) {
            next_dead += step;
            --dead_left;
            continue;
        }
        items[out++] = items[i];
    }
    items.resize(out);
}

Status list_setitem_slot(Interp& in, Value self, Value key, Value value) {
    List* l = as_list(self);
    int64_t n = int64_t(l->items.size());
    if (is_slice(in, key)) {
        if (value.is_null()) {
            SliceIndices s = EDDY_TRY(slice_indices(in, key.as<Slice>(), n));
            list_delete_slice(l, s);
            return ok();
        }
        return list_assign_slice(in, l, key.as<Slice>(), value);
    }
    int64_t i = EDDY_TRY(sequence_index(in, key, n, "list", "list assignment index out of range"));
    if (value.is_null())
        l->items.erase(l->items.begin() + i);
    else
        l->items[i] = value;
    return ok();
}

Result<Value> list_repeat(Interp& in, List* l, Value count) {
    int64_t n = EDDY_TRY(index_as_int64(in, count));
    size_t size = l->items.size();
    List* r = make_list(in);
    if (n <= 0 || size == 0) return Value::from_obj(r);
    if (uint64_t(n) > (uint64_t(1) << 59) / size) return in.raise_memory_error();
    EDDY_CHECK(reserve_checked(in, r, size * size_t(n)));
    for (int64_t k = 0; k < n; ++k) r->items.insert(r->items.end(), l->items.begin(), l->items.begin() + size);
    return Value::from_obj(r);
}

bool defer_to_user_class(Interp& in, Value other) { return type_of(in, other)->flags & TF_HeapType; }

Result<Value> list_binary_slot(Interp& in, Value a, Value b, vm::BinOp op) {
    List* l = as_list(a);
    switch (op) {
    case vm::BinOp::Add: {
        if (!is_list(in, b)) {
            if (defer_to_user_class(in, b)) return Value::not_implemented();
            return in.raise(in.exc.TypeError, "can only concatenate list (not \"" +
                                                  std::string(type_name(in, b)) + "\") to list");
        }
        List* r = make_list(in);
        EDDY_CHECK(reserve_checked(in, r, l->items.size() + as_list(b)->items.size()));
        r->items = l->items;
        r->items.insert(r->items.end(), as_list(b)->items.begin(), as_list(b)->items.end());
        return Value::from_obj(r);
    }
    case vm::BinOp::InplaceAdd:
        EDDY_CHECK(list_extend(in, l, b));
        return a;
    case vm::BinOp::Mul:
    case vm::BinOp::InplaceMul: {
        if (!is_index_like(in, b)) {
            if (defer_to_user_class(in, b)) return Value::not_implemented();
            return in.raise(in.exc.TypeError, "can't multiply sequence by non-int of type '" +
                                                  std::string(type_name(in, b)) + "'");
        }
        Value r = EDDY_TRY(list_repeat(in, l, b));
        if (op == vm::BinOp::Mul) return r;
        l->items.swap(as_list(r)->items);
        return a;
    }
    default:
        return Value::not_implemented();
    }
}

Result<Value> list_rbinary_slot(Interp& in, Value self, Value other, vm::BinOp op) {
    if (op == vm::BinOp::Mul && is_index_like(in, other)) return list_repeat(in, as_list(self), other);
    return Value::not_implemented();
}

Result<Value> list_iter_slot(Interp& in, Value self) {
    ListIterator* it = in.heap.alloc<ListIterator>(in.types.list_iterator);
    it->list = as_list(self);
    return Value::from_obj(it);
}

Result<Value> list_iterator_next_slot(Interp&, Value self) {
    ListIterator* it = self.as<ListIterator>();
    if (!it->list) return Value::null();
    if (it->index < it->list->items.size()) return it->list->items[it->index++];
    it->list = nullptr;
    return Value::null();
}

Result<Value> list_reverseiterator_next_slot(Interp&, Value self) {
    ListIterator* it = self.as<ListIterator>();
    if (!it->list) return Value::null();
    if (it->index > 0 && it->index <= it->list->items.size()) return it->list->items[--it->index];
    it->list = nullptr;
    return Value::null();
}

Result<Value> iterator_self(Interp&, Value self) { return self; }

Result<Value> list_iterator_length_hint(Interp& in, Args args) {
    ListIterator* it = args[0].as<ListIterator>();
    if (!it->list) return make_int(in, 0);
    size_t n = it->list->items.size();
    if (it->type == in.types.list_reverseiterator) return make_int(in, int64_t(std::min(it->index, n)));
    return make_int(in, int64_t(it->index < n ? n - it->index : 0));
}

Result<Value> list_new_slot(Interp& in, Type* type, CallArgs) {
    return Value::from_obj(alloc_list(in, type));
}

// list.__init__(iterable=()): clears, then extends (so list.__init__ on a subclass re-fills).
Status list_init_slot(Interp& in, Value self, CallArgs args) {
    EDDY_CHECK(check_no_keywords(in, args, "list"));
    EDDY_CHECK(check_arg_count(in, args, "list", 0, 1));
    List* l = as_list(self);
    l->items.clear();
    if (args.count == 1) return list_extend(in, l, args.values[0]);
    return ok();
}

void list_trace(Obj* self, Tracer& tracer) { tracer.mark(static_cast<List*>(self)->items); }
void list_finalize(Obj* self) { static_cast<List*>(self)->~List(); }
void list_iterator_trace(Obj* self, Tracer& tracer) { tracer.mark(static_cast<ListIterator*>(self)->list); }

} // namespace

// ---- methods ----

namespace {

Result<Value> list_append(Interp&, Args args) {
    as_list(args[0])->items.push_back(args[1]);
    return Value::none();
}

Result<Value> list_extend_method(Interp& in, Args args) {
    EDDY_CHECK(list_extend(in, as_list(args[0]), args[1]));
    return Value::none();
}

Result<Value> list_insert(Interp& in, Args args) {
    List* l = as_list(args[0]);
    int64_t i = EDDY_TRY(index_as_int64(in, args[1]));
    int64_t n = int64_t(l->items.size());
    if (i < 0) i = std::max<int64_t>(0, i + n);
    if (i > n) i = n;
    l->items.insert(l->items.begin() + i, args[2]);
    return Value::none();
}

Result<Value> list_pop(Interp& in, Args args) {
    List* l = as_list(args[0]);
    int64_t i = -1;
    if (args.has(1)) i = EDDY_TRY(index_as_int64(in, args[1]));
    int64_t n = int64_t(l->items.size());
    if (n == 0) return in.raise(in.exc.IndexError, "pop from empty list");
    if (i < 0) i += n;
    if (i < 0 || i >= n) return in.raise(in.exc.IndexError, "pop index out of range");
    Value v = l->items[i];
    l->items.erase(l->items.begin() + i);
    return v;
}

Result<Value> list_remove(Interp& in, Args args) {
    List* l = as_list(args[0]);
    for (size_t i = 0; i < l->items.size(); ++i) {
        bool eq = EDDY_TRY(equal(in, l->items[i], args[1]));
        if (eq) {
            if (i < l->items.size()) l->items.erase(l->items.begin() + i);
            return Value::none();
        }
    }
    return in.raise(in.exc.ValueError, "list.remove(x): x not in list");
}

Result<Value> list_index(Interp& in, Args args) {
    List* l = as_list(args[0]);
    int64_t n = int64_t(l->items.size());
    int64_t start = 0, stop = n;
    if (args.has(2)) start = EDDY_TRY(index_as_int64(in, args[2]));
    if (args.has(3)) stop = EDDY_TRY(index_as_int64(in, args[3]));
    if (start < 0) start = std::max<int64_t>(0, start + n);
    if (stop < 0) stop = std::max<int64_t>(0, stop + n);
    for (int64_t i = start; i < stop && i < int64_t(l->items.size()); ++i) {
        bool eq = EDDY_TRY(equal(in, l->items[i], args[1]));
        if (eq) return make_int(in, i);
    }
    std::string r = EDDY_TRY(repr_string(in, args[1]));
    return in.raise(in.exc.ValueError, r + " is not in list");
}

Result<Value> list_count(Interp& in, Args args) {
    List* l = as_list(args[0]);
    int64_t count = 0;
    for (size_t i = 0; i < l->items.size(); ++i) {
        bool eq = EDDY_TRY(equal(in, l->items[i], args[1]));
        count += eq;
    }
    return make_int(in, count);
}

Result<Value> list_clear(Interp&, Args args) {
    as_list(args[0])->items.clear();
    return Value::none();
}

Result<Value> list_copy(Interp& in, Args args) {
    return Value::from_obj(make_list(in, as_list(args[0])->items));
}

Result<Value> list_reverse(Interp&, Args args) {
    auto& items = as_list(args[0])->items;
    std::reverse(items.begin(), items.end());
    return Value::none();
}

Result<Value> list_sort_method(Interp& in, Args args) {
    bool reverse = EDDY_TRY(truthy(in, args[2]));
    EDDY_CHECK(list_sort(in, as_list(args[0]), args[1], reverse));
    return Value::none();
}

Result<Value> list_reversed(Interp& in, Args args) {
    ListIterator* it = in.heap.alloc<ListIterator>(in.types.list_reverseiterator);
    it->list = as_list(args[0]);
    it->index = it->list->items.size();
    return Value::from_obj(it);
}

Result<Value> list_dunder_getitem(Interp& in, Args args) { return list_getitem_slot(in, args[0], args[1]); }

Result<Value> list_dunder_len(Interp& in, Args args) {
    return make_int(in, int64_t(as_list(args[0])->items.size()));
}

Result<Value> list_dunder_contains(Interp& in, Args args) {
    bool r = EDDY_TRY(list_contains_slot(in, args[0], args[1]));
    return Value::boolean(r);
}

Result<Value> list_dunder_iter(Interp& in, Args args) { return list_iter_slot(in, args[0]); }

Result<Value> list_dunder_setitem(Interp& in, Args args) {
    EDDY_CHECK(list_setitem_slot(in, args[0], args[1], args[2]));
    return Value::none();
}

Result<Value> list_dunder_delitem(Interp& in, Args args) {
    EDDY_CHECK(list_setitem_slot(in, args[0], args[1], Value::null()));
    return Value::none();
}

Result<Value> list_dunder_init(Interp& in, Args args) {
    List* l = as_list(args[0]);
    l->items.clear();
    if (args.has(1)) EDDY_CHECK(list_extend(in, l, args[1]));
    return Value::none();
}

} // namespace

void init_list_type(Interp& in) {
    Type* t = in.types.list;
    t->base = in.types.object;
    t->flags |= TF_BaseType;
    t->instance_size = sizeof(List);
    t->repr = list_repr_slot;
    t->len = list_len_slot;
    t->richcmp = list_richcmp_slot;
    t->contains = list_contains_slot;
    t->getitem = list_getitem_slot;
    t->setitem = list_setitem_slot;
    t->binary = list_binary_slot;
    t->rbinary = list_rbinary_slot;
    t->iter = list_iter_slot;
    t->new_ = list_new_slot;
    t->init = list_init_slot;
    t->trace = list_trace;
    t->finalize = list_finalize;
    add_methods(in, t, {
        {"append(self, object, /)", list_append},
        {"extend(self, iterable, /)", list_extend_method},
        {"insert(self, index, object, /)", list_insert},
        {"pop(self, index=?, /)", list_pop},
        {"remove(self, value, /)", list_remove},
        {"index(self, value, start=?, stop=?, /)", list_index},
        {"count(self, value, /)", list_count},
        {"clear(self, /)", list_clear},
        {"copy(self, /)", list_copy},
        {"reverse(self, /)", list_reverse},
        {"sort(self, /, *, key=None, reverse=False)", list_sort_method},
        {"__reversed__(self, /)", list_reversed},
        {"__getitem__(self, key, /)", list_dunder_getitem},
        {"__setitem__(self, key, value, /)", list_dunder_setitem},
        {"__delitem__(self, key, /)", list_dunder_delitem},
        {"__len__(self, /)", list_dunder_len},
        {"__contains__(self, key, /)", list_dunder_contains},
        {"__iter__(self, /)", list_dunder_iter},
        {"__init__(self, iterable=?, /)", list_dunder_init},
    });

    for (Type* it : {in.types.list_iterator, in.types.list_reverseiterator}) {
        it->base = in.types.object;
        it->instance_size = sizeof(ListIterator);
        it->iter = iterator_self;
        it->trace = list_iterator_trace;
        add_methods(in, it, {{"__length_hint__(self, /)", list_iterator_length_hint}});
    }
    in.types.list_iterator->next = list_iterator_next_slot;
    in.types.list_reverseiterator->next = list_reverseiterator_next_slot;
}

// Fills every container type (type_inits.hpp). Order does not matter: each init only touches
// its own types, and every Type object already exists.
void init_container_types(Interp& in) {
    init_tuple_type(in);
    init_list_type(in);
    init_dict_type(in);
    init_dict_view_types(in);
    init_mapping_proxy_type(in);
    init_set_types(in);
    init_range_type(in);
    init_slice_type(in);
    init_iterator_types(in);
    init_generic_alias_type(in);
}

} // namespace eddy::rt
