// runtime/descriptors.cpp: property, classmethod and staticmethod (CPython's descrobject.c and
// funcobject.c), plus add_getset, which exposes native getters as read-only-or-settable
// properties on built-in types.
#include "dict_object.hpp"
#include "function_object.hpp"
#include "interp.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "str_object.hpp"
#include "tuple_object.hpp"
#include "types.hpp"

namespace eddy::rt {

Result<Value> bind_method(Interp& in, Value func, Value self) {
    return Value::from_obj(make_bound_method(in, func, self));
}

// ---- property ----

static void trace_property(Obj* obj, Tracer& tracer) {
    auto* p = static_cast<Property*>(obj);
    tracer.mark(p->fget);
    tracer.mark(p->fset);
    tracer.mark(p->fdel);
    tracer.mark(p->doc);
    tracer.mark(p->name);
}

Value make_property(Interp& in, Value fget, Value fset, Value fdel, Value doc) {
    auto* p = in.heap.alloc<Property>(in.types.property);
    p->fget = fget;
    p->fset = fset;
    p->fdel = fdel;
    p->doc = doc;
    return Value::from_obj(p);
}

// "property 'x' of 'C' object has no setter", or the anonymous form before __set_name__ ran.
static bool is_getset(Interp& in, const Property* p) {
    return type_of(in, p->fget) == in.types.native_function &&
           p->fget.as<NativeFunction>()->sig->name == "getter";
}

static Error property_error(Interp& in, const Property* p, Value obj, const char* what) {
    if (is_getset(in, p) && p->name && std::string_view(what) != "getter")
        return in.raise(in.exc.AttributeError, "attribute '" + std::string(p->name->view()) + "' of '" +
                                                   type_of(in, obj)->name + "' objects is not writable");
    if (p->name)
        return in.raise(in.exc.AttributeError, "property '" + std::string(p->name->view()) + "' of '" +
                                                   type_of(in, obj)->qualname + "' object has no " + what);
    std::string verb = std::string(what) == "getter" ? "unreadable attribute"
                       : std::string(what) == "setter" ? "can't set attribute"
                                                       : "can't delete attribute";
    return in.raise(in.exc.AttributeError, verb);
}

static Result<Value> property_get(Interp& in, Value descr, Value instance, Value) {
    auto* p = descr.as<Property>();
    if (instance.is_null() || instance.is_none()) return descr;
    if (p->fget.is_none()) return property_error(in, p, instance, "getter");
    return call(in, p->fget, {instance});
}

static Status property_set(Interp& in, Value descr, Value instance, Value value) {
    auto* p = descr.as<Property>();
    Value func = value.is_null() ? p->fdel : p->fset;
    if (func.is_none()) return property_error(in, p, instance, value.is_null() ? "deleter" : "setter");
    Result<Value> r = value.is_null() ? call(in, func, {instance}) : call(in, func, {instance, value});
    if (r.is_error()) return Error{};
    return ok();
}

static Result<Value> property_new(Interp& in, Type* type, CallArgs) {
    size_t size = type->instance_size ? type->instance_size : sizeof(Property);
    auto* p = in.heap.alloc<Property>(type, size);
    if (type->dict_offset) instance_dict_slot(p) = nullptr;
    return Value::from_obj(p);
}

// property.__init__: a None doc falls back to the getter's __doc__, as CPython does.
static Result<Value> property___init__(Interp& in, Args args) {
    auto* p = args[0].as<Property>();
    p->fget = args[1];
    p->fset = args[2];
    p->fdel = args[3];
    p->doc = args[4];
    if (p->doc.is_none() && !p->fget.is_none()) {
        Value d = EDDY_TRY(get_attr_or_null(in, p->fget, in.names.dunder_doc));
        if (!d.is_null()) p->doc = d;
    }
    return Value::none();
}

static Status property_init(Interp& in, Value self, CallArgs args) {
    static const NativeDef def{"property(self, fget=None, fset=None, fdel=None, doc=None)",
                               property___init__};
    Value r = EDDY_TRY(call_with_signature(in, def, self, args));
    (void)r;
    return ok();
}

// getter/setter/deleter: a copy of the property with one function replaced (type(self)(...)).
static Result<Value> property_copy(Interp& in, Value self, int which, Value func) {
    auto* p = self.as<Property>();
    Value parts[4] = {p->fget, p->fset, p->fdel, p->doc};
    parts[which] = func;
    // A doc taken from the old getter follows the new getter.
    if (which == 0) parts[3] = Value::none();
    Value copy = EDDY_TRY(call(in, Value::from_obj(type_of(in, self)), {parts[0], parts[1], parts[2], parts[3]}));
    if (is_subtype(type_of(in, copy), in.types.property)) copy.as<Property>()->name = p->name;
    return copy;
}

static Result<Value> property_getter(Interp& in, Args args) { return property_copy(in, args[0], 0, args[1]); }
static Result<Value> property_setter(Interp& in, Args args) { return property_copy(in, args[0], 1, args[1]); }
static Result<Value> property_deleter(Interp& in, Args args) { return property_copy(in, args[0], 2, args[1]); }

static Result<Value> property___set_name__(Interp& in, Args args) {
    if (!is_str(in, args[2])) return Value::none();
    args[0].as<Property>()->name = args[2].as<Str>();
    return Value::none();
}

static Result<Value> property_fget(Interp&, Args args) { return args[0].as<Property>()->fget; }
static Result<Value> property_fset(Interp&, Args args) { return args[0].as<Property>()->fset; }
static Result<Value> property_fdel(Interp&, Args args) { return args[0].as<Property>()->fdel; }
static Result<Value> property___doc__(Interp&, Args args) { return args[0].as<Property>()->doc; }
static Result<Value> property_set___doc__(Interp&, Args args) {
    args[0].as<Property>()->doc = args[1];
    return Value::none();
}

static void init_property_type(Interp& in) {
    Type* t = in.types.property;
    t->flags |= TF_BaseType;
    t->instance_size = sizeof(Property);
    t->doc = "Property attribute.";
    t->descr_get = property_get;
    t->descr_set = property_set;
    t->new_ = property_new;
    t->init = property_init;
    t->trace = trace_property;
    add_methods(in, t, {
        {"getter(self, fget, /)", property_getter},
        {"setter(self, fset, /)", property_setter},
        {"deleter(self, fdel, /)", property_deleter},
        {"__set_name__(self, owner, name, /)", property___set_name__},
    });
    add_getset(in, t, "fget", property_fget, nullptr);
    add_getset(in, t, "fset", property_fset, nullptr);
    add_getset(in, t, "fdel", property_fdel, nullptr);
    add_getset(in, t, "__doc__", property___doc__, property_set___doc__);
}

// ---- getset descriptors of built-in types ----

void add_getset(Interp& in, Type* type, const char* name, NativeFn getter, NativeFn setter) {
    static const char* const GetSig = "getter(self, /)";
    static const char* const SetSig = "setter(self, value, /)";
    Value fget = Value::from_obj(make_native_function(in, NativeDef{GetSig, getter}));
    Value fset = setter ? Value::from_obj(make_native_function(in, NativeDef{SetSig, setter}))
                        : Value::none();
    Value p = make_property(in, fget, fset, Value::none(), Value::none());
    Str* key = in.intern(name);
    p.as<Property>()->name = key;
    dict_set_str(in, type->dict, key, p);
}

// ---- classmethod and staticmethod ----

// MethodWrapper's dict comes right after the header (offsetof is not defined for these
// non-standard-layout structs).
static_assert(sizeof(MethodWrapper) == sizeof(Obj) + sizeof(Dict*) + sizeof(Value));
static uint32_t offsetof_dict() { return uint32_t(sizeof(Obj)); }

static void trace_method_wrapper(Obj* obj, Tracer& tracer) {
    tracer.mark(static_cast<MethodWrapper*>(obj)->func);
}

static Value make_wrapper(Interp& in, Type* type, Value func) {
    size_t size = type->instance_size ? type->instance_size : sizeof(MethodWrapper);
    auto* w = in.heap.alloc<MethodWrapper>(type, size);
    w->func = func;   // the constructor cleared the dict; subclasses reuse that slot
    return Value::from_obj(w);
}

Value make_classmethod(Interp& in, Value func) { return make_wrapper(in, in.types.classmethod, func); }
Value make_staticmethod(Interp& in, Value func) { return make_wrapper(in, in.types.staticmethod, func); }

static Result<Value> wrapper_new(Interp& in, Type* type, CallArgs) {
    return make_wrapper(in, type, Value::none());
}

static Result<Value> wrapper___init__(Interp&, Args args) {
    args[0].as<MethodWrapper>()->func = args[1];
    return Value::none();
}

static Status classmethod_init(Interp& in, Value self, CallArgs args) {
    static const NativeDef def{"classmethod(self, function, /)", wrapper___init__};
    Value r = EDDY_TRY(call_with_signature(in, def, self, args));
    (void)r;
    return ok();
}

static Status staticmethod_init(Interp& in, Value self, CallArgs args) {
    static const NativeDef def{"staticmethod(self, function, /)", wrapper___init__};
    Value r = EDDY_TRY(call_with_signature(in, def, self, args));
    (void)r;
    return ok();
}

// classmethod.__get__: bind to the class; a wrapped descriptor is asked to bind itself (3.9+).
static Result<Value> classmethod_get(Interp& in, Value descr, Value instance, Value owner) {
    Value func = descr.as<MethodWrapper>()->func;
    Value cls = owner.is_null() || owner.is_none() ? Value::from_obj(type_of(in, instance)) : owner;
    DescrGetSlot get = type_of(in, func)->descr_get;
    if (get) return get(in, func, cls, Value::from_obj(type_of(in, cls)));
    return bind_method(in, func, cls);
}

static Result<Value> staticmethod_get(Interp&, Value descr, Value, Value) {
    return descr.as<MethodWrapper>()->func;
}

static Result<Value> staticmethod_call(Interp& in, Value callee, CallArgs args) {
    return call(in, callee.as<MethodWrapper>()->func, args);
}

static Result<Value> wrapper___func__(Interp&, Args args) { return args[0].as<MethodWrapper>()->func; }

static Result<Value> wrapper___doc__(Interp& in, Args args) {
    Value d = EDDY_TRY(get_attr_or_null(in, args[0].as<MethodWrapper>()->func, in.names.dunder_doc));
    return d.is_null() ? Value::none() : d;
}

static Result<Value> wrapper___isabstractmethod__(Interp& in, Args args) {
    Value d = EDDY_TRY(get_attr_or_null(in, args[0].as<MethodWrapper>()->func,
                                        in.intern("__isabstractmethod__")));
    if (d.is_null()) return Value::boolean(false);
    return Value::boolean(EDDY_TRY(truthy(in, d)));
}

static void init_wrapper_type(Interp& in, Type* t, DescrGetSlot get, InitSlot init) {
    t->flags |= TF_BaseType;
    t->instance_size = sizeof(MethodWrapper);
    t->dict_offset = uint32_t(offsetof_dict());
    t->descr_get = get;
    t->new_ = wrapper_new;
    t->init = init;
    t->trace = trace_method_wrapper;
    add_getset(in, t, "__func__", wrapper___func__, nullptr);
    add_getset(in, t, "__wrapped__", wrapper___func__, nullptr);
    add_getset(in, t, "__doc__", wrapper___doc__, nullptr);
    add_getset(in, t, "__isabstractmethod__", wrapper___isabstractmethod__, nullptr);
}

void init_descriptor_types(Interp& in) {
    init_property_type(in);
    init_wrapper_type(in, in.types.classmethod, classmethod_get, classmethod_init);
    init_wrapper_type(in, in.types.staticmethod, staticmethod_get, staticmethod_init);
    in.types.staticmethod->call = staticmethod_call;
}

} // namespace eddy::rt
