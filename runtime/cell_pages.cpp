// runtime/cell_pages.cpp: size classes, page mapping and reuse, and the sweep's free-list rebuild
// for the small-object allocator (cell_pages.hpp).
#include "cell_pages.hpp"

#include <sys/mman.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace eddy::rt {

namespace {

// Cell sizes: 8-byte steps to 128, then 16, 32 and 64-byte steps to 1024 (at most 1/8 wasted
// above 128 bytes). 39 classes.
constexpr uint32_t class_bytes(size_t index) {
    if (index < 15) return uint32_t(16 + 8 * index);
    if (index < 23) return uint32_t(128 + 16 * (index - 14));
    if (index < 31) return uint32_t(256 + 32 * (index - 22));
    return uint32_t(512 + 64 * (index - 30));
}

[[noreturn]] void out_of_memory() {
    std::fputs("eddy: out of memory\n", stderr);
    std::abort();
}

} // namespace

constexpr std::array<uint8_t, CellPages::MaxCellBytes / 8 + 1> make_class_index() {
    std::array<uint8_t, CellPages::MaxCellBytes / 8 + 1> table{};
    size_t cls = 0;
    for (size_t words = 0; words < table.size(); ++words) {
        while (class_bytes(cls) < words * 8) ++cls;
        table[words] = uint8_t(cls);
    }
    return table;
}

const std::array<uint8_t, CellPages::MaxCellBytes / 8 + 1> CellPages::ClassIndex = make_class_index();

static_assert(class_bytes(38) == CellPages::MaxCellBytes);
static_assert(offsetof(FreeCell, zero_size) == offsetof(Obj, gc_size));
static_assert(sizeof(FreeCell) <= 16 && sizeof(Obj) == 16);

CellPages::CellPages() {
    for (size_t i = 0; i < ClassCount; ++i) m_classes[i].cell_bytes = class_bytes(i);
}

CellPages::~CellPages() {
    for (void* chunk : m_chunks) munmap(chunk, PageBytes * PagesPerChunk);
    for (Page* page : m_pages) delete page;
}

// The class has no free cell and its bump page is used up: start bumping through another page.
void* CellPages::refill(SizeClass& c) {
    if (c.bump_page) c.bump_page->extent = c.bump_page->cells;
    Page* page = take_empty_page();
    page->in_use = true;
    page->cell_bytes = c.cell_bytes;
    page->cells = uint32_t(PageBytes / c.cell_bytes);
    page->extent = 0;
    c.bump_page = page;
    c.bump = page->base + c.cell_bytes;
    c.bump_end = page->base + size_t(page->cells) * c.cell_bytes;
    return page->base;
}

CellPages::Page* CellPages::take_empty_page() {
    ++m_taken_since_sweep;
    if (m_empty.empty()) map_chunk();
    Page* page = m_empty.back();
    m_empty.pop_back();
    return page;
}

// Maps PagesPerChunk pages at once: fewer mappings, and untouched pages cost no memory.
void CellPages::map_chunk() {
    size_t bytes = PageBytes * PagesPerChunk;
    void* mem = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mem == MAP_FAILED) out_of_memory();
    m_chunks.push_back(mem);
    // Highest address first on the empty list, so pages are taken in address order.
    for (size_t i = PagesPerChunk; i-- > 0;) {
        auto* page = new Page{static_cast<char*>(mem) + i * PageBytes};
        m_empty.push_back(page);
        m_pages.insert(std::upper_bound(m_pages.begin(), m_pages.end(), page,
                                        [](const Page* a, const Page* b) { return a->base < b->base; }),
                       page);
    }
}

void CellPages::sync_extents() {
    for (SizeClass& c : m_classes)
        if (c.bump_page) c.bump_page->extent = uint32_t((c.bump - c.bump_page->base) / c.cell_bytes);
}

CellPages::SweepResult CellPages::sweep() {
    sync_extents();
    std::array<FreeCell**, ClassCount> tails;
    for (size_t i = 0; i < ClassCount; ++i) {
        m_classes[i].free = nullptr;
        tails[i] = &m_classes[i].free;
    }
    SweepResult result;
    std::vector<Page*> emptied;
    for (Page* page : m_pages) {
        if (!page->in_use) continue;
        FreeCell**& tail = tails[class_of(page->cell_bytes)];
        if (!sweep_page(page, tail, result)) emptied.push_back(page);
    }
    for (FreeCell** tail : tails) *tail = nullptr;
    // As many emptied pages as the last cycle took keep their memory: the next cycle will most
    // likely take as many again, and reusing them costs no page faults (a loop that makes
    // short-lived strs spent a fifth of its time faulting fresh pages in). The rest go back to the
    // OS; the kept ones go on the end of the empty list, so they are taken first.
    size_t keep = std::min(m_taken_since_sweep, emptied.size());
    for (size_t i = keep; i < emptied.size(); ++i) release_page(emptied[i], true);
    for (size_t i = 0; i < keep; ++i) release_page(emptied[i], false);
    m_taken_since_sweep = 0;
    return result;
}

// Frees the page's unmarked objects onto the class free list (through `tail`) and unmarks the
// rest. Returns false when nothing in the page survived: then its cells are left off the list.
bool CellPages::sweep_page(Page* page, FreeCell**& tail, SweepResult& result) {
    FreeCell** page_start = tail;
    uint32_t live = 0;
    char* cell = page->base;
    for (uint32_t i = 0; i < page->extent; ++i, cell += page->cell_bytes) {
        auto* obj = reinterpret_cast<Obj*>(cell);
        if (obj->gc_size && obj->gc_marked) {
            obj->gc_marked = 0;
            ++live;
            continue;
        }
        if (obj->gc_size) {
            ++result.objects;
            result.bytes += page->cell_bytes;
        }
        auto* free_cell = reinterpret_cast<FreeCell*>(cell);
        free_cell->zero_size = 0;
        *tail = free_cell;
        tail = &free_cell->next;
    }
    if (live) return true;
    tail = page_start;   // drop this page's cells from the list again
    return false;
}

// An empty page goes back to the empty list. With `give_back` its memory is returned to the OS,
// so a heap that shrank after a peak does not keep the peak's RSS (nothing relies on a reused
// page reading as zeros: cells past a page's extent are never read). The page is still the
// class's bump page if it was one: that ends here.
void CellPages::release_page(Page* page, bool give_back) {
    for (SizeClass& c : m_classes) {
        if (c.bump_page != page) continue;
        c.bump_page = nullptr;
        c.bump = c.bump_end = nullptr;
    }
    if (give_back) madvise(page->base, PageBytes, MADV_DONTNEED);
    page->in_use = false;
    page->extent = 0;
    m_empty.push_back(page);
}

Obj* CellPages::object_at(uintptr_t addr) const {
    auto it = std::upper_bound(m_pages.begin(), m_pages.end(), addr,
                               [](uintptr_t a, const Page* p) { return a < uintptr_t(p->base); });
    if (it == m_pages.begin()) return nullptr;
    const Page* page = *(it - 1);
    uintptr_t offset = addr - uintptr_t(page->base);
    if (!page->in_use || offset >= PageBytes) return nullptr;
    size_t cell = offset / page->cell_bytes;
    if (cell >= page->extent) return nullptr;
    auto* obj = reinterpret_cast<Obj*>(page->base + cell * page->cell_bytes);
    return obj->gc_size ? obj : nullptr;
}

size_t CellPages::pages_in_use() const {
    return size_t(std::count_if(m_pages.begin(), m_pages.end(), [](const Page* p) { return p->in_use; }));
}

} // namespace eddy::rt
