// stdlib/asyncio_package.cpp: the asyncio module: stdlib/py/asyncio/__init__.py, compiled in as
// a string and executed on first import. Interim: it goes once the stdlib embeds stdlib/py/.
#include "dict_object.hpp"
#include "import.hpp"
#include "lib_util.hpp"
#include "list_object.hpp"
#include "module_object.hpp"
#include "modules.hpp"
#include "str_object.hpp"

namespace eddy::lib {

static const char* const AsyncioSource =
#include "asyncio_init_py.inc"
    ;

Result<Value> init_asyncio(Interp& in) {
    rt::Module* m = rt::make_module(in, "asyncio");
    set_module_attr(in, m, "__package__", rt::str_value(in, "asyncio"));
    set_module_attr(in, m, "__file__", rt::str_value(in, "<frozen asyncio/__init__.py>"));
    if (!in.compile_source) return in.raise(in.exc.ImportError, "no compiler to load asyncio");
    // In sys.modules before its body runs, as any module: its relative imports find it there.
    rt::dict_set_str(in, in.modules, in.intern("asyncio"), Value::from_obj(m));
    Value code = EDDY_TRY(in.compile_source(in, AsyncioSource, "<frozen asyncio/__init__.py>"));
    EDDY_CHECK(rt::exec_module_code(in, code, m));
    return Value::from_obj(m);
}

} // namespace eddy::lib
