// vm/build_class.cpp: builtins.__build_class__, as CPython 3.11's builtin___build_class__
// (Python/bltinmodule.c): resolve __mro_entries__, pick the most derived metaclass, __prepare__
// the namespace, run the body with it as locals, call the metaclass, fill the __class__ cell.
#include "vm/build_class.hpp"

#include <string>
#include <vector>

#include "runtime/dict_object.hpp"
#include "runtime/function_object.hpp"
#include "runtime/interp.hpp"
#include "runtime/list_object.hpp"
#include "runtime/ops.hpp"
#include "runtime/str_object.hpp"
#include "runtime/tuple_object.hpp"
#include "vm/interpreter.hpp"

namespace eddy::vm {

using rt::Value;

namespace {

bool is_type(rt::Interp& in, Value v) {
    return v.is_obj() && rt::is_subtype(v.as_obj()->type, in.types.type);
}

// PEP 560: bases that are not classes may substitute others through __mro_entries__.
rt::Result<rt::Tuple*> update_bases(rt::Interp& in, rt::Tuple* bases) {
    rt::List* out = nullptr;
    for (size_t i = 0; i < bases->size; ++i) {
        Value b = (*bases)[i];
        Value meth = is_type(in, b) ? Value::null()
                                    : EDDY_TRY(rt::get_attr_or_null(in, b, in.names.dunder_mro_entries));
        if (meth.is_null()) {
            if (out) out->items.push_back(b);
            continue;
        }
        if (!out) out = rt::make_list(in, std::span<const Value>(bases->items(), i));
        Value entries = EDDY_TRY(rt::call(in, meth, {Value::from_obj(bases)}));
        if (!rt::is_tuple(in, entries))
            return in.raise(in.exc.TypeError, "__mro_entries__ must return a tuple");
        for (Value e : entries.as<rt::Tuple>()->span()) out->items.push_back(e);
    }
    if (!out) return bases;
    return rt::make_tuple(in, out->items);
}

rt::Result<Value> calculate_metaclass(rt::Interp& in, Value meta, rt::Tuple* bases) {
    rt::Type* winner = meta.as<rt::Type>();
    for (Value b : bases->span()) {
        rt::Type* t = rt::type_of(in, b);
        if (rt::is_subtype(winner, t)) continue;
        if (rt::is_subtype(t, winner)) {
            winner = t;
            continue;
        }
        return in.raise(in.exc.TypeError,
                        "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                        "subclass of the metaclasses of all its bases");
    }
    return Value::from_obj(winner);
}

// Calls fn(positional..., **kwds) with kwds a dict of str keys.
rt::Result<Value> call_with_kwds(rt::Interp& in, Value fn, std::initializer_list<Value> pos, rt::Dict* kwds) {
    size_t nkw = kwds ? kwds->used : 0;
    rt::Tuple* names = nkw ? rt::make_tuple(in, nkw) : nullptr;
    rt::Tuple* all = rt::make_tuple(in, pos.size() + nkw);
    size_t k = 0;
    for (Value v : pos) all->items()[k++] = v;
    size_t j = 0;
    if (kwds)
        for (auto& e : kwds->entries) {
            if (e.key.is_null()) continue;
            names->items()[j++] = e.key;
            all->items()[k++] = e.value;
        }
    return rt::call(in, fn, rt::CallArgs{all->items(), pos.size(), names});
}

} // namespace

rt::Result<Value> builtin___build_class__(rt::Interp& in, rt::Args args) {
    Value func = args[0], name = args[1];
    if (!rt::is_function(in, func))
        return in.raise(in.exc.TypeError, "__build_class__: func must be a function");
    if (!rt::is_str(in, name)) return in.raise(in.exc.TypeError, "__build_class__: name is not a string");
    rt::Tuple* orig_bases = args[2].as<rt::Tuple>();
    rt::Tuple* bases = EDDY_TRY(update_bases(in, orig_bases));
    rt::Dict* kwds = args.has(3) ? args[3].as<rt::Dict>() : nullptr;

    // 1. The metaclass: explicit, else the type of the first base, else type; then the most derived.
    Value meta = Value::null();
    rt::Str* metaclass_key = in.intern("metaclass");
    if (kwds) {
        meta = rt::dict_get_str(kwds, metaclass_key);
        if (!meta.is_null()) {
            rt::Dict* rest = rt::make_dict(in);
            for (auto& e : kwds->entries)
                if (!e.key.is_null() && !e.key.is(Value::from_obj(metaclass_key)) &&
                    !(rt::is_str(in, e.key) && e.key.as<rt::Str>()->view() == "metaclass"))
                    EDDY_CHECK(rt::dict_set(in, rest, e.key, e.value));
            kwds = rest;
        }
    }
    bool isclass = true;
    if (meta.is_null()) meta = bases->size ? Value::from_obj(rt::type_of(in, (*bases)[0])) : Value::from_obj(in.types.type);
    else isclass = is_type(in, meta);
    if (isclass) meta = EDDY_TRY(calculate_metaclass(in, meta, bases));

    // 2. The namespace: meta.__prepare__(name, bases, **kwds), or a new dict.
    Value ns;
    Value prepare = EDDY_TRY(rt::get_attr_or_null(in, meta, in.names.dunder_prepare));
    if (prepare.is_null()) {
        ns = Value::from_obj(rt::make_dict(in));
    } else {
        ns = EDDY_TRY(call_with_kwds(in, prepare, {name, Value::from_obj(bases)}, kwds));
        rt::Type* nt = rt::type_of(in, ns);
        if (!nt->getitem || !nt->setitem) {
            std::string mname = isclass ? meta.as<rt::Type>()->name : "<metaclass>";
            return in.raise(in.exc.TypeError, mname + ".__prepare__() must return a mapping, not " + nt->name);
        }
    }

    // 3. The body, with the namespace as its locals; it returns the __class__ cell (or None).
    Value cell = EDDY_TRY(call_with_locals(in, func.as<rt::Function>(), ns));
    if (bases != orig_bases)
        EDDY_CHECK(rt::set_item(in, ns, Value::from_obj(in.intern("__orig_bases__")), Value::from_obj(orig_bases)));

    // 4. The class itself, then the cell that zero-argument super() reads.
    Value cls = EDDY_TRY(call_with_kwds(in, meta, {name, Value::from_obj(bases), ns}, kwds));
    if (cell.is_obj() && cell.as_obj()->type == in.types.cell) {
        auto* c = cell.as<rt::Cell>();
        if (c->value.is_null()) c->value = cls;
    }
    if (rt::is_dict(in, ns)) {
        Value cc = rt::dict_get_str(ns.as<rt::Dict>(), in.names.dunder_classcell);
        if (cc.is_obj() && cc.as_obj()->type == in.types.cell && cc.as<rt::Cell>()->value.is_null())
            cc.as<rt::Cell>()->value = cls;
    }
    return cls;
}

} // namespace eddy::vm
