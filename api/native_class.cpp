// api/native_class.cpp: native classes (eddy::Class<T>): a Python type per bound C++ type whose
// instances own a T, deleted by the instance's finalizer when the collector frees it (or when the
// Interpreter goes). Methods and property accessors are ordinary native functions in the class's
// namespace; the constructor is a native function the type's __new__ calls.
#include "api/impl.hpp"

#include "runtime/dict_object.hpp"
#include "runtime/ops.hpp"
#include "runtime/str_object.hpp"
#include "runtime/types.hpp"
#include "stdlib/lib_util.hpp"

namespace eddy {

using rt::Value;

namespace {

struct HostInstance : rt::Obj {
    void* object;                 // the C++ object, owned
    void (*destroy)(void*);       // deletes it as its own type
    const void* tag;              // which C++ type it is (detail::ClassTag<T>::tag)
};

void instance_finalize(rt::Obj* self) {
    auto* inst = static_cast<HostInstance*>(self);
    if (inst->object && inst->destroy) inst->destroy(inst->object);
    inst->object = nullptr;
}

// Where the class keeps the native function that builds an instance.
constexpr std::string_view FactoryName = "__native_new__";

// type.__new__ of a native class: the registered constructor, with the arguments as given.
rt::Result<Value> class_new(rt::Interp& in, rt::Type* type, rt::CallArgs args) {
    Value factory = rt::dict_get_str(type->dict, in.intern(FactoryName));
    if (factory.is_null())
        return in.raise(in.exc.TypeError, "cannot create '" + type->name + "' instances");
    return rt::call(in, factory, args);
}

// The constructor did all the work; __init__ accepts whatever __new__ accepted.
rt::Status class_init(rt::Interp&, Value, rt::CallArgs) { return rt::ok(); }

rt::Type* type_of_class(Interpreter::Impl& impl, detail::Raw cls) {
    Value v = Value::from_bits(cls);
    if (!v.is_obj() || v.as_obj()->type != impl.in.types.type)
        throw Error("TypeError", "not a native class");
    return v.as<rt::Type>();
}

} // namespace

namespace detail {

Object make_class(Impl& impl, std::string_view name, std::string_view module, const void* tag) {
    EDDY_API_ENTRY(impl);
    rt::Type* t = lib::make_native_type(impl.in, name, module, sizeof(HostInstance));
    t->new_ = class_new;
    t->init = class_init;
    t->finalize = instance_finalize;
    lib::finish_native_type(impl.in, t);
    impl.m_class_names[tag] = std::string(name);
    return Access::hold(impl, Value::from_obj(t).bits());
}

Raw wrap_instance(Impl& impl, Raw cls, void* object, const void* tag, void (*destroy)(void*)) {
    rt::Type* t = type_of_class(impl, cls);
    auto* inst = impl.in.heap.alloc<HostInstance>(t, std::size_t(t->instance_size));
    inst->object = object;
    inst->tag = tag;
    inst->destroy = destroy;
    return Value::from_obj(inst).bits();
}

void* unwrap_instance(Impl& impl, Raw v, const void* tag) {
    Value x = Value::from_bits(v);
    if (x.is_obj() && x.as_obj()->type->finalize == instance_finalize) {
        auto* inst = x.as<HostInstance>();
        if (inst->tag == tag && inst->object) return inst->object;
    }
    auto name = impl.m_class_names.find(tag);
    throw Mismatch{name == impl.m_class_names.end() ? "a native class instance" : name->second.c_str()};
}

void set_constructor(Impl& impl, Raw cls, const Object& factory) {
    set_class_attr(impl, cls, FactoryName, Access::raw(factory));
}

void set_class_attr(Impl& impl, Raw cls, std::string_view name, Raw value) {
    rt::Type* t = type_of_class(impl, cls);
    rt::dict_set_str(impl.in, t->dict, impl.in.intern(name), Value::from_bits(value));
}

Object make_property(Impl& impl, const Object& getter, const Object* setter) {
    Value fset = setter ? Value::from_bits(Access::raw(*setter)) : Value::none();
    Value p = rt::make_property(impl.in, Value::from_bits(Access::raw(getter)), fset, Value::none(),
                                Value::none());
    return Access::hold(impl, p.bits());
}

} // namespace detail

} // namespace eddy
