// vm/slow_paths.cpp: out-of-line opcode bodies for names, building, unpacking, functions and
// printing (see slow_paths.hpp). Each follows the CPython 3.11 ceval.c instruction it names;
// error messages are copied from there word for word.
#include "vm/slow_paths.hpp"

#include <cstdio>
#include <string>

#include "runtime/dict_object.hpp"
#include "runtime/exception_object.hpp"
#include "runtime/function_object.hpp"
#include "runtime/int_object.hpp"
#include "runtime/interp.hpp"
#include "runtime/list_object.hpp"
#include "runtime/loop/loop.hpp"
#include "runtime/module_object.hpp"
#include "runtime/native.hpp"
#include "runtime/ops.hpp"
#include "runtime/set_object.hpp"
#include "runtime/slice_object.hpp"
#include "runtime/str_object.hpp"
#include "runtime/tuple_object.hpp"
#include "runtime/types.hpp"
#include "vm/interpreter.hpp"
#include "vm/vm_state.hpp"

namespace eddy::vm {

using rt::Value;

namespace {

std::string_view local_name(rt::CodeObject* code, uint32_t index) {
    return code->localsplus_names->items()[index].as<rt::Str>()->view();
}

bool is_exact_dict(rt::Interp& in, Value v) { return v.is_obj() && v.as_obj()->type == in.types.dict; }

// Looks `name` up in a locals mapping: null when absent (KeyError swallowed), or an error.
rt::Result<Value> mapping_lookup(rt::Interp& in, Value mapping, rt::Str* name) {
    if (is_exact_dict(in, mapping)) return rt::dict_get_str(mapping.as<rt::Dict>(), name);
    Value v = rt::get_item(in, mapping, Value::from_obj(name)).value();
    if (v.is_error()) {
        if (!in.exception_matches(in.exc.KeyError)) return rt::Error{};
        in.take_exception();
        return Value::null();
    }
    return v;
}

rt::Error name_error(rt::Interp& in, rt::Str* name) {
    std::string msg = "name '" + std::string(name->view()) + "' is not defined";
    (void)in.raise(in.exc.NameError, msg);
    // CPython 3.10+ also sets NameError.name.
    rt::Value exc = in.exception();
    if (exc.is_obj() && rt::is_exception_instance(in, exc)) {
        auto* be = exc.as<rt::BaseException>();
        if (be->dict) rt::dict_set_str(in, be->dict, in.intern("name"), Value::from_obj(name));
    }
    return rt::Error{};
}

} // namespace

// ---- names and variables ----

rt::Error raise_unbound_local(rt::Interp& in, rt::CodeObject* code, uint32_t index) {
    std::string msg = "cannot access local variable '" + std::string(local_name(code, index)) +
                      "' where it is not associated with a value";
    return in.raise(in.exc.UnboundLocalError, msg);
}

rt::Error raise_unbound_deref(rt::Interp& in, rt::CodeObject* code, uint32_t index) {
    std::string name(local_name(code, code->nlocals + index));
    if (index < code->ncells)
        return in.raise(in.exc.UnboundLocalError, "cannot access local variable '" + name +
                                                      "' where it is not associated with a value");
    return in.raise(in.exc.NameError, "cannot access free variable '" + name +
                                          "' where it is not associated with a value in enclosing scope");
}

rt::Result<Value> load_global_slow(rt::Interp& in, Frame* frame, rt::Str* name) {
    Value v = rt::dict_get_str(frame->globals, name);
    if (v.is_null()) v = rt::dict_get_str(frame->builtins, name);
    if (v.is_null()) return name_error(in, name);
    return v;
}

rt::Result<Value> load_name(rt::Interp& in, Frame* frame, rt::Str* name) {
    if (!frame->locals().is_null()) {
        Value v = EDDY_TRY(mapping_lookup(in, frame->locals(), name));
        if (!v.is_null()) return v;
    }
    Value v = rt::dict_get_str(frame->globals, name);
    if (v.is_null()) v = rt::dict_get_str(frame->builtins, name);
    if (v.is_null()) return name_error(in, name);
    return v;
}

rt::Status store_name(rt::Interp& in, Frame* frame, rt::Str* name, Value value) {
    if (frame->locals().is_null()) {
        return in.raise(in.exc.SystemError,
                        "no locals found when storing '" + std::string(name->view()) + "'");
    }
    if (is_exact_dict(in, frame->locals())) {
        rt::dict_set_str(in, frame->locals().as<rt::Dict>(), name, value);
        return rt::ok();
    }
    return rt::set_item(in, frame->locals(), Value::from_obj(name), value);
}

rt::Status delete_name(rt::Interp& in, Frame* frame, rt::Str* name) {
    if (frame->locals().is_null()) {
        return in.raise(in.exc.SystemError,
                        "no locals when deleting '" + std::string(name->view()) + "'");
    }
    if (is_exact_dict(in, frame->locals())) {
        if (!rt::dict_del_str(frame->locals().as<rt::Dict>(), name)) return name_error(in, name);
        return rt::ok();
    }
    if (rt::del_item(in, frame->locals(), Value::from_obj(name)).is_error()) {
        if (in.exception_matches(in.exc.KeyError)) {
            in.take_exception();
            return name_error(in, name);
        }
        return rt::Error{};
    }
    return rt::ok();
}

rt::Status delete_global(rt::Interp& in, Frame* frame, rt::Str* name) {
    if (!rt::dict_del_str(frame->globals, name)) return name_error(in, name);
    return rt::ok();
}

rt::Result<Value> load_classderef(rt::Interp& in, Frame* frame, uint32_t index) {
    rt::CodeObject* code = frame->code;
    if (!frame->locals().is_null()) {
        auto* name = code->localsplus_names->items()[code->nlocals + index].as<rt::Str>();
        Value v = EDDY_TRY(mapping_lookup(in, frame->locals(), name));
        if (!v.is_null()) return v;
    }
    Value v = frame->localsplus()[code->nlocals + index].as<rt::Cell>()->value;
    if (v.is_null()) return raise_unbound_deref(in, code, index);
    return v;
}

rt::Result<Value> load_build_class(rt::Interp& in, Frame* frame) {
    Value v = rt::dict_get_str(frame->builtins, in.names.dunder_build_class);
    if (v.is_null()) return in.raise(in.exc.NameError, "__build_class__ not found");
    return v;
}

rt::Status load_method(rt::Interp& in, Value obj, rt::Str* name, Value* out) {
    rt::Type* t = rt::type_of(in, obj);
    if (t == in.types.super) {
        // super().name(...) with an instance bound: the function found is called with that
        // instance, as its bound method would be, without making the bound method.
        auto* s = obj.as<rt::Super>();
        if (s->obj_type && !s->obj.is(Value::from_obj(s->obj_type))) {
            Value attr = rt::super_find(in, s, name);
            if (attr.is_obj() && attr.as_obj()->type == in.types.function) {
                out[0] = attr;
                out[1] = s->obj;
                return rt::ok();
            }
        }
    }
    if (t->getattr == &rt::generic_get_attr) {
        Value attr = rt::type_lookup(t, name);
        if (attr.is_obj() && (attr.as_obj()->type == in.types.function ||
                              attr.as_obj()->type == in.types.method_descriptor)) {
            bool shadowed = false;
            if (obj.is_obj() && t->dict_offset) {
                rt::Dict* d = rt::instance_dict_slot(obj.as_obj());
                shadowed = d && !rt::dict_get_str(d, name).is_null();
            }
            if (!shadowed) {
                out[0] = attr;
                out[1] = obj;
                return rt::ok();
            }
        }
    }
    Value bound = EDDY_TRY(rt::get_attr(in, obj, name));
    out[0] = Value::null();
    out[1] = bound;
    return rt::ok();
}

// ---- operators and building ----

rt::Result<bool> truthy_slow(rt::Interp& in, Value v) { return rt::truthy(in, v); }

rt::Result<Value> build_map(rt::Interp& in, Value* items, uint32_t pairs) {
    rt::Dict* d = rt::make_dict(in);
    for (uint32_t i = 0; i < pairs; ++i) EDDY_CHECK(rt::dict_set(in, d, items[2 * i], items[2 * i + 1]));
    return Value::from_obj(d);
}

rt::Result<Value> build_const_key_map(rt::Interp& in, Value* values, uint32_t n, Value keys) {
    rt::Dict* d = rt::make_dict(in);
    auto* kt = keys.as<rt::Tuple>();
    for (uint32_t i = 0; i < n; ++i) EDDY_CHECK(rt::dict_set(in, d, kt->items()[i], values[i]));
    return Value::from_obj(d);
}

rt::Result<Value> build_set(rt::Interp& in, Value* items, uint32_t n) {
    rt::Set* s = rt::make_set(in);
    for (uint32_t i = 0; i < n; ++i) EDDY_CHECK(rt::set_add(in, s, items[i]));
    return Value::from_obj(s);
}

rt::Result<Value> build_string(rt::Interp& in, Value* items, uint32_t n) {
    return rt::str_concat(in, std::span<const Value>(items, n));   // one copy, lengths summed
}

rt::Result<Value> build_slice(rt::Interp& in, Value* items, uint32_t n) {
    Value step = n == 3 ? items[2] : Value::none();
    return Value::from_obj(rt::make_slice(in, items[0], items[1], step));
}

rt::Status list_extend(rt::Interp& in, Value list, Value iterable) {
    auto* l = list.as<rt::List>();
    if (iterable.is_obj() && iterable.as_obj()->type == in.types.tuple) {
        for (Value v : iterable.as<rt::Tuple>()->span()) l->items.push_back(v);
        return rt::ok();
    }
    rt::Type* t = rt::type_of(in, iterable);
    if (!t->iter && !t->getitem) {
        return in.raise(in.exc.TypeError, "Value after * must be an iterable, not " +
                                              std::string(t->name));
    }
    return rt::for_each(in, iterable, [&](Value v) {
        l->items.push_back(v);
        return rt::ok();
    });
}

rt::Status set_update(rt::Interp& in, Value set, Value iterable) {
    // The set's own update (a set argument merges table to table, which decides the order).
    return rt::set_update(in, set.as<rt::Set>(), iterable);
}

// Copies `mapping` into `dict`; `merge_callee` non-null means f(**m): duplicates are an error.
static rt::Status merge_mapping(rt::Interp& in, Value dict, Value mapping, Value merge_callee) {
    auto* d = dict.as<rt::Dict>();
    auto dup_check = [&](Value key) -> rt::Status {
        if (merge_callee.is_null()) return rt::ok();
        Value old = EDDY_TRY(rt::dict_get(in, d, key));
        if (old.is_null()) return rt::ok();
        std::string fname = rt::is_function(in, merge_callee)
                                ? std::string(merge_callee.as<rt::Function>()->qualname->view()) + "()"
                                : std::string(rt::type_name(in, merge_callee)) + " object";
        std::string k = rt::is_str(in, key) ? std::string(key.as<rt::Str>()->view()) : "?";
        return in.raise(in.exc.TypeError, fname + " got multiple values for keyword argument '" + k + "'");
    };
    if (is_exact_dict(in, mapping)) {
        for (auto& e : mapping.as<rt::Dict>()->entries) {
            if (e.key.is_null()) continue;
            EDDY_CHECK(dup_check(e.key));
            EDDY_CHECK(rt::dict_set(in, d, e.key, e.value));
        }
        return rt::ok();
    }
    Value keys_fn = EDDY_TRY(rt::get_attr_or_null(in, mapping, in.names.keys));
    if (keys_fn.is_null()) {
        std::string tn(rt::type_name(in, mapping));
        if (merge_callee.is_null())
            return in.raise(in.exc.TypeError, "'" + tn + "' object is not a mapping");
        std::string fname = rt::is_function(in, merge_callee)
                                ? std::string(merge_callee.as<rt::Function>()->qualname->view()) + "()"
                                : std::string(rt::type_name(in, merge_callee)) + " object";
        return in.raise(in.exc.TypeError, fname + " argument after ** must be a mapping, not " + tn);
    }
    Value keys = EDDY_TRY(rt::call(in, keys_fn, {}));
    return rt::for_each(in, keys, [&](Value key) -> rt::Status {
        Value v = EDDY_TRY(rt::get_item(in, mapping, key));
        EDDY_CHECK(dup_check(key));
        return rt::dict_set(in, d, key, v);
    });
}

rt::Status dict_update(rt::Interp& in, Value dict, Value mapping) {
    return merge_mapping(in, dict, mapping, Value::null());
}

rt::Status dict_merge(rt::Interp& in, Value callee, Value dict, Value mapping) {
    return merge_mapping(in, dict, mapping, callee.is_null() ? Value::none() : callee);
}

rt::Result<Value> list_to_tuple(rt::Interp& in, Value list) {
    return Value::from_obj(rt::make_tuple(in, list.as<rt::List>()->items));
}

rt::Result<Value> format_value(rt::Interp& in, Value value, Value spec, uint32_t flags) {
    switch (flags & 3) {
    case 1: value = EDDY_TRY(rt::str(in, value)); break;
    case 2: value = EDDY_TRY(rt::repr(in, value)); break;
    case 3: value = EDDY_TRY(rt::ascii(in, value)); break;
    default: break;
    }
    if (spec.is_null()) {
        if (value.is_obj() && value.as_obj()->type == in.types.str) return value;
        // format(i, '') of an int is str(i) (int.__format__ cannot be replaced on the builtin).
        if (value.is_small_int()) return Value::from_obj(rt::str_from_int64(in, value.as_small_int()));
        spec = Value::from_obj(in.empty_str);
    }
    return rt::format(in, value, spec);
}

// Unpacks into dest[0..n) with item 0 at dest[n-1] (so it ends on top of the stack).
rt::Status unpack_sequence(rt::Interp& in, Value seq, uint32_t n, Value* dest) {
    return unpack_ex(in, seq, n, uint32_t(-1), dest);
}

// `after == -1` means plain UNPACK_SEQUENCE (no starred target).
rt::Status unpack_ex(rt::Interp& in, Value seq, uint32_t before, uint32_t after, Value* dest) {
    bool starred = after != uint32_t(-1);
    rt::Type* t = rt::type_of(in, seq);
    if (!t->iter && !t->getitem) {
        return in.raise(in.exc.TypeError,
                        "cannot unpack non-iterable " + std::string(t->name) + " object");
    }
    rt::List* items = rt::make_list(in);
    EDDY_CHECK(rt::for_each(in, seq, [&](Value v) -> rt::Status {
        items->items.push_back(v);
        if (!starred && items->items.size() > before)
            return in.raise(in.exc.ValueError,
                            "too many values to unpack (expected " + std::to_string(before) + ")");
        return rt::ok();
    }));
    size_t got = items->items.size();
    size_t need = before + (starred ? after : 0);
    if (got < need) {
        std::string msg = "not enough values to unpack (expected ";
        if (starred) msg += "at least ";
        msg += std::to_string(need) + ", got " + std::to_string(got) + ")";
        return in.raise(in.exc.ValueError, msg);
    }
    // Stack order: the last target deepest, the first on top.
    size_t total = starred ? before + after + 1 : before;
    Value* out = dest + total;   // one past the top
    auto& v = items->items;
    for (size_t i = 0; i < before; ++i) *--out = v[i];
    if (starred) {
        size_t mid_end = got - after;
        rt::List* rest = rt::make_list(in, std::span<const Value>(v.data() + before, mid_end - before));
        *--out = Value::from_obj(rest);
        for (size_t i = mid_end; i < got; ++i) *--out = v[i];
    }
    return rt::ok();
}

rt::Result<Value> make_function_op(rt::Interp& in, Frame* frame, uint32_t flags, Value* args) {
    Value* p = args;
    Value defaults = (flags & 1) ? *p++ : Value::null();
    Value kwdefaults = (flags & 2) ? *p++ : Value::null();
    Value annotations = (flags & 4) ? *p++ : Value::null();
    Value closure = (flags & 8) ? *p++ : Value::null();
    auto* code = p->as<rt::CodeObject>();
    rt::Function* fn = rt::make_function(in, code, frame->globals);
    fn->builtins = frame->builtins;
    if (!defaults.is_null() && !defaults.is_none()) fn->defaults = defaults.as<rt::Tuple>();
    if (!kwdefaults.is_null() && !kwdefaults.is_none()) fn->kwdefaults = kwdefaults.as<rt::Dict>();
    if (!closure.is_null()) fn->closure = closure.as<rt::Tuple>();
    if (!annotations.is_null()) {
        if (rt::is_dict(in, annotations)) {
            fn->annotations = annotations.as<rt::Dict>();
        } else if (rt::is_tuple(in, annotations)) {
            rt::Dict* d = rt::make_dict(in);
            auto* t = annotations.as<rt::Tuple>();
            for (size_t i = 0; i + 1 < t->size; i += 2) EDDY_CHECK(rt::dict_set(in, d, (*t)[i], (*t)[i + 1]));
            fn->annotations = d;
        }
    }
    return Value::from_obj(fn);
}

rt::Status print_expr(rt::Interp& in, Value value) {
    if (value.is_none()) return rt::ok();
    rt::Dict* bd = in.builtins ? in.builtins->dict : nullptr;
    rt::Str* underscore = in.intern("_");
    if (bd) rt::dict_set_str(in, bd, underscore, Value::none());
    Value r = EDDY_TRY(rt::repr(in, value));
    std::string text(r.as<rt::Str>()->view());
    text += '\n';
    if (in.stdout_sink) in.stdout_sink->write(text);
    else std::fwrite(text.data(), 1, text.size(), stdout);
    if (bd) rt::dict_set_str(in, bd, underscore, value);
    return rt::ok();
}

rt::Status setup_annotations(rt::Interp& in, Frame* frame) {
    if (frame->locals().is_null()) return in.raise(in.exc.SystemError, "no locals found when setting up annotations");
    Value v = EDDY_TRY(mapping_lookup(in, frame->locals(), in.names.dunder_annotations));
    if (!v.is_null()) return rt::ok();
    return rt::set_item(in, frame->locals(), Value::from_obj(in.names.dunder_annotations),
                        Value::from_obj(rt::make_dict(in)));
}

// ---- calls ----

rt::Result<Value> call_generic(rt::Interp& in, Value callee, const Value* args, size_t npos,
                               rt::Tuple* kwnames) {
    rt::CallArgs ca{args, npos, kwnames};
    rt::Type* t = rt::type_of(in, callee);
    if (t->call) return t->call(in, callee, ca);
    return rt::call(in, callee, ca);
}

rt::Result<Value> call_function_ex(rt::Interp& in, Value callee, Value args, Value kwargs) {
    if (!rt::is_tuple(in, args)) {
        rt::Type* t = rt::type_of(in, args);
        if (!t->iter && !t->getitem) {
            std::string fname = rt::is_function(in, callee)
                                    ? std::string(callee.as<rt::Function>()->qualname->view()) + "()"
                                    : std::string(rt::type_name(in, callee)) + " object";
            return in.raise(in.exc.TypeError, fname + " argument after * must be an iterable, not " +
                                                  std::string(t->name));
        }
        rt::List* l = rt::make_list(in);
        EDDY_CHECK(list_extend(in, Value::from_obj(l), args));
        args = Value::from_obj(rt::make_tuple(in, l->items));
    }
    auto* at = args.as<rt::Tuple>();
    if (kwargs.is_null() || (rt::is_dict(in, kwargs) && kwargs.as<rt::Dict>()->used == 0))
        return call_generic(in, callee, at->items(), at->size, nullptr);
    if (!is_exact_dict(in, kwargs)) {
        rt::Dict* d = rt::make_dict(in);
        EDDY_CHECK(dict_merge(in, callee, Value::from_obj(d), kwargs));
        kwargs = Value::from_obj(d);
    }
    auto* kd = kwargs.as<rt::Dict>();
    rt::Tuple* names = rt::make_tuple(in, kd->used);
    rt::Tuple* all = rt::make_tuple(in, at->size + kd->used);
    size_t k = 0;
    for (size_t i = 0; i < at->size; ++i) all->items()[i] = (*at)[i];
    for (auto& e : kd->entries) {
        if (e.key.is_null()) continue;
        if (!rt::is_str(in, e.key)) {
            std::string fname = rt::is_function(in, callee)
                                    ? std::string(callee.as<rt::Function>()->qualname->view()) + "()"
                                    : std::string(rt::type_name(in, callee));
            return in.raise(in.exc.TypeError, fname + " keywords must be strings");
        }
        names->items()[k] = e.key;
        all->items()[at->size + k] = e.value;
        ++k;
    }
    return call_generic(in, callee, all->items(), at->size, names);
}

rt::Status safe_point(rt::Interp& in) {
    if (in.vm->interrupt_requested) {
        if (!in.vm->safe_point_hook) {
            in.vm->interrupt_requested = 0;
            EDDY_CHECK(rt::loop::keyboard_interrupt(in));
        } else {
            EDDY_CHECK(in.vm->safe_point_hook(in));
        }
    }
    if (in.heap.wants_collect()) in.heap.collect();
    return rt::ok();
}

} // namespace eddy::vm
