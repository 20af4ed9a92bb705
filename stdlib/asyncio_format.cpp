// stdlib/asyncio_format.cpp: how asyncio names a callback in its reprs and reports, as CPython
// 3.11's Lib/asyncio/format_helpers.py does ("name(args) at file:line"), with the arguments
// shortened as reprlib.repr shortens them, and a future's "cb=[...]" (base_futures.py). Used by
// the Handle and Future reprs and by the loop's "Exception in callback" report; nothing here is
// on a hot path.
#include <span>
#include <string>

#include "asyncio_internal.hpp"
#include "dict_object.hpp"
#include "function_object.hpp"
#include "list_object.hpp"
#include "ops.hpp"
#include "str_object.hpp"
#include "tuple_object.hpp"
#include "types.hpp"
#include "unicode.hpp"
#include "vm/vm_state.hpp"

namespace eddy::lib {

namespace {

// reprlib.Repr's defaults (the module-level reprlib.repr asyncio uses).
constexpr int MaxLevel = 6;
constexpr size_t MaxTuple = 6, MaxList = 6, MaxDict = 4, MaxSet = 6, MaxDeque = 6;
constexpr size_t MaxString = 30, MaxLong = 40, MaxOther = 30;
constexpr const char* Fill = "...";

// s[a:] and s[:b] of UTF-8 text by code points, with Python's meaning of a negative start.
std::string_view cp_from(std::string_view s, size_t length, int64_t start) {
    if (start < 0) start = std::max<int64_t>(0, start + int64_t(length));
    return s.substr(rt::uni::offset_of(s, size_t(start)));
}
std::string_view cp_upto(std::string_view s, size_t end) { return s.substr(0, rt::uni::offset_of(s, end)); }

// The middle of a text longer than `max` code points gives way to "..." (repr_int's and
// repr_instance's cut: s[:i] + fillvalue + s[len(s)-j:]).
std::string cut(std::string s, size_t max) {
    size_t n = rt::uni::count(s);
    if (n <= max) return s;
    size_t i = (max - 3) / 2, j = max - 3 - i;
    return std::string(cp_upto(s, i)) + Fill + std::string(cp_from(s, n, int64_t(n - j)));
}

Result<std::string> repr1(Interp& in, Value x, int level);

// Repr.repr_instance: the repr cut to MaxOther, or a made-up one when __repr__ raises.
Result<std::string> repr_instance(Interp& in, Value x) {
    Result<std::string> r = rt::repr_string(in, x);
    if (!r.is_error()) return cut(r.value(), MaxOther);
    if (!in.exception_matches(in.exc.Exception)) return rt::Error{};
    in.take_exception();
    const void* id = x.is_obj() ? static_cast<const void*>(x.as_obj()) : nullptr;
    return "<" + std::string(rt::type_name(in, x)) + " instance at " + rt::address_string(id) + ">";
}

// Repr.repr_str: the repr of the first MaxString characters; when that is too long, the repr
// of the ends with "..." between them.
std::string repr_str(rt::Str* x) {
    std::string_view v = x->view();
    std::string s = rt::str_repr_text(cp_upto(v, std::min(x->length, MaxString)));
    size_t n = rt::uni::count(s);
    if (n <= MaxString) return s;
    size_t i = (MaxString - 3) / 2, j = MaxString - 3 - i;
    std::string ends = std::string(cp_upto(v, i)) + std::string(cp_from(v, x->length, int64_t(x->length) - int64_t(j)));
    s = rt::str_repr_text(ends);
    n = rt::uni::count(s);
    return std::string(cp_upto(s, i)) + Fill + std::string(cp_from(s, n, int64_t(n - j)));
}

// _possibly_sorted: the items of `x` sorted, or in their own order when they do not compare.
Result<rt::List*> possibly_sorted(Interp& in, Value x) {
    rt::List* items = EDDY_TRY(rt::list_from_iterable(in, x));
    if (!rt::list_sort(in, items, Value::none(), false).is_error()) return items;
    if (!in.exception_matches(in.exc.Exception)) return rt::Error{};
    in.take_exception();
    return rt::list_from_iterable(in, x);
}

// Repr._repr_iterable: at most `max_items` items, "..." for the rest or past the depth limit;
// `trail` ends a one-item form ("(1,)").
Result<std::string> repr_iterable(Interp& in, Value x, int level, const std::string& left, std::string right,
                                  size_t max_items, const char* trail = "") {
    int64_t n = EDDY_TRY(rt::length(in, x));
    std::string s;
    if (level <= 0 && n) {
        s = Fill;
    } else {
        Value it = EDDY_TRY(rt::get_iter(in, x));
        for (size_t k = 0; k < max_items; k++) {
            Value item = EDDY_TRY(rt::next(in, it));
            if (item.is_null()) break;
            if (k) s += ", ";
            s += EDDY_TRY(repr1(in, item, level - 1));
        }
        if (n > int64_t(max_items)) s += std::string(s.empty() ? "" : ", ") + Fill;
        if (n == 1 && *trail) right = trail + right;
    }
    return left + s + right;
}

Result<std::string> repr_set(Interp& in, Value x, int level, bool frozen) {
    if (!EDDY_TRY(rt::truthy(in, x))) return std::string(frozen ? "frozenset()" : "set()");
    rt::List* items = EDDY_TRY(possibly_sorted(in, x));
    return repr_iterable(in, Value::from_obj(items), level, frozen ? "frozenset({" : "{", frozen ? "})" : "}",
                         MaxSet);
}

Result<std::string> repr_dict(Interp& in, Value x, int level) {
    int64_t n = EDDY_TRY(rt::length(in, x));
    if (n == 0) return std::string("{}");
    if (level <= 0) return "{" + std::string(Fill) + "}";
    rt::List* keys = EDDY_TRY(possibly_sorted(in, x));
    std::string s;
    for (size_t k = 0; k < keys->items.size() && k < MaxDict; k++) {
        Value key = keys->items[k];
        std::string kr = EDDY_TRY(repr1(in, key, level - 1));
        Value value = EDDY_TRY(rt::get_item(in, x, key));
        std::string vr = EDDY_TRY(repr1(in, value, level - 1));
        s += (k ? ", " : "") + kr + ": " + vr;
    }
    if (n > int64_t(MaxDict)) s += std::string(", ") + Fill;
    return "{" + s + "}";
}

// Repr.repr1: chosen by the type's name, as reprlib does (a subclass is an "instance").
Result<std::string> repr1(Interp& in, Value x, int level) {
    std::string_view name = rt::type_name(in, x);
    if (name == "tuple") return repr_iterable(in, x, level, "(", ")", MaxTuple, ",");
    if (name == "list") return repr_iterable(in, x, level, "[", "]", MaxList);
    if (name == "set" || name == "frozenset") return repr_set(in, x, level, name == "frozenset");
    if (name == "deque") return repr_iterable(in, x, level, "deque([", "])", MaxDeque);
    if (name == "dict") return repr_dict(in, x, level);
    if (name == "str" && rt::is_str(in, x)) return repr_str(x.as<rt::Str>());
    if (name == "int") return cut(EDDY_TRY(rt::repr_string(in, x)), MaxLong);
    return repr_instance(in, x);
}

// isinstance(v, functools.<cls>): none can exist before functools is imported.
Result<bool> is_functools(Interp& in, Value v, const char* cls) {
    Value mod = rt::dict_get_str(in.modules, in.intern("functools"));
    if (mod.is_null()) return false;
    Value type = EDDY_TRY(rt::get_attr_or_null(in, mod, in.intern(cls)));
    if (type.is_null() || !rt::is_subtype(rt::type_of(in, type), in.types.type)) return false;
    return rt::is_instance(in, v, type);
}

// inspect.unwrap: follows __wrapped__ to the end of the chain.
Result<Value> unwrap(Interp& in, Value func) {
    rt::List* seen = rt::make_list(in, {{func}});   // holds the chain, as inspect's memo does
    rt::Str* wrapped = in.intern("__wrapped__");
    for (;;) {
        Value next = EDDY_TRY(rt::get_attr_or_null(in, func, wrapped));
        if (next.is_null()) return func;
        func = next;
        bool loop = seen->items.size() >= size_t(in.vm->recursion_limit);
        for (Value v : seen->items) loop |= v.is(func);
        if (loop) {
            std::string r = EDDY_TRY(rt::repr_string(in, seen->items[0]));
            return in.raise(in.exc.ValueError, "wrapper loop when unwrapping " + r);
        }
        seen->items.push_back(func);
    }
}

// _get_function_source: " at file:line" of the function under wrappers and partials, or "".
Result<std::string> function_source(Interp& in, Value func) {
    func = EDDY_TRY(unwrap(in, func));
    if (rt::is_function(in, func)) {
        rt::CodeObject* code = func.as<rt::Function>()->code;
        return " at " + std::string(code->filename->view()) + ":" + std::to_string(code->code->first_line);
    }
    if (EDDY_TRY(is_functools(in, func, "partial")) || EDDY_TRY(is_functools(in, func, "partialmethod")))
        return function_source(in, EDDY_TRY(rt::get_attr(in, func, in.intern("func"))));
    return std::string();
}

// _format_args_and_kwargs: "(1, 'two', k=3)", each value through reprlib.repr.
Result<std::string> format_args(Interp& in, std::span<const Value> args, Value kwargs) {
    std::string s;
    for (Value a : args) s += (s.empty() ? "" : ", ") + EDDY_TRY(repr1(in, a, MaxLevel));
    if (!kwargs.is_null() && EDDY_TRY(rt::truthy(in, kwargs))) {
        Value items = EDDY_TRY(rt::call_method(in, kwargs, in.intern("items"), {}));
        EDDY_CHECK(rt::for_each(in, items, [&](Value kv) -> Status {
            Value k = EDDY_TRY(rt::get_item(in, kv, Value::from_small_int(0)));
            Value v = EDDY_TRY(rt::get_item(in, kv, Value::from_small_int(1)));
            Value ks = EDDY_TRY(rt::str(in, k));
            s += (s.empty() ? "" : ", ") + std::string(ks.as<rt::Str>()->view()) + "=" +
                 EDDY_TRY(repr1(in, v, MaxLevel));
            return rt::ok();
        }));
    }
    return "(" + s + ")";
}

// A name attribute when present and true (the `hasattr(f, n) and f.n` of _format_callback).
Result<Value> true_attr(Interp& in, Value func, rt::Str* name) {
    Value v = EDDY_TRY(rt::get_attr_or_null(in, func, name));
    if (v.is_null() || !EDDY_TRY(rt::truthy(in, v))) return Value::null();
    return v;
}

// _format_callback: a partial shows its own arguments, then the call's ("f(1)(2)").
Result<std::string> format_callback(Interp& in, Value func, std::span<const Value> args, Value kwargs,
                                    const std::string& suffix) {
    if (EDDY_TRY(is_functools(in, func, "partial"))) {
        std::string s = EDDY_TRY(format_args(in, args, kwargs)) + suffix;
        Value inner = EDDY_TRY(rt::get_attr(in, func, in.intern("func")));
        Value pargs = EDDY_TRY(rt::get_attr(in, func, in.intern("args")));
        Value pkw = EDDY_TRY(rt::get_attr(in, func, in.intern("keywords")));
        rt::List* items = EDDY_TRY(rt::list_from_iterable(in, pargs));   // the partial's arguments
        return format_callback(in, inner, items->items, pkw, s);
    }
    Value name = EDDY_TRY(true_attr(in, func, in.names.dunder_qualname));
    if (name.is_null()) name = EDDY_TRY(true_attr(in, func, in.names.dunder_name));
    std::string text = name.is_null() ? EDDY_TRY(rt::repr_string(in, func))
                                      : std::string(EDDY_TRY(rt::str(in, name)).as<rt::Str>()->view());
    return text + EDDY_TRY(format_args(in, args, kwargs)) + suffix;
}

// One entry of a future's callbacks: a task stands for its wake-up method.
Result<std::string> format_done_callback(Interp& in, Value cb) {
    if (rt::loop::is_task(in, cb)) return rt::type_of(in, cb)->qualname + ".task_wakeup()";
    return format_callback_source(in, cb, {});
}

} // namespace

Result<std::string> reprlib_repr(Interp& in, Value v) { return repr1(in, v, MaxLevel); }

Result<std::string> format_callback_source(Interp& in, Value func, std::span<const Value> args) {
    std::string text = EDDY_TRY(format_callback(in, func, args, Value::null(), ""));
    return text + EDDY_TRY(function_source(in, func));
}

Result<std::string> handle_callback_text(Interp& in, rt::loop::Handle* h) {
    Value cb = h->callback;
    if (h->one_arg) return format_callback_source(in, cb, std::span<const Value>(&h->args, 1));
    if (h->args.is_null()) return format_callback_source(in, cb, {});
    auto* t = h->args.as<rt::Tuple>();
    return format_callback_source(in, cb, std::span<const Value>(t->items(), t->size));
}

Result<std::string> format_callbacks(Interp& in, Value callbacks) {
    if (callbacks.is_null()) return std::string();
    if (!rt::is_list(in, callbacks)) return "cb=[" + EDDY_TRY(format_done_callback(in, callbacks)) + "]";
    rt::List* l = callbacks.as<rt::List>();
    size_t n = l->items.size();
    if (n == 0) return std::string();
    Value first = l->items[0], last = l->items[n - 1];
    std::string s = EDDY_TRY(format_done_callback(in, first));
    if (n > 2) s += ", <" + std::to_string(n - 2) + " more>";
    if (n > 1) s += ", " + EDDY_TRY(format_done_callback(in, last));
    return "cb=[" + s + "]";
}

} // namespace eddy::lib
