// runtime/dict_views.cpp: dict_keys / dict_values / dict_items (live views with len, iteration,
// `in`, reprs like "dict_keys([1, 2])", set-like comparisons and & | - ^ for keys and items) and
// the three dict iterators, which raise "dictionary changed size during iteration" as CPython's
// dictiter_iternext* do. Also dict's keys()/values()/items()/__iter__/__reversed__.
#include <string>

#include "dict_object.hpp"
#include "int_object.hpp"
#include "interp.hpp"
#include "iterators.hpp"
#include "list_object.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "set_object.hpp"
#include "str_object.hpp"
#include "tuple_object.hpp"

namespace eddy::rt {

namespace {

enum class ViewKind { Keys, Values, Items };

ViewKind kind_of(Interp& in, const Obj* view) {
    Type* t = view->type;
    if (t == in.types.dict_keys || t == in.types.dict_keyiterator) return ViewKind::Keys;
    if (t == in.types.dict_values || t == in.types.dict_valueiterator) return ViewKind::Values;
    return ViewKind::Items;
}

Dict* dict_of(Value view) { return view.as<DictView>()->dict; }

Value make_view(Interp& in, Type* type, Dict* d) {
    DictView* v = in.heap.alloc<DictView>(type);
    v->dict = d;
    return Value::from_obj(v);
}

Value make_iterator(Interp& in, Type* type, Dict* d) {
    DictIterator* it = in.heap.alloc<DictIterator>(type);
    it->dict = d;
    it->expected_used = d->used;
    it->remaining = d->used;
    return Value::from_obj(it);
}

// ---- iterators ----

Result<Value> dict_iterator_next(Interp& in, Value self) {
    DictIterator* it = self.as<DictIterator>();
    Dict* d = it->dict;
    if (!d) return Value::null();
    if (d->used != it->expected_used) {
        it->expected_used = SIZE_MAX;   // keep failing, as CPython's di_used = -1
        return in.raise(in.exc.RuntimeError, "dictionary changed size during iteration");
    }
    while (it->pos < d->entries.size()) {
        const DictEntry& e = d->entries[it->pos++];
        if (e.key.is_null()) continue;
        --it->remaining;
        switch (kind_of(in, it)) {
        case ViewKind::Keys: return e.key;
        case ViewKind::Values: return e.value;
        case ViewKind::Items: return Value::from_obj(make_tuple(in, {e.key, e.value}));
        }
    }
    it->dict = nullptr;
    return Value::null();
}

Result<Value> dict_iterator_length_hint(Interp& in, Args args) {
    DictIterator* it = args[0].as<DictIterator>();
    bool valid = it->dict && it->dict->used == it->expected_used;
    return make_int(in, valid ? int64_t(it->remaining) : 0);
}

Result<Value> iterator_self(Interp&, Value self) { return self; }

void dict_iterator_trace(Obj* self, Tracer& t) { t.mark(static_cast<DictIterator*>(self)->dict); }

// ---- views ----

Result<Value> view_repr(Interp& in, Value self) {
    Dict* d = dict_of(self);
    std::string out(type_name(in, self));
    if (!repr_enter(self.as_obj())) return str_value(in, "...");
    out += "([";
    bool first = true;
    ViewKind kind = kind_of(in, self.as_obj());
    Status st = ok();
    for (size_t i = 0; i < d->entries.size() && !st.is_error(); ++i) {
        DictEntry e = d->entries[i];
        if (e.key.is_null()) continue;
        if (!first) out += ", ";
        first = false;
        if (kind == ViewKind::Items) {
            out += "(";
            st = append_repr(in, out, e.key);
            if (st.is_error()) break;
            out += ", ";
            st = append_repr(in, out, e.value);
            out += ")";
        } else {
            st = append_repr(in, out, kind == ViewKind::Keys ? e.key : e.value);
        }
    }
    repr_leave(self.as_obj());
    if (st.is_error()) return Error{};
    return str_value(in, out + "])");
}

Result<int64_t> view_len(Interp&, Value self) { return int64_t(dict_of(self)->used); }

Result<Value> view_iter(Interp& in, Value self) {
    Type* type = in.types.dict_itemiterator;
    switch (kind_of(in, self.as_obj())) {
    case ViewKind::Keys: type = in.types.dict_keyiterator; break;
    case ViewKind::Values: type = in.types.dict_valueiterator; break;
    case ViewKind::Items: break;
    }
    return make_iterator(in, type, dict_of(self));
}

Result<bool> view_contains(Interp& in, Value self, Value item) {
    Dict* d = dict_of(self);
    switch (kind_of(in, self.as_obj())) {
    case ViewKind::Keys: {
        Value v = EDDY_TRY(dict_get(in, d, item));
        return !v.is_null();
    }
    case ViewKind::Items: {
        if (!is_tuple(in, item) || item.as<Tuple>()->size != 2) return false;
        Tuple* kv = item.as<Tuple>();
        Value v = EDDY_TRY(dict_get(in, d, (*kv)[0]));
        if (v.is_null()) return false;
        return equal(in, v, (*kv)[1]);
    }
    case ViewKind::Values:
        for (size_t i = 0; i < d->entries.size(); ++i) {
            DictEntry e = d->entries[i];
            if (e.key.is_null()) continue;
            bool eq = EDDY_TRY(equal(in, e.value, item));
            if (eq) return true;
        }
        return false;
    }
    return false;
}

bool is_setlike_view(Interp& in, Value v) {
    return v.is_obj() && (v.as_obj()->type == in.types.dict_keys || v.as_obj()->type == in.types.dict_items);
}

// Every item of `a` is in `b` (both sized containers): CPython's all_contained_in.
Result<bool> all_contained_in(Interp& in, Value a, Value b) {
    bool all = true;
    EDDY_CHECK(for_each(in, a, [&](Value item) -> Status {
        if (!all) return ok();
        all = EDDY_TRY(contains(in, b, item));
        return ok();
    }));
    return all;
}

// CPython's dictview_richcompare: set-like comparisons against any set or set-like view.
Result<Value> view_richcmp(Interp& in, Value a, Value b, vm::CmpOp op) {
    if (!is_set_or_frozenset(in, b) && !is_setlike_view(in, b)) return Value::not_implemented();
    int64_t na = EDDY_TRY(length(in, a));
    int64_t nb = EDDY_TRY(length(in, b));
    bool r = false;
    switch (op) {
    case vm::CmpOp::Eq:
    case vm::CmpOp::Ne:
        r = na == nb;
        if (r) r = EDDY_TRY(all_contained_in(in, a, b));
        if (op == vm::CmpOp::Ne) r = !r;
        break;
    case vm::CmpOp::Lt:
        r = na < nb;
        if (r) r = EDDY_TRY(all_contained_in(in, a, b));
        break;
    case vm::CmpOp::Le:
        r = na <= nb;
        if (r) r = EDDY_TRY(all_contained_in(in, a, b));
        break;
    case vm::CmpOp::Gt:
        r = na > nb;
        if (r) r = EDDY_TRY(all_contained_in(in, b, a));
        break;
    case vm::CmpOp::Ge:
        r = na >= nb;
        if (r) r = EDDY_TRY(all_contained_in(in, b, a));
        break;
    }
    return Value::boolean(r);
}

// `view op other` computes set(left) op other with set methods (CPython's dictviews_sub & co.).
Result<Value> view_setop(Interp& in, Value left, Value right, vm::BinOp op) {
    Set* result = make_set(in);
    EDDY_CHECK(set_update(in, result, left));
    const char* method = nullptr;
    switch (op) {
    case vm::BinOp::And: method = "intersection_update"; break;
    case vm::BinOp::Or: method = "update"; break;
    case vm::BinOp::Sub: method = "difference_update"; break;
    case vm::BinOp::Xor: method = "symmetric_difference_update"; break;
    default: return Value::not_implemented();
    }
    EDDY_CHECK(call_method(in, Value::from_obj(result), in.intern(method), {right}));
    return Value::from_obj(result);
}

vm::BinOp non_inplace(vm::BinOp op) {
    return int(op) >= vm::InplaceOffset ? vm::BinOp(int(op) - vm::InplaceOffset) : op;
}

Result<Value> view_binary(Interp& in, Value a, Value b, vm::BinOp op) {
    return view_setop(in, a, b, non_inplace(op));
}

Result<Value> view_rbinary(Interp& in, Value self, Value other, vm::BinOp op) {
    return view_setop(in, other, self, non_inplace(op));
}

Result<Value> view_isdisjoint(Interp& in, Args args) {
    bool disjoint = true;
    EDDY_CHECK(for_each(in, args[1], [&](Value item) -> Status {
        if (!disjoint) return ok();
        bool found = EDDY_TRY(view_contains(in, args[0], item));
        disjoint = !found;
        return ok();
    }));
    return Value::boolean(disjoint);
}

Result<Value> view_reversed(Interp& in, Args args) {
    List* items = EDDY_TRY(list_from_iterable(in, args[0]));
    return call_method(in, Value::from_obj(items), in.names.dunder_reversed, {});
}

void view_trace(Obj* self, Tracer& t) { t.mark(static_cast<DictView*>(self)->dict); }

// ---- dict's own view and iterator methods ----

Result<Value> dict_keys(Interp& in, Args args) { return make_view(in, in.types.dict_keys, args[0].as<Dict>()); }
Result<Value> dict_values(Interp& in, Args args) { return make_view(in, in.types.dict_values, args[0].as<Dict>()); }
Result<Value> dict_items(Interp& in, Args args) { return make_view(in, in.types.dict_items, args[0].as<Dict>()); }

Result<Value> dict_iter_slot(Interp& in, Value self) {
    return make_iterator(in, in.types.dict_keyiterator, self.as<Dict>());
}

Result<Value> dict_dunder_iter(Interp& in, Args args) { return dict_iter_slot(in, args[0]); }

Result<Value> dict_reversed(Interp& in, Args args) {
    List* keys = EDDY_TRY(list_from_iterable(in, args[0]));
    return call_method(in, Value::from_obj(keys), in.names.dunder_reversed, {});
}

} // namespace

void init_dict_view_types(Interp& in) {
    for (Type* t : {in.types.dict_keys, in.types.dict_values, in.types.dict_items}) {
        t->base = in.types.object;
        t->instance_size = sizeof(DictView);
        t->repr = view_repr;
        t->len = view_len;
        t->iter = view_iter;
        t->contains = view_contains;
        t->trace = view_trace;
        add_methods(in, t, {{"__reversed__(self, /)", view_reversed}});
    }
    for (Type* t : {in.types.dict_keys, in.types.dict_items}) {
        t->richcmp = view_richcmp;
        t->binary = view_binary;
        t->rbinary = view_rbinary;
        add_methods(in, t, {{"isdisjoint(self, other, /)", view_isdisjoint}});
    }
    for (Type* t : {in.types.dict_keyiterator, in.types.dict_valueiterator, in.types.dict_itemiterator}) {
        t->base = in.types.object;
        t->instance_size = sizeof(DictIterator);
        t->iter = iterator_self;
        t->next = dict_iterator_next;
        t->trace = dict_iterator_trace;
        add_methods(in, t, {{"__length_hint__(self, /)", dict_iterator_length_hint}});
    }
    Type* dict = in.types.dict;
    dict->iter = dict_iter_slot;
    add_methods(in, dict, {
        {"keys(self, /)", dict_keys},
        {"values(self, /)", dict_values},
        {"items(self, /)", dict_items},
        {"__iter__(self, /)", dict_dunder_iter},
        {"__reversed__(self, /)", dict_reversed},
    });
}

} // namespace eddy::rt
