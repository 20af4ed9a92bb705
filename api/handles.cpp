// api/handles.cpp: eddy::Object, the rooted handle through which C++ holds Python values, and the
// Interpreter calls that hand out handles (eval, global, import). A handle is a slot in its
// Impl's handle table, which the collector traces as a root.
#include "api/impl.hpp"

#include <optional>

#include "runtime/dict_object.hpp"
#include "runtime/import.hpp"
#include "runtime/module_object.hpp"
#include "runtime/ops.hpp"
#include "runtime/str_object.hpp"
#include "vm/run.hpp"

namespace eddy {

using rt::Value;

namespace detail {

Raw Access::raw(const Object& o) {
    if (!o.m_impl) throw Error("ValueError", "an empty eddy::Object handle was used");
    return o.m_impl->m_handles[o.m_slot].bits();
}

Object Access::hold(Impl& impl, Raw raw) {
    Object o;
    o.m_impl = &impl;
    o.m_slot = impl.hold(Value::from_bits(raw));
    return o;
}

} // namespace detail

namespace {

Value value_of(Interpreter::Impl& impl, std::uint32_t slot) { return impl.m_handles[slot]; }

// The Python value behind a handle; an empty handle is a host error.
Value checked(const Object& o) { return Value::from_bits(detail::Access::raw(o)); }

// The interpreter of a handle, checked before anything touches it.
Interpreter::Impl& impl_of(const Object& o) {
    if (!detail::Access::impl(o)) throw Error("ValueError", "an empty eddy::Object handle was used");
    return *detail::Access::impl(o);
}

// Unwraps a Result, throwing the pending exception as eddy::Error.
template <class T>
T value_or_throw(Interpreter::Impl& impl, rt::Result<T> r) {
    if (r.is_error()) impl.throw_error();
    return std::move(r.value());
}

} // namespace

Object::Object(const Object& other) : m_impl(other.m_impl) {
    if (m_impl) m_slot = m_impl->hold(value_of(*m_impl, other.m_slot));
}

Object::Object(Object&& other) noexcept : m_impl(other.m_impl), m_slot(other.m_slot) {
    other.m_impl = nullptr;
}

Object& Object::operator=(const Object& other) {
    if (this != &other) *this = Object(other);
    return *this;
}

Object& Object::operator=(Object&& other) noexcept {
    if (this != &other) {
        if (m_impl) m_impl->release(m_slot);
        m_impl = other.m_impl;
        m_slot = other.m_slot;
        other.m_impl = nullptr;
    }
    return *this;
}

Object::~Object() {
    if (m_impl) m_impl->release(m_slot);
}

bool Object::is_none() const { return m_impl && value_of(*m_impl, m_slot).is_none(); }

std::string Object::type_name() const {
    impl_of(*this);
    return std::string(rt::type_name(m_impl->in, checked(*this)));
}

std::string Object::repr() const {
    EDDY_API_ENTRY(impl_of(*this));
    return value_or_throw(*m_impl, rt::repr_string(m_impl->in, checked(*this)));
}

std::string Object::str() const {
    EDDY_API_ENTRY(impl_of(*this));
    Value s = value_or_throw(*m_impl, rt::str(m_impl->in, checked(*this)));
    return std::string(s.as<rt::Str>()->view());
}

Object Object::attr(std::string_view name) const {
    EDDY_API_ENTRY(impl_of(*this));
    rt::Interp& in = m_impl->in;
    Value v = value_or_throw(*m_impl, rt::get_attr(in, checked(*this), in.intern(name)));
    return detail::Access::hold(*m_impl, v.bits());
}

void Object::set_attr_object(std::string_view name, const Object& value) const {
    EDDY_API_ENTRY(impl_of(*this));
    rt::Interp& in = m_impl->in;
    if (rt::set_attr(in, checked(*this), in.intern(name), checked(value)).is_error())
        m_impl->throw_error();
}

Object Object::get_item_object(const Object& key) const {
    EDDY_API_ENTRY(impl_of(*this));
    Value v = value_or_throw(*m_impl, rt::get_item(m_impl->in, checked(*this), checked(key)));
    return detail::Access::hold(*m_impl, v.bits());
}

namespace detail {

// The arguments are copied into this frame (few) or a RootedValues (many): the caller's array
// lies above the registered stack base, where the collector's conservative scan does not look,
// and a native callee may reach a collection while it still reads them.
Raw call(Impl& impl, Raw callee, const Raw* args, std::size_t n) {
    EDDY_API_ENTRY(impl);
    constexpr std::size_t Local = 8;
    Value local[Local];
    std::optional<rt::RootedValues> many;
    Value* copy = local;
    if (n > Local) {
        many.emplace(impl.in.heap);
        many->values.resize(n);
        copy = many->values.data();
    }
    for (std::size_t i = 0; i < n; ++i) copy[i] = Value::from_bits(args[i]);
    Value f = Value::from_bits(callee);
    rt::Result<Value> r = rt::call(impl.in, f, rt::CallArgs{copy, n, nullptr});
    if (r.is_error()) impl.throw_error();
    return r.value().bits();
}

} // namespace detail

// ---- Interpreter ----

namespace {

rt::Module* main_module(Interpreter::Impl& impl) {
    rt::Interp& in = impl.in;
    Value m = rt::dict_get_str(in.modules, in.names.dunder_main);
    if (m.is_obj() && m.as_obj()->type == in.types.module) return m.as<rt::Module>();
    return vm::make_main_module(in, "__main__", "");
}

} // namespace

Object Interpreter::eval(std::string_view expression) {
    EDDY_API_ENTRY(*m_impl);
    rt::Interp& in = m_impl->in;
    Value code = value_or_throw(
        *m_impl, detail::compile_to_code(in, expression, "<string>", parse::Mode::Eval));
    Value v = value_or_throw(*m_impl, vm::eval_in_main(in, code));
    return detail::Access::hold(*m_impl, v.bits());
}

Object Interpreter::global(std::string_view name) {
    EDDY_API_ENTRY(*m_impl);
    rt::Interp& in = m_impl->in;
    Value v = rt::dict_get_str(main_module(*m_impl)->dict, in.intern(name));
    if (v.is_null()) {
        (void)in.raise(in.exc.NameError, "name '" + std::string(name) + "' is not defined");
        m_impl->throw_error();
    }
    return detail::Access::hold(*m_impl, v.bits());
}

void Interpreter::set_global_object(std::string_view name, const Object& value) {
    EDDY_API_ENTRY(*m_impl);
    rt::Interp& in = m_impl->in;
    rt::dict_set_str(in, main_module(*m_impl)->dict, in.intern(name), checked(value));
}

Object Interpreter::import(std::string_view name) {
    EDDY_API_ENTRY(*m_impl);
    Value m = value_or_throw(*m_impl, rt::import_module(m_impl->in, name));
    return detail::Access::hold(*m_impl, m.bits());
}

Object Interpreter::none() { return detail::Access::hold(*m_impl, Value::none().bits()); }

} // namespace eddy
