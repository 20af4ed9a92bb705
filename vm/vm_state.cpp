// vm/vm_state.cpp: VmState's data stack and its tracing: every frame on the running chain (locals,
// cells, value stack) and every level of the handled-exception stack are roots.
#include "vm/vm_state.hpp"

#include <cstdio>
#include <cstdlib>

#include "runtime/generator_object.hpp"
#include "runtime/interp.hpp"
#include "vm/interpreter.hpp"

namespace eddy::vm {

namespace {
// Values in the data stack: frames of ordinary calls. At the default recursion limit a frame
// averages well under 100 slots; the memory is committed by the OS only as it is touched.
constexpr size_t DataStackWords = size_t(4) << 20;
} // namespace

// Raw malloc, not new Value[]: constructing 4M Values wrote every page of the 32 MiB block at
// start-up (8M instructions and 32 MiB of RSS for an empty script). Nothing reads a slot before a
// frame writes it (push_frame fills locals; the value stack is traced only below sp).
VmState::VmState(rt::Interp& interp) : in(interp) {
    void* block = std::malloc(DataStackWords * sizeof(rt::Value));
    if (!block) {
        std::fputs("eddy: out of memory\n", stderr);
        std::abort();
    }
    stack_memory.reset(static_cast<rt::Value*>(block));
    stack_top = stack_memory.get();
    stack_end = stack_top + DataStackWords;
}

VmState::~VmState() {
    for (Frame* head : frame_cache) {
        while (head) {
            Frame* next = head->previous;
            std::free(head);
            head = next;
        }
    }
}

void VmState::trace(rt::Tracer& tracer) {
    for (Frame* f = current; f; f = f->previous) trace_frame(f, tracer);
    for (ExcInfo* e = exc_info; e; e = e->previous) tracer.mark(e->value);
    for (uint8_t i = 0; i < coro_cache_count; ++i) tracer.mark(coro_cache[i]);
    for (uint8_t i = 0; i < anext_cache_count; ++i) tracer.mark(anext_cache[i]);
    tracer.mark(reinterpret_cast<rt::Obj*>(empty_builtins));
}

} // namespace eddy::vm
