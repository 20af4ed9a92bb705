// vm/vm_state.hpp: the per-interpreter VM state: the data stack ordinary frames live on, the chain
// of running frames, the recursion counter, the handled-exception stack (sys.exc_info) and the
// import system's hooks. Owned by rt::Interp (Interp::vm); traced from Interp::trace_roots.
#pragma once

#include <csignal>
#include <cstdlib>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/result.hpp"
#include "vm/frame.hpp"

namespace eddy::rt {
class Interp;
struct Dict;
struct AsyncGenOp;
class Tracer;
}

namespace eddy::vm {

// One level of the handled-exception stack, as CPython's _PyErr_StackItem: the base level belongs
// to the interpreter, each generator has its own that is linked in while it runs.
struct ExcInfo {
    rt::Value value = rt::Value::none();   // the exception being handled, or None
    ExcInfo* previous = nullptr;
};

// Looks up a native (C++) module by name: returns the module, null when there is no such native
// module (no error set), or an error. Installed by the stdlib (see runtime/import.hpp).
using NativeModuleLoader = std::function<rt::Result<rt::Value>(rt::Interp&, std::string_view name)>;

// Roughly how much of the native stack the interpreter may use before a native re-entry or a
// native recursion (comparison, repr) is refused with RecursionError (the default thread stack
// is 8 MiB).
inline constexpr size_t NativeStackBudget = size_t(6) << 20;

struct VmState {
    explicit VmState(rt::Interp& in);
    ~VmState();
    VmState(const VmState&) = delete;
    VmState& operator=(const VmState&) = delete;

    void trace(rt::Tracer& tracer);

    // The data stack: ordinary frames are pushed and popped here, never heap-allocated.
    rt::Value* stack_top;
    rt::Value* stack_end;
    struct FreeStack {
        void operator()(rt::Value* p) const { std::free(p); }
    };
    std::unique_ptr<rt::Value, FreeStack> stack_memory;   // uninitialised, malloc'd

    Frame* current = nullptr;      // innermost running frame
    int depth = 0;                 // Python frames plus native re-entries into the loop
    int recursion_limit = 1000;    // sys.setrecursionlimit
    char* native_stack_base = nullptr;   // address of a local in the outermost native entry

    // Bytes of native stack in use between native_stack_base and `here` (a local of the caller);
    // the first call records the base.
    size_t native_stack_used(char* here) {
        if (!native_stack_base) native_stack_base = here;
        return size_t(native_stack_base > here ? native_stack_base - here : here - native_stack_base);
    }

    ExcInfo base_exc_info;
    ExcInfo* exc_info = &base_exc_info;   // innermost level (a running generator's, or the base)

    // Set asynchronously (a signal handler); polled at safe points -> KeyboardInterrupt.
    volatile std::sig_atomic_t interrupt_requested = 0;

    // Heap frames of finished generators and coroutines, kept for the next of the same size: a
    // coroutine call allocates its frame and its return frees it, so an await chain would pay a
    // malloc and a free per level (a sixth of async_deep_await's instructions). One list per
    // frame size in words, linked through Frame::previous; kept small by both bounds.
    static constexpr uint32_t FrameCacheSizes = 32;   // frames with framesize below this
    static constexpr uint8_t FrameCacheDepth = 64;    // frames kept per size (an await chain)
    Frame* frame_cache[FrameCacheSizes] = {};
    uint8_t frame_cache_count[FrameCacheSizes] = {};

    // Coroutine objects of finished `await f(...)` calls nobody else saw (Generator::recyclable),
    // reused by the next such call: an await chain then allocates no heap object per level.
    static constexpr uint8_t CoroCacheDepth = 64;
    rt::Generator* coro_cache[CoroCacheDepth] = {};
    uint8_t coro_cache_count = 0;
    // Likewise the __anext__ awaitables of `async for` over async generators (AsyncGenOp).
    static constexpr uint8_t AnextCacheDepth = 16;
    rt::AsyncGenOp* anext_cache[AnextCacheDepth] = {};
    uint8_t anext_cache_count = 0;

    rt::Dict* empty_builtins = nullptr;   // builtins namespace used before a builtins module exists

    // ---- the embedding layer's limits (api/limits.cpp); unset unless the host asked ----
    // Called by safe_point() instead of raising KeyboardInterrupt while interrupt_requested is
    // set; it keeps the flag armed to be called at every safe point (instruction budget, host
    // interrupt callback) and returns an error to stop the script.
    std::function<rt::Status(rt::Interp&)> safe_point_hook;
    // Consulted by every import with the module's absolute name; an error refuses the import.
    std::function<rt::Status(rt::Interp&, std::string_view)> import_filter;

    // ---- import system ----
    NativeModuleLoader native_module_loader;
    // Used when sys.path does not exist (no stdlib): directories searched by `import`.
    std::vector<std::string> search_path;

    rt::Interp& in;
};

// The exception currently being handled (sys.exc_info()[1]), or None.
rt::Value handled_exception(const VmState& vm);

} // namespace eddy::vm
