// tests/compiler/stack_test.cpp: the computed max stack depth and the exception table agree with
// a path-by-path simulation of the stack, for tricky control flow and every golden program.
#include <filesystem>

#include <gtest/gtest.h>

#include "tests/compiler/compiler_test_util.hpp"

using namespace eddy;

namespace {

void expect_sound(std::string_view source) {
    test::Compiled c = test::compile_source(source);
    ASSERT_TRUE(c.code) << (c.error ? c.error->msg : "") << "\n" << source;
    for (const std::string& e : test::check_stack(*c.code)) ADD_FAILURE() << e << "\n" << source;
}

TEST(CompilerStack, ReturnThroughNestedFinallyAndWith) {
    expect_sound(R"(
def f(xs, m):
    for x in xs:
        with m:
            try:
                try:
                    return g(x)
                finally:
                    for y in x:
                        if y: break
                        continue
            except E as e:
                return e
            finally:
                h()
)");
}

TEST(CompilerStack, BreakContinueInHandlers) {
    expect_sound(R"(
while a:
    try:
        b()
    except E as e:
        if e: continue
        break
    except:
        break
    finally:
        for i in j:
            continue
else:
    c()
)");
}

TEST(CompilerStack, AsyncConstructs) {
    expect_sound(R"(
async def f(xs, m, n):
    async with m as a, n:
        async for x in xs:
            if x: break
            await x
            return [y async for y in x if await y]
        else:
            return 1
async def g():
    yield 1
    async with m:
        yield 2
)");
}

TEST(CompilerStack, DeepExpressions) {
    expect_sound("x = [a, (b, [c, {d: e, **f}]), *g, h(i, *j, k=l, **m)][n:o:p] < q < r < s\n"
                 "y = f'{a}{b!r}{c:{d}}' if t and u or not v else w\n");
}

TEST(CompilerStack, EveryGoldenProgram) {
    for (const auto& entry : std::filesystem::directory_iterator(EDDY_COMPILER_GOLDEN_DIR))
        if (entry.path().extension() == ".py") expect_sound(test::read_text(entry.path().string()));
}

TEST(CompilerStack, StacksizeIsTight) {
    // a + (b + (c + d)) needs exactly four slots.
    test::Compiled c = test::compile_source("a + (b + (c + d))\n", parse::Mode::Eval);
    ASSERT_TRUE(c.code);
    EXPECT_EQ(c.code->stacksize, 4);
}

} // namespace
