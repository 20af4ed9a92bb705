// vm/run.cpp: running scripts and reporting uncaught exceptions (see run.hpp), following
// CPython's pymain_run_file / handle_system_exit (Python/pythonrun.c).
#include "vm/run.hpp"

#include <cstdio>
#include <filesystem>
#include <string>

#include "runtime/dict_object.hpp"
#include "runtime/exception_object.hpp"
#include "runtime/function_object.hpp"
#include "runtime/int_object.hpp"
#include "runtime/interp.hpp"
#include "runtime/list_object.hpp"
#include "runtime/module_object.hpp"
#include "runtime/ops.hpp"
#include "runtime/str_object.hpp"
#include "runtime/traceback.hpp"
#include "runtime/tuple_object.hpp"
#include "vm/interpreter.hpp"

namespace eddy::vm {

using rt::Value;

rt::Module* make_main_module(rt::Interp& in, std::string_view name, std::string_view filename) {
    rt::Module* m = rt::make_module(in, name);
    rt::Dict* d = m->dict;
    if (in.builtins) rt::dict_set_str(in, d, in.names.dunder_builtins, Value::from_obj(in.builtins));
    if (!filename.empty()) rt::dict_set_str(in, d, in.names.dunder_file, rt::str_value(in, filename));
    rt::dict_set_str(in, d, in.names.dunder_package, Value::none());
    rt::dict_set_str(in, d, in.names.dunder_spec, Value::none());
    rt::dict_set_str(in, d, in.names.dunder_loader, Value::none());
    if (in.modules) rt::dict_set_str(in, in.modules, in.intern(name), Value::from_obj(m));
    return m;
}

// sys.path[0] is the script's directory, as CPython sets it.
static void set_script_dir(rt::Interp& in, std::string_view filename) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path dir = fs::absolute(fs::path(filename), ec).parent_path();
    std::string d = dir.string();
    in.vm->search_path.insert(in.vm->search_path.begin(), d);
    if (!in.sys) return;
    Value path = rt::dict_get_str(in.sys->dict, in.intern("path"));
    if (path.is_null() || !rt::is_list(in, path)) return;
    auto& items = path.as<rt::List>()->items;
    if (!items.empty() && rt::is_str(in, items[0]) && items[0].as<rt::Str>()->view() == d) return;
    items.insert(items.begin(), rt::str_value(in, d));
}

rt::Result<Value> run_main(rt::Interp& in, Value code, std::string_view filename) {
    if (!rt::is_code(in, code)) return in.raise(in.exc.TypeError, "expected a code object");
    set_script_dir(in, filename);
    rt::Module* m = make_main_module(in, "__main__", filename);
    EDDY_TRY(run_code(in, code.as<rt::CodeObject>(), m->dict, Value::from_obj(m->dict)));
    return Value::from_obj(m);
}

// The existing __main__ module, or null.
static rt::Module* existing_main(rt::Interp& in) {
    if (!in.modules) return nullptr;
    Value m = rt::dict_get_str(in.modules, in.names.dunder_main);
    if (m.is_obj() && m.as_obj()->type == in.types.module) return m.as<rt::Module>();
    return nullptr;
}

rt::Status run_main_module(rt::Interp& in, Value code, std::string_view filename) {
    rt::Module* m = existing_main(in);
    if (!m) {
        set_script_dir(in, filename);
        m = make_main_module(in, "__main__", filename);
    }
    EDDY_TRY(run_in_module(in, code, m));
    return rt::ok();
}

rt::Result<Value> eval_in_main(rt::Interp& in, Value code) {
    rt::Module* m = existing_main(in);
    if (!m) m = make_main_module(in, "__main__", "");
    return run_in_module(in, code, m);
}

rt::Module* main_module(rt::Interp& in) {
    rt::Module* m = existing_main(in);
    return m ? m : make_main_module(in, "__main__", "");
}

rt::Result<Value> run_in_module_async(rt::Interp& in, Value code, rt::Module* module) {
    if (!rt::is_code(in, code)) return in.raise(in.exc.TypeError, "expected a code object");
    return module_coroutine(in, code.as<rt::CodeObject>(), module->dict);
}

int handle_uncaught(rt::Interp& in) { return report_uncaught(in); }

rt::Result<Value> run_in_module(rt::Interp& in, Value code, rt::Module* module) {
    if (!rt::is_code(in, code)) return in.raise(in.exc.TypeError, "expected a code object");
    return run_code(in, code.as<rt::CodeObject>(), module->dict, Value::from_obj(module->dict));
}

rt::Result<Value> call_callable(rt::Interp& in, Value callable, std::span<const Value> args) {
    return rt::call(in, callable, rt::CallArgs{args.data(), args.size(), nullptr});
}

void print_pending_exception(rt::Interp& in) {
    Value exc = in.take_exception();
    if (exc.is_null()) return;
    rt::print_exception(in, exc);
}

static void write_stderr(rt::Interp& in, const std::string& text) {
    if (in.stderr_sink) {
        in.stderr_sink->write(text);
        in.stderr_sink->flush();
    } else {
        std::fflush(stdout);
        std::fwrite(text.data(), 1, text.size(), stderr);
    }
}

std::optional<int> handle_system_exit(rt::Interp& in) {
    if (!in.exception_matches(in.exc.SystemExit)) return std::nullopt;
    Value exc = in.take_exception();
    Value code = rt::get_attr_or_null(in, exc, in.intern("code")).value();
    if (code.is_error()) {
        in.take_exception();
        code = Value::null();
    }
    if (code.is_null()) {
        auto* args = exc.as<rt::BaseException>()->args;
        code = !args || args->size == 0 ? Value::none() : args->size == 1 ? (*args)[0] : Value::from_obj(args);
    }
    if (code.is_none()) return 0;
    if (rt::is_int(in, code)) {
        auto v = rt::int_to_int64(in, code);
        return v ? int(*v) : 1;
    }
    Value s = rt::str(in, code).value();
    if (s.is_error()) {
        in.take_exception();
    } else {
        write_stderr(in, std::string(s.as<rt::Str>()->view()) + "\n");
    }
    return 1;
}

int report_uncaught(rt::Interp& in) {
    if (auto status = handle_system_exit(in)) return *status;
    bool interrupted = in.exception_matches(in.exc.KeyboardInterrupt);
    print_pending_exception(in);
    return interrupted ? 130 : 1;
}

} // namespace eddy::vm
