// runtime/dict_object.hpp: dict, insertion-ordered with CPython's compact layout: a dense entry
// array in insertion order plus a sparse open-addressing index into it. Also used for every
// namespace (module globals, class and instance __dict__), so the str-keyed paths are hot.
#pragma once

#include <cstdlib>

#include "object.hpp"

namespace eddy::rt {

struct DictEntry {
    int64_t hash;
    Value key;        // null for a deleted entry (a hole kept until the next resize)
    Value value;
};

// A Dict's entry array: a vector (the subset of std::vector's interface the runtime uses) whose
// first InlineCapacity entries live inside the Dict, so a dict that fits the smallest index, as
// most instance dicts do, costs no malloc (two malloc'd arrays per instance were a fifth of
// attr_calls). Neither copyable nor movable: data() may point into the object itself.
class DictEntries {
public:
    static constexpr uint32_t InlineCapacity = 5;   // usable entries of the smallest index (8)

    DictEntries() = default;
    ~DictEntries() {
        if (m_data != inline_data()) std::free(m_data);
    }
    DictEntries(const DictEntries&) = delete;
    DictEntries& operator=(const DictEntries&) = delete;

    size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    DictEntry& operator[](size_t i) { return m_data[i]; }
    const DictEntry& operator[](size_t i) const { return m_data[i]; }
    DictEntry* begin() { return m_data; }
    DictEntry* end() { return m_data + m_size; }
    const DictEntry* begin() const { return m_data; }
    const DictEntry* end() const { return m_data + m_size; }
    DictEntry& back() { return m_data[m_size - 1]; }
    void push_back(const DictEntry& e) {
        if (m_size == m_capacity) grow(size_t(m_capacity) * 2);
        m_data[m_size++] = e;
    }
    void pop_back() { --m_size; }
    void clear() { m_size = 0; }
    void reserve(size_t n) {
        if (n > m_capacity) grow(n);
    }
    void shrink_to(size_t n) { m_size = uint32_t(n); }   // n <= size()

private:
    void grow(size_t capacity);   // dict_object.cpp
    DictEntry* inline_data() { return reinterpret_cast<DictEntry*>(m_inline); }

    DictEntry* m_data = inline_data();
    uint32_t m_size = 0;
    uint32_t m_capacity = InlineCapacity;
    alignas(DictEntry) unsigned char m_inline[InlineCapacity * sizeof(DictEntry)];
};

// A Dict's sparse index (entry positions, -1 empty, -2 deleted; a power-of-two size or empty).
// The smallest size is stored inline, like DictEntries' first entries.
class DictIndex {
public:
    static constexpr size_t InlineSize = 8;

    DictIndex() = default;
    ~DictIndex() { release(); }
    DictIndex(const DictIndex&) = delete;
    DictIndex& operator=(const DictIndex&) = delete;

    size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    int32_t& operator[](size_t i) { return m_data[i]; }
    int32_t operator[](size_t i) const { return m_data[i]; }
    const int32_t* data() const { return m_data; }
    void assign(size_t n, int32_t fill);   // dict_object.cpp
    void clear() { m_size = 0; }

private:
    void release() {
        if (m_data != m_inline) std::free(m_data);
    }

    int32_t* m_data = m_inline;
    size_t m_size = 0;
    int32_t m_inline[InlineSize];
};

struct Dict : Obj {
    DictEntries entries;             // insertion order, with holes
    DictIndex index;                 // open addressing into entries
    size_t used = 0;                 // live entries
    uint64_t version = 0;            // bumped on every insertion or removal (iteration checks)
    // Bit (hash & 63) of every key in the index: a clear bit proves a key absent without a probe
    // (the VM's method caches check that no instance attribute shadows the method this way).
    uint64_t key_bits = 0;
};

inline uint64_t dict_key_bit(int64_t hash) { return uint64_t(1) << (uint64_t(hash) & 63); }

// dict_keys / dict_values / dict_items: a live view of one dict.
struct DictView : Obj {
    Dict* dict = nullptr;
};

// The three dict iterators. Like CPython's dictiter: remembers the dict's size when created and
// raises "dictionary changed size during iteration" if it differs at a later step.
struct DictIterator : Obj {
    Dict* dict = nullptr;     // null once exhausted
    size_t pos = 0;           // next position in dict->entries
    size_t expected_used = 0;
    size_t remaining = 0;     // for __length_hint__
};

Dict* make_dict(Interp& in);
bool is_dict(const Interp& in, Value v);

// Generic lookups hash the key and may call __hash__/__eq__, so they can raise.
Result<Value> dict_get(Interp& in, Dict* d, Value key);               // null when missing
Status dict_set(Interp& in, Dict* d, Value key, Value value);
Result<bool> dict_del(Interp& in, Dict* d, Value key);                // false when missing
// The same with the key's hash already known (set/frozenset and dict copies reuse hashes).
Result<Value> dict_get_hashed(Interp& in, Dict* d, Value key, int64_t hash);
Status dict_set_hashed(Interp& in, Dict* d, Value key, int64_t hash, Value value);

// Fast paths for str keys (namespaces, attribute dicts): cannot raise.
Value dict_get_str(Dict* d, Str* key);                                 // null when missing
void dict_set_str(Interp& in, Dict* d, Str* key, Value value);
bool dict_del_str(Dict* d, Str* key);
// The position of `key` in d->entries, or -1 (the VM's inline caches keep it as a hint).
int64_t dict_find_str(Dict* d, Str* key);
// dict_key_bit of `key`'s hash (computing and caching the hash).
uint64_t dict_str_key_bit(Str* key);
// Adds `key`, known to be absent, at the end of d->entries (a new instance attribute).
void dict_append_new_str(Dict* d, Str* key, Value value);

// dict.update(other): a mapping (anything with keys()) or an iterable of pairs.
Status dict_update(Interp& in, Dict* d, Value other);
// {**m} and f(**m): copies a mapping's items (keys() then __getitem__) into `d`.
Status dict_merge_mapping(Interp& in, Dict* d, Value mapping);
Dict* dict_copy(Interp& in, Dict* d);
void dict_clear(Dict* d);

// Iteration over live entries in insertion order: for (auto& e : d->entries) if (!e.key.is_null()).

void init_dict_type(Interp& in);        // dict_object.cpp
void init_dict_view_types(Interp& in);  // dict_views.cpp

// A read-only mappingproxy over `mapping` (a class's __dict__); mapping_proxy.cpp.
Value make_mapping_proxy(Interp& in, Value mapping);
void init_mapping_proxy_type(Interp& in);

} // namespace eddy::rt
