// runtime/type_object.cpp: the `type` type: calling a class (type.__call__), creating classes
// (type(name, bases, dict), mirroring CPython's type_new), the C3 MRO, attribute access on
// classes (type_getattro / type_setattro) and the class attributes (__name__, __mro__, ...).
#include <algorithm>

#include "dict_object.hpp"
#include "interp.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "str_object.hpp"
#include "tuple_object.hpp"
#include "types.hpp"

namespace eddy::rt {

void trace_type(Obj* obj, Tracer& tracer) {
    auto* t = static_cast<Type*>(obj);
    tracer.mark(t->dict);
    tracer.mark(t->base);
    for (Type* b : t->bases) tracer.mark(b);
    for (Type* m : t->mro) tracer.mark(m);
}

static void finalize_type(Obj* obj) {
    release_type_links(static_cast<Type*>(obj));
    static_cast<Type*>(obj)->~Type();
}

std::string type_repr_string(const Type* type) {
    if (type->module == "builtins") return "<class '" + type->qualname + "'>";
    return "<class '" + type->module + "." + type->qualname + "'>";
}

static Result<Value> type_repr(Interp& in, Value self) {
    return str_value(in, type_repr_string(self.as<Type>()));
}

// ---- C3 linearisation (CPython's mro_implementation) ----

static bool tail_contains(const std::vector<std::vector<Type*>>& seqs, Type* t) {
    for (auto& s : seqs)
        if (std::find(s.begin() + (s.empty() ? 0 : 1), s.end(), t) != s.end()) return true;
    return false;
}

static std::string mro_conflict_message(const std::vector<std::vector<Type*>>& seqs) {
    // CPython lists the distinct heads that could not be placed, in order.
    std::vector<Type*> heads;
    for (auto& s : seqs)
        if (!s.empty() && std::find(heads.begin(), heads.end(), s.front()) == heads.end())
            heads.push_back(s.front());
    std::string text = "Cannot create a consistent method resolution order (MRO) for bases";
    for (size_t i = 0; i < heads.size(); ++i) text += (i ? ", " : " ") + heads[i]->name;
    return text;
}

Status compute_mro(Interp& in, Type* type) {
    for (size_t i = 0; i < type->bases.size(); ++i)
        for (size_t j = i + 1; j < type->bases.size(); ++j)
            if (type->bases[i] == type->bases[j])
                return in.raise(in.exc.TypeError, "duplicate base class " + type->bases[i]->name);
    std::vector<std::vector<Type*>> seqs;
    for (Type* b : type->bases) {
        if (b->mro.empty()) return in.raise(in.exc.TypeError, "base class has no MRO: " + b->name);
        seqs.push_back(b->mro);
    }
    seqs.push_back(type->bases);
    std::vector<Type*> result = {type};
    for (;;) {
        bool empty = true;
        Type* candidate = nullptr;
        for (auto& s : seqs) {
            if (s.empty()) continue;
            empty = false;
            if (!tail_contains(seqs, s.front())) {
                candidate = s.front();
                break;
            }
        }
        if (empty) break;
        if (!candidate) return in.raise(in.exc.TypeError, mro_conflict_message(seqs));
        result.push_back(candidate);
        for (auto& s : seqs)
            if (!s.empty() && s.front() == candidate) s.erase(s.begin());
    }
    type->mro = std::move(result);
    return ok();
}

// ---- attribute access on classes ----

// type_getattro: meta data descriptors, then the class's own MRO (descriptors bound with a null
// instance), then meta non-data descriptors and plain meta attributes.
static Result<Value> type_getattro(Interp& in, Value self, Str* name) {
    Type* t = self.as<Type>();
    Type* meta = type_of(in, self);
    Value meta_attr = type_lookup(meta, name);
    DescrGetSlot meta_get = nullptr;
    if (!meta_attr.is_null()) {
        Type* mt = type_of(in, meta_attr);
        meta_get = mt->descr_get;
        if (meta_get && mt->descr_set) return meta_get(in, meta_attr, self, Value::from_obj(meta));
    }
    Value attr = type_lookup(t, name);
    if (!attr.is_null()) {
        DescrGetSlot get = type_of(in, attr)->descr_get;
        if (get) return get(in, attr, Value::null(), self);
        return attr;
    }
    if (meta_get) return meta_get(in, meta_attr, self, Value::from_obj(meta));
    return meta_attr;   // null when absent: the caller raises AttributeError
}

static bool is_dunder(Str* name) {
    auto v = name->view();
    return v.size() > 4 && v.starts_with("__") && v.ends_with("__");
}

static Status type_setattro(Interp& in, Value self, Str* name, Value value) {
    Type* t = self.as<Type>();
    Value meta_attr = type_lookup(type_of(in, self), name);
    if (!meta_attr.is_null()) {
        DescrSetSlot set = type_of(in, meta_attr)->descr_set;
        if (set) return set(in, meta_attr, self, value);
    }
    if (!(t->flags & TF_HeapType))
        return in.raise(in.exc.TypeError, "cannot set '" + std::string(name->view()) +
                                              "' attribute of immutable type '" + t->name + "'");
    if (value.is_null()) {
        if (!dict_del_str(t->dict, name))
            return in.raise(in.exc.AttributeError, "type object '" + t->name +
                                                       "' has no attribute '" +
                                                       std::string(name->view()) + "'");
    } else {
        dict_set_str(in, t->dict, name, value);
    }
    type_modified(t);
    if (is_dunder(name)) update_heap_type_slots(in, t);
    return ok();
}

// ---- calling a class ----

Result<Value> type_call(Interp& in, Value callee, CallArgs args) {
    Type* type = callee.as<Type>();
    // type(x) is the one-argument form, only for `type` itself (not its subclasses).
    if (type == in.types.type && args.count == 1 && args.kw_count() == 0)
        return Value::from_obj(type_of(in, args.values[0]));
    if (!type->new_)
        return in.raise(in.exc.TypeError, "cannot create '" +
                                              (type->module == "builtins" ? type->name
                                                                          : type->module + "." + type->name) +
                                              "' instances");
    Value obj = EDDY_TRY(type->new_(in, type, args));
    // __init__ runs only when __new__ returned an instance of the class (CPython type_call).
    Type* ot = type_of(in, obj);
    if (!is_subtype(ot, type)) return obj;
    if (type == in.types.type && args.count == 1 && args.kw_count() == 0) return obj;
    if (ot->init) EDDY_CHECK(ot->init(in, obj, args));
    return obj;
}

static Result<Value> type_new_slot(Interp& in, Type* meta, CallArgs args) {
    size_t n = args.count;
    if (n == 1 && args.kw_count() == 0 && meta == in.types.type)
        return Value::from_obj(type_of(in, args.values[0]));
    if (n != 3) {
        if (meta == in.types.type) return in.raise(in.exc.TypeError, "type() takes 1 or 3 arguments");
        return in.raise(in.exc.TypeError, "type.__new__() takes exactly 3 arguments (" +
                                              std::to_string(n) + " given)");
    }
    Dict* kwargs = nullptr;
    if (args.kw_count()) {
        kwargs = make_dict(in);
        for (size_t i = 0; i < args.kw_count(); ++i)
            dict_set_str(in, kwargs, (*args.kwnames)[i].as<Str>(), args.values[n + i]);
    }
    return type_new(in, meta, args.values[0], args.values[1], args.values[2], kwargs);
}

static Status type_init(Interp& in, Value, CallArgs args) {
    if (args.count != 1 && args.count != 3)
        return in.raise(in.exc.TypeError, "type.__init__() takes 1 or 3 arguments");
    return ok();
}

// ---- class attributes (getset descriptors on `type`) ----

static Type* type_arg(Args args) { return args[0].as<Type>(); }

static Result<Value> type___name__(Interp& in, Args args) {
    return str_value(in, type_arg(args)->name);
}

static Result<Value> type_set___name__(Interp& in, Args args) {
    Type* t = type_arg(args);
    if (!(t->flags & TF_HeapType))
        return in.raise(in.exc.TypeError, "cannot set '__name__' attribute of immutable type '" +
                                              t->name + "'");
    if (!is_str(in, args[1]))
        return in.raise(in.exc.TypeError, "can only assign string to " + t->name +
                                              ".__name__, not '" + std::string(type_name(in, args[1])) + "'");
    t->name = std::string(args[1].as<Str>()->view());
    return Value::none();
}

static Result<Value> type___qualname__(Interp& in, Args args) {
    return str_value(in, type_arg(args)->qualname);
}

static Result<Value> type_set___qualname__(Interp& in, Args args) {
    if (!is_str(in, args[1]))
        return in.raise(in.exc.TypeError, "can only assign string to " + type_arg(args)->name +
                                              ".__qualname__, not '" +
                                              std::string(type_name(in, args[1])) + "'");
    type_arg(args)->qualname = std::string(args[1].as<Str>()->view());
    return Value::none();
}

static Result<Value> type___module__(Interp& in, Args args) {
    Type* t = type_arg(args);
    if (t->flags & TF_HeapType) {
        Value m = dict_get_str(t->dict, in.names.dunder_module);
        if (!m.is_null()) return m;
    }
    return str_value(in, t->module);
}

static Result<Value> type_set___module__(Interp& in, Args args) {
    Type* t = type_arg(args);
    if (!(t->flags & TF_HeapType))
        return in.raise(in.exc.TypeError, "cannot set '__module__' attribute of immutable type '" +
                                              t->name + "'");
    dict_set_str(in, t->dict, in.names.dunder_module, args[1]);
    type_modified(t);
    if (is_str(in, args[1])) t->module = std::string(args[1].as<Str>()->view());
    return Value::none();
}

static Value types_tuple(Interp& in, const std::vector<Type*>& types) {
    Tuple* t = make_tuple(in, types.size());
    for (size_t i = 0; i < types.size(); ++i) t->items()[i] = Value::from_obj(types[i]);
    return Value::from_obj(t);
}

static Result<Value> type___bases__(Interp& in, Args args) {
    return types_tuple(in, type_arg(args)->bases);
}
static Result<Value> type___base__(Interp&, Args args) {
    Type* b = type_arg(args)->base;
    return b ? Value::from_obj(b) : Value::none();
}
static Result<Value> type___mro__(Interp& in, Args args) {
    return types_tuple(in, type_arg(args)->mro);
}
// Read-only: writes must go through type.__setattr__, which bumps the version tag.
static Result<Value> type___dict__(Interp& in, Args args) {
    return make_mapping_proxy(in, Value::from_obj(type_arg(args)->dict));
}

static Result<Value> type___doc__(Interp& in, Args args) {
    Type* t = type_arg(args);
    Value d = dict_get_str(t->dict, in.names.dunder_doc);
    if (!d.is_null()) {
        DescrGetSlot get = type_of(in, d)->descr_get;
        if (get) return get(in, d, Value::null(), args[0]);
        return d;
    }
    if (t->doc.empty()) return Value::none();
    return str_value(in, t->doc);
}

static Result<Value> type_mro(Interp& in, Args args) {
    Value t = EDDY_TRY(type___mro__(in, args));
    return call(in, Value::from_obj(in.types.list), {t});
}

// type.__dir__: the names in the class's dict and its bases' (not the metaclass's), as
// CPython's merge_class_dict gathers them.
static Result<Value> type___dir__(Interp& in, Args args) {
    Dict* seen = make_dict(in);
    for (Type* t : type_arg(args)->mro)
        for (auto& e : t->dict->entries)
            if (!e.key.is_null()) EDDY_CHECK(dict_set(in, seen, e.key, Value::none()));
    // Every class has a __doc__ (a getset on type here, a dict entry in CPython).
    EDDY_CHECK(dict_set(in, seen, Value::from_obj(in.intern("__doc__")), Value::none()));
    Value keys = EDDY_TRY(call_method(in, Value::from_obj(seen), in.names.keys, {}));
    return call(in, Value::from_obj(in.types.list), {keys});
}

static Result<Value> type___subclasscheck__(Interp& in, Args args) {
    if (!type_of(in, args[1])->mro.empty() && is_subtype(type_of(in, args[1]), in.types.type))
        return Value::boolean(is_subtype(args[1].as<Type>(), type_arg(args)));
    return in.raise(in.exc.TypeError, "issubclass() arg 1 must be a class");
}

static Result<Value> type___instancecheck__(Interp& in, Args args) {
    return Value::boolean(is_subtype(type_of(in, args[1]), type_arg(args)));
}

static Result<Value> type___prepare__(Interp& in, Args) { return Value::from_obj(make_dict(in)); }

void init_type_type(Interp& in) {
    Type* t = in.types.type;
    t->flags |= TF_BaseType;
    t->instance_size = sizeof(Type);
    // A class's namespace doubles as its "instance dict", so the collector and vars() see it.
    t->dict_offset = uint32_t(reinterpret_cast<char*>(&t->dict) - reinterpret_cast<char*>(t));
    t->doc = "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type";
    t->repr = type_repr;
    t->call = type_call;
    t->getattr = type_getattro;
    t->setattr = type_setattro;
    t->new_ = type_new_slot;
    t->init = type_init;
    t->trace = trace_type;
    t->finalize = finalize_type;
    in.heap.set_type_finalizer(finalize_type);
    add_getset(in, t, "__name__", type___name__, type_set___name__);
    add_getset(in, t, "__qualname__", type___qualname__, type_set___qualname__);
    add_getset(in, t, "__module__", type___module__, type_set___module__);
    add_getset(in, t, "__bases__", type___bases__, nullptr);
    add_getset(in, t, "__base__", type___base__, nullptr);
    add_getset(in, t, "__mro__", type___mro__, nullptr);
    add_getset(in, t, "__dict__", type___dict__, nullptr);
    add_getset(in, t, "__doc__", type___doc__, nullptr);
    add_methods(in, t, {
        {"mro(self, /)", type_mro},
        {"__dir__(self, /)", type___dir__},
        {"__subclasscheck__(self, subclass, /)", type___subclasscheck__},
        {"__instancecheck__(self, instance, /)", type___instancecheck__},
    });
    static const NativeDef prepare{"__prepare__(*args, **kwargs)", type___prepare__};
    dict_set_str(in, t->dict, in.names.dunder_prepare,
                 make_classmethod(in, Value::from_obj(make_native_function(in, prepare))));
}

} // namespace eddy::rt
