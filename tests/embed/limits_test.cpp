// tests/embed/limits_test.cpp: limits for untrusted scripts: the instruction budget and the host's
// interrupt callback stop a runaway loop, the memory cap gives MemoryError inside the script, the
// allow-list refuses imports, output goes to host callbacks.
#include <eddy/eddy.hpp>
#include <gtest/gtest.h>

namespace {

TEST(Limits, InstructionBudgetStopsARunawayLoop) {
    eddy::Config config;
    config.instruction_budget = 100000;
    eddy::Interpreter py(config);
    try {
        py.exec("while True:\n    pass\n");
        FAIL() << "the loop ended";
    } catch (const eddy::Error& e) {
        EXPECT_EQ(e.type_name(), "RuntimeError");
        EXPECT_EQ(e.message(), "instruction budget exhausted");
    }
    // The budget is per call from the host: the next call runs normally.
    EXPECT_EQ(py.eval("sum(range(1000))").as<int>(), 499500);
}

TEST(Limits, ACatchAllCannotSwallowTheBudget) {
    eddy::Config config;
    config.instruction_budget = 10000;
    eddy::Interpreter py(config);
    EXPECT_THROW(py.exec("while True:\n    try:\n        while True:\n            pass\n"
                         "    except BaseException:\n        pass\n"),
                 eddy::Error);
}

TEST(Limits, InterruptCallbackStopsTheScript) {
    int polls = 0;
    eddy::Config config;
    config.interrupt_check = [&polls] { return ++polls == 5; };
    config.interrupt_check_interval = 100;
    config.interrupt_exception = "TimeoutError";
    eddy::Interpreter py(config);
    try {
        py.exec("n = 0\nwhile True:\n    n += 1\n");
        FAIL();
    } catch (const eddy::Error& e) {
        EXPECT_EQ(e.type_name(), "TimeoutError");
    }
    EXPECT_EQ(polls, 5);
}

TEST(Limits, MemoryCapGivesMemoryErrorInsideTheScript) {
    eddy::Config config;
    config.memory_limit = 32 << 20;
    eddy::Interpreter py(config);
    py.exec("try:\n    hog = [0] * (10**8)\nexcept MemoryError:\n    hog = 'refused'\n");
    EXPECT_EQ(py.global("hog").as<std::string>(), "refused");
    EXPECT_EQ(py.eval("len([0] * 1000)").as<int>(), 1000);   // the interpreter carries on
}

TEST(Limits, AllowListOfModules) {
    eddy::Config config;
    config.allowed_modules = std::vector<std::string>{"math"};
    eddy::Interpreter py(config);
    py.module("game").set("LEVEL", 1);
    EXPECT_EQ(py.eval("__import__('math').floor(1.5)").as<int>(), 1);
    EXPECT_EQ(py.eval("__import__('game').LEVEL").as<int>(), 1);
    try {
        py.exec("import sys");
        FAIL();
    } catch (const eddy::Error& e) {
        EXPECT_EQ(e.type_name(), "ImportError");
        EXPECT_EQ(e.message(), "import of 'sys' is not allowed");
    }
}

TEST(Limits, OutputGoesToHostCallbacks) {
    std::string out, err;
    eddy::Config config;
    config.write_stdout = [&out](std::string_view s) { out += s; };
    config.write_stderr = [&err](std::string_view s) { err += s; };
    eddy::Interpreter py(config);
    py.exec("import sys\nprint('to out')\nprint('to err', file=sys.stderr)\n");
    py.flush();
    EXPECT_EQ(out, "to out\n");
    EXPECT_EQ(err, "to err\n");
}

} // namespace
