// tests/embed/embed_test.cpp: running code, reading values and calling script functions from
// C++, errors both ways, handles across collections, two interpreters at once. Uses only the
// public header.
#include <eddy/eddy.hpp>
#include <gtest/gtest.h>

namespace {

// An interpreter whose output is captured.
struct Captured {
    std::string out, err;
    eddy::Interpreter py{make_config()};

    eddy::Config make_config() {
        eddy::Config c;
        c.write_stdout = [this](std::string_view s) { out += s; };
        c.write_stderr = [this](std::string_view s) { err += s; };
        return c;
    }
};

TEST(Embed, ExecRunsInMainAndPrintsThroughTheCallback) {
    Captured c;
    c.py.exec("x = 6 * 7\nprint('x is', x)");
    c.py.flush();
    EXPECT_EQ(c.out, "x is 42\n");
    EXPECT_EQ(c.py.global("x").as<int>(), 42);
}

TEST(Embed, EvalReturnsAValue) {
    eddy::Interpreter py;
    EXPECT_EQ(py.eval("1 + 2").as<std::int64_t>(), 3);
    EXPECT_EQ(py.eval("'a' * 3").as<std::string>(), "aaa");
    EXPECT_DOUBLE_EQ(py.eval("0.5 + 1").as<double>(), 1.5);
    EXPECT_TRUE(py.eval("None").is_none());
    EXPECT_EQ(py.eval("[1, 2]").repr(), "[1, 2]");
    EXPECT_EQ(py.eval("{'a': 1}").type_name(), "dict");
}

TEST(Embed, CallsScriptFunctionsWithCppArguments) {
    eddy::Interpreter py;
    py.exec("def on_tick(n, label):\n    return f'{label}:{n * 2}'\n");
    EXPECT_EQ(py.global("on_tick")(21, "x").as<std::string>(), "x:42");
    EXPECT_EQ(py.global("on_tick").call<std::string>(1, std::string("y")), "y:2");
}

TEST(Embed, AttributesItemsAndGlobals) {
    eddy::Interpreter py;
    py.exec("class P:\n    def __init__(self):\n        self.x = 1\n    def bump(self, n):\n"
            "        self.x += n\n        return self.x\np = P()\n");
    eddy::Object p = py.global("p");
    EXPECT_EQ(p.attr("x").as<int>(), 1);
    p.set_attr("x", 10);
    EXPECT_EQ(p.attr("bump")(5).as<int>(), 15);
    py.set_global("table", std::vector<int>{4, 5, 6});
    EXPECT_EQ(py.eval("table[1]").as<int>(), 5);
    EXPECT_EQ(py.global("table")[2].as<int>(), 6);
    EXPECT_EQ(py.import("math").attr("floor")(2.5).as<int>(), 2);
}

TEST(Embed, ScriptExceptionsBecomeErrors) {
    eddy::Interpreter py;
    try {
        py.exec("def f():\n    return 1 / 0\nf()\n", "game.py");
        FAIL() << "no exception";
    } catch (const eddy::Error& e) {
        EXPECT_EQ(e.type_name(), "ZeroDivisionError");
        EXPECT_EQ(e.message(), "division by zero");
        EXPECT_NE(e.traceback().find("Traceback (most recent call last):\n"), std::string::npos);
        EXPECT_NE(e.traceback().find("File \"game.py\", line 2, in f"), std::string::npos);
        EXPECT_STREQ(e.what(), "ZeroDivisionError: division by zero");
    }
    EXPECT_THROW(py.eval("1 +"), eddy::Error);
    try {
        py.global("missing");
    } catch (const eddy::Error& e) {
        EXPECT_EQ(e.type_name(), "NameError");
    }
    EXPECT_EQ(py.eval("2 + 2").as<int>(), 4);   // still usable
}

TEST(Embed, WrongConversionIsATypeError) {
    eddy::Interpreter py;
    try {
        py.eval("'text'").as<std::int64_t>();
        FAIL() << "no exception";
    } catch (const eddy::Error& e) {
        EXPECT_EQ(e.type_name(), "TypeError");
        EXPECT_EQ(e.message(), "expected int, got str");
    }
    EXPECT_THROW(eddy::Object().repr(), eddy::Error);
}

TEST(Embed, HandlesKeepValuesAliveAcrossCollections) {
    eddy::Interpreter py;
    eddy::Object kept = py.eval("[str(i) for i in range(100)]");
    eddy::Object copy = kept;
    kept = eddy::Object();
    // Enough garbage to force several collections.
    py.exec("for i in range(200000):\n    junk = [i, str(i), {i: i}]\n");
    EXPECT_EQ(copy.as<std::vector<std::string>>()[99], "99");
}

TEST(Embed, TwoInterpretersAreIndependent) {
    eddy::Interpreter a, b;
    a.exec("x = 'a'");
    b.exec("x = 'b'");
    a.def("who", []() { return std::string("host a"); });
    EXPECT_EQ(a.global("x").as<std::string>(), "a");
    EXPECT_EQ(b.global("x").as<std::string>(), "b");
    EXPECT_EQ(a.eval("who()").as<std::string>(), "host a");
    EXPECT_THROW(b.eval("who()"), eddy::Error);
}

TEST(Embed, InterpretersComeAndGo) {
    for (int i = 0; i < 20; ++i) {
        eddy::Interpreter py;
        py.def("twice", [](int n) { return 2 * n; });
        EXPECT_EQ(py.eval("twice(" + std::to_string(i) + ")").as<int>(), 2 * i);
    }
}

} // namespace
