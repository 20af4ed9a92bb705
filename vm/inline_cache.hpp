// vm/inline_cache.hpp: the per-instruction caches of LOAD_ATTR, STORE_ATTR, LOAD_METHOD and
// LOAD_GLOBAL. A code object's runtime copy of its instructions has these instructions'
// operands replaced by an index into its cache array (the entry keeps the name), so each site
// remembers what it last found. Entries hold no references the collector must see: a hit is
// only taken while the type's version tag is unchanged, and then the cached value is still
// reachable from that type's MRO dicts.
#pragma once

#include <cstdint>

#include "runtime/value.hpp"
#include "vm/bytecode.hpp"

namespace eddy::rt {
struct Str;
struct Type;
}

namespace eddy::vm {

// The instructions that own a cache entry.
constexpr bool is_cached_op(Op op) {
    return op == Op::LOAD_ATTR || op == Op::STORE_ATTR || op == Op::LOAD_METHOD ||
           op == Op::LOAD_GLOBAL;
}

// What a filled attribute cache does on a hit (the receiver's type matched).
enum class AttrKind : uint8_t {
    Empty,         // never filled, or the last lookup could not be cached
    InstanceDict,  // nothing on the type: the value is in the instance dict (hint = position)
    ClassValue,    // a plain class attribute or function: instance dict first, then `value`
    Method,        // LOAD_METHOD: `value` is a function on the type, unless the instance shadows it
    Property,      // LOAD_ATTR: `value` is a property whose fget is called with the instance
};

// What one receiver type's lookup found.
struct CacheWay {
    rt::Type* type = nullptr;      // receiver type when filled
    uint32_t version = 0;          // type's version tag when filled (never 0 once filled)
    uint32_t hint = 0;             // an instance-dict entry position to try first
    AttrKind kind = AttrKind::Empty;
    rt::Value value = rt::Value::null();   // the class attribute found (kinds ClassValue..Property)
};

// Attribute sites are often polymorphic (a base-class method sees every subclass), so an entry
// remembers up to Ways receiver types, replaced round-robin.
struct InlineCache {
    static constexpr int Ways = 4;
    rt::Str* name = nullptr;       // the instruction's name (its operand before quickening)
    CacheWay ways[Ways];
    uint32_t hint = 0;             // LOAD_GLOBAL: the globals entry position to try first
    uint32_t hint2 = 0;            // LOAD_GLOBAL: the builtins entry position
    uint64_t name_bit = 0;         // rt::dict_key_bit of the name (proves a key absent)
    uint8_t next_way = 0;          // the way the next new receiver type replaces
};

} // namespace eddy::vm
