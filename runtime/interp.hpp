// runtime/interp.hpp: rt::Interp, everything one interpreter owns: the heap, the built-in types
// and exception classes, interned names, sys.modules, the pending exception and the VM state.
// There is no global mutable state in eddy: every function takes the Interp it works for.
#pragma once

#include <array>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "heap.hpp"
#include "object.hpp"

namespace eddy::vm {
struct VmState;   // frames, recursion depth, handled-exception stack (vm/vm_state.hpp)
}

namespace eddy::rt::loop {
struct LoopState;   // asyncio's per-interpreter state (runtime/loop/loop.hpp), made on first use
}

namespace eddy::rt {

struct Module;
struct List;
struct Signature;

struct BuiltinTypes {
#define EDDY_TYPE(field, pyname, owner) Type* field = nullptr;
#include "builtin_types.def"
#undef EDDY_TYPE
};

struct ExceptionTypes {
#define EDDY_EXC(name, base) Type* name = nullptr;
#include "exceptions.def"
#undef EDDY_EXC
};

// Interned names the runtime uses often ("__init__", "__eq__", ...), declared in names.def.
struct Names {
#define EDDY_NAME(field, text) Str* field = nullptr;
#include "names.def"
#undef EDDY_NAME
};

class Interp final : public RootSource {
public:
    Interp();
    ~Interp() override;
    Interp(const Interp&) = delete;
    Interp& operator=(const Interp&) = delete;

    Heap heap;
    BuiltinTypes types;
    ExceptionTypes exc;
    Names names;

    // The one str object for `text`, shared by every user (attribute and global names).
    Str* intern(std::string_view text);

    // ---- raising: each returns Error so `return in.raise(...)` fits any Result ----
    Error raise(Type* type, std::string_view message);
    Error raise(Type* type);                         // no arguments, like `raise TypeError`
    Error raise_value(Value exception);              // an instance, or a class to instantiate
    Error raise_memory_error();                      // needs no allocation
    bool has_exception() const { return !m_exception.is_null(); }
    Value exception() const { return m_exception; }  // the pending exception, or null
    Value take_exception();                          // returns and clears it
    void set_exception(Value exception) { m_exception = exception; }
    // True when the pending exception is an instance of `type`.
    bool exception_matches(Type* type) const;

    // ---- modules ----
    Dict* modules = nullptr;        // sys.modules: name -> module
    Module* builtins = nullptr;     // the builtins module
    Module* sys = nullptr;
    std::vector<std::string> argv;  // sys.argv, set by the host before running

    // int <-> str conversions refuse more digits than this (sys.set_int_max_str_digits).
    int int_max_str_digits = 4300;
    // The payload of the next float('nan'): each is a distinct object (see Value::nan_with_serial).
    uint64_t next_nan_serial = 1;

    // The next type version tag (type_version.cpp); 0 once exhausted.
    uint32_t next_type_version = 1;

    // ---- singletons ----
    Tuple* empty_tuple = nullptr;
    Str* empty_str = nullptr;
    // The one-character ASCII strs, filled on first use (each is also interned, so traced there):
    // s[i], iteration and split on ASCII text allocate nothing for single characters.
    std::array<Str*, 128> ascii_chars{};

    // Output: the host may redirect stdout/stderr (the embedding API, the tests).
    struct Output {
        virtual ~Output() = default;
        virtual void write(std::string_view text) = 0;
        virtual void flush() {}
    };
    Output* stdout_sink = nullptr;
    Output* stderr_sink = nullptr;

    std::unique_ptr<vm::VmState> vm;
    std::unique_ptr<loop::LoopState> loop_state;

    // Compiles Python source into a code object (a runtime `code` value). Set by the embedding
    // layer (api/), which alone links the parser and compiler; the import system and exec()
    // use it. On a syntax error it raises SyntaxError and returns Error.
    std::function<Result<Value>(Interp&, std::string_view source, std::string_view filename)> compile_source;

    // Parsed native signatures, keyed by the address of their (string literal) text.
    std::unordered_map<const char*, std::unique_ptr<Signature>> signatures;

    void trace_roots(Tracer& tracer) override;

private:
    void create_types();
    void create_exceptions();
    void intern_names();

    Value m_exception = Value::null();
    std::unordered_map<std::string_view, Str*> m_interned;   // keys view the Str's own bytes
};

} // namespace eddy::rt
