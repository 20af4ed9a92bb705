// runtime/slot_wrappers.cpp: Python-visible faces of built-in slots (`int.__add__`,
// `object.__repr__`, `list.__len__`), generated once per built-in type from the slots it fills
// itself, as CPython's add_operators() does from its slotdefs table. An unbound wrapper
// ("wrapper_descriptor") binds to an instance as a "method-wrapper".
#include <algorithm>
#include <string>
#include <vector>

#include "dict_object.hpp"
#include "int_object.hpp"
#include "interp.hpp"
#include "ops.hpp"
#include "slot_specs.hpp"
#include "str_object.hpp"
#include "tuple_object.hpp"
#include "types.hpp"

namespace eddy::rt {

static void trace_slot_wrapper(Obj* obj, Tracer& tracer) {
    auto* w = static_cast<SlotWrapper*>(obj);
    tracer.mark(w->owner);
    tracer.mark(w->name);
    tracer.mark(w->self);
    tracer.mark(w->bound_type);
}

static const SlotSpec& spec_of(const SlotWrapper* w) { return slot_specs()[w->spec]; }

static std::string args_count_message(size_t expected, size_t got) {
    return "expected " + std::to_string(expected) + " argument" + (expected == 1 ? "" : "s") +
           ", got " + std::to_string(got);
}

static size_t arity(WrapKind k) {
    switch (k) {
    case WrapKind::GetAttribute: case WrapKind::DelAttr: case WrapKind::RichCmp:
    case WrapKind::Binary: case WrapKind::RBinary: case WrapKind::GetItem:
    case WrapKind::DelItem: case WrapKind::Contains: case WrapKind::DescrDelete:
        return 1;
    case WrapKind::SetAttr: case WrapKind::SetItem: case WrapKind::DescrSet:
        return 2;
    default:
        return 0;
    }
}

static Result<Value> status_none(Status s) {
    if (s.is_error()) return Error{};
    return Value::none();
}

static Result<Value> call_attr_wrapper(Interp& in, Type* owner, WrapKind kind, Value self,
                                       const Value* a) {
    if (!is_str(in, a[0]))
        return in.raise(in.exc.TypeError, "attribute name must be string, not '" +
                                              std::string(type_name(in, a[0])) + "'");
    Str* name = a[0].as<Str>();
    if (kind == WrapKind::GetAttribute) {
        Value r = EDDY_TRY(owner->getattr(in, self, name));
        if (!r.is_null()) return r;
        // Raise here: get_attr would re-enter an overridden __getattribute__.
        if (is_subtype(type_of(in, self), in.types.type))
            return in.raise(in.exc.AttributeError, "type object '" + self.as<Type>()->name +
                                                       "' has no attribute '" + std::string(name->view()) + "'");
        return in.raise(in.exc.AttributeError, "'" + std::string(type_name(in, self)) +
                                                   "' object has no attribute '" + std::string(name->view()) + "'");
    }
    return status_none(owner->setattr(in, self, name, kind == WrapKind::SetAttr ? a[1] : Value::null()));
}

// Runs the owner's slot for a wrapper whose receiver and argument count are checked.
static Result<Value> run_slot(Interp& in, const SlotWrapper* w, Value self, const Value* a,
                              CallArgs rest) {
    Type* o = w->owner;
    const SlotSpec& s = spec_of(w);
    switch (s.wrap) {
    case WrapKind::Unary:
        switch (s.group) {
        case SlotGroup::Repr: return o->repr(in, self);
        case SlotGroup::Str: return o->str(in, self);
        case SlotGroup::Neg: return o->neg(in, self);
        case SlotGroup::Pos: return o->pos(in, self);
        case SlotGroup::Invert: return o->invert(in, self);
        case SlotGroup::Abs: return o->abs(in, self);
        case SlotGroup::Index: return o->index(in, self);
        case SlotGroup::ToInt: return o->to_int(in, self);
        case SlotGroup::ToFloat: return o->to_float(in, self);
        case SlotGroup::Iter: return o->iter(in, self);
        default: break;
        }
        break;
    case WrapKind::Hash: return make_int(in, EDDY_TRY(o->hash(in, self)));
    case WrapKind::Bool: return Value::boolean(EDDY_TRY(o->truth(in, self)));
    case WrapKind::Len: return make_int(in, EDDY_TRY(o->len(in, self)));
    case WrapKind::Call: return o->call(in, self, rest);
    case WrapKind::GetAttribute: case WrapKind::SetAttr: case WrapKind::DelAttr:
        return call_attr_wrapper(in, o, s.wrap, self, a);
    case WrapKind::RichCmp: return o->richcmp(in, self, a[0], vm::CmpOp(s.op));
    case WrapKind::Binary: return o->binary(in, self, a[0], vm::BinOp(s.op));
    case WrapKind::RBinary:
        // One slot serving both sides (set, dict): x.__ror__(y) is y | x through it, as CPython's
        // wrapper of a single nb_or does.
        // The slot expects its own type on the left: anything else is NotImplemented.
        if (!o->rbinary) {
            Type* other = type_of(in, a[0]);
            if (!is_subtype(other, o) && other->binary != o->binary) return Value::not_implemented();
            return o->binary(in, a[0], self, vm::BinOp(s.op));
        }
        return o->rbinary(in, self, a[0], vm::BinOp(s.op));
    case WrapKind::Next: {
        Value r = EDDY_TRY(o->next(in, self));
        if (r.is_null()) return in.raise(in.exc.StopIteration);
        return r;
    }
    case WrapKind::GetItem: return o->getitem(in, self, a[0]);
    case WrapKind::SetItem: return status_none(o->setitem(in, self, a[0], a[1]));
    case WrapKind::DelItem: return status_none(o->setitem(in, self, a[0], Value::null()));
    case WrapKind::Contains: return Value::boolean(EDDY_TRY(o->contains(in, self, a[0])));
    case WrapKind::DescrGet: {
        Value inst = a[0].is_none() ? Value::null() : a[0];
        Value own = rest.count > 1 && !rest.values[1].is_none() ? rest.values[1] : Value::null();
        if (inst.is_null() && own.is_null())
            return in.raise(in.exc.TypeError, "__get__(None, None) is invalid");
        return o->descr_get(in, self, inst, own);
    }
    case WrapKind::DescrSet: return status_none(o->descr_set(in, self, a[0], a[1]));
    case WrapKind::DescrDelete: return status_none(o->descr_set(in, self, a[0], Value::null()));
    case WrapKind::Init: return status_none(o->init(in, self, rest));
    case WrapKind::New: case WrapKind::None: break;
    }
    return in.raise(in.exc.SystemError, "bad slot wrapper");
}

// X.__new__(cls, ...): cls must be a subtype of the owner (tp_new_wrapper's checks).
static Result<Value> call_new_wrapper(Interp& in, const SlotWrapper* w, CallArgs args) {
    Type* o = w->owner;
    if (args.count < 1)
        return in.raise(in.exc.TypeError, o->name + ".__new__(): not enough arguments");
    Value cls = args.values[0];
    if (!is_subtype(type_of(in, cls), in.types.type))
        return in.raise(in.exc.TypeError, o->name + ".__new__(X): X is not a type object (" +
                                              std::string(type_name(in, cls)) + ")");
    Type* sub = cls.as<Type>();
    if (!is_subtype(sub, o))
        return in.raise(in.exc.TypeError, o->name + ".__new__(" + sub->name + "): " + sub->name +
                                              " is not a subtype of " + o->name);
    return o->new_(in, sub, CallArgs{args.values + 1, args.count - 1, args.kwnames});
}

Result<Value> slot_wrapper_call(Interp& in, Value callee, CallArgs args) {
    auto* w = callee.as<SlotWrapper>();
    const SlotSpec& s = spec_of(w);
    if (s.wrap == WrapKind::New) return call_new_wrapper(in, w, args);
    Value self = w->self;
    const Value* rest = args.values;
    size_t n = args.count;
    std::string name(w->name->view());
    if (self.is_null()) {
        if (n == 0)
            return in.raise(in.exc.TypeError, "descriptor '" + name + "' of '" + w->owner->name +
                                                  "' object needs an argument");
        self = rest[0];
        ++rest;
        --n;
        if (!is_subtype(type_of(in, self), w->owner))
            return in.raise(in.exc.TypeError, "descriptor '" + name + "' requires a '" +
                                                  w->owner->name + "' object but received a '" +
                                                  std::string(type_name(in, self)) + "'");
    }
    CallArgs tail{rest, n, args.kwnames};
    if (s.wrap == WrapKind::Call || s.wrap == WrapKind::Init) return run_slot(in, w, self, rest, tail);
    if (args.kw_count())
        return in.raise(in.exc.TypeError, "wrapper " + name + "() takes no keyword arguments");
    size_t want = arity(s.wrap);
    bool ok_count = s.wrap == WrapKind::DescrGet ? (n == 1 || n == 2) : n == want;
    if (!ok_count) return in.raise(in.exc.TypeError, args_count_message(want ? want : (s.wrap == WrapKind::DescrGet ? 2 : 0), n));
    return run_slot(in, w, self, rest, tail);
}

// Binding: `x.__add__` is a method-wrapper remembering x; `C.__add__` stays unbound.
static Result<Value> slot_wrapper_get(Interp& in, Value descr, Value instance, Value) {
    auto* w = descr.as<SlotWrapper>();
    if (instance.is_null() || spec_of(w).wrap == WrapKind::New || !w->self.is_null()) return descr;
    auto* b = in.heap.alloc<SlotWrapper>(w->bound_type);
    b->owner = w->owner;
    b->name = w->name;
    b->spec = w->spec;
    b->self = instance;
    b->bound_type = w->bound_type;
    return Value::from_obj(b);
}

static Result<Value> slot_wrapper_repr(Interp& in, Value self) {
    auto* w = self.as<SlotWrapper>();
    std::string name(w->name->view());
    if (w->self.is_null())
        return str_value(in, "<slot wrapper '" + name + "' of '" + w->owner->name + "' objects>");
    return str_value(in, "<method-wrapper '" + name + "' of " + std::string(type_name(in, w->self)) +
                             " object at " + address_string(w->self.is_obj() ? w->self.as_obj() : nullptr) + ">");
}

static Result<Value> slot_wrapper___name__(Interp&, Args args) {
    return Value::from_obj(args[0].as<SlotWrapper>()->name);
}

static Result<Value> slot_wrapper___objclass__(Interp&, Args args) {
    return Value::from_obj(args[0].as<SlotWrapper>()->owner);
}

static Type* make_wrapper_type(Interp& in, const char* name) {
    Type* t = in.heap.alloc<Type>(in.types.type);
    t->name = t->qualname = name;
    t->module = "builtins";
    t->base = in.types.object;
    t->bases = {in.types.object};
    t->mro = {t, in.types.object};
    t->dict = make_dict(in);
    t->instance_size = sizeof(SlotWrapper);
    t->call = slot_wrapper_call;
    t->descr_get = slot_wrapper_get;
    t->repr = slot_wrapper_repr;
    t->str = slot_wrapper_repr;
    t->hash = object_hash;
    t->richcmp = in.types.object->richcmp;
    t->getattr = generic_get_attr;
    t->setattr = generic_set_attr;
    t->trace = trace_slot_wrapper;
    add_getset(in, t, "__name__", slot_wrapper___name__, nullptr);
    add_getset(in, t, "__qualname__", slot_wrapper___name__, nullptr);
    add_getset(in, t, "__objclass__", slot_wrapper___objclass__, nullptr);
    return t;
}

// The operator methods CPython 3.11 defines on built-in types whose one `binary` slot serves
// only some operators (the names in vars(T) there), so that dir(str) has no __sub__ and
// list.__iadd__ exists. A type not listed gets the forward and reflected operators its slots
// fill, and no in-place ones.
static const std::vector<std::string_view>* cpython_operators(const Type* type) {
    using Names = std::vector<std::string_view>;
    static const Names seq = {"__add__", "__mul__", "__rmul__"};
    static const Names text = {"__add__", "__mod__", "__mul__", "__rmod__", "__rmul__"};
    static const Names bytearray = {"__add__", "__iadd__", "__imul__", "__mod__", "__mul__", "__rmod__", "__rmul__"};
    static const Names list = {"__add__", "__iadd__", "__imul__", "__mul__", "__rmul__"};
    static const Names dict = {"__ior__", "__or__", "__ror__"};
    static const Names frozen = {"__and__", "__or__", "__rand__", "__ror__", "__rsub__", "__rxor__", "__sub__", "__xor__"};
    static const Names set = {"__and__", "__iand__", "__ior__", "__isub__", "__ixor__", "__or__", "__rand__",
                              "__ror__", "__rsub__", "__rxor__", "__sub__", "__xor__"};
    static const Names bool_ = {"__and__", "__or__", "__rand__", "__ror__", "__rxor__", "__xor__"};
    static const Names float_ = {"__add__", "__divmod__", "__floordiv__", "__mod__", "__mul__", "__pow__",
                                 "__radd__", "__rdivmod__", "__rfloordiv__", "__rmod__", "__rmul__",
                                 "__rpow__", "__rsub__", "__rtruediv__", "__sub__", "__truediv__"};
    static const Names complex = {"__add__", "__mul__", "__pow__", "__radd__", "__rmul__", "__rpow__",
                                  "__rsub__", "__rtruediv__", "__sub__", "__truediv__"};
    static const Names int_ = {"__add__", "__and__", "__divmod__", "__floordiv__", "__lshift__", "__mod__",
                               "__mul__", "__or__", "__pow__", "__radd__", "__rand__", "__rdivmod__",
                               "__rfloordiv__", "__rlshift__", "__rmod__", "__rmul__", "__ror__", "__rpow__",
                               "__rrshift__", "__rshift__", "__rsub__", "__rtruediv__", "__rxor__", "__sub__",
                               "__truediv__", "__xor__"};
    static const Names deque = {"__add__", "__iadd__", "__imul__", "__mul__", "__rmul__"};
    if (type->module == "collections" && type->name == "deque") return &deque;
    if (type->module != "builtins") return nullptr;
    static const std::pair<std::string_view, const Names*> table[] = {
        {"str", &text}, {"bytes", &text}, {"bytearray", &bytearray}, {"tuple", &seq}, {"list", &list},
        {"dict", &dict}, {"set", &set}, {"frozenset", &frozen}, {"dict_keys", &frozen},
        {"dict_items", &frozen}, {"bool", &bool_}, {"float", &float_}, {"complex", &complex}, {"int", &int_},
    };
    for (const auto& [name, names] : table)
        if (type->name == name) return names;
    return nullptr;
}

void add_slot_wrappers(Interp& in, Type* type) {
    // Both wrapper types hang off the first wrapper made (instances keep their types alive), so
    // they are created once per interpreter and found again through object's __repr__.
    Value probe = dict_get_str(in.types.object->dict, in.names.dunder_repr);
    Type* unbound_type;
    Type* bound_type;
    if (!probe.is_null() && type_of(in, probe)->call == slot_wrapper_call) {
        unbound_type = type_of(in, probe);
        bound_type = probe.as<SlotWrapper>()->bound_type;
    } else {
        unbound_type = make_wrapper_type(in, "wrapper_descriptor");
        bound_type = make_wrapper_type(in, "method-wrapper");
    }
    // Unhashable built-ins (list, dict, ...) say so in their dict, so subclasses inherit it.
    if (!type->hash && type->base && type->base->hash &&
        dict_get_str(type->dict, in.names.dunder_hash).is_null())
        dict_set_str(in, type->dict, in.names.dunder_hash, Value::none());
    auto specs = slot_specs();
    for (size_t i = 0; i < specs.size(); ++i) {
        const SlotSpec& s = specs[i];
        if (s.wrap == WrapKind::None) continue;
        const auto* allowed = cpython_operators(type);
        // A listed reflected operator is served by the forward slot when there is no other.
        SlotGroup group = allowed && s.group == SlotGroup::RBinary && !type->rbinary ? SlotGroup::Binary : s.group;
        if (!slot_is_filled(type, group) || slot_same_as_base(type, group)) continue;
        Str* name = in.names.*s.name;
        // These types' truth is their length; CPython gives them no __bool__.
        if (s.group == SlotGroup::Truth && (type == in.types.str || type == in.types.bytes ||
                                            type == in.types.bytearray ||
                                            (type->module == "collections" && type->name == "deque")))
            continue;
        if (s.group == SlotGroup::Binary || s.group == SlotGroup::RBinary) {
            bool inplace = s.group == SlotGroup::Binary && s.op >= vm::InplaceOffset;
            if (allowed ? std::find(allowed->begin(), allowed->end(), name->view()) == allowed->end() : inplace)
                continue;
        }
        if (!dict_get_str(type->dict, name).is_null()) continue;
        auto* w = in.heap.alloc<SlotWrapper>(unbound_type);
        w->owner = type;
        w->name = name;
        w->spec = uint16_t(i);
        w->bound_type = bound_type;
        dict_set_str(in, type->dict, name, Value::from_obj(w));
    }
}

} // namespace eddy::rt
