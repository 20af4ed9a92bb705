// runtime/ops_attr.cpp: the attribute and call halves of the object protocol (ops.hpp):
// PyObject_GetAttr / PyObject_GenericGetAttr / PyObject_GenericSetAttr / PyObject_Call, with
// CPython's AttributeError and TypeError wording.
#include "dict_object.hpp"
#include "interp.hpp"
#include "ops.hpp"
#include "str_object.hpp"
#include "tuple_object.hpp"
#include "types.hpp"

namespace eddy::rt {

// ---- calls ----

Result<Value> call(Interp& in, Value callable, CallArgs args) {
    CallSlot slot = type_of(in, callable)->call;
    if (!slot)
        return in.raise(in.exc.TypeError, "'" + std::string(type_name(in, callable)) +
                                              "' object is not callable");
    return slot(in, callable, args);
}

Result<Value> call(Interp& in, Value callable, std::initializer_list<Value> positional) {
    return call(in, callable, CallArgs{positional.begin(), positional.size(), nullptr});
}

Result<Value> call_method(Interp& in, Value obj, Str* name, std::initializer_list<Value> positional) {
    Value m = EDDY_TRY(get_attr(in, obj, name));
    return call(in, m, positional);
}

bool is_callable(Interp& in, Value v) { return type_of(in, v)->call != nullptr; }

// ---- lookups ----

Value type_lookup(Type* type, Str* name) {
    for (Type* t : type->mro) {
        Value v = dict_get_str(t->dict, name);
        if (!v.is_null()) return v;
    }
    if (type->mro.empty()) {   // during start-up, before MROs are computed
        for (Type* t = type; t; t = t->base) {
            Value v = dict_get_str(t->dict, name);
            if (!v.is_null()) return v;
        }
    }
    return Value::null();
}

static Error no_attribute(Interp& in, Value obj, Str* name) {
    std::string attr(name->view());
    if (is_subtype(type_of(in, obj), in.types.type))
        return in.raise(in.exc.AttributeError, "type object '" + obj.as<Type>()->name +
                                                   "' has no attribute '" + attr + "'");
    return in.raise(in.exc.AttributeError, "'" + std::string(type_name(in, obj)) +
                                               "' object has no attribute '" + attr + "'");
}

static Dict* instance_dict(Interp& in, Value obj, bool create) {
    if (!obj.is_obj()) return nullptr;
    Obj* o = obj.as_obj();
    if (!o->type->dict_offset) return nullptr;
    Dict*& slot = instance_dict_slot(o);
    if (!slot && create) slot = make_dict(in);
    return slot;
}

// PyObject_GenericGetAttr: data descriptor on the type, then the instance dict, then a non-data
// descriptor or plain class attribute. Null (no error) when nothing is found.
Result<Value> generic_get_attr(Interp& in, Value obj, Str* name) {
    Type* t = type_of(in, obj);
    Value descr = type_lookup(t, name);
    DescrGetSlot get = nullptr;
    if (!descr.is_null()) {
        Type* dt = type_of(in, descr);
        get = dt->descr_get;
        if (get && dt->descr_set) return get(in, descr, obj, Value::from_obj(t));
    }
    if (Dict* d = instance_dict(in, obj, false)) {
        Value v = dict_get_str(d, name);
        if (!v.is_null()) return v;
    }
    if (get) return get(in, descr, obj, Value::from_obj(t));
    if (!descr.is_null()) return descr;
    // Instances of classes expose their namespace as __dict__ (CPython's subtype_dict getset).
    if (name == in.names.dunder_dict && t->dict_offset && !is_subtype(t, in.types.type)) {
        Dict* d = instance_dict(in, obj, true);
        if (d) return Value::from_obj(d);
    }
    return Value::null();
}

// obj.__dict__ = value / del obj.__dict__ (the setter of CPython's subtype_dict getset; a
// deleted namespace starts again empty).
static Status set_instance_dict(Interp& in, Obj* o, Value value) {
    if (value.is_null()) {
        instance_dict_slot(o) = nullptr;
        return ok();
    }
    if (!is_dict(in, value))
        return in.raise(in.exc.TypeError, "__dict__ must be set to a dictionary, not a '" +
                                              std::string(type_name(in, value)) + "'");
    instance_dict_slot(o) = value.as<Dict>();
    return ok();
}

Status generic_set_attr(Interp& in, Value obj, Str* name, Value value) {
    Type* t = type_of(in, obj);
    Value descr = type_lookup(t, name);
    if (!descr.is_null()) {
        DescrSetSlot set = type_of(in, descr)->descr_set;
        if (set) return set(in, descr, obj, value);
    }
    if (name == in.names.dunder_dict && obj.is_obj() && t->dict_offset && !is_subtype(t, in.types.type))
        return set_instance_dict(in, obj.as_obj(), value);
    Dict* d = instance_dict(in, obj, !value.is_null());
    if (!d) {
        if (value.is_null() && obj.is_obj() && t->dict_offset) return no_attribute(in, obj, name);
        if (!descr.is_null())
            return in.raise(in.exc.AttributeError, "'" + t->name + "' object attribute '" +
                                                       std::string(name->view()) + "' is read-only");
        return no_attribute(in, obj, name);
    }
    if (value.is_null()) {
        if (!dict_del_str(d, name)) return no_attribute(in, obj, name);
        return ok();
    }
    dict_set_str(in, d, name, value);
    return ok();
}

// ---- the public attribute protocol ----

Result<Value> get_attr(Interp& in, Value obj, Str* name) {
    GetAttrSlot slot = type_of(in, obj)->getattr;
    Value v = EDDY_TRY(slot ? slot(in, obj, name) : generic_get_attr(in, obj, name));
    if (v.is_null()) return no_attribute(in, obj, name);
    return v;
}

Result<Value> get_attr_or_null(Interp& in, Value obj, Str* name) {
    GetAttrSlot slot = type_of(in, obj)->getattr;
    Result<Value> r = slot ? slot(in, obj, name) : generic_get_attr(in, obj, name);
    if (r.is_error() && in.exception_matches(in.exc.AttributeError)) {
        in.take_exception();
        return Value::null();
    }
    return r;
}

Status set_attr(Interp& in, Value obj, Str* name, Value value) {
    SetAttrSlot slot = type_of(in, obj)->setattr;
    if (!slot) return no_attribute(in, obj, name);
    return slot(in, obj, name, value);
}

Status del_attr(Interp& in, Value obj, Str* name) { return set_attr(in, obj, name, Value::null()); }

} // namespace eddy::rt
