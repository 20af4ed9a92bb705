// vm/attr_cache.cpp: the miss paths of the attribute and global inline caches: each does the full
// lookup (the same steps as PyObject_GenericGetAttr / GenericSetAttr, through runtime/ops) and,
// when the outcome depends only on the receiver's type and its version tag, records it so the
// next execution of the instruction takes the inline hit path in the dispatch loop.
#include "vm/attr_cache.hpp"

#include "runtime/function_object.hpp"
#include "runtime/interp.hpp"
#include "runtime/ops.hpp"
#include "runtime/types.hpp"
#include "vm/slow_paths.hpp"

namespace eddy::vm {

using rt::Value;

namespace {

// Attribute access on instances of `t` is plain PyObject_GenericGetAttr (or a module's, which
// only adds a __getattr__ fallback after a miss), and `t` has a version tag to key the cache on.
bool generic_lookup_type(rt::Interp& in, rt::Type* t, bool store) {
    bool generic = store ? t->setattr == &rt::generic_set_attr
                         : t->getattr == &rt::generic_get_attr || t == in.types.module;
    return generic && rt::type_version(in, t) != 0;
}

// A class attribute whose effect on lookups cannot change without the owner's version changing:
// its type is built in (fixed slots) and binds nothing.
bool is_plain_value(rt::Interp& in, Value v) {
    rt::Type* vt = rt::type_of(in, v);
    return !(vt->flags & rt::TF_HeapType) && !vt->descr_get && !vt->descr_set;
}

// The way to (re)fill for receiver type `t`: its own if it has one, else the next in turn.
CacheWay& way_for(InlineCache& c, rt::Type* t) {
    for (CacheWay& w : c.ways) {
        if (w.type == t) {
            w = CacheWay{};
            return w;
        }
    }
    CacheWay& w = c.ways[c.next_way];
    c.next_way = uint8_t((c.next_way + 1) % InlineCache::Ways);
    w = CacheWay{};
    return w;
}

void fill(CacheWay& w, rt::Type* t, AttrKind kind, Value value) {
    w.type = t;
    w.version = t->version_tag;
    w.kind = kind;
    w.value = value;
}

rt::Dict* instance_dict(rt::Obj* o) {
    return o->type->dict_offset ? rt::instance_dict_slot(o) : nullptr;
}

} // namespace

rt::Result<Value> load_attr_miss(rt::Interp& in, InlineCache& c, Value obj) {
    if (!obj.is_obj()) return rt::get_attr(in, obj, c.name);
    rt::Obj* o = obj.as_obj();
    rt::Type* t = o->type;
    if (!generic_lookup_type(in, t, false)) return rt::get_attr(in, obj, c.name);
    CacheWay& w = way_for(c, t);
    Value descr = rt::type_lookup(t, c.name);
    if (descr.is_null()) {
        if (t->dict_offset) fill(w, t, AttrKind::InstanceDict, Value::null());
    } else if (descr.is_obj() && descr.as_obj()->type == in.types.property) {
        if (rt::is_function(in, descr.as<rt::Property>()->fget)) fill(w, t, AttrKind::Property, descr);
    } else if (is_plain_value(in, descr)) {
        fill(w, t, AttrKind::ClassValue, descr);
    }
    if (w.kind == AttrKind::InstanceDict || w.kind == AttrKind::ClassValue) {
        if (rt::Dict* d = instance_dict(o)) {
            Value v = dict_get_hinted(d, c.name, w.hint);
            if (!v.is_null()) return v;
        }
        if (w.kind == AttrKind::ClassValue) return descr;
    }
    return rt::get_attr(in, obj, c.name);
}

rt::Status store_attr_miss(rt::Interp& in, InlineCache& c, Value obj, Value value) {
    if (!obj.is_obj()) return rt::set_attr(in, obj, c.name, value);
    rt::Obj* o = obj.as_obj();
    rt::Type* t = o->type;
    CacheWay* w = find_way(c, o);
    if (!w) {
        if (!generic_lookup_type(in, t, true) || !t->dict_offset || c.name == in.names.dunder_dict)
            return rt::set_attr(in, obj, c.name, value);
        Value descr = rt::type_lookup(t, c.name);
        if (!descr.is_null() && !is_plain_value(in, descr)) return rt::set_attr(in, obj, c.name, value);
        w = &way_for(c, t);
        fill(*w, t, AttrKind::InstanceDict, Value::null());
    }
    // A store into the instance dict: create it if needed, then remember where the key went.
    rt::Dict*& slot = rt::instance_dict_slot(o);
    if (!slot) slot = rt::make_dict(in);
    rt::Dict* d = slot;
    size_t before = d->entries.size();
    rt::dict_set_str(in, d, c.name, value);
    if (d->entries.size() > before && d->entries.back().key.is(Value::from_obj(c.name)))
        w->hint = uint32_t(d->entries.size() - 1);
    else if (int64_t pos = rt::dict_find_str(d, c.name); pos >= 0)
        w->hint = uint32_t(pos);
    return rt::ok();
}

rt::Status load_method_miss(rt::Interp& in, InlineCache& c, Value obj, Value* out) {
    if (obj.is_obj() && generic_lookup_type(in, obj.as_obj()->type, false)) {
        rt::Type* t = obj.as_obj()->type;
        Value attr = rt::type_lookup(t, c.name);
        if (t == in.types.module) {
            // `module.func(...)`: nothing on the module type, so the module's dict holds it (a
            // hit looks there with a hint, as LOAD_ATTR does; a miss tries __getattr__).
            if (attr.is_null()) fill(way_for(c, t), t, AttrKind::InstanceDict, Value::null());
        } else if (attr.is_obj() && (attr.as_obj()->type == in.types.function ||
                                     attr.as_obj()->type == in.types.method_descriptor)) {
            fill(way_for(c, t), t, AttrKind::Method, attr);
        }
    }
    return load_method(in, obj, c.name, out);
}

rt::Result<Value> load_global_miss(rt::Interp& in, InlineCache& c, Frame* frame) {
    // A builtin (`len`, `str`) misses here on every run; a clear key bit in the globals proves
    // it absent without probing them.
    int64_t pos = frame->globals->key_bits & c.name_bit ? rt::dict_find_str(frame->globals, c.name) : -1;
    if (pos >= 0) {
        c.hint = uint32_t(pos);
        return frame->globals->entries[size_t(pos)].value;
    }
    rt::Dict* b = frame->builtins;
    if (c.hint2 < b->entries.size() && b->entries[c.hint2].key.is(Value::from_obj(c.name)))
        return b->entries[c.hint2].value;
    pos = rt::dict_find_str(b, c.name);
    if (pos >= 0) {
        c.hint2 = uint32_t(pos);
        return b->entries[size_t(pos)].value;
    }
    return load_global_slow(in, frame, c.name);
}

} // namespace eddy::vm
