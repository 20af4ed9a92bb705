// runtime/generic_alias.cpp: types.GenericAlias, what `list[int]` evaluates to (PEP 585), and the
// __class_getitem__ of the built-in containers that makes it. An alias remembers its origin and
// arguments, prints as CPython does, compares by both, calls the origin, and forwards other
// attribute reads to the origin (Objects/genericaliasobject.c). Type variables are not modelled:
// __parameters__ is always empty.
#include "generic_alias.hpp"

#include <string>

#include "dict_object.hpp"
#include "interp.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "str_object.hpp"
#include "tuple_object.hpp"
#include "types.hpp"

namespace eddy::rt {

namespace {

GenericAlias* as_alias(Value v) { return v.as<GenericAlias>(); }

void alias_trace(Obj* self, Tracer& tracer) {
    auto* a = static_cast<GenericAlias*>(self);
    tracer.mark(a->origin);
    tracer.mark(a->args);
}

// ga_repr_item: `...` for Ellipsis, a class by its (module-qualified) name, anything else by repr.
Status append_item(Interp& in, std::string& out, Value v) {
    if (v.is_ellipsis()) {
        out += "...";
        return ok();
    }
    if (v.is_obj() && is_subtype(type_of(in, v), in.types.type)) {
        Type* t = v.as<Type>();
        if (t->module != "builtins") out += t->module + ".";
        out += t->qualname;
        return ok();
    }
    Value r = EDDY_TRY(repr(in, v));
    out += r.as<Str>()->view();
    return ok();
}

Result<Value> alias_repr(Interp& in, Value self) {
    GenericAlias* a = as_alias(self);
    std::string out;
    EDDY_CHECK(append_item(in, out, a->origin));
    out += '[';
    const Tuple* args = a->args.as<Tuple>();
    if (args->size == 0) out += "()";
    for (size_t i = 0; i < args->size; ++i) {
        if (i) out += ", ";
        EDDY_CHECK(append_item(in, out, (*args)[i]));
    }
    out += ']';
    return str_value(in, out);
}

Result<Value> alias_richcmp(Interp& in, Value a, Value b, vm::CmpOp op) {
    if ((op != vm::CmpOp::Eq && op != vm::CmpOp::Ne) || type_of(in, b) != in.types.generic_alias)
        return Value::not_implemented();
    bool same = EDDY_TRY(equal(in, as_alias(a)->origin, as_alias(b)->origin)) &&
                EDDY_TRY(equal(in, as_alias(a)->args, as_alias(b)->args));
    return Value::boolean(same == (op == vm::CmpOp::Eq));
}

Result<int64_t> alias_hash(Interp& in, Value self) {
    int64_t h = EDDY_TRY(hash(in, as_alias(self)->origin)) ^ EDDY_TRY(hash(in, as_alias(self)->args));
    return h == -1 ? -2 : h;
}

// list[int](...) builds a list.
Result<Value> alias_call(Interp& in, Value callee, CallArgs args) {
    return call(in, as_alias(callee)->origin, args);
}

// The alias's own attributes, then the origin's (list[int].append is list.append).
Result<Value> alias_getattr(Interp& in, Value self, Str* name) {
    Value own = EDDY_TRY(generic_get_attr(in, self, name));
    if (!own.is_null()) return own;
    std::string_view n = name->view();
    if (n.starts_with("__") && n.ends_with("__")) return Value::null();
    return get_attr_or_null(in, as_alias(self)->origin, name);
}

Result<Value> alias_origin(Interp&, Args args) { return as_alias(args[0])->origin; }
Result<Value> alias_args(Interp&, Args args) { return as_alias(args[0])->args; }
Result<Value> alias_parameters(Interp& in, Args) { return Value::from_obj(make_tuple(in, 0)); }

// class C(list[int]) derives from list (PEP 560).
Result<Value> alias_mro_entries(Interp& in, Args args) {
    return Value::from_obj(make_tuple(in, {as_alias(args[0])->origin}));
}

// GenericAlias(origin, args), as types.GenericAlias is called from Python.
Result<Value> alias_new(Interp& in, Type*, CallArgs args) {
    if (args.kw_count())
        return in.raise(in.exc.TypeError, "GenericAlias() takes no keyword arguments");
    if (args.count != 2)
        return in.raise(in.exc.TypeError, "GenericAlias expected 2 arguments, got " + std::to_string(args.count));
    return make_generic_alias(in, args.values[0], args.values[1]);
}

// cls[item]: `item` is the arguments when it is a tuple, else the only one.
Result<Value> class_getitem(Interp& in, Args args) {
    return make_generic_alias(in, args[0], args[1]);
}

} // namespace

Value make_generic_alias(Interp& in, Value origin, Value item) {
    Value args = is_tuple(in, item) && type_of(in, item) == in.types.tuple
                     ? item
                     : Value::from_obj(make_tuple(in, {item}));
    auto* a = in.heap.alloc<GenericAlias>(in.types.generic_alias);
    a->origin = origin;
    a->args = args;
    return Value::from_obj(a);
}

void add_class_getitem(Interp& in, Type* type) {
    static const NativeDef def{"__class_getitem__(cls, item, /)", class_getitem};
    dict_set_str(in, type->dict, in.intern("__class_getitem__"),
                 make_classmethod(in, Value::from_obj(make_native_function(in, def))));
}

void init_generic_alias_type(Interp& in) {
    Type* t = in.types.generic_alias;
    t->module = "types";
    t->base = in.types.object;
    t->instance_size = sizeof(GenericAlias);
    t->trace = alias_trace;
    t->repr = alias_repr;
    t->richcmp = alias_richcmp;
    t->hash = alias_hash;
    t->call = alias_call;
    t->getattr = alias_getattr;
    t->new_ = alias_new;
    add_getset(in, t, "__origin__", alias_origin, nullptr);
    add_getset(in, t, "__args__", alias_args, nullptr);
    add_getset(in, t, "__parameters__", alias_parameters, nullptr);
    add_methods(in, t, {{"__mro_entries__(self, bases, /)", alias_mro_entries}});
    for (Type* c : {in.types.list, in.types.dict, in.types.set, in.types.frozenset, in.types.tuple,
                    in.types.type})
        add_class_getitem(in, c);
}

} // namespace eddy::rt
