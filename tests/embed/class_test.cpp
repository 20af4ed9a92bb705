// tests/embed/class_test.cpp: native classes wrapping a C++ type: constructor, methods,
// properties, type checks on the receiver, and the C++ object deleted with its instance.
#include <eddy/eddy.hpp>
#include <gtest/gtest.h>

#include <cmath>

namespace {

int g_live = 0;   // Counter instances alive, to check the finalizer deletes them

struct Counter {
    explicit Counter(std::string name, int start) : name(std::move(name)), count(start) { ++g_live; }
    ~Counter() { --g_live; }
    int bump(int by) { return count += by; }
    std::string label() const { return name + "=" + std::to_string(count); }
    int get_count() const { return count; }
    void set_count(int c) { count = c; }
    std::string name;
    int count;
};

struct Vec {
    Vec(double x, double y) : x(x), y(y) {}
    double length() const { return std::hypot(x, y); }
    double x, y;
};

TEST(Class, ConstructorMethodsAndProperties) {
    {
        eddy::Interpreter py;
        py.klass<Counter>("Counter")
            .constructor<std::string, int>({eddy::arg("name"), eddy::arg("start") = 0})
            .method("bump", &Counter::bump, {eddy::arg("by") = 1})
            .method("label", &Counter::label)
            .property("count", &Counter::get_count, &Counter::set_count)
            .property("name", &Counter::name);
        py.exec("c = Counter('hits')\nc.bump()\nc.bump(by=4)\nfirst = c.label()\n"
                "c.count = 10\nc.name = 'misses'\nsecond = c.label()\n"
                "kind = type(c).__name__\n");
        EXPECT_EQ(py.global("first").as<std::string>(), "hits=5");
        EXPECT_EQ(py.global("second").as<std::string>(), "misses=10");
        EXPECT_EQ(py.global("kind").as<std::string>(), "Counter");
        EXPECT_EQ(g_live, 1);
        py.exec("del c");
    }
    EXPECT_EQ(g_live, 0);   // the Interpreter deleted what its instances owned
}

TEST(Class, WrongReceiverOrArgumentsAreTypeErrors) {
    eddy::Interpreter py;
    py.klass<Vec>("Vec", "geometry")
        .constructor<double, double>()
        .method("length", &Vec::length)
        .property("x", &Vec::x);
    py.klass<Counter>("Counter").constructor<std::string, int>();
    EXPECT_DOUBLE_EQ(py.eval("__import__('geometry').Vec(3, 4).length()").as<double>(), 5.0);
    py.exec("from geometry import Vec\nv = Vec(1.5, 2)\nv.x = 6\n");
    EXPECT_DOUBLE_EQ(py.eval("v.x").as<double>(), 6.0);
    auto error = [&py](std::string_view code) {
        try {
            py.exec(code);
        } catch (const eddy::Error& e) {
            return e.type_name() + ": " + e.message();
        }
        return std::string("no error");
    };
    EXPECT_EQ(error("Vec('a', 1)"), "TypeError: Vec() argument 1 must be float, not str");
    EXPECT_EQ(error("Vec.length(Counter('c', 1))"),
              "TypeError: length() argument 1 must be Vec, not Counter");
    EXPECT_EQ(error("v.nope"), "AttributeError: 'Vec' object has no attribute 'nope'");
}

} // namespace
