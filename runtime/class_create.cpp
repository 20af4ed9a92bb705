// runtime/class_create.cpp: type(name, bases, dict): CPython's type_new step by step — metaclass
// winner, best base and instance layout, the class dict's special entries, MRO, slots, then
// __set_name__ and __init_subclass__.
#include "dict_object.hpp"
#include "function_object.hpp"
#include "interp.hpp"
#include "ops.hpp"
#include "str_object.hpp"
#include "tuple_object.hpp"
#include "types.hpp"

namespace eddy::rt {

// The most derived metaclass among `meta` and the bases' metaclasses (_PyType_CalculateMetaclass).
static Result<Type*> calculate_metaclass(Interp& in, Type* meta, Tuple* bases) {
    Type* winner = meta;
    for (Value b : bases->span()) {
        Type* bt = type_of(in, b);
        if (is_subtype(winner, bt)) continue;
        if (is_subtype(bt, winner)) {
            winner = bt;
            continue;
        }
        return in.raise(in.exc.TypeError,
                        "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                        "subclass of the metaclasses of all its bases");
    }
    return winner;
}

static uint32_t align8(uint32_t n) { return (n + 7) & ~uint32_t(7); }

// The type that decides an instance's memory layout: a class adding only an instance dict to its
// base shares the base's layout (CPython's solid_base / extra_ivars).
static Type* solid_base(Type* t) {
    while (t->base) {
        Type* b = t->base;
        bool same = t->instance_size == b->instance_size;
        bool only_dict = b->dict_offset == 0 && t->dict_offset == align8(b->instance_size) &&
                         t->instance_size == t->dict_offset + sizeof(Dict*);
        if (!same && !only_dict) return t;
        t = b;
    }
    return t;
}

// best_base: the base whose solid base is the most derived; a conflict is a layout error.
static Result<Type*> best_base(Interp& in, Tuple* bases) {
    Type* best = nullptr;
    Type* winner = nullptr;
    for (Value v : bases->span()) {
        if (!is_subtype(type_of(in, v), in.types.type))
            return in.raise(in.exc.TypeError, "bases must be types");
        Type* b = v.as<Type>();
        if (!(b->flags & (TF_BaseType | TF_HeapType)))
            return in.raise(in.exc.TypeError, "type '" + b->name + "' is not an acceptable base type");
        Type* candidate = solid_base(b);
        if (!winner || is_subtype(candidate, winner)) {
            winner = candidate;
            best = b;
        } else if (!is_subtype(winner, candidate)) {
            return in.raise(in.exc.TypeError, "multiple bases have instance lay-out conflict");
        }
    }
    return best;
}

// Variable-sized built-in layouts keep their items after the header, so an instance dict can't
// sit at a fixed offset: their subclasses get no instance dict.
static bool is_var_sized(Interp& in, Type* t) {
    return is_subtype(t, in.types.tuple) || is_subtype(t, in.types.str) ||
           is_subtype(t, in.types.bytes);
}

static void set_layout(Interp& in, Type* t, Type* base) {
    t->instance_size = base->instance_size ? base->instance_size : uint32_t(sizeof(Obj));
    t->dict_offset = base->dict_offset;
    if (!t->dict_offset && !is_var_sized(in, base)) {
        t->dict_offset = align8(t->instance_size);
        t->instance_size = t->dict_offset + sizeof(Dict*);
    }
}

// The class namespace becomes the type's dict, with CPython's adjustments: __qualname__ moves
// into the type, __new__ becomes a staticmethod, __init_subclass__ and __class_getitem__ become
// classmethods, __eq__ without __hash__ makes instances unhashable.
static Status fill_class_dict(Interp& in, Type* t, Dict* ns) {
    t->dict = make_dict(in);
    for (auto& e : ns->entries)
        if (!e.key.is_null()) EDDY_CHECK(dict_set(in, t->dict, e.key, e.value));
    Value qn = dict_get_str(t->dict, in.names.dunder_qualname);
    if (!qn.is_null()) {
        if (!is_str(in, qn))
            return in.raise(in.exc.TypeError, "type __qualname__ must be a str, not " +
                                                  std::string(type_name(in, qn)));
        t->qualname = std::string(qn.as<Str>()->view());
        dict_del_str(t->dict, in.names.dunder_qualname);
    }
    Value mod = dict_get_str(t->dict, in.names.dunder_module);
    if (mod.is_null()) {
        mod = Value::from_obj(in.intern("__main__"));
        dict_set_str(in, t->dict, in.names.dunder_module, mod);
    }
    if (is_str(in, mod)) t->module = std::string(mod.as<Str>()->view());
    Value doc = dict_get_str(t->dict, in.names.dunder_doc);
    if (doc.is_null()) dict_set_str(in, t->dict, in.names.dunder_doc, Value::none());
    else if (is_str(in, doc)) t->doc = std::string(doc.as<Str>()->view());
    Value f = dict_get_str(t->dict, in.names.dunder_new);
    if (!f.is_null() && is_function(in, f))
        dict_set_str(in, t->dict, in.names.dunder_new, make_staticmethod(in, f));
    for (Str* name : {in.names.dunder_init_subclass, in.names.dunder_class_getitem}) {
        f = dict_get_str(t->dict, name);
        if (!f.is_null() && is_function(in, f)) dict_set_str(in, t->dict, name, make_classmethod(in, f));
    }
    if (!dict_get_str(t->dict, in.names.dunder_eq).is_null() &&
        dict_get_str(t->dict, in.names.dunder_hash).is_null())
        dict_set_str(in, t->dict, in.names.dunder_hash, Value::none());
    return ok();
}

// Calls a callable with positional args and the entries of `kwargs` (str keys) as keywords.
static Result<Value> call_with_kwargs(Interp& in, Value callable, std::span<const Value> pos,
                                      Dict* kwargs) {
    size_t nkw = kwargs ? kwargs->used : 0;
    Tuple* holder = make_tuple(in, pos.size() + nkw);   // keeps every value rooted
    Tuple* names = nkw ? make_tuple(in, nkw) : nullptr;
    size_t i = 0;
    for (Value v : pos) holder->items()[i++] = v;
    size_t k = 0;
    if (kwargs)
        for (auto& e : kwargs->entries) {
            if (e.key.is_null()) continue;
            names->items()[k++] = e.key;
            holder->items()[i++] = e.value;
        }
    CallArgs args{holder->items(), pos.size(), names};
    return call(in, callable, args);
}

// Step 10 of type_new: __set_name__ on every attribute that defines it, in definition order.
static Status call_set_names(Interp& in, Type* t) {
    Tuple* snapshot = make_tuple(in, t->dict->used * 2);
    size_t n = 0;
    for (auto& e : t->dict->entries) {
        if (e.key.is_null()) continue;
        snapshot->items()[n++] = e.key;
        snapshot->items()[n++] = e.value;
    }
    for (size_t i = 0; i < n; i += 2) {
        Value value = snapshot->items()[i + 1];
        Value method = lookup_special(in, value, in.names.dunder_set_name);
        if (method.is_null()) continue;
        Value r = EDDY_TRY(call_unbound(in, method, value, {Value::from_obj(t), snapshot->items()[i]}));
        (void)r;
    }
    return ok();
}

// Step 11: super(t, t).__init_subclass__(**kwargs).
static Status call_init_subclass(Interp& in, Type* t, Dict* kwargs) {
    Value sup = EDDY_TRY(make_super(in, Value::from_obj(t), Value::from_obj(t)));
    Value method = EDDY_TRY(get_attr(in, sup, in.names.dunder_init_subclass));
    Value r = EDDY_TRY(call_with_kwargs(in, method, {}, kwargs));
    (void)r;
    return ok();
}

Result<Value> type_new(Interp& in, Type* meta, Value name, Value bases_v, Value ns_v, Dict* kwargs) {
    if (!is_str(in, name))
        return in.raise(in.exc.TypeError, "type.__new__() argument 1 must be str, not " +
                                              std::string(type_name(in, name)));
    if (!is_tuple(in, bases_v))
        return in.raise(in.exc.TypeError, "type.__new__() argument 2 must be tuple, not " +
                                              std::string(type_name(in, bases_v)));
    if (!is_dict(in, ns_v))
        return in.raise(in.exc.TypeError, "type.__new__() argument 3 must be dict, not " +
                                              std::string(type_name(in, ns_v)));
    Tuple* bases = bases_v.as<Tuple>();
    meta = EDDY_TRY(calculate_metaclass(in, meta, bases));
    if (bases->size == 0) {
        bases = make_tuple(in, 1);
        bases->items()[0] = Value::from_obj(in.types.object);
    }
    Type* base = EDDY_TRY(best_base(in, bases));
    size_t size = std::max<size_t>(meta->instance_size, sizeof(Type));
    Type* t = in.heap.alloc<Type>(meta, size);
    if (meta->dict_offset && meta->dict_offset >= sizeof(Type)) instance_dict_slot(t) = nullptr;
    t->name = std::string(name.as<Str>()->view());
    t->qualname = t->name;
    t->flags = TF_HeapType | TF_BaseType | (base->flags & (TF_Exception | TF_Str));
    t->base = base;
    for (Value b : bases->span()) t->bases.push_back(b.as<Type>());
    register_subclass(t);
    set_layout(in, t, base);
    EDDY_CHECK(fill_class_dict(in, t, ns_v.as<Dict>()));
    EDDY_CHECK(compute_mro(in, t));
    fill_heap_type_slots(in, t);
    // The zero-argument super() cell: the class body stored it as __classcell__.
    Value cell = dict_get_str(t->dict, in.names.dunder_classcell);
    if (!cell.is_null()) {
        if (type_of(in, cell) == in.types.cell) cell.as<Cell>()->value = Value::from_obj(t);
        dict_del_str(t->dict, in.names.dunder_classcell);
    }
    EDDY_CHECK(call_set_names(in, t));
    EDDY_CHECK(call_init_subclass(in, t, kwargs));
    return Value::from_obj(t);
}

} // namespace eddy::rt
