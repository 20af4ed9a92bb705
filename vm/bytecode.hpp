// vm/bytecode.hpp: the compiler's output as plain C++ data: instructions, constants, names and the
// line and exception tables. Nothing here touches the GC heap, so the compiler can be built and
// tested without an interpreter; the VM turns a Code into runtime objects when it loads it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace eddy::vm {

enum class Op : uint8_t {
#define EDDY_OP(name, operand, effect) name,
#include "opcodes.def"
#undef EDDY_OP
};

enum class OperandKind : uint8_t { None, Int, Const, Name, Local, Deref, Jump, BinKind, CmpKind, Flags };

inline constexpr int OpCount = 0
#define EDDY_OP(name, operand, effect) +1
#include "opcodes.def"
#undef EDDY_OP
    ;

// One instruction: an 8-bit opcode and a 24-bit operand, packed in 32 bits.
struct Instr {
    uint32_t word;
    static constexpr uint32_t MaxArg = (1u << 24) - 1;
    constexpr Instr(Op op, uint32_t arg = 0) : word(uint32_t(op) | (arg << 8)) {}
    constexpr Op op() const { return Op(word & 0xff); }
    constexpr uint32_t arg() const { return word >> 8; }
};

// The superinstruction that runs `first` and then `second` (the last rows of opcodes.def), or
// `first` itself when the pair has none.
constexpr Op fuse_pair(Op first, Op second) {
    switch (first) {
    case Op::LOAD_FAST:
        if (second == Op::LOAD_FAST) return Op::LOAD_FAST__LOAD_FAST;
        if (second == Op::LOAD_CONST) return Op::LOAD_FAST__LOAD_CONST;
        return first;
    case Op::LOAD_CONST: return second == Op::LOAD_FAST ? Op::LOAD_CONST__LOAD_FAST : first;
    case Op::STORE_FAST:
        if (second == Op::LOAD_FAST) return Op::STORE_FAST__LOAD_FAST;
        if (second == Op::STORE_FAST) return Op::STORE_FAST__STORE_FAST;
        return first;
    default: return first;
    }
}

// Superinstructions exist only in the loop's copy: serialized code may not hold them.
constexpr bool is_superinstruction(Op op) { return op >= Op::LOAD_FAST__LOAD_FAST; }

// BINARY_OP operands. The first 13 follow ast::BinOpKind's order; the Inplace ones add 13 and
// try __iadd__ & co. first, as CPython's `a += b` does.
enum class BinOp : uint8_t {
    Add, Sub, Mul, MatMul, TrueDiv, Mod, Pow, LShift, RShift, Or, Xor, And, FloorDiv,
    InplaceAdd, InplaceSub, InplaceMul, InplaceMatMul, InplaceTrueDiv, InplaceMod, InplacePow,
    InplaceLShift, InplaceRShift, InplaceOr, InplaceXor, InplaceAnd, InplaceFloorDiv,
};
inline constexpr int InplaceOffset = 13;

// COMPARE_OP operands, in CPython's order.
enum class CmpOp : uint8_t { Lt, Le, Eq, Ne, Gt, Ge };

// CodeObject flags (CPython's co_flags values where they exist).
enum CodeFlag : uint32_t {
    CO_OPTIMIZED = 0x1,       // locals are fast slots (function bodies)
    CO_NEWLOCALS = 0x2,
    CO_VARARGS = 0x4,         // has *args
    CO_VARKEYWORDS = 0x8,     // has **kwargs
    CO_NESTED = 0x10,
    CO_GENERATOR = 0x20,
    CO_NOFREE = 0x40,
    CO_COROUTINE = 0x80,      // async def
    CO_ITERABLE_COROUTINE = 0x100,
    CO_ASYNC_GENERATOR = 0x200,
};

// Source position of one instruction (1-based lines, 0-based UTF-8 byte columns).
struct Position {
    int line = 0, end_line = 0;
    int col = 0, end_col = 0;
};

// One zero-cost exception table row, as CPython 3.11's co_exceptiontable: an exception raised by
// an instruction in [start, end) pops the value stack to `depth`, pushes the raising
// instruction's index first when `push_lasti`, then the exception, and jumps to `target`.
struct ExceptionEntry {
    uint32_t start, end, target;
    uint16_t depth;
    bool push_lasti;
};

struct Code;

// A constant as plain data. Big integers keep their base-10 digits; tuples nest.
struct BigIntDigits { std::string digits; bool negative = false; };
struct Bytes { std::string data; };
struct Ellipsis {};
struct ConstTuple;
struct Complex { double real = 0, imag = 0; };
using Constant = std::variant<std::monostate /* None */, bool, int64_t, BigIntDigits, double,
                              Complex, std::string /* str, UTF-8 */, Bytes, Ellipsis,
                              std::shared_ptr<ConstTuple>, std::shared_ptr<Code>>;
struct ConstTuple {
    std::vector<Constant> items;
    bool frozenset = false;   // a frozenset constant (set displays of constants), else a tuple
};

struct Code {
    std::string name;                  // co_name
    std::string qualname;              // co_qualname
    std::string filename;
    int first_line = 1;
    uint32_t flags = 0;                // CodeFlag bits

    // Parameters come first in varnames: positional-only, positional-or-keyword, keyword-only,
    // then *args and **kwargs if the flags say so, then the other locals.
    int argcount = 0;                  // positional parameters, including positional-only
    int posonlyargcount = 0;
    int kwonlyargcount = 0;
    std::vector<std::string> varnames; // fast locals
    std::vector<std::string> cellvars; // locals captured by inner functions
    std::vector<std::string> freevars; // captured from the enclosing function
    // For each cellvar, the index in varnames of the parameter it shadows, or -1: the VM moves
    // that argument into the fresh cell when it builds the frame.
    std::vector<int> cell2arg;

    std::vector<Instr> instructions;
    std::vector<Position> positions;   // one per instruction
    std::vector<ExceptionEntry> exception_table;
    std::vector<Constant> consts;
    std::vector<std::string> names;    // attribute, global and module-level names
    int stacksize = 0;                 // maximum value-stack depth, from the stack-depth pass
};

// Stack effect of one instruction; `jump` selects the branch-taken effect for conditional jumps.
int stack_effect(Instr instr, bool jump);

// The opcode's dis name ("LOAD_FAST"), its operand kind, and whether its operand is a jump target.
std::string_view op_name(Op op);
OperandKind operand_kind(Op op);

// A readable listing of `code` and every nested code object, with line numbers, in the spirit of
// `python3 -m dis`. Used by `eddy --dis` and by the compiler's golden tests.
std::string disassemble(const Code& code);

} // namespace eddy::vm
