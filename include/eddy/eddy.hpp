// eddy/eddy.hpp: the one public header. Embeds the eddy interpreter (a Python 3 subset with native
// async/await) in a C++ application; the `eddy` command line program is built on it too.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

namespace eddy {

/// A Python exception that escaped to C++: its class name, str() of it, and the formatted
/// traceback exactly as eddy would print it ("Traceback (most recent call last): ...").
/// Thrown by a native function, it becomes a Python exception of the type it names when that is
/// a built-in exception (`throw eddy::Error("ValueError", "bad size")`), else RuntimeError; an
/// Error that came from a script is re-raised as the original exception object.
class Error : public std::runtime_error {
public:
    Error(std::string type_name, std::string message, std::string traceback = "");
    /// The exception's class name, e.g. "ZeroDivisionError".
    const std::string& type_name() const { return m_type_name; }
    /// str() of the exception, e.g. "division by zero".
    const std::string& message() const { return m_message; }
    /// The full traceback text, ending with "Type: message\n".
    const std::string& traceback() const { return m_traceback; }

    /// Identifies the script exception this Error was made from (0: made by the host).
    std::uint64_t origin() const { return m_origin; }
    void set_origin(std::uint64_t origin) { m_origin = origin; }

private:
    std::string m_type_name, m_message, m_traceback;
    std::uint64_t m_origin = 0;
};

/// Settings for a new Interpreter. Designated initialisers read well:
/// `eddy::Interpreter py({.argv = {"script.py"}})`.
struct Config {
    /// sys.argv.
    std::vector<std::string> argv;
    /// Where print() and sys.stdout go; unset means the process's stdout.
    std::function<void(std::string_view)> write_stdout;
    /// Where tracebacks and sys.stderr go; unset means the process's stderr.
    std::function<void(std::string_view)> write_stderr;
    /// Python frames (plus native re-entries) allowed before RecursionError; 0 keeps the default.
    int recursion_limit = 0;
    /// Heap bytes the scripts may use before MemoryError; 0 keeps the default.
    std::size_t memory_limit = 0;
    /// Digits int<->str conversions accept (sys.set_int_max_str_digits); -1 keeps CPython's 4300.
    int int_max_str_digits = -1;
    /// When set, `import` succeeds only for these top-level module names (and modules the host
    /// registered with Interpreter::module); any other import raises ImportError.
    std::optional<std::vector<std::string>> allowed_modules;
    /// Called at the interpreter's safe points (backward jumps and calls) once every
    /// `interrupt_check_interval` of them; returning true stops the script with an exception of
    /// type `interrupt_exception` ("a runaway `while True: pass`").
    std::function<bool()> interrupt_check;
    unsigned interrupt_check_interval = 1000;
    /// A cap on executed safe points (loop iterations plus calls) per call from the host (exec,
    /// eval, a call through a handle); 0 is unlimited. Exceeding it raises `interrupt_exception`
    /// in the script, again at every later safe point, so a catch-all cannot swallow it.
    std::uint64_t instruction_budget = 0;
    /// The built-in exception that interrupt_check and instruction_budget raise.
    std::string interrupt_exception = "RuntimeError";
};

/// What run_interactive() did with one piece of interactive input.
enum class Interactive {
    Ran,          ///< the statement ran (a traceback, if any, was printed on stderr)
    Incomplete,   ///< the input needs more lines: show the `... ` prompt and call again
    Exit,         ///< the statement raised SystemExit: exit_code() holds the status
};

class Object;
class Promise;
class Module;
template <class T>
class Class;
struct Arg;

/// One interpreter: its own heap, modules and event loop. Two interpreters in one process are
/// independent. Not thread-safe: use each from one thread at a time.
class Interpreter {
public:
    explicit Interpreter(Config config = {});
    ~Interpreter();
    Interpreter(const Interpreter&) = delete;
    Interpreter& operator=(const Interpreter&) = delete;

    /// Runs `source` in the `__main__` module. Throws eddy::Error if a Python exception escapes.
    void exec(std::string_view source, std::string_view filename = "<string>");
    /// Reads and runs a file in `__main__`. Throws eddy::Error (an OSError for a missing file).
    void exec_file(const std::string& path);
    /// Evaluates one expression in `__main__` and returns repr() of the result.
    std::string eval_repr(std::string_view expression);

    /// Runs a program as the `eddy` command does: a file (or source text) as `__main__`, an
    /// uncaught exception printed as a traceback on stderr. Returns the process exit status
    /// CPython would: 0, 1 after a traceback, or the SystemExit code.
    int run_main(const std::string& path);
    int run_main_source(std::string_view source, std::string_view filename);

    /// Runs module `name` (found on sys.path, the current directory first) as `__main__`, as
    /// `python3 -m name` does: a package runs its `__main__` submodule. Returns the exit status.
    int run_module(const std::string& name);

    /// A readable disassembly of the code compiled from `source` and of every code object nested
    /// in it, with line numbers. Throws eddy::Error (SyntaxError) when the source does not compile.
    std::string disassemble(std::string_view source, std::string_view filename = "<string>");

    /// Runs one input of an interactive session in `__main__`, as CPython's prompt does: `source`
    /// holds every line typed since the last `>>> `, each ending in '\n'. A compound statement
    /// is complete once a blank line follows it. An expression statement's value is echoed
    /// (repr, unless None) on stdout and kept in `builtins._`. A traceback is printed on stderr.
    /// As in `python3 -m asyncio`, the input runs with the interpreter's event loop marked
    /// running, and input that awaits (top-level `await`, `async for`, `async with`) runs as a
    /// task on that loop until it is done; interrupt() then cancels it.
    Interactive run_interactive(std::string_view source);
    /// The status of the SystemExit that ended the last run_interactive() with Interactive::Exit.
    int exit_code() const;

    /// Tab completion: the names that can complete `text` at the prompt, each the whole
    /// replacement ("pri" -> "print(", "math.sq" -> "math.sqrt("), sorted. Evaluates nothing
    /// but attribute lookups on names already bound in `__main__`.
    std::vector<std::string> complete(std::string_view text);

    /// Asks running code to stop: the next safe point raises KeyboardInterrupt. Safe to call from
    /// a signal handler or another thread.
    void interrupt();

    /// Evaluates one expression in `__main__` and returns its value.
    Object eval(std::string_view expression);
    /// A global of `__main__` (NameError when missing): `py.global("on_tick")(42, "x")`.
    Object global(std::string_view name);
    /// Binds a global of `__main__`.
    template <class T>
    void set_global(std::string_view name, const T& value);
    /// Imports a module (as `import name` would) and returns it.
    Object import(std::string_view name);
    /// Converts a C++ value to a Python value.
    template <class T>
    Object value(const T& value);
    /// None.
    Object none();

    /// Registers a C++ function or lambda as builtin `name`, visible to every module. Arguments
    /// are converted from Python (a wrong count or type is a TypeError naming the function);
    /// `params` names them, for keywords and defaults: `{eddy::arg("x"), eddy::arg("y") = 0}`.
    template <class F>
    Object def(std::string_view name, F fn, std::vector<Arg> params);
    template <class F>
    Object def(std::string_view name, F fn);   // no named parameters
    /// A native module that `import name` finds (created on first use).
    Module module(std::string_view name);
    /// A native class wrapping the C++ type T, bound in module `module` ("__main__" by default,
    /// else a native module): see Class.
    template <class T>
    Class<T> klass(std::string_view name, std::string_view module = "__main__");

    // ---- the event loop, driven by the host ----
    // The interpreter has one event loop of its own, the one `asyncio.get_event_loop()` returns
    // while no other loop runs. Nothing runs on it by itself: the host drives it, either to the
    // end of one awaitable (run_until_complete) or a little at a time from its own main loop
    // (run_ready, next_deadline), so that scripts' tasks advance while the host stays responsive.
    // While the host drives it, the loop counts as running (asyncio.get_running_loop()).

    /// Schedules `awaitable` (a coroutine, a Task or a Future) as a Task on the interpreter's event
    /// loop and returns the Task. It starts at the next run_ready() or run_until_complete().
    Object create_task(const Object& awaitable);
    /// Runs the loop until `awaitable` is done and returns its result; throws eddy::Error with its
    /// exception (CancelledError if it was cancelled). Ctrl-C (interrupt()) raises KeyboardInterrupt.
    Object run_until_complete(const Object& awaitable);
    /// One pass of the loop that never waits: runs the timers that are due and the callbacks and
    /// task steps queued now (what they schedule runs at the next call), then returns. Throws
    /// eddy::Error only for KeyboardInterrupt or SystemExit; a task's own exception stays in it.
    void run_ready();
    /// How long the host may wait before run_ready() has work: 0 when something is ready now, the
    /// seconds until the next timer, or nullopt when nothing is scheduled at all.
    std::optional<double> next_deadline();
    /// A pending Promise on the running loop (else the interpreter's loop), for a native function
    /// to return: the script awaits it, the host settles it later.
    Promise promise();

    /// Flushes buffered output (also done by the destructor).
    void flush();

    struct Impl;

private:
    void set_global_object(std::string_view name, const Object& value);
    std::unique_ptr<Impl> m_impl;
};

/// The version string, e.g. "0.1.0".
const char* version();

// ---------------------------------------------------------------------------------------------
// Values held from C++

namespace detail {
/// A value's bits, valid only until Python code next runs; the API's own currency.
using Raw = std::uint64_t;
struct Access;
} // namespace detail

/// A Python value held from C++. The handle is a garbage-collector root: the value stays alive
/// while any handle to it exists; copying a handle makes another root. A handle must not outlive
/// its Interpreter. Operations that run Python code throw eddy::Error when it raises.
class Object {
public:
    Object() = default;   ///< holds nothing: is_null()
    Object(const Object& other);
    Object(Object&& other) noexcept;
    Object& operator=(const Object& other);
    Object& operator=(Object&& other) noexcept;
    ~Object();

    /// True for a default-constructed (or moved-from) handle, which holds not even None.
    bool is_null() const { return m_impl == nullptr; }
    bool is_none() const;
    /// The Python type's name ("int", "MyClass").
    std::string type_name() const;
    /// repr() and str() of the value.
    std::string repr() const;
    std::string str() const;

    /// Converts to a C++ type (see Converter); throws eddy::Error (TypeError) when the value
    /// does not fit, e.g. `as<std::int64_t>()` of a str.
    template <class T>
    T as() const;

    /// getattr() (AttributeError when missing) and setattr().
    Object attr(std::string_view name) const;
    template <class T>
    void set_attr(std::string_view name, const T& value) const;
    /// obj[key].
    template <class K>
    Object operator[](const K& key) const;

    /// Calls the value with C++ arguments: `py.global("on_tick")(42, "x")`.
    template <class... A>
    Object operator()(const A&... args) const;
    /// Calls and converts the result without making a handle: the fastest way to call.
    template <class R, class... A>
    R call(const A&... args) const;

private:
    friend struct detail::Access;
    void set_attr_object(std::string_view name, const Object& value) const;
    Object get_item_object(const Object& key) const;
    Interpreter::Impl* m_impl = nullptr;
    std::uint32_t m_slot = 0;
};

/// A native module: `py.module("game").def("spawn", spawn)`; scripts `import game`.
class Module {
public:
    Module(Interpreter::Impl& impl, Object module) : m_impl(&impl), m_module(std::move(module)) {}
    template <class F>
    Module& def(std::string_view name, F fn, std::vector<Arg> params);
    template <class F>
    Module& def(std::string_view name, F fn);   // no named parameters
    template <class T>
    Module& set(std::string_view name, const T& value) {
        m_module.set_attr(name, value);
        return *this;
    }
    const Object& object() const { return m_module; }

private:
    Interpreter::Impl* m_impl;
    Object m_module;
};

namespace detail {
struct PromiseState;
}

/// An awaitable that the host completes: a native function returns one (made by
/// Interpreter::promise()), the script `await`s it, and the host later calls resolve(value) or
/// reject(error) from its own code; the awaiting task wakes at the loop's next pass. It is an
/// asyncio Future underneath. Copies share the one future. Settling it twice is an error
/// (eddy::Error, InvalidStateError); settling one the script cancelled meanwhile does nothing. A
/// Promise may outlive its Interpreter: settling it then throws eddy::Error (RuntimeError).
class Promise {
public:
    Promise() = default;   ///< holds nothing
    /// Completes the awaiting `await` with `value` (converted to Python).
    template <class T>
    void resolve(const T& value);
    /// Completes it with None.
    void resolve();
    /// Raises `error` in the awaiting task: a built-in exception of the type it names
    /// (`p.reject(eddy::Error("FileNotFoundError", "x.png"))`), else RuntimeError.
    void reject(const Error& error);
    /// Still waiting for resolve() or reject() (false too once cancelled).
    bool pending() const;
    /// The asyncio Future (empty for a default-constructed Promise).
    Object future() const;

private:
    friend class Interpreter;
    void settle(const Object* value, const Error* error);
    Interpreter::Impl& impl() const;
    std::shared_ptr<detail::PromiseState> m_state;
};

// ---------------------------------------------------------------------------------------------
// Conversions. Converter<T> turns a T into a Python value (to) and back (from); specialise it
// for your own types. `from` throws detail::Mismatch when the value has the wrong type.

namespace detail {

/// Thrown by Converter::from: `expected` names the Python type wanted ("int", "list").
struct Mismatch {
    const char* expected;
};

using Impl = Interpreter::Impl;

struct Access {
    static Raw raw(const Object& o);
    static Impl* impl(const Object& o) { return o.m_impl; }
    // The handle's interpreter; an empty handle is a host error (eddy::Error, ValueError).
    static Impl& need(const Object& o) {
        if (!o.m_impl) throw Error("ValueError", "an empty eddy::Object handle was used");
        return *o.m_impl;
    }
    static Object hold(Impl& impl, Raw raw);
};

// Primitive conversions, implemented in api/convert.cpp.
Raw none();
Raw from_bool(bool v);
Raw from_int(Impl& impl, std::int64_t v);
Raw from_uint(Impl& impl, std::uint64_t v);
Raw from_double(double v);
Raw from_str(Impl& impl, std::string_view v);
Raw new_list(Impl& impl, std::size_t n);
void list_set(Raw list, std::size_t i, Raw item);
Raw new_tuple(Impl& impl, std::size_t n);
void tuple_set(Raw tuple, std::size_t i, Raw item);
Raw new_dict(Impl& impl);
void dict_set(Impl& impl, Raw dict, Raw key, Raw value);

bool is_none(Raw v);
bool to_bool(Impl& impl, Raw v);
std::int64_t to_int(Impl& impl, Raw v);
std::uint64_t to_uint(Impl& impl, Raw v);
double to_double(Impl& impl, Raw v);
std::string_view to_str(Impl& impl, Raw v);   // views the str's UTF-8 bytes
// A list's or tuple's items (Mismatch "list" otherwise).
std::size_t seq_size(Impl& impl, Raw v);
Raw seq_item(Impl& impl, Raw v, std::size_t i);
void dict_items(Impl& impl, Raw v, std::vector<std::pair<Raw, Raw>>& out);
// Thrown for an int that does not fit the C++ type.
[[noreturn]] void throw_overflow(const char* type);

// Calls `callee` with converted arguments; throws eddy::Error if Python raises.
Raw call(Impl& impl, Raw callee, const Raw* args, std::size_t n);

// ---- native functions ----

/// The arguments of one native call after binding: one per parameter (self first for methods).
struct NativeCall {
    Impl& impl;
    const Raw* args;
    std::size_t count;
};
using Thunk = std::function<Raw(NativeCall&)>;

/// Thrown while converting argument `index`; becomes "f() argument 2 must be int, not str".
struct ArgMismatch {
    std::size_t index;
    const char* expected;
};

/// A function object calling `thunk` with `arity` arguments bound by `params` (names, defaults).
Object make_function(Impl& impl, std::string_view name, std::size_t arity,
                     std::vector<Arg> params, Thunk thunk);
void set_builtin(Impl& impl, std::string_view name, const Object& value);
Object make_module(Impl& impl, std::string_view name);

template <class F>
struct FnTraits : FnTraits<decltype(&F::operator())> {};
template <class R, class... A>
struct FnTraits<R (*)(A...)> {
    using Result = R;
    using Args = std::tuple<A...>;
};
template <class R, class... A>
struct FnTraits<R(A...)> : FnTraits<R (*)(A...)> {};
template <class C, class R, class... A>
struct FnTraits<R (C::*)(A...) const> : FnTraits<R (*)(A...)> {};
template <class C, class R, class... A>
struct FnTraits<R (C::*)(A...)> : FnTraits<R (*)(A...)> {};

} // namespace detail

/// A named parameter of a native function; `eddy::arg("size") = 10` gives it a default.
struct Arg {
    explicit Arg(std::string param_name) : name(std::move(param_name)) {}
    template <class T>
    Arg& operator=(const T& value);
    std::string name;
    std::function<detail::Raw(detail::Impl&)> make_default;   // empty: required
};
inline Arg arg(std::string name) { return Arg(std::move(name)); }

template <class T, class Enable = void>
struct Converter;

template <>
struct Converter<bool> {
    static detail::Raw to(detail::Impl&, bool v) { return detail::from_bool(v); }
    static bool from(detail::Impl& impl, detail::Raw v) { return detail::to_bool(impl, v); }
};

template <class T>
struct Converter<T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>>> {
    static detail::Raw to(detail::Impl& impl, T v) {
        if constexpr (std::is_signed_v<T>) return detail::from_int(impl, v);
        else return detail::from_uint(impl, v);
    }
    static T from(detail::Impl& impl, detail::Raw v) {
        if constexpr (std::is_signed_v<T>) {
            std::int64_t n = detail::to_int(impl, v);
            if (n < std::int64_t(std::numeric_limits<T>::min()) ||
                n > std::int64_t(std::numeric_limits<T>::max()))
                detail::throw_overflow("C++ integer");
            return T(n);
        } else {
            std::uint64_t n = detail::to_uint(impl, v);
            if (n > std::uint64_t(std::numeric_limits<T>::max())) detail::throw_overflow("C++ integer");
            return T(n);
        }
    }
};

template <class T>
struct Converter<T, std::enable_if_t<std::is_floating_point_v<T>>> {
    static detail::Raw to(detail::Impl&, T v) { return detail::from_double(double(v)); }
    static T from(detail::Impl& impl, detail::Raw v) { return T(detail::to_double(impl, v)); }
};

template <>
struct Converter<std::string> {
    static detail::Raw to(detail::Impl& impl, const std::string& v) { return detail::from_str(impl, v); }
    static std::string from(detail::Impl& impl, detail::Raw v) {
        return std::string(detail::to_str(impl, v));
    }
};

/// A string_view taken from Python views the str itself: valid while the value lives (for an
/// argument of a native function, during the call).
template <>
struct Converter<std::string_view> {
    static detail::Raw to(detail::Impl& impl, std::string_view v) { return detail::from_str(impl, v); }
    static std::string_view from(detail::Impl& impl, detail::Raw v) { return detail::to_str(impl, v); }
};

template <>
struct Converter<const char*> {
    static detail::Raw to(detail::Impl& impl, const char* v) { return detail::from_str(impl, v); }
};
template <std::size_t N>
struct Converter<char[N]> {
    static detail::Raw to(detail::Impl& impl, const char* v) { return detail::from_str(impl, v); }
};

template <>
struct Converter<std::nullptr_t> {
    static detail::Raw to(detail::Impl&, std::nullptr_t) { return detail::none(); }
};

template <>
struct Converter<Object> {
    static detail::Raw to(detail::Impl&, const Object& v) { return detail::Access::raw(v); }
    static Object from(detail::Impl& impl, detail::Raw v) { return detail::Access::hold(impl, v); }
};

/// A Promise returned by a native function is its future, which the script awaits.
template <>
struct Converter<Promise> {
    static detail::Raw to(detail::Impl&, const Promise& p) { return detail::Access::raw(p.future()); }
};

template <class T>
struct Converter<std::optional<T>> {
    static detail::Raw to(detail::Impl& impl, const std::optional<T>& v) {
        return v ? Converter<T>::to(impl, *v) : detail::none();
    }
    static std::optional<T> from(detail::Impl& impl, detail::Raw v) {
        if (detail::is_none(v)) return std::nullopt;
        return Converter<T>::from(impl, v);
    }
};

/// std::vector <-> list (from a list or tuple).
template <class T, class A>
struct Converter<std::vector<T, A>> {
    static detail::Raw to(detail::Impl& impl, const std::vector<T, A>& v) {
        detail::Raw list = detail::new_list(impl, v.size());
        for (std::size_t i = 0; i < v.size(); ++i)
            detail::list_set(list, i, Converter<T>::to(impl, v[i]));
        return list;
    }
    static std::vector<T, A> from(detail::Impl& impl, detail::Raw v) {
        std::size_t n = detail::seq_size(impl, v);
        std::vector<T, A> out;
        out.reserve(n);
        for (std::size_t i = 0; i < n; ++i)
            out.push_back(Converter<T>::from(impl, detail::seq_item(impl, v, i)));
        return out;
    }
};

namespace detail {
template <class Map>
struct MapConverter {
    using K = typename Map::key_type;
    using V = typename Map::mapped_type;
    static Raw to(Impl& impl, const Map& m) {
        Raw dict = new_dict(impl);
        for (const auto& [key, value] : m)
            dict_set(impl, dict, Converter<K>::to(impl, key), Converter<V>::to(impl, value));
        return dict;
    }
    static Map from(Impl& impl, Raw v) {
        std::vector<std::pair<Raw, Raw>> items;
        dict_items(impl, v, items);
        Map out;
        for (auto& [key, value] : items)
            out.emplace(Converter<K>::from(impl, key), Converter<V>::from(impl, value));
        return out;
    }
};
} // namespace detail

/// std::map / std::unordered_map <-> dict.
template <class K, class V, class C, class A>
struct Converter<std::map<K, V, C, A>> : detail::MapConverter<std::map<K, V, C, A>> {};
template <class K, class V, class H, class E, class A>
struct Converter<std::unordered_map<K, V, H, E, A>>
    : detail::MapConverter<std::unordered_map<K, V, H, E, A>> {};

/// std::tuple / std::pair <-> tuple (from a tuple or list of the same length).
template <class... T>
struct Converter<std::tuple<T...>> {
    static detail::Raw to(detail::Impl& impl, const std::tuple<T...>& v) {
        return to_impl(impl, v, std::index_sequence_for<T...>{});
    }
    static std::tuple<T...> from(detail::Impl& impl, detail::Raw v) {
        if (detail::seq_size(impl, v) != sizeof...(T)) throw detail::Mismatch{"tuple of matching length"};
        return from_impl(impl, v, std::index_sequence_for<T...>{});
    }

private:
    template <std::size_t... I>
    static detail::Raw to_impl(detail::Impl& impl, const std::tuple<T...>& v, std::index_sequence<I...>) {
        detail::Raw t = detail::new_tuple(impl, sizeof...(T));
        (detail::tuple_set(t, I, Converter<std::decay_t<T>>::to(impl, std::get<I>(v))), ...);
        return t;
    }
    template <std::size_t... I>
    static std::tuple<T...> from_impl(detail::Impl& impl, detail::Raw v, std::index_sequence<I...>) {
        return std::tuple<T...>{Converter<std::decay_t<T>>::from(impl, detail::seq_item(impl, v, I))...};
    }
};
template <class A, class B>
struct Converter<std::pair<A, B>> {
    static detail::Raw to(detail::Impl& impl, const std::pair<A, B>& v) {
        return Converter<std::tuple<A, B>>::to(impl, std::tuple<A, B>(v.first, v.second));
    }
    static std::pair<A, B> from(detail::Impl& impl, detail::Raw v) {
        auto t = Converter<std::tuple<A, B>>::from(impl, v);
        return {std::move(std::get<0>(t)), std::move(std::get<1>(t))};
    }
};

namespace detail {

template <class T>
using Bare = std::remove_cv_t<std::remove_reference_t<T>>;

// Converts argument `i` of a native call, reporting which argument failed.
template <class T>
T convert_arg(NativeCall& call, std::size_t i) {
    try {
        return Converter<T>::from(call.impl, call.args[i]);
    } catch (const Mismatch& m) {
        throw ArgMismatch{i, m.expected};
    }
}

template <class R, class... A, class F, std::size_t... I>
Raw invoke(F& fn, NativeCall& call, std::index_sequence<I...>) {
    // Braced initialisation converts the arguments left to right.
    std::tuple<Bare<A>...> args{convert_arg<Bare<A>>(call, I)...};
    if constexpr (std::is_void_v<R>) {
        std::apply(fn, std::move(args));
        return none();
    } else {
        return Converter<Bare<R>>::to(call.impl, std::apply(fn, std::move(args)));
    }
}

template <class F, class R, class... A>
Thunk make_thunk(F fn, std::tuple<A...>*) {
    return [fn = std::move(fn)](NativeCall& call) mutable -> Raw {
        return invoke<R, A...>(fn, call, std::index_sequence_for<A...>{});
    };
}

template <class F>
Object def_function(Impl& impl, std::string_view name, F fn, std::vector<Arg> params) {
    using Traits = FnTraits<std::decay_t<F>>;
    using Args = typename Traits::Args;
    Thunk thunk = make_thunk<std::decay_t<F>, typename Traits::Result>(std::move(fn), static_cast<Args*>(nullptr));
    return make_function(impl, name, std::tuple_size_v<Args>, std::move(params), std::move(thunk));
}

} // namespace detail

/// std::function <-> a callable: from Python, a C++ function that calls the script's callable
/// (keeping it alive); to Python, a native function.
template <class R, class... A>
struct Converter<std::function<R(A...)>> {
    static detail::Raw to(detail::Impl& impl, const std::function<R(A...)>& fn) {
        return detail::Access::raw(detail::def_function(impl, "<function>", fn, {}));
    }
    static std::function<R(A...)> from(detail::Impl& impl, detail::Raw v) {
        Object callable = detail::Access::hold(impl, v);
        return [callable](A... args) -> R {
            if constexpr (std::is_void_v<R>) callable(args...);
            else return callable.template call<R>(args...);
        };
    }
};

// ---------------------------------------------------------------------------------------------
// Template definitions

template <class T>
Arg& Arg::operator=(const T& value) {
    using V = std::conditional_t<std::is_array_v<T>, const char*, T>;
    make_default = [v = V(value)](detail::Impl& impl) { return Converter<detail::Bare<V>>::to(impl, v); };
    return *this;
}

template <class T>
T Object::as() const {
    try {
        return Converter<T>::from(detail::Access::need(*this), detail::Access::raw(*this));
    } catch (const detail::Mismatch& m) {
        throw Error("TypeError", std::string("expected ") + m.expected + ", got " + type_name());
    }
}

template <class T>
void Object::set_attr(std::string_view name, const T& value) const {
    Object v = detail::Access::hold(detail::Access::need(*this), Converter<detail::Bare<T>>::to(detail::Access::need(*this), value));
    set_attr_object(name, v);
}

namespace detail {
template <class T>
using ToType = std::conditional_t<std::is_array_v<T>, const char*, Bare<T>>;
}

template <class... A>
Object Object::operator()(const A&... args) const {
    detail::Raw raw[sizeof...(A) + 1] = {Converter<detail::ToType<A>>::to(detail::Access::need(*this), args)...};
    return detail::Access::hold(detail::Access::need(*this),
                                detail::call(detail::Access::need(*this), detail::Access::raw(*this), raw, sizeof...(A)));
}

template <class R, class... A>
R Object::call(const A&... args) const {
    detail::Raw raw[sizeof...(A) + 1] = {Converter<detail::ToType<A>>::to(detail::Access::need(*this), args)...};
    detail::Raw result = detail::call(detail::Access::need(*this), detail::Access::raw(*this), raw, sizeof...(A));
    if constexpr (std::is_void_v<R>) {
        return;
    } else {
        try {
            return Converter<R>::from(detail::Access::need(*this), result);
        } catch (const detail::Mismatch& m) {
            throw Error("TypeError", std::string("expected ") + m.expected + " as the result");
        }
    }
}

template <class K>
Object Object::operator[](const K& key) const {
    return get_item_object(detail::Access::hold(detail::Access::need(*this), Converter<detail::ToType<K>>::to(detail::Access::need(*this), key)));
}

template <class T>
void Interpreter::set_global(std::string_view name, const T& v) {
    set_global_object(name, value(v));
}

template <class T>
Object Interpreter::value(const T& v) {
    return detail::Access::hold(*m_impl, Converter<detail::ToType<T>>::to(*m_impl, v));
}

template <class F>
Object Interpreter::def(std::string_view name, F fn, std::vector<Arg> params) {
    Object f = detail::def_function(*m_impl, name, std::move(fn), std::move(params));
    detail::set_builtin(*m_impl, name, f);
    return f;
}

template <class F>
Module& Module::def(std::string_view name, F fn, std::vector<Arg> params) {
    m_module.set_attr(name, detail::def_function(*m_impl, name, std::move(fn), std::move(params)));
    return *this;
}

// The two-argument forms are overloads, not a defaulted `params = {}`: a default argument naming
// std::vector<Arg> is instantiated where it is declared, before Arg is complete, which clang rejects.
template <class F>
Object Interpreter::def(std::string_view name, F fn) {
    return def(name, std::move(fn), std::vector<Arg>{});
}

template <class F>
Module& Module::def(std::string_view name, F fn) {
    return def(name, std::move(fn), std::vector<Arg>{});
}

// ---------------------------------------------------------------------------------------------
// Native classes: a Python class whose instances own a C++ object.

namespace detail {

/// One static tag per wrapped C++ type: instances carry it, so a method of one class refuses an
/// instance of another.
template <class T>
struct ClassTag {
    static inline const char tag = 0;
};

/// The class's Python type.
Object make_class(Impl& impl, std::string_view name, std::string_view module, const void* tag);
/// A new instance of `cls` owning `object`, which `destroy` deletes with the instance.
Raw wrap_instance(Impl& impl, Raw cls, void* object, const void* tag, void (*destroy)(void*));
/// The C++ object of an instance of the class tagged `tag`; Mismatch naming the class otherwise.
void* unwrap_instance(Impl& impl, Raw v, const void* tag);
/// Installs `factory` (a native function building an instance) as the class's constructor.
void set_constructor(Impl& impl, Raw cls, const Object& factory);
/// Sets `cls.name` = value in the class's namespace (methods, properties).
void set_class_attr(Impl& impl, Raw cls, std::string_view name, Raw value);
/// property(fget, fset).
Object make_property(Impl& impl, const Object& getter, const Object* setter);

/// The receiver of a method of a native class.
template <class T>
struct Self {
    T* object;
};

} // namespace detail

template <class T>
struct Converter<detail::Self<T>> {
    static detail::Self<T> from(detail::Impl& impl, detail::Raw v) {
        return {static_cast<T*>(detail::unwrap_instance(impl, v, &detail::ClassTag<T>::tag))};
    }
};

/// Binds the C++ type T as a Python class: `py.klass<Vec>("Vec").constructor<double, double>()
/// .method("length", &Vec::length).property("x", &Vec::get_x, &Vec::set_x)`.
template <class T>
class Class {
public:
    Class(detail::Impl& impl, std::string_view name, std::string_view module)
        : m_impl(&impl),
          m_type(detail::make_class(impl, name, module, &detail::ClassTag<T>::tag)) {}

    /// `Cls(args...)` constructs a T from the converted arguments.
    template <class... A>
    Class& constructor(std::vector<Arg> params = {}) {
        Object cls = m_type;
        detail::Impl* impl = m_impl;
        auto make = [impl, cls](A... args) {
            T* object = new T(std::move(args)...);
            detail::Raw inst = detail::wrap_instance(*impl, detail::Access::raw(cls), object,
                                                     &detail::ClassTag<T>::tag,
                                                     [](void* p) { delete static_cast<T*>(p); });
            return detail::Access::hold(*impl, inst);
        };
        detail::set_constructor(*m_impl, raw(), detail::def_function(*m_impl, name(), make, std::move(params)));
        return *this;
    }

    /// A method: a member function pointer, or any callable whose first parameter is T&.
    template <class R, class... A>
    Class& method(std::string_view method_name, R (T::*fn)(A...), std::vector<Arg> params = {}) {
        return add(method_name, [fn](detail::Self<T> self, A... args) -> R { return (self.object->*fn)(args...); },
                   std::move(params));
    }
    template <class R, class... A>
    Class& method(std::string_view method_name, R (T::*fn)(A...) const, std::vector<Arg> params = {}) {
        return add(method_name, [fn](detail::Self<T> self, A... args) -> R { return (self.object->*fn)(args...); },
                   std::move(params));
    }

    /// A read-only property from a getter, or a read-write one with a setter.
    template <class V>
    Class& property(std::string_view prop, V (T::*getter)() const) {
        Object get = detail::def_function(*m_impl, prop, [getter](detail::Self<T> s) { return (s.object->*getter)(); }, {});
        set(prop, detail::make_property(*m_impl, get, nullptr));
        return *this;
    }
    template <class V, class W>
    Class& property(std::string_view prop, V (T::*getter)() const, void (T::*setter)(W)) {
        Object get = detail::def_function(*m_impl, prop, [getter](detail::Self<T> s) { return (s.object->*getter)(); }, {});
        Object put = detail::def_function(*m_impl, prop,
            [setter](detail::Self<T> s, detail::Bare<W> v) { (s.object->*setter)(std::move(v)); }, {});
        set(prop, detail::make_property(*m_impl, get, &put));
        return *this;
    }
    /// A property over a data member, read-write.
    template <class V>
    Class& property(std::string_view prop, V T::*member) {
        Object get = detail::def_function(*m_impl, prop, [member](detail::Self<T> s) { return s.object->*member; }, {});
        Object put = detail::def_function(*m_impl, prop, [member](detail::Self<T> s, V v) { s.object->*member = std::move(v); }, {});
        set(prop, detail::make_property(*m_impl, get, &put));
        return *this;
    }

    /// The Python class.
    const Object& type() const { return m_type; }

private:
    template <class F>
    Class& add(std::string_view method_name, F fn, std::vector<Arg> params) {
        if (!params.empty()) params.insert(params.begin(), arg("self"));
        set(method_name, detail::def_function(*m_impl, method_name, std::move(fn), std::move(params)));
        return *this;
    }
    void set(std::string_view attr, const Object& value) {
        detail::set_class_attr(*m_impl, raw(), attr, detail::Access::raw(value));
    }
    detail::Raw raw() const { return detail::Access::raw(m_type); }
    std::string name() const { return m_type.attr("__name__").as<std::string>(); }

    detail::Impl* m_impl;
    Object m_type;
};

template <class T>
void Promise::resolve(const T& value) {
    detail::Impl& i = impl();
    Object v = detail::Access::hold(i, Converter<detail::ToType<T>>::to(i, value));
    settle(&v, nullptr);
}

template <class T>
Class<T> Interpreter::klass(std::string_view name, std::string_view module) {
    Class<T> cls(*m_impl, name, module);
    if (module == "__main__") set_global_object(name, cls.type());
    else this->module(module).set(name, cls.type());
    return cls;
}

} // namespace eddy
