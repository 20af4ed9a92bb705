// eddy/eddy.hpp: the one public header. Embeds the eddy interpreter (a Python 3 subset with native
// async/await) in a C++ application; the `eddy` command line program is built on it too.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace eddy {

/// A Python exception that escaped to C++: its class name, str() of it, and the formatted
/// traceback exactly as eddy would print it ("Traceback (most recent call last): ...").
class Error : public std::runtime_error {
public:
    Error(std::string type_name, std::string message, std::string traceback);
    /// The exception's class name, e.g. "ZeroDivisionError".
    const std::string& type_name() const { return m_type_name; }
    /// str() of the exception, e.g. "division by zero".
    const std::string& message() const { return m_message; }
    /// The full traceback text, ending with "Type: message\n".
    const std::string& traceback() const { return m_traceback; }

private:
    std::string m_type_name, m_message, m_traceback;
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
};

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

    /// Flushes buffered output (also done by the destructor).
    void flush();

    struct Impl;

private:
    std::unique_ptr<Impl> m_impl;
};

/// The version string, e.g. "0.1.0".
const char* version();

} // namespace eddy
