// vm/run.hpp: the entry points the embedding layer (api/) uses to run code: a script as
// `__main__`, code in an existing module (REPL, exec), calls, and the reporting of what escaped
// (tracebacks on stderr, SystemExit's exit code).
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "runtime/object.hpp"

namespace eddy::rt {
struct Module;
}

namespace eddy::vm {

// Runs `code` (a runtime code value from Interp::compile_source) as the body of a fresh module
// `__main__` (registered in sys.modules, __file__ = filename, __builtins__ set). The script's
// directory becomes sys.path[0] (and the fallback search path). Returns the module.
rt::Result<rt::Value> run_main(rt::Interp& in, rt::Value code, std::string_view filename);

// A fresh module named `name` with __builtins__ set, registered in sys.modules (for the REPL).
rt::Module* make_main_module(rt::Interp& in, std::string_view name, std::string_view filename);

// The embedding layer's names: run `code` in the `__main__` module (created on first use and
// reused afterwards, so exec() and eval() share one namespace), evaluate in it, and report.
rt::Status run_main_module(rt::Interp& in, rt::Value code, std::string_view filename);
rt::Result<rt::Value> eval_in_main(rt::Interp& in, rt::Value code);
int handle_uncaught(rt::Interp& in);

// Runs `code` with `module`'s namespace as globals and locals; returns the code's result
// (None for module bodies, the expression's value for eval-mode code).
rt::Result<rt::Value> run_in_module(rt::Interp& in, rt::Value code, rt::Module* module);

// A coroutine running `code` (module code with CO_COROUTINE: a REPL input that awaits) with
// `module`'s namespace as globals and locals.
rt::Result<rt::Value> run_in_module_async(rt::Interp& in, rt::Value code, rt::Module* module);
// The `__main__` module, created on first use.
rt::Module* main_module(rt::Interp& in);

// Calls any callable with positional arguments.
rt::Result<rt::Value> call_callable(rt::Interp& in, rt::Value callable, std::span<const rt::Value> args);

// Prints the pending exception (traceback, chained causes) to stderr and clears it.
void print_pending_exception(rt::Interp& in);

// When the pending exception is SystemExit: clears it and returns the exit status (code None ->
// 0, an int -> itself, anything else is printed to stderr -> 1). Otherwise nullopt.
std::optional<int> handle_system_exit(rt::Interp& in);

// What `eddy FILE` does with an exception that escaped the script: SystemExit's status, or print
// the traceback and return 1 (130 for KeyboardInterrupt, as CPython's exit status on Ctrl-C).
int report_uncaught(rt::Interp& in);

} // namespace eddy::vm
