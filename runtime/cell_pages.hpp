// runtime/cell_pages.hpp: the small-object allocator under Heap. Objects up to MaxCellBytes live in
// 64 KiB pages of equal-sized cells, one size class per page, handed out from a per-class free
// list (refilled by the sweep) or by bumping through a fresh page. Pages come from 1 MiB chunks
// mapped from the OS; a page left empty by a sweep is given back (its memory released) and may
// be reused for any size class. Owned by one Heap: there is no global state, so two interpreters
// never share a page. Knows object headers (Obj) but nothing about types or tracing.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "object.hpp"

namespace eddy::rt {

// A cell on a free list. It overlays an Obj header: `next` where the type pointer was, and a
// zero where gc_size was; an allocated object always has gc_size > 0, so the sweep and the
// conservative stack scan tell free cells from objects by that word alone.
struct FreeCell {
    FreeCell* next;
    uint32_t unused;
    uint32_t zero_size;
};

class CellPages {
public:
    static constexpr size_t MaxCellBytes = 1024;   // larger objects go to malloc (Heap)
    static constexpr size_t PageBytes = size_t(64) << 10;
    static constexpr size_t PagesPerChunk = 16;

    CellPages();
    ~CellPages();   // unmaps every chunk; the owner has finalized the objects first
    CellPages(const CellPages&) = delete;
    CellPages& operator=(const CellPages&) = delete;

    // A cell for `size` bytes (0 < size <= MaxCellBytes), uninitialised, 8-byte aligned (16 when
    // `size` is a multiple of 16: pages are page-aligned, and such classes' cells are multiples
    // of 16); its size goes to *cell_bytes. The common case (free list or bump) is inline; refill() maps a page.
    void* allocate(size_t size, size_t& cell_bytes) {
        SizeClass& c = m_classes[class_of(size)];
        cell_bytes = c.cell_bytes;
        if (FreeCell* cell = c.free) {
            c.free = cell->next;
            return cell;
        }
        if (c.bump < c.bump_end) {
            void* cell = c.bump;
            c.bump += c.cell_bytes;
            return cell;
        }
        return refill(c);
    }

    // Calls f(Obj*) for every allocated object (in page order).
    template <class F>
    void for_each_object(F&& f) {
        sync_extents();
        for (Page* page : m_pages) {
            if (!page->in_use) continue;
            char* cell = page->base;
            for (uint32_t i = 0; i < page->extent; ++i, cell += page->cell_bytes) {
                auto* obj = reinterpret_cast<Obj*>(cell);
                if (obj->gc_size) f(obj);
            }
        }
    }

    // Frees every unmarked object's cell (the owner has finalized them) and clears the mark of
    // the rest. Rebuilds each class's free list in address order; gives back empty pages.
    struct SweepResult {
        size_t objects = 0;   // objects freed
        size_t bytes = 0;     // cell bytes freed
    };
    SweepResult sweep();

    // The allocated object whose cell contains `addr`, or null (conservative scan: optimised code
    // may keep only a pointer into an object, such as to one of its members).
    // Valid after sync_extents(), until the next allocation.
    Obj* object_at(uintptr_t addr) const;
    // Records how far each class has bumped through its current page, so that walks over the
    // pages see every handed-out cell.
    void sync_extents();

    size_t pages_in_use() const;

private:
    struct Page {
        char* base;
        uint32_t cell_bytes = 0;
        uint32_t cells = 0;       // cells that fit in the page
        uint32_t extent = 0;      // cells handed out by bumping so far (the rest never touched)
        bool in_use = false;      // false: on the empty-page list
    };
    struct SizeClass {
        uint32_t cell_bytes = 0;
        FreeCell* free = nullptr;
        Page* bump_page = nullptr;  // the page being bumped through, if any
        char* bump = nullptr;
        char* bump_end = nullptr;
    };
    static constexpr size_t ClassCount = 39;

    static size_t class_of(size_t size) { return ClassIndex[(size + 7) >> 3]; }
    static const std::array<uint8_t, MaxCellBytes / 8 + 1> ClassIndex;

    void* refill(SizeClass& c);
    Page* take_empty_page();
    void map_chunk();
    bool sweep_page(Page* page, FreeCell**& tail, SweepResult& result);
    void release_page(Page* page, bool give_back);

    std::array<SizeClass, ClassCount> m_classes;
    std::vector<Page*> m_pages;        // every page, sorted by address
    std::vector<Page*> m_empty;        // pages not in use, reused before mapping a new chunk
    std::vector<void*> m_chunks;       // mappings to unmap at the end
    size_t m_taken_since_sweep = 0;    // pages taken from the empty list since the last sweep
};

} // namespace eddy::rt
