// tests/embed/convert_test.cpp: conversions between C++ values and Python values in both
// directions, through the public header only.
#include <eddy/eddy.hpp>
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

namespace {

TEST(Convert, Scalars) {
    eddy::Interpreter py;
    EXPECT_EQ(py.value(true).repr(), "True");
    EXPECT_EQ(py.value(-5).repr(), "-5");
    EXPECT_EQ(py.value(std::numeric_limits<std::int64_t>::max()).repr(), "9223372036854775807");
    EXPECT_EQ(py.value(std::numeric_limits<std::uint64_t>::max()).repr(), "18446744073709551615");
    EXPECT_EQ(py.value(0.1).repr(), "0.1");
    EXPECT_EQ(py.value("héllo").repr(), "'héllo'");
    EXPECT_EQ(py.value(std::string_view("sv")).repr(), "'sv'");
    EXPECT_EQ(py.value(nullptr).repr(), "None");
    EXPECT_EQ(py.eval("2**63 - 1").as<std::int64_t>(), std::numeric_limits<std::int64_t>::max());
    EXPECT_EQ(py.eval("2**64 - 1").as<std::uint64_t>(), std::numeric_limits<std::uint64_t>::max());
    EXPECT_EQ(py.eval("True").as<bool>(), true);
    EXPECT_DOUBLE_EQ(py.eval("3").as<double>(), 3.0);
}

TEST(Convert, IntegersOutOfRangeAreOverflowErrors) {
    eddy::Interpreter py;
    try {
        py.eval("2**64").as<std::int64_t>();
        FAIL();
    } catch (const eddy::Error& e) {
        EXPECT_EQ(e.type_name(), "OverflowError");
    }
    EXPECT_THROW(py.eval("300").as<std::int8_t>(), eddy::Error);
    EXPECT_THROW(py.eval("-1").as<unsigned>(), eddy::Error);
    EXPECT_THROW(py.eval("1").as<bool>(), eddy::Error);   // only True and False are bools
}

TEST(Convert, Containers) {
    eddy::Interpreter py;
    EXPECT_EQ(py.value(std::vector<int>{1, 2, 3}).repr(), "[1, 2, 3]");
    EXPECT_EQ(py.value(std::map<std::string, int>{{"a", 1}, {"b", 2}}).repr(), "{'a': 1, 'b': 2}");
    EXPECT_EQ(py.value(std::tuple<int, std::string, bool>{1, "x", false}).repr(), "(1, 'x', False)");
    EXPECT_EQ(py.value(std::optional<int>()).repr(), "None");
    EXPECT_EQ(py.value(std::optional<int>(4)).repr(), "4");
    EXPECT_EQ(py.value(std::vector<std::vector<double>>{{1.5}, {}}).repr(), "[[1.5], []]");

    auto v = py.eval("(1, 2, 3)").as<std::vector<int>>();
    EXPECT_EQ(v, (std::vector<int>{1, 2, 3}));
    auto m = py.eval("{'x': [1], 'y': []}").as<std::unordered_map<std::string, std::vector<int>>>();
    EXPECT_EQ(m.size(), 2u);
    EXPECT_EQ(m["x"], std::vector<int>{1});
    auto t = py.eval("[7, 'seven']").as<std::tuple<int, std::string>>();
    EXPECT_EQ(std::get<1>(t), "seven");
    auto p = py.eval("(1, 2.5)").as<std::pair<int, double>>();
    EXPECT_EQ(p.second, 2.5);
    EXPECT_FALSE(py.eval("None").as<std::optional<std::string>>().has_value());
    EXPECT_THROW(py.eval("[1, 'x']").as<std::vector<int>>(), eddy::Error);
    EXPECT_THROW((py.eval("(1, 2, 3)").as<std::tuple<int, int>>()), eddy::Error);
}

TEST(Convert, FunctionsBothWays) {
    eddy::Interpreter py;
    py.exec("def apply(f, x):\n    return f(x) + 1\n");
    std::function<int(int)> square = [](int x) { return x * x; };
    EXPECT_EQ(py.global("apply")(square, 5).as<int>(), 26);

    py.exec("def make_adder(n):\n    return lambda x: x + n\n");
    auto add3 = py.global("make_adder")(3).as<std::function<int(int)>>();
    EXPECT_EQ(add3(4), 7);
}

} // namespace
