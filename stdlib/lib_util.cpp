// stdlib/lib_util.cpp: helpers shared by the native modules (see lib_util.hpp). Nothing here
// knows about any one module.
#include "lib_util.hpp"

#include <cmath>
#include <vector>

#include "dict_object.hpp"
#include "module_object.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "str_object.hpp"
#include "tuple_object.hpp"

namespace eddy::lib {

void set_module_attr(Interp& in, rt::Module* module, std::string_view name, Value value) {
    rt::dict_set_str(in, module->dict, in.intern(name), value);
}

Value get_module_attr(Interp& in, rt::Module* module, std::string_view name) {
    return rt::dict_get_str(module->dict, in.intern(name));
}

Type* make_native_type(Interp& in, std::string_view name, std::string_view module,
                       uint32_t instance_size) {
    Type* t = in.heap.alloc<Type>(in.types.type);
    t->name = std::string(name);
    t->qualname = std::string(name);
    t->module = std::string(module);
    t->base = in.types.object;
    t->bases = {in.types.object};
    t->mro = {t, in.types.object};
    t->dict = rt::make_dict(in);
    t->instance_size = instance_size;
    rt::dict_set_str(in, t->dict, in.names.dunder_module, rt::str_value(in, module));
    return t;
}

// Types a module creates only from C++ (struct_time, the standard streams) refuse Python calls.
static Result<Value> native_type_no_new(Interp& in, Type* type, rt::CallArgs) {
    return in.raise(in.exc.TypeError,
                    "cannot create '" + type->module + "." + type->name + "' instances");
}

// Mirrors the slot inheritance of finish_builtin_types: whatever the type left null comes from
// object (repr, hash, getattr, richcmp, ...); object's __new__ would build the wrong layout, so a
// type without its own new_ cannot be instantiated from Python.
void finish_native_type(Interp& in, Type* type) {
    if (!type->new_) type->new_ = native_type_no_new;
    const Type* base = in.types.object;
#define EDDY_INHERIT(slot) \
    if (!type->slot) type->slot = base->slot;
    EDDY_INHERIT(repr) EDDY_INHERIT(str) EDDY_INHERIT(hash) EDDY_INHERIT(getattr)
    EDDY_INHERIT(setattr) EDDY_INHERIT(richcmp) EDDY_INHERIT(init)
#undef EDDY_INHERIT
}

Value bound_method(Interp& in, Type* type, std::string_view name, Value self) {
    Value descr = rt::dict_get_str(type->dict, in.intern(name));
    auto* fn = descr.as<rt::NativeFunction>();
    return Value::from_obj(rt::bind_native_method(in, fn, self));
}

bool is_exact_int(Interp& in, Value v) {
    if (v.is_small_int() || v.is_bool()) return true;
    return v.is_obj() && (v.as_obj()->type == in.types.int_ || v.as_obj()->type == in.types.bool_);
}

// int -> float with correct rounding (round-half-even), as PyLong_AsDouble: keep 55 leading
// bits with the rest folded into a sticky bit, let the hardware round, then scale.
static Result<double> big_to_double(Interp& in, const rt::BigValue& big) {
    rt::BigValue mag = big < 0 ? rt::BigValue(-big) : big;
    if (mag == 0) return 0.0;
    size_t bits = boost::multiprecision::msb(mag) + 1;
    double d;
    if (bits <= 63) {
        d = double(mag.convert_to<uint64_t>());
    } else {
        size_t shift = bits - 55;
        rt::BigValue low_mask = (rt::BigValue(1) << shift) - 1;
        uint64_t top = rt::BigValue(mag >> shift).convert_to<uint64_t>();
        if ((mag & low_mask) != 0) top |= 1;
        d = std::ldexp(double(top), int(shift));
    }
    if (std::isinf(d)) return in.raise(in.exc.OverflowError, "int too large to convert to float");
    return big < 0 ? -d : d;
}

Result<double> to_double(Interp& in, Value v) {
    if (v.is_float()) return v.as_float();
    if (v.is_small_int()) return double(v.as_small_int());
    if (v.is_bool()) return v.is_true() ? 1.0 : 0.0;
    if (rt::is_int(in, v)) return big_to_double(in, rt::int_to_big(in, v));
    Type* t = rt::type_of(in, v);
    if (t->to_float) {
        Value f = EDDY_TRY(t->to_float(in, v));
        if (f.is_float()) return f.as_float();
        return in.raise(in.exc.TypeError, std::string(rt::type_name(in, v)) +
                                              ".__float__ returned non-float (type " +
                                              std::string(rt::type_name(in, f)) + ")");
    }
    if (t->index) {
        Value i = EDDY_TRY(t->index(in, v));
        return to_double(in, i);
    }
    return in.raise(in.exc.TypeError,
                    "must be real number, not " + std::string(rt::type_name(in, v)));
}

Result<rt::BigValue> to_big_index(Interp& in, Value v) {
    if (v.is_small_int()) return rt::BigValue(v.as_small_int());
    if (rt::is_int(in, v)) return rt::int_to_big(in, v);
    Type* t = rt::type_of(in, v);
    if (t->index) {
        Value i = EDDY_TRY(t->index(in, v));
        if (rt::is_int(in, i)) return rt::int_to_big(in, i);
    }
    return in.raise(in.exc.TypeError, "'" + std::string(rt::type_name(in, v)) +
                                          "' object cannot be interpreted as an integer");
}

Result<Value> int_from_double(Interp& in, double d) {
    if (std::isnan(d)) return in.raise(in.exc.ValueError, "cannot convert float NaN to integer");
    if (std::isinf(d))
        return in.raise(in.exc.OverflowError, "cannot convert float infinity to integer");
    double t = std::trunc(d);
    if (std::fabs(t) < 9.2e18) return rt::make_int(in, int64_t(t));
    // |t| >= 2^63: t = m * 2^e with a 53-bit integral mantissa.
    int e = 0;
    double m = std::frexp(t, &e);
    int64_t mantissa = int64_t(std::ldexp(m, 53));
    rt::BigValue big(mantissa);
    big <<= (e - 53);
    return rt::make_int(in, big);
}

Result<Value> call_kw(Interp& in, Value callable, std::initializer_list<Value> positional,
                      std::initializer_list<std::pair<std::string_view, Value>> keywords) {
    std::vector<Value> values(positional);
    rt::Tuple* names = rt::make_tuple(in, keywords.size());
    size_t i = 0;
    for (auto& [name, value] : keywords) {
        names->items()[i++] = Value::from_obj(in.intern(name));
        values.push_back(value);
    }
    // `values` lives on the malloc heap, but every entry is also reachable from this frame's
    // arguments (callers' locals), which the conservative stack scan sees.
    rt::CallArgs args{values.data(), positional.size(), keywords.size() ? names : nullptr};
    return rt::call(in, callable, args);
}

} // namespace eddy::lib

namespace eddy::lib {

Status take_keywords(Interp& in, Value kwargs, const char* fname,
                     std::initializer_list<std::pair<const char*, Value*>> slots) {
    if (kwargs.is_null() || kwargs.is_none() || !rt::is_dict(in, kwargs)) return rt::ok();
    for (auto& e : kwargs.as<rt::Dict>()->entries) {
        if (e.key.is_null()) continue;
        std::string_view key = e.key.as<rt::Str>()->view();
        bool placed = false;
        for (auto& [name, slot] : slots) {
            if (key != name) continue;
            *slot = e.value;
            placed = true;
        }
        if (!placed)
            return in.raise(in.exc.TypeError, "'" + std::string(key) +
                                                  "' is an invalid keyword argument for " +
                                                  fname + "()");
    }
    return rt::ok();
}

} // namespace eddy::lib
