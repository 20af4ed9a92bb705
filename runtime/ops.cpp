// runtime/ops.cpp: conversions (repr, str, ascii, format, truth, hash, len, index), items,
// iteration and isinstance/issubclass of the object protocol (ops.hpp), after CPython's
// object.c and abstract.c. Operators are in ops_number.cpp, attributes and calls in ops_attr.cpp.
#include <cstdio>

#include "int_object.hpp"
#include "interp.hpp"
#include "iterators.hpp"
#include "ops.hpp"
#include "str_object.hpp"
#include "tuple_object.hpp"
#include "types.hpp"
#include "vm/vm_state.hpp"

namespace eddy::rt {

std::string_view type_name(const Interp& in, Value v) { return type_of(in, v)->name; }

static std::string quoted_type(Interp& in, Value v) { return "'" + std::string(type_name(in, v)) + "'"; }

// ---- native recursion ----

Status enter_recursive_call(Interp& in, const char* where) {
    vm::VmState& vm = *in.vm;
    char here;
    if (vm.depth >= vm.recursion_limit || vm.native_stack_used(&here) > vm::NativeStackBudget)
        return in.raise(in.exc.RecursionError, std::string("maximum recursion depth exceeded") + where);
    ++vm.depth;
    return ok();
}

void leave_recursive_call(Interp& in) { --in.vm->depth; }

Status check_native_stack(Interp& in) {
    char here;
    if (in.vm->native_stack_used(&here) > vm::NativeStackBudget)
        return in.raise(in.exc.RecursionError, "maximum recursion depth exceeded");
    return ok();
}

// ---- conversions ----

// The repr slot's result, checked to be a str. Only containers recurse, and they are objects.
static Result<Value> repr_guarded(Interp& in, Value v, ReprSlot slot) {
    EDDY_CHECK(enter_recursive_call(in, " while getting the repr of an object"));
    Result<Value> r = slot ? slot(in, v) : object_repr(in, v);
    leave_recursive_call(in);
    return r;
}

Result<Value> repr(Interp& in, Value v) {
    ReprSlot slot = type_of(in, v)->repr;
    Value r = EDDY_TRY(v.is_obj() ? repr_guarded(in, v, slot) : slot ? slot(in, v) : object_repr(in, v));
    if (!is_str(in, r))
        return in.raise(in.exc.TypeError, "__repr__ returned non-string (type " +
                                              std::string(type_name(in, r)) + ")");
    return r;
}

Result<Value> str(Interp& in, Value v) {
    if (v.is_small_int()) return Value::from_obj(str_from_int64(in, v.as_small_int()));
    Type* t = type_of(in, v);
    if (t == in.types.str) return v;
    ReprSlot slot = t->str ? t->str : t->repr;
    EDDY_CHECK(enter_recursive_call(in, " while getting the str of an object"));
    Result<Value> res = slot ? slot(in, v) : object_repr(in, v);
    leave_recursive_call(in);
    Value r = EDDY_TRY(res);
    if (!is_str(in, r))
        return in.raise(in.exc.TypeError, "__str__ returned non-string (type " +
                                              std::string(type_name(in, r)) + ")");
    return r;
}

// Decodes one UTF-8 code point at s[i], advancing i (the input is valid UTF-8).
static char32_t decode_utf8(std::string_view s, size_t& i) {
    auto c = static_cast<unsigned char>(s[i++]);
    if (c < 0x80) return c;
    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
    char32_t cp = c & (0x3F >> extra);
    for (int k = 0; k < extra && i < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
    return cp;
}

// ascii(): repr with every non-ASCII code point escaped as \xNN, \uNNNN or \UNNNNNNNN.
Result<Value> ascii(Interp& in, Value v) {
    Value r = EDDY_TRY(repr(in, v));
    Str* s = r.as<Str>();
    if (s->ascii) return r;
    std::string out;
    std::string_view text = s->view();
    for (size_t i = 0; i < text.size();) {
        char32_t cp = decode_utf8(text, i);
        char buf[16];
        if (cp < 0x80) out += char(cp);
        else if (cp < 0x100) { std::snprintf(buf, sizeof buf, "\\x%02x", unsigned(cp)); out += buf; }
        else if (cp < 0x10000) { std::snprintf(buf, sizeof buf, "\\u%04x", unsigned(cp)); out += buf; }
        else { std::snprintf(buf, sizeof buf, "\\U%08x", unsigned(cp)); out += buf; }
    }
    return str_value(in, out);
}

// PyObject_Format: type(v).__format__(v, spec), which must return a str.
Result<Value> format(Interp& in, Value v, Value spec) {
    if (spec.is_null()) spec = Value::from_obj(in.empty_str);
    bool empty = is_str(in, spec) && spec.as<Str>()->size == 0;
    if (empty && type_of(in, v) == in.types.str) return v;
    if (empty && v.is_small_int()) return Value::from_obj(str_from_int64(in, v.as_small_int()));
    Value m = lookup_special(in, v, in.names.dunder_format);
    if (m.is_null())
        return in.raise(in.exc.TypeError, "Type " + std::string(type_name(in, v)) +
                                              " doesn't define __format__");
    Value r = EDDY_TRY(call_unbound(in, m, v, {spec}));
    if (!is_str(in, r))
        return in.raise(in.exc.TypeError, "__format__ must return a str, not " +
                                              std::string(type_name(in, r)));
    return r;
}

// PyObject_IsTrue: the immediates inline, then __bool__, then __len__, else true.
Result<bool> truthy(Interp& in, Value v) {
    if (v.is_bool()) return v.is_true();
    if (v.is_none()) return false;
    if (v.is_small_int()) return v.as_small_int() != 0;
    if (v.is_float()) return v.as_float() != 0.0;
    Type* t = type_of(in, v);
    if (t->truth) return t->truth(in, v);
    if (t->len) {
        int64_t n = EDDY_TRY(t->len(in, v));
        return n != 0;
    }
    return true;
}

Result<int64_t> hash(Interp& in, Value v) {
    HashSlot slot = type_of(in, v)->hash;
    if (!slot) return in.raise(in.exc.TypeError, "unhashable type: " + quoted_type(in, v));
    // Tuples hash their items: deeply nested ones must not overflow the native stack.
    if (v.is_obj() && v.as_obj()->type == in.types.tuple) EDDY_CHECK(check_native_stack(in));
    return slot(in, v);
}

Result<int64_t> length(Interp& in, Value v) {
    LenSlot slot = type_of(in, v)->len;
    if (!slot) return in.raise(in.exc.TypeError, "object of type " + quoted_type(in, v) + " has no len()");
    return slot(in, v);
}

Result<int64_t> index_as_int64(Interp& in, Value v) {
    if (v.is_small_int()) return v.as_small_int();
    if (v.is_bool()) return int64_t(v.is_true());
    Value i = v;
    if (!is_int(in, v)) {
        UnarySlot slot = type_of(in, v)->index;
        if (!slot)
            return in.raise(in.exc.TypeError, quoted_type(in, v) +
                                                  " object cannot be interpreted as an integer");
        i = EDDY_TRY(slot(in, v));
    }
    auto n = int_to_int64(in, i);
    if (!n)
        return in.raise(in.exc.OverflowError, "Python int too large to convert to C ssize_t");
    return *n;
}

Result<std::string> repr_string(Interp& in, Value v) {
    Value r = EDDY_TRY(repr(in, v));
    return std::string(r.as<Str>()->view());
}

// ---- items ----

Result<Value> get_item(Interp& in, Value container, Value key) {
    Type* t = type_of(in, container);
    if (t->getitem) return t->getitem(in, container, key);
    // list[int] & co.: a class may define __class_getitem__ (PEP 560).
    if (is_subtype(t, in.types.type)) {
        Value m = type_lookup(container.as<Type>(), in.names.dunder_class_getitem);
        if (!m.is_null()) {
            DescrGetSlot get = type_of(in, m)->descr_get;
            if (get) m = EDDY_TRY(get(in, m, Value::null(), container));
            return call(in, m, {key});
        }
        return in.raise(in.exc.TypeError, "type '" + container.as<Type>()->name +
                                              "' is not subscriptable");
    }
    return in.raise(in.exc.TypeError, quoted_type(in, container) + " object is not subscriptable");
}

Status set_item(Interp& in, Value container, Value key, Value value) {
    SetItemSlot slot = type_of(in, container)->setitem;
    if (!slot)
        return in.raise(in.exc.TypeError, quoted_type(in, container) +
                                              " object does not support item assignment");
    return slot(in, container, key, value);
}

Status del_item(Interp& in, Value container, Value key) {
    SetItemSlot slot = type_of(in, container)->setitem;
    if (!slot)
        return in.raise(in.exc.TypeError, quoted_type(in, container) +
                                              " object doesn't support item deletion");
    return slot(in, container, key, Value::null());
}

// ---- iteration ----

// PyObject_GetIter: __iter__, else the __getitem__ sequence protocol (not for dicts).
Result<Value> get_iter(Interp& in, Value iterable) {
    Type* t = type_of(in, iterable);
    if (t->iter) {
        Value it = EDDY_TRY(t->iter(in, iterable));
        if (!type_of(in, it)->next)
            return in.raise(in.exc.TypeError, "iter() returned non-iterator of type " +
                                                  quoted_type(in, it));
        return it;
    }
    if (t->getitem && !is_subtype(t, in.types.dict)) return make_seq_iterator(in, iterable);
    return in.raise(in.exc.TypeError, quoted_type(in, iterable) + " object is not iterable");
}

Result<Value> next(Interp& in, Value iterator) {
    NextSlot slot = type_of(in, iterator)->next;
    if (!slot) return in.raise(in.exc.TypeError, quoted_type(in, iterator) + " object is not an iterator");
    return slot(in, iterator);
}

// ---- isinstance / issubclass ----

static bool is_type(Interp& in, Value v) { return is_subtype(type_of(in, v), in.types.type); }

Result<bool> is_instance(Interp& in, Value obj, Value cls) {
    Type* ot = type_of(in, obj);
    if (cls.is(Value::from_obj(ot))) return true;
    if (is_type(in, cls) && type_of(in, cls) == in.types.type) return is_subtype(ot, cls.as<Type>());
    if (is_tuple(in, cls)) {
        for (Value c : cls.as<Tuple>()->span())
            if (EDDY_TRY(is_instance(in, obj, c))) return true;
        return false;
    }
    Value check = lookup_special(in, cls, in.names.dunder_instancecheck);
    if (!check.is_null()) {
        Value r = EDDY_TRY(call_unbound(in, check, cls, {obj}));
        return truthy(in, r);
    }
    return in.raise(in.exc.TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
}

Result<bool> is_subclass(Interp& in, Value cls, Value target) {
    if (is_type(in, target) && type_of(in, target) == in.types.type) {
        if (!is_type(in, cls)) return in.raise(in.exc.TypeError, "issubclass() arg 1 must be a class");
        return is_subtype(cls.as<Type>(), target.as<Type>());
    }
    if (is_tuple(in, target)) {
        for (Value c : target.as<Tuple>()->span())
            if (EDDY_TRY(is_subclass(in, cls, c))) return true;
        return false;
    }
    Value check = lookup_special(in, target, in.names.dunder_subclasscheck);
    if (!check.is_null()) {
        Value r = EDDY_TRY(call_unbound(in, check, target, {cls}));
        return truthy(in, r);
    }
    return in.raise(in.exc.TypeError,
                    "issubclass() arg 2 must be a class, a tuple of classes, or a union");
}

} // namespace eddy::rt
