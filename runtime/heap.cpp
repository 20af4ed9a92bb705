// runtime/heap.cpp: allocation, the mark phase (explicit mark stack, roots from RootSources,
// RootedValues and a conservative scan of the native stack) and the sweep.
#include "heap.hpp"

#include <algorithm>
#include <csetjmp>
#include <cstdio>
#include <cstdlib>

namespace eddy::rt {

namespace {
constexpr size_t MinThreshold = size_t(4) << 20;   // first collection after 4 MiB
constexpr size_t DefaultLimit = size_t(8) << 30;    // 8 GiB unless the host sets a cap
} // namespace

// Grey objects waiting to have their references traced.
class MarkStack final : public Tracer {
public:
    void mark_obj(Obj* obj) override {
        if (obj->gc_marked) return;
        obj->gc_marked = 1;
        m_grey.push_back(obj);
    }
    void drain() {
        while (!m_grey.empty()) {
            Obj* obj = m_grey.back();
            m_grey.pop_back();
            mark_obj(obj->type);
            if (obj->type->dict_offset) mark(reinterpret_cast<Obj*>(instance_dict_slot(obj)));
            if (obj->type->trace) obj->type->trace(obj, *this);
        }
    }

private:
    std::vector<Obj*> m_grey;
};

RootedValues::RootedValues(Heap& heap) : m_heap(heap) { heap.m_rooted.push_back(this); }

RootedValues::~RootedValues() {
    auto& list = m_heap.m_rooted;
    list.erase(std::find(list.begin(), list.end(), this));
}

Heap::Heap() : m_threshold(MinThreshold), m_limit(DefaultLimit) {
#ifdef EDDY_GC_STRESS
    m_stress = true;
#endif
    // The same from the environment, so that any build can be stress-tested for missing roots.
    if (const char* s = std::getenv("EDDY_GC_STRESS")) m_stress = *s && *s != '0';
}

// Marks are clear between collections, so every object counts as dead here.
Heap::~Heap() {
    finalize_dead();
    for (Obj* obj : m_large) std::free(obj);
}

void* Heap::allocate_large(size_t size, size_t& charged) {
    void* mem = std::malloc(size);
    if (!mem) {
        // An ordinary object that cannot be allocated: the machine is out of memory. Large
        // requests are checked with would_exceed() first and become MemoryError.
        std::fputs("eddy: out of memory\n", stderr);
        std::abort();
    }
    m_large.push_back(static_cast<Obj*>(mem));
    charged = size;
    return mem;
}

bool Heap::would_exceed(size_t bytes) const { return bytes > m_limit || m_bytes > m_limit - bytes; }

void Heap::note_external(ptrdiff_t bytes) {
    m_bytes += bytes;
    if (bytes > 0) m_bytes_since_gc += size_t(bytes);
}

void Heap::add_root_source(RootSource* source) { m_root_sources.push_back(source); }

void Heap::remove_root_source(RootSource* source) {
    auto it = std::find(m_root_sources.begin(), m_root_sources.end(), source);
    if (it != m_root_sources.end()) m_root_sources.erase(it);
}

void Heap::collect() {
    MarkStack marks;
    mark_roots(marks);
    marks.drain();
    for (bool more = true; more;) {
        more = false;
        for (RootSource* source : m_root_sources) more |= source->trace_more(marks);
        marks.drain();
    }
    sweep();
    ++m_collections;
    m_bytes_since_gc = 0;
    m_threshold = std::max(MinThreshold, m_bytes);
}

void Heap::mark_roots(MarkStack& marks) {
    for (RootSource* source : m_root_sources) source->trace_roots(marks);
    for (RootedValues* rooted : m_rooted) marks.mark(rooted->values);
    scan_native_stack(marks);
}

// Conservative scan: every aligned word between here and the registered stack base that equals
// an object's address (raw, or boxed in a Value) marks that object. Registers are spilled into a
// jmp_buf first so callee-saved registers are seen too. Reading other frames' slots is what
// AddressSanitizer would flag, hence the attribute.
[[gnu::noinline]] __attribute__((no_sanitize("address"))) void
Heap::scan_native_stack(MarkStack& marks) {
    if (!m_stack_base) return;
    std::jmp_buf registers;
    setjmp(registers);
    const auto* lo = reinterpret_cast<const uintptr_t*>(&registers);
    const auto* hi = static_cast<const uintptr_t*>(m_stack_base);
    if (lo > hi) std::swap(lo, hi);
    std::vector<uintptr_t> candidates;
    constexpr uintptr_t ObjTag = uintptr_t(0xFFF9) << 48;
    constexpr uintptr_t Payload = (uintptr_t(1) << 48) - 1;
    for (const uintptr_t* p = lo; p < hi; ++p) {
        uintptr_t word = *p;
        if ((word & ~Payload) == ObjTag) word &= Payload;
        if (word && (word & 7) == 0) candidates.push_back(word);
    }
    if (candidates.empty()) return;
    m_cells.sync_extents();
    for (uintptr_t word : candidates)
        if (Obj* obj = m_cells.object_at(word)) marks.mark_obj(obj);
    std::sort(candidates.begin(), candidates.end());
    // A large object is kept by any word pointing into it.
    for (Obj* obj : m_large) {
        auto it = std::lower_bound(candidates.begin(), candidates.end(), uintptr_t(obj));
        if (it != candidates.end() && *it < uintptr_t(obj) + obj->gc_size) marks.mark_obj(obj);
    }
}

// Runs the finalizer of every unmarked object before any memory is reused, type objects last
// (see set_type_finalizer).
void Heap::finalize_dead() {
    std::vector<Obj*> types;
    for_each_object([&](Obj* obj) {
        if (obj->gc_marked) return;
        FinalizeSlot finalize = obj->type->finalize;
        if (!finalize) return;
        if (finalize == m_type_finalizer)
            types.push_back(obj);
        else
            finalize(obj);
    });
    for (Obj* type : types) m_type_finalizer(type);
}

void Heap::sweep() {
    finalize_dead();
    CellPages::SweepResult freed = m_cells.sweep();
    m_objects -= freed.objects;
    m_bytes -= freed.bytes;
    size_t kept = 0;
    for (Obj* obj : m_large) {
        if (obj->gc_marked) {
            obj->gc_marked = 0;
            m_large[kept++] = obj;
            continue;
        }
        m_bytes -= obj->gc_size;
        --m_objects;
        std::free(obj);
    }
    m_large.resize(kept);
}

} // namespace eddy::rt
