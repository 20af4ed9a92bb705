// tests/compiler/errors_test.cpp: compile-time SyntaxErrors with CPython 3.11's message, line and
// column (values taken from `compile(src, "<test>", "exec")` under python3.11), plus the modes.
#include <gtest/gtest.h>

#include "tests/compiler/compiler_test_util.hpp"

using namespace eddy;

namespace {

struct ErrorCase {
    const char* source;
    const char* msg;
    int line, col;
};

class CompileError : public testing::TestWithParam<ErrorCase> {};

TEST_P(CompileError, MatchesCPython) {
    const ErrorCase& c = GetParam();
    test::Compiled result = test::compile_source(c.source);
    ASSERT_TRUE(result.error) << "compiled without error:\n" << c.source;
    EXPECT_EQ(result.error->msg, c.msg) << c.source;
    EXPECT_EQ(result.error->line, c.line) << c.source;
    EXPECT_EQ(result.error->col, c.col) << c.source;
}

const ErrorCase Cases[] = {
    {"return 1\n", "'return' outside function", 1, 1},
    {"x = 1\nbreak\n", "'break' outside loop", 2, 1},
    {"while x:\n    def f():\n        continue\n", "'continue' not properly in loop", 3, 9},
    {"for x in y:\n    pass\nelse:\n    continue\n", "'continue' not properly in loop", 4, 5},
    {"class C:\n    yield 1\n", "'yield' outside function", 2, 5},
    {"await x\n", "'await' outside function", 1, 1},
    {"def f():\n    await x\n", "'await' outside async function", 2, 5},
    {"nonlocal x\n", "nonlocal declaration not allowed at module level", 1, 1},
    {"def f():\n    nonlocal x\n", "no binding for nonlocal 'x' found", 2, 5},
    {"class C:\n    nonlocal x\n", "no binding for nonlocal 'x' found", 2, 5},
    {"def f():\n    x = 1\n    global x\n", "name 'x' is assigned to before global declaration", 3, 5},
    {"def f():\n    print(x)\n    global x\n", "name 'x' is used prior to global declaration", 3, 5},
    {"def f(a):\n    global a\n", "name 'a' is parameter and global", 2, 5},
    {"async def f():\n    yield 1\n    return 2\n", "'return' with value in async generator", 3, 5},
    {"def f():\n    from m import *\n", "import * only allowed at module level", 2, 19},
    {"x = [(yield) for y in z]\n", "'yield' inside list comprehension", 1, 7},
    {"def f():\n    async for x in y: pass\n", "'async for' outside async function", 2, 5},
    {"def f():\n    return [await x for x in y]\n",
     "asynchronous comprehension outside of an asynchronous function", 2, 12},
    {"try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n", "default 'except:' must be last", 3, 1},
    {"def f():\n    yield from x\nasync def g():\n    yield from x\n", "'yield from' inside async function", 4, 5},
    {"class C:\n    [y := 1 for x in z]\n",
     "assignment expression within a comprehension cannot be used in a class body", 2, 6},
};

INSTANTIATE_TEST_SUITE_P(Compiler, CompileError, testing::ValuesIn(Cases));

TEST(CompilerModes, InteractivePrintsExpressionsAndAllowsTopLevelAwait) {
    test::Compiled c = test::compile_source("await f()\n", parse::Mode::Interactive);
    ASSERT_TRUE(c.code) << c.error->msg;
    EXPECT_TRUE(c.code->flags & vm::CO_COROUTINE);
    std::string dis = vm::disassemble(*c.code);
    EXPECT_NE(dis.find("PRINT_EXPR"), std::string::npos) << dis;
    EXPECT_NE(dis.find("GET_AWAITABLE"), std::string::npos) << dis;

    test::Compiled plain = test::compile_source("1 + 2\n", parse::Mode::Interactive);
    ASSERT_TRUE(plain.code);
    EXPECT_FALSE(plain.code->flags & vm::CO_COROUTINE);
}

TEST(CompilerModes, EvalReturnsTheExpression) {
    EXPECT_EQ(test::dis_source("a + 1\n", parse::Mode::Eval),
              "  1           0 LOAD_NAME                0 (a)\n"
              "              1 LOAD_CONST               0 (1)\n"
              "              2 BINARY_OP                0 (+)\n"
              "              3 RETURN_VALUE\n");
}

TEST(CompilerModes, FunctionCodeFlagsAndCounts) {
    test::Compiled c = test::compile_source("def f(a, /, b, *c, d, **e):\n    def g(): return a\n"
                                            "    yield g\n");
    ASSERT_TRUE(c.code);
    auto f = std::get<std::shared_ptr<vm::Code>>(c.code->consts[0]);
    EXPECT_EQ(f->argcount, 2);
    EXPECT_EQ(f->posonlyargcount, 1);
    EXPECT_EQ(f->kwonlyargcount, 1);
    EXPECT_EQ(f->varnames, (std::vector<std::string>{"a", "b", "d", "c", "e", "g"}));
    EXPECT_EQ(f->cellvars, std::vector<std::string>{"a"});
    EXPECT_EQ(f->cell2arg, std::vector<int>{0});
    EXPECT_EQ(f->flags, uint32_t(vm::CO_OPTIMIZED | vm::CO_NEWLOCALS | vm::CO_GENERATOR |
                                 vm::CO_VARARGS | vm::CO_VARKEYWORDS));
    EXPECT_EQ(f->qualname, "f");
    auto g = std::get<std::shared_ptr<vm::Code>>(f->consts[1]);
    EXPECT_EQ(g->qualname, "f.<locals>.g");
    EXPECT_EQ(g->freevars, std::vector<std::string>{"a"});
    EXPECT_TRUE(g->flags & vm::CO_NESTED);
}

TEST(CompilerModes, ConstantsAreDeduplicated) {
    test::Compiled c = test::compile_source("a = 1; b = 1; c = 1.0; d = -0.0; e = 0.0; f = True; g = 'x'; h = 'x'\n");
    ASSERT_TRUE(c.code);
    // 1, 1.0, -0.0, 0.0, True, 'x', None: equal values of different types stay apart.
    EXPECT_EQ(c.code->consts.size(), 7u);
}

} // namespace
