// api/convert.cpp: the primitive conversions between C++ values and Python values that the
// Converter templates of eddy.hpp are built from. A value of the wrong type throws
// detail::Mismatch naming the Python type wanted; the caller turns it into a TypeError.
#include "api/impl.hpp"

#include "runtime/dict_object.hpp"
#include "runtime/float_object.hpp"
#include "runtime/int_object.hpp"
#include "runtime/list_object.hpp"
#include "runtime/ops.hpp"
#include "runtime/str_object.hpp"
#include "runtime/tuple_object.hpp"

namespace eddy::detail {

using rt::Value;

namespace {
Value v(Raw raw) { return Value::from_bits(raw); }
} // namespace

Raw none() { return Value::none().bits(); }
Raw from_bool(bool b) { return Value::boolean(b).bits(); }
Raw from_int(Impl& impl, std::int64_t n) { return rt::make_int(impl.in, n).bits(); }
Raw from_double(double d) { return Value::from_float(d).bits(); }
Raw from_str(Impl& impl, std::string_view s) { return rt::str_value(impl.in, s).bits(); }

Raw from_uint(Impl& impl, std::uint64_t n) {
    if (n <= std::uint64_t(INT64_MAX)) return from_int(impl, std::int64_t(n));
    return rt::make_int(impl.in, rt::BigValue(n)).bits();
}

Raw new_list(Impl& impl, std::size_t n) {
    rt::List* list = rt::make_list(impl.in);
    list->items.assign(n, Value::none());
    return Value::from_obj(list).bits();
}

void list_set(Raw list, std::size_t i, Raw item) { v(list).as<rt::List>()->items[i] = v(item); }

Raw new_tuple(Impl& impl, std::size_t n) {
    rt::Tuple* t = rt::make_tuple(impl.in, n);
    for (std::size_t i = 0; i < n; ++i) t->items()[i] = Value::none();
    return Value::from_obj(t).bits();
}

void tuple_set(Raw tuple, std::size_t i, Raw item) { v(tuple).as<rt::Tuple>()->items()[i] = v(item); }

Raw new_dict(Impl& impl) { return Value::from_obj(rt::make_dict(impl.in)).bits(); }

void dict_set(Impl& impl, Raw dict, Raw key, Raw value) {
    if (rt::dict_set(impl.in, v(dict).as<rt::Dict>(), v(key), v(value)).is_error())
        impl.throw_error();
}

bool is_none(Raw raw) { return v(raw).is_none(); }

bool to_bool(Impl&, Raw raw) {
    if (!v(raw).is_bool()) throw Mismatch{"bool"};
    return v(raw).is_true();
}

std::int64_t to_int(Impl& impl, Raw raw) {
    Value x = v(raw);
    if (x.is_small_int()) return x.as_small_int();
    if (x.is_bool()) return x.is_true() ? 1 : 0;
    if (!rt::is_int(impl.in, x)) throw Mismatch{"int"};
    std::optional<std::int64_t> n = rt::int_to_int64(impl.in, x);
    if (!n) throw_overflow("int64_t");
    return *n;
}

std::uint64_t to_uint(Impl& impl, Raw raw) {
    Value x = v(raw);
    if (x.is_small_int() || x.is_bool()) {
        std::int64_t n = to_int(impl, raw);
        if (n < 0) throw Error("OverflowError", "can't convert negative int to unsigned");
        return std::uint64_t(n);
    }
    if (!rt::is_int(impl.in, x)) throw Mismatch{"int"};
    rt::BigValue big = rt::int_to_big(impl.in, x);
    if (big < 0) throw Error("OverflowError", "can't convert negative int to unsigned");
    if (big > std::numeric_limits<std::uint64_t>::max()) throw_overflow("uint64_t");
    return static_cast<std::uint64_t>(big);
}

double to_double(Impl& impl, Raw raw) {
    Value x = v(raw);
    if (x.is_float()) return x.as_float();
    if (x.is_small_int()) return double(x.as_small_int());
    if (rt::is_float(impl.in, x)) return rt::float_value(x);
    if (!x.is_bool() && rt::is_int(impl.in, x)) {
        rt::Result<double> d = rt::int_to_double(impl.in, x);
        if (d.is_error()) impl.throw_error();
        return d.value();
    }
    throw Mismatch{"float"};
}

std::string_view to_str(Impl& impl, Raw raw) {
    if (!rt::is_str(impl.in, v(raw))) throw Mismatch{"str"};
    return v(raw).as<rt::Str>()->view();
}

std::size_t seq_size(Impl& impl, Raw raw) {
    Value x = v(raw);
    if (rt::is_list(impl.in, x)) return x.as<rt::List>()->items.size();
    if (rt::is_subtype(rt::type_of(impl.in, x), impl.in.types.tuple)) return x.as<rt::Tuple>()->size;
    throw Mismatch{"list"};
}

Raw seq_item(Impl& impl, Raw raw, std::size_t i) {
    Value x = v(raw);
    if (rt::is_list(impl.in, x)) return x.as<rt::List>()->items.at(i).bits();
    return (*x.as<rt::Tuple>())[i].bits();
}

void dict_items(Impl& impl, Raw raw, std::vector<std::pair<Raw, Raw>>& out) {
    Value x = v(raw);
    if (!x.is_obj() || !rt::is_subtype(rt::type_of(impl.in, x), impl.in.types.dict))
        throw Mismatch{"dict"};
    for (const rt::DictEntry& e : x.as<rt::Dict>()->entries)
        if (!e.key.is_null()) out.emplace_back(e.key.bits(), e.value.bits());
}

void throw_overflow(const char* type) {
    throw Error("OverflowError", std::string("Python int too large to convert to ") + type);
}

} // namespace eddy::detail
