// stdlib/builtins_numeric.cpp: the numeric and reducing builtins (abs, bin/oct/hex, chr/ord,
// divmod, pow, round, sum, min, max, all, any, sorted), after CPython 3.11's
// Python/bltinmodule.c, with its fast paths for ints and floats and its exact messages.
#include <cmath>
#include <string>

#include "builtins_internal.hpp"
#include "list_object.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "str_object.hpp"
#include "tuple_object.hpp"
#include "types.hpp"

namespace eddy::lib {

using rt::BigValue;

namespace {

std::string tname(Interp& in, Value v) { return std::string(rt::type_name(in, v)); }

Result<Value> builtin_abs(Interp& in, Args args) {
    Value v = args[0];
    Type* t = rt::type_of(in, v);
    if (!t->abs) return in.raise(in.exc.TypeError, "bad operand type for abs(): '" + tname(in, v) + "'");
    return t->abs(in, v);
}

// bin/oct/hex: PyNumber_ToBase, "-0x1f" for negatives.
Result<Value> int_in_base(Interp& in, Value v, unsigned shift, const char* prefix) {
    BigValue n = EDDY_TRY(to_big_index(in, v));
    bool negative = n < 0;
    if (negative) n = -n;
    std::string digits;
    unsigned mask = (1u << shift) - 1;
    do {
        digits.push_back("0123456789abcdef"[(n & mask).convert_to<unsigned>()]);
        n >>= shift;
    } while (n != 0);
    std::string text = negative ? "-" : "";
    text += prefix;
    text.append(digits.rbegin(), digits.rend());
    return rt::str_value(in, text);
}

Result<Value> builtin_bin(Interp& in, Args args) { return int_in_base(in, args[0], 1, "0b"); }
Result<Value> builtin_oct(Interp& in, Args args) { return int_in_base(in, args[0], 3, "0o"); }
Result<Value> builtin_hex(Interp& in, Args args) { return int_in_base(in, args[0], 4, "0x"); }

Result<Value> builtin_chr(Interp& in, Args args) {
    int64_t cp = EDDY_TRY(rt::index_as_int64(in, args[0]));
    return rt::str_chr(in, cp);
}

Result<Value> builtin_ord(Interp& in, Args args) {
    int64_t cp = EDDY_TRY(rt::str_ord(in, args[0]));
    return rt::make_int(in, cp);
}

// float_divmod in floatobject.c: the quotient is floored and the remainder takes the sign of
// the divisor, computed together so that div * b + mod == a as closely as possible.
Result<Value> float_divmod(Interp& in, double a, double b) {
    if (b == 0.0) return in.raise(in.exc.ZeroDivisionError, "float divmod()");
    double mod = std::fmod(a, b);
    double div = (a - mod) / b;
    if (mod != 0.0) {
        if ((b < 0) != (mod < 0)) {
            mod += b;
            div -= 1.0;
        }
    } else {
        mod = std::copysign(0.0, b);
    }
    double floordiv;
    if (div != 0.0) {
        floordiv = std::floor(div);
        if (div - floordiv > 0.5) floordiv += 1.0;
    } else {
        floordiv = std::copysign(0.0, a / b);
    }
    return Value::from_obj(rt::make_tuple(in, {Value::from_float(floordiv), Value::from_float(mod)}));
}

bool is_real(Interp& in, Value v) { return v.is_float() || is_exact_int(in, v); }

Result<Value> builtin_divmod(Interp& in, Args args) {
    Value a = args[0], b = args[1];
    if (is_exact_int(in, a) && is_exact_int(in, b)) {
        return rt::int_divmod(in, a, b);
    }
    if (is_real(in, a) && is_real(in, b)) {
        double x = EDDY_TRY(to_double(in, a));
        double y = EDDY_TRY(to_double(in, b));
        return float_divmod(in, x, y);
    }
    // __divmod__ on the left operand, then __rdivmod__ on the right (PyNumber_Divmod).
    bool found = false;
    Value r = EDDY_TRY(rt::call_special(in, a, in.names.dunder_divmod, {b}, &found));
    if (found && !r.is_not_implemented()) return r;
    if (rt::type_of(in, a) != rt::type_of(in, b)) {
        r = EDDY_TRY(rt::call_special(in, b, in.names.dunder_rdivmod, {a}, &found));
        if (found && !r.is_not_implemented()) return r;
    }
    return in.raise(in.exc.TypeError, "unsupported operand type(s) for divmod(): '" +
                                          tname(in, a) + "' and '" + tname(in, b) + "'");
}

Result<Value> builtin_pow(Interp& in, Args args) {
    Value base = args[0], exp = args[1], mod = args[2];
    if (mod.is_none()) return rt::binary_op(in, base, exp, vm::BinOp::Pow);
    if (rt::is_int(in, base) && rt::is_int(in, exp) && rt::is_int(in, mod))
        return rt::int_pow_mod(in, base, exp, mod);
    if (is_real(in, base) && is_real(in, exp) && is_real(in, mod))
        return in.raise(in.exc.TypeError,
                        "pow() 3rd argument not allowed unless all arguments are integers");
    bool found = false;
    Value r = EDDY_TRY(rt::call_special(in, base, in.names.dunder_pow, {exp, mod}, &found));
    if (found && !r.is_not_implemented()) return r;
    return in.raise(in.exc.TypeError, "unsupported operand type(s) for ** or pow(): '" +
                                          tname(in, base) + "', '" + tname(in, exp) + "', '" +
                                          tname(in, mod) + "'");
}

// round(number, ndigits=None): the type's __round__; a float/int fallback in case the type
// dict has none.
Result<Value> builtin_round(Interp& in, Args args) {
    Value number = args[0], ndigits = args[1];
    bool found = false;
    Value r = ndigits.is_none()
                  ? EDDY_TRY(rt::call_special(in, number, in.names.dunder_round, {}, &found))
                  : EDDY_TRY(rt::call_special(in, number, in.names.dunder_round, {ndigits}, &found));
    if (found) return r;
    if (ndigits.is_none() && number.is_float())
        return int_from_double(in, std::nearbyint(number.as_float()));
    if (ndigits.is_none() && is_exact_int(in, number))
        return number.is_bool() ? Value::from_small_int(number.is_true()) : number;
    return in.raise(in.exc.TypeError,
                    "type " + tname(in, number) + " doesn't define __round__ method");
}

// sum(iterable, /, start=0): builtin_sum_impl's int and float fast paths, then generic +.
Result<Value> builtin_sum(Interp& in, Args args) {
    Value result = args[1];
    if (rt::is_str(in, result))
        return in.raise(in.exc.TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    if (rt::type_of(in, result) == in.types.bytes)
        return in.raise(in.exc.TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
    if (rt::type_of(in, result) == in.types.bytearray)
        return in.raise(in.exc.TypeError, "sum() can't sum bytearray [use b''.join(seq) instead]");
    Value it = EDDY_TRY(rt::get_iter(in, args[0]));
    Value item = Value::null();
    if (result.is_small_int() || result.is_bool()) {
        int64_t acc = result.is_bool() ? result.is_true() : result.as_small_int();
        for (;;) {
            item = EDDY_TRY(rt::next(in, it));
            if (item.is_null()) return rt::make_int(in, acc);
            if (item.is_small_int() || item.is_bool()) {
                int64_t b = item.is_bool() ? item.is_true() : item.as_small_int();
                if (!__builtin_add_overflow(acc, b, &acc)) continue;
                acc -= b;
            }
            result = EDDY_TRY(rt::binary_op(in, rt::make_int(in, acc), item, vm::BinOp::Add));
            break;
        }
    }
    if (result.is_float()) {
        double acc = result.as_float();
        for (;;) {
            item = EDDY_TRY(rt::next(in, it));
            if (item.is_null()) return Value::from_float(acc);
            if (item.is_float()) { acc += item.as_float(); continue; }
            if (item.is_small_int() || item.is_bool()) {
                acc += item.is_bool() ? double(item.is_true()) : double(item.as_small_int());
                continue;
            }
            result = EDDY_TRY(rt::binary_op(in, Value::from_float(acc), item, vm::BinOp::Add));
            break;
        }
    }
    for (;;) {
        item = EDDY_TRY(rt::next(in, it));
        if (item.is_null()) return result;
        result = EDDY_TRY(rt::binary_op(in, result, item, vm::BinOp::Add));
    }
}

// min_max in bltinmodule.c: one iterable or several positional arguments; key= and default=.
Result<Value> min_max(Interp& in, Args args, vm::CmpOp op, const char* name) {
    auto* positional = args[0].as<rt::Tuple>();
    Value key = Value::none(), dflt = Value::null();
    EDDY_CHECK(take_keywords(in, args[1], name, {{"key", &key}, {"default", &dflt}}));
    if (positional->size == 0)
        return in.raise(in.exc.TypeError, std::string(name) + " expected at least 1 argument, got 0");
    if (positional->size > 1 && !dflt.is_null())
        return in.raise(in.exc.TypeError, std::string("Cannot specify a default for ") + name +
                                              "() with multiple positional arguments");
    Value iterable = positional->size == 1 ? (*positional)[0] : args[0];
    Value it = EDDY_TRY(rt::get_iter(in, iterable));
    Value best = Value::null(), best_key = Value::null();
    for (;;) {
        Value item = EDDY_TRY(rt::next(in, it));
        if (item.is_null()) break;
        Value k = key.is_none() ? item : EDDY_TRY(rt::call(in, key, {item}));
        if (best.is_null()) {
            best = item;
            best_key = k;
            continue;
        }
        Value cmp = EDDY_TRY(rt::compare(in, k, best_key, op));
        if (EDDY_TRY(rt::truthy(in, cmp))) {
            best = item;
            best_key = k;
        }
    }
    if (!best.is_null()) return best;
    if (!dflt.is_null()) return dflt;
    return in.raise(in.exc.ValueError, std::string(name) + "() arg is an empty sequence");
}

Result<Value> builtin_min(Interp& in, Args args) { return min_max(in, args, vm::CmpOp::Lt, "min"); }
Result<Value> builtin_max(Interp& in, Args args) { return min_max(in, args, vm::CmpOp::Gt, "max"); }

// all() / any(): stop at the first item whose truth decides the answer.
Result<Value> all_any(Interp& in, Value iterable, bool stop_on) {
    Value it = EDDY_TRY(rt::get_iter(in, iterable));
    for (;;) {
        Value item = EDDY_TRY(rt::next(in, it));
        if (item.is_null()) return Value::boolean(!stop_on);
        if (EDDY_TRY(rt::truthy(in, item)) == stop_on) return Value::boolean(stop_on);
    }
}

Result<Value> builtin_all(Interp& in, Args args) { return all_any(in, args[0], false); }
Result<Value> builtin_any(Interp& in, Args args) { return all_any(in, args[0], true); }

Result<Value> builtin_sorted(Interp& in, Args args) {
    rt::List* list = EDDY_TRY(rt::list_from_iterable(in, args[0]));
    bool reverse = EDDY_TRY(rt::truthy(in, args[2]));
    EDDY_CHECK(rt::list_sort(in, list, args[1], reverse));
    return Value::from_obj(list);
}

} // namespace

void add_numeric_builtins(Interp& in, rt::Module* builtins) {
    rt::add_functions(in, builtins, {
        {"abs(x, /)", builtin_abs},
        {"bin(number, /)", builtin_bin},
        {"oct(number, /)", builtin_oct},
        {"hex(number, /)", builtin_hex},
        {"chr(i, /)", builtin_chr},
        {"ord(c, /)", builtin_ord},
        {"divmod(x, y, /)", builtin_divmod},
        {"pow(base, exp, mod=None)", builtin_pow},
        {"round(number, ndigits=None)", builtin_round},
        {"sum(iterable, /, start=0)", builtin_sum},
        // min/max(*args, key=None, default=?): keywords unpacked by min_max (take_keywords).
        {"min(*args, **kwargs)", builtin_min},
        {"max(*args, **kwargs)", builtin_max},
        {"all(iterable, /)", builtin_all},
        {"any(iterable, /)", builtin_any},
        {"sorted(iterable, /, *, key=None, reverse=False)", builtin_sorted},
    });
}

} // namespace eddy::lib
