// vm/attr_cache.hpp: the inline-cache side of LOAD_ATTR, STORE_ATTR, LOAD_METHOD and LOAD_GLOBAL.
// The hit tests are inline (the dispatch loop uses them); the misses, which do the full lookup
// and refill the entry, are out of line in attr_cache.cpp. Only lookups whose outcome is fixed by
// (receiver type, its version tag) are cached: generic attribute access on types that are not
// metaclasses, with class attributes that are functions, properties or values of built-in types.
#pragma once

#include "runtime/dict_object.hpp"
#include "runtime/object.hpp"
#include "runtime/str_object.hpp"
#include "vm/frame.hpp"
#include "vm/inline_cache.hpp"

namespace eddy::vm {

// The way filled for `obj`'s type while that type's version is unchanged, else null.
inline CacheWay* find_way(InlineCache& c, rt::Obj* obj) {
    rt::Type* t = obj->type;
    for (CacheWay& w : c.ways)
        if (w.type == t) return w.version == t->version_tag ? &w : nullptr;
    return nullptr;
}

// The value stored under `name` in `d`, trying the remembered position first; null when absent.
inline rt::Value dict_get_hinted(rt::Dict* d, rt::Str* name, uint32_t& hint) {
    if (hint < d->entries.size()) {
        const rt::DictEntry& e = d->entries[hint];
        if (e.key.is(rt::Value::from_obj(name))) return e.value;
    }
    int64_t pos = rt::dict_find_str(d, name);
    if (pos < 0) return rt::Value::null();
    hint = uint32_t(pos);
    return d->entries[size_t(pos)].value;
}

// LOAD_ATTR miss: the full lookup of c.name on obj, refilling `c` when the outcome can be cached.
rt::Result<rt::Value> load_attr_miss(rt::Interp& in, InlineCache& c, rt::Value obj);
// STORE_ATTR miss (or a new attribute): obj.name = value, refilling `c`.
rt::Status store_attr_miss(rt::Interp& in, InlineCache& c, rt::Value obj, rt::Value value);
// LOAD_METHOD miss: out[0], out[1] = func, obj (or null, bound attribute), refilling `c`.
rt::Status load_method_miss(rt::Interp& in, InlineCache& c, rt::Value obj, rt::Value* out);
// LOAD_GLOBAL when the globals hint failed: globals, then builtins (both hinted), then NameError.
rt::Result<rt::Value> load_global_miss(rt::Interp& in, InlineCache& c, Frame* frame);

} // namespace eddy::vm
