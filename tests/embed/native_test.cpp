// tests/embed/native_test.cpp: C++ functions called from scripts: argument conversion and the
// TypeErrors that name the function, keywords and defaults, native modules, and C++ exceptions
// becoming Python exceptions a script can catch.
#include <eddy/eddy.hpp>
#include <gtest/gtest.h>

#include <stdexcept>

namespace {

std::string error_of(eddy::Interpreter& py, std::string_view expr) {
    try {
        py.eval(expr);
    } catch (const eddy::Error& e) {
        return e.type_name() + ": " + e.message();
    }
    return "no error";
}

TEST(Native, DefConvertsArgumentsAndResult) {
    eddy::Interpreter py;
    py.def("add", [](std::int64_t a, std::int64_t b) { return a + b; });
    py.def("join", [](const std::vector<std::string>& parts, std::string_view sep) {
        std::string out;
        for (size_t i = 0; i < parts.size(); ++i) out += (i ? std::string(sep) : "") + parts[i];
        return out;
    });
    py.def("nothing", []() {});
    EXPECT_EQ(py.eval("add(40, 2)").as<int>(), 42);
    EXPECT_EQ(py.eval("join(['a', 'b'], '-')").as<std::string>(), "a-b");
    EXPECT_TRUE(py.eval("nothing()").is_none());
    EXPECT_EQ(py.eval("repr(add)").as<std::string>(), "<built-in function add>");
}

TEST(Native, WrongArgumentsAreTypeErrorsNamingTheFunction) {
    eddy::Interpreter py;
    py.def("add", [](std::int64_t a, std::int64_t b) { return a + b; });
    EXPECT_EQ(error_of(py, "add(1)"), "TypeError: add() takes exactly 2 arguments (1 given)");
    EXPECT_EQ(error_of(py, "add(1, 2, 3)"),
              "TypeError: add() takes 2 positional arguments but 3 were given");
    EXPECT_EQ(error_of(py, "add(1, 'x')"), "TypeError: add() argument 2 must be int, not str");
    EXPECT_EQ(error_of(py, "add(1, b=2)"), "TypeError: add() takes no keyword arguments");
}

TEST(Native, KeywordsAndDefaults) {
    eddy::Interpreter py;
    py.def("greet",
           [](std::string name, std::string greeting, int times) {
               std::string out;
               for (int i = 0; i < times; ++i) out += greeting + ", " + name + "! ";
               return out;
           },
           {eddy::arg("name"), eddy::arg("greeting") = "hello", eddy::arg("times") = 1});
    EXPECT_EQ(py.eval("greet('ann')").as<std::string>(), "hello, ann! ");
    EXPECT_EQ(py.eval("greet('bo', times=2)").as<std::string>(), "hello, bo! hello, bo! ");
    EXPECT_EQ(py.eval("greet(greeting='hi', name='cy')").as<std::string>(), "hi, cy! ");
    EXPECT_EQ(error_of(py, "greet()"),
              "TypeError: greet() missing 1 required positional argument: 'name'");
    EXPECT_EQ(error_of(py, "greet('a', nme='b')"),
              "TypeError: greet() got an unexpected keyword argument 'nme'");
    EXPECT_EQ(error_of(py, "greet('a', name='b')"),
              "TypeError: greet() got multiple values for argument 'name'");
    EXPECT_EQ(error_of(py, "greet('a', times='x')"),
              "TypeError: greet() argument 'times' must be int, not str");
}

TEST(Native, ModulesAreImportable) {
    eddy::Interpreter py;
    int spawned = 0;
    py.module("game")
        .def("spawn", [&spawned](std::string kind) { return kind + "#" + std::to_string(++spawned); })
        .set("VERSION", 3);
    py.exec("import game\nfirst = game.spawn('orc')\nfrom game import spawn, VERSION\n"
            "second = spawn('elf')\n");
    EXPECT_EQ(py.global("first").as<std::string>(), "orc#1");
    EXPECT_EQ(py.global("second").as<std::string>(), "elf#2");
    EXPECT_EQ(py.global("VERSION").as<int>(), 3);
}

TEST(Native, CppExceptionsBecomeCatchablePythonExceptions) {
    eddy::Interpreter py;
    py.def("fail", [](std::string kind) -> int {
        if (kind == "value") throw std::invalid_argument("bad value");
        if (kind == "index") throw std::out_of_range("no such slot");
        if (kind == "key") throw eddy::Error("KeyError", "'k'");
        throw std::runtime_error("engine failure");
    });
    py.exec("caught = []\n"
            "for kind, exc in [('value', ValueError), ('index', IndexError), ('key', KeyError),\n"
            "                  ('other', RuntimeError)]:\n"
            "    try:\n"
            "        fail(kind)\n"
            "    except exc as e:\n"
            "        caught.append(type(e).__name__ + ': ' + str(e))\n");
    EXPECT_EQ(py.global("caught").as<std::vector<std::string>>(),
              (std::vector<std::string>{"ValueError: bad value", "IndexError: no such slot",
                                        "KeyError: \"'k'\"", "RuntimeError: engine failure"}));
    EXPECT_EQ(error_of(py, "fail('other')"), "RuntimeError: engine failure");
}

TEST(Native, ScriptExceptionsPassBackThroughCppUnchanged) {
    eddy::Interpreter py;
    py.exec("class GameOver(Exception):\n    pass\n"
            "def callback():\n    raise GameOver('lost')\n");
    py.def("run_callback", [&py]() { py.global("callback")(); });
    py.exec("try:\n    run_callback()\nexcept GameOver as e:\n    result = 'caught ' + str(e)\n");
    EXPECT_EQ(py.global("result").as<std::string>(), "caught lost");
}

TEST(Native, CallbacksFromCppIntoPythonAndBack) {
    eddy::Interpreter py;
    py.def("each", [](std::vector<int> items, std::function<int(int)> f) {
        std::vector<int> out;
        for (int i : items) out.push_back(f(i));
        return out;
    });
    EXPECT_EQ(py.eval("each([1, 2, 3], lambda x: x * 10)").as<std::vector<int>>(),
              (std::vector<int>{10, 20, 30}));
}

} // namespace
