// vm/frame.hpp: one activation of a code object. Ordinary calls carve their Frame (header plus
// locals, cells and value stack, contiguously) out of the per-interpreter data stack; generator,
// coroutine and async generator frames are the same layout in a malloc'd block owned by the
// generator object. Frames are not GC objects: VmState traces the running chain and each
// generator traces its own suspended frame.
#pragma once

#include <cstdint>

#include "runtime/function_object.hpp"
#include "runtime/value.hpp"

namespace eddy::rt {
struct Generator;
}

namespace eddy::vm {

// Where an ordinary (non-generator) frame's return value goes in its caller.
enum class ReturnTo : uint8_t {
    Push,       // pushed on the caller's stack: an ordinary call
    Instance,   // dropped, and must be None: an inline __init__ (the instance is already there)
    // The awaiting frame's SEND slot, then that SEND's jump: a coroutine the fused
    // `await f(...)` runs before it has a coroutine object. It gets one only if it suspends
    // (YIELD_VALUE); until then nobody but its awaiter can tell it from an ordinary call.
    Awaiter,
};

struct Frame {
    rt::CodeObject* code = nullptr;
    rt::Function* func = nullptr;      // null for module code run directly
    rt::Dict* globals = nullptr;
    rt::Dict* builtins = nullptr;
    Frame* previous = nullptr;         // the caller; null while a generator frame is suspended
    rt::Generator* gen = nullptr;      // owning generator/coroutine, or null
    const Instr* ip = nullptr;         // next instruction (saved by SAVE_FRAME)
    rt::Value* sp = nullptr;           // top of the value stack (saved by SAVE_FRAME)
    bool is_entry = false;             // returning from it leaves run_frame()
    bool on_data_stack = false;        // popped from VmState's data stack on exit
    ReturnTo returns_to = ReturnTo::Push;
    bool has_locals = false;           // a LOAD_NAME mapping follows the value stack (locals())

    // Locals, then cells (cellvars then freevars, as Cell values), then the value stack, then,
    // when has_locals, the LOAD_NAME/STORE_NAME mapping (module and class bodies, exec): few
    // frames have one, so it costs a word there instead of in every frame's header.
    rt::Value* localsplus() { return reinterpret_cast<rt::Value*>(this + 1); }
    const rt::Value* localsplus() const { return reinterpret_cast<const rt::Value*>(this + 1); }
    rt::Value locals() const { return has_locals ? localsplus()[code->framesize] : rt::Value::null(); }
    void set_locals(rt::Value mapping) {   // precondition: allocated with LocalsWords extra
        has_locals = true;
        localsplus()[code->framesize] = mapping;
    }
    rt::Value* stack_base() { return localsplus() + code->nlocalsplus; }
    uint32_t lasti() const { return uint32_t(ip - code->instrs) - 1; }
    int line() const { return code->line_of(lasti()); }
};

static_assert(sizeof(Frame) % sizeof(rt::Value) == 0);
inline constexpr size_t FrameHeaderWords = sizeof(Frame) / sizeof(rt::Value);
inline constexpr uint32_t LocalsWords = 1;   // the extra slot of a frame with a locals mapping

} // namespace eddy::vm
