// runtime/mapping_proxy.cpp: mappingproxy, the read-only view of a mapping that a class's
// __dict__ returns (CPython's descrobject.c). Reads go to the mapping; there is no way to write
// through it, so every change to a class namespace goes through type.__setattr__ and bumps the
// type's version tag (the VM's attribute caches depend on that).
#include <string>

#include "dict_object.hpp"
#include "interp.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "str_object.hpp"

namespace eddy::rt {

namespace {

struct MappingProxy : Obj {
    Value mapping = Value::null();
};

Value mapping_of(Value self) { return self.as<MappingProxy>()->mapping; }

// PyMapping_Check minus lists and tuples, which have __getitem__ but are not mappings.
bool is_mapping(Interp& in, Value v) {
    Type* t = type_of(in, v);
    return t->getitem && !is_subtype(t, in.types.list) && !is_subtype(t, in.types.tuple);
}

Result<Value> proxy_new(Interp& in, Type* type, CallArgs args) {
    if (args.kw_count() || args.count != 1) {
        if (args.kw_count() == 0)
            return in.raise(in.exc.TypeError, "mappingproxy() takes exactly one argument (" +
                                                  std::to_string(args.count) + " given)");
        return in.raise(in.exc.TypeError, "mappingproxy() takes no keyword arguments");
    }
    Value mapping = args.values[0];
    if (!is_mapping(in, mapping))
        return in.raise(in.exc.TypeError, "mappingproxy() argument must be a mapping, not " +
                                              std::string(type_name(in, mapping)));
    MappingProxy* p = in.heap.alloc<MappingProxy>(type);
    p->mapping = mapping;
    return Value::from_obj(p);
}

Result<Value> proxy_repr(Interp& in, Value self) {
    std::string inner = EDDY_TRY(repr_string(in, mapping_of(self)));
    return str_value(in, "mappingproxy(" + inner + ")");
}

Result<Value> proxy_str(Interp& in, Value self) { return str(in, mapping_of(self)); }

Result<int64_t> proxy_len(Interp& in, Value self) { return length(in, mapping_of(self)); }

Result<Value> proxy_getitem(Interp& in, Value self, Value key) { return get_item(in, mapping_of(self), key); }

// No __setitem__/__delitem__: the messages CPython gives for a mapping without them.
Status proxy_setitem(Interp& in, Value, Value, Value value) {
    return in.raise(in.exc.TypeError, value.is_null()
                                          ? "'mappingproxy' object does not support item deletion"
                                          : "'mappingproxy' object does not support item assignment");
}

Result<bool> proxy_contains(Interp& in, Value self, Value key) {
    Value m = mapping_of(self);
    if (m.is_obj() && m.as_obj()->type == in.types.dict) {
        Value v = EDDY_TRY(dict_get(in, m.as<Dict>(), key));
        return !v.is_null();
    }
    return contains(in, m, key);
}

Result<Value> proxy_iter(Interp& in, Value self) { return get_iter(in, mapping_of(self)); }

Result<Value> proxy_richcmp(Interp& in, Value a, Value b, vm::CmpOp op) {
    return compare(in, mapping_of(a), b, op);
}

// `proxy | other` and `other | proxy` act on the mapping; `|=` is refused (it would write).
Result<Value> proxy_binary(Interp& in, Value a, Value b, vm::BinOp op) {
    if (op == vm::BinOp::InplaceOr)
        return in.raise(in.exc.TypeError, "'|=' is not supported by mappingproxy; use '|' instead");
    if (op != vm::BinOp::Or) return Value::not_implemented();
    if (type_of(in, b) == in.types.mappingproxy) b = mapping_of(b);
    return binary_op(in, mapping_of(a), b, vm::BinOp::Or);
}

Result<Value> proxy_rbinary(Interp& in, Value self, Value other, vm::BinOp op) {
    if (op != vm::BinOp::Or) return Value::not_implemented();
    return binary_op(in, other, mapping_of(self), vm::BinOp::Or);
}

Result<Value> proxy_get(Interp& in, Args args) {
    return call_method(in, mapping_of(args[0]), in.names.get, {args[1], args[2]});
}

Result<Value> proxy_keys(Interp& in, Args args) { return call_method(in, mapping_of(args[0]), in.names.keys, {}); }
Result<Value> proxy_values(Interp& in, Args args) { return call_method(in, mapping_of(args[0]), in.names.values, {}); }
Result<Value> proxy_items(Interp& in, Args args) { return call_method(in, mapping_of(args[0]), in.names.items, {}); }
Result<Value> proxy_copy(Interp& in, Args args) { return call_method(in, mapping_of(args[0]), in.intern("copy"), {}); }
Result<Value> proxy_reversed(Interp& in, Args args) {
    return call_method(in, mapping_of(args[0]), in.names.dunder_reversed, {});
}
Result<Value> proxy_dunder_getitem(Interp& in, Args args) { return proxy_getitem(in, args[0], args[1]); }
Result<Value> proxy_dunder_len(Interp& in, Args args) {
    int64_t n = EDDY_TRY(proxy_len(in, args[0]));
    return Value::from_small_int(n);
}
Result<Value> proxy_dunder_contains(Interp& in, Args args) {
    bool r = EDDY_TRY(proxy_contains(in, args[0], args[1]));
    return Value::boolean(r);
}
Result<Value> proxy_dunder_iter(Interp& in, Args args) { return proxy_iter(in, args[0]); }

void proxy_trace(Obj* self, Tracer& t) { t.mark(static_cast<MappingProxy*>(self)->mapping); }

} // namespace

Value make_mapping_proxy(Interp& in, Value mapping) {
    MappingProxy* p = in.heap.alloc<MappingProxy>(in.types.mappingproxy);
    p->mapping = mapping;
    return Value::from_obj(p);
}

void init_mapping_proxy_type(Interp& in) {
    Type* t = in.types.mappingproxy;
    t->base = in.types.object;
    t->instance_size = sizeof(MappingProxy);
    t->new_ = proxy_new;
    t->repr = proxy_repr;
    t->str = proxy_str;
    t->len = proxy_len;
    t->getitem = proxy_getitem;
    t->setitem = proxy_setitem;
    t->contains = proxy_contains;
    t->iter = proxy_iter;
    t->richcmp = proxy_richcmp;
    t->binary = proxy_binary;
    t->rbinary = proxy_rbinary;
    t->trace = proxy_trace;
    add_methods(in, t, {
        {"get(self, key, default=None, /)", proxy_get},
        {"keys(self, /)", proxy_keys},
        {"values(self, /)", proxy_values},
        {"items(self, /)", proxy_items},
        {"copy(self, /)", proxy_copy},
        {"__reversed__(self, /)", proxy_reversed},
        {"__getitem__(self, key, /)", proxy_dunder_getitem},
        {"__len__(self, /)", proxy_dunder_len},
        {"__contains__(self, key, /)", proxy_dunder_contains},
        {"__iter__(self, /)", proxy_dunder_iter},
    });
}

} // namespace eddy::rt
