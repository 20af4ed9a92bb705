// stdlib/stdlib.cpp: installing the stdlib into an interpreter: the eager builtins and sys
// modules, and the loader the import system calls before searching sys.path: native modules
// (modules.def) first, then the modules frozen from stdlib/py/ (frozen.hpp): their build-time code
// is deserialized and run, with no compiler involved.
#include "stdlib.hpp"

#include <cstdio>
#include <cstdlib>

#include "dict_object.hpp"
#include "frozen.hpp"
#include "import.hpp"
#include "io_streams.hpp"
#include "module_object.hpp"
#include "modules.hpp"
#include "str_object.hpp"
#include "vm/code_serial.hpp"

namespace eddy::lib {

namespace {

struct ModuleEntry {
    std::string_view name;
    rt::Result<rt::Value> (*init)(rt::Interp&);
};

constexpr ModuleEntry NativeModules[] = {
#define EDDY_MODULE(pyname, init) {pyname, init},
#include "modules.def"
#undef EDDY_MODULE
};

void register_module(rt::Interp& in, std::string_view name, rt::Value module) {
    rt::dict_set_str(in, in.modules, in.intern(name), module);
}

// Start-up failures are eddy bugs (the init functions only allocate and fill dicts).
rt::Module* create_or_die(rt::Interp& in, std::string_view name) {
    rt::Result<rt::Value> m = load_native_module(in, name);
    if (m.is_error() || m.value().is_null()) {
        std::fprintf(stderr, "eddy: fatal: cannot initialise module %.*s\n", int(name.size()),
                     name.data());
        std::abort();
    }
    return m.value().as<rt::Module>();
}

} // namespace

rt::Result<rt::Value> load_native_module(rt::Interp& in, std::string_view name) {
    rt::Value existing = rt::dict_get_str(in.modules, in.intern(name));
    for (const ModuleEntry& entry : NativeModules) {
        if (entry.name != name) continue;
        if (!existing.is_null()) return existing;
        rt::Value module = EDDY_TRY(entry.init(in));
        register_module(in, name, module);
        return module;
    }
    if (const FrozenModule* frozen = find_frozen_module(name)) {
        if (!existing.is_null()) return existing;
        // The code was compiled at build time under the name "<frozen NAME>" (freeze_tool.cpp).
        std::string error;
        auto bytes = reinterpret_cast<const uint8_t*>(frozen->code.data());
        std::shared_ptr<vm::Code> code = vm::deserialize_code({bytes, frozen->code.size()}, &error);
        if (!code)
            return in.raise(in.exc.ImportError,
                            "frozen module " + std::string(name) + " is corrupt: " + error);
        // No source: the code is run as is.
        rt::SourceModule spec{name, {}, code->filename, std::nullopt, std::nullopt,
                              std::move(code)};
        if (frozen->is_package) spec.package_dir = "";
        return rt::load_module_from_source(in, spec);
    }
    return rt::Value::null();
}

void install(rt::Interp& in) {
    in.builtins = create_or_die(in, "builtins");
    in.sys = create_or_die(in, "sys");
    rt::set_native_module_loader(in, load_native_module);
}

} // namespace eddy::lib
