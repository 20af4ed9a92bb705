// stdlib/sys_module.cpp: the sys module: argv, path, modules, the standard streams, version
// information, exit, the recursion limit (kept in the VM state), exc_info and a few
// introspection helpers, after CPython 3.11's Python/sysmodule.c.
#include <climits>
#include <cstdlib>
#include <string>

#include "dict_object.hpp"
#include "exception_object.hpp"
#include "int_object.hpp"
#include "io_streams.hpp"
#include "list_object.hpp"
#include "module_object.hpp"
#include "modules.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "str_object.hpp"
#include "struct_seq.hpp"
#include "traceback.hpp"
#include "tuple_object.hpp"
#include "vm/vm_state.hpp"

namespace eddy::lib {

namespace {

constexpr const char* VersionText = "3.11.7 (eddy 0.1.0)";

// sys.exit(status=None): PyErr_SetObject(SystemExit, status): None gives no arguments, a tuple
// becomes the arguments, anything else the only argument.
Result<Value> sys_exit(Interp& in, Args args) {
    Value status = args.has(0) ? args[0] : Value::none();
    rt::Tuple* exc_args = status.is_none()            ? in.empty_tuple
                          : rt::is_tuple(in, status) ? status.as<rt::Tuple>()
                                                     : rt::make_tuple(in, {status});
    return in.raise_value(Value::from_obj(rt::make_exception(in, in.exc.SystemExit, exc_args)));
}

Result<Value> sys_getrecursionlimit(Interp& in, Args) {
    return rt::make_int(in, int64_t(in.vm->recursion_limit));
}

Result<Value> sys_setrecursionlimit(Interp& in, Args args) {
    if (args[0].is_float())
        return in.raise(in.exc.TypeError, "'float' object cannot be interpreted as an integer");
    int64_t limit = EDDY_TRY(rt::index_as_int64(in, args[0]));
    if (limit < 1)
        return in.raise(in.exc.ValueError, "recursion limit must be greater or equal than 1");
    if (limit > INT_MAX) return in.raise(in.exc.OverflowError, "Python int too large to convert to C int");
    if (limit <= in.vm->depth)
        return in.raise(in.exc.RecursionError,
                        "cannot set the recursion limit to " + std::to_string(limit) +
                            " at the recursion depth " + std::to_string(in.vm->depth) +
                            ": the limit is too low");
    in.vm->recursion_limit = int(limit);
    return Value::none();
}

// exc_info(): (type, value, traceback) of the exception being handled, or three Nones.
Result<Value> sys_exc_info(Interp& in, Args) {
    Value exc = vm::handled_exception(*in.vm);
    if (exc.is_none() || exc.is_null())
        return Value::from_obj(rt::make_tuple(in, {Value::none(), Value::none(), Value::none()}));
    auto* e = exc.as<rt::BaseException>();
    Value tb = e->traceback ? Value::from_obj(e->traceback) : Value::none();
    return Value::from_obj(rt::make_tuple(in, {Value::from_obj(rt::type_of(in, exc)), exc, tb}));
}

// getsizeof(): CPython's sizes for the immediates, the allocation size for heap objects.
Result<Value> sys_getsizeof(Interp& in, Args args) {
    Value v = args[0];
    if (v.is_obj()) return rt::make_int(in, int64_t(v.as_obj()->gc_size));
    if (v.is_float()) return Value::from_small_int(24);
    if (v.is_small_int()) return Value::from_small_int(v.as_small_int() == 0 ? 24 : 28);
    if (v.is_bool()) return Value::from_small_int(v.is_true() ? 28 : 24);
    return Value::from_small_int(16);
}

Result<Value> sys_intern(Interp& in, Args args) {
    if (!rt::is_str(in, args[0]))
        return in.raise(in.exc.TypeError, "intern() argument must be str, not " +
                                              std::string(rt::type_name(in, args[0])));
    return Value::from_obj(in.intern(args[0].as<rt::Str>()->view()));
}

// The int<->str digit limit lives with the int implementation (int_object.hpp).
Result<Value> sys_get_int_max_str_digits(Interp& in, Args) {
    return Value::from_small_int(rt::int_max_str_digits(in));
}

Result<Value> sys_set_int_max_str_digits(Interp& in, Args args) {
    int64_t n = EDDY_TRY(rt::index_as_int64(in, args[0]));
    if (n != 0 && n < 640)
        return in.raise(in.exc.ValueError, "maxdigits must be 0 or larger than 640");
    if (n > INT_MAX) return in.raise(in.exc.OverflowError, "Python int too large to convert to C int");
    rt::set_int_max_str_digits(in, int(n));
    return Value::none();
}

Result<Value> sys_getdefaultencoding(Interp& in, Args) { return rt::str_value(in, "utf-8"); }

Result<Value> sys_getrefcount(Interp&, Args) { return Value::from_small_int(2); }

Value str_list(Interp& in, const std::vector<std::string>& items) {
    rt::List* list = rt::make_list(in);
    for (const std::string& s : items) list->items.push_back(rt::str_value(in, s));
    return Value::from_obj(list);
}

// sys.path[0]: the directory of the script (absolute), or '' for -c and the REPL.
std::string script_directory(const std::vector<std::string>& argv) {
    if (argv.empty() || argv[0].empty() || argv[0] == "-c" || argv[0] == "-") return "";
    std::string path = argv[0];
    size_t slash = path.rfind('/');
    std::string dir = slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
    if (char* real = realpath(dir.c_str(), nullptr)) {
        dir = real;
        free(real);
    }
    return dir;
}

void add_version_info(Interp& in, rt::Module* m) {
    Type* vi_type = make_struct_seq_type(in, "version_info", "sys",
                                         {"major", "minor", "micro", "releaselevel", "serial"}, 5);
    Value vi = make_struct_seq(in, vi_type, std::initializer_list<Value>{
        Value::from_small_int(3), Value::from_small_int(11), Value::from_small_int(7),
        rt::str_value(in, "final"), Value::from_small_int(0)});
    set_module_attr(in, m, "version_info", vi);
    set_module_attr(in, m, "version", rt::str_value(in, VersionText));
    set_module_attr(in, m, "hexversion", Value::from_small_int(0x030B07F0));
    rt::Module* impl = rt::make_module(in, "implementation");
    set_module_attr(in, impl, "name", rt::str_value(in, "eddy"));
    set_module_attr(in, impl, "cache_tag", Value::none());
    set_module_attr(in, impl, "version", vi);
    set_module_attr(in, m, "implementation", Value::from_obj(impl));
}

} // namespace

Result<Value> init_sys(Interp& in) {
    rt::Module* m = rt::make_module(in, "sys");
    set_module_attr(in, m, "argv", str_list(in, in.argv));
    set_module_attr(in, m, "orig_argv", str_list(in, in.argv));
    std::vector<std::string> path{script_directory(in.argv)};
    for (const std::string& dir : in.vm->search_path) path.push_back(dir);
    set_module_attr(in, m, "path", str_list(in, path));
    set_module_attr(in, m, "modules", Value::from_obj(in.modules));
    set_module_attr(in, m, "platform", rt::str_value(in, "linux"));
    set_module_attr(in, m, "byteorder", rt::str_value(in, "little"));
    set_module_attr(in, m, "maxsize", rt::make_int(in, int64_t(INT64_MAX)));
    set_module_attr(in, m, "maxunicode", Value::from_small_int(0x10FFFF));
    set_module_attr(in, m, "executable", rt::str_value(in, ""));
    set_module_attr(in, m, "builtin_module_names",
                    Value::from_obj(rt::make_tuple(in, {
#define EDDY_MODULE(pyname, init) rt::str_value(in, pyname),
#include "modules.def"
#undef EDDY_MODULE
                    })));
    add_version_info(in, m);
    Value in_v, out_v, err_v;
    make_standard_streams(in, in_v, out_v, err_v);
    for (auto [name, v] : {std::pair{"stdin", in_v}, {"stdout", out_v}, {"stderr", err_v},
                           {"__stdin__", in_v}, {"__stdout__", out_v}, {"__stderr__", err_v}})
        set_module_attr(in, m, name, v);
    rt::add_functions(in, m, {
        {"exit(status=?, /)", sys_exit},
        {"getrecursionlimit()", sys_getrecursionlimit},
        {"setrecursionlimit(limit, /)", sys_setrecursionlimit},
        {"exc_info()", sys_exc_info},
        {"getsizeof(object, default=?)", sys_getsizeof},
        {"intern(string, /)", sys_intern},
        {"get_int_max_str_digits()", sys_get_int_max_str_digits},
        {"set_int_max_str_digits(maxdigits)", sys_set_int_max_str_digits},
        {"getdefaultencoding()", sys_getdefaultencoding},
        {"getfilesystemencoding()", sys_getdefaultencoding},
        {"getrefcount(object, /)", sys_getrefcount},
    });
    return Value::from_obj(m);
}

} // namespace eddy::lib
