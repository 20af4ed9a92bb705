// runtime/native_types.cpp: the types of native callables: builtin_function_or_method (module
// functions and bound native methods) and method_descriptor (a native method in a type's dict),
// with their call, binding, repr and attributes (__name__, __qualname__, __self__, ...).
#include "dict_object.hpp"
#include "interp.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "str_object.hpp"
#include "types.hpp"

namespace eddy::rt {

static void trace_native(Obj* obj, Tracer& tracer) {
    auto* f = static_cast<NativeFunction*>(obj);
    tracer.mark(f->self);
    tracer.mark(f->owner);
    tracer.mark(f->module);
}

static Result<Value> native_call(Interp& in, Value callee, CallArgs args) {
    return call_native(in, callee.as<NativeFunction>(), args);
}

static Result<Value> method_descriptor_get(Interp& in, Value descr, Value instance, Value) {
    if (instance.is_null()) return descr;
    return Value::from_obj(bind_native_method(in, descr.as<NativeFunction>(), instance));
}

static Result<Value> native_repr(Interp& in, Value self) {
    auto* f = self.as<NativeFunction>();
    const std::string& name = f->sig->name;
    if (f->self.is_null()) return str_value(in, "<built-in function " + name + ">");
    std::string owner = is_subtype(type_of(in, f->self), in.types.type) ? "type"
                                                                        : std::string(type_name(in, f->self));
    return str_value(in, "<built-in method " + name + " of " + owner + " object at " +
                             address_string(f->self.is_obj() ? f->self.as_obj() : nullptr) + ">");
}

static Result<Value> method_descriptor_repr(Interp& in, Value self) {
    auto* f = self.as<NativeFunction>();
    std::string owner = f->owner ? f->owner->name : "?";
    return str_value(in, "<method '" + f->sig->name + "' of '" + owner + "' objects>");
}

static NativeFunction* fn_arg(Args args) { return args[0].as<NativeFunction>(); }

static Result<Value> native___name__(Interp& in, Args args) {
    return Value::from_obj(in.intern(fn_arg(args)->sig->name));
}

static Result<Value> native___qualname__(Interp& in, Args args) {
    NativeFunction* f = fn_arg(args);
    if (f->owner) return str_value(in, f->owner->name + "." + f->sig->name);
    return Value::from_obj(in.intern(f->sig->name));
}

static Result<Value> native___self__(Interp&, Args args) {
    NativeFunction* f = fn_arg(args);
    if (!f->self.is_null()) return f->self;
    return Value::none();
}

static Result<Value> native___module__(Interp&, Args args) {
    NativeFunction* f = fn_arg(args);
    return f->module ? Value::from_obj(f->module) : Value::none();
}

static Result<Value> native___text_signature__(Interp& in, Args args) {
    const std::string& text = fn_arg(args)->sig->text;
    size_t open = text.find('(');
    return str_value(in, open == std::string::npos ? text : text.substr(open));
}

static Result<Value> native___doc__(Interp&, Args) { return Value::none(); }

static Result<Value> method_descriptor___objclass__(Interp&, Args args) {
    NativeFunction* f = fn_arg(args);
    return f->owner ? Value::from_obj(f->owner) : Value::none();
}

static void init_native_type(Interp& in, Type* t) {
    t->instance_size = sizeof(NativeFunction);
    t->call = native_call;
    t->trace = trace_native;
    add_getset(in, t, "__name__", native___name__, nullptr);
    add_getset(in, t, "__qualname__", native___qualname__, nullptr);
    add_getset(in, t, "__text_signature__", native___text_signature__, nullptr);
    add_getset(in, t, "__doc__", native___doc__, nullptr);
}

void init_native_types(Interp& in) {
    Type* fn = in.types.native_function;
    init_native_type(in, fn);
    fn->repr = native_repr;
    add_getset(in, fn, "__self__", native___self__, nullptr);
    add_getset(in, fn, "__module__", native___module__, nullptr);
    Type* md = in.types.method_descriptor;
    init_native_type(in, md);
    md->repr = method_descriptor_repr;
    md->descr_get = method_descriptor_get;
    add_getset(in, md, "__objclass__", method_descriptor___objclass__, nullptr);
}

} // namespace eddy::rt
