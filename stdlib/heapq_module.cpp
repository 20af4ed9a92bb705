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

namespace eddy::lib {

namespace {

Result<rt::List*> heap_arg(Interp& in, Value v, const char* fname) {
    if (!rt::is_list(in, v))
        return in.raise(in.exc.TypeError, std::string(fname) + "() argument 1 must be list, not " +
                                              std::string(rt::type_name(in, v)));
    return v.as<rt::List>();
}

rt::Error changed_size(Interp& in) { return in.raise(in.exc.RuntimeError, "list changed size during iteration"); }

// Moves the item at `pos` up towards `startpos` while it is smaller than its parent.
Status siftdown(Interp& in, rt::List* heap, size_t startpos, size_t pos) {
    std::vector<Value>& items = heap->items;
    size_t size = items.size();
    Value newitem = items[pos];
    while (pos > startpos) {
        size_t parentpos = (pos - 1) >> 1;
        Value parent = items[parentpos];
        bool lt = EDDY_TRY(rt::less_than(in, newitem, parent));
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
            bool lt = EDDY_TRY(rt::less_than(in, items[childpos], items[rightpos]));
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
    bool lt = EDDY_TRY(rt::less_than(in, top, item));
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
