// runtime/import.hpp: the import system: `import x`, `import pkg.sub`, relative imports, `from x
// import y`, `from x import *`. Source modules are found on sys.path (the main script's directory
// first) as x.py or x/__init__.py, compiled with Interp::compile_source, executed once and cached
// in sys.modules. Native modules come from a loader the stdlib registers.
#pragma once

#include <memory>
#include <optional>
#include <string_view>

#include "object.hpp"
#include "vm/bytecode.hpp"
#include "vm/vm_state.hpp"

namespace eddy::rt {

struct Module;

// Registers the stdlib's native-module lookup (called once, before running code).
void set_native_module_loader(Interp& in, vm::NativeModuleLoader loader);

// builtins.__import__(name, globals, locals, fromlist, level): returns the top-level package for
// `import a.b` (empty fromlist) and the module itself otherwise.
Result<Value> import_name(Interp& in, Str* name, Value globals, Value fromlist, int level);
// `from module import name`: the attribute, else the submodule, else ImportError
// "cannot import name 'y' from 'x' (/path/x.py)".
Result<Value> import_from(Interp& in, Value module, Str* name);
// `from module import *` into `locals`: honours __all__, else skips names starting with '_'.
Status import_star(Interp& in, Value module, Value locals);
// Imports a module by its absolute dotted name and returns it (not the top-level package).
Result<Value> import_module(Interp& in, std::string_view name);

// A module to create from source text (a file's), or from code compiled at build time (a frozen
// module's: stdlib/py, embedded in the binary).
struct SourceModule {
    std::string_view name;                         // the absolute dotted name
    std::string_view source;
    std::string_view code_filename;                // for tracebacks: a path or "<frozen NAME>"
    std::optional<std::string_view> file;          // __file__, when there is one
    std::optional<std::string_view> package_dir;   // a package: its folder ("" when embedded)
    std::shared_ptr<const vm::Code> code = {};     // when set, run as is: `source` is not compiled
};
// Creates module `spec.name`, registers it in sys.modules and runs its body (unregistering it
// again if that raises). Returns what sys.modules holds under the name afterwards.
Result<Value> load_module_from_source(Interp& in, const SourceModule& spec);

// Executes `code` (a runtime code value) as module `name`'s body in `module`'s namespace.
Status exec_module_code(Interp& in, Value code, Module* module);

// The builtins.__import__ function body, for the stdlib to register:
// "__import__(name, globals=None, locals=None, fromlist=(), level=0)".
Result<Value> builtin___import__(Interp& in, Args args);

} // namespace eddy::rt
