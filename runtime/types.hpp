// runtime/types.hpp: the core object model beyond object.hpp: instance layout of user classes,
// class creation (type(name, bases, dict)), slot dispatchers for heap types, the descriptor
// objects (property, classmethod, staticmethod, super, slot wrappers) and helpers for calling
// special methods. Implemented in types.cpp, type_object.cpp, slot_dispatch.cpp,
// slot_wrappers.cpp, descriptors.cpp and super_object.cpp.
#pragma once

#include <string_view>

#include "object.hpp"

namespace eddy::rt {

struct Function;

// An instance of a user class whose bases are all plain `object`: just the header and the
// instance dict (created lazily on the first attribute store). Subclasses of built-in types keep
// the base's layout and append the dict slot instead (Type::dict_offset says where).
struct Instance : Obj {
    Dict* dict = nullptr;
};

// property(fget, fset, fdel, doc): a data descriptor.
struct Property : Obj {
    Value fget = Value::none(), fset = Value::none(), fdel = Value::none();
    Value doc = Value::none();
    Str* name = nullptr;   // set by __set_name__, for the "has no setter" message
};

// classmethod(f) / staticmethod(f): wrappers that change how f binds.
struct MethodWrapper : Obj {
    Dict* dict = nullptr;   // instance dict (__doc__, __wrapped__ copies, user attributes)
    Value func = Value::none();
};

// super(type, obj): attribute lookup that starts after `type` in obj's MRO.
struct Super : Obj {
    Type* type = nullptr;         // the class whose successors are searched
    Value obj = Value::none();    // the instance or class bound to, or None (unbound super)
    Type* obj_type = nullptr;     // the type whose MRO is searched (type(obj) or obj itself)
};
// What super_getattro finds for `name` before binding it: the first class dict after s->type in
// s->obj_type's MRO that has it; null when none does (or for __class__, which is super's own).
Value super_find(Interp& in, const Super* s, Str* name);

// A slot wrapper: the Python-visible face of a built-in type's slot (`int.__add__`,
// `object.__repr__`). Generated once by finish_builtin_types() from the filled slots; calling it
// calls the owner's slot function directly. `self` non-null makes it a bound method-wrapper.
struct SlotWrapper : Obj {
    Type* owner = nullptr;      // the type whose slot is called
    Str* name = nullptr;        // "__add__"
    uint16_t spec = 0;          // index into the slot-spec table (slot_wrappers.cpp)
    Value self = Value::null(); // the bound receiver, or null
    Type* bound_type = nullptr; // the "method-wrapper" type used when binding
};

// ---- class creation and type helpers (type_object.cpp) ----

// type(name, bases, dict) with metatype `meta`: creates a heap type, computes its MRO and layout,
// fills slot dispatchers, calls __set_name__ and the base's __init_subclass__ (with `kwargs`, a
// Dict or null). The builtins engineer's __build_class__ calls this through rt::call(meta, ...).
Result<Value> type_new(Interp& in, Type* meta, Value name, Value bases, Value ns, Dict* kwargs);
// C3 linearisation of `type` (bases already set); TypeError on an inconsistent hierarchy.
Status compute_mro(Interp& in, Type* type);
// Recomputes the slots of heap type `type` after its dict changed (class creation, or
// `C.__add__ = f`), then of every heap subclass that inherits them.
void update_heap_type_slots(Interp& in, Type* type);
// The Python function calling `cls` runs as __init__, when type.__call__ would do nothing but
// object.__new__ and that __init__ (metaclass `type` checked by the caller, __new__ not
// overridden): the VM then runs it as an ordinary frame. Null otherwise.
Function* plain_init_function(Interp& in, Type* cls);
// type.__call__: __new__ then __init__ (skipped when __new__ returns a non-instance).
Result<Value> type_call(Interp& in, Value callee, CallArgs args);
// repr of a class: "<class 'int'>", "<class '__main__.C'>".
std::string type_repr_string(const Type* type);
// The one GC hook for Type objects (types.type->trace), also used for metaclass instances.
void trace_type(Obj* obj, Tracer& tracer);

// ---- version tags for the VM's inline caches (type_version.cpp) ----

// type's current tag, assigning a fresh one when it has none; 0 means "do not cache".
uint32_t type_version(Interp& in, Type* type);
// Call after changing anything a lookup on `type` could see (its dict, its bases): resets the
// tag of `type` and of every subclass.
void type_modified(Type* type);
// Records a new heap type with its heap bases, so that modifying a base resets its tag.
void register_subclass(Type* type);
// Called by the type finalizer: subclass handles held by bases stop pointing at `type`.
void release_type_links(Type* type);

// ---- special methods ----

// The special method `name` looked up on type(obj) only (not the instance), as CPython's
// _PyObject_LookupSpecial; null when absent. The VM uses it for __enter__/__exit__ & co.
Value lookup_special(Interp& in, Value obj, Str* name);
// Calls the unbound special method `method` (found by lookup_special / type_lookup) with `self`
// prepended to `args`, binding through __get__ only when `method` is not a plain function.
Result<Value> call_unbound(Interp& in, Value method, Value self, CallArgs args);
Result<Value> call_unbound(Interp& in, Value method, Value self, std::initializer_list<Value> args);
// Looks up and calls type(self).<name>(self, args...); `found` is set false (and nothing is
// raised) when there is no such method.
Result<Value> call_special(Interp& in, Value self, Str* name, std::initializer_list<Value> args,
                           bool* found);

// ---- descriptors (descriptors.cpp, super_object.cpp) ----

// The object `super()` evaluates to: the VM calls this for zero-argument super() with the
// function's __class__ cell contents and its first argument; super(C, x) arrives here too.
Result<Value> make_super(Interp& in, Value type, Value obj);
// Binds `func` (any callable) to `self` as a method, through the function type's __get__.
Result<Value> bind_method(Interp& in, Value func, Value self);
// A property whose getter (and optional setter) are native functions: the getset descriptors
// of built-in types (`type.__name__`, `BaseException.args`). `setter` null: read-only.
void add_getset(Interp& in, Type* type, const char* name, NativeFn getter, NativeFn setter);
// classmethod(func) / staticmethod(func) without going through a call.
Value make_classmethod(Interp& in, Value func);
Value make_staticmethod(Interp& in, Value func);
// property(fget, fset, fdel, doc) without going through a call.
Value make_property(Interp& in, Value fget, Value fset, Value fdel, Value doc);

// Binds `args` (with `self` prepended when not null) to `def`'s signature and runs it: how the
// new_/init slots of native types take Python-style arguments (native.cpp).
Result<Value> call_with_signature(Interp& in, const NativeDef& def, Value self, CallArgs args);

// ---- object defaults (types.cpp), for other owners' slots ----
Result<Value> object_repr(Interp& in, Value self);   // "<__main__.C object at 0x...>"
Result<int64_t> object_hash(Interp& in, Value self); // by identity
Result<Value> object_new_instance(Interp& in, Type* type);  // a bare instance of a user type
// "0x7f..." as CPython's %p prints an object's address.
std::string address_string(const void* p);

// Internal initialisers called by init_core_types / finish_builtin_types.
void init_type_type(Interp& in);
void init_descriptor_types(Interp& in);
void init_super_type(Interp& in);
void init_module_type(Interp& in);
void init_native_types(Interp& in);
void add_slot_wrappers(Interp& in, Type* type);
void fill_heap_type_slots(Interp& in, Type* type);

} // namespace eddy::rt
