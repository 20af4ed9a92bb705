// runtime/heap.hpp: the one allocation choke point and the tracing (mark-sweep) collector.
//
// When a collection may run: only at safe points the VM chooses (calls, backward jumps, between
// task steps), never inside an allocation. So native code may hold raw Obj* and Value locals
// across allocations freely. Across a call back into Python (rt::call) a safe point can be
// reached; then the collector also scans the native C++ stack conservatively (every word that
// is exactly an object's address, or a boxed Value pointing at one, keeps it alive), as
// MicroPython does. What the conservative scan cannot see is a Value stored in a C++ container
// on the malloc heap (a std::vector<Value> local): keep such values in a RootedValues, or in a
// List/Tuple object held by a local.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <new>
#include <utility>
#include <vector>

#include "cell_pages.hpp"
#include "object.hpp"

namespace eddy::rt {

class Heap;

// A std::vector<Value> the collector treats as a root while it exists (RAII). For native code
// that collects values across a call back into Python (sorted() keys, building a tuple from a
// generator).
class RootedValues {
public:
    explicit RootedValues(Heap& heap);
    ~RootedValues();
    RootedValues(const RootedValues&) = delete;
    RootedValues& operator=(const RootedValues&) = delete;
    std::vector<Value> values;

private:
    Heap& m_heap;
};

// Anything outside the heap that holds references (the Interp, the VM's frame stack, the event
// loop, embedding handles) registers a RootSource; collect() asks each to trace.
class RootSource {
public:
    virtual ~RootSource() = default;
    virtual void trace_roots(Tracer& tracer) = 0;
    // Called once everything reachable is marked, again and again while any source returns
    // true: marks what is kept alive by a condition on what is marked (the tasks of a marked
    // event loop); returns whether it marked anything.
    virtual bool trace_more(Tracer&) { return false; }
};

class Heap {
public:
    Heap();
    ~Heap();   // finalizes and frees every object
    Heap(const Heap&) = delete;
    Heap& operator=(const Heap&) = delete;

    // Allocates a T (which derives from Obj) of `size` bytes (>= sizeof(T), larger for instances
    // of subclasses that carry an instance dict), constructs it with `args`, and records it in
    // the heap. Never fails for ordinary sizes; see would_exceed() for large requests.
    template <class T, class... A>
    T* alloc(Type* type, size_t size, A&&... args) {
        static_assert(alignof(T) <= 16);
        size_t charged;
        // Cells of the classes whose size is a multiple of 16 are 16-byte aligned (bigints need it).
        void* mem = allocate_bytes(alignof(T) > 8 ? (size + 15) & ~size_t(15) : size, charged);
        T* obj = new (mem) T(std::forward<A>(args)...);
        // Bytes past T (a subclass instance's dict slot, trailing data) start zeroed: the
        // collector may read them before the owner fills them.
        if (size > sizeof(T)) std::memset(static_cast<char*>(mem) + sizeof(T), 0, size - sizeof(T));
        Obj* header = obj;   // through Obj: some layouts have a field named `type` of their own
        header->type = type;
        header->gc_marked = 0;
        header->gc_flags = 0;
        header->gc_size = uint32_t(size);
        ++m_objects;
        m_bytes += charged;
        m_bytes_since_gc += charged;
        return obj;
    }
    template <class T, class... A>
    T* alloc(Type* type, A&&... args) {
        return alloc<T>(type, sizeof(T), std::forward<A>(args)...);
    }

    // True when `bytes` more would exceed the memory limit: the caller raises MemoryError before
    // trying (used for `[0] * 10**12`, huge strings, bigints).
    bool would_exceed(size_t bytes) const;
    void set_limit(size_t bytes) { m_limit = bytes; }
    size_t limit() const { return m_limit; }
    size_t bytes_in_use() const { return m_bytes; }

    // Memory owned by objects but allocated outside alloc() (vector buffers, bigint limbs):
    // counted toward the limit and the collection trigger.
    void note_external(ptrdiff_t bytes);

    // Polled at safe points: a collection is due.
    bool wants_collect() const { return m_bytes_since_gc >= m_threshold || m_stress; }
    // Runs a full collection. The native stack between here and the base registered with
    // set_stack_base() is scanned conservatively.
    void collect();
    void set_stack_base(const void* base) { m_stack_base = base; }
    const void* stack_base() const { return m_stack_base; }
    void set_stress(bool on) { m_stress = on; }

    // The finalizer of type objects. Dead objects of a type that dies in the same collection
    // still read their type's finalize slot, so objects with this finalizer are finalized after
    // all others.
    void set_type_finalizer(FinalizeSlot finalize) { m_type_finalizer = finalize; }

    void add_root_source(RootSource* source);
    void remove_root_source(RootSource* source);

    // Calls f(Obj*) for every object, dead ones that the next sweep will free included.
    template <class F>
    void for_each_object(F&& f) {
        m_cells.for_each_object(f);
        for (Obj* obj : m_large) f(obj);
    }

    size_t object_count() const { return m_objects; }
    size_t collections() const { return m_collections; }

private:
    friend class RootedValues;
    // Small objects come from size-class pages; large ones (and, under AddressSanitizer, every
    // object, so that it checks each one's bounds and lifetime) from malloc. `charged` receives
    // the bytes the object really occupies.
    void* allocate_bytes(size_t size, size_t& charged) {
#ifndef EDDY_SANITIZE
        if (size <= CellPages::MaxCellBytes) return m_cells.allocate(size, charged);
#endif
        return allocate_large(size, charged);
    }
    void* allocate_large(size_t size, size_t& charged);
    void mark_roots(class MarkStack& marks);
    void scan_native_stack(class MarkStack& marks);
    void finalize_dead();
    void sweep();

    CellPages m_cells;
    std::vector<Obj*> m_large;        // objects allocated with malloc
    size_t m_objects = 0;
    size_t m_bytes = 0;               // bytes in objects plus noted external memory
    size_t m_bytes_since_gc = 0;
    size_t m_threshold;               // next collection after this many new bytes
    size_t m_limit;                   // memory cap (MemoryError beyond)
    size_t m_collections = 0;
    bool m_stress = false;
    FinalizeSlot m_type_finalizer = nullptr;
    const void* m_stack_base = nullptr;
    std::vector<RootSource*> m_root_sources;
    std::vector<RootedValues*> m_rooted;
};

} // namespace eddy::rt
