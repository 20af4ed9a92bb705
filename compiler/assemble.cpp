// compiler/assemble.cpp: turns a Unit's instruction list into the final vm::Code tables. One
// forward walk over every path computes the stack depth before each instruction (CPython 3.11's
// stackdepth(), including the handler depths implied by SETUP_* pseudo-instructions); code that no
// path reaches is dropped; jumps become absolute instruction indices; the per-instruction handler
// tags become the run-length encoded exception table.
#include <algorithm>

#include "compiler/codegen.hpp"

namespace eddy::comp {

namespace {

using vm::Op;

bool is_pseudo(const IInstr& in) { return in.op >= SetupFinally; }

// Instructions after which control never falls through to the next one.
bool is_terminal(int op) {
    switch (Op(op)) {
    case Op::JUMP:
    case Op::RETURN_VALUE:
    case Op::RAISE_VARARGS:
    case Op::RERAISE: return true;
    default: return false;
    }
}

// How many values a handler entry pushes beyond the SETUP point (CPython's stack_effect(jump)).
int setup_jump_effect(int op) { return op == SetupCleanup ? 2 : 1; }

struct DepthPass {
    Unit& unit;
    std::vector<int> target;    // resolved jump target per instruction, or -1
    std::vector<int> depth;     // depth before each instruction, -1 if unreachable
    std::vector<size_t> work;
    int max_depth = 0;
    std::optional<std::string> error;

    void reach(size_t i, int d) {
        if (i >= depth.size()) {
            if (!error) error = "jump past the end of the code";
            return;
        }
        if (d < 0 && !error) error = "negative stack depth at " + std::to_string(i);
        max_depth = std::max(max_depth, d);
        if (depth[i] == -1) {
            depth[i] = d;
            work.push_back(i);
        } else if (depth[i] != d && !error) {
            error = "inconsistent stack depth at " + std::to_string(i) + ": " +
                    std::to_string(depth[i]) + " vs " + std::to_string(d);
        }
    }

    // Walks one straight-line run starting at instruction i.
    void walk(size_t i) {
        int d = depth[i];
        for (;;) {
            const IInstr& in = unit.instrs[i];
            if (is_pseudo(in)) {
                int td = d + setup_jump_effect(in.op);
                Handler& h = unit.handlers[size_t(in.arg)];
                h.depth = td - 1 - (h.lasti ? 1 : 0);
                reach(size_t(target[i]), td);
            } else {
                vm::Instr vi(Op(in.op), uint32_t(in.arg));
                if (in.target >= 0) reach(size_t(target[i]), d + vm::stack_effect(vi, true));
                d += vm::stack_effect(vi, false);
                max_depth = std::max(max_depth, d);
                if (is_terminal(in.op)) return;
            }
            if (++i >= depth.size()) {
                if (!error) error = "control falls off the end of the code";
                return;
            }
            if (depth[i] != -1) {
                if (depth[i] != d && !error)
                    error = "inconsistent stack depth at " + std::to_string(i);
                return;
            }
            depth[i] = d;
            if (d < 0 && !error) error = "negative stack depth at " + std::to_string(i);
        }
    }

    void run() {
        size_t n = unit.instrs.size();
        target.assign(n, -1);
        depth.assign(n, -1);
        for (size_t i = 0; i < n; i++) {
            const IInstr& in = unit.instrs[i];
            if (in.target >= 0) target[i] = unit.labels[size_t(in.target)];
        }
        if (n == 0) return;
        reach(0, 0);
        while (!work.empty() && !error) {
            size_t i = work.back();
            work.pop_back();
            walk(i);
        }
    }
};

void build_exception_table(Unit& unit, const std::vector<size_t>& kept,
                           const std::vector<uint32_t>& new_index) {
    vm::Code& code = *unit.code;
    for (size_t k = 0; k < kept.size(); k++) {
        int h = unit.instrs[kept[k]].handler;
        if (h < 0) continue;
        const Handler& handler = unit.handlers[size_t(h)];
        uint32_t target = new_index[size_t(unit.labels[size_t(handler.label)])];
        auto depth = uint16_t(handler.depth);
        if (!code.exception_table.empty()) {
            vm::ExceptionEntry& last = code.exception_table.back();
            if (last.end == k && last.target == target && last.depth == depth &&
                last.push_lasti == handler.lasti) {
                last.end = uint32_t(k + 1);
                continue;
            }
        }
        code.exception_table.push_back(
            vm::ExceptionEntry{uint32_t(k), uint32_t(k + 1), target, depth, handler.lasti});
    }
}

// Which instructions can actually run: reachable from the entry by jumps, fall-through and the
// exception handlers of instructions that can run. Handler code whose protected range emits no
// instruction (`try: pass`) is reachable only through its SETUP pseudo-instruction and is dropped.
std::vector<bool> live_instructions(const Unit& unit, const std::vector<int>& target) {
    size_t n = unit.instrs.size();
    std::vector<bool> live(n, false);
    std::vector<size_t> work;
    auto mark = [&](size_t i) {
        if (i < n && !live[i]) {
            live[i] = true;
            work.push_back(i);
        }
    };
    if (n) mark(0);
    while (!work.empty()) {
        size_t i = work.back();
        work.pop_back();
        const IInstr& in = unit.instrs[i];
        if (is_pseudo(in)) {
            mark(i + 1);
            continue;
        }
        if (in.handler >= 0) mark(size_t(unit.labels[size_t(unit.handlers[size_t(in.handler)].label)]));
        if (in.target >= 0) mark(size_t(target[i]));
        if (!is_terminal(in.op)) mark(i + 1);
    }
    return live;
}

} // namespace

std::optional<std::string> assemble(Unit& unit) {
    DepthPass pass{unit, {}, {}, {}, 0, std::nullopt};
    pass.run();
    if (pass.error) return pass.error;
    // Keep reachable real instructions; map every old index (including dropped ones) to the
    // index of the next kept instruction so labels on dropped code still resolve.
    size_t n = unit.instrs.size();
    std::vector<size_t> kept;
    std::vector<uint32_t> new_index(n + 1, 0);
    std::vector<bool> live = live_instructions(unit, pass.target);
    for (size_t i = 0; i < n; i++) {
        if (live[i] && pass.depth[i] != -1 && !is_pseudo(unit.instrs[i])) kept.push_back(i);
    }
    for (size_t i = n + 1, k = kept.size(); i-- > 0;) {
        while (k > 0 && kept[k - 1] >= i) k--;
        new_index[i] = uint32_t(k);
    }
    vm::Code& code = *unit.code;
    code.instructions.clear();
    code.positions.clear();
    for (size_t i : kept) {
        const IInstr& in = unit.instrs[i];
        if (in.handler >= 0 && unit.handlers[size_t(in.handler)].depth < 0)
            return "handler used before its setup at " + std::to_string(i);
        uint32_t arg = in.target >= 0 ? new_index[size_t(pass.target[i])] : uint32_t(in.arg);
        if (arg > vm::Instr::MaxArg) return std::string("operand too large");
        code.instructions.push_back(vm::Instr(Op(in.op), arg));
        code.positions.push_back(in.pos);
    }
    build_exception_table(unit, kept, new_index);
    code.stacksize = pass.max_depth;
    return std::nullopt;
}

} // namespace eddy::comp
