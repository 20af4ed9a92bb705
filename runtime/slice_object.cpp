// runtime/slice_object.cpp: the slice type (start/stop/step, indices(), repr, comparison) and the
// index arithmetic shared by every sequence (CPython's PySlice_Unpack/PySlice_AdjustIndices and
// the "list index out of range" family of checks).
#include "slice_object.hpp"

#include <limits>
#include <string>

#include "int_object.hpp"
#include "interp.hpp"
#include "iterators.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "str_object.hpp"
#include "tuple_object.hpp"

namespace eddy::rt {

namespace {

constexpr int64_t MaxIndex = std::numeric_limits<int64_t>::max();
constexpr int64_t MinIndex = std::numeric_limits<int64_t>::min();

// One slice bound as int64, clamping huge ints as CPython's _PyEval_SliceIndex does.
Result<int64_t> slice_bound(Interp& in, Value v) {
    if (v.is_small_int()) return v.as_small_int();
    if (is_int(in, v)) {
        if (auto i = int_to_int64(in, v)) return *i;
        return int_to_big(in, v) < 0 ? MinIndex : MaxIndex;
    }
    if (!is_index_like(in, v))
        return in.raise(in.exc.TypeError,
                        "slice indices must be integers or None or have an __index__ method");
    Value i = EDDY_TRY(type_of(in, v)->index(in, v));
    return slice_bound(in, i);
}

} // namespace

bool is_index_like(const Interp& in, Value key) {
    if (key.is_small_int() || key.is_bool()) return true;
    return type_of(in, key)->index != nullptr;
}

Result<int64_t> sequence_index(Interp& in, Value key, int64_t length, const char* type_name_text,
                               const char* range_message) {
    int64_t i;
    if (key.is_small_int()) {
        i = key.as_small_int();
    } else if (is_index_like(in, key)) {
        auto r = index_as_int64(in, key);
        if (r.is_error()) {
            // CPython reports an index too large for ssize_t as IndexError here.
            if (in.exception_matches(in.exc.OverflowError)) {
                in.take_exception();
                return in.raise(in.exc.IndexError, "cannot fit 'int' into an index-sized integer");
            }
            return Error{};
        }
        i = r.value();
    } else {
        return in.raise(in.exc.TypeError, std::string(type_name_text) +
                                              " indices must be integers or slices, not " +
                                              std::string(type_name(in, key)));
    }
    if (i < 0) i += length;
    if (i < 0 || i >= length) return in.raise(in.exc.IndexError, range_message);
    return i;
}

Slice* make_slice(Interp& in, Value start, Value stop, Value step) {
    Slice* s = in.heap.alloc<Slice>(in.types.slice);
    s->start = start;
    s->stop = stop;
    s->step = step;
    return s;
}

bool is_slice(const Interp& in, Value v) { return v.is_obj() && v.as_obj()->type == in.types.slice; }

Result<SliceIndices> slice_indices(Interp& in, Slice* slice, int64_t length) {
    // 1. Unpack (PySlice_Unpack): step defaults to 1 and may not be 0; bounds default by sign.
    int64_t step = 1;
    if (!slice->step.is_none()) {
        step = EDDY_TRY(slice_bound(in, slice->step));
        if (step == 0) return in.raise(in.exc.ValueError, "slice step cannot be zero");
        if (step < -MaxIndex) step = -MaxIndex;   // so that -step cannot overflow
    }
    int64_t start = step < 0 ? MaxIndex : 0;
    int64_t stop = step < 0 ? MinIndex : MaxIndex;
    if (!slice->start.is_none()) start = EDDY_TRY(slice_bound(in, slice->start));
    if (!slice->stop.is_none()) stop = EDDY_TRY(slice_bound(in, slice->stop));
    // 2. Adjust to the length (PySlice_AdjustIndices).
    if (start < 0) {
        start = start < MinIndex + length ? (step < 0 ? -1 : 0) : start + length;
        if (start < 0) start = step < 0 ? -1 : 0;
    } else if (start >= length) {
        start = step < 0 ? length - 1 : length;
    }
    if (stop < 0) {
        stop = stop < MinIndex + length ? (step < 0 ? -1 : 0) : stop + length;
        if (stop < 0) stop = step < 0 ? -1 : 0;
    } else if (stop >= length) {
        stop = step < 0 ? length - 1 : length;
    }
    int64_t count = 0;
    if (step < 0) {
        if (stop < start) count = (start - stop - 1) / (-step) + 1;
    } else if (start < stop) {
        count = (stop - start - 1) / step + 1;
    }
    return SliceIndices{start, stop, step, count};
}

namespace {

Slice* as_slice(Value v) { return v.as<Slice>(); }

Result<Value> slice_repr_slot(Interp& in, Value self) {
    Slice* s = as_slice(self);
    std::string out = "slice(";
    EDDY_CHECK(append_repr(in, out, s->start));
    out += ", ";
    EDDY_CHECK(append_repr(in, out, s->stop));
    out += ", ";
    EDDY_CHECK(append_repr(in, out, s->step));
    out += ")";
    return str_value(in, out);
}

Result<Value> slice_richcmp_slot(Interp& in, Value a, Value b, vm::CmpOp op) {
    if (!is_slice(in, b)) return Value::not_implemented();
    Slice *x = as_slice(a), *y = as_slice(b);
    Tuple* tx = make_tuple(in, {x->start, x->stop, x->step});
    Tuple* ty = make_tuple(in, {y->start, y->stop, y->step});
    return compare(in, Value::from_obj(tx), Value::from_obj(ty), op);
}

Result<Value> slice_new_slot(Interp& in, Type*, CallArgs args) {
    EDDY_CHECK(check_no_keywords(in, args, "slice"));
    EDDY_CHECK(check_arg_count(in, args, "slice", 1, 3));
    const Value* a = args.values;
    if (args.count == 1) return Value::from_obj(make_slice(in, Value::none(), a[0], Value::none()));
    return Value::from_obj(make_slice(in, a[0], a[1], args.count == 3 ? a[2] : Value::none()));
}

Result<Value> slice_getattr_slot(Interp& in, Value self, Str* name) {
    Slice* s = as_slice(self);
    std::string_view n = name->view();
    if (n == "start") return s->start;
    if (n == "stop") return s->stop;
    if (n == "step") return s->step;
    return generic_get_attr(in, self, name);
}

// slice.indices(length): CPython computes this with Python ints; int64 covers every length a
// sequence can have here.
Result<Value> slice_indices_method(Interp& in, Args args) {
    int64_t length = EDDY_TRY(index_as_int64(in, args[1]));
    if (length < 0) return in.raise(in.exc.ValueError, "length should not be negative");
    SliceIndices s = EDDY_TRY(slice_indices(in, as_slice(args[0]), length));
    return Value::from_obj(make_tuple(in, {make_int(in, s.start), make_int(in, s.stop),
                                           make_int(in, s.step)}));
}

void slice_trace(Obj* self, Tracer& tracer) {
    Slice* s = static_cast<Slice*>(self);
    tracer.mark(s->start);
    tracer.mark(s->stop);
    tracer.mark(s->step);
}

} // namespace

void init_slice_type(Interp& in) {
    Type* t = in.types.slice;
    t->base = in.types.object;
    t->instance_size = sizeof(Slice);
    t->repr = slice_repr_slot;
    t->richcmp = slice_richcmp_slot;
    t->getattr = slice_getattr_slot;
    t->new_ = slice_new_slot;
    t->trace = slice_trace;
    add_methods(in, t, {{"indices(self, length, /)", slice_indices_method}});
}

} // namespace eddy::rt
