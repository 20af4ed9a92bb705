// runtime/import.cpp: the import system, a small version of CPython's importlib._bootstrap:
// resolve relative names (_resolve_name), import each parent package first (_find_and_load),
// find a module as NAME.py or NAME/__init__.py on sys.path or the parent's __path__, run it once
// with sys.modules updated before execution (so circular imports see the partial module), and
// handle `from x import y` / `*` (_handle_fromlist).
#include "import.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "dict_object.hpp"
#include "exception_object.hpp"
#include "function_object.hpp"
#include "interp.hpp"
#include "list_object.hpp"
#include "module_object.hpp"
#include "ops.hpp"
#include "str_object.hpp"
#include "tuple_object.hpp"
#include "vm/interpreter.hpp"

namespace eddy::rt {

void set_native_module_loader(Interp& in, vm::NativeModuleLoader loader) {
    in.vm->native_module_loader = std::move(loader);
}

namespace {

Error module_not_found(Interp& in, std::string_view name, std::string msg) {
    (void)in.raise(in.exc.ModuleNotFoundError, msg);
    Value exc = in.exception();
    if (is_exception_instance(in, exc) && exc.as<BaseException>()->dict)
        dict_set_str(in, exc.as<BaseException>()->dict, in.intern("name"), str_value(in, name));
    return Error{};
}

Value modules_get(Interp& in, std::string_view name) {
    return dict_get_str(in.modules, in.intern(name));
}

std::string str_attr(Interp& in, Dict* d, std::string_view key) {
    Value v = dict_get_str(d, in.intern(key));
    if (v.is_null() || !is_str(in, v)) return "";
    return std::string(v.as<Str>()->view());
}

// The directories to search: the parent package's __path__, else sys.path.
std::vector<std::string> search_dirs(Interp& in, Value parent) {
    std::vector<std::string> dirs;
    Value path = Value::null();
    if (!parent.is_null()) {
        path = dict_get_str(parent.as<Module>()->dict, in.names.dunder_path);
    } else if (in.sys) {
        path = dict_get_str(in.sys->dict, in.intern("path"));
        if (path.is_null()) dirs = in.vm->search_path;
    } else {
        dirs = in.vm->search_path;
    }
    if (!path.is_null() && is_list(in, path))
        for (Value v : path.as<List>()->items)
            if (is_str(in, v)) dirs.emplace_back(v.as<Str>()->view());
    if (dirs.empty() && parent.is_null()) dirs.emplace_back("");
    return dirs;
}

Result<std::string> read_source(Interp& in, const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) return in.raise(in.exc.ImportError, "cannot read " + path);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

// Creates, registers and runs module `name` from the file `file` (a package when
// `package_dir` is set).
Result<Value> load_source_module(Interp& in, std::string_view name, const std::string& file,
                                 const std::string& package_dir) {
    std::string source = EDDY_TRY(read_source(in, file));
    SourceModule spec{name, source, file, file, std::nullopt};
    if (!package_dir.empty()) spec.package_dir = package_dir;
    return load_module_from_source(in, spec);
}

Result<Value> find_and_load(Interp& in, std::string_view name) {
    size_t dot = name.rfind('.');
    Value parent = Value::null();
    if (dot != std::string_view::npos) {
        std::string_view parent_name = name.substr(0, dot);
        parent = EDDY_TRY(import_module(in, parent_name));
        Value again = modules_get(in, name);   // importing the parent may have imported us
        if (!again.is_null()) return again;
        if (!parent.is_obj() || parent.as_obj()->type != in.types.module ||
            dict_get_str(parent.as<Module>()->dict, in.names.dunder_path).is_null()) {
            return module_not_found(in, name, "No module named '" + std::string(name) + "'; '" +
                                                  std::string(parent_name) + "' is not a package");
        }
    }
    if (in.vm->native_module_loader) {
        Value m = EDDY_TRY(in.vm->native_module_loader(in, name));
        if (!m.is_null()) {
            Value key = Value::from_obj(in.intern(name));
            if (modules_get(in, name).is_null()) EDDY_CHECK(dict_set(in, in.modules, key, m));
            return m;
        }
    }
    std::string last(dot == std::string_view::npos ? name : name.substr(dot + 1));
    namespace fs = std::filesystem;
    for (const std::string& dir : search_dirs(in, parent)) {
        fs::path base = dir.empty() ? fs::path(last) : fs::path(dir) / last;
        std::error_code ec;
        if (fs::is_regular_file(base / "__init__.py", ec))
            return load_source_module(in, name, (base / "__init__.py").string(), base.string());
        fs::path file = base;
        file += ".py";
        if (fs::is_regular_file(file, ec)) return load_source_module(in, name, file.string(), "");
    }
    return module_not_found(in, name, "No module named '" + std::string(name) + "'");
}

// The absolute name for `name` imported at `level` from a module with `globals`
// (importlib's _calc___package__ and _resolve_name).
Result<std::string> resolve_name(Interp& in, std::string_view name, Value globals, int level) {
    std::string package;
    if (globals.is_obj() && is_dict(in, globals)) {
        Dict* g = globals.as<Dict>();
        package = str_attr(in, g, "__package__");
        if (package.empty() && dict_get_str(g, in.names.dunder_package).is_null()) {
            package = str_attr(in, g, "__name__");
            if (dict_get_str(g, in.names.dunder_path).is_null()) {
                size_t dot = package.rfind('.');
                package = dot == std::string::npos ? "" : package.substr(0, dot);
            }
        }
    }
    if (package.empty())
        return in.raise(in.exc.ImportError, "attempted relative import with no known parent package");
    std::string base = package;
    for (int i = 1; i < level; ++i) {
        size_t dot = base.rfind('.');
        if (dot == std::string::npos)
            return in.raise(in.exc.ImportError, "attempted relative import beyond top-level package");
        base.resize(dot);
    }
    return name.empty() ? base : base + "." + std::string(name);
}

bool fromlist_empty(Interp& in, Value fromlist) {
    if (fromlist.is_null() || fromlist.is_none()) return true;
    if (is_tuple(in, fromlist)) return fromlist.as<Tuple>()->size == 0;
    if (is_list(in, fromlist)) return fromlist.as<List>()->items.empty();
    return false;
}

// importlib's _handle_fromlist: `from package import submodule` imports the submodule.
Status handle_fromlist(Interp& in, Value module, std::string_view modname, Value fromlist, bool recursive) {
    if (!module.is_obj() || module.as_obj()->type != in.types.module) return ok();
    Dict* d = module.as<Module>()->dict;
    if (dict_get_str(d, in.names.dunder_path).is_null()) return ok();
    return for_each(in, fromlist, [&](Value item) -> Status {
        if (!is_str(in, item)) return in.raise(in.exc.TypeError, "Item in from list must be str");
        std::string_view s = item.as<Str>()->view();
        if (s == "*") {
            if (recursive) return ok();
            Value all = dict_get_str(d, in.names.dunder_all);
            if (!all.is_null()) return handle_fromlist(in, module, modname, all, true);
            return ok();
        }
        if (!dict_get_str(d, item.as<Str>()).is_null()) return ok();
        std::string sub = std::string(modname) + "." + std::string(s);
        Value r = import_module(in, sub).value();
        if (r.is_error()) {
            // A missing submodule is not an error here; IMPORT_FROM reports it.
            Value exc = in.exception();
            if (in.exception_matches(in.exc.ModuleNotFoundError) && is_exception_instance(in, exc)) {
                auto* be = exc.as<BaseException>();
                Value n = be->dict ? dict_get_str(be->dict, in.intern("name")) : Value::null();
                if (!n.is_null() && is_str(in, n) && n.as<Str>()->view() == sub) {
                    in.take_exception();
                    return ok();
                }
            }
            return Error{};
        }
        return ok();
    });
}

} // namespace

Result<Value> load_module_from_source(Interp& in, const SourceModule& spec) {
    std::string_view name = spec.name;
    if (!spec.code && !in.compile_source)
        return in.raise(in.exc.ImportError, "no compiler available to import " + std::string(name));
    Module* m = make_module(in, name);
    Dict* d = m->dict;
    if (spec.file) dict_set_str(in, d, in.names.dunder_file, str_value(in, *spec.file));
    std::string_view pkg = name;
    if (!spec.package_dir) {
        size_t dot = name.rfind('.');
        pkg = dot == std::string_view::npos ? std::string_view{} : name.substr(0, dot);
    } else if (spec.package_dir->empty()) {
        // An embedded package: an empty __path__ marks it a package without a folder to search.
        dict_set_str(in, d, in.names.dunder_path, Value::from_obj(make_list(in)));
    } else {
        Value dir = str_value(in, *spec.package_dir);
        dict_set_str(in, d, in.names.dunder_path, Value::from_obj(make_list(in, std::span<const Value>(&dir, 1))));
    }
    dict_set_str(in, d, in.names.dunder_package, str_value(in, pkg));
    dict_set_str(in, d, in.names.dunder_spec, Value::none());
    dict_set_str(in, d, in.names.dunder_loader, Value::none());
    if (in.builtins) dict_set_str(in, d, in.names.dunder_builtins, Value::from_obj(in.builtins));
    Value key = Value::from_obj(in.intern(name));
    EDDY_CHECK(dict_set(in, in.modules, key, Value::from_obj(m)));
    Value code = spec.code ? Value::from_obj(make_code_object(in, spec.code))
                           : in.compile_source(in, spec.source, spec.code_filename).value();
    Status st = code.is_error() ? Status(Error{}) : exec_module_code(in, code, m);
    if (st.is_error()) {
        Value pending = in.take_exception();
        (void)dict_del(in, in.modules, key);
        in.set_exception(pending);
        return Error{};
    }
    // The module may have replaced itself in sys.modules (CPython returns that object).
    Value v = modules_get(in, name);
    return v.is_null() ? Value::from_obj(m) : v;
}

Result<Value> import_module(Interp& in, std::string_view name) {
    if (in.vm->import_filter) EDDY_CHECK(in.vm->import_filter(in, name));
    Value m = modules_get(in, name);
    if (!m.is_null()) {
        if (m.is_none())
            return module_not_found(in, name, "import of " + std::string(name) + " halted; None in sys.modules");
        return m;
    }
    Value loaded = EDDY_TRY(find_and_load(in, name));
    size_t dot = name.rfind('.');
    if (dot != std::string_view::npos) {
        Value parent = modules_get(in, name.substr(0, dot));
        if (parent.is_obj() && parent.as_obj()->type == in.types.module)
            dict_set_str(in, parent.as<Module>()->dict, in.intern(name.substr(dot + 1)), loaded);
    }
    return loaded;
}

Result<Value> import_name(Interp& in, Str* name_str, Value globals, Value fromlist, int level) {
    std::string_view name = name_str->view();
    if (level < 0) return in.raise(in.exc.ValueError, "level must be >= 0");
    if (level == 0 && name.empty()) return in.raise(in.exc.ValueError, "Empty module name");
    std::string absname = level > 0 ? EDDY_TRY(resolve_name(in, name, globals, level)) : std::string(name);
    Value module = EDDY_TRY(import_module(in, absname));
    if (!fromlist_empty(in, fromlist)) {
        EDDY_CHECK(handle_fromlist(in, module, absname, fromlist, false));
        return module;
    }
    if (name.empty()) return module;
    // `import a.b.c` binds `a`: the top-level package of what was named.
    size_t first_dot = name.find('.');
    if (first_dot == std::string_view::npos) return module;
    size_t cut = name.size() - first_dot;
    std::string top = absname.substr(0, absname.size() - cut);
    Value t = modules_get(in, top);
    return t.is_null() ? module : t;
}

Result<Value> import_from(Interp& in, Value module, Str* name) {
    Value v = EDDY_TRY(get_attr_or_null(in, module, name));
    if (!v.is_null()) return v;
    std::string modname = "<unknown module name>";
    std::string location = "unknown location";
    if (module.is_obj() && module.as_obj()->type == in.types.module) {
        Dict* d = module.as<Module>()->dict;
        std::string n = str_attr(in, d, "__name__");
        if (!n.empty()) {
            modname = n;
            Value sub = modules_get(in, n + "." + std::string(name->view()));
            if (!sub.is_null() && !sub.is_none()) return sub;
        }
        std::string f = str_attr(in, d, "__file__");
        if (!f.empty()) location = f;
    }
    (void)in.raise(in.exc.ImportError, "cannot import name '" + std::string(name->view()) + "' from '" +
                                           modname + "' (" + location + ")");
    Value exc = in.exception();
    if (is_exception_instance(in, exc) && exc.as<BaseException>()->dict) {
        dict_set_str(in, exc.as<BaseException>()->dict, in.intern("name"), str_value(in, modname));
    }
    return Error{};
}

Status import_star(Interp& in, Value module, Value locals) {
    if (locals.is_null()) return in.raise(in.exc.SystemError, "no locals found during 'import *'");
    Value all = EDDY_TRY(get_attr_or_null(in, module, in.names.dunder_all));
    if (!all.is_null()) {
        return for_each(in, all, [&](Value name) -> Status {
            if (!is_str(in, name)) {
                return in.raise(in.exc.TypeError, "Item in " + std::string("module.__all__") +
                                                      " must be str, not " + std::string(type_name(in, name)));
            }
            Value v = EDDY_TRY(get_attr(in, module, name.as<Str>()));
            return set_item(in, locals, name, v);
        });
    }
    Value dict = EDDY_TRY(get_attr(in, module, in.names.dunder_dict));
    if (!is_dict(in, dict)) return in.raise(in.exc.ImportError, "from-import-* object has no __dict__ and no __all__");
    // Snapshot the entries first: storing into locals may be storing into this very dict.
    List* keys = make_list(in);
    List* values = make_list(in);
    for (auto& e : dict.as<Dict>()->entries) {
        if (e.key.is_null() || !is_str(in, e.key)) continue;
        if (e.key.as<Str>()->view().starts_with("_")) continue;
        keys->items.push_back(e.key);
        values->items.push_back(e.value);
    }
    for (size_t i = 0; i < keys->items.size(); ++i) EDDY_CHECK(set_item(in, locals, keys->items[i], values->items[i]));
    return ok();
}

Status exec_module_code(Interp& in, Value code, Module* module) {
    if (!is_code(in, code)) return in.raise(in.exc.TypeError, "expected a code object");
    Value r = EDDY_TRY(vm::run_code(in, code.as<CodeObject>(), module->dict, Value::from_obj(module->dict)));
    (void)r;
    return ok();
}

Result<Value> builtin___import__(Interp& in, Args args) {
    if (!is_str(in, args[0])) return in.raise(in.exc.TypeError, "__import__() argument 1 must be str, not " + std::string(type_name(in, args[0])));
    int level = 0;
    if (args.has(4)) level = int(EDDY_TRY(index_as_int64(in, args[4])));
    Value fromlist = args.has(3) ? args[3] : Value::none();
    Value globals = args.has(1) ? args[1] : Value::none();
    return import_name(in, args[0].as<Str>(), globals, fromlist, level);
}

} // namespace eddy::rt
