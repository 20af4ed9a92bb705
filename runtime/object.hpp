// runtime/object.hpp: the heap object header (Obj), type objects with their protocol slots (Type),
// the collector's Tracer, and the calling convention shared by every callable (CallArgs). Each
// built-in type's layout lives in its own *_object.hpp; this file knows none of them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "result.hpp"
#include "value.hpp"
#include "vm/bytecode.hpp"

namespace eddy::rt {

class Interp;
struct Type;
struct Str;
struct Tuple;
struct Dict;

// Every heap object starts with this 16-byte header. Objects are allocated only by Heap
// (heap.hpp), which finds them through its pages and its list of large objects, not the header.
struct Obj {
    Type* type;
    uint32_t gc_marked : 1;
    uint32_t gc_flags : 31;  // free for the owning type's use (zero when allocated)
    uint32_t gc_size;        // bytes requested for this object (header included); never 0
};

// Marks reachable objects. Types list every reference they hold in their trace function; the
// collector calls it with an explicit mark stack, so deep structures never recurse in C++.
class Tracer {
public:
    virtual ~Tracer() = default;
    virtual void mark_obj(Obj* obj) = 0;
    void mark(Value v) {
        if (v.is_obj()) mark_obj(v.as_obj());
    }
    void mark(Obj* obj) {
        if (obj) mark_obj(obj);
    }
    void mark(std::span<const Value> values) {
        for (Value v : values) mark(v);
    }
};

// Arguments as they arrive at any callable: `count` positional values, then keyword values whose
// names are in `kwnames` (a tuple of str, or null). `self`-style receivers are just args[0].
// The storage belongs to the caller (usually the VM's value stack) and is rooted there.
struct CallArgs {
    const Value* values = nullptr;
    size_t count = 0;          // positional arguments
    Tuple* kwnames = nullptr;  // names of the keyword arguments following the positional ones
    size_t kw_count() const;   // number of keyword arguments (0 when kwnames is null)
    std::span<const Value> positional() const { return {values, count}; }
};

// Arguments after a native function's signature string has bound them (native.hpp): one slot per
// declared parameter, in declaration order; `*args` arrives as a Tuple, `**kwargs` as a Dict,
// an omitted optional parameter declared `=?` as Value::null().
class Args {
public:
    Args(const Value* slots, size_t n) : m_slots(slots), m_n(n) {}
    Value operator[](size_t i) const { return m_slots[i]; }
    size_t size() const { return m_n; }
    bool has(size_t i) const { return i < m_n && !m_slots[i].is_null(); }
    const Value* data() const { return m_slots; }

private:
    const Value* m_slots;
    size_t m_n;
};

using NativeFn = Result<Value> (*)(Interp&, Args);

// A native method or function: "name(params)" in Python syntax (see native.hpp) and the body.
struct NativeDef {
    const char* signature;
    NativeFn fn;
};

// Protocol slots. A null slot means "not supported" (the generic code raises CPython's TypeError).
// Built-in types fill them with native code; a class statement fills them with dispatchers that
// look up the dunder method (types.cpp), so the VM's fast paths and user classes share one path.
using ReprSlot = Result<Value> (*)(Interp&, Value self);                 // returns a str
using HashSlot = Result<int64_t> (*)(Interp&, Value self);
using BoolSlot = Result<bool> (*)(Interp&, Value self);
using LenSlot = Result<int64_t> (*)(Interp&, Value self);
using CallSlot = Result<Value> (*)(Interp&, Value callee, CallArgs args);
using GetAttrSlot = Result<Value> (*)(Interp&, Value self, Str* name);  // null result: not found, no error set
using SetAttrSlot = Status (*)(Interp&, Value self, Str* name, Value value);  // value null: delete
using RichCmpSlot = Result<Value> (*)(Interp&, Value a, Value b, vm::CmpOp op);  // may give NotImplemented
using BinarySlot = Result<Value> (*)(Interp&, Value a, Value b, vm::BinOp op);   // may give NotImplemented
using UnarySlot = Result<Value> (*)(Interp&, Value self);
using IterSlot = Result<Value> (*)(Interp&, Value self);
using NextSlot = Result<Value> (*)(Interp&, Value self);   // null result: exhausted, no error set
using GetItemSlot = Result<Value> (*)(Interp&, Value self, Value key);
using SetItemSlot = Status (*)(Interp&, Value self, Value key, Value value);  // value null: delete
using ContainsSlot = Result<bool> (*)(Interp&, Value self, Value item);
using DescrGetSlot = Result<Value> (*)(Interp&, Value descr, Value instance, Value owner);  // instance null: via class
using DescrSetSlot = Status (*)(Interp&, Value descr, Value instance, Value value);       // value null: delete
using NewSlot = Result<Value> (*)(Interp&, Type* type, CallArgs args);
using InitSlot = Status (*)(Interp&, Value self, CallArgs args);
using TraceSlot = void (*)(Obj* self, Tracer& tracer);
using FinalizeSlot = void (*)(Obj* self);   // frees native resources (runs C++ destructors)

enum TypeFlag : uint32_t {
    TF_BaseType = 1 << 0,       // may be subclassed
    TF_HeapType = 1 << 1,       // created by a class statement or type()
    TF_Exception = 1 << 2,      // BaseException or a subclass
    TF_Abstract = 1 << 3,       // cannot be instantiated directly
    TF_Str = 1 << 4,            // str or a subclass: instances are Str (CPython's UNICODE_SUBCLASS)
};

struct Type : Obj {
    std::string name;              // __name__
    std::string qualname;          // __qualname__
    std::string module;            // __module__ ("builtins" for built-in types)
    Type* base = nullptr;          // __base__ (null only for object)
    std::vector<Type*> bases;      // __bases__
    std::vector<Type*> mro;        // __mro__, this type first (C3 linearisation)
    Dict* dict = nullptr;          // __dict__: methods, class attributes, descriptors
    uint32_t flags = 0;            // TypeFlag bits
    uint32_t instance_size = 0;    // bytes of an instance, header included
    uint32_t dict_offset = 0;      // byte offset of an instance's Dict* (0: no instance dict)
    std::string doc;
    // The VM's inline caches key attribute lookups on (type, version_tag). 0: none assigned
    // yet; type_modified() resets it on this type and every subclass (type_version.cpp).
    uint32_t version_tag = 0;
    // Weak handles for invalidation: `self_link` points back at this type and is nulled when the
    // type dies; each heap base keeps its subclasses' handles. Null on built-in types.
    std::shared_ptr<Type*> self_link;
    std::vector<std::shared_ptr<Type*>> subclass_links;

    ReprSlot repr = nullptr, str = nullptr;
    HashSlot hash = nullptr;
    BoolSlot truth = nullptr;
    LenSlot len = nullptr;
    CallSlot call = nullptr;
    GetAttrSlot getattr = nullptr;
    SetAttrSlot setattr = nullptr;
    RichCmpSlot richcmp = nullptr;
    BinarySlot binary = nullptr;   // forward and in-place; reflected operands are tried by ops.cpp
    BinarySlot rbinary = nullptr;  // reflected (__radd__ ...): called as rbinary(self=b, other=a)
    UnarySlot neg = nullptr, pos = nullptr, invert = nullptr, abs = nullptr;
    UnarySlot index = nullptr;     // __index__ (int-like), returns an int
    UnarySlot to_int = nullptr, to_float = nullptr;  // __int__, __float__
    IterSlot iter = nullptr;
    NextSlot next = nullptr;
    GetItemSlot getitem = nullptr;
    SetItemSlot setitem = nullptr;
    ContainsSlot contains = nullptr;
    DescrGetSlot descr_get = nullptr;
    DescrSetSlot descr_set = nullptr;
    NewSlot new_ = nullptr;
    InitSlot init = nullptr;
    TraceSlot trace = nullptr;
    FinalizeSlot finalize = nullptr;
};

// The type of any value, immediates included (int, float, bool, NoneType, ...).
Type* type_of(const Interp& in, Value v);

// isinstance() without __instancecheck__: walks the MRO.
bool is_subtype(const Type* type, const Type* base);

// The instance dict of an object whose type has a dict_offset, else null.
inline Dict*& instance_dict_slot(Obj* obj) {
    return *reinterpret_cast<Dict**>(reinterpret_cast<char*>(obj) + obj->type->dict_offset);
}

} // namespace eddy::rt
