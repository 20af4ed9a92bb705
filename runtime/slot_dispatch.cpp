// runtime/slot_dispatch.cpp: the slots of classes defined in Python. Each dispatcher looks the
// special method up on the type and calls it (CPython's slot_tp_* / SLOT1BINFULL functions in
// typeobject.c); fill_heap_type_slots decides per slot between a dispatcher, a built-in base's
// slot function (when the name resolves to that base's wrapper) and nothing.
#include <string>

#include "dict_object.hpp"
#include "function_object.hpp"
#include "int_object.hpp"
#include "interp.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "slot_specs.hpp"
#include "str_object.hpp"
#include "tuple_object.hpp"
#include "types.hpp"

namespace eddy::rt {

// ---- calling special methods ----

Value lookup_special(Interp& in, Value obj, Str* name) { return type_lookup(type_of(in, obj), name); }

// Methods that take `self` as their first argument when called unbound (CPython's
// Py_TPFLAGS_METHOD_DESCRIPTOR): functions, native method descriptors, unbound slot wrappers.
static bool is_method_descriptor(Interp& in, Value m) {
    Type* t = type_of(in, m);
    if (t == in.types.function || t == in.types.method_descriptor) return true;
    return t->call == slot_wrapper_call && m.as<SlotWrapper>()->self.is_null();
}

Result<Value> call_unbound(Interp& in, Value method, Value self, CallArgs args) {
    if (!is_method_descriptor(in, method)) {
        DescrGetSlot get = type_of(in, method)->descr_get;
        if (get) method = EDDY_TRY(get(in, method, self, Value::from_obj(type_of(in, self))));
        return call(in, method, args);
    }
    size_t total = args.count + args.kw_count();
    constexpr size_t Small = 16;
    if (total < Small) {
        Value buf[Small];
        buf[0] = self;
        for (size_t i = 0; i < total; ++i) buf[i + 1] = args.values[i];
        return call(in, method, CallArgs{buf, args.count + 1, args.kwnames});
    }
    Tuple* holder = make_tuple(in, total + 1);   // a heap buffer the collector can see
    holder->items()[0] = self;
    for (size_t i = 0; i < total; ++i) holder->items()[i + 1] = args.values[i];
    return call(in, method, CallArgs{holder->items(), args.count + 1, args.kwnames});
}

Result<Value> call_unbound(Interp& in, Value method, Value self, std::initializer_list<Value> args) {
    return call_unbound(in, method, self, CallArgs{args.begin(), args.size(), nullptr});
}

Result<Value> call_special(Interp& in, Value self, Str* name, std::initializer_list<Value> args,
                           bool* found) {
    Value m = lookup_special(in, self, name);
    if (found) *found = !m.is_null();
    if (m.is_null()) return Value::none();
    return call_unbound(in, m, self, args);
}

// Calls a special method that must exist (the slot was filled because the type defines it).
static Result<Value> call_dunder(Interp& in, Value self, Str* name, std::initializer_list<Value> args) {
    Value m = lookup_special(in, self, name);
    if (m.is_null())
        return in.raise(in.exc.AttributeError, "'" + std::string(type_name(in, self)) +
                                                   "' object has no attribute '" +
                                                   std::string(name->view()) + "'");
    return call_unbound(in, m, self, args);
}

// ---- dispatchers ----

static Result<Value> slot_repr(Interp& in, Value self) { return call_dunder(in, self, in.names.dunder_repr, {}); }
static Result<Value> slot_str(Interp& in, Value self) { return call_dunder(in, self, in.names.dunder_str, {}); }

static Result<int64_t> slot_hash(Interp& in, Value self) {
    Value r = EDDY_TRY(call_dunder(in, self, in.names.dunder_hash, {}));
    if (!is_int(in, r))
        return in.raise(in.exc.TypeError, "__hash__ method should return an integer");
    if (auto small = int_to_int64(in, r)) return *small == -1 ? -2 : *small;
    return hash(in, r);   // a big int: reduce it as int's own hash does
}

// The int a __len__ returned, checked as CPython's slot_sq_length does.
static Result<int64_t> len_result(Interp& in, Value r) {
    if (!is_int(in, r))
        return in.raise(in.exc.TypeError, "'" + std::string(type_name(in, r)) +
                                              "' object cannot be interpreted as an integer");
    auto n = int_to_int64(in, r);
    if (!n) return in.raise(in.exc.OverflowError, "cannot fit 'int' into an index-sized integer");
    if (*n < 0) return in.raise(in.exc.ValueError, "__len__() should return >= 0");
    return *n;
}

static Result<int64_t> slot_len(Interp& in, Value self) {
    Value r = EDDY_TRY(call_dunder(in, self, in.names.dunder_len, {}));
    return len_result(in, r);
}

static Result<bool> slot_bool(Interp& in, Value self) {
    bool found = false;
    Value r = EDDY_TRY(call_special(in, self, in.names.dunder_bool, {}, &found));
    if (found) {
        if (!r.is_bool())
            return in.raise(in.exc.TypeError, "__bool__ should return bool, returned " +
                                                  std::string(type_name(in, r)));
        return r.is_true();
    }
    r = EDDY_TRY(call_special(in, self, in.names.dunder_len, {}, &found));
    if (!found) return true;
    int64_t n = EDDY_TRY(len_result(in, r));
    return n != 0;
}

static Result<Value> slot_call(Interp& in, Value self, CallArgs args) {
    Value m = lookup_special(in, self, in.names.dunder_call);
    if (m.is_null())
        return in.raise(in.exc.TypeError, "'" + std::string(type_name(in, self)) +
                                              "' object is not callable");
    return call_unbound(in, m, self, args);
}

static bool is_generic_wrapper(Interp& in, Value m, SlotGroup group) {
    if (m.is_null() || type_of(in, m)->call != slot_wrapper_call) return false;
    Type* owner = m.as<SlotWrapper>()->owner;
    if (group == SlotGroup::GetAttr) return owner->getattr == generic_get_attr;
    return owner->setattr == generic_set_attr;
}

// slot_tp_getattr_hook: __getattribute__ (the generic one when not overridden), then
// __getattr__ when that fails with AttributeError or finds nothing.
static Result<Value> slot_getattro(Interp& in, Value self, Str* name) {
    Type* t = type_of(in, self);
    Value getattribute = type_lookup(t, in.names.dunder_getattribute);
    Value getattr = type_lookup(t, in.names.dunder_getattr);
    Value name_v = Value::from_obj(name);
    Result<Value> r = is_generic_wrapper(in, getattribute, SlotGroup::GetAttr) || getattribute.is_null()
                          ? generic_get_attr(in, self, name)
                          : call_unbound(in, getattribute, self, {name_v});
    if (getattr.is_null()) return r;
    if (r.is_error()) {
        if (!in.exception_matches(in.exc.AttributeError)) return r;
        in.take_exception();
    } else if (!r.value().is_null()) {
        return r;
    }
    return call_unbound(in, getattr, self, {name_v});
}

static Status slot_setattro(Interp& in, Value self, Str* name, Value value) {
    Str* dunder = value.is_null() ? in.names.dunder_delattr : in.names.dunder_setattr;
    Value m = lookup_special(in, self, dunder);
    if (m.is_null() || is_generic_wrapper(in, m, SlotGroup::SetAttr))
        return generic_set_attr(in, self, name, value);
    Value name_v = Value::from_obj(name);
    Result<Value> r = value.is_null() ? call_unbound(in, m, self, {name_v})
                                      : call_unbound(in, m, self, {name_v, value});
    if (r.is_error()) return Error{};
    return ok();
}

static Str* spec_name(Interp& in, const SlotSpec& spec) { return in.names.*spec.name; }

static Str* name_for(Interp& in, SlotGroup group, WrapKind wrap, uint8_t op) {
    for (const SlotSpec& s : slot_specs())
        if (s.group == group && s.op == op && (wrap == WrapKind::None || s.wrap == wrap))
            return spec_name(in, s);
    return nullptr;
}

static Result<Value> slot_richcmp(Interp& in, Value a, Value b, vm::CmpOp op) {
    Str* name = name_for(in, SlotGroup::RichCmp, WrapKind::RichCmp, uint8_t(op));
    bool found = false;
    Value r = EDDY_TRY(call_special(in, a, name, {b}, &found));
    return found ? r : Value::not_implemented();
}

static Result<Value> slot_binary(Interp& in, Value a, Value b, vm::BinOp op) {
    Str* name = name_for(in, SlotGroup::Binary, WrapKind::None, uint8_t(op));
    bool found = false;
    Value r = EDDY_TRY(call_special(in, a, name, {b}, &found));
    return found ? r : Value::not_implemented();
}

// Reflected: `self` is the right operand, `other` the left one (object.hpp's rbinary contract).
static Result<Value> slot_rbinary(Interp& in, Value self, Value other, vm::BinOp op) {
    uint8_t base_op = uint8_t(op) % vm::InplaceOffset;
    Str* name = name_for(in, SlotGroup::RBinary, WrapKind::RBinary, base_op);
    bool found = false;
    Value r = EDDY_TRY(call_special(in, self, name, {other}, &found));
    return found ? r : Value::not_implemented();
}

template <Str* Names::*Field>
static Result<Value> slot_unary(Interp& in, Value self) {
    return call_dunder(in, self, in.names.*Field, {});
}

static Result<Value> slot_index(Interp& in, Value self) {
    Value r = EDDY_TRY(call_dunder(in, self, in.names.dunder_index, {}));
    if (!is_int(in, r))
        return in.raise(in.exc.TypeError, "__index__ returned non-int (type " +
                                              std::string(type_name(in, r)) + ")");
    return r;
}

static Result<Value> slot_int(Interp& in, Value self) {
    Value r = EDDY_TRY(call_dunder(in, self, in.names.dunder_int, {}));
    if (!is_int(in, r))
        return in.raise(in.exc.TypeError, "__int__ returned non-int (type " +
                                              std::string(type_name(in, r)) + ")");
    return r;
}

static Result<Value> slot_float(Interp& in, Value self) {
    Value r = EDDY_TRY(call_dunder(in, self, in.names.dunder_float, {}));
    if (!r.is_float() && !is_subtype(type_of(in, r), in.types.float_))
        return in.raise(in.exc.TypeError, std::string(type_name(in, self)) +
                                              ".__float__ returned non-float (type " +
                                              std::string(type_name(in, r)) + ")");
    return r;
}

static Result<Value> slot_iter(Interp& in, Value self) {
    Value m = lookup_special(in, self, in.names.dunder_iter);
    if (m.is_null() || m.is_none())
        return in.raise(in.exc.TypeError, "'" + std::string(type_name(in, self)) +
                                              "' object is not iterable");
    return call_unbound(in, m, self, {});
}

// __next__ raising StopIteration is "exhausted": null with no error set (object.hpp's contract).
static Result<Value> slot_next(Interp& in, Value self) {
    Result<Value> r = call_dunder(in, self, in.names.dunder_next, {});
    if (r.is_error() && in.exception_matches(in.exc.StopIteration)) {
        in.take_exception();
        return Value::null();
    }
    return r;
}

static Result<Value> slot_getitem(Interp& in, Value self, Value key) {
    return call_dunder(in, self, in.names.dunder_getitem, {key});
}

static Status slot_setitem(Interp& in, Value self, Value key, Value value) {
    Result<Value> r = value.is_null() ? call_dunder(in, self, in.names.dunder_delitem, {key})
                                      : call_dunder(in, self, in.names.dunder_setitem, {key, value});
    if (r.is_error()) return Error{};
    return ok();
}

static Result<bool> slot_contains(Interp& in, Value self, Value item) {
    bool found = false;
    Value r = EDDY_TRY(call_special(in, self, in.names.dunder_contains, {item}, &found));
    if (!found) {
        // __contains__ = None, or only inherited through a non-wrapper: iterate.
        Value it = EDDY_TRY(get_iter(in, self));
        for (;;) {
            Value v = EDDY_TRY(next(in, it));
            if (v.is_null()) return false;
            if (EDDY_TRY(equal(in, v, item))) return true;
        }
    }
    return truthy(in, r);
}

static Result<Value> slot_descr_get(Interp& in, Value descr, Value instance, Value owner) {
    Value inst = instance.is_null() ? Value::none() : instance;
    Value own = owner.is_null() ? Value::from_obj(type_of(in, instance)) : owner;
    return call_dunder(in, descr, in.names.dunder_get, {inst, own});
}

static Status slot_descr_set(Interp& in, Value descr, Value instance, Value value) {
    Result<Value> r = value.is_null() ? call_dunder(in, descr, in.names.dunder_delete, {instance})
                                      : call_dunder(in, descr, in.names.dunder_set, {instance, value});
    if (r.is_error()) return Error{};
    return ok();
}

// slot_tp_new: type.__new__ is a staticmethod in the class dict; call it with the class first.
static Result<Value> slot_new(Interp& in, Type* type, CallArgs args) {
    Value f = type_lookup(type, in.names.dunder_new);
    if (f.is_null()) return in.raise(in.exc.TypeError, "cannot create '" + type->name + "' instances");
    DescrGetSlot get = type_of(in, f)->descr_get;
    if (get) f = EDDY_TRY(get(in, f, Value::null(), Value::from_obj(type)));
    Value tv = Value::from_obj(type);
    size_t total = args.count + args.kw_count();
    Tuple* holder = make_tuple(in, total + 1);
    holder->items()[0] = tv;
    for (size_t i = 0; i < total; ++i) holder->items()[i + 1] = args.values[i];
    return call(in, f, CallArgs{holder->items(), args.count + 1, args.kwnames});
}

static Status slot_init(Interp& in, Value self, CallArgs args) {
    Value m = lookup_special(in, self, in.names.dunder_init);
    if (m.is_null()) return ok();
    Value r = EDDY_TRY(call_unbound(in, m, self, args));
    if (!r.is_none())
        return in.raise(in.exc.TypeError, "__init__() should return None, not '" +
                                              std::string(type_name(in, r)) + "'");
    return ok();
}

Function* plain_init_function(Interp& in, Type* cls) {
    if (cls->init != slot_init || cls->new_ != in.types.object->new_) return nullptr;
    Value m = type_lookup(cls, in.names.dunder_init);
    if (!m.is_obj() || m.as_obj()->type != in.types.function) return nullptr;
    return m.as<Function>();
}

// ---- choosing each slot of a heap type ----

static void set_dispatcher(Type* t, SlotGroup group) {
    using G = SlotGroup;
    switch (group) {
    case G::Repr: t->repr = slot_repr; break;
    case G::Str: t->str = slot_str; break;
    case G::Hash: t->hash = slot_hash; break;
    case G::Truth: t->truth = slot_bool; break;
    case G::Len: t->len = slot_len; break;
    case G::Call: t->call = slot_call; break;
    case G::GetAttr: t->getattr = slot_getattro; break;
    case G::SetAttr: t->setattr = slot_setattro; break;
    case G::RichCmp: t->richcmp = slot_richcmp; break;
    case G::Binary: t->binary = slot_binary; break;
    case G::RBinary: t->rbinary = slot_rbinary; break;
    case G::Neg: t->neg = slot_unary<&Names::dunder_neg>; break;
    case G::Pos: t->pos = slot_unary<&Names::dunder_pos>; break;
    case G::Invert: t->invert = slot_unary<&Names::dunder_invert>; break;
    case G::Abs: t->abs = slot_unary<&Names::dunder_abs>; break;
    case G::Index: t->index = slot_index; break;
    case G::ToInt: t->to_int = slot_int; break;
    case G::ToFloat: t->to_float = slot_float; break;
    case G::Iter: t->iter = slot_iter; break;
    case G::Next: t->next = slot_next; break;
    case G::GetItem: t->getitem = slot_getitem; break;
    case G::SetItem: t->setitem = slot_setitem; break;
    case G::Contains: t->contains = slot_contains; break;
    case G::DescrGet: t->descr_get = slot_descr_get; break;
    case G::DescrSet: t->descr_set = slot_descr_set; break;
    case G::New: t->new_ = slot_new; break;
    case G::Init: t->init = slot_init; break;
    case G::Count: break;
    }
}

// What the names of one slot group resolve to along the MRO.
struct Resolution {
    bool python = false;        // some name is defined by a non-wrapper (a Python method)
    bool none = false;          // some name is set to None (__hash__ = None)
    Type* owner = nullptr;      // the built-in type whose wrapper was found
    bool mixed = false;         // wrappers of different owners
};

static Resolution resolve_group(Interp& in, Type* t, SlotGroup group) {
    Resolution res;
    for (const SlotSpec& s : slot_specs()) {
        bool relevant = s.group == group || (group == SlotGroup::Truth && s.group == SlotGroup::Len);
        if (!relevant) continue;
        Value v = type_lookup(t, in.names.*s.name);
        if (v.is_null()) continue;
        if (v.is_none()) {
            res.none = true;
        } else if (type_of(in, v)->call == slot_wrapper_call && v.as<SlotWrapper>()->self.is_null()) {
            Type* owner = v.as<SlotWrapper>()->owner;
            if (res.owner && res.owner != owner) res.mixed = true;
            if (!res.owner) res.owner = owner;
        } else {
            res.python = true;
        }
    }
    return res;
}

void fill_heap_type_slots(Interp& in, Type* t) {
    Type* base = t->base;
    Type blank;   // every slot null: the source for disabling one
    for (int g = 0; g < int(SlotGroup::Count); ++g) copy_slot(t, base, SlotGroup(g));
    t->trace = base->trace;
    t->finalize = base->finalize;
    for (int g = 0; g < int(SlotGroup::Count); ++g) {
        auto group = SlotGroup(g);
        Resolution res = resolve_group(in, t, group);
        if (res.python || res.mixed) set_dispatcher(t, group);
        else if (res.owner) copy_slot(t, res.owner, group);
        else if (res.none) copy_slot(t, &blank, group);
    }
    // A None-valued special (`__hash__ = None`, `__iter__ = None`) disables the slot outright.
    if (type_lookup(t, in.names.dunder_hash).is_none()) t->hash = nullptr;
    if (type_lookup(t, in.names.dunder_iter).is_none()) t->iter = nullptr;
}

void update_heap_type_slots(Interp& in, Type* type) { fill_heap_type_slots(in, type); }

} // namespace eddy::rt
