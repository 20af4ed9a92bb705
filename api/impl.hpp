// api/impl.hpp: Interpreter::Impl, the state behind the public eddy::Interpreter, and the helpers
// the api/ files share (compiling source, turning the pending exception into eddy::Error).
// Private to api/: nothing outside this folder includes it.
#pragma once

#include <eddy/eddy.hpp>

#include <csignal>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "parser/parse.hpp"
#include "runtime/interp.hpp"

namespace eddy::rt::loop {
struct EventLoop;
struct LoopState;
}

namespace eddy {

namespace detail {

// Compiles `source` into a runtime code value; a syntax error is raised as SyntaxError.
rt::Result<rt::Value> compile_to_code(rt::Interp& in, std::string_view source,
                                      std::string_view filename, parse::Mode mode);
// Raises SyntaxError (or IndentationError/TabError) with CPython's attributes.
rt::Error raise_syntax_error(rt::Interp& in, const parse::SyntaxErrorInfo& info);
// Reads a whole file; false when it cannot be opened.
bool read_source(const std::string& path, std::string& source);

} // namespace detail

// Forwards the runtime's output to a host callback.
struct CallbackOutput final : rt::Interp::Output {
    explicit CallbackOutput(std::function<void(std::string_view)> fn) : write_fn(std::move(fn)) {}
    void write(std::string_view text) override { write_fn(text); }
    std::function<void(std::string_view)> write_fn;
};

// A C++ function registered with def(): its binding data and the type-erased call.
struct HostCallable {
    std::string name;
    std::size_t arity = 0;
    std::vector<std::string> names;   // parameter names; empty when none were given
    std::vector<rt::Value> defaults;  // one per parameter, null when required (traced)
    detail::Thunk thunk;
};

struct Interpreter::Impl final : rt::RootSource {
    explicit Impl(Config config);
    ~Impl() override;

    // ---- handles: eddy::Object's slots, roots of the collector ----
    std::uint32_t hold(rt::Value v) {
        if (m_free_handles.empty()) {
            m_handles.push_back(v);
            return std::uint32_t(m_handles.size() - 1);
        }
        std::uint32_t slot = m_free_handles.back();
        m_free_handles.pop_back();
        m_handles[slot] = v;
        return slot;
    }
    void release(std::uint32_t slot) {
        m_handles[slot] = rt::Value::null();
        m_free_handles.push_back(slot);
    }
    void trace_roots(rt::Tracer& tracer) override;

    // Sets the Python exception for a C++ exception caught around a native call.
    void raise_from_host(const std::exception* e, const Error* error);

    // Runs `source` as (or in) the __main__ module.
    rt::Status run_main(std::string_view source, std::string_view filename);
    // The pending exception as an eddy::Error (clearing it). The exception object is kept, so that
    // a native function letting the Error escape re-raises that very exception.
    Error take_error();
    // Throws the pending exception as eddy::Error.
    [[noreturn]] void throw_error() { throw take_error(); }

    Config m_config;
    rt::Interp in;
    std::unique_ptr<CallbackOutput> m_stdout, m_stderr;
    int m_exit_code = 0;   // the SystemExit status of the last interactive input
    int m_entries = 0;     // host calls into the interpreter now active (nested through callbacks)

    std::vector<rt::Value> m_handles;          // eddy::Object slots; null when free
    std::vector<std::uint32_t> m_free_handles;
    std::vector<std::unique_ptr<HostCallable>> m_callables;
    rt::Type* m_host_function_type = nullptr;  // the type of def()'s function objects
    rt::Value m_escaped = rt::Value::null();   // the exception behind the last thrown Error
    std::uint64_t m_escaped_id = 0;

    // ---- the host's event loop (api/host_loop.cpp) ----
    // The interpreter's loop (asyncio.get_event_loop()'s while none runs), made on first use.
    rt::loop::EventLoop* host_loop();
    rt::loop::EventLoop* m_loop = nullptr;
    // Expires when the interpreter is destroyed: a Promise that outlives it checks this.
    std::shared_ptr<char> m_alive = std::make_shared<char>();

    // ---- limits (api/limits.cpp) ----
    void install_limits();
    rt::Status check_limits();
    volatile std::sig_atomic_t m_keyboard_interrupt = 0;
    std::uint64_t m_safe_points = 0;
    std::vector<std::string> m_registered_modules;   // always importable under an allow-list
    std::unordered_map<const void*, std::string> m_class_names;   // native classes by C++ tag
};

// Held by every public entry point. The outermost entry registers the caller's frame as the base
// of the collector's conservative stack scan, which must cover the host's whole current call
// chain; nested entries (a native function calling back into Python) keep the outer base.
class Entry {
public:
    Entry(Interpreter::Impl& impl, const void* frame_address) : m_impl(impl) {
        if (m_impl.m_entries++ == 0) {
            m_impl.in.heap.set_stack_base(frame_address);
            m_impl.m_safe_points = 0;   // the instruction budget is per call from the host
        }
    }
    ~Entry() { --m_impl.m_entries; }
    Entry(const Entry&) = delete;
    Entry& operator=(const Entry&) = delete;

private:
    Interpreter::Impl& m_impl;
};

// Marks the interpreter's loop as running (asyncio.get_running_loop() finds it) for the guard's
// life, unless some loop already runs: what the REPL and the host's run_ready() execute inside.
class LoopRunning {
public:
    explicit LoopRunning(Interpreter::Impl& impl);
    ~LoopRunning();
    LoopRunning(const LoopRunning&) = delete;
    LoopRunning& operator=(const LoopRunning&) = delete;

private:
    rt::loop::LoopState& m_state;
    rt::loop::EventLoop* m_loop = nullptr;   // the loop this guard marked, or null
};

#define EDDY_API_ENTRY(impl) ::eddy::Entry eddy_entry_((impl), __builtin_frame_address(0))

} // namespace eddy
