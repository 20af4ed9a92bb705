// runtime/module_object.cpp: module objects: attribute access through the module dict (with
// PEP 562's module-level __getattr__), CPython's "module 'm' has no attribute 'x'" and the
// "<module 'm' from '...'>" repr.
#include "module_object.hpp"

#include "dict_object.hpp"
#include "interp.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "str_object.hpp"
#include "types.hpp"

namespace eddy::rt {

// Module::dict is the first field, so it doubles as the instance dict (Type::dict_offset).
static_assert(sizeof(Module) == sizeof(Obj) + 2 * sizeof(void*));

static void trace_module(Obj* obj, Tracer& tracer) {
    auto* m = static_cast<Module*>(obj);
    tracer.mark(m->dict);
    tracer.mark(m->name);
}

static Module* alloc_module(Interp& in, Type* type) {
    size_t size = type->instance_size ? type->instance_size : sizeof(Module);
    auto* m = in.heap.alloc<Module>(type, size);
    m->dict = make_dict(in);
    return m;
}

static void set_module_name(Interp& in, Module* m, Value name, Value doc) {
    m->name = is_str(in, name) ? name.as<Str>() : in.intern("?");
    dict_set_str(in, m->dict, in.names.dunder_name, name);
    dict_set_str(in, m->dict, in.names.dunder_doc, doc);
    for (Str* key : {in.names.dunder_package, in.names.dunder_loader, in.names.dunder_spec})
        if (dict_get_str(m->dict, key).is_null()) dict_set_str(in, m->dict, key, Value::none());
}

Module* make_module(Interp& in, std::string_view name) {
    Module* m = alloc_module(in, in.types.module);
    set_module_name(in, m, Value::from_obj(in.intern(name)), Value::none());
    return m;
}

static std::string module_name(Interp& in, Value self) {
    Value n = dict_get_str(self.as<Module>()->dict, in.names.dunder_name);
    if (!n.is_null() && is_str(in, n)) return std::string(n.as<Str>()->view());
    return "?";
}

// module_getattro: the dict, then a module-level __getattr__, then CPython's AttributeError.
static Result<Value> module_getattro(Interp& in, Value self, Str* name) {
    Value v = EDDY_TRY(generic_get_attr(in, self, name));
    if (!v.is_null()) return v;
    Value hook = dict_get_str(self.as<Module>()->dict, in.names.dunder_getattr);
    if (!hook.is_null()) return call(in, hook, {Value::from_obj(name)});
    return in.raise(in.exc.AttributeError, "module '" + module_name(in, self) +
                                               "' has no attribute '" + std::string(name->view()) + "'");
}

static Result<Value> module_repr(Interp& in, Value self) {
    std::string name = module_name(in, self);
    Value file = dict_get_str(self.as<Module>()->dict, in.names.dunder_file);
    if (!file.is_null() && is_str(in, file))
        return str_value(in, "<module '" + name + "' from '" + std::string(file.as<Str>()->view()) + "'>");
    return str_value(in, "<module '" + name + "' (built-in)>");
}

static Result<Value> module_new(Interp& in, Type* type, CallArgs) {
    return Value::from_obj(alloc_module(in, type));
}

static Result<Value> module___init__(Interp& in, Args args) {
    if (!is_str(in, args[1]))
        return in.raise(in.exc.TypeError, "module.__init__() argument 'name' must be str, not " +
                                              std::string(type_name(in, args[1])));
    set_module_name(in, args[0].as<Module>(), args[1], args[2]);
    return Value::none();
}

static Status module_init(Interp& in, Value self, CallArgs args) {
    static const NativeDef def{"module(self, name, doc=None)", module___init__};
    Value r = EDDY_TRY(call_with_signature(in, def, self, args));
    (void)r;
    return ok();
}

static Result<Value> module___dir__(Interp& in, Args args) {
    Value keys = EDDY_TRY(call_method(in, Value::from_obj(args[0].as<Module>()->dict), in.names.keys, {}));
    return call(in, Value::from_obj(in.types.list), {keys});
}

void init_module_type(Interp& in) {
    Type* t = in.types.module;
    t->flags |= TF_BaseType;
    t->instance_size = sizeof(Module);
    t->dict_offset = sizeof(Obj);
    t->doc = "Create a module object.";
    t->getattr = module_getattro;
    t->setattr = generic_set_attr;
    t->repr = module_repr;
    t->new_ = module_new;
    t->init = module_init;
    t->trace = trace_module;
    add_methods(in, t, {{"__dir__(self, /)", module___dir__}});
}

} // namespace eddy::rt
