// runtime/super_object.cpp: super(type, obj), mirroring CPython's super_getattro: attribute
// lookup along type(obj)'s MRO starting after `type`, binding what it finds to obj. The
// zero-argument form is resolved by the VM (the __class__ cell and the first argument) and
// arrives here through make_super().
#include "dict_object.hpp"
#include "function_object.hpp"
#include "interp.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "str_object.hpp"
#include "tuple_object.hpp"
#include "types.hpp"
#include "vm/vm_state.hpp"

namespace eddy::rt {

static void trace_super(Obj* obj, Tracer& tracer) {
    auto* s = static_cast<Super*>(obj);
    tracer.mark(s->type);
    tracer.mark(s->obj);
    tracer.mark(s->obj_type);
}

// supercheck: the type whose MRO is searched, or a TypeError.
static Result<Type*> supercheck(Interp& in, Type* type, Value obj) {
    Type* ot = type_of(in, obj);
    if (is_subtype(ot, in.types.type) && is_subtype(obj.as<Type>(), type)) return obj.as<Type>();
    if (is_subtype(ot, type)) return ot;
    // A proxy may claim a different __class__.
    Value cls = EDDY_TRY(get_attr_or_null(in, obj, in.names.dunder_class));
    if (!cls.is_null() && is_subtype(type_of(in, cls), in.types.type) && is_subtype(cls.as<Type>(), type))
        return cls.as<Type>();
    return in.raise(in.exc.TypeError, "super(type, obj): obj must be an instance or subtype of type");
}

static Status super_fill(Interp& in, Super* s, Value type, Value obj) {
    if (!is_subtype(type_of(in, type), in.types.type))
        return in.raise(in.exc.TypeError, "super() argument 1 must be a type, not " +
                                              std::string(type_name(in, type)));
    s->type = type.as<Type>();
    if (obj.is_null() || obj.is_none()) {
        s->obj = Value::none();
        s->obj_type = nullptr;
        return ok();
    }
    s->obj_type = EDDY_TRY(supercheck(in, s->type, obj));
    s->obj = obj;
    return ok();
}

Result<Value> make_super(Interp& in, Value type, Value obj) {
    auto* s = in.heap.alloc<Super>(in.types.super);
    EDDY_CHECK(super_fill(in, s, type, obj));
    return Value::from_obj(s);
}

static Result<Value> super_new(Interp& in, Type* type, CallArgs) {
    size_t size = type->instance_size ? type->instance_size : sizeof(Super);
    auto* s = in.heap.alloc<Super>(type, size);
    if (type->dict_offset) instance_dict_slot(s) = nullptr;
    return Value::from_obj(s);
}

// The first argument of the calling frame, following it into its cell when a closure captured it.
static Value frame_first_argument(vm::Frame* f) {
    CodeObject* co = f->code;
    Value first = f->localsplus()[0];   // null when the VM moved it into a cell
    if (!first.is_null()) return first;
    const auto& cell2arg = co->code->cell2arg;
    for (size_t j = 0; j < cell2arg.size(); ++j)
        if (cell2arg[j] == 0) return f->localsplus()[co->nlocals + j].as<Cell>()->value;
    return Value::null();
}

// super() without arguments (CPython's super_init_without_args): the calling frame's first
// argument and its __class__ cell, which the compiler creates for methods that mention super.
static Status super_without_args(Interp& in, Super* s) {
    vm::Frame* f = in.vm ? in.vm->current : nullptr;
    if (!f || !f->code || f->code->code->argcount == 0)
        return in.raise(in.exc.RuntimeError, "super(): no arguments");
    Value first = frame_first_argument(f);
    if (first.is_null()) return in.raise(in.exc.RuntimeError, "super(): arg[0] deleted");
    CodeObject* co = f->code;
    for (uint32_t i = co->nlocals; i < co->nlocalsplus; ++i) {
        if ((*co->localsplus_names)[i].as<Str>()->view() != "__class__") continue;
        Value cell = f->localsplus()[i];
        Value cls = cell.is_null() ? Value::null() : cell.as<Cell>()->value;
        if (cls.is_null()) return in.raise(in.exc.RuntimeError, "super(): empty __class__ cell");
        if (!is_subtype(type_of(in, cls), in.types.type))
            return in.raise(in.exc.RuntimeError, "super(): __class__ is not a type (" +
                                                     std::string(type_name(in, cls)) + ")");
        return super_fill(in, s, cls, first);
    }
    return in.raise(in.exc.RuntimeError, "super(): __class__ cell not found");
}

static Result<Value> super___init__(Interp& in, Args args) {
    if (!args.has(1)) {
        EDDY_CHECK(super_without_args(in, args[0].as<Super>()));
        return Value::none();
    }
    EDDY_CHECK(super_fill(in, args[0].as<Super>(), args[1], args.has(2) ? args[2] : Value::null()));
    return Value::none();
}

static Status super_init(Interp& in, Value self, CallArgs args) {
    static const NativeDef def{"super(self, type=?, object_or_type=?, /)", super___init__};
    Value r = EDDY_TRY(call_with_signature(in, def, self, args));
    (void)r;
    return ok();
}

Value super_find(Interp& in, const Super* s, Str* name) {
    Type* start = s->obj_type;
    if (!start || name == in.names.dunder_class) return Value::null();
    auto& mro = start->mro;
    size_t i = 0;
    while (i < mro.size() && mro[i] != s->type) ++i;
    for (++i; i < mro.size(); ++i) {
        Value res = dict_get_str(mro[i]->dict, name);
        if (!res.is_null()) return res;
    }
    return Value::null();
}

// super_getattro: skip the MRO up to and including `type`, then bind what is found.
static Result<Value> super_getattro(Interp& in, Value self, Str* name) {
    auto* s = self.as<Super>();
    Value res = super_find(in, s, name);
    if (res.is_null()) return generic_get_attr(in, self, name);
    DescrGetSlot get = type_of(in, res)->descr_get;
    if (!get) return res;
    // A class bound to itself is looked up "via the class" (instance null).
    Type* start = s->obj_type;
    Value inst = s->obj.is(Value::from_obj(start)) ? Value::null() : s->obj;
    return get(in, res, inst, Value::from_obj(start));
}

static Result<Value> super_repr(Interp& in, Value self) {
    auto* s = self.as<Super>();
    std::string text = "<super: " + type_repr_string(s->type) + ", ";
    if (s->obj_type) text += "<" + s->obj_type->name + " object>>";
    else text += "NULL>";
    return str_value(in, text);
}

static Result<Value> super___thisclass__(Interp&, Args args) {
    return Value::from_obj(args[0].as<Super>()->type);
}
static Result<Value> super___self__(Interp&, Args args) { return args[0].as<Super>()->obj; }
static Result<Value> super___self_class__(Interp&, Args args) {
    Type* t = args[0].as<Super>()->obj_type;
    return t ? Value::from_obj(t) : Value::none();
}

void init_super_type(Interp& in) {
    Type* t = in.types.super;
    t->flags |= TF_BaseType;
    t->instance_size = sizeof(Super);
    t->repr = super_repr;
    t->getattr = super_getattro;
    t->new_ = super_new;
    t->init = super_init;
    t->trace = trace_super;
    add_getset(in, t, "__thisclass__", super___thisclass__, nullptr);
    add_getset(in, t, "__self__", super___self__, nullptr);
    add_getset(in, t, "__self_class__", super___self_class__, nullptr);
}

} // namespace eddy::rt
