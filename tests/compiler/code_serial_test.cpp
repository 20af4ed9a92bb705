// tests/compiler/code_serial_test.cpp: vm/code_serial's binary form of code objects: every field
// and every constant kind survives a round trip, compiled programs come back disassembling the
// same, and truncated, corrupt or foreign input is rejected with a reason instead of misread.
#include <bit>
#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include "tests/compiler/compiler_test_util.hpp"
#include "vm/code_serial.hpp"

using namespace eddy;
using vm::Code;
using vm::Constant;

namespace {

void expect_same_code(const Code& a, const Code& b);

// Floats compare by bits, so -0.0 differs from 0.0 and a NaN equals itself.
bool same_float(double a, double b) { return std::bit_cast<uint64_t>(a) == std::bit_cast<uint64_t>(b); }

void expect_same_constant(const Constant& a, const Constant& b) {
    ASSERT_EQ(a.index(), b.index());
    if (auto* x = std::get_if<bool>(&a)) {
        EXPECT_EQ(*x, std::get<bool>(b));
    }
    if (auto* x = std::get_if<int64_t>(&a)) {
        EXPECT_EQ(*x, std::get<int64_t>(b));
    }
    if (auto* x = std::get_if<vm::BigIntDigits>(&a)) {
        EXPECT_EQ(x->digits, std::get<vm::BigIntDigits>(b).digits);
        EXPECT_EQ(x->negative, std::get<vm::BigIntDigits>(b).negative);
    }
    if (auto* x = std::get_if<double>(&a)) {
        EXPECT_TRUE(same_float(*x, std::get<double>(b)));
    }
    if (auto* x = std::get_if<vm::Complex>(&a)) {
        EXPECT_TRUE(same_float(x->real, std::get<vm::Complex>(b).real));
        EXPECT_TRUE(same_float(x->imag, std::get<vm::Complex>(b).imag));
    }
    if (auto* x = std::get_if<std::string>(&a)) {
        EXPECT_EQ(*x, std::get<std::string>(b));
    }
    if (auto* x = std::get_if<vm::Bytes>(&a)) {
        EXPECT_EQ(x->data, std::get<vm::Bytes>(b).data);
    }
    if (auto* x = std::get_if<std::shared_ptr<vm::ConstTuple>>(&a)) {
        const vm::ConstTuple& y = *std::get<std::shared_ptr<vm::ConstTuple>>(b);
        EXPECT_EQ((*x)->frozenset, y.frozenset);
        ASSERT_EQ((*x)->items.size(), y.items.size());
        for (size_t i = 0; i < y.items.size(); ++i) expect_same_constant((*x)->items[i], y.items[i]);
    }
    if (auto* x = std::get_if<std::shared_ptr<Code>>(&a))
        expect_same_code(**x, *std::get<std::shared_ptr<Code>>(b));
}

void expect_same_code(const Code& a, const Code& b) {
    EXPECT_EQ(a.name, b.name);
    EXPECT_EQ(a.qualname, b.qualname);
    EXPECT_EQ(a.filename, b.filename);
    EXPECT_EQ(a.first_line, b.first_line);
    EXPECT_EQ(a.flags, b.flags);
    EXPECT_EQ(a.argcount, b.argcount);
    EXPECT_EQ(a.posonlyargcount, b.posonlyargcount);
    EXPECT_EQ(a.kwonlyargcount, b.kwonlyargcount);
    EXPECT_EQ(a.varnames, b.varnames);
    EXPECT_EQ(a.cellvars, b.cellvars);
    EXPECT_EQ(a.freevars, b.freevars);
    EXPECT_EQ(a.cell2arg, b.cell2arg);
    ASSERT_EQ(a.instructions.size(), b.instructions.size());
    for (size_t i = 0; i < a.instructions.size(); ++i)
        EXPECT_EQ(a.instructions[i].word, b.instructions[i].word) << "instruction " << i;
    ASSERT_EQ(a.positions.size(), b.positions.size());
    for (size_t i = 0; i < a.positions.size(); ++i) {
        const vm::Position &p = a.positions[i], &q = b.positions[i];
        EXPECT_EQ(std::tie(p.line, p.end_line, p.col, p.end_col),
                  std::tie(q.line, q.end_line, q.col, q.end_col))
            << "position " << i;
    }
    ASSERT_EQ(a.exception_table.size(), b.exception_table.size());
    for (size_t i = 0; i < a.exception_table.size(); ++i) {
        const vm::ExceptionEntry &e = a.exception_table[i], &f = b.exception_table[i];
        EXPECT_EQ(std::tie(e.start, e.end, e.target, e.depth, e.push_lasti),
                  std::tie(f.start, f.end, f.target, f.depth, f.push_lasti));
    }
    ASSERT_EQ(a.consts.size(), b.consts.size());
    for (size_t i = 0; i < a.consts.size(); ++i) expect_same_constant(a.consts[i], b.consts[i]);
    EXPECT_EQ(a.names, b.names);
    EXPECT_EQ(a.stacksize, b.stacksize);
}

std::span<const uint8_t> as_bytes(const std::string& s) {
    return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};
}

std::shared_ptr<Code> round_trip(const Code& code) {
    std::string bytes = vm::serialize_code(code);
    std::string error;
    std::shared_ptr<Code> back = vm::deserialize_code(as_bytes(bytes), &error);
    EXPECT_TRUE(back) << error;
    return back;
}

std::shared_ptr<vm::ConstTuple> tuple(std::vector<Constant> items, bool frozenset = false) {
    auto t = std::make_shared<vm::ConstTuple>();
    t->items = std::move(items);
    t->frozenset = frozenset;
    return t;
}

// A code object with every field away from its default and one constant of every kind.
std::shared_ptr<Code> sample_code() {
    auto inner = std::make_shared<Code>();
    inner->name = "inner";
    inner->qualname = "outer.<locals>.inner";
    inner->filename = "<frozen sample>";
    inner->first_line = 7;
    inner->flags = vm::CO_OPTIMIZED | vm::CO_NEWLOCALS | vm::CO_COROUTINE | vm::CO_VARARGS;
    inner->argcount = 3;
    inner->posonlyargcount = 1;
    inner->kwonlyargcount = 2;
    inner->varnames = {"a", "b", "c", "d", "e", "args", "tmp"};
    inner->cellvars = {"b"};
    inner->freevars = {"outer_x"};
    inner->cell2arg = {1, -1};
    inner->instructions = {vm::Instr(vm::Op::LOAD_FAST, 2), vm::Instr(vm::Op::LOAD_CONST, vm::Instr::MaxArg),
                           vm::Instr(vm::Op::BINARY_OP, 13), vm::Instr(vm::Op::LOAD_CONST, 0)};
    inner->positions = {{7, 7, 4, 9}, {8, 10, 0, 120}, {3, 3, 200, 201}, {1000000, 1000000, 0, 0}};
    inner->exception_table = {{0, 2, 3, 1, true}, {1, 4, 0, 65535, false}};
    inner->consts = {std::monostate{}};
    inner->names = {"print", "ζ"};
    inner->stacksize = 5;

    auto code = std::make_shared<Code>();
    code->name = "<module>";
    code->filename = "<frozen sample>";
    code->consts = {
        std::monostate{},
        false,
        true,
        int64_t(0),
        int64_t(-1),
        int64_t(63),
        int64_t(-64),
        std::numeric_limits<int64_t>::max(),
        std::numeric_limits<int64_t>::min(),
        vm::BigIntDigits{"123456789012345678901234567890", false},
        vm::BigIntDigits{"98765432109876543210987654321", true},
        0.0,
        -0.0,
        1.5,
        std::numeric_limits<double>::infinity(),
        -std::numeric_limits<double>::infinity(),
        std::numeric_limits<double>::quiet_NaN(),
        std::numeric_limits<double>::denorm_min(),
        vm::Complex{0.0, -0.0},
        vm::Complex{1.0, std::numeric_limits<double>::infinity()},
        std::string(""),
        std::string("héllo wörld ✓ 𝄞"),
        std::string("nul\0inside", 10),
        vm::Bytes{std::string("\x00\xff\x80 bytes", 9)},
        vm::Ellipsis{},
        tuple({}),
        tuple({int64_t(1), tuple({std::string("a"), tuple({vm::Ellipsis{}, 2.5})}), vm::Bytes{"b"}}),
        tuple({int64_t(1), std::string("x"), vm::BigIntDigits{"99999999999999999999", false}}, true),
        tuple({}, true),
        inner,
    };
    code->names = {"x"};
    code->instructions = {vm::Instr(vm::Op::LOAD_CONST, 0)};
    code->positions = {{-1, -1, -1, -1}};
    code->stacksize = 1;
    return code;
}

TEST(CodeSerial, EveryFieldAndConstantKindRoundTrips) {
    std::shared_ptr<Code> code = sample_code();
    std::shared_ptr<Code> back = round_trip(*code);
    ASSERT_TRUE(back);
    expect_same_code(*code, *back);
    EXPECT_EQ(vm::disassemble(*code), vm::disassemble(*back));
}

TEST(CodeSerial, SerializingIsDeterministic) {
    // Read back and written again, a code object gives the same bytes (the build compares the
    // frozen modules byte for byte, so nothing may depend on addresses or hash order).
    std::string bytes = vm::serialize_code(*sample_code());
    EXPECT_EQ(bytes, vm::serialize_code(*vm::deserialize_code(as_bytes(bytes))));
}

TEST(CodeSerial, CompiledProgramRoundTrips) {
    const char* source = R"(
import sys as s
from os import path
X = (1, -2, 2**100, -(2**70), 1.5, -0.0, 1e400, 2j, "ü", b"\x00", ..., None, True, (1, (2, 3)))
if X in {1, 2, 3} or X in {"a", "b"}: pass
def f(a, /, b=1, *args, c, d=2, **kw):
    y = a
    def g():
        nonlocal y
        y += 1
        return [i * y for i in args]
    return g
class C:
    async def run(self):
        async with self as cm:
            async for x in cm:
                try:
                    await x
                except ValueError as e:
                    raise
                finally:
                    del x
    def gen(self):
        yield from range(3)
        return f"{self!r:>10}"
)";
    test::Compiled compiled = test::compile_source(source);
    ASSERT_TRUE(compiled.code) << compiled.error->msg << " at line " << compiled.error->line;
    std::shared_ptr<Code> back = round_trip(*compiled.code);
    ASSERT_TRUE(back);
    expect_same_code(*compiled.code, *back);
    EXPECT_EQ(vm::disassemble(*compiled.code), vm::disassemble(*back));
}

std::string reject_reason(std::span<const uint8_t> bytes) {
    std::string error;
    std::shared_ptr<Code> code = vm::deserialize_code(bytes, &error);
    EXPECT_FALSE(code);
    EXPECT_FALSE(error.empty());
    return error;
}

TEST(CodeSerial, EveryTruncationIsRejected) {
    std::string bytes = vm::serialize_code(*sample_code());
    std::span<const uint8_t> all = as_bytes(bytes);
    for (size_t n = 0; n < all.size(); ++n) {
        SCOPED_TRACE("kept " + std::to_string(n) + " of " + std::to_string(all.size()) + " bytes");
        reject_reason(all.first(n));
    }
}

TEST(CodeSerial, TrailingBytesAreRejected) {
    std::string bytes = vm::serialize_code(*sample_code()) + '\0';
    EXPECT_NE(reject_reason(as_bytes(bytes)).find("trailing bytes"), std::string::npos);
}

TEST(CodeSerial, ForeignMagicOrVersionIsRejected) {
    std::string bytes = vm::serialize_code(*sample_code());
    std::string magic = bytes;
    magic[0] = 'X';
    EXPECT_NE(reject_reason(as_bytes(magic)).find("bad magic"), std::string::npos);
    std::string version = bytes;
    version[4] = char(vm::CodeSerialVersion + 1);
    EXPECT_NE(reject_reason(as_bytes(version)).find("version"), std::string::npos);
}

// Bytes before the code object: the magic, then the version and the opcode count as varints.
size_t header_size() {
    auto varint_size = [](uint64_t v) { return v < 0x80 ? 1 : v < 0x4000 ? 2 : 3; };
    return 4 + varint_size(vm::CodeSerialVersion) + varint_size(vm::OpCount);
}

TEST(CodeSerial, CorruptCountsAndTagsAreRejected) {
    Code code;
    code.name = "m";
    std::string bytes = vm::serialize_code(code);
    size_t h = header_size();
    // The code object starts with the name's length: a length of 2^63 must be refused before
    // anything is allocated for it.
    std::string huge = bytes.substr(0, h) + "\x80\x80\x80\x80\x80\x80\x80\x80\x80\x01" + bytes.substr(h + 1);
    EXPECT_NE(reject_reason(as_bytes(huge)).find("exceeds the input"), std::string::npos);
    std::string overlong = bytes.substr(0, h) + std::string(11, '\xff') + bytes.substr(h + 1);
    EXPECT_NE(reject_reason(as_bytes(overlong)).find("varint overflow"), std::string::npos);

    Code with_const;
    with_const.consts = {std::monostate{}};
    std::string k = vm::serialize_code(with_const);
    size_t tag = k.size() - 3;   // then the names count and the stack size
    ASSERT_EQ(k[tag], '\0');
    k[tag] = char(0x7f);
    EXPECT_NE(reject_reason(as_bytes(k)).find("unknown constant tag 127"), std::string::npos);

    Code with_op;
    with_op.instructions = {vm::Instr(vm::Op::LOAD_CONST, 0)};
    std::string op = vm::serialize_code(with_op);
    // Three empty strings, first_line, flags, three argument counts, three empty name lists, an
    // empty cell2arg and the instruction count come before the first opcode.
    size_t at = h + 13;
    ASSERT_EQ(op[at], char(vm::Op::LOAD_CONST));
    std::string fused = op;
    op[at] = char(0xff);
    EXPECT_NE(reject_reason(as_bytes(op)).find("unknown opcode 255"), std::string::npos);
    // Superinstructions exist only in the loop's copy of the code, never in serialized code.
    fused[at] = char(vm::Op::LOAD_FAST__LOAD_CONST);
    EXPECT_NE(reject_reason(as_bytes(fused)).find("unknown opcode"), std::string::npos);
}

TEST(CodeSerial, EverySingleByteCorruptionIsSafe) {
    // Each byte of the sample replaced by a few values: the reader either rejects the blob or
    // returns some code, and never reads out of bounds (the sanitizer build checks this).
    std::string bytes = vm::serialize_code(*sample_code());
    for (size_t i = 0; i < bytes.size(); ++i) {
        for (uint8_t v : {uint8_t(0x00), uint8_t(0x7f), uint8_t(0x80), uint8_t(0xff)}) {
            std::string bad = bytes;
            bad[i] = char(v);
            std::string error;
            std::shared_ptr<Code> code = vm::deserialize_code(as_bytes(bad), &error);
            EXPECT_EQ(!code, !error.empty()) << "byte " << i;
        }
    }
}

TEST(CodeSerial, DeepNestingIsRefusedNotRecursedWithoutBound) {
    // Tuple tags (0x0a) with one item each, far deeper than any compiled constant.
    Code code;
    code.consts = {std::monostate{}};
    std::string bytes = vm::serialize_code(code);
    size_t tag = bytes.size() - 3;
    std::string deep = bytes.substr(0, tag);
    for (int i = 0; i < 100000; ++i) deep += "\x0a\x01";
    deep += '\0' + bytes.substr(tag + 1);
    EXPECT_NE(reject_reason(as_bytes(deep)).find("nested too deeply"), std::string::npos);
}

} // namespace
