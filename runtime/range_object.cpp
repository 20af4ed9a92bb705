// runtime/range_object.cpp: the range type (O(1) len/index/`in` for ints, slicing to a new range,
// equality and hash as CPython's range_richcompare/range_hash) and range_iterator. Small ranges
// use int64 arithmetic; others use Python ints (BigValue), as CPython's longrange paths do.
#include "range_object.hpp"

#include <string>

#include "int_object.hpp"
#include "interp.hpp"
#include "iterators.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "slice_object.hpp"
#include "str_object.hpp"
#include "tuple_object.hpp"
#include "types.hpp"

namespace eddy::rt {

namespace {

Range* as_range(Value v) { return v.as<Range>(); }

bool fits_small(const BigValue& v) {
    return v >= BigValue(Value::SmallIntMin) && v <= BigValue(Value::SmallIntMax);
}

// range(...)'s arguments: ints, or objects with __index__ ("'float' object cannot be
// interpreted as an integer").
Result<Value> to_index_value(Interp& in, Value v) {
    if (v.is_small_int() || is_int(in, v)) {
        if (v.is_bool()) return Value::from_small_int(v.is_true() ? 1 : 0);
        return v;
    }
    Type* t = type_of(in, v);
    if (!t->index)
        return in.raise(in.exc.TypeError, "'" + std::string(type_name(in, v)) +
                                              "' object cannot be interpreted as an integer");
    return t->index(in, v);
}

Range* build_range(Interp& in, Type* type, const BigValue& start, const BigValue& stop,
                   const BigValue& step) {
    BigValue len = 0;
    if (step > 0 && start < stop) len = (stop - start - 1) / step + 1;
    if (step < 0 && start > stop) len = (start - stop - 1) / (-step) + 1;
    Range* r = alloc_instance<Range>(in.heap, type);
    r->start = make_int(in, start);
    r->stop = make_int(in, stop);
    r->step = make_int(in, step);
    r->length = make_int(in, len);
    r->small = fits_small(start) && fits_small(stop) && fits_small(step) && fits_small(len);
    if (r->small) {
        r->istart = int64_t(start);
        r->istep = int64_t(step);
        r->ilength = int64_t(len);
    }
    return r;
}

BigValue big(Interp& in, Value v) { return int_to_big(in, v); }

// The common case without bigint arithmetic: small-int bounds (so the length fits too).
Range* build_small_range(Interp& in, Type* type, int64_t start, int64_t stop, int64_t step) {
    int64_t len = 0;
    if (step > 0 && start < stop) len = (stop - start - 1) / step + 1;
    if (step < 0 && start > stop) len = (start - stop - 1) / (-step) + 1;
    if (!Value::fits_small_int(len)) return build_range(in, type, start, stop, step);
    Range* r = alloc_instance<Range>(in.heap, type);
    r->start = Value::from_small_int(start);
    r->stop = Value::from_small_int(stop);
    r->step = Value::from_small_int(step);
    r->length = Value::from_small_int(len);
    r->small = true;
    r->istart = start;
    r->istep = step;
    r->ilength = len;
    return r;
}

// The i-th element (0 <= i < length) as a Python int.
Value element(Interp& in, Range* r, const BigValue& i) {
    if (r->small) return Value::from_small_int(r->istart + int64_t(i) * r->istep);
    return make_int(in, big(in, r->start) + i * big(in, r->step));
}

Result<Value> range_new(Interp& in, Type* type, CallArgs args) {
    EDDY_CHECK(check_no_keywords(in, args, "range"));
    EDDY_CHECK(check_arg_count(in, args, "range", 1, 3));
    Value a[3];
    bool all_small = true;
    for (size_t i = 0; i < args.count; ++i) {
        a[i] = EDDY_TRY(to_index_value(in, args.values[i]));
        all_small &= a[i].is_small_int();
    }
    if (all_small) {
        if (args.count == 1) return Value::from_obj(build_small_range(in, type, 0, a[0].as_small_int(), 1));
        int64_t step = args.count == 3 ? a[2].as_small_int() : 1;
        if (step == 0) return in.raise(in.exc.ValueError, "range() arg 3 must not be zero");
        return Value::from_obj(build_small_range(in, type, a[0].as_small_int(), a[1].as_small_int(), step));
    }
    if (args.count == 1) return Value::from_obj(build_range(in, type, 0, big(in, a[0]), 1));
    BigValue step = args.count == 3 ? big(in, a[2]) : BigValue(1);
    if (step == 0) return in.raise(in.exc.ValueError, "range() arg 3 must not be zero");
    return Value::from_obj(build_range(in, type, big(in, a[0]), big(in, a[1]), step));
}

Result<Value> range_repr(Interp& in, Value self) {
    Range* r = as_range(self);
    std::string out = "range(";
    EDDY_CHECK(append_repr(in, out, r->start));
    out += ", ";
    EDDY_CHECK(append_repr(in, out, r->stop));
    if (!(r->step.is_small_int() && r->step.as_small_int() == 1)) {
        out += ", ";
        EDDY_CHECK(append_repr(in, out, r->step));
    }
    return str_value(in, out + ")");
}

Result<int64_t> range_len(Interp& in, Value self) {
    Range* r = as_range(self);
    if (r->small) return r->ilength;
    auto n = int_to_int64(in, r->length);
    if (!n) return in.raise(in.exc.OverflowError, "Python int too large to convert to C ssize_t");
    return *n;
}

Result<bool> range_truth(Interp& in, Value self) {
    Range* r = as_range(self);
    return r->small ? r->ilength != 0 : big(in, r->length) != 0;
}

// Position of the int `v` in the range, or -1 (CPython's range_contains_long arithmetic).
BigValue int_position(Interp& in, Range* r, Value v) {
    BigValue x = big(in, v), start = big(in, r->start), step = big(in, r->step), stop = big(in, r->stop);
    bool inside = step > 0 ? (start <= x && x < stop) : (stop < x && x <= start);
    if (!inside) return -1;
    BigValue offset = x - start;
    if (offset % step != 0) return -1;
    return offset / step;
}

int64_t small_position(Range* r, int64_t x) {
    int64_t offset = x - r->istart;
    if (r->ilength == 0 || offset % r->istep != 0) return -1;
    int64_t i = offset / r->istep;
    return (i >= 0 && i < r->ilength) ? i : -1;
}

bool is_exact_int(Interp& in, Value v) {
    return v.is_small_int() || v.is_bool() ||
           (v.is_obj() && (v.as_obj()->type == in.types.int_ || v.as_obj()->type == in.types.bool_));
}

// index of `v`, or -1; non-ints are compared one by one (as CPython's _PySequence_IterSearch).
Result<BigValue> find_position(Interp& in, Range* r, Value v) {
    if (v.is_small_int() && r->small) return BigValue(small_position(r, v.as_small_int()));
    if (is_exact_int(in, v)) {
        if (v.is_bool()) v = Value::from_small_int(v.is_true());
        return int_position(in, r, v);
    }
    BigValue n = big(in, r->length);
    for (BigValue i = 0; i < n; ++i) {
        bool eq = EDDY_TRY(equal(in, element(in, r, i), v));
        if (eq) return i;
    }
    return BigValue(-1);
}

Result<bool> range_contains(Interp& in, Value self, Value v) {
    BigValue pos = EDDY_TRY(find_position(in, as_range(self), v));
    return pos >= 0;
}

Result<Value> range_getitem(Interp& in, Value self, Value key) {
    Range* r = as_range(self);
    if (is_slice(in, key)) {
        if (!r->small) return in.raise(in.exc.OverflowError, "Python int too large to convert to C ssize_t");
        SliceIndices s = EDDY_TRY(slice_indices(in, key.as<Slice>(), r->ilength));
        BigValue start = BigValue(r->istart) + BigValue(s.start) * r->istep;
        BigValue stop = BigValue(r->istart) + BigValue(s.stop) * r->istep;
        BigValue step = BigValue(r->istep) * s.step;
        return Value::from_obj(build_range(in, in.types.range, start, stop, step));
    }
    if (r->small) {
        int64_t i = EDDY_TRY(sequence_index(in, key, r->ilength, "range", "range object index out of range"));
        return Value::from_small_int(r->istart + i * r->istep);
    }
    if (!is_index_like(in, key))
        return in.raise(in.exc.TypeError, "range indices must be integers or slices, not " +
                                              std::string(type_name(in, key)));
    Value iv = EDDY_TRY(to_index_value(in, key));
    BigValue i = big(in, iv), n = big(in, r->length);
    if (i < 0) i += n;
    if (i < 0 || i >= n) return in.raise(in.exc.IndexError, "range object index out of range");
    return element(in, r, i);
}

Result<Value> range_richcmp(Interp& in, Value a, Value b, vm::CmpOp op) {
    if (!b.is_obj() || b.as_obj()->type != in.types.range || (op != vm::CmpOp::Eq && op != vm::CmpOp::Ne))
        return Value::not_implemented();
    Range *x = as_range(a), *y = as_range(b);
    BigValue n = big(in, x->length);
    bool eq = n == big(in, y->length) &&
              (n == 0 || (big(in, x->start) == big(in, y->start) &&
                          (n == 1 || big(in, x->step) == big(in, y->step))));
    return Value::boolean(eq == (op == vm::CmpOp::Eq));
}

// CPython's range_hash: hash((len, start, step)) with start/step replaced by None when they
// do not matter (empty or single-element ranges).
Result<int64_t> range_hash(Interp& in, Value self) {
    Range* r = as_range(self);
    BigValue n = big(in, r->length);
    Tuple* t = make_tuple(in, {r->length, n == 0 ? Value::none() : r->start,
                               n <= 1 ? Value::none() : r->step});
    return hash(in, Value::from_obj(t));
}

Result<Value> range_start(Interp&, Args args) { return as_range(args[0])->start; }
Result<Value> range_stop(Interp&, Args args) { return as_range(args[0])->stop; }
Result<Value> range_step(Interp&, Args args) { return as_range(args[0])->step; }

Result<Value> range_getattr(Interp& in, Value self, Str* name) {
    Range* r = as_range(self);
    std::string_view n = name->view();
    if (n == "start") return r->start;
    if (n == "stop") return r->stop;
    if (n == "step") return r->step;
    return generic_get_attr(in, self, name);
}

RangeIterator* make_iterator(Interp& in, Range* r, const BigValue& first, const BigValue& step) {
    RangeIterator* it = in.heap.alloc<RangeIterator>(in.types.range_iterator);
    BigValue n = big(in, r->length);
    it->small = fits_small(first) && fits_small(step) && fits_small(n) &&
                fits_small(first + n * step);
    if (it->small) {
        it->next = int64_t(first);
        it->step = int64_t(step);
        it->remaining = int64_t(n);
    } else {
        it->big_next = make_int(in, first);
        it->big_step = make_int(in, step);
        it->big_remaining = r->length;
    }
    return it;
}

Result<Value> range_iter(Interp& in, Value self) {
    Range* r = as_range(self);
    if (r->small) {
        RangeIterator* it = in.heap.alloc<RangeIterator>(in.types.range_iterator);
        it->next = r->istart;
        it->step = r->istep;
        it->remaining = r->ilength;
        return Value::from_obj(it);
    }
    return Value::from_obj(make_iterator(in, r, big(in, r->start), big(in, r->step)));
}

Result<Value> range_reversed(Interp& in, Args args) {
    Range* r = as_range(args[0]);
    BigValue n = big(in, r->length), step = big(in, r->step);
    BigValue last = big(in, r->start) + (n - 1) * step;
    if (n == 0) last = big(in, r->start);
    return Value::from_obj(make_iterator(in, r, last, -step));
}

Result<Value> range_iterator_next(Interp& in, Value self) {
    RangeIterator* it = self.as<RangeIterator>();
    if (it->small) {
        if (it->remaining <= 0) return Value::null();
        int64_t v = it->next;
        it->next += it->step;
        --it->remaining;
        return Value::from_small_int(v);
    }
    if (big(in, it->big_remaining) <= 0) return Value::null();
    Value v = it->big_next;
    it->big_next = make_int(in, big(in, v) + big(in, it->big_step));
    it->big_remaining = make_int(in, big(in, it->big_remaining) - 1);
    return v;
}

Result<Value> range_iterator_length_hint(Interp& in, Args args) {
    RangeIterator* it = args[0].as<RangeIterator>();
    if (it->small) return make_int(in, it->remaining);
    return it->big_remaining;
}

Result<Value> iterator_self(Interp&, Value self) { return self; }

Result<Value> range_index(Interp& in, Args args) {
    BigValue pos = EDDY_TRY(find_position(in, as_range(args[0]), args[1]));
    if (pos < 0) {
        std::string r = EDDY_TRY(repr_string(in, args[1]));
        return in.raise(in.exc.ValueError, r + " is not in range");
    }
    return make_int(in, pos);
}

Result<Value> range_count(Interp& in, Args args) {
    Range* r = as_range(args[0]);
    if (is_exact_int(in, args[1])) {
        BigValue pos = EDDY_TRY(find_position(in, r, args[1]));
        return Value::from_small_int(pos >= 0 ? 1 : 0);
    }
    int64_t count = 0;
    BigValue n = big(in, r->length);
    for (BigValue i = 0; i < n; ++i) {
        bool eq = EDDY_TRY(equal(in, element(in, r, i), args[1]));
        count += eq;
    }
    return make_int(in, count);
}

void range_trace(Obj* self, Tracer& t) {
    Range* r = static_cast<Range*>(self);
    t.mark(r->start);
    t.mark(r->stop);
    t.mark(r->step);
    t.mark(r->length);
}

void range_iterator_trace(Obj* self, Tracer& t) {
    auto* it = static_cast<RangeIterator*>(self);
    t.mark(it->big_next);
    t.mark(it->big_step);
    t.mark(it->big_remaining);
}

} // namespace

bool is_range(const Interp& in, Value v) { return v.is_obj() && v.as_obj()->type == in.types.range; }

Range* make_range(Interp& in, int64_t start, int64_t stop, int64_t step) {
    if (Value::fits_small_int(start) && Value::fits_small_int(stop) && Value::fits_small_int(step))
        return build_small_range(in, in.types.range, start, stop, step);
    return build_range(in, in.types.range, start, stop, step);
}

void init_range_type(Interp& in) {
    Type* t = in.types.range;
    t->base = in.types.object;
    t->instance_size = sizeof(Range);
    t->repr = range_repr;
    t->len = range_len;
    t->truth = range_truth;
    t->contains = range_contains;
    t->getitem = range_getitem;
    t->richcmp = range_richcmp;
    t->hash = range_hash;
    t->getattr = range_getattr;
    t->iter = range_iter;
    t->new_ = range_new;
    t->trace = range_trace;
    add_methods(in, t, {
        {"index(self, value, /)", range_index},
        {"count(self, value, /)", range_count},
        {"__reversed__(self, /)", range_reversed},
    });
    // range_getattr answers these first (fast path); the descriptors make them visible to dir().
    add_getset(in, t, "start", range_start, nullptr);
    add_getset(in, t, "stop", range_stop, nullptr);
    add_getset(in, t, "step", range_step, nullptr);
    Type* it = in.types.range_iterator;
    it->base = in.types.object;
    it->instance_size = sizeof(RangeIterator);
    it->iter = iterator_self;
    it->next = range_iterator_next;
    it->trace = range_iterator_trace;
    add_methods(in, it, {{"__length_hint__(self, /)", range_iterator_length_hint}});
}

} // namespace eddy::rt
