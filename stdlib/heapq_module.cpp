// stdlib/heapq_module.cpp: the _heapq module, the native heap operations stdlib/py/heapq.py
// re-exports (CPython has them in C too, Modules/_heapqmodule.c). The sift loops are the same
// as CPython's, so a heap list has CPython's exact layout after every operation. A comparison
// may run Python code that changes the list: the size is re-checked after each one.
#include "lib_util.hpp"
#include "list_object.hpp"
#include "module_object.hpp"
#include "modules.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "tuple_object.hpp"

namespace eddy::lib {

namespace {

Result<rt::List*> heap_arg(Interp& in, Value v, const char* fname) {
    if (!rt::is_list(in, v))
        return in.raise(in.exc.TypeError, std::string(fname) + "() argument 1 must be list, not " +
                                              std::string(rt::type_name(in, v)));
    return v.as<rt::List>();
}

rt::Error changed_size(Interp& in) { return in.raise(in.exc.RuntimeError, "list changed size during iteration"); }

// a < b for the items heaps usually hold: small ints, and exact tuples whose first differing
// items are small ints ((priority, seq) pairs). 1 or 0, or -1 when the general comparison must
// decide. Skipping rt::less_than here is pure speed: the answer is the one it would give, and
// comparing small ints runs no Python code.
int fast_less(Interp& in, Value a, Value b) {
    if (a.is_small_int() && b.is_small_int()) return a.as_small_int() < b.as_small_int();
    if (!a.is_obj() || !b.is_obj() || a.as_obj()->type != in.types.tuple ||
        b.as_obj()->type != in.types.tuple)
        return -1;
    const rt::Tuple* ta = a.as<rt::Tuple>();
    const rt::Tuple* tb = b.as<rt::Tuple>();
    size_t n = std::min(ta->size, tb->size);
    for (size_t i = 0; i < n; ++i) {
        Value x = (*ta)[i], y = (*tb)[i];
        if (x.is(y)) continue;   // identical small ints are equal
        if (x.is_small_int() && y.is_small_int()) return x.as_small_int() < y.as_small_int();
        return -1;
    }
    return ta->size < tb->size;
}

Result<bool> heap_less(Interp& in, Value a, Value b) {
    int r = fast_less(in, a, b);
    if (r >= 0) return r == 1;
    return rt::less_than(in, a, b);
}

// Moves the item at `pos` up towards `startpos` while it is smaller than its parent.
Status siftdown(Interp& in, rt::List* heap, size_t startpos, size_t pos) {
    std::vector<Value>& items = heap->items;
    size_t size = items.size();
    Value newitem = items[pos];
    while (pos > startpos) {
        size_t parentpos = (pos - 1) >> 1;
        Value parent = items[parentpos];
        bool lt = EDDY_TRY(heap_less(in, newitem, parent));
        if (size != items.size()) return changed_size(in);
        if (!lt) break;
        items[pos] = parent;
        pos = parentpos;
    }
    items[pos] = newitem;
    return rt::ok();
}

// Moves the smaller child up until `pos` is a leaf, then sifts the item down into place.
Status siftup(Interp& in, rt::List* heap, size_t pos) {
    std::vector<Value>& items = heap->items;
    size_t endpos = items.size();
    size_t startpos = pos;
    Value newitem = items[pos];
    size_t childpos = 2 * pos + 1;
    while (childpos < endpos) {
        size_t rightpos = childpos + 1;
        if (rightpos < endpos) {
            bool lt = EDDY_TRY(heap_less(in, items[childpos], items[rightpos]));
            if (endpos != items.size()) return changed_size(in);
            if (!lt) childpos = rightpos;
        }
        items[pos] = items[childpos];
        pos = childpos;
        childpos = 2 * pos + 1;
    }
    items[pos] = newitem;
    return siftdown(in, heap, startpos, pos);
}

Result<Value> heapq_heappush(Interp& in, Args args) {
    rt::List* heap = EDDY_TRY(heap_arg(in, args[0], "heappush"));
    heap->items.push_back(args[1]);
    EDDY_CHECK(siftdown(in, heap, 0, heap->items.size() - 1));
    return Value::none();
}

Result<Value> heapq_heappop(Interp& in, Args args) {
    rt::List* heap = EDDY_TRY(heap_arg(in, args[0], "heappop"));
    if (heap->items.empty()) return in.raise(in.exc.IndexError, "index out of range");
    Value last = heap->items.back();
    heap->items.pop_back();
    if (heap->items.empty()) return last;
    Value result = heap->items[0];
    heap->items[0] = last;
    EDDY_CHECK(siftup(in, heap, 0));
    return result;
}

Result<Value> heapq_heapreplace(Interp& in, Args args) {
    rt::List* heap = EDDY_TRY(heap_arg(in, args[0], "heapreplace"));
    if (heap->items.empty()) return in.raise(in.exc.IndexError, "index out of range");
    Value result = heap->items[0];
    heap->items[0] = args[1];
    EDDY_CHECK(siftup(in, heap, 0));
    return result;
}

Result<Value> heapq_heappushpop(Interp& in, Args args) {
    rt::List* heap = EDDY_TRY(heap_arg(in, args[0], "heappushpop"));
    Value item = args[1];
    if (heap->items.empty()) return item;
    Value top = heap->items[0];
    bool lt = EDDY_TRY(heap_less(in, top, item));
    if (!lt) return item;
    if (heap->items.empty()) return in.raise(in.exc.IndexError, "index out of range");
    Value result = heap->items[0];
    heap->items[0] = item;
    EDDY_CHECK(siftup(in, heap, 0));
    return result;
}

Result<Value> heapq_heapify(Interp& in, Args args) {
    rt::List* heap = EDDY_TRY(heap_arg(in, args[0], "heapify"));
    for (size_t i = heap->items.size() / 2; i-- > 0;) {
        if (i >= heap->items.size()) return changed_size(in);
        EDDY_CHECK(siftup(in, heap, i));
    }
    return Value::none();
}

} // namespace

Result<Value> init__heapq(Interp& in) {
    rt::Module* module = rt::make_module(in, "_heapq");
    rt::add_functions(in, module, {
        {"heappush(heap, item, /)", heapq_heappush},
        {"heappop(heap, /)", heapq_heappop},
        {"heapreplace(heap, item, /)", heapq_heapreplace},
        {"heappushpop(heap, item, /)", heapq_heappushpop},
        {"heapify(heap, /)", heapq_heapify},
    });
    return Value::from_obj(module);
}

} // namespace eddy::lib
