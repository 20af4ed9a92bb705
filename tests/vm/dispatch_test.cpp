// tests/vm/dispatch_test.cpp: the dispatch loop on hand-assembled code objects: arithmetic fast
// paths, Python-to-Python calls without C++ recursion, argument binding errors, the exception
// table, RecursionError, and generators driven by hand.
#include <gtest/gtest.h>

#include "runtime/dict_object.hpp"
#include "runtime/exception_object.hpp"
#include "runtime/function_object.hpp"
#include "runtime/generator_object.hpp"
#include "runtime/interp.hpp"
#include "runtime/ops.hpp"
#include "runtime/str_object.hpp"
#include "runtime/traceback.hpp"
#include "vm/interpreter.hpp"

using namespace eddy;
using rt::Value;
using vm::Instr;
using vm::Op;

namespace {

std::shared_ptr<vm::Code> make_code(std::string name, std::vector<Instr> instrs, int stacksize = 8) {
    auto c = std::make_shared<vm::Code>();
    c->name = c->qualname = std::move(name);
    c->filename = "<test>";
    c->instructions = std::move(instrs);
    c->positions.assign(c->instructions.size(), vm::Position{1, 1, 0, 0});
    c->stacksize = stacksize;
    c->consts.push_back(std::monostate{});
    return c;
}

// def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
std::shared_ptr<vm::Code> fib_code() {
    auto c = make_code("fib", {
        Instr(Op::LOAD_FAST, 0),        // 0
        Instr(Op::LOAD_CONST, 1),       // 1: 2
        Instr(Op::COMPARE_OP, int(vm::CmpOp::Lt)),
        Instr(Op::POP_JUMP_IF_FALSE, 6),
        Instr(Op::LOAD_FAST, 0),
        Instr(Op::RETURN_VALUE),
        Instr(Op::LOAD_GLOBAL, 0),      // 6
        Instr(Op::LOAD_FAST, 0),
        Instr(Op::LOAD_CONST, 2),       // 1
        Instr(Op::BINARY_OP, int(vm::BinOp::Sub)),
        Instr(Op::CALL, 1),
        Instr(Op::LOAD_GLOBAL, 0),
        Instr(Op::LOAD_FAST, 0),
        Instr(Op::LOAD_CONST, 1),
        Instr(Op::BINARY_OP, int(vm::BinOp::Sub)),
        Instr(Op::CALL, 1),
        Instr(Op::BINARY_OP, int(vm::BinOp::Add)),
        Instr(Op::RETURN_VALUE),
    });
    c->consts.push_back(int64_t(2));
    c->consts.push_back(int64_t(1));
    c->names = {"fib"};
    c->varnames = {"n"};
    c->argcount = 1;
    c->flags = vm::CO_OPTIMIZED | vm::CO_NEWLOCALS;
    return c;
}

rt::Function* define(rt::Interp& in, rt::Dict* globals, std::shared_ptr<vm::Code> code) {
    rt::CodeObject* co = rt::make_code_object(in, std::move(code));
    rt::Function* fn = rt::make_function(in, co, globals);
    rt::dict_set_str(in, globals, co->name, Value::from_obj(fn));
    return fn;
}

} // namespace

TEST(Dispatch, RecursiveCallsReturnTheRightValue) {
    rt::Interp in;
    rt::Dict* g = rt::make_dict(in);
    rt::Function* fib = define(in, g, fib_code());
    rt::Result<Value> r = rt::call(in, Value::from_obj(fib), {Value::from_small_int(20)});
    ASSERT_FALSE(r.is_error());
    EXPECT_EQ(r.value().as_small_int(), 6765);
    EXPECT_EQ(in.vm->depth, 0);
}

TEST(Dispatch, MissingArgumentIsCPythonsTypeError) {
    rt::Interp in;
    rt::Dict* g = rt::make_dict(in);
    rt::Function* fib = define(in, g, fib_code());
    rt::Result<Value> r = rt::call(in, Value::from_obj(fib), {});
    ASSERT_TRUE(r.is_error());
    Value exc = in.take_exception();
    EXPECT_EQ(rt::format_exception_only(in, exc), "TypeError: fib() missing 1 required positional argument: 'n'");
}

TEST(Dispatch, TooManyPositionalArguments) {
    rt::Interp in;
    rt::Dict* g = rt::make_dict(in);
    rt::Function* fib = define(in, g, fib_code());
    rt::Result<Value> r = rt::call(in, Value::from_obj(fib), {Value::none(), Value::none()});
    ASSERT_TRUE(r.is_error());
    EXPECT_EQ(rt::format_exception_only(in, in.take_exception()),
              "TypeError: fib() takes 1 positional argument but 2 were given");
}

TEST(Dispatch, UnboundedRecursionIsRecursionError) {
    rt::Interp in;
    rt::Dict* g = rt::make_dict(in);
    // def f(): return f()
    auto c = make_code("f", {Instr(Op::LOAD_GLOBAL, 0), Instr(Op::CALL, 0), Instr(Op::RETURN_VALUE)});
    c->names = {"f"};
    c->flags = vm::CO_OPTIMIZED | vm::CO_NEWLOCALS;
    rt::Function* f = define(in, g, c);
    rt::Result<Value> r = rt::call(in, Value::from_obj(f), {});
    ASSERT_TRUE(r.is_error());
    EXPECT_EQ(rt::format_exception_only(in, in.take_exception()),
              "RecursionError: maximum recursion depth exceeded");
    EXPECT_EQ(in.vm->depth, 0);
}

TEST(Dispatch, ExceptionTableCatchesZeroDivision) {
    rt::Interp in;
    rt::Dict* g = rt::make_dict(in);
    // try: return 1 // 0  except: return 42   (handler pops the exception)
    auto c = make_code("f", {
        Instr(Op::LOAD_CONST, 1), Instr(Op::LOAD_CONST, 2),
        Instr(Op::BINARY_OP, int(vm::BinOp::FloorDiv)), Instr(Op::RETURN_VALUE),
        Instr(Op::POP_TOP), Instr(Op::LOAD_CONST, 3), Instr(Op::RETURN_VALUE),
    });
    c->consts.push_back(int64_t(1));
    c->consts.push_back(int64_t(0));
    c->consts.push_back(int64_t(42));
    c->exception_table.push_back({0, 4, 4, 0, false});
    c->flags = vm::CO_OPTIMIZED | vm::CO_NEWLOCALS;
    rt::Function* f = define(in, g, c);
    rt::Result<Value> r = rt::call(in, Value::from_obj(f), {});
    ASSERT_FALSE(r.is_error());
    EXPECT_EQ(r.value().as_small_int(), 42);
}

TEST(Dispatch, GeneratorYieldsThenStops) {
    rt::Interp in;
    rt::Dict* g = rt::make_dict(in);
    // def gen(): x = yield 1; yield x; return 7
    auto c = make_code("gen", {
        Instr(Op::LOAD_CONST, 1), Instr(Op::YIELD_VALUE), Instr(Op::STORE_FAST, 0),
        Instr(Op::LOAD_FAST, 0), Instr(Op::YIELD_VALUE), Instr(Op::POP_TOP),
        Instr(Op::LOAD_CONST, 2), Instr(Op::RETURN_VALUE),
    });
    c->consts.push_back(int64_t(1));
    c->consts.push_back(int64_t(7));
    c->varnames = {"x"};
    c->flags = vm::CO_OPTIMIZED | vm::CO_NEWLOCALS | vm::CO_GENERATOR;
    rt::Function* f = define(in, g, c);
    Value gen = rt::call(in, Value::from_obj(f), {}).value();
    ASSERT_TRUE(rt::is_generator(in, gen));
    auto* gp = gen.as<rt::Generator>();
    bool returned = false;
    EXPECT_EQ(rt::gen_send(in, gp, Value::none(), returned).value().as_small_int(), 1);
    EXPECT_EQ(rt::gen_send(in, gp, Value::from_small_int(5), returned).value().as_small_int(), 5);
    Value last = rt::gen_send(in, gp, Value::none(), returned).value();
    EXPECT_TRUE(returned);
    EXPECT_EQ(last.as_small_int(), 7);
    EXPECT_EQ(gp->state, rt::GenState::Done);
}
