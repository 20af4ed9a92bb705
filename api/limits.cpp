// api/limits.cpp: limits for untrusted scripts (eddy::Config): an instruction budget and a host
// interrupt callback checked at the interpreter's safe points (backward jumps and calls), and an
// allow-list of importable modules. The memory cap is the heap's own (Config::memory_limit).
#include "api/impl.hpp"

#include <algorithm>

#include "runtime/dict_object.hpp"
#include "runtime/loop/loop.hpp"
#include "runtime/module_object.hpp"
#include "runtime/str_object.hpp"
#include "vm/vm_state.hpp"

namespace eddy {

namespace {

// The built-in exception class `name` (RuntimeError when there is none of that name).
rt::Type* exception_named(rt::Interp& in, const std::string& name) {
    rt::Value t = in.builtins ? rt::dict_get_str(in.builtins->dict, in.intern(name)) : rt::Value::null();
    if (t.is_obj() && t.as_obj()->type == in.types.type &&
        rt::is_subtype(t.as<rt::Type>(), in.exc.BaseException))
        return t.as<rt::Type>();
    return in.exc.RuntimeError;
}

} // namespace

void Interpreter::Impl::install_limits() {
    const Config& c = m_config;
    if (c.instruction_budget > 0 || c.interrupt_check) {
        // Armed permanently: every safe point calls the hook, which decides.
        in.vm->safe_point_hook = [this](rt::Interp&) { return check_limits(); };
        in.vm->interrupt_requested = 1;
    }
    if (c.allowed_modules) {
        in.vm->import_filter = [this](rt::Interp& in, std::string_view name) -> rt::Status {
            std::string_view top = name.substr(0, name.find('.'));
            const auto& allowed = *m_config.allowed_modules;
            auto listed = [top](const std::string& n) { return n == top; };
            if (std::any_of(allowed.begin(), allowed.end(), listed) ||
                std::any_of(m_registered_modules.begin(), m_registered_modules.end(), listed))
                return rt::ok();
            return in.raise(in.exc.ImportError, "import of '" + std::string(name) + "' is not allowed");
        };
    }
}

rt::Status Interpreter::Impl::check_limits() {
    in.vm->interrupt_requested = 1;
    if (m_keyboard_interrupt) {
        m_keyboard_interrupt = 0;
        return rt::loop::keyboard_interrupt(in);
    }
    const Config& c = m_config;
    ++m_safe_points;
    if (c.instruction_budget > 0 && m_safe_points > c.instruction_budget)
        return in.raise(exception_named(in, c.interrupt_exception), "instruction budget exhausted");
    unsigned interval = std::max(1u, c.interrupt_check_interval);
    if (c.interrupt_check && m_safe_points % interval == 0 && c.interrupt_check())
        return in.raise(exception_named(in, c.interrupt_exception), "interrupted by the host");
    return rt::ok();
}

} // namespace eddy
