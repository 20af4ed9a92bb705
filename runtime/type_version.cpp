// runtime/type_version.cpp: version tags of types, the key of the VM's attribute inline caches. A
// tag names one state of a type's MRO dicts: it is assigned lazily from a per-interpreter
// counter (never reused) and reset when the type or any base changes (CPython's
// tp_version_tag / PyType_Modified). Subclasses are found through weak handles that a dying
// type nulls, so no type is kept alive by its bases.
#include "interp.hpp"
#include "types.hpp"

namespace eddy::rt {

uint32_t type_version(Interp& in, Type* type) {
    if (type->version_tag == 0 && in.next_type_version != 0) type->version_tag = in.next_type_version++;
    return type->version_tag;   // 0 once the counter is exhausted: that type is never cached
}

void type_modified(Type* type) {
    if (type->version_tag == 0 && type->subclass_links.empty()) return;
    type->version_tag = 0;
    auto& links = type->subclass_links;
    size_t out = 0;
    for (size_t i = 0; i < links.size(); ++i) {
        Type* sub = *links[i];
        if (!sub) continue;   // that subclass has died
        type_modified(sub);
        links[out++] = links[i];
    }
    links.resize(out);
}

void register_subclass(Type* type) {
    if (!type->self_link) type->self_link = std::make_shared<Type*>(type);
    for (Type* base : type->bases)
        if (base->flags & TF_HeapType) base->subclass_links.push_back(type->self_link);
}

void release_type_links(Type* type) {
    if (type->self_link) *type->self_link = nullptr;
}

} // namespace eddy::rt
