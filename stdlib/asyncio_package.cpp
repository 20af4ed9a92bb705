// stdlib/asyncio_package.cpp: the asyncio package: the files of stdlib/py/asyncio/, compiled in
// as strings and executed on first import. Interim: it goes once the stdlib embeds stdlib/py/.
#include <string>

#include "dict_object.hpp"
#include "import.hpp"
#include "lib_util.hpp"
#include "list_object.hpp"
#include "module_object.hpp"
#include "modules.hpp"
#include "str_object.hpp"

namespace eddy::lib {

// Runs `source` as module `name` (registered in sys.modules first, as any module is, so that
// relative imports inside find it).
static Result<Value> load_frozen(Interp& in, const char* name, const char* file, const char* source,
                                 bool package) {
    rt::Module* m = rt::make_module(in, name);
    std::string n(name);
    set_module_attr(in, m, "__package__", rt::str_value(in, package ? n : n.substr(0, n.rfind('.'))));
    set_module_attr(in, m, "__file__", rt::str_value(in, file));
    if (package) set_module_attr(in, m, "__path__", Value::from_obj(rt::make_list(in)));
    if (!in.compile_source) return in.raise(in.exc.ImportError, "no compiler to load " + n);
    rt::dict_set_str(in, in.modules, in.intern(name), Value::from_obj(m));
    Value code = EDDY_TRY(in.compile_source(in, source, file));
    EDDY_CHECK(rt::exec_module_code(in, code, m));
    return Value::from_obj(m);
}


Result<Value> init_asyncio(Interp& in) {
    static const char* const source =
#include "asyncio___init___py.inc"
        ;
    return load_frozen(in, "asyncio", "<frozen asyncio/__init__.py>", source, true);
}
Result<Value> init_asyncio_locks(Interp& in) {
    static const char* const source =
#include "asyncio_locks_py.inc"
        ;
    return load_frozen(in, "asyncio.locks", "<frozen asyncio/locks.py>", source, false);
}
Result<Value> init_asyncio_queues(Interp& in) {
    static const char* const source =
#include "asyncio_queues_py.inc"
        ;
    return load_frozen(in, "asyncio.queues", "<frozen asyncio/queues.py>", source, false);
}
Result<Value> init_asyncio_taskgroups(Interp& in) {
    static const char* const source =
#include "asyncio_taskgroups_py.inc"
        ;
    return load_frozen(in, "asyncio.taskgroups", "<frozen asyncio/taskgroups.py>", source, false);
}
Result<Value> init_asyncio_timeouts(Interp& in) {
    static const char* const source =
#include "asyncio_timeouts_py.inc"
        ;
    return load_frozen(in, "asyncio.timeouts", "<frozen asyncio/timeouts.py>", source, false);
}
Result<Value> init_asyncio_waiting(Interp& in) {
    static const char* const source =
#include "asyncio_waiting_py.inc"
        ;
    return load_frozen(in, "asyncio.waiting", "<frozen asyncio/waiting.py>", source, false);
}

} // namespace eddy::lib
