// stdlib/collections_deque.cpp: the _collections module's deque, native for speed (CPython's
// Modules/_collectionsmodule.c has it in C too). A deque holds a std::deque of values and an
// optional maxlen; appending to a full deque drops from the other end. Iterators carry the
// mutation count they started with and raise "deque mutated during iteration" when it moves.
#include <algorithm>
#include <deque>

#include "dict_object.hpp"
#include "generic_alias.hpp"
#include "iterators.hpp"
#include "lib_util.hpp"
#include "list_object.hpp"
#include "module_object.hpp"
#include "modules.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "str_object.hpp"
#include "tuple_object.hpp"
#include "types.hpp"
#include "vm/bytecode.hpp"

namespace eddy::lib {

namespace {

struct DequeObj : rt::Obj {
    std::deque<Value> items;
    int64_t maxlen = -1;     // -1: unbounded
    uint64_t mutations = 0;  // bumped by every change of length, checked by iterators
    // The _deque_iterator type of this interpreter: slots receive only the value, and there is
    // no global state to keep it in.
    Type* iter_type = nullptr;
};

struct DequeIter : rt::Obj {
    DequeObj* deque = nullptr;   // null once exhausted
    size_t index = 0;            // items handed out so far
    uint64_t mutations = 0;      // the deque's count when the iterator was made
    bool reverse = false;
};

DequeObj* self_of(Args args) { return args[0].as<DequeObj>(); }


void deque_trace(rt::Obj* self, rt::Tracer& tracer) {
    for (Value v : static_cast<DequeObj*>(self)->items) tracer.mark(v);
}

// deque and its subclasses share the trace slot (inherited), which no other type has.
bool is_deque(Interp& in, Value v) { return v.is_obj() && rt::type_of(in, v)->trace == deque_trace; }

void deque_finalize(rt::Obj* self) { static_cast<DequeObj*>(self)->~DequeObj(); }

void iter_trace(rt::Obj* self, rt::Tracer& tracer) { tracer.mark(static_cast<DequeIter*>(self)->deque); }

// append/appendleft with maxlen: a full deque drops the item at the other end.
void push_back(DequeObj* d, Value v) {
    if (d->maxlen == 0) return;
    if (d->maxlen > 0 && int64_t(d->items.size()) >= d->maxlen) d->items.pop_front();
    d->items.push_back(v);
    d->mutations++;
}

void push_front(DequeObj* d, Value v) {
    if (d->maxlen == 0) return;
    if (d->maxlen > 0 && int64_t(d->items.size()) >= d->maxlen) d->items.pop_back();
    d->items.push_front(v);
    d->mutations++;
}

// Snapshots the iterable first: extending a deque with itself must terminate.
Status extend(Interp& in, DequeObj* d, Value iterable, bool left) {
    rt::List* items = EDDY_TRY(rt::list_from_iterable(in, iterable));
    for (Value v : items->items) left ? push_front(d, v) : push_back(d, v);
    return rt::ok();
}

Result<Value> deque_new(Interp& in, Type* type, rt::CallArgs) {
    auto* d = rt::alloc_instance<DequeObj>(in.heap, type);
    Type* base = type;
    while (base->base && base->base->trace == deque_trace) base = base->base;
    d->iter_type = static_cast<Type*>(rt::type_lookup(base, in.intern("_iterator_type")).as_obj());
    return Value::from_obj(d);
}

// deque(iterable=(), maxlen=None): __init__ clears and refills, as CPython's deque_init does.
Status deque_init(Interp& in, Value self, rt::CallArgs args) {
    Value iterable = Value::null(), maxlen = Value::null();
    if (args.count > 2)
        return in.raise(in.exc.TypeError, "deque expected at most 2 arguments, got " + std::to_string(args.count));
    if (args.count > 0) iterable = args.values[0];
    if (args.count > 1) maxlen = args.values[1];
    for (size_t k = 0; k < args.kw_count(); ++k) {
        std::string_view name = (*args.kwnames)[k].as<rt::Str>()->view();
        Value v = args.values[args.count + k];
        if (name == "iterable" && iterable.is_null()) iterable = v;
        else if (name == "maxlen" && maxlen.is_null()) maxlen = v;
        else return in.raise(in.exc.TypeError, "'" + std::string(name) + "' is an invalid keyword argument for deque()");
    }
    auto* d = self.as<DequeObj>();
    d->maxlen = -1;
    if (!maxlen.is_null() && !maxlen.is_none()) {
        if (!rt::is_int(in, maxlen))
            return in.raise(in.exc.TypeError, "an integer is required");
        d->maxlen = EDDY_TRY(rt::index_as_int64(in, maxlen));
        if (d->maxlen < 0) return in.raise(in.exc.ValueError, "maxlen must be non-negative");
    }
    d->items.clear();
    d->mutations++;
    if (!iterable.is_null()) EDDY_CHECK(extend(in, d, iterable, false));
    return rt::ok();
}

Result<Value> deque_repr(Interp& in, Value self) {
    auto* d = self.as<DequeObj>();
    std::string name(rt::type_of(in, self)->name);
    if (!rt::repr_enter(d)) return rt::str_value(in, "[...]");
    std::string out = name + "([";
    std::vector<Value> snapshot(d->items.begin(), d->items.end());
    for (size_t i = 0; i < snapshot.size(); ++i) {
        if (i) out += ", ";
        if (rt::append_repr(in, out, snapshot[i]).is_error()) {
            rt::repr_leave(d);
            return rt::Error{};
        }
    }
    rt::repr_leave(d);
    out += "]";
    if (d->maxlen >= 0) out += ", maxlen=" + std::to_string(d->maxlen);
    out += ")";
    return rt::str_value(in, out);
}

Result<int64_t> deque_len(Interp&, Value self) { return int64_t(self.as<DequeObj>()->items.size()); }

// The message names the type as CPython's tp_name does: "collections.deque" for deque itself.
Result<int64_t> deque_hash(Interp& in, Value self) {
    Type* t = rt::type_of(in, self);
    std::string name = t->flags & rt::TF_HeapType ? t->name : "collections.deque";
    return in.raise(in.exc.TypeError, "unhashable type: '" + name + "'");
}

Result<size_t> checked_index(Interp& in, DequeObj* d, Value key) {
    if (!rt::is_int(in, key) && !rt::type_of(in, key)->index)
        return in.raise(in.exc.TypeError, "sequence index must be integer, not '" + std::string(rt::type_name(in, key)) + "'");
    int64_t i = EDDY_TRY(rt::index_as_int64(in, key));
    int64_t n = int64_t(d->items.size());
    if (i < 0) i += n;
    if (i < 0 || i >= n) return in.raise(in.exc.IndexError, "deque index out of range");
    return size_t(i);
}

Result<Value> deque_getitem(Interp& in, Value self, Value key) {
    auto* d = self.as<DequeObj>();
    size_t i = EDDY_TRY(checked_index(in, d, key));
    return d->items[i];
}

Status deque_setitem(Interp& in, Value self, Value key, Value value) {
    auto* d = self.as<DequeObj>();
    size_t i = EDDY_TRY(checked_index(in, d, key));
    if (value.is_null()) {
        d->items.erase(d->items.begin() + ptrdiff_t(i));
        d->mutations++;
    } else {
        d->items[i] = value;
    }
    return rt::ok();
}

// Finds `x` by ==, watching for the deque changing under an __eq__ call.
Result<int64_t> find(Interp& in, DequeObj* d, Value x, size_t start, size_t stop) {
    uint64_t before = d->mutations;
    for (size_t i = start; i < stop && i < d->items.size(); ++i) {
        bool eq = EDDY_TRY(rt::equal(in, d->items[i], x));
        if (d->mutations != before) return in.raise(in.exc.RuntimeError, "deque mutated during iteration");
        if (eq) return int64_t(i);
    }
    return int64_t(-1);
}

Result<bool> deque_contains(Interp& in, Value self, Value x) {
    auto* d = self.as<DequeObj>();
    int64_t i = EDDY_TRY(find(in, d, x, 0, d->items.size()));
    return i >= 0;
}

Result<Value> deque_iter(Interp& in, Value self) {
    auto* d = self.as<DequeObj>();
    auto* it = in.heap.alloc<DequeIter>(d->iter_type);
    it->deque = d;
    it->mutations = d->mutations;
    return Value::from_obj(it);
}

Result<Value> deque_reversed(Interp& in, Args args) {
    Value it = EDDY_TRY(deque_iter(in, args[0]));
    it.as<DequeIter>()->reverse = true;
    return it;
}

Result<Value> iter_next(Interp& in, Value self) {
    auto* it = self.as<DequeIter>();
    DequeObj* d = it->deque;
    if (!d) return Value::null();
    if (d->mutations != it->mutations) {
        it->deque = nullptr;
        return in.raise(in.exc.RuntimeError, "deque mutated during iteration");
    }
    if (it->index >= d->items.size()) {
        it->deque = nullptr;
        return Value::null();
    }
    size_t i = it->index++;
    return it->reverse ? d->items[d->items.size() - 1 - i] : d->items[i];
}

Result<Value> iter_self(Interp&, Value self) { return self; }

Result<Value> iter_length_hint(Interp&, Args args) {
    auto* it = args[0].as<DequeIter>();
    if (!it->deque) return Value::from_small_int(0);
    return Value::from_small_int(int64_t(it->deque->items.size() - it->index));
}

Result<Value> deque_append(Interp&, Args args) {
    push_back(self_of(args), args[1]);
    return Value::none();
}

Result<Value> deque_appendleft(Interp&, Args args) {
    push_front(self_of(args), args[1]);
    return Value::none();
}

Result<Value> deque_pop(Interp& in, Args args) {
    DequeObj* d = self_of(args);
    if (d->items.empty()) return in.raise(in.exc.IndexError, "pop from an empty deque");
    Value v = d->items.back();
    d->items.pop_back();
    d->mutations++;
    return v;
}

Result<Value> deque_popleft(Interp& in, Args args) {
    DequeObj* d = self_of(args);
    if (d->items.empty()) return in.raise(in.exc.IndexError, "pop from an empty deque");
    Value v = d->items.front();
    d->items.pop_front();
    d->mutations++;
    return v;
}

Result<Value> deque_extend(Interp& in, Args args) {
    EDDY_CHECK(extend(in, self_of(args), args[1], false));
    return Value::none();
}

Result<Value> deque_extendleft(Interp& in, Args args) {
    EDDY_CHECK(extend(in, self_of(args), args[1], true));
    return Value::none();
}

Result<Value> deque_clear(Interp&, Args args) {
    self_of(args)->items.clear();
    self_of(args)->mutations++;
    return Value::none();
}

// rotate(n): n steps to the right (negative: to the left), in O(min(|n|, len - |n|)) moves.
Result<Value> deque_rotate(Interp& in, Args args) {
    DequeObj* d = self_of(args);
    int64_t n = args.has(1) ? EDDY_TRY(rt::index_as_int64(in, args[1])) : 1;
    int64_t len = int64_t(d->items.size());
    if (len <= 1) return Value::none();
    n %= len;
    if (n < 0) n += len;
    if (n == 0) return Value::none();
    if (n <= len / 2) {
        for (int64_t i = 0; i < n; ++i) {
            d->items.push_front(d->items.back());
            d->items.pop_back();
        }
    } else {
        for (int64_t i = 0; i < len - n; ++i) {
            d->items.push_back(d->items.front());
            d->items.pop_front();
        }
    }
    d->mutations++;
    return Value::none();
}

Result<Value> deque_reverse(Interp&, Args args) {
    DequeObj* d = self_of(args);
    std::reverse(d->items.begin(), d->items.end());
    d->mutations++;
    return Value::none();
}

Result<Value> deque_count(Interp& in, Args args) {
    DequeObj* d = self_of(args);
    uint64_t before = d->mutations;
    int64_t count = 0;
    for (size_t i = 0; i < d->items.size(); ++i) {
        bool eq = EDDY_TRY(rt::equal(in, d->items[i], args[1]));
        if (d->mutations != before) return in.raise(in.exc.RuntimeError, "deque mutated during iteration");
        count += eq;
    }
    return Value::from_small_int(count);
}

// index(x, start=0, stop=len): slice-style clamping of start and stop, as deque_index does.
Result<Value> deque_index(Interp& in, Args args) {
    DequeObj* d = self_of(args);
    int64_t len = int64_t(d->items.size());
    int64_t start = args.has(2) ? EDDY_TRY(rt::index_as_int64(in, args[2])) : 0;
    int64_t stop = args.has(3) ? EDDY_TRY(rt::index_as_int64(in, args[3])) : len;
    if (start < 0) start = std::max<int64_t>(start + len, 0);
    if (stop < 0) stop = std::max<int64_t>(stop + len, 0);
    stop = std::min(stop, len);
    int64_t i = start < stop ? EDDY_TRY(find(in, d, args[1], size_t(start), size_t(stop))) : -1;
    if (i < 0) {
        std::string r = EDDY_TRY(rt::repr_string(in, args[1]));
        return in.raise(in.exc.ValueError, r + " is not in deque");
    }
    return Value::from_small_int(i);
}

Result<Value> deque_remove(Interp& in, Args args) {
    DequeObj* d = self_of(args);
    int64_t i = EDDY_TRY(find(in, d, args[1], 0, d->items.size()));
    if (i < 0) {
        std::string r = EDDY_TRY(rt::repr_string(in, args[1]));
        return in.raise(in.exc.ValueError, r + " is not in deque");
    }
    d->items.erase(d->items.begin() + i);
    d->mutations++;
    return Value::none();
}

Result<Value> deque_insert(Interp& in, Args args) {
    DequeObj* d = self_of(args);
    int64_t len = int64_t(d->items.size());
    if (d->maxlen >= 0 && len >= d->maxlen)
        return in.raise(in.exc.IndexError, "deque already at its maximum size");
    int64_t i = EDDY_TRY(rt::index_as_int64(in, args[1]));
    if (i < 0) i = std::max<int64_t>(i + len, 0);
    i = std::min(i, len);
    d->items.insert(d->items.begin() + i, args[2]);
    d->mutations++;
    return Value::none();
}

Result<DequeObj*> new_like(Interp& in, DequeObj* d, int64_t maxlen) {
    Type* t = d->type;
    auto* copy = rt::alloc_instance<DequeObj>(in.heap, t);
    copy->iter_type = d->iter_type;
    copy->maxlen = maxlen;
    return copy;
}

Result<Value> deque_copy(Interp& in, Args args) {
    DequeObj* d = self_of(args);
    if (d->type->flags & rt::TF_HeapType) {
        // A subclass is copied through its constructor, as CPython does.
        Value maxlen = d->maxlen < 0 ? Value::none() : Value::from_small_int(d->maxlen);
        return call_kw(in, Value::from_obj(d->type), {args[0]}, {{"maxlen", maxlen}});
    }
    DequeObj* copy = EDDY_TRY(new_like(in, d, d->maxlen));
    copy->items = d->items;
    return Value::from_obj(copy);
}

Result<Value> deque_maxlen(Interp&, Args args) {
    DequeObj* d = self_of(args);
    return d->maxlen < 0 ? Value::none() : Value::from_small_int(d->maxlen);
}

// Lexicographic comparison, between deques only (deque_richcompare).
Result<Value> deque_richcmp(Interp& in, Value a, Value b, vm::CmpOp op) {
    if (!is_deque(in, b)) return Value::not_implemented();
    auto* x = a.as<DequeObj>();
    auto* y = b.as<DequeObj>();
    std::vector<Value> xs(x->items.begin(), x->items.end()), ys(y->items.begin(), y->items.end());
    if ((op == vm::CmpOp::Eq || op == vm::CmpOp::Ne) && xs.size() != ys.size())
        return Value::boolean(op == vm::CmpOp::Ne);
    size_t i = 0;
    for (; i < xs.size() && i < ys.size(); ++i) {
        bool eq = EDDY_TRY(rt::equal(in, xs[i], ys[i]));
        if (!eq) break;
    }
    if (i >= xs.size() || i >= ys.size()) {
        size_t n = xs.size(), m = ys.size();
        bool r = false;
        switch (op) {
        case vm::CmpOp::Lt: r = n < m; break;
        case vm::CmpOp::Le: r = n <= m; break;
        case vm::CmpOp::Eq: r = n == m; break;
        case vm::CmpOp::Ne: r = n != m; break;
        case vm::CmpOp::Gt: r = n > m; break;
        case vm::CmpOp::Ge: r = n >= m; break;
        }
        return Value::boolean(r);
    }
    if (op == vm::CmpOp::Eq) return Value::boolean(false);
    if (op == vm::CmpOp::Ne) return Value::boolean(true);
    return rt::compare(in, xs[i], ys[i], op);
}

// deque + deque, deque += iterable, deque * n, deque *= n.
Result<Value> deque_binary(Interp& in, Value a, Value b, vm::BinOp op) {
    auto* d = a.as<DequeObj>();
    switch (op) {
    case vm::BinOp::Add: {
        if (!is_deque(in, b)) {
            return in.raise(in.exc.TypeError, "can only concatenate deque (not \"" +
                                                  std::string(rt::type_name(in, b)) + "\") to deque");
        }
        DequeObj* r = EDDY_TRY(new_like(in, d, d->maxlen));
        r->items = d->items;
        std::vector<Value> other(b.as<DequeObj>()->items.begin(), b.as<DequeObj>()->items.end());
        for (Value v : other) push_back(r, v);
        return Value::from_obj(r);
    }
    case vm::BinOp::InplaceAdd:
        EDDY_CHECK(extend(in, d, b, false));
        return a;
    case vm::BinOp::Mul:
    case vm::BinOp::InplaceMul: {
        if (!rt::is_int(in, b) && !rt::type_of(in, b)->index) return Value::not_implemented();
        int64_t n = EDDY_TRY(rt::index_as_int64(in, b));
        std::vector<Value> items(d->items.begin(), d->items.end());
        DequeObj* r = d;
        if (op == vm::BinOp::Mul) r = EDDY_TRY(new_like(in, d, d->maxlen));
        r->items.clear();
        r->mutations++;
        if (items.size() && n > 0 && in.heap.would_exceed(items.size() * size_t(n) * sizeof(Value)))
            return in.raise_memory_error();
        for (int64_t k = 0; k < n; ++k)
            for (Value v : items) push_back(r, v);
        return Value::from_obj(r);
    }
    default:
        return Value::not_implemented();
    }
}

Result<Value> deque_rbinary(Interp& in, Value self, Value other, vm::BinOp op) {
    if (op == vm::BinOp::Mul) return deque_binary(in, self, other, op);
    return Value::not_implemented();
}

Result<bool> deque_truth(Interp&, Value self) { return !self.as<DequeObj>()->items.empty(); }

Type* make_iterator_type(Interp& in) {
    Type* t = make_native_type(in, "_deque_iterator", "_collections", sizeof(DequeIter));
    t->iter = iter_self;
    t->next = iter_next;
    t->trace = iter_trace;
    rt::add_methods(in, t, {{"__length_hint__(self, /)", iter_length_hint}});
    finish_native_type(in, t);
    return t;
}

} // namespace

Result<Value> init__collections(Interp& in) {
    rt::Module* module = rt::make_module(in, "_collections");
    Type* t = make_native_type(in, "deque", "collections", sizeof(DequeObj));
    t->flags |= rt::TF_BaseType;
    t->new_ = deque_new;
    t->init = deque_init;
    t->trace = deque_trace;
    t->finalize = deque_finalize;
    t->repr = deque_repr;
    t->len = deque_len;
    t->hash = deque_hash;
    t->truth = deque_truth;
    t->getitem = deque_getitem;
    t->setitem = deque_setitem;
    t->contains = deque_contains;
    t->iter = deque_iter;
    t->richcmp = deque_richcmp;
    t->binary = deque_binary;
    t->rbinary = deque_rbinary;
    rt::add_methods(in, t, {
        {"append(self, x, /)", deque_append},
        {"appendleft(self, x, /)", deque_appendleft},
        {"pop(self, /)", deque_pop},
        {"popleft(self, /)", deque_popleft},
        {"extend(self, iterable, /)", deque_extend},
        {"extendleft(self, iterable, /)", deque_extendleft},
        {"clear(self, /)", deque_clear},
        {"rotate(self, n=1, /)", deque_rotate},
        {"reverse(self, /)", deque_reverse},
        {"count(self, x, /)", deque_count},
        {"index(self, x, start=?, stop=?, /)", deque_index},
        {"remove(self, value, /)", deque_remove},
        {"insert(self, index, object, /)", deque_insert},
        {"copy(self, /)", deque_copy},
        {"__copy__(self, /)", deque_copy},
        {"__reversed__(self, /)", deque_reversed},
    });
    rt::add_getset(in, t, "maxlen", deque_maxlen, nullptr);
    rt::add_class_getitem(in, t);   // deque[int]
    rt::dict_set_str(in, t->dict, in.intern("_iterator_type"), Value::from_obj(make_iterator_type(in)));
    finish_native_type(in, t);
    // __new__/__init__/__len__... wrappers, so that Python subclasses find them on the MRO.
    rt::add_slot_wrappers(in, t);
    set_module_attr(in, module, "deque", Value::from_obj(t));
    return Value::from_obj(module);
}

} // namespace eddy::lib
