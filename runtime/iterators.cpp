// runtime/iterators.cpp: the builtin iterator types (enumerate, zip with strict=, map, filter,
// reversed, the __getitem__ sequence iterator, callable_iterator), plus small helpers the
// containers share: the repr recursion guard, append_repr, and constructor argument checks.
#include "iterators.hpp"

#include <string>

#include "dict_object.hpp"
#include "int_object.hpp"
#include "interp.hpp"
#include "list_object.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "str_object.hpp"
#include "tuple_object.hpp"

namespace eddy::rt {

// ---- shared helpers ----

namespace {
constexpr uint32_t ReprInProgress = 1u << 0;   // gc_flags bit, reserved by the container types
} // namespace

bool repr_enter(Obj* obj) {
    if (obj->gc_flags & ReprInProgress) return false;
    obj->gc_flags |= ReprInProgress;
    return true;
}

void repr_leave(Obj* obj) { obj->gc_flags &= ~ReprInProgress; }

Status append_repr(Interp& in, std::string& out, Value v) {
    if (v.is_small_int()) {
        out += std::to_string(v.as_small_int());
        return ok();
    }
    Value r = EDDY_TRY(repr(in, v));
    out += r.as<Str>()->view();
    return ok();
}

Status check_no_keywords(Interp& in, CallArgs args, const char* name) {
    if (args.kwnames && args.kwnames->size > 0)
        return in.raise(in.exc.TypeError, std::string(name) + "() takes no keyword arguments");
    return ok();
}

Status check_arg_count(Interp& in, CallArgs args, const char* name, size_t min, size_t max) {
    size_t n = args.count;
    if (n >= min && n <= max) return ok();
    auto plural = [](size_t k) { return k == 1 ? " argument, got " : " arguments, got "; };
    std::string msg = name;
    if (min == max)
        msg += " expected " + std::to_string(min) + plural(min);
    else if (n > max)
        msg += " expected at most " + std::to_string(max) + plural(max);
    else
        msg += " expected at least " + std::to_string(min) + plural(min);
    return in.raise(in.exc.TypeError, msg + std::to_string(n));
}

namespace {

// A keyword argument of a constructor call, or null; `allowed` lists the accepted names.
Result<Value> keyword(Interp& in, CallArgs args, std::string_view name,
                      std::initializer_list<std::string_view> allowed, const char* fn) {
    Value found = Value::null();
    if (!args.kwnames) return found;
    for (size_t i = 0; i < args.kwnames->size; ++i) {
        std::string_view k = (*args.kwnames)[i].as<Str>()->view();
        bool ok_name = false;
        for (auto a : allowed) ok_name |= a == k;
        if (!ok_name)
            return in.raise(in.exc.TypeError, "'" + std::string(k) +
                                                  "' is an invalid keyword argument for " + fn + "()");
        if (k == name) found = args.values[args.count + i];
    }
    return found;
}

Result<Value> iterator_self(Interp&, Value self) { return self; }

// ---- enumerate ----

struct Enumerate : Obj {
    Value iter;       // null once exhausted
    Value count;      // the next index as a Python int (may grow past small ints)
};

Result<Value> enumerate_new(Interp& in, Type* type, CallArgs args) {
    Value iterable = EDDY_TRY(keyword(in, args, "iterable", {"iterable", "start"}, "enumerate"));
    Value start = EDDY_TRY(keyword(in, args, "start", {"iterable", "start"}, "enumerate"));
    size_t nkw = args.kwnames ? args.kwnames->size : 0;
    if (args.count + nkw > 2)
        return in.raise(in.exc.TypeError, "enumerate() takes at most 2 arguments (" +
                                              std::to_string(args.count + nkw) + " given)");
    if (args.count >= 1) iterable = args.values[0];
    if (args.count >= 2) start = args.values[1];
    if (iterable.is_null()) return in.raise(in.exc.TypeError, "enumerate() missing required argument 'iterable'");
    if (start.is_null()) {
        start = Value::from_small_int(0);
    } else if (!is_int(in, start)) {
        int64_t i = EDDY_TRY(index_as_int64(in, start));
        start = make_int(in, i);
    }
    Value it = EDDY_TRY(get_iter(in, iterable));
    Enumerate* e = alloc_instance<Enumerate>(in.heap, type);
    e->iter = it;
    e->count = start;
    return Value::from_obj(e);
}

Result<Value> enumerate_next(Interp& in, Value self) {
    Enumerate* e = self.as<Enumerate>();
    if (e->iter.is_null()) return Value::null();
    Value item = EDDY_TRY(next(in, e->iter));
    if (item.is_null()) {
        e->iter = Value::null();
        return Value::null();
    }
    Value index = e->count;
    if (index.is_small_int() && index.as_small_int() < Value::SmallIntMax)
        e->count = Value::from_small_int(index.as_small_int() + 1);
    else
        e->count = EDDY_TRY(binary_op(in, index, Value::from_small_int(1), vm::BinOp::Add));
    return Value::from_obj(make_tuple(in, {index, item}));
}

void enumerate_trace(Obj* self, Tracer& t) {
    auto* e = static_cast<Enumerate*>(self);
    t.mark(e->iter);
    t.mark(e->count);
}

// ---- zip ----

struct Zip : Obj {
    Tuple* iters = nullptr;   // null once exhausted
    bool strict = false;
};

Result<Value> zip_new(Interp& in, Type* type, CallArgs args) {
    Value strict = EDDY_TRY(keyword(in, args, "strict", {"strict"}, "zip"));
    Tuple* iters = make_tuple(in, args.count);
    for (size_t i = 0; i < args.count; ++i) iters->items()[i] = EDDY_TRY(get_iter(in, args.values[i]));
    Zip* z = alloc_instance<Zip>(in.heap, type);
    z->iters = iters;
    z->strict = strict.is_null() ? false : EDDY_TRY(truthy(in, strict));
    return Value::from_obj(z);
}

std::string zip_arguments(size_t i) {
    return i == 1 ? "argument 1" : "arguments 1-" + std::to_string(i);
}

// strict=True: iterator `i` ran out first; the others must be exhausted too.
Result<Value> zip_check_strict(Interp& in, Zip* z, size_t i) {
    Tuple* iters = z->iters;
    z->iters = nullptr;
    if (i > 0)
        return in.raise(in.exc.ValueError, "zip() argument " + std::to_string(i + 1) +
                                               " is shorter than " + zip_arguments(i));
    for (size_t j = 1; j < iters->size; ++j) {
        Value v = EDDY_TRY(next(in, (*iters)[j]));
        if (!v.is_null())
            return in.raise(in.exc.ValueError, "zip() argument " + std::to_string(j + 1) +
                                                   " is longer than " + zip_arguments(j));
    }
    return Value::null();
}

Result<Value> zip_next(Interp& in, Value self) {
    Zip* z = self.as<Zip>();
    if (!z->iters || z->iters->size == 0) return Value::null();
    size_t n = z->iters->size;
    Tuple* result = make_tuple(in, n);
    for (size_t i = 0; i < n; ++i) {
        Value v = EDDY_TRY(next(in, (*z->iters)[i]));
        if (v.is_null()) {
            if (z->strict) return zip_check_strict(in, z, i);
            z->iters = nullptr;
            return Value::null();
        }
        result->items()[i] = v;
    }
    return Value::from_obj(result);
}

void zip_trace(Obj* self, Tracer& t) { t.mark(static_cast<Zip*>(self)->iters); }

// ---- map ----

struct Map : Obj {
    Value func;
    Tuple* iters = nullptr;   // null once exhausted
};

Result<Value> map_new(Interp& in, Type* type, CallArgs args) {
    EDDY_CHECK(check_no_keywords(in, args, "map"));
    if (args.count < 2) return in.raise(in.exc.TypeError, "map() must have at least two arguments.");
    Tuple* iters = make_tuple(in, args.count - 1);
    for (size_t i = 1; i < args.count; ++i) iters->items()[i - 1] = EDDY_TRY(get_iter(in, args.values[i]));
    Map* m = alloc_instance<Map>(in.heap, type);
    m->func = args.values[0];
    m->iters = iters;
    return Value::from_obj(m);
}

Result<Value> map_next(Interp& in, Value self) {
    Map* m = self.as<Map>();
    if (!m->iters) return Value::null();
    size_t n = m->iters->size;
    if (n == 1) {
        Value v = EDDY_TRY(next(in, (*m->iters)[0]));
        if (v.is_null()) {
            m->iters = nullptr;
            return Value::null();
        }
        return call(in, m->func, {v});
    }
    Tuple* items = make_tuple(in, n);
    for (size_t i = 0; i < n; ++i) {
        Value v = EDDY_TRY(next(in, (*m->iters)[i]));
        if (v.is_null()) {
            m->iters = nullptr;
            return Value::null();
        }
        items->items()[i] = v;
    }
    return call(in, m->func, CallArgs{items->items(), n, nullptr});
}

void map_trace(Obj* self, Tracer& t) {
    auto* m = static_cast<Map*>(self);
    t.mark(m->func);
    t.mark(m->iters);
}

// ---- filter ----

struct Filter : Obj {
    Value func;   // None: keep truthy items
    Value iter;   // null once exhausted
};

Result<Value> filter_new(Interp& in, Type* type, CallArgs args) {
    EDDY_CHECK(check_no_keywords(in, args, "filter"));
    EDDY_CHECK(check_arg_count(in, args, "filter", 2, 2));
    Value it = EDDY_TRY(get_iter(in, args.values[1]));
    Filter* f = alloc_instance<Filter>(in.heap, type);
    f->func = args.values[0];
    f->iter = it;
    return Value::from_obj(f);
}

Result<Value> filter_next(Interp& in, Value self) {
    Filter* f = self.as<Filter>();
    while (!f->iter.is_null()) {
        Value item = EDDY_TRY(next(in, f->iter));
        if (item.is_null()) break;
        Value test = item;
        if (!f->func.is_none() && !f->func.is(Value::from_obj(in.types.bool_)))
            test = EDDY_TRY(call(in, f->func, {item}));
        bool keep = EDDY_TRY(truthy(in, test));
        if (keep) return item;
    }
    f->iter = Value::null();
    return Value::null();
}

void filter_trace(Obj* self, Tracer& t) {
    auto* f = static_cast<Filter*>(self);
    t.mark(f->func);
    t.mark(f->iter);
}

// ---- reversed, and the sequence iterator: both index a sequence through __getitem__ ----

struct SeqIterator : Obj {
    Value seq;          // null once exhausted
    int64_t index = 0;  // next index (reversed: counts down to -1)
};

// An IndexError or StopIteration from __getitem__ ends the iteration quietly.
Result<Value> seq_item_or_end(Interp& in, SeqIterator* it) {
    auto r = get_item(in, it->seq, make_int(in, it->index));
    if (!r.is_error()) return r;
    if (in.exception_matches(in.exc.IndexError) || in.exception_matches(in.exc.StopIteration)) {
        in.take_exception();
        it->seq = Value::null();
        return Value::null();
    }
    return Error{};
}

Result<Value> seq_iterator_next(Interp& in, Value self) {
    SeqIterator* it = self.as<SeqIterator>();
    if (it->seq.is_null()) return Value::null();
    Value v = EDDY_TRY(seq_item_or_end(in, it));
    if (!v.is_null()) ++it->index;
    return v;
}

Result<Value> reversed_next(Interp& in, Value self) {
    SeqIterator* it = self.as<SeqIterator>();
    if (it->seq.is_null() || it->index < 0) {
        it->seq = Value::null();
        return Value::null();
    }
    Value v = EDDY_TRY(seq_item_or_end(in, it));
    --it->index;
    return v;
}

Result<Value> reversed_new(Interp& in, Type* type, CallArgs args) {
    EDDY_CHECK(check_no_keywords(in, args, "reversed"));
    EDDY_CHECK(check_arg_count(in, args, "reversed", 1, 1));
    Value seq = args.values[0];
    Type* t = type_of(in, seq);
    Value method = type_lookup(t, in.names.dunder_reversed);
    if (method.is_none())
        return in.raise(in.exc.TypeError, "'" + std::string(type_name(in, seq)) + "' object is not reversible");
    if (!method.is_null()) return call_method(in, seq, in.names.dunder_reversed, {});
    if (!t->getitem || !t->len)
        return in.raise(in.exc.TypeError, "'" + std::string(type_name(in, seq)) + "' object is not reversible");
    int64_t n = EDDY_TRY(length(in, seq));
    SeqIterator* it = alloc_instance<SeqIterator>(in.heap, type);
    it->seq = seq;
    it->index = n - 1;
    return Value::from_obj(it);
}

void seq_iterator_trace(Obj* self, Tracer& t) { t.mark(static_cast<SeqIterator*>(self)->seq); }

// ---- callable_iterator ----

struct CallableIterator : Obj {
    Value callable;   // null once exhausted
    Value sentinel;
};

Result<Value> callable_iterator_next(Interp& in, Value self) {
    CallableIterator* it = self.as<CallableIterator>();
    if (it->callable.is_null()) return Value::null();
    auto r = call(in, it->callable, std::initializer_list<Value>{});
    if (r.is_error()) {
        if (!in.exception_matches(in.exc.StopIteration)) return Error{};
        in.take_exception();
        it->callable = Value::null();
        return Value::null();
    }
    bool done = EDDY_TRY(equal(in, r.value(), it->sentinel));
    if (done) {
        it->callable = Value::null();
        return Value::null();
    }
    return r;
}

void callable_iterator_trace(Obj* self, Tracer& t) {
    auto* it = static_cast<CallableIterator*>(self);
    t.mark(it->callable);
    t.mark(it->sentinel);
}

template <class T>
void init_iterator(Interp& in, Type* type, NextSlot next_slot, TraceSlot trace) {
    type->base = in.types.object;
    type->instance_size = sizeof(T);
    type->iter = iterator_self;
    type->next = next_slot;
    type->trace = trace;
}

} // namespace

Value make_seq_iterator(Interp& in, Value sequence) {
    SeqIterator* it = in.heap.alloc<SeqIterator>(in.types.seq_iterator);
    it->seq = sequence;
    return Value::from_obj(it);
}

Value make_callable_iterator(Interp& in, Value callable, Value sentinel) {
    CallableIterator* it = in.heap.alloc<CallableIterator>(in.types.callable_iterator);
    it->callable = callable;
    it->sentinel = sentinel;
    return Value::from_obj(it);
}

void init_iterator_types(Interp& in) {
    init_iterator<Enumerate>(in, in.types.enumerate, enumerate_next, enumerate_trace);
    in.types.enumerate->new_ = enumerate_new;
    init_iterator<Zip>(in, in.types.zip, zip_next, zip_trace);
    in.types.zip->new_ = zip_new;
    init_iterator<Map>(in, in.types.map, map_next, map_trace);
    in.types.map->new_ = map_new;
    init_iterator<Filter>(in, in.types.filter, filter_next, filter_trace);
    in.types.filter->new_ = filter_new;
    init_iterator<SeqIterator>(in, in.types.reversed, reversed_next, seq_iterator_trace);
    in.types.reversed->new_ = reversed_new;
    init_iterator<SeqIterator>(in, in.types.seq_iterator, seq_iterator_next, seq_iterator_trace);
    init_iterator<CallableIterator>(in, in.types.callable_iterator, callable_iterator_next,
                                    callable_iterator_trace);
    for (Type* t : {in.types.enumerate, in.types.zip, in.types.map, in.types.filter, in.types.reversed})
        t->flags |= TF_BaseType;
}

} // namespace eddy::rt
