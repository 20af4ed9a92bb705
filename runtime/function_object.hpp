// runtime/function_object.hpp: the callable objects the VM builds: `code` (a vm::Code wrapped with
// its constants and names materialised as Values), `function`, bound `method`, and `cell` (one
// closed-over variable). Frames and calls live in vm/; this file only knows the layouts.
#pragma once

#include <memory>

#include "object.hpp"
#include "vm/bytecode.hpp"
#include "vm/inline_cache.hpp"

namespace eddy::rt {

// A runtime code object. Constants become Values once, when the code is loaded, so LOAD_CONST
// is an array read. The loop runs a private copy of the instructions in which the cached
// instructions (vm/inline_cache.hpp) carry a cache index instead of a name index.
struct CodeObject : Obj {
    std::shared_ptr<const vm::Code> code;
    const vm::Instr* instrs = nullptr;   // quickened.data(), cached for the loop
    std::vector<vm::Instr> quickened;
    std::unique_ptr<vm::InlineCache[]> caches;
    Tuple* consts = nullptr;             // materialised constants (nested code as CodeObject)
    Tuple* names = nullptr;              // interned strs: attribute, global and module names
    Tuple* localsplus_names = nullptr;   // interned strs: varnames, cellvars, freevars
    Str* name = nullptr;                 // co_name
    Str* qualname = nullptr;             // co_qualname
    Str* filename = nullptr;             // co_filename
    uint32_t nlocals = 0;                // varnames
    uint32_t ncells = 0;                 // cellvars
    uint32_t nfrees = 0;                 // freevars
    uint32_t nlocalsplus = 0;            // nlocals + ncells + nfrees
    uint32_t framesize = 0;              // nlocalsplus + stacksize: Values a frame needs
    uint32_t flags = 0;                  // vm::CodeFlag bits
    // Positional parameter count when a call with exactly that many positional arguments needs
    // no binding work (no defaults used, *args, **kwargs, keyword-only parameters or cells);
    // -1 otherwise. The VM's fast call path checks only this.
    int32_t simple_argcount = -1;
    // The same for a coroutine function (simple_argcount is -1 for every generator kind): the
    // VM's fused `await f(...)` binds such a call by copying the arguments.
    int32_t awaited_argcount = -1;
    // The code handles exceptions (has PUSH_EXC_INFO): as a coroutine it changes its own
    // handled-exception level (sys.exc_info), so the fused `await f(...)` links that level in
    // from the start instead of letting it share its awaiter's until it first suspends.
    bool handles_exceptions = false;

    // The source line of instruction `index` (0 when unknown).
    int line_of(uint32_t index) const;
};

// One captured variable, shared by the defining frame and the closures that read it.
struct Cell : Obj {
    Value value = Value::null();   // null: empty (unbound)
};

// A Python function: code plus the environment it was defined in.
struct Function : Obj {
    Dict* dict = nullptr;              // __dict__ (function attributes); Type::dict_offset
    CodeObject* code = nullptr;        // __code__
    Dict* globals = nullptr;           // __globals__
    Dict* builtins = nullptr;          // the builtins namespace resolved from globals at creation
    Str* name = nullptr;               // __name__
    Str* qualname = nullptr;           // __qualname__
    Tuple* defaults = nullptr;         // __defaults__ (null: none)
    Dict* kwdefaults = nullptr;        // __kwdefaults__ (null: none)
    Tuple* closure = nullptr;          // __closure__: cells for code's freevars (null: none)
    Value doc = Value::none();         // __doc__
    Value module = Value::none();      // __module__
    Dict* annotations = nullptr;       // __annotations__ (created on first access)
};

// A function (or any callable) bound to a receiver: what `obj.method` evaluates to.
struct BoundMethod : Obj {
    Value func;   // __func__
    Value self;   // __self__
};

CodeObject* make_code_object(Interp& in, std::shared_ptr<const vm::Code> code);
// A function over `code` in `globals`; name, qualname, module and builtins are taken from them.
Function* make_function(Interp& in, CodeObject* code, Dict* globals);
BoundMethod* make_bound_method(Interp& in, Value func, Value self);
Cell* make_cell(Interp& in, Value value);

// The builtins namespace a frame with these globals sees: globals['__builtins__'] (a module or a
// dict), else the interpreter's builtins module.
Dict* builtins_for_globals(Interp& in, Dict* globals);

bool is_function(const Interp& in, Value v);
bool is_code(const Interp& in, Value v);

// Type set-up for function, method, code and cell (called from init_vm_types).
void init_function_types(Interp& in);

} // namespace eddy::rt
