// examples/embed/rules_engine.cpp: a configuration and rules engine. Business rules live in a
// Python file the operations team edits (rules.py); the C++ host loads it once, hands each order
// to the script's `decide` function as a plain dict, and reads back a decision. The script sees
// the host's currency table through a native function and cannot import anything else.
#include <eddy/eddy.hpp>

#include <cstdio>
#include <map>
#include <string>
#include <vector>

struct Order {
    std::string id;
    std::string country;
    double amount;
    std::vector<std::string> items;
};

int main(int argc, char** argv) {
    std::string rules = argc > 1 ? argv[1] : "rules.py";
    eddy::Config config;
    config.allowed_modules = std::vector<std::string>{"math"};   // rules are untrusted input
    config.instruction_budget = 1'000'000;                       // per decision
    eddy::Interpreter py(config);

    const std::map<std::string, double> to_eur{{"DE", 1.0}, {"US", 0.92}, {"JP", 0.0061}};
    py.def("to_eur", [&to_eur](std::string country, double amount) {
        auto rate = to_eur.find(country);
        if (rate == to_eur.end()) throw std::invalid_argument("no rate for " + country);
        return amount * rate->second;
    }, {eddy::arg("country"), eddy::arg("amount")});

    try {
        py.exec_file(rules);
    } catch (const eddy::Error& e) {
        std::fprintf(stderr, "rules did not load:\n%s", e.traceback().c_str());
        return 1;
    }
    eddy::Object decide = py.global("decide");
    std::printf("rules version %s\n", py.global("VERSION").as<std::string>().c_str());

    const std::vector<Order> orders{
        {"A-1", "DE", 120.0, {"book"}},
        {"A-2", "US", 2500.0, {"laptop", "bag"}},
        {"A-3", "JP", 90000.0, {"camera"}},
        {"A-4", "FR", 10.0, {"pen"}},
    };
    for (const Order& o : orders) {
        std::map<std::string, eddy::Object> fields{
            {"id", py.value(o.id)}, {"country", py.value(o.country)},
            {"amount", py.value(o.amount)}, {"items", py.value(o.items)}};
        try {
            auto [verdict, reason] = decide.call<std::tuple<std::string, std::string>>(fields);
            std::printf("%s: %s (%s)\n", o.id.c_str(), verdict.c_str(), reason.c_str());
        } catch (const eddy::Error& e) {
            std::printf("%s: error %s\n", o.id.c_str(), e.what());
        }
    }
    return 0;
}
