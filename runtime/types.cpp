// runtime/types.cpp: `object` and the immediates' types (NoneType, NotImplementedType, ellipsis),
// type_of / is_subtype, and the two start-up hooks that bracket every owner's init:
// init_core_types (first) and finish_builtin_types (last: MROs, slot inheritance, wrappers).
#include "types.hpp"

#include <cstdio>

#include "dict_object.hpp"
#include "exception_object.hpp"
#include "interp.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "str_object.hpp"
#include "tuple_object.hpp"
#include "type_inits.hpp"

namespace eddy::rt {

Type* type_of(const Interp& in, Value v) {
    if (v.is_obj()) return v.as_obj()->type;
    if (v.is_small_int()) return in.types.int_;
    if (v.is_float()) return in.types.float_;
    if (v.is_none()) return in.types.none;
    if (v.is_bool()) return in.types.bool_;
    if (v.is_not_implemented()) return in.types.not_implemented;
    if (v.is_ellipsis()) return in.types.ellipsis;
    return in.types.object;   // null/error markers never reach Python code
}

bool is_subtype(const Type* type, const Type* base) {
    if (type == base) return true;
    if (!type->mro.empty()) {
        for (const Type* t : type->mro)
            if (t == base) return true;
        return false;
    }
    // During start-up, before MROs exist, follow the base chain.
    for (const Type* t = type->base; t; t = t->base)
        if (t == base) return true;
    return false;
}

std::string address_string(const void* p) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%p", p);
    return buf;
}

// ---- object ----

// object_repr in CPython's typeobject.c: "<module.qualname object at 0x...>".
Result<Value> object_repr(Interp& in, Value self) {
    Type* t = type_of(in, self);
    std::string text = "<";
    if (t->module != "builtins") text += t->module + ".";
    text += t->qualname + " object at " + address_string(self.is_obj() ? self.as_obj() : nullptr) + ">";
    return str_value(in, text);
}

static Result<Value> object_str(Interp& in, Value self) {
    ReprSlot r = type_of(in, self)->repr;
    return r ? r(in, self) : object_repr(in, self);
}

// _Py_HashPointer: the address rotated right by 4 bits (the low bits are always zero).
Result<int64_t> object_hash(Interp&, Value self) {
    uint64_t y = self.bits();
    y = (y >> 4) | (y << 60);
    int64_t x = int64_t(y);
    return x == -1 ? -2 : x;
}

// object_richcompare: == is identity, != inverts __eq__, ordering is not supported.
static Result<Value> object_richcmp(Interp& in, Value a, Value b, vm::CmpOp op) {
    if (op == vm::CmpOp::Eq) return a.is(b) ? Value::boolean(true) : Value::not_implemented();
    if (op == vm::CmpOp::Ne) {
        RichCmpSlot eq = type_of(in, a)->richcmp;
        if (!eq) return Value::not_implemented();
        Value r = EDDY_TRY(eq(in, a, b, vm::CmpOp::Eq));
        if (r.is_not_implemented()) return r;
        bool t = EDDY_TRY(truthy(in, r));
        return Value::boolean(!t);
    }
    return Value::not_implemented();
}

static bool excess_args(CallArgs args) { return args.count > 0 || args.kw_count() > 0; }

Result<Value> object_new_instance(Interp& in, Type* type) {
    if (type->flags & TF_Abstract)
        return in.raise(in.exc.TypeError, "Can't instantiate abstract class " + type->name);
    size_t size = type->instance_size ? type->instance_size : sizeof(Obj);
    Obj* obj = in.heap.alloc<Obj>(type, size);
    if (type->dict_offset) instance_dict_slot(obj) = nullptr;
    return Value::from_obj(obj);
}

static Status object_init(Interp& in, Value self, CallArgs args);

// object_new in CPython: complains about arguments only when neither __new__ nor __init__ is
// overridden to consume them.
static Result<Value> object_new(Interp& in, Type* type, CallArgs args) {
    if (excess_args(args)) {
        if (type->new_ != object_new)
            return in.raise(in.exc.TypeError, type->name + ".__new__() takes exactly one argument "
                                                           "(the type to instantiate)");
        if (type->init == object_init)
            return in.raise(in.exc.TypeError, type->name + "() takes no arguments");
    }
    return object_new_instance(in, type);
}

static Status object_init(Interp& in, Value self, CallArgs args) {
    if (excess_args(args)) {
        Type* type = type_of(in, self);
        if (type->init != object_init)
            return in.raise(in.exc.TypeError, type->name + ".__init__() takes exactly one argument "
                                                           "(the instance to initialize)");
        if (type->new_ == object_new)
            return in.raise(in.exc.TypeError, type->name + "() takes no arguments");
    }
    return ok();
}

static Result<Value> object___format__(Interp& in, Args args) {
    Value spec = args[1];
    if (!is_str(in, spec))
        return in.raise(in.exc.TypeError, "format() argument 2 must be str, not " +
                                              std::string(type_name(in, spec)));
    if (spec.as<Str>()->size != 0)
        return in.raise(in.exc.TypeError, "unsupported format string passed to " +
                                              type_of(in, args[0])->name + ".__format__");
    return str(in, args[0]);
}

static Result<Value> object___init_subclass__(Interp& in, Args args) {
    if (args[1].is_obj() && args[1].as<Dict>()->used > 0)
        return in.raise(in.exc.TypeError, args[0].as<Type>()->name +
                                              ".__init_subclass__() takes no keyword arguments");
    return Value::none();
}

static Result<Value> object___class__(Interp& in, Args args) {
    return Value::from_obj(type_of(in, args[0]));
}

static Result<Value> object___reduce_ex__(Interp& in, Args args) {
    return in.raise(in.exc.TypeError, "cannot pickle '" + std::string(type_name(in, args[0])) +
                                          "' object");
}

// object.__reduce__ without the copyreg machinery: like __reduce_ex__, eddy cannot pickle.
static Result<Value> object___reduce__(Interp& in, Args args) { return object___reduce_ex__(in, args); }

// object.__getstate__ (3.11): the instance dict, or None when there is none or it is empty.
static Result<Value> object___getstate__(Interp&, Args args) {
    Value self = args[0];
    if (self.is_obj() && self.as_obj()->type->dict_offset)
        if (Dict* d = instance_dict_slot(self.as_obj()); d && d->used) return Value::from_obj(d);
    return Value::none();
}

// object.__sizeof__: the bytes the object occupies on the heap (immediates: one Value).
static Result<Value> object___sizeof__(Interp&, Args args) {
    Value self = args[0];
    return Value::from_small_int(self.is_obj() ? int64_t(self.as_obj()->gc_size) : int64_t(sizeof(Value)));
}

// object.__subclasshook__: "not decided", so issubclass falls back to the MRO.
static Result<Value> object___subclasshook__(Interp&, Args) { return Value::not_implemented(); }

// object.__dir__: the instance dict's keys plus every attribute along the class's MRO.
static Result<Value> object___dir__(Interp& in, Args args) {
    Dict* seen = make_dict(in);
    Value self = args[0];
    if (self.is_obj() && self.as_obj()->type->dict_offset) {
        if (Dict* d = instance_dict_slot(self.as_obj()))
            for (auto& e : d->entries)
                if (!e.key.is_null()) EDDY_CHECK(dict_set(in, seen, e.key, Value::none()));
    }
    for (Type* t : type_of(in, self)->mro)
        for (auto& e : t->dict->entries)
            if (!e.key.is_null()) EDDY_CHECK(dict_set(in, seen, e.key, Value::none()));
    // Every class has a __doc__ (a getset on type here, a dict entry in CPython).
    EDDY_CHECK(dict_set(in, seen, Value::from_obj(in.intern("__doc__")), Value::none()));
    Value keys = EDDY_TRY(call_method(in, Value::from_obj(seen), in.names.keys, {}));
    Value list_type = Value::from_obj(in.types.list);
    return call(in, list_type, {keys});
}

static void init_object_type(Interp& in) {
    Type* t = in.types.object;
    t->flags |= TF_BaseType;
    t->instance_size = sizeof(Instance);
    t->doc = "The base class of the class hierarchy.";
    t->repr = object_repr;
    t->str = object_str;
    t->hash = object_hash;
    t->richcmp = object_richcmp;
    t->getattr = generic_get_attr;
    t->setattr = generic_set_attr;
    t->new_ = object_new;
    t->init = object_init;
    add_methods(in, t, {
        {"__format__(self, format_spec, /)", object___format__},
        {"__reduce_ex__(self, protocol, /)", object___reduce_ex__},
        {"__dir__(self, /)", object___dir__},
        {"__reduce__(self, /)", object___reduce__},
        {"__getstate__(self, /)", object___getstate__},
        {"__sizeof__(self, /)", object___sizeof__},
    });
    static const NativeDef subclasshook{"__subclasshook__(cls, *args)", object___subclasshook__};
    dict_set_str(in, t->dict, in.intern("__subclasshook__"),
                 make_classmethod(in, Value::from_obj(make_native_function(in, subclasshook))));
    static const NativeDef init_subclass{"__init_subclass__(cls, /, **kwargs)",
                                         object___init_subclass__};
    Value fn = Value::from_obj(make_native_function(in, init_subclass));
    dict_set_str(in, t->dict, in.names.dunder_init_subclass, make_classmethod(in, fn));
    add_getset(in, t, "__class__", object___class__, nullptr);
}

// ---- None, NotImplemented, Ellipsis ----

static Result<Value> none_repr(Interp& in, Value) { return Value::from_obj(in.intern("None")); }
static Result<Value> not_implemented_repr(Interp& in, Value) {
    return Value::from_obj(in.intern("NotImplemented"));
}
static Result<Value> ellipsis_repr(Interp& in, Value) {
    return Value::from_obj(in.intern("Ellipsis"));
}
static Result<bool> none_bool(Interp&, Value) { return false; }
static Result<bool> always_true(Interp&, Value) { return true; }
// hash(None) is address-based in CPython 3.11; any stable value will do.
static Result<int64_t> immediate_hash(Interp&, Value self) { return int64_t(self.bits() >> 4); }

// NoneType(), NotImplementedType() and ellipsis() return their singleton.
static Result<Value> singleton_new(Interp& in, Type* type, CallArgs args) {
    if (excess_args(args))
        return in.raise(in.exc.TypeError, type->name + " takes no arguments");
    if (type == in.types.none) return Value::none();
    if (type == in.types.not_implemented) return Value::not_implemented();
    return Value::ellipsis();
}

static void init_singleton_types(Interp& in) {
    struct { Type* t; ReprSlot repr; BoolSlot truth; } rows[] = {
        {in.types.none, none_repr, none_bool},
        {in.types.not_implemented, not_implemented_repr, always_true},
        {in.types.ellipsis, ellipsis_repr, always_true},
    };
    for (auto& row : rows) {
        row.t->base = in.types.object;
        row.t->bases = {in.types.object};
        row.t->repr = row.repr;
        row.t->truth = row.truth;
        row.t->hash = immediate_hash;
        row.t->new_ = singleton_new;
        row.t->instance_size = sizeof(Obj);
    }
}

void init_core_types(Interp& in) {
    // Every built-in type derives from object unless its owner says otherwise.
#define EDDY_TYPE(field, pyname, owner)                                                          \
    if (in.types.field != in.types.object) {                                                     \
        in.types.field->base = in.types.object;                                                  \
        in.types.field->bases = {in.types.object};                                               \
    }
#include "builtin_types.def"
#undef EDDY_TYPE
    init_type_type(in);
    init_native_types(in);
    init_descriptor_types(in);
    init_object_type(in);
    init_singleton_types(in);
    init_super_type(in);
    init_module_type(in);
}

// ---- finishing ----

// Copies every slot the type left null from its base (CPython's inherit_slots). Base first, so
// this runs in an order where a base is always finished before its subclasses.
static void inherit_slots(Type* t) {
    Type* b = t->base;
    if (!b) return;
#define EDDY_INHERIT(slot) if (!t->slot) t->slot = b->slot;
    // __eq__ and __hash__ go together (CPython's inherit_slots): a type that defines
    // comparison but no hash (list, dict) stays unhashable.
    if (!t->richcmp && !t->hash) {
        t->richcmp = b->richcmp;
        t->hash = b->hash;
    }
    EDDY_INHERIT(repr) EDDY_INHERIT(str) EDDY_INHERIT(truth)
    EDDY_INHERIT(len) EDDY_INHERIT(call) EDDY_INHERIT(getattr) EDDY_INHERIT(setattr)
    EDDY_INHERIT(binary) EDDY_INHERIT(rbinary) EDDY_INHERIT(neg)
    EDDY_INHERIT(pos) EDDY_INHERIT(invert) EDDY_INHERIT(abs) EDDY_INHERIT(index)
    EDDY_INHERIT(to_int) EDDY_INHERIT(to_float) EDDY_INHERIT(iter) EDDY_INHERIT(next)
    EDDY_INHERIT(getitem) EDDY_INHERIT(setitem) EDDY_INHERIT(contains)
    EDDY_INHERIT(descr_get) EDDY_INHERIT(descr_set) EDDY_INHERIT(init) EDDY_INHERIT(trace)
    EDDY_INHERIT(finalize)
#undef EDDY_INHERIT
    // new_ is not inherited by built-in types: a null new_ is "cannot create 'X' instances"
    // (list_iterator, function, ...), as Py_TPFLAGS_DISALLOW_INSTANTIATION in CPython.
    if (!t->instance_size) t->instance_size = b->instance_size;
    if (!t->dict_offset) t->dict_offset = b->dict_offset;
    t->flags |= b->flags & (TF_Exception | TF_Str);
}

static void finish_type(Interp& in, Type* t, std::vector<Type*>& done) {
    for (Type* d : done)
        if (d == t) return;
    if (t->base) finish_type(in, t->base, done);
    for (Type* b : t->bases) finish_type(in, b, done);
    if (t->bases.empty() && t->base) t->bases = {t->base};
    inherit_slots(t);
    if (t->mro.empty() && compute_mro(in, t).is_error()) {
        std::fprintf(stderr, "eddy: bad MRO for built-in type %s\n", t->name.c_str());
        std::abort();
    }
    done.push_back(t);
}

void finish_builtin_types(Interp& in) {
    std::vector<Type*> done;
    std::vector<Type*> all = {
#define EDDY_TYPE(field, pyname, owner) in.types.field,
#include "builtin_types.def"
#undef EDDY_TYPE
#define EDDY_EXC(name, base) in.exc.name,
#include "exceptions.def"
#undef EDDY_EXC
    };
    for (Type* t : all) finish_type(in, t, done);
    // Wrappers after inheritance, so each type exposes exactly the slots it defines itself.
    for (Type* t : done) add_slot_wrappers(in, t);
}

} // namespace eddy::rt
