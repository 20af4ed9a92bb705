// api/run_module.cpp: the parts of eddy.hpp behind the command line's -m and --dis: finding a
// module on sys.path and running it as `__main__` (a small version of CPython's
// runpy._run_module_as_main), and disassembling source text.
#include "api/impl.hpp"

#include <cstdio>
#include <filesystem>

#include "compiler/compile.hpp"
#include "runtime/dict_object.hpp"
#include "runtime/import.hpp"
#include "runtime/list_object.hpp"
#include "runtime/module_object.hpp"
#include "runtime/ops.hpp"
#include "runtime/str_object.hpp"
#include "vm/bytecode.hpp"
#include "vm/run.hpp"
#include "vm/vm_state.hpp"

namespace eddy {

using rt::Value;
namespace fs = std::filesystem;

namespace {

// The list sys.<name>, or null.
rt::List* sys_list(rt::Interp& in, std::string_view name) {
    if (!in.sys) return nullptr;
    Value v = rt::dict_get_str(in.sys->dict, in.intern(name));
    return !v.is_null() && rt::is_list(in, v) ? v.as<rt::List>() : nullptr;
}

// `-m` searches the current directory first: CPython puts it at sys.path[0].
void put_cwd_first_on_path(rt::Interp& in) {
    std::error_code ec;
    std::string cwd = fs::current_path(ec).string();
    in.vm->search_path.insert(in.vm->search_path.begin(), cwd);
    if (rt::List* path = sys_list(in, "path"))
        path->items.insert(path->items.begin(), rt::str_value(in, cwd));
}

// The str items of a list value (a package's __path__, sys.path).
std::vector<std::string> string_items(rt::Interp& in, Value list) {
    std::vector<std::string> out;
    if (list.is_null() || !rt::is_list(in, list)) return out;
    for (Value item : list.as<rt::List>()->items)
        if (rt::is_str(in, item)) out.emplace_back(item.as<rt::Str>()->view());
    return out;
}

void print_error(const std::string& text) {
    std::fflush(stdout);
    std::fprintf(stderr, "eddy: %s\n", text.c_str());
}

// "ModuleNotFoundError: No module named 'x'" for the pending exception, which is cleared.
std::string describe_pending(rt::Interp& in) {
    Value exc = in.take_exception();
    std::string text(rt::type_name(in, exc));
    if (rt::Result<Value> s = rt::str(in, exc); !s.is_error()) {
        if (!s.value().as<rt::Str>()->view().empty())
            text += ": " + std::string(s.value().as<rt::Str>()->view());
    } else {
        in.take_exception();
    }
    return text;
}

struct Found {
    enum Kind { Missing, File, Package, Error } kind = Missing;
    std::string path;
};

// Finds module `name`, as runpy._get_module_details does: the parent package is imported first,
// then the leaf is searched in its __path__ (or on sys.path for a top-level name).
Found find_module(rt::Interp& in, const std::string& name) {
    size_t dot = name.rfind('.');
    std::vector<std::string> dirs;
    if (dot == std::string::npos) {
        dirs = string_items(in, sys_list(in, "path") ? Value::from_obj(sys_list(in, "path"))
                                                     : Value::null());
        if (dirs.empty()) dirs = in.vm->search_path;
    } else {
        std::string parent = name.substr(0, dot);
        rt::Result<Value> package = rt::import_module(in, parent);
        if (package.is_error()) {
            print_error("Error while finding module specification for '" + name + "' (" +
                        describe_pending(in) + ")");
            return {Found::Error, ""};
        }
        Value path = package.value().is_obj() && package.value().as_obj()->type == in.types.module
                         ? rt::dict_get_str(package.value().as<rt::Module>()->dict,
                                            in.names.dunder_path)
                         : Value::null();
        dirs = string_items(in, path);
    }
    std::string leaf = name.substr(dot == std::string::npos ? 0 : dot + 1);
    for (const std::string& dir : dirs) {
        fs::path base = fs::path(dir.empty() ? "." : dir) / leaf;
        std::error_code ec;
        if (fs::is_regular_file(base.string() + ".py", ec)) return {Found::File, base.string() + ".py"};
        if (fs::is_regular_file(base / "__init__.py", ec)) return {Found::Package, base.string()};
    }
    return {};
}

} // namespace

int Interpreter::run_module(const std::string& name) {
    EDDY_API_ENTRY(*m_impl);
    rt::Interp& in = m_impl->in;
    put_cwd_first_on_path(in);
    std::string target = name;
    Found found = find_module(in, target);
    if (found.kind == Found::Package) {
        // A package runs its __main__ submodule, after the package itself is imported.
        target = name + ".__main__";
        found = find_module(in, target);
        if (found.kind == Found::Missing) {
            print_error("No module named " + target + "; '" + name +
                        "' is a package and cannot be directly executed");
            return 1;
        }
    }
    if (found.kind == Found::Error) return 1;
    if (found.kind != Found::File) {
        print_error("No module named " + target);
        return 1;
    }
    std::string source;
    if (!detail::read_source(found.path, source)) {
        print_error("can't open file '" + found.path + "'");
        return 1;
    }
    if (rt::List* argv = sys_list(in, "argv"); argv && !argv->items.empty())
        argv->items[0] = rt::str_value(in, found.path);
    rt::Result<Value> code =
        detail::compile_to_code(in, source, found.path, parse::Mode::File);
    if (code.is_error()) return vm::handle_uncaught(in);
    rt::Module* main = vm::make_main_module(in, "__main__", found.path);
    if (vm::run_in_module(in, code.value(), main).is_error()) return vm::handle_uncaught(in);
    flush();
    return 0;
}

std::string Interpreter::disassemble(std::string_view source, std::string_view filename) {
    EDDY_API_ENTRY(*m_impl);
    rt::Interp& in = m_impl->in;
    parse::ParseResult parsed = parse::parse(source, filename, parse::Mode::File);
    if (auto* error = std::get_if<parse::SyntaxErrorInfo>(&parsed)) {
        (void)detail::raise_syntax_error(in, *error);
        m_impl->throw_error();
    }
    comp::CompileResult compiled =
        comp::compile(std::get<ast::Module>(parsed), filename, parse::Mode::File, source);
    if (auto* error = std::get_if<parse::SyntaxErrorInfo>(&compiled)) {
        (void)detail::raise_syntax_error(in, *error);
        m_impl->throw_error();
    }
    return vm::disassemble(*std::get<std::shared_ptr<vm::Code>>(compiled));
}

} // namespace eddy
